// Visual regression of the RELEASE package (make www/pkg): every example card of the demo
// gallery (the <tally-board> element: canvas card, coalition builder, download buttons) at
// 1280 and 375 px wide, light theme, deviceScaleFactor 1, against the committed baselines
// tests/e2e/baselines/<example>-<width>.png (pixelmatch, threshold 0.1; at most
// MAX_RATIO of the pixels may differ).
//
//   node tests/e2e/visual.mjs            compare (a missing baseline is a failure)
//   node tests/e2e/visual.mjs --update   write the baselines: on purpose only, then LOOK
//                                        at every PNG before committing it
//
// The tolerance is tight on purpose: the figures are the point of the card, and one changed
// digit is only 15-30 differing pixels (0.002-0.003 % of the Mazhilis card), while the same
// build on the same machine differs by 0 pixels. 0.5 % would let every figure on the card
// change unseen (only a party's colour, 0.6 %, got caught). Where fonts or Chromium differ
// slightly, loosen it with TALLYBOARD_VISUAL_TOLERANCE=0.005 (a share of the pixels).
//
// Two control checks show that the comparison can fail: the Mazhilis card with Nur Otan's
// previous seats changed from 84 to 83 (the data changed on its way to the page: "−8"
// becomes "−7" in the table) and the 375 px screenshot against the 1280 px baseline.
// On a failure the screenshot and a diff image go to target/visual/.
// Baselines depend on the machine's fonts (headless Chromium, system fonts).
import fs from 'node:fs';
import path from 'node:path';
import pixelmatch from '../../tools/node_modules/pixelmatch/index.js';
import pngjs from '../../tools/node_modules/pngjs/lib/png.js';
import { serve, browser, ROOT, checks } from './server.mjs';

const { PNG } = pngjs;
const UPDATE = process.argv.includes('--update');
const WIDTHS = [1280, 375];
const THRESHOLD = 0.1;    // pixelmatch: per-pixel colour distance (0..1) that counts as different
let MAX_RATIO = Number(process.env.TALLYBOARD_VISUAL_TOLERANCE || 0.00001); // 0.001 %: a 750x1254 card may differ by 9 px
const BASELINES = path.join(ROOT, 'tests/e2e/baselines');
const OUT = path.join(ROOT, 'target/visual');
const examples = JSON.parse(fs.readFileSync(path.join(ROOT, 'www/examples.json'), 'utf8'));
const stem = (file) => file.replace(/\.json$/, '');

const { check, summary } = checks();

// The number of differing pixels (Infinity when the sizes differ) and the diff image.
function compare(actualPng, baselinePng) {
  const a = PNG.sync.read(actualPng), b = PNG.sync.read(baselinePng);
  if (a.width !== b.width || a.height !== b.height) {
    return { differ: Infinity, total: a.width * a.height, size: `${a.width}x${a.height} against a ${b.width}x${b.height} baseline` };
  }
  const diff = new PNG({ width: a.width, height: a.height });
  const differ = pixelmatch(a.data, b.data, diff.data, a.width, a.height, { threshold: THRESHOLD });
  return { differ, total: a.width * a.height, size: `${a.width}x${a.height}`, diff: PNG.sync.write(diff) };
}

function keep(name, actual, result) {
  fs.mkdirSync(OUT, { recursive: true });
  fs.writeFileSync(path.join(OUT, `${name}.actual.png`), actual);
  if (result.diff) fs.writeFileSync(path.join(OUT, `${name}.diff.png`), result.diff);
  return path.relative(ROOT, path.join(OUT, `${name}.actual.png`));
}

// The demo page at a width, every gallery card drawn, nothing hovered or focused.
async function gallery(b, base, width, route) {
  const page = await b.newPage({ viewport: { width, height: 900 }, deviceScaleFactor: 1, colorScheme: 'light', reducedMotion: 'reduce' });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  if (route) await page.route(route.url, route.handler);
  await page.goto(base);
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true', null, { timeout: 20000 });
  for (const el of await page.$$('tally-board')) await el.scrollIntoViewIfNeeded();
  await page.waitForFunction(() => [...document.querySelectorAll('tally-board')]
    .every((t) => t.shadowRoot.querySelector('canvas[data-state]:not([data-state=checking])') && !t.shadowRoot.querySelector('.exports').hidden), null, { timeout: 20000 });
  await page.evaluate(async () => { document.activeElement?.blur(); window.scrollTo(0, 0); await document.fonts.ready; });
  await page.mouse.move(0, 0);
  // Two frames for the last ResizeObserver redraw.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  return { page, errors };
}

