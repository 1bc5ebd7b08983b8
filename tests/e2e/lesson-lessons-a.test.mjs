// Lessons 2–5 walked as a learner would (lesson-walk.mjs): gradient descent
// and the learning rate, logistic regression, preprocessing, building a
// model. Each test does what each step's text asks (steps, traces, races,
// switches data sets and features, pastes the CSV the step shows) and
// checks that the step's formula shows the engine's own numbers: the
// readouts beside it, the weights of the latest frame (the instruments'
// debug hook), the largest stable rate of the article's data.

import assert from 'node:assert/strict';
import { id, text, number, setControl, setSpeed, waitForNumber, waitForSession, session, assertNoError } from './helpers.mjs';
import { walkLesson, waitForCheck, playUntilPassed, changeSession } from './lesson-walk.mjs';
import en from '../../www/strings/en.js';
import zh from '../../www/strings/zh-CN.js';

// LESSON_PEEK=DIR: a picture of every step once its check passed (for a person reviewing the layout).
async function peek(page, name) {
  if (process.env.LESSON_PEEK) await page.screenshot({ path: `${process.env.LESSON_PEEK}/${name}.png` });
}

// walkLesson, with a picture of each step once it passed when LESSON_PEEK is set.
const walk = (ctx, lesson, actions, options = {}) => walkLesson(ctx, lesson, actions.map((act, i) => async (c) => {
  await act(c);
  if (!process.env.LESSON_PEEK) return;
  await waitForCheck(c.page, 'passed', 30_000, `${lesson} step ${i + 1}`);
  await peek(c.page, `${lesson}-${i + 1}${options.lang ? `-${options.lang}` : ''}`);
}), options);

// The formula as a person reads it (a line break is a space).
// A diverged lane's status, in either language: the tables' words before the step.
const DIVERGED = new RegExp(`^(?:${[en, zh].map((t) => t['race.status.diverged'].split('{step}')[0].replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`);

const formula = async (page) => (await page.locator(id('lesson-formula')).innerText()).replace(/\s+/g, ' ').trim();

const frames = (page, n = 2) => page.evaluate((n) => new Promise((done) => {
  const tick = (k) => (k ? requestAnimationFrame(() => tick(k - 1)) : done());
  tick(n);
}), n);

// `assertion` of what the page shows against the store, retried for a few
// frames: the hook reads the store, which the page draws on the next frame.
async function eventually(page, assertion) {
  for (let i = 0; ; i++) {
    try {
      return await assertion();
    } catch (e) {
      if (i >= 20) throw e;
      await frames(page);
    }
  }
}

// The weights of the latest frame, by parameter (www/instruments.js's debug hook).
function frameParams(page) {
  return page.evaluate(() => new Promise((reply) => document.dispatchEvent(new CustomEvent('descent:debug', {
    detail: { type: 'instruments', reply: (r) => reply(r.params) },
  }))));
}

// The numbers a formula shows after `label =` (e.g. 'J', 'αmax = 2 / λmax').
function shown(f, label) {
  const i = f.indexOf(`${label} = `);
  assert.ok(i >= 0, `the formula shows ${label}: "${f}"`);
  return Number(/^[-−]?[\d.]+(?:e[-+]?\d+)?/.exec(f.slice(i + label.length + 3).replace(/^−/, '-'))?.[0]);
}

// Formatted as the page formats a number (format.js formatNumber).
const fmt = (x) => {
  const a = Math.abs(x);
  if (x === 0) return '0';
  if (a >= 1e-3 && a < 1e5) return String(Number(x.toPrecision(4)));
  return x.toExponential(3).replace('e+', 'e');
};

// Pause training and wait until the button says so. The button is drawn on
// the next animation frame, so it is read after two: a click that
// playUntilPassed just made is not undone by a second one.
async function pause(page) {
  const pressed = () => page.locator(id('play')).getAttribute('aria-pressed');
  await frames(page);
  if ((await pressed()) === 'true') await page.click(id('play'));
  await page.waitForFunction(() => document.querySelector('[data-testid="play"]').getAttribute('aria-pressed') !== 'true');
}

async function racePlayed(page) {
  await page.waitForSelector(id('race-lane-1-steps'), { timeout: 15_000 });
  await page.locator(id('race-play')).click();
}

async function racePaused(page) {
  if (/pause/i.test(await text(page, 'race-play'))) await page.locator(id('race-play')).click();
}

