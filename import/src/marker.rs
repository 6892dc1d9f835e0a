//! Outline numbers at the start of a line: 一、（一）〔一〕 1. （1）〔1〕 and run-in 一是.

/// The kind of an outline number; each kind is one level of a document's outline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// "一、"
    Chinese,
    /// "（一）"
    ParenChinese,
    /// "〔一〕" (also 【一】)
    BracketChinese,
    /// "1." "1、" "1．"
    Arabic,
    /// "（1）"
    ParenArabic,
    /// "〔1〕" (also 【1】)
    BracketArabic,
    /// "一是" at the start of a paragraph.
    RunIn,
}

impl Kind {
    /// How the number of this kind is written, for messages: "一、", "（一）", "1." …
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
}

/// An outline number found at the start of a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Marker {
    /// Its kind.
    pub kind: Kind,
    /// Its value, 1-based.
    pub number: u32,
    /// Length in bytes of the number with its punctuation.
    pub len: usize,
}

/// Reads the outline number at the start of `line`, if there is one.
pub fn parse(line: &str) -> Option<Marker> {
    let first = line.chars().next()?;
    let marker = match first {
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
        '0'..='9' => arabic(line),
        _ => chinese(line),
    }?;
    // A number with nothing after it is not a heading.
    (marker.len < line.len()).then_some(marker)
}

fn enclosed(line: &str, open: char, close: &[char], cn: Kind, ar: Kind) -> Option<Marker> {
    let rest = &line[open.len_utf8()..];
    let end = rest.find(close)?;
    let inner = &rest[..end];
    let close_len = rest[end..].chars().next()?.len_utf8();
    let len = open.len_utf8() + end + close_len;
    if let Some(n) = digits(inner) {
        return Some(Marker {
            kind: ar,
            number: n,
            len,
        });
    }
    let n = chinese_value(inner)?;
    Some(Marker {
        kind: cn,
        number: n,
        len,
    })
}

fn arabic(line: &str) -> Option<Marker> {
    let end = line
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(line.len());
    let n = digits(&line[..end])?;
    let rest = &line[end..];
    let sep = rest.chars().next()?;
    if !matches!(sep, '.' | '、' | '．') {
        return None;
    }
    let after = rest[sep.len_utf8()..].chars().next();
    // "1.5亿元" and "1、2月" are figures, not numbers of headings.
    if after.is_some_and(|c| c.is_ascii_digit() || c == '%' || c == '月' || c == '日') {
        return None;
    }
    Some(Marker {
        kind: Kind::Arabic,
        number: n,
        len: end + sep.len_utf8(),
    })
}

fn chinese(line: &str) -> Option<Marker> {
    let end = line
        .char_indices()
        .find(|&(_, c)| !is_numeral(c))
        .map_or(line.len(), |(i, _)| i);
    if end == 0 || end > 9 {
        return None;
    }
    let n = chinese_value(&line[..end])?;
    let rest = &line[end..];
    let sep = rest.chars().next()?;
    let kind = match sep {
        '、' | '．' => Kind::Chinese,
        '是' => Kind::RunIn,
        _ => return None,
    };
    let after = &rest[sep.len_utf8()..];
    // "一、二季度" and "一、二月份" enumerate periods; they do not open a part.
    if kind == Kind::Chinese {
        let mut chars = after.chars();
        if chars.next().is_some_and(is_numeral)
            && chars
                .next()
                .is_some_and(|c| matches!(c, '季' | '月' | '年' | '期' | '类' | '级'))
        {
            return None;
        }
    }
    Some(Marker {
        kind,
        number: n,
        len: end + sep.len_utf8(),
    })
}

fn digits(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 2 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok().filter(|&n| n > 0)
}

fn is_numeral(c: char) -> bool {
    matches!(
        c,
        '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十'
    )
}

fn digit(c: char) -> Option<u32> {
    Some(match c {
        '一' => 1,
        '二' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

/// The value of a Chinese numeral from 一 to 九十九 written the standard way.
pub fn chinese_value(s: &str) -> Option<u32> {
    let chars: Vec<char> = s.chars().collect();
    match chars.as_slice() {
        [d] if *d == '十' => Some(10),
        [d] => digit(*d),
        ['十', u] => Some(10 + digit(*u)?),
        [t, '十'] => Some(10 * digit(*t)?),
        [t, '十', u] => Some(10 * digit(*t)? + digit(*u)?),
        _ => None,
    }
}

/// The Chinese numeral of `n` (1–99), as in the standard: 十一, 二十, 二十一.
pub fn chinese_numeral(n: u32) -> String {
    huibao_core::numbering::chinese_numeral(n).unwrap_or_else(|| n.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(line: &str) -> Option<(Kind, u32)> {
        parse(line).map(|m| (m.kind, m.number))
    }

    #[test]
    fn every_kind() {
        assert_eq!(kind("一、2022年主要工作"), Some((Kind::Chinese, 1)));
        assert_eq!(kind("十二、其他"), Some((Kind::Chinese, 12)));
        assert_eq!(kind("（三）科创平台"), Some((Kind::ParenChinese, 3)));
        assert_eq!(kind("(三)科创平台"), Some((Kind::ParenChinese, 3)));
        assert_eq!(kind("〔二〕要素"), Some((Kind::BracketChinese, 2)));
        assert_eq!(kind("3.项目招引"), Some((Kind::Arabic, 3)));
        assert_eq!(kind("12、项目招引"), Some((Kind::Arabic, 12)));
        assert_eq!(kind("（4）安全"), Some((Kind::ParenArabic, 4)));
        assert_eq!(kind("〔1〕安全"), Some((Kind::BracketArabic, 1)));
        assert_eq!(kind("二是全力以赴"), Some((Kind::RunIn, 2)));
    }

    #[test]
    fn figures_and_plain_text_are_not_numbers() {
        for line in [
            "1.5亿元的项目",
            "1-9月，园区",
            "2022年，面对",
            "一、二季度园区",
            "一方面，企业",
            "十分重要",
            "（其中规模以上企业完成）",
            "(xx实验室一期)",
            "一、",
            "",
        ] {
            assert_eq!(kind(line), None, "{line}");
        }
    }

    #[test]
    fn numerals() {
        assert_eq!(chinese_value("十"), Some(10));
        assert_eq!(chinese_value("十九"), Some(19));
        assert_eq!(chinese_value("二十"), Some(20));
        assert_eq!(chinese_value("九十九"), Some(99));
        assert_eq!(chinese_value("一二"), None);
        assert_eq!(chinese_numeral(21), "二十一");
    }
}
