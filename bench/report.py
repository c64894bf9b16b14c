#!/usr/bin/env python3
"""Turns bench/out/ into a markdown results block.

Usage: report.py OUT_DIR DOCS_FILE|"" SETTINGS [--only search|lighthouse|check]
Writes OUT_DIR/results.md and, when DOCS_FILE is given, replaces the text between
<!-- bench:results:begin --> and <!-- bench:results:end --> in it (appending the
markers when they are missing). The "Search" section (from OUT_DIR/search.json, written
by build/release/bench/search_bench) sits inside that block between its own markers;
with --only search, only that section is replaced and the rest of the block is kept.
The "Lighthouse" section (OUT_DIR/lighthouse.json, from bench/lighthouse.sh) and the "File
checks" section (OUT_DIR/check.json, from bench/check_bench.sh) work the same way.
Stdlib only.
"""
import datetime
import glob
import json
import os
import re
import subprocess
import sys

BEGIN, END = "<!-- bench:results:begin -->", "<!-- bench:results:end -->"
SEARCH_BEGIN, SEARCH_END = "<!-- bench:search:begin -->", "<!-- bench:search:end -->"
LH_BEGIN, LH_END = "<!-- bench:lighthouse:begin -->", "<!-- bench:lighthouse:end -->"
CHECK_BEGIN, CHECK_END = "<!-- bench:check:begin -->", "<!-- bench:check:end -->"
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


def search_section(out):
    """Markdown for the search benchmark (OUT_DIR/search.json), or None when absent."""
    d = load_json(f"{out}/search.json")
    if not d.get("runs"):
        return None
    cat, st, build, la = d["catalog"], d["settings"], d["build"], d.get("load_average", {})
    names = {"pintu": "Pintu (Xapian)", "fts5": "SQLite FTS5 trigram"}
    runs = {(r["engine"], r["concurrency"]): r for r in d["runs"]}
    concs = sorted({c for _, c in runs})
    n_q, n_cur = st["queries"], st["curated_queries"]
    per = st["passes"] * st["rounds"]
    lines = [f"### Search: Pintu vs SQLite FTS5 (trigram), {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC",
             "",
             f"- Texts: {cat['rows']:,} titles and {cat['agencies']:,} agency names from {cat['source']}"
             + (" — **SYNTHETIC catalog** (the data.gov.tw listing was not found)" if cat.get("synthetic") else ""),
             f"- Queries: {n_q} ({n_cur} hand-written, {n_q - n_cur} random 2–4-character title substrings, "
             f"seed {st['seed']}); each issued {per}× per engine and concurrency ({st['passes']} alternating "
             f"passes × {st['rounds']} rounds, after {st['warmup_rounds']} warm-up round); top 10 + exact total",
             f"- Indexing: Pintu {build['pintu']['seconds']:.1f} s ({build['pintu']['bytes'] / 1e6:.1f} MB); "
             f"FTS5 {build['fts5']['seconds']:.1f} s ({build['fts5']['bytes'] / 1e6:.1f} MB)",
             f"- SQLite {st['sqlite']}, Xapian {st['xapian']}; {d['machine']['cpus']} CPUs ({d['machine']['cpu']}); "
             f"load average before/after: {la.get('before', '?')} / {la.get('after', '?')}",
             "",
             "| engine | concurrency | median ms | p99 ms | queries/s | CPU ms/query | Pintu / FTS5 (queries/s) |",
             "|---|---:|---:|---:|---:|---:|---:|"]
    for c in concs:
        p, f = runs.get(("pintu", c)), runs.get(("fts5", c))
        for eng, r in (("pintu", p), ("fts5", f)):
            if not r:
                continue
            ratio = f"**{p['qps'] / f['qps']:.1f}×**" if eng == "pintu" and p and f and f["qps"] else ""
            lines.append(f"| {names[eng]} | {c} | {r['median_ms']:.2f} | {r['p99_ms']:.2f} | {r['qps']:,.0f} | "
                         f"{r.get('cpu_ms_per_query', 0):.2f} | {ratio} |")
    verdict = []
    p1, f1 = runs.get(("pintu", 1)), runs.get(("fts5", 1))
    if p1:
        verdict.append(f"Pintu p99 at concurrency 1 = **{p1['p99_ms']:.2f} ms** "
                       f"(target < 10 ms: {'met' if p1['p99_ms'] < 10 else 'NOT met'})")
    for c in concs:
        p, f = runs.get(("pintu", c)), runs.get(("fts5", c))
        if p and f:
            verdict.append(f"throughput at concurrency {c}: {p['qps'] / f['qps']:.1f}× FTS5 "
                           f"(target ≥ 1×: {'met' if p['qps'] >= f['qps'] else 'NOT met'})")
    lines += ["", "Summary: " + "; ".join(verdict) + "."]
    # Latency by the path FTS5 takes, at concurrency 1.
    paths = {}
    for b in d.get("breakdown", []):
        if b["concurrency"] == 1 and b["class"].startswith("fts5_path:"):
            paths.setdefault(b["class"].split(":", 1)[1], {})[b["engine"]] = b
    if paths:
        counts = {}
        for q in d.get("queries", []):
            counts[q["fts5_path"]] = counts.get(q["fts5_path"], 0) + 1
        labels = {"match": "all terms ≥ 3 characters (FTS5 `MATCH`)", "like": "all terms < 3 characters (FTS5 `LIKE` scan)",
                  "match+like": "mixed (`MATCH` and `LIKE`)"}
        lines += ["", "By query shape, concurrency 1 (median / p99 ms):", "",
                  "| query shape | queries | Pintu | FTS5 |", "|---|---:|---:|---:|"]
        for path in ("match", "like", "match+like"):
            if path in paths:
                e = paths[path]
                cell = lambda k: f"{e[k]['median_ms']:.2f} / {e[k]['p99_ms']:.2f}" if k in e else "–"
                lines.append(f"| {labels[path]} | {counts.get(path, 0)} | {cell('pintu')} | {cell('fts5')} |")
    qs = [q for q in d.get("queries", []) if q["kind"] == "curated"]
    if qs:
        lines += ["", "Exact totals, Pintu / FTS5 (they differ by design: Pintu normalises Simplified → Traditional and "
                  "台 → 臺, and expands synonyms): " + ", ".join(f"{q['text']} {q['pintu_total']:,} / {q['fts5_total']:,}"
                                                                for q in qs) + "."]
    mism = d.get("baseline_mismatches", [])
    lines += ["", f"Baseline check: FTS5 totals equal a brute-force substring count for {n_q - len(mism)} of {n_q} queries."]
    lines += relevance_lines(out)
    return "\n".join([SEARCH_BEGIN] + lines + ["", SEARCH_END])


