// The one place that talks to wasm. It owns the Session and the training
// loop, so the page never blocks on maths: it only ever draws the latest
// frame this worker posts.
//
// Messages in (from main.js):
//   {type:'reset', config}          new Session(config); the old one is kept if this throws
//   {type:'play'} | {type:'pause'}
//   {type:'step'}                   pause, then exactly one update
//   {type:'setLearningRate', value} takes effect on the next update, no reset
//   {type:'setSpeed', value}        updates per frame
// Messages out:
//   {type:'ready', dataset, reference}   once per successful reset: what does not change while training
//   {type:'frame', ...}                  after every chunk of updates (see frame())
//   {type:'status', playing}             play/pause took effect
//   {type:'learningRate', value}         a new learning rate was accepted
//   {type:'error', source, message}      a Session call threw; source is the command that failed

import init, { Session } from '../pkg/descent.js';

// One chunk per display frame: `speed` then means "updates per frame", which
// is what the speed control promises, and the loop sleeps between chunks so
// pause/reset/learning-rate messages are handled at once.
const FRAME_MS = 1000 / 60;

let session = null;
let dataset = null; // the splits' inputs, cached: predictions need them every frame
let history = null;
let last = null; // the latest train() result
let playing = false;
let looping = false;
let speed = 5;
let learningRate = null; // in effect now; frames carry it so a divergence message names the rate that caused it

// Start loading the wasm immediately; every message waits for it, in order.
const ready = init();

self.onmessage = async (event) => {
  const msg = event.data;
  try {
    await ready;
  } catch (err) {
    post({ type: 'error', source: 'init', message: `The engine (WebAssembly) did not load: ${messageOf(err)}` });
    return;
  }
  switch (msg.type) {
    case 'reset': return reset(msg.config);
    case 'play': return play();
    case 'pause': return setPlaying(false);
    case 'step': return step();
    case 'setLearningRate': return setLearningRate(msg.value);
    case 'setSpeed':
      speed = Math.max(1, Math.round(Number(msg.value) || 1));
      return;
    default:
      post({ type: 'error', source: 'worker', message: `unknown message '${msg.type}'` });
  }
};

function reset(config) {
  let next;
  try {
    next = new Session(config);
  } catch (err) {
    // Keep the previous session and its picture: a typo should not wipe a run.
    post({ type: 'error', source: 'reset', message: messageOf(err) });
    return;
  }
  setPlaying(false);
  if (session) session.free();
  session = next;
  last = null;
  learningRate = config.train.learningRate;
  history = new LossHistory(2048, ['trainLoss', 'testLoss']);

  const info = session.info();
  const train = session.split('train');
  const test = info.testSize > 0 ? session.split('test') : null;
  dataset = { train, test };
  post({
    type: 'ready',
    config,
    info,
    dataset: {
      featureNames: info.featureNames,
      train: { x: train.x.slice(), y: train.y.slice(), rows: train.rows, inputs: train.inputs },
      test: test && { x: test.x.slice(), y: test.y.slice(), rows: test.rows, inputs: test.inputs },
    },
    reference: reference(session, dataset),
  });
  postFrame();
}

function play() {
  if (!session || isDiverged()) return;
  setPlaying(true);
  loop();
}

function setPlaying(on) {
  if (playing === on) return;
  playing = on;
  post({ type: 'status', playing });
}

async function loop() {
  if (looping) return; // one loop at most, however often play is pressed
  looping = true;
  while (playing) {
    const t0 = performance.now();
    trainChunk(speed);
    postFrame();
    const rest = FRAME_MS - (performance.now() - t0);
    await new Promise((r) => setTimeout(r, Math.max(0, rest)));
  }
  looping = false;
}

function step() {
  setPlaying(false);
  if (!session || isDiverged()) return;
  trainChunk(1);
  postFrame();
}

function trainChunk(n) {
  last = session.train(n);
  if (isDiverged()) setPlaying(false);
}

function isDiverged() {
  return !!last && (last.diverged || last.trainLoss == null || !Number.isFinite(last.trainLoss));
}

