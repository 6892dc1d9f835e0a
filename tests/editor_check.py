#!/usr/bin/env python3
"""End-to-end check of `huibao edit` in headless Chromium.

Starts the editor on a report that does not exist yet (an empty editor), and through the
DevTools protocol types as a person would: the report information, three indicator rows
pasted as from a spreadsheet, two achievements and a plan item, one achievement moved up,
a figure cited from the menu; then exports DOCX and PDF with the buttons. On a report of
its own, 专题段落: a fund section added, its form (drawn from the plugin's schema) filled, a row
of the fund grid added, a value the schema refuses shown at its field. On the start page:
新建, 打开, a statistics spreadsheet imported into the indicator grid, 导入上期报告; started
again, 最近打开 lists them. Checks that the
saved TOML renders to the same text as tests/editor/reference.toml, that the exported
files are byte for byte those of `huibao render`, that requests without the token, with a
foreign Host or Origin, or outside the app are refused, and measures the time from a
keystroke to the updated preview (here and on the largest example).
Every request goes to 127.0.0.1; every wait is bounded.
Usage: editor_check.py HUIBAO_BINARY OUT_DIR
"""
import base64
import http.client
import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import time

from check_common import ROOT, DevTools, run_ok

# The page's checks below read its Chinese labels (上移, 后添加表格 …): the run is in Chinese;
# check_english starts one in English.
ENV = dict(os.environ, SOURCE_DATE_EPOCH="1657238400", HUIBAO_LANG="zh-CN")
FONTS = ["--no-system-fonts"]


def served_url(line):
    """The page's address in the line `huibao edit` prints (in either language), or None."""
    found = re.search(r"http://127\.0\.0\.1:[0-9]+[!-~]*", line)
    return found and found.group(0)


