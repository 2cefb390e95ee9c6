// The demo page: a gallery of <tally-board> elements, a live JSON editor on the
// raw API, and the embed snippet. Every data-derived string goes in as textContent.
import init, { render } from './pkg/tallyboard.js';

const $ = (id) => document.getElementById(id);
const examples = await (await fetch('examples.json')).json();
const texts = {};
window.tallyboardCards = {};

// Gallery: one element per example.
for (const ex of examples) {
  const fig = document.createElement('figure');
  const board = document.createElement('tally-board');
  board.setAttribute('src', 'data/' + ex.file);
  board.dataset.example = ex.file;
  board.addEventListener('tallyboard-ready', () => { window.tallyboardCards[ex.file] = board.card; });
  const cap = document.createElement('figcaption');
  cap.textContent = ex.title + ' (' + ex.file + ')';
  fig.append(board, cap);
  $('gallery').appendChild(fig);
}

// Editor: the API directly.
await init();
const editorCard = render($('editor-card'), '', options());
window.tallyboardCards.editor = editorCard;
const textarea = $('json');

function options() {
  return { theme: $('theme').value, locale: $('locale').value };
}

function showFindings() {
  const r = editorCard.report();
  const list = $('findings');
  list.textContent = '';
  if (!r) return;
  $('findings-summary').textContent = r.ok
    ? `No errors${r.warnings ? `, ${r.warnings} warning(s)` : ''}${r.info ? `, ${r.info} note(s)` : ''}.`
    : `${r.errors} error(s), ${r.warnings} warning(s), ${r.info} note(s).`;
  for (const f of r.findings) {
    const li = document.createElement('li');
    li.className = f.severity;
    const sev = document.createElement('span');
    sev.className = 'sev';
    sev.textContent = f.severity;
    const msg = document.createElement('span');
    msg.textContent = f.message;
    const where = document.createElement('span');
    where.className = 'where';
    where.textContent = [f.path || '(document)', f.line ? `line ${f.line}, column ${f.column}` : ''].filter(Boolean).join(' · ');
    li.append(sev, msg, where);
    list.appendChild(li);
  }
}

let timer = 0;
textarea.addEventListener('input', () => {
  clearTimeout(timer);
  timer = setTimeout(() => { editorCard.update(textarea.value); showFindings(); }, 150);
});

async function load(file) {
  texts[file] ??= await (await fetch('data/' + file)).text();
  textarea.value = texts[file];
  editorCard.update(textarea.value);
  showFindings();
}

for (const ex of examples) {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = 'Load ' + ex.title;
  b.addEventListener('click', () => load(ex.file));
  $('loaders').appendChild(b);
}
await load(examples[0].file);

// Theme and language for every card on the page.
function applyOptions() {
  document.documentElement.dataset.theme = $('theme').value;
  for (const board of document.querySelectorAll('tally-board')) {
    board.setAttribute('theme', $('theme').value);
    board.setAttribute('locale', $('locale').value);
  }
  editorCard.setOptions(options());
  showFindings();
}
$('theme').addEventListener('change', applyOptions);
$('locale').addEventListener('change', applyOptions);

$('copy').addEventListener('click', async () => {
  try {
    await navigator.clipboard.writeText($('snippet').textContent);
    $('copied').textContent = 'Copied.';
  } catch {
    $('copied').textContent = 'Select the text above and copy it.';
  }
});
document.documentElement.dataset.ready = 'true';
