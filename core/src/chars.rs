//! Character classes and widths of Chinese text, and the line-breaking sets (禁则).
//!
//! The one place huibao decides what counts as Chinese, how wide a character is set and
//! which characters may not start or end a line. Lint, import, title breaking, table
//! widths, the DOCX measures and settings and the PDF line breaker all ask here.
//!
//! **Widths** are in em of the text's size, one em being one full-width character (one
//! slot of the GB/T 9704 grid): ideographs, kana, hangul and full-width forms are 1, Latin
//! letters, digits and ASCII punctuation ½ (the PDF sets Latin at the real advance of its
//! font; ½ is what a grid count and Word's measures assume).
//!
//! **Ambiguous characters** (Unicode East Asian Width "A"): the punctuation Chinese text
//! uses — quotation marks ‘’“”, the dashes — ―, the ellipsis … ‥, the middle dot ·, ‖ and
//! ※ — are set full-width, as GB/T 15834 and every Chinese font set them, so they count 1.
//! Other ambiguous characters (°, ±, Greek, Cyrillic) count ½. A terminal shows all of
//! them one column wide: [`is_wide`] is the terminal's (and Unicode's) notion of wide,
//! [`width_em`] the typesetter's.
//!
//! Where the real advance of Latin text matters (choosing table column widths so that
//! "103.6%" stays on one line), [`latin_advance_em`] gives the advances of Times New
//! Roman, the preset's Latin font, whose metrics Liberation Serif (the bundled stand-in)
//! shares.

/// Closing punctuation, which may not start a line (行首禁则): after it no break is
/// allowed before. Also the list Word's `w:noLineBreaksBefore` takes.
pub const NO_LINE_START: &str =
    "，。、；：？！）》」』】〕〗〙〛］｝〉”’…—·・％‰℃．～々〃,.;:?!)]}%";

/// Opening punctuation, which may not end a line (行尾禁则). Also the list Word's
/// `w:noLineBreaksAfter` takes.
pub const NO_LINE_END: &str = "（《「『【〔〖〘〚［｛〈“‘([{";

/// Full-width marks set at the start of their cell, the rest of it blank: pause and stop
/// marks and closing brackets (GB/T 15834 places them so in horizontal text).
const BLANK_AFTER: &str = "，。、；：？！）》」』】〕〗〙〛］｝〉”’";

/// Full-width marks set at the end of their cell, the start of it blank: opening brackets.
const BLANK_BEFORE: &str = "（《「『【〔〖〘〚［｛〈“‘";

/// Units kept on the line of the number before them ("2022年", "48.65亿元", "3个百分点").
const NUMBER_UNITS: &str = "年月日号时分秒万亿元个家项人次亩吨米倍户名辆台套座条支期批届所处间层栋天周季岁千百克升瓦度份件本张块页位股只头起宗笔平方公里余多";

/// A Han ideograph (汉字): the CJK Unified Ideographs with every extension, the
/// compatibility ideographs, and 〇.
pub fn is_han(c: char) -> bool {
    matches!(c,
        '\u{4E00}'..='\u{9FFF}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{323AF}'
        | '〇')
}

/// Punctuation of Chinese text: CJK symbols and punctuation (、。〈〉《》「」【】〔〕…),
/// full-width ASCII punctuation (，！？：；（）［］｛｝…), vertical and small forms, and
/// the ambiguous marks Chinese text sets full-width (‘’“”—―…‥·‖).
pub fn is_cjk_punct(c: char) -> bool {
    matches!(c,
        '\u{3000}'..='\u{3006}'
        | '\u{3008}'..='\u{303F}'
        | '\u{FE10}'..='\u{FE1F}'
        | '\u{FE30}'..='\u{FE4F}'
        | '\u{FF01}'..='\u{FF0F}'
        | '\u{FF1A}'..='\u{FF20}'
        | '\u{FF3B}'..='\u{FF40}'
        | '\u{FF5B}'..='\u{FF65}')
        || is_wide_punct(c)
}

/// A full-width form of an ASCII character or sign: ０–９, Ａ–Ｚ, ！, ￥ …
pub fn is_full_width_form(c: char) -> bool {
    matches!(c, '\u{FF01}'..='\u{FF60}' | '\u{FFE0}'..='\u{FFE6}')
}

