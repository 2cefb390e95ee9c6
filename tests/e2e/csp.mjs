// The demo page and the element page under a strict Content-Security-Policy with
// Trusted Types, as a newsroom or a wiki may serve them:
//   default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; require-trusted-types-for 'script'
// The element builds its DOM without HTML strings and styles its shadow root with a
// constructable stylesheet, so every style applies and the browser reports no violation.
import { serve, browser, checks } from './server.mjs';

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:; " +
  "require-trusted-types-for 'script'";
const { check, summary } = checks();
const { server, url } = await serve(undefined, { 'content-security-policy': CSP });
const b = await browser();

async function open(pathname) {
  const page = await b.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  // Violations as the page sees them (the init script runs outside the page's policy).
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective}: ${e.blockedURI || e.sample}`));
  });
  const response = await page.goto(url + pathname);
  // The first card drawn (the demo draws its gallery cards as they scroll into view).
  await page.waitForFunction(() => {
    const el = document.querySelector('tally-board');
    return el && el.shadowRoot && el.shadowRoot.querySelector('canvas[data-state]:not([data-state=checking])');
  }, null, { timeout: 30000 }).catch(() => {});
  return { page, errors, header: response.headers()['content-security-policy'] };
}

for (const pathname of ['element.html', '']) {
  const label = pathname || 'the demo page';
  const { page, errors, header } = await open(pathname);
  check(`${label}: served with the strict policy`, header === CSP, header);
  const r = await page.evaluate(() => {
    const el = document.querySelector('tally-board');
    // (The element may have failed in its constructor: then there is no shadow root.)
    const root = el.shadowRoot || document.createElement('div').attachShadow({ mode: 'open' });
    const css = (sel, prop) => { const n = root.querySelector(sel); return n ? getComputedStyle(n)[prop] : null; };
    const table = root.querySelector('.tables') || document.createElement('div');
    return {
      violations: window.__violations,
      sheets: root.adoptedStyleSheets.length,
      state: root.querySelector('canvas')?.dataset.state,
      // The hidden table: out of sight (1 px, clipped) but in the page for screen readers.
      tableWidth: table.getBoundingClientRect().width, tableRows: table.querySelectorAll('tbody tr').length,
      tablePosition: css('.tables', 'position'),
      // The controls styled by the sheet: rounded buttons with the theme's border, the card's font.
      buttonRadius: css('.exports button', 'borderTopLeftRadius'), buttonBorder: css('.exports button', 'borderTopColor'),
      font: getComputedStyle(el).fontFamily.slice(0, 30),
      swatch: css('.coalition .swatch', 'backgroundColor'),
    };
  });
  check(`${label}: no violation reported by the browser`, r.violations.length === 0 && !errors.some((e) => /Content Security Policy|TrustedHTML|Trusted Type/i.test(e)),
    JSON.stringify(r.violations.concat(errors).slice(0, 5)));
  check(`${label}: the card is drawn (data-state ok)`, r.state === 'ok', r.state);
  check(`${label}: the element's stylesheet applies (rounded buttons with the theme's border, the card's font)`,
    r.sheets === 1 && r.buttonRadius === '4px' && r.buttonBorder === 'rgb(118, 118, 118)' && r.font.startsWith('system-ui'),
    `${r.sheets} sheet, radius ${r.buttonRadius}, border ${r.buttonBorder}, font ${r.font}`);
  check(`${label}: the HTML table is hidden from sight and kept for screen readers`, r.tablePosition === 'absolute' && r.tableWidth <= 1 && r.tableRows > 0,
    `${r.tablePosition}, ${r.tableWidth} px wide, ${r.tableRows} rows`);
  check(`${label}: party swatches keep their colours`, r.swatch === 'rgb(0, 160, 227)', r.swatch);
  check(`${label}: no console or page errors`, errors.length === 0, errors.slice(0, 3).join(' | '));
  await page.close();
}

await b.close();
server.close();
process.exit(summary() ? 1 : 0);
