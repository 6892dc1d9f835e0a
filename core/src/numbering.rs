//! Heading numbers (结构层次序数), page numbers and Chinese numerals, decided once for
//! every output.

/// What stands before and after a page number (GB/T 9704 7.5: "一字线" on each side, a
/// space between): the DOCX writes them around its PAGE field, the HTML around the CSS
/// page counter, the layout draws them around the digits.
pub const PAGE_NUMBER_AFFIXES: (&str, &str) = ("— ", " —");

/// A page number as printed: "— 7 —".
pub fn page_number(n: usize) -> String {
    let (before, after) = PAGE_NUMBER_AFFIXES;
    format!("{before}{n}{after}")
}

/// Chinese numeral for 1–99: 一 … 十, 十一 … 十九, 二十, 二十一 … 九十九.
///
/// Returns `None` outside 1–99; reports never number that far.
pub fn chinese_numeral(n: u32) -> Option<String> {
    const DIGITS: [&str; 10] = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    let (tens, units) = ((n / 10) as usize, (n % 10) as usize);
    match n {
        1..=9 => Some(DIGITS[units].to_string()),
        10..=19 => Some(format!("十{}", DIGITS[units])),
        20..=99 => Some(format!("{}十{}", DIGITS[tens], DIGITS[units])),
        _ => None,
    }
}

/// The value of a Chinese numeral from 一 to 九十九 written the standard way (the inverse
/// of [`chinese_numeral`]): "十九" → 19; `None` for anything else ("一二", "零").
pub fn chinese_value(s: &str) -> Option<u32> {
    const DIGITS: [char; 9] = ['一', '二', '三', '四', '五', '六', '七', '八', '九'];
    let digit = |c: char| DIGITS.iter().position(|&d| d == c).map(|i| i as u32 + 1);
    let mut chars = s.chars();
    match (chars.next(), chars.next(), chars.next(), chars.next()) {
        (Some('十'), None, None, None) => Some(10),
        (Some(u), None, None, None) => digit(u),
        (Some('十'), Some(u), None, None) => Some(10 + digit(u)?),
        (Some(t), Some('十'), None, None) => Some(10 * digit(t)?),
        (Some(t), Some('十'), Some(u), None) => Some(10 * digit(t)? + digit(u)?),
        _ => None,
    }
}

/// The printed number of the `index`-th (1-based) heading at `level` (1–4):
/// "一、", "（一）", "1.", "（1）".
pub fn heading_number(level: u8, index: u32) -> String {
    let cn = || chinese_numeral(index).unwrap_or_else(|| index.to_string());
    match level {
        1 => format!("{}、", cn()),
        2 => format!("（{}）", cn()),
        3 => format!("{index}."),
        _ => format!("（{index}）"),
    }
}

/// The run-in ordinal of the `index`-th item: "一是", "二是", … "十一是".
pub fn run_in_number(index: u32) -> String {
    format!(
        "{}是",
        chinese_numeral(index).unwrap_or_else(|| index.to_string())
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numerals_follow_the_standard() {
        let cases = [
            (1, "一"),
            (9, "九"),
            (10, "十"),
            (11, "十一"),
            (19, "十九"),
            (20, "二十"),
            (21, "二十一"),
            (30, "三十"),
            (45, "四十五"),
            (99, "九十九"),
        ];
        for (n, want) in cases {
            assert_eq!(chinese_numeral(n).as_deref(), Some(want), "{n}");
        }
        assert_eq!(chinese_numeral(0), None);
        assert_eq!(chinese_numeral(100), None);
        for n in 1..=99 {
            assert_eq!(chinese_value(&chinese_numeral(n).unwrap()), Some(n), "{n}");
        }
        for s in ["", "零", "一二", "十十", "百", "二十二十"] {
            assert_eq!(chinese_value(s), None, "{s}");
        }
    }

    #[test]
    fn heading_numbers_by_level() {
        assert_eq!(heading_number(1, 11), "十一、");
        assert_eq!(heading_number(2, 20), "（二十）");
        assert_eq!(heading_number(3, 21), "21.");
        assert_eq!(heading_number(4, 99), "（99）");
        assert_eq!(run_in_number(3), "三是");
        assert_eq!(run_in_number(11), "十一是");
    }
}
