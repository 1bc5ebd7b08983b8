// Accessibility, checked by a real engine (issue 14): axe-core (pinned in
// package.json) finds no WCAG 2.1 A or AA violation, nor one of its best
// practices (an empty table header, content outside landmarks, ...), on the
// playground, every preset, every lesson, in large-text mode, and with the
// dynamic panels filled: the instruments (a landscape, a race, a traced
// step in each phase), a test evaluation, a notice, a loaded CSV file.
//
// The presets are the `preset` select's options and the lessons the
// `lesson-menu` select's (opened by #lesson=ID; the `lesson` preset while
// there is no menu), read from the page, so a preset or lesson added later
// is checked without touching this file.
//
// axe runs in the page through page.evaluate of its source: the page's CSP
// (script-src 'self', nothing inline) refuses the inline <script> that
// page.addScriptTag({ content }) adds, and the harness fails a test on any
// CSP violation. DevTools' evaluation is not subject to the page's policy
// and axe needs no eval, so the page is checked under its real CSP.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { id, open, text, waitForSession, waitForNumber, setSpeed } from './helpers.mjs';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

// axe's violations on the page (or under `include`), as plain data.
async function axe(page, include = null) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(
    async ({ tags, include }) => {
      const context = include ? { include: [include] } : document;
      const r = await window.axe.run(context, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
      return r.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.map((n) => ({ target: n.target.join(' '), summary: n.failureSummary })),
      }));
    },
    { tags: TAGS, include },
  );
}

// One line per violation, then one per offending element: what to fix and where.
function describe(violations) {
  return violations
    .map((v) => `${v.id} (${v.impact}, ${v.nodes.length}×): ${v.help}\n${v.nodes.map((n) => `      ${n.target}: ${n.summary.replace(/\s+/g, ' ')}`).join('\n')}`)
    .join('\n    ');
}

// The harness prints the first lines of a failure only: the whole list goes to stdout too.
async function assertAccessible(page, where, include = null) {
  const violations = await axe(page, include);
  if (violations.length) console.log(`  ${where}:\n    ${describe(violations)}`);
  assert.deepEqual(
    violations.map((v) => `${v.id}×${v.nodes.length}`),
    [],
    `${where}: WCAG 2.1 A/AA or best-practice violations:\n    ${describe(violations)}`,
  );
}

// Checks every page in `names`, then fails once listing every page that failed.
async function checkEach(names, visit) {
  const failures = [];
  for (const name of names) {
    try {
      await visit(name);
    } catch (e) {
      failures.push(e.message.split('\n')[0]);
    }
  }
  assert.deepEqual(failures, [], 'pages with violations (their lists are printed above)');
}

const options = (page, name) =>
  page.evaluate((sel) => [...(document.querySelector(sel)?.options ?? [])].map((o) => o.value).filter(Boolean), id(name));

// The page is laid out as a learner sees it once it settles: the session's
// first frame (open/waitForSession) and the instruments' panels, which are
// built just after it (main.js) and fill their words then.
async function settled(page) {
  await page.waitForFunction(() => /\S/.test(document.querySelector('#instruments-title')?.textContent || ''), null, { timeout: 10_000, polling: 'raf' });
}

async function visit(page, baseUrl, hash = '') {
  await page.goto('about:blank');
  await open(page, baseUrl, hash);
  await settled(page);
}

async function largeText(page) {
  await page.locator(id('large-text')).click();
  await page.waitForFunction(() => document.documentElement.classList.contains('large'), null, { timeout: 5000 });
}

// The check itself can fail: a grey-on-white line, 1.9:1, must be reported.
export async function theCheckFindsALowContrastLine({ page, baseUrl }) {
  await visit(page, baseUrl);
  assert.deepEqual(await axe(page), [], 'the page passes before the bad line is added');
  await page.evaluate(() => {
    const p = document.createElement('p');
    p.dataset.testid = 'too-faint';
    p.textContent = 'A line nobody can read on a projector';
    document.querySelector('[data-testid="model-panel"]').append(p);
    p.style.color = '#b4b4b4';
  });
  const found = await axe(page);
  assert.deepEqual(found.map((v) => v.id), ['color-contrast'], describe(found));
  assert.deepEqual(found[0].nodes.map((n) => n.target), ['p[data-testid="too-faint"]']);
}

export async function theOpeningPageAndLargeText({ page, baseUrl, screenshot }) {
  await visit(page, baseUrl);
  await assertAccessible(page, 'the opening page');
  await largeText(page);
  await assertAccessible(page, 'the opening page, large text');
  await screenshot('a11y-large-text');
}

export async function everyPreset({ page, baseUrl }) {
  await visit(page, baseUrl);
  const presets = await options(page, 'preset');
  assert.ok(presets.length >= 10, `the preset menu lists the presets: ${presets}`);
  await checkEach(presets, async (name) => {
    await visit(page, baseUrl, `#preset=${name}`);
    await assertAccessible(page, `preset ${name}`);
  });
}
everyPreset.timeout = 240_000; // ten presets, each loaded and checked

