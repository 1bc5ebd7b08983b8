// The keyboard alone (issue 14): the step-through's four phases, a unit's
// and an edge's numbers, the gradient check and "Apply" with Tab, Enter,
// Space and the arrow keys; the network diagram's units; the landscape and
// the race; and every control of the playground and of each lesson reached
// by Tab, in the page's order. No test here moves or clicks the mouse.
//
// The trace on screen comes from the instruments' test hook (www/instruments.js,
// as descent-step.test.mjs reads it).

import assert from 'node:assert/strict';
import { id, open, text, number, waitForNumber, assertNoError } from './helpers.mjs';

function instruments(page) {
  return page.evaluate(() => new Promise((reply) => document.dispatchEvent(new CustomEvent('descent:debug', { detail: { type: 'instruments', reply } }))));
}

const focused = (page) => page.evaluate(() => document.activeElement?.dataset?.testid ?? document.activeElement?.tagName ?? null);

// Tab (forward) until the element with data-testid `name` has focus; returns
// the data-testids passed on the way (null for a stop without one).
async function tabTo(page, name, { max = 250, back = false } = {}) {
  const passed = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const now = await focused(page);
    if (now === name) return passed;
    passed.push(now);
  }
  throw new Error(`Tab never reached ${name} in ${max} presses; passed ${passed.slice(-20).join(', ')}`);
}

async function tab(page, expected) {
  await page.keyboard.press('Tab');
  assert.equal(await focused(page), expected, `Tab goes on to ${expected}`);
}

async function waitPhase(page, phase) {
  await page.waitForFunction((p) => document.querySelector('[data-testid="trace-panel"]')?.dataset.phase === p, phase, { timeout: 8000, polling: 'raf' });
}

async function instrumentsBuilt(page) {
  await page.waitForFunction(() => /\S/.test(document.querySelector('#instruments-title')?.textContent || ''), null, { timeout: 10_000, polling: 'raf' });
}

const tooltip = (page, name) => page.locator(id(name)).evaluate((t) => (t.hidden ? '' : t.textContent));
const shown = (n) => String(Number(n.toPrecision(5)));

