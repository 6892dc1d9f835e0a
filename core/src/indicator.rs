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
    /// "同比增长12.1%", "同比下降3.4%", "同比提高1.2个百分点", "与上年同期持平",
    /// "同比扭亏为盈", "同比减亏37.5%" (see [`Change`]).
    pub growth: Option<String>,
    /// The signed change for tables: "12.1%", "-3.4%", "1.2个百分点", "扭亏为盈", "减亏37.5%".
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

/// The 同比 change as a signed number, rounded to one decimal: the rate in percent
/// against the size of last year's figure ((value − previous) ÷ |previous|), or for a
/// unit in % the change in percentage points. A loss that shrank is a positive change, one
/// that grew a negative one. `None` for a rate against a zero base, or a change that
/// cannot be printed (a previous value so close to 0 that the rate has no printed form);
/// the loader reports that case at its place. How the change is *worded* — and whether a
/// rate may be printed at all — is [`change`]'s decision.
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

/// An indicator's 同比 comparison, worded as the statistics bureaus word it: the one
/// decision every printed change follows (prose helpers, the indicator table, plugins'
/// figures, the spreadsheet reader's checks, import's worked-back figures).
///
/// A figure that can be negative (利润总额, 净利润, 进出口差额) has no growth rate across
/// zero: "同比增长347.0%" from a loss is false. The National Bureau of Statistics words
/// these cases without a rate when the sign changes and as a change of the loss when both
/// periods are losses — its releases on the profits of industrial enterprises above
/// designated size (国家统计局《1—5月份全国规模以上工业企业利润》, 2023 and 2025)
/// write "2个行业由盈转亏", "石油煤炭及其他燃料加工业同比增亏", "黑色金属冶炼和压延加工业
/// 同比由亏转盈", and earlier releases "石油加工及炼焦业扭亏为盈，由去年净亏损46亿元转为盈利
/// 148亿元"; provincial 统计公报 write "同比减亏12.3%". huibao follows them:
///
/// | last year | this year | printed |
/// |---|---|---|
/// | > 0 | ≥ 0 | 同比增长12.1% / 同比下降3.4% / 与上年同期持平 |
/// | < 0 | > 0 | 同比扭亏为盈 |
/// | > 0 | < 0 | 同比由盈转亏 |
/// | < 0 | < 0, smaller loss | 同比减亏37.5% |
/// | < 0 | < 0, bigger loss | 同比增亏25.0% |
/// | < 0 | 0 | nothing (no honest rate): [`NoRate::LossToZero`], warned |
/// | 0 | any | nothing: [`NoRate::ZeroBase`], warned |
///
/// A unit in % (a rate such as 研发投入强度) changes in 个百分点 whatever the signs.
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub enum Change {
    /// An ordinary rate in percent, signed (last year above zero, this year not below).
    Rate(f64),
    /// A change in percentage points, signed (a unit in %).
    Points(f64),
    /// A loss last year, a profit this year: 扭亏为盈.
    TurnedProfit,
    /// A profit last year, a loss this year: 由盈转亏.
    TurnedLoss,
    /// Losses both years, this year's smaller: 减亏, by this percentage of last year's loss.
    LossNarrowed(f64),
    /// Losses both years, this year's bigger: 增亏, by this percentage of last year's loss.
    LossWidened(f64),
    /// No honest wording exists: nothing is printed, and the report is warned why.
    Unrated(NoRate),
}

/// Why an indicator prints no 同比 change though it has a `previous`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum NoRate {
    /// Last year's figure is 0: no rate can be taken against it.
    ZeroBase,
    /// A loss last year and exactly 0 this year: neither 扭亏为盈 nor a 减亏 rate is true.
    LossToZero,
    /// The rate has no printed form (a base so near 0 the rate overflows).
    TooLarge,
}

impl NoRate {
    /// Why no change is printed, for a warning at the indicator's `previous`.
    pub fn reason(self) -> huibao_i18n::Message {
        match self {
            NoRate::ZeroBase => huibao_i18n::msg!("rate-zero-base"),
            NoRate::LossToZero => huibao_i18n::msg!("rate-loss-to-zero"),
            NoRate::TooLarge => huibao_i18n::msg!("rate-too-large"),
        }
    }
}

