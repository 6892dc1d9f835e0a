#!/usr/bin/env python3
"""End-to-end check of the DOCX output with LibreOffice, poppler, python-docx and openxml-audit.

For every examples/*.toml and tests/docx/*.toml: render DOCX (plus HTML and the document
tree's text), convert the DOCX to PDF with LibreOffice and check
- the conversion succeeds and the pages are A4;
- every full body page holds 22 lines, no body line is over 28 characters (CJK = 1, Latin
  and digits = ½) and full lines reach 28 (the 22 × 28 grid of GB/T 9704); only the
  page before the signature's may be short (its last paragraph went with the signature);
- the page holding the signature also holds at least two lines of body text;
- the end matter's (版记) last rule lies within one line of the text block's bottom on
  the last page (rules read with PyMuPDF), its last line too (pdftotext -bbox);
- no gap between a Han character and a Latin letter or digit is wider than two Han
  characters stand apart, plus the 20% of the font size LibreOffice always puts there
  (its DOCX import ignores w:autoSpaceDE/w:autoSpaceDN; see check_mixed_gaps);
- every page carries "— N —" 7 mm below the text block, right-aligned one character in on
  odd pages and left-aligned one character in on even pages (x from pdftotext -bbox);
- LibreOffice prints every character of the document, no more (hanging punctuation it
  loses at a page foot would show here);
- python-docx reads back the margins, the fonts of the styles (w:eastAsia and w:ascii set,
  no theme fonts), the two-character first-line indent, exact line spacing on the grid,
  separate odd/even footers, repeated table header rows, title and author;
- the DOCX text (numbering included, a chart's text read from its part: axis title,
  legend, ticks from the axis's range and step, categories and values in the formats
  Word prints them in, and the caption from the shapes drawn over it) equals the HTML
  page's text and the tree's text;
- every chart's cached data are the report's figures (this period's and last year's
  values, completion rates to one decimal), its embedded workbook holds the same, and
  LibreOffice's PDF has filled shapes in each series' colour for every bar;
- openxml-audit finds no error outside tests/docx/openxml-allow.txt;
- pages a typesetter would sign off, in LibreOffice's rendering: no page but the last,
  one before an attachment or the end matter, or one before the signature's page that
  carries only the lines it needs ends more than two grid lines above the block's foot
  (a page before a chart included: the DOCX's chart floats, so one that does not fit goes
  to the next page with its caption and the text after it fills the page);
  a table fragment that opens with the header row holds two body rows; a table's
  caption stands with its table; header cells break only between terms.
Page images (pdftoppm) are left in OUT_DIR for looking at.

Usage: docx_check.py [HUIBAO_BINARY [OUT_DIR]]   (defaults: target/debug/huibao, target/e2e)
Prints one line per report and a final line "docx: N passed, M failed"; exits 1 on failure.
"""
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tomllib
from collections import Counter

from check_common import (BOTTOM, CHARS, LEFT, MM, NUMBER_SIZE, PAGE_H, PAGE_W, PITCH, RIGHT, ROOT,
                          ROWS, TOP, args, check_reports, check_tables, early_pages, first_difference,
                          glyph_rows, html_parts, html_text, is_han, reports, run_ok as run, squeeze)

BLOCK_BOTTOM = PAGE_H - BOTTOM
ALLOW_LIST = os.path.join(ROOT, "tests", "docx", "openxml-allow.txt")

# The preset's fonts (core/src/style.rs); a report may override them in [style.fonts].
PRESET_FONTS = {
    "body": "仿宋_GB2312", "title": "方正小标宋简体", "heading1": "黑体",
    "heading2": "楷体_GB2312", "heading3": "仿宋_GB2312", "heading4": "仿宋_GB2312",
    "page_number": "宋体", "latin": "Times New Roman",
}
STYLE_ROLES = {  # Word style name -> font role
    "Body Text": "body", "Title": "title", "Heading 1": "heading1", "Heading 2": "heading2",
    "Heading 3": "heading3", "Heading 4": "heading4", "footer": "page_number",
}


