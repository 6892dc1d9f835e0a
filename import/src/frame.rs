//! The frame around the body: title, red header and addressee at the top; signature,
//! date, note, attachments and end matter (版记) at the bottom.

use crate::clean::Removed;
use crate::marker::Kind;
use crate::source::Block;

/// What stands above the body.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Head {
    /// The title, lines joined.
    pub title: Option<String>,
    /// 发文机关标志 ("某管委会文件").
    pub organ_mark: Option<String>,
    /// 发文字号.
    pub document_number: Option<String>,
    /// 签发人.
    pub signer: Option<String>,
    /// 主送机关, without the colon.
    pub recipient: Option<String>,
    /// The title was glued to the first sentence and split off.
    pub title_split: bool,
}

/// A date as written: 2022年7月12日.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ymd(
    /// The year.
    pub i32,
    /// The month, 1–12.
    pub u8,
    /// The day of the month.
    pub u8,
);

/// An attachment after the signature.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct AttachmentDraft {
    /// The attachment's title, without "附件N".
    pub title: String,
    /// Only listed in the note (附件：1.…) above the signature; the source does not hold it.
    pub listed_only: bool,
    /// Its paragraphs, in order.
    pub paras: Vec<String>,
    /// Its tables, rows of cell text (the first row is the header).
    pub tables: Vec<Vec<Vec<String>>>,
}

/// What stands below the body.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Tail {
    /// The signing organization.
    pub signature: Option<String>,
    /// The date under the signature.
    pub date: Option<Ymd>,
    /// The date under the signature as written, when parts of it are masked or missing,
    /// with the year and month where they are written.
    pub incomplete_date: Option<(String, Option<i32>, Option<u8>)>,
    /// 附注, without parentheses.
    pub note: Option<String>,
    /// Attachments.
    pub attachments: Vec<AttachmentDraft>,
    /// 抄送 organs.
    pub copy_to: Vec<String>,
    /// 印发机关 and date.
    pub printed: Option<(String, Option<Ymd>)>,
    /// Lines below the body that fit nowhere.
    pub leftovers: Vec<String>,
}

/// Reads "2022年7月12日" or "二〇二二年七月八日" (the whole string).
pub(crate) fn parse_date(s: &str) -> Option<Ymd> {
    match date_line(s)? {
        DateLine::Full(d) => Some(d),
        DateLine::Incomplete(..) => None,
    }
}

/// A line that is a date alone, as a signature's date is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DateLine {
    /// "2022年7月12日", "二〇二二年七月十二日".
    Full(Ymd),
    /// A date with masked or missing parts ("2023年1月xx日", "2023年7月"): the year and
    /// month where they are written.
    Incomplete(Option<i32>, Option<u8>),
}

/// Reads a line that is only a date, in Arabic or Chinese numerals, possibly masked or
/// without its day.
pub(crate) fn date_line(s: &str) -> Option<DateLine> {
    let s: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    let (y, rest) = s.split_once('年')?;
    let (m, rest) = rest.split_once('月')?;
    let masked = |x: &str| {
        !x.is_empty()
            && x.chars().count() <= 4
            && x.chars()
                .all(|c| matches!(c, 'x' | 'X' | '×' | '*' | '＊' | '某' | '0'..='9'))
            && x.chars().any(|c| !c.is_ascii_digit())
    };
    let year = number(y, true).filter(|y| (1900..=2200).contains(y));
    let month = number(m, false).filter(|m| (1..=12).contains(m));
    let incomplete = || DateLine::Incomplete(year.map(|y| y as i32), month.map(|m| m as u8));
    if rest.is_empty() {
        // "2023年7月": no day.
        return (year.is_some() && month.is_some()).then(incomplete);
    }
    let d = rest.strip_suffix('日')?;
    let day = number(d, false).filter(|d| (1..=31).contains(d));
    match (year, month, day) {
        (Some(y), Some(m), Some(d)) => Some(DateLine::Full(Ymd(y as i32, m as u8, d as u8))),
        _ => {
            let parts_ok = (year.is_some() || masked(y))
                && (month.is_some() || masked(m))
                && (day.is_some() || masked(d));
            (parts_ok && (masked(y) || masked(m) || masked(d))).then(incomplete)
        }
    }
}

