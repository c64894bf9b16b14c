#!/usr/bin/env bash
# File-check benchmark: `pintu check` vs pandas.read_csv (Debian python3-pandas), csvclean
# (Debian csvkit) and `wc -l`, all on the same generated 1 GB CSV (bench/gen_csv.py), plus
# `pintu check` on the real CSV files in ../shared/data when present. Each tool's wall time
# and peak RSS come from GNU time; the file is read once beforehand so every tool starts with
# it in the page cache. Writes bench/out/check.json; bench/report.py puts it in
# docs/benchmarks.md. Called by bench/run.sh; alone: `BENCH_ONLY=check bash bench/run.sh`.
# Knobs: PINTU_BIN, PINTU_SHARED_DIR, CHECK_BENCH_MB (1024), CHECK_BENCH_CSV (where the
# generated file is kept between runs: /tmp/pintu-check-bench-<MB>.csv), CHECK_BENCH_ROUNDS (3:
# runs of pintu check and wc -l; pandas and csvclean run once), CHECK_BENCH_SKIP_CSVCLEAN=1.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${PINTU_BIN:-./build/release/pintu}
SHARED=${PINTU_SHARED_DIR:-../shared}
MB=${CHECK_BENCH_MB:-1024}
CSV=${CHECK_BENCH_CSV:-${TMPDIR:-/tmp}/pintu-check-bench-$MB.csv}
ROUNDS=${CHECK_BENCH_ROUNDS:-3}
OUT=bench/out
TIME=/usr/bin/time
mkdir -p "$OUT"
for tool in "$BIN" python3 wc "$TIME"; do
  command -v "$tool" >/dev/null || { echo "check bench: missing $tool (apt-get install time)" >&2; exit 1; }
done
# Debian's python3 (with python3-pandas), not a python3 that happens to be first on PATH.
PY=${CHECK_BENCH_PYTHON:-/usr/bin/python3}
"$PY" -c 'import pandas' 2>/dev/null || { echo "check bench: missing python3-pandas for $PY" >&2; exit 1; }
command -v csvclean >/dev/null || { echo "check bench: missing csvclean (apt-get install csvkit)" >&2; exit 1; }

if [[ ! -s $CSV ]]; then
  echo "check bench: generating $CSV ($MB MB)"
  python3 bench/gen_csv.py "$CSV.tmp" "$MB" && mv "$CSV.tmp" "$CSV"
fi
cat "$CSV" >/dev/null  # page cache

RUNS=$OUT/check_runs.tsv
: >"$RUNS"
# measure NAME FILE CMD...: one run; appends "name file seconds max_rss_kb exit_code" to $RUNS.
# Wall time comes from the monotonic clock around the run (GNU time's %e was seen reporting
# 1745 s for a 46 s run on this VM); GNU time gives the peak RSS only.
measure() {
  local name=$1 file=$2; shift 2
  local rc=0 start end secs rss
  start=$(date +%s%N)
  "$TIME" -f "%M" -o "$OUT/check_time.txt" "$@" >"$OUT/check_$name.stdout" 2>"$OUT/check_$name.stderr" || rc=$?
  end=$(date +%s%N)
  secs=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", (b - a) / 1e9 }')
  read -r rss <"$OUT/check_time.txt"
  printf '%s\t%s\t%s\t%s\t%s\n' "$name" "$file" "$secs" "$rss" "$rc" >>"$RUNS"
  echo "check bench: $name $(basename "$file"): ${secs} s, peak RSS $((rss / 1024)) MB, exit $rc"
}

for r in $(seq "$ROUNDS"); do
  measure wc "$CSV" wc -l "$CSV"
  measure pintu "$CSV" "$BIN" check --format json "$CSV"
  measure pintu_noprofile "$CSV" "$BIN" check --no-profile --format json "$CSV"
done
measure pandas "$CSV" "$PY" -c 'import sys, pandas; df = pandas.read_csv(sys.argv[1]); print(len(df))' "$CSV"
[[ ${CHECK_BENCH_SKIP_CSVCLEAN:-0} == 1 ]] || measure csvclean "$CSV" csvclean -n "$CSV"
pintu_json=$OUT/check_pintu.stdout
cp "$pintu_json" "$OUT/check_report_generated.json"

# The real files (small): pintu check only, to show what it finds and that it reads them.
shopt -s nullglob
rm -f "$OUT/check_real.jsonl"
for f in "$SHARED"/data/longtermcare/*.csv "$SHARED"/data/datagovtw/*.csv; do
  measure pintu_real "$f" "$BIN" check --format json "$f"
  python3 - "$OUT/check_pintu_real.stdout" "$f" >>"$OUT/check_real.jsonl" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
print(json.dumps({"file": sys.argv[2].rsplit("/", 1)[-1], "valid": r.get("valid"),
                  "encoding": r.get("encoding", {}).get("detected"), "rows": r.get("stats", {}).get("rows"),
                  "errors": len(r.get("errors", [])), "warnings": sorted({w.get("type") for w in r.get("warnings", [])})},
                 ensure_ascii=False))
PY
done
python3 - "$RUNS" "$CSV" "$OUT/check.json" "$OUT/check_real.jsonl" <<'PY'
import json, os, statistics, sys
runs_path, csv, out, real = sys.argv[1:5]
rows = [l.rstrip("\n").split("\t") for l in open(runs_path) if l.strip()]
size = os.path.getsize(csv)
tools = {}
for name, f, secs, rss, rc in rows:
    if f == csv:
        tools.setdefault(name, []).append({"seconds": float(secs), "max_rss_kb": int(rss), "exit": int(rc)})
summary = {"file": csv, "bytes": size, "tools": {}}
for name, rs in tools.items():
    med = statistics.median(r["seconds"] for r in rs)
    summary["tools"][name] = {"runs": rs, "median_seconds": med, "mb_per_s": size / 1e6 / med if med else None,
                              "max_rss_kb": max(r["max_rss_kb"] for r in rs)}
summary["real_files"] = [json.loads(l) for l in open(real)] if os.path.exists(real) else []
for name, f, secs, rss, rc in rows:
    if f != csv:
        for x in summary["real_files"]:
            if x["file"] == f.rsplit("/", 1)[-1]:
                x.update({"seconds": float(secs), "max_rss_kb": int(rss), "exit": int(rc)})
json.dump(summary, open(out, "w"), ensure_ascii=False, indent=1)
PY
rm -f "$OUT/check_real.jsonl"
echo "check bench: wrote $OUT/check.json"
