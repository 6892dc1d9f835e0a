//! Font discovery and choice: the bundled stand-ins, extra directories and installed
//! fonts; one chain of faces per role, with per-character fallback.

use crate::Error;
use huibao_core::style::{FontRole, FontSpec, Style};
use huibao_i18n::{msg, Message};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock, RwLock};

/// Where a face was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// huibao's own fonts/ directory.
    Bundled,
    /// A directory given with --font-dir or HUIBAO_FONT_DIR.
    Dir,
    /// An installed (system) font.
    System,
}

impl Origin {
    /// A word for messages.
    pub fn label(self) -> &'static str {
        match self {
            Origin::Bundled => "bundled",
            Origin::Dir => "font dir",
            Origin::System => "installed",
        }
    }
}

/// Where fonts are looked up.
#[derive(Debug, Clone, Default)]
pub(crate) struct FontSources {
    /// Directories given by the user, searched like installed fonts.
    pub dirs: Vec<PathBuf>,
    /// The bundled fonts directory, if one was found.
    pub bundled: Option<PathBuf>,
    /// Whether installed fonts are looked up.
    pub system: bool,
}

/// A glyph found for a character.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct GlyphRef {
    /// Index of the face in [`Fonts::faces`].
    pub face: usize,
    /// Glyph id in that face (never 0).
    pub gid: u16,
    /// Advance in em.
    pub advance_em: f64,
}

/// One face a document may use: what the font database says of it; its bytes are
/// mapped when a glyph is first looked up in it.
pub(crate) struct Face {
    /// Family name (English when the font has one).
    pub family: String,
    /// PostScript name.
    pub postscript: String,
    /// The file it came from.
    pub path: PathBuf,
    /// Face index inside a collection.
    pub index: u32,
    /// Weight class (400 regular, 700 bold).
    pub weight: u16,
    /// Where it was found.
    pub origin: Origin,
    /// The face in the font database.
    id: fontdb::ID,
    /// The face's data, once mapped (`None` inside: it cannot be read).
    loaded: OnceLock<Option<Arc<LoadedFace>>>,
}

impl std::fmt::Debug for Face {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Face")
            .field("family", &self.family)
            .field("path", &self.path)
            .field("index", &self.index)
            .finish()
    }
}

impl Face {
    /// Whether the face is a real bold (no synthesis needed).
    pub(crate) fn is_bold(&self) -> bool {
        self.weight >= 600
    }
}

/// A face's bytes, mapped once per session, and the glyphs looked up in it so far (by
/// every document and thread of the session).
struct LoadedFace {
    /// The whole font file (a collection holds several faces).
    data: FontData,
    /// Face index inside a collection.
    index: u32,
    /// Glyph id and advance (em) of each character looked up; `None`: not in the face.
    glyphs: RwLock<HashMap<char, Option<(u16, f64)>>>,
    /// Horizontal ink extent (em) of each glyph looked up; `None`: no outline.
    inks: RwLock<HashMap<u16, Option<(f64, f64)>>>,
}

impl LoadedFace {
    /// Glyph id and advance (em) of `c`, if the face has it.
    fn glyph(&self, c: char) -> Option<(u16, f64)> {
        if let Some(hit) = self.glyphs.read().ok().and_then(|g| g.get(&c).copied()) {
            return hit;
        }
        let found = lookup(self.data.as_bytes(), self.index, &[c])[0];
        if let Ok(mut glyphs) = self.glyphs.write() {
            glyphs.insert(c, found);
        }
        found
    }

    /// The glyph a variation sequence (`base` + `selector`) chooses, from the face's
    /// `cmap` format 14: `Some(gid)` of the variant (the base's own glyph when the face
    /// says that is the variant), `None` when the face has no such sequence.
    fn variant(&self, base: char, selector: char) -> Option<u16> {
        use ttf_parser::cmap::{Format, GlyphVariationResult};
        let raw = ttf_parser::RawFace::parse(self.data.as_bytes(), self.index).ok()?;
        let cmap =
            ttf_parser::cmap::Table::parse(raw.table(ttf_parser::Tag::from_bytes(b"cmap"))?)?;
        cmap.subtables.into_iter().find_map(|s| match s.format {
            Format::UnicodeVariationSequences(t) => {
                match t.glyph_index(u32::from(base), u32::from(selector))? {
                    GlyphVariationResult::Found(g) => Some(g.0),
                    GlyphVariationResult::UseDefault => self.glyph(base).map(|(g, _)| g),
                }
            }
            _ => None,
        })
    }

    /// Where glyph `gid` has ink, left to right, in em from its origin: the outline's
    /// horizontal extent. `None` for a glyph without an outline.
    fn ink(&self, gid: u16) -> Option<(f64, f64)> {
        if let Some(hit) = self.inks.read().ok().and_then(|g| g.get(&gid).copied()) {
            return hit;
        }
        let found = ttf_parser::Face::parse(self.data.as_bytes(), self.index)
            .ok()
            .and_then(|f| {
                let upem = f64::from(f.units_per_em().max(1));
                let b = f.glyph_bounding_box(ttf_parser::GlyphId(gid))?;
                Some((f64::from(b.x_min) / upem, f64::from(b.x_max) / upem))
            });
        if let Ok(mut inks) = self.inks.write() {
            inks.insert(gid, found);
        }
        found
    }
}

