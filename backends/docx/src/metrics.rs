//! Word's measures (twips, half-points) derived from the [`Style`].
//!
//! The grid is kept by two numbers: every line is exactly [`Metrics::line_pitch`]
//! high (22 lines fill the block), and every character advances by its size plus
//! [`Metrics::char_spacing`] (a small negative spacing, so 28 characters fill a line).

use crate::Error;
use huibao_core::chars::text_width_em;
use huibao_core::style::{FontRole, Style, PT_PER_MM, TWIPS_PER_PT};
use huibao_i18n::msg;

/// Word's largest font size in half-points.
const MAX_HALF_POINTS: f64 = 3276.0;

/// Page geometry and type measures in Word's units.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Metrics {
    /// Page width and height, twips.
    pub page_width: i32,
    pub page_height: i32,
    /// Margins, twips.
    pub margin_top: i32,
    pub margin_bottom: i32,
    pub margin_left: i32,
    pub margin_right: i32,
    /// Distance from the page's bottom edge to the page-number line's bottom, twips.
    pub footer_distance: i32,
    /// Text block width, twips.
    pub block_width: i32,
    /// Height of one body line (Word's grid line pitch), twips.
    pub line_pitch: i32,
    /// Character spacing added to every character, twips (usually slightly negative).
    pub char_spacing: i32,
    /// Lines per page the grid is built for.
    pub lines_per_page: u32,
}

impl Metrics {
    /// Derives the measures, or says which value of the style cannot be laid out.
    pub(crate) fn new(style: &Style) -> Result<Metrics, Error> {
        if !style.fonts.contains_key(&FontRole::Body) {
            return Err(Error::Style(msg!("docx-style-no-body-font")));
        }
        let p = &style.page;
        let twips = |mm: f64| (mm * PT_PER_MM * TWIPS_PER_PT).round();
        for (what, mm) in [
            ("width_mm", p.width_mm),
            ("height_mm", p.height_mm),
            ("margin_top_mm", p.margin_top_mm),
            ("margin_bottom_mm", p.margin_bottom_mm),
            ("margin_left_mm", p.margin_left_mm),
            ("margin_right_mm", p.margin_right_mm),
        ] {
            if !(0.0..=2000.0).contains(&mm) {
                return Err(Error::Style(msg!(
                    "docx-style-page-out-of-range",
                    key = format!("page.{what}"),
                    mm = mm.to_string()
                )));
            }
        }
        let (width, height) = (twips(p.width_mm), twips(p.height_mm));
        let (top, bottom) = (twips(p.margin_top_mm), twips(p.margin_bottom_mm));
        let (left, right) = (twips(p.margin_left_mm), twips(p.margin_right_mm));
        let block_width = width - left - right;
        let block_height = height - top - bottom;
        if block_width < 1440.0 || block_height < 1440.0 {
            return Err(Error::Style(msg!("docx-style-block-too-small")));
        }
        if p.lines_per_page == 0 || p.chars_per_line == 0 {
            return Err(Error::Style(msg!("docx-style-grid-empty")));
        }
        for role in FontRole::ALL {
            let size = style.font(role).size_pt;
            if !(1.0..=MAX_HALF_POINTS / 2.0).contains(&size) {
                return Err(Error::Style(msg!(
                    "docx-style-font-size",
                    role = role.key(),
                    size = size.to_string()
                )));
            }
        }
        if !(0.0..=p.margin_bottom_mm).contains(&p.page_number_gap_mm) {
            return Err(Error::Style(msg!(
                "docx-style-page-number-gap",
                gap = p.page_number_gap_mm.to_string(),
                margin = p.margin_bottom_mm.to_string()
            )));
        }
        let line_pitch = (block_height / f64::from(p.lines_per_page)).floor();
        let body = size_twips(style, FontRole::Body);
        let char_spacing = (block_width / f64::from(p.chars_per_line) - f64::from(body)).floor();
        // The page-number line is centred 7 mm below the block: its bottom sits
        // half a line of its own size lower.
        let number = f64::from(size_twips(style, FontRole::PageNumber));
        let footer_distance = (bottom - twips(p.page_number_gap_mm) - number / 2.0).max(0.0);
        if line_pitch < 20.0 || char_spacing < -f64::from(body) / 2.0 {
            return Err(Error::Style(msg!(
                "docx-style-grid-too-dense",
                lines = p.lines_per_page,
                chars = p.chars_per_line
            )));
        }
        Ok(Metrics {
            page_width: width as i32,
            page_height: height as i32,
            margin_top: top as i32,
            margin_bottom: bottom as i32,
            margin_left: left as i32,
            margin_right: right as i32,
            footer_distance: footer_distance as i32,
            block_width: block_width as i32,
            line_pitch: line_pitch as i32,
            char_spacing: char_spacing.clamp(-1584.0, 1584.0) as i32,
            lines_per_page: p.lines_per_page,
        })
    }