def width_units(text):
    """Full-width characters count 1, the rest (Latin letters, digits) ½."""
    total = 0.0
    for c in text:
        o = ord(c)
        wide = (0x2E80 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF or 0xFE30 <= o <= 0xFE4F
                or 0xFF00 <= o <= 0xFF60 or 0xFFE0 <= o <= 0xFFE6 or 0x2014 <= o <= 0x2026
                or o >= 0x20000)
        total += 1.0 if wide else 0.5
    return total


# ---------------------------------------------------------------- the PDF LibreOffice made

def pdf_pages(pdf):
    """Per page: its lines as dicts (text, x0, y0, x1, y1), from pdftotext -bbox-layout."""
    out = run(["pdftotext", "-bbox-layout", pdf, "-"]).stdout
    pages = []
    for page in out.split("<page ")[1:]:
        lines = []
        for x0, y0, x1, y1, body in re.findall(
                r'<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</line>',
                page, re.S):
            words = re.findall(r"<word [^>]*>([^<]*)</word>", body)
            text = html.unescape("".join(words))
            lines.append({"text": text, "x0": float(x0), "y0": float(y0),
                          "x1": float(x1), "y1": float(y1)})
        pages.append(lines)
    return pages


def kind(line):
    """body (a 16 pt line), small (tables, end matter: 14 pt) or large (titles)."""
    h = line["y1"] - line["y0"]
    if h < 19.5:
        return "small"
    if h > 22.5:
        return "large"
    return "body"


def in_block(line):
    return line["y0"] >= TOP - 2 and line["y1"] <= BLOCK_BOTTOM + 2


def baselines(lines):
    """Lines grouped by their vertical position (a row split into words counts once)."""
    rows = {}
    for line in lines:
        rows.setdefault(round(line["y1"]), []).append(line)
    return [sorted(r, key=lambda l: l["x0"]) for _, r in sorted(rows.items())]


def glyph_lines(pdf):
    """Per page: lines of glyphs (x0, x1, char, size) left to right, as MuPDF reads them."""
    rows = glyph_rows(pdf, lambda c, size: (c["bbox"][0], c["bbox"][2], c["c"], size))
    return [[glyphs for _, glyphs in page] for page in rows]


