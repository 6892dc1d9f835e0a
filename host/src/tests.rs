//! Host tests that load the real plugin libraries through libloading. The libraries are
//! dev-dependencies of huibao-core, so cargo builds them next to this test binary.

use super::*;
use huibao_core::SourceFile;

/// Where cargo put the dev-dependency cdylibs: the test binary's own folder.
fn deps_dir() -> PathBuf {
    let exe = std::env::current_exe().expect("test binary path");
    exe.parent().expect("deps dir").to_path_buf()
}

fn search() -> SearchPath {
    let mut s = SearchPath::new();
    s.push(deps_dir(), Origin::CommandLine);
    s
}

const HEAD: &str = "[report]\norganization = \"某经济技术开发区管委会\"\nperiod = \"2022-H1\"\ndate = 2022-07-08\n\n[[indicators]]\nname = \"营业收入\"\nvalue = 123.5\nunit = \"亿元\"\nprevious = 110.2\n\n[[achievements]]\ntitle = \"多措并举加强招商引资\"\ntext = \"新签约项目28个。\"\n";

fn report(sections: &str) -> Loaded {
    let text = format!("{HEAD}\n{sections}");
    huibao_core::load_source(SourceFile::new("report.toml", text))
        .expect("the report itself is valid")
}

/// Expands and expects failure; returns the diagnostics as one-line strings.
fn errors(loaded: &Loaded, search: &SearchPath) -> Vec<String> {
    match expand(loaded, &huibao_core::resolve(loaded), search) {
        Ok(s) => panic!("expected errors, got {} sections", s.len()),
        Err(d) => d.0.iter().map(Diagnostic::one_line).collect(),
    }
}

fn one_error(sections: &str) -> String {
    let e = errors(&report(sections), &search());
    assert_eq!(e.len(), 1, "{e:#?}");
    e.into_iter().next().unwrap_or_default()
}

/// The 1-based line of the first line of `needle` in the test report.
fn line_of(sections: &str, needle: &str) -> usize {
    let text = format!("{HEAD}\n{sections}");
    let at = text.find(needle).expect("needle in report");
    text[..at].matches('\n').count() + 1
}

fn assert_contains(haystack: &str, needle: &str) {
    assert!(
        haystack.contains(needle),
        "expected {needle:?} in:\n{haystack}"
    );
}

// ---- the plugins work ----

#[test]
fn fund_and_party_generate_sections() {
    let loaded = report(
        r#"[[sections]]
plugin = "fund"
[sections.config]
[[sections.config.funds]]
name = "某某产业引导母基金"
kind = "母基金"
size = 50
stage = "已投资"
invested = 12.5
industries = ["集成电路", "生物医药"]
manager = "某某股权投资基金管理有限公司"

[[sections]]
plugin = "party"
place = "part"
[sections.config.organizations]
branches = 28
members = 612
"#,
    );
    let sections = expand(&loaded, &huibao_core::resolve(&loaded), &search())
        .unwrap_or_else(|d| panic!("{d}"));
    assert_eq!(sections.len(), 2);
    let fund = &sections[0].item;
    assert_eq!(
        fund.title.as_ref().unwrap().get_ref(),
        "强化基金赋能，拓宽多元融资渠道"
    );
    assert!(fund.literal && fund.table.is_some());
    assert_contains(
        fund.text.as_ref().unwrap().get_ref(),
        "截至6月底，园区累计设立（参与）各类基金1支，认缴总规模50亿元",
    );
    let party = &sections[1].item;
    assert_eq!(sections[1].place, Placement::Part);
    assert_eq!(
        party.numbering,
        Some(huibao_core::style::NumberingMode::RunIn)
    );
    assert_contains(
        party.items[0].text.as_ref().unwrap().get_ref(),
        "园区现有党支部28个，党员612名",
    );
    let doc = huibao_core::build(&loaded, &huibao_core::resolve(&loaded), &sections)
        .unwrap_or_else(|d| panic!("{d}"));
    let text = doc.plain_text();
    assert_contains(&text, "（二）强化基金赋能，拓宽多元融资渠道");
    assert_contains(&text, "二、坚持党建引领，凝聚高质量发展合力");
    assert_contains(&text, "一是强化组织覆盖。园区现有党支部28个");
}

