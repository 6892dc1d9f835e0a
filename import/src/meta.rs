//! The report's period, organization and date, found in the title, the headings or the
//! text, with where each was found so doubtful guesses can be flagged.

use crate::frame::Ymd;
use huibao_core::Period;

/// A value with a note of where it came from; `sure` is false for guesses.
#[derive(Debug, Clone, PartialEq)]
pub struct Found<T> {
    /// What was found.
    pub value: T,
    /// "the title", "the signature", "a guess from the text" …, in the reader's language.
    pub source: huibao_i18n::Message,
    /// False for a guess, which is written with a `# CHECK:` comment.
    pub sure: bool,
}

/// The period phrase in a piece of text: "2022年上半年" → H1, "2022年1-9月" → months.
/// The year may be missing (masked as "xxxx年" or "年度"); it is then `None`.
pub(crate) fn period_in(text: &str) -> Option<(Option<i32>, PeriodShape)> {
    let chars: Vec<char> = text.chars().collect();
    for i in 0..chars.len() {
        if chars[i] != '年' {
            continue;
        }
        let year_digits: String = chars[..i]
            .iter()
            .rev()
            .take_while(|c| c.is_ascii_digit() || matches!(c, 'x' | 'X' | '*' | '×'))
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let rest: String = chars[i + 1..].iter().take(8).collect();
        let year = (year_digits.len() == 4)
            .then(|| year_digits.parse::<i32>().ok())
            .flatten()
            .filter(|y| (1990..=2100).contains(y));
        let masked = year_digits.len() == 4 && year.is_none();
        if year.is_none() && !masked && !rest.starts_with('度') && i > 0 {
            continue;
        }
        return Some((year, shape(&rest)));
    }
    None
}

/// What part of a year a report covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PeriodShape {
    Year,
    Half(u8),
    Quarter(u8),
    Months(u8, u8),
}

impl PeriodShape {
    /// The same part of a year in its canonical form: "1-6月" is the first half, "7-9月"
    /// the third quarter (as core's `Period::normalized`).
    pub(crate) fn normalized(self) -> PeriodShape {
        match self {
            PeriodShape::Months(a, b) => match make_period(2000, self) {
                Period::Year(_) => PeriodShape::Year,
                Period::Half(_, h) => PeriodShape::Half(h),
                Period::Quarter(_, q) => PeriodShape::Quarter(q),
                _ => PeriodShape::Months(a, b),
            },
            s => s,
        }
    }
}

fn shape(after_year: &str) -> PeriodShape {
    let s = after_year;
    if s.starts_with("上半年") {
        return PeriodShape::Half(1);
    }
    if s.starts_with("下半年") {
        return PeriodShape::Half(2);
    }
    if s.starts_with("前三季度") {
        return PeriodShape::Months(1, 9);
    }
    for (q, word) in ["一", "二", "三", "四"].iter().enumerate() {
        if s.starts_with(&format!("第{word}季度")) || s.starts_with(&format!("{word}季度")) {
            return PeriodShape::Quarter(q as u8 + 1);
        }
    }
    if let Some((a, b)) = month_range(s) {
        return PeriodShape::Months(a, b);
    }
    PeriodShape::Year
}

/// "1-9月", "1—6月", "1至9月" at the start of `s`.
fn month_range(s: &str) -> Option<(u8, u8)> {
    let a: String = s.chars().take_while(|c| c.is_ascii_digit()).collect();
    let rest = &s[a.len()..];
    let sep = rest.chars().next()?;
    if !matches!(sep, '-' | '—' | '–' | '－' | '~' | '～' | '至' | '到') {
        return None;
    }
    let rest = &rest[sep.len_utf8()..];
    let b: String = rest.chars().take_while(|c| c.is_ascii_digit()).collect();
    if !rest[b.len()..].starts_with('月') {
        return None;
    }
    let (a, b) = (a.parse::<u8>().ok()?, b.parse::<u8>().ok()?);
    (1..=12).contains(&a).then_some(())?;
    (a <= b && b <= 12).then_some((a, b))
}

/// A period named in text: "2023年上半年", "2022年", "2022上半年", "上半年", "1-9月",
/// "一季度", "2023年以来" (a year, no shape).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Phrase {
    /// The year, when written (not masked).
    pub year: Option<i32>,
    /// The part of the year, when named ("2022年" and "2022年度" name the whole year).
    pub shape: Option<PeriodShape>,
    /// The whole year only because a year stands alone ("2022年工作", "2022年，"): weak,
    /// as "2023年重点工作" in a half-year report shows.
    pub implied: bool,
    /// Where it starts in the text (bytes).
    pub start: usize,
    /// Where it ends in the text (bytes).
    pub end: usize,
}

