//! Every error of every output backend (DOCX, PDF, HTML, OFD, a chart's picture) and of the
//! XML packages under them reads as a sentence of huibao's own in the chosen language:
//! Chinese under zh-CN with only a library's words as （原文：…）, English under en.

use huibao_i18n::{Lang, Message};
use huibao_pipeline::BackendError;

/// Text with the library's words （原文：…） and quoted names “…” taken out.
fn own_words(text: &str) -> String {
    let mut out = String::new();
    let mut depth = 0usize;
    let mut quoted = false;
    let mut rest = text;
    while !rest.is_empty() {
        if depth == 0 && rest.starts_with("（原文：") {
            depth = 1;
            rest = &rest["（原文：".len()..];
            continue;
        }
        let c = rest.chars().next().unwrap();
        rest = &rest[c.len_utf8()..];
        match c {
            '（' if depth > 0 => depth += 1,
            '）' if depth > 0 => depth -= 1,
            '“' if depth == 0 => quoted = true,
            '”' if depth == 0 => quoted = false,
            _ if depth > 0 || quoted => {}
            c => out.push(c),
        }
    }
    out
}

/// Three lowercase English words in a row: a sentence.
fn has_english_sentence(text: &str) -> bool {
    text.split([' ', '：', '，', ',', ':', ';', '（', '）'])
        .collect::<Vec<_>>()
        .windows(3)
        .any(|w| {
            w.iter()
                .all(|t| !t.is_empty() && t.chars().all(|c| c.is_ascii_lowercase()))
        })
}