#[test]
fn the_fund_plugin_draws_its_table_as_bars_through_the_core_chart() {
    let funds = r#"[[sections]]
plugin = "fund"
[sections.config]
chart = true
[[sections.config.funds]]
name = "某某产业引导母基金"
kind = "母基金"
size = 50
stage = "已投资"
invested = 12.456
[[sections.config.funds]]
name = "某某集成电路子基金"
kind = "子基金"
size = 10
stage = "备案"
"#;
    let loaded = report(funds);
    let sections = expand(&loaded, &huibao_core::resolve(&loaded), &search())
        .unwrap_or_else(|d| panic!("{d}"));
    let chart = sections[0].item.chart.as_ref().expect("a chart");
    assert_eq!(*chart.kind.get_ref(), huibao_core::model::ChartKind::Bars);
    // Errors about it point at the section's `plugin = …`.
    assert_eq!(
        loaded.file.line_column(chart.kind.span().start).0,
        line_of(funds, "plugin = \"fund\"")
    );
    let doc = huibao_core::build(&loaded, &huibao_core::resolve(&loaded), &sections)
        .unwrap_or_else(|d| panic!("{d}"));
    let text = doc.plain_text();
    // After the fund table: the legend, the funds, and their figures rounded as the
    // table prints them (12.456 → 12.46; not yet invested: 0).
    assert_contains(
        &text,
        "某某产业引导母基金\n50\n12.46\n某某集成电路子基金\n10\n0\n图1\u{3000}园区基金认缴规模与已投资情况",
    );
    assert_contains(&text, "单位：亿元\n认缴规模\n已投资\n0\n");
    // Off unless asked for.
    let loaded = report(&funds.replace("chart = true\n", ""));
    let sections = expand(&loaded, &huibao_core::resolve(&loaded), &search())
        .unwrap_or_else(|d| panic!("{d}"));
    assert!(sections[0].item.chart.is_none());
}

#[test]
fn list_shows_kind_version_and_abi() {
    let all = list(&search());
    let fund = all
        .iter()
        .find(|(c, _)| c.name == "fund")
        .expect("fund is listed");
    let info = fund.1.as_ref().unwrap_or_else(|d| panic!("{}", d.message));
    assert_eq!((info.kind, info.abi.as_str()), (Kind::Native, "1.1"));
    assert_eq!(info.version, env!("CARGO_PKG_VERSION"));
    let broken = all
        .iter()
        .find(|(c, _)| c.name == "nosymbol")
        .expect("listed too");
    assert!(broken.1.is_err());
}

// ---- one test per failure ----

#[test]
fn library_missing() {
    let s = "[[sections]]\nplugin = \"talentz\"\n";
    let e = one_error(s);
    let line = line_of(s, "plugin = \"talentz\"");
    assert_contains(
        &e,
        &format!("report.toml:{line}:10: error: plugin `talentz` not found"),
    );
    assert_contains(&e, &format!("looked for {}", native_file_name("talentz")));
    assert_contains(&e, "--plugin-dir");
    // With no directory at all, the help says how to give one.
    let e = errors(&report(s), &SearchPath::new());
    assert_contains(&e[0], "no plugin directories: pass --plugin-dir");
}

#[test]
fn invalid_names_are_never_looked_up() {
    let e = one_error("[[sections]]\nplugin = \"../fund\"\n");
    assert_contains(&e, "`../fund` is not a valid plugin name");
}

#[test]
fn symbol_missing() {
    let e = one_error("[[sections]]\nplugin = \"nosymbol\"\n");
    assert_contains(&e, "error: plugin `nosymbol` is not a huibao plugin:");
    assert_contains(&e, "exports no `huibao_plugin_v1` symbol");
    assert_contains(&e, "export_plugin!");
}

#[test]
fn wrong_abi_version() {
    let e = one_error("[[sections]]\nplugin = \"abiv2\"\n");
    assert_contains(
        &e,
        "plugin `abiv2` was built for plugin ABI v2, but this huibao supports ABI v1",
    );
}

#[test]
fn not_a_library() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join(native_file_name("garbage")),
        "这不是一个动态库",
    )
    .unwrap();
    let mut s = SearchPath::new();
    s.push(dir.path(), Origin::Environment);
    let e = errors(&report("[[sections]]\nplugin = \"garbage\"\n"), &s);
    assert_contains(&e[0], "plugin `garbage` cannot be loaded from");
}

#[test]
fn library_with_another_name() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        deps_dir().join(native_file_name("fund")),
        dir.path().join(native_file_name("money")),
    )
    .unwrap();
    let mut s = SearchPath::new();
    s.push(dir.path(), Origin::Environment);
    let e = errors(&report("[[sections]]\nplugin = \"money\"\n"), &s);
    assert_contains(&e[0], "calls itself `fund`");
}

