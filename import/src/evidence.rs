//! The report's period from the evidence in it, strongest first: the title, the opening
//! ("现将……工作开展情况总结如下", "2023年上半年，", "1-9月，"), the headings of the
//! work done, the plan's headings and text (the plan's year follows the period), and the
//! date of the signature. Each place votes with its weight; when places disagree, the
//! weightier side wins and every candidate is named, with where it was found.

use crate::draft::Role;
use crate::meta::{self, PeriodShape, Phrase};
use huibao_core::Period;
use huibao_i18n::{msg, Message};

/// How much each place counts.
const TITLE: u32 = 6;
const OPENING: u32 = 4;
const HEADING: u32 = 4;
const OPENING_MORE: u32 = 2;
const PLAN: u32 = 2;
const SIGNATURE: u32 = 2;
const COMPARED: u32 = 1;
const PLAN_TEXT: u32 = 1;
/// A year alone in the opening ("2022年，") for the whole year.
const IMPLIED: u32 = 1;
/// Weaker evidence against the decision is not worth a doubt.
const DISSENT: u32 = 2;
/// Evidence below this weight is a guess.
const SURE: u32 = 4;

/// Where the report's text is, for the evidence.
pub(crate) struct Sources<'a> {
    /// The title, when the report has one.
    pub title: Option<&'a str>,
    /// The opening paragraphs (or, when the report has none, the first part's text).
    pub opening: Vec<&'a str>,
    /// Top-level headings with their part.
    pub parts: Vec<(Role, &'a str)>,
    /// Text of the plan part.
    pub plan_text: Vec<&'a str>,
    /// Text of the work done and the problems.
    pub other_text: Vec<&'a str>,
    /// The signature's date: year and month.
    pub signed: Option<(i32, u8)>,
}

/// One place that names a year or a shape.
#[derive(Debug, Clone)]
struct Vote {
    place: Message,
    weight: u32,
}

/// The period decided, with where it came from and what was doubted.
#[derive(Debug, Clone)]
pub(crate) struct Decision {
    /// The period decided.
    pub period: Period,
    /// For the TOML comment and the summary: where the year and the shape were found.
    pub source: Message,
    /// Both the year and the shape were found, and nothing disagrees.
    pub sure: bool,
    /// What the reader should check.
    pub doubts: Vec<Message>,
}

/// A tally of candidates, each with the places that named it.
#[derive(Debug)]
struct Tally<T: PartialEq + Copy> {
    candidates: Vec<(T, Vec<Vote>)>,
}

impl<T: PartialEq + Copy> Tally<T> {
    fn new() -> Self {
        Tally {
            candidates: Vec::new(),
        }
    }

    fn add(&mut self, value: T, place: Message, weight: u32) {
        let vote = Vote { place, weight };
        match self.candidates.iter_mut().find(|(v, _)| *v == value) {
            Some((_, votes)) => {
                if !votes.iter().any(|v| v.place == vote.place) {
                    votes.push(vote);
                }
            }
            None => self.candidates.push((value, vec![vote])),
        }
    }

    fn weight(votes: &[Vote]) -> u32 {
        votes.iter().map(|v| v.weight).sum()
    }

    /// The weightiest candidate (the first named on a tie).
    fn decide(&self) -> Option<Decided<'_, T>> {
        let best = self
            .candidates
            .iter()
            .enumerate()
            .max_by_key(|(i, (_, votes))| (Self::weight(votes), std::cmp::Reverse(*i)))?
            .1;
        Some(Decided {
            value: best.0,
            votes: &best.1,
            weight: Self::weight(&best.1),
            others: self
                .candidates
                .iter()
                .filter(|(v, _)| *v != best.0)
                .collect(),
        })
    }
}

/// What a tally decided: the value, the places that named it and their weight, and the
/// other candidates with theirs.
struct Decided<'a, T> {
    value: T,
    votes: &'a [Vote],
    weight: u32,
    others: Vec<&'a (T, Vec<Vote>)>,
}

