//! Text that was cut into pages and lines by the program it was copied from: an online
//! previewer that prints each page as one line opening with the page's number ("1、",
//! "2、" …), and a PDF whose lines were wrapped by hand at the page width.

/// Sentence-final marks: a line ending with one ends its sentence.
const FINAL: [char; 8] = ['。', '！', '？', '；', '：', '…', '”', '」'];

fn ends_sentence(s: &str) -> bool {
    s.trim_end().ends_with(FINAL)
}

/// The shortest page of a previewer's extract, in characters (the last page excepted).
const MIN_PAGE: usize = 150;

/// Lines that are pages of an online previewer, each opening with its page number:
/// the index of the first line and the byte length of each page number, in order.
///
/// A run of at least two consecutive lines numbered 1、2、3… from one, each (but the last)
/// long enough to be a page, where most pages (but the last) stop in mid-sentence: list
/// items end their sentences, pages cut them.
pub(crate) fn previewer_pages(texts: &[&str]) -> Option<(usize, Vec<usize>)> {
    let mut start = 0;
    while start < texts.len() {
        let mut prefixes = Vec::new();
        for (k, t) in texts[start..].iter().enumerate() {
            match crate::marker::parse(t) {
                Some(m) if m.kind == crate::marker::Kind::Arabic && m.number as usize == k + 1 => {
                    prefixes.push(m.len)
                }
                _ => break,
            }
        }
        // The next run starts after this one (each line is looked at once or twice).
        let run = prefixes.len();
        if run < 2 {
            start += 1;
            continue;
        }
        let pages = &texts[start..start + prefixes.len()];
        let (last, full) = pages.split_last()?;
        let long = full.iter().all(|p| p.chars().count() >= MIN_PAGE);
        let cut = full.iter().filter(|p| !ends_sentence(p)).count();
        if long && cut * 2 >= full.len() && !last.is_empty() {
            return Some((start, prefixes));
        }
        start += run;
    }
    None
}

/// A line of a text file as the wrap detection sees it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct WrapLine<'a> {
    /// The line without its indent.
    pub text: &'a str,
    /// The line opened with white space (a paragraph's indent).
    pub indented: bool,
}

/// The lines that continue the line before them because a program wrapped a paragraph at
/// the page width: `true` at each line to join to the one before.
///
/// A line is full when it is about as long as most lines of the file; a full line that
/// stops in mid-sentence continues on the next line, unless that line opens a paragraph:
/// with an indent, where the text marks paragraphs by indents, or with an outline number
/// or as a date, where it does not. A few such lines are ordinary; wrapping makes many.
pub(crate) fn wrapped(lines: &[WrapLine]) -> Vec<bool> {
    let mut join = vec![false; lines.len()];
    let indents = lines.iter().filter(|l| l.indented).count() >= 3;
    let len = |l: &WrapLine| l.text.chars().count() + if l.indented { 2 } else { 0 };
    let mut lengths: Vec<usize> = lines.iter().map(len).filter(|&n| n >= 10).collect();
    if lengths.len() < 5 {
        return join;
    }
    lengths.sort_unstable();
    let width = lengths[lengths.len() * 4 / 5];
    let full = |l: &WrapLine| len(l) * 100 >= width * 85;
    let mut candidates = 0;
    for i in 1..lines.len() {
        let (prev, cur) = (&lines[i - 1], &lines[i]);
        let opens = if indents {
            cur.indented
        } else {
            crate::marker::parse(cur.text).is_some()
        };
        if full(prev)
            && !ends_sentence(prev.text)
            && !opens
            && crate::frame::date_line(cur.text).is_none()
        {
            join[i] = true;
            candidates += 1;
        }
    }
    // Without indents to tell paragraphs apart, wrapping must show in many more lines.
    let enough = if indents {
        candidates >= 3 && candidates * 10 >= lines.len()
    } else {
        candidates >= 5 && candidates * 5 >= lines.len()
    };
    if !enough {
        join.iter_mut().for_each(|j| *j = false);
    }
    join
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn previewer_pages_are_found_by_their_cut_sentences() {
        let page = |n: usize, end: &str| {
            format!(
                "{n}、{}{end}",
                "园区经济保持稳中有进的发展态势。".repeat(12)
            )
        };
        let (a, b, c) = (
            page(1, "综合发展评价中"),
            page(2, "重大项目储备不足，"),
            page(3, "。"),
        );
        let texts = ["《标题》", a.as_str(), b.as_str(), c.as_str()];
        assert_eq!(previewer_pages(&texts), Some((1, vec![4, 4, 4])));
        // List items end their sentences: no pages.
        let (a, b) = (page(1, "。"), page(2, "。"));
        assert_eq!(previewer_pages(&[a.as_str(), b.as_str()]), None);
        // Short numbered lines are items.
        assert_eq!(
            previewer_pages(&["1、招商引资量质齐升", "2、项目建设提质增速"]),
            None
        );
    }

    #[test]
    fn wrapped_lines_join_the_line_before() {
        let l = |text, indented| WrapLine { text, indented };
        let lines = [
            l("石门经济技术开发区管委会2023年工作总结", false),
            l(
                "2023年，石门经济技术开发区管委会坚持以习近平新时代中国特色社会主",
                true,
            ),
            l(
                "义思想为指导，全面贯彻党的二十大精神，认真落实省委、市委各项决策部署，锚",
                false,
            ),
            l(
                "定“争创国家级经济技术开发区”目标，聚焦产业强区、项目兴区、开放活区，全",
                false,
            ),
            l("区经济保持量质齐升的良好态势。", false),
            l("一、2023年工作完成情况", true),
            l(
                "1.主导产业集群加快壮大。新能源汽车及零部件产业实现产值186.4亿",
                true,
            ),
            l(
                "元，同比增长21.3%；生物医药产业实现产值97.6亿元，同比增长",
                false,
            ),
            l("12.5%。", false),
            l("（二）项目建设全面提速", true),
            l("石门经济技术开发区管委会", false),
            l("2024年1月12日", false),
        ];
        let join = wrapped(&lines);
        let joined: Vec<usize> = (0..lines.len()).filter(|&i| join[i]).collect();
        assert_eq!(joined, vec![2, 3, 4, 7, 8]);
        // Without indents: a numbered line opens a paragraph.
        let flat: Vec<WrapLine> = lines.iter().map(|w| l(w.text, false)).collect();
        let join = wrapped(&flat);
        let joined: Vec<usize> = (0..flat.len()).filter(|&i| join[i]).collect();
        assert_eq!(joined, vec![2, 3, 4, 7, 8]);
        // One paragraph a line: nothing is joined.
        let lines = [
            l("一、主要工作", true),
            l(
                "今年以来，园区坚持项目为王，新签约项目12个，协议总投资35.6亿元。",
                true,
            ),
            l("（一）招商引资", true),
            l("园区管委会", false),
            l("2022年7月12日", false),
        ];
        assert!(wrapped(&lines).iter().all(|j| !j));
    }
}
