//! The one decision of the language: `--lang`, then `HUIBAO_LANG`, then the locale.

use crate::Lang;

/// The language named by a tag as `--lang` and `HUIBAO_LANG` take it (`zh-CN`, `zh`, `en`,
/// also a locale such as `zh_CN.UTF-8`); `None` for anything else.
pub fn from_tag(tag: &str) -> Option<Lang> {
    let tag = tag.trim();
    if tag.eq_ignore_ascii_case("en") || tag.to_ascii_lowercase().starts_with("en-") {
        return Some(Lang::En);
    }
    match from_locale(tag)? {
        // A locale that is not Chinese is not a language tag's choice of English.
        Lang::En if !is_english(tag) => None,
        lang => Some(lang),
    }
}

fn is_english(locale: &str) -> bool {
    language_part(locale).eq_ignore_ascii_case("en")
}

/// The language part of a POSIX locale or a tag: `zh` of `zh_CN.UTF-8@x`, `en` of `en-US`.
fn language_part(locale: &str) -> &str {
    locale
        .split(['_', '-', '.', '@'])
        .next()
        .unwrap_or_default()
}

/// The language of a POSIX locale value (`LC_ALL`, `LC_MESSAGES`, `LANG`): Chinese for every
/// Chinese locale (`zh`, `zh_CN`, `zh_CN.UTF-8`, `zh_SG`, and also `zh_TW`, `zh_HK`: the one
/// Chinese catalog is simplified Chinese, and the reports themselves are), English for
/// everything else (`C`, `POSIX`, `en_US.UTF-8`, `de_DE`, nonsense). `None` when the value is
/// empty: an empty variable counts as unset, as in POSIX.
pub fn from_locale(locale: &str) -> Option<Lang> {
    let locale = locale.trim();
    if locale.is_empty() {
        return None;
    }
    Some(if language_part(locale).eq_ignore_ascii_case("zh") {
        Lang::ZhCn
    } else {
        Lang::En
    })
}

/// Chooses the language: the `--lang` value when given and valid, then `HUIBAO_LANG`, then
/// the first non-empty of `LC_ALL`, `LC_MESSAGES`, `LANG`, then (on Windows, where these are
/// rarely set) the user's display language, else English.
///
/// `env` reads one environment variable (`|name| std::env::var(name).ok()` in the program;
/// a table in the tests); `ui_language` is [`windows_ui_language`] in the program.
pub fn choose(
    flag: Option<&str>,
    env: impl Fn(&str) -> Option<String>,
    ui_language: impl FnOnce() -> Option<Lang>,
) -> Lang {
    if let Some(lang) = flag.and_then(from_tag) {
        return lang;
    }
    if let Some(lang) = env("HUIBAO_LANG").as_deref().and_then(from_tag) {
        return lang;
    }
    for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
        if let Some(lang) = env(name).as_deref().and_then(from_locale) {
            return lang;
        }
    }
    ui_language().unwrap_or(Lang::En)
}

/// The user's display language on Windows (`GetUserDefaultUILanguage`): Chinese for every
/// Chinese one. `None` elsewhere.
pub fn windows_ui_language() -> Option<Lang> {
    #[cfg(windows)]
    {
        // SAFETY: takes nothing and returns a LANGID.
        let id = unsafe { windows_sys::Win32::Globalization::GetUserDefaultUILanguage() };
        // The primary language is the low ten bits; LANG_CHINESE is 0x04.
        Some(if id & 0x3ff == 0x04 {
            Lang::ZhCn
        } else {
            Lang::En
        })
    }
    #[cfg(not(windows))]
    {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (--lang, HUIBAO_LANG, LC_ALL, LC_MESSAGES, LANG, Windows UI language) → language.
    #[test]
    fn the_language_over_a_table_of_environments() {
        type Row = (
            Option<&'static str>,
            [Option<&'static str>; 4],
            Option<Lang>,
            Lang,
        );
        use Lang::{En, ZhCn};
        let table: &[Row] = &[
            (None, [None, None, None, None], None, En),
            (None, [None, None, None, Some("zh_CN.UTF-8")], None, ZhCn),
            (None, [None, None, None, Some("zh_CN")], None, ZhCn),
            (None, [None, None, None, Some("zh")], None, ZhCn),
            (None, [None, None, None, Some("zh_TW.UTF-8")], None, ZhCn),
            (None, [None, None, None, Some("zh_HK.Big5")], None, ZhCn),
            (None, [None, None, None, Some("zh_SG.GBK")], None, ZhCn),
            (None, [None, None, None, Some("C")], None, En),
            (None, [None, None, None, Some("POSIX")], None, En),
            (None, [None, None, None, Some("C.UTF-8")], None, En),
            (None, [None, None, None, Some("en_US.UTF-8")], None, En),
            (None, [None, None, None, Some("de_DE.UTF-8")], None, En),
            (None, [None, None, None, Some("klingon")], None, En),
            // LC_ALL over LC_MESSAGES over LANG; empty counts as unset.
            (None, [None, Some("C"), None, Some("zh_CN.UTF-8")], None, En),
            (
                None,
                [None, Some("zh_CN.UTF-8"), None, Some("C")],
                None,
                ZhCn,
            ),
            (
                None,
                [None, None, Some("zh_CN.UTF-8"), Some("C")],
                None,
                ZhCn,
            ),
            (None, [None, None, Some("C"), Some("zh_CN.UTF-8")], None, En),
            (
                None,
                [None, Some(""), None, Some("zh_CN.UTF-8")],
                None,
                ZhCn,
            ),
            // HUIBAO_LANG over the locale; a value it does not know is passed over.
            (
                None,
                [Some("en"), None, None, Some("zh_CN.UTF-8")],
                None,
                En,
            ),
            (None, [Some("zh-CN"), Some("C"), None, None], None, ZhCn),
            (None, [Some("zh"), None, None, None], None, ZhCn),
            (
                None,
                [Some("fr"), None, None, Some("zh_CN.UTF-8")],
                None,
                ZhCn,
            ),
            (
                None,
                [Some(""), None, None, Some("zh_CN.UTF-8")],
                None,
                ZhCn,
            ),
            // --lang over everything.
            (
                Some("en"),
                [Some("zh-CN"), None, None, Some("zh_CN.UTF-8")],
                None,
                En,
            ),
            (
                Some("zh-CN"),
                [Some("en"), Some("C"), None, None],
                None,
                ZhCn,
            ),
            (
                Some("xx"),
                [None, None, None, Some("zh_CN.UTF-8")],
                None,
                ZhCn,
            ),
            // The Windows display language only when no variable says anything.
            (None, [None, None, None, None], Some(ZhCn), ZhCn),
            (None, [None, None, None, Some("C")], Some(ZhCn), En),
            (None, [Some("en"), None, None, None], Some(ZhCn), En),
        ];
        for (flag, [huibao, all, messages, lang], ui, want) in table {
            let env = |name: &str| {
                match name {
                    "HUIBAO_LANG" => *huibao,
                    "LC_ALL" => *all,
                    "LC_MESSAGES" => *messages,
                    "LANG" => *lang,
                    _ => None,
                }
                .map(str::to_string)
            };
            let got = choose(*flag, env, || *ui);
            assert_eq!(
                got, *want,
                "--lang {flag:?} HUIBAO_LANG {huibao:?} LC_ALL {all:?} LC_MESSAGES {messages:?} LANG {lang:?} UI {ui:?}"
            );
        }
    }
}
