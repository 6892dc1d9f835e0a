//! Building the document tree from a checked report: numbering, figures, prose, tables.

use crate::diagnostic::{Diagnostic, Diagnostics, SourceFile};
use crate::indicator::Figures;
use crate::ir::{
    self, Align, Block, Column, Document, DocumentMeta, Heading, Paragraph, Run, RunRole,
};
use crate::limits::{MAX_PARAGRAPH_CHARS, MAX_TABLE_CELLS, MAX_TABLE_COLUMNS};
use crate::load::Loaded;
use crate::model::{Cell, ChartSpec, Item, Placement, TableSpec};
use crate::numbering::{heading_number, run_in_number};
use crate::prose::ProseRenderer;
use crate::resolve::Resolved;
use crate::style::{NumberingMode, Style};
use std::collections::BTreeMap;
use std::ops::Range;

/// The fixed wording of the document, spelled here once; the IR carries it as printed text.
mod labels {
    /// Before the 签发人's name in the red header.
    pub(super) const SIGNER: &str = "签发人：";
    /// Before the first title of the attachment note.
    pub(super) const ATTACHMENTS: &str = "附件：";
    /// Above an attachment, followed by its number when there are several.
    pub(super) const ATTACHMENT: &str = "附件";
    /// Before the 抄送 list of the end matter.
    pub(super) const COPY_TO: &str = "抄送：";
    /// After the printing date of the end matter.
    pub(super) const PRINTED: &str = "印发";
    /// Above the repeated header of a table continued on a new page.
    pub(super) const TABLE_CONTINUED: &str = "续表";
}

/// A section produced by a plugin, already in model terms.
#[derive(Debug, Clone)]
pub struct GeneratedSection {
    /// Where it goes.
    pub place: Placement,
    /// The section as an item: its title is the heading, its text and sub-items the body.
    pub item: Item,
}

/// Builds the document of a loaded, resolved report, with plugin sections already generated.
pub fn build(
    loaded: &Loaded,
    resolved: &Resolved,
    sections: &[GeneratedSection],
) -> Result<Document, Diagnostics> {
    let mut b = Builder::new(loaded, resolved);
    for section in sections {
        check_generated(&section.item, &loaded.file, &mut b.errors);
    }
    b.run(sections);
    b.written_at(None);
    if b.errors.is_empty() {
        Ok(Document {
            meta: b.meta(),
            blocks: b.blocks,
            sources: b.sources,
        })
    } else {
        Err(Diagnostics(b.errors))
    }
}

struct Builder<'a> {
    loaded: &'a Loaded,
    resolved: &'a Resolved,
    style: &'a Style,
    file: &'a SourceFile,
    prose: ProseRenderer,
    figures: &'a BTreeMap<String, Figures>,
    blocks: Vec<Block>,
    /// Where each block's text was written in the report, kept as long as `blocks`
    /// by [`Builder::written_at`].
    sources: Vec<Option<Range<usize>>>,
    /// Charts drawn so far: the last one's number (图1, 图2 … in document order).
    charts_drawn: u32,
    errors: Vec<Diagnostic>,
}

impl<'a> Builder<'a> {
    fn new(loaded: &'a Loaded, resolved: &'a Resolved) -> Self {
        Builder {
            loaded,
            resolved,
            style: &loaded.style,
            file: &loaded.file,
            prose: ProseRenderer::new(resolved.figures.clone(), resolved.prose_variables()),
            figures: &resolved.figures,
            blocks: Vec::new(),
            sources: Vec::new(),
            charts_drawn: 0,
            errors: Vec::new(),
        }
    }

    /// Records `source` as the place of every block added since the last call.
    fn written_at(&mut self, source: Option<Range<usize>>) {
        self.sources.resize(self.blocks.len(), source);
    }

    fn meta(&self) -> DocumentMeta {
        DocumentMeta {
            title: self.resolved.title.clone(),
            author: self.resolved.organization.clone(),
            subject: format!("{}工作总结", self.resolved.period.name),
            date: self.loaded.date,
            language: "zh-CN".into(),
        }
    }

