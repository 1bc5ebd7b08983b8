// Canvas plumbing shared by the chart views: crisp drawing on any screen,
// nice tick values, axes with labels. Knows nothing about models.

import { formatTick } from '../format.js';

// Colours live in style.css (custom properties on :root) so the legend
// text, the tables and the canvases use the very same colours.
//
// Reading computed styles or element sizes makes the browser recompute the
// page's style and layout on the spot whenever anything changed since, and
// the read-outs change every frame: done per canvas per frame, that alone
// stalls the page at top speed. So the palette is read once (until
// refreshPalette(), e.g. for large text) and sizes come from a ResizeObserver.
let cached = null;
export function refreshPalette() {
  cached = null;
}
export function palette() {
  if (cached) return cached;
  const root = document.documentElement;
  const css = getComputedStyle(root);
  const v = (name) => css.getPropertyValue(name).trim();
  const size = parseFloat(css.fontSize);
  cached = {
    ink: v('--ink'),
    muted: v('--muted'),
    grid: v('--grid'),
    panel: v('--panel'),
    train: v('--train'),
    test: v('--test'),
    val: v('--val'),
    error: v('--error-ink'),
    reference: v('--reference'),
    model: v('--model'),
    rootSize: size,
    // Chart text follows the page's root size, which grows on big screens.
    font: `${Math.round(size * 0.82)}px ${v('--chart-font-family') || 'sans-serif'}`,
  };
  return cached;
}

// Created before any view's own observer, so sizes are fresh when a view
// redraws on resize (observers are called in the order they were made).
const sizes = new WeakMap();
const sizer = new ResizeObserver((entries) => {
  for (const e of entries) {
    const { width, height } = e.contentRect;
    const was = sizes.get(e.target);
    // The same size keeps its object: onResize then knows nothing changed.
    if (!was || was.width !== width || was.height !== height) sizes.set(e.target, { width, height });
  }
});

// canvas → the observed size its last prepareCanvas used, and whether the
// view set the height itself (then only the width is the observer's).
const painted = new WeakMap();
const stale = (canvas) => {
  const p = painted.get(canvas);
  const now = sizes.get(canvas);
  return !p || (p.forced ? p.size.width !== now?.width : p.size !== now);
};

// Repaint a canvas when its size changes, in the next animation frame rather
// than inside the ResizeObserver callback: a layout change (a lesson moving
// its panels into the stage) then costs a frame of its own instead of
// lengthening the frame that caused it past 50 ms, and a draw that already
// used the new size (the store's frame, which runs first) makes the repaint
// unnecessary. Once a frame has spent FRAME_BUDGET_MS, the next canvas
// waits for the frame after (several panels resized at once would otherwise
// add up past 50 ms again). `canvases`: one, or a list one repaint draws.
// Canvas drawing a frame may spend before the rest waits a frame (main.js
// uses it for the store's redraws too): with layout, under 50 ms.
export const FRAME_BUDGET_MS = 12;
export function onResize(canvases, repaint) {
  const list = [canvases].flat();
  let pending = 0;
  const later = (frameTime) => {
    pending = 0;
    if (!list.some(stale)) return;
    if (performance.now() - frameTime > FRAME_BUDGET_MS) pending = requestAnimationFrame(later);
    else repaint();
  };
  const observer = new ResizeObserver(() => {
    if (!pending) pending = requestAnimationFrame(later);
  });
  for (const c of list) observer.observe(c);
}

// The element's CSS size, as last observed (read directly only the first time).
export function canvasSize(canvas) {
  let size = sizes.get(canvas);
  if (!size) {
    sizer.observe(canvas);
    size = { width: canvas.clientWidth, height: canvas.clientHeight };
    sizes.set(canvas, size);
  }
  return size;
}

// Every canvas's size read in one pass, before the first frame draws any:
// read one at a time, each after the previous canvas got its backing store,
// every read forced a layout of the whole page of its own.
export function measureCanvases(root = document) {
  for (const canvas of root.querySelectorAll('canvas')) canvasSize(canvas);
}

// Size the backing store to the element's CSS size times the pixel ratio,
// then draw in CSS pixels: sharp on projectors and retina laptops alike.
// `height` overrides the observed height (a view that just set it).
export function prepareCanvas(canvas, { height: forced } = {}) {
  const size = canvasSize(canvas);
  painted.set(canvas, { size, forced: forced != null });
  const dpr = window.devicePixelRatio || 1;
  const width = Math.max(1, size.width);
  const height = Math.max(1, forced ?? size.height);
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
