// One source of truth (issue 12): the page knows what the engine offers
// only from the engine's catalog(), bundled at build time (dist/catalog.json,
// scripts/catalog.mjs) and checked here against the wasm the worker runs;
// every catalog id has a label; no page file names an engine id outside the
// label table and the teaching content (www/presets.js, www/lessons/); every preset and lesson uses
// catalog ids and builds a session; and the two additions made in the
// engine alone, the optimizer AdamW and the data set checkerboard, train
// from controls the page built from the catalog, and round-trip in a link.

import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  id, text, number, open, waitForSession, session, changeAndWait, setSpeed, waitForNumber, assertNoError, readControls,
} from './helpers.mjs';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const catalogOnDisk = () => JSON.parse(readFileSync(join(REPO, 'dist', 'catalog.json'), 'utf8'));
const labels = async () => (await import(new URL('../../www/strings/en.js', import.meta.url).href)).default;
const presets = async () => import(new URL('../../www/presets.js', import.meta.url).href);

// The catalog the page was bundled with, and the one the worker's wasm
// returns now: a stale dist/ (or pkg/) cannot pass.
async function catalogs(page) {
  return page.evaluate(() => new Promise((reply) => document.dispatchEvent(new CustomEvent('descent:debug', { detail: { type: 'catalog', reply } }))));
}

export async function bundledCatalogIsTheEngines({ page, baseUrl }) {
  await open(page, baseUrl);
  const { bundled, engine } = await catalogs(page);
  assert.ok(engine && Array.isArray(engine.sources) && engine.sources.length > 0, 'the engine answers catalog()');
  assert.deepEqual(bundled, engine, 'the page bundles exactly what the wasm reports');
  assert.deepEqual(catalogOnDisk(), engine, 'dist/catalog.json is the wasm\'s catalog()');
}

// Every id the page must name for a learner, by label-table key.
function labelKeys(c) {
  const keys = [];
  for (const s of c.sources) {
    keys.push(`source.${s.id}`, `group.${s.group}`);
    for (const e of s.settings) keys.push(`setting.${e.name}`);
  }
  for (const m of c.models) keys.push(`model.${m.id}`);
  for (const a of c.activations) keys.push(`activation.${a.id}`);
  for (const i of c.inits) keys.push(`init.${i.id}`);
  for (const l of c.losses) keys.push(`loss.${l.id}`);
  for (const o of c.optimizers) {
    keys.push(`optimizer.${o.id}`);
    for (const h of o.hyperparameters) keys.push(`hyper.${h.name}`);
  }
  for (const n of c.normalizations) keys.push(`normalize.${n.id}`);
  for (const f of c.features) keys.push(`feature.${f.id}`);
  for (const t of c.tasks) keys.push(`task.${t.id}`);
  for (const m of c.missing) keys.push(`missing.${m.id}`);
  for (const r of c.race.settings) keys.push(`race.setting.${r}`);
  // Every engine error code is worded (zh-CN has the same keys: tests/strings-keys.mjs).
  for (const e of c.errors) keys.push(`error.${e.code}`);
  return [...new Set(keys)];
}

export async function everyCatalogIdHasALabel() {
  const table = await labels();
  const c = catalogOnDisk();
  const missing = labelKeys(c).filter((k) => typeof table[k] !== 'string' || table[k].trim() === '');
  assert.deepEqual(missing, [], `catalog ids without a label in www/strings/en.js: ${missing.join(', ')}`);
  // And the two additions made in the engine alone are among them.
  for (const k of ['optimizer.adamw', 'hyper.weightDecay', 'source.checkerboard', 'setting.tiles', 'race.setting.learningRate']) {
    assert.ok(labelKeys(c).includes(k), `the catalog has ${k}`);
  }
}

