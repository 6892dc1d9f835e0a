//! Finishing the file for the archive (PDF/A-2b) on printpdf's lopdf document:
//! PDF 1.7 header, a fresh Info dictionary and matching XMP metadata with the PDF/A
//! identification, an sRGB output intent, the language, and nested bookmarks.
//!
//! Rules enforced here (each is checked by backends/pdf/tests/pdf_a.rs, and the
//! identification and file structure by tests/pdf_check.py with pdfinfo and qpdf):
//! - header `%PDF-1.7` followed by a binary comment (ISO 19005-2 6.1.2);
//! - a trailer `/ID` (6.1.3), no encryption (6.1.3);
//! - catalog `/Metadata`: an unfiltered XMP stream (6.6.2.1) whose `pdfaid:part` is 2
//!   and `pdfaid:conformance` is B (6.6.4), with `dc:title`, `dc:creator`,
//!   `dc:description`, `xmp:CreateDate`, `xmp:ModifyDate`, `xmp:CreatorTool` and
//!   `pdf:Producer` equal to the Info entries Title, Author, Subject, CreationDate,
//!   ModDate, Creator and Producer (6.6.3);
//! - catalog `/OutputIntents` with one `/GTS_PDFA1` intent whose destination profile is an
//!   ICC RGB profile with `/N 3` (6.2.3), replacing printpdf's PDF/X CMYK intent;
//! - no PDF/X keys: no `GTS_PDFXVersion`, `Trapped` or printpdf `Identifier` in Info;
//! - fonts are embedded (all text is set in embedded, subsetted fonts by construction,
//!   and no glyph 0 is ever shown: 6.2.11.4, 6.2.11.8);
//! - annotations: none are written (printpdf's empty `/Annots` arrays are removed);
//!   should any appear, they carry the Print flag and no NoView/Hidden (6.3.2);
//! - no optional content, JavaScript, embedded files or transparency groups are written.

use crate::icc;
use crate::{Error, Part};
use lopdf::{Dictionary, Object, ObjectId, Stream, StringFormat};

/// Document metadata for Info and XMP.
#[derive(Debug, Clone)]
pub(crate) struct Meta {
    /// Title.
    pub title: String,
    /// Author (the issuing organization).
    pub author: String,
    /// Subject.
    pub subject: String,
    /// BCP 47 language tag.
    pub language: String,
    /// Creation time, seconds since the Unix epoch (UTC).
    pub created: i64,
    /// The program that made the document.
    pub creator: String,
    /// The library that wrote the PDF.
    pub producer: String,
    /// Tagged: PDF/A-2a and PDF/UA-1; else PDF/A-2b.
    pub tagged: bool,
}

impl Meta {
    /// The PDF/A conformance level: A (accessible: tagged) or B (basic).
    fn level(&self) -> &'static str {
        if self.tagged {
            "A"
        } else {
            "B"
        }
    }
}

/// An outline entry: 0-based page, nesting level, text, and top y on the page.
#[derive(Debug, Clone)]
pub(crate) struct Outline {
    /// 0-based page index.
    pub page: usize,
    /// Nesting level, 1 at the top.
    pub level: u8,
    /// Text.
    pub title: String,
    /// y of the destination (from the page's bottom).
    pub y: f64,
}

/// Civil date and time (UTC) of a Unix timestamp.
fn civil(ts: i64) -> (i64, u32, u32, u32, u32, u32) {
    let days = ts.div_euclid(86_400);
    let secs = ts.rem_euclid(86_400);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (
        y,
        m,
        d,
        (secs / 3600) as u32,
        (secs % 3600 / 60) as u32,
        (secs % 60) as u32,
    )
}

/// "D:YYYYMMDDHHmmSS+00'00'".
pub(crate) fn pdf_date(ts: i64) -> String {
    let (y, mo, d, h, mi, s) = civil(ts);
    format!("D:{y:04}{mo:02}{d:02}{h:02}{mi:02}{s:02}+00'00'")
}

/// "YYYY-MM-DDTHH:MM:SS+00:00".
pub(crate) fn xmp_date(ts: i64) -> String {
    let (y, mo, d, h, mi, s) = civil(ts);
    format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}+00:00")
}

