#!/usr/bin/env bash
# Pintu benchmark: package_show vs nginx serving the same JSON documents, package_search,
# package_list, portal dataset and search pages vs nginx serving the same HTML, RSS, cold start
# and import time; then the search engine vs SQLite FTS5
# (build/release/bench/search_bench). Run from the repository root via `make bench`.
# Results: docs/benchmarks.md (section between the bench:results markers); raw output: bench/out/.
#
# Knobs (environment): PINTU_BIN, PINTU_SHARED_DIR, BENCH_N (synthetic catalog size, 36000),
# BENCH_DURATION (15s), BENCH_WARMUP (3s), BENCH_THREADS (2), BENCH_CONNS (64),
# BENCH_ROUNDS (2 rounds of nginx/pintu package_show), BENCH_PORT (18480), BENCH_KEEP=1
# (keep the temporary data directory), BENCH_DATA=DIR (save the imported catalog there, or
# reuse it when it exists: no import), BENCH_NO_DOCS=1 (do not touch docs/benchmarks.md),
# BENCH_ONLY=search|serve|lighthouse|check|score|publiccode (run only the search benchmark, only the
# Lighthouse audits of the portal (bench/lighthouse.sh) or only the file-check benchmark
# (bench/check_bench.sh), each updating only its section of the results, or only the
# server part), SEARCH_BENCH_BIN, BENCH_SEARCH_ARGS (extra
# search_bench options, e.g. "--passes 5 --rounds 4"; see search_bench --help).
set -euo pipefail
cd "$(dirname "$0")/.."

BIN=${PINTU_BIN:-./build/release/pintu}
SHARED=${PINTU_SHARED_DIR:-../shared}
CSV=$SHARED/data/datagovtw/16-22_data_gov_download.csv
N=${BENCH_N:-36000}
DUR=${BENCH_DURATION:-15s}
WARM=${BENCH_WARMUP:-3s}
THREADS=${BENCH_THREADS:-2}
CONNS=${BENCH_CONNS:-64}
ROUNDS=${BENCH_ROUNDS:-2}
PORT=${BENCH_PORT:-18480}       # pintu
NGINX_PORT=$((PORT + 1))        # nginx
NGINX=${NGINX_BIN:-/usr/sbin/nginx}
OUT=bench/out
ONLY=${BENCH_ONLY:-all}
SEARCH_BIN=${SEARCH_BENCH_BIN:-./build/release/bench/search_bench}
EVAL_BIN=${SEARCH_EVAL_BIN:-./build/release/bench/search_eval}
docs=docs/benchmarks.md
[[ ${BENCH_NO_DOCS:-0} == 1 ]] && docs=""
case $ONLY in all|search|serve|lighthouse|check|score|publiccode) ;; *) echo "bench: BENCH_ONLY must be search, serve, lighthouse, check, score or publiccode" >&2; exit 1 ;; esac
# publiccode.yml validation throughput (issue 7): build/release/bench/publiccode_bench
# validates the conformance suite and 10,000 generated files, vs yaml-cpp's YAML::Load;
# recorded by hand in docs/benchmarks.md "publiccode.yml validation".
if [[ $ONLY == publiccode ]]; then
  bin=${PUBLICCODE_BENCH_BIN:-./build/release/bench/publiccode_bench}
  [[ -x $bin ]] || { echo "bench: missing $bin (cmake --build build/release --target publiccode_bench)" >&2; exit 1; }
  mkdir -p "$OUT"
  "$bin" --conformance "$SHARED/conformance/publiccode" | tee "$OUT/publiccode.json"
  exit 0
fi

# Search engine vs SQLite FTS5 (trigram) on the same titles, in-process (no server):
# writes $OUT/search.json and $OUT/search.txt. A missing CSV makes it use a synthetic catalog.
run_search() {
  echo "bench: search engine vs SQLite FTS5"
  # shellcheck disable=SC2086  # BENCH_SEARCH_ARGS holds several options
  "$SEARCH_BIN" --csv "$CSV" --out "$OUT/search.json" ${BENCH_SEARCH_ARGS:-} | tee "$OUT/search.txt"
  echo "bench: search relevance on the judged query sets"
  "$EVAL_BIN" --datagovtw-csv "$CSV" --out "$OUT/search_eval.json" >"$OUT/search_eval.md"
  head -6 "$OUT/search_eval.md"
}

tools=(python3)
[[ $ONLY != search ]] && tools+=("$BIN" "$NGINX" wrk curl)
[[ $ONLY != serve ]] && tools+=("$SEARCH_BIN" "$EVAL_BIN")
for tool in "${tools[@]}"; do
  command -v "$tool" >/dev/null || { echo "bench: missing $tool" >&2; exit 1; }
done

mkdir -p "$OUT"
if [[ $ONLY == lighthouse ]]; then  # only the Lighthouse section of the results changes
  rm -f "$OUT"/lighthouse*.json
  PINTU_BIN=$BIN bash bench/lighthouse.sh
  python3 bench/report.py "$OUT" "$docs" "" --only lighthouse
  exit 0
