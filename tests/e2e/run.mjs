// End-to-end test of the RELEASE package (`make www/pkg` builds it into www/pkg/) on the demo
// page (www/index.html), in headless Chromium driven by playwright-core. Run from the repo root:
//
//     node tests/e2e/run.mjs
//
// It starts its own static server for www/ on 127.0.0.1 at a free port (tests/e2e/server.mjs:
// .wasm as application/wasm) and stops it at the end. The page is opened at 1280 px; then:
//   - the page: no console error and no page error from load to the end (checked last), the wasm
//     modules (the first paint's and the full one for the English gallery, the intl one for the editor, which
//     takes any locale) served as application/wasm and each fetched once, one card per example of www/examples.json in
//     its own container, every gallery canvas with data-state set and "ok";
//   - pixels: every card's canvas is not blank (pixels that differ from its own background,
//     sampled in a corner); at every seat centre of the Mazhilis card (card.seatCentres() x
//     devicePixelRatio) the colours count 76 / 12 / 10 for #00a0e3 / #1c3f94 / #d62728, at
//     devicePixelRatio 1 and again in a second page at 2;
//   - the editor: a syntax error typed in (page.fill) gives data-state="error", a findings list
//     with the code, the message and "line L:C", and keeps the last good card below the error;
//     seats moved from one party to another name both parties' JSON paths; the fixed JSON gives
//     data-state="ok" again;
//   - options for every card: locale ru puts "из 98 мест" in the Mazhilis card's aria-label (the
//     gallery's and the editor's); theme dark darkens every card and the page;
//   - the <tally-board> element's extras: the HTML table, the seat tooltip, Kazakh numbers,
//     PNG / SVG / CSV / wikitext exports;
//   - 375 px: every card re-lays out to fit (CSS width <= 375 - the page margins, backing store
//     = CSS width x devicePixelRatio), no horizontal scrolling, the seats still 76 / 12 / 10.
// One line per check, then "N passed, M failed"; exit 1 if any failed. A check that throws (a
// timeout, say) is a failure and the run goes on; a watchdog ends the run after 50 s.
import fs from 'node:fs';
import path from 'node:path';
import { serve, browser, ROOT, checks } from './server.mjs';

const T0 = Date.now();
const MAZHILIS = 'kz-mazhilis-2021.json';
const PARTY_SEATS = { '#00a0e3': 76, '#1c3f94': 12, '#d62728': 10 };
const WAIT = { timeout: 10000 };
const examples = JSON.parse(fs.readFileSync(path.join(ROOT, 'www/examples.json'), 'utf8'));

const { check, summary } = checks();
// A check whose body throws (a timeout, a missing element) fails with the reason.
async function step(name, body) {
  try {
    const [ok, detail] = await body();
    check(name, ok, detail);
  } catch (err) {
    check(name, false, 'threw: ' + String(err.message || err).split('\n')[0]);
  }
}
const watchdog = setTimeout(() => {
  check('the run finishes within 50 s', false, 'watchdog fired');
  summary();
  process.exit(1);
}, 50000);

// Installed in the page before its scripts: the canvas of a gallery card (by example file) or
// of the editor ("editor").
function pageHelpers() {
  window.__tbCanvas = (file) => (file === 'editor'
    ? document.querySelector('#editor-card canvas')
    : document.querySelector(`tally-board[data-example="${file}"]`).shadowRoot.querySelector('canvas'));
}

