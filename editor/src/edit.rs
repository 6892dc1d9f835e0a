//! Edits of a report TOML through toml_edit: a value set at a path, an item inserted,
//! deleted, moved or indented. What an edit does not touch stays byte for byte.

use crate::list::{child_list, Entry, List};
use huibao_i18n::{msg, Message};
use serde::Deserialize;
use std::fmt;
use toml_edit::{ArrayOfTables, DocumentMut, Item, Table, TableLike, Value};

/// One step of a path into the report: a key or an index into a list.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(untagged)]
pub enum Step {
    /// An index into a list: `achievements[2]`.
    Index(usize),
    /// A key of a table: `report`, `title`.
    Key(String),
}

impl fmt::Display for Step {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Step::Index(i) => write!(f, "[{i}]"),
            Step::Key(k) => write!(f, ".{k}"),
        }
    }
}

/// A path into the report: `["indicators", 2, "value"]`.
pub type Path = Vec<Step>;

/// One change to the report, as the editor's page sends it.
#[derive(Debug, Clone, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum Edit {
    /// Sets the value at `path` (tables on the way are made); `null` (or an empty text)
    /// removes the key. With `raw`, the value is TOML as written: a number keeps its
    /// digits ("123.50"), a date is a date ("2022-07-08").
    Set {
        /// Where.
        path: Path,
        /// The value (text, number, true/false, a list of texts), or null.
        #[serde(default)]
        value: serde_json::Value,
        /// The value as TOML text, used instead of `value`.
        #[serde(default)]
        raw: Option<String>,
    },
    /// Inserts a new item (a table with the given keys) into the list `path` at `index`
    /// (default: at its end), making the list when it is missing.
    Insert {
        /// The list: `["achievements"]`, `["achievements", 0, "items"]`.
        path: Path,
        /// Where in it.
        #[serde(default)]
        index: Option<usize>,
        /// The new item's keys and values.
        #[serde(default)]
        value: serde_json::Map<String, serde_json::Value>,
    },
    /// Removes the list item at `path`.
    Delete {
        /// The item: `["plan", 1]`.
        path: Path,
    },
    /// Moves the list item at `path` by `by` places (-1 up, 1 down).
    Move {
        /// The item.
        path: Path,
        /// How far.
        by: i64,
    },
    /// Makes the item at `path` the last sub-item of the one before it.
    Indent {
        /// The item.
        path: Path,
    },
    /// Makes the sub-item at `path` an item of its parent's list, after its parent; the
    /// sub-items after it become its own last sub-items, so the order of the document
    /// stays as it was (as Word outdents a list item).
    Outdent {
        /// The item.
        path: Path,
    },
}

/// Why an edit could not be made (a catalog message naming the path).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EditError(pub Message);

impl fmt::Display for EditError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl std::error::Error for EditError {}

fn err<T>(message: Message) -> Result<T, EditError> {
    Err(EditError(message))
}

fn show(path: &[Step]) -> String {
    path.iter().map(|s| s.to_string()).collect()
}

/// Applies `edit` to `doc`. On an error the document is unchanged.
pub fn apply(doc: &mut DocumentMut, edit: &Edit) -> Result<(), EditError> {
    let mut copy = doc.clone();
    apply_in(&mut copy, edit)?;
    if matches!(edit, Edit::Set { .. }) {
        *doc = copy;
    } else {
        // Structural edits move tables: the file shows them in their new order.
        order_tables(&mut copy);
        *doc = copy;
    }
    Ok(())
}

