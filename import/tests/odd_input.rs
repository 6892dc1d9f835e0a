//! Odd input never panics, and whatever imports is a report `huibao check` accepts.

use huibao_core::SourceFile;
use huibao_import::{import_bytes, SourceKind};

/// A small deterministic generator (xorshift), so failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
}

const PIECES: [&str; 40] = [
    "一、",
    "二、",
    "十一、",
    "（一）",
    "(二)",
    "〔三〕",
    "【一】",
    "1.",
    "2、",
    "3．",
    "（1）",
    "(2)",
    "一是",
    "二是",
    "十是",
    "主要工作",
    "存在的问题",
    "工作计划",
    "工作思路",
    "2022年上半年",
    "xxxx年",
    "园区管委会",
    "营业收入152.3亿元",
    "同比增长8.6%",
    "*亿元",
    "x.x%",
    "。",
    "，",
    ",",
    ";",
    "：",
    "\n",
    "\n\n",
    "  ",
    "— 2 —",
    "第1页",
    "http://a.com",
    "2022年7月12日",
    "附件",
    "{{indicator \"x\"}}",
];

fn check(bytes: &[u8], kind: SourceKind) {
    if let Ok(imported) = import_bytes("odd", "odd", bytes, kind) {
        let loaded = huibao_core::load_source(SourceFile::new("odd.toml", imported.toml.as_str()))
            .unwrap_or_else(|e| panic!("does not load:\n{e}\n---\n{}", imported.toml));
        huibao_core::build(&loaded, &huibao_core::resolve(&loaded), &[])
            .unwrap_or_else(|e| panic!("does not build:\n{e}\n---\n{}", imported.toml));
    }
}

#[test]
fn random_outline_text() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for _ in 0..400 {
        let n = 1 + rng.next() % 60;
        let text: String = (0..n).map(|_| rng.pick(&PIECES)).collect();
        check(text.as_bytes(), SourceKind::Text);
    }
}

#[test]
fn random_bytes() {
    let mut rng = Rng(42);
    for len in [1usize, 2, 3, 7, 64, 500] {
        for _ in 0..20 {
            let bytes: Vec<u8> = (0..len).map(|_| rng.next() as u8).collect();
            check(&bytes, SourceKind::Text);
            check(&bytes, SourceKind::Docx);
            let mut zipish = b"PK\x03\x04".to_vec();
            zipish.extend(&bytes);
            check(&zipish, SourceKind::Text);
        }
    }
}

#[test]
fn edge_cases() {
    for text in [
        "一、",
        "（一）",
        "一是",
        "附件",
        "2022年7月12日",
        "抄送：",
        "印发",
        "。。。。",
        "'''",
        "\"\\",
        "一、'''\n（一）\"\"\"\n1.\\u0000",
        "\u{FEFF}一、主要工作\r\n（一）招商\r\n",
        "第1页\n- 2 -\n3/9",
        "一、主要工作\n（一）招商\n1.线上\n（1）直播\n一是抖音\n二是快手\n（2）录播\n2.线下",
    ] {
        check(text.as_bytes(), SourceKind::Text);
    }
}

/// Characters the loader refuses (control characters, bidirectional formatting
/// characters, noncharacters) are removed on the way in, whatever the format, and
/// counted for the summary: what import writes loads. Every format's reader ends in the
/// same cleaning, so text and a web page (raw and as character references) stand for
/// them.
#[test]
fn characters_a_report_may_not_hold_are_removed_and_counted() {
    let forbidden = [
        '\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{202E}', '\u{2066}', '\u{2067}',
        '\u{2068}', '\u{2069}', '\u{200E}', '\u{200F}', '\u{061C}', '\u{7}', '\u{8}', '\u{1B}',
        '\u{7F}', '\u{85}', '\u{FFFE}',
    ];
    for c in forbidden {
        let body = format!("全年完成营业收入{c}48.65亿元，同比增长12.4%。");
        let text = format!(
            "高新区管委会2022年工作总结\n\n一、主要工作成效\n\n{body}园区新签约项目36个。\n\n二、下一步工作计划\n\n推进产业项目建设。\n"
        );
        let html = |inner: &str| {
            format!(
                "<html><body><h1>高新区管委会2022年工作总结</h1><p>一、主要工作成效</p><p>{inner}园区新签约项目36个。</p><p>二、下一步工作计划</p><p>推进产业项目建设。</p></body></html>"
            )
        };
        let reference = format!(
            "全年完成营业收入&#x{:X};48.65亿元，同比增长12.4%。",
            u32::from(c)
        );
        for (what, bytes, kind) in [
            ("text", text.into_bytes(), SourceKind::Text),
            ("web page", html(&body).into_bytes(), SourceKind::Html),
            (
                "web page, reference",
                html(&reference).into_bytes(),
                SourceKind::Html,
            ),
        ] {
            if what == "web page, reference" && ('\u{80}'..='\u{9F}').contains(&c) {
                continue; // HTML reads &#x80;–&#x9F; as Windows-1252 (&#x85; is “…”)
            }
            let case = format!("U+{:04X} in a {what}", u32::from(c));
            let imported = import_bytes("odd", "odd", &bytes, kind)
                .unwrap_or_else(|e| panic!("{case}: not imported: {e:?}"));
            assert!(
                huibao_core::chars::first_forbidden(&imported.toml).is_none(),
                "{case}: still in the TOML:\n{}",
                imported.toml
            );
            assert!(
                imported.toml.contains("48.65亿元"),
                "{case}: the figure lost"
            );
            assert!(
                imported.draft.stats.forbidden_removed >= 1,
                "{case}: not counted"
            );
            check(&bytes, kind);
        }
    }
}
