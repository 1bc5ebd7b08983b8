// Lesson 2, gradient descent and the learning rate: w ← w − α∇J on the
// article's linear data (lessons/linear.js), one update looked at in the
// step-through, three rates raced (too small, right, too large), the
// optimizer's path on the loss landscape, and a challenge: race three rates
// of your own that bracket the largest stable rate, 2/λ_max (the engine's
// leastSquares().maxStableRate), tightly.

import { stepsAtLeast, traced, raceDiverged, raceLeader, landscapePath, all } from './checks.js';
import { linearParams } from '../views/params-view.js';

// The article's setup, as lesson 1 has it: full batch, plain SGD, zero start.
const SETUP = { source: 'article-linear', kind: 'linear', init: 'auto', optimizer: 'sgd', learningRate: 0.01, batchSize: 4, loss: 'auto', normalize: 'auto', landscape: null, race: null };
const RATES = [0.001, 0.02, 0.1];
// The challenge: the two largest lanes at most this far apart.
const RATIO = 1.25;

const v = (name, sub) => `<var>${name}</var>${sub ? `<sub>${sub}</sub>` : ''}`;
const alpha = v('α');

// The weights as a vector: (w1, w2, b) = (…).
function weights(s, fmt) {
  const p = linearParams(s.frame?.params);
  if (!p) return '';
  return `(${v('w', 1)}, ${v('w', 2)}, ${v('b')}) = (${p.w.map((x) => fmt(x)).join(', ')}, ${fmt(p.b)})`;
}

// The update rule with the live α and weights; J after them.
function update(s, fmt) {
  const w = weights(s, fmt);
  if (!w) return '';
  return `${v('w')} ← ${v('w')} − ${alpha}∇${v('J')}, &nbsp; ${alpha} = ${fmt(s.frame.learningRate)}<br>${w}<br>${v('J')} = ${fmt(s.frame.trainLoss)}`;
}

// The largest stable rate, from the engine's least-squares reference.
const maxRate = (s) => s.reference?.maxStableRate;
const limit = (s, fmt) => `${alpha}<sub>max</sub> = 2 / ${v('λ')}<sub>max</sub> = ${fmt(maxRate(s))}`;

// The raced rates in order, with α_max among them where it falls.
function bracket(s, fmt) {
  const max = maxRate(s);
  const race = s.settings.race;
  if (!Number.isFinite(max) || race?.setting !== 'learningRate') return Number.isFinite(max) ? limit(s, fmt) : '';
  const rates = [...race.values].map(Number).sort((a, b) => a - b);
  const parts = rates.filter((r) => r < max).map((r) => fmt(r));
  parts.push(`<strong>${limit(s, fmt)}</strong>`);
  parts.push(...rates.filter((r) => r >= max).map((r) => fmt(r)));
  return parts.join(' &lt; ');
}

// The learner's three rates: smallest first, the two largest close together.
const tight = (values) => {
  const r = values.map(Number);
  return r.length === 3 && r[0] < r[1] && r[1] < r[2] && r[2] <= RATIO * r[1];
};

export default {
  id: 'gradient-descent',
  settings: { ...SETUP, speed: 5 },
  steps: [
    // The rule, a few updates at a time.
    { show: ['output-panel', 'loss-panel'], formula: update, check: stepsAtLeast(3) },
    // One update, phase by phase.
    { show: ['trace-panel'], hide: ['trace-row', 'trace-pick', 'trace-check'], formula: update, check: traced() },
    // Too small, right, too large.
    {
      show: ['race'],
      settings: { race: { setting: 'learningRate', values: RATES }, speed: 20 },
      formula: bracket,
      check: { ...all(raceLeader('learningRate', 2, 200), raceDiverged('learningRate', 3)), vars: { winner: 2, diverged: 3, steps: 200 } },
    },
    // The optimizer's path on the landscape.
    {
      show: ['landscape-panel', 'loss-panel'],
      settings: { landscape: 'path', init: 'glorot', speed: 2 },
      formula: update,
      check: landscapePath(40),
    },
    // The challenge: bracket the cliff.
    {
      show: ['race'],
      settings: { race: { setting: 'learningRate', values: [0.01, 0.02, 0.04] }, speed: 50, landscape: null },
      formula: bracket,
      check: { ...all(raceLeader('learningRate', 2, 200, { values: tight }), raceDiverged('learningRate', 3)), vars: { winner: 2, diverged: 3, steps: 200, percent: Math.round((RATIO - 1) * 100) } },
    },
  ],
};
