// The lessons backprop, validation, testing and cnn (issue 14), each walked
// step by step as a learner would (lesson-walk.mjs): the test does what the
// step's text asks, and checks that the step's formula shows the engine's
// numbers (the readouts, the step-through's test hook).

import assert from 'node:assert/strict';
import { id, text, number, setControl, waitForSession, session, assertNoError, parseNumber } from './helpers.mjs';
import { walkLesson, waitForCheck, playUntilPassed, changeSession } from './lesson-walk.mjs';

const PHASES = ['forward', 'loss', 'backward', 'update'];

// walkLesson, with a picture of the screen (1366×768, not the whole page)
// at every step once its check passed when LESSON_PEEK is set.
const walk = (ctx, lesson, actions) => walkLesson(ctx, lesson, actions.map((act, i) => async (c) => {
  await act(c);
  if (!process.env.LESSON_PEEK) return;
  await waitForCheck(c.page, 'passed', 30_000, `${lesson} step ${i + 1}`);
  await c.page.screenshot({ path: `test-results/screenshots/peek-${lesson}-${i + 1}.png` }); // the 1366×768 screen only
}));

// The step-through's test hook (instruments.js): the trace, the weights, the training rows.
const instruments = (page) =>
  page.evaluate(() => new Promise((reply) => document.dispatchEvent(new CustomEvent('descent:debug', { detail: { type: 'instruments', reply } }))));

const formula = async (page) => (await text(page, 'lesson-formula')).replace(/\s+/g, ' ');

async function waitPhase(page, phase) {
  await page.waitForFunction((p) => document.querySelector('[data-testid="trace-panel"]')?.dataset.phase === p, phase, { timeout: 10_000, polling: 'raf' });
}

// From the phase shown now, press Next phase until the update.
async function walkToUpdate(page) {
  await waitPhase(page, 'forward');
  for (const phase of PHASES.slice(1)) {
    await page.click(id('trace-next'));
    await waitPhase(page, phase);
  }
}

async function resetAndWait(page) {
  const before = await session(page);
  await page.click(id('reset'));
  await waitForSession(page, { after: before, timeout: 15_000 });
}

async function setRate(page, value) {
  await setControl(page, 'learning-rate', value);
  await page.waitForFunction((v) => Number(document.querySelector('[data-testid="learning-rate"]').value) === v, value);
}

// The numbers of a formula line after `label` (e.g. "W2 = [a, b, c]").
const listAfter = (f, label) => (new RegExp(`${label} = \\[([^\\]]*)\\]`).exec(f)?.[1] ?? '').split(',').map((v) => parseNumber(v));

export async function backpropLessonWalked(ctx) {
  await walk(ctx, 'backprop', [
    // One update with Step; the formula's J follows.
    async ({ page }) => {
      const f = await formula(page);
      assert.match(f, /W1: 2×4, W2: 4×1 \(17 θ\)/, `the formula names the network's weights: "${f}"`);
      assert.equal(parseNumber(/J = (\S+)/.exec(f)?.[1]), await number(page, 'train-loss'), 'J is the training loss on screen');
      await page.click(id('step'));
      await waitForCheck(page, 'passed', 10_000, 'one Step');
      await page.waitForFunction(() => {
        const j = /J = (\S+)/.exec(document.querySelector('[data-testid="lesson-formula"]').textContent)?.[1];
        return Number(j) === Number(document.querySelector('[data-testid="train-loss"]').textContent);
      });
    },
    // Type a training row, trace it, walk to the update.
    async ({ page }) => {
      await page.locator(id('trace-row')).fill('5');
      await page.click(id('trace-pick'));
      await walkToUpdate(page);
      assert.equal((await instruments(page)).trace.rows.length, 1, 'one training point traced');
    },
    // The chain rule, then the finite-difference check.
    async ({ page }) => {
      const f = await formula(page);
      const { params } = await instruments(page);
      const w2 = params.find((p) => p.name === 'dense2.weight').values;
      assert.deepEqual(listAfter(f, 'W2'), w2.map((v) => Number(v.toPrecision(4))), `W2 in the formula is the engine's: "${f}"`);
      await page.click(id('trace-check'));
    },
    // The next mini-batch, walked and applied.
    async ({ page }) => {
      assert.match(await formula(page), /α = 0\.03, t = 1/);
      await page.click(id('trace-sample'));
      await walkToUpdate(page);
      await page.click(id('trace-apply'));
      await page.waitForFunction(() => document.querySelector('[data-testid="step-count"]')?.textContent.trim() === '2');
      await page.waitForFunction(() => /t = 2\b/.test(document.querySelector('[data-testid="lesson-formula"]')?.textContent || ''));
    },
    // The challenge: a larger rate, Reset, Play.
    async ({ page }) => {
      await setRate(page, 1);
      await resetAndWait(page);
      await playUntilPassed(page, 30_000, 'the challenge at α = 1');
      const f = await formula(page);
      assert.match(f, /α = 1,/, `the formula shows the rate: "${f}"`);
      assert.ok(await number(page, 'step-count') <= 400);
    },
  ]);
  await assertNoError(ctx.page);
}

