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
  await page.waitForFunction(() => document.querySelector('tally-board')?.shadowRoot?.querySelector('canvas[data-state]:not([data-state=checking])'), null, { timeout: 30000 });
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

// By keyboard only: Tab to the card, Enter opens its findings (the badge), the arrow keys
// bring each party forward with its tooltip, Escape lets go; then the coalition and the exports.
{
  const page = await b.newPage({ viewport: { width: 1280, height: 900 } });
  await card(page);
  const state = () => page.evaluate(() => {
    const root = document.querySelector('tally-board').shadowRoot;
    let a = document.activeElement;
    while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement;
    const tip = root.querySelector('.tip');
    return { focus: a ? (a.tagName + ' ' + (a.getAttribute('aria-label') || a.textContent || '')).slice(0, 60) : '',
      height: root.querySelector('canvas').height, tip: tip.hidden ? '' : tip.textContent,
      items: [...root.querySelectorAll('.findings-list li')].map((li) => li.dataset.severity + ': ' + li.textContent.slice(0, 50)) };
  });
  await page.keyboard.press('Tab');
  const s0 = await state();
  await page.keyboard.press('Enter');
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(r)));
  const s1 = await state();
  check('keyboard: Tab reaches the card, Enter opens its findings (the card grows)', s0.focus.startsWith('CANVAS') && s1.height > s0.height, `${s0.focus}: ${s0.height} -> ${s1.height} px`);
  await page.keyboard.press(' ');
  const s2 = await state();
  check('keyboard: Space closes them again', s2.height === s0.height, `${s2.height} px`);
  check('the findings are a real HTML list with severity, message and place', s1.items.length >= 1 && s1.items.every((i) => /^(error|warning|info): (Error|Warning|Finding): .+/.test(i)), JSON.stringify(s1.items));
  await page.keyboard.press('ArrowRight');
  const s3 = await state();
  await page.keyboard.press('ArrowRight');
  const s4 = await state();
  check('keyboard: the arrow keys bring each party forward with its tooltip', s3.tip.startsWith('Nur Otan') && s4.tip.startsWith('Ak Zhol'), `${s3.tip.slice(0, 40)} | ${s4.tip.slice(0, 40)}`);
  await page.keyboard.press('Escape');
  const s5 = await state();
  check('keyboard: Escape lets the party go and hides the tooltip', s5.tip === '', s5.tip);
  await page.keyboard.press('Tab');
  const s6 = await state();
  await page.keyboard.press('Space');
  const sum = await page.evaluate(() => document.querySelector('tally-board').shadowRoot.querySelector('.sum').textContent);
  check('keyboard: Tab goes on to the coalition, Space adds a party and the sum follows', s6.focus.includes('add to the coalition') && /76 of 98 seats/.test(sum), `${s6.focus} | ${sum}`);
  let last = '';
  for (let i = 0; i < 8 && !last.includes('Download'); i++) { await page.keyboard.press('Tab'); last = (await state()).focus; }
  check('keyboard: and on to the exports', last.includes('Download PNG'), last);
  await page.close();
}

// Between two states the seats move (card.update(data, {animate: true})), unless the reader asks
// for less motion. The states: the 2021 Mazhilis result with no seat assigned yet (a change of
// the real document, for the test) and as published.
for (const reduced of [false, true]) {
  const page = await b.newPage({ viewport: { width: 1280, height: 900 }, reducedMotion: reduced ? 'reduce' : 'no-preference' });
  await card(page);
  const r = await page.evaluate(async () => {
    const m = await import('./pkg/tallyboard_full.js');
    const final = await (await fetch('data/kz-mazhilis-2021.json')).text();
    const start = JSON.parse(final);
    for (const p of start.contests[0].parties) p.seats = null;
    start.contests[0].status = 'partial';
    const host = document.createElement('div');
    host.style.width = '760px';
    document.body.append(host);
    const frame = () => new Promise((res) => requestAnimationFrame(res));
    const shot = () => host.querySelector('canvas').toDataURL();
    // The new card drawn at once, without a transition, to compare the end with.
    const endHost = document.body.appendChild(document.createElement('div'));
    const end = m.render(endHost, final, { width: 760 });
    const card = m.render(host, JSON.stringify(start), { width: 760 });
    const first = shot();
    card.update(final, { animate: true });
    await frame(); await frame(); await frame();
    const mid = shot();
    await new Promise((res) => setTimeout(res, 600));
    await frame();
    const last = shot();
    return { moved: mid !== first && mid !== last, done: card.summary() === end.summary(), finalPixels: last === endHost.querySelector('canvas').toDataURL() };
  });
  if (!reduced) {
    check('a transition: a few frames in, the card is between the two states', r.moved, JSON.stringify(r));
    check('... and it ends on the new card, pixel for pixel', r.finalPixels && r.done, JSON.stringify(r));
  } else {
    check('prefers-reduced-motion: no transition, the new card at once', !r.moved && r.finalPixels, JSON.stringify(r));
  }
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
