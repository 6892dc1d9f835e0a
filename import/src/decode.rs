//! Text files to Unicode: a BOM wins, then UTF-8 if the bytes are valid, else GB18030
//! (a superset of GBK and GB2312). Binary files are refused with a reason.

use encoding_rs::{Encoding, GB18030, UTF_16BE, UTF_16LE, UTF_8};

/// How the text was encoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextEncoding {
    /// UTF-8, with or without a byte-order mark.
    Utf8,
    /// UTF-16 (either byte order), recognised by its byte-order mark.
    Utf16,
    /// GB18030, which also reads GBK and GB2312.
    Gb18030,
}

impl TextEncoding {
    /// The name for messages.
    pub fn name(self) -> &'static str {
        match self {
            TextEncoding::Utf8 => "UTF-8",
            TextEncoding::Utf16 => "UTF-16",
            TextEncoding::Gb18030 => "GB18030/GBK",
        }
    }
}

/// Why bytes could not be read as text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub(crate) enum DecodeError {
    /// Nothing in the file, or only white space.
    #[error("the file is empty")]
    Empty,
    /// A known binary format, or bytes no text encoding explains.
    #[error("the file is not text: {0}")]
    Binary(huibao_i18n::Message),
}

/// Decodes a text file's bytes.
pub(crate) fn decode(bytes: &[u8]) -> Result<(String, TextEncoding), DecodeError> {
    if let Some(kind) = binary_signature(bytes) {
        return Err(DecodeError::Binary(kind));
    }
    let (text, encoding) = if let Some((enc, bom)) = Encoding::for_bom(bytes) {
        let (text, had_errors) = enc.decode_without_bom_handling(&bytes[bom..]);
        if had_errors {
            return Err(DecodeError::Binary(huibao_i18n::msg!(
                "import-binary-bad-bom",
                encoding = enc.name()
            )));
        }
        let which = if enc == UTF_8 {
            TextEncoding::Utf8
        } else {
            debug_assert!(enc == UTF_16LE || enc == UTF_16BE);
            TextEncoding::Utf16
        };
        (text.into_owned(), which)
    } else if let Ok(text) = std::str::from_utf8(bytes) {
        (text.to_string(), TextEncoding::Utf8)
    } else {
        let (text, had_errors) = GB18030.decode_without_bom_handling(bytes);
        if had_errors {
            return Err(DecodeError::Binary(huibao_i18n::msg!(
                "import-binary-encoding"
            )));
        }
        (text.into_owned(), TextEncoding::Gb18030)
    };
    if text.trim().is_empty() {
        return Err(DecodeError::Empty);
    }
    let controls = text
        .chars()
        .filter(|&c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{b}' | '\u{c}'))
        .count();
    // Binary data fails decoding or is full of controls; a few stray ones in a short
    // pasted note are removed with the rest of the clutter (clean.rs).
    if controls > 8 && controls * 100 > text.chars().count() {
        return Err(DecodeError::Binary(huibao_i18n::msg!(
            "import-binary-controls",
            count = controls
        )));
    }
    Ok((text, encoding))
}

/// Names well-known binary formats from their first bytes.
fn binary_signature(bytes: &[u8]) -> Option<huibao_i18n::Message> {
    use huibao_i18n::msg;
    type Words = fn() -> huibao_i18n::Message;
    let signatures: [(&[u8], Words); 6] = [
        (b"PK\x03\x04", || msg!("import-binary-zip")),
        (b"%PDF", || msg!("import-binary-pdf")),
        (b"\xD0\xCF\x11\xE0", || msg!("import-binary-doc")),
        (b"{\\rtf", || msg!("import-binary-rtf")),
        (b"\x89PNG", || msg!("import-binary-png")),
        (b"\xFF\xD8\xFF", || msg!("import-binary-jpeg")),
    ];
    signatures
        .iter()
        .find(|(magic, _)| bytes.starts_with(magic))
        .map(|(_, what)| what())
        .or_else(|| {
            bytes
                .contains(&0)
                .then(|| msg!("import-binary-nul"))
                .filter(|_| {
                    // UTF-16 with a BOM has NUL bytes and is text.
                    Encoding::for_bom(bytes).is_none()
                })
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_gbk_and_bom() {
        let (t, e) = decode("一、主要工作".as_bytes()).unwrap();
        assert_eq!((t.as_str(), e), ("一、主要工作", TextEncoding::Utf8));
        let (gbk, _, _) = encoding_rs::GBK.encode("一、主要工作\n二是强化服务。");
        let (t, e) = decode(&gbk).unwrap();
        assert_eq!(t, "一、主要工作\n二是强化服务。");
        assert_eq!(e, TextEncoding::Gb18030);
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend_from_slice("标题".as_bytes());
        assert_eq!(decode(&bom).unwrap().0, "标题");
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("总结".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(
            decode(&utf16).unwrap(),
            ("总结".into(), TextEncoding::Utf16)
        );
    }

    #[test]
    fn empty_and_binary() {
        assert_eq!(decode(b""), Err(DecodeError::Empty));
        assert_eq!(decode(b" \n\r\n\t"), Err(DecodeError::Empty));
        assert!(matches!(
            decode(b"PK\x03\x04abc"),
            Err(DecodeError::Binary(_))
        ));
        assert!(matches!(decode(b"abc\0def"), Err(DecodeError::Binary(_))));
        let noise: Vec<u8> = (0..2000u32).map(|i| (i * 7919 % 251) as u8).collect();
        assert!(matches!(decode(&noise), Err(DecodeError::Binary(_))));
    }
}
