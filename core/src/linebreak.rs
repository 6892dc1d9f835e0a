//! Where Chinese text breaks into lines: the 禁则 groups, greedy filling, and the
//! punctuation width adjustment that lets a line take one more character.
//!
//! Pure logic on characters and their widths, shared by everything that needs to know
//! how text falls into lines: core's choice of table column widths and the PDF
//! typesetter. The character sets come from [`crate::chars`].
//!
//! **Punctuation width adjustment** (W3C CLREQ, GB/T 15834 5.1.10): a full-width mark
//! may give up the blank half of its cell ([`Trim`]). A line that would otherwise be
//! spaced out takes one more group when giving up that much makes it fit; the chances
//! are used in this order, each at most once per mark:
//!
//! 1. the mark that ends the line (GB/T 15834: set half width at a line's end);
//! 2. adjacent marks (。” ，“ ）、 ”。 （《): the pair's two cells shrink to one and a
//!    half, each bracket kept against the text it encloses;
//! 3. an opening bracket that starts the line loses its leading half;
//! 4. any other mark in the line, half of its blank (to a quarter of a cell, as JLREQ
//!    reduces a comma's space), the width shared evenly among them;
//! 5. the Chinese characters of the line stand a hundredth of a cell closer (not
//!    visible, but it keeps a line with long figures from being spaced out);
//! 6. as a last resort, the marks inside the line give the rest of their blank half.
//!
//! A line that fits at full width keeps every mark full, on the grid.

use crate::chars::{
    blank_side, is_no_line_end, is_no_line_start, is_number_unit, is_space, is_word_char, Blank,
};
use crate::style::Punctuation;
use std::ops::Range;

/// The cost of breaking a number's two-character unit ("万|元"): about that of a line
/// whose characters stand 8% apart, so it is done only to save a looser line.
const UNIT_SPLIT: f64 = 5e-4;

/// How much closer Chinese characters may stand when nothing else makes a line fit, as a
/// share of their cell.
const TRACKING: f64 = 0.01;

/// Width tolerance when deciding whether something fits, in the unit of the widths
/// (points in practice).
const EPS: f64 = 0.01;

/// One character as the breaker sees it: the character and its advance.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Item {
    /// The character.
    pub ch: char,
    /// Its advance (a grid slot for CJK, the real advance for Latin), in points.
    pub width: f64,
}

/// How much of an item's cell may be given up: the blank half of a full-width mark.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Trim {
    /// Width that may go before the mark (opening brackets), in points.
    pub before: f64,
    /// Width that may go after it (pause and stop marks, closing brackets), in points.
    pub after: f64,
}

impl Trim {
    /// The width that may go on `side`.
    pub fn on(self, side: Blank) -> f64 {
        match side {
            Blank::Before => self.before,
            Blank::After => self.after,
        }
    }
}

/// The trims of `items` as core assumes them: half the cell of every adjustable mark,
/// on its blank side ([`blank_side`]); with [`Punctuation::Full`] none at all (an empty
/// list: nothing is narrowed). A typesetter that knows its fonts' outlines offers less
/// where a mark's ink reaches into that half.
pub fn nominal_trims(items: &[Item], punctuation: Punctuation) -> Vec<Trim> {
    if !punctuation.compresses() {
        return Vec::new();
    }
    items
        .iter()
        .map(|it| match blank_side(it.ch) {
            Some(Blank::Before) => Trim {
                before: it.width / 2.0,
                after: 0.0,
            },
            Some(Blank::After) => Trim {
                before: 0.0,
                after: it.width / 2.0,
            },
            None => Trim::default(),
        })
        .collect()
}

/// Width an item gives up on one line: a mark the blank half of its cell (or part of
/// it), a Chinese character a hair after it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Squeeze {
    /// The mark, as an index into the breaker's input.
    pub index: usize,
    /// The side of its cell the width comes from.
    pub side: Blank,
    /// The width given up, in points.
    pub amount: f64,
}

/// One line found by [`break_ranges`]: the items it holds.
#[derive(Debug, Clone, PartialEq)]
pub struct LineRange {
    /// The items of the line, as indices into the breaker's input.
    pub range: Range<usize>,
    /// Number of items at the end of `range` that are spaces hung past the margin.
    pub hanging: usize,
    /// Marks set narrower so that the line fits its measure; empty when it fits with
    /// every mark full width.
    pub squeezes: Vec<Squeeze>,
}

impl LineRange {
    /// The items that are drawn (hanging spaces left out).
    pub fn visible(&self) -> Range<usize> {
        self.range.start..self.range.end - self.hanging
    }
}

/// Why a mark may give up width on a line; the order is the order of use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Chance {
    /// The mark ends the line.
    LineEnd,
    /// The mark stands next to another one.
    Pair,
    /// An opening bracket starts the line.
    LineStart,
    /// Any other mark.
    Inline,
    /// Chinese characters closed up by a hair.
    Tracking,
    /// The last resort: a mark inside the line gives the rest of its blank half.
    InlineRest,
}

