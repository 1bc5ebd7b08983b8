// The sequence sets, seen from the model's side:
//   sine-seq      the series (grey) with the model's one-step predictions
//                 (blue) around the current window (shaded); with free run
//                 on, the model continues alone from that window, each
//                 prediction fed back as its next input (orange), and the
//                 gap to the truth is filled in.
//   seq-majority  a list of windows (bits as squares), their labels and
//                 the model's P(more ones).
// Under either, the recurrent layer's hidden state at every step of the
// current window, as a heatmap. Draws what it is given (the worker did the
// maths, see worker-inspect.js); turns the slider, clicks and the free-run
// button into callbacks.

import { prepareCanvas, palette, canvasSize, onResize, linearTicks, makeScale, drawAxes, defaultTickFormat } from './plot.js';
import { ORANGE, BLUE, css, diverging } from './colors.js';
import { setText, setAttr, setProp } from './dom.js';
import { formatNumber } from '../format.js';
import { modelEntry } from '../catalog.js';
import { text, fillTexts } from '../strings/index.js';

const BEFORE = 30; // steps shown before the current window
const AFTER = 110; // and after it (the free run is 100)

export function createSequenceView(root, { onStart, onFreeRun }) {
  root.innerHTML = `
    <div class="panel-head">
      <h2 id="sequence-title" data-text="seq.title"></h2>
      <button type="button" data-testid="free-run" aria-pressed="false" data-text="seq.freeRun"></button>
    </div>
    <canvas data-testid="sequence-view" class="seq-chart" role="img" data-label="seq.chart.label"></canvas>
    <div class="field seq-start">
      <label for="seq-start" data-testid="seq-start-label">${text('seq.window')}</label>
      <input id="seq-start" data-testid="seq-start" type="range" min="0" max="0" step="1" value="0">
    </div>
    <p class="caption" data-testid="sequence-caption"></p>
    <p class="legend" data-testid="sequence-legend"></p>
    <h3 data-text="seq.hidden.title"></h3>
    <canvas data-testid="hidden-state" class="hidden-state" role="img" data-label="seq.hidden.label"></canvas>
    <p class="hint" data-testid="hidden-caption"></p>`;
  fillTexts(root);
  const $ = (id) => root.querySelector(`[data-testid="${id}"]`);
  const chart = $('sequence-view');
  const freeRun = $('free-run');
  const slider = $('seq-start');
  const sliderLabel = $('seq-start-label');
  const caption = $('sequence-caption');
  const legend = $('sequence-legend');
  const heat = $('hidden-state');
  const heatCaption = $('hidden-caption');
  let last = null;
  let legendKey = '';

  freeRun.addEventListener('click', () => onFreeRun(freeRun.getAttribute('aria-pressed') !== 'true'));
  slider.addEventListener('input', () => onStart(Number(slider.value)));
  // A click on the chart moves the window there (sine) or picks a row (majority).
  chart.addEventListener('click', (e) => {
    const hit = last?.hitTest?.(e.offsetX, e.offsetY);
    if (hit != null) onStart(hit);
  });
  onResize([chart, heat], () => last && draw(last.props));

  function draw(props) {
    const { report, freeRun: on } = props;
    const majority = report?.task === 'classification';
    setAttr(freeRun, 'aria-pressed', String(!!on && !majority));
    setProp(freeRun, 'disabled', !report || majority || !report.series);
    freeRun.title = text(majority ? 'seq.freeRun.majority' : 'seq.freeRun.title');
    root.dataset.mode = majority ? 'majority' : 'series';
    last = { props, hitTest: null };
    if (majority) drawMajority(props);
    else drawSeries(props);
    drawLegend(majority);
    drawHidden(heat, heatCaption, props);
  }

  function drawLegend(majority) {
    const key = majority ? 'm' : 's';
    if (key === legendKey) return;
    legendKey = key;
    legend.innerHTML = majority
      ? '<span class="item"><span class="bit one"></span>1</span><span class="item"><span class="bit"></span>0</span>' +
        '<span class="item wrap" data-text="seq.legend.majority"></span>'
      : '<span class="item"><span class="key key-truth"></span><span data-text="seq.legend.sequence"></span></span>' +
        '<span class="item"><span class="key key-model-seq"></span><span data-text="seq.legend.oneStep"></span></span>' +
        '<span class="item"><span class="key key-free"></span><span data-text="seq.legend.free"></span></span>' +
        '<span class="item"><span class="swatch window"></span><span data-text="seq.legend.window"></span></span>';
    fillTexts(legend);
  }

  function drawSeries(props) {
    const { report, freeRun: on } = props;
    const colors = palette();
    const { ctx, width, height } = prepareCanvas(chart);
    if (!report?.series) {
      setText(caption, report ? text('seq.noSeries') : '');
      return;
    }
    const { series, oneStep, start, window: W, free } = report;
    const n = series.length;
    setProp(slider, 'max', String(n - W));
    if (Number(slider.value) !== start) slider.value = String(start);
    setText(sliderLabel, text('seq.window.steps', { from: start + 1, to: start + W, n }));
    const a = Math.max(0, Math.min(n - (BEFORE + W + AFTER), start - BEFORE));
    const b = Math.min(n - 1, a + BEFORE + W + AFTER);
    let lo = Infinity;
    let hi = -Infinity;
    for (const v of series) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    const pad = (hi - lo || 1) * 0.15;
    lo -= pad;
    hi += pad;
    const box = { left: 48, top: 8, width: width - 60, height: height - 56 };
    if (box.width < 40 || box.height < 40) return;
    const scale = makeScale({ x0: a, x1: b, y0: lo, y1: hi, box });
    const xt = linearTicks(a + 1, b + 1, Math.max(3, Math.floor(box.width / 80)));
    const yt = linearTicks(lo, hi, Math.max(3, Math.floor(box.height / 45)));
    drawAxes(ctx, scale, colors, { xTicks: xt.ticks.map((t) => t - 1), yTicks: yt.ticks, xFormat: (t) => formatNumber(t + 1), yFormat: defaultTickFormat(yt.step), xLabel: text('seq.axis.step'), yLabel: text('seq.axis.value') });
    ctx.save();
    ctx.beginPath();
    ctx.rect(box.left, box.top, box.width, box.height);
    ctx.clip();
    // The current window, and the step it predicts.
    ctx.fillStyle = 'rgba(31, 100, 214, 0.10)';
    ctx.fillRect(scale.sx(start - 0.5), box.top, scale.sx(start + W - 0.5) - scale.sx(start - 0.5), box.height);
    const span = (from, to, get) => {
      const xs = [];
      const ys = [];
      for (let t = from; t <= to; t++) {
        xs.push(t);
        ys.push(get(t));
      }
      return [xs, ys];
    };
    if (free) {
      // The drift: the area between the truth and the free run.
      const t0 = start + W;
      const t1 = Math.min(n - 1, t0 + free.length - 1);
      ctx.fillStyle = css(ORANGE, 0.16);
      ctx.beginPath();
      for (let t = t0; t <= t1; t++) ctx.lineTo(scale.sx(t), clampY(scale.sy(free[t - t0])));
      for (let t = t1; t >= t0; t--) ctx.lineTo(scale.sx(t), scale.sy(series[t]));
      ctx.closePath();
      ctx.fill();
    }
    line(ctx, scale, ...span(a, b, (t) => series[t]), '#a9b1ba', 4.5);
    // With the free run on, the one-step guesses stop at the window: after
    // it the model is on its own.
    line(ctx, scale, ...span(a, free ? start + W - 1 : b, (t) => oneStep[t]), css(BLUE), 2);
    if (free) {
      const t0 = start + W;
      // From the window's last real value into the model's own continuation.
      const xs = [t0 - 1];
      const ys = [series[t0 - 1]];
      for (let k = 0; k < free.length; k++) {
        xs.push(t0 + k);
        ys.push(free[k]);
      }
      line(ctx, scale, xs, ys, css(ORANGE), 2.5, [7, 4]);
    }
    ctx.restore();
    last.hitTest = (x) => {
      if (x < box.left || x > box.left + box.width) return null;
      const t = a + ((x - box.left) / box.width) * (b - a);
      return Math.max(0, Math.min(n - W, Math.round(t - W / 2)));
    };
    setText(caption, seriesCaption(report, on, props));
  }

  function drawMajority(props) {
    const { report } = props;
    const colors = palette();
    const font = parseFloat(colors.font);
    const { rows, window: W, x, y, p1, row } = report;
    const rowH = Math.max(14, Math.round(font * 1.25));
    const want = rows * rowH + 8;
    if (chart.style.height !== `${want}px`) chart.style.height = `${want}px`;
    const { ctx, width } = prepareCanvas(chart, { height: want });
    setProp(slider, 'max', String(rows - 1));
    if (Number(slider.value) !== row) slider.value = String(row);
    setText(sliderLabel, text(report.split === 'val' ? 'seq.window.exampleVal' : 'seq.window.exampleTrain', { row: row + 1, rows }));
    ctx.font = colors.font;
    ctx.textBaseline = 'middle';
    const textW = ctx.measureText(`${W}/${W} → 1`).width + 12;
    const markW = ctx.measureText('✗').width + 8;
    const cell = Math.max(4, Math.min(rowH - 3, (width * 0.62) / W));
    const barW = Math.max(30, Math.min(140, width - W * cell - 10 - textW - markW));
    let right = 0;
    for (let r = 0; r < rows; r++) {
      const y0 = 4 + r * rowH;
      if (r === row) {
        ctx.fillStyle = 'rgba(31, 100, 214, 0.12)';
        ctx.fillRect(0, y0 - 2, width, rowH);
      }
      let ones = 0;
      for (let t = 0; t < W; t++) {
        const bit = x[r * W + t] > 0.5;
        ones += bit;
        ctx.fillStyle = bit ? colors.ink : '#fff';
        ctx.fillRect(t * cell + 1, y0 + (rowH - cell) / 2, cell - 2, cell - 2);
        ctx.strokeStyle = colors.grid;
        ctx.strokeRect(t * cell + 1.5, y0 + (rowH - cell) / 2 + 0.5, cell - 3, cell - 3);
      }
      const tx = W * cell + 10;
      const truth = y[r] === 1;
      const guess = p1[r] >= 0.5;
      if (guess === truth) right += 1;
      ctx.fillStyle = colors.ink;
      ctx.textAlign = 'left';
      ctx.fillText(`${ones}/${W} → ${truth ? 1 : 0}`, tx, y0 + rowH / 2 - 1);
      const bx = tx + textW;
      ctx.fillStyle = colors.grid;
      ctx.fillRect(bx, y0 + 2, barW, rowH - 6);
      ctx.fillStyle = guess === truth ? css(BLUE) : colors.error;
      ctx.fillRect(bx, y0 + 2, barW * p1[r], rowH - 6);
      ctx.fillStyle = guess === truth ? colors.ink : colors.error;
      ctx.fillText(guess === truth ? '✓' : '✗', bx + barW + 4, y0 + rowH / 2 - 1);
    }
    last.hitTest = (_x, yy) => Math.max(0, Math.min(rows - 1, Math.floor((yy - 4) / rowH)));
    setText(caption, text('seq.majority.caption', { right, rows, step: report.step }));
  }

  // After a language switch: the fixed words, the legend and the last picture again.
  function relabel() {
    fillTexts(root);
    legendKey = '';
    if (last) draw(last.props);
  }

  return { draw, relabel };
}

