// Accessibility of the RELEASE package (make www/pkg) in Chromium:
//  - axe-core (its default rules plus every wcag2a/wcag2aa/wcag21a/wcag21aa rule, open
//    shadow roots included) on the demo page at 1280 px in the light and the dark theme
//    and at 375 px, and on www/element.html (one <tally-board>, nothing else), with the
//    coalition sum showing and with the HTML table made visible;
//  - keyboard: Tab reaches the canvas, every coalition button and every export button,
//    each with a visible focus indicator (an outline of at least 3:1 against the page, and
//    pixels that change on focus); Enter and Space toggle a coalition button and the sum
//    follows in a live region.
// Prints a line per check and "N passed, M failed"; exits 1 on a failure.
import path from 'node:path';
import pngjs from '../../tools/node_modules/pngjs/lib/png.js';
import { serve, browser, ROOT, checks } from './server.mjs';

const { PNG } = pngjs;
const AXE = path.join(ROOT, 'tools/node_modules/axe-core/axe.min.js');
const MAZHILIS = 'kz-mazhilis-2021.json';
const { check, summary } = checks();

// Every <tally-board> on the page scrolled into view (they load lazily) and drawn.
async function boardsReady(page) {
  for (const el of await page.$$('tally-board')) await el.scrollIntoViewIfNeeded();
  await page.waitForFunction(() => [...document.querySelectorAll('tally-board')]
    .every((b) => b.shadowRoot.querySelector('canvas[data-state]:not([data-state=checking])') && !b.shadowRoot.querySelector('.exports').hidden), null, { timeout: 20000 });
  await page.evaluate(() => window.scrollTo(0, 0));
}

async function openDemo(page, base) {
  await page.goto(base);
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true', null, { timeout: 20000 });
  await boardsReady(page);
}

async function openElement(page, base) {
  await page.goto(base + 'element.html');
  await boardsReady(page);
}

// axe on the whole document (axe descends into open shadow roots by itself).
async function axe(page, label) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
    const rules = Object.fromEntries(window.axe.getRules(tags).map((r) => [r.ruleId, { enabled: true }]));
    const r = await window.axe.run(document, { rules, resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target.map((t) => [].concat(t).join(' >> ')).join(' | '), summary: n.failureSummary })) }));
  });
  for (const v of violations) {
    for (const n of v.nodes) console.log(`  violation ${v.id} (${v.impact}) at ${n.target}: ${v.help}\n    ${(n.summary || '').replace(/\n\s*/g, ' ')}`);
  }
  check(`axe: ${label}`, violations.length === 0,
    violations.length ? violations.map((v) => `${v.id} x${v.nodes.length}`).join(', ') : 'no violations');
}

// Press a coalition button of the Mazhilis card (in the page's first such board).
const board = () => `tally-board[data-example="${MAZHILIS}"], tally-board[src$="${MAZHILIS}"]`;
async function pressFirstCoalition(page) {
  await page.evaluate((sel) => document.querySelector(sel).shadowRoot.querySelector('.coalition button').click(), board());
  await page.waitForFunction((sel) => document.querySelector(sel).shadowRoot.querySelector('.sum').textContent !== '', board());
}
async function clearCoalition(page) {
  await page.evaluate((sel) => {
    for (const b of document.querySelector(sel).shadowRoot.querySelectorAll('.coalition button[aria-pressed="true"]')) b.click();
  }, board());
}

// The focused element, through shadow roots: a description and its focus ring.
function page_focused() {
  let el = document.activeElement;
  while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
  if (!el || el === document.body) return null;
  const host = el.getRootNode().host || null;
  const target = document.querySelector('tally-board[data-example="kz-mazhilis-2021.json"], tally-board[src$="kz-mazhilis-2021.json"]');
  const cs = getComputedStyle(el);
  const r = el.getBoundingClientRect();
  return {
    tag: el.localName,
    kind: el.closest('.coalition') ? 'coalition' : el.closest('.exports') ? 'export' : el.localName,
    inBoard: !!host && host === target,
    name: el.getAttribute('aria-label') || el.textContent.trim(),
    pressed: el.getAttribute('aria-pressed'),
    outlineStyle: cs.outlineStyle, outlineWidth: parseFloat(cs.outlineWidth), outlineColor: cs.outlineColor,
    outlineOffset: parseFloat(cs.outlineOffset),
    box: { x: r.left, y: r.top, width: r.width, height: r.height },
  };
}

// WCAG contrast of two CSS rgb() colours.
function rgb(css) { return (css.match(/[\d.]+/g) || []).slice(0, 3).map(Number); }
function luminance([r, g, b]) {
  const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
  return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
}
function contrast(a, b) {
  const [x, y] = [luminance(rgb(a)), luminance(rgb(b))].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}
function differing(a, b) {
  const pa = PNG.sync.read(a), pb = PNG.sync.read(b);
  if (pa.width !== pb.width || pa.height !== pb.height) return Infinity;
  let n = 0;
  for (let i = 0; i < pa.data.length; i += 4) {
    if (Math.abs(pa.data[i] - pb.data[i]) + Math.abs(pa.data[i + 1] - pb.data[i + 1]) + Math.abs(pa.data[i + 2] - pb.data[i + 2]) > 48) n++;
  }
  return n;
}