/// "the title and the heading “…”".
fn places(votes: &[Vote]) -> Message {
    crate::words::and(votes.iter().map(|v| v.place.clone()).collect())
}

/// "2022 (the title); 2021 (the heading “…”)": the candidates a decision outweighed.
fn against<T: Copy>(others: &[&(T, Vec<Vote>)], name: impl Fn(T) -> Message) -> Message {
    crate::words::semicolons(
        others
            .iter()
            .map(|(v, votes)| msg!("import-candidate", value = name(*v), places = places(votes)))
            .collect(),
    )
}

fn quote(s: &str) -> String {
    let s = crate::outline::excerpt(s, 16);
    format!("“{s}”")
}

/// The first phrase of a text that names a year or a part of one.
fn first(text: &str) -> Option<Phrase> {
    meta::phrases(text).into_iter().next()
}

/// Phrases that open a clause of the text ("2023年上半年，", "1-6月，园区……"), in order.
fn clause_openers(text: &str) -> Vec<Phrase> {
    meta::phrases(text)
        .into_iter()
        .filter(|p| {
            p.start == 0 || text[..p.start].ends_with(['。', '，', '；', '：', '\u{3000}', ' '])
        })
        .collect()
}

/// The sentence that says what is reported: "现将……总结如下", "……报告如下".
fn announcement(text: &str) -> Option<&str> {
    text.split_inclusive(['。', '：', ':'])
        .find(|s| s.contains("现将") && (s.contains("如下") || s.contains("报告")))
}

fn shape_words(s: PeriodShape) -> Message {
    match s {
        PeriodShape::Year => msg!("import-shape-year"),
        PeriodShape::Half(1) => msg!("import-shape-first-half"),
        PeriodShape::Half(_) => msg!("import-shape-second-half"),
        PeriodShape::Quarter(q) => msg!("import-shape-quarter", quarter = q),
        PeriodShape::Months(a, b) => msg!("import-shape-months", first = a, last = b),
    }
}

/// Whether a period of this shape ends with the year: its plan (and its report's date)
/// fall in the next year.
fn ends_year(s: PeriodShape) -> bool {
    match s {
        PeriodShape::Year | PeriodShape::Half(2) | PeriodShape::Quarter(4) => true,
        PeriodShape::Months(_, b) => b == 12,
        _ => false,
    }
}

