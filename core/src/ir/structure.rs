//! The logical structure of a document: the role of every block and of its parts, as a
//! tree a tagged PDF (or any writer that tags) writes, and the [`Mark`] that ties a
//! piece of drawn content to its place in that tree.
//!
//! Roles follow the standard structure types of ISO 32000-1 (14.8.4), and heading levels
//! those of the HTML page: the title is H1, a heading of level n is H(n+1), an
//! attachment's title H2; the attachment note is a list; a table's header cells are TH
//! (scope column); a chart is a Figure with a description of its data, its caption a
//! Caption after it.

use super::{Block, Chart, Document};
use std::collections::HashMap;

/// A standard structure type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Role {
    /// The whole document (the root).
    Document,
    /// A heading of level 1 to 6.
    H(u8),
    /// A paragraph.
    P,
    /// A list.
    L,
    /// A list item.
    LI,
    /// The body of a list item.
    LBody,
    /// A table.
    Table,
    /// A table row.
    TR,
    /// A table header cell (its scope is its column).
    TH,
    /// A table data cell.
    TD,
    /// A figure (a chart), described by its alternate text.
    Figure,
    /// A caption (a table's title, a chart's caption).
    Caption,
}

impl Role {
    /// The structure type's name as a PDF writes it: "H1", "P", "TH" …
    pub fn name(self) -> String {
        match self {
            Role::Document => "Document".into(),
            Role::H(n) => format!("H{}", n.clamp(1, 6)),
            Role::P => "P".into(),
            Role::L => "L".into(),
            Role::LI => "LI".into(),
            Role::LBody => "LBody".into(),
            Role::Table => "Table".into(),
            Role::TR => "TR".into(),
            Role::TH => "TH".into(),
            Role::TD => "TD".into(),
            Role::Figure => "Figure".into(),
            Role::Caption => "Caption".into(),
        }
    }
}

/// Which part of a block a piece of drawn content is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Part {
    /// The block's text, all of it: a title's, heading's, paragraph's, addressee's or
    /// note's lines.
    Text,
    /// Line `n` (from 0) of a block whose lines have roles of their own: the red header's
    /// organ mark, document number and signer; the signature's organization and date; an
    /// attachment note's item n (with its wrapped lines); an attachment's label and title;
    /// the end matter's 抄送 and 印发 lines.
    Line(usize),
    /// A table's caption.
    Caption,
    /// A table's note.
    Note,
    /// A table cell: `row` is `None` for the header row, else the body row from 0.
    Cell {
        /// The body row, `None` for the header.
        row: Option<usize>,
        /// The column, from 0.
        column: usize,
    },
    /// A chart's drawing: its shapes and labels.
    Drawing,
    /// A chart's caption.
    ChartCaption,
}

/// Where a piece of drawn content belongs: a block of the document and the part of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Mark {
    /// The block's index in [`Document::blocks`].
    pub block: usize,
    /// The part of the block.
    pub part: Part,
}

impl Mark {
    /// Part `part` of block `block`.
    pub fn new(block: usize, part: Part) -> Mark {
        Mark { block, part }
    }
}

/// A node of the structure tree.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Node {
    /// Its structure type.
    pub role: Role,
    /// Its children, as indices in [`Structure::nodes`], in reading order.
    pub children: Vec<usize>,
    /// The drawn content it holds directly (a leaf), if any.
    pub content: Option<Mark>,
    /// Alternate text: a figure's description.
    pub alt: Option<String>,
}

/// A document's structure tree: node 0 is the Document, the others follow in reading
/// order (a parent before its children).
#[derive(Debug, Clone, PartialEq)]
pub struct Structure {
    /// The nodes; node 0 is the root.
    pub nodes: Vec<Node>,
    leaves: HashMap<Mark, usize>,
}

impl Structure {
    /// The structure tree of `doc`.
    pub fn of(doc: &Document) -> Structure {
        let mut s = Structure {
            nodes: vec![Node {
                role: Role::Document,
                children: Vec::new(),
                content: None,
                alt: None,
            }],
            leaves: HashMap::new(),
        };
        for (i, block) in doc.blocks.iter().enumerate() {
            let at = |part| Some(Mark::new(i, part));
            match block {
                Block::RedHeader(h) => {
                    let n = 1 + usize::from(h.document_number.is_some() || h.signer.is_some());
                    for k in 0..n {
                        s.add(0, Role::P, at(Part::Line(k)));
                    }
                }
                Block::Title { .. } => {
                    s.add(0, Role::H(1), at(Part::Text));
                }
                Block::Heading(h) => {
                    s.add(0, Role::H(h.level.clamp(1, 5) + 1), at(Part::Text));
                }
                Block::Addressee { .. } | Block::Paragraph(_) | Block::Note { .. } => {
                    s.add(0, Role::P, at(Part::Text));
                }
                Block::Table(t) => {
                    let table = s.add(0, Role::Table, None);
                    if t.caption.is_some() {
                        s.add(table, Role::Caption, at(Part::Caption));
                    }
                    let header = s.add(table, Role::TR, None);
                    for column in 0..t.columns.len() {
                        s.add(header, Role::TH, at(Part::Cell { row: None, column }));
                    }
                    for row in 0..t.rows.len() {
                        let tr = s.add(table, Role::TR, None);
                        for column in 0..t.columns.len() {
                            let cell = Part::Cell {
                                row: Some(row),
                                column,
                            };
                            s.add(tr, Role::TD, at(cell));
                        }
                    }
                    if t.note.is_some() {
                        s.add(0, Role::P, at(Part::Note));
                    }
                }
                Block::Chart(c) => {
                    let figure = s.add(0, Role::Figure, at(Part::Drawing));
                    s.nodes[figure].alt = Some(c.description());
                    s.add(0, Role::Caption, at(Part::ChartCaption));
                }
                Block::AttachmentNote(n) => {
                    let list = s.add(0, Role::L, None);
                    for k in 0..n.items.len() {
                        let item = s.add(list, Role::LI, None);
                        s.add(item, Role::LBody, at(Part::Line(k)));
                    }
                }
                Block::Signature(_) => {
                    s.add(0, Role::P, at(Part::Line(0)));
                    s.add(0, Role::P, at(Part::Line(1)));
                }
                Block::AttachmentStart(_) => {
                    s.add(0, Role::P, at(Part::Line(0)));
                    s.add(0, Role::H(2), at(Part::Line(1)));
                }
                Block::EndMatter(e) => {
                    let n = 1 + usize::from(e.copy_to.is_some());
                    for k in 0..n {
                        s.add(0, Role::P, at(Part::Line(k)));
                    }
                }
            }
        }
        s
    }