def relevance_lines(out):
    """Markdown lines for the judged-query relevance run (OUT_DIR/search_eval.json), or []."""
    d = load_json(f"{out}/search_eval.json")
    sets = d.get("sets") if isinstance(d, dict) else None
    if not sets:
        return []
    lines = ["", "### Relevance on judged queries", "",
             "`bench/search_eval` with the judged sets in `bench/judged/` (the datasets a person expects in the top 5, "
             "judged from the metadata): recall@5 counts the expected datasets found in the top 5 (out of at most 5), "
             "NDCG@10 the order of the first 10 (graded gains).", "",
             "| set | datasets | queries | mean recall@5 | mean NDCG@10 | queries with recall@5 = 1 |",
             "|---|---:|---:|---:|---:|---:|"]
    for s in sets:
        lines.append(f"| {s['set']} | {s['datasets']:,} | {s['queries']} | {s['mean_recall_at_5']:.3f} | "
                     f"{s['mean_ndcg_at_10']:.3f} | {s['queries_with_full_recall']} |")
    for s in sets:
        misses = sorted((q for q in s.get("per_query", []) if q.get("recall_at_5", 1) < 1),
                        key=lambda q: q.get("recall_at_5", 0))
        if misses:
            lines += ["", f"Queries of the {s['set']} set below recall@5 = 1: " +
                      ", ".join(f"{q['query']} ({q['recall_at_5']:.2f})" for q in misses) + "."]
    return lines


