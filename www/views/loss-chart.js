// Curves against the update step: the training and validation loss on a
// linear or log axis, or accuracy on a fixed 0..1 axis. Draws the series it
// is given; never sees the model.

import { text } from '../strings/index.js';
import { palette, prepareCanvas, onResize, linearTicks, logTicks, formatPower, makeScale, drawAxes, defaultTickFormat, tracePath } from './plot.js';

const MARGIN = { left: 76, right: 18, top: 14, bottom: 56 };

export function createLineChart(canvas) {
  let last = null;
  // Redraw on resize with the last data, not only when a frame arrives.
  onResize(canvas, () => last && draw(last));

  // lines: [{ values, color, width, dash?, steps? }] (a line's own steps, e.g.
  // a race lane that stopped early; else `steps`); range: fixed [y0, y1] (linear only);
  // marker: a step to mark (early stopping's best).
  function draw(props) {
    last = props;
    const { steps: stepValues, lines: given, logScale = false, yLabel, range, marker = null } = props;
    const colors = palette(canvas);
    const { ctx, width, height } = prepareCanvas(canvas);
    const box = { left: MARGIN.left, top: MARGIN.top, width: width - MARGIN.left - MARGIN.right, height: height - MARGIN.top - MARGIN.bottom };
    if (box.width < 40 || box.height < 40) return;

    const lines = (given || []).filter((l) => l.values && l.values.length && l.values.some(Number.isFinite));
    const steps = stepValues ?? new Float32Array(0);

    // A value is drawable if finite (and positive on a log axis): NaN and
    // overflowed losses leave a gap instead of wrecking the scale.
    const keep = logScale ? (v) => Number.isFinite(v) && v > 0 : (v) => Number.isFinite(v);
    let lo = Infinity;
    let hi = -Infinity;
    for (const l of lines) for (const v of l.values) if (keep(v)) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
    const maxStep = Math.max(10, steps.length ? steps[steps.length - 1] : 0);

    let y0, y1, yTicks, yFormat;
    if (logScale) {
      if (!(hi >= lo)) { lo = 1e-3; hi = 10; }
      y0 = 10 ** Math.floor(Math.log10(lo));
      y1 = 10 ** Math.ceil(Math.log10(hi));
      if (y1 <= y0) y1 = y0 * 10;
      yTicks = logTicks(y0, y1);
      yFormat = formatPower;
    } else if (range) {
      const t = linearTicks(range[0], range[1], Math.max(2, Math.floor(box.height / 45)));
      [y0, y1] = range;
      yTicks = t.ticks;
      yFormat = defaultTickFormat(t.step);
    } else {
      if (!(hi >= lo)) hi = 1;
      const t = linearTicks(0, hi * 1.05 || 1);
      y0 = 0;
      y1 = t.ticks[t.ticks.length - 1] < hi ? hi * 1.05 : t.ticks[t.ticks.length - 1];
      yTicks = t.ticks;
      yFormat = defaultTickFormat(t.step);
    }
    const xt = linearTicks(0, maxStep, Math.max(2, Math.floor(box.width / 110)));
    const x1 = Math.max(maxStep, xt.ticks[xt.ticks.length - 1]);
    const scale = makeScale({ x0: 0, x1, y0, y1, box, log: logScale });

    drawAxes(ctx, scale, colors, {
      xTicks: xt.ticks,
      yTicks,
      xFormat: formatSteps,
      yFormat,
      xLabel: text('chart.step'),
      yLabel: logScale ? text('chart.log', { label: yLabel }) : yLabel,
    });

    ctx.save();
    ctx.beginPath();
    ctx.rect(box.left, box.top - 2, box.width + 2, box.height + 4);
    ctx.clip();
    ctx.lineJoin = 'round';
    // A marked step (early stopping's best checkpoint): a dashed vertical line.
    if (marker != null && Number.isFinite(marker)) {
      ctx.strokeStyle = colors.ink;
      ctx.lineWidth = 1.5;
      ctx.setLineDash([5, 4]);
      ctx.beginPath();
      ctx.moveTo(scale.sx(marker), box.top);
      ctx.lineTo(scale.sx(marker), box.top + box.height);
      ctx.stroke();
      ctx.setLineDash([]);
    }
    // The first line (training, the one being minimized) is drawn last, on top.
    for (const l of [...lines].reverse()) {
      ctx.strokeStyle = l.color;
      ctx.lineWidth = l.width;
      ctx.setLineDash(l.dash || []);
      const xs = l.steps || steps;
      tracePath(ctx, scale, xs, l.values, keep);
      ctx.stroke();
      ctx.setLineDash([]);
      // A dot on the newest drawable point shows where training is now.
      for (let i = Math.min(xs.length, l.values.length) - 1; i >= 0; i--) {
        if (keep(l.values[i])) {
          ctx.fillStyle = l.color;
          ctx.beginPath();
          ctx.arc(scale.sx(xs[i]), scale.sy(l.values[i]), 4, 0, 2 * Math.PI);
          ctx.fill();
          break;
        }
      }
    }
    ctx.restore();
  }

  return { draw };
}

// Step counts read better as 200k than as 2e5.
function formatSteps(t) {
  if (t >= 1e6) return `${Number((t / 1e6).toPrecision(3))}M`;
  if (t >= 1e4) return `${Number((t / 1e3).toPrecision(3))}k`;
  return String(Math.round(t));
}
