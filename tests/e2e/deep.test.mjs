// Convolutional and recurrent networks in the page: a CNN learns the real
// digits, a digit drawn on the pad is classified live, and the filters,
// feature maps and saliency are drawn; an RNN learns a sine sequence, and
// the sequence view, its free run and the hidden state are drawn.
// Run by tests/e2e/run.mjs (which also fails a test on console errors,
// page errors and requests off the local server).

import assert from 'node:assert/strict';
import { id, text, open, waitForNumber, assertNoError, changeAndWait, drawStroke } from './helpers.mjs';

// Pixels of a canvas that are neither blank nor white-ish grey: the view drew something.
async function inkedPixels(page, name) {
  return page.locator(id(name)).evaluate((c) => {
    if (!c.width || !c.height) return 0;
    const { data } = c.getContext('2d').getImageData(0, 0, c.width, c.height);
    let n = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3] > 0 && Math.max(data[i], data[i + 1], data[i + 2]) - Math.min(data[i], data[i + 1], data[i + 2]) > 40) n += 1;
    }
    return n;
  });
}

async function waitForInk(page, name, min = 20, timeout = 5000) {
  try {
    await page.waitForFunction(
      ({ sel, min }) => {
        const c = document.querySelector(sel);
        if (!c || !c.width) return false;
        const { data } = c.getContext('2d').getImageData(0, 0, c.width, c.height);
        let n = 0;
        for (let i = 0; i < data.length && n < min; i += 4) {
          if (data[i + 3] > 0 && Math.max(data[i], data[i + 1], data[i + 2]) - Math.min(data[i], data[i + 1], data[i + 2]) > 40) n += 1;
        }
        return n >= min;
      },
      { sel: id(name), min },
      { timeout, polling: 100 },
    );
  } catch (e) {
    throw new Error(`${name} stayed blank (${await inkedPixels(page, name)} coloured pixels after ${timeout / 1000} s)`, { cause: e });
  }
}

const probabilities = (page) =>
  page.locator(`${id('class-probabilities')} li`).evaluateAll((lis) => lis.map((li) => li.querySelector('.pct').textContent).join(' '));

export async function cnnLearnsDigitsAndShowsInside({ page, baseUrl, screenshot }) {
  await open(page, baseUrl, '#preset=cnn');
  assert.equal(await page.locator(id('model-kind')).inputValue(), 'cnn');
  assert.ok(await page.locator(id('cnn-panel')).isVisible(), 'the inside view is shown for the digits');
  assert.equal(await page.locator(id('network-panel')).isVisible(), false, 'the dense-only diagram gives way to the CNN views');
  // Before any training the sample image already goes through the model.
  await page.waitForFunction(() => document.querySelector('[data-testid="class-probabilities"]')?.dataset.winner !== undefined, null, { timeout: 5000 });
  const t0 = Date.now();
  await page.locator(id('play')).click();
  await waitForNumber(page, 'val-accuracy', '>=', 95, 15_000, 'the CNN on the digits');
  // A little past the first 95%: a score that just crossed it is not yet a settled one.
  await waitForNumber(page, 'step-count', '>=', 600, 15_000, 'the CNN on the digits');
  await page.locator(id('play')).click();
  const trainSecs = (Date.now() - t0) / 1000;
  // The honest score: the test split, once.
  await page.locator(id('evaluate-test')).click();
  await page.waitForFunction(() => /accuracy \d/.test(document.querySelector('[data-testid="test-metrics"]')?.textContent || ''));
  const test = Number((await text(page, 'test-metrics')).match(/accuracy (\d(?:\.\d+)?)/)[1]);
  assert.ok(test >= 0.95, `test accuracy ${test} after ${trainSecs.toFixed(1)} s of training`);

  for (const view of ['filters-view', 'feature-maps', 'saliency-view']) await waitForInk(page, view);
  assert.equal(await page.locator(id('filters-view')).evaluate((c) => c.dataset.filters), '8', 'eight 3×3 filters');
  // Mistakes come from the test split now that it has been evaluated.
  await page.waitForFunction(() => document.querySelector('[data-testid="misclassified"]')?.dataset.split === 'test', null, { timeout: 5000 });
  assert.match(await text(page, 'mistakes-title'), /of \d+ test images/);
  await screenshot('cnn-views', id('cnn-panel'));

  // Draw a 1: a flag and a long downstroke. The probabilities follow the pad.
  const before = await probabilities(page);
  await drawStroke(page, [[0.35, 0.3], [0.55, 0.1], [0.55, 0.9]]);
  await page.waitForFunction(() => /Your drawing/.test(document.querySelector('[data-testid="model-input-caption"]')?.textContent || ''));
  await page.waitForFunction((b) => {
    const now = [...document.querySelectorAll('[data-testid="class-probabilities"] li .pct')].map((e) => e.textContent).join(' ');
    return now !== b;
  }, before, { timeout: 5000 });
  const winner = await page.locator(id('class-probabilities')).evaluate((ol) => ol.dataset.winner);
  assert.match(winner, /^\d$/, 'a winning digit is highlighted');
  assert.equal(await page.locator(`${id('class-probabilities')} li.winner`).count(), 1);
  await screenshot('draw-pad', '.inside-top');
  // Clear: back to the sample image.
  await page.locator(id('draw-clear')).click();
  await page.waitForFunction(() => !/Your drawing/.test(document.querySelector('[data-testid="model-input-caption"]')?.textContent || ''));
  // A mistake, clicked, becomes the image looked at (if the model makes any).
  if (await page.locator(`${id('misclassified')} button`).count()) {
    await page.locator(`${id('misclassified')} button`).first().click();
    await page.waitForFunction(() => /A test image \(a \d\)/.test(document.querySelector('[data-testid="model-input-caption"]')?.textContent || ''), null, { timeout: 3000 });
    assert.equal(await page.locator(`${id('misclassified')} button[aria-pressed="true"]`).count(), 1);
  } else assert.match(await text(page, 'mistakes-title'), /: 0 of/);
  // A pen (or a finger) draws as the mouse does: the pad listens to pointer events of any kind.
  await page.locator(id('draw-pad')).evaluate((pad) => {
    const r = pad.getBoundingClientRect();
    const at = (type, fx, fy) => pad.dispatchEvent(new PointerEvent(type, {
      pointerId: 7, pointerType: 'pen', isPrimary: true, bubbles: true, button: type === 'pointermove' ? -1 : 0,
      clientX: r.left + fx * r.width, clientY: r.top + fy * r.height,
    }));
    at('pointerdown', 0.3, 0.2);
    for (let t = 0; t <= 1; t += 0.1) at('pointermove', 0.3 + 0.4 * t, 0.2 + 0.6 * t);
    at('pointerup', 0.7, 0.8);
  });
  await page.waitForFunction(() => /Your drawing/.test(document.querySelector('[data-testid="model-input-caption"]')?.textContent || ''), null, { timeout: 3000 });
  await assertNoError(page);
}

