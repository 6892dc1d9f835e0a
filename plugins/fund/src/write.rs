//! Writing the section: the funds paragraph, the financing paragraph and the fund table.

use crate::config::{Config, Fund};
use huibao_plugin_api::numbers::{format_amount, format_percent, round_half_away};
use huibao_plugin_api::{Align, Cell, Chart, Context, Section, Table};

/// Stages from the most advanced down, as the progress sentence lists them.
const STAGES: [(&str, &str); 4] = [
    ("已投资", "已开展投资"),
    ("投资决策", "完成投资决策"),
    ("备案", "完成备案"),
    ("注册", "完成注册"),
];

/// The whole section.
pub(crate) fn section(config: &Config, context: &Context) -> Section {
    let title = config
        .title
        .clone()
        .unwrap_or_else(|| "强化基金赋能，拓宽多元融资渠道".into());
    let mut section = Section::new(title);
    if !config.funds.is_empty() {
        section = section
            .paragraph(funds_paragraph(config, context))
            .table(fund_table(&config.funds));
        if config.chart {
            section = section.chart(fund_chart(&config.funds));
        }
    }
    if let Some(p) = financing_paragraph(config, context) {
        section = section.paragraph(p);
    }
    section
}

fn funds_paragraph(config: &Config, context: &Context) -> String {
    let funds = &config.funds;
    let as_of = config
        .as_of
        .clone()
        .unwrap_or_else(|| match context.period.last_month {
            12 => "截至年底".to_string(),
            m @ 1..=11 => format!("截至{m}月底"),
            _ => "截至目前".to_string(),
        });
    let total: f64 = funds.iter().map(|f| f.size).sum();
    let mut p = format!(
        "基金体系持续壮大。{as_of}，园区累计设立（参与）各类基金{}支，认缴总规模{}亿元",
        funds.len(),
        amount(total)
    );
    let kinds: Vec<String> = ["母基金", "子基金"]
        .iter()
        .filter_map(|kind| {
            let of_kind: Vec<&Fund> = funds.iter().filter(|f| f.kind == *kind).collect();
            (!of_kind.is_empty()).then(|| {
                let size: f64 = of_kind.iter().map(|f| f.size).sum();
                format!("{kind}{}支、规模{}亿元", of_kind.len(), amount(size))
            })
        })
        .collect();
    if !kinds.is_empty() {
        p.push_str(&format!("，其中{}", kinds.join("，")));
    }
    p.push('。');
    let stages: Vec<String> = STAGES
        .iter()
        .filter_map(|(stage, phrase)| {
            let n = funds.iter().filter(|f| f.stage == *stage).count();
            (n > 0).then(|| format!("{phrase}{n}支"))
        })
        .collect();
    let invested: f64 = funds.iter().filter_map(|f| f.invested).sum();
    p.push_str(&format!("从进展看，{}", stages.join("、")));
    if invested > 0.0 {
        p.push_str(&format!("，累计完成投资{}亿元", amount(invested)));
        if total > 0.0 {
            p.push_str(&format!("，投资进度{}", format_percent(invested / total)));
        }
    }
    p.push('。');
    let industries = top_industries(funds, 4);
    if !industries.is_empty() {
        p.push_str(&format!("基金重点投向{}等领域", industries.join("、")));
        let managers = distinct(funds.iter().filter_map(|f| f.manager.as_deref()));
        if !managers.is_empty() {
            p.push_str(&format!(
                "，{}家专业管理机构参与基金运营管理",
                managers.len()
            ));
        }
        p.push('。');
    }
    p
}

