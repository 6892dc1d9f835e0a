#!/usr/bin/env python3
"""End-to-end check of the PDF output with poppler and qpdf.

For every examples/*.toml, rendered by the huibao binary to PDF, HTML and plain text:
- pdffonts: every font embedded, subset, with a ToUnicode map;
- the tagged PDF (PDF/UA-1, PDF/A-2a): poppler's text in the structure tree's reading
  order (pdfinfo -struct-text) equals the HTML page's text; a walk of the objects
  (pikepdf) finds every text-showing operator inside marked content the parent tree ties
  to a structure element, or inside an artifact (page numbers, 续表); every Figure has
  /Alt; the headings' levels are the HTML's h1–h6; /Lang, /MarkInfo, DisplayDocTitle and
  the PDF/UA identification are there;
- pdftotext: the characters drawn (page numbers aside) are those of the document tree
  (--format txt) and of the HTML page (in drawing order a chart or table that floated
  to the next page comes after the text that filled its page);
- pages a typesetter would sign off: no page but the last, one before an attachment or
  the end matter, or one before the signature's page that carries only the lines it
  needs ends more than two grid lines above the block's foot; every table fragment that
  opens with the header row holds two body rows; a table's caption stands with its
  table; header cells break only between terms (PyMuPDF's tables);
- pdftotext -bbox: body pages hold 22 grid lines; no line starts with closing
  punctuation or ends with opening punctuation (禁则);
- MuPDF's glyph positions (PyMuPDF): every line keeps its ink inside the text block (a
  mark narrowed at either end of a line reaches past it by the half of its cell that
  its font leaves blank), body lines take at most 28 cells of the grid and hold at most
  28 ideographs; the character pitch of every full-width body line (the mean distance
  from an ideograph to the Chinese character after it) is at most 1.06× the grid's, and
  fewer than 10% of a report's lines are over 1.03× (in reports with 20 such lines or
  more); numbers and Latin words keep their natural width;
- pdftoppm: page numbers "— N —" drawn 7 mm below the text block, right on odd pages and
  left on even ones, one character in (they are pagination artifacts, not text);
- pdfinfo: A4, the title and author of the document, PDF subtype PDF/A-2a, PDF 1.7;
- the level claimed is the level written: by default the XMP's pdfaid:part 2 and
  conformance A, the PDF/UA identification, a structure tree and /MarkInfo; with
  `--pdf-a 2b`, conformance B and none of the three, the same text and fonts;
- charts are vector: a page with filled paths (a chart's bars, PyMuPDF) holds no image,
  and pdftotext finds the charts' names, values, legend and axis title on those pages;
- qpdf --check is clean;
- with installed fonts hidden (--no-system-fonts, and FONTCONFIG_FILE pointing at a
  configuration whose only font folder is empty) the example still renders, from the
  bundled fonts only;
and once: a report with a character no font has fails, names the character and where it
is, and writes nothing. Each page is also written as PNG to OUT_DIR for people to look at.
Usage: pdf_check.py [HUIBAO_BINARY [OUT_DIR]]; prints "pdf: N passed, M failed".
"""
import glob
import html
import os
import re
import subprocess
import sys

from collections import Counter

from check_common import (BLOCK_H, BLOCK_W, CHARS, LEFT, MM, NUMBER_SIZE, PAGE_H, PAGE_W, PITCH,
                          ROOT, ROWS, TOP, Tally, args, check_tables, check_tags, early_pages,
                          glyph_rows, html_parts, html_text, is_cjk, is_han,
                          report_without_font, reports, run, squeeze, title_and_author)

SLOT = BLOCK_W / CHARS
BODY_SIZE = 16
# Full-width marks whose cell may be narrowed by its blank half (core/src/chars.rs).
BLANK_AFTER = set("，。、；：？！）》」』】〕〗〙〛］｝〉”’")
BLANK_BEFORE = set("（《「『【〔〖〘〚［｛〈“‘")
NO_START = set("，。、；：？！）》」』】〕〗〙〛］｝〉”’…—·・％‰℃．～々〃,.;:?!)]}%")
NO_END = set("（《「『【〔〖〘〚［｛〈“‘([{")
PAGE_NUMBER = re.compile(r"^\s*—\s*(\d+)\s*—\s*$")
BUNDLED = ("Fandol", "LiberationSerif")

results = Tally("pdf")
check = results.check


