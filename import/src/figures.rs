//! Figures in the text ("工业总产值152.3亿元，同比增长8.6%") offered as indicators when
//! the name and value are unambiguous; masked figures ("*亿元", "xx.x亿元") are listed.

use huibao_core::chars::is_han;

/// A figure found in the text.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Figure {
    /// "工业总产值".
    pub name: String,
    /// The value as written ("152.3"), or `None` when masked.
    pub value: Option<String>,
    /// "亿元".
    pub unit: String,
    /// The change that follows it ("同比增长8.6%").
    pub growth: Option<Change>,
    /// The share of the annual target that follows it ("完成全年目标的52.3%").
    pub completion: Option<Completion>,
    /// The words around it, for the comment.
    pub context: String,
}

/// Units a figure may carry, longest first.
const UNITS: [&str; 30] = [
    "万平方米",
    "平方公里",
    "万千瓦时",
    "平方米",
    "万美元",
    "亿美元",
    "千瓦时",
    "亿元",
    "万元",
    "千元",
    "万吨",
    "公顷",
    "人次",
    "公里",
    "千瓦",
    "兆瓦",
    "美元",
    "元",
    "吨",
    "亩",
    "%",
    "家",
    "个",
    "项",
    "人",
    "名",
    "件",
    "宗",
    "套",
    "座",
];

/// Words of economic indicators: a figure outside the opening needs one in its name.
const ECONOMIC: [&str; 14] = [
    "收入",
    "产值",
    "增加值",
    "投资",
    "税收",
    "外资",
    "财政",
    "出口",
    "进出口",
    "营业",
    "销售",
    "利润",
    "生产总值",
    "研发经费",
];

/// Names too general to be an indicator of the whole report.
const GENERIC: [&str; 10] = [
    "总投资",
    "投资",
    "面积",
    "总面积",
    "金额",
    "资金",
    "项目",
    "企业",
    "总金额",
    "规模",
];

/// Verbs and fillers cut from the front and back of a name.
const VERBS: [&str; 16] = [
    "完成", "实现", "达到", "累计", "共计", "总计", "约为", "达", "为", "约", "超", "突破", "其中",
    "全年", "共", "是",
];

/// Finds the figures of one paragraph; `opening` allows any name, else an economic one.
pub(crate) fn find(text: &str, opening: bool) -> Vec<Figure> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let starts = c.is_ascii_digit()
            || c == '*'
            || ((c == 'x' || c == 'X') && i > 0 && is_han(chars[i - 1]));
        if !starts || (i > 0 && (chars[i - 1].is_ascii_alphanumeric() || chars[i - 1] == '.')) {
            i += 1;
            continue;
        }
        let start = i;
        let mut j = i;
        while j < chars.len()
            && (is_digitish(chars[j])
                || (chars[j] == '.' && j + 1 < chars.len() && is_digitish(chars[j + 1])))
        {
            j += 1;
        }
        let number: String = chars[start..j].iter().collect();
        let rest: String = chars[j..chars.len().min(j + 6)].iter().collect();
        let Some(unit) = UNITS.iter().find(|u| rest.starts_with(**u)) else {
            i = j.max(i + 1);
            continue;
        };
        let after = j + unit.chars().count();
        i = after;
        // "1-9月" ranges and "*-*个" are not figures; neither are parts of "1.2个百分点".
        if rest.starts_with("个百分点") || chars.get(start.wrapping_sub(1)) == Some(&'-') {
            continue;
        }
        let Some(name) = name_before(&chars[..start]) else {
            continue;
        };
        if name.ends_with('的')
            || name.ends_with("增长")
            || name.ends_with("下降")
            || name.ends_with("增速") && *unit != "%"
        {
            continue;
        }
        if GENERIC.contains(&name.as_str())
            || (!opening && !ECONOMIC.iter().any(|w| name.contains(w)))
        {
            continue;
        }
        let masked = number.chars().any(|c| matches!(c, '*' | 'x' | 'X' | '×'));
        let value = (!masked && number.parse::<f64>().is_ok()).then(|| number.clone());
        let growth = growth_after(&chars[after..]);
        let past_growth = match &growth {
            Some(g) => after + g.written.chars().count() + 1,
            None => after,
        };
        let completion = completion_after(&chars[past_growth.min(chars.len())..]);
        // The clause: from its start (or a few words before the name) to the unit, or to
        // the end of the change and the completion that follow.
        let reach = start.saturating_sub(name.chars().count() + 16);
        let from = chars[reach..start]
            .iter()
            .rposition(|c| matches!(c, '，' | '；' | '。' | '：' | '、'))
            .map_or(start.saturating_sub(name.chars().count() + 4), |b| {
                reach + b + 1
            });
        let to = match &completion {
            Some(c) => past_growth + c.written.chars().count() + 1,
            None => past_growth,
        };
        let context: String = chars[from..chars.len().min(to)].iter().collect();
        out.push(Figure {
            name,
            value,
            unit: unit.to_string(),
            growth,
            completion,
            context,
        });
    }
    out
}

