//! The stages of one report, timed apart (`cargo bench -p huibao-pipeline`): load (TOML
//! to model), IR (resolve, build, lint), layout, PDF write, DOCX write, HTML, on the
//! largest example with the bundled fonts. The fonts are found and mapped once, as in a
//! session, so layout and PDF write are what every further report of a batch costs.

use criterion::{criterion_group, criterion_main, Criterion};
use huibao_pipeline::{Format, Options, Session};
use std::hint::black_box;
use std::path::Path;

fn stages(c: &mut Criterion) {
    let report = Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/ecopark-2022.toml");
    let mut options = Options::default();
    options.system_fonts = false;
    options.created = Some(1_657_584_000);
    let session = Session::new(options);
    let prepared = session.prepare(&report).expect("the example prepares");
    let style = prepared.style().clone();
    let doc = prepared.document.clone();
    // Warm the session's fonts: found, mapped and looked up once.
    session
        .render(&prepared, &[Format::Pdf])
        .expect("the example renders");
    let pages = huibao_layout::lay_out_with(&doc, &style, session.fonts()).expect("lay out");
    let mut pdf = huibao_pdf::PdfOptions::default();
    pdf.created = Some(1_657_584_000);

    let mut g = c.benchmark_group("ecopark-2022");
    g.sample_size(30);
    g.bench_function("load", |b| {
        b.iter(|| huibao_core::load(black_box(&report)).expect("load"))
    });
    g.bench_function("IR (load, resolve, build, lint)", |b| {
        b.iter(|| session.prepare(black_box(&report)).expect("prepare"))
    });
    g.bench_function("layout", |b| {
        b.iter(|| {
            huibao_layout::lay_out_with(black_box(&doc), &style, session.fonts()).expect("lay out")
        })
    });
    g.bench_function("PDF write", |b| {
        b.iter(|| huibao_pdf::write_pages(black_box(&pages), &pdf).expect("write"))
    });
    g.bench_function("DOCX (charts' pictures included)", |b| {
        b.iter(|| {
            session
                .render(black_box(&prepared), &[Format::Docx])
                .expect("docx")
        })
    });
    g.bench_function("HTML", |b| {
        b.iter(|| {
            huibao_html::render(
                black_box(&doc),
                &style,
                &huibao_html::HtmlOptions::default(),
            )
            .expect("html")
        })
    });
    g.finish();
}

criterion_group!(benches, stages);
criterion_main!(benches);
