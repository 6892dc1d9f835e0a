// huibao edit: the page. Forms over the report; every change is sent to the program as
// an edit (a path and a value or an operation), which writes it through toml_edit,
// checks the report and answers with the diagnostics and the preview.

// Every request goes to this page's own server, which set the run's token as a cookie
// (HttpOnly, SameSite=Strict) when the page was opened: fetch sends it by itself.
const $ = (sel, root = document) => root.querySelector(sel);
const $$ = (sel, root = document) => [...root.querySelectorAll(sel)];

let state = null;          // the last answer of the program
let sending = false;       // an edit is on its way
const pending = new Map(); // edits waiting: key → edit (a later value replaces an earlier one)
let editStarted = null;    // when the oldest unsent change was typed (for the latency)
let shownPreview = null;

/** Latencies from a change to the preview showing it, in ms (read by the tests). */
window.huibaoLatency = [];
/** Whether every change has been answered (read by the tests). */
window.huibaoIdle = () => !sending && pending.size === 0;
/** The last answer of the program (read by the tests). */
window.huibaoState = () => state;

// ---- words ----------------------------------------------------------------------------

/** The page's words in the run's language: catalog ID → pattern (GET /api/words). */
let words = {};

/** The words of `id`, each {$name} in them filled from `args`. An ID missing from the
 *  catalogs shows as itself (the catalogs' tests keep that from happening). */
function t(id, args = {}) {
  const pattern = words[id];
  if (pattern === undefined) return id;
  return pattern.replace(/\{\$(\w+)\}/g, (_, name) => (args[name] == null ? '' : String(args[name])));
}

/** Puts the words into the page's own elements: data-t is the text, data-t-title,
 *  data-t-placeholder and data-t-aria-label the attribute. */
function showWords(root = document) {
  for (const el of $$('[data-t]', root)) el.textContent = t(el.dataset.t);
  for (const attr of ['title', 'placeholder', 'aria-label']) {
    const name = `data-t-${attr}`;
    for (const el of $$(`[${name}]`, root)) el.setAttribute(attr, t(el.getAttribute(name)));
  }
}

/** Why the server refused a request it did not read, in words. */
function refusal(res) {
  if (res.status === 413) return t('ui-status-too-large');
  if (res.status === 403) return t('ui-status-refused');
  return t('ui-status-failed', { status: res.status });
}

async function api(path, body, raw) {
  const init = { method: body === undefined && raw === undefined ? 'GET' : 'POST', headers: {}, credentials: 'same-origin' };
  if (raw !== undefined) { init.body = raw; }
  else if (body !== undefined) { init.body = JSON.stringify(body); init.headers['Content-Type'] = 'application/json'; }
  const res = await fetch(path, init).catch(() => null);
  if (!res) { showMessage(t('ui-status-no-connection'), true); return null; }
  const data = await res.json().catch(() => ({ error: refusal(res) }));
  if (data.error) { showMessage(data.error, true); return null; }
  return data;
}

function showMessage(text, isError) {
  const m = $('#message');
  m.textContent = text;
  m.classList.toggle('error', !!isError);
  m.hidden = !text;
  if (text && !isError) setTimeout(() => { if (m.textContent === text) m.hidden = true; }, 4000);
}

const key = (path) => JSON.stringify(path);

/** Queues edits and sends them: one request at a time, the latest value of each field. */
function send(edits, structural) {
  if (editStarted === null) editStarted = performance.now();
  for (const e of edits) {
    const k = structural || e.op !== 'set' ? `${e.op}:${key(e.path)}:${Math.random()}` : key(e.path);
    pending.set(k, e);
  }
  flush();
}

async function flush() {
  if (sending || pending.size === 0) return;
  sending = true;
  const edits = [...pending.values()];
  pending.clear();
  const started = editStarted;
  editStarted = null;
  const data = await api('/api/edit', { edits });
  sending = false;
  if (data) apply(data, started);
  flush();
}

// ---- showing the state -------------------------------------------------------------

function apply(data, started) {
  state = data;
  const onStart = !data.file;
  $('#start').hidden = !onStart;
  $('#editor').hidden = onStart;
  $('#tools').hidden = onStart;
  $('#file-name').textContent = data.file || '';
  $('#save-state').textContent = data.dirty ? t('ui-bar-unsaved') : (data.file ? t('ui-bar-saved') : '');
  $('#undo').disabled = !data.can_undo;
  $('#redo').disabled = !data.can_redo;
  $('#disk-banner').hidden = !data.disk_changed;
  if (onStart) { renderRecent(data.recent || []); return; }
  const r = data.report || {};
  fillFields(r);
  fillPeriod(r.report || {});
  renderIndicators(r);
  for (const sec of $$('section.outline')) renderOutline(sec, r);
  if (data.file !== pluginsFor) loadPlugins(data.file);
  renderSections(r);
  const copy = (r.end_matter || {}).copy_to || [];
  setValue($('#copy-to'), copy.join('、'));
  renderTodos(data.todos || []);
  renderDiagnostics(data.diagnostics || []);
  showPreview(data, started);
}

/** The reports opened last, the latest first: one click opens one; a file that is gone
 *  is shown greyed, not offered. */
function renderRecent(list) {
  $('#recent').hidden = list.length === 0;
  const ul = $('#recent-list');
  ul.textContent = '';
  for (const r of list) {
    const li = document.createElement('li');
    const b = button(r.name, r.exists ? t('ui-start-recent-open', { path: r.path }) : t('ui-start-recent-missing', { path: r.path }), async () => {
      const d = await api('/api/open', { path: r.path });
      if (d) apply(d, null);
    }, !r.exists);
    b.dataset.report = r.path;
    b.title = r.path;
    const where = document.createElement('span');
    where.className = 'hint';
    where.textContent = r.exists ? r.folder : t('ui-start-recent-missing', { path: r.folder });
    li.classList.toggle('missing', !r.exists);
    li.append(b, ' ', where);
    ul.append(li);
  }
}

function getAt(obj, path) {
  return path.reduce((o, s) => (o == null ? undefined : o[s]), obj);
}

/** Sets a field's value unless the person is typing in it. */
function setValue(el, value) {
  if (document.activeElement === el) return;
  const v = value == null ? '' : String(value);
  if (el.value !== v) el.value = v;
}

function fillFields(r) {
  for (const el of $$('#form [data-path]')) {
    if (el.closest('.items') || el.closest('#indicators') || el.closest('#plugin-sections')) continue;
    let v = getAt(r, JSON.parse(el.dataset.path));
    if (el.dataset.kind === 'date' && typeof v === 'string') v = v.slice(0, 10);
    setValue(el, v);
  }
}

// ---- the period -----------------------------------------------------------------------------

