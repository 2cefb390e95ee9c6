#!/usr/bin/env bash
# Print the shipped size of the package (raw and gzip -9) against the 50 KB budget.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d pkg ] || { echo "no pkg/: run make pkg"; exit 0; }
raw=0; gz=0
for f in pkg/*.wasm pkg/*.js; do
  r=$(wc -c < "$f"); g=$(gzip -9c "$f" | wc -c)
  printf '  %-32s %8d bytes raw %8d bytes gzip\n' "$f" "$r" "$g"
  raw=$((raw + r)); gz=$((gz + g))
done
budget=$((50 * 1024))
verdict=PASS; [ "$gz" -le "$budget" ] || verdict=MISS
printf 'shipped: %d bytes raw, %d bytes gzip (budget %d): %s\n' "$raw" "$gz" "$budget" "$verdict"