impl Chance {
    /// What giving up one cell's width this way costs in the search for the best
    /// breaks: little, so that a line is narrowed rather than spaced out, except the
    /// last resort, taken only to save a line spaced more than about 5% apart.
    fn cost(self) -> f64 {
        match self {
            Chance::InlineRest => 4e-4,
            _ => 1e-5,
        }
    }
}

/// A paragraph as the breaker reads it: its items and trims, and what it asks of each
/// item again and again — whether it is an adjustable mark, whether it is Chinese, and
/// how many Chinese characters stand side by side or meet a word before it — looked up
/// once.
struct Text<'a> {
    items: &'a [Item],
    trims: &'a [Trim],
    /// Whether each item is a mark whose width may be adjusted.
    marks: Vec<bool>,
    /// Whether each item is set as Chinese text.
    cjk: Vec<bool>,
    /// `between[k]`: of the pairs of neighbours before item k, how many are two Chinese
    /// characters (where a justified line puts its space).
    between: Vec<usize>,
    /// `edges[k]`: of those pairs, how many are a Chinese character and a word's (or
    /// number's) character side by side.
    edges: Vec<usize>,
    /// Room for [`Text::chances`] to note which items of a line have had their chance.
    used: std::cell::RefCell<Vec<bool>>,
}

impl<'a> Text<'a> {
    fn new(items: &'a [Item], trims: &'a [Trim]) -> Text<'a> {
        let marks = items.iter().map(|i| blank_side(i.ch).is_some()).collect();
        let cjk: Vec<bool> = items.iter().map(|i| chinese(i.ch)).collect();
        let word = |k: usize| is_word_char(items[k].ch);
        let mut between = vec![0; items.len() + 1];
        let mut edges = vec![0; items.len() + 1];
        for k in 0..items.len() {
            let (b, e) = match items.get(k + 1) {
                Some(_) if cjk[k] && cjk[k + 1] => (1, 0),
                Some(_) if cjk[k] && word(k + 1) || word(k) && cjk[k + 1] => (0, 1),
                _ => (0, 0),
            };
            between[k + 1] = between[k] + b;
            edges[k + 1] = edges[k] + e;
        }
        Text {
            items,
            trims,
            marks,
            cjk,
            between,
            edges,
            used: std::cell::RefCell::new(Vec::new()),
        }
    }

    /// The width each mark of the line `vis` may give up, and why, in order of use.
    fn chances(&self, vis: Range<usize>) -> Vec<(Chance, Squeeze)> {
        let (items, trims) = (self.items, self.trims);
        if vis.is_empty() || trims.is_empty() {
            return Vec::new();
        }
        // A chance for most characters (tracking), and a second for marks inside.
        let mut out = Vec::with_capacity(vis.len() + vis.len() / 4);
        let trim = |k: usize, side: Blank| trims.get(k).map_or(0.0, |t| t.on(side));
        let is_mark = |k: usize| self.marks[k];
        let mut used = self.used.borrow_mut();
        used.clear();
        used.resize(vis.len(), false);
        let mut take = |out: &mut Vec<(Chance, Squeeze)>, chance, index: usize, side| {
            // Inside a line a mark keeps half of its blank (JLREQ: ½ em down to ¼).
            let amount = match chance {
                Chance::Inline => trim(index, side) / 2.0,
                _ => trim(index, side),
            };
            if amount > 0.0 && !used[index - vis.start] {
                used[index - vis.start] = true;
                out.push((
                    chance,
                    Squeeze {
                        index,
                        side,
                        amount,
                    },
                ));
                true
            } else {
                false
            }
        };
        // Taken in the order of use: each kind's chances follow the earlier kinds'.
        let last = vis.end - 1;
        take(&mut out, Chance::LineEnd, last, Blank::After);
        for k in vis.start..last {
            if is_mark(k) && is_mark(k + 1) {
                // The blank between the two marks' ink: after the first, else before the second.
                if !take(&mut out, Chance::Pair, k, Blank::After) {
                    take(&mut out, Chance::Pair, k + 1, Blank::Before);
                }
            }
        }
        take(&mut out, Chance::LineStart, vis.start, Blank::Before);
        // Marks among characters; a pair has had its chance already. A bracket closes up on
        // a full character only, so that nothing is drawn left of what precedes it.
        let mark = |k: usize| vis.contains(&k) && is_mark(k);
        for k in vis.clone() {
            if (k > vis.start && mark(k - 1)) || mark(k + 1) {
                continue;
            }
            if !take(&mut out, Chance::Inline, k, Blank::After)
                && k > vis.start
                && items[k - 1].width >= trim(k, Blank::Before)
            {
                take(&mut out, Chance::Inline, k, Blank::Before);
            }
        }
        // Characters stand a hundredth of their cell closer: never visible, but enough to
        // keep a line with long figures from being spaced out.
        for k in vis.start..vis.end - 1 {
            let between = self.cjk[k] && self.cjk[k + 1];
            if between && !used[k - vis.start] && !is_mark(k) {
                out.push((
                    Chance::Tracking,
                    Squeeze {
                        index: k,
                        side: Blank::After,
                        amount: items[k].width * TRACKING,
                    },
                ));
            }
        }
        let inline = out.len();
        for i in 0..inline {
            if out[i].0 == Chance::Inline {
                out.push((Chance::InlineRest, out[i].1));
            }
        }
        debug_assert!(out.is_sorted_by_key(|(c, _)| *c));
        out
    }

    /// The squeezes that bring the line `vis` from its natural width down to `measure`:
    /// whole chances in their order, the last kind needed shared evenly. Empty when the
    /// line fits as it is.
    fn squeezes(&self, vis: Range<usize>, measure: f64) -> Vec<Squeeze> {
        let mut out = Vec::new();
        if width(self.items, &vis) - measure <= EPS {
            return out;
        }
        let all = self.chances(vis.clone());
        self.narrow(vis, measure, &all, |group, share| {
            out.extend(group.iter().map(|(_, s)| Squeeze {
                amount: s.amount * share,
                ..*s
            }));
        });
        out
    }

    /// Narrows the line `vis` from its natural width down to `measure` with the
    /// chances of `all` (the line's [`Text::chances`]), kind by kind: `take` is given
    /// each kind used and the share of it taken. Returns what that costs
    /// ([`Chance::cost`], per cell squared, the cell being the line's widest character).
    fn narrow(
        &self,
        vis: Range<usize>,
        measure: f64,
        all: &[(Chance, Squeeze)],
        mut take: impl FnMut(&[(Chance, Squeeze)], f64),
    ) -> f64 {
        let mut need = width(self.items, &vis) - measure;
        if need <= EPS {
            return 0.0;
        }
        let unit = self.unit(vis);
        let mut cost = 0.0;
        let mut i = 0;
        while i < all.len() && need > EPS {
            let kind = all[i].0;
            let n = all[i..].iter().take_while(|(c, _)| *c == kind).count();
            let group = &all[i..i + n];
            let total: f64 = group.iter().map(|(_, s)| s.amount).sum();
            let share = (need / total).min(1.0);
            take(group, share);
            cost += kind.cost() * (total * share / unit).powi(2);
            need -= total * share;
            i += n;
        }
        cost
    }

    /// How much narrower the line `vis` can be set.
    fn shrink(&self, vis: Range<usize>) -> f64 {
        sum_of(&self.chances(vis))
    }

    /// The line's widest character: the unit its space is measured in.
    fn unit(&self, vis: Range<usize>) -> f64 {
        self.items[vis].iter().map(|i| i.width).fold(EPS, f64::max)
    }

    /// What a line costs in the search for the best breaks: stretching grows with the
    /// cube of the space added between Chinese characters (as in TeX), narrowing marks
    /// costs a little, so that a line is narrowed rather than spaced out, and only when
    /// it must. `all`: the line's chances when it is wider than `measure`; `unit`: its
    /// widest character ([`Text::unit`]), the unit its space is measured in (a grid
    /// slot in Chinese text).
    fn line_cost(
        &self,
        vis: Range<usize>,
        natural: f64,
        measure: f64,
        last: bool,
        all: &[(Chance, Squeeze)],
        unit: f64,
    ) -> f64 {
        if natural > measure + EPS {
            return self.narrow(vis, measure, all, |_, _| {});
        }
        if last {
            return 0.0;
        }
        debug_assert_eq!(unit, self.unit(vis.clone()));
        // What `spacing` would do, counted rather than laid out.
        let slack = measure - natural;
        let pairs = vis.start..vis.end.max(vis.start + 1) - 1;
        let between = self.between[pairs.end] - self.between[pairs.start];
        let edges = self.edges[pairs.end] - self.edges[pairs.start];
        spaced_cost(slack, unit, between, edges)
    }
}

