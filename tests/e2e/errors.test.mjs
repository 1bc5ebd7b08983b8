// The engine's errors in the learner's words (issue 15): each error the
// engine throws carries a code and params, and the page words it from its
// string table (www/error-text.js) in the page's language. Caused from the
// page in English and in Chinese: a link whose race value the engine
// refuses, a batch larger than the training set (in a race lane: the
// main session's batch is cut to fit), a hostile CSV, and a race lane that
// diverges, a learning rate of −1 typed (the page's own refusal, before
// the engine: main.js checks the catalog's range), and the article's
// α = 0.1 played until it diverges. The shown text is the table's wording
// with the values filled in (no `{` left), and in zh-CN none of the
// engine's English.

import assert from 'node:assert/strict';
import { id, open, text } from './helpers.mjs';

const en = (await import('../../www/strings/en.js')).default;
const zh = (await import('../../www/strings/zh-CN.js')).default;
const TABLES = { en, 'zh-CN': zh };

// The table's text for `key` as a pattern: every {name} matches a filled-in
// value (anything but a brace).
function wording(table, key) {
  const t = table[key];
  assert.ok(typeof t === 'string', `the table has ${key}`);
  const parts = t.split(/\{\w+\}/).map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(parts.join('[^{}]+?'));
}

function filled(shown, what) {
  if (process.env.ERRORS_SHOW) console.log(`  ${what}: ${shown}`);
  assert.ok(shown.length > 0, `${what}: something is shown`);
  assert.doesNotMatch(shown, /[{}]/, `${what}: every placeholder is filled: ${shown}`);
}

// No English sentence of the engine's: Chinese text, ids and numbers only.
function chinese(shown, what) {
  assert.match(shown, /[\u4e00-\u9fff]/, `${what} is in Chinese: ${shown}`);
  for (const english of ['must be', 'diverged', 'the batch', 'classes, more', 'training set', 'race lane']) {
    assert.ok(!shown.includes(english), `${what}: no engine English ("${english}"): ${shown}`);
  }
}

const noticeText = async (page) => {
  await page.locator(id('notice')).waitFor({ state: 'visible', timeout: 15_000 });
  return text(page, 'notice-text');
};

async function linkRefusals(page, baseUrl, lang) {
  const table = TABLES[lang];
  // A bad link value: a batch larger than the training set, in a race
  // (the link's codec checks only the batch limit; the engine, the
  // training set's size): the batch-size code, nested in the lane's.
  await open(page, baseUrl, `#lang=${lang}&preset=article&race=batchSize:4,5000`);
  const shown = await noticeText(page);
  filled(shown, 'a batch too large');
  assert.match(shown, wording(table, 'error.batch-size'), shown);
  assert.match(shown, /5,?000/, `the batch is named: ${shown}`);
  if (lang === 'zh-CN') chinese(shown, 'a batch too large');
}

async function hostileCsv(page, baseUrl, lang) {
  const table = TABLES[lang];
  await open(page, baseUrl, `#lang=${lang}`);
  const rows = ['a,b,digit', ...Array.from({ length: 90 }, (_, i) => `${(i * 0.37) % 1},${(i * 0.61) % 1},${i % 9}`)];
  await page.locator(id('csv-input')).setInputFiles({ name: 'nine.csv', mimeType: 'text/csv', buffer: Buffer.from(rows.join('\n')) });
  const pattern = wording(table, 'error.csv-classes');
  await page.waitForFunction((p) => new RegExp(p).test(document.querySelector('[data-testid="error"]')?.textContent || ''), pattern.source, { timeout: 10_000 });
  const shown = await text(page, 'error');
  filled(shown, 'a CSV with nine classes');
  assert.match(shown, /digit/, `the column is named: ${shown}`);
  assert.match(shown, /9/);
  assert.match(shown, /8/);
  assert.ok(shown.includes(table['error.csv-classes.numeric.true'].replace('{', '')), `the numeric hint, worded: ${shown}`);
  if (lang === 'zh-CN') chinese(shown, 'a CSV with nine classes');
}

async function divergingLane(page, baseUrl, lang) {
  const table = TABLES[lang];
  await open(page, baseUrl, `#lang=${lang}&preset=article&race=learningRate:0.001,0.1`);
  await page.waitForSelector(id('race-lane-2-steps'), { timeout: 10_000 });
  await page.locator(id('race')).scrollIntoViewIfNeeded();
  await page.locator(id('race-play')).click();
  const pattern = wording(table, 'race.status.diverged');
  await page.waitForFunction((p) => new RegExp(p).test(document.querySelector('[data-testid="race-lane-2-status"]')?.textContent || ''), pattern.source, { timeout: 30_000 });
  const shown = await text(page, 'race-lane-2-status');
  filled(shown, 'a diverged lane');
  const reasons = ['loss-exploded', 'loss-not-finite', 'weight-not-finite'].map((r) => wording(table, `error.diverged.reason.${r}`));
  assert.ok(reasons.some((r) => r.test(shown)), `the reason is worded: ${shown}`);
  // Numbers formatted (format.js): no float printed to its last digit.
  assert.doesNotMatch(shown, /\d\.\d{6,}/, `numbers are formatted: ${shown}`);
  if (lang === 'zh-CN') chinese(shown, 'a diverged lane');
  return shown;
}

