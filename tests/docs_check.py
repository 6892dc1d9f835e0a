#!/usr/bin/env python3
"""The user guide (docs/): pictures regenerated, built to HTML, every example and link checked.

    python3 tests/docs_check.py HUIBAO OUTDIR

Works on a copy of docs/ in OUTDIR/guide (the repository's pictures are not touched):

1. docs/make-pictures.sh renders the current examples with HUIBAO and writes the pictures;
2. docs/build.py builds the guide into OUTDIR/book;
3. checks, each counted:
   - every chapter in src/ is listed in SUMMARY.md, and every entry of SUMMARY.md exists;
   - every picture a chapter shows exists and was made by this run's make-pictures.sh, and
     every picture made is shown by some chapter (none left over);
   - every link and image of the built pages resolves: the file exists and so does the
     #anchor in it;
   - every ```toml block parses as TOML; every ```toml report block (a whole report) passes
     `huibao check` without errors or warnings and renders to DOCX, PDF, HTML and text, the
     guide's files (src/files) beside it; every plain ```toml block (a part of a report), put
     into the starter of `huibao new` in place of its tables of the same names, checks without
     errors (```toml plugin and other words after toml: parsed only);
   - every `huibao …` command in a ```sh block names a real command, and each of its
     --options is one that command's --help lists;
   - every message the FAQ (src/faq.md) quotes is what the program prints: each quote follows
     a hidden `<!-- run: ARGS … -->` comment holding the command and its files; it is run
     under `--lang zh-CN` and each quoted line (the ```text block, or the `…` spans of the
     line after the comment) must be a line of what it prints, `…` standing for any text.

Prints one line per failure and closes with `docs: N passed, M failed`; exits 1 on a failure.
"""

import html.parser
import os
import re
import shutil
import subprocess
import sys
import time
import tomllib
import urllib.parse

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
passed = 0
failures = []


def ok(cond, what):
    global passed
    if cond:
        passed += 1
    else:
        failures.append(what)
        print(f"FAIL {what}")
    return cond


def chapters_of(src):
    out = []
    with open(os.path.join(src, "SUMMARY.md"), encoding="utf-8") as f:
        for line in f:
            m = re.search(r"\]\(([^)]+\.md)\)", line)
            if m:
                out.append(m.group(1))
    return out


FENCE = re.compile(r"^([ \t]*)(```+)([^\n`]*)\n(.*?)^\1\2[ \t]*$", re.M | re.S)


def blocks(text):
    """(info string, body, line number) of each fenced block, also those indented in a list."""
    for m in FENCE.finditer(text):
        indent = m.group(1)
        body = "".join(line[len(indent):] if line.startswith(indent) else line
                       for line in m.group(4).splitlines(keepends=True))
        yield m.group(3).strip(), body, text.count("\n", 0, m.start()) + 1


class Links(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.refs, self.ids = [], set()

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.add(a["id"])
        for key in ("href", "src"):
            if key in a and a[key]:
                self.refs.append((tag, a[key]))


def parse_html(path):
    p = Links()
    with open(path, encoding="utf-8") as f:
        p.feed(f.read())
    return p


def run(cmd, cwd=None, timeout=300):
    return subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=timeout)


def check_report_block(bin_, body, where, files, tmp):
    d = os.path.join(tmp, f"report-{len(os.listdir(tmp))}")
    os.makedirs(d)
    if os.path.isdir(files):
        for name in os.listdir(files):
            shutil.copy(os.path.join(files, name), d)
    with open(os.path.join(d, "report.toml"), "w", encoding="utf-8") as f:
        f.write(body)
    plugins = ["--plugin-dir", os.path.join(ROOT, "examples", "plugins")]
    c = run([bin_, "check", "report.toml", *plugins, "--deny-warnings"], cwd=d)
    ok(c.returncode == 0,
       f"{where}: the report does not pass `huibao check` cleanly: {c.stdout}{c.stderr}".strip())
    r = run([bin_, "render", "report.toml", *plugins, "--format", "docx,pdf,html,txt", "--out", "out"], cwd=d)
    made = all(os.path.isfile(os.path.join(d, "out", "report." + e)) for e in ("docx", "pdf", "html", "txt"))
    ok(r.returncode == 0 and made, f"{where}: the report does not render: {r.stderr}".strip())


HEADER = re.compile(r"^\[\[?\s*([^\]\s]+)\s*\]\]?", re.M)


def check_fragment(bin_, body, where, tmp):
    """A part of a report (```toml without a word after it): put into the starter of `huibao
    new` in place of the starter's tables of the same names, it must check without errors."""
    d = os.path.join(tmp, f"fragment-{len(os.listdir(tmp))}")
    os.makedirs(d)
    starter = os.path.join(d, "starter.toml")
    run([bin_, "new", starter])
    with open(starter, encoding="utf-8") as f:
        base = f.read()
    tables = {m.group(1) for m in HEADER.finditer(body) if not m.group(0).startswith("[[")}
    # The starter in chunks, each from one table header to the next; a chunk whose table the
    # fragment writes itself is left out (its subtables and arrays of tables too).
    chunks = re.split(r"(?m)^(?=\[)", base)
    keep = []
    for chunk in chunks:
        m = HEADER.match(chunk)
        name = m.group(1) if m else None
        if name and any(name == t or name.startswith(t + ".") for t in tables):
            continue
        keep.append(chunk)
    with open(os.path.join(d, "report.toml"), "w", encoding="utf-8") as f:
        f.write("".join(keep) + "\n" + body)
    c = run([bin_, "check", "report.toml"], cwd=d)
    ok(c.returncode == 0, f"{where}: the fragment, put into the starter report, does not check: {c.stdout}{c.stderr}".strip())


