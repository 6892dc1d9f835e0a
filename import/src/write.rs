//! Writing the report TOML. The draft becomes the model's own [`Report`], so the format's
//! shape is defined once, in core; toml_edit writes it (quoting and escaping included), and
//! comments carry what the reader must check (`# CHECK:`) and the source text that found no
//! place in the model.

use crate::draft::{ItemDraft, PartDraft, Role};
use crate::frame::Ymd;
use crate::{AttachmentOut, Draft, IndicatorDraft};
use huibao_core::model::{
    Attachment, Cell, EndMatterSpec, Indicator, Item, Meta, Number, PartSpec, Parts, Report,
    Summary, TableSpec,
};
use huibao_core::style::NumberingMode;
use huibao_i18n::{msg, t, Message};
use toml::value::{Date, Datetime};
use toml::Spanned;
use toml_edit::visit_mut::{self, VisitMut};
use toml_edit::{ArrayOfTables, DocumentMut, Item as TomlItem, Table};

/// The whole report TOML.
pub(crate) fn report(d: &Draft) -> String {
    let model = to_model(d);
    let mut doc = toml_edit::ser::to_document(&model)
        .expect("the model has only strings, numbers, booleans, dates, arrays and tables");
    Layout { in_value: false }.visit_document_mut(&mut doc);
    Annotate::default().document(&mut doc, d);
    doc.to_string()
}

/// The text a report TOML holds: its string values in order, one a line, without keys
/// or comments (what reaches the rendered report).
pub(crate) fn without_comments(toml: &str) -> String {
    fn walk(v: &toml::Value, out: &mut String) {
        match v {
            toml::Value::String(s) => {
                out.push_str(s);
                out.push('\n');
            }
            toml::Value::Array(a) => a.iter().for_each(|v| walk(v, out)),
            toml::Value::Table(t) => t.values().for_each(|v| walk(v, out)),
            _ => {}
        }
    }
    let mut out = String::new();
    if let Ok(table) = toml.parse::<toml::Table>() {
        table.values().for_each(|v| walk(v, &mut out));
    }
    out
}

/// A value without a place in the source text.
fn at<T>(value: T) -> Spanned<T> {
    Spanned::new(0..0, value)
}

fn date(Ymd(y, m, d): Ymd) -> Datetime {
    Datetime {
        date: Some(Date {
            year: y.clamp(0, 9999) as u16,
            month: m,
            day: d,
        }),
        time: None,
        offset: None,
    }
}

/// Prose for a `text` key: paragraphs separated by blank lines, `{{` escaped so the prose
/// renderer prints it, ending in a line break (so it is written as a multi-line string).
pub(crate) fn prose(paras: &[String]) -> String {
    let text: Vec<String> = paras.iter().map(|p| p.replace("{{", "\\{{")).collect();
    format!("{}\n", text.join("\n\n"))
}

/// A number as written in the source, and the decimals to print it as written
/// ("5.00" → 5 with 2 decimals); `None` for anything that is not a finite number.
pub(crate) fn number(written: &str) -> Option<(f64, Option<u8>)> {
    let value: f64 = written.parse().ok()?;
    if !value.is_finite() {
        return None;
    }
    Some((value, huibao_core::decimals_as_written(written, value)))
}

