#!/usr/bin/env node
// Descent compiled to wasm (wasm-pack --target nodejs, `bench` feature), run
// on the benchmark's workloads exactly as bench.mjs runs the peers and
// examples/bench.rs runs Descent natively. One JSON line per workload
// (peer `descent-wasm`).
//
//   node descent.mjs <data dir> [--workloads a,b] [--reps 3] [--pkg pkg-node]
//
// <data dir>: `node data.mjs --dump DIR`. Build the package first:
//   wasm-pack build --mode no-install --release --target nodejs \
//     --out-dir bench/pkg-node -- --features bench
//
// Method (as bench.mjs): data and initial weights are copied into wasm
// memory when the BenchRun is built (untimed); untimed warm-up runs (W3:
// 2 steps) until 0.25 s has passed, at least one; then at least --reps timed runs, more (up to 10) while the median
// is under 0.2 s; each run starts from the initial weights (reset(),
// untimed). The clock covers the one exported train() call: the whole
// training loop runs inside wasm. final_loss/accuracy are computed in f64
// from the model's f32 outputs after the last run, with bench.mjs's formulas.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import os from 'node:os';
import fs from 'node:fs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const WORKLOADS = ['playground-mlp', 'digits-mlp', 'mnist-cnn', 'seed-linreg', 'sine-rnn'];
const SETS = {
  'playground-mlp': ['spiral', 1], 'digits-mlp': ['digits', 1], 'mnist-cnn': ['mnist-synth', 255],
  'seed-linreg': ['linreg', 1], 'sine-rnn': ['sine', 1],
};
const META = {
  'playground-mlp': { batch_size: 10, lr: 0.03, optimizer: 'sgd' },
  'digits-mlp': { batch_size: 32, lr: 0.1, optimizer: 'sgd' },
  'mnist-cnn': { batch_size: 20, lr: 0.01, optimizer: 'sgd-momentum', momentum: 0.9 },
  'seed-linreg': { batch_size: 4, lr: 0.01, optimizer: 'sgd' },
  'sine-rnn': { batch_size: 32, lr: 0.01, optimizer: 'adam' },
};
const FAST_REP_S = 0.2, MAX_REPS = 10, GRID_REPS = 20, LR_TRIED = 0.1, WARM_S = 0.25;