def start(binary, report, cwd=None, lang=()):
    """`huibao edit REPORT --no-open` (without REPORT: the start page): the process and the page's address."""
    proc = subprocess.Popen([binary, *lang, "edit", *([report] if report else []), "--no-open", *FONTS], env=ENV,
                            cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    for _ in range(100):
        url = served_url(proc.stdout.readline())
        if url:
            return proc, url
    proc.kill()
    raise AssertionError("huibao edit did not start serving on 127.0.0.1")


def stop(proc):
    proc.send_signal(signal.SIGINT)
    code = proc.wait(timeout=20)
    assert code == 0, f"huibao edit exited {code} after Ctrl-C"


class Editor:
    """The editor's page in Chromium."""

    def __init__(self, devtools):
        self.d = devtools

    def js(self, expression):
        return self.d.evaluate(expression)

    def wait(self, expression, what, seconds=20):
        deadline = time.time() + seconds
        while time.time() < deadline:
            value = self.js(expression)
            if value:
                return value
            time.sleep(0.05)
        state = self.js("JSON.stringify(window.huibaoState && huibaoState() && huibaoState().diagnostics)")
        raise AssertionError(f"the editor never showed {what}; diagnostics: {state}")

    def idle(self):
        self.wait("window.huibaoIdle && huibaoIdle() && huibaoState() !== null", "every change answered")

    def type_into(self, selector, text):
        """Focuses the field and types `text` at its cursor, as a keyboard would."""
        self.js(f"(() => {{ const el = document.querySelector({json.dumps(selector)}); el.focus();"
                f" el.setSelectionRange && el.type !== 'number' && el.setSelectionRange(el.value.length, el.value.length); }})()")
        self.d.call("Input.insertText", {"text": text})
        self.idle()

    def field(self, path):
        return f"[data-path='{json.dumps(path, ensure_ascii=False, separators=(',', ':'))}']"

    def click(self, selector):
        self.js(f"document.querySelector({json.dumps(selector)}).click()")
        self.idle()

    def screenshot(self, path):
        shot = self.d.call("Page.captureScreenshot", {"format": "png"})
        open(path, "wb").write(base64.b64decode(shot["data"]))


def request(url, path, token=True, host=None, origin=None, method="GET"):
    """The status of a request to the editor with these credentials."""
    hostport = url.split("/")[2]
    conn = http.client.HTTPConnection(hostport, timeout=10)
    t = url.split("token=")[1]
    full = path + (("&" if "?" in path else "?") + "token=" + t if token else "")
    headers = {"Host": host or hostport}
    if origin:
        headers["Origin"] = origin
    conn.request(method, full, headers=headers)
    r = conn.getresponse()
    r.read()
    conn.close()
    return r.status


def upload(chromium, selector, path):
    """Chooses `path` in the file input `selector`, as a person would in the dialog."""
    root = chromium.call("DOM.getDocument")["root"]["nodeId"]
    node = chromium.call("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    chromium.call("DOM.setFileInputFiles", {"nodeId": node, "files": [path]})


def check_refusals(url):
    assert request(url, "/api/state") == 200
    assert request(url, "/api/state", token=False) == 403, "a request without the token was answered"
    assert request(url, "/", token=False) == 403, "the page was served without the token"
    assert request(url, "/api/state", host="evil.example:80") == 403, "a foreign Host was answered"
    port = url.split(":")[2].split("/")[0]
    assert request(url, "/api/state", host=f"evil.example:{port}") == 403, "a rebound name was answered"
    assert request(url, "/api/state", origin="http://evil.example") == 403, "a foreign Origin was answered"
    assert request(url, "/api/edit", origin="http://evil.example", method="POST") == 403
    assert request(url, "/api/import?name=a.txt", origin="http://evil.example", method="POST") == 403
    assert request(url, "/api/edit", method="POST") == 400, "an empty edit was not read as one"
    assert request(url, "/../Cargo.toml") == 404, "a path outside the app was answered"
    assert request(url, "/%2e%2e/Cargo.toml") == 404, "a path outside the app was answered"
    assert request(url, "/api/download?name=../../Cargo.toml") == 404, "a file not exported was offered"
    print("editor: no token, foreign Host, foreign Origin and paths outside the app refused")


def latency(page, selector, n=12):
    """Median and worst time from a keystroke to the preview showing it, in ms."""
    page.js("window.huibaoLatency.length = 0")
    for i in range(n):
        page.type_into(selector, "进")
        page.wait(f"window.huibaoLatency.length >= {i + 1}", "the preview after a keystroke")
    times = page.js("window.huibaoLatency")
    return statistics.median(times), max(times)


def main(binary, out):
    binary = os.path.abspath(binary)
    # Absolute: the editor runs in other folders, and a relative XDG_CONFIG_HOME names none.
    work = os.path.join(os.path.abspath(out), "editor")
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    # The list of recent reports goes to a config folder of this run, not the user's.
    ENV["XDG_CONFIG_HOME"] = os.path.join(work, "config")
    report = os.path.join(work, "jinchuan.toml")
    proc, url = start(binary, report)
    chromium = None
    try:
        check_refusals(url)
        chromium = DevTools(os.path.join(work, "profile"), url)
        chromium.call("Emulation.setDeviceMetricsOverride",
                      {"width": 1500, "height": 1000, "deviceScaleFactor": 1, "mobile": False})
        page = Editor(chromium)
        page.wait("document.readyState === 'complete' && window.huibaoState && huibaoState() "
                  "&& !document.querySelector('#editor').hidden", "the empty editor")

        # 报告信息
        page.type_into(page.field(["report", "organization"]), "金川经济技术开发区管委会")
        page.type_into("#period-year", "2022")
        page.js("(() => { const s = document.querySelector('#period-kind'); s.value = 'H1';"
                " s.dispatchEvent(new Event('change', {bubbles: true})); })()")
        page.idle()
        page.js(f"(() => {{ const el = document.querySelector({json.dumps(page.field(['report', 'date']))});"
                " el.value = '2022-07-08'; el.dispatchEvent(new Event('input', {bubbles: true})); })()")
        page.idle()
        page.type_into(page.field(["report", "recipient"]), "金川市人民政府")

        # 主要指标: one row, then three pasted over it from a spreadsheet.
        page.click("#add-indicator")
        page.wait("document.querySelectorAll('#indicators tbody tr').length === 1", "an indicator row")
        rows = "营业收入\t123.5\t亿元\t110.2\t250\n固定资产投资\t36.8\t亿元\t40.1\t70\n新签约项目\t28\t个\r\n"
        page.js("(() => { const el = document.querySelector('#indicators tbody input'); el.focus();"
                " const dt = new DataTransfer(); dt.setData('text/plain', " + json.dumps(rows) + ");"
                " el.dispatchEvent(new ClipboardEvent('paste', {clipboardData: dt, bubbles: true, cancelable: true})); })()")
        page.idle()
        page.wait("document.querySelectorAll('#indicators tbody tr').length === 3", "three pasted rows")
        growth = page.wait("(() => { const c = document.querySelector('#indicators tbody tr td.figure');"
                           " return c && c.textContent; })()", "同比 of the first row")
        assert growth == "12.1%", f"同比 of 营业收入 shows {growth!r}, not 12.1%"

        # 主要工作 (two items, the second moved up) and 工作计划
        ach = "#sec-achievements"
        page.click(f"{ach} .add-item")
        page.type_into(page.field(["achievements", 0, "title"]), "全力推进项目建设")
        page.type_into(page.field(["achievements", 0, "text"]), "新开工项目12个，竣工投产项目8个。")
        page.click(f"{ach} .add-item")
        page.type_into(page.field(["achievements", 1, "title"]), "多措并举加强招商引资")
        page.type_into(page.field(["achievements", 1, "text"]), "新签约项目28个，协议投资额56.3亿元。")
        number = page.wait("document.querySelectorAll('#sec-achievements .number')[1].textContent", "the numbers")
        assert number == "（二）", f"the second item shows {number!r}"
        page.click(f"{ach} [data-item='[\"achievements\",1]'] button[aria-label^='上移']")
        page.wait("document.querySelector(" + json.dumps(page.field(["achievements", 0, "title"])) +
                  ").value === '多措并举加强招商引资'", "the item moved up")
        page.click("#sec-plan .add-item")
        page.type_into(page.field(["plan", 0, "title"]), "持续优化营商环境")
        page.type_into(page.field(["plan", 0, "text"]), "深化“放管服”改革，压缩审批时限。")

        # 总体情况, citing a figure from the menu
        summary = page.field(["summary", "text"])
        page.type_into(summary, "上半年，开发区实现营业收入")
        page.js(f"document.querySelector({json.dumps(summary)}).nextElementSibling.click()")
        page.wait("!document.querySelector('#cite-menu').hidden", "the figures menu")
        page.js("document.querySelector('#cite-menu button[data-name=\"营业收入\"]').click()")
        page.idle()
        page.type_into(summary, "。")
        text = page.js(f"document.querySelector({json.dumps(summary)}).value")
        assert text == "上半年，开发区实现营业收入{{indicator \"营业收入\"}}。", text
        page.wait("huibaoState().ok && !huibaoState().dirty", "a saved report without errors")
        preview = page.wait("(() => { const d = document.querySelector('#preview').contentDocument;"
                            " return d && d.body && d.body.innerText; })()", "the preview")
        assert "实现营业收入123.5亿元，同比增长12.1%" in preview.replace("\n", ""), preview[:500]
        page.screenshot(os.path.join(work, "editor.png"))
        print(f"editor: the forms wrote a report without errors (screenshot {os.path.join(work, 'editor.png')})")

        # Export
        for fmt in ("docx", "pdf"):
            page.click(f"button.export[data-format='{fmt}']")
            page.wait(f"!!document.querySelector('#downloads a[data-name=\"jinchuan.{fmt}\"]')"
                      " || (document.querySelector('#message').classList.contains('error')"
                      " && document.querySelector('#message').textContent)", f"the {fmt} download", 120)
            problem = page.js("document.querySelector('#message').classList.contains('error')"
                              " && document.querySelector('#message').textContent")
            assert not problem, f"exporting {fmt} failed: {problem}"
            assert request(url, f"/api/download?name=jinchuan.{fmt}") == 200
            # The page's own link, fetched as the page would (the cookie, no token in it).
            page.js(f"window.downloaded = null; fetch(document.querySelector('#downloads a[data-name=\"jinchuan.{fmt}\"]').href)"
                    ".then(async (r) => { window.downloaded = [r.status, (await r.arrayBuffer()).byteLength,"
                    " r.headers.get('Content-Disposition')]; })")
            status, length, disposition = page.wait("window.downloaded", f"the {fmt} link's answer")
            assert status == 200 and length == os.path.getsize(os.path.join(work, f"jinchuan.{fmt}")), (status, length)
            assert disposition.startswith("attachment;"), disposition

        # The saved TOML renders to the reference's text; the exports are `huibao render`'s.
        rendered = os.path.join(work, "rendered")
        run_ok([binary, "render", report, "--format", "docx,pdf,txt", "--out", rendered, *FONTS], env=ENV)
        for fmt in ("docx", "pdf"):
            a = open(os.path.join(work, f"jinchuan.{fmt}"), "rb").read()
            b = open(os.path.join(rendered, f"jinchuan.{fmt}"), "rb").read()
            assert a == b, f"the exported {fmt} differs from huibao render's"
        reference = os.path.join(work, "reference")
        run_ok([binary, "render", os.path.join(ROOT, "tests", "editor", "reference.toml"),
                "--format", "txt", "--out", reference, *FONTS], env=ENV)
        ours = open(os.path.join(rendered, "jinchuan.txt"), encoding="utf-8").read()
        theirs = open(os.path.join(reference, "reference.txt"), encoding="utf-8").read()
        assert ours == theirs, f"the saved report's text differs from the reference:\n{ours}\n---\n{theirs}"
        print("editor: the saved report renders to the reference's text; DOCX and PDF equal huibao render's")

        median, worst = latency(page, page.field(["achievements", 1, "text"]))
        print(f"editor: keystroke to preview on this report: median {median:.0f} ms, worst {worst:.0f} ms")
    finally:
        if chromium:
            chromium.close()
        stop(proc)

    # Started with no arguments and no terminal: the start page; 新建 writes the starter.
    folder = os.path.join(work, "start")
    os.makedirs(folder)
    proc = subprocess.Popen([binary], cwd=folder, env=dict(ENV, BROWSER="true", PATH="/usr/bin:/bin"),
                            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    url = None
    for _ in range(100):
        url = served_url(proc.stdout.readline())
        if url:
            break
    assert url, "huibao without arguments and without a terminal did not start the editor"
    chromium = None
    try:
        chromium = DevTools(os.path.join(work, "profile3"), url)
        chromium.call("Emulation.setDeviceMetricsOverride",
                      {"width": 1200, "height": 800, "deviceScaleFactor": 1, "mobile": False})
        page = Editor(chromium)
        page.wait("window.huibaoState && huibaoState() && !document.querySelector('#start').hidden", "the start page")
        page.screenshot(os.path.join(work, "start.png"))
        page.click("#new")
        page.wait("huibaoState().file && huibaoState().ok", "the starter report")
        assert os.path.isfile(os.path.join(folder, "report.toml")), "新建 wrote no report.toml"
        # 打开 and 导入上期报告, through the start page's own controls.
        shutil.copy(os.path.join(ROOT, "tests", "watch", "jinchuan.toml"), os.path.join(folder, "jinchuan.toml"))
        page.js("document.querySelector('#open-path').value = 'jinchuan.toml'")
        page.click("#open")
        page.wait("huibaoState().file && huibaoState().file.endsWith('jinchuan.toml') && huibaoState().ok",
                  "the opened report")
        # 从统计报表导入: the bureau's spreadsheet fills the empty grid, its findings listed by cell.
        upload(chromium, "#sheet-file", os.path.join(ROOT, "sheets", "tests", "fixtures", "jinchuan-2022h1.xlsx"))
        summary = page.wait("document.querySelector('#sheet-summary').textContent", "the spreadsheet's summary", 60)
        added = page.js("huibaoState().sheet.added.length")
        shown = page.js("document.querySelectorAll('#indicators tbody tr').length")
        assert added >= 10 and shown == added, f"{added} indicators added, {shown} rows shown: {summary}"
        first = page.js("document.querySelector('#indicators tbody tr input').value")
        assert first == "营业收入", f"the first row reads {first!r}"
        findings = page.js("[...document.querySelectorAll('#sheet-findings li')].map((li) => li.textContent)")
        assert findings and all(f.startswith("jinchuan-2022h1.xlsx!") for f in findings), findings
        page.wait("huibaoState().report.indicators.length === " + str(added) + " && huibaoIdle()", "the rows saved")
        print(f"editor: 从统计报表导入 filled {added} rows from the .xlsx; {len(findings)} findings listed by cell")
        upload(chromium, "#import-file", os.path.join(ROOT, "tests", "import", "gbk.txt"))
        page.wait("huibaoState().file && huibaoState().file.endsWith('gbk.toml') && huibaoState().todos.length > 0",
                  "the imported report and its to-do list", 60)
        assert os.path.isfile(os.path.join(folder, "gbk.toml")), "导入 wrote no gbk.toml"
        print("editor: without arguments and a terminal it opens the start page; 新建 writes the starter,"
              " 打开 opens a report, 导入上期报告 uploads and imports one with its to-do list")
    finally:
        if chromium:
            chromium.close()
        stop(proc)

    # 最近打开: started again, the start page offers the reports opened, the latest first;
    # one that is gone is greyed and not offered; one click opens another.
    os.remove(os.path.join(folder, "report.toml"))
    proc, url = start(binary, None, cwd=folder)
    chromium = None
    try:
        chromium = DevTools(os.path.join(work, "profile4"), url)
        page = Editor(chromium)
        page.wait("window.huibaoState && huibaoState() && !document.querySelector('#recent').hidden", "the recent reports")
        shown = page.js("[...document.querySelectorAll('#recent-list button')].map((b) => [b.textContent, b.disabled])")
        assert shown[:3] == [["gbk.toml", False], ["jinchuan.toml", False], ["report.toml", True]], shown
        page.screenshot(os.path.join(work, "recent.png"))
        page.click("#recent-list button[data-report$='jinchuan.toml']")
        page.wait("huibaoState().file && huibaoState().file.endsWith('jinchuan.toml') && huibaoState().ok",
                  "the report opened from the list")
        print("editor: 最近打开 lists the reports opened, the latest first, a missing one greyed; one click opens one")
    finally:
        if chromium:
            chromium.close()
        stop(proc)

    # The largest example.
    big = os.path.join(work, "ecopark-2022.toml")
    shutil.copy(os.path.join(ROOT, "examples", "ecopark-2022.toml"), big)
    proc, url = start(binary, big)
    chromium = None
    try:
        chromium = DevTools(os.path.join(work, "profile2"), url)
        page = Editor(chromium)
        page.wait("window.huibaoState && huibaoState() && huibaoState().ok", "the example")
        median, worst = latency(page, page.field(["achievements", 0, "title"]))
        print(f"editor: keystroke to preview on examples/ecopark-2022.toml: median {median:.0f} ms, worst {worst:.0f} ms")

        # 升级 keeps the document's order, as Word does: the sub-items after the one outdented
        # become its own; every item shows the number it will print with.
        titles = ("[...document.querySelectorAll('#sec-achievements .item')]"
                  ".map((d) => d.querySelector('input[data-path]').value)")
        before = page.js(titles)
        second = page.js("huibaoState().report.achievements[0].items[1].title")
        page.click("#sec-achievements [data-item='[\"achievements\",0,\"items\",1]'] button[aria-label^='升级']")
        page.wait(f"huibaoIdle() && huibaoState().report.achievements[1].title === {json.dumps(second)}", "the item outdented")
        assert page.js(titles) == before, f"升级 changed the order of the items: {page.js(titles)}"
        shown = page.js("[...document.querySelectorAll('#sec-achievements .item')].map((d) => "
                        "[d.dataset.item, d.querySelector('.number').textContent])")
        printed = {json.dumps(n["path"], separators=(",", ":")): n["number"] for n in page.js("huibaoState().numbers")}
        for item, number in shown:
            assert printed.get(item) == number, f"{item} shows {number!r}, prints {printed.get(item)!r}"
        assert printed['["achievements",1]'] == "（二）" and printed['["achievements",1,"items",0]'] == "1.", printed
        print("editor: 升级 keeps the document's order (the later sub-items follow under the outdented one); "
              "the numbers shown are those printed")

        # An item's table and chart, made and filled in the page.
        first = "#sec-achievements [data-item='[\"achievements\",0]']"
        page.click(f"{first} button[aria-label^='在'][aria-label$='后添加表格']")
        cell = page.field(["achievements", 0, "table", "rows", 0, 0])
        page.wait(f"!!document.querySelector({json.dumps(cell)})", "the table's form")
        page.type_into(cell, "新材料产业园")
        page.type_into(page.field(["achievements", 0, "table", "rows", 0, 1]), "56.3")
        page.click(f"{first} button[aria-label$='表格末尾添加一行']")
        page.wait("(huibaoState().report.achievements[0].table.rows || []).length === 2", "the added row")
        rows = page.js("huibaoState().report.achievements[0].table.rows")
        assert rows == [["新材料产业园", 56.3], ["", ""]], rows
        page.click(f"{first} button[aria-label$='后添加图表']")
        page.wait("huibaoState().report.achievements[0].chart && huibaoIdle()", "the chart")
        cited = page.js("huibaoState().report.indicators.find((i) => i.previous != null).name")
        page.type_into(page.field(["achievements", 0, "chart", "indicators"]), cited)
        page.wait("huibaoState().ok && huibaoIdle()", "the report with its table and chart")
        preview = page.wait("(() => { const d = document.querySelector('#preview').contentDocument;"
                            " return d && d.body && d.body.innerText; })()", "the preview")
        assert "新材料产业园" in preview and "图1" in preview, preview[:800]
        page.js(f"document.querySelector({json.dumps(first)} + ' .table-form').scrollIntoView()")
        page.screenshot(os.path.join(work, "table-chart.png"))
        print("editor: an item's table (cells, an added row) and chart (its indicators) made in the page print in the preview")
    finally:
        if chromium:
            chromium.close()
        stop(proc)

    check_english(binary, work)
    check_plugin_section(binary, work)


# The page's chrome: every word the page shows of its own (labels, buttons, headings, table
# heads, the period's choices, the preview's state), not the report's text.
CHROME = """[...document.querySelectorAll('[data-t], button, legend, th, option, #preview-state, #save-state')]
  .filter((el) => !el.hidden && !el.closest('[hidden]') && !el.closest('.plugin-words')).map((el) => el.textContent)
  .concat([...document.querySelectorAll('label')].map((l) => [...l.childNodes]
    .filter((n) => n.nodeType === 3).map((n) => n.textContent).join('')))
  .map((t) => t.trim()).filter(Boolean)"""


def check_english(binary, work):
    """`huibao --lang en edit`: the start page and an item's table form speak English, and no
    Chinese character is in the page's chrome (the report's own text aside)."""
    folder = os.path.join(work, "english")
    os.makedirs(folder)
    proc, url = start(binary, None, cwd=folder, lang=["--lang", "en"])
    chromium = None
    try:
        chromium = DevTools(os.path.join(work, "profile-en"), url)
        page = Editor(chromium)
        page.wait("document.readyState === 'complete' && window.huibaoState && huibaoState()"
                  " && !document.querySelector('#start').hidden", "the start page in English")
        assert page.js("document.documentElement.lang") == "en", page.js("document.documentElement.lang")
        start_words = page.js(CHROME)
        for word in ["Report editor", "New", "Open", "Import last period's report", "File name"]:
            assert word in start_words, f"{word!r} not on the English start page: {start_words}"
        han = [w for w in start_words if re.search("[\u3400-\u9fff]", w)]
        assert not han, f"Chinese on the English start page: {han}"
        assert page.js("document.title") == "huibao · report editor", page.js("document.title")

        page.click("#new")
        page.wait("huibaoState().file && !document.querySelector('#editor').hidden && huibaoIdle()", "the new report")
        first = "#sec-achievements [data-item='[\"achievements\",0]']"
        page.click(f"{first} button[aria-label^='Add a table after']")
        page.wait(f"!!document.querySelector({json.dumps(first + ' .table-form')})", "the table form")
        table = page.js(f"document.querySelector({json.dumps(first + ' .table-form')}).innerText")
        for word in ["Table", "Delete table", "Caption", "Add row", "Add column", "Note"]:
            assert word in table, f"{word!r} not in the English table form: {table!r}"
        chrome = page.js(CHROME)
        for word in ["Main indicators", "Achievements", "Add item", "Indicator name", "Period", "Cite indicator"]:
            assert word in chrome, f"{word!r} not in the English editor: {chrome}"
        han = [w for w in chrome if re.search("[\u3400-\u9fff]", w)]
        assert not han, f"Chinese in the English editor's chrome: {han}"
        page.screenshot(os.path.join(work, "english.png"))
        print(f"editor: in English (--lang en) the start page and the editor show {len(chrome)} pieces of chrome,"
              " the table form included, none of them Chinese")
    finally:
        if chromium:
            chromium.close()
        stop(proc)


# A report without plugin sections; the page adds one.
PLUGIN_REPORT = """# 青川经开区2022年上半年工作总结
[report]
organization = "青川经济技术开发区管委会"   # 发文机关
period = "2022-H1"
date = 2022-07-08

[[indicators]]
name = "营业收入"
value = 215.6
unit = "亿元"
previous = 196.3

[[achievements]]
title = "多措并举加强招商引资"
text = "上半年新签约项目28个，总投资额156亿元。"
"""


def check_plugin_section(binary, work):
    """专题段落: a `fund` section added through the page, its form (drawn from the plugin's schema)
    filled and a row of its fund grid added; a size the schema refuses is shown at its cell with
    the host's message; the saved report keeps its bytes, gains the section with TOML's types,
    passes `huibao check` and renders the fund table."""
    folder = os.path.join(work, "plugins")
    os.makedirs(folder)
    report = os.path.join(folder, "qingchuan.toml")
    open(report, "w", encoding="utf-8").write(PLUGIN_REPORT)
    proc, url = start(binary, report)
    chromium = None
    try:
        chromium = DevTools(os.path.join(work, "profile-plugins"), url)
        page = Editor(chromium)
        page.wait("document.readyState === 'complete' && window.huibaoState && huibaoState()"
                  " && !document.querySelector('#editor').hidden", "the editor")
        page.wait("!!document.querySelector('#section-plugin option[value=\"fund\"]')", "the fund plugin offered")
        page.js("document.querySelector('#section-plugin').value = 'fund'")
        page.click("#add-section")
        config = ["sections", 0, "config"]
        page.wait(f"!!document.querySelector({json.dumps(page.field(config + ['title']))})", "the fund section's form")
        page.type_into(page.field(config + ["title"]), "强化基金赋能，拓宽多元融资渠道")
        page.click(page.field(config + ["chart"]))
        page.click(f"button[data-list='{json.dumps(config + ['funds'], separators=(',', ':'))}']")
        row = config + ["funds", 0]
        page.wait(f"!!document.querySelector({json.dumps(page.field(row + ['name']))})", "a row of the fund grid")
        heads = page.js(f"[...document.querySelector({json.dumps(page.field(row + ['name']))}).closest('table')"
                        ".querySelectorAll('th')].map((th) => th.textContent.replace('*', '')).filter(Boolean)")
        assert heads[:4] == ["name", "kind", "size", "stage"], f"the fund grid's columns not in the schema's order: {heads}"
        page.type_into(page.field(row + ["name"]), "青川经开区产业引导母基金")
        for column, value in (("kind", "母基金"), ("stage", "投资决策")):
            page.js(f"(() => {{ const el = document.querySelector({json.dumps(page.field(row + [column]))});"
                    f" el.value = {json.dumps(json.dumps(value, ensure_ascii=False), ensure_ascii=False)};"
                    " el.dispatchEvent(new Event('input', {bubbles: true})); })()")
            page.idle()
        size = page.field(row + ["size"])
        page.type_into(size, "-30")
        message = page.wait(f"(() => {{ const el = document.querySelector({json.dumps(size)});"
                            " const m = el.classList.contains('has-error') && el.parentElement.querySelector('.field-message');"
                            " return m && m.textContent; })()", "the refused size at its cell")
        assert "fund" in message, message
        page.js(f"(() => {{ const el = document.querySelector({json.dumps(size)}); el.value = '30';"
                " el.dispatchEvent(new Event('input', {bubbles: true})); })()")
        page.idle()
        page.wait("huibaoState().ok", "the report without errors")
        preview = page.wait("(() => { const d = document.querySelector('#preview').contentDocument;"
                            " return d && d.body && d.body.innerText.includes('园区基金情况表') && d.body.innerText; })()",
                            "the fund table in the preview")
        assert "青川经开区产业引导母基金" in preview, preview[:800]
        page.click("#save")
        page.wait("!huibaoState().dirty", "the report saved")
        page.screenshot(os.path.join(work, "plugins.png"))
    finally:
        if chromium:
            chromium.close()
        stop(proc)
    text = open(report, encoding="utf-8").read()
    assert text.startswith(PLUGIN_REPORT), f"the bytes before the section changed:\n{text}"
    added = text[len(PLUGIN_REPORT):]
    for line in ('[[sections]]\nplugin = "fund"', 'title = "强化基金赋能，拓宽多元融资渠道"', "chart = true",
                 "[[sections.config.funds]]", 'kind = "母基金"', 'stage = "投资决策"', "size = 30\n"):
        assert line in added, f"{line!r} not in the added section:\n{added}"
    run_ok([binary, "check", report], env=ENV)
    print("editor: 专题段落: a fund section added and a fund row filled through its schema's form;"
          " the refused size shown at its cell; the saved report passes huibao check")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