    /// `n` body lines, twips.
    pub(crate) fn lines(&self, n: u32) -> i32 {
        self.line_pitch * n as i32
    }

    /// The advance of one character of `role`, twips: its size plus the spacing.
    pub(crate) fn advance(&self, style: &Style, role: FontRole) -> i32 {
        size_twips(style, role) + self.char_spacing
    }

    /// `n` characters of `role`, twips.
    pub(crate) fn chars(&self, style: &Style, role: FontRole, n: f64) -> i32 {
        (f64::from(self.advance(style, role)) * n).round() as i32
    }

    /// The width of `text` set in `role`, twips: core's width in em
    /// ([`text_width_em`]) times the advance of one character.
    pub(crate) fn text_width(&self, style: &Style, role: FontRole, text: &str) -> i32 {
        self.chars(style, role, text_width_em(text))
    }

    /// The smallest whole number of lines that holds a line of `role` text, twips.
    pub(crate) fn line_for(&self, style: &Style, role: FontRole) -> i32 {
        let needed = f64::from(size_twips(style, role)) * 1.2;
        let lines = (needed / f64::from(self.line_pitch)).ceil().max(1.0);
        self.line_pitch * lines as i32
    }
}

/// A role's font size in twips.
pub(crate) fn size_twips(style: &Style, role: FontRole) -> i32 {
    (style.font(role).size_pt * TWIPS_PER_PT).round() as i32
}

/// A role's font size in Word's half-points.
pub(crate) fn half_points(style: &Style, role: FontRole) -> u32 {
    (style.font(role).size_pt * 2.0)
        .round()
        .clamp(2.0, MAX_HALF_POINTS) as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gbt9704_measures() {
        let m = Metrics::new(&Style::gbt9704()).unwrap();
        assert_eq!((m.page_width, m.page_height), (11906, 16838));
        assert_eq!(
            (m.margin_top, m.margin_bottom, m.margin_left, m.margin_right),
            (2098, 1984, 1587, 1474)
        );
        assert_eq!(m.line_pitch, 579);
        // 28 characters of 16 pt − 0.25 pt fit 156 mm, 29 do not.
        assert_eq!(m.char_spacing, -5);
        assert!(28 * (320 + m.char_spacing) <= m.block_width);
        assert!(29 * (320 + m.char_spacing) > m.block_width);
        assert!(22 * m.line_pitch <= 16838 - 2098 - 1984);
        assert!(23 * m.line_pitch > 16838 - 2098 - 1984);
    }

    #[test]
    fn impossible_geometry_is_an_error() {
        let mut s = Style::gbt9704();
        s.page.margin_left_mm = 150.0;
        assert!(Metrics::new(&s).is_err());
        let mut s = Style::gbt9704();
        s.page.chars_per_line = 0;
        assert!(Metrics::new(&s).is_err());
        let mut s = Style::gbt9704();
        s.page.chars_per_line = 200;
        assert!(Metrics::new(&s).is_err());
        let mut s = Style::gbt9704();
        s.page.width_mm = f64::NAN;
        assert!(Metrics::new(&s).is_err());
        let mut s = Style::gbt9704();
        s.fonts.clear();
        assert!(Metrics::new(&s).is_err());
    }

    #[test]
    fn text_width_counts_half_width_digits() {
        let s = Style::gbt9704();
        let m = Metrics::new(&s).unwrap();
        assert_eq!(m.text_width(&s, FontRole::Body, "2022年"), 3 * 315);
    }
}
