//! A small, deterministic mutator for the bounded run on stable Rust: byte flips,
//! insertions of tokens that matter to huibao's inputs, deletions, duplications and
//! splices with another seed. No coverage guidance: that is the libFuzzer targets' job.

/// A xorshift generator: the same seed gives the same run.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed (0 is replaced).
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }

    /// The next number.
    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    /// A number below `n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }
}

/// Tokens that matter to a report, a template, a title or an imported file.
const TOKENS: &[&str] = &[
    "{{",
    "}}",
    "{{#each",
    "{{#*inline \"r\"}}{{> r}}{{/inline}}{{> r}}",
    "{{/each}}",
    "{{> r}}",
    "{{indicator \"营业收入\"}}",
    "(",
    ")",
    "\\{{",
    "[[achievements]]",
    "[[achievements.items]]",
    "[[plan]]",
    "[[problems]]",
    "[[attachments]]",
    "[parts.achievements]",
    "[style]",
    "[report]",
    "title = \"",
    "text = \"",
    "\"",
    "'''",
    "\n",
    "\r\n",
    "\t",
    "\u{0}",
    "\u{8}",
    "\u{1B}",
    "\u{2028}",
    "\u{FEFF}",
    "\u{FFFF}",
    "nan",
    "inf",
    "-inf",
    "1e308",
    "-0",
    "9223372036854775807",
    "18446744073709551616",
    "0.0",
    "[0, 0]",
    "widths = [0, 0]",
    "value = ",
    "previous = 0",
    "target = 0",
    "一、",
    "（一）",
    "1.",
    "（1）",
    "一是",
    "。",
    "，",
    "“",
    "”",
    "《",
    "》",
    "管委会",
    "开发区",
    "工作总结",
    "及",
    "2022年",
    "上半年",
    "亿元",
    "%",
    "个百分点",
    "<",
    ">",
    "&",
    "&#8;",
    "</style>",
    "/*",
    "*/",
    "\\",
    "<w:p>",
    "<w:t>",
    "</w:t>",
    "</w:p>",
    "PK\u{3}\u{4}",
    "=",
    ".",
    "[",
    "]",
    "{",
    "}",
    ",",
    "#",
];

/// Mutates `input` in place, one to eight times; `others` are spliced from.
pub fn mutate(input: &mut Vec<u8>, others: &[Vec<u8>], rng: &mut Rng, max_len: usize) {
    for _ in 0..=rng.below(8) {
        let at = rng.below(input.len() + 1);
        match rng.below(7) {
            0 if !input.is_empty() => {
                let i = rng.below(input.len());
                input[i] ^= 1 << rng.below(8);
            }
            1 | 2 => {
                let token = TOKENS[rng.below(TOKENS.len())].as_bytes();
                input.splice(at..at, token.iter().copied());
            }
            3 if !input.is_empty() => {
                let end = (at + 1 + rng.below(64)).min(input.len());
                input.drain(at.min(end)..end);
            }
            4 if !input.is_empty() => {
                let start = rng.below(input.len());
                let end = (start + 1 + rng.below(256)).min(input.len());
                let chunk: Vec<u8> = input[start..end].to_vec();
                for _ in 0..=rng.below(4) {
                    input.splice(at..at, chunk.iter().copied());
                }
            }
            5 if !others.is_empty() => {
                let other = &others[rng.below(others.len())];
                if !other.is_empty() {
                    let start = rng.below(other.len());
                    let end = (start + 1 + rng.below(512)).min(other.len());
                    input.splice(at..at, other[start..end].iter().copied());
                }
            }
            _ => {
                let byte = rng.next_u64() as u8;
                input.insert(at, byte);
            }
        }
    }
    input.truncate(max_len);
}
