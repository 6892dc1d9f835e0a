#!/usr/bin/env python3
"""End-to-end check of `huibao watch` in headless Chromium.

Starts the live preview of a small report on 127.0.0.1 (a free port), opens it in
Chromium and, through the DevTools protocol, reads the page's text while the report is
edited: a save shows the new text without anyone reloading; a syntax error shows with
its file:line:column above the last good page; fixing it brings the page back. Then
Ctrl-C (SIGINT) must stop the program with exit 0 and close the port.
Every request goes to 127.0.0.1; every wait is bounded.
Usage: watch_check.py HUIBAO_BINARY OUT_DIR
"""
import os
import shutil
import signal
import socket
import subprocess
import sys
import urllib.parse
import time

from check_common import DevTools

# The report the preview shows (tests/cli_watch.rs edits the same one).
REPORT = open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "watch", "jinchuan.toml"),
              encoding="utf-8").read()


class Page:
    """The preview in Chromium: its text, and waiting for it to show something."""

    def __init__(self, devtools):
        self.devtools = devtools

    def text(self):
        return self.devtools.evaluate(
            "document.readyState === 'complete' ? document.body.innerText : ''") or ""

    def wait_for(self, check, what, seconds=15):
        deadline = time.time() + seconds
        text = ""
        while time.time() < deadline:
            text = self.text()
            if check(text):
                return text
            time.sleep(0.05)
        raise AssertionError(f"the page never showed {what}; it shows:\n{text[:2000]}")


def main(binary, out):
    work = os.path.join(out, "watch")
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    report = os.path.join(work, "jinchuan.toml")
    open(report, "w", encoding="utf-8").write(REPORT)
    watch = subprocess.Popen([binary, "watch", report, "--port", "0", "--no-system-fonts"],
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    chromium = None
    try:
        url = None
        for _ in range(100):
            line = watch.stdout.readline()
            if "serving http://127.0.0.1:" in line:
                url = line.split()[1]
                break
        assert url, "huibao watch did not start serving on 127.0.0.1"
        chromium = DevTools(os.path.join(work, "profile"), url)
        page = Page(chromium)
        page.wait_for(lambda t: "上半年，园区经济运行稳中有进。" in t, "the report")

        open(report, "w", encoding="utf-8").write(REPORT.replace("稳中有进", "稳中向好、质效齐升"))
        page.wait_for(lambda t: "上半年，园区经济运行稳中向好、质效齐升。" in t, "the edit")

        open(report, "w", encoding="utf-8").write(REPORT.replace("date = 2022-07-08", "date = 2022-07-08\n[summary"))
        text = page.wait_for(lambda t: "jinchuan.toml:5:" in t, "the error's file:line:column")
        assert text.index("jinchuan.toml:5:") < text.index("稳中向好、质效齐升"), \
            "the error is not above the last good page"

        open(report, "w", encoding="utf-8").write(REPORT)
        page.wait_for(lambda t: "稳中有进" in t and "jinchuan.toml:5:" not in t, "the fixed report")
        print("watch: edits, a syntax error and its fix all reached Chromium")
    finally:
        if chromium:
            chromium.close()
        watch.send_signal(signal.SIGINT)
        code = watch.wait(timeout=20)
    assert code == 0, f"huibao watch exited {code} after Ctrl-C"
    port = urllib.parse.urlsplit(url).port
    with socket.socket() as s:
        s.settimeout(2)
        assert s.connect_ex(("127.0.0.1", port)) != 0, "the port is still open after Ctrl-C"
    print("watch: Ctrl-C stopped it, exit 0, port closed")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