/// Decides the period; `published` is a web page's date found in the clutter (year,
/// month), the last evidence before this year.
pub(crate) fn decide(src: &Sources, published: Option<(i32, u8)>, this_year: i32) -> Decision {
    let mut years: Tally<i32> = Tally::new();
    let mut shapes: Tally<PeriodShape> = Tally::new();

    if let Some(title) = src.title {
        if let Some(p) = first(title) {
            let place = msg!("import-place-title");
            if let Some(y) = p.year {
                years.add(y, place.clone(), TITLE);
            }
            if let Some(s) = p.shape {
                shapes.add(s, place, TITLE);
            }
        }
    }
    let mut opening_votes = 0;
    for (i, para) in src.opening.iter().enumerate().take(2) {
        if let Some(sentence) = announcement(para) {
            if let Some(p) = first(sentence) {
                let place = msg!("import-place-opening-sentence", text = quote(sentence));
                if let Some(y) = p.year {
                    years.add(y, place.clone(), OPENING);
                }
                if let Some(s) = p.shape {
                    shapes.add(s, place, OPENING);
                }
            }
        }
        for p in clause_openers(para) {
            let weight = if i == 0 && opening_votes == 0 {
                OPENING
            } else {
                OPENING_MORE
            };
            opening_votes += 1;
            let place = msg!("import-place-opening", text = quote(&para[p.start..]));
            if let Some(y) = p.year {
                years.add(y, place.clone(), weight);
            }
            // "2022年，园区……" says the whole year only weakly; a later clause's months
            // ("1-9月，园区新签约……") are often the figures' own.
            let shape_weight = if p.implied || weight != OPENING {
                IMPLIED
            } else {
                weight
            };
            if let Some(s) = p.shape {
                shapes.add(s, place, shape_weight);
            }
        }
    }
    for &(role, heading) in &src.parts {
        if role == Role::Plan {
            continue;
        }
        if let Some(p) = first(heading) {
            let place = msg!("import-place-heading", text = quote(heading));
            if let Some(y) = p.year {
                years.add(y, place.clone(), HEADING);
            }
            // "2023年重点工作推进情况" names a year more than the whole year.
            if let Some(s) = p.shape {
                shapes.add(s, place, if p.implied { IMPLIED } else { HEADING });
            }
        }
    }
    // "较2022年同期": the year compared with is the year before.
    for text in src.opening.iter().chain(&src.other_text) {
        for (at, _) in text.match_indices('较').chain(text.match_indices("比")) {
            if let Some(p) = first(&text[at..]).filter(|p| p.start <= 3) {
                if let (Some(y), true) = (p.year, text[at + p.end - p.start..].contains("同期")) {
                    years.add(
                        y + 1,
                        msg!("import-place-compared", text = &text[at..at + p.end]),
                        COMPARED,
                    );
                }
            }
        }
    }

    // Nothing weighty names a part of the year: the text's own words stand in, weakly
    // ("今年1-6月份" and "上半年" in a report without a title, "截至XX年10月份").
    if shapes.candidates.is_empty() {
        if let Some((s, place)) = shape_in_text(src) {
            shapes.add(s, place, IMPLIED);
        }
    }
    // The shape first: the plan's year and the signature's date depend on it.
    let shape = shapes.decide();
    let shape_value = shape.as_ref().map(|s| s.value);
    let ends = shape_value.is_none_or(ends_year);
    for &(role, heading) in &src.parts {
        if role != Role::Plan {
            continue;
        }
        if let Some(y) = first(heading).and_then(|p| p.year) {
            let (year, place) = if ends {
                (
                    y - 1,
                    msg!("import-place-plan-heading-before", text = quote(heading)),
                )
            } else {
                (
                    y,
                    msg!("import-place-plan-heading-same", text = quote(heading)),
                )
            };
            years.add(year, place, PLAN);
        }
    }
    if let Some((y, m)) = src.signed {
        // A report on a period that ends with the year is dated early in the next one.
        let year = if ends && m <= 6 { y - 1 } else { y };
        years.add(
            year,
            msg!("import-place-signature-date", date = format!("{y}-{m:02}")),
            SIGNATURE,
        );
    }

    // The plan's text names years of its own ("谋划明年……2023年重大项目"): it counts
    // only when nothing else names one ("确保2022年全年完成……" in a half-year report).
    if years.candidates.is_empty() {
        for text in &src.plan_text {
            for p in meta::phrases(text) {
                if let Some(y) = p.year {
                    let year = if ends { y - 1 } else { y };
                    let place = msg!("import-place-plan-text", text = quote(&text[p.start..]));
                    years.add(year, place, PLAN_TEXT);
                }
            }
        }
    }
    let mut doubts = Vec::new();
    let (year, year_from, year_sure) = match years.decide() {
        Some(Decided {
            value: y,
            votes,
            weight,
            others,
        }) => {
            if !others.is_empty() {
                doubts.push(msg!(
                    "import-doubt-year-outweighs",
                    year = y.to_string(),
                    places = places(votes),
                    against = against(&others, |v: i32| msg!(
                        "value-as-written",
                        value = v.to_string()
                    ))
                ));
            } else if weight < SURE {
                doubts.push(msg!(
                    "import-doubt-year-only-from",
                    year = y.to_string(),
                    places = places(votes)
                ));
            }
            (y, places(votes), others.is_empty() && weight >= SURE)
        }
        None => {
            let any: Vec<i32> = src
                .opening
                .iter()
                .chain(&src.other_text)
                .flat_map(|t| meta::phrases(t))
                .filter_map(|p| p.year)
                .collect();
            let (y, from) = if let Some(&y) = most_common(&any) {
                (y, msg!("import-year-most-named", year = y.to_string()))
            } else if let Some((y, said)) = src
                .opening
                .iter()
                .chain(&src.other_text)
                .find_map(|t| year_end_state(t))
            {
                // "截至2011年末，开发区内已进驻各类企业119家": the state at the end of
                // the year reported on.
                (y, msg!("import-year-end-state", text = said))
            } else if let Some((y, m)) = published {
                // A web page's date: a report on the whole year appears early the next.
                if ends && m <= 6 {
                    (
                        y - 1,
                        msg!("import-year-before-page-date", date = format!("{y}-{m:02}")),
                    )
                } else {
                    (
                        y,
                        msg!("import-year-of-page-date", date = format!("{y}-{m:02}")),
                    )
                }
            } else {
                let found = unwritten_years(src);
                let from = if found.is_empty() {
                    msg!("import-year-not-written")
                } else {
                    msg!("import-year-not-written-but", written = found)
                };
                (this_year, from)
            };
            doubts.push(msg!("import-doubt-year-is", from = from.clone()));
            (y, from, false)
        }
    };
    let (shape, shape_from, shape_sure) = match shape {
        Some(Decided {
            value: s,
            votes,
            others,
            ..
        }) => {
            let others: Vec<_> = others
                .into_iter()
                .filter(|(_, votes)| Tally::<PeriodShape>::weight(votes) >= DISSENT)
                .collect();
            if !others.is_empty() {
                doubts.push(msg!(
                    "import-doubt-shape-outweighs",
                    shape = shape_words(s),
                    places = places(votes),
                    against = against(&others, shape_words)
                ));
            }
            (s, places(votes), others.is_empty())
        }
        None => {
            doubts.push(msg!("import-doubt-no-shape"));
            (PeriodShape::Year, msg!("import-shape-none"), false)
        }
    };
    let period = meta::make_period(year, shape);
    let source = if year_from == shape_from {
        msg!("import-period-from", places = year_from)
    } else {
        msg!(
            "import-period-from-both",
            year = year_from,
            shape = shape_words(shape),
            places = shape_from
        )
    };
    Decision {
        period,
        source,
        sure: year_sure && shape_sure,
        doubts,
    }
}

