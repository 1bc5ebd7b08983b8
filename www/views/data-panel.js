// The Data panel: which data set (a thumbnail per set, and the select that
// is its stable test hook), its noise, size, split, seed, scaling and the
// input features. Turns input into intents.change(patch); draws settings.

import { SOURCES, FEATURES, sourceInfo, sourceOf, trainSize } from '../state.js';
import { classColor, diverging, css } from './colors.js';
import { paintSequenceThumb } from './sequence-view.js';

const FEATURE_LABELS = {
  x1: 'x<sub>1</sub>',
  x2: 'x<sub>2</sub>',
  'x1^2': 'x<sub>1</sub><sup>2</sup>',
  'x2^2': 'x<sub>2</sub><sup>2</sup>',
  'x1*x2': 'x<sub>1</sub>x<sub>2</sub>',
  'sin(x1)': 'sin(x<sub>1</sub>)',
  'sin(x2)': 'sin(x<sub>2</sub>)',
};
// The features as functions of the raw plane, for their little pictures.
const FEATURE_FNS = {
  x1: (a) => a,
  x2: (a, b) => b,
  'x1^2': (a) => a * a,
  'x2^2': (a, b) => b * b,
  'x1*x2': (a, b) => a * b,
  'sin(x1)': (a) => Math.sin(a),
  'sin(x2)': (a, b) => Math.sin(b),
};

export function createDataPanel(root, intents) {
  const $ = (id) => root.querySelector(`[data-testid="${id}"]`);
  const select = $('dataset');
  const thumbs = root.querySelector('.thumbs');
  const classes = $('classes');
  const noise = $('noise');
  const noiseOut = $('noise-value');
  const samples = $('samples');
  const splitTrain = $('split-train');
  const splitVal = $('split-val');
  const splitOut = $('split-value');
  const seed = $('seed');
  const regenerate = $('regenerate');
  const normalize = $('normalize');
  const features = $('features');
  let settings = null;
  let thumbsDrawn = false;
  const featurePics = []; // [canvas, fn]: painted after the first model frame

  // The select, grouped as the thumbnails are.
  const groups = new Map();
  for (const s of SOURCES) {
    if (!groups.has(s.group)) groups.set(s.group, []);
    groups.get(s.group).push(s);
  }
  for (const [group, list] of groups) {
    const og = document.createElement('optgroup');
    og.label = group;
    for (const s of list) og.appendChild(new Option(s.label, s.name));
    select.appendChild(og);
  }
  select.addEventListener('change', () => (select.value === 'csv' ? intents.useCsv() : intents.change({ source: select.value })));
  // The learner's CSV file, once one has trained (yourdata.js).
  const yours = Object.assign(document.createElement('optgroup'), { label: 'Your data' });
  const yoursOption = yours.appendChild(new Option('', 'csv'));

  // One button per set, with a picture drawn once the worker sends samples.
  const buttons = new Map();
  for (const s of SOURCES) {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'thumb';
    b.dataset.source = s.name;
    b.title = `${s.label} (${s.group.toLowerCase()})`;
    b.setAttribute('aria-label', `Data set: ${s.label}`);
    const c = document.createElement('canvas');
    c.width = c.height = 56;
    const label = document.createElement('span');
    label.textContent = s.label;
    b.append(c, label);
    b.addEventListener('click', () => intents.change({ source: s.name }));
    thumbs.appendChild(b);
    buttons.set(s.name, b);
  }

  for (let k = 2; k <= 8; k++) classes.appendChild(new Option(String(k), String(k)));
  classes.addEventListener('change', () => intents.change({ classes: Number(classes.value) }));

  noise.addEventListener('input', () => intents.change({ noise: Number(noise.value) }));
  samples.addEventListener('change', () => {
    const v = Math.round(Number(samples.value));
    if (!Number.isFinite(v) || v < Number(samples.min) || v > Number(samples.max)) {
      intents.invalid('samples', `Samples must be a whole number from ${samples.min} to ${samples.max}, got "${samples.value}".`);
      return;
    }
    intents.change({ samples: v });
  });
  const setSplit = (train, val) => {
    val = Math.min(val, 100 - train);
    intents.change({ split: [train, val, 100 - train - val] });
  };
  splitTrain.addEventListener('input', () => setSplit(Number(splitTrain.value), settings.split[1]));
  splitVal.addEventListener('input', () => setSplit(settings.split[0], Math.min(Number(splitVal.value), 100 - settings.split[0])));
  seed.addEventListener('change', () => {
    const v = Math.round(Number(seed.value));
    if (!Number.isFinite(v) || v < 0 || v > 2 ** 31 - 1) {
      intents.invalid('seed', `The seed must be a whole number from 0 to 2147483647, got "${seed.value}".`);
      return;
    }
    intents.change({ seed: v });
  });
  regenerate.addEventListener('click', () => intents.regenerate());
  normalize.addEventListener('change', () => intents.change({ normalize: normalize.value }));

  for (const f of FEATURES) {
    const label = document.createElement('label');
    label.className = 'feature';
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.value = f;
    box.name = 'feature';
    const pic = document.createElement('canvas');
    pic.width = pic.height = 28;
    pic.setAttribute('aria-hidden', 'true');
    featurePics.push([pic, FEATURE_FNS[f]]);
    const text = document.createElement('span');
    text.innerHTML = FEATURE_LABELS[f];
    label.append(box, pic, text);
    features.appendChild(label);
    box.addEventListener('change', () => {
      const on = FEATURES.filter((name) => features.querySelector(`input[value="${CSS.escape(name)}"]`).checked);
      if (on.length === 0) {
        box.checked = true; // the model needs at least one input
        intents.invalid('features', 'Keep at least one input feature: the model needs something to look at.');
        return;
      }
      intents.change({ features: on });
    });
  }

  return {
    draw(state) {
      settings = state.settings;
      const src = sourceOf(settings);
      const csv = src.csv || state.csvLast;
      if (!!csv !== yours.isConnected) (csv ? select.appendChild(yours) : yours.remove());
      if (csv && yoursOption.text !== csv.name) yoursOption.text = csv.name;
      if (select.value !== src.name) select.value = src.name;
      for (const [name, b] of buttons) b.setAttribute('aria-pressed', String(name === src.name));
      root.querySelector('.field-classes').hidden = !src.classes;
      classes.value = String(settings.classes);
      noise.value = String(settings.noise);
      noiseOut.textContent = String(settings.noise);
      noise.disabled = !!src.fixed || !!src.noNoise;
      if (document.activeElement !== samples) samples.value = src.fixed ? String(src.rows) : String(settings.samples);
      samples.disabled = !!src.fixed;
      const [tr, va, te] = settings.split;
      splitTrain.value = String(tr);
      splitVal.value = String(va);
      splitTrain.disabled = splitVal.disabled = !!src.fixedSplit;
      const n = trainSize(settings);
      splitOut.textContent = src.fixedSplit
        ? `${src.fixedSplit[0]} train · ${src.fixedSplit[2]} test (the lesson's own split)`
        : `${tr} · ${va} · ${te} %  (${n} training rows)`;
      if (document.activeElement !== seed) seed.value = String(settings.seed);
      normalize.value = settings.normalize;
      const featuresApply = src.dims === 2 && !src.fixed;
      features.disabled = !featuresApply;
      features.title = featuresApply ? '' : 'Features apply to the 2-D sets only';
      for (const box of features.querySelectorAll('input')) box.checked = settings.features.includes(box.value);
      // The features' pictures (10-40 ms, below the fold) wait until the
      // first model frame is drawn: a learner sees the model sooner.
      if (state.ready && featurePics.length) {
        const pics = featurePics.splice(0);
        setTimeout(() => pics.forEach(([pic, fn]) => paintFeature(pic, fn)));
      }
      if (state.thumbnails && !thumbsDrawn) {
        thumbsDrawn = true;
        for (const t of state.thumbnails) {
          const b = buttons.get(t.source);
          if (b) paintThumb(b.querySelector('canvas'), t);
        }
        // Which pictures arrived (tests wait on it; the digits are fetched first).
        thumbs.dataset.drawn = state.thumbnails.map((t) => t.source).join(' ');
      }
    },
  };
}

