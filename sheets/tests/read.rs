//! Spreadsheets saved by a real spreadsheet program (LibreOffice Calc, from the sources in
//! tests/fixtures by tests/fixtures/convert.sh) read the same in every format; bad cells
//! are reported at their address; hostile files give errors, never a crash.

use huibao_core::model::CellRange;
use huibao_sheets::{read_indicators, Key, Selection, SheetErrors, SheetIndicators};
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn read(name: &str) -> Result<SheetIndicators, SheetErrors> {
    read_with(name, &Selection::default())
}

fn read_with(name: &str, selection: &Selection) -> Result<SheetIndicators, SheetErrors> {
    read_indicators(&fixture(name), name, selection)
}

type Row = (
    &'static str,
    f64,
    &'static str,
    Option<f64>,
    Option<f64>,
    Option<u8>,
);
/// (name, value, unit, previous, target, decimals) of an indicator read.
type Read = (String, f64, String, Option<f64>, Option<f64>, Option<u8>);

/// (name, value, unit, previous, target, decimals) of what was read.
fn rows(read: &SheetIndicators) -> Vec<Read> {
    read.indicators
        .iter()
        .map(|i| {
            (
                i.name.clone(),
                i.value,
                i.unit.clone(),
                i.previous,
                i.target,
                i.decimals,
            )
        })
        .collect()
}

fn expected(rows: &[Row]) -> Vec<Read> {
    rows.iter()
        .map(|&(n, v, u, p, t, d)| (n.to_string(), v, u.to_string(), p, t, d))
        .collect()
}

/// The statistics bureau's half-year table: a title, a 填报单位 line, a category row, a
/// "其中：" row, an empty row, numbers stored as text ("152.30", "235,600"), rates as
/// percentages ("20%"), a rate without last year's figure, "-" for none, notes below.
const JINCHUAN_2022H1: [Row; 12] = [
    ("营业收入", 48.65, "亿元", Some(43.29), Some(100.0), None),
    (
        "工业总产值",
        152.3,
        "亿元",
        Some(140.24),
        Some(300.0),
        Some(2),
    ),
    ("高新技术产业产值", 68.5, "亿元", Some(60.1), None, None),
    // 上年同期 derived from 同比增长 9.2%: 36.8 against 33.7 is 9.2% again.
    ("规上工业增加值", 36.8, "亿元", Some(33.7), None, None),
    (
        "固定资产投资",
        235_600.0,
        "万元",
        Some(198_500.0),
        Some(500_000.0),
        None,
    ),
    ("税收收入", 5.62, "亿元", Some(5.87), Some(12.0), None),
    (
        "实际利用外资",
        3260.0,
        "万美元",
        Some(2815.0),
        Some(6000.0),
        None,
    ),
    ("外贸进出口总额", 18.36, "亿元", Some(16.02), None, None),
    ("研发经费投入强度", 3.6, "%", Some(3.2), Some(4.0), None),
    ("新签约项目", 36.0, "个", Some(30.0), Some(60.0), None),
    ("新增市场主体", 412.0, "家", Some(365.0), Some(800.0), None),
    ("新增高新技术企业", 8.0, "家", None, Some(15.0), None),
];

#[test]
fn the_half_year_table_reads_the_same_in_every_format() {
    for format in ["csv", "xlsx", "xls", "ods"] {
        let name = format!("jinchuan-2022h1.{format}");
        let read = read(&name).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(rows(&read), expected(&JINCHUAN_2022H1), "{name}");
        let sheet = if format == "csv" {
            String::new()
        } else {
            "!jinchuan-2022h1".into()
        };
        assert_eq!(read.sheet.to_string(), format!("{name}{sheet}"));
        assert_eq!(read.header.address(), "A3");
        assert_eq!(read.months.as_ref().map(|m| m.0), Some((1, 6)));
        // Every stated rate agrees with the one computed: no warnings.
        assert!(read.warnings.is_empty(), "{name}: {:?}", read.warnings);
        // Each indicator is located at its name's cell.
        assert_eq!(
            read.indicators[3].place.to_string(),
            format!("{name}{sheet}!A8")
        );
        let derived = &read.indicators[3].guesses;
        assert_eq!(derived.len(), 1, "{derived:?}");
        assert_eq!(derived[0].key, "previous");
        assert!(derived[0].text.contains("E8"), "{derived:?}");
    }
}