function seriesCaption(report, on, props) {
  const parts = [text('seq.caption', { step: report.step, window: report.window })];
  if (!props.tested) parts.push(text('seq.caption.noTest'));
  if (report.free) {
    let err = 0;
    const t0 = report.start + report.window;
    let k = 0;
    for (; k < report.free.length && t0 + k < report.series.length; k++) err += Math.abs(report.free[k] - report.series[t0 + k]);
    parts.push(text('seq.caption.free', { steps: report.free.length, drift: formatNumber(err / Math.max(1, k), 2) }));
  } else if (on) parts.push(text('seq.caption.freeComputing'));
  return parts.join(' ');
}

function clampY(y) {
  return Math.max(-1e4, Math.min(1e4, y));
}

function line(ctx, scale, xs, ys, color, width, dash = []) {
  ctx.strokeStyle = color;
  ctx.lineWidth = width;
  ctx.lineJoin = 'round';
  ctx.setLineDash(dash);
  ctx.beginPath();
  let pen = false;
  for (let i = 0; i < xs.length; i++) {
    if (!Number.isFinite(ys[i])) {
      pen = false;
      continue;
    }
    const px = scale.sx(xs[i]);
    const py = clampY(scale.sy(ys[i]));
    if (pen) ctx.lineTo(px, py);
    else ctx.moveTo(px, py);
    pen = true;
  }
  ctx.stroke();
  ctx.setLineDash([]);
}