// Lessons from the lesson menu; every step of each, when a lesson shows its
// progress ("2 / 5") and a way on (lesson-skip, for a teacher, or lesson-next).
export async function everyLesson({ page, baseUrl, screenshot }) {
  await visit(page, baseUrl);
  const lessons = await options(page, 'lesson-menu');
  const pages = lessons.length ? lessons.map((l) => [l, `#lesson=${l}`]) : [['lesson', '#preset=lesson']];
  await checkEach(pages, async ([name, hash]) => {
    await visit(page, baseUrl, hash);
    let step = 1;
    for (;;) {
      await assertAccessible(page, `lesson ${name}, step ${step}`);
      const progress = (await page.locator(id('lesson-progress')).count()) ? await text(page, 'lesson-progress') : '';
      const [, now, total] = progress.match(/(\d+)\s*\/\s*(\d+)/) || [];
      if (!total || Number(now) >= Number(total)) break;
      const on = ['lesson-skip', 'lesson-next'].map((b) => page.locator(id(b)));
      const button = (await on[0].isVisible()) && (await on[0].isEnabled()) ? on[0] : on[1];
      if (!((await button.isVisible()) && (await button.isEnabled()))) break;
      await button.click();
      await page.waitForFunction(({ sel, n }) => new RegExp(`^\\s*${n}\\s*/`).test(document.querySelector(sel)?.textContent || ''), { sel: id('lesson-progress'), n: Number(now) + 1 }, { timeout: 10_000 });
      await page.waitForFunction(() => !document.querySelector('[data-testid="play"]').disabled, null, { timeout: 10_000 });
      step = Number(now) + 1;
    }
  });
  await visit(page, baseUrl, pages[0][1]);
  await largeText(page);
  await assertAccessible(page, `lesson ${pages[0][0]}, large text`);
  await screenshot('a11y-lesson-large-text');
}
everyLesson.timeout = 300_000; // thirteen lessons of several steps, once they exist

async function walkPhases(page, where) {
  const panel = id('trace-panel');
  for (const phase of ['forward', 'loss', 'backward', 'update']) {
    await page.waitForFunction((p) => document.querySelector('[data-testid="trace-panel"]').dataset.phase === p, phase, { timeout: 8000 });
    await assertAccessible(page, `${where}, the step-through's ${phase} phase`, panel);
    if (phase !== 'update') await page.locator(id('trace-next')).click();
  }
}

// The instruments' panels fill as they are used: a landscape, a race with
// its lanes, chart and shared landscape, a traced step in every phase with
// a unit's numbers shown, and the gradient check's result.
export async function theInstrumentsInUse({ page, baseUrl, screenshot }) {
  await visit(page, baseUrl, '#preset=article&landscape=path&race=learningRate:0.001,0.01,0.1');
  await page.waitForSelector(id('race-lane-3-steps'), { timeout: 10_000 });
  await page.waitForFunction(() => Number(document.querySelector('[data-testid="landscape"]').dataset.pathLength) >= 1, null, { timeout: 10_000 });
  await setSpeed(page, 10);
  await page.locator(id('race-play')).click();
  await waitForNumber(page, 'race-lane-1-steps', '>=', 50, 20_000, 'the race runs');
  await page.locator(id('race-play')).click();
  await page.waitForFunction(() => /paused/.test(document.querySelector('[data-testid="race-lane-1-status"]')?.textContent || ''), null, { timeout: 5000 });
  await page.waitForFunction(() => Number(document.querySelector('[data-testid="race-landscape"]').dataset.pathLength) > 3, null, { timeout: 10_000 });
  await page.locator(id('trace-sample')).click();
  await walkPhases(page, 'the lesson');
  await page.locator(id('trace-check')).click();
  await page.waitForFunction(() => /relative error/.test(document.querySelector('[data-testid="trace-check-result"]')?.textContent || ''), null, { timeout: 10_000 });
  await assertAccessible(page, 'the lesson with a landscape, a race and a traced step');
  await screenshot('a11y-instruments', id('instruments'));
  await largeText(page);
  await assertAccessible(page, 'the instruments, large text', id('instruments'));

  // A hidden-layer network: the step-through draws its units, and one is read.
  await visit(page, baseUrl, '#preset=playground');
  await page.locator(id('trace-sample')).click();
  await walkPhases(page, 'the playground');
  await page.locator(id('trace-network')).focus();
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => !document.querySelector('[data-testid="trace-tooltip"]').hidden, null, { timeout: 5000 });
  await assertAccessible(page, 'the playground\'s step-through with a unit\'s numbers shown', id('trace-panel'));
}
theInstrumentsInUse.timeout = 120_000;

// What appears after a learner acts: the test split's score and confusion
// matrix, a notice, and the panels of a CSV file.
export async function afterEvaluatingANoticeAndACsvFile({ page, baseUrl }) {
  await visit(page, baseUrl, '#preset=multiclass');
  await setSpeed(page, 50);
  await page.locator(id('play')).click();
  await waitForNumber(page, 'step-count', '>=', 300, 20_000, 'training');
  await page.locator(id('play')).click();
  await page.locator(id('evaluate-test')).click();
  await page.waitForSelector(`${id('test-confusion')}:not([hidden])`, { timeout: 10_000 });
  await assertAccessible(page, 'five classes, trained and evaluated on the test split');

  await visit(page, baseUrl, '#preset=article&race=colour:red,blue');
  await page.waitForFunction(() => /race/.test(document.querySelector('[data-testid="notice-text"]')?.textContent || ''), null, { timeout: 10_000 });
  await assertAccessible(page, 'a notice');

  await visit(page, baseUrl);
  const before = await page.evaluate(() => document.body.dataset.session);
  await page.locator('.paste summary').click();
  await page.locator(id('csv-paste')).fill('size,rooms,city,price\n52,2,north,180\n75,3,south,260\n60,,north,210\n90,4,east,320\n45,1,south,150\n80,3,,290\n66,2,east,230\n100,4,north,350\n');
  await page.locator(id('csv-load')).click();
  await waitForSession(page, { after: before, source: 'csv', timeout: 15_000 });
  await page.waitForSelector(`${id('csv-preview')}:not([hidden])`, { timeout: 10_000 });
  await assertAccessible(page, 'a CSV file in use');
}
afterEvaluatingANoticeAndACsvFile.timeout = 90_000;
