//! huibao-plugin-api: what a section plugin of huibao depends on — the stable native ABI
//! ([`abi`]), the JSON types that cross it ([`Request`], [`Section`]) and
//! [`export_plugin!`], which turns one safe function into a plugin; and [`numbers`], huibao's
//! rounding, so a plugin's figures agree with the report's.
//!
//! ```
//! use huibao_plugin_api::{export_plugin, PluginError, Request, Section};
//!
//! fn generate(request: &Request) -> Result<Section, PluginError> {
//!     Ok(Section::new("强化人才支撑").paragraph("新引进高层次人才12名。"))
//! }
//!
//! export_plugin! {
//!     name: "talent",
//!     version: env!("CARGO_PKG_VERSION"),
//!     schema: r#"{"type": "object"}"#,
//!     generate: generate,
//! }
//! ```
//!
//! Build the plugin as a `cdylib` with `panic = "unwind"` (the default): a panic is then
//! caught and reported to huibao as an error, never crossing the boundary.
//!
//! The types are at the root; [`abi`] (the C table and its status codes, for hosts and
//! hand-written plugins) and [`numbers`] (rounding and number formatting) are namespaces.

pub mod abi;
mod export;
pub mod numbers;
mod types;

pub use types::{
    Align, Cell, Chart, ChartSeries, Context, IndicatorInfo, Numbering, PeriodInfo, PluginError,
    Request, Section, Table,
};

/// Used by [`export_plugin!`]; not part of the stable API.
#[doc(hidden)]
pub mod __private {
    pub use crate::export::{free, generate};
}
