//! huibao-core: the report model, TOML loading with diagnostics, numbering, indicator
//! maths, lint, the document tree every backend draws, and styles — and the decisions the
//! backends share: character classes and widths ([`chars`]), where lines break
//! ([`linebreak`]), how wide table columns are ([`columns`]) and what goes onto the
//! signature's page ([`closing`]).
//!
//! The flow is [`load`] → [`carry_forward`] → [`resolve()`] → plugin sections
//! ([`plugin::expand`]) → [`build()`] → [`lint()`] → a [`Document`] plus a [`Style`]; the
//! `huibao-pipeline` crate runs it in that order.
//!
//! # Paths
//! The stages (load, carry forward, resolve, build, lint, the schema, title breaking)
//! are private modules; their entry points and result types are re-exported here, at
//! the root: `huibao_core::load`, `huibao_core::lint`, `huibao_core::Resolved`.
//! A module is public only when it is a vocabulary its callers name item by item,
//! read as `module::item`:
//!
//! | module | why it is a namespace |
//! |---|---|
//! | [`model`] | the report's shape as written in `report.toml`: many types, most named only by those who build reports in code |
//! | [`ir`] | the document tree every backend walks: `ir::Block`, `ir::Table`, `ir::RunRole` |
//! | [`style`] | page geometry and fonts by role: `style::FontRole`, `style::PT_PER_MM` |
//! | [`chars`], [`linebreak`], [`columns`] | the shared text decisions (character classes and widths, 禁则 and line breaks, table column widths), called by import and every backend |
//! | [`numbering`], [`marker`] | outline numbers written (`numbering::heading_number`) and read (`marker::parse`) |
//! | [`plugin`] | the plugin host: search path, listing, expansion |
//! | [`limits`] | the limits every input is held to: report size, paragraph length, table cells, template nesting |

// Diagnostics are large (they carry their source file) and only travel the error path.
#![allow(clippy::result_large_err)]

// Public namespaces: vocabularies a caller reads as `module::item`.
pub mod chars;
pub mod closing;
pub mod columns;
pub mod ir;
pub mod limits;
pub mod linebreak;
pub mod marker;
pub mod model;
pub mod numbering;
pub mod plugin;
pub mod style;

// The stages and what they use: private, their entry points re-exported below.
mod build;
mod chart;
mod date;
mod diagnostic;
mod indicator;
mod lint;
mod load;
mod outline;
mod period;
mod previous;
mod prose;
mod resolve;
mod scan;
mod schema;
mod suggest;
mod template_guard;
mod title;

pub use build::{build, GeneratedSection};
pub use date::Date;
pub use diagnostic::{io_reason, Diagnostic, Diagnostics, Severity, SourceFile};
pub use indicator::{
    completion_rate, figures, format_number, growth_change, is_percent, round1, Figures,
};
pub use ir::Document;
pub use lint::lint;
pub use load::{load, load_source, Loaded};
pub use period::{Period, PeriodError};
pub use previous::{carry_forward, carry_forward_with};
pub use resolve::{resolve, PeriodPhrases, Resolved};
pub use schema::{report_schema, report_schema_text};
pub use style::Style;
pub use title::break_title;