/// A date part in Arabic digits, or in Chinese numerals: a year digit by digit
/// ("二〇二二"), a month or day as counted ("十二", "二十八").
fn number(x: &str, year: bool) -> Option<u32> {
    if !x.is_empty() && x.len() <= 4 && x.bytes().all(|b| b.is_ascii_digit()) {
        return x.parse().ok();
    }
    if year {
        let digit = |c: char| match c {
            '〇' | '○' | '零' | 'Ｏ' | 'O' => Some(0),
            c => huibao_core::numbering::chinese_value(&c.to_string()),
        };
        let n = x.chars().count();
        if n != 4 {
            return None;
        }
        return x.chars().try_fold(0, |acc, c| Some(acc * 10 + digit(c)?));
    }
    huibao_core::numbering::chinese_value(x)
}

/// Words a title ends with (or contains): 工作总结, 工作计划, 思路 …
const TITLE_WORDS: [&str; 10] = [
    "总结", "计划", "思路", "打算", "报告", "要点", "安排", "汇报", "情况", "展望",
];

fn has_sentence_punct(s: &str) -> bool {
    s.contains(['。', '，', '；', '！', '？'])
}

/// Whether a line reads as a title.
pub(crate) fn is_title_like(s: &str) -> bool {
    let n = s.chars().count();
    (4..=60).contains(&n)
        && !has_sentence_punct(s)
        && TITLE_WORDS.iter().any(|w| s.contains(w))
        && crate::marker::parse(s).is_none()
}

/// Whether a line is an addressee (主送机关): short, ending in a colon, naming organs
/// ("市人民政府：", "区委、区政府："), never a sentence.
pub(crate) fn is_addressee(t: &str) -> bool {
    const ORGANS: [&str; 20] = [
        "政府",
        "委员会",
        "管委会",
        "党工委",
        "工委",
        "党委",
        "办公室",
        "指挥部",
        "区委",
        "市委",
        "县委",
        "省委",
        "局",
        "厅",
        "委",
        "部",
        "办",
        "中心",
        "单位",
        "部门",
    ];
    let Some(names) = t.trim().strip_suffix(['：', ':']) else {
        return false;
    };
    names.chars().count() <= 30
        && !names.is_empty()
        && !has_sentence_punct(names)
        && names
            .split(['、', '，', ','])
            .all(|n| !n.is_empty() && ORGANS.iter().any(|o| n.trim().ends_with(o)))
}

/// A document number: "某管发〔2022〕5号" (possibly with "签发人：…" on the same line).
fn is_document_number(t: &str) -> bool {
    t.chars().count() <= 40 && t.contains('〔') && t.contains('〕') && t.contains('号')
}

/// A title line as a web page prints it, without the page's frame: the text inside 《》
/// when a site wrapped the whole line in them, and without a site's name after the title
/// ("……工作总结_某某范文网", "……工作总结 - 某某文库").
pub(crate) fn unwrap_book_title(t: &str) -> &str {
    // A table cell copied from a page: "宁波国家高新区……工作安排报告 |".
    let t = t.trim_matches(|c: char| c == '|' || c == '｜' || c.is_whitespace());
    let t = t
        .strip_prefix('《')
        .and_then(|r| r.strip_suffix('》'))
        .filter(|inner| !inner.contains(['《', '》']))
        .unwrap_or(t);
    const SITE_ENDINGS: [&str; 8] = ["网", "文库", "范文", "网站", "之家", "频道", "首页", "大全"];
    for sep in ["_", "｜", "|", " - ", " — ", "－"] {
        if let Some((title, site)) = t.rsplit_once(sep) {
            let site = site.trim();
            if !title.trim().is_empty()
                && site.chars().count() <= 16
                && SITE_ENDINGS.iter().any(|e| site.ends_with(e))
            {
                return title.trim();
            }
        }
    }
    t
}

/// Whether a line is a title in a web page's frame ("《……》", "……工作总结_某某网"): the
/// frame is clutter, the title is not.
pub(crate) fn is_framed_title(t: &str) -> bool {
    let inner = unwrap_book_title(t);
    inner != t && is_title_like(inner)
}

