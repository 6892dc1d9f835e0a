//! The limits every input of a report is held to, in one place; README.md's
//! "Reliability" section lists them. Past a limit huibao stops with an error that names
//! the input, the place and the limit, long before memory or time run out.
//!
//! They are far above what a work report needs: a half-year report is some 10–50 KB of
//! TOML, its longest paragraph a few hundred characters, its largest table a few hundred
//! cells.

/// The largest report file read, in bytes (2 MiB, some 700,000 Chinese characters or a
/// thousand pages; its PDF takes about half a gigabyte to lay out and write). The file is
/// read through a reader that stops one byte past it, so a device such as `/dev/zero` is
/// never read whole.
pub const MAX_REPORT_BYTES: u64 = 2 << 20;

/// The largest file read as last period's report (`previous`, `--previous`): a report
/// like this one, so the same 2 MiB.
pub const MAX_PREVIOUS_REPORT_BYTES: u64 = MAX_REPORT_BYTES;

/// The largest statistics spreadsheet read (`[indicators] from`, `huibao indicators`),
/// in bytes (32 MiB): a bureau's workbook of many sheets is a few MiB; past this it holds
/// pictures or data the indicator table does not need.
pub const MAX_SPREADSHEET_BYTES: u64 = 32 << 20;

/// The largest plain-text source `huibao import` reads (1 MiB, some 350,000 Chinese
/// characters in GB18030, 500,000 in UTF-8 with Latin): its TOML stays below
/// [`MAX_REPORT_BYTES`], so what import writes `check` reads.
pub const MAX_IMPORT_TEXT_BYTES: u64 = 1 << 20;

/// The largest Word document `huibao import` reads (32 MiB: pictures make a report's
/// .docx large; its text parts are held to the XML limits of huibao-xml).
pub const MAX_IMPORT_DOCX_BYTES: u64 = 32 << 20;

/// The largest file of a template plugin read (`plugin.toml` with its schema, the
/// template), in bytes: 2 MiB, like a report.
pub const MAX_PLUGIN_FILE_BYTES: u64 = 2 << 20;

/// The largest native plugin library loaded (256 MiB): checked by the reader, then
/// loaded by the plugin's own process.
pub const MAX_PLUGIN_LIBRARY_BYTES: u64 = 256 << 20;

/// The largest font file used (256 MiB): mapped, not read, so only the tables and
/// glyphs used are loaded; the largest CJK collections are some 100 MiB.
pub const MAX_FONT_BYTES: u64 = 256 << 20;

/// The longest paragraph, in characters, once its prose is filled in (20,000: some
/// thirty pages of unbroken text).
pub const MAX_PARAGRAPH_CHARS: usize = 20_000;

/// The most cells in one table, header row included (rows × columns).
pub const MAX_TABLE_CELLS: usize = 20_000;

/// The most columns in one table.
pub const MAX_TABLE_COLUMNS: usize = 64;

/// The largest reply of a plugin (a native plugin's JSON, a template plugin's rendered
/// text), in bytes.
pub const MAX_PLUGIN_REPLY_BYTES: usize = 4 << 20;

/// The deepest nesting of a template (prose in the report, a template plugin's section):
/// blocks (`{{#if}}`, `{{#each}}`, each `{{else if}}`) and parenthesised subexpressions
/// counted together.
pub const MAX_TEMPLATE_NESTING: usize = 32;

/// The largest magnitude of a number in the report's own tables (2^53): every integer up
/// to it is exact as a floating-point number, so a figure prints as it was written.
/// Figures derived from them (同比, 完成率) are held to it too.
pub const MAX_NUMBER: f64 = 9_007_199_254_740_992.0;

/// The most categories (groups of bars) in one chart: a chart with more is unreadable on
/// a page; split it with `indicators`.
pub const MAX_CHART_CATEGORIES: usize = 12;

/// The most series (bars in a group) in one chart.
pub const MAX_CHART_SERIES: usize = 4;

/// The most rounds `{{#each}}` may run in one template render (prose, a template plugin's
/// section or title), all loops together: loops nested over one list multiply (a list of
/// 100 nested five deep is 10^10 rounds), so a template of a few lines could otherwise
/// run for hours.
pub const MAX_EACH_ROUNDS: u64 = 1_000_000;
