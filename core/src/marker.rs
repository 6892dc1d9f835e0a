//! Outline numbers at the start of a line, in every style Chinese reports write them:
//! 一、 一． （一） (一) 〔一〕 【一】 \[一\] 1. 1、 1． １． （1） (1) 〔1〕 【1】 and run-in 一是.
//!
//! One parser for every reader of outline text: template plugins' output
//! (the outline check of plugin sections) and reports imported from last period's text or Word file. It finds
//! the number only; what the number means in its document (a sibling, a child, text that
//! happens to open with a number) is the caller's decision.

use crate::numbering::{chinese_numeral, chinese_value};

/// The style of an outline number. Each style is one level of a document's outline; GB/T
/// 9704 uses 一、 （一） 1. （1） for levels 1–4.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// "一、" (also "一．").
    Chinese,
    /// "（一）" (also half-width "(一)").
    ParenChinese,
    /// "〔一〕" (also "【一】" and "\[一\]").
    BracketChinese,
    /// "1." (also "1、", "1．" and full-width digits "１．").
    Arabic,
    /// "（1）" (also half-width "(1)").
    ParenArabic,
    /// "〔1〕" (also "【1】" and "\[1\]").
    BracketArabic,
    /// "一是" opening a paragraph.
    RunIn,
}

impl Kind {
    /// The heading level (1–4) whose standard number this style stands for; `None` for
    /// run-in ordinals, which are no heading.
    pub fn level(self) -> Option<u8> {
        match self {
            Kind::Chinese => Some(1),
            Kind::ParenChinese | Kind::BracketChinese => Some(2),
            Kind::Arabic => Some(3),
            Kind::ParenArabic | Kind::BracketArabic => Some(4),
            Kind::RunIn => None,
        }
    }

    /// How this style writes number one, for messages: "一、", "（一）", "1." …
    pub fn example(self) -> &'static str {
        match self {
            Kind::Chinese => "一、",
            Kind::ParenChinese => "（一）",
            Kind::BracketChinese => "〔一〕",
            Kind::Arabic => "1.",
            Kind::ParenArabic => "（1）",
            Kind::BracketArabic => "〔1〕",
            Kind::RunIn => "一是",
        }
    }

    /// `number` written in this style (the full-width form of each): 3 → "（三）".
    pub fn write(self, number: u32) -> String {
        let cn = || chinese_numeral(number).unwrap_or_else(|| number.to_string());
        match self {
            Kind::Chinese => format!("{}、", cn()),
            Kind::ParenChinese => format!("（{}）", cn()),
            Kind::BracketChinese => format!("〔{}〕", cn()),
            Kind::Arabic => format!("{number}."),
            Kind::ParenArabic => format!("（{number}）"),
            Kind::BracketArabic => format!("〔{number}〕"),
            Kind::RunIn => format!("{}是", cn()),
        }
    }
}

/// An outline number found at the start of a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Marker {
    /// Its style.
    pub kind: Kind,
    /// Its value, 1-based.
    pub number: u32,
    /// Length in bytes of the number with its punctuation: the text after it is
    /// `&line[len..]`.
    pub len: usize,
}

/// Reads the outline number at the very start of `line` (no leading space is skipped).
///
/// Figures and enumerations that merely look like numbers are not markers: "1.5亿元",
/// "1、2月", "3.%", "一、二季度" (the first and second quarters), "十分重要". A number with
/// nothing after it ("一、") is returned; callers that want a heading check
/// `len < line.len()`.
pub fn parse(line: &str) -> Option<Marker> {
    let first = line.chars().next()?;
    match first {
        '（' | '(' => enclosed(
            line,
            first,
            &['）', ')'],
            Kind::ParenChinese,
            Kind::ParenArabic,
        ),
        '〔' => enclosed(
            line,
            first,
            &['〕'],
            Kind::BracketChinese,
            Kind::BracketArabic,
        ),
        '【' => enclosed(
            line,
            first,
            &['】'],
            Kind::BracketChinese,
            Kind::BracketArabic,
        ),
        '[' => enclosed(
            line,
            first,
            &[']'],
            Kind::BracketChinese,
            Kind::BracketArabic,
        ),
        c if is_digit(c) => arabic(line),
        _ => chinese(line),
    }
}

