#!/usr/bin/env bash
# Installs the programs the end-to-end checks use: Chromium (HTML), LibreOffice (DOCX),
# poppler and qpdf (PDF), CJK fonts for LibreOffice and Chromium, python-docx, PyMuPDF, and the
# OFD readers ofdkit (text, metadata) and ofd2img (draws pages; brings fontTools, Pillow),
# markdown-it-py, which builds the user guide (docs/build.py); for the Windows and ARM64
# builds (tests/cross, dist/package.sh) the mingw-w64 and aarch64 cross compilers, the ARM64
# C library, Wine, qemu-user and the rustup targets.
# Needs root (or sudo); safe to run again.
set -euo pipefail
SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends \
  chromium poppler-utils qpdf libreoffice-writer-nogui fonts-noto-cjk fonts-liberation python3 >/dev/null
$SUDO apt-get install -y -qq --no-install-recommends \
  gcc-mingw-w64-x86-64 gcc-aarch64-linux-gnu libc6-dev-arm64-cross qemu-user wine wine64 >/dev/null
if command -v rustup >/dev/null; then
  rustup target add x86_64-pc-windows-gnu aarch64-unknown-linux-gnu
fi
python3 -m pip install --quiet --disable-pip-version-check python-docx websocket-client openxml-audit pymupdf \
  ofdkit ofd2img pillow fonttools markdown-it-py pikepdf