/// Glyph ids and advances (em) of `chars` in a face, read from its `cmap` and `hmtx`
/// alone: no other table is parsed (a CJK face's CFF table is large).
fn lookup(data: &[u8], index: u32, chars: &[char]) -> Vec<Option<(u16, f64)>> {
    use ttf_parser::{cmap, head, hhea, hmtx, maxp, RawFace, Tag};
    let none = || vec![None; chars.len()];
    let Ok(raw) = RawFace::parse(data, index) else {
        return none();
    };
    let table = |tag: &[u8; 4]| raw.table(Tag::from_bytes(tag));
    let (Some(cmap), Some(hmtx_data)) =
        (table(b"cmap").and_then(cmap::Table::parse), table(b"hmtx"))
    else {
        return none();
    };
    let upem = table(b"head")
        .and_then(head::Table::parse)
        .map_or(1000, |h| h.units_per_em.max(1));
    let num_glyphs = table(b"maxp").and_then(maxp::Table::parse);
    let metrics = table(b"hhea").and_then(hhea::Table::parse);
    let hmtx = match (num_glyphs, metrics) {
        (Some(m), Some(h)) => {
            hmtx::Table::parse(h.number_of_metrics, m.number_of_glyphs, hmtx_data)
        }
        _ => None,
    };
    let subtables: Vec<cmap::Subtable> = cmap
        .subtables
        .into_iter()
        .filter(|s| s.is_unicode())
        .collect();
    chars
        .iter()
        .map(|&c| {
            let gid = subtables.iter().find_map(|s| s.glyph_index(u32::from(c)))?;
            if gid.0 == 0 {
                return None;
            }
            let advance = hmtx.as_ref().and_then(|h| h.advance(gid)).unwrap_or(0);
            Some((gid.0, f64::from(advance) / f64::from(upem)))
        })
        .collect()
}

/// The faces serving one role.
#[derive(Debug, Clone)]
pub(crate) struct RoleFonts {
    /// The role.
    pub role: FontRole,
    /// Size, weight and wanted families from the style.
    pub spec: FontSpec,
    /// Faces for the role's text, best first (the first is the role's font).
    pub chain: Vec<usize>,
    /// Faces for ASCII letters and digits, tried before `chain` (empty: none).
    pub latin: Vec<usize>,
    /// The family of the style's list that matched, if any did.
    pub matched: Option<String>,
}

/// The fonts that set one role's text, for `huibao fonts` and render's report line: the
/// face that sets most of it, and any others that set the rest.
#[derive(Debug, Clone, PartialEq)]
pub struct RoleReport {
    /// The role.
    pub role: FontRole,
    /// The family the style wants first.
    pub wanted: String,
    /// The family of the face that serves the role.
    pub family: String,
    /// Its PostScript name (says the weight: "FandolSong-Bold").
    pub postscript: String,
    /// Its file.
    pub path: PathBuf,
    /// Where it was found.
    pub origin: Origin,
    /// A free stand-in replaced the wanted family.
    pub stand_in: bool,
    /// Bold is drawn by stroking the outline (the face has no bold).
    pub synthetic_bold: bool,
    /// Size in points.
    pub size_pt: f64,
    /// Families of the other faces that set some of the role's sample text (characters
    /// the first lacks), most first.
    pub others: Vec<String>,
}

/// The faces a document's style can use and the chains per role. Faces are mapped
/// lazily, when a glyph lookup first reaches them, and shared through the session's
/// [`FontLibrary`].
#[derive(Debug)]
pub(crate) struct Fonts {
    /// Faces found, indexed by [`GlyphRef::face`].
    pub faces: Vec<Face>,
    roles: Vec<RoleFonts>,
    /// Faces tried last for any character, in order.
    fallback: Vec<usize>,
    library: FontLibrary,
    /// Font files passed over because they cannot be used, with why.
    pub skipped: Vec<SkippedFont>,
}

/// A font file passed over because it cannot be used (truncated, damaged, not a font
/// the writers can read); the next face that fits served instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SkippedFont {
    /// The file.
    pub path: PathBuf,
    /// What is wrong with it.
    pub reason: Message,
}

/// Roles whose ASCII letters and digits are set in the Latin font.
fn uses_latin(role: FontRole) -> bool {
    matches!(
        role,
        FontRole::Body
            | FontRole::Heading3
            | FontRole::Heading4
            | FontRole::Table
            | FontRole::EndMatter
    )
}

/// Whether a wanted family is the real 小标宋 (stand-ins for it are taken in bold).
fn is_xiaobiaosong(family: &str) -> bool {
    family.contains("小标宋") || family.contains("XiaoBiaoSong")
}

/// A file of the bundled set: a `fonts/` folder above the executable holding it is the
/// bundled fonts directory.
const BUNDLED_MARKER: &str = "FandolFang-Regular.otf";

/// The repository's `fonts/` as it was when this crate was compiled: found by a
/// program built from a checkout into a target folder outside it
/// (`CARGO_TARGET_DIR=/elsewhere cargo build`), where no folder above the program holds
/// the fonts. Tried last, and only while it still holds the bundled files.
fn source_fonts() -> PathBuf {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    manifest.parent().unwrap_or(manifest).join("fonts")
}

/// The bundled fonts directory, found at run time from the executable's place (see
/// [`bundled_dir_near`]), else the checkout the program was built from.
pub(crate) fn find_bundled_dir() -> Option<PathBuf> {
    let exe = std::env::current_exe().ok();
    exe.as_deref()
        .and_then(Path::parent)
        .and_then(bundled_dir_near)
        .or_else(|| {
            let source = source_fonts();
            source.join(BUNDLED_MARKER).is_file().then_some(source)
        })
}

