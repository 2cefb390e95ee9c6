#!/usr/bin/env bash
# Complete the npm package where wasm-pack stops: the <tally-board> element,
# the JSON Schema, an `exports` map, and the package README.
set -euo pipefail
cd "$(dirname "$0")/.."
# The glue again, with wasm-bindgen's __wbg_reset_state (wasm-pack cannot pass the flag): after a
# trap (a Rust panic) the <tally-board> element starts a fresh instance of the module instead of
# staying dead for the rest of the page. Same CLI version and input as wasm-pack's own run; wasm-opt
# runs only here (Cargo.toml turns wasm-pack's run off), tuned for size.
WASM_IN=${WASM_IN:-target/wasm32-unknown-unknown/release/tallyboard.wasm}
[ -f "$WASM_IN" ] || { echo "package.sh: $WASM_IN missing (run wasm-pack build --release first)" >&2; exit 1; }
# --one-caller-inline-max-function-size 0: binaryen otherwise inlines every function with a single
# caller, whatever its size; keeping the big ones apart measured 132,530 -> 126,360 bytes gzip -9
# (2026-12-02), the same cards in every browser test. --strip-producers, --strip-target-features: two
# custom sections no browser reads (the toolchain's names, the features it was built with), 186 B gzip.
OPT_FLAGS=(-Oz --converge --low-memory-unused --strip-producers --strip-target-features --enable-bulk-memory
  --enable-nontrapping-float-to-int --enable-sign-ext --enable-reference-types --enable-multivalue --enable-mutable-globals)
# The first paint's module, whose every byte every English reader loads first, also gets small functions
# with one caller inlined (up to 20 instructions), its control flow flattened and laid out again, and a
# last pass that knows each function's effects: 49,054 -> 48,691 B gzip with 15 and the relooper alone
# (2026-12-07), then 46,902 -> 46,728 with 20 and the effects pass (0 and 30 were larger).
# Functions of up to 4 instructions inlined everywhere: 31 functions fewer for the browser to compile
# one by one as the first paint calls them, and 65 B gzip less (2026-12-07; 8 and more were larger).
FIRST_OPT=(--one-caller-inline-max-function-size 20 --always-inline-max-function-size 4 --flatten --rereloop -Oz --generate-global-effects -Oz)
REST_OPT=(--one-caller-inline-max-function-size 0)
# One module into pkg/: NAME.js (the glue), NAME_bg.wasm, their types. Further wasm-opt flags after the input.
module() {
  local name=$1 in=$2 out=target/pkg-reset/$1
  shift 2
  rm -rf "$out"
  wasm-bindgen --target web --experimental-reset-state-function --out-dir "$out" --out-name "$name" "$in"
  wasm-opt "${OPT_FLAGS[@]}" "$@" "$out/${name}_bg.wasm" -o "pkg/${name}_bg.wasm"
  cp "$out/$name.js" "$out/$name.d.ts" "$out/${name}_bg.wasm.d.ts" pkg/
  grep -q '__wbg_reset_state' "pkg/$name.js" || { echo "package.sh: no __wbg_reset_state in $name.js" >&2; exit 1; }
  # Short import names in the wasm and the glue (scripts/short-imports.mjs).
  node scripts/short-imports.mjs "pkg/${name}_bg.wasm" "pkg/$name.js"
}
module tallyboard "$WASM_IN" "${REST_OPT[@]}"
# The full module's glue is tallyboard_full.js (its wasm keeps the name the glue asks for,
# tallyboard_bg.wasm): tallyboard.js is the API (js/tallyboard.js), which draws a card with the first
# paint's module and then with this one.
mv pkg/tallyboard.js pkg/tallyboard_full.js
mv pkg/tallyboard.d.ts pkg/tallyboard_full.d.ts
# The first paint's module (built without the `full` feature, see the Makefile): what the
# <tally-board> element loads first for an English election or vote card.
if [ -n "${FIRST_IN:-}" ]; then
  [ -f "$FIRST_IN" ] || { echo "package.sh: $FIRST_IN missing" >&2; exit 1; }
  module tallyboard_first "$FIRST_IN" "${FIRST_OPT[@]}"
fi
# The module for a card in another language (feature `intl`): the element loads it, not tallyboard_full.js,
# for such a card, with the language's catalogue from locales/.
if [ -n "${INTL_IN:-}" ]; then
  [ -f "$INTL_IN" ] || { echo "package.sh: $INTL_IN missing" >&2; exit 1; }
  module tallyboard_intl "$INTL_IN" "${REST_OPT[@]}"
