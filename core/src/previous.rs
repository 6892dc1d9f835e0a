//! Carrying last period's report forward: indicators without `previous` take last
//! year's same-period figures from it, and each item of its plan is matched to this
//! period's work done by wording, so forgotten promises show up as warnings.

use crate::chars::is_han;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::load::Loaded;
use crate::model::{Item, Number};
use crate::period::Period;
use huibao_i18n::msg;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

/// Similarity (cosine of weighted character bigrams) above which a plan item counts as
/// reported on.
pub(crate) const MATCH_THRESHOLD: f64 = 0.12;

/// Applies last period's report to `loaded`: fills missing `previous` values of
/// indicators (when the periods line up) and returns warnings, one per plan item of last
/// period that this period's work done does not mention. `previous_path` (the
/// `--previous` flag, relative to the working directory) wins over `previous = "…"` in
/// `[report]` (relative to the report). Without either, nothing happens.
pub fn carry_forward(
    loaded: &mut Loaded,
    previous_path: Option<&Path>,
) -> Result<Vec<Diagnostic>, Diagnostics> {
    carry_forward_with(loaded, previous_path, |p| {
        crate::load_as(p, crate::input::Kind::PreviousReport)
    })
}

/// [`carry_forward`], loading last period's report with `load_previous`: a caller that
/// completes a report after loading (the pipeline reads `[indicators] from`) completes
/// last period's the same way.
pub fn carry_forward_with(
    loaded: &mut Loaded,
    previous_path: Option<&Path>,
    load_previous: impl FnOnce(&Path) -> Result<Loaded, Diagnostics>,
) -> Result<Vec<Diagnostic>, Diagnostics> {
    let from_report = loaded.report.report.previous.clone();
    let path: PathBuf = match (previous_path, &from_report) {
        (Some(p), _) => p.to_path_buf(),
        (None, Some(p)) => {
            let base = loaded.file.path.parent().unwrap_or(Path::new(""));
            base.join(p.get_ref())
        }
        (None, None) => return Ok(Vec::new()),
    };
    let last = load_previous(&path).map_err(|mut d| {
        let mut first = Diagnostic::error(msg!("previous-unusable", path = path.display()))
            .with_help(msg!("previous-unusable-help"));
        // A file that is no report is named, never quoted: what it holds is none of
        // this report's business (`previous = "/etc/passwd"`).
        let not_a_report =
            d.0.iter()
                .filter_map(|d| d.file.as_ref())
                .any(|f| !f.text.is_empty() && !looks_like_report(&f.text));
        if not_a_report {
            first.message = msg!("previous-not-a-report", path = path.display());
            first.help = Some(msg!("previous-not-a-report-help"));
            d.0.clear();
        }
        if let (None, Some(p)) = (previous_path, &from_report) {
            first = first
                .at(&loaded.file, p.span())
                .with_label(msg!("previous-this-file"));
        }
        d.0.insert(0, first);
        d
    })?;
    let mut warnings = fill_previous(loaded, &last);
    warnings.extend(plan_follow_up(loaded, &last));
    Ok(warnings)
}

/// Whether `text` reads as a report: it has a `[report]` table header.
fn looks_like_report(text: &str) -> bool {
    text.lines().any(|line| {
        line.trim_start()
            .strip_prefix('[')
            .and_then(|rest| rest.trim_start().strip_prefix("report"))
            .is_some_and(|rest| rest.trim_start().starts_with(']'))
    })
}

/// The same months one year earlier.
pub(crate) fn year_before(p: &Period) -> Period {
    match *p {
        Period::Year(y) => Period::Year(y - 1),
        Period::Half(y, h) => Period::Half(y - 1, h),
        Period::Quarter(y, q) => Period::Quarter(y - 1, q),
        Period::Months(y, a, b) => Period::Months(y - 1, a, b),
    }
}