help_cache = {}


def check_command(bin_, line, where):
    words = line.split()
    sub = []
    for w in words[1:]:
        if w.startswith("-") or not re.fullmatch(r"[a-z][a-z-]*", w):
            break
        sub.append(w)
    key = tuple(sub)
    if key not in help_cache:
        h = run([bin_, *sub, "--help"])
        help_cache[key] = (h.returncode, h.stdout)
    code, text = help_cache[key]
    if not ok(code == 0, f"{where}: `{line}`: `huibao {' '.join(sub)}` is not a command"):
        return
    for opt in re.findall(r"(?<![\w-])(--[a-z][a-z-]*)", line):
        if opt in ("--help", "--version"):
            continue
        ok(re.search(rf"(?<![\w-]){re.escape(opt)}(?![\w-])", text) is not None,
           f"{where}: `{line}`: `huibao {' '.join(sub)}` has no option {opt}")


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    bin_, out = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    guide = os.path.join(out, "guide")
    if os.path.isdir(guide):
        shutil.rmtree(guide)
    os.makedirs(guide)
    shutil.copytree(os.path.join(ROOT, "docs"), os.path.join(guide, "docs"),
                    ignore=shutil.ignore_patterns("*.png", "pictures.txt"))
    for name in ("examples", "locales"):  # what make-pictures.sh and the glossary page read
        os.symlink(os.path.join(ROOT, name), os.path.join(guide, name))
    src = os.path.join(guide, "docs", "src")
    images = os.path.join(src, "images")

    # 1. The pictures, from the current examples.
    t0 = time.time()
    p = run(["bash", os.path.join(guide, "docs", "make-pictures.sh"), bin_, images], timeout=900)
    print(p.stdout, end="")
    if not ok(p.returncode == 0, f"make-pictures.sh failed: {p.stderr}"):
        return finish()
    print(f"pictures made in {time.time() - t0:.1f} s")
    with open(os.path.join(images, "pictures.txt"), encoding="utf-8") as f:
        made = {line.strip() for line in f if line.strip()}

    # 2. The HTML.
    t1 = time.time()
    book = os.path.join(out, "book")
    b = run([sys.executable, os.path.join(guide, "docs", "build.py"), "--src", src, "--out", book])
    if not ok(b.returncode == 0, f"build.py failed: {b.stdout}{b.stderr}"):
        return finish()
    print(f"{b.stdout.strip()} in {time.time() - t1:.1f} s")

    # 3a. SUMMARY.md and the chapters.
    listed = chapters_of(src)
    for c in listed:
        ok(os.path.isfile(os.path.join(src, c)), f"SUMMARY.md lists {c}, which does not exist")
    for name in sorted(os.listdir(src)):
        if name.endswith(".md") and name != "SUMMARY.md":
            ok(name in listed, f"{name} is not listed in SUMMARY.md")

    # 3b. Pictures shown = pictures made, and made now.
    shown = set()
    tmp = os.path.join(out, "guide-reports")
    if os.path.isdir(tmp):
        shutil.rmtree(tmp)
    os.makedirs(tmp)
    files = os.path.join(src, "files")
    for c in listed:
        path = os.path.join(src, c)
        if not os.path.isfile(path):
            continue
        with open(path, encoding="utf-8") as f:
            text = f.read()
        for m in re.finditer(r"!\[[^\]]*\]\(images/([^)]+)\)", text):
            name = m.group(1)
            shown.add(name)
            pic = os.path.join(images, name)
            ok(name in made and os.path.isfile(pic) and os.path.getmtime(pic) >= t0 - 1,
               f"{c}: picture images/{name} was not made by make-pictures.sh")
        # 3d. The examples; each block is a <pre> of the built page.
        found = list(blocks(text))
        page = os.path.join(book, c[:-3].replace("README", "index") + ".html")
        if os.path.isfile(page):
            with open(page, encoding="utf-8") as f:
                pres = f.read().count("<pre>")
            ok(pres == len(found), f"{c}: {len(found)} code blocks but {pres} <pre> in the built page")
        for info, body, line in found:
            where = f"docs/src/{c}:{line}"
            words = re.split(r"[\s,]+", info)
            if words[0] == "toml":
                try:
                    tomllib.loads(body)
                    ok(True, "")
                except tomllib.TOMLDecodeError as e:
                    ok(False, f"{where}: the TOML block does not parse: {e}")
                    continue
                if "report" in words[1:]:
                    check_report_block(bin_, body, where, files, tmp)
                elif len(words) == 1:
                    check_fragment(bin_, body, where, tmp)
            elif words[0] in ("sh", "bash"):
                for cmd in body.splitlines():
                    cmd = cmd.split("  #")[0].strip()
                    if cmd.startswith("huibao "):
                        check_command(bin_, cmd, where)
    for name in sorted(made - shown):
        ok(False, f"picture {name} is made but no chapter shows it")

    # 3c. Links and images of the built pages.
    pages = {}
    for dirpath, _, names in os.walk(book):
        for n in names:
            if n.endswith(".html"):
                pages[os.path.join(dirpath, n)] = parse_html(os.path.join(dirpath, n))
    for page, parsed in sorted(pages.items()):
        rel_page = os.path.relpath(page, book)
        for tag, ref in parsed.refs:
            if re.match(r"^[a-z]+:", ref):
                continue
            path, _, frag = ref.partition("#")
            target = os.path.normpath(os.path.join(os.path.dirname(page), urllib.parse.unquote(path))) if path else page
            if not ok(os.path.isfile(target), f"{rel_page}: <{tag}> {ref}: {os.path.relpath(target, book)} does not exist"):
                continue
            if frag:
                ids = pages[target].ids if target in pages else set()
                ok(urllib.parse.unquote(frag) in ids, f"{rel_page}: <{tag}> {ref}: no #{urllib.parse.unquote(frag)} in {os.path.relpath(target, book)}")
    print(f"guide: {len(pages)} pages in {book}")

    # 3d. The FAQ's quotes against the program.
    check_faq(bin_, src, tmp)
    return finish()


