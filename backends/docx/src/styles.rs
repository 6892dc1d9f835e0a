//! The style sheet: one named Word style per role, so users restyle in Word.
//!
//! Every style names its fonts explicitly (`w:eastAsia` for Chinese, `w:ascii`/`w:hAnsi`
//! for Latin and digits), never theme fonts. Built-in styles keep Word's ids
//! (Title, Heading1–4, BodyText, Salutation, Signature, Date, Caption, Footer) so Word
//! shows them under their localized names and its navigation pane lists the outline.

use crate::metrics::{half_points, size_twips, Metrics};
use crate::xml::{El, WordElement};
use huibao_core::chars;
use huibao_core::style::{FontRole, Punctuation, Style};

/// Style ids used by the document body.
pub(crate) mod id {
    pub(crate) const NORMAL: &str = "Normal";
    pub(crate) const TITLE: &str = "Title";
    pub(crate) const BODY: &str = "BodyText";
    pub(crate) const ADDRESSEE: &str = "Salutation";
    pub(crate) const CAPTION: &str = "Caption";
    pub(crate) const TABLE_TEXT: &str = "TableText";
    pub(crate) const TABLE_HEADER: &str = "TableHeader";
    pub(crate) const TABLE_NOTE: &str = "TableNote";
    pub(crate) const ATTACHMENT_NOTE: &str = "AttachmentNote";
    pub(crate) const SIGNATURE: &str = "Signature";
    pub(crate) const DATE: &str = "Date";
    pub(crate) const NOTE: &str = "Note";
    pub(crate) const ATTACHMENT_LABEL: &str = "AttachmentLabel";
    pub(crate) const ATTACHMENT_TITLE: &str = "AttachmentTitle";
    pub(crate) const ORGAN_MARK: &str = "OrganMark";
    pub(crate) const DOCUMENT_NUMBER: &str = "DocumentNumber";
    pub(crate) const SIGNER_NAME: &str = "SignerName";
    pub(crate) const END_MATTER: &str = "EndMatter";
    pub(crate) const FOOTER: &str = "Footer";

    /// The paragraph style of a heading at `level` (1–4).
    pub(crate) fn heading(level: u8) -> &'static str {
        match level {
            1 => "Heading1",
            2 => "Heading2",
            3 => "Heading3",
            _ => "Heading4",
        }
    }

    /// The character style of a run-in heading at `level` (1–4).
    pub(crate) fn lead(level: u8) -> &'static str {
        match level {
            1 => "Lead1",
            2 => "Lead2",
            3 => "Lead3",
            _ => "Lead4",
        }
    }
}

/// The WordprocessingML namespace.
pub(crate) const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// Measures shared by the style sheet and the body.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Layout {
    /// First-line indent of body text: two characters, twips.
    pub indent: i32,
    /// Line height inside table cells, twips.
    pub table_line: i32,
    /// Top and bottom cell margin, so a one-line row is one grid line high, twips.
    pub cell_margin: i32,
}

impl Layout {
    /// Derives the shared measures.
    pub(crate) fn new(style: &Style, m: &Metrics) -> Layout {
        let table_size = size_twips(style, FontRole::Table);
        let table_line = ((f64::from(table_size) * 1.4).round() as i32).max(table_size);
        Layout {
            indent: m.chars(style, FontRole::Body, 2.0),
            table_line,
            cell_margin: ((m.line_pitch - table_line) / 2).max(0),
        }
    }
}

/// The family Word should use for a role: the first one the style lists.
pub(crate) fn family(style: &Style, role: FontRole) -> String {
    style
        .font(role)
        .families
        .iter()
        .chain(&style.font(FontRole::Body).families)
        .map(|f| f.trim())
        .find(|f| !f.is_empty())
        .unwrap_or("FangSong")
        .to_string()
}

