"""What the end-to-end checks (tests/*_check.py) share: the GB/T 9704 page geometry,
running the huibao binary and the tools, the reports to render, the text of an HTML page,
Chromium through the DevTools protocol, and counting results.

Each check stays runnable on its own: `python3 tests/X_check.py HUIBAO_BINARY OUT_DIR`
(Python puts the script's folder, tests/, first on the module path).
"""
import contextlib
import glob
import html
import html.parser
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# The page of GB/T 9704-2012 in points: A4, the text block's margins, its 22 × 28 grid.
MM = 72 / 25.4
PAGE_W, PAGE_H = 210 * MM, 297 * MM
LEFT, RIGHT, TOP, BOTTOM = 28 * MM, 26 * MM, 37 * MM, 35 * MM
BLOCK_W, BLOCK_H = PAGE_W - LEFT - RIGHT, PAGE_H - TOP - BOTTOM
ROWS, CHARS = 22, 28
PITCH = BLOCK_H / ROWS
NUMBER_SIZE = 14  # 4号: page numbers stand "one character in" from the block's edge


def args(folder=None):
    """(huibao binary, output folder) from the command line, both absolute; by default
    the debug build and target/e2e. With `folder`, the output folder is that folder in
    it. The output folder is made when it is not there."""
    binary = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "target", "debug", "huibao")
    out = sys.argv[2] if len(sys.argv) > 2 else os.path.join(ROOT, "target", "e2e")
    out = os.path.abspath(os.path.join(out, folder) if folder else out)
    os.makedirs(out, exist_ok=True)
    return os.path.abspath(binary), out


def reports(*folders):
    """examples/*.toml, then the *.toml of each further folder (relative to the
    repository), each list sorted."""
    found = sorted(glob.glob(os.path.join(ROOT, "examples", "*.toml")))
    for folder in folders:
        found += sorted(glob.glob(os.path.join(ROOT, folder, "*.toml")))
    return found


def run(cmd, **kw):
    """A command's result, its output as text; a failure is the caller's to read."""
    return subprocess.run(cmd, capture_output=True, text=True, **kw)


def run_ok(cmd, **kw):
    """A command's result, its output as text; raises CalledProcessError on failure."""
    return run(cmd, check=True, **kw)


def squeeze(text):
    """`text` without any white space."""
    return re.sub(r"\s+", "", text)


def first_difference(a, b, context=15):
    """Where two texts first differ, with a little of each around it."""
    at = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    return f"at char {at}: …{a[max(0, at - context):at + context]}… vs …{b[max(0, at - context):at + context]}…"


def is_han(c):
    """An ideograph (CJK Unified Ideographs and their extensions, compatibility ones)."""
    o = ord(c)
    return 0x3400 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF or o >= 0x20000


def is_cjk(c):
    """A full-width character: ideographs, CJK marks and full-width forms."""
    o = ord(c)
    return (0x2E80 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF or 0xFE30 <= o <= 0xFE4F
            or 0xFF00 <= o <= 0xFF60 or 0xFFE0 <= o <= 0xFFE6 or o >= 0x20000)


class HtmlText(html.parser.HTMLParser):
    """The visible text of an HTML page's body: without <head>, <style>, <script> and
    <template>."""

    HIDDEN = ("head", "style", "script", "template")

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts, self.skip, self.in_body = [], 0, False

    def handle_starttag(self, tag, attrs):
        if tag == "body":
            self.in_body = True
        if tag in self.HIDDEN:
            self.skip += 1

    def handle_endtag(self, tag):
        if tag in self.HIDDEN:
            self.skip -= 1

    def handle_data(self, data):
        if self.in_body and not self.skip:
            self.parts.append(data)


def html_text(path):
    """The visible text of the HTML page at `path`."""
    p = HtmlText()
    p.feed(open(path, encoding="utf-8").read())
    return "".join(p.parts)


def title_and_author(path):
    """The title and author an HTML page written by huibao names (<title>, <meta
    name="author">), unescaped."""
    page = open(path, encoding="utf-8").read()
    title = re.search(r"<title>(.*?)</title>", page, re.S).group(1).strip()
    author = re.search(r'<meta name="author" content="(.*?)"', page).group(1)
    return html.unescape(title), html.unescape(author)


def glyph_rows(pdf, glyph):
    """Per page of `pdf`: its rows of glyphs as MuPDF reads them, top to bottom, as
    (baseline y, sorted glyphs); `glyph(char, size)` makes a glyph of a character dict
    and its span's font size, or None to leave it out."""
    import pymupdf
    pages = []
    with pymupdf.open(pdf) as doc:
        for page in doc:
            rows = {}
            for block in page.get_text("rawdict")["blocks"]:
                for line in block.get("lines", []):
                    for span in line["spans"]:
                        for c in span["chars"]:
                            g = glyph(c, span["size"])
                            if g is not None:
                                rows.setdefault(round(c["origin"][1], 1), []).append(g)
            pages.append([(y, sorted(g)) for y, g in sorted(rows.items())])
    return pages


