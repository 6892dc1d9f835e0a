//! What goes onto the signature's page.
//!
//! GB/T 9704 allows no page that carries the signature (发文机关署名, 成文日期) without
//! body text: the last lines of the body go with the attachment note and the signature.
//! Decided once here, from the grid: the DOCX marks these blocks to stay with the
//! signature, and sets a long last paragraph as two so that only its last two lines go
//! (the PDF typesetter keeps exactly the last two lines, as it knows where its lines
//! fall).

use crate::chars::{latin_advance_em, width_em};
use crate::ir::Block;
use crate::linebreak::{break_ranges, Item};
use crate::style::{FontRole, Style};
use std::ops::Range;

/// Body lines that go with the signature at the least.
pub const LINES_WITH_SIGNATURE: usize = 2;

/// At most so many lines of a long last paragraph go with the signature when it is cut
/// at a sentence end ([`Closing::split`]).
pub const MAX_SPLIT_LINES: usize = 4;

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
    /// Where the last body paragraph is cut when it is longer than the lines that go
    /// with the signature: (its block, the character after the sentence end from which
    /// the rest takes [`LINES_WITH_SIGNATURE`] to [`MAX_SPLIT_LINES`] lines as a
    /// paragraph of its own). A writer that moves a paragraph kept with the next one
    /// whole (LibreOffice) sets the paragraph as two there and keeps only the second with
    /// the signature. `None` when the kept paragraphs go whole.
    pub split: Option<(usize, usize)>,
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
    // A last paragraph longer than the lines needed: only its last sentences go.
    if let Some(Block::Paragraph(p)) = first_closing.checked_sub(1).map(|i| &blocks[i]) {
        let text = p.text();
        if lines(style, &text, 2.0) > MAX_SPLIT_LINES {
            if let Some((at, n)) = sentence_split(style, &text) {
                return Some(Closing {
                    keep: first_closing - 1..first_closing,
                    body_lines: n,
                    closing_lines,
                    page_lines: style.page.lines_per_page as usize,
                    split: Some((first_closing - 1, at)),
                });
            }
        }
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
        split: None,
    })
}

/// Grid lines `text` takes as body text whose first line is indented `indent` characters:
/// full-width characters one slot, Latin letters and digits at the preset's advances,
/// marks full width (what Word sets without compression).
fn lines(style: &Style, text: &str, indent: f64) -> usize {
    line_starts(style, text, indent).len()
}

/// The last sentence end of `text` after which the rest, set as a paragraph, takes
/// [`LINES_WITH_SIGNATURE`] to [`MAX_SPLIT_LINES`] lines: (the character after it, those
/// lines).
fn sentence_split(style: &Style, text: &str) -> Option<(usize, usize)> {
    let chars: Vec<char> = text.chars().collect();
    let ends = chars
        .iter()
        .enumerate()
        .filter(|(i, c)| matches!(c, '。' | '；' | '！' | '？') && i + 1 < chars.len())
        .map(|(i, _)| i + 1);
    for at in ends.rev() {
        let rest: String = chars[at..].iter().collect();
        let n = lines(style, &rest, 2.0);
        if n >= LINES_WITH_SIGNATURE {
            return (n <= MAX_SPLIT_LINES).then_some((at, n));
        }
    }
    None
}

/// Where each grid line of `text` starts (a character index), set as [`lines`] sets it.
fn line_starts(style: &Style, text: &str, indent: f64) -> Vec<usize> {
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
    break_ranges(&items, &[], measure - indent * slot, measure)
        .iter()
        .map(|l| l.range.start)
        .collect()
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
    fn only_the_last_sentences_of_a_long_paragraph_go_with_the_signature() {
        // Ten lines of sentences of 30 characters, then one of 60: the last sentence
        // (two lines as a paragraph) goes, cut after the full stop before it.
        let short = format!("{}。", "园".repeat(29));
        let text = format!("{}{}。", short.repeat(9), "区".repeat(59));
        let d = [
            Block::Heading(Heading {
                level: 2,
                number: "（四）".into(),
                text: "全力推进项目落地".into(),
            }),
            para(&text),
            signature(),
        ];
        let c = closing(&d, &Style::gbt9704()).unwrap();
        assert_eq!(c.keep, 1..2, "the paragraph, not its heading");
        assert_eq!(c.split, Some((1, 30 * 9)));
        assert_eq!(c.body_lines, 3);
        assert!(c.fits(), "{c:?}");
        // No sentence end leaves two to four lines: the paragraph goes whole.
        let d = [para(&"园".repeat(28 * 25)), signature()];
        let c = closing(&d, &Style::gbt9704()).unwrap();
        assert_eq!(c.split, None);
        assert!(!c.fits(), "{c:?}");
        // Four lines or fewer go whole.
        let d = [para(&short.repeat(3)), signature()];
        assert_eq!(closing(&d, &Style::gbt9704()).unwrap().split, None);
    }

    #[test]
    fn nothing_to_keep_without_a_signature_or_body() {
        assert!(closing(&[para("正文。")], &Style::gbt9704()).is_none());
        assert!(closing(&[signature()], &Style::gbt9704()).is_none());
    }
}
