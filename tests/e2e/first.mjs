// Render first, validate after (issue #15): an English election card is drawn by the first
// paint's module (no validation in it) and says "Checking the numbers…", never "checked", until
// the full module has validated it; then the badge gives the verdict, in the frame the check ran.
// Every animation frame of the page is watched: the canvas's data-state and label (its summary,
// which starts with the verdict) as the reader sees them, frame by frame.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { serve, browser, checks, ROOT } from './server.mjs';

const { check, summary } = checks();
const { server, url } = await serve();
const b = await browser();

// Frame by frame: each change of the card's canvas (a new canvas, its state or its label).
const RECORD = () => {
  window.__frames = [];
  let last = '';
  const t0 = performance.now();
  window.__t0 = t0;
  const look = () => {
    // The element's canvas, or the API's (render() into #api).
    const el = document.querySelector('tally-board');
    const root = el ? el.shadowRoot : document.getElementById('api');
    const c = root && root.querySelector('canvas');
    if (c) {
      const now = `${c.dataset.state}|${c.getAttribute('aria-label')}`;
      if (now !== last) {
        last = now;
        window.__frames.push({ t: performance.now() - t0, state: c.dataset.state, label: c.getAttribute('aria-label') || '', canvases: root.querySelectorAll('canvas').length });
      }
    }
    requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
  // The event with the canvas as it is when it fires (the rAF watch sees that canvas a frame later).
  addEventListener('tally-update', (e) => {
    const c = e.target.shadowRoot.querySelector('canvas');
    window.__frames.push({ t: performance.now() - t0, event: 'tally-update', ok: e.detail.report.ok, state: c && c.dataset.state });
  }, true);
  addEventListener('tally-error', () => window.__frames.push({ t: performance.now() - t0, event: 'tally-error' }), true);
};

const page = (body) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>first paint</title>
<script type="module" src="pkg/tally-board.js"></script></head><body>${body}</body></html>`;

async function frames(html, route) {
  const p = await b.newPage({ viewport: { width: 1000, height: 900 } });
  await p.addInitScript(RECORD);
  await p.route('**/first-test.html', (r) => r.fulfill({ contentType: 'text/html', body: html }));
  if (route) await p.route(route.url, (r) => r.fulfill({ contentType: 'application/json', body: route.body }));
  await p.goto(url + 'first-test.html');
  await p.waitForFunction(() => window.__frames.some((f) => f.event && f.event !== 'before'), null, { timeout: 30000 });
  await p.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const got = await p.evaluate(() => {
    // When each of the package's files was asked for (ms from t0, as the frames' times).
    const asked = {};
    for (const e of performance.getEntriesByType('resource')) {
      const name = e.name.split('/').pop();
      if (/\.(js|wasm)$/.test(name)) asked[name] = e.startTime - window.__t0;
    }
    window.__frames.asked = asked;
    return window.__frames;
  });
  got.asked = await p.evaluate(() => window.__frames.asked);
  await p.close();
  return got;
}
const drawn = (fs_) => fs_.filter((f) => !f.event);
const show = (fs_) => fs_.map((f) => f.event ? `${Math.round(f.t)} ms ${f.event}` : `${Math.round(f.t)} ms ${f.state}: ${f.label.slice(0, 44)}`).join(' | ');

// A valid card: checking, then the verdict.
{
  const f = await frames(page('<tally-board src="data/kz-mazhilis-2021.json"></tally-board>'));
  const d = drawn(f);
  check('an English card is first drawn by the first paint\'s module, saying "Checking the numbers"',
    d[0] && d[0].state === 'checking' && d[0].label.startsWith('Kazakhstan Mazhilis election') && /Checking the numbers/.test(d[0].label), show(f));
  check('no frame says "checked" before the check has run', d.filter((x) => x.state === 'checking').every((x) => !/checked/i.test(x.label)), show(f));
  const last = d[d.length - 1];
  check('then the verdict: data-state ok, "Numbers checked: no errors"', last.state === 'ok' && /Numbers checked: no errors/.test(last.label), show(f));
  check('the sequence is checking -> verdict, with one canvas at every frame', d.length === 2 && d.every((x) => x.canvases === 1), show(f));
  const ev = f.find((x) => x.event);
  check('tally-update fires once, when the verdict is drawn', f.filter((x) => x.event).length === 1 && ev.state === 'ok' && ev.ok === true, show(f));
  // All that the first paint loads is what it needs: the full module and the card's parts are asked
  // for after its frame, not while it is drawn.
  const a = f.asked || {};
  const later = ['tallyboard_full.js', 'tallyboard_bg.wasm', 'tally-board-card.js'];
  check('the full module and the card\'s parts are asked for after the first paint\'s frame, its own files before it',
    later.every((n) => a[n] >= d[0].t) && ['tallyboard_first.js', 'tallyboard_first_bg.wasm'].every((n) => a[n] < d[0].t),
    `first paint at ${Math.round(d[0].t)} ms; asked: ${Object.entries(a).map(([n, t]) => `${n} ${Math.round(t)}`).join(', ')}`);
  console.log(`  first paint -> verdict: ${Math.round(last.t - d[0].t)} ms (loopback, full module loaded after the first paint)`);
}

// A page with no lang: the element's locale is empty, English by default: the first module draws it.
{
  const f = await frames(page('<tally-board src="data/kz-mazhilis-2021.json"></tally-board>').replace(' lang="en"', ''));
  const d = drawn(f);
  check('a page with no lang attribute: the first paint\'s module draws the card first', d[0] && d[0].state === 'checking' && d[d.length - 1].state === 'ok', show(f));
}

// A card whose check finds errors: its badge changes in the frame the check ran.
{
  const doc = JSON.parse(fs.readFileSync(path.join(ROOT, 'www/data/kz-mazhilis-2021.json'), 'utf8'));
  const line = doc.contests[0].parties[0];
  line.seats += 1; // more seats than the Mazhilis has, and not what the declared rules give
  const f = await frames(page('<tally-board src="data/broken.json"></tally-board>'), { url: '**/data/broken.json', body: JSON.stringify(doc) });
  const d = drawn(f);
  check('a card with wrong numbers: first "checking" (no verdict before the check)', d[0] && d[0].state === 'checking' && !/checked/i.test(d[0].label), show(f));
  const last = d[d.length - 1];
  check('then "invalid" with its errors in the label, no frame between', last.state === 'invalid' && /Numbers checked: \d+ errors?/.test(last.label) && d.length === 2, show(f));
}

// A key given twice: the first paint's module reads the first (as the full module does) and draws;
// the full module's verdict names the duplicate.
{
  const text = fs.readFileSync(path.join(ROOT, 'www/data/kz-mazhilis-2021.json'), 'utf8').replace('"contests"', '"title": "Once more", "contests"');
  const f = await frames(page('<tally-board src="data/twice.json"></tally-board>'), { url: '**/data/twice.json', body: text });
  const d = drawn(f);
  const last = d[d.length - 1];
  check('a key given twice: first "checking", then "invalid", its error in the label',
    text.split('"title"').length > 2 && d[0] && d[0].state === 'checking' && last.state === 'invalid' && /Numbers checked: \d+ errors?/.test(last.label) &&
    d.every((x) => x.label.startsWith('Kazakhstan Mazhilis election')) && d.length === 2, show(f));
}

// What the first paint's module leaves to the full one: another language, a mixed-member card.
{
  const f = await frames(page('<tally-board locale="ru" src="data/kz-mazhilis-2021.json"></tally-board>'));
  const d = drawn(f);
  check('a Russian card is drawn by the intl module only (no "checking" frame)', d.length >= 1 && d.every((x) => x.state === 'ok') && /Цифры проверены/.test(d[0].label), show(f));
}
{
  const f = await frames(page('<tally-board src="data/nz-parliament-2014.json"></tally-board>'));
  const d = drawn(f);
  check('a mixed-member card (its seats need the rules replayed) goes straight to the full module', d.length >= 1 && d.every((x) => x.state !== 'checking'), show(f));
}
{
  // A count written with an exponent (valid JSON, the same number): the first paint's module reads
  // plain integers only and leaves the card to the full one, which reads it and finds it checks out.
  const text = fs.readFileSync(path.join(ROOT, 'www/data/kz-mazhilis-2021.json'), 'utf8').replace('"votes": 5148074,', '"votes": 5.148074e6,');
  const f = await frames(page('<tally-board src="data/exp.json"></tally-board>'), { url: '**/data/exp.json', body: text });
  const d = drawn(f);
  check('a count written 5.148074e6 goes straight to the full module, which reads it: no "checking" frame, then ok',
    text.includes('5.148074e6') && d.length >= 1 && d.every((x) => x.state !== 'checking') && d[d.length - 1].state === 'ok' && /Numbers checked: no errors/.test(d[d.length - 1].label), show(f));
}

// Data that cannot be read: the first module declines it (it words no message); the full module
// draws the error card, with the message and its line and column, as its first frame.
{
  const f = await frames(page('<tally-board src="data/broken.json"></tally-board>'), { url: '**/data/broken.json', body: '{"tallyboard": 1, "contests": [' });
  const d = drawn(f);
  check('unreadable data: no "checking" frame, the full module\'s error card at once', d.length >= 1 && d.every((x) => x.state === 'error') && /not valid JSON/.test(d[0].label), show(f));
}

// A card holding the CLI's SVG (`tallyboard render --svg --embed`): the SVG is the first paint, with
// the CLI's verdict; the element starts loading only after the SVG's first frame (so that it does
// not hold that frame back), and the live card replaces the SVG at the SVG's size.
{
  const cli = path.join(ROOT, 'target/debug/tallyboard');
  const snippet = execFileSync(cli, ['render', path.join(ROOT, 'www/data/kz-mazhilis-2021.json'), '--svg', '-', '--embed', '--src', 'data/kz-mazhilis-2021.json', '--width', '640']).toString('utf8');
  const p = await b.newPage({ viewport: { width: 1000, height: 900 } });
  await p.addInitScript(RECORD);
  await p.addInitScript(() => {
    // The first frame: the SVG as shown, and whether any load of the element had started by then.
    requestAnimationFrame(() => {
      const svg = document.querySelector('tally-board > svg');
      window.__svgFrame = { t: performance.now(), svg: svg ? svg.getBoundingClientRect().height : 0, below: document.getElementById('below').getBoundingClientRect().top,
        loads: performance.getEntriesByType('resource').filter((e) => /\.wasm$|tallyboard[a-z_]*\.js$|\.json$/.test(e.name)).map((e) => e.name.split('/').pop()) };
    });
  });
  await p.route('**/first-test.html', (r) => r.fulfill({ contentType: 'text/html', body: page(`<div style="width: 640px">${snippet}</div><p id="below">The article goes on.</p>`) }));
  await p.goto(url + 'first-test.html');
  await p.waitForFunction(() => window.__frames.some((f) => f.event && f.event !== 'before'), null, { timeout: 30000 });
  await p.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const got = await p.evaluate(() => {
    const el = document.querySelector('tally-board');
    const c = el.shadowRoot.querySelector('canvas');
    const first = window.__svgFrame;
    const late = performance.getEntriesByType('resource').filter((e) => /\.wasm$|tallyboard[a-z_]*\.js$|\.json$/.test(e.name));
    const tools = [...el.shadowRoot.querySelectorAll('.tools')].reduce((a, t) => a + t.getBoundingClientRect().height, 0);
    return { first, frames: window.__frames, canvas: c && c.getBoundingClientRect().height, tools, below: document.getElementById('below').getBoundingClientRect().top, state: c && c.dataset.state,
      svgShown: !!el.querySelector(':scope > svg') && el.shadowRoot.querySelector('.fallback').hidden === false,
      started: Math.min(...late.map((e) => e.startTime)) };
  });
  check('the CLI\'s SVG is the first paint: shown in the first frame, before any module or data is loaded',
    got.first && got.first.svg > 1000 && got.first.loads.length === 0, JSON.stringify(got.first));
  check('the element\'s loads start after that frame', got.started >= got.first.t, `first frame ${Math.round(got.first.t)} ms, first load ${Math.round(got.started)} ms`);
  check('then the live card with its verdict and its toolbars replaces the SVG, in the SVG\'s height (the CLI kept the toolbars\' rows): nothing below moves',
    got.state === 'ok' && !got.svgShown && got.tools > 0 && Math.abs(got.canvas + got.tools - got.first.svg) < 1 && got.below === got.first.below,
    `SVG ${got.first.svg} px, canvas ${got.canvas} px + toolbars ${got.tools} px; text below at ${got.first.below} then ${got.below} px; ${show(got.frames)}`);
  await p.close();
}

// The element's first paint keeps the rows its toolbars will take (data-tools: here the coalition
// builder and the downloads, less the row a page turns off): when the full card brings them, nothing
// below the card moves.
for (const [attrs, rows] of [['', 2], ['exports="off"', 1], ['coalition="off" exports="off"', 0]]) {
  const p = await b.newPage({ viewport: { width: 1000, height: 900 } });
  await p.addInitScript(() => {
    const look = () => {
      const el = document.querySelector('tally-board');
      const c = el && el.shadowRoot && el.shadowRoot.querySelector('canvas[data-state]');
      const below = document.getElementById('below');
      if (c && below) (window.__below ||= []).push([c.dataset.state, below.getBoundingClientRect().top]);
      if (!(c && c.dataset.state === 'ok')) requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  });
  await p.route('**/first-rows.html', (r) => r.fulfill({ contentType: 'text/html', body: page(`<div style="width: 640px"><tally-board src="data/kz-mazhilis-2021.json" ${attrs}></tally-board></div><p id="below">The article goes on.</p>`) }));
  await p.goto(url + 'first-rows.html');
  await p.waitForFunction(() => (window.__below || []).some(([state]) => state === 'ok'), null, { timeout: 30000 });
  const seen = await p.evaluate(() => window.__below);
  const shown = await p.evaluate(() => [...document.querySelector('tally-board').shadowRoot.querySelectorAll('.tools')].filter((t) => !t.hidden).length);
  const tops = [...new Set(seen.map(([, top]) => top))];
  check(`the first paint keeps its toolbars' rows${attrs ? ` (${attrs})` : ''}: from "checking" to the verdict (${rows} row${rows === 1 ? "" : "s"}), the text below the card stays where it was`,
    seen[0][0] === 'checking' && seen[seen.length - 1][0] === 'ok' && tops.length === 1 && shown === rows,
    `${shown} rows; ` + JSON.stringify(seen.filter((x, i) => !i || x[1] !== seen[i - 1][1] || x[0] !== seen[i - 1][0])));
  await p.close();
}

