// The page's looks inside a model, wired to the store and the worker:
//   images      the "Inside the network" panel (views/cnn-view.js): the
//               drawn digit or a picked image goes to the worker, which
//               answers with probabilities, feature maps and saliency
//   sequences   the Sequence panel (views/sequence-view.js): the series,
//               one-step predictions, free run and hidden state
// Asks are throttled: one in flight at a time, the next only once the
// image (or window) changed, or, while training, every ASK_MS with the
// newer weights. Main.js hands over worker messages and calls draw(s).

import { rasterize } from './digit-raster.js';
import { sourceOf } from './state.js';
import { isImageSource, isSequenceSource, modelEntry } from './catalog.js';
import { createCnnView } from './views/cnn-view.js';
import { createSequenceView } from './views/sequence-view.js';
import { createDeepControls } from './views/deep-controls.js';
import { text } from './strings/index.js';

const ASK_MS = 250; // while training: newer weights, at most 4 pictures a second
const STALE_MS = 3000; // an answer this late is taken as lost

export function createDeep({ store, send, intents, cnnRoot, sequenceRoot }) {
  // What the learner is looking at (not part of a shared link).
  const view = {
    drawn: null, // pixels of the drawing, or null when the pad is empty
    pick: null, // { split, row, x, truth } a picked image, when nothing is drawn
    example: 0, // else this validation sample (the Output panel's first)
    start: null, // sequence: where the current window starts (null: the default)
    row: 0, // majority: the selected example
    freeRun: false,
  };
  let gen = null;
  const controls = createDeepControls(document, intents);
  const asks = { inspect: newAsk(), sequence: newAsk() };

  const cnn = createCnnView(cnnRoot, {
    onDraw(strokes, size) {
      view.drawn = rasterize(strokes, size)?.pixels ?? null;
      if (view.drawn) view.pick = null;
      pump();
    },
    onPick(row) {
      const m = store.get().inspection?.mistakes;
      const it = m?.items.find((i) => i.row === row);
      if (!it) return;
      view.pick = { split: m.split, row, x: it.x.slice(), truth: it.truth };
      if (!cnn.padEmpty) cnn.clearPad(); // the pad's onChange pumps
      else pump();
    },
  });
  const seq = createSequenceView(sequenceRoot, {
    onStart(v) {
      if (store.get().sequence?.task === 'classification') view.row = v;
      else view.start = v;
      pump();
    },
    onFreeRun(on) {
      view.freeRun = on;
      pump();
      store.set({}); // the button shows the new state at once
    },
  });

  function newAsk() {
    return { pending: 0, key: '', step: -1, at: 0 };
  }

  // The image the panel shows: the drawing, a picked image, or a sample.
  function currentImage(s) {
    if (view.drawn) return { x: view.drawn, label: text('cnn.current.drawing'), row: null, split: null };
    if (view.pick) return { x: view.pick.x, label: text(view.pick.split === 'test' ? 'cnn.current.test' : 'cnn.current.val', { digit: view.pick.truth }), row: view.pick.row, split: view.pick.split };
    const smp = s.dataset?.samples;
    if (!smp || !smp.rows) return null;
    const i = Math.min(view.example, smp.rows - 1);
    return { x: smp.x.slice(i * smp.inputs, (i + 1) * smp.inputs), label: text('cnn.current.val', { digit: smp.y[i] }), row: null, split: null };
  }

  // Send an ask when its question changed, or when training moved on.
  function ask(kind, key, step, busy, message) {
    const a = asks[kind];
    const now = performance.now();
    if (a.pending && now - a.pending < STALE_MS) return;
    const changed = key !== a.key;
    const newer = step !== a.step && (!busy || now - a.at >= ASK_MS);
    if (!changed && !newer) {
      if (step !== a.step && !a.timer) a.timer = setTimeout(() => { a.timer = 0; pump(); }, ASK_MS - (now - a.at) + 1);
      return;
    }
    a.pending = now;
    a.key = key;
    a.step = step;
    a.at = now;
    send({ ...message, gen });
  }

  function pump() {
    const s = store.get();
    if (!s.ready || !s.info || s.gen !== gen) return;
    const step = s.frame?.step ?? 0;
    if (s.info.inputShape) {
      const cur = currentImage(s);
      if (!cur) return;
      const split = s.testResult ? 'test' : 'val';
      ask('inspect', `${Array.prototype.join.call(cur.x, ',')}|${split}`, step, s.playing, { type: 'inspect', image: cur.x, split });
    } else if (isSequenceSource(sourceOf({ ...s.settings, source: s.config.data.source }))) {
      const start = view.start ?? 0;
      ask('sequence', `${start}|${view.row}|${view.freeRun}|${!!s.testResult}`, step, s.playing, {
        type: 'sequence',
        start,
        row: view.row,
        freeRun: view.freeRun,
        tested: !!s.testResult,
      });
    }
  }

  function onMessage(msg) {
    if (msg.type !== 'inspection' && msg.type !== 'sequence') return false;
    const a = asks[msg.type === 'inspection' ? 'inspect' : 'sequence'];
    a.pending = 0;
    if (msg.gen !== gen) return true; // an older session's answer
    if (msg.type === 'inspection') store.set({ inspection: msg });
    else {
      // The first window shown: just after the first third of the series.
      if (view.start == null && msg.series) view.start = Math.round(msg.series.length / 3);
      store.set({ sequence: msg });
    }
    pump(); // the question may have changed while this one was answered
    return true;
  }

  function draw(s) {
    // The data of the session on screen (its config), else of the settings.
    const src = sourceOf(s.config ? { ...s.settings, source: s.config.data.source } : s.settings);
    const kind = s.config?.model.kind ?? s.settings.kind;
    controls.draw(s);
    const body = document.body;
    const seqData = isSequenceSource(src);
    const images = isImageSource(src);
    toggle(body, 'seq-data', seqData);
    const needs = modelEntry(kind)?.needs;
    toggle(body, 'kind-cnn', needs === 'image');
    toggle(body, 'kind-rnn', needs === 'sequence');
    if (cnnRoot.hidden !== !images) cnnRoot.hidden = !images;
    if (sequenceRoot.hidden !== !seqData) sequenceRoot.hidden = !seqData;
    if (!s.ready || !s.info) return;
    if (s.gen !== gen) {
      // A new session: nothing of the old one's answers applies.
      gen = s.gen;
      asks.inspect = newAsk();
      asks.sequence = newAsk();
      view.pick = null;
      view.start = null;
      view.row = 0;
      if (s.inspection || s.sequence) store.set({ inspection: null, sequence: null });
    }
    pump();
    // Redraw only for a new answer (a few a second while training), not
    // for every frame: the filters come from that moment's weights.
    if (images) {
      const cur = currentImage(s);
      if (cur && changed('cnn', [s.inspection, cur.label, kind, s.settings.large])) {
        const pixelMax = sourceOf(s.settings).pixelRange?.[1];
        cnn.draw({ inspection: s.inspection, info: s.info, params: s.frame?.params, kind, current: cur, pixelMax });
      }
    } else if (seqData && changed('seq', [s.sequence, view.freeRun, !!s.testResult, kind, s.settings.large])) {
      seq.draw({ report: s.sequence, info: s.info, kind, freeRun: view.freeRun, tested: !!s.testResult });
    }
  }

  const drawn = new Map();
  function changed(name, deps) {
    const before = drawn.get(name);
    if (before && before.every((d, i) => d === deps[i])) return false;
    drawn.set(name, deps);
    return true;
  }

  // After a language switch: both panels draw their words again.
  function relabel() {
    drawn.clear();
    cnn.relabel();
    seq.relabel?.();
    controls.relabel?.();
  }

  return { onMessage, draw, relabel };
}

function toggle(el, name, on) {
  if (el.classList.contains(name) !== on) el.classList.toggle(name, on);
}
