//! The package's parts: `OFD.xml`, `Document.xml`, `PublicRes.xml`, the fonts and the
//! pages' `Content.xml`, zipped in that order.

use crate::content::{FontRef, Ids, PageWriter};
use crate::font::{self, Subset};
use crate::units::{mm, nums};
use crate::Error;
use huibao_layout::{OutlineEntry, Pages};
use huibao_xml::{Element, PackageWriter};
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, BTreeSet};

/// The namespace of every OFD part (GB/T 33190-2016).
pub(crate) const NAMESPACE: &str = "http://www.ofdspec.org/2016";

/// Where the document's parts are.
const DOC_DIR: &str = "Doc_0";

/// Every part of the package for `pages`, created at `created` (Unix seconds).
pub(crate) fn write(pages: &Pages, created: i64) -> Result<Vec<u8>, Error> {
    let mut ids = Ids::default();
    let color_space = ids.next();
    let embedded = embed_fonts(pages, &mut ids)?;

    let faces = pages
        .fonts
        .iter()
        .map(|f| {
            ttf_parser::Face::parse(f.data.as_bytes(), f.index).map_err(|e| Error::Font {
                font: f.path.display().to_string(),
                reason: e.to_string(),
            })
        })
        .collect::<Result<Vec<_>, _>>()?;
    let writer = PageWriter {
        pages,
        fonts: embedded
            .iter()
            .map(|e| {
                e.as_ref().map(|e| FontRef {
                    id: e.id,
                    glyph_ids: &e.subset.glyph_ids,
                    cmap: &e.cmap,
                })
            })
            .collect(),
        faces,
    };

    let page_ids: Vec<u32> = pages.pages.iter().map(|_| ids.next()).collect();
    let contents: Vec<Vec<u8>> = pages
        .pages
        .iter()
        .map(|p| writer.page(p, &mut ids).to_part())
        .collect();

    let public_res = public_res(&embedded, color_space).to_part();
    let document = document(pages, &page_ids, color_space, ids.max()).to_part();

    // The DocID is a digest of the content, so it changes with it, never from run to run.
    let mut digest = Sha256::new();
    digest.update(document.as_slice());
    digest.update(public_res.as_slice());
    for part in &contents {
        digest.update(part.as_slice());
    }
    for e in embedded.iter().flatten() {
        digest.update(e.subset.bytes.as_slice());
    }
    let hash = digest.finalize();
    let doc_id: String = hash[..16].iter().map(|b| format!("{b:02x}")).collect();

    let mut zip = PackageWriter::new();
    zip.add("OFD.xml", &ofd(pages, &doc_id, created).to_part())?;
    zip.add(&format!("{DOC_DIR}/Document.xml"), &document)?;
    zip.add(&format!("{DOC_DIR}/PublicRes.xml"), &public_res)?;
    for e in embedded.iter().flatten() {
        zip.add(&format!("{DOC_DIR}/Res/{}", e.file), &e.subset.bytes)?;
    }
    for (n, part) in contents.iter().enumerate() {
        zip.add(&format!("{DOC_DIR}/{}", page_loc(n)), part)?;
    }
    Ok(zip.finish()?)
}

/// A page's Content.xml, relative to Document.xml.
fn page_loc(n: usize) -> String {
    format!("Pages/Page_{n}/Content.xml")
}

/// A font embedded in the package.
struct Embedded {
    /// Its ID.
    id: u32,
    /// Its family: the FontName and FamilyName (the weight is `Bold`).
    family: String,
    bold: bool,
    /// File name in `Res/`.
    file: String,
    subset: Subset,
    /// The characters its cmap maps, to glyph ids of the source.
    cmap: BTreeMap<char, u16>,
}