/// The draft in the model's terms.
fn to_model(d: &Draft) -> Report {
    let head = &d.head;
    let body = &d.body;
    let part = |role: Role| body.parts.iter().find(|p| p.role == role);
    let items = |role: Role| {
        part(role)
            .map(|p| p.items.iter().map(item).collect())
            .unwrap_or_default()
    };
    let spec = |role: Role| part(role).map(part_spec).unwrap_or_default();
    let summary = (!body.summary.is_empty() || d.indicator_table_in_summary).then(|| Summary {
        text: at(if body.summary.is_empty() {
            String::new()
        } else {
            prose(&body.summary)
        }),
        indicator_table: d.indicator_table_in_summary,
    });
    let tail = &d.tail;
    let end_matter = (!tail.copy_to.is_empty() || tail.printed.is_some()).then(|| {
        let (by, on) = tail.printed.clone().unwrap_or_default();
        EndMatterSpec {
            copy_to: tail.copy_to.clone(),
            printed_by: (!by.is_empty()).then_some(by),
            printed_on: on.map(date),
        }
    });
    Report {
        report: Meta {
            organization: at(d.organization.value.clone()),
            period: at(d.period.value.to_string()),
            date: at(date(d.date.value)),
            title: head.title.clone().map(at),
            recipient: head.recipient.clone(),
            signer: head.signer.clone(),
            document_number: head.document_number.clone().map(at),
            red_header: (head.organ_mark.is_some() && head.document_number.is_none())
                .then_some(true),
            organ_mark: head.organ_mark.clone(),
            note: tail.note.clone(),
            previous: d.previous.clone().map(at),
        },
        summary,
        indicators: d.indicators.iter().map(indicator).collect(),
        achievements: items(Role::Achievements),
        problems: items(Role::Problems),
        plan: items(Role::Plan),
        sections: Vec::new(),
        charts: Vec::new(),
        attachments: d.attachments.iter().map(attachment).collect(),
        parts: Parts {
            achievements: spec(Role::Achievements),
            problems: spec(Role::Problems),
            plan: spec(Role::Plan),
        },
        style: Default::default(),
        plugins: Default::default(),
        end_matter,
        output: Default::default(),
    }
}

fn indicator(i: &IndicatorDraft) -> Indicator {
    Indicator {
        name: at(i.name.clone()),
        value: at(Number(i.value)),
        unit: i.unit.clone(),
        previous: i.previous.map(|v| at(Number(v))),
        target: i.target.map(|v| at(Number(v))),
        decimals: i.decimals,
    }
}

fn part_spec(p: &PartDraft) -> PartSpec {
    PartSpec {
        title: p.title.clone(),
        text: (!p.lead.is_empty()).then(|| at(prose(&p.lead))),
        numbering: p.run_in.then_some(NumberingMode::RunIn),
    }
}

fn item(i: &ItemDraft) -> Item {
    Item {
        title: i.title.clone().map(at),
        text: (!i.paras.is_empty()).then(|| at(prose(&i.paras))),
        items: i.items.iter().map(item).collect(),
        numbering: (i.run_in && !i.items.is_empty()).then_some(NumberingMode::RunIn),
        table: i.table.as_deref().and_then(table),
        chart: None,
        literal: false,
    }
}

/// A table whose first row is the header; rows are cut or padded to the header's width.
fn table(rows: &[Vec<String>]) -> Option<TableSpec> {
    let (columns, body) = rows.split_first()?;
    let mut columns = columns.clone();
    if columns.is_empty() {
        columns.push(String::new());
    }
    let width = columns.len();
    let row = |r: &Vec<String>| {
        let mut cells: Vec<Cell> = r.iter().take(width).cloned().map(Cell::Text).collect();
        cells.resize(width, Cell::Text(String::new()));
        at(cells)
    };
    Some(TableSpec {
        caption: None,
        columns: at(columns),
        rows: body.iter().map(row).collect(),
        align: None,
        widths: None,
        note: None,
    })
}

fn attachment(a: &AttachmentOut) -> Attachment {
    let table = a.table.as_deref().and_then(table);
    let text = if !a.paras.is_empty() {
        Some(prose(&a.paras))
    } else if table.is_none() && !a.indicator_table {
        // An attachment needs content; an empty one keeps its title.
        Some(prose(&["（无正文）".into()]))
    } else {
        None
    };
    Attachment {
        title: at(a.title.clone()),
        text: text.map(at),
        table,
        indicator_table: a.indicator_table,
        chart: None,
    }
}

/// Tables as `[table]` and `[[array]]` headers rather than inline, table rows one per line.
struct Layout {
    in_value: bool,
}

impl VisitMut for Layout {
    fn visit_item_mut(&mut self, node: &mut TomlItem) {
        if !self.in_value {
            let item = std::mem::take(node);
            let item = item.into_table().map(TomlItem::Table).unwrap_or_else(|i| i);
            *node = item
                .into_array_of_tables()
                .map(TomlItem::ArrayOfTables)
                .unwrap_or_else(|i| i);
        }
        visit_mut::visit_item_mut(self, node);
    }

    fn visit_table_mut(&mut self, node: &mut Table) {
        // A table with only sub-tables (`[parts]`) prints no header of its own.
        if !node.is_empty() {
            node.set_implicit(true);
        }
        visit_mut::visit_table_mut(self, node);
    }