function fillPeriod(meta) {
  if ($('#period').contains(document.activeElement)) return;
  const p = meta.period || '';
  let m;
  let year = '', kind = 'Y', q = '1', from = '', to = '';
  if ((m = p.match(/^(\d{4})$/))) { year = m[1]; kind = 'Y'; }
  else if ((m = p.match(/^(\d{4})-H([12])$/))) { year = m[1]; kind = 'H' + m[2]; }
  else if ((m = p.match(/^(\d{4})-Q([1-4])$/))) { year = m[1]; kind = 'Q'; q = m[2]; }
  else if ((m = p.match(/^(\d{4})-(\d{2})\.\.\d{4}-(\d{2})$/))) {
    year = m[1]; from = +m[2]; to = +m[3];
    kind = from === 1 && to === 9 ? 'M9' : 'M';
  }
  $('#period-year').value = year;
  $('#period-kind').value = kind;
  $('#period-q').value = q;
  $('#period-from').value = from;
  $('#period-to').value = to;
  showPeriodParts();
}

function showPeriodParts() {
  const kind = $('#period-kind').value;
  for (const el of $$('.q-only')) el.hidden = kind !== 'Q';
  for (const el of $$('.m-only')) el.hidden = kind !== 'M';
}

function periodChanged() {
  showPeriodParts();
  const year = $('#period-year').value.trim();
  if (!/^\d{4}$/.test(year)) return;
  const kind = $('#period-kind').value;
  const two = (n) => String(n).padStart(2, '0');
  let period = year;
  if (kind === 'H1' || kind === 'H2') period = `${year}-${kind}`;
  else if (kind === 'M9') period = `${year}-01..${year}-09`;
  else if (kind === 'Q') period = `${year}-Q${$('#period-q').value}`;
  else if (kind === 'M') {
    const from = +$('#period-from').value || 1, to = +$('#period-to').value || from;
    period = `${year}-${two(from)}..${year}-${two(to)}`;
  }
  send([{ op: 'set', path: ['report', 'period'], value: period }]);
}

// ---- the indicators --------------------------------------------------------------------------

const COLUMNS = [
  { key: 'name', label: 'ui-column-name', text: true },
  { key: 'value', label: 'ui-column-value' },
  { key: 'unit', label: 'ui-column-unit', text: true },
  { key: 'previous', label: 'ui-column-previous' },
  { key: 'target', label: 'ui-column-target' },
  { key: 'decimals', label: 'ui-column-decimals' },
];

function indicatorList(r) {
  const ind = r.indicators;
  if (ind && !Array.isArray(ind)) return { base: ['indicators', 'items'], rows: ind.items || [] };
  return { base: ['indicators'], rows: ind || [] };
}

let indicatorShape = null;

function renderIndicators(r) {
  const { base, rows } = indicatorList(r);
  const body = $('#indicators tbody');
  const shape = key([base, rows.length]);
  if (shape === indicatorShape) {
    // The same rows: new values and figures in place.
    rows.forEach((row, i) => {
      const tr = body.children[i];
      COLUMNS.forEach((col, c) => setValue(tr.children[c].firstChild, row[col.key]));
      const f = state.ok ? (state.figures || {})[row.name] || {} : {};
      tr.children[COLUMNS.length].textContent = f.growth_cell || '';
      tr.children[COLUMNS.length + 1].textContent = f.completion_cell || '';
    });
    if (!state.ok) askFigures(rows);
    return;
  }
  indicatorShape = shape;
  const focus = remember();
  body.textContent = '';
  rows.forEach((row, i) => {
    const tr = document.createElement('tr');
    for (const [c, col] of COLUMNS.entries()) {
      const td = document.createElement('td');
      const input = document.createElement('input');
      input.dataset.path = key([...base, i, col.key]);
      input.dataset.row = i;
      input.dataset.col = c;
      if (!col.text) { input.inputMode = 'decimal'; input.dataset.kind = 'number'; input.className = 'num'; }
      input.setAttribute('aria-label', t('ui-indicators-cell', { row: i + 1, column: t(col.label) }));
      input.value = row[col.key] == null ? '' : String(row[col.key]);
      td.append(input);
      tr.append(td);
    }
    const f = state.ok ? (state.figures || {})[row.name] || {} : {};
    for (const text of [f.growth_cell, f.completion_cell]) {
      const td = document.createElement('td');
      td.className = 'figure';
      td.textContent = text || '';
      tr.append(td);
    }
    const td = document.createElement('td');
    const del = button(t('ui-indicators-delete'), t('ui-indicators-delete-row', { row: i + 1 }), () => send([{ op: 'delete', path: [...base, i] }], true));
    td.append(del);
    tr.append(td);
    body.append(tr);
  });
  restore(focus);
  if (!state.ok) askFigures(rows);
}

/** While the report has errors, the figures of each row alone, as core words them. */
async function askFigures(rows) {
  const asked = state;
  const data = await api('/api/figures', { rows });
  if (!data || state !== asked) return;
  const body = $('#indicators tbody');
  data.figures.forEach((f, i) => {
    const tr = body.children[i];
    if (!tr || !f) return;
    tr.children[COLUMNS.length].textContent = f.growth_cell || '';
    tr.children[COLUMNS.length + 1].textContent = f.completion_cell || '';
  });
}

/** A block pasted from Excel or WPS: tab-separated cells, one row per line. */
function pasteRows(event) {
  const input = event.target;
  if (!input.closest('#indicators') || input.dataset.row === undefined) return;
  const text = event.clipboardData.getData('text/plain');
  if (!text.includes('\t') && !text.includes('\n')) return;
  event.preventDefault();
  const lines = text.replace(/\r/g, '').split('\n').filter((l) => l.trim() !== '');
  const { base, rows } = indicatorList(state.report || {});
  const startRow = +input.dataset.row, startCol = +input.dataset.col;
  const edits = [];
  lines.forEach((line, n) => {
    const row = startRow + n;
    if (row >= rows.length) edits.push({ op: 'insert', path: base, value: {} });
    line.split('\t').forEach((cell, j) => {
      const col = COLUMNS[startCol + j];
      if (!col) return;
      const path = [...base, row, col.key];
      const v = cell.trim().replace(/,/g, '');
      edits.push(col.text ? { op: 'set', path, value: v } : { op: 'set', path, raw: v });
    });
  });
  send(edits, true);
}

/** What an import of a statistics spreadsheet did: the rows whose figures it replaced
 *  (before → after) and what the reader found, each at its sheet and cell. */
function showSheetResult(sheet) {
  $('#sheet-result').hidden = false;
  $('#sheet-summary').textContent = sheet.summary;
  const label = (k) => { const c = COLUMNS.find((col) => col.key === k); return c ? t(c.label) : k; };
  const plain = (text) => text.replace(/^"(.*)"$/, '$1');
  const changes = $('#sheet-changes');
  changes.textContent = '';
  for (const c of sheet.changed || []) {
    const li = document.createElement('li');
    li.textContent = t('ui-sheet-change', { name: c.name, column: label(c.key), before: plain(c.before), after: plain(c.after) });
    changes.append(li);
  }
  const findings = $('#sheet-findings');
  findings.textContent = '';
  for (const f of sheet.findings || []) {
    const li = document.createElement('li');
    li.className = f.severity;
    li.dataset.cell = f.cell;
    li.textContent = t(f.help ? 'ui-sheet-finding-help' : 'ui-sheet-finding', { place: f.place, message: f.message, help: f.help });
    findings.append(li);
  }
}

