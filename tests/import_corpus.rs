//! `huibao import` on the corpus in tests/import/corpus: work reports of invented parks in
//! many shapes (see its README.md). For every input NAME.txt or NAME.docx, NAME.expect gives
//! the period, organization, date, addressee, title, the parts with their titles and every
//! heading with its level; this test imports the input, checks each of those, and renders
//! the report to HTML to check that at least 99% of the source's Chinese characters come
//! back in order (the lines in NAME.clutter, when there is one, excepted).
//!
//! It prints a table of the results to standard error and fails on any case that is wrong,
//! except those listed in `KNOWN_WRONG` with the reason.

mod common;

use common::{body_text, han, lcs, render_html, without_clutter};
use huibao_core::model::{Item, PartSpec};
use huibao_core::style::NumberingMode;
use huibao_pipeline::{Session, SourceFile};
use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};

/// Cases that stay wrong, with the reason. Each must still be wrong (so the list is kept
/// honest): when one comes right, take it off the list.
const KNOWN_WRONG: &[(&str, &str)] = &[];

/// The share of the source's Chinese characters that must come back in order.
const HAN_RECOVERED: f64 = 0.99;

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/import/corpus")
}

/// One part of the expected outline.
#[derive(Debug, Clone, PartialEq)]
struct PartOutline {
    /// "achievements", "problems" or "plan".
    role: String,
    title: String,
    /// (level, heading) below the part; the part is level 1.
    headings: Vec<(usize, String)>,
}

/// What NAME.expect says.
#[derive(Debug, Default)]
struct Expect {
    period: String,
    organization: String,
    date: Option<String>,
    recipient: Option<String>,
    title: Option<String>,
    parts: Vec<PartOutline>,
}

fn none_or(v: &str) -> Option<String> {
    (v != "none").then(|| v.to_string())
}

fn read_expect(path: &Path) -> Expect {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut e = Expect::default();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        let at = || format!("{}:{}", path.display(), n + 1);
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(rest) = line.strip_prefix('[') {
            let (role, title) = rest
                .split_once(']')
                .unwrap_or_else(|| panic!("{}: unclosed [", at()));
            e.parts.push(PartOutline {
                role: role.to_string(),
                title: title.trim().to_string(),
                headings: Vec::new(),
            });
        } else if let Some((key, value)) = line.split_once(" = ") {
            let value = value.trim();
            match key.trim() {
                "period" => e.period = value.into(),
                "organization" => e.organization = value.into(),
                "date" => e.date = none_or(value),
                "recipient" => e.recipient = none_or(value),
                "title" => e.title = none_or(value),
                k => panic!("{}: unknown key {k}", at()),
            }
        } else if let Some((level, heading)) = line.split_once(' ') {
            let level: usize = level
                .parse()
                .unwrap_or_else(|_| panic!("{}: not a level: {line}", at()));
            e.parts
                .last_mut()
                .unwrap_or_else(|| panic!("{}: a heading before any part", at()))
                .headings
                .push((level, heading.trim().to_string()));
        } else {
            panic!("{}: cannot read {line:?}", at());
        }
    }
    e
}

/// The parts of an imported report as the corpus lists them: a part is present when it has
/// a title, text or items; run-in items (一是/二是) are not headings and are not listed.
fn outline(report: &huibao_core::model::Report) -> Vec<PartOutline> {
    fn walk(items: &[Item], level: usize, run_in: bool, out: &mut Vec<(usize, String)>) {
        if run_in {
            return;
        }
        for i in items {
            if let Some(t) = &i.title {
                out.push((level, t.get_ref().trim().to_string()));
            }
            let run_in = i.numbering == Some(NumberingMode::RunIn);
            walk(&i.items, level + 1, run_in, out);
        }
    }
    let mut out = Vec::new();
    for (role, spec, items) in [
        (
            "achievements",
            &report.parts.achievements,
            &report.achievements,
        ),
        ("problems", &report.parts.problems, &report.problems),
        ("plan", &report.parts.plan, &report.plan),
    ] {
        let spec: &PartSpec = spec;
        if spec.title.is_none() && spec.text.is_none() && items.is_empty() {
            continue;
        }
        let mut headings = Vec::new();
        let run_in = spec.numbering == Some(NumberingMode::RunIn);
        walk(items, 2, run_in, &mut headings);
        out.push(PartOutline {
            role: role.into(),
            title: spec.title.clone().unwrap_or_default(),
            headings,
        });
    }
    out
}

