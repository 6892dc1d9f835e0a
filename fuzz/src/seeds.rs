//! Seeds: the repository's example reports, their DOCX renderings and the import
//! fixtures, so mutations start from inputs that reach deep into each entry point.

use std::path::{Path, PathBuf};

/// The repository's root (this crate's parent folder).
pub fn repository() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn files(dir: &Path, extension: &str) -> Vec<Vec<u8>> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == extension))
        .collect();
    paths.sort();
    paths.iter().filter_map(|p| std::fs::read(p).ok()).collect()
}

/// The example reports and the test reports (TOML).
pub fn reports() -> Vec<Vec<u8>> {
    let root = repository();
    let mut out = files(&root.join("examples"), "toml");
    out.extend(files(&root.join("tests/pdf"), "toml"));
    out.extend(files(&root.join("tests/docx"), "toml"));
    out
}

/// Seeds for `target`.
pub fn for_target(target: &str) -> Vec<Vec<u8>> {
    let root = repository();
    match target {
        "prose" => vec![
            "{{months}}，园区完成营业收入{{indicator \"营业收入\"}}，{{completion \"营业收入\"}}。".into(),
            "研发投入强度{{value \"研发投入强度\"}}，{{growth \"研发投入强度\"}}。\\{{不是模板}}".into(),
            "{{#if true}}{{organization}}{{period_name}}{{/if}}{{next_period}}{{year}}".into(),
        ],
        "title" => vec![
            "\u{14}金川经济技术开发区管委会2022年上半年工作总结及下半年工作计划".into(),
            "\u{8}某某市某某区某某高新技术产业开发区管理委员会关于2022年前三季度工作情况的报告".into(),
        ],
        "linebreak" => vec![
            "\u{80}\u{60}上半年，园区完成营业收入48.65亿元，同比增长12.4%（“十四五”开局）。Liberation Serif 2022年".into(),
        ],
        "import_txt" => {
            let mut out = files(&root.join("tests/import"), "txt");
            out.extend(files(&root.join("tests/import"), "outline"));
            out.extend(files(&root.join("tests/import"), "clutter"));
            out
        }
        "import_docx" => {
            let mut out = files(&root.join("tests/import"), "docx");
            out.extend(reports().iter().filter_map(|r| docx_of(r)));
            out
        }
        "sheet" => ["csv", "xlsx", "xls", "ods"]
            .iter()
            .enumerate()
            .flat_map(|(i, ext)| {
                files(&root.join("sheets/tests/fixtures"), ext)
                    .into_iter()
                    .map(move |f| [vec![i as u8], f].concat())
            })
            .collect(),
        "http_request" => [
            "GET /?token=0f1e2d3c4b5a69788796a5b4c3d2e1f0 HTTP/1.1\r\nHost: 127.0.0.1:8022\r\n\r\n",
            "GET /events HTTP/1.1\r\nHost: localhost:8022\r\nOrigin: http://localhost:8022\r\nCookie: huibao_token=0f1e2d3c4b5a69788796a5b4c3d2e1f0\r\n\r\n",
            "HEAD / HTTP/1.1\r\nHost: rebind.example.com:8022\r\nCookie: huibao_token=0f1e2d3c4b5a69788796a5b4c3d2e1f0\r\n\r\n",
        ]
        .iter()
        .map(|s| s.as_bytes().to_vec())
        .collect(),
        "import_docx_xml" => part_of(&for_target("import_docx"), "word/document.xml"),
        "import_doc" => files(&root.join("tests/import/formats"), "doc"),
        "import_pdf" => files(&root.join("tests/import/formats"), "pdf"),
        "import_html" => {
            let mut out = files(&root.join("tests/import/formats"), "html");
            out.extend(files(&root.join("tests/import/formats"), "mhtml"));
            out
        }
        "import_odt" => files(&root.join("tests/import/formats"), "odt"),
        "import_odt_xml" => part_of(&for_target("import_odt"), "content.xml"),
        "import_ofd" => files(&root.join("tests/import/formats"), "ofd"),
        "import_ofd_xml" => part_of(&for_target("import_ofd"), "Doc_0/Pages/Page_0/Content.xml"),
        _ => reports(),
    }
}

/// The part `name` of each package.
fn part_of(packages: &[Vec<u8>], name: &str) -> Vec<Vec<u8>> {
    packages
        .iter()
        .filter_map(|p| {
            let mut zip = huibao_xml::PackageReader::new(p, Default::default()).ok()?;
            zip.read(name).ok()?
        })
        .collect()
}

/// A report rendered to DOCX, as an import seed.
fn docx_of(report: &[u8]) -> Option<Vec<u8>> {
    let text = String::from_utf8_lossy(report).into_owned();
    let loaded = huibao_core::load_source(huibao_core::SourceFile::new("seed.toml", text)).ok()?;
    let doc = huibao_core::build(&loaded, &huibao_core::resolve(&loaded), &[]).ok()?;
    huibao_docx::render(&doc, &loaded.style, &Default::default()).ok()
}