fn apply_in(doc: &mut DocumentMut, edit: &Edit) -> Result<(), EditError> {
    match edit {
        Edit::Set { path, value, raw } => {
            let new = match raw {
                Some(raw) if raw.trim().is_empty() => None,
                Some(raw) => Some(parse_raw(raw)?),
                None => to_toml(value)?,
            };
            set(doc.as_table_mut(), path, new)
        }
        Edit::Insert { path, index, value } => {
            let mut table = Table::new();
            for (k, v) in value {
                if let Some(v) = to_toml(v)? {
                    table.insert(k, Item::Value(v));
                }
            }
            let mut list = list_at(doc.as_table_mut(), path, true)?;
            let at = index.unwrap_or(list.len()).min(list.len());
            list.insert(at, Entry::Table(table));
            Ok(())
        }
        Edit::Delete { path } => {
            let (mut list, i) = item_at(doc, path)?;
            list.remove(i);
            Ok(())
        }
        Edit::Move { path, by } => {
            let (mut list, i) = item_at(doc, path)?;
            let to = i as i64 + by;
            if to < 0 || to >= list.len() as i64 {
                return err(msg!("editor-edit-cannot-move", path = show(path)));
            }
            let t = list.remove(i);
            list.insert(to as usize, t);
            Ok(())
        }
        Edit::Indent { path } => {
            let (mut list, i) = item_at(doc, path)?;
            if i == 0 {
                return err(msg!("editor-edit-first-item", path = show(path)));
            }
            let t = list.remove(i);
            let (before, inline) = list.get_mut(i - 1).expect("the item before");
            match child_list(before, "items", inline, true) {
                Some(mut sub) => {
                    sub.push(t);
                    Ok(())
                }
                None => err(msg!("editor-edit-not-items", path = show(path))),
            }
        }
        Edit::Outdent { path } => {
            // [..parent list.., j, "items", i]
            let n = path.len();
            let (Some(Step::Index(parent_at)), Some(Step::Key(k))) = (
                n.checked_sub(3).map(|i| &path[i]),
                n.checked_sub(2).map(|i| &path[i]),
            ) else {
                return err(msg!("editor-edit-top-level", path = show(path)));
            };
            if k != "items" {
                return err(msg!("editor-edit-not-sub-item", path = show(path)));
            }
            let parent_at = *parent_at;
            let (mut sub, i) = item_at(doc, path)?;
            let mut t = sub.remove(i);
            // The siblings after it follow it in the document: they go under it.
            let later: Vec<Entry> = (i..sub.len()).map(|_| sub.remove(i)).collect();
            if !later.is_empty() {
                let Some(mut own) = t.items() else {
                    return err(msg!("editor-edit-not-items", path = show(path)));
                };
                for sibling in later {
                    own.push(sibling);
                }
            }
            let now_empty = sub.len() == 0;
            let mut parent_list = list_at(doc.as_table_mut(), &path[..n - 3], false)?;
            if now_empty {
                if let Some((p, _)) = parent_list.get_mut(parent_at) {
                    p.remove("items");
                }
            }
            parent_list.insert(parent_at + 1, t);
            Ok(())
        }
    }
}

/// A TOML value written as TOML text: a number, a date, true/false, a quoted text.
fn parse_raw(raw: &str) -> Result<Value, EditError> {
    raw.trim()
        .parse::<Value>()
        .or_else(|_| err(msg!("editor-edit-not-value", raw = raw)))
}

/// The TOML value of a JSON value; `None` for null and empty text (the key goes).
fn to_toml(v: &serde_json::Value) -> Result<Option<Value>, EditError> {
    Ok(Some(match v {
        serde_json::Value::Null => return Ok(None),
        serde_json::Value::Bool(b) => Value::from(*b),
        serde_json::Value::Number(n) => match n.as_i64() {
            Some(i) => Value::from(i),
            None => Value::from(n.as_f64().unwrap_or(0.0)),
        },
        serde_json::Value::String(s) if s.is_empty() => return Ok(None),
        serde_json::Value::String(s) => text(s),
        serde_json::Value::Array(a) => {
            let mut arr = toml_edit::Array::new();
            for x in a {
                if let Some(x) = to_toml(x)? {
                    arr.push(x);
                }
            }
            Value::Array(arr)
        }
        serde_json::Value::Object(o) => {
            let mut t = toml_edit::InlineTable::new();
            for (k, x) in o {
                if let Some(x) = to_toml(x)? {
                    t.insert(k, x);
                }
            }
            Value::InlineTable(t)
        }
    }))
}

/// Text as a person would write it: prose with line breaks as a multi-line literal
/// ('''…'''), the rest as a quoted string.
fn text(s: &str) -> Value {
    if s.contains('\n') && !s.contains("'''") && !s.contains('\r') && !s.ends_with('\'') {
        if let Ok(v) = format!("'''\n{s}'''").parse::<Value>() {
            if v.as_str() == Some(s) {
                return v;
            }
        }
    }
    Value::from(s)
}

