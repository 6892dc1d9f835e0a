//! Real-world clutter: web-page headers and footers, download notices, page numbers,
//! invisible characters, stray spaces and half-width punctuation in Chinese text.

use crate::source::{Block, Para};
use crate::{boilerplate, pages};
use huibao_core::chars::{half_width_alphanumeric, is_chinese, is_han, tidy_spaces};

/// A source line that was dropped, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Removed {
    /// The line as it was.
    pub text: String,
    /// "web address", "page number" …
    pub why: &'static str,
}

/// The source after cleaning.
#[derive(Debug, Default)]
pub(crate) struct Cleaned {
    /// What is left, in order.
    pub blocks: Vec<Block>,
    /// Lines dropped as clutter, in source order.
    pub removed: Vec<Removed>,
    /// Punctuation marks normalised: half-width made full-width in Chinese text, 〝〞 and
    /// paired 〃 made “ ” (and full-width digits made half-width).
    pub punctuation_fixed: usize,
    /// Page numbers cut out of lines.
    pub page_markers: usize,
    /// Characters a report may not hold (control and bidirectional formatting
    /// characters, [`huibao_core::chars::is_forbidden`]) removed from the text.
    pub forbidden_removed: usize,
    /// Lines joined because a program had wrapped them or cut them into pages.
    pub lines_joined: usize,
    /// What looked like a reading slip (OCR): kept as written, listed for the reader.
    pub doubts: Vec<huibao_i18n::Message>,
}

/// Removes from every paragraph and table cell the characters a report may not hold
/// (the loader refuses them: [`huibao_core::chars::is_forbidden`]), so that what import
/// writes passes `huibao check`; returns how many were removed, for the summary. Copied
/// text brings them: bidirectional marks from web pages, control characters from old
/// word processors.
fn remove_forbidden(blocks: &mut [Block]) -> usize {
    fn strip(text: &mut String) -> usize {
        let count = huibao_core::chars::count_forbidden(text);
        if count > 0 {
            let kept: String = text
                .char_indices()
                .filter(|&(i, c)| {
                    !huibao_core::chars::is_forbidden(c, text[i + c.len_utf8()..].chars().next())
                })
                .map(|(_, c)| c)
                .collect();
            *text = kept;
        }
        count
    }
    blocks
        .iter_mut()
        .map(|block| match block {
            Block::Para(p) => strip(&mut p.text),
            Block::Table(rows) => rows.iter_mut().flatten().map(strip).sum(),
        })
        .sum()
}

/// A source block during cleaning.
struct Line {
    block: Block,
    /// The text as written, trimmed (for the list of what was removed).
    original: String,
    /// The line opened with white space: a paragraph's indent in a text file.
    indented: bool,
    /// Why it is clutter, once known.
    why: Option<&'static str>,
}

impl Line {
    fn text(&self) -> Option<&str> {
        match (&self.block, self.why) {
            (Block::Para(p), None) => Some(&p.text),
            _ => None,
        }
    }
}

/// Cleans the source: clutter lines are removed (and listed) before anything reads the
/// outline; what is left is tidied, joined where a program had cut it, and normalised.
pub(crate) fn clean(mut blocks: Vec<Block>) -> Cleaned {
    let mut out = Cleaned {
        forbidden_removed: remove_forbidden(&mut blocks),
        ..Cleaned::default()
    };
    let sites = site_names(&blocks);
    // Line by line: what is clutter on its own.
    let mut lines = Vec::new();
    for block in blocks {
        let para = match block {
            Block::Table(rows) => {
                let rows = rows
                    .into_iter()
                    .map(|r| r.into_iter().map(|c| tidy_spaces(&c)).collect())
                    .collect();
                lines.push(Line {
                    block: Block::Table(rows),
                    original: String::new(),
                    indented: false,
                    why: None,
                });
                continue;
            }
            Block::Para(p) => p,
        };
        let text = tidy_spaces(&para.text);
        if text.is_empty() {
            continue;
        }
        // Word's field codes left in copied text ("=1\*CHINESENUM3", "\* MERGEFORMAT").
        let (text, codes) = cut_field_codes(&text);
        for code in codes {
            out.removed.push(Removed {
                text: code,
                why: FIELD_CODE,
            });
        }
        let text = close_number_spacing(&text);
        // Notices and web addresses inside a line of report text: the notice goes, the
        // text stays.
        let (text, cut) = cut_inline_notices(&text);
        for fragment in cut {
            out.removed.push(Removed {
                text: fragment,
                why: INLINE_NOTICE,
            });
        }
        if text.is_empty() {
            continue;
        }
        let original = if text.len() < para.text.trim().len() {
            text.clone()
        } else {
            para.text.trim().to_string()
        };
        let indented = para
            .text
            .starts_with(|c: char| c.is_whitespace() || c == '\u{3000}');
        let why = if is_page_number(&text) {
            out.page_markers += 1;
            Some("page number")
        } else if crate::frame::is_framed_title(&original) {
            // The frame is taken off with the title's lines.
            None
        } else {
            boilerplate::site_line(&original).or_else(|| clutter(&original, &sites))
        };
        let (text, pages) = cut_page_numbers(&text);
        out.page_markers += pages;
        lines.push(Line {
            block: Block::Para(Para { text, ..para }),
            original,
            indented,
            why,
        });
    }
    // Clutter seen from its neighbours.
    listed_outline(&mut lines);
    teasers(&mut lines);
    notice_blocks(&mut lines);
    related_links(&mut lines);
    head_tags(&mut lines);
    page_headers(&mut lines);

    let mut kept = Vec::new();
    for line in lines {
        match line.why {
            Some(why) => out.removed.push(Removed {
                text: line.original,
                why,
            }),
            None => kept.push(line),
        }
    }
    join_previewer_pages(&mut kept, &mut out);
    join_wrapped_lines(&mut kept, &mut out);
    // An outline number alone on its line, its heading on the next (PDF copies: "（一）"
    // then "坚持精准施策，……"): one line again.
    let mut number: Option<String> = None;
    for line in kept {
        match line.block {
            Block::Para(p) => {
                let (text, fixed) = full_width(&p.text);
                out.punctuation_fixed += fixed;
                let text = tidy_spaces(&text);
                if is_lone_number(&text) && number.is_none() {
                    out.lines_joined += 1;
                    number = Some(text);
                    continue;
                }
                let text = match number.take() {
                    Some(n) => format!("{n}{text}"),
                    None => text,
                };
                out.doubts.extend(reading_slips(&text));
                if !text.is_empty() {
                    out.blocks.push(Block::Para(Para { text, ..p }));
                }
            }
            table => {
                if let Some(n) = number.take() {
                    out.blocks.push(Block::para(n));
                }
                out.blocks.push(table);
            }
        }
    }
    if let Some(n) = number {
        out.blocks.push(Block::para(n));
    }
    out
}

