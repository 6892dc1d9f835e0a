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
import glob
import json
import os
import re
import shutil
import subprocess
import sys
import time
import urllib.request

import websocket  # websocket-client, for the DevTools protocol

MM = 72 / 25.4
PAGE_W, PAGE_H = 210 * MM, 297 * MM
LEFT, RIGHT, BOTTOM = 28 * MM, 26 * MM, 35 * MM
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--hide-scrollbars",
]


def run(cmd, **kw):
    return subprocess.run(cmd, check=True, capture_output=True, text=True, **kw)


def chromium(args, profile):
    cmd = ["chromium", *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args]
    subprocess.run(cmd, check=True, capture_output=True, timeout=120)


def inner_text(html, profile):
    """The page's text as Chromium lays it out, through the DevTools protocol."""
    shutil.rmtree(profile, ignore_errors=True)
    proc = subprocess.Popen(
        ["chromium", *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "--remote-debugging-port=0",
         "file://" + os.path.abspath(html)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        port_file = os.path.join(profile, "DevToolsActivePort")
        for _ in range(300):
            if os.path.exists(port_file) and open(port_file).read().strip():
                break
            time.sleep(0.1)
        port = open(port_file).read().split()[0]
        for _ in range(100):
            targets = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/json"))
            pages = [t for t in targets if t["type"] == "page" and t["url"].startswith("file://")]
            if pages:
                break
            time.sleep(0.1)
        ws = websocket.create_connection(pages[0]["webSocketDebuggerUrl"], timeout=30)
        expr = ("location.protocol === 'file:' && document.readyState === 'complete'"
                " ? document.body.innerText : null")
        for attempt in range(100):
            ws.send(json.dumps({"id": attempt, "method": "Runtime.evaluate",
                                "params": {"expression": expr, "returnByValue": True}}))
            while True:
                reply = json.loads(ws.recv())
                if reply.get("id") == attempt:
                    break
            value = reply["result"]["result"].get("value")
            if value is not None:
                ws.close()
                return value
            time.sleep(0.1)
        raise RuntimeError("page did not finish loading")
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def words(pdf, page):
    """(text, xMin, yMin, xMax, yMax) of every word on a page, from pdftotext -bbox."""
    html = run(["pdftotext", "-f", str(page), "-l", str(page), "-bbox", pdf, "-"]).stdout
    pattern = r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>'
    return [(t, float(a), float(b), float(c), float(d)) for a, b, c, d, t in re.findall(pattern, html)]


def squeeze(text):
    return re.sub(r"\s+", "", text)


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
    binary, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    passed = failed = 0
    for toml in sorted(glob.glob("examples/*.toml")):
        try:
            pages, problems = check(binary, toml, out)
        except subprocess.CalledProcessError as e:
            pages, problems = 0, [f"{' '.join(e.cmd[:3])} failed: {e.stderr}"]
        if problems:
            failed += 1
            print(f"FAIL {toml}")
            for p in problems:
                print(f"  - {p}")
        else:
            passed += 1
            print(f"ok   {toml}: text equal line for line, {pages} printed A4 pages, page numbers placed")
    print(f"html: {passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
