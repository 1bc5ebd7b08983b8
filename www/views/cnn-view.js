// Inside the digits model: a pad to draw a digit on, the 8×8 image the
// model gets from it, the class probabilities, the saliency map, the
// learned filters of the first convolutional layer, the feature maps of
// the image at every layer, and images the model gets wrong. Draws what it
// is given (main thread; the worker computed every number, see
// worker-inspect.js); turns the pad and clicks into callbacks.

import { prepareCanvas, palette, canvasSize, onResize } from './plot.js';
import { createDrawPad } from './draw-pad.js';
import { classColor, css, diverging } from './colors.js';
import { setText, setAttr } from './dom.js';
import { label, text, fillTexts } from '../strings/index.js';
import { modelEntry } from '../catalog.js';

// A layer's row title: its kind, or for an activation layer the activation.
const layerTitle = (l) => (l.kind === 'activation' ? label('activation', l.activation) : label('layer', l.kind));

// The shown data set's largest pixel value (its catalog entry's pixelRange),
// set by each draw: the module's pictures are drawn in 0..1 of it.
let pixelMax = 1;

export function createCnnView(root, { onDraw, onPick }) {
  root.innerHTML = `
    <div class="panel-head"><h2 id="cnn-title" data-text="cnn.title"></h2><span class="note" data-testid="inside-caption"></span></div>
    <div class="inside-top">
      <div class="inside-pad">
        <h3 data-text="cnn.draw"></h3>
        <canvas data-testid="draw-pad" class="draw-pad" role="img" data-label="cnn.pad.label"></canvas>
        <div class="inline pad-tools">
          <button type="button" data-testid="draw-clear" data-text="cnn.clear"></button>
          <span class="hint" data-text="cnn.pad.hint"></span>
        </div>
      </div>
      <div class="inside-seen">
        <h3 data-text="cnn.seen"></h3>
        <div class="pixel-pair">
          <figure><canvas data-testid="model-input" class="pixels" role="img" data-label="cnn.input.label"></canvas><figcaption data-testid="model-input-caption" data-text="cnn.input.caption"></figcaption></figure>
          <figure><canvas data-testid="saliency-view" class="pixels" role="img" data-label="cnn.saliency.label"></canvas><figcaption data-text="cnn.saliency.caption"></figcaption></figure>
        </div>
      </div>
      <div class="inside-probs">
        <h3 data-text="cnn.prediction"></h3>
        <ol data-testid="class-probabilities" class="class-probs" aria-live="off"></ol>
      </div>
    </div>
    <div class="inside-maps">
      <div class="inside-filters">
        <h3 data-text="cnn.filters.title"></h3>
        <canvas data-testid="filters-view" class="filters" role="img" data-label="cnn.filters.label"></canvas>
        <p class="hint" data-text="cnn.filters.hint"></p>
      </div>
      <div class="inside-features">
        <h3 data-text="cnn.maps.title"></h3>
        <canvas data-testid="feature-maps" class="feature-maps" role="img" data-label="cnn.maps.label"></canvas>
        <p class="hint" data-text="cnn.maps.hint"></p>
      </div>
    </div>
    <div class="inside-mistakes">
      <h3 data-testid="mistakes-title" data-text="cnn.mistakes.title"></h3>
      <div data-testid="misclassified" class="mistakes"></div>
    </div>`;
  fillTexts(root);
  // The caption and the mistakes' title are the view's own from the first draw on.
  for (const el of root.querySelectorAll('[data-testid="model-input-caption"], [data-testid="mistakes-title"]')) delete el.dataset.text;
  const $ = (id) => root.querySelector(`[data-testid="${id}"]`);
  const caption = $('inside-caption');
  const input = $('model-input');
  const inputCaption = $('model-input-caption');
  const saliency = $('saliency-view');
  const probs = $('class-probabilities');
  const filters = $('filters-view');
  const maps = $('feature-maps');
  const mistakesTitle = $('mistakes-title');
  const mistakes = $('misclassified');
  const pad = createDrawPad($('draw-pad'), $('draw-clear'), { onChange: onDraw });
  let last = null;
  let probsKey = '';
  let mistakesKey = '';

  mistakes.addEventListener('click', (e) => {
    const b = e.target.closest('button[data-row]');
    if (b) onPick(Number(b.dataset.row));
  });
  const redraw = () => last && draw(last);
  onResize([input, saliency, filters, maps], redraw);

  function draw(props) {
    last = props;
    const { inspection, info, params, kind, current } = props;
    // A pixel's largest value, from the data set's own range (digits: 16).
    pixelMax = props.pixelMax || 1;
    const cnn = modelEntry(kind)?.needs === 'image';
    root.classList.toggle('no-conv', !cnn);
    setText(caption, captionOf(props));
    setText(inputCaption, current.label);
    paintPixels(input, inspection?.image, (v) => ink(v / pixelMax));
    paintSaliency(saliency, inspection);
    drawProbabilities(inspection, info);
    drawFilters(filters, params);
    drawFeatureMaps(maps, inspection);
    drawMistakes(inspection, info, current);
  }

  function drawProbabilities(insp, info) {
    const k = info.classes.length;
    if (probs.children.length !== k) {
      probs.textContent = '';
      for (let c = 0; c < k; c++) {
        const li = document.createElement('li');
        li.innerHTML = `<span class="digit">${info.classes[c]}</span><span class="bar"><span></span></span><span class="pct"></span>`;
        li.querySelector('.bar > span').style.background = css(classColor(c));
        probs.appendChild(li);
      }
      probsKey = '';
    }
    const p = insp?.probs;
    const key = p ? Array.from(p, (v) => v.toFixed(3)).join(',') : '';
    if (key === probsKey) return;
    probsKey = key;
    let best = -1;
    if (p) for (let c = 0; c < k; c++) if (best < 0 || p[c] > p[best]) best = c;
    [...probs.children].forEach((li, c) => {
      const v = p ? p[c] : 0;
      li.querySelector('.bar > span').style.width = `${(v * 100).toFixed(1)}%`;
      setText(li.querySelector('.pct'), p ? `${(v * 100).toFixed(v < 0.995 && v >= 0.1 ? 0 : 1)}%` : '');
      li.classList.toggle('winner', c === best);
      setAttr(li, 'aria-label', text('cnn.prob.label', { digit: info.classes[c], percent: p ? (v * 100).toFixed(1) : '?' }));
    });
    setAttr(probs, 'data-winner', best >= 0 ? info.classes[best] : '');
  }

  function drawMistakes(insp, info, current) {
    const m = insp?.mistakes;
    const key = m ? `${m.split}|${m.count}|${m.items.map((it) => `${it.row}:${it.pred}`).join(',')}|${current.row}` : '';
    if (key === mistakesKey) return;
    mistakesKey = key;
    mistakes.textContent = '';
    if (!m) return;
    const test = m.split === 'test';
    setText(mistakesTitle, text(test ? 'cnn.mistakes.countTest' : 'cnn.mistakes.count', { count: m.count, rows: m.rows }));
    if (!m.items.length) {
      const p = document.createElement('p');
      p.className = 'hint';
      p.textContent = text(test ? 'cnn.mistakes.noneTest' : 'cnn.mistakes.none');
      mistakes.append(p);
      return;
    }
    for (const it of m.items) {
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'mistake';
      b.dataset.row = String(it.row);
      b.setAttribute('aria-pressed', String(current.row === it.row && current.split === m.split));
      const what = text('cnn.mistake.what', { truth: info.classes[it.truth], pred: info.classes[it.pred] });
      b.title = text('cnn.mistake.title', { what, percent: Math.round(it.confidence * 100) });
      b.setAttribute('aria-label', text('cnn.mistake.label', { what }));
      const c = document.createElement('canvas');
      c.width = c.height = 8;
      const ctx = c.getContext('2d');
      const img = ctx.createImageData(8, 8);
      for (let i = 0; i < 64; i++) {
        const [r, g, bl] = ink(it.x[i] / pixelMax);
        img.data.set([r, g, bl, 255], i * 4);
      }
      ctx.putImageData(img, 0, 0);
      const t = document.createElement('span');
      const pred = document.createElement('b');
      pred.textContent = info.classes[it.pred];
      const was = document.createElement('span');
      was.className = 'was';
      was.textContent = text('cnn.mistake.was', { truth: info.classes[it.truth] });
      t.append(pred, ' ', was);
      b.append(c, t);
      mistakes.appendChild(b);
    }
    mistakes.dataset.split = m.split;
  }

  return {
    draw,
    // After a language switch: the words drawn from the last props again.
    relabel() {
      fillTexts(root);
      probsKey = '';
      mistakesKey = '';
      pad.redraw();
      redraw();
    },
    clearPad: () => pad.clear(),
    get padEmpty() {
      return pad.empty;
    },
  };
}

