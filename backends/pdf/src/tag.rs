//! The tagged PDF's structure (ISO 32000-1 14.7–14.8, PDF/UA-1): the document's
//! structure tree ([`huibao_core::ir::structure`]) as StructElem objects, each holding
//! the marked-content sequences (by page and MCID) that draw it, and the parent tree
//! that leads from every MCID back to its element.
//!
//! The content streams are marked while they are written ([`crate::emit`]): every line of
//! document text is a marked-content sequence with an MCID, tagged with its element's
//! structure type; a chart's drawing is marked as its Figure; pagination (page numbers,
//! 续表 and a repeated header) and layout (rules, borders) are artifacts.

use huibao_core::ir::structure::{Role, Structure};
use lopdf::{Dictionary, Object, ObjectId};

/// Which structure node each marked-content sequence of a page belongs to: `pages[p][m]`
/// is the node of MCID `m` on page `p`.
#[derive(Debug, Clone, Default)]
pub(crate) struct Marked {
    /// Per page, per MCID, the node index in [`Structure::nodes`].
    pub pages: Vec<Vec<usize>>,
    /// The box each figure is drawn in on its (first) page, by node: (page, [x0, y0, x1,
    /// y1] in PDF user space): a Figure's BBox attribute (ISO 32000-1 14.8.5.4.3).
    pub boxes: std::collections::BTreeMap<usize, (usize, [f64; 4])>,
}

impl Marked {
    /// A new MCID on page `page` for content of `node`.
    pub(crate) fn next(&mut self, page: usize, node: usize) -> i64 {
        if self.pages.len() <= page {
            self.pages.resize_with(page + 1, Vec::new);
        }
        self.pages[page].push(node);
        (self.pages[page].len() - 1) as i64
    }

    /// Grows the box of `node` on `page` to hold `rect` ([x0, y0, x1, y1]); a node's
    /// box is the one on the first page it is drawn on.
    pub(crate) fn enclose(&mut self, node: usize, page: usize, rect: [f64; 4]) {
        let entry = self.boxes.entry(node).or_insert((page, rect));
        if entry.0 == page {
            let b = &mut entry.1;
            b[0] = b[0].min(rect[0]);
            b[1] = b[1].min(rect[1]);
            b[2] = b[2].max(rect[2]);
            b[3] = b[3].max(rect[3]);
        }
    }
}

/// A PDF text string: UTF-16BE with a byte order mark.
pub(crate) fn text(s: &str) -> Object {
    let mut b = vec![0xFE, 0xFF];
    for u in s.encode_utf16() {
        b.extend(u.to_be_bytes());
    }
    Object::String(b, lopdf::StringFormat::Hexadecimal)
}

fn name(s: &str) -> Object {
    Object::Name(s.as_bytes().to_vec())
}

/// Writes the structure tree of `structure` with the content `marked` on `pages` (page
/// object ids in order), sets each page's StructParents, and returns the
/// StructTreeRoot's id.
pub(crate) fn write(
    doc: &mut lopdf::Document,
    structure: &Structure,
    marked: &Marked,
    pages: &[ObjectId],
) -> ObjectId {
    let nodes = &structure.nodes;
    // Each node's marked content, as (page, MCID), in the order it is drawn.
    let mut content: Vec<Vec<(usize, i64)>> = vec![Vec::new(); nodes.len()];
    for (p, mcids) in marked.pages.iter().enumerate() {
        for (m, &node) in mcids.iter().enumerate() {
            if let Some(c) = content.get_mut(node) {
                c.push((p, m as i64));
            }
        }
    }
    // A node is written when it or a descendant draws something (children follow
    // their parents in `nodes`, so one pass from the end decides).
    let mut kept = vec![false; nodes.len()];
    for i in (0..nodes.len()).rev() {
        kept[i] = !content[i].is_empty() || nodes[i].children.iter().any(|&c| kept[c]);
    }
    kept[0] = true;
    let root_id = doc.new_object_id();
    let ids: Vec<Option<ObjectId>> = kept
        .iter()
        .map(|&k| k.then(|| doc.new_object_id()))
        .collect();
    let mut parents = vec![root_id; nodes.len()];
    for (i, n) in nodes.iter().enumerate() {
        for &c in &n.children {
            if let Some(id) = ids[i] {
                parents[c] = id;
            }
        }
    }
    for (i, n) in nodes.iter().enumerate() {
        let Some(id) = ids[i] else { continue };
        let mut kids: Vec<Object> = content[i]
            .iter()
            .filter_map(|&(p, m)| {
                let page = *pages.get(p)?;
                Some(Object::Dictionary(Dictionary::from_iter(vec![
                    ("Type", name("MCR")),
                    ("Pg", Object::Reference(page)),
                    ("MCID", Object::Integer(m)),
                ])))
            })
            .collect();
        kids.extend(
            n.children
                .iter()
                .filter_map(|&c| ids[c].map(Object::Reference)),
        );
        let mut d = Dictionary::from_iter(vec![
            ("Type", name("StructElem")),
            ("S", name(&n.role.name())),
            ("P", Object::Reference(parents[i])),
            ("K", Object::Array(kids)),
        ]);
        if let Some(&(p, _)) = content[i].first() {
            if let Some(&page) = pages.get(p) {
                d.set("Pg", Object::Reference(page));
            }
        }
        if let Some(alt) = &n.alt {
            d.set("Alt", text(alt));
        }
        if let Some((_, [x0, y0, x1, y1])) = marked.boxes.get(&i) {
            let bbox = [x0, y0, x1, y1].map(|v| Object::Real(*v as f32));
            d.set(
                "A",
                Object::Dictionary(Dictionary::from_iter(vec![
                    ("O", name("Layout")),
                    ("BBox", Object::Array(bbox.to_vec())),
                ])),
            );
        }
        if n.role == Role::TH {
            d.set(
                "A",
                Object::Dictionary(Dictionary::from_iter(vec![
                    ("O", name("Table")),
                    ("Scope", name("Column")),
                ])),
            );
        }
        doc.objects.insert(id, Object::Dictionary(d));
    }
    // The parent tree: for each page (its StructParents key), the element of each MCID.
    let mut nums = Vec::new();
    for (p, &page) in pages.iter().enumerate() {
        let elements: Vec<Object> = marked
            .pages
            .get(p)
            .map(|mcids| {
                mcids
                    .iter()
                    .map(|&node| ids[node].map_or(Object::Null, Object::Reference))
                    .collect()
            })
            .unwrap_or_default();
        let array = doc.add_object(Object::Array(elements));
        nums.push(Object::Integer(p as i64));
        nums.push(Object::Reference(array));
        if let Ok(Object::Dictionary(d)) = doc.get_object_mut(page) {
            d.set("StructParents", Object::Integer(p as i64));
        }
    }
    let parent_tree = doc.add_object(Dictionary::from_iter(vec![("Nums", Object::Array(nums))]));
    let document = ids[0].unwrap_or(root_id);
    doc.objects.insert(
        root_id,
        Object::Dictionary(Dictionary::from_iter(vec![
            ("Type", name("StructTreeRoot")),
            ("K", Object::Array(vec![Object::Reference(document)])),
            ("ParentTree", Object::Reference(parent_tree)),
            ("ParentTreeNextKey", Object::Integer(pages.len() as i64)),
        ])),
    );
    root_id
}