/// Why a fragment was cut out of a line: a Word field code.
pub(crate) const FIELD_CODE: &str = "a Word field code left in the text";

/// Cuts Word field codes out of a line: "=1\*CHINESENUM3" (a list number's field), "\*
/// MERGEFORMAT", "MERGEFORMAT". Gives the line without them and the codes cut.
pub(crate) fn cut_field_codes(line: &str) -> (String, Vec<String>) {
    let mut text = line.to_string();
    let mut cut = Vec::new();
    while let Some(at) = text.find("\\*") {
        // "=1\*CHINESENUM3": the "=N" before, the switch name and its digits after.
        let start = text[..at]
            .rfind('=')
            .filter(|&eq| {
                text[eq + 1..at]
                    .chars()
                    .all(|c| c.is_ascii_digit() || c == ' ')
            })
            .unwrap_or(at);
        let after = &text[at + 2..];
        let skip = after.len() - after.trim_start().len();
        let word = after[skip..]
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(after.len() - skip);
        let end = at + 2 + skip + word;
        cut.push(text[start..end].to_string());
        text = format!("{}{}", &text[..start], &text[end..]);
    }
    while let Some(at) = text.find("MERGEFORMAT") {
        cut.push("MERGEFORMAT".to_string());
        text = format!("{}{}", &text[..at], &text[at + "MERGEFORMAT".len()..]);
    }
    (tidy_spaces(&text), cut)
}

/// "1 .是", "2 、招商": an Arabic outline number spaced from its mark, closed up.
fn close_number_spacing(line: &str) -> String {
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    if (1..=2).contains(&digits) {
        let rest = &line[digits..];
        let trimmed = rest.trim_start();
        if trimmed.len() < rest.len() && trimmed.starts_with(['.', '．', '、']) {
            return format!("{}{trimmed}", &line[..digits]);
        }
    }
    line.to_string()
}

/// A line that is only an outline number: "（一）", "一、", "1.".
fn is_lone_number(t: &str) -> bool {
    huibao_core::marker::parse(t).is_some_and(|m| m.len == t.len())
        && crate::marker::parse(t).is_none()
}

/// Why the lines of an outline listed before the body were removed.
pub(crate) const LISTED_OUTLINE: &str = "the outline (提纲) listed before the body";

/// An outline (提纲, 目录) listed before the body: a run of two or more numbered short
/// lines, each printed again as a heading further down, in order. The body's headings are
/// the report's; the list is removed (with its "提纲" line) so it is not printed twice.
fn listed_outline(lines: &mut [Line]) {
    let is_entry = |l: &Line| {
        l.why.is_none()
            && l.text().is_some_and(|t| {
                t.chars().count() <= 40 && !t.contains('。') && crate::marker::parse(t).is_some()
            })
    };
    let Some(start) = (0..lines.len()).find(|&i| is_entry(&lines[i])) else {
        return;
    };
    let key = |t: &str| -> String {
        t.chars()
            .filter(|c| !c.is_whitespace() && !matches!(c, '：' | ':' | '。'))
            .collect()
    };
    let first = key(lines[start].text().unwrap_or_default());
    // The list ends where its lines stop, or where the body's first heading follows it.
    let end = (start + 1..lines.len())
        .find(|&i| !is_entry(&lines[i]) || key(lines[i].text().unwrap_or_default()) == first)
        .unwrap_or(lines.len());
    if end - start < 2 {
        return;
    }
    let mut from = end;
    for i in start..end {
        let want = key(lines[i].text().unwrap_or_default());
        match (from..lines.len())
            .find(|&j| lines[j].text().is_some_and(|t| key(t).starts_with(&want)))
        {
            Some(j) => from = j + 1,
            None => return,
        }
    }
    for line in &mut lines[start..end] {
        line.why = Some(LISTED_OUTLINE);
    }
    if let Some(before) = start.checked_sub(1) {
        let t = lines[before]
            .text()
            .unwrap_or_default()
            .trim_end_matches(['：', ':']);
        if ["提纲", "目录", "报告提纲"].contains(&t) {
            lines[before].why = Some(LISTED_OUTLINE);
        }
    }
}

/// A site's teaser: the report's first sentences, printed again in full a few lines
/// below ("今天的务虚会，……我感觉总结精炼。" above "今天的务虚会，……我感觉总结精炼，思路精准，
/// ……").
fn teasers(lines: &mut [Line]) {
    for i in 0..lines.len().min(12) {
        let Some(t) = lines[i].text().filter(|_| lines[i].why.is_none()) else {
            continue;
        };
        let stem = t.trim_end_matches(['。', '…', '.', ' ']);
        if stem.chars().count() < 20 {
            continue;
        }
        let repeated = lines[i + 1..]
            .iter()
            .take(4)
            .filter_map(Line::text)
            .any(|later| later.len() > t.len() && later.starts_with(stem));
        if repeated {
            lines[i].why = Some("a site's teaser: the text below, cut short");
        }
    }
}