/// What spacing a line out by `slack` costs, measured in `unit`s, when `between` pairs
/// of its Chinese characters stand side by side and `edges` pairs are a Chinese
/// character beside a word's or number's (where [`spacing`] puts the space).
fn spaced_cost(slack: f64, unit: f64, between: usize, edges: usize) -> f64 {
    if between == 0 {
        // Latin text, or one word or number alone: spaced badly, if at all.
        return 10.0 * (slack / unit).powi(3);
    }
    let loose = LOOSE * unit * between as f64;
    let room = if slack <= loose || edges == 0 {
        0.0
    } else {
        (slack - loose).min(MIXED_ROOM * unit * edges as f64)
    };
    (((slack - room) / between as f64) / unit).powi(3) + 0.01 * (room / unit).powi(2)
}

/// The width all of a line's chances give up together.
fn sum_of(all: &[(Chance, Squeeze)]) -> f64 {
    all.iter().map(|(_, s)| s.amount).sum()
}

/// Splits `items` into groups that must stay on one line, by item index.
///
/// A group is one atom — a CJK character, a Latin word or a number with up to two units
/// after it ("12.5%", "2022年", "48.65亿元"), a space — with the opening punctuation
/// before it and the closing punctuation after it.
pub fn groups(items: &[Item]) -> Vec<Range<usize>> {
    // Atoms first.
    let mut atoms: Vec<Range<usize>> = Vec::new();
    let mut i = 0;
    while i < items.len() {
        let c = items[i].ch;
        let start = i;
        if is_word_char(c) && !is_no_line_start(c) && !is_no_line_end(c)
            || c.is_ascii_alphanumeric()
        {
            while i < items.len() && is_word_char(items[i].ch) {
                i += 1;
            }
            // A number keeps its unit: "2022年", "48.65亿元".
            if items[i - 1].ch.is_ascii_digit() {
                let mut units = 0;
                while i < items.len() && units < 2 && is_number_unit(items[i].ch) {
                    i += 1;
                    units += 1;
                }
            }
        } else {
            i += 1;
        }
        atoms.push(start..i);
    }
    // Then glue punctuation to its neighbours.
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut pending_open: Option<usize> = None;
    for atom in atoms {
        let first = items[atom.start].ch;
        let single = atom.len() == 1;
        if single && is_no_line_end(first) {
            pending_open.get_or_insert(atom.start);
            continue;
        }
        let start = pending_open.take().unwrap_or(atom.start);
        let glue_back = single && is_no_line_start(first) && start == atom.start;
        match out.last_mut() {
            Some(last) if glue_back && last.end == atom.start => last.end = atom.end,
            _ => out.push(start..atom.end),
        }
    }
    if let Some(start) = pending_open {
        // Opening punctuation at the very end: keep it with what precedes.
        match out.last_mut() {
            Some(last) => last.end = items.len(),
            None => out.push(start..items.len()),
        }
    }
    out
}

