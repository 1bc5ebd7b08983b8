// The lessons rnn, interpretability, privacy and compute (issue 14), each
// walked as a learner would (lesson-walk.mjs): every step's check pending,
// then met by doing what the step says; and each formula showing the
// engine's numbers (the readouts beside it, or the engine's own count).

import assert from 'node:assert/strict';
import { id, text, number, setControl, waitForSession, waitForNumber, session, assertNoError, networkColumns, hoverNetwork } from './helpers.mjs';
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

// --- interpretability --------------------------------------------------------

// Point at a hidden unit of column `col` of the network diagram; returns
// the tooltip ("layer L unit U, bias B").
async function pointAtUnit(page, col) {
  const cols = await networkColumns(page);
  const tip = await hoverNetwork(page, cols[col], new RegExp(`^layer ${col} unit`));
  assert.ok(tip, `no unit of layer ${col} under the pointer`);
  return tip;
}

// The formula's unit equation names the hovered unit and ends in its bias,
// which the diagram's tooltip shows from the same weights.
async function assertEquationOfUnit(page, tip) {
  const [, layer, unit, bias] = /^layer (\d+) unit (\d+), bias (-?[\d.e-]+)/.exec(tip);
  await waitForFormula(page, new RegExp(`^h${layer}${unit} = tanh\\(`));
  const f = await formula(page);
  const last = /([−+]) ([\d.e-]+)\)$/.exec(f);
  assert.ok(last, `the equation "${f}" ends in a bias`);
  assert.equal((last[1] === '−' ? -1 : 1) * Number(last[2]), Number(bias), `the equation "${f}" has the bias of "${tip}"`);
}

export async function interpretabilityLessonWalked(ctx) {
  const { page } = ctx;
  await walkLesson(ctx, 'interpretability', fitting(page, 'interpretability', [
    // Train the 4-2 network on the circle.
    async () => {
      assert.match(await formula(page), /Point at a unit/);
      await playUntilPassed(page, 30_000, 'the circle');
      await pause(page);
    },
    // Point at a unit of layer 2: its equation, with the diagram's own bias.
    async () => {
      const tip = await pointAtUnit(page, 2);
      await assertEquationOfUnit(page, tip);
      assert.equal((await formula(page)).match(/·h1\d/g)?.length, 4, 'a second-layer unit reads the four units of layer 1');
    },
    // The digits CNN to 90 %: the saliency's largest pixel.
    async () => {
      await page.mouse.move(0, 0);
      await playUntilPassed(page, 40_000, 'the digits CNN');
      await pause(page);
      await waitForFormula(page, /^c = \d, P\(c\) = [\d.e-]+ ?Sij = \|∂zc \/ ∂xij\|$/);
    },
    // Click a mistake: its truth and the guess, with their probabilities.
    async () => {
      const first = page.locator(`${id('misclassified')} button`).first();
      await first.waitFor({ timeout: 10_000 });
      const title = await first.getAttribute('title'); // "a 9 taken for a 4 (…)"
      const [, truth, guess] = /^a (\d) taken for a (\d)/.exec(title);
      await first.click();
      await waitForFormula(page, new RegExp(`truth ${truth}: P = [\\d.e-]+; guess ${guess}: P = [\\d.e-]+`));
      assert.match(await formula(page), /^\d+ of \d+ validation images wrong/);
      await ctx.screenshot('lesson-interpretability-4');
    },
    // The challenge: three units on the circle, then point at one.
    async () => {
      await changeSession(page, 'hidden-layers', '3');
      for (let tries = 0; tries < 3; tries++) {
        await page.click(id('play'));
        await waitForNumber(page, 'val-accuracy', '>=', 95, 30_000, 'three units on the circle');
        await pause(page);
        if ((await number(page, 'val-accuracy')) >= 95) break;
      }
      const tip = await pointAtUnit(page, 1);
      await assertEquationOfUnit(page, tip);
    },
  ]));
  await assertNoError(page);
}
