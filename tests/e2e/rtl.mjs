// Right to left and reflow (issue #17), on the release package in Chromium:
//  - a Hebrew card (locale="he", Israel 2021: English names and the small lists' official
//    Hebrew names, tests/elections/il-knesset-2021.json) and an Arabic one (locale="ar", the
//    2021 Mazhilis) at 375 and 1280 px: the canvas and its context say rtl, the table's
//    swatches are at the right, every seat of the hemicycle is where the left-to-right card has
//    it (the same party under the same point), the HTML table says dir="rtl";
//  - an English card on a dir="rtl" page: dir="ltr", drawn as on a left-to-right page;
//  - at 320 px with the HTML table shown: no word of a name broken across lines, every name
//    cell as wide as its longest word, no horizontal overflow of the page.
// Screenshots go to target/e2e-rtl/ (look at them: text and table mirrored where RTL).
import fs from 'node:fs';
import path from 'node:path';
import { serve, browser, checks, ROOT } from './server.mjs';

const { check, summary } = checks();
const { server, url } = await serve();
const b = await browser();
const OUT = path.join(ROOT, 'target/e2e-rtl');
fs.mkdirSync(OUT, { recursive: true });

const knesset = fs.readFileSync(path.join(ROOT, 'tests/elections/il-knesset-2021.json'), 'utf8');
const mazhilis = fs.readFileSync(path.join(ROOT, 'www/data/kz-mazhilis-2021.json'), 'utf8');

// A page with one card of `data` in `locale` (none: the page's), on a page of direction `dir`.
async function page(width, data, { locale, dir = 'ltr', table } = {}) {
  const p = await b.newPage({ viewport: { width, height: 900 }, deviceScaleFactor: 1, colorScheme: 'light', reducedMotion: 'reduce' });
  const errors = [];
  p.on('pageerror', (e) => errors.push(String(e)));
  p.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await p.goto(url + 'element.html');
  await p.evaluate(({ data, locale, dir, table }) => {
    document.documentElement.dir = dir;
    const el = document.createElement('tally-board');
    el.setAttribute('theme', 'light');
    if (locale) el.setAttribute('locale', locale);
    if (table) el.setAttribute('table', table);
    el.data = data;
    document.querySelector('tally-board').replaceWith(el);
  }, { data, locale, dir, table });
  await p.waitForFunction(() => document.querySelector('tally-board')?.shadowRoot?.querySelector('canvas[data-state]:not([data-state=checking])'), null, { timeout: 30000 });
  await p.evaluate(async () => { await document.fonts.ready; await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))); });
  return { p, errors };
}

// axe-core (WCAG 2.1 A/AA, shadow DOM included) on the page: the names' lang values, the
// right-to-left table and controls.
async function axe(p) {
  await p.addScriptTag({ path: path.join(ROOT, 'tools/node_modules/axe-core/axe.min.js') });
  return p.evaluate(async () => {
    const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
    const rules = Object.fromEntries(window.axe.getRules(tags).map((r) => [r.ruleId, { enabled: true }]));
    const r = await window.axe.run(document, { rules, resultTypes: ['violations'] });
    return r.violations.map((v) => `${v.id} x${v.nodes.length}: ${v.nodes[0].target.join(' ')}`);
  });
}

