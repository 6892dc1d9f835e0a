//! Reading a Word 97–2003 document (.doc, and WPS 文字's .wps, the same binary format)
//! by MS-DOC: the compound file through the `cfb` crate; the File Information Block; the
//! piece table in the CLX (8-bit pieces in cp1252, 16-bit pieces in UTF-16LE) giving the
//! main text; paragraph properties from the PAPX pages (in a table, row end, alignment,
//! list and level); automatic list numbers from the list tables (PlfLst, PlfLfo).
//!
//! The text is split into paragraphs at paragraph marks (\r); fields keep their result
//! (0x13 code 0x14 result 0x15); cell marks (0x07) make table rows; line breaks (0x0B)
//! and page and section breaks (0x0C) end a line.

use crate::source::{push_paragraph, Align, Block};
use huibao_i18n::{msg, Message};
use std::collections::HashMap;
use std::io::{Cursor, Read};

/// Largest stream read from the compound file.
const MAX_STREAM: u64 = 64 << 20;
/// Most characters of main text.
const MAX_CHARS: u32 = 4 << 20;
/// Most pieces, list definitions and property pages.
const MAX_ENTRIES: usize = 1 << 20;

/// Why a .doc could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum DocError {
    /// Not a compound file: what the compound-file library said.
    NotCompound(String),
    /// Protected by a password.
    Encrypted,
    /// Not a Word document, or a part that cannot be read.
    Damaged(Message),
    /// Over a limit.
    TooLarge(Message),
}

impl DocError {
    /// What is wrong, in the chosen language.
    pub(crate) fn message(&self) -> Message {
        match self {
            DocError::NotCompound(why) => msg!("import-read-not-compound", detail = why.as_str()),
            DocError::Encrypted => msg!("import-read-encrypted"),
            DocError::Damaged(why) | DocError::TooLarge(why) => why.clone(),
        }
    }
}

/// What was read.
#[derive(Debug, Default)]
pub(crate) struct ReadDoc {
    /// Paragraphs and tables in order.
    pub blocks: Vec<Block>,
    /// How many automatic list numbers were written out.
    pub numbers: usize,
}

/// The names of the streams of a compound file (for telling what it is).
pub(crate) fn streams(bytes: &[u8]) -> Result<Vec<String>, DocError> {
    let file = cfb::CompoundFile::open(Cursor::new(bytes))
        .map_err(|e| DocError::NotCompound(e.to_string()))?;
    Ok(file
        .walk()
        .take(10_000)
        .filter(|e| e.is_stream())
        .map(|e| e.name().to_string())
        .collect())
}

fn stream(file: &mut cfb::CompoundFile<Cursor<&[u8]>>, name: &str) -> Result<Vec<u8>, DocError> {
    let mut s = file.open_stream(name).map_err(|e| unreadable(name, e))?;
    if s.len() > MAX_STREAM {
        return Err(DocError::TooLarge(msg!(
            "import-read-stream-too-large",
            stream = name.trim_start_matches('/'),
            limit = MAX_STREAM
        )));
    }
    let mut out = Vec::new();
    s.by_ref()
        .take(MAX_STREAM)
        .read_to_end(&mut out)
        .map_err(|e| unreadable(name, e))?;
    Ok(out)
}

