//! Each reader on real files of its format (`tests/import/formats/`, made by LibreOffice
//! and huibao from the corpus by that folder's `make.sh`): the same parts and headings as
//! the report they were made from, list numbers written out, and the refusals that name
//! what a file is.

use huibao_import::{import_bytes, import_path, ImportError, Imported, SourceKind};
use std::path::PathBuf;

fn repo(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join(path)
}

fn fixture(name: &str) -> PathBuf {
    repo("tests/import/formats").join(name)
}

fn import(name: &str) -> Imported {
    import_path(&fixture(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// The parts' headings and every item's heading, in order.
fn headings(i: &Imported) -> Vec<String> {
    fn walk(items: &[huibao_import::ItemDraft], out: &mut Vec<String>) {
        for item in items {
            out.push(item.title.clone().unwrap_or_default());
            walk(&item.items, out);
        }
    }
    let mut out = Vec::new();
    for part in &i.draft.body.parts {
        out.push(part.title.clone().unwrap_or_default());
        walk(&part.items, &mut out);
    }
    out
}

/// The report the .doc, .odt, .html and .mhtml fixtures were made from.
fn listnum_source() -> Imported {
    import_path(&repo(
        "tests/import/corpus/22-qinghewan-2022h1-docx-listnum.docx",
    ))
    .expect("the corpus .docx imports")
}

#[test]
fn word_97_and_wps_read_like_the_docx_with_their_list_numbers() {
    let source = listnum_source();
    for name in ["listnum.doc", "listnum.wps"] {
        let got = import(name);
        assert_eq!(got.draft.stats.kind, Some(SourceKind::Doc), "{name}");
        assert_eq!(got.draft.stats.read_as, None, "{name}");
        assert_eq!(headings(&got), headings(&source), "{name}");
        assert_eq!(
            got.draft.stats.docx_numbers, source.draft.stats.docx_numbers,
            "{name}: Word's automatic numbers"
        );
        assert!(headings(&got).contains(&"上半年主要工作".to_string()));
        assert_eq!(got.draft.head.title, source.draft.head.title, "{name}");
        assert!(got.draft.stats.han_share() > 0.95, "{name}");
    }
}

#[test]
fn odt_html_and_web_archive_read_like_the_docx() {
    let source = listnum_source();
    for (name, kind) in [
        ("listnum.odt", SourceKind::Odt),
        ("listnum.html", SourceKind::Html),
        ("listnum.mhtml", SourceKind::Html),
    ] {
        let got = import(name);
        assert_eq!(got.draft.stats.kind, Some(kind), "{name}");
        assert_eq!(headings(&got), headings(&source), "{name}");
        assert_eq!(got.draft.period.value, source.draft.period.value, "{name}");
        assert_eq!(
            got.draft.organization.value, source.draft.organization.value,
            "{name}"
        );
        assert!(
            !got.toml.contains("<!DOCTYPE") && !got.toml.contains("<p"),
            "{name}: markup in the report\n{}",
            got.toml
        );
    }
}

#[test]
fn pdf_and_own_ofd_read_like_the_text_they_were_made_from() {
    let source = import_path(&repo(
        "tests/import/corpus/20-heshanhu-2022h2-xiabannian.txt",
    ))
    .unwrap();
    for (name, kind) in [("plain.pdf", SourceKind::Pdf), ("own.ofd", SourceKind::Ofd)] {
        let got = import(name);
        assert_eq!(got.draft.stats.kind, Some(kind), "{name}");
        assert_eq!(headings(&got), headings(&source), "{name}");
        assert_eq!(got.draft.period.value, source.draft.period.value, "{name}");
        // Paragraphs were re-joined: the opening is as many paragraphs as in the text.
        assert_eq!(
            got.draft.body.summary, source.draft.body.summary,
            "{name}: the opening"
        );
    }
}

#[test]
fn the_content_decides_the_kind_whatever_the_name() {
    let doc = std::fs::read(fixture("listnum.doc")).unwrap();
    let got = import_bytes("去年.txt", "去年.txt", &doc, SourceKind::Text).unwrap();
    assert_eq!(
        got.draft.stats.read_as,
        Some((SourceKind::Text, SourceKind::Doc))
    );
    let html = std::fs::read(fixture("listnum.html")).unwrap();
    let got = import_bytes("page.docx", "page.docx", &html, SourceKind::Docx).unwrap();
    assert_eq!(
        got.draft.stats.read_as,
        Some((SourceKind::Docx, SourceKind::Html))
    );
    assert_eq!(
        SourceKind::of(std::path::Path::new("a.WPS")),
        SourceKind::Doc
    );
    assert_eq!(
        SourceKind::of(std::path::Path::new("a.mht")),
        SourceKind::Html
    );
}

#[test]
fn unreadable_formats_name_the_file_and_the_formats_read() {
    // A workbook's package layout (what Excel writes), given to import.
    let mut zip = huibao_xml::PackageWriter::new();
    zip.add("[Content_Types].xml", b"<Types/>").unwrap();
    zip.add("xl/workbook.xml", b"<workbook/>").unwrap();
    let xlsx = zip.finish().unwrap();
    let err = import_bytes("指标.xlsx", "指标.xlsx", &xlsx, SourceKind::Text).unwrap_err();
    assert!(matches!(err, ImportError::Unsupported { .. }), "{err:?}");
    assert!(
        err.to_string()
            .starts_with("指标.xlsx cannot be imported: it is an Excel workbook (.xlsx)"),
        "{err}"
    );
    assert!(
        err.help().to_string().contains(".doc, .wps, .pdf"),
        "{}",
        err.help()
    );

    let scan = import_path(&fixture("scan.pdf")).unwrap_err();
    assert!(
        matches!(scan, ImportError::Scanned { pages: 1, .. }),
        "{scan:?}"
    );
    assert!(scan.to_string().contains("扫描件"), "{scan}");
    assert!(scan.help().to_string().contains("OCR"));

    let locked = import_path(&fixture("locked.pdf")).unwrap_err();
    assert!(
        matches!(locked, ImportError::Protected { .. }),
        "{locked:?}"
    );

    // A cut .doc: the compound file's chains end early.
    let doc = std::fs::read(fixture("listnum.doc")).unwrap();
    let err =
        import_bytes("cut.doc", "cut.doc", &doc[..doc.len() / 3], SourceKind::Doc).unwrap_err();
    assert!(err.to_string().starts_with("cut.doc"), "{err}");
}

#[test]
fn the_share_of_chinese_text_kept_is_measured() {
    // A page copied from a document-sharing site: its notices are removed as clutter.
    let got = import_path(&repo(
        "tests/import/corpus/03-lingang-2023h1-wenku-boilerplate.txt",
    ))
    .unwrap();
    let s = &got.draft.stats;
    assert!(s.han_source > 1000, "{}", s.han_source);
    assert!(s.han_kept < s.han_source, "the clutter is not in the text");
    // A quarter of this page is the site's notices: the summary warns (over 10%).
    assert!(
        s.han_share() > 0.6 && s.han_share() < 0.9,
        "{}",
        s.han_share()
    );
    let clean = import_path(&repo(
        "tests/import/corpus/01-jinchuan-2023h1-redheader.txt",
    ))
    .unwrap();
    assert!(
        clean.draft.stats.han_share() > 0.97,
        "{}",
        clean.draft.stats.han_share()
    );
}
