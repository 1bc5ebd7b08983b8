// A lesson step's check: a condition on the session the page shows, met by
// doing what the step says. Each constructor returns { kind, vars, holds }:
//   holds(s, ctx)  s is the store's state (main.js), ctx what the lesson
//                  controller adds: { instruments } (the step-through's and
//                  the race's status, instruments.js lessonStatus())
//   vars           the numbers the check's message names ({value} in the
//                  string table's `lesson.ID.N.check`)
// A check that held once stays passed for that visit of the step (the
// controller latches it): a learner who made a run diverge and then pressed
// Reset has still done what was asked.
//
// Every number a check reads comes from the engine: the frame's losses and
// accuracies, the test evaluation, the trace, the race's lanes.

const frameOf = (s) => (s.ready ? s.frame : null);

// The session on screen was built from these settings (not one still being built).
const settled = (s) => s.ready && s.config && !s.pendingReset;

// The training loss below `value`, within `maxSteps` updates if given.
export const trainLossBelow = (value, { maxSteps = Infinity } = {}) => ({
  kind: 'trainLossBelow',
  vars: { value, maxSteps },
  holds: (s) => {
    const f = frameOf(s);
    return !!f && !f.diverged && Number.isFinite(f.trainLoss) && f.trainLoss < value && f.step <= maxSteps;
  },
});

export const valLossBelow = (value) => ({
  kind: 'valLossBelow',
  vars: { value },
  holds: (s) => {
    const f = frameOf(s);
    return !!f && !f.diverged && Number.isFinite(f.valLoss) && f.valLoss < value;
  },
});

export const diverged = () => ({ kind: 'diverged', vars: {}, holds: (s) => !!frameOf(s)?.diverged });

export const stepsAtLeast = (n) => ({ kind: 'stepsAtLeast', vars: { n }, holds: (s) => (frameOf(s)?.step ?? 0) >= n });

// Hidden units of the model on screen (an MLP's layers; 0 for a linear or
// logistic model), from the engine's config.
export function hiddenUnits(s) {
  const h = s.config?.model?.hidden;
  return Array.isArray(h) ? h.reduce((a, b) => a + b, 0) : 0;
}

// Validation accuracy ≥ value, optionally with at most maxUnits hidden
// units and within maxSteps updates: a lesson's challenge.
export const valAccuracyAtLeast = (value, { maxUnits = Infinity, maxSteps = Infinity, source = null } = {}) => ({
  kind: 'valAccuracyAtLeast',
  vars: { value: Math.round(value * 100), maxUnits, maxSteps },
  holds: (s) => {
    const f = frameOf(s);
    if (!f || f.diverged || f.valAccuracy == null) return false;
    if (source && s.config?.data?.source !== source) return false;
    return f.valAccuracy >= value && hiddenUnits(s) <= maxUnits && f.step <= maxSteps;
  },
});

export const testEvaluated = () => ({ kind: 'testEvaluated', vars: {}, holds: (s) => !!s.testResult && s.testResult.gen === s.gen });

// The session was built with settings[key] === value (e.g. the model kind).
export const settingIs = (key, value) => ({
  kind: 'settingIs',
  vars: { value },
  holds: (s) => settled(s) && JSON.stringify(s.settings[key]) === JSON.stringify(value),
});

// A test of the settings (e.g. "at least two hidden layers").
export const settings = (test) => ({ kind: 'settings', vars: {}, holds: (s) => settled(s) && !!test(s.settings, s) });

export const earlyStopped = () => ({ kind: 'earlyStopped', vars: {}, holds: (s) => !!frameOf(s)?.earlyStopped });

// The step-through walked to its `update` phase (instruments.js).
export const traced = () => ({ kind: 'traced', vars: {}, holds: (s, ctx) => !!ctx.instruments?.tracePhasesSeen?.has('update') });

// "Check the gradient" ran and the engine's gradient agreed with finite differences.
export const gradientChecked = (maxRelativeError = 1e-2) => ({
  kind: 'gradientChecked',
  vars: { value: maxRelativeError },
  holds: (s, ctx) => {
    const c = ctx.instruments?.check;
    return !!c && Number.isFinite(c.maxRelativeError) && c.maxRelativeError <= maxRelativeError;
  },
});

// A step of the step-through was applied (trace-apply).
export const traceApplied = () => ({ kind: 'traceApplied', vars: {}, holds: (s, ctx) => (ctx.instruments?.applied ?? 0) > 0 });