fi
# Scoring the whole benchmark catalog on one thread (issue 6): build/release/bench/score_bench
# prints seconds for ScoreDataset, for the Croissant export + check, and for the baseline
# (DatasetToJson of the same datasets); recorded by hand in docs/benchmarks.md "Quality scores".
run_score() {
  local bin=${SCORE_BENCH_BIN:-./build/release/bench/score_bench}
  [[ -x $bin ]] || { echo "bench: missing $bin (cmake --build build/release --target score_bench)" >&2; return 1; }
  [[ -f $CSV ]] || { echo "bench: missing $CSV" >&2; return 1; }
  "$bin" "$CSV" 5 | tee "$OUT/score.json"
}
if [[ $ONLY == score ]]; then
  run_score
  exit 0
fi
if [[ $ONLY == check ]]; then  # only the file-check section of the results changes
  rm -f "$OUT"/check*
  PINTU_BIN=$BIN bash bench/check_bench.sh
  python3 bench/report.py "$OUT" "$docs" "" --only check
  exit 0
fi
if [[ $ONLY == search ]]; then  # only the search section of the results changes
  rm -f "$OUT/search.json" "$OUT/search.txt" "$OUT/search_eval.json" "$OUT/search_eval.md"
  run_search
  python3 bench/report.py "$OUT" "$docs" "" --only search
  exit 0
