//! What the program's integration tests share: running the built `huibao`, a file of the
//! repository, the visible text of an HTML page; for the import tests also a report's
//! outline as lines, how much of one text another keeps in order, a source without
//! the clutter lines a test lists, and (in [`corpus`]) what the import corpora share.

// Each test crate uses some of these.
#![allow(dead_code)]

use std::io::BufRead;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output};
use std::time::{Duration, Instant};

use huibao_core::model::Item;
use huibao_core::Loaded;
use huibao_pipeline::{Format, Prepared, Session};

pub(crate) mod corpus;

/// The `huibao` built for these tests, as a command to add arguments, folders and
/// variables to: every test starts the program through this, without
/// `HUIBAO_PLUGIN_PATH` (so that only the plugins a report names or the program's folder
/// holds are found) and with its messages in English (`LANG=C`), whatever the machine's
/// locale, and its config folder (the editor's list of recent reports) in the system's
/// temporary folder rather than the user's.
pub(crate) fn huibao_command() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_huibao"));
    command
        .env(
            "XDG_CONFIG_HOME",
            std::env::temp_dir().join("huibao-tests-config"),
        )
        .env_remove("HUIBAO_PLUGIN_PATH")
        .env_remove("HUIBAO_LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C");
    command
}

/// Runs the `huibao` built for these tests with `args` and waits for it (see
/// [`huibao_command`]).
pub(crate) fn huibao(args: &[&str]) -> Output {
    huibao_command().args(args).output().expect("runs huibao")
}

/// Whether `tool` (a program a check needs: pdftotext, python3, soffice …) is on the PATH.
/// When it does not, the test cannot check what it is for: under `tests/all.sh`, which
/// installs every tool and sets `HUIBAO_REQUIRE_TOOLS=1`, that is a failure; in a plain
/// `cargo test` the test prints a visible `skipped:` line naming the tool and what goes
/// unchecked, and the caller returns.
pub(crate) fn tool_available(tool: &str, checks: &str) -> bool {
    let runs = std::env::var_os("PATH")
        .is_some_and(|paths| std::env::split_paths(&paths).any(|dir| dir.join(tool).is_file()));
    if !runs {
        assert!(
            std::env::var_os("HUIBAO_REQUIRE_TOOLS").is_none(),
            "{tool} is needed to check {checks}, and tests/all.sh installs it: install it (tests/install-deps.sh)"
        );
        eprintln!(
            "skipped: {tool} not found, so {checks} is not checked (tests/all.sh installs it)"
        );
    }
    runs
}

