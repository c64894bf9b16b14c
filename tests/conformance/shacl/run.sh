#!/usr/bin/env bash
# Entry point of the DCAT-AP SHACL conformance test (CTest: conformance.dcat_ap_shacl).
# Skips (exit 77) when node or the shared conformance material (../shared/conformance beside
# the repository) is absent; installs the npm packages from package-lock.json when they are
# missing or out of date (a stamp holds the lock file's hash); then validate.mjs runs the
# oracle rows and validates pintu's exports of the demo catalog. Nothing is fetched from
# the network at run time: remote JSON-LD contexts and owl:imports are never followed.
# Usage: PINTU_BINARY=build/dev/pintu tests/conformance/shacl/run.sh
set -euo pipefail
# Paths given relative to the caller's directory stay valid after the cd below.
if [ -n "${PINTU_BINARY:-}" ]; then PINTU_BINARY=$(realpath -m -- "$PINTU_BINARY"); export PINTU_BINARY; fi
if [ -n "${PINTU_DEMO_DIR:-}" ]; then PINTU_DEMO_DIR=$(realpath -m -- "$PINTU_DEMO_DIR"); export PINTU_DEMO_DIR; fi
if [ -n "${PINTU_SHARED_DIR:-}" ]; then PINTU_SHARED_DIR=$(realpath -m -- "$PINTU_SHARED_DIR"); fi
cd "$(dirname "$0")"

SHARED=${PINTU_SHARED_DIR:-$(realpath -m ../../../../shared)}
if ! command -v node >/dev/null 2>&1; then
  echo "dcat-ap-shacl: SKIPPED: node is not installed (scripts/install-deps.sh installs it)"
  exit 77
fi
if [ ! -f "$SHARED/conformance/dcat-ap/shacl-3.0.1/shapes.ttl" ]; then
  echo "dcat-ap-shacl: SKIPPED: no DCAT-AP shapes at $SHARED/conformance/dcat-ap (the shared conformance material)"
  exit 77
fi
major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$major" -lt 18 ]; then
  echo "dcat-ap-shacl: FAILED: node $(node --version) is too old; the harness needs node >= 18" >&2
  exit 1
fi

want=$(sha256sum package-lock.json | cut -d' ' -f1)
have=$(cat node_modules/.pintu-lock-sha256 2>/dev/null || true)
if [ "$want" != "$have" ]; then
  echo "dcat-ap-shacl: installing npm packages (npm ci)…"
  if ! npm ci --no-audit --no-fund --loglevel=error; then
    echo "dcat-ap-shacl: FAILED: npm ci could not install rdf-validate-shacl, n3, jsonld, rdfxml-streaming-parser" >&2
    exit 1
  fi
  echo "$want" > node_modules/.pintu-lock-sha256
fi

export PINTU_SHARED_DIR="$SHARED"
exec node validate.mjs
