// Lesson 1, the article's linear regression: y = wᵀx + b fitted to
// X = [[1,2],[2,3],[3,4],[4,5]], y = [1,2,3,4] by full-batch gradient
// descent from zero weights, tested on [[5,6],[6,7]]; why the article's
// α = 0.1 diverges on this data (the engine's leastSquares().maxStableRate,
// 2/λ_max of the loss's Hessian) and what converges.

import { trainLossBelow, diverged, testEvaluated } from './checks.js';
import { linearParams } from '../views/params-view.js';

const VIEWS = ['output-panel', 'loss-panel', 'params-panel', 'table-panel'];

// A term after the first, its sign as the operator: "− 0.32", never "+ -0.32".
const term = (x, fmt) => (x < 0 ? `− ${fmt(-x)}` : `+ ${fmt(x)}`);

// ŷ = w1·x1 + w2·x2 + b with the live weights.
function model(s, fmt) {
  const p = linearParams(s.frame?.params);
  if (!p) return '';
  return `<var>ŷ</var> = ${fmt(p.w[0])}·<var>x</var><sub>1</sub> ${term(p.w[1], fmt)}·<var>x</var><sub>2</sub> ${term(p.b, fmt)}`
    + ` &nbsp; <var>J</var> = ${fmt(s.frame.trainLoss)}`;
}

// α beside the largest rate that converges, both numbers from the engine.
function limit(s, fmt) {
  const max = s.reference?.maxStableRate;
  const a = s.frame?.learningRate ?? s.settings.learningRate;
  if (!Number.isFinite(max)) return '';
  const rel = a < max ? '&lt;' : '&gt;';
  return `<var>α</var> = ${fmt(a)} ${rel} <var>α</var><sub>max</sub> = 2 / <var>λ</var><sub>max</sub> = ${fmt(max)}`;
}

export default {
  id: 'linear',
  // The article's setup: full batch (all 4 rows) from zero weights.
  settings: { source: 'article-linear', kind: 'linear', optimizer: 'sgd', learningRate: 0.01, batchSize: 4, speed: 5, loss: 'auto', normalize: 'auto' },
  steps: [
    { show: VIEWS, formula: model, check: trainLossBelow(0.01) },
    { show: ['loss-panel', 'output-panel', 'params-panel'], formula: limit, check: diverged() },
    { show: VIEWS, formula: (s, fmt) => `${limit(s, fmt)}<br>${model(s, fmt)}`, check: trainLossBelow(1e-3) },
    { show: ['eval-panel', 'table-panel', 'output-panel'], formula: model, check: testEvaluated() },
    // The challenge: close to α_max, and no further.
    { show: VIEWS, settings: { learningRate: 0.01 }, formula: (s, fmt) => `${limit(s, fmt)}<br>${model(s, fmt)} &nbsp; (${fmt(s.frame?.step ?? 0)} / 300)`, check: trainLossBelow(1e-4, { maxSteps: 300 }) },
  ],
};