/// The total width of `items[r]`.
pub fn width(items: &[Item], r: &Range<usize>) -> f64 {
    items[r.clone()].iter().map(|i| i.width).sum()
}

/// Whether `c` is set as Chinese text: not part of a Latin word or number, not a space.
fn chinese(c: char) -> bool {
    !is_word_char(c) && !is_space(c)
}

/// How much further apart Chinese characters may stand before a justified line gives
/// numbers and Latin words a little room too, as a share of a character's cell.
const LOOSE: f64 = 0.05;

/// The most room a number or Latin word gets on either side in such a line: CLREQ's
/// spacing of mixed text, a quarter of a character's cell.
const MIXED_ROOM: f64 = 0.25;

/// The extra space after each item of the line `vis` (the last item gets none) that
/// stretches it by `slack`.
///
/// The space goes evenly between Chinese characters (and the marks among them), so that
/// numbers and Latin words keep their natural width with no gap around them. Only a line
/// whose characters would stand more than 5% apart gives the edges of its numbers and
/// Latin words up to a quarter of a cell each first (W3C CLREQ's spacing of mixed
/// text), then spreads the rest between its characters again. A line with no two
/// Chinese characters side by side (Latin text) is spaced anywhere but inside a word.
pub fn spacing(items: &[Item], vis: Range<usize>, slack: f64) -> Vec<f64> {
    let pairs = vis.start..vis.end.saturating_sub(1);
    let mut out = vec![0.0; pairs.len()];
    if slack <= EPS || out.is_empty() {
        return out;
    }
    let unit = items[vis.clone()]
        .iter()
        .map(|i| i.width)
        .fold(EPS, f64::max);
    let cjk: Vec<usize> = pairs
        .clone()
        .filter(|&k| chinese(items[k].ch) && chinese(items[k + 1].ch))
        .collect();
    let share = |out: &mut Vec<f64>, gaps: &[usize], amount: f64| {
        for &k in gaps {
            out[k - vis.start] += amount / gaps.len() as f64;
        }
    };
    if cjk.is_empty() {
        let words: Vec<usize> = pairs
            .filter(|&k| !(is_word_char(items[k].ch) && is_word_char(items[k + 1].ch)))
            .collect();
        share(&mut out, &words, slack);
        return out;
    }
    let loose = LOOSE * unit * cjk.len() as f64;
    let edges: Vec<usize> = pairs
        .filter(|&k| {
            let (x, y) = (items[k].ch, items[k + 1].ch);
            (chinese(x) && is_word_char(y)) || (is_word_char(x) && chinese(y))
        })
        .collect();
    if slack <= loose || edges.is_empty() {
        share(&mut out, &cjk, slack);
        return out;
    }
    let room = (slack - loose).min(MIXED_ROOM * unit * edges.len() as f64);
    share(&mut out, &edges, room);
    share(&mut out, &cjk, slack - room);
    out
}