function paintFeature(canvas, fn) {
  const n = canvas.width;
  const ctx = canvas.getContext('2d');
  const image = ctx.createImageData(n, n);
  const values = [];
  let max = 1e-9;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const v = fn(-6 + ((j + 0.5) * 12) / n, 6 - ((i + 0.5) * 12) / n);
      values.push(v);
      max = Math.max(max, Math.abs(v));
    }
  }
  const c = [0, 0, 0];
  values.forEach((v, k) => {
    diverging(v / max, c);
    image.data.set([c[0], c[1], c[2], 255], k * 4);
  });
  ctx.putImageData(image, 0, 0);
}

// A data set's picture: its points coloured by class or value, a line of
// points for 1-D sets, a few images for digits.
function paintThumb(canvas, t) {
  const ctx = canvas.getContext('2d');
  const n = canvas.width;
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, n, n);
  if (t.inputs === 64) {
    const half = n / 2;
    for (let k = 0; k < Math.min(4, t.rows); k++) {
      const ox = (k % 2) * half + 2;
      const oy = Math.floor(k / 2) * half + 2;
      const px = (half - 4) / 8;
      for (let p = 0; p < 64; p++) {
        const g = Math.round(255 * (1 - t.x[k * 64 + p] / 16));
        ctx.fillStyle = `rgb(${g},${g},${g})`;
        ctx.fillRect(ox + (p % 8) * px, oy + Math.floor(p / 8) * px, px + 0.5, px + 0.5);
      }
    }
    return;
  }
  if (sourceInfo(t.source).seq) return paintSequenceThumb(ctx, t, n);
  let xr = [Infinity, -Infinity];
  let yr = [Infinity, -Infinity];
  const xAt = (i) => t.x[i * t.inputs];
  const yAt = (i) => (t.inputs === 2 && t.domain ? t.x[i * t.inputs + 1] : t.y[i]);
  for (let i = 0; i < t.rows; i++) {
    xr = [Math.min(xr[0], xAt(i)), Math.max(xr[1], xAt(i))];
    yr = [Math.min(yr[0], yAt(i)), Math.max(yr[1], yAt(i))];
  }
  if (t.domain && t.inputs === 2) xr = yr = [-t.domain, t.domain];
  const pad = 4;
  const sx = (v) => pad + ((v - xr[0]) / (xr[1] - xr[0] || 1)) * (n - 2 * pad);
  const sy = (v) => n - pad - ((v - yr[0]) / (yr[1] - yr[0] || 1)) * (n - 2 * pad);
  let ymax = 1e-9;
  for (const v of t.y) ymax = Math.max(ymax, Math.abs(v));
  for (let i = 0; i < t.rows; i++) {
    ctx.fillStyle = t.task === 'classification' ? css(classColor(t.y[i])) : t.inputs === 2 && t.domain ? css(diverging(t.y[i] / ymax)) : '#1f64d6';
    ctx.beginPath();
    ctx.arc(sx(xAt(i)), sy(yAt(i)), t.rows < 20 ? 3 : 1.6, 0, 2 * Math.PI);
    ctx.fill();
  }
}