/// The 同比 comparison of `value` with `previous` (see [`Change`] for the wording).
pub fn change(value: f64, unit: &str, previous: f64) -> Change {
    if is_percent(unit) {
        return match growth_change(value, unit, previous) {
            Some(d) => Change::Points(d),
            None => Change::Unrated(NoRate::TooLarge),
        };
    }
    if previous == 0.0 {
        return Change::Unrated(NoRate::ZeroBase);
    }
    if previous < 0.0 && value > 0.0 {
        return Change::TurnedProfit;
    }
    if previous > 0.0 && value < 0.0 {
        return Change::TurnedLoss;
    }
    if previous < 0.0 && value == 0.0 {
        return Change::Unrated(NoRate::LossToZero);
    }
    let Some(rate) = growth_change(value, unit, previous) else {
        return Change::Unrated(NoRate::TooLarge);
    };
    match () {
        _ if previous > 0.0 => Change::Rate(rate),
        _ if rate >= 0.0 => Change::LossNarrowed(rate),
        _ => Change::LossWidened(-rate),
    }
}

impl Change {
    /// The phrase prose prints after the value: "同比增长12.1%", "同比提高1.2个百分点",
    /// "同比扭亏为盈", "同比减亏37.5%", "与上年同期持平"; `None` when nothing is true.
    pub fn phrase(self) -> Option<String> {
        Some(match self {
            Change::Rate(r)
            | Change::LossNarrowed(r)
            | Change::LossWidened(r)
            | Change::Points(r)
                if r == 0.0 =>
            {
                "与上年同期持平".to_string()
            }
            Change::Rate(r) if r > 0.0 => format!("同比增长{r:.1}%"),
            Change::Rate(r) => format!("同比下降{:.1}%", -r),
            Change::Points(d) if d > 0.0 => format!("同比提高{d:.1}个百分点"),
            Change::Points(d) => format!("同比下降{:.1}个百分点", -d),
            Change::TurnedProfit => "同比扭亏为盈".to_string(),
            Change::TurnedLoss => "同比由盈转亏".to_string(),
            Change::LossNarrowed(r) => format!("同比减亏{r:.1}%"),
            Change::LossWidened(r) => format!("同比增亏{r:.1}%"),
            Change::Unrated(_) => return None,
        })
    }

    /// The change in a table's 同比 column: "12.1%", "-3.4%", "1.2个百分点", "扭亏为盈",
    /// "由盈转亏", "减亏37.5%", "增亏25.0%"; `None` (a dash) when nothing is true.
    pub fn cell(self) -> Option<String> {
        Some(match self {
            Change::Rate(r) => format!("{r:.1}%"),
            Change::Points(d) => format!("{d:.1}个百分点"),
            Change::TurnedProfit => "扭亏为盈".to_string(),
            Change::TurnedLoss => "由盈转亏".to_string(),
            Change::LossNarrowed(0.0) | Change::LossWidened(0.0) => "持平".to_string(),
            Change::LossNarrowed(r) => format!("减亏{r:.1}%"),
            Change::LossWidened(r) => format!("增亏{r:.1}%"),
            Change::Unrated(_) => return None,
        })
    }

    /// The signed number a statistics table states for this change (a 同比增长 column):
    /// the rate or the points; for losses the rate against the size of last year's loss
    /// (a narrowed loss positive). `None` where the sign changed or nothing is true: a
    /// stated number there has nothing to be checked against.
    pub fn stated(self) -> Option<f64> {
        match self {
            Change::Rate(r) | Change::Points(r) | Change::LossNarrowed(r) => Some(r),
            Change::LossWidened(r) => Some(-r),
            _ => None,
        }
    }
}

/// Why an indicator prints no completion rate though it has a `target`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum NoCompletion {
    /// The target is 0 or below: a share of it means nothing.
    TargetNotPositive,
    /// The value is below 0 (a loss): "完成全年目标的-49.4%" is no share of anything.
    NegativeValue,
    /// The rate has no printed form.
    TooLarge,
}

impl NoCompletion {
    /// Why no completion rate is printed, for a message at the indicator's `target`.
    pub fn reason(self) -> huibao_i18n::Message {
        match self {
            NoCompletion::TargetNotPositive => huibao_i18n::msg!("completion-target-not-positive"),
            NoCompletion::NegativeValue => huibao_i18n::msg!("completion-negative-value"),
            NoCompletion::TooLarge => huibao_i18n::msg!("completion-too-large"),
        }
    }
}

/// The share of the annual target reached, in percent, rounded to one decimal, or why
/// none is printed: only a value of 0 or more against a target above 0 has one.
pub fn completion(value: f64, target: f64) -> Result<f64, NoCompletion> {
    if target <= 0.0 {
        return Err(NoCompletion::TargetNotPositive);
    }
    if value < 0.0 {
        return Err(NoCompletion::NegativeValue);
    }
    let rate = round1(value / target * 100.0);
    if printable(rate) {
        Ok(rate)
    } else {
        Err(NoCompletion::TooLarge)
    }
}

/// The share of the annual target reached, in percent, rounded to one decimal; `None`
/// where [`completion`] gives none.
pub fn completion_rate(value: f64, target: f64) -> Option<f64> {
    completion(value, target).ok()
}

