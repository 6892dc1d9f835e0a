//! The command line's texts in the chosen language: every about, every argument's help, the
//! headings and the usage lines of `--help`, and clap's own errors.
//!
//! The arguments are declared with clap's derive (their doc comments are for the source
//! only); this module sets every text a person reads at run time, from the catalogs.

use clap::{Arg, ArgAction, Command};
use huibao_i18n::{msg, t, Message};

/// What a subcommand is for, by its path (`"plugins list"`); `None` for one not known
/// here (a test makes sure there is none).
fn about(path: &str) -> Option<String> {
    Some(match path {
        "" => t!("cli-about"),
        "render" => t!("cli-render-about"),
        "watch" => t!("cli-watch-about"),
        "edit" => t!("cli-edit-about"),
        "check" => t!("cli-check-about"),
        "new" => t!("cli-new-about"),
        "schema" => t!("cli-schema-about"),
        "fonts" => t!("cli-fonts-about"),
        "plugins" => t!("cli-plugins-about"),
        "plugins list" => t!("cli-plugins-list-about"),
        "plugin" => t!("cli-plugin-about"),
        "plugin new" => t!("cli-plugin-new-about"),
        "import" => t!("cli-import-about"),
        "indicators" => t!("cli-indicators-about"),
        "man" => t!("cli-man-about"),
        _ => return None,
    })
}

/// The help of argument `id` of the subcommand at `path`.
fn arg_help(path: &str, id: &str) -> Option<String> {
    Some(match (path, id) {
        (_, "help") => t!("cli-arg-help"),
        (_, "version") => t!("cli-arg-version"),
        (_, "lang") => t!("cli-arg-lang"),
        (_, "plugin_dirs") => t!("cli-arg-plugin-dir"),
        (_, "previous") => t!("cli-arg-previous"),
        (_, "font_dirs") => t!("cli-arg-font-dir"),
        (_, "no_system_fonts") => t!("cli-arg-no-system-fonts"),
        (_, "pdf_a") => t!("cli-arg-pdf-a"),
        ("render", "reports") => t!("cli-render-reports"),
        ("render", "format") => t!("cli-render-format"),
        ("render", "out") => t!("cli-render-out"),
        ("render", "jobs") => t!("cli-render-jobs"),
        ("watch" | "check", "report") => t!("cli-arg-report"),
        ("watch", "open") => t!("cli-watch-open"),
        ("edit", "report") => t!("cli-edit-report"),
        ("fonts", "report") => t!("cli-fonts-report"),
        ("edit", "no_open") => t!("cli-edit-no-open"),
        ("edit", "no_autosave") => t!("cli-edit-no-autosave"),
        ("edit", "port") => t!("cli-edit-port"),
        ("watch", "format") => t!("cli-watch-format"),
        ("watch", "out") => t!("cli-watch-out"),
        ("watch", "port") => t!("cli-watch-port"),
        ("check", "deny_warnings") => t!("cli-check-deny-warnings"),
        ("new", "path") => t!("cli-new-path"),
        ("plugins list", "report") => t!("cli-plugins-list-report"),
        ("plugin new", "name") => t!("cli-plugin-new-name"),
        ("plugin new", "native") => t!("cli-plugin-new-native"),
        ("plugin new", "dir") => t!("cli-plugin-new-dir"),
        ("plugin new", "api_path") => t!("cli-plugin-new-api-path"),
        ("import", "source") => t!("cli-import-source"),
        ("import", "output") => t!("cli-import-output"),
        ("import", "stdout") => t!("cli-import-stdout"),
        ("indicators", "sheet_file") => t!("cli-indicators-sheet-file"),
        ("indicators", "sheet") => t!("cli-indicators-sheet"),
        ("indicators", "range") => t!("cli-indicators-range"),
        _ => return None,
    })
}

