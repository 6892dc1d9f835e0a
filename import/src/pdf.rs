//! Reading a PDF's text layer: the document through `lopdf` (object streams and page
//! content decompressed within a limit, fonts' ToUnicode maps, Identity-H CID fonts, the
//! GB predefined encodings), each page's content stream interpreted for where every
//! character stands, then [`crate::positioned`] turns the characters into paragraphs.
//!
//! A PDF without a text layer (a scan) has pages but no characters: [`PdfError::Scanned`].

use crate::positioned::{Page, Run};
use huibao_i18n::{msg, Message};
use lopdf::{Dictionary, Document, Encoding, Object, ObjectId};
use std::collections::HashMap;

/// Largest stream decompressed (an object stream, a page's content, a font's map).
const MAX_STREAM: usize = 32 << 20;
/// Most pages read: far more than any work report.
const MAX_PAGES: usize = 2_000;
/// Most characters placed in the whole document.
const MAX_CHARS: usize = 1_000_000;
/// Most content-stream operations interpreted in the whole document (forms drawn many
/// times included).
const MAX_OPERATIONS: usize = 20_000_000;
/// Deepest nesting of forms and of saved graphics states.
const MAX_DEPTH: usize = 8;
const MAX_STACK: usize = 256;

/// Why a PDF could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum PdfError {
    /// Not a readable PDF, or one without pages.
    Damaged(Message),
    /// Protected by a password.
    Encrypted,
    /// A scan (扫描件): this many pages, none with a text layer.
    Scanned(usize),
    /// Over a limit.
    TooLarge(Message),
}

impl PdfError {
    /// A fault the PDF library found: its words as the detail.
    fn library(e: lopdf::Error) -> PdfError {
        PdfError::Damaged(msg!("import-read-pdf", detail = e.to_string()))
    }
}

/// Reads the pages of a PDF held in memory.
pub(crate) fn read(bytes: &[u8]) -> Result<Vec<Page>, PdfError> {
    let options = lopdf::LoadOptions {
        max_decompressed_size: Some(MAX_STREAM),
        ..Default::default()
    };
    let doc = Document::load_mem_with_options(bytes, options).map_err(|e| match e {
        lopdf::Error::Decompress(lopdf::DecompressError::MemoryLimitExceeded { .. }) => {
            PdfError::TooLarge(msg!("import-read-stream-unpacks", limit = MAX_STREAM))
        }
        e if e.to_string().to_lowercase().contains("password")
            || e.to_string().to_lowercase().contains("decrypt") =>
        {
            PdfError::Encrypted
        }
        e => PdfError::library(e),
    })?;
    if doc.is_encrypted() {
        return Err(PdfError::Encrypted);
    }
    let page_ids: Vec<ObjectId> = doc.page_iter().take(MAX_PAGES + 1).collect();
    if page_ids.len() > MAX_PAGES {
        return Err(PdfError::TooLarge(msg!(
            "import-read-too-many-pages",
            limit = MAX_PAGES
        )));
    }
    if page_ids.is_empty() {
        return Err(PdfError::Damaged(msg!("import-read-no-pages")));
    }
    let mut reader = Reader {
        doc: &doc,
        fonts: HashMap::new(),
        chars: 0,
        operations: 0,
    };
    let mut pages = Vec::new();
    for id in page_ids {
        pages.push(reader.page(id)?);
    }
    if reader.chars == 0 {
        return Err(PdfError::Scanned(pages.len()));
    }
    Ok(pages)
}

/// A 2-D affine matrix [a b c d e f] as PDF writes it.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Matrix([f64; 6]);

impl Matrix {
    const IDENTITY: Matrix = Matrix([1.0, 0.0, 0.0, 1.0, 0.0, 0.0]);

    /// `self` then `other`.
    fn then(self, other: Matrix) -> Matrix {
        let [a, b, c, d, e, f] = self.0;
        let [a2, b2, c2, d2, e2, f2] = other.0;
        Matrix([
            a * a2 + b * c2,
            a * b2 + b * d2,
            c * a2 + d * c2,
            c * b2 + d * d2,
            e * a2 + f * c2 + e2,
            e * b2 + f * d2 + f2,
        ])
    }

