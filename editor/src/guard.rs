//! Who may talk to the editor: requests carrying the run's token, addressed to this
//! server by name (Host) and, when a browser says where they come from (Origin), coming
//! from its own pages. Everything else is refused before any work is done.

use huibao_preview::app::Request;

/// A fresh token: 128 random bits as hex.
pub(crate) fn new_token() -> String {
    let mut bytes = [0u8; 16];
    if getrandom::fill(&mut bytes).is_err() {
        // No system randomness: the hasher's per-process random keys and the time.
        use std::hash::{BuildHasher, Hasher};
        for chunk in bytes.chunks_mut(8) {
            let mut h = std::collections::hash_map::RandomState::new().build_hasher();
            h.write_u128(
                std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map(|d| d.as_nanos())
                    .unwrap_or_default(),
            );
            chunk.copy_from_slice(&h.finish().to_le_bytes());
        }
    }
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Why a request is refused, or `None` when it may be answered.
pub(crate) fn refuse(request: &Request, token: &str, port: u16) -> Option<(u16, &'static str)> {
    let ours =
        |host: &str| host == format!("127.0.0.1:{port}") || host == format!("localhost:{port}");
    match request.header("host") {
        Some(host) if ours(&host.to_ascii_lowercase()) => {}
        _ => return Some((403, "foreign host")),
    }
    if let Some(origin) = request.header("origin") {
        let origin = origin.to_ascii_lowercase();
        match origin.strip_prefix("http://") {
            Some(host) if ours(host) => {}
            _ => return Some((403, "foreign origin")),
        }
    }
    let given = request
        .header("x-huibao-token")
        .map(str::to_string)
        .or_else(|| request.query("t"));
    match given {
        Some(t) if same(t.as_bytes(), token.as_bytes()) => None,
        _ => Some((403, "no token")),
    }
}

/// Compares in time independent of where the texts differ.
fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(url: &str, headers: &[(&str, &str)]) -> Request {
        Request {
            method: "GET".into(),
            url: url.into(),
            headers: headers
                .iter()
                .map(|(n, v)| (n.to_string(), v.to_string()))
                .collect(),
            body: Vec::new(),
        }
    }

    #[test]
    fn token_host_and_origin_are_checked() {
        let t = new_token();
        assert_eq!(t.len(), 32);
        assert_ne!(t, new_token());
        let ok = format!("/?t={t}");
        assert_eq!(
            refuse(&request(&ok, &[("host", "127.0.0.1:5000")]), &t, 5000),
            None
        );
        assert_eq!(
            refuse(&request(&ok, &[("host", "localhost:5000")]), &t, 5000),
            None
        );
        assert!(refuse(&request("/", &[("host", "127.0.0.1:5000")]), &t, 5000).is_some());
        assert!(refuse(&request("/?t=00", &[("host", "127.0.0.1:5000")]), &t, 5000).is_some());
        assert!(refuse(&request(&ok, &[("host", "evil.example:5000")]), &t, 5000).is_some());
        assert!(refuse(&request(&ok, &[]), &t, 5000).is_some());
        assert!(refuse(
            &request(
                &ok,
                &[
                    ("host", "127.0.0.1:5000"),
                    ("origin", "http://evil.example")
                ]
            ),
            &t,
            5000
        )
        .is_some());
        assert_eq!(
            refuse(
                &request(
                    &ok,
                    &[
                        ("host", "127.0.0.1:5000"),
                        ("origin", "http://127.0.0.1:5000")
                    ]
                ),
                &t,
                5000
            ),
            None
        );
        let header = request(
            "/api/state",
            &[("host", "127.0.0.1:5000"), ("x-huibao-token", &t)],
        );
        assert_eq!(refuse(&header, &t, 5000), None);
    }
}