fi
rm -f "$OUT"/wrk_*.txt "$OUT"/*.json "$OUT"/paths_*.txt "$OUT"/*.log "$OUT"/*.txt "$OUT"/results.md
WORK=$(mktemp -d "${TMPDIR:-/tmp}/pintu-bench.XXXXXX")
chmod 755 "$WORK"  # nginx workers (maybe another user) must read the static root
DATA=$WORK/data
STATIC=$WORK/static
PINTU_PID="" NGINX_PID=""

# Stops a child with SIGTERM (then SIGKILL after 10 s) and waits for it.
stop() {
  local pid=$1
  [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -0 "$pid" 2>/dev/null && { echo "bench: pid $pid ignored SIGTERM, killing" >&2; kill -KILL "$pid"; }
  wait "$pid" 2>/dev/null || true
}
cleanup() {
  stop "$PINTU_PID"; stop "$NGINX_PID"
  if [[ ${BENCH_KEEP:-0} == 1 ]]; then echo "bench: kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Waits until GET URL answers 200 (up to 30 s).
wait_http() {
  for _ in $(seq 3000); do curl -fs -o /dev/null "$1" && return 0; sleep 0.01; done
  echo "bench: $1 did not come up" >&2; return 1
}

# --- 1. catalog -------------------------------------------------------------------------
if [[ -f $CSV ]]; then
  SRC=$CSV FORMAT=auto SOURCE="data.gov.tw listing $(basename "$CSV")"
else
  SRC=$WORK/catalog.jsonl FORMAT=ckan SOURCE="synthetic (bench/gen_catalog.py $N)"
  python3 bench/gen_catalog.py "$N" -o "$SRC"
fi
if [[ -n ${BENCH_DATA:-} && -d ${BENCH_DATA:-} ]]; then  # reuse an imported catalog (iterating)
  cp -a "$BENCH_DATA" "$DATA"
  echo "{\"source\": \"$SOURCE (copied from $BENCH_DATA)\", \"seconds\": null}" >"$OUT/import.json"
else
  echo "bench: importing $SOURCE"
  t0=$(date +%s.%N)
  timeout 900 "$BIN" --data-dir "$DATA" import --format "$FORMAT" --report "$OUT/import_report.json" "$SRC" \
    >"$OUT/import.log" 2>&1 || { tail -20 "$OUT/import.log" >&2; exit 1; }
  t1=$(date +%s.%N)
  python3 -c 'import json,sys; print(json.dumps({"source": sys.argv[1], "seconds": round(float(sys.argv[3])-float(sys.argv[2]), 2)}))' \
    "$SOURCE" "$t0" "$t1" >"$OUT/import.json"
  [[ -n ${BENCH_DATA:-} ]] && cp -a "$DATA" "$BENCH_DATA"
fi
cat "$OUT/import.json"

SERVE=("$BIN" --data-dir "$DATA" serve --listen "127.0.0.1:$PORT" --no-access-log --no-jobs)

# --- 2. cold start (5 × start, first 200 from /healthz, SIGTERM) --------------------------
echo "bench: cold start"
python3 bench/cold_start.py 5 "127.0.0.1:$PORT" "$OUT/pintu.log" -- "${SERVE[@]}" >"$OUT/cold_start.json"
cat "$OUT/cold_start.json"

# --- 3. serve, dump package_show bodies, start nginx on the same documents ---------------
"${SERVE[@]}" >>"$OUT/pintu.log" 2>&1 &
PINTU_PID=$!
wait_http "http://127.0.0.1:$PORT/healthz"
echo "bench: dumping package_show bodies"
python3 bench/dump_docs.py "127.0.0.1:$PORT" "$STATIC" "$OUT" >/dev/null
cat "$OUT/dump.json"

mkdir -p "$WORK/nginx/tmp"
user_line=""
[[ $EUID == 0 ]] && user_line="user $(id -un) $(id -gn);"
cat >"$WORK/nginx/nginx.conf" <<EOF
# Generated by bench/run.sh: static baseline serving the dumped package_show bodies.
$user_line
daemon off;
worker_processes 2;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 100000;
  keepalive_timeout 65;
  default_type application/json;
  types { }
  client_body_temp_path $WORK/nginx/tmp/body;
  proxy_temp_path $WORK/nginx/tmp/proxy;
  fastcgi_temp_path $WORK/nginx/tmp/fastcgi;
  uwsgi_temp_path $WORK/nginx/tmp/uwsgi;
  scgi_temp_path $WORK/nginx/tmp/scgi;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $STATIC;
    location /pages/ { default_type "text/html; charset=utf-8"; }
  }
}
EOF
"$NGINX" -e "$WORK/nginx/error.log" -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" >"$OUT/nginx.log" 2>&1 &
NGINX_PID=$!
first=$(head -1 "$OUT/paths_nginx_show.txt")
wait_http "http://127.0.0.1:$NGINX_PORT$first"
# Same bytes from both servers for the first dataset?
cmp <(curl -fs "http://127.0.0.1:$NGINX_PORT$first") \
    <(curl -fs "http://127.0.0.1:$PORT$(head -1 "$OUT/paths_pintu_show.txt")") \
  || { echo "bench: nginx and pintu bodies differ" >&2; exit 1; }
cmp <(curl -fs "http://127.0.0.1:$NGINX_PORT$(head -1 "$OUT/paths_nginx_page_dataset.txt")") \
    <(curl -fs "http://127.0.0.1:$PORT$(head -1 "$OUT/paths_pintu_page_dataset.txt")") \
  || { echo "bench: nginx and pintu dataset pages differ" >&2; exit 1; }

# --- 4. load --------------------------------------------------------------------------
# run_wrk NAME BASE_URL PATHS_FILE: warm-up, then the measured run into $OUT/wrk_NAME.txt.
run_wrk() {
  local name=$1 base=$2 paths=$3
  echo "bench: wrk $name"
  wrk -t"$THREADS" -c"$CONNS" -d"$WARM" --timeout 5s -s bench/random_paths.lua "$base" -- "$paths" >/dev/null
  wrk -t"$THREADS" -c"$CONNS" -d"$DUR" --timeout 5s --latency -s bench/random_paths.lua "$base" -- "$paths" \
    >"$OUT/wrk_$name.txt"
  grep -E 'Requests/sec|Non-2xx|Socket errors' "$OUT/wrk_$name.txt" || true
}
echo "/api/3/action/package_list" >"$OUT/paths_list.txt"
cut -d" " -f1-3 /proc/loadavg >"$OUT/loadavg.txt"  # other work on the machine skews results
for r in $(seq "$ROUNDS"); do   # back to back, same settings
  run_wrk "show_nginx_r$r" "http://127.0.0.1:$NGINX_PORT" "$OUT/paths_nginx_show.txt"
  run_wrk "show_pintu_r$r" "http://127.0.0.1:$PORT" "$OUT/paths_pintu_show.txt"
done
# Portal pages: pintu renders them per request (no page cache); nginx serves the same bytes.
for page in dataset search; do
  run_wrk "page_${page}_nginx" "http://127.0.0.1:$NGINX_PORT" "$OUT/paths_nginx_page_$page.txt"
  run_wrk "page_${page}_pintu" "http://127.0.0.1:$PORT" "$OUT/paths_pintu_page_$page.txt"
done
stop "$NGINX_PID"; NGINX_PID=""
run_wrk show_pintu_nocache "http://127.0.0.1:$PORT" "$OUT/paths_pintu_show_nocache.txt"
run_wrk search_q "http://127.0.0.1:$PORT" "$OUT/paths_search_q.txt"
run_wrk search_fq "http://127.0.0.1:$PORT" "$OUT/paths_search_fq.txt"
run_wrk package_list "http://127.0.0.1:$PORT" "$OUT/paths_list.txt"

# --- 5. RSS after the load --------------------------------------------------------------
grep -E '^(VmRSS|VmHWM)' "/proc/$PINTU_PID/status" | tee "$OUT/rss.txt"

# --- 6. stop; search engine vs SQLite FTS5 (the server is down, the CPUs are free) -----------
stop "$PINTU_PID"; PINTU_PID=""
[[ $ONLY != serve ]] && run_search
[[ $ONLY != serve ]] && PINTU_BIN=$BIN bash bench/lighthouse.sh
[[ $ONLY != serve ]] && PINTU_BIN=$BIN bash bench/check_bench.sh
[[ $ONLY != serve ]] && run_score

# --- 7. report ------------------------------------------------------------------------------
python3 bench/report.py "$OUT" "$docs" "threads=$THREADS connections=$CONNS duration=$DUR warmup=$WARM"