    fn translate(x: f64, y: f64) -> Matrix {
        Matrix([1.0, 0.0, 0.0, 1.0, x, y])
    }

    fn of(operands: &[Object]) -> Option<Matrix> {
        let v: Vec<f64> = operands.iter().filter_map(number).collect();
        let m: [f64; 6] = v.try_into().ok()?;
        m.iter().all(|x| x.is_finite()).then_some(Matrix(m))
    }
}

fn number(o: &Object) -> Option<f64> {
    match o {
        Object::Integer(i) => Some(*i as f64),
        Object::Real(r) => Some(f64::from(*r)),
        _ => None,
    }
}

/// What the reader needs of a font: how to decode its codes and how wide each is.
struct Font<'a> {
    encoding: Option<Encoding<'a>>,
    /// A GB predefined CMap (GBK-EUC-H …): codes are GBK bytes.
    gbk: bool,
    /// Codes are two bytes (a composite font).
    two_byte: bool,
    /// Widths by code, in thousandths of the size: ranges (first, last, width).
    widths: Vec<(u32, u32, f64)>,
    default_width: f64,
}

impl Font<'_> {
    fn width(&self, code: u32) -> f64 {
        // The last range starting at or before the code (they are sorted by start).
        let i = self.widths.partition_point(|w| w.0 <= code);
        match i.checked_sub(1).map(|i| self.widths[i]) {
            Some((_, hi, w)) if code <= hi => w,
            _ => self.default_width,
        }
    }
}

struct Reader<'a> {
    doc: &'a Document,
    /// Fonts read, by the address of their dictionary (a font object or an inline one).
    fonts: HashMap<usize, std::rc::Rc<Font<'a>>>,
    chars: usize,
    operations: usize,
}

/// The text state of a content stream.
#[derive(Clone)]
struct State<'a> {
    ctm: Matrix,
    char_spacing: f64,
    word_spacing: f64,
    scale: f64,
    leading: f64,
    rise: f64,
    size: f64,
    font: Option<std::rc::Rc<Font<'a>>>,
}

impl<'a> Reader<'a> {
    fn page(&mut self, id: ObjectId) -> Result<Page, PdfError> {
        let doc = self.doc;
        let page_dict = doc.get_dictionary(id).map_err(PdfError::library)?;
        let media = inherited(doc, page_dict, b"MediaBox")
            .and_then(|o| o.as_array().ok().cloned())
            .map(|a| a.iter().filter_map(number).collect::<Vec<f64>>())
            .filter(|v| v.len() == 4)
            .unwrap_or_else(|| vec![0.0, 0.0, 595.0, 842.0]);
        let height = (media[3] - media[1]).abs();
        let content = doc
            .get_page_content_with_limit(id, MAX_STREAM)
            .map_err(|e| match e {
                lopdf::Error::Decompress(_) => {
                    PdfError::TooLarge(msg!("import-read-page-content-unpacks", limit = MAX_STREAM))
                }
                e => PdfError::library(e),
            })?;
        let resources = page_resources(doc, page_dict);
        let mut page = Page {
            height,
            runs: Vec::new(),
        };
        // The page's origin at the top left, y downwards.
        let base = Matrix([1.0, 0.0, 0.0, -1.0, -media[0], media[3]]);
        self.run(&content, resources, base, &mut page, 0)?;
        Ok(page)
    }

