//! Whole parts: a real docx-rs part survives parse → write byte for byte, and a hostile
//! package gives an error, never a crash.

use huibao_xml::{parse, Error, PackageLimits, PackageReader, DECLARATION};

#[test]
fn a_docx_rs_part_round_trips_byte_for_byte() {
    use docx_rs::{Docx, Paragraph, Run, Table, TableCell, TableRow};
    let docx = Docx::new()
        .add_paragraph(
            Paragraph::new()
                .add_run(Run::new().add_text("金川经济技术开发区管委会2022年上半年工作总结"))
                .align(docx_rs::AlignmentType::Center),
        )
        .add_paragraph(
            Paragraph::new().add_run(
                Run::new()
                    .add_text("营业收入48.65亿元，同比增长12.4%；“专精特新”企业 <12> 家 & 更多。"),
            ),
        )
        .add_table(Table::new(vec![TableRow::new(vec![
            TableCell::new()
                .add_paragraph(Paragraph::new().add_run(Run::new().add_text("指标名称"))),
            TableCell::new().add_paragraph(Paragraph::new().add_run(Run::new().add_text("单位"))),
        ])]));
    let parts = docx.build();
    for (name, part) in [("document", &parts.document), ("styles", &parts.styles)] {
        let root = parse(part).unwrap_or_else(|e| panic!("{name}: {e}"));
        let ours = String::from_utf8(root.to_part()).unwrap();
        // After docx-rs's own declaration, the tree comes back unchanged but for the space
        // docx-rs writes before `/>`.
        let original = String::from_utf8(part.clone()).unwrap();
        let tree = original
            .split_once("?>")
            .map_or(original.as_str(), |(_, t)| t)
            .trim_start();
        assert_eq!(
            ours.strip_prefix(DECLARATION).unwrap(),
            tree.replace(" />", "/>"),
            "{name}"
        );
        // Our own output is a fixed point.
        assert_eq!(parse(ours.as_bytes()).unwrap().to_part(), ours.as_bytes());
    }
    let document = parse(&parts.document).unwrap();
    let texts: String = document
        .descendants("w:t")
        .iter()
        .map(|t| t.own_text())
        .collect();
    assert!(texts.contains("“专精特新”企业 <12> 家 & 更多。"), "{texts}");
}

#[test]
fn a_small_package_nesting_300000_elements_is_refused() {
    let depth = 300_000;
    let xml = format!("{}{}", "<a>".repeat(depth), "</a>".repeat(depth));
    // Packed as tightly as deflate allows, the way a hostile file would be.
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let tight = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(9));
    zip.start_file("word/document.xml", tight).unwrap();
    std::io::Write::write_all(&mut zip, xml.as_bytes()).unwrap();
    let bytes = zip.finish().unwrap().into_inner();
    assert!(
        bytes.len() < 5 << 10,
        "the package is {} bytes",
        bytes.len()
    );
    let mut r = PackageReader::new(&bytes, PackageLimits::default()).unwrap();
    let part = r.read("word/document.xml").unwrap().unwrap();
    assert_eq!(parse(&part), Err(Error::TooDeep { limit: 256 }));
}
