//! Lint: things that are allowed but probably wrong. Warnings, never errors; each points
//! at the place in the report where the text was written.

use crate::chars::{is_chinese, is_han};
use crate::diagnostic::{Diagnostic, SourceFile};
use crate::ir::{Block, Document};
use crate::load::Loaded;
use crate::model::Item;
use crate::prose::map_span;
use huibao_i18n::{msg, Message};
use toml::Spanned;

/// Lints a loaded report and its built document.
pub fn lint(loaded: &Loaded, doc: &Document) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let file = &loaded.file;
    let report = &loaded.report;
    if let Some(s) = &report.summary {
        lint_text(file, &s.text, &mut out);
    }
    for part in [
        &report.parts.achievements,
        &report.parts.problems,
        &report.parts.plan,
    ] {
        if let Some(t) = &part.text {
            lint_text(file, t, &mut out);
        }
    }
    for items in [&report.achievements, &report.problems, &report.plan] {
        lint_items(file, items, &mut out);
    }
    for att in &report.attachments {
        lint_text(file, &att.title, &mut out);
        if let Some(t) = &att.text {
            lint_text(file, t, &mut out);
        }
    }
    lint_dates(loaded, &mut out);
    // The spreadsheet's figures are warned at their cells when they are read.
    let from_sheet = report.indicators.sheet.as_ref().map(|s| s.from.span());
    for ind in report.indicators.iter() {
        if Some(ind.name.span()) != from_sheet {
            lint_figures(file, ind, &mut out);
        }
    }
    if let Some(c) = crate::closing::closing(&doc.blocks, &loaded.style) {
        if !c.fits() {
            let d = Diagnostic::warning(msg!(
                "lint-signature-alone",
                body_lines = c.body_lines,
                closing_lines = c.closing_lines,
                page_lines = c.page_lines
            ))
            .with_help(msg!("lint-signature-alone-help"));
            let last = c.keep.end.checked_sub(1).and_then(|i| doc.source_of(i));
            out.push(match last {
                Some(span) => d
                    .at(&loaded.file, span)
                    .with_label(msg!("lint-this-paragraph")),
                None => d,
            });
        }
    }
    unprinted(loaded, doc, &mut out);
    // Headings generated from defaults or plugins are checked on the document.
    for block in &doc.blocks {
        if let Block::Heading(h) = block {
            if h.level <= 2 && h.text.ends_with(['。', '；', '，', '：']) {
                out.push(
                    Diagnostic::warning(msg!("lint-heading-punctuation", heading = h.full_text()))
                        .with_help(msg!("lint-heading-punctuation-help")),
                );
            }
        }
    }
    out
}

/// A period or a 成文日期 in a year no report of a park can be about (before 1949, after
/// next year), and a 成文日期 more than three months before the period ends: warnings at
/// the key. (The year 0 does
/// not exist and is an error when the report loads.)
fn lint_dates(loaded: &Loaded, out: &mut Vec<Diagnostic>) {
    use crate::date::{current_year, plausible_year, FIRST_PLAUSIBLE_YEAR};
    let file = &loaded.file;
    let meta = &loaded.report.report;
    let implausible = |what: Message, year: i32| {
        Diagnostic::warning(msg!(
            "lint-year-implausible",
            what = what,
            year = year,
            first = FIRST_PLAUSIBLE_YEAR,
            last = current_year() + 1
        ))
        .with_label(msg!("lint-year-implausible-label"))
        .with_help(msg!("lint-year-implausible-help"))
    };
    let year = loaded.period.year();
    if !plausible_year(year) {
        out.push(implausible(msg!("lint-the-period"), year).at(file, meta.period.span()));
    }
    if !plausible_year(loaded.date.year) {
        out.push(implausible(msg!("lint-the-date"), loaded.date.year).at(file, meta.date.span()));
    }
    // Summaries are often written in the period's last weeks (an H1 report dated 20 June,
    // a year's in December): only a date more than three months before the end is
    // taken for a slip (a wrong year or period).
    let end = loaded.period.end();
    if loaded.date < months_before(end, EARLY_DATE_MONTHS) {
        out.push(
            Diagnostic::warning(msg!(
                "lint-date-before-period-end",
                date = loaded.date.chinese(),
                period = loaded.period.name(),
                end = end.chinese()
            ))
            .at(file, meta.date.span())
            .with_label(msg!("lint-date-before-period-end-label"))
            .with_help(msg!("lint-date-before-period-end-help")),
        );
    }
}

