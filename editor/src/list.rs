//! A list of items as a report writes it — `[[achievements]]` tables, or an inline array
//! `items = [{ title = "…", text = "…" }, …]` — taken apart and put together in the form
//! the file already uses, keeping its layout (one item a line, or all on one).

use toml_edit::{Array, ArrayOfTables, Decor, InlineTable, Item, Table, TableLike, Value};

/// A list of items in the report.
pub(crate) enum List<'a> {
    /// `[[…]]` tables.
    Tables(&'a mut ArrayOfTables),
    /// An inline array of inline tables.
    Inline(&'a mut Array),
}

/// An item out of its list, in the form its list wrote it; put into a list of the other
/// form, it is written in that one.
pub(crate) enum Entry {
    /// A `[[…]]` table.
    Table(Table),
    /// An inline table.
    Inline(InlineTable),
}

impl Entry {
    fn into_table(self) -> Table {
        match self {
            Entry::Table(t) => t,
            Entry::Inline(t) => t.into_table(),
        }
    }

    fn into_inline(self) -> InlineTable {
        match self {
            Entry::Table(t) => t.into_inline_table(),
            Entry::Inline(t) => t,
        }
    }

    /// The item's own sub-items (`items`), made in the item's form when missing; `None`
    /// when `items` is something else.
    pub(crate) fn items(&mut self) -> Option<List<'_>> {
        match self {
            Entry::Table(t) => child_list(t, "items", false, true),
            Entry::Inline(t) => child_list(t, "items", true, true),
        }
    }
}

impl<'a> List<'a> {
    /// The list `item` holds: tables, or an array whose values are all inline tables.
    pub(crate) fn of(item: &'a mut Item) -> Option<List<'a>> {
        match item {
            Item::ArrayOfTables(list) => Some(List::Tables(list)),
            Item::Value(Value::Array(a)) if a.iter().all(Value::is_inline_table) => {
                Some(List::Inline(a))
            }
            _ => None,
        }
    }

    /// How many items it has.
    pub(crate) fn len(&self) -> usize {
        match self {
            List::Tables(list) => list.len(),
            List::Inline(a) => a.len(),
        }
    }

    /// Item `i`, and whether it is an inline table.
    pub(crate) fn get_mut(&mut self, i: usize) -> Option<(&mut dyn TableLike, bool)> {
        match self {
            List::Tables(list) => list.get_mut(i).map(|t| (t as &mut dyn TableLike, false)),
            List::Inline(a) => a
                .get_mut(i)
                .and_then(Value::as_inline_table_mut)
                .map(|t| (t as &mut dyn TableLike, true)),
        }
    }

    /// Item `i`, for as long as the list was borrowed.
    pub(crate) fn into_item(self, i: usize) -> Option<(&'a mut dyn TableLike, bool)> {
        match self {
            List::Tables(list) => list.get_mut(i).map(|t| (t as &mut dyn TableLike, false)),
            List::Inline(a) => a
                .get_mut(i)
                .and_then(Value::as_inline_table_mut)
                .map(|t| (t as &mut dyn TableLike, true)),
        }
    }

    /// Takes item `i` out (`i < len`).
    pub(crate) fn remove(&mut self, i: usize) -> Entry {
        match self {
            List::Tables(list) => Entry::Table(list.remove(i)),
            List::Inline(a) => match remove_value(a, i) {
                Value::InlineTable(mut t) => {
                    *t.decor_mut() = Decor::default();
                    Entry::Inline(t)
                }
                other => unreachable!("a list holds inline tables, not {other}"),
            },
        }
    }

    /// Puts `entry` in at `i` (`i <= len`).
    pub(crate) fn insert(&mut self, i: usize, entry: Entry) {
        match self {
            List::Tables(list) => list.insert(i, entry.into_table()),
            List::Inline(a) => keeping_layout(a, |a| {
                let mut t = entry.into_inline();
                *t.decor_mut() = Decor::default();
                a.insert(i, t);
            }),
        }
    }

    /// Puts `entry` at the end.
    pub(crate) fn push(&mut self, entry: Entry) {
        self.insert(self.len(), entry);
    }
}

/// Appends `v` to the array `a` laid out as it is (a table's row on its own line when
/// the rows are one a line).
pub(crate) fn push_value(a: &mut Array, mut v: Value) {
    *v.decor_mut() = Decor::default();
    keeping_layout(a, |a| a.push_formatted(v));
}

/// Takes element `i` out of the array `a`, a comment before it kept on its line.
pub(crate) fn remove_value(a: &mut Array, i: usize) -> Value {
    keeping_layout(a, |a| {
        let v = a.remove(i);
        carry_comment(a, i, v.decor());
        v
    })
}

/// The list at `key` of `table` (an inline table when `inline`), made in that form when
/// `make` and missing; `None` when missing (and not made) or not a list of tables.
pub(crate) fn child_list<'a>(
    table: &'a mut dyn TableLike,
    key: &str,
    inline: bool,
    make: bool,
) -> Option<List<'a>> {
    if make && table.get(key).is_none() {
        let made = if inline {
            Item::Value(Value::Array(Array::new()))
        } else {
            Item::ArrayOfTables(ArrayOfTables::new())
        };
        table.insert(key, made);
    }
    List::of(table.get_mut(key)?)
}

/// Runs `change` on `a` and lays out the items it added or moved as the array is written:
/// one a line, indented as the last item was, or all on one line, the first right after
/// the bracket.
fn keeping_layout<T>(a: &mut Array, change: impl FnOnce(&mut Array) -> T) -> T {
    let first = a.get(0).map(|v| v.decor().clone());
    let lines = a.iter().find_map(|v| {
        let p = prefix(v.decor());
        p.rfind('\n').map(|at| p[at + 1..].to_string())
    });
    let out = change(a);
    match lines {
        // One a line: an item without its own spacing gets the line break and indent.
        Some(indent) => {
            for v in a.iter_mut() {
                if v.decor().prefix().is_none() {
                    v.decor_mut().set_prefix(format!("\n{indent}"));
                    v.decor_mut().set_suffix("");
                }
            }
        }
        // One line: the first item's spacing stays first; the others are spaced as
        // toml_edit spaces them.
        None => {
            for (i, v) in a.iter_mut().enumerate() {
                match (&first, i) {
                    (Some(d), 0) => *v.decor_mut() = d.clone(),
                    _ if first.as_ref() == Some(v.decor()) || v.decor().prefix().is_none() => {
                        *v.decor_mut() = Decor::default();
                    }
                    _ => {}
                }
            }
        }
    }
    out
}

/// Puts the comment in `removed`'s spacing (the end of the line before it) before the item
/// now at `i`, or before the closing bracket.
fn carry_comment(a: &mut Array, i: usize, removed: &Decor) {
    let p = prefix(removed);
    let (Some(_), Some(end)) = (p.find('#'), p.rfind('\n')) else {
        return;
    };
    let comment = &p[..=end];
    match a.get_mut(i) {
        Some(next) => {
            let own = prefix(next.decor()).to_string();
            let own = own.strip_prefix('\n').unwrap_or(&own).to_string();
            next.decor_mut().set_prefix(format!("{comment}{own}"));
        }
        None => {
            let own = a.trailing().as_str().unwrap_or_default().to_string();
            let own = own.strip_prefix('\n').unwrap_or(&own).to_string();
            a.set_trailing(format!("{comment}{own}"));
        }
    }
}

fn prefix(decor: &Decor) -> &str {
    decor.prefix().and_then(|p| p.as_str()).unwrap_or_default()
}
