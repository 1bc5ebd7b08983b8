// Lesson 3, logistic regression: P(y = 1) = σ(wᵀx + b) = 1/(1 + e^−(wᵀx + b))
// on two Gaussian clouds, the decision boundary wᵀx + b = 0 written with
// the live w and b, the clouds made to overlap, and why a line cannot
// separate the circle; the challenge separates it with squared features.

import { settings, settingIs, stepsAtLeast, valAccuracyAtLeast, all } from './checks.js';
import { text } from '../strings/index.js';

const SETUP = {
  source: 'gauss', noise: 0, samples: 500, features: ['x1', 'x2'], normalize: 'auto', kind: 'logistic',
  optimizer: 'sgd', learningRate: 0.1, batchSize: 10, loss: 'auto', regularization: 'none', discretize: false, speed: 10,
};

// The model's weights by input feature, and its bias: s.frame.params with
// the names of the features the engine built (s.info.featureNames).
function terms(s) {
  const params = s.frame?.params;
  const weight = params?.find((p) => p.role === 'weight');
  const bias = params?.find((p) => p.role === 'bias');
  const names = s.info?.featureNames;
  if (!weight || !bias || !names || weight.values.length !== names.length) return null;
  return { w: Array.from(weight.values), b: bias.values[0], names };
}

// w1·x1 + w2·x2 + … + b with the live numbers, signs written as operators.
export function linearSum(s, fmt) {
  const t = terms(s);
  if (!t) return '';
  const signed = (x, first) => (x < 0 ? `${first ? '−' : ' − '}${fmt(-x)}` : `${first ? '' : ' + '}${fmt(x)}`);
  return t.w.map((x, i) => `${signed(x, i === 0)}·${text(`feature.${t.names[i]}`)}`).join('') + signed(t.b, false);
}

// The accuracy on the validation split, as the readout shows it.
export function accuracy(s) {
  const a = s.frame?.valAccuracy;
  return a == null ? '' : `${text('lesson.logistic.accuracy')} = ${(a * 100).toFixed(1)}%`;
}

const sigmoid = (s, fmt) => {
  const z = linearSum(s, fmt);
  return z && `<var>P</var>(<var>y</var> = 1) = σ(<var>z</var>) = 1 / (1 + <var>e</var><sup>−<var>z</var></sup>)<br><var>z</var> = ${z}<br>${accuracy(s)}`;
};
export const boundary = (s, fmt) => {
  const z = linearSum(s, fmt);
  return z && `${z} = 0<br>${accuracy(s)}`;
};

// The data controls a step does not talk about, kept out of the way so the
// one it does (noise, the features) is on screen beside the Output panel.
const DATA = ['dataset', 'samples', 'split-train', 'split-val', 'split-value', 'seed', 'regenerate', 'normalize'];

export default {
  id: 'logistic',
  settings: SETUP,
  steps: [
    // The sigmoid of a linear score, on two clouds.
    { show: ['output-panel', 'loss-panel'], formula: sigmoid, check: valAccuracyAtLeast(0.98) },
    // The boundary is a line; overlapping clouds.
    {
      show: ['output-panel', 'data-panel'],
      settings: { noise: 0 },
      hide: [...DATA, 'features'],
      formula: boundary,
      check: { ...all(settings((st) => st.source === 'gauss' && st.noise >= 30), stepsAtLeast(200)), vars: { noise: 30, n: 200 } },
    },
    // A line cannot separate the circle.
    {
      show: ['output-panel', 'data-panel'],
      settings: { noise: 0 },
      hide: [...DATA, 'noise', 'features'],
      formula: boundary,
      check: { ...all(settingIs('kind', 'logistic'), settingIs('source', 'circle'), stepsAtLeast(300)), vars: { n: 300 } },
    },
    // The challenge: squared features.
    {
      show: ['output-panel', 'data-panel'],
      settings: { source: 'circle', features: ['x1', 'x2'] },
      hide: [...DATA, 'noise'],
      formula: boundary,
      check: all(settingIs('kind', 'logistic'), valAccuracyAtLeast(0.9, { source: 'circle' })),
    },
  ],
};