    /// Interprets one content stream (a page's or a form's).
    fn run(
        &mut self,
        content: &[u8],
        resources: Option<&'a Dictionary>,
        ctm: Matrix,
        page: &mut Page,
        depth: usize,
    ) -> Result<(), PdfError> {
        let Ok(ops) = lopdf::content::Content::decode(content) else {
            return Ok(());
        };
        let fonts = resources.and_then(|r| dict_entry(self.doc, r, b"Font"));
        let xobjects = resources.and_then(|r| dict_entry(self.doc, r, b"XObject"));
        let mut state = State {
            ctm,
            char_spacing: 0.0,
            word_spacing: 0.0,
            scale: 1.0,
            leading: 0.0,
            rise: 0.0,
            size: 0.0,
            font: None,
        };
        let mut stack: Vec<State<'a>> = Vec::new();
        let mut tm = Matrix::IDENTITY;
        let mut tlm = Matrix::IDENTITY;
        for op in &ops.operations {
            self.operations += 1;
            if self.operations > MAX_OPERATIONS {
                return Err(PdfError::TooLarge(msg!(
                    "import-read-too-many-operations",
                    limit = MAX_OPERATIONS
                )));
            }
            let o = &op.operands;
            let num = |i: usize| o.get(i).and_then(number).filter(|v| v.is_finite());
            match op.operator.as_str() {
                "q" if stack.len() < MAX_STACK => stack.push(state.clone()),
                "Q" => {
                    if let Some(s) = stack.pop() {
                        state = s;
                    }
                }
                "cm" => {
                    if let Some(m) = Matrix::of(o) {
                        state.ctm = m.then(state.ctm);
                    }
                }
                "BT" => {
                    tm = Matrix::IDENTITY;
                    tlm = Matrix::IDENTITY;
                }
                "Tc" => state.char_spacing = num(0).unwrap_or(0.0),
                "Tw" => state.word_spacing = num(0).unwrap_or(0.0),
                "Tz" => state.scale = num(0).unwrap_or(100.0) / 100.0,
                "TL" => state.leading = num(0).unwrap_or(0.0),
                "Ts" => state.rise = num(0).unwrap_or(0.0),
                "Tf" => {
                    state.size = num(1).unwrap_or(0.0);
                    state.font = o
                        .first()
                        .and_then(|n| n.as_name().ok())
                        .and_then(|name| self.font(fonts?, name));
                }
                "Td" | "TD" => {
                    let (x, y) = (num(0).unwrap_or(0.0), num(1).unwrap_or(0.0));
                    if op.operator == "TD" {
                        state.leading = -y;
                    }
                    tlm = Matrix::translate(x, y).then(tlm);
                    tm = tlm;
                }
                "Tm" => {
                    if let Some(m) = Matrix::of(o) {
                        tlm = m;
                        tm = m;
                    }
                }
                "T*" => {
                    tlm = Matrix::translate(0.0, -state.leading).then(tlm);
                    tm = tlm;
                }
                "Tj" | "'" | "\"" => {
                    if op.operator != "Tj" {
                        if op.operator == "\"" {
                            state.word_spacing = num(0).unwrap_or(0.0);
                            state.char_spacing = num(1).unwrap_or(0.0);
                        }
                        tlm = Matrix::translate(0.0, -state.leading).then(tlm);
                        tm = tlm;
                    }
                    if let Some(Ok(s)) = o.last().map(Object::as_str) {
                        self.show(s, &state, &mut tm, page)?;
                    }
                }
                "TJ" => {
                    let Some(Ok(items)) = o.first().map(Object::as_array) else {
                        continue;
                    };
                    for item in items {
                        match item {
                            Object::String(s, _) => self.show(s, &state, &mut tm, page)?,
                            other => {
                                if let Some(adjust) = number(other) {
                                    let tx = -adjust / 1000.0 * state.size * state.scale;
                                    tm = Matrix::translate(tx, 0.0).then(tm);
                                }
                            }
                        }
                    }
                }
                "Do" if depth < MAX_DEPTH => {
                    let Some(name) = o.first().and_then(|n| n.as_name().ok()) else {
                        continue;
                    };
                    let Some(stream) = xobjects
                        .and_then(|x| x.get(name).ok())
                        .and_then(|o| self.doc.dereference(o).ok())
                        .and_then(|(_, o)| o.as_stream().ok())
                    else {
                        continue;
                    };
                    if stream.dict.get(b"Subtype").and_then(Object::as_name).ok() != Some(b"Form") {
                        continue;
                    }
                    let Ok(inner) = stream.decompressed_content_with_limit(MAX_STREAM) else {
                        continue;
                    };
                    let matrix = stream
                        .dict
                        .get(b"Matrix")
                        .and_then(Object::as_array)
                        .ok()
                        .and_then(|a| Matrix::of(a))
                        .unwrap_or(Matrix::IDENTITY);
                    let own = dict_entry(self.doc, &stream.dict, b"Resources").or(resources);
                    self.run(&inner, own, matrix.then(state.ctm), page, depth + 1)?;
                }
                _ => {}
            }
        }
        Ok(())
    }

