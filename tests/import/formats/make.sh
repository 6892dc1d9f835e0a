#!/usr/bin/env bash
# Makes the small fixtures of this folder from the corpus, with the programs that make such
# files in real life: LibreOffice (soffice) for .doc, .odt, .pdf and .html, huibao itself
# for .ofd, a browser's web-archive layout for .mhtml (the .html packed quoted-printable),
# poppler and Pillow for a scan (a page as a picture in a PDF, no text layer) and qpdf for a
# password-protected PDF. Run from the repository's root after `cargo build`:
#   bash tests/import/formats/make.sh
# tests/import_formats.rs converts the whole corpus at test time; these few files are the
# readers' own fixtures and the fuzzers' seeds.
set -euo pipefail
here=tests/import/formats
corpus=tests/import/corpus
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
office() { soffice -env:UserInstallation=file://$tmp/profile --headless --norestore "$@" >/dev/null 2>&1; }

# A report with Word list numbers and a table, kept as .doc, .odt and .html.
cp $corpus/22-qinghewan-2022h1-docx-listnum.docx $tmp/listnum.docx
for f in doc odt html; do office --convert-to $f --outdir $tmp $tmp/listnum.docx; cp $tmp/listnum.$f $here/; done
# WPS 文字 keeps the same binary format under its own name.
cp $here/listnum.doc $here/listnum.wps

# A plain-text report as LibreOffice prints it to PDF (running text, page numbers none).
cp $corpus/20-heshanhu-2022h2-xiabannian.txt $tmp/plain.txt
office --infilter="Text (encoded):UTF8,LF,,," --convert-to pdf --outdir $tmp $tmp/plain.txt
cp $tmp/plain.pdf $here/plain.pdf

# huibao's own OFD of that report (imported, then rendered).
target/debug/huibao import $tmp/plain.txt -o $tmp/plain.toml >/dev/null 2>&1
target/debug/huibao render $tmp/plain.toml --format ofd --out $tmp >/dev/null
cp $tmp/plain.ofd $here/own.ofd

# The .html saved by a browser as a web archive.
python3 - "$here/listnum.html" "$here/listnum.mhtml" <<'PY'
import quopri, sys
html = open(sys.argv[1], 'rb').read()
body = quopri.encodestring(html).replace(b'\n', b'\r\n')
head = (b'From: <Saved by a browser>\r\nMIME-Version: 1.0\r\n'
        b'Content-Type: multipart/related;\r\n\ttype="text/html";\r\n\tboundary="----MultipartBoundary--q"\r\n\r\n'
        b'------MultipartBoundary--q\r\nContent-Type: text/html; charset="utf-8"\r\n'
        b'Content-Transfer-Encoding: quoted-printable\r\nContent-Location: file:///listnum.html\r\n\r\n')
open(sys.argv[2], 'wb').write(head + body + b'\r\n------MultipartBoundary--q--\r\n')
PY

# A scan: the first page as a picture in a PDF, and the PDF under a password.
pdftoppm -r 40 -f 1 -l 1 -png $here/plain.pdf $tmp/page
python3 -c "from PIL import Image; Image.open('$tmp/page-1.png').convert('L').save('$here/scan.pdf')"
qpdf --encrypt secret secret 256 -- $here/plain.pdf $here/locked.pdf
ls -la $here
