#!/usr/bin/env python3
"""End-to-end check of the OFD output with independent OFD readers from PyPI.

For every examples/*.toml (and tests/pdf/*.toml), rendered by the huibao binary to OFD,
PDF, HTML and plain text:
- ofdkit reads the package: its text (page numbers and line breaks aside, text objects
  in content order, compared as characters since a float is drawn after the text that
  filled its page) equals the
  document tree's text (--format txt) and the HTML page's text; its page count equals
  the PDF's (pdfinfo); its DocInfo has the HTML page's title and author, the creation
  date of SOURCE_DATE_EPOCH and huibao as creator; every page is A4 (210 × 297 mm);
- the package refers to nothing outside itself, and every font is embedded: each Font's
  FontFile is in the package, fontTools reads it as TrueType with a cmap holding every
  character drawn in it;
- ofd2img draws the pages (with the embedded fonts: the PDF it makes through reportlab
  embeds them); each drawn page shows the same lines as the PDF's page drawn by poppler:
  the same number of rows of ink, each starting, ending and spanning within 1 mm of the
  PDF's, and most of the ink in the same place; charts' bars are the same filled
  rectangles, each with its colour, as the PDF's filled paths (read with PyMuPDF), and
  are left out of that comparison, as ofd2img strokes paths and fills none;
and once: a report with a character no font has fails for OFD as for PDF, names the
character, and writes nothing. The pages drawn by ofd2img are written as PNG to OUT_DIR
next to poppler's drawing of the PDF (NAME-ofd-N.png, NAME-pdf-N.png) for people to look at.
Usage: ofd_check.py [HUIBAO_BINARY [OUT_DIR]]; prints "ofd: N passed, M failed".
"""
import glob
import os
import re
import subprocess
import sys
import tempfile
import zipfile
import xml.etree.ElementTree as ET

from check_common import (MM, Tally, args, first_difference, html_text, report_without_font,
                          reports, run, squeeze, title_and_author)

CREATED = 1657238400  # 2022-07-08 00:00 UTC
DPI = 72  # one pixel ≈ 0.35 mm
MM_PX = DPI / 25.4
NS = "{http://www.ofdspec.org/2016}"

results = Tally("ofd")
check = results.check


DRAW = r"""
import sys
from loguru import logger
logger.remove()
from ofd2img import OFD
ofd = OFD()
ofd.read(sys.argv[1], fmt="path")
open(sys.argv[2], "wb").write(ofd.to_pdf())
"""


def draw_with_ofd2img(ofd, pdf_out):
    """ofd2img's drawing of the package, as a PDF (it draws through reportlab). Runs in a
    scratch folder: ofd2img unpacks the embedded fonts into the working directory."""
    with tempfile.TemporaryDirectory() as scratch:
        r = subprocess.run([sys.executable, "-c", DRAW, ofd, pdf_out], cwd=scratch,
                           capture_output=True, text=True)
    return r.returncode == 0 and os.path.exists(pdf_out), r.stderr[-2000:]


def gray_pages(pdf, width, height, stem):
    """Every page of `pdf` drawn by pdftoppm at width × height pixels, as PNG files
    (kept for people) and as rows of gray bytes."""
    run(["pdftoppm", "-png", "-gray", "-scale-to-x", str(width), "-scale-to-y", str(height),
         pdf, stem])
    from PIL import Image
    pages = []
    for path in sorted(glob.glob(stem + "-*.png"), key=lambda p: int(re.findall(r"-(\d+)\.png$", p)[0])):
        img = Image.open(path).convert("L")
        pages.append((img.size, img.tobytes()))
    return pages


