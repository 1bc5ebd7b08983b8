// Walking a lesson as a learner would (not a test file: the lessons' test
// files call it). For each step: the check is pending and Next disabled,
// the test does what the step's text asks (its `do` action), the check
// passes and Next is enabled, then Next. The first and last steps are
// photographed.

import assert from 'node:assert/strict';
import { id, open, text, setControl, waitForSession, session } from './helpers.mjs';

export const stepText = (page) => text(page, 'lesson-step');

// Wait until the lesson panel shows step n of `id`.
export async function waitForStep(page, lesson, n, timeout = 10_000) {
  await page.waitForFunction(
    ({ lesson, n }) => {
      const p = document.querySelector('[data-testid="lesson-progress"]')?.textContent || '';
      return location.hash.includes(`lesson=${lesson}&step=${n}`) && p.trim().startsWith(`${n} /`);
    },
    { lesson, n },
    { timeout, polling: 'raf' },
  );
}

export async function waitForCheck(page, state, timeout, what) {
  try {
    await page.waitForFunction((state) => document.querySelector('[data-testid="lesson-check"]')?.dataset.state === state, state, { timeout, polling: 'raf' });
  } catch (e) {
    const t = await text(page, 'lesson-check');
    const err = await text(page, 'error');
    throw new Error(`${what}: the check is "${t}" (wanted ${state}) after ${timeout / 1000} s; error region "${err}"`, { cause: e });
  }
}

// Train with Play until the check passes (or `timeout`), then pause.
export async function playUntilPassed(page, timeout = 30_000, what = 'training') {
  await page.click(id('play'));
  await waitForCheck(page, 'passed', timeout, what);
  // Still playing (aria-pressed, in either language): pause it.
  if ((await page.locator(id('play')).getAttribute('aria-pressed')) === 'true') await page.click(id('play'));
}

// Set a control and wait for the new session it builds.
export async function changeSession(page, name, value) {
  const before = await session(page);
  await setControl(page, name, value);
  await waitForSession(page, { after: before, timeout: 15_000 });
}

// `steps`: one async ({ page }) action per step of the lesson, doing what it asks.
// `lang` opens the lesson in that language (its screenshots named with it):
// the actions drive controls by data-testid, so one walk serves both.
export async function walkLesson({ page, baseUrl, screenshot }, lesson, steps, { lang } = {}) {
  await page.setViewportSize({ width: 1366, height: 768 });
  await open(page, baseUrl, `#lesson=${lesson}${lang ? `&lang=${lang}` : ''}`);
  const shot = (name) => screenshot(lang ? `${name}-${lang}` : name);
  await waitForStep(page, lesson, 1);
  const total = Number((await text(page, 'lesson-progress')).split('/')[1]);
  assert.equal(total, steps.length, `the test walks ${steps.length} steps of ${lesson}, the lesson has ${total}`);
  for (let n = 1; n <= total; n++) {
    await waitForStep(page, lesson, n);
    assert.equal(await page.locator(id('lesson-check')).getAttribute('data-state'), 'pending', `${lesson} step ${n}: the check holds before the learner did anything`);
    assert.ok(await page.locator(id('lesson-next')).isDisabled(), `${lesson} step ${n}: Next is enabled before the check holds`);
    assert.ok((await stepText(page)).length > 40, `${lesson} step ${n} has no text`);
    if (n === 1) await shot(`lesson-${lesson}-first`);
    await steps[n - 1]({ page });
    await waitForCheck(page, 'passed', 30_000, `${lesson} step ${n}`);
    assert.ok(await page.locator(id('lesson-next')).isEnabled(), `${lesson} step ${n}: Next is disabled though the check holds`);
    if (n === total) await shot(`lesson-${lesson}-last`);
    if (n < total) await page.click(id('lesson-next'));
  }
}
