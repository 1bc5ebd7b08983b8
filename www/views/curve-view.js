// The output for 1-D regression (the sine set): the fitted curve ŷ(x) over
// the points. While a network unit is hovered, that unit's own output is
// drawn too, on its own scale. Draws what it is given.

import { linearTicks, makeScale, drawAxes, defaultTickFormat } from './plot.js';
import { ORANGE, css } from './colors.js';

const MARGIN = { left: 52, right: 14, top: 10, bottom: 50 };

export function drawCurve(ctx, width, height, props, colors) {
  const { curve, dataset, domain: d } = props;
  const box = { left: MARGIN.left, top: MARGIN.top, width: width - MARGIN.left - MARGIN.right, height: height - MARGIN.top - MARGIN.bottom };
  if (box.width < 40 || box.height < 40) return;
  // The frame comes from the data, so a wild model runs off the chart
  // instead of squashing the points.
  let lo = -1;
  let hi = 1;
  for (const s of [dataset.train, dataset.val]) if (s) for (const v of s.y) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
  const pad = (hi - lo) * 0.15;
  const yt = linearTicks(lo - pad, hi + pad, Math.max(3, Math.floor(box.height / 50)));
  const xt = linearTicks(-d, d, 6);
  const scale = makeScale({ x0: -d, x1: d, y0: lo - pad, y1: hi + pad, box });
  drawAxes(ctx, scale, colors, { xTicks: xt.ticks, yTicks: yt.ticks, xFormat: defaultTickFormat(xt.step), yFormat: defaultTickFormat(yt.step), xLabel: 'x', yLabel: 'y' });

  ctx.save();
  ctx.beginPath();
  ctx.rect(box.left, box.top, box.width, box.height);
  ctx.clip();
  const r = props.pointRadius;
  const sets = [
    [dataset.train, colors.train, 'disc'],
    props.showVal && [dataset.val, colors.val, 'diamond'],
    props.test && [props.test, colors.ink, 'square'],
  ];
  for (const entry of sets) {
    if (!entry || !entry[0]) continue;
    const [s, color, shape] = entry;
    ctx.fillStyle = color;
    ctx.globalAlpha = shape === 'disc' ? 0.55 : 0.8;
    for (let i = 0; i < s.rows; i++) {
      const x = scale.sx(s.x[i * s.inputs]);
      const y = scale.sy(s.y[i]);
      ctx.beginPath();
      if (shape === 'disc') ctx.arc(x, y, r, 0, 2 * Math.PI);
      else if (shape === 'diamond') {
        ctx.moveTo(x, y - r * 1.4);
        ctx.lineTo(x + r * 1.4, y);
        ctx.lineTo(x, y + r * 1.4);
        ctx.lineTo(x - r * 1.4, y);
      } else ctx.rect(x - r, y - r, 2 * r, 2 * r);
      ctx.fill();
    }
  }
  ctx.globalAlpha = 1;

  if (curve) polyline(ctx, curve.x, curve.y, scale, colors.model, 3);
  if (props.overlay) {
    // The hovered unit, scaled into the frame: its shape is the point.
    const { values, width: w, unit, x } = props.overlay;
    const ys = Float32Array.from({ length: x.length }, (_, i) => values[i * w + unit]);
    let m = 1e-9;
    for (const v of ys) m = Math.max(m, Math.abs(v));
    const half = (hi + pad - (lo - pad)) / 2;
    const mid = (hi + lo) / 2;
    polyline(ctx, x, ys.map((v) => mid + (v / m) * half * 0.9), scale, css(ORANGE), 2.5, [6, 4]);
  }
  ctx.restore();
}

function polyline(ctx, xs, ys, scale, color, width, dash = []) {
  ctx.strokeStyle = color;
  ctx.lineWidth = width;
  ctx.setLineDash(dash);
  ctx.lineJoin = 'round';
  ctx.beginPath();
  let pen = false;
  for (let i = 0; i < xs.length; i++) {
    if (!Number.isFinite(ys[i])) {
      pen = false;
      continue;
    }
    const px = scale.sx(xs[i]);
    const py = Math.max(-1e4, Math.min(1e4, scale.sy(ys[i])));
    if (pen) ctx.lineTo(px, py);
    else ctx.moveTo(px, py);
    pen = true;
  }
  ctx.stroke();
  ctx.setLineDash([]);
}