def ink_rows(size, pixels):
    """Rows of ink: (top, bottom, left, right) in pixels, split where more than three
    blank pixel rows (1 mm) run between them."""
    w, h = size
    rows = []
    current = None
    for y in range(h):
        line = pixels[y * w:(y + 1) * w]
        dark = [x for x in range(w) if line[x] < 160]
        if dark:
            if current is None:
                current = [y, y, dark[0], dark[-1]]
            else:
                current[1] = y
                current[2] = min(current[2], dark[0])
                current[3] = max(current[3], dark[-1])
        elif current is not None and y - current[1] > 3:
            rows.append(tuple(current))
            current = None
    if current is not None:
        rows.append(tuple(current))
    return rows


def overlap(a, b):
    """Share of the ink of `a` and `b` (each bytes of one page) that both have: ink on a
    pixel or its neighbour counts, so antialiasing differences do not."""
    (w, h), pa = a
    _, pb = b
    ink_a = {i for i, v in enumerate(pa) if v < 128}
    ink_b = {i for i, v in enumerate(pb) if v < 128}
    near = lambda i, ink: any(j in ink for j in (i, i - 1, i + 1, i - w, i + w))
    both = sum(1 for i in ink_a if near(i, ink_b)) + sum(1 for i in ink_b if near(i, ink_a))
    total = len(ink_a) + len(ink_b)
    return both / total if total else 1.0


RECT = re.compile(r"^M 0 0 L ([\d.]+) 0 L ([\d.]+) ([\d.]+) L 0 ([\d.]+) C$")


def filled_rects(ofd):
    """Per page: the filled rectangles of the OFD (charts' bars and legend keys) as
    (x, y, width, height) in mm, with their fill colour."""
    z = zipfile.ZipFile(ofd)
    pages = sorted((n for n in z.namelist() if re.fullmatch(r"Doc_0/Pages/Page_\d+/Content\.xml", n)),
                   key=lambda n: int(re.findall(r"Page_(\d+)", n)[0]))
    out = []
    for part in pages:
        rects = []
        for obj in ET.fromstring(z.read(part)).iter(NS + "PathObject"):
            data = obj.find(NS + "AbbreviatedData")
            m = RECT.match((data.text or "").strip()) if data is not None else None
            if obj.get("Fill") == "true" and m:
                fill = obj.find(NS + "FillColor")
                x, y, w, h = map(float, obj.get("Boundary").split())
                rects.append(((x, y, w, h), fill.get("Value") if fill is not None else None))
        out.append(rects)
    return out


def pdf_filled_paths(pdf):
    """Per page: the filled paths of the PDF (its text is text, so these are the charts'
    bars and legend keys), as MuPDF reads them."""
    import pymupdf
    with pymupdf.open(pdf) as doc:
        return [[d["rect"] for d in page.get_drawings() if d.get("fill") is not None]
                for page in doc]


def masked(page, rects):
    """A page's gray pixels with `rects` (mm) and a pixel around them painted white."""
    (w, h), pixels = page
    pixels = bytearray(pixels)
    for (x, y, rw, rh), _ in rects:
        x0, y0 = max(0, int(x * MM_PX) - 1), max(0, int(y * MM_PX) - 1)
        x1, y1 = min(w, int((x + rw) * MM_PX) + 2), min(h, int((y + rh) * MM_PX) + 2)
        for row in range(y0, y1):
            pixels[row * w + x0:row * w + x1] = b"\xff" * (x1 - x0)
    return (w, h), bytes(pixels)