// In the page: the colour at every seat centre of a card, counted by hex value.
async function seatColours(page, file) {
  return page.evaluate((file) => {
    const card = window.tallyboardCards[file];
    const c = window.__tbCanvas(file);
    const dpr = window.devicePixelRatio;
    const ctx = c.getContext('2d');
    const s = card.seatCentres();
    const count = {};
    for (let i = 0; i < s.length; i += 3) {
      const [r, g, b] = ctx.getImageData(Math.floor(s[i] * dpr), Math.floor(s[i + 1] * dpr), 1, 1).data;
      const hex = '#' + [r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('');
      count[hex] = (count[hex] || 0) + 1;
    }
    return { count, seats: s.length / 3, dpr };
  }, file);
}
const seatsOk = (r) => r.seats === 98 && Object.entries(PARTY_SEATS).every(([hex, n]) => r.count[hex] === n);

// In the page: pixels of a canvas that differ from its background (its top-left corner).
async function inked(page, file) {
  return page.evaluate((file) => {
    const c = window.__tbCanvas(file);
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    const bg = [d[0], d[1], d[2]];
    let n = 0;
    for (let i = 0; i < d.length; i += 4) {
      if (Math.abs(d[i] - bg[0]) + Math.abs(d[i + 1] - bg[1]) + Math.abs(d[i + 2] - bg[2]) > 48) n++;
    }
    return { n, share: n / (c.width * c.height), bg, w: c.width, h: c.height };
  }, file);
}

// Every gallery card scrolled near the viewport (they draw lazily) and drawn.
async function galleryDrawn(page) {
  for (const el of await page.$$('tally-board')) await el.scrollIntoViewIfNeeded();
  await page.waitForFunction(() => [...document.querySelectorAll('tally-board')]
    .every((b) => b.shadowRoot && b.shadowRoot.querySelector('canvas[data-state]:not([data-state=checking])')), null, WAIT);
  await page.waitForFunction((files) => files.every((f) => window.tallyboardCards[f]), examples.map((e) => e.file), WAIT);
}

async function openDemo(b, url, opts) {
  const page = await b.newPage({ viewport: { width: 1280, height: 900 }, ...opts });
  const errors = [];
  const wasm = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('response', (r) => { if (r.url().endsWith('.wasm')) wasm.push({ url: r.url(), type: r.headers()['content-type'] }); });
  await page.addInitScript(pageHelpers);
  await page.goto(url);
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true', null, WAIT);
  return { page, errors, wasm };
}

const { server, url } = await serve();
const b = await browser();
let errors = [];
try {
  const demo = await openDemo(b, url);
  const { page } = demo;
  errors = demo.errors;

  // ---- the page and the gallery
  await step('the demo page loads and draws the editor card', async () => {
    const state = await page.$eval('#editor-card canvas', (c) => c.dataset.state);
    return [state === 'ok', `editor card data-state=${state}`];
  });
  await step('every gallery card has drawn (canvas data-state set)', async () => {
    await galleryDrawn(page);
    return [true, `${examples.length} examples`];
  });
  await step('one card per example, each in its own container', async () => {
    const r = await page.evaluate(() => {
      const boards = [...document.querySelectorAll('#gallery tally-board')];
      const boxes = new Set(boards.map((t) => t.parentElement));
      return { files: boards.map((t) => t.dataset.example), boxes: boxes.size,
        canvases: boards.map((t) => t.shadowRoot.querySelectorAll('canvas').length) };
    });
    const want = examples.map((e) => e.file);
    return [JSON.stringify(r.files) === JSON.stringify(want) && r.boxes === want.length && r.canvases.every((n) => n === 1),
      `${r.files.length} cards in ${r.boxes} containers`];
  });
  await step('every example validates (data-state="ok")', async () => {
    const states = await page.$$eval('#gallery tally-board', (els) => els.map((e) => e.shadowRoot.querySelector('canvas').dataset.state));
    return [states.every((s) => s === 'ok'), states.join(', ')];
  });
  await step('the wasm is served as application/wasm and fetched once', async () =>
    // (Three modules: the first paint's and the full one for the gallery's English cards, the intl one for
    // the editor (the API in any locale), each fetched once.)
    [demo.wasm.length === 3 && new Set(demo.wasm.map((w) => w.url)).size === 3 && demo.wasm.every((w) => w.type === 'application/wasm'),
      demo.wasm.map((w) => `${w.url.split('/').pop()} ${w.type}`).join(', ') || 'not fetched']);
  await step('no card is blank (pixels unlike its background)', async () => {
    const r = [];
    for (const f of [...examples.map((e) => e.file), 'editor']) r.push(await inked(page, f));
    return [r.every((x) => x.share > 0.03 && x.n > 5000), r.map((x) => `${x.n} px (${(100 * x.share).toFixed(1)} %)`).join(', ')];
  });
  await step('Mazhilis seats painted 76 / 12 / 10 at devicePixelRatio 1', async () => {
    const r = await seatColours(page, MAZHILIS);
    return [seatsOk(r) && r.dpr === 1, `${r.seats} seats ${JSON.stringify(r.count)}`];
  });
  await step('Mazhilis seats painted 76 / 12 / 10 at devicePixelRatio 2', async () => {
    const hi = await openDemo(b, url, { deviceScaleFactor: 2 });
    try {
      await galleryDrawn(hi.page);
      const r = await seatColours(hi.page, MAZHILIS);
      const size = await hi.page.evaluate((f) => [window.__tbCanvas(f).width, window.__tbCanvas(f).clientWidth], MAZHILIS);
      errors.push(...hi.errors);
      return [seatsOk(r) && r.dpr === 2 && size[0] === 2 * size[1], `${r.seats} seats ${JSON.stringify(r.count)}; canvas ${size[0]} px for ${size[1]} CSS px`];
    } finally {
      await hi.page.close();
    }
  });

  // ---- the editor
  const good = fs.readFileSync(path.join(ROOT, 'www/data', MAZHILIS), 'utf8');
  const editorState = () => page.$eval('#editor-card canvas', (c) => c.dataset.state);
  await step('the editor starts with the Mazhilis example', async () => {
    const text = await page.inputValue('#json');
    return [text === good, `${text.length} characters`];
  });
  await step('a syntax error gives data-state="error"', async () => {
    await page.fill('#json', good.replace('"seats": 98,', '"seats": 98,,'));
    await page.waitForFunction(() => document.querySelector('#editor-card canvas').dataset.state === 'error', null, WAIT);
    return [true, await editorState()];
  });
  await step('the findings list shows the syntax error with its line, column and path', async () => {
    const r = await page.evaluate(() => ({
      text: document.getElementById('findings').innerText.replace(/\s+/g, ' ').trim(),
      items: document.querySelectorAll('#findings li.error').length,
      summary: document.getElementById('findings-summary').textContent,
    }));
    const expectLine = good.split('\n').findIndex((l) => l.includes('"seats": 98,')) + 1;
    const ok = r.items === 1 && r.text.includes('json/syntax') && r.text.includes('not valid JSON') &&
      new RegExp(`line ${expectLine}:\\d+`).test(r.text) && r.text.includes('(the whole document)');
    return [ok, `${r.summary} "${r.text.slice(0, 140)}"`];
  });
  await step('the error keeps the last good card below it (seats still 76 / 12 / 10)', async () => {
    const r = await seatColours(page, 'editor');
    const label = await page.$eval('#editor-card canvas', (c) => c.getAttribute('aria-label'));
    return [seatsOk(r) && label.includes('76 of 98 seats'), `${JSON.stringify(r.count)}; label "${label.slice(0, 60)}…"`];
  });
  await step('a seat moved from one party to another is named at both parties', async () => {
    await page.fill('#json', good.replace('"seats": 76', '"seats": 75').replace('"seats": 12', '"seats": 13'));
    await page.waitForFunction(() => document.querySelector('#editor-card canvas').dataset.state === 'invalid', null, WAIT);
    const text = await page.$eval('#findings', (el) => el.innerText);
    return [text.includes('/contests/0/parties/0/seats') && text.includes('/contests/0/parties/1/seats') && /line \d+:\d+/.test(text),
      `data-state=${await editorState()}`];
  });
  await step('the fixed JSON gives data-state="ok" again', async () => {
    await page.fill('#json', good);
    await page.waitForFunction(() => document.querySelector('#editor-card canvas').dataset.state === 'ok', null, WAIT);
    const r = await page.evaluate(() => ({ errors: document.querySelectorAll('#findings li.error').length, summary: document.getElementById('findings-summary').textContent }));
    return [r.errors === 0, r.summary];
  });
  await step('a "line L:C" button puts the editor cursor there', async () => {
    await page.fill('#json', good.replace('"method": "hare"', '"method": "hair"'));
    await page.waitForFunction(() => document.querySelector('#editor-card canvas').dataset.state === 'invalid', null, WAIT);
    const at = page.locator('#findings li.error .at').first();
    const label = ((await at.textContent()).match(/line \d+:\d+/) || [''])[0];
    await at.click();
    const r = await page.evaluate(() => {
      const t = document.getElementById('json');
      const before = t.value.slice(0, t.selectionStart).split('\n');
      return { focused: document.activeElement === t, line: before.length, column: Array.from(before.at(-1)).length + 1 };
    });
    await page.fill('#json', good);
    await page.waitForFunction(() => document.querySelector('#editor-card canvas').dataset.state === 'ok', null, WAIT);
    return [r.focused && label === `line ${r.line}:${r.column}`, `${label} -> cursor at line ${r.line}:${r.column}`];
  });

  // ---- options on every card
  await step('locale ru: the Mazhilis card says "из 98 мест" (gallery and editor)', async () => {
    await page.selectOption('#locale', 'ru');
    await page.waitForFunction((f) => [f, 'editor'].every((x) => (window.__tbCanvas(x).getAttribute('aria-label') || '').includes('из 98 мест')),
      MAZHILIS, WAIT);
    const label = await page.evaluate((f) => window.__tbCanvas(f).getAttribute('aria-label'), MAZHILIS);
    return [true, label.slice(label.indexOf('Nur Otan 76'), label.indexOf('Nur Otan 76') + 32)];
  });
  await step('locale kk: Kazakh headings and numbers in the element\'s HTML table', async () => {
    await page.selectOption('#locale', 'kk');
    await page.waitForFunction((f) => document.querySelector(`tally-board[data-example="${f}"]`).shadowRoot.querySelector('table')?.innerText.includes('Орын'), MAZHILIS, WAIT);
    const kk = await page.evaluate((f) => document.querySelector(`tally-board[data-example="${f}"]`).shadowRoot.querySelector('table').innerText, MAZHILIS);
    await page.selectOption('#locale', 'en');
    return [kk.includes('5\u00a0148\u00a0074'), kk.slice(0, 80).replace(/\s+/g, ' ')];
  });
  await step('theme dark: every card and the page turn dark', async () => {
    await page.selectOption('#theme', 'dark');
    const files = [...examples.map((e) => e.file), 'editor'];
    await page.waitForFunction((files) => files.every((f) => {
      const d = window.__tbCanvas(f).getContext('2d').getImageData(1, 1, 1, 1).data;
      return d[0] + d[1] + d[2] < 150;
    }), files, WAIT);
    const page_bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await page.selectOption('#theme', 'light');
    await page.waitForFunction((files) => files.every((f) => window.__tbCanvas(f).getContext('2d').getImageData(1, 1, 1, 1).data[0] > 200),
      files, WAIT);
    return [page_bg === 'rgb(22, 24, 28)', `page ${page_bg}; back to light`];
  });

  // ---- the <tally-board> element's own extras
  await step('the element has a real HTML table', async () => {
    const t = await page.evaluate((f) => document.querySelector(`tally-board[data-example="${f}"]`).shadowRoot.querySelector('table').innerText, MAZHILIS);
    return [t.includes('Nur Otan') && t.includes('5,148,074'), t.slice(0, 60).replace(/\s+/g, ' ')];
  });
  await step('hovering a seat shows the tooltip', async () => {
    const board = page.locator(`tally-board[data-example="${MAZHILIS}"]`);
    await board.scrollIntoViewIfNeeded();
    const pos = await page.evaluate((f) => {
      const el = document.querySelector(`tally-board[data-example="${f}"]`);
      const r = el.shadowRoot.querySelector('canvas').getBoundingClientRect();
      const s = window.tallyboardCards[f].seatCentres();
      return { x: r.left + s[0], y: r.top + s[1] };
    }, MAZHILIS);
    await page.mouse.move(pos.x, pos.y);
    const tip = await page.evaluate((f) => {
      const t = document.querySelector(`tally-board[data-example="${f}"]`).shadowRoot.querySelector('.tip');
      return t.hidden ? '' : t.textContent;
    }, MAZHILIS);
    await page.mouse.move(0, 0);
    return [tip.includes('Nur Otan') && tip.includes('76'), tip];
  });
  await step('exports: PNG at 2x, SVG with 98 seats, CSV and wikitext with a row per party', async () => {
    const exp = await page.evaluate(async (f) => {
      const board = document.querySelector(`tally-board[data-example="${f}"]`);
      const png = new Uint8Array(await (await board.export('png')).arrayBuffer());
      const svg = await (await board.export('svg')).text();
      const csv = await (await board.export('csv')).text();
      const wiki = await (await board.export('wikitext')).text();
      const img = await createImageBitmap(new Blob([png], { type: 'image/png' }));
      const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
      return {
        magic: Array.from(png.slice(0, 4)).join(), pngWidth: img.width, cardWidth: board.shadowRoot.querySelector('canvas').clientWidth,
        svgOk: !doc.querySelector('parsererror'), circles: doc.querySelectorAll('circle').length,
        csvRows: csv.trim().split(/\r?\n/).length, wikiRows: wiki.split('\n').filter((l) => l.startsWith('| style="text-align:left" | ')).length,
      };
    }, MAZHILIS);
    const ok = exp.magic === '137,80,78,71' && exp.pngWidth === 2 * exp.cardWidth && exp.svgOk && exp.circles === 98 && exp.csvRows === 6 && exp.wikiRows === 5;
    return [ok, `PNG ${exp.pngWidth} px for a ${exp.cardWidth} px card, ${exp.circles} SVG circles, ${exp.csvRows} CSV lines, ${exp.wikiRows} wikitext rows`];
  });

  // ---- a phone
  await step('at 375 px every card re-lays out to fit the page', async () => {
    const before = await page.evaluate((f) => window.__tbCanvas(f).clientWidth, MAZHILIS);
    await page.setViewportSize({ width: 375, height: 800 });
    const margins = await page.evaluate(() => {
      const cs = getComputedStyle(document.querySelector('#gallery').closest('section'));
      return parseFloat(cs.paddingLeft) + parseFloat(cs.paddingRight);
    });
    const limit = 375 - margins;
    const files = [...examples.map((e) => e.file), 'editor'];
    // Redrawn: CSS width within the column and a backing store to match.
    await page.waitForFunction(({ files, limit }) => files.every((f) => {
      const c = window.__tbCanvas(f);
      return c.clientWidth <= limit && c.width === Math.round(c.clientWidth * devicePixelRatio);
    }), { files, limit }, WAIT);
    const widths = await page.evaluate((files) => files.map((f) => window.__tbCanvas(f).clientWidth), files);
    const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
    const ok = widths.every((w) => w <= limit && w >= limit - 4) && scroll <= 375;
    return [ok, `${before} px -> ${widths.join(', ')} px (limit ${limit} = 375 - ${margins} px of page margins); page scroll width ${scroll}`];
  });
  await step('at 375 px the Mazhilis seats are still painted 76 / 12 / 10', async () => {
    const r = await seatColours(page, MAZHILIS);
    return [seatsOk(r), `${r.seats} seats ${JSON.stringify(r.count)}`];
  });

  await step('a 150-candidate table pages on the canvas (Next / Previous rows), the HTML table keeps all 150', async () => {
    const r = await page.evaluate(async () => {
      const frame = () => new Promise((res) => requestAnimationFrame(() => requestAnimationFrame(res)));
      const el = document.createElement('tally-board');
      el.style.width = '640px';
      el.data = { tallyboard: 1, contests: [{ kind: 'election', id: 'p', seats: 3, method: 'dhondt',
        candidates: Array.from({ length: 150 }, (_, i) => ({ name: `Candidate ${i + 1}`, votes: 100000 - i * 10, seats: i < 3 ? 1 : 0 })) }] };
      document.body.append(el);
      el.scrollIntoView();
      for (let i = 0; i < 100 && !el.card; i++) await frame();
      await frame();
      const root = el.shadowRoot, pager = root.querySelector('.pager');
      const [prev, next] = pager.querySelectorAll('button');
      const canvas = root.querySelector('canvas');
      const pixels = () => canvas.toDataURL();
      const out = { hidden0: pager.hidden, status0: pager.querySelector('output').textContent, prevDisabled0: prev.getAttribute('aria-disabled'),
        rows: root.querySelectorAll('tbody tr').length, summary0: el.card.summary() };
      const before = pixels();
      next.click();
      await frame();
      out.status1 = pager.querySelector('output').textContent;
      out.changed = pixels() !== before;
      const y = canvas.clientHeight; // a row of page 2 sits where page 1's rows were
      let hit = null;
      for (let yy = 0; yy < y && !hit; yy += 4) { const h = el.card.hitAt(300, yy); if (h && h.kind === 'party' && h.party >= 60) hit = h; }
      out.hit = hit && hit.name;
      next.click(); next.click(); next.click();
      await frame();
      out.statusEnd = pager.querySelector('output').textContent;
      out.nextDisabled = next.getAttribute('aria-disabled');
      prev.click(); prev.click(); prev.click();
      await frame();
      out.backToFirst = pixels() === before;
      el.remove();
      return out;
    });
    const ok = !r.hidden0 && r.status0 === 'Page 1 of 3' && r.prevDisabled0 === 'true' && r.rows === 150 && r.status1 === 'Page 2 of 3' &&
      r.changed && /^Candidate (6[1-9]|[7-9][0-9]|1[01][0-9]|120)$/.test(r.hit || '') && r.statusEnd === 'Page 3 of 3' && r.nextDisabled === 'true' && r.backToFirst;
    return [ok, JSON.stringify({ ...r, summary0: r.summary0.slice(-80) })];
  });

  await step('a trap inside the wasm: the card restarts on a fresh instance with its last good results, says so, and the other card keeps working', async () => {
    // A page of its own: the recovery logs a console error on purpose.
    const p2 = await b.newPage({ viewport: { width: 900, height: 900 } });
    const logged = [];
    p2.on('console', (m) => { if (m.type() === 'error') logged.push(m.text()); });
    const pageErrors = [];
    p2.on('pageerror', (e) => pageErrors.push(String(e)));
    await p2.goto(`${url}element.html`);
    const r = await p2.evaluate(async (file) => {
      const frame = () => new Promise((res) => requestAnimationFrame(() => requestAnimationFrame(res)));
      const doc = await (await fetch('data/' + file)).json();
      const make = (title) => {
        const el = document.createElement('tally-board');
        el.style.width = '600px';
        el.setAttribute('coalition', 'off');
        el.data = { ...doc, title };
        document.body.prepend(el);
        return el;
      };
      const a = make('Card A'), bb = make('Card B');
      for (let i = 0; i < 200 && !(a.card && bb.card); i++) await frame();
      // The colour painted at each seat centre, counted by colour.
      const seats = (el) => {
        const c = el.shadowRoot.querySelector('canvas');
        const dpr = c.width / c.clientWidth, ctx = c.getContext('2d'), s = el.card.seatCentres(), n = {};
        for (let i = 0; i < s.length; i += 3) {
          const d = ctx.getImageData(Math.round(s[i] * dpr), Math.round(s[i + 1] * dpr), 1, 1).data;
          const k = '#' + [d[0], d[1], d[2]].map((v) => v.toString(16).padStart(2, '0')).join('');
          n[k] = (n[k] || 0) + 1;
        }
        return JSON.stringify(n);
      };
      const before = seats(a), oldCard = a.card;
      // The next fillRect throws a RuntimeError from inside the wasm's draw, as a
      // trap (a Rust panic) would: the instance is left mid-call.
      const orig = CanvasRenderingContext2D.prototype.fillRect;
      let armed = true;
      CanvasRenderingContext2D.prototype.fillRect = function (...args) {
        if (armed) { armed = false; throw new WebAssembly.RuntimeError('unreachable (injected by the test)'); }
        return orig.apply(this, args);
      };
      a.data = { ...doc, title: 'Card A, update that traps' };
      await frame();
      CanvasRenderingContext2D.prototype.fillRect = orig;
      const notice = a.shadowRoot.querySelector('.notice');
      const out = {
        fired: !armed, newCard: a.card !== oldCard && !!a.card, notice: notice.hidden ? '' : notice.textContent,
        seatsAfter: seats(a), seatsBefore: before, summaryA: a.card.summary().slice(0, 40),
        oldCardRefused: (() => { try { oldCard.summary(); return false; } catch (e) { return String(e.message).includes('stale'); } })(),
      };
      // Both cards take new data afterwards.
      a.data = { ...doc, title: 'Card A again' };
      bb.data = { ...doc, title: 'Card B again' };
      await frame();
      out.afterA = a.card.summary().slice(0, 20);
      out.afterB = bb.card.summary().slice(0, 20);
      out.noticeCleared = a.shadowRoot.querySelector('.notice').hidden;
      out.stateA = a.shadowRoot.querySelector('canvas').dataset.state;
      out.seatsB = seats(bb);
      // A card whose very first renders trap (the first paint's module's, then the full module's):
      // no card, the notice, and the others still drawn.
      let traps = 2;
      CanvasRenderingContext2D.prototype.fillRect = function (...args) {
        if (traps > 0) { traps--; throw new WebAssembly.RuntimeError('unreachable (injected by the test, first render)'); }
        return orig.apply(this, args);
      };
      const cc = make('Card C');
      for (let i = 0; i < 200 && traps > 0; i++) await frame();
      CanvasRenderingContext2D.prototype.fillRect = orig;
      await frame();
      out.firstFired = traps === 0;
      out.cNotice = !cc.shadowRoot.querySelector('.notice').hidden;
      out.cCard = !!cc.card;
      out.seatsAfterC = seats(a) === seats(bb) ? seats(a) : 'differ';
      return out;
    }, MAZHILIS);
    await p2.close();
    const want = '{"#00a0e3":76,"#1c3f94":12,"#d62728":10}';
    const ok = r.fired && r.newCard && r.notice.includes('could not be shown') && r.seatsAfter === want && r.seatsBefore === want &&
      r.summaryA.startsWith('Card A.') && r.oldCardRefused && r.afterA.startsWith('Card A again') && r.afterB.startsWith('Card B again') &&
      r.noticeCleared && r.stateA === 'ok' && r.seatsB === want &&
      r.firstFired && r.cNotice && !r.cCard && r.seatsAfterC === want && logged.some((l) => l.startsWith('tallyboard RuntimeError') && l.includes('injected by the test')) && pageErrors.length === 0;
    return [ok, JSON.stringify({ ...r, logged: logged.map((l) => l.slice(0, 80)), pageErrors })];
  });

  await step('CSS custom properties theme the element\'s canvas', async () => {
    const r = await page.evaluate(async () => {
      const board = document.querySelector('tally-board[data-example="kz-mazhilis-2021.json"]');
      board.style.setProperty('--tallyboard-card-background', '#102030');
      board.setAttribute('theme', 'light-custom');
      await new Promise((res) => requestAnimationFrame(() => requestAnimationFrame(res)));
      const c = board.shadowRoot.querySelector('canvas');
      const [r, g, b] = c.getContext('2d').getImageData(2, 2, 1, 1).data;
      board.style.removeProperty('--tallyboard-card-background');
      board.setAttribute('theme', 'light');
      return [r, g, b];
    });
    return [r.join() === '16,32,48', `corner pixel rgb(${r.join()})`];
  });

  check('no console errors or page errors', errors.length === 0, errors.join(' | ').slice(0, 300));
} catch (err) {
  check('the run completes', false, String(err.message || err).split('\n')[0]);
} finally {
  await b.close();
  server.close();
  clearTimeout(watchdog);
}
console.log(`run time ${((Date.now() - T0) / 1000).toFixed(1)} s`);
process.exit(summary() ? 1 : 0);
