#!/bin/sh
# Rebuilds the .docx inputs of the corpus from their sources (run from anywhere: it works in the corpus folder).
#   NAME.src.fodt  (made from src/NAME.mk by src/mkfodt.py) -> NAME.docx
#   NAME.src.html  -> NAME.docx  (HTML read by Writer, not Writer/Web)
#   src/NAME.src.txt -> NAME.docx (plain text, one paragraph a line; kept in src/ so that
#                    no .txt beside the inputs lacks an .expect)
set -e
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
for mk in src/*.mk; do
  name=$(basename "$mk" .mk)
  python3 src/mkfodt.py "$mk" "$name.src.fodt"
done
for f in *.src.fodt *.src.html src/*.src.txt; do
  [ -e "$f" ] || continue
  name=$(basename "${f%.src.*}")
  case "$f" in
    *.html) soffice --headless --infilter="HTML (StarWriter)" --convert-to docx:"MS Word 2007 XML" --outdir "$tmp" "$f" >/dev/null 2>&1 ;;
    *.txt)  soffice --headless --infilter="Text (encoded):UTF8,LF,,," --convert-to docx:"MS Word 2007 XML" --outdir "$tmp" "$f" >/dev/null 2>&1 ;;
    *)      soffice --headless --convert-to docx:"MS Word 2007 XML" --outdir "$tmp" "$f" >/dev/null 2>&1 ;;
  esac
  mv "$tmp/$(basename "${f%.*}").docx" "$name.docx"
  echo "$f -> $name.docx"
done
rmdir "$tmp"
