// Canvas plumbing shared by the chart views: crisp drawing on any screen,
// nice tick values, axes with labels. Knows nothing about models.

import { formatTick } from '../format.js';

// Colours live in style.css (custom properties) so the legend text, the
// tables and the canvases use the very same train / test / reference colours.
export function palette(el) {
  const css = getComputedStyle(el);
  const v = (name) => css.getPropertyValue(name).trim();
  return {
    ink: v('--ink'),
    muted: v('--muted'),
    grid: v('--grid'),
    panel: v('--panel'),
    train: v('--train'),
    test: v('--test'),
    reference: v('--reference'),
    model: v('--model'),
    // Chart text follows the page's root size, which grows on big screens.
    font: `${Math.round(parseFloat(getComputedStyle(document.documentElement).fontSize) * 0.82)}px ${v('--chart-font-family') || 'sans-serif'}`,
  };
}

// Size the backing store to the element's CSS size times the pixel ratio,
// then draw in CSS pixels: sharp on projectors and retina laptops alike.
export function prepareCanvas(canvas) {
  const dpr = window.devicePixelRatio || 1;
  const width = Math.max(1, canvas.clientWidth);
  const height = Math.max(1, canvas.clientHeight);
  if (canvas.width !== Math.round(width * dpr) || canvas.height !== Math.round(height * dpr)) {
    canvas.width = Math.round(width * dpr);
    canvas.height = Math.round(height * dpr);
  }
  const ctx = canvas.getContext('2d');
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, width, height);
  return { ctx, width, height };
}

// Tick values at 1, 2 or 5 × a power of ten, about `count` of them.
export function linearTicks(min, max, count = 5) {
  if (!(max > min)) return { ticks: [min], step: 1 };
  const raw = (max - min) / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const ticks = [];
  for (let t = Math.ceil(min / step) * step; t <= max + step * 1e-9; t += step) ticks.push(Math.abs(t) < step * 1e-9 ? 0 : t);
  return { ticks, step };
}

// Powers of ten between min and max (both > 0), thinned to about `count`.
export function logTicks(min, max, count = 6) {
  const lo = Math.floor(Math.log10(min));
  const hi = Math.ceil(Math.log10(max));
  const every = Math.max(1, Math.ceil((hi - lo) / count));
  const ticks = [];
  for (let e = lo; e <= hi; e++) if ((e - lo) % every === 0) ticks.push(10 ** e);
  return ticks;
}

export function formatPower(x) {
  const e = Math.round(Math.log10(x));
  if (e >= -2 && e <= 3) return String(10 ** e >= 1 ? 10 ** e : Number((10 ** e).toFixed(-e)));
  return `1e${e}`;
}

// Maps data to pixels inside a plot rectangle. `log` for a log-scaled y.
export function makeScale({ x0, x1, y0, y1, box, log = false }) {
  const ly = (v) => (log ? Math.log10(v) : v);
  const sx = (v) => box.left + ((v - x0) / (x1 - x0 || 1)) * box.width;
  const sy = (v) => box.top + box.height - ((ly(v) - ly(y0)) / (ly(y1) - ly(y0) || 1)) * box.height;
  return { sx, sy, box };
}

// Grid lines, tick labels and axis titles.
export function drawAxes(ctx, scale, colors, { xTicks, yTicks, xFormat, yFormat, xLabel, yLabel }) {
  const { box, sx, sy } = scale;
  ctx.save();
  ctx.font = colors.font;
  ctx.lineWidth = 1;
  ctx.strokeStyle = colors.grid;
  ctx.fillStyle = colors.muted;

  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (const t of yTicks) {
    const y = Math.round(sy(t)) + 0.5;
    ctx.beginPath();
    ctx.moveTo(box.left, y);
    ctx.lineTo(box.left + box.width, y);
    ctx.stroke();
    ctx.fillText(yFormat(t), box.left - 8, y);
  }
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  for (const t of xTicks) {
    const x = Math.round(sx(t)) + 0.5;
    ctx.beginPath();
    ctx.moveTo(x, box.top);
    ctx.lineTo(x, box.top + box.height);
    ctx.stroke();
    ctx.fillText(xFormat(t), x, box.top + box.height + 6);
  }

  // The axes themselves, darker than the grid.
  ctx.strokeStyle = colors.muted;
  ctx.beginPath();
  ctx.moveTo(box.left + 0.5, box.top);
  ctx.lineTo(box.left + 0.5, box.top + box.height + 0.5);
  ctx.lineTo(box.left + box.width, box.top + box.height + 0.5);
  ctx.stroke();

  ctx.fillStyle = colors.ink;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'bottom';
  ctx.fillText(xLabel, box.left + box.width / 2, box.top + box.height + 46);
  ctx.translate(16, box.top + box.height / 2);
  ctx.rotate(-Math.PI / 2);
  ctx.textBaseline = 'middle';
  ctx.fillText(yLabel, 0, 0);
  ctx.restore();
}

export const defaultTickFormat = (step) => (t) => formatTick(t, step);

// A polyline through (xs[i], ys[i]) that breaks at values `keep` refuses
// (non-finite, or non-positive on a log axis): NaN is never drawn.
export function tracePath(ctx, scale, xs, ys, keep) {
  ctx.beginPath();
  let pen = false;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i];
    const y = ys[i];
    if (!Number.isFinite(x) || !keep(y)) {
      pen = false;
      continue;
    }
    const px = scale.sx(x);
    const py = scale.sy(y);
    if (pen) ctx.lineTo(px, py);
    else ctx.moveTo(px, py);
    pen = true;
  }
}
