//! Resolved styles: page geometry, fonts by role, numbering mode, punctuation width.
//!
//! A [`Style`] is the `gbt9704` preset with the report's `[style]` overrides applied.
//! Every backend reads its measures from here, so DOCX, PDF and HTML agree.

use serde::{Deserialize, Serialize};

/// Millimetres to PostScript points.
pub const PT_PER_MM: f64 = 72.0 / 25.4;
/// Twips (twentieths of a point) per point, for Word.
pub const TWIPS_PER_PT: f64 = 20.0;

/// The role a piece of text plays; each role has its own font and size.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FontRole {
    /// 正文 and everything without a role of its own.
    Body,
    /// 标题.
    Title,
    /// 一、 headings.
    Heading1,
    /// （一） headings.
    Heading2,
    /// 1. headings and run-in leads.
    Heading3,
    /// （1） headings and run-in leads.
    Heading4,
    /// "— 1 —".
    PageNumber,
    /// 发文机关标志 in the red header.
    OrganMark,
    /// Table cells.
    Table,
    /// 版记 (抄送, 印发).
    EndMatter,
    /// Latin letters and digits inside Chinese text (Word's ascii/hAnsi font).
    Latin,
}

impl FontRole {
    /// Every role, in a stable order.
    pub const ALL: [FontRole; 11] = [
        FontRole::Body,
        FontRole::Title,
        FontRole::Heading1,
        FontRole::Heading2,
        FontRole::Heading3,
        FontRole::Heading4,
        FontRole::PageNumber,
        FontRole::OrganMark,
        FontRole::Table,
        FontRole::EndMatter,
        FontRole::Latin,
    ];

    /// The role of a heading or run-in lead at `level` (1–4).
    pub fn heading(level: u8) -> FontRole {
        match level {
            1 => FontRole::Heading1,
            2 => FontRole::Heading2,
            3 => FontRole::Heading3,
            _ => FontRole::Heading4,
        }
    }

    /// The key used in `[style.fonts]` and in messages.
    pub fn key(self) -> &'static str {
        match self {
            FontRole::Body => "body",
            FontRole::Title => "title",
            FontRole::Heading1 => "heading1",
            FontRole::Heading2 => "heading2",
            FontRole::Heading3 => "heading3",
            FontRole::Heading4 => "heading4",
            FontRole::PageNumber => "page_number",
            FontRole::OrganMark => "organ_mark",
            FontRole::Table => "table",
            FontRole::EndMatter => "end_matter",
            FontRole::Latin => "latin",
        }
    }

    /// A Chinese name for messages: "正文", "一级标题" …
    pub fn label(self) -> &'static str {
        match self {
            FontRole::Body => "正文",
            FontRole::Title => "标题",
            FontRole::Heading1 => "一级标题",
            FontRole::Heading2 => "二级标题",
            FontRole::Heading3 => "三级标题",
            FontRole::Heading4 => "四级标题",
            FontRole::PageNumber => "页码",
            FontRole::OrganMark => "发文机关标志",
            FontRole::Table => "表格",
            FontRole::EndMatter => "版记",
            FontRole::Latin => "西文及数字",
        }
    }
}

/// A font for one role: the families in order of preference, size and weight.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FontSpec {
    /// Family names, first found wins. The first one is what a DOCX names.
    pub families: Vec<String>,
    /// Size in points.
    pub size_pt: f64,
    /// Bold (synthesised where the font has no bold face).
    pub bold: bool,
}

/// How items below a part heading are numbered.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default, schemars::JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum NumberingMode {
    /// Each item is a heading line: （一）… / 1.… run in with its paragraph at levels 3–4.
    #[default]
    Headings,
    /// Each item opens its paragraph: "一是……。二是……。"
    RunIn,
}

/// How full-width punctuation is set (`[style] punctuation`).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default, schemars::JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum Punctuation {
    /// A mark may give up the blank half of its cell where that keeps a line on the grid
    /// (W3C CLREQ, GB/T 15834 5.1.10): at the end of a line, between two adjacent marks
    /// (。” ，“ ）、), an opening bracket at the start of a line.
    #[default]
    Compress,
    /// Every mark keeps a full cell.
    Full,
}

impl Punctuation {
    /// Whether marks may be set narrower than a full cell.
    pub fn compresses(self) -> bool {
        self == Punctuation::Compress
    }
}

/// Page geometry in millimetres plus the line/character grid.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Page {
    /// Paper width (A4: 210).
    pub width_mm: f64,
    /// Paper height (A4: 297).
    pub height_mm: f64,
    /// Top edge to the text block (天头, 37).
    pub margin_top_mm: f64,
    /// Text block to the bottom edge (35).
    pub margin_bottom_mm: f64,
    /// Left edge to the text block (订口, 28).
    pub margin_left_mm: f64,
    /// Text block to the right edge (26).
    pub margin_right_mm: f64,
    /// Lines of body text per page (22).
    pub lines_per_page: u32,
    /// Body characters per line (28).
    pub chars_per_line: u32,
    /// Distance from the bottom edge of the text block to the page-number line (7 mm).
    pub page_number_gap_mm: f64,
}