/// The stream `name` cannot be read: what the compound-file library said.
fn unreadable(name: &str, e: std::io::Error) -> DocError {
    DocError::Damaged(msg!(
        "import-read-stream",
        stream = name.trim_start_matches('/'),
        detail = e.to_string()
    ))
}

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(b.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

/// A piece of the main text: characters `cp..cp_end` stored at byte `fc` of the
/// WordDocument stream, one byte each (cp1252) or two (UTF-16LE).
#[derive(Debug, Clone, Copy)]
struct Piece {
    cp: u32,
    cp_end: u32,
    fc: u32,
    compressed: bool,
}

/// The paragraph properties huibao reads.
#[derive(Debug, Clone, Copy, Default)]
struct Pap {
    in_table: bool,
    row_end: bool,
    align: Align,
    ilfo: u16,
    ilvl: u8,
}

/// Reads a .doc held in memory.
pub(crate) fn read(bytes: &[u8]) -> Result<ReadDoc, DocError> {
    let mut file = cfb::CompoundFile::open(Cursor::new(bytes))
        .map_err(|e| DocError::NotCompound(e.to_string()))?;
    if !file.is_stream("/WordDocument") {
        return Err(DocError::Damaged(msg!("import-read-no-word-stream")));
    }
    let word = stream(&mut file, "/WordDocument")?;
    let damaged = |what: Message| DocError::Damaged(what);
    let header = || damaged(msg!("import-read-doc-header"));
    let ident = u16_at(&word, 0).ok_or_else(header)?;
    if ident != 0xA5EC {
        return Err(DocError::Damaged(msg!("import-read-old-word")));
    }
    let flags = u16_at(&word, 0x0A).ok_or_else(header)?;
    if flags & 0x0100 != 0 || flags & 0x8000 != 0 {
        return Err(DocError::Encrypted);
    }
    let table_name = if flags & 0x0200 != 0 {
        "/1Table"
    } else {
        "/0Table"
    };
    if !file.is_stream(table_name) {
        return Err(damaged(msg!(
            "import-read-no-table-stream",
            stream = table_name.trim_start_matches('/')
        )));
    }
    let table = stream(&mut file, table_name)?;
    // FibBase (32 bytes), csw and FibRgW97, cslw and FibRgLw97, cbRgFcLcb and FibRgFcLcb.
    let csw = usize::from(u16_at(&word, 32).ok_or_else(header)?);
    let lw = 34 + csw * 2;
    let cslw = usize::from(u16_at(&word, lw).ok_or_else(header)?);
    let ccp_text = u32_at(&word, lw + 2 + 3 * 4).ok_or_else(header)?;
    if ccp_text > MAX_CHARS {
        return Err(DocError::TooLarge(msg!(
            "import-read-declares-chars",
            count = ccp_text,
            limit = MAX_CHARS
        )));
    }
    let fc_lcb = lw + 2 + cslw * 4 + 2;
    let pair = |index: usize| -> Option<(usize, usize)> {
        let fc = u32_at(&word, fc_lcb + index * 8)? as usize;
        let lcb = u32_at(&word, fc_lcb + index * 8 + 4)? as usize;
        Some((fc, lcb))
    };
    let (fc_clx, lcb_clx) = pair(33).ok_or_else(header)?;
    let clx = table
        .get(fc_clx..fc_clx.saturating_add(lcb_clx))
        .ok_or_else(|| damaged(msg!("import-read-doc-piece-table")))?;
    let pieces = piece_table(clx).ok_or_else(|| damaged(msg!("import-read-doc-piece-table")))?;
    let text = main_text(&word, &pieces, ccp_text);
    let paps = pair(13)
        .and_then(|(fc, lcb)| table.get(fc..fc.saturating_add(lcb)))
        .map(|plc| papx_runs(&word, plc))
        .unwrap_or_default();
    let lists = Lists::read(&table, pair(73), pair(74));
    let mut reader = Paragraphs {
        lists,
        counters: HashMap::new(),
        out: ReadDoc::default(),
        cell: String::new(),
        row: Vec::new(),
        rows: Vec::new(),
    };
    // Paragraph by paragraph: the text up to each paragraph mark, with the properties of
    // the page entry holding that mark.
    let mut start = 0usize;
    for (i, &(c, _)) in text.iter().enumerate() {
        if matches!(c, '\r' | '\u{7}') {
            let fc = text[i].1;
            let pap = find_pap(&paps, fc);
            let chars: String = text[start..i].iter().map(|(c, _)| *c).collect();
            reader.paragraph(&chars, c == '\u{7}', pap);
            start = i + 1;
        }
    }
    if start < text.len() {
        let chars: String = text[start..].iter().map(|(c, _)| *c).collect();
        reader.paragraph(&chars, false, Pap::default());
    }
    reader.end_table();
    Ok(reader.out)
}

/// The piece table of a CLX: Prc entries skipped, then the Pcdt.
fn piece_table(clx: &[u8]) -> Option<Vec<Piece>> {
    let mut at = 0;
    loop {
        match *clx.get(at)? {
            0x01 => {
                let cb = usize::from(u16_at(clx, at + 1)?);
                at += 3 + cb;
            }
            0x02 => {
                let lcb = u32_at(clx, at + 1)? as usize;
                let plc = clx.get(at + 5..at + 5 + lcb)?;
                let n = lcb.checked_sub(4)? / 12;
                if n > MAX_ENTRIES {
                    return None;
                }
                let mut pieces = Vec::with_capacity(n);
                for i in 0..n {
                    let cp = u32_at(plc, i * 4)?;
                    let cp_end = u32_at(plc, (i + 1) * 4)?;
                    let pcd = (n + 1) * 4 + i * 8;
                    let raw = u32_at(plc, pcd + 2)?;
                    let compressed = raw & 0x4000_0000 != 0;
                    let fc = raw & 0x3FFF_FFFF;
                    pieces.push(Piece {
                        cp,
                        cp_end,
                        fc: if compressed { fc / 2 } else { fc },
                        compressed,
                    });
                }
                return Some(pieces);
            }
            _ => return None,
        }
    }
}

/// The main document's characters (the first `ccp_text`), each with the byte offset it
/// is stored at, fields reduced to their results.
fn main_text(word: &[u8], pieces: &[Piece], ccp_text: u32) -> Vec<(char, u32)> {
    let mut raw: Vec<(u16, u32)> = Vec::new();
    for p in pieces {
        // Pieces follow each other; overlapping ones cannot make more text than declared.
        if p.cp >= ccp_text || raw.len() >= ccp_text as usize {
            break;
        }
        let end = p.cp_end.min(ccp_text);
        for k in 0..end.saturating_sub(p.cp) {
            let (unit, at) = if p.compressed {
                let at = p.fc.saturating_add(k);
                let Some(&b) = word.get(at as usize) else {
                    break;
                };
                (cp1252(b), at)
            } else {
                let at = p.fc.saturating_add(k * 2);
                let Some(u) = u16_at(word, at as usize) else {
                    break;
                };
                (u, at)
            };
            raw.push((unit, at));
        }
    }
    raw.truncate(ccp_text as usize);
    // Fields: 0x13 code 0x14 result 0x15; nested fields keep their own state (true while
    // in the code part), `in_code` counts the fields whose code is being read.
    let mut stack: Vec<bool> = Vec::new();
    let mut in_code = 0usize;
    let mut units: Vec<(u16, u32)> = Vec::with_capacity(raw.len());
    for (u, at) in raw {
        match u {
            0x13 => {
                if stack.len() < 64 {
                    stack.push(true);
                    in_code += 1;
                }
            }
            0x14 => {
                if let Some(top) = stack.last_mut() {
                    if *top {
                        in_code -= 1;
                    }
                    *top = false;
                }
            }
            0x15 => {
                if stack.pop() == Some(true) {
                    in_code -= 1;
                }
            }
            _ if in_code > 0 => {}
            _ => units.push((u, at)),
        }
    }
    let mut out = Vec::with_capacity(units.len());
    let mut i = 0;
    while i < units.len() {
        let (u, at) = units[i];
        i += 1;
        let c = if (0xD800..0xDC00).contains(&u) {
            match units.get(i) {
                Some(&(lo, _)) if (0xDC00..0xE000).contains(&lo) => {
                    i += 1;
                    char::from_u32(
                        0x10000 + ((u32::from(u) - 0xD800) << 10) + (u32::from(lo) - 0xDC00),
                    )
                }
                _ => None,
            }
        } else {
            char::from_u32(u32::from(u))
        };
        let c = match c {
            Some('\u{b}') | Some('\u{c}') | Some('\u{e}') => '\n',
            Some('\u{1e}') => '-',      // non-breaking hyphen
            Some('\u{1f}') => continue, // optional hyphen
            Some('\u{a0}') => ' ',
            Some(c @ ('\r' | '\u{7}' | '\t')) => c,
            Some(c) if c.is_control() => continue,
            Some(c) if ('\u{f000}'..='\u{f0ff}').contains(&c) => continue, // symbol font
            Some(c) => c,
            None => continue,
        };
        out.push((c, at));
    }
    out
}

/// A byte of an 8-bit piece: cp1252.
fn cp1252(b: u8) -> u16 {
    let byte = [b];
    let (s, _, _) = encoding_rs::WINDOWS_1252.decode(&byte);
    s.encode_utf16().next().unwrap_or(u16::from(b))
}

/// The paragraph properties of the PAPX pages: (first byte, end byte, properties).
fn papx_runs(word: &[u8], plc: &[u8]) -> Vec<(u32, u32, Pap)> {
    let n = plc.len().saturating_sub(4) / 8;
    let mut out = Vec::new();
    for i in 0..n.min(MAX_ENTRIES / 64) {
        if out.len() >= MAX_ENTRIES {
            break;
        }
        let Some(pn) = u32_at(plc, (n + 1) * 4 + i * 4) else {
            break;
        };
        let base = (pn & 0x3F_FFFF) as usize * 512;
        let Some(page) = word.get(base..base + 512) else {
            continue;
        };
        let crun = usize::from(page[511]);
        for r in 0..crun {
            let (Some(start), Some(end)) = (u32_at(page, r * 4), u32_at(page, r * 4 + 4)) else {
                break;
            };
            let bx = (crun + 1) * 4 + r * 13;
            let Some(&offset) = page.get(bx) else { break };
            let mut pap = Pap::default();
            if offset != 0 {
                let at = usize::from(offset) * 2;
                let (grpprl_at, size) = match page.get(at) {
                    Some(0) => (at + 2, page.get(at + 1).map_or(0, |&c| usize::from(c) * 2)),
                    Some(&cb) => (at + 1, usize::from(cb) * 2 - 1),
                    None => continue,
                };
                if let Some(grpprl) = page.get(grpprl_at..(grpprl_at + size).min(512)) {
                    // The style index (2 bytes), then the properties.
                    if grpprl.len() > 2 {
                        apply_sprms(&grpprl[2..], &mut pap);
                    }
                }
            }
            out.push((start, end, pap));
        }
    }
    out.sort_by_key(|r| r.0);
    out
}

/// The properties of a run of sprms that huibao reads.
fn apply_sprms(mut b: &[u8], pap: &mut Pap) {
    while b.len() >= 2 {
        let sprm = u16::from_le_bytes([b[0], b[1]]);
        let operand = &b[2..];
        let size = match sprm >> 13 {
            0 | 1 => 1,
            2 | 4 | 5 => 2,
            3 => 4,
            7 => 3,
            _ => {
                // Variable: a size byte (two for sprmTDefTable), then the operand.
                if sprm == 0xD608 {
                    u16_at(operand, 0).map_or(operand.len(), |s| usize::from(s) + 1)
                } else {
                    operand
                        .first()
                        .map_or(operand.len(), |&s| usize::from(s) + 1)
                }
            }
        };
        let op = |i: usize| operand.get(i).copied().unwrap_or(0);
        match sprm {
            0x2416 => pap.in_table = op(0) != 0,
            0x2417 => pap.row_end = op(0) != 0,
            0x244C => pap.row_end = op(0) != 0,
            0x2403 | 0x2461 => {
                pap.align = match op(0) {
                    1 => Align::Center,
                    2 => Align::Right,
                    _ => Align::Left,
                }
            }
            0x260A => pap.ilvl = op(0).min(8),
            0x460B => pap.ilfo = u16::from_le_bytes([op(0), op(1)]),
            _ => {}
        }
        if size > operand.len() {
            break;
        }
        b = &operand[size..];
    }
}

fn find_pap(paps: &[(u32, u32, Pap)], fc: u32) -> Pap {
    let i = paps.partition_point(|r| r.0 <= fc);
    match i.checked_sub(1).map(|i| paps[i]) {
        Some((start, end, pap)) if (start..end).contains(&fc) => pap,
        _ => Pap::default(),
    }
}

/// One level of a list: where it starts, its number format (MS-DOC nfc) and its text
/// with the placeholders 0–8 of the levels' numbers.
#[derive(Debug, Clone, Default)]
struct Level {
    start: u32,
    nfc: u8,
    text: Vec<u16>,
    legal: bool,
}

/// The list tables: lists by lsid, their levels; list overrides (lfo, 1-based) by index.
#[derive(Debug, Default)]
struct Lists {
    levels: HashMap<i32, Vec<Level>>,
    lfo: Vec<(i32, HashMap<u8, u32>)>,
}

impl Lists {
    fn read(table: &[u8], lst: Option<(usize, usize)>, lfo: Option<(usize, usize)>) -> Lists {
        let mut lists = Lists::default();
        let slice = |p: Option<(usize, usize)>| {
            p.filter(|(_, lcb)| *lcb > 0)
                .and_then(|(fc, lcb)| table.get(fc..fc.saturating_add(lcb)))
        };
        // The LVLs follow the PlfLst, outside the size the FIB gives it.
        if let Some(b) = lst
            .filter(|(_, lcb)| *lcb > 0)
            .and_then(|(fc, _)| table.get(fc..))
        {
            lists.read_lst(b);
        }
        if let Some(b) = slice(lfo) {
            lists.read_lfo(b);
        }
        lists
    }

    fn read_lst(&mut self, b: &[u8]) -> Option<()> {
        let count = usize::from(u16_at(b, 0)?).min(MAX_ENTRIES);
        let mut lstfs = Vec::new();
        for i in 0..count {
            let at = 2 + i * 28;
            let lsid = u32_at(b, at)? as i32;
            let simple = b.get(at + 26)? & 1 != 0;
            lstfs.push((lsid, if simple { 1 } else { 9 }));
        }
        let mut at = 2 + count * 28;
        for (lsid, n) in lstfs {
            let mut levels = Vec::new();
            for _ in 0..n {
                let lvlf = b.get(at..at + 28)?;
                let start = u32::from_le_bytes(lvlf[0..4].try_into().ok()?);
                let nfc = lvlf[4];
                let legal = lvlf[5] & 0x04 != 0;
                let chpx = usize::from(lvlf[24]);
                let papx = usize::from(lvlf[25]);
                at += 28 + papx + chpx;
                let cch = usize::from(u16_at(b, at)?);
                let text = (0..cch)
                    .map(|k| u16_at(b, at + 2 + k * 2))
                    .collect::<Option<Vec<u16>>>()?;
                at += 2 + cch * 2;
                levels.push(Level {
                    start,
                    nfc,
                    text,
                    legal,
                });
            }
            self.levels.insert(lsid, levels);
        }
        Some(())
    }

    fn read_lfo(&mut self, b: &[u8]) -> Option<()> {
        let count = (u32_at(b, 0)? as usize).min(MAX_ENTRIES);
        let mut entries = Vec::new();
        for i in 0..count {
            let at = 4 + i * 16;
            let lsid = u32_at(b, at)? as i32;
            let clfolvl = usize::from(*b.get(at + 12)?);
            entries.push((lsid, clfolvl));
        }
        // LfoData: a cp, then each override level (with an LVL when it formats).
        let mut at = 4 + count * 16;
        for (lsid, clfolvl) in entries {
            let mut starts = HashMap::new();
            at += 4;
            for _ in 0..clfolvl {
                let start = u32_at(b, at).unwrap_or(0);
                let flags = u32_at(b, at + 4).unwrap_or(0);
                at += 8;
                if flags & 0x10 != 0 {
                    starts.insert((flags & 0xF) as u8, start);
                }
                if flags & 0x20 != 0 {
                    // An LVL of its own: skip it.
                    let lvlf = b.get(at..at + 28)?;
                    at += 28 + usize::from(lvlf[24]) + usize::from(lvlf[25]);
                    let cch = usize::from(u16_at(b, at)?);
                    at += 2 + cch * 2;
                }
            }
            self.lfo.push((lsid, starts));
        }
        Some(())
    }
}

/// Paragraphs and table rows as they are read.
struct Paragraphs {
    lists: Lists,
    /// Counters by lsid and level.
    counters: HashMap<i32, [u32; 9]>,
    out: ReadDoc,
    /// The text of the cell being read.
    cell: String,
    row: Vec<String>,
    rows: Vec<Vec<String>>,
}

impl Paragraphs {
    /// A paragraph's text; `cell` when it ended with a cell mark.
    fn paragraph(&mut self, text: &str, cell: bool, pap: Pap) {
        if pap.in_table || cell {
            if pap.row_end {
                // The row's end mark: the cells read so far are the row.
                let row = std::mem::take(&mut self.row);
                if row.iter().any(|c| !c.trim().is_empty()) {
                    self.rows.push(row);
                }
                return;
            }
            // A cell's paragraphs end with \r, its last with the cell mark.
            self.cell.push_str(text.replace('\n', "").trim());
            if cell {
                self.row.push(std::mem::take(&mut self.cell));
            }
            return;
        }
        self.end_table();
        if text.trim().is_empty() {
            return;
        }
        let number = self.number(pap);
        push_paragraph(&mut self.out.blocks, number.as_deref(), text, pap.align);
    }

    fn end_table(&mut self) {
        if !self.cell.is_empty() {
            let cell = std::mem::take(&mut self.cell);
            self.row.push(cell);
        }
        let row = std::mem::take(&mut self.row);
        if row.iter().any(|c| !c.trim().is_empty()) {
            self.rows.push(row);
        }
        if !self.rows.is_empty() {
            self.out
                .blocks
                .push(Block::Table(std::mem::take(&mut self.rows)));
        }
    }

    /// The automatic number of a paragraph in a list, advancing the list's counters.
    fn number(&mut self, pap: Pap) -> Option<String> {
        if pap.ilfo == 0 || pap.ilfo == 0xF801 {
            return None;
        }
        let (lsid, starts) = self.lists.lfo.get(usize::from(pap.ilfo) - 1)?;
        let levels = self.lists.levels.get(lsid)?;
        let i = usize::from(pap.ilvl).min(levels.len().saturating_sub(1));
        let level = levels.get(i)?;
        if level.nfc == 23 || level.nfc == 255 {
            return None;
        }
        let counters = self.counters.entry(*lsid).or_insert([0; 9]);
        counters[i] = if counters[i] == 0 {
            starts
                .get(&(i as u8))
                .copied()
                .unwrap_or(level.start)
                .max(1)
        } else {
            counters[i] + 1
        };
        for deeper in counters.iter_mut().skip(i + 1) {
            *deeper = 0;
        }
        let counters = *counters;
        let mut out = String::new();
        for &u in &level.text {
            if u < 9 {
                let l = usize::from(u);
                let lv = levels.get(l).cloned().unwrap_or_default();
                let value = counters[l].max(lv.start.max(1));
                let nfc = if level.legal { 0 } else { lv.nfc };
                out.push_str(&crate::docx::format_number(value, nfc_name(nfc)));
            } else if let Some(c) = char::from_u32(u32::from(u)) {
                out.push(c);
            }
        }
        self.out.numbers += 1;
        Some(out)
    }
}

/// An MS-DOC number format (nfc) by its WordprocessingML name.
fn nfc_name(nfc: u8) -> &'static str {
    match nfc {
        1 => "upperRoman",
        2 => "lowerRoman",
        3 => "upperLetter",
        4 => "lowerLetter",
        10 => "ideographDigital",
        11 => "japaneseCounting",
        14 | 19 => "decimalFullWidth",
        22 => "decimalZero",
        30 => "ideographTraditional",
        33 => "taiwaneseCounting",
        35 => "taiwaneseCountingThousand",
        36 => "taiwaneseDigital",
        37 => "chineseCounting",
        38 => "chineseLegalSimplified",
        39 => "chineseCountingThousand",
        _ => "decimal",
    }
}
