// The two string tables hold the same keys, and each key the same {placeholders}
// (issue 15): `node tests/strings-keys.mjs` exits 1 listing every key missing
// from either table (www/strings/en.js, www/strings/zh-CN.js, each with its
// lessons spread in), every key whose {name}s differ between the two, every
// HTML entry whose tags differ, and every entry that is not a non-empty string.
// It imports the tables as the page does (plain ES modules, no browser).

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

const counts = names.map((n) => `${n} ${Object.keys(tables[n]).length}`).join(', ');
if (problems.length) {
  console.error(`strings-keys: ${problems.length} problem(s) (keys: ${counts})`);
  for (const p of problems) console.error(`  ${p}`);
  process.exit(1);
}
console.log(`strings-keys: the tables agree (keys: ${counts}); placeholders and HTML tags match on every key`);
