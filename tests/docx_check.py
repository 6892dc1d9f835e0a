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
- the DOCX text (numbering included) equals the HTML page's text and the tree's text;
- openxml-audit finds no error outside tests/docx/openxml-allow.txt.
Page images (pdftoppm) are left in OUT_DIR for looking at.

Usage: docx_check.py [HUIBAO_BINARY [OUT_DIR]]   (defaults: target/debug/huibao, target/e2e)
Prints one line per report and a final line "docx: N passed, M failed"; exits 1 on failure.
"""
import glob
import html
import html.parser
import json
import os
import re
import shutil
import subprocess
import sys
import tomllib
from collections import Counter

MM = 72 / 25.4
PAGE_W, PAGE_H = 210 * MM, 297 * MM
TOP, BOTTOM, LEFT, RIGHT = 37 * MM, 35 * MM, 28 * MM, 26 * MM
BLOCK_TOP, BLOCK_BOTTOM = TOP, PAGE_H - BOTTOM
LINES, CHARS = 22, 28
LINE_PITCH = (BLOCK_BOTTOM - BLOCK_TOP) / LINES
PAGE_NUMBER_PT = 14  # 4号: "one character in" from the block's edge
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
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


def run(cmd, **kw):
    return subprocess.run(cmd, check=True, capture_output=True, text=True, **kw)


def squeeze(text):
    return re.sub(r"\s+", "", text)


def first_difference(a, b):
    at = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    return f"at char {at}: …{a[max(0, at - 15):at + 15]}… vs …{b[max(0, at - 15):at + 15]}…"


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
    return line["y0"] >= BLOCK_TOP - 2 and line["y1"] <= BLOCK_BOTTOM + 2


def baselines(lines):
    """Lines grouped by their vertical position (a row split into words counts once)."""
    rows = {}
    for line in lines:
        rows.setdefault(round(line["y1"]), []).append(line)
    return [sorted(r, key=lambda l: l["x0"]) for _, r in sorted(rows.items())]


def is_han(c):
    o = ord(c)
    return 0x3400 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF or o >= 0x20000


def glyph_lines(pdf):
    """Per page: lines of glyphs (x0, x1, char, size) left to right, as MuPDF reads them."""
    import pymupdf
    pages = []
    with pymupdf.open(pdf) as doc:
        for page in doc:
            rows = {}
            for block in page.get_text("rawdict")["blocks"]:
                for line in block.get("lines", []):
                    for span in line["spans"]:
                        for c in span["chars"]:
                            if not c["c"].isspace():
                                rows.setdefault(round(c["origin"][1], 1), []).append(
                                    (c["bbox"][0], c["bbox"][2], c["c"], span["size"]))
            pages.append([sorted(g) for _, g in sorted(rows.items())])
    return pages


def check_mixed_gaps(pdf, problems):
    """The gaps where Han body text meets a Latin letter or digit, against the gap between
    two Han characters of the line. LibreOffice 7.4 always adds 20% of the font size
    there (and spreads a justified line's space into it too): its DOCX import ignores
    w:autoSpaceDE/w:autoSpaceDN (writerfilter's DomainMapper drops both), and only a
    character grid turns the spacing off, which snaps every character to a whole cell.
    A gap over 30% of the font size is a real one (a stray space, spacing we added)."""
    widest = 0.0
    for n, lines in enumerate(glyph_lines(pdf), start=1):
        for glyphs in lines:
            pairs = list(zip(glyphs, glyphs[1:]))
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
            if abs(bottom - BLOCK_BOTTOM) > LINE_PITCH:
                problems.append(f"the end matter's last rule is {BLOCK_BOTTOM - bottom:.1f} pt above "
                                "the text block's bottom, not within one line")
        last_lines = [l for l in pages[-1] if l["text"].replace(" ", "").endswith(end_matter)]
        if not last_lines or BLOCK_BOTTOM - max(l["y1"] for l in last_lines) > LINE_PITCH:
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
        if len(rows) != LINES:
            problems.append(f"page {n}: {len(rows)} body lines, not {LINES}")
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
        want = PAGE_W - RIGHT - PAGE_NUMBER_PT
        if abs(x1 - want) > 2:
            problems.append(f"page {n}: number ends at x={x1:.1f}, not {want:.1f} (right, one character in)")
    else:
        want = LEFT + PAGE_NUMBER_PT
        if abs(x0 - want) > 2:
            problems.append(f"page {n}: number starts at x={x0:.1f}, not {want:.1f} (left, one character in)")
    if abs(middle - (BLOCK_BOTTOM + 7 * MM)) > 4:
        problems.append(f"page {n}: number centred {(middle - BLOCK_BOTTOM) / MM:.1f} mm below the block, not 7 mm")


# ---------------------------------------------------------------- the DOCX read back

def docx_text(document):
    """Body text in reading order: paragraphs and table cells (footers left out)."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph
    parts = []
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
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


class HtmlText(html.parser.HTMLParser):
    """The visible text of an HTML page's body."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts, self.skip, self.in_body = [], 0, False

    def handle_starttag(self, tag, attrs):
        if tag == "body":
            self.in_body = True
        if tag in ("style", "script", "head"):
            self.skip += 1

    def handle_endtag(self, tag):
        if tag in ("style", "script", "head"):
            self.skip -= 1

    def handle_data(self, data):
        if self.in_body and not self.skip:
            self.parts.append(data)


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


def check(binary, toml, out, allowed):
    import docx  # noqa: F401  (fail early when python-docx is missing)
    stem = os.path.splitext(os.path.basename(toml))[0]
    with open(toml, "rb") as f:
        report = tomllib.load(f)
    run([binary, "render", toml, "--format", "docx,html,txt", "--out", out])
    path = os.path.join(out, stem + ".docx")
    problems = []
    document, closing, signature, end_matter = check_docx(path, report, problems)
    headers = [squeeze("".join(c.text for c in t.rows[0].cells)) for t in document.tables]

    tree = open(os.path.join(out, stem + ".txt"), encoding="utf-8").read()
    page = HtmlText()
    page.feed(open(os.path.join(out, stem + ".html"), encoding="utf-8").read())
    text = squeeze(docx_text(document))
    for name, other in [("HTML page", squeeze("".join(page.parts))), ("document tree", squeeze(tree))]:
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
    run(["pdftoppm", "-png", "-r", "60", pdf, os.path.join(out, stem + ".docx")])
    return problems, (f"{pages} pages, {full} full body pages, signature on page {sig_page}, "
                      f"Han–Latin gaps up to {gap:.1f} pt over the Han spacing")


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "target", "debug", "huibao")
    out = sys.argv[2] if len(sys.argv) > 2 else os.path.join(ROOT, "target", "e2e")
    os.makedirs(out, exist_ok=True)
    allowed = []
    if os.path.exists(ALLOW_LIST):
        with open(ALLOW_LIST, encoding="utf-8") as f:
            allowed = [l.strip() for l in f if l.strip() and not l.startswith("#")]
    reports = sorted(glob.glob(os.path.join(ROOT, "examples", "*.toml"))) + \
        sorted(glob.glob(os.path.join(ROOT, "tests", "docx", "*.toml")))
    missing = [t for t in ("soffice", "pdftotext", "pdfinfo", "pdftoppm") if shutil.which(t) is None]
    if missing:
        print(f"missing tools: {', '.join(missing)} (apt-get install libreoffice-writer-nogui poppler-utils)")
        print(f"docx: 0 passed, {len(reports)} failed")
        sys.exit(1)
    passed = failed = 0
    for toml in reports:
        name = os.path.relpath(toml, ROOT)
        try:
            problems, summary = check(os.path.abspath(binary), toml, out, allowed)
        except Exception as e:  # a crash in one report must not hide the others
            problems, summary = [f"{type(e).__name__}: {e}"], "crashed"
        if problems:
            failed += 1
            print(f"FAIL {name} ({summary})")
            for p in problems:
                print(f"  - {p}")
        else:
            passed += 1
            print(f"ok   {name} ({summary})")
    print(f"docx: {passed} passed, {failed} failed")
    sys.exit(1 if failed or not reports else 0)


if __name__ == "__main__":
    main()
