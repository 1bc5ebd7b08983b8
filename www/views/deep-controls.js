// The settings of the sequence sets and the deep models: window and mix
// (Data panel), convolution filters and hidden-state size (Model panel).
// Shown only where they apply (the source lists the setting, the model
// kind needs images or sequences); ranges from the catalog. Turns input
// into intents.change(patch).

import { limits, SETTINGS, modelEntry } from '../catalog.js';
import { sourceOf } from '../state.js';
import { setProp } from './dom.js';
import { phrase } from '../strings/phrase.js';

const FILTERS = limits.cnnFilters.suggested;
const WINDOW = SETTINGS.get('window') || limits.window;
const STATE = { min: limits.rnnState.min, max: limits.rnnState.ui?.max ?? limits.rnnState.max };

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
  window.min = String(WINDOW.min);
  window.max = String(WINDOW.max);
  state.min = String(STATE.min);
  state.max = String(STATE.max);

  const whole = (el, key, lo, hi, what) => {
    el.addEventListener('change', () => {
      const v = Number(el.value);
      if (!Number.isInteger(v) || v < lo || v > hi) {
        intents.invalid(key, phrase('control.invalidWhole', { what: phrase(what), min: lo, max: hi, got: el.value }));
        return;
      }
      intents.change({ [key]: v });
    });
  };
  whole(window, 'window', WINDOW.min, WINDOW.max, 'control.what.window');
  whole(state, 'stateSize', STATE.min, STATE.max, 'control.what.stateSize');
  mix.addEventListener('change', () => intents.change({ mix: mix.checked }));
  filters.addEventListener('change', () => intents.change({ filters: Number(filters.value) }));

  return {
    draw(s) {
      const st = s.settings;
      const src = sourceOf(st);
      const has = (name) => src.settings.some((e) => e.name === name);
      setProp(seqFields, 'hidden', !has('window') && !has('mix'));
      setProp(window.closest('.field'), 'hidden', !has('window'));
      setProp(mix.closest('label'), 'hidden', !has('mix'));
      if (doc.activeElement !== window) setProp(window, 'value', String(st.window));
      setProp(mix, 'checked', st.mix);
      const needs = modelEntry(st.kind)?.needs;
      setProp(filterField, 'hidden', needs !== 'image');
      setProp(filters, 'value', String(st.filters));
      setProp(stateField, 'hidden', needs !== 'sequence');
      if (doc.activeElement !== state) setProp(state, 'value', String(st.stateSize));
    },
  };
}
