//! Packing: docx-rs's body and footers put in schema order (table header rows marked
//! to repeat), with our own style sheet, settings, font table, theme and properties.

use crate::metrics::Metrics;
use crate::styles::{self, Layout};
use crate::xml::{self, El, Node};
use crate::Error;
use docx_rs::XMLDocx;
use huibao_core::ir::{Chart, DocumentMeta};
use huibao_core::Style;

/// The package as ZIP bytes: docx-rs's body and footers (repaired), our own style
/// sheet, settings, font table, theme and properties. Parts docx-rs always adds but
/// the document does not use (comments, footnotes, numbering) are left out.
pub(crate) fn pack(
    parts: XMLDocx,
    meta: &DocumentMeta,
    style: &Style,
    m: &Metrics,
    l: &Layout,
    charts: &[(&Chart, &[u8])],
) -> Result<Vec<u8>, Error> {
    let mut document = xml::parse(&parts.document)?;
    crate::schema::canonicalize(&mut document);
    mark_header_rows(&mut document);
    let placed = place_charts(&mut document, charts, style);
    debug_assert_eq!(
        placed,
        charts.len(),
        "every chart's marker stands in the body"
    );
    let mut files: Vec<Part> = vec![
        Part::new("word/document.xml", DOCUMENT, document.to_part()),
        Part::new(
            "word/styles.xml",
            STYLES,
            styles::styles_part(style, m, l)?.to_part(),
        ),
        Part::new(
            "word/settings.xml",
            SETTINGS,
            styles::settings_part(style, m).to_part(),
        ),
        Part::new(
            "word/fontTable.xml",
            FONT_TABLE,
            styles::font_table_part(style).to_part(),
        ),
        Part::new(
            "word/theme/theme1.xml",
            THEME,
            theme_part(style).into_bytes(),
        ),
        Part::new("docProps/core.xml", CORE, core_part(meta).to_part()),
        Part::new("docProps/app.xml", APP, app_part().to_part()),
    ];
    for (i, footer) in parts.footers.iter().enumerate() {
        let name = format!("word/footer{}.xml", i + 1);
        files.push(Part::new(&name, FOOTER, repair(footer)?));
    }
    for (i, header) in parts.headers.iter().enumerate() {
        let name = format!("word/header{}.xml", i + 1);
        files.push(Part::new(&name, HEADER, repair(header)?));
    }
    for (i, (chart, picture)) in charts.iter().enumerate() {
        let n = i + 1;
        files.push(Part::new(
            &format!("word/media/chart{n}.png"),
            PNG,
            picture.to_vec(),
        ));
        let workbook = format!("Microsoft_Excel_Worksheet{n}.xlsx");
        let target = format!("drawing{n}.xml");
        let rels = crate::chart::chart_rels("rId1", &workbook).child(
            crate::chart::shapes_relationship("rId2", &format!("../drawings/{target}")),
        );
        files.push(Part::new(
            &format!("word/drawings/{target}"),
            CHART_SHAPES,
            crate::chart::user_shapes(chart, style).to_part(),
        ));
        files.push(Part::new(
            &format!("word/charts/chart{n}.xml"),
            CHART,
            crate::chart::chart_part(chart, style, "rId1", "rId2").to_part(),
        ));
        files.push(Part::new(
            &format!("word/charts/_rels/chart{n}.xml.rels"),
            RELS,
            rels.to_part(),
        ));
        files.push(Part::new(
            &format!("word/embeddings/{workbook}"),
            XLSX,
            crate::chart::workbook(chart)?,
        ));
    }
    let document_rels = document_rels(&parts.document_rels, charts.len())?;
    let mut zip = huibao_xml::PackageWriter::new();
    let zipped = Error::Zip;
    zip.add("[Content_Types].xml", &content_types(&files).to_part())
        .map_err(zipped)?;
    zip.add("_rels/.rels", &package_rels().to_part())
        .map_err(zipped)?;
    zip.add("word/_rels/document.xml.rels", &document_rels.to_part())
        .map_err(zipped)?;
    for f in &files {
        if f.is_compressed() {
            zip.add_stored(&f.name, &f.data)
        } else {
            zip.add(&f.name, &f.data)
        }
        .map_err(zipped)?;
    }
    zip.finish().map_err(zipped)
}

/// One file of the package.
struct Part {
    name: String,
    content_type: &'static str,
    data: Vec<u8>,
}

impl Part {
    fn new(name: &str, content_type: &'static str, data: Vec<u8>) -> Part {
        Part {
            name: name.to_string(),
            content_type,
            data,
        }
    }

    /// Whether the part's data is compressed already (a chart's picture, its workbook).
    fn is_compressed(&self) -> bool {
        matches!(self.content_type, PNG | XLSX)
    }
}

