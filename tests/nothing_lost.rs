//! Nothing the user wrote is lost: every string of a report — its literal text around
//! prose expressions — appears in the document tree's text, or a diagnostic names the
//! place it was written. Checked over the examples and over generated reports.

use huibao_pipeline::{Prepared, Session, SourceFile};
use std::ops::Range;
use std::path::Path;

/// Keys whose strings are settings, not text: style, plugin paths and configurations
/// (the plugin's own), the period code, last period's file, numbering and alignment.
const SETTINGS: [&str; 10] = [
    "style",
    "plugins",
    "sections",
    "period",
    "previous",
    "numbering",
    "align",
    "unit",
    "name",
    "columns_align",
];

/// Every string of the TOML outside [`SETTINGS`], with its span.
fn strings(text: &str) -> Vec<(String, Range<usize>)> {
    fn walk(item: &toml_edit::Item, out: &mut Vec<(String, Range<usize>)>) {
        match item {
            toml_edit::Item::Value(v) => value(v, out),
            toml_edit::Item::Table(t) => table(t.iter(), out),
            toml_edit::Item::ArrayOfTables(a) => {
                for t in a.iter() {
                    table(t.iter(), out);
                }
            }
            toml_edit::Item::None => {}
        }
    }
    fn table<'a>(
        entries: impl Iterator<Item = (&'a str, &'a toml_edit::Item)>,
        out: &mut Vec<(String, Range<usize>)>,
    ) {
        for (key, item) in entries {
            if !SETTINGS.contains(&key) {
                walk(item, out);
            }
        }
    }
    fn value(v: &toml_edit::Value, out: &mut Vec<(String, Range<usize>)>) {
        match v {
            toml_edit::Value::String(s) => {
                out.push((s.value().clone(), s.span().unwrap_or(0..0)));
            }
            toml_edit::Value::Array(a) => a.iter().for_each(|v| value(v, out)),
            toml_edit::Value::InlineTable(t) => {
                for (key, v) in t.iter() {
                    if !SETTINGS.contains(&key) {
                        value(v, out);
                    }
                }
            }
            _ => {}
        }
    }
    let doc: toml_edit::Document<String> = text.parse().expect("TOML");
    let mut out = Vec::new();
    table(doc.as_table().iter(), &mut out);
    out
}

/// The literal pieces of a prose text: the text between `{{…}}` expressions.
fn literal_pieces(text: &str) -> Vec<String> {
    let mut pieces = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find("{{") {
        pieces.push(rest[..open].to_string());
        rest = rest[open..]
            .find("}}")
            .map_or("", |close| &rest[open + close + 2..]);
    }
    pieces.push(rest.to_string());
    pieces
}

fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Asserts the property for one prepared report.
fn nothing_lost(name: &str, text: &str, prepared: &Prepared) {
    let doc = &prepared.document;
    let printed = squeeze(&format!(
        "{}\n{}\n{}",
        doc.plain_text(),
        doc.meta.title,
        doc.meta.author
    ));
    let named: Vec<Range<usize>> = prepared
        .warnings
        .iter()
        .filter_map(|w| w.span.clone())
        .collect();
    for (value, span) in strings(text) {
        let is_named = named
            .iter()
            .any(|w| w.start >= span.start && w.start < span.end.max(span.start + 1));
        for piece in literal_pieces(&value) {
            let piece = squeeze(&piece);
            assert!(
                printed.contains(&piece) || is_named,
                "{name}: \"{piece}\" (at byte {}) is neither printed nor named by a warning\nprinted: {printed}",
                span.start
            );
        }
    }
    // Indicators: printed (their value or name), or named by a warning.
    for ind in &prepared.loaded.report.indicators {
        let name_ = ind.name.get_ref();
        let figures = &prepared.resolved.figures[name_];
        let shown = printed.contains(&squeeze(name_))
            || printed.contains(&squeeze(&figures.value))
            || figures
                .growth
                .as_deref()
                .is_some_and(|g| printed.contains(g));
        let is_named = named.iter().any(|w| w.start == ind.name.span().start);
        assert!(shown || is_named, "{name}: indicator \"{name_}\" is lost");
    }
}

#[test]
fn every_example_prints_all_it_says() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let mut checked = 0;
    for entry in std::fs::read_dir(&root).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "toml") {
            let text = std::fs::read_to_string(&path).unwrap();
            let prepared = Session::default()
                .prepare(&path)
                .unwrap_or_else(|d| panic!("{}: {d}", path.display()));
            nothing_lost(&path.display().to_string(), &text, &prepared);
            checked += 1;
        }
    }
    assert!(checked >= 4, "{checked} examples");
}

/// A small deterministic generator (xorshift), so a failure names its seed.
struct Gen(u64);

impl Gen {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
    fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
        from[self.below(from.len())]
    }
}

const ORGANIZATIONS: [&str; 4] = [
    "金川经济技术开发区管委会",
    "杭州湾生态园管委会",
    "瓯海科技城管理委员会",
    "青川高新技术产业开发区管理委员会",
];
const TITLES: [&str; 8] = [
    "多措并举加强招商引资",
    "全力推进项目落地",
    "优化营商环境",
    "强化要素保障",
    "科创平台展开新篇章",
    "产业链条持续延伸",
    "安全生产形势平稳",
    "深化“放管服”改革",
];
const SENTENCES: [&str; 8] = [
    "新签约项目28个，总投资156.3亿元。",
    "受疫情影响，部分项目开工时间推迟。",
    "走访企业120家次，帮助企业解决用工难等问题46个。",
    "PM2.5平均浓度同比下降8.3%，空气质量优良率达92.1%。",
    "新建5G基站36个，实现园区全覆盖。",
    "引进高层次人才15名，其中博士6名。",
    "完成土地征收1200亩，盘活闲置厂房8.5万平方米。",
    "组织“走进中科院”企业家和科学家面对面活动。",
];
const INDICATORS: [&str; 4] = ["营业收入", "工业总产值", "税收收入", "固定资产投资"];

