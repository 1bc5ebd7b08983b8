// The Output panel: one canvas that shows what the model does, in the form
// that suits the data (the decision heatmap for 2-D sets, the fitted curve
// for 1-D, labelled images for digits, the lesson's fit), plus its toggles
// and legend. Picks a renderer and hands it the props; never sees the model.

import { prepareCanvas, palette, onResize } from './plot.js';
import { createBoundaryRenderer } from './boundary-view.js';
import { drawCurve } from './curve-view.js';
import { drawDigits } from './digits-view.js';
import { drawFit } from './fit-view.js';
import { classColor, css, ORANGE, BLUE, NEUTRAL } from './colors.js';
import { formatNumber } from '../format.js';
import { setText, setProp } from './dom.js';
import { drawScatter, scatterLegend, scatterCaption } from './csv-scatter.js';
import { text, fillTexts } from '../strings/index.js';
import { phrase } from '../strings/phrase.js';

export function outputMode(info, dataset) {
  if (!info || !dataset) return null;
  if (info.inputShape) return 'images';
  if (info.csvReport) return 'scatter'; // a CSV file: its rows over two chosen columns
  if (dataset.domain && info.inputNames.length === 2) return 'plane';
  if (dataset.domain && info.inputNames.length === 1) return 'line';
  return 'fit';
}