function filesUnder(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

// The page files that may name engine ids: the label table (keyed by them),
// the teaching content, and the ONNX exporter (www/onnx.js: a translation of
// each engine layer and activation into ONNX operators, a second backend in
// graph form that must name every kind it translates; it refuses a kind it
// does not know, and tests/onnx checks every kind against onnxruntime). The learner's own file ('csv', group your-data)
// is left out of the ids: the page's CSV loader uses that word for its
// messages, its command and its link value (`data=csv`, refused with a reason).
const EXEMPT = [join('www', 'strings'), join('www', 'presets.js'), join('www', 'lessons'), join('www', 'onnx.js')];

export async function noEngineIdsHardCodedOnThePage() {
  const c = catalogOnDisk();
  const wanted = [
    ...c.optimizers.map((o) => ['optimizer', o.id]),
    ...c.sources.filter((s) => s.group !== 'your-data').map((s) => ['source', s.id]),
    ...c.activations.map((a) => ['activation', a.id]),
  ];
  const files = [join(REPO, 'index.html'), ...filesUnder(join(REPO, 'www'))]
    .filter((f) => !EXEMPT.some((e) => relative(REPO, f).startsWith(e)));
  const found = [];
  for (const file of files) {
    const lines = readFileSync(file, 'utf8').split('\n');
    lines.forEach((line, i) => {
      for (const [kind, value] of wanted) {
        // The id as a whole quoted string: 'adam', "relu", `circle`, value="sgd".
        const quoted = new RegExp(`(['"\`])${value.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&')}\\1`);
        if (quoted.test(line)) found.push(`${relative(REPO, file)}:${i + 1}: ${kind} '${value}': ${line.trim().slice(0, 100)}`);
      }
    });
  }
  assert.ok(files.length > 40, `read the page's files (${files.length})`);
  assert.deepEqual(found, [], `engine ids written on the page outside the label table and presets.js:\n${found.join('\n')}`);
}

export async function presetsUseCatalogIdsAndBuildSessions({ page, baseUrl }) {
  const c = catalogOnDisk();
  const { PRESETS, OPENING, cnnLayers } = await presets();
  const ids = (list) => list.map((e) => e.id);
  const check = (where, s) => {
    const bad = [];
    if ('source' in s && !ids(c.sources).includes(s.source)) bad.push(`source ${s.source}`);
    if ('kind' in s && !ids(c.models).includes(s.kind)) bad.push(`model ${s.kind}`);
    if ('activation' in s && !ids(c.activations).includes(s.activation)) bad.push(`activation ${s.activation}`);
    if ('init' in s && !ids(c.inits).includes(s.init)) bad.push(`init ${s.init}`);
    if ('optimizer' in s && !ids(c.optimizers).includes(s.optimizer)) bad.push(`optimizer ${s.optimizer}`);
    if ('loss' in s && s.loss !== 'auto' && !ids(c.losses).includes(s.loss)) bad.push(`loss ${s.loss}`);
    for (const f of s.features || []) if (!ids(c.features).includes(f)) bad.push(`feature ${f}`);
    assert.deepEqual(bad, [], `${where} names what the catalog does not have`);
  };
  check('the opening setup', OPENING);
  for (const layer of cnnLayers(8)) if (layer.activation) check('the CNN', { activation: layer.activation });
  for (const [name, p] of Object.entries(PRESETS)) check(`preset ${name}`, p.settings);
  // The lessons (teaching content too, www/lessons/): their setups and every step's.
  const { LESSONS } = await import(new URL('../../www/lessons/index.js', import.meta.url).href);
  for (const l of LESSONS) {
    check(`lesson ${l.id}`, l.settings);
    l.steps.forEach((st, i) => check(`lesson ${l.id} step ${i + 1}`, st.settings || {}));
  }
  // Each opens from its link and trains: no notice, no error, a session of its data.
  for (const [name, p] of Object.entries(PRESETS)) {
    await open(page, baseUrl, `#preset=${name}`);
    const source = p.settings.source || OPENING.source;
    await waitForSession(page, { source, timeout: 15_000 });
    assert.equal(await page.locator(id('notice')).isVisible(), false, `preset ${name}: ${await text(page, 'notice-text')}`);
    await assertNoError(page);
    await page.locator(id('step')).click();
    await waitForNumber(page, 'step-count', '>=', 1, 8000, `preset ${name} steps`);
    await assertNoError(page);
  }
}

// Play until the training loss is below `threshold` (states, not times).
async function trainBelow(page, threshold, what) {
  const first = await number(page, 'train-loss');
  await page.locator(id('play')).click();
  await waitForNumber(page, 'train-loss', '<', threshold, 30_000, `${what}: from ${first}`);
  await page.locator(id('play')).click();
  await assertNoError(page);
  return first;
}

export async function adamwTrainsAndRoundTrips({ page, baseUrl, screenshot }) {
  await open(page, baseUrl);
  assert.equal(await page.locator(id('hyperparameters')).isVisible(), false, 'SGD has no hyperparameters to show');
  await changeAndWait(page, 'optimizer', 'adamw');
  // AdamW's controls come from its catalog entry: weight decay, β1, β2, ε.
  for (const name of ['weightDecay', 'beta1', 'beta2', 'epsilon']) {
    assert.ok(await page.locator(id(`hyper-${name}`)).isVisible(), `the ${name} control shows for AdamW`);
  }
  assert.equal(Number(await page.locator(id('hyper-weightDecay')).inputValue()), 0.01, "the engine's default weight decay");
  await changeAndWait(page, 'hyper-weightDecay', '0.002');
  await changeAndWait(page, 'hidden-layers', '8,8');
  await setSpeed(page, 100);
  const first = await trainBelow(page, 0.2, 'AdamW on the circle');
  assert.ok(first > 0.4, `an untrained loss first (${first})`);
  await screenshot('adamw-circle');

  const hash = await page.evaluate(() => location.hash);
  assert.match(hash, /optimizer=adamw(&|$)/);
  assert.match(hash, /weightDecay=0\.002(&|$)/);
  const set = await readControls(page);
  const second = await page.context().newPage();
  await open(second, baseUrl, hash);
  assert.equal(await text(second, 'notice-text'), '', 'a good link shows no notice');
  assert.deepEqual(await readControls(second), set, 'every control, the weight decay too, comes back from the link');
  assert.equal(await second.evaluate(() => location.hash), hash, 'the link is stable');
  // Another optimizer hides AdamW's controls, and its own show.
  await changeAndWait(second, 'optimizer', 'momentum');
  assert.equal(await second.locator(id('hyper-weightDecay')).isVisible(), false);
  assert.ok(await second.locator(id('hyper-momentum')).isVisible());
  assert.doesNotMatch(await second.evaluate(() => location.hash), /weightDecay/, 'a setting of another optimizer is not in the link');
  await second.close();
}

export async function checkerboardTrainsAndRoundTrips({ page, baseUrl, screenshot }) {
  await open(page, baseUrl);
  assert.equal(await page.locator(id('setting-tiles')).isVisible(), false, 'the circle has no tiles');
  await changeAndWait(page, 'dataset', 'checkerboard', 'checkerboard');
  assert.ok(await page.locator(id('setting-tiles')).isVisible(), "the checkerboard's tiles control comes from its catalog entry");
  await changeAndWait(page, 'setting-tiles', '2', 'checkerboard');
  await changeAndWait(page, 'hidden-layers', '8,8', 'checkerboard');
  await changeAndWait(page, 'optimizer', 'adam', 'checkerboard');
  await setSpeed(page, 100);
  const first = await trainBelow(page, 0.3, 'a 2 × 2 checkerboard');
  assert.ok(first > 0.5, `an untrained loss first (${first})`);
  await screenshot('checkerboard', id('output-panel'));

  const hash = await page.evaluate(() => location.hash);
  assert.match(hash, /data=checkerboard(&|$)/);
  assert.match(hash, /tiles=2(&|$)/);
  const set = await readControls(page);
  const second = await page.context().newPage();
  await open(second, baseUrl, hash);
  assert.equal(await text(second, 'notice-text'), '', 'a good link shows no notice');
  assert.equal(await second.evaluate(() => document.body.dataset.source), 'checkerboard');
  assert.deepEqual(await readControls(second), set, 'every control, the tiles too, comes back from the link');
  assert.equal(await second.evaluate(() => location.hash), hash, 'the link is stable');
  await second.close();
}

export async function newLinkKeysRefuseHostileValues({ page, baseUrl }) {
  await open(page, baseUrl, '#optimizer=adamw&weightDecay=%3Cb%3E&beta1=2&data=checkerboard&tiles=999');
  assert.ok(await page.locator(id('notice')).isVisible(), 'the notice is shown');
  const notice = await text(page, 'notice-text');
  assert.match(notice, /weightDecay "<b>" is not a number/);
  assert.match(notice, /beta1 "2" is not a number/);
  assert.match(notice, /tiles "999" is not a whole number/);
  assert.equal(await page.locator('b').count(), 0, 'nothing from the link became HTML');
  const controls = await readControls(page);
  assert.equal(controls.optimizer, 'adamw');
  assert.equal(Number(controls['hyper-weightDecay']), 0.01, 'the default stands in');
  await assertNoError(page);
  // A hyperparameter of an optimizer the link does not use is refused too.
  const before = await session(page);
  await page.evaluate(() => { location.hash = '#optimizer=sgd&weightDecay=0.1'; });
  await waitForSession(page, { after: before });
  assert.match(await text(page, 'notice-text'), /weightDecay is not a setting of the optimizer sgd/);
  assert.doesNotMatch(await page.evaluate(() => location.hash), /weightDecay/);
}

// The batch a session uses is the engine's (info().batchSize): the lesson's
// four training rows cap a batch of 32 at 4, and the note says so.
export async function batchNoteReadsTheEngine({ page, baseUrl }) {
  await open(page, baseUrl, '#preset=article&batch=32');
  assert.equal(await page.locator(id('batch-size')).inputValue(), '32');
  await page.waitForFunction(() => /using 4/.test(document.querySelector('[data-testid="batch-note"]')?.textContent || ''), null, { timeout: 5000 });
  assert.match(await text(page, 'batch-note'), /using 4: the training split has 4 rows/);
  await page.locator(id('step')).click();
  await waitForNumber(page, 'step-count', '>=', 1, 5000, 'a step with the cut batch');
  await assertNoError(page);
}

export const tests = [
  bundledCatalogIsTheEngines,
  everyCatalogIdHasALabel,
  noEngineIdsHardCodedOnThePage,
  presetsUseCatalogIdsAndBuildSessions,
  adamwTrainsAndRoundTrips,
  checkerboardTrainsAndRoundTrips,
  newLinkKeysRefuseHostileValues,
  batchNoteReadsTheEngine,
];