/// Breaks `items` into lines: the first line is `first` wide, the others `rest`.
///
/// Breaks fall between [`groups`]; of all the ways to set the text in the fewest lines,
/// the one whose lines are spaced out least is taken (optimal fit: the cost of each line
/// grows with the cube of its added space, so one very loose line is worse than a few
/// slightly loose ones). A group that does not fit at full width still goes on a line
/// when the marks' [`Trim`]s (one per item) and a hair of tracking make room for it,
/// and the line's [`LineRange::squeezes`] say how; with no trims (an empty slice, as
/// for [`Punctuation::Full`]) nothing is ever narrowed. Spaces never cause a break and hang at a
/// line's end. A group wider than a whole line is split between characters, as little
/// as possible. Empty input is one empty line.
pub fn break_ranges(items: &[Item], trims: &[Trim], first: f64, rest: f64) -> Vec<LineRange> {
    let text = Text::new(items, trims);
    let trailing_spaces = |start: usize, end: usize| {
        items[start..end]
            .iter()
            .rev()
            .take_while(|i| is_space(i.ch))
            .count()
    };
    let line = |start: usize, end: usize, measure: f64| {
        let hanging = trailing_spaces(start, end);
        LineRange {
            range: start..end,
            hanging,
            squeezes: text.squeezes(start..end - hanging, measure),
        }
    };
    if items.is_empty() {
        return vec![line(0, 0, first)];
    }
    // Where a line may start: a group that is not spaces. A group too wide for the
    // lines it can be on becomes one group per character.
    // Between the two characters of a number's unit ("486500万|元") a line may break
    // too, at a price: where a long figure would otherwise leave a line spaced out.
    let mut starts: Vec<(usize, f64)> = Vec::new();
    for g in groups(items) {
        if items[g.clone()].iter().all(|i| is_space(i.ch)) {
            continue;
        }
        let room = if g.start == 0 { first } else { first.max(rest) };
        // (A group no wider than the room needs no chances worked out.)
        let wide = width(items, &g);
        if g.len() > 1 && wide > room + EPS && wide - text.shrink(g.clone()) > room + EPS {
            starts.extend(g.map(|k| (k, 0.0)));
        } else {
            starts.push((g.start, 0.0));
            starts.extend(
                (g.start + 2..g.end)
                    .filter(|&k| {
                        items[k - 2].ch.is_ascii_digit()
                            && is_number_unit(items[k - 1].ch)
                            && is_number_unit(items[k].ch)
                    })
                    .map(|k| (k, UNIT_SPLIT)),
            );
        }
    }
    if starts.first().map(|s| s.0) != Some(0) {
        // Leading spaces stay on the first line.
        starts.retain(|s| s.0 != 0);
        starts.insert(0, (0, 0.0));
    }
    let n = starts.len();
    let bound = |b: usize| if b < n { starts[b].0 } else { items.len() };
    let penalty = |b: usize| if b < n { starts[b].1 } else { 0.0 };
    // Prefix sums of the widths, and of the most each item could give up: bounds that
    // rule out most candidate lines before their chances are worked out.
    let mut widths = vec![0.0; items.len() + 1];
    let mut most = vec![0.0; items.len() + 1];
    for (k, it) in items.iter().enumerate() {
        let give = trims
            .get(k)
            .map_or(0.0, |t| t.before.max(t.after) + it.width * TRACKING);
        widths[k + 1] = widths[k] + it.width;
        most[k + 1] = most[k] + give;
    }
    let widest = first.max(rest);
    // best[b]: the fewest lines, and their least cost, that set the text before break b;
    // with the break the last of those lines started at.
    let mut best: Vec<Option<(usize, f64, usize)>> = vec![None; n + 1];
    best[0] = Some((0, 0.0, 0));
    let mut units: Vec<f64> = Vec::new();
    for end in 1..=n {
        // The lines that can end at `end` start at `from..end`: a longer line only gets
        // wider (a line of one group is always tried).
        let mut from = end - 1;
        while from > 0 {
            let (s, e) = (bound(from - 1), bound(end));
            let vis = s..e - trailing_spaces(s, e);
            let least = widths[vis.end] - widths[vis.start] - (most[vis.end] - most[vis.start]);
            if least > widest + EPS {
                break;
            }
            from -= 1;
        }
        // The widest character of each line ending here (spaces hung past its end left
        // out), from the shortest line to the longest.
        let e = bound(end);
        let hung = e - trailing_spaces(0, e);
        units.clear();
        let (mut widest_char, mut upto) = (EPS, hung);
        for start in (from..end).rev() {
            while upto > bound(start) {
                upto -= 1;
                widest_char = widest_char.max(items[upto].width);
            }
            units.push(widest_char);
        }
        // Longest lines first: they leave the fewest lines, so a shorter line that would
        // need more is passed over before it is costed. Of equal lines and cost, the later
        // start wins.
        for start in from..end {
            let (s, e) = (bound(start), bound(end));
            let vis = s..e - trailing_spaces(s, e);
            let natural = widths[vis.end] - widths[vis.start];
            let least = natural - (most[vis.end] - most[vis.start]);
            let Some((lines, cost, _)) = best[start] else {
                continue;
            };
            if best[end].is_some_and(|(l, _, _)| l < lines + 1) {
                continue;
            }
            let measure = if start == 0 { first } else { rest };
            // A line wider than its measure: its chances, worked out once for whether
            // it fits and what narrowing it costs.
            let over = natural > measure + EPS;
            let all = if over && (least <= measure + EPS || end - start == 1) {
                text.chances(vis.clone())
            } else {
                Vec::new()
            };
            let fits = !over || (least <= measure + EPS && natural - sum_of(&all) <= measure + EPS);
            if !fits && end - start > 1 {
                continue;
            }
            let overflow = if fits { 0.0 } else { 1e6 };
            let total = cost
                + overflow
                + penalty(end)
                + text.line_cost(
                    vis,
                    natural,
                    measure,
                    end == n,
                    &all,
                    units[end - 1 - start],
                );
            let better = match best[end] {
                None => true,
                Some((l, c, _)) => (lines + 1, total) <= (l, c),
            };
            if better {
                best[end] = Some((lines + 1, total, start));
            }
        }
    }
    let mut cuts = vec![n];
    while let Some(&b) = cuts.last() {
        if b == 0 {
            break;
        }
        let (_, _, prev) = best[b].unwrap_or((0, 0.0, 0));
        cuts.push(prev);
    }
    cuts.reverse();
    cuts.windows(2)
        .map(|w| {
            let measure = if w[0] == 0 { first } else { rest };
            line(bound(w[0]), bound(w[1]), measure)
        })
        .collect()
}