/// How many months before the period's end a 成文日期 may fall without a warning.
const EARLY_DATE_MONTHS: u8 = 3;

/// The same day `months` months before `date` (the month's last day where it is shorter).
fn months_before(date: crate::Date, months: u8) -> crate::Date {
    let index = date.year * 12 + i32::from(date.month) - 1 - i32::from(months);
    let (year, month) = (index.div_euclid(12), (index.rem_euclid(12) + 1) as u8);
    let last = crate::date::days_in_month(year, month);
    crate::Date {
        year,
        month,
        day: date.day.min(last),
    }
}

/// An indicator whose `previous` or `target` gives no printed figure: a warning at the
/// key, saying why (the decisions are [`crate::indicator::change`] and
/// [`crate::indicator::completion`]).
fn lint_figures(file: &SourceFile, ind: &crate::model::Indicator, out: &mut Vec<Diagnostic>) {
    use crate::indicator::{change, completion, Change, NoCompletion, NoRate};
    let name = ind.name.get_ref();
    let value = ind.value.get_ref().0;
    if let Some(p) = &ind.previous {
        if let Change::Unrated(why @ (NoRate::ZeroBase | NoRate::LossToZero)) =
            change(value, &ind.unit, p.get_ref().0)
        {
            out.push(
                Diagnostic::warning(msg!(
                    "lint-no-change",
                    name = name.as_str(),
                    reason = why.reason()
                ))
                .at(file, p.span())
                .with_label(msg!("lint-no-change-label"))
                .with_help(match why {
                    NoRate::ZeroBase => msg!("lint-no-change-zero-base-help"),
                    _ => msg!("lint-no-change-help"),
                }),
            );
        }
    }
    if let Some(t) = &ind.target {
        if completion(value, t.get_ref().0) == Err(NoCompletion::NegativeValue) {
            out.push(
                Diagnostic::warning(msg!(
                    "lint-no-completion",
                    name = name.as_str(),
                    reason = NoCompletion::NegativeValue.reason()
                ))
                .at(file, t.span())
                .with_label(msg!("lint-no-completion-label"))
                .with_help(msg!("lint-no-completion-help")),
            );
        }
    }
}

/// Text the report wrote that the document does not print, each named where it was
/// written with why: nothing the user wrote disappears without a word.
fn unprinted(loaded: &Loaded, doc: &Document, out: &mut Vec<Diagnostic>) {
    let file = &loaded.file;
    let report = &loaded.report;
    let at = |path: &[&str]| crate::scan::span_of(file, path);
    // A part's title, when the part has neither items nor text.
    let headings: Vec<&str> = doc
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Heading(h) if h.level == 1 => Some(h.text.as_str()),
            _ => None,
        })
        .collect();
    for (key, spec) in [
        ("achievements", &report.parts.achievements),
        ("problems", &report.parts.problems),
        ("plan", &report.parts.plan),
    ] {
        let Some(title) = spec.title.as_deref().map(str::trim) else {
            continue;
        };
        if !title.is_empty() && !headings.contains(&title) {
            let mut d = Diagnostic::warning(msg!("lint-part-title-unprinted", title = title))
                .with_help(msg!("lint-part-title-unprinted-help", key = key));
            if let Some(span) = at(&["parts", key, "title"]) {
                d = d.at(file, span).with_label(msg!("lint-not-printed"));
            }
            out.push(d);
        }
    }
    // What only the red header prints, when there is none.
    let red_header = doc.blocks.iter().any(|b| matches!(b, Block::RedHeader(_)));
    let meta = &report.report;
    if !red_header {
        for (key, given) in [
            ("signer", meta.signer.is_some()),
            ("organ_mark", meta.organ_mark.is_some()),
            ("document_number", meta.document_number.is_some()),
        ] {
            if given {
                let mut d = Diagnostic::warning(msg!("lint-red-header-only", key = key))
                    .with_help(msg!("lint-red-header-only-help"));
                if let Some(span) = at(&["report", key]) {
                    d = d.at(file, span).with_label(msg!("lint-not-printed"));
                }
                out.push(d);
            }
        }
    }
    // Indicators that nothing cites and no table lists.
    let tabled = report.summary.as_ref().is_some_and(|s| s.indicator_table)
        || report.attachments.iter().any(|a| a.indicator_table);
    if !tabled {
        let mut cited = std::collections::BTreeSet::new();
        for text in prose_texts(report) {
            crate::prose::cited_indicators(text, &mut cited);
        }
        // A chart prints the figures of the indicators it names.
        for block in &doc.blocks {
            if let crate::ir::Block::Chart(c) = block {
                cited.extend(c.categories.iter().cloned());
            }
        }
        let printed = doc.plain_text();
        for ind in &report.indicators {
            let name = ind.name.get_ref();
            // Plugins may print figures in their own words: the value as printed counts.
            let value = crate::indicator::format_number(ind.value.get_ref().0, ind.decimals);
            let shown = format!("{value}{}", ind.unit.trim());
            if !cited.contains(name) && !contains_figure(&printed, &shown) {
                out.push(
                    Diagnostic::warning(msg!("lint-indicator-unprinted", name = name))
                        .at(file, ind.name.span())
                        .with_label(msg!("lint-not-printed"))
                        .with_help(msg!("lint-indicator-unprinted-help", name = name)),
                );
            }
        }
    }
}

