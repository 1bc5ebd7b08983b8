// Settings ⇄ location.hash, so a link opens exactly this setup (as
// TensorFlow Playground's links do). Decoding trusts nothing: every value is
// checked against the list or range the page offers, and whatever fails falls
// back to its default with a reason the page shows. Values are only ever
// compared and parsed, never put into HTML.

import { catalog, limits, ids, BUILT_IN, SETTINGS, HYPERS, RACE, optimizerEntry, inRange, rangeText } from './catalog.js';
import { lessonById, settingsAt, HIDEABLE, OLD_PRESET } from './lessons/index.js';
import { LANGUAGES } from './strings/languages.js';
import {
  DEFAULTS, NORMALIZE, LOSSES, REGULARIZATIONS, SPEEDS, PRESETS, defaultSettings, presetSettings, fixSettings, sourceOf, isNamedSetting,
} from './state.js';

const MAX_HASH = 2000; // a real link is a few hundred characters

const oneOf = (list) => ({
  parse: (t) => (list.includes(t) ? t : undefined),
  show: String,
  want: `one of ${list.join(', ')}`,
});
const int = (lo, hi) => ({
  parse: (t) => (/^\d{1,10}$/.test(t) && Number(t) >= lo && Number(t) <= hi ? Number(t) : undefined),
  show: String,
  want: `a whole number from ${lo} to ${hi}`,
});
// A number within a catalog range ({ min, max, minExclusive, maxExclusive }).
const num = (range) => ({
  parse: (t) => {
    if (!/^[0-9.e+-]{1,24}$/i.test(t)) return undefined;
    const v = Number(t);
    return inRange(v, range) ? v : undefined;
  },
  show: String,
  want: rangeText(range),
});
const bool = {
  parse: (t) => (t === '1' ? true : t === '0' ? false : undefined),
  show: (v) => (v ? '1' : '0'),
  want: '0 or 1',
};
const list = (item, { min, max, unique = false }) => ({
  parse: (t) => {
    const parts = t === '' ? [] : t.split(',');
    if (parts.length < min || parts.length > max) return undefined;
    const out = parts.map((p) => item.parse(p.trim()));
    if (out.some((v) => v === undefined)) return undefined;
    if (unique && new Set(out).size !== out.length) return undefined;
    return out;
  },
  show: (v) => v.join(','),
  want: `${min === max ? min : `${min} to ${max}`} comma-separated values, each ${item.want}`,
});
const choice = (values) => ({ ...oneOf(values.map(String)), parse: (t) => (values.map(String).includes(t) ? Number(t) : undefined) });

// A catalog setting or hyperparameter ({ type: 'count' | 'number' | 'flag',
// min, max, ui? }) → its codec; a link may ask for what the controls offer (ui).
function codecOf(entry) {
  if (entry.type === 'flag') return bool;
  const r = { ...entry, ...(entry.ui || {}) };
  if (entry.type === 'count') return int(Math.ceil(r.min ?? 0), Math.floor(r.max ?? 2 ** 31 - 1));
  return num(r);
}
const setting = (name) => SETTINGS.get(name) || { type: 'count', min: 0, max: 0 };
const noise = setting('noise');
const noiseMax = Math.round(((noise.ui || noise).max ?? 0) * 100);

