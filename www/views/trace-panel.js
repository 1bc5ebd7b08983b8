// The step-through (issue 13): one update of gradient descent in four
// phases the learner walks with "Next phase": forward (each unit's value),
// loss, backward (δ on each unit, the gradient on each edge as colour and
// width) and update (each weight before → after). For a model with no
// hidden layer (linear and logistic regression) it writes the article's
// formula with the live numbers. Every number is the engine's trace
// (worker-trace.js); this view only lays them out.

import { prepareCanvas, palette, canvasSize, onResize } from './plot.js';
import { BLUE, ORANGE, css, diverging } from './colors.js';
import { formatNumber } from '../format.js';
import { setText, setAttr, setProp } from './dom.js';
import { text } from '../strings/index.js';

export const PHASES = ['forward', 'loss', 'backward', 'update'];
const MAX_SHOWN = 8; // units drawn per column
const NODE = 30;

export function createTracePanel(root, intents) {
  const $ = (id) => root.querySelector(`[data-testid="${id}"]`);
  const canvas = $('trace-network');
  const tip = $('trace-tooltip');
  const row = $('trace-row');
  const buttons = { pick: $('trace-pick'), sample: $('trace-sample'), next: $('trace-next'), apply: $('trace-apply'), check: $('trace-check') };
  const status = $('trace-status');
  const formula = $('trace-formula');
  const table = $('trace-table');
  const tableScroll = table.parentElement;
  const checkOut = $('trace-check-result');
  const phaseItems = [...root.querySelectorAll('.trace-phases li')];
  let last = null;
  let layout = null;
  let blank = true; // nothing painted since the last clear: clearing again would only cost a frame
  let hover = null;
  let focusIndex = -1; // keyboard: which hit target is focused on the canvas

  buttons.pick.addEventListener('click', () => intents.traceRows([Math.max(0, Math.round(Number(row.value) || 0))]));
  row.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') buttons.pick.click();
  });
  buttons.sample.addEventListener('click', () => intents.traceNext());
  buttons.next.addEventListener('click', () => intents.tracePhase());
  buttons.apply.addEventListener('click', () => intents.traceApply());
  buttons.check.addEventListener('click', () => intents.traceCheck());
  onResize(canvas, () => last && draw(last));

  canvas.addEventListener('pointermove', (e) => {
    if (!layout) return;
    const r = canvas.getBoundingClientRect();
    setHover(hitTest(layout, e.clientX - r.left, e.clientY - r.top), e.clientX - r.left, e.clientY - r.top);
  });
  canvas.addEventListener('pointerleave', () => setHover(null));
  // The keyboard walks the units (column by column), then the edges, with
  // the arrow keys; Home and End jump to the first unit and the last edge,
  // Escape hides the numbers. The tooltip is the canvas's description and a
  // polite live region, so a screen reader reads each one as it is shown.
  const KEYS = ['ArrowRight', 'ArrowLeft', 'ArrowDown', 'ArrowUp', 'Home', 'End', 'Escape'];
  canvas.addEventListener('keydown', (e) => {
    if (!layout || !KEYS.includes(e.key) || e.altKey || e.ctrlKey || e.metaKey) return;
    e.preventDefault();
    e.stopPropagation(); // → is also the page's "one step"
    if (e.key === 'Escape') {
      focusIndex = -1;
      setHover(null);
      return;
    }
    const targets = [...layout.nodes, ...layout.edges];
    if (!targets.length) return;
    const n = targets.length;
    if (e.key === 'Home') focusIndex = 0;
    else if (e.key === 'End') focusIndex = n - 1;
    else if (focusIndex < 0) focusIndex = e.key === 'ArrowRight' || e.key === 'ArrowDown' ? 0 : n - 1;
    else focusIndex = (focusIndex + (e.key === 'ArrowRight' || e.key === 'ArrowDown' ? 1 : -1) + n) % n;
    const t = targets[focusIndex];
    const at = t.x1 != null ? { x: (t.x1 + t.x2) / 2, y: (t.y1 + t.y2) / 2 } : t;
    setHover(t, at.x, at.y);
  });
  canvas.addEventListener('blur', () => setHover(null));
  canvas.addEventListener('focus', () => {
    focusIndex = -1; // the first arrow press starts at the first unit
  });

  function setHover(target, x = 0, y = 0) {
    hover = target;
    if (!target || !last?.trace) {
      tip.hidden = true;
    } else {
      tip.textContent = target.text(last.phase);
      tip.hidden = false;
      const fig = canvas.parentElement.getBoundingClientRect();
      const c = canvas.getBoundingClientRect();
      tip.style.left = `${Math.max(0, Math.min(c.left - fig.left + x + 12, fig.width - tip.offsetWidth - 4))}px`;
      tip.style.top = `${c.top - fig.top + y + 14}px`;
    }
    if (last) paint(last);
  }

  // props: { trace: the worker's report | null, phase, step (the session's now),
  //          checking, check, ready, playing, canApply, note }
  function draw(props) {
    last = props;
    const t = props.trace;
    setAttr(root, 'data-phase', t ? props.phase : '');
    phaseItems.forEach((li) => {
      const current = !!t && li.dataset.phase === props.phase;
      li.classList.toggle('current', current);
      // What the dark pill shows, said to a screen reader too.
      if (current) setAttr(li, 'aria-current', 'step');
      else li.removeAttribute('aria-current');
    });
    setProp(buttons.pick, 'disabled', !props.ready);
    setProp(buttons.sample, 'disabled', !props.ready);
    setProp(buttons.next, 'disabled', !t);
    setProp(buttons.apply, 'disabled', !props.canApply);
    setProp(buttons.check, 'disabled', !t || props.checking);
    if (props.rows != null) setAttr(row, 'max', String(Math.max(0, props.rows - 1)));
    setText(status, statusText(props));
    setText(checkOut, checkText(props));
    if (!t) {
      formula.textContent = '';
      table.textContent = '';
      if (!blank) prepareCanvas(canvas);
      blank = true;
      layout = null;
      setAttr(canvas, 'aria-label', text('trace.network'));
      scrollable();
      return;
    }
    drawFormula(formula, t, props.phase);
    drawTable(table, t, props.phase);
    scrollable();
    paint(props);
  }

  // The table scrolls sideways when it is wider than the panel: a keyboard
  // reaches it with Tab then (and an empty one is no stop on the way).
  function scrollable() {
    if (table.rows.length) setAttr(tableScroll, 'tabindex', '0');
    else tableScroll.removeAttribute('tabindex');
  }

  function paint(props) {
    const t = props.trace;
    if (!t) return;
    blank = false;
    // A network of dense layers is drawn unit by unit; a CNN or RNN (whose
    // units are feature maps or time steps) layer by layer.
    if (!t.params.every((p) => p.kind === 'dense')) {
      layout = null;
      paintLayers(canvas, t, props.phase);
      return;
    }
    const net = describe(t);
    const colors = palette(canvas);
    const width = canvasSize(canvas).width || 360;
    const most = Math.max(...net.columns.map((c) => Math.min(c.size, MAX_SHOWN)));
    const want = Math.round(Math.max(170, Math.min(420, 60 + most * NODE * 1.5)));
    if (canvas.style.height !== `${want}px`) canvas.style.height = `${want}px`;
    const { ctx, height } = prepareCanvas(canvas, { height: want });
    // A new layout (a new trace or phase) keeps the keyboard's place.
    layout = place(net, width, height);
    if (focusIndex >= layout.nodes.length + layout.edges.length) focusIndex = -1;
    setAttr(canvas, 'aria-label', text('trace.networkIs', { phase: text(`trace.phase.${props.phase}`), shape: net.columns.map((c) => c.size).join(' → ') }));
    const phase = props.phase;
    // Edges: the weight in the forward and loss phases, the gradient
    // backward, the change in the update phase; colour its sign, width its size.
    const edgeValue = (e) => (phase === 'backward' ? e.gradient : phase === 'update' ? e.update : e.weight);
    let top = 0;
    for (const e of layout.edges) top = Math.max(top, Math.abs(edgeValue(e)) || 0);
    ctx.lineCap = 'round';
    for (const e of layout.edges) {
      const v = edgeValue(e);
      const a = top > 0 ? Math.abs(v) / top : 0;
      ctx.strokeStyle = css(v >= 0 ? BLUE : ORANGE, 0.25 + 0.75 * a);
      ctx.lineWidth = 0.8 + 5 * a + (hover === e ? 2 : 0);
      ctx.beginPath();
      ctx.moveTo(e.x1, e.y1);
      ctx.lineTo(e.x2, e.y2);
      ctx.stroke();
    }
    ctx.font = colors.font;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    for (const col of layout.columns) {
      // Units: the value forward (and at the loss), δ backward and at the update.
      const values = col.nodes.map((n) => (phase === 'forward' || phase === 'loss' ? n.value : n.delta));
      let m = 0;
      for (const v of values) if (Number.isFinite(v)) m = Math.max(m, Math.abs(v));
      col.nodes.forEach((n, k) => {
        const v = values[k];
        const rgb = Number.isFinite(v) && m > 0 ? diverging(v / m) : diverging(0);
        ctx.fillStyle = css(rgb);
        ctx.strokeStyle = hover === n ? colors.ink : colors.muted;
        ctx.lineWidth = hover === n ? 2.5 : 1;
        ctx.beginPath();
        ctx.rect(n.x - NODE / 2, n.y - NODE / 2, NODE, NODE);
        ctx.fill();
        ctx.stroke();
        ctx.fillStyle = colors.ink;
        ctx.fillText(v == null ? '' : formatNumber(v, 3), n.x, n.y + NODE / 2 + 9);
      });
      ctx.fillStyle = colors.muted;
      ctx.fillText(col.title, col.x, 10);
      if (col.hidden > 0) ctx.fillText(text('trace.more', { n: col.hidden }), col.x, col.bottom + 24);
    }
    if (phase === 'loss' || phase === 'forward') {
      const out = layout.columns[layout.columns.length - 1];
      ctx.textAlign = 'left';
      ctx.fillStyle = colors.ink;
      const y = t.targets[0];
      if (out.nodes[0]) ctx.fillText(`y = ${formatNumber(y, 4)}`, out.x + NODE / 2 + 6, out.nodes[0].y);
    }
  }

  return { draw };
}