use crate::tag::text;

/// Text for the XMP packet: markup escaped, characters XML forbids removed.
fn xml_escape(s: &str) -> String {
    huibao_xml::escape(s)
}

/// The PDF/UA identification (ISO 14289-1 5) and, as PDF/A requires of a schema it does
/// not predefine (ISO 19005-2 6.6.2.3), its extension schema description.
const PDFUA_ID: &str = r#"
  <rdf:Description rdf:about=""
    xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/"
    xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#"
    xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
   <pdfaExtension:schemas>
    <rdf:Bag>
     <rdf:li rdf:parseType="Resource">
      <pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
      <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
      <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
      <pdfaSchema:property>
       <rdf:Seq>
        <rdf:li rdf:parseType="Resource">
         <pdfaProperty:name>part</pdfaProperty:name>
         <pdfaProperty:valueType>Integer</pdfaProperty:valueType>
         <pdfaProperty:category>internal</pdfaProperty:category>
         <pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description>
        </rdf:li>
       </rdf:Seq>
      </pdfaSchema:property>
     </rdf:li>
    </rdf:Bag>
   </pdfaExtension:schemas>
  </rdf:Description>
  <rdf:Description rdf:about="" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
   <pdfuaid:part>1</pdfuaid:part>
  </rdf:Description>"#;

/// The XMP packet for `meta`.
pub(crate) fn xmp(meta: &Meta) -> String {
    let date = xmp_date(meta.created);
    format!(
        r#"<?xpacket begin="{bom}" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
    xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{title}</rdf:li></rdf:Alt></dc:title>
   <dc:creator><rdf:Seq><rdf:li>{author}</rdf:li></rdf:Seq></dc:creator>
   <dc:description><rdf:Alt><rdf:li xml:lang="x-default">{subject}</rdf:li></rdf:Alt></dc:description>
   <dc:language><rdf:Bag><rdf:li>{lang}</rdf:li></rdf:Bag></dc:language>
   <xmp:CreateDate>{date}</xmp:CreateDate>
   <xmp:ModifyDate>{date}</xmp:ModifyDate>
   <xmp:MetadataDate>{date}</xmp:MetadataDate>
   <xmp:CreatorTool>{creator}</xmp:CreatorTool>
   <pdf:Producer>{producer}</pdf:Producer>
   <pdfaid:part>2</pdfaid:part>
   <pdfaid:conformance>{level}</pdfaid:conformance>
  </rdf:Description>{ua}
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>"#,
        bom = '\u{FEFF}',
        title = xml_escape(&meta.title),
        author = xml_escape(&meta.author),
        subject = xml_escape(&meta.subject),
        lang = xml_escape(&meta.language),
        creator = xml_escape(&meta.creator),
        producer = xml_escape(&meta.producer),
        level = meta.level(),
        ua = if meta.tagged { PDFUA_ID } else { "" },
    )
}

fn info(meta: &Meta) -> Dictionary {
    let date = Object::String(pdf_date(meta.created).into_bytes(), StringFormat::Literal);
    Dictionary::from_iter(vec![
        ("Title", text(&meta.title)),
        ("Author", text(&meta.author)),
        ("Subject", text(&meta.subject)),
        ("Creator", text(&meta.creator)),
        ("Producer", text(&meta.producer)),
        ("CreationDate", date.clone()),
        ("ModDate", date),
        // Not part of ISO 19005 (which reads the XMP), but poppler's pdfinfo and the
        // viewers built on it read the PDF/A level from this key.
        (
            "GTS_PDFA1Version",
            Object::string_literal(format!("PDF/A-2{}", meta.level().to_lowercase())),
        ),
    ])
}

/// A node of the outline tree.
struct Node {
    outline: Outline,
    children: Vec<usize>,
    id: ObjectId,
}

