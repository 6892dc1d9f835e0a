//! The kind of a source decided by its content, and each kind's reader called.
//!
//! A ZIP package is a DOCX (`word/document.xml`), an ODT (`mimetype` of an OpenDocument
//! text) or an OFD (`OFD.xml`); a compound file with a `WordDocument` stream is a Word
//! 97–2003 or WPS document; `%PDF-` is a PDF; a page starting with `<!DOCTYPE html`,
//! `<html` or `<body`, or a MIME archive of multipart/related, is a web page; anything
//! else is text. Spreadsheets, presentations, encrypted packages and other ZIP or
//! compound files are named and refused.

use crate::clean::Removed;
use crate::source::Block;
use crate::{decode, doc, docx, html, odt, ofd, pdf, positioned, ImportError, SourceKind, Stats};
use huibao_i18n::{msg, Message};
use huibao_xml::{PackageLimits, PackageReader};

/// What a reader gives: the blocks, and lines it removed itself (page numbers, running
/// headers), listed with the clutter.
pub(crate) struct ReadSource {
    pub blocks: Vec<Block>,
    pub removed: Vec<Removed>,
}

/// The kind the content says, or what the file is when huibao cannot read it. `named`
/// decides only for a damaged package (a cut .docx is still a .docx).
pub(crate) fn sniff(bytes: &[u8], named: SourceKind) -> Result<SourceKind, Message> {
    if bytes.starts_with(b"PK\x03\x04") {
        return zip_kind(bytes, named);
    }
    if bytes.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
        return compound_kind(bytes, named);
    }
    let head = &bytes[..bytes.len().min(1024)];
    if head.windows(5).any(|w| w == b"%PDF-") {
        return Ok(SourceKind::Pdf);
    }
    if html::is_mhtml(bytes) || html::is_html(bytes) {
        return Ok(SourceKind::Html);
    }
    Ok(SourceKind::Text)
}

fn zip_kind(bytes: &[u8], named: SourceKind) -> Result<SourceKind, Message> {
    let mut zip = match PackageReader::new(bytes, PackageLimits::default()) {
        Ok(z) => z,
        // A damaged package: its name says what it was meant to be.
        Err(_) if matches!(named, SourceKind::Docx | SourceKind::Odt | SourceKind::Ofd) => {
            return Ok(named)
        }
        Err(_) => return Ok(SourceKind::Docx),
    };
    let names: Vec<String> = zip.names().map(str::to_string).collect();
    let has = |n: &str| names.iter().any(|x| x == n);
    if has("word/document.xml") {
        return Ok(SourceKind::Docx);
    }
    if has("OFD.xml") {
        return Ok(SourceKind::Ofd);
    }
    if has("mimetype") {
        let mime = zip.read("mimetype").ok().flatten().unwrap_or_default();
        let mime = String::from_utf8_lossy(&mime).trim().to_string();
        if mime == odt::MIMETYPE || mime == format!("{}-template", odt::MIMETYPE) {
            return Ok(SourceKind::Odt);
        }
        if mime.contains("spreadsheet") {
            return Err(msg!("import-kind-ods"));
        }
        if mime.contains("presentation") {
            return Err(msg!("import-kind-odp"));
        }
    }
    if has("xl/workbook.xml") {
        return Err(msg!("import-kind-xlsx"));
    }
    if has("ppt/presentation.xml") {
        return Err(msg!("import-kind-pptx"));
    }
    if named == SourceKind::Docx {
        return Ok(SourceKind::Docx);
    }
    Err(msg!("import-kind-zip"))
}

fn compound_kind(bytes: &[u8], named: SourceKind) -> Result<SourceKind, Message> {
    let streams = match doc::streams(bytes) {
        Ok(s) => s,
        Err(_) if named == SourceKind::Doc => return Ok(SourceKind::Doc),
        Err(e) => return Err(msg!("import-kind-damaged-office", reason = e.message())),
    };
    let has = |n: &str| streams.iter().any(|x| x == n);
    if has("WordDocument") {
        return Ok(SourceKind::Doc);
    }
    if has("EncryptedPackage") {
        return Err(msg!("import-kind-encrypted-office"));
    }
    if has("Workbook") || has("Book") {
        return Err(msg!("import-kind-xls"));
    }
    if has("PowerPoint Document") {
        return Err(msg!("import-kind-ppt"));
    }
    Err(msg!("import-kind-compound"))
}