// The first card is the wasm's display list replayed by the element's painter; the full card is drawn
// by the canvas backend. Both come from the one draw(): the same pixels but the badge's line.
{
  const p = await b.newPage({ viewport: { width: 1000, height: 900 }, deviceScaleFactor: 2 });
  let release;
  const held = new Promise((r) => { release = r; });
  await p.route('**/tallyboard_bg.wasm', async (r) => { await held; await r.continue(); });
  await p.route('**/first-test.html', (r) => r.fulfill({ contentType: 'text/html', body: page('<tally-board src="data/kz-mazhilis-2021.json"></tally-board>') }));
  // The card as the first frame shows it (in the frame's rAF, before any later task).
  await p.addInitScript(() => {
    const look = () => {
      const el = document.querySelector('tally-board');
      const c = el && el.shadowRoot && el.shadowRoot.querySelector('canvas');
      if (!c) return requestAnimationFrame(look);
      window.__early = { top: c.getBoundingClientRect().top * devicePixelRatio, screen: innerHeight * devicePixelRatio, data: c.getContext('2d').getImageData(0, 0, c.width, c.height).data };
    };
    requestAnimationFrame(look);
  });
  await p.goto(url + 'first-test.html');
  // The pixels stay in the page (a 2x card is millions of them): the first card's are kept, and the
  // full card's compared with them there.
  const grab = (state) => p.waitForFunction((st) => {
    const c = document.querySelector('tally-board').shadowRoot.querySelector('canvas');
    if (!c || c.dataset.state !== st) return false;
    window.__grabbed = window.__grabbed || {};
    window.__grabbed[st] = { w: c.width, h: c.height, cssWidth: c.style.width, data: c.getContext('2d').getImageData(0, 0, c.width, c.height).data };
    return true;
  }, state, { timeout: 30000 });
  // (The first card whole: its texts below the screen are painted after its first frame.)
  await p.waitForFunction(() => document.querySelector('tally-board').shadowRoot.querySelector('canvas[data-state=checking]'), null, { timeout: 30000 });
  await p.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(() => requestAnimationFrame(() => setTimeout(r))))));
  await grab('checking');
  const early = await p.evaluate(() => {
    const { early: e, checking: a } = { early: window.__early, checking: window.__grabbed.checking };
    const rows = new Set();
    for (let i = 0; i < a.data.length; i += 4) if (e.data[i] !== a.data[i] || e.data[i + 1] !== a.data[i + 1] || e.data[i + 2] !== a.data[i + 2]) rows.add(Math.floor(i / 4 / a.w));
    return { bottom: e.screen - e.top, first: rows.size ? Math.min(...rows) : null, rows: rows.size, h: a.h };
  });
  check('the first frame shows the whole card on the screen; only texts below it come after that frame',
    early.first !== null && early.first >= early.bottom && early.bottom > 0 && early.bottom < early.h,
    `screen ends at device row ${Math.round(early.bottom)} of ${early.h}; the first row painted later: ${early.first} (${early.rows} rows)`);
  release();
  await grab('ok');
  const cmp = await p.evaluate(() => {
    const { checking: a, ok: b } = window.__grabbed;
    const rows = new Set();
    let differ = 0;
    if (a.w === b.w && a.h === b.h) {
      for (let i = 0; i < a.data.length; i += 4) {
        if (a.data[i] !== b.data[i] || a.data[i + 1] !== b.data[i + 1] || a.data[i + 2] !== b.data[i + 2]) {
          differ++;
          rows.add(Math.floor(i / 4 / a.w));
        }
      }
    }
    return { first: { w: a.w, h: a.h, cssWidth: a.cssWidth }, full: { w: b.w, h: b.h, cssWidth: b.cssWidth }, differ, span: rows.size ? Math.max(...rows) - Math.min(...rows) + 1 : 0 };
  });
  const { first, full, differ, span } = cmp;
  check('the painted display list and the canvas backend draw the same card (same size; only the badge differs)',
    first.w === full.w && first.h === full.h && first.cssWidth === full.cssWidth && differ > 0 && span <= 2 * 40,
    `first ${first.w}x${first.h} (${first.cssWidth}), full ${full.w}x${full.h} (${full.cssWidth}); ${differ} pixels differ, on ${span} device rows`);
  await p.close();
}

