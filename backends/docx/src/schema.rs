//! Puts WordprocessingML children in the order the schema (ECMA-376, transitional) demands.
//!
//! docx-rs writes several property elements out of order (`w:rPr` first in `w:pPr`,
//! footer references last in `w:sectPr` …). Word repairs or rejects such files and
//! validators flag them, so every part docx-rs wrote is put in order here.

use crate::xml::{El, Node};

/// Children of `w:pPr` (CT_PPr).
const PPR: &[&str] = &[
    "w:pStyle",
    "w:keepNext",
    "w:keepLines",
    "w:pageBreakBefore",
    "w:framePr",
    "w:widowControl",
    "w:numPr",
    "w:suppressLineNumbers",
    "w:pBdr",
    "w:shd",
    "w:tabs",
    "w:suppressAutoHyphens",
    "w:kinsoku",
    "w:wordWrap",
    "w:overflowPunct",
    "w:topLinePunct",
    "w:autoSpaceDE",
    "w:autoSpaceDN",
    "w:bidi",
    "w:adjustRightInd",
    "w:snapToGrid",
    "w:spacing",
    "w:ind",
    "w:contextualSpacing",
    "w:mirrorIndents",
    "w:suppressOverlap",
    "w:jc",
    "w:textDirection",
    "w:textAlignment",
    "w:textboxTightWrap",
    "w:outlineLvl",
    "w:divId",
    "w:cnfStyle",
    "w:rPr",
    "w:sectPr",
    "w:pPrChange",
];

/// Children of `w:rPr` (CT_RPr and CT_ParaRPr).
const RPR: &[&str] = &[
    "w:ins",
    "w:del",
    "w:moveFrom",
    "w:moveTo",
    "w:rStyle",
    "w:rFonts",
    "w:b",
    "w:bCs",
    "w:i",
    "w:iCs",
    "w:caps",
    "w:smallCaps",
    "w:strike",
    "w:dstrike",
    "w:outline",
    "w:shadow",
    "w:emboss",
    "w:imprint",
    "w:noProof",
    "w:snapToGrid",
    "w:vanish",
    "w:webHidden",
    "w:color",
    "w:spacing",
    "w:w",
    "w:kern",
    "w:position",
    "w:sz",
    "w:szCs",
    "w:highlight",
    "w:u",
    "w:effect",
    "w:bdr",
    "w:shd",
    "w:fitText",
    "w:vertAlign",
    "w:rtl",
    "w:cs",
    "w:em",
    "w:lang",
    "w:eastAsianLayout",
    "w:specVanish",
    "w:oMath",
    "w:rPrChange",
];

/// Children of `w:sectPr` (CT_SectPr).
const SECTPR: &[&str] = &[
    "w:headerReference|w:footerReference",
    "w:footnotePr",
    "w:endnotePr",
    "w:type",
    "w:pgSz",
    "w:pgMar",
    "w:paperSrc",
    "w:pgBorders",
    "w:lnNumType",
    "w:pgNumType",
    "w:cols",
    "w:formProt",
    "w:vAlign",
    "w:noEndnote",
    "w:titlePg",
    "w:textDirection",
    "w:bidi",
    "w:rtlGutter",
    "w:docGrid",
    "w:printerSettings",
    "w:sectPrChange",
];

/// Children of `w:tblPr` (CT_TblPr).
const TBLPR: &[&str] = &[
    "w:tblStyle",
    "w:tblpPr",
    "w:tblOverlap",
    "w:bidiVisual",
    "w:tblStyleRowBandSize",
    "w:tblStyleColBandSize",
    "w:tblW",
    "w:jc",
    "w:tblCellSpacing",
    "w:tblInd",
    "w:tblBorders",
    "w:shd",
    "w:tblLayout",
    "w:tblCellMar",
    "w:tblLook",
    "w:tblCaption",
    "w:tblDescription",
    "w:tblPrChange",
];

/// Children of `w:tcPr` (CT_TcPr).
const TCPR: &[&str] = &[
    "w:cnfStyle",
    "w:tcW",
    "w:gridSpan",
    "w:hMerge",
    "w:vMerge",
    "w:tcBorders",
    "w:shd",
    "w:noWrap",
    "w:tcMar",
    "w:textDirection",
    "w:tcFitText",
    "w:vAlign",
    "w:hideMark",
    "w:headers",
    "w:cellIns",
    "w:cellDel",
    "w:cellMerge",
    "w:tcPrChange",
];

/// Border sets: `w:pBdr`, `w:tblBorders`, `w:tcBorders`, and cell margins.
const BORDERS: &[&str] = &[
    "w:top",
    "w:left|w:start",
    "w:bottom",
    "w:right|w:end",
    "w:insideH|w:between",
    "w:insideV|w:bar",
    "w:tl2br",
    "w:tr2bl",
];

