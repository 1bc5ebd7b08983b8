// The settings of the sequence sets and the deep models: window and mix
// (Data panel), convolution filters and hidden-state size (Model panel).
// Shown only where they apply; turns input into intents.change(patch).

import { sourceInfo, FILTERS, MAX_WINDOW, MAX_STATE } from '../state.js';
import { setProp } from './dom.js';

export function createDeepControls(doc, intents) {
  const $ = (id) => doc.querySelector(`[data-testid="${id}"]`);
  const window = $('window');
  const mix = $('mix');
  const filters = $('filters');
  const state = $('state-size');
  const seqFields = doc.querySelector('.seq-fields');
  const filterField = doc.querySelector('.field-filters');
  const stateField = doc.querySelector('.field-state');
  for (const f of FILTERS) filters.appendChild(new Option(String(f), String(f)));
  window.max = String(MAX_WINDOW);
  state.max = String(MAX_STATE);

  const whole = (el, key, lo, hi, what) => {
    el.addEventListener('change', () => {
      const v = Number(el.value);
      if (!Number.isInteger(v) || v < lo || v > hi) {
        intents.invalid(key, `${what} must be a whole number from ${lo} to ${hi}, got "${el.value}".`);
        return;
      }
      intents.change({ [key]: v });
    });
  };
  whole(window, 'window', 2, MAX_WINDOW, 'The window');
  whole(state, 'stateSize', 1, MAX_STATE, 'The hidden state size');
  mix.addEventListener('change', () => intents.change({ mix: mix.checked }));
  filters.addEventListener('change', () => intents.change({ filters: Number(filters.value) }));

  return {
    draw(s) {
      const st = s.settings;
      const src = sourceInfo(st.source);
      setProp(seqFields, 'hidden', !src.seq);
      setProp(mix.closest('label'), 'hidden', src.name !== 'sine-seq');
      if (doc.activeElement !== window) setProp(window, 'value', String(st.window));
      setProp(mix, 'checked', st.mix);
      setProp(filterField, 'hidden', st.kind !== 'cnn');
      setProp(filters, 'value', String(st.filters));
      setProp(stateField, 'hidden', st.kind !== 'rnn');
      if (doc.activeElement !== state) setProp(state, 'value', String(st.stateSize));
    },
  };
}
