// The model's current w and b beside the least-squares reference, then the
// combinations the data pins down, then the errors. Rows are built once per
// data set; each frame only sets text.

import { formatParam, formatNumber } from '../format.js';
import { text } from '../strings/index.js';

// { w: [..], b } from the worker's parameter list of a linear model.
export function linearParams(params) {
  if (!params) return null;
  const weight = params.find((p) => p.role === 'weight');
  const bias = params.find((p) => p.role === 'bias');
  if (!weight || !bias) return null;
  return { w: Array.from(weight.values), b: bias.values[0] };
}

export function createParamsView(table, { pinned = [] } = {}) {
  const body = table.tBodies[0] || table.appendChild(document.createElement('tbody'));
  let inputs = -1;
  let rows = [];

  function draw({ dataset, frame, reference }) {
    if (!dataset) return;
    const n = dataset.train.inputs;
    if (n !== inputs) {
      inputs = n;
      build(n);
    }
    const model = linearParams(frame?.params);
    const ref = reference && { w: reference.weights, b: reference.bias };
    const values = {
      model: { ...(model || {}), trainMse: frame?.trainLoss, testMse: frame?.testMse },
      ref: ref && { ...ref, trainMse: reference.trainMse, testMse: reference.testMse },
    };
    for (const row of rows) {
      row.model.textContent = show(row, values.model);
      row.ref.textContent = values.ref ? show(row, values.ref) : '—';
    }
  }

  function show(row, v) {
    if (row.kind === 'metric') return formatNumber(v[row.key]);
    if (v.w == null) return '';
    return formatParam(row.get(v));
  }

  function build(n) {
    body.innerHTML = '';
    rows = [];
    const add = (label, testid, spec, group) => {
      const tr = body.insertRow();
      if (group) tr.className = group;
      const th = document.createElement('th');
      th.scope = 'row';
      th.innerHTML = label;
      tr.appendChild(th);
      const model = tr.insertCell();
      const ref = tr.insertCell();
      model.className = ref.className = 'num';
      model.dataset.testid = testid;
      ref.dataset.testid = `ls-${testid}`;
      rows.push({ ...spec, model, ref });
    };
    for (let i = 0; i < n; i++) add(`w<sub>${i + 1}</sub>`, `w${i + 1}`, { get: (v) => v.w[i] });
    add('b', 'bias', { get: (v) => v.b });
    pinned.forEach((p, i) => add(p.label.replace(/w(\d)/g, 'w<sub>$1</sub>'), `pinned-${i}`, { get: p.value }, i === 0 ? 'group-start' : ''));
    add(text('params.trainMse'), 'train-mse', { kind: 'metric', key: 'trainMse' }, 'group-start metric');
    add(text('params.testMse'), 'test-mse', { kind: 'metric', key: 'testMse' }, 'metric');
  }

  // After a language switch: the rows are built again.
  const relabel = () => {
    inputs = -1;
  };

  return { draw, relabel };
}