function captionOf({ inspection, current, kind }) {
  if (!inspection) return '';
  const conv = modelEntry(kind)?.needs === 'image';
  return text(conv ? 'cnn.caption' : 'cnn.captionNoConv', { label: current.label, step: inspection.step });
}

// Pixels 0..1 as ink on paper.
function ink(v) {
  const g = Math.round(255 * (1 - Math.max(0, Math.min(1, v))));
  return [g, g, g];
}

// An 8×8 (or any square) image, each value through color(value, index), drawn sharp.
function paintPixels(canvas, values, color, { grid = true } = {}) {
  const { ctx, width, height } = prepareCanvas(canvas);
  const side = values ? Math.round(Math.sqrt(values.length)) : 8;
  const cell = Math.min(width, height) / side;
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, side * cell, side * cell);
  if (!values) return;
  for (let i = 0; i < values.length; i++) {
    ctx.fillStyle = css(color(values[i], i));
    ctx.fillRect((i % side) * cell, Math.floor(i / side) * cell, Math.ceil(cell), Math.ceil(cell));
  }
  if (grid) {
    ctx.strokeStyle = 'rgba(120, 130, 140, 0.35)';
    ctx.lineWidth = 1;
    ctx.strokeRect(0.5, 0.5, side * cell - 1, side * cell - 1);
  }
}

