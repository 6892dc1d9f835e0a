//! Years no report can be about and a 成文日期 long before the period ends: warnings at their
//! line:column; the year 0, which no calendar has, an error.

use huibao_core::{build, lint, load_source, resolve, SourceFile};

/// The report with `period` and `date` as written.
fn report(period: &str, date: &str) -> String {
    format!(
        "[report]\norganization = \"金川经济技术开发区管委会\"\nperiod = \"{period}\"\ndate = {date}\n\n[summary]\ntext = \"园区经济运行平稳。\"\n"
    )
}

/// The warnings about dates and periods: line, column and message.
fn warnings(period: &str, date: &str) -> Vec<(usize, usize, String)> {
    let loaded = load_source(SourceFile::new("r.toml", report(period, date)))
        .unwrap_or_else(|e| panic!("{e}"));
    let doc = build(&loaded, &resolve(&loaded), &[]).unwrap_or_else(|e| panic!("{e}"));
    lint(&loaded, &doc)
        .into_iter()
        .filter(|d| {
            let m = d.message.to_string();
            m.contains("period") || m.contains("date")
        })
        .map(|d| {
            let (line, column) = d.line_column().unwrap();
            (line, column, d.message.to_string())
        })
        .collect()
}

#[test]
fn a_plausible_report_has_no_warning() {
    assert_eq!(warnings("2022-H1", "2022-07-08"), []);
    assert_eq!(warnings("2022", "2023-01-15"), []);
    // Dated the period's last day: on time.
    assert_eq!(warnings("2022-01..2022-09", "2022-09-30"), []);
    // Written in the period's last weeks, as many summaries are: an H1 report dated in
    // late June, a year's in December, three months before the end at the most.
    assert_eq!(warnings("2022-H1", "2022-06-20"), []);
    assert_eq!(warnings("2022", "2022-12-10"), []);
    assert_eq!(warnings("2022-H1", "2022-03-30"), []);
}

#[test]
fn a_date_long_before_the_period_ends_is_warned_at_the_date() {
    assert_eq!(
        warnings("2022-H1", "2022-03-29"),
        [(
            4,
            8,
            "the date (成文日期) 2022年3月29日 is more than three months before the period 2022年上半年 ends on 2022年6月30日"
                .to_string()
        )]
    );
    // A whole year dated a year before it: the year written wrong.
    assert_eq!(warnings("2022", "2021-12-31").len(), 1);
    // Three months before the 31st of a month is the last day of a shorter one.
    assert_eq!(warnings("2022-01..2022-05", "2022-02-28"), []);
    assert_eq!(warnings("2022-01..2022-05", "2022-02-27").len(), 1);
}

#[test]
fn implausible_years_are_warned_at_period_and_date() {
    let found = warnings("1900-H1", "1900-07-08");
    let places: Vec<(usize, usize)> = found.iter().map(|(l, c, _)| (*l, *c)).collect();
    assert_eq!(places, [(3, 10), (4, 8)], "{found:?}");
    assert!(
        found[0]
            .2
            .starts_with("the period is in 1900: a park's report is about a year from 1949 to "),
        "{found:?}"
    );
    // 2202 for 2022: a slip of the fingers, years ahead.
    let found = warnings("2202-H1", "2202-07-08");
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(
        found[1].2.starts_with("the date (成文日期) is in 2202"),
        "{found:?}"
    );
}

#[test]
fn the_year_0_is_an_error_in_period_and_date() {
    for (period, date, line, column) in [
        ("0000-H1", "2022-07-08", 3, 10),
        ("2022-H1", "0000-07-08", 4, 8),
    ] {
        let e =
            load_source(SourceFile::new("r.toml", report(period, date))).expect_err("no year 0");
        let d = &e.0[0];
        assert_eq!(d.line_column(), Some((line, column)), "{d}");
    }
    let e = load_source(SourceFile::new("r.toml", report("0000", "2022-07-08"))).unwrap_err();
    assert!(
        e.0[0].message.to_string().contains("there is no year 0"),
        "{}",
        e.0[0].message
    );
}
