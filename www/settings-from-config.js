// An engine config (a saved model's) → the page's settings, the reverse of
// state.js toConfig: the imported model's setup shows in the controls, and
// a later change of settings starts from it. What the controls cannot show
// is named in `problems` (phrases, strings/phrase.js), never guessed at.

import { catalog, ids, limits, BUILT_IN, inRange, modelEntry, optimizerEntry, sourceEntry } from './catalog.js';
import { NORMALIZE, LOSSES, MLP, fixSettings, isNamedSetting } from './state.js';
import { phrase } from './strings/phrase.js';

// `csv`: the page's description of the model's CSV data ({ id, name, rows,
// target, task, missing }), when the config's source is a CSV file.
export function settingsFromConfig(config, base, csv = null) {
  const problems = [];
  const s = { ...base, split: [...base.split], features: [...base.features], hidden: [...base.hidden], dataSettings: {}, hyper: {} };
  const d = config.data || {};
  const m = config.model || {};
  const t = config.train || {};
  const pick = (list, value, what, key) => {
    if (value == null) return;
    if (list.includes(value)) s[key] = value;
    else problems.push(phrase(`import.${what}`, { value }));
  };

  if (d.source === 'csv' && csv) {
    s.source = 'csv';
    s.csv = csv;
  } else {
    pick(ids(BUILT_IN), d.source, 'source', 'source');
  }
  if (d.samples != null) s.samples = d.samples;
  if (d.noise != null) s.noise = Math.round(d.noise * 100);
  if (d.classes != null) s.classes = d.classes;
  if (d.split) {
    const train = Math.round(d.split.train * 100);
    const val = Math.round(d.split.val * 100);
    s.split = [train, val, Math.max(0, 100 - train - val)];
  }
  s.normalize = 'auto';
  pick(NORMALIZE, d.normalize, 'normalize', 'normalize');
  if (Array.isArray(d.features)) s.features = ids(catalog.features).filter((f) => d.features.includes(f));
  // The source's other settings (window, mix, tiles, ...), where it has them.
  if ((d.window ?? m.window) != null) s.window = d.window ?? m.window;
  if (d.mix != null) s.mix = d.mix;
  for (const e of sourceEntry(d.source)?.settings || []) {
    if (!isNamedSetting(e.name) && d[e.name] != null) s.dataSettings[e.name] = d[e.name];
  }
  s.seed = config.seed ?? 1;

  pick(ids(catalog.models), m.kind, 'kind', 'kind');
  const needs = modelEntry(m.kind)?.needs;
  if (m.kind === MLP) s.hidden = [...(m.hidden || [])];
  if (needs === 'sequence' && m.hidden?.length) s.stateSize = m.hidden[0];
  const conv = needs === 'image' ? (m.layers || []).find((l) => l.type === 'conv2d') : null;
  if (conv && conv.filters) s.filters = conv.filters;
  pick(ids(catalog.activations), m.activation, 'activation', 'activation');
  pick(ids(catalog.inits), m.init, 'init', 'init');

  pick(ids(catalog.optimizers), t.optimizer, 'optimizer', 'optimizer');
  for (const h of optimizerEntry(t.optimizer)?.hyperparameters || []) if (t[h.name] != null) s.hyper[h.name] = t[h.name];
  if (inRange(t.learningRate, limits.learningRate)) s.learningRate = Number(t.learningRate.toPrecision(6));
  else if (t.learningRate != null) problems.push(phrase('import.learningRate', { value: t.learningRate }));
  if (t.batchSize != null) s.batchSize = t.batchSize;
  s.regularization = t.l1 > 0 ? 'l1' : t.l2 > 0 ? 'l2' : 'none';
  s.regRate = t.l1 > 0 ? t.l1 : t.l2 > 0 ? t.l2 : 0;
  if (t.l1 > 0 && t.l2 > 0) problems.push(phrase('import.l1l2'));
  s.loss = 'auto';
  pick(LOSSES, t.loss, 'loss', 'loss');

  const fixed = fixSettings(s);
  return { settings: fixed.settings, problems: [...problems, ...fixed.changes] };
}
