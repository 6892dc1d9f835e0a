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


# --- Pages a typesetter would sign off: pages filled, tables held together, headers
# broken between terms. Shared by the PDF check and the DOCX check (on LibreOffice's
# rendering), which read the same page geometry.

class HtmlParts(html.parser.HTMLParser):
    """What the page checks need of an HTML page written by huibao: the tables (caption,
    header cells, number of body rows), the signature's organization, the attachment
    note's lines, and the headings' levels in order (h1–h6)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tables, self.headings, self.note_lines = [], [], []
        self.organization = None
        self.stack, self.text = [], None
        self.in_note = False

    def handle_starttag(self, tag, attrs):
        cls = dict(attrs).get("class", "") or ""
        if tag == "table":
            self.tables.append({"caption": self.pending_caption(), "headers": [], "rows": 0})
        if tag == "figure" and "table" in cls.split():
            self.caption = None
        if tag == "div" and "attachment-note" in cls:
            self.in_note = True
        if tag in ("figcaption", "th", "h1", "h2", "h3", "h4", "h5", "h6") or (
                tag == "p" and ("organization" in cls or self.in_note)):
            self.text = ""
            self.stack.append((tag, cls))
        if tag == "tr" and self.tables and self.tables[-1].get("in_body"):
            self.tables[-1]["rows"] += 1
        if tag == "tbody" and self.tables:
            self.tables[-1]["in_body"] = True

    def pending_caption(self):
        c = getattr(self, "caption", None)
        self.caption = None
        return c

    def handle_endtag(self, tag):
        if tag == "div":
            self.in_note = False
        if tag == "tbody" and self.tables:
            self.tables[-1]["in_body"] = False
        if self.stack and self.stack[-1][0] == tag:
            _, cls = self.stack.pop()
            text = self.text or ""
            self.text = None
            if tag == "figcaption":
                self.caption = text
            elif tag == "th" and self.tables:
                self.tables[-1]["headers"].append(text)
            elif tag[0] == "h" and tag[1:].isdigit():
                self.headings.append((int(tag[1]), squeeze(text)))
            elif "organization" in cls:
                self.organization = text
            elif tag == "p":
                self.note_lines.append(text)

    def handle_data(self, data):
        if self.text is not None:
            self.text += data


def html_parts(path):
    """The tables, headings, signature and attachment note of the HTML page at `path`."""
    p = HtmlParts()
    p.feed(open(path, encoding="utf-8").read())
    return p


def text_lines(pdf):
    """Per page: its lines of text inside the text block, top to bottom, as
    (grid row from 1, x0, text); lines grouped by the vertical centre of their words."""
    out = run(["pdftotext", "-enc", "UTF-8", "-bbox", pdf, "-"]).stdout
    pages = []
    for chunk in out.split("<page ")[1:]:
        words = []
        for m in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>', chunk):
            x0, y0, x1, y1 = map(float, m.groups()[:4])
            if y1 <= TOP + BLOCK_H + 2:
                words.append((x0, y0, x1, y1, html.unescape(m.group(5))))
        lines = []
        for w in sorted(words, key=lambda w: (w[1] + w[3]) / 2):
            c = (w[1] + w[3]) / 2
            if lines and abs(lines[-1]["c"] - c) < 7:
                lines[-1]["words"].append(w)
            else:
                lines.append({"c": c, "words": [w]})
        page = []
        for l in lines:
            l["words"].sort()
            bottom = max(w[3] for w in l["words"])
            row = int((bottom - TOP - 1) // PITCH) + 1
            page.append((row, min(w[0] for w in l["words"]), "".join(w[4] for w in l["words"])))
        pages.append(page)
    return pages


ATTACHMENT_LABEL = re.compile(r"^附件\d*$")


def early_pages(pdf, parts):
    """The pages of `pdf` (1-based) whose text ends more than two grid lines above the
    text block's foot, with the row they end on, leaving out those a typesetter may
    leave short: the last page, one before a forced break (an attachment's first page,
    the end matter alone on its page), and one before the signature's page when that page
    carries no more than the lines GB/T 9704 asks to go with the signature (two body
    lines, or a paragraph of up to four that goes whole, with the headings above them,
    and the attachment note). A chart that does not fit is no excuse: it floats, and the
    text after it fills the page."""
    pages = text_lines(pdf)
    organization = squeeze(parts.organization or "")
    note = {squeeze(l) for l in parts.note_lines}
    early = []
    for i, lines in enumerate(pages[:-1]):
        if not lines or lines[-1][0] >= ROWS - 2:
            continue
        nxt = pages[i + 1]
        first = squeeze(nxt[0][2]) if nxt else ""
        if ATTACHMENT_LABEL.match(first) or first.startswith("抄送") or "印发" in first:
            continue
        texts = [squeeze(t) for _, _, t in nxt]
        if organization and organization in texts:
            headings = {h for _, h in parts.headings}
            # Body lines above the signature, leaving out the attachment note (its wrapped
            # lines too) and the headings that go with their paragraph: at most a short
            # paragraph that goes whole (core::closing::MAX_SPLIT_LINES).
            before = [t for t in texts[:texts.index(organization)]
                      if t not in note and t not in headings
                      and not any(n.endswith(t) for n in note)]
            if len(before) <= 4:
                continue
        early.append((i + 1, lines[-1][0]))
    return early


def header_terms(header):
    """A table header's terms (core::columns::header_terms): the stretches between
    parenthesised groups and the groups themselves."""
    return [t for t in re.findall(r"[（(][^）)]*[）)]|[^（(]+", header) if t.strip()]


def holds_together(term):
    """A term never broken: a parenthesised unit or a word of up to four characters."""
    return term[0] in "（(" or len(term) <= 4


def check_tables(pdf, parts):
    """Problems of the tables of `pdf` as PyMuPDF finds them (ruled tables, a fragment
    per page): a fragment that opens with the header row must hold two body rows after
    it (unless its table has fewer), a table's caption must stand on the page where its
    table starts, and a header cell may break only between terms. Returns (problems,
    fragments seen)."""
    import pymupdf
    problems, seen = [], 0
    headers = {squeeze("".join(t["headers"])): t for t in parts.tables}
    with pymupdf.open(pdf) as doc:
        for n, page in enumerate(doc, 1):
            text = squeeze(page.get_text())
            found = page.find_tables().tables
            for t in found:
                rows = t.extract()
                if not rows:
                    continue
                seen += 1
                first = squeeze("".join(c or "" for c in rows[0]))
                table = headers.get(first)
                if table is None:
                    # PyMuPDF reads a hyphen apart ("1 6月完成\n-"): compare the characters.
                    table = next((v for k, v in headers.items() if sorted(k) == sorted(first)), None)
                if table is None:
                    continue
                if len(rows) - 1 < min(2, table["rows"]):
                    problems.append(f"p{n}: the header of “{table['caption'] or first}” has "
                                    f"{len(rows) - 1} body rows after it on its page")
                for cell, header in zip(rows[0], table["headers"]):
                    lines = [squeeze(l) for l in (cell or "").split("\n") if squeeze(l)]
                    for term in header_terms(header):
                        term = squeeze(term)
                        if holds_together(term) and len(lines) > 1 and not any(term in l for l in lines):
                            problems.append(f"p{n}: header “{header}” broken inside “{term}”: {lines}")
            for table in parts.tables:
                cap = squeeze(table["caption"] or "")
                if cap and cap in text and not found:
                    problems.append(f"p{n}: the caption “{table['caption']}” without its table")
    return problems, seen


# The standard structure types of PDF 1.7 (14.8.4); any other needs a /RoleMap entry.
STANDARD_ROLES = {
    "Document", "Part", "Art", "Sect", "Div", "BlockQuote", "Caption", "TOC", "TOCI", "Index",
    "NonStruct", "Private", "P", "H", "H1", "H2", "H3", "H4", "H5", "H6", "L", "LI", "Lbl",
    "LBody", "Table", "TR", "TH", "TD", "THead", "TBody", "TFoot", "Span", "Quote", "Note",
    "Reference", "BibEntry", "Code", "Link", "Annot", "Ruby", "RB", "RT", "RP", "Warichu",
    "WT", "WP", "Figure", "Formula", "Form",
}
# Operators that paint: paths, images and XObjects, shadings.
PAINTING = {"f", "F", "f*", "S", "s", "B", "B*", "b", "b*", "Do", "sh"}
TEXT_SHOWING = {"Tj", "TJ", "'", '"'}


def unicode_codes(font):
    """The codes a font's /ToUnicode CMap maps (bfchar and bfrange), as ints; None when
    the font has no /ToUnicode."""
    if "/ToUnicode" not in font:
        return None
    cmap = bytes(font.ToUnicode.read_bytes()).decode("latin-1")
    codes = set()
    for block in re.findall(r"beginbfchar(.*?)endbfchar", cmap, re.S):
        codes.update(int(c, 16) for c in re.findall(r"<([0-9A-Fa-f]+)>\s*<[0-9A-Fa-f]*>", block))
    for block in re.findall(r"beginbfrange(.*?)endbfrange", cmap, re.S):
        for lo, hi in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            codes.update(range(int(lo, 16), int(hi, 16) + 1))
    return codes


def shown_codes(operands, op, two_bytes):
    """The character codes a text-showing operator shows."""
    strings = []
    for o in operands:
        if isinstance(o, pikepdf_module().String):
            strings.append(bytes(o))
        elif isinstance(o, pikepdf_module().Array):
            strings.extend(bytes(x) for x in o if isinstance(x, pikepdf_module().String))
    codes = []
    for b in strings:
        if two_bytes:
            codes.extend(int.from_bytes(b[i:i + 2], "big") for i in range(0, len(b) - 1, 2))
        else:
            codes.extend(b)
    return codes


def pikepdf_module():
    import pikepdf
    return pikepdf


def check_tags(pdf, parts, html_path):
    """Problems of the tagged PDF `pdf` (PDF/UA-1, PDF/A-2a): poppler's text in the
    structure tree's reading order must be the HTML page's text; every text-showing and
    every painting operator (text, paths, images: the rules and the charts' bars too) must
    lie in marked content that the parent tree ties to a structure element, or in an
    artifact; every Figure must have /Alt; every structure type must be standard or mapped
    to one by /RoleMap; every font must be embedded with a /ToUnicode map holding every
    code the pages show in it; the headings' levels must be the HTML's. Returns
    (problems, summary)."""
    import pikepdf
    problems = []
    struct = run(["pdfinfo", "-struct-text", pdf]).stdout
    tree_text = "".join(re.findall(r'^\s*"(.*)"$', struct, re.M))
    want = squeeze(html_text(html_path))
    if squeeze(tree_text) != want:
        problems.append(f"text in reading order differs from the HTML {first_difference(squeeze(tree_text), want)}")
    shown = tagged = artifacts = figures = painted = 0
    font_codes = {}
    with pikepdf.open(pdf) as doc:
        root = doc.Root
        if "/StructTreeRoot" not in root:
            return ["no structure tree"], "untagged"
        if not root.get("/MarkInfo", {}).get("/Marked", False):
            problems.append("/MarkInfo /Marked is not true")
        if str(root.get("/Lang", "")) != "zh-CN":
            problems.append(f"/Lang is {root.get('/Lang')!r}")
        if not root.get("/ViewerPreferences", {}).get("/DisplayDocTitle", False):
            problems.append("DisplayDocTitle is not set")
        meta = bytes(root.Metadata.read_bytes()).decode("utf-8")
        if "<pdfuaid:part>1</pdfuaid:part>" not in meta:
            problems.append("no PDF/UA identification in the XMP")
        nums = root.StructTreeRoot.ParentTree.Nums
        parent_tree = {int(nums[k]): nums[k + 1] for k in range(0, len(nums), 2)}
        levels = []

        role_map = root.StructTreeRoot.get("/RoleMap", {})
        mapped = {str(k)[1:]: str(v)[1:] for k, v in role_map.items()} if role_map else {}

        def walk(elem):
            nonlocal figures
            s = str(elem.get("/S", ""))
            role = s[1:]
            if role and role not in STANDARD_ROLES and mapped.get(role) not in STANDARD_ROLES:
                problems.append(f"structure type {s} is neither standard nor mapped by /RoleMap")
            if re.fullmatch(r"/H[1-6]", s):
                levels.append(int(s[2]))
            if s == "/Figure":
                figures += 1
                if not str(elem.get("/Alt", "")).strip():
                    problems.append("a Figure without /Alt")
            kids = elem.get("/K")
            if kids is None:
                return
            for kid in (kids if isinstance(kids, pikepdf.Array) else [kids]):
                if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/StructElem":
                    walk(kid)
                elif isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
                    walk(kid)

        for k in root.StructTreeRoot.K if isinstance(root.StructTreeRoot.K, pikepdf.Array) else [root.StructTreeRoot.K]:
            walk(k)
        for n, page in enumerate(doc.pages, 1):
            key = page.obj.get("/StructParents")
            mcids = parent_tree.get(int(key)) if key is not None else None
            stack = []
            fonts = page.obj.get("/Resources", {}).get("/Font", {})
            font = None
            for operands, op in pikepdf.parse_content_stream(page):
                op = str(op)
                if op == "Tf":
                    font = fonts.get(str(operands[0]))
                if op in TEXT_SHOWING and font is not None:
                    key = font.objgen
                    if key not in font_codes:
                        descendant = font.DescendantFonts[0] if "/DescendantFonts" in font else font
                        descriptor = descendant.get("/FontDescriptor", {})
                        embedded = any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
                        if not embedded:
                            problems.append(f"font {font.get('/BaseFont')} is not embedded")
                        font_codes[key] = (unicode_codes(font), str(font.get("/Subtype")) == "/Type0",
                                           str(font.get("/BaseFont")))
                    codes, two_bytes, base = font_codes[key]
                    if codes is None:
                        problems.append(f"font {base} has no /ToUnicode")
                        font_codes[key] = (set(), two_bytes, base)
                    else:
                        unmapped = [c for c in shown_codes(operands, op, two_bytes) if c not in codes]
                        if unmapped:
                            problems.append(f"p{n}: {base} shows codes its /ToUnicode does not map: {unmapped[:5]}")
                if op in PAINTING:
                    painted += 1
                    in_artifact = any(t == "/Artifact" for t, _ in stack)
                    linked = [m for _, m in stack if m is not None]
                    if not in_artifact and not (linked and mcids is not None and linked[-1] < len(mcids)):
                        problems.append(f"p{n}: {op} paints outside tagged content or an artifact")
                if op in ("BDC", "BMC"):
                    tag = str(operands[0])
                    mcid = None
                    if op == "BDC" and isinstance(operands[1], pikepdf.Dictionary):
                        mcid = operands[1].get("/MCID")
                    stack.append((tag, None if mcid is None else int(mcid)))
                elif op == "EMC":
                    if stack:
                        stack.pop()
                elif op in TEXT_SHOWING:
                    shown += 1
                    if any(t == "/Artifact" for t, _ in stack):
                        artifacts += 1
                        continue
                    linked = [m for _, m in stack if m is not None]
                    ok = (linked and mcids is not None and linked[-1] < len(mcids)
                          and isinstance(mcids[linked[-1]], pikepdf.Dictionary)
                          and mcids[linked[-1]].get("/Type") == "/StructElem")
                    if ok:
                        tagged += 1
                    else:
                        problems.append(f"p{n}: text shown outside marked content tied to the tree")
    html_levels = [lvl for lvl, _ in parts.headings]
    if levels != html_levels:
        problems.append(f"heading levels {levels} differ from the HTML's {html_levels}")
    return problems, (f"{shown} text operators: {tagged} in tagged content, {artifacts} artifacts; "
                      f"{painted} painting operators, {len(font_codes)} fonts mapped to Unicode; "
                      f"{figures} figures with /Alt; headings H{'/H'.join(map(str, sorted(set(levels))))}")
