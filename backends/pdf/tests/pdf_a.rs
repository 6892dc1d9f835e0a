//! The PDF/A-2a (and, on request, PDF/A-2b) rules huibao-pdf enforces and the tagged
//! PDF's structure (PDF/UA-1), checked with lopdf on a rendered test report.

use huibao_pdf::{Conformance, PdfOptions};
use lopdf::{Document, Object};
use std::path::Path;

/// Renders one of the reports in tests/pdf/ (ours, so the examples can change freely).
fn render(example: &str) -> (Vec<u8>, huibao_core::Document) {
    render_as(example, Conformance::default())
}

/// Renders one of the reports in tests/pdf/ to the standard `conformance`.
fn render_as(example: &str, conformance: Conformance) -> (Vec<u8>, huibao_core::Document) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/pdf")
        .join(example);
    let loaded = huibao_core::load(&path).unwrap_or_else(|d| panic!("load {example}: {d:?}"));
    let doc = huibao_core::build(&loaded, &huibao_core::resolve(&loaded), &[])
        .unwrap_or_else(|_| panic!("build {example}"));
    let mut fonts = huibao_layout::FontOptions::default();
    fonts.system_fonts = false;
    let pages = huibao_layout::lay_out(&doc, &loaded.style, &fonts).expect("lay out");
    let mut opts = PdfOptions::default();
    opts.created = Some(1_657_584_000);
    opts.conformance = conformance;
    let bytes = huibao_pdf::render(&pages, &opts).expect("render");
    (bytes, doc)
}

fn text(obj: &Object) -> String {
    match obj {
        Object::String(b, _) if b.starts_with(&[0xFE, 0xFF]) => {
            let u: Vec<u16> = b[2..]
                .chunks(2)
                .map(|c| u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)]))
                .collect();
            String::from_utf16_lossy(&u)
        }
        Object::String(b, _) => String::from_utf8_lossy(b).into_owned(),
        _ => String::new(),
    }
}

fn dict<'a>(doc: &'a Document, obj: &'a Object) -> &'a lopdf::Dictionary {
    match obj {
        Object::Reference(id) => doc.get_dictionary(*id).expect("dictionary"),
        Object::Dictionary(d) => d,
        other => panic!("not a dictionary: {other:?}"),
    }
}

fn catalog(doc: &Document) -> &lopdf::Dictionary {
    doc.catalog().expect("catalog")
}

fn xmp(doc: &Document) -> (String, bool) {
    let id = catalog(doc)
        .get(b"Metadata")
        .and_then(Object::as_reference)
        .expect("catalog /Metadata");
    let stream = doc
        .get_object(id)
        .and_then(Object::as_stream)
        .expect("stream");
    let filtered = stream.dict.has(b"Filter");
    (
        String::from_utf8(stream.content.clone()).expect("UTF-8 XMP"),
        filtered,
    )
}

#[test]
fn header_is_pdf_1_7_with_binary_comment_and_trailer_id() {
    let (bytes, _) = render("long-table.toml");
    assert!(bytes.starts_with(b"%PDF-1.7\n%"));
    assert!(bytes[10..14].iter().all(|b| *b >= 128), "binary comment");
    let doc = Document::load_mem(&bytes).unwrap();
    assert!(doc.trailer.has(b"ID"));
    assert!(!doc.trailer.has(b"Encrypt"));
}

#[test]
fn pdf_a_2b_on_request_is_untagged() {
    let (bytes, _) = render_as("long-table.toml", Conformance::A2b);
    let doc = Document::load_mem(&bytes).unwrap();
    let (x, _) = xmp(&doc);
    assert!(x.contains("<pdfaid:conformance>B</pdfaid:conformance>"));
    assert!(!x.contains("pdfuaid"));
    assert!(!catalog(&doc).has(b"StructTreeRoot"));
    assert!(!catalog(&doc).has(b"MarkInfo"));
}

