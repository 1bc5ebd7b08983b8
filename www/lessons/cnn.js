// Lesson 9, convolutional networks: the page's CNN on the 8×8 digits (the
// cnn preset: a 3×3 convolution of 8 filters, ReLU, 2×2 max pooling, a
// dense layer to 10 classes). A filter slid over the image, z = x ∗ W + b;
// the article's ReLU, f(x) = max(0, xW + b), as the feature maps of a digit
// the learner draws; pooling and the number of filters; and a challenge:
// 98 % on the validation digits within 1000 updates.
//
// The shapes and counts are the engine's: the parameters' shapes (the
// frame), and each layer's output for the image on the cnn-panel
// (s.inspection.layers, the worker's layerOutputs).

import { PRESETS } from '../presets.js';
import { valAccuracyAtLeast, digitDrawnOnPad, configIs, all } from './checks.js';
import { text } from '../strings/index.js';

const FEW = 2; // filters in step 3
const CHALLENGE = { accuracy: 0.98, steps: 1000 };

const dims = (shape) => shape.join('×');
const pct = (x, fmt) => `${fmt(Math.round(x * 1000) / 10)}\u00a0%`; // a no-break space: "10 %" never wraps before its sign
const sub = (t) => `<sub>${t}</sub>`;

// The layers' outputs for the image shown, by kind, and the conv kernel.
function parts(s) {
  const layers = s.inspection?.layers;
  const ps = s.frame?.params || [];
  const kernel = ps.find((p) => p.kind === 'conv2d' && p.role === 'weight');
  const bias = ps.find((p) => p.kind === 'conv2d' && p.role === 'bias');
  const dense = ps.find((p) => p.kind === 'dense' && p.role === 'weight');
  if (!layers || !kernel || !bias || !dense) return null;
  const of = (kind) => layers.find((l) => l.kind === kind);
  const [x, z, a, pool] = [of('input'), of('conv2d'), of('activation'), of('maxpool')];
  if (!x || !z || !a || !pool) return null;
  return { x, z, a, pool, kernel, bias, dense };
}

// The most probable class of the image shown, and its probability.
function guess(s, fmt) {
  const p = s.inspection?.probs;
  const classes = s.info?.classes;
  if (!p || !classes) return '';
  let c = 0;
  for (let i = 1; i < p.length; i++) if (p[i] > p[c]) c = i;
  return `<var>ŷ</var> = ${classes[c]}, &nbsp; <var>P</var>(${classes[c]}) = ${pct(p[c], fmt)}`;
}

// z = x ∗ W + b with the live shapes.
function conv(s, fmt) {
  const d = parts(s);
  if (!d) return '';
  const n = d.kernel.values.length + d.bias.values.length;
  return `<var>z</var> = <var>x</var> ∗ <var>W</var> + <var>b</var><br>`
    + `<var>x</var>: ${dims(d.x.shape)}, &nbsp; <var>W</var>: ${dims(d.kernel.shape)}, &nbsp; <var>b</var>: ${dims(d.bias.shape)} &nbsp; (${text('lesson.cnn.f.params', { n })})<br>`
    + `<var>z</var>: ${dims(d.z.shape)} &nbsp; (${text('lesson.cnn.f.maps', { n: d.z.shape[0] })}) &nbsp; ${text('lesson.cnn.f.val')} ${pct(s.frame.valAccuracy ?? 0, fmt)}`;
}

// The ReLU on this image: how many of the sums were negative, and so 0.
function relu(s, fmt) {
  const d = parts(s);
  if (!d) return '';
  let negative = 0;
  for (const v of d.z.values) if (v < 0) negative += 1;
  let zeros = 0;
  for (const v of d.a.values) if (v === 0) zeros += 1;
  return `<var>a</var> = max(0, <var>z</var>)<br>`
    + `<var>z</var> &lt; 0: ${fmt(negative)} / ${fmt(d.z.values.length)} &nbsp; → &nbsp; <var>a</var> = 0: ${fmt(zeros)} / ${fmt(d.a.values.length)}<br>${guess(s, fmt)}`;
}

// Max pooling and the dense layer to the classes, with the filter count.
function pooling(s, fmt) {
  const d = parts(s);
  if (!d) return '';
  const f = s.frame;
  return `max${sub('2×2')}: ${dims(d.a.shape)} → ${dims(d.pool.shape)}<br><var>W</var>${sub('out')}: ${dims(d.dense.shape)} → softmax<br>`
    + `${text('lesson.cnn.f.filters')}: ${fmt(d.z.shape[0])}, &nbsp; ${text('lesson.cnn.f.val')} ${pct(f.valAccuracy ?? 0, fmt)}`;
}

function challenge(s, fmt) {
  const f = s.frame;
  if (!f || f.valAccuracy == null) return '';
  const a = f.learningRate ?? s.settings.learningRate;
  const filters = s.config?.model?.layers?.[0]?.filters;
  const rel = f.valAccuracy >= CHALLENGE.accuracy ? '≥' : '&lt;';
  return `<var>α</var> = ${fmt(a)}, &nbsp; ${text('lesson.cnn.f.filters')}: ${fmt(filters)}, &nbsp; <var>t</var> = ${fmt(f.step)} / ${fmt(CHALLENGE.steps)}<br>`
    + `${text('lesson.cnn.f.val')} ${pct(f.valAccuracy, fmt)} ${rel} ${pct(CHALLENGE.accuracy, fmt)}`;
}

const filtersOf = (c) => c.model.layers?.find((l) => l.type === 'conv2d')?.filters ?? Infinity;
const TRAINING = ['model-kind', 'activation', 'init', 'optimizer', 'batch-size', 'loss', 'regularization', 'reg-rate', 'hyperparameters'];

export default {
  id: 'cnn',
  // The page's CNN (the cnn preset): Adam at 0.01, 32 digits a batch.
  settings: { ...PRESETS.cnn.settings, filters: 8, speed: 20 },
  steps: [
    { show: ['cnn-panel'], formula: conv, check: valAccuracyAtLeast(0.95, { source: 'digits' }) },
    { show: ['cnn-panel'], formula: relu, check: digitDrawnOnPad() },
    {
      show: ['model-panel', 'cnn-panel'],
      hide: TRAINING,
      formula: pooling,
      check: all(configIs((c) => filtersOf(c) <= FEW, { filters: FEW }), valAccuracyAtLeast(0.9, { source: 'digits' })),
    },
    // The challenge: from 8 filters at 0.01, which level off near 97 %.
    {
      show: ['model-panel', 'loss-panel'],
      settings: { filters: 8, learningRate: 0.01 },
      hide: TRAINING,
      formula: challenge,
      check: valAccuracyAtLeast(CHALLENGE.accuracy, { maxSteps: CHALLENGE.steps, source: 'digits' }),
    },
  ],
};
