#!/usr/bin/env python3
"""Builds the user guide (docs/, mdBook layout) into static HTML pages.

    python3 docs/build.py [--src DIR] [--out DIR]

Reads docs/book.toml and src/SUMMARY.md as mdBook does, turns every chapter into one HTML page
with the table of contents beside it (CommonMark with tables, heading ids as mdBook's), and
copies the pictures and files. mdBook itself takes minutes to compile on this project's machines;
this script needs only the `markdown-it-py` package from PyPI (pure Python, CommonMark as
mdBook's pulldown-cmark reads it, installed by tests/install-deps.sh) and builds the guide in
about a second. What it does of mdBook's:

- SUMMARY.md: `[title](file.md)` entries, nested by indentation; README.md becomes index.html;
- `{{#include path}}` in a chapter, relative to the chapter (the glossary is included so);
- links to `*.md` become `*.html`; heading ids as mdBook makes them (see `heading_id`);
- a fenced block's language is the first word of its info string (```` ```toml report ````
  is toml; the word `report` marks a whole report, which tests/docs_check.py renders).

Output: OUT/index.html, one page per chapter, OUT/style.css, and src/images, src/files copied.
"""

import argparse
import html
import os
import re
import shutil
import sys
import tomllib

try:
    from markdown_it import MarkdownIt
except ImportError:  # pragma: no cover - told to the person running it
    sys.exit("build.py: the Python package `markdown-it-py` is missing: python3 -m pip install markdown-it-py")

HERE = os.path.dirname(os.path.abspath(__file__))


def heading_id(text, sep="-"):
    """mdBook's id for a heading: letters, digits, _ and - kept (lower-cased), spaces to -."""
    text = re.sub(r"<[^>]+>", "", text)
    text = html.unescape(text)
    out = []
    for ch in text.strip():
        if ch.isalnum() or ch in "_-":
            out.append(ch.lower())
        elif ch.isspace():
            out.append("-")
    return "".join(out)


def read_summary(src):
    """The chapters of SUMMARY.md in order: (depth, title, path or None for a part title)."""
    entries = []
    with open(os.path.join(src, "SUMMARY.md"), encoding="utf-8") as f:
        for line in f:
            m = re.match(r"^(\s*)(?:[-*]\s+)?\[([^\]]+)\]\(([^)]*)\)\s*$", line)
            if m:
                depth = len(m.group(1).replace("\t", "    ")) // 2
                entries.append((depth, m.group(2), m.group(3) or None))
            elif line.startswith("# ") and entries:
                entries.append((0, line[2:].strip(), None))
    return entries


def html_name(path):
    base = path[:-3] if path.endswith(".md") else path
    if os.path.basename(base).lower() == "readme":
        base = os.path.join(os.path.dirname(base), "index")
    return base + ".html"


INCLUDE = re.compile(r"\{\{#include\s+([^}\s]+)\s*\}\}")


def preprocess(text, chapter_dir):
    def include(m):
        path = os.path.normpath(os.path.join(chapter_dir, m.group(1)))
        with open(path, encoding="utf-8") as f:
            return f.read()

    return INCLUDE.sub(include, text)


def link_target(url):
    """A link as the built book has it: `x.md#a` → `x.html#a`; other links as they are."""
    if re.match(r"^[a-z]+:", url) or url.startswith("#"):
        return url
    path, _, frag = url.partition("#")
    if path.endswith(".md"):
        path = html_name(path)
    return path + ("#" + frag if frag else "")


MD = MarkdownIt("commonmark", {"html": True}).enable("table")


def render_chapter(src, path):
    full = os.path.join(src, path)
    if not os.path.isfile(full):
        sys.exit(f"build.py: SUMMARY.md lists {path}, which is not in {src}")
    with open(full, encoding="utf-8") as f:
        text = preprocess(f.read(), os.path.dirname(full))
    tokens = MD.parse(text)
    title, seen = path, {}
    for i, tok in enumerate(tokens):
        if tok.type == "heading_open":
            inline = tokens[i + 1]
            plain = "".join(c.content for c in inline.children or [] if c.type in ("text", "code_inline"))
            hid = heading_id(plain)
            n = seen.get(hid, 0)
            seen[hid] = n + 1
            tok.attrSet("id", hid if n == 0 else f"{hid}-{n}")
            if tok.tag == "h1" and title == path:
                title = plain
        elif tok.type == "inline":
            for child in tok.children or []:
                if child.type == "link_open":
                    child.attrSet("href", link_target(child.attrGet("href")))
    return title, MD.renderer.render(tokens, MD.options, {})


