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
// The loss curves are kept here from the lanes' reports, a point per
// posted frame: Race.lane(i).history would copy a lane's whole history
// across the boundary on every frame.

const FRAME_MS = 1000 / 60;
const POST_MS = 33;
const SLICE_MS = 8;
const MAX_POINTS = 2048; // a lane's loss curve, thinned in place beyond this

let race = null; // { id, lanes: engine Race, args, series, playing }
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
    tools.post({ type: 'error', source: 'race', message: tools.messageOf(err), id: args.id });
    return;
  }
  if (race) race.lanes.free?.();
  race = { id: args.id, lanes, args, series: args.values.map(() => ({ step: [], loss: [] })), playing: false, last: null };
  race.surfaceDue = 0;
  record(reports(lanes.lanes()));
  post(true);
}

// The engine's lane reports, in one shape: { value, step, loss, valLoss, status }.
function reports(list) {
  return Array.from(list, (r) => {
    const m = r.report || r;
    return {
      value: String(r.value),
      step: m.step,
      loss: m.trainLoss ?? null,
      valLoss: m.valLoss ?? null,
      status: r.status,
    };
  });
}

function record(lanes) {
  race.last = lanes;
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

function train(n) {
  record(reports(race.lanes.train(n)));
  if (race.last.every((l) => l.status !== 'training')) race.playing = false;
}

let posted = 0;
// `now`: with the landscape whatever it costs (a step, a pause, a start);
// else when its turn comes (it takes at most a fifth of the worker's time).
function post(now = true) {
  if (!race) return;
  posted = performance.now();
  const series = race.series.map((s) => ({ step: Float32Array.from(s.step), loss: Float32Array.from(s.loss) }));
  const msg = { type: 'raceFrame', id: race.id, playing: race.playing, setting: race.args.setting, lanes: race.last, series };
  const transfer = series.flatMap((s) => [s.step.buffer, s.loss.buffer]);
  if (race.surfaceOn !== false && (now || posted >= race.surfaceDue)) {
    const t0 = performance.now();
    try {
      msg.surface = sharedSurface();
      transfer.push(msg.surface.values.buffer, ...msg.surface.paths.map((p) => p.buffer));
    } catch (err) {
      if (err instanceof WebAssembly.RuntimeError) throw err;
      race.surfaceOn = false; // e.g. a model with one parameter: no plane to show
    }
    race.surfaceDue = performance.now() + Math.max(250, (performance.now() - t0) * 5);
  }
  tools.post(msg, transfer);
}

const RESOLUTION = 31;
function sharedSurface() {
  const plane = [0, 1];
  const n = race.last.length;
  // Each lane's path first (a 2 × 2 grid costs four losses), then lane 1's
  // surface wide enough for every lane still on the board.
  // A diverged lane's weights are not finite numbers: the engine has no
  // surface for it, and it keeps the path it had before (kept here).
  const diverged = (i) => String(race.last[i].status).startsWith('diverged');
  race.paths ??= [];
  const paths = [];
  for (let i = 0; i < n; i++) {
    if (!diverged(i) || !race.paths[i]) {
      try {
        race.paths[i] = Float32Array.from(race.lanes.laneSurface(i, { plane, resolution: 2 }).path);
      } catch (err) {
        if (err instanceof WebAssembly.RuntimeError) throw err;
        race.paths[i] ??= new Float32Array(0);
      }
    }
    paths.push(race.paths[i].slice());
  }
  // The surface of the first lane still training.
  const alive = race.last.findIndex((l, i) => !diverged(i));
  if (alive < 0 && race.lastSurface) return { ...race.lastSurface, values: race.lastSurface.values.slice(), paths };
  const base = alive < 0 ? 0 : alive;
  const center = paths[base].slice(-2);
  let reach = 0;
  paths.forEach((p, i) => {
    if (String(race.last[i].status).startsWith('diverged')) return;
    for (let k = 0; k + 1 < p.length; k += 2) {
      const d = Math.max(Math.abs(p[k] - center[0]), Math.abs(p[k + 1] - center[1]));
      if (Number.isFinite(d)) reach = Math.max(reach, d);
    }
  });
  const s = race.lanes.laneSurface(base, { plane, resolution: RESOLUTION, span: reach > 0 ? reach * 1.15 : undefined });
  race.lastSurface = {
    resolution: s.resolution,
    values: Float32Array.from(s.values),
    axes: { x: Array.from(s.axes.x), y: Array.from(s.axes.y) },
    center: Array.from(s.center),
    path: paths[base],
    base,
  };
  return {
    resolution: s.resolution,
    values: Float32Array.from(s.values),
    axes: { x: Array.from(s.axes.x), y: Array.from(s.axes.y) },
    center: Array.from(s.center),
    path: paths[base],
    paths,
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
        if (race?.playing && done < speed) await sleep(0);
      }
      if (performance.now() - posted >= POST_MS) post(false);
      const spent = performance.now() - t0;
      await sleep(Math.max(FRAME_MS - spent, spent * 0.25));
    }
  } finally {
    looping = false;
  }
  post();
}

function sleep(ms) {
  return new Promise((r) => setTimeout(r, ms));
}
