//! The fonts of one document, prepared once and written as PDF objects by us.
//!
//! printpdf, given a font, asks for every glyph's width through its outline decoder,
//! which parses the whole `CFF ` table again for each new glyph: for a CJK report, a
//! third of the PDF's time. So each face is subsetted ([`crate::subset`]) and parsed
//! once, here; the page content shows glyphs by the codes the font's dictionary
//! defines, with the kerning printpdf would have merged into each line's `TJ` worked
//! out from the same widths; and the font objects (`Type0`, its CID font, descriptor,
//! program, `/W` and `ToUnicode`) are written with the values and in the form printpdf
//! writes them ([`PreparedFont::write`]). printpdf lays out pages and serialises
//! them; it never sees the fonts.

use crate::subset::{subset_font, Subset};
use crate::{Error, Part};
use lopdf::{Dictionary, Object, ObjectId, Stream, StringFormat};
use printpdf::ParsedFont;
use std::collections::BTreeMap;

/// Width of a glyph the dictionary's `/W` does not list (printpdf's `/DW`).
const DEFAULT_WIDTH: i64 = 1000;

/// A face of the document, subsetted and parsed once, with the glyphs the pages show.
pub(crate) struct PreparedFont {
    /// The resource name the pages use ("F1").
    pub resource: String,
    /// The subset (its program, its glyph ids, its PDF name).
    subset: Subset,
    /// printpdf's parse of the subset: the metrics its dictionaries carry.
    parsed: ParsedFont,
    /// The code of each subset glyph for a CID-keyed CFF (its CID in the subset's
    /// charset); `None` when codes are glyph ids.
    cids: Option<BTreeMap<u16, u16>>,
    /// The character of each subset glyph shown, by subset glyph id (the last one
    /// shown with it, as printpdf records it).
    shown: BTreeMap<u16, char>,
}

impl PreparedFont {
    /// Subsets `font` and parses the subset; `resource` is its name on the pages.
    pub(crate) fn new(font: &huibao_layout::Font, resource: String) -> Result<Self, Error> {
        let subset = subset_font(font)?;
        let mut warnings = Vec::new();
        let parsed = ParsedFont::from_bytes(&subset.bytes, 0, &mut warnings).ok_or_else(|| {
            Error::FontSubsetUnreadable {
                font: font.path.display().to_string(),
            }
        })?;
        let cids = printpdf::font::cff_charset_gid_to_cid_map(&subset.bytes, 0);
        Ok(PreparedFont {
            resource,
            subset,
            parsed,
            cids,
            shown: BTreeMap::new(),
        })
    }

    /// The subset's glyph id of glyph `gid` of the source face (0 when it was not kept).
    pub(crate) fn subset_gid(&self, gid: u16) -> u16 {
        self.subset.glyph_ids.get(&gid).copied().unwrap_or(0)
    }

    /// The code that shows subset glyph `sgid` (the two bytes of `Identity-H`).
    fn code(&self, sgid: u16) -> u16 {
        match &self.cids {
            Some(map) => map.get(&sgid).copied().unwrap_or(0),
            None => sgid,
        }
    }

    /// The advance of subset glyph `sgid` in thousandths of an em, as `/W` gives it.
    pub(crate) fn width(&self, sgid: u16) -> i64 {
        if sgid >= self.parsed.num_glyphs {
            return 0;
        }
        let units = f32::from(self.parsed.pdf_font_metrics.units_per_em);
        (f32::from(self.parsed.get_horizontal_advance(sgid)) * 1000.0 / units) as i64
    }

    /// Records that subset glyph `sgid` is shown for `ch`; returns its code.
    pub(crate) fn show(&mut self, sgid: u16, ch: char) -> u16 {
        self.shown.insert(sgid, ch);
        self.code(sgid)
    }

    /// Whether any glyph of the face is shown (a face shown nowhere is not written).
    pub(crate) fn is_shown(&self) -> bool {
        !self.shown.is_empty()
    }