    /// Places the characters of a shown string and advances the text matrix.
    fn show(
        &mut self,
        bytes: &[u8],
        state: &State<'a>,
        tm: &mut Matrix,
        page: &mut Page,
    ) -> Result<(), PdfError> {
        let Some(font) = state.font.as_deref() else {
            return Ok(());
        };
        let step = if font.two_byte { 2 } else { 1 };
        let mut i = 0;
        while i < bytes.len() {
            // A GBK double-byte character in a one-byte-or-two GB CMap.
            let len = if font.gbk {
                if bytes[i] >= 0x81 && i + 1 < bytes.len() {
                    2
                } else {
                    1
                }
            } else {
                step.min(bytes.len() - i)
            };
            let code_bytes = &bytes[i..i + len];
            i += len;
            let code = code_bytes.iter().fold(0u32, |c, b| c << 8 | u32::from(*b));
            let text = if font.gbk {
                encoding_rs::GBK
                    .decode_without_bom_handling(code_bytes)
                    .0
                    .into_owned()
            } else {
                match &font.encoding {
                    Some(e) => e.bytes_to_string(code_bytes).unwrap_or_default(),
                    None => String::new(),
                }
            };
            let width = font.width(code) / 1000.0;
            let space = if len == 1 && code == 32 {
                state.word_spacing
            } else {
                0.0
            };
            let advance = (width * state.size + state.char_spacing + space) * state.scale;
            let trm = Matrix([
                state.size * state.scale,
                0.0,
                0.0,
                state.size,
                0.0,
                state.rise,
            ])
            .then(*tm)
            .then(state.ctm);
            let end = Matrix::translate(width * state.size * state.scale, 0.0)
                .then(*tm)
                .then(state.ctm);
            let [_, b, _, d, x, y] = trm.0;
            let size = (b * b + d * d).sqrt();
            let text: String = text
                .chars()
                .filter(|c| !c.is_control() && *c != '\u{FFFD}')
                .collect();
            if !text.trim().is_empty() && size.is_finite() && size > 0.0 {
                self.chars += 1;
                if self.chars > MAX_CHARS {
                    return Err(PdfError::TooLarge(msg!(
                        "import-read-too-many-chars",
                        limit = MAX_CHARS
                    )));
                }
                page.runs.push(Run {
                    x,
                    y,
                    end: end.0[4].max(x),
                    size,
                    text,
                });
            }
            *tm = Matrix::translate(advance, 0.0).then(*tm);
        }
        Ok(())
    }

