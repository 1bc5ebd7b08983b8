// The lessons rnn, interpretability, privacy and compute (issue 14), each
// walked as a learner would (lesson-walk.mjs): every step's check pending,
// then met by doing what the step says; and each formula showing the
// engine's numbers (the readouts beside it, or the engine's own count).
// Each is walked in English and in 简体中文 with the same actions: the words
// the formulas are matched by come from the lesson's own string table.

import assert from 'node:assert/strict';
import { id, text, number, setControl, waitForSession, waitForNumber, session, assertNoError, setSpeed, networkColumns, hoverNetwork } from './helpers.mjs';
import { walkLesson, waitForCheck, changeSession } from './lesson-walk.mjs';

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// The lesson's words in `lang` as regex sources: w(key, { n: '(\\d+)' }) is
// the table's entry, escaped, with its {placeholders} the given sources.
async function words(lesson, lang) {
  const table = (await import(new URL(`../../www/strings/lessons/${lesson}.${lang}.js`, import.meta.url).href)).default;
  return (key, vars = {}) => {
    assert.ok(key in table, `${lesson}.${lang} has no '${key}'`);
    return table[key].split(/(\{\w+\})/).map((part) => {
      const m = /^\{(\w+)\}$/.exec(part);
      return m && m[1] in vars ? String(vars[m[1]]) : escape(part);
    }).join('');
  };
}

// The formula as read (innerText: a line break is a space).
const formula = async (page) => (await page.locator(id('lesson-formula')).innerText()).replace(/\s+/g, ' ').trim();

// Play / Pause by the button's state (aria-pressed), in any language.
const playing = (page) => page.locator(id('play')).evaluate((b) => b.getAttribute('aria-pressed') === 'true');

async function pause(page) {
  if (await playing(page)) await page.click(id('play'));
  await page.waitForFunction(() => document.querySelector('[data-testid="play"]')?.getAttribute('aria-pressed') !== 'true');
}