#[test]
fn merged_cells_and_a_two_row_header_read_the_same_in_every_format() {
    let want: [Row; 4] = [
        ("营业收入", 76.2, "亿元", Some(68.5), Some(100.0), None),
        ("工业总产值", 231.6, "亿元", Some(210.8), Some(300.0), None),
        ("税收收入", 8.15, "亿元", Some(8.62), Some(12.0), None),
        // The unit in the name: "新签约项目（个）".
        ("新签约项目", 52.0, "个", Some(41.0), Some(60.0), None),
    ];
    for format in ["xlsx", "xls", "ods"] {
        let name = format!("jinchuan-2022q3-merged.{format}");
        let read = read(&name).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(rows(&read), expected(&want), "{name}");
        assert_eq!(read.sheet.sheet.as_deref(), Some("1-9月"));
        assert_eq!(
            read.months.as_ref().map(|m| (m.0, m.1.address())),
            Some(((1, 9), "B3".into()))
        );
        assert!(read.warnings.is_empty(), "{name}: {:?}", read.warnings);
        // The unit of the first three comes from "单位：亿元" above the table: a CHECK.
        assert!(read.indicators[0]
            .guesses
            .iter()
            .any(|g| g.key == "unit" && g.text.contains("F2")));
    }
}

#[test]
fn a_word_where_a_number_belongs_is_reported_at_its_cell() {
    for (name, place) in [
        ("bad-cell.csv", "bad-cell.csv!C4"),
        ("bad-cell.xlsx", "bad-cell.xlsx!bad-cell!C4"),
        ("bad-cell.xls", "bad-cell.xls!bad-cell!C4"),
        ("bad-cell.ods", "bad-cell.ods!bad-cell!C4"),
    ] {
        let errors = read(name).expect_err(name).0;
        assert_eq!(errors.len(), 1, "{errors:?}");
        let e = &errors[0];
        assert_eq!(e.place.to_string(), place);
        assert_eq!(
            e.message.to_string(),
            "“约150” is not a number: expected the 1-6月 figure of “工业总产值”"
        );
        assert!(e.help.to_string().contains("write a number"), "{}", e.help);
        assert_eq!(e.key, None);
    }
}

#[test]
fn sheets_and_ranges_are_chosen_by_name() {
    let e = read_with(
        "jinchuan-2022h1.xlsx",
        &Selection {
            sheet: Some("Sheet1".into()),
            range: None,
        },
    )
    .unwrap_err();
    assert_eq!(e.0[0].key, Some(Key::Sheet));
    assert_eq!(
        e.0[0].message.to_string(),
        "the workbook has no sheet named “Sheet1”"
    );
    assert_eq!(e.0[0].help.to_string(), "its sheets are: “jinchuan-2022h1”");

    // The range's first rows: the header and the first two indicators.
    let read = read_with(
        "jinchuan-2022h1.ods",
        &Selection {
            sheet: Some("jinchuan-2022h1".into()),
            range: CellRange::parse("A3:G6"),
        },
    )
    .unwrap();
    let names: Vec<&str> = read.indicators.iter().map(|i| i.name.as_str()).collect();
    assert_eq!(names, ["营业收入", "工业总产值"]);

    // A range without the header finds no table, and says so about the range.
    let e = read_with(
        "jinchuan-2022h1.xlsx",
        &Selection {
            sheet: None,
            range: CellRange::parse("C5:G9"),
        },
    )
    .unwrap_err();
    assert_eq!(e.0[0].key, Some(Key::Range));
    assert!(
        e.0[0]
            .message
            .to_string()
            .starts_with("no indicator table found"),
        "{}",
        e.0[0].message
    );

    let e = read_with(
        "bad-cell.csv",
        &Selection {
            sheet: Some("表1".into()),
            range: None,
        },
    )
    .unwrap_err();
    assert!(
        e.0[0]
            .message
            .to_string()
            .contains("a CSV file has no sheets"),
        "{}",
        e.0[0].message
    );
}