// −1 typed into the learning-rate field and committed (Enter or leaving
// it: a change event): refused with the catalog's range, the rate kept.
async function negativeRate(page, baseUrl, lang) {
  const table = TABLES[lang];
  await open(page, baseUrl, `#lang=${lang}&preset=article`);
  await page.locator(id('learning-rate')).fill('-1');
  await page.locator(id('learning-rate')).dispatchEvent('change');
  const pattern = wording(table, 'main.lrRange');
  await page.waitForFunction((p) => new RegExp(p).test(document.querySelector('[data-testid="error"]')?.textContent || ''), pattern.source, { timeout: 10_000 });
  const shown = await text(page, 'error');
  filled(shown, 'a learning rate of −1');
  assert.match(shown, /-1|−1/, `the typed value is named: ${shown}`);
  const range = Object.keys(table).filter((k) => /^range\.number\./.test(k)).map((k) => wording(table, k));
  assert.ok(range.some((r) => r.test(shown)), `the range is worded from the table: ${shown}`);
  assert.equal(await page.locator(id('learning-rate')).getAttribute('aria-invalid'), 'true', 'the field is marked invalid');
  assert.doesNotMatch(await page.evaluate(() => location.hash), /[#&]lr=-/, 'the refused rate is not applied to the link');
  if (lang === 'zh-CN') chinese(shown, 'a learning rate of −1');
}

// The article's own α = 0.1, simply played: the session diverges and the
// error region says so (state.js errorText, the `diverged` phrase), with
// the step, the rate, how the loss grew and a smaller rate to try. Opened
// right after negativeRate, in the same page: the link's rate replaces the
// refused −1 still in the field, and the refusal is gone.
async function divergingArticle(page, baseUrl, lang) {
  const table = TABLES[lang];
  await open(page, baseUrl, `#lang=${lang}&preset=article&lr=0.1&speed=50`);
  await page.waitForFunction(() => document.querySelector('[data-testid="learning-rate"]').value === '0.1', null, { timeout: 10_000 })
    .catch(async (e) => { throw new Error(`the field still shows "${await page.locator(id('learning-rate')).inputValue()}" after the link's lr=0.1`, { cause: e }); });
  assert.equal(await page.locator(id('learning-rate')).getAttribute('aria-invalid'), 'false', 'the refusal is gone with the new link');
  await page.locator(id('play')).click();
  const pattern = wording(table, 'diverged');
  await page.waitForFunction((p) => new RegExp(p).test(document.querySelector('[data-testid="error"]')?.textContent || ''), pattern.source, { timeout: 30_000 })
    .catch(async (e) => { throw new Error(`no divergence shown: error "${await text(page, 'error')}", step ${await text(page, 'step-count')}, loss ${await text(page, 'train-loss')}`, { cause: e }); });
  const shown = await text(page, 'error');
  filled(shown, 'the article diverged');
  assert.match(shown, /0\.1\b/, `the rate is named: ${shown}`);
  assert.match(shown, /0\.01\b/, `a smaller rate is offered: ${shown}`);
  assert.ok(['diverged.grew', 'diverged.nan'].some((k) => wording(table, k).test(shown)), `how the loss grew is worded: ${shown}`);
  assert.doesNotMatch(shown, /\d\.\d{6,}/, `numbers are formatted: ${shown}`);
  if (lang === 'zh-CN') chinese(shown, 'the article diverged');
}

export async function engineErrorsAreWordedInEnglish({ page, baseUrl }) {
  await linkRefusals(page, baseUrl, 'en');
  await hostileCsv(page, baseUrl, 'en');
  const lane = await divergingLane(page, baseUrl, 'en');
  assert.match(lane, /^diverged/, 'the lane says it diverged first');
  await negativeRate(page, baseUrl, 'en');
  await divergingArticle(page, baseUrl, 'en');
}
engineErrorsAreWordedInEnglish.timeout = 180_000;

export async function engineErrorsAreWordedInChinese({ page, baseUrl }) {
  await linkRefusals(page, baseUrl, 'zh-CN');
  await hostileCsv(page, baseUrl, 'zh-CN');
  await divergingLane(page, baseUrl, 'zh-CN');
  await negativeRate(page, baseUrl, 'zh-CN');
  await divergingArticle(page, baseUrl, 'zh-CN');
}
engineErrorsAreWordedInChinese.timeout = 180_000;

// Every code the engine lists (catalog().errors) is worded in both tables,
// with only its own parameters (or the words chosen for them) as {names}.
export async function everyEngineCodeIsWordedInBothTables() {
  const { readFileSync } = await import('node:fs');
  const catalog = JSON.parse(readFileSync(new URL('../../dist/catalog.json', import.meta.url), 'utf8'));
  assert.ok(catalog.errors.length > 40, 'the catalog lists the codes');
  const derived = { range: ['bound'], length: ['bound'] };
  for (const { code, params } of catalog.errors) {
    for (const [lang, table] of Object.entries(TABLES)) {
      const keys = Object.keys(table).filter((k) => k === `error.${code}` || k.startsWith(`error.${code}.`));
      assert.ok(keys.includes(`error.${code}`), `${lang} words error.${code}`);
      const allowed = new Set([...params, ...(derived[code] || [])]);
      for (const k of keys) {
        if (k.split('.').length > 2 && !params.includes(k.split('.')[2]) && !(derived[code] || []).includes(k.split('.')[2])) {
          // `error.<code>.<param>.<value>`: a parameter this code has.
          assert.fail(`${lang} ${k}: ${code} has no parameter ${k.split('.')[2]}`);
        }
        for (const m of table[k].matchAll(/\{(\w+)\}/g)) assert.ok(allowed.has(m[1]), `${lang} ${k}: {${m[1]}} is no parameter of ${code} (${params.join(', ')})`);
      }
    }
  }
}
