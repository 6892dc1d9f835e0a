//! huibao-core: the report model, TOML loading with diagnostics, numbering, indicator
//! maths, lint, the document tree every backend draws, and styles.
//!
//! The flow is `load` → (plugin sections) → `build` → a [`Document`] plus a [`Style`].

// Diagnostics are large (they carry their source file) and only travel the error path.
#![allow(clippy::result_large_err)]

pub mod build;
pub mod date;
pub mod diagnostic;
pub mod indicator;
pub mod ir;
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
pub mod schema;
pub mod style;
pub mod suggest;
pub mod title;

pub use build::{build, GeneratedSection};
pub use diagnostic::{Diagnostic, Diagnostics, Severity, SourceFile};
pub use ir::Document;
pub use load::{load, load_source, Loaded};
pub use style::Style;
