// The whole page state in one object, so every view draws from the same
// snapshot. `settings` is what a teacher shares: it round-trips through
// location.hash (hash.js) and becomes the engine's config (toConfig). The
// rest is what the worker last reported. Views never change state; main.js
// does, from user input and worker messages.

import { formatNumber } from './format.js';

// Updates per frame the speed control offers; 5 lets a learner watch the
// loss fall over several seconds, 1000 is for impatient projectors.
export const SPEEDS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000];

// The built-in data sets, in the order the picker shows them. `dims` is the
// raw input count; `fixed` sets are a table, so samples and noise do not
// apply; `classes` marks the sets whose class count is a setting.
export const SOURCES = [
  { name: 'circle', label: 'Circle', task: 'classification', dims: 2, group: 'Two classes' },
  { name: 'xor', label: 'Exclusive or', task: 'classification', dims: 2, group: 'Two classes' },
  { name: 'gauss', label: 'Two Gaussians', task: 'classification', dims: 2, group: 'Two classes' },
  { name: 'spiral', label: 'Spiral', task: 'classification', dims: 2, group: 'Two classes' },
  { name: 'moons', label: 'Moons', task: 'classification', dims: 2, group: 'Two classes' },
  { name: 'blobs', label: 'Blobs', task: 'classification', dims: 2, classes: true, group: 'Many classes' },
  { name: 'spiral-k', label: 'Spiral arms', task: 'classification', dims: 2, classes: true, group: 'Many classes' },
  { name: 'reg-plane', label: 'Plane', task: 'regression', dims: 2, group: 'Regression' },
  { name: 'reg-gauss', label: 'Gaussian bumps', task: 'regression', dims: 2, group: 'Regression' },
  { name: 'sine', label: 'Sine (1-D)', task: 'regression', dims: 1, group: 'Regression' },
  { name: 'digits', label: 'Digits 8×8', task: 'classification', dims: 64, fixed: true, rows: 1797, group: 'Images' },
  // Sequences: a row is a window of `window` steps (the setting), one value a step.
  { name: 'sine-seq', label: 'Sine sequence', task: 'regression', dims: 0, seq: true, group: 'Sequences' },
  { name: 'seq-majority', label: 'Majority of bits', task: 'classification', dims: 0, seq: true, noNoise: true, group: 'Sequences' },
  { name: 'article-linear', label: 'Lesson 1: a line', task: 'regression', dims: 2, fixed: true, rows: 6, fixedSplit: [4, 0, 2], group: 'Lessons' },
];
export const sourceInfo = (name) => SOURCES.find((s) => s.name === name) || SOURCES[0];
// The data set of these settings: a built-in one, or the learner's own CSV
// file (settings.csv: { id, name, rows, target, task, missing }; its text
// stays in the worker, yourdata.js).
export function sourceOf(settings) {
  const c = settings.source === 'csv' ? settings.csv : null;
  if (!c) return sourceInfo(settings.source);
  return { name: 'csv', label: `Your data: ${c.name}`, task: c.task, dims: 0, fixed: true, rows: c.rows, csv: c, group: 'Your data' };
}

export const FEATURES = ['x1', 'x2', 'x1^2', 'x2^2', 'x1*x2', 'sin(x1)', 'sin(x2)'];
export const KINDS = ['linear', 'logistic', 'mlp', 'cnn', 'rnn'];
export const FILTERS = [2, 4, 8, 16];
export const MAX_WINDOW = 60;
export const MAX_STATE = 64;
export const ACTIVATIONS = ['relu', 'leaky-relu', 'elu', 'gelu', 'tanh', 'sigmoid', 'linear'];
export const INITS = ['auto', 'glorot', 'he', 'zeros'];
export const OPTIMIZERS = ['sgd', 'momentum', 'rmsprop', 'adam', 'adagrad'];
export const NORMALIZE = ['auto', 'standard', 'minmax', 'none'];
export const LOSSES = ['auto', 'mse', 'cross-entropy'];
export const REGULARIZATIONS = ['none', 'l1', 'l2'];
// TensorFlow Playground's menus, so its lessons carry over number for number.
export const REG_RATES = [0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10];
export const LEARNING_RATES = [0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10];
export const MAX_LAYERS = 8;
export const MAX_UNITS = 256;
export const MAX_SAMPLES = 10000; // the engine takes more, but every update then scores 10k rows
export const MAX_BATCH = 10000;