const DOCUMENT: &str =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
const STYLES: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml";
const SETTINGS: &str =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml";
const FONT_TABLE: &str =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml";
const FOOTER: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml";
const HEADER: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml";
const THEME: &str = "application/vnd.openxmlformats-officedocument.theme+xml";
const CORE: &str = "application/vnd.openxmlformats-package.core-properties+xml";
const APP: &str = "application/vnd.openxmlformats-officedocument.extended-properties+xml";
const RELS: &str = "application/vnd.openxmlformats-package.relationships+xml";
const CHART: &str = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";
const PNG: &str = "image/png";
const CHART_SHAPES: &str =
    "application/vnd.openxmlformats-officedocument.drawingml.chartshapes+xml";
const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PACKAGE_RELS: &str = "http://schemas.openxmlformats.org/package/2006/relationships";

fn content_types(files: &[Part]) -> El {
    let mut root = El::new("Types")
        .attr(
            "xmlns",
            "http://schemas.openxmlformats.org/package/2006/content-types",
        )
        .child(
            El::new("Default")
                .attr("Extension", "rels")
                .attr("ContentType", RELS),
        )
        .child(
            El::new("Default")
                .attr("Extension", "xml")
                .attr("ContentType", "application/xml"),
        );
    for f in files {
        root = root.child(
            El::new("Override")
                .attr("PartName", format!("/{}", f.name))
                .attr("ContentType", f.content_type),
        );
    }
    root
}

fn relationship(id: &str, kind: &str, target: &str) -> El {
    El::new("Relationship")
        .attr("Id", id)
        .attr("Type", kind)
        .attr("Target", target)
}

fn package_rels() -> El {
    El::new("Relationships")
        .attr("xmlns", PACKAGE_RELS)
        .child(relationship(
            "rId1",
            &format!("{REL}/officeDocument"),
            "word/document.xml",
        ))
        .child(relationship(
            "rId2",
            "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
            "docProps/core.xml",
        ))
        .child(relationship(
            "rId3",
            &format!("{REL}/extended-properties"),
            "docProps/app.xml",
        ))
}

/// The document's relationships: docx-rs's footer and header links (their ids are
/// in the section properties) plus the parts written here, charts included.
fn document_rels(docx_rs_rels: &[u8], charts: usize) -> Result<El, Error> {
    let theirs = xml::parse(docx_rs_rels)?;
    let mut root = El::new("Relationships").attr("xmlns", PACKAGE_RELS);
    for rel in theirs.elements() {
        let kind = rel.get_attr("Type").unwrap_or_default();
        if kind.ends_with("/footer") || kind.ends_with("/header") {
            root = root.child(rel.clone());
        }
    }
    for (id, kind, target) in [
        ("rIdHbStyles", "styles", "styles.xml"),
        ("rIdHbSettings", "settings", "settings.xml"),
        ("rIdHbFontTable", "fontTable", "fontTable.xml"),
        ("rIdHbTheme", "theme", "theme/theme1.xml"),
    ] {
        root = root.child(relationship(id, &format!("{REL}/{kind}"), target));
    }
    for n in 1..=charts {
        root = root
            .child(relationship(
                &crate::chart::chart_rel(n),
                &format!("{REL}/chart"),
                &format!("charts/chart{n}.xml"),
            ))
            .child(relationship(
                &crate::chart::picture_rel(n),
                &format!("{REL}/image"),
                &format!("media/chart{n}.png"),
            ));
    }
    Ok(root)
}

/// A plain theme whose font scheme names the style's own fonts, so nothing that
/// falls back to theme fonts asks for fonts the user does not have.
fn theme_part(style: &Style) -> String {
    use huibao_core::style::FontRole;
    let f = |role| xml::escape(&styles::family(style, role));
    let colors = [
        (
            "dk1",
            "<a:sysClr val=\"windowText\" lastClr=\"000000\"/>".to_string(),
        ),
        (
            "lt1",
            "<a:sysClr val=\"window\" lastClr=\"FFFFFF\"/>".to_string(),
        ),
        ("dk2", srgb("44546A")),
        ("lt2", srgb("E7E6E6")),
        ("accent1", srgb("4472C4")),
        ("accent2", srgb("ED7D31")),
        ("accent3", srgb("A5A5A5")),
        ("accent4", srgb("FFC000")),
        ("accent5", srgb("5B9BD5")),
        ("accent6", srgb("70AD47")),
        ("hlink", srgb("0563C1")),
        ("folHlink", srgb("954F72")),
    ];
    let colors: String = colors
        .iter()
        .map(|(name, c)| format!("<a:{name}>{c}</a:{name}>"))
        .collect();
    let fill = "<a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill>";
    let line = format!("<a:ln w=\"6350\">{fill}</a:ln>");
    let effect = "<a:effectStyle><a:effectLst/></a:effectStyle>";
    format!(
        "{decl}<a:theme xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" name=\"huibao\">\
<a:themeElements><a:clrScheme name=\"huibao\">{colors}</a:clrScheme>\
<a:fontScheme name=\"huibao\">\
<a:majorFont><a:latin typeface=\"{major}\"/><a:ea typeface=\"{major}\"/><a:cs typeface=\"{latin}\"/></a:majorFont>\
<a:minorFont><a:latin typeface=\"{latin}\"/><a:ea typeface=\"{body}\"/><a:cs typeface=\"{latin}\"/></a:minorFont>\
</a:fontScheme><a:fmtScheme name=\"huibao\">\
<a:fillStyleLst>{fill}{fill}{fill}</a:fillStyleLst>\
<a:lnStyleLst>{line}{line}{line}</a:lnStyleLst>\
<a:effectStyleLst>{effect}{effect}{effect}</a:effectStyleLst>\
<a:bgFillStyleLst>{fill}{fill}{fill}</a:bgFillStyleLst>\
</a:fmtScheme></a:themeElements></a:theme>",
        decl = xml::DECLARATION,
        major = f(FontRole::Heading1),
        latin = f(FontRole::Latin),
        body = f(FontRole::Body),
    )
}

