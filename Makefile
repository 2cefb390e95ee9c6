# tallyboard: `make demo` (build and serve the demo page), `make test` (all tests).
# Both install what is missing first (`make setup`, idempotent, seconds when done).
SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
export PATH := $(HOME)/.cargo/bin:$(CURDIR)/tools/node_modules/.bin:$(PATH)
export CHROMEDRIVER := /usr/bin/chromedriver
PORT ?= 8080
WASM_PACK := wasm-pack --log-level warn

.PHONY: setup setup-build pkg demo serve test test-native test-schema test-browser test-e2e screenshots size clean bench

setup:
	@bash scripts/setup.sh

# What building the package and serving the demo need (no browser, fonts or Python packages).
setup-build:
	@bash scripts/setup.sh build

# The npm package (ES module + wasm + TypeScript types), built for the browser.
# The wasm at its smallest: std rebuilt with the crate's size profile (-Zbuild-std) and panics
# as plain traps with no formatting machinery (-Cpanic=immediate-abort): 136,043 -> 126,305 bytes
# gzip measured 2026-12-03, the same cards. Both flags are unstable; RUSTC_BOOTSTRAP=1 lets the
# stable toolchain take them (with the rust-src component, from make setup) instead of a nightly
# that a fresh machine would have to fetch and that changes every day. Its own target dir: the
# flags differ from the test builds', which would otherwise rebuild everything each time.
# The first paint's module is the same crate without the `full` feature (English election and
# vote cards, no validation: the element draws it first and validates with the full module right
# after); its own target dir, since its features differ.
PKG_TARGET := target/pkg-build
FIRST_TARGET := target/pkg-first
# The module for cards in other languages (feature `intl`: the browser's Intl for any locale, words from
# the catalogues in locales/, which the element fetches for such a card): English readers never load it.
INTL_TARGET := target/pkg-intl
PKG_FLAGS := RUSTC_BOOTSTRAP=1 RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort"
# The first paint's module also without panic locations and Debug formatting (it formats neither:
# no panic message, no debug output): 128 B gzip less, measured 2026-12-07.
FIRST_FLAGS := RUSTC_BOOTSTRAP=1 RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Zfmt-debug=none"
pkg: setup-build
	$(PKG_FLAGS) CARGO_TARGET_DIR=$(PKG_TARGET) \
	  $(WASM_PACK) build --release --target web --mode no-install --out-dir pkg . -Zbuild-std=std,panic_abort
	$(FIRST_FLAGS) CARGO_TARGET_DIR=$(FIRST_TARGET) cargo build -q --lib --release --target wasm32-unknown-unknown \
	  --no-default-features -Zbuild-std=std,panic_abort
	$(PKG_FLAGS) CARGO_TARGET_DIR=$(INTL_TARGET) cargo build -q --lib --release --target wasm32-unknown-unknown \
	  --features intl -Zbuild-std=std,panic_abort
	@WASM_IN=$(PKG_TARGET)/wasm32-unknown-unknown/release/tallyboard.wasm \
	  FIRST_IN=$(FIRST_TARGET)/wasm32-unknown-unknown/release/tallyboard.wasm \
	  INTL_IN=$(INTL_TARGET)/wasm32-unknown-unknown/release/tallyboard.wasm bash scripts/package.sh
	@bash scripts/size.sh

