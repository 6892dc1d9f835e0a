//! The shared XML tree (huibao-xml) as this crate uses it: parse errors as [`Error`], and
//! `<name w:val="…"/>`, the shape of most WordprocessingML properties.

use crate::Error;
pub(crate) use huibao_xml::{escape, Element as El, Node, DECLARATION};

/// Parses a part docx-rs wrote.
pub(crate) fn parse(bytes: &[u8]) -> Result<El, Error> {
    huibao_xml::parse(bytes).map_err(Error::Xml)
}

/// WordprocessingML shapes on the generic element.
pub(crate) trait WordElement {
    /// `<name w:val="value"/>`.
    fn val(name: &str, value: impl AsRef<str>) -> Self;
}

impl WordElement for El {
    fn val(name: &str, value: impl AsRef<str>) -> El {
        El::new(name).attr("w:val", value)
    }
}
