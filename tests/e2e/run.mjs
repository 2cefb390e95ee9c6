// End-to-end: the RELEASE package (make www/pkg) on the demo page in Chromium.
import { serve, browser } from './server.mjs';

const results = [];
function check(name, ok, detail = '') {
  results.push(ok);
  console.log(`${ok ? 'PASS' : 'FAIL'} ${name}${detail ? ': ' + detail : ''}`);
}

const { server, url } = await serve();
const b = await browser();
try {
  const page = await b.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true', null, { timeout: 20000 });
  // The gallery elements load lazily: scroll each into view.
  const boards = await page.$$('tally-board');
  for (const el of boards) await el.scrollIntoViewIfNeeded();
  await page.waitForFunction(() => [...document.querySelectorAll('tally-board')].every((b) => b.shadowRoot.querySelector('canvas[data-state]')), null, { timeout: 20000 });
  check('every gallery example renders', boards.length === 3, `${boards.length} cards`);

  const states = await page.$$eval('tally-board', (els) => els.map((e) => e.shadowRoot.querySelector('canvas').dataset.state));
  check('every example validates without error', states.every((s) => s === 'ok'), states.join(','));

  const inked = await page.$$eval('tally-board', (els) => els.map((e) => {
    const c = e.shadowRoot.querySelector('canvas');
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 0; i < d.length; i += 4) if (d[i] < 200 || d[i + 1] < 200 || d[i + 2] < 200) n++;
    return n;
  }));
  check('no card is blank', inked.every((n) => n > 2000), inked.join(','));

  const seats = await page.evaluate(() => {
    const board = document.querySelector('tally-board[data-example="kz-mazhilis-2021.json"]');
    const card = board.card;
    const c = board.shadowRoot.querySelector('canvas');
    const dpr = c.width / c.clientWidth;
    const ctx = c.getContext('2d');
    const s = card.seatCentres();
    const count = {};
    for (let i = 0; i < s.length; i += 3) {
      const [r, g, b] = ctx.getImageData(Math.round(s[i] * dpr), Math.round(s[i + 1] * dpr), 1, 1).data;
      const hex = '#' + [r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('');
      count[hex] = (count[hex] || 0) + 1;
    }
    return count;
  });
  check('Mazhilis seats painted 76 / 12 / 10', seats['#00a0e3'] === 76 && seats['#1c3f94'] === 12 && seats['#d62728'] === 10, JSON.stringify(seats));

  const tableText = await page.evaluate(() => document.querySelector('tally-board[data-example="kz-mazhilis-2021.json"]').shadowRoot.querySelector('table').innerText);
  check('the element has a real HTML table', tableText.includes('Nur Otan') && tableText.includes('5,148,074'), tableText.slice(0, 60).replace(/\s+/g, ' '));

  // Hover a seat: the tooltip tells party, votes and seats.
  await page.locator('tally-board[data-example="kz-mazhilis-2021.json"]').scrollIntoViewIfNeeded();
  const pos = await page.evaluate(() => {
    const board = document.querySelector('tally-board[data-example="kz-mazhilis-2021.json"]');
    const r = board.shadowRoot.querySelector('canvas').getBoundingClientRect();
    const s = board.card.seatCentres();
    return { x: r.left + s[0] + 0.5, y: r.top + s[1] + 0.5 };
  });
  await page.mouse.move(pos.x, pos.y);
  const tip = await page.evaluate(() => {
    const t = document.querySelector('tally-board[data-example="kz-mazhilis-2021.json"]').shadowRoot.querySelector('.tip');
    return t.hidden ? '' : t.textContent;
  });
  check('hovering a seat shows the tooltip', tip.includes('Nur Otan') && tip.includes('76'), tip);

  // The editor: break the JSON, then mend it.
  await page.fill('#json', '{ "tallyboard": 1, "contests": [ }');
  await page.waitForFunction(() => window.tallyboardCards.editor.report()?.errors > 0);
  const broken = await page.evaluate(() => ({
    state: document.querySelector('#editor-card canvas').dataset.state,
    findings: document.getElementById('findings').innerText,
  }));
  check('a syntax error draws the error card', broken.state === 'error', broken.state);
  check('the findings list shows line and column', /line 1, column \d+/.test(broken.findings), broken.findings.replace(/\s+/g, ' ').slice(0, 100));
  const good = await (await fetch(url + 'data/kz-mazhilis-2021.json')).text();
  const moved = good.replace('"seats": 76', '"seats": 75').replace('"seats": 12', '"seats": 13');
  await page.fill('#json', moved);
  await page.waitForFunction(() => document.querySelector('#editor-card canvas').dataset.state === 'invalid');
  const paths = await page.$eval('#findings', (el) => el.innerText);
  check('a moved seat is named at both parties', paths.includes('/contests/0/parties/0/seats') && paths.includes('/contests/0/parties/1/seats'), '');
  await page.fill('#json', good);
  await page.waitForFunction(() => document.querySelector('#editor-card canvas').dataset.state === 'ok');
  check('mended JSON draws the card again', true);

  // Locale switch.
  await page.selectOption('#locale', 'ru');
  await page.waitForFunction(() => (document.querySelector('tally-board[data-example="kz-mazhilis-2021.json"]').shadowRoot.querySelector('canvas').getAttribute('aria-label') || '').includes('из 98 мест'));
  check('the locale switch shows Russian', true);
  await page.selectOption('#locale', 'kk');
  const kk = await page.evaluate(() => document.querySelector('tally-board[data-example="kz-mazhilis-2021.json"]').shadowRoot.querySelector('table').innerText);
  check('the locale switch shows Kazakh', kk.includes('Орындар') && kk.includes('5\u00a0148\u00a0074'), kk.slice(0, 80).replace(/\s+/g, ' '));
  await page.selectOption('#locale', 'en');

  // Exports from the element.
  const exp = await page.evaluate(async () => {
    const board = document.querySelector('tally-board[data-example="kz-mazhilis-2021.json"]');
    const png = new Uint8Array(await (await board.export('png')).arrayBuffer());
    const svg = await (await board.export('svg')).text();
    const csv = await (await board.export('csv')).text();
    const wiki = await (await board.export('wikitext')).text();
    const img = await createImageBitmap(new Blob([png], { type: 'image/png' }));
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    return {
      pngMagic: Array.from(png.slice(0, 4)), pngWidth: img.width, cardWidth: board.shadowRoot.querySelector('canvas').clientWidth,
      svgOk: !doc.querySelector('parsererror'), circles: doc.querySelectorAll('circle').length,
      csvRows: csv.trim().split(/\r?\n/).length, wikiRows: wiki.split('\n').filter((l) => l.startsWith('| style="text-align:left" | ')).length,
    };
  });
  check('PNG export decodes at 2x', exp.pngMagic.join() === '137,80,78,71' && exp.pngWidth === 2 * exp.cardWidth, `${exp.pngWidth} px for a ${exp.cardWidth} px card`);
  check('SVG export parses with 98 seats', exp.svgOk && exp.circles === 98, `${exp.circles} circles`);
  check('CSV export has a row per party', exp.csvRows === 6, `${exp.csvRows} lines`);
  check('wikitext export has a row per party', exp.wikiRows === 5, `${exp.wikiRows} rows`);

  // Phone width: the cards re-lay out.
  await page.setViewportSize({ width: 375, height: 800 });
  await page.waitForTimeout(300);
  const widths = await page.$$eval('tally-board', (els) => els.map((e) => e.shadowRoot.querySelector('canvas').clientWidth));
  check('at 375 px every card fits', widths.every((w) => w <= 375 - 16), widths.join(','));

  check('no console or page errors', errors.length === 0, errors.join(' | ').slice(0, 300));
} finally {
  await b.close();
  server.close();
}
const failed = results.filter((r) => !r).length;
console.log(`${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
