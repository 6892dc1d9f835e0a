//! Reading an OFD (GB/T 33190): `OFD.xml` names the document's root, `Document.xml` lists
//! the pages, each page's `Content.xml` holds TextObjects whose TextCodes place the
//! characters (X, Y and the DeltaX steps, in millimetres from the page's top left). The
//! characters go to [`crate::positioned`], which makes lines and paragraphs of them.
//! The package is read through `huibao-xml` with its ZIP limits.

use crate::positioned::{Page, Run};
use huibao_i18n::{msg, Message};
use huibao_xml::{Element, PackageLimits, PackageReader};

/// Most pages read.
const MAX_PAGES: usize = 2_000;
/// Most characters placed in the whole document.
const MAX_CHARS: usize = 1_000_000;

/// Why an OFD could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum OfdError {
    /// A part missing or that cannot be read.
    Damaged(Message),
    /// Over a limit.
    TooLarge(Message),
}

impl OfdError {
    /// The fault `e` of `part` (`None`: the package itself).
    fn of(part: Option<&str>, e: huibao_xml::Error) -> OfdError {
        let why = crate::fault::of_part(part, &e);
        if e.is_too_large() {
            OfdError::TooLarge(why)
        } else {
            OfdError::Damaged(why)
        }
    }

    /// What is wrong, in the chosen language.
    pub(crate) fn message(&self) -> Message {
        match self {
            OfdError::Damaged(why) | OfdError::TooLarge(why) => why.clone(),
        }
    }
}

/// Reads the pages of an OFD held in memory.
pub(crate) fn read(bytes: &[u8]) -> Result<Vec<Page>, OfdError> {
    let mut zip =
        PackageReader::new(bytes, PackageLimits::default()).map_err(|e| OfdError::of(None, e))?;
    let mut part = |name: &str| -> Result<Element, OfdError> {
        let bytes = zip
            .read(name)
            .map_err(|e| OfdError::of(Some(name), e))?
            .ok_or_else(|| OfdError::Damaged(msg!("import-read-part-missing", part = name)))?;
        huibao_xml::parse(&bytes).map_err(|e| OfdError::of(Some(name), e))
    };
    let ofd = part("OFD.xml")?;
    let root = descendants(&ofd, "DocRoot")
        .first()
        .map(|e| e.own_text().trim().trim_start_matches('/').to_string())
        .ok_or_else(|| OfdError::Damaged(msg!("import-read-no-doc-root")))?;
    let document = part(&root)?;
    let dir = root.rsplit_once('/').map_or("", |(d, _)| d);
    let resolve = |loc: &str| -> String {
        let loc = loc.trim();
        match loc.strip_prefix('/') {
            Some(absolute) => absolute.to_string(),
            None if dir.is_empty() => loc.to_string(),
            None => format!("{dir}/{loc}"),
        }
    };
    let default_box = descendants(&document, "PhysicalBox")
        .first()
        .map(|b| boxed(&b.own_text()));
    let locations: Vec<String> = descendants(&document, "Page")
        .iter()
        .filter_map(|p| attr(p, "BaseLoc"))
        .map(|l| resolve(&l))
        .collect();
    if locations.len() > MAX_PAGES {
        return Err(OfdError::TooLarge(msg!(
            "import-read-too-many-pages",
            limit = MAX_PAGES
        )));
    }
    let mut pages = Vec::new();
    let mut chars = 0;
    for loc in locations {
        let content = part(&loc)?;
        let (_, _, _, height) = descendants(&content, "PhysicalBox")
            .first()
            .map(|b| boxed(&b.own_text()))
            .or(default_box)
            .unwrap_or((0.0, 0.0, 210.0, 297.0));
        let mut page = Page {
            height,
            runs: Vec::new(),
        };
        for object in descendants(&content, "TextObject") {
            let (bx, by, _, _) =
                attr(object, "Boundary").map_or((0.0, 0.0, 0.0, 0.0), |b| boxed(&b));
            let size = attr(object, "Size")
                .and_then(|s| s.trim().parse::<f64>().ok())
                .filter(|s| s.is_finite() && *s > 0.0)
                .unwrap_or(3.5);
            // A CTM scales and moves the object's own coordinates.
            let ctm: Vec<f64> = attr(object, "CTM")
                .map(|c| {
                    c.split_whitespace()
                        .filter_map(|v| v.parse().ok())
                        .collect()
                })
                .unwrap_or_default();
            let (sx, sy, tx, ty) = if ctm.len() == 6 {
                (ctm[0], ctm[3], ctm[4], ctm[5])
            } else {
                (1.0, 1.0, 0.0, 0.0)
            };
            let mut pen = (0.0, 0.0);
            for code in object.elements().filter(|e| e.local_name() == "TextCode") {
                let text = code.own_text();
                let x = attr(code, "X")
                    .and_then(|v| v.parse().ok())
                    .unwrap_or(pen.0);
                let y = attr(code, "Y")
                    .and_then(|v| v.parse().ok())
                    .unwrap_or(pen.1);
                let count = text.chars().count();
                let steps = attr(code, "DeltaX")
                    .map(|d| deltas(&d, count))
                    .unwrap_or_default();
                let mut cx: f64 = x;
                for (i, c) in text.chars().enumerate() {
                    chars += 1;
                    if chars > MAX_CHARS {
                        return Err(OfdError::TooLarge(msg!(
                            "import-read-too-many-chars",
                            limit = MAX_CHARS
                        )));
                    }
                    let width = steps.get(i).copied().unwrap_or(if c.is_ascii() {
                        size / 2.0
                    } else {
                        size
                    });
                    if !c.is_whitespace() && !c.is_control() {
                        let glyph = if c.is_ascii() { size / 2.0 } else { size };
                        page.runs.push(Run {
                            x: bx + tx + cx * sx,
                            y: by + ty + y * sy,
                            end: bx + tx + (cx + glyph) * sx,
                            size: size * sy.abs(),
                            text: c.to_string(),
                        });
                    }
                    cx += width;
                }
                pen = (cx, y);
            }
        }
        pages.push(page);
    }
    Ok(pages)
}

