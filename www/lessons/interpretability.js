// Lesson `interpretability`: the article's "black box" challenge, answered
// by looking inside. Each unit of a small network draws its own output over
// the plane (the network diagram's pictures; hover one and the Output panel
// shows it large, main.js overlayOf), with its equation from the live
// weights; for the digits, the saliency of an image (the engine's
// |∂z_c/∂x|) and the images the model gets wrong (the cnn-panel); and a
// challenge: a network small enough to read every unit of.

import { PRESETS } from '../presets.js';
import { valAccuracyAtLeast, unitFocused, mistakeInspected, all } from './checks.js';
import { text, label } from '../strings/index.js';

const escape = (t) => String(t).replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

// The dense layers' weights and biases in layer order: the diagram's
// columns 1, 2, … (column 0 is the features).
function denseLayers(params) {
  const out = new Map();
  for (const p of params || []) {
    if (p.kind !== 'dense' || (p.role !== 'weight' && p.role !== 'bias')) continue;
    if (!out.has(p.layer)) out.set(p.layer, {});
    out.get(p.layer)[p.role] = p;
  }
  return [...out.entries()].sort((a, b) => a[0] - b[0]).map(([, d]) => d);
}

// The hovered unit's own equation with its live weights:
// h = act(w1·x1 + w2·x2 + b) for the first layer, of the layer before for the next.
function unitEquation(s, fmt) {
  const f = s.focus;
  const cols = s.units?.layers.length ?? 0;
  if (!f || f.col < 1 || f.col >= cols - 1 || f.unit < 0) return text('lesson.interpretability.f.hover');
  const d = denseLayers(s.frame?.params)[f.col - 1];
  if (!d?.weight || !d.bias) return '';
  const [nIn, nOut] = d.weight.shape;
  const input = (a) => (f.col === 1 ? `<var>${escape(s.info.featureNames[a])}</var>` : `<var>h</var><sup>${f.col - 1}</sup><sub>${a + 1}</sub>`);
  let sum = '';
  for (let a = 0; a < nIn; a++) {
    const w = d.weight.values[a * nOut + f.unit];
    sum += `${a === 0 ? (w < 0 ? '−' : '') : w < 0 ? ' − ' : ' + '}${fmt(Math.abs(w))}·${input(a)}`;
  }
  const b = d.bias.values[f.unit];
  sum += `${b < 0 ? ' − ' : ' + '}${fmt(Math.abs(b))}`;
  const act = escape(label('activation', s.config.model.activation));
  return `<var>h</var><sup>${f.col}</sup><sub>${f.unit + 1}</sub> = ${act}(${sum})`;
}

// The image looked inside: its predicted class c with P(c), and what the
// red map is, the engine's saliency |∂z_c/∂x| of each pixel.
function saliency(s, fmt) {
  const insp = s.inspection;
  if (!insp?.probs || !s.info?.classes) return '';
  const c = argmax(insp.probs);
  return `<var>c</var> = ${escape(s.info.classes[c])}, <var>P</var>(<var>c</var>) = ${fmt(insp.probs[c])}<br>`
    + `<var>S</var><sub><var>ij</var></sub> = |∂<var>z</var><sub><var>c</var></sub> / ∂<var>x</var><sub><var>ij</var></sub>|`;
}

// The mistakes: how many, and for a picked one its truth beside the guess.
function mistakes(s, fmt) {
  const insp = s.inspection;
  const m = insp?.mistakes;
  if (!m || !insp.probs) return '';
  const classes = s.info.classes;
  const c = argmax(insp.probs);
  let line = text('lesson.interpretability.f.mistakes', { n: m.count, rows: m.rows });
  const it = m.items.find((x) => x.x.length === insp.image.length && x.x.every((v, i) => v === insp.image[i]));
  if (it) {
    line += `<br>${text('lesson.interpretability.f.truth')} ${escape(classes[it.truth])}: <var>P</var> = ${fmt(insp.probs[it.truth])}; `
      + `${text('lesson.interpretability.f.guess')} ${escape(classes[c])}: <var>P</var> = ${fmt(insp.probs[c])}`;
  }
  return line;
}

function argmax(a) {
  let best = 0;
  for (let i = 1; i < a.length; i++) if (a[i] > a[best]) best = i;
  return best;
}

const PLANE = ['network-panel', 'output-panel'];

export default {
  id: 'interpretability',
  // Playground's opening picture, the circle through a 4-2 tanh network, with Adam to be quick.
  settings: { source: 'circle', kind: 'mlp', hidden: [4, 2], activation: 'tanh', optimizer: 'adam', learningRate: 0.03, batchSize: 10, speed: 20 },
  steps: [
    { show: PLANE, formula: unitEquation, check: valAccuracyAtLeast(0.9, { source: 'circle' }) },
    { show: PLANE, formula: unitEquation, check: unitFocused({ layer: 2 }) },
    // The digits through the page's CNN (the cnn preset).
    { show: ['cnn-panel'], settings: { ...PRESETS.cnn.settings }, formula: saliency, check: valAccuracyAtLeast(0.9, { source: 'digits' }) },
    { show: ['cnn-panel'], formula: mistakes, check: mistakeInspected() },
    // The challenge: so few units that each one can be read.
    {
      show: ['network-panel', 'model-panel', 'output-panel'], // the control to change beside the diagram
      settings: { source: 'circle', kind: 'mlp', hidden: [8, 8], activation: 'tanh', optimizer: 'adam', learningRate: 0.03, batchSize: 10, speed: 20 },
      hide: ['init', 'optimizer', 'batch-size', 'loss', 'regularization', 'reg-rate', 'hyperparameters'],
      formula: unitEquation,
      check: all(valAccuracyAtLeast(0.95, { maxUnits: 3, source: 'circle' }), unitFocused()),
    },
  ],
};