// One bar per layer: the mean |output| going forward, the mean |δ| going
// back (the gradient's size where it flows), as the engine traced them.
function paintLayers(canvas, t, phase) {
  const colors = palette(canvas);
  const back = phase === 'backward' || phase === 'update';
  const rows = t.layers.map((l) => {
    const a = back ? l.delta : l.outputs;
    let sum = 0;
    for (const v of a) sum += Math.abs(v);
    return { name: l.name, value: a.length ? sum / a.length : 0 };
  });
  const line = 22;
  const want = 30 + rows.length * line;
  if (canvas.style.height !== `${want}px`) canvas.style.height = `${want}px`;
  const { ctx, width } = prepareCanvas(canvas, { height: want });
  const top = Math.max(...rows.map((r) => r.value), 1e-30);
  ctx.font = colors.font;
  ctx.textBaseline = 'middle';
  ctx.fillStyle = colors.muted;
  ctx.textAlign = 'left';
  ctx.fillText(text(back ? 'trace.layers.delta' : 'trace.layers.output'), 4, 12);
  // The bars' numbers, for a screen reader: this drawing has no units to walk.
  setAttr(canvas, 'aria-label', text('trace.layersIs', {
    phase: text(`trace.phase.${phase}`),
    what: text(back ? 'trace.layers.delta' : 'trace.layers.output'),
    values: rows.map((r) => `${r.name} ${formatNumber(r.value, 3)}`).join(', '),
  }));
  const left = 90;
  rows.forEach((r, i) => {
    const y = 30 + i * line + line / 2;
    ctx.fillStyle = colors.ink;
    ctx.textAlign = 'left';
    ctx.fillText(r.name, 4, y);
    const w = ((width - left - 80) * r.value) / top;
    ctx.fillStyle = css(back ? ORANGE : BLUE);
    ctx.fillRect(left, y - 7, Math.max(1, w), 14);
    ctx.fillStyle = colors.ink;
    ctx.fillText(formatNumber(r.value, 3), left + Math.max(1, w) + 6, y);
  });
}