def check_mixed_gaps(pdf, problems):
    """The gaps where Han body text meets a Latin letter or digit, against the gap between
    two Han characters of the line. LibreOffice 7.4 always adds 20% of the font size
    there (and spreads a justified line's space into it too): its DOCX import ignores
    w:autoSpaceDE/w:autoSpaceDN (writerfilter's DomainMapper drops both), and only a
    character grid turns the spacing off, which snaps every character to a whole cell.
    A gap over 30% of the font size is a real one (a stray space, spacing we added)."""
    widest = 0.0
    for n, lines in enumerate(glyph_lines(pdf), start=1):
        for line in lines:
            # Neighbours across a space character (图1　园区…) are apart on purpose.
            glyphs = [g for g in line if not g[2].isspace()]
            spaced = {i for i, g in enumerate(line) if g[2].isspace()}
            after_space = {line[i + 1] for i in spaced if i + 1 < len(line)}
            pairs = [(a, b) for a, b in zip(glyphs, glyphs[1:]) if b not in after_space]
            han = sorted(b[0] - a[1] for a, b in pairs if is_han(a[2]) and is_han(b[2]))
            if not han:
                continue
            own = han[len(han) // 2]
            for a, b in pairs:
                if abs(a[3] - 16) > 0.5 or abs(b[3] - 16) > 0.5:
                    continue  # body text only: not tables, titles or the end matter
                mixed = ((is_han(a[2]) and b[2].isascii() and b[2].isalnum())
                         or (a[2].isascii() and a[2].isalnum() and is_han(b[2])))
                if not mixed:
                    continue
                extra = (b[0] - a[1]) - own
                if extra > a[3]:
                    continue  # a table's next cell, a tab
                widest = max(widest, extra)
                if extra > 0.3 * a[3]:
                    text = "".join(g[2] for g in glyphs)
                    problems.append(f"page {n}: a {extra:.1f} pt gap between {a[2]} and {b[2]}: {text}")
    return widest


def check_closing(pdf, signature, end_matter, problems):
    """Body text on the signature's page, the end matter at the foot of the last page."""
    pages = pdf_pages(pdf)
    # The last line that reads the signature (the red header may show the same organ).
    at = [n for n, lines in enumerate(pages, start=1)
          if signature and any(l["text"].replace(" ", "") == signature for l in lines)]
    sig_page = at[-1] if at else None
    if signature and sig_page is None:
        problems.append(f"the signature {signature!r} is not on any page")
    elif signature:
        lines = [l for l in pages[sig_page - 1] if in_block(l)]
        sig_y = max(l["y0"] for l in lines if l["text"].replace(" ", "") == signature)
        body = [l for l in lines if l["y1"] <= sig_y and kind(l) == "body"
                and not l["text"].replace(" ", "").startswith(("附件：", "附件:"))
                and l["x0"] < LEFT + 3 * 16]
        # Attachment titles after the first are set under the first one's name.
        if len(body) < 2:
            problems.append(f"page {sig_page}: the signature has {len(body)} body lines on its page, "
                            "not at least 2")
    if end_matter:
        import pymupdf
        with pymupdf.open(pdf) as doc:
            last = doc[-1]
            rules = [d["rect"] for d in last.get_drawings()
                     if d["rect"].width > 0.9 * (PAGE_W - LEFT - RIGHT) and d["rect"].height < 3]
        if not rules:
            problems.append("no end-matter rule on the last page")
        else:
            bottom = max(r.y1 for r in rules)
            if abs(bottom - BLOCK_BOTTOM) > PITCH:
                problems.append(f"the end matter's last rule is {BLOCK_BOTTOM - bottom:.1f} pt above "
                                "the text block's bottom, not within one line")
        last_lines = [l for l in pages[-1] if l["text"].replace(" ", "").endswith(end_matter)]
        if not last_lines or BLOCK_BOTTOM - max(l["y1"] for l in last_lines) > PITCH:
            problems.append("the end matter's last line is not on the last line of the last page")
    return sig_page


def check_pages(pdf, closing, problems, sig_page=None):
    """Grid, characters per line and page numbers."""
    info = run(["pdfinfo", pdf]).stdout
    size = re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info)
    if not size or abs(float(size.group(1)) - PAGE_W) > 1 or abs(float(size.group(2)) - PAGE_H) > 1:
        problems.append(f"page size {size.group(0) if size else '?'} is not A4")
    pages = pdf_pages(pdf)
    widest, full_pages = 0.0, 0
    for n, lines in enumerate(pages, start=1):
        block = [l for l in lines if in_block(l)]
        for line in block:
            if kind(line) == "body" and line["x0"] < PAGE_W / 2:
                units = width_units(line["text"])
                if line["text"].isascii() is False and not re.search(r"[ -~]", line["text"]):
                    widest = max(widest, units)  # lines without Latin show the grid exactly
                if units > CHARS:
                    problems.append(f"page {n}: line of {units:g} characters: {line['text']}")
        check_page_number(n, lines, problems)
        if n == len(pages) or any(kind(l) != "body" for l in block):
            continue
        following = [l for l in pages[n] if in_block(l)][:3]
        first = following[0]["text"] if following else ""
        if (any(kind(l) == "small" for l in following) or re.fullmatch(r"附件\d*", first)
                or any(first.startswith(c) for c in closing) or n + 1 == sig_page
                or re.match(r"([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)", first)):
            # A table, an attachment, a heading (kept with its text) or the closing parts
            # start on the next page, or the last paragraphs went with the signature.
            continue
        rows = baselines(block)
        full_pages += 1
        if len(rows) != ROWS:
            problems.append(f"page {n}: {len(rows)} body lines, not {ROWS}")
    if widest and widest != CHARS:
        problems.append(f"the longest all-Chinese body line has {widest:g} characters, not {CHARS}")
    return len(pages), full_pages