fn cjk(text: &str) -> bool {
    text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

/// The Chinese data the errors below carry: a font's path, a folder, a role, families.
const DATA: &[&str] = &[FONT, "字体", "正文", "仿宋_GB2312, FangSong"];
const FONT: &str = "/usr/share/fonts/仿宋_GB2312.ttf";

const LIBRARY: &str = "unexpected end of file while reading table";

/// One of each error, with a library's English words where the error carries them.
fn every_backend_error() -> Vec<BackendError> {
    use huibao_xml::Error as Xml;
    let xml = [
        Xml::Malformed {
            position: 120,
            why: LIBRARY.into(),
        },
        Xml::Unclosed {
            position: 4096,
            element: "w:body".into(),
        },
        Xml::NoRoot,
        Xml::TooDeep { limit: 256 },
        Xml::XmlTooLarge {
            size: 80 << 20,
            limit: 64 << 20,
        },
        Xml::TooManyNodes { limit: 1 << 20 },
        Xml::NotZip(LIBRARY.into()),
        Xml::TooManyEntries {
            count: 70_000,
            limit: 65_536,
        },
        Xml::PartTooLarge {
            part: "word/document.xml".into(),
            limit: 1 << 26,
        },
        Xml::Damaged {
            part: "word/document.xml".into(),
            why: LIBRARY.into(),
        },
        Xml::Write(LIBRARY.into()),
    ];
    let mut all: Vec<BackendError> = Vec::new();
    for e in &xml {
        all.push(huibao_docx::Error::Xml(e.clone()).into());
        all.push(huibao_docx::Error::Zip(e.clone()).into());
        all.push(huibao_ofd::Error::Package(e.clone()).into());
    }
    let font = FONT.to_string();
    use huibao_i18n::msg;
    for reason in [
        msg!("font-not-mapped", detail = LIBRARY),
        msg!("font-not-a-font", detail = LIBRARY),
        msg!("font-cut-short", table = "glyf", end = 90_000, size = 4096),
        msg!("font-outlines-unreadable"),
        msg!("font-unreadable"),
    ] {
        all.push(
            huibao_layout::Error::FontLoad {
                path: font.clone().into(),
                reason,
            }
            .into(),
        );
    }
    all.extend([
        huibao_layout::Error::FontDir {
            path: "字体".into(),
        }
        .into(),
        huibao_layout::Error::NoFont {
            role: "正文",
            families: "仿宋_GB2312, FangSong".into(),
        }
        .into(),
    ]);
    all.extend([
        huibao_docx::Error::Style(huibao_i18n::msg!("docx-style-no-body-font")).into(),
        huibao_docx::Error::MissingPictures {
            charts: 3,
            pictures: 1,
        }
        .into(),
        huibao_html::Error::Template(LIBRARY.into()).into(),
        huibao_pdf::Error::FontSubset {
            font: font.clone(),
            why: LIBRARY.into(),
        }
        .into(),
        huibao_pdf::Error::FontSubsetUnreadable { font: font.clone() }.into(),
        huibao_pdf::Error::Incomplete(huibao_pdf::Part::Catalog).into(),
        huibao_pdf::Error::Save(LIBRARY.into()).into(),
        huibao_ofd::Error::Font {
            font: font.clone(),
            reason: LIBRARY.into(),
        }
        .into(),
        huibao_raster::Error::Size {
            width: 0,
            height: 90_000,
        }
        .into(),
        huibao_raster::Error::Font {
            path: font,
            why: LIBRARY.into(),
        }
        .into(),
        huibao_raster::Error::Encode(LIBRARY.into()).into(),
    ]);
    all
}

fn check(what: &str, m: &Message, wrong: &mut Vec<String>) {
    assert!(m.id().is_some(), "{what}: not a catalog message");
    let zh = m.render(Lang::ZhCn);
    let en = m.render(Lang::En);
    let own = own_words(&zh);
    if !cjk(&own) || has_english_sentence(&own) {
        wrong.push(format!("{what}: not Chinese: {zh}"));
    }
    // English names the report's Chinese data (a font's path, a role) without quotes.
    let en_words = DATA
        .iter()
        .fold(own_words(&en), |text, data| text.replace(data, ""));
    if cjk(&en_words) || !has_english_sentence(&en) {
        wrong.push(format!("{what}: not English: {en}"));
    }
    if zh.contains(LIBRARY) != en.contains(LIBRARY) {
        wrong.push(format!("{what}: the library's words in one language only"));
    }
}

#[test]
fn every_backend_error_reads_in_both_languages_with_library_words_only_as_detail() {
    let mut wrong = Vec::new();
    for e in every_backend_error() {
        check(&format!("{e:?}"), &e.message(), &mut wrong);
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn every_docx_style_fault_reads_in_both_languages() {
    use huibao_core::style::{FontRole, Style};
    let mut faults: Vec<Style> = Vec::new();
    let report = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/park-2022h1.toml"),
    )
    .unwrap()
    // Without its charts: a style fault, not a missing picture, is what is refused.
    .replace("[[charts]]\nkind = \"growth\"", "[parts.problems]")
    .replace("[[charts]]\nkind = \"completion\"", "")
    .replace(
        "indicators = [\"营业收入\", \"工业销售收入\", \"服务业营业收入\", \"工业总产值\", \"固定资产投资\"]",
        "",
    );
    let loaded = huibao_core::load_source(huibao_core::SourceFile::new("r.toml", report.as_str()))
        .expect("loads");
    let doc = huibao_core::build(&loaded, &huibao_core::resolve(&loaded), &[]).expect("builds");
    let base = Style::gbt9704();
    let mut s = base.clone();
    s.red = "#12345".into();
    faults.push(s);
    let mut s = base.clone();
    s.page.margin_top_mm = 290.0;
    faults.push(s);
    let mut s = base.clone();
    s.page.width_mm = 3000.0;
    faults.push(s);
    let mut s = base.clone();
    s.page.lines_per_page = 0;
    faults.push(s);
    let mut s = base.clone();
    s.page.lines_per_page = 900;
    faults.push(s);
    let mut s = base.clone();
    s.page.page_number_gap_mm = 90.0;
    faults.push(s);
    let mut s = base.clone();
    s.fonts.get_mut(&FontRole::Title).unwrap().size_pt = 5000.0;
    faults.push(s);
    let mut s = base;
    s.fonts.remove(&FontRole::Body);
    faults.push(s);
    let mut wrong = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    for style in &faults {
        let e = huibao_docx::render(&doc, style, &Default::default())
            .expect_err("an impossible style is refused");
        let huibao_docx::Error::Style(why) = &e else {
            panic!("not a style error: {e:?}");
        };
        seen.insert(why.id());
        check(&format!("{e:?}"), &e.message(), &mut wrong);
    }
    assert_eq!(seen.len(), faults.len(), "each fault has its own message");
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