export function createOutputView(root, intents) {
  const $ = (id) => root.querySelector(`[data-testid="${id}"]`);
  const canvas = $('output-view');
  const legend = $('output-legend');
  const caption = $('output-caption');
  const showVal = $('show-val');
  const showTest = $('show-test');
  const discretize = $('discretize');
  const plane = createBoundaryRenderer();
  let last = null;
  let legendKey = '';

  showVal.addEventListener('change', () => intents.setShowVal(showVal.checked));
  showTest.addEventListener('change', () => intents.setShowTest(showTest.checked));
  discretize.addEventListener('change', () => intents.setDiscretize(discretize.checked));
  onResize(canvas, () => last && paint(last));

  function paint(props) {
    const colors = palette(canvas);
    const { ctx, width, height } = prepareCanvas(canvas);
    const mode = outputMode(props.info, props.dataset);
    if (!mode) return;
    const common = { ...props, domain: props.dataset.domain, yScale: props.dataset.yScale, pointRadius: Math.max(3, colors.rootSize * 0.2) };
    if (mode === 'plane') plane(ctx, width, height, { ...common, test: props.showTest ? props.test : null }, colors);
    else if (mode === 'line') drawCurve(ctx, width, height, { ...common, test: props.showTest ? props.test : null }, colors);
    else if (mode === 'images') drawDigits(ctx, width, height, { samples: props.dataset.samples, predictions: props.samples?.probs, classes: props.info.classes, shape: props.info.inputShape }, colors);
    else if (mode === 'scatter') drawScatter(ctx, width, height, common, colors);
    else drawFit(ctx, width, height, { dataset: props.dataset, predictions: props.lesson, reference: props.reference, xLabel: props.xLabel }, colors);
  }

  function drawLegend(props, mode) {
    const { info, dataset } = props;
    const key = `${mode}|${info.task}|${info.classes.join(',')}|${dataset.yScale}`;
    if (key === legendKey) return;
    legendKey = key;
    legend.textContent = '';
    const item = (cls) => {
      const span = document.createElement('span');
      span.className = `item ${cls || ''}`;
      legend.appendChild(span);
      return span;
    };
    const swatch = (parent, color, cls) => {
      const s = document.createElement('span');
      s.className = cls || 'swatch';
      s.style.background = color;
      parent.appendChild(s);
      return s;
    };
    if (mode === 'scatter') {
      scatterLegend(legend, info, dataset);
      return;
    }
    if (mode === 'fit') {
      legend.innerHTML =
        '<span class="item"><span class="dot dot-train"></span><span data-html="output.legend.trainTarget"></span></span>' +
        '<span class="item"><span class="dot dot-test"></span><span data-html="output.legend.testTarget"></span></span>' +
        '<span class="item"><span class="ring"></span><span data-html="output.legend.prediction"></span></span>' +
        '<span class="item"><span class="key key-model"></span><span data-text="output.legend.model"></span></span>' +
        '<span class="item"><span class="key key-reference"></span><span data-text="output.legend.reference"></span></span>';
      fillTexts(legend);
      return;
    }
    if (mode === 'line') {
      legend.innerHTML =
        '<span class="item"><span class="dot dot-train"></span><span data-text="output.legend.trainingPoints"></span></span>' +
        '<span class="item"><span class="marker diamond val"></span><span data-text="output.legend.validation"></span></span>' +
        '<span class="item"><span class="marker square"></span><span data-text="output.legend.test"></span></span>' +
        '<span class="item"><span class="key key-model"></span><span data-text="output.legend.curve"></span></span>';
      fillTexts(legend);
      return;
    }
    if (info.task === 'classification') {
      info.classes.forEach((name, i) => {
        const it = item('class');
        const s = swatch(it, css(classColor(i)));
        s.dataset.class = String(i);
        it.append(text(mode === 'images' ? 'output.legend.digit' : 'output.legend.class', { name }));
      });
      if (mode === 'plane') {
        const it = item();
        const bar = swatch(it, '', 'ramp');
        bar.style.background = info.classes.length === 2
          ? `linear-gradient(90deg, ${css(ORANGE)}, ${css(NEUTRAL)}, ${css(BLUE)})`
          : `linear-gradient(90deg, ${css(NEUTRAL)}, ${css(classColor(0))})`;
        it.append(text(info.classes.length === 2 ? 'output.legend.p1' : 'output.legend.confidence'));
      }
    } else {
      const it = item();
      swatch(it, `linear-gradient(90deg, ${css(ORANGE)}, ${css(NEUTRAL)}, ${css(BLUE)})`, 'ramp');
      it.append(text('output.legend.value', { max: formatNumber(dataset.yScale, 2) }));
    }
    if (mode === 'plane') {
      legend.insertAdjacentHTML(
        'beforeend',
        '<span class="item"><span class="marker circle"></span><span data-text="output.legend.train"></span></span>' +
          '<span class="item"><span class="marker diamond"></span><span data-text="output.legend.validation"></span></span>' +
          '<span class="item"><span class="marker square"></span><span data-text="output.legend.test"></span></span>',
      );
      fillTexts(legend);
    }
  }

  return {
    // After a language switch: the legend is built again.
    relabel() {
      legendKey = '';
    },
    draw(props) {
      last = props;
      const mode = outputMode(props.info, props.dataset);
      if (root.dataset.mode !== (mode || '')) root.dataset.mode = mode || '';
      setProp(showVal, 'checked', props.showVal);
      setProp(discretize, 'checked', props.discretize);
      // The test split is hidden until it has been evaluated.
      setProp(showTest, 'disabled', !props.test);
      setProp(showTest, 'checked', !!props.test && props.showTest);
      setProp(discretize, 'disabled', mode !== 'plane');
      setProp(showVal, 'disabled', mode === 'images' || mode === 'fit');
      if (mode) drawLegend(props, mode);
      setText(caption, captionText(props, mode));
      paint(props);
    },
  };
}

function captionText(props, mode) {
  if (props.overlay) return text('output.caption.overlay', { unit: props.overlay.label });
  if (!mode) return '';
  const step = props.frame?.step ?? 0;
  if (mode === 'images') return text('output.caption.images', { step });
  if (mode === 'fit') return '';
  if (mode === 'scatter') return scatterCaption(props);
  if (mode === 'line') return text('output.caption.line', { step });
  const what = props.info.task === 'regression' ? 'output.heatmap.value' : props.info.classes.length === 2 ? 'output.heatmap.p1' : 'output.heatmap.likeliest';
  return text(props.test && props.showTest ? 'output.caption.heatmapTest' : 'output.caption.heatmap', { what: phrase(what), step });
}
