//! The report's period, organization and date, found in the title, the headings or the
//! text, with where each was found so doubtful guesses can be flagged.

use crate::frame::Ymd;
use huibao_core::Period;

/// A value with a note of where it came from; `sure` is false for guesses.
#[derive(Debug, Clone, PartialEq)]
pub struct Found<T> {
    /// What was found.
    pub value: T,
    /// "the title", "the signature", "a guess from the text" …
    pub source: String,
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

/// Builds a period from a year and a shape.
pub(crate) fn make_period(year: i32, shape: PeriodShape) -> Period {
    match shape {
        PeriodShape::Year => Period::Year(year),
        PeriodShape::Half(h) => Period::Half(year, h),
        PeriodShape::Quarter(q) => Period::Quarter(year, q),
        PeriodShape::Months(a, b) => Period::Months(year, a, b).normalized(),
    }
}

/// Every four-digit year written "2022年" in `text`, in order.
pub(crate) fn years_in(text: &str) -> Vec<i32> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    for i in 4..chars.len() {
        if chars[i] == '年'
            && chars[i - 4..i].iter().all(|c| c.is_ascii_digit())
            && (i < 5 || !chars[i - 5].is_ascii_digit())
        {
            let y: String = chars[i - 4..i].iter().collect();
            if let Ok(y) = y.parse::<i32>() {
                if (1990..=2100).contains(&y) {
                    out.push(y);
                }
            }
        }
    }
    out
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
    (org.chars().count() >= 2 && ORG_SUFFIXES.iter().any(|s| org.ends_with(s)))
        .then(|| org.to_string())
}

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
        assert_eq!(
            make_period(2022, PeriodShape::Months(1, 6)),
            Period::Half(2022, 1)
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
        assert_eq!(years_in("2022年和2023年，12022年"), vec![2022, 2023]);
    }
}