/// Why a fragment was cut out of a line of report text.
pub(crate) const INLINE_NOTICE: &str = "a site's notice inside a line of report text";

/// Cuts a site's notices out of a line that also holds report text: "……此处隐藏28337个字……",
/// "（此处省略1200字）", "(未完,全文共2270字,当前显示592字)", and a web address with the
/// site's label before it ("携笔同道公文写作范文宝典:www.xiebitongdao.com"). Gives the
/// line without them (trimmed) and the fragments cut. A line that is only a notice or an
/// address is left whole, for the line's own checks.
pub(crate) fn cut_inline_notices(line: &str) -> (String, Vec<String>) {
    let mut text = line.to_string();
    let mut cut = Vec::new();
    while let Some((start, end)) = hidden_count(&text).or_else(|| labelled_address(&text)) {
        let rest_han = text[..start]
            .chars()
            .chain(text[end..].chars())
            .filter(|&c| is_han(c))
            .count();
        if rest_han < 10 {
            break;
        }
        cut.push(text[start..end].trim().to_string());
        text = format!("{}{}", text[..start].trim_end(), text[end..].trim_start());
    }
    (text.trim().to_string(), cut)
}

/// "……此处隐藏28337个字……", "（此处省略1200字）", "(未完,全文共2270字,当前显示592字)":
/// where the notice starts and ends in `s`.
fn hidden_count(s: &str) -> Option<(usize, usize)> {
    let key = ["此处隐藏", "此处省略", "省略", "未完"]
        .iter()
        .find_map(|k| s.find(k).map(|at| (at, *k)))?;
    let (at, k) = key;
    let after = &s[at + k.len()..];
    // The count of characters follows closely: "28337个字", "1200字", "全文共2270字".
    let window: String = after.chars().take(24).collect();
    let digit = window.find(|c: char| c.is_ascii_digit())?;
    let zi = window[digit..].find('字')? + digit;
    let mut end = at + k.len() + zi + '字'.len_utf8();
    // The notice's own closing: "……", "）", ")", and for 未完 the rest up to its bracket.
    if k == "未完" {
        end = at + after.find([')', '）']).map_or(after.len(), |i| i + 1) + k.len();
    }
    let tail: usize = s[end..]
        .chars()
        .take_while(|&c| matches!(c, '…' | '.' | '）' | ')' | '】' | ']'))
        .map(char::len_utf8)
        .sum();
    end += tail;
    let head: usize = s[..at]
        .chars()
        .rev()
        .take_while(|&c| matches!(c, '…' | '.' | '（' | '(' | '【' | '[' | ' '))
        .map(char::len_utf8)
        .sum();
    Some((at - head, end))
}

/// A web address with the site's label before it ("携笔同道公文写作范文宝典:www.x.com"):
/// where the label starts and the address ends.
fn labelled_address(s: &str) -> Option<(usize, usize)> {
    let lower = s.to_ascii_lowercase();
    let at = ["http://", "https://", "www."]
        .iter()
        .filter_map(|k| lower.find(k))
        .min()?;
    let end = at
        + s[at..]
            .find(|c: char| !(c.is_ascii_alphanumeric() || "./:-_?=&%#~".contains(c)))
            .unwrap_or(s.len() - at);
    // The label: Han characters before a colon right before the address.
    let before = s[..at].trim_end();
    let start = match before.strip_suffix([':', '：']) {
        Some(label) => {
            let n: usize = label
                .chars()
                .rev()
                .take_while(|&c| is_han(c))
                .take(20)
                .map(char::len_utf8)
                .sum();
            label.len() - n
        }
        None => at,
    };
    Some((start, end))
}

/// A site's notice ("温馨提示：") and the lines under it that speak of the site, numbered
/// download instructions included.
fn notice_blocks(lines: &mut [Line]) {
    let mut i = 0;
    while i < lines.len() {
        let Some(text) = lines[i].text() else {
            i += 1;
            continue;
        };
        if !boilerplate::is_notice_head(text) {
            i += 1;
            continue;
        }
        lines[i].why = Some("site notice");
        i += 1;
        while i < lines.len() {
            match lines[i].text() {
                None if matches!(lines[i].block, Block::Para(_)) => {}
                Some(t) if boilerplate::is_notice_line(t) => lines[i].why = Some("site notice"),
                _ => break,
            }
            i += 1;
        }
    }
}

/// "相关推荐" and the titles of other pages listed under it. A short line right above the
/// body's text is a title, not a link.
fn related_links(lines: &mut [Line]) {
    let mut i = 0;
    while i < lines.len() {
        let head = match (&lines[i].block, lines[i].why) {
            (Block::Para(p), _) => boilerplate::is_related_head(&p.text),
            _ => false,
        };
        i += 1;
        if !head {
            continue;
        }
        lines[i - 1].why.get_or_insert("list of related pages");
        while i < lines.len() {
            match lines[i].text() {
                None if matches!(lines[i].block, Block::Para(_)) => {}
                Some(t) if boilerplate::is_link_line(t) && !body_follows(lines, i) => {
                    lines[i].why = Some("link to a related page")
                }
                _ => break,
            }
            i += 1;
        }
    }
}

/// Whether the next kept line after `i` is a sentence of the body.
fn body_follows(lines: &[Line], i: usize) -> bool {
    lines[i + 1..]
        .iter()
        .find_map(Line::text)
        .is_some_and(is_body_sentence)
}

/// A line of running text: long, with sentence punctuation.
fn is_body_sentence(t: &str) -> bool {
    t.chars().count() > 20 && t.contains(['。', '，', '；'])
}