// The formula's weights (w1, w2, b) = (…) and J are the latest frame's and the readout's.
const assertLinearFormula = (page) => eventually(page, () => linearFormulaIs(page));
async function linearFormulaIs(page) {
  const f = await formula(page);
  const params = await frameParams(page);
  const w = params.find((p) => p.role === 'weight').values;
  const b = params.find((p) => p.role === 'bias').values[0];
  const m = /\(w1, w2, b\) = \(([^)]*)\)/.exec(f);
  assert.ok(m, `the formula shows the weights: "${f}"`);
  assert.deepEqual(m[1].split(', '), [...w, b].map(fmt), 'the weights are the frame\'s');
  assert.equal(String(shown(f, 'J')), await text(page, 'train-loss'), 'J is the training loss readout');
}

const gradientDescentSteps = () => [
  // Step a few times.
  async ({ page }) => {
    for (let i = 0; i < 3; i++) await page.click(id('step'));
    await waitForNumber(page, 'step-count', '>=', 3, 5000, 'three steps');
    await waitForCheck(page, 'passed', 5000, 'three steps');
    assert.equal(shown(await formula(page), 'α'), 0.01);
    await assertLinearFormula(page);
  },
  // Trace the next batch and walk its phases.
  async ({ page }) => {
    await page.click(id('trace-sample'));
    await page.waitForFunction(() => document.querySelector('[data-testid="trace-panel"]').dataset.phase === 'forward');
    for (let i = 0; i < 3; i++) await page.click(id('trace-next'));
    await page.waitForFunction(() => document.querySelector('[data-testid="trace-panel"]').dataset.phase === 'update');
  },
  // The race of three rates: 0.1 diverges, 0.02 leads.
  async ({ page }) => {
    const f = await formula(page);
    assert.match(f, /^0\.001 < 0\.02 < αmax = 2 \/ λmax = 0\.0458\d* < 0\.1$/, `the rates around the engine's limit: "${f}"`);
    await racePlayed(page);
    await waitForCheck(page, 'passed', 30_000, 'the race');
    await racePaused(page);
    await eventually(page, async () => assert.match(await text(page, 'race-lane-3-status'), DIVERGED));
    assert.ok((await number(page, 'race-lane-2-loss')) < (await number(page, 'race-lane-1-loss')));
  },
  // The path on the landscape.
  async ({ page }) => {
    await waitForSession(page, { timeout: 15_000 }).catch(() => {});
    await page.click(id('play'));
    await waitForCheck(page, 'passed', 30_000, 'the path');
    await pause(page);
    assert.ok(Number(await page.locator(id('landscape')).getAttribute('data-path-length')) >= 40);
  },
  // The challenge: a race bracketing α_max tightly.
  async ({ page }) => {
    await page.waitForSelector(id('race-lane-1-steps'), { timeout: 15_000 });
    await page.locator(id('race-values')).fill('0.01, 0.04, 0.05');
    await page.click(id('race-start'));
    await page.waitForFunction(() => /race=learningRate:0\.01,0\.04,0\.05(&|$)/.test(location.hash));
    await racePlayed(page);
    await waitForCheck(page, 'passed', 30_000, 'the challenge race');
    await racePaused(page);
  },
];

export async function gradientDescentLessonWalked(ctx) {
  await walk(ctx, 'gradient-descent', gradientDescentSteps());
  await assertNoError(ctx.page);
}

export async function gradientDescentLessonWalkedInChinese(ctx) {
  await walk(ctx, 'gradient-descent', gradientDescentSteps(), { lang: 'zh-CN' });
  await assertNoError(ctx.page);
}

// The formula's z = w1·x1 + … + b is the latest frame's weights, with the
// features the engine built; its accuracy is the readout's, after the
// lesson's word for it (`accuracy`, in the language walked).
const assertLogisticFormula = (page, features, accuracy) => eventually(page, () => logisticFormulaIs(page, features, accuracy));
async function logisticFormulaIs(page, features, accuracy) {
  const f = await formula(page);
  const params = await frameParams(page);
  const w = params.find((p) => p.role === 'weight').values;
  const b = params.find((p) => p.role === 'bias').values[0];
  assert.equal(w.length, features.length, `one weight per feature (${features})`);
  let want = '';
  w.forEach((x, i) => { want += `${x < 0 ? (i ? ' − ' : '−') : i ? ' + ' : ''}${fmt(Math.abs(x))}·${features[i]}`; });
  want += `${b < 0 ? ' − ' : ' + '}${fmt(Math.abs(b))}`;
  assert.ok(f.includes(want), `the formula shows the frame's weights "${want}": "${f}"`);
  assert.ok(f.includes(`${accuracy} = ${await text(page, 'val-accuracy')}`), `the accuracy is the readout's: "${f}"`);
}

// The lesson's word before the accuracy in its formulas.
const ACCURACY = { en: 'validation accuracy', 'zh-CN': '验证准确率' };