#[test]
fn every_marked_sequence_is_tied_to_an_element_of_the_structure_tree() {
    let (bytes, _) = render("long-table.toml");
    let doc = Document::load_mem(&bytes).unwrap();
    let cat = catalog(&doc);
    let marked = dict(&doc, cat.get(b"MarkInfo").unwrap());
    assert_eq!(marked.get(b"Marked").unwrap(), &Object::Boolean(true));
    let root = dict(&doc, cat.get(b"StructTreeRoot").unwrap());
    let parent_tree = dict(&doc, root.get(b"ParentTree").unwrap());
    let nums = parent_tree.get(b"Nums").and_then(Object::as_array).unwrap();
    let (mut th, mut artifacts) = (0, 0);
    for (n, (_, page_id)) in doc.get_pages().into_iter().enumerate() {
        let page = doc.get_dictionary(page_id).unwrap();
        let key = page.get(b"StructParents").unwrap().as_i64().unwrap();
        assert_eq!(key, n as i64);
        let elements = match &nums[2 * n + 1] {
            Object::Reference(id) => doc.get_object(*id).and_then(Object::as_array).unwrap(),
            other => other.as_array().unwrap(),
        };
        // Every MCID of the page's content names an element of the parent tree, which
        // holds that MCID among its kids.
        let content = doc.get_and_decode_page_content(page_id).unwrap();
        let mut mcids = 0;
        for op in &content.operations {
            if op.operator != "BDC" {
                continue;
            }
            let tag = op.operands[0].as_name().unwrap();
            let props = op.operands[1].as_dict().unwrap();
            if tag == b"Artifact" {
                artifacts += 1;
                continue;
            }
            let Ok(mcid) = props.get(b"MCID").and_then(Object::as_i64) else {
                assert_eq!(tag, b"Span", "a tagged sequence without an MCID");
                continue;
            };
            assert_eq!(mcid, mcids, "MCIDs count up from 0 on each page");
            mcids += 1;
            let elem = dict(&doc, &elements[mcid as usize]);
            assert_eq!(elem.get(b"S").unwrap().as_name().unwrap(), tag);
            let kids = elem.get(b"K").and_then(Object::as_array).unwrap();
            assert!(kids.iter().any(|k| matches!(k, Object::Dictionary(d)
                if d.get(b"MCID").and_then(Object::as_i64).ok() == Some(mcid)
                    && d.get(b"Pg").and_then(Object::as_reference).ok() == Some(page_id))));
            if tag == b"TH" {
                th += 1;
                let a = dict(&doc, elem.get(b"A").unwrap());
                assert_eq!(a.get(b"Scope").unwrap().as_name().unwrap(), b"Column");
            }
        }
        assert_eq!(elements.len() as i64, mcids, "page {}", n + 1);
    }
    assert!(th > 0, "no header cell tagged");
    // Page numbers, 续表 and the repeated header, and the rules are artifacts.
    assert!(artifacts > doc.get_pages().len(), "{artifacts}");
}

#[test]
fn xmp_identifies_pdf_a_2a_and_pdf_ua_1_and_matches_the_info_dictionary() {
    let (bytes, ir) = render("long-table.toml");
    let doc = Document::load_mem(&bytes).unwrap();
    let (x, filtered) = xmp(&doc);
    assert!(!filtered, "the metadata stream must not be compressed");
    assert!(x.contains("<pdfaid:part>2</pdfaid:part>"));
    assert!(x.contains("<pdfaid:conformance>A</pdfaid:conformance>"));
    assert!(x.contains("<pdfuaid:part>1</pdfuaid:part>"));
    let info = dict(&doc, doc.trailer.get(b"Info").unwrap());
    let title = text(info.get(b"Title").unwrap());
    let author = text(info.get(b"Author").unwrap());
    let subject = text(info.get(b"Subject").unwrap());
    assert_eq!(title, ir.meta.title);
    assert_eq!(author, ir.meta.author);
    assert!(x.contains(&format!("<rdf:li xml:lang=\"x-default\">{title}</rdf:li>")));
    assert!(x.contains(&format!("<dc:creator><rdf:Seq><rdf:li>{author}</rdf:li>")));
    assert!(x.contains(&format!(
        "<rdf:li xml:lang=\"x-default\">{subject}</rdf:li>"
    )));
    let creator = text(info.get(b"Creator").unwrap());
    let producer = text(info.get(b"Producer").unwrap());
    assert!(x.contains(&format!("<xmp:CreatorTool>{creator}</xmp:CreatorTool>")));
    assert!(x.contains(&format!("<pdf:Producer>{producer}</pdf:Producer>")));
    assert_eq!(
        text(info.get(b"CreationDate").unwrap()),
        "D:20220712000000+00'00'"
    );
    assert!(x.contains("<xmp:CreateDate>2022-07-12T00:00:00+00:00</xmp:CreateDate>"));
    assert!(x.contains("<xmp:ModifyDate>2022-07-12T00:00:00+00:00</xmp:ModifyDate>"));
}