// Hash key → [settings key, codec]. Short keys keep links readable. Every
// choice and range is the catalog's; these keys are part of every link
// ever shared, so they never change.
const FIELDS = {
  data: ['source', oneOf(ids(BUILT_IN))],
  classes: ['classes', codecOf(setting('classes'))],
  noise: ['noise', int(0, noiseMax)], // percent
  samples: ['samples', codecOf(setting('samples'))],
  split: ['split', list(int(Math.round(limits.split.min * 100), Math.round(limits.split.max * 100)), { min: 3, max: 3 })],
  seed: ['seed', int(0, 2 ** 31 - 1)],
  normalize: ['normalize', oneOf(NORMALIZE)],
  features: ['features', list(oneOf(ids(catalog.features)), { min: 1, max: catalog.features.length, unique: true })],
  model: ['kind', oneOf(ids(catalog.models))],
  hidden: ['hidden', list(int(limits.units.min, limits.units.max), { min: limits.hiddenLayers.min, max: limits.hiddenLayers.max })],
  activation: ['activation', oneOf(ids(catalog.activations))],
  init: ['init', oneOf(ids(catalog.inits))],
  loss: ['loss', oneOf(LOSSES)],
  optimizer: ['optimizer', oneOf(ids(catalog.optimizers))],
  lr: ['learningRate', num(limits.learningRate)],
  batch: ['batchSize', int(limits.batchSize.min, limits.batchSize.max)],
  reg: ['regularization', oneOf(REGULARIZATIONS)],
  regRate: ['regRate', num(limits.regularization)],
  window: ['window', codecOf(setting('window'))],
  mix: ['mix', bool],
  filters: ['filters', choice(limits.cnnFilters.suggested)],
  state: ['stateSize', int(limits.rnnState.min, limits.rnnState.ui?.max ?? limits.rnnState.max)],
  speed: ['speed', choice(SPEEDS)],
  showVal: ['showVal', bool],
  discretize: ['discretize', bool],
  log: ['logScale', bool],
  large: ['large', bool],
};

// Race lanes (issue 13): `race=SETTING:V1,V2,...`, each value as that
// setting's own link key reads it (a hidden-layer list with '-' between
// the layers: `race=hidden:8,8-8`). Written only while a race is set up.
const RACE_VALUE = {
  learningRate: FIELDS.lr[1],
  optimizer: FIELDS.optimizer[1],
  batchSize: FIELDS.batch[1],
  normalize: oneOf(ids(catalog.normalizations)),
  init: FIELDS.init[1],
  activation: FIELDS.activation[1],
  hidden: {
    parse: (t) => FIELDS.hidden[1].parse(t.split('-').join(',')),
    show: (v) => v.join('-'),
    want: `layer sizes joined by '-' (${limits.units.min} to ${limits.units.max} units each)`,
  },
};
export const raceCodec = {
  // 'learningRate:0.001,0.01' → { setting, values } or a reason (a string).
  parse(t) {
    const m = /^([A-Za-z]{1,20}):(.{1,400})$/.exec(t);
    if (!m) return `race "${clip(t)}" is not SETTING:VALUE,VALUE,...`;
    const [, setting, list] = m;
    if (!RACE.settings.includes(setting) || !RACE_VALUE[setting]) return `race setting "${clip(setting)}" is not one of ${RACE.settings.join(', ')}`;
    const parts = list.split(',').map((p) => p.trim());
    const { min, max } = RACE.lanes;
    if (parts.length < min || parts.length > max) return `race ${setting} needs ${min} to ${max} values, got ${parts.length}`;
    const codec = RACE_VALUE[setting];
    const values = [];
    for (const p of parts) {
      const v = codec.parse(p);
      if (v === undefined) return `race ${setting} value "${clip(p)}" is not ${codec.want}`;
      values.push(v);
    }
    if (new Set(values.map((v) => JSON.stringify(v))).size !== values.length) return `race ${setting} repeats a value`;
    return { setting, values };
  },
  show: (r) => `${r.setting}:${r.values.map((v) => RACE_VALUE[r.setting].show(v)).join(',')}`,
  showValues: (r) => r.values.map((v) => RACE_VALUE[r.setting].show(v)).join(','),
};
const LANDSCAPE = ['path', 'random', 'axes'];

// Lessons and teacher controls (issue 14): `lesson=ID&step=N` (N from 1),
// `hide=TESTID,...`, `present=1`; and early stopping, `early=PATIENCE,MINDELTA`.
const EARLY = list(num({ min: 0 }), { min: 1, max: 2 });
const LESSON_KEYS = new Set(['lesson', 'step', 'hide', 'present', 'early', 'lang']);
function readTeacher(params, settings, problems) {
  const lang = params.get('lang');
  if (lang !== null) {
    if (LANGUAGES.includes(lang)) settings.lang = lang;
    else problems.push(`lang "${clip(lang)}" is not one of ${LANGUAGES.join(', ')}`);
  }
  const hide = params.get('hide');
  if (hide !== null) {
    const names = hide === '' ? [] : hide.split(',').map((n) => n.trim());
    settings.hide = [];
    for (const n of names) {
      if (HIDEABLE.includes(n)) { if (!settings.hide.includes(n)) settings.hide.push(n); }
      else problems.push(`hide "${clip(n)}" is not a control a link can hide`);
    }
  }
  const present = params.get('present');
  if (present !== null) {
    const v = bool.parse(present);
    if (v === undefined) problems.push(`present "${clip(present)}" is not ${bool.want}`);
    else settings.present = v;
  }
  const early = params.get('early');
  if (early !== null) {
    const v = EARLY.parse(early);
    const p = limits.patience ?? { min: 1, max: 1000 };
    if (v === undefined || !Number.isInteger(v[0]) || v[0] < p.min || v[0] > p.max) {
      problems.push(`early "${clip(early)}" is not a patience from ${p.min} to ${p.max} epochs, optionally with a minimum improvement (early=5,0.001)`);
    } else settings.earlyStopping = { patience: v[0], minDelta: v[1] ?? 0 };
  }
}