// The landscape is on and has drawn a path of at least n points.
export const landscapePath = (n) => ({ kind: 'landscapePath', vars: { n }, holds: (s, ctx) => (ctx.instruments?.pathLength ?? 0) >= n });

// A race of `setting` ran at least `steps` steps, and lane `lane` (1-based)
// is the lowest of the lanes still training.
export const raceWinner = (setting, lane, steps) => ({
  kind: 'raceWinner',
  vars: { lane, steps },
  holds: (s, ctx) => {
    const r = ctx.instruments?.race;
    if (!r || r.setting !== setting || r.lanes.length < lane) return false;
    if (Math.min(...r.lanes.map((l) => l.step)) < steps) return false;
    const alive = r.lanes.filter((l) => !l.diverged && Number.isFinite(l.loss));
    const best = alive.reduce((a, l) => (l.loss < a.loss ? l : a), alive[0]);
    return !!best && best.lane === lane;
  },
});

// A race of `setting` has lane `lane` diverged.
export const raceDiverged = (setting, lane) => ({
  kind: 'raceDiverged',
  vars: { lane },
  holds: (s, ctx) => {
    const r = ctx.instruments?.race;
    return !!r && r.setting === setting && !!r.lanes[lane - 1]?.diverged;
  },
});

// The learner's own CSV file is the session's data.
export const csvTrained = (steps = 1) => ({
  kind: 'csvTrained',
  vars: { n: steps },
  holds: (s) => settled(s) && s.config?.data?.source === 'csv' && (frameOf(s)?.step ?? 0) >= steps,
});

// A digit was drawn on the pad and run through the model (deep.js).
export const digitDrawn = () => ({ kind: 'digitDrawn', vars: {}, holds: (s) => s.inspection?.source === 'drawn' });

// Every one of the checks.
export const all = (...checks) => ({
  kind: 'all',
  vars: Object.assign({}, ...checks.map((c) => c.vars)),
  holds: (s, ctx) => checks.every((c) => c.holds(s, ctx)),
});

// A race of `setting` in which lane `lane` (1-based) has the lowest loss of
// the lanes still training, once each of them ran at least `steps` steps,
// and that loss is below `below`; `values(v)`, if given, must accept the
// raced values (a challenge's rule on what the learner races). Unlike
// raceWinner it holds beside a diverged lane: a diverged lane stops at its
// step, and raceWinner waits for every lane's steps. It holds only for a
// race seen at its start (every lane at step 0) since its settings were
// set, so the last frame of an earlier race, still on screen until the new
// one's first frame arrives, never meets it. It watches every frame for that
// start, so in all(...) it goes first (all stops at the first check that
// does not hold).
export const raceLeader = (setting, lane, steps, { below = Infinity, values = null } = {}) => {
  let fresh = null; // the race (its settings, as JSON) last seen at its start
  return {
    kind: 'raceLeader',
    vars: { lane, steps, below },
    holds: (s, ctx) => {
      const r = ctx.instruments?.race;
      const set = s.settings.race;
      if (!r || !set || r.setting !== setting || set.setting !== setting || r.lanes.length < lane) return false;
      const key = JSON.stringify(set);
      if (r.lanes.every((l) => l.step === 0)) fresh = key;
      if (fresh !== key || (values && !values(set.values))) return false;
      const alive = r.lanes.filter((l) => !l.diverged && Number.isFinite(l.loss));
      if (!alive.length || Math.min(...alive.map((l) => l.step)) < steps) return false;
      const best = alive.reduce((a, l) => (l.loss < a.loss ? l : a));
      return best.lane === lane && best.loss < below;
    },
  };
};

// --- Added for the backprop, validation, testing and cnn lessons ---------

// Overfitting seen: the validation loss has risen to at least `ratio` × its
// lowest so far, while the training loss fell below what it was there (the
// engine's history, s.series: one point per scored frame), at least
// `later` × the lowest point's step: a rise that lasts, not the brief
// spike Adam can give in the first hundred updates.
export const overfitting = (ratio = 1.5, { later = 2 } = {}) => ({
  kind: 'overfitting',
  vars: { ratio },
  holds: (s) => {
    const f = frameOf(s);
    const h = s.series;
    if (!f || f.diverged || !h || !Number.isFinite(f.valLoss)) return false;
    let best = -1;
    for (let i = 0; i < h.valLoss.length; i++) {
      if (Number.isFinite(h.valLoss[i]) && (best < 0 || h.valLoss[i] < h.valLoss[best])) best = i;
    }
    return best >= 0 && f.valLoss >= ratio * h.valLoss[best] && f.trainLoss < h.trainLoss[best] && f.step >= later * h.step[best];
  },
});

