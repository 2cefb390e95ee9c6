// Waits until a bench page says it is done (`window.__bench.done`), asking over the page's CDP
// session with a one-line expression every 20 ms. Not Playwright's waitForFunction: its first call
// puts Playwright's own script (~300 KB) into the page, and that script's 12-17 ms of parsing fell
// inside the measured frames of every page whose card comes after its load event (the CLI's SVG,
// render(), Chart.js's rAF: traces of 2026-12-07).
export async function benchDone(cdp, timeout = 120000) {
  const end = Date.now() + timeout;
  while (Date.now() < end) {
    const r = await cdp.send('Runtime.evaluate', { expression: 'Boolean(window.__bench && window.__bench.done)', returnByValue: true });
    if (r.result && r.result.value === true) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`the page was not done within ${timeout} ms`);
}
