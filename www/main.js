// Wires the page: user intents become settings (kept in location.hash) and
// messages to the worker; worker messages update the one state object; the
// views redraw from it once per animation frame. Nothing here touches wasm.

// boot.js has (usually) already run from <head>, started the worker and
// asked for the first session.
import { takeEarlyWorker } from './boot.js';
import { newWorker } from './new-worker.js';
import {
  initialState, createStore, errorText, toConfig, fixSettings, presetSettings, defaultSettings, LIVE_KEYS,
} from './state.js';
import { limits, inRange, rangeText } from './catalog.js';
import { formatNumber } from './format.js';
import { isLesson } from './presets.js';
import { frameReset, framePatch, frameDeps } from './frame-protocol.js';
import { encodeHash, decodeHash, useLessons } from './hash.js';
import { lessonById, settingsAt } from './lessons/index.js';
import * as lesson from './lessons/linear-data.js';
import { createControls } from './views/controls.js';
import { createDataPanel } from './views/data-panel.js';
import { createModelPanel } from './views/model-panel.js';
import { createOutputView, outputMode } from './views/output-view.js';
import { createNetworkView } from './views/network-view.js';
import { createLineChart } from './views/loss-chart.js';
import { createEvalView } from './views/eval-view.js';
import { createParamsView } from './views/params-view.js';
import { createPredictionsTable } from './views/predictions-table.js';
import { createErrorView } from './views/error-view.js';
import { palette, refreshPalette, measureCanvases, FRAME_BUDGET_MS } from './views/plot.js';
import { createDeep } from './deep.js';
import { createYourData } from './yourdata.js';
import { createExports } from './export.js';
import { createDebugHooks } from './debug.js';
import { createCsvPanel } from './views/csv-panel.js';
import { createAxesPicker } from './views/csv-scatter.js';
import { createInstruments } from './instruments.js';
import { createLessonMode } from './lesson-mode.js';
import { text, words, label, fillTexts, preferred, language, LANGUAGES } from './strings/index.js';
import { phrase } from './strings/phrase.js';
import { loadLanguage } from './strings/load.js';
import { createLangPicker } from './views/lang-picker.js';

const byTestId = (id) => document.querySelector(`[data-testid="${id}"]`);

// The page's language before anything is drawn: the link's lang=, else the
// browser's (hash.js checks the link's value again, and says so if it is
// wrong). Another language than English is one more file on this path.
{
  const asked = new URLSearchParams(location.hash.slice(1)).get('lang');
  const lang = LANGUAGES.includes(asked) ? asked : preferred(navigator.languages || []);
  try {
    await loadLanguage(lang);
  } catch {
    await loadLanguage('en'); // a missing table file: the page still works, in English
  }
  fillTexts(document.body);
  document.title = text('page.title');
}

// The first worker, with the link's settings it was started from. It was
// asked for the first session already, and builds it while the views below
// are created (its answers are handled after this module has run).
useLessons({ lessonById, settingsAt });
const early = takeEarlyWorker(import.meta.url);
const { opened } = early;
const store = createStore(initialState(opened.settings));
if (opened.problems.length) store.set({ notice: linkNotice(opened.problems) });

// Every reset gets a new generation: frames of an older session are dropped.
// `seq` numbers the play/pause/step/reset commands, so a status message sent
// before the latest of them cannot undo what the learner just pressed.
let gen = 0;
let seq = 0;
let lastRunCommand = 0;

// `let`: a trap inside wasm ends a worker, and restartWorker() starts another.
let worker = startWorker(early);
const send = (msg) => worker.postMessage(msg);

// `first`: boot.js's worker, taken over; a restart passes nothing and gets a new one.
function startWorker(first = null) {
  if (first) {
    ({ gen, seq } = first.first); // boot.js asked it for the first session
    lastRunCommand = seq;
  }
  const w = first ? first.worker : newWorker(import.meta.url);
  w.onmessage = (e) => onWorkerMessage(e);
  w.onerror = (e) => onWorkerError(e);
  // After this module has run (the handlers below are defined by then).
  if (first) queueMicrotask(() => first.missed.forEach(([kind, e]) => (kind === 'message' ? onWorkerMessage : onWorkerError)(e)));
  return w;
}

