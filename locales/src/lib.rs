//! huibao's messages in the language of the person reading them: Fluent catalogs for
//! Chinese (zh-CN) and English, built into the program, and the one decision of the language.
//!
//! A crate that says something to a person (core's diagnostics, the pipeline, import, the
//! command line) builds a [`Message`] — a catalog ID and its arguments — with [`msg!`], or
//! looks the text up at once with [`t!`]. Nothing here knows the command line: the program
//! chooses the language once ([`choose`], [`set_language`]) and every message is then shown
//! in it. Document text (一、, 同比增长, 版记 …) is not a message: core decides it.
//!
//! The catalogs are `zh-CN/*.ftl` and `en/*.ftl` beside this crate, one ID per message, and
//! `glossary.md` there fixes one Chinese term per concept.

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::fmt;
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::OnceLock;

mod choose;
mod page;
pub use choose::{choose, from_locale, from_tag, windows_ui_language};
pub use page::{page_words, PAGE_PREFIX};

/// A language huibao speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    /// Simplified Chinese, for every Chinese locale (zh_CN, zh_SG, zh_TW, zh_HK …).
    ZhCn,
    /// English: the C/POSIX locale and every locale that is not Chinese.
    En,
}

impl Lang {
    /// Both languages, Chinese first.
    pub const ALL: [Lang; 2] = [Lang::ZhCn, Lang::En];

    /// The tag `--lang` takes: `zh-CN` or `en`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::ZhCn => "zh-CN",
            Lang::En => "en",
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.tag())
    }
}

/// The catalog files of each language, embedded at build time.
macro_rules! catalog {
    ($lang:literal: $($file:literal),+ $(,)?) => {
        &[$(($file, include_str!(concat!("../", $lang, "/", $file)))),+]
    };
}

/// Every catalog file of Chinese, by name.
pub const ZH_CN_FILES: &[(&str, &str)] = catalog!("zh-CN":
    "cli.ftl", "diagnostics.ftl", "charts.ftl", "plugins.ftl", "import.ftl", "sheets.ftl", "preview.ftl", "output.ftl", "editor.ftl", "editor-page.ftl");
/// Every catalog file of English, by name.
pub const EN_FILES: &[(&str, &str)] = catalog!("en":
    "cli.ftl", "diagnostics.ftl", "charts.ftl", "plugins.ftl", "import.ftl", "sheets.ftl", "preview.ftl", "output.ftl", "editor.ftl", "editor-page.ftl");

/// The catalog files of `lang`.
pub fn catalog_files(lang: Lang) -> &'static [(&'static str, &'static str)] {
    match lang {
        Lang::ZhCn => ZH_CN_FILES,
        Lang::En => EN_FILES,
    }
}

/// How many catalog files each language has.
const FILES: usize = ZH_CN_FILES.len();
const _: () = assert!(
    EN_FILES.len() == FILES,
    "both languages have the same files"
);

/// The catalog file of `lang` that defines message `id`, parsed the first time one of its
/// messages is shown: a run that says two things parses the one or two files they are
/// in, not the whole catalog (parsing it all took longer than writing an HTML page).
fn bundle(lang: Lang, id: &str) -> Option<&'static FluentBundle<FluentResource>> {
    static ZH: [OnceLock<FluentBundle<FluentResource>>; FILES] = [const { OnceLock::new() }; FILES];
    static EN: [OnceLock<FluentBundle<FluentResource>>; FILES] = [const { OnceLock::new() }; FILES];
    let cells = match lang {
        Lang::ZhCn => &ZH,
        Lang::En => &EN,
    };
    let files = catalog_files(lang);
    let at = files.iter().position(|(_, source)| defines(source, id))?;
    let (name, source) = files[at];
    Some(cells[at].get_or_init(|| {
        let tag: unic_langid::LanguageIdentifier =
            lang.tag().parse().expect("zh-CN and en are valid tags");
        let mut bundle = FluentBundle::new_concurrent(vec![tag]);
        // File names and numbers print as they are, without U+2068/U+2069 around them.
        bundle.set_use_isolating(false);
        // The catalogs are part of the program; tests/catalogs.rs parses them.
        let resource = FluentResource::try_new(source.to_string())
            .unwrap_or_else(|(_, e)| panic!("{}/{name} does not parse: {e:?}", lang.tag()));
        bundle
            .add_resource(resource)
            .unwrap_or_else(|e| panic!("{}/{name}: {e:?}", lang.tag()));
        bundle
    }))
}

