//! Outline numbers as the importer reads them: core's parser (every style, 一、 to 〔1〕 and
//! 一是), except that a number with nothing after it opens no heading.

pub(crate) use huibao_core::marker::{Kind, Marker};

/// Reads the outline number at the start of `line`, if text follows it.
pub(crate) fn parse(line: &str) -> Option<Marker> {
    huibao_core::marker::parse(line).filter(|m| m.len < line.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_number_alone_is_no_heading() {
        assert_eq!(parse("一、"), None);
        assert_eq!(parse("（2）"), None);
        assert_eq!(parse("一、主要工作").map(|m| m.kind), Some(Kind::Chinese));
        assert_eq!(parse("【2】安全").map(|m| m.number), Some(2));
    }
}
