//! What a plugin is given: the section's config as JSON and the report's read-only context.

use super::schema::Step;
use huibao_core::Loaded;
use huibao_core::Resolved;
use huibao_plugin_api::{Context, IndicatorInfo, PeriodInfo};
use serde_json::Value;

/// The report facts every plugin of a report sees, from the resolved report.
pub(super) fn context(loaded: &Loaded, resolved: &Resolved, place: &str) -> Context {
    let p = &resolved.period;
    Context {
        organization: resolved.organization.clone(),
        title: resolved.title.clone(),
        period: PeriodInfo {
            code: loaded.report.report.period.get_ref().clone(),
            year: p.year,
            first_month: p.first_month,
            last_month: p.last_month,
            name: p.name.clone(),
            short_name: p.short_name.clone(),
            months: p.months.clone(),
            next: p.next.clone(),
        },
        date: loaded.date.iso(),
        date_text: loaded.date.chinese(),
        place: place.to_string(),
        indicators: loaded
            .report
            .indicators
            .iter()
            .map(|i| {
                let name = i.name.get_ref().clone();
                let f = resolved.figures.get(&name);
                IndicatorInfo {
                    value: i.value.get_ref().0,
                    unit: i.unit.trim().to_string(),
                    previous: i.previous.as_ref().map(|v| v.get_ref().0),
                    target: i.target.as_ref().map(|v| v.get_ref().0),
                    text: f.map(|f| f.value.clone()).unwrap_or_default(),
                    growth: f.and_then(|f| f.growth.clone()),
                    completion: f.and_then(|f| f.completion.clone()),
                    name,
                }
            })
            .collect(),
    }
}

/// Converts a TOML value to JSON: dates become strings ("2022-07-08"); a float that JSON
/// cannot hold (nan, inf) is an error at its path.
pub(super) fn toml_to_json(value: &toml::Value, path: &mut Vec<Step>) -> Result<Value, Vec<Step>> {
    Ok(match value {
        toml::Value::String(s) => Value::String(s.clone()),
        toml::Value::Integer(i) => Value::from(*i),
        toml::Value::Float(f) => match serde_json::Number::from_f64(*f) {
            Some(n) => Value::Number(n),
            None => return Err(path.clone()),
        },
        toml::Value::Boolean(b) => Value::Bool(*b),
        toml::Value::Datetime(d) => Value::String(d.to_string()),
        toml::Value::Array(items) => {
            let mut out = Vec::with_capacity(items.len());
            for (i, item) in items.iter().enumerate() {
                path.push(Step::Index(i));
                out.push(toml_to_json(item, path)?);
                path.pop();
            }
            Value::Array(out)
        }
        toml::Value::Table(t) => {
            let mut out = serde_json::Map::new();
            for (k, v) in t {
                path.push(Step::Key(k.clone()));
                out.insert(k.clone(), toml_to_json(v, path)?);
                path.pop();
            }
            Value::Object(out)
        }
    })
}