const median = (a) => { const s = [...a].sort((x, y) => x - y); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const round = (v, d = 6) => (v == null ? null : Number.isFinite(v) ? Number(v.toPrecision(d)) : String(v));
const now = () => performance.now();

// Features then label, header first. Numbers are parsed as float64 (exact
// for the dump) and rounded to float32, as the peers' Float32Array.from does.
function readSet(dir, name, scale) {
  const lines = fs.readFileSync(path.join(dir, `${name}.csv`), 'utf8').trim().split('\n').slice(1);
  const width = lines[0].split(',').length - 1;
  const x = new Float32Array(lines.length * width), y = new Float32Array(lines.length);
  lines.forEach((l, k) => {
    const v = l.split(',');
    for (let f = 0; f < width; f++) x[k * width + f] = Number(v[f]) / scale;
    y[k] = Number(v[width]);
  });
  return { x, y, n: lines.length, width };
}
function readInit(dir, workload) {
  const lines = fs.readFileSync(path.join(dir, `init-${workload}.csv`), 'utf8').trim().split('\n').slice(1);
  return Float32Array.from(lines, (l) => Number(l.slice(l.lastIndexOf(',') + 1)));
}

function runOne(D, dir, workload, reps) {
  const [set, scale] = SETS[workload];
  const ds = readSet(dir, set, scale);
  const init = readInit(dir, workload);
  const b = new D.BenchRun(workload, ds.x, ds.y, init);
  try {
    // Warm-up, as bench.mjs: untimed runs until WARM_S has passed, at least one.
    const w0 = now();
    do {
      b.reset();
      if (workload === 'mnist-cnn') b.train_steps(2); else b.train();
    } while (now() - w0 < WARM_S * 1000);
    const secs = [], cpu = [];
    let samples = 0;
    for (let r = 0; ; r++) {
      b.reset();
      const c0 = process.cpuUsage();
      const t0 = now();
      samples = b.train();
      secs.push((now() - t0) / 1000);
      const c = process.cpuUsage(c0);
      cpu.push((c.user + c.system) / 1e6);
      if (!(r + 1 < reps || (r + 1 < MAX_REPS && median(secs) < FAST_REP_S))) break;
    }
    const steps = b.steps();
    const [loss, acc] = b.evaluate_train();
    const s = median(secs);
    const out = {
      steps, seconds: round(s), steps_per_sec: round(steps / s), samples_per_sec: round(samples / s),
      final_loss: round(loss), accuracy: Number.isNaN(acc) ? null : round(acc, 4),
    };
    if (workload === 'playground-mlp') {
      const g = readSet(dir, 'grid', 1); // columns x1, x2 (read as feature, "label")
      const grid = new Float32Array(g.n * 2);
      for (let k = 0; k < g.n; k++) { grid[2 * k] = g.x[k]; grid[2 * k + 1] = g.y[k]; }
      b.set_grid(grid);
      const times = [];
      for (let r = 0; r < 3 + GRID_REPS; r++) {
        const t0 = now();
        const o = b.grid_predict(); // one batched forward + copy out (= tfjs predict + dataSync)
        if (o.length !== g.n) throw new Error('grid_predict: wrong length');
        if (r >= 3) times.push(now() - t0);
      }
      out.grid_predict_ms = round(median(times), 4);
    }
    if (workload === 'seed-linreg') {
      const t = readSet(dir, 'linreg-test', 1);
      out.test_mse = round(b.evaluate(t.x, t.y)[0]);
      const d = new D.BenchRun(workload, ds.x, ds.y, init, LR_TRIED);
      d.train();
      const l = d.evaluate_train()[0];
      d.free();
      Object.assign(out, { lr_tried: LR_TRIED, loss_at_lr_tried: round(l), diverged_at_lr_tried: !(Number.isFinite(l) && l < 1) });
    }
    Object.assign(out, {
      samples, epochs: round(samples / ds.n), ...META[workload],
      reps: secs.length, seconds_all: secs.map((v) => round(v, 4)), cpu_seconds: round(median(cpu), 4),
      api: 'descent BenchRun (wasm-bindgen): new() + reset() untimed, train() timed',
      backend: { backend: 'descent wasm32 (wasm-pack nodejs, release, wasm-opt -O3)', simd: 'simd128 (compiled in)', threads: 1, version: D.__version ?? '0.1.0' },
    });
    return out;
  } finally {
    b.free();
  }
}

function main() {
  const args = process.argv.slice(2);
  let dir = null, reps = 3, workloads = WORKLOADS, pkg = path.join(HERE, 'pkg-node');
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--reps') reps = Number(args[++i]);
    else if (a === '--workloads') workloads = args[++i].split(',');
    else if (a === '--pkg') pkg = path.resolve(args[++i]);
    else if (a === '-h' || a === '--help') { console.log(fs.readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').slice(1, 11).join('\n')); return; }
    else dir = a;
  }
  if (!dir) throw new Error('usage: node descent.mjs <data dir> (node data.mjs --dump DIR)');
  for (const w of workloads) if (!WORKLOADS.includes(w)) throw new Error(`unknown workload ${w}`);
  const D = require(path.join(pkg, 'descent.js'));
  for (const w of workloads) {
    const load0 = os.loadavg()[0];
    let r;
    try {
      r = { peer: 'descent-wasm', workload: w, ...runOne(D, dir, w, reps) };
    } catch (e) {
      r = { peer: 'descent-wasm', workload: w, error: String(e && e.message ? e.message : e).split('\n')[0] };
    }
    r.loadavg_1m = [round(load0, 3), round(os.loadavg()[0], 3)];
    r.node = process.version;
    r.date = new Date().toISOString();
    process.stdout.write(JSON.stringify(r) + '\n');
  }
}

main();