/// A file of the repository, by its path from the repository's root.
pub(crate) fn repo_file(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

/// Bytes a program wrote, as text (invalid UTF-8 replaced).
pub(crate) fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// The outline of a loaded report as "level title" lines, depth first: a part's items at
/// level 2, theirs at 3 and so on, titles trimmed.
///
/// With `part_headings` (the form of `tests/import/*.outline`), each part that has items
/// opens with "1 <its `[parts.*]` title>" and items without a title are left out; without
/// it, an untitled item is a line with an empty title, so two reports compare item by item.
pub(crate) fn outline(loaded: &Loaded, part_headings: bool) -> Vec<String> {
    fn walk(items: &[Item], level: usize, part_headings: bool, out: &mut Vec<String>) {
        for item in items {
            let title = item.title.as_ref().map(|t| t.get_ref().trim());
            if title.is_some() || !part_headings {
                out.push(format!("{level} {}", title.unwrap_or_default()));
            }
            walk(&item.items, level + 1, part_headings, out);
        }
    }
    let r = &loaded.report;
    let mut out = Vec::new();
    for (spec, list) in [
        (&r.parts.achievements, &r.achievements),
        (&r.parts.problems, &r.problems),
        (&r.parts.plan, &r.plan),
    ] {
        if part_headings && !list.is_empty() {
            out.push(format!("1 {}", spec.title.clone().unwrap_or_default()));
        }
        walk(list, 2, part_headings, &mut out);
    }
    out
}

/// The visible text of an HTML page's body: tags, styles and scripts left out, the
/// entities huibao writes (`&amp;` `&lt;` `&gt;` `&quot;` `&#x27;`) decoded.
pub(crate) fn page_text(html: &str) -> String {
    let body = html.find("<body").map(|i| &html[i..]).unwrap_or(html);
    let mut out = String::new();
    let mut in_tag = false;
    let mut skip_until: Option<&str> = None;
    let mut i = 0;
    while i < body.len() {
        let rest = &body[i..];
        if let Some(end) = skip_until {
            if rest.starts_with(end) {
                skip_until = None;
                i += end.len();
            } else {
                i += rest.chars().next().map_or(1, char::len_utf8);
            }
            continue;
        }
        if rest.starts_with("<style") {
            skip_until = Some("</style>");
            continue;
        }
        if rest.starts_with("<script") {
            skip_until = Some("</script>");
            continue;
        }
        let c = rest.chars().next().unwrap_or(' ');
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
        i += c.len_utf8();
    }
    out.replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// The Chinese characters of `s`, in order (punctuation, digits and Latin left out).
pub(crate) fn han(s: &str) -> Vec<char> {
    s.chars()
        .filter(|&c| huibao_core::chars::is_han(c))
        .collect()
}

/// Length of the longest common subsequence of `a` and `b`.
pub(crate) fn lcs(a: &[char], b: &[char]) -> usize {
    let mut prev = vec![0u32; b.len() + 1];
    let mut cur = vec![0u32; b.len() + 1];
    for &x in a {
        for (j, &y) in b.iter().enumerate() {
            cur[j + 1] = if x == y {
                prev[j] + 1
            } else {
                cur[j].max(prev[j + 1])
            };
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()] as usize
}

/// The prepared report rendered as one HTML page.
pub(crate) fn render_html(prepared: &Prepared) -> String {
    let rendered = Session::default()
        .render(prepared, &[Format::Html])
        .expect("renders");
    String::from_utf8(rendered.get(Format::Html).expect("HTML").to_vec()).expect("UTF-8")
}

/// The lines of `source` without the clutter lines, matched in order. A clutter line
/// (compared trimmed) removes the first source line equal to it after the line the one
/// before it removed; a clutter line "+ FRAGMENT" removes FRAGMENT from the first source
/// line at or after that point which contains it, and the rest of that line stays (a
/// site's notice inside a line of report text). Returns the text kept and the clutter
/// lines that were not found.
pub(crate) fn without_clutter(source: &str, clutter: &[String]) -> (String, Vec<String>) {
    let mut next = clutter.iter().peekable();
    let mut kept = Vec::new();
    for line in source.lines() {
        let mut line = line.to_string();
        let mut dropped = false;
        while let Some(c) = next.peek() {
            if let Some(fragment) = c.strip_prefix("+ ") {
                match line.find(fragment) {
                    Some(at) => {
                        line.replace_range(at..at + fragment.len(), "");
                        next.next();
                    }
                    None => break,
                }
            } else {
                if c.as_str() == line.trim() {
                    next.next();
                    dropped = true;
                }
                break;
            }
        }
        if !dropped {
            kept.push(line);
        }
    }
    (kept.join("\n"), next.cloned().collect())
}

/// The crates' own source files (not tests, not benches), with their `#[cfg(test)]`
/// modules and comment lines cut off: (path from the repository's root, code).
pub(crate) fn program_sources() -> Vec<(String, String)> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for e in entries.flatten() {
            let p = e.path();
            let name = e.file_name().to_string_lossy().into_owned();
            if p.is_dir() {
                if ![
                    "target",
                    "tests",
                    "benches",
                    "libfuzzer",
                    ".git",
                    "node_modules",
                ]
                .contains(&name.as_str())
                {
                    walk(&p, out);
                }
            } else if name.ends_with(".rs") && name != "tests.rs" {
                // `tests.rs`: a crate's `#[cfg(test)] mod tests;` in a file of its own.
                out.push(p);
            }
        }
    }
    let root = repo_file("");
    let mut files = Vec::new();
    walk(&root, &mut files);
    files.sort();
    files
        .into_iter()
        .filter(|p| p.components().any(|c| c.as_os_str() == "src"))
        .map(|p| {
            let text = std::fs::read_to_string(&p).unwrap();
            let text = match text.find("#[cfg(test)]\nmod ") {
                Some(i) => text[..i].to_string(),
                None => text,
            };
            // Code only: comments may name what they like.
            let text: String = text
                .lines()
                .filter(|l| !l.trim_start().starts_with("//"))
                .map(|l| format!("{l}\n"))
                .collect();
            let rel = p
                .strip_prefix(&root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            (rel, text)
        })
        .collect()
}

/// A started program, killed when the test ends however it ends.
pub(crate) struct Running(pub(crate) Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Where a serving program (`huibao watch`, `huibao edit`) listens, and its run's token.
#[derive(Clone)]
pub(crate) struct Served {
    pub(crate) addr: SocketAddr,
    pub(crate) token: String,
}

/// Reads a serving program's output (`huibao watch`, `huibao edit`) up to the line with its
/// address (`http://127.0.0.1:PORT/?token=…`), and returns the address and the run's
/// token; panics naming `program` when it ends first or takes a minute.
pub(crate) fn read_served(out: &mut impl BufRead, program: &str) -> Served {
    let mut line = String::new();
    let deadline = Instant::now() + Duration::from_secs(60);
    while Instant::now() < deadline {
        line.clear();
        if out.read_line(&mut line).unwrap() == 0 {
            panic!("{program} ended before serving");
        }
        if let Some(rest) = line.split("http://").nth(1) {
            let addr = rest.split('/').next().unwrap().parse().unwrap();
            let token = rest
                .split("?token=")
                .nth(1)
                // The token is hexadecimal; in Chinese a full-width comma follows it.
                .map(|t| {
                    t.chars()
                        .take_while(char::is_ascii_hexdigit)
                        .collect::<String>()
                })
                .filter(|t| !t.is_empty())
                .expect("the address carries the token");
            return Served { addr, token };
        }
    }
    panic!("{program} did not start serving in time");
}