/// The source's text, one paragraph a line: a text file decoded, or the `w:t` text of each
/// `w:p` of a Word file (read here, not by the importer; Word's list numbers are not text).
fn source_text(path: &Path) -> String {
    let bytes = std::fs::read(path).unwrap();
    if path.extension().is_some_and(|e| e == "docx") {
        let mut zip =
            huibao_xml::PackageReader::new(&bytes, huibao_xml::PackageLimits::default()).unwrap();
        let xml = zip
            .read("word/document.xml")
            .unwrap()
            .expect("document.xml");
        let root = huibao_xml::parse(&xml).unwrap();
        let mut out = String::new();
        for p in root.descendants("w:p") {
            for t in p.descendants("w:t") {
                out.push_str(&t.own_text());
            }
            out.push('\n');
        }
        out
    } else {
        huibao_import::decode::decode(&bytes).unwrap().0
    }
}

/// How one case came out.
struct Outcome {
    name: String,
    period: bool,
    organization: bool,
    date: bool,
    recipient: bool,
    title: bool,
    parts: bool,
    headings: bool,
    han: f64,
    /// What differs, for the failure message.
    wrong: Vec<String>,
}

impl Outcome {
    fn right(&self) -> bool {
        self.wrong.is_empty()
    }
}

fn check(input: &Path) -> Outcome {
    let name = input.file_name().unwrap().to_string_lossy().into_owned();
    let stem = input.file_stem().unwrap().to_string_lossy().into_owned();
    let expect = read_expect(&input.with_extension("expect"));
    let imported = huibao_import::import_path(input)
        .unwrap_or_else(|e| panic!("{name}: does not import: {e}"));
    let toml = &imported.toml;
    let prepared = Session::default()
        .prepare_source(SourceFile::new(format!("{stem}.toml"), toml.as_str()))
        .unwrap_or_else(|e| panic!("{name}: the imported TOML does not prepare:\n{e}\n{toml}"));
    let r = &prepared.loaded.report;
    let d = &imported.draft;
    let mut wrong = Vec::new();
    let mut same = |what: &str, got: Option<String>, want: Option<String>| {
        let ok = got == want;
        if !ok {
            wrong.push(format!("{what}: got {got:?}, want {want:?}"));
        }
        ok
    };
    let period = same(
        "period",
        Some(r.report.period.get_ref().clone()),
        Some(expect.period.clone()),
    );
    let organization = same(
        "organization",
        Some(r.report.organization.get_ref().clone()),
        Some(expect.organization.clone()),
    );
    // A date the source does not give must be marked as a stand-in.
    let date = match &expect.date {
        Some(want) => same(
            "date",
            Some(r.report.date.get_ref().to_string()),
            Some(want.clone()),
        ),
        None => same(
            "date (a stand-in marked CHECK)",
            (!d.date.sure).then(|| "none".into()),
            Some("none".into()),
        ),
    };
    let recipient = same(
        "recipient",
        r.report.recipient.clone(),
        expect.recipient.clone(),
    );
    let title = same(
        "title",
        r.report.title.as_ref().map(|t| t.get_ref().clone()),
        expect.title.clone(),
    );
    let got = outline(r);
    let names = |o: &[PartOutline]| -> Vec<String> {
        o.iter()
            .map(|p| format!("[{}] {}", p.role, p.title))
            .collect()
    };
    let parts = same(
        "parts",
        Some(names(&got).join(" / ")),
        Some(names(&expect.parts).join(" / ")),
    );
    let mut headings = true;
    for want in &expect.parts {
        let have = got
            .iter()
            .find(|p| p.role == want.role)
            .map(|p| p.headings.clone())
            .unwrap_or_default();
        if have != want.headings {
            headings = false;
            let show = |h: &[(usize, String)]| {
                h.iter()
                    .map(|(l, t)| format!("{l} {t}"))
                    .collect::<Vec<_>>()
                    .join(" | ")
            };
            wrong.push(format!(
                "headings of [{}]:\n    got  {}\n    want {}",
                want.role,
                show(&have),
                show(&want.headings)
            ));
        }
    }
    if let Some(extra) = got
        .iter()
        .find(|p| !expect.parts.iter().any(|w| w.role == p.role))
    {
        headings = false;
        wrong.push(format!("an unexpected part [{}]", extra.role));
    }

    let clutter: Vec<String> =
        std::fs::read_to_string(corpus_dir().join(format!("{stem}.clutter")))
            .unwrap_or_default()
            .lines()
            .map(|l| l.trim().to_string())
            .filter(|l| !l.is_empty())
            .collect();
    let (kept, clutter_left) = without_clutter(&source_text(input), &clutter);
    assert!(
        clutter_left.is_empty(),
        "{name}: clutter lines not in the source: {clutter_left:?}"
    );
    let src = han(&kept);
    let html = render_html(&prepared);
    let out = han(&body_text(&html));
    let share = lcs(&src, &out) as f64 / src.len() as f64;
    if share < HAN_RECOVERED {
        wrong.push(format!(
            "only {:.2}% of {} Chinese characters come back in order",
            share * 100.0,
            src.len()
        ));
    }
    if !wrong.is_empty() {
        wrong.push(format!("the TOML:\n{toml}"));
    }
    Outcome {
        name,
        period,
        organization,
        date,
        recipient,
        title,
        parts,
        headings,
        han: share,
        wrong,
    }
}