/// The placeholder shown for a value (`<DIR>`), by the name the arguments declare.
fn value_name(name: &str) -> Option<String> {
    Some(match name {
        "REPORT" => t!("cli-value-report"),
        "DIR" => t!("cli-value-dir"),
        "N" => t!("cli-value-count"),
        "PORT" => t!("cli-value-port"),
        "FORMAT" => t!("cli-value-format"),
        "LAST.toml" => t!("cli-value-last"),
        "FILE" => t!("cli-value-file"),
        "PATH" => t!("cli-value-path"),
        "NAME" => t!("cli-value-name"),
        "SOURCE" => t!("cli-value-source"),
        "REPORT.toml" => t!("cli-value-report-toml"),
        "SHEET_FILE" => t!("cli-value-sheet-file"),
        "A3:G20" => t!("cli-value-range"),
        "LANG" => t!("cli-value-lang"),
        "LEVEL" => t!("cli-value-level"),
        _ => return None,
    })
}

/// The command line with every text from the catalogs, in the language set by
/// [`huibao_i18n::set_language`].
pub(crate) fn localize(cmd: Command) -> Command {
    let cmd = cmd
        .disable_version_flag(true)
        .arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version),
        )
        .after_help(t!("cli-after-help"));
    localize_at(cmd, "", "huibao")
}

fn localize_at(mut cmd: Command, path: &str, usage_prefix: &str) -> Command {
    cmd = cmd
        .disable_help_subcommand(true)
        .disable_help_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help),
        );
    if let Some(about) = about(path) {
        cmd = cmd.about(about).long_about(None::<&str>);
    }
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    for id in &ids {
        let help = arg_help(path, id);
        cmd = cmd.mut_arg(id.as_str(), |a| {
            let names: Vec<String> = a
                .get_value_names()
                .unwrap_or_default()
                .iter()
                .map(|n| value_name(n).unwrap_or_else(|| n.to_string()))
                .collect();
            let a = match help {
                Some(h) => a.help(h).long_help(None::<&str>),
                None => a,
            };
            // The help texts say the values and defaults themselves, in their language.
            let a = if a.get_action().takes_values() {
                a.hide_possible_values(true).hide_default_value(true)
            } else {
                a
            };
            if names.is_empty() {
                a
            } else {
                a.value_names(names)
            }
        });
    }
    let usage = usage_line(&cmd, usage_prefix);
    let template = template(&cmd);
    cmd = cmd.override_usage(usage).help_template(template);
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .collect();
    let prefix = format!("{usage_prefix} {}", cmd.get_name());
    let prefix = if path.is_empty() {
        usage_prefix.to_string()
    } else {
        prefix
    };
    for name in names {
        let sub_path = if path.is_empty() {
            name.clone()
        } else {
            format!("{path} {name}")
        };
        let prefix = prefix.clone();
        cmd = cmd.mut_subcommand(name.as_str(), |c| localize_at(c, &sub_path, &prefix));
    }
    cmd
}

/// `huibao render [选项] <报告文件>...`: the command, its options and positionals with
/// the placeholders of the chosen language.
fn usage_line(cmd: &Command, prefix: &str) -> String {
    let mut line = if prefix == cmd.get_name() {
        prefix.to_string()
    } else {
        format!("{prefix} {}", cmd.get_name())
    };
    let has_options = cmd.get_arguments().any(|a| {
        !a.is_positional()
            && !a.is_hide_set()
            && !matches!(a.get_id().as_str(), "help" | "version" | "lang")
    });
    if has_options {
        line.push(' ');
        line.push_str(&t!("cli-usage-options"));
    }
    for a in cmd.get_positionals() {
        let name = a
            .get_value_names()
            .and_then(|n| n.first())
            .map_or_else(|| a.get_id().to_string(), |n| n.to_string());
        let many = matches!(a.get_action(), ArgAction::Append)
            || a.get_num_args().is_some_and(|n| n.max_values() > 1);
        let dots = if many { "..." } else { "" };
        if a.is_required_set() {
            line.push_str(&format!(" <{name}>{dots}"));
        } else {
            line.push_str(&format!(" [{name}]{dots}"));
        }
    }
    if cmd.has_subcommands() {
        line.push(' ');
        line.push_str(&t!("cli-usage-command"));
    }
    line
}

/// `--help`'s layout with the headings of the chosen language.
fn template(cmd: &Command) -> String {
    // `{usage}` is clap's tag for the usage line, kept through the catalog.
    let mut s = format!(
        "{{about-with-newline}}\n{}\n",
        t!("cli-usage-line", usage = "{usage}")
    );
    if cmd.get_positionals().next().is_some() {
        s.push_str(&format!(
            "\n{}\n{{positionals}}\n",
            t!("cli-heading-arguments")
        ));
    }
    if cmd.has_subcommands() {
        s.push_str(&format!(
            "\n{}\n{{subcommands}}\n",
            t!("cli-heading-commands")
        ));
    }
    s.push_str(&format!(
        "\n{}\n{{options}}{{after-help}}",
        t!("cli-heading-options")
    ));
    s
}