// Tab through the element (from the top of the page) and check every stop.
async function keyboard(page, label) {
  const pageBg = await page.evaluate(() => {
    let el = document.querySelector('tally-board');
    for (; el; el = el.parentElement) { const c = getComputedStyle(el).backgroundColor; if (!/rgba\(0, 0, 0, 0\)|transparent/.test(c)) return c; }
    return getComputedStyle(document.documentElement).backgroundColor.replace(/rgba\(0, 0, 0, 0\)/, 'rgb(255, 255, 255)');
  });
  await page.evaluate(() => { document.activeElement?.blur(); window.scrollTo(0, 0); });
  await page.mouse.move(0, 0);
  const stops = [];
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    const f = await page.evaluate(page_focused);
    if (!f) break;
    if (!f.inBoard) { if (stops.length) break; continue; }
    // The focus ring's pixels: the element's box (plus the ring) with focus, then without.
    const pad = Math.ceil(f.outlineWidth + Math.max(0, f.outlineOffset) + 2);
    const clip = { x: Math.max(0, f.box.x - pad), y: Math.max(0, f.box.y - pad), width: f.box.width + 2 * pad, height: f.box.height + 2 * pad };
    f.withFocus = await page.screenshot({ clip });
    f.clip = clip;
    stops.push(f);
  }
  const kinds = stops.map((s) => s.kind);
  check(`keyboard (${label}): Tab reaches the canvas`, kinds.includes('canvas'), kinds.join(' > '));
  const nCoalition = await page.evaluate((sel) => document.querySelector(sel).shadowRoot.querySelectorAll('.coalition button').length, board());
  const nExport = await page.evaluate((sel) => document.querySelector(sel).shadowRoot.querySelectorAll('.exports button').length, board());
  check(`keyboard (${label}): Tab reaches every coalition button`, nCoalition > 0 && kinds.filter((k) => k === 'coalition').length === nCoalition,
    stops.filter((s) => s.kind === 'coalition').map((s) => s.name).join(', '));
  check(`keyboard (${label}): Tab reaches every export button`, nExport === 4 && kinds.filter((k) => k === 'export').length === nExport,
    stops.filter((s) => s.kind === 'export').map((s) => s.name).join(', '));

  // Without focus: the same boxes, to see that focus changes their pixels.
  await page.evaluate(() => { let el = document.activeElement; while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement; el?.blur(); });
  for (const s of stops) {
    s.withoutFocus = await page.screenshot({ clip: s.clip });
    s.changed = differing(s.withFocus, s.withoutFocus);
    s.contrast = contrast(s.outlineColor, pageBg);
  }
  const bad = stops.filter((s) => s.outlineStyle === 'none' || !(s.outlineWidth >= 2) || s.contrast < 3 || s.changed < 20);
  check(`keyboard (${label}): every stop shows a focus ring (outline >= 2 px, >= 3:1 against the page, pixels change)`, stops.length > 0 && bad.length === 0,
    (bad.length ? 'missing at ' + bad.map((s) => `${s.kind} "${s.name}" (${s.outlineStyle} ${s.outlineWidth}px, ${s.contrast.toFixed(2)}:1, ${s.changed} px changed)`).join('; ')
      : `${stops.length} stops, rings ${[...new Set(stops.map((s) => s.outlineColor))].join(', ')}, min contrast ${Math.min(...stops.map((s) => s.contrast)).toFixed(2)}:1`));

  // Enter and Space on coalition buttons: aria-pressed toggles, the sum follows.
  const state = () => page.evaluate((sel) => {
    const root = document.querySelector(sel).shadowRoot;
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    const sum = root.querySelector('.sum');
    return { pressed: [...root.querySelectorAll('.coalition button')].map((b) => b.getAttribute('aria-pressed')),
      focus: el && el.closest && el.closest('.coalition') ? [...root.querySelectorAll('.coalition button')].indexOf(el) : -1,
      sum: sum ? sum.textContent : null, live: sum ? (sum.getAttribute('aria-live') || (sum.getAttribute('role') === 'status' || sum.localName === 'output' ? 'polite' : '')) : '' };
  }, board());
  const sumBefore = await page.evaluateHandle((sel) => document.querySelector(sel).shadowRoot.querySelector('.sum'), board());
  await page.evaluate((sel) => document.querySelector(sel).shadowRoot.querySelector('.coalition button').focus(), board());
  const s0 = await state();
  await page.keyboard.press('Enter');
  const s1 = await state();
  check(`keyboard (${label}): Enter presses a coalition button and the sum follows`, s0.pressed[0] === 'false' && s1.pressed[0] === 'true' && /^76 /.test(s1.sum) && s1.focus === 0,
    `${s0.pressed[0]} -> ${s1.pressed[0]}, "${s1.sum}", focus on button ${s1.focus}`);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  const s2 = await state();
  check(`keyboard (${label}): Space presses the next one and the sum adds up`, s2.pressed[1] === 'true' && /^88 /.test(s2.sum) && s2.focus === 1,
    `"${s2.sum}", focus on button ${s2.focus}`);
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Space');
  const s3 = await state();
  check(`keyboard (${label}): Space again releases it`, s3.pressed[0] === 'false' && s3.pressed[1] === 'true' && /^12 /.test(s3.sum) && s3.focus === 0,
    `"${s3.sum}", focus on button ${s3.focus}`);
  const same = await page.evaluate(([a, sel]) => a === document.querySelector(sel).shadowRoot.querySelector('.sum'), [sumBefore, board()]);
  check(`keyboard (${label}): the sum is one live region that stays in the page`, same && s3.live === 'polite', `live=${s3.live}, same node: ${same}`);
  // Pressed and not pressed tell apart by more than hue: 3:1 between their backgrounds.
  await clearCoalition(page);
  await page.evaluate((sel) => document.querySelector(sel).shadowRoot.querySelector('.coalition button').click(), board());
  const bg = await page.evaluate((sel) => [...document.querySelector(sel).shadowRoot.querySelectorAll('.coalition button')].slice(0, 2)
    .map((b) => getComputedStyle(b).backgroundColor), board());
  const c = contrast(bg[0], bg[1]);
  check(`keyboard (${label}): a pressed button stands out (background ${c.toFixed(1)}:1 against a released one)`, c >= 3, bg.join(' vs '));
  await clearCoalition(page);
}

