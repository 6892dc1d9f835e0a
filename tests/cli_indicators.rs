//! `huibao indicators` as a user runs it: the TOML printed for a spreadsheet LibreOffice
//! saved pastes into a report that checks, with `# CHECK:` where a figure was derived;
//! errors name the cell; a bad `--range` is a usage error.

use std::path::PathBuf;

mod support;
use support::{huibao, repo_file, text};

fn fixture(name: &str) -> PathBuf {
    repo_file("sheets/tests/fixtures").join(name)
}

#[test]
fn the_printed_entries_make_a_report_that_checks() {
    let sheet = fixture("jinchuan-2022h1.xls");
    let o = huibao(&["indicators", sheet.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let toml = text(&o.stdout);
    for wanted in [
        "# A5\n[[indicators]]\nname = \"营业收入\"\nvalue = 48.65\nunit = \"亿元\"\nprevious = 43.29\ntarget = 100\n",
        "name = \"规上工业增加值\"\nvalue = 36.8\nunit = \"亿元\"\nprevious = 33.7  # CHECK: derived from 同比增长（%） in E8 (9.2%)",
        "name = \"固定资产投资\"\nvalue = 235600\nunit = \"万元\"\n",
    ] {
        assert!(toml.contains(wanted), "{wanted}\n---\n{toml}");
    }
    assert!(
        text(&o.stderr).contains("read 12 indicator(s) from"),
        "{}",
        text(&o.stderr)
    );

    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("report.toml");
    std::fs::write(
        &report,
        format!(
            "[report]\norganization = \"金川经济技术开发区管委会\"\nperiod = \"2022-H1\"\ndate = 2022-07-08\n\n{toml}\n[summary]\ntext = '园区完成营业收入{{{{indicator \"营业收入\"}}}}。'\nindicator_table = true\n"
        ),
    )
    .unwrap();
    let check = huibao(&["check", "--deny-warnings", report.to_str().unwrap()]);
    assert_eq!(check.status.code(), Some(0), "{}", text(&check.stderr));
    assert!(
        text(&check.stdout).contains("12 indicators"),
        "{}",
        text(&check.stdout)
    );
}

#[test]
fn a_bad_cell_is_an_error_at_its_address() {
    let sheet = fixture("bad-cell.ods");
    let o = huibao(&["indicators", sheet.to_str().unwrap(), "--sheet", "bad-cell"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(o.stdout.is_empty());
    let err = text(&o.stderr);
    assert!(
        err.contains("bad-cell.ods!bad-cell!C4: error: “约150” is not a number: expected the 1-6月 figure of “工业总产值”"),
        "{err}"
    );
}

#[test]
fn a_range_is_read_and_a_bad_one_is_a_usage_error() {
    let sheet = fixture("jinchuan-2022h1.xlsx");
    let o = huibao(&["indicators", sheet.to_str().unwrap(), "--range", "A3:G5"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert_eq!(text(&o.stdout).matches("[[indicators]]").count(), 1);
    let o = huibao(&["indicators", sheet.to_str().unwrap(), "--range", "A3-G5"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        text(&o.stderr).contains("is not a range of cells"),
        "{}",
        text(&o.stderr)
    );
}

/// A figure the report would refuse is refused by `huibao indicators` too, at its cell:
/// it never prints a number a report could not hold.
#[test]
fn a_number_the_report_would_refuse_is_an_error_at_its_cell() {
    let dir = tempfile::tempdir().unwrap();
    let sheet = dir.path().join("统计局-2022年1-6月.csv");
    std::fs::write(
        &sheet,
        format!(
            "指标名称,单位,1-6月,上年同期\n营业收入,亿元,48.65,43.29\n工业总产值,亿元,1{},301.9\n",
            "0".repeat(308)
        ),
    )
    .unwrap();
    let o = huibao(&["indicators", sheet.to_str().unwrap()]);
    let stderr = text(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("统计局-2022年1-6月.csv!C3: error: “1000"),
        "{stderr}"
    );
    assert!(
        !text(&o.stdout).contains("工业总产值"),
        "{}",
        text(&o.stdout)
    );
}
