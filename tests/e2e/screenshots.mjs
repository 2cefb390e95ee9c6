// Screenshots of the demo page (www/index.html) with the RELEASE package (make www/pkg), in
// headless Chromium, light theme, deviceScaleFactor 1, into docs/screenshots/:
//   demo-375.png, demo-1280.png          the whole page (full height) at 375 and 1280 px wide
//   mazhilis-375.png, mazhilis-1280.png  the Mazhilis card of the gallery (the <tally-board>)
//   congress-375.png, congress-1280.png  the 21st Nur Otan congress card (used by the README)
//   night-375.png, night-1280.png        www/night.html's first state: a partial count (New Zealand
//                                        2020 at 8:12pm, 24% counted) with its swing chart
// Same self-started static server as the tests (tests/e2e/server.mjs). Run from the repo root:
//     node tests/e2e/screenshots.mjs
import path from 'node:path';
import { serve, browser, ROOT } from './server.mjs';

const OUT = path.join(ROOT, 'docs/screenshots');
const CARDS = { mazhilis: 'kz-mazhilis-2021.json', congress: 'nur-otan-21st-congress-2022.json' };
const WAIT = { timeout: 15000 };

const { server, url } = await serve();
const b = await browser();
let failed = false;
try {
  for (const width of [375, 1280]) {
    const page = await b.newPage({ viewport: { width, height: 900 }, deviceScaleFactor: 1, colorScheme: 'light', reducedMotion: 'reduce' });
    const errors = [];
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(url);
    await page.waitForFunction(() => document.documentElement.dataset.ready === 'true', null, WAIT);
    // The gallery cards draw when they near the viewport: bring each one in.
    for (const el of await page.$$('tally-board')) await el.scrollIntoViewIfNeeded();
    await page.waitForFunction(() => [...document.querySelectorAll('tally-board')]
      .every((t) => t.shadowRoot.querySelector('canvas[data-state]:not([data-state=checking])') && !t.shadowRoot.querySelector('.exports').hidden), null, WAIT);
    await page.evaluate(async () => { document.activeElement?.blur(); window.scrollTo(0, 0); await document.fonts.ready; });
    await page.mouse.move(0, 0);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const shots = [[`demo-${width}.png`, () => page.screenshot({ path: path.join(OUT, `demo-${width}.png`), fullPage: true, caret: 'hide' })]];
    for (const [name, file] of Object.entries(CARDS)) {
      shots.push([`${name}-${width}.png`, () => page.locator(`tally-board[data-example="${file}"]`)
        .screenshot({ path: path.join(OUT, `${name}-${width}.png`), caret: 'hide' })]);
    }
    for (const [name, shoot] of shots) {
      await shoot();
      console.log(`docs/screenshots/${name}`);
    }
    // The election-night page's first state: a partial card with a swing chart.
    await page.goto(url + 'night.html');
    await page.waitForFunction(() => document.querySelector('tally-board')?.shadowRoot?.querySelector('canvas[data-state]:not([data-state=checking])'), null, WAIT);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await page.locator('tally-board').screenshot({ path: path.join(OUT, `night-${width}.png`), caret: 'hide' });
    console.log(`docs/screenshots/night-${width}.png`);
    if (errors.length) {
      failed = true;
      console.log(`console or page errors at ${width} px: ${errors.join(' | ').slice(0, 300)}`);
    }
    await page.close();
  }
} finally {
  await b.close();
  server.close();
}
process.exit(failed ? 1 : 0);
