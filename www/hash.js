// Settings ⇄ location.hash, so a link opens exactly this setup (as
// TensorFlow Playground's links do). Decoding trusts nothing: every value is
// checked against the list or range the page offers, and whatever fails falls
// back to its default with a reason the page shows. Values are only ever
// compared and parsed, never put into HTML.

import {
  DEFAULTS, SOURCES, FEATURES, KINDS, ACTIVATIONS, INITS, OPTIMIZERS, NORMALIZE, LOSSES, REGULARIZATIONS,
  SPEEDS, MAX_LAYERS, MAX_UNITS, MAX_SAMPLES, MAX_BATCH, PRESETS, FILTERS, MAX_WINDOW, MAX_STATE, defaultSettings, presetSettings, fixSettings,
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
const num = (lo, hi, open = false) => ({
  parse: (t) => {
    if (!/^[0-9.e+-]{1,24}$/i.test(t)) return undefined;
    const v = Number(t);
    return Number.isFinite(v) && (open ? v > lo : v >= lo) && v <= hi ? v : undefined;
  },
  show: String,
  want: `a number ${open ? 'above' : 'from'} ${lo}${open ? ' and at most' : ' to'} ${hi}`,
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

// Hash key → [settings key, codec]. Short keys keep links readable.
const FIELDS = {
  data: ['source', oneOf(SOURCES.map((s) => s.name))],
  classes: ['classes', int(2, 8)],
  noise: ['noise', int(0, 50)],
  samples: ['samples', int(10, MAX_SAMPLES)],
  split: ['split', list(int(0, 100), { min: 3, max: 3 })],
  seed: ['seed', int(0, 2 ** 31 - 1)],
  normalize: ['normalize', oneOf(NORMALIZE)],
  features: ['features', list(oneOf(FEATURES), { min: 1, max: FEATURES.length, unique: true })],
  model: ['kind', oneOf(KINDS)],
  hidden: ['hidden', list(int(1, MAX_UNITS), { min: 0, max: MAX_LAYERS })],
  activation: ['activation', oneOf(ACTIVATIONS)],
  init: ['init', oneOf(INITS)],
  loss: ['loss', oneOf(LOSSES)],
  optimizer: ['optimizer', oneOf(OPTIMIZERS)],
  lr: ['learningRate', num(0, 10, true)],
  batch: ['batchSize', int(1, MAX_BATCH)],
  reg: ['regularization', oneOf(REGULARIZATIONS)],
  regRate: ['regRate', num(0, 10)],
  window: ['window', int(2, MAX_WINDOW)],
  mix: ['mix', bool],
  filters: ['filters', { ...int(1, 16), parse: (t) => (FILTERS.map(String).includes(t) ? Number(t) : undefined), want: `one of ${FILTERS.join(', ')}` }],
  state: ['stateSize', int(1, MAX_STATE)],
  speed: ['speed', { ...int(1, 1000), parse: (t) => (SPEEDS.map(String).includes(t) ? Number(t) : undefined), want: `one of ${SPEEDS.join(', ')}` }],
  showVal: ['showVal', bool],
  discretize: ['discretize', bool],
  log: ['logScale', bool],
  large: ['large', bool],
};

export function encodeHash(settings) {
  const parts = [];
  for (const [key, [field, codec]] of Object.entries(FIELDS)) {
    // '%2C' for ',' would make links unreadable; the values never contain '&' or '='.
    parts.push(`${key}=${encodeURIComponent(codec.show(settings[field])).replace(/%2C/g, ',')}`);
  }
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
  if (presetName !== null) {
    if (Object.hasOwn(PRESETS, presetName)) settings = presetSettings(presetName);
    else problems.push(`there is no preset called "${clip(presetName)}"`);
  }
  // A CSV file never leaves the tab it was opened in, so no link carries it.
  if (params.get('data') === 'csv') {
    problems.push('this link was made with a CSV file of its own, which a link cannot carry (the file never leaves the tab it was loaded in): load it again under "Your data"');
    params.delete('data');
  }
  const seen = new Set();
  for (const [key, value] of params) {
    if (key === 'preset') continue;
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
