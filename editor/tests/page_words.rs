//! The page says nothing of its own: every word of `assets/index.html` and `assets/app.js`
//! is a catalog ID (`locales/*/editor-page.ftl`) handed over by GET /api/words in the run's
//! language. A Chinese word or an English sentence written into the page again fails here;
//! so does an ID the served words lack in either language.

use huibao_editor::{Editor, EditorOptions, Request};
use huibao_i18n::{Lang, PAGE_PREFIX};
use huibao_pipeline::Session;
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::PathBuf;

/// What may stay in the page as written: document text, the report's own language whatever
/// the page's — the placeholders that show what a field of the report may say, and what a new
/// table or column says before it is filled in.
const DOCUMENT_TEXT: &[&str] = &[
    "某经济技术开发区管委会",
    "某市人民政府",
    "某管发〔2022〕5号",
    "联系人：某某，联系电话：……",
    "市发展改革委、市财政局",
    "数据来源：金川区统计局",
    "营业收入、固定资产投资",
    "亿元",
    "一季度、二季度",
    "项目",
    "数值",
    // A new column's name, 第N列: the two parts around the number.
    "第",
    "列",
];

/// Text of the page's HTML that is no word: the export formats' names, the quarters.
const HTML_NAMES: &[&str] = &["DOCX", "PDF", "OFD", "HTML", "1", "2", "3", "4"];

fn asset(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("assets")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn is_han(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{f900}'..='\u{faff}' | '\u{20000}'..='\u{2ffff}')
}

/// The first two English words in a row in `text` ("Add item", "the file is gone"), if any;
/// a name of code (`#indicators tbody`, `extra table-form`: joined by `-`, `#`, `.`, `[`) is
/// not a word.
fn english_words(text: &str) -> Option<String> {
    let word = |w: &str| w.len() >= 2 && w.chars().all(|c| c.is_ascii_alphabetic());
    let code = |c: Option<char>| c.is_some_and(|c| "-_#.[@$".contains(c));
    let pieces: Vec<&str> = text.split(' ').collect();
    pieces.windows(2).find_map(|pair| {
        let last = pair[0]
            .rsplit(|c: char| !c.is_ascii_alphanumeric())
            .next()?;
        let before = pair[0][..pair[0].len() - last.len()].chars().next_back();
        let first = pair[1].split(|c: char| !c.is_ascii_alphanumeric()).next()?;
        let after = pair[1][first.len()..].chars().next();
        (word(last) && word(first) && !code(before) && !code(after))
            .then(|| format!("{last} {first}"))
    })
}

/// What a piece of the page shows that should have come from the catalogs, if anything.
fn hard_coded(text: &str) -> Option<String> {
    if DOCUMENT_TEXT.contains(&text) {
        return None;
    }
    if text.chars().any(is_han) {
        return Some(format!("Chinese {text:?}"));
    }
    english_words(text).map(|w| format!("English {w:?} in {text:?}"))
}

/// The string literals of a script (the text parts of template literals), each with its
/// line, skipping comments and regular expressions.
fn js_strings(source: &str) -> Vec<(usize, String)> {
    let chars: Vec<char> = source.chars().collect();
    let mut out = Vec::new();
    let mut line = 1;
    let mut i = 0;
    // The braces open in each `${…}` being read: a `}` at zero ends the placeholder and the
    // template goes on.
    let mut templates: Vec<usize> = Vec::new();
    let mut last = ' '; // the last character of code that was not a space
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '\n' {
            line += 1;
        }
        if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
            continue;
        }
        if c == '/' && next == Some('*') {
            i += 2;
            while i + 1 < chars.len() && !(chars[i] == '*' && chars[i + 1] == '/') {
                line += usize::from(chars[i] == '\n');
                i += 1;
            }
            i += 2;
            continue;
        }
        if c == '/' && "(,=:[!&|?{};".contains(last) {
            // A regular expression: to its closing slash, past classes and escapes.
            let mut class = false;
            i += 1;
            while i < chars.len() && (class || chars[i] != '/') {
                match chars[i] {
                    '\\' => i += 1,
                    '[' => class = true,
                    ']' => class = false,
                    _ => {}
                }
                i += 1;
            }
            i += 1;
            last = '/';
            continue;
        }
        if c == '\'' || c == '"' || c == '`' || (c == '}' && templates.last() == Some(&0)) {
            let quote = if c == '}' {
                templates.pop();
                '`'
            } else {
                c
            };
            let start = line;
            let mut text = String::new();
            i += 1;
            while i < chars.len() && chars[i] != quote {
                if chars[i] == '\\' {
                    text.push(chars[i]);
                    i += 1;
                } else if quote == '`' && chars[i] == '$' && chars.get(i + 1) == Some(&'{') {
                    templates.push(0);
                    i += 1;
                    break;
                }
                if chars[i] == '\n' {
                    line += 1;
                }
                text.push(chars[i]);
                i += 1;
            }
            out.push((start, text.trim_end_matches('$').to_string()));
            i += 1;
            last = quote;
            continue;
        }
        if let Some(open) = templates.last_mut() {
            match c {
                '{' => *open += 1,
                '}' => *open -= 1,
                _ => {}
            }
        }
        if !c.is_whitespace() {
            last = c;
        }
        i += 1;
    }
    out
}

