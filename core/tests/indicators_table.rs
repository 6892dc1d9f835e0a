//! The two shapes of `indicators`: `[[indicators]]` entries and an `[indicators]` table
//! naming a spreadsheet; errors in either point at the place in the report.

use huibao_core::model::CellRange;
use huibao_core::{load_source, SourceFile};

const BASE: &str = "[report]\norganization = \"金川经济技术开发区管委会\"\nperiod = \"2022-H1\"\ndate = 2022-07-08\n";

fn load(text: &str) -> Result<huibao_core::Loaded, huibao_core::Diagnostics> {
    load_source(SourceFile::new("r.toml", text))
}

/// The diagnostic's "line:column" and message.
fn first_error(text: &str) -> (usize, usize, String, String) {
    let d = load(text).expect_err("the report is refused");
    let d = &d.0[0];
    let (line, column) = d.line_column().expect("located");
    (
        line,
        column,
        d.message.to_string(),
        d.help.as_ref().map(ToString::to_string).unwrap_or_default(),
    )
}

#[test]
fn ranges_read_as_spreadsheets_write_them() {
    let r = |s: &str| CellRange::parse(s).map(|r| (r.first, r.last));
    assert_eq!(r("A3:G20"), Some(((2, 0), (19, 6))));
    assert_eq!(r("$a$1:$AA$10"), Some(((0, 0), (9, 26))));
    assert_eq!(r("G20:A3"), Some(((2, 0), (19, 6))));
    assert_eq!(r("XFD1048576:A1"), Some(((0, 0), (1_048_575, 16_383))));
    for bad in [
        "A3-G20",
        "A0:G20",
        "A3:",
        "3:20",
        "A:G",
        "XFE1:A1",
        "A1:B1048577",
        "甲1:乙2",
        "A3:G20:H30",
    ] {
        assert_eq!(r(bad), None, "{bad}");
    }
}

#[test]
fn both_shapes_load_and_keep_their_figures() {
    let entries =
        format!("{BASE}[[indicators]]\nname = \"营业收入\"\nvalue = 48.65\nunit = \"亿元\"\n");
    let loaded = load(&entries).unwrap_or_else(|e| panic!("{e}"));
    assert!(loaded.report.indicators.sheet.is_none());
    assert_eq!(loaded.report.indicators.len(), 1);

    let table = format!(
        "{BASE}[indicators]\nfrom = \"统计/stats.xlsx\"\n\n[[indicators.items]]\nname = \"新签约项目\"\nvalue = 36\nunit = \"个\"\n"
    );
    let loaded = load(&table).unwrap_or_else(|e| panic!("{e}"));
    let sheet = loaded.report.indicators.sheet.as_ref().unwrap();
    assert_eq!(sheet.from.get_ref(), "统计/stats.xlsx");
    assert_eq!(sheet.cells(), None);
    let names: Vec<&str> = loaded
        .report
        .indicators
        .iter()
        .map(|i| i.name.get_ref().as_str())
        .collect();
    assert_eq!(names, ["新签约项目"]);
}

#[test]
fn the_table_shape_writes_back_as_it_was_read() {
    let table = format!(
        "{BASE}[indicators]\nfrom = \"stats.xlsx\"\nsheet = \"1-6月\"\n\n[[indicators.items]]\nname = \"新签约项目\"\nvalue = 36\nunit = \"个\"\n"
    );
    let loaded = load(&table).unwrap_or_else(|e| panic!("{e}"));
    let written = toml::to_string(&loaded.report).unwrap();
    assert!(
        written.contains("[indicators]\nfrom = \"stats.xlsx\"\nsheet = \"1-6月\"\n\n[[indicators.items]]\nname = \"新签约项目\"\nvalue = 36\n"),
        "{written}"
    );
    let back = load(&written).unwrap_or_else(|e| panic!("{e}\n{written}"));
    assert_eq!(back.report.indicators.len(), 1);
    assert!(back.report.indicators.sheet.is_some());
    // Without a sheet the entries stay `[[indicators]]`.
    let entries =
        format!("{BASE}[[indicators]]\nname = \"营业收入\"\nvalue = 48.65\nunit = \"亿元\"\n");
    let written = toml::to_string(&load(&entries).unwrap().report).unwrap();
    assert!(
        written.contains("[[indicators]]\nname = \"营业收入\""),
        "{written}"
    );
}

#[test]
fn mistakes_in_the_table_are_located_with_a_fix() {
    let (line, column, message, help) = first_error(&format!(
        "{BASE}[indicators]\nfrom = \"stats.xlsx\"\nfile = \"a.xlsx\"\n"
    ));
    assert_eq!((line, column), (7, 1));
    assert_eq!(message, "unknown key `file`");
    assert!(help.contains("from, sheet, range, items"), "{help}");

    let (line, _, message, help) =
        first_error(&format!("{BASE}[indicators]\nsheet = \"Sheet1\"\n"));
    assert_eq!(line, 5);
    assert_eq!(message, "missing required key `from`");
    assert!(help.contains("from = …"), "{help}");

    let (line, column, message, help) = first_error(&format!(
        "{BASE}[indicators]\nfrom = \"stats.xlsx\"\nrange = \"A3-G20\"\n"
    ));
    assert_eq!((line, column), (7, 9));
    assert_eq!(message, "`A3-G20` is not a range of cells");
    assert!(help.contains("A3:G20"), "{help}");

    let (line, column, message, _) = first_error(&format!("{BASE}[indicators]\nfrom = \" \"\n"));
    assert_eq!(
        (line, column, message.as_str()),
        (6, 8, "`from` names no spreadsheet")
    );

    // An error inside an item of the table points into the item.
    let (line, column, _, help) = first_error(&format!(
        "{BASE}[indicators]\nfrom = \"stats.xlsx\"\n\n[[indicators.items]]\nname = \"新签约项目\"\nvalue = \"36\"\nunit = \"个\"\n"
    ));
    assert_eq!((line, column), (10, 9));
    assert!(help.contains("without quotes"), "{help}");

    // A value of the wrong shape says which two shapes there are.
    let (line, _, message, _) = first_error(&format!("indicators = \"stats.xlsx\"\n{BASE}"));
    assert_eq!(line, 1);
    assert!(
        message
            .to_string()
            .contains("[[indicators]] entries, or an [indicators] table with `from`"),
        "{message}"
    );
}