CSS = """
:root { --side: 17rem; --ink: #1d1d1f; --muted: #6b6b70; --rule: #e3e3e6; --red: #c8102e; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: #fff; line-height: 1.8;
  font-family: "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC",
    "WenQuanYi Micro Hei", sans-serif; font-size: 16px; }
nav.toc { position: fixed; top: 0; bottom: 0; left: 0; width: var(--side); overflow-y: auto;
  background: #f6f6f8; border-right: 1px solid var(--rule); padding: 1.2rem 1rem; font-size: 15px; }
nav.toc .book { font-weight: bold; margin-bottom: .8rem; }
nav.toc ol { list-style: none; margin: 0; padding-left: 0; }
nav.toc ol ol { padding-left: 1rem; }
nav.toc li { margin: .25rem 0; }
nav.toc a { color: var(--ink); text-decoration: none; }
nav.toc a.current { color: var(--red); font-weight: bold; }
nav.toc .part { color: var(--muted); margin-top: .8rem; }
main { margin-left: var(--side); max-width: 60rem; padding: 1.5rem 2.5rem 4rem; }
h1 { font-size: 1.8rem; border-bottom: 2px solid var(--red); padding-bottom: .3rem; }
h2 { font-size: 1.4rem; margin-top: 2.2rem; border-bottom: 1px solid var(--rule); }
h3 { font-size: 1.15rem; margin-top: 1.6rem; }
a { color: #0b57d0; }
code { font-family: Consolas, "DejaVu Sans Mono", "Noto Sans Mono CJK SC", monospace;
  background: #f3f3f5; padding: 0 .25em; border-radius: 3px; font-size: .92em; }
pre { background: #f6f6f8; border: 1px solid var(--rule); border-radius: 4px; padding: .8rem 1rem;
  overflow-x: auto; line-height: 1.55; white-space: pre-wrap; overflow-wrap: anywhere; }
pre code { background: none; padding: 0; }
table { border-collapse: collapse; margin: 1rem 0; }
th, td { border: 1px solid #cfcfd4; padding: .3rem .6rem; vertical-align: top; }
th { background: #f3f3f5; }
img { max-width: 100%; border: 1px solid #cfcfd4; box-shadow: 0 1px 4px rgba(0,0,0,.12); }
blockquote { margin: 1rem 0; padding: .4rem 1rem; border-left: 4px solid var(--red);
  background: #fdf5f6; }
.pager { display: flex; justify-content: space-between; margin-top: 3rem; padding-top: 1rem;
  border-top: 1px solid var(--rule); }
@media (max-width: 800px) { nav.toc { position: static; width: auto; height: auto; }
  main { margin-left: 0; padding: 1rem; } }
@media print { nav.toc, .pager { display: none; } main { margin: 0; } }
"""


def nav_html(entries, current):
    out, depth = ["<ol>"], 0
    for d, title, path in entries:
        while depth < d:
            out.append("<ol>")
            depth += 1
        while depth > d:
            out.append("</ol>")
            depth -= 1
        if path is None:
            out.append(f'<li class="part">{html.escape(title)}</li>')
            continue
        target = html_name(path)
        cls = ' class="current"' if path == current else ""
        out.append(f'<li><a href="{rel(target, current)}"{cls}>{html.escape(title)}</a></li>')
    out.append("</ol>" * (depth + 1))
    return "".join(out)


def rel(target_html, current_md):
    """A link from the page of current_md to target_html (both relative to the book's root)."""
    here = os.path.dirname(html_name(current_md))
    return os.path.relpath(target_html, here or ".").replace(os.sep, "/")


def build(src, out):
    with open(os.path.join(os.path.dirname(src), "book.toml"), "rb") as f:
        book = tomllib.load(f)["book"]
    entries = read_summary(src)
    chapters = [p for _, _, p in entries if p]
    if os.path.isdir(out):
        shutil.rmtree(out)
    os.makedirs(out)
    with open(os.path.join(out, "style.css"), "w", encoding="utf-8") as f:
        f.write(CSS)
    for sub in ("images", "files"):
        if os.path.isdir(os.path.join(src, sub)):
            shutil.copytree(os.path.join(src, sub), os.path.join(out, sub))
    for i, path in enumerate(chapters):
        title, body = render_chapter(src, path)
        prev_link = next_link = ""
        if i > 0:
            prev_link = f'<a href="{rel(html_name(chapters[i - 1]), path)}">← 上一章</a>'
        if i + 1 < len(chapters):
            next_link = f'<a href="{rel(html_name(chapters[i + 1]), path)}">下一章 →</a>'
        css = rel("style.css", path)
        page = f"""<!DOCTYPE html>
<html lang="{book.get('language', 'zh-CN')}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(title)} - {html.escape(book['title'])}</title>
<link rel="stylesheet" href="{css}">
</head>
<body>
<nav class="toc"><div class="book"><a href="{rel('index.html', path)}">{html.escape(book['title'])}</a></div>
{nav_html(entries, path)}</nav>
<main>
{body}
<div class="pager"><span>{prev_link}</span><span>{next_link}</span></div>
</main>
</body>
</html>
"""
        target = os.path.join(out, html_name(path))
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "w", encoding="utf-8") as f:
            f.write(page)
    return chapters


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--src", default=os.path.join(HERE, "src"), help="the book's src folder")
    ap.add_argument("--out", default=os.path.join(os.path.dirname(HERE), "target", "book"),
                    help="where the HTML goes (default: target/book)")
    args = ap.parse_args()
    chapters = build(os.path.abspath(args.src), os.path.abspath(args.out))
    print(f"built {len(chapters)} pages into {args.out}")


if __name__ == "__main__":
    main()
