// <tally-board>: the results card as a custom element (shadow DOM).
//
//   <tally-board src="results.json" theme="auto" locale="ru" parts="title,badge,hemicycle,bars,table,source">
//     <!-- optional: a server-rendered SVG from `tallyboard render --svg`, shown until the card is ready -->
//   </tally-board>
//
// or with the data inline:
//
//   <tally-board><script type="application/json">{ "tallyboard": 1, ... }</script></tally-board>
//
// The wasm and the data start loading as soon as the element is in the page; the
// wasm is loaded once per page and shared by every card, and a card is drawn when
// it nears the viewport. Attributes: src, theme (light|dark|auto), locale (any BCP 47
// tag: numbers and dates as the browser's Intl writes them; the words from the
// package's catalogue of that language, locales/<tag>.json, fetched only for such a
// card), words (JSON: the page's own words over the catalogue's), parts (comma list), table ("visible" shows the HTML table, which is otherwise visually
// hidden but read by screen readers), exports ("off" hides the download buttons),
// coalition ("off" hides the coalition builder), refresh (seconds: a live card, below).
// Events: "tally-update" (detail: {report}) after each new card, the first one too;
// "tally-error" (detail: {message}) on each failure: a load that failed (network,
// HTTP status, time-out) or data that cannot be read. The older "tallyboard-ready"
// and "tallyboard-report" (detail: the validation report) and "tallyboard-error"
// (detail: {message}, when the results could not be loaded) are fired as before.
//
// A live card, <tally-board src="results.json" refresh="60">: every `refresh`
// seconds it asks for src again with a conditional request (If-None-Match /
// If-Modified-Since from the last answer, past the browser's cache), so that an
// unchanged file costs a 304 and redraws nothing. It waits while the page is
// hidden (and asks at once on coming back if a poll came due), never has two
// requests out at once (a poll that comes due while one runs is skipped), waits
// twice as long after each failure in a row (up to BACKOFF_MAX_MS), and gives up
// on a request after REQUEST_TIMEOUT_MS. A failed update keeps the last good card
// with a quiet notice (role="status") that goes away with the next good one; a
// changed leader or majority is read out through a polite live region.
//
// (Its first paint's helpers, loader, el, paint, measure and drawFirst, are in first-paint.js, which
// scripts/package.sh puts in front of this file.)
//
// This file only hosts: every word, colour, size and figure comes from the wasm
// (src/element.rs, src/sizes.rs, the layout), so that the canvas, the SVG and the
// element never disagree (tests/element_source.rs scans this file for them). It
// builds its DOM without HTML strings and styles it with one constructable
// stylesheet, so that it works under a strict Content-Security-Policy.

// Fetch retries: after RETRY_MS, then twice that, and so on.
const RETRY_MS = 1000;
const RETRY_TRIES = 3;
const REVOKE_MS = 1000;
// Live cards: a second, the shortest and the longest refresh, the longest wait
// after failures in a row (the interval doubles up to it, or up to the refresh
// when that is longer), and how long a request may take before it is a failure.
const SECOND_MS = 1000;
const REFRESH_MIN_MS = 500;
const REFRESH_MAX_MS = 86400000;
const BACKOFF_MAX_MS = 300000;
const REQUEST_TIMEOUT_MS = 15000;

// A poll's answer when src has not changed (a 304, or the same text again).
const UNCHANGED = {};

// A load of src that failed: what the notice says it could not load, and why.
class LoadFailure {
  constructor(src, status, reason) { Object.assign(this, { src, status, reason }); }
}

// The full module (validation) writes English; a card in another language, or with words of the
// page's own, is drawn by the intl module (any locale through the browser's Intl, the words of the
// catalogue fetched for it), which English readers never load.
// Their wasm compiles while their glue is imported, as the first paint's does (the glue would ask
// for it only once imported: one more round trip before the check).
const loadWasm = loader('full', () => import('./tallyboard_full.js'), new URL('./tallyboard_bg.wasm', import.meta.url));
const loadIntl = loader('intl', () => import('./tallyboard_intl.js'), new URL('./tallyboard_intl_bg.wasm', import.meta.url));