    /// Adds a node under `parent`; returns its index.
    fn add(&mut self, parent: usize, role: Role, content: Option<Mark>) -> usize {
        let i = self.nodes.len();
        self.nodes.push(Node {
            role,
            children: Vec::new(),
            content,
            alt: None,
        });
        self.nodes[parent].children.push(i);
        if let Some(mark) = content {
            self.leaves.insert(mark, i);
        }
        i
    }

    /// The node that holds the content `mark` names, if the tree has one.
    pub fn node_of(&self, mark: Mark) -> Option<usize> {
        self.leaves.get(&mark).copied()
    }
}

impl Chart {
    /// What the chart shows, in words, for a reader who cannot see it (a figure's
    /// alternate text): the caption, then each category with its values and their
    /// series: "图1　…：营业收入 2021年1-6月 43.29亿元，2022年1-6月 48.65亿元；…。"
    pub fn description(&self) -> String {
        let unit = self
            .axis
            .title
            .as_deref()
            .map(|t| t.trim_start_matches("单位：").trim_start_matches("单位:"))
            .unwrap_or("");
        let unit = format!("{}{unit}", self.axis.suffix);
        let named = self.series.len() > 1;
        let categories: Vec<String> = self
            .categories
            .iter()
            .enumerate()
            .map(|(c, name)| {
                let values: Vec<String> = self
                    .series
                    .iter()
                    .filter_map(|s| {
                        let v = s.values.get(c).copied().flatten()?;
                        let d = s.decimals.get(c).copied().flatten();
                        let number = crate::indicator::format_number(v, d);
                        Some(if named {
                            format!("{} {number}{unit}", s.name)
                        } else {
                            format!("{number}{unit}")
                        })
                    })
                    .collect();
                format!("{name} {}", values.join("，"))
            })
            .collect();
        format!("{}：{}。", self.caption, categories.join("；"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::{
        Align, AttachmentItem, AttachmentNote, Column, DocumentMeta, Heading, Paragraph, Table,
    };

    fn doc(blocks: Vec<Block>) -> Document {
        Document {
            meta: DocumentMeta {
                title: "t".into(),
                author: "a".into(),
                subject: "s".into(),
                date: crate::Date::new(2022, 7, 8).unwrap(),
                language: "zh-CN".into(),
            },
            sources: vec![None; blocks.len()],
            blocks,
        }
    }

    #[test]
    fn headings_lists_and_tables_have_their_roles_in_reading_order() {
        let d = doc(vec![
            Block::Title {
                lines: vec!["标题".into()],
            },
            Block::Heading(Heading {
                level: 2,
                number: "（一）".into(),
                text: "招商".into(),
            }),
            Block::Paragraph(Paragraph::plain("正文")),
            Block::Table(Table {
                caption: Some("表".into()),
                columns: vec![
                    Column {
                        header: "序号".into(),
                        align: Align::Center,
                        width: 0.5,
                    },
                    Column {
                        header: "名称".into(),
                        align: Align::Left,
                        width: 0.5,
                    },
                ],
                rows: vec![vec!["1".into(), "甲".into()]],
                note: Some("注".into()),
                continued: "续表".into(),
            }),
            Block::AttachmentNote(AttachmentNote {
                label: "附件：".into(),
                items: vec![AttachmentItem {
                    number: String::new(),
                    title: "表".into(),
                }],
            }),
        ]);
        let s = Structure::of(&d);
        let names: Vec<String> = s.nodes.iter().map(|n| n.role.name()).collect();
        assert_eq!(
            names,
            [
                "Document", "H1", "H3", "P", "Table", "Caption", "TR", "TH", "TH", "TR", "TD",
                "TD", "P", "L", "LI", "LBody"
            ]
        );
        let th = s
            .node_of(Mark::new(
                3,
                Part::Cell {
                    row: None,
                    column: 1,
                },
            ))
            .unwrap();
        assert_eq!(s.nodes[th].role, Role::TH);
        assert_eq!(s.nodes[0].children.len(), 6);
        assert!(s.node_of(Mark::new(2, Part::Caption)).is_none());
    }
}
