// The <tally-board> element's parts that only a full card uses: the tooltip and the keyboard, the
// findings and the HTML tables, the pager, the coalition builder, the exports and the live region;
// the polls of a live card, a failed update's notice, a card drawn again for a new locale or after
// a trap (all of them after the first full card).
// tally-board.js loads this file with the full module (never before the first paint: every reader
// of every article downloads what comes before it) and puts these methods on the element. Like it,
// this file only hosts: every word, colour, size and figure comes from the wasm
// (tests/element_source.rs scans both files).

// A group of controls: a label, buttons, and a live output of class `output`, if given.
function toolsOf(el, name, output) {
  // (dir="auto": the words' own direction inside a right-to-left card.)
  const label = el('span', { id: `${name}-label`, dir: 'auto' });
  const box = el('div', { class: `tools ${name}`, part: name, role: 'group', 'aria-labelledby': label.id, hidden: '' }, label,
    el('span', { class: 'buttons' }));
  if (output) box.append(el('output', { class: output, role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true', dir: 'auto' }));
  return box;
}

// The methods, on a class made with the element's helpers (no import back into tally-board.js).
export function cardParts(el, REVOKE_MS, UNCHANGED, boards, LoadFailure, styleSheet) {
  const tools = (name, output) => toolsOf(el, name, output);
  return class {
    // A changed leader or majority, read out (not on the first card: nothing changed).
    _announce() {
      const line = this._guard(() => this._card.headline()) || '';
      if (this._headline != null && line !== this._headline) this.shadowRoot.querySelector('.headline').textContent = line;
      this._headline = line;
    }

    _wire(m) {
      this._toolbars();
      const root = this.shadowRoot;
      const canvas = root.querySelector('canvas');
      const tip = root.querySelector('.tip');
      canvas.tabIndex = 0;
      canvas.addEventListener('pointermove', (e) => {
        const hit = this._card && this._guard(() => this._card.hitAt(e.offsetX, e.offsetY));
        if (!hit || hit.kind === 'badge') { tip.hidden = true; return; }
        tip.textContent = '';
        // Each line isolated (its own direction: a Latin name in a right-to-left card).
        hit.lines.forEach((l, i) => { if (i) tip.append(el('br')); tip.append(el('bdi', {}, l)); });
        tip.hidden = false;
        const [left, top] = this._card.tipPlace(e.offsetX, e.offsetY, tip.offsetWidth);
        tip.style.left = `${left}px`;
        tip.style.top = `${top}px`;
      });
      canvas.addEventListener('pointerleave', () => { tip.hidden = true; });
      // The keyboard: Enter or Space on the card opens or closes its findings (the badge);
      // the arrow keys bring each party forward in turn, with its tooltip; Escape lets go.
      canvas.addEventListener('keydown', (e) => this._key(e, tip));
      canvas.addEventListener('blur', () => { tip.hidden = true; });
      // Content on hover can be dismissed without moving the pointer (WCAG 1.4.13).
      this._onKey = (e) => { if (e.key === 'Escape') tip.hidden = true; };
      document.addEventListener('keydown', this._onKey);
      this._module = m;
    }

    _key(e, tip) {
      if (!this._card) return;
      const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[e.key];
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        this._guard(() => { this._card.toggleFindings(); this._afterDraw(); });
      } else if (step) {
        e.preventDefault();
        // The parties in the table's order (as drawn last: no second trip through the wasm).
        const rows = this._rows || [];
        if (!rows.length) return;
        const at = rows.indexOf(this._kbParty);
        this._kbParty = rows[at < 0 ? (step > 0 ? 0 : rows.length - 1) : (at + step + rows.length) % rows.length];
        this._guard(() => this._card.highlight(0, this._kbParty));
        const lines = this._card.partyLines(0, this._kbParty);
        tip.replaceChildren(...lines.flatMap((l, i) => (i ? [el('br'), el('bdi', {}, l)] : [el('bdi', {}, l)])));
        tip.hidden = false;
        const [left, top] = this._card.tipPlace(0, 0, tip.offsetWidth);
        tip.style.left = `${left}px`;
        tip.style.top = `${top}px`;
      } else if (e.key === 'Escape' && this._kbParty !== undefined) {
        this._kbParty = undefined;
        tip.hidden = true;
        this._guard(() => this._card.highlight(0, -1));
      }
    }

    // The findings as a real list (severity, message, place), read by assistive technology.
    _findings() {
      const list = el('ul', { class: 'findings-list', part: 'findings' });
      list.append(...(this._card.findings() || []).map((f) => el('li', { 'data-severity': f.severity }, el('bdi', {},
        el('strong', {}, f.label), ': ', f.message, ' (', f.place, ')'))));
      return list;
    }

    _afterDraw() {
      const root = this.shadowRoot;
      const tables = this._card.tables() || [];
      this._rows = tables.length ? tables[0].party : [];
      this.dispatchEvent(new CustomEvent('tallyboard-report', { detail: this._card.report() }));
      // The real HTML table: everything on the card, for screen readers (or visible).
      const box = root.querySelector('.tables');
      box.className = this.getAttribute('table') === 'visible' ? 'tables' : 'tables hidden-table';
      box.replaceChildren(this._findings(), ...tables.map((t) => this._table(t)));
      // The language of the card's words, for screen readers (the page's may differ), and the
      // card's direction (right to left for a right-to-left locale, whatever the page's).
      const { lang, dir } = this._words();
      for (const e of root.querySelectorAll('.card, .tip, .tools, .tables')) { e.lang = lang; e.dir = dir; }
      this._coalitionTools();
      this._exportTools();
      this._pagerTools();
    }

    // One results table, built detached in one pass and put in the page once.
    _table(t) {
      const row = (cells, head) => {
        const tr = document.createElement('tr');
        cells.forEach((text, i) => {
          const cell = document.createElement(head || !i ? 'th' : 'td');
          if (head || !i) cell.scope = head ? 'col' : 'row';
          // Each cell's text isolated: a name in its own direction, "−8" left to right in a right-to-left table.
          cell.append(el('bdi', {}, text));
          tr.append(cell);
        });
        return tr;
      };
      const body = document.createElement('tbody');
      // Each name in its own language where the data gives it; "" (unknown) otherwise, never the words' language.
      body.append(...t.names.map((name, i) => {
        const tr = row([name, ...t.cells[i]]);
        tr.firstChild.lang = t.langs[i];
        return tr;
      }));
      const foot = document.createElement('tfoot');
      foot.append(...t.foot.map((cells) => row(cells)));
      const head = document.createElement('thead');
      head.append(row(t.head, true));
      const caption = el('caption', {}, el('bdi', {}, t.caption || this._words().table));
      if (t.caption) caption.lang = t.lang;
      return el('table', { dir: t.dir }, caption, head, body, foot);
    }

    _pagerTools() {
      const box = this.shadowRoot.querySelector('.pager');
      const pages = this._card.pages();
      box.hidden = pages <= 1;
      if (box.hidden) return;
      const w = this._words();
      const page = this._card.page();
      const [prev, next] = box.querySelectorAll('button');
      box.querySelector('#pager-label').textContent = w.rows;
      prev.textContent = w.prev;
      next.textContent = w.next;
      // aria-disabled, not disabled: the focus stays on the button at the first and last page.
      prev.setAttribute('aria-disabled', String(page === 0));
      next.setAttribute('aria-disabled', String(page + 1 >= pages));
      box.querySelector('output').textContent = this._card.pageStatus();
    }

    // The coalition builder: a toggle button per party with seats, and the sum in a live
    // region. The buttons are made again only when the parties or the language change, so
    // that the focus stays on a button as it is pressed.
    _coalitionTools() {
      const box = this.shadowRoot.querySelector('.coalition');
      const t = this._card.coalitionButtons();
      box.hidden = !t || this.getAttribute('coalition') === 'off';
      if (box.hidden) return;
      const w = this._words();
      const buttons = box.querySelector('.buttons');
      const parties = JSON.stringify([t.party, t.names, t.seats]);
      if (this._coalitionParties !== undefined && parties !== this._coalitionParties && this._coalition.size) {
        // Other parties or other seats: the old choice means nothing now.
        this._coalition.clear();
        this._card.setCoalition(0, new Uint32Array(0));
      }
      this._coalitionParties = parties;
      const key = JSON.stringify(t);
      if (key !== this._coalitionKey) {
        this._coalitionKey = key;
        box.querySelector('#coalition-label').textContent = w.coalition;
        buttons.replaceChildren(...t.party.map((p, i) => this._partyButton(t, i)));
      }
      for (const b of buttons.querySelectorAll('button')) b.setAttribute('aria-pressed', String(this._coalition.has(+b.dataset.index)));
      const text = this._guard(() => this._card.coalitionText(0, Uint32Array.from(this._coalition))) || '';
      const out = box.querySelector('.sum');
      if (out.textContent !== text) out.textContent = text;
    }

    _partyButton(t, i) {
      const p = t.party[i];
      const sw = el('span', { class: 'swatch' });
      sw.style.background = t.colors[i];
      const b = el('button', { type: 'button', 'data-index': p, 'aria-label': t.labels[i] }, sw, el('bdi', { lang: t.langs[i] }, t.names[i]));
      b.addEventListener('click', () => {
        if (this._coalition.has(p)) this._coalition.delete(p); else this._coalition.add(p);
        this._guard(() => this._card.setCoalition(0, Uint32Array.from(this._coalition)));
        this._afterDraw();
      });
      return b;
    }

    _exportTools() {
      const box = this.shadowRoot.querySelector('.exports');
      box.hidden = this.getAttribute('exports') === 'off';
      const w = this._words();
      if (box.hidden || this._exportsLang === w.lang) return;
      this._exportsLang = w.lang;
      box.querySelector('#exports-label').textContent = w.download;
      box.querySelector('.buttons').replaceChildren(...w.exports.map(([name, label, kind]) => {
        const b = el('button', { type: 'button', 'aria-label': label }, name);
        b.addEventListener('click', () => this.download(kind));
        return b;
      }));
    }

    async _export(kind) {
      const m = await this._full()();
      const data = this._currentText();
      const { type } = this._kind(kind);
      // (Each call into the wasm is guarded: a trap restarts the module, see recover.)
      const text = (fn) => { const t = this._guard(fn); return t == null ? null : new Blob([t], { type }); };
      if (kind === 'svg') return text(() => m.toSvg(data, this._options()));
      if (kind === 'csv') return text(() => m.toCsv(data, this._options()));
      if (kind === 'wikitext') return text(() => m.toWikitext(data, this._options()));
      const canvas = this._guard(() => m.exportCanvas(data, this._options(), this._card ? this._card.width() : 0));
      return canvas ? new Promise((r) => canvas.toBlob(r, type)) : null;
    }

    // An export kind's type and file name (from the wasm's words).
    _kind(kind) {
      const [, , , type, file] = this._words().exports.find(([, , k]) => k === kind) || [];
      return { type, file };
    }

    async _download(kind) {
      const blob = await this.export(kind);
      if (!blob) return;
      const a = el('a', { download: this._kind(kind).file });
      a.href = URL.createObjectURL(blob);
      a.click();
      setTimeout(() => URL.revokeObjectURL(a.href), REVOKE_MS);
    }

    // The full module's card (after the first paint): drawn, its verdict and events.
    async _showFull(m, data, animate) {
      this._module = m;
      this.shadowRoot.adoptedStyleSheets = [styleSheet(m)];
      await this._loadWords(m);
      if (data instanceof LoadFailure) return this._failed(data);
      this._lastText = typeof data === 'string' ? data : JSON.stringify(data);
      const text = this._lastText;
      const ok = this._guard(() => {
        this._draw(m, data, animate);
        this.shadowRoot.querySelector('.notice').hidden = true;
        return true;
      });
      if (!ok) return;
      // The last data the card could draw (valid or not): what a fresh instance starts from.
      const drawn = this.shadowRoot.querySelector('canvas').dataset.state !== 'error';
      if (drawn) this._lastGood = text;
      const report = this._card.report();
      this.dispatchEvent(new CustomEvent('tallyboard-ready', { detail: report }));
      if (!drawn) {
        // Data that cannot be read: the card says so over the last good one.
        this._failures++;
        this._stale(null);
        const first = (report.findings || []).find((f) => f.severity === 'error');
        this.dispatchEvent(new CustomEvent('tally-error', { detail: { message: first ? first.message : '' } }));
        return;
      }
      this._failures = 0;
      this._loadedAt = Date.now();
      this._stale(null);
      this._announce();
      this.dispatchEvent(new CustomEvent('tally-update', { detail: { report } }));
    }

    _draw(m, data, animate) {
      const root = this.shadowRoot;
      const host = root.querySelector('.card');
      if (!this._card) {
        this._loaded();
        this._dropFirst();
        this._card = m.render(host, data, this._options());
        this._drawnBy = this._full();
        this._wire(m);
        root.querySelector('.fallback').hidden = true;
        boards.add(this);
      } else {
        this._card.update(data, { animate: !!animate });
      }
      this._afterDraw();
    }

    // The toolbars (the pager, the coalition builder, the exports), made with the first full card.
    _toolbars() {
      const root = this.shadowRoot;
      if (root.querySelector('.pager')) return;
      const pager = tools('pager', 'status');
      for (const step of [-1, 1]) {
        const b = el('button', { type: 'button' });
        b.addEventListener('click', () => this._turn(b, step));
        pager.querySelector('.buttons').append(b);
      }
      root.querySelector('.tables').before(pager, tools('coalition', 'sum'), tools('exports'));
    }

    // Long tables: a page of rows on the canvas (every row is in the HTML table
    // and the CSV). A page turn redraws the card without reading the data again.
    _turn(button, step) {
      if (!this._card || button.getAttribute('aria-disabled') === 'true') return;
      // (A very long table's HTML rows follow the page too: drawn again with it.)
      this._guard(() => { this._card.setPage(this._card.page() + step); this._afterDraw(); });
    }

    // Options changed on a drawn card: a new locale or words first get their catalogue.
    async _restyle(name) {
      if (name === 'words') this._controls = null;
      if ((name === 'locale' || name === 'words') && this._drawnBy !== this._full()) return this._redraw();
      if (name === 'locale') await this._loadWords(this._module);
      if (this._card) {
        this._guard(() => {
          this._card.setOptions(this._options());
          this._afterDraw();
          // (A headline in another language is not news.)
          if (this._headline != null) this._headline = this._card.headline();
        });
      }
    }

    // The card again from its data, by the module its locale now needs (the other one drew it): the
    // old card stays until that module and its words are loaded, then goes in the task the new one is drawn.
    async _redraw() {
      let m;
      try {
        // (The element's parts for a full card come with it: after the first paint.)
        [m] = await Promise.all([this._full()(), cardParts()]);
      } catch (err) {
        return;
      }
      await this._loadWords(m);
      if (this._card) this._guard(() => this._card.destroy());
      boards.delete(this);
      this._card = null;
      this._controls = null;
      this._coalitionKey = undefined;
      return this._show(this._currentText());
    }

    // A conditional request's answer that is not ok but names the version we have:
    // a 304 (Not Modified), which must carry the ETag the full answer would have
    // (RFC 9110, 15.4.5), or, from a server without ETags, the same Last-Modified.
    // (A weak W/ ETag and its strong form count as the same.) Said so without the
    // status's number: this file holds none (tests/element_source.rs).
    _same(res, last, src) {
      if (!last || last.src !== src) return false;
      const tag = res.headers.get('etag');
      if (last.etag) return !!tag && (tag.endsWith(last.etag) || last.etag.endsWith(tag));
      return !!last.modified && res.headers.get('last-modified') === last.modified;
    }

    // A poll comes due: not while the page is hidden (it waits for visibilitychange),
    // and not while a request is out (skipped: one interval more).
    _tick() {
      this._timer = null;
      if (document.hidden) {
        this._due = true;
        return;
      }
      this._schedule();
      if (!this._busy) this._poll();
    }

    async _poll() {
      const src = this.getAttribute('src');
      const ticket = this._newTicket();
      this._busy++;
      let got;
      try {
        got = await this._request(src, ticket, true);
      } finally {
        this._busy--;
      }
      if (ticket !== this._ticket) return;
      if (got === UNCHANGED || got === this._lastText) {
        // Nothing to draw, and no notice: the card shows the newest there is (if
        // that is data it cannot read, it still says so, and the wait stays long).
        if (this._lastText === this._lastGood) {
          this._failures = 0;
          this._loadedAt = Date.now();
        }
        this._stale(null);
      } else {
        // A newer state of the same results: the seats and bars move to it.
        await this._show(got, true);
      }
      // The next one from the end of this one (with the backoff it left).
      this._schedule();
    }

    // The quiet notice over a kept card ("Not updated: ..."), or none.
    _stale(text) {
      const box = this.shadowRoot.querySelector('.stale');
      if (!text) {
        if (box.firstChild) box.replaceChildren();
        return;
      }
      if (box.textContent !== text) box.replaceChildren(el('div', { class: 'notice', part: 'notice' }, text));
    }

    // A load that failed is said as one, and keeps the last good card: over a card,
    // quietly, with the time of the figures shown; with no card yet, in its place.
    _failed(f) {
      const m = this._module;
      const message = m.loadError(this._lang(), f.src, f.status, f.reason);
      this._failures++;
      if (this._card) {
        this._stale(this._card.notUpdated(message, this._loadedAt || Date.now(), new Date().getTimezoneOffset()));
      } else {
        const notice = this.shadowRoot.querySelector('.notice');
        if (notice.textContent !== message) notice.textContent = message;
        notice.hidden = false;
        this._loaded();
        // (No card yet: no toolbars either, unless one was drawn before.)
        const exports = this.shadowRoot.querySelector('.exports');
        if (exports) exports.hidden = true;
      }
      this.dispatchEvent(new CustomEvent('tallyboard-error', { detail: { message } }));
      this.dispatchEvent(new CustomEvent('tally-error', { detail: { message } }));
    }

    // After a reset: the old card handle belongs to the stopped instance (the
    // glue refuses stale handles), so its canvas goes and a new card is drawn.
    _revive(err) {
      const root = this.shadowRoot;
      // The old card's observer and listener belong to the stopped instance and
      // would throw if they fired: stopped here, without calling into the wasm.
      const old = root.querySelector('.card');
      const stop = old.tallyboardStop || {};
      if (stop.observer) stop.observer.disconnect();
      if (stop.media) stop.media.removeEventListener('change', stop.onChange);
      old.textContent = '';
      this._card = null;
      this._coalition.clear();
      this._coalitionKey = undefined;
      this._controls = null;
      if (this._onKey) { document.removeEventListener('keydown', this._onKey); this._onKey = null; }
      const notice = root.querySelector('.notice');
      if (err) {
        notice.textContent = this._words().failed;
        notice.hidden = false;
      }
      if (this._lastGood == null) return;
      const current = this._lastText;
      try {
        this._draw(this._module, this._lastGood);
        // A card that did not fail shows what it showed before (an error over the last good card, say).
        if (!err && current !== this._lastGood) this._draw(this._module, current);
        else this._lastText = this._lastGood;
      } catch (again) {
        // The last good data fails too: say so instead of looping.
        console.error('tallyboard', again);
        this._card = null;
        notice.textContent = this._words().failed;
        notice.hidden = false;
      }
    }
  };
}
