// Accessibility, checked by a real engine (issue 14): axe-core (pinned in
// package.json) finds no WCAG 2.1 A or AA violation, nor one of its best
// practices (an empty table header, content outside landmarks, ...), on the
// playground, every preset, every lesson, in large-text mode, and with the
// dynamic panels filled: the instruments (a landscape, a race, a traced
// step in each phase), a test evaluation, a notice, a loaded CSV file.
//
// In Chinese too (issue 15): every preset and every lesson step opened with
// #lang=zh-CN passes the same checks, and the page says its language right:
// <html lang> is the language shown, axe's language rules (html-has-lang,
// html-lang-valid, valid-lang) run and pass, and every word in another
// language than the page's sits in an element whose `lang` says which
// (languageMarked below).
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

// `lang`: the page opened in that language (#lang=...), else as a first
// visit opens it (English here).
async function visit(page, baseUrl, hash = '', lang = null) {
  await page.goto('about:blank');
  const h = lang ? `#lang=${lang}${hash ? `&${hash.replace(/^#/, '')}` : ''}` : hash;
  await open(page, baseUrl, h);
  await settled(page);
}

// axe's rules about the page's language: each must have run and passed (not
// been found inapplicable: valid-lang needs an element with a lang, which
// the language picker always has).
const LANG_RULES = ['html-has-lang', 'html-lang-valid', 'valid-lang'];

// Latin-letter words a Chinese page may say without lang="en" (WCAG 3.1.2
// exempts technical terms, proper names and words of indeterminate
// language): methods and functions by their names (ReLU, tanh, Adam, sin),
// formats, units and acronyms (CSV, PNG, ONNX, MSE, MFLOP), software and
// people (Descent, Chromium, WebAssembly, Glorot, He, Hessian) and keys as
// printed on a keyboard (Tab, Ctrl). Code, keys and variables (<code>,
// <kbd>, <var>, typed text) and identifiers (with a digit, a dot, a
// bracket, an underscore or a capital inside: dense0.weight[0], minDelta,
// descent-model.json) are of no language. Any other English word must be
// marked: a Chinese voice would misread it.
const TERMS = new Set(`
  Descent ONNX onnxruntime CSV PNG JSON NA NaN TensorFlow.js Python Node Chromium Firefox WebAssembly worker Wi-Fi Mac
  MLP CNN RNN softmax sigmoid tanh ReLU Leaky ELU GELU SGD RMSprop Adam Adagrad AdamW Glorot He Hessian
  MSE MAE FLOPs MFLOP sin cos exp log max
  Tab Enter Escape Home End Ctrl Shift PageUp PageDown
`.trim().split(/\s+/));

// The elements whose words are in another language than the page's, unmarked
// or marked wrong, as "<where>: <words>" lines. In a Chinese page: English
// words outside the exemptions above, in text or in what a screen reader
// reads of an attribute, not inside lang="en"; in an English page: Chinese
// characters not inside lang="zh-...". Either way, an element marked with a
// lang must hold words of that language.
async function unmarkedLanguage(page, lang) {
  return page.evaluate(({ lang, terms }) => {
    const han = /[\u3400-\u9fff\uf900-\ufaff]/;
    const langOf = (el) => el.closest('[lang]')?.getAttribute('lang') || '';
    const where = (el) => {
      const tid = el.closest('[data-testid]')?.dataset.testid;
      return `${el.tagName.toLowerCase()}${tid ? ` in ${tid}` : ''}`;
    };
    const shown = (el) => el.tagName === 'OPTION' ? shownOption(el) : el.checkVisibility({ visibilityProperty: true });
    const shownOption = (o) => !!o.closest('select')?.checkVisibility({ visibilityProperty: true });
    // Words of two letters or more, but neither exempt terms nor identifiers;
    // a subscript's words are never exempt (J_val, α_max: an abbreviation).
    const english = (t, el) => (t.match(/[A-Za-z][\w.\-[\]]*/g) || [])
      .map((w) => w.replace(/[.\-]+$/, ''))
      .filter((w) => /[A-Za-z]{2}/.test(w))
      .filter((w) => (el.closest('sub') || !terms.includes(w)) && !/\d|[._[\]]|[a-z][A-Z]/.test(w));
    const foreign = (t, el) => {
      if (lang.startsWith('zh')) return langOf(el).startsWith('en') ? [] : english(t, el);
      return langOf(el).startsWith('zh') ? [] : han.test(t) ? [t.trim()] : [];
    };
    const found = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || !/\S/.test(n.textContent) || el.closest('script, style, code, kbd, samp, var, textarea, svg title') || !shown(el)) continue;
      const words = foreign(n.textContent, el);
      if (words.length) found.push(`${where(el)}: ${words.join(' ')} ("${n.textContent.trim().slice(0, 60)}")`);
    }
    for (const el of document.querySelectorAll('[aria-label], [title], [alt], [placeholder]')) {
      if (!shown(el)) continue;
      for (const a of ['aria-label', 'title', 'alt', 'placeholder']) {
        const t = el.getAttribute(a);
        const words = t ? foreign(t.replace(/[\w-]+\.(json|onnx|csv|png|html)\b/g, ''), el) : [];
        if (words.length) found.push(`${where(el)} [${a}]: ${words.join(' ')} ("${t.slice(0, 60)}")`);
      }
    }
    // A lang that says the wrong language: Chinese in lang="en", none in lang="zh-...".
    for (const el of document.body.querySelectorAll('[lang]')) {
      const l = el.getAttribute('lang');
      const t = el.textContent;
      if ((l.startsWith('en') && han.test(t)) || (l.startsWith('zh') && !han.test(t))) found.push(`${where(el)} lang="${l}": "${t.trim().slice(0, 60)}"`);
    }
    return [...new Set(found)];
  }, { lang, terms: [...TERMS] });
}

