#!/usr/bin/env bash
# Entry point of the portal's browser tests (CTest: e2e.portal).
# Skips (exit 77) only when node or chromium is absent; installs the npm packages from
# package-lock.json when they are missing or out of date; then run.mjs starts pintu and
# runs the tests. Usage: PINTU_BINARY=build/dev/pintu tests/e2e/run.sh [tests/e2e/tests/NAME.test.mjs ...]
set -euo pipefail
# Test files given as arguments are relative to the caller's directory.
files=()
for f in "$@"; do files+=("$(realpath -m -- "$f")"); done
cd "$(dirname "$0")"

CHROMIUM=${PINTU_E2E_CHROMIUM:-/usr/bin/chromium}
if ! command -v node >/dev/null 2>&1; then
  echo "e2e: SKIPPED: node is not installed (scripts/install-deps.sh installs it)"
  exit 77
fi
if [ ! -x "$CHROMIUM" ]; then
  echo "e2e: SKIPPED: $CHROMIUM is not installed (apt-get install chromium)"
  exit 77
fi
major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$major" -lt 20 ]; then
  echo "e2e: FAILED: node $(node --version) is too old; playwright-core needs node >= 20" >&2
  exit 1
fi

# npm ci only when node_modules does not match package-lock.json (a stamp holds its hash).
want=$(sha256sum package-lock.json | cut -d' ' -f1)
have=$(cat node_modules/.pintu-lock-sha256 2>/dev/null || true)
if [ "$want" != "$have" ]; then
  echo "e2e: installing npm packages (npm ci)…"
  # playwright-core never downloads a browser; the variable makes sure nothing else tries.
  if ! PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error; then
    echo "e2e: FAILED: npm ci could not install playwright-core, @axe-core/playwright and jsonld" >&2
    exit 1
  fi
  echo "$want" > node_modules/.pintu-lock-sha256
fi

export PINTU_E2E_CHROMIUM="$CHROMIUM"
exec node run.mjs "${files[@]}"
