// The one place that talks to wasm. It owns the Session and the training
// loop, so the page never blocks on maths: it only ever draws the latest
// frame this worker posts.
//
// Messages in (from main.js); `seq` numbers the play/pause/step/reset commands:
//   {type:'reset', config, gen, seq, resume}  new Session(config); the old one is kept if this throws
//   {type:'play', seq} | {type:'pause', seq}
//   {type:'step', seq}                         pause, then exactly one update
//   {type:'setLearningRate', value}            takes effect on the next update, no reset
//   {type:'setSpeed', value}                   updates per frame
//   {type:'evaluateTest'}                      score the held-out test split once
//   {type:'thumbnails'}                        a small sample of each data set, for the picker, and the feature values
//   {type:'exportModel', as}                   the model file: the engine's exportModel() JSON (as 'json' or 'onnx')
//   {type:'importModel', file, gen, seq, csvId} a session from a saved model file (worker-data.js)
//   {type:'loadCsv', id, name, file|text|modelFile, quiet}  read and preview a CSV file (worker-data.js)
//   {type:'history'}                           the engine's loss history, for a CSV download
//   {type:'memory'}                            the wasm memory's size (tests/e2e/memory-soak.mjs)
//   {type:'catalog'}                           the engine's catalog() as this wasm has it (tests/e2e/catalog.test.mjs)
//   {type:'debug-crash'}                       test hook: fail as a trap inside wasm would
//   {type:'inspect', gen, image, split}        one digit through the model (worker-inspect.js)
//   {type:'sequence', gen, start, freeRun, tested, row}  a sequence set's series, predictions, hidden state
//   {type:'trace', gen, id, batch}             one step looked at (worker-trace.js): batch 'next' or { rows: [i] }
//   {type:'traceApply', gen, step, batch}      apply the step traced at `step`: batch 'next' is train(1), { rows } trainRows(rows), each exactly the traced update
//   {type:'restoreBest', gen}                 back to the best validation loss's weights (train.earlyStopping)
//   {type:'gradientCheck', gen, id, batch, epsilon}  finite differences against the traced gradient
//   {type:'landscape', plane, resolution}      the loss surface on this plane, recomputed while training; plane null: off
//   {type:'setParameters', gen, values}        every weight set (the landscape's point, dropped) and training restarted there, at step 0
//   {type:'race', ...}                         race lanes (worker-race.js)
// Messages out:
//   {type:'ready', gen, info, dataset, reference, frame}  once per successful reset: what does not change while training, and the first frame
//   {type:'frame', gen, ...}                        after every chunk of updates (see frame())
//   {type:'status', playing, ack}                   play/pause took effect; ack = seq of the last command seen
//   {type:'learningRate', value}                    a new learning rate was accepted
//   {type:'testResult', gen, step, evaluation, split, predictions}
//   {type:'thumbnails', items, featureValues}   featureValues: { n, values } every catalog feature over an n × n grid
//   {type:'model', gen, step, text}                 the model file's JSON text
//   {type:'csvProgress', id, loaded, total, parsing} | {type:'csv', id, name, preview, quiet}
//   {type:'history', gen, history} | {type:'memory', bytes, step} | {type:'catalog', catalog}
//   {type:'fatal', message}                         a trap inside wasm: this worker is done, start another
//   {type:'inspection', gen, step, ...}             the answer to 'inspect'
//   {type:'sequence', gen, step, ...}               the answer to 'sequence'
//   {type:'trace', gen, id, step, report} | {type:'gradientCheck', gen, id, step, result}
//   {type:'surface', gen, surface}                  the landscape (worker-trace.js surfaceOf)
//   {type:'raceFrame', ...}                         race lanes (worker-race.js)
//   {type:'error', source, message, gen}            a Session call threw; source is the command that failed