/// Takes the head off the front of the body blocks.
pub(crate) fn split_head(mut blocks: Vec<Block>, removed: &mut Vec<Removed>) -> (Head, Vec<Block>) {
    let mut head = Head::default();
    let mut i = 0;
    // Short lines without sentence punctuation at the top: a title, maybe over two lines.
    let mut title_parts: Vec<String> = Vec::new();
    let mut title_start = None;
    while i < blocks.len() && i < 12 {
        let Block::Para(p) = &blocks[i] else { break };
        let written = p.text.trim().to_string();
        let t = unwrap_book_title(&written).to_string();
        let short = t.chars().count() <= 40;
        if crate::marker::parse(&t).is_some() {
            break;
        }
        let next_is_number = blocks
            .get(i + 1)
            .and_then(Block::text)
            .is_some_and(|n| is_document_number(n.trim()));
        if title_parts.is_empty()
            && short
            && head.organ_mark.is_none()
            && (t.ends_with("文件") || (next_is_number && crate::meta::is_organization_name(&t)))
        {
            // 发文机关标志: "某管委会文件", or the organ's name above the document number.
            head.organ_mark = Some(t);
        } else if title_parts.is_empty() && is_document_number(&t) {
            // "某管发〔2022〕5号", possibly followed by "签发人：张某某" on the same line
            let (number, signer) = match t.find("签发人") {
                Some(at) => (&t[..at], Some(&t[at..])),
                None => (t.as_str(), None),
            };
            head.document_number = Some(number.trim().to_string());
            if let Some(s) = signer {
                head.signer = Some(signer_name(s));
            }
        } else if title_parts.is_empty() && short && t.starts_with("签发人") {
            head.signer = Some(signer_name(&t));
        } else if is_addressee(&t) {
            head.recipient = Some(t.trim_end_matches(['：', ':']).to_string());
            i += 1;
            break;
        } else if !title_parts.is_empty() && is_occasion(&t) {
            // "——2023年1月9日在……人民代表大会第三次会议上": the speech's occasion
            // under its title is the opening's, not more of the title.
            break;
        } else if t.chars().count() <= 60 && !has_sentence_punct(&t) && !t.ends_with(['：', ':']) {
            match title_parts.last() {
                Some(last) if *last == t => removed.push(Removed {
                    text: t,
                    why: "title repeated",
                }),
                Some(last)
                    if is_title_like(last)
                        && is_title_like(&t)
                        && !t.starts_with(['及', '和', '暨', '与']) =>
                {
                    // Two different titles: the first was the web page's.
                    for old in title_parts.drain(..) {
                        removed.push(Removed {
                            text: old,
                            why: "page title",
                        });
                    }
                    title_parts.push(t);
                }
                _ => {
                    title_start.get_or_insert(i);
                    if t != written {
                        removed.push(Removed {
                            text: written,
                            why: "the title as a web page framed it",
                        });
                    }
                    title_parts.push(t);
                }
            }
        } else if title_parts.is_empty() && i == first_text(&blocks) {
            // "工业园区上半年工作总结及下半年思路一、1-6月份工作总结（一）……": a page
            // flattened to one line, the title running into the outline.
            if let Some(at) = title_before_outline(&t) {
                let title = t[..at].to_string();
                if crate::boilerplate::site_line(&title).is_some() {
                    removed.push(Removed {
                        text: title,
                        why: "site's page title",
                    });
                } else {
                    head.title = Some(title);
                    head.title_split = true;
                }
                let rest = t[at..].to_string();
                if let Block::Para(p) = &mut blocks[i] {
                    p.text = rest;
                }
                break;
            }
            // "园区管委会2022年上半年工作总结及下半年计划2022年1-6月，园区……"
            if let Some(at) = glued_title_end(&t) {
                head.title = Some(t[..at].to_string());
                head.title_split = true;
                let rest = t[at..].to_string();
                if let Block::Para(p) = &mut blocks[i] {
                    p.text = rest;
                }
            }
            break;
        } else {
            break;
        }
        i += 1;
    }
    if !title_parts.is_empty() {
        let joined = title_parts.concat();
        if is_title_like(&joined) {
            head.title = Some(joined);
        } else if let Some(start) = title_start {
            // Not a title after all: the lines are text.
            i = start;
            head.recipient = None;
        }
    }
    // The title printed again right below (web pages print it twice), or at the start of
    // the first paragraph (a previewer runs it into the text).
    if let Some(title) = head.title.clone() {
        while let Some(Block::Para(p)) = blocks.get_mut(i) {
            let t = unwrap_book_title(p.text.trim());
            if t == title {
                removed.push(Removed {
                    text: p.text.clone(),
                    why: "title repeated",
                });
                i += 1;
            } else if let Some(rest) = t.strip_prefix(title.as_str()).filter(|r| !r.is_empty()) {
                // A collection numbers its pieces: "开发区上半年工作总结1" + "20xx年以来".
                let numbered = piece_number(rest);
                removed.push(Removed {
                    text: format!("{title}{}", &rest[..numbered]),
                    why: "title repeated at the start of the text",
                });
                p.text = rest[numbered..].to_string();
                break;
            } else {
                break;
            }
        }
    }
    // An addressee below a title that was found.
    if head.recipient.is_none() {
        if let Some(t) = blocks
            .get(i)
            .and_then(Block::text)
            .filter(|t| is_addressee(t))
        {
            head.recipient = Some(t.trim().trim_end_matches(['：', ':']).to_string());
            i += 1;
        }
    }
    let body = blocks.split_off(i);
    (head, body)
}