// What the card says about its direction, and where the first row's swatch of the table is.
const facts = (p) => p.evaluate(() => {
  const el = document.querySelector('tally-board');
  const root = el.shadowRoot;
  const c = root.querySelector('canvas');
  const ctx = c.getContext('2d');
  const w = c.width, h = c.height;
  const d = ctx.getImageData(0, 0, w, h).data;
  const t = el.card.tables()[0];
  const hex = t.colors[0];
  const rgb = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  // The lowest pixels of the first row's colour: the table's swatch (below the legend and the bars).
  let lowest = -1, xs = [];
  for (let y = h - 1; y >= 0 && lowest < 0; y--) {
    for (let x = 0; x < w; x++) {
      const k = (y * w + x) * 4;
      if (d[k] === rgb[0] && d[k + 1] === rgb[1] && d[k + 2] === rgb[2]) { lowest = y; xs.push(x); }
    }
  }
  const table = root.querySelector('.tables table');
  const nameCells = [...table.querySelectorAll('tbody th')];
  return {
    canvasDir: c.getAttribute('dir'), ctxDirection: ctx.direction, width: w, swatchX: xs.length ? Math.min(...xs) : -1,
    tableDir: table.getAttribute('dir'), caption: table.querySelector('caption').getAttribute('lang'),
    langs: [...new Set(nameCells.map((th) => th.getAttribute('lang')))], inherited: nameCells.map((th) => th.closest('[lang]').lang),
    tools: root.querySelector('.tools').dir,
  };
});

// Which party's seat is under each point of a grid over the card (from the card's own hit test).
const seats = (p) => p.evaluate(() => {
  const card = document.querySelector('tally-board').card;
  const c = document.querySelector('tally-board').shadowRoot.querySelector('canvas');
  const out = [];
  for (let y = 0; y < c.clientHeight; y += 3) {
    for (let x = 0; x < c.clientWidth; x += 3) {
      const hit = card.hitAt(x, y);
      if (hit && hit.kind === 'seat') out.push(`${x},${y}:${hit.party}`);
    }
  }
  return out;
});

const shot = async (p, name) => {
  const file = path.join(OUT, `${name}.png`);
  await p.locator('tally-board').screenshot({ path: file, animations: 'disabled', caret: 'hide' });
  return path.relative(ROOT, file);
};

for (const width of [375, 1280]) {
  for (const [locale, data, what] of [['he', knesset, 'Israel 2021'], ['ar', mazhilis, 'Mazhilis 2021']]) {
    const rtl = await page(width, data, { locale });
    const ltr = await page(width, data, { locale: 'en' });
    const [fr, fl] = [await facts(rtl.p), await facts(ltr.p)];
    const file = await shot(rtl.p, `${locale}-${width}`);
    await shot(ltr.p, `${locale}-data-en-${width}`);
    check(`${locale} at ${width} px (${what}): the canvas and its context are right to left`, fr.canvasDir === 'rtl' && fr.ctxDirection === 'rtl', JSON.stringify([fr.canvasDir, fr.ctxDirection]));
    check(`${locale} at ${width} px: the English card of the same data is left to right`, fl.canvasDir === 'ltr' && fl.ctxDirection === 'ltr', JSON.stringify([fl.canvasDir, fl.ctxDirection]));
    check(`${locale} at ${width} px: the table is mirrored (its first swatch at the right, at the left in English)`,
      fr.swatchX > fr.width * 0.85 && fl.swatchX >= 0 && fl.swatchX < fl.width * 0.15, `x ${fr.swatchX} of ${fr.width}; English ${fl.swatchX}; ${file}`);
    const [sr, sl] = [await seats(rtl.p), await seats(ltr.p)];
    check(`${locale} at ${width} px: the hemicycle keeps its order (the same party's seat under each of ${sl.length} points)`,
      sl.length > 100 && sr.join() === sl.join(), `${sr.length} / ${sl.length} points`);
    check(`${locale} at ${width} px: the HTML table and the controls say dir="rtl"`, fr.tableDir === 'rtl' && fr.tools === 'rtl' && fl.tableDir === 'ltr', JSON.stringify([fr.tableDir, fr.tools, fl.tableDir]));
    // No lang in the data: every name's language is unknown (lang=""), none inherits the words' "en".
    check(`${locale} at ${width} px: no name is marked English without the data saying so`,
      fr.langs.join() === '' && fr.inherited.every((l) => l === '') && fr.caption === '', JSON.stringify([fr.langs, fr.caption]));
    check(`${locale} at ${width} px: no console or page errors`, rtl.errors.length + ltr.errors.length === 0, [...rtl.errors, ...ltr.errors].join(' | ').slice(0, 300));
    await rtl.p.close();
    await ltr.p.close();
  }
}