/// True when the Fluent `source` defines message `id`: a line that starts `id =`.
fn defines(source: &str, id: &str) -> bool {
    source.match_indices(id).any(|(at, _)| {
        let line_start = at == 0 || source.as_bytes()[at - 1] == b'\n';
        let rest = source[at + id.len()..].trim_start_matches(' ');
        line_start && rest.starts_with('=')
    })
}

static CURRENT: AtomicU8 = AtomicU8::new(1);

/// Sets the language every message is shown in from now on (the program calls it once,
/// with the result of [`choose`]). Until it is called, messages are English.
pub fn set_language(lang: Lang) {
    CURRENT.store(
        match lang {
            Lang::ZhCn => 0,
            Lang::En => 1,
        },
        Ordering::Relaxed,
    );
}

/// The language messages are shown in (see [`set_language`]).
pub fn language() -> Lang {
    match CURRENT.load(Ordering::Relaxed) {
        0 => Lang::ZhCn,
        _ => Lang::En,
    }
}

/// A value put into a message's placeable.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg {
    /// A name, a path, a key, a value quoted from a file: shown as it is.
    Text(String),
    /// A count or a place (line, column); English chooses its plural forms by it.
    Int(i64),
    /// Another message, shown in the same language (a detail, a reason).
    Message(Box<Message>),
    /// Names listed one after another (keys, values): joined with 、 in Chinese, with
    /// ", " in English.
    List(Vec<String>),
}

impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Text(s)
    }
}
impl From<&String> for Arg {
    fn from(s: &String) -> Self {
        Arg::Text(s.clone())
    }
}
impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Text(s.to_string())
    }
}
impl From<char> for Arg {
    fn from(c: char) -> Self {
        Arg::Text(c.to_string())
    }
}
impl From<Vec<String>> for Arg {
    fn from(items: Vec<String>) -> Self {
        Arg::List(items)
    }
}
impl From<&[String]> for Arg {
    fn from(items: &[String]) -> Self {
        Arg::List(items.to_vec())
    }
}
impl From<Vec<&str>> for Arg {
    fn from(items: Vec<&str>) -> Self {
        Arg::List(items.into_iter().map(str::to_string).collect())
    }
}
impl From<Message> for Arg {
    fn from(m: Message) -> Self {
        Arg::Message(Box::new(m))
    }
}
impl From<std::path::Display<'_>> for Arg {
    fn from(p: std::path::Display<'_>) -> Self {
        Arg::Text(p.to_string())
    }
}
macro_rules! int_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Self {
                Arg::Int(i64::try_from(n).unwrap_or(i64::MAX))
            }
        }
    )*};
}
int_arg!(i8, i16, i32, i64, u8, u16, u32, u64, usize, isize);

/// A message kept as its catalog ID and arguments, shown in the chosen language when it
/// is displayed (so a diagnostic made in core reads in the language of whoever prints it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message(Box<Inner>);