/// The bundled fonts directory for an executable in `exe_dir`: `fonts/` beside it (the
/// Windows zip, the tarballs), `../share/huibao/fonts` (installed as `/usr/bin/huibao`
/// with `/usr/share/huibao/fonts`), or else the first `fonts/` holding the bundled files
/// in a folder above it (`target/debug/huibao` in a checkout finds the repository's
/// `fonts/`).
fn bundled_dir_near(exe_dir: &Path) -> Option<PathBuf> {
    let has_fonts = |d: &Path| {
        std::fs::read_dir(d)
            .map(|rd| {
                rd.flatten().any(|e| {
                    let n = e.file_name().to_string_lossy().to_lowercase();
                    n.ends_with(".otf") || n.ends_with(".ttf") || n.ends_with(".ttc")
                })
            })
            .unwrap_or(false)
    };
    let installed = exe_dir
        .parent()
        .map(|prefix| prefix.join("share/huibao/fonts"));
    [Some(exe_dir.join("fonts")), installed]
        .into_iter()
        .flatten()
        .find(|d| has_fonts(d))
        .or_else(|| {
            exe_dir
                .ancestors()
                .map(|d| d.join("fonts"))
                .find(|d| d.join(BUNDLED_MARKER).is_file())
        })
}

/// The bytes of a font file, shared (never copied) by the font finder, the layout
/// and the writers: a file on disk is mapped into memory, so only the parts read
/// (the character map, the glyphs drawn) are ever loaded.
#[derive(Clone)]
pub struct FontData(Arc<dyn AsRef<[u8]> + Send + Sync>);

impl FontData {
    /// The whole file.
    pub fn as_bytes(&self) -> &[u8] {
        (*self.0).as_ref()
    }
}

impl From<Vec<u8>> for FontData {
    fn from(bytes: Vec<u8>) -> FontData {
        FontData(Arc::new(bytes))
    }
}

impl std::fmt::Debug for FontData {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "FontData({} bytes)", self.as_bytes().len())
    }
}

/// A font database with the origin of every face.
struct Db {
    db: fontdb::Database,
    origins: HashMap<fontdb::ID, Origin>,
    /// Files in the font folders the reader refused (a FIFO, a link to a device or to
    /// nothing, over the size limit), each with why: warned about like a broken font.
    refused: Vec<SkippedFont>,
}

/// How deep font folders are searched (fonts sit a few folders down at most; a link
/// cycle stops here too).
const MAX_FONT_DIR_DEPTH: usize = 16;

/// Whether a file name is a font's: .ttf, .ttc, .otf, .otc (any case).
fn is_font_name(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
        ["ttf", "ttc", "otf", "otc"]
            .iter()
            .any(|f| e.eq_ignore_ascii_case(f))
    })
}

/// The font file at `path` checked and mapped through the one reader
/// ([`huibao_core::input`]): a regular file of at most `MAX_FONT_BYTES`.
fn map_font(path: &Path) -> Result<FontData, Message> {
    let opened = huibao_core::input::open(path, huibao_core::input::Kind::Font).map_err(|e| {
        msg!(
            "font-reason-with-help",
            reason = e.message(),
            help = e.help()
        )
    })?;
    // SAFETY: the file is mapped, not read: were another process to shorten it while
    // huibao runs, reading the lost pages would fault. Font files are not rewritten in
    // place by installers (they replace them), and every program that maps fonts (fontdb,
    // Typst, browsers) accepts the same. The reader checked it is a regular file within
    // the limit, so the mapping is bounded.
    let map = unsafe { memmap2::Mmap::map(&opened.file) }
        .map_err(|e| msg!("font-not-mapped", detail = e.to_string()))?;
    Ok(FontData(Arc::new(map)))
}

impl Db {
    /// Scans `sources`; a font folder that is not there is an error, and so is one that
    /// is neither a folder nor a font file (a device, a FIFO).
    fn load(sources: &FontSources) -> Result<Db, Error> {
        if let Some(missing) = sources.dirs.iter().find(|d| !d.exists()) {
            return Err(Error::FontDir {
                path: missing.clone(),
            });
        }
        let mut db = Db {
            db: fontdb::Database::new(),
            origins: HashMap::new(),
            refused: Vec::new(),
        };
        // Order matters only for ties: user dirs, then installed, then bundled.
        for d in &sources.dirs {
            if !d.is_dir() {
                // A file named directly: it must be a font file the reader accepts.
                let data = map_font(d).map_err(|reason| Error::FontLoad {
                    path: d.clone(),
                    reason,
                })?;
                db.add_data(Origin::Dir, d, data);
                continue;
            }
            db.add_folder(Origin::Dir, d);
        }
        if sources.system {
            // Where fontconfig's configuration says (FONTCONFIG_FILE, the user's and
            // /etc/fonts/fonts.conf) on Linux; the usual folders elsewhere. The system's
            // folders are scanned by fontdb (regular files only); every face used is
            // mapped through the reader (see `FontLibrary::load`).
            db.add(Origin::System, fontdb::Database::load_system_fonts);
            // Windows: fonts installed for the current user only. The font database reads
            // %USERPROFILE%\AppData\Local\Microsoft\Windows\Fonts; this is where
            // Windows puts them when %LOCALAPPDATA% is elsewhere.
            #[cfg(windows)]
            if let (Some(local), profile) = (
                std::env::var_os("LOCALAPPDATA"),
                std::env::var_os("USERPROFILE"),
            ) {
                let user_fonts = Path::new(&local).join("Microsoft\\Windows\\Fonts");
                let known = profile
                    .map(|p| Path::new(&p).join("AppData\\Local\\Microsoft\\Windows\\Fonts"));
                if known.as_deref() != Some(user_fonts.as_path()) && user_fonts.is_dir() {
                    db.add_folder(Origin::System, &user_fonts);
                }
            }
        }
        if let Some(b) = &sources.bundled {
            db.add_folder(Origin::Bundled, b);
        }
        Ok(db)
    }

