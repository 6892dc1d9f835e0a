#!/usr/bin/env python3
"""compare.py EXPECTED ACTUAL: the outputs of two builds of huibao, file by file.

Every file under EXPECTED must exist under ACTUAL with the same content, and no file
may be extra: a PDF by its text (pdftotext -layout), a DOCX or OFD (ZIP packages) part
by part, byte for byte, anything else byte for byte. Prints one line per difference
and exits 1 when there is any.
"""
import subprocess
import sys
import zipfile
from pathlib import Path


def files(root):
    return sorted(p.relative_to(root) for p in root.rglob("*") if p.is_file())


def pdf_text(path):
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True,
                          capture_output=True).stdout


def parts(path):
    with zipfile.ZipFile(path) as z:
        return {name: z.read(name) for name in z.namelist()}


def differences(expected, actual):
    suffix = expected.suffix.lower()
    if suffix == ".pdf":
        a, b = pdf_text(expected), pdf_text(actual)
        if not a.strip():
            return ["no text in the PDF"]
        return [] if a == b else ["PDF text differs"]
    if suffix in (".docx", ".ofd"):
        a, b = parts(expected), parts(actual)
        out = [f"part {n} missing" for n in sorted(set(a) - set(b))]
        out += [f"part {n} extra" for n in sorted(set(b) - set(a))]
        out += [f"part {n} differs" for n in sorted(set(a) & set(b)) if a[n] != b[n]]
        return out
    return [] if expected.read_bytes() == actual.read_bytes() else ["bytes differ"]


def main():
    expected, actual = Path(sys.argv[1]), Path(sys.argv[2])
    want, got = files(expected), files(actual)
    problems = [f"{f}: missing" for f in want if f not in got]
    problems += [f"{f}: extra" for f in got if f not in want]
    same = 0
    for f in (f for f in want if f in got):
        found = differences(expected / f, actual / f)
        problems += [f"{f}: {d}" for d in found]
        same += not found
    for p in problems:
        print(f"  {actual.name}/{p}")
    print(f"  {same} of {len(want)} files equal")
    return 1 if problems or not want else 0


if __name__ == "__main__":
    sys.exit(main())
