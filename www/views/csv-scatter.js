// The Output panel for a CSV file: its rows as a scatter over two chosen
// columns (or one column against the target). A point's fill is its true
// class or value, its ring what the model predicts, so every mistake is a
// point whose ring and fill differ. Draws what it is given; the column
// names reach the page as canvas text or textContent only.

import { linearTicks, makeScale, drawAxes, defaultTickFormat } from './plot.js';
import { classColor, diverging, css, ORANGE, NEUTRAL, BLUE } from './colors.js';
import { formatNumber } from '../format.js';
import { setProp } from './dom.js';
import { text } from '../strings/index.js';

const MARGIN = { left: 64, right: 14, top: 10, bottom: 52 };
export const TARGET = -1; // an axis showing the target instead of an input

// The axes of a session's inputs: the first two, or the one input against the target.
export function defaultAxes(names) {
  return { key: names.join('\u0000'), x: 0, y: names.length > 1 ? 1 : TARGET };
}

const valueAt = (split, inputs, r, axis) => (axis === TARGET ? split.y[r] : split.x[r * inputs + axis]);

export function drawScatter(ctx, width, height, props, colors) {
  const { info, dataset, points, axes } = props;
  const box = { left: MARGIN.left, top: MARGIN.top, width: width - MARGIN.left - MARGIN.right, height: height - MARGIN.top - MARGIN.bottom };
  if (box.width < 40 || box.height < 40 || !axes) return;
  const inputs = info.inputNames.length;
  const sets = [{ split: dataset.train, pred: points?.train, shape: 'disc' }];
  if (props.showVal && dataset.val) sets.push({ split: dataset.val, pred: points?.val, shape: 'diamond' });
  const shown = (s) => (s.pred ? s.pred.length / outputsOf(info) : Math.min(s.split.rows, 1500));

  let [x0, x1, y0, y1] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const s of sets) {
    for (let r = 0; r < shown(s); r++) {
      const x = valueAt(s.split, inputs, r, axes.x);
      const y = valueAt(s.split, inputs, r, axes.y);
      x0 = Math.min(x0, x);
      x1 = Math.max(x1, x);
      y0 = Math.min(y0, y);
      y1 = Math.max(y1, y);
    }
  }
  if (!(x1 >= x0 && y1 >= y0)) return;
  const padX = (x1 - x0) * 0.06 || 1;
  const padY = (y1 - y0) * 0.06 || 1;
  const xt = linearTicks(x0 - padX, x1 + padX, Math.max(3, Math.floor(box.width / 90)));
  const yt = linearTicks(y0 - padY, y1 + padY, Math.max(3, Math.floor(box.height / 50)));
  const scale = makeScale({ x0: x0 - padX, x1: x1 + padX, y0: y0 - padY, y1: y1 + padY, box });
  drawAxes(ctx, scale, colors, {
    xTicks: xt.ticks,
    yTicks: yt.ticks,
    xFormat: defaultTickFormat(xt.step),
    yFormat: defaultTickFormat(yt.step),
    xLabel: clip(axisName(props, axes.x)),
    yLabel: clip(axisName(props, axes.y)),
  });

  const classification = info.task === 'classification';
  const k = outputsOf(info);
  const yScale = dataset.yScale || 1;
  const fillOf = classification ? (v) => css(classColor(v)) : (v) => css(diverging(v / yScale));
  const predOf = classification
    ? (p, r) => css(classColor(k === 1 ? (p[r] >= 0.5 ? 1 : 0) : argmax(p, r * k, k)))
    : (p, r) => css(diverging(p[r] / yScale));
  // A ring as wide as the fill is large, so a wrong prediction shows at a glance.
  const radius = props.pointRadius * 1.15;
  ctx.save();
  ctx.beginPath();
  ctx.rect(box.left, box.top, box.width, box.height);
  ctx.clip();
  ctx.lineWidth = Math.max(2.5, radius * 0.8);
  for (const s of sets) {
    for (let r = 0; r < shown(s); r++) {
      const x = scale.sx(valueAt(s.split, inputs, r, axes.x));
      const y = scale.sy(valueAt(s.split, inputs, r, axes.y));
      ctx.beginPath();
      if (s.shape === 'disc') ctx.arc(x, y, radius, 0, 2 * Math.PI);
      else {
        const d = radius * 1.35;
        ctx.moveTo(x, y - d);
        ctx.lineTo(x + d, y);
        ctx.lineTo(x, y + d);
        ctx.lineTo(x - d, y);
        ctx.closePath();
      }
      ctx.fillStyle = fillOf(s.split.y[r]);
      ctx.fill();
      ctx.strokeStyle = s.pred ? predOf(s.pred, r) : colors.muted;
      ctx.stroke();
    }
  }
  ctx.restore();
}

