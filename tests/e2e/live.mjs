// A live card, end to end: <tally-board src="results.json" refresh="1"> in headless Chromium
// against a results endpoint whose file the test changes as a count goes on. Run from the repo
// root after `make www/pkg`:
//
//     node tests/e2e/live.mjs
//
// Its own server (node:http) serves www/ (the package in www/pkg) and, for each test page
// /live/<name>/, a results endpoint /live/<name>/results.json with an ETag and a Last-Modified
// that answers 304 to a matching If-None-Match (or, without one, to an If-Modified-Since not
// older than the file). The endpoint can fail with 500, drop the connection, hang (never answer)
// or answer slowly; it counts requests, 304s and the most requests in flight at once. Pages are
// served under the strict Content-Security-Policy of tests/e2e/csp.mjs (Trusted Types too).
//
// The data are mutations of a real document, www/data/kz-mazhilis-2021.json (the 2021 Mazhilis
// party lists): the same votes under a count that goes on, "partial" (40% counted, seats for
// Nur Otan only: 45), "preliminary" (87.4%, Nur Otan 48), then "final" with every seat as
// reported (76 / 12 / 10). The partial and preliminary seats are invented for the test.
//
// Checks (one line each, then "N passed, M failed"; exit 1 if any failed):
//   1. the card follows partial -> preliminary -> final within one refresh each;
//   2. an unchanged file is asked for again with a 304, and the card is not drawn again;
//   3. a broken update keeps the last good card and says so; a 500 and a dropped connection
//      keep it with the quiet notice, which goes away with the next good update;
//   4. a hidden page does not poll, and polls at once when it is visible again;
//   5. two requests never overlap (an endpoint slower than three intervals);
//   6. a request that never answers times out (the element's REQUEST_TIMEOUT_MS, 15 s) and is
//      said as a failure;
//   7. a first load shows the loading text until the card is drawn; one that fails says so, and
//      the card is drawn by the first poll that works;
//   8. the live region reads out a changed leader or majority (not the first card);
//   9. removing the attribute or the element stops polling, changing refresh reschedules;
//  10. no console error but the browser's own lines for the failed requests.
// Groups run side by side on their own pages (the time-out takes 15 s); about 30 s in all.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { browser, checks, ROOT } from './server.mjs';

const T0 = Date.now();
const WWW = path.join(ROOT, 'www');
const REFRESH_S = 1;
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:; " +
  "require-trusted-types-for 'script'";
const TYPES = { '.js': 'text/javascript; charset=utf-8', '.wasm': 'application/wasm', '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.html': 'text/html; charset=utf-8' };
const { check, summary } = checks();

// ---- the data: the real 2021 document, mutated per state of the count
const BASE = JSON.parse(fs.readFileSync(path.join(WWW, 'data/kz-mazhilis-2021.json'), 'utf8'));
function state(status, counted, asOf, seats) {
  const d = structuredClone(BASE);
  const c = d.contests[0];
  c.status = status;
  if (counted != null) c.counted = { percent: counted };
  if (asOf) c.as_of = asOf;
  c.parties.forEach((p, i) => { if (seats[i] == null) delete p.seats; else p.seats = seats[i]; });
  return JSON.stringify(d, null, 2);
}
const PARTIAL = state('partial', 40, '2021-01-10T21:00:00+06:00', [45]);
const PRELIMINARY = state('preliminary', 87.4, '2021-01-11T02:15:00+06:00', [48]);
const FINAL = state('final', null, null, [76, 12, 10, 0, 0]);
const FINAL_LATER = state('final', 100, '2021-01-11T12:00:00+06:00', [76, 12, 10, 0, 0]);
const BROKEN = FINAL.slice(0, FINAL.length >> 1);   // cut in the middle: not JSON

// ---- the server
const endpoints = new Map();
let version = 0;
function endpoint(name, body, opts = {}) {
  const e = { body: null, etag: '', modified: '', mode: 'ok', delay: 0, refresh: REFRESH_S, requests: 0, notModified: 0, inFlight: 0,
    maxInFlight: 0, closedEarly: 0, conditional: 0, ...opts };
  e.set = (text) => {
    version++;
    e.body = text;
    e.etag = `"v${version}"`;
    // Strictly later for every change (two changes may fall in one second of the clock).
    e.modified = new Date(Date.UTC(2021, 0, 10) + version * 1000).toUTCString();
  };
  e.set(body);
  endpoints.set(name, e);
  return e;
}

