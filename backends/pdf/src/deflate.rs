//! Deflate (zlib format, what `/FlateDecode` reads), a long stream in pieces side by
//! side on the cores.
//!
//! A report's body font is one stream of about half a megabyte, most of the file: alone
//! on one core it would be the longest step of writing a PDF. So, as pigz does, a
//! stream longer than [`PIECE`] is cut into pieces, each compressed alone to raw
//! deflate blocks ending on a byte boundary (a sync flush; the last piece finishes the
//! stream); the pieces are joined behind one zlib header and the Adler-32 of the whole
//! follows. Any inflater reads the joined stream as one. A piece does not refer back
//! into the one before it, which costs a few hundred bytes in half a megabyte.

use flate2::{Compress, Compression, FlushCompress, Status};
use rayon::prelude::*;

/// The length of a piece compressed alone.
pub(crate) const PIECE: usize = 128 * 1024;

/// `data` compressed at `level`, in the zlib format; `None` if the compressor failed.
pub(crate) fn zlib(data: &[u8], level: u32) -> Option<Vec<u8>> {
    // (Nothing at all is one empty piece: a stream still needs its last block.)
    let pieces: Vec<&[u8]> = if data.is_empty() {
        vec![data]
    } else {
        data.chunks(PIECE).collect()
    };
    let last = pieces.len().saturating_sub(1);
    let deflated: Vec<Vec<u8>> = pieces
        .par_iter()
        .enumerate()
        .map(|(i, piece)| raw(piece, level, i == last))
        .collect::<Option<_>>()?;
    let mut out = Vec::with_capacity(2 + deflated.iter().map(Vec::len).sum::<usize>() + 4);
    out.extend(header(level));
    for piece in deflated {
        out.extend(piece);
    }
    out.extend(adler32(data).to_be_bytes());
    Some(out)
}

/// The zlib header (RFC 1950): deflate with a 32 KiB window, the level's class, and
/// the check bits.
fn header(level: u32) -> [u8; 2] {
    let class: u16 = match level {
        0 | 1 => 0,
        2..=5 => 1,
        6 => 2,
        _ => 3,
    };
    let head = 0x7800 | (class << 6);
    let head = head + (31 - head % 31) % 31;
    head.to_be_bytes()
}

/// `piece` as raw deflate blocks; the last piece ends the stream, the others end on a
/// byte boundary for the next to follow.
fn raw(piece: &[u8], level: u32, last: bool) -> Option<Vec<u8>> {
    let mut c = Compress::new(Compression::new(level), false);
    let mut out = Vec::with_capacity(piece.len() + piece.len() / 16 + 64);
    let flush = if last {
        FlushCompress::Finish
    } else {
        FlushCompress::Sync
    };
    loop {
        let read = c.total_in() as usize;
        let status = c.compress_vec(&piece[read..], &mut out, flush).ok()?;
        let done = c.total_in() as usize == piece.len();
        match status {
            Status::StreamEnd => return Some(out),
            // A sync flush is complete once all input is in and room was left over.
            _ if !last && done && out.len() < out.capacity() => return Some(out),
            _ => out.reserve(out.capacity().max(64)),
        }
    }
}

/// The Adler-32 checksum of `data` (RFC 1950).
fn adler32(data: &[u8]) -> u32 {
    const MOD: u32 = 65_521;
    // The most bytes summed before `b` could overflow 32 bits.
    const RUN: usize = 5_552;
    let (mut a, mut b) = (1u32, 0u32);
    for run in data.chunks(RUN) {
        for &byte in run {
            a += u32::from(byte);
            b += a;
        }
        a %= MOD;
        b %= MOD;
    }
    (b << 16) | a
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    fn inflate(z: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        flate2::read::ZlibDecoder::new(z)
            .read_to_end(&mut out)
            .expect("a zlib stream that inflates, its checksum right");
        out
    }

    /// Text that compresses, and bytes that do not.
    fn data(len: usize) -> Vec<u8> {
        let mut x: u32 = 12_345;
        (0..len)
            .map(|i| {
                x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                if i % 3 == 0 {
                    (x >> 24) as u8
                } else {
                    b"BT /F1 16 Tf ET "[i % 16]
                }
            })
            .collect()
    }

    #[test]
    fn pieces_inflate_to_the_whole_at_every_length() {
        for len in [0, 1, 100, PIECE - 1, PIECE, PIECE + 1, 3 * PIECE + 17] {
            let d = data(len);
            for level in [1, 2, 6, 9] {
                let z = zlib(&d, level).expect("compressed");
                assert_eq!(inflate(&z), d, "{len} bytes at level {level}");
            }
        }
    }

    #[test]
    fn the_header_is_what_zlib_writes() {
        for level in 0..=9 {
            let mut e = flate2::write::ZlibEncoder::new(Vec::new(), Compression::new(level));
            std::io::Write::write_all(&mut e, b"x").unwrap();
            assert_eq!(header(level), e.finish().unwrap()[..2], "level {level}");
        }
    }

    #[test]
    fn adler32_of_known_text() {
        assert_eq!(adler32(b"Wikipedia"), 0x11E6_0398);
        assert_eq!(adler32(b""), 1);
        let long = vec![0xFF; 100_000];
        let mut e = flate2::write::ZlibEncoder::new(Vec::new(), Compression::new(2));
        std::io::Write::write_all(&mut e, &long).unwrap();
        let z = e.finish().unwrap();
        assert_eq!(z[z.len() - 4..], adler32(&long).to_be_bytes());
    }
}