export async function theStepThroughFromTheKeyboard({ page, baseUrl, screenshot }) {
  await open(page, baseUrl, '#preset=playground');
  await instrumentsBuilt(page);
  // From the top of the page to the step-through: its controls in reading order.
  await tabTo(page, 'trace-row');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('7');
  await page.keyboard.press('Enter');
  await waitPhase(page, 'forward');
  assert.deepEqual((await instruments(page)).trace.rows, [7], 'Enter in the row field traces row 7');
  await tab(page, 'trace-pick');
  await tab(page, 'trace-sample');
  await tab(page, 'trace-next');

  // The four phases: Enter and Space both press "Next phase", and Space on
  // it does not start training (the page's play/pause key elsewhere).
  await page.keyboard.press('Enter');
  await waitPhase(page, 'loss');
  await page.keyboard.press('Space');
  await waitPhase(page, 'backward');
  await page.keyboard.press('Enter');
  await waitPhase(page, 'update');
  assert.equal(await text(page, 'play'), 'Play', 'Space pressed the focused button, not play');
  assert.equal(await number(page, 'step-count'), 0, 'no training happened');
  assert.equal(await focused(page), 'trace-next', 'focus stays on Next phase');
  assert.equal(await page.locator('[data-testid="trace-phases"] [aria-current="step"]').getAttribute('data-phase'), 'update', 'the current phase is marked for a screen reader');
  await screenshot('keyboard-step-update', id('trace-panel'));

  // Apply is off for a chosen row (the engine applies only the next
  // mini-batch), so Tab skips it: the gradient check, the diagram's PNG
  // button (over its corner), then the diagram.
  await tab(page, 'trace-check');
  await tab(page, 'png-trace-network');
  await tab(page, 'trace-network');
  // A unit's numbers without a mouse: the first arrow shows the first input unit.
  const { trace } = await instruments(page);
  await page.keyboard.press('ArrowRight');
  const x1 = await tooltip(page, 'trace-tooltip');
  assert.ok(x1.includes(`x1: value ${shown(trace.layers[0].inputs[0])}`), `the first input unit's value: "${x1}"`);
  await page.keyboard.press('ArrowRight');
  assert.match(await tooltip(page, 'trace-tooltip'), /^x2: value /, 'the next unit');
  await page.keyboard.press('ArrowLeft');
  assert.equal(await tooltip(page, 'trace-tooltip'), x1, 'and back');
  // Home and End: the first unit and the last edge (its weight, gradient and change).
  await page.keyboard.press('End');
  const edge = await tooltip(page, 'trace-tooltip');
  assert.match(edge, /weight .*, gradient .*, update /, `an edge's numbers: "${edge}"`);
  const out = trace.params.findLast((p) => p.role === 'weight');
  const k = out.values.length - 1;
  assert.ok(edge.includes(`gradient ${shown(trace.gradients[trace.params.indexOf(out)].values[k])}`), `the last edge's gradient is the trace's: "${edge}"`);
  assert.equal(await number(page, 'step-count'), 0, '→ on the diagram walks it and takes no step');
  await screenshot('keyboard-step-edge', id('trace-panel'));
  await page.keyboard.press('Escape');
  assert.equal(await tooltip(page, 'trace-tooltip'), '', 'Escape hides the numbers');

  // Back to the gradient check: Enter runs it.
  await tabTo(page, 'trace-check', { back: true, max: 2 });
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => /relative error/.test(document.querySelector('[data-testid="trace-check-result"]')?.textContent || ''), null, { timeout: 10_000 });

  // The next mini-batch (Space), walked to its update, then applied (Enter).
  await tabTo(page, 'trace-sample', { back: true, max: 5 });
  await page.keyboard.press('Space');
  await page.waitForFunction(() => !document.querySelector('[data-testid="trace-apply"]').disabled, null, { timeout: 8000 });
  await waitPhase(page, 'forward');
  await tab(page, 'trace-next');
  for (const phase of ['loss', 'backward', 'update']) {
    await page.keyboard.press('Enter');
    await waitPhase(page, phase);
  }
  await tab(page, 'trace-apply');
  await page.keyboard.press('Enter');
  await waitForNumber(page, 'step-count', '==', 1, 5000, 'Apply takes the traced step');
  await assertNoError(page);
}

export async function theNetworkDiagramFromTheKeyboard({ page, baseUrl }) {
  await open(page, baseUrl, '#preset=playground');
  await tabTo(page, 'network-view');
  await page.keyboard.press('ArrowRight');
  const first = await tooltip(page, 'network-tooltip');
  assert.ok(first.length > 0, 'the first unit is shown');
  await page.keyboard.press('ArrowRight');
  const second = await tooltip(page, 'network-tooltip');
  assert.ok(second && second !== first, `→ moves to the next unit: "${first}" then "${second}"`);
  await page.keyboard.press('End');
  assert.match(await tooltip(page, 'network-tooltip'), /^weight .*: [-−]?\d/, 'End: the last edge\'s weight');
  await page.keyboard.press('Home');
  assert.equal(await tooltip(page, 'network-tooltip'), first, 'Home: the first unit again');
  assert.equal(await number(page, 'step-count'), 0, '→ on the diagram takes no step');
  await page.keyboard.press('Escape');
  assert.equal(await tooltip(page, 'network-tooltip'), '', 'Escape lets go');
  // Off the diagram, → is the page's one step again.
  await page.keyboard.press('Tab');
  await page.keyboard.press('ArrowRight');
  await waitForNumber(page, 'step-count', '==', 1, 5000, '→ steps once focus has left the diagram');
}