/// The length of a collection's piece number ("1", "2") before a year at the start of
/// `rest` ("120xx年以来" is piece 1 and "20xx年以来"); 0 when there is none.
fn piece_number(rest: &str) -> usize {
    let chars: Vec<char> = rest.chars().take(6).collect();
    let year_char = |c: &char| c.is_ascii_digit() || matches!(c, 'x' | 'X' | '*');
    let is_piece = chars.len() == 6
        && ('1'..='9').contains(&chars[0])
        && chars[1..5].iter().all(year_char)
        && chars[1..3]
            .iter()
            .any(|c| !c.is_ascii_digit() || *c == '2' || *c == '1')
        && chars[5] == '年'
        && (chars[1] == '2' || chars[1] == '1' || !chars[1].is_ascii_digit());
    if is_piece {
        1
    } else {
        0
    }
}

/// The occasion of a speech, under its title: "——2023年1月9日在……会议上".
fn is_occasion(t: &str) -> bool {
    t.starts_with(['—', '-'])
        && ["会议上", "会上", "大会上", "讲话", "报告会"]
            .iter()
            .any(|w| t.contains(w))
}

fn first_text(blocks: &[Block]) -> usize {
    blocks
        .iter()
        .position(|b| matches!(b, Block::Para(_)))
        .unwrap_or(0)
}

fn signer_name(s: &str) -> String {
    s.trim_start_matches("签发人")
        .trim_start_matches(['：', ':', ' '])
        .trim()
        .to_string()
}

/// Where a title runs into the outline's first number on one line ("……下半年思路一、1-6月
/// 份工作总结"): the offset of "一、", when what stands before it is a title.
pub(crate) fn title_before_outline(t: &str) -> Option<usize> {
    let at = t.find("一、")?;
    let title = &t[..at];
    let n = title.chars().count();
    ((6..=80).contains(&n)
        && !title.contains(['。', '；', '，'])
        && TITLE_WORDS.iter().any(|w| title.ends_with(w))
        && is_title_like(title))
    .then_some(at)
}

/// Where a title glued to the first sentence ends: after the last title word before the
/// first comma or full stop, when text follows.
fn glued_title_end(t: &str) -> Option<usize> {
    let limit = t.find(['，', '。', '；']).unwrap_or(t.len());
    let head = &t[..limit];
    let end = TITLE_WORDS
        .iter()
        .filter_map(|w| head.rfind(w).map(|i| i + w.len()))
        .max()?;
    let title = &t[..end];
    let rest = &t[end..];
    let n = title.chars().count();
    ((8..=60).contains(&n) && rest.chars().count() >= 10 && title.contains('年')).then_some(end)
}

