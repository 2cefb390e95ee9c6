// The first paint, shared by the <tally-board> element (tally-board.js) and the API (tallyboard.js):
// scripts/package.sh puts this file in front of each of them (one scope, then minified), so that
// neither page loads it as a module of its own (one more request before the first paint).

// A module loaded once per page and shared by every card, and by the element and the API alike
// (one registry for the page, whichever asks first: one fetch and one instance of each module):
// its glue (`load`: an import() with a literal name, which bundlers follow), then its wasm. `wasm`,
// the wasm's URL if given: compiled at once, beside the glue's import (init then only instantiates
// it); anything else is given to the glue's init as it is (undefined: the glue finds its wasm). A
// failed load (network, wrong MIME type) is not kept: the next card tries again. (Keyed by where
// this copy of the package is: another copy on the page, perhaps another version, has its own.)
const loads = (globalThis[Symbol.for('tallyboard')] ||= new Map());
function loader(name, load, wasm) {
  name = new URL(name, import.meta.url).href;
  return () => {
    if (!loads.has(name)) {
      // (A wasm that cannot be compiled here, say served with the wrong MIME type: the glue fetches it itself.)
      const compiled = wasm instanceof URL && WebAssembly.compileStreaming(fetch(wasm)).catch(() => undefined);
      const loading = load().then(async (m) => {
        await m.default(compiled ? { module_or_path: (await compiled) || wasm } : wasm && { module_or_path: wasm });
        return m;
      });
      loads.set(name, loading);
      loading.catch(() => loads.delete(name));
    }
    return loads.get(name);
  };
}

// The first paint's module (the crate without validation, other kinds or locales, see the
// Makefile): an English card is drawn by it first, saying "Checking the numbers…", and replaced
// by the full module's card, with its verdict, as soon as that is loaded (right after). Its wasm
// compiles while its glue is imported (the first paint waited ~20 ms on each, one after the other,
// measured 2026-12-07).
const loadFirst = loader('first', () => import('./tallyboard_first.js'), new URL('./tallyboard_first_bg.wasm', import.meta.url));

// An element with attributes and children (no HTML strings: Trusted Types).
function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
  e.append(...children);
  return e;
}

// Replays a card's display list on a 2D context: the wasm laid the card out and drew it
// (src/backend/list.rs: each call is its code, then its arguments; texts, colours and fonts
// are indices into `strings`), so the canvas shows exactly the card the SVG shows.
function paint(c, ops, strings) {
  let i = 0;
  const n = () => ops[i++];
  const s = () => strings[ops[i++]];
  const calls = [
    () => { c.fillStyle = s(); },
    () => { c.strokeStyle = s(); c.lineWidth = n(); },
    () => { c.font = s(); },
    () => { c.textAlign = s(); c.textBaseline = s(); },
    () => c.fillRect(n(), n(), n(), n()),
    () => c.strokeRect(n(), n(), n(), n()),
    () => c.beginPath(),
    () => c.moveTo(n(), n()),
    () => c.lineTo(n(), n()),
    () => c.arc(n(), n(), n(), n(), n()),
    () => c.fill(),
    () => c.stroke(),
    // (The text at the font's size times k: src/backend/list.rs, Op::Text.)
    () => {
      const t = s(), x = n(), y = n(), k = n();
      c.setTransform(k, 0, 0, k, x, y);
      c.fillText(t, 0, 0);
      c.resetTransform();
    },
  ];
  while (i < ops.length) calls[n()]();
}

// The width of a text in a CSS font, as the page's canvas measures it (one detached canvas for
// every card: a font resolved once serves them all). Each text is measured once a card (`widths`,
// emptied for each first paint: a web font that arrives later gives the next card its own widths).
let measurer = null;
let measuring = '';
const widths = new Map();
function measure(font, text) {
  let known = widths.get(font);
  if (!known) widths.set(font, (known = new Map()));
  let w = known.get(text);
  if (w === undefined) {
    measurer = measurer || document.createElement('canvas').getContext('2d');
    if (measuring !== font) measurer.font = measuring = font;
    known.set(text, (w = measurer.measureText(text).width));
  }
  return w;
}

// The first paint's card on a new canvas in `box` (its container): read, laid out and drawn into a
// display list by the first paint's module `f`, painted here on a canvas of its size and with its
// attributes; null for a card it leaves to the full module. The texts below the screen (`later`: the
// wasm knows where the screen ends from how much of the box it shows) are painted after the frame.
// A trap throws (the caller starts a fresh instance of `f`).
function drawFirst(f, data, options, box) {
  widths.clear();
  const first = f.firstPaint(data, options, box.clientWidth, window.devicePixelRatio || 1, measure, innerHeight - box.getBoundingClientRect().top);
  if (!first) return null;
  const canvas = el('canvas', Object.fromEntries(first.marks));
  canvas.width = first.width;
  canvas.height = first.height;
  for (const [name, value] of first.style) canvas.style.setProperty(name, value);
  canvas.textContent = canvas.getAttribute('aria-label');
  const c = canvas.getContext('2d');
  paint(c, first.ops, first.strings);
  if (first.later.length) afterFrame().then(() => paint(c, first.later, first.strings));
  return canvas;
}

// After the next frame (the first paint is on screen): what comes then does not hold it back.
function afterFrame() {
  return new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
}