// ---- the items (outline) ---------------------------------------------------------------

function numberOf(path) {
  const found = (state.numbers || []).find((n) => key(n.path) === key(path));
  return found ? found.number : '';
}

/** The paths of an outline's items, to tell whether it must be drawn anew. */
function outlineShape(items, base, out = []) {
  (items || []).forEach((item, i) => {
    out.push(key([...base, i]));
    const tb = item.table, c = item.chart;
    if (tb) out.push(`table ${(tb.columns || []).length}×${(tb.rows || []).map((r) => r.length).join(',')}`);
    if (c) out.push(`chart ${c.kind} ${(c.series || []).length}`);
    outlineShape(item.items, [...base, i, 'items'], out);
  });
  return out.join(' ');
}

function renderOutline(section, r) {
  const list = section.dataset.list;
  const flat = section.classList.contains('flat');
  const box = $('.items', section);
  const shape = outlineShape(r[list], [list]);
  if (section.dataset.shape === shape && box.childElementCount > 0 || shape === '' && box.childElementCount === 0) {
    // The same items: values and numbers in place.
    for (const div of $$('.item', box)) {
      const path = JSON.parse(div.dataset.item);
      const item = getAt(r, path) || {};
      if (!flat) $('.number', div).textContent = numberOf(path);
      setValue($('input[data-path]', div), item.title || '');
      setValue($('textarea[data-path]', div), (item.text || '').replace(/\n$/, ''));
      for (const el of $$('.extra [data-path]', div)) setValue(el, shown(el, getAt(r, JSON.parse(el.dataset.path))));
    }
    return;
  }
  section.dataset.shape = shape;
  const focus = remember();
  box.textContent = '';
  const items = r[list] || [];
  const draw = (items, base, depth, into) => {
    items.forEach((item, i) => {
      const path = [...base, i];
      const div = document.createElement('div');
      div.className = 'item';
      div.style.setProperty('--depth', depth);
      div.dataset.item = key(path);
      const head = document.createElement('div');
      head.className = 'item-head';
      const num = document.createElement('span');
      num.className = 'number';
      num.textContent = flat ? t('ui-attachment-number', { number: items.length > 1 ? i + 1 : '' }).trim() : numberOf(path);
      head.append(num);
      const title = document.createElement('input');
      title.dataset.path = key([...path, 'title']);
      title.setAttribute('aria-label', flat ? t('ui-attachment-title', { attachment: num.textContent }) : t('ui-item-title', { number: num.textContent }));
      title.placeholder = t(flat ? 'ui-attachment-title-placeholder' : 'ui-item-title-placeholder');
      title.value = item.title || '';
      head.append(title);
      const tools = document.createElement('span');
      tools.className = 'tools';
      const label = num.textContent || title.value;
      tools.append(
        button(t('ui-item-up'), t('ui-item-up-label', { item: label }), () => send([{ op: 'move', path, by: -1 }], true), i === 0),
        button(t('ui-item-down'), t('ui-item-down-label', { item: label }), () => send([{ op: 'move', path, by: 1 }], true), i === items.length - 1),
      );
      if (!flat) {
        tools.append(
          button(t('ui-item-indent'), t('ui-item-indent-label', { item: label }), () => send([{ op: 'indent', path }], true), i === 0 || depth >= 3),
          button(t('ui-item-outdent'), t('ui-item-outdent-label', { item: label }), () => send([{ op: 'outdent', path }], true), depth === 0),
          button(t('ui-item-add-sub'), t('ui-item-add-sub-label', { item: label }), () => send([{ op: 'insert', path: [...path, 'items'], value: {} }], true), depth >= 3),
        );
      }
      tools.append(button(t('ui-item-delete'), t('ui-item-delete-label', { item: label }), () => {
        if (!item.title && !item.text || confirm(t('ui-item-delete-confirm', { item: item.title || label }))) send([{ op: 'delete', path }], true);
      }));
      head.append(tools);
      div.append(head);
      const text = document.createElement('textarea');
      text.rows = 3;
      text.dataset.path = key([...path, 'text']);
      text.dataset.cite = '1';
      text.setAttribute('aria-label', flat ? t('ui-attachment-text', { attachment: num.textContent }) : t('ui-item-text', { number: num.textContent }));
      text.placeholder = t('ui-item-text-placeholder');
      text.value = (item.text || '').replace(/\n$/, '');
      div.append(text, extras(item, path, label));
      into.append(div);
      if (!flat && item.items) draw(item.items, [...path, 'items'], depth + 1, into);
    });
  };
  draw(items, [list], 0, box);
  addCiteButtons(box);
  restore(focus);
}

// ---- an item's table and chart ----------------------------------------------------------------

/** A value as its field shows it: a list joined with 、. */
function shown(el, v) {
  if (Array.isArray(v)) return v.join('、');
  return v == null ? '' : String(v);
}

function field(path, kind, labelText, placeholder) {
  const input = document.createElement('input');
  input.dataset.path = key(path);
  if (kind) input.dataset.kind = kind;
  input.setAttribute('aria-label', labelText);
  if (placeholder) input.placeholder = placeholder;
  return input;
}

function labelled(text, el) {
  const l = document.createElement('label');
  l.append(text, el);
  return l;
}

/** An item's table and chart, or the buttons that add them. */
function extras(item, path, label) {
  const box = document.createElement('div');
  box.className = 'extras';
  const add = [];
  if (item.table) box.append(tableForm(item.table, [...path, 'table'], label));
  else add.push(button(t('ui-table-add'), t('ui-table-add-label', { item: label }), () => send([
    { op: 'set', path: [...path, 'table', 'columns'], raw: JSON.stringify(NEW_TABLE_COLUMNS) },
    { op: 'set', path: [...path, 'table', 'rows'], raw: '[\n  ["", ""],\n]' },
  ], true)));
  if (item.chart) box.append(chartForm(item.chart, [...path, 'chart'], label));
  else add.push(button(t('ui-chart-add'), t('ui-chart-add-label', { item: label }), () => send([
    { op: 'set', path: [...path, 'chart', 'kind'], value: 'growth' },
  ], true)));
  box.append(...add);
  for (const el of $$('[data-path]', box)) el.value = shown(el, getAt(state.report, JSON.parse(el.dataset.path)));
  return box;
}

function extraHead(title, remove, removeLabel, onRemove) {
  const head = document.createElement('div');
  head.className = 'extra-head';
  const strong = document.createElement('strong');
  strong.textContent = title;
  head.append(strong, button(remove, removeLabel, onRemove));
  return head;
}