fi
cp js/tally-board.d.ts js/tallyboard.d.ts pkg/
# The word catalogues: fetched by a card in that language only (en.json is the template for a page's own).
rm -rf pkg/locales && mkdir -p pkg/locales && cp locales/*.json pkg/locales/
cp schema/tallyboard.schema.json pkg/
cp js/README.md pkg/README.md
cp LICENSE pkg/LICENSE
# Every reader of every article downloads these: minified (terser, tools/), the
# readable sources are in js/ and wasm-bindgen's glue. Saves ~4.4 KB gzipped.
for f in pkg/tallyboard_full.js $(ls pkg/tallyboard_first.js pkg/tallyboard_intl.js 2>/dev/null); do
  tools/node_modules/.bin/terser "$f" --module --compress passes=2 --mangle --comments false -o "$f.min"
  mv "$f.min" "$f"
done
# The element's two files and the API also get short names for their own members (`_card`,
# `_paintFirst`: a leading underscore and a letter; never the glue's `__wbg_*`), the same in all
# (one name cache): 232 B gzip less before the element's first paint, measured 2026-12-07.
# js/first-paint.js (the first paint's loader and painter) goes in front of the element and of the
# API: one file each to load before the first paint, not two.
names=$(mktemp)
echo '{}' > "$names"
mini() {
  local out=$1
  shift
  tools/node_modules/.bin/terser "$@" --module --compress passes=2 --mangle --mangle-props 'regex=/^_[a-zA-Z]/' \
    --name-cache "$names" --comments false -o "$out"
}
mini pkg/tally-board.js js/first-paint.js js/tally-board.js
mini pkg/tally-board-card.js js/tally-board-card.js
mini pkg/tallyboard.js js/first-paint.js js/tallyboard.js
rm -f "$names"
# The first paint's scripts (the element, the API, the first module's glue), whose functions are nearly
# all called as a card loads: V8 compiles them all while it parses the file (Chrome 136's explicit compile
# hints, a comment in the file's first line), off the main thread, not one by one on it at their first
# call (4.8 ms of the first paint's main thread in a trace of render(); the main thread's CPU to the first
# paint 32.7 -> 30.7 ms in a traced A/B, 2026-12-08). Not the full module's glue or the element's second
# half, which have many functions a card never calls. Other browsers read a comment.
for f in pkg/tally-board.js pkg/tallyboard.js pkg/tallyboard_first.js; do
  { echo '//# allFunctionsCalledOnLoad'; cat "$f"; } > "$f.hinted"
  mv "$f.hinted" "$f"
done
node - <<'JS'
const fs = require('fs');
const p = JSON.parse(fs.readFileSync('pkg/package.json', 'utf8'));
p.description = 'Checked election and congress-vote results: validation, seat allocation, results table and parliament chart (wasm)';
p.type = 'module';
p.main = './tallyboard.js';
p.module = './tallyboard.js';
p.types = './tallyboard.d.ts';
p.exports = {
  '.': { types: './tallyboard.d.ts', import: './tallyboard.js', default: './tallyboard.js' },
  './full': { types: './tallyboard_full.d.ts', import: './tallyboard_full.js', default: './tallyboard_full.js' },
  './tallyboard_full.js': './tallyboard_full.js',
  './element': { types: './tally-board.d.ts', import: './tally-board.js', default: './tally-board.js' },
  './tally-board.js': './tally-board.js',
  './tally-board-card.js': './tally-board-card.js',
  './tallyboard_bg.wasm': './tallyboard_bg.wasm',
  './tallyboard_first.js': './tallyboard_first.js',
  './tallyboard_first_bg.wasm': './tallyboard_first_bg.wasm',
  './intl': { types: './tallyboard_intl.d.ts', import: './tallyboard_intl.js', default: './tallyboard_intl.js' },
  './tallyboard_intl.js': './tallyboard_intl.js',
  './tallyboard_intl_bg.wasm': './tallyboard_intl_bg.wasm',
  './schema.json': './tallyboard.schema.json',
  './locales/*': './locales/*',
  './package.json': './package.json',
};
p.files = ['tallyboard_bg.wasm', 'tallyboard.js', 'tallyboard_full.js', 'tallyboard_full.d.ts', 'tallyboard_first_bg.wasm', 'tallyboard_first.js', 'tallyboard_first.d.ts', 'tallyboard_first_bg.wasm.d.ts', 'tallyboard_intl_bg.wasm', 'tallyboard_intl.js', 'tallyboard_intl.d.ts', 'tallyboard_intl_bg.wasm.d.ts', 'tallyboard.d.ts', 'tallyboard_bg.wasm.d.ts', 'tally-board.js', 'tally-board-card.js', 'tally-board.d.ts', 'tallyboard.schema.json', 'locales/', 'README.md', 'LICENSE'];
p.sideEffects = ['./tally-board.js'];
delete p.repository;
p.keywords = ['election', 'results', 'parliament', 'hemicycle', 'seat allocation', 'wasm', 'web component'];
fs.writeFileSync('pkg/package.json', JSON.stringify(p, null, 2) + '\n');
JS