    fn visit_table_like_kv_mut(&mut self, key: toml_edit::KeyMut<'_>, node: &mut TomlItem) {
        if key.get() == "rows" {
            if let Some(rows) = node.as_array_mut() {
                for row in rows.iter_mut() {
                    row.decor_mut().set_prefix("\n  ");
                }
                rows.set_trailing("\n");
                rows.set_trailing_comma(true);
            }
        }
        visit_mut::visit_table_like_kv_mut(self, key, node);
    }

    fn visit_value_mut(&mut self, node: &mut toml_edit::Value) {
        let was = std::mem::replace(&mut self.in_value, true);
        visit_mut::visit_value_mut(self, node);
        self.in_value = was;
    }
}

/// Orders the tables as a reader checks them (report, summary, figures, parts, items,
/// attachments, end matter) and attaches the comments.
#[derive(Default)]
struct Annotate {
    position: isize,
    /// Comment lines waiting for the next table: a block that stands apart from the
    /// table ends in a blank line, remarks about the table itself do not.
    pending: Vec<String>,
}

impl Annotate {
    fn document(&mut self, doc: &mut DocumentMut, d: &Draft) {
        self.pending.push(comment_lines(&t!(
            "import-toml-header",
            source = huibao_core::chars::single_line(&d.source_name)
        )));
        let mut doubts = String::new();
        for doubt in &d.doubts {
            doubts += &comment_lines(&check(doubt.clone()));
        }
        self.pending.push(format!("{doubts}\n"));
        let root = doc.as_table_mut();
        if let Some(report) = root.get_mut("report").and_then(TomlItem::as_table_mut) {
            let unsure = [
                ("organization", d.organization.sure, &d.organization.source),
                ("period", d.period.sure, &d.period.source),
                ("date", d.date.sure, &d.date.source),
            ];
            for (key, sure, source) in unsure {
                if let (false, Some(value)) =
                    (sure, report.get_mut(key).and_then(TomlItem::as_value_mut))
                {
                    value.decor_mut().set_suffix(format!(
                        "  # {}",
                        huibao_core::chars::single_line(&check(source.clone()))
                    ));
                }
            }
            self.place(report, true);
        }
        for r in &d.body.summary_remarks {
            self.comment(&r.to_string());
        }
        if let Some(summary) = root.get_mut("summary").and_then(TomlItem::as_table_mut) {
            self.place(summary, false);
        }
        let indicators = array(root, "indicators");
        for (table, ind) in indicators
            .into_iter()
            .flat_map(|a| a.iter_mut())
            .zip(&d.indicators)
        {
            if let Some(c) = &ind.comment {
                self.comment(&c.to_string());
            }
            self.place(table, false);
        }
        if !d.masked.is_empty() {
            let mut block = comment_lines(&check(msg!("import-note-masked")));
            for m in &d.masked {
                block += &comment_lines(&format!(
                    "  {}",
                    t!(
                        "import-note-masked-item",
                        written = m.written.clone(),
                        clause = m.clause.clone()
                    )
                ));
            }
            self.pending.push(block + "\n");
        }
        if let Some(parts) = root.get_mut("parts").and_then(TomlItem::as_table_mut) {
            // `[parts]` itself prints no header (nor comments): only its sub-tables do.
            self.position += 1;
            parts.set_position(Some(self.position));
            for role in [Role::Achievements, Role::Problems, Role::Plan] {
                if let Some(spec) = parts.get_mut(role.key()).and_then(TomlItem::as_table_mut) {
                    self.place(spec, false);
                }
            }
        }
        for part in &d.body.parts {
            if part.items.is_empty() {
                self.pending.push(format!(
                    "{}\n",
                    comment_lines(&t!(
                        "import-note-part-without-items",
                        part = part.role.label()
                    ))
                ));
            }
            for r in &part.remarks {
                self.comment(&r.to_string());
            }
            self.items(array(root, part.role.key()), &part.items);
        }
        for (table, a) in array(root, "attachments")
            .into_iter()
            .flat_map(|a| a.iter_mut())
            .zip(&d.attachments)
        {
            if a.listed_only {
                self.comment(&check(msg!("import-note-attachment-listed")));
            }
            self.place(table, false);
            self.sub_table(table, "table");
        }
        if let Some(end) = root.get_mut("end_matter").and_then(TomlItem::as_table_mut) {
            self.place(end, false);
        }
        if !d.tail.leftovers.is_empty() {
            let mut block = comment_lines(&t!("import-note-leftovers"));
            for l in &d.tail.leftovers {
                block += &comment_lines(&format!("  {l}"));
            }
            self.pending.push(block + "\n");
        }
        if !d.removed.is_empty() {
            let mut block = comment_lines(&t!("import-note-removed"));
            for r in &d.removed {
                block += &comment_lines(&format!("  [{}] {}", crate::why::said(r.why), r.text));
            }
            self.pending.push(block);
        }
        if !self.pending.is_empty() {
            let comments = self.pending.concat();
            doc.set_trailing(format!("\n{}\n", comments.trim_end()));
        }
    }