import init, * as lean from '../pkg/descent.js';
import { loadCsv, loaded, newSession, adoptConfig, importedConfig, readModelText, pointRows, predictPoints } from './worker-data.js';
import { inspectImage, sequenceReport, transfers } from './worker-inspect.js';
import { digitsFor } from './worker-digits.js';
import { makeGrids, GRID, UNIT_GRID } from './worker-grids.js';
import { thumbnails } from './worker-thumbnails.js';
import { firstCommands, configOf, own, messageOf, errorOf, sleep, yieldNow } from './worker-util.js';
import { isLessonData } from './presets.js';
import { frameTransfers } from './frame-protocol.js';
import { traceReport, traceTransfers, gradientCheckReport, surfaceOf } from './worker-trace.js';
import { handleRace } from './worker-race.js';
import { carried } from './offline-data.js';

// The engine module every session is built in. The page downloads the
// lean build (pkg/); the instruments (trace, gradientCheck, lossSurface,
// Race) are a second build (pkg-instruments/, the engine's `instruments`
// feature) that would put the every-visit download over its size budget,
// so it is loaded the first time a learner opens one (withInstruments).
// The offline file bundles the instruments' build in place of the lean one
// (scripts/offline.mjs): then it is here from the start.
let engine = lean;
const hasInstruments = () => typeof engine.Race === 'function';
// Not a literal, so the bundler leaves it to the browser: from dist/ (or
// www/) it is the repository's pkg-instruments/.
const INSTRUMENTS = '../pkg-instruments/descent.js';
let instrumentsLoading = null;
let shownConfig = null; // the config of the session shown, as the page sent it

// One chunk per display frame: `speed` then means "updates per frame".
const FRAME_MS = 1000 / 60;
// No single train() call runs longer than this, so a pause or reset that
// arrives mid-chunk is handled within a few milliseconds, at any speed.
const SLICE_MS = 8;
// The pictures cost more than a few updates: the output heatmap (10,000
// predictions) at most ~15 times a second, unit thumbnails and validation
// metrics less often. Each waits longer if it turns out to be expensive, so
// drawing never takes more than about a fifth of the worker's time.
const EVERY_MS = { output: 66, units: 150, evaluation: 250, series: 100 };
// Frames while playing: 30 a second reads as smooth, and every frame costs
// the page a message, a style pass and a paint.
const POST_MS = 33;
const BUDGET = 0.2;
const REST = 0.25;

let session = null;
let info = null;
let gen = 0;
let lesson = false; // the article's data: its test rows are part of the lesson
let grids = null; // inputs the pictures need, built once per session
let last = null; // the latest score() report
let stale = false; // updates since `last` was scored
let stepNow = 0; // the session's step, whether scored or not
let playing = false;
let looping = false;
let speed = 5;
let learningRate = null; // in effect now; frames carry it so a divergence message names the rate that caused it
let ack = 0;
let sliceSteps = 8; // updates per train() call, tuned to SLICE_MS
let due = { output: 0, units: 0, evaluation: 0, series: 0 };
let posted = 0; // when the last frame went out
let unposted = false; // updates since then
let partial = false; // the last frame left out pictures that were not due yet
let rate = []; // [time, step] over the last second: the steps-per-second readout
let landscape = { plane: null, resolution: 0 }; // the surface the page shows, plane null while it shows none
let surfaceDue = 0; // while training, the next surface waits for this time

// Start loading the wasm immediately; every message waits for it, in order.
// The wasm's address is given, not left to the glue: relative to this file
// it is the same from www/ and from the bundle in dist/. The offline file
// carries the bytes instead (offline-data.js).
const ready = init({ module_or_path: carried('pkg/descent_bg.wasm') ?? new URL('../pkg/descent_bg.wasm', import.meta.url) });

// Messages are handled one at a time, in order: a reset that waits for its
// data (a CSV still being read, the digits being fetched) must not be
// overtaken by the play or step sent after it. Reading a CSV is the one
// exception: it runs alongside (with progress), and a reset waits for it.
let queue = Promise.resolve();
self.onmessage = (event) => {
  const msg = event.data;
  if (msg?.type === 'loadCsv') {
    handle(msg);
    return;
  }
  queue = queue.then(() => handle(msg));
};