/// Sets `previous` of every indicator that lacks one from the same-named indicator of
/// `last`, when `last` covers the same months one year earlier.
pub(crate) fn fill_previous(loaded: &mut Loaded, last: &Loaded) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let wanted = year_before(&loaded.period.normalized());
    let missing = loaded
        .report
        .indicators
        .iter()
        .any(|i| i.previous.is_none());
    if !missing {
        return out;
    }
    if last.period.normalized() != wanted {
        out.push(
            Diagnostic::warning(msg!(
                "previous-wrong-period",
                covers = last.period.normalized().name(),
                wanted = wanted.name()
            ))
            .with_help(msg!("previous-wrong-period-help", wanted = wanted.name())),
        );
        return out;
    }
    let by_name: HashMap<String, &crate::model::Indicator> = last
        .report
        .indicators
        .iter()
        .map(|i| (normalize_name(i.name.get_ref()), i))
        .collect();
    for ind in loaded
        .report
        .indicators
        .iter_mut()
        .filter(|i| i.previous.is_none())
    {
        let Some(old) = by_name.get(&normalize_name(ind.name.get_ref())) else {
            continue;
        };
        let value = old.value.get_ref().0;
        let value_now = ind.value.get_ref().0;
        match convert(value, &old.unit, &ind.unit) {
            // A figure that gives no printable change (converted past the largest exact
            // number, or a rate with no printed form) is not carried.
            Some(v)
                if !crate::indicator::printable(v)
                    || (v != 0.0
                        && crate::indicator::growth_change(value_now, &ind.unit, v).is_none()) =>
            {
                out.push(
                    Diagnostic::warning(msg!(
                        "previous-no-printable-growth",
                        name = ind.name.get_ref(),
                        value = value.to_string(),
                        unit = old.unit.trim()
                    ))
                    .at(&loaded.file, ind.name.span())
                    .with_help(msg!("previous-set-by-hand-help")),
                )
            }
            Some(v) => {
                ind.previous = Some(toml::Spanned::new(ind.value.span(), Number(v)));
            }
            None => out.push(
                Diagnostic::warning(msg!(
                    "previous-unit-differs",
                    name = ind.name.get_ref(),
                    unit = ind.unit.trim(),
                    previous_unit = old.unit.trim()
                ))
                .at(&loaded.file, ind.name.span())
                .with_help(msg!("previous-unit-differs-help")),
            ),
        }
    }
    out
}

fn normalize_name(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Converts between units of money and area that differ only by a factor.
fn convert(value: f64, from: &str, to: &str) -> Option<f64> {
    let (from, to) = (from.trim(), to.trim());
    if from == to {
        return Some(value);
    }
    let scale = |u: &str| -> Option<(&'static str, f64)> {
        Some(match u {
            "元" => ("元", 1.0),
            "千元" => ("元", 1e3),
            "万元" => ("元", 1e4),
            "亿元" => ("元", 1e8),
            "美元" => ("美元", 1.0),
            "万美元" => ("美元", 1e4),
            "亿美元" => ("美元", 1e8),
            "平方米" => ("平方米", 1.0),
            "万平方米" => ("平方米", 1e4),
            _ => return None,
        })
    };
    let (a, fa) = scale(from)?;
    let (b, fb) = scale(to)?;
    (a == b).then_some(value * fa / fb)
}

/// One warning per item of `last`'s plan that nothing in this period's work done matches.
pub(crate) fn plan_follow_up(loaded: &Loaded, last: &Loaded) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let plan = &last.report.plan;
    if plan.is_empty() {
        return out;
    }
    let covered = last.period.next();
    let (c0, c1) = covered.months();
    let (t0, t1) = loaded.period.months();
    let overlaps = covered.year() == loaded.period.year() && c0 <= t1 && t0 <= c1;
    if !overlaps {
        out.push(
            Diagnostic::warning(msg!(
                "previous-plan-period",
                planned = covered.name(),
                covers = loaded.period.normalized().name()
            ))
            .with_help(msg!("previous-plan-period-help")),
        );
    }
    let mut done: Vec<String> = Vec::new();
    for item in &loaded.report.achievements {
        collect(item, &mut done);
    }
    if let Some(s) = &loaded.report.summary {
        done.push(s.text.get_ref().clone());
    }
    let promises: Vec<String> = plan.iter().map(item_text).collect();
    let matches = match_items(&promises, &done);
    for (item, m) in plan.iter().zip(matches) {
        if m.is_some() {
            continue;
        }
        let title = item
            .title
            .as_ref()
            .map(|t| t.get_ref().trim().to_string())
            .unwrap_or_else(|| item_text(item).chars().take(20).collect());
        let mut d = Diagnostic::warning(msg!("previous-plan-item", title = title))
            .with_label(msg!("previous-plan-item-label"))
            .with_help(msg!("previous-plan-item-help"));
        if let Some(span) = item
            .title
            .as_ref()
            .map(|t| t.span())
            .or_else(|| item.text.as_ref().map(|t| t.span()))
        {
            d = d.at(&last.file, span);
        }
        out.push(d);
    }
    out
}

