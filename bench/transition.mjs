// make bench, the transition line (issue #16): a 630-seat body moving from one state to the
// next with card.update(data, {animate: true}), frames counted in headless Chromium.
// The states: the Bundestag election of 23 February 2025 (tests/elections/de-bundestag-2025.json,
// with its sources) as the count begins (status "partial", no seat assigned: a change of the
// real document, for the benchmark only) and its final result. Budget: >= 55 frames a second
// over the transition (a MISS never fails the build).
import fs from 'node:fs';
import path from 'node:path';
import { serve, browser, ROOT } from '../tests/e2e/server.mjs';

const RUNS = 7;
const BUDGET_FPS = 55;
const final = JSON.parse(fs.readFileSync(path.join(ROOT, 'tests/elections/de-bundestag-2025.json'), 'utf8'));
const start = structuredClone(final);
start.contests[0].status = 'partial';
start.contests[0].counted = { percent: 0 };
for (const p of start.contests[0].parties) p.seats = null;

const { server, url } = await serve();
const b = await browser();
const page = await b.newPage({ viewport: { width: 1280, height: 900 } });
await page.goto(url + 'element.html');
const runs = await page.evaluate(async ({ start, final, RUNS }) => {
  const m = await import('./pkg/tallyboard_full.js');
  await m.default();
  const host = document.createElement('div');
  host.style.width = '760px';
  document.body.append(host);
  const frame = () => new Promise((r) => requestAnimationFrame(r));
  const out = [];
  for (let run = 0; run < RUNS; run++) {
    const card = m.render(host, JSON.stringify(run % 2 ? final : start), {});
    await frame(); await frame();
    const next = JSON.stringify(run % 2 ? start : final);
    const times = [];
    const t0 = performance.now();
    card.update(next, { animate: true });
    const updateMs = performance.now() - t0;
    // Frames while the transition runs (400 ms) and a little after.
    while (performance.now() - t0 < 450) times.push(await frame());
    const during = times.filter((t) => t - t0 <= 400);
    const gaps = during.slice(1).map((t, i) => t - during[i]);
    out.push({ frames: during.length, fps: (during.length - 1) / ((during[during.length - 1] - during[0]) / 1000), worst: Math.max(...gaps), updateMs,
      seats: card.seatCentres().length / 3 });
    card.destroy();
  }
  return out;
}, { start, final, RUNS });
await b.close();
server.close();

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const fps = median(runs.map((r) => r.fps));
const worst = median(runs.map((r) => r.worst));
const upd = median(runs.map((r) => r.updateMs));
console.log(`\nTransition (${runs[0].seats}-seat body, Bundestag 2025: no seat assigned <-> final; ${RUNS} runs, medians):`);
console.log(`   frames a second over the 400 ms transition: ${fps.toFixed(1)} (slowest frame ${worst.toFixed(1)} ms; update() itself ${upd.toFixed(1)} ms)  budget >= ${BUDGET_FPS}  ${fps >= BUDGET_FPS ? 'PASS' : 'MISS'}`);