    /// The font named `name` in a resource dictionary's fonts, read once per object.
    fn font(&mut self, fonts: &'a Dictionary, name: &[u8]) -> Option<std::rc::Rc<Font<'a>>> {
        let dict = match fonts.get(name).ok()? {
            Object::Reference(id) => self.doc.get_dictionary(*id).ok()?,
            Object::Dictionary(d) => d,
            _ => return None,
        };
        let key = std::ptr::from_ref(dict) as usize;
        if let Some(f) = self.fonts.get(&key) {
            return Some(f.clone());
        }
        let font = std::rc::Rc::new(read_font(self.doc, dict));
        self.fonts.insert(key, font.clone());
        Some(font)
    }
}

fn read_font<'a>(doc: &'a Document, dict: &'a Dictionary) -> Font<'a> {
    let subtype = dict
        .get(b"Subtype")
        .and_then(Object::as_name)
        .unwrap_or(b"");
    let encoding_name = dict
        .get(b"Encoding")
        .and_then(Object::as_name)
        .unwrap_or(b"")
        .to_vec();
    let two_byte = subtype == b"Type0";
    let has_to_unicode = dict.get(b"ToUnicode").is_ok();
    let gbk = two_byte
        && !has_to_unicode
        && encoding_name.starts_with(b"GB")
        && !encoding_name.starts_with(b"GBK2K");
    let encoding = dict.get_font_encoding_with_limit(doc, MAX_STREAM).ok();
    let mut widths = Vec::new();
    let mut default_width = if two_byte { 1000.0 } else { 500.0 };
    if two_byte {
        let descendant = dict
            .get(b"DescendantFonts")
            .and_then(|o| doc.dereference(o))
            .ok()
            .and_then(|(_, o)| o.as_array().ok())
            .and_then(|a| a.first())
            .and_then(|o| doc.dereference(o).ok())
            .and_then(|(_, o)| o.as_dict().ok());
        if let Some(d) = descendant {
            if let Some(dw) = d.get(b"DW").ok().and_then(number) {
                default_width = dw;
            }
            if let Some(w) = d
                .get(b"W")
                .and_then(|o| doc.dereference(o))
                .ok()
                .and_then(|(_, o)| o.as_array().ok())
            {
                let mut i = 0;
                while i < w.len() {
                    let Some(first) = number(&w[i]).map(|v| v as u32) else {
                        break;
                    };
                    match w.get(i + 1) {
                        Some(Object::Array(list)) => {
                            for (k, v) in list.iter().enumerate() {
                                if let Some(v) = number(v) {
                                    let c = first.saturating_add(k as u32);
                                    widths.push((c, c, v));
                                }
                            }
                            i += 2;
                        }
                        Some(last) => {
                            let (Some(last), Some(v)) =
                                (number(last), w.get(i + 2).and_then(number))
                            else {
                                break;
                            };
                            widths.push((first, last as u32, v));
                            i += 3;
                        }
                        None => break,
                    }
                }
            }
        }
    } else {
        let first = dict.get(b"FirstChar").ok().and_then(number).unwrap_or(0.0) as u32;
        if let Some(w) = dict
            .get(b"Widths")
            .and_then(|o| doc.dereference(o))
            .ok()
            .and_then(|(_, o)| o.as_array().ok())
        {
            for (k, v) in w.iter().take(256).enumerate() {
                if let Some(v) = number(v) {
                    let c = first.saturating_add(k as u32);
                    widths.push((c, c, v));
                }
            }
        }
    }
    widths.sort_by_key(|w| w.0);
    Font {
        encoding,
        gbk,
        two_byte,
        widths,
        default_width,
    }
}

/// A page attribute, from the page or the nearest page-tree node above it.
fn inherited<'a>(doc: &'a Document, page: &'a Dictionary, key: &[u8]) -> Option<&'a Object> {
    let mut node = page;
    for _ in 0..32 {
        if let Ok(o) = node.get(key) {
            return doc.dereference(o).ok().map(|(_, o)| o);
        }
        node = node
            .get(b"Parent")
            .and_then(Object::as_reference)
            .and_then(|id| doc.get_dictionary(id))
            .ok()?;
    }
    None
}

fn page_resources<'a>(doc: &'a Document, page: &'a Dictionary) -> Option<&'a Dictionary> {
    inherited(doc, page, b"Resources").and_then(|o| o.as_dict().ok())
}

/// A dictionary entry that is a dictionary, directly or by reference.
fn dict_entry<'a>(doc: &'a Document, dict: &'a Dictionary, key: &[u8]) -> Option<&'a Dictionary> {
    let o = dict.get(key).ok()?;
    doc.dereference(o).ok()?.1.as_dict().ok()
}
