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
for f in pkg/tallyboard_full.js pkg/tallyboard_bg.wasm; do checked=$((checked + $(gzip -9c "$f" | wc -c))); done
verdict=PASS; [ "$first" -le "$budget" ] || verdict="MISS by $((first - budget))"
printf 'shipped: an English card loads %d bytes gzip before its first paint (budget %d): %s; then %d for the check (%d in all)\n' \
  "$first" "$budget" "$verdict" "$checked" "$((first + checked))"
# The same card through the API (`await init(); render(…)`): tallyboard.js instead of the element.
api=0
for f in pkg/tallyboard.js pkg/tallyboard_first.js pkg/tallyboard_first_bg.wasm; do
  [ -f "$f" ] && api=$((api + $(gzip -9c "$f" | wc -c)))
done
verdict=PASS; [ "$api" -le "$budget" ] || verdict="MISS by $((api - budget))"
printf 'shipped: through the API, %d bytes gzip before its first paint (budget %d): %s\n' "$api" "$budget" "$verdict"
# A card in another language: the element, the intl module and its language's catalogue (German's here).
if [ -f pkg/tallyboard_intl_bg.wasm ]; then
  other=0
  for f in pkg/tally-board.js pkg/tallyboard_intl.js pkg/tallyboard_intl_bg.wasm pkg/locales/de.json; do other=$((other + $(gzip -9c "$f" | wc -c))); done
  printf 'shipped: a card in another language loads %d bytes gzip (the element, tallyboard_intl and locales/de.json)\n' "$other"
fi
