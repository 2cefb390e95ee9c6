// Short import names: wasm-bindgen names every import of the wasm after the JS
// function and a hash (`__wbg_appendChild_dbf7ad2f48413560`), and every reader
// downloads each name twice, in the wasm's import section and in the glue.
// This gives them short names (a, b, ..., ba, ...) in both files, and the
// import module the name "w". Measured 2026-12-03: 2.7 KB gzip less in all.
//
//   node scripts/short-imports.mjs pkg/tallyboard_bg.wasm pkg/tallyboard.js
//
// The wasm is rewritten in place (only the import section changes); the glue's
// import object keys and its module name follow. It refuses (exit 1) anything
// it does not understand rather than ship a module whose imports do not match.
import fs from 'node:fs';

const [wasmPath, gluePath] = process.argv.slice(2);
const wasm = fs.readFileSync(wasmPath);
let glue = fs.readFileSync(gluePath, 'utf8');
// The import module is the glue's own name: ./tallyboard_bg.js, ./tallyboard_first_bg.js.
const MODULE = './' + gluePath.split('/').pop().replace(/\.js$/, '_bg.js');
const SHORT_MODULE = 'w';

function fail(msg) { console.error(`short-imports: ${msg}`); process.exit(1); }

function leb(buf, at) {
  let n = 0n, shift = 0n, b;
  do { b = buf[at++]; n |= BigInt(b & 0x7f) << shift; shift += 7n; } while (b & 0x80);
  return [Number(n), at];
}
function uleb(n) {
  const out = [];
  do { let b = n & 0x7f; n >>>= 7; if (n) b |= 0x80; out.push(b); } while (n);
  return Buffer.from(out);
}
function name(buf, at) {
  const [len, p] = leb(buf, at);
  return [buf.subarray(p, p + len).toString('utf8'), p + len];
}
function encName(s) { const b = Buffer.from(s, 'utf8'); return Buffer.concat([uleb(b.length), b]); }
// The end of an import's description (kind byte at `at`).
function skipDesc(buf, at) {
  const kind = buf[at++];
  const limits = (p) => { const flags = buf[p++]; let q = leb(buf, p)[1]; if (flags & 1) q = leb(buf, q)[1]; return q; };
  if (kind === 0) return leb(buf, at)[1]; // function: type index
  if (kind === 1) return limits(at + 1); // table: reftype, limits
  if (kind === 2) return limits(at); // memory: limits
  if (kind === 3) return at + 2; // global: valtype, mutability
  if (kind === 4) return leb(buf, at + 1)[1]; // tag: attribute, type index
  fail(`unknown import kind ${kind}`);
}
// a, b, ..., z, A, ..., Z, ba, bb, ...: names that are valid JS property names.
function shortName(i) {
  const abc = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  let s = '';
  do { s = abc[i % abc.length] + s; i = Math.floor(i / abc.length); } while (i > 0);
  return s;
}

if (wasm.readUInt32LE(0) !== 0x6d736100) fail(`${wasmPath} is not a wasm module`);
let at = 8;
const parts = [wasm.subarray(0, 8)];
const renamed = new Map();
while (at < wasm.length) {
  const id = wasm[at];
  const [size, body] = leb(wasm, at + 1);
  const end = body + size;
  if (id !== 2) { parts.push(wasm.subarray(at, end)); at = end; continue; }
  const [count, first] = leb(wasm, body);
  let p = first;
  const items = [];
  for (let i = 0; i < count; i++) {
    let mod, field;
    [mod, p] = name(wasm, p);
    [field, p] = name(wasm, p);
    const descStart = p;
    p = skipDesc(wasm, p);
    if (mod === MODULE) {
      if (!renamed.has(field)) renamed.set(field, shortName(renamed.size));
      items.push(Buffer.concat([encName(SHORT_MODULE), encName(renamed.get(field)), wasm.subarray(descStart, p)]));
    } else {
      items.push(Buffer.concat([encName(mod), encName(field), wasm.subarray(descStart, p)]));
    }
  }
  if (p !== end) fail('the import section did not parse to its end');
  const payload = Buffer.concat([uleb(count), ...items]);
  parts.push(Buffer.from([2]), uleb(payload.length), payload);
  at = end;
}
if (!renamed.size) fail(`no imports from ${MODULE}`);

// The glue: each import is a key of the import object; the module is the key of the result.
for (const [long, short] of renamed) {
  const key = new RegExp(`(^|[\\s{,])${long}:`, 'gm');
  const hits = glue.match(key) || [];
  if (hits.length !== 1) fail(`${long}: ${hits.length} definitions in the glue`);
  glue = glue.replace(key, `$1${short}:`);
}
const moduleKey = `"${MODULE}": import0`;
if (!glue.includes(moduleKey)) fail(`the glue has no ${moduleKey}`);
glue = glue.replace(moduleKey, `"${SHORT_MODULE}": import0`);

fs.writeFileSync(wasmPath, Buffer.concat(parts));
fs.writeFileSync(gluePath, glue);
console.log(`short-imports: ${renamed.size} imports renamed`);
