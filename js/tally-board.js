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
// The wasm is loaded only when the element nears the viewport (IntersectionObserver),
// once per page, and shared by every card. Attributes: src, theme (light|dark|auto),
// locale (en|ru|kk), parts (comma list), table ("visible" shows the HTML table, which
// is otherwise visually hidden but read by screen readers), exports ("off" hides the
// download buttons), coalition ("off" hides the coalition builder).
// Events: "tallyboard-ready" and "tallyboard-report" (detail: the validation report).

let wasm = null;
function loadWasm() {
  if (!wasm) {
    wasm = import('./tallyboard.js').then(async (m) => {
      await m.default();
      return m;
    });
    // A failed load (network, wrong MIME type) is not kept: the next card tries again.
    wasm.catch(() => { wasm = null; });
  }
  return wasm;
}

const WORDS = {
  en: { coalition: 'Build a coalition', seats: 'seats', of: 'of', majority: 'majority', download: 'Download',
        table: 'Results table', reached: 'has a majority', short: 'short of a majority', votes: 'votes', clear: 'Clear',
        rows: 'Table rows', prev: 'Previous rows', next: 'Next rows', page: 'Page' },
  ru: { coalition: 'Собрать коалицию', seats: 'мест', of: 'из', majority: 'большинство', download: 'Скачать',
        table: 'Таблица результатов', reached: 'большинство есть', short: 'до большинства не хватает', votes: 'голосов', clear: 'Сбросить',
        rows: 'Строки таблицы', prev: 'Предыдущие строки', next: 'Следующие строки', page: 'Страница' },
  kk: { coalition: 'Коалиция құру', seats: 'орын', of: '/', majority: 'көпшілік', download: 'Жүктеп алу',
        table: 'Нәтижелер кестесі', reached: 'көпшілік бар', short: 'көпшілікке жетпейді', votes: 'дауыс', clear: 'Тазалау',
        rows: 'Кесте жолдары', prev: 'Алдыңғы жолдар', next: 'Келесі жолдар', page: 'Бет' },
};
const words = (locale) => WORDS[(locale || 'en').slice(0, 2).toLowerCase()] || WORDS.en;
const langOf = (locale) => (WORDS[(locale || 'en').slice(0, 2).toLowerCase()] ? (locale || 'en').slice(0, 2).toLowerCase() : 'en');

// Accessible names of the buttons (the visible text comes first in each, WCAG 2.5.3).
function seatsWord(lang, n) {
  if (lang === 'ru') {
    const d = n % 10, h = n % 100;
    return d === 1 && h !== 11 ? 'место' : d >= 2 && d <= 4 && (h < 12 || h > 14) ? 'места' : 'мест';
  }
  return lang === 'kk' ? 'орын' : n === 1 ? 'seat' : 'seats';
}
function addName(lang, party, n) {
  if (lang === 'ru') return `${party} (${n} ${seatsWord(lang, n)}): добавить в коалицию`;
  if (lang === 'kk') return `${party} (${n} ${seatsWord(lang, n)}): коалицияға қосу`;
  return `${party} (${n} ${seatsWord(lang, n)}): add to the coalition`;
}