    fn run(&mut self, sections: &[GeneratedSection]) {
        let report = &self.loaded.report;
        let meta = &report.report;
        let organization = &self.resolved.organization;
        let organization_at = Some(meta.organization.span());

        if meta.red_header.unwrap_or(meta.document_number.is_some()) {
            self.blocks.push(Block::RedHeader(ir::RedHeader {
                organ_mark: meta
                    .organ_mark
                    .clone()
                    .unwrap_or_else(|| format!("{organization}文件")),
                document_number: meta.document_number.as_ref().map(|d| d.get_ref().clone()),
                signer: meta.signer.clone().map(|name| ir::Labelled {
                    label: labels::SIGNER.into(),
                    text: name,
                }),
            }));
        }
        self.written_at(meta.document_number.as_ref().map(|d| d.span()));
        let title_font = self.style.font(crate::style::FontRole::Title).size_pt;
        let max_em = (self.style.page.block_width_pt() / title_font).floor();
        self.blocks.push(Block::Title {
            lines: crate::title::break_title(&self.resolved.title, max_em),
        });
        self.written_at(match &meta.title {
            Some(t) => Some(t.span()),
            None => organization_at.clone(),
        });
        if let Some(r) = meta
            .recipient
            .as_deref()
            .map(str::trim)
            .filter(|r| !r.is_empty())
        {
            let r = r.trim_end_matches(['：', ':']);
            self.blocks.push(Block::Addressee {
                text: format!("{r}："),
            });
        }
        self.written_at(None);
        if let Some(summary) = &report.summary {
            self.prose_paragraphs(summary.text.get_ref(), summary.text.span(), false);
            if summary.indicator_table {
                self.indicator_table(true);
                self.written_at(None);
            }
        }
        for spec in &report.charts {
            self.chart(spec);
        }

        // A part's items: the report's own, then the plugin sections placed there.
        let with_placed = |own: &[Item], place: Placement| -> Vec<Item> {
            own.iter()
                .cloned()
                .chain(
                    sections
                        .iter()
                        .filter(|s| s.place == place)
                        .map(|s| s.item.clone()),
                )
                .collect()
        };
        // Each part is an item one level up: its title the 一、 heading, its text the
        // opening. A part is printed when it has items or text of its own: a part written
        // as prose only (as imported reports often are) is kept; one with neither is left
        // out (lint names a title written for it).
        let period = &self.resolved.period;
        let default_mode = self.style.numbering;
        let part = |spec: &crate::model::PartSpec, default_title: String, items: Vec<Item>| {
            let has_text = spec
                .text
                .as_ref()
                .is_some_and(|t| !t.get_ref().trim().is_empty());
            (!items.is_empty() || has_text).then(|| Item {
                title: Some(toml::Spanned::new(
                    0..0,
                    spec.title.clone().unwrap_or(default_title),
                )),
                text: spec.text.clone(),
                items,
                numbering: Some(spec.numbering.unwrap_or(default_mode)),
                ..Item::default()
            })
        };
        let mut parts = Vec::new();
        parts.extend(part(
            &report.parts.achievements,
            format!("{}主要工作", period.name),
            with_placed(&report.achievements, Placement::Achievements),
        ));
        for mut item in with_placed(&[], Placement::Part) {
            item.numbering = Some(item.numbering.unwrap_or(default_mode));
            parts.push(item);
        }
        parts.extend(part(
            &report.parts.problems,
            "存在的问题".into(),
            report.problems.clone(),
        ));
        parts.extend(part(
            &report.parts.plan,
            format!("{}工作计划", period.next),
            with_placed(&report.plan, Placement::Plan),
        ));
        for (i, part) in parts.iter().enumerate() {
            let title = part
                .title
                .as_ref()
                .map(|t| t.get_ref().trim().to_string())
                .unwrap_or_default();
            self.blocks.push(Block::Heading(Heading {
                level: 1,
                number: heading_number(1, i as u32 + 1),
                text: title,
            }));
            self.written_at(
                part.title
                    .as_ref()
                    .map(|t| t.span())
                    .filter(|s| !s.is_empty()),
            );
            self.item_body(part, 1);
        }

        let attachments = &report.attachments;
        if !attachments.is_empty() {
            let numbered = attachments.len() > 1;
            self.blocks.push(Block::AttachmentNote(ir::AttachmentNote {
                label: labels::ATTACHMENTS.into(),
                items: attachments
                    .iter()
                    .enumerate()
                    .map(|(i, a)| ir::AttachmentItem {
                        number: if numbered {
                            format!("{}.", i + 1)
                        } else {
                            String::new()
                        },
                        title: a.title.get_ref().trim().to_string(),
                    })
                    .collect(),
            }));
            self.written_at(attachments.first().map(|a| a.title.span()));
        }
        if self.style.signature {
            self.blocks.push(Block::Signature(ir::Signature {
                organization: organization.clone(),
                date: self.loaded.date.chinese(),
                sealed: self.style.sealed,
            }));
            self.written_at(organization_at.clone());
        }
        if let Some(note) = meta
            .note
            .as_deref()
            .map(str::trim)
            .filter(|n| !n.is_empty())
        {
            let note = note.trim_start_matches('（').trim_end_matches('）');
            self.blocks.push(Block::Note {
                text: format!("（{note}）"),
            });
            self.written_at(None);
        }
        for (i, att) in attachments.iter().enumerate() {
            let label = if attachments.len() == 1 {
                labels::ATTACHMENT.to_string()
            } else {
                format!("{}{}", labels::ATTACHMENT, i + 1)
            };
            self.blocks
                .push(Block::AttachmentStart(ir::AttachmentStart {
                    label,
                    title: att.title.get_ref().trim().to_string(),
                }));
            self.written_at(Some(att.title.span()));
            if let Some(text) = &att.text {
                self.prose_paragraphs(text.get_ref(), text.span(), false);
            }
            if let Some(t) = &att.table {
                self.table(t);
            }
            if att.indicator_table {
                // The attachment's title already names the table.
                self.indicator_table(false);
                self.written_at(None);
            }
            if let Some(c) = &att.chart {
                self.chart(c);
            }
        }
        if let Some(em) = &report.end_matter {
            let printed_on = em
                .printed_on
                .as_ref()
                .and_then(|d| d.date)
                .and_then(|d| crate::date::Date::new(i32::from(d.year), d.month, d.day))
                .unwrap_or(self.loaded.date);
            let copy_to = (!em.copy_to.is_empty()).then(|| ir::Labelled {
                label: labels::COPY_TO.into(),
                text: format!("{}。", em.copy_to.join("，")),
            });
            self.blocks.push(Block::EndMatter(ir::EndMatter {
                copy_to,
                printed_by: em
                    .printed_by
                    .clone()
                    .unwrap_or_else(|| format!("{organization}办公室")),
                printed_on: format!("{}{}", printed_on.chinese(), labels::PRINTED),
            }));
            self.written_at(None);
        }
    }

