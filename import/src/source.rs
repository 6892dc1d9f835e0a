//! The source document as a list of blocks, whatever file it came from.

/// How a paragraph was aligned (DOCX only; text files are all `Left`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum Align {
    #[default]
    Left,
    Center,
    Right,
}

/// A paragraph: one line of a text file, one `w:p` of a DOCX.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Para {
    /// The text, list number included.
    pub text: String,
    /// Alignment, a hint for titles and signatures.
    pub align: Align,
}

/// One block of the source in reading order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Block {
    /// A paragraph.
    Para(Para),
    /// A table (rows of cell texts), DOCX only.
    Table(Vec<Vec<String>>),
}

impl Block {
    /// A left-aligned paragraph.
    pub(crate) fn para(text: impl Into<String>) -> Block {
        Block::Para(Para {
            text: text.into(),
            align: Align::Left,
        })
    }

    /// The paragraph's text, or `None` for a table.
    pub(crate) fn text(&self) -> Option<&str> {
        match self {
            Block::Para(p) => Some(&p.text),
            Block::Table(_) => None,
        }
    }
}

/// A Word paragraph as blocks: one per line of `text` (a manual line break starts a new
/// one), its automatic list `number` written before the first, blank lines left out.
/// The .docx and the .doc readers both give their paragraphs this way.
pub(crate) fn push_paragraph(
    blocks: &mut Vec<Block>,
    number: Option<&str>,
    text: &str,
    align: Align,
) {
    for (i, line) in text.split('\n').enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let text = match (number, i) {
            (Some(n), 0) => format!("{n}{line}"),
            _ => line.to_string(),
        };
        blocks.push(Block::Para(Para { text, align }));
    }
}

/// Splits plain text into paragraphs, one per line; blank lines only separate. Lines of
/// tab-separated cells (a table copied from Word or a spreadsheet), two or more in a row
/// with the same number of cells, become a table.
pub(crate) fn from_text(text: &str) -> Vec<Block> {
    let lines: Vec<&str> = text
        .split(['\n', '\r', '\u{b}', '\u{c}', '\u{2028}', '\u{2029}'])
        .filter(|l| !l.trim().is_empty())
        .collect();
    let cells =
        |l: &str| -> Vec<String> { l.trim().split('\t').map(|c| c.trim().to_string()).collect() };
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let width = cells(lines[i]).len();
        let run = if width >= 2 {
            lines[i..]
                .iter()
                .take_while(|l| cells(l).len() == width)
                .count()
        } else {
            0
        };
        if run >= 2 {
            out.push(Block::Table(
                lines[i..i + run].iter().map(|l| cells(l)).collect(),
            ));
            i += run;
        } else {
            out.push(Block::para(lines[i]));
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tab_separated_lines_are_a_table() {
        let blocks = from_text(
            "附件1\n指标名称\t单位\t上半年完成\n营业收入\t亿元\t63.72\n\t一、主要工作\n说明\t见附表\n",
        );
        assert_eq!(
            blocks,
            vec![
                Block::para("附件1"),
                Block::Table(vec![
                    vec!["指标名称".into(), "单位".into(), "上半年完成".into()],
                    vec!["营业收入".into(), "亿元".into(), "63.72".into()],
                ]),
                Block::para("\t一、主要工作"),
                Block::para("说明\t见附表"),
            ]
        );
    }
}