# The demo page serves www/ with the package copied into www/pkg.
www/pkg: pkg
	rm -rf www/pkg && mkdir -p www/pkg && cp -r pkg/*.js pkg/*.wasm pkg/*.d.ts pkg/package.json pkg/locales www/pkg/

demo: www/pkg
	@echo "Serving the demo on http://127.0.0.1:$(PORT)/ (Ctrl-C to stop)"
	cd www && python3 -m http.server $(PORT) --bind 127.0.0.1

test: setup test-native test-schema test-browser test-e2e test-first test-locales test-package test-a11y test-csp test-live test-pages test-rtl test-visual test-corpus
	@echo "make test: all suites passed"

test-native:
	cargo test --features cli,props

# The schema on its own, then the schema against the validator (tests/schema/agreement.py:
# every example, every corpus election and mutations of them get the same verdict from both).
test-schema:
	python3 tests/schema/check_schema.py
	cargo build --quiet --features cli --bin tallyboard
	python3 tests/schema/agreement.py target/debug/tallyboard

# Rust tests compiled to wasm, run in headless Chromium (pixels and DOM).
test-browser:
	$(WASM_PACK) test --headless --chrome --mode no-install -- --features intl

# The built package in a real browser: the demo page, every example, screenshots.
test-e2e: www/pkg
	node tests/e2e/run.mjs

# Render first, validate after (tests/e2e/first.mjs): every frame of an English card from the first
# paint's module ("Checking the numbers…") to the verdict, a card with wrong numbers, the cards
# the first module leaves to the full one, and a card holding the CLI's SVG (the CLI makes it). About 5 s.
.PHONY: test-first
test-first: www/pkg
	cargo build --quiet --features cli --bin tallyboard
	node tests/e2e/first.mjs

# Any locale (tests/e2e/locales.mjs): what an English and a German card download (no catalogue and no
# intl module for English), German words and numbers, Dutch numbers with English words and a warning,
# the page's own words, a locale changed on a drawn card. About 5 s.
.PHONY: test-locales
test-locales: www/pkg
	node tests/e2e/locales.mjs

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
.PHONY: test-a11y test-csp test-live test-visual
test-a11y: www/pkg
	node tests/e2e/a11y.mjs

# The demo and the element page under a strict Content-Security-Policy with Trusted Types
# (no inline style, no HTML strings): styles applied, the table hidden, no violation. About 5 s.
test-csp: www/pkg
	node tests/e2e/csp.mjs

# A live card (refresh="1") against a test server whose results file changes as a count goes on:
# partial -> preliminary -> final, 304s that redraw nothing, a broken file, a 500, a dropped
# connection, a hung request (the 15 s time-out), a slow one, a hidden page. About 35 s.
test-live: www/pkg
	node tests/e2e/live.mjs

# The element on a right-to-left page, in a dark system with no theme, and its verdict in the
# canvas label (tests/e2e/pages.mjs). About 5 s.
test-pages: www/pkg
	node tests/e2e/pages.mjs

# Right to left and reflow (tests/e2e/rtl.mjs): Hebrew and Arabic cards mirrored at 375 and 1280 px
# with the hemicycle's seats where they were, an English card on a right-to-left page unchanged,
# the visible HTML table at 320 px with no word broken; screenshots in target/e2e-rtl/. About 20 s.
.PHONY: test-rtl
test-rtl: www/pkg
	node tests/e2e/rtl.mjs

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
	node bench/transition.mjs
	cargo build --quiet --features cli --bin tallyboard
	node bench/first.mjs --cli target/debug/tallyboard

# Hostile and third-party input (tests/corpus.rs, tests/corpus_web.rs, tests/e2e/naughty.mjs):
# JSONTestSuite and the Big List of Naughty Strings (npm, locked in tests/corpus/package-lock.json;
# `npm ci` there when missing or stale), natively in release (the 50 MB documents, the CLI), in wasm
# in Chromium, and end to end in the release package. Release without LTO and with unwinding, in its
# own target dir: the release profile is tuned for the wasm (panic = "abort"), and a test build needs
# unwinding, so cargo built the lib twice (abort for the CLI, unwind for the test) under one file name
# (a cdylib is not hashed: cargo issue 6313) and the CLI linked against the wrong one now and then. Known bugs are ignored tests: `cargo test --features cli --test corpus -- --ignored`.
.PHONY: test-corpus fuzz
test-corpus: www/pkg
	@if [ ! -f tests/corpus/node_modules/.package-lock.json ] || [ tests/corpus/package-lock.json -nt tests/corpus/node_modules/.package-lock.json ]; then \
	  echo "test-corpus: npm ci in tests/corpus/"; (cd tests/corpus && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error); fi
	node tests/corpus/generate.mjs --check
	CARGO_TARGET_DIR=target/corpus CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_PANIC=unwind cargo test --release --features cli --test corpus -- --nocapture
	$(WASM_PACK) test --headless --chrome --mode no-install -- --test corpus_web -- --nocapture
	node tests/e2e/naughty.mjs

# cargo-fuzz (fuzz/README.md) on the stable toolchain: RUSTC_BOOTSTRAP=1 lets stable rustc take the
# -Z flags that libFuzzer's instrumentation needs. Each target runs FUZZ_SECONDS (default 600);
# crashes land in fuzz/artifacts/<target>/ and become regression tests in tests/corpus.rs.
FUZZ_SECONDS ?= 600
fuzz:
	@command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
	mkdir -p fuzz/corpus/check fuzz/corpus/allocation
	RUSTC_BOOTSTRAP=1 cargo fuzz run check fuzz/corpus/check www/data -- \
	  -max_total_time=$(FUZZ_SECONDS) -timeout=10 -dict=fuzz/check.dict -print_final_stats=1
	RUSTC_BOOTSTRAP=1 cargo fuzz run allocation fuzz/corpus/allocation fuzz/seeds/allocation -- \
	  -max_total_time=$(FUZZ_SECONDS) -timeout=10 -print_final_stats=1