    /// Numbered items at `level`.
    fn items(&mut self, items: &[Item], level: u8, mode: NumberingMode) {
        for (i, item) in items.iter().enumerate() {
            let index = i as u32 + 1;
            let title = item.title.as_ref().map(|t| t.get_ref().trim().to_string());
            match (mode, level) {
                // An untitled item at a heading level runs its number into its text: "（一）受疫情影响……"
                (NumberingMode::Headings, 1 | 2) if title.is_some() => {
                    self.blocks.push(Block::Heading(Heading {
                        level,
                        number: heading_number(level, index),
                        text: title.unwrap_or_default(),
                    }));
                    self.written_at(item.title.as_ref().map(|t| t.span()));
                    self.item_body(item, level);
                }
                _ => {
                    let number = match mode {
                        NumberingMode::Headings => heading_number(level, index),
                        NumberingMode::RunIn => run_in_number(index),
                    };
                    let lead = match &title {
                        Some(t) => format!("{number}{}", with_full_stop(t)),
                        None => number,
                    };
                    let first = Run {
                        text: lead,
                        role: RunRole::Lead { level },
                    };
                    self.item_body_run_in(item, level, first);
                }
            }
        }
    }

    /// Text, table and sub-items of an item whose heading stands on its own line.
    fn item_body(&mut self, item: &Item, level: u8) {
        if let Some(text) = &item.text {
            self.prose_paragraphs(text.get_ref(), text.span(), item.literal);
        }
        self.item_rest(item, level);
    }

