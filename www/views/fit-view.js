// The lesson's output: targets and predictions against the first input.
// Filled dots are the targets y, rings the model's predictions ŷ, a thin
// line between them the error; the dashed line is the least-squares
// reference. Draws what it is given; the worker computed every prediction.

import { linearTicks, makeScale, drawAxes, defaultTickFormat } from './plot.js';

const MARGIN = { left: 60, right: 18, top: 14, bottom: 56 };

export function drawFit(ctx, width, height, props, colors) {
  const { dataset, predictions, reference } = props;
  if (!dataset) return;
  const box = { left: MARGIN.left, top: MARGIN.top, width: width - MARGIN.left - MARGIN.right, height: height - MARGIN.top - MARGIN.bottom };
  if (box.width < 40 || box.height < 40) return;

  const splits = [
    { name: 'train', data: dataset.train, color: colors.train },
    { name: 'test', data: dataset.test, color: colors.test },
  ].filter((s) => s.data);
  // Points: x = first input, y = target; predictions and reference by row.
  const points = splits.flatMap((s) =>
    Array.from({ length: s.data.rows }, (_, r) => ({
      split: s,
      x: s.data.x[r * s.data.inputs],
      y: s.data.y[r],
      pred: predictions?.[s.name]?.[r],
      ref: reference?.predictions?.[s.name]?.[r],
    })),
  );

  // The frame is fixed by the data, not the predictions, so a diverging
  // model runs off the chart instead of squashing the points to nothing.
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const xr = padded(Math.min(...xs), Math.max(...xs), 0.2);
  const yr = padded(Math.min(...ys), Math.max(...ys), 0.25);
  const xt = linearTicks(Math.min(0, xr[0]), xr[1], Math.max(3, Math.floor(box.width / 70)));
  const yt = linearTicks(Math.min(0, yr[0]), yr[1], Math.max(3, Math.floor(box.height / 50)));
  const scale = makeScale({ x0: Math.min(0, xr[0]), x1: xr[1], y0: Math.min(0, yr[0]), y1: yr[1], box });
  drawAxes(ctx, scale, colors, {
    xTicks: xt.ticks,
    yTicks: yt.ticks,
    xFormat: defaultTickFormat(xt.step),
    yFormat: defaultTickFormat(yt.step),
    xLabel: props.xLabel ?? 'x1',
    yLabel: 'y',
  });

  ctx.save();
  ctx.beginPath();
  ctx.rect(box.left, box.top, box.width, box.height);
  ctx.clip();
  const byX = [...points].sort((a, b) => a.x - b.x);

  // Reference and model as lines through their predictions: both are
  // linear along the data, so joining the points is exact.
  // The reference goes on top, dashed: once they agree, the model's line
  // shows through its gaps.
  line(ctx, scale, byX, (p) => p.pred, colors.model, 2, []);
  line(ctx, scale, byX, (p) => p.ref, colors.reference, 2.5, [8, 6]);

  for (const p of points) {
    const cx = scale.sx(p.x);
    // The error ŷ − y, as a thin line.
    if (Number.isFinite(p.pred)) {
      ctx.strokeStyle = p.split.color;
      ctx.lineWidth = 1.5;
      ctx.setLineDash([3, 3]);
      ctx.beginPath();
      ctx.moveTo(cx, scale.sy(p.y));
      ctx.lineTo(cx, clampY(scale, p.pred));
      ctx.stroke();
      ctx.setLineDash([]);
    }
    // Target: filled dot. Prediction: a ring around it when close, so a
    // fitted point reads as a bullseye; an arrow at the edge when off the chart.
    ctx.fillStyle = p.split.color;
    ctx.beginPath();
    ctx.arc(cx, scale.sy(p.y), 6, 0, 2 * Math.PI);
    ctx.fill();
    if (Number.isFinite(p.pred)) {
      const py = scale.sy(p.pred);
      ctx.strokeStyle = p.split.color;
      ctx.lineWidth = 2.5;
      if (py < box.top || py > box.top + box.height) {
        arrow(ctx, cx, clampY(scale, p.pred), py < box.top ? -1 : 1);
      } else {
        ctx.beginPath();
        ctx.arc(cx, py, 11, 0, 2 * Math.PI);
        ctx.stroke();
      }
    }
  }
  ctx.restore();
}

function padded(lo, hi, frac) {
  const pad = (hi - lo || 1) * frac;
  return [lo - pad, hi + pad];
}

function clampY(scale, v) {
  const { top, height } = scale.box;
  return Math.min(top + height - 2, Math.max(top + 2, scale.sy(v)));
}

function line(ctx, scale, points, value, color, width, dash) {
  ctx.strokeStyle = color;
  ctx.lineWidth = width;
  ctx.setLineDash(dash);
  ctx.beginPath();
  let pen = false;
  for (const p of points) {
    const v = value(p);
    if (!Number.isFinite(v)) {
      pen = false;
      continue;
    }
    // Far off-chart values are clamped: canvases misdraw huge coordinates.
    const y = Math.max(-1e5, Math.min(1e5, scale.sy(v)));
    if (pen) ctx.lineTo(scale.sx(p.x), y);
    else ctx.moveTo(scale.sx(p.x), y);
    pen = true;
  }
  ctx.stroke();
  ctx.setLineDash([]);
}

// dir −1: the prediction is above the chart; +1: below.
function arrow(ctx, x, y, dir) {
  ctx.beginPath();
  ctx.moveTo(x, y);
  ctx.lineTo(x - 7, y - dir * 11);
  ctx.lineTo(x + 7, y - dir * 11);
  ctx.closePath();
  ctx.fillStyle = ctx.strokeStyle;
  ctx.fill();
}