/// Subsets every font that the document's text uses (by [`huibao_layout::FontId`]
/// index; `None` for one only pagination matter uses, which is drawn as outlines).
fn embed_fonts(pages: &Pages, ids: &mut Ids) -> Result<Vec<Option<Embedded>>, Error> {
    /// What a font draws: each character with the glyph drawn for it, every glyph.
    #[derive(Default, Clone)]
    struct Drawn {
        cmap: BTreeMap<char, u16>,
        glyphs: BTreeSet<u16>,
    }
    let mut drawn: Vec<Option<Drawn>> = vec![None; pages.fonts.len()];
    let text_runs = pages
        .pages
        .iter()
        .flat_map(|p| &p.lines)
        .filter(|l| !l.artifact)
        .flat_map(|l| &l.runs);
    for run in text_runs {
        let d = drawn[run.font.index()].get_or_insert_with(Drawn::default);
        for g in &run.glyphs {
            d.cmap.entry(g.ch).or_insert(g.id);
            d.glyphs.insert(g.id);
        }
    }
    let mut files = BTreeSet::new();
    drawn
        .into_iter()
        .zip(&pages.fonts)
        .map(|(drawn, f)| {
            let Some(Drawn { mut cmap, glyphs }) = drawn else {
                return Ok(None);
            };
            let failed = |reason: String| Error::Font {
                font: f.path.display().to_string(),
                reason,
            };
            // Each character maps to the glyph the source's cmap gives it, where it has
            // one; a glyph drawn for it otherwise gets a CGTransform.
            let face = ttf_parser::Face::parse(f.data.as_bytes(), f.index)
                .map_err(|e| failed(e.to_string()))?;
            for (ch, gid) in cmap.iter_mut() {
                if let Some(own) = face.glyph_index(*ch) {
                    *gid = own.0;
                }
            }
            let subset =
                font::subset(f.data.as_bytes(), f.index, &cmap, &glyphs).map_err(failed)?;
            Ok(Some(Embedded {
                id: ids.next(),
                family: f.family.clone(),
                file: unique_file(&f.family, &mut files),
                bold: f.weight >= 600,
                subset,
                cmap,
            }))
        })
        .collect()
}

/// The font file's name: the family without spaces (`Noto Serif CJK SC` →
/// `NotoSerifCJKSC.ttf`), kept to safe characters, made unique with `_2`, `_3` … (a
/// reader that pairs a Font with its file by name, as ofd2img does, finds it).
fn unique_file(family: &str, taken: &mut BTreeSet<String>) -> String {
    let stem: String = family
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect();
    let stem = if stem.is_empty() {
        "font".to_string()
    } else {
        stem
    };
    let mut file = format!("{stem}.ttf");
    let mut n = 1;
    while !taken.insert(file.clone()) {
        n += 1;
        file = format!("{stem}_{n}.ttf");
    }
    file
}

/// `OFD.xml`: the document's metadata and where its root is.
fn ofd(pages: &Pages, doc_id: &str, created: i64) -> Element {
    let meta = &pages.meta;
    let text = |name: &str, value: &str| Element::new(name).text(value);
    let info = Element::new("ofd:DocInfo")
        .child(text("ofd:DocID", doc_id))
        .child(text("ofd:Title", &meta.title))
        .child(text("ofd:Author", &meta.author))
        .child(text("ofd:Subject", &meta.subject))
        .child(text("ofd:CreationDate", &date(created)))
        .child(text("ofd:Creator", "huibao"))
        .child(text("ofd:CreatorVersion", env!("CARGO_PKG_VERSION")));
    Element::new("ofd:OFD")
        .attr("xmlns:ofd", NAMESPACE)
        .attr("Version", "1.0")
        .attr("DocType", "OFD")
        .child(
            Element::new("ofd:DocBody")
                .child(info)
                .child(text("ofd:DocRoot", &format!("{DOC_DIR}/Document.xml"))),
        )
}

/// `YYYY-MM-DD` (UTC) of a Unix time, as xs:date wants it.
fn date(created: i64) -> String {
    let d = time::OffsetDateTime::from_unix_timestamp(created)
        .unwrap_or(time::OffsetDateTime::UNIX_EPOCH)
        .date();
    format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day())
}