def check_drawing(name, ofd, pdf, out):
    drawn = os.path.join(out, f"{name}-ofd2img.pdf")
    ok, err = draw_with_ofd2img(ofd, drawn)
    if not check(ok, f"{name}: ofd2img could not draw the OFD: {err}"):
        return
    fonts = run(["pdffonts", drawn]).stdout
    check("Fandol" in fonts or "Noto" in fonts or "Liberation" in fonts,
          f"{name}: ofd2img drew with none of the embedded fonts:\n{fonts}")
    w, h = round(210 * MM_PX), round(297 * MM_PX)
    ours = gray_pages(drawn, w, h, os.path.join(out, f"{name}-ofd"))
    theirs = gray_pages(pdf, w, h, os.path.join(out, f"{name}-pdf"))
    if not check(len(ours) == len(theirs), f"{name}: ofd2img drew {len(ours)} pages, the PDF has {len(theirs)}"):
        return
    tolerance = MM_PX  # 1 mm
    shares = []
    # Charts' bars are filled rectangles: the same ones as the PDF's filled paths, each
    # with its colour. ofd2img strokes every path and fills none, so the bars' areas are
    # left out of the comparison of the drawings.
    rects = filled_rects(ofd)
    for n, (ofd_rects, pdf_rects) in enumerate(zip(rects, pdf_filled_paths(pdf)), 1):
        check(len(ofd_rects) == len(pdf_rects),
              f"{name} p{n}: {len(ofd_rects)} filled rectangles in the OFD, {len(pdf_rects)} filled paths in the PDF")
        check(all(re.fullmatch(r"\d+ \d+ \d+", c or "") for _, c in ofd_rects),
              f"{name} p{n}: a filled rectangle without its colour")
        for ((x, y, w, h), _), r in zip(sorted(ofd_rects), sorted(pdf_rects, key=lambda r: (r.x0 / MM, r.y0 / MM))):
            check(abs(x - r.x0 / MM) < 0.01 and abs(y - r.y0 / MM) < 0.01 and abs(w - r.width / MM) < 0.01,
                  f"{name} p{n}: OFD rectangle at {x, y, w, h} mm, PDF path at {r}")
    ours = [masked(p, r) for p, r in zip(ours, rects)]
    theirs = [masked(p, r) for p, r in zip(theirs, rects)]
    for n, (a, b) in enumerate(zip(ours, theirs), 1):
        ra, rb = ink_rows(*a), ink_rows(*b)
        if not check(len(ra) == len(rb), f"{name} p{n}: {len(ra)} rows of ink in the OFD, {len(rb)} in the PDF"):
            print(f"    ofd: {ra}\n    pdf: {rb}")
            continue
        for k, (x, y) in enumerate(zip(ra, rb), 1):
            check(all(abs(p - q) <= tolerance for p, q in zip(x, y)),
                  f"{name} p{n} row {k}: OFD ink at {x}, PDF at {y} (top, bottom, left, right px)")
        share = overlap(a, b)
        shares.append(share)
        check(share > 0.9, f"{name} p{n}: only {share:.0%} of the ink in the same place")
    if shares:
        print(f"  ofd2img vs poppler: {len(shares)} pages, ink in the same place {min(shares):.1%} at least")


def check_package(name, ofd):
    """No reference outside the package; every font embedded, TrueType, covering the
    characters drawn in it."""
    from fontTools.ttLib import TTFont
    import io
    z = zipfile.ZipFile(ofd)
    names = set(z.namelist())
    for part in names:
        if part.endswith(".xml"):
            text = z.read(part).decode("utf-8")
            check("http://" not in text.replace("http://www.ofdspec.org/2016", "")
                  and "https://" not in text and "file:" not in text,
                  f"{name}: {part} refers to something outside the package")
    res = ET.fromstring(z.read("Doc_0/PublicRes.xml"))
    base = res.get("BaseLoc", "")
    chars = {}
    for page in sorted(n for n in names if n.endswith("Content.xml")):
        root = ET.fromstring(z.read(page))
        for obj in root.iter(NS + "TextObject"):
            for code in obj.iter(NS + "TextCode"):
                chars.setdefault(obj.get("Font"), set()).update(code.text or "")
    fonts = list(res.iter(NS + "Font"))
    check(fonts, f"{name}: no fonts in PublicRes.xml")
    declared = {f.get("ID") for f in fonts}
    check(set(chars) <= declared, f"{name}: text in fonts {set(chars) - declared} that are not declared")
    for font in fonts:
        file = font.find(NS + "FontFile")
        path = f"Doc_0/{base}/{file.text}" if file is not None else None
        if not check(path in names, f"{name}: font {font.get('FontName')} is not embedded ({path})"):
            continue
        tt = TTFont(io.BytesIO(z.read(path)))
        check("glyf" in tt, f"{name}: {path} has no TrueType outlines")
        cmap = tt.getBestCmap() or {}
        missing = [c for c in chars.get(font.get("ID"), ()) if ord(c) not in cmap]
        check(not missing, f"{name}: {path} lacks {''.join(missing)!r}")