fn item_text(item: &Item) -> String {
    let mut s = String::new();
    if let Some(t) = &item.title {
        s.push_str(t.get_ref());
        s.push('。');
    }
    if let Some(t) = &item.text {
        s.push_str(t.get_ref());
    }
    for child in &item.items {
        s.push_str(&item_text(child));
    }
    s
}

fn collect(item: &Item, out: &mut Vec<String>) {
    out.push(item_text(item));
    for child in &item.items {
        collect(child, out);
    }
}

/// Character bigrams of the Chinese runs of `s` (no bigram spans punctuation), and
/// Latin/digit words ("TCL", "5G") as single terms.
pub(crate) fn bigrams(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let chars: Vec<char> = s.chars().collect();
    for w in chars.windows(2) {
        if is_han(w[0]) && is_han(w[1]) {
            out.push(w.iter().collect());
        }
    }
    let mut word = String::new();
    for &c in chars.iter().chain(std::iter::once(&' ')) {
        if c.is_ascii_alphanumeric() {
            word.push(c);
        } else if !word.is_empty() {
            if word.chars().any(|c| c.is_ascii_alphabetic()) {
                out.push(word.to_uppercase());
            }
            word.clear();
        }
    }
    out
}

/// Bigrams so common in work reports that they say nothing about the subject.
const STOP: [&str; 24] = [
    "工作",
    "推进",
    "加强",
    "进一步",
    "全力",
    "加快",
    "持续",
    "积极",
    "推动",
    "开展",
    "继续",
    "深入",
    "做好",
    "提升",
    "相关",
    "强化",
    "完善",
    "不断",
    "全面",
    "重点",
    "我区",
    "园区",
    "今年",
    "以来",
];

/// For each promise, the index of the best matching report text, if similar enough.
/// Similarity is the cosine of bigram vectors weighted by inverse document frequency over
/// all texts, so words every paragraph uses count little.
pub(crate) fn match_items(promises: &[String], reports: &[String]) -> Vec<Option<usize>> {
    let stop: HashSet<String> = STOP.iter().flat_map(|w| bigrams(w)).collect();
    let bags = |texts: &[String]| -> Vec<HashMap<String, f64>> {
        texts
            .iter()
            .map(|t| {
                let mut m = HashMap::new();
                for b in bigrams(t).into_iter().filter(|b| !stop.contains(b)) {
                    *m.entry(b).or_insert(0.0) += 1.0;
                }
                m
            })
            .collect()
    };
    let p = bags(promises);
    let r = bags(reports);
    let n = (p.len() + r.len()) as f64;
    let mut df: HashMap<&str, f64> = HashMap::new();
    for bag in p.iter().chain(r.iter()) {
        for k in bag.keys() {
            *df.entry(k.as_str()).or_insert(0.0) += 1.0;
        }
    }
    let weigh = |bag: &HashMap<String, f64>| -> HashMap<String, f64> {
        bag.iter()
            .map(|(k, tf)| {
                let idf = (1.0 + n / df.get(k.as_str()).copied().unwrap_or(1.0)).ln();
                (k.clone(), tf.sqrt() * idf)
            })
            .collect()
    };
    let pw: Vec<_> = p.iter().map(weigh).collect();
    let rw: Vec<_> = r.iter().map(weigh).collect();
    pw.iter()
        .map(|a| {
            rw.iter()
                .enumerate()
                .map(|(i, b)| (i, cosine(a, b)))
                .filter(|(_, s)| *s >= MATCH_THRESHOLD)
                .max_by(|x, y| x.1.total_cmp(&y.1))
                .map(|(i, _)| i)
        })
        .collect()
}

