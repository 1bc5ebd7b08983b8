// The lessons backprop, validation, testing and cnn (issue 14), each walked
// step by step as a learner would (lesson-walk.mjs): the test does what the
// step's text asks, and checks that the step's formula shows the engine's
// numbers (the readouts, the step-through's test hook).

import assert from 'node:assert/strict';
import { id, text, number, setControl, waitForSession, waitForNumber, session, assertNoError, parseNumber, drawStroke } from './helpers.mjs';
import { walkLesson, waitForCheck, changeSession as changeOnce } from './lesson-walk.mjs';

const PHASES = ['forward', 'loss', 'backward', 'update'];

// The page's words in each language (the tables the page bundles, lessons
// spread in): the formulas' words and the notes the actions read.
const WORDS = {
  en: (await import('../../www/strings/en.js')).default,
  'zh-CN': (await import('../../www/strings/zh-CN.js')).default,
};
const escapeRe = (t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// A string table's template ('Best: {loss} at step {best}.') as a pattern
// whose named groups read its numbers back.
const template = (t) => new RegExp(escapeRe(t).replace(/\\\{(\w+)\\\}/g, '(?<$1>\\S+?)'));

// Play (its button shows whether it plays: aria-pressed, in any language).
// A press read from a button just re-rendered can toggle the wrong way (a
// new session stops Play on its own), so press again until it stays paused.
async function pause(page) {
  const playing = () => page.evaluate(() => document.querySelector('[data-testid="play"]')?.getAttribute('aria-pressed') === 'true');
  for (let i = 0; i < 5; i++) {
    if (await playing()) await page.click(id('play'));
    const paused = await page.waitForFunction(() => document.querySelector('[data-testid="play"]')?.getAttribute('aria-pressed') !== 'true', null, { timeout: 2000 })
      .then(() => true, () => false);
    if (paused) {
      await page.waitForTimeout(100);
      if (!(await playing())) return;
    }
  }
  throw new Error('Play would not pause');
}

// Wait until no newer session comes for `quiet` ms: a change of setting
// can build more than one, and a session built while playing stops Play.
async function settled(page, quiet = 600) {
  for (let last = await session(page); ;) {
    await page.waitForTimeout(quiet);
    const now = await session(page);
    if (now === last && await page.locator(id('play')).isEnabled()) return;
    last = now;
  }
}

// Set a control, wait for the session it builds and for no other to follow.
async function changeSession(page, name, value) {
  await changeOnce(page, name, value);
  await settled(page);
}

// Train with Play until the step's check passes, then pause.
async function playUntilPassed(page, timeout, what) {
  await page.click(id('play'));
  await waitForCheck(page, 'passed', timeout, what);
  await pause(page);
}

// walkLesson, with a picture of the screen (1366×768, not the whole page)
// at every step once its check passed when LESSON_PEEK is set.
// `lang` walks it in that language: the actions drive controls by
// data-testid and read numbers, so one list of actions serves both.
const walk = (ctx, lesson, actions, { lang } = {}) => walkLesson(ctx, lesson, actions.map((act, i) => async (c) => {
  await act(c);
  if (!process.env.LESSON_PEEK) return;
  await waitForCheck(c.page, 'passed', 30_000, `${lesson} step ${i + 1}`);
  await c.page.screenshot({ path: `test-results/screenshots/peek-${lesson}-${i + 1}${lang ? `-${lang}` : ''}.png` }); // the 1366×768 screen only
}), { lang });

// The step-through's test hook (instruments.js): the trace, the weights, the training rows.
const instruments = (page) =>
  page.evaluate(() => new Promise((reply) => document.dispatchEvent(new CustomEvent('descent:debug', { detail: { type: 'instruments', reply } }))));

const formula = async (page) => (await text(page, 'lesson-formula')).replace(/\s+/g, ' ');

// Wait until each formula number (the pattern's group 1) is its readout's:
// once paused, the formula and the readouts draw the same last frame.
async function sameAsReadouts(page, pairs) {
  const args = pairs.map(([re, testid]) => [re.source, testid]);
  await page.waitForFunction((args) => {
    const f = document.querySelector('[data-testid="lesson-formula"]').textContent.replace(/\s+/g, ' ');
    const num = (t) => Number.parseFloat(String(t ?? '').replace(/\u2212/g, '-'));
    return args.every(([re, testid]) => num(new RegExp(re).exec(f)?.[1]) === num(document.querySelector(`[data-testid="${testid}"]`)?.textContent));
  }, args, { timeout: 5000 }).catch(async (e) => {
    throw new Error(`the formula "${await formula(page)}" does not show the readouts ${pairs.map((p) => p[1])}`, { cause: e });
  });
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

const backpropSteps = () => [
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
];

const validationSteps = (w) => [
    // Play until the validation loss turns up; the formula's losses are the readouts.
    async ({ page }) => {
      assert.ok(await page.locator(id('show-val')).isChecked(), 'the validation points are shown');
      await playUntilPassed(page, 40_000, 'overfitting');
      const min = escapeRe(w['lesson.validation.f.min']);
      await sameAsReadouts(page, [[/Jtrain = (\S+),/, 'train-loss'], [new RegExp(`Jval = (\\S+?)(?:${min}|$)`), 'val-loss']]);
      const f = await formula(page);
      const low = parseNumber(new RegExp(`${min} Jval = (\\S+)`).exec(f)?.[1]);
      assert.ok(await number(page, 'val-loss') > low, `the validation loss is above its lowest (${low}): "${f}"`);
    },
    // Early stopping on: Play until it stops; the note and the formula say where the best was.
    async ({ page }) => {
      assert.match(await page.evaluate(() => location.hash), /early=5,0/);
      await page.click(id('play'));
      await page.locator(id('early-note')).waitFor({ state: 'visible', timeout: 40_000 });
      const note = await text(page, 'early-text');
      const read = template(w['early.note']).exec(note)?.groups;
      assert.ok(read, `the note is the table's: "${note}"`);
      const best = Number(read.best);
      await page.waitForFunction((b) => new RegExp(`t = ${b}\\)`).test(document.querySelector('[data-testid="lesson-formula"]').textContent), best);
      const f = await formula(page);
      assert.equal(parseNumber(new RegExp(`Jval\\(t = ${best}\\) = (\\S+)`).exec(f)?.[1]), parseNumber(read.loss), `the best loss is the note's: "${f}" / "${note}"`);
    },
    // Back to the best weights.
    async ({ page }) => {
      await page.click(id('restore-best'));
      await waitForCheck(page, 'passed', 10_000, 'restore-best');
      const f = await formula(page);
      const [now, best] = [parseNumber(/Jval = (\S+),/.exec(f)?.[1]), parseNumber(new RegExp(`${escapeRe(w['lesson.validation.f.best'])} Jval = (\\S+)`).exec(f)?.[1])];
      assert.equal(now, best, `the validation loss is the best one: "${f}"`);
      assert.equal(now, await number(page, 'val-loss'));
    },
    // The challenge: a smaller network, 1000 updates.
    async ({ page }) => {
      // The step turns early stopping off; the note goes with the next frame.
      await page.locator(id('early-note')).waitFor({ state: 'hidden', timeout: 10_000 });
      await changeSession(page, 'hidden-layers', '4');
      await playUntilPassed(page, 60_000, 'a 4-unit network for 1000 updates');
      assert.ok(await number(page, 'step-count') >= 1000);
      assert.ok(await number(page, 'val-loss') < 0.5);
    },
];

// --- testing -----------------------------------------------------------------


// The formula's percentages: acc_val and acc_test (the engine's scores).
const percentAfter = (f, name, w) => parseNumber(new RegExp(`${w['lesson.testing.f.acc']}${name} = (\\S+) %`).exec(f)?.[1]);

// Play until the validation accuracy (the readout) is at least `value` %
// on the weights on screen once paused.
async function trainToValAccuracy(page, value, timeout, what) {
  const t0 = Date.now();
  for (;;) {
    await page.click(id('play'));
    await waitForNumber(page, 'val-accuracy', '>=', value, timeout, what);
    await pause(page);
    await page.waitForTimeout(100); // the paused frame's readouts
    if (await number(page, 'val-accuracy') >= value) return;
    assert.ok(Date.now() - t0 < timeout, `${what}: below ${value} % once paused`);
  }
}

const testingSteps = (w, acc = escapeRe(w['lesson.testing.f.acc'])) => [
  // Play until 85 % on validation; the splits and scores are the engine's.
  async ({ page }) => {
    const f0 = await formula(page);
    assert.match(f0, /ntrain = 140, nval = 30, ntest = 30/, `the splits' sizes: "${f0}"`);
    await playUntilPassed(page, 30_000, '85 % on validation');
    await sameAsReadouts(page, [[new RegExp(`${acc}val = (\\S+) %`), 'val-accuracy']]);
  },
  // Paused: one test evaluation; its score in the formula is the panel's.
  async ({ page }) => {
    assert.doesNotMatch(await formula(page), new RegExp(`${acc}test = [\\d.]+ %`), 'the test split is sealed');
    await page.click(id('evaluate-test'));
    await waitForCheck(page, 'passed', 10_000, 'evaluate the test set');
    await page.waitForFunction(() => /\d/.test(document.querySelector('[data-testid="test-metrics"]')?.textContent || ''));
    const f = await formula(page);
    const metrics = await text(page, 'test-metrics');
    const testAcc = parseNumber(/(0\.\d+|1)\b/.exec(metrics.split(/[:：]/).slice(1).join(':'))?.[1]);
    assert.equal(percentAfter(f, 'test', w), Math.round(testAcc * 1000) / 10, `the test accuracy is the panel's: "${f}" / "${metrics}"`);
  },
  // A second model: 16 units, trained 300 updates; the test sealed again.
  async ({ page }) => {
    await changeSession(page, 'hidden-layers', '16');
    const f = await formula(page);
    assert.match(f, /\[16\]/, `the formula names the new model: "${f}"`);
    assert.doesNotMatch(f, new RegExp(`${acc}test = [\\d.]+ %`), `the new model's test split is sealed: "${f}"`);
    await playUntilPassed(page, 30_000, 'a second model for 300 updates');
  },
  // The challenge: the spiral, 8 units and the sin features, then one look.
  async ({ page }) => {
    await waitForFormula(page, new RegExp(`\\[8\\].*${w['lesson.testing.f.units']} = 8 ≤ 8`)); // the spiral's session, not step 3's
    await settled(page);
    const before = await session(page);
    for (const feature of ['sin(x1)', 'sin(x2)']) await page.locator(`${id('features')} input[value="${feature}"]`).check();
    await page.waitForFunction(() => /features=[^&]*sin\(x1\)[^&]*sin\(x2\)/.test(decodeURIComponent(location.hash)), null, { timeout: 5000 });
    await waitForSession(page, { after: before, timeout: 15_000 });
    await settled(page);
    await playUntilPassed(page, 40_000, 'the spiral to 90 % on validation');
    assert.doesNotMatch(await formula(page), new RegExp(`${acc}test = [\\d.]+ %`), 'the test split is still sealed');
  },
  // The one look: paused at 90 % or more, the test split evaluated once.
  async ({ page }) => {
    await trainToValAccuracy(page, 90, 40_000, 'the spiral at 90 % on validation, paused');
    await page.click(id('evaluate-test'));
    await waitForCheck(page, 'passed', 10_000, 'one look at the test set');
    const f = await formula(page);
    assert.match(f, /\[8\]/, `the chosen model: "${f}"`);
    await sameAsReadouts(page, [[new RegExp(`${acc}val = (\\S+) %`), 'val-accuracy']]);
  },
];


// --- cnn ---------------------------------------------------------------------

// The percentages the Prediction bars show, by digit.
const bars = (page) => page.locator(`${id('class-probabilities')} li`).evaluateAll((lis) => lis.map((li) => li.querySelector('.pct').textContent));

const cnnSteps = () => [
  // Play to 90 %; the shapes are the engine's parameters and layer outputs.
  async ({ page }) => {
    await waitForFormula(page, /x: 1×8×8, W: 3×3×1×8, b: 8 \(80 \S+\)/);
    await waitForFormula(page, /z: 8×8×8/);
    assert.equal(await page.locator(id('filters-view')).evaluate((c) => c.dataset.filters), '8', 'eight filters drawn');
    await playUntilPassed(page, 30_000, 'the CNN to 95 %');
  },
  // Draw a 1; the formula's guess is the Prediction panel's winner.
  async ({ page }) => {
    await drawStroke(page, [[0.35, 0.3], [0.55, 0.1], [0.55, 0.9]]);
    await waitForCheck(page, 'passed', 10_000, 'a digit drawn');
    const winner = await page.locator(id('class-probabilities')).evaluate((ol) => ol.dataset.winner);
    await waitForFormula(page, new RegExp(`ŷ = ${winner},`));
    const f = await formula(page);
    const [, neg, total, zeros, total2] = /z < 0: (\d+) \/ (\d+) → a = 0: (\d+) \/ (\d+)/.exec(f) || [];
    assert.equal(total, '512', `8 maps of 8×8: "${f}"`);
    assert.equal(total2, '512');
    assert.ok(Number(zeros) >= Number(neg) && Number(neg) > 0, `every negative sum is a 0 after the ReLU: "${f}"`);
    const p = parseNumber(new RegExp(`P\\(${winner}\\) = (\\S+) %`).exec(f)?.[1]);
    const shown = parseNumber((await bars(page))[Number(winner)]);
    assert.ok(Math.abs(p - shown) <= 0.5, `P(${winner}) ${p} % is the bar's ${shown} %`);
  },
  // Two filters: a new model, trained to 90 %.
  async ({ page }) => {
    await waitForFormula(page, /max2×2: 8×8×8 → 8×4×4 ?Wout: 128×10 → softmax/);
    await changeSession(page, 'filters', '2');
    await waitForFormula(page, /max2×2: 2×8×8 → 2×4×4 ?Wout: 32×10/);
    await playUntilPassed(page, 30_000, 'two filters to 90 %');
    assert.equal(await page.locator(id('filters-view')).evaluate((c) => c.dataset.filters), '2', 'two filters drawn');
  },
  // The challenge: a larger learning rate, Reset, Play.
  async ({ page }) => {
    await waitForFormula(page, /α = 0\.01, \S+: 8, t = 0 \/ 1000/);
    await setRate(page, 0.03);
    await resetAndWait(page);
    await playUntilPassed(page, 30_000, 'the CNN at α = 0.03');
    const f = await formula(page);
    assert.match(f, /α = 0\.03,/, `the formula shows the rate: "${f}"`);
    assert.ok(await number(page, 'step-count') <= 1100);
    await sameAsReadouts(page, [[/(\S+) % (?:≥|<) 98 %/, 'val-accuracy']]);
  },
];


// --- the walks, in English and in Chinese ------------------------------------

// One test per lesson and language: the same actions, the words of that language.
function walked(lesson, steps, lang = null) {
  const test = async (ctx) => {
    await walk(ctx, lesson, steps(WORDS[lang || 'en']), { lang });
    if (lang) await assertInLanguage(ctx.page, lesson, lang);
    await assertNoError(ctx.page);
  };
  test.timeout = 120_000;
  return test;
}

// The lesson panel in that language: its title is the table's, and no
// word of English is left in its text, formula or check (Latin letters
// appear only as symbols: J, W, x, tanh, ReLU, softmax, max, ...).
async function assertInLanguage(page, lesson, lang) {
  assert.equal(await page.locator('html').getAttribute('lang'), lang);
  const panel = await page.locator(id('lesson-panel')).innerText();
  assert.ok(panel.includes(WORDS[lang][`lesson.${lesson}.title`]), `the ${lang} title of ${lesson} is shown`);
  const symbols = new Set(['tanh', 'sigmoid', 'softmax', 'max', 'min', 'min', 'ReLU', 'minDelta', 'acc', 'val', 'test', 'train', 'out', 'CNN', 'L2', 'ε', 'δ', 'Wout']);
  // A symbol with a split as its subscript reads as one word in innerText: Jtrain, Jval.
  const english = (panel.match(/[A-Za-z]{3,}/g) || []).filter((t) => !symbols.has(t) && !/^J(train|val|test)$/.test(t));
  assert.ok(!english.length, `${lesson} in ${lang}: English left in the lesson panel: ${english.join(', ')}; in "${panel.replace(/\s+/g, ' ')}"`);
}

export const backpropLessonWalked = walked('backprop', backpropSteps);
export const validationLessonWalked = walked('validation', validationSteps);
export const testingLessonWalked = walked('testing', testingSteps);
export const cnnLessonWalked = walked('cnn', cnnSteps);
export const backpropLessonWalkedInChinese = walked('backprop', backpropSteps, 'zh-CN');
export const validationLessonWalkedInChinese = walked('validation', validationSteps, 'zh-CN');
export const testingLessonWalkedInChinese = walked('testing', testingSteps, 'zh-CN');
export const cnnLessonWalkedInChinese = walked('cnn', cnnSteps, 'zh-CN');