// The hidden state [window, hidden] of the current window: a column per
// step, a row per unit, tanh's −1 … 1 on the diverging scale; the inputs
// along the top, aligned with their steps.
function drawHidden(canvas, caption, { report, kind }) {
  const colors = palette();
  const font = parseFloat(colors.font);
  const hidden = report?.hidden;
  const H = hidden ? hidden.shape[1] : 0;
  const W = report?.window || 1;
  const left = font * 4.2;
  const top = font * 3.2;
  const size = canvasSize(canvas).width || 400; // observed, not measured: no forced layout mid-training
  const cell = Math.max(4, Math.min(20, (size - left - 8) / W));
  const want = hidden ? Math.round(top + H * cell + font * 2.2) : 40;
  if (canvas.style.height !== `${want}px`) canvas.style.height = `${want}px`;
  setProp(canvas, 'hidden', !hidden);
  const { ctx } = prepareCanvas(canvas, { height: want });
  if (!hidden) {
    setText(caption, report ? (modelEntry(kind)?.needs === 'sequence' ? '' : text('seq.hidden.none')) : '');
    return;
  }
  setText(caption, text('seq.hidden.caption', { units: H }));
  ctx.font = colors.font;
  // The inputs: a value per step, as a small bar chart (sine) or squares (bits).
  const xs = report.windowX;
  let m = 1e-9;
  for (const v of xs) m = Math.max(m, Math.abs(v));
  const stripH = top - font * 1.6;
  const mid = font * 0.2 + stripH / 2;
  ctx.fillStyle = colors.muted;
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  ctx.fillText(text('seq.hidden.input'), left - 6, mid);
  for (let t = 0; t < W; t++) {
    const v = xs[t] / m;
    ctx.fillStyle = css(diverging(v));
    ctx.fillRect(left + t * cell + 1, mid - (v > 0 ? v : 0) * (stripH / 2), Math.max(1, cell - 2), Math.max(1, Math.abs(v) * (stripH / 2)));
  }
  const y0 = top;
  const c = [0, 0, 0];
  for (let t = 0; t < W; t++) {
    for (let u = 0; u < H; u++) {
      diverging(hidden.values[t * H + u], c);
      ctx.fillStyle = css(c);
      ctx.fillRect(left + t * cell, y0 + u * cell, Math.ceil(cell), Math.ceil(cell));
    }
  }
  ctx.strokeStyle = colors.grid;
  ctx.strokeRect(left + 0.5, y0 + 0.5, W * cell - 1, H * cell - 1);
  ctx.fillStyle = colors.muted;
  ctx.textAlign = 'right';
  ctx.fillText(text('network.unitName', { n: 1 }), left - 6, y0 + cell / 2);
  ctx.fillText(text('network.unitName', { n: H }), left - 6, y0 + (H - 0.5) * cell);
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  const every = Math.max(1, Math.ceil((font * 2.5) / cell));
  for (let t = 0; t < W; t += every) ctx.fillText(`t${t + 1}`, left + (t + 0.5) * cell, y0 + H * cell + 4);
  canvas.dataset.steps = String(W);
}

// The picker's picture of a sequence set: one window of the sine as a
// line, or a few windows of bits as squares.
export function paintSequenceThumb(ctx, t, n) {
  const W = t.inputs;
  if (t.task === 'classification') {
    const rows = Math.min(6, t.rows);
    const cols = Math.min(W, 10);
    const cell = (n - 8) / cols;
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        ctx.fillStyle = t.x[r * W + c] > 0.5 ? '#1d232a' : '#e3e7ec';
        ctx.fillRect(4 + c * cell + 0.5, 4 + r * cell * 1.25 + 0.5, cell - 1, cell - 1);
      }
    }
    return;
  }
  const ys = [...t.x.slice(0, W), t.y[0]];
  let m = 1e-9;
  for (const v of ys) m = Math.max(m, Math.abs(v));
  ctx.strokeStyle = css(BLUE);
  ctx.lineWidth = 2;
  ctx.beginPath();
  ys.forEach((v, i) => {
    const x = 4 + (i / (ys.length - 1)) * (n - 8);
    const y = n / 2 - (v / m) * (n / 2 - 6);
    if (i) ctx.lineTo(x, y);
    else ctx.moveTo(x, y);
  });
  ctx.stroke();
}
