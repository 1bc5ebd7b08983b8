// Every data point as a row: inputs, target y, prediction ŷ and the error
// ŷ − y. The same numbers as the fit chart, readable without a canvas.

import { formatParam } from '../format.js';
import { text } from '../strings/index.js';

export function createPredictionsTable(table) {
  const body = table.tBodies[0] || table.appendChild(document.createElement('tbody'));
  let shape = '';
  let cells = [];

  function draw({ dataset, predictions }) {
    if (!dataset) return;
    const splits = [['train', dataset.train], ['test', dataset.test]].filter(([, d]) => d);
    // Rebuild rows only when the data changes; per frame just set text.
    const key = splits.map(([n, d]) => `${n}:${d.rows}x${d.inputs}`).join(',');
    if (key !== shape) {
      shape = key;
      build(splits, dataset.featureNames);
    }
    for (const [name] of splits) {
      const preds = predictions?.[name];
      for (const row of cells.filter((c) => c.split === name)) {
        const p = preds ? preds[row.index] : NaN;
        row.pred.textContent = formatParam(p);
        row.err.textContent = Number.isFinite(p) ? signed(p - row.y) : formatParam(p);
      }
    }
  }

  function build(splits, names) {
    const inputs = splits[0][1].inputs;
    const head = table.tHead || table.createTHead();
    head.innerHTML = '';
    const hr = head.insertRow();
    const th = (html, cls) => {
      const c = document.createElement('th');
      c.scope = 'col';
      c.innerHTML = html;
      if (cls) c.className = cls;
      hr.appendChild(c);
    };
    th(escape(text('table.point')));
    for (let c = 0; c < inputs; c++) th(escape(names?.[c] ?? `x${c + 1}`), 'num');
    // The table's own markup (the label table's, never data).
    th(text('table.target'), 'num');
    th(text('table.prediction'), 'num');
    th(text('table.error'), 'num');

    body.innerHTML = '';
    cells = [];
    for (const [name, d] of splits) {
      for (let r = 0; r < d.rows; r++) {
        const tr = body.insertRow();
        tr.className = `split-${name}`;
        tr.dataset.testid = `row-${name}-${r}`;
        const label = tr.insertCell();
        label.innerHTML = '<span class="swatch"></span>';
        label.append(text(`table.row.${name}`, { n: r + 1 }));
        for (let c = 0; c < d.inputs; c++) cell(tr, String(d.x[r * d.inputs + c]));
        cell(tr, String(d.y[r]));
        const pred = cell(tr, '');
        const err = cell(tr, '');
        cells.push({ split: name, index: r, y: d.y[r], pred, err });
      }
    }
  }

  // After a language switch: the rows are built again.
  const relabel = () => {
    shape = '';
  };

  return { draw, relabel };
}

function cell(tr, text) {
  const td = tr.insertCell();
  td.className = 'num';
  td.textContent = text;
  return td;
}

function signed(x) {
  const s = formatParam(x);
  return x > 0 ? `+${s}` : s.replace('-', '−');
}

function escape(text) {
  const span = document.createElement('span');
  span.textContent = text;
  return span.innerHTML;
}