// Keys for what the catalog adds beyond FIELDS, carried generically: a data
// setting the page has no control of its own for (checkerboard's
// `tiles=4`) and each optimizer hyperparameter (`weightDecay=0.01`), under
// its own name, or `opt-NAME` should that name already be a key. Only the
// values a learner set are written, and only those that apply to the
// link's data set and optimizer.
const EXTRA = new Map(); // hash key → { kind: 'data' | 'hyper', name }
for (const name of SETTINGS.keys()) if (!isNamedSetting(name)) EXTRA.set(Object.hasOwn(FIELDS, name) ? `data-${name}` : name, { kind: 'data', name });
for (const name of HYPERS.keys()) EXTRA.set(Object.hasOwn(FIELDS, name) || EXTRA.has(name) ? `opt-${name}` : name, { kind: 'hyper', name });
const keyOf = new Map([...EXTRA].map(([key, e]) => [`${e.kind}:${e.name}`, key]));

export function encodeHash(settings) {
  const parts = [];
  for (const [key, [field, codec]] of Object.entries(FIELDS)) {
    // '%2C' for ',' would make links unreadable; the values never contain '&' or '='.
    parts.push(`${key}=${encodeURIComponent(codec.show(settings[field])).replace(/%2C/g, ',')}`);
  }
  for (const entry of sourceOf(settings).settings) {
    const v = settings.dataSettings?.[entry.name];
    if (!isNamedSetting(entry.name) && v !== undefined) parts.push(`${keyOf.get(`data:${entry.name}`)}=${codecOf(entry).show(v)}`);
  }
  for (const entry of optimizerEntry(settings.optimizer)?.hyperparameters || []) {
    const v = settings.hyper?.[entry.name];
    if (v !== undefined) parts.push(`${keyOf.get(`hyper:${entry.name}`)}=${codecOf(entry).show(v)}`);
  }
  if (settings.landscape) parts.push(`landscape=${settings.landscape}`);
  if (settings.race) parts.push(`race=${raceCodec.show(settings.race)}`);
  if (settings.earlyStopping) parts.push(`early=${settings.earlyStopping.patience},${settings.earlyStopping.minDelta}`);
  if (settings.lesson) parts.push(`lesson=${settings.lesson}`, `step=${settings.lessonStep}`);
  if (settings.hide?.length) parts.push(`hide=${settings.hide.join(',')}`);
  if (settings.present) parts.push('present=1');
  if (settings.lang) parts.push(`lang=${settings.lang}`);
  return `#${parts.join('&')}`;
}