// The element's parts that only a full card uses (tally-board-card.js: tooltip, keyboard, findings,
// HTML tables, toolbars, exports), put on the element's prototype once, with the full module.
let parts = null;
function cardParts() {
  parts = parts || import('./tally-board-card.js').then((p) => {
    const Parts = p.cardParts(el, REVOKE_MS, UNCHANGED, boards, LoadFailure, styleSheet, BACKOFF_MAX_MS);
    // (Every method but the class's own constructor.)
    for (const [k, d] of Object.entries(Object.getOwnPropertyDescriptors(Parts.prototype))) {
      if (d.value !== Parts) Object.defineProperty(TallyBoard.prototype, k, d);
    }
  });
  parts.catch(() => { parts = null; });
  return parts;
}

// One stylesheet for every card of the page, written by the wasm: the first paint's module writes
// the card's rules, the full module (or the intl one) every rule (its controls' too), once.
let sheet = null;
let sheetFull = false;
function styleSheet(m) {
  sheet = sheet || new CSSStyleSheet();
  if (!sheetFull) {
    sheet.replaceSync(m.elementStyle());
    sheetFull = !m.firstPaint;
  }
  return sheet;
}

// Every connected element that has a card: after the shared wasm instance is
// replaced (recover, in tally-board-card.js), each one draws again on the fresh instance.
const boards = new Set();