/// A CSV written for one test.
fn csv(text: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("stats.csv");
    std::fs::write(&path, text).unwrap();
    (dir, path)
}

#[test]
fn stated_rates_that_disagree_are_warnings_naming_the_cell() {
    let (_dir, path) = csv(
        "指标名称,单位,1-6月,上年同期,同比增长（%）,全年目标,完成率（%）\n\
         营业收入,亿元,48.65,43.29,12.5,100,48.7\n\
         税收收入,亿元,5.62,5.87,-4.3,12,50.0\n\
         外贸进出口总额,亿元,,16.02,,,\n",
    );
    let read = read_indicators(&path, "stats.csv", &Selection::default()).unwrap();
    let owned: Vec<(String, String)> = read
        .warnings
        .iter()
        .map(|w| (w.place.to_string(), w.message.to_string()))
        .collect();
    let found: Vec<(String, &str)> = owned.iter().map(|(p, m)| (p.clone(), m.as_str())).collect();
    assert_eq!(
        found,
        [
            (
                "stats.csv!E2".to_string(),
                "the sheet says “营业收入” changed 12.5%, but from 43.29 to 48.65 the report prints 同比增长12.4%"
            ),
            (
                "stats.csv!G3".to_string(),
                "the sheet says “税收收入” reached 50% of its target, but 5.62 of 12 is 46.8%; the report prints 46.8%"
            ),
            ("stats.csv!C4".to_string(), "“外贸进出口总额” has no 1-6月 figure: the row is left out"),
        ]
    );
    assert_eq!(read.indicators.len(), 2);
    // The disagreement is also a CHECK on the key it concerns.
    assert!(read.indicators[0]
        .guesses
        .iter()
        .any(|g| g.key == "previous" && g.text.contains("E2")));
}

#[test]
fn losses_are_worded_by_core_and_what_has_no_rate_is_warned_at_its_cell() {
    let (_dir, path) = csv("指标名称,单位,1-6月,上年同期,同比增长（%）,全年目标\n\
         利润总额,亿元,-0.5,-0.8,37.5,\n\
         净利润,亿元,1.235,-0.5,347.0,\n\
         投资收益,亿元,0,-0.3,,\n\
         经营性现金流,亿元,-123.5,,,250\n");
    let read = read_indicators(&path, "stats.csv", &Selection::default()).unwrap();
    let found: Vec<(String, String)> = read
        .warnings
        .iter()
        .map(|w| (w.place.to_string(), w.message.to_string()))
        .collect();
    let found: Vec<(String, &str)> = found.iter().map(|(p, m)| (p.clone(), m.as_str())).collect();
    assert_eq!(
        found,
        [
            (
                "stats.csv!E3".to_string(),
                "the sheet says “净利润” changed 347%, but from -0.5 to 1.235 the report prints 同比扭亏为盈"
            ),
            (
                "stats.csv!D4".to_string(),
                "“投资收益” has a loss last year and 0 this year: no rate of change is true (neither 扭亏为盈 nor 减亏): no 同比 change is printed"
            ),
            (
                "stats.csv!F5".to_string(),
                "“经营性现金流”: the value is below zero, so no share of the target is printed (a negative completion rate means nothing)"
            ),
        ]
    );
    assert_eq!(read.indicators.len(), 4);
}