/// The text between the HTML's tags and the values of the attributes that show words, each
/// with its line; comments left out.
fn html_texts(source: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut rest = source;
    let mut line = 1;
    while !rest.is_empty() {
        let (text, tail) = match rest.find('<') {
            Some(at) => rest.split_at(at),
            None => (rest, ""),
        };
        out.push((line, text.trim().to_string()));
        line += text.matches('\n').count();
        let end = if tail.starts_with("<!--") {
            tail.find("-->").map_or(tail.len(), |e| e + 3)
        } else {
            tail.find('>').map_or(tail.len(), |e| e + 1)
        };
        let tag = &tail[..end];
        for attribute in ["title", "placeholder", "aria-label", "alt"] {
            for (at, _) in tag.match_indices(&format!(" {attribute}=\"")) {
                let value = &tag[at + attribute.len() + 3..];
                let value = &value[..value.find('"').unwrap_or(value.len())];
                out.push((line, value.to_string()));
            }
        }
        if !tag.starts_with("<!--") {
            out.push((line, tag.to_string()));
        }
        line += tag.matches('\n').count();
        rest = &tail[end..];
    }
    out.retain(|(_, t)| !t.is_empty());
    out
}

#[test]
fn the_page_writes_no_word_of_its_own() {
    let mut found = Vec::new();
    for (line, text) in js_strings(&asset("app.js")) {
        if let Some(what) = hard_coded(&text) {
            found.push(format!("app.js:{line}: {what}"));
        }
    }
    for (line, text) in html_texts(&asset("index.html")) {
        let is_tag = text.starts_with('<');
        if is_tag {
            // Han in a tag is only in a placeholder of document text (checked above).
            if text.chars().any(is_han) && !DOCUMENT_TEXT.iter().any(|d| text.contains(d)) {
                found.push(format!("index.html:{line}: Chinese in {text:?}"));
            }
            continue;
        }
        if HTML_NAMES.contains(&text.as_str()) {
            continue;
        }
        if let Some(what) = hard_coded(&text) {
            found.push(format!("index.html:{line}: {what}"));
        } else if text.chars().any(|c| c.is_alphabetic()) && !DOCUMENT_TEXT.contains(&text.as_str())
        {
            found.push(format!("index.html:{line}: text {text:?} outside data-t"));
        }
    }
    assert!(
        found.is_empty(),
        "words written into the page instead of a catalog ID (locales/*/editor-page.ftl, \
         data-t=\"ui-…\" in the HTML, t('ui-…') in the script):\n{}",
        found.join("\n")
    );
}

#[test]
fn the_scan_finds_a_word_written_in_again() {
    // What the check above must catch, in the forms the page's code takes.
    let js = "const a = '添加条目';\nb.textContent = `删除 ${label}`;\nc('Add item');\n\
              const r = /[、，]/; // 注释 is fine\nconst ok = t('ui-item-add');";
    let strings = js_strings(js);
    let flagged: Vec<usize> = strings
        .iter()
        .filter(|(_, s)| hard_coded(s).is_some())
        .map(|(line, _)| *line)
        .collect();
    assert_eq!(flagged, vec![1, 2, 3], "{strings:?}");
    let html = "<p>报告编辑</p>\n<button title=\"Save the report\" data-t=\"ui-bar-save\"></button>\n<span>Saved</span>";
    let texts = html_texts(html);
    assert!(
        texts.iter().any(|(l, t)| *l == 1 && t == "报告编辑"),
        "{texts:?}"
    );
    assert!(
        texts.iter().any(|(l, t)| *l == 2 && t == "Save the report"),
        "{texts:?}"
    );
    assert!(
        texts.iter().any(|(l, t)| *l == 3 && t == "Saved"),
        "{texts:?}"
    );
}

/// Every `ui-…` ID the page names: `data-t…="ui-…"` in the HTML, quoted in the script.
fn ids_the_page_uses() -> BTreeSet<String> {
    let mut ids = BTreeSet::new();
    for (_, text) in js_strings(&asset("app.js")) {
        if text.starts_with(PAGE_PREFIX) && !text.contains(' ') {
            ids.insert(text);
        }
    }
    let html = asset("index.html");
    for (at, _) in html.match_indices(&format!("=\"{PAGE_PREFIX}")) {
        let id: String = html[at + 2..].chars().take_while(|&c| c != '"').collect();
        ids.insert(id);
    }
    ids
}

fn words(editor: &Editor) -> Value {
    let r = editor.handle(&Request::new("GET", "/api/words", &[], Vec::new()));
    assert_eq!(r.status, 200, "{}", String::from_utf8_lossy(&r.body));
    serde_json::from_slice(&r.body).unwrap()
}

#[test]
fn the_served_words_hold_every_id_the_page_uses_in_both_languages() {
    let ids = ids_the_page_uses();
    assert!(ids.len() > 150, "only {} IDs found in the page", ids.len());
    let editor = Editor::new(Session::default(), EditorOptions::default()).unwrap();
    // The only test in this file that sets the language.
    for lang in Lang::ALL {
        huibao_i18n::set_language(lang);
        let served = words(&editor);
        assert_eq!(served["lang"], lang.tag());
        let words = served["words"].as_object().unwrap();
        let missing: Vec<&String> = ids.iter().filter(|id| !words.contains_key(*id)).collect();
        assert!(missing.is_empty(), "{lang}: not served: {missing:?}");
        let han = words
            .values()
            .filter(|w| w.as_str().unwrap().chars().any(is_han))
            .count();
        match lang {
            Lang::ZhCn => {
                assert_eq!(words["ui-start-recent"], "最近打开");
                assert_eq!(words["ui-item-up-label"], "上移 {$item}");
            }
            Lang::En => {
                assert_eq!(han, 0, "Chinese in the English words");
                assert_eq!(words["ui-start-recent"], "Opened recently");
                assert_eq!(
                    words["ui-table-cell-label"],
                    "Row {$row}, column {$column} of the table of {$item}"
                );
            }
        }
    }
}