const t0 = Date.now();
const { server, url } = await serve();
const b = await browser();
try {
  const errors = [];
  const newPage = async (width, height = 900) => {
    const p = await b.newPage({ viewport: { width, height }, deviceScaleFactor: 1 });
    p.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    p.on('pageerror', (e) => errors.push(String(e)));
    return p;
  };

  // The demo page.
  let page = await newPage(1280);
  await openDemo(page, url);
  await axe(page, 'demo page, 1280 px, light');
  await pressFirstCoalition(page);
  await axe(page, 'demo page, 1280 px, light, a coalition chosen');
  await clearCoalition(page);
  await page.selectOption('#theme', 'dark');
  await page.waitForFunction(() => [...document.querySelectorAll('tally-board')].every((b) => b.getAttribute('theme') === 'dark'));
  await axe(page, 'demo page, 1280 px, dark');
  await pressFirstCoalition(page);
  await axe(page, 'demo page, 1280 px, dark, a coalition chosen');
  await clearCoalition(page);
  await keyboard(page, 'demo page, dark');
  await page.close();

  page = await newPage(375, 800);
  await openDemo(page, url);
  await axe(page, 'demo page, 375 px, light');
  await page.close();

  // The element alone.
  page = await newPage(1280);
  await openElement(page, url);
  await axe(page, 'element.html, 1280 px, light');
  await keyboard(page, 'element.html, light');
  await page.evaluate(() => { const t = document.querySelector('tally-board'); t.setAttribute('table', 'visible'); });
  await pressFirstCoalition(page);
  await axe(page, 'element.html, table visible, a coalition chosen, light');
  await page.evaluate(() => document.querySelector('tally-board').setAttribute('theme', 'dark'));
  await axe(page, 'element.html, table visible, a coalition chosen, dark');
  // Another language than the page's: the element's words say which (lang), and the buttons follow.
  await page.evaluate(() => document.querySelector('tally-board').setAttribute('locale', 'ru'));
  await page.waitForFunction(() => /Скачать/.test(document.querySelector('tally-board').shadowRoot.querySelector('.exports').textContent));
  const ru = await page.evaluate(() => {
    const root = document.querySelector('tally-board').shadowRoot;
    return { langs: [...root.querySelectorAll('.card, .tools, .tables')].map((e) => e.lang),
      coalition: root.querySelector('.coalition button').getAttribute('aria-label'),
      pressed: root.querySelector('.coalition button').getAttribute('aria-pressed'),
      sum: root.querySelector('.sum').textContent,
      download: root.querySelector('.exports button').getAttribute('aria-label') };
  });
  check('locale ru on an English page: lang="ru" on the card, tools and table; names in Russian; the choice kept',
    ru.langs.every((l) => l === 'ru') && /добавить в коалицию/.test(ru.coalition) && /76 мест/.test(ru.coalition) && ru.download === 'Скачать PNG'
      && ru.pressed === 'true' && /из 98/.test(ru.sum),
    `${ru.langs.join(',')}; "${ru.coalition}"; "${ru.download}"; "${ru.sum}"`);
  await axe(page, 'element.html, locale ru, dark');
  await page.close();

  page = await newPage(375, 800);
  await openElement(page, url);
  await axe(page, 'element.html, 375 px, light');
  await page.close();

  check('no console or page errors', errors.length === 0, errors.join(' | ').slice(0, 300));
} finally {
  await b.close();
  server.close();
}
process.exit(summary(`${((Date.now() - t0) / 1000).toFixed(1)} s`) ? 1 : 0);