// → { settings, problems: [reason...] }. An empty hash is the defaults with
// no problems; `#preset=NAME` is a preset, optionally with overrides.
export function decodeHash(hash) {
  const problems = [];
  let text = String(hash || '').replace(/^#/, '');
  if (text.length > MAX_HASH) {
    return { settings: defaultSettings(), problems: [`the link's settings are ${text.length} characters long, more than a real link has`] };
  }
  let params;
  try {
    params = new URLSearchParams(text);
  } catch {
    return { settings: defaultSettings(), problems: ['the link\'s settings could not be read'] };
  }
  let settings = defaultSettings();
  const presetName = params.get('preset');
  // The first lesson was the preset `lesson`: its old links open the lesson.
  const lessonName = params.get('lesson') ?? (presetName === OLD_PRESET.preset ? OLD_PRESET.lesson : null);
  if (presetName !== null && !(presetName === OLD_PRESET.preset && lessonName !== null)) {
    if (Object.hasOwn(PRESETS, presetName)) settings = presetSettings(presetName);
    else problems.push(`there is no preset called "${clip(presetName)}"`);
  }
  if (lessonName !== null) {
    const lesson = lessonById(lessonName);
    if (!lesson) problems.push(`there is no lesson called "${clip(lessonName)}"`);
    else {
      const stepText = params.get('step') ?? '1';
      let step = int(1, lesson.steps.length).parse(stepText);
      if (step === undefined) {
        problems.push(`step "${clip(stepText)}" is not a step of the lesson ${lesson.id} (1 to ${lesson.steps.length})`);
        step = 1;
      }
      settings = fixSettings({ ...defaultSettings(), ...structuredClone(settingsAt(lesson, step)) }).settings;
      settings.lesson = lesson.id;
      settings.lessonStep = step;
    }
  }
  if (lessonName === null && params.get('step') !== null) problems.push('step is given without a lesson');
  readTeacher(params, settings, problems);
  // A CSV file never leaves the tab it was opened in, so no link carries it.
  if (params.get('data') === 'csv') {
    problems.push('this link was made with a CSV file of its own, which a link cannot carry (the file never leaves the tab it was loaded in): load it again under "Your data"');
    params.delete('data');
  }
  const seen = new Set();
  const extras = []; // [key, value]: checked once the data set and optimizer are known
  for (const [key, value] of params) {
    if (key === 'preset' || LESSON_KEYS.has(key)) {
      if (seen.has(key)) problems.push(`${key} is given twice`);
      seen.add(key);
      continue;
    }
    if (key === 'race' || key === 'landscape') {
      if (seen.has(key)) problems.push(`${key} is given twice`);
      seen.add(key);
      if (key === 'landscape') {
        if (LANDSCAPE.includes(value)) settings.landscape = value;
        else problems.push(`landscape "${clip(value)}" is not one of ${LANDSCAPE.join(', ')}`);
      } else {
        const r = raceCodec.parse(value);
        if (typeof r === 'string') problems.push(r);
        else settings.race = r;
      }
      continue;
    }
    if (EXTRA.has(key)) {
      if (seen.has(key)) problems.push(`${key} is given twice`);
      else extras.push([key, value]);
      seen.add(key);
      continue;
    }
    if (!Object.hasOwn(FIELDS, key)) {
      problems.push(`"${clip(key)}" is not a setting`);
      continue;
    }
    if (seen.has(key)) {
      problems.push(`${key} is given twice`);
      continue;
    }
    seen.add(key);
    const [field, codec] = FIELDS[key];
    const v = codec.parse(value);
    if (v === undefined) problems.push(`${key} "${clip(value)}" is not ${codec.want}`);
    else settings[field] = v;
  }
  // Data settings and hyperparameters, against the final data set and optimizer.
  for (const [key, value] of extras) {
    const { kind, name } = EXTRA.get(key);
    const entry = kind === 'data'
      ? sourceOf(settings).settings.find((e) => e.name === name)
      : optimizerEntry(settings.optimizer)?.hyperparameters.find((e) => e.name === name);
    if (!entry) {
      problems.push(kind === 'data' ? `${key} is not a setting of the data set ${settings.source}` : `${key} is not a setting of the optimizer ${settings.optimizer}`);
      continue;
    }
    const codec = codecOf(entry);
    const v = codec.parse(value);
    if (v === undefined) problems.push(`${key} "${clip(value)}" is not ${codec.want}`);
    else if (kind === 'data') settings.dataSettings = { ...settings.dataSettings, [name]: v };
    else settings.hyper = { ...settings.hyper, [name]: v };
  }
  // Cross-field rules the single fields cannot check.
  const [tr, va, te] = settings.split;
  if (tr + va + te !== 100 || tr < 10) {
    problems.push(`split ${settings.split.join(',')} must be three percentages adding up to 100, with at least 10 for training`);
    settings.split = [...DEFAULTS.split];
  }
  const fixed = fixSettings(settings);
  if (seen.size || presetName !== null) problems.push(...fixed.changes);
  return { settings: fixed.settings, problems };
}

function clip(text) {
  const t = String(text);
  return t.length > 40 ? `${t.slice(0, 40)}…` : t;
}