/// Writes nested outlines; returns the outline root's id, if there are entries.
fn outlines(doc: &mut lopdf::Document, entries: &[Outline]) -> Option<ObjectId> {
    if entries.is_empty() {
        return None;
    }
    let pages = doc.get_pages();
    let root_id = doc.new_object_id();
    let mut nodes: Vec<Node> = Vec::new();
    let mut top: Vec<usize> = Vec::new();
    let mut stack: Vec<usize> = Vec::new();
    for e in entries {
        while stack
            .last()
            .is_some_and(|&i| nodes[i].outline.level >= e.level)
        {
            stack.pop();
        }
        let i = nodes.len();
        nodes.push(Node {
            outline: e.clone(),
            children: Vec::new(),
            id: doc.new_object_id(),
        });
        match stack.last() {
            Some(&p) => nodes[p].children.push(i),
            None => top.push(i),
        }
        stack.push(i);
    }
    fn count(nodes: &[Node], i: usize) -> i64 {
        nodes[i].children.iter().map(|&c| 1 + count(nodes, c)).sum()
    }
    fn write(
        doc: &mut lopdf::Document,
        nodes: &[Node],
        siblings: &[usize],
        parent: ObjectId,
        pages: &std::collections::BTreeMap<u32, ObjectId>,
    ) {
        for (k, &i) in siblings.iter().enumerate() {
            let n = &nodes[i];
            let page = pages
                .get(&(n.outline.page as u32 + 1))
                .copied()
                .or_else(|| pages.values().next().copied());
            let mut d = Dictionary::from_iter(vec![
                ("Title", text(&n.outline.title)),
                ("Parent", Object::Reference(parent)),
            ]);
            if let Some(page) = page {
                d.set(
                    "Dest",
                    Object::Array(vec![
                        Object::Reference(page),
                        Object::Name(b"XYZ".to_vec()),
                        Object::Null,
                        Object::Real(n.outline.y as f32),
                        Object::Null,
                    ]),
                );
            }
            if k > 0 {
                d.set("Prev", Object::Reference(nodes[siblings[k - 1]].id));
            }
            if let Some(&next) = siblings.get(k + 1) {
                d.set("Next", Object::Reference(nodes[next].id));
            }
            if let (Some(&f), Some(&l)) = (n.children.first(), n.children.last()) {
                d.set("First", Object::Reference(nodes[f].id));
                d.set("Last", Object::Reference(nodes[l].id));
                d.set("Count", Object::Integer(count(nodes, i)));
            }
            doc.objects.insert(n.id, Object::Dictionary(d));
            write(doc, nodes, &n.children, n.id, pages);
        }
    }
    write(doc, &nodes, &top, root_id, &pages);
    let total: i64 = top.iter().map(|&i| 1 + count(&nodes, i)).sum();
    let first = nodes[top[0]].id;
    let last = nodes[*top.last().unwrap_or(&top[0])].id;
    doc.objects.insert(
        root_id,
        Object::Dictionary(Dictionary::from_iter(vec![
            ("Type", Object::Name(b"Outlines".to_vec())),
            ("First", Object::Reference(first)),
            ("Last", Object::Reference(last)),
            ("Count", Object::Integer(total)),
        ])),
    );
    Some(root_id)
}