/** A table: its caption, a header cell per column, the rows of cells, its note. */
function tableForm(table, path, label) {
  const columns = table.columns || [];
  const rows = table.rows || [];
  const box = document.createElement('div');
  box.className = 'extra table-form';
  box.append(extraHead(t('ui-table'), t('ui-table-delete'), t('ui-table-delete-label', { item: label }), () => {
    if (confirm(t('ui-table-delete-confirm'))) send([{ op: 'set', path, value: null }], true);
  }));
  box.append(labelled(t('ui-table-caption'), field([...path, 'caption'], null, t('ui-table-caption-label', { item: label }))));
  const grid = document.createElement('table');
  grid.className = 'grid';
  const headRow = document.createElement('tr');
  columns.forEach((_, c) => {
    const th = document.createElement('th');
    th.append(field([...path, 'columns', c], 'header', t('ui-table-column-label', { item: label, column: c + 1 })));
    th.append(button(t('ui-table-delete-column'), t('ui-table-delete-column-label', { item: label, column: c + 1 }), () => send([
      ...rows.map((row, r) => ({ op: 'set', path: [...path, 'rows', r, c], value: null })).filter((_, r) => rows[r].length > c),
      { op: 'set', path: [...path, 'columns', c], value: null },
    ], true), columns.length <= 1));
    headRow.append(th);
  });
  headRow.append(document.createElement('th'));
  const thead = document.createElement('thead');
  thead.append(headRow);
  const tbody = document.createElement('tbody');
  rows.forEach((row, r) => {
    const tr = document.createElement('tr');
    columns.forEach((_, c) => {
      const td = document.createElement('td');
      td.append(field([...path, 'rows', r, c], 'cell', t('ui-table-cell-label', { item: label, row: r + 1, column: c + 1 })));
      tr.append(td);
    });
    const td = document.createElement('td');
    td.append(button(t('ui-table-delete-row'), t('ui-table-delete-row-label', { item: label, row: r + 1 }), () => send([{ op: 'set', path: [...path, 'rows', r], value: null }], true)));
    tr.append(td);
    tbody.append(tr);
  });
  grid.append(thead, tbody);
  box.append(grid);
  const empty = `[${columns.map(() => '""').join(', ')}]`;
  box.append(
    button(t('ui-table-add-row'), t('ui-table-add-row-label', { item: label }), () => send([rows.length
      ? { op: 'set', path: [...path, 'rows', rows.length], raw: empty }
      : { op: 'set', path: [...path, 'rows'], raw: `[\n  ${empty},\n]` }], true)),
    button(t('ui-table-add-column'), t('ui-table-add-column-label', { item: label }), () => send([
      { op: 'set', path: [...path, 'columns', columns.length], raw: JSON.stringify(newColumnName(columns.length + 1)) },
      ...rows.map((row, r) => ({ op: 'set', path: [...path, 'rows', r, row.length], raw: '""' })),
    ], true)),
  );
  box.append(labelled(t('ui-table-note'), field([...path, 'note'], null, t('ui-table-note-label', { item: label }), '数据来源：金川区统计局')));
  return box;
}

const CHART_KINDS = [
  ['growth', 'ui-chart-kind-growth'],
  ['completion', 'ui-chart-kind-completion'],
  ['bars', 'ui-chart-kind-bars'],
];

// What a new table or column says before it is filled in is document text, in the
// language of the report (Chinese), whatever the page's language.
const NEW_TABLE_COLUMNS = ['项目', '数值'];
const newColumnName = (n) => `第${n}列`;

/** A chart: what it shows, its caption, and the indicators or the data it draws. */
function chartForm(chart, path, label) {
  const box = document.createElement('div');
  box.className = 'extra chart-form';
  box.append(extraHead(t('ui-chart'), t('ui-chart-delete'), t('ui-chart-delete-label', { item: label }), () => send([{ op: 'set', path, value: null }], true)));
  const kind = document.createElement('select');
  kind.dataset.path = key([...path, 'kind']);
  kind.setAttribute('aria-label', t('ui-chart-kind-label', { item: label }));
  for (const [value, id] of CHART_KINDS) {
    const o = document.createElement('option');
    o.value = value;
    o.textContent = t(id);
    kind.append(o);
  }
  box.append(labelled(t('ui-chart-kind'), kind));
  box.append(labelled(t('ui-chart-title'), field([...path, 'title'], null, t('ui-chart-title-label', { item: label }))));
  if (chart.kind !== 'bars') {
    box.append(labelled(t('ui-chart-indicators'),
      field([...path, 'indicators'], 'list', t('ui-chart-indicators-label', { item: label }), '营业收入、固定资产投资')));
    return box;
  }
  box.append(labelled(t('ui-chart-unit'), field([...path, 'unit'], null, t('ui-chart-unit-label', { item: label }), '亿元')));
  box.append(labelled(t('ui-chart-categories'), field([...path, 'categories'], 'list', t('ui-chart-categories-label', { item: label }), '一季度、二季度')));
  (chart.series || []).forEach((_, i) => {
    const row = document.createElement('div');
    row.className = 'series';
    row.append(
      labelled(t('ui-chart-series-name'), field([...path, 'series', i, 'name'], null, t('ui-chart-series-name-label', { item: label, series: i + 1 }))),
      labelled(t('ui-chart-series-values'), field([...path, 'series', i, 'values'], 'numbers', t('ui-chart-series-values-label', { item: label, series: i + 1 }))),
      button(t('ui-chart-delete-series'), t('ui-chart-delete-series-label', { item: label, series: i + 1 }), () => send([{ op: 'delete', path: [...path, 'series', i] }], true)),
    );
    box.append(row);
  });
  box.append(button(t('ui-chart-add-series'), t('ui-chart-add-series-label', { item: label }), () => send([{ op: 'insert', path: [...path, 'series'], value: {} }], true)));
  return box;
}

function button(text, label, onclick, disabled) {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = text;
  b.setAttribute('aria-label', label);
  b.disabled = !!disabled;
  b.addEventListener('click', onclick);
  return b;
}

/** The focused field, to find it again after its list is drawn anew. */
function remember() {
  const el = document.activeElement;
  if (!el || !el.dataset || !el.dataset.path) return null;
  return { path: el.dataset.path, value: el.value, start: el.selectionStart, end: el.selectionEnd };
}

function restore(focus) {
  if (!focus) return;
  const el = $$('[data-path]').find((e) => e.dataset.path === focus.path);
  if (!el || document.activeElement === el) return;
  el.value = focus.value;
  el.focus();
  try { el.setSelectionRange(focus.start, focus.end); } catch (_) { /* not a text field */ }
}

// ---- 专题段落: sections made by plugins, each a form drawn from its plugin's schema ---------

let plugins = null;       // GET /api/plugins for the open report: [{name, title, schema, error …}]
let pluginsFor = null;    // the report they were asked for
let sectionsShape = null; // what the sections' forms were drawn for

const PLACES = [
  ['achievements', 'ui-sections-place-achievements'],
  ['part', 'ui-sections-place-part'],
  ['plan', 'ui-sections-place-plan'],
];

