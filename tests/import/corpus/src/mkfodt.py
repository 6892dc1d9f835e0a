#!/usr/bin/env python3
"""Writes a flat ODT (NAME.src.fodt) from a small line markup (src/NAME.mk).

Each line of the markup is KIND|text:
  H|text   red-header line (red, bold, centred, large): 发文机关标志
  N|text   document number line (centred)
  C|text   centred title line (bold, large)
  R|text   right-aligned line (signature, date)
  P|text   body paragraph, first line indented by two characters
  F|text   body paragraph without indent (addressee)
  B|text   typed heading, bold, indented (the number is typed text)
  S1|text  paragraph in style "Heading 1" (typed number), S2| "Heading 2"
  L1|text  automatic list numbering, level 1 (一、); L2| level 2 (（一）); L3| level 3 (1.)
  T|a<TAB>b<TAB>c   table row (consecutive T lines make one table; first row is the header)
  (empty)  empty paragraph
Options (first line, optional): #opts zh-cn   -> list labels carry a zh-CN character
style, so LibreOffice exports chineseCountingThousand instead of taiwaneseCountingThousand.

Usage: mkfodt.py NAME.mk OUT.src.fodt
"""
import sys
from xml.sax.saxutils import escape

NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
      'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
      'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
      'xmlns:loext="urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0"')


def level_style(level, fmt, prefix, suffix, zh):
    sn = ' text:style-name="NumLabel"' if zh and fmt != '1' else ''
    pre = f' style:num-prefix="{prefix}"' if prefix else ''
    return (f'<text:list-level-style-number text:level="{level}"{sn} style:num-format="{fmt}"{pre} style:num-suffix="{suffix}">'
            '<style:list-level-properties text:list-level-position-and-space-mode="label-alignment">'
            '<style:list-level-label-alignment text:label-followed-by="nothing" fo:text-indent="0cm" fo:margin-left="0cm"/>'
            '</style:list-level-properties></text:list-level-style-number>')


