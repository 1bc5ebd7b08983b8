// Every lesson, in the article's order (issue 14). A lesson is data, one
// file each: { id, settings, steps }, where
//   settings   the setup the lesson opens with (page settings, state.js)
//   steps      [{ show, settings?, hide?, formula?, check, e2e? }]:
//     show      the panels the step talks about, by data-testid, in order
//               (lesson-mode.js puts them beside the lesson's text)
//     settings  what entering the step applies (a patch of page settings)
//     hide      controls (data-testids) the step keeps out of the way
//     formula   (s, fmt) → HTML: the step's formula with the live numbers of
//               the frame s (the store's state; every number from the engine)
//     check     lessons/checks.js: what the learner must do before Next
// Its words are keys of the string table: lesson.ID.title,
// lesson.ID.N.title, lesson.ID.N (the step's text, HTML), lesson.ID.N.check
// (shown until the check holds) and lesson.ID.N.done (once it does), N from 1.

import linear from './linear.js';
import gradientDescent from './gradient-descent.js';
import logistic from './logistic.js';
import preprocessing from './preprocessing.js';
import building from './building.js';
import backprop from './backprop.js';
import validation from './validation.js';
import testing from './testing.js';
import cnn from './cnn.js';
import rnn from './rnn.js';
import interpretability from './interpretability.js';
import privacy from './privacy.js';
import compute from './compute.js';

export const LESSONS = [linear, gradientDescent, logistic, preprocessing, building, backprop, validation, testing, cnn, rnn, interpretability, privacy, compute].filter((l) => l.steps.length > 0);

// The first lesson was the preset `lesson`; its old links (#preset=lesson) open it.
export const OLD_PRESET = Object.freeze({ preset: 'lesson', lesson: linear.id });

export const lessonById = (id) => LESSONS.find((l) => l.id === id) || null;

// The settings a lesson has at step n (from 1): its own, then each step's
// patch up to n. Opening a lesson at a step from a link, or going back a
// step, gives the setup a learner walking there would have had.
export function settingsAt(lesson, n) {
  const out = { ...lesson.settings };
  for (const step of lesson.steps.slice(0, n)) Object.assign(out, step.settings || {});
  return out;
}

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