/// Turns printpdf's document into the bytes of a PDF/A-2a and PDF/UA-1 file with the
/// structure tree of `tags` (the tree and where its content was marked), else of a
/// PDF/A-2b file.
pub(crate) fn finish(
    mut doc: lopdf::Document,
    meta: &Meta,
    entries: &[Outline],
    tags: Option<(&huibao_core::ir::structure::Structure, &crate::tag::Marked)>,
) -> Result<Vec<u8>, Error> {
    doc.version = "1.7".into();
    let catalog_id = doc
        .trailer
        .get(b"Root")
        .and_then(Object::as_reference)
        .map_err(|_| Error::Incomplete(Part::Catalog))?;

    // Pages: no annotations at all (printpdf writes empty /Annots arrays).
    let page_ids: Vec<ObjectId> = doc.get_pages().values().copied().collect();
    for id in page_ids {
        if let Ok(Object::Dictionary(page)) = doc.get_object_mut(id) {
            let empty = matches!(page.get(b"Annots"), Ok(Object::Array(a)) if a.is_empty());
            if empty {
                page.remove(b"Annots");
            }
        }
    }

    let xmp_id = doc.add_object(
        Stream::new(
            Dictionary::from_iter(vec![
                ("Type", Object::Name(b"Metadata".to_vec())),
                ("Subtype", Object::Name(b"XML".to_vec())),
            ]),
            xmp(meta).into_bytes(),
        )
        .with_compression(false),
    );
    let icc_id = doc.add_object(Stream::new(
        Dictionary::from_iter(vec![("N", Object::Integer(3))]),
        icc::srgb(),
    ));
    let intent = Dictionary::from_iter(vec![
        ("Type", Object::Name(b"OutputIntent".to_vec())),
        ("S", Object::Name(b"GTS_PDFA1".to_vec())),
        (
            "OutputConditionIdentifier",
            Object::string_literal(icc::DESCRIPTION),
        ),
        ("Info", Object::string_literal(icc::DESCRIPTION)),
        (
            "RegistryName",
            Object::string_literal("http://www.color.org"),
        ),
        ("DestOutputProfile", Object::Reference(icc_id)),
    ]);
    let outline_root = outlines(&mut doc, entries);
    let info_id = doc.add_object(info(meta));
    let struct_root = tags.map(|(structure, marked)| {
        let pages: Vec<ObjectId> = doc.get_pages().values().copied().collect();
        crate::tag::write(&mut doc, structure, marked, &pages)
    });

    let catalog = doc
        .get_object_mut(catalog_id)
        .and_then(Object::as_dict_mut)
        .map_err(|_| Error::Incomplete(Part::Catalog))?;
    catalog.remove(b"OutputIntents");
    catalog.remove(b"Metadata");
    catalog.remove(b"Outlines");
    catalog.set("Metadata", Object::Reference(xmp_id));
    catalog.set(
        "OutputIntents",
        Object::Array(vec![Object::Dictionary(intent)]),
    );
    catalog.set("Lang", text(&meta.language));
    catalog.set(
        "ViewerPreferences",
        Object::Dictionary(Dictionary::from_iter(vec![(
            "DisplayDocTitle",
            Object::Boolean(true),
        )])),
    );
    match outline_root {
        Some(root) => {
            catalog.set("Outlines", Object::Reference(root));
            catalog.set("PageMode", Object::Name(b"UseOutlines".to_vec()));
        }
        None => catalog.set("PageMode", Object::Name(b"UseNone".to_vec())),
    }
    if let Some(root) = struct_root {
        catalog.set("StructTreeRoot", Object::Reference(root));
        catalog.set(
            "MarkInfo",
            Object::Dictionary(Dictionary::from_iter(vec![(
                "Marked",
                Object::Boolean(true),
            )])),
        );
    }
    doc.trailer.set("Info", Object::Reference(info_id));
    doc.prune_objects();
    compress(&mut doc);
    write_with_id(&mut doc)
}

/// Deflate level of the streams, chosen by measurement (ecopark-2022, zlib-rs): the
/// font subsets are most of the file and CFF compresses little. Level 2 makes a file
/// 1% larger than level 3 and 2–3% larger than lopdf's level 9, in a fraction of the
/// time; level 1 (static codes) would save a fifth of the PDF's time but make the
/// file 18% larger.
const DEFLATE_LEVEL: u32 = 2;

/// Compresses every stream that may be compressed (not the XMP metadata), side by
/// side on the cores, and a long one in pieces side by side ([`crate::deflate`]).
fn compress(doc: &mut lopdf::Document) {
    use rayon::prelude::*;
    let streams: Vec<&mut Stream> = doc
        .objects
        .values_mut()
        .filter_map(|o| match o {
            Object::Stream(s) if s.allows_compression && s.dict.get(b"Filter").is_err() => Some(s),
            _ => None,
        })
        .collect();
    streams.into_par_iter().for_each(|stream| {
        if let Some(compressed) = crate::deflate::zlib(&stream.content, DEFLATE_LEVEL) {
            if compressed.len() + 19 < stream.content.len() {
                stream.dict.set("Filter", "FlateDecode");
                stream.set_content(compressed);
            }
        }
    });
}

/// A stand-in for the file identifier while the file is written: 16 bytes that the
/// trailer's `/ID` array shows as 32 hexadecimal digits.
const ID_STAND_IN: [u8; 16] = [0xA5; 16];

