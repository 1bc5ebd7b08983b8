// The `onnx` suite, part 1 (Node): train a session of every model kind
// briefly, export it with www/onnx.js, and write what onnxruntime must
// reproduce: OUT/<name>.onnx, OUT/<name>.input.f32 (the raw rows predict()
// took, row-major float32 little-endian), OUT/<name>.expected.f32
// (predict()'s outputs) and OUT/manifest.json. check.py compares.
// Also checks that bad model files are refused with a message that says
// why; those results go into the manifest too, so one summary counts all.
//
//   node tests/onnx/export.mjs OUT_DIR

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import init, { Session, loadDigits } from '../../pkg/descent.js';
import { toOnnx } from '../../www/onnx.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const OUT = process.argv[2] || join(ROOT, 'test-results', 'onnx');
mkdirSync(OUT, { recursive: true });

await init({ module_or_path: readFileSync(join(ROOT, 'pkg', 'descent_bg.wasm')) });
loadDigits(gunzipSync(readFileSync(join(ROOT, 'data', 'digits.csv.gz'))).toString('utf8'));

// The tolerances of issue 16: the deep kinds sum over more terms.
const TABULAR = 1e-5;
const DEEP = 1e-4;
const adam = (learningRate = 0.01, batchSize = 16) => ({ optimizer: 'adam', learningRate, batchSize });
const ACTIVATIONS = ['relu', 'leaky-relu', 'elu', 'gelu', 'tanh', 'sigmoid', 'linear'];

/** A CSV with a category column (one-hot encoded by the engine: predict() takes those columns). */
function csvText() {
  let t = 'size,colour,weight,kind\n';
  for (let i = 0; i < 240; i++) {
    const size = (i * 37) % 101 / 10;
    const weight = ((i * 53) % 89) / 7 - 3;
    t += `${size},${['red', 'green', 'blue'][i % 3]},${weight},${size + weight > 6 ? 'big' : i % 2 ? 'odd' : 'even'}\n`;
  }
  return t;
}