// Saliency on a white → red scale, over the faint digit so the eye can
// find the strokes it points at.
function paintSaliency(canvas, insp) {
  const s = insp?.saliency;
  if (!s) {
    paintPixels(canvas, null);
    return;
  }
  let max = 1e-12;
  for (const v of s) max = Math.max(max, v);
  paintPixels(canvas, s, (v, i) => {
    const heat = v / max;
    const paper = 255 - (insp.image[i] / pixelMax) * 70; // the digit, faint
    return [paper + (200 - paper) * heat, paper * (1 - heat) + 20 * heat, paper * (1 - heat) + 30 * heat];
  });
}

// The first conv layer's kernels [kh, kw, inC, outC] (TensorFlow's layout),
// one small picture per filter (its first input channel), one shared scale.
function drawFilters(canvas, params) {
  const colors = palette();
  const font = parseFloat(colors.font);
  const kernel = params?.find((p) => p.kind === 'conv2d' && p.role === 'weight');
  const [kh, kw, inC, outC] = kernel ? kernel.shape : [3, 3, 1, 0];
  // Four to a row (two rows of the default eight), as large as fits.
  const gap = 10;
  const size = canvasSize(canvas).width || 240; // observed, not measured: no forced layout mid-training
  const cols = Math.max(1, Math.min(outC, 4));
  const rows = Math.ceil(outC / cols);
  const cell = Math.max(16, Math.min(72, (size - gap * (cols - 1)) / cols));
  const want = kernel ? Math.round(rows * (cell + font + 6 + gap)) : 40;
  if (canvas.style.height !== `${want}px`) canvas.style.height = `${want}px`;
  const { ctx, height } = prepareCanvas(canvas, { height: want });
  if (!kernel) {
    ctx.fillStyle = colors.muted;
    ctx.font = colors.font;
    ctx.textBaseline = 'middle';
    ctx.fillText(text('cnn.noConv'), 4, height / 2);
    return;
  }
  const w = kernel.values;
  let max = 1e-9;
  for (const v of w) max = Math.max(max, Math.abs(v));
  const c = [0, 0, 0];
  ctx.font = colors.font;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  for (let f = 0; f < outC; f++) {
    const x0 = (f % cols) * (cell + gap);
    const y0 = Math.floor(f / cols) * (cell + font + 4 + gap);
    const px = cell / Math.max(kh, kw);
    for (let i = 0; i < kh; i++) {
      for (let j = 0; j < kw; j++) {
        diverging(w[((i * kw + j) * inC + 0) * outC + f] / max, c);
        ctx.fillStyle = css(c);
        ctx.fillRect(x0 + j * px, y0 + i * px, Math.ceil(px), Math.ceil(px));
      }
    }
    ctx.strokeStyle = colors.grid;
    ctx.strokeRect(x0 + 0.5, y0 + 0.5, kw * px - 1, kh * px - 1);
    ctx.fillStyle = colors.muted;
    ctx.fillText(String(f + 1), x0 + (kw * px) / 2, y0 + kh * px + 3);
  }
  canvas.dataset.filters = String(outC);
}