    /// Adds the font files in `folder` and the folders below it, each through the
    /// reader; the files it refuses are kept in `refused`.
    fn add_folder(&mut self, origin: Origin, folder: &Path) {
        let mut seen = std::collections::HashSet::new();
        let mut todo = vec![(folder.to_path_buf(), 0)];
        while let Some((dir, depth)) = todo.pop() {
            let Ok(canonical) = std::fs::canonicalize(&dir) else {
                continue;
            };
            if depth > MAX_FONT_DIR_DEPTH || !seen.insert(canonical) {
                continue;
            }
            let Ok(entries) = std::fs::read_dir(&dir) else {
                continue;
            };
            let mut paths: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
            paths.sort();
            for path in paths.into_iter().rev() {
                if path.is_dir() {
                    todo.push((path, depth + 1));
                } else if is_font_name(&path) {
                    match map_font(&path) {
                        Ok(data) => self.add_data(origin, &path, data),
                        Err(reason) => self.refused.push(SkippedFont { path, reason }),
                    }
                }
            }
        }
    }

    /// Adds the faces of one mapped font file.
    fn add_data(&mut self, origin: Origin, path: &Path, data: FontData) {
        let path = path.to_path_buf();
        self.add(origin, move |db| {
            db.load_font_source(fontdb::Source::SharedFile(path, data.0));
        });
    }

    /// Loads faces with `load`; those new to the database came from `origin`.
    fn add(&mut self, origin: Origin, load: impl FnOnce(&mut fontdb::Database)) {
        let before: std::collections::HashSet<_> = self.db.faces().map(|f| f.id).collect();
        load(&mut self.db);
        for f in self.db.faces() {
            if !before.contains(&f.id) {
                self.origins.insert(f.id, origin);
            }
        }
    }

    /// Every face of `family`, best first: upright before italic, then nearest weight,
    /// then user and installed faces before bundled ones.
    fn query(&self, family: &str, weight: u16) -> Vec<fontdb::ID> {
        let mut faces: Vec<&fontdb::FaceInfo> = self
            .db
            .faces()
            .filter(|f| f.families.iter().any(|(n, _)| n == family))
            .collect();
        faces.sort_by_key(|f| {
            (
                f.style != fontdb::Style::Normal,
                effective_weight(f).abs_diff(weight),
                self.origins.get(&f.id) == Some(&Origin::Bundled),
                f.post_script_name.clone(),
            )
        });
        faces.into_iter().map(|f| f.id).collect()
    }

    /// The faces found in the bundled folder.
    fn bundled(&self) -> Vec<fontdb::ID> {
        self.db
            .faces()
            .filter(|f| self.origins.get(&f.id) == Some(&Origin::Bundled))
            .map(|f| f.id)
            .collect()
    }

    /// What a document needs to know of a face, without its data.
    fn face(&self, id: fontdb::ID) -> Option<Face> {
        let info = self.db.face(id)?;
        let path = match &info.source {
            fontdb::Source::File(p) | fontdb::Source::SharedFile(p, _) => p.clone(),
            fontdb::Source::Binary(_) => PathBuf::from("<memory>"),
        };
        Some(Face {
            family: info
                .families
                .first()
                .map(|f| f.0.clone())
                .unwrap_or_default(),
            postscript: info.post_script_name.clone(),
            path,
            index: info.index,
            weight: effective_weight(info),
            origin: self.origins.get(&id).copied().unwrap_or(Origin::System),
            id,
            loaded: OnceLock::new(),
        })
    }
}

/// Whether face `index` of a font file is whole: it parses, every table of its directory
/// lies inside the file, and its glyphs can be outlined.
fn check_face(data: &[u8], index: u32) -> Result<(), Message> {
    let not_a_font =
        |e: ttf_parser::FaceParsingError| msg!("font-not-a-font", detail = e.to_string());
    let raw = ttf_parser::RawFace::parse(data, index).map_err(not_a_font)?;
    for record in raw.table_records {
        let end = u64::from(record.offset) + u64::from(record.length);
        if end > data.len() as u64 {
            return Err(msg!(
                "font-cut-short",
                table = String::from_utf8_lossy(&record.tag.to_bytes()).into_owned(),
                end = end,
                size = data.len()
            ));
        }
    }
    let face = ttf_parser::Face::parse(data, index).map_err(not_a_font)?;
    // A few outlines: a damaged glyph table fails here rather than in the writers.
    struct Sink;
    impl ttf_parser::OutlineBuilder for Sink {
        fn move_to(&mut self, _: f32, _: f32) {}
        fn line_to(&mut self, _: f32, _: f32) {}
        fn quad_to(&mut self, _: f32, _: f32, _: f32, _: f32) {}
        fn curve_to(&mut self, _: f32, _: f32, _: f32, _: f32, _: f32, _: f32) {}
        fn close(&mut self) {}
    }
    let probes = ['国', '一', 'A', '1'];
    let outlined = probes
        .iter()
        .filter_map(|&c| face.glyph_index(c))
        .filter(|&g| face.outline_glyph(g, &mut Sink).is_some())
        .count();
    let mapped = probes
        .iter()
        .filter(|&&c| face.glyph_index(c).is_some())
        .count();
    if mapped > 0 && outlined == 0 {
        return Err(msg!("font-outlines-unreadable"));
    }
    Ok(())
}

/// The weight of a face, trusting its name where its OS/2 table says 400 for a bold
/// (FandolSong-Bold does).
fn effective_weight(f: &fontdb::FaceInfo) -> u16 {
    let ps = f.post_script_name.to_ascii_lowercase();
    let named = if ps.contains("black") || ps.contains("heavy") {
        900
    } else if ps.contains("bold") {
        700
    } else {
        0
    };
    f.weight.0.max(named)
}

/// The fonts of one session: the font database is built once (on first use), each
/// font file is mapped into memory once and never copied, each face's glyphs are
/// looked up once, and the face chosen for a family and weight is remembered — for
/// every document laid out with the library, on any thread. Cloning is cheap (the
/// clones share everything).
#[derive(Clone)]
pub struct FontLibrary(Arc<Library>);

