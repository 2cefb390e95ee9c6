#!/usr/bin/env bash
# Print the shipped size of the package (raw and gzip -9), and what an English card loads before
# its first paint (the element, the first paint's glue and wasm) against the 50 KB budget.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d pkg ] || { echo "no pkg/: run make pkg"; exit 0; }
raw=0; gz=0
for f in pkg/*.wasm pkg/*.js; do
  r=$(wc -c < "$f"); g=$(gzip -9c "$f" | wc -c)
  printf '  %-32s %8d bytes raw %8d bytes gzip\n' "$f" "$r" "$g"
  raw=$((raw + r)); gz=$((gz + g))
done
printf 'package: %d bytes raw, %d bytes gzip\n' "$raw" "$gz"
budget=$((50 * 1024))
first=0; checked=0
for f in pkg/tally-board.js pkg/tallyboard_first.js pkg/tallyboard_first_bg.wasm; do
  [ -f "$f" ] && first=$((first + $(gzip -9c "$f" | wc -c)))
done
for f in pkg/tallyboard.js pkg/tallyboard_bg.wasm; do checked=$((checked + $(gzip -9c "$f" | wc -c))); done
verdict=PASS; [ "$first" -le "$budget" ] || verdict="MISS by $((first - budget))"
printf 'shipped: an English card loads %d bytes gzip before its first paint (budget %d): %s; then %d for the check\n' \
  "$first" "$budget" "$verdict" "$checked"
