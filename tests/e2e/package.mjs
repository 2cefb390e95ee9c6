// The npm package as a user gets it: `npm pack` of pkg/ (run `make pkg` first), then
//   1. a plain HTML page: `npm init -y && npm install <tarball>`, the README's <script> + <tally-board>,
//      plus a card drawn through the API, and the same with an import map (bare specifiers);
//   2. Vite projects (Vite 8 and Vite 7, from the npm registry): `vite build`, dist/ served statically,
//      and the `vite` dev server;
// each page opened in Chromium: both cards drawn (data-state="ok"), the 98 Mazhilis seats painted
// 76 / 12 / 10 in the party colours at the card's seat centres, each wasm module fetched once, no console errors.
//
// What Vite needed (found by this test):
//   - `vite build` (7 and 8): nothing. Both follow wasm-bindgen's `new URL('tallyboard_bg.wasm',
//     import.meta.url)` and emit the wasm unchanged as dist/assets/tallyboard_bg-<hash>.wasm.
//   - `vite` dev server, Vite 8: nothing (its dependency optimizer rewrites the URL to the package's file).
//   - `vite` dev server, Vite 7: `optimizeDeps: { exclude: ['tallyboard'] }` in vite.config.js. Without it
//     the pre-bundled copy in node_modules/.vite/deps/ asks for .vite/deps/tallyboard_bg.wasm, which does
//     not exist; the dev server answers with index.html and init() fails with
//     "CompileError: WebAssembly.instantiate(): expected magic word 00 61 73 6d".
//
// Installs: the tarball installs with --offline (it has no dependencies). Vite is installed from the npm
// registry with --prefer-offline, so after the first run it comes from npm's own cache (~/.npm) without
// a network round trip; nothing is kept in the work tree. Temporary files go to $TMPDIR and are removed
// (TALLYBOARD_KEEP_TMP=1 keeps them and prints where).
import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { serve, browser, ROOT, checks } from './server.mjs';

const FIXTURES = path.join(ROOT, 'tests/e2e/package');
const PKG = path.join(ROOT, 'pkg');
const DATA = path.join(ROOT, 'www/data/kz-mazhilis-2021.json');
// Exact versions: the newest of each major when this test was written (Node >= 20.19 for both).
const VITES = [
  { version: '8.3.8', devConfig: null },
  { version: '7.3.8', devConfig: "export default { optimizeDeps: { exclude: ['tallyboard'] } };\n" },
];
const SEATS = { '#00a0e3': 76, '#1c3f94': 12, '#d62728': 10 };
const started = Date.now();

const { check, summary } = checks();

const NPM_ENV = { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false',
  npm_config_loglevel: 'error', NO_COLOR: '1', FORCE_COLOR: '0' };
// Run a command; returns { ok, out } (out: stdout + stderr, for the failure detail).
function run(cmd, args, cwd, timeout = 240000) {
  const r = spawnSync(cmd, args, { cwd, env: NPM_ENV, encoding: 'utf8', timeout, maxBuffer: 64 << 20 });
  const out = `${r.stdout || ''}${r.stderr || ''}`.split('\n').filter((l) => !/Unknown user config/.test(l)).join('\n').trim();
  return { ok: r.status === 0, out: r.error ? `${r.error.message}\n${out}` : out, stdout: r.stdout || '' };
}
const tail = (s, n = 600) => s.replace(/\s+/g, ' ').slice(-n);
const sha = (file) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
function copyDir(from, to) { fs.cpSync(from, to, { recursive: true }); }

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

// Start `vite` (dev server) in `dir`; resolves { url, stop }.
async function viteDev(dir) {
  const port = await freePort();
  const child = spawn(path.join(dir, 'node_modules/.bin/vite'), ['--port', String(port), '--strictPort', '--host', '127.0.0.1'],
    { cwd: dir, env: NPM_ENV, stdio: ['ignore', 'pipe', 'pipe'] });
  const kill = () => { if (child.exitCode === null) child.kill('SIGTERM'); };
  process.on('exit', kill);
  let out = '';
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('vite dev server did not start in 30 s: ' + tail(out))), 30000);
    const onData = (d) => {
      out += d;
      const m = out.match(/Local:\s+(http:\/\/127\.0\.0\.1:\d+\/)/);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`vite exited (${code}): ${tail(out)}`)); });
  });
  const stop = () => new Promise((resolve) => {
    if (child.exitCode !== null) { resolve(); return; }
    child.removeAllListeners('exit');
    child.on('exit', () => resolve());
    kill();
    setTimeout(() => { if (child.exitCode === null) child.kill('SIGKILL'); resolve(); }, 5000);
  });
  return { url, stop };
}