let thumbnailsAsked = false; // the picker's pictures, asked for once a session exists

// A generation (and command number) for a session the worker is asked to build.
function nextGen() {
  gen += 1;
  seq += 1;
  lastRunCommand = seq;
  return { gen, seq };
}

// `settings`: build from these rather than the page's (a CSV file being
// tried, yourdata.js). Returns the new session's generation.
function requestReset({ resume, settings = null }) {
  nextGen();
  const s = store.get();
  if (!resume) store.set({ playing: false });
  send({ type: 'reset', config: toConfig(settings || s.settings), gen, seq, resume });
  return gen;
}

function runCommand(type) {
  seq += 1;
  lastRunCommand = seq;
  send({ type, seq });
}

// Apply a settings patch: live settings go straight to the worker, the rest
// build a new session (training keeps running if it was).
function change(patch) {
  const s = store.get();
  const { settings } = fixSettings({ ...s.settings, ...patch });
  const keys = Object.keys(patch).filter((k) => JSON.stringify(patch[k]) !== JSON.stringify(s.settings[k]));
  const commandError = s.commandError && (keys.includes(s.commandError.source) || ['reset', 'csv', 'importModel', 'crash'].includes(s.commandError.source)) ? null : s.commandError;
  store.set({ settings, commandError });
  writeHash(settings);
  if (keys.includes('speed')) send({ type: 'setSpeed', value: settings.speed });
  if (keys.includes('learningRate')) send({ type: 'setLearningRate', value: settings.learningRate });
  if (keys.some((k) => !LIVE_KEYS.has(k))) requestReset({ resume: s.playing });
}

function applySettings(settings, notice = '') {
  store.set({ settings, notice, commandError: null });
  writeHash(settings);
  send({ type: 'setSpeed', value: settings.speed });
  requestReset({ resume: false });
}

function writeHash(settings) {
  const hash = encodeHash(settings);
  if (location.hash !== hash) history.replaceState(null, '', hash);
}

// `problems`: phrases (hash.js, state.js) or an engine's message; worded when shown.
function linkNotice(problems) {
  return phrase('main.linkNotice', { problems });
}

const intents = {
  change,
  // Another language: only the words change; the session, its training and
  // every setting stay (lang is a live setting).
  async setLanguage(code) {
    if (code === language()) return;
    try {
      await loadLanguage(code);
    } catch (err) {
      store.set({ notice: phrase('main.langFailed', { code, why: String(err?.message || err), lang: phrase(`lang.${language()}`) }) });
      return;
    }
    change({ lang: code });
    fillTexts(document.body);
    document.title = text('page.title');
    relabel();
  },
  togglePlay() {
    const s = store.get();
    if (!s.ready || s.frame?.diverged) return;
    const play = !s.playing; // read before set(): the store patches this very object
    store.set({ playing: play });
    runCommand(play ? 'play' : 'pause');
  },
  step() {
    const s = store.get();
    if (!s.ready || s.frame?.diverged) return;
    store.set({ playing: false });
    runCommand('step');
  },
  reset() {
    requestReset({ resume: false });
  },
  preset(name) {
    const settings = presetSettings(name);
    if (settings) applySettings({ ...settings, large: store.get().settings.large });
  },
  regenerate() {
    // A new seed: new points from the same generator, and a link that replays them.
    change({ seed: Math.floor(Math.random() * 2 ** 31) });
  },
  setLearningRate(value) {
    if (value == null) {
      store.set({ commandError: { source: 'learningRate', message: phrase('main.lrEmpty') } });
      return;
    }
    if (!inRange(value, limits.learningRate)) {
      store.set({ commandError: { source: 'learningRate', message: phrase('main.lrRange', { range: rangeText(limits.learningRate), got: String(value) }) } });
      return;
    }
    change({ learningRate: value });
  },
  evaluateTest() {
    if (store.get().ready) send({ type: 'evaluateTest' });
  },
  // `as`: 'onnx' for the ONNX file, else the engine's own model file.
  saveModel(as = 'json') {
    if (store.get().ready) send({ type: 'exportModel', as });
  },

  focus(focus) {
    const f = store.get().focus;
    if (f?.col !== focus?.col || f?.unit !== focus?.unit) store.set({ focus });
  },
  invalid(source, message) {
    store.set({ commandError: { source, message } });
  },
  setShowVal: (on) => change({ showVal: on }),
  setDiscretize: (on) => change({ discretize: on }),
  setShowTest: (on) => store.set({ showTest: on }),
};

