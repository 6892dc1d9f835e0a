//! Indicator maths: values, 同比 growth and target completion, with one rounding rule.
//!
//! Rounding: every derived figure (growth rate, percentage-point change, completion rate)
//! is rounded half away from zero to one decimal, and always printed with that one decimal
//! ("12.0%", not "12%"). A value is printed as written, or with `decimals` digits when set.
//! A change that rounds to 0.0 is "与上年同期持平". The rounding and printing functions live
//! in [`huibao_plugin_api::numbers`] (re-exported here), so plugins round the same way.

/// A figure ready for printing.
#[derive(Debug, Clone, PartialEq)]
pub struct Figures {
    /// "123.5亿元".
    pub value: String,
    /// "同比增长12.1%", "同比下降3.4%", "同比提高1.2个百分点", "与上年同期持平".
    pub growth: Option<String>,
    /// The signed change for tables: "12.1%", "-3.4%", "1.2个百分点".
    pub growth_cell: Option<String>,
    /// "完成全年目标的49.4%".
    pub completion: Option<String>,
    /// The completion rate for tables: "49.4%".
    pub completion_cell: Option<String>,
}

pub use huibao_plugin_api::numbers::format_number;
pub(crate) use huibao_plugin_api::numbers::round_half_away;

/// Rounds half away from zero to one decimal: the rule of every derived figure.
pub fn round1(x: f64) -> f64 {
    round_half_away(x, 1)
}

/// Whether a unit is a percentage, so changes are in 个百分点.
pub fn is_percent(unit: &str) -> bool {
    matches!(unit.trim(), "%" | "％" | "百分比")
}

/// Whether a number can be printed as written: finite and below
/// [`MAX_NUMBER`](crate::limits::MAX_NUMBER) in magnitude.
pub fn printable(x: f64) -> bool {
    x.is_finite() && x.abs() < crate::limits::MAX_NUMBER
}

/// The 同比 change as printed, rounded to one decimal: the growth rate in percent, or for
/// a unit in % the change in percentage points. `None` for a rate against a zero base, or
/// a change that cannot be printed (a previous value so close to 0 that the rate has no
/// printed form); the loader reports that case at its place.
pub fn growth_change(value: f64, unit: &str, previous: f64) -> Option<f64> {
    let change = if is_percent(unit) {
        round1(value - previous)
    } else if previous != 0.0 {
        round1((value - previous) / previous.abs() * 100.0)
    } else {
        return None;
    };
    printable(change).then_some(change)
}

/// The share of the annual target reached, in percent, rounded to one decimal; `None`
/// unless the target is above zero and the rate can be printed.
pub fn completion_rate(value: f64, target: f64) -> Option<f64> {
    let rate = round1(value / target * 100.0);
    (target > 0.0 && printable(rate)).then_some(rate)
}

/// Computes the printed figures of one indicator.
pub fn figures(
    value: f64,
    unit: &str,
    previous: Option<f64>,
    target: Option<f64>,
    decimals: Option<u8>,
) -> Figures {
    let value_text = format!("{}{}", format_number(value, decimals), unit.trim());
    let (growth, growth_cell) = match previous.and_then(|p| growth_change(value, unit, p)) {
        Some(d) if is_percent(unit) => {
            let phrase = match d {
                d if d > 0.0 => format!("同比提高{d:.1}个百分点"),
                d if d < 0.0 => format!("同比下降{:.1}个百分点", -d),
                _ => "与上年同期持平".to_string(),
            };
            (Some(phrase), Some(format!("{d:.1}个百分点")))
        }
        Some(r) => {
            let phrase = match r {
                r if r > 0.0 => format!("同比增长{r:.1}%"),
                r if r < 0.0 => format!("同比下降{:.1}%", -r),
                _ => "与上年同期持平".to_string(),
            };
            (Some(phrase), Some(format!("{r:.1}%")))
        }
        None => (None, None),
    };
    let completion_rate = target.and_then(|t| completion_rate(value, t));
    Figures {
        value: value_text,
        growth,
        growth_cell,
        completion: completion_rate.map(|c| format!("完成全年目标的{c:.1}%")),
        completion_cell: completion_rate.map(|c| format!("{c:.1}%")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn growth_and_decline() {
        let f = figures(123.5, "亿元", Some(110.2), Some(250.0), None);
        assert_eq!(f.value, "123.5亿元");
        assert_eq!(f.growth.as_deref(), Some("同比增长12.1%"));
        assert_eq!(f.completion.as_deref(), Some("完成全年目标的49.4%"));
        let f = figures(96.6, "万元", Some(100.0), None, None);
        assert_eq!(f.growth.as_deref(), Some("同比下降3.4%"));
        assert_eq!(f.growth_cell.as_deref(), Some("-3.4%"));
        assert_eq!(f.completion, None);
    }

    #[test]
    fn percentage_points_for_percent_units() {
        let f = figures(5.6, "%", Some(4.4), None, None);
        assert_eq!(f.growth.as_deref(), Some("同比提高1.2个百分点"));
        let f = figures(3.1, "%", Some(3.9), None, None);
        assert_eq!(f.growth.as_deref(), Some("同比下降0.8个百分点"));
    }

    #[test]
    fn flat_and_rounding_rules() {
        assert_eq!(
            figures(100.04, "亿元", Some(100.0), None, None)
                .growth
                .as_deref(),
            Some("与上年同期持平")
        );
        // 12.05 is 12.0499999… in binary; the rule is half away from zero.
        assert_eq!(round1(12.05), 12.1);
        assert_eq!(round1(-12.05), -12.1);
        assert_eq!(round1(0.04), 0.0);
        assert_eq!(round1(-0.04).to_string(), "0");
        // A growth of 12.05% computes as 12.0499999…: still 12.1, as on paper.
        assert_eq!(
            figures(112.05, "亿元", Some(100.0), None, None)
                .growth
                .as_deref(),
            Some("同比增长12.1%")
        );
        // A value with fixed decimals rounds the same way: 2.675 is 2.67499… in binary.
        assert_eq!(
            figures(2.675, "亿元", None, None, Some(2)).value,
            "2.68亿元"
        );
        // Growth of exactly 20% prints one decimal.
        assert_eq!(
            figures(120.0, "亿元", Some(100.0), None, None)
                .growth
                .as_deref(),
            Some("同比增长20.0%")
        );
        assert_eq!(figures(36.0, "个", None, None, None).value, "36个");
        assert_eq!(figures(5.0, "亿元", None, None, Some(2)).value, "5.00亿元");
        // A zero base has no growth rate.
        assert_eq!(figures(5.0, "亿元", Some(0.0), None, None).growth, None);
    }

    #[test]
    fn rates_without_a_printed_form_are_left_out() {
        let f = figures(1e15, "亿元", Some(1e-300), Some(1e-300), None);
        assert_eq!((f.growth, f.growth_cell), (None, None));
        assert_eq!((f.completion, f.completion_cell), (None, None));
        let f = figures(5e15, "%", Some(-5e15), None, None);
        assert_eq!(f.growth, None, "a change of 1e16 percentage points");
    }

    #[test]
    fn completion_over_target() {
        let f = figures(260.0, "亿元", None, Some(250.0), None);
        assert_eq!(f.completion.as_deref(), Some("完成全年目标的104.0%"));
    }
}