// Play until the step's check passes, then pause.
async function playUntilPassed(page, timeout, what) {
  if (!(await playing(page))) await page.click(id('play'));
  await waitForCheck(page, 'passed', timeout, what);
  await pause(page);
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
    (src) => new RegExp(src).test((document.querySelector('[data-testid="lesson-formula"]')?.innerText || '').replace(/\s+/g, ' ').trim()),
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

// Each step's action, after checking that its text fits. LESSON_SHOTS=1
// also photographs every step as entered and as done (tmp-ID-N*.png).
const fitting = (page, lesson, actions) => actions.map((act, i) => async (arg) => {
  if (process.env.LESSON_SHOTS) await page.screenshot({ path: `test-results/screenshots/tmp-${lesson}-${i + 1}-entered.png` });
  await assertAsideFits(page, `${lesson} step ${i + 1}`);
  await act(arg);
  if (process.env.LESSON_SHOTS) await page.screenshot({ path: `test-results/screenshots/tmp-${lesson}-${i + 1}.png` });
});

async function setRate(page, value) {
  await setControl(page, 'learning-rate', value);
  await page.waitForFunction((v) => Number(document.querySelector('[data-testid="learning-rate"]').value) === v, value);
}

// --- rnn -------------------------------------------------------------------

function rnnSteps(page, w) {
  return fitting(page, 'rnn', [
    // Train the 16-unit state on the sine.
    async () => {
      await waitForFormula(page, /U: 8×8/);
      await playUntilPassed(page, 30_000, 'the RNN on the sine');
      await pause(page);
      // The formula's numbers are the engine's: its validation loss is the readout's.
      await page.waitForTimeout(200);
      assert.equal(await formulaNumber(page, /Jval = ([\d.e-]+)/), await number(page, 'val-loss'));
      // 8 input weights, 8×8 recurrent, 8 biases, an 8→1 readout and its bias: the engine's count.
      assert.match(await formula(page), new RegExp(`W: 1×8, U: 8×8, b: 8 · ${w('lesson.rnn.f.params', { n: 89 })}`));
    },
    // The free run.
    async () => {
      await page.click(id('free-run'));
      await page.waitForFunction(() => /Free run: \d+ steps|自由运行：在自己的预测上走了 \d+ 步/.test(document.querySelector('[data-testid="sequence-caption"]')?.textContent || ''), null, { timeout: 10_000 });
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
  ]);
}

export async function rnnLessonWalked(ctx) {
  await walkLesson(ctx, 'rnn', rnnSteps(ctx.page, await words('rnn', 'en')));
  await assertNoError(ctx.page);
}
rnnLessonWalked.timeout = 120_000;

export async function rnnLessonWalkedInChinese(ctx) {
  await walkLesson(ctx, 'rnn', rnnSteps(ctx.page, await words('rnn', 'zh-CN')), { lang: 'zh-CN' });
  await assertNoError(ctx.page);
}
rnnLessonWalkedInChinese.timeout = 120_000;

// --- interpretability --------------------------------------------------------

// Point at a hidden unit of column `col` of the network diagram; returns
// the tooltip ("layer L unit U, bias B").
async function pointAtUnit(page, col) {
  const cols = await networkColumns(page);
  const tip = await hoverNetwork(page, cols[col], new RegExp(`^(layer ${col} unit|第 ${col} 层单元)`));
  assert.ok(tip, `no unit of layer ${col} under the pointer`);
  return tip;
}

// The formula's unit equation names the hovered unit and ends in its bias,
// which the diagram's tooltip shows from the same weights.
async function assertEquationOfUnit(page, tip) {
  const m = /^(?:layer (\d+) unit (\d+), bias|第 (\d+) 层单元 (\d+)，偏置) (-?[\d.e-]+)/.exec(tip);
  const [layer, unit, bias] = [m[1] ?? m[3], m[2] ?? m[4], m[5]];
  await waitForFormula(page, new RegExp(`^h${layer}${unit} = tanh\\(`));
  const f = await formula(page);
  const last = /([−+]) ([\d.e-]+)\)$/.exec(f);
  assert.ok(last, `the equation "${f}" ends in a bias`);
  assert.equal((last[1] === '−' ? -1 : 1) * Number(last[2]), Number(bias), `the equation "${f}" has the bias of "${tip}"`);
}

function interpretabilitySteps(ctx, w, suffix) {
  const { page } = ctx;
  return fitting(page, 'interpretability', [
    // Train the 4-2 network on the circle.
    async () => {
      assert.match(await formula(page), new RegExp(w('lesson.interpretability.f.hover')));
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
      await waitForFormula(page, /^c = \d, P\(c\) = [\d.e-]+ Sij = \|∂zc \/ ∂xij\|$/);
    },
    // Click a mistake: its truth and the guess, with their probabilities.
    async () => {
      const first = page.locator(`${id('misclassified')} button`).first();
      await first.waitFor({ timeout: 10_000 });
      const title = await first.getAttribute('title'); // "a 9 taken for a 4 (…)"
      const m = /^(?:a (\d) taken for a (\d)|把 (\d) 认成了 (\d))/.exec(title);
      const [truth, guess] = [m[1] ?? m[3], m[2] ?? m[4]];
      await first.click();
      await waitForFormula(page, new RegExp(`${w('lesson.interpretability.f.truth')} ${truth}: P = [\\d.e-]+; ${w('lesson.interpretability.f.guess')} ${guess}: P = [\\d.e-]+`));
      assert.match(await formula(page), new RegExp(`^${w('lesson.interpretability.f.mistakes', { n: '\\d+', rows: '\\d+' })}`));
      await ctx.screenshot(`lesson-interpretability-4${suffix}`);
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
  ]);
}

export async function interpretabilityLessonWalked(ctx) {
  await walkLesson(ctx, 'interpretability', interpretabilitySteps(ctx, await words('interpretability', 'en'), ''));
  await assertNoError(ctx.page);
}
interpretabilityLessonWalked.timeout = 150_000;

export async function interpretabilityLessonWalkedInChinese(ctx) {
  await walkLesson(ctx, 'interpretability', interpretabilitySteps(ctx, await words('interpretability', 'zh-CN'), '-zh-CN'), { lang: 'zh-CN' });
  await assertNoError(ctx.page);
}
interpretabilityLessonWalkedInChinese.timeout = 150_000;

// --- compute -------------------------------------------------------------------

// FLOPs of one training step as the engine counts them (src/layers:
// a dense layer 2·in·out + out a row, an activation its width; backward
// twice forward; times the batch), for an MLP of 2 inputs and one output.
function flopsOfMlp(hidden, batch, inputs = 2) {
  let forward = 0;
  let width = inputs;
  for (const h of hidden) {
    forward += 2 * width * h + h + h; // dense, then tanh
    width = h;
  }
  forward += 2 * width + 1; // the output layer (its sigmoid is the loss's)
  return 3 * batch * forward;
}

const paramsOfMlp = (hidden, inputs = 2) => [...hidden, 1].reduce(([n, w], h) => [n + w * h + h, h], [0, inputs])[0];

// Paused: the formula's N is the step readout's (the same frame), and its
// N · F is N times this network's count of operations a step.
async function waitForSpent(page, perStep) {
  await pause(page);
  const n = await page.waitForFunction((perStep) => {
    const f = (document.querySelector('[data-testid="lesson-formula"]')?.innerText || '').replace(/\s+/g, ' ');
    const n = /N = (\d+)/.exec(f);
    const spent = /N · F = ([\d.e]+) MFLOP/.exec(f);
    const step = document.querySelector('[data-testid="step-count"]').textContent.trim();
    return n && spent && n[1] === step && Number(spent[1]) === Number((Number(step) * perStep / 1e6).toPrecision(4)) && Number(step);
  }, perStep, { timeout: 10_000, polling: 'raf' }).then((h) => h.jsonValue()).catch(async (e) => {
    throw new Error(`the formula "${await formula(page)}" does not spend ${perStep} FLOPs a step for the readout's steps`, { cause: e });
  });
  return n;
}

// Playing: the formula's R is the steps-a-second readout's (both rounded
// from the worker's rate), and its F · R that rate times `perStep`.
async function waitForRate(page, w, perStep) {
  await page.waitForFunction(({ perStep, src }) => {
    const f = (document.querySelector('[data-testid="lesson-formula"]')?.innerText || '').replace(/\s+/g, ' ');
    const m = new RegExp(src).exec(f);
    if (!m || !(Number(m[1]) > 0) || document.querySelector('[data-testid="steps-per-second"]').textContent.trim() !== m[1]) return false;
    return Math.abs(Number(m[2]) - (Number(m[1]) * perStep) / 1e6) <= 1e-3 * Number(m[2]);
  }, { perStep, src: `R = (\\d+) ${w('lesson.compute.f.perSecond')} F · R = ([\\d.e]+) MFLOP/s` }, { timeout: 10_000, polling: 'raf' });
}


// Speed to the top, Play, and the rate measured: the formula's R is the
// steps-a-second readout's, and its F · R that rate times this network's F.
async function measureRate(page, w, perStep) {
  await setSpeed(page, 1000);
  await page.click(id('play'));
  await waitForCheck(page, 'passed', 40_000, 'the rate at top speed');
  await waitForRate(page, w, perStep);
  await pause(page);
}

function computeSteps(page, w) {
  const cost = (hidden, inputs) => `^P = ${paramsOfMlp(hidden, inputs)} ${w('lesson.compute.f.params')}, B = 10 F = ${flopsOfMlp(hidden, 10, inputs)} ${w('lesson.compute.f.perStep')}`;
  return fitting(page, 'compute', [
    // One step's cost, then a large network's.
    async () => {
      await waitForFormula(page, new RegExp(cost([4])));
      await changeSession(page, 'hidden-layers', '64,64');
      await waitForFormula(page, new RegExp(cost([64, 64])));
    },
    // The large network to a validation loss of 0.02.
    async () => {
      await page.click(id('play'));
      await waitForCheck(page, 'passed', 40_000, 'the large network to 0.02');
      await waitForSpent(page, flopsOfMlp([64, 64], 10));
    },
    // Its rate at the top speed.
    async () => measureRate(page, w, flopsOfMlp([64, 64], 10)),
    // The small network to the same loss.
    async () => {
      await changeSession(page, 'hidden-layers', '4');
      await page.click(id('play'));
      await waitForCheck(page, 'passed', 40_000, 'the small network to 0.02');
      await waitForSpent(page, flopsOfMlp([4], 10));
    },
    async () => measureRate(page, w, flopsOfMlp([4], 10)),
    // The challenge: four units on the spiral's sine features, a larger rate.
    async () => {
      await setRate(page, 0.03);
      await changeSession(page, 'hidden-layers', '4');
      await waitForFormula(page, new RegExp(`^F = ${flopsOfMlp([4], 10, 4)} ${w('lesson.compute.f.perStep')}`));
      await page.click(id('play'));
      await waitForCheck(page, 'passed', 30_000, 'the spiral within 1 MFLOP');
      const n = await waitForSpent(page, flopsOfMlp([4], 10, 4));
      assert.ok(n * flopsOfMlp([4], 10, 4) <= 1e6, `the challenge passed after ${n} steps, over the budget`);
    },
  ]);
}

export async function computeLessonWalked(ctx) {
  await walkLesson(ctx, 'compute', computeSteps(ctx.page, await words('compute', 'en')));
  await assertNoError(ctx.page);
}
computeLessonWalked.timeout = 120_000;

export async function computeLessonWalkedInChinese(ctx) {
  await walkLesson(ctx, 'compute', computeSteps(ctx.page, await words('compute', 'zh-CN')), { lang: 'zh-CN' });
  await assertNoError(ctx.page);
}
computeLessonWalkedInChinese.timeout = 120_000;

// --- privacy -------------------------------------------------------------------

// A learner's own table: two rings (inside / outside radius 1.3) over two
// numbers and a category column, a gap now and then (seeded: every run the same file).
function ringsCsv(rows = 300) {
  let seed = 11;
  const r = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);
  const lines = ['x1,x2,colour,label'];
  for (let i = 0; i < rows; i++) {
    const a = r() * 4 - 2;
    const b = r() * 4 - 2;
    lines.push(`${a.toFixed(3)},${i % 97 === 5 ? '' : b.toFixed(3)},${['red', 'green', 'blue'][i % 3]},${a * a + b * b < 1.7 ? 'inside' : 'outside'}`);
  }
  return `${lines.join('\n')}\n`;
}

// Paused: the formula's N, J_train and J_val are the readouts'.
async function waitForReadouts(page) {
  await pause(page);
  await page.waitForFunction(() => {
    const f = (document.querySelector('[data-testid="lesson-formula"]')?.innerText || '').replace(/\s+/g, ' ');
    const r = (t) => document.querySelector(`[data-testid="${t}"]`).textContent.trim();
    const m = /N = (\d+) Jtrain = (\S+) Jval = (\S+)/.exec(f);
    return m && m[1] === r('step-count') && m[2] === r('train-loss') && m[3] === r('val-loss');
  }, null, { timeout: 10_000, polling: 'raf' }).catch(async (e) => {
    throw new Error(`the formula "${await formula(page)}" is not the readouts'`, { cause: e });
  });
}

function privacySteps(page, w) {
  return fitting(page, 'privacy', [
    // The learner's file, through the file input: the engine's reading of it.
    async () => {
      const before = await session(page);
      await page.locator(id('csv-input')).setInputFiles({ name: 'rings.csv', mimeType: 'text/csv', buffer: Buffer.from(ringsCsv()) });
      await waitForSession(page, { after: before, source: 'csv', timeout: 10_000 });
      // 300 rows; x1, x2 and one input per colour; inside / outside.
      await waitForFormula(page, new RegExp(`^${w('lesson.privacy.f.rows', { n: 300 })}, ${w('lesson.privacy.f.dropped', { n: 4 })} → 208 · 44 · 44 \\(${w('lesson.privacy.f.split')}\\) `
        + `${w('lesson.privacy.f.inputs', { n: 5 })}, ${w('lesson.privacy.f.classes', { n: 2 })}$`));
      // The panel's own summary of the same reading.
      assert.match(await text(page, 'csv-status'), /296 (rows|行) → 5 \D*2 \D*208 \D*44 \D*44/);
    },
    // Trained in the tab.
    async () => {
      await page.click(id('play'));
      await waitForCheck(page, 'passed', 30_000, 'the file trained');
      await waitForReadouts(page);
    },
    // The network off (as the network panel's Offline does), and training on.
    async () => {
      await page.context().setOffline(true);
      await page.click(id('play'));
      await waitForFormula(page, new RegExp(`^${w('lesson.privacy.f.offline')}`));
      await waitForCheck(page, 'passed', 30_000, 'trained offline');
      await waitForReadouts(page);
    },
    // The page's policy as its <meta> states it, and a run from Reset, offline throughout.
    async () => {
      const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
      assert.match(csp, /connect-src 'none'/);
      await waitForFormula(page, /^connect-src 'none'; default-src 'self' /);
      assert.match(csp, /default-src 'self'/);
      const before = await session(page);
      await page.click(id('reset'));
      await waitForSession(page, { after: before, source: 'csv', timeout: 10_000 });
      await page.click(id('play'));
      await waitForCheck(page, 'passed', 30_000, 'the offline run to half its first loss');
      await pause(page);
      assert.match(await formula(page), new RegExp(`${w('lesson.privacy.f.offline')} N = \\d+ Jval = \\S+ ≤ ½ · \\S+ = \\S+$`));
    },
  ]);
}

async function walkPrivacy(ctx, lang) {
  try {
    await walkLesson(ctx, 'privacy', privacySteps(ctx.page, await words('privacy', lang)), lang === 'en' ? {} : { lang });
  } finally {
    await ctx.page.context().setOffline(false);
  }
  await assertNoError(ctx.page);
}

export async function privacyLessonWalked(ctx) {
  await walkPrivacy(ctx, 'en');
}
privacyLessonWalked.timeout = 120_000;

export async function privacyLessonWalkedInChinese(ctx) {
  await walkPrivacy(ctx, 'zh-CN');
}
privacyLessonWalkedInChinese.timeout = 120_000;