// The learner's own CSV files and saved models.
const yourData = createYourData({ store, send, requestReset, nextGen, currentGen: () => gen, writeHash, change });
Object.assign(intents, yourData.intents);

const onWorkerMessage = ({ data: msg }) => {
  if (deep.onMessage(msg)) return; // inside a CNN or RNN: deep.js
  if (instruments?.onMessage(msg)) return; // the step-through, the landscape, the race
  if (yourData.onMessage(msg) || files.onMessage(msg) || debug.onMessage(msg)) return; // CSV files, downloads, test hooks
  const s = store.get();
  switch (msg.type) {
    case 'ready':
      store.set({
        ready: true,
        gen: msg.gen,
        config: msg.config,
        info: msg.info,
        dataset: msg.dataset,
        reference: msg.reference,
        ...frameReset(),
        testResult: null,
        showTest: false,
        focus: null,
        commandError: s.commandError?.source === 'reset' ? null : s.commandError,
        ...(msg.frame ? framePatch(msg.frame) : {}),
      });
      if (!s.thumbnails && !thumbnailsAsked) {
        thumbnailsAsked = true;
        // After this frame is on screen: the pictures cost the worker ~50 ms
        // and this thread ~30, which the first frame should not wait behind.
        requestAnimationFrame(() => setTimeout(() => send({ type: 'thumbnails' })));
      }
      break;
    case 'frame':
      if (msg.gen === s.gen) store.set(framePatch(msg)); // else an older session's last frame
      break;
    case 'status':
      if (msg.ack >= lastRunCommand) store.set({ playing: msg.playing });
      break;
    case 'learningRate':
      if (s.commandError?.source === 'learningRate') store.set({ commandError: null });
      break;
    case 'testResult':
      if (msg.gen === s.gen) store.set({ testResult: msg, showTest: true });
      break;
    case 'thumbnails':
      store.set({ thumbnails: msg.items, featureValues: msg.featureValues });
      break;
    case 'fatal':
      restartWorker(msg.message);
      break;
    case 'error':
      if (msg.source === 'reset' && !s.ready) {
        // The very first session failed: the link asked for something the
        // engine refuses. Start from the defaults and say why.
        applySettings(defaultSettings(), linkNotice([phrase('main.engineRefused', { why: { code: msg.code, params: msg.params, message: msg.message } })]));
        break;
      }
      store.set({ commandError: { source: msg.source, message: msg.message, code: msg.code, params: msg.params, file: msg.file } });
      break;
  }
};

const onWorkerError = (e) => {
  // A trap thrown past every handler: recover as from a posted 'fatal'.
  if (store.get().ready && /RuntimeError/.test(e.message || '')) {
    e.preventDefault();
    restartWorker(e.message);
    return;
  }
  // A worker that fails to load (e.g. pkg/ not built) reports here, often
  // with no message at all, not via a posted error.
  const why = e.message || phrase('main.workerNoModule');
  store.set({ commandError: { source: 'worker', message: phrase('main.workerFailed', { why }) } });
};