/// Elements with this local name at any depth, in document order.
fn descendants<'a>(e: &'a Element, local: &str) -> Vec<&'a Element> {
    let mut out = Vec::new();
    fn walk<'a>(e: &'a Element, local: &str, out: &mut Vec<&'a Element>, depth: usize) {
        if depth > 64 {
            return;
        }
        for c in e.elements() {
            if c.local_name() == local {
                out.push(c);
            }
            walk(c, local, out, depth + 1);
        }
    }
    walk(e, local, &mut out, 0);
    out
}

fn attr(e: &Element, local: &str) -> Option<String> {
    e.attrs
        .iter()
        .find(|(k, _)| huibao_xml::local_name(k) == local)
        .map(|(_, v)| v.unescape_attribute())
}

/// "x y w h".
fn boxed(s: &str) -> (f64, f64, f64, f64) {
    let v: Vec<f64> = s
        .split_whitespace()
        .filter_map(|v| v.parse().ok())
        .filter(|v: &f64| v.is_finite())
        .collect();
    match v.as_slice() {
        [x, y, w, h, ..] => (*x, *y, *w, *h),
        _ => (0.0, 0.0, 0.0, 0.0),
    }
}

/// The DeltaX steps: numbers, and `g COUNT STEP` for COUNT equal steps; no more than
/// `most` (the characters they step through).
fn deltas(s: &str, most: usize) -> Vec<f64> {
    let most = most.min(1 << 16);
    let mut out = Vec::new();
    let mut tokens = s.split_whitespace();
    while let Some(t) = tokens.next() {
        if t == "g" {
            let count: usize = tokens.next().and_then(|c| c.parse().ok()).unwrap_or(0);
            let step: f64 = tokens.next().and_then(|c| c.parse().ok()).unwrap_or(0.0);
            // No run is longer than the text it steps through.
            out.extend(std::iter::repeat_n(step, count.min(most - out.len())));
        } else if let Ok(v) = t.parse() {
            out.push(v);
        }
        if out.len() >= most {
            out.truncate(most);
            break;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delta_x_runs() {
        assert_eq!(deltas("g 3 5.6 2.8 1", 9), vec![5.6, 5.6, 5.6, 2.8, 1.0]);
        assert_eq!(deltas("g 99999999999 1", 4), vec![1.0; 4]);
        assert_eq!(deltas("1 2 3 4", 2), vec![1.0, 2.0]);
    }
}