/// The half-width form of a full-width digit, Latin letter or per-cent sign (１ → 1,
/// Ａ → A, ｘ → x, ％ → %), as figures and words copied from elsewhere are read;
/// `None` for any other character. Full-width punctuation is not folded: in Chinese text
/// it is right.
pub fn half_width_alphanumeric(c: char) -> Option<char> {
    match c {
        '\u{FF10}'..='\u{FF19}' | '\u{FF21}'..='\u{FF3A}' | '\u{FF41}'..='\u{FF5A}' => {
            char::from_u32(c as u32 - 0xFEE0)
        }
        '％' => Some('%'),
        _ => None,
    }
}

/// `text` on one line: line breaks and other control characters left out, tabs kept
/// (what a TOML comment may hold: the `# CHECK:` notes import and `huibao indicators`
/// write).
pub fn single_line(text: &str) -> String {
    text.chars()
        .filter(|&c| c == '\t' || !c.is_control())
        .collect()
}

/// Chinese context: a Han ideograph, Chinese punctuation or a full-width form.
pub fn is_chinese(c: char) -> bool {
    is_han(c) || is_cjk_punct(c) || is_full_width_form(c)
}

/// Ambiguous-width punctuation that Chinese text sets full-width.
fn is_wide_punct(c: char) -> bool {
    matches!(
        c,
        '‘' | '’' | '“' | '”' | '—' | '―' | '‖' | '…' | '‥' | '·' | '※'
    )
}

/// Wide in Unicode's sense (East Asian Width W or F): ideographs, kana, hangul, CJK
/// punctuation and full-width forms. What a terminal shows two columns wide and the
/// grid sets in one slot whatever the font.
pub fn is_wide(c: char) -> bool {
    matches!(u32::from(c),
        0x1100..=0x115F
        | 0x2E80..=0x303E
        | 0x3041..=0x33FF
        | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xA000..=0xA4CF
        | 0xA960..=0xA97F
        | 0xAC00..=0xD7A3
        | 0xF900..=0xFAFF
        | 0xFE10..=0xFE19
        | 0xFE30..=0xFE6F
        | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6
        | 0x1F300..=0x1F64F
        | 0x1F900..=0x1F9FF
        | 0x20000..=0x3FFFD)
}

/// A character that takes no room: zero-width spaces and joiners, variation selectors,
/// the byte-order mark, and control characters.
pub fn is_invisible(c: char) -> bool {
    c.is_control()
        || matches!(u32::from(c),
            0x200B..=0x200F | 0x2060..=0x2064 | 0xFE00..=0xFE0F | 0xFEFF | 0xE0100..=0xE01EF)
}

/// A bidirectional formatting character: the embeddings and overrides U+202A–202E, the
/// isolates U+2066–2069 and the marks U+200E, U+200F and U+061C. They reorder the text
/// around them for display, so an HTML page or a Word file that honours them shows
/// figures in another order than the PDF, and a reader cannot see them.
pub fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}'
    )
}

/// Whether `c` may not appear in a report's text (given the character after it): a
/// control character other than tab and line feed (a carriage return only before a line
/// feed), a bidirectional control ([`is_bidi_control`]), or one of the two noncharacters
/// XML forbids. None of them can be printed; in DOCX the controls break the file, the
/// bidirectional ones make the outputs disagree. The one decision for every string of a
/// report, a plugin's text and a spreadsheet's cells.
pub fn is_forbidden(c: char, next: Option<char>) -> bool {
    match c {
        '\t' | '\n' => false,
        '\r' => next != Some('\n'),
        '\u{FFFE}' | '\u{FFFF}' => true,
        c => c.is_control() || is_bidi_control(c),
    }
}

/// The first character of `s` that [`is_forbidden`]: its byte offset and the character.
pub fn first_forbidden(s: &str) -> Option<(usize, char)> {
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if is_forbidden(c, chars.peek().map(|&(_, n)| n)) {
            return Some((i, c));
        }
    }
    None
}

/// How many characters of `s` are [`is_forbidden`].
pub fn count_forbidden(s: &str) -> usize {
    s.char_indices()
        .filter(|&(i, c)| is_forbidden(c, s[i + c.len_utf8()..].chars().next()))
        .count()
}

/// A forbidden character as messages name it: "control character U+0008 (BACKSPACE)",
/// "bidirectional control U+202E (RIGHT-TO-LEFT OVERRIDE)".
pub fn describe_forbidden(c: char) -> huibao_i18n::Message {
    let code = format!("U+{:04X}", u32::from(c));
    let name = forbidden_name(c).unwrap_or("none");
    if is_bidi_control(c) {
        huibao_i18n::msg!("chars-bidi-control", code = code, name = name)
    } else {
        huibao_i18n::msg!("chars-control", code = code, name = name)
    }
}