// A trap inside wasm (a Rust panic, an out-of-bounds access) leaves that
// instance unusable: a new worker rebuilds the session from the same
// settings (yourdata.js reads the CSV file again). A fourth crash within a
// minute means the settings themselves crash it: then it stops and says so.
let restarts = [];
function restartWorker(why) {
  const now = performance.now();
  restarts = [...restarts.filter((t) => now - t < 60_000), now];
  worker.terminate();
  if (restarts.length > 3) {
    store.set({ ready: false, playing: false, commandError: { source: 'crash', message: phrase('main.crashStopped', { why }) } });
    return;
  }
  worker = startWorker();
  store.set({ playing: false, commandError: { source: 'crash', message: phrase('main.crashRestarted', { why }) } });
  send({ type: 'setSpeed', value: store.get().settings.speed });
  yourData.reload();
  requestReset({ resume: false });
}

// A link pasted into this tab's address bar.
addEventListener('hashchange', () => {
  const { settings, problems } = decodeHash(location.hash);
  applySettings(settings, problems.length ? linkNotice(problems) : '');
  if (settings.lang && settings.lang !== language()) intents.setLanguage(settings.lang);
});

const views = {
  controls: createControls(document.body, intents),
  data: createDataPanel(byTestId('data-panel'), intents),
  model: createModelPanel(byTestId('model-panel'), intents),
  output: createOutputView(byTestId('output-panel'), intents),
  network: createNetworkView(byTestId('network-panel'), intents),
  loss: createLineChart(byTestId('loss-chart')),
  accuracy: createLineChart(byTestId('accuracy-chart')),
  evaluation: createEvalView(byTestId('eval-panel'), intents),
  params: createParamsView(byTestId('params'), { pinned: lesson.pinned }),
  table: createPredictionsTable(byTestId('predictions')),
  error: createErrorView(byTestId('error')),
  notice: createErrorView(byTestId('notice-text')),
  csv: createCsvPanel(byTestId('csv-panel'), byTestId('csv-preview'), intents),
  axes: createAxesPicker(byTestId('plot-axes'), intents),
};
const files = createExports({ store, send, intents });
const debug = createDebugHooks({ send });
const deep = createDeep({ store, send, intents, cnnRoot: byTestId('cnn-panel'), sequenceRoot: byTestId('sequence-panel') });
// The instruments' panels are built after the first frame is on screen:
// a first visit should not wait for views nobody has opened yet.
let instruments = null;
let instrumentsAsked = false;
function buildInstruments() {
  instruments = createInstruments({ store, send, intents, change, currentGen: () => gen, root: byTestId('instruments'), due });
  store.set({});
}
byTestId('notice-dismiss').addEventListener('click', () => store.set({ notice: '' }));
const langPicker = createLangPicker(byTestId('lang'), intents);
// After a language switch: every view draws its words again.
function relabel() {
  for (const v of [...Object.values(views), deep, files, lessonMode, instruments]) v?.relabel?.();
  memo.clear();
  store.set({});
}
const lessonMode = createLessonMode({
  store, intents, change, applySettings, instruments: () => instruments, invalidate: () => {
    // Canvases moved: they draw next frame, at the size this frame's layout gives them.
    memo.clear();
    heavyThisFrame = true;
    store.set({});
  },
});
fillTexts(byTestId('early-note'));
byTestId('restore-best').addEventListener('click', () => {
  const s = store.get();
  if (s.ready) send({ type: 'restoreBest', gen: s.gen });
});

