// Inside one step of gradient descent (issue 13), wired to the store and
// the worker: the step-through (views/trace-panel.js), the loss landscape
// (views/landscape-view.js) and the race (views/race-view.js). The worker
// computes every number (worker-trace.js, worker-race.js); this module
// asks for them, keeps the answers in the store and hands them to the
// views. main.js passes on worker messages and calls draw(s).
//
// Test hook (like debug.js, reached by no control):
//   document.dispatchEvent(new CustomEvent('descent:debug', { detail: { type: 'instruments', reply } }))
//   reply({ trace, traceStep, step, params, train, surfacePath }): the trace on screen
//   (arrays as plain arrays), the weights of the latest frame, the training
//   rows and the landscape's path ((x, y) pairs).

import { createTracePanel, PHASES } from './views/trace-panel.js';
import { createLandscapeView, laneColor } from './views/landscape-view.js';
import { createRaceView } from './views/race-view.js';
import { toConfig } from './state.js';
import { raceCodec } from './hash.js';
import { phrase } from './strings/phrase.js';
import { RACE, SURFACE } from './catalog.js';
import { text, fillTexts } from './strings/index.js';
import { errorText } from './error-text.js';
import { setText, setAttr, setProp } from './views/dom.js';

const EPSILON = 1e-3; // the finite-difference step of "Check the gradient"
const RACE_EVERY_MS = 100; // the race chart while it runs, as the loss chart