/// The bytes of `doc` with its file identifier (ISO 32000-1, 14.4): a digest of the
/// file written with a stand-in, put in the stand-in's place, so identical input gives
/// identical bytes (printpdf draws a random one per process).
fn write_with_id(doc: &mut lopdf::Document) -> Result<Vec<u8>, Error> {
    use sha2::{Digest, Sha256};
    let stand_in = Object::String(ID_STAND_IN.to_vec(), StringFormat::Hexadecimal);
    doc.trailer
        .set("ID", Object::Array(vec![stand_in.clone(), stand_in]));
    let mut out = Vec::new();
    doc.save_to(&mut out)
        .map_err(|e| Error::Save(e.to_string()))?;
    let hex = |bytes: &[u8]| bytes.iter().map(|b| format!("{b:02X}")).collect::<String>();
    let id = hex(&Sha256::digest(&out)[..16]);
    let stand_in = format!("<{}>", hex(&ID_STAND_IN)).into_bytes();
    // The trailer is last: both entries of its `/ID` are found from the end.
    let tail = out.len().saturating_sub(4096);
    let mut end = out.len();
    for _ in 0..2 {
        let at = out[tail..end]
            .windows(stand_in.len())
            .rposition(|w| w == stand_in.as_slice())
            .map(|at| tail + at)
            .ok_or(Error::Incomplete(Part::FileIdentifier))?;
        out[at + 1..at + 1 + id.len()].copy_from_slice(id.as_bytes());
        end = at;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(pdf_date(0), "D:19700101000000+00'00'");
        assert_eq!(xmp_date(1_657_584_000), "2022-07-12T00:00:00+00:00");
        assert_eq!(pdf_date(951_825_600), "D:20000229120000+00'00'");
    }

    #[test]
    fn xmp_escapes_and_identifies() {
        let m = Meta {
            title: "A<B>&\"C\"".into(),
            author: "园区".into(),
            subject: "s".into(),
            language: "zh-CN".into(),
            created: 0,
            creator: "huibao".into(),
            producer: "p".into(),
            tagged: false,
        };
        let x = xmp(&m);
        assert!(x.contains("A&lt;B&gt;&amp;&quot;C&quot;"));
        assert!(x.contains("<pdfaid:part>2</pdfaid:part>"));
        assert!(x.contains("<pdfaid:conformance>B</pdfaid:conformance>"));
        assert!(!x.contains("pdfuaid"));
        assert!(huibao_xml::parse(x.as_bytes()).is_ok());
    }

    #[test]
    fn a_tagged_file_claims_pdf_a_2a_and_pdf_ua_1() {
        let m = Meta {
            title: "t".into(),
            author: "a".into(),
            subject: "s".into(),
            language: "zh-CN".into(),
            created: 0,
            creator: "huibao".into(),
            producer: "p".into(),
            tagged: true,
        };
        let x = xmp(&m);
        assert!(x.contains("<pdfaid:conformance>A</pdfaid:conformance>"));
        assert!(x.contains("<pdfuaid:part>1</pdfuaid:part>"));
        assert!(x.contains("<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>"));
        assert!(huibao_xml::parse(x.as_bytes()).is_ok());
        assert_eq!(
            info(&m).get(b"GTS_PDFA1Version").unwrap(),
            &Object::string_literal("PDF/A-2a")
        );
    }

    #[test]
    fn xmp_never_holds_a_character_xml_forbids() {
        let m = Meta {
            title: "金川\u{8}开发区\u{0}工作总结\u{FFFF}".into(),
            author: "园区\u{1B}管委会".into(),
            subject: "上半年\u{B}".into(),
            language: "zh-CN".into(),
            created: 0,
            creator: "huibao".into(),
            producer: "p".into(),
            tagged: false,
        };
        let x = xmp(&m);
        assert!(!x.chars().any(huibao_xml::is_forbidden), "{x:?}");
        assert!(x.contains(">金川开发区工作总结<"), "{x}");
        assert!(huibao_xml::parse(x.as_bytes()).is_ok());
    }
}
