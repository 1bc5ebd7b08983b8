// The Evaluation panel. Live on the validation split: a confusion matrix
// with each class's accuracy (classification), or predicted-against-actual
// with R² (regression). The test split stays sealed until the learner
// presses "Evaluate on test set"; its result is a snapshot of that step.

import { prepareCanvas, palette, onResize, linearTicks, makeScale, drawAxes, defaultTickFormat } from './plot.js';
import { classColor, css, readableTint } from './colors.js';
import { formatNumber } from '../format.js';
import { text } from '../strings/index.js';

export function createEvalView(root, intents) {
  const $ = (id) => root.querySelector(`[data-testid="${id}"]`);
  const matrix = $('confusion-matrix');
  const scatter = $('pred-vs-actual');
  const valMetrics = $('val-metrics');
  const caption = $('eval-caption');
  const button = $('evaluate-test');
  const testMetrics = $('test-metrics');
  const testMatrix = $('test-confusion');
  let last = null;
  let shape = { val: '', test: '' };

  button.addEventListener('click', () => intents.evaluateTest());
  onResize(scatter, () => last && drawScatter(last));

  function drawScatter(props) {
    const colors = palette(scatter);
    const { ctx, width, height } = prepareCanvas(scatter);
    const ev = props.evaluation;
    const val = props.dataset?.val;
    if (!ev?.predictions || !val) return;
    const margin = { left: 56, right: 12, top: 10, bottom: 48 };
    const box = { left: margin.left, top: margin.top, width: width - margin.left - margin.right, height: height - margin.top - margin.bottom };
    if (box.width < 40 || box.height < 40) return;
    let lo = Infinity;
    let hi = -Infinity;
    for (const v of val.y) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
    const pad = (hi - lo || 1) * 0.12;
    lo -= pad;
    hi += pad;
    const t = linearTicks(lo, hi, 5);
    const scale = makeScale({ x0: lo, x1: hi, y0: lo, y1: hi, box });
    drawAxes(ctx, scale, colors, { xTicks: t.ticks, yTicks: t.ticks, xFormat: defaultTickFormat(t.step), yFormat: defaultTickFormat(t.step), xLabel: text('eval.axis.actual'), yLabel: text('eval.axis.predicted') });
    ctx.save();
    ctx.beginPath();
    ctx.rect(box.left, box.top, box.width, box.height);
    ctx.clip();
    // Perfect predictions lie on the diagonal.
    ctx.strokeStyle = colors.reference;
    ctx.setLineDash([6, 5]);
    ctx.lineWidth = 2;
    ctx.beginPath();
    ctx.moveTo(scale.sx(lo), scale.sy(lo));
    ctx.lineTo(scale.sx(hi), scale.sy(hi));
    ctx.stroke();
    ctx.setLineDash([]);
    const dots = (ys, preds, color, square) => {
      ctx.fillStyle = color;
      for (let i = 0; i < ys.length; i++) {
        const x = scale.sx(ys[i]);
        const y = Math.max(-1e4, Math.min(1e4, scale.sy(preds[i])));
        ctx.beginPath();
        if (square) ctx.rect(x - 3.5, y - 3.5, 7, 7);
        else ctx.arc(x, y, 3.5, 0, 2 * Math.PI);
        ctx.fill();
      }
    };
    ctx.globalAlpha = 0.7;
    dots(val.y, ev.predictions, colors.val, false);
    if (props.test?.split && props.test.predictions) dots(props.test.split.y, props.test.predictions, colors.ink, true);
    ctx.restore();
  }

  return {
    // After a language switch: the matrices' headers are built again.
    relabel() {
      shape = { val: '', test: '' };
    },
    draw(props) {
      last = props;
      const { info, evaluation: ev, test } = props;
      if (root.dataset.task !== (info?.task || '')) root.dataset.task = info?.task || '';
      if (!info) return;
      const classification = info.task === 'classification';
      matrix.hidden = !classification;
      scatter.hidden = classification;

      if (info.valSize === 0) {
        caption.textContent = text('eval.noVal');
        valMetrics.textContent = '';
        matrix.hidden = true;
        scatter.hidden = true;
      } else if (ev) {
        caption.textContent = text('eval.val', { rows: ev.rows, step: ev.step });
        if (classification) {
          shape.val = fillMatrix(matrix, shape.val, ev.confusion, info.classes);
          valMetrics.innerHTML = '';
          addMetric(valMetrics, text('eval.accuracy'), ev.accuracy, 'val-eval-accuracy');
          addMetric(valMetrics, text('eval.loss'), ev.loss);
        } else {
          valMetrics.innerHTML = '';
          addMetric(valMetrics, 'R²', ev.r2, 'val-r2');
          addMetric(valMetrics, 'MSE', ev.mse);
          addMetric(valMetrics, 'MAE', ev.mae);
          drawScatter(props);
        }
      }

      button.disabled = !props.ready || info.testSize === 0;
      if (!test) {
        testMetrics.textContent = info.testSize === 0
          ? text('eval.noTest')
          : text('eval.testAside', { rows: info.testSize });
        testMetrics.classList.remove('done');
        testMatrix.hidden = true;
        shape.test = '';
        return;
      }
      testMetrics.classList.add('done');
      const e = test.evaluation;
      const parts = classification
        ? [text('eval.metric', { name: text('eval.accuracy'), value: formatNumber(e.accuracy) }), text('eval.metric', { name: text('eval.loss'), value: formatNumber(e.loss) })]
        : [`R² ${formatNumber(e.r2)}`, `MSE ${formatNumber(e.mse)}`, `MAE ${formatNumber(e.mae)}`];
      testMetrics.textContent = text('eval.test', { rows: e.rows, step: test.step, metrics: parts.join(' · ') });
      testMatrix.hidden = !classification;
      if (classification) shape.test = fillMatrix(testMatrix, shape.test, e.confusion, info.classes);
    },
  };
}

