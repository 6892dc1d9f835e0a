//! A sheet's cells as the indicator reader sees them: values by absolute position, which
//! numbers were shown as percentages, and which cells are merged.

use huibao_core::model::CellRange;
use std::collections::{HashMap, HashSet};

/// A cell's content.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Value {
    /// Nothing in the cell.
    Empty,
    /// Text, as typed (numbers stored as text included: "48.65", "1,234.5").
    Text(String),
    /// A number; a percentage cell holds what it shows (12.4 for "12.4%").
    Number(f64),
    /// Something no figure can be: a date, a time, an error value ("#DIV/0!"); the text
    /// says what the cell shows.
    Other(String),
}

impl Value {
    pub(crate) fn is_empty(&self) -> bool {
        match self {
            Value::Empty => true,
            Value::Text(t) => t.trim().is_empty(),
            _ => false,
        }
    }

    /// The text a person sees in the cell, for messages and header words.
    pub(crate) fn shown(&self) -> String {
        match self {
            Value::Empty => String::new(),
            Value::Text(t) | Value::Other(t) => t.clone(),
            Value::Number(n) => huibao_plugin_api::numbers::format_number(*n, None),
        }
    }
}

/// The cells of one sheet (or of the part of it that was asked for).
#[derive(Debug, Clone, Default)]
pub(crate) struct Grid {
    /// The cells that hold something, by absolute (row, column), 0-based.
    cells: HashMap<(u32, u32), Value>,
    /// Number cells formatted as percentages ("12.4%"); their value is already ×100.
    percent: HashSet<(u32, u32)>,
    /// Merged areas.
    merges: Vec<CellRange>,
    /// One past the last row and column that hold something.
    end: (u32, u32),
}

impl Grid {
    /// Puts a value in a cell (empty values are not kept).
    pub(crate) fn set(&mut self, at: (u32, u32), value: Value) {
        if value.is_empty() {
            return;
        }
        self.end = (self.end.0.max(at.0 + 1), self.end.1.max(at.1 + 1));
        self.cells.insert(at, value);
    }

    /// Marks a number cell as shown as a percentage; its value must already be ×100.
    pub(crate) fn mark_percent(&mut self, at: (u32, u32)) {
        self.percent.insert(at);
    }

    /// Records a merged area.
    pub(crate) fn merge(&mut self, area: CellRange) {
        if area.first != area.last {
            self.merges.push(area);
        }
    }

    /// One past the last row and column that hold something.
    pub(crate) fn end(&self) -> (u32, u32) {
        self.end
    }

    /// The value at (row, column).
    pub(crate) fn get(&self, at: (u32, u32)) -> &Value {
        self.cells.get(&at).unwrap_or(&Value::Empty)
    }

    /// Whether the number at (row, column) is shown as a percentage.
    pub(crate) fn is_percent(&self, at: (u32, u32)) -> bool {
        self.percent.contains(&at)
    }

    /// The top-left cell of the merged area that covers `at`, when `at` is covered but
    /// is not that cell.
    pub(crate) fn merged_from(&self, at: (u32, u32)) -> Option<(u32, u32)> {
        self.merges
            .iter()
            .find(|m| {
                (m.first.0..=m.last.0).contains(&at.0) && (m.first.1..=m.last.1).contains(&at.1)
            })
            .map(|m| m.first)
            .filter(|&first| first != at)
    }

    /// The value shown at `at`, a merged area's value included: what a person reading the
    /// printed sheet sees there.
    pub(crate) fn seen(&self, at: (u32, u32)) -> &Value {
        match self.get(at) {
            Value::Empty => self
                .merged_from(at)
                .map_or(&Value::Empty, |from| self.get(from)),
            v => v,
        }
    }

    /// The value at `at`, or a value merged down into it from a cell above in the same
    /// column (a unit written once for several rows). Merges across columns are not
    /// followed: a name merged over the unit column is no unit.
    pub(crate) fn seen_down(&self, at: (u32, u32)) -> (&Value, (u32, u32)) {
        match (self.get(at), self.merged_from(at)) {
            (Value::Empty, Some(from)) if from.1 == at.1 => (self.get(from), from),
            (v, _) => (v, at),
        }
    }

    /// Keeps only the cells inside `area`.
    pub(crate) fn keep_only(&mut self, area: CellRange) {
        let inside = |at: &(u32, u32)| {
            (area.first.0..=area.last.0).contains(&at.0)
                && (area.first.1..=area.last.1).contains(&at.1)
        };
        self.cells.retain(|at, _| inside(at));
        self.percent.retain(inside);
        self.end = self
            .cells
            .keys()
            .fold((0, 0), |end, at| (end.0.max(at.0 + 1), end.1.max(at.1 + 1)));
    }
}

/// "C7" for 0-based (6, 2).
pub(crate) fn address(at: (u32, u32)) -> String {
    format!("{}{}", column_name(at.1), at.0 + 1)
}

/// "A", "Z", "AA" for 0-based columns 0, 25, 26.
pub(crate) fn column_name(column: u32) -> String {
    let mut n = column + 1;
    let mut letters = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(char::from(b'A' + rem as u8));
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_as_spreadsheets_write_them() {
        assert_eq!(address((6, 2)), "C7");
        assert_eq!(address((0, 0)), "A1");
        assert_eq!(column_name(25), "Z");
        assert_eq!(column_name(26), "AA");
        assert_eq!(column_name(16_383), "XFD");
        for text in ["A1:C7", "Z3:AA10", "XFC1:XFD1048576"] {
            let r = CellRange::parse(text).unwrap();
            assert_eq!(format!("{}:{}", address(r.first), address(r.last)), text);
        }
    }

    #[test]
    fn merged_cells_show_their_value_where_a_reader_sees_it() {
        let mut g = Grid::default();
        g.set((2, 2), Value::Text("1-6月".into()));
        g.merge(CellRange::parse("C3:E3").unwrap());
        g.set((4, 1), Value::Text("亿元".into()));
        g.merge(CellRange::parse("B5:B7").unwrap());
        g.set((4, 0), Value::Text("营业收入".into()));
        g.merge(CellRange::parse("A5:B5").unwrap());
        assert_eq!(g.seen((2, 4)), &Value::Text("1-6月".into()));
        assert_eq!(g.seen_down((6, 1)), (&Value::Text("亿元".into()), (4, 1)));
        // A merge across columns is not a value of the next column.
        assert_eq!(g.seen_down((4, 1)).0, &Value::Text("亿元".into()));
        let mut g2 = g.clone();
        g2.keep_only(CellRange::parse("B4:E9").unwrap());
        assert_eq!(g2.get((4, 0)), &Value::Empty);
        assert_eq!(g2.end(), (5, 2));
    }
}