// The traced network as columns of units: the inputs, then one column per
// dense layer (its z, and the activation after it if there is one), with
// the first traced row's values.
function describe(t) {
  const n = t.rows.length || 1;
  const per = (a, r = 0) => {
    const w = a.length / n;
    return a.subarray(r * w, (r + 1) * w);
  };
  const dense = t.params.filter((p) => p.kind === 'dense' && p.role === 'weight').sort((a, b) => a.layer - b.layer);
  const bias = (layer) => t.params.findIndex((p) => p.kind === 'dense' && p.role === 'bias' && p.layer === layer);
  const first = t.layers[0];
  const inputs = first ? per(first.inputs) : new Float32Array(0);
  const columns = [{ title: 'x', size: inputs.length, values: inputs, delta: null, names: Array.from(inputs, (_, i) => text('trace.unit.input', { i: i + 1 })) }];
  dense.forEach((w, k) => {
    const L = t.layers[w.layer];
    const next = t.layers[w.layer + 1];
    const activated = next && !t.params.some((p) => p.layer === w.layer + 1) && next.outputs.length === L.outputs.length ? next : null;
    const isOut = k === dense.length - 1;
    const size = w.shape[1];
    const wi = t.params.indexOf(w);
    columns.push({
      title: isOut ? 'ŷ' : `a${k + 1}`,
      size,
      values: per((activated || L).outputs),
      pre: per(L.outputs),
      delta: per(L.delta),
      names: Array.from({ length: size }, (_, u) => (isOut ? text('trace.unit.output', { unit: u + 1 }) : text('trace.unit.hidden', { layer: k + 1, unit: u + 1 }))),
      weight: { index: wi, shape: w.shape },
      bias: bias(w.layer),
    });
  });
  return { columns, t };
}

