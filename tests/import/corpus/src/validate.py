#!/usr/bin/env python3
"""Sanity checks of the corpus (not of huibao): every input has a NAME.expect in the
agreed format; the input holds 300-2500 Han characters; every expected heading and
part title occurs in the input text, in order (after light normalisation); the
organization occurs in the input. Run from anywhere: python3 src/validate.py"""
import os, re, sys, glob, docx
here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(here)
PERIOD = re.compile(r'^\d{4}(-H[12]|-Q[1-4]|-\d\d\.\.\d{4}-\d\d)?$')

def text_of(path):
    if path.endswith('.docx'):
        d = docx.Document(path)
        parts = [p.text for p in d.paragraphs]
        for t in d.tables:
            for r in t.rows:
                parts.append('\t'.join(c.text for c in r.cells))
        return '\n'.join(parts)
    raw = open(path, 'rb').read()
    try:
        return raw.decode('utf-8')
    except UnicodeDecodeError:
        return raw.decode('gbk')

def norm(s):
    s = s.replace('〝', '“').replace('〞', '”')
    s = re.sub(r'〃([^〃]*)〃', r'“\1”', s)
    return s.replace(',', '，').replace(';', '；').replace(':', '：').replace('(', '（').replace(')', '）')

bad = 0
inputs = sorted(f for f in glob.glob(os.path.join(root, '*')) if re.search(r'\.(txt|docx)$', f) and '.src.' not in f)
for f in inputs:
    name = re.sub(r'\.(txt|docx)$', '', f)
    exp = name + '.expect'
    msgs = []
    if not os.path.exists(exp):
        print('MISSING', exp); bad += 1; continue
    t = text_of(f)
    flat = norm(re.sub(r'\s+', '', t))
    han = len(re.findall(r'[\u4e00-\u9fff]', t))
    if not 300 <= han <= 2500:
        msgs.append(f'han={han}')
    lines = open(exp, encoding='utf-8').read().split('\n')
    if not lines[0].startswith('# '):
        msgs.append('first line not a comment')
    kv = {}
    pos = 0
    for l in lines[1:]:
        if not l or l.startswith('#'):
            continue
        m = re.match(r'^(period|organization|date|recipient|title) = (.+)$', l)
        if m:
            kv[m.group(1)] = m.group(2); continue
        m = re.match(r'^\[(achievements|problems|plan)\] (.+)$', l) or re.match(r'^([234]) (.+)$', l)
        if not m:
            msgs.append(f'bad line {l!r}'); continue
        h = norm(m.group(2).replace(' ', ''))
        i = flat.find(h, pos)
        if i < 0:
            msgs.append(f'heading not found in order: {h}')
        else:
            pos = i + len(h)
    for k in ('period', 'organization', 'date', 'recipient', 'title'):
        if k not in kv:
            msgs.append('no ' + k)
    if not PERIOD.match(kv.get('period', '')):
        msgs.append('bad period ' + kv.get('period', ''))
    if kv.get('date') != 'none' and not re.match(r'^\d{4}-\d\d-\d\d$', kv.get('date', '')):
        msgs.append('bad date')
    if kv.get('organization', '') not in flat:
        msgs.append('organization not in text')
    if kv.get('recipient') not in ('none', None) and kv['recipient'] + '：' not in flat:
        msgs.append('recipient line not in text')
    print(f"{'OK ' if not msgs else 'BAD'} {os.path.basename(f):50} han={han:5} {kv.get('period')}", '; '.join(msgs))
    bad += bool(msgs)
print(len(inputs), 'inputs,', sum(f.endswith('.docx') for f in inputs), 'docx,', bad, 'with problems')
sys.exit(1 if bad else 0)