const STYLE = `
/* The theme's colours (the canvas card's, see src/theme.rs), so that the element reads on any page;
   every one can be set from the page with a --tallyboard-* custom property. */
:host { display: block; position: relative; font-family: var(--tallyboard-font, system-ui, 'Segoe UI', Roboto, 'Noto Sans', 'DejaVu Sans', Arial, sans-serif);
  --_text: #1a1a1a; --_background: #ffffff; --_focus: #0b57d0; --_button: #ffffff; --_button-text: #1a1a1a; --_border: #767676;
  --_pressed: #1a1a1a; --_pressed-text: #ffffff; --_rule: #d0d0d0;
  color: var(--tallyboard-text, var(--_text)); background: var(--tallyboard-background, var(--_background)); }
:host([theme="dark"]) { --_text: #eeeeee; --_background: #16181c; --_focus: #8ab4f8; --_button: #202328; --_button-text: #eeeeee;
  --_border: #8a8f98; --_pressed: #eeeeee; --_pressed-text: #16181c; --_rule: #444850; }
@media (prefers-color-scheme: dark) {
  :host([theme="auto"]) { --_text: #eeeeee; --_background: #16181c; --_focus: #8ab4f8; --_button: #202328; --_button-text: #eeeeee;
    --_border: #8a8f98; --_pressed: #eeeeee; --_pressed-text: #16181c; --_rule: #444850; }
}
.card { position: relative; min-height: 40px; }
.card canvas { display: block; max-width: 100%; }
/* Focus rings: 3 px, at least 3:1 against the theme's background (a11y test). */
.card canvas:focus-visible, button:focus-visible { outline: 3px solid var(--tallyboard-focus, var(--_focus)); outline-offset: 2px; }
.card canvas:focus-visible { outline-offset: -3px; }
.tip { position: absolute; pointer-events: none; background: var(--tallyboard-tip-background, #1a1a1a); color: var(--tallyboard-tip-text, #ffffff);
  font-size: 13px; line-height: 1.35; padding: 6px 8px; border-radius: 4px; max-width: 260px; z-index: 2; white-space: normal; }
.tip[hidden] { display: none; }
.tools { display: flex; flex-wrap: wrap; gap: var(--tallyboard-gap, 8px); align-items: center; margin: var(--tallyboard-gap, 8px) 0; padding: 0 var(--tallyboard-padding, 12px); font-size: 14px; }
.tools[hidden] { display: none; }
/* The card's own side margin: 12 px below 420 px wide, 20 px from there (src/layout.rs). */
:host { container-type: inline-size; }
@container (min-width: 420px) { .tools { padding: 0 var(--tallyboard-padding, 20px); } }
button { font: inherit; font-size: 13px; padding: 4px 10px; border-radius: 4px; cursor: pointer;
  border: 1px solid var(--tallyboard-border, var(--_border)); background: var(--tallyboard-button, var(--_button)); color: var(--tallyboard-button-text, var(--_button-text)); }
/* Pressed: inverted colours and a tick, so the state does not rest on colour alone. */
button[aria-pressed="true"] { background: var(--tallyboard-pressed, var(--_pressed)); color: var(--tallyboard-pressed-text, var(--_pressed-text));
  border-color: var(--tallyboard-pressed, var(--_pressed)); }
button[aria-disabled="true"] { opacity: 0.55; cursor: default; }
button[aria-pressed="true"]::after { content: "✓" / ""; margin-left: 6px; }
.buttons { display: contents; }
.swatch { display: inline-block; width: 10px; height: 10px; margin-right: 6px; border-radius: 2px; vertical-align: baseline; box-shadow: 0 0 0 1px var(--_background); }
.sum { font-weight: bold; }
table { border-collapse: collapse; font-size: 14px; margin: 8px 0; }
caption { text-align: left; font-weight: bold; padding: 4px 0; }
th, td { padding: 3px 8px; text-align: right; border-bottom: 1px solid var(--tallyboard-rule, var(--_rule)); }
th:first-child, td:first-child { text-align: left; }
.hidden-table { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; }
.fallback[hidden] { display: none; }
`;

