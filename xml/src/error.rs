//! What can go wrong reading or writing XML parts and packages.

use huibao_i18n::{msg, Message};

/// Why XML or a ZIP package could not be read or written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The XML breaks the well-formedness rules.
    #[error("{}", self.message())]
    Malformed {
        /// Byte offset in the part near the fault.
        position: u64,
        /// What the XML reader said.
        why: String,
    },
    /// The XML ends before an element is closed.
    #[error("{}", self.message())]
    Unclosed {
        /// Byte offset where the part ends.
        position: u64,
        /// The element left open.
        element: String,
    },
    /// The XML has no root element.
    #[error("{}", self.message())]
    NoRoot,
    /// The XML nests elements deeper than the limit.
    #[error("{}", self.message())]
    TooDeep {
        /// The depth allowed.
        limit: usize,
    },
    /// The XML text is longer than the limit.
    #[error("{}", self.message())]
    XmlTooLarge {
        /// Its size in bytes.
        size: u64,
        /// The size allowed.
        limit: u64,
    },
    /// The XML has more elements and text nodes than the limit.
    #[error("{}", self.message())]
    TooManyNodes {
        /// The count allowed.
        limit: usize,
    },
    /// The bytes are not a ZIP archive.
    #[error("{}", self.message())]
    NotZip(String),
    /// The archive lists more entries than the limit.
    #[error("{}", self.message())]
    TooManyEntries {
        /// Entries in the archive.
        count: usize,
        /// The count allowed.
        limit: usize,
    },
    /// A part unpacks to more bytes than the limit (a zip bomb, or a part too big to read).
    #[error("{}", self.message())]
    PartTooLarge {
        /// The part's name in the archive.
        part: String,
        /// The size allowed.
        limit: u64,
    },
    /// A part could not be unpacked (bad compressed data, checksum, encryption).
    #[error("{}", self.message())]
    Damaged {
        /// The part's name in the archive.
        part: String,
        /// What the ZIP reader said.
        why: String,
    },
    /// The package could not be written.
    #[error("{}", self.message())]
    Write(String),
}

impl Error {
    /// What went wrong, in the chosen language (the XML or ZIP library's own words follow
    /// as （原文：…）).
    pub fn message(&self) -> Message {
        match self {
            Error::Malformed { position, why } => {
                msg!("xml-malformed", position = *position, detail = why.as_str())
            }
            Error::Unclosed { position, element } => msg!(
                "xml-unclosed",
                position = *position,
                element = element.as_str()
            ),
            Error::NoRoot => msg!("xml-no-root"),
            Error::TooDeep { limit } => msg!("xml-too-deep", limit = *limit),
            Error::XmlTooLarge { size, limit } => {
                msg!("xml-too-large", size = *size, limit = *limit)
            }
            Error::TooManyNodes { limit } => msg!("xml-too-many-nodes", limit = *limit),
            Error::NotZip(why) => msg!("xml-not-zip", detail = why.as_str()),
            Error::TooManyEntries { count, limit } => {
                msg!("xml-too-many-entries", count = *count, limit = *limit)
            }
            Error::PartTooLarge { part, limit } => {
                msg!("xml-part-too-large", part = part.as_str(), limit = *limit)
            }
            Error::Damaged { part, why } => {
                msg!(
                    "xml-part-damaged",
                    part = part.as_str(),
                    detail = why.as_str()
                )
            }
            Error::Write(why) => msg!("xml-write", detail = why.as_str()),
        }
    }

    /// Whether a limit was hit (too large, too deep, too many entries) rather than the
    /// input being damaged.
    pub fn is_too_large(&self) -> bool {
        matches!(
            self,
            Error::TooDeep { .. }
                | Error::XmlTooLarge { .. }
                | Error::TooManyNodes { .. }
                | Error::TooManyEntries { .. }
                | Error::PartTooLarge { .. }
        )
    }
}
