// The element on the pages newsrooms embed it in (issue #17): a right-to-left
// page, a reader whose system is dark, and the verdict in the canvas label.
//  - dir="rtl": the canvas keeps its own left-to-right layout, pixel for pixel
//    (it used to inherit direction: rtl, so "−8" read "8−" and dates were reordered);
//  - no theme attribute in a dark system: the card follows it (it used to stay light);
//  - the canvas label says whether the numbers check out.
import { serve, browser, checks } from './server.mjs';

const { check, summary } = checks();
const { server, url } = await serve();
const b = await browser();

async function card(page) {
  await page.goto(url + 'element.html');
  await page.waitForFunction(() => document.querySelector('tally-board')?.shadowRoot?.querySelector('canvas[data-state]'), null, { timeout: 30000 });
}
const pixels = (page) => page.evaluate(() => document.querySelector('tally-board').shadowRoot.querySelector('canvas').toDataURL());

// Right to left.
{
  const page = await b.newPage({ viewport: { width: 1280, height: 900 } });
  await card(page);
  const ltr = await pixels(page);
  const r = await page.evaluate(() => {
    document.documentElement.dir = 'rtl';
    const el = document.querySelector('tally-board');
    el.card.setOptions({ locale: 'en' });
    const canvas = el.shadowRoot.querySelector('canvas');
    return { dir: canvas.getAttribute('dir'), direction: getComputedStyle(canvas).direction };
  });
  const rtl = await pixels(page);
  check('a right-to-left page: the canvas says dir="ltr"', r.dir === 'ltr' && r.direction === 'ltr', JSON.stringify(r));
  check('a right-to-left page: the card is drawn exactly as on a left-to-right one', rtl === ltr, `${ltr.length} / ${rtl.length} bytes of PNG`);
  const label = await page.evaluate(() => document.querySelector('tally-board').shadowRoot.querySelector('canvas').getAttribute('aria-label'));
  check('the canvas label says whether the numbers check out', /Numbers checked: no errors, \d+ findings?\./.test(label), label.slice(0, 120));
  await page.close();
}

// A dark system and no theme attribute.
{
  const page = await b.newPage({ viewport: { width: 1280, height: 900 }, colorScheme: 'dark' });
  await card(page);
  const r = await page.evaluate(() => {
    const el = document.querySelector('tally-board');
    const c = el.shadowRoot.querySelector('canvas');
    const d = c.getContext('2d').getImageData(2, 2, 1, 1).data;
    return { theme: el.getAttribute('theme'), corner: [d[0], d[1], d[2]], color: getComputedStyle(el).color };
  });
  check('a dark system with no theme attribute: the card is dark', r.theme === null && r.corner.join() === '22,24,28', JSON.stringify(r));
  check('a dark system with no theme attribute: the element\'s text is light', r.color === 'rgb(238, 238, 238)', r.color);
  await page.close();
}

await b.close();
server.close();
process.exit(summary() ? 1 : 0);