// <html lang> is the page's language, axe's language rules pass, and every
// word in another language is marked with its own.
async function assertLanguageMarked(page, where, lang) {
  assert.equal(await page.evaluate(() => document.documentElement.lang), lang, `${where}: <html lang>`);
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(AXE_SOURCE);
  const r = await page.evaluate(async (rules) => {
    const r = await window.axe.run(document, { runOnly: { type: 'rule', values: rules } });
    const ids = (list) => list.map((x) => x.id);
    return { passes: ids(r.passes), violations: ids(r.violations), incomplete: ids(r.incomplete), inapplicable: ids(r.inapplicable) };
  }, LANG_RULES);
  assert.deepEqual(LANG_RULES.filter((rule) => !r.passes.includes(rule)), [], `${where}: axe's language rules pass (${JSON.stringify(r)})`);
  const unmarked = await unmarkedLanguage(page, lang);
  if (unmarked.length) console.log(`  ${where}: words in another language, unmarked:\n    ${unmarked.join('\n    ')}`);
  assert.deepEqual(unmarked, [], `${where}: every word in another language than ${lang} has its lang:\n    ${unmarked.join('\n    ')}`);
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

// The language check can fail too: in the Chinese page, an English sentence
// unmarked, an English subscript unmarked, and Chinese words marked English
// are each reported; marked right, they are not.
export async function theLanguageCheckFindsUnmarkedWords({ page, baseUrl }) {
  await visit(page, baseUrl, '', 'zh-CN');
  await assertLanguageMarked(page, 'the Chinese opening page', 'zh-CN');
  await page.evaluate(() => {
    const panel = document.querySelector('[data-testid="model-panel"]');
    panel.insertAdjacentHTML('beforeend', '<p data-testid="said-in-english">Training diverged</p><p data-testid="a-subscript"><var>J</var><sub>val</sub></p><p data-testid="said-wrong" lang="en">训练发散了</p>');
  });
  const found = await unmarkedLanguage(page, 'zh-CN');
  assert.deepEqual(found.map((f) => f.split(':')[0]).sort(), ['p in said-wrong lang="en"', 'p in said-in-english', 'sub in a-subscript'].sort(), found.join('\n'));
  await page.evaluate(() => {
    document.querySelector('[data-testid="said-in-english"]').lang = 'en';
    document.querySelector('[data-testid="a-subscript"] sub').lang = 'en';
    document.querySelector('[data-testid="said-wrong"]').lang = 'zh-CN';
  });
  assert.deepEqual(await unmarkedLanguage(page, 'zh-CN'), [], 'marked right, nothing is reported');
  // And the English page: Chinese words not marked as Chinese.
  await visit(page, baseUrl);
  await assertLanguageMarked(page, 'the English opening page', 'en');
  await page.evaluate(() => document.querySelector('[data-testid="model-panel"]').insertAdjacentHTML('beforeend', '<p data-testid="said-in-chinese">训练发散了</p>'));
  assert.deepEqual((await unmarkedLanguage(page, 'en')).map((f) => f.split(':')[0]), ['p in said-in-chinese']);
}

export async function theOpeningPageAndLargeText({ page, baseUrl, screenshot }) {
  await visit(page, baseUrl);
  await assertAccessible(page, 'the opening page');
  await largeText(page);
  await assertAccessible(page, 'the opening page, large text');
  await screenshot('a11y-large-text');
}

// Every preset, opened in `lang` (null: as a first visit opens it, English).
async function presetsIn({ page, baseUrl }, lang) {
  const language = lang ?? 'en';
  await visit(page, baseUrl, '', lang);
  const presets = await options(page, 'preset');
  assert.ok(presets.length >= 10, `the preset menu lists the presets: ${presets}`);
  await checkEach(presets, async (name) => {
    await visit(page, baseUrl, `#preset=${name}`, lang);
    await assertAccessible(page, `preset ${name} (${language})`);
    await assertLanguageMarked(page, `preset ${name} (${language})`, language);
  });
}

export async function everyPreset(ctx) {
  await presetsIn(ctx, null);
}
everyPreset.timeout = 240_000; // ten presets, each loaded and checked

export async function everyPresetInChinese(ctx) {
  await presetsIn(ctx, 'zh-CN');
}
everyPresetInChinese.timeout = 240_000;

// Lessons from the lesson menu; every step of each, when a lesson shows its
// progress ("2 / 5") and a way on (lesson-skip, for a teacher, or lesson-next).
async function lessonsIn({ page, baseUrl, screenshot }, lang) {
  const language = lang ?? 'en';
  await visit(page, baseUrl, '', lang);
  const lessons = await options(page, 'lesson-menu');
  const pages = lessons.length ? lessons.map((l) => [l, `#lesson=${l}`]) : [['lesson', '#preset=lesson']];
  await checkEach(pages, async ([name, hash]) => {
    await visit(page, baseUrl, hash, lang);
    let step = 1;
    for (;;) {
      await assertAccessible(page, `lesson ${name}, step ${step} (${language})`);
      await assertLanguageMarked(page, `lesson ${name}, step ${step} (${language})`, language);
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
  await visit(page, baseUrl, pages[0][1], lang);
  await largeText(page);
  await assertAccessible(page, `lesson ${pages[0][0]}, large text (${language})`);
  await screenshot(lang ? `a11y-lesson-large-text-${lang}` : 'a11y-lesson-large-text');
}

export async function everyLesson(ctx) {
  await lessonsIn(ctx, null);
}
everyLesson.timeout = 300_000; // thirteen lessons of several steps, once they exist

export async function everyLessonInChinese(ctx) {
  await lessonsIn(ctx, 'zh-CN');
}
everyLessonInChinese.timeout = 300_000;

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