def pdf_text(pdf):
    """pdftotext in content-stream order (page numbers are pagination artifacts with an
    empty /ActualText, so they are not part of it)."""
    return run(["pdftotext", "-enc", "UTF-8", "-raw", pdf, "-"]).stdout


def ink_box(pdf, page, y0, y1, dpi=144):
    """Bounding box (x0, y0, x1, y1, in points from the top-left) of the dark pixels of
    `page` between y0 and y1, or None: what a reader sees, whatever the text layer says."""
    k = dpi / 72
    r = subprocess.run(["pdftoppm", "-gray", "-r", str(dpi), "-f", str(page), "-l", str(page),
                        "-x", "0", "-y", str(int(y0 * k)), "-W", str(int(PAGE_W * k)),
                        "-H", str(int((y1 - y0) * k)), pdf], capture_output=True)
    data = r.stdout
    parts = data.split(maxsplit=4)
    if len(parts) < 5 or parts[0] != b"P5":
        return None
    w, h = int(parts[1]), int(parts[2])
    pixels = parts[4][-w * h:]
    xs, ys = [], []
    for row in range(h):
        line = pixels[row * w:(row + 1) * w]
        dark = [i for i, v in enumerate(line) if v < 128]
        if dark:
            xs += [dark[0], dark[-1]]
            ys.append(row)
    if not xs:
        return None
    return (min(xs) / k, y0 + min(ys) / k, (max(xs) + 1) / k, y0 + (max(ys) + 1) / k)


def bbox_pages(pdf):
    """Per page: a list of words (xMin, yMin, xMax, yMax, text), y from the top."""
    out = run(["pdftotext", "-enc", "UTF-8", "-bbox", pdf, "-"]).stdout
    pages = []
    for chunk in out.split("<page ")[1:]:
        words = []
        for m in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>', chunk):
            x0, y0, x1, y1 = map(float, m.groups()[:4])
            text = (m.group(5).replace("&amp;", "&").replace("&lt;", "<")
                    .replace("&gt;", ">").replace("&quot;", '"').replace("&apos;", "'"))
            words.append((x0, y0, x1, y1, text))
        pages.append(words)
    return pages


def lines_of(words):
    """Words grouped into lines by the vertical centre of their boxes, top to bottom."""
    lines = []
    for w in sorted(words, key=lambda w: (w[1] + w[3]) / 2):
        c = (w[1] + w[3]) / 2
        if lines and abs(lines[-1]["c"] - c) < 7:
            lines[-1]["words"].append(w)
        else:
            lines.append({"c": c, "words": [w]})
    for l in lines:
        l["words"].sort(key=lambda w: w[0])
        l["text"] = "".join(w[4] for w in l["words"])
        l["x0"] = min(w[0] for w in l["words"])
        l["x1"] = max(w[2] for w in l["words"])
        l["y0"] = min(w[1] for w in l["words"])
        l["y1"] = max(w[3] for w in l["words"])
    return lines


def glyph_lines(pdf):
    """Per page: its lines of glyphs, top to bottom, each a dict with the baseline `y`
    and `glyphs` [(x, advance, char, size)] left to right, as MuPDF reads them."""
    def glyph(c, size):
        if c["c"].isspace():
            return None
        return c["origin"][0], c["bbox"][2] - c["bbox"][0], c["c"], size
    return [[{"y": y, "glyphs": glyphs} for y, glyphs in page] for page in glyph_rows(pdf, glyph)]


def set_span(glyphs):
    """Where a line's cells start and end: a mark narrowed at the line's start or end
    (an opening bracket drawn up to half a cell early, a closing mark whose cell ends up
    to half way) counts only the part of its cell left to it, which holds its ink."""
    x0, _, c0, size0 = glyphs[0]
    x1, adv1, c1, size1 = glyphs[-1]
    # A Chinese character's cell is a grid slot (a hair narrower than its em).
    cell0, cell1 = SLOT * size0 / BODY_SIZE, SLOT * size1 / BODY_SIZE
    start, end = x0, x1 + (cell1 if is_cjk(c1) else adv1)
    # A narrowed mark gave up part of its blank half, at most all of it.
    if c0 in BLANK_BEFORE:
        start = max(x0, min(LEFT, x0 + cell0 / 2))
    if c1 in BLANK_AFTER:
        end = min(end, max(LEFT + BLOCK_W, x1 + cell1 / 2))
    return start, end


