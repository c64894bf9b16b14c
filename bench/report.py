#!/usr/bin/env python3
"""Turns bench/out/ into a markdown results block.

Usage: report.py OUT_DIR DOCS_FILE|"" SETTINGS
Writes OUT_DIR/results.md and, when DOCS_FILE is given, replaces the text between
<!-- bench:results:begin --> and <!-- bench:results:end --> in it (appending the
markers when they are missing). Stdlib only.
"""
import datetime
import glob
import json
import os
import re
import subprocess
import sys

BEGIN, END = "<!-- bench:results:begin -->", "<!-- bench:results:end -->"
UNIT_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}


def parse_wrk(path):
    """requests/s, latency percentiles (ms), request and error counts from wrk --latency."""
    text = open(path).read()
    r = {"rps": None, "p": {}, "non2xx": 0, "socket_errors": 0, "requests": None}
    if m := re.search(r"Requests/sec:\s+([\d.]+)", text):
        r["rps"] = float(m.group(1))
    for pct, val, unit in re.findall(r"^\s+(50|75|90|99)%\s+([\d.]+)(us|ms|s|m)\s*$", text, re.M):
        r["p"][pct] = float(val) * UNIT_MS[unit]
    if m := re.search(r"(\d+) requests in", text):
        r["requests"] = int(m.group(1))
    if m := re.search(r"Non-2xx or 3xx responses:\s+(\d+)", text):
        r["non2xx"] = int(m.group(1))
    if m := re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text):
        r["socket_errors"] = sum(int(x) for x in m.groups())
    return r


def sh(*cmd):
    try:
        return subprocess.run(cmd, capture_output=True, text=True, timeout=10).stdout.strip()
    except Exception:  # noqa: BLE001 - machine info is best effort
        return ""


def load_json(path, default=None):
    try:
        return json.load(open(path))
    except (OSError, ValueError):
        return default if default is not None else {}


def main():
    out, docs, settings = sys.argv[1], sys.argv[2], sys.argv[3]
    cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo")
                if line.startswith("model name")), "unknown")
    commit = sh("git", "rev-parse", "--short", "HEAD") or "unknown"
    if sh("git", "status", "--porcelain", "--untracked-files=no"):
        commit += " (with uncommitted changes)"
    imp, cold, dump = load_json(f"{out}/import.json"), load_json(f"{out}/cold_start.json"), load_json(f"{out}/dump.json")
    rep = load_json(f"{out}/import_report.json")
    files = rep.get("files") if isinstance(rep.get("files"), list) else None
    skipped = sum(len(f.get("skipped", [])) for f in files) if files else None
    rss = dict(re.findall(r"^(\w+):\s+(\d+) kB", open(f"{out}/rss.txt").read(), re.M))
    load = open(f"{out}/loadavg.txt").read().strip() if os.path.exists(f"{out}/loadavg.txt") else "?"
    runs = {os.path.basename(p)[4:-4]: parse_wrk(p) for p in sorted(glob.glob(f"{out}/wrk_*.txt"))}

    def fmt_ms(v):
        return "–" if v is None else (f"{v:.2f}" if v < 10 else f"{v:.1f}")

    def row(label, r, ratio=""):
        p = r["p"]
        errs = r["non2xx"] + r["socket_errors"]
        return (f"| {label} | {r['rps']:,.0f} | {fmt_ms(p.get('50'))} | {fmt_ms(p.get('90'))} | "
                f"{fmt_ms(p.get('99'))} | {errs} | {ratio} |")

    lines = [f"### Results {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC", "",
             f"- Machine: {os.cpu_count()} CPUs ({cpu}); wrk, pintu and nginx share them",
             f"- Commit: {commit}",
             f"- Catalog: {dump.get('datasets', '?'):,} datasets from {imp.get('source', '?')}; "
             f"mean package_show body {dump.get('show_bytes_mean', '?')} bytes",
             f"- Import: {imp.get('seconds', '?')} s"
             + (f" ({skipped} rows skipped, see bench/out/import_report.json)" if skipped is not None else ""),
             f"- Cold start (exec → first 200 from /healthz), median of {len(cold.get('runs_ms', []))}: "
             f"**{cold.get('median_ms', '?')} ms** (runs: {', '.join(str(x) for x in cold.get('runs_ms', []))})",
             f"- pintu RSS after the load: VmRSS **{int(rss.get('VmRSS', 0)) / 1024:.1f} MB**, "
             f"peak VmHWM **{int(rss.get('VmHWM', 0)) / 1024:.1f} MB**",
             f"- wrk: {settings}; random dataset per request (bench/random_paths.lua)",
             f"- Load average when the load phase started: {load}", "",
             "| endpoint | requests/s | p50 ms | p90 ms | p99 ms | errors | pintu / nginx |",
             "|---|---:|---:|---:|---:|---:|---:|"]
    rounds = sorted({k.rsplit("_r", 1)[1] for k in runs if k.startswith("show_nginx_r")})
    sum_p = sum_n = 0.0
    for rd in rounds:
        n, p = runs.get(f"show_nginx_r{rd}"), runs.get(f"show_pintu_r{rd}")
        if not (n and p and n["rps"] and p["rps"]):
            continue
        sum_n, sum_p = sum_n + n["rps"], sum_p + p["rps"]
        lines.append(row(f"nginx static `package_show/<slug>.json` (round {rd})", n))
        lines.append(row(f"pintu `package_show?id=<slug>` (round {rd})", p, f"**{p['rps'] / n['rps']:.2f}×**"))
    labels = {"show_pintu_nocache": "pintu `package_show?id=<slug>&bench_nocache=<random>` (response cache bypassed; diagnostic)",
              "search_q": "pintu `package_search?q=<word>&rows=10` (response cache bypassed)",
              "search_fq": "pintu `package_search?fq=organization:<org>&rows=10` (response cache bypassed)",
              "package_list": "pintu `package_list` (all names; cached body)"}
    for key, label in labels.items():
        if key in runs and runs[key]["rps"]:
            lines.append(row(label, runs[key]))
    verdict = []
    if sum_n:
        ratio = sum_p / sum_n
        verdict.append(f"package_show throughput pintu/nginx = **{ratio:.2f}×** "
                       f"(target ≥ 0.5×: {'met' if ratio >= 0.5 else 'NOT met'})")
    if rss.get("VmHWM"):
        verdict.append(f"RSS target < 300 MB: {'met' if int(rss['VmHWM']) < 300 * 1024 else 'NOT met'}")
    if cold.get("median_ms") is not None:
        verdict.append(f"cold start target < 1 s: {'met' if cold['median_ms'] < 1000 else 'NOT met'}")
    hits = dump.get("search_hits", {})
    lines += ["", "Summary: " + "; ".join(verdict) + ".", "",
              "Search hit counts: " + ", ".join(f"{k} → {v}" for k, v in hits.items()), ""]
    block = "\n".join(lines)
    open(f"{out}/results.md", "w").write(block)
    print(block)

    if docs:
        text = open(docs).read() if os.path.exists(docs) else "# Benchmarks\n\nRun `make bench`.\n"
        new = f"{BEGIN}\n{block}\n{END}"
        if BEGIN in text and END in text:
            text = text[:text.index(BEGIN)] + new + text[text.index(END) + len(END):]
        else:
            text = text.rstrip("\n") + "\n\n" + new + "\n"
        open(docs, "w").write(text)
        print(f"report: updated {docs}")


if __name__ == "__main__":
    main()
