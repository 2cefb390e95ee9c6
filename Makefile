# tallyboard: `make demo` (build and serve the demo page), `make test` (all tests).
# Both install what is missing first (`make setup`, idempotent, seconds when done).
SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
export PATH := $(HOME)/.cargo/bin:$(CURDIR)/tools/node_modules/.bin:$(PATH)
export CHROMEDRIVER := /usr/bin/chromedriver
PORT ?= 8080
WASM_PACK := wasm-pack --log-level warn

.PHONY: setup pkg demo serve test test-native test-schema test-browser test-e2e screenshots size clean

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

test: setup test-native test-schema test-browser test-e2e
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