// The page's first commands, in this worker's name (new-worker.js): handled
// before anything posted, which can reach a new worker only later.
for (const msg of firstCommands(self.name)) queue = queue.then(() => handle(msg));



async function handle(msg) {
  try {
    await ready;
  } catch (err) {
    post({ type: 'error', source: 'init', message: `The engine (WebAssembly) did not load: ${messageOf(err)}` });
    return;
  }
  if (msg.seq) ack = Math.max(ack, msg.seq);
  try {
    switch (msg.type) {
      case 'reset':
        await loaded(); // a CSV being read (after a restart) comes first
        await digitsFor(msg.config, engine);
        return reset(msg);
      case 'play': return play();
      case 'pause': return setPlaying(false);
      case 'step': return step();
      case 'setLearningRate': return setLearningRate(msg.value);
      case 'setSpeed':
        speed = Math.max(1, Math.min(100000, Math.round(Number(msg.value) || 1)));
        return;
      case 'evaluateTest': return evaluateTest();
      case 'thumbnails': return post({ type: 'thumbnails', ...(await thumbnails(engine)) });
      case 'exportModel': return exportModel(msg.as);
      case 'importModel': return await importModel(msg);
      case 'loadCsv': return await loadCsv(msg, post);
      case 'history': return post({ type: 'history', gen, history: session ? session.history() : null });
      case 'memory': return post({ type: 'memory', bytes: (await ready).memory.buffer.byteLength, step: stepNow });
      case 'catalog': return post({ type: 'catalog', catalog: typeof engine.catalog === 'function' ? engine.catalog() : null });
      case 'debug-crash': throw new WebAssembly.RuntimeError('unreachable (the debug-crash test hook)');
      case 'trace': {
        if (!session || msg.gen !== gen) return;
        await withInstruments();
        if (!session || msg.gen !== gen) return;
        const report = traceReport(session, info, msg, learningRate);
        return post({ type: 'trace', gen, id: msg.id, step: stepNow, report }, traceTransfers(report));
      }
      case 'traceApply':
        if (!session || msg.gen !== gen) return;
        if (msg.step !== stepNow) {
          post({ type: 'error', source: 'trace', message: 'The weights changed since this step was traced: trace it again.', gen });
          return;
        }
        if (!msg.batch || msg.batch === 'next') return step();
        await withInstruments();
        return stepRows(msg.batch.rows);
      case 'restoreBest':
        // Back to the best validation loss's weights (train.earlyStopping).
        if (!session || msg.gen !== gen) return;
        try {
          session.restoreBest();
        } catch (e) {
          post({ type: 'error', source: 'restoreBest', ...errorOf(e), gen });
          return;
        }
        stale = true;
        postFrame(true);
        return;
      case 'gradientCheck':
        if (!session || msg.gen !== gen) return;
        await withInstruments();
        if (!session || msg.gen !== gen) return;
        return post({ type: 'gradientCheck', gen, id: msg.id, step: stepNow, result: gradientCheckReport(session, msg) });
      case 'setParameters':
        if (!session || msg.gen !== gen) return;
        await withInstruments();
        if (!session || msg.gen !== gen) return;
        return startFrom(msg.values);
      case 'landscape':
        landscape = { plane: msg.plane ?? null, resolution: msg.resolution };
        if (landscape.plane != null) await withInstruments();
        return postSurface(true);
      case 'race':
        // Only a new race needs the instruments' build; the other commands
        // (speed, end, ...) act on a race that exists, or on none.
        if (msg.op === 'start') await withInstruments();
        return handleRace(msg, { engine, post, messageOf, errorOf });
      case 'inspect':
      case 'sequence': {
        if (!session || msg.gen !== gen) return; // asked of a session that is gone
        const out = msg.type === 'inspect' ? inspectImage(session, info, msg) : sequenceReport(session, info, msg);
        const reply = { type: msg.type === 'inspect' ? 'inspection' : 'sequence', gen, step: stepNow, ...out };
        return post(reply, transfers(reply));
      }
      default:
        post({ type: 'error', source: 'worker', message: `unknown message '${msg.type}'` });
    }
  } catch (err) {
    if (err instanceof WebAssembly.RuntimeError) return fatal(err);
    setPlaying(false);
    post({ type: 'error', source: msg.type, ...errorOf(err), gen });
  }
}

