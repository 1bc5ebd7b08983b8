// The page's words, by key, in the page's language (issue 15). `en` is
// bundled (it is also what a key falls back to while a table is missing
// one, which tests/e2e/strings.test.mjs forbids); every other language's
// table is its own file, dist/strings-LANG.js, loaded before the first
// frame only when that language is chosen (load.js), so a visit in one
// language never waits for another's words.

import en from './en.js';
// A cycle, used only at call time: an engine error ({ code, params }) is worded there.
import { errorText } from '../error-text.js';

export { LANGUAGES } from './languages.js';

let lang = 'en';
let table = en;

export const language = () => lang;

// Switch to a loaded table (load.js loadLanguage).
export function useTable(code, t) {
  lang = code;
  table = t;
  numbers = null;
}

// The language a browser asks for (navigator.languages), if the page has it:
// any Chinese is zh-CN (the article's), else English.
export function preferred(list = []) {
  for (const l of list) {
    const code = String(l).toLowerCase();
    if (code.startsWith('zh')) return 'zh-CN';
    if (code.startsWith('en')) return 'en';
  }
  return 'en';
}

// The label of `kind.id`, or the id itself: an engine addition the table
// has not caught up with still shows (and the catalog test fails).
export function label(kind, id) {
  return table[`${kind}.${id}`] ?? en[`${kind}.${id}`] ?? String(id);
}

export function hasLabel(kind, id) {
  return Object.hasOwn(table, `${kind}.${id}`);
}

export const hasText = (key) => Object.hasOwn(table, key);

// A visible string by key, with {name} filled from `vars`: text('race.lane',
// { n: 1, ... }). A key the table lacks shows as itself, so it is noticed.
// A value may itself be a phrase (below), worded in the same language.
export function text(key, vars = {}) {
  const t = table[key] ?? en[key] ?? key;
  return t.replace(/\{(\w+)\}/g, (m, k) => (Object.hasOwn(vars ?? {}, k) ? words(vars[k]) : m));
}

// Words kept as a phrase ({ key, vars }, strings/phrase.js) until they are
// shown, so a notice or a refusal in the store is said again in the new
// language after a switch. A string is shown as it is (a data value, a
// file name, an engine message); a list is joined by the language's
// separator ('; ', '；').
export function words(m) {
  if (m == null) return '';
  if (typeof m === 'string') return m;
  if (Array.isArray(m)) return m.map(words).join(text('list.separator'));
  if (typeof m === 'object' && typeof m.key === 'string') return text(m.key, m.vars);
  // An engine error (error-text.js), or a refusal the page worded itself.
  if (typeof m === 'object' && ('code' in m || 'message' in m)) return errorText(m);
  return String(m);
}

// Fill every element under `root` that names a key in data-text (its
// text), data-label (its aria-label: what a screen reader says for a
// canvas or an icon), data-text-title (its title), data-text-placeholder,
// data-text-group (an <optgroup>'s label) or data-html (the table's own
// markup, never data). data-vars (JSON) fills the key's {placeholders};
// a value there may be a phrase ({ key, vars }).
export function fillTexts(root) {
  // One walk for every kind of key: this runs on the whole page before the
  // first frame, and again on each view's subtree as it is built.
  if (root.matches?.(KEYED)) fillOne(root);
  for (const el of root.querySelectorAll(KEYED)) fillOne(el);
}

const KEYED = '[data-text],[data-html],[data-label],[data-text-title],[data-text-placeholder],[data-text-group]';

function fillOne(el) {
  const d = el.dataset;
  const vars = d.vars ? JSON.parse(d.vars) : {};
  const set = (attr, key) => {
    const t = text(key, vars);
    if (el.getAttribute(attr) !== t) el.setAttribute(attr, t);
  };
  if (d.text !== undefined) {
    const t = text(d.text, vars);
    if (el.textContent !== t) el.textContent = t;
  }
  if (d.html !== undefined) {
    const t = text(d.html, vars);
    if (el.innerHTML !== t) el.innerHTML = t;
  }
  if (d.label !== undefined) set('aria-label', d.label);
  if (d.textTitle !== undefined) set('title', d.textTitle);
  if (d.textPlaceholder !== undefined) set('placeholder', d.textPlaceholder);
  if (d.textGroup !== undefined) set('label', d.textGroup);
}

// Mark an element's words by key, fill them now and again on every
// language switch (fillTexts): said(el, 'text', 'cnn.empty'),
// said(el, 'label', 'data.thumb', { name: phrase('source.circle') }).
const ATTR = { text: 'text', html: 'html', label: 'label', title: 'textTitle', placeholder: 'textPlaceholder', group: 'textGroup' };
export function said(el, what, key, vars = null) {
  el.dataset[ATTR[what]] = key;
  if (vars) el.dataset.vars = JSON.stringify(vars);
  else delete el.dataset.vars;
  fillOne(el); // its own words only: a said() element's children are its text
  return el;
}

// Numbers in the page's language (Intl.NumberFormat): thousands grouping
// and the decimal mark; digits as given.
let numbers = null;
export function formatCount(n) {
  numbers ??= new Intl.NumberFormat(lang);
  return numbers.format(n);
}
