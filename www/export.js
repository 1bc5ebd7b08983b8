// Never lose work: the trained model as a file (the engine's
// exportModel() JSON, which Session.importModel reads back), the loss
// history as CSV, and every chart as a PNG. All of it is made in this tab
// and handed to the browser as a download; nothing is uploaded.

import { modelEntry } from './catalog.js';
import { text } from './strings/index.js';
import { phrase } from './strings/phrase.js';

const byTestId = (id) => document.querySelector(`[data-testid="${id}"]`);

// The ONNX exporter is its own file (dist/onnx.js, ~20 kB), loaded the first
// time a learner asks for it, so the first visit never waits for it. The
// path is not a literal so the bundler leaves it to the browser: from
// www/export.js it is www/onnx.js, from the bundle dist/onnx.js.
const ONNX_MODULE = './onnx.js';

export function createExports({ store, send, intents }) {
  const howto = byTestId('onnx-howto');
  byTestId('onnx-howto-close').addEventListener('click', () => {
    howto.hidden = true;
  });

  // The engine's model file → descent-model.onnx, then how to run it.
  async function saveOnnx(text, s) {
    try {
      // The offline file has it already (offline-onnx.js).
      const { toOnnx } = globalThis.DESCENT_OFFLINE?.onnx ?? (await import(new URL(ONNX_MODULE, import.meta.url).href));
      download('descent-model.onnx', new Blob([toOnnx(text)], { type: 'application/octet-stream' }));
    } catch (err) {
      intents.invalid('onnx', phrase('export.onnxFailed', { why: String(err?.message || err) }));
      return;
    }
    // One row of zeros in the graph's input shape: [1, C, H, W] for images,
    // [1, T, 1] for sequences, [1, inputs] otherwise.
    const { info, config } = s;
    const sequence = modelEntry(config.model.kind)?.needs === 'sequence';
    const shape = [1, ...(info.inputShape || (sequence ? [info.inputs, 1] : [info.inputs]))];
    byTestId('onnx-snippet').textContent = [
      'import onnxruntime as ort, numpy as np',
      'model = ort.InferenceSession("descent-model.onnx")',
      `print(model.run(["output"], {"input": np.zeros((${shape.join(', ')}), np.float32)})[0])`,
    ].join('\n');
    howto.hidden = false;
  }

  const history = byTestId('export-history');
  const importInput = byTestId('import-model');
  history.addEventListener('click', () => {
    if (store.get().ready) send({ type: 'history' });
  });
  importInput.addEventListener('change', () => {
    const file = importInput.files[0];
    importInput.value = ''; // the same file again still imports
    if (file) intents.importModel(file);
  });
  const pngs = addPngButtons();

  return {
    // After a language switch: the buttons name their charts again.
    relabel() {
      for (const [button, canvas] of pngs) labelPng(button, canvas);
    },
    draw(s) {
      if (history.disabled !== !s.ready) history.disabled = !s.ready;
    },
    // Worker messages; true when handled here.
    onMessage(msg) {
      const s = store.get();
      if (msg.type === 'model') {
        if (msg.gen !== s.gen) return true;
        if (msg.as === 'onnx') saveOnnx(msg.text, s);
        else download('descent-model.json', new Blob([msg.text], { type: 'application/json' }));
        return true;
      }
      if (msg.type === 'history') {
        if (msg.gen === s.gen && msg.history) download('descent-history.csv', new Blob([historyCsv(msg.history)], { type: 'text/csv' }));
        return true;
      }
      return false;
    },
  };
}

// One row per recorded step; an empty cell where a split has no loss.
export function historyCsv(h) {
  const cell = (v) => (v == null || !Number.isFinite(v) ? '' : String(v));
  const lines = ['step,train_loss,val_loss'];
  for (let i = 0; i < h.step.length; i++) lines.push(`${h.step[i]},${cell(h.trainLoss[i])},${cell(h.valLoss[i])}`);
  return `${lines.join('\n')}\n`;
}

// A small "PNG" button at the top right of every chart canvas (bottom
// right of the network diagram), without moving the canvas: a zero-height
// slot next to it holds the button.
function addPngButtons() {
  const made = [];
  for (const canvas of document.querySelectorAll('.panel canvas[role="img"][data-testid]')) {
    const name = canvas.dataset.testid;
    const slot = document.createElement('div');
    slot.className = 'png-slot';
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'png';
    button.dataset.testid = `png-${name}`;
    button.textContent = 'PNG';
    labelPng(button, canvas);
    made.push([button, canvas]);
    button.addEventListener('click', () => savePng(canvas, `descent-${name}.png`));
    slot.appendChild(button);
    // The network diagram labels its columns along the top: its button goes below.
    if (canvas.classList.contains('network')) {
      slot.classList.add('below');
      canvas.after(slot);
    } else {
      canvas.before(slot);
    }
  }
  return made;
}

// A chart's PNG button is named by the chart: its canvas's aria-label up to
// the first colon (in either language's punctuation).
function labelPng(button, canvas) {
  const chart = canvas.getAttribute('aria-label')?.split(/[:：]/)[0] || canvas.dataset.testid;
  button.title = text('export.png.title');
  button.setAttribute('aria-label', text('export.png.label', { chart }));
}

// On the panel's background: a transparent PNG looks broken in most viewers.
function savePng(canvas, name) {
  const out = document.createElement('canvas');
  out.width = canvas.width;
  out.height = canvas.height;
  const ctx = out.getContext('2d');
  const background = getComputedStyle(canvas.closest('.panel') || document.body).backgroundColor;
  ctx.fillStyle = !background || background === 'rgba(0, 0, 0, 0)' ? '#fff' : background;
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.drawImage(canvas, 0, 0);
  out.toBlob((blob) => blob && download(name, blob), 'image/png');
}

export function download(name, blob) {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}