function results(e, req, res) {
  e.requests++;
  e.inFlight++;
  if (e.inFlight > e.maxInFlight) e.maxInFlight = e.inFlight;
  let done = false;
  res.on('finish', () => { done = true; });
  res.on('close', () => { e.inFlight--; if (!done) e.closedEarly++; });
  const inm = req.headers['if-none-match'];
  const ims = req.headers['if-modified-since'];
  if (inm || ims) e.conditional++;
  const answer = () => {
    if (res.destroyed) return;
    if (e.mode === 'fail') { res.writeHead(500, { 'content-type': 'text/plain' }); res.end('{"not": "the results"}'); return; }
    const fresh = inm ? inm.split(',').map((t) => t.trim()).includes(e.etag) : ims ? Date.parse(ims) >= Date.parse(e.modified) : false;
    const head = { etag: e.etag, 'last-modified': e.modified, 'cache-control': 'no-cache' };
    if (fresh) { e.notModified++; res.writeHead(304, head); res.end(); return; }
    res.writeHead(200, { ...head, 'content-type': 'application/json; charset=utf-8' });
    res.end(e.body);
  };
  if (e.mode === 'drop') { req.socket.destroy(); return; }
  if (e.mode === 'hang') return;
  if (e.mode === 'slow') { setTimeout(answer, e.delay); return; }
  answer();
}

const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://x');
  const live = url.pathname.match(/^\/live\/([a-z0-9-]+)\/(results\.json)?$/);
  if (live && endpoints.has(live[1])) {
    const e = endpoints.get(live[1]);
    if (live[2]) return results(e, req, res);
    res.writeHead(200, { 'content-type': TYPES['.html'], 'content-security-policy': CSP, 'cache-control': 'no-store' });
    res.end(`<!doctype html><html lang="en"><meta charset="utf-8"><title>live ${live[1]}</title><link rel="icon" href="data:,">
<script type="module" src="/pkg/tally-board.js"></script>
<tally-board src="results.json" refresh="${e.refresh}"></tally-board>`);
    return;
  }
  const file = path.join(WWW, decodeURIComponent(url.pathname));
  if (!file.startsWith(WWW + path.sep)) { res.writeHead(403); res.end(); return; }
  fs.readFile(file, (err, body) => {
    if (err) { res.writeHead(404); res.end('not found'); return; }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream', 'cache-control': 'no-store' });
    res.end(body);
  });
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const ORIGIN = `http://127.0.0.1:${server.address().port}`;

// ---- the browser
const b = await browser();
const consoleErrors = [];

// Installed before the page's scripts: every event of the element, every canvas redraw (a
// canvas is cleared and drawn again when its width is set: the card sets it on each draw).
function pageHelpers() {
  window.__log = { updates: 0, errors: [], redraws: 0 };
  document.addEventListener('tally-update', () => { window.__log.updates++; }, true);
  document.addEventListener('tally-error', (e) => { window.__log.errors.push(e.detail.message); }, true);
  const width = Object.getOwnPropertyDescriptor(HTMLCanvasElement.prototype, 'width');
  Object.defineProperty(HTMLCanvasElement.prototype, 'width', {
    get() { return width.get.call(this); },
    set(v) { window.__log.redraws++; width.set.call(this, v); },
    configurable: true,
  });
  window.__state = () => {
    const el = document.querySelector('tally-board');
    if (!el || !el.shadowRoot) return null;
    const r = el.shadowRoot;
    const canvas = r.querySelector('canvas');
    const stale = r.querySelector('.stale');
    const notice = r.querySelector('.notice');
    const loading = r.querySelector('.card [role="status"]');
    return {
      state: canvas ? canvas.dataset.state : null,
      label: canvas ? canvas.getAttribute('aria-label') : '',
      summary: el.card ? el.card.summary() : '',
      cardHeadline: el.card ? el.card.headline() : '',
      headline: r.querySelector('.headline').textContent,
      stale: stale.textContent,
      staleRole: `${stale.getAttribute('role')}/${stale.getAttribute('aria-live')}`,
      alert: notice.hidden ? '' : notice.textContent,
      loading: loading ? loading.textContent : null,
      ...window.__log,
      errors: [...window.__log.errors],
    };
  };
  // The colour at every seat centre, counted by hex value (as tests/e2e/run.mjs).
  window.__seats = () => {
    const el = document.querySelector('tally-board');
    const c = el.shadowRoot.querySelector('canvas');
    const dpr = window.devicePixelRatio;
    const ctx = c.getContext('2d');
    const s = el.card.seatCentres();
    const count = {};
    for (let i = 0; i < s.length; i += 3) {
      const [r, g, bl] = ctx.getImageData(Math.floor(s[i] * dpr), Math.floor(s[i + 1] * dpr), 1, 1).data;
      const hex = '#' + [r, g, bl].map((v) => v.toString(16).padStart(2, '0')).join('');
      count[hex] = (count[hex] || 0) + 1;
    }
    return count;
  };
}

