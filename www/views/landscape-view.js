// The loss landscape (issue 13): the training loss over a plane through the
// current weights as a banded heatmap (each band a tenth of the log-loss
// range, its edges drawn as contour lines), the optimizer's path on it and
// a ring where the weights are now. Race lanes add their own paths. Draws
// the engine's lossSurface (worker-trace.js); computes no loss itself.

import { prepareCanvas, palette, onResize, makeScale, drawAxes, linearTicks, defaultTickFormat } from './plot.js';
import { classColor, css } from './colors.js';
import { setAttr } from './dom.js';

const MARGIN = { left: 56, right: 14, top: 10, bottom: 46 };
const BANDS = 12;
const UP = 160; // the heatmap is painted at this resolution, interpolated

// Light (low loss) to dark (high): one hue, so the path's colours stand out.
const LOW = [247, 251, 255];
const HIGH = [8, 48, 107];

// Arrow keys move the point by the plane's width over this (Shift: five times as far).
const KEY_STEPS = 40;

// `intents.landscapeDrop(x, y)`: the learner put the starting point at
// (x, y) of the plane (only asked for when props.draggable).
export function createLandscapeView(canvas, intents = {}) {
  const off = document.createElement('canvas');
  let painted = null;
  let last = null;
  let dragging = null; // the point under the pointer while dragging, plane coordinates
  let moved = null; // the point last dropped, until a surface drawn from it arrives
  onResize(canvas, () => last && draw(last));

  // props: { surface, paths?: [{ path, color }], xLabel, yLabel, draggable?, label? }
  function draw(props) {
    if (props.surface !== last?.surface) moved = null;
    last = props;
    const colors = palette(canvas);
    const { ctx, width, height } = prepareCanvas(canvas);
    const s = props.surface;
    const draggable = !!(props.draggable && s);
    // In the tab order only while the point can be moved from the keyboard.
    if (draggable) setAttr(canvas, 'tabindex', '0');
    else canvas.removeAttribute('tabindex');
    canvas.classList.toggle('draggable', draggable);
    if (props.label) setAttr(canvas, 'aria-label', props.label);
    if (!draggable) dragging = null;
    if (!s) {
      setAttr(canvas, 'data-path-length', '0');
      return;
    }
    const box = plotBox(width, height);
    setAttr(canvas, 'data-plot-box', [box.left, box.top, box.width, box.height].join(','));
    setAttr(canvas, 'data-axes', [...s.axes.x, ...s.axes.y].join(','));
    if (box.width < 40 || box.height < 40) return;
    const [x0, x1] = s.axes.x;
    const [y0, y1] = s.axes.y;
    const scale = makeScale({ x0, x1, y0, y1, box });
    if (painted !== s.values) {
      paintBands(off, s);
      painted = s.values;
    }
    ctx.imageSmoothingEnabled = false;
    ctx.drawImage(off, box.left, box.top, box.width, box.height);
    const xt = linearTicks(x0, x1, Math.max(2, Math.floor(box.width / 80)));
    const yt = linearTicks(y0, y1, Math.max(2, Math.floor(box.height / 50)));
    drawAxes(ctx, scale, colors, {
      xTicks: xt.ticks.filter((v) => v >= x0 && v <= x1),
      yTicks: yt.ticks.filter((v) => v >= y0 && v <= y1),
      xFormat: defaultTickFormat(xt.step),
      yFormat: defaultTickFormat(yt.step),
      xLabel: props.xLabel,
      yLabel: props.yLabel,
    });
    ctx.save();
    ctx.beginPath();
    ctx.rect(box.left, box.top, box.width, box.height);
    ctx.clip();
    const paths = props.paths?.length ? props.paths : [{ path: s.path, color: colors.train }];
    let drawn = 0;
    for (const { path, color } of paths) drawn += drawPath(ctx, scale, path, color);
    // Where the learner is putting the point: a ring, until training starts there.
    const pending = dragging || moved;
    if (pending) ring(ctx, scale.sx(pending.x), scale.sy(pending.y), colors.train);
    ctx.restore();
    setAttr(canvas, 'data-path-length', String(drawn));
  }

  function plotBox(width, height) {
    return { left: MARGIN.left, top: MARGIN.top, width: width - MARGIN.left - MARGIN.right, height: height - MARGIN.top - MARGIN.bottom };
  }

  // The plane's coordinates under a pointer, kept inside the plot.
  function pointAt(clientX, clientY) {
    const r = canvas.getBoundingClientRect();
    const box = plotBox(r.width, r.height);
    const [x0, x1] = last.surface.axes.x;
    const [y0, y1] = last.surface.axes.y;
    const fx = Math.max(0, Math.min(1, (clientX - r.left - box.left) / box.width));
    const fy = Math.max(0, Math.min(1, (clientY - r.top - box.top) / box.height));
    return { x: x0 + fx * (x1 - x0), y: y1 - fy * (y1 - y0) };
  }

  // The current point: the path's last pair (or the one just dropped).
  function current() {
    if (moved) return moved;
    const p = last.surface.path;
    return p.length >= 2 ? { x: p[p.length - 2], y: p[p.length - 1] } : null;
  }

  const canDrag = () => !!(last?.draggable && last.surface);
  function drop(point) {
    moved = point;
    dragging = null;
    setAttr(canvas, 'data-dropped', `${point.x},${point.y}`);
    draw(last);
    intents.landscapeDrop?.(point.x, point.y);
  }

  canvas.addEventListener('pointerdown', (e) => {
    if (!canDrag() || e.button !== 0) return;
    e.preventDefault();
    canvas.setPointerCapture(e.pointerId);
    canvas.focus({ preventScroll: true });
    dragging = pointAt(e.clientX, e.clientY);
    draw(last);
  });
  canvas.addEventListener('pointermove', (e) => {
    if (!dragging || !canDrag()) return;
    dragging = pointAt(e.clientX, e.clientY);
    draw(last);
  });
  canvas.addEventListener('pointerup', (e) => {
    if (!dragging || !canDrag()) return;
    drop(pointAt(e.clientX, e.clientY));
  });
  canvas.addEventListener('pointercancel', () => {
    dragging = null;
    if (last) draw(last);
  });
  canvas.addEventListener('keydown', (e) => {
    const dir = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, 1], ArrowDown: [0, -1] }[e.key];
    if (!dir || !canDrag()) return;
    const p = current();
    if (!p) return;
    e.preventDefault();
    e.stopPropagation(); // → is also the page's "one step" key
    const k = e.shiftKey ? 5 : 1;
    const [x0, x1] = last.surface.axes.x;
    const [y0, y1] = last.surface.axes.y;
    drop({ x: p.x + ((x1 - x0) / KEY_STEPS) * k * dir[0], y: p.y + ((y1 - y0) / KEY_STEPS) * k * dir[1] });
  });

  return { draw };
}