// Stopped early and back on the best checkpoint's weights (restore-best):
// the validation loss on screen is the best one the engine kept.
export const bestRestored = () => ({
  kind: 'bestRestored',
  vars: {},
  holds: (s) => {
    const f = frameOf(s);
    return !!f?.earlyStopped && Number.isFinite(f.bestValLoss) && Math.abs(f.valLoss - f.bestValLoss) <= 1e-9 * Math.max(1, f.bestValLoss);
  },
});

// A digit drawn on the pad went through the model. The inspection deep.js
// keeps has no `source` field (digitDrawn above never holds), so the image
// it answered for is compared with the images the page shows otherwise:
// the validation samples and the mistakes the inspection lists.
export const digitDrawnOnPad = () => ({
  kind: 'digitDrawn',
  vars: {},
  holds: (s) => {
    const img = s.inspection?.image;
    const smp = s.dataset?.samples;
    if (!img || !smp || s.inspection.gen !== s.gen) return false;
    const same = (x) => x.length === img.length && x.every((v, i) => v === img[i]);
    for (let r = 0; r < smp.rows; r++) if (same(smp.x.subarray(r * smp.inputs, (r + 1) * smp.inputs))) return false;
    return !(s.inspection.mistakes?.items || []).some((it) => same(it.x));
  },
});

// The test split evaluated on the weights on screen (not trained since)
// while `check` holds: one honest score of the model that was chosen.
export const testedWhen = (check) => ({
  kind: 'testedWhen',
  vars: check.vars,
  holds: (s, ctx) => {
    const t = s.testResult;
    return !!t && t.gen === s.gen && t.step === frameOf(s)?.step && check.holds(s, ctx);
  },
});

// The lessons rnn, interpretability, privacy and compute (issue 14).

// The session on screen runs an engine config that passes test(config, s):
// s.config is what the worker built, where s.settings may already name
// the next session, still being built.
export const configIs = (test, vars = {}) => ({
  kind: 'configIs',
  vars,
  holds: (s) => !!s.ready && !!s.config && !!test(s.config, s),
});

// The Sequence panel shows the model's free run (deep.js asks for it once
// the Free run button is on), for the session on screen, after at least
// `steps` updates.
export const freeRunShown = (steps = 1) => ({
  kind: 'freeRunShown',
  vars: { n: steps },
  holds: (s) => {
    const q = s.sequence;
    return !!q?.free && q.gen === s.gen && (q.step ?? 0) >= steps;
  },
});

// A hidden unit is under the pointer in the network diagram, so the
// Output panel shows that unit's own output (main.js overlayOf: not an
// input, not the output layer); `layer` (from 1) if given.
export const unitFocused = ({ layer = null } = {}) => ({
  kind: 'unitFocused',
  vars: { layer },
  holds: (s) => {
    const f = s.focus;
    const cols = s.units?.layers.length ?? 0;
    return !!f && f.col >= 1 && f.col < cols - 1 && f.unit >= 0 && (layer == null || f.col === layer);
  },
});

// The image the cnn-panel looks inside is one the model gets wrong, picked
// from its mistakes: the inspected pixels are a mistake's, and not the
// sample image the panel opens with.
export const mistakeInspected = () => ({
  kind: 'mistakeInspected',
  vars: {},
  holds: (s) => {
    const insp = s.inspection;
    const img = insp?.image;
    if (!img || insp.gen !== s.gen || !insp.mistakes) return false;
    const same = (a, b) => a.length === b.length && a.every((v, i) => v === b[i]);
    const smp = s.dataset?.samples;
    if (smp && same(img, smp.x.subarray(0, smp.inputs))) return false;
    return insp.mistakes.items.some((it) => same(img, it.x));
  },
});

// The browser is offline (navigator.onLine is false: the network is off).
export const offline = () => ({ kind: 'offline', vars: {}, holds: () => globalThis.navigator?.onLine === false });