struct Library {
    sources: FontSources,
    /// The font database, scanned on first use.
    db: Mutex<Option<Db>>,
    /// Faces mapped so far (`Err`: why the face cannot be used).
    faces: Mutex<HashMap<fontdb::ID, Result<Arc<LoadedFace>, Message>>>,
    /// The faces of a family, best first for a weight.
    queries: Mutex<HashMap<(String, u16), Vec<fontdb::ID>>>,
}

impl std::fmt::Debug for FontLibrary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FontLibrary")
            .field("sources", &self.0.sources)
            .finish_non_exhaustive()
    }
}

impl FontLibrary {
    /// A library looking for fonts in `sources`; nothing is read until a document
    /// needs fonts.
    pub(crate) fn with_sources(sources: FontSources) -> FontLibrary {
        FontLibrary(Arc::new(Library {
            sources,
            db: Mutex::new(None),
            faces: Mutex::new(HashMap::new()),
            queries: Mutex::new(HashMap::new()),
        }))
    }

    /// Runs `f` with the font database, scanning the font folders the first time (a
    /// font folder that is not there is an error, every time it is asked).
    fn with_db<T>(&self, f: impl FnOnce(&mut Db) -> T) -> Result<T, Error> {
        let mut db = self.0.db.lock().unwrap_or_else(|e| e.into_inner());
        if db.is_none() {
            *db = Some(Db::load(&self.0.sources)?);
        }
        Ok(f(db.as_mut().expect("loaded just above")))
    }

    /// The faces of `family`, best first for `weight` (remembered).
    fn query(&self, family: &str, weight: u16) -> Result<Vec<fontdb::ID>, Error> {
        let key = (family.to_string(), weight);
        if let Some(hit) = self
            .0
            .queries
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(&key)
        {
            return Ok(hit.clone());
        }
        let found = self.with_db(|db| db.query(family, weight))?;
        self.0
            .queries
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(key, found.clone());
        Ok(found)
    }

    /// The mapped data of a face (mapped and checked on the first call). `Err`: why it
    /// cannot be used — the file cannot be read, is cut short, or its outlines are
    /// damaged.
    fn load(&self, id: fontdb::ID) -> Result<Arc<LoadedFace>, Message> {
        if let Some(hit) = self
            .0
            .faces
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(&id)
        {
            return hit.clone();
        }
        let source = self.with_db(|db| db.db.face(id).map(|f| (f.source.clone(), f.index)));
        // Every face's data comes through the reader: a folder's files were mapped when
        // scanned; an installed face is mapped now.
        let mapped = match source {
            Ok(Some((
                fontdb::Source::SharedFile(_, data) | fontdb::Source::Binary(data),
                index,
            ))) => Ok((FontData(data), index)),
            Ok(Some((fontdb::Source::File(path), index))) => map_font(&path).map(|d| (d, index)),
            _ => Err(msg!("font-unreadable")),
        };
        let loaded = mapped.and_then(|(data, index)| {
            check_face(data.as_bytes(), index).map(|()| {
                Arc::new(LoadedFace {
                    data,
                    index,
                    glyphs: RwLock::new(HashMap::new()),
                    inks: RwLock::new(HashMap::new()),
                })
            })
        });
        self.0
            .faces
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .entry(id)
            .or_insert(loaded)
            .clone()
    }
}

impl Fonts {
    /// Finds a face for every role of `style` in `sources`, with a library of its own
    /// (tests; a session shares one library: [`Fonts::resolve_in`]).
    #[cfg(test)]
    pub(crate) fn resolve(style: &Style, sources: &FontSources) -> Result<Fonts, Error> {
        Fonts::resolve_in(style, &FontLibrary::with_sources(sources.clone()))
    }