class TallyBoard extends HTMLElement {
  static get observedAttributes() { return ['src', 'theme', 'locale', 'words', 'parts', 'table', 'exports', 'coalition', 'refresh']; }

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    root.append(
      el('div', { class: 'fallback' }, el('slot')),
      el('div', { class: 'notice', part: 'notice', role: 'alert', hidden: '' }),
      // A failed update over a kept card: said quietly (a status, not an alert); empty otherwise.
      el('div', { class: 'stale', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' }),
      el('div', { class: 'card', part: 'card' }),
      el('div', { class: 'tip', role: 'tooltip', hidden: '' }),
      // (The toolbars come with the first full card: tally-board-card.js, _toolbars.)
      el('div', { class: 'tables hidden-table', part: 'table' }),
      // Who leads, read out when an update changes it (visually hidden).
      el('output', { class: 'headline hidden-table', 'aria-live': 'polite', 'aria-atomic': 'true' }));
    this._card = null;
    this._data = null;
    this._coalition = new Set();
    this._visible = false;
    // Live cards: the next poll, failures in a row, requests out, a poll that came due while hidden.
    this._timer = null;
    this._failures = 0;
    this._busy = 0;
    this._due = false;
    this._headline = null;
    this._onVisibility = () => { if (!document.hidden && this._due && this._tick) this._tick(); };
  }

  connectedCallback() {
    if (this._started) return;
    this._started = true;
    // A CLI-rendered SVG inside (`tallyboard render FILE --svg OUT --embed`): shown at once, with
    // the CLI's verdict, until the full module's card replaces it, laid out as it was (no shift).
    this._svg = this.querySelector(':scope > svg');
    if (this._svg) this.shadowRoot.querySelector('.card').classList.add('svg-first');
    // That SVG is painted first: the loads start after its frame (begun before it, the module's
    // work held that frame back, 76 -> 62 ms from navigation, medians of 11 loads, 2026-12-07).
    // (`connected`: a card taken out of the page and put back before then starts once.)
    const connected = (this._connected = (this._connected || 0) + 1);
    if (this._svg) afterFrame().then(() => this._started && connected === this._connected && this._load());
    else this._load();
  }

  // The wasm and the data at once: neither waits for the other.
  _load() {
    this._pending = this._source();
    // An English card starts with the first paint's module (the full one follows it); a card in
    // another language with the full module, which has every locale's words.
    const full = this._full();
    (this._english() && !this._svg ? loadFirst().catch(() => full()) : Promise.all([full(), cardParts()]).then(([m]) => m)).then((m) => this._start(m), (err) => this._unavailable(err));
  }

  // The loader of the module that draws this card: the full one for English, the intl one otherwise.
  _full() { return this._english() ? loadWasm : loadIntl; }

  // Whether the first paint's module can word this card (it has the English words only, none of the page's).
  _english() {
    const locale = this._locale();
    return (!locale || /^en([-_]|$)/i.test(locale)) && !this.hasAttribute('words');
  }

  // The first paint: the card drawn by the first paint's module, before the full one is loaded.
  // It declines (throws) what it would not draw as the full module will; the full module draws that.
  async _paintFirst(data) {
    if (this._firstTried || this._card || this._svg || data instanceof LoadFailure || !this._english()) return;
    this._firstTried = true;
    let f;
    try {
      f = await loadFirst();
    } catch (err) {
      return;
    }
    if (this._card || !this.isConnected) return;
    try {
      const box = this.shadowRoot.querySelector('.card');
      const canvas = drawFirst(f, data, this._options(), box);
      if (!canvas) return;
      box.append(canvas);
      // The toolbar rows the full card brings (data-tools, less those the page turns off), kept
      // under this one until they come: nothing below moves then.
      box.style.setProperty('--_tools', canvas.dataset.tools.split(' ').filter((t) => this.getAttribute(t) != 'off').length);
      this._firstCard = canvas;
      this._loaded();
      this.shadowRoot.querySelector('.fallback').hidden = true;
    } catch (err) {
      // A trap leaves that instance unusable: a fresh one for the next card.
      this._firstCard = null;
      f.__wbg_reset_state();
    }
  }

  // The first paint's card goes when the full module's card is drawn, in the same task (no frame between).
  _dropFirst() {
    if (!this._firstCard) return;
    this._firstCard.remove();
    this._firstCard = null;
  }

  // Draw when the card nears the viewport (how near: the wasm's settings).
  async _start(m) {
    this._module = m;
    this.shadowRoot.adoptedStyleSheets = [styleSheet(m)];
    // (The catalogue of a card in another language: tally-board-card.js, loaded with that card's module.)
    if (!m.firstPaint) {
      await cardParts();
      await this._loadWords(m);
    }
    this._loading(m);
    // (The full module is asked for in _show: after the first paint's frame, or at once for a card
    // the first paint's module leaves to it.)
    if (!('IntersectionObserver' in window)) return this._reveal();
    // Already on screen: now, not a frame later (when the observer would first call back).
    const box = this.getBoundingClientRect();
    if (box.bottom > 0 && box.top < window.innerHeight) return this._reveal();
    this._observer = new IntersectionObserver((entries) => {
      if (!entries.some((e) => e.isIntersecting)) return;
      this._observer.disconnect();
      this._reveal();
    }, { rootMargin: m.elementSettings().drawAhead });
    this._observer.observe(this);
  }

  // The newest data asked for (src may change while an older fetch runs).
  async _reveal() {
    let pending, data;
    do {
      pending = this._pending;
      data = await pending;
    } while (pending !== this._pending);
    this._visible = true;
    await this._show(data);
    if (this._schedule) this._schedule();
  }

  // The first load: the card box says so until the first card is drawn.
  _loading(m) {
    if (this._card || this._loadingBox || this._svg) return;
    this._loadingBox = el('div', { role: 'status', dir: 'auto' }, m.loadingText(this._lang()));
    this.shadowRoot.querySelector('.card').append(this._loadingBox);
  }

  _loaded() {
    if (this._loadingBox) this._loadingBox.remove();
    this._loadingBox = null;
  }

  // The wasm could not be loaded: the browser's own message, in the card's place.
  _unavailable(err) {
    this._started = false;
    const notice = this.shadowRoot.querySelector('.notice');
    notice.textContent = String(err && err.message || err);
    notice.hidden = false;
    this.dispatchEvent(new CustomEvent('tallyboard-error', { detail: { message: notice.textContent } }));
  }

  disconnectedCallback() {
    if (this._observer) { this._observer.disconnect(); this._observer = null; }
    this._started = false;
    boards.delete(this);
    if (this._card) { this._guard(() => this._card.destroy()); this._card = null; }
    this._dropFirst();
    this._firstTried = false;
    if (this._onKey) { document.removeEventListener('keydown', this._onKey); this._onKey = null; }
    // No more polling (none before the card's parts are in); a request still out is dropped.
    if (this._schedule) this._schedule();
    if (this._ticket) this._ticket.stop.abort();
    this._ticket = null;
    this._headline = null;
    this._loaded();
  }

  attributeChangedCallback(name, old, value) {
    if (old === value || !this._started) return;
    if (name === 'src') {
      this._pending = this._source();
      if (this._visible) this._reveal();
      return;
    }
    if (name === 'refresh') {
      // A new interval from now (none: polling stops).
      if (this._visible && this._schedule) this._schedule();
      return;
    }
    if (this._visible && this._card) this._restyle(name);
  }

  /** The data: set it from script (an object or JSON text), like the src attribute. */
  set data(value) {
    this._data = value;
    this._pending = Promise.resolve(value);
    // Data from script is not polled for.
    if (this._schedule) this._schedule();
    if (this._visible) this._show(value);
  }
  get data() { return this._data; }
  /** The validation report of the current data. */
  get report() { return this._card ? this._card.report() : null; }
  /** The card handle of the wasm API (render / update / report / destroy). */
  get card() { return this._card; }

  _locale() { return this.getAttribute('locale') || document.documentElement.lang || ''; }

  // The locale and the words the wasm is given: the catalogue, then the page's own words over it.
  _lang() {
    const words = [this._catalogue, this.getAttribute('words')].filter((w) => w);
    return { locale: this._locale(), words };
  }

  // The words of the element's controls in the card's locale (from the wasm).
  _words() {
    if (!this._controls) this._controls = this._module.elementControls(this._lang());
    return this._controls;
  }

  _options() {
    const parts = this.getAttribute('parts');
    // The canvas follows the page's CSS custom properties, like the HTML parts do.
    const css = getComputedStyle(this);
    const colors = {};
    for (const name of this._module.elementSettings().colorNames) {
      const v = css.getPropertyValue(`--tallyboard-card-${name}`).trim();
      if (v) colors[name] = v;
    }
    const font = css.getPropertyValue('--tallyboard-font').trim();
    // In place of a CLI SVG: its width (where it fits) and the CLI's text layout, so the same box.
    const svgWidth = this._svg ? Number(this._svg.getAttribute('width')) : 0;
    const fits = svgWidth > 0 && svgWidth <= this.clientWidth;
    return {
      ...(this._svg ? { estimate: true } : {}),
      ...(fits ? { width: svgWidth } : {}),
      ...(this.hasAttribute('theme') ? { theme: this.getAttribute('theme') } : {}),
      ...this._lang(),
      ...(parts ? { parts } : {}),
      ...(Object.keys(colors).length ? { colors } : {}),
      ...(font ? { font } : {}),
    };
  }

  // The data: set from script, from src, or inline. A promise of JSON text, or
  // of a LoadFailure when src could not be loaded.
  async _source() {
    if (this._data != null) return this._data;
    const src = this.getAttribute('src');
    if (src) return this._fetch(src);
    const inline = this.querySelector('script[type="application/json"]');
    return inline ? inline.textContent : null;
  }

  // Only the newest request for this card wins: a new ticket drops (aborts) the one before.
  _newTicket() {
    if (this._ticket) this._ticket.stop.abort();
    this._ticket = { stop: new AbortController() };
    return this._ticket;
  }

  // The first load: fetch with retries (backing off).
  async _fetch(src) {
    const ticket = this._newTicket();
    this._busy++;
    try {
      let failed = null;
      for (let attempt = 0; attempt <= RETRY_TRIES; attempt++) {
        if (attempt) await new Promise((r) => setTimeout(r, RETRY_MS << (attempt - 1)));
        if (ticket !== this._ticket) return null;
        const got = await this._request(src, ticket, false);
        if (ticket !== this._ticket) return null;
        if (!(got instanceof LoadFailure)) return got;
        failed = got;
      }
      return failed;
    } finally {
      this._busy--;
    }
  }

  // One request for src: its text, UNCHANGED (a poll's 304), or a LoadFailure (an
  // HTTP status, or the network's own message: no answer, a time-out). The body
  // of an answer that is not ok is never read: an HTTP error is said as one.
  async _request(src, ticket, conditional) {
    const headers = {};
    const last = this._validators;
    if (conditional && last && last.src === src) {
      if (last.etag) headers['if-none-match'] = last.etag;
      if (last.modified) headers['if-modified-since'] = last.modified;
    }
    // Given up after REQUEST_TIMEOUT_MS, or when a newer request takes the ticket.
    const signals = [ticket.stop.signal];
    if (AbortSignal.timeout) signals.push(AbortSignal.timeout(REQUEST_TIMEOUT_MS));
    const signal = AbortSignal.any ? AbortSignal.any(signals) : signals[signals.length - 1];
    // A live card asks past the browser's cache: the server says whether src changed.
    const live = this._interval() ? { cache: 'no-store' } : {};
    try {
      const res = await fetch(src, { headers, signal, ...live });
      if (!res.ok && conditional && this._same(res, last, src)) return UNCHANGED;
      if (!res.ok) return new LoadFailure(src, res.status, res.statusText);
      const text = await res.text();
      if (ticket === this._ticket) {
        this._validators = { src, etag: res.headers.get('etag'), modified: res.headers.get('last-modified') };
      }
      return text;
    } catch (err) {
      return new LoadFailure(src, 0, String(err && err.message || err));
    }
  }

  // Live cards: the interval the refresh attribute asks for (seconds), 0 for none.
  _interval() {
    if (!this.hasAttribute('refresh')) return 0;
    const seconds = Number(this.getAttribute('refresh'));
    if (!Number.isFinite(seconds) || seconds <= 0) return 0;
    const ms = seconds * SECOND_MS;
    if (ms < REFRESH_MIN_MS) return REFRESH_MIN_MS;
    return ms > REFRESH_MAX_MS ? REFRESH_MAX_MS : ms;
  }

  async _show(data, animate) {
    if (data == null) return;
    await this._paintFirst(data);
    // The first paint's frame comes before the full module and the card's parts are asked for: all
    // that an English reader loads before the first paint is what it needs (asked for while it was
    // drawn, the full module's glue and the card's parts came in before that frame too, on loopback:
    // 79,225 B loaded when 67,767 B were needed, bench/first.mjs 2026-12-07).
    if (this._firstCard) await afterFrame();
    let m;
    try {
      // (The element's parts for a full card come with it: after the first paint.)
      [m] = await Promise.all([this._full()(), cardParts()]);
    } catch (err) {
      // Say so in the element instead of staying silently empty; a later update retries.
      if (!this._card) this._unavailable(err);
      return;
    }
    return this._showFull(m, data, animate);
  }

  /** The card as a file: 'png' (2x), 'svg', 'csv' or 'wikitext'. Returns the Blob (null if the wasm stopped). */
  // The card as a file: png, svg, csv or wikitext (a Blob), and its download (from the card's parts).
  async export(kind) {
    await cardParts();
    return this._export(kind);
  }

  async download(kind) {
    await cardParts();
    return this._download(kind);
  }
}

if (!customElements.get('tally-board')) customElements.define('tally-board', TallyBoard);
export { TallyBoard };
