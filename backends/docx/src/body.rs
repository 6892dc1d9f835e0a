//! The document body: each IR block becomes styled docx-rs paragraphs and tables.
//!
//! Looks live in the style sheet ([`crate::styles`]); the body names a style per
//! paragraph and adds direct formatting only where a measure depends on the text
//! (signature indents) or the position (space after the red header).

use crate::metrics::Metrics;
use crate::styles::{id, Layout};
use docx_rs::{
    AlignmentType, BorderType, BreakType, Paragraph, Run, SpecialIndentType, TableBorder,
    TableBorderPosition, TableBorders, TableCell, TableCellMargins, TableLayoutType,
    TablePositionProperty, TableRow, WidthType,
};
use huibao_core::closing::closing;
use huibao_core::ir::{AttachmentNote, Block, EndMatter, Heading, RedHeader, RunRole, Signature};
use huibao_core::style::{FontRole, Style};

/// One piece of the body in order.
pub(crate) enum Item {
    Paragraph(Box<Paragraph>),
    Table(Box<docx_rs::Table>),
}

impl From<Paragraph> for Item {
    fn from(p: Paragraph) -> Item {
        Item::Paragraph(Box::new(p))
    }
}

/// What the body builder needs to know besides the block.
pub(crate) struct Context<'a> {
    pub style: &'a Style,
    pub metrics: &'a Metrics,
    pub layout: &'a Layout,
}

/// The body of the document, in reading order.
///
/// The last body lines go with the signature (core's [`closing`]): the paragraphs that
/// make them, and a heading right before them, keep with the next paragraph, and
/// widow control lets Word move just their last two lines. A long last paragraph is set
/// as two at the sentence end where core cuts it, the second (two to four lines) alone
/// kept with the signature: LibreOffice moves a paragraph kept with the next one whole,
/// which would leave the page before short.
pub(crate) fn items(blocks: &[Block], cx: &Context) -> Vec<Item> {
    let closing = closing(blocks, cx.style);
    let with_signature = closing.as_ref().map_or(0..0, |c| c.keep.clone());
    let split = closing.and_then(|c| c.split);
    let mut out = Vec::new();
    let mut after_header = false;
    let mut after_closing = false;
    let mut charts = 0;
    // Charts waiting for the paragraph after them, to float at its top.
    let mut pending_charts = Vec::new();
    for (i, block) in blocks.iter().enumerate() {
        let start = out.len();
        let closing = matches!(
            block,
            Block::AttachmentNote(_) | Block::Signature(_) | Block::Note { .. }
        );
        if closing && after_closing {
            // Attachment note, signature, date and 附注 stay on one page.
            if let Some(last) = out.last_mut() {
                keep_with_next(last);
            }
        }
        after_closing = closing;
        match block {
            Block::RedHeader(h) => red_header(h, &mut out),
            Block::Title { lines } => out.push(title(lines, after_header, cx).into()),
            Block::Addressee { text } => out.push(styled(id::ADDRESSEE, text).into()),
            Block::Heading(h) => out.push(heading(h).into()),
            Block::Paragraph(p) => match split {
                Some((at, cut)) if at == i => {
                    let (head, tail) = p.split_at(cut);
                    out.push(paragraph(&head).into());
                    float_charts(&mut out[start], &mut pending_charts);
                    // The head stays behind: only the tail keeps with the signature.
                    let start_tail = out.len();
                    out.push(paragraph(&tail).into());
                    for item in &mut out[start_tail..] {
                        keep_with_next(item);
                        if let Item::Paragraph(p) = item {
                            p.property = std::mem::take(&mut p.property).widow_control(true);
                        }
                    }
                    after_header = false;
                    continue;
                }
                _ => out.push(paragraph(p).into()),
            },
            Block::Table(t) => out.extend(crate::table::items(t, cx)),
            Block::Chart(_) => {
                charts += 1;
                pending_charts.push(charts);
                let next = blocks.get(i + 1);
                if !matches!(
                    next,
                    Some(Block::Paragraph(_) | Block::Heading(_) | Block::Chart(_))
                ) {
                    out.push(chart_anchor(std::mem::take(&mut pending_charts)).into());
                }
            }
            Block::AttachmentNote(n) => attachment_note(n, cx, &mut out),
            Block::Signature(s) => signature(s, cx, &mut out),
            Block::Note { text } => out.push(styled(id::NOTE, text).into()),
            Block::AttachmentStart(a) => {
                out.push(styled(id::ATTACHMENT_LABEL, &a.label).into());
                out.push(styled(id::ATTACHMENT_TITLE, &a.title).into());
            }
            Block::EndMatter(e) => end_matter(e, cx, &mut out),
        }
        if matches!(block, Block::Paragraph(_) | Block::Heading(_)) {
            if let Some(first) = out.get_mut(start) {
                float_charts(first, &mut pending_charts);
            }
        }
        if with_signature.contains(&i) {
            for item in &mut out[start..] {
                keep_with_next(item);
                if let Item::Paragraph(p) = item {
                    p.property = std::mem::take(&mut p.property).widow_control(true);
                }
            }
        }
        after_header = matches!(block, Block::RedHeader(_)) && out.len() > start;
    }
    out
}

