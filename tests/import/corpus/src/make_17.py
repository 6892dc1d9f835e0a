#!/usr/bin/env python3
"""Rebuilds 17-shimen-2023-pdf-pages-gbk.txt from its UTF-8 source: wraps body
paragraphs at about 36 characters as pdftotext would (no line starting with
closing punctuation, no number split across lines), paginates every 22 lines
with a running header (the title) and footers "- N -" / "第 N 页 共 M 页",
separates pages with a form feed, and saves as GBK."""
import os
here = os.path.dirname(os.path.abspath(__file__))
src = os.path.join(here, '17-shimen-2023-pdf-pages-gbk.utf8.txt')
dst = os.path.join(here, '..', '17-shimen-2023-pdf-pages-gbk.txt')
lines = open(src, encoding='utf-8').read().split('\n')
title = lines[0]
NOSTART = set('，。；：、）”％%')
def alnum(c): return c.isascii() and (c.isalnum() or c == '.')
out = []
W = 36
for i, l in enumerate(lines):
    if not l:
        continue
    if i == 0 or len(l) <= W:
        out.append(l); continue
    while len(l) > W:
        k = W
        while k > 1 and (l[k] in NOSTART or (alnum(l[k]) and alnum(l[k-1]))):
            k -= 1
        out.append(l[:k]); l = l[k:]
    out.append(l)
pages = [out[i:i+22] for i in range(0, len(out), 22)]
n = len(pages)
res = []
for k, p in enumerate(pages, 1):
    if k > 1:
        res.append(title)
    res.extend(p)
    res += ['', f'- {k} -', f'第 {k} 页 共 {n} 页']
    if k < n:
        res.append('\f')
open(dst, 'wb').write(('\n'.join(res) + '\n').encode('gbk'))