/** The plugins the open report can use, asked once per report. */
async function loadPlugins(file) {
  pluginsFor = file;
  plugins = null;
  const data = await api('/api/plugins');
  if (!data || pluginsFor !== file) return;
  // The schema as written: its properties in the order their author gave them.
  plugins = data.plugins.map((p) => (p.schema_text ? { ...p, schema: JSON.parse(p.schema_text) } : p));
  renderPluginChoice();
  sectionsShape = null;
  renderSections(state.report || {});
  renderDiagnostics(state.diagnostics || []);
}

const pluginNamed = (name) => (plugins || []).find((p) => p.name === name);

/** What a plugin is about: its schema's title (without a leading "name:") or description. */
function pluginAbout(p) {
  const about = p.title || p.description || '';
  return about.startsWith(`${p.name}:`) ? about.slice(p.name.length + 1).trim() : about;
}

/** The plugins a section can be added with; those that cannot be loaded, with the host's words. */
function renderPluginChoice() {
  const select = $('#section-plugin');
  select.textContent = '';
  const usable = (plugins || []).filter((p) => !p.error);
  for (const p of usable) {
    const o = document.createElement('option');
    o.value = p.name;
    const about = pluginAbout(p);
    o.textContent = about ? t('ui-sections-plugin-option', { name: p.name, about }) : p.name;
    o.className = 'plugin-words';
    select.append(o);
  }
  $('#add-section').disabled = usable.length === 0;
  const ul = $('#plugin-errors');
  ul.textContent = '';
  if (plugins && plugins.length === 0) {
    const li = document.createElement('li');
    li.textContent = t('ui-sections-none');
    ul.append(li);
  }
  for (const p of (plugins || []).filter((x) => x.error)) {
    const li = document.createElement('li');
    li.className = 'error';
    li.textContent = t(p.help ? 'ui-sections-plugin-error-help' : 'ui-sections-plugin-error', { name: p.name, message: p.error, help: p.help });
    ul.append(li);
  }
}

/** The lengths of every list in a config, to tell whether its form must be drawn anew. */
function listLengths(v, out = []) {
  if (Array.isArray(v)) { out.push(v.length); v.forEach((x) => listLengths(x, out)); }
  else if (v && typeof v === 'object') for (const k of Object.keys(v).sort()) { out.push(k); listLengths(v[k], out); }
  return out;
}

function renderSections(r) {
  const sections = Array.isArray(r.sections) ? r.sections : [];
  const box = $('#plugin-sections');
  const shape = key([(plugins || []).map((p) => p.name), sections.map((s) => [s.plugin, listLengths(s.config)])]);
  if (shape === sectionsShape) {
    for (const el of $$('[data-path]', box)) showSchemaValue(el, getAt(r, JSON.parse(el.dataset.path)));
    return;
  }
  sectionsShape = shape;
  const focus = remember();
  box.textContent = '';
  sections.forEach((s, i) => box.append(sectionForm(s, i, sections.length)));
  for (const el of $$('[data-path]', box)) showSchemaValue(el, getAt(r, JSON.parse(el.dataset.path)));
  restore(focus);
}

/** One section: its plugin, where it goes, up, down, delete, and its config's form. */
function sectionForm(section, i, count) {
  const path = ['sections', i];
  const div = document.createElement('div');
  div.className = 'plugin-section';
  div.dataset.item = key(path);
  div.dataset.plugin = section.plugin || '';
  const head = document.createElement('div');
  head.className = 'item-head';
  const label = t('ui-sections-section', { number: i + 1, plugin: section.plugin || '' });
  const strong = document.createElement('strong');
  strong.textContent = label;
  const place = document.createElement('select');
  place.dataset.path = key([...path, 'place']);
  place.dataset.kind = 'place';
  place.setAttribute('aria-label', t('ui-sections-place-label', { section: label }));
  for (const [value, id] of PLACES) {
    const o = document.createElement('option');
    o.value = value;
    o.textContent = t(id);
    place.append(o);
  }
  const tools = document.createElement('span');
  tools.className = 'tools';
  tools.append(
    button(t('ui-item-up'), t('ui-item-up-label', { item: label }), () => send([{ op: 'move', path, by: -1 }], true), i === 0),
    button(t('ui-item-down'), t('ui-item-down-label', { item: label }), () => send([{ op: 'move', path, by: 1 }], true), i === count - 1),
    button(t('ui-item-delete'), t('ui-item-delete-label', { item: label }), () => {
      const filled = section.config && Object.keys(section.config).length > 0;
      if (!filled || confirm(t('ui-sections-delete-confirm', { section: label }))) send([{ op: 'delete', path }], true);
    }),
  );
  head.append(strong, labelled(t('ui-sections-place'), place), tools);
  div.append(head);
  const plugin = pluginNamed(section.plugin);
  if (plugin && plugin.schema) {
    const about = pluginAbout(plugin);
    if (about) div.append(hint(about));
    div.append(...schemaFields(plugin.schema, [...path, 'config']));
  } else if (plugins) {
    const why = hint(t(plugin ? 'ui-sections-no-form-broken' : 'ui-sections-no-form-missing', { plugin: section.plugin || '' }));
    why.className = 'hint';
    div.append(why);
  }
  return div;
}

/** A hint in the plugin's own words (its schema's title or description). */
function hint(text) {
  const p = document.createElement('p');
  p.className = 'hint plugin-words';
  p.textContent = text;
  return p;
}

/** What a schema asks for: enum, const, object, array, string, number, integer, boolean or any. */
function schemaType(s) {
  if (Array.isArray(s.enum)) return 'enum';
  if (s.const !== undefined) return 'const';
  const type = Array.isArray(s.type) ? s.type.find((x) => x !== 'null') : s.type;
  if (type) return type;
  return s.properties ? 'object' : 'any';
}

/** A field's caption: the schema's title, else the key; a required field marked. */
function caption(s, name, required) {
  const span = document.createElement('span');
  span.className = 'plugin-words';
  span.textContent = s.title || name;
  if (required) {
    const mark = document.createElement('abbr');
    mark.className = 'required';
    mark.textContent = '*';
    mark.title = t('ui-schema-required');
    span.append(mark);
  }
  return span;
}

/** The fields of an object schema's properties, at `path`. */
function schemaFields(schema, path) {
  const required = schema.required || [];
  return Object.entries(schema.properties || {})
    .map(([name, s]) => schemaField(s, [...path, name], name, required.includes(name)))
    .filter(Boolean);
}

/** One property: a fieldset for an object, a grid for a list of objects, else one control. */
function schemaField(s, path, name, required) {
  const type = schemaType(s);
  if (type === 'const') return null;
  if (type === 'object' || (type === 'array' && schemaType(s.items || {}) === 'object')) {
    const set = document.createElement('fieldset');
    set.className = 'schema-object';
    const legend = document.createElement('legend');
    legend.append(caption(s, name, required));
    set.append(legend);
    if (s.description) set.append(hint(s.description));
    if (type === 'object') set.append(...schemaFields(s, path));
    else set.append(schemaGrid(s.items, path, s.title || name));
    return set;
  }
  const control = schemaControl(s, path, false);
  const l = document.createElement('label');
  l.className = control.type === 'checkbox' ? 'schema-field check' : 'schema-field';
  l.append(caption(s, name, required), ' ', control);
  if (required) control.setAttribute('aria-required', 'true');
  if (s.description) { control.title = s.description; l.append(hint(s.description)); }
  return l;
}

