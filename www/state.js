// The whole page state in one object, so every view draws from the same
// snapshot. `settings` is what a teacher shares: it round-trips through
// location.hash (hash.js) and becomes the engine's config (toConfig). The
// rest is what the worker last reported. Views never change state; main.js
// does, from user input and worker messages.
//
// What the engine offers (data sets, models, optimizers, ranges, defaults)
// comes from the catalog (catalog.js); the page's own choices (the opening
// setup, the presets, the CNN) from presets.js.

import { formatNumber } from './format.js';
import { phrase } from './strings/phrase.js';
import {
  catalog, limits, ids, sourceEntry, modelEntry, optimizerEntry, modelFits, defaultOf, CSV_SOURCE, BUILT_IN, SETTINGS,
} from './catalog.js';
import { OPENING, PRESETS, cnnLayers } from './presets.js';
import { frameReset } from './frame-protocol.js';

// Updates per frame the speed control offers; 5 lets a learner watch the
// loss fall over several seconds, 1000 is for impatient projectors.
export const SPEEDS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000];

// The page's own choices beside the catalog's: 'auto' leaves the engine its
// default; regularization is train.l1 or train.l2 at the chosen rate.
export const NORMALIZE = ['auto', ...ids(catalog.normalizations)];
export const LOSSES = ['auto', ...ids(catalog.losses)];
export const REGULARIZATIONS = ['none', 'l1', 'l2'];

// The data settings the page has controls and link keys of its own for;
// any other setting a source lists (e.g. checkerboard's `tiles`) gets a
// generic control and is kept in settings.dataSettings[name]. Noise is a
// percentage on the page (Playground's 0..50 slider), a fraction in the engine.
export const NAMED_SETTINGS = new Set(['samples', 'noise', 'classes', 'window', 'mix']);
export const isNamedSetting = (name) => NAMED_SETTINGS.has(name);

// The model kind whose config is a list of hidden layers (model.hidden), the
// one the hidden-layer controls edit: the catalog says which.
export const MLP = catalog.models.find((m) => m.hidden === 'layers')?.id;

const settingDefault = (name) => defaultOf(SETTINGS.get(name));

export const DEFAULTS = Object.freeze({
  source: OPENING.source,
  classes: settingDefault('classes') ?? 3,
  noise: Math.round((settingDefault('noise') ?? 0) * 100),
  samples: settingDefault('samples') ?? 500,
  split: Object.freeze([70, 15, 15]), // percent train / validation / test
  seed: 1,
  normalize: 'auto',
  features: OPENING.features,
  kind: OPENING.kind,
  hidden: OPENING.hidden,
  activation: OPENING.activation,
  init: OPENING.init,
  loss: 'auto',
  optimizer: OPENING.optimizer,
  learningRate: OPENING.learningRate,
  batchSize: limits.batchSize.default,
  regularization: 'none',
  regRate: 0,
  window: settingDefault('window') ?? 20, // sequence sets: steps a row
  mix: settingDefault('mix') ?? false, // a second frequency, where a set offers it
  dataSettings: Object.freeze({}), // other data settings set by the learner, by name
  hyper: Object.freeze({}), // optimizer hyperparameters set by the learner, by name
  filters: OPENING.filters, // cnn: filters of its conv layer
  stateSize: limits.rnnState.default, // rnn: units of its hidden state
  speed: 5,
  showVal: false,
  discretize: false,
  logScale: true,
  large: false,
  // Inside one step (issue 13): the landscape's plane while it is shown
  // ('path', 'random', 'axes'), and the race ({ setting, values }).
  landscape: null,
  race: null,
  // Early stopping (train.earlyStopping): { patience, minDelta } or null.
  earlyStopping: null,
  // Lessons (issue 14): the lesson open (its id) and its step (from 1), the
  // control testids a teacher hid, and presenter mode.
  lesson: null,
  lessonStep: 1,
  // The page's language when chosen by a link or the picker (null: the
  // browser's, strings/index.js preferred()).
  lang: null,
  hide: Object.freeze([]),
  present: false,
});

const cloneSettings = (s) => ({
  ...s, split: [...s.split], features: [...s.features], hidden: [...s.hidden], dataSettings: { ...s.dataSettings }, hyper: { ...s.hyper },
  race: s.race ? { setting: s.race.setting, values: structuredClone(s.race.values) } : null,
  earlyStopping: s.earlyStopping ? { ...s.earlyStopping } : null,
  hide: [...(s.hide || [])],
});
export const defaultSettings = () => cloneSettings(DEFAULTS);

export { PRESETS };

export function presetSettings(name) {
  const p = PRESETS[name];
  if (!p) return null;
  return fixSettings({ ...defaultSettings(), ...structuredClone(p.settings) }).settings;
}

// The catalog entry of these settings' data set: a built-in one, or the
// learner's own CSV file (settings.csv: { id, name, rows, target, task,
// missing }; its text stays in the worker, yourdata.js), whose task and
// rows are the file's.
export function sourceOf(settings) {
  const c = settings.source === 'csv' ? settings.csv : null;
  if (!c) return sourceEntry(settings.source) || BUILT_IN[0];
  return { settings: [], splitApplies: true, ...CSV_SOURCE, id: 'csv', task: c.task, rows: c.rows, csv: c };
}

export const taskOf = (settings) => sourceOf(settings).task;
// Settings that take effect without a new session.
export const LIVE_KEYS = new Set(['learningRate', 'speed', 'showVal', 'discretize', 'logScale', 'large', 'landscape', 'race', 'lesson', 'lessonStep', 'hide', 'present', 'lang']);

