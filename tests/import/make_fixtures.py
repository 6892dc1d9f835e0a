#!/usr/bin/env python3
"""Writes the binary fixtures of tests/import_cli.rs (run from this directory).

gbk.txt            a short report saved as GBK (Windows Notepad's "ANSI" in China)
empty.txt          zero bytes
binary.txt         a PNG's bytes under a .txt name
no-paragraphs.docx a valid Word document whose body holds no paragraph
numbered.docx      a report whose 一、（一）1. are Word's automatic list numbers
"""
import zipfile

REPORT = """某高新区管委会2022年工作总结及2023年工作计划
2022年，园区实现工业总产值152.3亿元，同比增长8.6%；完成固定资产投资45.6亿元。
一、2022年主要工作
（一）招商引资成效明显
全年引进项目12个，总投资86亿元。
（二）项目建设加快推进
1.重点项目。开工建设项目8个。
2.配套工程。完成道路建设3公里。
二、存在的问题
一是土地指标紧张。
二是融资渠道单一。
三、2023年工作计划
（一）全力推进项目落地
加快项目审批。
"""

open("gbk.txt", "wb").write(REPORT.encode("gbk"))
open("empty.txt", "wb").write(b"")
open("binary.txt", "wb").write(bytes([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) + bytes(range(256)) * 4)

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
CT = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/></Types>"""
RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"""
DOC_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>"""


def docx(path, body, numbering=None):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CT)
        z.writestr("_rels/.rels", RELS)
        z.writestr("word/document.xml", f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {W}><w:body>{body}<w:sectPr/></w:body></w:document>')
        if numbering:
            z.writestr("word/_rels/document.xml.rels", DOC_RELS)
            z.writestr("word/numbering.xml", f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:numbering {W}>{numbering}</w:numbering>')


def p(text, num=None, ilvl=0, jc=None):
    ppr = ""
    if num is not None or jc:
        ppr = "<w:pPr>"
        if num is not None:
            ppr += f'<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num}"/></w:numPr>'
        if jc:
            ppr += f'<w:jc w:val="{jc}"/>'
        ppr += "</w:pPr>"
    return f'<w:p>{ppr}<w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


docx("no-paragraphs.docx", "")

NUMBERING = """<w:abstractNum w:abstractNumId="0">
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>"""

body = "".join([
    p("某高新区管委会2022年工作总结", jc="center"),
    p("及2023年工作计划", jc="center"),
    p("市人民政府："),
    p("2022年，园区实现工业总产值152.3亿元，同比增长8.6%。"),
    p("2022年主要工作", 1, 0),
    p("招商引资成效明显", 1, 1),
    p("全年引进项目12个，总投资86亿元。"),
    p("项目建设加快推进", 1, 1),
    p("重点项目。开工建设项目8个。", 1, 2),
    p("配套工程。完成道路建设3公里。", 1, 2),
    p("2023年工作计划", 1, 0),
    p("全力推进项目落地", 1, 1),
    p("加快项目审批。"),
    p("某高新区管委会", jc="right"),
    p("2023年1月10日", jc="right"),
])
docx("numbered.docx", body, NUMBERING)