/// What to do about a forbidden character, for the help line of its message.
pub fn forbidden_help(c: char) -> huibao_i18n::Message {
    if is_bidi_control(c) {
        huibao_i18n::msg!("chars-bidi-control-help")
    } else {
        huibao_i18n::msg!("chars-control-help")
    }
}

/// The name of a forbidden character people meet in pasted text.
fn forbidden_name(c: char) -> Option<&'static str> {
    Some(match c {
        '\0' => "NUL",
        '\u{7}' => "BELL",
        '\u{8}' => "BACKSPACE",
        '\u{B}' => "VERTICAL TAB",
        '\u{C}' => "FORM FEED",
        '\r' => "CARRIAGE RETURN",
        '\u{1B}' => "ESCAPE",
        '\u{7F}' => "DELETE",
        '\u{85}' => "NEXT LINE",
        '\u{FFFE}' | '\u{FFFF}' => "NONCHARACTER",
        '\u{200E}' => "LEFT-TO-RIGHT MARK",
        '\u{200F}' => "RIGHT-TO-LEFT MARK",
        '\u{061C}' => "ARABIC LETTER MARK",
        '\u{202A}' => "LEFT-TO-RIGHT EMBEDDING",
        '\u{202B}' => "RIGHT-TO-LEFT EMBEDDING",
        '\u{202C}' => "POP DIRECTIONAL FORMATTING",
        '\u{202D}' => "LEFT-TO-RIGHT OVERRIDE",
        '\u{202E}' => "RIGHT-TO-LEFT OVERRIDE",
        '\u{2066}' => "LEFT-TO-RIGHT ISOLATE",
        '\u{2067}' => "RIGHT-TO-LEFT ISOLATE",
        '\u{2068}' => "FIRST STRONG ISOLATE",
        '\u{2069}' => "POP DIRECTIONAL ISOLATE",
        _ => return None,
    })
}

/// A variation selector: U+FE00–FE0F, or an ideographic one U+E0100–E01EF, which after a
/// base character chooses one of its glyphs (the form of a person's or a place's name).
pub fn is_variation_selector(c: char) -> bool {
    matches!(c, '\u{FE00}'..='\u{FE0F}' | '\u{E0100}'..='\u{E01EF}')
}

/// The width of `c` in em of its size: 1 for full-width characters (including the
/// punctuation Chinese text sets full-width), 0 for invisible ones, ½ for the rest.
pub fn width_em(c: char) -> f64 {
    if is_wide(c) || is_wide_punct(c) {
        1.0
    } else if is_invisible(c) {
        0.0
    } else {
        0.5
    }
}

/// The width of `s` in em: the sum of [`width_em`] of its characters.
pub fn text_width_em(s: &str) -> f64 {
    s.chars().map(width_em).sum()
}

/// Advances of printable ASCII (space to `~`) in Times New Roman and Liberation Serif,
/// in thousandths of an em.
const TIMES_ADVANCES: [u16; 95] = [
    250, 333, 408, 500, 500, 833, 778, 180, 333, 333, 500, 564, 250, 333, 250, 278, // ␠–/
    500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 278, 278, 564, 564, 564, 444, // 0–?
    921, 722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722, // @–O
    556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611, 333, 278, 333, 469, 500, // P–_
    333, 444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500, // `–o
    500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444, 480, 200, 480, 541, //      p–~
];

/// The advance of printable ASCII `c` in the preset's Latin font (Times New Roman, whose
/// metrics the bundled Liberation Serif shares), in em; `None` for other characters.
pub fn latin_advance_em(c: char) -> Option<f64> {
    let i = u32::from(c).checked_sub(0x20)?;
    TIMES_ADVANCES
        .get(i as usize)
        .map(|&a| f64::from(a) / 1000.0)
}

/// The side of its cell a full-width punctuation mark leaves blank.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Blank {
    /// Opening brackets: the mark sits at the end of its cell.
    Before,
    /// Pause and stop marks and closing brackets: the mark sits at the start of its cell.
    After,
}

/// Where the blank half of a full-width mark lies, for the marks whose width may be
/// adjusted (W3C CLREQ, punctuation width adjustment); `None` for every other
/// character, and for the marks that keep their width (dashes, ellipses, the middle dot).
pub fn blank_side(c: char) -> Option<Blank> {
    if never_punctuation(c) {
        None
    } else if BLANK_AFTER.contains(c) {
        Some(Blank::After)
    } else if BLANK_BEFORE.contains(c) {
        Some(Blank::Before)
    } else {
        None
    }
}

