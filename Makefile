# The README's two commands: `make demo` and `make test`.
SHELL := /bin/bash
DEMO_DATA ?= ./pintu-demo-data
LISTEN ?= 127.0.0.1:8080

# Let ccache share objects between checkouts in different folders (CI clones anew).
export CCACHE_BASEDIR := $(CURDIR)
export CCACHE_NOHASHDIR := true

.PHONY: demo test deps build-release build-dev bench clean

deps:
	@bash scripts/install-deps.sh

build-release: deps
	@cmake --preset release >/dev/null
	@cmake --build --preset release

build-dev: deps
	@cmake --preset dev >/dev/null
	@cmake --build --preset dev

# Builds the release binary, loads the demo catalog into a fresh data directory
# and serves it on http://$(LISTEN)/ (Ctrl-C stops it).
demo: build-release
	@rm -rf $(DEMO_DATA)
	@./build/release/pintu --data-dir $(DEMO_DATA) serve --listen $(LISTEN) --demo --demo-dir demo

# Builds the Debug + ASan/UBSan tree and runs the whole suite through CTest.
test: build-dev
	@ctest --preset dev

bench: build-release
	@bash bench/run.sh

clean:
	rm -rf build $(DEMO_DATA)
