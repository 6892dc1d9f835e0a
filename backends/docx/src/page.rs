//! The page: A4, GB/T 9704 margins, the line grid, and "— N —" page numbers in the
//! footers (odd pages right, even pages left, one character in from the block's edge).

use crate::metrics::Metrics;
use crate::styles::id;
use docx_rs::{
    AlignmentType, DocGrid, DocGridType, Docx, Footer, PageMargin, PageNum, Paragraph, Run,
};
use huibao_core::numbering::PAGE_NUMBER_AFFIXES;
use huibao_core::style::{FontRole, Style};

/// Sets paper, margins, grid and footers on `docx`.
pub(crate) fn setup(docx: Docx, style: &Style, m: &Metrics) -> Docx {
    let mut docx = docx
        .page_size(m.page_width as u32, m.page_height as u32)
        .page_margin(
            PageMargin::new()
                .top(m.margin_top)
                .bottom(m.margin_bottom)
                .left(m.margin_left)
                .right(m.margin_right)
                .header(851.min(m.margin_top))
                .footer(m.footer_distance)
                .gutter(0),
        );
    docx.document = docx.document.doc_grid(
        DocGrid::new()
            .grid_type(DocGridType::Lines)
            .line_pitch(m.line_pitch as usize),
    );
    if style.page_numbers {
        let inset = m.advance(style, FontRole::PageNumber);
        docx = docx
            .footer(Footer::new().add_paragraph(number(AlignmentType::Right, 0, inset)))
            .even_footer(Footer::new().add_paragraph(number(AlignmentType::Left, inset, 0)));
    }
    docx
}

/// The page-number paragraph: "— ", a PAGE field, " —" (core's affixes).
fn number(align: AlignmentType, left: i32, right: i32) -> Paragraph {
    Paragraph::new()
        .style(id::FOOTER)
        .align(align)
        .indent(Some(left), None, Some(right), None)
        .add_run(Run::new().add_text(PAGE_NUMBER_AFFIXES.0))
        .add_page_num(PageNum::new())
        .add_run(Run::new().add_text(PAGE_NUMBER_AFFIXES.1))
}