/// Prints a command-line error in the chosen language, with clap's suggestions (a similar
/// command, option or value; `--` before a value that looks like an option) as tips, and
/// returns the exit code (help and version are printed as they are, exit 0).
pub(crate) fn report_error(err: clap::Error, cmd: &Command, args: &[std::ffi::OsString]) -> u8 {
    use clap::error::ErrorKind;
    if matches!(
        err.kind(),
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion
    ) {
        let _ = err.print();
        return crate::exit::OK;
    }
    // The usage of the deepest subcommand named (past options and their values, such
    // as `--lang zh-CN` before the command).
    let mut at = cmd;
    for arg in args.iter().skip(1) {
        if let Some(sub) = at.find_subcommand(arg) {
            at = sub;
        }
    }
    // clap puts its own "Usage:" before the line set by `override_usage`.
    let usage = at.clone().render_usage().to_string();
    let usage = usage.trim().trim_start_matches("Usage:").trim().to_string();
    eprintln!("{}", t!("cli-error", message = usage_error(&err)));
    for tip in usage_tips(&err) {
        eprintln!("  {}", t!("cli-error-tip", tip = tip));
    }
    eprintln!();
    eprintln!("{}", t!("cli-usage-line", usage = usage));
    eprintln!();
    eprintln!("{}", t!("cli-error-more"));
    crate::exit::USAGE
}

/// The strings clap gave for `kind` (one or many), empty when it gave none.
fn context(err: &clap::Error, kind: clap::error::ContextKind) -> Vec<String> {
    use clap::error::ContextValue;
    match err.get(kind) {
        Some(ContextValue::String(s)) => vec![s.clone()],
        Some(ContextValue::Strings(v)) => v.clone(),
        Some(ContextValue::StyledStr(s)) => vec![s.to_string()],
        Some(ContextValue::StyledStrs(v)) => v.iter().map(ToString::to_string).collect(),
        Some(ContextValue::Number(n)) => vec![n.to_string()],
        Some(other) => vec![other.to_string()],
        None => Vec::new(),
    }
}

/// What is wrong with the command line, in the chosen language: one message per kind of
/// error a user can make.
fn usage_error(err: &clap::Error) -> Message {
    use clap::error::{ContextKind, ErrorKind};
    let one = |kind: ContextKind| context(err, kind).join(" ");
    let value = || one(ContextKind::InvalidValue);
    let argument = || one(ContextKind::InvalidArg);
    let source = std::error::Error::source(err);
    match err.kind() {
        // A value where none is taken: an extra file, or a word after the command.
        ErrorKind::UnknownArgument if !argument().starts_with('-') => {
            msg!("cli-error-extra-argument", argument = argument())
        }
        ErrorKind::UnknownArgument => msg!("cli-error-unknown-argument", argument = argument()),
        ErrorKind::InvalidSubcommand => msg!(
            "cli-error-unknown-command",
            command = one(ContextKind::InvalidSubcommand)
        ),
        ErrorKind::InvalidValue if err.get(ContextKind::ValidValue).is_some() => msg!(
            "cli-error-invalid-value-allowed",
            value = value(),
            argument = argument(),
            allowed = context(err, ContextKind::ValidValue)
        ),
        ErrorKind::ValueValidation if source.is_some_and(|e| e.is::<OwnWords>()) => msg!(
            "cli-error-invalid-value-why",
            value = value(),
            argument = argument(),
            why = source.map(ToString::to_string).unwrap_or_default()
        ),
        // A library's parser refused the value (a number, a path): its words as detail.
        ErrorKind::ValueValidation if source.is_some() => msg!(
            "cli-error-invalid-value-detail",
            value = value(),
            argument = argument(),
            detail = source.map(ToString::to_string).unwrap_or_default()
        ),
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            msg!(
                "cli-error-invalid-value",
                value = value(),
                argument = argument()
            )
        }
        ErrorKind::TooManyValues => {
            msg!(
                "cli-error-too-many-values",
                value = value(),
                argument = argument()
            )
        }
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => msg!(
            "cli-error-number-of-values",
            argument = argument(),
            expected = one(ContextKind::ExpectedNumValues),
            actual = one(ContextKind::ActualNumValues)
        ),
        ErrorKind::NoEquals => msg!("cli-error-no-equals", argument = argument()),
        ErrorKind::MissingRequiredArgument => {
            msg!(
                "cli-error-missing-argument",
                argument = context(err, ContextKind::InvalidArg)
            )
        }
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            msg!("cli-error-missing-command")
        }
        ErrorKind::ArgumentConflict => msg!(
            "cli-error-conflict",
            argument = argument(),
            other = context(err, ContextKind::PriorArg)
        ),
        ErrorKind::InvalidUtf8 => msg!("cli-error-not-utf8"),
        _ => msg!("cli-error-other"),
    }
}