/// Tag lines a site prints above the title ("2023", "范文", "上半年", the organization
/// alone): only in the head, before the first line of the body.
fn head_tags(lines: &mut [Line]) {
    /// A head is a few lines: a site's tags, organs, a title over two lines.
    const HEAD_LINES: usize = 40;
    let mut head = Vec::new();
    for (i, line) in lines.iter().enumerate().take(HEAD_LINES) {
        match (&line.block, line.why) {
            (Block::Table(_), _) => break,
            (Block::Para(_), Some(_)) => {}
            (Block::Para(p), None) => {
                if is_body_sentence(&p.text) || crate::marker::parse(&p.text).is_some() {
                    break;
                }
                head.push(i);
            }
        }
    }
    let texts: Vec<&str> = head.iter().filter_map(|&i| lines[i].text()).collect();
    let mut titles: Vec<&str> = texts
        .iter()
        .copied()
        .filter(|t| crate::frame::is_title_like(t))
        .collect();
    // Titles the site's lines were removed for still name the fragments.
    let end = head.last().map_or(0, |&i| i + 1);
    titles.extend(
        lines[..end]
            .iter()
            .filter(|l| l.why.is_some() && crate::frame::is_title_like(&l.original))
            .map(|l| l.original.as_str()),
    );
    let tags = boilerplate::tag_lines(&texts, &titles);
    let mut marked = Vec::new();
    for (at, why) in tags {
        // A title in its own right ("政府工作报告" under a site's "2023年……政府工作报告—
        // 全文") is a fragment only of a title below it: tags stand above the title.
        let own_title = crate::frame::is_title_like(texts[at])
            && !lines[head[at] + 1..end].iter().any(|l| {
                let t = l.text().unwrap_or(l.original.as_str());
                t.len() > texts[at].len() && crate::frame::is_title_like(t) && t.contains(texts[at])
            });
        if why == boilerplate::TITLE_FRAGMENT && own_title {
            continue;
        }
        marked.push((head[at], why));
    }
    for (at, why) in marked {
        lines[at].why = Some(why);
    }
}

/// The title printed again at the top of later pages (a running header).
fn page_headers(lines: &mut [Line]) {
    let Some(first) = lines.iter().position(|l| l.text().is_some()) else {
        return;
    };
    let Some(title) = lines[first]
        .text()
        .filter(|t| crate::frame::is_title_like(t))
        .map(str::to_string)
    else {
        return;
    };
    // Not the line right below (a title printed twice is the frame's to read).
    for line in lines.iter_mut().skip(first + 2) {
        if line.text() == Some(title.as_str()) {
            line.why = Some("page header (the title repeated)");
        }
    }
}

/// An online previewer's pages, one a line opening with its number: the numbers are
/// removed and the pages joined into the one text they were cut from.
fn join_previewer_pages(kept: &mut Vec<Line>, out: &mut Cleaned) {
    let texts: Vec<&str> = kept
        .iter()
        .map(|l| match &l.block {
            Block::Para(p) => p.text.as_str(),
            Block::Table(_) => "",
        })
        .collect();
    let Some((start, prefixes)) = pages::previewer_pages(&texts) else {
        return;
    };
    let mut joined = String::new();
    for (k, prefix) in prefixes.iter().enumerate() {
        if let Block::Para(p) = &kept[start + k].block {
            out.removed.push(Removed {
                text: p.text[..*prefix].to_string(),
                why: "page number of an online previewer",
            });
            joined.push_str(&p.text[*prefix..]);
        }
    }
    out.lines_joined += prefixes.len() - 1;
    let pages: Vec<Line> = kept.drain(start..start + prefixes.len()).collect();
    let mut first = pages.into_iter().next().expect("two pages or more");
    if let Block::Para(p) = &mut first.block {
        p.text = joined;
    }
    kept.insert(start, first);
}

/// Lines a program wrapped at the page width, joined back into their paragraphs.
fn join_wrapped_lines(kept: &mut Vec<Line>, out: &mut Cleaned) {
    let wrap: Vec<pages::WrapLine> = kept
        .iter()
        .map(|l| pages::WrapLine {
            text: match &l.block {
                Block::Para(p) => p.text.as_str(),
                Block::Table(_) => "",
            },
            indented: l.indented,
        })
        .collect();
    let join = pages::wrapped(&wrap);
    let mut merged: Vec<Line> = Vec::with_capacity(kept.len());
    for (line, join) in std::mem::take(kept).into_iter().zip(join) {
        match (merged.last_mut(), &line.block) {
            (Some(prev), Block::Para(p)) if join => {
                if let Block::Para(q) = &mut prev.block {
                    q.text.push_str(&p.text);
                    out.lines_joined += 1;
                    continue;
                }
                merged.push(line);
            }
            _ => merged.push(line),
        }
    }
    *kept = merged;
}

/// Reading slips of OCR or retyping in figures: "I-IO月" (letters for digits), "14。14%"
/// (a full stop for a decimal point). They are kept as written and listed.
pub(crate) fn reading_slips(text: &str) -> Vec<huibao_i18n::Message> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let lookalike = |c: char| matches!(c, 'I' | 'l' | 'O' | 'o');
    let unit = |c: char| {
        matches!(
            c,
            '月' | '日' | '年' | '%' | '亿' | '万' | '个' | '家' | '项' | '元' | '吨' | '亩'
        )
    };
    let mut i = 0;
    while i < chars.len() {
        // A run of digits and look-alike letters (with - and .) before a unit.
        let start = i;
        while i < chars.len()
            && (chars[i].is_ascii_digit() || lookalike(chars[i]) || matches!(chars[i], '-' | '.'))
        {
            i += 1;
        }
        if i > start {
            let run: String = chars[start..i].iter().collect();
            let letter_before = start > 0 && chars[start - 1].is_ascii_alphabetic();
            if run.chars().any(lookalike)
                && !letter_before
                && chars.get(i).copied().is_some_and(unit)
                && run.chars().any(|c| c.is_ascii_digit() || lookalike(c))
            {
                let read: String = run
                    .chars()
                    .map(|c| match c {
                        'I' | 'l' => '1',
                        'O' | 'o' => '0',
                        c => c,
                    })
                    .collect();
                out.push(huibao_i18n::msg!(
                    "import-doubt-ocr-slip",
                    written = format!("{run}{}", chars[i]),
                    read = format!("{read}{}", chars[i])
                ));
            }
            continue;
        }
        // A full stop between digits: "14。14%".
        if chars[i] == '。'
            && i > 0
            && chars[i - 1].is_ascii_digit()
            && chars.get(i + 1).is_some_and(char::is_ascii_digit)
        {
            let a = chars[..i]
                .iter()
                .rev()
                .take_while(|c| c.is_ascii_digit())
                .count();
            let b = chars[i + 1..]
                .iter()
                .take_while(|c| c.is_ascii_digit() || **c == '%')
                .count();
            let slip: String = chars[i - a..i + 1 + b].iter().collect();
            out.push(huibao_i18n::msg!(
                "import-doubt-full-stop-in-number",
                written = slip.clone(),
                read = slip.replace('。', ".")
            ));
        }
        i += 1;
    }
    out
}

