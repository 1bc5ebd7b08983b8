// Lesson 8, testing: the three splits and their three jobs (training fits
// the weights, validation chooses the settings, the test split gives one
// honest score at the end); the sealed test split evaluated once, beside
// the validation score it is not; a second model chosen by validation
// while the test stays sealed; and a challenge on the spiral: settings
// chosen by validation alone, then one look at the test split.

import { valAccuracyAtLeast, testedWhen, stepsAtLeast, settings, all, testedOnceWhen, hiddenUnits } from './checks.js';
import { text } from '../strings/index.js';

const START = { hidden: [8] };
const CHALLENGE = { accuracy: 0.9, units: 8 };

const sub = (t) => `<sub>${t}</sub>`;
const pct = (x, fmt) => `${fmt(Math.round(x * 1000) / 10)}\u00a0%`;
const acc = (name) => `${text('lesson.testing.f.acc')}${sub(name)}`;

// The splits' sizes (the engine's info) and the two live accuracies.
function splits(s, fmt) {
  const f = s.frame;
  const i = s.info;
  if (!f || !i || f.valAccuracy == null) return '';
  return `<var>n</var>${sub('train')} = ${fmt(i.trainSize)}, &nbsp; <var>n</var>${sub('val')} = ${fmt(i.valSize)}, &nbsp; <var>n</var>${sub('test')} = ${fmt(i.testSize)}`
    + `<br>${acc('train')} = ${pct(f.trainAccuracy, fmt)}, &nbsp; ${acc('val')} = ${pct(f.valAccuracy, fmt)}`;
}

// The test split's one score (s.testResult, the engine's evaluate('test')),
// or that it is still sealed; beside the validation score of the same step.
function tested(s, fmt) {
  const f = s.frame;
  if (!f || f.valAccuracy == null) return '';
  const t = s.testResult?.gen === s.gen ? s.testResult : null;
  const test = t
    ? `${acc('test')} = ${pct(t.evaluation.accuracy, fmt)} &nbsp; (<var>t</var> = ${fmt(t.step)}, ${fmt(t.evaluation.rows)} ${text('lesson.testing.f.rows')})`
    : `${acc('test')} = ${text('lesson.testing.f.sealed')}`;
  return `${acc('val')} = ${pct(f.valAccuracy, fmt)} &nbsp; (<var>t</var> = ${fmt(f.step)})<br>${test}`;
}

// The model on screen: its hidden layers (the engine's config) and both scores.
function model(s, fmt) {
  const h = s.config?.model?.hidden;
  if (!Array.isArray(h)) return tested(s, fmt);
  return `${text('lesson.testing.f.hidden')}: [${h.map((n) => fmt(n)).join(', ')}]<br>${tested(s, fmt)}`;
}

function challenge(s, fmt) {
  const f = s.frame;
  if (!f || f.valAccuracy == null) return '';
  const units = hiddenUnits(s);
  const a = f.valAccuracy >= CHALLENGE.accuracy ? '≥' : '&lt;';
  const u = units <= CHALLENGE.units ? '≤' : '&gt;';
  return `${model(s, fmt)}<br>${acc('val')} ${a} ${pct(CHALLENGE.accuracy, fmt)}, &nbsp; ${text('lesson.testing.f.units')} = ${fmt(units)} ${u} ${fmt(CHALLENGE.units)}`;
}

const differs = (a, b) => JSON.stringify(a) !== JSON.stringify(b);

export default {
  id: 'testing',
  // 200 noisy points on the two rings: 140 to train on, 30 to validate,
  // 30 sealed for the test. One hidden layer of 8, Adam: quick to learn.
  settings: {
    source: 'circle', noise: 25, samples: 200, split: [70, 15, 15], features: ['x1', 'x2'], kind: 'mlp', hidden: START.hidden, activation: 'tanh',
    optimizer: 'adam', learningRate: 0.03, batchSize: 10, regularization: 'none', regRate: 0, speed: 20, showVal: true, earlyStopping: null,
  },
  steps: [
    { show: ['output-panel', 'loss-panel'], formula: splits, check: valAccuracyAtLeast(0.85) },
    // One look at the test split, on the weights on screen (paused). The
    // Evaluation panel alone: beside another panel its two halves are cramped.
    { show: ['eval-panel'], formula: tested, check: testedWhen(stepsAtLeast(1)) },
    // A second model, compared by validation: a new session, sealed again.
    {
      show: ['model-panel', 'loss-panel'],
      hide: ['model-kind', 'init', 'optimizer', 'batch-size', 'loss', 'regularization', 'reg-rate', 'hyperparameters'],
      formula: model,
      check: all(settings((st) => differs(st.hidden, START.hidden)), stepsAtLeast(300)),
    },
    // The challenge, in two steps: the spiral with at most 8 hidden units,
    // settings chosen by validation (on x1, x2 alone 8 units stay near 60 %
    // for thousands of updates; with sin(x1), sin(x2) they pass 90 % in a
    // few hundred), then one look at the test split. The Evaluation panel
    // is a step of its own: beside the data and the model its two halves
    // are too narrow (the matrix scrolls, and axe refuses a scrolling
    // region that takes no focus).
    {
      show: ['data-panel', 'model-panel'],
      settings: { source: 'spiral', noise: 0, samples: 300, features: ['x1', 'x2'], hidden: START.hidden, learningRate: 0.01 },
      hide: ['dataset', 'classes', 'noise', 'samples', 'split-train', 'split-val', 'seed', 'regenerate', 'normalize',
        'model-kind', 'init', 'optimizer', 'batch-size', 'loss', 'regularization', 'reg-rate', 'hyperparameters'],
      formula: challenge,
      check: valAccuracyAtLeast(CHALLENGE.accuracy, { maxUnits: CHALLENGE.units, source: 'spiral' }),
    },
    { show: ['eval-panel'], formula: challenge, check: testedOnceWhen(valAccuracyAtLeast(CHALLENGE.accuracy, { maxUnits: CHALLENGE.units, source: 'spiral' })) },
  ],
};