    /// Like [`Self::item_body`], the first paragraph opening with the run-in lead.
    fn item_body_run_in(&mut self, item: &Item, level: u8, lead: Run) {
        let start = self.blocks.len();
        if let Some(text) = &item.text {
            self.prose_paragraphs(text.get_ref(), text.span(), item.literal);
        }
        let title_at = item.title.as_ref().map(|t| t.span());
        match self.blocks.get_mut(start) {
            Some(Block::Paragraph(p)) => {
                p.runs.insert(0, lead);
                p.outline_level = Some(level);
                // The lead and the first paragraph: from the title to the text.
                let text_at = self.sources[start].clone();
                self.sources[start] = match (title_at, text_at) {
                    (Some(a), Some(b)) => Some(a.start.min(b.start)..a.end.max(b.end)),
                    (a, b) => a.or(b),
                };
            }
            _ => {
                self.blocks.insert(
                    start,
                    Block::Paragraph(Paragraph {
                        runs: vec![lead],
                        outline_level: Some(level),
                    }),
                );
                self.sources.insert(start, title_at);
            }
        }
        self.item_rest(item, level);
    }

    fn item_rest(&mut self, item: &Item, level: u8) {
        if let Some(t) = &item.table {
            self.table(t);
        }
        if let Some(c) = &item.chart {
            self.chart(c);
        }
        if !item.items.is_empty() {
            self.items(
                &item.items,
                level + 1,
                item.numbering.unwrap_or(NumberingMode::Headings),
            );
        }
    }

    /// Renders prose and splits it into paragraphs at blank lines.
    fn prose_paragraphs(&mut self, text: &str, span: std::ops::Range<usize>, literal: bool) {
        let rendered = if literal {
            Ok(text.to_string())
        } else {
            self.prose.render(text, self.file, span.clone())
        };
        let paragraphs = match rendered {
            Ok(t) => split_paragraphs(&t),
            Err(e) => return self.errors.push(e),
        };
        if let Some(long) = paragraphs
            .iter()
            .map(|p| p.chars().count())
            .find(|&n| n > MAX_PARAGRAPH_CHARS)
        {
            return self.errors.push(
                Diagnostic::error(huibao_i18n::msg!(
                    "build-paragraph-too-long",
                    length = long,
                    max = MAX_PARAGRAPH_CHARS
                ))
                .at(self.file, span.start..span.start)
                .with_label(huibao_i18n::msg!("build-in-this-text"))
                .with_help(huibao_i18n::msg!("build-paragraph-too-long-help")),
            );
        }
        self.blocks.extend(
            paragraphs
                .into_iter()
                .map(|p| Block::Paragraph(Paragraph::plain(p))),
        );
        self.written_at(Some(span));
    }

    fn table(&mut self, t: &TableSpec) {
        let headers = t.columns.get_ref();
        let written = t.rows.iter().fold(t.columns.span(), |all, r| {
            all.start.min(r.span().start)..all.end.max(r.span().end)
        });
        let cells = headers.len().saturating_mul(t.rows.len() + 1);
        if headers.len() > MAX_TABLE_COLUMNS || cells > MAX_TABLE_CELLS {
            return self.errors.push(
                Diagnostic::error(huibao_i18n::msg!(
                    "build-table-too-large",
                    columns = headers.len(),
                    rows = t.rows.len(),
                    max_columns = MAX_TABLE_COLUMNS,
                    max_cells = MAX_TABLE_CELLS
                ))
                .at(self.file, t.columns.span())
                .with_label(huibao_i18n::msg!("build-this-table"))
                .with_help(huibao_i18n::msg!("build-table-too-large-help")),
            );
        }
        let rows: Vec<Vec<String>> = t
            .rows
            .iter()
            .map(|r| {
                r.get_ref()
                    .iter()
                    .map(|c| match c {
                        Cell::Text(s) => s.trim().to_string(),
                        Cell::Number(n) => crate::indicator::format_number(*n, None),
                    })
                    .collect()
            })
            .collect();
        let columns = self.columns(headers, &rows, t.widths.as_deref(), |i| {
            t.align
                .as_ref()
                .and_then(|a| a.get(i).copied())
                .unwrap_or_else(|| guess_align(i, &rows))
        });
        self.blocks.push(Block::Table(ir::Table {
            caption: t.caption.clone(),
            columns,
            rows,
            note: t.note.clone(),
            continued: labels::TABLE_CONTINUED.into(),
        }));
        self.written_at(Some(written));
    }