// `due`: main.js's redraw gate (at most one canvas view per animation frame while training).
export function createInstruments({ store, send, intents, change, currentGen, root, due }) {
  fillTexts(root);
  const $ = (id) => root.querySelector(`[data-testid="${id}"]`);
  let traceId = 0;
  let raceId = 0;
  let raceFromLink = !!store.get().settings.race; // a race the link asked for: a refusal is a notice
  let raceGen = null; // the session a race was started from
  const local = {
    trace: null, // the worker's report
    traceStep: null, // the session's step when it was traced
    phase: 'forward',
    check: null,
    checking: false,
    note: '',
    surface: null,
    surfaceWaiting: false,
    raceFrame: null,
    raceSurface: null, // the race's shared landscape, kept between the frames that bring one
    // What a lesson's check asks of the step-through (lessons/checks.js):
    // the phases walked since the last trace, and steps applied from it.
    phasesSeen: new Set(),
    applied: 0,
  };
  const set = (patch) => {
    Object.assign(local, patch);
    store.set({});
  };

  const planeSelect = $('landscape-plane');
  const showButton = $('landscape-show');
  const progress = $('landscape-progress');
  const caption = $('landscape-caption');

  Object.assign(intents, {
    traceRows(rows) {
      askTrace({ rows });
    },
    traceNext() {
      askTrace('next');
    },
    tracePhase() {
      if (!local.trace) return;
      const phase = PHASES[(PHASES.indexOf(local.phase) + 1) % PHASES.length];
      local.phasesSeen.add(phase);
      set({ phase });
    },
    traceApply() {
      const s = store.get();
      if (!canApply(s)) return;
      local.applied += 1;
      send({ type: 'traceApply', gen: s.gen, step: local.traceStep, batch: batchOf(local.trace) });
    },
    traceCheck() {
      const s = store.get();
      if (!local.trace || !s.ready) return;
      set({ checking: true, check: null });
      send({ type: 'gradientCheck', gen: s.gen, id: traceId, batch: batchOf(local.trace), epsilon: EPSILON });
    },
    landscapeShow() {
      const on = !store.get().settings.landscape;
      change({ landscape: on ? planeSelect.value || 'path' : null });
    },
    landscapePlane(plane) {
      if (store.get().settings.landscape) change({ landscape: plane });
    },
    // The starting point dropped on a two-parameter model's own plane:
    // (x, y) are the two parameters' values; the engine sets them and
    // training starts again from there (worker.js 'setParameters').
    landscapeDrop(x, y) {
      const s = store.get();
      if (!canDrag(s) || !Number.isFinite(x) || !Number.isFinite(y)) return;
      traceId += 1; // a trace asked for before is of weights that are gone
      set({ trace: null, check: null, checking: false, surfaceWaiting: true });
      send({ type: 'setParameters', gen: s.gen, values: [x, y] });
    },
    raceStart(setting, valuesText) {
      const r = raceCodec.parse(`${setting}:${valuesText}`);
      if (r.problem) {
        intents.invalid('race', phrase('sentence', { what: r.problem }));
        return;
      }
      raceFromLink = false;
      change({ race: r });
      startRace(r);
    },
    raceCommand(op) {
      if (op === 'play' || op === 'step') send({ type: 'race', op: 'speed', value: store.get().settings.speed });
      send({ type: 'race', op });
    },
    raceEnd() {
      startedKey = null;
      send({ type: 'race', op: 'end', id: raceId });
      change({ race: null });
      set({ raceFrame: null });
    },
  });

  function askTrace(batch) {
    const s = store.get();
    if (!s.ready) return;
    if (s.playing) intents.togglePlay(); // a trace of moving weights is stale at once
    traceId += 1;
    send({ type: 'trace', gen: s.gen, id: traceId, batch });
  }

  const batchOf = (t) => (t.batch === 'next' ? 'next' : { rows: t.rows });
  const stale = (s) => !!local.trace && s.frame?.step !== local.traceStep;
  // Only where the plane's axes are the model's only two parameters is a
  // point on it a whole set of weights.
  const canDrag = (s) => s.ready && s.info?.parameters === 2 && s.settings.landscape === 'axes' && Array.isArray(local.surface?.plane);
  const canApply = (s) => !!local.trace && !stale(s) && !s.playing && s.ready && !s.frame?.diverged;

  let startedKey = null;
  const raceKey = (r) => JSON.stringify([r.setting, r.values]);
  function startRace(r) {
    const s = store.get();
    startedKey = raceKey(r);
    raceId += 1;
    raceGen = s.gen;
    send({ type: 'race', op: 'speed', value: s.settings.speed });
    // The lanes' shared config is the page's own; each lane sets the raced setting.
    send({ type: 'race', op: 'start', id: raceId, config: toConfig(s.settings), setting: r.setting, values: r.values });
  }

  function sendLandscape(s) {
    const plane = s.settings.landscape;
    const resolution = Math.min(SURFACE.max, s.info?.inputShape ? 21 : 41);
    send({ type: 'landscape', plane: plane === 'axes' ? [0, 1] : plane, resolution });
    if (plane) set({ surfaceWaiting: true });
  }

  // A link pasted into the address bar is a link too: its race's refusal is a notice.
  addEventListener('hashchange', () => {
    raceFromLink = true;
  });

  planeSelect.addEventListener('change', () => intents.landscapePlane(planeSelect.value));
  showButton.addEventListener('click', () => intents.landscapeShow());

  const trace = createTracePanel($('trace-panel'), intents);
  const landscape = createLandscapeView($('landscape'), intents);
  const race = createRaceView($('race'), intents, { settings: RACE.settings });

  // A click on a training point of the Output panel's plane traces that row.
  const output = document.querySelector('[data-testid="output-view"]');
  output?.addEventListener('click', (e) => {
    const s = store.get();
    const box = output.dataset.plotBox?.split(',').map(Number);
    const train = s.dataset?.train;
    if (!box || !train || train.inputs < 2) return;
    const r = output.getBoundingClientRect();
    const [left, top, size, d] = box;
    const x = ((e.clientX - r.left - left) / size) * 2 * d - d;
    const y = d - ((e.clientY - r.top - top) / size) * 2 * d;
    let best = -1;
    let bestD = ((12 / size) * 2 * d) ** 2; // within 12 px
    for (let i = 0; i < train.rows; i++) {
      const dx = train.x[i * train.inputs] - x;
      const dy = train.x[i * train.inputs + 1] - y;
      if (dx * dx + dy * dy < bestD) {
        bestD = dx * dx + dy * dy;
        best = i;
      }
    }
    if (best >= 0) {
      $('trace-row').value = String(best);
      intents.traceRows([best]);
    }
  });

  document.addEventListener('descent:debug', ({ detail }) => {
    if (detail?.type !== 'instruments' || typeof detail.reply !== 'function') return;
    const s = store.get();
    const plain = (v) => (ArrayBuffer.isView(v) ? Array.from(v) : Array.isArray(v) ? v.map(plain) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)])) : v);
    const train = s.dataset?.train;
    detail.reply({
      trace: plain(local.trace), traceStep: local.traceStep, step: s.frame?.step ?? null, params: plain(s.frame?.params ?? null),
      train: train ? { x: Array.from(train.x), inputs: train.inputs, rows: train.rows } : null,
      surfacePath: local.surface ? Array.from(local.surface.path) : null,
    });
  });

  let lastGen = null;
  let lastLandscape;
  let lastSpeed = store.get().settings.speed;

  return {
    // After a language switch: the plane picker's names are made again
    // (the panels' other words are drawn from the tables on every redraw).
    relabel() {
      const value = planeSelect.value;
      planeSelect.textContent = '';
      fillPlanes(store.get());
      planeSelect.value = value;
      race.relabel();
    },
    // What a lesson's check reads (lessons/checks.js): the step-through's
    // progress, the gradient check, the landscape's path and the race's lanes.
    lessonStatus() {
      const f = local.raceFrame;
      return {
        tracePhasesSeen: local.trace ? local.phasesSeen : new Set(),
        check: local.check,
        applied: local.applied,
        pathLength: store.get().settings.landscape && local.surface ? local.surface.path.length / 2 : 0,
        race: f && f.lanes ? {
          setting: f.setting,
          lanes: f.lanes.map((l, i) => ({ lane: i + 1, step: l.step, loss: l.loss, diverged: /^diverged/.test(l.status || '') })),
        } : null,
      };
    },
    // Worker messages; true when handled here.
    onMessage(msg) {
      const gen = currentGen();
      switch (msg.type) {
        case 'ready':
          // A new session: its own trace and surface (main.js handles the rest).
          Object.assign(local, { trace: null, check: null, checking: false, surface: null, surfaceWaiting: !!store.get().settings.landscape });
          return false;
        case 'trace':
          if (msg.gen === gen && msg.id === traceId) set({ trace: msg.report, traceStep: msg.step, phase: 'forward', phasesSeen: new Set(['forward']), check: null, checking: false, note: '' });
          return true;
        case 'gradientCheck':
          if (msg.gen === gen) set({ check: msg.result, checking: false });
          return true;
        case 'surface':
          if (msg.gen === gen) set({ surface: msg.surface, surfaceWaiting: false });
          return true;
        case 'raceFrame':
          if (msg.ended) set({ raceFrame: null });
          else if (msg.id === raceId) set({ raceFrame: msg, raceSurface: msg.surface || local.raceSurface });
          return true;
        case 'error':
          if (msg.source === 'race') {
            // A lane the engine refuses: the race is not set up, and says why.
            change({ race: null });
            if (raceFromLink) store.set({ notice: text('race.refusedLink', { why: errorText(msg) }) });
            else store.set({ commandError: { source: 'race', message: text('race.refused', { why: errorText(msg) }) } });
            raceFromLink = false;
            set({ raceFrame: null });
            return true;
          }
          if (msg.source === 'gradientCheck') set({ checking: false });
          if (msg.source === 'landscape') {
            set({ surfaceWaiting: false });
            change({ landscape: null });
          }
          return false; // main.js shows it
        default:
          return false;
      }
    },

    draw(s) {
      const st = s.settings;
      if (s.ready && s.gen !== lastGen) {
        // A new session: its own trace, surface and race.
        lastGen = s.gen;
        if (st.race && raceGen !== s.gen) startRace(st.race);
        fillPlanes(s);
      } else if (s.ready && st.race && raceKey(st.race) !== startedKey) {
        // A race set from the settings alone (a lesson's step) on the same session.
        startRace(st.race);
      }
      if (s.ready && st.landscape !== lastLandscape) {
        lastLandscape = st.landscape;
        sendLandscape(s);
      }
      if (!s.ready) return;

      // Not on every frame while training: only what the panel shows.
      if (due('trace', [local.trace, local.phase, stale(s), local.check, local.checking, s.playing, local.note, !!s.frame?.diverged], { heavy: true })) {
        trace.draw({
          trace: local.trace,
          phase: local.phase,
          traceStep: local.traceStep,
          stale: stale(s),
          check: local.check,
          checking: local.checking,
          ready: s.ready && !s.frame?.diverged, // a diverged session's weights are not numbers to trace
          canApply: canApply(s),
          rows: s.info?.trainSize,
          note: local.note,
        });
      }

      if (due('landscape', [local.surface, local.surfaceWaiting, st.landscape, s.info], { heavy: true })) {
        setAttr(showButton, 'aria-pressed', String(!!st.landscape));
        setText(showButton, text(st.landscape ? 'landscape.hide' : 'landscape.show'));
        if (st.landscape && planeSelect.value !== st.landscape) setProp(planeSelect, 'value', st.landscape);
        progress.hidden = !(st.landscape && local.surfaceWaiting);
        const surface = st.landscape ? local.surface : null;
        const draggable = canDrag(s);
        const [xName, yName] = [flatName(s.frame?.params, 0), flatName(s.frame?.params, 1)];
        landscape.draw({
          surface,
          xLabel: st.landscape === 'axes' ? xName : text('landscape.axisX'),
          yLabel: st.landscape === 'axes' ? yName : text('landscape.axisY'),
          draggable,
          label: draggable ? text('landscape.dragLabel', { x: xName, y: yName }) : text('landscape.title'),
        });
        const standIn = st.landscape === 'path' && surface?.plane === 'random' ? ` ${text('landscape.standIn')}` : '';
        const drag = draggable ? ` ${text('landscape.drag')}` : '';
        setText(caption, st.landscape ? text('landscape.caption', { plane: planeSelect.selectedOptions[0]?.textContent || '' }) + standIn + drag : text('landscape.off'));
      }

      const frame = local.raceFrame;
      if (due('race', [frame, local.raceSurface], { every: frame?.playing ? RACE_EVERY_MS : 0, heavy: true })) {
        race.draw({ race: st.race, frame, surface: local.raceSurface, axisNames: [flatName(s.frame?.params, 0), flatName(s.frame?.params, 1)], valuesText: st.race ? raceCodec.showValues(st.race) : '' });
      }
      if (st.speed !== lastSpeed) {
        lastSpeed = st.speed;
        send({ type: 'race', op: 'speed', value: st.speed });
      }
    },
  };

  // The planes this model offers: two parameters only when it has exactly two.
  function fillPlanes(s) {
    const want = ['path', 'random', ...(s.info?.parameters === 2 ? ['axes'] : [])];
    const have = [...planeSelect.options].map((o) => o.value);
    if (want.join() === have.join()) return;
    planeSelect.textContent = '';
    for (const p of want) {
      const o = document.createElement('option');
      o.value = p;
      o.textContent = p === 'axes' ? text('landscape.plane.axes', { x: flatName(s.frame?.params, 0), y: flatName(s.frame?.params, 1) }) : text(`landscape.plane.${p}`);
      planeSelect.append(o);
    }
    if (s.settings.landscape && !want.includes(s.settings.landscape)) change({ landscape: 'path' });
  }
}

// The name of flat parameter `i` (parameters() order): 'dense0.bias', or
// 'dense0.weight[1]' inside a larger tensor.
function flatName(params, i) {
  let k = i;
  for (const p of params || []) {
    const n = p.values.length;
    if (k < n) return n === 1 ? p.name : `${p.name}[${k}]`;
    k -= n;
  }
  return `θ${i}`;
}

export { laneColor };