/// Where a year is left unwritten: masked ("20xx年", "XX年", "**年") or "今年", each
/// quoted once, at most three.
fn unwritten_years(src: &Sources) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    let texts = src
        .title
        .iter()
        .copied()
        .chain(src.parts.iter().map(|(_, t)| *t))
        .chain(src.opening.iter().copied())
        .chain(src.other_text.iter().copied());
    for text in texts {
        let chars: Vec<char> = text.chars().collect();
        for (i, &c) in chars.iter().enumerate() {
            if c != '年' || found.len() >= 3 {
                continue;
            }
            let before: String = chars[..i]
                .iter()
                .rev()
                .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '*' | '×'))
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            let masked = before.len() >= 2
                && before.chars().any(|c| matches!(c, 'x' | 'X' | '*' | '×'))
                && before
                    .chars()
                    .all(|c| c.is_ascii_digit() || matches!(c, 'x' | 'X' | '*' | '×'));
            let word = if masked {
                format!("“{before}年”")
            } else if i > 0 && chars[i - 1] == '今' {
                "“今年”".to_string()
            } else {
                continue;
            };
            if !found.contains(&word) {
                found.push(word);
            }
        }
    }
    found
}

/// "截至2011年末", "截止2020年底": a year whose end the text describes.
fn year_end_state(text: &str) -> Option<(i32, String)> {
    for lead in ["截至", "截止", "截止到", "到"] {
        for (at, _) in text.match_indices(lead) {
            let rest = &text[at + lead.len()..];
            let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
            if digits.len() != 4 {
                continue;
            }
            let after = &rest[4..];
            if ["年末", "年底", "年12月"]
                .iter()
                .any(|w| after.starts_with(w))
            {
                let y: i32 = digits.parse().ok()?;
                if (1990..=2100).contains(&y) {
                    let end = at + lead.len() + 4 + "年末".len();
                    return Some((y, text[at..end].to_string()));
                }
            }
        }
    }
    None
}