/// Whether a role sets Latin letters and digits in its own font rather than the
/// style's Latin font (display type and page numbers do; running text does not).
fn latin_in_own_font(role: FontRole) -> bool {
    matches!(
        role,
        FontRole::Title
            | FontRole::OrganMark
            | FontRole::PageNumber
            | FontRole::Heading1
            | FontRole::Heading2
    )
}

/// `w:rFonts` for a role: East Asian, Latin and complex-script fonts all named.
pub(crate) fn run_fonts(style: &Style, role: FontRole) -> El {
    let east = family(style, role);
    let latin = if latin_in_own_font(role) {
        east.clone()
    } else {
        family(style, FontRole::Latin)
    };
    El::new("w:rFonts")
        .attr("w:ascii", &latin)
        .attr("w:hAnsi", &latin)
        .attr("w:eastAsia", &east)
        .attr("w:cs", &latin)
        .attr("w:hint", "eastAsia")
}

/// Font, size and weight of a role as `w:rPr` children.
fn role_run(style: &Style, role: FontRole) -> Vec<El> {
    let size = half_points(style, role).to_string();
    let mut rpr = vec![
        run_fonts(style, role),
        El::val("w:sz", &size),
        El::val("w:szCs", &size),
    ];
    let bold = if style.font(role).bold { "1" } else { "0" };
    rpr.push(El::val("w:b", bold));
    rpr.push(El::val("w:bCs", bold));
    rpr
}

/// `w:spacing` with exact line height `line` and space before/after, twips.
pub(crate) fn spacing(line: i32, before: i32, after: i32) -> El {
    El::new("w:spacing")
        .attr("w:before", before.max(0).to_string())
        .attr("w:after", after.max(0).to_string())
        .attr("w:line", line.max(1).to_string())
        .attr("w:lineRule", "exact")
}

/// `w:ind` with left, right and first-line (negative: hanging) indents, twips.
pub(crate) fn indent(left: i32, right: i32, first_line: i32) -> El {
    let el = El::new("w:ind")
        .attr("w:left", left.to_string())
        .attr("w:right", right.to_string());
    if first_line >= 0 {
        el.attr("w:firstLine", first_line.to_string())
    } else {
        el.attr("w:hanging", (-first_line).to_string())
    }
}

/// A one-sided paragraph border.
pub(crate) fn border(side: &str, size_eighths: u32, space_pt: u32, color: &str) -> El {
    El::new(side)
        .attr("w:val", "single")
        .attr("w:sz", size_eighths.to_string())
        .attr("w:space", space_pt.min(31).to_string())
        .attr("w:color", color)
}

/// One style definition before it becomes XML.
struct Def {
    kind: &'static str,
    id: &'static str,
    name: String,
    based_on: Option<&'static str>,
    next: Option<&'static str>,
    ppr: Vec<El>,
    rpr: Vec<El>,
}

impl Def {
    fn paragraph(id: &'static str, name: &str) -> Def {
        Def {
            kind: "paragraph",
            id,
            name: name.to_string(),
            based_on: Some(id::NORMAL),
            next: None,
            ppr: Vec::new(),
            rpr: Vec::new(),
        }
    }

    fn character(id: &'static str, name: &str, rpr: Vec<El>) -> Def {
        Def {
            kind: "character",
            id,
            name: name.to_string(),
            based_on: Some("DefaultParagraphFont"),
            next: None,
            ppr: Vec::new(),
            rpr,
        }
    }

    fn ppr(mut self, items: Vec<El>) -> Def {
        self.ppr.extend(items);
        self
    }

    fn rpr(mut self, items: Vec<El>) -> Def {
        self.rpr.extend(items);
        self
    }

    fn next(mut self, next: &'static str) -> Def {
        self.next = Some(next);
        self
    }