class TallyBoard extends HTMLElement {
  static get observedAttributes() { return ['src', 'theme', 'locale', 'parts', 'table', 'exports', 'coalition']; }

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    root.innerHTML = `<style>${STYLE}</style>
      <div class="fallback"><slot></slot></div>
      <div class="card" part="card"></div>
      <div class="tip" role="tooltip" hidden></div>
      <div class="tools pager" part="pager" role="group" aria-labelledby="pager-label" hidden>
        <span id="pager-label"></span><button type="button" data-step="-1"></button><button type="button" data-step="1"></button>
        <output role="status" aria-live="polite" aria-atomic="true"></output>
      </div>
      <div class="tools coalition" part="coalition" role="group" aria-labelledby="coalition-label" hidden>
        <span id="coalition-label"></span><span class="buttons"></span>
        <output class="sum" role="status" aria-live="polite" aria-atomic="true"></output>
      </div>
      <div class="tools exports" part="exports" role="group" aria-labelledby="exports-label" hidden>
        <span id="exports-label"></span><span class="buttons"></span>
      </div>
      <div class="tables hidden-table" part="table"></div>`;
    this._card = null;
    this._data = null;
    this._coalition = new Set();
    this._visible = false;
    this._page = 0;
    // Long tables: 60 rows a page on the canvas (every row is in the HTML table
    // and the CSV). A page turn redraws the card without reading the data again.
    for (const b of root.querySelectorAll('.pager button')) {
      b.addEventListener('click', () => {
        if (!this._card || b.getAttribute('aria-disabled') === 'true') return;
        this._page += +b.dataset.step;
        this._card.setPage(this._page);
        this._pagerTools();
      });
    }
  }

  connectedCallback() {
    if (this._observer) return;
    if ('IntersectionObserver' in window) {
      this._observer = new IntersectionObserver((entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          this._observer.disconnect();
          this._visible = true;
          this._load();
        }
      }, { rootMargin: '400px' });
      this._observer.observe(this);
    } else {
      this._visible = true;
      this._load();
    }
  }

  disconnectedCallback() {
    if (this._observer) { this._observer.disconnect(); this._observer = null; }
    if (this._card) { this._card.destroy(); this._card = null; }
    if (this._onKey) { document.removeEventListener('keydown', this._onKey); this._onKey = null; }
  }

  attributeChangedCallback(name, old, value) {
    if (old === value || !this._visible) return;
    if (name === 'src') this._load();
    else if (this._card) { this._card.setOptions(this._options()); this._afterDraw(); }
  }

  /** The data: set it from script (an object or JSON text), like the src attribute. */
  set data(value) { this._data = value; if (this._visible) this._show(value); }
  get data() { return this._data; }
  /** The validation report of the current data. */
  get report() { return this._card ? this._card.report() : null; }
  /** The card handle of the wasm API (render / update / report / destroy). */
  get card() { return this._card; }

  _options() {
    const parts = this.getAttribute('parts');
    // The canvas follows the page's CSS custom properties, like the HTML parts do.
    const css = getComputedStyle(this);
    const colors = {};
    for (const name of ['background', 'text', 'muted', 'rule', 'stripe', 'ok', 'warn', 'error', 'unassigned']) {
      const v = css.getPropertyValue(`--tallyboard-card-${name}`).trim();
      if (/^#[0-9a-f]{6}$/i.test(v)) colors[name] = v;
    }
    const font = css.getPropertyValue('--tallyboard-font').trim();
    return {
      theme: this.getAttribute('theme') || 'light',
      locale: this.getAttribute('locale') || document.documentElement.lang || 'en',
      ...(parts ? { parts } : {}),
      ...(Object.keys(colors).length ? { colors } : {}),
      ...(font ? { font } : {}),
    };
  }

  async _load() {
    let data = this._data;
    const src = this.getAttribute('src');
    if (data == null && src) {
      data = await this._fetch(src);
    } else if (data == null) {
      const inline = this.querySelector('script[type="application/json"]');
      data = inline ? inline.textContent : null;
    }
    await this._show(data);
  }

  // Fetch with retries (backoff 1 s, 2 s, 4 s); a failed fetch keeps the last good card.
  async _fetch(src, attempt = 0) {
    try {
      const res = await fetch(src);
      if (!res.ok) throw new Error(`${res.status} ${res.statusText}`);
      return await res.text();
    } catch (err) {
      if (attempt < 3) {
        await new Promise((r) => setTimeout(r, 1000 * 2 ** attempt));
        return this._fetch(src, attempt + 1);
      }
      if (!this._card) {
        // Nothing drawn yet: let the card show the problem.
        return JSON.stringify({ tallyboard: 1, contests: 'could not load ' + src + ': ' + err.message });
      }
      return null;
    }
  }

  async _show(data) {
    if (data == null) return;
    this._lastText = typeof data === 'string' ? data : JSON.stringify(data);
    let m;
    try {
      m = await loadWasm();
    } catch (err) {
      // Say so in the element instead of staying silently empty; a later update retries.
      const box = this.shadowRoot.querySelector('.card');
      if (!this._card) {
        box.textContent = 'The results card could not be loaded (' + String(err && err.message || err).slice(0, 200) + ').';
        box.setAttribute('role', 'alert');
      }
      return;
    }
    this.shadowRoot.querySelector('.card').removeAttribute('role');
    const root = this.shadowRoot;
    const host = root.querySelector('.card');
    if (!this._card) {
      this._card = m.render(host, data, this._options());
      this._wire(m);
      const fallback = root.querySelector('.fallback');
      fallback.hidden = true;
    } else {
      this._card.update(data);
    }
    this._afterDraw();
    this.dispatchEvent(new CustomEvent('tallyboard-ready', { detail: this._card.report() }));
  }

  _wire(m) {
    const root = this.shadowRoot;
    const canvas = root.querySelector('canvas');
    const tip = root.querySelector('.tip');
    canvas.tabIndex = 0;
    canvas.addEventListener('pointermove', (e) => {
      const hit = this._card.hitAt(e.offsetX, e.offsetY);
      if (!hit || hit.kind === 'badge') { tip.hidden = true; return; }
      const w = words(this._options().locale);
      const lines = [hit.name];
      if (hit.votes != null) lines.push(`${hit.votes.toLocaleString(this._options().locale)} ${w.votes}${hit.percent ? ` (${hit.percent})` : ''}`);
      if (hit.seats != null) lines.push(`${hit.seats} ${w.seats}`);
      tip.textContent = '';
      lines.forEach((l, i) => { if (i) tip.appendChild(document.createElement('br')); tip.appendChild(document.createTextNode(l)); });
      tip.hidden = false;
      const x = Math.min(e.offsetX + 12, canvas.clientWidth - tip.offsetWidth - 4);
      tip.style.left = `${Math.max(0, x)}px`;
      tip.style.top = `${e.offsetY + 14}px`;
    });
    canvas.addEventListener('pointerleave', () => { tip.hidden = true; });
    // Content on hover can be dismissed without moving the pointer (WCAG 1.4.13).
    this._onKey = (e) => { if (e.key === 'Escape') tip.hidden = true; };
    document.addEventListener('keydown', this._onKey);
    this._module = m;
  }

  _afterDraw() {
    const root = this.shadowRoot;
    const canvas = root.querySelector('canvas');
    const tables = this._card.tables() || [];
    const report = this._card.report();
    this.dispatchEvent(new CustomEvent('tallyboard-report', { detail: report }));
    // The real HTML table: everything on the card, for screen readers (or visible).
    const box = root.querySelector('.tables');
    box.className = this.getAttribute('table') === 'visible' ? 'tables' : 'tables hidden-table';
    box.textContent = '';
    const w = words(this._options().locale);
    for (const t of tables) {
      const table = document.createElement('table');
      const cap = table.createCaption();
      cap.textContent = t.caption || w.table;
      const head = table.createTHead().insertRow();
      t.head.forEach((h) => { const th = document.createElement('th'); th.scope = 'col'; th.textContent = h; head.appendChild(th); });
      const body = table.createTBody();
      t.names.forEach((name, i) => {
        const tr = body.insertRow();
        const th = document.createElement('th');
        th.scope = 'row';
        th.textContent = name;
        tr.appendChild(th);
        for (const col of [t.votes, t.percent, t.seats, t.change]) if (col.length) tr.insertCell().textContent = col[i];
      });
      const foot = table.createTFoot();
      for (const [label, votes, pct] of t.foot) {
        const tr = foot.insertRow();
        const th = document.createElement('th'); th.scope = 'row'; th.textContent = label; tr.appendChild(th);
        tr.insertCell().textContent = votes;
        tr.insertCell().textContent = pct;
      }
      box.appendChild(table);
    }
    // The language of the card's words, for screen readers (the page's may differ).
    const lang = langOf(this._options().locale);
    for (const el of root.querySelectorAll('.card, .tip, .tools, .tables')) el.lang = lang;
    this._coalitionTools(tables);
    this._exportTools();
    this._pagerTools();
  }

  _pagerTools() {
    const box = this.shadowRoot.querySelector('.pager');
    const pages = this._card.pages();
    box.hidden = pages <= 1;
    this._page = Math.max(0, Math.min(this._page, pages - 1));
    if (pages <= 1) return;
    const w = words(this._options().locale);
    const [prev, next] = box.querySelectorAll('button');
    box.querySelector('#pager-label').textContent = w.rows + ':';
    prev.textContent = '‹ ' + w.prev;
    next.textContent = w.next + ' ›';
    // aria-disabled, not disabled: the focus stays on the button at the first and last page.
    prev.setAttribute('aria-disabled', String(this._page === 0));
    next.setAttribute('aria-disabled', String(this._page >= pages - 1));
    box.querySelector('output').textContent = `${w.page} ${this._page + 1} ${w.of} ${pages}`;
  }

  // The coalition builder: a toggle button per party with seats, and the sum in a live
  // region. The buttons are made again only when the parties or the language change, so
  // that the focus stays on a button as it is pressed.
  _coalitionTools(tables) {
    const root = this.shadowRoot;
    const box = root.querySelector('.coalition');
    const t = tables[0];
    const seats = t && t.seats.length ? t.seats.map((s) => parseInt(s.replace(/\D/g, ''), 10) || 0) : null;
    box.hidden = !seats || this.getAttribute('coalition') === 'off';
    if (box.hidden) return;
    const locale = this._options().locale;
    const w = words(locale);
    const lang = langOf(locale);
    const buttons = box.querySelector('.buttons');
    const parties = JSON.stringify([t.names, seats]);
    if (this._coalitionParties !== undefined && parties !== this._coalitionParties && this._coalition.size) {
      // Other parties or other seats: the old choice means nothing now.
      this._coalition.clear();
      this._card.setCoalition(0, new Uint32Array(0));
    }
    this._coalitionParties = parties;
    const key = JSON.stringify([lang, parties, t.colors]);
    if (key !== this._coalitionKey) {
      this._coalitionKey = key;
      box.querySelector('#coalition-label').textContent = w.coalition + ':';
      buttons.textContent = '';
      t.names.forEach((name, i) => {
        if (!seats[i]) return;
        const b = document.createElement('button');
        b.type = 'button';
        b.dataset.index = i;
        b.setAttribute('aria-label', addName(lang, name, seats[i]));
        const sw = document.createElement('span');
        sw.className = 'swatch';
        sw.style.background = t.colors[i];
        b.append(sw, document.createTextNode(name));
        b.addEventListener('click', () => {
          if (this._coalition.has(i)) this._coalition.delete(i); else this._coalition.add(i);
          this._card.setCoalition(0, Uint32Array.from(this._coalition));
          this._afterDraw();
        });
        buttons.appendChild(b);
      });
    }
    for (const b of buttons.querySelectorAll('button')) b.setAttribute('aria-pressed', String(this._coalition.has(+b.dataset.index)));
    const total = seats.reduce((a, b) => a + b, 0);
    const sum = [...this._coalition].reduce((a, i) => a + (seats[i] || 0), 0);
    const majority = Math.floor(total / 2) + 1;
    const text = this._coalition.size
      ? `${sum} ${w.of} ${total} ${w.seats}: ${sum >= majority ? w.reached : `${w.short} (${majority - sum})`}`
      : '';
    const out = box.querySelector('.sum');
    if (out.textContent !== text) out.textContent = text;
  }

  _exportTools() {
    const root = this.shadowRoot;
    const box = root.querySelector('.exports');
    box.hidden = this.getAttribute('exports') === 'off';
    const lang = langOf(this._options().locale);
    if (box.hidden || this._exportsLang === lang) return;
    this._exportsLang = lang;
    const w = words(lang);
    box.querySelector('#exports-label').textContent = w.download + ':';
    const buttons = box.querySelector('.buttons');
    buttons.textContent = '';
    for (const kind of ['PNG', 'SVG', 'CSV', 'Wikitext']) {
      const b = document.createElement('button');
      b.type = 'button';
      b.textContent = kind;
      b.setAttribute('aria-label', lang === 'kk' ? `${kind} ${w.download.toLowerCase()}` : `${w.download} ${kind}`);
      b.addEventListener('click', () => this.download(kind.toLowerCase()));
      buttons.appendChild(b);
    }
  }

  /** The card as a file: 'png' (2x), 'svg', 'csv' or 'wikitext'. Returns the Blob. */
  async export(kind) {
    const m = await loadWasm();
    const data = this._currentText();
    if (kind === 'svg') return new Blob([m.toSvg(data, this._options())], { type: 'image/svg+xml' });
    if (kind === 'csv') return new Blob([m.toCsv(data)], { type: 'text/csv' });
    if (kind === 'wikitext') return new Blob([m.toWikitext(data, this._options())], { type: 'text/plain' });
    // PNG at 2x: an off-screen card at the same width.
    const holder = document.createElement('div');
    holder.style.cssText = `position:absolute;left:-100000px;top:0;width:${this.shadowRoot.querySelector('.card').clientWidth || 640}px`;
    document.body.appendChild(holder);
    const card = m.render(holder, data, { ...this._options(), pixelRatio: 2, width: holder.clientWidth });
    const blob = await new Promise((r) => holder.querySelector('canvas').toBlob(r, 'image/png'));
    card.destroy();
    holder.remove();
    return blob;
  }

  async download(kind) {
    const blob = await this.export(kind);
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `results.${kind === 'wikitext' ? 'txt' : kind}`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  }

  _currentText() {
    if (this._data != null) return this._data;
    const inline = this.querySelector('script[type="application/json"]');
    return this._lastText || (inline ? inline.textContent : '');
  }
}

if (!customElements.get('tally-board')) customElements.define('tally-board', TallyBoard);
export { TallyBoard };
