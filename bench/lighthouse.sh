#!/usr/bin/env bash
# Lighthouse audits of the portal: home and a 長照 dataset page, mobile (Lighthouse's default
# emulation with simulated throttling) and desktop, against `pintu serve --demo` on loopback,
# driving Debian's /usr/bin/chromium (headless, --no-sandbox). npm `lighthouse` 12.2.3 is
# installed into bench/lighthouse/node_modules from its package-lock.json when missing.
# Writes bench/out/lighthouse_<page>_<form factor>.json (full reports) and
# bench/out/lighthouse.json (scores); bench/report.py puts the scores in docs/benchmarks.md.
# Called by bench/run.sh; alone: `BENCH_ONLY=lighthouse bash bench/run.sh`.
# Knobs: PINTU_BIN, CHROME_PATH (/usr/bin/chromium), LIGHTHOUSE_PORT (18490).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${PINTU_BIN:-./build/release/pintu}
export CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium}
PORT=${LIGHTHOUSE_PORT:-18490}
OUT=bench/out
LH_DIR=bench/lighthouse
mkdir -p "$OUT"
for tool in "$BIN" "$CHROME_PATH" node npm curl python3; do
  command -v "$tool" >/dev/null || { echo "lighthouse: missing $tool" >&2; exit 1; }
done

want=$(sha256sum "$LH_DIR/package-lock.json" | cut -d' ' -f1)
if [[ $(cat "$LH_DIR/node_modules/.pintu-lock-sha256" 2>/dev/null || true) != "$want" ]]; then
  echo "lighthouse: installing npm lighthouse (npm ci)…"
  (cd "$LH_DIR" && npm ci --no-audit --no-fund --loglevel=error)
  echo "$want" >"$LH_DIR/node_modules/.pintu-lock-sha256"
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/pintu-lighthouse.XXXXXX")
"$BIN" --data-dir "$WORK/data" serve --listen "127.0.0.1:$PORT" --demo --demo-dir demo --no-access-log --no-jobs \
  >"$OUT/lighthouse_pintu.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null; rm -rf "$WORK"' EXIT
base="http://127.0.0.1:$PORT"
for _ in $(seq 600); do curl -fs -o /dev/null "$base/healthz" && break; sleep 0.05; done
curl -fs -o /dev/null "$base/healthz" || { echo "lighthouse: pintu did not start" >&2; exit 1; }
# The first 長照 search hit: a typical dataset page with resources, fields and methodology.
slug=$(curl -fs "$base/api/3/action/package_search?q=%E9%95%B7%E7%85%A7&rows=1" |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["result"]["results"][0]["name"])')

flags="--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run"
summary=()
for page in home dataset; do
  url=$base/; [[ $page == dataset ]] && url=$base/dataset/$slug
  for ff in mobile desktop; do
    preset=(); [[ $ff == desktop ]] && preset=(--preset=desktop)
    echo "lighthouse: $page ($ff) $url"
    node "$LH_DIR/node_modules/lighthouse/cli/index.js" "$url" "${preset[@]}" --quiet \
      --chrome-flags="$flags" --only-categories=performance,accessibility,best-practices,seo \
      --output=json --output-path="$OUT/lighthouse_${page}_$ff.json"
    summary+=("$page" "$ff" "$url" "$OUT/lighthouse_${page}_$ff.json")
  done
done
python3 - "$OUT/lighthouse.json" "${summary[@]}" <<'PY'
import json, sys
out, rest = sys.argv[1], sys.argv[2:]
runs = []
for page, ff, url, path in zip(rest[0::4], rest[1::4], rest[2::4], rest[3::4]):
    r = json.load(open(path))
    audits = r["audits"]
    ms = lambda k: audits.get(k, {}).get("numericValue")
    runs.append({"page": page, "form_factor": ff, "url": url.split("127.0.0.1", 1)[1].split("/", 1)[1] or "",
                 "scores": {k: round(v["score"] * 100) for k, v in r["categories"].items() if v["score"] is not None},
                 "fcp_ms": ms("first-contentful-paint"), "lcp_ms": ms("largest-contentful-paint"),
                 "tbt_ms": ms("total-blocking-time"), "cls": ms("cumulative-layout-shift"),
                 "bytes": ms("total-byte-weight"),
                 "failed_accessibility": [a for a, v in audits.items()
                                          if v.get("score") == 0 and a in {x["id"] for x in r["categories"]["accessibility"]["auditRefs"]}]})
json.dump({"lighthouse": r["lighthouseVersion"], "chrome": r["environment"]["hostUserAgent"], "runs": runs},
          open(out, "w"), indent=1)
for x in runs:
    print(f"lighthouse: {x['page']:8} {x['form_factor']:8} {x['scores']}  failed a11y audits: {x['failed_accessibility']}")
PY