    fn into_el(self) -> El {
        let mut el = El::new("w:style")
            .attr("w:type", self.kind)
            .attr("w:styleId", self.id)
            .child(El::val("w:name", &self.name))
            .opt_child(self.based_on.map(|b| El::val("w:basedOn", b)))
            .opt_child(self.next.map(|n| El::val("w:next", n)))
            .child(El::new("w:qFormat"));
        if !self.ppr.is_empty() {
            el = el.child(El::new("w:pPr").children(self.ppr));
        }
        if !self.rpr.is_empty() {
            el = el.child(El::new("w:rPr").children(self.rpr));
        }
        el
    }
}

/// The red of the style as Word's "RRGGBB".
pub(crate) fn red(style: &Style) -> Result<String, crate::Error> {
    let hex = style.red.trim().trim_start_matches('#');
    if hex.len() == 6 && hex.chars().all(|c| c.is_ascii_hexdigit()) {
        Ok(hex.to_ascii_uppercase())
    } else {
        Err(crate::Error::Style(huibao_i18n::msg!(
            "docx-style-red",
            red = style.red.as_str()
        )))
    }
}

/// The red rule under the 发文字号: its width (eighths of a point) and its distance
/// below the line box (points; about 4 mm below the glyphs).
const RULE_EIGHTHS: u32 = 12;
const RULE_SPACE_PT: u32 = 9;

/// Vertical spacing of the red header, twips.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct HeaderSpacing {
    /// Above the organ mark: its top sits 35 mm below the top of the text block.
    pub mark_before: i32,
    /// Above the 发文字号 line: two blank lines, rounded up to the grid.
    pub number_before: i32,
    /// Above the title: two blank lines below the rule, less the rule's own height,
    /// so the title and body stay on the page's line grid.
    pub title_before: i32,
}

impl HeaderSpacing {
    /// Derives the spacing from the organ mark's size and the grid.
    pub(crate) fn new(style: &Style, m: &Metrics) -> HeaderSpacing {
        let pitch = m.line_pitch;
        let line = m.line_for(style, FontRole::OrganMark);
        let size = size_twips(style, FontRole::OrganMark);
        // 35 mm, less the leading an exact line puts above its text (the text sits
        // on the line's foot in Word and LibreOffice; CJK faces are about 1.3 em tall).
        let mark_before = (1984 - (line - size * 13 / 10)).max(0);
        let used = (mark_before + line) % pitch;
        let number_before = m.lines(2) + (pitch - used) % pitch;
        let rule = (RULE_SPACE_PT * 20 + RULE_EIGHTHS * 20 / 8) as i32;
        HeaderSpacing {
            mark_before,
            number_before,
            title_before: (m.lines(2) - rule).max(0),
        }
    }
}

