//! Finding the indicator table's header: the row (or two rows) whose words name the
//! columns — 指标名称, 单位, 本期 or 1-6月, 上年同期, 同比增长, 全年目标, 完成率 — below a
//! title and above the figures.

use crate::grid::{Grid, Value};
use huibao_core::chars::half_width_alphanumeric;

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    /// 指标名称, 指标, 项目.
    Name,
    /// 单位, 计量单位.
    Unit,
    /// This period's figure: 本期, 本年累计, 1-6月, 1-9月, 全年 …
    Value,
    /// 上年同期.
    Previous,
    /// 同比增长 (a rate in %, or in 个百分点 for a figure in %).
    Growth,
    /// 全年目标, 目标.
    Target,
    /// 完成率 (of the target, in %).
    Completion,
}

/// A column of the table and the header words that name it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Column {
    pub(crate) role: Role,
    /// 0-based column.
    pub(crate) column: u32,
    /// The header cell (the upper one of a two-row header).
    pub(crate) cell: (u32, u32),
    /// The header words as written (both rows of a two-row header).
    pub(crate) words: String,
    /// A unit in the header: "本期（亿元）" → 亿元.
    pub(crate) unit: Option<String>,
}

/// The header of an indicator table.
#[derive(Debug, Clone)]
pub(crate) struct Header {
    /// The last row of the header: the figures start below it.
    pub(crate) last_row: u32,
    pub(crate) name: Column,
    pub(crate) value: Column,
    pub(crate) unit: Option<Column>,
    pub(crate) previous: Option<Column>,
    pub(crate) growth: Option<Column>,
    pub(crate) target: Option<Column>,
    pub(crate) completion: Option<Column>,
    /// Columns of this period's figures not read (本月 beside 1-6月累计).
    pub(crate) ignored: Vec<Column>,
    /// "单位：万元" written above the table, and where.
    pub(crate) unit_line: Option<(String, (u32, u32))>,
}

impl Header {
    /// The columns read, in role order.
    pub(crate) fn columns(&self) -> impl Iterator<Item = &Column> {
        [
            Some(&self.name),
            self.unit.as_ref(),
            Some(&self.value),
            self.previous.as_ref(),
            self.growth.as_ref(),
            self.target.as_ref(),
            self.completion.as_ref(),
        ]
        .into_iter()
        .flatten()
    }
}

/// How far down a header is looked for.
const SEARCH_ROWS: u32 = 40;
/// Longer cells are titles or notes, not header words.
const MAX_HEADER_CHARS: usize = 24;

/// Header words compared without spaces, with full-width forms made half-width and
/// every dash written "-": "１—６月" → "1-6月", "同比增长（％）" → "同比增长(%)".
pub(crate) fn normalize(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        let c = match half_width_alphanumeric(c).unwrap_or(c) {
            '（' => '(',
            '）' => ')',
            '：' => ':',
            '—' | '–' | '－' | '~' | '～' | '〜' | '‐' => '-',
            c if c.is_whitespace() => continue,

            c => c,
        };
        out.push(c);
    }
    // "1至6月" is "1-6月".
    let chars: Vec<char> = out.chars().collect();
    chars
        .iter()
        .enumerate()
        .map(|(i, &c)| {
            let digits_around = i > 0
                && chars[i - 1].is_ascii_digit()
                && chars.get(i + 1).is_some_and(char::is_ascii_digit);
            if c == '至' && digits_around {
                '-'
            } else {
                c
            }
        })
        .collect()
}

fn has(words: &str, any: &[&str]) -> bool {
    any.iter().any(|w| words.contains(w))
}

/// The role header words give a column.
pub(crate) fn classify(words: &str) -> Option<Role> {
    let w = normalize(words);
    if w.is_empty() || w.chars().count() > MAX_HEADER_CHARS {
        return None;
    }
    if has(&w, &["增长", "增速", "增幅", "增减", "同比", "比上年", "±"]) {
        // 增减额, 增加量: an absolute change, not a rate.
        return (!has(&w, &["额", "量"])).then_some(Role::Growth);
    }
    if has(&w, &["上年同期", "去年同期", "上年", "去年"]) {
        return Some(Role::Previous);
    }
    if has(
        &w,
        &["完成率", "完成全年", "完成目标", "占全年", "占目标", "进度"],
    ) {
        return Some(Role::Completion);
    }
    if has(&w, &["目标", "计划", "任务"]) {
        return Some(Role::Target);
    }
    if w.starts_with("单位") || w.starts_with("计量单位") {
        return Some(Role::Unit);
    }
    if has(&w, &["指标", "项目", "名称"]) {
        return Some(Role::Name);
    }
    let period_words = [
        "本期", "本年", "累计", "本月", "完成", "实际", "绝对", "数值", "数额", "金额", "全年",
        "半年", "季度",
    ];
    if has(&w, &period_words) || months(&w).is_some() || year(&w).is_some() {
        return Some(Role::Value);
    }
    None
}

