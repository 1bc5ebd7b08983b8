// What the engine offers: its data sets, models, activations, inits,
// losses, optimizers (with their hyperparameters), normalizations, features
// and every limit. The engine is the only place that knows; this module is
// the only place the page reads it from. The page's main thread compiles no
// wasm (its CSP), yet head.js needs the catalog before the page is laid out
// (to decode the link and send the first config), so the build writes the
// engine's own catalog() to dist/catalog.json (scripts/catalog.mjs, run
// right after wasm-pack) and esbuild bundles it here. tests/e2e/catalog.test.mjs
// fails if it differs from what the worker's wasm returns at run time.

import catalog from '../dist/catalog.json';

export { catalog };
export const limits = catalog.limits;

const byId = (list) => new Map(list.map((e) => [e.id, e]));
const SOURCES = byId(catalog.sources);
const MODELS = byId(catalog.models);
const OPTIMIZERS = byId(catalog.optimizers);

export const ids = (list) => list.map((e) => e.id);
export const sourceEntry = (id) => SOURCES.get(id) || null;
export const modelEntry = (id) => MODELS.get(id) || null;
export const optimizerEntry = (id) => OPTIMIZERS.get(id) || null;

// The sets the picker offers: every source but the learner's own file,
// which needs one loaded first (yourdata.js adds it once it has trained).
export const BUILT_IN = catalog.sources.filter((s) => s.group !== 'your-data');
export const CSV_SOURCE = catalog.sources.find((s) => s.group === 'your-data') || null;

// A data source's settings (data.samples, .noise, .classes, .window, .mix,
// ...), by name: the ones that apply to it, with their range and default.
export function settingOf(source, name) {
  return (source?.settings || []).find((s) => s.name === name) || null;
}

// An entry's default as the page holds it: a flag is true or false (the
// engine may write it as 0 or 1).
export const defaultOf = (entry) => (entry?.type === 'flag' ? !!entry.default : entry?.default);

// Every setting name any source has, with the entry of the first source
// that has it (the ranges of one name agree across sources).
export const SETTINGS = new Map();
for (const s of catalog.sources) for (const e of s.settings) if (!SETTINGS.has(e.name)) SETTINGS.set(e.name, e);

// Every hyperparameter name any optimizer has, likewise.
export const HYPERS = new Map();
for (const o of catalog.optimizers) for (const h of o.hyperparameters) if (!HYPERS.has(h.name)) HYPERS.set(h.name, h);

// Image sets are the ones with a [C, H, W] shape; a model that needs
// images (or sequences) can run only on such a set.
export const isImageSource = (source) => !!source?.shape;
export const isSequenceSource = (source) => !!source?.sequence;
export function modelFits(model, source, task) {
  if (!model || (task && !model.tasks.includes(task))) return false;
  if (model.needs === 'image') return isImageSource(source);
  if (model.needs === 'sequence') return isSequenceSource(source);
  return true;
}

// Whether `v` lies in the entry's range ({ min, max, minExclusive, maxExclusive }).
export function inRange(v, e) {
  if (!Number.isFinite(v)) return false;
  if (e.min != null && (e.minExclusive ? v <= e.min : v < e.min)) return false;
  if (e.max != null && (e.maxExclusive ? v >= e.max : v > e.max)) return false;
  return true;
}

// The range in words, for a refusal ("a number above 0 and at most 100").
export function rangeText(e, whole = false) {
  const kind = whole ? 'a whole number' : 'a number';
  if (e.min == null && e.max == null) return kind;
  if (!e.minExclusive && !e.maxExclusive && e.min != null && e.max != null) return `${kind} from ${e.min} to ${e.max}`;
  const lo = e.min == null ? null : `${e.minExclusive ? 'above' : 'at least'} ${e.min}`;
  const hi = e.max == null ? null : `${e.maxExclusive ? 'below' : 'at most'} ${e.max}`;
  return `${kind} ${[lo, hi].filter(Boolean).join(' and ')}`;
}

// Race lanes (issue 13): the settings a race may vary and how many lanes
// (catalog.race = { settings: [name, ...], lanes: { min, max } }, the race
// code's own list), and the landscape's grid sizes.
export const RACE = catalog.race;
export const SURFACE = limits.surfaceResolution;
