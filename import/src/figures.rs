//! Figures in the text ("工业总产值152.3亿元，同比增长8.6%") offered as indicators when
//! the name and value are unambiguous; masked figures ("*亿元", "xx.x亿元") are listed.

use huibao_core::chars::is_han;

/// A figure found in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// "工业总产值".
    pub name: String,
    /// The value as written ("152.3"), or `None` when masked.
    pub value: Option<String>,
    /// "亿元".
    pub unit: String,
    /// The growth that follows it ("同比增长8.6%"), as written.
    pub growth: Option<String>,
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
        let from = start.saturating_sub(name.chars().count() + 4);
        let context: String = chars[from..chars.len().min(after + 2)].iter().collect();
        out.push(Figure {
            name,
            value,
            unit: unit.to_string(),
            growth,
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

/// "，同比增长8.6%" or "，增长8.6%" right after a figure.
fn growth_after(after: &[char]) -> Option<String> {
    let s: String = after.iter().take(16).collect();
    let s = s.trim_start_matches(['，', '、', '（']);
    for word in ["同比增长", "同比下降", "增长", "下降"] {
        if let Some(rest) = s.strip_prefix(word) {
            let n: String = rest
                .chars()
                .take_while(|&c| is_digitish(c) || c == '.')
                .collect();
            if !n.is_empty() && rest[n.len()..].starts_with('%') {
                return Some(format!("{word}{n}%"));
            }
        }
    }
    None
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

/// Indicators from the rows of an indicator table: name, unit, value, and the target
/// when the table has a "全年目标" column. Rows without a readable value are skipped.
pub(crate) fn indicators_from_table(rows: &[Vec<String>]) -> Vec<crate::IndicatorDraft> {
    let Some((header, body)) = rows.split_first() else {
        return Vec::new();
    };
    let col = |pred: &dyn Fn(&str) -> bool| header.iter().position(|h| pred(h.trim()));
    let unit_col = col(&|h| h == "单位");
    let value_col = col(&|h| h.ends_with("完成") || h == "完成值" || h == "本期");
    let target_col = col(&|h| h.contains("目标"));
    let (Some(unit_col), Some(value_col)) = (unit_col, value_col) else {
        return Vec::new();
    };
    body.iter()
        .filter_map(|r| {
            let name = r.first()?.trim().to_string();
            let unit = r.get(unit_col)?.trim().to_string();
            let (value, decimals) = crate::write::number(r.get(value_col)?.trim())?;
            let target = target_col
                .and_then(|c| r.get(c))
                .and_then(|t| crate::write::number(t.trim()))
                .map(|(t, _)| t);
            (!name.is_empty() && !unit.is_empty()).then_some(crate::IndicatorDraft {
                name,
                value,
                unit,
                previous: None,
                target,
                decimals,
                comment: None,
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
                    f.growth.as_deref(),
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