/** The control of a value: a select for an enum, a checkbox for true/false, a number field
 *  (within minimum and maximum), a list field (、-separated), a text field or, for long
 *  text outside a grid, a text area. */
function schemaControl(s, path, inGrid) {
  const type = schemaType(s);
  let el;
  if (type === 'enum') {
    el = document.createElement('select');
    el.dataset.kind = 'enum';
    for (const v of ['', ...s.enum.map((x) => JSON.stringify(x))]) {
      const o = document.createElement('option');
      o.value = v;
      o.textContent = v === '' ? t('ui-schema-unset') : String(JSON.parse(v));
      if (v !== '') o.className = 'plugin-words';
      el.append(o);
    }
  } else if (type === 'boolean') {
    el = document.createElement('input');
    el.type = 'checkbox';
    el.dataset.kind = 'boolean';
  } else if (type === 'number' || type === 'integer') {
    el = document.createElement('input');
    el.type = 'number';
    el.className = 'num';
    el.dataset.kind = 'number';
    el.step = type === 'integer' ? '1' : 'any';
    const min = s.minimum ?? s.exclusiveMinimum, max = s.maximum ?? s.exclusiveMaximum;
    if (min !== undefined) el.min = min;
    if (max !== undefined) el.max = max;
  } else if (type === 'array') {
    const items = schemaType(s.items || {});
    el = document.createElement('input');
    el.dataset.kind = items === 'number' || items === 'integer' ? 'numbers' : 'list';
    el.placeholder = t('ui-schema-list-hint');
  } else if (type === 'string' && !inGrid && !(s.maxLength <= 60)) {
    el = document.createElement('textarea');
    el.rows = 2;
  } else {
    el = document.createElement('input');
    if (s.maxLength !== undefined) el.maxLength = s.maxLength;
  }
  el.dataset.path = key(path);
  return el;
}

/** A list of objects as a grid: a column per property, a row per item, rows added and deleted. */
function schemaGrid(item, path, name) {
  const rows = getAt(state.report, path);
  const count = Array.isArray(rows) ? rows.length : 0;
  const required = item.required || [];
  const columns = Object.entries(item.properties || {}).filter(([, s]) => !['const', 'object'].includes(schemaType(s)));
  const box = document.createElement('div');
  box.className = 'schema-grid-box';
  const grid = document.createElement('table');
  grid.className = 'grid schema-grid';
  const headRow = document.createElement('tr');
  for (const [col, s] of columns) {
    const th = document.createElement('th');
    th.append(caption(s, col, required.includes(col)));
    if (s.description) th.title = s.description;
    headRow.append(th);
  }
  headRow.append(document.createElement('th'));
  const thead = document.createElement('thead');
  thead.append(headRow);
  const tbody = document.createElement('tbody');
  for (let r = 0; r < count; r++) {
    const tr = document.createElement('tr');
    tr.dataset.item = key([...path, r]);
    for (const [col, s] of columns) {
      const td = document.createElement('td');
      const control = schemaControl(s, [...path, r, col], true);
      control.setAttribute('aria-label', t('ui-schema-cell-label', { field: name, row: r + 1, column: s.title || col }));
      if (required.includes(col)) control.setAttribute('aria-required', 'true');
      td.append(control);
      tr.append(td);
    }
    const td = document.createElement('td');
    td.append(button(t('ui-schema-delete-row'), t('ui-schema-delete-row-label', { field: name, row: r + 1 }), () => send([{ op: 'delete', path: [...path, r] }], true)));
    tr.append(td);
    tbody.append(tr);
  }
  grid.append(thead, tbody);
  const add = button(t('ui-schema-add-row'), t('ui-schema-add-row-label', { field: name }), () => send([{ op: 'insert', path, value: {} }], true));
  add.dataset.list = key(path);
  box.append(grid, add);
  return box;
}

/** Shows a value in its control, unless the person is in it. */
function showSchemaValue(el, v) {
  const kind = el.dataset.kind;
  if (kind === 'boolean') { if (document.activeElement !== el) el.checked = v === true; }
  else if (kind === 'enum') setValue(el, v == null ? '' : JSON.stringify(v));
  else if (kind === 'place') setValue(el, v || 'achievements');
  else if (typeof v === 'string') setValue(el, v.replace(/\n$/, ''));
  else setValue(el, shown(el, v));
}

$('#add-section').addEventListener('click', () => {
  const name = $('#section-plugin').value;
  if (name) send([{ op: 'insert', path: ['sections'], value: { plugin: name } }], true);
});

// ---- citing an indicator ----------------------------------------------------------------------

let citeTarget = null;

function addCiteButtons(root) {
  for (const ta of $$('textarea[data-cite]', root)) {
    if (ta.nextElementSibling && ta.nextElementSibling.classList.contains('cite')) continue;
    const b = button(t('ui-cite'), t('ui-cite-label'), (e) => openCite(ta, e.currentTarget));
    b.classList.add('cite');
    ta.after(b);
  }
}

function openCite(textarea, anchor) {
  citeTarget = { el: textarea, start: textarea.selectionStart, end: textarea.selectionEnd };
  const menu = $('#cite-menu');
  menu.textContent = '';
  const { rows } = indicatorList(state.report || {});
  const names = rows.map((r) => r.name).filter(Boolean);
  if (names.length === 0) {
    const p = document.createElement('p');
    p.textContent = t('ui-cite-none');
    menu.append(p);
  }
  for (const name of names) {
    const f = (state.figures || {})[name] || {};
    const item = document.createElement('button');
    item.type = 'button';
    item.setAttribute('role', 'menuitem');
    item.dataset.name = name;
    item.textContent = name;
    if (f.value) {
      const s = document.createElement('small');
      s.textContent = [f.value, f.growth].filter(Boolean).join('，');
      item.append(s);
    }
    item.addEventListener('click', () => cite(name));
    menu.append(item);
  }
  const rect = anchor.getBoundingClientRect();
  menu.style.left = `${rect.left + window.scrollX}px`;
  menu.style.top = `${rect.bottom + window.scrollY}px`;
  menu.hidden = false;
  const first = $('button', menu);
  if (first) first.focus();
}

function cite(name) {
  const target = citeTarget;
  $('#cite-menu').hidden = true;
  if (!target) return;
  const insert = `{{indicator "${name}"}}`;
  const el = target.el;
  el.value = el.value.slice(0, target.start) + insert + el.value.slice(target.end);
  el.focus();
  el.setSelectionRange(target.start + insert.length, target.start + insert.length);
  changed(el);
}