/// The run the package replaces with chart `n`'s drawing (docx-rs cannot write charts).
/// It stands first in the paragraph after the chart, whose top the chart floats at, its
/// caption inside it (`crate::chart`); charts one after another float at the same
/// paragraph, one below the other.
fn chart_marker(n: usize) -> Run {
    Run::new().add_text(crate::chart::marker(n))
}

/// Puts the markers of the charts waiting for a paragraph first in `item`'s, in order.
fn float_charts(item: &mut Item, charts: &mut Vec<usize>) {
    if let Item::Paragraph(p) = item {
        for (k, n) in charts.drain(..).enumerate() {
            p.children
                .insert(k, docx_rs::ParagraphChild::Run(Box::new(chart_marker(n))));
        }
    }
}

/// A paragraph of their own for `charts` to float at, where no paragraph follows them
/// (a table, the end of the body): its empty line stands below them.
fn chart_anchor(charts: Vec<usize>) -> Paragraph {
    let mut p = Paragraph::new().style(id::NORMAL).indent(
        Some(0),
        Some(SpecialIndentType::FirstLine(0)),
        None,
        None,
    );
    for n in charts {
        p = p.add_run(chart_marker(n));
    }
    p
}

/// Marks a paragraph to stay on the page of the next one (tables are left alone).
fn keep_with_next(item: &mut Item) {
    if let Item::Paragraph(p) = item {
        p.property = std::mem::take(&mut p.property).keep_next(true);
    }
}

/// A paragraph of one style holding `text`.
pub(crate) fn styled(style_id: &str, text: &str) -> Paragraph {
    Paragraph::new()
        .style(style_id)
        .add_run(text_run(text, None))
}

/// A run of `text`: tabs and line breaks become Word's tab and break elements,
/// characters XML cannot carry are dropped.
pub(crate) fn text_run(text: &str, char_style: Option<&str>) -> Run {
    let mut run = Run::new();
    if let Some(s) = char_style {
        run = run.style(s);
    }
    let mut buf = String::new();
    for c in text.chars() {
        match c {
            '\t' | '\n' => {
                if !buf.is_empty() {
                    run = run.add_text(std::mem::take(&mut buf));
                }
                run = if c == '\t' {
                    run.add_tab()
                } else {
                    run.add_break(BreakType::TextWrapping)
                };
            }
            c if allowed_in_xml(c) => buf.push(c),
            _ => {}
        }
    }
    if !buf.is_empty() {
        run = run.add_text(buf);
    }
    run
}