const logisticSteps = (lang = 'en') => [
  // Train the two clouds apart.
  async ({ page }) => {
    await playUntilPassed(page, 30_000, 'the clouds');
    await pause(page);
    assert.match(await formula(page), /P\(y = 1\) = σ\(z\) = 1 \/ \(1 \+ e−z\)/);
    await assertLogisticFormula(page, ['x1', 'x2'], ACCURACY[lang]);
  },
  // Overlapping clouds: noise 35 %, discretize, train.
  async ({ page }) => {
    await changeSession(page, 'noise', 35);
    await page.click(id('discretize'));
    await playUntilPassed(page, 30_000, 'noisy clouds');
    await pause(page);
    assert.match(await formula(page), / = 0 /);
    await assertLogisticFormula(page, ['x1', 'x2'], ACCURACY[lang]);
  },
  // The circle: near chance.
  async ({ page }) => {
    await changeSession(page, 'dataset', 'circle');
    await playUntilPassed(page, 30_000, 'the circle');
    await pause(page);
    assert.ok((await number(page, 'val-accuracy')) < 75, 'a line leaves the circle near chance');
  },
  // The challenge: x1², x2².
  async ({ page }) => {
    for (const f of ['x1^2', 'x2^2']) {
      const before = await session(page);
      await page.locator(`${id('features')} input[value="${f}"]`).check();
      await waitForSession(page, { after: before, timeout: 15_000 });
    }
    await playUntilPassed(page, 30_000, 'squared features');
    await pause(page);
    await assertLogisticFormula(page, ['x1', 'x2', 'x12', 'x22'], ACCURACY[lang]);
  },
];

export async function logisticLessonWalked(ctx) {
  await walk(ctx, 'logistic', logisticSteps());
  await assertNoError(ctx.page);
}

export async function logisticLessonWalkedInChinese(ctx) {
  await walk(ctx, 'logistic', logisticSteps('zh-CN'), { lang: 'zh-CN' });
  await assertNoError(ctx.page);
}

// The preprocessing lesson's file, per language: the word typed where a
// number should be, and the number the learner types instead.
const BAD_CELL = { en: ['eleven', '11'], 'zh-CN': ['十一', '11'] };

// Paste the file the step shows into Your data and load it.
async function pasteCsv(page, csv) {
  const before = await session(page);
  if (!(await page.locator(id('csv-paste')).isVisible())) await page.locator('.paste summary').click();
  await page.locator(id('csv-paste')).fill(csv);
  await page.click(id('csv-load'));
  return before;
}

const preprocessingSteps = (lang = 'en') => [
  // The article's α on the raw inputs: past the engine's limit, it diverges.
  async ({ page }) => {
    assert.match(await formula(page), /α = 0\.1 > αmax = 2 \/ λmax = 0\.0458\d* J = /);
    await page.click(id('play'));
    await waitForCheck(page, 'passed', 30_000, 'diverged');
    await pause(page);
  },
  // The race: raw inputs diverge at α = 0.1, standardized ones converge.
  async ({ page }) => {
    const f = await formula(page);
    assert.match(f, /αmax = 2 \/ λmax = 0\.0458\d*/, `the raw inputs' limit, the engine's: "${f}"`);
    await racePlayed(page);
    await waitForCheck(page, 'passed', 30_000, 'the normalization race');
    await racePaused(page);
    // The lane's status is drawn on the frame after the check saw it.
    await eventually(page, async () => assert.match(await text(page, 'race-lane-1-status'), DIVERGED));
  },
  // Standardize the session: the limit the engine computes moves past 0.1.
  async ({ page }) => {
    assert.match(await formula(page), /α = 0\.1 > αmax = 2 \/ λmax = 0\.0458/);
    await changeSession(page, 'normalize', 'standard');
    // Standardized, the two equal columns and the bias give the Hessian
    // (2/n)·XᵀX eigenvalues 4, 2, 0: αmax = 2/4.
    await eventually(page, async () => assert.match(await formula(page), /α = 0\.1 < αmax = 2 \/ λmax = 0\.5 J = /));
    await playUntilPassed(page, 30_000, 'standardized');
    await pause(page);
    await eventually(page, async () => assert.equal(String(shown(await formula(page), 'J')), await text(page, 'train-loss'), 'J is the readout'));
  },
  // The messy file: refused for the word, loaded once it is a number.
  async ({ page }) => {
    const csv = await page.locator(`${id('lesson-step')} textarea`).inputValue();
    const [word, number] = BAD_CELL[lang];
    assert.ok(csv.includes(word), 'the file has the word in it');
    const before = await pasteCsv(page, csv);
    // The cell quoted as the language quotes it ('十一' in English, “十一” in Chinese).
    await page.waitForFunction((w) => new RegExp(`['“]${w}['”]`).test(document.querySelector('[data-testid="error"]')?.textContent || ''), word, { timeout: 10_000 });
    assert.equal(await session(page), before, 'the refused file changes nothing');
    assert.equal(await page.locator(id('lesson-check')).getAttribute('data-state'), 'pending');
    await pasteCsv(page, csv.replace(word, number));
    await waitForSession(page, { after: before, source: 'csv', timeout: 15_000 });
    await eventually(page, async () => {
      const f = await formula(page);
      assert.match(f, /30\D+24\D/, `30 rows in the file, 24 in use: "${f}"`);
      assert.match(await text(page, 'csv-status'), /24 (?:rows|行) → 6 (?:inputs|个输入)/);
    });
  },
  // The challenge: fill the gaps, train to 90 %.
  async ({ page }) => {
    await changeSession(page, 'missing', 'mean');
    await playUntilPassed(page, 30_000, 'every row kept');
    await pause(page);
    const f = await formula(page);
    assert.match(f, /30\D+30\D/, `every row in use: "${f}"`);
    assert.ok(f.includes(`${ACCURACY[lang]} = ${await text(page, 'val-accuracy')}`), `the accuracy is the readout's: "${f}"`);
  },
];