    /// Finds a face for every role of `style` in the library. The faces that serve a
    /// role are mapped and checked now: a file that cannot be used (cut short, damaged
    /// outlines) is passed over for the family's next face and listed in
    /// [`Fonts::skipped`]. The bundled faces tried only for characters the role's faces
    /// lack are mapped when a lookup reaches them.
    pub(crate) fn resolve_in(style: &Style, library: &FontLibrary) -> Result<Fonts, Error> {
        let mut fonts = Fonts {
            faces: Vec::new(),
            roles: Vec::new(),
            fallback: Vec::new(),
            library: library.clone(),
            // Files of the font folders the reader refused are named, never passed over
            // in silence.
            skipped: library.with_db(|db| db.refused.clone())?,
        };
        // Faces met so far: their index in `fonts.faces`, or `None` when one of a role
        // cannot be used (then it is in `fonts.skipped`).
        let mut met: HashMap<fontdb::ID, Option<usize>> = HashMap::new();
        // Adds face `id`; `check`: map and check it now (a role's face; the roles' faces
        // are all met before the bundled fallback's, which are mapped when first used).
        let mut add =
            |fonts: &mut Fonts, id: fontdb::ID, check: bool| -> Result<Option<usize>, Error> {
                if let Some(&known) = met.get(&id) {
                    return Ok(known);
                }
                let Some(face) = library.with_db(|db| db.face(id))? else {
                    return Ok(None);
                };
                if check {
                    match library.load(id) {
                        Ok(loaded) => {
                            let _ = face.loaded.set(Some(loaded));
                        }
                        Err(reason) => {
                            // One entry per file, however many of its faces were tried.
                            let skipped = SkippedFont {
                                path: face.path,
                                reason,
                            };
                            if !fonts.skipped.contains(&skipped) {
                                fonts.skipped.push(skipped);
                            }
                            met.insert(id, None);
                            return Ok(None);
                        }
                    }
                }
                fonts.faces.push(face);
                let i = Some(fonts.faces.len() - 1);
                met.insert(id, i);
                Ok(i)
            };
        // The first usable face of `family` (the next one when the best is broken).
        let mut first =
            |fonts: &mut Fonts, family: &str, weight: u16| -> Result<Option<usize>, Error> {
                for id in library.query(family, weight)? {
                    if let Some(i) = add(fonts, id, true)? {
                        return Ok(Some(i));
                    }
                }
                Ok(None)
            };

        let latin_spec = style.font(FontRole::Latin).clone();
        for role in FontRole::ALL {
            let spec = style.font(role).clone();
            let mut chain = Vec::new();
            let mut matched = None;
            for (k, family) in spec.families.iter().enumerate() {
                let heavy = matches!(role, FontRole::Title | FontRole::OrganMark)
                    && !is_xiaobiaosong(family)
                    && k > 0;
                let weight = if spec.bold || heavy { 700 } else { 400 };
                if let Some(i) = first(&mut fonts, family, weight)? {
                    if !chain.contains(&i) {
                        chain.push(i);
                    }
                    matched.get_or_insert_with(|| family.clone());
                }
            }
            let mut latin = Vec::new();
            if uses_latin(role) {
                for family in &latin_spec.families {
                    let weight = if spec.bold { 700 } else { 400 };
                    if let Some(i) = first(&mut fonts, family, weight)? {
                        if !latin.contains(&i) {
                            latin.push(i);
                        }
                    }
                }
            }
            fonts.roles.push(RoleFonts {
                role,
                spec,
                chain,
                latin,
                matched,
            });
        }
        // Fallback: every role's faces, then every bundled face.
        let mut fallback: Vec<usize> = Vec::new();
        for r in &fonts.roles {
            for i in r.chain.iter().chain(&r.latin) {
                if !fallback.contains(i) {
                    fallback.push(*i);
                }
            }
        }
        for id in library.with_db(|db| db.bundled())? {
            if let Some(i) = add(&mut fonts, id, false)? {
                if !fallback.contains(&i) {
                    fallback.push(i);
                }
            }
        }
        fonts.fallback = fallback;
        for r in &fonts.roles {
            if r.chain.is_empty() && fonts.fallback.is_empty() {
                return Err(Error::NoFont {
                    role: r.role.label(),
                    families: r.spec.families.join(", "),
                });
            }
        }
        Ok(fonts)
    }

    /// The mapped data of face `i`, mapping it on first use.
    fn loaded(&self, i: usize) -> Option<&Arc<LoadedFace>> {
        let face = &self.faces[i];
        face.loaded
            .get_or_init(|| self.library.load(face.id).ok())
            .as_ref()
    }

    /// The bytes of face `i`'s file, for the writers. `None`: it cannot be read.
    pub(crate) fn data(&self, i: usize) -> Option<FontData> {
        self.loaded(i).map(|f| f.data.clone())
    }

    /// Glyph id and advance (em) of `c` in face `i`, if it has it.
    pub(crate) fn face_glyph(&self, i: usize, c: char) -> Option<(u16, f64)> {
        self.loaded(i)?.glyph(c)
    }

    /// The glyph of variation sequence `base` + `selector` in face `i` (its `cmap`
    /// format 14), if the face has the sequence.
    pub(crate) fn face_variant(&self, i: usize, base: char, selector: char) -> Option<u16> {
        self.loaded(i)?.variant(base, selector)
    }

    /// Where glyph `gid` of face `i` has ink, left to right, in em from its origin (see
    /// punctuation width adjustment); `None` for a glyph without an outline.
    pub(crate) fn face_ink(&self, i: usize, gid: u16) -> Option<(f64, f64)> {
        self.loaded(i)?.ink(gid)
    }

    /// The faces of a role.
    pub(crate) fn role(&self, role: FontRole) -> &RoleFonts {
        self.roles
            .iter()
            .find(|r| r.role == role)
            .unwrap_or(&self.roles[0])
    }

    /// The face that serves a role (its first face, or the first fallback).
    #[cfg(test)]
    pub(crate) fn primary(&self, role: FontRole) -> Option<usize> {
        let r = self.role(role);
        r.chain.first().or(self.fallback.first()).copied()
    }

    /// A glyph for `c` in `role`: the Latin faces for ASCII where the role uses them,
    /// then the role's faces, then every other face found. `None`: no face has it.
    pub(crate) fn glyph(&self, role: FontRole, c: char) -> Option<GlyphRef> {
        let r = self.role(role);
        let latin: &[usize] = if c.is_ascii() { &r.latin } else { &[] };
        latin
            .iter()
            .chain(&r.chain)
            .chain(&self.fallback)
            .find_map(|&i| {
                self.face_glyph(i, c).map(|(gid, advance_em)| GlyphRef {
                    face: i,
                    gid,
                    advance_em,
                })
            })
    }

    /// Families tried for a role's characters, for error messages.
    pub(crate) fn tried(&self, role: FontRole) -> String {
        let r = self.role(role);
        let mut names: Vec<&str> = Vec::new();
        for &i in r.latin.iter().chain(&r.chain).chain(&self.fallback) {
            let f = self.faces[i].family.as_str();
            if !names.contains(&f) {
                names.push(f);
            }
        }
        names.join(", ")
    }