/// The months a period header names: "1-6月" → (1, 6), "上半年" → (1, 6), "前三季度" →
/// (1, 9), "全年" → (1, 12).
pub(crate) fn months(words: &str) -> Option<(u8, u8)> {
    let w = normalize(words);
    for (word, range) in [
        ("上半年", (1, 6)),
        ("下半年", (7, 12)),
        ("前三季度", (1, 9)),
        ("第一季度", (1, 3)),
        ("一季度", (1, 3)),
        ("第二季度", (4, 6)),
        ("二季度", (4, 6)),
        ("第三季度", (7, 9)),
        ("三季度", (7, 9)),
        ("第四季度", (10, 12)),
        ("四季度", (10, 12)),
        ("全年", (1, 12)),
    ] {
        if w.contains(word) && !w.contains("全年目标") {
            return Some(range);
        }
    }
    // "1-6月": digits, a dash, digits, 月.
    let chars: Vec<char> = w.chars().collect();
    for (i, _) in chars.iter().enumerate().filter(|(_, &c)| c == '月') {
        let mut j = i;
        let second = take_digits_back(&chars, &mut j)?;
        if j > 0 && chars[j - 1] == '-' {
            j -= 1;
            if let Some(first) = take_digits_back(&chars, &mut j) {
                if (1..=12).contains(&first) && (first..=12).contains(&second) {
                    return Some((first, second));
                }
            }
        }
    }
    None
}

fn take_digits_back(chars: &[char], at: &mut usize) -> Option<u8> {
    let end = *at;
    while *at > 0 && chars[*at - 1].is_ascii_digit() {
        *at -= 1;
    }
    let digits: String = chars[*at..end].iter().collect();
    (!digits.is_empty() && digits.len() <= 2)
        .then(|| digits.parse().ok())
        .flatten()
}

/// A year in header words: "2022年1-6月" → 2022.
pub(crate) fn year(words: &str) -> Option<i32> {
    let w = normalize(words);
    let at = w.find('年')?;
    let digits: String = w[..at]
        .chars()
        .rev()
        .take_while(char::is_ascii_digit)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    (digits.len() == 4).then(|| digits.parse().ok()).flatten()
}

/// A unit in parentheses at the end of header words or a name: "营业收入（亿元）" →
/// ("营业收入", "亿元"); only a word that is a unit ("固定资产投资（不含农户）" has none).
pub(crate) fn unit_suffix(text: &str) -> Option<(String, String)> {
    let t = text.trim();
    let (open, close) = if t.ends_with('）') {
        ('（', '）')
    } else if t.ends_with(')') {
        ('(', ')')
    } else {
        return None;
    };
    let start = t.rfind(open)?;
    let inner = t[start + open.len_utf8()..t.len() - close.len_utf8()].trim();
    is_unit(inner).then(|| (t[..start].trim().to_string(), inner.to_string()))
}

/// Whether a word is a unit of a figure: 亿元, 万元, %, 个, 家, 万平方米 …
pub(crate) fn is_unit(word: &str) -> bool {
    const UNITS: [&str; 40] = [
        "%",
        "％",
        "个",
        "家",
        "项",
        "亩",
        "万亩",
        "人",
        "万人",
        "人次",
        "万人次",
        "名",
        "吨",
        "万吨",
        "米",
        "公里",
        "千米",
        "平方米",
        "万平方米",
        "平方公里",
        "公顷",
        "立方米",
        "万立方米",
        "千瓦",
        "万千瓦",
        "千瓦时",
        "万千瓦时",
        "亿千瓦时",
        "件",
        "户",
        "台",
        "套",
        "座",
        "辆",
        "艘",
        "标箱",
        "万标箱",
        "个百分点",
        "宗",
        "批",
    ];
    let w = word.trim();
    UNITS.contains(&w) || (w.ends_with('元') && (1..=4).contains(&w.chars().count()))
}

/// The header words of a cell, merged areas followed: a title or a number is none.
fn words_at(grid: &Grid, at: (u32, u32)) -> String {
    match grid.seen(at) {
        Value::Text(t) => t.trim().to_string(),
        _ => String::new(),
    }
}