def pitch(glyphs):
    """The mean distance from an ideograph to the Chinese character after it, as a
    share of the grid's character pitch; None when the line has no such pair."""
    steps = [b[0] - a[0] for a, b in zip(glyphs, glyphs[1:])
             if is_han(a[2]) and is_cjk(b[2]) and b[2] not in BLANK_BEFORE]
    return sum(steps) / len(steps) / SLOT if steps else None


def check_glyph_lines(name, pdf):
    """Ink inside the block, at most 28 cells and 28 ideographs to a body line, and the
    character pitch of full-width body lines; returns (lines, over 1.03, max pitch)."""
    pitches = []
    right = LEFT + BLOCK_W
    for i, lines in enumerate(glyph_lines(pdf), 1):
        for line in lines:
            if line["y"] > TOP + BLOCK_H + 2:
                continue  # the page number
            glyphs = line["glyphs"]
            text = "".join(g[2] for g in glyphs)
            start, end = set_span(glyphs)
            check(start >= LEFT - 0.5 and end <= right + 0.5,
                  f"{name} p{i}: line outside the block ({start:.1f}–{end:.1f}): {text}")
            if any(abs(g[3] - BODY_SIZE) > 0.1 for g in glyphs):
                continue
            han = sum(1 for c in text if is_han(c))
            check(han <= CHARS, f"{name} p{i}: {han} ideographs in one line: {text}")
            cells = (end - start) / SLOT
            check(cells <= CHARS + 0.01, f"{name} p{i}: line of {cells:.2f} cells: {text}")
            # Full-width body lines: from the block's edge (or two characters in) to
            # its other edge.
            indent = round((start - LEFT) / SLOT, 2)
            if indent in (0, 2) and abs(end - right) < 1:
                p = pitch(glyphs)
                if p is not None:
                    pitches.append(p)
                    check(p <= 1.06, f"{name} p{i}: characters {p:.3f}× the grid apart: {text}")
    over = sum(1 for p in pitches if p > 1.03)
    if len(pitches) >= 20:
        check(over < 0.1 * len(pitches),
              f"{name}: {over} of {len(pitches)} full lines spaced out over 1.03× the grid")
    return len(pitches), over, max(pitches, default=0)


def row_of(line):
    return round((line["c"] - TOP - PITCH / 2) / PITCH)


def starts_part(line):
    """Not a line of running body text: a heading, or anything that does not start at
    the block's edge or two characters in (a caption, a table row, a signature)."""
    slot = BLOCK_W / CHARS
    # An opening bracket that starts a line may be drawn half a cell early.
    body = any(-slot / 2 - 1 < line["x0"] - LEFT - k * slot < 1 for k in (0, 2))
    return bool(HEADING.match(line["text"])) or not body


def on_grid(line):
    """Whether a line's centre sits in the middle of a grid row (±6 pt)."""
    r = round((line["c"] - TOP - PITCH / 2) / PITCH)
    return 0 <= r < ROWS and abs(line["c"] - (TOP + PITCH / 2 + r * PITCH)) < 6


HEADING = re.compile(r"^([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|附件)")
# A chart's labels are set at 10.5 pt or smaller, below any other text of the block
# (tables and end matter are 14 pt): words this short are a chart's, which stands off
# the grid (its caption below it is on the grid).
CHART_TEXT = 12.5


def is_chart_label(word):
    return word[3] - word[1] < CHART_TEXT