fn srgb(hex: &str) -> String {
    format!("<a:srgbClr val=\"{hex}\"/>")
}

/// Parses a part, puts it in schema order, writes it back.
fn repair(part: &[u8]) -> Result<Vec<u8>, Error> {
    let mut root = xml::parse(part)?;
    crate::schema::canonicalize(&mut root);
    Ok(root.to_part())
}

/// Puts each chart's drawing (and its picture) in place of the run holding its marker;
/// how many were placed. Charts that float at the same paragraph (charts one after
/// another) stand one below the other.
fn place_charts(el: &mut El, charts: &[(&Chart, &[u8])], style: &Style) -> usize {
    let mut placed = 0;
    let mut above = 0.0;
    for child in el.elements_mut() {
        if child.name == "w:r" {
            let text: String = child
                .descendants("w:t")
                .iter()
                .map(|t| t.own_text())
                .collect();
            let chart = charts
                .iter()
                .enumerate()
                .find(|(i, _)| text == crate::chart::marker(i + 1));
            if let Some((i, (chart, _))) = chart {
                *child = crate::chart::drawing_run(chart, i + 1, style, above, true);
                above += crate::chart::box_height(chart, style);
                placed += 1;
            }
        } else {
            placed += place_charts(child, charts, style);
        }
    }
    placed
}

/// Adds `w:tblHeader` to the first row of every table in the flow (floating ones,
/// like the end matter, never break), so Word, WPS and LibreOffice repeat it on
/// each page the table runs over.
pub(crate) fn mark_header_rows(el: &mut El) {
    for child in el.elements_mut() {
        let floating = child
            .find("w:tblPr")
            .is_some_and(|pr| pr.find("w:tblpPr").is_some());
        if child.name == "w:tbl" && !floating {
            if let Some(row) = child.elements_mut().find(|e| e.name == "w:tr") {
                mark_row(row);
            }
        }
        mark_header_rows(child);
    }
}

fn mark_row(row: &mut El) {
    if row.find("w:trPr").is_none() {
        row.children.insert(0, Node::Element(El::new("w:trPr")));
    }
    if let Some(pr) = row.elements_mut().find(|e| e.name == "w:trPr") {
        if pr.find("w:tblHeader").is_none() {
            pr.children.push(Node::Element(El::new("w:tblHeader")));
        }
    }
}

/// `docProps/core.xml`: title, subject, author (the organization), language, and the
/// report's date as created and modified date (so the same report gives the same file).
pub(crate) fn core_part(meta: &DocumentMeta) -> El {
    let date = format!("{}T00:00:00Z", meta.date.iso());
    let stamp = |name: &str| El::new(name).attr("xsi:type", "dcterms:W3CDTF").text(&date);
    El::new("cp:coreProperties")
        .attr(
            "xmlns:cp",
            "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
        )
        .attr("xmlns:dc", "http://purl.org/dc/elements/1.1/")
        .attr("xmlns:dcterms", "http://purl.org/dc/terms/")
        .attr("xmlns:dcmitype", "http://purl.org/dc/dcmitype/")
        .attr("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance")
        .child(El::new("dc:title").text(&meta.title))
        .child(El::new("dc:subject").text(&meta.subject))
        .child(El::new("dc:creator").text(&meta.author))
        .child(El::new("cp:lastModifiedBy").text(&meta.author))
        .child(El::new("dc:language").text(&meta.language))
        .child(El::new("cp:revision").text("1"))
        .child(stamp("dcterms:created"))
        .child(stamp("dcterms:modified"))
}

/// `docProps/app.xml`: names the program.
fn app_part() -> El {
    El::new("Properties")
        .attr(
            "xmlns",
            "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
        )
        .attr(
            "xmlns:vt",
            "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes",
        )
        .child(El::new("Application").text("huibao"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_first_row_repeats() {
        let mut root = xml::parse(
            br#"<w:body><w:tbl><w:tblPr/><w:tr><w:trPr><w:cantSplit/></w:trPr></w:tr><w:tr><w:trPr><w:cantSplit/></w:trPr></w:tr></w:tbl><w:tbl><w:tr/></w:tbl></w:body>"#,
        )
        .unwrap();
        mark_header_rows(&mut root);
        let marked: Vec<bool> = root
            .descendants("w:tr")
            .iter()
            .map(|r| {
                r.find("w:trPr")
                    .and_then(|p| p.find("w:tblHeader"))
                    .is_some()
            })
            .collect();
        assert_eq!(marked, [true, false, true]);
    }
}
