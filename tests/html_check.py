#!/usr/bin/env python3
"""End-to-end check of the HTML output in headless Chromium.

For every examples/*.toml: render HTML (and the plain text of the document tree), load the
page in Chromium and check that its text (document.body.innerText) equals the document tree's
text line for line; take a screenshot; print the page to PDF through Chromium's print CSS and
check with poppler that
- pages are A4,
- every page carries "— N —" below the text block, right-aligned on odd pages and
  left-aligned on even pages, one character in from the block's edge;
and that every chart is inline SVG with a bar for each value that is not zero and its
names and values as SVG text (which the text comparison above reads line for line).
Usage: html_check.py HUIBAO_BINARY OUT_DIR
"""
import os
import re
import time

from check_common import (BOTTOM, LEFT, MM, PAGE_H, PAGE_W, RIGHT, DevTools, args, check_reports,
                          chromium, reports, run_ok as run)


def inner_text(html, profile):
    """The page's text as Chromium lays it out, through the DevTools protocol."""
    expr = ("location.protocol === 'file:' && document.readyState === 'complete'"
            " ? document.body.innerText : null")
    with DevTools(profile, "file://" + os.path.abspath(html), url_prefix="file://") as page:
        for _ in range(100):
            value = page.evaluate(expr)
            if value is not None:
                return value
            time.sleep(0.1)
    raise RuntimeError("page did not finish loading")


def words(pdf, page):
    """(text, xMin, yMin, xMax, yMax) of every word on a page, from pdftotext -bbox."""
    html = run(["pdftotext", "-f", str(page), "-l", str(page), "-bbox", pdf, "-"]).stdout
    pattern = r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>'
    return [(t, float(a), float(b), float(c), float(d)) for a, b, c, d, t in re.findall(pattern, html)]


def check(binary, toml, out):
    stem = os.path.splitext(os.path.basename(toml))[0]
    run([binary, "render", toml, "--format", "html,txt", "--out", out])
    html, txt = os.path.join(out, stem + ".html"), os.path.join(out, stem + ".txt")
    profile = os.path.join(out, "chromium-profile")
    png, pdf = os.path.join(out, stem + ".html.png"), os.path.join(out, stem + ".html.pdf")
    chromium(["--window-size=900,1800", f"--screenshot={png}", "file://" + os.path.abspath(html)], profile)
    chromium(["--no-pdf-header-footer", f"--print-to-pdf={pdf}", "file://" + os.path.abspath(html)], profile)
    problems = []

    if os.path.getsize(png) < 30_000:
        problems.append(f"screenshot {png} is nearly empty ({os.path.getsize(png)} bytes)")

    info = run(["pdfinfo", pdf]).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    size = re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info)
    if abs(float(size.group(1)) - PAGE_W) > 1 or abs(float(size.group(2)) - PAGE_H) > 1:
        problems.append(f"page size {size.group(0)} is not A4")

    def lines(text):
        return [l.replace("\t", "").strip() for l in text.splitlines() if l.strip()]

    # Charts: inline SVG, a bar for every value that is not zero, every label as text.
    page = open(html, encoding="utf-8").read()
    for n, svg in enumerate(re.findall(r"<svg .*?</svg>", page, re.S), 1):
        bars = len(re.findall(r'<rect class="bar"', svg))
        values = re.findall(r'<text class="value"[^>]*>([^<]*)</text>', svg)
        nonzero = [v for v in values if float(v.rstrip("%")) != 0]
        if bars != len(nonzero) or not values:
            problems.append(f"chart {n}: {bars} bars for {len(nonzero)} values that are not zero")
        if not re.search(r'<text class="category"', svg):
            problems.append(f"chart {n}: no category names as text")

    shown = lines(inner_text(html, profile + "-text"))
    expected = lines(open(txt, encoding="utf-8").read())
    if shown != expected:
        at = next((i for i, (x, y) in enumerate(zip(shown, expected)) if x != y), min(len(shown), len(expected)))
        problems.append(f"page text differs from the document at line {at + 1}: "
                        f"page {shown[at:at+1]} vs tree {expected[at:at+1]}")

    for page in range(1, pages + 1):
        ws = words(pdf, page)
        below = [w for w in ws if w[2] > PAGE_H - BOTTOM]
        number = [w for w in below if w[0] == str(page)]
        dashes = [w for w in below if w[0] == "—"]
        if not number or len(dashes) < 2:
            problems.append(f"page {page}: no '— {page} —' below the text block (found {[w[0] for w in below]})")
            continue
        x_min = min(w[1] for w in dashes + number)
        x_max = max(w[3] for w in dashes + number)
        top = min(w[2] for w in number)
        # 7 mm below the block edge, give or take the glyph's ascent.
        if not (PAGE_H - BOTTOM + 2 * MM < top < PAGE_H - BOTTOM + 12 * MM):
            problems.append(f"page {page}: page number at y={top:.1f}, expected about 7 mm below the block")
        if page % 2:  # odd: right, one character (14 pt) in from the block's right edge
            want = PAGE_W - RIGHT - 14
            if abs(x_max - want) > 6:
                problems.append(f"page {page}: page number ends at x={x_max:.1f}, want {want:.1f} (right)")
        else:
            want = LEFT + 14
            if abs(x_min - want) > 6:
                problems.append(f"page {page}: page number starts at x={x_min:.1f}, want {want:.1f} (left)")
    return pages, problems


def main():
    binary, out = args()

    def check_one(toml):
        pages, problems = check(binary, toml, out)
        return problems, f"{pages} printed A4 pages"

    check_reports("html", reports(), check_one)


if __name__ == "__main__":
    main()