/// `Document.xml`: page area, resources, the pages and the outline.
fn document(pages: &Pages, page_ids: &[u32], color_space: u32, max_id: u32) -> Element {
    let box_mm = nums(&[0.0, 0.0, mm(pages.width), mm(pages.height)]);
    let common = Element::new("ofd:CommonData")
        .child(Element::new("ofd:MaxUnitID").text(&max_id.to_string()))
        .child(Element::new("ofd:PageArea").child(Element::new("ofd:PhysicalBox").text(&box_mm)))
        .child(Element::new("ofd:PublicRes").text("PublicRes.xml"))
        .child(Element::new("ofd:DefaultCS").text(&color_space.to_string()));
    let mut list = Element::new("ofd:Pages");
    for (n, id) in page_ids.iter().enumerate() {
        list = list.child(
            Element::new("ofd:Page")
                .attr("ID", id.to_string())
                .attr("BaseLoc", page_loc(n)),
        );
    }
    let mut doc = Element::new("ofd:Document")
        .attr("xmlns:ofd", NAMESPACE)
        .child(common)
        .child(list);
    if !pages.outline.is_empty() {
        let mut outlines = Element::new("ofd:Outlines");
        outlines.children.extend(
            outline_tree(&pages.outline, page_ids)
                .into_iter()
                .map(huibao_xml::Node::Element),
        );
        doc = doc.child(outlines);
    }
    doc
}

/// Bookmarks nested by level: each entry holds the deeper entries that follow it.
fn outline_tree(entries: &[OutlineEntry], page_ids: &[u32]) -> Vec<Element> {
    // A stack of open entries with their levels; closing one adds it to its parent.
    let mut roots = Vec::new();
    let mut open: Vec<(u8, Element)> = Vec::new();
    let close = |open: &mut Vec<(u8, Element)>, roots: &mut Vec<Element>| {
        if let Some((_, done)) = open.pop() {
            match open.last_mut() {
                Some((_, parent)) => parent.children.push(huibao_xml::Node::Element(done)),
                None => roots.push(done),
            }
        }
    };
    for e in entries {
        while open.last().is_some_and(|(level, _)| *level >= e.level) {
            close(&mut open, &mut roots);
        }
        let dest = Element::new("ofd:Dest")
            .attr("Type", "XYZ")
            .attr(
                "PageID",
                page_ids.get(e.page).copied().unwrap_or(0).to_string(),
            )
            .attr("Left", "0")
            .attr("Top", nums(&[mm(e.y)]));
        let action = Element::new("ofd:Action")
            .attr("Event", "CLICK")
            .child(Element::new("ofd:Goto").child(dest));
        open.push((
            e.level,
            Element::new("ofd:OutlineElem")
                .attr("Title", &e.title)
                .child(Element::new("ofd:Actions").child(action)),
        ));
    }
    while !open.is_empty() {
        close(&mut open, &mut roots);
    }
    roots
}

/// `PublicRes.xml`: the colour space and the embedded fonts (files under `Res/`).
fn public_res(embedded: &[Option<Embedded>], color_space: u32) -> Element {
    let spaces = Element::new("ofd:ColorSpaces").child(
        Element::new("ofd:ColorSpace")
            .attr("ID", color_space.to_string())
            .attr("Type", "RGB")
            .attr("BitsPerComponent", "8"),
    );
    let mut fonts = Element::new("ofd:Fonts");
    for e in embedded.iter().flatten() {
        let mut font = Element::new("ofd:Font")
            .attr("ID", e.id.to_string())
            .attr("FontName", &e.family)
            .attr("FamilyName", &e.family);
        if e.bold {
            font = font.attr("Bold", "true");
        }
        fonts = fonts.child(font.child(Element::new("ofd:FontFile").text(&e.file)));
    }
    Element::new("ofd:Res")
        .attr("xmlns:ofd", NAMESPACE)
        .attr("BaseLoc", "Res")
        .child(spaces)
        .child(fonts)
}