// Playground's opening picture: two rings, a 4-2 tanh network, plain SGD.
export const DEFAULTS = Object.freeze({
  source: 'circle',
  classes: 3,
  noise: 0, // percent, Playground's 0..50 slider
  samples: 500,
  split: Object.freeze([70, 15, 15]), // percent train / validation / test
  seed: 1,
  normalize: 'auto',
  features: Object.freeze(['x1', 'x2']),
  kind: 'mlp',
  hidden: Object.freeze([4, 2]),
  activation: 'tanh',
  init: 'auto',
  loss: 'auto',
  optimizer: 'sgd',
  learningRate: 0.03,
  batchSize: 10,
  regularization: 'none',
  regRate: 0,
  window: 20, // sequence sets: steps a row
  mix: false, // sine-seq: add a second frequency
  filters: 8, // cnn: filters of its conv layer
  stateSize: 16, // rnn: units of its hidden state
  speed: 5,
  showVal: false,
  discretize: false,
  logScale: true,
  large: false,
});

export const defaultSettings = () => structuredClone({ ...DEFAULTS, split: [...DEFAULTS.split], features: [...DEFAULTS.features], hidden: [...DEFAULTS.hidden] });

// Starting points a teacher can open in one click (and link as #preset=NAME).
export const PRESETS = {
  playground: { label: 'Playground: circle', settings: {} },
  spiral: {
    label: 'Spiral: features and depth',
    settings: { source: 'spiral', features: ['x1', 'x2', 'sin(x1)', 'sin(x2)'], hidden: [8, 8, 5], optimizer: 'adam', learningRate: 0.01, speed: 20 },
  },
  multiclass: {
    label: 'Five classes: softmax',
    settings: { source: 'blobs', classes: 5, noise: 20, hidden: [8, 8], activation: 'relu', optimizer: 'adam', learningRate: 0.01, speed: 20 },
  },
  regression: {
    label: 'Regression: Gaussian bumps',
    settings: { source: 'reg-gauss', hidden: [8, 8], optimizer: 'adam', learningRate: 0.01, speed: 20 },
  },
  sine: {
    label: 'Fit a sine curve',
    settings: { source: 'sine', noise: 10, hidden: [16, 16], optimizer: 'adam', learningRate: 0.01, speed: 20 },
  },
  digits: {
    label: 'Handwritten digits',
    settings: { source: 'digits', hidden: [32], activation: 'relu', optimizer: 'adam', learningRate: 0.003, batchSize: 32, speed: 10 },
  },
  cnn: {
    label: 'Digits: a convolutional network',
    settings: { source: 'digits', kind: 'cnn', optimizer: 'adam', learningRate: 0.01, batchSize: 32, speed: 20 },
  },
  rnn: {
    label: 'Sequences: predict a sine wave (RNN)',
    settings: { source: 'sine-seq', kind: 'rnn', optimizer: 'adam', learningRate: 0.01, batchSize: 32, speed: 20 },
  },
  majority: {
    label: 'Sequences: count the bits (RNN)',
    settings: { source: 'seq-majority', kind: 'rnn', samples: 1000, optimizer: 'adam', learningRate: 0.01, batchSize: 32, speed: 20 },
  },
  lesson: {
    label: 'Lesson 1: linear regression',
    // The article's setup: full batch (all 4 rows) from zero weights. 0.01
    // converges; the article's own 0.1 diverges, which the lesson lets a
    // learner try.
    settings: { source: 'article-linear', kind: 'linear', optimizer: 'sgd', learningRate: 0.01, batchSize: 4, speed: 5, loss: 'auto' },
  },
};

