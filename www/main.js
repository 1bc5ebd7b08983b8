// Wires the page: user intents go to the worker as messages, worker messages
// update the one state object, and the views redraw from it once per
// animation frame. Nothing here touches wasm.

import { initialState, createStore, errorText } from './state.js';
import * as lesson from './lesson.js';
import { createControls } from './views/controls.js';
import { createLossChart } from './views/loss-chart.js';
import { createFitView } from './views/fit-view.js';
import { createParamsView } from './views/params-view.js';
import { createPredictionsTable } from './views/predictions-table.js';
import { createErrorView } from './views/error-view.js';

const store = createStore(initialState());
const byTestId = (id) => document.querySelector(`[data-testid="${id}"]`);

const worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
const send = (msg) => worker.postMessage(msg);

const controls = createControls(document.body, {
  togglePlay() {
    const s = store.get();
    if (!s.ready || s.frame?.diverged) return;
    send({ type: s.playing ? 'pause' : 'play' });
  },
  step() {
    const s = store.get();
    if (s.ready && !s.frame?.diverged) send({ type: 'step' });
  },
  reset() {
    send({ type: 'reset', config: store.get().config });
  },
  setLearningRate(value) {
    if (value == null) {
      store.set({ commandError: { source: 'learningRate', message: 'The learning rate is empty: type a positive number such as 0.01.' } });
      return;
    }
    send({ type: 'setLearningRate', value });
  },
  setSpeed(speed) {
    store.set({ speed });
    send({ type: 'setSpeed', value: speed });
  },
  setLogScale(logScale) {
    store.set({ logScale });
  },
});

worker.onmessage = ({ data: msg }) => {
  const s = store.get();
  switch (msg.type) {
    case 'ready':
      // A new session: its data and reference, and no error left over.
      store.set({ ready: true, info: msg.info, dataset: msg.dataset, reference: msg.reference, commandError: null, config: msg.config });
      break;
    case 'frame':
      store.set({ frame: msg, playing: msg.playing });
      break;
    case 'status':
      store.set({ playing: msg.playing });
      break;
    case 'learningRate': {
      const config = { ...s.config, train: { ...s.config.train, learningRate: msg.value } };
      store.set({ config, commandError: s.commandError?.source === 'learningRate' ? null : s.commandError });
      break;
    }
    case 'error':
      store.set({ commandError: { source: msg.source, message: msg.message } });
      break;
  }
};
worker.onerror = (e) => {
  // A worker that fails to load (e.g. pkg/ not built) reports here, often
  // with no message at all, not via a posted error.
  const why = e.message || 'its module could not be loaded; is pkg/ built? (scripts/serve.sh builds it)';
  store.set({ commandError: { source: 'worker', message: `The training engine failed to start: ${why}` } });
};

const views = {
  loss: createLossChart(byTestId('loss-chart')),
  fit: createFitView(byTestId('fit-chart')),
  params: createParamsView(byTestId('params'), { pinned: lesson.pinned }),
  table: createPredictionsTable(byTestId('predictions')),
  error: createErrorView(byTestId('error')),
};

// Views that cost something (canvases, tables) redraw only when their inputs
// changed; the store already limits this to one call per animation frame.
let drawn = {};
store.subscribe((s) => {
  controls.draw(s);
  views.error.draw({ message: errorText(s) });
  if (drawn.frame === s.frame && drawn.logScale === s.logScale && drawn.dataset === s.dataset) return;
  drawn = { frame: s.frame, logScale: s.logScale, dataset: s.dataset };
  views.loss.draw({ series: s.frame?.series, logScale: s.logScale });
  const predictions = s.frame?.predictions;
  views.fit.draw({ dataset: s.dataset, predictions, reference: s.reference, xLabel: lesson.fitXLabel });
  views.params.draw({ dataset: s.dataset, frame: s.frame, reference: s.reference });
  views.table.draw({ dataset: s.dataset, predictions });
});

send({ type: 'setSpeed', value: store.get().speed });
send({ type: 'reset', config: store.get().config });
store.set({}); // first paint, before the worker answers
