//! huibao-core: the report model, TOML loading with diagnostics, numbering, indicator
//! maths, lint, the document tree every backend draws, and styles — and the decisions the
//! backends share: character classes and widths ([`chars`]), where lines break
//! ([`linebreak`]), how wide table columns are ([`columns`]) and what goes onto the
//! signature's page ([`closing`]).
//!
//! The flow is [`load`] → [`previous::carry_forward`] → [`resolve()`] → plugin sections
//! ([`plugin::expand`]) → [`build()`] → a [`Document`] plus a [`Style`]; the
//! `huibao-pipeline` crate runs it in that order.

// Diagnostics are large (they carry their source file) and only travel the error path.
#![allow(clippy::result_large_err)]

pub mod build;
pub mod chars;
pub mod closing;
pub mod columns;
pub mod date;
pub mod diagnostic;
pub mod indicator;
pub mod ir;
pub mod linebreak;
pub mod lint;
pub mod load;
pub mod marker;
pub mod model;
pub mod numbering;
pub mod outline;
pub mod period;
pub mod plugin;
pub mod previous;
pub mod prose;
pub mod resolve;
pub mod schema;
pub mod style;
pub mod suggest;
pub mod title;

pub use build::{build, GeneratedSection};
pub use diagnostic::{Diagnostic, Diagnostics, Severity, SourceFile};
pub use ir::Document;
pub use load::{load, load_source, Loaded};
pub use resolve::{resolve, Resolved};
pub use style::Style;