/// Whether `text` prints the figure `shown` ("3亿元") as a whole number, not as the end of
/// another ("56.3亿元", "13亿元", "1,203亿元").
fn contains_figure(text: &str, shown: &str) -> bool {
    text.match_indices(shown).any(|(at, _)| {
        !text[..at].chars().next_back().is_some_and(|c| {
            c.is_ascii_digit() || matches!(c, '.' | ',' | '-' | '０'..='９' | '．')
        })
    })
}

/// Every prose text of the report: summary, parts, items at every level, attachments.
fn prose_texts(report: &crate::model::Report) -> Vec<&str> {
    fn items<'a>(list: &'a [Item], out: &mut Vec<&'a str>) {
        for item in list {
            out.extend(
                item.title
                    .iter()
                    .chain(item.text.iter())
                    .map(|t| t.get_ref().as_str()),
            );
            items(&item.items, out);
        }
    }
    let mut out: Vec<&str> = Vec::new();
    out.extend(report.summary.iter().map(|s| s.text.get_ref().as_str()));
    for part in [
        &report.parts.achievements,
        &report.parts.problems,
        &report.parts.plan,
    ] {
        out.extend(part.text.iter().map(|t| t.get_ref().as_str()));
    }
    for list in [&report.achievements, &report.problems, &report.plan] {
        items(list, &mut out);
    }
    out.extend(
        report
            .attachments
            .iter()
            .filter_map(|a| a.text.as_ref())
            .map(|t| t.get_ref().as_str()),
    );
    out
}

fn lint_items(file: &SourceFile, items: &[Item], out: &mut Vec<Diagnostic>) {
    for item in items {
        if let Some(t) = &item.title {
            lint_text(file, t, out);
        }
        if let Some(t) = &item.text {
            lint_text(file, t, out);
        }
        lint_items(file, &item.items, out);
    }
}

/// One finding in a text: byte offset, message, fix.
struct Finding {
    at: usize,
    len: usize,
    message: Message,
    help: Message,
}

/// Checks one written text and reports findings at their place in the file.
fn lint_text(file: &SourceFile, text: &Spanned<String>, out: &mut Vec<Diagnostic>) {
    let value = text.get_ref();
    for f in findings(value) {
        let start = map_span(file, &text.span(), value, f.at).start;
        let end = map_span(file, &text.span(), value, f.at + f.len)
            .start
            .max(start);
        out.push(
            Diagnostic::warning(f.message)
                .at(file, start..end)
                .with_label(msg!("lint-here"))
                .with_help(f.help),
        );
    }
}

