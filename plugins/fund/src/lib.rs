//! huibao section plugin `fund` (基金/资金保障): a park's funds (母基金/子基金 with size,
//! stage, amount invested, target industries, manager) and its financing (bonds, loans,
//! guidance funds approached), written as paragraphs with computed totals and a fund table.

mod config;
mod write;

use huibao_plugin_api::{export_plugin, PluginError, Request, Section};

/// The plugin's entry: checks the config's figures and writes the section.
pub fn generate(request: &Request) -> Result<Section, PluginError> {
    let config: config::Config = request.config_as()?;
    config.check()?;
    Ok(write::section(&config, &request.context))
}

export_plugin! {
    name: "fund",
    version: env!("CARGO_PKG_VERSION"),
    schema: include_str!("../schema.json"),
    generate: generate,
}