fn inputs() -> Vec<PathBuf> {
    let mut inputs: Vec<PathBuf> = std::fs::read_dir(corpus_dir())
        .expect("the corpus folder")
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let name = p.file_name().unwrap().to_string_lossy();
            (name.ends_with(".txt") || name.ends_with(".docx")) && !name.contains(".src.")
        })
        .collect();
    inputs.sort();
    inputs
}

#[test]
fn every_corpus_case_imports_right() {
    let inputs = inputs();
    assert!(inputs.len() >= 20, "the corpus has {} inputs", inputs.len());
    let outcomes: Vec<Outcome> = inputs.iter().map(|p| check(p)).collect();

    let mark = |ok: bool| if ok { "ok" } else { "WRONG" };
    let mut table = String::from(
        "\n| case | period | org | date | recipient | title | parts | headings | Han recovered |\n|---|---|---|---|---|---|---|---|---|\n",
    );
    for o in &outcomes {
        let _ = writeln!(
            table,
            "| {} | {} | {} | {} | {} | {} | {} | {} | {:.2}% |",
            o.name,
            mark(o.period),
            mark(o.organization),
            mark(o.date),
            mark(o.recipient),
            mark(o.title),
            mark(o.parts),
            mark(o.headings),
            o.han * 100.0
        );
    }
    let right = outcomes.iter().filter(|o| o.right()).count();
    let _ = writeln!(table, "\n{right} of {} cases right", outcomes.len());
    // Past the harness's capture, so the table shows in `cargo test` output.
    let _ = writeln!(std::io::stderr(), "{table}");

    let mut failures = String::new();
    for o in &outcomes {
        let known = KNOWN_WRONG.iter().find(|(n, _)| *n == o.name);
        match (o.right(), known) {
            (false, None) => {
                let _ = writeln!(failures, "\n== {}\n  {}", o.name, o.wrong.join("\n  "));
            }
            (true, Some((_, why))) => {
                let _ = writeln!(
                    failures,
                    "\n== {} is listed as known wrong ({why}) but is right now: take it off KNOWN_WRONG",
                    o.name
                );
            }
            _ => {}
        }
    }
    assert!(failures.is_empty(), "{failures}");
}