/// Takes the tail (signature, date, note, attachments, end matter) off the end.
pub(crate) fn split_tail(mut blocks: Vec<Block>) -> (Vec<Block>, Tail) {
    let mut tail = Tail::default();
    // 版记 drawn as a table (for its rules): its cells are the lines.
    if let Some(Block::Table(rows)) = blocks.last() {
        let cells: Vec<String> = rows
            .iter()
            .flatten()
            .map(|c| c.trim().to_string())
            .collect();
        if cells
            .iter()
            .any(|c| c.starts_with("抄送") || c.ends_with("印发"))
        {
            blocks.pop();
            blocks.extend(cells.into_iter().filter(|c| !c.is_empty()).map(Block::para));
        }
    }
    // 版记: "抄送：…。" and "某办公室 2022年7月12日印发", the last lines.
    while let Some(Block::Para(p)) = blocks.last() {
        let t = p.text.trim();
        if let Some(list) = t
            .strip_prefix("抄送")
            .map(|r| r.trim_start_matches(['：', ':']))
        {
            tail.copy_to = list
                .trim_end_matches('。')
                .split(['，', '、', ','])
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
                .collect();
        } else if let Some(before) = t.strip_suffix("印发") {
            let (organ, date) = split_trailing_date(before);
            tail.printed = Some((organ, date));
        } else {
            break;
        }
        blocks.pop();
    }
    // The signature date: the last line that is a date alone (possibly masked).
    let date_at = blocks
        .iter()
        .rposition(|b| b.text().and_then(date_line).is_some());
    let mut after = Vec::new();
    if let Some(at) = date_at {
        // Everything after the date must be a note or attachments, or this is no signature.
        let rest = blocks.split_off(at + 1);
        if !tail_fits(&rest) {
            blocks.extend(rest);
            return (blocks, tail);
        }
        after = rest;
        let date_block = blocks.pop();
        let written = date_block
            .as_ref()
            .and_then(Block::text)
            .unwrap_or_default();
        match date_line(written) {
            Some(DateLine::Full(d)) => tail.date = Some(d),
            Some(DateLine::Incomplete(y, m)) => {
                tail.incomplete_date = Some((written.trim().to_string(), y, m))
            }
            None => {}
        }
    }
    // The signature: the line above the date; without a date, a last line that is the
    // name of an organization.
    if let Some(Block::Para(p)) = blocks.last() {
        let t = p.text.trim();
        if t.chars().count() <= 40
            && !has_sentence_punct(t)
            && crate::marker::parse(t).is_none()
            && (date_at.is_some() || crate::meta::is_organization_name(t))
        {
            tail.signature = Some(t.to_string());
            blocks.pop();
        }
    }
    if date_at.is_none() {
        return (blocks, tail);
    }
    // 附件说明 lines just above the signature: "附件：1. 某某表", "2. 某某表".
    let mut note_lines = Vec::new();
    let mut found_note = false;
    while let Some(Block::Para(p)) = blocks.last() {
        let t = p.text.trim().to_string();
        if t.starts_with("附件：") || t.starts_with("附件:") {
            note_lines.push(t);
            blocks.pop();
            found_note = true;
            break;
        }
        let numbered = crate::marker::parse(&t).is_some_and(|m| m.kind == Kind::Arabic);
        if numbered && t.chars().count() <= 60 && !has_sentence_punct(&t) {
            note_lines.push(t);
            blocks.pop();
        } else {
            break;
        }
    }
    note_lines.reverse();
    if !found_note {
        blocks.extend(note_lines.drain(..).map(Block::para));
    }
    let mut rest = after.into_iter().peekable();
    if let Some(Block::Para(p)) = rest.peek() {
        let t = p.text.trim();
        let inner = t
            .strip_prefix(['（', '('])
            .and_then(|r| r.strip_suffix(['）', ')']));
        if let Some(inner) = inner {
            tail.note = Some(inner.to_string());
            rest.next();
        }
    }
    let mut current: Option<AttachmentDraft> = None;
    let mut expect_title = false;
    for block in rest {
        match block {
            Block::Para(p) if is_attachment_label(&p.text) => {
                tail.attachments.extend(current.take());
                current = Some(AttachmentDraft::default());
                expect_title = true;
            }
            Block::Para(p) => match current.as_mut() {
                Some(a) if expect_title => {
                    a.title = p.text;
                    expect_title = false;
                }
                Some(a) => a.paras.push(p.text),
                None => tail.leftovers.push(p.text),
            },
            Block::Table(rows) => match current.as_mut() {
                Some(a) => a.tables.push(rows),
                None => tail.leftovers.push(flatten_table(&rows)),
            },
        }
    }
    tail.attachments.extend(current);
    // The note lists the attachments: one it lists that the source does not hold keeps its
    // title, marked as listed only.
    for (k, title) in note_lines.iter().map(|l| listed_title(l)).enumerate() {
        match tail.attachments.get_mut(k) {
            Some(a) if a.title.trim().is_empty() => a.title = title,
            Some(_) => {}
            None if !title.is_empty() => tail.attachments.push(AttachmentDraft {
                title,
                listed_only: true,
                ..AttachmentDraft::default()
            }),
            None => {}
        }
    }
    (blocks, tail)
}

