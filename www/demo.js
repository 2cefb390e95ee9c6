// The demo page: a gallery of <tally-board> elements (one per example listed in
// examples.json), a live JSON editor on the raw API (render / update / report),
// and the embed snippets. Every data-derived string goes in as textContent.
//
// For tests: window.tallyboardCards maps each example's file name, and "editor",
// to its card handle (what render() returns); <html data-ready="true"> once the
// editor card is drawn (the gallery cards draw when they near the viewport).
// The editor's card in any language: the intl module (the gallery's English cards load the lighter ones).
import init, { render, catalogueOf } from './pkg/tallyboard_intl.js';

const $ = (id) => document.getElementById(id);
const EDITOR_DELAY_MS = 150;
window.tallyboardCards = {};

// The editor's options: the language's catalogue (pkg/locales/<tag>.json) as its words, fetched once.
const catalogues = new Map();
async function options() {
  const locale = $('locale').value;
  const tag = catalogueOf(locale);
  if (tag && !catalogues.has(tag)) catalogues.set(tag, fetch(`pkg/locales/${tag}.json`).then((r) => (r.ok ? r.text() : null)));
  const words = tag ? [await catalogues.get(tag)].filter((w) => w) : [];
  return { theme: $('theme').value, locale, words };
}
const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;

// ---------------------------------------------------------------- gallery

function gallery(examples) {
  const box = $('gallery');
  for (const ex of examples) {
    const fig = document.createElement('figure');
    fig.className = 'example';
    const board = document.createElement('tally-board');
    board.dataset.example = ex.file;
    board.setAttribute('theme', $('theme').value);
    board.setAttribute('locale', $('locale').value);
    board.setAttribute('src', 'data/' + ex.file);
    board.addEventListener('tallyboard-ready', () => { window.tallyboardCards[ex.file] = board.card; });
    const cap = document.createElement('figcaption');
    const title = document.createElement('span');
    title.textContent = ex.title;
    const link = document.createElement('a');
    link.href = 'data/' + ex.file;
    link.textContent = ex.file;
    cap.append(title, ' · data: ', link);
    fig.append(board, cap);
    box.appendChild(fig);
  }
}

// ---------------------------------------------------------------- editor

const texts = new Map();
async function exampleText(file) {
  if (!texts.has(file)) {
    const res = await fetch('data/' + file);
    if (!res.ok) throw new Error(`data/${file}: ${res.status} ${res.statusText}`);
    texts.set(file, await res.text());
  }
  return texts.get(file);
}

// Put the caret at a 1-based line and column (the validator counts columns in
// characters, not UTF-16 units) and scroll the textarea there.
function goTo(textarea, line, column) {
  const lines = textarea.value.split('\n');
  const n = Math.max(1, Math.min(line, lines.length));
  let offset = 0;
  for (let i = 0; i < n - 1; i++) offset += lines[i].length + 1;
  offset += Array.from(lines[n - 1]).slice(0, Math.max(0, column - 1)).join('').length;
  textarea.focus();
  textarea.setSelectionRange(offset, offset);
  const lh = parseFloat(getComputedStyle(textarea).lineHeight) || 18;
  textarea.scrollTop = Math.max(0, (n - 3) * lh);
}

function showFindings(card, textarea) {
  const list = $('findings');
  const summary = $('findings-summary');
  list.textContent = '';
  const r = card.report();
  if (!r) { summary.textContent = ''; return; }
  const counts = [];
  if (r.errors) counts.push(plural(r.errors, 'error'));
  if (r.warnings) counts.push(plural(r.warnings, 'warning'));
  if (r.info) counts.push(plural(r.info, 'finding'));
  summary.textContent = r.errors
    ? `${counts.join(', ')}.`
    : `The numbers check out${counts.length ? ` (${counts.join(', ')})` : ''}.`;
  summary.dataset.state = r.errors ? 'error' : 'ok';
  for (const f of r.findings) {
    const li = document.createElement('li');
    li.className = `finding ${f.severity}`;
    const head = document.createElement('div');
    head.className = 'finding-head';
    const sev = document.createElement('span');
    sev.className = 'sev';
    sev.textContent = f.severity;
    const code = document.createElement('code');
    code.className = 'code';
    code.textContent = f.code;
    head.append(sev, code);
    const msg = document.createElement('p');
    msg.className = 'msg';
    msg.textContent = f.message;
    const where = document.createElement('div');
    where.className = 'where';
    const path = document.createElement('code');
    path.className = 'path';
    path.textContent = f.path || '(the whole document)';
    where.append(path);
    if (f.line) {
      const column = f.column ?? 1;
      const at = document.createElement('button');
      at.type = 'button';
      at.className = 'at';
      const hint = document.createElement('span');
      hint.className = 'visually-hidden';
      hint.textContent = ' (put the cursor there in the editor)';
      at.append(`line ${f.line}:${column}`, hint);
      at.addEventListener('click', () => goTo(textarea, f.line, column));
      where.append(' ', at);
    }
    li.append(head, msg, where);
    list.appendChild(li);
  }
}

async function editor(examples) {
  const textarea = $('json');
  textarea.value = await exampleText(examples[0].file);
  const card = render($('editor-card'), textarea.value, await options());
  window.tallyboardCards.editor = card;
  showFindings(card, textarea);

  let timer = 0;
  textarea.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => { card.update(textarea.value); showFindings(card, textarea); }, EDITOR_DELAY_MS);
  });

  for (const ex of examples) {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = ex.label || ex.title;
    b.title = ex.title;
    b.addEventListener('click', async () => {
      clearTimeout(timer);
      textarea.value = await exampleText(ex.file);
      textarea.scrollTop = 0;
      card.update(textarea.value);
      showFindings(card, textarea);
    });
    $('loaders').appendChild(b);
  }
  return { card, textarea };
}

// ---------------------------------------------------------------- options, copy

function wireOptions(ed) {
  const apply = async () => {
    const o = await options();
    document.documentElement.dataset.theme = o.theme;
    for (const board of document.querySelectorAll('tally-board')) {
      board.setAttribute('theme', o.theme);
      board.setAttribute('locale', o.locale);
    }
    ed.card.setOptions(o);
    showFindings(ed.card, ed.textarea);
  };
  $('theme').addEventListener('change', apply);
  $('locale').addEventListener('change', apply);
  document.documentElement.dataset.theme = $('theme').value;
}

function wireCopy() {
  for (const button of document.querySelectorAll('button[data-copy]')) {
    const code = $(button.dataset.copy);
    const status = $(button.getAttribute('aria-describedby'));
    let clear = 0;
    button.addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(code.textContent);
        status.textContent = 'Copied.';
      } catch {
        // No clipboard access: select the snippet for Ctrl+C / ⌘C.
        const range = document.createRange();
        range.selectNodeContents(code);
        getSelection().removeAllRanges();
        getSelection().addRange(range);
        status.textContent = 'Selected: press Ctrl+C (⌘C) to copy.';
      }
      clearTimeout(clear);
      clear = setTimeout(() => { status.textContent = ''; }, 4000);
    });
  }
}

try {
  const res = await fetch('examples.json');
  if (!res.ok) throw new Error(`examples.json: ${res.status} ${res.statusText}`);
  const examples = await res.json();
  gallery(examples);
  await init();
  const ed = await editor(examples);
  wireOptions(ed);
  wireCopy();
  document.documentElement.dataset.ready = 'true';
} catch (err) {
  const p = document.createElement('p');
  p.className = 'page-error';
  p.setAttribute('role', 'alert');
  p.textContent = `The demo could not start: ${err.message}`;
  document.querySelector('main').prepend(p);
  console.error(err);
}
