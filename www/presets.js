// Teaching content: the page's opening setup, the presets a teacher opens in
// one click, the first lesson's setup and the page's convolutional network.
// They name engine ids (data sets, models, activations, optimizers) because
// choosing them is the lesson; everything else on the page reads ids from
// the catalog (www/catalog.js), and tests/e2e/catalog.test.mjs exempts only
// this file (and the label table) from its search for hard-coded ids. It
// also checks that every preset here uses only catalog ids and that each
// one builds a session.

// TensorFlow Playground's opening picture: two rings, a 4-2 tanh network,
// plain SGD at Playground's 0.03. (Settings the engine has defaults for,
// such as samples or the batch size, come from the catalog: state.js.)
export const OPENING = Object.freeze({
  source: 'circle',
  features: Object.freeze(['x1', 'x2']),
  kind: 'mlp',
  hidden: Object.freeze([4, 2]),
  activation: 'tanh',
  init: 'auto',
  optimizer: 'sgd',
  learningRate: 0.03,
  filters: 8, // the CNN's convolution filters (the engine's digits default)
});

// The page's CNN: one 3×3 convolution, ReLU, 2×2 max pooling; the engine
// adds the output layer.
export function cnnLayers(filters) {
  return [
    { type: 'conv2d', filters, kernel: 3, padding: 'same', activation: 'relu' },
    { type: 'maxpool', size: 2 },
  ];
}

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
  // The article's linear regression on the playground, every panel in view
  // (the lesson on it is lessons/linear.js; `#preset=lesson` opens that).
  article: {
    label: "The article's linear regression",
    // The article's setup: full batch (all 4 rows) from zero weights. 0.01
    // converges; the article's own 0.1 diverges.
    settings: { source: 'article-linear', kind: 'linear', optimizer: 'sgd', learningRate: 0.01, batchSize: 4, speed: 5, loss: 'auto' },
  },
};

// "Is this the lesson?", asked of an engine config, here and only here.
// The lesson's data: the worker sends its test rows and the least-squares
// reference, and the Output panel draws the fit.
const LESSON = PRESETS.article.settings;
export const isLessonData = (config) => config?.data?.source === LESSON.source;
// The lesson itself: its data with its model, so its tables (which explain
// a linear model's w and b) apply.
export const isLesson = (config) => isLessonData(config) && config.model?.kind === LESSON.kind;
