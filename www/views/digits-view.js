// The output for an image set (the digits): a grid of validation images, each with the
// label the model predicts; a wrong one gets a red frame and says what it
// really is. Draws what it is given.

import { classColor, css } from './colors.js';

export function drawDigits(ctx, width, height, props, colors) {
  const { samples, predictions, classes, shape } = props;
  if (!samples) return;
  const n = samples.rows;
  const k = classes.length;
  const label = Math.round(parseFloat(colors.font) * 1.05);
  // The largest images that fit n of them, each with its label below.
  const gap = 8;
  let cols = 1;
  let img = 0;
  for (let c = 1; c <= n; c++) {
    const rows = Math.ceil(n / c);
    const s = Math.min(width / c - gap, (height - 2) / rows - label - gap - 4);
    if (s > img) {
      img = s;
      cols = c;
    }
  }
  const cellW = width / cols;
  const cellH = img + label + gap + 4;
  // The images' [C, H, W] (the first channel is drawn), inked by the largest value.
  const [, h, w] = shape || [1, 8, 8];
  const px = img / Math.max(h, w);
  let top = 1e-9;
  for (const v of samples.x) top = Math.max(top, v);
  ctx.font = `600 ${label}px ${colors.font.split('px ')[1]}`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  for (let i = 0; i < n; i++) {
    const x0 = (i % cols) * cellW + (cellW - img) / 2;
    const y0 = Math.floor(i / cols) * cellH + 2;
    // Pixels as ink on paper.
    for (let p = 0; p < h * w; p++) {
      const v = samples.x[i * samples.inputs + p] / top;
      const g = Math.round(255 * (1 - Math.max(0, Math.min(1, v))));
      ctx.fillStyle = `rgb(${g}, ${g}, ${g})`;
      ctx.fillRect(x0 + (p % w) * px, y0 + Math.floor(p / w) * px, Math.ceil(px), Math.ceil(px));
    }
    const truth = samples.y[i];
    let pred = -1;
    if (predictions) {
      let best = -Infinity;
      for (let c = 0; c < k; c++) {
        const v = predictions[i * k + c];
        if (v > best) {
          best = v;
          pred = c;
        }
      }
    }
    const wrong = pred >= 0 && pred !== truth;
    ctx.lineWidth = wrong ? 3 : 1;
    ctx.strokeStyle = wrong ? colors.error : colors.grid;
    ctx.strokeRect(x0 - 1, y0 - 1, img + 2, img + 2);
    ctx.fillStyle = wrong ? colors.error : colors.ink;
    const text = pred < 0 ? '?' : wrong ? `${classes[pred]} ✗ (${classes[truth]})` : `${classes[pred]}`;
    ctx.fillText(text, x0 + img / 2, y0 + img + 4);
    if (pred >= 0 && !wrong) {
      ctx.fillStyle = css(classColor(pred));
      ctx.fillRect(x0, y0 + img + 4 + label + 1, img, 3);
    }
  }
}
