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
    /// Lines joined because a program had wrapped them or cut them into pages.
    pub lines_joined: usize,
    /// What looked like a reading slip (OCR): kept as written, listed for the reader.
    pub doubts: Vec<String>,
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
pub(crate) fn clean(blocks: Vec<Block>) -> Cleaned {
    let sites = site_names(&blocks);
    let mut out = Cleaned::default();
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
        let original = para.text.trim().to_string();
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
    for line in kept {
        match line.block {
            Block::Para(p) => {
                let (text, fixed) = full_width(&p.text);
                out.punctuation_fixed += fixed;
                let text = tidy_spaces(&text);
                out.doubts.extend(reading_slips(&text));
                if !text.is_empty() {
                    out.blocks.push(Block::Para(Para { text, ..p }));
                }
            }
            table => out.blocks.push(table),
        }
    }
    out
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
    for (at, why) in tags {
        lines[head[at]].why = Some(why);
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
pub(crate) fn reading_slips(text: &str) -> Vec<String> {
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
                out.push(format!(
                    "“{run}{}” reads like an OCR slip for “{read}{}”: kept as written; correct it in the text",
                    chars[i], chars[i]
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
            out.push(format!(
                "“{slip}” has a full stop between digits, perhaps an OCR slip for “{}”: kept as written",
                slip.replace('。', ".")
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
const NAVIGATION: [&str; 33] = [
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
    if chars <= 40 && has_timestamp(s) {
        return Some("web-page timestamp");
    }
    if chars <= 40 && sites.iter().any(|site| s.contains(site.as_str())) {
        return Some("site name");
    }
    None
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
