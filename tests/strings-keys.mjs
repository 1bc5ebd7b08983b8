// The two string tables hold the same keys, and each key the same {placeholders}
// (issue 15): `node tests/strings-keys.mjs` exits 1 listing every key missing
// from either table (www/strings/en.js, www/strings/zh-CN.js, each with its
// lessons spread in), every key whose {name}s differ between the two, every
// HTML entry whose tags differ, every entry that is not a non-empty string,
// and every key nothing on the page uses (below: what counts as used).
// It imports the tables as the page does (plain ES modules, no browser).

import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join, relative, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const tables = {
  en: (await import('../www/strings/en.js')).default,
  'zh-CN': (await import('../www/strings/zh-CN.js')).default,
};

const placeholders = (s) => [...new Set([...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();
// The tags an entry's markup opens and closes, as a sorted multiset: the
// Chinese may reorder a sentence, not drop or add markup.
const tags = (s) => [...s.matchAll(/<\/?([a-zA-Z][\w-]*)[^>]*>/g)].map((m) => (m[0][1] === '/' ? '/' : '') + m[1].toLowerCase()).sort();
const same = (a, b) => a.length === b.length && a.every((x, i) => x === b[i]);

const problems = [];
const names = Object.keys(tables);
for (const [lang, table] of Object.entries(tables)) {
  for (const [key, value] of Object.entries(table)) {
    if (typeof value !== 'string' || value.trim() === '') problems.push(`${lang}: '${key}' is not a non-empty string`);
  }
  for (const other of names.filter((n) => n !== lang)) {
    for (const key of Object.keys(tables[other])) {
      if (!Object.hasOwn(table, key)) problems.push(`${lang}: missing '${key}' (in ${other})`);
    }
  }
}
const [a, b] = names;
for (const key of Object.keys(tables[a])) {
  const x = tables[a][key];
  const y = tables[b][key];
  if (typeof x !== 'string' || typeof y !== 'string') continue;
  const px = placeholders(x);
  const py = placeholders(y);
  if (!same(px, py)) problems.push(`'${key}': placeholders differ: ${a} {${px.join('}, {')}} vs ${b} {${py.join('}, {')}}`);
  const tx = tags(x);
  const ty = tags(y);
  if (!same(tx, ty)) {
    const count = (list, t) => list.filter((u) => u === t).length;
    const diff = [...new Set([...tx, ...ty])].sort().filter((t) => count(tx, t) !== count(ty, t));
    problems.push(`'${key}': HTML tags differ: ${diff.map((t) => `<${t}> ${a} ${count(tx, t)} vs ${b} ${count(ty, t)}`).join(', ')}`);
  }
}

// --- Every key is used (issue 15) ------------------------------------------
// A key nothing shows is dead weight a translator keeps translating, and it
// hides a renamed key (the code asks for the new one, the table keeps the
// old). A key counts as used when
//   1. the page's code names it whole, as a quoted string ('k', "k", `k`) in
//      www/**/*.js outside www/strings/ or in index.html: this covers
//      text('k'), phrase('k'), said(el, 'text', 'k') and every data-text /
//      data-label / data-html / data-text-title / data-text-placeholder /
//      data-text-group="k";
//   2. it is in a family the code builds from a template literal (FAMILIES
//      below, each with the file that builds it; the script fails if that
//      file no longer has the prefix, so a removed builder cannot keep its
//      family alive). A family's suffix must be a quoted word in the code
//      ('quoted': the values the code passes), an id of the engine's catalog
//      ('catalog': dist/catalog.json, written by scripts/catalog.mjs at every
//      build; without it the prefix alone counts and catalog.test.mjs checks
//      the ids in the browser), or anything ('any': values the engine sends);
//   3. it is a lesson's step: lesson.ID.title, lesson.ID.N(.title|.check|.done)
//      for a lesson in www/lessons/index.js LESSONS and N up to its step count
//      (views/lesson-panel.js, lesson-mode.js build these).


const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const walk = (dir) => readdirSync(dir).flatMap((n) => {
  const p = join(dir, n);
  return statSync(p).isDirectory() ? walk(p) : [p];
});
// The tables themselves are not code; strings/index.js and its neighbours are.
const isTable = (f) => /[\\/]strings[\\/](lessons[\\/]|[^\\/]*\b(en|zh-CN)\.js$)/.test(f);
const codeFiles = [join(ROOT, 'index.html'), ...walk(join(ROOT, 'www')).filter((f) => f.endsWith('.js') && !isTable(f))];
const code = Object.fromEntries(codeFiles.map((f) => [relative(ROOT, f).split('\\').join('/'), readFileSync(f, 'utf8')]));
const allCode = Object.values(code).join('\n');
// A word the code names whole, in any quotes: 'k', "k" or `k` (a pairing
// of all quotes would trip over the apostrophes in comments).
const quotedCache = new Map();
const isQuoted = (w) => {
  if (!quotedCache.has(w)) quotedCache.set(w, ["'", '"', '`'].some((q) => allCode.includes(`${q}${w}${q}`)));
  return quotedCache.get(w);
};

const catalogFile = join(ROOT, 'dist', 'catalog.json');
const catalog = existsSync(catalogFile) ? JSON.parse(readFileSync(catalogFile, 'utf8')) : null;
const ids = (list, f = (e) => e.id) => (catalog ? list(catalog).map(f) : null);
// error.CODE and error.CODE.PARAM.VALUE: the code and the parameter from
// catalog().errors; the value is the engine's (a reason, a bound, a flag).
const errorParams = catalog ? Object.fromEntries(catalog.errors.map((e) => [e.code, e.params ?? []])) : null;

// prefix, the file whose code builds it (it must still hold `builds`, by
// default `prefix${`), and which suffixes count.
const FAMILIES = [
  // Catalog-driven labels (strings/index.js label(); views/data-panel.js,
  // model-panel.js, race-view.js build them from the catalog).
  { prefix: 'source.', file: 'www/views/data-panel.js', suffix: 'catalog', ids: () => ids((c) => c.sources) },
  { prefix: 'group.', file: 'www/views/data-panel.js', suffix: 'catalog', ids: () => ids((c) => c.sources, (s) => s.group) },
  { prefix: 'data.group.', file: 'www/views/data-panel.js', suffix: 'catalog', ids: () => ids((c) => c.sources, (s) => s.group) },
  { prefix: 'setting.', file: 'www/views/data-panel.js', suffix: 'catalog', ids: () => ids((c) => c.sources.flatMap((s) => s.settings), (e) => e.name) },
  { prefix: 'normalize.', file: 'www/views/data-panel.js', suffix: 'catalog', ids: () => (catalog ? ['auto', ...catalog.normalizations.map((n) => n.id)] : null) },
  { prefix: 'feature.', file: 'www/views/data-panel.js', suffix: 'catalog', ids: () => ids((c) => c.features) },
  { prefix: 'hyper.', file: 'www/views/model-panel.js', suffix: 'catalog', ids: () => ids((c) => c.optimizers.flatMap((o) => o.hyperparameters), (h) => h.name) },
  { prefix: 'race.setting.', file: 'www/views/race-view.js', suffix: 'catalog', ids: () => (catalog ? catalog.race.settings : null) },
  { prefix: 'activation.', file: 'www/views/model-panel.js', builds: "'activation')", suffix: 'catalog', ids: () => ids((c) => c.activations) },
  // The Model panel's option lists: fill(select, ids, KIND) sets data-text `${kind}.${id}`.
  { prefix: 'optimizer.', file: 'www/views/model-panel.js', builds: "'optimizer')", suffix: 'catalog', ids: () => ids((c) => c.optimizers) },
  { prefix: 'model.', file: 'www/views/model-panel.js', builds: "'model')", suffix: 'catalog', ids: () => ids((c) => c.models) },
  { prefix: 'init.', file: 'www/views/model-panel.js', builds: "'init')", suffix: 'catalog', ids: () => ids((c) => c.inits) },
  { prefix: 'loss.', file: 'www/views/model-panel.js', builds: "'loss')", suffix: 'catalog', ids: () => (catalog ? ['auto', ...catalog.losses.map((l) => l.id)] : null) },
    // The Your data panel's task and missing-value lists (views/csv-panel.js: `${kind}.${id}`).
  { prefix: 'task.', file: 'www/views/csv-panel.js', builds: "'task']", suffix: 'catalog', ids: () => ids((c) => c.tasks) },
  { prefix: 'missing.', file: 'www/views/csv-panel.js', builds: "'missing']", suffix: 'catalog', ids: () => ids((c) => c.missing) },
  // label('layer', l.kind): the kinds layerOutputs() names.
  { prefix: 'layer.', file: 'www/views/cnn-view.js', builds: "label('layer'", suffix: 'any' },
  // catalog.js rangeText(): `${kind}${lo}${hi}`, kind range.number or range.whole.
  { prefix: 'range.', file: 'www/catalog.js', builds: '`${kind}${lo}${hi}`', suffix: 'any' },
  // The engine's errors (error-text.js): error.CODE, error.CODE.PARAM.VALUE, field.PATH.
  { prefix: 'error.', file: 'www/error-text.js', suffix: 'error' },
  { prefix: 'field.', file: 'www/error-text.js', suffix: 'any' },
  // Values the engine or the page's state sends.
  { prefix: 'trace.phase.', file: 'www/views/trace-panel.js', suffix: 'quoted' },
  { prefix: 'trace.table.', file: 'www/views/trace-panel.js', suffix: 'quoted' },
  { prefix: 'landscape.plane.', file: 'www/instruments.js', suffix: 'quoted' },
  { prefix: 'network.describe.', file: 'www/views/network-view.js', suffix: 'quoted' },
  { prefix: 'network.title.', file: 'www/views/network-view.js', suffix: 'quoted' },
  { prefix: 'csv.stat.', file: 'www/views/csv-panel.js', suffix: 'quoted' },
  // The engine's column kinds (number, category, text: its csvReport).
  { prefix: 'csv.kind.', file: 'www/views/csv-panel.js', suffix: 'any' },
  { prefix: 'table.row.', file: 'www/views/predictions-table.js', suffix: 'quoted' },
  { prefix: 'fix.task.', file: 'www/state.js', suffix: 'catalog', ids: () => ids((c) => c.tasks) },
  { prefix: 'import.', file: 'www/settings-from-config.js', suffix: 'quoted' },
  { prefix: 'preset.', file: 'www/views/controls.js', suffix: 'preset' },
  { prefix: 'lang.', file: 'www/views/lang-picker.js', suffix: 'lang' },
  { prefix: 'lesson.check.', file: 'www/views/lesson-panel.js', suffix: 'quoted' },
  // A lesson's own helpers: w('accuracy') is text(`lesson.building.${k}`).
  { prefix: 'lesson.building.', file: 'www/lessons/building.js', suffix: 'quoted' },
  { prefix: 'lesson.preprocessing.normalize.', file: 'www/lessons/preprocessing.js', suffix: 'catalog', ids: () => (catalog ? catalog.normalizations.map((n) => n.id) : null) },
  { prefix: 'lesson.preprocessing.file.', file: 'www/lessons/preprocessing.js', suffix: 'quoted' },
  { prefix: 'lesson.privacy.f.', file: 'www/lessons/privacy.js', suffix: 'quoted' },
  // `scatter.caption.${class|value}${Val|''}` (views/csv-scatter.js).
  { prefix: 'scatter.caption.', file: 'www/views/csv-scatter.js', suffix: 'any' },
];

const { LESSONS } = await import('../www/lessons/index.js');
const { PRESETS } = await import('../www/presets.js');
const { LANGUAGES } = await import('../www/strings/languages.js');
const lessonKeys = new Set();
for (const l of LESSONS) {
  lessonKeys.add(`lesson.${l.id}.title`);
  l.steps.forEach((_, i) => {
    for (const end of ['', '.title', '.check', '.done']) lessonKeys.add(`lesson.${l.id}.${i + 1}${end}`);
  });
}

for (const f of FAMILIES) {
  const builder = f.builds ?? `${f.prefix}\${`;
  if (f.file && !(code[f.file] ?? '').includes(builder)) problems.push(`family '${f.prefix}*': ${f.file} no longer holds ${builder}: remove the family or name the file that builds it`);
}

function usedBy(key) {
  if (isQuoted(key)) return true;
  if (lessonKeys.has(key)) return true;
  if (/^lesson\.[\w-]+\.(\d+|title)(\.|$)/.test(key) && !FAMILIES.some((f) => key.startsWith(f.prefix))) return false;
  // The longest matching prefix decides (lesson.building. before lesson.).
  const f = FAMILIES.filter((g) => key.startsWith(g.prefix)).sort((a, b) => b.prefix.length - a.prefix.length)[0];
  if (!f) return false;
  const rest = key.slice(f.prefix.length);
  switch (f.suffix) {
    case 'any': return true;
    case 'quoted': return isQuoted(rest);
    case 'preset': return Object.hasOwn(PRESETS, rest);
    case 'lang': return Object.hasOwn(LANGUAGES, rest) || (Array.isArray(LANGUAGES) && LANGUAGES.some((l) => l === rest || l?.code === rest));
    case 'catalog': {
      const list = f.ids();
      return list == null || list.includes(rest);
    }
    case 'error': {
      if (!errorParams) return true;
      const [c, param, ...value] = rest.split('.');
      if (!Object.hasOwn(errorParams, c)) return false;
      if (param == null) return true;
      // The page's own joiners (list.join, list.quote, inFile) are named whole above.
      const params = errorParams[c].map((p) => (typeof p === 'string' ? p : p.name));
      // Or a parameter error-text.js DERIVED adds ({ bound } for range, length).
      const derived = new RegExp(`\\{ ${param}\\b`).test(code['www/error-text.js']);
      return value.length > 0 && (params.includes(param) || derived);
    }
    default: return false;
  }
}

const unused = {};
for (const [lang, table] of Object.entries(tables)) {
  for (const key of Object.keys(table)) if (!usedBy(key)) (unused[key] ??= []).push(lang);
}
for (const [key, langs] of Object.entries(unused)) problems.push(`'${key}' (${langs.join(', ')}): nothing on the page uses it`);

const counts = names.map((n) => `${n} ${Object.keys(tables[n]).length}`).join(', ');
if (problems.length) {
  console.error(`strings-keys: ${problems.length} problem(s) (keys: ${counts})`);
  for (const p of problems) console.error(`  ${p}`);
  process.exit(1);
}
console.log(`strings-keys: the tables agree (keys: ${counts}); placeholders and HTML tags match on every key; every key is used (${FAMILIES.length} families built by the code, ${catalog ? 'catalog ids from dist/catalog.json' : 'no dist/catalog.json: catalog families by prefix only'})`);
