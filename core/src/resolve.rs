//! Resolving a loaded report: the facts that plugins and the document tree both read —
//! indicator figures, the title, the period phrases, the printed organization — computed
//! once, between loading and plugin expansion.
//!
//! Resolve after [`crate::previous::carry_forward`]: it may fill indicators' `previous`
//! values, and the figures depend on them.

use crate::indicator::{figures, Figures};
use crate::load::Loaded;
use serde_json::json;
use std::collections::BTreeMap;

/// What a report says once its figures and phrases are worked out.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Resolved {
    /// The reporting organization as printed: "金川经济技术开发区管委会".
    pub organization: String,
    /// The title on one line, as given or derived from organization and period:
    /// "金川经济技术开发区管委会2022年上半年工作总结及下半年工作计划".
    pub title: String,
    /// How the period is named in prose, titles and tables.
    pub period: PeriodPhrases,
    /// The printed figures of every indicator, by name.
    pub figures: BTreeMap<String, Figures>,
}

/// The phrases that name a report's period (for 2022-H1 in the examples below).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct PeriodPhrases {
    /// The year: 2022.
    pub year: i32,
    /// First month covered: 1.
    pub first_month: u8,
    /// Last month covered: 6.
    pub last_month: u8,
    /// With the year: "2022年上半年".
    pub name: String,
    /// Without the year: "上半年".
    pub short_name: String,
    /// Before figures: "1-6月".
    pub months: String,
    /// The next period as the plan names it: "下半年" (or "2023年" after a full year).
    pub next: String,
}

/// Works out the figures, title, period phrases and organization of `loaded`.
pub fn resolve(loaded: &Loaded) -> Resolved {
    let organization = loaded.organization();
    let p = &loaded.period;
    let (first_month, last_month) = p.months();
    let title = match &loaded.report.report.title {
        Some(t) => t.get_ref().trim().to_string(),
        None => p.default_title(&organization),
    };
    let figures = loaded
        .report
        .indicators
        .iter()
        .map(|i| {
            let f = figures(
                i.value.get_ref().0,
                &i.unit,
                i.previous.as_ref().map(|p| p.get_ref().0),
                i.target.as_ref().map(|t| t.get_ref().0),
                i.decimals,
            );
            (i.name.get_ref().clone(), f)
        })
        .collect();
    Resolved {
        organization,
        title,
        period: PeriodPhrases {
            year: p.year(),
            first_month,
            last_month,
            name: p.name(),
            short_name: p.short_name(),
            months: p.month_phrase(),
            next: p.next_phrase(),
        },
        figures,
    }
}

impl Resolved {
    /// The variables prose may use besides the figure helpers: `{{organization}}`,
    /// `{{year}}`, `{{period}}`, `{{period_name}}`, `{{months}}`, `{{next_period}}`.
    pub fn prose_variables(&self) -> serde_json::Value {
        let p = &self.period;
        json!({
            "organization": self.organization,
            "year": p.year,
            "period": p.short_name,
            "period_name": p.name,
            "months": p.months,
            "next_period": p.next,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::resolve;
    use crate::{load_source, SourceFile};

    fn loaded(extra: &str) -> crate::Loaded {
        let text = format!(
            "[report]\norganization = \"  金川经济技术开发区管委会 \"\nperiod = \"2022-01..2022-09\"\ndate = 2022-10-12\n{extra}\n\
             [[indicators]]\nname = \"营业收入\"\nvalue = 48.65\nunit = \"亿元\"\nprevious = 43.29\ntarget = 100\n"
        );
        load_source(SourceFile::new("report.toml", text)).unwrap_or_else(|d| panic!("{d}"))
    }

    #[test]
    fn derives_title_phrases_and_figures_once() {
        let r = resolve(&loaded(""));
        assert_eq!(r.organization, "金川经济技术开发区管委会");
        assert_eq!(
            r.title,
            "金川经济技术开发区管委会2022年前三季度工作总结及第四季度工作计划"
        );
        assert_eq!(
            (r.period.year, r.period.first_month, r.period.last_month),
            (2022, 1, 9)
        );
        assert_eq!(r.period.name, "2022年前三季度");
        assert_eq!(r.period.short_name, "前三季度");
        assert_eq!(r.period.months, "1-9月");
        assert_eq!(r.period.next, "第四季度");
        let f = &r.figures["营业收入"];
        assert_eq!(f.value, "48.65亿元");
        assert_eq!(f.growth.as_deref(), Some("同比增长12.4%"));
        assert_eq!(f.completion.as_deref(), Some("完成全年目标的48.7%"));
        assert_eq!(
            r.prose_variables()["organization"],
            "金川经济技术开发区管委会"
        );
    }

    #[test]
    fn a_given_title_wins_trimmed() {
        let r = resolve(&loaded(
            "title = \" 金川经开区2022年前三季度工作情况汇报 \"",
        ));
        assert_eq!(r.title, "金川经开区2022年前三季度工作情况汇报");
    }
}