// Left-to-right languages of other scripts and number formats (de, ja, hi) at 375 and 1280 px: drawn in
// their words (the catalogue's "numbers checked" in the label), left to right, within the page's width.
for (const width of [375, 1280]) {
  for (const locale of ['de', 'ja', 'hi']) {
    const words = JSON.parse(fs.readFileSync(path.join(ROOT, `locales/${locale}.json`), 'utf8'));
    const { p, errors } = await page(width, mazhilis, { locale });
    const f = await facts(p);
    const seen = await p.evaluate(() => {
      const el = document.querySelector('tally-board');
      const c = el.shadowRoot.querySelector('canvas');
      return { label: c.getAttribute('aria-label'), cssWidth: c.getBoundingClientRect().width, page: document.documentElement.scrollWidth };
    });
    const file = await shot(p, `${locale}-${width}`);
    check(`${locale} at ${width} px: the card is worded in ${locale} ("${words.checked}"), left to right, within the page (${file})`,
      seen.label.includes(words.checked) && f.canvasDir === 'ltr' && f.ctxDirection === 'ltr' && seen.cssWidth <= width && seen.page <= width,
      JSON.stringify({ label: seen.label.slice(0, 400), dir: f.canvasDir, width: seen.cssWidth, page: seen.page }));
    check(`${locale} at ${width} px: no console or page errors`, errors.length === 0, errors.join(' | ').slice(0, 300));
    await p.close();
  }
}

// What a screen reader is given (the browser's accessibility tree, shadow DOM included): every finding
// of the report, with its severity, in the findings list, and the verdict in the card's name.
{
  const { p } = await page(1280, mazhilis, { locale: 'en' });
  await p.locator('tally-board canvas').focus();
  await p.keyboard.press('Enter');
  const report = await p.evaluate(() => document.querySelector('tally-board').report);
  const tree = await p.locator('tally-board').ariaSnapshot();
  const missing = report.findings.filter((f) => !tree.includes(f.message.slice(0, 60)));
  check(`the accessibility tree holds every finding (${report.findings.length}) and the verdict`,
    report.findings.length > 0 && missing.length === 0 && /Numbers checked: no errors/.test(tree) && /- list/.test(tree),
    missing.length ? `missing: ${missing.map((f) => f.message.slice(0, 50)).join(' | ')}` : tree.split('\n').filter((l) => /listitem/.test(l)).slice(0, 2).join(' / ').slice(0, 200));
  await p.close();
}

// Names in their own language where the data gives it: the document in English, the small
// lists' official Hebrew names marked as Hebrew.
{
  const doc = JSON.parse(knesset);
  doc.lang = 'en';
  for (const p of doc.contests[0].parties) if (/[\u0590-\u05ff]/.test(p.name)) p.lang = 'he';
  const { p } = await page(1280, JSON.stringify(doc), { locale: 'he' });
  const r = await p.evaluate(() => [...document.querySelector('tally-board').shadowRoot.querySelectorAll('tbody th')]
    .map((th) => [th.textContent, th.lang]));
  const hebrew = r.filter(([name]) => /[\u0590-\u05ff]/.test(name));
  check('names carry their language: the Hebrew lists lang="he", the English names lang="en"',
    hebrew.length > 10 && hebrew.every(([, l]) => l === 'he') && r.filter(([name]) => !/[\u0590-\u05ff]/.test(name)).every(([, l]) => l === 'en'), JSON.stringify(r.slice(12, 16)));
  const v = await axe(p);
  check('axe: the Hebrew card with its names\' languages, no violation', v.length === 0, v.join('; ') || 'no violations');
  await p.close();
}

