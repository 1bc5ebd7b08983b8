// Race lanes in the worker (issue 13): 2 to 4 sessions from one config
// that differ in one setting, trained in lockstep by the engine's Race.
// The page sends {type:'race', op, ...}:
//   op 'start' {id, config, setting, values}  new lanes (the old race goes)
//   op 'play' | 'pause' | 'step' | 'reset' | 'end'
//   op 'speed' {value}                        updates per frame, per lane
// and gets {type:'raceFrame', id, playing, lanes: [{ value, step, loss,
// valLoss, status }], series: [{ step, loss }], surface?} after every chunk,
// or {type:'error', source: 'race', message} when the engine refuses a lane.
// `surface` is the shared landscape: lane 1's (or the first lane still
// training's, `base`) loss over its first two
// parameters (Race.laneSurface with plane [0, 1], whose coordinates are the
// parameters' own values, so every lane's path lies in the same plane),
// spanning every running lane's path, with each lane's path.
//
// The lanes train in slices without scoring (Race.trainSteps); their splits
// are scored (Race.lanes) for a posted frame, and the loss curves are kept
// here from those reports, a point each time: Race.lane(i).history would
// copy a lane's whole history across the boundary on every frame.

import { sleep, yieldNow } from './worker-util.js';

const FRAME_MS = 1000 / 60;
const POST_MS = 33;
const SLICE_MS = 8;
const MAX_POINTS = 2048; // a lane's loss curve, thinned in place beyond this
// Shares of the worker's time, while playing, for what the page shows
// beside the lanes' training, each paced by its own measured cost (as the
// page's own session paces its pictures): scoring every lane's training and
// validation split (the readouts and the curves; four digits CNNs: ~12 ms),
// the lanes' paths, and the shared landscape's grid (a 31×31 surface of the
// playground network: ~25 ms; 21×21 of the digits CNN: ~1 s). Scored every
// slice, four CNN lanes trained at a fifth of one session's rate; with the
// grid at a fifth of the time, four lanes together made 86% of one alone
// on the playground network (tests/e2e/instruments-speed.mjs).
const SCORE_SHARE = 0.1;
const PATH_SHARE = 0.03;
const GRID_SHARE = 0.05;

let race = null; // { id, lanes: engine Race, args, series, playing, ... }
let speed = 5;
let looping = false;
let tools = null;

export function handleRace(msg, env) {
  tools = env;
  switch (msg.op) {
    case 'start': return start(msg);
    case 'play':
      if (!race) return;
      race.playing = true;
      post();
      loop(); // runs beside the message queue, which must not wait for it
      return;
    case 'pause':
      if (race) race.playing = false;
      return post();
    case 'step':
      if (!race) return;
      race.playing = false;
      train(1);
      return post();
    case 'reset':
      if (race) start(race.args);
      return;
    case 'end':
      if (race) race.lanes.free?.();
      race = null;
      return tools.post({ type: 'raceFrame', id: msg.id ?? null, ended: true });
    case 'speed':
      speed = Math.max(1, Math.min(100000, Math.round(Number(msg.value) || 1)));
      return;
    default:
      return tools.post({ type: 'error', source: 'race', message: `unknown race command '${msg.op}'` });
  }
}

function start(args) {
  let lanes;
  try {
    lanes = new tools.engine.Race(args.config, args.setting, args.values);
  } catch (err) {
    if (err instanceof WebAssembly.RuntimeError) throw err;
    tools.post({ type: 'error', source: 'race', ...tools.errorOf(err), id: args.id });
    return;
  }
  if (race) race.lanes.free?.();
  race = {
    id: args.id,
    lanes,
    args,
    series: args.values.map(() => ({ step: [], loss: [] })),
    playing: false,
    last: null, // the lanes' latest scored reports
    steps: null, // the lanes' steps now (trainSteps), scored or not
    due: { score: 0, paths: 0, grid: 0 },
    drawn: { score: null, paths: null, grid: null }, // the steps each was computed at
    // The main landscape's rule: a coarser grid for image models, whose loss costs most.
    resolution: lanes.lane(0).info.inputShape ? 21 : 31,
  };
  score();
  // The lanes first; then the landscape, which for four digits CNNs takes
  // a second or two.
  post(true, false);
  post(true);
}

// The engine's lane reports, in one shape: { value, step, loss, valLoss, status, divergence }.
function reports(list) {
  return Array.from(list, (r) => {
    const m = r.report || r;
    return {
      value: String(r.value),
      step: m.step,
      loss: m.trainLoss ?? null,
      valLoss: m.valLoss ?? null,
      status: r.status,
      // Why a diverged lane stopped: the engine's `diverged` error.
      divergence: r.divergence ?? null,
    };
  });
}

// Every lane's splits scored now: the readouts and a point on each curve.
function score() {
  const lanes = reports(race.lanes.lanes());
  race.last = lanes;
  race.steps = lanes.map((l) => l.step).join();
  race.drawn.score = race.steps;
  lanes.forEach((l, i) => {
    const s = race.series[i];
    if (s.step.length && s.step[s.step.length - 1] === l.step) return;
    s.step.push(l.step);
    s.loss.push(Number.isFinite(l.loss) ? l.loss : NaN);
    if (s.step.length > MAX_POINTS) {
      // Keep every other point (and the newest): the curve's shape stays.
      s.step = s.step.filter((_, k) => k % 2 === 0 || k === s.step.length - 1);
      s.loss = s.loss.filter((_, k) => k % 2 === 0 || k === s.loss.length - 1);
    }
  });
}