/// clap's suggestions, in the chosen language: a similar command, option or value, a value
/// that must follow `--`, an option that belongs to a subcommand. A suggestion clap words
/// in a way not recognised here is left out rather than shown in English.
fn usage_tips(err: &clap::Error) -> Vec<Message> {
    use clap::error::ContextKind;
    let mut tips = Vec::new();
    let similar = |kind: ContextKind| context(err, kind);
    let commands = similar(ContextKind::SuggestedSubcommand);
    if !commands.is_empty() {
        tips.push(msg!("cli-tip-similar-command", suggestion = commands));
    }
    let options = similar(ContextKind::SuggestedArg);
    if !options.is_empty() {
        tips.push(msg!("cli-tip-similar-argument", suggestion = options));
    }
    let values = similar(ContextKind::SuggestedValue);
    if !values.is_empty() {
        tips.push(msg!("cli-tip-similar-value", suggestion = values));
    }
    let argument = context(err, ContextKind::InvalidArg).join(" ");
    let command = context(err, ContextKind::InvalidSubcommand).join(" ");
    for said in similar(ContextKind::Suggested) {
        if said.starts_with("to pass ") {
            let value = if command.is_empty() {
                &argument
            } else {
                &command
            };
            tips.push(msg!("cli-tip-after-double-dash", argument = value.as_str()));
        } else if let Some(exists) = said
            .strip_prefix('\'')
            .and_then(|s| s.strip_suffix("' exists"))
        {
            tips.push(msg!("cli-tip-in-subcommand", usage = exists));
        } else if said.starts_with("subcommand '") && said.contains("remove the '--'") {
            tips.push(msg!(
                "cli-tip-remove-double-dash",
                argument = argument.as_str()
            ));
        }
    }
    tips
}

#[cfg(test)]
mod tests {
    use super::*;
    use huibao_i18n::Lang;

    fn all(cmd: &Command, path: &str, out: &mut Vec<(String, Command)>) {
        out.push((path.to_string(), cmd.clone()));
        for c in cmd.get_subcommands() {
            let p = if path.is_empty() {
                c.get_name().to_string()
            } else {
                format!("{path} {}", c.get_name())
            };
            all(c, &p, out);
        }
    }

    /// A new command or argument without a catalog text fails here, not in front of a user.
    #[test]
    fn every_command_and_argument_has_a_catalog_text() {
        let cmd = <crate::Cli as clap::CommandFactory>::command();
        let mut commands = Vec::new();
        all(&cmd, "", &mut commands);
        for (path, c) in commands {
            assert!(about(&path).is_some(), "no about for `{path}`");
            for a in c.get_arguments() {
                let id = a.get_id().as_str();
                assert!(arg_help(&path, id).is_some(), "no help for `{path}` {id}");
                let values = a.get_action().takes_values();
                for n in a
                    .get_value_names()
                    .unwrap_or_default()
                    .iter()
                    .filter(|_| values)
                {
                    assert!(
                        value_name(n).is_some(),
                        "no placeholder for {n} (`{path}` {id})"
                    );
                }
            }
        }
        let _ = Lang::ALL;
    }
}

/// Why a value was refused, in huibao's own words (a catalog message already in the
/// chosen language), not a library's: shown without （原文：…）.
#[derive(Debug)]
pub(crate) struct OwnWords(pub String);

impl std::fmt::Display for OwnWords {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for OwnWords {}