// A trap inside wasm (a Rust panic, an out-of-bounds access) leaves the
// instance in an unknown state: stop, and let the page start a new worker.
function fatal(err) {
  playing = false;
  post({ type: 'fatal', message: messageOf(err) });
}
// The training loop runs outside any message handler.
self.addEventListener('unhandledrejection', (e) => {
  if (e.reason instanceof WebAssembly.RuntimeError) {
    e.preventDefault();
    fatal(e.reason);
  }
});

// `built`: a session already made (an imported model); `extra` rides on 'ready'.
function reset({ config, gen: nextGen, resume }, built = null, extra = {}) {
  let next = built;
  try {
    next ??= newSession(engine.Session, config);
  } catch (err) {
    if (err instanceof WebAssembly.RuntimeError) throw err;
    // Keep the previous session and its picture: a typo should not wipe a run.
    post({ type: 'error', source: 'reset', ...errorOf(err), gen: nextGen });
    return;
  }
  // A settings change while playing keeps playing, as in TensorFlow Playground.
  const keepPlaying = resume && playing;
  if (!keepPlaying) setPlaying(false);
  if (session) session.free();
  session = next;
  gen = nextGen;
  shownConfig = config;
  info = session.info();
  lesson = isLessonData(config);
  adoptConfig(config);
  // Scored once now: the first frame's numbers, and the history's first
  // point (step 0, or an imported model's saved step).
  last = session.score();
  stale = false;
  stepNow = last.step;
  learningRate = config.train.learningRate;
  rate = [];
  due = { output: 0, units: 0, evaluation: 0 };

  const train = session.split('train');
  const val = info.valSize > 0 ? session.split('val') : null;
  const test = lesson && info.testSize > 0 ? session.split('test') : null;
  grids = makeGrids(info, val || train);
  grids.points = info.csvReport ? pointRows(train, val) : null;
  // Regression colours span ±(largest |target|), so 0 is the neutral colour.
  let yScale = 0;
  if (info.task === 'regression') for (const v of train.y) yScale = Math.max(yScale, Math.abs(v));
  if (!(yScale > 0)) yScale = 1;

  const images = !!info.inputShape;
  const copy = (s, rows = s?.rows) => s && { x: s.x.slice(0, rows * s.inputs), y: s.y.slice(0, rows), rows: Math.min(rows, s.rows), inputs: s.inputs };
  const dataset = {
    // Images are drawn as a sample, not as points: only that sample crosses.
    train: images ? null : copy(train),
    val: images ? null : copy(val),
    test: copy(test),
    samples: images ? copy(grids.samples.split, grids.samples.rows) : null,
    domain: info.domain ?? null,
    yScale,
  };
  // The first frame rides on 'ready': one message, so the page draws the new
  // session once, complete, rather than empty and then again a task later.
  postFrame(true, { type: 'ready', gen, config, info, dataset, reference: lesson ? reference(session) : null, ...extra });
  // The landscape of the new session follows its first frame; a plane of
  // the old one (two parameter indices) may not exist in this one.
  if (Array.isArray(landscape.plane) && landscape.plane.some((i) => i >= info.parameters)) landscape.plane = 'path';
  postSurface(true);
  if (keepPlaying) loop();
}

function play() {
  if (!session || isStopped()) return;
  setPlaying(true);
  loop();
}

function setPlaying(on) {
  if (playing !== on) playing = on;
  post({ type: 'status', playing, ack });
}