function place(net, width, height) {
  const cols = net.columns;
  const left = 40;
  const right = 80; // room for the target beside the output
  const columns = [];
  const nodes = [];
  cols.forEach((c, ci) => {
    const x = cols.length === 1 ? width / 2 : left + (ci * (width - left - right)) / (cols.length - 1);
    const shown = Math.min(c.size, MAX_SHOWN);
    const avail = height - 60;
    const pitch = Math.min(NODE * 1.6, avail / Math.max(1, shown));
    const y0 = 30 + (avail - pitch * (shown - 1)) / 2;
    const col = { ...c, x, nodes: [], hidden: c.size - shown, bottom: y0 + pitch * (shown - 1) };
    for (let u = 0; u < shown; u++) {
      const node = {
        x,
        y: y0 + u * pitch,
        value: c.values[u],
        pre: c.pre ? c.pre[u] : null,
        delta: c.delta ? c.delta[u] : null,
        text(phase) {
          if (phase === 'backward' || phase === 'update') return c.delta ? text('trace.tip.unitDelta', { name: c.names[u], delta: formatNumber(this.delta, 5) }) : text('trace.tip.unit', { name: c.names[u], value: formatNumber(this.value, 5) });
          return text('trace.tip.unit', { name: c.names[u], value: formatNumber(this.value, 5) });
        },
      };
      col.nodes.push(node);
      nodes.push(node);
    }
    columns.push(col);
  });
  const edges = [];
  const t = net.t;
  for (let ci = 1; ci < columns.length; ci++) {
    const col = columns[ci];
    const prev = columns[ci - 1];
    const { index, shape } = col.weight;
    const out = shape[1];
    prev.nodes.forEach((a, i) => {
      col.nodes.forEach((b, j) => {
        const k = i * out + j;
        const name = `${t.params[index].name}[${i},${j}]`;
        edges.push({
          x1: a.x + NODE / 2,
          y1: a.y,
          x2: b.x - NODE / 2,
          y2: b.y,
          weight: t.params[index].values[k],
          gradient: t.gradients[index].values[k],
          update: t.update[index].values[k],
          text() {
            return text('trace.tip.edge', { name, weight: formatNumber(this.weight, 5), gradient: formatNumber(this.gradient, 5), update: formatNumber(this.update, 5) });
          },
        });
      });
    });
  }
  return { columns, nodes, edges };
}

