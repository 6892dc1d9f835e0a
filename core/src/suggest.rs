//! "Did you mean" suggestions.

/// The candidate closest to `word`, when it is close enough to be a likely typo.
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(word, c), c))
        .filter(|(score, _)| *score > 0.7)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    #[test]
    fn suggests_typos_only() {
        let keys = ["title", "text", "items", "numbering", "table"];
        assert_eq!(super::closest("titel", keys), Some("title"));
        assert_eq!(super::closest("txet", keys), Some("text"));
        assert_eq!(
            super::closest("organisation", ["organization", "period"]),
            Some("organization")
        );
        assert_eq!(super::closest("zzzzzz", keys), None);
    }
}
