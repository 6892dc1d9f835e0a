//! The JSON schema of the report format, for editors (Even Better TOML, VS Code).

/// The schema as JSON text.
pub const REPORT_SCHEMA: &str = include_str!("report.schema.json");
