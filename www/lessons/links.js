// What the link (hash.js) needs to know about lessons without loading any:
// the head bundle (head.js, boot.js) decodes the link before the page's
// modules run, and must stay small, so it carries this and not the lessons,
// their words and their checks (main.js hands those to hash.js, useLessons).

// The first lesson was the preset `lesson`; its old links (#preset=lesson) open it.
export const OLD_PRESET = Object.freeze({ preset: 'lesson', lesson: 'linear' });

// The controls a link's `hide=` may name (their data-testids): a teacher
// keeps a class on what the lesson is about. tests/e2e/lessons.test.mjs
// checks each one is on the page.
export const HIDEABLE = Object.freeze([
  'reset', 'play', 'step', 'learning-rate', 'speed',
  'preset', 'lesson-menu', 'export-model', 'export-onnx', 'import-model', 'download-offline', 'large-text',
  'dataset', 'classes', 'noise', 'samples', 'window', 'mix', 'split-train', 'split-val', 'seed', 'regenerate', 'normalize', 'features',
  'csv-input', 'csv-paste', 'csv-load', 'target-column', 'task', 'missing',
  'model-kind', 'activation', 'hidden-layers', 'add-layer', 'remove-layer', 'filters', 'state-size', 'init',
  'optimizer', 'batch-size', 'loss', 'regularization', 'reg-rate', 'hyperparameters',
  'show-val', 'show-test', 'discretize', 'log-scale', 'export-history', 'evaluate-test',
  'trace-row', 'trace-pick', 'trace-sample', 'trace-next', 'trace-apply', 'trace-check',
  'landscape-show', 'landscape-plane', 'race-setting', 'race-values', 'race-start', 'race-play', 'race-step', 'race-reset', 'race-end',
]);