/// How many lines `items` take at `measure` per line with every mark a full cell (as
/// every client can set them).
pub fn count_lines(items: &[Item], measure: f64) -> usize {
    break_ranges(items, &[], measure, measure).len()
}

#[cfg(test)]
mod tests {
    use super::*;

    const SLOT: f64 = 15.79;

    /// CJK on the grid, ASCII at half a slot.
    fn items(s: &str) -> Vec<Item> {
        s.chars()
            .map(|ch| Item {
                ch,
                width: crate::chars::width_em(ch) * SLOT,
            })
            .collect()
    }

    fn lines(s: &str, chars: f64, punctuation: Punctuation) -> (Vec<Item>, Vec<LineRange>) {
        let it = items(s);
        let trims = nominal_trims(&it, punctuation);
        let lines = break_ranges(&it, &trims, chars * SLOT, chars * SLOT);
        (it, lines)
    }

    fn texts_with(s: &str, chars: f64, punctuation: Punctuation) -> Vec<String> {
        let (it, lines) = lines(s, chars, punctuation);
        lines
            .iter()
            .map(|l| it[l.visible()].iter().map(|i| i.ch).collect())
            .collect()
    }

    fn texts(s: &str, chars: f64) -> Vec<String> {
        texts_with(s, chars, Punctuation::Full)
    }

    /// The marks squeezed on each line, as (character, side, share of a slot).
    fn squeezed(s: &str, chars: f64) -> Vec<Vec<(char, Blank, f64)>> {
        let (it, lines) = lines(s, chars, Punctuation::Compress);
        lines
            .iter()
            .map(|l| {
                let mut v: Vec<_> = l
                    .squeezes
                    .iter()
                    .map(|q| {
                        (
                            it[q.index].ch,
                            q.side,
                            (q.amount / SLOT * 100.0).round() / 100.0,
                        )
                    })
                    .collect();
                v.sort_by_key(|q| q.0);
                v
            })
            .collect()
    }

    fn group_texts(s: &str) -> Vec<String> {
        let it = items(s);
        groups(&it)
            .into_iter()
            .map(|g| it[g].iter().map(|i| i.ch).collect())
            .collect()
    }

    #[test]
    fn numbers_keep_their_units_and_punctuation_its_neighbour() {
        assert_eq!(
            group_texts("增长12.5%，达48.65亿元。"),
            ["增", "长", "12.5%，", "达", "48.65亿元。"]
        );
        assert_eq!(group_texts("（一）“TCL”"), ["（一）", "“TCL”"]);
    }

    #[test]
    fn closing_punctuation_never_starts_a_line() {
        assert_eq!(texts("一二三四五，六七", 5.0), ["一二三四", "五，六七"]);
        assert_eq!(texts("一二三四五——六", 5.0), ["一二三四", "五——六"]);
    }

    #[test]
    fn opening_punctuation_never_ends_a_line() {
        assert_eq!(texts("一二三四（五六七）", 5.0), ["一二三四", "（五六七）"]);
    }

