//! A small sRGB ICC profile (version 2.1, display class), built in code for the
//! PDF/A output intent: no third-party profile file, no licence to carry.
//!
//! Primaries are the sRGB ones adapted to D50 (IEC 61966-2-1 via the Bradford
//! transform, as in every v2 sRGB profile); the tone curve is the sRGB curve sampled
//! at 1024 points.

/// s15Fixed16 encoding.
fn s15(v: f64) -> [u8; 4] {
    ((v * 65536.0).round() as i32).to_be_bytes()
}

fn xyz_tag(x: f64, y: f64, z: f64) -> Vec<u8> {
    let mut t = b"XYZ \0\0\0\0".to_vec();
    for v in [x, y, z] {
        t.extend(s15(v));
    }
    t
}

fn text_tag(s: &str) -> Vec<u8> {
    let mut t = b"text\0\0\0\0".to_vec();
    t.extend(s.as_bytes());
    t.push(0);
    t
}

fn desc_tag(s: &str) -> Vec<u8> {
    let mut t = b"desc\0\0\0\0".to_vec();
    t.extend(((s.len() + 1) as u32).to_be_bytes());
    t.extend(s.as_bytes());
    t.push(0);
    t.extend(0u32.to_be_bytes()); // Unicode language code
    t.extend(0u32.to_be_bytes()); // Unicode count
    t.extend(0u16.to_be_bytes()); // ScriptCode code
    t.push(0); // ScriptCode count
    t.extend([0u8; 67]);
    t
}

fn curve_tag() -> Vec<u8> {
    const N: u32 = 1024;
    let mut t = b"curv\0\0\0\0".to_vec();
    t.extend(N.to_be_bytes());
    for i in 0..N {
        let v = f64::from(i) / f64::from(N - 1);
        let lin = if v <= 0.04045 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        };
        t.extend(((lin * 65535.0).round() as u16).to_be_bytes());
    }
    t
}

/// The profile's description, also the output intent's condition identifier.
pub(crate) const DESCRIPTION: &str = "sRGB IEC61966-2.1";

/// The bytes of the sRGB profile.
pub(crate) fn srgb() -> Vec<u8> {
    let curve = curve_tag();
    let tags: Vec<(&[u8; 4], Vec<u8>)> = vec![
        (b"desc", desc_tag(DESCRIPTION)),
        (b"cprt", text_tag("No copyright, use freely")),
        (b"wtpt", xyz_tag(0.9642, 1.0, 0.8249)),
        (b"rXYZ", xyz_tag(0.4361, 0.2225, 0.0139)),
        (b"gXYZ", xyz_tag(0.3851, 0.7169, 0.0971)),
        (b"bXYZ", xyz_tag(0.1431, 0.0606, 0.7141)),
        (b"rTRC", curve.clone()),
        (b"gTRC", curve.clone()),
        (b"bTRC", curve),
    ];
    let table_len = 4 + 12 * tags.len();
    let mut offset = 128 + table_len;
    let mut table = (tags.len() as u32).to_be_bytes().to_vec();
    let mut data = Vec::new();
    for (sig, body) in &tags {
        while !(offset + data.len()).is_multiple_of(4) {
            data.push(0);
        }
        let at = offset + data.len();
        table.extend(*sig);
        table.extend((at as u32).to_be_bytes());
        table.extend((body.len() as u32).to_be_bytes());
        data.extend(body);
    }
    offset += data.len();
    while !offset.is_multiple_of(4) {
        data.push(0);
        offset += 1;
    }
    let size = offset as u32;
    let mut h = Vec::with_capacity(128);
    h.extend(size.to_be_bytes());
    h.extend([0u8; 4]); // preferred CMM
    h.extend(0x0210_0000u32.to_be_bytes()); // version 2.1
    h.extend(b"mntr");
    h.extend(b"RGB ");
    h.extend(b"XYZ ");
    for v in [2024u16, 1, 1, 0, 0, 0] {
        h.extend(v.to_be_bytes());
    }
    h.extend(b"acsp");
    h.extend([0u8; 4]); // platform
    h.extend([0u8; 4]); // flags
    h.extend([0u8; 4]); // manufacturer
    h.extend([0u8; 4]); // model
    h.extend([0u8; 8]); // attributes
    h.extend(0u32.to_be_bytes()); // perceptual intent
    for v in [0.9642, 1.0, 0.8249] {
        h.extend(s15(v));
    }
    h.extend([0u8; 4]); // creator
    h.resize(128, 0);
    let mut out = h;
    out.extend(table);
    out.extend(data);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn profile_is_well_formed() {
        let p = srgb();
        assert_eq!(p.len() % 4, 0);
        assert_eq!(
            u32::from_be_bytes(p[0..4].try_into().unwrap()) as usize,
            p.len()
        );
        assert_eq!(&p[36..40], b"acsp");
        assert_eq!(&p[12..20], b"mntrRGB ");
        let n = u32::from_be_bytes(p[128..132].try_into().unwrap()) as usize;
        assert_eq!(n, 9);
        for k in 0..n {
            let e = 132 + 12 * k;
            let off = u32::from_be_bytes(p[e + 4..e + 8].try_into().unwrap()) as usize;
            let len = u32::from_be_bytes(p[e + 8..e + 12].try_into().unwrap()) as usize;
            assert_eq!(off % 4, 0);
            assert!(off + len <= p.len());
        }
    }
}