async function open(name) {
  const page = await b.newPage({ viewport: { width: 1000, height: 900 }, reducedMotion: 'reduce' }); // transitions: bench/transition.mjs, tests/e2e/pages.mjs
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(`${name}: ${m.text()}`); });
  page.on('pageerror', (e) => consoleErrors.push(`${name}: page error: ${e}`));
  await page.addInitScript(pageHelpers);
  await page.goto(`${ORIGIN}/live/${name}/`);
  return page;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const st = (page) => page.evaluate(() => window.__state());
// Wait until the page's state passes `test` (a function of the state, run in node); the state then.
async function until(page, test, ms = 8000) {
  const end = Date.now() + ms;
  for (;;) {
    const s = await st(page);
    if (s && test(s)) return s;
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms; state: ${JSON.stringify(s && { ...s, label: s.label.slice(0, 120), summary: s.summary.slice(0, 120) })}`);
    await sleep(50);
  }
}
const FINAL_SEATS = { '#00a0e3': 76, '#1c3f94': 12, '#d62728': 10 };
const seatsOk = (count) => Object.entries(FINAL_SEATS).every(([hex, n]) => count[hex] === n);
const NOT_UPDATED = /^Not updated: could not load results\.json: HTTP 500\. These are the results as of \d{1,2}:\d{2}\.$/;

// Each group's lines are kept and printed in order at the end (the groups run side by side).
function group(name, body) {
  const lines = [];
  const add = (what, ok, detail = '') => { lines.push([what, ok, detail]); return ok; };
  const run = (async () => {
    try {
      await body(add);
    } catch (err) {
      add(`${name}: the group ran to its end`, false, 'threw: ' + String(err.message || err).split('\n')[0]);
    }
    return lines;
  })();
  return run;
}

// ---- 1, 2, 3, 4, 8, 9: one card through a night of counting
const main = group('main', async (add) => {
  const e = endpoint('main', PARTIAL);
  const page = await open('main');
  let s = await until(page, (s) => s.state === 'ok', 15000);
  add('1. the first load draws the partial count', /Partial results/.test(s.summary) && /40% counted/.test(s.label) && s.updates === 1,
    s.summary.slice(0, 90));
  add('8. the first card is not read out (the live region stays empty)', s.headline === '' && /^Nur Otan leads with 45 of 98 seats$/.test(s.cardHeadline),
    `region "${s.headline}", headline "${s.cardHeadline}"`);

  for (const [label, text, want] of [['preliminary', PRELIMINARY, /Preliminary \u00b7 87\.4% counted/], ['final', FINAL, /Final/]]) {
    await sleep(300);
    const t = Date.now();
    const before = s.updates;
    e.set(text);
    s = await until(page, (s) => s.updates > before && want.test(s.summary), 6000);
    const took = Date.now() - t;
    add(`1. the card follows the file to ${label} within one refresh`, took <= REFRESH_S * 1000 + 500 && s.state === 'ok',
      `${took} ms (refresh ${REFRESH_S} s): ${s.summary.slice(0, 70)}`);
    if (label === 'preliminary') {
      add('8. a new leader line is read out (leads with 48)', s.headline === s.cardHeadline && s.headline === 'Nur Otan leads with 48 of 98 seats', s.headline);
    }
  }
  add('8. partial -> final: "leads with" becomes "has a majority", and the live region says it', s.headline === s.cardHeadline &&
    s.headline === 'Nur Otan has a majority: 76 of 98 seats', `region "${s.headline}"`);
  add('1. the final card has every seat (76 / 12 / 10 at the seat centres)', seatsOk(await page.evaluate(() => window.__seats())),
    JSON.stringify(await page.evaluate(() => window.__seats())));

  // 2. unchanged: 304s, and nothing drawn again
  await sleep(200);
  const r0 = { requests: e.requests, notModified: e.notModified };
  const s0 = await st(page);
  await sleep(REFRESH_S * 4200);
  const s1 = await st(page);
  const asked = e.requests - r0.requests;
  add('2. an unchanged file is asked for again each refresh and answered 304', asked >= 3 && e.notModified - r0.notModified === asked && e.conditional >= asked,
    `${asked} requests, ${e.notModified - r0.notModified} answered 304, ${e.conditional} conditional in all`);
  add('2. ... and the card is not drawn again (no tally-update, no canvas redraw)', s1.updates === s0.updates && s1.redraws === s0.redraws,
    `updates ${s0.updates} -> ${s1.updates}, canvas redraws ${s0.redraws} -> ${s1.redraws}`);

  // 3. a broken update: the card says it cannot show it and keeps the last good one below
  let errorsBefore = s1.errors.length;
  e.set(BROKEN);
  s = await until(page, (s) => s.state === 'error');
  add('3. a broken update (not JSON) keeps the last good card: seats still drawn', seatsOk(await page.evaluate(() => window.__seats())) &&
    s.label.includes('Nur Otan 76 of 98 seats'), s.label.slice(0, 100));
  add('3. ... and the card says so (tally-error fired)', /^These results cannot be shown/.test(s.label) && s.errors.length > errorsBefore,
    `${s.label.slice(0, 60)}; tally-error "${s.errors.at(-1)}"`);

  // a 500: the last good card stays, with the quiet notice
  e.mode = 'fail';
  errorsBefore = s.errors.length;
  s = await until(page, (s) => s.stale !== '');
  add('3. a 500 keeps the last good card with the notice "Not updated: could not load results.json: HTTP 500 ..."', NOT_UPDATED.test(s.stale) &&
    seatsOk(await page.evaluate(() => window.__seats())), s.stale);
  add('3. ... said quietly (role="status", aria-live="polite", not an alert) and as an HTTP error, never a JSON one', s.staleRole === 'status/polite' &&
    s.alert === '' && s.errors.at(-1) === 'could not load results.json: HTTP 500', `${s.staleRole}; tally-error "${s.errors.at(-1)}"`);
  e.mode = 'ok';
  e.set(FINAL);
  s = await until(page, (s) => s.state === 'ok' && s.stale === '', 10000);
  add('3. the notice goes away with the next good update', s.stale === '' && seatsOk(await page.evaluate(() => window.__seats())), s.summary.slice(0, 60));

  // a dropped connection: the network's own message
  e.mode = 'drop';
  s = await until(page, (s) => s.stale !== '');
  add('3. a dropped connection keeps the last good card with the notice (the network error)',
    /^Not updated: could not load results\.json: Failed to fetch\. These are the results as of \d{1,2}:\d{2}\.$/.test(s.stale) &&
    seatsOk(await page.evaluate(() => window.__seats())), s.stale);
  e.mode = 'ok';
  e.set(FINAL_LATER);
  const updates = s.updates;
  s = await until(page, (s) => s.stale === '' && s.updates > updates, 10000);
  add('3. ... and it goes away with the next good update', s.stale === '' && /Final \u00b7 100% counted/.test(s.summary), s.summary.slice(0, 70));

  // 4. a hidden page does not poll; visible again, it asks at once
  await page.evaluate(() => {
    Object.defineProperty(document, 'hidden', { get: () => true, configurable: true });
    Object.defineProperty(document, 'visibilityState', { get: () => 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await sleep(REFRESH_S * 1000 + 300);   // a request already out may end
  const hiddenFrom = e.requests;
  await sleep(REFRESH_S * 4000);
  add('4. a hidden page does not poll (4 intervals)', e.requests === hiddenFrom, `${e.requests - hiddenFrom} requests while hidden`);
  const shown = Date.now();
  await page.evaluate(() => {
    delete document.hidden;
    delete document.visibilityState;
    document.dispatchEvent(new Event('visibilitychange'));
  });
  while (e.requests === hiddenFrom && Date.now() - shown < 3000) await sleep(20);
  add('4. visible again, it polls at once (a poll was due)', e.requests > hiddenFrom && Date.now() - shown < 500, `after ${Date.now() - shown} ms`);

  // 9. the attribute and the element
  await page.evaluate(() => document.querySelector('tally-board').removeAttribute('refresh'));
  await sleep(300);
  let from = e.requests;
  await sleep(REFRESH_S * 3000);
  add('9. removing the refresh attribute stops polling', e.requests === from, `${e.requests - from} requests in 3 intervals`);
  await page.evaluate(() => document.querySelector('tally-board').setAttribute('refresh', '0.5'));
  from = e.requests;
  await sleep(2600);
  add('9. setting refresh again (0.5 s) polls at the new interval', e.requests - from >= 4 && e.requests - from <= 6, `${e.requests - from} requests in 2.6 s`);
  await page.evaluate(() => document.querySelector('tally-board').remove());
  await sleep(300);
  from = e.requests;
  await sleep(2000);
  add('9. removing the element stops polling', e.requests === from, `${e.requests - from} requests in 2 s`);
  add('5. (this card) never two requests at once', e.maxInFlight === 1, `most in flight ${e.maxInFlight}`);
  await page.close();
});

// ---- 5: an endpoint slower than three intervals
const slow = group('slow', async (add) => {
  const e = endpoint('slow', PARTIAL);
  const page = await open('slow');
  await until(page, (s) => s.state === 'ok', 15000);
  e.mode = 'slow';
  e.delay = REFRESH_S * 3000;
  e.set(FINAL);
  const from = e.requests;
  await until(page, (s) => /Final/.test(s.summary), 10000);
  await sleep(REFRESH_S * 5000);
  add('5. two refreshes never overlap (answers after 3 intervals: one request in flight at most)', e.maxInFlight === 1 && e.requests - from >= 2,
    `most in flight ${e.maxInFlight}, ${e.requests - from} requests in ~${REFRESH_S * 8} s`);
  await page.close();
});

// ---- 6: a request that never answers
const hang = group('hang', async (add) => {
  const e = endpoint('hang', FINAL);
  const page = await open('hang');
  let s = await until(page, (s) => s.state === 'ok', 15000);
  e.mode = 'hang';
  const t = Date.now();
  s = await until(page, (s) => s.stale !== '', 25000);
  const took = Date.now() - t;
  add('6. a request that never answers times out (15 s) and is said as a failure, over the kept card',
    took >= 14000 && /^Not updated: could not load results\.json: signal timed out\. These are the results as of \d{1,2}:\d{2}\.$/.test(s.stale) &&
    s.errors.at(-1) === 'could not load results.json: signal timed out' && s.state === 'ok',
    `after ${took} ms: ${s.stale}`);
  add('6. ... the request was given up (the connection closed), and none overlapped it', e.closedEarly >= 1 && e.maxInFlight === 1,
    `${e.closedEarly} closed unanswered, most in flight ${e.maxInFlight}`);
  e.mode = 'ok';
  e.set(FINAL_LATER);
  s = await until(page, (s) => s.stale === '', 8000);
  add('6. ... and the notice goes away with the next good update', s.stale === '' && /100% counted/.test(s.summary));
  await page.close();
});

// ---- 7: the first load, slowly
const loading = group('loading', async (add) => {
  endpoint('loading', FINAL, { mode: 'slow', delay: 2500 });
  const page = await open('loading');
  const s0 = await until(page, (s) => s.loading !== null, 2000);
  add('7. a first load shows the loading text in a role="status" element, and no card yet',
    s0.loading === 'Loading results\u2026' && s0.state === null, `"${s0.loading}", canvas ${s0.state}`);
  const s1 = await until(page, (s) => s.state === 'ok', 10000);
  add('7. ... until the card is drawn (then the loading text is gone)', s1.loading === null && s1.updates === 1, `loading ${s1.loading}`);
  await page.close();
});

// ---- 7: a first load that fails (after the element's own retries: 1 + 2 + 4 s), then works
const late = group('late', async (add) => {
  const e = endpoint('late', FINAL, { mode: 'fail' });
  const page = await open('late');
  const s0 = await until(page, (s) => s.alert !== '', 12000);
  add('7. a first load that fails says so in the card\'s place (and the loading text goes)',
    s0.alert === 'could not load results.json: HTTP 500' && s0.loading === null && s0.state === null, `"${s0.alert}"`);
  e.mode = 'ok';
  const s1 = await until(page, (s) => s.state === 'ok', 8000);
  add('7. ... and the live card keeps asking: the first good answer draws it, the notice goes', s1.alert === '' && s1.updates === 1,
    `${e.requests} requests`);
  await page.close();
});

const lines = (await Promise.all([main, slow, hang, loading, late])).flat();
const order = (l) => parseInt(l[0], 10) || 99;
for (const l of lines.sort((a, c) => order(a) - order(c))) check(...l);

// ---- 10: the console
const expected = /Failed to load resource: the server responded with a status of 500|Failed to load resource: net::ERR_(EMPTY_RESPONSE|CONNECTION_RESET|CONNECTION_CLOSED|ABORTED)/;
const unexpected = consoleErrors.filter((m) => !expected.test(m));
check('10. no console or page errors (but the browser\'s lines for the failed requests)', unexpected.length === 0,
  `${consoleErrors.length - unexpected.length} expected (${[...new Set(consoleErrors.map((m) => m.replace(/^[a-z]+: /, '')))].join('; ')})` +
  (unexpected.length ? `; unexpected: ${unexpected.slice(0, 3).join(' | ')}` : ''));

await b.close();
server.close();
process.exit(summary(`${((Date.now() - T0) / 1000).toFixed(1)} s`) ? 1 : 0);
