// Election night replay: the states of one count, each a results document in
// data/night/, shown in order in one <tally-board> (its src is set to each state's
// file). Previous / Next step through them, Play steps on its own. Every string
// taken from the data goes in as text (no HTML strings, no inline styles), so the
// page runs under default-src 'self'; style-src 'self'.
//
// For tests: <html data-ready="true"> once the first state is drawn;
// window.nightReplay = { states, show(i), index() }.

const $ = (id) => document.getElementById(id);

/** The states, in the order of the count. */
const FILES = [
  'nz-parliament-2020-01.json',
  'nz-parliament-2020-02.json',
  'nz-parliament-2020-03.json',
  'nz-parliament-2020-04.json',
  'nz-parliament-2020-05.json',
  'nz-parliament-2020-06.json',
];
const DIR = 'data/night/';
const PLAY_STEP_MS = 3000;

const STATUS = {
  partial: 'Partial count',
  preliminary: 'Preliminary result (the count of the night)',
  final: 'Final result',
  certified: 'Certified result',
};
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July',
  'August', 'September', 'October', 'November', 'December'];

/** "20:12 on 17 October 2020 (UTC+13:00)": the time as the source gave it, in its own zone. */
function when(asOf) {
  const m = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?([Zz]|[+-]\d{2}:\d{2})$/.exec(asOf || '');
  if (!m) return null;
  const [, y, mo, d, h, mi, zone] = m;
  const offset = /^[Zz]$/.test(zone) ? 'UTC' : `UTC${zone}`;
  return `${h}:${mi} on ${Number(d)} ${MONTHS[Number(mo) - 1]} ${y} (${offset})`;
}

function sourceOf(doc) {
  const c = (doc.contests && doc.contests[0]) || {};
  const s = c.source || doc.source || {};
  return typeof s === 'string' ? { name: s } : s;
}

/** What a state says of its count: status, share counted, time. */
function describe(doc) {
  const c = (doc.contests && doc.contests[0]) || {};
  const parts = [STATUS[c.status] || 'Result'];
  const counted = c.counted || {};
  if (typeof counted.percent === 'number') parts.push(`${counted.percent}% counted`);
  if (Number.isInteger(counted.units) && Number.isInteger(counted.of)) {
    parts.push(`${counted.units} of ${counted.of} ${counted.unit || 'counting units'} counted`);
  }
  if (counted.percent == null && counted.units == null) parts.push('share counted not published');
  parts.push(when(c.as_of) ? `as of ${when(c.as_of)}` : 'time not published');
  return parts.join(' · ');
}

/** Text with a line-break opportunity (<wbr>) after each / _ . - of its long words
 * (addresses, file names), so that it wraps on a narrow screen. */
function breakable(text) {
  const frag = document.createDocumentFragment();
  for (const word of text.split(/(\s+)/)) {
    if (word.length <= 24) { frag.append(word); continue; }
    for (const piece of word.split(/(?<=[/_.\-])/)) frag.append(piece, document.createElement('wbr'));
  }
  return frag;
}

/** A link to the source (or its name alone when it has no address). */
function sourceNode(src) {
  const name = src.name || 'source not named';
  if (!src.url || !/^https?:\/\//i.test(src.url)) return breakable(name);
  const a = document.createElement('a');
  a.href = src.url;
  a.rel = 'noopener noreferrer';
  a.append(breakable(name));
  return a;
}

async function load(file) {
  const res = await fetch(DIR + file);
  if (!res.ok) throw new Error(`${DIR}${file}: ${res.status} ${res.statusText}`);
  return { file, doc: await res.json() };
}

function list(states) {
  const ol = $('states');
  ol.textContent = '';
  states.forEach(({ file, doc }, i) => {
    const li = document.createElement('li');
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = `Show state ${i + 1}`;
    button.addEventListener('click', () => { stop(); show(i); });
    const data = document.createElement('a');
    data.href = DIR + file;
    data.textContent = file;
    li.append(`${describe(doc)}. Source: `, sourceNode(sourceOf(doc)), '. Data: ', data, ' ', button);
    ol.appendChild(li);
  });
}

let states = [];
let current = -1;
let timer = 0;

function show(i) {
  if (!states.length) return;
  current = Math.max(0, Math.min(i, states.length - 1));
  const { file, doc } = states[current];
  $('board').setAttribute('src', DIR + file);
  $('state-label').textContent = `State ${current + 1} of ${states.length}: ${doc.title || file}`;
  $('state-time').textContent = describe(doc);
  const p = $('state-source');
  p.textContent = '';
  p.append('Source: ', sourceNode(sourceOf(doc)), '. Data: ');
  const a = document.createElement('a');
  a.href = DIR + file;
  a.textContent = file;
  p.append(a, '.');
  $('board-caption').textContent = `State ${current + 1} of ${states.length}. Data: ${DIR}${file}`;
  $('prev').disabled = current === 0;
  $('next').disabled = current === states.length - 1;
  for (const [k, li] of [...$('states').children].entries()) {
    if (k === current) li.setAttribute('aria-current', 'step');
    else li.removeAttribute('aria-current');
  }
}

function stop() {
  clearInterval(timer);
  timer = 0;
  $('play').textContent = 'Play';
  $('play').setAttribute('aria-pressed', 'false');
}

function play() {
  if (timer) { stop(); return; }
  if (current >= states.length - 1) show(0);
  $('play').textContent = 'Pause';
  $('play').setAttribute('aria-pressed', 'true');
  timer = setInterval(() => {
    if (current >= states.length - 1) { stop(); return; }
    show(current + 1);
  }, PLAY_STEP_MS);
}

try {
  states = await Promise.all(FILES.map(load));
  list(states);
  $('prev').addEventListener('click', () => { stop(); show(current - 1); });
  $('next').addEventListener('click', () => { stop(); show(current + 1); });
  $('play').addEventListener('click', play);
  const board = $('board');
  board.addEventListener('tallyboard-ready', () => { document.documentElement.dataset.ready = 'true'; }, { once: true });
  show(0);
  window.nightReplay = { states, show, index: () => current };
} catch (err) {
  const p = document.createElement('p');
  p.className = 'page-error';
  p.setAttribute('role', 'alert');
  p.textContent = `The replay could not start: ${err.message}`;
  document.querySelector('main').prepend(p);
  console.error(err);
}