$('#cite-menu').addEventListener('keydown', (e) => {
  const items = $$('#cite-menu button');
  const at = items.indexOf(document.activeElement);
  if (e.key === 'ArrowDown') { e.preventDefault(); (items[at + 1] || items[0]).focus(); }
  if (e.key === 'ArrowUp') { e.preventDefault(); (items[at - 1] || items[items.length - 1]).focus(); }
  if (e.key === 'Escape') { $('#cite-menu').hidden = true; if (citeTarget) citeTarget.el.focus(); }
});

// ---- check results, to-dos ------------------------------------------------------------

function fieldFor(path) {
  if (!path) return null;
  const fields = $$('#form [data-path]');
  for (let n = path.length; n > 0; n--) {
    const k = key(path.slice(0, n));
    const el = fields.find((f) => f.dataset.path === k);
    if (el) return el;
    const item = $$('[data-item]').find((d) => d.dataset.item === k);
    if (item) return $('[data-path]', item);
  }
  if (path[0] === 'report' && path[1] === 'period') return $('#period-year');
  return null;
}

function renderDiagnostics(list) {
  for (const el of $$('.has-error, .has-warning')) el.classList.remove('has-error', 'has-warning');
  for (const el of $$('.field-message')) el.remove();
  for (const el of $$('#indicators input[title]')) el.removeAttribute('title');
  const ul = $('#diagnostic-list');
  ul.textContent = '';
  $('#problems-list').hidden = list.length === 0;
  for (const d of list) {
    const li = document.createElement('li');
    li.className = d.severity;
    const a = document.createElement('a');
    a.href = '#';
    const id = d.severity === 'error'
      ? (d.line ? 'ui-check-error-at' : 'ui-check-error')
      : (d.line ? 'ui-check-warning-at' : 'ui-check-warning');
    a.textContent = t(id, { line: d.line, message: d.message });
    if (d.help) {
      const h = document.createElement('small');
      h.textContent = ` ${t('ui-check-help', { help: d.help })}`;
      a.append(h);
    }
    const field = fieldFor(d.path);
    a.addEventListener('click', (e) => {
      e.preventDefault();
      const f = fieldFor(d.path);
      if (f) { f.scrollIntoView({ block: 'center' }); f.focus(); }
    });
    li.append(a);
    ul.append(li);
    if (field) {
      field.classList.add(d.severity === 'error' ? 'has-error' : 'has-warning');
      const note = document.createElement('div');
      note.className = `field-message ${d.severity}`;
      note.textContent = d.message;
      if (field.closest('#indicators')) field.title = d.message;
      else (field.closest('label') || field.parentElement).append(note);
    }
  }
}

function renderTodos(todos) {
  $('#todos').hidden = todos.length === 0;
  const ul = $('#todo-list');
  ul.textContent = '';
  for (const todo of todos) {
    const li = document.createElement('li');
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.setAttribute('aria-label', t('ui-todo-checked'));
    const a = document.createElement('a');
    a.href = '#';
    a.textContent = todo.note;
    a.addEventListener('click', (e) => {
      e.preventDefault();
      const f = fieldFor(todo.path);
      if (f) { f.scrollIntoView({ block: 'center' }); f.focus(); }
    });
    li.append(box, a);
    ul.append(li);
  }
}

// ---- the preview -------------------------------------------------------------------------

let shownHead = null;

/** Shows the new page: the body swapped in place when the head (styles) is the same,
 *  which keeps the scroll position and is quicker than loading the page anew. */
function showPreview(data, started) {
  const frame = $('#preview');
  $('#preview-state').textContent = data.ok ? t('ui-preview-time', { ms: Math.round(data.render_ms) }) : t('ui-preview-stale');
  const done = () => {
    if (started != null) requestAnimationFrame(() => window.huibaoLatency.push(performance.now() - started));
  };
  if (!data.preview || data.preview === shownPreview) {
    if (data.ok) done();
    return;
  }
  shownPreview = data.preview;
  const parsed = new DOMParser().parseFromString(data.preview, 'text/html');
  const head = parsed.head.innerHTML;
  const doc = frame.contentDocument;
  if (doc && doc.body && head === shownHead) {
    doc.body.replaceWith(doc.adoptNode(parsed.body));
    markPages();
    done();
    return;
  }
  shownHead = head;
  frame.onload = () => { markPages(); done(); };
  frame.srcdoc = data.preview;
}

let pagesTimer = null;

/** Marks where the PDF's pages begin, asked for when the typing pauses: the report is
 *  laid out as for the PDF, and each page's first line found in the preview. */
function markPages() {
  clearTimeout(pagesTimer);
  pagesTimer = setTimeout(async () => {
    const res = await fetch('/api/pages').catch(() => null);
    if (!res || !res.ok) return;
    const data = await res.json();
    const doc = $('#preview').contentDocument;
    if (!doc || !doc.body) return;
    for (const m of doc.querySelectorAll('.huibao-page-start')) m.remove();
    if (!doc.getElementById('huibao-page-style')) {
      const style = doc.createElement('style');
      style.id = 'huibao-page-style';
      style.textContent = '.huibao-page-start{border-top:1px dashed #c8102e;color:#c8102e;font:12px/1.4 sans-serif;'
        + 'text-align:right;margin:6px 0;text-indent:0}@media print{.huibao-page-start{display:none}}';
      doc.head.append(style);
    }
    const squeeze = (text) => text.replace(/\s+/g, '');
    const blocks = [...doc.body.querySelectorAll('*')].filter((el) =>
      !el.querySelector('p,div,h1,h2,h3,h4,h5,h6,table,tr,section,header,footer,figure')
      && squeeze(el.textContent) !== '' && !['SPAN', 'B', 'STRONG', 'EM', 'I', 'SUB', 'SUP', 'SCRIPT', 'STYLE'].includes(el.tagName));
    let from = 0;
    for (const p of data.pages) {
      const first = squeeze(p.first).slice(0, 12);
      if (!first) continue;
      const at = blocks.findIndex((el, i) => i >= from && squeeze(el.textContent).includes(first));
      if (at < 0) continue;
      from = at;
      let el = blocks[at];
      if (el.tagName === 'TD' || el.tagName === 'TH') el = el.closest('tr') || el;
      const mark = doc.createElement(el.tagName === 'TR' ? 'tr' : 'div');
      mark.className = 'huibao-page-start';
      const label = t(squeeze(blocks[at].textContent).startsWith(first) ? 'ui-preview-page' : 'ui-preview-page-within', { page: p.page });
      if (el.tagName === 'TR') {
        const td = doc.createElement('td');
        td.colSpan = el.children.length;
        td.textContent = label;
        mark.append(td);
      } else mark.textContent = label;
      el.before(mark);
    }
    if (data.summary) $('#preview-state').textContent = `${$('#preview-state').textContent.split(' · ')[0]} · ${data.summary}`;
  }, 400);
}

// ---- input -------------------------------------------------------------------------