fn is_digitish(c: char) -> bool {
    c.is_ascii_digit() || matches!(c, '*' | 'x' | 'X' | '×')
}

/// The name right before a number: the run of Chinese characters, verbs cut off.
fn name_before(before: &[char]) -> Option<String> {
    let run: String = before
        .iter()
        .rev()
        .take_while(|&&c| is_han(c))
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let mut name = run.as_str();
    // Cut at the last verb: "园区完成营业收入" → "营业收入"; "税收完成" → "税收".
    loop {
        let trimmed = VERBS
            .iter()
            .find_map(|v| name.strip_suffix(v))
            .unwrap_or(name);
        if trimmed.len() == name.len() {
            break;
        }
        name = trimmed;
    }
    if let Some((i, v)) = VERBS
        .iter()
        .filter(|v| v.chars().count() > 1)
        .filter_map(|v| name.rfind(v).map(|i| (i, *v)))
        .max_by_key(|(i, _)| *i)
    {
        // Only cut at a verb that is not the whole name.
        if i + v.len() < name.len() {
            name = &name[i + v.len()..];
        }
    }
    let n = name.chars().count();
    (2..=12).contains(&n).then(|| name.to_string())
}

/// A change on the same period of last year, as the text gives it after a figure.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Change {
    /// As written: "同比增长8.6%", "较上年同期提高0.21个百分点".
    pub written: String,
    /// Signed: 8.6 for growth, -3.4 for a decline.
    pub amount: f64,
    /// In percentage points (for a value in %), not a rate.
    pub points: bool,
}

/// "，同比增长8.6%", "，增长8.6%", "，较上年同期提高0.21个百分点" right after a figure.
fn growth_after(after: &[char]) -> Option<Change> {
    let s: String = after.iter().take(24).collect();
    let s = s.trim_start_matches(['，', '、', '（']);
    let (s, compared) = [
        "较上年同期",
        "比上年同期",
        "较去年同期",
        "较上年",
        "比上年",
        "同比",
    ]
    .iter()
    .find_map(|w| s.strip_prefix(w).map(|r| (r, *w)))
    .unwrap_or((s, ""));
    for (word, sign) in [
        ("增长", 1.0),
        ("提高", 1.0),
        ("增加", 1.0),
        ("上升", 1.0),
        ("下降", -1.0),
        ("减少", -1.0),
        ("回落", -1.0),
        ("降低", -1.0),
    ] {
        let Some(rest) = s.strip_prefix(word) else {
            continue;
        };
        let n: String = rest
            .chars()
            .take_while(|&c| c.is_ascii_digit() || c == '.')
            .collect();
        let Ok(amount) = n.parse::<f64>() else {
            return None;
        };
        let unit = &rest[n.len()..];
        let points = unit.starts_with("个百分点");
        if !points && !unit.starts_with('%') {
            return None;
        }
        let tail = if points { "个百分点" } else { "%" };
        return Some(Change {
            written: format!("{compared}{word}{n}{tail}"),
            amount: sign * amount,
            points,
        });
    }
    None
}

/// The share of the annual target reached, as the text gives it after a figure.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Completion {
    /// As written: "完成全年目标的52.3%".
    pub written: String,
    /// The rate in percent: 52.3.
    pub rate: f64,
}