/// A line that is only a page number: "- 2 -", "— 2 —", "第2页", "第 2 页 共 9 页", "2/9".
fn is_page_number(s: &str) -> bool {
    let t: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    let inner = t.trim_matches(['-', '—', '－', '–', '·']);
    if inner.len() < t.len() && !inner.is_empty() && inner.chars().all(|c| c.is_ascii_digit()) {
        return true;
    }
    if let Some(rest) = t.strip_prefix('第') {
        let page = rest.trim_start_matches(|c: char| c.is_ascii_digit());
        if page.len() < rest.len() {
            let after = page.trim_start_matches('页');
            if after.len() < page.len() {
                let after = after.trim_start_matches(['/', '，', ',', '、']);
                return after.is_empty()
                    || after
                        .strip_prefix('共')
                        .map(|r| r.trim_start_matches(|c: char| c.is_ascii_digit()))
                        .is_some_and(|r| r == "页");
            }
        }
    }
    if let Some((a, b)) = t.split_once('/') {
        return !a.is_empty()
            && !b.is_empty()
            && a.len() <= 3
            && b.len() <= 3
            && (a.to_string() + b).chars().all(|c| c.is_ascii_digit());
    }
    t.len() <= 3 && !t.is_empty() && t.chars().all(|c| c.is_ascii_digit())
}

/// Cuts page numbers glued into a line: "…推进园区— 2 —建设…", "…推进-2-建设…".
fn cut_page_numbers(s: &str) -> (String, usize) {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut count = 0;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if matches!(c, '—' | '－' | '-') {
            // dash, optional spaces, 1–3 digits, optional spaces, the same dash
            let mut j = i + 1;
            while chars.get(j) == Some(&' ') {
                j += 1;
            }
            let start = j;
            while chars.get(j).is_some_and(|d| d.is_ascii_digit()) {
                j += 1;
            }
            let n = j - start;
            while chars.get(j) == Some(&' ') {
                j += 1;
            }
            let spaced = start > i + 1;
            let prev_ok = i == 0 || is_chinese(chars[i - 1]);
            if (1..=3).contains(&n)
                && chars.get(j) == Some(&c)
                && (c != '-' || spaced || prev_ok)
                && (c != '-' || chars.get(j + 1).is_none_or(|&d| is_chinese(d)))
            {
                count += 1;
                i = j + 1;
                continue;
            }
        }
        out.push(c);
        i += 1;
    }
    (out, count)
}

/// Words that mark a line as part of a web page or a download site rather than the report.
const NAVIGATION: [&str; 37] = [
    "无障碍",
    "长者专区",
    "智能问答",
    "网站地图",
    "导航",
    "首页",
    "相关文章",
    "推荐文章",
    "推荐专题",
    "热门文章",
    "最近更新",
    "最新更新",
    "上一篇",
    "下一篇",
    "返回顶部",
    "返回列表",
    "猜你喜欢",
    "相关推荐",
    "阅读全文",
    "展开全文",
    "收藏本文",
    "分享到",
    "打印本页",
    "关闭窗口",
    "浏览次数",
    "阅读次数",
    "点击数",
    "发布时间",
    "发布日期",
    "责任编辑",
    "扫一扫",
    "二维码",
    "免费论文",
    "公文素材",
    "范文网",
    "文库",
    "【打印】",
];

const DOWNLOAD: [&str; 6] = ["下载", "本文档", "本文由", "本文来源", "文档来源", "VIP"];

/// Why a line is clutter, or `None` when it may be report text.
fn clutter(s: &str, sites: &[String]) -> Option<&'static str> {
    let lower = s.to_lowercase();
    if lower.contains("http://")
        || lower.contains("https://")
        || lower.contains("www.")
        || has_domain(&lower)
    {
        return Some("web address");
    }
    if s.contains("版权所有")
        || s.contains('©')
        || lower.contains("copyright")
        || s.contains("ICP备")
    {
        return Some("copyright notice");
    }
    if s.contains("转载") || s.contains("来源网站") || s.contains("》出自") || s.starts_with("出自")
    {
        return Some("source notice");
    }
    let chars = s.chars().count();
    // Report sentences are long and end in 。; page furniture is short.
    let sentence = s.contains('。') && chars > 40;
    // Headings are short too; a line that opens with an outline number is the report's.
    if sentence || crate::marker::parse(s).is_some() {
        return None;
    }
    if chars <= 60 && DOWNLOAD.iter().any(|w| s.contains(w)) {
        return Some("download notice");
    }
    if chars <= 60 && NAVIGATION.iter().any(|w| s.contains(w)) {
        return Some("web-page navigation");
    }
    if chars <= 80 && is_breadcrumb(s) {
        return Some("web-page navigation");
    }
    if chars <= 60 && is_metadata_row(s) {
        return Some(METADATA_ROW);
    }
    if chars <= 40 && has_timestamp(s) {
        return Some("web-page timestamp");
    }
    if chars <= 40 && sites.iter().any(|site| s.contains(site.as_str())) {
        return Some("site name");
    }
    None
}