export function scatterCaption(props) {
  const { info, axes, frame } = props;
  if (!axes) return '';
  const key = `scatter.caption.${info.task === 'classification' ? 'class' : 'value'}${props.showVal ? 'Val' : ''}`;
  return text(key, { x: axisName(props, axes.x), y: axisName(props, axes.y), step: props.points?.step ?? frame?.step ?? 0 });
}

// The legend's items for a scatter, built with textContent (class names come from the file).
export function scatterLegend(legend, info, dataset) {
  legend.textContent = '';
  const item = () => legend.appendChild(Object.assign(document.createElement('span'), { className: 'item' }));
  if (info.task === 'classification') {
    info.classes.forEach((name, i) => {
      const it = item();
      const s = it.appendChild(Object.assign(document.createElement('span'), { className: 'swatch' }));
      s.style.background = css(classColor(i));
      s.dataset.class = String(i);
      it.append(text('output.legend.class', { name }));
    });
  } else {
    const it = item();
    const s = it.appendChild(Object.assign(document.createElement('span'), { className: 'ramp' }));
    s.style.background = `linear-gradient(90deg, ${css(ORANGE)}, ${css(NEUTRAL)}, ${css(BLUE)})`;
    it.append(text('output.legend.value', { max: formatNumber(dataset.yScale, 2) }));
  }
  const ring = item();
  ring.appendChild(Object.assign(document.createElement('span'), { className: 'ring' }));
  ring.append(text('scatter.ring'));
}

// The x and y column pickers under the Output canvas (hidden unless the data is a CSV file).
export function createAxesPicker(root, intents) {
  const x = root.querySelector('[data-testid="plot-x"]');
  const y = root.querySelector('[data-testid="plot-y"]');
  let key = '';
  const changed = () => intents.setAxes({ x: Number(x.value), y: Number(y.value) });
  x.addEventListener('change', changed);
  y.addEventListener('change', changed);
  return {
    // After a language switch: "the target" is named again.
    relabel() {
      key = '';
    },
    draw(state) {
      const on = !!(state.ready && state.info?.csvReport && state.csvAxes);
      setProp(root, 'hidden', !on);
      if (!on) return;
      const names = state.info.inputNames;
      const k = `${state.info.task}\u0000${names.join('\u0000')}`;
      if (k !== key) {
        key = k;
        for (const select of [x, y]) {
          select.textContent = '';
          names.forEach((name, i) => select.appendChild(new Option(name, String(i))));
          select.appendChild(new Option(text('scatter.target'), String(TARGET)));
        }
      }
      setProp(x, 'value', String(state.csvAxes.x));
      setProp(y, 'value', String(state.csvAxes.y));
    },
  };
}

function axisName(props, axis) {
  if (axis === TARGET) return props.target ? text('scatter.targetNamed', { name: props.target }) : text('scatter.target');
  return props.info.inputNames[axis] ?? '';
}

const clip = (t) => (t.length > 48 ? `${t.slice(0, 47)}…` : t);
const outputsOf = (info) => (info.task === 'classification' && info.classes.length > 2 ? info.classes.length : 1);

function argmax(p, at, k) {
  let best = 0;
  for (let c = 1; c < k; c++) if (p[at + c] > p[at + best]) best = c;
  return best;
}

