// The foundation lesson, now the playground's `lesson` preset
// (index.html#preset=article): load, step, play/pause, reset and divergence. Uses only the page's stable data-testid hooks:
//   play, step, reset        buttons
//   learning-rate            <input>; set its value, dispatch 'input' + 'change'
//   step-count               text containing the step number
//   train-loss               text containing the current training loss
//   loss-chart               the loss chart
//   error                    role=alert region, empty when all is well
// Run by tests/e2e/run.mjs, which also fails a test on any console error,
// uncaught page error or request that leaves the local server.

import assert from 'node:assert/strict';

const id = (name) => `[data-testid="${name}"]`;
const NUMBER = /[-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?/i;

function parseNumber(text) {
  const m = String(text ?? '').replace(/\u2212/g, '-').replace(/(\d),(?=\d{3}\b)/g, '$1').match(NUMBER);
  return m ? Number(m[0]) : NaN;
}

async function text(page, name) {
  return (await page.locator(id(name)).textContent({ timeout: 5000 })) ?? '';
}

async function number(page, name) {
  return parseNumber(await text(page, name));
}

// Resolves once the hook's number compares to `value` as `op` says ('>=' or
// '=='); the page-side poll runs every animation frame.
async function waitForNumber(page, name, op, value, timeout, what) {
  try {
    await page.waitForFunction(
      ({ sel, op, value, pattern }) => {
        const el = document.querySelector(sel);
        if (!el) return false;
        const t = (el.textContent || '').replace(/\u2212/g, '-').replace(/(\d),(?=\d{3}\b)/g, '$1');
        const m = t.match(new RegExp(pattern, 'i'));
        if (!m) return false;
        const n = Number(m[0]);
        return op === '>=' ? n >= value : n === value;
      },
      { sel: id(name), op, value, pattern: NUMBER.source },
      { timeout, polling: 'raf' },
    );
  } catch (e) {
    throw new Error(
      `${what}: ${name} is "${(await text(page, name)).trim()}" after ${timeout / 1000} s (wanted ${op} ${value})`,
      { cause: e },
    );
  }
}

// Open the lesson and wait until the wasm module has started: the controls
// exist and are enabled, and step-count shows a number.
async function open(page, baseUrl) {
  await page.goto(`${baseUrl}/index.html#preset=article`, { waitUntil: 'load' });
  try {
    await page.waitForFunction(
      (hooks) =>
        hooks.every((h) => {
          const el = document.querySelector(`[data-testid="${h}"]`);
          return el && !el.disabled && !el.hasAttribute('aria-disabled');
        }) && /\d/.test(document.querySelector('[data-testid="step-count"]')?.textContent || ''),
      ['play', 'step', 'reset', 'learning-rate', 'step-count', 'train-loss', 'loss-chart', 'error'],
      { timeout: 15_000 },
    );
  } catch (e) {
    const missing = await page.evaluate(
      (hooks) => hooks.filter((h) => !document.querySelector(`[data-testid="${h}"]`)),
      ['play', 'step', 'reset', 'learning-rate', 'step-count', 'train-loss', 'loss-chart', 'error'],
    );
    const err = missing.includes('error') ? '' : (await text(page, 'error')).trim();
    throw new Error(
      `page not ready after 15 s (missing hooks: ${missing.join(', ') || 'none'}; error: "${err}")`,
      { cause: e },
    );
  }
}

async function assertNoError(page) {
  const err = (await text(page, 'error')).trim();
  assert.equal(err, '', `the error region shows: "${err}"`);
}

// Step count stays the same for `ms`: training is not running.
async function assertPaused(page, ms = 800) {
  const before = await number(page, 'step-count');
  await page.waitForTimeout(ms);
  const after = await number(page, 'step-count');
  assert.equal(after, before, `step-count kept moving (${before} -> ${after}) while it should be paused`);
}

async function setLearningRate(page, value) {
  const read = await page.locator(id('learning-rate')).evaluate((el, v) => {
    el.value = String(v);
    el.dispatchEvent(new Event('input', { bubbles: true }));
    el.dispatchEvent(new Event('change', { bubbles: true }));
    return el.value;
  }, value);
  assert.equal(Number(read), value, `learning-rate input holds "${read}" after setting ${value}`);
}

export async function loadsWithoutErrors({ page, baseUrl }) {
  await open(page, baseUrl);
  // Give any late asynchronous failure a moment to reach the console.
  await page.waitForTimeout(500);
  await assertNoError(page);
  assert.equal(await number(page, 'step-count'), 0, 'a fresh lesson starts at step 0');
  assert.ok(await page.locator(id('loss-chart')).isVisible(), 'loss-chart is visible');
}

export async function stepTakesOneStep({ page, baseUrl }) {
  await open(page, baseUrl);
  await page.locator(id('step')).click();
  await waitForNumber(page, 'step-count', '>=', 1, 5000, 'after one click on step');
  await page.waitForTimeout(300);
  assert.equal(await number(page, 'step-count'), 1, 'one click on step makes step-count exactly 1');
  const loss = await number(page, 'train-loss');
  assert.ok(Number.isFinite(loss), `train-loss shows a number after a step: "${await text(page, 'train-loss')}"`);
  await assertNoError(page);
}

export async function playTrainsAndPauses({ page, baseUrl, screenshot }) {
  await open(page, baseUrl);
  // Record every value train-loss shows from now on, to compare the first
  // with the latest whatever the speed of training.
  await page.evaluate((sel) => {
    const el = document.querySelector(sel);
    const seen = (window.__e2eLosses = []);
    const NUMBER = /[-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?/i;
    const note = () => {
      const m = (el.textContent || '').replace(/\u2212/g, '-').match(NUMBER);
      if (m && Number.isFinite(Number(m[0])) && seen[seen.length - 1] !== Number(m[0])) seen.push(Number(m[0]));
    };
    note();
    new MutationObserver(note).observe(el, { childList: true, subtree: true, characterData: true });
  }, id('train-loss'));
  const start = await number(page, 'step-count');
  await page.locator(id('play')).click();
  try {
    await page.waitForFunction(
      ({ sel, start }) => {
        const s = Number(((document.querySelector(sel)?.textContent || '').match(/\d+/) || [NaN])[0]);
        const l = window.__e2eLosses;
        return s > start && l.length >= 2 && l[l.length - 1] < l[0];
      },
      { sel: id('step-count'), start },
      { timeout: 10_000, polling: 'raf' },
    );
  } catch (e) {
    const losses = await page.evaluate(() => window.__e2eLosses);
    throw new Error(
      `after 10 s of play: step-count "${(await text(page, 'step-count')).trim()}" (from ${start}), ` +
        `train-loss values seen: [${losses.slice(0, 5).join(', ')}${losses.length > 5 ? ', ...' : ''}] ` +
        `(latest ${losses[losses.length - 1]}); expected the step to rise and the loss to fall`,
      { cause: e },
    );
  }
  // Pause, and check it stays paused.
  await page.locator(id('play')).click();
  await page.waitForTimeout(200);
  await assertPaused(page);
  assert.ok((await number(page, 'step-count')) > start, 'step-count rose');
  await assertNoError(page);
  await screenshot('lesson-trained');
}

export async function resetGoesBackToZero({ page, baseUrl }) {
  await open(page, baseUrl);
  await page.locator(id('step')).click();
  await waitForNumber(page, 'step-count', '>=', 1, 5000, 'after a click on step');
  await page.locator(id('step')).click();
  await waitForNumber(page, 'step-count', '>=', 2, 5000, 'after a second click on step');
  await page.locator(id('reset')).click();
  await waitForNumber(page, 'step-count', '==', 0, 5000, 'after reset');
  await assertNoError(page);
}

export async function highLearningRateDiverges({ page, baseUrl, screenshot }) {
  await open(page, baseUrl);
  await setLearningRate(page, 0.1);
  await page.locator(id('play')).click();
  try {
    await page.waitForFunction(
      (sel) => /diverg/i.test(document.querySelector(sel)?.textContent || ''),
      id('error'),
      { timeout: 10_000, polling: 'raf' },
    );
  } catch (e) {
    throw new Error(
      `no divergence message after 10 s at learning rate 0.1: error is "${(await text(page, 'error')).trim()}", ` +
        `step-count "${(await text(page, 'step-count')).trim()}", train-loss "${(await text(page, 'train-loss')).trim()}"`,
      { cause: e },
    );
  }
  const role = await page.locator(id('error')).getAttribute('role');
  assert.equal(role, 'alert', 'the error region has role=alert');
  // Training stops by itself on divergence.
  await assertPaused(page);
  await screenshot('lesson-diverged');
}

// Run order (the harness otherwise runs exports alphabetically).
export const tests = [
  loadsWithoutErrors,
  stepTakesOneStep,
  playTrainsAndPauses,
  resetGoesBackToZero,
  highLearningRateDiverges,
];