    /// A table's columns: each header with its share of the block's width (`widths` as
    /// the report gives them, or from the cells' text) and the alignment `align` gives
    /// its index.
    fn columns(
        &self,
        headers: &[String],
        rows: &[Vec<String>],
        widths: Option<&[u16]>,
        align: impl Fn(usize) -> Align,
    ) -> Vec<Column> {
        let shares = crate::columns::shares(headers, rows, widths, self.style);
        headers
            .iter()
            .zip(shares)
            .enumerate()
            .map(|(i, (h, width))| Column {
                header: h.clone(),
                align: align(i),
                width,
            })
            .collect()
    }

    /// The chart(s) `spec` asks for, each captioned with the next figure number.
    fn chart(&mut self, spec: &ChartSpec) {
        let at = spec.kind.span();
        let figures = match crate::chart::figures(
            spec,
            &self.loaded.report.indicators,
            &self.resolved.period,
            self.file,
        ) {
            Ok(f) => f,
            Err(d) => return self.errors.push(d),
        };
        for figure in figures {
            self.charts_drawn += 1;
            let caption = format!("图{}\u{3000}{}", self.charts_drawn, figure.title);
            match crate::chart::lay_out(&figure, caption, self.style) {
                Ok(chart) => self.blocks.push(Block::Chart(chart)),
                Err(e) => self.errors.push(
                    Diagnostic::error(e)
                        .at(self.file, at.clone())
                        .with_label(huibao_i18n::msg!("chart-label"))
                        .with_help(huibao_i18n::msg!("chart-split-help")),
                ),
            }
        }
        self.written_at(Some(at));
    }

    /// 主要经济指标完成情况表, with its caption or (in an attachment titled for it) without.
    fn indicator_table(&mut self, with_caption: bool) {
        let inds = &self.loaded.report.indicators;
        let any_growth = self.figures.values().any(|f| f.growth_cell.is_some());
        let any_target = inds.iter().any(|i| i.target.is_some());
        let dash = || "—".to_string();
        let mut headers = vec![
            "指标名称".to_string(),
            "单位".into(),
            match self.loaded.period.normalized() {
                crate::period::Period::Year(_) => "全年完成".to_string(),
                p => format!("{}完成", p.month_phrase()),
            },
        ];
        if any_growth {
            headers.push("同比增长".into());
        }
        if any_target {
            headers.extend(["全年目标".into(), "完成率".into()]);
        }
        let rows: Vec<Vec<String>> = inds
            .iter()
            .map(|i| {
                let f = &self.figures[i.name.get_ref()];
                let mut row = vec![
                    i.name.get_ref().clone(),
                    i.unit.trim().to_string(),
                    crate::indicator::format_number(i.value.get_ref().0, i.decimals),
                ];
                if any_growth {
                    row.push(f.growth_cell.clone().unwrap_or_else(dash));
                }
                if any_target {
                    row.push(
                        i.target
                            .as_ref()
                            .map(|t| crate::indicator::format_number(t.get_ref().0, i.decimals))
                            .unwrap_or_else(dash),
                    );
                    row.push(f.completion_cell.clone().unwrap_or_else(dash));
                }
                row
            })
            .collect();
        let columns = self.columns(&headers, &rows, None, |i| match i {
            0 => Align::Left,
            1 => Align::Center,
            _ => Align::Right,
        });
        self.blocks.push(Block::Table(ir::Table {
            caption: with_caption
                .then(|| format!("{}主要经济指标完成情况表", self.resolved.period.name)),
            columns,
            rows,
            note: None,
            continued: labels::TABLE_CONTINUED.into(),
        }));
    }
}