function hitTest(layout, x, y) {
  for (const n of layout.nodes) if (Math.abs(x - n.x) <= NODE / 2 + 2 && Math.abs(y - n.y) <= NODE / 2 + 2) return n;
  let best = null;
  let bestD = 5;
  for (const e of layout.edges) {
    const dx = e.x2 - e.x1;
    const dy = e.y2 - e.y1;
    const len2 = dx * dx + dy * dy || 1;
    const s = Math.max(0, Math.min(1, ((x - e.x1) * dx + (y - e.y1) * dy) / len2));
    const d = Math.hypot(x - (e.x1 + s * dx), y - (e.y1 + s * dy));
    if (d < bestD) {
      bestD = d;
      best = e;
    }
  }
  return best;
}

function statusText(props) {
  const t = props.trace;
  if (!t) return text('trace.empty');
  if (props.note) return props.note;
  const batch = t.batch === 'next' ? text('trace.batch.next', { rows: listRows(t.rows) }) : text('trace.batch.rows', { rows: listRows(t.rows) });
  const parts = [text('trace.at', { step: props.traceStep, batch })];
  if (props.stale) parts.push(text('trace.stale'));
  if (t.rows.length > 1) parts.push(text('trace.row0', { row: t.rows[0] }));
  return parts.join(' ');
}

function listRows(rows) {
  return rows.length > 8 ? `${rows.slice(0, 8).join(', ')}, …` : rows.join(', ');
}

function checkText(props) {
  if (props.checking) return text('trace.check.running');
  const c = props.check;
  if (!c) return '';
  const skipped = c.skipped > 0 ? ` ${text('trace.check.skipped', { skipped: c.skipped })}` : '';
  return text('trace.check.result', {
    epsilon: c.epsilon,
    checked: c.checked,
    error: formatNumber(c.maxRelativeError, 3),
    name: c.worst?.name ?? '—',
    index: c.worst?.index ?? '—',
    analytic: c.worst ? formatNumber(c.worst.analytic, 6) : '—',
    numeric: c.worst ? formatNumber(c.worst.numeric, 6) : '—',
  }) + skipped;
}