// The engine's floating-point operations per training step of the session
// on screen (info().flopsPerStep), within [min, max].
export const flopsPerStep = ({ min = 0, max = Infinity } = {}) => ({
  kind: 'flopsPerStep',
  vars: { min, max },
  holds: (s) => {
    const f = s.ready ? s.info?.flopsPerStep : null;
    return Number.isFinite(f) && f >= min && f <= max;
  },
});

// A compute budget: validation accuracy ≥ value with at most `maxFlops`
// operations of training spent, the step count × info().flopsPerStep (both
// the engine's); `source` the data set, if given.
export const accuracyWithinFlops = (value, maxFlops, { source = null } = {}) => ({
  kind: 'accuracyWithinFlops',
  vars: { value: Math.round(value * 100), mflops: maxFlops / 1e6 },
  holds: (s) => {
    const f = frameOf(s);
    const per = s.info?.flopsPerStep;
    if (!f || f.diverged || f.valAccuracy == null || !Number.isFinite(per)) return false;
    if (source && s.config?.data?.source !== source) return false;
    return f.valAccuracy >= value && f.step * per <= maxFlops;
  },
});

// --- Added for the compute lesson (continued) --------------------------------

// Steps a second measured at a speed of at least `minSpeed` updates a
// frame: the worker's rate (frame.stepsPerSecond, over its last second)
// while playing, once the session has run 30 frames' worth of updates at
// that speed (a fresh session's first steps are not the rate).
export const rateMeasured = (minSpeed) => ({
  kind: 'rateMeasured',
  vars: { speed: minSpeed },
  holds: (s) => {
    const f = frameOf(s);
    const speed = s.settings.speed;
    return !!f && speed >= minSpeed && f.stepsPerSecond > 0 && f.step >= 30 * speed;
  },
});

// --- Added for the privacy lesson ---------------------------------------------

// The learner's own CSV file is the data of the session on screen (loaded,
// not yet trained).
export const csvLoaded = () => ({
  kind: 'csvLoaded',
  vars: {},
  holds: (s) => settled(s) && s.config?.data?.source === 'csv' && !!frameOf(s),
});

// Trained `steps` more updates with the browser offline (navigator.onLine
// false: the network panel's "Offline", or no network at all), counted from
// the first frame seen offline; back online starts the count again.
export function trainedOffline(steps) {
  let from = null; // { gen, step } of the first frame seen offline
  return {
    kind: 'trainedOffline',
    vars: { n: steps },
    holds: (s) => {
      const f = frameOf(s);
      if (globalThis.navigator?.onLine !== false || !f) {
        if (globalThis.navigator?.onLine !== false) from = null;
        return false;
      }
      if (!from || from.gen !== s.gen) from = { gen: s.gen, step: f.step };
      return !f.diverged && f.step - from.step >= steps;
    },
  };
}

// A run of the learner's own file made offline from its first step: the
// session on screen was seen at step 0 with the browser offline, has stayed
// offline since, and its validation loss is now at most `ratio` × its first
// one (the engine's history, s.series).
export function csvHalvedOffline(ratio = 0.5) {
  let fresh = null; // the gen of a session seen at step 0 while offline
  return {
    kind: 'csvHalvedOffline',
    vars: { percent: Math.round(ratio * 100) },
    holds: (s) => {
      if (globalThis.navigator?.onLine !== false) {
        fresh = null;
        return false;
      }
      const f = frameOf(s);
      if (!f || !settled(s) || s.config?.data?.source !== 'csv') return false;
      if (f.step === 0) fresh = s.gen;
      const first = s.series?.step?.[0] === 0 ? s.series.valLoss[0] : NaN;
      return fresh === s.gen && !f.diverged && Number.isFinite(first) && Number.isFinite(f.valLoss) && f.step > 0 && f.valLoss <= ratio * first;
    },
  };
}

// The lesson testing: the test split looked at once. The first test
// evaluation of the session on screen is its only one, it was made on the
// weights on screen (not trained since), and `check` holds. A second look
// at the same model does not count; a Reset (a new session) starts again.
export const testedOnceWhen = (check) => {
  let gen = null; // the session whose first test evaluation is `first`
  let first = null;
  return {
    kind: 'testedOnceWhen',
    vars: check.vars,
    holds: (s, ctx) => {
      const t = s.testResult;
      if (!t || t.gen !== s.gen) return false;
      if (gen !== s.gen) {
        gen = s.gen;
        first = t;
      }
      return t === first && t.step === frameOf(s)?.step && check.holds(s, ctx);
    },
  };
};