def lighthouse_section(out):
    """Markdown for the Lighthouse audits (OUT_DIR/lighthouse.json), or None when absent."""
    d = load_json(f"{out}/lighthouse.json")
    if not d.get("runs"):
        return None
    fmt = lambda v, unit="ms": "–" if v is None else (f"{v:,.0f} {unit}" if unit == "ms" else f"{v:.3f}")
    lines = [f"### Lighthouse {d['lighthouse']}: portal pages, {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC",
             "",
             f"`bench/lighthouse.sh`: `pintu serve --demo` on 127.0.0.1, Debian Chromium headless "
             f"({d['chrome'].split('Chrome/')[-1].split(' ')[0]}); mobile = Lighthouse's default phone emulation with "
             "simulated slow-4G throttling, desktop = `--preset=desktop`. The dataset page is the first 長照 search hit.",
             "",
             "| page | form factor | performance | accessibility | best practices | SEO | FCP | LCP | TBT | CLS | transfer |",
             "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in d["runs"]:
        sc = r["scores"]
        lines.append(f"| {r['page']} (`/{r['url']}`) | {r['form_factor']} | **{sc.get('performance', '–')}** | "
                     f"**{sc.get('accessibility', '–')}** | {sc.get('best-practices', '–')} | {sc.get('seo', '–')} | "
                     f"{fmt(r['fcp_ms'])} | {fmt(r['lcp_ms'])} | {fmt(r['tbt_ms'])} | {fmt(r['cls'], '')} | "
                     f"{(r['bytes'] or 0) / 1024:.0f} KiB |")
    failed = sorted({a for r in d["runs"] for a in r.get("failed_accessibility", [])})
    lines += ["", "Failed accessibility audits: " + (", ".join(failed) if failed else "none") + "."]
    return "\n".join([LH_BEGIN] + lines + ["", LH_END])


def check_section(out):
    """Markdown for the file-check benchmark (OUT_DIR/check.json), or None when absent."""
    d = load_json(f"{out}/check.json")
    tools = d.get("tools") or {}
    if "pintu" not in tools:
        return None
    p = tools["pintu"]
    names = {"pintu": "`pintu check --format json`", "pintu_noprofile": "`pintu check --no-profile` (no column profile)",
             "wc": "`wc -l` (coreutils)",
             "pandas": "`pandas.read_csv` (Debian python3-pandas)", "csvclean": "`csvclean -n` (Debian csvkit)"}
    lines = [f"### File checks: `pintu check` on a {d['bytes'] / 2**30:.2f} GiB CSV, "
             f"{datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC", "",
             f"`bench/check_bench.sh`: one generated file ({d['bytes']:,} bytes, `bench/gen_csv.py`: 11 columns of "
             "Taiwanese facility data, quoted notes), in the page cache; wall time from the clock around each run, "
             "peak RSS from GNU time; median of the runs listed. The ratio is the tool's time over pintu's "
             "(above 1: pintu is faster).", "",
             "| tool | runs | median s | MB/s | peak RSS MB | pintu throughput / tool |", "|---|---:|---:|---:|---:|---:|"]
    for name in ("pintu", "pintu_noprofile", "wc", "pandas", "csvclean"):
        if name not in tools:
            continue
        t = tools[name]
        ratio = "" if name == "pintu" else f"**{t['median_seconds'] / p['median_seconds']:.2f}×**"
        lines.append(f"| {names[name]} | {len(t['runs'])} | {t['median_seconds']:.2f} | {t['mb_per_s']:,.0f} | "
                     f"{t['max_rss_kb'] / 1024:.1f} | {ratio} |")
    verdict = []
    targets = {"pandas": 3.0, "csvclean": 50.0, "wc": 0.25}
    for name, want in targets.items():
        if name in tools:
            got = tools[name]["median_seconds"] / p["median_seconds"]
            verdict.append(f"vs {name} {got:.2f}× (target ≥ {want:g}×: {'met' if got >= want else 'NOT met'})")
    rss = p["max_rss_kb"] / 1024
    verdict.append(f"peak RSS {rss:.1f} MB (target < 64 MB: {'met' if rss < 64 else 'NOT met'})")
    lines += ["", "Summary: " + "; ".join(verdict) + "."]
    real = d.get("real_files") or []
    if real:
        lines += ["", "Real files in `../shared/data` (`pintu check`, one run each):", "",
                  "| file | encoding | rows | valid | errors | warnings | s |", "|---|---|---:|---|---:|---|---:|"]
        for r in real:
            lines.append(f"| {r['file']} | {r.get('encoding')} | {r.get('rows')} | {r.get('valid')} | {r.get('errors')} | "
                         f"{', '.join(r.get('warnings') or []) or '–'} | {r.get('seconds', 0):.2f} |")
    return "\n".join([CHECK_BEGIN] + lines + ["", CHECK_END])


def splice_section(docs, begin, end, section):
    """Replaces the section between begin/end in DOCS (or inserts it before the block's end)."""
    text = open(docs).read() if os.path.exists(docs) else "# Benchmarks\n\nRun `make bench`.\n"
    new = replace_between(text, begin, end, section)
    if new is None:
        if BEGIN in text and END in text:
            i = text.index(END)
            new = text[:i] + section + "\n\n" + text[i:]
        else:
            new = text.rstrip("\n") + f"\n\n{BEGIN}\n{section}\n{END}\n"
    open(docs, "w").write(new)


def kept_section(docs, begin, end):
    """The section between begin/end of the current DOCS file, or None."""
    if docs and os.path.exists(docs):
        old = open(docs).read()
        if begin in old and end in old:
            return old[old.index(begin):old.index(end) + len(end)]
    return None


def replace_between(text, begin, end, new):
    """text with the part from `begin` to `end` (inclusive) replaced by `new`, or None."""
    if begin in text and end in text and text.index(begin) < text.index(end):
        return text[:text.index(begin)] + new + text[text.index(end) + len(end):]
    return None


def search_only(out, docs):
    """--only search: writes OUT_DIR/results.md with the search section and splices it into DOCS."""
    section = search_section(out)
    if section is None:
        sys.exit(f"report: {out}/search.json is missing or empty")
    open(f"{out}/results.md", "w").write(section + "\n")
    print(section)
    if not docs:
        return
    splice_section(docs, SEARCH_BEGIN, SEARCH_END, section)
    print(f"report: updated the search section of {docs}")


def main():
    out, docs, settings = sys.argv[1], sys.argv[2], sys.argv[3]
    if sys.argv[4:] == ["--only", "search"]:
        return search_only(out, docs)
    only = {"lighthouse": (lighthouse_section, LH_BEGIN, LH_END), "check": (check_section, CHECK_BEGIN, CHECK_END)}
    if len(sys.argv) == 6 and sys.argv[4] == "--only" and sys.argv[5] in only:
        make, begin, end = only[sys.argv[5]]
        section = make(out)
        if section is None:
            sys.exit(f"report: no results for {sys.argv[5]} in {out}")
        open(f"{out}/results.md", "w").write(section + "\n")
        print(section)
        if docs:
            splice_section(docs, begin, end, section)
            print(f"report: updated the {sys.argv[5]} section of {docs}")
        return
    elif sys.argv[4:]:
        sys.exit("usage: report.py OUT_DIR DOCS_FILE|\"\" SETTINGS [--only search|lighthouse|check]")
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
    page_sum = {}
    for page, what in (("dataset", "`/dataset/<slug>` (HTML)"), ("search", "`/dataset?q=<word>` (HTML)")):
        n, p = runs.get(f"page_{page}_nginx"), runs.get(f"page_{page}_pintu")
        if not (n and p and n["rps"] and p["rps"]):
            continue
        page_sum[page] = p["rps"] / n["rps"]
        lines.append(row(f"nginx static copy of {what}", n))
        r_txt = f"{page_sum[page]:.2f}" if page_sum[page] >= 0.1 else f"{page_sum[page]:.3f}"
        lines.append(row(f"pintu renders {what}", p, f"**{r_txt}×**"))
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
    for page, ratio in page_sum.items():
        r_txt = f"{ratio:.2f}" if ratio >= 0.1 else f"{ratio:.3f}"
        verdict.append(f"{page} page rendering pintu/nginx static = **{r_txt}×** "
                       f"({runs[f'page_{page}_pintu']['rps']:,.0f} pages/s)")
    if rss.get("VmHWM"):
        verdict.append(f"RSS target < 300 MB: {'met' if int(rss['VmHWM']) < 300 * 1024 else 'NOT met'}")
    if cold.get("median_ms") is not None:
        verdict.append(f"cold start target < 1 s: {'met' if cold['median_ms'] < 1000 else 'NOT met'}")
    hits = dump.get("search_hits", {})
    lines += ["", "Summary: " + "; ".join(verdict) + ".", "",
              "Search hit counts: " + ", ".join(f"{k} → {v}" for k, v in hits.items()), ""]
    if dump.get("dataset_pages"):
        lines += [f"Pages: {dump['dataset_pages']:,} dataset pages (mean {dump['dataset_page_bytes_mean']:,} bytes) and "
                  f"{dump.get('search_pages', '?')} search pages (mean {dump['search_page_bytes_mean']:,} bytes); pintu renders each "
                  "request (mustache templates, no page cache), nginx sends the same bytes from disk.", ""]
    section = search_section(out)
    if section is None and docs and os.path.exists(docs):  # search not run (BENCH_ONLY=serve): keep the last one
        old = open(docs).read()
        if SEARCH_BEGIN in old and SEARCH_END in old:
            section = old[old.index(SEARCH_BEGIN):old.index(SEARCH_END) + len(SEARCH_END)]
    if section is not None:
        lines += [section, ""]
    for make, begin, end in ((lighthouse_section, LH_BEGIN, LH_END), (check_section, CHECK_BEGIN, CHECK_END)):
        part = make(out) or kept_section(docs, begin, end)
        if part is not None:
            lines += [part, ""]
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