/// Reads the source as `kind`.
pub(crate) fn read(
    path: &str,
    bytes: &[u8],
    kind: SourceKind,
    stats: &mut Stats,
) -> Result<ReadSource, ImportError> {
    let too_large = |why: Message| ImportError::TooLarge {
        path: path.into(),
        why,
    };
    let damaged = |format: Message, why: Message| ImportError::Damaged {
        path: path.into(),
        format,
        why,
    };
    let plain = |blocks| ReadSource {
        blocks,
        removed: Vec::new(),
    };
    let read = match kind {
        SourceKind::Docx => {
            let read = docx::read(bytes).map_err(|why| match why {
                docx::DocxError::TooLarge(why) => too_large(why),
                why => ImportError::Docx {
                    path: path.into(),
                    why: why.message(),
                },
            })?;
            stats.docx_numbers = read.numbers;
            plain(read.blocks)
        }
        SourceKind::Doc => {
            let read = doc::read(bytes).map_err(|why| match why {
                doc::DocError::TooLarge(why) => too_large(why),
                doc::DocError::Encrypted => ImportError::Protected {
                    path: path.into(),
                    what: msg!("import-kind-word-document"),
                },
                why => damaged(msg!("import-kind-doc"), why.message()),
            })?;
            stats.docx_numbers = read.numbers;
            plain(read.blocks)
        }
        SourceKind::Pdf => {
            let pages = pdf::read(bytes).map_err(|why| match why {
                pdf::PdfError::TooLarge(why) => too_large(why),
                pdf::PdfError::Damaged(why) => damaged(msg!("import-kind-pdf"), why),
                pdf::PdfError::Scanned(pages) => ImportError::Scanned {
                    path: path.into(),
                    pages,
                },
                pdf::PdfError::Encrypted => ImportError::Protected {
                    path: path.into(),
                    what: msg!("import-kind-pdf"),
                },
            })?;
            on_pages(&pages, stats)
        }
        SourceKind::Ofd => {
            let pages = ofd::read(bytes).map_err(|why| match why {
                ofd::OfdError::TooLarge(why) => too_large(why),
                why => damaged(msg!("import-kind-ofd"), why.message()),
            })?;
            on_pages(&pages, stats)
        }
        SourceKind::Odt => {
            let (blocks, numbers) = odt::read(bytes).map_err(|why| match why {
                odt::OdtError::TooLarge(why) => too_large(why),
                why => damaged(msg!("import-kind-odt"), why.message()),
            })?;
            stats.docx_numbers = numbers;
            plain(blocks)
        }
        SourceKind::Html => {
            let (blocks, numbers) = html::read(bytes).map_err(|why| match why {
                html::HtmlError::TooLarge(why) => too_large(why),
                html::HtmlError::NoPage => {
                    damaged(msg!("import-kind-html"), msg!("import-read-no-html-page"))
                }
            })?;
            stats.docx_numbers = numbers;
            plain(blocks)
        }
        SourceKind::Text => {
            let (text, enc) = decode::decode(bytes).map_err(|e| match e {
                decode::DecodeError::Empty => ImportError::Empty(path.into()),
                decode::DecodeError::Binary(why) => ImportError::NotText {
                    path: path.into(),
                    why,
                },
            })?;
            stats.encoding = Some(enc);
            plain(crate::source::from_text(&text))
        }
    };
    if kind != SourceKind::Text
        && !read.blocks.iter().any(|b| match b {
            Block::Para(p) => !p.text.trim().is_empty(),
            Block::Table(_) => true,
        })
    {
        return Err(ImportError::NoParagraphs(path.into()));
    }
    Ok(read)
}

/// The paragraphs of positioned pages; what was removed by position is listed.
fn on_pages(pages: &[positioned::Page], stats: &mut Stats) -> ReadSource {
    let read = positioned::paragraphs(pages);
    stats.running_removed = read.removed.len();
    ReadSource {
        blocks: read.blocks,
        removed: read
            .removed
            .into_iter()
            .map(|text| Removed {
                text,
                why: "page number or running header, by its place on the page",
            })
            .collect(),
    }
}
