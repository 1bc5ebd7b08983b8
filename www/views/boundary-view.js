// The output over the input plane for the 2-D sets: the model's decision
// (or value) as a heatmap at the grid's resolution, scaled up, with the
// points on top. Or, while a network unit is hovered, that unit's own
// output. Draws what it is given; the worker computed every value.

import { paintOutputs, paintUnit, classColor, diverging, css } from './colors.js';
import { linearTicks } from './plot.js';

// Room for the tick labels, in multiples of the chart font (large text grows it).
const margin = (font) => ({ left: font * 3.2, right: 10, top: 8, bottom: font * 3 });

export function createBoundaryRenderer() {
  // The heatmap is repainted only when its values or look change.
  const off = document.createElement('canvas');
  let painted = null;
  let image = null;
  const points = { canvas: document.createElement('canvas'), key: null };

  function heatmap(props) {
    const { boundary, info, yScale, discretize, overlay } = props;
    const key = overlay ? overlay.values : boundary?.values;
    if (!key) return null;
    if (painted && painted.key === key && painted.discretize === discretize && painted.unit === overlay?.unit) return off;
    const n = overlay ? overlay.res : boundary.n;
    if (off.width !== n) off.width = off.height = n;
    const octx = off.getContext('2d');
    if (!image || image.width !== n) image = octx.createImageData(n, n);
    if (overlay) paintUnit(image, overlay.values, overlay.width, overlay.unit);
    else paintOutputs(image, boundary.values, { task: info.task, outputs: info.outputs, scale: yScale, discretize, lighten: 0.18 });
    octx.putImageData(image, 0, 0);
    painted = { key, discretize, unit: overlay?.unit };
    return off;
  }

  return function draw(ctx, width, height, props, colors) {
    const d = props.domain;
    const font = parseFloat(colors.font);
    const MARGIN = margin(font);
    const size = Math.max(40, Math.min(width - MARGIN.left - MARGIN.right, height - MARGIN.top - MARGIN.bottom));
    const box = { left: MARGIN.left + Math.max(0, (width - MARGIN.left - MARGIN.right - size) / 2), top: MARGIN.top, size };
    const sx = (x) => box.left + ((x + d) / (2 * d)) * size;
    const sy = (y) => box.top + ((d - y) / (2 * d)) * size;
    // Where the plane is, so a click can find the point under it (instruments.js).
    const plotBox = `${box.left},${box.top},${size},${d}`;
    if (ctx.canvas.dataset.plotBox !== plotBox) ctx.canvas.dataset.plotBox = plotBox;

    const img = heatmap(props);
    if (img) {
      ctx.imageSmoothingEnabled = !props.discretize;
      ctx.drawImage(img, box.left, box.top, size, size);
    } else {
      ctx.fillStyle = '#f4f6f8';
      ctx.fillRect(box.left, box.top, size, size);
    }
    ctx.strokeStyle = colors.muted;
    ctx.lineWidth = 1;
    ctx.strokeRect(box.left + 0.5, box.top + 0.5, size - 1, size - 1);

    // Ticks on both axes, in the data's own units.
    const t = linearTicks(-d, d, 6);
    ctx.font = colors.font;
    ctx.fillStyle = colors.muted;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'top';
    for (const v of t.ticks) ctx.fillText(String(v), sx(v), box.top + size + 5);
    ctx.textAlign = 'right';
    ctx.textBaseline = 'middle';
    for (const v of t.ticks) ctx.fillText(String(v), box.left - 6, sy(v));
    ctx.fillStyle = colors.ink;
    ctx.textAlign = 'right';
    ctx.textBaseline = 'top';
    ctx.fillText('x1 →', box.left + size, box.top + size + 6 + font * 1.3);
    ctx.save();
    ctx.translate(box.left - font * 2.6, box.top);
    ctx.rotate(-Math.PI / 2);
    ctx.textAlign = 'right';
    ctx.textBaseline = 'middle';
    ctx.fillText('x2 →', 0, 0);
    ctx.restore();

    // Points: train as circles, validation as diamonds, test as squares,
    // each filled with its class (or value) colour. They do not move while
    // training, so they are drawn once into a layer and reused.
    ctx.drawImage(pointsLayer(props, d, size), box.left, box.top, size, size);
  };

  function pointsLayer(props, d, size) {
    const dpr = window.devicePixelRatio || 1;
    const key = [props.dataset, props.showVal, props.test, size, dpr, props.pointRadius];
    if (points.key && points.key.every((k, i) => k === key[i])) return points.canvas;
    points.key = key;
    const c = points.canvas;
    c.width = c.height = Math.round(size * dpr);
    const ctx = c.getContext('2d');
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    const sx = (x) => ((x + d) / (2 * d)) * size;
    const sy = (y) => ((d - y) / (2 * d)) * size;
    const fill = (y) => (props.info.task === 'regression' ? css(diverging(y / props.yScale)) : css(classColor(y)));
    const r = props.pointRadius;
    const sets = [
      [props.dataset.train, 'disc', '#ffffff', 1.2],
      props.showVal && [props.dataset.val, 'diamond', '#1d232a', 1.4],
      props.test && [props.test, 'square', '#000000', 1.6],
    ];
    for (const entry of sets) {
      if (!entry || !entry[0]) continue;
      const [split, shape, stroke, lw] = entry;
      ctx.strokeStyle = stroke;
      ctx.lineWidth = lw;
      for (let i = 0; i < split.rows; i++) {
        const x = sx(split.x[i * split.inputs]);
        const y = sy(split.x[i * split.inputs + 1]);
        ctx.fillStyle = fill(split.y[i]);
        ctx.beginPath();
        if (shape === 'disc') ctx.arc(x, y, r, 0, 2 * Math.PI);
        else if (shape === 'diamond') {
          ctx.moveTo(x, y - r * 1.35);
          ctx.lineTo(x + r * 1.35, y);
          ctx.lineTo(x, y + r * 1.35);
          ctx.lineTo(x - r * 1.35, y);
          ctx.closePath();
        } else ctx.rect(x - r, y - r, 2 * r, 2 * r);
        ctx.fill();
        ctx.stroke();
      }
    }
    return c;
  }
}