/// Every period named in `text`, in order. A year compared with ("较2022年同期") or used
/// as a point in time ("2022年底") is not a period.
pub(crate) fn phrases(text: &str) -> Vec<Phrase> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let byte = |i: usize| chars.get(i).map_or(text.len(), |&(b, _)| b);
    let rest = |i: usize| &text[byte(i)..];
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i].1;
        let after_digit = i > 0 && (chars[i - 1].1.is_ascii_digit() || chars[i - 1].1 == '.');
        let year_digits = chars[i..]
            .iter()
            .take_while(|(_, c)| c.is_ascii_digit())
            .count();
        // A year in Chinese numerals, digit by digit: "二〇二二年".
        let chinese_year = (chars.len() >= i + 5 && chars[i + 4].1 == '年')
            .then(|| {
                chars[i..i + 4].iter().try_fold(0, |acc, &(_, c)| {
                    let d = match c {
                        '〇' | '○' | '零' => 0,
                        c => huibao_core::numbering::chinese_value(&c.to_string())?,
                    };
                    (d <= 9).then_some(acc * 10 + d as i32)
                })
            })
            .flatten()
            .filter(|y| (1990..=2100).contains(y));
        if (c.is_ascii_digit() && !after_digit && year_digits == 4) || chinese_year.is_some() {
            let year: i32 = chinese_year.unwrap_or_else(|| rest(i)[..4].parse().unwrap_or(0));
            let mut j = i + 4;
            let mut implied = false;
            if !(1990..=2100).contains(&year) {
                i = j;
                continue;
            }
            let r = &text[byte(j)..];
            let (shape, end) = if let Some(r) = r.strip_prefix('年') {
                j += 1;
                if r.starts_with('度') {
                    (Some(PeriodShape::Year), j + 1)
                } else if let Some((s, n)) = shape_at(r) {
                    (Some(s), j + n)
                } else if ["同期", "底", "初", "末", "前", "后", "月"]
                    .iter()
                    .any(|w| r.starts_with(w))
                    || r.starts_with(|c: char| c.is_ascii_digit())
                {
                    // A point in time or a comparison, not a period.
                    i = j;
                    continue;
                } else if r.starts_with("以来") {
                    (None, j)
                } else {
                    implied = true;
                    (Some(PeriodShape::Year), j)
                }
            } else if let Some((s, n)) = shape_at(r) {
                // "2022上半年": the year without 年.
                (Some(s), j + n)
            } else if r.starts_with("工作") {
                // "2019工作总结及2020年工作计划": the year without 年 before its work.
                implied = true;
                (Some(PeriodShape::Year), j)
            } else {
                i = j;
                continue;
            };
            out.push(Phrase {
                year: Some(year),
                shape,
                implied,
                start: byte(i),
                end: byte(end),
            });
            i = end;
            continue;
        }
        // A masked year ("xxxx年") or a bare "年度": the whole year, its number unknown.
        let masked = chars[i..]
            .iter()
            .take_while(|(_, c)| matches!(c, 'x' | 'X' | '*' | '×'))
            .count();
        let bare_year = c == '年'
            && rest(i).starts_with("年度")
            && !(i > 0 && (chars[i - 1].1.is_alphanumeric() || chars[i - 1].1 == '*'));
        if (masked == 4 && rest(i + 4).starts_with('年')) || bare_year {
            let at = if bare_year { i } else { i + 4 };
            let (shape, end) = match shape_at(&rest(at)['年'.len_utf8()..]) {
                Some((s, n)) => (s, at + 1 + n),
                None => (PeriodShape::Year, at + 1),
            };
            out.push(Phrase {
                year: None,
                shape: Some(shape),
                implied: false,
                start: byte(i),
                end: byte(end),
            });
            i = end;
            continue;
        }
        if !after_digit {
            if let Some((s, n)) = shape_at(rest(i)) {
                out.push(Phrase {
                    year: None,
                    shape: Some(s),
                    implied: false,
                    start: byte(i),
                    end: byte(i + n),
                });
                i += n;
                continue;
            }
        }
        i += 1;
    }
    out
}

/// The part of a year named at the start of `s` (normalised), and its length in characters.
fn shape_at(s: &str) -> Option<(PeriodShape, usize)> {
    named_shape_at(s).map(|(shape, n)| (shape.normalized(), n))
}

fn named_shape_at(s: &str) -> Option<(PeriodShape, usize)> {
    for (word, shape) in [
        ("上半年", PeriodShape::Half(1)),
        ("下半年", PeriodShape::Half(2)),
        ("前三季度", PeriodShape::Months(1, 9)),
    ] {
        if s.starts_with(word) {
            return Some((shape, word.chars().count()));
        }
    }
    for (q, word) in ["一", "二", "三", "四"].iter().enumerate() {
        for form in [format!("第{word}季度"), format!("{word}季度")] {
            if s.starts_with(&form) {
                return Some((PeriodShape::Quarter(q as u8 + 1), form.chars().count()));
            }
        }
    }
    let (a, b) = month_range(s)?;
    let digits = s.find(['月']).map(|at| s[..at].chars().count() + 1)?;
    let n = if s[s.find('月')? + '月'.len_utf8()..].starts_with('份') {
        digits + 1
    } else {
        digits
    };
    Some((PeriodShape::Months(a, b), n))
}

