// The lessons rnn, interpretability, privacy and compute (issue 14), each
// walked as a learner would (lesson-walk.mjs): every step's check pending,
// then met by doing what the step says; and each formula showing the
// engine's numbers (the readouts beside it, or the engine's own count).

import assert from 'node:assert/strict';
import { id, text, number, setControl, setSpeed, waitForSession, session, assertNoError } from './helpers.mjs';
import { walkLesson, waitForCheck, playUntilPassed, changeSession } from './lesson-walk.mjs';

const formula = async (page) => (await text(page, 'lesson-formula')).replace(/\s+/g, ' ');

async function pause(page) {
  if ((await text(page, 'play')).toLowerCase().includes('pause')) await page.click(id('play'));
  await page.waitForFunction(() => !/pause/i.test(document.querySelector('[data-testid="play"]')?.textContent || ''));
}

// The formula's `name = number` once training has stopped, beside a readout.
async function formulaNumber(page, pattern) {
  const f = await formula(page);
  const m = pattern.exec(f);
  assert.ok(m, `the formula "${f}" has ${pattern}`);
  return Number(m[1]);
}

// Wait until the formula (redrawn from each frame) matches.
async function waitForFormula(page, pattern, timeout = 10_000) {
  await page.waitForFunction(
    (src) => new RegExp(src).test((document.querySelector('[data-testid="lesson-formula"]')?.textContent || '').replace(/\s+/g, ' ')),
    pattern.source,
    { timeout, polling: 'raf' },
  ).catch(async (e) => {
    throw new Error(`the formula is "${await formula(page)}", wanted ${pattern}`, { cause: e });
  });
}

// The lesson's text, formula, check and Next fit the 1366×768 screen
// beside the stage, without scrolling the aside.
async function assertAsideFits(page, what) {
  const { bottom, height } = await page.locator(id('lesson-next')).evaluate((b) => ({ bottom: b.getBoundingClientRect().bottom, height: innerHeight }));
  assert.ok(bottom <= height, `${what}: Next ends at ${Math.round(bottom)} px, below the ${height} px screen`);
}

// Each step's action, after checking that its text fits.
const fitting = (page, lesson, actions) => actions.map((act, i) => async (arg) => {
  await assertAsideFits(page, `${lesson} step ${i + 1}`);
  await act(arg);
});

async function setRate(page, value) {
  await setControl(page, 'learning-rate', value);
  await page.waitForFunction((v) => Number(document.querySelector('[data-testid="learning-rate"]').value) === v, value);
}

// --- rnn -------------------------------------------------------------------

export async function rnnLessonWalked(ctx) {
  const { page } = ctx;
  await walkLesson(ctx, 'rnn', fitting(page, 'rnn', [
    // Train the 16-unit state on the sine.
    async () => {
      await waitForFormula(page, /U: 8×8/);
      await playUntilPassed(page, 30_000, 'the RNN on the sine');
      await pause(page);
      // The formula's numbers are the engine's: its validation loss is the readout's.
      await page.waitForTimeout(200);
      assert.equal(await formulaNumber(page, /Jval = ([\d.e-]+)/), await number(page, 'val-loss'));
      // 8 input weights, 8×8 recurrent, 8 biases, an 8→1 readout and its bias: the engine's count.
      assert.match(await formula(page), /W: 1×8, U: 8×8, b: 8 · 89 parameters/);
    },
    // The free run.
    async () => {
      await page.click(id('free-run'));
      await page.waitForFunction(() => /Free run: \d+ steps/.test(document.querySelector('[data-testid="sequence-caption"]')?.textContent || ''), null, { timeout: 10_000 });
    },
    // A state of four units.
    async () => {
      await changeSession(page, 'state-size', 4);
      await waitForFormula(page, /U: 4×4/);
      await playUntilPassed(page, 30_000, 'a 4-unit state');
      assert.equal(await page.locator(id('hidden-state')).evaluate((c) => !c.hidden), true);
    },
    // The second frequency.
    async () => {
      const before = await session(page);
      await page.click(id('mix'));
      await waitForSession(page, { after: before, timeout: 15_000 });
      await playUntilPassed(page, 30_000, 'the mixed series');
    },
    // The challenge: two units of state, a larger rate.
    async () => {
      await waitForFormula(page, /U: 8×8/);
      await setRate(page, 0.03);
      await changeSession(page, 'state-size', 2);
      await waitForFormula(page, /H = 2 ≤ 2/);
      await playUntilPassed(page, 40_000, 'two units on the mixed series');
    },
  ]));
  await assertNoError(page);
}