async function loop() {
  if (looping) return; // one loop at most, however often play is pressed
  looping = true;
  try {
    while (playing) {
      const t0 = performance.now();
      let done = 0;
      while (playing && done < speed && !isStopped()) {
        const n = Math.min(speed - done, sliceSteps);
        const ts = performance.now();
        trainSteps(n);
        tune(n, performance.now() - ts);
        done += n;
        // Let a waiting pause / reset / learning-rate message in.
        if (playing && done < speed) await yieldNow();
      }
      if (session && performance.now() - posted >= POST_MS) {
        postFrame(false);
        postSurface(false);
      }
      // Rest until the next display frame, and at least a quarter of the
      // time just spent: at top speed a flat-out worker would starve the
      // page's own threads on a two-core laptop, and the page must stay smooth.
      const spent = performance.now() - t0;
      const rest = Math.max(FRAME_MS - spent, spent * REST);
      await (rest > 1 ? sleep(rest) : yieldNow());
    }
  } finally {
    looping = false;
  }
  // Paused (or diverged) between two posts: show where training stopped.
  if (session && (unposted || partial)) {
    postFrame(true);
    postSurface(true);
  }
}

// The landscape, when the page shows one: at once when `now` (a new plane,
// a step, a pause), else while training as often as its cost allows
// (the digits CNN's surface takes a second or two: then every ~10 s).
// The instruments' build, loaded once; the session shown moves into it
// through its model file (weights, step, data and settings carry over; the
// loss curve starts again at that step and the optimizer's moments, if it
// keeps any, from zero), and every later session is built there.
async function withInstruments() {
  if (hasInstruments()) return;
  instrumentsLoading ??= loadInstruments().catch((err) => {
    instrumentsLoading = null;
    throw err;
  });
  await instrumentsLoading;
}

async function loadInstruments() {
  const mod = await import(new URL(INSTRUMENTS, import.meta.url).href);
  await mod.default({ module_or_path: new URL('../pkg-instruments/descent_bg.wasm', import.meta.url) });
  if (shownConfig) await digitsFor(shownConfig, mod);
  const moving = session ? session.exportModel() : null;
  engine = mod;
  if (moving) reset({ config: shownConfig, gen, resume: true }, engine.Session.importModel(moving));
}

function postSurface(now) {
  // A diverged session's weights are not finite: the last surface stays.
  if (!session || landscape.plane == null || isDiverged() || !hasInstruments()) return;
  const t0 = performance.now();
  if (!now && t0 < surfaceDue) return;
  let surface;
  try {
    surface = surfaceOf(session, landscape, stepNow);
  } catch (err) {
    if (err instanceof WebAssembly.RuntimeError) throw err;
    landscape.plane = null;
    post({ type: 'error', source: 'landscape', ...errorOf(err), gen });
    return;
  }
  const cost = performance.now() - t0;
  surfaceDue = performance.now() + Math.max(250, cost / BUDGET);
  post({ type: 'surface', gen, surface }, [surface.values.buffer, surface.path.buffer]);
}

// Aim each train() call at SLICE_MS, whatever the model's size.
function tune(n, ms) {
  const perStep = Math.max(ms, 0.01) / n;
  const want = Math.max(1, Math.min(2000, Math.floor(SLICE_MS / perStep)));
  sliceSteps = Math.max(1, Math.round((sliceSteps + want) / 2));
}

function step() {
  setPlaying(false);
  if (!session || isStopped()) return;
  trainSteps(1);
  postFrame(true);
  postSurface(true);
}

// The learner's own starting point: the engine sets the weights and starts
// training again from there (step 0, a fresh optimizer, a new loss curve
// and path), playing on if it was. A refusal (a value that is no number)
// reaches the page as an error from handle().
function startFrom(values) {
  session.setParameters(Float32Array.from(values));
  last = session.score();
  stale = false;
  stepNow = last.step;
  rate = [];
  due = { output: 0, units: 0, evaluation: 0, series: 0 };
  postFrame(true);
  postSurface(true);
}

// One step on chosen training rows (a traced row's update, applied): the
// engine's trainRows, counted and drawn as any step.
function stepRows(rows) {
  setPlaying(false);
  if (!session || isDiverged()) return;
  counted(session.trainRows(rows));
  postFrame(true);
  postSurface(true);
}

// Updates without scoring: scoring the whole training and validation splits
// costs as much as many updates (a CNN on the digits: more than a whole
// slice), so it happens once per posted frame (score()), not per slice.
function trainSteps(n) {
  counted(session.trainSteps(n));
}