fn findings(text: &str) -> Vec<Finding> {
    let mut found = Vec::new();
    for pattern in ["（一）、", "（二）、", "（1）、", "（2）、"] {
        if let Some(at) = text.find(pattern) {
            found.push(Finding {
                at,
                len: pattern.len(),
                message: msg!("lint-number-comma", pattern = pattern),
                help: msg!("lint-number-comma-help"),
            });
        }
    }
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for w in chars.windows(3) {
        let (before, (at, mark), after) = (w[0].1, w[1], w[2].1);
        if is_han(before)
            && matches!(mark, ',' | ';' | ':' | '?' | '!' | '(' | ')')
            && (is_han(after) || after == '“')
        {
            found.push(Finding {
                at,
                len: 1,
                message: msg!("lint-half-width", mark = mark),
                help: msg!("lint-half-width-help"),
            });
        }
        if mark == ' ' && is_chinese(before) && is_chinese(after) {
            found.push(Finding {
                at,
                len: 1,
                message: msg!("lint-space"),
                help: msg!("lint-space-help"),
            });
        }
    }
    for doubled in ["。。", "，，", "、、", "；；"] {
        if let Some(at) = text.find(doubled) {
            found.push(Finding {
                at,
                len: doubled.len(),
                message: msg!("lint-doubled", marks = doubled),
                help: msg!("lint-doubled-help"),
            });
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use crate::{build, load_source, resolve, SourceFile};

    #[test]
    fn an_indicator_printed_only_inside_another_figure_is_unprinted() {
        let src = "[report]\norganization = \"某园区管委会\"\nperiod = \"2022-H1\"\ndate = 2022-07-08\n\n[summary]\ntext = '园区实现营业收入56.3亿元，新签约项目13个。'\n\n[[indicators]]\nname = \"税收收入\"\nvalue = 3\nunit = \"亿元\"\n\n[[indicators]]\nname = \"新签约项目\"\nvalue = 13\nunit = \"个\"\n";
        let loaded = load_source(SourceFile::new("r.toml", src)).unwrap();
        let doc = build(&loaded, &resolve(&loaded), &[]).unwrap();
        let unprinted: Vec<String> = super::lint(&loaded, &doc)
            .iter()
            .map(|w| w.message.to_string())
            .filter(|m| m.contains("税收收入") || m.contains("新签约项目"))
            .collect();
        // "3亿元" is only the end of "56.3亿元"; "13个" is printed as written.
        assert_eq!(unprinted.len(), 1, "{unprinted:?}");
        assert!(unprinted[0].contains("税收收入"), "{unprinted:?}");
    }

    #[test]
    fn a_figure_counts_only_as_a_whole_number() {
        use super::contains_figure;
        assert!(contains_figure("实现税收3亿元。", "3亿元"));
        assert!(contains_figure("3亿元", "3亿元"));
        for other in ["56.3亿元", "13亿元", "1,203亿元", "-3亿元", "１3亿元"] {
            assert!(!contains_figure(other, "3亿元"), "{other}");
        }
    }

    #[test]
    fn findings_point_at_the_source() {
        let src = "[report]\norganization = \"某园区管委会\"\nperiod = \"2022\"\ndate = 2023-01-10\n\n[summary]\ntext = '''\n园区实现营业收入,同比增长。\n招商 引资。。'''\n";
        let loaded = load_source(SourceFile::new("r.toml", src)).unwrap();
        let doc = build(&loaded, &resolve(&loaded), &[]).unwrap();
        let warnings = super::lint(&loaded, &doc);
        let found: Vec<(String, Option<(usize, usize)>)> = warnings
            .iter()
            .map(|w| (w.message.to_string(), w.line_column()))
            .collect();
        assert_eq!(
            found,
            [
                ("half-width \",\" in Chinese text".to_string(), Some((8, 9))),
                ("space between Chinese characters".to_string(), Some((9, 3))),
                ("doubled punctuation \"。。\"".to_string(), Some((9, 6))),
            ]
        );
    }

    #[test]
    fn a_last_paragraph_too_long_to_go_with_the_signature_is_reported() {
        // No sentence end to cut it at (core::closing): it would go whole.
        let long = "园区坚持以项目建设为中心，持续优化营商环境，".repeat(32);
        for (text, warned) in [(long.as_str(), true), ("园区坚持以项目建设为中心。", false)]
        {
            let src = format!(
                "[report]\norganization = \"某园区管委会\"\nperiod = \"2022\"\ndate = 2023-01-10\n\n[summary]\ntext = \"{text}\"\n"
            );
            let loaded = load_source(SourceFile::new("r.toml", src)).unwrap();
            let doc = build(&loaded, &resolve(&loaded), &[]).unwrap();
            let warnings = super::lint(&loaded, &doc);
            let found = warnings.iter().any(|w| {
                w.message
                    .to_string()
                    .starts_with("the signature may be left")
            });
            assert_eq!(found, warned, "{warnings:?}");
        }
    }

    #[test]
    fn clean_text_has_no_findings() {
        assert!(super::findings(
            "1-6月，园区实现营业收入123.5亿元（同比增长12.1%），PM2.5浓度下降。"
        )
        .is_empty());
        assert!(
            super::findings("引进 Intel 研发中心").is_empty(),
            "spaces around Latin words are fine"
        );
    }
}
