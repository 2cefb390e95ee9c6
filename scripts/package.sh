#!/usr/bin/env bash
# Complete the npm package where wasm-pack stops: the <tally-board> element,
# the JSON Schema, an `exports` map, and the package README.
set -euo pipefail
cd "$(dirname "$0")/.."
cp js/tally-board.js js/tally-board.d.ts pkg/
cp schema/tallyboard.schema.json pkg/
cp js/README.md pkg/README.md
cp LICENSE pkg/LICENSE
# Every reader of every article downloads these: minified (terser, tools/), the
# readable sources are js/tally-board.js and wasm-bindgen's glue. Saves ~4.4 KB gzipped.
for f in pkg/tallyboard.js pkg/tally-board.js; do
  tools/node_modules/.bin/terser "$f" --module --compress passes=2 --mangle --comments false -o "$f.min"
  mv "$f.min" "$f"
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
  './element': { types: './tally-board.d.ts', import: './tally-board.js', default: './tally-board.js' },
  './tally-board.js': './tally-board.js',
  './tallyboard_bg.wasm': './tallyboard_bg.wasm',
  './schema.json': './tallyboard.schema.json',
  './package.json': './package.json',
};
p.files = ['tallyboard_bg.wasm', 'tallyboard.js', 'tallyboard.d.ts', 'tallyboard_bg.wasm.d.ts', 'tally-board.js', 'tally-board.d.ts', 'tallyboard.schema.json', 'README.md', 'LICENSE'];
p.sideEffects = ['./tally-board.js'];
delete p.repository;
p.keywords = ['election', 'results', 'parliament', 'hemicycle', 'seat allocation', 'wasm', 'web component'];
fs.writeFileSync('pkg/package.json', JSON.stringify(p, null, 2) + '\n');
JS