// Every layer's output for the current image, a row per layer with one map
// per channel: conv outputs on the diverging scale (orange below zero), the
// rest ≥ 0. Each row has its own scale, square-rooted so that weak
// responses still show beside the strongest; flatten and dense rows are
// left out (the prediction shows the last one).
function drawFeatureMaps(canvas, insp) {
  const colors = palette();
  const font = parseFloat(colors.font);
  const rowsOf = (insp?.layers || []).filter((l) => l.shape.length === 3);
  const size = canvasSize(canvas).width || 600;
  const label = Math.min(150, font * 8, size * 0.24);
  const most = Math.max(1, ...rowsOf.map((l) => l.shape[0]));
  const gap = 6;
  const cell = Math.max(18, Math.min(64, (size - label - gap * most) / most));
  const rowH = cell + gap + 6;
  const want = Math.max(60, rowsOf.length * rowH + 4);
  if (canvas.style.height !== `${want}px`) canvas.style.height = `${want}px`;
  const { ctx, width } = prepareCanvas(canvas, { height: want });
  if (!rowsOf.length) return;
  ctx.font = colors.font;
  ctx.textBaseline = 'middle';
  const c = [0, 0, 0];
  rowsOf.forEach((layer, r) => {
    const [ch, h, w] = layer.shape;
    const y0 = r * rowH + 2;
    const kind = layer.kind;
    ctx.fillStyle = colors.ink;
    ctx.textAlign = 'left';
    ctx.fillText(layerTitle(layer), 0, y0 + cell / 2 - font * 0.55);
    ctx.fillStyle = colors.muted;
    ctx.fillText(`${ch} × ${h}×${w}`, 0, y0 + cell / 2 + font * 0.6);
    // The input row is the raw image: the model's own input is standardized pixel by pixel.
    const v = kind === 'input' && insp.image?.length === layer.values.length ? Float32Array.from(insp.image, (x) => x / pixelMax) : layer.values;
    let max = 1e-9;
    for (const x of v) max = Math.max(max, Math.abs(x));
    const signed = kind === 'conv2d' || kind === 'input';
    const px = cell / Math.max(h, w);
    // Each map as an h×w image, scaled up sharp: a few drawImage calls
    // instead of a fillRect per pixel keeps a redraw to a millisecond or two.
    if (tile.width !== w || tile.height !== h) {
      tile.width = w;
      tile.height = h;
    }
    const tctx = tile.getContext('2d');
    const image = tctx.createImageData(w, h);
    ctx.imageSmoothingEnabled = false;
    for (let k = 0; k < ch; k++) {
      const x0 = label + k * (cell + gap);
      if (x0 + cell > width + 1) break;
      for (let p = 0; p < h * w; p++) {
        const x = v[k * h * w + p];
        const t = x / max;
        if (kind === 'input') c[0] = c[1] = c[2] = Math.round(255 * (1 - Math.max(0, Math.min(1, x))));
        else diverging(Math.sign(t) * Math.sqrt(Math.abs(signed ? t : Math.max(0, t))), c); // √ lifts the faint values
        image.data[p * 4] = c[0];
        image.data[p * 4 + 1] = c[1];
        image.data[p * 4 + 2] = c[2];
        image.data[p * 4 + 3] = 255;
      }
      tctx.putImageData(image, 0, 0);
      ctx.drawImage(tile, x0, y0, w * px, h * px);
      ctx.strokeStyle = colors.grid;
      ctx.lineWidth = 1;
      ctx.strokeRect(x0 + 0.5, y0 + 0.5, w * px - 1, h * px - 1);
    }
  });
}

const tile = document.createElement('canvas');