/// Builds a period from a year and a shape.
pub(crate) fn make_period(year: i32, shape: PeriodShape) -> Period {
    match shape {
        PeriodShape::Year => Period::Year(year),
        PeriodShape::Half(h) => Period::Half(year, h),
        PeriodShape::Quarter(q) => Period::Quarter(year, q),
        PeriodShape::Months(a, b) => Period::Months(year, a, b).normalized(),
    }
}

/// Suffixes of organization names, longest first.
const ORG_SUFFIXES: [&str; 14] = [
    "管理委员会",
    "管委会",
    "经济技术开发区",
    "高新技术产业开发区",
    "开发区",
    "高新区",
    "经开区",
    "科技城",
    "生态园",
    "产业园",
    "工业园",
    "新区",
    "园区",
    "办公室",
];

/// Endings of the names of organs and organizations, for a line that is a name alone.
const ORGAN_ENDINGS: [&str; 24] = [
    "管理委员会",
    "管委会",
    "委员会",
    "人民政府",
    "政府",
    "党工委",
    "工委",
    "办公室",
    "经济技术开发区",
    "开发区",
    "高新区",
    "经开区",
    "科技城",
    "园区",
    "产业园",
    "工业园",
    "生态园",
    "新区",
    "新城",
    "指挥部",
    "服务中心",
    "局",
    "集团",
    "公司",
];

/// Whether a short line is the name of an organization alone ("某某园区管委会").
pub(crate) fn is_organization_name(s: &str) -> bool {
    let n = s.chars().count();
    (4..=30).contains(&n)
        && !s.chars().any(|c| c.is_ascii_digit())
        && !s.contains(['，', '。', '；', '：', '、'])
        && ORGAN_ENDINGS.iter().any(|e| s.ends_with(e))
}

/// The organization at the start of a title: the text before the period or "关于".
pub(crate) fn organization_in_title(title: &str) -> Option<String> {
    let cut = [
        title.find("关于"),
        title.find(|c: char| c.is_ascii_digit() || matches!(c, 'x' | 'X' | '*')),
        title.find("年度"),
        title.find("上半年"),
        title.find("下半年"),
        title.find("工作"),
    ]
    .into_iter()
    .flatten()
    .min()?;
    let org = title[..cut].trim();
    // "温州浙南产业集聚区（经开区、瓯飞）": a name with its other names in brackets.
    let bare = match org.strip_suffix(['）', ')']) {
        Some(inner) => inner
            .rfind(['（', '('])
            .map_or(org, |at| org[..at].trim_end()),
        None => org,
    };
    let endings = ORG_SUFFIXES.iter().chain(&["集聚区", "产业区", "示范区"]);
    (org.chars().count() >= 2 && endings.clone().any(|s| bare.ends_with(s)))
        .then(|| org.to_string())
}

/// The full name of the organization that acts in a sentence ("上半年以来，碧溪河高新技术
/// 产业园区管委会坚持……"): the clause's words up to a name's ending (管委会, 开发区 …).
pub(crate) fn organization_named(text: &str) -> Option<String> {
    for clause in text.split(['，', '。', '；', '：', '、']) {
        // The first ending, extended by endings that overlap or follow it
        // ("产业园" + "园区" + "管委会").
        // An organization's endings, not counting 新区 and 办公室 here.
        let matches: Vec<(usize, usize)> = ORG_SUFFIXES
            .iter()
            .filter(|e| !matches!(**e, "新区" | "办公室"))
            .flat_map(|e| clause.match_indices(e).map(|(at, m)| (at, at + m.len())))
            .collect();
        let Some(&(_, mut end)) = matches
            .iter()
            .min_by_key(|&&(at, end)| (at, std::cmp::Reverse(end)))
        else {
            continue;
        };
        while let Some(&(_, e)) = matches
            .iter()
            .filter(|&&(at, e)| at <= end && e > end)
            .max_by_key(|&&(_, e)| e)
        {
            end = e;
        }
        let name = &clause[..end];
        let n = name.chars().count();
        // A masked name is a name ("xx开发区", "__经济开发区"); a clause that opens with
        // a verb ("结合开发区", "要成为开发区") names none.
        let masked = name.trim_start_matches(['x', 'X', '*', '_', '×']);
        if (4..=24).contains(&n)
            && masked.chars().all(huibao_core::chars::is_han)
            && !NOT_NAME_STARTS.iter().any(|w| masked.starts_with(w))
        {
            return Some(name.to_string());
        }
    }
    None
}