def build(lines, zh):
    styles = f'''<office:font-face-decls>
<style:font-face style:name="仿宋_GB2312" svg:font-family="仿宋_GB2312" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"/>
<style:font-face style:name="方正小标宋简体" svg:font-family="方正小标宋简体" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"/>
<style:font-face style:name="黑体" svg:font-family="黑体" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"/>
</office:font-face-decls>
<office:styles>
<style:default-style style:family="paragraph"><style:paragraph-properties fo:line-height="150%"/><style:text-properties style:font-name="仿宋_GB2312" style:font-name-asian="仿宋_GB2312" fo:font-size="16pt" style:font-size-asian="16pt" style:language-asian="zh" style:country-asian="CN"/></style:default-style>
<style:style style:name="Standard" style:family="paragraph"/>
<style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" style:default-outline-level="1"><style:text-properties style:font-name-asian="黑体" fo:font-size="16pt" style:font-size-asian="16pt" fo:font-weight="bold" style:font-weight-asian="bold"/></style:style>
<style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph" style:default-outline-level="2"><style:text-properties fo:font-size="16pt" style:font-size-asian="16pt" fo:font-weight="bold" style:font-weight-asian="bold"/></style:style>
<style:style style:name="NumLabel" style:family="text"><style:text-properties style:language-asian="zh" style:country-asian="CN"/></style:style>
</office:styles>
<office:automatic-styles>
<style:style style:name="PH" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:color="#ff0000" style:font-name-asian="方正小标宋简体" fo:font-size="26pt" style:font-size-asian="26pt" fo:font-weight="bold" style:font-weight-asian="bold"/></style:style>
<style:style style:name="PN" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/></style:style>
<style:style style:name="PC" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/><style:text-properties style:font-name-asian="方正小标宋简体" fo:font-size="22pt" style:font-size-asian="22pt"/></style:style>
<style:style style:name="PR" style:family="paragraph"><style:paragraph-properties fo:text-align="end"/></style:style>
<style:style style:name="PP" style:family="paragraph"><style:paragraph-properties fo:text-indent="0.8cm" fo:text-align="justify"/></style:style>
<style:style style:name="PF" style:family="paragraph"><style:paragraph-properties fo:text-align="justify"/></style:style>
<style:style style:name="PB" style:family="paragraph"><style:paragraph-properties fo:text-indent="0.8cm"/><style:text-properties style:font-name-asian="黑体" fo:font-weight="bold" style:font-weight-asian="bold"/></style:style>
<style:style style:name="PL1" style:family="paragraph"><style:paragraph-properties fo:text-indent="0.8cm"/><style:text-properties style:font-name-asian="黑体"/></style:style>
<style:style style:name="PL2" style:family="paragraph"><style:paragraph-properties fo:text-indent="0.8cm"/><style:text-properties fo:font-weight="bold" style:font-weight-asian="bold"/></style:style>
<style:style style:name="PL3" style:family="paragraph"><style:paragraph-properties fo:text-indent="0.8cm"/></style:style>
<style:style style:name="PT" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-size="12pt" style:font-size-asian="12pt"/></style:style>
<text:list-style style:name="LCN">
{level_style(1, "一, 二, 三, ...", "", "、", zh)}
{level_style(2, "一, 二, 三, ...", "（", "）", zh)}
{level_style(3, "1", "", ".", zh)}
</text:list-style>
</office:automatic-styles>'''
    body = []
    first_list = True
    table = []

    def flush_table():
        if not table:
            return
        ncol = max(len(r) for r in table)
        body.append(f'<table:table table:name="指标表"><table:table-column table:number-columns-repeated="{ncol}"/>')
        for r in table:
            body.append('<table:table-row>' + ''.join(
                f'<table:table-cell office:value-type="string"><text:p text:style-name="PT">{escape(c)}</text:p></table:table-cell>'
                for c in r) + '</table:table-row>')
        body.append('</table:table>')
        table.clear()

    for raw in lines:
        if raw.startswith('#opts'):
            continue
        kind, _, text = raw.partition('|')
        if kind != 'T':
            flush_table()
        t = escape(text)
        if raw == '':
            body.append('<text:p text:style-name="PF"/>')
        elif kind == 'T':
            table.append(text.split('\t'))
        elif kind in ('H', 'N', 'C', 'R', 'P', 'F', 'B'):
            body.append(f'<text:p text:style-name="P{kind}">{t}</text:p>')
        elif kind in ('S1', 'S2'):
            body.append(f'<text:h text:style-name="Heading_20_{kind[1]}" text:outline-level="{kind[1]}">{t}</text:h>')
        elif kind in ('L1', 'L2', 'L3'):
            lvl = int(kind[1])
            attr = 'xml:id="list1"' if first_list else 'text:continue-list="list1"'
            first_list = False
            inner = f'<text:p text:style-name="PL{lvl}">{t}</text:p>'
            for _ in range(lvl - 1):
                inner = f'<text:list><text:list-item>{inner}</text:list-item></text:list>'
            body.append(f'<text:list text:style-name="LCN" {attr}><text:list-item>{inner}</text:list-item></text:list>')
        else:
            raise SystemExit(f'bad markup line: {raw!r}')
    flush_table()
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document {NS} office:version="1.3" '
            f'office:mimetype="application/vnd.oasis.opendocument.text">\n{styles}\n'
            '<office:body><office:text>\n' + '\n'.join(body) + '\n</office:text></office:body></office:document>\n')


if __name__ == '__main__':
    src, out = sys.argv[1], sys.argv[2]
    lines = open(src, encoding='utf-8').read().rstrip('\n').split('\n')
    zh = bool(lines) and lines[0].startswith('#opts') and 'zh-cn' in lines[0]
    open(out, 'w', encoding='utf-8').write(build(lines, zh))