/// The paragraph styles of the document.
fn paragraph_styles(style: &Style, m: &Metrics, l: &Layout, red: &str) -> Vec<Def> {
    let pitch = m.line_pitch;
    let adv = |role| m.advance(style, role);
    let heading = |level: u8| {
        let role = FontRole::heading(level);
        Def::paragraph(id::heading(level), &format!("heading {level}"))
            .next(id::BODY)
            .ppr(vec![
                // A heading never ends a page (as in the PDF); the page before a heading
                // that moved on is the only one short of 22 lines.
                El::new("w:keepNext"),
                El::val("w:keepLines", "0"),
                indent(0, 0, l.indent),
                El::val("w:outlineLvl", (level - 1).to_string()),
                spacing(m.line_for(style, role), 0, 0),
            ])
            .rpr(role_run(style, role))
    };
    let end_matter_char = adv(FontRole::EndMatter);
    let header = HeaderSpacing::new(style, m);
    vec![
        Def::paragraph(id::TITLE, "Title")
            .next(id::BODY)
            .ppr(vec![
                El::val("w:keepNext", "0"),
                El::val("w:jc", "center"),
                El::val("w:snapToGrid", "0"),
                spacing(m.line_for(style, FontRole::Title), 0, pitch),
            ])
            .rpr(role_run(style, FontRole::Title)),
        heading(1),
        heading(2),
        heading(3),
        heading(4),
        Def::paragraph(id::BODY, "Body Text")
            .next(id::BODY)
            .ppr(vec![indent(0, 0, l.indent)]),
        Def::paragraph(id::ADDRESSEE, "Salutation").next(id::BODY),
        Def::paragraph(id::CAPTION, "caption")
            .ppr(vec![El::new("w:keepNext"), El::val("w:jc", "center")])
            .rpr(role_run(style, FontRole::Heading1)),
        Def::paragraph(id::TABLE_TEXT, "表格文字")
            .ppr(vec![
                spacing(l.table_line, 0, 0),
                El::val("w:jc", "left"),
                El::val("w:snapToGrid", "0"),
            ])
            .rpr(role_run(style, FontRole::Table)),
        Def {
            based_on: Some(id::TABLE_TEXT),
            ..Def::paragraph(id::TABLE_HEADER, "表格标题行")
        }
        // The header row stays on the page of the first body row.
        .ppr(vec![El::new("w:keepNext"), El::val("w:jc", "center")])
        .rpr(vec![El::val("w:b", "1"), El::val("w:bCs", "1")]),
        Def::paragraph(id::TABLE_NOTE, "表注").rpr(role_run(style, FontRole::Table)),
        Def::paragraph(id::ATTACHMENT_NOTE, "附件说明").ppr(vec![indent(
            m.chars(style, FontRole::Body, 5.0),
            0,
            0,
        )]),
        Def::paragraph(id::SIGNATURE, "Signature")
            .next(id::DATE)
            .ppr(vec![El::val("w:jc", "right"), spacing(pitch, pitch, 0)]),
        Def::paragraph(id::DATE, "Date").ppr(vec![El::val("w:jc", "right")]),
        Def::paragraph(id::NOTE, "附注").ppr(vec![indent(0, 0, l.indent)]),
        Def::paragraph(id::ATTACHMENT_LABEL, "附件标识")
            .next(id::ATTACHMENT_TITLE)
            .ppr(vec![El::new("w:pageBreakBefore")])
            .rpr(role_run(style, FontRole::Heading1)),
        Def::paragraph(id::ATTACHMENT_TITLE, "附件标题")
            .next(id::BODY)
            .ppr(vec![
                El::val("w:jc", "center"),
                El::val("w:snapToGrid", "0"),
                spacing(m.line_for(style, FontRole::Title), pitch, pitch),
            ])
            .rpr(role_run(style, FontRole::Title)),
        Def::paragraph(id::ORGAN_MARK, "发文机关标志")
            .ppr(vec![
                El::val("w:jc", "center"),
                El::val("w:snapToGrid", "0"),
                spacing(
                    m.line_for(style, FontRole::OrganMark),
                    header.mark_before,
                    0,
                ),
            ])
            .rpr(role_run(style, FontRole::OrganMark))
            .rpr(vec![El::val("w:color", red)]),
        Def::paragraph(id::DOCUMENT_NUMBER, "发文字号").ppr(vec![
            El::new("w:pBdr").child(border("w:bottom", RULE_EIGHTHS, RULE_SPACE_PT, red)),
            El::new("w:tabs")
                .child(
                    El::new("w:tab")
                        .attr("w:val", "left")
                        .attr("w:pos", adv(FontRole::Body).to_string()),
                )
                .child(
                    El::new("w:tab")
                        .attr("w:val", "right")
                        .attr("w:pos", (m.block_width - adv(FontRole::Body)).to_string()),
                ),
            spacing(pitch, header.number_before, 0),
            El::val("w:jc", "left"),
        ]),
        Def::paragraph(id::END_MATTER, "版记")
            .ppr(vec![
                El::new("w:keepNext"),
                El::val("w:jc", "left"),
                El::new("w:tabs").child(
                    El::new("w:tab")
                        .attr("w:val", "right")
                        .attr("w:pos", (m.block_width - end_matter_char).to_string()),
                ),
            ])
            .rpr(role_run(style, FontRole::EndMatter)),
        Def::paragraph(id::FOOTER, "footer")
            .ppr(vec![
                spacing(size_twips(style, FontRole::PageNumber), 0, 0),
                El::val("w:snapToGrid", "0"),
            ])
            .rpr(role_run(style, FontRole::PageNumber)),
    ]
}