export async function rnnLearnsSequenceWithFreeRun({ page, baseUrl, screenshot }) {
  await open(page, baseUrl, '#preset=rnn');
  assert.equal(await page.locator(id('model-kind')).inputValue(), 'rnn');
  assert.ok(await page.locator(id('sequence-panel')).isVisible(), 'the sequence view is shown');
  await waitForInk(page, 'sequence-view');
  await page.locator(id('play')).click();
  await waitForNumber(page, 'step-count', '>=', 600, 15_000, 'the RNN on sine-seq');
  await page.locator(id('play')).click();
  const loss = Number(await text(page, 'val-loss'));
  assert.ok(loss < 0.01, `validation MSE ${loss} after 600 steps`);
  await waitForInk(page, 'hidden-state', 100);
  await page.waitForTimeout(400); // the answer for the final weights
  await screenshot('sequence-view', id('sequence-panel'));

  await page.locator(id('free-run')).click();
  await page.waitForFunction(() => /Free run: \d+ steps/.test(document.querySelector('[data-testid="sequence-caption"]')?.textContent || ''), null, { timeout: 5000 });
  assert.equal(await page.locator(id('free-run')).getAttribute('aria-pressed'), 'true');
  // The free run's orange line is on the chart.
  const orange = await page.locator(id('sequence-view')).evaluate((c) => {
    const { data } = c.getContext('2d').getImageData(0, 0, c.width, c.height);
    let n = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i] > 220 && data[i + 1] > 120 && data[i + 1] < 170 && data[i + 2] < 70) n += 1;
    return n;
  });
  assert.ok(orange > 50, `the free run is drawn (${orange} orange pixels)`);
  await screenshot('free-run', id('sequence-panel'));

  // The majority set: windows of bits, and the state that counts them.
  await changeAndWait(page, 'dataset', 'seq-majority', 'seq-majority');
  assert.equal(await page.locator(id('model-kind')).inputValue(), 'rnn', 'still a recurrent network');
  await waitForInk(page, 'hidden-state', 100);
  assert.equal(await page.locator(id('free-run')).isDisabled(), true, 'no free run for a label');
  await assertNoError(page);

  // A link carries the sequence settings: window, mix and the state size.
  await open(page, baseUrl, '#preset=rnn&window=30&mix=1&state=8');
  assert.equal(await page.locator(id('window')).inputValue(), '30');
  assert.equal(await page.locator(id('mix')).isChecked(), true);
  assert.equal(await page.locator(id('state-size')).inputValue(), '8');
  await waitForInk(page, 'hidden-state', 50);
  assert.equal(await page.locator(id('hidden-state')).evaluate((c) => c.dataset.steps), '30', 'the heatmap has a column per step of the window');
}