    /// Which faces serve each role, in [`FontRole::ALL`] order: asked of the layout's own
    /// glyph lookup for a sample of the role's text ([`role_sample`]), so a face is named
    /// only when it sets glyphs — a wanted family that matched a font without the role's
    /// characters (a Latin font named for the body) is passed over for the faces that
    /// really serve. The face setting most of the sample comes first.
    pub(crate) fn report(&self) -> Vec<RoleReport> {
        FontRole::ALL
            .iter()
            .filter_map(|&role| {
                let r = self.role(role);
                let served = self.served(role, role_sample(role));
                let &(main, _) = served.first()?;
                let face = &self.faces[main];
                let wanted = r.spec.families.first().cloned().unwrap_or_default();
                let others = served[1..]
                    .iter()
                    .map(|&(i, _)| self.faces[i].family.clone())
                    .collect();
                Some(RoleReport {
                    role,
                    stand_in: r.matched.as_deref() != Some(wanted.as_str())
                        || r.chain.first() != Some(&main),
                    wanted,
                    family: face.family.clone(),
                    postscript: face.postscript.clone(),
                    path: face.path.clone(),
                    origin: face.origin,
                    synthetic_bold: r.spec.bold && !face.is_bold(),
                    size_pt: r.spec.size_pt,
                    others,
                })
            })
            .collect()
    }

    /// The faces that set `sample`'s characters in `role`, with how many each sets, most
    /// first (ties in the order the faces are tried).
    fn served(&self, role: FontRole, sample: &str) -> Vec<(usize, usize)> {
        let mut served: Vec<(usize, usize)> = Vec::new();
        for c in sample.chars() {
            let Some(g) = self.glyph(role, c) else {
                continue;
            };
            match served.iter_mut().find(|(i, _)| *i == g.face) {
                Some((_, n)) => *n += 1,
                None => served.push((g.face, 1)),
            }
        }
        served.sort_by_key(|&(_, n)| std::cmp::Reverse(n));
        served
    }
}

/// Text a role typically sets, for asking which faces serve it: Chinese text and
/// punctuation for the text roles, the page number's dashes and digits, and letters and
/// digits for the Latin role (the text roles' own letters and digits are the Latin
/// role's, so they are left out of theirs).
pub(crate) fn role_sample(role: FontRole) -> &'static str {
    match role {
        FontRole::Latin => "0123456789.%ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
        FontRole::PageNumber => "— 0123456789 —",
        _ => "金川经济技术开发区管委会上半年工作总结及下半年工作计划一二三四五六七八九十亿元，。、；：（）《》“”",
    }
}

