//! Development helper: renders a report to DOCX without the CLI (plugin sections skipped).
//! `cargo run -p huibao-docx --example render_docx -- REPORT.toml OUT.docx`

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let (input, output) = match (args.get(1), args.get(2)) {
        (Some(i), Some(o)) => (i, o),
        _ => return Err("usage: render_docx REPORT.toml OUT.docx".into()),
    };
    let loaded = huibao_core::load(std::path::Path::new(input))
        .map_err(|d| format!("{} error(s) loading {input}", d.0.len()))?;
    let doc = huibao_core::build(&loaded, &huibao_core::resolve(&loaded), &[])
        .map_err(|d| format!("{} error(s) building {input}", d.0.len()))?;
    let bytes = huibao_docx::render(&doc, &loaded.style, &huibao_docx::DocxOptions::default())?;
    std::fs::write(output, bytes)?;
    Ok(())
}
