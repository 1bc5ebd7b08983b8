// Lesson 4, preprocessing: the article's data at its own α = 0.1 diverges
// on the raw inputs; normalization off and on raced (the standardized
// inputs converge), the same session standardized with the engine's largest
// stable rate, 2/λ_max, before and after; then a messy CSV pasted into the
// Your data panel (a word where a number should be, gaps, a category
// column), its cells fixed and its gaps filled.

import { diverged, stepsAtLeast, settings, settingIs, trainLossBelow, raceLeader, raceDiverged, valAccuracyAtLeast, configIs, all } from './checks.js';
import { text } from '../strings/index.js';

// The article's data and α (lesson 1), full batch from zero weights.
const SETUP = {
  source: 'article-linear', kind: 'linear', init: 'auto', optimizer: 'sgd', learningRate: 0.1, batchSize: 4,
  loss: 'auto', normalize: 'none', landscape: null, race: null, speed: 20,
};
const RACE = { setting: 'normalize', values: ['none', 'standard'] };

// The CSV steps: a classifier with 40 % of the rows held out for validation
// (a small file: 15 % would be four rows), Adam so the few rows train fast.
const CSV = { kind: 'logistic', optimizer: 'adam', learningRate: 0.1, batchSize: 8, normalize: 'auto', split: [60, 40, 0], race: null, speed: 20 };
const CSV_HIDE = ['csv-input', 'task', 'target-column'];

const v = (name, sub) => `<var>${name}</var>${sub ? `<sub>${sub}</sub>` : ''}`;
const alpha = v('α');

// α beside the largest stable rate of the inputs the model sees (the
// engine's leastSquares(), on the normalized training rows), and J.
function limit(s, fmt, { loss = true } = {}) {
  const max = s.reference?.maxStableRate;
  if (!Number.isFinite(max) || !s.frame) return '';
  const a = s.frame.learningRate;
  const how = text(`lesson.preprocessing.normalize.${s.config?.data?.normalize ?? 'none'}`);
  return `${how}: ${alpha} = ${fmt(a)} ${a < max ? '&lt;' : '&gt;'} ${alpha}<sub>max</sub> = 2 / ${v('λ')}<sub>max</sub> = ${fmt(max)}`
    + (loss ? `<br>${v('J')} = ${fmt(s.frame.trainLoss)}` : '');
}

// The race: the formula of standardization, and α against the raw limit.
const race = (s, fmt) => `${v('x')}′ = (${v('x')} − ${v('μ')}) / ${v('σ')}<br>${limit(s, fmt, { loss: false })}`;

// What the engine made of the file: its rows, those dropped or filled,
// and the inputs (a category column becomes one input per value).
function file(s) {
  const r = s.info?.csvReport;
  if (!r || s.config?.data?.source !== 'csv') return '';
  const used = s.info.trainSize + s.info.valSize + s.info.testSize;
  const names = (s.info.featureNames || []).map(escape).join(', ');
  const w = (k, vars) => text(`lesson.preprocessing.file.${k}`, vars);
  return `${w('rows', { rows: r.rows, used, dropped: r.droppedMissing, filled: r.filledCells })}<br>${w('inputs', { names })}`;
}
// Column names come from the learner's file: text, never markup.
const escape = (x) => String(x).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const fileAndAccuracy = (s) => {
  const f = file(s);
  const a = s.frame?.valAccuracy;
  return f && `${f}${a == null ? '' : `<br>${text('lesson.preprocessing.accuracy')} = ${(a * 100).toFixed(1)}%`}`;
};

export default {
  id: 'preprocessing',
  settings: SETUP,
  steps: [
    // The article's α on its raw inputs: past the limit, it diverges.
    { show: ['loss-panel', 'params-panel'], formula: (s, fmt) => limit(s, fmt), check: diverged() },
    // Off and on, raced at α = 0.1.
    {
      show: ['race'],
      settings: { race: RACE },
      formula: race,
      check: { ...all(raceLeader('normalize', 2, 100, { below: 1e-3 }), raceDiverged('normalize', 1)), vars: { winner: 2, diverged: 1, steps: 100 } },
    },
    // The session standardized: α_max from 0.046 to 0.5.
    {
      show: ['data-panel', 'loss-panel'],
      settings: { race: null, normalize: 'none' },
      hide: ['split-train', 'split-val', 'split-value', 'seed', 'regenerate', 'features'],
      formula: (s, fmt) => limit(s, fmt),
      check: { ...all(settingIs('normalize', 'standard'), trainLossBelow(1e-3)), vars: { value: 1e-3 } },
    },
    // A messy file: paste it, fix the word the engine refuses.
    {
      show: ['csv-panel', 'csv-preview'],
      settings: { source: 'gauss', ...CSV },
      hide: CSV_HIDE,
      formula: file,
      check: configIs((c) => c.data.source === 'csv'),
    },
    // The challenge: every row kept, and 90 % on the rows held out.
    {
      show: ['csv-panel', 'loss-panel'],
      hide: [...CSV_HIDE, 'csv-paste', 'csv-load'],
      formula: fileAndAccuracy,
      check: all(settings((st) => st.source === 'csv' && st.csv?.missing === 'mean'), valAccuracyAtLeast(0.9, { source: 'csv' }), stepsAtLeast(1)),
    },
  ],
};
