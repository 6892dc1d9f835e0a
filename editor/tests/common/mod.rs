//! Helpers shared by the editor's tests.

/// The lines of `after` that are not lines of `before`, and the reverse: what an edit
/// wrote and what it took away.
pub(crate) fn diff(before: &str, after: &str) -> (Vec<String>, Vec<String>) {
    let a: Vec<&str> = before.lines().collect();
    let b: Vec<&str> = after.lines().collect();
    (
        b.iter()
            .filter(|l| !a.contains(l))
            .map(|l| l.to_string())
            .collect(),
        a.iter()
            .filter(|l| !b.contains(l))
            .map(|l| l.to_string())
            .collect(),
    )
}