def check_page_number(n, lines, problems):
    below = [l for l in lines if l["y0"] > BLOCK_BOTTOM]
    text = "".join(l["text"] for l in below)
    if not re.fullmatch(rf"—\s*{n}\s*—", text):
        problems.append(f"page {n}: page number reads {text!r}, not '— {n} —'")
        return
    x0, x1 = min(l["x0"] for l in below), max(l["x1"] for l in below)
    middle = (min(l["y0"] for l in below) + max(l["y1"] for l in below)) / 2
    if n % 2:
        want = PAGE_W - RIGHT - NUMBER_SIZE
        if abs(x1 - want) > 2:
            problems.append(f"page {n}: number ends at x={x1:.1f}, not {want:.1f} (right, one character in)")
    else:
        want = LEFT + NUMBER_SIZE
        if abs(x0 - want) > 2:
            problems.append(f"page {n}: number starts at x={x0:.1f}, not {want:.1f} (left, one character in)")
    if abs(middle - (BLOCK_BOTTOM + 7 * MM)) > 4:
        problems.append(f"page {n}: number centred {(middle - BLOCK_BOTTOM) / MM:.1f} mm below the block, not 7 mm")


# ---------------------------------------------------------------- the DOCX read back

C_NS = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"
A_NS = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


def excel_number(text, code):
    """A cached number as Excel prints it in the formats huibao writes: General (the
    number as written, which the cache holds), 0, 0.0 … each with an optional "suffix";
    rounded half away from zero, as huibao rounds."""
    from decimal import Decimal, ROUND_HALF_UP
    m = re.fullmatch(r'(General|0(?:\.(0+))?)(?:"([^"]*)")?', code)
    if not m:
        raise ValueError(f"unexpected number format {code!r}")
    if m.group(1) == "General":
        number = text
    else:
        places = len(m.group(2) or "")
        number = str(Decimal(text).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP))
    return number + (m.group(3) or "")


def chart_data(xml):
    """What a chart part shows and holds: its axis title, legend (series names when it
    has a legend), ticks, categories, and per series its colour and cached values with
    their printed labels."""
    import xml.etree.ElementTree as ET
    root = ET.fromstring(xml)
    c = lambda name: C_NS + name
    val_ax = root.find(f".//{c('valAx')}")
    title = "".join(t.text or "" for t in val_ax.iter(A_NS + "t")) if val_ax.find(c("title")) is not None else ""
    scaling = val_ax.find(c("scaling"))
    from decimal import Decimal
    low, high = (Decimal(scaling.find(c(k)).get("val")) for k in ("min", "max"))
    step = Decimal(val_ax.find(c("majorUnit")).get("val"))
    tick_format = val_ax.find(c("numFmt")).get("formatCode")
    ticks, t = [], low
    while t <= high:
        ticks.append(excel_number(str(t), tick_format))
        t += step
    series = []
    categories = []
    for ser in root.iter(c("ser")):
        name = ser.find(f"{c('tx')}//{c('v')}").text
        categories = [pt.find(c("v")).text for pt in ser.find(c("cat")).iter(c("pt"))]
        labels = ser.find(c("dLbls"))
        formats = {int(d.find(c("idx")).get("val")): d.find(c("numFmt")).get("formatCode")
                   for d in labels.findall(c("dLbl"))}
        common = labels.find(c("numFmt")).get("formatCode")
        values = {}
        for pt in ser.find(c("val")).iter(c("pt")):
            i = int(pt.get("idx"))
            text = pt.find(c("v")).text
            values[i] = (text, excel_number(text, formats.get(i, common)))
        fill = ser.find(f"{c('spPr')}/{A_NS}solidFill/{A_NS}srgbClr").get("val")
        series.append({"name": name, "fill": fill, "values": values})
    legend = root.find(f".//{c('legend')}") is not None
    return {"title": title, "legend": legend, "ticks": ticks, "categories": categories,
            "series": series}


CDR_NS = "{http://schemas.openxmlformats.org/drawingml/2006/chartDrawing}"