const shoot = (page, file) => page.locator(`tally-board[data-example="${file}"]`).screenshot({ animations: 'disabled', caret: 'hide' });

const t0 = Date.now();
const shots = {};
const { server, url } = await serve();
const b = await browser();
// The baselines record the Chromium they were made with. Another Chromium (a fresh machine gets
// Debian's latest) anti-aliases text a little differently: then only layout changes count
// (1 % of the pixels), and the run says so; `--update` on purpose makes new exact baselines.
const META = path.join(BASELINES, 'chromium.json');
const running = b.version();
if (UPDATE) {
  fs.mkdirSync(BASELINES, { recursive: true });
  fs.writeFileSync(META, JSON.stringify({ chromium: running }, null, 2) + '\n');
} else if (!process.env.TALLYBOARD_VISUAL_TOLERANCE) {
  const made = fs.existsSync(META) ? JSON.parse(fs.readFileSync(META, 'utf8')).chromium : 'unknown';
  if (made !== running) {
    MAX_RATIO = 0.01;
    console.log(`note: baselines made with Chromium ${made}, running ${running}: tolerance 1 % of the pixels`);
  }
}
try {
  for (const width of WIDTHS) {
    const { page, errors } = await gallery(b, url, width);
    for (const ex of examples) {
      const name = `${stem(ex.file)}-${width}`;
      const file = path.join(BASELINES, `${name}.png`);
      const rel = path.relative(ROOT, file);
      const actual = await shoot(page, ex.file);
      shots[name] = actual;
      if (UPDATE) {
        fs.writeFileSync(file, actual);
        const { width: w, height: h } = PNG.sync.read(actual);
        check(`${name}`, true, `baseline written: ${rel} (${w}x${h}); look at it before committing`);
        continue;
      }
      if (!fs.existsSync(file)) {
        check(`${name}`, false, `no baseline ${rel}: create it with \`node tests/e2e/visual.mjs --update\`, look at the PNG, and commit it`);
        continue;
      }
      const r = compare(actual, fs.readFileSync(file));
      const ok = r.differ <= r.total * MAX_RATIO;
      const share = r.differ === Infinity ? 'size changed' : `${r.differ} of ${r.total} px differ (${(100 * r.differ / r.total).toFixed(4)} %, at most ${+(100 * MAX_RATIO).toPrecision(3)} %)`;
      check(`${name}`, ok, `${share}, ${r.size}${ok ? '' : `; see ${keep(name, actual, r)} and its .diff.png; if the change is intended, run \`node tests/e2e/visual.mjs --update\``}`);
    }
    check(`no console or page errors at ${width} px`, errors.length === 0, errors.join(' | ').slice(0, 300));
    await page.close();
  }

  // Controls: changed cards must fail the comparison (so that a pass means something).
  const control = path.join(BASELINES, 'kz-mazhilis-2021-1280.png');
  if (!UPDATE && fs.existsSync(control)) {
    const route = {
      url: '**/data/kz-mazhilis-2021.json',
      handler: async (r) => {
        const res = await r.fetch();
        await r.fulfill({ response: res, body: (await res.text()).replace('"previous_seats": 84', '"previous_seats": 83') });
      },
    };
    const { page } = await gallery(b, url, 1280, route);
    const r = compare(await shoot(page, 'kz-mazhilis-2021.json'), fs.readFileSync(control));
    if (MAX_RATIO <= 0.0001) {
      check('control: Mazhilis with previous seats 83 (the table shows "−7") fails against the baseline', r.differ > r.total * MAX_RATIO,
        `${r.differ} of ${r.total} px differ (${(100 * r.differ / r.total).toFixed(4)} %)`);
    } else {
      console.log(`note: the one-figure control is not run at a ${100 * MAX_RATIO} % tolerance (${r.differ} px differ)`);
    }
    await page.close();
    const narrow = compare(shots['kz-mazhilis-2021-375'], fs.readFileSync(control));
    check('control: the 375 px Mazhilis card fails against the 1280 px baseline', narrow.differ > narrow.total * MAX_RATIO, narrow.size);
  }
} finally {
  await b.close();
  server.close();
}
process.exit(summary(`${((Date.now() - t0) / 1000).toFixed(1)} s`) ? 1 : 0);