def check_layout(name, pdf):
    pages = bbox_pages(pdf)
    body_pages = 0
    for i, words in enumerate(pages, 1):
        block = [w for w in words if w[3] <= TOP + BLOCK_H + 2 and not is_chart_label(w)]
        below = [w for w in words if w[1] > TOP + BLOCK_H + 2]
        lines = lines_of(block)
        check(len(lines) <= ROWS, f"{name} p{i}: {len(lines)} lines in the block")
        for l in lines:
            t = l["text"]
            check(t[0] not in NO_START, f"{name} p{i}: line starts with {t[0]}: {t}")
            check(t[-1] not in NO_END, f"{name} p{i}: line ends with {t[-1]}: {t}")
        # Body pages: every line on the grid.
        if lines and all(on_grid(l) for l in lines):
            body_pages += 1
            last = i == len(pages)
            following = [w for w in pages[i] if w[3] <= TOP + BLOCK_H + 2] if not last else []
            nxt = lines_of([w for w in following if not is_chart_label(w)])
            # What must stay together (a signature with the last lines before it, a
            # chart kept whole) may leave a page short.
            together = any(l["x0"] > LEFT + BLOCK_W / 2 for l in nxt[:5])
            chart = any(is_chart_label(w) and (not nxt or w[1] < nxt[0]["y0"]) for w in following)
            next_starts_part = bool(nxt) and (starts_part(nxt[0]) or not on_grid(nxt[0]) or together
                                              or chart)
            if not last and not next_starts_part:
                # Full: text down to the last grid row (blank rows after a title count).
                check(row_of(lines[-1]) == ROWS - 1,
                      f"{name} p{i}: body page ends on row {row_of(lines[-1]) + 1}, not {ROWS}")
        check(not below, f"{name} p{i}: text below the block: {[w[4] for w in below]}")
        # Page number "— N —", as drawn: its top 7 mm below the block (digits' ink starts
        # a little under the em box's top), one character (14 pt) in from the block's
        # right edge on odd pages, from its left edge on even ones.
        box = ink_box(pdf, i, TOP + BLOCK_H + 1, PAGE_H - 1)
        if box is None:
            check(i == len(pages), f"{name} p{i}: no page number")
            continue
        gap = box[1] - (TOP + BLOCK_H)
        check(abs(gap - 7 * MM - 2) < 3, f"{name} p{i}: page number {gap / MM:.1f} mm below the block")
        check(box[3] - box[1] < NUMBER_SIZE, f"{name} p{i}: page number {box[3] - box[1]:.1f} pt tall")
        if i % 2:
            d = LEFT + BLOCK_W - box[2]
            check(abs(d - NUMBER_SIZE) < 3, f"{name} p{i}: odd page number {d:.1f} pt from the right edge")
        else:
            d = box[0] - LEFT
            check(abs(d - NUMBER_SIZE) < 3, f"{name} p{i}: even page number {d:.1f} pt from the left edge")
    check(body_pages > 0, f"{name}: no page is plain body text on the grid")
    n, over, most = check_glyph_lines(name, pdf)
    print(f"   {n} full body lines, {over} spaced over 1.03× the grid, the loosest {most:.3f}×")


def check_charts(name, pdf, html_path):
    """Charts are vector: a page with filled paths (bars) holds no image; and the
    charts' labels (the HTML page's SVG text) are text pdftotext finds on those pages."""
    import pymupdf
    page = open(html_path, encoding="utf-8").read()
    labels = [html.unescape(t) for t in
              re.findall(r'<text class="(?:category|value|legend|axis-title)"[^>]*>([^<]*)</text>', page)]
    text = ""
    with pymupdf.open(pdf) as doc:
        for n, p in enumerate(doc, 1):
            if any(d.get("fill") is not None for d in p.get_drawings()):
                check(not p.get_images(), f"{name} p{n}: a page with a chart holds an image")
                text += squeeze(run(["pdftotext", "-f", str(n), "-l", str(n), "-enc", "UTF-8", pdf, "-"]).stdout)
    missing = [l for l in labels if squeeze(l) not in text]
    check(not missing, f"{name}: chart labels pdftotext does not find: {missing}")
    return len(labels)


def check_fonts(name, pdf, bundled_only=False):
    out = run(["pdffonts", pdf]).stdout.splitlines()[2:]
    check(len(out) > 0, f"{name}: pdffonts lists no font")
    for row in out:
        cols = row.split()
        # name type... encoding emb sub uni objnum gen
        emb, sub, uni = cols[-5], cols[-4], cols[-3]
        check((emb, sub, uni) == ("yes", "yes", "yes"), f"{name}: font not embedded/subset/ToUnicode: {row}")
        if bundled_only:
            check(any(b in cols[0] for b in BUNDLED), f"{name}: non-bundled font with system fonts hidden: {cols[0]}")


def check_info(name, pdf, html_path):
    info = run(["pdfinfo", pdf]).stdout
    field = lambda k: (re.search(rf"^{k}:\s*(.*)$", info, re.M) or [None, ""])[1].strip()
    title, author = title_and_author(html_path)
    check("(A4)" in field("Page size"), f"{name}: page size {field('Page size')}")
    check(field("Title") == title, f"{name}: title {field('Title')!r}")
    check(field("Author") == author, f"{name}: author {field('Author')!r}")
    check(field("PDF subtype") == "PDF/A-2a", f"{name}: PDF subtype {field('PDF subtype')!r}")
    check(field("Tagged") == "yes", f"{name}: not tagged")
    check(field("PDF version") == "1.7", f"{name}: PDF version {field('PDF version')!r}")
    check(not field("CreationDate").endswith("1970"), f"{name}: creation date {field('CreationDate')}")
    q = run(["qpdf", "--check", pdf])
    check(q.returncode == 0 and "No syntax or stream encoding errors" in q.stdout,
          f"{name}: qpdf --check: {q.stdout.strip()} {q.stderr.strip()}")


