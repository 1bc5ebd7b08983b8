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
