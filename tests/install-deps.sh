#!/usr/bin/env bash
# Installs the programs the end-to-end checks use: Chromium (HTML), LibreOffice (DOCX),
# poppler and qpdf (PDF), CJK fonts for LibreOffice and Chromium, python-docx, PyMuPDF, and the
# OFD readers ofdkit (text, metadata) and ofd2img (draws pages; brings fontTools, Pillow), and
# markdown-it-py, which builds the user guide (docs/build.py).
# Needs root (or sudo); safe to run again.
set -euo pipefail
SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends \
  chromium poppler-utils qpdf libreoffice-writer-nogui fonts-noto-cjk fonts-liberation python3 >/dev/null
python3 -m pip install --quiet --disable-pip-version-check python-docx websocket-client openxml-audit pymupdf \
  ofdkit ofd2img pillow fonttools markdown-it-py