/// The decimals `written` has after its point ("48.65" → 2, "1200" → 0).
pub fn decimals_in(written: &str) -> u8 {
    let digits = written.split_once('.').map_or(0, |(_, d)| {
        d.chars().take_while(char::is_ascii_digit).count()
    });
    digits.min(10) as u8
}

/// The `decimals` an indicator needs to print as written: the written decimals when
/// printing the number the shortest way would lose some ("5.00" → `Some(2)`, "152.30" →
/// `Some(2)`), `None` when the shortest way is the written one ("152.3", "12").
pub fn decimals_as_written(written: &str, value: f64) -> Option<u8> {
    let written = decimals_in(written);
    let shortest = decimals_in(&format_number(value, None));
    (written > shortest).then_some(written)
}

/// Last year's figure that gives back a stated 同比 — `change`, a rate in percent, or for
/// a unit in % a change in percentage points — by [`growth_change`], with as few
/// decimals as that allows starting from `decimals` (the value's own as written), so a
/// report holding it prints the change as stated, by [`change`]'s decision: a value
/// below zero is a loss whose change is stated against last year's loss (a narrowed loss
/// positive, as [`Change::stated`] gives it). `None` when no base gives it (a fall of 100%
/// or more, a change across zero, which has no rate). Used wherever a figure is worked
/// back: import, spreadsheets.
pub fn previous_for_change(value: f64, unit: &str, change: f64, decimals: u8) -> Option<f64> {
    if is_percent(unit) {
        let k = decimals.max(decimals_in(&format_number(change, None)));
        return Some(round_half_away(value - change, k));
    }
    // The rate is against the size of last year's figure: a loss narrowed by r% was
    // value ÷ (1 − r%), a figure above zero that grew by r% value ÷ (1 + r%).
    let exact = if value < 0.0 {
        value / (1.0 - change / 100.0)
    } else {
        value / (1.0 + change / 100.0)
    };
    if !exact.is_finite() || exact == 0.0 || (exact < 0.0) != (value < 0.0) {
        return None;
    }
    let wanted = round1(change);
    (decimals..=decimals.saturating_add(4))
        .map(|d| round_half_away(exact, d))
        .find(|&p| p != 0.0 && self::change(value, unit, p).stated() == Some(wanted))
}