// The value of a data setting in these settings (page units: noise in %).
export function settingValue(settings, entry) {
  if (isNamedSetting(entry.name)) return settings[entry.name];
  return settings.dataSettings?.[entry.name] ?? defaultOf(entry);
}

// The value of an optimizer hyperparameter: the learner's, or the engine's default.
export const hyperValue = (settings, entry) => settings.hyper?.[entry.name] ?? defaultOf(entry);

// "classification and regression", as a phrase.
const tasksPhrase = (tasks) => (tasks.length === 2 ? phrase('fix.tasks.both', { a: phrase(`fix.task.${tasks[0]}`), b: phrase(`fix.task.${tasks[1]}`) }) : phrase(`fix.task.${tasks[0]}`));

// Make a combination the engine accepts: a model kind for the task and the
// data, a loss for the task, at least one feature. Returns the fixed
// settings and what was changed (so a shared link can say so).
export function fixSettings(input) {
  const s = cloneSettings(input);
  const changes = [];
  const src = sourceOf(s);
  const task = src.task;
  const model = modelEntry(s.kind);
  if (model && !modelFits(model, src, task)) {
    // The first kind that fits and can do what this one could (cnn → mlp),
    // else the first that fits (linear ⇄ logistic).
    const fits = catalog.models.filter((m) => modelFits(m, src, task));
    const next = fits.find((m) => model.tasks.every((t) => m.tasks.includes(t))) || fits[0];
    if (next) {
      const why = task && !model.tasks.includes(task) ? 'fix.model.task'
        : model.needs === 'image' ? 'fix.model.images' : model.needs === 'sequence' ? 'fix.model.sequence' : 'fix.model.data';
      changes.push(phrase(why, { kind: s.kind, next: next.id, tasks: tasksPhrase(model.tasks) }));
      s.kind = next.id;
    }
  }
  const loss = catalog.losses.find((l) => l.id === s.loss);
  if (loss && task && !loss.tasks.includes(task)) {
    changes.push(phrase('fix.loss', { loss: s.loss, tasks: tasksPhrase(loss.tasks) }));
    s.loss = 'auto';
  }
  if (s.features.length === 0) s.features = [...DEFAULTS.features];
  return { settings: s, changes };
}

// Settings → the engine's Session config (see the engine contract). Every
// data setting goes in only if the source lists it. The batch is what the
// learner asked for: the worker cuts it to the training split (worker.js).
export function toConfig(settings) {
  const src = sourceOf(settings);
  const data = { source: src.id };
  for (const entry of src.settings) {
    const v = settingValue(settings, entry);
    if (v === undefined) continue;
    data[entry.name] = entry.name === 'noise' ? v / 100 : v;
  }
  if (src.splitApplies && !src.fixedSplit) {
    const [tr, va, te] = settings.split;
    const total = tr + va + te;
    // Fractions that add up to exactly 1 in floating point.
    const train = tr / total;
    const val = va / total;
    data.split = { train, val, test: Math.max(0, 1 - train - val) };
  }
  if (src.csv) Object.assign(data, { csvId: src.csv.id, target: src.csv.target, task: src.csv.task, missing: src.csv.missing });
  if (settings.normalize !== 'auto') data.normalize = settings.normalize;
  if (src.featuresApply) data.features = ids(catalog.features).filter((f) => settings.features.includes(f));

  const model = { kind: settings.kind, activation: settings.activation, init: settings.init };
  const entry = modelEntry(settings.kind);
  // The config's shape per kind: a model that needs images gets the page's
  // CNN, one that needs sequences a hidden state; the MLP (the one kind
  // with a hidden-layer list) its layers.
  if (entry?.needs === 'image') model.layers = cnnLayers(settings.filters);
  else if (entry?.needs === 'sequence') model.hidden = [settings.stateSize];
  else if (settings.kind === MLP) model.hidden = [...settings.hidden];

  const train = {
    optimizer: settings.optimizer,
    learningRate: settings.learningRate,
    batchSize: settings.batchSize,
    l1: settings.regularization === 'l1' ? settings.regRate : 0,
    l2: settings.regularization === 'l2' ? settings.regRate : 0,
  };
  for (const h of optimizerEntry(settings.optimizer)?.hyperparameters || []) {
    if (settings.hyper?.[h.name] !== undefined) train[h.name] = settings.hyper[h.name];
  }
  if (settings.loss !== 'auto') train.loss = settings.loss;
  if (settings.earlyStopping) train.earlyStopping = { ...settings.earlyStopping };
  // Backpropagation through time can blow up a gradient; clipping its norm keeps one bad batch from wrecking the run.
  if (entry?.needs === 'sequence') train.clipNorm = 1;
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
    // The latest frame from the worker (`frame`) and the pictures frames
    // bring (series, boundary, units, ...): frame-protocol.js.
    ...frameReset(),
    inspection: null, // digits: one image through the model (deep.js asks the worker)
    sequence: null, // sequence sets: the series, predictions and hidden state (deep.js)
    testResult: null, // set by "Evaluate on test set", cleared by reset
    showTest: false, // draw the test points (only once they have been evaluated)
    thumbnails: null, // a small picture of each data set
    featureValues: null, // { n, values }: every feature over the plane, for the feature pictures
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
  // The error itself ({ code, params, message }): words() says it in the page's language.
  if (state.commandError) return state.commandError;
  const f = state.frame;
  if (f && f.diverged) {
    // A phrase (strings/phrase.js): worded by the error view, in the page's language.
    const grew = Number.isFinite(f.trainLoss) ? phrase('diverged.grew', { loss: formatNumber(f.trainLoss) }) : phrase('diverged.nan');
    return phrase('diverged', { step: f.step, learningRate: String(f.learningRate), grew, smaller: formatNumber(f.learningRate / 10) });
  }
  return '';
}