fn financing_paragraph(config: &Config, context: &Context) -> Option<String> {
    let f = &config.financing;
    let mut clauses = Vec::new();
    let issued: Vec<_> = f
        .bonds
        .iter()
        .filter(|b| b.status.as_deref().unwrap_or("已发行") == "已发行")
        .collect();
    if !issued.is_empty() {
        let names: Vec<&str> = issued.iter().map(|b| b.name.as_str()).collect();
        clauses.push(format!(
            "成功发行{}，融资{}亿元",
            listed(&names, "只债券"),
            amount(issued.iter().map(|b| b.amount).sum())
        ));
    }
    for (status, phrase) in [("已获批", "已获批待发行"), ("申报中", "正在申报")] {
        let bonds: Vec<_> = f
            .bonds
            .iter()
            .filter(|b| b.status.as_deref() == Some(status))
            .collect();
        if !bonds.is_empty() {
            clauses.push(format!(
                "另有{}只债券{phrase}、规模{}亿元",
                bonds.len(),
                amount(bonds.iter().map(|b| b.amount).sum())
            ));
        }
    }
    if !f.loans.is_empty() {
        let banks = distinct(f.loans.iter().map(|l| l.bank.as_str()));
        clauses.push(format!(
            "争取{}贷款{}亿元",
            listed(&banks, "家银行"),
            amount(f.loans.iter().map(|l| l.amount).sum())
        ));
    }
    if !f.guidance_funds.is_empty() {
        let names: Vec<&str> = f.guidance_funds.iter().map(|g| g.name.as_str()).collect();
        let mut clause = format!("主动对接{}", listed(&names, "支上级引导基金"));
        let signed: Vec<_> = f
            .guidance_funds
            .iter()
            .filter(|g| matches!(g.status.as_deref(), Some("已签约" | "已到位")))
            .collect();
        let money: f64 = signed.iter().filter_map(|g| g.amount).sum();
        if names.len() == 1 && money > 0.0 {
            clause.push_str(&format!("，已签约（到位）资金{}亿元", amount(money)));
        } else if !signed.is_empty() && names.len() > 1 {
            clause.push_str(&format!("，其中已签约（到位）{}支", signed.len()));
            if money > 0.0 {
                clause.push_str(&format!("、金额{}亿元", amount(money)));
            }
        }
        clauses.push(clause);
    }
    if clauses.is_empty() {
        return None;
    }
    let when = if context.period.short_name.is_empty() {
        "本期".to_string()
    } else {
        context.period.short_name.clone()
    };
    Some(format!(
        "多渠道筹措发展资金。{when}，{}。",
        clauses.join("；")
    ))
}

fn fund_table(funds: &[Fund]) -> Table {
    let mut table = Table::new([
        "序号",
        "基金名称",
        "类型",
        "规模（亿元）",
        "所处阶段",
        "已投资（亿元）",
        "重点投向",
    ])
    .caption("园区基金情况表")
    .align([
        Align::Center,
        Align::Left,
        Align::Center,
        Align::Right,
        Align::Center,
        Align::Right,
        Align::Left,
    ])
    .note("注：规模为认缴规模；已投资为截至统计时点累计投资金额。");
    for (i, f) in funds.iter().enumerate() {
        table = table.row([
            Cell::from((i + 1) as u32),
            Cell::from(f.name.as_str()),
            Cell::from(f.kind.as_str()),
            Cell::from(amount(f.size)),
            Cell::from(f.stage.as_str()),
            Cell::from(f.invested.map(amount).unwrap_or_else(|| "—".into())),
            Cell::from(if f.industries.is_empty() {
                "—".to_string()
            } else {
                f.industries.join("、")
            }),
        ]);
    }
    let total: f64 = funds.iter().map(|f| f.size).sum();
    let invested: f64 = funds.iter().filter_map(|f| f.invested).sum();
    table.row([
        Cell::from(""),
        Cell::from("合计"),
        Cell::from(""),
        Cell::from(amount(total)),
        Cell::from(""),
        Cell::from(amount(invested)),
        Cell::from(""),
    ])
}

/// The fund table's 规模 and 已投资 as bars, fund by fund, rounded as the table prints
/// them (a fund not yet investing has invested 0).
fn fund_chart(funds: &[Fund]) -> Chart {
    let cents = |x: f64| round_half_away(x, 2);
    Chart::new(
        "园区基金认缴规模与已投资情况",
        funds.iter().map(|f| f.name.as_str()),
    )
    .unit("亿元")
    .series("认缴规模", funds.iter().map(|f| cents(f.size)))
    .series(
        "已投资",
        funds.iter().map(|f| cents(f.invested.unwrap_or(0.0))),
    )
}

/// An amount in 亿元 with at most two decimals and no trailing zeros: 12.3, 50, 0.85.
pub(crate) fn amount(x: f64) -> String {
    format_amount(x, 2)
}

/// The `n` industries most funds invest in, ties in order of first mention.
fn top_industries(funds: &[Fund], n: usize) -> Vec<String> {
    let mut counts: Vec<(String, usize)> = Vec::new();
    for industry in funds.iter().flat_map(|f| &f.industries) {
        match counts.iter_mut().find(|(name, _)| name == industry) {
            Some((_, c)) => *c += 1,
            None => counts.push((industry.clone(), 1)),
        }
    }
    // A stable sort keeps first-mention order among equals.
    counts.sort_by_key(|c| std::cmp::Reverse(c.1));
    counts.into_iter().take(n).map(|(name, _)| name).collect()
}

fn distinct<'a>(names: impl Iterator<Item = &'a str>) -> Vec<&'a str> {
    let mut out: Vec<&str> = Vec::new();
    for n in names {
        if !out.contains(&n) {
            out.push(n);
        }
    }
    out
}

