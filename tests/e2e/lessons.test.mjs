// Lessons (issue 14): the lesson frame and the teacher's controls, and the
// first lesson walked to its end. Each other lesson is walked in its own
// file (lesson-*.test.mjs) with lesson-walk.mjs.

import assert from 'node:assert/strict';
import { id, open, text, number, setControl, waitForSession, session, assertNoError } from './helpers.mjs';
import { walkLesson, waitForStep, waitForCheck, playUntilPassed } from './lesson-walk.mjs';
import { LESSONS, HIDEABLE } from '../../www/lessons/index.js';
import en from '../../www/strings/en.js';
import zh from '../../www/strings/zh-CN.js';

const TABLES = { en, 'zh-CN': zh };

// The error region's divergence (state.js errorText, the `diverged` phrase)
// as the language words it: the table's words before the step.
const diverged = (lang) => new RegExp(`^${TABLES[lang].diverged.split('{step}')[0].replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);

const visible = (page, name) => page.locator(id(name)).first().isVisible();

async function setRate(page, value) {
  await setControl(page, 'learning-rate', value);
  await page.waitForFunction((v) => Number(document.querySelector('[data-testid="learning-rate"]').value) === v, value);
}

async function resetAndWait(page) {
  const before = await session(page);
  await page.click(id('reset'));
  await waitForSession(page, { after: before, timeout: 15_000 });
}

// The first lesson's steps, doing what each asks, in the language walked.
const linearSteps = (lang = 'en') => [
  // Train until the loss is below 0.01.
  async ({ page }) => playUntilPassed(page, 30_000, 'training at 0.01'),
  // The article's 0.1 diverges; the engine's limit is shown with it.
  async ({ page }) => {
    const formula = await text(page, 'lesson-formula');
    const max = Number(/max = 2 \/ λmax = ([\d.e-]+)/.exec(formula.replace(/\s+/g, ' '))?.[1]);
    assert.ok(Math.abs(max - 0.0458) < 1e-3, `the largest stable rate shown is ${max}, 2/λ_max of this data is 0.0458 ("${formula}")`);
    await setRate(page, 0.1);
    await page.click(id('play'));
    await waitForCheck(page, 'passed', 20_000, 'diverging at 0.1');
    assert.match(await text(page, 'error'), diverged(lang));
  },
  // Back to 0.01, Reset, train below 1e-3.
  async ({ page }) => {
    await setRate(page, 0.01);
    await resetAndWait(page);
    await playUntilPassed(page, 40_000, 'training at 0.01 after the divergence');
  },
  // Evaluate on the two test points.
  async ({ page }) => {
    await page.click(id('evaluate-test'));
  },
  // The challenge: below 1e-4 within 300 updates, at a rate near the limit.
  async ({ page }) => {
    await setRate(page, 0.04);
    await resetAndWait(page);
    await playUntilPassed(page, 30_000, 'the challenge at 0.04');
    assert.ok((await number(page, 'step-count')) > 0);
  },
];

export async function linearLessonWalked(ctx) {
  await walkLesson(ctx, 'linear', linearSteps());
  await assertNoError(ctx.page);
}

export async function linearLessonWalkedInChinese(ctx) {
  await walkLesson(ctx, 'linear', linearSteps('zh-CN'), { lang: 'zh-CN' });
  await assertNoError(ctx.page);
}

export async function menuListsEveryLessonAndOpensIt({ page, baseUrl }) {
  await open(page, baseUrl);
  const options = await page.locator(`${id('lesson-menu')} option`).evaluateAll((os) => os.map((o) => ({ value: o.value, text: o.textContent })));
  assert.deepEqual(options.slice(1).map((o) => o.value), LESSONS.map((l) => l.id), 'the menu lists every lesson, in order');
  for (const o of options.slice(1)) assert.ok(!o.text.includes('lesson.'), `lesson ${o.value} has no title in the table: "${o.text}"`);
  assert.equal(await visible(page, 'lesson-panel'), false, 'no lesson panel on the playground');
  await page.selectOption(id('lesson-menu'), LESSONS[0].id);
  await waitForStep(page, LESSONS[0].id, 1);
  assert.ok(await visible(page, 'lesson-panel'));
  assert.equal(await page.locator(id('lesson-progress')).textContent(), `1 / ${LESSONS[0].steps.length}`);
  // Leaving the lesson brings every panel back.
  await page.click(id('lesson-close'));
  await page.waitForFunction(() => !location.hash.includes('lesson='));
  for (const panel of ['data-panel', 'model-panel', 'network-panel', 'output-panel', 'loss-panel', 'eval-panel']) {
    assert.ok(await visible(page, panel), `${panel} is back after leaving the lesson`);
  }
}

export async function oldLessonLinkOpensTheLinearLesson({ page, baseUrl }) {
  await open(page, baseUrl, '#preset=lesson');
  await waitForStep(page, 'linear', 1);
  assert.ok(await visible(page, 'lesson-panel'));
  assert.equal(await page.evaluate(() => document.body.dataset.source), 'article-linear');
  assert.equal(await page.locator(id('notice')).isVisible(), false, 'the old link opens without a notice');
}

export async function teacherControlsRoundTripThroughTheHash({ page, baseUrl, screenshot }) {
  await page.setViewportSize({ width: 1366, height: 768 });
  await open(page, baseUrl, '#lesson=linear&step=2&hide=optimizer,batch-size,export-onnx&present=1');
  await waitForStep(page, 'linear', 2);
  const hash = await page.evaluate(() => location.hash);
  assert.match(hash, /[#&]lesson=linear&step=2(&|$)/);
  assert.match(hash, /[#&]hide=optimizer,batch-size,export-onnx(&|$)/);
  assert.match(hash, /[#&]present=1(&|$)/);
  assert.ok(await page.evaluate(() => document.documentElement.classList.contains('large')), 'presenter mode is large text');
  assert.equal(await visible(page, 'export-onnx'), false, 'a hidden control is out of sight');
  // The same link again (a reload) gives the same hash.
  await page.reload({ waitUntil: 'load' });
  await waitForStep(page, 'linear', 2);
  assert.equal(await page.evaluate(() => location.hash), hash, 'the hash round-trips');
  await screenshot('lesson-present');
  // A clicker: PageDown and PageUp move between steps, without the check.
  await page.keyboard.press('PageDown');
  await waitForStep(page, 'linear', 3);
  await page.keyboard.press('ArrowLeft');
  await waitForStep(page, 'linear', 2);
  // Hidden controls stay hidden after leaving presenter mode through the link.
  await page.evaluate(() => { location.hash = location.hash.replace('&present=1', ''); });
  await page.waitForFunction(() => !document.documentElement.classList.contains('large'));
  await waitForSession(page, { timeout: 15_000 }).catch(() => {});
  await page.locator(id('export-model')).waitFor({ state: 'visible' });
  assert.equal(await visible(page, 'export-onnx'), false);
}

export async function unknownLessonLinksGiveANotice({ page, baseUrl }) {
  await open(page, baseUrl, '#hide=optimizer,nonsense&lesson=linear&step=99');
  const notice = await text(page, 'notice-text');
  assert.match(notice, /"nonsense" is not a control/);
  assert.match(notice, /step "99" is not a step of the lesson linear/);
  await waitForStep(page, 'linear', 1);
  assert.equal(await visible(page, 'optimizer'), false, 'the known name is still hidden');
  await open(page, baseUrl, '#lesson=nope');
  assert.match(await text(page, 'notice-text'), /no lesson called "nope"/);
  assert.equal(await visible(page, 'lesson-panel'), false);
}

export async function nextWaitsForTheCheckSkipAndBackDoNot({ page, baseUrl }) {
  await open(page, baseUrl, '#lesson=linear');
  await waitForStep(page, 'linear', 1);
  assert.ok(await page.locator(id('lesson-next')).isDisabled());
  assert.ok(await page.locator(id('lesson-prev')).isDisabled(), 'no step before the first');
  await page.click(id('lesson-skip'));
  await waitForStep(page, 'linear', 2);
  assert.equal(await page.locator(id('lesson-check')).getAttribute('data-state'), 'pending');
  await page.click(id('lesson-prev'));
  await waitForStep(page, 'linear', 1);
  // The keyboard alone: Tab to Skip and press Enter.
  await page.locator(id('lesson-skip')).focus();
  await page.keyboard.press('Enter');
  await waitForStep(page, 'linear', 2);
}

export async function everyHideableControlIsOnThePage({ page, baseUrl }) {
  await open(page, baseUrl);
  const missing = await page.evaluate((names) => names.filter((n) => !document.querySelector(`[data-testid="${n}"]`)), [...HIDEABLE]);
  assert.deepEqual(missing, [], 'hide= names controls the page has');
}

export async function earlyStoppingMarksTheBestStep({ page, baseUrl }) {
  // A small noisy set and a big network overfit: validation loss turns up.
  await open(page, baseUrl, '#data=spiral&noise=40&samples=100&hidden=32,32&optimizer=adam&lr=0.03&batch=10&early=5,0&speed=50');
  await page.click(id('play'));
  await page.locator(id('early-note')).waitFor({ state: 'visible', timeout: 40_000 });
  const note = await text(page, 'early-text');
  assert.match(note, /Stopped early at step \d+/);
  const best = Number(/at step (\d+)\.$/.exec(note)?.[1]);
  const stopped = Number(/step (\d+):/.exec(note)?.[1]);
  assert.ok(best > 0 && best < stopped, `best step ${best} before the stop at ${stopped}`);
  assert.match(await page.evaluate(() => location.hash), /early=5,0/);
  // Play does nothing more; the best weights come back on request.
  const steps = await number(page, 'step-count');
  await page.click(id('restore-best'));
  await page.waitForFunction((v) => {
    const el = document.querySelector('[data-testid="val-loss"]');
    return el && Math.abs(Number(el.textContent) - v) / v < 1e-3;
  }, Number(/Best: ([\d.e-]+)/.exec(note)?.[1]), { timeout: 10_000 });
  assert.equal(await number(page, 'step-count'), steps);
}


// No main-thread task over 50 ms in any lesson (issue 14): every step of
// every lesson entered (its settings applied, its panels moved beside the
// text) and, where the step can train, trained for a while at its own
// speed. Long tasks are counted from the first step entered, so the page's
// load is not in it; the lesson's first session build is.
//
// A step that had a long task is walked once more, entered from the same
// place (the step before it, or the playground), and fails only if a long
// task comes back. On a shared 2-core machine the operating system can stop
// the browser mid-task for tens of milliseconds (load averages of 5 to 12
// while other tests run), which stretches a 30 ms frame past 50 ms, and the
// browser has long tasks of its own with no page script in them (a 257 ms
// task with no long-animation-frame entry at all was seen); neither comes
// back at the same step on demand, while a frame our code makes too long
// does, every time. The long-animation-frame attribution is dumped
// (LONGTASK_DUMP=file) so a failure names the scripts.
export async function noLongTasksInAnyLesson({ page, baseUrl }) {
  await page.addInitScript(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration, where: location.hash });
    }).observe({ type: 'longtask' });
    window.__frames = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        window.__frames.push({
          start: Math.round(e.startTime), duration: Math.round(e.duration), blocking: Math.round(e.blockingDuration),
          render: Math.round(e.renderStart ? e.startTime + e.duration - e.renderStart : 0),
          style: Math.round(e.styleAndLayoutStart ? e.startTime + e.duration - e.styleAndLayoutStart : 0),
          where: location.hash,
          scripts: e.scripts.map((x) => ({ d: Math.round(x.duration), f: Math.round(x.forcedStyleAndLayoutDuration), inv: x.invoker, src: `${x.sourceURL.split('/').pop()}:${x.sourceFunctionName}:${x.sourceCharPosition}` })),
        });
      }
    }).observe({ type: 'long-animation-frame' });
  });
  await page.setViewportSize({ width: 1366, height: 768 });
  await open(page, baseUrl, '');
  const now = () => page.evaluate(() => performance.now());
  const longBetween = (t0, t1) => page.evaluate(([t0, t1]) => window.__longTasks.filter((t) => t.start >= t0 && t.start < t1 && t.duration > 50), [t0, t1]);
  // Enter a step (a lesson's step, or '' for the playground) and train it a while; the time span it took.
  async function visit(step) {
    const t0 = await now();
    await page.evaluate((h) => { location.hash = h; }, step ? `#lesson=${step.id}&step=${step.n}` : '');
    if (step) await waitForStep(page, step.id, step.n);
    else await page.waitForFunction(() => !document.body.classList.contains('in-lesson'));
    await waitForSession(page, { timeout: 20_000 });
    const play = page.locator(id('play'));
    if (step && (await play.isVisible()) && (await play.isEnabled())) {
      const before = await number(page, 'step-count');
      await play.click();
      await page.waitForFunction((b) => Number(document.querySelector('[data-testid="step-count"]').textContent.replace(/[^\d]/g, '')) > b + 20 || document.querySelector('[data-testid="lesson-check"]')?.dataset.state === 'passed', before, { timeout: 20_000 }).catch(() => {});
      // Pause what still plays (a check or early stopping may have stopped it).
      if ((await play.getAttribute('aria-pressed')) === 'true') await play.click();
    }
    return [t0, await now()];
  }
  const steps = LESSONS.flatMap((lesson) => lesson.steps.map((_, i) => ({ id: lesson.id, n: i + 1 })));
  const first = await now();
  const suspects = [];
  for (let i = 0; i < steps.length; i++) {
    const tasks = await longBetween(...(await visit(steps[i])));
    if (tasks.length) suspects.push({ i, tasks });
  }
  const confirmed = [];
  for (const { i, tasks } of suspects) {
    await visit(steps[i - 1] ?? null);
    const again = await longBetween(...(await visit(steps[i])));
    if (again.length) confirmed.push({ step: steps[i], first: tasks, again });
  }
  // Which steps were retried and what the retry saw: the evidence for the rule above.
  console.log(`      long tasks at ${suspects.length} step(s), back on the retry at ${confirmed.length}: ${JSON.stringify(suspects.map(({ i, tasks }) => [`${steps[i].id}:${steps[i].n}`, tasks.map((t) => Math.round(t.duration))]))}`);
  if (process.env.LONGTASK_DUMP) {
    const { writeFileSync } = await import('node:fs');
    writeFileSync(process.env.LONGTASK_DUMP, JSON.stringify(await page.evaluate((t0) => ({ tasks: window.__longTasks.filter((t) => t.start >= t0), frames: window.__frames.filter((t) => t.start >= t0) }), first), null, 1));
  }
  assert.deepEqual(confirmed, [], `main-thread tasks over 50 ms in the lessons, twice at the same step: ${JSON.stringify(confirmed)}`);
  await assertNoError(page);
}
noLongTasksInAnyLesson.timeout = 600_000;
