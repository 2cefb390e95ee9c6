# tallyboard: `make demo` (build and serve the demo page), `make test` (all tests).
# Both install what is missing first (`make setup`, idempotent, seconds when done).
SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
export PATH := $(HOME)/.cargo/bin:$(CURDIR)/tools/node_modules/.bin:$(PATH)
export CHROMEDRIVER := /usr/bin/chromedriver
PORT ?= 8080
WASM_PACK := wasm-pack --log-level warn

.PHONY: setup pkg demo serve test test-native test-schema test-browser test-e2e screenshots size clean bench

setup:
	@bash scripts/setup.sh

# The npm package (ES module + wasm + TypeScript types), built for the browser.
pkg: setup
	$(WASM_PACK) build --release --target web --mode no-install --out-dir pkg
	@bash scripts/package.sh
	@bash scripts/size.sh

# The demo page serves www/ with the package copied into www/pkg.
www/pkg: pkg
	rm -rf www/pkg && mkdir -p www/pkg && cp pkg/*.js pkg/*.wasm pkg/*.d.ts pkg/package.json www/pkg/

demo: www/pkg
	@echo "Serving the demo on http://127.0.0.1:$(PORT)/ (Ctrl-C to stop)"
	cd www && python3 -m http.server $(PORT) --bind 127.0.0.1

test: setup test-native test-schema test-browser test-e2e test-package test-a11y test-visual
	@echo "make test: all suites passed"

test-native:
	cargo test --features cli

test-schema:
	python3 tests/schema/check_schema.py

# Rust tests compiled to wasm, run in headless Chromium (pixels and DOM).
test-browser:
	$(WASM_PACK) test --headless --chrome --mode no-install

# The built package in a real browser: the demo page, every example, screenshots.
test-e2e: www/pkg
	node tests/e2e/run.mjs

screenshots: www/pkg
	node tests/e2e/screenshots.mjs

size:
	@bash scripts/size.sh

clean:
	cargo clean; rm -rf pkg www/pkg

# The npm tarball as a user installs it: a plain HTML page, and Vite 8 / 7 projects (build and dev
# server; vite comes from the npm registry, then from npm's cache). About 15 s warm, 30 s cold.
.PHONY: test-package
test-package: pkg
	node tests/e2e/package.mjs

# Accessibility of the release package: axe-core (WCAG 2.1 A/AA, shadow DOM included) on the
# demo page (light, dark, 375 px) and on www/element.html, and keyboard checks (Tab stops,
# focus rings, Enter/Space on the coalition buttons, the live sum). About 10 s.
.PHONY: test-a11y test-visual
test-a11y: www/pkg
	node tests/e2e/a11y.mjs

# Every gallery card at 1280 and 375 px against tests/e2e/baselines/ (pixelmatch). Baselines
# are written only on purpose: `node tests/e2e/visual.mjs --update`, then look at each PNG.
test-visual: www/pkg
	node tests/e2e/visual.mjs

# Benchmarks against budgets (bench/README.md): bytes shipped, time to first painted card
# against Chart.js and d3-parliament-chart, scale (browser and native), wasm memory. Prints a
# table and writes bench/results.json; a MISS never fails the build. About 10 minutes.
bench: pkg
	@if [ ! -f bench/node_modules/.package-lock.json ] || [ bench/package-lock.json -nt bench/node_modules/.package-lock.json ]; then \
	  echo "bench: npm ci in bench/"; (cd bench && npm ci --no-audit --no-fund --loglevel=error); fi
	cd bench/native && cargo run --release --quiet -- --json ../../target/bench-native/native.json
	node bench/run.mjs --native target/bench-native/native.json