/// Text from a plugin holds no control characters (nor bidirectional controls), as text in
/// the report may not ([`crate::chars::is_forbidden`]): the
/// error points at the section's `plugin = …` in the report.
fn check_generated(item: &Item, file: &SourceFile, errors: &mut Vec<Diagnostic>) {
    let texts = [&item.title, &item.text]
        .into_iter()
        .flatten()
        .map(|t| (t.get_ref().as_str(), t.span()));
    let table = item.table.iter().flat_map(|t| {
        let at = t.columns.span();
        t.caption
            .iter()
            .chain(t.note.iter())
            .chain(t.columns.get_ref())
            .chain(t.rows.iter().flat_map(|r| {
                r.get_ref().iter().filter_map(|c| match c {
                    Cell::Text(s) => Some(s),
                    Cell::Number(_) => None,
                })
            }))
            .map(move |s| (s.as_str(), at.clone()))
    });
    let chart = item.chart.iter().flat_map(|c| {
        let at = c.kind.span();
        c.title
            .iter()
            .map(|t| t.get_ref())
            .chain(c.categories.iter().flat_map(|l| l.get_ref()))
            .chain(c.unit.iter())
            .chain(c.series.iter().map(|s| &s.name))
            .map(move |s| (s.as_str(), at.clone()))
    });
    for (text, span) in texts.chain(table).chain(chart) {
        if let Some((_, c)) = crate::chars::first_forbidden(text) {
            errors.push(
                Diagnostic::error(huibao_i18n::msg!(
                    "build-plugin-forbidden",
                    what = crate::chars::describe_forbidden(c)
                ))
                .at(file, span)
                .with_label(huibao_i18n::msg!("build-plugin-section-label"))
                .with_help(huibao_i18n::msg!("build-plugin-forbidden-help")),
            );
            return;
        }
    }
    for child in &item.items {
        check_generated(child, file, errors);
    }
}

/// Appends "。" to a run-in title that lacks closing punctuation.
fn with_full_stop(title: &str) -> String {
    if title.ends_with(['。', '！', '？', '；', '：', '.']) {
        title.to_string()
    } else {
        format!("{title}。")
    }
}

/// Splits prose at blank lines; lines of one paragraph are joined without a space
/// (Chinese text), except between two Latin words.
pub(crate) fn split_paragraphs(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    for line in text.lines().map(str::trim) {
        if line.is_empty() {
            if !current.is_empty() {
                out.push(std::mem::take(&mut current));
            }
            continue;
        }
        let latin_join = current.ends_with(|c: char| c.is_ascii_alphanumeric())
            && line.starts_with(|c: char| c.is_ascii_alphanumeric());
        if latin_join {
            current.push(' ');
        }
        current.push_str(line);
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

fn is_numeric(s: &str) -> bool {
    let s = s.trim().trim_end_matches(['%', '％']);
    !s.is_empty() && s.parse::<f64>().is_ok()
}

fn guess_align(i: usize, rows: &[Vec<String>]) -> Align {
    let cells: Vec<&String> = rows
        .iter()
        .filter_map(|r| r.get(i))
        .filter(|c| !c.is_empty() && *c != "—")
        .collect();
    if i > 0 && !cells.is_empty() && cells.iter().all(|c| is_numeric(c)) {
        Align::Right
    } else {
        Align::Left
    }
}

#[cfg(test)]
mod tests {
    use super::split_paragraphs;

    #[test]
    fn paragraphs_split_at_blank_lines() {
        let p = split_paragraphs("第一段，\n  续行。\n\n第二段 PDF\nA4纸。\n");
        assert_eq!(p, vec!["第一段，续行。", "第二段 PDF A4纸。"]);
    }
}