/// Words that open a clause about an organization, not its name ("结合开发区实际",
/// "也是开发区", "要成为开发区今后……", "不断开创开发区工作的新局面").
const NOT_NAME_STARTS: [&str; 30] = [
    "结合", "也是", "要", "成为", "不断", "加快", "推动", "促进", "把", "将", "在", "对", "为",
    "是", "使", "让", "全力", "积极", "我们", "全面", "支持", "围绕", "依托", "打造", "建设",
    "推进", "开创", "此例", "参考", "作为",
];

/// The organization named most often in the text ("生态园以……", "园区完成……").
pub(crate) fn organization_in_text(text: &str) -> Option<String> {
    ORG_SUFFIXES
        .iter()
        .filter(|s| **s != "办公室")
        .map(|s| (text.matches(s).count(), *s))
        .filter(|(n, _)| *n >= 2)
        .max_by_key(|(n, s)| (*n, s.len()))
        .map(|(_, s)| s.to_string())
}

/// The first day after a period: a stand-in date when the source has none.
pub(crate) fn day_after(period: &Period) -> Ymd {
    let (_, last) = period.months();
    if last == 12 {
        Ymd(period.year() + 1, 1, 1)
    } else {
        Ymd(period.year(), last + 1, 1)
    }
}

/// This year, from the system clock (for a report whose year is masked everywhere).
pub(crate) fn this_year() -> i32 {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    1970 + (secs / 31_556_952) as i32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods() {
        assert_eq!(
            period_in("园区管委会2022年上半年工作总结及下半年计划"),
            Some((Some(2022), PeriodShape::Half(1)))
        );
        assert_eq!(
            period_in("区科技城管理委员会年度工作总结及下一步工作思路"),
            Some((None, PeriodShape::Year))
        );
        assert_eq!(period_in("xxxx年工作总结"), Some((None, PeriodShape::Year)));
        assert_eq!(
            period_in("2022年工作总结"),
            Some((Some(2022), PeriodShape::Year))
        );
        assert_eq!(
            period_in("2022年1-9月，园区"),
            Some((Some(2022), PeriodShape::Months(1, 9)))
        );
        assert_eq!(
            period_in("2022年第三季度"),
            Some((Some(2022), PeriodShape::Quarter(3)))
        );
        assert_eq!(period_in("主要工作"), None);
        // From the published corpus (18): the year without 年 before its work.
        let p = phrases("工业园区（高新区）2019工作总结及2020年工作计划");
        assert_eq!(
            (p[0].year, p[0].shape),
            (Some(2019), Some(PeriodShape::Year))
        );
        assert_eq!(
            make_period(2022, PeriodShape::Months(1, 6)),
            Period::Half(2022, 1)
        );
    }

    #[test]
    fn organizations_with_other_names_in_brackets() {
        // From the published corpus (19).
        assert_eq!(
            organization_in_title(
                "温州浙南产业集聚区（经开区、瓯飞）2016年工作总结和2017年工作思路"
            )
            .as_deref(),
            Some("温州浙南产业集聚区（经开区、瓯飞）")
        );
    }

    #[test]
    fn organizations_not_taken_from_verbs() {
        // From the published corpus (05, 23, 25, 31).
        for t in [
            "结合开发区实际，现将工作总结如下。",
            "也是开发区发展的关键一年。",
            "要成为开发区今后务虚工作的内在气质。",
            "不断开创开发区工作的新局面。",
        ] {
            assert_eq!(organization_named(t), None, "{t}");
        }
        assert_eq!(
            organization_named("20xx年以来，xx开发区实现国内生产总值28.7亿元。").as_deref(),
            Some("xx开发区")
        );
    }

    #[test]
    fn organizations() {
        assert_eq!(
            organization_in_title("园区管委会2022年上半年工作总结及下半年计划").as_deref(),
            Some("园区管委会")
        );
        assert_eq!(
            organization_in_title("区科技城管理委员会年度工作总结及下一步工作思路").as_deref(),
            Some("区科技城管理委员会")
        );
        assert_eq!(
            organization_in_title("某某管委会关于2022年工作情况的报告").as_deref(),
            Some("某某管委会")
        );
        assert_eq!(organization_in_title("2022年工作总结"), None);
        assert_eq!(
            organization_in_text("生态园以……生态园部分指标……园区实现").as_deref(),
            Some("生态园")
        );
        let years: Vec<Option<i32>> = phrases("2022年和2023年，12022年，较2021年同期")
            .iter()
            .map(|p| p.year)
            .collect();
        assert_eq!(years, vec![Some(2022), Some(2023)]);
    }
}
