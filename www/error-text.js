// The engine's errors in the learner's words (issue 15). The engine throws
// an Error with a `code` ('range', 'csv-classes', ...; catalog().errors
// lists them with their parameter names) and `params`; the worker posts
// { code, params, message }. The string table words each code as
// `error.<code>`, with {name} for a parameter. A parameter is filled in
//   - a number formatted for the page (format.js; whole numbers as they are),
//   - a list item by item, names quoted, joined by `error.list.join`,
//   - an error (a race lane's or a model file's cause) worded itself,
//   - a field path (`field`) as `field.<path>` words it, if it does,
//   - a name, flag or null as `error.<code>.<param>.<value>` words it, if
//     the table has that key ('error.diverged.reason.loss-exploded'): the
//     engine's ids stay ids, the table chooses the words.
// A code the table does not have shows the engine's English message.

import { text, hasText, words as say } from './strings/index.js';
import { formatNumber } from './format.js';

const has = (key) => hasText(key);

// What some codes' words need that is not a parameter as such: which bound
// a number broke ('range'), said as the engine's English says it.
const DERIVED = {
  range(p) {
    const low = p.min != null && (Number.isNaN(p.got) || p.got < p.min || (p.minExclusive && p.got === p.min));
    let bound;
    if (p.min != null && p.max != null && !p.minExclusive && !p.maxExclusive) bound = 'between';
    else if (low && p.min === 0 && p.minExclusive) bound = 'positive';
    else if (low) bound = p.minExclusive ? 'above' : 'atLeast';
    else if (p.max != null) bound = p.maxExclusive ? 'below' : 'atMost';
    else bound = 'finite';
    return { bound };
  },
  length: (p) => ({ bound: p.min === p.max ? 'exactly' : p.min === 0 ? 'atMost' : 'between' }),
};

function number(x) {
  // Whole numbers whole (a count, a row, a limit), as typed: no grouping.
  if (Number.isInteger(x) && Math.abs(x) < 1e15) return String(x);
  return formatNumber(x);
}

// One parameter's value as words.
function word(code, name, value, vars) {
  if (value && typeof value === 'object' && !Array.isArray(value)) return errorText(value);
  if (Array.isArray(value)) {
    return value.map((v) => (typeof v === 'string' ? text('error.list.quote', { name: v }) : word(code, name, v, vars))).join(text('error.list.join'));
  }
  if (typeof value === 'number') return number(value);
  const key = `error.${code}.${name}.${value}`;
  if (has(key)) return text(key, vars);
  if (name === 'field' && typeof value === 'string' && has(`field.${value}`)) return text(`field.${value}`);
  return value == null ? '' : String(value);
}

// The parameters of `err` as the table's {names} take them.
export function errorVars(err) {
  const params = err?.params || {};
  const code = err?.code;
  const raw = { ...params, ...(DERIVED[code]?.(params) || {}) };
  // Numbers and names first: a worded name may use them ('... at step {step}').
  const plain = {};
  for (const [k, v] of Object.entries(raw)) plain[k] = typeof v === 'number' ? number(v) : Array.isArray(v) || (v && typeof v === 'object') ? '' : String(v ?? '');
  const vars = {};
  for (const [k, v] of Object.entries(raw)) vars[k] = word(code, k, v, plain);
  return vars;
}

// `err` ({ code, params, message }, a thrown Error, or a string) in words.
export function errorText(err) {
  if (err == null) return '';
  if (typeof err === 'string') return err;
  const key = `error.${err.code}`;
  // No code: the page's own refusal, a phrase or a string (words() says either).
  const words = err.code && has(key) ? text(key, errorVars(err)) : say(err.message ?? '');
  return err.file ? text('error.inFile', { file: err.file, error: words }) : words;
}
