#!/usr/bin/env bash
# 用户指南的插图：由示例报告现场生成，从不手工粘贴。
# Renders the example reports with huibao (bundled fonts only, so the pictures are the same on
# every machine) and writes PNGs of chosen pages with pdftoppm (poppler-utils); the live
# preview's picture is a screenshot of `huibao watch` in headless Chromium.
#
#   bash docs/make-pictures.sh [HUIBAO] [OUTDIR]
#
# HUIBAO: the program (default: target/debug/huibao, else `huibao` on PATH);
# OUTDIR: where the PNGs go (default: docs/src/images). Pages are found by their text, not by
# number, so a longer example moves no picture to the wrong page. Every picture written is
# listed in OUTDIR/pictures.txt; the guide's test checks that each image a chapter shows is there.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(dirname "$here")"
bin="${1:-}"
if [ -z "$bin" ]; then
  if [ -x "$repo/target/debug/huibao" ]; then bin="$repo/target/debug/huibao"; else bin="huibao"; fi
fi
case "$bin" in */*) bin="$(realpath -- "$bin")" ;; esac
out="${2:-$here/src/images}"
res="${PICTURE_DPI:-60}"
command -v pdftoppm >/dev/null || { echo "make-pictures: pdftoppm not found (apt-get install poppler-utils)" >&2; exit 1; }
mkdir -p "$out"
rm -f "$out"/*.png   # pictures no longer made must not linger
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
: > "$work/pictures.txt"

render() { # render REPORT.toml: the PDF into $work, bundled fonts only
  "$bin" render "$1" --format pdf --no-system-fonts --out "$work" >"$work/log" 2>&1 \
    || { cat "$work/log" >&2; echo "make-pictures: $1 does not render" >&2; exit 1; }
}

page_with() { # page_with PDF TEXT: the first page whose text holds TEXT (spaces ignored)
  local pdf="$1" text="$2" n i
  n="$(pdfinfo "$pdf" | awk '/^Pages:/{print $2}')"
  for ((i = 1; i <= n; i++)); do
    if pdftotext -f "$i" -l "$i" "$pdf" - | tr -d ' \n' | grep -qF -- "$text"; then echo "$i"; return; fi
  done
  echo "make-pictures: no page of $pdf holds “$text”" >&2
  exit 1
}

picture() { # picture PDF PAGE NAME: NAME.png of that page
  pdftoppm -r "$res" -png -f "$2" -l "$2" -singlefile "$1" "$out/$3"
  echo "$3.png" >> "$work/pictures.txt"
  echo "$3.png  ← $(basename "$1") page $2"
}

# The starter of `huibao new`, as a new user first sees it.
"$bin" new "$work/report.toml" >/dev/null
render "$work/report.toml"
picture "$work/report.pdf" 1 starter-page1

# A half-year report with the red header (版头), charts and the end matter (版记).
render "$repo/examples/park-2022h1.toml"
pdf="$work/park-2022h1.pdf"
picture "$pdf" 1 park-page1
picture "$pdf" "$(page_with "$pdf" 图1)" park-charts
picture "$pdf" "$(page_with "$pdf" （联系人：)" park-signature
picture "$pdf" "$(page_with "$pdf" 抄送：)" park-endmatter

# An annual report whose attachments (附件) start on pages of their own.
render "$repo/examples/techcity-2022.toml"
pdf="$work/techcity-2022.pdf"
picture "$pdf" "$(page_with "$pdf" 附件1)" techcity-attachment

# The indicator table (主要经济指标完成情况表) on the first page, and plugin sections.
# The native plugins fund and party come with the program; the template plugin talent is
# in examples/plugins.
render "$repo/examples/plugins-kaifaqu-2022h1.toml"
pdf="$work/plugins-kaifaqu-2022h1.pdf"
picture "$pdf" 1 kaifaqu-page1
picture "$pdf" "$(page_with "$pdf" 强化基金赋能)" kaifaqu-fund
picture "$pdf" "$(page_with "$pdf" 园区基金认缴规模与已投资情况)" kaifaqu-fund-chart

# The live preview (huibao watch) in Chromium, just after a save with an error: the red box
# at the top, the last good rendering below it.
browser="$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)"
[ -n "$browser" ] || { echo "make-pictures: Chromium is needed for the preview picture (apt-get install chromium)" >&2; exit 1; }
mkdir -p "$work/preview"
"$bin" new "$work/preview/上半年报告.toml" >/dev/null
(cd "$work/preview" && exec "$bin" watch 上半年报告.toml --port 0) >"$work/watch.log" 2>&1 &
watch_pid=$!
trap 'kill "$watch_pid" 2>/dev/null; rm -rf "$work"' EXIT
url=""
for _ in $(seq 1 100); do
  url="$(grep -o 'http://127\.0\.0\.1:[0-9]*/' "$work/watch.log" | head -1 || true)"
  [ -n "$url" ] && break
  sleep 0.2
done
[ -n "$url" ] || { cat "$work/watch.log" >&2; echo "make-pictures: huibao watch did not start" >&2; exit 1; }
sed -i 's/^period = "2022-H1"/period = "2022上半年"/' "$work/preview/上半年报告.toml"
# The page as served once the error shows (a page that keeps its live-reload connection open
# never settles for a headless screenshot, so the served page is saved and shown as a file).
for _ in $(seq 1 100); do
  python3 - "$url" "$work/preview.html" <<'PY' && break
import sys, urllib.request
page = urllib.request.urlopen(sys.argv[1], timeout=5).read()
open(sys.argv[2], "wb").write(page)
sys.exit(0 if b"huibao-preview-errors" in page else 1)
PY
  sleep 0.2
done
timeout 120 "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=900,760 \
  --timeout=5000 --user-data-dir="$work/chromium" --screenshot="$out/watch-error.png" \
  "file://$work/preview.html" >/dev/null 2>&1 || true
[ -s "$out/watch-error.png" ] || { echo "make-pictures: no screenshot of the preview" >&2; exit 1; }
echo "watch-error.png" >> "$work/pictures.txt"
echo "watch-error.png  ← huibao watch, in Chromium"
kill "$watch_pid" 2>/dev/null || true

cp "$work/pictures.txt" "$out/pictures.txt"
