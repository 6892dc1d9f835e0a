//! `huibao fonts` and the font options of `render` (PDF output).

use clap::Args;
use huibao_core::chars::is_wide;
use huibao_i18n::{t, Lang};
use huibao_pipeline::{FontOrigin, Options, RoleReport, Session, Style};

/// Font lookup options for PDF output.
#[derive(Args, Debug, Clone, Default)]
pub(crate) struct FontArgs {
    /// Extra directory with fonts (repeatable); also HUIBAO_FONT_DIR.
    #[arg(long = "font-dir", value_name = "DIR")]
    pub font_dirs: Vec<std::path::PathBuf>,
    /// Use only bundled fonts and --font-dir, never the system's.
    #[arg(long)]
    pub no_system_fonts: bool,
}

impl FontArgs {
    /// Sets the font options of `options`: `--font-dir` then `HUIBAO_FONT_DIR`, and
    /// `--no-system-fonts`.
    pub(crate) fn apply(&self, options: &mut Options) {
        options.font_dirs = self.font_dirs.clone();
        if let Some(dirs) = std::env::var_os("HUIBAO_FONT_DIR") {
            // An empty entry ("a::b") names no folder.
            options
                .font_dirs
                .extend(std::env::split_paths(&dirs).filter(|d| !d.as_os_str().is_empty()));
        }
        options.system_fonts = !self.no_system_fonts;
    }
}

/// Arguments of `huibao fonts`.
#[derive(Args, Debug)]
pub(crate) struct FontsArgs {
    /// A report: show the fonts of its style (its [style] fonts) instead of the preset's.
    #[arg(value_name = "REPORT.toml")]
    pub report: Option<std::path::PathBuf>,
    #[command(flatten)]
    pub fonts: FontArgs,
}

/// The roles as one line: "正文 FandolFang，一级标题 FandolHei，…".
pub(crate) fn summary(fonts: &[RoleReport]) -> String {
    let roles: Vec<String> = fonts
        .iter()
        .map(|r| {
            let mut s = format!("{} {}", r.role.label(), r.family);
            if r.synthetic_bold {
                s.push_str("（仿粗）");
            }
            s
        })
        .collect();
    roles.join("，")
}

/// `s` padded with spaces to `width` terminal columns (CJK characters take two).
fn pad(s: &str, width: usize) -> String {
    let cols: usize = s.chars().map(|c| if is_wide(c) { 2 } else { 1 }).sum();
    format!("{s}{}", " ".repeat(width.saturating_sub(cols)))
}

/// Where a font was found, in the chosen language.
fn origin(o: FontOrigin, stand_in: bool) -> String {
    match (o, stand_in) {
        (FontOrigin::Bundled, false) => t!("cli-fonts-origin-bundled"),
        (FontOrigin::Bundled, true) => t!("cli-fonts-origin-bundled-stand-in"),
        (FontOrigin::Dir, false) => t!("cli-fonts-origin-dir"),
        (FontOrigin::Dir, true) => t!("cli-fonts-origin-dir-stand-in"),
        (FontOrigin::System, false) => t!("cli-fonts-origin-system"),
        (FontOrigin::System, true) => t!("cli-fonts-origin-system-stand-in"),
    }
}

/// `huibao fonts`: which fonts set each role's text (of the report's style, or the
/// preset's), and where they are. Only faces that set glyphs of the role are named.
pub(crate) fn fonts(args: FontsArgs) -> u8 {
    let mut options = Options::default();
    args.fonts.apply(&mut options);
    let style = match &args.report {
        Some(report) => match huibao_core::load(report) {
            Ok(loaded) => loaded.style,
            Err(d) => {
                crate::output::print_diagnostics(&d);
                return crate::exit::REPORT_ERROR;
            }
        },
        None => Style::default(),
    };
    match Session::new(options).pdf_fonts(&style) {
        Ok(report) => {
            let row = |cells: [&str; 6]| {
                let widths = [12, 6, 18, 24, 20];
                let mut line = String::new();
                for (c, w) in cells.iter().zip(widths) {
                    line.push_str(&pad(c, w));
                    line.push(' ');
                }
                line.push_str(cells[5]);
                crate::output::print_line(line.trim_end());
            };
            let heads = [
                t!("cli-fonts-head-role"),
                t!("cli-fonts-head-size"),
                t!("cli-fonts-head-wanted"),
                t!("cli-fonts-head-used"),
                t!("cli-fonts-head-from"),
                t!("cli-fonts-head-file"),
            ];
            row(heads.each_ref().map(String::as_str));
            // The role's key in English (body, heading1 …, as [style.fonts] names it), its
            // name in Chinese.
            let chinese = huibao_i18n::language() == Lang::ZhCn;
            for r in &report {
                let mut used = if r.postscript.is_empty() {
                    r.family.clone()
                } else {
                    r.postscript.clone()
                };
                if r.synthetic_bold {
                    used = t!("cli-fonts-fake-bold", font = used);
                }
                for other in &r.others {
                    used.push_str(&format!(" + {other}"));
                }
                let from = origin(r.origin, r.stand_in);
                row([
                    if chinese {
                        r.role.label()
                    } else {
                        r.role.key()
                    },
                    &format!("{}pt", r.size_pt),
                    &r.wanted,
                    &used,
                    &from,
                    &r.path.display().to_string(),
                ]);
            }
            crate::exit::OK
        }
        Err(e) => {
            eprintln!("{}", t!("cli-error-line", message = e.to_string()));
            crate::exit::REPORT_ERROR
        }
    }
}