const CASES = [
  { name: 'linear-article', tol: TABULAR, steps: 200, config: { data: { source: 'article-linear' }, model: { kind: 'linear' }, train: { optimizer: 'sgd', learningRate: 0.01, batchSize: 4 } } },
  { name: 'linear-reg-plane-standard', tol: TABULAR, steps: 200, config: { data: { source: 'reg-plane', normalize: 'standard' }, model: { kind: 'linear' }, train: adam() } },
  { name: 'logistic-xor-features-minmax', tol: TABULAR, steps: 300, config: { data: { source: 'xor', normalize: 'minmax', features: ['x1', 'x2', 'x1^2', 'x2^2', 'x1*x2', 'sin(x1)', 'sin(x2)'] }, model: { kind: 'logistic' }, train: adam(0.05) } },
  { name: 'logistic-circle-squares', tol: TABULAR, steps: 300, config: { data: { source: 'circle', features: ['x1^2', 'x2^2'] }, model: { kind: 'logistic' }, train: adam(0.05) } },
  { name: 'softmax-blobs-5', tol: TABULAR, steps: 300, config: { data: { source: 'blobs', classes: 5, normalize: 'standard' }, model: { kind: 'logistic' }, train: adam(0.05) } },
  ...ACTIVATIONS.map((activation, i) => ({
    name: `mlp-${activation}`,
    tol: TABULAR,
    steps: 300,
    config: {
      seed: 10 + i,
      data: { source: i % 2 ? 'spiral' : 'circle', normalize: ['standard', 'minmax', 'none'][i % 3], ...(i % 2 ? { features: ['x1', 'x2', 'sin(x1)', 'sin(x2)'] } : {}) },
      model: { kind: 'mlp', hidden: [8, 6], activation },
      train: adam(0.03),
    },
  })),
  { name: 'mlp-gelu-spiral-k-4', tol: TABULAR, steps: 300, config: { data: { source: 'spiral-k', classes: 4, normalize: 'standard' }, model: { kind: 'mlp', hidden: [16, 16], activation: 'gelu' }, train: adam(0.02) } },
  { name: 'mlp-tanh-reg-gauss', tol: TABULAR, steps: 300, config: { data: { source: 'reg-gauss', normalize: 'minmax' }, model: { kind: 'mlp', hidden: [8], activation: 'tanh' }, train: adam(0.02) } },
  { name: 'mlp-elu-sine', tol: TABULAR, steps: 300, config: { data: { source: 'sine' }, model: { kind: 'mlp', hidden: [12], activation: 'elu' }, train: adam(0.02) } },
  { name: 'mlp-relu-csv-3-classes', tol: TABULAR, steps: 300, config: { data: { source: 'csv', csv: csvText(), target: 'kind' }, model: { kind: 'mlp', hidden: [8], activation: 'relu' }, train: adam(0.02) } },
  { name: 'linear-csv-regression', tol: TABULAR, steps: 300, config: { data: { source: 'csv', csv: csvText(), target: 'weight', task: 'regression' }, model: { kind: 'linear' }, train: adam(0.02) } },
  { name: 'cnn-default', tol: DEEP, steps: 60, config: { data: { source: 'digits' }, model: { kind: 'cnn' }, train: adam(0.01, 32) } },
  {
    name: 'cnn-same-s1-valid-s2-pool-dropout',
    tol: DEEP,
    steps: 60,
    config: {
      data: { source: 'digits', normalize: 'minmax' },
      model: {
        kind: 'cnn',
        layers: [
          { type: 'conv2d', filters: 6, kernel: 3, stride: 1, padding: 'same', activation: 'relu' },
          { type: 'conv2d', filters: 8, kernel: 3, stride: 2, padding: 'valid', activation: 'elu' },
          { type: 'maxpool', size: 2, stride: 1 },
          { type: 'flatten' },
          { type: 'dense', units: 16, activation: 'relu' },
          { type: 'dropout', rate: 0.25 },
          { type: 'dense', units: 10 },
        ],
      },
      train: adam(0.01, 32),
    },
  },
  {
    // stride 2 `same` with an odd total padding (the extra row/column at the bottom/right).
    name: 'cnn-same-s2-odd-pad-layers',
    tol: DEEP,
    steps: 60,
    config: {
      data: { source: 'digits', normalize: 'none' },
      model: {
        kind: 'cnn',
        layers: [
          { type: 'conv2d', filters: 5, kernel: 3, stride: 2, padding: 'same' },
          { type: 'leaky-relu' },
          { type: 'dropout', rate: 0.1 },
          { type: 'conv2d', filters: 4, kernel: 2, stride: 1, padding: 'same', activation: 'gelu' },
          { type: 'maxpool', size: 2 },
          { type: 'dense', units: 12, activation: 'tanh' },
        ],
      },
      train: adam(0.01, 32),
    },
  },
  { name: 'rnn-sine-seq', tol: DEEP, steps: 200, config: { data: { source: 'sine-seq' }, model: { kind: 'rnn' }, train: { ...adam(0.01, 16), clipNorm: 1 } } },
  { name: 'rnn-sine-seq-mix-standard', tol: DEEP, steps: 200, config: { data: { source: 'sine-seq', mix: true, normalize: 'standard' }, model: { kind: 'rnn', hidden: [8] }, train: adam(0.01, 16) } },
  { name: 'rnn-seq-majority', tol: DEEP, steps: 200, config: { data: { source: 'seq-majority' }, model: { kind: 'rnn', hidden: [12] }, train: adam(0.02, 16) } },
];

/** A seeded generator (mulberry32), so the extra rows are the same every run. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Every row of the three splits, up to 300, then at least 60 more (enough
 * for 260 in all: the article's data has six rows) drawn uniformly a
 * little beyond each column's range, so the graph is also compared off
 * the data it was fitted on.
 */
