// Lesson `privacy`: the article's second challenge, data. The learner's
// own CSV file is read, trained on and kept in this tab (the worker reads
// the File the browser hands it; the engine parses it in wasm), and the
// learner checks it for themselves: the browser's network panel stays
// empty while they train, training goes on offline, and the page's
// Content-Security-Policy (its <meta> tag) forbids it any connection. The
// challenge: a whole run of their file made offline.

import { csvLoaded, csvTrained, trainedOffline, csvHalvedOffline } from './checks.js';
import { text } from '../strings/index.js';

const TRAINED = 200; // updates the second step asks for
const OFFLINE = 100; // and the third, offline
const RATIO = 0.5; // the challenge: the validation loss to half its first value

// The file as the engine read it: rows (and those dropped), inputs (one
// per category value), the task and the split, all from info() and its csvReport.
function file(s, fmt) {
  const i = s.info;
  const r = i?.csvReport;
  if (!r || s.config?.data?.source !== 'csv') return '';
  const task = text(`lesson.privacy.f.${i.task === 'classification' ? 'classes' : 'regression'}`, { n: i.classes?.length ?? 0 });
  const dropped = r.droppedNoTarget + r.droppedMissing;
  return `${text('lesson.privacy.f.rows', { n: r.rows })}${dropped ? `, ${text('lesson.privacy.f.dropped', { n: dropped })}` : ''} → ${i.trainSize} · ${i.valSize} · ${i.testSize} (${text('lesson.privacy.f.split')})<br>`
    + `${text('lesson.privacy.f.inputs', { n: i.inputs })}, ${task}`;
}

// Training, with the losses the engine reports for the file.
function training(s, fmt) {
  const f = s.frame;
  if (!f || s.config?.data?.source !== 'csv') return '';
  const acc = f.valAccuracy == null ? '' : ` &nbsp; ${text('lesson.privacy.f.accuracy')} ${fmt(f.valAccuracy * 100)}&nbsp;%`;
  return `<var>N</var> = ${f.step} &nbsp; <var>J</var><sub>train</sub> = ${fmt(f.trainLoss)} &nbsp; <var>J</var><sub>val</sub> = ${fmt(f.valLoss)}${acc}`;
}

// Whether the browser says it has a network (navigator.onLine).
const network = () => text(globalThis.navigator?.onLine === false ? 'lesson.privacy.f.offline' : 'lesson.privacy.f.online');

// The page's own policy as its <meta> tag states it: what it may connect
// to, and where everything else may come from.
function policy() {
  const meta = globalThis.document?.querySelector('meta[http-equiv="Content-Security-Policy"]');
  if (!meta) return '';
  const rules = meta.content.split(';').map((r) => r.trim());
  const rule = (name) => rules.find((r) => r.startsWith(`${name} `)) ?? '';
  return `<code>${rule('connect-src')}; ${rule('default-src')}</code>`;
}

// The challenge's progress: offline, and the validation loss against half its first value.
function challenge(s, fmt) {
  const f = s.frame;
  const first = s.series?.step?.[0] === 0 ? s.series.valLoss[0] : null;
  if (!f || first == null) return policy();
  return `${policy()}<br>${network()} &nbsp; <var>N</var> = ${f.step} &nbsp; <var>J</var><sub>val</sub> = ${fmt(f.valLoss)}`
    + ` ${f.valLoss <= RATIO * first ? '≤' : '&gt;'} ½ · ${fmt(first)} = ${fmt(RATIO * first)}`;
}

export default {
  id: 'privacy',
  // A small network a learner's table can train on, at a pace to watch.
  settings: { source: 'circle', kind: 'mlp', features: ['x1', 'x2'], hidden: [8], activation: 'tanh', optimizer: 'adam', learningRate: 0.03, batchSize: 10, speed: 20 },
  steps: [
    { show: ['csv-panel', 'csv-preview'], formula: file, check: csvLoaded() },
    { show: ['loss-panel', 'output-panel'], formula: (s, fmt) => `${file(s, fmt)}<br>${training(s, fmt)}`, check: csvTrained(TRAINED) },
    { show: ['loss-panel', 'output-panel'], formula: (s, fmt) => `${network()}<br>${training(s, fmt)}`, check: trainedOffline(OFFLINE) },
    // The challenge: a run from the first step with no network at all.
    { show: ['loss-panel', 'model-panel'], hide: ['init', 'loss', 'regularization', 'reg-rate', 'hyperparameters'], formula: challenge, check: csvHalvedOffline(RATIO) },
  ],
};