def chart_of(part):
    """chart_data of a chart part, with its caption: the text of the shapes drawn over
    it (the DOCX sets the caption there, so that it floats with the chart)."""
    import xml.etree.ElementTree as ET
    data = chart_data(part.blob)
    caption = []
    for rel in part.rels.values():
        if rel.reltype.endswith("/chartUserShapes"):
            shapes = ET.fromstring(rel.target_part.blob)
            for sp in shapes.iter(CDR_NS + "sp"):
                caption += [t.text or "" for t in sp.iter(A_NS + "t")]
    data["caption"] = "".join(caption)
    return data


def chart_text(data):
    """A chart's text in the document's order: axis title, legend, ticks, then each
    category with its values, then the caption."""
    out = [data["title"]] + ([s["name"] for s in data["series"]] if data["legend"] else [])
    out += data["ticks"]
    for i, name in enumerate(data["categories"]):
        out.append(name)
        out += [s["values"][i][1] for s in data["series"] if i in s["values"]]
    out.append(data["caption"])
    return "\n".join(out)


def charts_of(document):
    """The chart parts of the body, in order, as chart_data."""
    out = []
    for chart in document.element.body.iter(C_NS + "chart"):
        out.append(chart_of(document.part.related_parts[chart.get(R_ID)]))
    return out


def docx_text(document):
    """Body text in reading order: paragraphs (a chart's text where it stands, from its
    part) and table cells (footers left out)."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph
    parts = []
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            for chart in child.iter(C_NS + "chart"):
                parts.append(chart_text(chart_of(document.part.related_parts[chart.get(R_ID)])))
            parts.append(Paragraph(child, document).text)
        elif tag == "tbl":
            for row in Table(child, document).rows:
                parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


def style_font(style, attribute):
    """A style's font attribute, following basedOn."""
    from docx.oxml.ns import qn
    while style is not None:
        rpr = style.element.rPr
        fonts = rpr.rFonts if rpr is not None else None
        if fonts is not None and fonts.get(qn(attribute)):
            return fonts.get(qn(attribute))
        style = style.base_style
    return None


def style_paragraph(style, attribute):
    while style is not None:
        value = getattr(style.paragraph_format, attribute)
        if value is not None:
            return value
        style = style.base_style
    return None


def expected_fonts(report):
    fonts = dict(PRESET_FONTS)
    for role, spec in report.get("style", {}).get("fonts", {}).items():
        if spec.get("families"):
            fonts[role] = spec["families"][0]
    return fonts