/// The complete `word/styles.xml`.
pub(crate) fn styles_part(style: &Style, m: &Metrics, l: &Layout) -> Result<El, crate::Error> {
    let red = red(style)?;
    let body = half_points(style, FontRole::Body).to_string();
    let lang = El::new("w:lang")
        .attr("w:val", "en-US")
        .attr("w:eastAsia", "zh-CN")
        .attr("w:bidi", "ar-SA");
    let body_rpr = || {
        vec![
            run_fonts(style, FontRole::Body),
            El::val("w:kern", "0"),
            El::val("w:sz", &body),
            El::val("w:szCs", &body),
            lang.clone(),
        ]
    };
    let defaults = El::new("w:docDefaults")
        .child(El::new("w:rPrDefault").child(El::new("w:rPr").children(body_rpr())))
        // Chinese line-breaking rules (禁则) on every paragraph; the characters are in the
        // settings (`w:noLineBreaksBefore` / `w:noLineBreaksAfter`).
        .child(El::new("w:pPrDefault").child(El::new("w:pPr").child(El::val("w:kinsoku", "1"))));
    let normal = Def {
        based_on: None,
        next: None,
        ..Def::paragraph(id::NORMAL, "Normal")
    }
    .ppr(vec![
        El::val("w:widowControl", "0"),
        // Word's own default, written out: LibreOffice reads this flag inverted and,
        // when it lets punctuation hang, loses it at the foot of a page.
        El::val("w:overflowPunct", "1"),
        El::val("w:autoSpaceDE", "0"),
        El::val("w:autoSpaceDN", "0"),
        spacing(m.line_pitch, 0, 0),
        El::val("w:jc", "both"),
    ])
    .rpr(body_rpr())
    .rpr(vec![El::val("w:spacing", m.char_spacing.to_string())]);
    let mut normal = normal.into_el();
    normal.set_attr("w:default", "1");

    let mut root = El::new("w:styles")
        .attr("xmlns:w", W_NS)
        .child(defaults)
        .child(normal)
        .child(default_paragraph_font())
        .child(normal_table());
    for def in paragraph_styles(style, m, l, &red) {
        root = root.child(def.into_el());
    }
    for level in 1..=4u8 {
        let role = FontRole::heading(level);
        root = root.child(
            Def::character(
                id::lead(level),
                &format!("段内标题 {level}"),
                role_run(style, role),
            )
            .into_el(),
        );
    }
    root = root.child(
        Def::character(
            id::SIGNER_NAME,
            "签发人姓名",
            vec![run_fonts(style, FontRole::Heading2)],
        )
        .into_el(),
    );
    crate::schema::canonicalize(&mut root);
    Ok(root)
}

fn default_paragraph_font() -> El {
    El::new("w:style")
        .attr("w:type", "character")
        .attr("w:default", "1")
        .attr("w:styleId", "DefaultParagraphFont")
        .child(El::val("w:name", "Default Paragraph Font"))
        .child(El::val("w:uiPriority", "1"))
        .child(El::new("w:semiHidden"))
        .child(El::new("w:unhideWhenUsed"))
}

