//! The section's config, as the report writes it under `[sections.config]`.

use huibao_plugin_api::PluginError;
use serde::Deserialize;

/// The whole config (its shape is also in `schema.json`, which huibao checks first).
#[derive(Debug, Deserialize)]
pub(crate) struct Config {
    /// The section's heading.
    #[serde(default)]
    pub title: Option<String>,
    /// "截至6月底"; derived from the period when absent.
    #[serde(default)]
    pub as_of: Option<String>,
    /// Funds set up or joined by the park.
    #[serde(default)]
    pub funds: Vec<Fund>,
    /// Money raised other than through the funds.
    #[serde(default)]
    pub financing: Financing,
    /// Draw the fund table's 规模 and 已投资 as bars after it (off unless asked for).
    #[serde(default)]
    pub chart: bool,
}

/// One fund.
#[derive(Debug, Deserialize)]
pub(crate) struct Fund {
    pub name: String,
    /// 母基金 or 子基金.
    pub kind: String,
    /// 认缴规模, 亿元.
    pub size: f64,
    /// 注册, 备案, 投资决策 or 已投资.
    pub stage: String,
    /// Amount invested so far, 亿元.
    #[serde(default)]
    pub invested: Option<f64>,
    #[serde(default)]
    pub industries: Vec<String>,
    #[serde(default)]
    pub manager: Option<String>,
    /// The 母基金 of a 子基金.
    #[serde(default)]
    #[allow(dead_code)]
    pub parent: Option<String>,
}

/// Bonds, loans and guidance funds.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct Financing {
    #[serde(default)]
    pub bonds: Vec<Bond>,
    #[serde(default)]
    pub loans: Vec<Loan>,
    #[serde(default)]
    pub guidance_funds: Vec<GuidanceFund>,
}

/// A bond issue (专项债券, 企业债 …).
#[derive(Debug, Deserialize)]
pub(crate) struct Bond {
    pub name: String,
    /// 亿元.
    pub amount: f64,
    /// 已发行 (default), 已获批 or 申报中.
    #[serde(default)]
    pub status: Option<String>,
}

/// A bank loan.
#[derive(Debug, Deserialize)]
pub(crate) struct Loan {
    pub bank: String,
    /// 亿元.
    pub amount: f64,
    #[serde(default)]
    #[allow(dead_code)]
    pub purpose: Option<String>,
}

/// A higher-level guidance fund approached (国家/省级引导基金).
#[derive(Debug, Deserialize)]
pub(crate) struct GuidanceFund {
    pub name: String,
    /// 洽谈中, 已对接 (default), 已签约 or 已到位.
    #[serde(default)]
    pub status: Option<String>,
    /// 亿元, once signed.
    #[serde(default)]
    pub amount: Option<f64>,
}

impl Config {
    /// Checks what the schema cannot: figures that contradict each other.
    pub(crate) fn check(&self) -> Result<(), PluginError> {
        let f = &self.financing;
        if self.funds.is_empty()
            && f.bonds.is_empty()
            && f.loans.is_empty()
            && f.guidance_funds.is_empty()
        {
            return Err(PluginError::new(
                "nothing to report: add [[sections.config.funds]] entries or a [sections.config.financing] table",
            ));
        }
        // As many groups of bars as a chart of huibao's shows.
        const MAX_CHART_FUNDS: usize = 12;
        if self.chart && self.funds.len() > MAX_CHART_FUNDS {
            return Err(PluginError::new(format!(
                "a fund chart shows at most {MAX_CHART_FUNDS} funds, not {}; set chart = false (the fund table lists them all)",
                self.funds.len()
            )));
        }
        for fund in &self.funds {
            let invested = fund.invested.unwrap_or(0.0);
            if invested > fund.size + 1e-9 {
                return Err(PluginError::new(format!(
                    "fund “{}” has invested {} 亿元, more than its size of {} 亿元; check `invested` and `size`",
                    fund.name, invested, fund.size
                )));
            }
            if fund.stage == "已投资" && invested <= 0.0 {
                return Err(PluginError::new(format!(
                    "fund “{}” is at stage 已投资 but gives no amount invested; add `invested = …` (亿元)",
                    fund.name
                )));
            }
        }
        Ok(())
    }
}
