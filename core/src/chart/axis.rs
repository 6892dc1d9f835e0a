//! The value axis: a range from 0 (or below the lowest value) past the highest value,
//! in steps of 1, 2 or 5 times a power of ten.

use crate::indicator::round_half_away;
use crate::ir::ValueAxis;

/// The most intervals between ticks: more crowd the axis.
const MAX_INTERVALS: f64 = 8.0;

/// The axis of values between `low` and `high` (the axis always takes in 0), with a
/// `reference` value drawn inside the plot rather than on its edge.
pub(crate) fn nice_axis(
    low: f64,
    high: f64,
    reference: Option<f64>,
    suffix: &str,
    title: Option<String>,
) -> ValueAxis {
    let lo = low.min(0.0);
    let mut hi = high.max(0.0);
    if let Some(r) = reference {
        hi = hi.max(r);
    }
    if hi - lo <= 0.0 || !(hi - lo).is_finite() {
        hi = lo + 1.0;
    }
    let step = nice_step(hi - lo);
    let min = round_half_away((lo / step).floor() * step, 12);
    let mut max = round_half_away((hi / step).ceil() * step, 12);
    if reference.is_some_and(|r| max <= r) {
        // A line on the plot's edge reads as its frame.
        max = round_half_away(max + step, 12);
    }
    ValueAxis {
        min,
        max,
        step,
        decimals: decimals(step),
        suffix: suffix.to_string(),
        title,
        reference,
    }
}

/// The smallest step of 1, 2 or 5 times a power of ten that covers `span` in at most
/// [`MAX_INTERVALS`] intervals.
fn nice_step(span: f64) -> f64 {
    if !(span > 0.0 && span.is_finite()) {
        return 1.0;
    }
    let raw = span / MAX_INTERVALS;
    let mut power = 10f64.powf(raw.log10().floor());
    // Two powers of ten always suffice: 10 × the first is above `raw` already.
    for _ in 0..3 {
        for m in [1.0, 2.0, 5.0] {
            let step = round_half_away(m * power, 12);
            if step > 0.0 && span / step <= MAX_INTERVALS + 1e-9 {
                return step;
            }
        }
        power *= 10.0;
    }
    span
}

/// Digits after the decimal point that tick labels need at `step`: 0 for whole steps,
/// 1 for 0.5 or 0.2, 2 for 0.05 …
fn decimals(step: f64) -> u8 {
    if step >= 1.0 {
        return 0;
    }
    (0..=12u8)
        .find(|&d| {
            let scaled = step * 10f64.powi(i32::from(d));
            (scaled - scaled.round()).abs() < 1e-9
        })
        .unwrap_or(12)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ticks(low: f64, high: f64) -> Vec<f64> {
        nice_axis(low, high, None, "", None).ticks()
    }

    #[test]
    fn ticks_are_round_numbers_from_zero_past_the_highest_value() {
        assert_eq!(ticks(0.0, 48.65), [0.0, 10.0, 20.0, 30.0, 40.0, 50.0]);
        assert_eq!(
            ticks(0.0, 486500.0),
            [0.0, 100000.0, 200000.0, 300000.0, 400000.0, 500000.0]
        );
        assert_eq!(
            ticks(3.35, 3.62),
            [0.0, 0.5, 1.0, 1.5, 2.0, 2.5, 3.0, 3.5, 4.0]
        );
        assert_eq!(ticks(0.0, 100.0), [0.0, 20.0, 40.0, 60.0, 80.0, 100.0]);
        assert_eq!(
            ticks(0.0, 123.5),
            [0.0, 20.0, 40.0, 60.0, 80.0, 100.0, 120.0, 140.0]
        );
        assert_eq!(
            ticks(0.0, 0.33),
            [0.0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35]
        );
        let a = nice_axis(0.0, 0.73, None, "", None);
        assert_eq!((a.step, a.decimals), (0.1, 1));
        assert_eq!(nice_axis(0.0, 0.07, None, "", None).decimals, 2);
    }

    #[test]
    fn negative_values_take_the_axis_below_zero() {
        assert_eq!(ticks(-12.0, 30.0), [-20.0, -10.0, 0.0, 10.0, 20.0, 30.0]);
        assert_eq!(ticks(-3.0, -1.0), [-3.0, -2.5, -2.0, -1.5, -1.0, -0.5, 0.0]);
    }

    #[test]
    fn a_reference_value_stands_inside_the_plot() {
        let a = nice_axis(0.0, 73.4, Some(100.0), "%", None);
        assert_eq!(a.ticks(), [0.0, 20.0, 40.0, 60.0, 80.0, 100.0, 120.0]);
        assert_eq!(a.fraction(100.0), 100.0 / 120.0);
        let a = nice_axis(0.0, 131.2, Some(100.0), "%", None);
        assert_eq!(
            a.ticks(),
            [0.0, 20.0, 40.0, 60.0, 80.0, 100.0, 120.0, 140.0]
        );
    }

    #[test]
    fn all_zero_still_has_an_axis() {
        assert_eq!(ticks(0.0, 0.0), [0.0, 0.2, 0.4, 0.6, 0.8, 1.0]);
    }
}