#[test]
fn plugin_returns_an_error() {
    let s = "[[sections]]\nplugin = \"faulty\"\nconfig = { mode = \"error\" }\n";
    let e = one_error(s);
    let line = line_of(s, "plugin = \"faulty\"");
    assert_contains(&e, &format!("report.toml:{line}:10: error: plugin `faulty` reported an error: 基金“某某产业子基金”的规模不能小于已投资金额"));
}

#[test]
fn plugin_panics() {
    let e = one_error("[[sections]]\nplugin = \"faulty\"\nconfig = { mode = \"panic\" }\n");
    assert_contains(
        &e,
        "error: plugin `faulty` panicked: index out of bounds: the len is 0 but the index is 3 at ",
    );
    assert_contains(&e, "faulty/src/lib.rs:");
    assert_contains(&e, "huibao caught the panic");
    // The library stays loaded and usable.
    let loaded = report("[[sections]]\nplugin = \"faulty\"\nconfig = { mode = \"ok\" }\n");
    let sections = expand(&loaded, &huibao_core::resolve(&loaded), &search())
        .unwrap_or_else(|d| panic!("{d}"));
    assert_eq!(
        sections[0].item.text.as_ref().unwrap().get_ref(),
        "某经济技术开发区管委会2022年上半年运行正常。"
    );
}

#[test]
fn config_fails_the_schema_with_the_reports_line_and_column() {
    let s = "[[sections]]\nplugin = \"faulty\"\n[sections.config]\nmode = \"ok\"\ncount = -1\ncuont = 3\n[[sections.config.funds]]\nname = \"某某产业引导母基金\"\nsize = \"五十亿\"\n[[sections.config.funds]]\nsize = 10\n";
    let e = errors(&report(s), &search());
    assert_eq!(e.len(), 4, "{e:#?}");
    let l = |needle: &str| line_of(s, needle);
    let expected = [
        format!("report.toml:{}:9: error: plugin `faulty`: config.count is -1, below the minimum 0", l("count = -1")),
        format!("report.toml:{}:1: error: plugin `faulty`: unknown key `cuont` in config (did you mean `count`?", l("cuont")),
        format!("report.toml:{}:8: error: plugin `faulty`: config.funds[0].size must be a number, not the text \"五十亿\"", l("size = \"五十亿\"")),
        format!("report.toml:{}:1: error: plugin `faulty`: config.funds[1] is missing the required key `name`", l("size = 10") - 1),
    ];
    for x in expected {
        assert!(
            e.iter().any(|e| e.starts_with(&x)),
            "expected {x:?} in {e:#?}"
        );
    }
    // An inline table and a missing config point where they are written.
    let s = "[[sections]]\nplugin = \"faulty\"\nconfig = { mode = \"fast\" }\n";
    let e = one_error(s);
    assert_contains(&e, &format!("report.toml:{}:19: error: plugin `faulty`: config.mode is \"fast\", not one of \"ok\", \"error\", \"panic\"", line_of(s, "config =")));
    let s = "[[sections]]\nplugin = \"faulty\"\n";
    let e = one_error(s);
    assert_contains(&e, &format!("report.toml:{}:10: error: plugin `faulty`: the config is missing the required key `mode`", line_of(s, "plugin =")));
}

#[test]
fn malformed_responses() {
    let cases = [
        ("malformed", "plugin `rawabi` returned a malformed response: EOF while parsing"),
        ("not-utf8", "plugin `rawabi` returned a malformed response: invalid unicode"),
        ("wrong-shape", "plugin `rawabi` returned a malformed response: unknown field `heading`"),
        ("null", "plugin `rawabi` returned a malformed response: a null pointer with a length of 12 bytes"),
        ("status", "plugin `rawabi` returned the unknown status 41"),
        ("deep", "plugin `rawabi` returned a section huibao cannot use: item 1, item 1, item 1 nests deeper than 2 levels"),
        ("ragged", "plugin `rawabi` returned a section huibao cannot use: row 1 of the table of the section has 1 cells but the table has 2 columns"),
    ];
    for (mode, message) in cases {
        let e = one_error(&format!(
            "[[sections]]\nplugin = \"rawabi\"\nconfig = {{ mode = \"{mode}\" }}\n"
        ));
        assert_contains(&e, message);
        assert_contains(&e, "this is a bug in the plugin");
    }
}

/// The template plugin `talent` in a folder of its own: its plugin.toml after the name
/// and version lines, its section template; the folder and a search path holding it.
fn talent_plugin(manifest: &str, template: &str) -> (tempfile::TempDir, SearchPath) {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("talent");
    std::fs::create_dir(&p).unwrap();
    std::fs::write(
        p.join("plugin.toml"),
        format!("name = \"talent\"\nversion = \"0.1.0\"\n{manifest}"),
    )
    .unwrap();
    std::fs::write(p.join("section.hbs"), template).unwrap();
    let mut s = SearchPath::new();
    s.push(dir.path(), Origin::Report);
    (dir, s)
}

