// One control for one catalog entry (a data source's setting or an
// optimizer's hyperparameter), built from the entry alone, so an engine
// addition (checkerboard's tiles, AdamW's weight decay) appears on the page
// with no page code of its own.

import { inRange, rangeText } from '../catalog.js';
import { said } from '../strings/index.js';
import { phrase } from '../strings/phrase.js';
import { setProp } from './dom.js';

// A control for one catalog setting or hyperparameter ({ name, type:
// 'count' | 'number' | 'flag', min, max, default, ui? }): a number field or
// a checkbox, data-testid `${prefix}-${name}`. `set(value)` gets only
// values in range; anything else is reported through intents.invalid.
// `key`: its name's key in the string table (`setting.tiles`), so a
// language switch renames it (fillTexts).
export function settingControl(entry, prefix, key, set, intents) {
  const id = `${prefix}-${entry.name}`;
  const r = { ...entry, ...(entry.ui || {}) };
  let input;
  let field;
  if (entry.type === 'flag') {
    field = document.createElement('label');
    field.className = 'toggle';
    input = document.createElement('input');
    input.type = 'checkbox';
    field.append(input, ' ', said(document.createElement('span'), 'text', key));
    input.addEventListener('change', () => set(input.checked));
  } else {
    field = document.createElement('div');
    field.className = 'field';
    const lab = document.createElement('label');
    lab.htmlFor = id;
    said(lab, 'text', key);
    input = document.createElement('input');
    input.type = 'number';
    input.inputMode = entry.type === 'count' ? 'numeric' : 'decimal';
    if (r.min != null && !r.minExclusive) input.min = String(r.min);
    if (r.max != null && !r.maxExclusive) input.max = String(r.max);
    input.step = r.step != null ? String(r.step) : entry.type === 'count' ? '1' : 'any';
    input.autocomplete = 'off';
    field.append(lab, input);
    input.addEventListener('change', () => {
      const v = Number(input.value);
      const whole = entry.type === 'count';
      const ok = input.value.trim() !== '' && (!whole || Number.isInteger(v)) && inRange(v, r);
      if (!ok) {
        intents.invalid(prefix === 'hyper' ? 'hyper' : 'dataSettings', phrase('control.invalid', { what: phrase(key), range: rangeText(r, whole), got: input.value }));
        return;
      }
      set(v);
    });
  }
  input.id = id;
  input.dataset.testid = id;
  return {
    field,
    input,
    show(v) {
      if (entry.type === 'flag') setProp(input, 'checked', !!v);
      else if (document.activeElement !== input && Number(input.value) !== v) input.value = String(v);
    },
  };
}
