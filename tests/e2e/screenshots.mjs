// Screenshots of the demo page and of the Mazhilis card at 375 px and 1280 px
// (headless Chromium, the release package). Written to docs/screenshots/.
import path from 'node:path';
import { serve, browser, ROOT } from './server.mjs';

const out = path.join(ROOT, 'docs/screenshots');
const { server, url } = await serve();
const b = await browser();
try {
  for (const width of [375, 1280]) {
    const page = await b.newPage({ viewport: { width, height: 900 }, deviceScaleFactor: 1 });
    await page.goto(url);
    await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
    for (const el of await page.$$('tally-board')) await el.scrollIntoViewIfNeeded();
    await page.waitForFunction(() => [...document.querySelectorAll('tally-board')].every((b) => b.shadowRoot.querySelector('canvas[data-state]')));
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(200);
    await page.screenshot({ path: path.join(out, `demo-${width}.png`), fullPage: true });
    await page.locator('tally-board[data-example="kz-mazhilis-2021.json"]').screenshot({ path: path.join(out, `mazhilis-${width}.png`) });
    await page.locator('tally-board[data-example="nur-otan-21st-congress-2022.json"]').screenshot({ path: path.join(out, `congress-${width}.png`) });
    console.log(`screenshots at ${width} px written`);
    await page.close();
  }
} finally {
  await b.close();
  server.close();
}