// Losses on a log scale, banded; band edges darker (the contour lines).
function paintBands(off, s) {
  const r = s.resolution;
  const v = s.values;
  let lo = Infinity;
  let hi = -Infinity;
  const logs = new Float32Array(v.length);
  for (let i = 0; i < v.length; i++) {
    const x = v[i] > 0 && v[i] < 3e38 ? Math.log(v[i]) : NaN;
    logs[i] = x;
    if (Number.isFinite(x)) {
      lo = Math.min(lo, x);
      hi = Math.max(hi, x);
    }
  }
  if (!(hi > lo)) hi = lo + 1;
  const n = UP;
  off.width = off.height = n;
  const ctx = off.getContext('2d');
  const image = ctx.createImageData(n, n);
  const band = new Int16Array(n * n);
  for (let py = 0; py < n; py++) {
    // Canvas row 0 is the top: the largest y (values' last row).
    const gy = ((n - 1 - py) / (n - 1)) * (r - 1);
    const iy = Math.min(r - 2, Math.floor(gy));
    const fy = gy - iy;
    for (let px = 0; px < n; px++) {
      const gx = (px / (n - 1)) * (r - 1);
      const ix = Math.min(r - 2, Math.floor(gx));
      const fx = gx - ix;
      const a = logs[iy * r + ix];
      const b = logs[iy * r + ix + 1];
      const c = logs[(iy + 1) * r + ix];
      const d = logs[(iy + 1) * r + ix + 1];
      const val = (a * (1 - fx) + b * fx) * (1 - fy) + (c * (1 - fx) + d * fx) * fy;
      band[py * n + px] = Number.isFinite(val) ? Math.min(BANDS - 1, Math.floor(((val - lo) / (hi - lo)) * BANDS)) : BANDS - 1;
    }
  }
  for (let i = 0; i < n * n; i++) {
    const k = band[i];
    const t = (k + 0.5) / BANDS;
    const px = i % n;
    const edge = (px + 1 < n && band[i + 1] !== k) || (i + n < n * n && band[i + n] !== k);
    const shade = edge ? 0.78 : 1;
    image.data[4 * i] = (LOW[0] + (HIGH[0] - LOW[0]) * t) * shade;
    image.data[4 * i + 1] = (LOW[1] + (HIGH[1] - LOW[1]) * t) * shade;
    image.data[4 * i + 2] = (LOW[2] + (HIGH[2] - LOW[2]) * t) * shade;
    image.data[4 * i + 3] = 255;
  }
  ctx.putImageData(image, 0, 0);
}

// The path as a line with a dot per kept point, the current point a ring.
// Returns the points drawn.
function drawPath(ctx, scale, path, color) {
  const n = Math.floor((path?.length || 0) / 2);
  const ok = (i) => Number.isFinite(path[2 * i]) && Number.isFinite(path[2 * i + 1]);
  // Beyond the canvas by far (a diverged lane) is still drawn toward its edge.
  const px = (i) => Math.max(-1e4, Math.min(1e4, scale.sx(path[2 * i])));
  const py = (i) => Math.max(-1e4, Math.min(1e4, scale.sy(path[2 * i + 1])));
  let drawn = 0;
  let lastOk = -1;
  ctx.strokeStyle = color;
  ctx.fillStyle = color;
  ctx.lineWidth = 2.5;
  ctx.lineJoin = 'round';
  ctx.beginPath();
  let pen = false;
  for (let i = 0; i < n; i++) {
    if (!ok(i)) {
      pen = false;
      continue;
    }
    if (pen) ctx.lineTo(px(i), py(i));
    else ctx.moveTo(px(i), py(i));
    pen = true;
    drawn += 1;
    lastOk = i;
  }
  ctx.stroke();
  for (let i = 0; i < n; i++) {
    if (i === lastOk || !ok(i)) continue;
    ctx.beginPath();
    ctx.arc(px(i), py(i), 2.5, 0, 2 * Math.PI);
    ctx.fill();
  }
  if (lastOk < 0) return 0;
  ring(ctx, px(lastOk), py(lastOk), color);
  return drawn;
}

// The current point: a ring, white under the colour so it shows on any band.
function ring(ctx, x, y, color) {
  ctx.lineWidth = 3;
  ctx.strokeStyle = '#fff';
  ctx.beginPath();
  ctx.arc(x, y, 7, 0, 2 * Math.PI);
  ctx.stroke();
  ctx.lineWidth = 2;
  ctx.strokeStyle = color;
  ctx.stroke();
}

export const laneColor = (i) => css(classColor(i));