/// Longest Arabic number read as a marker, in digits.
const MAX_DIGITS: usize = 3;

fn enclosed(line: &str, open: char, close: &[char], cn: Kind, ar: Kind) -> Option<Marker> {
    let rest = &line[open.len_utf8()..];
    let end = rest.find(close)?;
    let inner = &rest[..end];
    let close_len = rest[end..].chars().next()?.len_utf8();
    let len = open.len_utf8() + end + close_len;
    let (kind, number) = match arabic_value(inner) {
        Some(n) => (ar, n),
        None => (cn, chinese_value(inner)?),
    };
    Some(Marker { kind, number, len })
}

fn arabic(line: &str) -> Option<Marker> {
    let end = line
        .char_indices()
        .find(|&(_, c)| !is_digit(c))
        .map_or(line.len(), |(i, _)| i);
    let number = arabic_value(&line[..end])?;
    let rest = &line[end..];
    let sep = rest.chars().next()?;
    if !matches!(sep, '.' | '、' | '．') {
        return None;
    }
    // "1.5亿元", "1、2月" and "3.%" are figures, not numbers of headings.
    let after = rest[sep.len_utf8()..].chars().next();
    if after.is_some_and(|c| is_digit(c) || matches!(c, '%' | '％' | '月' | '日')) {
        return None;
    }
    Some(Marker {
        kind: Kind::Arabic,
        number,
        len: end + sep.len_utf8(),
    })
}

fn chinese(line: &str) -> Option<Marker> {
    let end = line
        .char_indices()
        .find(|&(_, c)| !is_numeral(c))
        .map_or(line.len(), |(i, _)| i);
    let number = chinese_value(&line[..end])?;
    let rest = &line[end..];
    let sep = rest.chars().next()?;
    let kind = match sep {
        '、' | '．' => Kind::Chinese,
        '是' => Kind::RunIn,
        _ => return None,
    };
    // "一、二季度" and "一、二月份" enumerate periods; they do not open a part.
    if kind == Kind::Chinese {
        let mut after = rest[sep.len_utf8()..].chars();
        if after.next().is_some_and(is_numeral)
            && after
                .next()
                .is_some_and(|c| matches!(c, '季' | '月' | '年' | '期' | '类' | '级'))
        {
            return None;
        }
    }
    Some(Marker {
        kind,
        number,
        len: end + sep.len_utf8(),
    })
}

/// An ASCII or full-width digit.
fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

fn is_numeral(c: char) -> bool {
    matches!(
        c,
        '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十'
    )
}