// Updates without scoring (Race.trainSteps): scoring waits for a post.
function train(n) {
  const now = Array.from(race.lanes.trainSteps(n));
  race.steps = now.map((l) => l.step).join();
  if (now.every((l) => l.status !== 'training')) race.playing = false;
}

// `what` (a function) now if `now`, else once its share of the time allows;
// never again for the same steps. Returns whether it ran.
function paced(key, share, now, what) {
  const t0 = performance.now();
  if (race.drawn[key] === race.steps || (!now && t0 < race.due[key])) return false;
  what();
  const t1 = performance.now();
  race.drawn[key] = race.steps;
  race.due[key] = t1 + Math.max(POST_MS, (t1 - t0) / share);
  return true;
}

let posted = 0;
// `now`: everything for the weights as they are (a start, step or pause);
// while playing, each part when its share of the time comes.
function post(now = true, surface = true) {
  if (!race) return;
  posted = performance.now();
  paced('score', SCORE_SHARE, now, score);
  const series = race.series.map((s) => ({ step: Float32Array.from(s.step), loss: Float32Array.from(s.loss) }));
  const msg = { type: 'raceFrame', id: race.id, playing: race.playing, setting: race.args.setting, lanes: race.last, series };
  const transfer = series.flatMap((s) => [s.step.buffer, s.loss.buffer]);
  // Paths and grid only from lanes just scored: a lane's status must be
  // current (the engine has no surface of a lane that diverged since).
  if (surface && race.surfaceOn !== false && race.drawn.score === race.steps) {
    try {
      const paths = paced('paths', PATH_SHARE, now, lanePaths);
      const grid = paced('grid', GRID_SHARE, now, sharedGrid);
      if ((paths || grid) && race.grid) {
        const g = race.grid;
        msg.surface = { ...g, values: g.values.slice(), path: race.paths[g.base].slice(), paths: race.paths.map((p) => p.slice()) };
        transfer.push(msg.surface.values.buffer, msg.surface.path.buffer, ...msg.surface.paths.map((p) => p.buffer));
      }
    } catch (err) {
      if (err instanceof WebAssembly.RuntimeError) throw err;
      race.surfaceOn = false; // e.g. a model with one parameter: no plane to show
    }
  }
  tools.post(msg, transfer);
}

// The shared landscape: lane 1's (or the first lane still training's,
// `base`) loss over the first two parameters, whose coordinates are the
// parameters' own values, so every lane's path lies in the same plane.
const PLANE = [0, 1];
const diverged = (i) => String(race.last[i].status).startsWith('diverged');

// Each lane's path (a 2 × 2 grid costs four losses). A diverged lane's
// weights are not finite numbers: the engine has no surface for it, and it
// keeps the path it had before.
function lanePaths() {
  race.paths ??= [];
  race.last.forEach((_, i) => {
    if (diverged(i) && race.paths[i]) return;
    try {
      race.paths[i] = Float32Array.from(race.lanes.laneSurface(i, { plane: PLANE, resolution: 2 }).path);
    } catch (err) {
      if (err instanceof WebAssembly.RuntimeError) throw err;
      race.paths[i] ??= new Float32Array(0);
    }
  });
}

// The first lane still training's surface, wide enough for every lane
// still on the board (once every lane diverged, the last one stays).
function sharedGrid() {
  if (!race.paths) lanePaths();
  const alive = race.last.findIndex((l, i) => !diverged(i));
  if (alive < 0 && race.grid) return;
  const base = alive < 0 ? 0 : alive;
  const center = race.paths[base].slice(-2);
  let reach = 0;
  race.paths.forEach((p, i) => {
    if (diverged(i)) return;
    for (let k = 0; k + 1 < p.length; k += 2) {
      const d = Math.max(Math.abs(p[k] - center[0]), Math.abs(p[k + 1] - center[1]));
      if (Number.isFinite(d)) reach = Math.max(reach, d);
    }
  });
  const s = race.lanes.laneSurface(base, { plane: PLANE, resolution: race.resolution, span: reach > 0 ? reach * 1.15 : undefined });
  race.grid = {
    resolution: s.resolution,
    values: Float32Array.from(s.values),
    axes: { x: Array.from(s.axes.x), y: Array.from(s.axes.y) },
    center: Array.from(s.center),
    base,
  };
}

async function loop() {
  if (looping) return;
  looping = true;
  try {
    let slice = 4;
    while (race?.playing) {
      const t0 = performance.now();
      let done = 0;
      while (race?.playing && done < speed) {
        const n = Math.min(speed - done, slice);
        const ts = performance.now();
        train(n);
        const ms = performance.now() - ts;
        slice = Math.max(1, Math.min(2000, Math.round((slice + SLICE_MS / Math.max(ms / n, 0.005)) / 2)));
        done += n;
        // Let a waiting pause or end in. Not setTimeout(0): nested, it
        // waits 4 ms, a third of the four digits CNNs' time at top speed.
        if (race?.playing && done < speed) await yieldNow();
      }
      if (performance.now() - posted >= POST_MS) post(false);
      // Rest as the page's own session does (worker.js loop).
      const spent = performance.now() - t0;
      const rest = Math.max(FRAME_MS - spent, spent * 0.25);
      await (rest > 1 ? sleep(rest) : yieldNow());
    }
  } finally {
    looping = false;
  }
  post();
}