/// Why a line is a web page's metadata row.
pub(crate) const METADATA_ROW: &str = "web-page metadata (date, source, index number)";

/// Keys of the metadata rows web pages and government disclosure pages print above a
/// report ("索引号：…", "发布日期：… 来源：…").
const METADATA_KEYS: [&str; 16] = [
    "索引号",
    "主题分类",
    "发布机构",
    "公开方式",
    "成文日期",
    "发文日期",
    "发布日期",
    "发布时间",
    "组配分类",
    "公开范围",
    "访问次数",
    "浏览次数",
    "阅读次数",
    "来源：",
    "作者：",
    "文号：",
];

/// A web page's metadata row: "2021-04-02 来源：半年工作总结", "索引号 | 1133…/2008-17089 |",
/// "成文日期： | 2008-03-12 |"; a line of report text is never one.
fn is_metadata_row(s: &str) -> bool {
    let s = s.replace(':', "：");
    if s.contains('。') {
        return false;
    }
    let keys = METADATA_KEYS.iter().filter(|k| s.contains(**k)).count();
    let iso_date = s.as_bytes().windows(10).any(|w| {
        w[..4].iter().all(u8::is_ascii_digit)
            && w[4] == b'-'
            && w[5..7].iter().all(u8::is_ascii_digit)
            && w[7] == b'-'
            && w[8..].iter().all(u8::is_ascii_digit)
    });
    let piped = s.contains('|');
    keys >= 2
        || (keys == 1
            && (iso_date
                || piped
                || s.trim_start().starts_with(
                    METADATA_KEYS
                        .iter()
                        .find(|k| s.contains(**k))
                        .copied()
                        .unwrap_or("\u{0}"),
                )))
}

/// A breadcrumb trail without its "当前位置": "->  政务公开  ->  规划计划  ->  年度工作报告",
/// "首页 > 工作总结 > 正文": two separators or more, short names between them.
fn is_breadcrumb(s: &str) -> bool {
    let s = s
        .replace("->", "\u{1}")
        .replace(['>', '»', '›', '＞'], "\u{1}");
    let parts: Vec<&str> = s.split('\u{1}').map(str::trim).collect();
    parts.len() >= 3
        && parts
            .iter()
            .all(|p| p.chars().count() <= 12 && !p.contains(['。', '，', '；']))
}

/// "m.gjknj.com", "example.gov.cn": a host name in a line.
fn has_domain(lower: &str) -> bool {
    const TLDS: [&str; 7] = [".com", ".cn", ".net", ".org", ".gov", ".edu", ".html"];
    TLDS.iter().any(|tld| {
        lower.match_indices(tld).any(|(i, _)| {
            let before = lower[..i].chars().next_back();
            let after = lower[i + tld.len()..].chars().next();
            before.is_some_and(|c| c.is_ascii_alphanumeric())
                && after.is_none_or(|c| !c.is_ascii_alphanumeric())
        })
    })
}

/// "2022-03-10 10:32:22" or "10:32".
fn has_timestamp(s: &str) -> bool {
    let b = s.as_bytes();
    b.windows(5).any(|w| {
        w[0].is_ascii_digit()
            && w[1].is_ascii_digit()
            && w[2] == b':'
            && w[3].is_ascii_digit()
            && w[4].is_ascii_digit()
    })
}

/// Names of the web site the text was copied from ("卡耐基范文网"), learnt from notices
/// such as "来源网站:卡耐基范文网" or a short line made of a name ending in 网.
fn site_names(blocks: &[Block]) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for text in blocks.iter().filter_map(Block::text) {
        let text = text.trim();
        for key in ["来源网站", "来源", "出自"] {
            if let Some(at) = text.find(key) {
                let rest = text[at + key.len()..].trim_start_matches([':', '：', ' ', '\u{3000}']);
                let name: String = rest.chars().take_while(|&c| is_han(c)).collect();
                if name.ends_with('网') && name.chars().count() >= 3 {
                    names.push(name);
                }
            }
        }
        let first: String = text.chars().take_while(|&c| is_han(c)).collect();
        let n = first.chars().count();
        if first.ends_with('网') && (3..=10).contains(&n) && text.chars().count() <= 30 {
            names.push(first);
        }
    }
    names.sort();
    names.dedup();
    names
}

/// Makes half-width punctuation in Chinese context full-width (，；：！？（）“”), 〝〞 and
/// paired 〃 (used as quotation marks) “ ”, and full-width digits and letters half-width.
/// Returns the text and the number of changes.
pub(crate) fn full_width(s: &str) -> (String, usize) {
    let chars: Vec<char> = s.chars().collect();
    let mut out: Vec<char> = Vec::with_capacity(chars.len());
    let mut fixed = 0;
    let pairs = paren_pairs(&chars);
    let mut quote_open = true;
    // 〃 used as quotation marks comes in pairs (a ditto mark stands alone in a table).
    let dittos_paired = chars.iter().filter(|&&c| c == '〃').count() % 2 == 0;
    let mut ditto_open = true;
    for (i, &c) in chars.iter().enumerate() {
        let prev = i.checked_sub(1).map(|j| chars[j]);
        let next = chars.get(i + 1).copied();
        let chinese_near = prev.is_some_and(is_chinese) || next.is_some_and(is_chinese);
        let digits_around =
            prev.is_some_and(|c| c.is_ascii_digit()) && next.is_some_and(|c| c.is_ascii_digit());
        let replacement = half_width_alphanumeric(c).or(match c {
            ',' if chinese_near && !digits_around => Some('，'),
            ';' if chinese_near => Some('；'),
            ':' if chinese_near && !digits_around => Some('：'),
            '!' if chinese_near => Some('！'),
            '?' if chinese_near => Some('？'),
            '(' | ')' if pairs[i] => Some(if c == '(' { '（' } else { '）' }),
            '"' if chinese_near => {
                let q = if quote_open { '“' } else { '”' };
                quote_open = !quote_open;
                Some(q)
            }
            // "四.存在的主要困难和问题": a Chinese number opening the line, then a stop.
            '.' | '．' if opens_with_chinese_number(&chars[..i]) => Some('、'),
            '.' if prev.is_some_and(is_han) && next.is_none_or(is_chinese) => Some('。'),
            '〝' => Some('“'),
            '〞' => Some('”'),
            '〃' if dittos_paired => {
                let q = if ditto_open { '“' } else { '”' };
                ditto_open = !ditto_open;
                Some(q)
            }
            '．' if prev.is_some_and(|p| p.is_ascii_digit() || ('０'..='９').contains(&p)) => {
                Some('.')
            }
            _ => None,
        });
        match replacement {
            Some(r) => {
                fixed += 1;
                out.push(r);
            }
            None => out.push(c),
        }
    }
    (out.into_iter().collect(), fixed)
}