// The API: `await init(); render(el, data)` draws through the first paint's module at once ("checking"),
// the full module replaces it with the checked card right after (card.checked resolves with its report).
const apiPage = (script) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>first paint, API</title></head>
<body><div id="api" style="width: 640px"></div><script type="module">
import init, { render, ready, validate } from './pkg/tallyboard.js';
const text = await (await fetch('data/kz-mazhilis-2021.json')).text();
const note = (o) => window.__frames.push({ t: performance.now() - window.__t0, ...o });
await init();
${script}
</script></body></html>`;
{
  const f = await frames(apiPage(`
let threw = '';
try { validate(text); } catch (e) { threw = String(e.message); }
const card = render(document.getElementById('api'), text);
note({ event: 'before', report: card.report(), summary: card.summary(), width: card.width(), pages: card.pages(), threw });
const report = await card.checked;
const wasm = await ready();
note({ event: 'checked', ok: report.ok, same: JSON.stringify(report) === JSON.stringify(card.report()), valid: validate(text).ok, width: card.width(), memory: wasm.memory.buffer.byteLength > 0 });
`));
  const d = drawn(f);
  const before = f.find((x) => x.event === 'before') || {};
  const after = f.find((x) => x.event === 'checked') || {};
  check('render(): the card is drawn at once by the first paint\'s module, "Checking the numbers", then the verdict, one canvas at every frame',
    d.length === 2 && d[0].state === 'checking' && /Checking the numbers/.test(d[0].label) && !/checked/i.test(d[0].label) &&
    d[1].state === 'ok' && /Numbers checked: no errors/.test(d[1].label) && d.every((x) => x.canvases === 1), show(f));
  check('render(): before the check, report() is null, summary() the first paint\'s label, width() its width, pages() 1',
    before.report === null && /Checking the numbers/.test(before.summary) && before.width === 640 && before.pages === 1, JSON.stringify(before));
  check('render(): validate() before ready() throws, saying so', /validate\(\) is in the full module: await ready\(\) first/.test(before.threw), before.threw);
  check('render(): card.checked resolves with the checked card\'s report; ready() gives the full module, validate() works',
    after.ok === true && after.same && after.valid === true && after.width === 640 && after.memory, JSON.stringify(after));
  const a = f.asked || {};
  check('render(): the full module is asked for after the first paint\'s frame, the API\'s own files before it',
    ['tallyboard_full.js', 'tallyboard_bg.wasm'].every((n) => a[n] >= d[0].t) && ['tallyboard.js', 'tallyboard_first.js', 'tallyboard_first_bg.wasm'].every((n) => a[n] < d[0].t) &&
    !('tally-board.js' in a),
    `first paint at ${Math.round(d[0].t)} ms; asked: ${Object.entries(a).map(([n, t]) => `${n} ${Math.round(t)}`).join(', ')}`);
}
{
  // Asked of the card before its check: done on the checked card, in order (here new data with
  // wrong numbers: the checked card shows them and says so).
  const f = await frames(apiPage(`
