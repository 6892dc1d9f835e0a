//! The document tree (IR): the resolved, numbered blocks every backend draws.
//!
//! Everything a reader sees is decided here: numbers, growth figures, dates, the
//! title's line breaks, the fixed labels (签发人：, 附件：, 抄送：, 印发, 续表) and the
//! column widths of tables. A backend maps each block to its format, prints the text it
//! is given and decides only geometry that the [`Style`](crate::style::Style) leaves to it.

use serde::{Deserialize, Serialize};

mod chart;

pub use chart::{
    Anchor, BarDirection, Chart, ChartLabel, ChartLine, ChartRect, Color, LabelKind, Rect, Series,
    Shape, ValueAxis,
};

/// A finished report, ready for a backend.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Document {
    /// Title, author, date and language for file metadata.
    pub meta: DocumentMeta,
    /// The blocks in reading order.
    pub blocks: Vec<Block>,
    /// Where each block's text was written in the report, as a byte range of the report
    /// file, one entry per block: for a paragraph the prose it came from, for a heading
    /// its title, for a table its columns and rows, for text a plugin wrote the
    /// section's `plugin = …`; `None` for text the report did not write (labels, the
    /// indicator table). Errors found while drawing a block (a character no font has)
    /// point there. Backends draw without it.
    #[serde(skip)]
    pub sources: Vec<Option<std::ops::Range<usize>>>,
}

/// File metadata shared by every output.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocumentMeta {
    /// The full title on one line (also the DOCX/PDF title property).
    pub title: String,
    /// The issuing organization (author property).
    pub author: String,
    /// A short subject line, e.g. "2022年上半年工作总结".
    pub subject: String,
    /// The report's date.
    pub date: crate::date::Date,
    /// BCP 47 language tag, always "zh-CN" for now.
    pub language: String,
}

/// One block of the document.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Block {
    /// The red header (版头) of a formal 报告.
    RedHeader(RedHeader),
    /// The title, already broken into lines (each line centred).
    Title {
        /// The title's lines, top to bottom, without line-break characters.
        lines: Vec<String>,
    },
    /// The addressee (主送机关), ending with a full-width colon.
    Addressee {
        /// The addressee as printed, colon included: "金川市人民政府：".
        text: String,
    },
    /// A heading on its own line: levels 1 (一、) and 2 (（一）), sometimes 3–4.
    Heading(Heading),
    /// A body paragraph, first line indented two characters.
    Paragraph(Paragraph),
    /// A table with a header row.
    Table(Table),
    /// A bar chart with its caption below it (图1 …).
    Chart(Chart),
    /// The attachment note (附件说明) below the body.
    AttachmentNote(AttachmentNote),
    /// Signature (organization) and date.
    Signature(Signature),
    /// 附注 below the date: its text as printed, in full-width parentheses.
    Note {
        /// The note as printed, parentheses included.
        text: String,
    },
    /// The start of an attachment: a new page, "附件N" top left, the title centred.
    AttachmentStart(AttachmentStart),
    /// End matter (版记) on the last page.
    EndMatter(EndMatter),
}

/// The red header (版头).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RedHeader {
    /// 发文机关标志, e.g. "某园区管委会文件" or just the organ name.
    pub organ_mark: String,
    /// 发文字号, e.g. "某管发〔2022〕5号".
    pub document_number: Option<String>,
    /// 签发人: the label "签发人：" and the name (drawn in 楷体).
    pub signer: Option<Labelled>,
}

/// A fixed label and the text after it, kept apart so a backend can set them in
/// different fonts or hang the text's wrapped lines under its first character.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Labelled {
    /// The label as printed, punctuation included: "签发人：", "抄送：".
    pub label: String,
    /// The text after it.
    pub text: String,
}

impl Labelled {
    /// Label and text as printed on one line.
    pub fn full_text(&self) -> String {
        format!("{}{}", self.label, self.text)
    }
}

/// A heading on its own line.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Heading {
    /// 1 to 4.
    pub level: u8,
    /// The number as printed, punctuation included: "一、", "（一）", "1.", "（1）".
    pub number: String,
    /// The heading text without the number.
    pub text: String,
}

impl Heading {
    /// Number and text as they are printed.
    pub fn full_text(&self) -> String {
        format!("{}{}", self.number, self.text)
    }
}

/// A body paragraph made of runs.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Paragraph {
    /// The runs in order; their texts concatenated are the paragraph's text.
    pub runs: Vec<Run>,
    /// Outline level (1–4) when the paragraph opens with a run-in heading
    /// ("1.项目招引协同推进。…" or "一是…"), so navigation panes and bookmarks list it.
    pub outline_level: Option<u8>,
}

impl Paragraph {
    /// A paragraph of one plain run.
    pub fn plain(text: impl Into<String>) -> Self {
        Paragraph {
            runs: vec![Run::plain(text)],
            outline_level: None,
        }
    }

    /// The paragraph's text.
    pub fn text(&self) -> String {
        self.runs.iter().map(|r| r.text.as_str()).collect()
    }
}

/// A stretch of text with one role.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Run {
    /// The text, exactly as printed.
    pub text: String,
    /// How the run is set.
    pub role: RunRole,
}

impl Run {
    /// A body-text run.
    pub fn plain(text: impl Into<String>) -> Self {
        Run {
            text: text.into(),
            role: RunRole::Body,
        }
    }
}