// The bookkeeping after updates: `r` is trainSteps' (or trainRows') report.
function counted(r) {
  stepNow = r.step;
  stale = true;
  unposted = true;
  if (r.diverged || r.earlyStopped) score(); // the report says so, and the loop stops below
  const now = performance.now();
  rate.push([now, r.step]);
  while (rate.length > 2 && now - rate[0][0] > 1000) rate.shift();
  if (isStopped()) setPlaying(false);
}

// `last` for the current weights (and a point in the session's history).
function score() {
  if (!stale) return;
  last = session.score();
  stale = false;
}

function stepsPerSecond() {
  if (!playing || rate.length < 2) return 0;
  const [t0, s0] = rate[0];
  const [t1, s1] = rate[rate.length - 1];
  return t1 > t0 ? ((s1 - s0) * 1000) / (t1 - t0) : 0;
}

// Diverged, or stopped by train.earlyStopping: later updates would train nothing.
function isStopped() {
  return isDiverged() || !!last?.earlyStopped;
}

function isDiverged() {
  return !!last && (last.diverged || last.trainLoss == null || !Number.isFinite(last.trainLoss));
}

function setLearningRate(value) {
  if (!session) return;
  try {
    session.setLearningRate(value);
  } catch (err) {
    post({ type: 'error', source: 'learningRate', ...errorOf(err) });
    return;
  }
  learningRate = value;
  post({ type: 'learningRate', value });
}

function evaluateTest() {
  if (!session || info.testSize === 0) {
    post({ type: 'error', source: 'evaluateTest', message: 'This data set has no test split: raise its test share in the split.', gen });
    return;
  }
  const evaluation = session.evaluate('test');
  const out = { type: 'testResult', gen, step: stepNow, evaluation, split: null, predictions: null };
  // Images are not drawn as points; their scores are all in `evaluation`.
  if (!info.inputShape) {
    const split = session.split('test');
    out.split = { x: own(split.x), y: own(split.y), rows: split.rows, inputs: split.inputs };
    out.predictions = own(session.predict(split.x));
  }
  post(out, out.split ? [out.split.x.buffer, out.split.y.buffer, out.predictions.buffer] : []);
}

// Everything the views need for one picture. `full` (a reset or a single
// step) computes every picture now; while playing each waits its turn.
function frame(full) {
  score();
  const now = performance.now();
  const step = last.step;
  const m = last;
  const f = {
    type: 'frame',
    gen,
    step,
    epoch: m.epoch,
    trainLoss: m.trainLoss,
    valLoss: m.valLoss,
    trainAccuracy: m.trainAccuracy ?? null,
    valAccuracy: m.valAccuracy ?? null,
    diverged: isDiverged(),
    // train.earlyStopping: stopped, and the best validation loss's step (the loss chart marks it).
    earlyStopped: !!m.earlyStopped,
    bestStep: m.bestStep ?? null,
    bestValLoss: m.bestValLoss ?? null,
    learningRate,
    stepsPerSecond: stepsPerSecond(),
    params: session.parameters().map((p) => ({ name: p.name, layer: p.layer, kind: p.kind, role: p.role, shape: p.shape, values: own(p.values) })),
  };
  const timed = (key, fn) => {
    if (!full && now < due[key]) return;
    const t0 = performance.now();
    fn();
    const cost = performance.now() - t0;
    due[key] = now + Math.max(EVERY_MS[key], cost / BUDGET);
  };
  timed('series', () => {
    f.series = seriesOf(session.history());
  });
  timed('output', () => {
    if (grids.plane) f.boundary = { values: own(session.predict(grids.plane)), n: GRID, step };
    if (grids.line) f.curve = { x: grids.line.slice(), y: own(session.predict(grids.line)), step };
    if (grids.samples) f.samples = { probs: own(session.predict(grids.samples.x)), step };
    if (grids.points) f.points = predictPoints(session, grids.points, step);
    if (lesson) {
      f.lesson = {
        train: own(session.predict(session.split('train').x)),
        test: info.testSize ? own(session.predict(session.split('test').x)) : null,
        testMse: info.testSize ? session.evaluate('test').mse : null,
      };
    }
  });
  timed('units', () => {
    const grid = grids.unitPlane || grids.unitLine;
    if (grid) f.units = unitOutputs(grid, grids.unitPlane ? 2 : 1);
  });
  timed('evaluation', () => {
    if (info.valSize === 0) return;
    f.evaluation = { step, split: 'val', ...session.evaluate('val') };
    if (info.task === 'regression') f.evaluation.predictions = own(session.predict(session.split('val').x));
  });
  return f;
}