// An English card on a right-to-left page: left to right, as on a left-to-right page.
for (const width of [375, 1280]) {
  const rtl = await page(width, mazhilis, { dir: 'rtl' });
  const ltr = await page(width, mazhilis, { dir: 'ltr' });
  const pixels = (p) => p.evaluate(() => document.querySelector('tally-board').shadowRoot.querySelector('canvas').toDataURL());
  const f = await facts(rtl.p);
  const file = await shot(rtl.p, `en-on-rtl-page-${width}`);
  check(`an English card on a dir="rtl" page at ${width} px: dir="ltr", drawn pixel for pixel as on a left-to-right page`,
    f.canvasDir === 'ltr' && f.ctxDirection === 'ltr' && f.tableDir === 'ltr' && await pixels(rtl.p) === await pixels(ltr.p), file);
  await rtl.p.close();
  await ltr.p.close();
}

// Reflow at 320 px: the visible HTML table breaks no word, and nothing overflows the page, even
// on a page whose own stylesheet lets words break anywhere (overflow-wrap and word-break inherit
// into the shadow tree).
const reflow = () => {
  const root = document.querySelector('tally-board').shadowRoot;
  const broken = [];
  const narrow = [];
  for (const th of root.querySelectorAll('tbody th')) {
    const text = th.querySelector('bdi').firstChild;
    // Each word (between spaces, hyphens and dashes, where a line may break) on one line.
    let at = 0;
    for (const word of text.data.split(/(?<=[\s\-\u2010-\u2014])/)) {
      const range = document.createRange();
      const core = word.replace(/\s+$/, '');
      range.setStart(text, at);
      range.setEnd(text, at + core.length);
      const lines = new Set([...range.getClientRects()].filter((q) => q.width > 0).map((q) => Math.round(q.top)));
      if (lines.size > 1) broken.push(core);
      at += word.length;
    }
    if (th.scrollWidth > th.clientWidth + 1) narrow.push(th.textContent);
  }
  return { broken, narrow, page: document.documentElement.scrollWidth, view: window.innerWidth, rows: root.querySelectorAll('tbody th').length,
    table: root.querySelector('.tables').getBoundingClientRect().width };
};
for (const [locale, data, what] of [['en', mazhilis, 'Mazhilis 2021'], ['he', knesset, 'Israel 2021'], ['ar', mazhilis, 'Mazhilis 2021']]) {
  const { p, errors } = await page(320, data, { locale, table: 'visible' });
  await p.evaluate(() => { document.body.style.overflowWrap = 'anywhere'; document.body.style.wordBreak = 'break-word'; });
  const r = await p.evaluate(reflow);
  const file = await p.screenshot({ path: path.join(OUT, `table-${locale}-320.png`), fullPage: true }).then(() => `target/e2e-rtl/table-${locale}-320.png`);
  check(`320 px, ${locale} (${what}): no word of the ${r.rows} names is broken across lines`, r.rows > 0 && r.broken.length === 0, JSON.stringify(r.broken.slice(0, 5)) + ' ' + file);
  check(`320 px, ${locale}: every name cell is as wide as its longest word`, r.narrow.length === 0, JSON.stringify(r.narrow.slice(0, 3)));
  check(`320 px, ${locale}: no horizontal overflow of the page`, r.page <= r.view, `${r.page} px of ${r.view} (table box ${Math.round(r.table)} px)`);
  check(`320 px, ${locale}: no console or page errors`, errors.length === 0, errors.join(' | ').slice(0, 300));
  if (locale === 'he') {
    const v = await axe(p);
    check('axe: the visible right-to-left table at 320 px, no violation', v.length === 0, v.join('; ') || 'no violations');
  }
  if (locale === 'en') {
    // A control that must fail: names forced to break anywhere are caught.
    await p.evaluate(() => {
      const root = document.querySelector('tally-board').shadowRoot;
      const sheet = new CSSStyleSheet();
      sheet.replaceSync('th { word-break: break-all; max-width: 40px; }');
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    });
    const c = await p.evaluate(reflow);
    check('control: a table forced to break words is caught', c.broken.length > 0, JSON.stringify(c.broken.slice(0, 3)));
  }
  await p.close();
}

await b.close();
server.close();
process.exit(summary() ? 1 : 0);
