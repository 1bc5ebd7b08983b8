// Lesson 6, training: forward and backward. A 2-4-1 tanh network on the
// circle: one update taken, then one training row walked through the
// step-through (forward → loss → backward → update); δ = ∂J/∂z, the chain
// rule and the gradient on each edge; the finite-difference check that
// backpropagation is right; one update applied by hand; then the
// challenge: the same step, taken many times, at a rate the learner picks.
//
// The first step shows the network diagram, not the step-through: the
// instruments' panels are built after the first frame (main.js), and a
// panel the lesson has already moved out of their section is not found
// then (instruments.js looks them up inside it).

import { stepsAtLeast, traced, gradientChecked, traceApplied, valAccuracyAtLeast } from './checks.js';

// The step-through alone, full width; each step hides the buttons it does not use.
const STEP = ['trace-panel'];
// While stepping by hand, training's own controls are out of the way (and
// of the screen's height).
const TRAINING = ['reset', 'play', 'step', 'learning-rate', 'speed'];
const CHALLENGE_STEPS = 300;

// The dense layers' weights and biases, in order (the engine's parameters()).
const dense = (s) => (s.frame?.params || []).filter((p) => p.kind === 'dense');
const weights = (s) => dense(s).filter((p) => p.role === 'weight');
const sup = (n) => `<sup>${n}</sup>`;
const shape = (p) => p.shape.join('×');

// The forward pass, layer by layer, with each weight matrix's shape and the loss.
function forward(s, fmt) {
  const w = weights(s);
  if (w.length < 2) return '';
  const count = dense(s).reduce((a, p) => a + p.values.length, 0);
  return `<var>z</var>${sup(1)} = <var>x</var><var>W</var>${sup(1)} + <var>b</var>${sup(1)}, &nbsp; <var>a</var>${sup(1)} = tanh(<var>z</var>${sup(1)}), &nbsp; `
    + `<var>z</var>${sup(2)} = <var>a</var>${sup(1)}<var>W</var>${sup(2)} + <var>b</var>${sup(2)}, &nbsp; <var>ŷ</var> = σ(<var>z</var>${sup(2)})`
    + `<br><var>W</var>${sup(1)}: ${shape(w[0])}, &nbsp; <var>W</var>${sup(2)}: ${shape(w[1])} &nbsp; (${fmt(count)} <var>θ</var>) &nbsp; <var>J</var> = ${fmt(s.frame.trainLoss)}`;
}

// The backward pass: δ at the output, carried back through W² (its live
// values) and tanh′, and the gradient of an edge as tail value × head δ.
function backward(s, fmt) {
  const w = weights(s);
  if (w.length < 2) return '';
  const w2 = Array.from(w[1].values, (v) => fmt(v)).join(', ');
  return `<var>δ</var>${sup(2)} = ∂<var>J</var>/∂<var>z</var>${sup(2)} = <var>ŷ</var> − <var>y</var>`
    + `<br><var>δ</var>${sup(1)} = (<var>δ</var>${sup(2)}(<var>W</var>${sup(2)})<sup>T</sup>) ⊙ (1 − (<var>a</var>${sup(1)})<sup>2</sup>), &nbsp; <var>W</var>${sup(2)} = [${w2}]`
    + `<br>∂<var>J</var>/∂<var>W</var><sub><var>ij</var></sub> = <var>a</var><sub><var>i</var></sub> · <var>δ</var><sub><var>j</var></sub>`;
}

// The update with the live learning rate and step.
function update(s, fmt) {
  const a = s.frame?.learningRate ?? s.settings.learningRate;
  return `<var>w</var> ← <var>w</var> − <var>α</var>∇<var>J</var>, &nbsp; <var>α</var> = ${fmt(a)}, &nbsp; <var>t</var> = ${fmt(s.frame?.step ?? 0)}`;
}

function challenge(s, fmt) {
  const f = s.frame;
  if (!f) return '';
  return `${update(s, fmt)} / ${CHALLENGE_STEPS}<br><var>J</var> = ${fmt(f.trainLoss)}, &nbsp; ${fmt(Math.round((f.valAccuracy ?? 0) * 1000) / 10)}&nbsp;%`;
}

export default {
  id: 'backprop',
  // A small network on the opening's rings, plain SGD at a small rate so one
  // applied update is a small change; the validation points shown.
  settings: {
    source: 'circle', samples: 200, noise: 0, features: ['x1', 'x2'], kind: 'mlp', hidden: [4], activation: 'tanh',
    optimizer: 'sgd', learningRate: 0.03, batchSize: 10, speed: 20, showVal: false, regularization: 'none',
  },
  steps: [
    { show: ['network-panel', 'output-panel'], formula: forward, check: stepsAtLeast(1) },
    { show: STEP, hide: [...TRAINING, 'trace-sample', 'trace-apply', 'trace-check', 'trace-table'], formula: forward, check: traced() },
    { show: STEP, hide: [...TRAINING, 'trace-row', 'trace-pick', 'trace-sample', 'trace-apply'], formula: backward, check: gradientChecked() },
    { show: STEP, hide: [...TRAINING, 'trace-row', 'trace-pick', 'trace-check'], formula: update, check: traceApplied() },
    // The challenge: many updates; α is the learner's.
    { show: ['output-panel', 'loss-panel'], formula: challenge, check: valAccuracyAtLeast(0.95, { maxSteps: CHALLENGE_STEPS }) },
  ],
};
