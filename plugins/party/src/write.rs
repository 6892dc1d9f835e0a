//! Writing the section in the usual register: one 一是/二是 item per kind of work.

use crate::{Activities, Config, Organizations};
use huibao_plugin_api::{Context, Numbering, Section};

/// The whole section: an optional opening paragraph, then run-in items.
pub(crate) fn section(config: &Config, context: &Context) -> Section {
    let title = config
        .title
        .clone()
        .unwrap_or_else(|| "坚持党建引领，凝聚高质量发展合力".into());
    let mut section = Section::new(title).numbering(Numbering::RunIn);
    if let Some(intro) = config
        .intro
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        section = section.paragraph(intro);
    }
    let when = if context.period.short_name.is_empty() {
        "本期".to_string()
    } else {
        context.period.short_name.clone()
    };
    let items = [
        organizations(&config.organizations, &when),
        activities(&config.activities, &when),
        brands(config),
    ];
    for item in items.into_iter().flatten() {
        section = section.item(item);
    }
    for h in &config.highlights {
        section = section.item(Section::new(h.title.trim()).paragraph(h.text.trim()));
    }
    section
}

/// 一是强化组织覆盖。园区现有党委1个、党总支3个、党支部28个，党员612名；……
fn organizations(o: &Organizations, when: &str) -> Option<Section> {
    let units: Vec<String> = [
        ("党委", o.committees),
        ("党总支", o.general_branches),
        ("党支部", o.branches),
    ]
    .into_iter()
    .filter_map(|(what, n)| n.filter(|&n| n > 0).map(|n| format!("{what}{n}个")))
    .collect();
    let mut text = String::new();
    if !units.is_empty() || o.members.is_some() {
        text.push_str("园区现有");
        text.push_str(&units.join("、"));
        if let Some(m) = o.members {
            if !units.is_empty() {
                text.push('，');
            }
            text.push_str(&format!("党员{m}名"));
        }
    }
    let mut growth = Vec::new();
    if let Some(n) = o.new_members.filter(|&n| n > 0) {
        growth.push(format!("发展党员{n}名"));
    }
    if let Some(n) = o.new_organizations.filter(|&n| n > 0) {
        growth.push(format!("新组建非公企业和社会组织党组织{n}个"));
    }
    if !growth.is_empty() {
        if !text.is_empty() {
            text.push('；');
        }
        text.push_str(&format!("{when}{}", growth.join("，")));
    }
    if text.is_empty() {
        return None;
    }
    text.push_str("，党的组织和工作覆盖面持续扩大。");
    Some(Section::new("强化组织覆盖").paragraph(text))
}

/// 二是严格组织生活。深入开展“三会一课”，……
fn activities(a: &Activities, when: &str) -> Option<Section> {
    let mut clauses = Vec::new();
    if let Some(n) = a.meetings {
        clauses.push(format!(
            "深入开展“三会一课”，{when}累计召开支部党员大会、支委会、党小组会和讲党课{n}次"
        ));
    }
    if let Some(n) = a.theme_days {
        clauses.push(format!("扎实开展主题党日活动{n}次"));
    }
    match (a.trainings, a.trainees) {
        (Some(t), Some(p)) => clauses.push(format!("举办党员培训班{t}期、培训党员干部{p}人次")),
        (Some(t), None) => clauses.push(format!("举办党员培训班{t}期")),
        (None, Some(p)) => clauses.push(format!("培训党员干部{p}人次")),
        (None, None) => {}
    }
    if clauses.is_empty() {
        return None;
    }
    Some(Section::new("严格组织生活").paragraph(format!(
        "{}，推动党内政治生活规范化、常态化。",
        clauses.join("，")
    )))
}

/// 三是打造党建品牌。持续擦亮“红心领航”“园企同心”等党建品牌，……
fn brands(config: &Config) -> Option<Section> {
    let brands = &config.brands;
    if brands.is_empty() {
        return None;
    }
    let names: String = brands
        .iter()
        .map(|b| format!("“{}”", b.name.trim()))
        .collect();
    let more = if brands.len() > 1 { "等" } else { "" };
    let mut text = format!("持续擦亮{names}{more}党建品牌");
    let themes: Vec<String> = brands
        .iter()
        .filter_map(|b| {
            let theme = b
                .theme
                .as_deref()?
                .trim()
                .trim_end_matches(['。', '；', '，']);
            (!theme.is_empty()).then(|| format!("“{}”{theme}", b.name.trim()))
        })
        .collect();
    if themes.is_empty() {
        text.push_str("，以高质量党建引领园区高质量发展。");
    } else {
        text.push_str(&format!("，{}。", themes.join("，")));
    }
    Some(Section::new("打造党建品牌").paragraph(text))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Brand, Highlight};
    use huibao_plugin_api::PeriodInfo;

    fn context() -> Context {
        Context {
            period: PeriodInfo {
                short_name: "上半年".into(),
                ..PeriodInfo::default()
            },
            ..Context::default()
        }
    }

    #[test]
    fn run_in_items_with_numbers() {
        let config = Config {
            organizations: Organizations {
                committees: Some(1),
                general_branches: Some(3),
                branches: Some(28),
                members: Some(612),
                new_members: Some(15),
                new_organizations: Some(4),
            },
            activities: Activities {
                meetings: Some(156),
                theme_days: Some(48),
                trainings: Some(12),
                trainees: Some(860),
            },
            brands: vec![
                Brand {
                    name: "红心领航".into(),
                    theme: Some("聚焦企业服务，组建党员先锋服务队32支".into()),
                },
                Brand {
                    name: "园企同心".into(),
                    theme: None,
                },
            ],
            highlights: vec![Highlight {
                title: "以党建促招商".into(),
                text: "依托产业链党建联盟，促成签约项目6个。".into(),
            }],
            ..Config::default()
        };
        let s = section(&config, &context());
        assert_eq!(s.numbering, Some(Numbering::RunIn));
        assert_eq!(s.items.len(), 4);
        assert_eq!(
            s.items[0].paragraphs[0],
            "园区现有党委1个、党总支3个、党支部28个，党员612名；上半年发展党员15名，新组建非公企业和社会组织党组织4个，党的组织和工作覆盖面持续扩大。"
        );
        assert_eq!(
            s.items[1].paragraphs[0],
            "深入开展“三会一课”，上半年累计召开支部党员大会、支委会、党小组会和讲党课156次，扎实开展主题党日活动48次，举办党员培训班12期、培训党员干部860人次，推动党内政治生活规范化、常态化。"
        );
        assert_eq!(
            s.items[2].paragraphs[0],
            "持续擦亮“红心领航”“园企同心”等党建品牌，“红心领航”聚焦企业服务，组建党员先锋服务队32支。"
        );
        assert_eq!(s.items[3].title.as_deref(), Some("以党建促招商"));
    }

    #[test]
    fn empty_parts_are_left_out() {
        let s = section(&Config::default(), &context());
        assert!(s.items.is_empty());
    }
}