fn quoted(s: &str) -> String {
    format!("\"{s}\"")
}

fn prose(g: &mut Gen, cite: &[&str]) -> String {
    let mut text = String::new();
    for p in 0..=g.below(2) {
        if p > 0 {
            text.push_str("\n\n");
        }
        for _ in 0..=g.below(2) {
            text.push_str(g.pick(&SENTENCES));
        }
        if !cite.is_empty() && g.chance(50) {
            let name = g.pick(cite);
            text.push_str(&format!("实现{name}{{{{indicator \"{name}\"}}}}。"));
        }
    }
    format!("'''\n{text}'''")
}

fn items(g: &mut Gen, key: &str, depth: usize, out: &mut String, cite: &[&str]) {
    for _ in 0..=g.below(2) {
        out.push_str(&format!("\n[[{key}]]\n"));
        let title = g.chance(80) || depth == 0;
        if title {
            out.push_str(&format!("title = {}\n", quoted(g.pick(&TITLES))));
        }
        if !title || g.chance(70) {
            out.push_str(&format!("text = {}\n", prose(g, cite)));
        }
        if g.chance(15) {
            out.push_str(&format!(
                "table = {{ caption = \"重点项目表\", columns = [\"序号\", \"项目名称\", \"总投资（亿元）\"], rows = [[1, {}, 35.6], [2, \"新能源装备产业园\", 12]], note = \"注：数据截至6月底。\" }}\n",
                quoted(g.pick(&TITLES))
            ));
        }
        if depth < 2 && g.chance(30) {
            items(g, &format!("{key}.items"), depth + 1, out, cite);
        }
    }
}

fn generated(seed: u64) -> String {
    let mut g = Gen(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let mut r = format!(
        "[report]\norganization = {}\nperiod = {}\ndate = 2022-07-08\n",
        quoted(g.pick(&ORGANIZATIONS)),
        quoted(g.pick(&["2022-H1", "2022", "2022-Q3", "2022-01..2022-09"]))
    );
    if g.chance(30) {
        r.push_str("title = \"关于2022年上半年工作情况的报告\"\n");
    }
    if g.chance(40) {
        r.push_str("recipient = \"金川市人民政府\"\n");
    }
    if g.chance(30) {
        r.push_str("signer = \"张某某\"\n");
    }
    if g.chance(30) {
        r.push_str("document_number = \"金开管发〔2022〕18号\"\n");
    }
    if g.chance(20) {
        r.push_str(&format!("red_header = {}\n", g.chance(50)));
    }
    if g.chance(30) {
        r.push_str("note = \"联系人：王某某，联系电话：0935-8812345\"\n");
    }
    let cite: Vec<&str> = INDICATORS[..g.below(INDICATORS.len() + 1)].to_vec();
    for name in &cite {
        r.push_str(&format!(
            "\n[[indicators]]\nname = {}\nvalue = {}.{}\nunit = \"亿元\"\nprevious = 40.5\n",
            quoted(name),
            10 + g.below(90),
            g.below(100)
        ));
    }
    // Some indicators are cited, some tabled, some neither (lint must name those).
    let cited: Vec<&str> = cite.iter().copied().filter(|_| g.chance(60)).collect();
    if g.chance(80) {
        r.push_str(&format!(
            "\n[summary]\ntext = {}\nindicator_table = {}\n",
            prose(&mut g, &cited),
            g.chance(30)
        ));
    }
    for part in ["achievements", "problems", "plan"] {
        let title = g.chance(40);
        let text = g.chance(30);
        if title || text {
            r.push_str(&format!("\n[parts.{part}]\n"));
            if title {
                r.push_str(&format!("title = {}\n", quoted(g.pick(&TITLES))));
            }
            if text {
                r.push_str(&format!("text = {}\n", prose(&mut g, &cited)));
            }
        }
    }
    for part in ["achievements", "problems", "plan"] {
        if g.chance(70) {
            items(&mut g, part, 0, &mut r, &cited);
        }
    }
    for i in 0..g.below(3) {
        r.push_str(&format!(
            "\n[[attachments]]\ntitle = \"2022年上半年重点项目推进情况表{i}\"\ntext = {}\n",
            prose(&mut g, &cited)
        ));
    }
    if g.chance(30) {
        r.push_str("\n[end_matter]\ncopy_to = [\"市发展改革委\", \"市财政局\"]\nprinted_by = \"金川经济技术开发区管委会办公室\"\n");
    }
    if g.chance(20) {
        r.push_str("\n[style]\nsignature = false\n");
    }
    r
}

#[test]
fn generated_reports_print_all_they_say() {
    let session = Session::default();
    for seed in 1..=300 {
        let text = generated(seed);
        let prepared = session
            .prepare_source(SourceFile::new("generated.toml", text.as_str()))
            .unwrap_or_else(|d| panic!("seed {seed}: {d}\n{text}"));
        nothing_lost(&format!("seed {seed}\n{text}"), &text, &prepared);
    }
}
