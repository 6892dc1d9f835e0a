//! ZIP packages of parts (DOCX, OFD): read with limits, written deterministically.

use crate::error::Error;
use std::io::{Cursor, Read, Write};
use zip::result::ZipError;

/// Bounds on what a [`PackageReader`] reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PackageLimits {
    /// Most entries in the archive.
    pub max_entries: usize,
    /// Largest uncompressed part read, in bytes.
    pub max_part_bytes: u64,
}

impl Default for PackageLimits {
    /// Room for any real document: 10,000 entries, parts up to 64 MiB.
    fn default() -> PackageLimits {
        PackageLimits {
            max_entries: 10_000,
            max_part_bytes: 64 << 20,
        }
    }
}

/// A ZIP package held in memory, read part by part.
pub struct PackageReader<'a> {
    archive: zip::ZipArchive<Cursor<&'a [u8]>>,
    limits: PackageLimits,
}

impl<'a> PackageReader<'a> {
    /// Opens the package; refuses one with more entries than the limit.
    pub fn new(bytes: &'a [u8], limits: PackageLimits) -> Result<PackageReader<'a>, Error> {
        let archive =
            zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| Error::NotZip(e.to_string()))?;
        if archive.len() > limits.max_entries {
            return Err(Error::TooManyEntries {
                count: archive.len(),
                limit: limits.max_entries,
            });
        }
        Ok(PackageReader { archive, limits })
    }

    /// The names of the entries, in archive order.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.archive.file_names()
    }

    /// The uncompressed bytes of the part `name`, or `None` when there is no such part.
    ///
    /// A part that declares, or turns out to unpack to, more than the limit is
    /// [`Error::PartTooLarge`], whatever its header claims.
    pub fn read(&mut self, name: &str) -> Result<Option<Vec<u8>>, Error> {
        let limit = self.limits.max_part_bytes;
        let too_large = || Error::PartTooLarge {
            part: name.to_string(),
            limit,
        };
        let damaged = |why: String| Error::Damaged {
            part: name.to_string(),
            why,
        };
        let file = match self.archive.by_name(name) {
            Ok(f) => f,
            Err(ZipError::FileNotFound) => return Ok(None),
            Err(e) => return Err(damaged(e.to_string())),
        };
        if file.size() > limit {
            return Err(too_large());
        }
        let mut bytes = Vec::with_capacity(file.size() as usize);
        file.take(limit + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| damaged(e.to_string()))?;
        if bytes.len() as u64 > limit {
            return Err(too_large());
        }
        Ok(Some(bytes))
    }
}

/// Writes a ZIP package in memory: parts deflated, in the order added, with fixed
/// timestamps and a fixed "made by" system, so the same parts always give the same
/// bytes, on every platform.
pub struct PackageWriter {
    zip: zip::ZipWriter<Cursor<Vec<u8>>>,
}

impl Default for PackageWriter {
    fn default() -> PackageWriter {
        PackageWriter::new()
    }
}

impl PackageWriter {
    /// An empty package.
    pub fn new() -> PackageWriter {
        PackageWriter {
            zip: zip::ZipWriter::new(Cursor::new(Vec::new())),
        }
    }

    /// Adds a part, deflated.
    pub fn add(&mut self, name: &str, data: &[u8]) -> Result<(), Error> {
        self.add_with(name, data, zip::CompressionMethod::Deflated)
    }

    /// Adds a part as it is, for data compressed already (a PNG, a package inside the
    /// package): deflating it again would cost time and gain nothing.
    pub fn add_stored(&mut self, name: &str, data: &[u8]) -> Result<(), Error> {
        self.add_with(name, data, zip::CompressionMethod::Stored)
    }

    fn add_with(
        &mut self,
        name: &str,
        data: &[u8],
        method: zip::CompressionMethod,
    ) -> Result<(), Error> {
        // The "made by" system fixed too: a package written on Windows has the same
        // bytes as one written on Linux.
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(method)
            .system(zip::System::Unix);
        self.zip
            .start_file(name, options)
            .map_err(|e| Error::Write(e.to_string()))?;
        self.zip
            .write_all(data)
            .map_err(|e| Error::Write(e.to_string()))
    }