/// Whether `before` (what precedes a stop in a line) is a Chinese outline number alone:
/// "四" in "四.存在的主要困难和问题", after the line's indent.
fn opens_with_chinese_number(before: &[char]) -> bool {
    let number: Vec<char> = before
        .iter()
        .copied()
        .skip_while(|c| c.is_whitespace())
        .collect();
    (1..=3).contains(&number.len()) && number.iter().all(|c| "一二三四五六七八九十".contains(*c))
}

/// Marks half-width parentheses to make full-width: a matched pair with Chinese inside or
/// next to it ("(一)", "中东欧(布达佩斯)"), or a lone one next to Chinese text.
fn paren_pairs(chars: &[char]) -> Vec<bool> {
    let mut mark = vec![false; chars.len()];
    let mut stack = Vec::new();
    let near = |i: usize| {
        i.checked_sub(1).is_some_and(|j| is_chinese(chars[j]))
            || chars.get(i + 1).is_some_and(|&c| is_chinese(c))
    };
    for (i, &c) in chars.iter().enumerate() {
        match c {
            '(' => stack.push(i),
            ')' => match stack.pop() {
                Some(open) => {
                    let inside = chars[open + 1..i].iter().any(|&c| is_chinese(c));
                    if inside || near(open) || near(i) {
                        mark[open] = true;
                        mark[i] = true;
                    }
                }
                None => mark[i] = near(i),
            },
            _ => {}
        }
    }
    for open in stack {
        mark[open] = near(open);
    }
    mark
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn punctuation_in_chinese_context() {
        let (s, n) =
            full_width("xxxx年以来,xxx科技城(一)按照;截至xx月:完成R&D (A, B) 1,234元10:30");
        assert_eq!(
            s,
            "xxxx年以来，xxx科技城（一）按照；截至xx月：完成R&D (A, B) 1,234元10:30"
        );
        assert_eq!(n, 5);
        assert_eq!(
            full_width("中东欧(布达佩斯)创新基地").0,
            "中东欧（布达佩斯）创新基地"
        );
        assert_eq!(
            full_width("《三年行动计划(xxxx-xxxx)》").0,
            "《三年行动计划（xxxx-xxxx）》"
        );
        assert_eq!(full_width("转载请保留,谢谢!").0, "转载请保留，谢谢！");
        assert_eq!(full_width("增长１２．５％").0, "增长12.5%");
        assert_eq!(
            full_width("提出\"一企一策\"要求.").0,
            "提出“一企一策”要求。"
        );
        assert_eq!(full_width("1.5亿元").0, "1.5亿元");
        // From the published corpus (38): a part numbered with an ASCII stop.
        assert_eq!(
            full_width("四.存在的主要困难和问题").0,
            "四、存在的主要困难和问题"
        );
        assert_eq!(full_width("  十二.其他工作").0, "  十二、其他工作");
        assert_eq!(full_width("第四.其他").0, "第四。其他");
    }

    #[test]
    fn page_numbers() {
        for p in [
            "- 2 -",
            "— 12 —",
            "－3－",
            "第2页",
            "第 2 页 共 9 页",
            "2/9",
            "7",
        ] {
            assert!(is_page_number(p), "{p}");
        }
        for p in ["2022", "一、工作", "1-9月", "B-12"] {
            assert!(!is_page_number(p), "{p}");
        }
        assert_eq!(
            cut_page_numbers("推进园区— 2 —建设"),
            ("推进园区建设".into(), 1)
        );
        assert_eq!(
            cut_page_numbers("推进园区-3-建设"),
            ("推进园区建设".into(), 1)
        );
        assert_eq!(cut_page_numbers("YB-12-C地块"), ("YB-12-C地块".into(), 0));
        assert_eq!(cut_page_numbers("1-9月"), ("1-9月".into(), 0));
    }

    #[test]
    fn notices_inside_a_line_of_text() {
        // From the published corpus (03, 25): the notice goes, the text stays.
        let (text, cut) = cut_inline_notices(
            "在建项目28个，总投资6.299亿元；正在准备立项手续的项目19个，总 ……此处隐藏28337个字……拓宽招商思路，进一步加大力度，坚持重招商。",
        );
        assert_eq!(
            text,
            "在建项目28个，总投资6.299亿元；正在准备立项手续的项目19个，总拓宽招商思路，进一步加大力度，坚持重招商。"
        );
        assert_eq!(cut, ["……此处隐藏28337个字……"]);
        let (text, cut) = cut_inline_notices(
            "携笔同道公文写作范文宝典:www.xiebitongdao.com今天的务虚会,主题非常清楚,就是“回头望、向前看、再出发”。",
        );
        assert_eq!(
            text,
            "今天的务虚会,主题非常清楚,就是“回头望、向前看、再出发”。"
        );
        assert_eq!(cut, ["携笔同道公文写作范文宝典:www.xiebitongdao.com"]);
        // Invented: a truncation notice at the end of a paragraph.
        let (text, cut) = cut_inline_notices(
            "园区坚持项目为王，全年新签约项目68个，总投资达到320亿元。(未完,全文共2270字,当前显示592字)",
        );
        assert_eq!(
            text,
            "园区坚持项目为王，全年新签约项目68个，总投资达到320亿元。"
        );
        assert_eq!(cut, ["(未完,全文共2270字,当前显示592字)"]);
        // A line that is only the address is left to the line's own checks.
        let (text, cut) = cut_inline_notices("携笔同道公文写作范文宝典:www.xiebitongdao.com");
        assert_eq!(text, "携笔同道公文写作范文宝典:www.xiebitongdao.com");
        assert!(cut.is_empty());
        // Report text that speaks of omissions is not a notice.
        let line = "园区省略了部分审批环节，办理时间缩短一半以上。";
        assert_eq!(cut_inline_notices(line).0, line);
    }

    #[test]
    fn word_field_codes_and_split_numbers() {
        // Invented: a Word list number's field code left in copied text.
        let (text, cut) = cut_field_codes("=1\\*CHINESENUM3 一、主要工作完成情况");
        assert_eq!(text, "一、主要工作完成情况");
        assert_eq!(cut, ["=1\\*CHINESENUM3"]);
        let (text, cut) =
            cut_field_codes("园区实现营业收入48.65亿元\\* MERGEFORMAT，同比增长12.4%。");
        assert_eq!(text, "园区实现营业收入48.65亿元，同比增长12.4%。");
        assert_eq!(cut.len(), 1);
        // Invented: "1 .是" spacing.
        assert_eq!(
            close_number_spacing("1 .是项目建设提速。"),
            "1.是项目建设提速。"
        );
        assert_eq!(close_number_spacing("12 、招商"), "12、招商");
        assert_eq!(close_number_spacing("2022 年"), "2022 年");
        // A number alone on its line (PDF copies) joins its heading on the next.
        assert!(is_lone_number("（一）"));
        assert!(!is_lone_number("（一）坚持精准施策"));
        let c = clean(vec![
            Block::para("( 一)"),
            Block::para("坚持精准施策,经济运行稳中向好。"),
        ]);
        assert_eq!(
            c.blocks,
            vec![Block::para("（一）坚持精准施策，经济运行稳中向好。")]
        );
    }

    #[test]
    fn an_outline_listed_before_the_body_is_not_printed_twice() {
        // Invented: a report that lists its outline (提纲) before the body.
        let c = clean(vec![
            Block::para("园区2023年工作总结"),
            Block::para("提纲："),
            Block::para("一、主要工作完成情况"),
            Block::para("二、存在的问题"),
            Block::para("三、2024年工作计划"),
            Block::para("一、主要工作完成情况"),
            Block::para("今年以来，园区经济运行稳中有进，完成营业收入48.65亿元。"),
            Block::para("二、存在的问题"),
            Block::para("项目储备不足。"),
            Block::para("三、2024年工作计划"),
            Block::para("加快项目建设。"),
        ]);
        assert_eq!(c.blocks.len(), 7);
        assert_eq!(
            c.removed.iter().filter(|r| r.why == LISTED_OUTLINE).count(),
            4
        );
        // Headings each followed by text are the body, not a listed outline.
        let c = clean(vec![
            Block::para("一、主要工作完成情况"),
            Block::para("二、存在的问题"),
            Block::para("项目储备不足。"),
        ]);
        assert_eq!(c.blocks.len(), 3);
    }

    #[test]
    fn metadata_rows() {
        // From the published corpus (27, 07, 19).
        for l in [
            "2021-04-02   来源:半年工作总结",
            "索引号 | 11330208591592676Q/2008-17089 |",
            "成文日期: | 2008-03-12 |",
            "发布日期:2017-03-04 来源:经开区 访问次数: 字号:[ ]",
            "组配分类: | 政府工作报告 | 公开范围: | 面向全社会 |",
        ] {
            assert!(is_metadata_row(l), "{l}");
        }
        for l in [
            "资金来源：省级专项资金",
            "园区经济运行平稳，来源：统计局。",
            "工业园区上半年工作总结及下半年工作计划",
        ] {
            assert!(!is_metadata_row(l), "{l}");
        }
    }

    #[test]
    fn breadcrumbs() {
        // From the published corpus (19).
        assert!(is_breadcrumb(
            "  ->  政务公开  ->  规划计划  ->  年度工作报告"
        ));
        assert!(is_breadcrumb("首页 > 工作总结 > 正文"));
        // (35): a government site's accessibility bar.
        assert_eq!(
            clutter(
                "智能问答   |   无障碍浏览   |   长者专区   |   ENGLISH",
                &[]
            ),
            Some("web-page navigation")
        );
        assert!(!is_breadcrumb("增速>5%，营收>10亿元"));
        assert!(!is_breadcrumb("园区经济运行平稳。"));
    }

    #[test]
    fn web_clutter() {
        let lines = [
            "卡耐基范文网 导航",
            "来源网站:卡耐基范文网 2022-03-10 10:32:22",
            "卡耐基范文网",
            "区科技城管理委员会年度工作总结及下一步工作思路》出自:卡耐基范文网",
            "链接地址:http://m.gjknj.com/special/6655.html 转载请保留,谢谢!",
            "相关文章",
            "© 卡耐基范文网 m.gjknj.com 版权所有",
            "本文档由用户上传，免费下载",
        ];
        let blocks: Vec<Block> = lines.iter().map(|l| Block::para(*l)).collect();
        let sites = site_names(&blocks);
        assert_eq!(sites, vec!["卡耐基范文网".to_string()]);
        for l in lines {
            assert!(clutter(l, &sites).is_some(), "{l}");
        }
        for l in [
            "一、xxxx年工作总结",
            "同时，主动创新招商方式，充分利用微信等网络平台，开展线上招商和以商招商，下载量很大。",
            "（一）科创平台展开新篇章",
        ] {
            assert_eq!(clutter(l, &sites), None, "{l}");
        }
    }
}