    /// Writes the font's objects into `doc`; returns the id of its `Type0` dictionary.
    pub(crate) fn write(&self, doc: &mut lopdf::Document) -> ObjectId {
        // The glyphs shown, by code (the order `/W` and `ToUnicode` need).
        let mut coded: Vec<(u16, u16, char)> = self
            .shown
            .iter()
            .map(|(&sgid, &ch)| (self.code(sgid), sgid, ch))
            .collect();
        coded.sort_by_key(|c| c.0);
        let to_unicode = printpdf::cmap::ToUnicodeCMap {
            mappings: coded
                .iter()
                .map(|&(code, _, ch)| (u32::from(code), vec![u32::from(ch)]))
                .collect(),
        }
        .to_cmap_string(&self.resource);
        let widths = self.widths(&coded);
        // Objects in printpdf's order: program, ToUnicode, descriptor, font.
        let (subtype, program) = self.program(doc);
        let to_unicode = doc.add_object(Stream::new(Dictionary::new(), to_unicode.into_bytes()));
        let descriptor = doc.add_object(self.descriptor(program));
        let name = || Object::Name(self.subset.name.clone().into_bytes());
        let mut cid_font = Dictionary::from_iter(vec![
            ("Type", Object::Name(b"Font".to_vec())),
            ("BaseFont", name()),
            ("Subtype", Object::Name(subtype.as_bytes().to_vec())),
            (
                "CIDSystemInfo",
                Object::Dictionary(Dictionary::from_iter(vec![
                    ("Registry", literal("Adobe")),
                    ("Ordering", literal("Identity")),
                    ("Supplement", Object::Integer(0)),
                ])),
            ),
            ("W", Object::Array(widths)),
            ("DW", Object::Integer(DEFAULT_WIDTH)),
            ("FontDescriptor", Object::Reference(descriptor)),
        ]);
        if subtype == "CIDFontType2" {
            cid_font.set("CIDToGIDMap", Object::Name(b"Identity".to_vec()));
        }
        doc.add_object(Dictionary::from_iter(vec![
            ("Type", Object::Name(b"Font".to_vec())),
            ("Subtype", Object::Name(b"Type0".to_vec())),
            ("BaseFont", name()),
            ("Encoding", Object::Name(b"Identity-H".to_vec())),
            ("ToUnicode", Object::Reference(to_unicode)),
            (
                "DescendantFonts",
                Object::Array(vec![Object::Dictionary(cid_font)]),
            ),
        ]))
    }

    /// `/W`: the widths of the glyphs shown, in runs of consecutive codes
    /// (`c [w1 w2 …]`).
    fn widths(&self, coded: &[(u16, u16, char)]) -> Vec<Object> {
        let mut out = Vec::new();
        let mut run: Vec<Object> = Vec::new();
        let mut first = 0u16;
        let mut last = 0u16;
        for &(code, sgid, _) in coded {
            if !run.is_empty() && u32::from(code) != u32::from(last) + 1 {
                out.push(Object::Integer(i64::from(first)));
                out.push(Object::Array(std::mem::take(&mut run)));
            }
            if run.is_empty() {
                first = code;
            }
            last = code;
            run.push(Object::Integer(self.width(sgid)));
        }
        if !run.is_empty() {
            out.push(Object::Integer(i64::from(first)));
            out.push(Object::Array(run));
        }
        out
    }

