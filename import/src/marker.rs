//! Outline numbers as the importer reads them: core's parser (every style, 一、 to 〔1〕 and
//! 一是), except that a number with nothing after it opens no heading; and two shapes core
//! leaves alone: "一、三季度工作推进情况" (core reads "一、二季度" as periods) and the parts
//! of a long report, "第一部分".

pub(crate) use huibao_core::marker::{Kind, Marker};
use huibao_core::numbering::chinese_value;

/// Reads the outline number at the start of `line`, if text follows it.
pub(crate) fn parse(line: &str) -> Option<Marker> {
    huibao_core::marker::parse(line).filter(|m| m.len < line.len())
}

/// "一、三季度工作推进情况": a Chinese number before a period word, which reads as an
/// enumeration of periods ("一、二季度") as well as a heading. The outline takes it as a
/// heading only where it expects that number.
pub(crate) fn before_period(line: &str) -> Option<Marker> {
    if parse(line).is_some() {
        return None;
    }
    let numeral = |c: char| "一二三四五六七八九十".contains(c);
    let end = line.find(|c: char| !numeral(c))?;
    let number = chinese_value(&line[..end])?;
    let rest = line[end..].strip_prefix('、')?;
    rest.chars().next().filter(|&c| numeral(c))?;
    Some(Marker {
        kind: Kind::Chinese,
        number,
        len: end + '、'.len_utf8(),
    })
}

/// "第一部分　2021年工作回顾": the number of a part above 一、, and the length of the
/// number with the space or mark after it.
pub(crate) fn part(line: &str) -> Option<(u32, usize)> {
    let rest = line.strip_prefix('第')?;
    // A speech's parts: "第一方面：回头望".
    let (end, word) = ["部分", "方面"]
        .iter()
        .find_map(|w| rest.find(w).map(|at| (at, *w)))?;
    let number = chinese_value(&rest[..end])?;
    let after = &rest[end + word.len()..];
    let title = after.trim_start_matches([' ', '\u{3000}', '、', '：', ':', '.', '．']);
    (!title.is_empty()).then_some((number, line.len() - title.len()))
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

    #[test]
    fn numbers_before_period_words() {
        let m = before_period("三、四季度工作举措").unwrap();
        assert_eq!(
            (m.kind, m.number, &"三、四季度工作举措"[m.len..]),
            (Kind::Chinese, 3, "四季度工作举措")
        );
        assert_eq!(before_period("一、主要工作"), None);
        assert_eq!(before_period("一是二季度"), None);
    }

    #[test]
    fn parts_of_a_long_report() {
        let line = "第三部分　2022年工作安排";
        let (n, len) = part(line).unwrap();
        assert_eq!((n, &line[len..]), (3, "2022年工作安排"));
        assert_eq!(part("第一部分"), None);
        // From the published corpus (25): a speech's parts.
        let line = "第一方面：回头望";
        let (n, len) = part(line).unwrap();
        assert_eq!((n, &line[len..]), (1, "回头望"));
        assert_eq!(part("第一批项目"), None);
    }
}