function setLearningRate(value) {
  if (!session) return;
  try {
    session.setLearningRate(value);
  } catch (err) {
    post({ type: 'error', source: 'learningRate', message: messageOf(err) });
    return;
  }
  learningRate = value;
  post({ type: 'learningRate', value });
}

// Everything the views need for one picture, from the current session.
function frame() {
  const test = dataset.test ? session.evaluate('test') : null;
  const params = session.parameters().map((p) => ({ name: p.name, shape: p.shape, values: own(p.values) }));
  const step = last ? last.step : 0;
  const trainLoss = last ? last.trainLoss : session.evaluate('train').loss;
  const testMse = test ? test.mse : null;
  // One point per frame (not per update): at high speed that is plenty, and
  // the loss over the whole split comes free with every train() call.
  if (step > history.lastStep) history.push(step, [trainLoss, testMse]);
  return {
    type: 'frame',
    step,
    epoch: last ? last.epoch : 0,
    trainLoss,
    valLoss: last ? last.valLoss : null,
    diverged: isDiverged(),
    learningRate,
    playing,
    testMse,
    params,
    predictions: {
      train: own(session.predict(dataset.train.x)),
      test: dataset.test ? own(session.predict(dataset.test.x)) : null,
    },
    series: history.arrays(),
  };
}

function postFrame() {
  let f;
  try {
    f = frame();
  } catch (err) {
    setPlaying(false);
    post({ type: 'error', source: 'frame', message: messageOf(err) });
    return;
  }
  const buffers = [...Object.values(f.series).map((a) => a.buffer), f.predictions.train.buffer, ...f.params.map((p) => p.values.buffer)];
  if (f.predictions.test) buffers.push(f.predictions.test.buffer);
  post(f, buffers);
}

// The least-squares solution gradient descent is heading for, with its
// predictions so the fit view can draw it without knowing the model.
function reference(s, data) {
  const ls = s.leastSquares();
  if (!ls) return null;
  const predict = (split) => {
    if (!split) return null;
    const out = new Float32Array(split.rows);
    for (let r = 0; r < split.rows; r++) {
      let v = ls.bias;
      for (let c = 0; c < split.inputs; c++) v += ls.weights[c] * split.x[r * split.inputs + c];
      out[r] = v;
    }
    return out;
  };
  return { ...ls, predictions: { train: predict(data.train), test: predict(data.test) } };
}

// Transferring a buffer detaches it; never let that be wasm's own memory.
// (A view into wasm memory is part of a larger buffer, so it gets copied.)
function own(a) {
  return a.buffer instanceof ArrayBuffer && a.byteOffset === 0 && a.buffer.byteLength === a.byteLength ? a : a.slice();
}

function post(msg, transfer = []) {
  self.postMessage(msg, transfer);
}

function messageOf(err) {
  return err && err.message ? err.message : String(err);
}

// Loss curve points, bounded: when full, every other point is dropped and
// points are then kept twice as far apart, so a run of a million steps still
// draws its whole history from a few thousand points. The newest point is
// always kept so the curve reaches the current step.
class LossHistory {
  constructor(capacity, columns) {
    this.capacity = capacity;
    this.columns = columns;
    this.rows = []; // [step, ...one value per column]
    this.gap = 1;
    this.tail = null;
  }
  get lastStep() {
    const row = this.tail || this.rows[this.rows.length - 1];
    return row ? row[0] : -1;
  }
  push(step, values) {
    const row = [step, ...values.map((v) => (v == null ? NaN : v))];
    const kept = this.rows.length ? this.rows[this.rows.length - 1][0] : -Infinity;
    if (step - kept < this.gap) {
      this.tail = row;
      return;
    }
    this.tail = null;
    this.rows.push(row);
    if (this.rows.length >= this.capacity) {
      this.rows = this.rows.filter((_, i) => i % 2 === 0);
      this.gap *= 2;
    }
  }
  // Column arrays, ready to transfer: { step, trainLoss, testLoss }.
  arrays() {
    const rows = this.tail ? [...this.rows, this.tail] : this.rows;
    const out = { step: Float32Array.from(rows, (r) => r[0]) };
    this.columns.forEach((name, c) => {
      out[name] = Float32Array.from(rows, (r) => r[c + 1]);
    });
    return out;
  }
}
