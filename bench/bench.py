#!/usr/bin/env python3
"""huibao's benchmark: not a test, a record (see BENCHMARKS.md).

Renders the examples with the release build and, where installed, compares with
Typst (`pip install typst`: the same report as bench/ecopark-2022.typ, the same Fandol
fonts, PDF/A-2b) and Pandoc (`pip install pypandoc-binary`: DOCX from huibao's own HTML).
Commands are alternated run by run, so a busy machine slows both sides alike; each
figure is the median of the runs, and each ratio is huibao's median over the other's.

Typst is driven through its Python binding, so its time is measured inside Python
around `typst.compile` (each call compiles from scratch: fonts searched and read,
layout, PDF), leaving out the interpreter's start; huibao's is the whole process.
Peak memory is each process's maximum resident set (wait4); for Typst the Python
interpreter's own (`import typst`) is subtracted.

With `--before BIN` (an earlier build of huibao, e.g. `target/release/huibao-before`
copied aside before a change) the single-report figures and the batch are timed for it
too, alternated with the build under test, so before and after come from one run.

The issue's goals (issue 26) are judged at the end, each from this run's figures.

Usage: python3 bench/bench.py [--runs N] [--reports N] [--before BIN]   (from the repository)
"""
import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HUIBAO = os.path.join(ROOT, "target", "release", "huibao")
LARGEST = os.path.join(ROOT, "examples", "ecopark-2022.toml")
TYP = os.path.join(ROOT, "bench", "ecopark-2022.typ")
FONTS = os.path.join(ROOT, "fonts")

TYPST_ONE = r"""
import sys, time, typst
system = sys.argv[3] == "system"
t = time.perf_counter()
typst.compile(sys.argv[1], output=sys.argv[2], font_paths=[sys.argv[4]],
              ignore_system_fonts=not system, pdf_standards=["a-2b"])
print(time.perf_counter() - t)
"""

TYPST_MANY = r"""
import sys, time, typst
t = time.perf_counter()
for i in range(int(sys.argv[3])):
    typst.compile(sys.argv[1], output=sys.argv[2], font_paths=[sys.argv[4]],
                  ignore_system_fonts=True, pdf_standards=["a-2b"])
print(time.perf_counter() - t)
"""