#[test]
fn numbers_the_report_would_refuse_are_refused_at_their_cell() {
    let huge = format!("1{}", "0".repeat(308));
    let (_dir, path) = csv(&format!(
        "指标名称,单位,1-6月,上年同期,全年目标\n\
         营业收入,亿元,{huge},43.29,\n\
         固定资产投资,元,9007199254740993,,\n\
         税收收入,亿元,5.62,0.0000000000000000001,\n\
         工业总产值,亿元,152.3,,0.0000000000000000001\n\
         新签约项目,个\u{202E},36,,\n"
    ));
    let e = read_indicators(&path, "stats.csv", &Selection::default()).unwrap_err();
    let found: Vec<(String, String)> =
        e.0.iter()
            .map(|e| (e.place.to_string(), e.message.to_string()))
            .collect();
    let places: Vec<&str> = found.iter().map(|(p, _)| p.as_str()).collect();
    assert_eq!(
        places,
        [
            "stats.csv!C2",
            "stats.csv!C3",
            "stats.csv!D4",
            "stats.csv!E5",
            "stats.csv!A6"
        ],
        "{found:#?}"
    );
    assert!(found[0].1.starts_with("“1000"), "{found:#?}");
    assert!(
        found[0]
            .1
            .contains("0” cannot be printed as written: the 1-6月 figure of “营业收入”"),
        "{found:#?}"
    );
    assert!(found[1].1.contains("“固定资产投资”"), "{found:#?}");
    assert!(found[2].1.contains("too large to print"), "{found:#?}");
    assert!(found[3].1.contains("too large to print"), "{found:#?}");
    assert!(
        found[4]
            .1
            .contains("bidirectional control U+202E (RIGHT-TO-LEFT OVERRIDE)"),
        "{found:#?}"
    );
}

#[test]
fn a_name_twice_a_missing_unit_and_a_nameless_row_are_errors_at_their_cells() {
    let (_dir, path) = csv("指标名称,单位,本期\n\
         营业收入,亿元,48.65\n\
         营业收入,亿元,50\n\
         税收收入,,5.62\n\
         ,亿元,3\n\
         新签约项目,个,0,\n");
    let errors = read_indicators(&path, "stats.csv", &Selection::default())
        .unwrap_err()
        .0;
    let owned: Vec<(String, String)> = errors
        .iter()
        .map(|e| (e.place.to_string(), e.message.to_string()))
        .collect();
    let found: Vec<(String, &str)> = owned.iter().map(|(p, m)| (p.clone(), m.as_str())).collect();
    assert_eq!(
        found,
        [
            (
                "stats.csv!A3".to_string(),
                "“营业收入” is in the table twice, at A2 and A3"
            ),
            ("stats.csv!B4".to_string(), "“税收收入” has no unit"),
            (
                "stats.csv!A5".to_string(),
                "row 5 has figures but no indicator name"
            ),
        ]
    );
}

#[test]
fn a_sheet_larger_than_an_indicator_table_is_refused() {
    let mut text = String::from("指标名称,单位,本期\n营业收入,亿元,48.65\n");
    text.push_str(&"\n".repeat(20_000));
    text.push_str("x\n");
    let (_dir, path) = csv(&text);
    let e = read_indicators(&path, "stats.csv", &Selection::default())
        .unwrap_err()
        .0;
    assert!(
        e[0].message.to_string().contains("is too large"),
        "{}",
        e[0].message
    );
    assert!(
        e[0].message
            .to_string()
            .contains("10000 rows × 256 columns"),
        "{}",
        e[0].message
    );
    assert!(e[0].help.to_string().contains("range"), "{}", e[0].help);
}

/// Rewrites one part of a ZIP package.
fn repack(bytes: &[u8], part: &str, edit: impl Fn(String) -> String) -> Vec<u8> {
    let mut reader = huibao_xml::PackageReader::new(bytes, Default::default()).unwrap();
    let names: Vec<String> = reader.names().map(str::to_string).collect();
    let mut writer = huibao_xml::PackageWriter::new();
    for name in names {
        let data = reader.read(&name).unwrap().unwrap();
        let data = if name == part {
            edit(String::from_utf8(data).unwrap()).into_bytes()
        } else {
            data
        };
        writer.add(&name, &data).unwrap();
    }
    writer.finish().unwrap()
}

fn read_bytes(name: &str, bytes: &[u8]) -> Result<SheetIndicators, SheetErrors> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    read_indicators(&path, name, &Selection::default())
}