    /// Items and, depth first, their tables and sub-items.
    fn items(&mut self, tables: Option<&mut ArrayOfTables>, drafts: &[ItemDraft]) {
        for (table, draft) in tables.into_iter().flat_map(|a| a.iter_mut()).zip(drafts) {
            for r in &draft.remarks {
                self.comment(&r.to_string());
            }
            self.place(table, false);
            self.sub_table(table, "table");
            self.items(array(table, "items"), &draft.items);
        }
    }

    fn sub_table(&mut self, parent: &mut Table, key: &str) {
        if let Some(t) = parent.get_mut(key).and_then(TomlItem::as_table_mut) {
            self.place(t, false);
        }
    }

    /// Queues text as comment lines for the next table.
    fn comment(&mut self, text: &str) {
        self.pending.push(comment_lines(text));
    }

    /// Gives `table` the next position and the waiting comments above its header.
    fn place(&mut self, table: &mut Table, first: bool) {
        self.position += 1;
        table.set_position(Some(self.position));
        let blank = if first { "" } else { "\n" };
        let comments = std::mem::take(&mut self.pending).concat();
        table.decor_mut().set_prefix(format!("{blank}{comments}"));
    }
}

fn array<'a>(table: &'a mut Table, key: &str) -> Option<&'a mut ArrayOfTables> {
    table
        .get_mut(key)
        .and_then(TomlItem::as_array_of_tables_mut)
}

/// A `# CHECK:` note (`# 待核对：` in Chinese): what the reader must check.
fn check(what: Message) -> String {
    t!("import-check", note = what)
}

