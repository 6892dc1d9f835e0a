#!/usr/bin/env python3
"""rename_font.py SOURCE TARGET FAMILY POSTSCRIPT: writes SOURCE as a font named FAMILY
(Chinese, zh-CN) and POSTSCRIPT (English), as Windows' 仿宋_GB2312 (FangSong_GB2312) or
黑体 (SimHei) are named, so tests/cross/run.sh can check that huibao finds a Windows
family by its name in a Windows font folder. Test only (fontTools)."""
import sys

from fontTools.ttLib import TTFont

source, target, family, postscript = sys.argv[1:5]
font = TTFont(source)
names = font["name"]
for record in list(names.names):
    if record.nameID in (1, 3, 4, 6, 16, 17, 21, 22):
        names.removeNames(nameID=record.nameID)
for lang, name in ((0x409, postscript), (0x804, family)):
    names.setName(name, 1, 3, 1, lang)
    names.setName("Regular", 2, 3, 1, lang)
    names.setName(name, 4, 3, 1, lang)
names.setName(postscript, 3, 3, 1, 0x409)
names.setName(postscript, 6, 3, 1, 0x409)
if "CFF " in font:
    font["CFF "].cff.fontNames = [postscript]
font.save(target)