RUN = re.compile(r"<!-- run: (.*?)\n(.*?)-->\n+(.*?)(?=\n\n|\Z)", re.S)


def faq_runs(text):
    """(args, {file: text}, [quoted lines]) for each `<!-- run: … -->` of the FAQ."""
    out = []
    for m in RUN.finditer(text):
        args, body, after = m.group(1).split(), m.group(2), m.group(3)
        files, name = {}, None
        for line in body.splitlines(keepends=True):
            # `--- NAME` starts a file; `--- NAME gbk` one saved in GBK (not UTF-8).
            head = re.match(r"^--- (\S+)( gbk)?\s*$", line)
            if head:
                name = head.group(1) + (head.group(2) or "")
                files[name] = ""
            elif name is not None:
                files[name] += line
        fence = re.match(r"```text\n(.*?)\n```", after, re.S)
        if fence:
            quotes = [l for l in fence.group(1).splitlines() if l.strip()]
        else:
            quotes = re.findall(r"`` (.+?) ``|`([^`]+)`", after.split("\n")[0])
            quotes = [a or b for a, b in quotes]
        out.append((args, files, quotes, text[: m.start()].count("\n") + 1))
    return out


def quoted_in(quote, printed):
    """Whether `quote` is a line of `printed` (a part of one), `…` standing for any text."""
    parts = [re.escape(p.strip()) for p in quote.split("…")]
    pattern = re.compile(r"\s*.*?".join(parts) if len(parts) > 1 else parts[0])
    return any(pattern.search(line.strip()) for line in printed.splitlines())


def check_faq(bin_, src, tmp):
    """The FAQ's quotes are what the program prints for the inputs beside them."""
    path = os.path.join(src, "faq.md")
    with open(path, encoding="utf-8") as f:
        text = f.read()
    runs = faq_runs(text)
    ok(len(runs) >= 20, f"faq.md: only {len(runs)} quotes have a <!-- run: --> input")
    # Every quote has its input: a line 提示：… or a ```text block follows a <!-- run: -->
    # comment (or a <!-- not run: why --> one, for what a comment cannot set up).
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if line.startswith("提示：") or line == "```text":
            before = "\n".join(lines[max(0, i - 40):i]).rstrip()
            ok(before.endswith("-->") and re.search(r"<!-- (run|not run): [^>]*\Z", before.rsplit("-->", 1)[0], re.S) is not None,
               f"faq.md:{i + 1}: the quote {line[:40]!r} has no <!-- run: --> input above it")
    for args, files, quotes, line in runs:
        where = f"faq.md:{line}"
        work = os.path.join(tmp, f"faq-{line}")
        shutil.rmtree(work, ignore_errors=True)
        os.makedirs(work)
        for name, body in files.items():
            name, _, encoding = name.partition(" ")
            target = os.path.join(work, name)
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with open(target, "w", encoding=encoding or "utf-8") as f:
                f.write(body)
        env = {k: v for k, v in os.environ.items() if k not in ("HUIBAO_LANG", "LC_ALL", "LC_MESSAGES")}
        env.update(LANG="zh_CN.UTF-8", NO_COLOR="1")
        p = subprocess.run([bin_, "--lang", "zh-CN", *args], cwd=work, capture_output=True, text=True, env=env, timeout=120)
        printed = p.stdout + p.stderr
        if not ok(bool(quotes), f"{where}: no quote follows the <!-- run: --> comment"):
            continue
        for q in quotes:
            ok(quoted_in(q, printed), f"{where}: the FAQ quotes {q!r}, the program prints:\n{printed}")


def finish():
    print(f"docs: {passed} passed, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