/// An attachment's title as the note lists it: "附件：1.某某表" → "某某表".
fn listed_title(line: &str) -> String {
    let t = line
        .trim()
        .trim_start_matches("附件")
        .trim_start_matches(['：', ':'])
        .trim();
    match crate::marker::parse(t) {
        Some(m) => t[m.len..].trim().to_string(),
        None => t.to_string(),
    }
}

/// Only a note in parentheses, then attachments, may follow the signature date.
fn tail_fits(after: &[Block]) -> bool {
    let mut rest = after.iter().peekable();
    if let Some(Block::Para(p)) = rest.peek() {
        if p.text.trim().starts_with(['（', '(']) {
            rest.next();
        }
    }
    match rest.next() {
        None => true,
        Some(Block::Para(p)) => is_attachment_label(&p.text),
        Some(Block::Table(_)) => false,
    }
}

/// "附件", "附件1", "附件2" alone on a line.
fn is_attachment_label(t: &str) -> bool {
    t.trim()
        .strip_prefix("附件")
        .is_some_and(|r| r.chars().all(|c| c.is_ascii_digit()) && r.len() <= 2)
}

/// "某办公室 2022年7月12日" → ("某办公室", date).
fn split_trailing_date(s: &str) -> (String, Option<Ymd>) {
    let s = s.trim();
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    for &(i, _) in &chars {
        if let Some(d) = parse_date(&s[i..]) {
            return (s[..i].trim().to_string(), Some(d));
        }
    }
    (s.to_string(), None)
}

