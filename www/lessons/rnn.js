// Lesson `rnn`: recurrent networks, h_t = f(x_t, h_{t−1}), on the sine
// sequence (the `rnn` preset): the recurrence with its live shapes, the
// free run (the model fed its own predictions), the hidden state over the
// window, a harder series (a second frequency mixed in), and a challenge:
// that series with a state of two units. The Sequence panel
// (views/sequence-view.js) draws the series, the predictions, the free run
// and the state; the worker computes them (worker-inspect.js).

import { PRESETS } from '../presets.js';
import { valLossBelow, configIs, freeRunShown, all } from './checks.js';
import { text } from '../strings/index.js';

const STATE = (c) => c.model.hidden?.[0] ?? Infinity; // the recurrent layer's units
const MIX = (c) => c.data.mix === true;

// The recurrent layer's tensors from the frame: W [F, H], U [H, H], b [H],
// and the readout V [H, 1], with the window's length T (the engine's
// inputs are T steps of F features).
function shapes(s) {
  const ps = s.frame?.params || [];
  const find = (kind, role) => ps.find((p) => p.kind === kind && p.role === role);
  const W = find('rnn', 'weight');
  const U = find('rnn', 'recurrent');
  const V = find('dense', 'weight');
  if (!W || !U || !V || !s.info) return null;
  return { W: W.shape, U: U.shape, H: U.shape[0], T: s.info.inputs / W.shape[0], P: s.info.parameters };
}

const dims = (shape) => shape.join('×');

// h_t = tanh(x_t W + h_{t−1} U + b), t = 1 … T; ŷ = h_T V + c; with the
// live shapes, the parameter count and the validation loss.
function recurrence(s, fmt) {
  const d = shapes(s);
  if (!d) return '';
  return `<var>h</var><sub><var>t</var></sub> = tanh(<var>x</var><sub><var>t</var></sub><var>W</var> + <var>h</var><sub><var>t</var>−1</sub><var>U</var> + <var>b</var>), `
    + `<var>t</var> = 1 … ${d.T}<br><var>ŷ</var> = <var>h</var><sub>${d.T}</sub><var>V</var> + <var>c</var><br>`
    + `<var>W</var>: ${dims(d.W)}, <var>U</var>: ${dims(d.U)}, <var>b</var>: ${d.H} · ${text('lesson.rnn.f.params', { n: d.P })}<br>`
    + `<var>J</var><sub>val</sub> = ${fmt(s.frame.valLoss)}`;
}

// One-step prediction reads the true x_{t+1}; the free run its own ŷ.
function freeRun(s, fmt) {
  const d = shapes(s);
  if (!d) return '';
  return `${text('lesson.rnn.f.oneStep')}: <var>x</var><sub><var>t</var>+1</sub> = <var>s</var><sub><var>t</var>+1</sub> &nbsp; `
    + `${text('lesson.rnn.f.free')}: <var>x</var><sub><var>t</var>+1</sub> ← <var>ŷ</var><sub><var>t</var></sub><br>`
    + `<var>J</var><sub>val</sub> = ${fmt(s.frame.valLoss)} (${text('lesson.rnn.f.oneStep')})`;
}

function challenge(s, fmt) {
  const d = shapes(s);
  if (!d) return '';
  const h = d.H <= 2 ? '≤' : '&gt;';
  const j = s.frame.valLoss < 0.002 ? '&lt;' : '≥';
  return `${recurrence(s, fmt)}<br><var>H</var> = ${d.H} ${h} 2 &nbsp; <var>J</var><sub>val</sub> ${j} 0.002`;
}

const SEQ = ['sequence-panel', 'loss-panel'];
// What the steps do not talk about, kept out of the way so a panel fits the screen.
const TRAINING = ['init', 'optimizer', 'batch-size', 'loss', 'regularization', 'reg-rate', 'hyperparameters'];
const DATA = ['noise', 'samples', 'split-train', 'split-val', 'seed', 'regenerate', 'normalize'];

export default {
  id: 'rnn',
  // The rnn preset (one sine, Adam at 0.01) with an 8-unit state (its
  // heatmap fits the screen), a little faster.
  settings: { ...PRESETS.rnn.settings, stateSize: 8, window: 20, mix: false, noise: 0, speed: 50 },
  steps: [
    { show: SEQ, formula: recurrence, check: valLossBelow(0.001) },
    { show: SEQ, formula: freeRun, check: freeRunShown(1) },
    {
      show: ['sequence-panel', 'model-panel'],
      settings: { stateSize: 8 },
      hide: TRAINING,
      formula: recurrence,
      check: all(configIs((c) => STATE(c) <= 4, { units: 4 }), valLossBelow(0.001)),
    },
    {
      show: ['sequence-panel', 'data-panel'],
      settings: { mix: false },
      hide: DATA,
      formula: recurrence,
      check: all(configIs(MIX), valLossBelow(0.002)),
    },
    // The challenge: the two-frequency series through a state of two numbers.
    {
      show: ['sequence-panel', 'model-panel'],
      settings: { mix: true, stateSize: 8 },
      hide: TRAINING,
      formula: challenge,
      check: all(configIs((c) => MIX(c) && STATE(c) <= 2, { units: 2 }), valLossBelow(0.002)),
    },
  ],
};
