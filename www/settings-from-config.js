// An engine config (a saved model's) → the page's settings, the reverse of
// state.js toConfig: the imported model's setup shows in the controls, and
// a later change of settings starts from it. What the controls cannot show
// is named in `problems`, never guessed at.

import { SOURCES, FEATURES, KINDS, ACTIVATIONS, INITS, OPTIMIZERS, NORMALIZE, LOSSES, fixSettings } from './state.js';

// `csv`: the page's description of the model's CSV data ({ id, name, rows,
// target, task, missing }), when the config's source is a CSV file.
export function settingsFromConfig(config, base, csv = null) {
  const problems = [];
  const s = { ...base, split: [...base.split], features: [...base.features], hidden: [...base.hidden] };
  const d = config.data || {};
  const m = config.model || {};
  const t = config.train || {};
  const pick = (list, value, what, key) => {
    if (value == null) return;
    if (list.includes(value)) s[key] = value;
    else problems.push(`${what} '${value}'`);
  };

  if (d.source === 'csv' && csv) {
    s.source = 'csv';
    s.csv = csv;
  } else {
    pick(SOURCES.map((x) => x.name), d.source, 'data set', 'source');
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
  pick(NORMALIZE, d.normalize, 'normalization', 'normalize');
  if (Array.isArray(d.features)) s.features = FEATURES.filter((f) => d.features.includes(f));
  // Settings of the sequence and CNN sets, where the page has them.
  if ('window' in s && (d.window ?? m.window) != null) s.window = d.window ?? m.window;
  if ('mix' in s && d.mix != null) s.mix = d.mix;
  s.seed = config.seed ?? 1;

  pick(KINDS, m.kind, 'model', 'kind');
  if (m.kind === 'mlp') s.hidden = [...(m.hidden || [])];
  if (m.kind === 'rnn' && 'stateSize' in s && m.hidden?.length) s.stateSize = m.hidden[0];
  const conv = m.kind === 'cnn' ? (m.layers || []).find((l) => l.type === 'conv2d') : null;
  if (conv && 'filters' in s && conv.filters) s.filters = conv.filters;
  pick(ACTIVATIONS, m.activation, 'activation', 'activation');
  pick(INITS, m.init, 'initialization', 'init');

  pick(OPTIMIZERS, t.optimizer, 'optimizer', 'optimizer');
  if (t.learningRate > 0 && t.learningRate <= 10) s.learningRate = Number(t.learningRate.toPrecision(6));
  else if (t.learningRate != null) problems.push(`learning rate ${t.learningRate}`);
  if (t.batchSize != null) s.batchSize = t.batchSize;
  s.regularization = t.l1 > 0 ? 'l1' : t.l2 > 0 ? 'l2' : 'none';
  s.regRate = t.l1 > 0 ? t.l1 : t.l2 > 0 ? t.l2 : 0;
  if (t.l1 > 0 && t.l2 > 0) problems.push('both L1 and L2 regularization');
  s.loss = 'auto';
  pick(LOSSES, t.loss, 'loss', 'loss');

  const fixed = fixSettings(s);
  return { settings: fixed.settings, problems: [...problems, ...fixed.changes] };
}