def check_docx(path, report, problems):
    import docx
    from docx.enum.text import WD_LINE_SPACING
    from docx.oxml.ns import qn
    from docx.shared import Twips
    d = docx.Document(path)
    s = d.sections[0]
    for what, got, want in [("page width", s.page_width, Twips(11906)), ("page height", s.page_height, Twips(16838)),
                            ("top margin", s.top_margin, Twips(2098)), ("bottom margin", s.bottom_margin, Twips(1984)),
                            ("left margin", s.left_margin, Twips(1587)), ("right margin", s.right_margin, Twips(1474))]:
        if got != want:
            problems.append(f"{what} is {got} EMU, not {want}")
    grid = s._sectPr.find(qn("w:docGrid"))
    if grid is None or grid.get(qn("w:type")) != "lines" or grid.get(qn("w:linePitch")) != "579":
        problems.append("section has no 22-line grid (w:docGrid lines, pitch 579)")
    if not d.settings.odd_and_even_pages_header_footer:
        problems.append("w:evenAndOddHeaders is off")
    if report.get("style", {}).get("page_numbers", True):
        if s.footer.is_linked_to_previous or s.even_page_footer.is_linked_to_previous:
            problems.append("odd or even page footer is missing")
        for name, footer in [("odd", s.footer), ("even", s.even_page_footer)]:
            if "PAGE" not in footer._element.xml:
                problems.append(f"{name} footer has no PAGE field")

    fonts = expected_fonts(report)
    for name, role in STYLE_ROLES.items():
        style = d.styles[name]
        east = style_font(style, "w:eastAsia")
        if east != fonts[role]:
            problems.append(f"style {name}: eastAsia font {east!r}, not {fonts[role]!r}")
        for attr in ("w:ascii", "w:hAnsi"):
            if not style_font(style, attr):
                problems.append(f"style {name}: no {attr} font")
    if style_font(d.styles["Body Text"], "w:ascii") != fonts["latin"]:
        problems.append(f"body Latin font is not {fonts['latin']!r}")
    styles_xml = d.styles.element.xml
    if "Theme" in "".join(re.findall(r"w:rFonts [^>]*", styles_xml)):
        problems.append("a style uses theme fonts")
    for name in ("Heading 1", "Heading 2", "Heading 3", "Heading 4"):
        lvl = d.styles[name].element.pPr.find(qn("w:outlineLvl"))
        if lvl is None or lvl.get(qn("w:val")) != str(int(name[-1]) - 1):
            problems.append(f"style {name} has no outline level {int(name[-1]) - 1}")

    body = d.styles["Body Text"]
    indent = style_paragraph(body, "first_line_indent")
    if indent is None or abs(indent - Twips(630)) > Twips(2):
        problems.append(f"body first-line indent is {indent}, not two characters (630 twips)")
    if style_paragraph(body, "line_spacing_rule") != WD_LINE_SPACING.EXACTLY:
        problems.append("body line spacing is not exact")
    elif style_paragraph(body, "line_spacing") != Twips(579):
        problems.append(f"body line spacing is {style_paragraph(body, 'line_spacing')}, not 579 twips")

    for i, table in enumerate(d.tables):
        tbl = table._tbl
        if tbl.tblPr.find(qn("w:tblpPr")) is not None:
            continue  # the floating end matter never breaks
        trpr = tbl.tr_lst[0].trPr
        if trpr is None or trpr.find(qn("w:tblHeader")) is None:
            problems.append(f"table {i + 1}: header row is not marked w:tblHeader")
        widths = [int(c.get(qn("w:w"))) for c in tbl.tblGrid.findall(qn("w:gridCol"))]
        if sum(widths) != 8845:
            problems.append(f"table {i + 1}: grid columns add up to {sum(widths)}, not the block's 8845")
        for row in tbl.tr_lst:
            cells = [tc.tcPr.find(qn("w:tcW")) for tc in row.tc_lst]
            if [int(c.get(qn("w:w"))) if c is not None else None for c in cells] != widths:
                problems.append(f"table {i + 1}: cell widths differ from the grid")
                break
            if row.trPr is None or row.trPr.find(qn("w:cantSplit")) is None:
                problems.append(f"table {i + 1}: a row may split across pages")
                break

    props = d.core_properties
    meta = report["report"]
    if props.author != meta["organization"].strip():
        problems.append(f"author is {props.author!r}, not the organization")
    if not props.title or (meta.get("title") and props.title != meta["title"].strip()):
        problems.append(f"title property is {props.title!r}")
    if props.created is None or props.created.date().isoformat() != str(meta["date"]):
        problems.append(f"created date is {props.created}, not the report's date")
    closing = [p.text for p in d.paragraphs
               if p.style is not None and p.style.style_id in ("Signature", "AttachmentNote") and p.text]
    signature = next((p.text for p in d.paragraphs
                      if p.style is not None and p.style.style_id == "Signature" and p.text), None)
    end_matter = None
    for table in d.tables:
        if table._tbl.tblPr.find(qn("w:tblpPr")) is not None:
            texts = [p.text for row in table.rows for c in row.cells for p in c.paragraphs if p.text]
            end_matter = squeeze(texts[-1])[-6:] if texts else None
    return d, closing, signature, end_matter