function inputRows(s) {
  const rows = [];
  let inputs = 0;
  for (const which of ['train', 'val', 'test']) {
    const sp = s.split(which);
    inputs = sp.inputs;
    for (let r = 0; r < sp.rows && rows.length < 300; r++) rows.push(sp.x.slice(r * inputs, (r + 1) * inputs));
  }
  const lo = new Array(inputs).fill(Infinity);
  const hi = new Array(inputs).fill(-Infinity);
  for (const row of rows) row.forEach((v, j) => { lo[j] = Math.min(lo[j], v); hi[j] = Math.max(hi[j], v); });
  const rnd = random(7);
  const extra = Math.max(60, 260 - rows.length);
  for (let k = 0; k < extra; k++) {
    rows.push(Float32Array.from(lo, (l, j) => {
      const pad = 0.1 * (hi[j] - l) + 0.1;
      return l - pad + rnd() * (hi[j] - l + 2 * pad);
    }));
  }
  const x = new Float32Array(rows.length * inputs);
  rows.forEach((row, r) => x.set(row, r * inputs));
  return { x, rows: rows.length, inputs };
}

const bytesOf = (f32) => Buffer.from(f32.buffer, f32.byteOffset, f32.byteLength);
const manifest = { models: [], checks: [] };

for (const c of CASES) {
  const s = new Session({ seed: 1, ...c.config });
  const report = s.trainSteps(c.steps);
  if (report.diverged) throw new Error(`${c.name}: training diverged; change its settings`);
  const text = s.exportModel();
  const onnx = toOnnx(text);
  const { x, rows, inputs } = inputRows(s);
  const y = s.predict(x);
  const info = s.info();
  writeFileSync(join(OUT, `${c.name}.onnx`), onnx);
  writeFileSync(join(OUT, `${c.name}.input.f32`), bytesOf(x));
  writeFileSync(join(OUT, `${c.name}.expected.f32`), bytesOf(y));
  const kind = c.config.model.kind;
  const rowShape = kind === 'cnn' ? info.inputShape : kind === 'rnn' ? [inputs, 1] : [inputs];
  manifest.models.push({
    name: c.name, kind, tol: c.tol, rows, rowShape, outputs: info.outputs,
    classes: info.classes ?? [], bytes: onnx.length,
  });
  console.log(`exported ${c.name}: ${onnx.length} bytes, ${rows} rows × ${inputs} → ${info.outputs}`);
  s.free();
}

// Refusals: each bad file must throw an Error whose message says why.
const good = new Session({ seed: 1, data: { source: 'xor' }, model: { kind: 'mlp', hidden: [3] } });
const goodText = good.exportModel();
const edit = (f) => {
  const m = JSON.parse(goodText);
  f(m);
  return JSON.stringify(m);
};
const refusals = [
  ['not text', undefined, /needs the text of a Descent model file/],
  ['not JSON', 'weights: 1, 2, 3', /not a Descent model file: it is not valid JSON/],
  ['JSON, not a model', '{"layers": []}', /not a Descent model \(it has no "format": "descent-model"\)/],
  ['another version', edit((m) => { m.version = 9; }), /version 9/],
  ['unknown model kind', edit((m) => { m.config.model.kind = 'svm'; }), /a 'svm' model cannot be exported to ONNX/],
  ['a renamed tensor', edit((m) => { m.parameters[0].name = 'dense9.weight'; }), /expected 'dense0.weight' \[2,3\], found 'dense9.weight'/],
  ['a missing tensor', edit((m) => { m.parameters.pop(); }), /expected 'dense2.bias'/],
  ['an extra tensor', edit((m) => { m.parameters.push(m.parameters[0]); }), /5 parameter tensors; its config builds a network with 4/],
  ['a non-finite value', edit((m) => { m.parameters[1].values[0] = null; }), /not a finite number/],
];
for (const [what, text, want] of refusals) {
  let message = '(no error)';
  try {
    toOnnx(text);
  } catch (e) {
    message = e instanceof Error ? e.message : String(e);
  }
  manifest.checks.push({ name: `refuses ${what}`, ok: want.test(message), detail: message });
}
good.free();

writeFileSync(join(OUT, 'manifest.json'), JSON.stringify(manifest, null, 1));
console.log(`wrote ${manifest.models.length} models and ${manifest.checks.length} refusal checks to ${OUT}`);