export function presetSettings(name) {
  const p = PRESETS[name];
  if (!p) return null;
  return fixSettings({ ...defaultSettings(), ...structuredClone(p.settings) }).settings;
}

export const taskOf = (settings) => sourceOf(settings).task;
export const isLesson = (settings) => settings.source === 'article-linear';
// Settings that take effect without a new session.
export const LIVE_KEYS = new Set(['learningRate', 'speed', 'showVal', 'discretize', 'logScale', 'large']);

// Make a combination the engine accepts: a model kind for the task, no
// cross-entropy for regression, at least one feature. Returns the fixed
// settings and what was changed (so a shared link can say so).
export function fixSettings(input) {
  const s = { ...input, split: [...input.split], features: [...input.features], hidden: [...input.hidden] };
  const changes = [];
  const task = taskOf(s);
  if (task === 'classification' && s.kind === 'linear') {
    s.kind = 'logistic';
    changes.push("model 'linear' is for regression, so 'logistic' is used");
  }
  if (task === 'regression' && s.kind === 'logistic') {
    s.kind = 'linear';
    changes.push("model 'logistic' is for classification, so 'linear' is used");
  }
  if (task === 'regression' && s.loss === 'cross-entropy') {
    s.loss = 'auto';
    changes.push('cross-entropy needs classes, so the loss is MSE');
  }
  if (s.kind === 'cnn' && s.source !== 'digits') {
    s.kind = 'mlp';
    changes.push("model 'cnn' needs images (the digits), so 'mlp' is used");
  }
  if (s.kind === 'rnn' && !sourceInfo(s.source).seq) {
    s.kind = 'mlp';
    changes.push("model 'rnn' needs a sequence set, so 'mlp' is used");
  }
  if (s.features.length === 0) s.features = ['x1', 'x2'];
  return { settings: s, changes };
}

// The rows the engine will put in the training split (split.rs): validation
// and test are rounded, any fraction above 0 keeps at least one row, and
// training gets the rest.
export function trainSize(settings) {
  const src = sourceOf(settings);
  if (src.fixedSplit) return src.fixedSplit[0];
  const n = src.fixed ? src.rows : settings.samples;
  const [tr, va, te] = settings.split;
  const total = tr + va + te;
  const count = (f) => (f > 0 ? Math.min(n, Math.max(1, Math.round((f / total) * n))) : 0);
  let v = count(va);
  let t = count(te);
  while (v + t > 0 && v + t >= n) {
    if (v >= t) v -= 1;
    else t -= 1;
  }
  return n - v - t;
}

// The batch the engine gets: never more than the training set holds.
export const effectiveBatch = (settings) => Math.max(1, Math.min(settings.batchSize, trainSize(settings)));