/// Children of `w:style` (CT_Style).
const STYLE: &[&str] = &[
    "w:name",
    "w:aliases",
    "w:basedOn",
    "w:next",
    "w:link",
    "w:autoRedefine",
    "w:hidden",
    "w:uiPriority",
    "w:semiHidden",
    "w:unhideWhenUsed",
    "w:qFormat",
    "w:locked",
    "w:personal",
    "w:personalCompose",
    "w:personalReply",
    "w:rsid",
    "w:pPr",
    "w:rPr",
    "w:tblPr",
    "w:trPr",
    "w:tcPr",
    "w:tblStylePr",
];

/// Children of a numbering level `w:lvl` (CT_Lvl).
const LVL: &[&str] = &[
    "w:start",
    "w:numFmt",
    "w:lvlRestart",
    "w:pStyle",
    "w:isLgl",
    "w:suff",
    "w:lvlText",
    "w:lvlPicBulletId",
    "w:legacy",
    "w:lvlJc",
    "w:pPr",
    "w:rPr",
];

/// Children of `w:settings` (CT_Settings).
const SETTINGS: &[&str] = &[
    "w:writeProtection",
    "w:view",
    "w:zoom",
    "w:removePersonalInformation",
    "w:removeDateAndTime",
    "w:doNotDisplayPageBoundaries",
    "w:displayBackgroundShape",
    "w:printPostScriptOverText",
    "w:printFractionalCharacterWidth",
    "w:printFormsData",
    "w:embedTrueTypeFonts",
    "w:embedSystemFonts",
    "w:saveSubsetFonts",
    "w:saveFormsData",
    "w:mirrorMargins",
    "w:alignBordersAndEdges",
    "w:bordersDoNotSurroundHeader",
    "w:bordersDoNotSurroundFooter",
    "w:gutterAtTop",
    "w:hideSpellingErrors",
    "w:hideGrammaticalErrors",
    "w:activeWritingStyle",
    "w:proofState",
    "w:formsDesign",
    "w:attachedTemplate",
    "w:linkStyles",
    "w:stylePaneFormatFilter",
    "w:stylePaneSortMethod",
    "w:documentType",
    "w:mailMerge",
    "w:revisionView",
    "w:trackRevisions",
    "w:doNotTrackMoves",
    "w:doNotTrackFormatting",
    "w:documentProtection",
    "w:autoFormatOverride",
    "w:styleLockTheme",
    "w:styleLockQFSet",
    "w:defaultTabStop",
    "w:autoHyphenation",
    "w:consecutiveHyphenLimit",
    "w:hyphenationZone",
    "w:doNotHyphenateCaps",
    "w:showEnvelope",
    "w:summaryLength",
    "w:clickAndTypeStyle",
    "w:defaultTableStyle",
    "w:evenAndOddHeaders",
    "w:bookFoldRevPrinting",
    "w:bookFoldPrinting",
    "w:bookFoldPrintingSheets",
    "w:drawingGridHorizontalSpacing",
    "w:drawingGridVerticalSpacing",
    "w:displayHorizontalDrawingGridEvery",
    "w:displayVerticalDrawingGridEvery",
    "w:doNotUseMarginsForDrawingGridOrigin",
    "w:drawingGridHorizontalOrigin",
    "w:drawingGridVerticalOrigin",
    "w:doNotShadeFormData",
    "w:noPunctuationKerning",
    "w:characterSpacingControl",
    "w:printTwoOnOne",
    "w:strictFirstAndLastChars",
    "w:noLineBreaksAfter",
    "w:noLineBreaksBefore",
    "w:savePreviewPicture",
    "w:doNotValidateAgainstSchema",
    "w:saveInvalidXml",
    "w:ignoreMixedContent",
    "w:alwaysShowPlaceholderText",
    "w:doNotDemarcateInvalidXml",
    "w:saveXmlDataOnly",
    "w:useXSLTWhenSaving",
    "w:saveThroughXslt",
    "w:showXMLTags",
    "w:alwaysMergeEmptyNamespace",
    "w:updateFields",
    "w:hdrShapeDefaults",
    "w:footnotePr",
    "w:endnotePr",
    "w:compat",
    "w:docVars",
    "w:rsids",
    "m:mathPr",
    "w:attachedSchema",
    "w:themeFontLang",
    "w:clrSchemeMapping",
    "w:doNotIncludeSubdocsInStats",
    "w:doNotAutoCompressPictures",
    "w:forceUpgrade",
    "w:captions",
    "w:readModeInkLockDown",
    "w:smartTagType",
    "sl:schemaLibrary",
    "w:shapeDefaults",
    "w:doNotEmbedSmartTags",
    "w:decimalSymbol",
    "w:listSeparator",
];