def check_level(name, pdf, level):
    """The PDF/A level `pdf` claims is `level` ("2a" or "2b"), and what it carries is that
    level's: the XMP's pdfaid:part 2 and conformance A or B, pdfinfo's subtype; at 2a the
    PDF/UA identification, the structure tree and /MarkInfo; at 2b none of them."""
    import pikepdf
    info = run(["pdfinfo", pdf]).stdout
    subtype = (re.search(r"^PDF subtype:\s*(.*)$", info, re.M) or [None, ""])[1].strip()
    check(subtype == f"PDF/A-{level}", f"{name}: PDF subtype {subtype!r}, not PDF/A-{level}")
    tagged = level == "2a"
    with pikepdf.open(pdf) as doc:
        root = doc.Root
        meta = bytes(root.Metadata.read_bytes()).decode("utf-8")
        check("<pdfaid:part>2</pdfaid:part>" in meta, f"{name}: the XMP's pdfaid:part is not 2")
        conformance = re.search(r"<pdfaid:conformance>(\w)</pdfaid:conformance>", meta)
        check(conformance is not None and conformance[1] == level[1].upper(),
              f"{name}: the XMP's pdfaid:conformance is {conformance and conformance[1]!r}, not {level[1].upper()}")
        check(("<pdfuaid:part>1</pdfuaid:part>" in meta) == tagged,
              f"{name}: PDF/UA identification {'missing' if tagged else 'claimed'} at PDF/A-{level}")
        check(("/StructTreeRoot" in root) == tagged,
              f"{name}: structure tree {'missing' if tagged else 'written'} at PDF/A-{level}")
        marked = bool(root.get("/MarkInfo", {}).get("/Marked", False))
        check(marked == tagged, f"{name}: /MarkInfo /Marked is {marked} at PDF/A-{level}")


def same_characters(a, b):
    """Whether two texts hold the same characters (white space aside), in any order; and
    if not, what one has that the other lacks."""
    a, b = Counter(squeeze(a)), Counter(squeeze(b))
    return a == b, f"missing {''.join(sorted((b - a).elements()))[:40]!r}, extra {''.join(sorted((a - b).elements()))[:40]!r}"


def check_pages_signed_off(name, pdf, htm):
    """Pages filled, tables held together, headers broken between terms, the tags."""
    parts = html_parts(htm)
    early = early_pages(pdf, parts)
    check(not early, f"{name}: pages ending early (page, last row): {early}")
    problems, fragments = check_tables(pdf, parts)
    for p in problems:
        check(False, f"{name}: {p}")
    problems, summary = check_tags(pdf, parts, htm)
    for p in problems[:10]:
        check(False, f"{name}: tags: {p}")
    check(not problems, f"{name}: {len(problems)} tagging problems")
    print(f"   pages ending early: {len(early)}; table fragments: {fragments}; {summary}")


