// The Data panel: which data set (a thumbnail per set, and the select that
// is its stable test hook), its noise, size, split, seed, scaling and the
// input features, and any other setting the set lists (a generic control
// each). Every choice and range is the catalog's; every name is the label
// table's. Turns input into intents.change(patch); draws settings.

import { catalog, BUILT_IN, SETTINGS } from '../catalog.js';
import { settingControl } from './setting-control.js';
import { text, said, fillTexts } from '../strings/index.js';
import { phrase } from '../strings/phrase.js';
import { NORMALIZE, sourceOf, settingValue, isNamedSetting } from '../state.js';
import { classColor, diverging, css } from './colors.js';
import { paintSequenceThumb } from './sequence-view.js';
import { setProp } from './dom.js';

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
  const extra = $('source-settings');
  let settings = null;
  let thumbsDrawn = false;
  let featuresDrawn = false;
  const featurePics = []; // one canvas per feature, painted when the worker sends their values

  // The select, grouped as the thumbnails are.
  const groups = new Map();
  for (const s of BUILT_IN) {
    if (!groups.has(s.group)) groups.set(s.group, []);
    groups.get(s.group).push(s);
  }
  for (const [group, list] of groups) {
    const og = said(document.createElement('optgroup'), 'group', `group.${group}`);
    for (const s of list) og.appendChild(said(new Option('', s.id), 'text', `source.${s.id}`));
    select.appendChild(og);
  }
  select.addEventListener('change', () => (select.value === 'csv' ? intents.useCsv() : intents.change({ source: select.value })));
  // The learner's CSV file, once one has trained (yourdata.js).
  const yours = said(document.createElement('optgroup'), 'group', 'group.your-data');
  const yoursOption = yours.appendChild(new Option('', 'csv'));

  // One button per set, with a picture drawn once the worker sends samples.
  const buttons = new Map();
  for (const s of BUILT_IN) {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'thumb';
    b.dataset.source = s.id;
    // Both attributes share the button's data-vars.
    b.dataset.textTitle = 'data.thumb.title';
    b.dataset.label = 'data.thumb.label';
    b.dataset.vars = JSON.stringify({ name: phrase(`source.${s.id}`), group: phrase(`data.group.${s.group}`) });
    const c = document.createElement('canvas');
    c.width = c.height = 56;
    b.append(c, said(document.createElement('span'), 'text', `source.${s.id}`));
    fillTexts(b);
    b.addEventListener('click', () => intents.change({ source: s.id }));
    thumbs.appendChild(b);
    buttons.set(s.id, b);
  }

  // Ranges of the settings the panel has its own controls for.
  const range = (name) => ({ ...(SETTINGS.get(name) || {}), ...(SETTINGS.get(name)?.ui || {}) });
  const cls = range('classes');
  for (let k = cls.min; k <= cls.max; k++) classes.appendChild(new Option(String(k), String(k)));
  classes.addEventListener('change', () => intents.change({ classes: Number(classes.value) }));
  // Noise is a percentage here (Playground's slider), a fraction in the engine.
  const nz = range('noise');
  noise.min = String(Math.round(nz.min * 100));
  noise.max = String(Math.round(nz.max * 100));
  noise.step = String(Math.round((nz.step ?? 0.05) * 100));
  const sm = range('samples');
  samples.min = String(sm.min);
  samples.max = String(sm.max);
  if (sm.step) samples.step = String(sm.step);
  for (const id of NORMALIZE) normalize.appendChild(said(new Option('', id), 'text', `normalize.${id}`));

  // A control for every other setting a source may list (checkerboard's
  // tiles, ...), shown only for the sources that list it.
  const generic = new Map();
  for (const [name, entry] of SETTINGS) {
    if (isNamedSetting(name)) continue;
    const control = settingControl(entry, 'setting', `setting.${name}`, (v) => intents.change({ dataSettings: { ...settings.dataSettings, [name]: v } }), intents);
    extra.appendChild(control.field);
    generic.set(name, control);
  }

  noise.addEventListener('input', () => intents.change({ noise: Number(noise.value) }));
  samples.addEventListener('change', () => {
    const v = Math.round(Number(samples.value));
    if (!Number.isFinite(v) || v < Number(samples.min) || v > Number(samples.max)) {
      intents.invalid('samples', phrase('control.invalidWhole', { what: phrase('control.what.samples'), min: samples.min, max: samples.max, got: samples.value }));
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
      intents.invalid('seed', phrase('control.invalidWhole', { what: phrase('control.what.seed'), min: 0, max: 2 ** 31 - 1, got: seed.value }));
      return;
    }
    intents.change({ seed: v });
  });
  regenerate.addEventListener('click', () => intents.regenerate());
  normalize.addEventListener('change', () => intents.change({ normalize: normalize.value }));

  const FEATURES = catalog.features.map((f) => f.id);
  for (const f of FEATURES) {
    const row = document.createElement('label');
    row.className = 'feature';
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.value = f;
    box.name = 'feature';
    const pic = document.createElement('canvas');
    pic.width = pic.height = 28;
    pic.setAttribute('aria-hidden', 'true');
    featurePics.push(pic);
    const name = said(document.createElement('span'), 'html', `feature.${f}`); // the label table's own markup, never data
    row.append(box, pic, name);
    features.appendChild(row);
    box.addEventListener('change', () => {
      const on = FEATURES.filter((name) => features.querySelector(`input[value="${CSS.escape(name)}"]`).checked);
      if (on.length === 0) {
        box.checked = true; // the model needs at least one input
        intents.invalid('features', phrase('data.features.keepOne'));
        return;
      }
      intents.change({ features: on });
    });
  }

  return {
    draw(state) {
      settings = state.settings;
      const src = sourceOf(settings);
      const has = (name) => src.settings.some((e) => e.name === name);
      const csv = src.csv || state.csvLast;
      if (!!csv !== yours.isConnected) (csv ? select.appendChild(yours) : yours.remove());
      if (csv && yoursOption.text !== csv.name) yoursOption.text = csv.name;
      if (select.value !== src.id) select.value = src.id;
      for (const [name, b] of buttons) b.setAttribute('aria-pressed', String(name === src.id));
      root.querySelector('.field-classes').hidden = !has('classes');
      classes.value = String(settings.classes);
      noise.value = String(settings.noise);
      noiseOut.textContent = String(settings.noise);
      noise.disabled = !has('noise');
      if (document.activeElement !== samples) samples.value = has('samples') || src.rows == null ? String(settings.samples) : String(src.rows);
      samples.disabled = !has('samples');
      for (const [name, control] of generic) {
        const entry = src.settings.find((e) => e.name === name);
        setProp(control.field, 'hidden', !entry);
        if (entry) control.show(settingValue(settings, entry));
      }
      const [tr, va, te] = settings.split;
      splitTrain.value = String(tr);
      splitVal.value = String(va);
      const fixedSplit = src.fixedSplit;
      splitTrain.disabled = splitVal.disabled = !!fixedSplit || !src.splitApplies;
      // The rows the engine put in training: known once this set's session is built.
      const info = state.ready && state.config?.data.source === src.id ? state.info : null;
      splitOut.textContent = fixedSplit
        ? text(fixedSplit.val ? 'data.split.fixed' : 'data.split.fixedNoVal', fixedSplit)
        : `${tr} · ${va} · ${te} %${info ? text('data.split.rows', { rows: info.trainSize }) : ''}`;
      if (document.activeElement !== seed) seed.value = String(settings.seed);
      normalize.value = settings.normalize;
      const featuresApply = !!src.featuresApply;
      features.disabled = !featuresApply;
      features.title = featuresApply ? '' : text('data.features.only2d');
      for (const box of features.querySelectorAll('input')) box.checked = settings.features.includes(box.value);
      // The features' pictures (below the fold) come with the thumbnails,
      // after the first model frame: a learner sees the model sooner.
      if (state.featureValues && !featuresDrawn) {
        featuresDrawn = true;
        const { n, values } = state.featureValues;
        // A task each, not on top of the thumbnails' (the page must never
        // stall for 50 ms, even while training starts; all of them in one
        // task took 27 ms on a busy machine).
        featurePics.forEach((pic, k) => setTimeout(() => paintFeature(pic, values, n, k, featurePics.length)));
      }
      if (state.thumbnails && !thumbsDrawn) {
        thumbsDrawn = true;
        // A few pictures a task (they arrive as a lesson or training starts,
        // and all of them at once took 25 ms): the page must never stall.
        const todo = [...state.thumbnails];
        const paintSome = () => {
          const until = performance.now() + 6;
          while (todo.length && performance.now() < until) {
            const t = todo.shift();
            const b = buttons.get(t.source);
            if (b) paintThumb(b.querySelector('canvas'), t);
          }
          if (todo.length) setTimeout(paintSome);
          // Which pictures arrived (tests wait on it; the digits are fetched first).
          else thumbs.dataset.drawn = state.thumbnails.map((t) => t.source).join(' ');
        };
        setTimeout(paintSome);
      }
    },
  };
}