export async function preprocessingLessonWalked(ctx) {
  await walk(ctx, 'preprocessing', preprocessingSteps());
  await assertNoError(ctx.page);
}

export async function preprocessingLessonWalkedInChinese(ctx) {
  await walk(ctx, 'preprocessing', preprocessingSteps('zh-CN'), { lang: 'zh-CN' });
  await assertNoError(ctx.page);
}

// Tick an input feature and wait for the session it builds.
async function tickFeature(page, feature) {
  const before = await session(page);
  await page.locator(`${id('features')} input[value="${feature}"]`).check();
  await waitForSession(page, { after: before, timeout: 15_000 });
}

// The network formula's shapes are the frame's parameters' (an MLP
// 2 → units → 1), its count the engine's, its accuracy the readout's.
const assertNetworkFormula = (page, lang, units) => eventually(page, async () => {
  const f = await formula(page);
  const params = await frameParams(page);
  assert.deepEqual(params.map((p) => p.shape.join('×')), [`2×${units}`, `${units}`, `${units}×1`, '1']);
  assert.ok(f.includes(`W1 2×${units} · b1 ${units} · W2 ${units}×1 · b2 1 → ${params.reduce((a, p) => a + p.values.length, 0)}`), `the shapes and the count: "${f}"`);
  assert.ok(f.includes(`${ACCURACY[lang]} = ${await text(page, 'val-accuracy')}`), `the accuracy is the readout's: "${f}"`);
});

const buildingSteps = (lang = 'en') => [
  // A line on xor: near chance.
  async ({ page }) => {
    await playUntilPassed(page, 30_000, 'xor, a line');
    await pause(page);
    assert.ok((await number(page, 'val-accuracy')) < 75, 'a line leaves xor near chance');
    await assertLogisticFormula(page, ['x1', 'x2'], ACCURACY[lang]);
  },
  // The feature cross.
  async ({ page }) => {
    await tickFeature(page, 'x1*x2');
    await playUntilPassed(page, 30_000, 'the cross');
    await pause(page);
    await assertLogisticFormula(page, ['x1', 'x2', 'x1x2'], ACCURACY[lang]);
  },
  // A hidden layer of 4 on x1, x2.
  async ({ page }) => {
    await changeSession(page, 'model-kind', 'mlp');
    await playUntilPassed(page, 30_000, 'the hidden layer on xor');
    await pause(page);
    await assertNetworkFormula(page, lang, 4);
  },
  // Two units on the circle stall; four close it.
  async ({ page }) => {
    await page.click(id('play'));
    await waitForNumber(page, 'step-count', '>=', 400, 30_000, 'two units on the circle');
    await pause(page);
    assert.ok((await number(page, 'val-accuracy')) < 95, 'two units stall below the check');
    assert.equal(await page.locator(id('lesson-check')).getAttribute('data-state'), 'pending');
    await changeSession(page, 'hidden-layers', '4');
    await playUntilPassed(page, 30_000, 'four units on the circle');
    await pause(page);
    await assertNetworkFormula(page, lang, 4);
  },
  // The challenge: sin features and 8 tanh units.
  async ({ page }) => {
    for (const f of ['sin(x1)', 'sin(x2)']) await tickFeature(page, f);
    await playUntilPassed(page, 30_000, 'the spiral');
    await pause(page);
  },
];

export async function buildingLessonWalked(ctx) {
  await walk(ctx, 'building', buildingSteps());
  await assertNoError(ctx.page);
}

export async function buildingLessonWalkedInChinese(ctx) {
  await walk(ctx, 'building', buildingSteps('zh-CN'), { lang: 'zh-CN' });
  await assertNoError(ctx.page);
}