@contextlib.contextmanager
def report_without_font(report):
    """A copy of `report`, in a scratch folder, whose first text starts with U+E000, a
    character no font has. Yields (path of the copy, its source, the scratch folder);
    the source is the original's when no text could take the character."""
    src = open(report, encoding="utf-8").read()
    bad = re.sub(r"(\ntext\s*=\s*(?:'''\n?|\"\"\"\n?|\"|'))", "\\1\ue000", src, count=1)
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "bad.toml")
        with open(path, "w", encoding="utf-8") as f:
            f.write(bad)
        yield path, bad, d


class Tally:
    """Counts checks that passed and failed; prints each failure as it comes and the
    count at the end as "KIND: N passed, M failed"."""

    def __init__(self, kind):
        self.kind, self.passed, self.failed = kind, 0, 0

    def check(self, ok, what):
        """Counts `ok`; prints `what` when it is false. Returns `ok`."""
        if ok:
            self.passed += 1
        else:
            self.failed += 1
            print(f"  FAIL {what}")
        return ok

    def finish(self):
        """Prints the count; the exit status: 1 when anything failed."""
        print(f"{self.kind}: {self.passed} passed, {self.failed} failed")
        return 1 if self.failed else 0


def check_reports(kind, paths, check_one):
    """Runs `check_one(path)` -> (problems, summary) for every report, printing "ok" or
    "FAIL" and the problems for each, then "KIND: N passed, M failed"; exits 1 when
    any failed (or there were none). A crash in one report does not hide the others."""
    passed = failed = 0
    for path in paths:
        name = os.path.relpath(path, ROOT)
        try:
            problems, summary = check_one(path)
        except subprocess.CalledProcessError as e:
            problems, summary = [f"{' '.join(map(str, e.cmd[:3]))} failed: {e.stderr}"], "failed"
        except Exception as e:
            problems, summary = [f"{type(e).__name__}: {e}"], "crashed"
        if problems:
            failed += 1
            print(f"FAIL {name} ({summary})")
            for p in problems:
                print(f"  - {p}")
        else:
            passed += 1
            print(f"ok   {name} ({summary})")
    print(f"{kind}: {passed} passed, {failed} failed")
    sys.exit(1 if failed or not paths else 0)


# Headless Chromium, without anything that reaches the network.
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--hide-scrollbars",
]


def chromium(args, profile):
    """Runs headless Chromium with `args` (a screenshot, a print to PDF) to its end."""
    cmd = ["chromium", *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args]
    subprocess.run(cmd, check=True, capture_output=True, timeout=120)


class DevTools:
    """Chromium showing a page, driven through the DevTools protocol. Use as a context
    manager: leaving it closes the connection and stops Chromium."""

    def __init__(self, profile, url, url_prefix=None):
        """Opens `url` with a fresh profile folder; the page to drive is the first whose
        address starts with `url_prefix` (by default `url`)."""
        shutil.rmtree(profile, ignore_errors=True)
        self.proc = subprocess.Popen(
            ["chromium", *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "--remote-debugging-port=0", url],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.ws, self.n = None, 0
        try:
            port_file = os.path.join(profile, "DevToolsActivePort")
            written = ""
            for _ in range(300):
                # Read once: the file can be there before Chromium has written into it.
                written = open(port_file).read().strip() if os.path.exists(port_file) else ""
                if written:
                    break
                time.sleep(0.1)
            port = written.split()[0]
            prefix = url_prefix or url
            for _ in range(100):
                targets = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/json", timeout=5))
                pages = [t for t in targets if t["type"] == "page" and t["url"].startswith(prefix)]
                if pages:
                    self.ws = websocket_connect(pages[0]["webSocketDebuggerUrl"])
                    return
                time.sleep(0.1)
            raise RuntimeError("Chromium did not open the page")
        except BaseException:
            self.close()
            raise

    def evaluate(self, expression):
        """The value of a JavaScript expression in the page."""
        self.n += 1
        self.ws.send(json.dumps({"id": self.n, "method": "Runtime.evaluate",
                                 "params": {"expression": expression, "returnByValue": True}}))
        while True:
            reply = json.loads(self.ws.recv())
            if reply.get("id") == self.n:
                return reply["result"]["result"].get("value")

    def call(self, method, params=None):
        """The result of a DevTools command (Input.insertText, Page.captureScreenshot …)."""
        self.n += 1
        self.ws.send(json.dumps({"id": self.n, "method": method, "params": params or {}}))
        while True:
            reply = json.loads(self.ws.recv())
            if reply.get("id") == self.n:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})

    def close(self):
        """Closes the connection and stops Chromium."""
        if self.ws is not None:
            self.ws.close()
            self.ws = None
        if self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(timeout=30)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def websocket_connect(url):
    """A DevTools connection (the pdf and ofd checks do without websocket-client)."""
    import websocket  # websocket-client, for the DevTools protocol
    return websocket.create_connection(url, timeout=30)