const card = render(document.getElementById('api'), text);
const doc = JSON.parse(text);
doc.contests[0].parties[0].seats += 1;
card.update(JSON.stringify(doc));
const report = await card.checked;
note({ event: 'checked', ok: report.ok, errors: card.report().errors });
`));
  const d = drawn(f);
  const after = f.find((x) => x.event === 'checked') || {};
  check('render(): an update before the check is done on the checked card (wrong seats: "invalid", never "checked" before)',
    d[0] && d[0].state === 'checking' && d[d.length - 1].state === 'invalid' && d.filter((x) => x.state === 'checking').every((x) => !/checked/i.test(x.label)) &&
    after.ok === false && after.errors > 0, show(f) + ' ' + JSON.stringify(after));
}
{
  // Data the first paint's module cannot read: "Loading results…" (a status, not an empty box) until
  // the full module draws its error card, which says what is wrong and where.
  const f = await frames(apiPage(`
const host = document.getElementById('api');
const card = render(host, text.slice(0, -20));
const status = host.querySelector('[role=status]');
note({ event: 'before', status: status ? status.textContent : null, canvases: host.querySelectorAll('canvas').length });
await card.checked;
note({ event: 'checked', left: host.querySelectorAll('[role=status]').length, state: host.querySelector('canvas').dataset.state, label: host.querySelector('canvas').getAttribute('aria-label') });
`));
  const before = f.find((x) => x.event === 'before') || {};
  const after = f.find((x) => x.event === 'checked') || {};
  check('render(): data it cannot read says "Loading results" until the full module\'s error card replaces it',
    /Loading results/.test(before.status) && before.canvases === 0 && after.left === 0 && after.state === 'error' && /not valid JSON/.test(after.label),
    JSON.stringify(before) + ' ' + JSON.stringify(after));
}
{
  // A card destroyed before its check: it goes, and no checked card comes in its place.
  const f = await frames(apiPage(`
const host = document.getElementById('api');
const card = render(host, text);
const drawn = host.querySelectorAll('canvas').length;
card.destroy();
const report = await card.checked;
await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50)));
note({ event: 'checked', report, drawn, left: host.childElementCount });
`));
  const after = f.find((x) => x.event === 'checked') || {};
  check('render(): a card destroyed before its check leaves nothing (checked resolves null)', after.drawn === 1 && after.report === null && after.left === 0, JSON.stringify(after));
}

await b.close();
server.close();
process.exit(summary('render first, validate after') ? 1 : 0);