/// Containers whose property element must come first.
const FIRST: &[(&str, &str)] = &[
    ("w:p", "w:pPr"),
    ("w:r", "w:rPr"),
    ("w:tc", "w:tcPr"),
    ("w:tr", "w:trPr"),
];

/// The order of children for an element, if the schema fixes one.
fn order_of(name: &str) -> Option<&'static [&'static str]> {
    Some(match name {
        "w:pPr" => PPR,
        "w:rPr" => RPR,
        "w:sectPr" => SECTPR,
        "w:tblPr" => TBLPR,
        "w:tcPr" => TCPR,
        "w:pBdr" | "w:tblBorders" | "w:tcBorders" | "w:tblCellMar" | "w:tcMar" => BORDERS,
        "w:style" => STYLE,
        "w:lvl" => LVL,
        "w:settings" => SETTINGS,
        _ => return None,
    })
}

/// The rank of `child` in `order`; unknown elements go last, keeping their order.
fn rank(order: &[&str], child: &str) -> usize {
    order
        .iter()
        .position(|slot| slot.split('|').any(|n| n == child))
        .unwrap_or(order.len())
}

/// Attributes the schema does not declare on an element, dropped.
fn undeclared_attribute(element: &str, attribute: &str) -> bool {
    matches!((element, attribute), ("w:gridCol", "w:type"))
}

/// Puts the whole tree below `el` in schema order (a stable sort of each container).
pub(crate) fn canonicalize(el: &mut El) {
    let name = el.name.clone();
    el.attrs.retain(|(k, _)| !undeclared_attribute(&name, k));
    for child in el.elements_mut() {
        canonicalize(child);
    }
    if let Some(order) = order_of(&el.name) {
        el.children.sort_by_key(|n| match n {
            Node::Element(c) => rank(order, &c.name),
            Node::Text(_) => order.len(),
        });
    } else if let Some((_, first)) = FIRST.iter().find(|(parent, _)| *parent == el.name) {
        el.children.sort_by_key(|n| match n {
            Node::Element(c) if c.name == *first => 0,
            _ => 1,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::xml::parse;

    fn names(el: &El) -> Vec<&str> {
        el.elements().map(|e| e.name.as_str()).collect()
    }

    #[test]
    fn paragraph_properties_follow_the_schema() {
        let mut p = parse(
            br#"<w:pPr><w:rPr/><w:pStyle w:val="A"/><w:jc w:val="both"/><w:keepNext/><w:widowControl w:val="0"/><w:tabs/></w:pPr>"#,
        )
        .unwrap();
        canonicalize(&mut p);
        assert_eq!(
            names(&p),
            [
                "w:pStyle",
                "w:keepNext",
                "w:widowControl",
                "w:tabs",
                "w:jc",
                "w:rPr"
            ]
        );
    }

    #[test]
    fn footer_references_come_first_in_a_section() {
        let mut s = parse(
            br#"<w:sectPr><w:pgSz/><w:pgMar/><w:footerReference w:type="default"/><w:docGrid/><w:footerReference w:type="even"/></w:sectPr>"#,
        )
        .unwrap();
        canonicalize(&mut s);
        assert_eq!(
            names(&s),
            [
                "w:footerReference",
                "w:footerReference",
                "w:pgSz",
                "w:pgMar",
                "w:docGrid"
            ]
        );
        assert_eq!(
            s.elements().nth(1).and_then(|e| e.get_attr("w:type")),
            Some("even".to_string())
        );
    }

    #[test]
    fn grid_columns_lose_the_undeclared_type() {
        let mut g =
            parse(br#"<w:tblGrid><w:gridCol w:w="100" w:type="dxa"/></w:tblGrid>"#).unwrap();
        canonicalize(&mut g);
        let col = g.find("w:gridCol").unwrap();
        assert_eq!(col.attrs.len(), 1);
        assert_eq!(col.get_attr("w:w").as_deref(), Some("100"));
    }

    #[test]
    fn run_properties_come_first_in_a_run() {
        let mut r = parse(br#"<w:r><w:t>a</w:t><w:rPr><w:sz w:val="2"/><w:rFonts/></w:rPr></w:r>"#)
            .unwrap();
        canonicalize(&mut r);
        assert_eq!(names(&r), ["w:rPr", "w:t"]);
        assert_eq!(names(r.find("w:rPr").unwrap()), ["w:rFonts", "w:sz"]);
    }
}