#[test]
fn no_pdf_x_keys_and_language_set() {
    let (bytes, _) = render("long-table.toml");
    let doc = Document::load_mem(&bytes).unwrap();
    let info = dict(&doc, doc.trailer.get(b"Info").unwrap());
    for key in [&b"GTS_PDFXVersion"[..], b"Trapped", b"Identifier"] {
        assert!(!info.has(key), "Info has {}", String::from_utf8_lossy(key));
    }
    assert_eq!(text(catalog(&doc).get(b"Lang").unwrap()), "zh-CN");
}

#[test]
fn output_intent_is_srgb_gts_pdfa1() {
    let (bytes, _) = render("long-table.toml");
    let doc = Document::load_mem(&bytes).unwrap();
    let intents = catalog(&doc)
        .get(b"OutputIntents")
        .and_then(Object::as_array)
        .unwrap();
    assert_eq!(intents.len(), 1);
    let intent = dict(&doc, &intents[0]);
    assert_eq!(intent.get(b"S").unwrap().as_name().unwrap(), b"GTS_PDFA1");
    let profile = intent
        .get(b"DestOutputProfile")
        .and_then(Object::as_reference)
        .unwrap();
    let stream = doc.get_object(profile).and_then(Object::as_stream).unwrap();
    assert_eq!(stream.dict.get(b"N").unwrap().as_i64().unwrap(), 3);
    let icc = stream
        .decompressed_content()
        .unwrap_or(stream.content.clone());
    assert_eq!(&icc[12..20], b"mntrRGB ");
    assert_eq!(&icc[36..40], b"acsp");
}

#[test]
fn every_font_is_embedded_subset_and_mapped_to_unicode() {
    let (bytes, _) = render("long-table.toml");
    let doc = Document::load_mem(&bytes).unwrap();
    let mut fonts = 0;
    for obj in doc.objects.values() {
        let Ok(d) = obj.as_dict() else { continue };
        if d.get(b"Subtype").and_then(Object::as_name).ok() != Some(b"Type0") {
            continue;
        }
        fonts += 1;
        assert!(d.has(b"ToUnicode"));
        let base = d.get(b"BaseFont").and_then(Object::as_name).unwrap();
        assert_eq!(
            base[6],
            b'+',
            "subset tag on {}",
            String::from_utf8_lossy(base)
        );
        let desc = d
            .get(b"DescendantFonts")
            .and_then(Object::as_array)
            .unwrap();
        let cid = dict(&doc, &desc[0]);
        let fd = dict(&doc, cid.get(b"FontDescriptor").unwrap());
        assert!(
            fd.has(b"FontFile2") || fd.has(b"FontFile3"),
            "font program embedded"
        );
        if cid.get(b"Subtype").and_then(Object::as_name).ok() == Some(b"CIDFontType2") {
            assert!(cid.has(b"CIDToGIDMap"));
        }
    }
    assert!(fonts >= 3, "{fonts} fonts");
}

#[test]
fn no_annotations_and_nothing_pdf_a_forbids() {
    let (bytes, _) = render("long-table.toml");
    let doc = Document::load_mem(&bytes).unwrap();
    for (_, id) in doc.get_pages() {
        let page = doc.get_dictionary(id).unwrap();
        assert!(!page.has(b"Annots"));
        assert!(!page.has(b"Group"), "no transparency group");
    }
    let cat = catalog(&doc);
    for key in [
        &b"OCProperties"[..],
        b"Names",
        b"OpenAction",
        b"AA",
        b"AcroForm",
    ] {
        assert!(
            !cat.has(key),
            "catalog has {}",
            String::from_utf8_lossy(key)
        );
    }
    let raw = String::from_utf8_lossy(&bytes);
    assert!(!raw.contains("/JavaScript"));
    assert!(!raw.contains("/LZWDecode"));
}

#[test]
fn bookmarks_nest_by_heading_level() {
    let (bytes, _) = render("long-table.toml");
    let doc = Document::load_mem(&bytes).unwrap();
    let root = dict(&doc, catalog(&doc).get(b"Outlines").unwrap());
    let first = dict(&doc, root.get(b"First").unwrap());
    let title = text(first.get(b"Title").unwrap());
    assert!(title.starts_with("一、"), "{title}");
    // A level-1 heading holds its level-2 headings.
    let child = dict(&doc, first.get(b"First").expect("children"));
    assert!(text(child.get(b"Title").unwrap()).starts_with("（一）"));
    // Siblings in document order: 一、 then 二、.
    let second = dict(&doc, first.get(b"Next").unwrap());
    assert!(text(second.get(b"Title").unwrap()).starts_with("二、"));
}
