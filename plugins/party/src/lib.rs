//! huibao section plugin `party` (党建引领): party organisations and members, 组织生活
//! (三会一课, 主题党日, training), brands and notable work, written as 一是/二是 items.

mod write;

use huibao_plugin_api::{export_plugin, PluginError, Request, Section};
use serde::Deserialize;

/// The section's config (its shape is also in `schema.json`, which huibao checks first).
#[derive(Debug, Default, Deserialize)]
pub struct Config {
    /// The section's heading; "坚持党建引领，凝聚高质量发展合力" when absent.
    #[serde(default)]
    pub title: Option<String>,
    /// A paragraph before the items, as written.
    #[serde(default)]
    pub intro: Option<String>,
    /// Counts of organisations and members (the first item).
    #[serde(default)]
    pub organizations: Organizations,
    /// Counts of 组织生活 and training (the second item).
    #[serde(default)]
    pub activities: Activities,
    /// 党建品牌, listed in one item.
    #[serde(default)]
    pub brands: Vec<Brand>,
    /// Notable work, one item each, in order.
    #[serde(default)]
    pub highlights: Vec<Highlight>,
}

/// Party organisations and members.
#[derive(Debug, Default, Deserialize)]
pub struct Organizations {
    /// 党委.
    pub committees: Option<u32>,
    /// 党总支.
    pub general_branches: Option<u32>,
    /// 党支部.
    pub branches: Option<u32>,
    /// 党员.
    pub members: Option<u32>,
    /// 发展党员 in the period.
    pub new_members: Option<u32>,
    /// 新组建“两新”党组织 in the period.
    pub new_organizations: Option<u32>,
}

/// 组织生活 and training in the period.
#[derive(Debug, Default, Deserialize)]
pub struct Activities {
    /// “三会一课” held.
    pub meetings: Option<u32>,
    /// 主题党日 held.
    pub theme_days: Option<u32>,
    /// Training classes.
    pub trainings: Option<u32>,
    /// Trainees (人次).
    pub trainees: Option<u32>,
}

/// A 党建品牌.
#[derive(Debug, Deserialize)]
pub struct Brand {
    /// The brand's name, without quotation marks: 红心领航.
    pub name: String,
    /// What the brand does, printed after its quoted name in the same item.
    #[serde(default)]
    pub theme: Option<String>,
}

/// A notable piece of work: a lead and its text.
#[derive(Debug, Deserialize)]
pub struct Highlight {
    /// The lead, without closing punctuation.
    pub title: String,
    /// The text after the lead.
    pub text: String,
}

/// The plugin's entry.
pub fn generate(request: &Request) -> Result<Section, PluginError> {
    let config: Config = request.config_as()?;
    let section = write::section(&config, &request.context);
    if section.items.is_empty() {
        return Err(PluginError::new(
            "nothing to report: give at least one of organizations, activities, brands or highlights",
        ));
    }
    Ok(section)
}

export_plugin! {
    name: "party",
    version: env!("CARGO_PKG_VERSION"),
    schema: include_str!("../schema.json"),
    generate: generate,
}