impl Page {
    /// Text block width in points.
    pub fn block_width_pt(&self) -> f64 {
        (self.width_mm - self.margin_left_mm - self.margin_right_mm) * PT_PER_MM
    }
    /// Text block height in points.
    pub fn block_height_pt(&self) -> f64 {
        (self.height_mm - self.margin_top_mm - self.margin_bottom_mm) * PT_PER_MM
    }
    /// Distance between baselines of body lines, in points (225 mm / 22 = 28.99 pt).
    pub fn line_pitch_pt(&self) -> f64 {
        self.block_height_pt() / f64::from(self.lines_per_page)
    }
    /// Advance of one body character on the grid (156 mm / 28 = 15.79 pt).
    pub fn char_pitch_pt(&self) -> f64 {
        self.block_width_pt() / f64::from(self.chars_per_line)
    }
}

/// A resolved style: everything a backend needs to know about looks.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Style {
    /// The preset this style started from ("gbt9704").
    pub preset: String,
    /// Paper, margins and grid.
    pub page: Page,
    /// Fonts by role.
    pub fonts: std::collections::BTreeMap<FontRole, FontSpec>,
    /// Numbering of items directly below a part heading (per part overridable in the report).
    pub numbering: NumberingMode,
    /// Red for the header mark and rule, "#RRGGBB".
    pub red: String,
    /// Draw page numbers "— N —".
    pub page_numbers: bool,
    /// Place the signature and date at the end of the body.
    pub signature: bool,
    /// Sealed signature placement.
    pub sealed: bool,
    /// Punctuation width adjustment: every output follows it as far as its client allows.
    pub punctuation: Punctuation,
}

impl Style {
    /// The GB/T 9704-2012 preset.
    pub fn gbt9704() -> Style {
        let font = |families: &[&str], size_pt: f64, bold: bool| FontSpec {
            families: families.iter().map(|s| s.to_string()).collect(),
            size_pt,
            bold,
        };
        let fang = ["仿宋_GB2312", "仿宋", "FangSong", "FandolFang"];
        let hei = ["黑体", "SimHei", "Noto Sans CJK SC", "FandolHei"];
        let kai = ["楷体_GB2312", "楷体", "KaiTi", "FandolKai", "LXGW WenKai"];
        let xbs = [
            "方正小标宋简体",
            "FZXiaoBiaoSong-B05S",
            "Noto Serif CJK SC",
            "FandolSong",
        ];
        let song = ["宋体", "SimSun", "Noto Serif CJK SC", "FandolSong"];
        let mut fonts = std::collections::BTreeMap::new();
        fonts.insert(FontRole::Body, font(&fang, 16.0, false));
        fonts.insert(FontRole::Title, font(&xbs, 22.0, false));
        fonts.insert(FontRole::Heading1, font(&hei, 16.0, false));
        fonts.insert(FontRole::Heading2, font(&kai, 16.0, false));
        fonts.insert(FontRole::Heading3, font(&fang, 16.0, true));
        fonts.insert(FontRole::Heading4, font(&fang, 16.0, false));
        fonts.insert(FontRole::PageNumber, font(&song, 14.0, false));
        fonts.insert(FontRole::OrganMark, font(&xbs, 26.0, false));
        fonts.insert(FontRole::Table, font(&fang, 14.0, false));
        fonts.insert(FontRole::EndMatter, font(&fang, 14.0, false));
        fonts.insert(
            FontRole::Latin,
            font(&["Times New Roman", "Liberation Serif"], 16.0, false),
        );
        Style {
            preset: "gbt9704".into(),
            page: Page {
                width_mm: 210.0,
                height_mm: 297.0,
                margin_top_mm: 37.0,
                margin_bottom_mm: 35.0,
                margin_left_mm: 28.0,
                margin_right_mm: 26.0,
                lines_per_page: 22,
                chars_per_line: 28,
                page_number_gap_mm: 7.0,
            },
            fonts,
            numbering: NumberingMode::Headings,
            red: "#C8102E".into(),
            page_numbers: true,
            signature: true,
            sealed: false,
            punctuation: Punctuation::Compress,
        }
    }

    /// The font for a role: its own, else the body font, else the preset's.
    pub fn font(&self, role: FontRole) -> &FontSpec {
        static PRESET: std::sync::OnceLock<Style> = std::sync::OnceLock::new();
        self.fonts
            .get(&role)
            .or_else(|| self.fonts.get(&FontRole::Body))
            .unwrap_or_else(|| PRESET.get_or_init(Style::gbt9704).font(role))
    }
}

impl Default for Style {
    fn default() -> Self {
        Style::gbt9704()
    }
}
