// The page's words, by key, in the page's language (issue 15). `en` is
// bundled (it is also what a key falls back to while a table is missing
// one, which tests/e2e/strings.test.mjs forbids); every other language's
// table is its own file, dist/strings-LANG.js, loaded before the first
// frame only when that language is chosen (load.js), so a visit in one
// language never waits for another's words.

import en from './en.js';

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
export function text(key, vars = {}) {
  const t = table[key] ?? en[key] ?? key;
  return t.replace(/\{(\w+)\}/g, (m, k) => (Object.hasOwn(vars, k) ? String(vars[k]) : m));
}

// Fill every element under `root` that names a key in data-text (its
// text), data-label (its aria-label: what a screen reader says for a
// canvas or an icon) or data-text-title (its title).
export function fillTexts(root) {
  const all = (sel) => [...(root.matches?.(sel) ? [root] : []), ...root.querySelectorAll(sel)];
  for (const el of all('[data-text]')) {
    const t = text(el.dataset.text);
    if (el.textContent !== t) el.textContent = t;
  }
  for (const el of all('[data-label]')) el.setAttribute('aria-label', text(el.dataset.label));
  for (const el of all('[data-text-title]')) el.title = text(el.dataset.textTitle);
}

// Numbers in the page's language (Intl.NumberFormat): thousands grouping
// and the decimal mark; digits as given.
let numbers = null;
export function formatCount(n) {
  numbers ??= new Intl.NumberFormat(lang);
  return numbers.format(n);
}
