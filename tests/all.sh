#!/usr/bin/env bash
# Runs every test: the Rust suites, then the end-to-end checks of the real outputs with
# real clients (Chromium for HTML, LibreOffice + poppler for DOCX, poppler + qpdf for PDF,
# ofdkit + ofd2img for OFD), the user guide (docs/: pictures regenerated from the
# examples, built to HTML in target/e2e/book, its links, examples and commands checked),
# then the Windows build under Wine and the ARM64 build under qemu-user against the x86-64
# one (tests/cross/run.sh), then the packages made by dist/package.sh, installed and run
# (tests/dist/check.sh).
# Installs missing tools first (see tests/install-deps.sh).
set -uo pipefail
cd "$(dirname "$0")/.."

need=()
for tool in chromium pdftotext pdftoppm qpdf soffice wine qemu-aarch64 x86_64-w64-mingw32-gcc aarch64-linux-gnu-gcc; do
  command -v "$tool" >/dev/null 2>&1 || need+=("$tool")
done
python3 -c 'import docx, websocket, pymupdf' 2>/dev/null && command -v openxml-audit >/dev/null || need+=(python-docx websocket-client openxml-audit pymupdf)
python3 -c 'import ofdkit, ofd2img, fontTools, PIL' 2>/dev/null || need+=(ofdkit ofd2img)
python3 -c 'import markdown_it' 2>/dev/null || need+=(markdown-it-py)
python3 -c 'import pikepdf' 2>/dev/null || need+=(pikepdf)
for triple in x86_64-pc-windows-gnu aarch64-unknown-linux-gnu; do
  rustup target list --installed 2>/dev/null | grep -qx "$triple" || need+=("rust-std-$triple")
done
if [ ${#need[@]} -gt 0 ]; then
  echo "installing missing tools: ${need[*]}"
  bash tests/install-deps.sh
fi

failed=0
cargo build --workspace --all-targets || exit 1
# Tests that need a tool (pdftotext, LibreOffice …) fail rather than skip when it is
# missing here.
HUIBAO_REQUIRE_TOOLS=1 cargo test --workspace || failed=1

bin=target/debug/huibao
out=target/e2e
rm -rf "$out" && mkdir -p "$out"
for check in tests/html_check.py tests/docx_check.py tests/pdf_check.py tests/ofd_check.py tests/watch_check.py tests/editor_check.py tests/docs_check.py; do
  [ -f "$check" ] || continue
  echo "== $check"
  python3 "$check" "$bin" "$out" || failed=1
done

# Windows under Wine, ARM64 under qemu-user, each built once in debug; then the packages.
echo "== tests/cross/run.sh"
bash tests/cross/run.sh || failed=1
echo "== tests/dist/check.sh"
bash tests/dist/check.sh || failed=1
exit $failed
