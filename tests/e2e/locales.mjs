// Any locale (issue #17), in the release package: what each card downloads (an English card no
// catalogue and no intl module; a German one its catalogue and the intl module, once per page),
// the words and numbers it shows, the page's own words, a locale changed on a drawn card, and the
// console warnings for what it cannot do (a language without a catalogue, a word that is not one).
import { serve, browser, checks } from './server.mjs';

const { check, summary } = checks();
const { server, url } = await serve();
const b = await browser();

const page = (body) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>locales</title>
<script type="module" src="pkg/tally-board.js"></script></head><body>${body}</body></html>`;

// The page's requests, console warnings and, once every card has a verdict, each card's label and table.
async function open(body, then) {
  const p = await b.newPage({ viewport: { width: 900, height: 900 } });
  const requests = [];
  const warnings = [];
  p.on('request', (r) => requests.push(new URL(r.url()).pathname));
  p.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  await p.route('**/locales-test.html', (r) => r.fulfill({ contentType: 'text/html', body: page(body) }));
  await p.goto(url + 'locales-test.html');
  const ready = () => [...document.querySelectorAll('tally-board')].every((e) => {
    const c = e.shadowRoot.querySelector('canvas');
    return c && c.dataset.state === 'ok' && e.shadowRoot.querySelector('table');
  });
  await p.waitForFunction(ready, null, { timeout: 30000 });
  if (then) {
    await p.evaluate(then);
    await p.waitForFunction(() => (document.querySelector('tally-board').shadowRoot.querySelector('canvas').getAttribute('aria-label') || '').includes('検証済み'), null, { timeout: 30000 });
  }
  const cards = await p.evaluate(() => [...document.querySelectorAll('tally-board')].map((e) => ({
    label: e.shadowRoot.querySelector('canvas').getAttribute('aria-label'),
    table: e.shadowRoot.querySelector('table').innerText,
    lang: e.shadowRoot.querySelector('.card').lang,
  })));
  await p.close();
  const count = (part) => requests.filter((r) => r.includes(part)).length;
  return { requests, warnings, cards, count };
}

const SRC = 'src="data/kz-mazhilis-2021.json"';

{
  const r = await open(`<tally-board ${SRC}></tally-board>`);
  check('an English card loads no catalogue and no intl module', r.count('/locales/') === 0 && r.count('tallyboard_intl') === 0 && r.count('tallyboard_bg.wasm') === 1,
    r.requests.filter((x) => x.includes('pkg/')).join(', '));
  check('and says nothing on the console', r.warnings.length === 0, r.warnings.join(' | '));
}
{
  const r = await open(`<tally-board locale="de" ${SRC}></tally-board><tally-board locale="de-AT" ${SRC}></tally-board>`);
  check('two German cards: the intl module and locales/de.json, each once; not the English modules',
    r.count('/locales/de.json') === 1 && r.count('tallyboard_intl_bg.wasm') === 1 && r.count('tallyboard_bg.wasm') === 0 && r.count('tallyboard_first') === 0,
    r.requests.filter((x) => x.includes('pkg/')).join(', '));
  const [de] = r.cards;
  check('German words and numbers: "Zahlen geprüft: keine Fehler, 2 Hinweise", "Sitze", 5.148.074, 71,09 %',
    /Zahlen geprüft: keine Fehler, 2 Hinweise/.test(de.label) && /Sitze/.test(de.table) && de.table.includes('5.148.074') && de.table.includes('71,09\u00a0%'),
    `${de.label.slice(0, 120)} | ${de.table.slice(0, 120).replace(/\s+/g, ' ')}`);
  check('the card\'s parts are marked lang="de"', de.lang === 'de', de.lang);
  check('no warning for a language with its catalogue', r.warnings.length === 0, r.warnings.join(' | '));
}
{
  const r = await open(`<tally-board locale="nl" ${SRC}></tally-board>`);
  const [nl] = r.cards;
  check('Dutch (no catalogue): English words, numbers as the browser writes Dutch ones (5.148.074)', /Numbers checked/.test(nl.label) && nl.table.includes('5.148.074'), nl.table.slice(0, 100).replace(/\s+/g, ' '));
  check('and a console warning that says so', r.warnings.some((w) => w.includes('locale "nl"') && w.includes('English')), r.warnings.join(' | '));
}
{
  const words = JSON.stringify({ seats: 'Mandate', votes: 5, party: '{party}', element: { coalition: 'Koalition bauen' } }).replace(/'/g, '&#39;');
  const r = await open(`<tally-board locale="de" words='${words}' ${SRC}></tally-board>`);
  const [de] = r.cards;
  check('the page\'s own words over the catalogue\'s ("Mandate"); the bad ones left out (German "Stimmen", "Partei")',
    /Mandate/.test(de.table) && /Stimmen/.test(de.table) && /Partei/.test(de.table), de.table.slice(0, 100).replace(/\s+/g, ' '));
  check('each word left out is a console warning', r.warnings.filter((w) => /words: "(votes|party)"/.test(w)).length === 2, r.warnings.join(' | '));
}
{
  const r = await open(`<tally-board ${SRC}></tally-board>`, () => document.querySelector('tally-board').setAttribute('locale', 'ja'));
  const [ja] = r.cards;
  check('an English card set to Japanese is drawn again in Japanese (議席, 数値を検証済み)', /数値を検証済み/.test(ja.label) && /議席/.test(ja.table) && ja.lang === 'ja',
    `${ja.label.slice(0, 60)} | ${ja.table.slice(0, 60).replace(/\s+/g, ' ')}`);
}

await b.close();
server.close();
process.exit(summary('locales') ? 1 : 0);