def main():
    binary, out = args("ofd")
    import ofdkit

    examples = reports(os.path.join("tests", "pdf"))
    check(len(examples) > 0, "no examples/*.toml")
    env = dict(os.environ, SOURCE_DATE_EPOCH=str(CREATED))
    for toml in examples:
        name = os.path.splitext(os.path.basename(toml))[0]
        print(f"== {name}")
        r = run([binary, "render", toml, "--format", "ofd,pdf,html,txt", "--out", out], env=env)
        if not check(r.returncode == 0, f"{name}: render failed: {r.stderr.strip()}"):
            continue
        ofd, pdf, htm, txt = (os.path.join(out, f"{name}.{e}") for e in ("ofd", "pdf", "html", "txt"))
        doc = ofdkit.open(ofd)
        # The text objects in the order of the pages' content (as pdftotext -raw reads a
        # PDF); ofdkit's laid-out text reorders the lines of table cells side by side, so
        # it is compared as the same characters only.
        text = squeeze("".join(run.text for p in doc.pages for run in p.runs))
        check(sorted(squeeze(doc.text())) == sorted(text),
              f"{name}: ofdkit's laid-out text has other characters than its text runs")
        check(not doc.warnings, f"{name}: ofdkit warns: {doc.warnings}")
        # A chart or table that floated to the next page is drawn after the text that
        # filled its page: the characters are compared, not their order.
        ir = squeeze(open(txt, encoding="utf-8").read())
        check(sorted(text) == sorted(ir), f"{name}: OFD text differs from the document tree {first_difference(''.join(sorted(text)), ''.join(sorted(ir)))}")
        check(sorted(text) == sorted(squeeze(html_text(htm))), f"{name}: OFD text differs from the HTML text")
        pdf_pages = int(re.search(r"^Pages:\s*(\d+)", run(["pdfinfo", pdf]).stdout, re.M).group(1))
        check(len(doc.pages) == pdf_pages, f"{name}: {len(doc.pages)} OFD pages, {pdf_pages} PDF pages")
        check(all(p.box == (0.0, 0.0, 210.0, 297.0) for p in doc.pages), f"{name}: a page is not A4")
        title, author = title_and_author(htm)
        info = doc.info
        check(info.title == title, f"{name}: DocInfo title {info.title!r}, HTML {title!r}")
        check(info.author == author, f"{name}: DocInfo author {info.author!r}, HTML {author!r}")
        check(info.creation_date == "2022-07-08", f"{name}: CreationDate {info.creation_date!r}")
        check(info.creator == "huibao" and info.creator_version, f"{name}: Creator {info.creator!r}")
        check(bool(re.fullmatch(r"[0-9a-f]{32}", info.doc_id or "")), f"{name}: DocID {info.doc_id!r}")
        check_package(name, ofd)
        check_drawing(name, ofd, pdf, out)

    # A character no font has: an error naming it; nothing written.
    if examples:
        with report_without_font(examples[0]) as (report, _, d):
            r = run([binary, "render", report, "--format", "txt,ofd", "--out", d])
            check(r.returncode == 1, f"missing glyph: exit {r.returncode}")
            check("U+E000" in r.stderr, f"missing glyph: the error does not name it: {r.stderr.strip()}")
            check(sorted(os.listdir(d)) == ["bad.toml"], f"missing glyph: files written: {os.listdir(d)}")

    return results.finish()


if __name__ == "__main__":
    sys.exit(main())
