// Looking inside a trained model, for the worker (worker.js calls these
// with its Session; nothing here keeps a session of its own):
//   inspectImage      one digit through the model: class probabilities,
//                     every layer's output (feature maps), the saliency,
//                     and the images of a split the model gets wrong
//   sequenceReport    a sequence set: the series with its one-step
//                     predictions, a free run that feeds the model its own
//                     output, and the hidden state over the current window
// Results are plain objects of typed arrays (transfers() lists their
// buffers), so a reply never shares wasm memory.

const MAX_MISTAKES = 12;
const MAJORITY_ROWS = 24; // windows the majority view lists
export const FREE_STEPS = 100;

// `image`: 64 raw pixels (0..16). `split`: where to look for mistakes
// ('val', or 'test' once the learner has evaluated it).
export function inspectImage(session, info, { image, split }) {
  const k = info.classes.length;
  const probs = session.predict(image).slice();
  const layers = session.layerOutputs(image).map((o) => ({ name: o.name, layer: o.layer, kind: o.kind, activation: o.activation, shape: Array.from(o.shape), values: o.values.slice() }));
  let saliency = null;
  try {
    saliency = session.saliency(image).slice();
  } catch {
    // A model whose inputs are not the raw pixels has no pixel saliency.
  }
  const mistakes = { split, items: [], count: 0, rows: 0 };
  const size = split === 'test' ? info.testSize : info.valSize;
  if (size > 0) {
    const data = session.split(split);
    const p = session.predict(data.x);
    mistakes.rows = data.rows;
    for (let r = 0; r < data.rows; r++) {
      const pred = argmax(p, r * k, k);
      if (pred === data.y[r]) continue;
      mistakes.count += 1;
      if (mistakes.items.length < MAX_MISTAKES) {
        mistakes.items.push({
          row: r,
          x: data.x.slice(r * data.inputs, (r + 1) * data.inputs),
          truth: data.y[r],
          pred,
          confidence: p[r * k + pred],
        });
      }
    }
  }
  return { image: image.slice(), probs, layers, saliency, mistakes };
}

// The series a sequence set was cut from, rebuilt from its windows: row i
// is s[i..i+W) with target s[i+W], and the splits shuffle the rows, so each
// row's successor is the row whose window is this one's shifted by its
// target. Cached per session (the data never changes while it lives).
const seriesCache = new WeakMap();

function rebuildSeries(session, info) {
  if (seriesCache.has(session)) return seriesCache.get(session);
  const W = info.inputs;
  const rows = [];
  ['train', 'val', 'test'].forEach((name, s) => {
    const size = name === 'train' ? info.trainSize : name === 'val' ? info.valSize : info.testSize;
    if (!size) return;
    const d = session.split(name);
    for (let r = 0; r < d.rows; r++) rows.push({ x: d.x.slice(r * W, (r + 1) * W), y: d.y[r], split: s });
  });
  const key = (a) => Array.prototype.join.call(a, ',');
  const byWindow = new Map(rows.map((r) => [key(r.x), r]));
  const nextKey = (r) => `${Array.prototype.join.call(r.x.subarray(1), ',')}${W > 1 ? ',' : ''}${r.y}`;
  const successors = new Set(rows.map(nextKey));
  const first = rows.filter((r) => !successors.has(key(r.x)));
  let result = null;
  if (first.length === 1) {
    const chain = [first[0]];
    for (let r = byWindow.get(nextKey(first[0])); r && chain.length < rows.length; r = byWindow.get(nextKey(r))) chain.push(r);
    if (chain.length === rows.length) {
      const n = chain.length;
      const series = new Float32Array(n + W);
      series.set(chain[0].x);
      const splitOf = new Uint8Array(n + W).fill(255); // 255: inside the first window, nobody's target
      const x = new Float32Array(n * W);
      chain.forEach((r, i) => {
        series[W + i] = r.y;
        splitOf[W + i] = r.split;
        x.set(r.x, i * W);
      });
      result = { series, splitOf, x, window: W };
    }
  }
  seriesCache.set(session, result);
  return result;
}