/// "，完成全年目标的52.3%", "，占年度计划的48%", "，为全年目标任务的101.2%" right after a
/// figure (or after its change).
fn completion_after(after: &[char]) -> Option<Completion> {
    let s: String = after.iter().take(32).collect();
    let s = s.trim_start_matches(['，', '、', '（']);
    let (s, verb) = ["完成", "达到", "占", "为"]
        .iter()
        .find_map(|w| s.strip_prefix(w).map(|r| (r, *w)))?;
    let (s, year) = ["全年", "年度"]
        .iter()
        .find_map(|w| s.strip_prefix(w).map(|r| (r, *w)))?;
    let (s, goal) = ["目标任务", "计划任务", "目标", "计划", "任务"]
        .iter()
        .find_map(|w| s.strip_prefix(w).map(|r| (r, *w)))?;
    let (s, of) = s.strip_prefix('的').map_or((s, ""), |r| (r, "的"));
    let n: String = s
        .chars()
        .take_while(|&c| c.is_ascii_digit() || c == '.')
        .collect();
    let rate: f64 = n.parse().ok()?;
    s[n.len()..].starts_with('%').then(|| Completion {
        written: format!("{verb}{year}{goal}{of}{n}%"),
        rate,
    })
}

/// A figure or a name masked in the source ("xx.xx亿元", "*个", "1xx.x%", the "*" of
/// "*市").
#[derive(Debug, Clone, PartialEq)]
pub struct Masked {
    /// As written, a figure's unit included: "xx.xx亿元", "*".
    pub written: String,
    /// The clause it stands in.
    pub clause: String,
}

/// Every masked figure and name of a paragraph: a run of digits and masks (* x X ×) with
/// at least one mask, followed by a unit, or by Chinese text for a masked name. Letters
/// of a word ("Xbox") are no mask.
pub(crate) fn masked(text: &str) -> Vec<Masked> {
    let chars: Vec<char> = text.chars().collect();
    let mask = |c: char| matches!(c, '*' | 'x' | 'X' | '×' | '＊');
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !(mask(chars[i]) || chars[i].is_ascii_digit()) {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && (mask(chars[i]) || chars[i].is_ascii_digit() || chars[i] == '.') {
            i += 1;
        }
        let run = &chars[start..i];
        let letter_around = start > 0 && chars[start - 1].is_ascii_alphabetic()
            || chars.get(i).is_some_and(|c| c.is_ascii_alphabetic());
        if !run.iter().copied().any(mask) || letter_around {
            continue;
        }
        let after: String = chars[i..chars.len().min(i + 4)].iter().collect();
        let unit = UNITS.iter().find(|u| after.starts_with(**u)).copied();
        let tail = match unit {
            Some(u) => u.chars().count(),
            // A masked name: "*市", "*****半导体".
            None if chars.get(i).copied().is_some_and(is_han) => 0,
            None => continue,
        };
        let end = (i + tail).min(chars.len());
        let written: String = chars[start..end].iter().collect();
        let boundary = |c: &char| matches!(c, '，' | '；' | '。' | '：' | '、' | '（' | '）');
        let from = chars[..start]
            .iter()
            .rposition(boundary)
            .map_or(0, |b| b + 1)
            .max(start.saturating_sub(24));
        let to = chars[end..]
            .iter()
            .position(boundary)
            .map_or(chars.len(), |b| end + b)
            .min(end + 24);
        let clause: String = chars[from..to].iter().collect();
        out.push(Masked { written, clause });
        i = end;
    }
    out
}

/// Keeps the figures whose name occurs once (or always with the same value and unit);
/// returns them and the names dropped as ambiguous.
pub(crate) fn unambiguous(figures: Vec<Figure>) -> (Vec<Figure>, Vec<String>) {
    let mut kept: Vec<Figure> = Vec::new();
    let mut ambiguous: Vec<String> = Vec::new();
    for f in figures {
        if ambiguous.contains(&f.name) {
            continue;
        }
        match kept.iter().position(|k| k.name == f.name) {
            Some(at) if kept[at].value == f.value && kept[at].unit == f.unit => {}
            Some(at) => {
                ambiguous.push(f.name.clone());
                kept.remove(at);
            }
            None => kept.push(f),
        }
    }
    (kept, ambiguous)
}