function addMetric(dl, name, value, testid) {
  const div = document.createElement('div');
  const dt = document.createElement('dt');
  const dd = document.createElement('dd');
  dt.textContent = name;
  dd.textContent = formatNumber(value);
  if (testid) dd.dataset.testid = testid;
  div.append(dt, dd);
  dl.appendChild(div);
}

const escapeHtml = (s) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

const DIAGONAL = [31, 100, 214];
const OFF_DIAGONAL = [214, 39, 40];

// Rows are the true classes, columns the predicted ones; a cell's shade is
// its share of the row, so a good model shows a dark diagonal. The last
// column is each class's accuracy (recall). Cells are built once per shape.
function fillMatrix(table, shape, confusion, classes) {
  const k = classes.length;
  const key = classes.join(',');
  if (shape !== key) {
    table.innerHTML = '';
    const head = table.createTHead().insertRow();
    const corner = document.createElement('th');
    corner.innerHTML = `<span class="axis">${escapeHtml(text('eval.matrix.corner'))}</span>`;
    head.appendChild(corner);
    for (const c of classes) {
      const th = document.createElement('th');
      th.scope = 'col';
      th.textContent = c;
      head.appendChild(th);
    }
    const acc = document.createElement('th');
    acc.scope = 'col';
    acc.textContent = text('eval.accuracy');
    head.appendChild(acc);
    const body = table.createTBody();
    classes.forEach((c, i) => {
      const tr = body.insertRow();
      const th = document.createElement('th');
      th.scope = 'row';
      // Set through the CSSOM: the page's CSP refuses style="" attributes.
      const swatch = th.appendChild(document.createElement('span'));
      swatch.className = 'swatch';
      swatch.style.background = css(classColor(i));
      th.append(c);
      tr.appendChild(th);
      for (let j = 0; j <= k; j++) tr.insertCell().className = j === k ? 'num recall' : j === i ? 'num diag' : 'num';
    });
  }
  const rows = table.tBodies[0].rows;
  for (let i = 0; i < k; i++) {
    const counts = confusion?.[i] || [];
    const total = counts.reduce((a, b) => a + b, 0);
    const cells = rows[i].cells;
    for (let j = 0; j < k; j++) {
      const n = counts[j] ?? 0;
      const share = total ? n / total : 0;
      const cell = cells[j + 1];
      cell.textContent = String(n);
      // Blue on the diagonal, red off it, deeper with the share: light
      // tints under ink up to 55 %, then the full colour and a little darker
      // under white, every shade readable (WCAG AA, 4.5:1).
      const white = share > 0.55;
      const strength = white ? 1 + (0.25 * (share - 0.55)) / 0.45 : 0.12 + 0.78 * share;
      const tint = share ? readableTint(i === j ? DIAGONAL : OFF_DIAGONAL, strength, white) : null;
      cell.style.background = tint ? tint.background : '';
      cell.style.color = tint ? tint.color : '';
    }
    cells[k + 1].textContent = total ? formatNumber((counts[i] ?? 0) / total, 3) : '—';
  }
  return key;
}
