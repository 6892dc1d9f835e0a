//! Numbers as OFD writes them: millimetres, at most three decimals, no trailing zeros.

use huibao_core::style::PT_PER_MM;

/// Points to millimetres.
pub(crate) fn mm(pt: f64) -> f64 {
    pt / PT_PER_MM
}

/// Millimetres rounded to a thousandth (a micrometre), the precision written.
pub(crate) fn round(mm: f64) -> f64 {
    let r = (mm * 1000.0).round() / 1000.0;
    // No "-0".
    if r == 0.0 {
        0.0
    } else {
        r
    }
}

/// A number as written: `12.5`, `0.353`, `210`.
pub(crate) fn num(value: f64) -> String {
    let r = round(value);
    let mut s = format!("{r:.3}");
    while s.ends_with('0') {
        s.pop();
    }
    if s.ends_with('.') {
        s.pop();
    }
    s
}

/// Numbers separated by spaces (a box, a colour, path operands).
pub(crate) fn nums(values: &[f64]) -> String {
    values.iter().map(|&v| num(v)).collect::<Vec<_>>().join(" ")
}

/// A DeltaX list, with runs of three or more equal steps written `g COUNT STEP`.
pub(crate) fn deltas(steps: &[f64]) -> String {
    let steps: Vec<String> = steps.iter().map(|&v| num(v)).collect();
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    while i < steps.len() {
        let same = steps[i..].iter().take_while(|s| **s == steps[i]).count();
        if same >= 3 {
            out.push(format!("g {same} {}", steps[i]));
        } else {
            out.extend(steps[i..i + same].iter().cloned());
        }
        i += same;
    }
    out.join(" ")
}

/// A colour of components 0–1 as an 8-bit RGB value: `200 16 46`.
pub(crate) fn rgb(c: huibao_layout::Rgb) -> String {
    let byte = |v: f32| (v.clamp(0.0, 1.0) * 255.0).round() as u8;
    format!("{} {} {}", byte(c.0), byte(c.1), byte(c.2))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_short_and_exact_to_a_micrometre() {
        assert_eq!(num(210.0), "210");
        assert_eq!(num(5.644_444), "5.644");
        assert_eq!(num(0.000_4), "0");
        assert_eq!(num(-0.000_4), "0");
        assert_eq!(num(12.5), "12.5");
        assert_eq!(nums(&[0.0, 0.0, 210.0, 297.0]), "0 0 210 297");
        assert_eq!(mm(72.0), 25.4);
    }

    #[test]
    fn equal_steps_are_grouped() {
        assert_eq!(
            deltas(&[5.57, 5.57, 5.57, 5.57, 2.8, 5.57]),
            "g 4 5.57 2.8 5.57"
        );
        assert_eq!(deltas(&[5.57, 5.57, 2.8]), "5.57 5.57 2.8");
        assert_eq!(deltas(&[]), "");
    }

    #[test]
    fn colours_are_bytes() {
        assert_eq!(rgb(huibao_layout::Rgb(1.0, 0.0, 0.0)), "255 0 0");
        assert_eq!(rgb(huibao_layout::Rgb::BLACK), "0 0 0");
    }
}