/// Each line of `text` as a comment line; characters a TOML comment cannot hold (control
/// characters other than tab) are dropped.
fn comment_lines(text: &str) -> String {
    let mut out = String::new();
    for line in text.lines() {
        let line = huibao_core::chars::single_line(line);
        if line.is_empty() {
            out.push_str("#\n");
        } else {
            out.push_str("# ");
            out.push_str(&line);
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prose_keeps_paragraphs_and_escapes_templates() {
        assert_eq!(
            prose(&["第一段。".into(), "第二段{{x}}。".into()]),
            "第一段。\n\n第二段\\{{x}}。\n"
        );
    }

    #[test]
    fn numbers_keep_their_written_decimals() {
        assert_eq!(number("152.3"), Some((152.3, None)));
        assert_eq!(number("5.00"), Some((5.0, Some(2))));
        assert_eq!(number("0012"), Some((12.0, None)));
        assert_eq!(number(".5"), Some((0.5, None)));
        assert_eq!(number("x.x"), None);
        assert_eq!(number("inf"), None);
    }

    /// A draft with something of every kind the writer comments on.
    fn doubtful_draft() -> Draft {
        let source = "园区管委会2022年上半年工作总结\n\
            今年以来，园区完成营业收入*万元。\n\
            一、上半年主要工作\n\
            （一）招商引资\n\
            新签约项目12个，{{协议}}投资额35.6亿元。\n\
            二、下半年工作计划\n\
            （一）推进项目\n\
            加快开工。\n";
        let blocks = crate::source::from_text(source);
        let mut d = crate::recognise("上半年.txt", blocks, crate::Stats::default());
        d.removed.push(crate::clean::Removed {
            text: "来源：某某网 2022-07-13\u{8}".into(),
            why: "site name",
        });
        d.tail.leftovers.push("（此件公开发布）".into());
        d.body.parts[0].items[0]
            .remarks
            .push(msg!("import-remark-second-table", table = "项目 | 数量"));
        d.tail.copy_to = vec!["市发展改革委".into(), "市财政局".into()];
        d
    }

    #[test]
    fn every_check_and_kept_comment_is_written_and_the_report_loads() {
        let d = doubtful_draft();
        assert!(!d.date.sure && !d.masked.is_empty(), "{:?}", d.doubts);
        let toml = report(&d);
        for wanted in [
            "# Imported by `huibao import` from 上半年.txt.\n",
            "date = 2022-07-01  # CHECK: the source has no date",
            "# CHECK: figures and names masked in the source (* or x) are kept as written.",
            "#   “*万元” in “园区完成营业收入*万元”",
            "# A second table of this item (the report allows one per item): 项目 | 数量\n[[achievements]]\ntitle = \"招商引资\"",
            "# Not placed (found below the signature):\n#   （此件公开发布）\n",
            "# Removed from the source as clutter:\n#   [site name] 来源：某某网 2022-07-13\n",
            "copy_to = [\"市发展改革委\", \"市财政局\"]",
        ] {
            assert!(toml.contains(wanted), "{wanted}\n---\n{toml}");
        }
        let loaded =
            huibao_core::load_source(huibao_core::SourceFile::new("a.toml", toml.as_str()))
                .unwrap_or_else(|e| panic!("{e}\n{toml}"));
        let r = &loaded.report;
        assert_eq!(r.report.organization.get_ref(), "园区管委会");
        assert_eq!(
            r.achievements[0].title.as_ref().unwrap().get_ref(),
            "招商引资"
        );
        assert_eq!(
            r.achievements[0].text.as_ref().unwrap().get_ref(),
            "新签约项目12个，\\{{协议}}投资额35.6亿元。\n"
        );
        assert_eq!(r.plan[0].text.as_ref().unwrap().get_ref(), "加快开工。\n");
        assert_eq!(r.end_matter.as_ref().unwrap().copy_to.len(), 2);
    }

    #[test]
    fn an_opening_of_only_the_indicator_table_loads() {
        use crate::source::Block;
        let mut blocks = vec![Block::para("园区管委会2022年上半年工作总结")];
        blocks.push(Block::Table(vec![
            vec!["指标名称".into(), "单位".into(), "1-6月完成".into()],
            vec!["营业收入".into(), "亿元".into(), "48.65".into()],
        ]));
        blocks.extend(
            ["一、上半年主要工作", "（一）招商引资", "新签约项目12个。"]
                .into_iter()
                .map(Block::para),
        );
        let d = crate::recognise("上半年.docx", blocks, crate::Stats::default());
        assert!(d.indicator_table_in_summary && d.body.summary.is_empty());
        let toml = report(&d);
        assert!(
            toml.contains("[summary]\ntext = \"\"\nindicator_table = true\n"),
            "{toml}"
        );
        let loaded =
            huibao_core::load_source(huibao_core::SourceFile::new("a.toml", toml.as_str()))
                .unwrap_or_else(|e| panic!("{e}\n{toml}"));
        assert_eq!(loaded.report.indicators[0].value.get_ref().0, 48.65);
        huibao_core::build(&loaded, &huibao_core::resolve(&loaded), &[])
            .unwrap_or_else(|e| panic!("{e}\n{toml}"));
    }

    #[test]
    fn whole_numbers_are_written_as_integers() {
        let mut d = doubtful_draft();
        d.indicators = vec![IndicatorDraft {
            name: "新签约项目".into(),
            value: 12.0,
            unit: "个".into(),
            previous: Some(9.0),
            target: Some(30.5),
            decimals: None,
            comment: None,
        }];
        let toml = report(&d);
        assert!(
            toml.contains("[[indicators]]\nname = \"新签约项目\"\nvalue = 12\nunit = \"个\"\nprevious = 9\ntarget = 30.5\n"),
            "{toml}"
        );
    }

    #[test]
    fn comments_hold_no_control_characters() {
        assert_eq!(comment_lines("甲\u{8}乙\n\n丙"), "# 甲乙\n#\n# 丙\n");
        assert_eq!(huibao_core::chars::single_line("a\r\nb"), "ab");
    }
}