// The article's formula with the numbers of this trace: a model with one
// dense layer and one output (linear or logistic regression). Numbers are
// written with data-value attributes holding the exact value, for tests.
function drawFormula(el, t, phase) {
  el.textContent = '';
  const dense = t.params.filter((p) => p.kind === 'dense');
  const w = dense.find((p) => p.role === 'weight');
  const b = dense.find((p) => p.role === 'bias');
  const single = dense.length === 2 && w && b && w.shape[1] === 1 && t.layers.length >= 1;
  const line = (...parts) => {
    const p = document.createElement('p');
    p.className = 'math';
    for (const part of parts) p.append(part);
    el.append(p);
    return p;
  };
  const vec = (values, key) => {
    const span = document.createElement('span');
    span.className = 'vec';
    span.dataset.key = key;
    span.dataset.values = Array.from(values, (v) => String(v)).join(',');
    span.textContent = `[${Array.from(values, (v) => formatNumber(v, 4)).join(', ')}]`;
    return span;
  };
  const num = (v, key) => {
    const span = document.createElement('span');
    span.className = 'num';
    span.dataset.key = key;
    span.dataset.values = String(v);
    span.textContent = formatNumber(v, 4);
    return span;
  };
  if (!single) {
    line(text('trace.loss', { loss: formatNumber(t.loss, 5) }));
    if (phase === 'update') line(text('trace.formula.update'));
    return;
  }
  const wi = t.params.indexOf(w);
  const bi = t.params.indexOf(b);
  const n = t.rows.length;
  const first = t.layers[0];
  const logistic = t.task === 'classification';
  if (phase === 'forward') {
    line('ŷ = Xw + b = ', vec(first.outputs, 'yhat'), ',  X = ', matrix(first.inputs, n), ',  w = ', vec(w.values, 'w'), ',  b = ', vec(b.values, 'b'));
  }
  if (phase === 'loss') line('ŷ = ', vec(first.outputs, 'yhat'));
  if (phase === 'forward' || phase === 'loss') {
    line('y = ', vec(t.targets, 'y'), `,  n = ${n}`);
    // The loss the engine trains with: squared error, or cross-entropy from the logit z.
    line(text(t.lossId === 'mse' ? 'trace.formula.mse' : 'trace.formula.crossEntropy'), ' = ', num(t.loss, 'loss'));
  }
  if (phase === 'backward' || phase === 'update') {
    line(text(logistic ? 'trace.formula.gradientLogistic' : 'trace.formula.gradient'), ' = Xᵀδ,  δ = ', vec(t.layers[0].delta, 'delta'));
    line('∇w J = ', vec(t.gradients[wi].values, 'gradW'), ',  ∂J/∂b = ', vec(t.gradients[bi].values, 'gradB'));
  }
  if (phase === 'update') {
    line(text('trace.formula.update'), ':  α = ', num(t.learningRate, 'alpha'), ',  w = ', vec(w.values, 'w'), ',  ∇J = ', vec(t.gradients[wi].values, 'gradW'));
    line('Δw = ', vec(t.update[wi].values, 'updateW'), ',  Δb = ', vec(t.update[bi].values, 'updateB'));
  }
}

function matrix(values, rows) {
  const span = document.createElement('span');
  span.className = 'mat';
  const w = values.length / Math.max(1, rows);
  const r = [];
  for (let i = 0; i < Math.min(rows, 6); i++) r.push(`[${Array.from(values.subarray(i * w, (i + 1) * w), (v) => formatNumber(v, 3)).join(', ')}]`);
  span.textContent = `[${r.join(', ')}${rows > 6 ? ', …' : ''}]`;
  return span;
}

// Every parameter tensor's values: before, the gradient and the change,
// and after (before + change, as the next train(1) leaves it) in the
// update phase; a big tensor shows its first entries.
function drawTable(el, t, phase) {
  el.textContent = '';
  if (phase !== 'update' && phase !== 'backward') return;
  const head = el.createTHead().insertRow();
  const cols = phase === 'update' ? ['param', 'before', 'gradient', 'update', 'after'] : ['param', 'before', 'gradient'];
  for (const c of cols) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = text(`trace.table.${c}`);
    head.append(th);
  }
  const body = el.createTBody();
  const LIMIT = 12;
  let shown = 0;
  let total = 0;
  t.params.forEach((p, k) => {
    total += p.values.length;
    for (let i = 0; i < p.values.length && shown < LIMIT; i++, shown++) {
      const tr = body.insertRow();
      tr.dataset.param = `${p.name}:${i}`;
      const cell = (v) => {
        const td = tr.insertCell();
        td.className = 'num';
        td.textContent = typeof v === 'string' ? v : formatNumber(v, 5);
      };
      const name = document.createElement('th');
      name.scope = 'row';
      name.textContent = p.values.length === 1 ? p.name : `${p.name}[${i}]`;
      tr.append(name);
      cell(p.values[i]);
      cell(t.gradients[k].values[i]);
      if (phase === 'update') {
        cell(t.update[k].values[i]);
        cell(Math.fround(p.values[i] + t.update[k].values[i]));
      }
    }
  });
  if (total > shown) {
    const td = body.insertRow().insertCell();
    td.colSpan = cols.length;
    td.className = 'more';
    td.textContent = text('trace.more', { n: total - shown });
  }
}
