#!/usr/bin/env node
// Descent vs peers: one markdown report (stdout) and one JSON file from the
// JSON lines of examples/bench.rs (descent-native), descent.mjs
// (descent-wasm) and bench.mjs (tfjs-cpu, tfjs-wasm, convnetjs).
//
//   node report.mjs results/run-*.jsonl [--json results/latest.json]
//
// With several files (or several lines per system and workload), each number
// is the median over them. Throughput is steps/s for W1, W4, W5 and
// samples/s for W2, W3 (as the peers' RESULTS.md). "best peer" is the fastest
// of the peers on that workload; the ratios are Descent wasm / best peer and
// Descent native / Descent wasm (how much wasm loses to native).
import fs from 'node:fs';
import os from 'node:os';
import { execFileSync } from 'node:child_process';

const args = process.argv.slice(2);
let jsonOut = null;
const files = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--json') jsonOut = args[++i];
  else files.push(args[i]);
}
if (!files.length) { console.error('usage: node report.mjs run.jsonl... [--json out.json]'); process.exit(1); }

const rows = files.flatMap((f) => fs.readFileSync(f, 'utf8').split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l)));
const med = (a) => { const s = a.filter((v) => typeof v === 'number' && Number.isFinite(v)).sort((x, y) => x - y); if (!s.length) return null; const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const fmt = (v, d = 3) => (v == null ? '–' : Math.abs(v) >= 1000 ? Math.round(v).toLocaleString('en-US') : Number(v.toPrecision(d)).toString());
const ratio = (v) => (v == null ? '–' : `${v >= 10 ? v.toFixed(0) : v.toFixed(2)}×`);

const DESCENT = ['descent-native', 'descent-wasm'];
const PEERS = ['tfjs-cpu', 'tfjs-wasm', 'convnetjs'];
const SYSTEMS = [...DESCENT, ...PEERS];
const LABEL = { 'descent-native': 'Descent native', 'descent-wasm': 'Descent wasm', 'tfjs-cpu': 'tfjs-cpu', 'tfjs-wasm': 'tfjs-wasm', convnetjs: 'ConvNetJS' };
const WORKLOADS = [
  { id: 'playground-mlp', short: 'W1 playground-mlp', metric: 'steps_per_sec', unit: 'steps/s', target: 2 },
  { id: 'digits-mlp', short: 'W2 digits-mlp', metric: 'samples_per_sec', unit: 'samples/s', target: 4, wasmNative: 1.5 },
  { id: 'mnist-cnn', short: 'W3 mnist-cnn', metric: 'samples_per_sec', unit: 'samples/s', target: 2, wasmNative: 1.5 },
  { id: 'seed-linreg', short: 'W4 seed-linreg', metric: 'steps_per_sec', unit: 'steps/s', target: 3 },
  { id: 'sine-rnn', short: 'W5 sine-rnn', metric: 'steps_per_sec', unit: 'steps/s', target: 5 },
];
const GRID_TARGET_MS = 0.5;

function cell(sys, wl) {
  const rs = rows.filter((r) => r.peer === sys && r.workload === wl);
  const ok = rs.filter((r) => r.seconds != null);
  if (!ok.length) {
    if (!rs.length) return null;
    const r = rs[rs.length - 1];
    return { missing: r.skipped ? `skipped: ${r.skipped}` : `error: ${r.error}` };
  }
  const last = ok[ok.length - 1];
  const pick = (k) => med(ok.map((r) => r[k]));
  return {
    runs: ok.length, steps: last.steps, samples: last.samples,
    seconds: pick('seconds'), cpu_seconds: pick('cpu_seconds'),
    steps_per_sec: pick('steps_per_sec'), samples_per_sec: pick('samples_per_sec'),
    grid_predict_ms: pick('grid_predict_ms'), final_loss: last.final_loss, accuracy: last.accuracy,
    test_mse: last.test_mse ?? null, diverged_at_lr_tried: last.diverged_at_lr_tried ?? null,
    reduced: last.reduced ? true : undefined, shim: last.note ? true : undefined,
    loadavg_1m: last.loadavg_1m, reps: last.reps,
    // Work per CPU-second of the timed region: robust to other processes
    // taking the cores (wall time is not), but it also charges a peer for
    // its helper threads (V8 GC, compiler).
    steps_per_cpu_sec: med(ok.map((r) => (r.cpu_seconds > 0 ? r.steps / r.cpu_seconds : null))),
    samples_per_cpu_sec: med(ok.map((r) => (r.cpu_seconds > 0 ? r.samples / r.cpu_seconds : null))),
  };
}

const table = WORKLOADS.map((w) => {
  const systems = Object.fromEntries(SYSTEMS.map((s) => [s, cell(s, w.id)]));
  const val = (s) => systems[s]?.[w.metric] ?? null;
  let best = null;
  for (const p of PEERS) if (val(p) != null && (best == null || val(p) > val(best))) best = p;
  const wasm = val('descent-wasm'), native = val('descent-native');
  const vsBest = wasm != null && best ? wasm / val(best) : null;
  const nativeOverWasm = wasm != null && native != null ? native / wasm : null;
  const cpuKey = w.metric.replace('_per_sec', '_per_cpu_sec');
  const cval = (s) => systems[s]?.[cpuKey] ?? null;
  let cbest = null;
  for (const p of PEERS) if (cval(p) != null && (cbest == null || cval(p) > cval(cbest))) cbest = p;
  const cpu = {
    metric: cpuKey, values: Object.fromEntries(SYSTEMS.map((s) => [s, cval(s)])), best_peer: cbest,
    wasm_vs_best_peer: cval('descent-wasm') != null && cbest ? cval('descent-wasm') / cval(cbest) : null,
    native_vs_wasm: cval('descent-wasm') != null && cval('descent-native') != null ? cval('descent-native') / cval('descent-wasm') : null,
  };
  return {
    workload: w.id, unit: w.unit, metric: w.metric, systems,
    best_peer: best ? { peer: best, value: val(best) } : null,
    wasm_vs_best_peer: vsBest, target_vs_best_peer: w.target,
    met_vs_best_peer: vsBest == null ? null : vsBest >= w.target,
    native_vs_wasm: nativeOverWasm, target_native_vs_wasm: w.wasmNative ?? null,
    met_native_vs_wasm: w.wasmNative == null || nativeOverWasm == null ? null : nativeOverWasm <= w.wasmNative,
    per_cpu_second: cpu,
  };
});
const gridRow = Object.fromEntries(SYSTEMS.map((s) => [s, table[0].systems[s]?.grid_predict_ms ?? null]));

const cpuModel = (() => { try { return (fs.readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.*)$/m) || [])[1] || os.cpus()[0]?.model; } catch { return os.cpus()[0]?.model; } })();
const git = (() => {
  try {
    const sh = (...a) => execFileSync('git', a, { cwd: new URL('.', import.meta.url), encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const dirty = sh('status', '--porcelain', '--', '../src', '../Cargo.toml', '../examples').length > 0;
    return `${sh('rev-parse', '--short', 'HEAD')}${dirty ? ' + uncommitted engine changes' : ''}`;
  } catch { return null; }
})();
const machine = {
  git,
  nproc: os.availableParallelism ? os.availableParallelism() : os.cpus().length,
  cpu_model: cpuModel, node: process.version, platform: `${process.platform}-${process.arch}`,
  date: rows.map((r) => r.date).filter(Boolean).sort().pop() ?? new Date().toISOString(),
  loadavg_1m_range: (() => { const l = rows.flatMap((r) => r.loadavg_1m || []).filter((v) => typeof v === 'number'); return l.length ? [Math.min(...l), Math.max(...l)] : null; })(),
};

const mark = (ok) => (ok == null ? '' : ok ? ' ✅' : ' ❌');
const out = [];
out.push(`Machine: ${machine.nproc} vCPU, ${machine.cpu_model}, Node ${machine.node}, ${machine.platform}; ${machine.date.slice(0, 10)}; 1-min load average ${machine.loadavg_1m_range ? machine.loadavg_1m_range.map((v) => v.toFixed(2)).join('–') : 'n/a'} during the run${git ? `; Descent at ${git} (report time)` : ''}.`);
out.push('');
out.push(`| workload | unit | ${SYSTEMS.map((s) => LABEL[s]).join(' | ')} | Descent wasm / best peer (target) | native / wasm (target) |`);
out.push(`|---|---|${SYSTEMS.map(() => '---:').join('|')}|---|---|`);
for (const [i, t] of table.entries()) {
  const w = WORKLOADS[i];
  const cells = SYSTEMS.map((s) => {
    const c = t.systems[s];
    if (!c) return '–';
    if (c.missing) return c.missing.startsWith('skipped') ? 'n/a' : 'error';
    let v = fmt(c[w.metric]);
    if (t.best_peer && s === t.best_peer.peer) v = `**${v}**`;
    if (c.reduced) v += ' (r)';
    if (c.shim) v += ' (s)';
    return v;
  });
  const vs = t.wasm_vs_best_peer == null ? '–' : `${ratio(t.wasm_vs_best_peer)} vs ${LABEL[t.best_peer.peer]} (≥ ${w.target}×)${mark(t.met_vs_best_peer)}`;
  const nw = t.native_vs_wasm == null ? '–' : `${ratio(t.native_vs_wasm)}${w.wasmNative ? ` (≤ ${w.wasmNative}×)${mark(t.met_native_vs_wasm)}` : ''}`;
  out.push(`| ${w.short} | ${w.unit} | ${cells.join(' | ')} | ${vs} | ${nw} |`);
}
{
  const peersGrid = PEERS.map((p) => gridRow[p]).filter((v) => v != null);
  const bestGrid = peersGrid.length ? Math.min(...peersGrid) : null;
  const wasm = gridRow['descent-wasm'];
  const cells = SYSTEMS.map((s) => (gridRow[s] == null ? '–' : gridRow[s] === bestGrid ? `**${fmt(gridRow[s])}**` : fmt(gridRow[s])));
  const vs = wasm == null ? '–' : `${fmt(wasm)} ms (≤ ${GRID_TARGET_MS} ms)${mark(wasm <= GRID_TARGET_MS)}${bestGrid ? `; best peer's time / wasm's = ${ratio(bestGrid / wasm)}` : ''}`;
  const nw = wasm != null && gridRow['descent-native'] != null ? ratio(wasm / gridRow['descent-native']) : '–';
  out.push(`| W1 grid_predict (10k points) | ms | ${cells.join(' | ')} | ${vs} | ${nw} |`);
}
out.push('');
out.push('Bold: best peer. (r) tfjs-cpu on W3 is timed on 5 of the 100 steps (its conv filter gradient runs at ~9 samples/s); (s) tfjs-wasm needs the harness\'s Conv2DBackpropFilter shim to train W3.');
out.push('');
out.push('Equal work: final training loss / accuracy after the last timed run (same formula for every system).');
out.push('');
out.push(`| workload | ${SYSTEMS.map((s) => LABEL[s]).join(' | ')} |`);
out.push(`|---|${SYSTEMS.map(() => '---').join('|')}|`);
for (const [i, t] of table.entries()) {
  const cells = SYSTEMS.map((s) => {
    const c = t.systems[s];
    if (!c) return '–';
    if (c.missing) return c.missing.length > 60 ? `${c.missing.slice(0, 57)}...` : c.missing;
    let v = `${fmt(c.final_loss, 4)}${c.accuracy != null ? ` / ${fmt(c.accuracy, 4)}` : ''}`;
    if (c.test_mse != null) v += `; test ${fmt(c.test_mse, 4)}${c.diverged_at_lr_tried ? ', lr 0.1 diverges' : ''}`;
    if (c.reduced) v += ' (5 steps only)';
    return v;
  });
  out.push(`| ${WORKLOADS[i].short} | ${cells.join(' | ')} |`);
}
out.push('');
out.push('Time: median wall seconds of the timed runs / CPU seconds in them (CPU well below wall means the run was starved by other load).');
out.push('');
out.push(`| workload | ${SYSTEMS.map((s) => LABEL[s]).join(' | ')} |`);
out.push(`|---|${SYSTEMS.map(() => '---').join('|')}|`);
for (const [i, t] of table.entries()) {
  const cells = SYSTEMS.map((s) => {
    const c = t.systems[s];
    return !c || c.missing ? '–' : `${fmt(c.seconds)} / ${fmt(c.cpu_seconds)}`;
  });
  out.push(`| ${WORKLOADS[i].short} | ${cells.join(' | ')} |`);
}
out.push('');
out.push('Per CPU-second (work / CPU seconds of the timed runs): the same comparison, insensitive to other load on the machine.');
out.push('');
out.push(`| workload | unit | ${SYSTEMS.map((s) => LABEL[s]).join(' | ')} | Descent wasm / best peer | native / wasm |`);
out.push(`|---|---|${SYSTEMS.map(() => '---:').join('|')}|---|---|`);
for (const [i, t] of table.entries()) {
  const c = t.per_cpu_second;
  const cells = SYSTEMS.map((s) => (c.values[s] == null ? '–' : s === c.best_peer ? `**${fmt(c.values[s])}**` : fmt(c.values[s])));
  const vs = c.wasm_vs_best_peer == null ? '–' : `${ratio(c.wasm_vs_best_peer)} vs ${LABEL[c.best_peer]} (≥ ${WORKLOADS[i].target}×)${mark(c.wasm_vs_best_peer >= WORKLOADS[i].target)}`;
  const nw = c.native_vs_wasm == null ? '–' : `${ratio(c.native_vs_wasm)}${WORKLOADS[i].wasmNative ? ` (≤ ${WORKLOADS[i].wasmNative}×)${mark(c.native_vs_wasm <= WORKLOADS[i].wasmNative)}` : ''}`;
  out.push(`| ${WORKLOADS[i].short} | ${WORKLOADS[i].unit.replace('/s', '/CPU-s')} | ${cells.join(' | ')} | ${vs} | ${nw} |`);
}
const md = out.join('\n') + '\n';
process.stdout.write(md);

if (jsonOut) {
  const report = {
    machine, targets: { ...Object.fromEntries(WORKLOADS.map((w) => [w.id, { wasm_vs_best_peer: w.target, native_vs_wasm: w.wasmNative ?? null }])), grid_predict_ms: GRID_TARGET_MS },
    table, grid_predict_ms: gridRow, markdown: md, files, raw: rows,
  };
  fs.writeFileSync(jsonOut, JSON.stringify(report, null, 2) + '\n');
  console.error(`# wrote ${jsonOut}`);
}