// The expensive views redraw only when their inputs changed, and while
// training runs at most `every` ms apart: a canvas redrawn costs a texture
// upload as well as the drawing, and the page must never stall (a frame of
// the loss curve every 100 ms reads as smooth motion). A skipped redraw is
// caught up by a nudge, so the last picture is never lost.
const memo = new Map();
const drawnAt = new Map();
let nudge = 0;
let heavyThisFrame = false; // while training, one canvas view per animation frame
// Paused, the canvases drawn in one frame stop once it has spent FRAME_BUDGET_MS
// (a lesson step or a new session redraws them all at once, and together
// with the layout that passes 50 ms on a slow machine); the rest follow in
// the next frames. The first always draws, so none can starve.
let frameStart = 0;
let heavyDrawn = false;
function due(name, deps, { every = 0, heavy = false } = {}) {
  const before = memo.get(name);
  if (before && before.length === deps.length && before.every((d, i) => d === deps[i])) return false;
  const now = performance.now();
  const full = heavyThisFrame || (heavyDrawn && now - frameStart > FRAME_BUDGET_MS);
  const wait = Math.max((drawnAt.get(name) ?? -Infinity) + every - now, heavy && full ? 1 : 0);
  if (wait > 0) {
    if (!nudge) nudge = setTimeout(() => { nudge = 0; store.set({}); }, wait + 1);
    return false;
  }
  if (heavy && store.get().playing) heavyThisFrame = true;
  if (heavy) heavyDrawn = true;
  memo.set(name, deps);
  drawnAt.set(name, now);
  return true;
}

const setFlag = (el, name, value) => {
  if (el.dataset[name] !== value) el.dataset[name] = value;
};

