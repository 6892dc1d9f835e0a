//! What a format's reader found wrong inside a file, in the reader's language: huibao's
//! own words on the part or limit at fault, with a library's words only as （原文：…）.

use huibao_i18n::{msg, Message};

/// The fault `e` of the XML part `part` of a package (`None`: the package itself).
pub(crate) fn of_part(part: Option<&str>, e: &huibao_xml::Error) -> Message {
    match part {
        Some(part) => msg!("import-read-part", part = part, reason = e.message()),
        None => e.message(),
    }
}