def check_audit(path, allowed, problems):
    if shutil.which("openxml-audit") is None:
        problems.append("openxml-audit is not installed (python3 -m pip install openxml-audit)")
        return
    out = subprocess.run(["openxml-audit", "-o", "json", "-m", "0", path], capture_output=True, text=True)
    try:
        results = json.loads(out.stdout)
    except json.JSONDecodeError:
        problems.append(f"openxml-audit failed: {out.stderr.strip()[:200]}")
        return
    for result in results:
        for e in result.get("errors", []):
            message = f"{e.get('part_uri')} {e.get('path')}: {e.get('description')}"
            if e.get("severity", "error") == "error" and not any(a in message for a in allowed):
                problems.append(f"openxml-audit: {message}")


def check_charts(path, document, report, problems):
    """Every chart: its cached data are the report's figures (a growth chart's two series
    last year's and this period's values, a completion chart's the rates to one
    decimal), and the embedded workbook holds the same categories and values. Returns
    the charts' data."""
    import io
    import zipfile
    from decimal import Decimal, ROUND_HALF_UP
    charts = charts_of(document)
    indicators = report.get("indicators")
    by_name = {i["name"]: i for i in indicators} if isinstance(indicators, list) else {}
    for n, data in enumerate(charts, start=1):
        percent = data["ticks"][-1].endswith("%")
        years = [int(m.group(1)) if (m := re.match(r"(\d{4})年", s["name"])) else None
                 for s in data["series"]]
        for i, name in enumerate(data["categories"]):
            ind = by_name.get(name)
            if ind is None:
                continue
            for k, s in enumerate(data["series"]):
                if i not in s["values"]:
                    continue
                if percent:
                    want = Decimal(str(ind["value"] / ind["target"] * 100)).quantize(
                        Decimal("0.1"), rounding=ROUND_HALF_UP)
                elif years[k] is not None and years[k] < max(y or 0 for y in years):
                    want = Decimal(str(ind["previous"]))
                else:
                    want = Decimal(str(ind["value"]))
                got = Decimal(s["values"][i][0])
                if got != want:
                    problems.append(f"chart {n}: {s['name']} of {name} is cached as {got}, not {want}")
    z = zipfile.ZipFile(path)
    for n, data in enumerate(charts, start=1):
        rels = z.read(f"word/charts/_rels/chart{n}.xml.rels").decode()
        target = re.search(r'Target="\.\./embeddings/([^"]+)"', rels)
        if not target:
            problems.append(f"chart {n}: no embedded workbook")
            continue
        book = zipfile.ZipFile(io.BytesIO(z.read(f"word/embeddings/{target.group(1)}")))
        sheet = book.read("xl/worksheets/sheet1.xml").decode()
        cells = {r: html.unescape(v) for r, v in
                 re.findall(r'<c r="([A-Z]+\d+)"[^>]*>(?:<is><t>|<v>)([^<]*)', sheet)}
        want = {f"A{i + 2}": name for i, name in enumerate(data["categories"])}
        for k, s in enumerate(data["series"]):
            col = chr(ord("B") + k)
            want[f"{col}1"] = s["name"]
            want.update({f"{col}{i + 2}": v[0] for i, v in s["values"].items()})
        if cells != want:
            problems.append(f"chart {n}: the workbook holds {cells}, the chart {want}")
    return charts


def check_bars(pdf, charts, problems):
    """LibreOffice drew the bars: at least as many filled shapes of each series' colour
    as the charts have bars of it (legend keys come on top)."""
    import pymupdf
    fills = Counter()
    with pymupdf.open(pdf) as doc:
        for page in doc:
            for d in page.get_drawings():
                if d.get("fill") is not None:
                    fills["%02X%02X%02X" % tuple(round(c * 255) for c in d["fill"][:3])] += 1
    bars = Counter()
    for data in charts:
        for s in data["series"]:
            bars[s["fill"]] += sum(1 for v in s["values"].values() if float(v[0]) != 0)
    for colour, n in bars.items():
        if fills[colour] < n:
            problems.append(f"LibreOffice drew {fills[colour]} shapes in #{colour}, not the {n} bars of that colour")
    return sum(bars.values())


