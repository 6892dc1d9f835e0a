//! Rounding and printing numbers the way huibao does, so a plugin's figures agree with
//! the report's own.
//!
//! One rule everywhere: a number is rounded **half away from zero** on its decimal value
//! (0.05 → 0.1, 12.05 → 12.1, 2.675 → 2.68, −0.05 → −0.1).
//!
//! A binary `f64` cannot hold most decimals: 2.675 is stored as 2.67499999…, and
//! arithmetic adds noise (a growth rate that is 12.05 on paper comes out as
//! 12.049999999999997). Rounding the binary value would give 2.67 and 12.0. So a number is
//! first read at [`SIGNIFICANT_DIGITS`] significant digits — more than any figure in a
//! report carries, far fewer than the 15–17 where binary noise lives — and that decimal is
//! rounded, digit by digit.

/// Significant decimal digits a number is read at before it is rounded or printed.
pub const SIGNIFICANT_DIGITS: usize = 12;

/// A finite, non-zero number as decimal digits: `0.d₁d₂…dₙ × 10^exponent` with `d₁ ≠ 0`,
/// read at [`SIGNIFICANT_DIGITS`] digits.
struct Decimal {
    negative: bool,
    digits: Vec<u8>,
    exponent: i32,
}

impl Decimal {
    fn of(x: f64) -> Option<Decimal> {
        if !x.is_finite() || x == 0.0 {
            return None;
        }
        // "1.20500000000e1": Rust's exact formatting, rounded at the last digit kept.
        let s = format!("{:.*e}", SIGNIFICANT_DIGITS - 1, x.abs());
        let (mantissa, exp) = s.split_once('e')?;
        let digits: Vec<u8> = mantissa
            .bytes()
            .filter(u8::is_ascii_digit)
            .map(|b| b - b'0')
            .collect();
        Some(Decimal {
            negative: x < 0.0,
            digits,
            exponent: exp.parse::<i32>().ok()? + 1,
        })
    }

    /// The value rounded half away from zero to `decimals` places, as the digits of an
    /// integer and a power of ten: `(n, -decimals)` means `n × 10^-decimals`.
    fn rounded(&self, decimals: u8) -> (u64, i32) {
        let keep = self.exponent + i32::from(decimals);
        if keep >= self.digits.len() as i32 {
            // Nothing to round away: every digit read is kept.
            let n = self.digits.iter().fold(0u64, |n, &d| n * 10 + u64::from(d));
            return (n, self.exponent - self.digits.len() as i32);
        }
        if keep < 0 {
            return (0, -i32::from(decimals));
        }
        let keep = keep as usize;
        let mut n = self.digits[..keep]
            .iter()
            .fold(0u64, |n, &d| n * 10 + u64::from(d));
        if self.digits[keep] >= 5 {
            n += 1;
        }
        (n, -i32::from(decimals))
    }
}

/// `x` rounded half away from zero to `decimals` places (see the [module](self) for how
/// binary noise is kept out). Never returns −0.0; infinities and NaN are returned as they are.
///
/// ```
/// use huibao_plugin_api::numbers::round_half_away;
/// assert_eq!(round_half_away(0.05, 1), 0.1);
/// assert_eq!(round_half_away(2.675, 2), 2.68);
/// assert_eq!(round_half_away(-12.05, 1), -12.1);
/// ```
pub fn round_half_away(x: f64, decimals: u8) -> f64 {
    let Some(d) = Decimal::of(x) else {
        return if x == 0.0 { 0.0 } else { x };
    };
    let (n, exp) = d.rounded(decimals);
    if n == 0 {
        return 0.0;
    }
    let value: f64 = format!("{n}e{exp}").parse().unwrap_or(x.abs());
    if d.negative {
        -value
    } else {
        value
    }
}

/// `x` printed as huibao prints figures: with exactly `decimals` places when given
/// (rounded half away from zero: "12.10", "5.00"), else as written — its shortest decimal
/// form, without binary noise ("0.3" for 0.1 + 0.2, "50" for 50.0). "−0" prints as "0".
///
/// ```
/// use huibao_plugin_api::numbers::format_number;
/// assert_eq!(format_number(2.675, Some(2)), "2.68");
/// assert_eq!(format_number(0.1 + 0.2, None), "0.3");
/// assert_eq!(format_number(36.0, None), "36");
/// ```
pub fn format_number(x: f64, decimals: Option<u8>) -> String {
    match decimals {
        Some(d) => format!("{:.*}", usize::from(d), round_half_away(x, d)),
        None => {
            let clean = match Decimal::of(x) {
                Some(d) => {
                    let (n, exp) = d.rounded(u8::MAX);
                    let v: f64 = format!("{n}e{exp}").parse().unwrap_or(x.abs());
                    if d.negative {
                        -v
                    } else {
                        v
                    }
                }
                None if x == 0.0 => 0.0,
                None => x,
            };
            format!("{clean}")
        }
    }
}