/// The annual target that gives back a stated completion `rate` (in percent) by
/// [`completion_rate`], with as few decimals as that allows starting from `decimals`
/// (the value's own as written). `None` for a rate or value not above zero, or when no
/// target gives it.
pub fn target_for_rate(value: f64, rate: f64, decimals: u8) -> Option<f64> {
    if rate <= 0.0 || value <= 0.0 {
        return None;
    }
    let wanted = round1(rate);
    let exact = value / (rate / 100.0);
    (decimals..=decimals.saturating_add(4))
        .map(|d| round_half_away(exact, d))
        .find(|&t| completion_rate(value, t) == Some(wanted))
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
    let change = previous.map(|p| change(value, unit, p));
    let completion_rate = target.and_then(|t| completion_rate(value, t));
    Figures {
        value: value_text,
        growth: change.and_then(Change::phrase),
        growth_cell: change.and_then(Change::cell),
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

    /// Every sign of the two figures, as the statistics bureaus word them.
    #[test]
    fn losses_and_bases_below_zero_are_worded_without_false_rates() {
        let phrase = |v: f64, p: f64| figures(v, "亿元", Some(p), None, None);
        let cases: [(f64, f64, Option<&str>, Option<&str>); 9] = [
            // The figures: -1.2 against -0.5 is no "下降140.0%", a profit after a
            // loss no "增长347.0%".
            (-1.2, -0.5, Some("同比增亏140.0%"), Some("增亏140.0%")),
            (1.235, -0.5, Some("同比扭亏为盈"), Some("扭亏为盈")),
            (-0.5, 1.2, Some("同比由盈转亏"), Some("由盈转亏")),
            (-0.5, -0.8, Some("同比减亏37.5%"), Some("减亏37.5%")),
            (-0.8, -0.8, Some("与上年同期持平"), Some("持平")),
            (0.0, -0.8, None, None),
            (0.0, 0.8, Some("同比下降100.0%"), Some("-100.0%")),
            (2.1, 0.0, None, None),
            (48.65, 43.29, Some("同比增长12.4%"), Some("12.4%")),
        ];
        for (value, previous, words, cell) in cases {
            let f = phrase(value, previous);
            assert_eq!(f.growth.as_deref(), words, "{value} after {previous}");
            assert_eq!(f.growth_cell.as_deref(), cell, "{value} after {previous}");
            let never = ["-", "增长", "下降"];
            if previous < 0.0 {
                let g = f.growth.unwrap_or_default();
                assert!(!never.iter().any(|w| g.contains(w)), "{g}");
            }
        }
        assert_eq!(
            change(0.0, "亿元", -0.8),
            Change::Unrated(NoRate::LossToZero)
        );
        assert_eq!(change(2.1, "亿元", 0.0), Change::Unrated(NoRate::ZeroBase));
        // Percentages change in points whatever their signs: -3.1% to 2.5% is 5.6 points.
        assert_eq!(
            figures(2.5, "%", Some(-3.1), None, None).growth.as_deref(),
            Some("同比提高5.6个百分点")
        );
        // The number a sheet states: a narrowed loss is positive, a turn has none.
        assert_eq!(change(-0.5, "亿元", -0.8).stated(), Some(37.5));
        assert_eq!(change(-1.2, "亿元", -0.5).stated(), Some(-140.0));
        assert_eq!(change(1.2, "亿元", -0.5).stated(), None);
    }

    #[test]
    fn figures_worked_back_from_losses_give_back_the_stated_change() {
        for (value, change_stated) in [(-0.5, 37.5), (-1.2, -140.0), (48.65, 12.4)] {
            let p = previous_for_change(value, "亿元", change_stated, 1).unwrap();
            assert_eq!(
                change(value, "亿元", p).stated(),
                Some(change_stated),
                "{value} {change_stated} → {p}"
            );
        }
        assert_eq!(previous_for_change(-0.5, "亿元", 37.5, 1), Some(-0.8));
        // A stated "growth" of 347% of a loss: no loss behind it gives it back.
        assert_eq!(previous_for_change(-1.2, "亿元", 347.0, 1), None);
    }

    #[test]
    fn no_completion_rate_of_a_loss() {
        // "完成全年目标的-49.4%" is no share of anything.
        let f = figures(-123.5, "万元", None, Some(250.0), None);
        assert_eq!((f.completion, f.completion_cell), (None, None));
        assert_eq!(completion(-123.5, 250.0), Err(NoCompletion::NegativeValue));
        assert_eq!(
            completion(123.5, -250.0),
            Err(NoCompletion::TargetNotPositive)
        );
        assert_eq!(completion(0.0, 250.0), Ok(0.0));
        assert_eq!(completion(1e300, 1e-300), Err(NoCompletion::TooLarge));
    }

    #[test]
    fn figures_worked_back_give_back_the_stated_rate() {
        assert_eq!(previous_for_change(48.65, "亿元", 12.4, 2), Some(43.28));
        // A decline needs one more decimal to give back -2.1%.
        assert_eq!(previous_for_change(34.1, "亿美元", -2.1, 1), Some(34.83));
        assert_eq!(previous_for_change(2.86, "%", 0.21, 2), Some(2.65));
        assert_eq!(previous_for_change(5.6, "%", 1.2, 1), Some(4.4));
        assert_eq!(previous_for_change(10.0, "亿元", -100.0, 0), None);
        assert_eq!(target_for_rate(48.65, 52.3, 2), Some(93.02));
        assert_eq!(target_for_rate(3.62, 48.0, 2), Some(7.54));
        assert_eq!(target_for_rate(48.65, 0.0, 2), None);
        for (value, unit, change, decimals) in [
            (48.65, "亿元", 12.4, 2),
            (152.3, "亿元", 8.6, 1),
            (36.0, "个", 20.0, 0),
            (96.6, "万元", -3.4, 1),
            (1.2, "亿元", 0.04, 1),
            (1200.0, "个", -3.3, 0),
            (7.5, "%", -0.8, 1),
        ] {
            let p = previous_for_change(value, unit, change, decimals).unwrap();
            assert_eq!(
                growth_change(value, unit, p),
                Some(round1(change)),
                "{value} from {p}"
            );
        }
        for (value, rate) in [(48.65, 52.3), (3.62, 48.0), (1200.0, 101.7)] {
            let t = target_for_rate(value, rate, decimals_in(&value.to_string())).unwrap();
            assert_eq!(completion_rate(value, t), Some(rate), "{value}/{t}");
        }
    }

    #[test]
    fn decimals_are_kept_only_where_the_shortest_form_loses_them() {
        assert_eq!(decimals_as_written("5.00", 5.0), Some(2));
        assert_eq!(decimals_as_written("152.30", 152.3), Some(2));
        assert_eq!(decimals_as_written("152.3", 152.3), None);
        assert_eq!(decimals_as_written("0012", 12.0), None);
        assert_eq!(decimals_as_written(".5", 0.5), None);
        assert_eq!(decimals_in("12.4%"), 1);
    }

    #[test]
    fn completion_over_target() {
        let f = figures(260.0, "亿元", None, Some(250.0), None);
        assert_eq!(f.completion.as_deref(), Some("完成全年目标的104.0%"));
    }
}
