//! `huibao indicators`: what was read, as `[[indicators]]` TOML to paste into a report,
//! with `# CHECK:` comments where a figure was derived or the sheet disagrees.

use crate::{SheetIndicator, SheetIndicators};
use huibao_core::model::Indicator;
use toml_edit::{ArrayOfTables, DocumentMut, Item, Table};

/// The `[[indicators]]` entries of `read`, with a header comment naming the sheet and
/// `# CHECK:` comments on the keys that were derived or disagree with the sheet.
///
/// The entries are the report model's own [`Indicator`]s serialized, as `huibao import`
/// writes them: one writer of indicator TOML, so both write the same keys and numbers.
pub fn indicators_toml(read: &SheetIndicators) -> String {
    #[derive(serde::Serialize)]
    struct Entries {
        indicators: Vec<Indicator>,
    }
    let model = Entries {
        indicators: read.indicators.iter().map(|i| i.to_model(0..0)).collect(),
    };
    let serialized = toml_edit::ser::to_document(&model)
        .expect("indicators hold only strings, numbers and integers");
    // The serializer writes the list as an array of inline tables; a pasted report wants
    // `[[indicators]]` entries.
    let tables: Vec<Table> = serialized
        .get("indicators")
        .and_then(Item::as_array)
        .into_iter()
        .flatten()
        .filter_map(|v| v.as_inline_table().cloned())
        .map(|t| {
            let mut t = t.into_table();
            t.fmt();
            t
        })
        .collect();
    let mut doc = DocumentMut::new();
    let mut entries = ArrayOfTables::new();
    for (i, (ind, table)) in read.indicators.iter().zip(tables).enumerate() {
        let mut table = annotate(ind, table);
        let mut prefix = String::new();
        if i == 0 {
            prefix.push_str(&head(read));
        } else {
            prefix.push('\n');
        }
        prefix.push_str(&format!("# {}\n", ind.place.address()));
        for g in ind.guesses.iter().filter(|g| table.get(g.key).is_none()) {
            prefix.push_str(&comment(&huibao_i18n::t!(
                "sheet-check",
                text = g.text.as_str()
            )));
        }
        table.decor_mut().set_prefix(prefix);
        entries.push(table);
    }
    doc.insert("indicators", Item::ArrayOfTables(entries));
    doc.to_string()
}

/// The comment above the first entry.
fn head(read: &SheetIndicators) -> String {
    let mut s = String::new();
    let head = huibao_i18n::t!(
        "sheet-toml-head",
        sheet = read.sheet.to_string(),
        header = read.header.address()
    );
    for line in head.lines() {
        s.push_str(&format!("# {line}\n"));
    }
    for note in read.notes.iter().chain(&read.warnings) {
        let text = huibao_i18n::msg!(
            "diagnostic-placed",
            place = note.place.to_string(),
            message = note.message.clone()
        );
        s.push_str(&comment(&huibao_i18n::t!("sheet-check", text = text)));
    }
    s.push('\n');
    s
}

/// One `[[indicators]]` table with `# CHECK:` comments after the keys that were derived
/// or disagree with the sheet.
fn annotate(ind: &SheetIndicator, mut t: Table) -> Table {
    for g in &ind.guesses {
        if let Some(v) = t.get_mut(g.key).and_then(Item::as_value_mut) {
            let suffix = v
                .decor()
                .suffix()
                .and_then(|s| s.as_str())
                .unwrap_or("")
                .to_string();
            let text = huibao_core::chars::single_line(&g.text);
            v.decor_mut().set_suffix(if suffix.is_empty() {
                format!("  # {}", huibao_i18n::t!("sheet-check", text = text))
            } else {
                format!("{suffix}; {text}")
            });
        }
    }
    t
}

/// Comment lines (a TOML comment holds no control characters).
fn comment(text: &str) -> String {
    format!("# {}\n", huibao_core::chars::single_line(text))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Guess, Place};

    #[test]
    fn entries_with_check_comments_load_as_a_report() {
        let sheet = Place::file("stats.xlsx").sheet(Some("Sheet1"));
        let read = SheetIndicators {
            header: sheet.cell((2, 0)),
            months: None,
            indicators: vec![
                SheetIndicator {
                    name: "营业收入".into(),
                    value: 48.65,
                    unit: "亿元".into(),
                    previous: Some(43.28),
                    target: Some(100.0),
                    decimals: None,
                    place: sheet.cell((3, 0)),
                    guesses: vec![Guess::previous(
                        "derived from 同比增长（%） 12.4% (E4)".into(),
                    )],
                },
                SheetIndicator {
                    name: "新签约项目".into(),
                    value: 36.0,
                    unit: "个".into(),
                    previous: None,
                    target: None,
                    decimals: Some(2),
                    place: sheet.cell((4, 0)),
                    guesses: vec![Guess::target(
                        "the sheet gives a completion of 40% (G5) but no target".into(),
                    )],
                },
            ],
            warnings: Vec::new(),
            notes: Vec::new(),
            sheet,
        };
        let text = indicators_toml(&read);
        for wanted in [
            "# Read by `huibao indicators` from stats.xlsx!Sheet1 (header at A3).\n",
            "# A4\n[[indicators]]\nname = \"营业收入\"\nvalue = 48.65\nunit = \"亿元\"\nprevious = 43.28  # CHECK: derived from 同比增长（%） 12.4% (E4)\ntarget = 100\n",
            "\n# A5\n# CHECK: the sheet gives a completion of 40% (G5) but no target\n[[indicators]]\nname = \"新签约项目\"\nvalue = 36\nunit = \"个\"\ndecimals = 2\n",
        ] {
            assert!(text.contains(wanted), "{wanted}\n---\n{text}");
        }
        let report = format!(
            "[report]\norganization = \"金川经济技术开发区管委会\"\nperiod = \"2022-H1\"\ndate = 2022-07-08\n\n{text}"
        );
        let loaded =
            huibao_core::load_source(huibao_core::SourceFile::new("r.toml", report.as_str()))
                .unwrap_or_else(|e| panic!("{e}\n{report}"));
        assert_eq!(loaded.report.indicators.len(), 2);
        assert_eq!(
            loaded.report.indicators[0]
                .previous
                .as_ref()
                .unwrap()
                .get_ref()
                .0,
            43.28
        );
    }
}