// Settings → the engine's Session config (see the engine contract).
export function toConfig(settings) {
  const src = sourceOf(settings);
  const data = { source: src.name };
  if (!src.fixed) {
    data.samples = settings.samples;
    data.noise = settings.noise / 100;
    const [tr, va, te] = settings.split;
    const total = tr + va + te;
    // Fractions that add up to exactly 1 in floating point.
    const train = tr / total;
    const val = va / total;
    data.split = { train, val, test: Math.max(0, 1 - train - val) };
  } else if (src.name === 'digits' || src.csv) {
    const [tr, va, te] = settings.split;
    const total = tr + va + te;
    data.split = { train: tr / total, val: va / total, test: Math.max(0, 1 - tr / total - va / total) };
  }
  if (src.classes) data.classes = settings.classes;
  if (src.csv) Object.assign(data, { csvId: src.csv.id, target: src.csv.target, task: src.csv.task, missing: src.csv.missing });
  if (src.seq) data.window = settings.window;
  if (src.noNoise) delete data.noise;
  if (src.name === 'sine-seq' && settings.mix) data.mix = true;
  if (settings.normalize !== 'auto') data.normalize = settings.normalize;
  if (src.dims === 2 && !src.fixed) data.features = FEATURES.filter((f) => settings.features.includes(f));

  const model = { kind: settings.kind, activation: settings.activation, init: settings.init };
  if (settings.kind === 'mlp') model.hidden = [...settings.hidden];
  // The CNN: one conv layer, ReLU, 2×2 max pooling; the engine adds the output layer.
  if (settings.kind === 'cnn') model.layers = [{ type: 'conv2d', filters: settings.filters, kernel: 3, padding: 'same', activation: 'relu' }, { type: 'maxpool', size: 2 }];
  if (settings.kind === 'rnn') model.hidden = [settings.stateSize];

  const train = {
    optimizer: settings.optimizer,
    learningRate: settings.learningRate,
    batchSize: effectiveBatch(settings),
    l1: settings.regularization === 'l1' ? settings.regRate : 0,
    l2: settings.regularization === 'l2' ? settings.regRate : 0,
  };
  if (settings.loss !== 'auto') train.loss = settings.loss;
  // Backpropagation through time can blow up a gradient; clipping its norm keeps one bad batch from wrecking the run.
  if (settings.kind === 'rnn') train.clipNorm = 1;
  return { seed: settings.seed, data, model, train };
}

export function initialState(settings) {
  return {
    settings,
    gen: 0, // the session the frames belong to (main.js counts resets)
    ready: false, // the worker has a session
    config: null, // the engine config of the session shown
    playing: false,
    info: null,
    dataset: null, // { train, val, test?, domain, yScale }: points to draw
    reference: null, // least squares, lesson only
    frame: null, // the latest frame from the worker
    series: null, // loss and accuracy curves: { step, trainLoss, valLoss, trainAccuracy, valAccuracy }
    boundary: null, // { values, n, step }: the output over the input plane
    units: null, // { res, dims, layers: [{ name, width, values }] }: every unit over the plane
    evaluation: null, // validation metrics (and predictions for regression)
    samples: null, // digits: predictions for the sample images
    curve: null, // 1-D: predictions along x
    lessonPredictions: null, // lesson: predictions for its rows, and its test MSE
    inspection: null, // digits: one image through the model (deep.js asks the worker)
    sequence: null, // sequence sets: the series, predictions and hidden state (deep.js)
    testResult: null, // set by "Evaluate on test set", cleared by reset
    showTest: false, // draw the test points (only once they have been evaluated)
    thumbnails: null, // a small picture of each data set
    focus: null, // the network unit under the pointer: { layer, unit }
    // A failed command, by source ('reset', 'learningRate', ...); shown until that command succeeds.
    commandError: null,
    notice: '', // e.g. a shared link that could not be used as it was
  };
}

// A tiny store: set() merges a patch and tells subscribers once per animation
// frame, however many messages arrived in between.
export function createStore(state) {
  const listeners = new Set();
  let scheduled = false;
  const notify = () => {
    scheduled = false;
    for (const fn of listeners) fn(state);
  };
  return {
    get: () => state,
    set(patch) {
      Object.assign(state, patch);
      if (!scheduled) {
        scheduled = true;
        requestAnimationFrame(notify);
      }
    },
    subscribe(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
  };
}

// The message the error region shows, or '' when all is well.
export function errorText(state) {
  if (state.commandError) return state.commandError.message;
  const f = state.frame;
  if (f && f.diverged) {
    const grew = Number.isFinite(f.trainLoss)
      ? `grew to ${formatNumber(f.trainLoss)} instead of shrinking (left running, it overflows to NaN, as in TensorFlow.js)`
      : 'grew until it was no longer a number (NaN)';
    const smaller = formatNumber(f.learningRate / 10);
    return (
      `Training diverged at step ${f.step}: with learning rate ${f.learningRate} every update overshoots the ` +
      `minimum by more than the one before, so the loss ${grew}. Training is paused. ` +
      `Try a smaller learning rate, e.g. ${smaller}, then press Reset.`
    );
  }
  return '';
}