/// Names as a list: "甲", "甲、乙", or "甲、乙等5家银行" for longer lists (`counted` is
/// the measure word and noun, "家银行").
fn listed(names: &[&str], counted: &str) -> String {
    if names.len() <= 2 {
        names.join("、")
    } else {
        format!("{}、{}等{}{counted}", names[0], names[1], names.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::{Bond, Financing, GuidanceFund, Loan};
    use huibao_plugin_api::PeriodInfo;

    fn fund(name: &str, kind: &str, size: f64, stage: &str, invested: Option<f64>) -> Fund {
        Fund {
            name: name.into(),
            kind: kind.into(),
            size,
            stage: stage.into(),
            invested,
            industries: vec!["集成电路".into(), "生物医药".into()],
            manager: Some("某某股权投资基金管理有限公司".into()),
            parent: None,
        }
    }

    fn context() -> Context {
        Context {
            period: PeriodInfo {
                last_month: 6,
                short_name: "上半年".into(),
                ..PeriodInfo::default()
            },
            ..Context::default()
        }
    }

    #[test]
    fn totals_and_progress() {
        let config = Config {
            title: None,
            as_of: None,
            funds: vec![
                fund("某某产业引导母基金", "母基金", 50.0, "已投资", Some(12.3)),
                fund("某某集成电路产业子基金", "子基金", 10.0, "投资决策", None),
                fund("某某生物医药产业子基金", "子基金", 5.5, "备案", None),
            ],
            financing: Financing::default(),
            chart: true,
        };
        let s = section(&config, &context());
        assert_eq!(
            s.paragraphs[0],
            "基金体系持续壮大。截至6月底，园区累计设立（参与）各类基金3支，认缴总规模65.5亿元，其中母基金1支、规模50亿元，子基金2支、规模15.5亿元。从进展看，已开展投资1支、完成投资决策1支、完成备案1支，累计完成投资12.3亿元，投资进度18.8%。基金重点投向集成电路、生物医药等领域，1家专业管理机构参与基金运营管理。"
        );
        let table = s.table.unwrap();
        assert_eq!(table.rows.len(), 4);
        assert_eq!(table.rows[3][3], Cell::Text("65.5".into()));
        // The chart: the table's funds, their sizes and amounts invested (0 before).
        let chart = s.chart.expect("chart = true");
        assert_eq!(chart.categories.len(), 3);
        assert_eq!(chart.unit.as_deref(), Some("亿元"));
        assert_eq!(chart.series[0].values, [50.0, 10.0, 5.5]);
        assert_eq!(chart.series[1].values, [12.3, 0.0, 0.0]);
    }

    #[test]
    fn financing_sentence() {
        let config = Config {
            title: Some("强化资金保障".into()),
            as_of: None,
            chart: false,
            funds: vec![],
            financing: Financing {
                bonds: vec![
                    Bond {
                        name: "2022年某园区基础设施专项债券".into(),
                        amount: 8.0,
                        status: None,
                    },
                    Bond {
                        name: "某园区标准厂房专项债券".into(),
                        amount: 3.5,
                        status: Some("申报中".into()),
                    },
                ],
                loans: vec![Loan {
                    bank: "国家开发银行某某分行".into(),
                    amount: 15.0,
                    purpose: None,
                }],
                guidance_funds: vec![GuidanceFund {
                    name: "国家中小企业发展基金".into(),
                    status: Some("已签约".into()),
                    amount: Some(2.0),
                }],
            },
        };
        let s = section(&config, &context());
        assert_eq!(s.title.as_deref(), Some("强化资金保障"));
        assert_eq!(s.table, None);
        assert_eq!(
            s.paragraphs,
            ["多渠道筹措发展资金。上半年，成功发行2022年某园区基础设施专项债券，融资8亿元；另有1只债券正在申报、规模3.5亿元；争取国家开发银行某某分行贷款15亿元；主动对接国家中小企业发展基金，已签约（到位）资金2亿元。"]
        );
    }

    #[test]
    fn number_formats() {
        assert_eq!(amount(0.1 + 0.2), "0.3");
        assert_eq!(amount(50.0), "50");
        assert_eq!(amount(12.345), "12.35");
        assert_eq!(format_percent(12.3 / 65.5), "18.8%");
        assert_eq!(format_percent(0.0), "0.0%");
        // The report's rule, not the binary value's: 2.675 is 2.67499… in binary.
        assert_eq!(amount(2.675), "2.68");
        assert_eq!(amount(1.005), "1.01");
        assert_eq!(format_percent(0.0005), "0.1%");
        assert_eq!(format_percent(0.12345), "12.3%");
    }
}