/// Cosine similarity of two sparse vectors.
pub(crate) fn cosine(a: &HashMap<String, f64>, b: &HashMap<String, f64>) -> f64 {
    let dot: f64 = a.iter().filter_map(|(k, x)| b.get(k).map(|y| x * y)).sum();
    let norm = |v: &HashMap<String, f64>| v.values().map(|x| x * x).sum::<f64>().sqrt();
    let d = norm(a) * norm(b);
    if d == 0.0 {
        0.0
    } else {
        dot / d
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn realistic_plan_and_work_pairs() {
        // Plan of 2022 H1 (sample A), and the work reported for 2022 H2.
        let plan = s(&[
            "全力推进项目落地。继续加强与相关职能部门的协调沟通，做好项目跟踪服务工作，协助相关项目尽快办理审批落地手续。下大力气解决好招商引资项目推进中土地、规划等问题，保障项目顺利实施。",
            "强化项目服务管理。继续推进干部包联企业制度及定期联系企业走访制度，加强调查研究，坚持“一企一策”精准扶持，围绕企业发展面临的经济转型、资金短缺、用工招工难等问题提供精准服务。",
            "办好地区品牌活动。今年将继续举办“第三届创新青城院士论坛”和“走进中科院企业家和科学家面对面”活动，进一步推动我区科研成果转化。",
            "设立园区产业母基金。加快设立园区产业母基金及专项基金，力争年底完成母基金搭建，适时发行一期基金产品。",
        ]);
        let work = s(&[
            "项目落地提速。协调自然资源局等部门，帮助中国石化总部基地、铁甲机器人等项目办结土地规划和审批手续，项目跟踪服务实现全覆盖，8个项目落地开工。",
            "为企服务走深走实。落实干部包联企业制度，走访企业120家次，按照“一企一策”帮助企业解决资金短缺、用工难等问题46个。",
            "品牌活动影响扩大。成功举办第三届创新青城院士论坛，邀请院士6位，促成科研成果转化项目3个；组织“走进中科院”企业家和科学家面对面活动。",
            "安全生产常抓不懈。开展安全生产培训会三次，排查隐患全部整改。",
        ]);
        let m = match_items(&plan, &work);
        assert_eq!(m, vec![Some(0), Some(1), Some(2), None]);
    }

    #[test]
    fn unrelated_texts_do_not_match() {
        let plan = s(&["加快推进污水处理厂建设，完成管网改造。"]);
        let work = s(&[
            "举办银企对接会，帮助企业解决贷款问题。",
            "完成人才公寓装修。",
        ]);
        assert_eq!(match_items(&plan, &work), vec![None]);
    }

    #[test]
    fn bigrams_skip_punctuation_and_keep_latin_words() {
        assert_eq!(
            bigrams("项目落地，TCL签约5G"),
            ["项目", "目落", "落地", "签约", "TCL", "5G"].map(String::from)
        );
    }

    #[test]
    fn units_convert() {
        assert_eq!(convert(1.5, "亿元", "万元"), Some(15000.0));
        assert_eq!(convert(15000.0, "万元", "亿元"), Some(1.5));
        assert_eq!(convert(3.0, "个", "个"), Some(3.0));
        assert_eq!(convert(3.0, "个", "家"), None);
        assert_eq!(convert(3.0, "亿元", "万美元"), None);
        assert_eq!(year_before(&Period::Half(2023, 1)), Period::Half(2022, 1));
    }
}