/// Finds the header: the first row, from the top, with a name column and a column of
/// this period's figures (or of last year's, a rate or a target), and the row below it
/// when that row is the lower half of a two-row header.
pub(crate) fn find(grid: &Grid) -> Option<Header> {
    let (rows, columns) = grid.end();
    let top = (0..rows).find(|&r| (0..columns).any(|c| !grid.get((r, c)).is_empty()))?;
    for r in top..rows.min(top + SEARCH_ROWS) {
        let roles: Vec<Option<Role>> = (0..columns)
            .map(|c| classify(&words_at(grid, (r, c))))
            .collect();
        let named = roles.contains(&Some(Role::Name));
        let figured = roles.iter().any(|role| {
            matches!(
                role,
                Some(Role::Value | Role::Previous | Role::Growth | Role::Target)
            )
        });
        if !(named && figured) {
            continue;
        }
        let below = r + 1;
        let two_rows = below < rows
            && (0..columns).all(|c| !matches!(grid.get((below, c)), Value::Number(_)))
            && (0..columns)
                .filter(|&c| {
                    let w = words_at(grid, (below, c));
                    w != words_at(grid, (r, c)) && classify(&w).is_some()
                })
                .count()
                >= 1;
        let last_row = if two_rows { below } else { r };
        let columns: Vec<Column> = (0..columns)
            .filter_map(|c| {
                let upper = words_at(grid, (r, c));
                let lower = if two_rows {
                    words_at(grid, (below, c))
                } else {
                    String::new()
                };
                let words = if lower.is_empty() || lower == upper {
                    upper
                } else if upper.is_empty() {
                    lower
                } else {
                    format!("{upper}{lower}")
                };
                let role = classify(&words)?;
                let unit = unit_suffix(&normalize(&words))
                    .map(|(_, u)| u)
                    .filter(|u| u != "%");
                let cell = if words_at(grid, (r, c)).is_empty() {
                    (below, c)
                } else {
                    (r, c)
                };
                Some(Column {
                    role,
                    column: c,
                    cell,
                    words,
                    unit,
                })
            })
            .collect();
        return assemble(grid, columns, top, last_row);
    }
    None
}