/// The part of the year the opening and the work done name most ("上半年", "1-6月份",
/// "截至XX年10月份" for months 1-10), with where; `None` when they name none.
fn shape_in_text(src: &Sources) -> Option<(PeriodShape, Message)> {
    let mut counts: Vec<(PeriodShape, usize, String)> = Vec::new();
    let mut add = |s: PeriodShape, said: &str| match counts.iter_mut().find(|(v, ..)| *v == s) {
        Some((_, n, _)) => *n += 1,
        None => counts.push((s, 1, said.to_string())),
    };
    for text in src.opening.iter().chain(&src.other_text) {
        for p in meta::phrases(text) {
            match p.shape {
                Some(s) if s != PeriodShape::Year && !p.implied => add(s, &text[p.start..p.end]),
                _ => {}
            }
        }
        for lead in ["截至", "截止"] {
            for (at, _) in text.match_indices(lead) {
                if let Some((m, said)) = months_to(&text[at..]) {
                    add(PeriodShape::Months(1, m).normalized(), said);
                }
            }
        }
    }
    let (s, n, said) = counts
        .into_iter()
        .enumerate()
        .max_by_key(|(i, (_, n, _))| (*n, std::cmp::Reverse(*i)))?
        .1;
    let place = if n > 1 {
        msg!("import-place-text-times", text = said, times = n)
    } else {
        msg!("import-place-text", text = said)
    };
    Some((s, place))
}

/// "截至XX年10月份" / "截至10月底": the month the text counts to, with the words.
fn months_to(s: &str) -> Option<(u8, &str)> {
    let head: String = s.chars().take(12).collect();
    let at = head.find('月')?;
    let before = &head[..at];
    let digits: String = before
        .chars()
        .rev()
        .take_while(char::is_ascii_digit)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let m: u8 = digits.parse().ok()?;
    // Only a month (not a day count or a range): the month follows 年 or the lead.
    let lead_end = before.len() - digits.len();
    let ok = before[..lead_end].ends_with('年')
        || before[..lead_end].ends_with("截至")
        || before[..lead_end].ends_with("截止");
    ((1..=11).contains(&m) && ok).then(|| (m, &s[..at + '月'.len_utf8()]))
}

