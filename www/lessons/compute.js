// Lesson `compute`: the article's third challenge, the cost of compute,
// measured. The engine counts the floating-point operations of one
// training step (info().flopsPerStep: forward and backward over a batch);
// the worker measures steps per second (frame.stepsPerSecond). A large and
// a small network train to the same validation loss, each then run at the
// top speed to measure its rate, and a challenge asks for a target
// accuracy within a budget of operations.

import { PRESETS } from '../presets.js';
import { flopsPerStep, valLossBelow, accuracyWithinFlops, rateMeasured, all } from './checks.js';
import { text } from '../strings/index.js';

const BIG = 100_000; // FLOPs a step: a network of 64, 64 on the circle spends about 265 000
const SMALL = 2_000; // and one of 4 units about 1 000
const TARGET = 0.02; // the validation loss both runs train to
const TOP = 1000; // updates a frame, the speed control's top: the rate is the engine's, not the frame's
const BUDGET = 1e6; // the challenge's operations

const mflops = (n, fmt) => `${fmt(n / 1e6)} MFLOP`;

// The first step of the engine's history (s.series, a point per scored
// frame) with the validation loss below the target, or null.
function firstBelow(s) {
  const h = s.series;
  if (!h) return null;
  for (let i = 0; i < h.valLoss.length; i++) if (h.valLoss[i] < TARGET) return h.step[i];
  return null;
}

// P parameters, B rows a batch, F = FLOPs/step, all from the engine's
// info(); and the rule of thumb F ≈ 3 · B · 2P (a multiply-add per weight
// forward, about twice that backward) beside it.
function cost(s, fmt) {
  const i = s.info;
  if (!i) return '';
  return `<var>P</var> = ${i.parameters} ${text('lesson.compute.f.params')}, <var>B</var> = ${i.batchSize}<br>`
    + `<var>F</var> = ${i.flopsPerStep} ${text('lesson.compute.f.perStep')} ≈ 3 · <var>B</var> · 2<var>P</var> = ${3 * i.batchSize * 2 * i.parameters}`;
}

// The run so far: N steps × F = the operations spent; and, once there, the
// step N* of the first validation loss below the target and what it cost.
function run(s, fmt) {
  const i = s.info;
  const f = s.frame;
  if (!i || !f) return '';
  const at = firstBelow(s);
  return `<var>F</var> = ${i.flopsPerStep} ${text('lesson.compute.f.perStep')} &nbsp; <var>N</var> = ${f.step} ${text('lesson.compute.f.steps')}<br>`
    + `<var>N</var> · <var>F</var> = ${mflops(f.step * i.flopsPerStep, fmt)} &nbsp; <var>J</var><sub>val</sub> = ${fmt(f.valLoss)}<br>`
    + (at == null
      ? text('lesson.compute.f.notYet', { value: TARGET })
      : `<var>J</var><sub>val</sub> &lt; ${TARGET}: <var>N</var>* = ${at} &nbsp; <var>N</var>* · <var>F</var> = ${mflops(at * i.flopsPerStep, fmt)}`);
}

// The measured rate R, the operations a second it makes, and the time to
// the target at that rate, N* / R.
function rate(s, fmt) {
  const i = s.info;
  const f = s.frame;
  if (!i || !f) return '';
  const R = f.stepsPerSecond;
  const at = firstBelow(s);
  const head = `<var>F</var> = ${i.flopsPerStep} ${text('lesson.compute.f.perStep')} &nbsp; ${text('lesson.compute.f.speed', { speed: s.settings.speed })}<br>`;
  if (!(R > 0)) return `${head}<var>R</var>: ${text('lesson.compute.f.paused')}`;
  return `${head}<var>R</var> = ${Math.round(R)} ${text('lesson.compute.f.perSecond')} &nbsp; <var>F</var> · <var>R</var> = ${mflops(R * i.flopsPerStep, fmt)}/s<br>`
    + (at == null ? '' : `<var>N</var>* / <var>R</var> = ${at} / ${Math.round(R)} ≈ ${fmt(at / R)} s`);
}

function budget(s, fmt) {
  const i = s.info;
  const f = s.frame;
  if (!i || !f) return '';
  const spent = f.step * i.flopsPerStep;
  const acc = f.valAccuracy == null ? '—' : `${fmt(f.valAccuracy * 100)}&nbsp;%`;
  return `<var>F</var> = ${i.flopsPerStep} ${text('lesson.compute.f.perStep')} &nbsp; <var>N</var> = ${f.step}<br>`
    + `<var>N</var> · <var>F</var> = ${mflops(spent, fmt)} ${spent <= BUDGET ? '≤' : '&gt;'} ${mflops(BUDGET, fmt)}<br>`
    + `${text('lesson.compute.f.accuracy')} ${acc}`;
}

const MODEL = ['init', 'optimizer', 'loss', 'regularization', 'reg-rate', 'hyperparameters'];

export default {
  id: 'compute',
  // The circle through one small layer, Adam at 0.03, ten rows a batch.
  settings: { source: 'circle', kind: 'mlp', features: ['x1', 'x2'], hidden: [4], activation: 'tanh', optimizer: 'adam', learningRate: 0.03, batchSize: 10, speed: 20 },
  steps: [
    { show: ['model-panel', 'network-panel'], hide: MODEL, formula: cost, check: flopsPerStep({ min: BIG }) },
    { show: ['loss-panel', 'network-panel'], formula: run, check: all(flopsPerStep({ min: BIG }), valLossBelow(TARGET)) },
    { show: ['loss-panel', 'network-panel'], formula: rate, check: all(flopsPerStep({ min: BIG }), rateMeasured(TOP)) },
    { show: ['loss-panel', 'model-panel'], settings: { speed: 20 }, hide: MODEL, formula: run, check: all(flopsPerStep({ max: SMALL }), valLossBelow(TARGET)) },
    { show: ['loss-panel', 'model-panel'], hide: MODEL, formula: rate, check: all(flopsPerStep({ max: SMALL }), rateMeasured(TOP)) },
    // The challenge: the spiral preset spends about 2 MFLOP to get there.
    {
      show: ['model-panel', 'output-panel'],
      settings: { ...PRESETS.spiral.settings, kind: 'mlp', activation: 'tanh', batchSize: 10, speed: 20 },
      hide: MODEL,
      formula: budget,
      check: accuracyWithinFlops(0.9, BUDGET, { source: 'spiral' }),
    },
  ],
};