#[test]
fn an_xlsx_cell_at_the_far_corner_is_refused_before_it_is_laid_out() {
    let bytes = std::fs::read(fixture("jinchuan-2022h1.xlsx")).unwrap();
    let far = repack(&bytes, "xl/worksheets/sheet1.xml", |xml| {
        xml.replace(
            "</sheetData>",
            "<row r=\"1048576\"><c r=\"XFD1048576\" t=\"n\"><v>1</v></c></row></sheetData>",
        )
    });
    let e = read_bytes("far.xlsx", &far).unwrap_err().0;
    assert!(
        e[0].message.to_string().contains("as far as XFD1048576"),
        "{}",
        e[0].message
    );
    // With a range around the table, the far cell is never read.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("far.xlsx");
    std::fs::write(&path, &far).unwrap();
    let read = read_indicators(
        &path,
        "far.xlsx",
        &Selection {
            sheet: None,
            range: CellRange::parse("A1:G20"),
        },
    )
    .unwrap();
    assert_eq!(read.indicators.len(), 12);
}

#[test]
fn an_ods_value_repeated_over_the_whole_sheet_is_refused() {
    let bytes = std::fs::read(fixture("jinchuan-2022h1.ods")).unwrap();
    let bomb = repack(&bytes, "content.xml", |xml| {
        xml.replacen(
            "</table:table>",
            "<table:table-row table:number-rows-repeated=\"1000000\"><table:table-cell office:value-type=\"float\" office:value=\"1\" table:number-columns-repeated=\"1000\"><text:p>1</text:p></table:table-cell></table:table-row></table:table>",
            1,
        )
    });
    let e = read_bytes("bomb.ods", &bomb).unwrap_err().0;
    assert!(
        e[0].message
            .to_string()
            .starts_with("the workbook is too large"),
        "{}",
        e[0].message
    );
    assert_eq!(e[0].key, Some(Key::From));
}

#[test]
fn an_xls_declaring_a_billion_cells_is_refused() {
    let mut bytes = std::fs::read(fixture("jinchuan-2022h1.xls")).unwrap();
    // The sheet's DIMENSIONS record (type 0x0200, 14 bytes): make its last row 1,000,000.
    let at = bytes
        .windows(4)
        .position(|w| w == [0x00, 0x02, 0x0E, 0x00])
        .expect("a DIMENSIONS record");
    bytes[at + 8..at + 12].copy_from_slice(&1_000_000u32.to_le_bytes());
    bytes[at + 14..at + 16].copy_from_slice(&200u16.to_le_bytes());
    let e = read_bytes("huge.xls", &bytes).unwrap_err().0;
    assert!(
        e[0].message
            .to_string()
            .starts_with("the workbook is too large"),
        "{}",
        e[0].message
    );
}

#[test]
fn damaged_and_foreign_files_are_errors_about_the_file() {
    let bytes = std::fs::read(fixture("jinchuan-2022h1.xlsx")).unwrap();
    for (name, bytes) in [
        ("cut.xlsx", bytes[..bytes.len() / 2].to_vec()),
        (
            "garbage.xls",
            [
                &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1][..],
                &[0xFF; 600],
            ]
            .concat(),
        ),
        ("empty.ods", Vec::new()),
        ("report.docx", bytes.clone()),
    ] {
        let e = read_bytes(name, &bytes).unwrap_err().0;
        assert_eq!(e[0].key, Some(Key::From), "{name}: {}", e[0]);
        assert_eq!(e[0].place.to_string(), name);
    }
}

/// A damaged .xls that makes the spreadsheet library panic (found by fuzzing, kept in
/// fuzz/regressions/sheet/) is an error that says the file is damaged, in our words.
#[test]
fn a_workbook_that_makes_the_library_panic_is_called_damaged() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../fuzz/regressions/sheet");
    let mut seen = 0;
    for entry in std::fs::read_dir(&root).unwrap() {
        let bytes = std::fs::read(entry.unwrap().path()).unwrap();
        // The fuzz target's first byte chooses the format (2: .xls).
        if bytes.first() != Some(&2) {
            continue;
        }
        let err = huibao_sheets::read_indicators_bytes(
            bytes[1..].to_vec(),
            "统计.xls",
            &Default::default(),
        )
        .expect_err("a damaged workbook is refused");
        let text = err.to_string();
        assert!(
            text.contains("damaged") || text.contains("已损坏"),
            "{text}"
        );
        seen += 1;
    }
    assert!(seen >= 1, "no .xls regression input in {}", root.display());
}