/// Chooses one column per role.
fn assemble(grid: &Grid, columns: Vec<Column>, top: u32, last_row: u32) -> Option<Header> {
    let first = |role: Role| columns.iter().find(|c| c.role == role).cloned();
    let name = first(Role::Name)?;
    let mut previous = first(Role::Previous);
    let mut values: Vec<Column> = columns
        .iter()
        .filter(|c| c.role == Role::Value)
        .cloned()
        .collect();
    // Two years side by side ("2022年1-6月", "2021年1-6月"): the later is this period,
    // the year before is last year's when no column says 上年同期.
    let latest = values.iter().filter_map(|c| year(&c.words)).max();
    if let Some(latest) = latest {
        if previous.is_none() {
            if let Some(at) = values
                .iter()
                .position(|c| year(&c.words) == Some(latest - 1))
            {
                let mut c = values.remove(at);
                c.role = Role::Previous;
                previous = Some(c);
            }
        }
        if values.iter().any(|c| year(&c.words) == Some(latest)) {
            values.retain(|c| year(&c.words).is_none_or(|y| y == latest));
        }
    }
    // A cumulative column over 本期, over 本月.
    let rank = |c: &Column| {
        let w = normalize(&c.words);
        if has(&w, &["累计", "本年", "全年", "半年", "前三季度"])
            || months(&w).is_some_and(|m| m.0 != m.1)
        {
            0
        } else if has(&w, &["本月", "当月"]) {
            2
        } else {
            1
        }
    };
    let best = values.iter().min_by_key(|c| rank(c))?.clone();
    let ignored = values
        .into_iter()
        .filter(|c| c.column != best.column)
        .collect();
    let unit_line = (top..=last_row).find_map(|r| {
        (0..grid.end().1).find_map(|c| {
            let w = normalize(&words_at(grid, (r, c)));
            let unit = w
                .strip_prefix("单位:")
                .or_else(|| w.strip_prefix("计量单位:"))?;
            is_unit(unit).then(|| (unit.to_string(), (r, c)))
        })
    });
    Some(Header {
        last_row,
        name,
        value: best,
        unit: first(Role::Unit),
        previous,
        growth: first(Role::Growth),
        target: first(Role::Target),
        completion: first(Role::Completion),
        ignored,
        unit_line,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use huibao_core::model::CellRange;

    #[test]
    fn header_words() {
        for (words, role) in [
            ("指标名称", Role::Name),
            ("指  标", Role::Name),
            ("项目", Role::Name),
            ("单位", Role::Unit),
            ("计量单位", Role::Unit),
            ("本期", Role::Value),
            ("本年累计", Role::Value),
            ("1-6月", Role::Value),
            ("1—9月", Role::Value),
            ("１～６月完成", Role::Value),
            ("2022年1至6月", Role::Value),
            ("全年", Role::Value),
            ("上年同期", Role::Previous),
            ("1-6月上年同期", Role::Previous),
            ("同比增长（%）", Role::Growth),
            ("比上年同期增长(%)", Role::Growth),
            ("增速", Role::Growth),
            ("全年目标", Role::Target),
            ("目标", Role::Target),
            ("年度目标任务", Role::Target),
            ("完成率", Role::Completion),
            ("完成全年目标（%）", Role::Completion),
        ] {
            assert_eq!(classify(words), Some(role), "{words}");
        }
        for none in [
            "增减额",
            "备注",
            "",
            "金川经济技术开发区2022年1-6月主要经济指标完成情况",
        ] {
            assert_eq!(classify(none), None, "{none}");
        }
    }

    #[test]
    fn periods_and_units_in_words() {
        assert_eq!(months("1-6月"), Some((1, 6)));
        assert_eq!(months("2022年1－9月"), Some((1, 9)));
        assert_eq!(months("1-12月"), Some((1, 12)));
        assert_eq!(months("上半年"), Some((1, 6)));
        assert_eq!(months("全年目标"), None);
        assert_eq!(months("本期"), None);
        assert_eq!(year("2021年1-6月"), Some(2021));
        assert_eq!(year("1-6月"), None);
        assert_eq!(
            unit_suffix("营业收入（亿元）"),
            Some(("营业收入".into(), "亿元".into()))
        );
        assert_eq!(
            unit_suffix("研发投入强度(%)"),
            Some(("研发投入强度".into(), "%".into()))
        );
        assert_eq!(unit_suffix("固定资产投资（不含农户）"), None);
        assert_eq!(unit_suffix("营业收入"), None);
    }

    fn grid(rows: &[&[&str]]) -> Grid {
        let mut g = Grid::default();
        for (r, row) in rows.iter().enumerate() {
            for (c, text) in row.iter().enumerate() {
                let value = match text.parse::<f64>() {
                    Ok(n) => Value::Number(n),
                    Err(_) => Value::Text(text.to_string()),
                };
                g.set((r as u32, c as u32), value);
            }
        }
        g
    }

    #[test]
    fn the_header_below_a_title_and_a_unit_line() {
        let g = grid(&[
            &["金川经济技术开发区2022年1-6月主要经济指标完成情况"],
            &["", "", "", "", "单位：亿元"],
            &[
                "指标名称",
                "单位",
                "1-6月",
                "上年同期",
                "同比增长（%）",
                "全年目标",
                "完成率（%）",
            ],
            &["营业收入", "亿元", "48.65", "43.29", "12.4", "100", "48.7"],
        ]);
        let h = find(&g).unwrap();
        assert_eq!(h.last_row, 2);
        let roles: Vec<(Role, u32)> = h.columns().map(|c| (c.role, c.column)).collect();
        assert_eq!(
            roles,
            [
                (Role::Name, 0),
                (Role::Unit, 1),
                (Role::Value, 2),
                (Role::Previous, 3),
                (Role::Growth, 4),
                (Role::Target, 5),
                (Role::Completion, 6)
            ]
        );
        assert_eq!(h.unit_line, Some(("亿元".into(), (1, 4))));
    }

    #[test]
    fn a_two_row_header_under_merged_cells() {
        let mut g = grid(&[
            &["指标名称", "单位", "1-6月", "", "", "全年目标"],
            &["", "", "本期", "上年同期", "同比增长(%)", ""],
            &["营业收入", "亿元", "48.65", "43.29", "12.4", "100"],
        ]);
        for m in ["A1:A2", "B1:B2", "C1:E1", "F1:F2"] {
            g.merge(CellRange::parse(m).unwrap());
        }
        let h = find(&g).unwrap();
        assert_eq!(h.last_row, 1);
        assert_eq!(h.value.words, "1-6月本期");
        assert_eq!(h.previous.as_ref().unwrap().words, "1-6月上年同期");
        assert_eq!(h.growth.as_ref().unwrap().column, 4);
        assert_eq!(h.target.as_ref().unwrap().column, 5);
        assert_eq!(h.name.cell, (0, 0));
        // Without the merges (a CSV), the lower row's words alone name the columns.
        let g = grid(&[
            &["指标名称", "单位", "1-6月", "", "", "全年目标"],
            &["", "", "本期", "上年同期", "同比增长(%)", ""],
            &["营业收入", "亿元", "48.65", "43.29", "12.4", "100"],
        ]);
        let h = find(&g).unwrap();
        assert_eq!(h.value.words, "1-6月本期");
        assert_eq!(h.previous.as_ref().unwrap().words, "上年同期");
    }

    #[test]
    fn two_years_side_by_side_and_a_monthly_column() {
        let g = grid(&[
            &["指标", "单位", "2022年6月", "2022年1-6月", "2021年1-6月"],
            &["营业收入", "亿元", "9.1", "48.65", "43.29"],
        ]);
        let h = find(&g).unwrap();
        assert_eq!(h.value.column, 3);
        assert_eq!(h.previous.as_ref().unwrap().column, 4);
        assert_eq!(h.ignored.iter().map(|c| c.column).collect::<Vec<_>>(), [2]);
    }
}