/// Sets (or, with `None`, removes) the value at `path` under `root`.
/// A path ending in indexes after its last key is a place in a value's array (a table's
/// cell: `[…, "table", "rows", 2, 1]`).
fn set(root: &mut Table, path: &[Step], new: Option<Value>) -> Result<(), EditError> {
    let Some(last_key) = path.iter().rposition(|s| matches!(s, Step::Key(_))) else {
        return err(msg!("editor-edit-no-key", path = show(path)));
    };
    let (parents, key, indexes) = match &path[last_key] {
        Step::Key(k) => (&path[..last_key], k, &path[last_key + 1..]),
        Step::Index(_) => unreachable!("a key"),
    };
    let Some((table, inline)) = walk(root, parents, false, new.is_some(), path)? else {
        // Nothing to remove.
        return Ok(());
    };
    if !indexes.is_empty() {
        let Some(Item::Value(value)) = table.get_mut(key) else {
            return err(msg!("editor-edit-not-values", path = show(path)));
        };
        return set_in_array(value, indexes, new, path);
    }
    match new {
        None => {
            table.remove(key);
            if inline {
                // The braces keep their spaces: `{ title = "…" }`.
                table.fmt();
            }
        }
        Some(mut v) => match table.get_mut(key) {
            Some(Item::Value(old)) => {
                *v.decor_mut() = old.decor().clone();
                *old = v;
            }
            Some(other) => *other = Item::Value(v),
            None => {
                if inline {
                    // The space before the closing brace stays before it: the last
                    // value gives its spacing after it to the new one.
                    if let Some(last) = table.iter_mut().last().and_then(|(_, i)| i.as_value_mut())
                    {
                        let after = last.decor().suffix().cloned();
                        last.decor_mut().set_suffix("");
                        if let Some(after) = after {
                            v.decor_mut().set_suffix(after);
                        }
                    }
                }
                table.insert(key, Item::Value(v));
            }
        },
    }
    Ok(())
}

/// Sets (or removes) the element at `indexes` of the array `value`, nested arrays
/// followed: an index one past the end appends (a new row or cell), laid out as the
/// array is.
fn set_in_array(
    value: &mut Value,
    indexes: &[Step],
    new: Option<Value>,
    path: &[Step],
) -> Result<(), EditError> {
    let mut value = value;
    for step in &indexes[..indexes.len() - 1] {
        let Step::Index(i) = step else {
            unreachable!("indexes only")
        };
        value = match value.as_array_mut().and_then(|a| a.get_mut(*i)) {
            Some(v) => v,
            None => {
                return err(msg!(
                    "editor-edit-no-item",
                    path = show(path),
                    number = i + 1
                ))
            }
        };
    }
    let (Some(Step::Index(i)), Some(array)) = (indexes.last(), value.as_array_mut()) else {
        return err(msg!("editor-edit-not-values", path = show(path)));
    };
    let i = *i;
    match (new, i.cmp(&array.len())) {
        (None, std::cmp::Ordering::Less) => {
            crate::list::remove_value(array, i);
        }
        (None, _) => {}
        (Some(mut v), std::cmp::Ordering::Less) => {
            let old = array.get(i).expect("within");
            *v.decor_mut() = old.decor().clone();
            array.replace_formatted(i, v);
        }
        (Some(v), std::cmp::Ordering::Equal) => crate::list::push_value(array, v),
        (Some(_), std::cmp::Ordering::Greater) => {
            return err(msg!(
                "editor-edit-no-item",
                path = show(path),
                number = i + 1
            ))
        }
    }
    Ok(())
}