function changed(el) {
  if (el.id === 'copy-to') {
    const names = el.value.split(/[、，,；;\n]/).map((s) => s.trim()).filter(Boolean);
    send([{ op: 'set', path: ['end_matter', 'copy_to'], value: names.length ? names : null }]);
    return;
  }
  if (!el.dataset.path) return;
  const path = JSON.parse(el.dataset.path);
  const v = el.value;
  const kind = el.dataset.kind;
  if (kind === 'boolean') {
    send([{ op: 'set', path, value: el.checked }]);
  } else if (kind === 'enum') {
    send([{ op: 'set', path, value: v === '' ? null : JSON.parse(v) }]);
  } else if (kind === 'cell' || kind === 'header') {
    // A cell is a number when it reads as one; a header or other cell is text, kept even when empty.
    const plain = v.trim().replace(/,/g, '');
    const number = kind === 'cell' && /^-?\d+(\.\d+)?$/.test(plain);
    send([{ op: 'set', path, raw: number ? plain : JSON.stringify(v.trim()) }]);
  } else if (kind === 'list') {
    const names = v.split(/[、，,；;\n]/).map((x) => x.trim()).filter(Boolean);
    send([{ op: 'set', path, value: names.length ? names : null }]);
  } else if (kind === 'numbers') {
    const nums = v.split(/[、，,；;\s]+/).map((x) => x.trim()).filter(Boolean);
    if (nums.some((x) => !/^-?\d+(\.\d+)?$/.test(x))) return;
    send([{ op: 'set', path, raw: `[${nums.join(', ')}]` }]);
  } else if (el.dataset.kind === 'number' || el.dataset.kind === 'date') {
    send([{ op: 'set', path, raw: v.trim().replace(/,/g, '') }]);
  } else if (el.tagName === 'TEXTAREA' && v.includes('\n')) {
    send([{ op: 'set', path, value: v.endsWith('\n') ? v : v + '\n' }]);
  } else {
    send([{ op: 'set', path, value: v }]);
  }
}

$('#form').addEventListener('input', (e) => {
  const el = e.target;
  if ($('#period').contains(el)) { periodChanged(); return; }
  if (el.dataset.kind === 'number' && el.value.trim() !== '' && isNaN(+el.value.replace(/,/g, ''))) return;
  if (el.validity && el.validity.badInput) return; // a number field holding half a number
  changed(el);
});
$('#form').addEventListener('paste', pasteRows);
$('#period-kind').addEventListener('change', periodChanged);
$('#add-indicator').addEventListener('click', () => {
  const { base } = indicatorList(state.report || {});
  send([{ op: 'insert', path: base, value: {} }], true);
});
for (const sec of $$('section.outline')) {
  $('.add-item', sec).addEventListener('click', () => send([{ op: 'insert', path: [sec.dataset.list], value: {} }], true));
}

$('#undo').addEventListener('click', async () => { const d = await api('/api/undo', {}); if (d) apply(d, null); });
$('#redo').addEventListener('click', async () => { const d = await api('/api/redo', {}); if (d) apply(d, null); });
$('#save').addEventListener('click', async () => { const d = await api('/api/save', {}); if (d) { apply(d, null); showMessage(t('ui-bar-saved')); } });
$('#reload').addEventListener('click', async () => { const d = await api('/api/reload', {}); if (d) apply(d, null); });
$('#keep').addEventListener('click', async () => { const d = await api('/api/save', {}); if (d) apply(d, null); });

for (const b of $$('button.export')) {
  b.addEventListener('click', async () => {
    const format = b.dataset.format;
    b.disabled = true;
    showMessage(t('ui-status-exporting', { format: format.toUpperCase() }));
    const d = await api('/api/export', { formats: [format] });
    b.disabled = false;
    if (!d) return;
    const box = $('#downloads');
    box.hidden = false;
    for (const f of d.files) {
      let a = $$('a', box).find((x) => x.dataset.name === f.name);
      if (!a) {
        a = document.createElement('a');
        a.dataset.name = f.name;
        box.append(a);
      }
      a.href = `/api/download?name=${encodeURIComponent(f.name)}`;
      a.download = f.name;
      a.textContent = t('ui-status-download', { name: f.name });
      a.title = f.path;
    }
    showMessage(t('ui-status-exported', { files: d.files.map((f) => f.path).join(t('ui-list-separator')) }));
  });
}

$('#new').addEventListener('click', async () => {
  const d = await api('/api/new', { name: $('#new-name').value });
  if (d) apply(d, null);
});
$('#open').addEventListener('click', async () => {
  const d = await api('/api/open', { path: $('#open-path').value });
  if (d) apply(d, null);
});
$('#sheet-file').addEventListener('change', async (e) => {
  const file = e.target.files[0];
  if (!file) return;
  e.target.value = '';
  showMessage(t('ui-status-reading', { name: file.name }));
  const d = await api(`/api/sheet?name=${encodeURIComponent(file.name)}`, undefined, await file.arrayBuffer());
  if (!d) return;
  apply(d, null);
  showSheetResult(d.sheet);
  showMessage(d.sheet.summary, !d.sheet.ok);
});
$('#import-file').addEventListener('change', async (e) => {
  const file = e.target.files[0];
  if (!file) return;
  showMessage(t('ui-status-importing', { name: file.name }));
  const d = await api(`/api/import?name=${encodeURIComponent(file.name)}`, undefined, await file.arrayBuffer());
  if (d) { apply(d, null); showMessage(t('ui-status-imported', { name: file.name })); }
});

document.addEventListener('keydown', (e) => {
  const mod = e.ctrlKey || e.metaKey;
  if (mod && e.key === 's') { e.preventDefault(); $('#save').click(); }
  else if (mod && e.key === 'z' && !e.shiftKey && document.activeElement.tagName !== 'TEXTAREA' && document.activeElement.tagName !== 'INPUT') { e.preventDefault(); $('#undo').click(); }
  else if (mod && (e.key === 'y' || (e.key === 'z' && e.shiftKey)) && document.activeElement.tagName !== 'TEXTAREA' && document.activeElement.tagName !== 'INPUT') { e.preventDefault(); $('#redo').click(); }
  else if (e.key === 'Escape') $('#cite-menu').hidden = true;
});
document.addEventListener('click', (e) => {
  const menu = $('#cite-menu');
  if (!menu.hidden && !menu.contains(e.target) && !e.target.classList.contains('cite')) menu.hidden = true;
});

// Another program changing the file is noticed.
setInterval(async () => {
  if (!state || !state.file) return;
  const res = await fetch('/api/disk').catch(() => null);
  if (!res || !res.ok) return;
  const d = await res.json();
  $('#disk-banner').hidden = !d.disk_changed;
}, 2000);

// The words first, then the report: nothing is shown before it can be said.
const given = await api('/api/words');
if (given) {
  words = given.words;
  document.documentElement.lang = given.lang;
  showWords();
}
addCiteButtons(document);
api('/api/state').then((d) => { if (d) apply(d, null); });
