//! What can go wrong reading or writing XML parts and packages.

/// Why XML or a ZIP package could not be read or written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The XML breaks the well-formedness rules.
    #[error("malformed XML at byte {position}: {why}")]
    Malformed {
        /// Byte offset in the part near the fault.
        position: u64,
        /// What is wrong.
        why: String,
    },
    /// The XML nests elements deeper than the limit.
    #[error("the XML nests elements more than {limit} deep")]
    TooDeep {
        /// The depth allowed.
        limit: usize,
    },
    /// The XML text is longer than the limit.
    #[error("the XML is too large: {size} bytes, over the limit of {limit}")]
    XmlTooLarge {
        /// Its size in bytes.
        size: u64,
        /// The size allowed.
        limit: u64,
    },
    /// The XML has more elements and text nodes than the limit.
    #[error("the XML is too large: more than {limit} elements and texts")]
    TooManyNodes {
        /// The count allowed.
        limit: usize,
    },
    /// The bytes are not a ZIP archive.
    #[error("not a ZIP archive ({0})")]
    NotZip(String),
    /// The archive lists more entries than the limit.
    #[error("the archive is too large: {count} entries, over the limit of {limit}")]
    TooManyEntries {
        /// Entries in the archive.
        count: usize,
        /// The count allowed.
        limit: usize,
    },
    /// A part unpacks to more bytes than the limit (a zip bomb, or a part too big to read).
    #[error("{part} is too large: it unpacks to more than {limit} bytes")]
    PartTooLarge {
        /// The part's name in the archive.
        part: String,
        /// The size allowed.
        limit: u64,
    },
    /// A part could not be unpacked (bad compressed data, checksum, encryption).
    #[error("{part} cannot be unpacked: {why}")]
    Damaged {
        /// The part's name in the archive.
        part: String,
        /// What the ZIP reader said.
        why: String,
    },
    /// The package could not be written.
    #[error("cannot write the ZIP package: {0}")]
    Write(String),
}

impl Error {
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
