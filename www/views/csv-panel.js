// The "Your data" panel: choose, drop or paste a CSV file; a progress bar
// while the worker reads it; the preview (the first rows, and per column
// its type, missing count and range); the target column, the task and the
// missing-value policy. Turns input into intents; draws the state.
//
// Everything that comes from the file (column names, cells, class names,
// the engine's notes about them) is set with textContent or as an
// option's text, never as HTML: a column named <img src=x onerror=…>
// shows as exactly those characters.

import { formatNumber } from '../format.js';
import { setText, setProp } from './dom.js';
import { catalog } from '../catalog.js';
import { text, said, formatCount } from '../strings/index.js';

const MAX_SHOWN_COLUMNS = 60; // a 1,000-column file previews its first 60

// `root`: the panel in the data column; `preview`: the wide preview panel.
export function createCsvPanel(root, preview, intents) {
  const $ = (id) => root.querySelector(`[data-testid="${id}"]`) || preview.querySelector(`[data-testid="${id}"]`);
  const input = $('csv-input');
  const paste = $('csv-paste');
  const loadText = $('csv-load');
  const progress = $('csv-progress');
  const bar = progress.querySelector('progress');
  const progressText = progress.querySelector('.progress-text');
  const choice = root.querySelector('.csv-choice');
  const status = $('csv-status');
  const target = $('target-column');
  const task = $('task');
  const missing = $('missing');
  // The engine's choices for a file's task and missing values (its catalog).
  for (const [select, list, kind] of [[task, catalog.tasks, 'task'], [missing, catalog.missing, 'missing']]) {
    for (const { id } of list) select.add(said(new Option('', id), 'text', `${kind}.${id}`));
  }
  const previewLink = root.querySelector('.csv-preview-link');
  // Not a #fragment link: the page's hash holds its settings.
  $('csv-show-preview').addEventListener('click', () => preview.scrollIntoView({ behavior: 'smooth', block: 'start' }));
  const caption = $('csv-caption');
  const notes = $('csv-notes');
  const table = $('csv-table');
  let shown = null; // the preview on screen (rebuilt only for a new file)
  let highlighted = null;
  let notesKey = '';
  let drawn = []; // what the last draw used: nothing to do while it is the same

  input.addEventListener('change', () => {
    const file = input.files[0];
    input.value = ''; // choosing the same file again still loads it
    if (file) intents.loadCsvFile(file);
  });
  loadText.addEventListener('click', () => intents.loadCsvText(paste.value));
  target.addEventListener('change', () => intents.chooseCsv({ target: target.value }));
  task.addEventListener('change', () => intents.chooseCsv({ task: task.value }));
  missing.addEventListener('change', () => intents.chooseCsv({ missing: missing.value }));

  // A file dropped anywhere on the page: a CSV is data, a .json a saved model.
  let depth = 0;
  const hasFiles = (e) => [...(e.dataTransfer?.types || [])].includes('Files');
  const dropping = (on) => document.body.classList.toggle('dropping', on);
  document.addEventListener('dragenter', (e) => {
    if (!hasFiles(e)) return;
    depth += 1;
    dropping(true);
  });
  document.addEventListener('dragleave', (e) => {
    if (!hasFiles(e)) return;
    depth = Math.max(0, depth - 1);
    if (depth === 0) dropping(false);
  });
  document.addEventListener('dragover', (e) => {
    if (!hasFiles(e)) return;
    e.preventDefault(); // allow the drop
    e.dataTransfer.dropEffect = 'copy';
  });
  document.addEventListener('drop', (e) => {
    if (!hasFiles(e)) return;
    e.preventDefault(); // the browser would otherwise open the file
    depth = 0;
    dropping(false);
    const file = e.dataTransfer.files[0];
    if (file) intents.dropFile(file);
  });

  // One table: a column per file column, its type, missing count and range
  // above its first values, so each summary sits over what it describes.
  function build(file) {
    const p = file.preview;
    const cols = p.columns.slice(0, MAX_SHOWN_COLUMNS);
    const more = p.columns.length - cols.length;

    target.textContent = '';
    for (const c of p.columns) target.appendChild(new Option(c.name, c.name));

    table.textContent = '';
    const head = table.createTHead().insertRow();
    head.appendChild(document.createElement('td')).className = 'corner';
    for (const c of cols) {
      const th = document.createElement('th');
      th.scope = 'col';
      th.textContent = c.name;
      th.title = c.name;
      head.appendChild(th);
    }
    if (more > 0) head.appendChild(Object.assign(document.createElement('th'), { className: 'more', textContent: text('network.more', { n: more }) }));
    const stats = table.createTBody();
    stats.className = 'stats';
    const stat = (name, value) => {
      const tr = stats.insertRow();
      tr.dataset.stat = name;
      tr.appendChild(Object.assign(document.createElement('th'), { scope: 'row', textContent: text(`csv.stat.${name}`) }));
      for (const c of cols) tr.insertCell().textContent = value(c);
    };
    stat('type', (c) => text(`csv.kind.${c.kind}`));
    stat('missing', (c) => String(c.missing));
    stat('range', rangeText);
    const rows = table.createTBody();
    p.rows.forEach((row, r) => {
      const tr = rows.insertRow();
      tr.appendChild(Object.assign(document.createElement('th'), { scope: 'row', textContent: String(r + 1) }));
      for (let i = 0; i < cols.length; i++) {
        const td = tr.insertCell();
        td.textContent = row[i] ?? '';
        if (row[i] === '' || row[i] == null) td.className = 'blank';
      }
    });
    const delimiter = p.delimiter === '\t' ? text('csv.tab') : `'${p.delimiter}'`;
    caption.textContent = text('csv.caption', { name: file.name, rows: formatCount(p.totalRows), columns: p.columns.length, delimiter });
    highlighted = null;
  }

  // The target's column, marked in every row.
  function highlight(file, name) {
    if (highlighted === name) return;
    highlighted = name;
    const index = file.preview.columns.findIndex((c) => c.name === name) + 1; // after the row labels
    for (const tr of table.rows) {
      for (const cell of tr.cells) {
        const on = cell.cellIndex === index;
        if (cell.classList.contains('target') !== on) cell.classList.toggle('target', on);
      }
    }
  }

  return {
    // After a language switch: the preview's words and the status again.
    relabel() {
      shown = null;
      drawn = [];
    },
    draw(state) {
      const deps = [state.csvLoading, state.csvFile, state.csvChoice, state.csvStatus, state.settings, state.config, state.info];
      if (deps.every((d, i) => d === drawn[i])) return; // called every animation frame while training
      drawn = deps;
      const loading = state.csvLoading;
      setProp(progress, 'hidden', !loading);
      setProp(loadText, 'disabled', !!loading);
      if (loading) {
        if (loading.parsing) {
          if (bar.hasAttribute('value')) bar.removeAttribute('value'); // indeterminate: the engine is reading it
          setText(progressText, text('csv.checking', { name: loading.name }));
        } else {
          setProp(bar, 'value', loading.total ? loading.loaded / loading.total : 0);
          setText(progressText, text('csv.reading', { name: loading.name, loaded: mb(loading.loaded), total: mb(loading.total) }));
        }
      }

      const file = state.csvFile;
      setProp(choice, 'hidden', !file);
      setProp(preview, 'hidden', !file);
      setProp(previewLink, 'hidden', !file);
      if (!file) return;
      if (shown !== file) {
        shown = file;
        build(file);
      }
      const c = state.csvChoice;
      setProp(target, 'value', c.target);
      setProp(task, 'value', c.task);
      setProp(missing, 'value', c.missing);
      highlight(file, c.target);

      const inUse = state.settings.source === 'csv' && state.settings.csv?.id === file.id && state.config?.data.csvId === file.id;
      const report = inUse ? state.info?.csvReport : null;
      setText(status, statusText(state, file, inUse));
      root.dataset.csvState = inUse ? 'in-use' : state.csvStatus;
      // The engine's notes on the file (delimiter, header, dropped rows, one-hot columns).
      const all = [...new Set([...file.preview.notes, ...(report ? report.notes : [])])];
      const key = all.join('\n');
      if (key !== notesKey) {
        notesKey = key;
        notes.textContent = '';
        for (const n of all) notes.appendChild(document.createElement('li')).textContent = n;
        notes.hidden = all.length === 0;
      }
    },
  };
}

function statusText(state, file, inUse) {
  if (state.csvStatus === 'trying') return text('csv.building', { name: file.name });
  if (inUse && state.info) {
    const i = state.info;
    const kept = i.trainSize + i.valSize + i.testSize;
    const what = i.task === 'classification' ? text('csv.inUse.classes', { n: i.classes.length }) : text('csv.inUse.number');
    return text('csv.inUse', { rows: formatCount(kept), inputs: i.inputNames.length, what, train: i.trainSize, val: i.valSize, test: i.testSize });
  }
  if (state.csvStatus === 'refused') return text('csv.refused');
  return text('csv.notInUse');
}

function rangeText(c) {
  if (c.kind === 'number' && c.min != null) return c.min === c.max ? formatNumber(c.min) : `${formatNumber(c.min)} … ${formatNumber(c.max)}`;
  return c.levels > 12 ? text('csv.levels.many') : text(c.levels === 1 ? 'csv.levels.one' : 'csv.levels', { n: c.levels });
}

const mb = (bytes) => (bytes / (1024 * 1024)).toFixed(1);