fn normal_table() -> El {
    let margin = |side: &str, w: i32| {
        El::new(side)
            .attr("w:w", w.to_string())
            .attr("w:type", "dxa")
    };
    El::new("w:style")
        .attr("w:type", "table")
        .attr("w:default", "1")
        .attr("w:styleId", "TableNormal")
        .child(El::val("w:name", "Normal Table"))
        .child(El::val("w:uiPriority", "99"))
        .child(El::new("w:semiHidden"))
        .child(El::new("w:unhideWhenUsed"))
        .child(
            El::new("w:tblPr")
                .child(El::new("w:tblInd").attr("w:w", "0").attr("w:type", "dxa"))
                .child(
                    El::new("w:tblCellMar")
                        .child(margin("w:top", 0))
                        .child(margin("w:left", 108))
                        .child(margin("w:bottom", 0))
                        .child(margin("w:right", 108)),
                ),
        )
}

/// The complete `word/fontTable.xml`: every family the document names, with the
/// style's second choice as Word's alternative name.
pub(crate) fn font_table_part(style: &Style) -> El {
    let mut names: Vec<(String, Option<String>)> = Vec::new();
    for role in FontRole::ALL {
        let name = family(style, role);
        if names.iter().any(|(n, _)| *n == name) {
            continue;
        }
        let alt = style
            .font(role)
            .families
            .iter()
            .map(|f| f.trim())
            .find(|f| !f.is_empty() && *f != name)
            .map(str::to_string);
        names.push((name, alt));
    }
    let mut root = El::new("w:fonts").attr("xmlns:w", W_NS);
    for (name, alt) in names {
        let cjk = !name.is_ascii() || name.contains("GB2312");
        root = root.child(
            El::new("w:font")
                .attr("w:name", &name)
                .opt_child(alt.map(|a| El::val("w:altName", a)))
                .child(El::val("w:charset", if cjk { "86" } else { "00" }))
                .child(El::val("w:family", if cjk { "modern" } else { "roman" }))
                .child(El::val("w:pitch", if cjk { "fixed" } else { "variable" })),
        );
    }
    root
}

/// The complete `word/settings.xml`: separate odd and even footers, the style's
/// punctuation width (Word compresses punctuation — adjacent marks, a mark at a line's
/// end — under `compressPunctuation`, as the PDF does; LibreOffice 7.4 keeps every mark
/// full either way), core's 禁则 characters for Chinese (the same the PDF breaks by),
/// Word 2013+ layout. Children in CT_Settings order.
pub(crate) fn settings_part(style: &Style, m: &Metrics) -> El {
    let mut root = El::new("w:settings")
        .attr("xmlns:w", W_NS)
        .child(El::new("w:zoom").attr("w:percent", "100"))
        .child(El::val(
            "w:defaultTabStop",
            m.chars(style, FontRole::Body, 2.0).to_string(),
        ))
        .child(El::new("w:evenAndOddHeaders"))
        .child(El::val(
            "w:characterSpacingControl",
            character_spacing_control(style.punctuation),
        ))
        .child(
            El::new("w:noLineBreaksAfter")
                .attr("w:lang", "zh-CN")
                .attr("w:val", chars::NO_LINE_END),
        )
        .child(
            El::new("w:noLineBreaksBefore")
                .attr("w:lang", "zh-CN")
                .attr("w:val", chars::NO_LINE_START),
        )
        .child(
            El::new("w:compat").child(
                El::new("w:compatSetting")
                    .attr("w:name", "compatibilityMode")
                    .attr("w:uri", "http://schemas.microsoft.com/office/word")
                    .attr("w:val", "15"),
            ),
        )
        .child(
            El::new("w:themeFontLang")
                .attr("w:val", "en-US")
                .attr("w:eastAsia", "zh-CN"),
        )
        .child(El::val("w:decimalSymbol", "."))
        .child(El::val("w:listSeparator", ","));
    crate::schema::canonicalize(&mut root);
    root
}