/// Whether a table is the indicator table (主要经济指标完成情况表): "指标名称" and "单位".
pub(crate) fn is_indicator_table(rows: &[Vec<String>]) -> bool {
    rows.first().is_some_and(|h| {
        h.first().is_some_and(|c| c.trim().starts_with("指标"))
            && h.iter().any(|c| c.trim() == "单位")
    })
}

/// Whether an indicator table has the columns huibao prints itself (指标名称, 单位, …完成,
/// then 同比增长, 全年目标 and 完成率 as present), so `indicator_table = true` prints it
/// again as it was.
pub(crate) fn is_own_layout(rows: &[Vec<String>]) -> bool {
    let Some(header) = rows.first() else {
        return false;
    };
    let h: Vec<&str> = header.iter().map(|c| c.trim()).collect();
    let rest = match h.as_slice() {
        ["指标名称", "单位", done, rest @ ..] if done.ends_with("完成") => rest,
        _ => return false,
    };
    matches!(
        rest,
        [] | ["同比增长"] | ["全年目标", "完成率"] | ["同比增长", "全年目标", "完成率"]
    )
}

/// Indicators from the rows of an indicator table: name, unit, value, the target when
/// the table has a "全年目标" column, and last year's figure worked back from a growth
/// column ("同比增长"). Rows without a readable value are skipped.
pub(crate) fn indicators_from_table(rows: &[Vec<String>]) -> Vec<crate::IndicatorDraft> {
    let Some((header, body)) = rows.split_first() else {
        return Vec::new();
    };
    let col = |pred: &dyn Fn(&str) -> bool| header.iter().position(|h| pred(h.trim()));
    let unit_col = col(&|h| h == "单位");
    let value_col = col(&|h| h.ends_with("完成") || h == "完成值" || h == "本期");
    let target_col = col(&|h| h.contains("目标") && !h.starts_with("完成"));
    let growth_col = col(&|h| h.starts_with("同比") || h == "增长" || h == "增速" || h == "增幅");
    let (Some(unit_col), Some(value_col)) = (unit_col, value_col) else {
        return Vec::new();
    };
    body.iter()
        .filter_map(|r| {
            let name = r.first()?.trim().to_string();
            let unit = r.get(unit_col)?.trim().to_string();
            let written = r.get(value_col)?.trim();
            let (value, decimals) = crate::write::number(written)?;
            let target = target_col
                .and_then(|c| r.get(c))
                .and_then(|t| crate::write::number(t.trim()))
                .map(|(t, _)| t);
            let rate = growth_col.and_then(|c| r.get(c)).and_then(|g| {
                let g = g.trim();
                let points = g.ends_with("个百分点");
                let n = g.trim_end_matches('%').trim_end_matches("个百分点");
                let amount: f64 = n.parse().ok()?;
                (points || g.ends_with('%')).then(|| Change {
                    written: g.to_string(),
                    amount,
                    points,
                })
            });
            let previous = rate.as_ref().and_then(|c| {
                (c.points == huibao_core::is_percent(&unit))
                    .then(|| {
                        huibao_core::previous_for_change(
                            value,
                            &unit,
                            c.amount,
                            huibao_core::decimals_in(written),
                        )
                    })
                    .flatten()
            });
            let comment = match (&rate, previous) {
                (Some(c), Some(p)) => Some(huibao_i18n::msg!(
                    "import-comment-worked-back-table",
                    value = p.to_string(),
                    column = header[growth_col.unwrap_or(0)].trim(),
                    written = c.written.clone()
                )),
                _ => None,
            };
            (!name.is_empty() && !unit.is_empty()).then_some(crate::IndicatorDraft {
                name,
                value,
                unit,
                previous,
                target,
                decimals,
                comment,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_figures_with_growth() {
        let f = find("1-9月，园区实现工业总产值152.3亿元，同比增长8.6%；完成财政总收入21.5亿元，其中一般公共预算收入12亿元。", true);
        let got: Vec<(&str, Option<&str>, &str, Option<&str>)> = f
            .iter()
            .map(|f| {
                (
                    f.name.as_str(),
                    f.value.as_deref(),
                    f.unit.as_str(),
                    f.growth.as_ref().map(|g| g.written.as_str()),
                )
            })
            .collect();
        assert_eq!(
            got,
            vec![
                ("工业总产值", Some("152.3"), "亿元", Some("同比增长8.6%")),
                ("财政总收入", Some("21.5"), "亿元", None),
                ("一般公共预算收入", Some("12"), "亿元", None),
            ]
        );
    }

    #[test]
    fn a_completion_rate_after_a_figure_gives_its_target_back() {
        let f = find("1-6月，园区完成营业收入48.65亿元，同比增长12.4%，完成全年目标的52.3%；税收完成3.62亿元，占年度计划的48%。", true);
        let got: Vec<_> = f
            .iter()
            .map(|f| {
                (
                    f.name.as_str(),
                    f.completion.as_ref().map(|c| (c.written.as_str(), c.rate)),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                ("营业收入", Some(("完成全年目标的52.3%", 52.3))),
                ("税收", Some(("占年度计划的48%", 48.0))),
            ]
        );
        assert!(
            f[0].context.ends_with("完成全年目标的52.3%"),
            "{}",
            f[0].context
        );
        // Not a completion: another figure's words, or no per cent.
        assert_eq!(
            completion_after(&"，完成全年目标".chars().collect::<Vec<_>>()),
            None
        );
        assert_eq!(
            completion_after(&"，新增企业52家".chars().collect::<Vec<_>>()),
            None
        );
    }

    #[test]
    fn previous_figures_give_back_the_rate() {
        let change = |s: &str| growth_after(&s.chars().collect::<Vec<_>>()).unwrap();
        let g = change("，同比增长12.4%；");
        assert_eq!((g.amount, g.points), (12.4, false));
        let g = change("，同比下降2.1%");
        assert_eq!((g.amount, g.points), (-2.1, false));
        let g = change("，较上年同期提高0.21个百分点。");
        assert_eq!(g.written, "较上年同期提高0.21个百分点");
        assert_eq!((g.amount, g.points), (0.21, true));
        assert_eq!(
            growth_after(&"，增长较快".chars().collect::<Vec<_>>()),
            None
        );
    }

    #[test]
    fn masked_figures_and_names_are_listed() {
        let m = masked("在*市委的领导下，全年完成营业收入xx.xx亿元，同比增长x.x%，完成全年目标的1xx.x%；*****半导体项目落户。Xbox 2023年。");
        let got: Vec<(&str, &str)> = m
            .iter()
            .map(|m| (m.written.as_str(), m.clause.as_str()))
            .collect();
        assert_eq!(
            got,
            vec![
                ("*", "在*市委的领导下"),
                ("xx.xx亿元", "全年完成营业收入xx.xx亿元"),
                ("x.x%", "同比增长x.x%"),
                ("1xx.x%", "完成全年目标的1xx.x%"),
                ("*****", "*****半导体项目落户"),
            ]
        );
    }

    #[test]
    fn masked_figures_have_no_value() {
        let f = find("园区完成营业收入*万元，其中工业销售收入完成*万元。税收完成*亿元。截至xx月，实现有效投资xx.x亿元。", true);
        let names: Vec<&str> = f.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(names, vec!["营业收入", "工业销售收入", "税收", "有效投资"]);
        assert!(f.iter().all(|f| f.value.is_none()));
    }

    #[test]
    fn not_figures() {
        assert!(find("2022年*-*月，增长1.2个百分点，项目分*期实施。", true).is_empty());
        // Outside the opening only economic names count.
        assert!(find("引进签约项目*项，完成落地*项。", false).is_empty());
        assert_eq!(find("规上工业总产值*亿元", false).len(), 1);
    }

    #[test]
    fn ambiguity() {
        let mut a = find("营业收入5亿元。", true);
        a.extend(find("营业收入6亿元。", true));
        a.extend(find("税收2亿元。", true));
        let (kept, amb) = unambiguous(a);
        assert_eq!(kept.len(), 1);
        assert_eq!(amb, vec!["营业收入".to_string()]);
    }
}
