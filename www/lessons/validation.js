// Lesson 7, validation: overfitting made visible (a small noisy circle, a
// big network: the training loss falls while the validation loss turns
// up), early stopping with the best checkpoint (train.earlyStopping: the
// engine stops, the loss chart marks the best step, restore-best returns
// to it), and a challenge: a model that does not overfit at all.

import { overfitting, earlyStopped, bestRestored, stepsAtLeast, valLossBelow, all } from './checks.js';

const VIEWS = ['output-panel', 'loss-panel'];
const EARLY = { patience: 5, minDelta: 0 };
const CHALLENGE = { steps: 1000, valLoss: 0.5 };

const sub = (t) => `<sub>${t}</sub>`;

// The lowest validation loss of the session's history so far, and its step.
function lowest(s) {
  const h = s.series;
  if (!h) return null;
  let best = -1;
  for (let i = 0; i < h.valLoss.length; i++) if (Number.isFinite(h.valLoss[i]) && (best < 0 || h.valLoss[i] < h.valLoss[best])) best = i;
  return best < 0 ? null : { loss: h.valLoss[best], step: h.step[best] };
}

// Both losses now, and the validation loss's lowest point.
function losses(s, fmt) {
  const f = s.frame;
  if (!f) return '';
  const low = lowest(s);
  return `<var>J</var>${sub('train')} = ${fmt(f.trainLoss)}, &nbsp; <var>J</var>${sub('val')} = ${fmt(f.valLoss)}`
    + (low ? `<br>min <var>J</var>${sub('val')} = ${fmt(low.loss)} &nbsp; (<var>t</var> = ${fmt(low.step)})` : '');
}

// Early stopping's rule, with the engine's best checkpoint once there is one.
function early(s, fmt) {
  const f = s.frame;
  const e = s.settings.earlyStopping;
  if (!f || !e) return '';
  const best = f.bestStep != null ? `<br><var>J</var>${sub('val')}(<var>t</var> = ${fmt(f.bestStep)}) = ${fmt(f.bestValLoss)}` : '';
  return `patience = ${fmt(e.patience)}, &nbsp; minDelta = ${fmt(e.minDelta)} &nbsp; <var>t</var> = ${fmt(f.step)}${best}`;
}

function restored(s, fmt) {
  const f = s.frame;
  if (!f || f.bestStep == null) return early(s, fmt);
  return `<var>J</var>${sub('val')} = ${fmt(f.valLoss)}, &nbsp; best <var>J</var>${sub('val')} = ${fmt(f.bestValLoss)} (<var>t</var> = ${fmt(f.bestStep)})`;
}

function challenge(s, fmt) {
  const f = s.frame;
  if (!f) return '';
  return `${losses(s, fmt)}<br><var>t</var> = ${fmt(f.step)} (≥ ${fmt(CHALLENGE.steps)}), &nbsp; <var>J</var>${sub('val')} &lt; ${fmt(CHALLENGE.valLoss)}`;
}

export default {
  id: 'validation',
  // 100 noisy points (70 to train on, 15 to validate) and 32 + 32 tanh
  // units: enough to learn every point by heart within a few hundred updates.
  settings: {
    source: 'circle', noise: 45, samples: 100, features: ['x1', 'x2'], kind: 'mlp', hidden: [32, 32], activation: 'tanh',
    optimizer: 'adam', learningRate: 0.03, batchSize: 10, regularization: 'none', regRate: 0, speed: 10, showVal: true, earlyStopping: null,
  },
  steps: [
    { show: VIEWS, formula: losses, check: overfitting(1.5) },
    // Slower: more points on the loss chart around the best step.
    { show: VIEWS, settings: { earlyStopping: EARLY, speed: 5 }, formula: early, check: earlyStopped() },
    { show: VIEWS, formula: restored, check: bestRestored() },
    // The challenge: no early stopping; a model that does not overfit.
    {
      show: ['model-panel', 'loss-panel', 'output-panel'],
      settings: { earlyStopping: null, speed: 20 },
      hide: ['model-kind', 'activation', 'init', 'optimizer', 'batch-size', 'loss'],
      formula: challenge,
      check: all(stepsAtLeast(CHALLENGE.steps), valLossBelow(CHALLENGE.valLoss)),
    },
  ],
};