    /// Adds the font program; returns the CID font's subtype and the descriptor's
    /// entry for the program. A CID-keyed CFF goes as its bare `CFF ` table
    /// (`CIDFontType0C`), another CFF as the whole OpenType file, TrueType outlines as
    /// `FontFile2`, as printpdf embeds them.
    fn program(&self, doc: &mut lopdf::Document) -> (&'static str, (&'static str, Object)) {
        let bytes = &self.subset.bytes;
        let stream =
            |dict: Dictionary, program: Vec<u8>| Stream::new(dict, program).with_compression(true);
        let subtype =
            |name: &str| Dictionary::from_iter(vec![("Subtype", Object::Name(name.into()))]);
        if let Some(cff) = printpdf::font::extract_cid_keyed_cff(bytes, 0) {
            let id = doc.add_object(stream(subtype("CIDFontType0C"), cff));
            ("CIDFontType0", ("FontFile3", Object::Reference(id)))
        } else if bytes.starts_with(b"OTTO") {
            let id = doc.add_object(stream(subtype("OpenType"), bytes.clone()));
            ("CIDFontType0", ("FontFile3", Object::Reference(id)))
        } else {
            let length =
                Dictionary::from_iter(vec![("Length1", Object::Integer(bytes.len() as i64))]);
            let id = doc.add_object(stream(length, bytes.clone()));
            ("CIDFontType2", ("FontFile2", Object::Reference(id)))
        }
    }

    /// The font descriptor: metrics in thousandths of an em, and the program.
    fn descriptor(&self, program: (&'static str, Object)) -> Dictionary {
        let m = &self.parsed.pdf_font_metrics;
        let scale = if m.units_per_em == 0 {
            1.0
        } else {
            1000.0 / f32::from(m.units_per_em)
        };
        let scaled = |v: f32| Object::Integer((v * scale).round() as i64);
        // printpdf keeps the ascent and descent as whole font units before scaling.
        let ascent = self.parsed.font_metrics.ascent as i64 as f32;
        let descent = self.parsed.font_metrics.descent as i64 as f32;
        let cap_height = self.parsed.font_metrics.cap_height.map_or_else(
            || scaled(ascent),
            |c| Object::Integer((c * scale).round() as i64),
        );
        // The slant in degrees, counter-clockwise from vertical (an italic is negative).
        let italic_angle = if m.caret_slope_rise == 0 {
            0
        } else {
            (-f32::from(m.caret_slope_run)
                .atan2(f32::from(m.caret_slope_rise))
                .to_degrees())
            .round() as i64
        };
        const NONSYMBOLIC: i64 = 1 << 5;
        const ITALIC: i64 = 1 << 6;
        let flags = NONSYMBOLIC | if italic_angle != 0 { ITALIC } else { 0 };
        // Stem width estimated from the weight class, as PDF producers do.
        let stem_v = if m.us_weight_class == 0 {
            80
        } else {
            50 + (f32::from(m.us_weight_class) / 65.0).powi(2).round() as i64
        };
        let mut d = Dictionary::from_iter(vec![
            ("Type", Object::Name(b"FontDescriptor".to_vec())),
            (
                "FontName",
                Object::Name(self.subset.name.clone().into_bytes()),
            ),
            ("Ascent", scaled(ascent)),
            ("Descent", scaled(descent)),
            ("CapHeight", cap_height),
            ("ItalicAngle", Object::Integer(italic_angle)),
            ("Flags", Object::Integer(flags)),
            ("StemV", Object::Integer(stem_v)),
            (
                "FontBBox",
                Object::Array(
                    [m.x_min, m.y_min, m.x_max, m.y_max]
                        .into_iter()
                        .map(|v| scaled(f32::from(v)))
                        .collect(),
                ),
            ),
        ]);
        d.set(program.0, program.1);
        d
    }
}

/// A PDF literal string.
fn literal(s: &str) -> Object {
    Object::String(s.as_bytes().to_vec(), StringFormat::Literal)
}

/// Subsets and parses every font of `pages`, side by side on the cores; the `n`-th is
/// named `F{n}` on the pages.
pub(crate) fn prepare(pages: &huibao_layout::Pages) -> Result<Vec<PreparedFont>, Error> {
    use rayon::prelude::*;
    pages
        .fonts
        .par_iter()
        .enumerate()
        .map(|(i, font)| PreparedFont::new(font, format!("F{}", i + 1)))
        .collect()
}

/// Writes the fonts shown into `doc` and names them in the font resources its pages
/// share (printpdf gives every page the same, empty here, `/Font` dictionary).
pub(crate) fn write_all(doc: &mut lopdf::Document, fonts: &[PreparedFont]) -> Result<(), Error> {
    let written: Vec<(String, ObjectId)> = fonts
        .iter()
        .filter(|f| f.is_shown())
        .map(|f| (f.resource.clone(), f.write(doc)))
        .collect();
    let Some(&page) = doc.get_pages().values().next() else {
        return Ok(());
    };
    let missing = Error::Incomplete;
    let resources = doc
        .get_dictionary(page)
        .and_then(|p| p.get(b"Resources"))
        .and_then(Object::as_reference)
        .map_err(|_| missing(Part::PageResources))?;
    let fonts_id = doc
        .get_dictionary(resources)
        .and_then(|r| r.get(b"Font"))
        .and_then(Object::as_reference)
        .map_err(|_| missing(Part::FontResources))?;
    let dict = doc
        .get_dictionary_mut(fonts_id)
        .map_err(|_| missing(Part::FontResources))?;
    for (name, id) in written {
        dict.set(name, Object::Reference(id));
    }
    Ok(())
}