/// An amount with at most `max_decimals` places and no trailing zeros, rounded half away
/// from zero: 12.3, 50, 0.85.
///
/// ```
/// use huibao_plugin_api::numbers::format_amount;
/// assert_eq!(format_amount(12.345, 2), "12.35");
/// assert_eq!(format_amount(50.0, 2), "50");
/// ```
pub fn format_amount(x: f64, max_decimals: u8) -> String {
    format_number(round_half_away(x, max_decimals), None)
}

/// A ratio as a percentage with one decimal, rounded half away from zero: 0.2466 → 24.7%.
///
/// ```
/// use huibao_plugin_api::numbers::format_percent;
/// assert_eq!(format_percent(12.3 / 65.5), "18.8%");
/// assert_eq!(format_percent(0.0), "0.0%");
/// ```
pub fn format_percent(ratio: f64) -> String {
    format!("{}%", format_number(ratio * 100.0, Some(1)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ties_round_away_from_zero_on_the_decimal_value() {
        // Each of these is stored just below the tie in binary.
        assert_eq!(round_half_away(0.05, 1), 0.1);
        assert_eq!(round_half_away(12.05, 1), 12.1);
        assert_eq!(round_half_away(2.675, 2), 2.68);
        assert_eq!(round_half_away(1.005, 2), 1.01);
        assert_eq!(round_half_away(0.125, 2), 0.13);
        assert_eq!(round_half_away(2.5, 0), 3.0);
        assert_eq!(round_half_away(-2.5, 0), -3.0);
        assert_eq!(round_half_away(-12.05, 1), -12.1);
        assert_eq!(round_half_away(-0.05, 1), -0.1);
    }

    #[test]
    fn arithmetic_noise_does_not_move_a_tie() {
        // (132.53 − 118.26) / 118.26 × 100 and the like land a hair off the tie.
        let noisy = 12.049999999999997;
        assert_eq!(round_half_away(noisy, 1), 12.1);
        assert_eq!(round_half_away(0.1 + 0.2, 1), 0.3);
        assert_eq!(round_half_away(24.65 / 100.0 * 100.0, 1), 24.7);
    }

    #[test]
    fn values_off_the_tie_round_to_the_nearest() {
        assert_eq!(round_half_away(12.04, 1), 12.0);
        assert_eq!(round_half_away(12.0499, 1), 12.0);
        assert_eq!(round_half_away(9.95, 1), 10.0);
        assert_eq!(round_half_away(99.96, 1), 100.0);
        assert_eq!(round_half_away(0.004, 2), 0.0);
        assert_eq!(round_half_away(0.0004, 1), 0.0);
        assert_eq!(round_half_away(123456.789, 0), 123457.0);
    }

    #[test]
    fn zero_is_never_negative() {
        assert_eq!(round_half_away(-0.04, 1).to_string(), "0");
        assert_eq!(round_half_away(-0.0, 1).to_string(), "0");
        assert_eq!(format_number(-0.0, None), "0");
        assert_eq!(format_number(-0.004, Some(2)), "0.00");
    }

    #[test]
    fn non_finite_values_pass_through() {
        assert!(round_half_away(f64::NAN, 1).is_nan());
        assert_eq!(round_half_away(f64::INFINITY, 1), f64::INFINITY);
    }

    #[test]
    fn printing() {
        assert_eq!(format_number(12.0, Some(1)), "12.0");
        assert_eq!(format_number(5.0, Some(2)), "5.00");
        assert_eq!(format_number(0.125, Some(2)), "0.13");
        assert_eq!(format_number(48.65, None), "48.65");
        assert_eq!(format_number(1e-7, None), "0.0000001");
        assert_eq!(format_number(35.6 + 12.3 + 8.1, None), "56");
        assert_eq!(format_amount(0.1 + 0.2, 2), "0.3");
        assert_eq!(format_amount(2.675, 2), "2.68");
        assert_eq!(format_amount(-0.001, 2), "0");
    }
}
