//! What goes onto the signature's page.
//!
//! GB/T 9704 allows no page that carries the signature (发文机关署名, 成文日期) without
//! body text: the last lines of the body go with the attachment note and the signature.
//! Decided once here, from the grid: the DOCX marks these blocks to stay with the
//! signature and lint warns where they cannot (the PDF typesetter keeps exactly the last
//! two lines, as it knows where its lines fall).

use crate::chars::{latin_advance_em, width_em};
use crate::ir::Block;
use crate::linebreak::{break_ranges, Item};
use crate::style::{FontRole, Style};
use std::ops::Range;

/// Body lines that go with the signature at the least.
pub const LINES_WITH_SIGNATURE: usize = 2;

/// The body blocks kept on the signature's page, and what the page then holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Closing {
    /// The body blocks (indices into [`Document::blocks`](crate::Document::blocks)) that stay with the signature:
    /// the last paragraphs until they make [`LINES_WITH_SIGNATURE`] lines, and a heading
    /// right before them, which would otherwise be left at the foot of a page.
    pub keep: Range<usize>,
    /// Grid lines those blocks take (estimated with the grid's measures).
    pub body_lines: usize,
    /// Grid lines of the closing blocks themselves: the attachment note and the
    /// signature with the blank lines above them, and the note (附注).
    pub closing_lines: usize,
    /// Grid lines on a page.
    pub page_lines: usize,
}

impl Closing {
    /// Whether the kept body and the closing blocks fit on one page; when they do not,
    /// a writer that moves a paragraph only whole cannot keep the signature with body
    /// text.
    pub fn fits(&self) -> bool {
        self.body_lines + self.closing_lines <= self.page_lines
    }
}

/// What goes with the signature among `blocks` (a [`Document`](crate::Document)'s); `None` when there is
/// no signature or no body paragraph before it.
pub fn closing(blocks: &[Block], style: &Style) -> Option<Closing> {
    let sig = blocks
        .iter()
        .position(|b| matches!(b, Block::Signature(_)))?;
    // The closing blocks: the attachment note right before the signature, the note after it.
    let first_closing = match sig.checked_sub(1).map(|i| &blocks[i]) {
        Some(Block::AttachmentNote(_)) => sig - 1,
        _ => sig,
    };
    let mut closing_lines = 0;
    for block in &blocks[first_closing..] {
        closing_lines += match block {
            // One blank line above, then an item a line (long titles are rare).
            Block::AttachmentNote(n) => 1 + n.items.len(),
            // One blank line above (two under a seal), organ and date.
            Block::Signature(s) => 2 + if s.sealed { 2 } else { 1 },
            Block::Note { text } => lines(style, text, 2.0),
            _ => break,
        };
    }
    let mut start = first_closing;
    let mut body_lines = 0;
    while start > 0 && body_lines < LINES_WITH_SIGNATURE {
        match &blocks[start - 1] {
            Block::Paragraph(p) => {
                body_lines += lines(style, &p.text(), 2.0);
                start -= 1;
            }
            _ => break,
        }
    }
    if start == first_closing {
        return None;
    }
    if let Some(Block::Heading(h)) = start.checked_sub(1).map(|i| &blocks[i]) {
        body_lines += lines(style, &h.full_text(), 2.0);
        start -= 1;
    }
    Some(Closing {
        keep: start..first_closing,
        body_lines,
        closing_lines,
        page_lines: style.page.lines_per_page as usize,
    })
}

/// Grid lines `text` takes as body text whose first line is indented `indent` characters:
/// full-width characters one slot, Latin letters and digits at the preset's advances,
/// marks full width (what Word sets without compression).
fn lines(style: &Style, text: &str, indent: f64) -> usize {
    let size = style.font(FontRole::Body).size_pt.max(1.0);
    let slot = style.page.char_pitch_pt().max(1.0);
    let items: Vec<Item> = text
        .chars()
        .map(|ch| Item {
            ch,
            width: latin_advance_em(ch).map_or(width_em(ch) * slot, |em| em * size),
        })
        .collect();
    let measure = style.page.block_width_pt();
    break_ranges(&items, &[], measure - indent * slot, measure).len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::{AttachmentItem, AttachmentNote, Heading, Paragraph, Signature};

    fn signature() -> Block {
        Block::Signature(Signature {
            organization: "金川经济技术开发区管委会".into(),
            date: "2022年7月8日".into(),
            sealed: false,
        })
    }

    fn para(text: &str) -> Block {
        Block::Paragraph(Paragraph::plain(text))
    }

    #[test]
    fn the_last_paragraph_goes_with_the_signature() {
        let d = [
            para("园区坚持以项目建设为中心。"),
            para(&"推动高质量发展，".repeat(10)),
            signature(),
        ];
        let c = closing(&d, &Style::gbt9704()).unwrap();
        assert_eq!(c.keep, 1..2);
        // 80 characters: 26 + 28 + 26.
        assert_eq!(c.body_lines, 3);
        assert_eq!(c.closing_lines, 3);
        assert!(c.fits());
    }

    #[test]
    fn short_paragraphs_are_kept_until_two_lines_and_their_heading_with_them() {
        let d = [
            para("园区坚持以项目建设为中心。"),
            Block::Heading(Heading {
                level: 2,
                number: "（四）".into(),
                text: "全力推进项目落地".into(),
            }),
            para("加快项目建设。"),
            para("做好土壤污染调查工作。"),
            Block::AttachmentNote(AttachmentNote {
                label: "附件：".into(),
                items: vec![AttachmentItem {
                    number: "1.".into(),
                    title: "2022年主要经济指标完成情况表".into(),
                }],
            }),
            signature(),
            Block::Note {
                text: "（联系人：王某某，联系电话：0935-8812345）".into(),
            },
        ];
        let c = closing(&d, &Style::gbt9704()).unwrap();
        assert_eq!(c.keep, 1..4, "the heading and both one-line paragraphs");
        assert_eq!(c.body_lines, 3);
        // Blank + one item, blank + organ + date, the note.
        assert_eq!(c.closing_lines, 2 + 3 + 1);
    }

    #[test]
    fn a_paragraph_longer_than_a_page_cannot_go_with_the_signature() {
        let d = [para(&"园".repeat(28 * 25)), signature()];
        let c = closing(&d, &Style::gbt9704()).unwrap();
        assert!(!c.fits(), "{c:?}");
    }

    #[test]
    fn nothing_to_keep_without_a_signature_or_body() {
        assert!(closing(&[para("正文。")], &Style::gbt9704()).is_none());
        assert!(closing(&[signature()], &Style::gbt9704()).is_none());
    }
}
