// The page's words for catalog ids: label('optimizer', 'adamw') → 'AdamW'.
// One table today (en.js); issue 14 picks the table by language here.

import en from './en.js';

const table = en;

// The label of `kind.id`, or the id itself: an engine addition the table
// has not caught up with still shows (and the catalog test fails).
export function label(kind, id) {
  return table[`${kind}.${id}`] ?? String(id);
}

export function hasLabel(kind, id) {
  return Object.hasOwn(table, `${kind}.${id}`);
}

// A visible string by key, with {name} filled from `vars`: text('race.lane',
// { n: 1, ... }). A key the table lacks shows as itself, so it is noticed.
export function text(key, vars = {}) {
  const t = table[key] ?? key;
  return t.replace(/\{(\w+)\}/g, (m, k) => (Object.hasOwn(vars, k) ? String(vars[k]) : m));
}

// Fill every element under `root` that names a key in data-text (its
// text) or data-label (its aria-label: what a screen reader says for a
// canvas or an icon).
export function fillTexts(root) {
  for (const el of root.querySelectorAll('[data-text]')) el.textContent = text(el.dataset.text);
  for (const el of root.querySelectorAll('[data-label]')) el.setAttribute('aria-label', text(el.dataset.label));
}
