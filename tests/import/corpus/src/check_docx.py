#!/usr/bin/env python3
"""Prints each paragraph of a .docx: alignment, numPr (numId/ilvl) with the level's
numFmt and lvlText, style, and text. Checks that list-numbered paragraphs do not
carry their number as typed text. Usage: check_docx.py FILE.docx..."""
import re, sys, docx
from docx.oxml.ns import qn

def levels(d):
    out = {}
    try:
        numbering = d.part.numbering_part.element
    except Exception:
        return out
    absn = {}
    for a in numbering.findall(qn('w:abstractNum')):
        lv = {}
        for l in a.findall(qn('w:lvl')):
            fmt = l.find(qn('w:numFmt')); txt = l.find(qn('w:lvlText'))
            lv[l.get(qn('w:ilvl'))] = (fmt.get(qn('w:val')) if fmt is not None else None,
                                       txt.get(qn('w:val')) if txt is not None else None)
        absn[a.get(qn('w:abstractNumId'))] = lv
    for n in numbering.findall(qn('w:num')):
        out[n.get(qn('w:numId'))] = absn.get(n.find(qn('w:abstractNumId')).get(qn('w:val')), {})
    return out

for path in sys.argv[1:]:
    d = docx.Document(path)
    lv = levels(d)
    print('==', path)
    numbered = 0
    for p in d.paragraphs:
        pPr = p._p.pPr
        jc = pPr.find(qn('w:jc')).get(qn('w:val')) if pPr is not None and pPr.find(qn('w:jc')) is not None else '-'
        num = pPr.find(qn('w:numPr')) if pPr is not None else None
        tag = ''
        if num is not None:
            nid = num.find(qn('w:numId')).get(qn('w:val'))
            il = num.find(qn('w:ilvl')).get(qn('w:val')) if num.find(qn('w:ilvl')) is not None else '0'
            if nid != '0':
                numbered += 1
                fmt, txt = lv.get(nid, {}).get(il, (None, None))
                tag = f'numPr(numId={nid},ilvl={il},{fmt},"{txt}")'
                if re.match(r'^\s*([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+[.．、])', p.text):
                    tag += ' !!typed-number-too'
        print(f'{jc:7} {p.style.name[:10]:10} {tag:55} {p.text[:40]}')
    for t in d.tables:
        for r in t.rows:
            print('   table|', ' | '.join(c.text for c in r.cells))
    print('numbered paragraphs:', numbered)