/// Word's name for the style's punctuation width.
fn character_spacing_control(p: Punctuation) -> &'static str {
    match p {
        Punctuation::Compress => "compressPunctuation",
        Punctuation::Full => "doNotCompress",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sheet() -> El {
        let style = Style::gbt9704();
        let m = Metrics::new(&style).unwrap();
        styles_part(&style, &m, &Layout::new(&style, &m)).unwrap()
    }

    fn find_style<'a>(root: &'a El, id: &str) -> &'a El {
        root.elements()
            .find(|s| s.get_attr("w:styleId").as_deref() == Some(id))
            .unwrap_or_else(|| panic!("no style {id}"))
    }

    #[test]
    fn headings_carry_outline_levels_and_their_fonts() {
        let root = sheet();
        for (level, font) in [(1, "黑体"), (2, "楷体_GB2312"), (3, "仿宋_GB2312")] {
            let s = find_style(&root, id::heading(level));
            let ppr = s.find("w:pPr").unwrap();
            assert_eq!(
                ppr.find("w:outlineLvl").and_then(|o| o.get_attr("w:val")),
                Some((level - 1).to_string())
            );
            let fonts = s.find("w:rPr").and_then(|r| r.find("w:rFonts")).unwrap();
            assert_eq!(fonts.get_attr("w:eastAsia").as_deref(), Some(font));
            assert!(fonts.get_attr("w:ascii").is_some() && fonts.get_attr("w:hAnsi").is_some());
            assert!(fonts.get_attr("w:asciiTheme").is_none());
        }
    }

    #[test]
    fn normal_keeps_the_grid() {
        let root = sheet();
        let normal = find_style(&root, id::NORMAL);
        let ppr = normal.find("w:pPr").unwrap();
        let sp = ppr.find("w:spacing").unwrap();
        assert_eq!(sp.get_attr("w:line").as_deref(), Some("579"));
        assert_eq!(sp.get_attr("w:lineRule").as_deref(), Some("exact"));
        assert_eq!(
            ppr.find("w:widowControl")
                .and_then(|w| w.get_attr("w:val"))
                .as_deref(),
            Some("0")
        );
        let rpr = normal.find("w:rPr").unwrap();
        assert_eq!(
            rpr.find("w:spacing")
                .and_then(|s| s.get_attr("w:val"))
                .as_deref(),
            Some("-5")
        );
        let fonts = rpr.find("w:rFonts").unwrap();
        assert_eq!(fonts.get_attr("w:eastAsia").as_deref(), Some("仿宋_GB2312"));
        assert_eq!(
            fonts.get_attr("w:ascii").as_deref(),
            Some("Times New Roman")
        );
    }

    #[test]
    fn body_text_indents_two_characters_in_twips() {
        let root = sheet();
        let ind = find_style(&root, id::BODY)
            .find("w:pPr")
            .and_then(|p| p.find("w:ind"))
            .unwrap();
        assert_eq!(ind.get_attr("w:firstLine").as_deref(), Some("630"));
    }

    #[test]
    fn a_bad_red_is_an_error() {
        let mut style = Style::gbt9704();
        style.red = "red".into();
        let m = Metrics::new(&style).unwrap();
        assert!(styles_part(&style, &m, &Layout::new(&style, &m)).is_err());
    }

    #[test]
    fn settings_follow_the_styles_punctuation_width() {
        let mut style = Style::gbt9704();
        let m = Metrics::new(&style).unwrap();
        let control = |style: &Style| {
            settings_part(style, &m)
                .find("w:characterSpacingControl")
                .and_then(|e| e.get_attr("w:val"))
        };
        assert_eq!(control(&style).as_deref(), Some("compressPunctuation"));
        style.punctuation = Punctuation::Full;
        assert_eq!(control(&style).as_deref(), Some("doNotCompress"));
    }

    #[test]
    fn settings_turn_on_even_and_odd_footers() {
        let style = Style::gbt9704();
        let m = Metrics::new(&style).unwrap();
        assert!(settings_part(&style, &m)
            .find("w:evenAndOddHeaders")
            .is_some());
    }
}