def run(cmd, env=None):
    """Runs `cmd`; returns (wall seconds, peak KiB, stdout, CPU seconds: user and system)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    out = proc.stdout.read()
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{err.decode(errors='replace')}")
    return wall, usage.ru_maxrss, out.decode(), usage.ru_utime + usage.ru_stime


def median(xs):
    return statistics.median(xs)


def ms(s):
    return f"{s * 1000:.0f} ms" if s >= 0.01 else f"{s * 1000:.1f} ms"


def mib(kib):
    return f"{kib / 1024:.0f} MiB"


def have_typst():
    try:
        import typst  # noqa: F401
        return True
    except ImportError:
        return False


def pandoc_path():
    try:
        import pypandoc
        return pypandoc.get_pandoc_path()
    except Exception:
        return shutil.which("pandoc")


def huibao(args, exe=None):
    return [exe or HUIBAO, "render", *args]


def alternate(commands, runs, warmup=1):
    """Runs each named command once per round, `runs` rounds (after `warmup`); returns
    {name: [(wall, rss, stdout)]}."""
    results = {name: [] for name in commands}
    for i in range(warmup + runs):
        for name, cmd in commands.items():
            r = run(cmd)
            if i >= warmup:
                results[name].append(r)
    return results


def machine():
    cpu = "unknown CPU"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    load = os.getloadavg()[0]
    return (f"{os.cpu_count()} cores ({cpu}), {mem:.0f} GiB, {platform.system()} "
            f"{platform.release()}, load average {load:.1f} at the start")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=10)
    ap.add_argument("--reports", type=int, default=100)
    ap.add_argument("--before", help="an earlier build of huibao, timed beside this one")
    a = ap.parse_args()
    before = os.path.abspath(a.before) if a.before else None
    if before and not os.path.exists(before):
        sys.exit(f"no such program: {before}")
    goals = []  # (goal, figure, met)
    if not os.path.exists(HUIBAO):
        sys.exit("build the release first: cargo build --release (the program and the bundled plugins)")
    tmp = tempfile.mkdtemp(prefix="huibao-bench-")
    out = os.path.join(tmp, "out")
    print(f"machine: {machine()}")
    print(f"huibao: {run([HUIBAO, '--version'])[2].strip()}; runs: {a.runs}, median")
    print(f"command: python3 bench/bench.py {' '.join(sys.argv[1:])}\n")

    # 1. Every example, each format alone.
    print("## Examples (each format alone, bundled fonts)")
    print("| example | PDF | DOCX | HTML | PDF peak |")
    print("|---|---|---|---|---|")
    examples = sorted(f for f in os.listdir(os.path.join(ROOT, "examples")) if f.endswith(".toml"))
    for ex in examples:
        path = os.path.join(ROOT, "examples", ex)
        cmds = {f: huibao([path, "--format", f, "--out", out, "--no-system-fonts"])
                for f in ["pdf", "docx", "html"]}
        r = alternate(cmds, a.runs)
        t = {f: median([x[0] for x in r[f]]) for f in r}
        rss = median([x[1] for x in r["pdf"]])
        print(f"| {ex} | {ms(t['pdf'])} | {ms(t['docx'])} | {ms(t['html'])} | {mib(rss)} |")
    print()

    # 2. The largest example against Typst.
    print("## PDF of examples/ecopark-2022.toml against Typst")
    if have_typst():
        py_base = median([run([sys.executable, "-c", "import typst"])[1] for _ in range(3)])
        for fonts in ["bundled", "system"]:
            hb = huibao([LARGEST, "--format", "pdf", "--out", out]
                        + (["--no-system-fonts"] if fonts == "bundled" else []))
            ty = [sys.executable, "-c", TYPST_ONE, TYP, os.path.join(tmp, "typst.pdf"), fonts, FONTS]
            cmds = {"huibao": hb, "typst": ty}
            if before:
                cmds["before"] = huibao(hb[2:], before)
            r = alternate(cmds, a.runs)
            h = median([x[0] for x in r["huibao"]])
            t = median([float(x[2]) for x in r["typst"]])
            hm = median([x[1] for x in r["huibao"]])
            tm = median([x[1] for x in r["typst"]]) - py_base
            label = "bundled fonts only" if fonts == "bundled" else "installed fonts allowed"
            print(f"- {label}: huibao {ms(h)} (whole process), Typst {ms(t)} (compile alone): "
                  f"ratio {h / t:.2f}; peak huibao {mib(hm)}, Typst ~{mib(tm)}")
            if before:
                b = median([x[0] for x in r["before"]])
                bm = median([x[1] for x in r["before"]])
                print(f"  - before: {ms(b)}, ratio {b / t:.2f}, peak {mib(bm)}")
            if fonts == "bundled":
                goals.append(("PDF ≤ 0.3× Typst, same fonts", f"{h / t:.2f}", h / t <= 0.3))
                goals.append(("PDF peak ≤ 40 MiB", mib(hm), hm / 1024 <= 40))
        print(f"- PDF sizes: huibao {os.path.getsize(os.path.join(out, 'ecopark-2022.pdf')) // 1024} KiB, "
              f"Typst {os.path.getsize(os.path.join(tmp, 'typst.pdf')) // 1024} KiB")
    else:
        print("- Typst not installed (pip install typst): skipped")
    print()

    # 3. Many reports in one run.
    n = a.reports
    print(f"## {n} reports in one run (copies of the largest example, PDF)")
    district = os.path.join(tmp, "district")
    os.makedirs(district)
    for i in range(n):
        shutil.copy(LARGEST, os.path.join(district, f"park-{i:03}.toml"))
    small = os.path.join(tmp, "district-10")
    os.makedirs(small)
    for i in range(10):
        shutil.copy(LARGEST, os.path.join(small, f"park-{i:03}.toml"))
    cores = os.cpu_count() or 1
    rounds = max(1, a.runs // 3)
    batch = lambda d, jobs, exe=None: huibao([d, "--format", "pdf", "--out", os.path.join(tmp, "bout"),
                                              "--no-system-fonts", "--jobs", str(jobs)], exe)
    cmds = {"all": batch(district, cores), "one": batch(district, 1), "ten": batch(small, cores)}
    if before:
        cmds["before"] = batch(district, cores, before)
    r = alternate(cmds, rounds, warmup=0)
    all_t = median([x[0] for x in r["all"]])
    one_t = median([x[0] for x in r["one"]])
    print(f"- {n} reports, --jobs {cores}: {all_t:.2f} s ({all_t / n * 1000:.1f} ms a report), "
          f"peak {mib(median([x[1] for x in r['all']]))} "
          f"(10 reports: peak {mib(median([x[1] for x in r['ten']]))})")
    if before:
        print(f"  - before: {median([x[0] for x in r['before']]):.2f} s")
    # CPU time is what a busy machine changes least: the work a report costs.
    cpu = lambda k: median([x[3] for x in r[k]]) / n * 1000
    print(f"- CPU time a report (user and system, whole batch over {n}): {cpu('one'):.1f} ms "
          f"with --jobs 1, {cpu('all'):.1f} ms with --jobs {cores}"
          + (f"; before: {cpu('before'):.1f} ms with --jobs {cores}" if before else ""))
    print(f"- {n} reports, --jobs 1: {one_t:.2f} s: {cores} cores are {one_t / all_t:.2f}x as fast as 1")
    goals.append((f"{cores} cores ≥ 1.8× one", f"{one_t / all_t:.2f}×", one_t / all_t >= 1.8))
    if have_typst():
        # 100 Typst runs: each compiles from scratch in a fresh process, like the CLI.
        one = [sys.executable, "-c", TYPST_ONE, TYP, os.path.join(tmp, "typst.pdf"), "bundled", FONTS]
        single = median([float(run(one)[2]) for _ in range(max(3, a.runs // 2))])
        print(f"- {n} Typst runs (each {ms(single)}, compile alone, fresh process): {n * single:.2f} s: "
              f"huibao's batch is {n * single / all_t:.1f}x as fast")
        goals.append((f"{n} reports ≥ 10× {n} Typst runs", f"{n * single / all_t:.1f}×",
                      n * single / all_t >= 10))
        ty = [sys.executable, "-c", TYPST_MANY, TYP, os.path.join(tmp, "typst.pdf"), str(n), FONTS]
        t = float(run(ty)[2])
        print(f"- (Typst compiling the same file {n} times in one process, its memoization reusing "
              f"all but the first: {t:.2f} s)")
    print()

    # 4. DOCX against Pandoc from the same HTML, HTML alone.
    print("## DOCX against Pandoc, HTML")
    pandoc = pandoc_path()
    run(huibao([LARGEST, "--format", "html", "--out", out]))
    html = os.path.join(out, "ecopark-2022.html")
    hb = huibao([LARGEST, "--format", "docx", "--out", out])
    if pandoc:
        cmds = {"huibao": hb, "pandoc": [pandoc, html, "-o", os.path.join(tmp, "p.docx")]}
        if before:
            cmds["before"] = huibao(hb[2:], before)
        r = alternate(cmds, a.runs)
        h = median([x[0] for x in r["huibao"]])
        p = median([x[0] for x in r["pandoc"]])
        print(f"- DOCX (with its chart and the chart's picture): huibao {ms(h)}, "
              f"Pandoc (from huibao's HTML) {ms(p)}: ratio {h / p:.3f}")
        if before:
            b = median([x[0] for x in r["before"]])
            print(f"  - before: {ms(b)}, ratio {b / p:.3f}")
        goals.append(("DOCX ≤ 0.1× Pandoc, with the chart", f"{h / p:.3f}", h / p <= 0.1))
    else:
        print("- Pandoc not installed (pip install pypandoc-binary): skipped")
    cmds = {"html": huibao([LARGEST, "--format", "html", "--out", out])}
    if before:
        cmds["before"] = huibao(cmds["html"][2:], before)
    r = alternate(cmds, a.runs)
    h = median([x[0] for x in r["html"]])
    print(f"- HTML: {ms(h)} (whole process)"
          + (f"; before: {ms(median([x[0] for x in r['before']]))}" if before else ""))
    goals.append(("HTML ≤ 5 ms", ms(h), h <= 0.005))
    print()

    # 5. Live preview: a save until the page's event stream says reload, and the new
    # page is fetched.
    print("## Live preview (huibao watch)")
    report = os.path.join(tmp, "watched.toml")
    shutil.copy(LARGEST, report)
    proc = subprocess.Popen([HUIBAO, "watch", report, "--port", "0", "--no-system-fonts"],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        url = None
        for _ in range(200):
            line = proc.stdout.readline()
            if "serving http://127.0.0.1:" in line:
                url = line.split()[1]
                break
        if not url:
            print("- the preview did not start")
        else:
            import http.client
            import urllib.parse
            # The address carries the run's token (`?token=…`); every request needs it.
            parts = urllib.parse.urlsplit(url)
            host, port, query = parts.hostname, parts.port, parts.query
            times = []
            for i in range(a.runs):
                conn = http.client.HTTPConnection(host, port, timeout=5)
                conn.request("GET", f"/events?{query}")
                resp = conn.getresponse()
                first = resp.fp.readline()
                while not first.startswith(b"data:"):
                    first = resp.fp.readline()
                text = open(report, encoding="utf-8").read()
                start = time.perf_counter()
                with open(report, "w", encoding="utf-8") as f:
                    f.write(text.replace("园区", "园区", 1) + f"\n# save {i}\n")
                line = resp.fp.readline()
                while not line.startswith(b"data:"):
                    line = resp.fp.readline()
                page = urllib.request.urlopen(url, timeout=5).read()
                times.append(time.perf_counter() - start)
                conn.close()
                assert f"save {i}".encode() not in page  # comments are not shown
            print(f"- save → reload event → new page fetched: {ms(median(times))} "
                  f"(max {ms(max(times))})")
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    shutil.rmtree(tmp, ignore_errors=True)

    # 6. The goals of issue 26, from this run's figures.
    print()
    print("## Goals (issue 26), this run")
    print("| goal | measured | met |")
    print("|---|---|---|")
    for goal, figure, met in goals:
        print(f"| {goal} | {figure} | {'yes' if met else 'no'} |")
    load = os.getloadavg()[0]
    print(f"\nload average at the end: {load:.1f}"
          + (" (other work ran beside the benchmark: ratios of wall times swing with it)"
             if load > 1.5 else ""))


if __name__ == "__main__":
    main()