/// Whether `c` may not start a line (it is in [`NO_LINE_START`]).
pub fn is_no_line_start(c: char) -> bool {
    !never_punctuation(c) && NO_LINE_START.contains(c)
}

/// Whether `c` may not end a line (it is in [`NO_LINE_END`]).
pub fn is_no_line_end(c: char) -> bool {
    !never_punctuation(c) && NO_LINE_END.contains(c)
}

/// A Han character of the basic block or an ASCII letter or digit: most of any report's
/// text, and in none of the punctuation lists, so the line breaker's per-character tests
/// answer them without searching the lists.
fn never_punctuation(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c) || c.is_ascii_alphanumeric()
}

/// A unit that stays with the number before it: 年, 亿, 元, 个, 项 …
pub fn is_number_unit(c: char) -> bool {
    NUMBER_UNITS.contains(c)
}

/// Printable ASCII: part of a Latin word or a number, never split from its neighbours.
pub fn is_word_char(c: char) -> bool {
    c.is_ascii_graphic()
}

/// A space (ASCII or ideographic): where a line may break, hung past the margin at a line end.
pub fn is_space(c: char) -> bool {
    c == ' ' || c == '\u{3000}'
}

/// Drops invisible characters, turns odd spaces into plain ones, trims, and removes
/// spaces next to Chinese text (official text has none): what import and the
/// spreadsheet reader make of text copied from elsewhere.
pub fn tidy_spaces(s: &str) -> String {
    let chars: Vec<char> = s
        .chars()
        .filter(|c| {
            !matches!(
                c,
                '\u{200B}'..='\u{200D}' | '\u{FEFF}' | '\u{AD}' | '\u{2060}'
            )
        })
        .map(|c| {
            if c.is_whitespace() || c == '\u{3000}' || c == '\u{A0}' {
                ' '
            } else {
                c
            }
        })
        .collect();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        if c == ' ' {
            let prev = out.chars().next_back();
            let next = chars[i + 1..].iter().copied().find(|&c| c != ' ');
            let (Some(prev), Some(next)) = (prev, next) else {
                continue;
            };
            if prev == ' ' || is_chinese(prev) || is_chinese(next) {
                continue;
            }
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn han_ideographs_in_every_extension() {
        for c in [
            '园', '区', '㐀', '䶿', '鿿', '豈', '𠀀', '𪜀', '𫝀', '𮯠', '〇',
        ] {
            assert!(is_han(c), "{c} U+{:04X}", u32::from(c));
        }
        for c in ['，', '。', 'A', '１', 'あ', '한', '⺀'] {
            assert!(!is_han(c), "{c}");
        }
    }

    #[test]
    fn chinese_punctuation_and_forms() {
        for c in [
            '，', '。', '、', '；', '：', '（', '）', '《', '》', '“', '”', '—', '…', '·', '〔',
        ] {
            assert!(is_cjk_punct(c), "{c}");
            assert!(is_chinese(c), "{c}");
        }
        assert!(!is_cjk_punct('〇'), "an ideograph, not punctuation");
        for c in [',', '.', '(', '"', 'a', '1', ' '] {
            assert!(!is_chinese(c), "{c}");
        }
        assert!(is_full_width_form('１') && is_chinese('Ａ') && !is_cjk_punct('１'));
    }

    #[test]
    fn widths_in_em() {
        assert_eq!(text_width_em("2022年"), 3.0);
        assert_eq!(text_width_em("营业收入48.65亿元"), 8.5);
        assert_eq!(text_width_em("“招商引资”——"), 8.0);
        assert_eq!(text_width_em("（一）"), 3.0);
        assert_eq!(text_width_em("１２％"), 3.0);
        assert_eq!(text_width_em("PM2.5"), 2.5);
        assert_eq!(width_em('\u{200B}'), 0.0);
        // Ambiguous characters that are not Chinese punctuation stay half-width.
        assert_eq!(width_em('°'), 0.5);
        assert_eq!(width_em('α'), 0.5);
    }

    #[test]
    fn latin_advances_are_times() {
        assert_eq!(latin_advance_em('0'), Some(0.5));
        assert_eq!(latin_advance_em('.'), Some(0.25));
        assert_eq!(latin_advance_em('%'), Some(0.833));
        assert_eq!(latin_advance_em(' '), Some(0.25));
        assert_eq!(latin_advance_em('~'), Some(0.541));
        assert_eq!(latin_advance_em('园'), None);
        assert_eq!(latin_advance_em('\u{7F}'), None);
        assert_eq!(latin_advance_em('\n'), None);
    }

    #[test]
    fn terminal_wide_is_not_typeset_wide() {
        assert!(is_wide('园') && is_wide('，') && is_wide('１'));
        // “ is one column in a terminal but a full em in Chinese type.
        assert!(!is_wide('“'));
        assert_eq!(width_em('“'), 1.0);
    }

    #[test]
    fn line_breaking_sets() {
        for c in "，。、；：？！）》”’…—％".chars() {
            assert!(is_no_line_start(c), "{c}");
            assert!(!is_no_line_end(c), "{c}");
        }
        for c in "（《“‘〔【".chars() {
            assert!(is_no_line_end(c), "{c}");
            assert!(!is_no_line_start(c), "{c}");
        }
        assert!(!is_no_line_start('园') && !is_no_line_end('园'));
        assert!(is_number_unit('亿') && is_number_unit('年') && !is_number_unit('园'));
        // Word takes the two lists as they are: no character in both.
        assert!(NO_LINE_START.chars().all(|c| !NO_LINE_END.contains(c)));
        // The quick answer for Han characters and ASCII letters and digits holds.
        for list in [NO_LINE_START, NO_LINE_END, BLANK_AFTER, BLANK_BEFORE] {
            assert!(list.chars().all(|c| !never_punctuation(c)), "{list}");
        }
    }

    #[test]
    fn adjustable_marks_and_their_blank_side() {
        for c in "，。、；：？！）》”’】〕".chars() {
            assert_eq!(blank_side(c), Some(Blank::After), "{c}");
            // A mark blank after its ink closes something: it may not start a line.
            assert!(is_no_line_start(c), "{c}");
        }
        for c in "（《“‘【〔".chars() {
            assert_eq!(blank_side(c), Some(Blank::Before), "{c}");
            assert!(is_no_line_end(c), "{c}");
        }
        // Dashes, ellipses and the middle dot keep their width; so do characters.
        for c in "—…·园A1%,".chars() {
            assert_eq!(blank_side(c), None, "{c}");
        }
        // Every adjustable mark is full width.
        for c in BLANK_AFTER.chars().chain(BLANK_BEFORE.chars()) {
            assert_eq!(width_em(c), 1.0, "{c}");
        }
    }

    #[test]
    fn forbidden_characters_include_bidirectional_controls() {
        for c in [
            '\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{202E}', '\u{2066}', '\u{2067}',
            '\u{2068}', '\u{2069}', '\u{200E}', '\u{200F}', '\u{061C}', '\u{8}', '\u{85}',
            '\u{FFFF}',
        ] {
            assert!(is_forbidden(c, None), "U+{:04X}", u32::from(c));
        }
        for c in [
            '\t',
            '\n',
            '园',
            '\u{200B}',
            '\u{200D}',
            '\u{FE00}',
            '\u{E0100}',
            '\u{2065}',
        ] {
            assert!(!is_forbidden(c, None), "U+{:04X}", u32::from(c));
        }
        assert!(!is_forbidden('\r', Some('\n')) && is_forbidden('\r', Some('园')));
        // "营业收入<RLO>5.84<PDF>亿元" shows 48.5 where the override is honoured.
        let s = "营业收入\u{202E}5.84\u{202C}亿元";
        assert_eq!(first_forbidden(s), Some(("营业收入".len(), '\u{202E}')));
        assert_eq!(count_forbidden(s), 2);
        assert_eq!(
            describe_forbidden('\u{202E}').to_string(),
            "bidirectional control U+202E (RIGHT-TO-LEFT OVERRIDE)"
        );
        assert_eq!(
            describe_forbidden('\u{8}').to_string(),
            "control character U+0008 (BACKSPACE)"
        );
    }

    #[test]
    fn spaces() {
        assert_eq!(tidy_spaces("  一、xxxx年工作总结 "), "一、xxxx年工作总结");
        assert_eq!(tidy_spaces("营业收入 152.3 亿元"), "营业收入152.3亿元");
        assert_eq!(tidy_spaces("LNG  供气站\u{200B}"), "LNG供气站");
        assert_eq!(tidy_spaces("R&D expenses rose"), "R&D expenses rose");
    }
}