// Open `url` in Chromium (2x device pixels) and check both cards on it.
async function checkPage(b, url, label) {
  const context = await b.newContext({ viewport: { width: 1000, height: 900 }, deviceScaleFactor: 2 });
  const page = await context.newPage();
  const errors = [];
  const wasm = [];
  page.on('console', (m) => {
    // Chromium's own favicon request is not the package's business.
    if (m.type() === 'error' && !/\/favicon\.ico$/.test(m.location().url || '')) errors.push(m.text());
    if (m.type() === 'warning' && /wasm|WebAssembly|tallyboard/i.test(m.text())) errors.push('warning: ' + m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('response', (r) => {
    if (/\.wasm(\?|$)/.test(r.url())) wasm.push(`${r.status()} ${r.headers()['content-type'] || '?'} ${new URL(r.url()).pathname}`);
    else if (r.status() >= 400 && !/\/favicon\.ico$/.test(r.url())) errors.push(`${r.status()} ${r.url()}`);
  });
  try {
    await page.goto(url);
    let drawn = true;
    try {
      await page.waitForFunction(() => document.querySelector('tally-board')?.shadowRoot?.querySelector('canvas[data-state]:not([data-state=checking])')
        && document.querySelector('#api-card canvas[data-state]:not([data-state=checking])') && window.apiCard, null, { timeout: 20000 });
    } catch (err) {
      drawn = false;
    }
    const facts = await page.evaluate((expected) => {
      const board = document.querySelector('tally-board');
      const cards = {
        element: { canvas: board?.shadowRoot?.querySelector('canvas'), card: board?.card },
        API: { canvas: document.querySelector('#api-card canvas'), card: window.apiCard },
      };
      const out = {};
      for (const [name, { canvas, card }] of Object.entries(cards)) {
        if (!canvas || !card) { out[name] = { state: canvas ? canvas.dataset.state : 'no canvas', counts: {}, seats: 0 }; continue; }
        const dpr = window.devicePixelRatio;
        const ctx = canvas.getContext('2d');
        const s = card.seatCentres();
        const counts = {};
        for (let i = 0; i < s.length; i += 3) {
          const [r, g, b] = ctx.getImageData(Math.round(s[i] * dpr), Math.round(s[i + 1] * dpr), 1, 1).data;
          const hex = '#' + [r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('');
          counts[hex] = (counts[hex] || 0) + 1;
        }
        out[name] = { state: canvas.dataset.state, counts, seats: s.length / 3, dpr, size: `${canvas.width}x${canvas.height} px at ${dpr}x` };
      }
      return out;
    }, SEATS);
    check(`${label}: both cards drawn`, drawn, drawn ? '' : 'timed out after 20 s; ' + errors.join(' | ').slice(0, 400));
    for (const [name, f] of Object.entries(facts)) {
      check(`${label}: ${name} card data-state="ok"`, f.state === 'ok', f.state + (f.size ? ', ' + f.size : ''));
      const painted = f.seats === 98 && Object.entries(SEATS).every(([hex, n]) => f.counts[hex] === n);
      check(`${label}: ${name} card seats painted 76 / 12 / 10`, painted, JSON.stringify(f.counts));
    }
    // Two modules (the element's first paint and the full one): each fetched once.
    const names = wasm.map((w) => w.split('/').pop().replace(/-[\w-]{8}\.wasm$/, '.wasm'));
    check(`${label}: each wasm module is fetched once, as application/wasm`, wasm.length === 2 && new Set(names).size === 2 &&
      names.includes('tallyboard_bg.wasm') && names.includes('tallyboard_first_bg.wasm') && wasm.every((w) => / application\/wasm /.test(w)), wasm.join(', ') || 'never');
    check(`${label}: no console errors`, errors.length === 0, errors.join(' | ').slice(0, 600));
  } catch (err) {
    check(`${label}: page checks ran`, false, String(err).slice(0, 400));
  } finally {
    await context.close();
  }
}

// ------------------------------------------------------------------ setup
if (!fs.existsSync(path.join(PKG, 'package.json')) || !fs.existsSync(path.join(PKG, 'tallyboard_bg.wasm'))) {
  console.log('FAIL pkg/ is built: run `make pkg` first');
  console.log('0 passed, 1 failed');
  process.exit(1);
}
const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'tallyboard-package-'));
const keep = process.env.TALLYBOARD_KEEP_TMP === '1';
let b = null;
const servers = [];

try {
  // ------------------------------------------------------------ npm pack
  const packDir = path.join(TMP, 'tarball');
  fs.mkdirSync(packDir);
  const pack = run('npm', ['pack', PKG, '--pack-destination', packDir, '--json'], ROOT);
  let tarball = null;
  let files = [];
  if (pack.ok) {
    const info = JSON.parse(pack.stdout.slice(pack.stdout.indexOf('[')))[0];
    tarball = path.join(packDir, info.filename);
    files = info.files.map((f) => f.path);
  }
  check('npm pack pkg/', pack.ok && tarball && fs.existsSync(tarball), tarball ? `${path.basename(tarball)}, ${files.length} files` : tail(pack.out));
  if (!tarball) throw new Error('no tarball');

  // Everything package.json points at is in the tarball, and it needs nothing else.
  const pj = JSON.parse(fs.readFileSync(path.join(PKG, 'package.json'), 'utf8'));
  const targets = new Set([pj.main, pj.module, pj.types].filter(Boolean));
  (function walk(v) { if (typeof v === 'string') targets.add(v); else if (v && typeof v === 'object') Object.values(v).forEach(walk); })(pj.exports);
  // (A subpath pattern, "./locales/*", must match files: the word catalogues.)
  const found = (t) => (t.includes('*') ? files.some((f) => new RegExp(`^${t.split('*').map((p) => p.replace(/[.]/g, '\\.')).join('.+')}$`).test(f)) : files.includes(t));
  const missing = [...targets].map((t) => t.replace(/^\.\//, '')).filter((t) => !found(t));
  check('the tarball has every file package.json points to', missing.length === 0, missing.length ? 'missing: ' + missing.join(', ') : `${targets.size} targets`);
  const deps = Object.keys({ ...pj.dependencies, ...pj.peerDependencies });
  check('the package has no dependencies', deps.length === 0, deps.join(', '));

  b = await browser();

  // ---------------------------------------------------- plain HTML page
  const plain = path.join(TMP, 'plain');
  fs.mkdirSync(plain);
  const readme = fs.readFileSync(path.join(PKG, 'README.md'), 'utf8');
  const snippet = ['<script type="module" src="node_modules/tallyboard/tally-board.js"></script>', '<tally-board src="results.json"'];
  check('the README shows the <script> and <tally-board> used here', snippet.every((s) => readme.includes(s)),
    snippet.filter((s) => !readme.includes(s)).join(' ; ') || '');
  const init = run('npm', ['init', '-y'], plain);
  const install = init.ok ? run('npm', ['install', '--offline', tarball], plain) : init;
  const installed = install.ok && fs.existsSync(path.join(plain, 'node_modules/tallyboard/tally-board.js'));
  check('plain page: npm init -y && npm install --offline <tarball>', installed, installed ? '' : tail(install.out));
  if (installed) {
    copyDir(path.join(FIXTURES, 'plain'), plain);
    fs.copyFileSync(DATA, path.join(plain, 'results.json'));
    const s = await serve(plain);
    servers.push(s.server);
    await checkPage(b, s.url, 'plain page');
    await checkPage(b, s.url + 'importmap.html', 'plain page with an import map');
  }

  // -------------------------------------------------------------- Vite
  for (const { version, devConfig } of VITES) {
    const label = `Vite ${version}`;
    const dir = path.join(TMP, `vite-${version}`);
    copyDir(path.join(FIXTURES, 'vite-app'), dir);
    fs.mkdirSync(path.join(dir, 'public'));
    fs.copyFileSync(DATA, path.join(dir, 'public/results.json'));
    fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({
      name: `tallyboard-vite-${version.split('.')[0]}`, private: true, type: 'module',
      scripts: { dev: 'vite', build: 'vite build' },
      dependencies: { tallyboard: `file:${tarball}` },
      devDependencies: { vite: version },
    }, null, 2) + '\n');
    const t0 = Date.now();
    const inst = run('npm', ['install', '--prefer-offline'], dir);
    const ok = inst.ok && fs.existsSync(path.join(dir, 'node_modules/.bin/vite'));
    if (!check(`${label}: npm install (vite + tarball)`, ok, ok ? `${((Date.now() - t0) / 1000).toFixed(1)} s` : tail(inst.out))) continue;

    const build = run(path.join(dir, 'node_modules/.bin/vite'), ['build'], dir, 120000);
    const assets = build.ok && fs.existsSync(path.join(dir, 'dist/assets')) ? fs.readdirSync(path.join(dir, 'dist/assets')) : [];
    const wasmAsset = assets.find((f) => f.endsWith('.wasm'));
    check(`${label}: vite build (no config)`, build.ok, build.ok ? assets.join(', ') : tail(build.out));
    check(`${label}: the build emits the wasm unchanged`,
      wasmAsset && sha(path.join(dir, 'dist/assets', wasmAsset)) === sha(path.join(PKG, 'tallyboard_bg.wasm')), wasmAsset || 'no .wasm in dist/assets');
    if (build.ok) {
      const s = await serve(path.join(dir, 'dist'));
      servers.push(s.server);
      await checkPage(b, s.url, `${label} build`);
    }

    if (devConfig) fs.writeFileSync(path.join(dir, 'vite.config.js'), devConfig);
    let dev = null;
    try {
      dev = await viteDev(dir);
      await checkPage(b, dev.url, `${label} dev server${devConfig ? ' (optimizeDeps.exclude)' : ''}`);
    } catch (err) {
      check(`${label} dev server starts`, false, String(err).slice(0, 400));
    } finally {
      if (dev) await dev.stop();
    }
  }
} catch (err) {
  check('the package checks ran to the end', false, String(err && err.stack || err).slice(0, 600));
} finally {
  if (b) await b.close();
  for (const s of servers) s.close();
  if (keep) console.log(`kept ${TMP}`);
  else fs.rmSync(TMP, { recursive: true, force: true });
}

process.exit(summary(`${((Date.now() - started) / 1000).toFixed(0)} s`) ? 1 : 0);