/// 1 to 999 in ASCII or full-width digits; `None` for 0, longer numbers and anything else.
fn arabic_value(s: &str) -> Option<u32> {
    if s.is_empty() || s.chars().count() > MAX_DIGITS {
        return None;
    }
    let n = s.chars().try_fold(0u32, |n, c| {
        let d = match c {
            '0'..='9' => c as u32 - '0' as u32,
            '０'..='９' => c as u32 - '０' as u32,
            _ => return None,
        };
        Some(n * 10 + d)
    })?;
    (n > 0).then_some(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Kind, number and the text after the marker.
    fn read(line: &str) -> Option<(Kind, u32, &str)> {
        parse(line).map(|m| (m.kind, m.number, &line[m.len..]))
    }

    #[test]
    fn chinese_numbers() {
        assert_eq!(
            read("一、2022年主要工作"),
            Some((Kind::Chinese, 1, "2022年主要工作"))
        );
        assert_eq!(read("十二、其他"), Some((Kind::Chinese, 12, "其他")));
        assert_eq!(
            read("二十一．党建引领"),
            Some((Kind::Chinese, 21, "党建引领"))
        );
        assert_eq!(read("一、"), Some((Kind::Chinese, 1, "")));
    }

    #[test]
    fn chinese_numbers_in_brackets() {
        assert_eq!(
            read("（三）科创平台"),
            Some((Kind::ParenChinese, 3, "科创平台"))
        );
        assert_eq!(
            read("(三)科创平台"),
            Some((Kind::ParenChinese, 3, "科创平台"))
        );
        assert_eq!(
            read("（十一)营商环境"),
            Some((Kind::ParenChinese, 11, "营商环境"))
        );
        assert_eq!(
            read("〔二〕要素保障"),
            Some((Kind::BracketChinese, 2, "要素保障"))
        );
        assert_eq!(
            read("【四】安全生产"),
            Some((Kind::BracketChinese, 4, "安全生产"))
        );
        assert_eq!(
            read("[五]招商引资"),
            Some((Kind::BracketChinese, 5, "招商引资"))
        );
    }

    #[test]
    fn arabic_numbers() {
        assert_eq!(read("3.项目招引"), Some((Kind::Arabic, 3, "项目招引")));
        assert_eq!(read("12、项目招引"), Some((Kind::Arabic, 12, "项目招引")));
        assert_eq!(read("2．项目建设"), Some((Kind::Arabic, 2, "项目建设")));
        assert_eq!(read("１０．项目建设"), Some((Kind::Arabic, 10, "项目建设")));
        assert_eq!(read("3、"), Some((Kind::Arabic, 3, "")));
    }

    #[test]
    fn arabic_numbers_in_brackets() {
        assert_eq!(
            read("（4）用地保障"),
            Some((Kind::ParenArabic, 4, "用地保障"))
        );
        assert_eq!(
            read("(4)用地保障"),
            Some((Kind::ParenArabic, 4, "用地保障"))
        );
        assert_eq!(
            read("（１）用地保障"),
            Some((Kind::ParenArabic, 1, "用地保障"))
        );
        assert_eq!(read("〔1〕安全"), Some((Kind::BracketArabic, 1, "安全")));
        assert_eq!(read("【2】安全"), Some((Kind::BracketArabic, 2, "安全")));
        assert_eq!(read("[3]安全"), Some((Kind::BracketArabic, 3, "安全")));
    }

    #[test]
    fn run_in_ordinals() {
        assert_eq!(read("二是全力以赴"), Some((Kind::RunIn, 2, "全力以赴")));
        assert_eq!(
            read("二十一是强化服务"),
            Some((Kind::RunIn, 21, "强化服务"))
        );
    }

    #[test]
    fn figures_and_plain_text_are_not_numbers() {
        for line in [
            "1.5亿元的项目",
            "1-9月，园区",
            "1、2月份，园区",
            "3.%的增幅",
            "１．５亿元",
            "2022年，面对",
            "2022.园区",
            "0.项目",
            "一、二季度园区",
            "一、二月份",
            "一方面，企业",
            "一季度实现营业收入60亿元。",
            "十分重要",
            "是年，园区获批国家级开发区。",
            "（其中规模以上企业完成）",
            "(xx实验室一期)",
            "（注：数据为快报数）",
            "（2022）",
            "【重要】",
            "",
        ] {
            assert_eq!(parse(line), None, "{line}");
        }
    }

    #[test]
    fn levels_and_writing() {
        assert_eq!(Kind::Chinese.level(), Some(1));
        assert_eq!(Kind::BracketChinese.level(), Some(2));
        assert_eq!(Kind::Arabic.level(), Some(3));
        assert_eq!(Kind::BracketArabic.level(), Some(4));
        assert_eq!(Kind::RunIn.level(), None);
        assert_eq!(Kind::ParenChinese.write(13), "（十三）");
        assert_eq!(Kind::BracketArabic.write(2), "〔2〕");
        assert_eq!(Kind::RunIn.write(3), "三是");
    }
}
