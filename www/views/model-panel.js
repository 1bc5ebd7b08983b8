// The Model and Training settings: model kind, hidden layers (+ / − for
// layers and for the units of each, or typed as "8,8"), activation, weight
// init; optimizer and its hyperparameters, batch size, loss,
// regularization and its rate. Every choice and range is the catalog's,
// every name the label table's; an optimizer's `hyperparameters` decide
// which hyperparameter controls show. Turns input into
// intents.change(patch); draws the settings it is given.

import { catalog, limits, modelFits, optimizerEntry, HYPERS } from '../catalog.js';
import { label } from '../strings/index.js';
import { sourceOf, hyperValue, LOSSES, MLP } from '../state.js';
import { settingControl } from './setting-control.js';
import { setProp, setAttr } from './dom.js';

const MAX_LAYERS = limits.hiddenLayers.max;
const MAX_UNITS = limits.units.max;
const MAX_BATCH = limits.batchSize.max;

export function createModelPanel(root, intents) {
  const $ = (id) => root.querySelector(`[data-testid="${id}"]`);
  const kind = $('model-kind');
  const hiddenText = $('hidden-layers');
  const addLayer = $('add-layer');
  const removeLayer = $('remove-layer');
  const layerList = root.querySelector('.layers');
  const hiddenField = root.querySelector('.hidden-field');
  const activation = $('activation');
  const init = $('init');
  const optimizer = $('optimizer');
  const batch = $('batch-size');
  const batchNote = $('batch-note');
  const loss = $('loss');
  const reg = $('regularization');
  const regRate = $('reg-rate');
  const hyperRoot = $('hyperparameters');
  let settings = null;
  let layersKey = '';
  let hyperOrder = null; // the optimizer whose order the hyperparameter controls are in

  const fill = (select, list, kind) => {
    for (const id of list) select.appendChild(new Option(label(kind, id), id));
  };
  fill(kind, catalog.models.map((m) => m.id), 'model');
  fill(activation, catalog.activations.map((a) => a.id), 'activation');
  fill(init, catalog.inits.map((i) => i.id), 'init');
  fill(optimizer, catalog.optimizers.map((o) => o.id), 'optimizer');
  fill(loss, LOSSES, 'loss');
  for (const v of limits.regularization.suggested) regRate.appendChild(new Option(String(v), String(v)));
  batch.min = String(limits.batchSize.min);
  batch.max = String(MAX_BATCH);
  // One control per hyperparameter name any optimizer has; each optimizer
  // shows its own.
  const hypers = new Map();
  for (const [name, entry] of HYPERS) {
    const control = settingControl(entry, 'hyper', label('hyper', name), (v) => intents.change({ hyper: { ...settings.hyper, [name]: v } }), intents);
    hyperRoot.appendChild(control.field);
    hypers.set(name, control);
  }

  kind.addEventListener('change', () => intents.change({ kind: kind.value }));
  activation.addEventListener('change', () => intents.change({ activation: activation.value }));
  init.addEventListener('change', () => intents.change({ init: init.value }));
  optimizer.addEventListener('change', () => intents.change({ optimizer: optimizer.value }));
  loss.addEventListener('change', () => intents.change({ loss: loss.value }));
  reg.addEventListener('change', () => intents.change({ regularization: reg.value }));
  regRate.addEventListener('change', () => intents.change({ regRate: Number(regRate.value) }));
  batch.addEventListener('change', () => {
    const v = Math.round(Number(batch.value));
    if (!Number.isFinite(v) || v < 1 || v > MAX_BATCH) {
      intents.invalid('batchSize', `The batch size must be a whole number from ${limits.batchSize.min} to ${MAX_BATCH}, got "${batch.value}".`);
      return;
    }
    intents.change({ batchSize: v });
  });

  hiddenText.addEventListener('change', () => {
    const text = hiddenText.value.trim();
    const parts = text === '' ? [] : text.split(/[\s,]+/);
    const units = parts.map(Number);
    if (parts.length > MAX_LAYERS || units.some((u) => !Number.isInteger(u) || u < 1 || u > MAX_UNITS)) {
      intents.invalid('hidden', `Hidden layers: up to ${MAX_LAYERS} whole numbers from 1 to ${MAX_UNITS}, separated by commas (e.g. 8,8); got "${text}".`);
      return;
    }
    intents.change({ hidden: units, ...(settings.kind !== MLP && units.length ? { kind: MLP } : {}) });
  });
  addLayer.addEventListener('click', () => {
    if (settings.hidden.length < MAX_LAYERS) intents.change({ hidden: [...settings.hidden, settings.hidden.at(-1) ?? 4] });
  });
  removeLayer.addEventListener('click', () => {
    if (settings.hidden.length > 0) intents.change({ hidden: settings.hidden.slice(0, -1) });
  });
  layerList.addEventListener('click', (e) => {
    const b = e.target.closest('button[data-layer]');
    if (!b) return;
    const i = Number(b.dataset.layer);
    const hidden = [...settings.hidden];
    hidden[i] = Math.max(1, Math.min(MAX_UNITS, hidden[i] + Number(b.dataset.delta)));
    if (hidden[i] !== settings.hidden[i]) intents.change({ hidden });
  });

  function drawLayers(s, enabled) {
    const key = `${s.hidden.join(',')}|${enabled}`;
    if (key === layersKey) return;
    layersKey = key;
    layerList.textContent = '';
    s.hidden.forEach((units, i) => {
      const row = document.createElement('div');
      row.className = 'layer';
      row.innerHTML =
        `<span class="name">Layer ${i + 1}</span>` +
        `<button type="button" class="mini" data-layer="${i}" data-delta="-1" data-testid="layer-${i + 1}-minus" aria-label="One unit fewer in layer ${i + 1}">−</button>` +
        `<output data-testid="layer-${i + 1}-units" aria-label="Units in layer ${i + 1}">${units}</output>` +
        `<button type="button" class="mini" data-layer="${i}" data-delta="1" data-testid="layer-${i + 1}-plus" aria-label="One unit more in layer ${i + 1}">+</button>`;
      for (const b of row.querySelectorAll('button')) {
        b.disabled = !enabled || (b.dataset.delta === '-1' ? units <= 1 : units >= MAX_UNITS);
      }
      layerList.appendChild(row);
    });
    if (!s.hidden.length) layerList.innerHTML = '<p class="hint">No hidden layers: inputs go straight to the output.</p>';
  }

  return {
    draw(state) {
      settings = state.settings;
      const s = settings;
      const src = sourceOf(s);
      const task = src.task;
      // Only the kinds this data allows can be chosen.
      for (const o of kind.options) o.disabled = !modelFits(catalog.models.find((m) => m.id === o.value), src, task);
      kind.value = s.kind;
      const mlp = s.kind === MLP;
      if (document.activeElement !== hiddenText) hiddenText.value = s.hidden.join(',');
      hiddenText.disabled = !mlp;
      addLayer.disabled = !mlp || s.hidden.length >= MAX_LAYERS;
      removeLayer.disabled = !mlp || s.hidden.length === 0;
      drawLayers(s, mlp);
      root.classList.toggle('not-mlp', !mlp);
      // Faded with its controls while the kind has no hidden layers: an
      // inactive group, whose text WCAG exempts from the contrast minimum.
      setAttr(hiddenField, 'aria-disabled', String(!mlp));
      activation.value = s.activation;
      activation.disabled = !mlp;
      init.value = s.init;
      optimizer.value = s.optimizer;
      const own = optimizerEntry(s.optimizer)?.hyperparameters || [];
      if (hyperOrder !== s.optimizer) {
        // In the optimizer's own order (AdamW: weight decay first).
        hyperOrder = s.optimizer;
        for (const h of own) hyperRoot.appendChild(hypers.get(h.name).field);
      }
      for (const [name, control] of hypers) {
        const entry = own.find((h) => h.name === name);
        setProp(control.field, 'hidden', !entry);
        if (entry) control.show(hyperValue(s, entry));
      }
      setProp(hyperRoot, 'hidden', own.length === 0);
      if (document.activeElement !== batch) batch.value = String(s.batchSize);
      // The batch the engine uses: never more than the training split holds.
      const info = state.ready && state.config?.train.batchSize === s.batchSize ? state.info : null;
      const used = info?.batchSize;
      batchNote.textContent = used != null && used < s.batchSize ? `using ${used}: the training split has ${info.trainSize} rows` : '';
      for (const o of loss.options) o.disabled = o.value !== 'auto' && !catalog.losses.find((l) => l.id === o.value)?.tasks.includes(task);
      loss.value = s.loss;
      reg.value = s.regularization;
      regRate.value = String(s.regRate);
      regRate.disabled = s.regularization === 'none';
    },
  };
}