/// The table at `steps` under `table` (an inline table when `inline`): keys followed
/// into tables and inline tables, an index into a list of either form. With `make`,
/// missing tables and lists on the way are made in the form of the table holding them;
/// without, a missing one is `None`. With the table, whether it is an inline table.
/// `whole` is the path, for errors.
fn walk<'a>(
    table: &'a mut dyn TableLike,
    steps: &[Step],
    inline: bool,
    make: bool,
    whole: &[Step],
) -> Result<Option<(&'a mut dyn TableLike, bool)>, EditError> {
    let Some((step, rest)) = steps.split_first() else {
        return Ok(Some((table, inline)));
    };
    let Step::Key(k) = step else {
        return err(msg!("editor-edit-not-list", path = show(whole)));
    };
    let listed = matches!(rest.first(), Some(Step::Index(_)));
    if table.get(k).is_none() {
        if !make {
            return Ok(None);
        }
        let made = match (listed, inline) {
            (true, false) => Item::ArrayOfTables(ArrayOfTables::new()),
            (true, true) => Item::Value(Value::Array(toml_edit::Array::new())),
            (false, false) => {
                let mut t = Table::new();
                t.set_implicit(true);
                Item::Table(t)
            }
            (false, true) => Item::Value(Value::InlineTable(toml_edit::InlineTable::new())),
        };
        table.insert(k, made);
    }
    let item = table.get_mut(k).expect("present or made");
    match item {
        Item::Table(t) => walk(t, rest, false, make, whole),
        Item::Value(Value::InlineTable(t)) => walk(t, rest, true, make, whole),
        _ => {
            let Some((Step::Index(i), rest)) = rest.split_first() else {
                return err(msg!(
                    "editor-edit-needs-index",
                    path = show(whole),
                    key = k.as_str()
                ));
            };
            let Some(list) = List::of(item) else {
                return err(msg!(
                    "editor-edit-not-table",
                    path = show(whole),
                    key = k.as_str()
                ));
            };
            match list.into_item(*i) {
                Some((t, inline)) => walk(t, rest, inline, make, whole),
                None => err(msg!(
                    "editor-edit-no-item",
                    path = show(whole),
                    number = i + 1
                )),
            }
        }
    }
}

/// The list of items at `path`, in either form (made as `[[…]]` tables, or inline in an
/// inline table, when `make` and missing).
fn list_at<'a>(table: &'a mut Table, path: &[Step], make: bool) -> Result<List<'a>, EditError> {
    let Some((Step::Key(last), parents)) = path.split_last() else {
        return err(msg!("editor-edit-not-list", path = show(path)));
    };
    let Some((holder, inline)) = walk(table, parents, false, make, path)? else {
        return err(msg!("editor-edit-no-list", path = show(path)));
    };
    match child_list(holder, last, inline, make) {
        Some(list) => Ok(list),
        None if make => err(msg!("editor-edit-not-items", path = show(path))),
        None => err(msg!("editor-edit-no-list", path = show(path))),
    }
}

/// The list holding the item at `path`, and the item's index in it.
fn item_at<'a>(doc: &'a mut DocumentMut, path: &[Step]) -> Result<(List<'a>, usize), EditError> {
    let Some((Step::Index(i), list)) = path.split_last() else {
        return err(msg!("editor-edit-not-list", path = show(path)));
    };
    let list = list_at(doc.as_table_mut(), list, false)?;
    if *i >= list.len() {
        return err(msg!(
            "editor-edit-no-item",
            path = show(path),
            number = i + 1
        ));
    }
    Ok((list, *i))
}

/// Gives the tables positions in the order of the tree when their positions would print
/// them in another order (after an item moved). A file whose tables already print in
/// tree order is left as it is.
fn order_tables(doc: &mut DocumentMut) {
    fn walk(t: &Table, out: &mut Vec<Option<isize>>) {
        for (_, item) in t.iter() {
            match item {
                Item::Table(sub) if !sub.is_dotted() => {
                    out.push(sub.position());
                    walk(sub, out);
                }
                Item::ArrayOfTables(list) => {
                    for sub in list.iter() {
                        out.push(sub.position());
                        walk(sub, out);
                    }
                }
                _ => {}
            }
        }
    }
    fn renumber(t: &mut Table, next: &mut isize) {
        for (_, item) in t.iter_mut() {
            match item {
                Item::Table(sub) if !sub.is_dotted() => {
                    sub.set_position(Some(*next));
                    *next += 1;
                    renumber(sub, next);
                }
                Item::ArrayOfTables(list) => {
                    for sub in list.iter_mut() {
                        sub.set_position(Some(*next));
                        *next += 1;
                        renumber(sub, next);
                    }
                }
                _ => {}
            }
        }
    }
    let mut positions = Vec::new();
    walk(doc.as_table(), &mut positions);
    let mut last = isize::MIN;
    let mut in_order = true;
    for p in positions.into_iter().flatten() {
        if p < last {
            in_order = false;
            break;
        }
        last = p;
    }
    if !in_order {
        let mut next = 1;
        renumber(doc.as_table_mut(), &mut next);
    }
}