/// Whether XML 1.0 can carry `c` (carriage returns are dropped too).
fn allowed_in_xml(c: char) -> bool {
    matches!(c, '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..='\u{10FFFF}')
}

fn red_header(h: &RedHeader, out: &mut Vec<Item>) {
    out.push(styled(id::ORGAN_MARK, &h.organ_mark).into());
    // 发文字号 flush left one character in, 签发人 flush right one character in; the
    // paragraph's bottom border is the red rule, the full width of the block.
    let mut p = Paragraph::new().style(id::DOCUMENT_NUMBER);
    match (&h.document_number, &h.signer) {
        (Some(n), Some(_)) => p = p.add_run(text_run(&format!("\t{n}\t"), None)),
        (Some(n), None) => {
            p = p.align(AlignmentType::Center).add_run(text_run(n, None));
        }
        (None, Some(_)) => p = p.add_run(text_run("\t\t", None)),
        (None, None) => {}
    }
    if let Some(s) = &h.signer {
        p = p
            .add_run(text_run(&s.label, None))
            .add_run(text_run(&s.text, Some(id::SIGNER_NAME)));
    }
    out.push(p.into());
}

fn title(lines: &[String], after_header: bool, cx: &Context) -> Paragraph {
    let mut p = Paragraph::new().style(id::TITLE);
    for (i, line) in lines.iter().enumerate() {
        let mut run = Run::new();
        if i > 0 {
            run = run.add_break(BreakType::TextWrapping);
        }
        let text: String = line.chars().filter(|&c| allowed_in_xml(c)).collect();
        p = p.add_run(run.add_text(text));
    }
    if after_header {
        // Two blank lines below the red rule.
        let before = crate::styles::HeaderSpacing::new(cx.style, cx.metrics).title_before;
        p = p.line_spacing(docx_rs::LineSpacing::new().before(before as u32));
    }
    p
}

fn heading(h: &Heading) -> Paragraph {
    styled(id::heading(h.level), &h.full_text())
}

fn paragraph(p: &huibao_core::ir::Paragraph) -> Paragraph {
    let mut para = Paragraph::new().style(id::BODY);
    for run in &p.runs {
        let char_style = match run.role {
            RunRole::Body => None,
            RunRole::Lead { level } => Some(id::lead(level)),
        };
        para = para.add_run(text_run(&run.text, char_style));
    }
    if let Some(level) = p.outline_level.filter(|l| (1..=9).contains(l)) {
        para = para.outline_lvl(usize::from(level - 1));
    }
    para
}

/// 附件说明: the label hangs to the left of the first title, the later titles align
/// under the first one's number.
fn attachment_note(n: &AttachmentNote, cx: &Context, out: &mut Vec<Item>) {
    let label = cx.metrics.text_width(cx.style, FontRole::Body, &n.label);
    let left = cx.layout.indent + label;
    for (i, item) in n.items.iter().enumerate() {
        let mut p = Paragraph::new().style(id::ATTACHMENT_NOTE);
        if i + 1 < n.items.len() {
            p = p.keep_next(true);
        }
        if i == 0 {
            // One blank line below the body.
            p = p
                .line_spacing(docx_rs::LineSpacing::new().before(cx.metrics.line_pitch as u32))
                .indent(
                    Some(left),
                    Some(SpecialIndentType::Hanging(label)),
                    None,
                    None,
                )
                .add_run(text_run(&n.label, None));
        } else {
            p = p.indent(Some(left), None, None, None);
        }
        let text = format!("{}{}", item.number, item.title);
        out.push(p.add_run(text_run(&text, None)).into());
    }
}

/// Signature and date (GB/T 9704 7.3.5). Unsealed: the organ right-indented two
/// characters, the date starting two characters right of the organ's start (both
/// moved left when the date is longer). Sealed: the date right-indented four
/// characters and the organ centred over it.
fn signature(s: &Signature, cx: &Context, out: &mut Vec<Item>) {
    let m = cx.metrics;
    let ch = m.advance(cx.style, FontRole::Body);
    let organ = m.text_width(cx.style, FontRole::Body, &s.organization);
    let date = m.text_width(cx.style, FontRole::Body, &s.date);
    let (organ_right, date_right) = if s.sealed {
        let date_right = 4 * ch;
        (date_right + (date - organ) / 2, date_right)
    } else {
        let organ_right = (2 * ch).max(4 * ch + date - organ);
        (organ_right, organ_right + organ - 2 * ch - date)
    };
    let fit = |right: i32, width: i32| right.clamp(0, (m.block_width - width).max(0));
    let mut organ_p = styled(id::SIGNATURE, &s.organization)
        .keep_next(true)
        .indent(None, None, Some(fit(organ_right, organ)), None);
    if s.sealed {
        // Room for the seal: it presses on the organ and date from above.
        organ_p = organ_p.line_spacing(docx_rs::LineSpacing::new().before(m.lines(3) as u32));
    }
    out.push(organ_p.into());
    out.push(
        styled(id::DATE, &s.date)
            .indent(None, None, Some(fit(date_right, date)), None)
            .into(),
    );
}

/// End matter (版记): a borderless-sided table the width of the block, floated to
/// the bottom of the last page's block. Its top and bottom borders are the heavy
/// rules, the border between rows the light one; paragraph indents of one character
/// inset the text (the cells have no margins, so the rules are exactly the block's
/// width wherever a client puts a table's edge).
///
/// The table is placed from the page's left edge, at the left margin: LibreOffice
/// floats a table only when text could flow beside it, which it judges against the
/// page's width for a page-anchored table but against the text block's for a
/// margin-anchored one (where a table as wide as the block would be set inline, right
/// under the signature). Word places it the same either way. (Where a reader cannot
/// float tables, it follows the body.)
fn end_matter(e: &EndMatter, cx: &Context, out: &mut Vec<Item>) {
    let m = cx.metrics;
    let ch = m.advance(cx.style, FontRole::EndMatter);

    let width = usize::try_from(m.block_width).unwrap_or(0);
    let row = |p: Paragraph| {
        TableRow::new(vec![TableCell::new()
            .width(width, WidthType::Dxa)
            .add_paragraph(p)])
        .cant_split()
    };
    let mut rows = Vec::new();
    if let Some(cc) = &e.copy_to {
        // The list's wrapped lines hang under its first character, right of the label.
        let label = m.text_width(cx.style, FontRole::EndMatter, &cc.label);
        rows.push(row(Paragraph::new()
            .style(id::END_MATTER)
            .indent(
                Some(ch + label),
                Some(SpecialIndentType::Hanging(label)),
                Some(ch),
                None,
            )
            .add_run(text_run(&cc.full_text(), None))));
    }
    rows.push(row(Paragraph::new()
        .style(id::END_MATTER)
        .keep_next(false)
        .indent(Some(ch), None, Some(ch), None)
        .add_run(text_run(&e.printed_by, None))
        .add_run(text_run("\t", None))
        .add_run(text_run(&e.printed_on, None))));
    let rule = |pos, size| {
        TableBorder::new(pos)
            .border_type(BorderType::Single)
            .size(size)
            .color("000000")
    };
    let none = |pos| TableBorder::new(pos).border_type(BorderType::Nil);
    let table = docx_rs::Table::new(rows)
        .set_grid(vec![width])
        .width(width, WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
        .margins(TableCellMargins::new().margin(0, 0, 0, 0))
        .position(
            TablePositionProperty::new()
                .vertical_anchor("margin")
                .horizontal_anchor("page")
                .position_x(m.margin_left)
                .position_y_alignment("bottom")
                .left_from_text(0)
                .right_from_text(0),
        )
        .set_borders(
            TableBorders::with_empty()
                .set(rule(TableBorderPosition::Top, 8))
                .set(rule(TableBorderPosition::Bottom, 8))
                .set(rule(TableBorderPosition::InsideH, 6))
                .set(none(TableBorderPosition::Left))
                .set(none(TableBorderPosition::Right))
                .set(none(TableBorderPosition::InsideV)),
        );
    out.push(Item::Table(Box::new(table)));
    // Word needs a paragraph after a table; keep it a hairline so it never adds a page.
    out.push(
        Paragraph::new()
            .line_spacing(
                docx_rs::LineSpacing::new()
                    .line(20)
                    .line_rule(docx_rs::LineSpacingType::Exact),
            )
            .into(),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_dropped() {
        let xml = String::from_utf8(docx_rs::BuildXML::build(&text_run(
            "a\u{1}b\u{b}c\td",
            None,
        )))
        .unwrap();
        assert!(xml.contains(">abc<"), "{xml}");
        assert!(xml.contains("<w:tab"), "{xml}");
        assert!(!xml.contains('\u{1}'));
    }
}