export async function validationLessonWalked(ctx) {
  await walk(ctx, 'validation', [
    // Play until the validation loss turns up; the formula's losses are the readouts.
    async ({ page }) => {
      assert.ok(await page.locator(id('show-val')).isChecked(), 'the validation points are shown');
      await playUntilPassed(page, 40_000, 'overfitting');
      const f = await formula(page);
      assert.equal(parseNumber(/Jtrain = (\S+),/.exec(f)?.[1]), await number(page, 'train-loss'), `J_train is the readout: "${f}"`);
      assert.equal(parseNumber(/Jval = (\S+)/.exec(f)?.[1]), await number(page, 'val-loss'), `J_val is the readout: "${f}"`);
      const low = parseNumber(/min Jval = (\S+)/.exec(f)?.[1]);
      assert.ok(await number(page, 'val-loss') > low, `the validation loss is above its lowest (${low}): "${f}"`);
    },
    // Early stopping on: Play until it stops; the note and the formula say where the best was.
    async ({ page }) => {
      assert.match(await page.evaluate(() => location.hash), /early=5,0/);
      await page.click(id('play'));
      await page.locator(id('early-note')).waitFor({ state: 'visible', timeout: 40_000 });
      const note = await text(page, 'early-text');
      const best = Number(/at step (\d+)\.$/.exec(note)?.[1]);
      await page.waitForFunction((b) => new RegExp(`t = ${b}\\)`).test(document.querySelector('[data-testid="lesson-formula"]').textContent), best);
      const f = await formula(page);
      assert.equal(parseNumber(new RegExp(`Jval\\(t = ${best}\\) = (\\S+)`).exec(f)?.[1]), parseNumber(/Best: (\S+) at/.exec(note)?.[1]), `the best loss is the note's: "${f}" / "${note}"`);
    },
    // Back to the best weights.
    async ({ page }) => {
      await page.click(id('restore-best'));
      await waitForCheck(page, 'passed', 10_000, 'restore-best');
      const f = await formula(page);
      const [now, best] = [parseNumber(/Jval = (\S+),/.exec(f)?.[1]), parseNumber(/best Jval = (\S+)/.exec(f)?.[1])];
      assert.equal(now, best, `the validation loss is the best one: "${f}"`);
      assert.equal(now, await number(page, 'val-loss'));
    },
    // The challenge: a smaller network, 1000 updates.
    async ({ page }) => {
      assert.equal(await page.locator(id('early-note')).isVisible(), false, 'early stopping is off');
      await changeSession(page, 'hidden-layers', '4');
      await playUntilPassed(page, 60_000, 'a 4-unit network for 1000 updates');
      assert.ok(await number(page, 'step-count') >= 1000);
      assert.ok(await number(page, 'val-loss') < 0.5);
    },
  ]);
  await assertNoError(ctx.page);
}
validationLessonWalked.timeout = 120_000;