#[test]
fn template_plugin_with_a_template_error() {
    let (dir, s) = talent_plugin(
        "title = \"强化人才支撑\"\n",
        "新引进人才{{config.people}}名。\n{{#each config.teams}}\n{{name}}\n",
    );
    let p = dir.path().join("talent");
    let e = errors(
        &report("[[sections]]\nplugin = \"talent\"\nconfig = { people = 12 }\n"),
        &s,
    );
    assert_eq!(e.len(), 1, "{e:#?}");
    assert_contains(&e[0], "section.hbs:");
    assert_contains(
        &e[0],
        "error: template plugin `talent`: its template is not valid",
    );
    // A name the config lacks fails at render time, pointing into the template.
    std::fs::write(p.join("section.hbs"), "新引进人才{{config.peple}}名。\n").unwrap();
    let e = errors(
        &report("[[sections]]\nplugin = \"talent\"\nconfig = { people = 12 }\n"),
        &s,
    );
    assert_contains(&e[0], "section.hbs:1:6: error: template plugin `talent` failed to fill in its template: `config.peple` is not there");
}

#[test]
fn template_plugin_renders() {
    let (_dir, s) = talent_plugin(
        "title = \"强化人才支撑\"\n[schema]\ntype = \"object\"\nrequired = [\"people\"]\nproperties.people = { type = \"integer\", minimum = 0 }\n",
        "{{context.period.short_name}}，新引进各类人才{{config.people}}名，营业收入{{#each context.indicators}}{{text}}{{/each}}。\n",
    );
    let loaded = report("[[sections]]\nplugin = \"talent\"\nconfig = { people = 12 }\n");
    let sections =
        expand(&loaded, &huibao_core::resolve(&loaded), &s).unwrap_or_else(|d| panic!("{d}"));
    assert_eq!(
        sections[0].item.text.as_ref().unwrap().get_ref(),
        "上半年，新引进各类人才12名，营业收入123.5亿元。"
    );
    // Same schema checks as native plugins.
    let e = errors(
        &report("[[sections]]\nplugin = \"talent\"\nconfig = { people = -3 }\n"),
        &s,
    );
    assert_contains(
        &e[0],
        "plugin `talent`: config.people is -3, below the minimum 0",
    );
}

#[test]
fn everything_is_checked_before_anything_is_generated() {
    // A panicking section first, then a config error: only the config error is reported,
    // so the panicking plugin never ran.
    let e = errors(
        &report("[[sections]]\nplugin = \"faulty\"\nconfig = { mode = \"panic\" }\n\n[[sections]]\nplugin = \"faulty\"\nconfig = { mode = \"ok\", count = \"三\" }\n"),
        &search(),
    );
    assert_eq!(e.len(), 1, "{e:#?}");
    assert_contains(&e[0], "config.count must be a whole number");
    // A missing plugin stops everything before configs are checked.
    let e = errors(
        &report("[[sections]]\nplugin = \"faulty\"\nconfig = { mode = 3 }\n\n[[sections]]\nplugin = \"nothere\"\n"),
        &search(),
    );
    assert_eq!(e.len(), 1, "{e:#?}");
    assert_contains(&e[0], "plugin `nothere` not found");
}

#[test]
fn template_loops_nested_over_one_list_stop_at_the_rounds_limit() {
    // 100 teams, the loop nested five deep: 10^10 rounds unbounded.
    let each = "{{#each @root.config.teams}}".repeat(5);
    let close = "{{/each}}".repeat(5);
    let (_dir, s) = talent_plugin(
        "title = \"强化人才支撑\"\n",
        &format!("新引进人才团队：\n{{{{#each config.teams}}}}{each}{close}{{{{/each}}}}\n"),
    );
    let teams: Vec<String> = (1..=100).map(|i| format!("\"团队{i}\"")).collect();
    let e = errors(
        &report(&format!(
            "[[sections]]\nplugin = \"talent\"\nconfig = {{ teams = [{}] }}\n",
            teams.join(", ")
        )),
        &s,
    );
    assert_eq!(e.len(), 1, "{e:#?}");
    assert_contains(&e[0], "section.hbs:");
    assert_contains(
        &e[0],
        "template plugin `talent` failed to fill in its template",
    );
    assert_contains(&e[0], "more than 1000000 rounds");
}