    /// The package's bytes.
    pub fn finish(self) -> Result<Vec<u8>, Error> {
        let cursor = self.zip.finish().map_err(|e| Error::Write(e.to_string()))?;
        Ok(cursor.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn package(parts: &[(&str, &[u8])]) -> Vec<u8> {
        let mut w = PackageWriter::new();
        for (name, data) in parts {
            w.add(name, data).unwrap();
        }
        w.finish().unwrap()
    }

    #[test]
    fn a_stored_part_is_kept_as_it_is_and_reads_back() {
        let picture: Vec<u8> = (0..4096u32).map(|i| (i % 251) as u8).collect();
        let mut w = PackageWriter::new();
        w.add(
            "word/document.xml",
            "<w:document>园区</w:document>".repeat(50).as_bytes(),
        )
        .unwrap();
        w.add_stored("word/media/chart1.png", &picture).unwrap();
        let bytes = w.finish().unwrap();
        let mut zip = zip::ZipArchive::new(Cursor::new(&bytes)).unwrap();
        let stored = zip.by_name("word/media/chart1.png").unwrap();
        assert_eq!(stored.compression(), zip::CompressionMethod::Stored);
        assert_eq!(stored.compressed_size(), picture.len() as u64);
        drop(stored);
        let text = zip.by_name("word/document.xml").unwrap();
        assert_eq!(text.compression(), zip::CompressionMethod::Deflated);
        drop(text);
        let mut r = PackageReader::new(&bytes, PackageLimits::default()).unwrap();
        assert_eq!(r.read("word/media/chart1.png").unwrap(), Some(picture));
    }

    #[test]
    fn parts_come_back_as_written() {
        let bytes = package(&[
            (
                "word/document.xml",
                "<w:document>园区</w:document>".as_bytes(),
            ),
            ("docProps/app.xml", b"<Properties/>"),
        ]);
        let mut r = PackageReader::new(&bytes, PackageLimits::default()).unwrap();
        assert_eq!(
            r.names().collect::<Vec<_>>(),
            ["word/document.xml", "docProps/app.xml"]
        );
        assert_eq!(
            r.read("word/document.xml").unwrap().as_deref(),
            Some("<w:document>园区</w:document>".as_bytes())
        );
        assert_eq!(r.read("word/numbering.xml").unwrap(), None);
        // The same parts give the same bytes.
        assert_eq!(
            bytes,
            package(&[
                (
                    "word/document.xml",
                    "<w:document>园区</w:document>".as_bytes()
                ),
                ("docProps/app.xml", b"<Properties/>"),
            ])
        );
    }

    #[test]
    fn a_zip_bomb_is_too_large_not_damaged() {
        // 16 MiB of one byte deflates to a few KiB.
        let bomb = package(&[("word/document.xml", &vec![b'<'; 16 << 20])]);
        assert!(bomb.len() < 64 << 10, "{}", bomb.len());
        let limits = PackageLimits {
            max_part_bytes: 1 << 20,
            ..PackageLimits::default()
        };
        let mut r = PackageReader::new(&bomb, limits).unwrap();
        let err = r.read("word/document.xml").unwrap_err();
        assert_eq!(
            err,
            Error::PartTooLarge {
                part: "word/document.xml".into(),
                limit: 1 << 20
            }
        );
        assert!(err.is_too_large());
        assert!(err.to_string().contains("too large"), "{err}");
    }

    #[test]
    fn a_part_that_lies_about_its_size_is_caught_while_unpacking() {
        let mut bytes = package(&[("a.xml", &vec![b'x'; 4096])]);
        // Make both size fields (local header at 22, central directory entry) say 10 bytes.
        let set = |b: &mut Vec<u8>, at: usize| b[at..at + 4].copy_from_slice(&10u32.to_le_bytes());
        set(&mut bytes, 22);
        let central = bytes.windows(4).position(|w| w == b"PK\x01\x02").unwrap();
        set(&mut bytes, central + 24);
        let limits = PackageLimits {
            max_part_bytes: 100,
            ..PackageLimits::default()
        };
        let mut r = PackageReader::new(&bytes, limits).unwrap();
        assert!(matches!(
            r.read("a.xml"),
            Err(Error::PartTooLarge { .. } | Error::Damaged { .. })
        ));
    }

    #[test]
    fn too_many_entries_and_not_a_zip() {
        let names: Vec<String> = (0..5).map(|i| format!("p{i}.xml")).collect();
        let parts: Vec<(&str, &[u8])> = names.iter().map(|n| (n.as_str(), &b"<a/>"[..])).collect();
        let bytes = package(&parts);
        let limits = PackageLimits {
            max_entries: 4,
            ..PackageLimits::default()
        };
        assert_eq!(
            PackageReader::new(&bytes, limits).err(),
            Some(Error::TooManyEntries { count: 5, limit: 4 })
        );
        assert!(matches!(
            PackageReader::new(b"PK\x03\x04 not really", PackageLimits::default()),
            Err(Error::NotZip(_))
        ));
    }
}