/// The repository's bundled fonts and nothing else, for tests: `fonts/` found above
/// the test executable as the program finds it, else from `CARGO_MANIFEST_DIR` read at
/// run time (a target directory outside the checkout).
#[cfg(test)]
pub(crate) fn bundled_only() -> FontSources {
    let from_manifest = || {
        let dir = Path::new(&std::env::var_os("CARGO_MANIFEST_DIR")?).join("../fonts");
        dir.join(BUNDLED_MARKER).is_file().then_some(dir)
    };
    let bundled = find_bundled_dir().or_else(from_manifest);
    assert!(
        bundled.is_some(),
        "the repository's fonts/ is neither above the test executable nor at CARGO_MANIFEST_DIR/../fonts"
    );
    FontSources {
        dirs: vec![],
        bundled,
        system: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_fonts_are_found_from_the_executables_place() {
        let tmp = tempfile::tempdir().unwrap();
        let repo = tmp.path().join("checkout");
        let exe_dir = repo.join("target/debug");
        std::fs::create_dir_all(&exe_dir).unwrap();
        // A `fonts/` without the bundled files on the way up is passed over.
        std::fs::create_dir_all(repo.join("target/fonts")).unwrap();
        std::fs::write(repo.join("target/fonts/Other.ttf"), b"").unwrap();
        assert_eq!(bundled_dir_near(&exe_dir), None);
        std::fs::create_dir_all(repo.join("fonts")).unwrap();
        std::fs::write(repo.join("fonts").join(BUNDLED_MARKER), b"").unwrap();
        assert_eq!(bundled_dir_near(&exe_dir), Some(repo.join("fonts")));
        // An installed layout: bin/huibao with share/huibao/fonts.
        let prefix = tmp.path().join("usr");
        std::fs::create_dir_all(prefix.join("bin")).unwrap();
        std::fs::create_dir_all(prefix.join("share/huibao/fonts")).unwrap();
        std::fs::write(prefix.join("share/huibao/fonts/FandolHei-Regular.otf"), b"").unwrap();
        assert_eq!(
            bundled_dir_near(&prefix.join("bin")),
            Some(prefix.join("share/huibao/fonts"))
        );
        // Fonts beside the executable come first.
        std::fs::create_dir_all(exe_dir.join("fonts")).unwrap();
        std::fs::write(exe_dir.join("fonts/FandolHei-Regular.otf"), b"").unwrap();
        assert_eq!(bundled_dir_near(&exe_dir), Some(exe_dir.join("fonts")));
    }

    #[test]
    fn a_program_built_outside_the_checkout_finds_the_checkouts_fonts() {
        // This crate's own checkout: the fonts a program built with CARGO_TARGET_DIR
        // elsewhere falls back to.
        assert!(source_fonts().join(BUNDLED_MARKER).is_file());
        assert!(find_bundled_dir().is_some());
    }

    #[test]
    fn bundled_fonts_serve_every_role() {
        let fonts = Fonts::resolve(&Style::gbt9704(), &bundled_only()).unwrap();
        let report = fonts.report();
        assert_eq!(report.len(), FontRole::ALL.len());
        let body = &report[0];
        assert_eq!(body.family, "FandolFang");
        assert!(body.stand_in);
        assert_eq!(body.origin, Origin::Bundled);
        let h1 = report
            .iter()
            .find(|r| r.role == FontRole::Heading1)
            .unwrap();
        assert_eq!(h1.family, "FandolHei");
        let title = report.iter().find(|r| r.role == FontRole::Title).unwrap();
        assert_eq!(title.family, "FandolSong");
        assert!(fonts.faces[fonts.primary(FontRole::Title).unwrap()].is_bold());
        let h3 = report
            .iter()
            .find(|r| r.role == FontRole::Heading3)
            .unwrap();
        assert!(h3.synthetic_bold, "FandolFang has no bold face");
    }

    /// `huibao fonts` names the faces that set glyphs: a Latin font named first for the
    /// body sets none of its Chinese text, so the face that does is named, as a stand-in.
    #[test]
    fn the_report_names_only_faces_that_set_the_roles_text() {
        let mut style = Style::gbt9704();
        for role in [FontRole::Body, FontRole::Heading1] {
            let mut spec = style.font(role).clone();
            spec.families.insert(0, "Liberation Serif".into());
            style.fonts.insert(role, spec);
        }
        let fonts = Fonts::resolve(&style, &bundled_only()).unwrap();
        let report = fonts.report();
        let body = report.iter().find(|r| r.role == FontRole::Body).unwrap();
        assert_eq!(body.wanted, "Liberation Serif");
        assert_eq!(body.family, "FandolFang");
        assert!(body.stand_in);
        // Every face named sets some of the role's sample.
        for r in &report {
            for family in std::iter::once(&r.family).chain(&r.others) {
                assert!(
                    role_sample(r.role).chars().any(|c| fonts
                        .glyph(r.role, c)
                        .is_some_and(|g| &fonts.faces[g.face].family == family)),
                    "{:?} names {family}",
                    r.role
                );
            }
            assert_ne!(
                (r.role != FontRole::Latin, r.family.as_str()),
                (true, "Liberation Serif"),
                "{:?}",
                r.role
            );
        }
    }

    #[test]
    fn latin_letters_use_the_latin_face_and_cjk_the_role_face() {
        let fonts = Fonts::resolve(&Style::gbt9704(), &bundled_only()).unwrap();
        let a = fonts.glyph(FontRole::Body, 'A').unwrap();
        assert_eq!(fonts.faces[a.face].family, "Liberation Serif");
        let c = fonts.glyph(FontRole::Body, '园').unwrap();
        assert_eq!(fonts.faces[c.face].family, "FandolFang");
        // Headings in 黑体 keep their digits in 黑体.
        let d = fonts.glyph(FontRole::Heading1, '2').unwrap();
        assert_eq!(fonts.faces[d.face].family, "FandolHei");
    }

    #[test]
    fn missing_character_falls_back_then_fails() {
        let fonts = Fonts::resolve(&Style::gbt9704(), &bundled_only()).unwrap();
        // U+00E9 é: not in FandolHei's Latin set? Whatever serves it, it is not glyph 0.
        if let Some(g) = fonts.glyph(FontRole::Heading1, 'é') {
            assert_ne!(g.gid, 0);
        }
        // A private-use character is in no font.
        assert!(fonts.glyph(FontRole::Body, '\u{E000}').is_none());
        // Characters FandolFang lacks come from the next face that has them.
        let fang = fonts.primary(FontRole::Body).unwrap();
        let mut fell_back = 0;
        for c in ['€', '™', 'Ω', 'ß', 'é', 'Ł', 'ő', '₩', '∞', 'ﬁ'] {
            if fonts.face_glyph(fang, c).is_none() {
                let g = fonts.glyph(FontRole::Body, c).expect("another face has it");
                assert_ne!(fonts.faces[g.face].family, "FandolFang");
                assert_ne!(g.gid, 0);
                fell_back += 1;
            }
        }
        assert!(fell_back > 0, "FandolFang has every probe; pick others");
    }

    #[test]
    fn a_wanted_family_from_a_font_dir_wins() {
        let mut src = bundled_only();
        // The bundled directory given as a user dir: FandolFang is found there first.
        src.dirs = src.bundled.clone().into_iter().collect();
        let fonts = Fonts::resolve(&Style::gbt9704(), &src).unwrap();
        let body = &fonts.report()[0];
        assert_eq!(body.origin, Origin::Dir);
    }

    #[test]
    fn a_broken_font_is_skipped_and_the_next_face_serves() {
        let mut src = bundled_only();
        let bundled = src.bundled.clone().unwrap();
        let dir = tempfile::tempdir().unwrap();
        // A copy of the body's stand-in, cut short: its name table is intact (so it is
        // found, and preferred to the bundled face), its outlines are not.
        let whole = std::fs::read(bundled.join(BUNDLED_MARKER)).unwrap();
        let broken = dir.path().join("仿宋-损坏.otf");
        std::fs::write(&broken, &whole[..whole.len() / 7]).unwrap();
        std::fs::write(dir.path().join("空.ttf"), b"").unwrap();
        src.dirs = vec![dir.path().to_path_buf()];
        let fonts = Fonts::resolve(&Style::gbt9704(), &src).unwrap();
        let body = &fonts.report()[0];
        assert_eq!(body.family, "FandolFang");
        assert_eq!(body.origin, Origin::Bundled);
        assert_eq!(body.path, bundled.join(BUNDLED_MARKER));
        assert_eq!(fonts.skipped.len(), 1, "{:?}", fonts.skipped);
        assert_eq!(fonts.skipped[0].path, broken);
        assert_eq!(
            fonts.skipped[0].reason.id(),
            Some("font-cut-short"),
            "{}",
            fonts.skipped[0].reason
        );
        assert!(fonts.glyph(FontRole::Body, '园').is_some());
    }

    #[test]
    fn a_font_folder_that_is_not_there_is_an_error_naming_it() {
        let mut src = bundled_only();
        let missing = PathBuf::from("/no/such/字体");
        src.dirs = vec![missing.clone()];
        match Fonts::resolve(&Style::gbt9704(), &src) {
            Err(e @ Error::FontDir { .. }) => {
                assert_eq!(e.to_string(), "the font folder /no/such/字体 does not exist (check --font-dir and HUIBAO_FONT_DIR)")
            }
            other => panic!("{other:?}"),
        }
    }
}