def main():
    binary, out = args("pdf")
    examples = reports(os.path.join("tests", "pdf"))
    check(len(examples) > 0, "no examples/*.toml")
    # A fontconfig configuration whose only font folder is empty. (One with no <dir> at
    # all would not do: fontdb then falls back to the usual system folders.)
    empty_dir = os.path.join(out, "no-fonts")
    os.makedirs(empty_dir, exist_ok=True)
    empty_conf = os.path.join(out, "empty-fonts.conf")
    with open(empty_conf, "w") as f:
        f.write('<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n'
                f"<fontconfig><dir>{html.escape(empty_dir)}</dir></fontconfig>\n")

    for toml in examples:
        name = os.path.splitext(os.path.basename(toml))[0]
        print(f"== {name}")
        r = run([binary, "render", toml, "--format", "pdf,html,txt", "--out", out])
        if not check(r.returncode == 0, f"{name}: render failed: {r.stderr.strip()}"):
            continue
        check("pdf fonts:" in r.stdout, f"{name}: render does not say which fonts served")
        pdf, htm, txt = (os.path.join(out, f"{name}.{e}") for e in ("pdf", "html", "txt"))
        check_fonts(name, pdf)
        text = pdf_text(pdf)
        ir = open(txt, encoding="utf-8").read()
        same, what = same_characters(text, ir)
        check(same, f"{name}: PDF text differs from the document tree: {what}")
        check(same_characters(text, html_text(htm))[0], f"{name}: PDF text differs from the HTML text")
        check_pages_signed_off(name, pdf, htm)
        check_info(name, pdf, htm)
        check_level(name, pdf, "2a")
        check_charts(name, pdf, htm)
        check_layout(name, pdf)
        run(["pdftoppm", "-png", "-r", "50", pdf, os.path.join(out, name)])

        # PDF/A-2b on request: the same text, untagged, claiming B.
        d = os.path.join(out, "pdfa-2b")
        os.makedirs(d, exist_ok=True)
        r = run([binary, "render", toml, "--format", "pdf", "--pdf-a", "2b", "--out", d])
        if check(r.returncode == 0, f"{name}: render with --pdf-a 2b failed: {r.stderr.strip()}"):
            p = os.path.join(d, f"{name}.pdf")
            check_level(f"{name} (2b)", p, "2b")
            check_fonts(f"{name} (2b)", p)
            check(same_characters(pdf_text(p), ir)[0], f"{name} (2b): text differs")

        # Installed fonts hidden, two ways.
        for how, extra, env in (
            ("--no-system-fonts", ["--no-system-fonts"], None),
            ("FONTCONFIG_FILE", [], dict(os.environ, FONTCONFIG_FILE=empty_conf)),
        ):
            d = os.path.join(out, "nosys-" + how.strip("-").lower())
            os.makedirs(d, exist_ok=True)
            r = run([binary, "render", toml, "--format", "pdf", "--out", d, *extra], env=env)
            if check(r.returncode == 0, f"{name}: render with {how} failed: {r.stderr.strip()}"):
                p = os.path.join(d, f"{name}.pdf")
                check_fonts(f"{name} ({how})", p, bundled_only=True)
                check(same_characters(pdf_text(p), ir)[0], f"{name} ({how}): text differs")

    # The shared samples set as reports (huibao import): the same layout checks.
    samples = sorted(glob.glob(os.path.join(ROOT, "..", "shared", "samples", "*.txt")))
    if not samples:
        print("skipped: ../shared/samples not found — the sample checks need that folder beside the repository")
    for sample in samples:
        name = "sample " + os.path.splitext(os.path.basename(sample))[0]
        print(f"== {name}")
        d = os.path.join(out, "samples")
        os.makedirs(d, exist_ok=True)
        toml = os.path.join(d, os.path.splitext(os.path.basename(sample))[0] + ".toml")
        if os.path.exists(toml):
            os.remove(toml)
        r = run([binary, "import", sample, "-o", toml])
        if not check(r.returncode == 0, f"{name}: import failed: {r.stderr.strip()}"):
            continue
        r = run([binary, "render", toml, "--format", "pdf,txt", "--out", d])
        if not check(r.returncode == 0, f"{name}: render failed: {r.stderr.strip()}"):
            continue
        stem = os.path.join(d, os.path.splitext(os.path.basename(toml))[0])
        check(same_characters(pdf_text(stem + ".pdf"), open(stem + ".txt", encoding="utf-8").read())[0],
              f"{name}: PDF text differs from the document tree")
        check_layout(name, stem + ".pdf")

    # A character no font has: an error naming it and its place; nothing written.
    if examples:
        with report_without_font(examples[0]) as (path, bad, d):
            check(bad != open(examples[0], encoding="utf-8").read(),
                  "could not insert a missing character into an example")
            r = run([binary, "render", path, "--format", "pdf", "--out", d])
            check(r.returncode != 0, "a character no font has did not fail the render")
            check("U+E000" in r.stderr, f"the error does not name the character: {r.stderr.strip()}")
            line = bad[:bad.index("\ue000")].count("\n") + 1
            check(re.search(rf"bad\.toml:{line}:\d+: error", r.stderr) is not None,
                  f"the error does not say where the character is (line {line}): {r.stderr.strip()}")
            check(not os.path.exists(os.path.join(d, "bad.pdf")), "a PDF was written despite the error")

    return results.finish()


if __name__ == "__main__":
    sys.exit(main())
