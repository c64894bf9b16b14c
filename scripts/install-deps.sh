#!/usr/bin/env bash
# Installs every Debian package Pintu's build, tests and benchmarks need.
# Idempotent: does nothing (and prints nothing) when all packages are present.
set -euo pipefail

PACKAGES=(
  # toolchain
  build-essential cmake ninja-build ccache pkg-config git
  # libraries (see ARCHITECTURE.md "Chosen dependencies")
  libboost1.81-dev libboost-json1.81-dev libboost-url1.81-dev
  libsqlite3-dev libpq-dev libxapian-dev libopencc-dev libopencc-data libicu-dev libuchardet-dev
  libyaml-cpp-dev libtomlplusplus-dev libgit2-dev libcurl4-openssl-dev libarchive-dev
  libkainjow-mustache-dev libcmark-gfm-dev libcmark-gfm-extensions-dev libsodium-dev
  libcli11-dev libspdlog-dev libfmt-dev libssl-dev libmimalloc-dev
  # tests and benchmarks
  libgtest-dev libgmock-dev libbenchmark-dev sqlite3 wrk nginx-light hyperfine curl
  zlib1g-dev
  # fuzzing (fuzz/, libFuzzer)
  clang-16 libclang-rt-16-dev
  # browser tests
  chromium
  fonts-noto-cjk
)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
# Node.js may come from Debian or NodeSource; only install Debian's when none is present.
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)
[ ${#missing[@]} -eq 0 ] && exit 0

echo "install-deps: installing ${#missing[@]} package(s): ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "install-deps: done"