// Feature k of `count` over the plane, from the engine's featureValues:
// n × n cells, row 0 at the top, `count` values a cell.
function paintFeature(canvas, values, n, k, count) {
  const ctx = canvas.getContext('2d');
  if (canvas.width !== n) canvas.width = canvas.height = n;
  const image = ctx.createImageData(n, n);
  let max = 1e-9;
  for (let p = 0; p < n * n; p++) max = Math.max(max, Math.abs(values[p * count + k]));
  const c = [0, 0, 0];
  for (let p = 0; p < n * n; p++) {
    diverging(values[p * count + k] / max, c);
    image.data.set([c[0], c[1], c[2], 255], p * 4);
  }
  ctx.putImageData(image, 0, 0);
}

// A data set's picture: its points coloured by class or value, a line of
// points for 1-D sets, a few images for an image set ([C, H, W]: its
// first channel, inked by its largest value).
function paintThumb(canvas, t) {
  const ctx = canvas.getContext('2d');
  const n = canvas.width;
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, n, n);
  if (t.shape) {
    const [, h, w] = t.shape;
    const half = n / 2;
    let top = 1e-9;
    for (const v of t.x) top = Math.max(top, v);
    for (let k = 0; k < Math.min(4, t.rows); k++) {
      const ox = (k % 2) * half + 2;
      const oy = Math.floor(k / 2) * half + 2;
      const px = (half - 4) / Math.max(h, w);
      for (let p = 0; p < h * w; p++) {
        const g = Math.round(255 * (1 - t.x[k * t.inputs + p] / top));
        ctx.fillStyle = `rgb(${g},${g},${g})`;
        ctx.fillRect(ox + (p % w) * px, oy + Math.floor(p / w) * px, px + 0.5, px + 0.5);
      }
    }
    return;
  }
  if (t.sequence) return paintSequenceThumb(ctx, t, n);
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