    #[test]
    fn counts_lines() {
        let it = items(&"园".repeat(60));
        assert_eq!(count_lines(&it, 28.0 * SLOT), 3);
        assert_eq!(count_lines(&[], 28.0 * SLOT), 1);
        // A word wider than the line is split between characters.
        let it = items(&"x".repeat(30));
        assert_eq!(count_lines(&it, 5.0 * SLOT), 3);
    }

    #[test]
    fn a_mark_at_the_line_end_and_a_pair_make_room_for_one_more_character() {
        // 五六 + "，" is one slot too many for six: the pair 。” gives half a slot, the
        // comma at the line's end the other half.
        let s = "一。”二三四五，六七八";
        assert_eq!(texts(s, 7.0), ["一。”二三四", "五，六七八"]);
        assert_eq!(
            texts_with(s, 7.0, Punctuation::Compress),
            ["一。”二三四五，", "六七八"]
        );
        assert_eq!(
            squeezed(s, 7.0)[0],
            [('。', Blank::After, 0.5), ('，', Blank::After, 0.5)]
        );
    }

    #[test]
    fn only_as_much_as_needed_is_taken_line_end_first() {
        // Half a slot over: the comma ending the line gives it all; the pair stays full.
        let it = items("一。”二三四，");
        let trims = nominal_trims(&it, Punctuation::Compress);
        let lines = break_ranges(&it, &trims, 6.5 * SLOT, 6.5 * SLOT);
        assert_eq!(lines.len(), 1);
        assert_eq!(lines[0].squeezes.len(), 1);
        assert_eq!(it[lines[0].squeezes[0].index].ch, '，');
        assert!((lines[0].squeezes[0].amount - SLOT / 2.0).abs() < 1e-9);
        // A quarter slot over: the comma gives a quarter.
        let lines = break_ranges(&it, &trims, 6.75 * SLOT, 6.75 * SLOT);
        assert!((lines[0].squeezes[0].amount - SLOT / 4.0).abs() < 1e-9);
    }

    #[test]
    fn a_mark_inside_a_line_keeps_half_its_blank_unless_nothing_else_helps() {
        let it = items("一二，三四五");
        let trims = nominal_trims(&it, Punctuation::Compress);
        // A quarter slot over: the comma gives a quarter, its blank is half a slot.
        let l = &break_ranges(&it, &trims, 5.75 * SLOT, 5.75 * SLOT)[0];
        assert_eq!(l.squeezes.len(), 1);
        assert!((l.squeezes[0].amount - SLOT / 4.0).abs() < 1e-9);
        // Half a slot over: a quarter, a hair after each of 一二三四, then the rest.
        let l = &break_ranges(&it, &trims, 5.5 * SLOT, 5.5 * SLOT)[0];
        assert_eq!(l.range, 0..6);
        let comma: f64 = l
            .squeezes
            .iter()
            .filter(|q| q.index == 2)
            .map(|q| q.amount)
            .sum();
        let others: f64 = l
            .squeezes
            .iter()
            .filter(|q| q.index != 2)
            .map(|q| q.amount)
            .sum();
        assert!(comma > SLOT / 4.0 && comma < SLOT / 2.0, "{comma}");
        assert!((others - 4.0 * SLOT * TRACKING).abs() < 1e-9, "{others}");
    }

    #[test]
    fn pairs_keep_brackets_against_their_text() {
        // 。” and ）、: the first mark's blank goes; ，“: the comma's; （（: the second
        // bracket's leading blank.
        for (s, want) in [
            ("甲。”乙", ('。', Blank::After)),
            ("甲）、乙", ('）', Blank::After)),
            ("甲”。乙", ('”', Blank::After)),
            ("甲，“乙", ('，', Blank::After)),
            ("甲（（乙", ('（', Blank::Before)),
        ] {
            let it = items(s);
            let trims = nominal_trims(&it, Punctuation::Compress);
            let all = Text::new(&it, &trims).chances(0..it.len());
            let pair: Vec<_> = all.iter().filter(|(c, _)| *c == Chance::Pair).collect();
            assert_eq!(pair.len(), 1, "{s}");
            let q = pair[0].1;
            assert_eq!((it[q.index].ch, q.side), want, "{s}");
            if s == "甲（（乙" {
                assert_eq!(q.index, 2, "the inner bracket gives up its blank");
            }
        }
    }

    /// The cost of a line that is not narrowed, its pairs of characters counted one by
    /// one (what [`Text::line_cost`] reads from its prefix counts).
    fn counted_cost(it: &[Item], vis: Range<usize>, natural: f64, measure: f64) -> f64 {
        let unit = it[vis.clone()].iter().map(|i| i.width).fold(EPS, f64::max);
        let (mut between, mut edges) = (0usize, 0usize);
        for k in vis.start..vis.end.saturating_sub(1) {
            let (x, y) = (it[k].ch, it[k + 1].ch);
            if chinese(x) && chinese(y) {
                between += 1;
            } else if chinese(x) && is_word_char(y) || is_word_char(x) && chinese(y) {
                edges += 1;
            }
        }
        spaced_cost(measure - natural, unit, between, edges)
    }