// Every unit's output over the input plane (or line): one column per dense
// layer, features first, the output last as the model reports it
// (predict(): probabilities for classes). A layer that follows a dense one
// (its activation, dropout) replaces it, so a hidden unit shows what it
// passes on.
function unitOutputs(grid, dims) {
  const rows = grid.length / dims;
  const layers = [];
  for (const o of session.layerOutputs(grid)) {
    // The width from the values, not `shape`: rows × width is what arrives.
    const width = o.values.length / rows;
    const entry = { name: o.name, kind: o.kind, width, values: own(o.values) };
    if (o.kind === 'input' || o.kind === 'dense' || layers.length === 0) layers.push(entry);
    else layers[layers.length - 1] = entry;
  }
  const out = layers[layers.length - 1];
  if (info.task === 'classification') out.values = own(session.predict(grid));
  return { res: dims === 2 ? UNIT_GRID : rows, dims, layers };
}

// The engine's history (arrays, null where a split has no value) as the
// typed arrays the charts draw and a frame transfers (NaN for null).
function seriesOf(h) {
  const out = {};
  const n = h.step.length;
  for (const key of ['step', 'trainLoss', 'valLoss', 'trainAccuracy', 'valAccuracy']) {
    const a = h[key];
    out[key] = a ? Float32Array.from(a, (v) => (v == null ? NaN : v)) : new Float32Array(n).fill(NaN);
  }
  return out;
}

// `ready`: the session's 'ready' message, to carry this frame as `frame`
// (posted without it if the frame fails).
function postFrame(full, ready = null) {
  let f;
  try {
    f = frame(full);
  } catch (err) {
    if (err instanceof WebAssembly.RuntimeError) return fatal(err);
    if (ready) post(ready);
    setPlaying(false);
    post({ type: 'error', source: 'frame', ...errorOf(err), gen });
    return;
  }
  posted = performance.now();
  unposted = false;
  partial = !full;
  post(ready ? { ...ready, frame: f } : f, frameTransfers(f));
}

// `as` rides along: the page turns the same file into ONNX (onnx.js).
function exportModel(as) {
  if (!session) return;
  post({ type: 'model', gen, step: stepNow, text: session.exportModel(), as });
}

// A saved model replaces the session only if the engine accepts the file;
// otherwise the error names what is wrong and nothing changes.
async function importModel({ file, gen: nextGen, csvId }) {
  let text;
  let next;
  try {
    text = await readModelText(file);
    await digitsFor(configOf(text), engine);
    next = engine.Session.importModel(text);
  } catch (err) {
    if (err instanceof WebAssembly.RuntimeError) throw err;
    post({ type: 'error', source: 'importModel', ...errorOf(err), message: `${file.name}: ${messageOf(err)}`, file: file.name, gen: nextGen });
    return;
  }
  let imported;
  try {
    imported = importedConfig(text, csvId);
  } catch (err) {
    next.free();
    throw err;
  }
  reset({ config: imported.config, gen: nextGen, resume: false }, next, { imported: { name: file.name, preview: imported.preview } });
}

// The least-squares solution gradient descent is heading for (lesson only),
// with the engine's predictions for the training and test rows, so the fit
// view can draw it without knowing the model.
function reference(s) {
  return s.leastSquares() || null;
}

function post(msg, transfer = []) {
  self.postMessage(msg, transfer);
}
