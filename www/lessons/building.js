// Lesson 5, building a model: logistic regression stuck on xor; a feature
// cross (x1·x2) that lets the same linear model separate it; a hidden
// layer that learns its own features from x1 and x2 alone; how many hidden
// units a circle needs; and a challenge that takes both ideas, the spiral
// with at most 8 hidden units.

import { settings, settingIs, stepsAtLeast, valAccuracyAtLeast, all } from './checks.js';
import { linearSum } from './logistic.js';
import { text } from '../strings/index.js';

const SETUP = {
  source: 'xor', noise: 0, samples: 500, features: ['x1', 'x2'], normalize: 'auto', kind: 'logistic', hidden: [4], activation: 'relu',
  init: 'auto', optimizer: 'adam', learningRate: 0.03, batchSize: 10, loss: 'auto', regularization: 'none', discretize: false, race: null, speed: 20,
};
const RAW = ['x1', 'x2'];
const raw = (st) => JSON.stringify(st.features) === JSON.stringify(RAW);

// The data controls the steps do not talk about (the data set's tiles stay).
const DATA = ['dataset', 'noise', 'samples', 'split-train', 'split-val', 'split-value', 'seed', 'regenerate', 'normalize'];
// The model controls beside the ones a step is about.
const MODEL = ['init', 'optimizer', 'batch-size', 'loss', 'regularization', 'reg-rate', 'hyperparameters', 'filters', 'state-size'];

const w = (k, vars) => text(`lesson.building.${k}`, vars);
const v = (name, sub) => `<var>${name}</var>${sub ? `<sub>${sub}</sub>` : ''}`;

const accuracy = (s) => (s.frame?.valAccuracy == null ? '' : `${w('accuracy')} = ${(s.frame.valAccuracy * 100).toFixed(1)}%`);
const count = (s) => (Number.isFinite(s.info?.parameters) ? w('parameters', { n: s.info.parameters }) : '');


// A linear model: z = w·x + b with the live weights, its size and accuracy.
function linear(s, fmt) {
  const z = linearSum(s, fmt);
  return z && `${v('z')} = ${z}<br>${count(s)} · ${accuracy(s)}`;
}

// An MLP: each layer's formula, the shapes of its weights (the engine's
// parameter list, numbered by dense layer), and the engine's count of them.
function network(s, fmt) {
  const params = s.frame?.params;
  if (s.config?.model?.kind !== 'mlp' || !params) return linear(s, fmt);
  const act = text(`activation.${s.config.model.activation}`);
  let layer = 0;
  const shapes = params.map((p) => {
    if (p.role !== 'bias') layer += 1;
    return `${v(p.role === 'bias' ? 'b' : 'W', layer)} ${p.shape.join('×')}`;
  });
  return `${v('h')} = ${act}(${v('W', 1)}${v('x')} + ${v('b', 1)}), &nbsp; <var>P</var> = σ(${v('W', 2)}${v('h')} + ${v('b', 2)})`
    + `<br>${shapes.join(' · ')} → ${count(s)}<br>${accuracy(s)}`;
}

export default {
  id: 'building',
  settings: SETUP,
  steps: [
    // A line on xor: stuck.
    {
      show: ['output-panel', 'loss-panel'],
      formula: linear,
      check: { ...all(settingIs('kind', 'logistic'), settingIs('source', 'xor'), stepsAtLeast(300)), vars: { n: 300 } },
    },
    // A feature cross: the same linear model, one more input.
    {
      show: ['output-panel', 'data-panel'],
      hide: DATA,
      formula: linear,
      check: all(settingIs('kind', 'logistic'), settings((st) => st.features.includes('x1*x2')), valAccuracyAtLeast(0.95, { source: 'xor' })),
    },
    // A hidden layer instead, on x1 and x2 alone.
    {
      show: ['model-panel', 'network-panel'],
      settings: { features: RAW, kind: 'logistic', hidden: [4] },
      hide: MODEL,
      formula: network,
      check: all(settingIs('kind', 'mlp'), settings(raw), valAccuracyAtLeast(0.95, { source: 'xor' })),
    },
    // How many units a circle needs: two draw a wedge.
    {
      show: ['network-panel', 'model-panel'],
      settings: { source: 'circle', features: RAW, kind: 'mlp', hidden: [2] },
      hide: MODEL,
      formula: network,
      check: all(settingIs('kind', 'mlp'), settings(raw), valAccuracyAtLeast(0.95, { source: 'circle' })),
    },
    // The challenge: the spiral, at most 8 hidden units.
    {
      show: ['output-panel', 'data-panel', 'model-panel'],
      settings: { source: 'spiral', features: RAW, kind: 'mlp', hidden: [8], activation: 'tanh', speed: 50 },
      hide: [...DATA, ...MODEL],
      formula: network,
      check: valAccuracyAtLeast(0.9, { maxUnits: 8, source: 'spiral' }),
    },
  ],
};