export async function theLandscapeAndTheRaceFromTheKeyboard({ page, baseUrl, screenshot }) {
  await open(page, baseUrl, '#preset=article');
  await instrumentsBuilt(page);
  await tabTo(page, 'landscape-show');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => Number(document.querySelector('[data-testid="landscape"]').dataset.pathLength) >= 1, null, { timeout: 10_000 });
  assert.equal(await page.locator(id('landscape-show')).getAttribute('aria-pressed'), 'true');
  await tab(page, 'landscape-plane');
  const plane = await page.locator(id('landscape-plane')).inputValue();
  await page.keyboard.press('ArrowDown');
  await page.waitForFunction((p) => document.querySelector('[data-testid="landscape-plane"]').value !== p && !/landscape=path/.test(location.hash), plane, { timeout: 5000 });

  await tabTo(page, 'race-setting');
  await tab(page, 'race-values');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('0.001, 0.01');
  await page.keyboard.press('Enter');
  await page.waitForSelector(id('race-lane-2-steps'), { timeout: 10_000 });
  assert.match(await page.evaluate(() => location.hash), /race=learningRate:0\.001,0\.01/);
  await tab(page, 'race-start');
  await tab(page, 'race-play');
  await page.keyboard.press('Space');
  await waitForNumber(page, 'race-lane-2-steps', '>=', 20, 20_000, 'Space on Play all runs the race');
  await page.keyboard.press('Space');
  await page.waitForFunction(() => /paused/.test(document.querySelector('[data-testid="race-lane-2-status"]')?.textContent || ''), null, { timeout: 5000 });
  assert.equal(await number(page, 'step-count'), 0, 'the race\'s Space did not train the page\'s own session');
  const steps = await number(page, 'race-lane-1-steps');
  await tab(page, 'race-step');
  await page.keyboard.press('Enter');
  await waitForNumber(page, 'race-lane-1-steps', '==', steps + 1, 5000, 'Enter on Step all');
  await screenshot('keyboard-race', id('race'));
  await tab(page, 'race-reset');
  await tab(page, 'race-end');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => !/race=/.test(location.hash), null, { timeout: 5000 });
}

// Tab reaches every visible, enabled control, in document order (no
// positive tabindex reorders it), on the playground and on every lesson
// (the lesson menu's, or the lesson preset while there is none).
export async function everyControlIsReachedByTab({ page, baseUrl }) {
  await open(page, baseUrl);
  await instrumentsBuilt(page);
  const lessons = await page.evaluate(() => [...(document.querySelector('[data-testid="lesson-menu"]')?.options ?? [])].map((o) => o.value).filter(Boolean));
  const hashes = ['', ...(lessons.length ? lessons.map((l) => `#lesson=${l}`) : ['#preset=lesson'])];
  for (const hash of hashes) {
    await page.goto('about:blank');
    await open(page, baseUrl, hash);
    await instrumentsBuilt(page);
    const controls = await page.evaluate(() => {
      const all = [...document.querySelectorAll('button, input, select, textarea, a[href], summary, [tabindex]')];
      const shown = all.filter((el) => {
        if (el.matches(':disabled') || el.tabIndex < 0 || el.closest('[hidden], [inert]')) return false;
        if (el.matches('input[type="radio"]:not(:checked)')) return false;
        // Rendered (not in a closed <details>, not display: none); the file
        // inputs, drawn by their labels (class file-input), still take focus.
        // A file input counts where its label is shown (a lesson may put its panel away).
        if (el.classList.contains('file-input')) return !!document.querySelector(`label[for="${el.id}"]`)?.checkVisibility({ visibilityProperty: true });
        return el.checkVisibility({ visibilityProperty: true });
      });
      shown.forEach((el, i) => (el.dataset.a11yOrder = String(i)));
      return { count: shown.length, positive: all.filter((el) => el.tabIndex > 0).map((el) => el.outerHTML.slice(0, 80)) };
    });
    assert.deepEqual(controls.positive, [], `${hash || 'the playground'}: no positive tabindex`);
    await page.evaluate(() => document.activeElement?.blur());
    const order = [];
    for (let i = 0; i < controls.count + 5; i++) {
      await page.keyboard.press('Tab');
      const at = await page.evaluate(() => document.activeElement?.dataset.a11yOrder ?? null);
      if (at != null && !order.includes(Number(at))) order.push(Number(at));
      if (order.length === controls.count) break;
    }
    const missed = await page.evaluate(
      (seen) => [...document.querySelectorAll('[data-a11y-order]')].filter((el) => !seen.includes(Number(el.dataset.a11yOrder))).map((el) => el.dataset.testid || el.outerHTML.slice(0, 80)),
      order,
    );
    assert.deepEqual(missed, [], `${hash || 'the playground'}: controls Tab never reached`);
    assert.deepEqual(order, [...order].sort((a, b) => a - b), `${hash || 'the playground'}: Tab follows the page's order`);
  }
}
everyControlIsReachedByTab.timeout = 180_000;