/// A message's ID and arguments, boxed so a message (and a diagnostic holding three) stays
/// small to move.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Inner {
    id: Id,
    args: Vec<(&'static str, Arg)>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Id {
    Catalog(&'static str),
    /// Text that is not in a catalog: a library's or a plugin's own words, shown as they
    /// are (as the detail of a catalog message).
    Verbatim(String),
}

impl Message {
    /// The message with catalog ID `id` and no arguments yet (see [`msg!`]).
    pub fn new(id: &'static str) -> Self {
        Message(Box::new(Inner {
            id: Id::Catalog(id),
            args: Vec::new(),
        }))
    }

    /// Text shown as it is in every language: what a library or a plugin said, never a
    /// sentence of huibao's own (those are catalog messages, with this as their detail).
    pub fn verbatim(text: impl Into<String>) -> Self {
        Message(Box::new(Inner {
            id: Id::Verbatim(text.into()),
            args: Vec::new(),
        }))
    }

    /// No text at all, in every language: the join of no items, a part left out.
    pub fn empty() -> Self {
        Message(Box::new(Inner {
            id: Id::Verbatim(String::new()),
            args: Vec::new(),
        }))
    }

    /// Adds the argument `name` (the placeable `{ $name }`).
    pub fn arg(mut self, name: &'static str, value: impl Into<Arg>) -> Self {
        self.0.args.push((name, value.into()));
        self
    }

    /// The catalog ID, or `None` for verbatim text.
    pub fn id(&self) -> Option<&'static str> {
        match self.0.id {
            Id::Catalog(id) => Some(id),
            Id::Verbatim(_) => None,
        }
    }

    /// The argument `name`, when the message has it.
    pub fn get(&self, name: &str) -> Option<&Arg> {
        self.0.args.iter().find(|(n, _)| *n == name).map(|(_, a)| a)
    }

    /// The message in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        match &self.0.id {
            Id::Verbatim(text) => text.clone(),
            Id::Catalog(id) => {
                let mut args = FluentArgs::new();
                for (name, value) in &self.0.args {
                    let value = match value {
                        Arg::Text(s) => FluentValue::from(s.clone()),
                        Arg::Int(n) => FluentValue::from(*n),
                        Arg::Message(m) => FluentValue::from(m.render(lang)),
                        Arg::List(items) => FluentValue::from(items.join(match lang {
                            Lang::ZhCn => "、",
                            Lang::En => ", ",
                        })),
                    };
                    args.set(*name, value);
                }
                lookup(lang, id, &args)
                    .or_else(|| lookup(Lang::En, id, &args))
                    .unwrap_or_else(|| id.to_string())
            }
        }
    }
}

fn lookup(lang: Lang, id: &str, args: &FluentArgs<'_>) -> Option<String> {
    let bundle = bundle(lang, id)?;
    let pattern = bundle.get_message(id)?.value()?;
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, Some(args), &mut errors);
    Some(text.into_owned())
}

/// A message can be the payload of an error (`io::Error::new(kind, msg!(…))`): huibao's
/// own words on the case, shown in the chosen language when the error is.
impl std::error::Error for Message {}

/// Shown in the language set by [`set_language`].
impl fmt::Display for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(language()))
    }
}

/// A [`Message`]: a catalog ID and its arguments, shown later in the chosen language.
///
/// `msg!("load-unknown-key", key = name, suggestion = best)`
#[macro_export]
macro_rules! msg {
    ($id:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::Message::new($id)$(.arg(stringify!($name), $value))*
    };
}

/// A message's text now, in the chosen language: `t!("batch-summary", rendered = 39)`.
#[macro_export]
macro_rules! t {
    ($id:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::msg!($id $(, $name = $value)*).to_string()
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_render_in_either_language_without_isolation_marks() {
        let m = msg!("error-read-file", path = "报告.toml", reason = "denied");
        let zh = m.render(Lang::ZhCn);
        let en = m.render(Lang::En);
        assert!(zh.contains("报告.toml") && !zh.contains('\u{2068}'), "{zh}");
        assert!(
            en.contains("报告.toml") && en.starts_with("cannot read"),
            "{en}"
        );
    }

    #[test]
    fn verbatim_text_is_shown_as_it_is() {
        assert_eq!(Message::verbatim("raw").render(Lang::ZhCn), "raw");
    }

    #[test]
    fn a_message_is_found_only_where_a_line_defines_it() {
        let source =
            "cli-render-wrote = wrote { $path }\ncli-render = rendered\n# cli-batch = no\n";
        assert!(defines(source, "cli-render-wrote"));
        assert!(defines(source, "cli-render"));
        assert!(!defines(source, "render"), "not at a line's start");
        assert!(!defines(source, "cli-batch"), "in a comment");
        assert!(!defines(source, "cli-render-w"), "a prefix of an ID");
    }

    #[test]
    fn every_message_of_every_file_is_found_in_its_own_file() {
        for lang in Lang::ALL {
            for (name, source) in catalog_files(lang) {
                let resource = FluentResource::try_new(source.to_string()).expect("parses");
                for entry in resource.entries() {
                    if let fluent_syntax::ast::Entry::Message(m) = entry {
                        let id = m.id.name;
                        let found = bundle(lang, id).and_then(|b| b.get_message(id));
                        assert!(found.is_some(), "{lang}/{name}: {id} not found");
                        let first = catalog_files(lang)
                            .iter()
                            .find(|(_, s)| defines(s, id))
                            .map(|(n, _)| *n);
                        assert_eq!(first, Some(*name), "{lang}: {id} defined in two files");
                    }
                }
            }
        }
    }
}
