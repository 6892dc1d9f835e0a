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

/// Splits plain text into paragraphs, one per line; blank lines only separate.
pub(crate) fn from_text(text: &str) -> Vec<Block> {
    text.split(['\n', '\r', '\u{b}', '\u{c}', '\u{2028}', '\u{2029}'])
        .filter(|l| !l.trim().is_empty())
        .map(Block::para)
        .collect()
}
