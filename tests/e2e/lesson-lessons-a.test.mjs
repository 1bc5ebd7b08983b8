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

// LESSON_PEEK=DIR: a picture of every step once its check passed (for a person reviewing the layout).
async function peek(page, name) {
  if (process.env.LESSON_PEEK) await page.screenshot({ path: `${process.env.LESSON_PEEK}/${name}.png` });
}

// walkLesson, with a picture of each step once it passed when LESSON_PEEK is set.
const walk = (ctx, lesson, actions) => walkLesson(ctx, lesson, actions.map((act, i) => async (c) => {
  await act(c);
  if (!process.env.LESSON_PEEK) return;
  await waitForCheck(c.page, 'passed', 30_000, `${lesson} step ${i + 1}`);
  await peek(c.page, `${lesson}-${i + 1}`);
}));

const formula = async (page) => (await text(page, 'lesson-formula')).replace(/\s+/g, ' ');

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

// Wait for the page to be idle: training paused and a frame drawn since.
async function pause(page) {
  if ((await text(page, 'play')).toLowerCase().includes('pause')) await page.click(id('play'));
  await page.waitForFunction(() => !/pause/i.test(document.querySelector('[data-testid="play"]').textContent));
}

async function racePlayed(page) {
  await page.waitForSelector(id('race-lane-1-steps'), { timeout: 15_000 });
  await page.locator(id('race-play')).click();
}

async function racePaused(page) {
  if (/pause/i.test(await text(page, 'race-play'))) await page.locator(id('race-play')).click();
}

// The formula's weights (w1, w2, b) = (…) and J are the latest frame's and the readout's.
async function assertLinearFormula(page) {
  const f = await formula(page);
  const params = await frameParams(page);
  const w = params.find((p) => p.role === 'weight').values;
  const b = params.find((p) => p.role === 'bias').values[0];
  const m = /\(w1, w2, b\) = \(([^)]*)\)/.exec(f);
  assert.ok(m, `the formula shows the weights: "${f}"`);
  assert.deepEqual(m[1].split(', '), [...w, b].map(fmt), 'the weights are the frame\'s');
  assert.equal(String(shown(f, 'J')), await text(page, 'train-loss'), 'J is the training loss readout');
}

export async function gradientDescentLessonWalked(ctx) {
  await walk(ctx, 'gradient-descent', [
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
      assert.match(await text(page, 'race-lane-3-status'), /^diverged/);
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
  ]);
  await assertNoError(ctx.page);
}