def check(binary, toml, out, allowed):
    import docx  # noqa: F401  (fail early when python-docx is missing)
    stem = os.path.splitext(os.path.basename(toml))[0]
    with open(toml, "rb") as f:
        report = tomllib.load(f)
    run([binary, "render", toml, "--format", "docx,html,txt", "--out", out])
    path = os.path.join(out, stem + ".docx")
    problems = []
    document, closing, signature, end_matter = check_docx(path, report, problems)
    charts = check_charts(path, document, report, problems)
    headers = [squeeze("".join(c.text for c in t.rows[0].cells)) for t in document.tables]

    tree = open(os.path.join(out, stem + ".txt"), encoding="utf-8").read()
    text = squeeze(docx_text(document))
    for name, other in [("HTML page", squeeze(html_text(os.path.join(out, stem + ".html")))), ("document tree", squeeze(tree))]:
        if text != other:
            problems.append(f"DOCX text differs from the {name} {first_difference(text, other)}")

    check_audit(path, allowed, problems)

    pdf_dir = os.path.join(out, stem + ".docx.pdf.d")
    shutil.rmtree(pdf_dir, ignore_errors=True)
    os.makedirs(pdf_dir)
    profile = "file://" + os.path.abspath(os.path.join(out, "lo-profile"))
    conv = subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless",
                           "--convert-to", "pdf", "--outdir", pdf_dir, path],
                          capture_output=True, text=True, timeout=180)
    pdf = os.path.join(pdf_dir, stem + ".pdf")
    if conv.returncode != 0 or not os.path.exists(pdf):
        problems.append(f"LibreOffice could not convert the DOCX: {conv.stderr.strip()[:200]}")
        return problems, "no PDF"
    printed = run(["pdftotext", "-enc", "UTF-8", pdf, "-"]).stdout
    printed = re.sub(r"—\s*\d+\s*—", "", printed)
    # Table cells come out of the PDF in layout order, so compare the characters, not the order.
    lost = Counter(squeeze(tree)) - Counter(squeeze(printed))
    added = Counter(squeeze(printed)) - Counter(squeeze(tree))
    for header in headers:  # a header row repeated on a following page is expected
        while header and not Counter(header) - added:
            added -= Counter(header)
    if lost or added:
        problems.append(f"LibreOffice's PDF lost {''.join(sorted(lost.elements()))!r} "
                        f"and added {''.join(sorted(added.elements()))!r}")
    sig_page = check_closing(pdf, signature and squeeze(signature), end_matter, problems)
    pages, full = check_pages(pdf, closing, problems, sig_page)
    gap = check_mixed_gaps(pdf, problems)
    bars = check_bars(pdf, charts, problems)
    parts = html_parts(os.path.join(out, stem + ".html"))
    early = early_pages(pdf, parts)
    if early:
        problems.append(f"pages ending early in LibreOffice (page, last row): {early}")
    table_problems, fragments = check_tables(pdf, parts)
    problems.extend(table_problems)
    run(["pdftoppm", "-png", "-r", "60", pdf, os.path.join(out, stem + ".docx")])
    return problems, (f"{pages} pages, {full} full body pages, signature on page {sig_page}, "
                      f"{len(early)} pages ending early, {fragments} table fragments, "
                      f"Han–Latin gaps up to {gap:.1f} pt over the Han spacing"
                      + (f", {len(charts)} charts with {bars} bars" if charts else ""))


def main():
    binary, out = args()
    allowed = []
    if os.path.exists(ALLOW_LIST):
        with open(ALLOW_LIST, encoding="utf-8") as f:
            allowed = [l.strip() for l in f if l.strip() and not l.startswith("#")]
    paths = reports(os.path.join("tests", "docx"))
    missing = [t for t in ("soffice", "pdftotext", "pdfinfo", "pdftoppm") if shutil.which(t) is None]
    if missing:
        print(f"missing tools: {', '.join(missing)} (apt-get install libreoffice-writer-nogui poppler-utils)")
        print(f"docx: 0 passed, {len(paths)} failed")
        sys.exit(1)
    check_reports("docx", paths, lambda toml: check(binary, toml, out, allowed))


if __name__ == "__main__":
    main()
