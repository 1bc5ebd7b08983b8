// The Model and Training settings: model kind, hidden layers (+ / − for
// layers and for the units of each, or typed as "8,8"), activation, weight
// init; optimizer, batch size, loss, regularization and its rate. Turns
// input into intents.change(patch); draws the settings it is given.

import { sourceInfo, taskOf, effectiveBatch, MAX_LAYERS, MAX_UNITS, MAX_BATCH } from '../state.js';

export function createModelPanel(root, intents) {
  const $ = (id) => root.querySelector(`[data-testid="${id}"]`);
  const kind = $('model-kind');
  const hiddenText = $('hidden-layers');
  const addLayer = $('add-layer');
  const removeLayer = $('remove-layer');
  const layerList = root.querySelector('.layers');
  const activation = $('activation');
  const init = $('init');
  const optimizer = $('optimizer');
  const batch = $('batch-size');
  const batchNote = $('batch-note');
  const loss = $('loss');
  const reg = $('regularization');
  const regRate = $('reg-rate');
  let settings = null;
  let layersKey = '';

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
      intents.invalid('batchSize', `The batch size must be a whole number from 1 to ${MAX_BATCH}, got "${batch.value}".`);
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
    intents.change({ hidden: units, ...(settings.kind !== 'mlp' && units.length ? { kind: 'mlp' } : {}) });
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
      const task = taskOf(s);
      // Only the kinds this task allows can be chosen.
      for (const o of kind.options) o.disabled = (o.value === 'linear' && task !== 'regression') || (o.value === 'logistic' && task !== 'classification')
        || (o.value === 'cnn' && s.source !== 'digits') || (o.value === 'rnn' && !sourceInfo(s.source).seq);
      kind.value = s.kind;
      const mlp = s.kind === 'mlp';
      if (document.activeElement !== hiddenText) hiddenText.value = s.hidden.join(',');
      hiddenText.disabled = !mlp;
      addLayer.disabled = !mlp || s.hidden.length >= MAX_LAYERS;
      removeLayer.disabled = !mlp || s.hidden.length === 0;
      drawLayers(s, mlp);
      root.classList.toggle('not-mlp', !mlp);
      activation.value = s.activation;
      activation.disabled = !mlp;
      init.value = s.init;
      optimizer.value = s.optimizer;
      if (document.activeElement !== batch) batch.value = String(s.batchSize);
      const eff = effectiveBatch(s);
      batchNote.textContent = eff < s.batchSize ? `using ${eff}: the training split has ${eff} rows` : '';
      for (const o of loss.options) o.disabled = o.value === 'cross-entropy' && task !== 'classification';
      loss.value = s.loss;
      reg.value = s.regularization;
      regRate.value = String(s.regRate);
      regRate.disabled = s.regularization === 'none';
    },
  };
}