/// A table as one line of text, for remarks.
pub(crate) fn flatten_table(rows: &[Vec<String>]) -> String {
    rows.iter()
        .map(|r| r.join(" | "))
        .collect::<Vec<_>>()
        .join(" / ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paras(lines: &[&str]) -> Vec<Block> {
        lines.iter().map(|l| Block::para(*l)).collect()
    }

    #[test]
    fn dates() {
        assert_eq!(parse_date("2022年7月12日"), Some(Ymd(2022, 7, 12)));
        assert_eq!(parse_date("2022 年 7 月 1 日"), Some(Ymd(2022, 7, 1)));
        assert_eq!(parse_date("2022年7月12日印发"), None);
        assert_eq!(parse_date("xxxx年x月x日"), None);
        assert_eq!(parse_date("二〇二二年七月八日"), Some(Ymd(2022, 7, 8)));
        assert_eq!(
            date_line("2023年1月xx日"),
            Some(DateLine::Incomplete(Some(2023), Some(1)))
        );
        assert_eq!(
            date_line("2023年7月"),
            Some(DateLine::Incomplete(Some(2023), Some(7)))
        );
        assert_eq!(date_line("2023年7月份"), None);
        assert_eq!(date_line("截至2023年7月"), None);
    }

    #[test]
    fn a_speechs_occasion_is_not_part_of_its_title() {
        // From the published corpus (33).
        let mut removed = Vec::new();
        let (head, body) = split_head(
            paras(&[
                "政府工作报告",
                "——2023年1月9日在株洲市天元区第六届人民代表大会第三次会议上",
                "株洲市天元区人民政府区长何柢",
                "现在，我代表区人民政府，向大会作政府工作报告，请予审议。",
            ]),
            &mut removed,
        );
        assert_eq!(head.title.as_deref(), Some("政府工作报告"));
        assert_eq!(body.len(), 3);
    }

    #[test]
    fn a_collections_piece_number_after_the_title() {
        // From the published corpus (03).
        assert_eq!(piece_number("120xx年以来，在市委、市政府的正确领导下"), 1);
        assert_eq!(piece_number("22022年，园区"), 1);
        assert_eq!(piece_number("2022年，园区"), 0);
        assert_eq!(piece_number("1-6月，园区"), 0);
    }

    #[test]
    fn glued_title() {
        let mut removed = Vec::new();
        let (head, body) = split_head(
            paras(&[
                "园区管委会2022年上半年工作总结及下半年计划2022年*-*月，*园区完成营业收入*万元。",
                "一、主要工作",
            ]),
            &mut removed,
        );
        assert_eq!(
            head.title.as_deref(),
            Some("园区管委会2022年上半年工作总结及下半年计划")
        );
        assert_eq!(
            body[0].text(),
            Some("2022年*-*月，*园区完成营业收入*万元。")
        );
    }

    #[test]
    fn web_title_twice_and_red_header() {
        let mut removed = Vec::new();
        let (head, body) = split_head(
            paras(&[
                "区科技城管理委员会年度工作总结及下一步工作思路",
                "区科技城管理委员会年度工作总结及下一步工作思路",
                "一、xxxx年工作总结",
            ]),
            &mut removed,
        );
        assert_eq!(
            head.title.as_deref(),
            Some("区科技城管理委员会年度工作总结及下一步工作思路")
        );
        assert_eq!(body.len(), 1);
        assert_eq!(removed.len(), 1);
        let (head, _) = split_head(
            paras(&[
                "金川经济技术开发区管委会文件",
                "金开管发〔2022〕18号",
                "签发人：张某某",
                "金川经济技术开发区管委会2022年上半年工作总结及下半年工作计划",
                "金川市人民政府：",
                "2022年1-6月，园区完成营业收入。",
            ]),
            &mut removed,
        );
        assert_eq!(
            head.organ_mark.as_deref(),
            Some("金川经济技术开发区管委会文件")
        );
        assert_eq!(
            head.document_number.as_deref(),
            Some("金开管发〔2022〕18号")
        );
        assert_eq!(head.signer.as_deref(), Some("张某某"));
        assert_eq!(head.recipient.as_deref(), Some("金川市人民政府"));
    }

    #[test]
    fn a_web_pages_frame_around_the_title() {
        assert_eq!(
            unwrap_book_title("《兴隆湖经济开发区管委会2021年上半年工作总结》"),
            "兴隆湖经济开发区管委会2021年上半年工作总结"
        );
        assert_eq!(
            unwrap_book_title("兴园区管委会2022年工作总结_公文范文网"),
            "兴园区管委会2022年工作总结"
        );
        assert_eq!(
            unwrap_book_title("兴园区管委会2022年工作总结 - 某某文库"),
            "兴园区管委会2022年工作总结"
        );
        assert_eq!(
            unwrap_book_title("《2022年工作要点》落实情况"),
            "《2022年工作要点》落实情况"
        );
    }

    #[test]
    fn signature_note_attachments_end_matter() {
        let (body, tail) = split_tail(paras(&[
            "一、主要工作",
            "正文。",
            "附件：1. 主要经济指标完成情况表",
            "金川经济技术开发区管委会",
            "2022年7月12日",
            "（联系人：李某某，联系电话：0935-8212345）",
            "附件",
            "金川2022年上半年主要经济指标完成情况表",
            "说明文字。",
            "抄送：市委办公室，市财政局。",
            "金川经济技术开发区管委会办公室 2022年7月12日印发",
        ]));
        assert_eq!(body.len(), 2);
        assert_eq!(tail.signature.as_deref(), Some("金川经济技术开发区管委会"));
        assert_eq!(tail.date, Some(Ymd(2022, 7, 12)));
        assert_eq!(
            tail.note.as_deref(),
            Some("联系人：李某某，联系电话：0935-8212345")
        );
        assert_eq!(tail.attachments.len(), 1);
        assert_eq!(
            tail.attachments[0].title,
            "金川2022年上半年主要经济指标完成情况表"
        );
        assert_eq!(tail.copy_to, vec!["市委办公室", "市财政局"]);
        assert_eq!(
            tail.printed,
            Some((
                "金川经济技术开发区管委会办公室".into(),
                Some(Ymd(2022, 7, 12))
            ))
        );
    }

    #[test]
    fn end_matter_in_a_table() {
        let mut blocks = paras(&["正文。", "某管委会", "2022年7月12日"]);
        blocks.push(Block::Table(vec![
            vec!["抄送：市财政局。".into()],
            vec!["某管委会办公室2022年7月12日印发".into()],
        ]));
        let (body, tail) = split_tail(blocks);
        assert_eq!(body.len(), 1);
        assert_eq!(tail.copy_to, vec!["市财政局"]);
        assert_eq!(tail.date, Some(Ymd(2022, 7, 12)));
    }

    #[test]
    fn a_date_inside_the_body_is_not_a_signature() {
        let (body, tail) = split_tail(paras(&["一、主要工作", "2022年3月5日", "召开会议。"]));
        assert_eq!(body.len(), 3);
        assert_eq!(tail, Tail::default());
    }
}
