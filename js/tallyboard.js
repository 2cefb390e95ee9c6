// The API: `await init(); const card = render(element, data, options);`
//
// init() loads the first paint's module (tallyboard_first.js: it reads, lays out and draws an
// English election or vote card, and checks nothing); render() draws the card with it at once,
// its badge saying "Checking the numbers…", and returns. The full module (tallyboard_full.js:
// validation, every kind of card, the exports) loads right after the first paint and replaces that
// card with the checked one, in the same task: `card.checked` resolves with its report then. A card
// the first paint's module leaves to the full module (another kind, a replay of the rules, data it
// cannot read, a locale) is drawn when that is loaded. Before then the card takes every call: what
// it is asked to do is done on the checked card, what it is asked returns "nothing yet" (report()
// null, hitAt() null, tables() []).
//
// validate(), toSvg(), toCsv(), toWikitext(), exportCanvas() and catalogueOf() are the full
// module's: call them after `await ready()` (it resolves when the full module is loaded; before
// then they throw). `import … from 'tallyboard/full'` is the full module alone, as the API was
// before: its init() loads all of it and render() validates before it returns.
//
// (The first paint's helpers, loader, el, paint, measure, drawFirst, afterFrame and loadFirst, are in
// first-paint.js, which scripts/package.sh puts in front of this file.)

let first = null;
let full = null;
let fullInput;
// The full module (shared with a <tally-board> element of the page, if any), and kept here once loaded.
// Its wasm compiles while its glue is imported (unless init() was told where it is).
function loadFull() {
  return loader('full', () => import('./tallyboard_full.js'), fullInput || new URL('./tallyboard_bg.wasm', import.meta.url))().then((m) => (full = m));
}

// `input`: where the full module's wasm is (as wasm-bindgen's init takes it), when not beside this file.
export default async function init(input) {
  // (`{module_or_path}` or the input itself, as the glue's init takes it.)
  if (input !== undefined) fullInput = input && Object.getPrototypeOf(input) === Object.prototype ? input.module_or_path : input;
  if (!full && !first) first = await loadFirst().catch(() => null);
  // The full module after the frame that shows the cards drawn now: validation right after the first paint.
  afterFrame().then(loadFull).catch(() => {});
}

// The full module's wasm exports (`memory`…) once it is loaded: validate() and the exports work then.
export function ready() {
  // (The glue's init gives a loaded module's exports.)
  return loadFull().then((m) => m.default());
}

export function render(element, data, options) {
  return new Card(element, data, options);
}

// The full module's functions, once it is loaded.
const later = (name) => (...args) => {
  if (!full) throw new Error(`tallyboard: ${name}() is in the full module: await ready() first`);
  return full[name](...args);
};
export const validate = later('validate');
export const toSvg = later('toSvg');
export const toCsv = later('toCsv');
export const toWikitext = later('toWikitext');
export const exportCanvas = later('exportCanvas');
export const catalogueOf = later('catalogueOf');

// A card: the first paint's until the full module's card (`_inner`) replaces it.
class Card {
  constructor(element, data, options) {
    this._element = element;
    this._data = data;
    this._options = options;
    this._calls = [];
    if (full) {
      this._inner = full.render(element, data, options);
    } else if (first) {
      try {
        this._first = drawFirst(first, data, options, element);
      } catch (err) {
        // A trap leaves that instance unusable: a fresh one for the next card.
        first.__wbg_reset_state();
      }
      // A card the first paint's module leaves to the full one (another kind, data it cannot read):
      // "Loading results…" in its place until then, as the element says, not an empty box.
      this._shown = this._first || el('div', { role: 'status', dir: 'auto' }, first.loadingText(options || {}));
      element.append(this._shown);
    }
    this.checked = (full ? Promise.resolve() : afterFrame()).then(loadFull).then(() => this._swap());
  }

  // The checked card in place of the first paint's, in one task (no frame between), and every call
  // made to the card until then; its report.
  _swap() {
    if (!this._inner && !this._gone) {
      try {
        this._inner = full.render(this._element, this._data, this._options);
      } finally {
        this._drop();
      }
      for (const [name, args] of this._calls) this._inner[name](...args);
      this._calls = [];
    }
    return this._inner ? this._inner.report() : null;
  }

  _drop() {
    if (this._shown) this._shown.remove();
    this._shown = this._first = null;
  }

  destroy() {
    if (this._inner) return this._inner.destroy();
    this._gone = true;
    this._drop();
  }

  free() {
    if (this._inner) return this._inner.free();
    this._gone = true;
  }
}
// (`using card = render(…)`, as the checked card's class has it, where the browser knows it.)
if (Symbol.dispose) Card.prototype[Symbol.dispose] = function () { this.free(); };

// What the card is asked to do: done now on the checked card, or on it once it is there.
for (const name of ['update', 'setOptions', 'setPage', 'highlight', 'setCoalition', 'click', 'toggleFindings']) {
  Card.prototype[name] = function (...args) {
    if (this._inner) return this._inner[name](...args);
    this._calls.push([name, args]);
  };
}
// What the card is asked: the checked card's answer, or "nothing yet" until it is there.
const none = () => null;
const nothing = () => [];
const empty = () => '';
for (const [name, before] of Object.entries({
  report: none, hitAt: none, coalitionButtons: none, findings: nothing, tables: nothing, partyLines: nothing,
  headline: empty, pageStatus: empty, coalitionText: empty, notUpdated: empty,
  seatCentres: () => new Float64Array(0),
  tipPlace: (x, y) => new Float64Array([x, y]),
  page: () => 0,
  pages: () => 1,
  summary() { return this._first ? this._first.getAttribute('aria-label') : ''; },
  width() { return this._first ? parseFloat(this._first.style.width) : 0; },
})) {
  Card.prototype[name] = function (...args) {
    return this._inner ? this._inner[name](...args) : before.apply(this, args);
  };
}