    #[test]
    fn line_costs_from_prefix_counts_are_the_costs_counted_one_by_one() {
        let s = "园区完成营业收入48.65亿元，同比增长12.4%，完成全年目标的48.7%。TCL 项目（一期）“投产”——在建……";
        let it = items(s);
        let trims = nominal_trims(&it, Punctuation::Compress);
        let text = Text::new(&it, &trims);
        for start in 0..it.len() {
            for end in start..=it.len() {
                let natural = width(&it, &(start..end));
                let measure = natural + SLOT * 1.5;
                let unit = text.unit(start..end);
                let fast = text.line_cost(start..end, natural, measure, false, &[], unit);
                assert_eq!(
                    fast,
                    counted_cost(&it, start..end, natural, measure),
                    "{start}..{end}"
                );
            }
        }
    }

    #[test]
    fn an_opening_bracket_at_the_line_start_loses_its_leading_half() {
        // Seven slots in six: the opening bracket gives its leading half first; the
        // rest comes from inside the line.
        let (it, lines) = lines("（一）二三四五", 6.0, Punctuation::Compress);
        assert_eq!(lines.len(), 1);
        let q = &lines[0].squeezes;
        assert!(q.iter().any(|q| q.index == 0
            && q.side == Blank::Before
            && (q.amount - SLOT / 2.0).abs() < 1e-9));
        let total: f64 = q.iter().map(|q| q.amount).sum();
        assert!((total - SLOT).abs() < 1e-6, "{total}");
        assert!(q
            .iter()
            .all(|q| it[q.index].ch != '一' || q.amount < SLOT / 50.0));
        let it = items("（一二三四五");
        let trims = nominal_trims(&it, Punctuation::Compress);
        let lines = break_ranges(&it, &trims, 5.5 * SLOT, 5.5 * SLOT);
        assert_eq!(lines.len(), 1);
        let q = &lines[0].squeezes;
        assert_eq!(q.len(), 1);
        assert_eq!((q[0].index, q[0].side), (0, Blank::Before));
        assert!((q[0].amount - SLOT / 2.0).abs() < 1e-9);
    }

    #[test]
    fn full_width_mode_leaves_every_mark_a_full_cell() {
        let s = "园区坚持“项目为王”，一。”二（三）四、五，六七八九十";
        for chars in 3..12 {
            let (_, full) = lines(s, chars as f64, Punctuation::Full);
            assert!(full.iter().all(|l| l.squeezes.is_empty()), "{chars}");
            let (it, full) = lines(s, chars as f64, Punctuation::Full);
            for l in &full {
                assert!(width(&it, &l.visible()) <= chars as f64 * SLOT + EPS);
            }
        }
        assert!(nominal_trims(&items(s), Punctuation::Full).is_empty());
    }

    #[test]
    fn a_line_that_fits_keeps_its_marks_full() {
        // 一…六 fill the line; 七， would need a slot and a half, the comma gives half.
        let s = "一二三四五六七，八";
        assert_eq!(texts_with(s, 6.0, Punctuation::Compress)[0], "一二三四五六");
        for l in squeezed(s, 6.0) {
            assert!(l.is_empty(), "{l:?}");
        }
    }

    #[test]
    fn squeezed_lines_fit_exactly_and_obey_the_rules() {
        let s = "园区坚持“项目为王”，一。”二（三）四、五，六七八九十“重点项目”（一）十二。”十三";
        for chars in 4..14 {
            let (it, lines) = lines(s, chars as f64, Punctuation::Compress);
            let joined: String = lines
                .iter()
                .flat_map(|l| it[l.range.clone()].iter().map(|i| i.ch))
                .collect();
            assert_eq!(joined, s);
            for l in &lines {
                let set =
                    width(&it, &l.visible()) - l.squeezes.iter().map(|q| q.amount).sum::<f64>();
                assert!(set <= chars as f64 * SLOT + 1e-6, "{chars}: {set}");
                for q in &l.squeezes {
                    assert!(q.amount > 0.0 && q.amount <= SLOT / 2.0 + 1e-9);
                    assert!(l.visible().contains(&q.index));
                }
                let t: Vec<char> = it[l.visible()].iter().map(|i| i.ch).collect();
                assert!(!is_no_line_start(t[0]), "{t:?}");
                assert!(!is_no_line_end(*t.last().unwrap()), "{t:?}");
            }
            // Never more lines than at full width.
            let (_, full) = self::lines(s, chars as f64, Punctuation::Full);
            assert!(lines.len() <= full.len());
        }
    }
}