fn most_common(years: &[i32]) -> Option<&i32> {
    years.iter().max_by_key(|y| {
        (
            years.iter().filter(|x| x == y).count(),
            std::cmp::Reverse(**y),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sources<'a>(
        title: Option<&'a str>,
        opening: &[&'a str],
        parts: &[(Role, &'a str)],
    ) -> Sources<'a> {
        Sources {
            title,
            opening: opening.to_vec(),
            parts: parts.to_vec(),
            plan_text: Vec::new(),
            other_text: Vec::new(),
            signed: None,
        }
    }

    #[test]
    fn the_body_outweighs_a_title_that_disagrees() {
        let s = sources(
            Some("青峰经济开发区2022上半年工作总结"),
            &["今年以来，园区经济运行稳中有进。现将经济开发区2023年上半年工作开展情况总结如下："],
            &[
                (Role::Achievements, "2023年重点工作推进情况"),
                (Role::Problems, "存在的困难和问题"),
                (Role::Plan, "2023年下一步工作思路与措施"),
            ],
        );
        let d = decide(&s, None, 2030);
        assert_eq!(d.period, Period::Half(2023, 1));
        assert!(!d.sure);
        let doubt = d
            .doubts
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("\n");
        assert!(
            doubt.contains("the year 2023 (the opening sentence")
                && doubt.contains("outweighs 2022 (the title)"),
            "{doubt}"
        );
        // "2023年重点工作推进情况" names the year, not the whole year: no doubt on the half.
        assert_eq!(d.doubts.len(), 1, "{doubt}");
    }

    #[test]
    fn an_annual_plan_is_for_the_next_year() {
        let s = sources(
            Some("翠屏山科技城管委会2022年度工作总结及下一步工作思路"),
            &[],
            &[
                (Role::Achievements, "2022年工作开展情况"),
                (Role::Plan, "2023年工作思路"),
            ],
        );
        let d = decide(&s, None, 2030);
        assert_eq!(d.period, Period::Year(2022));
        assert!(d.sure, "{:?}", d.doubts);
    }

    #[test]
    fn a_year_only_in_the_plan_is_weak_but_no_guess_of_this_year() {
        let mut s = sources(
            None,
            &["上半年以来，碧溪河高新技术产业园区管委会坚持把发展作为第一要务。1-6月，园区完成技工贸总收入96.74亿元。"],
            &[(Role::Achievements, "主要工作及成效"), (Role::Plan, "下半年工作打算")],
        );
        s.plan_text = vec!["倒排工期推进重点项目，确保2022年全年完成固定资产投资42亿元以上。"];
        let d = decide(&s, None, 2030);
        assert_eq!(d.period, Period::Half(2022, 1));
        assert!(!d.sure);
        assert!(
            d.doubts[0]
                .to_string()
                .contains("only from the plan's text"),
            "{:?}",
            d.doubts
        );
    }

    #[test]
    fn the_signature_of_an_annual_report_is_in_the_next_year() {
        let mut s = sources(
            None,
            &["全年完成营业收入。"],
            &[(Role::Achievements, "主要工作")],
        );
        s.signed = Some((2023, 1));
        let d = decide(&s, None, 2030);
        assert_eq!(d.period, Period::Year(2022));
        assert!(!d.sure);
    }

    #[test]
    fn without_a_year_the_kind_comes_from_the_text_and_the_year_stays_a_check() {
        // From the published corpus (01): no title read, "上半年" and "今年1-6月份" in the text.
        let mut s = sources(None, &["在市委、市政府的正确领导下，全区经济走上了健康的发展道路。上半年，XXX开发区实现国内生产总值2.87亿元。"], &[]);
        s.other_text = vec!["今年1-6月份，全区建设项目共72个。"];
        let d = decide(&s, None, 2030);
        assert_eq!(d.period, Period::Half(2030, 1));
        assert!(!d.sure);
        assert!(
            d.doubts
                .iter()
                .any(|m| m.to_string().contains("this year stands in")
                    && m.to_string().contains("“今年”")),
            "{:?}",
            d.doubts
        );
        // (09): "截至XX年10月份" is months 1-10 of a masked year.
        let mut s = sources(
            None,
            &["年初以来，开发区管委会在县委、县政府正确领导下推进各项工作。"],
            &[],
        );
        s.other_text = vec!["截至XX年10月份，开发区工业总产值完成x亿元，同比增长x%。"];
        let d = decide(&s, None, 2030);
        assert_eq!(d.period, Period::Months(2030, 1, 10));
        assert!(
            d.doubts.iter().any(|m| m.to_string().contains("“XX年”")),
            "{:?}",
            d.doubts
        );
    }

    #[test]
    fn a_year_whose_end_is_described_is_the_year() {
        // From the published corpus (34).
        let mut s = sources(None, &[], &[]);
        s.other_text = vec!["截至2011年末，开发区内已进驻各类企业119家。"];
        let d = decide(&s, None, 2030);
        assert_eq!(d.period, Period::Year(2011));
        assert!(!d.sure);
    }

    #[test]
    fn no_year_anywhere_falls_back_to_the_web_page_then_this_year() {
        let s = sources(Some("xxxx年工作总结"), &[], &[]);
        assert_eq!(decide(&s, Some((2022, 3)), 2030).period, Period::Year(2021));
        let d = decide(&s, None, 2030);
        assert_eq!(d.period, Period::Year(2030));
        assert!(d.doubts.iter().any(|m| m.to_string().contains("this year")));
    }
}