// `start`: where the current window begins; `freeRun`: also run the model
// on its own predictions from there; `tested`: the test split has been
// evaluated, so predictions on its rows may be shown.
export function sequenceReport(session, info, { start = 0, freeRun = false, tested = false, row = 0 }) {
  const W = info.inputs;
  const out = { task: info.task, window: W };
  if (info.task === 'classification') return { ...out, ...majorityReport(session, info, row) };
  const s = rebuildSeries(session, info);
  if (!s) return { ...out, series: null };
  const n = s.series.length;
  const a = Math.max(0, Math.min(n - W, Math.round(start)));
  // One-step predictions: each row's model output, at the position it
  // predicts; only around the window (the view shows about 30 steps
  // before it and 110 after), so a long series costs no more than a short one.
  // Row i predicts position W + i; rows from..to-1 cover the view's span,
  // wherever the view clamps it near the ends.
  const from = Math.max(0, Math.min(n - W - 200, a - 60) - W);
  const to = Math.min(n - W, from + 280 + W);
  const p = session.predict(s.x.subarray(from * W, to * W));
  const oneStep = new Float32Array(n).fill(NaN);
  for (let i = 0; i < p.length; i++) if (tested || s.splitOf[W + from + i] !== 2) oneStep[W + from + i] = p[i];
  const windowX = s.series.slice(a, a + W);
  let free = null;
  if (freeRun) {
    // Predict the next value, append it, slide the window, repeat.
    free = new Float32Array(FREE_STEPS);
    const w = windowX.slice();
    for (let k = 0; k < FREE_STEPS; k++) {
      const v = session.predict(w)[0];
      free[k] = Number.isFinite(v) ? v : NaN;
      w.copyWithin(0, 1);
      w[W - 1] = free[k];
    }
  }
  // Copies: the cached arrays must survive the transfer.
  return { ...out, series: s.series.slice(), splitOf: s.splitOf.slice(), oneStep, start: a, free, ...hiddenState(session, windowX) };
}

// The majority set: a list of validation windows with their labels and the
// model's P(more ones), and the hidden state over the selected one.
function majorityReport(session, info, row) {
  const W = info.inputs;
  const name = info.valSize > 0 ? 'val' : 'train';
  const d = session.split(name);
  const rows = Math.min(MAJORITY_ROWS, d.rows);
  const x = d.x.slice(0, rows * W);
  const y = d.y.slice(0, rows);
  const p = session.predict(x);
  const k = info.classes.length;
  // P(class 1): one sigmoid output, or the second of two softmax outputs.
  const p1 = Float32Array.from({ length: rows }, (_, r) => (p.length === rows ? p[r] : p[r * k + 1]));
  const r = Math.max(0, Math.min(rows - 1, row));
  return { split: name, rows, x, y, p1, row: r, ...hiddenState(session, x.slice(r * W, (r + 1) * W)) };
}

// The recurrent layer's state at every step of one window: [W, hidden].
function hiddenState(session, windowX) {
  const outs = session.layerOutputs(windowX);
  const rnn = outs.find((o) => o.kind === 'rnn');
  return {
    windowX,
    hidden: rnn ? { shape: Array.from(rnn.shape), values: rnn.values.slice() } : null,
  };
}

export function transfers(msg) {
  const list = [];
  const add = (a) => a && a.buffer && !list.includes(a.buffer) && list.push(a.buffer);
  for (const v of Object.values(msg)) if (ArrayBuffer.isView(v)) add(v);
  for (const l of msg.layers || []) add(l.values);
  for (const m of msg.mistakes?.items || []) add(m.x);
  if (msg.hidden) add(msg.hidden.values);
  return list;
}

function argmax(a, offset, k) {
  let best = 0;
  for (let c = 1; c < k; c++) if (a[offset + c] > a[offset + best]) best = c;
  return best;
}