/// The role of a run, mapped to fonts by the style.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RunRole {
    /// Ordinary body text.
    Body,
    /// A run-in heading at the given level (number and title, e.g. "1.项目招引协同推进。").
    Lead {
        /// The outline level, 1 (一、) to 4 (（1）).
        level: u8,
    },
}

/// A table. Cells hold plain text; numbers are already formatted.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Table {
    /// Caption above the table (centred, e.g. "2022年上半年主要经济指标完成情况表").
    pub caption: Option<String>,
    /// Column definitions: header text, alignment, width.
    pub columns: Vec<Column>,
    /// Body rows; each has exactly `columns.len()` cells.
    pub rows: Vec<Vec<String>>,
    /// A note under the table (e.g. "注：……"), if any.
    pub note: Option<String>,
    /// Printed above the repeated header where the table continues on a new page, by
    /// backends that lay out pages: "续表".
    pub continued: String,
}

/// A table column.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Column {
    /// Header cell text.
    pub header: String,
    /// Alignment of body cells (the header is always centred).
    pub align: Align,
    /// The column's share of the text block width, final: the shares of a table add up
    /// to 1. The user's `widths`, or chosen from the content by [`crate::columns`].
    pub width: f64,
}

/// Horizontal alignment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Align {
    /// Flush left (text).
    Left,
    /// Centred (short labels, 序号).
    Center,
    /// Flush right (numbers).
    Right,
}

/// Signature and date.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Signature {
    /// The signing organization.
    pub organization: String,
    /// The date as printed: "2022年7月8日".
    pub date: String,
    /// Sealed placement (date right-indented 4 characters, organ centred over it)
    /// or unsealed (organ right-indented 2, date 2 further right).
    pub sealed: bool,
}

/// The attachment note (附件说明): "附件：" then the attachments' titles, numbered
/// "1." "2." when there are several.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AttachmentNote {
    /// "附件：", printed before the first item; the later items align under the first.
    pub label: String,
    /// The attachments in order.
    pub items: Vec<AttachmentItem>,
}

/// One line of the attachment note.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AttachmentItem {
    /// "1.", "2." … when there are several attachments, empty for one.
    pub number: String,
    /// The attachment's title; wrapped lines align with its first character.
    pub title: String,
}

/// The opening of an attachment.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AttachmentStart {
    /// The label as printed: "附件1", "附件2" … or "附件" when it is the only one.
    pub label: String,
    /// The attachment title, centred on line 3.
    pub title: String,
}

/// End matter (版记).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EndMatter {
    /// 抄送: the label "抄送：" and the list, ending with 。
    pub copy_to: Option<Labelled>,
    /// The printing organ.
    pub printed_by: String,
    /// The printing date as printed: "2022年7月8日印发".
    pub printed_on: String,
}

impl Block {
    /// The block's text as lines, exactly as every output shows it (page numbers aside).
    ///
    /// This is the reference the cross-format tests compare DOCX, PDF and HTML text with.
    pub fn text_lines(&self) -> Vec<String> {
        match self {
            Block::RedHeader(h) => {
                let mut lines = vec![h.organ_mark.clone()];
                lines.extend(h.document_number.clone());
                lines.extend(h.signer.as_ref().map(Labelled::full_text));
                lines
            }
            Block::Title { lines } => lines.clone(),
            Block::Addressee { text } => vec![text.clone()],
            Block::Heading(h) => vec![h.full_text()],
            Block::Paragraph(p) => vec![p.text()],
            Block::Table(t) => {
                let mut lines = Vec::new();
                lines.extend(t.caption.clone());
                lines.push(t.columns.iter().map(|c| c.header.as_str()).collect());
                lines.extend(t.rows.iter().map(|r| r.concat()));
                lines.extend(t.note.clone());
                lines
            }
            Block::Chart(c) => c.text_lines(),
            Block::AttachmentNote(n) => n
                .items
                .iter()
                .enumerate()
                .map(|(i, item)| {
                    let label = if i == 0 { n.label.as_str() } else { "" };
                    format!("{label}{}{}", item.number, item.title)
                })
                .collect(),
            Block::Signature(s) => vec![s.organization.clone(), s.date.clone()],
            Block::Note { text } => vec![text.clone()],
            Block::AttachmentStart(a) => vec![a.label.clone(), a.title.clone()],
            Block::EndMatter(e) => {
                let mut lines = Vec::new();
                lines.extend(e.copy_to.as_ref().map(Labelled::full_text));
                lines.push(e.printed_by.clone());
                lines.push(e.printed_on.clone());
                lines
            }
        }
    }
}

impl Document {
    /// Where block `index` was written in the report (see [`Document::sources`]).
    pub fn source_of(&self, index: usize) -> Option<std::ops::Range<usize>> {
        self.sources.get(index).cloned().flatten()
    }

    /// The document's charts, in document order.
    pub fn charts(&self) -> impl Iterator<Item = &Chart> {
        self.blocks.iter().filter_map(|b| match b {
            Block::Chart(c) => Some(c),
            _ => None,
        })
    }

    /// The whole document's text, one line per block line, joined with '\n'.
    pub fn plain_text(&self) -> String {
        self.blocks
            .iter()
            .flat_map(Block::text_lines)
            .collect::<Vec<_>>()
            .join("\n")
    }
}