let measured = false;
store.subscribe((s) => {
  heavyThisFrame = false;
  heavyDrawn = false;
  frameStart = performance.now();
  if (!measured && s.ready) {
    measured = true;
    measureCanvases();
  }
  const st = s.settings;
  const root = document.documentElement;
  // Presenter mode (a lesson's present=1) is large text too.
  const large = st.large || (st.present && !!st.lesson);
  if (root.classList.contains('large') !== large) {
    root.classList.toggle('large', large);
    refreshPalette(); // chart text follows the root font size
  }
  views.controls.draw(s);
  langPicker.draw(s);
  lessonMode.draw(s);
  if (due('settings', [st, s.thumbnails, s.featureValues, s.commandError, s.ready, s.info])) {
    views.data.draw(s);
    views.model.draw(s);
  }
  deep.draw(s);
  views.csv.draw(s);
  views.axes.draw(s);
  files.draw(s);
  views.error.draw({ message: words(errorText(s)) });
  views.notice.draw({ message: words(s.notice) });
  const notice = byTestId('notice');
  if (notice.hidden !== !s.notice) notice.hidden = !s.notice;
  // The lesson's tables explain a linear model's w and b; with another model
  // on the lesson's data they would mislabel the first layer's weights.
  const lessonOn = isLesson(s.config) && st.source === s.config.data.source && st.kind === s.config.model.kind;
  const body = document.body;
  if (body.classList.contains('lesson-mode') !== lessonOn) body.classList.toggle('lesson-mode', lessonOn);
  const classification = s.info?.task === 'classification';
  if (body.classList.contains('classification') !== classification) body.classList.toggle('classification', classification);
  if (!s.ready || !s.info) return;
  // Which session the page shows, for tests and for anyone inspecting it.
  setFlag(body, 'source', s.config.data.source);
  setFlag(body, 'session', String(s.gen));
  if (instruments) instruments.draw(s);
  else if (s.ready && !instrumentsAsked) {
    instrumentsAsked = true;
    requestAnimationFrame(() => setTimeout(buildInstruments));
  }
  const busy = s.playing;

  const colors = palette();
  const series = s.series;
  if (due('loss', [...frameDeps(s, 'loss'), st.logScale, st.large, s.info], { every: busy ? 100 : 0, heavy: true })) {
    views.loss.draw({
      steps: series?.step,
      lines: [
        { values: series?.trainLoss, color: colors.train, width: 2.5 },
        { values: series?.valLoss, color: colors.val, width: 2 },
      ],
      logScale: st.logScale,
      yLabel: lossName(s.info.loss),
      // Early stopping's best checkpoint, marked where the weights it keeps were.
      marker: s.frame?.bestStep != null ? s.frame.bestStep : null,
    });
    if (classification) {
      views.accuracy.draw({
        steps: series?.step,
        lines: [
          { values: series?.trainAccuracy, color: colors.train, width: 2.5 },
          { values: series?.valAccuracy, color: colors.val, width: 2 },
        ],
        range: [0, 1],
        yLabel: text('chart.accuracy'),
      });
    }
  }

  const overlay = overlayOf(s);
  const test = s.testResult?.split ?? null;
  // The boundary, curve and samples arrive at most ~15 times a second, so
  // the output needs no throttle of its own.
  if (due('output', [...frameDeps(s, 'output'), s.dataset, st.showVal, st.discretize, s.showTest, s.testResult, overlay?.values, overlay?.unit, st.large, s.info, s.csvAxes], { heavy: true })) {
    views.output.draw({
      info: s.info,
      dataset: s.dataset,
      frame: s.frame,
      boundary: s.boundary,
      curve: s.curve,
      samples: s.samples,
      lesson: s.lessonPredictions,
      reference: s.reference,
      xLabel: text('output.fit.xLabel'),
      showVal: st.showVal,
      discretize: st.discretize,
      showTest: s.showTest,
      test,
      overlay,
      points: s.points,
      axes: s.csvAxes,
      target: s.config?.data.target,
    });
  }
  if (due('network', [...frameDeps(s, 'network'), s.info, st.large], { every: busy ? 125 : 0, heavy: true })) {
    views.network.draw({
      info: s.info,
      params: s.frame?.params,
      units: s.units,
      kind: st.kind,
      activation: st.activation,
      sampleImage: s.dataset.samples ? s.dataset.samples.x.subarray(0, s.dataset.samples.inputs) : null,
    });
  }
  const early = byTestId('early-note');
  const stopped = !!s.frame?.earlyStopped;
  if (early.hidden === stopped) early.hidden = !stopped;
  if (stopped) {
    const f = s.frame;
    const t = text('early.note', { step: f.step, patience: st.earlyStopping?.patience ?? '', loss: formatNumber(f.bestValLoss), best: f.bestStep });
    const span = byTestId('early-text');
    if (span.textContent !== t) span.textContent = t;
  }
  if (due('evaluation', [...frameDeps(s, 'evaluation'), s.testResult, s.info, s.dataset, s.ready], { heavy: true })) {
    views.evaluation.draw({ ready: s.ready, info: s.info, dataset: s.dataset, evaluation: s.evaluation, test: s.testResult });
  }
  if (lessonOn && due('lesson', [s.frame, ...frameDeps(s, 'lesson'), s.dataset], { every: busy ? 100 : 0 })) {
    const lessonData = { ...s.dataset, featureNames: s.info.featureNames };
    const preds = s.lessonPredictions;
    views.params.draw({ dataset: lessonData, frame: s.frame && { ...s.frame, testMse: preds?.testMse ?? null }, reference: s.reference });
    views.table.draw({ dataset: lessonData, predictions: preds });
  }
});

function lossName(loss) {
  if (loss === 'mse') return text('chart.loss.mse');
  if (/cross-entropy/.test(loss || '')) return text('chart.loss.crossEntropy');
  return loss ? label('loss', loss) : text('chart.loss');
}

// The hovered unit's own output, for the Output panel (2-D and 1-D sets;
// the output layer is already what the panel shows).
function overlayOf(s) {
  const f = s.focus;
  const mode = outputMode(s.info, s.dataset);
  if (!f || !s.units || !(mode === 'plane' || mode === 'line')) return null;
  const layer = s.units.layers[f.col];
  if (!layer || f.col === s.units.layers.length - 1 || f.unit >= layer.width) return null;
  const overlay = { values: layer.values, width: layer.width, unit: f.unit, res: s.units.res, label: f.label };
  if (mode === 'line') {
    const d = s.dataset.domain;
    const n = layer.values.length / layer.width;
    overlay.x = Float32Array.from({ length: n }, (_, i) => -d + (i * 2 * d) / (n - 1));
  }
  return overlay;
}

writeHash(store.get().settings);
store.set({}); // first paint, before the worker answers
