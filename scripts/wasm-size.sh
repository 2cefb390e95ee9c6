#!/usr/bin/env bash
# Quick size check without wasm-pack: cargo build, wasm-bindgen, wasm-opt -Oz.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
cargo build -q --target wasm32-unknown-unknown --release
d=$(mktemp -d)
wasm-bindgen --target web --out-dir "$d" target/wasm32-unknown-unknown/release/tallyboard.wasm
wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-reference-types --enable-multivalue --enable-mutable-globals "$d/tallyboard_bg.wasm" -o "$d/opt.wasm"
wasm-opt -Oz -g --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-reference-types --enable-multivalue --enable-mutable-globals "$d/tallyboard_bg.wasm" -o "$d/named.wasm"
echo "wasm: $(wc -c < "$d/opt.wasm") raw, $(gzip -9c "$d/opt.wasm" | wc -c) gzip; js: $(gzip -9c "$d/tallyboard.js" | wc -c) gzip; named build: $d/named.wasm"
