//! Font subsets made before printpdf sees a font: printpdf parses every font it is
//! given whole (its character map, its outlines) and copies it, which for a CJK face of
//! 5–20 MiB costs more than the rest of the PDF together. So each face is subsetted here
//! to the glyphs drawn, straight from the mapped file, with the same subsetter printpdf
//! uses (allsorts, PDF profile), and printpdf embeds the small result as it is.

use crate::Error;
use allsorts::binary::read::ReadScope;
use allsorts::font_data::FontData;
use allsorts::subset::{subset, CmapTarget, SubsetProfile};
use huibao_layout::Font;
use std::collections::BTreeMap;

/// A face reduced to the glyphs drawn.
#[derive(Debug, Clone)]
pub(crate) struct Subset {
    /// The subset font program (one face, even from a collection).
    pub bytes: Vec<u8>,
    /// Glyph id in the subset, by glyph id in the source face.
    pub glyph_ids: BTreeMap<u16, u16>,
    /// The PDF name of the font: a tag of six capitals naming this subset, a `+`, the
    /// PostScript name ("KQMNCB+FandolFang-Regular").
    pub name: String,
}

/// Subsets `font` to the glyphs of its characters.
pub(crate) fn subset_font(font: &Font) -> Result<Subset, Error> {
    let failed = |why: String| Error::FontSubset {
        font: font.path.display().to_string(),
        why,
    };
    let scope = ReadScope::new(font.data.as_bytes());
    let file = scope
        .read::<FontData<'_>>()
        .map_err(|e| failed(e.to_string()))?;
    let provider = file
        .table_provider(font.index as usize)
        .map_err(|e| failed(e.to_string()))?;
    // .notdef first (allsorts requires it), then the glyphs drawn in ascending order:
    // the subset numbers them by their place in this list.
    let mut old: Vec<u16> = font.chars.values().copied().filter(|&g| g != 0).collect();
    old.sort_unstable();
    old.dedup();
    old.insert(0, 0);
    let bytes = subset(&provider, &old, &SubsetProfile::Pdf, CmapTarget::Unicode)
        .map_err(|e| failed(e.to_string()))?;
    let glyph_ids = old
        .iter()
        .enumerate()
        .map(|(new, &gid)| (gid, new as u16))
        .collect();
    Ok(Subset {
        name: format!("{}+{}", tag(font), font.postscript_name),
        bytes,
        glyph_ids,
    })
}

/// Six capitals that name a subset (ISO 32000-1, 9.6.4): a hash of the face's name and
/// the characters kept, so the same input always gives the same tag.
fn tag(font: &Font) -> String {
    // FNV-1a, 64 bits.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |bytes: &[u8]| {
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    };
    eat(font.postscript_name.as_bytes());
    for (ch, gid) in &font.chars {
        eat(&u32::from(*ch).to_le_bytes());
        eat(&gid.to_le_bytes());
    }
    (0..6)
        .map(|k| char::from(b'A' + ((h >> (k * 10)) % 26) as u8))
        .collect()
}
