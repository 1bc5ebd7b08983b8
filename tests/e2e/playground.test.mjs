// The playground page (index.html) end to end, through its data-testids:
// every data set trains, multi-class colours, the URL hash, step / reset /
// live learning rate, the long-task rule at top speed, no requests after
// load, the sealed test split, labels and keys, and a screenshot per view.
// Run by tests/e2e/run.mjs, which also fails a test on any console error,
// uncaught page error or request that leaves the local server.

import assert from 'node:assert/strict';
import {
  id, text, number, open, waitForSession, session, setControl, changeAndWait, setSpeed, SPEEDS,
  waitForNumber, assertNoError, stepsFrozen, readControls, networkColumns, hoverNetwork,
} from './helpers.mjs';

// The engine's built-in sets (checkerboard: added in issue 12, in the engine alone).
const SOURCES = ['circle', 'xor', 'gauss', 'spiral', 'moons', 'checkerboard', 'blobs', 'spiral-k', 'reg-plane', 'reg-gauss', 'sine', 'digits', 'sine-seq', 'seq-majority', 'article-linear'];

export async function opensOnPlaygroundDefault({ page, baseUrl, screenshot }) {
  await open(page, baseUrl);
  await assertNoError(page);
  assert.equal(await page.locator(id('dataset')).inputValue(), 'circle', 'opens on the circle set, as TensorFlow Playground');
  assert.equal(await page.locator(id('hidden-layers')).inputValue(), '4,2');
  assert.equal(await number(page, 'step-count'), 0);
  assert.equal(await number(page, 'epoch-count'), 0);
  // Every hook the issue names is on the page.
  const hooks = ['play', 'step', 'reset', 'learning-rate', 'step-count', 'train-loss', 'loss-chart', 'error', 'dataset', 'noise', 'samples', 'seed',
    'regenerate', 'features', 'model-kind', 'hidden-layers', 'activation', 'optimizer', 'batch-size', 'regularization', 'reg-rate', 'speed',
    'epoch-count', 'val-loss', 'train-accuracy', 'val-accuracy', 'output-view', 'network-view', 'confusion-matrix', 'evaluate-test', 'test-metrics'];
  const missing = await page.evaluate((hooks) => hooks.filter((h) => !document.querySelector(`[data-testid="${h}"]`)), hooks);
  assert.deepEqual(missing, [], 'missing data-testids');
  // The dataset select offers exactly the built-in sources, by engine name.
  const options = await page.locator(`${id('dataset')} option`).evaluateAll((os) => os.map((o) => o.value));
  assert.deepEqual([...options].sort(), [...SOURCES].sort());
  // A thumbnail per data set arrives from the worker.
  await page.waitForFunction(() => {
    const c = document.querySelector('.thumb[data-source="spiral"] canvas');
    return c && c.getContext('2d').getImageData(0, 0, c.width, c.height).data.some((v, i) => i % 4 !== 3 && v < 200);
  }, null, { timeout: 5000 });
  await screenshot('playground-default');
}

export async function everyDataSourceTrains({ page, baseUrl }) {
  await open(page, baseUrl);
  await setSpeed(page, 100);
  const report = [];
  for (const source of SOURCES) {
    if ((await page.locator(id('dataset')).inputValue()) !== source) await changeAndWait(page, 'dataset', source, source);
    const first = await number(page, 'train-loss');
    assert.ok(Number.isFinite(first), `${source}: a loss before training, got "${await text(page, 'train-loss')}"`);
    await page.locator(id('play')).click();
    try {
      await page.waitForFunction(
        ({ first }) => {
          const t = document.querySelector('[data-testid="train-loss"]')?.textContent || '';
          const step = Number(document.querySelector('[data-testid="step-count"]')?.textContent);
          return step > 0 && Number(t) < first * 0.97;
        },
        { first },
        { timeout: 8000, polling: 'raf' },
      );
    } catch (e) {
      throw new Error(`${source}: loss did not fall from ${first}: now "${await text(page, 'train-loss')}" at step ${await text(page, 'step-count')}; error "${await text(page, 'error')}"`, { cause: e });
    }
    await page.locator(id('play')).click();
    report.push(`${source} ${first} → ${await text(page, 'train-loss')}`);
    await assertNoError(page);
  }
  assert.equal(report.length, SOURCES.length);
}

export async function multiClassShowsOneColourPerClass({ page, baseUrl, screenshot }) {
  await open(page, baseUrl);
  await changeAndWait(page, 'dataset', 'blobs', 'blobs');
  await changeAndWait(page, 'classes', '5', 'blobs');
  await changeAndWait(page, 'optimizer', 'adam', 'blobs');
  await setControl(page, 'learning-rate', 0.03);
  await setSpeed(page, 50);
  await page.locator(id('play')).click();
  await waitForNumber(page, 'val-accuracy', '>=', 90, 10_000, 'blobs with 5 classes');
  await page.locator(id('play')).click();
  await page.waitForTimeout(200); // the last heatmap of the run

  const legend = await page.locator(`${id('output-legend')} [data-class]`).evaluateAll((els) => els.map((e) => getComputedStyle(e).backgroundColor));
  assert.equal(legend.length, 5, 'one legend swatch per class');
  const result = await page.locator(id('output-view')).evaluate((canvas, legend) => {
    const hue = (r, g, b) => {
      const max = Math.max(r, g, b);
      const min = Math.min(r, g, b);
      const d = max - min;
      if (!d) return { h: 0, s: 0, v: max / 255 };
      let h = max === r ? ((g - b) / d) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
      h = (h * 60 + 360) % 360;
      return { h, s: d / max, v: max / 255 };
    };
    const classes = legend.map((c) => hue(...c.match(/\d+/g).map(Number)).h);
    const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
    const counts = new Array(classes.length).fill(0);
    let coloured = 0;
    let unmatched = 0;
    for (let i = 0; i < data.length; i += 4 * 7) {
      const p = hue(data[i], data[i + 1], data[i + 2]);
      if (p.s < 0.3 || p.v < 0.25) continue; // background, text, pale unsure regions
      coloured += 1;
      let best = -1;
      let dist = 25;
      classes.forEach((h, k) => {
        const d = Math.min(Math.abs(p.h - h), 360 - Math.abs(p.h - h));
        if (d < dist) {
          dist = d;
          best = k;
        }
      });
      if (best < 0) unmatched += 1;
      else counts[best] += 1;
    }
    return { counts, coloured, unmatched };
  }, legend);
  const shares = result.counts.map((c) => c / result.coloured);
  assert.ok(shares.every((s) => s > 0.03), `every class colours part of the plane: shares ${shares.map((s) => s.toFixed(3)).join(', ')}`);
  assert.ok(result.unmatched / result.coloured < 0.05, `strong colours are class colours (${result.unmatched} of ${result.coloured} are not)`);
  await screenshot('output-multiclass', id('output-panel'));
}

export async function hashRoundTripsTheWholeSetup({ page, baseUrl }) {
  await open(page, baseUrl);
  await changeAndWait(page, 'dataset', 'spiral-k', 'spiral-k');
  await changeAndWait(page, 'classes', '4');
  await changeAndWait(page, 'noise', '15');
  await changeAndWait(page, 'samples', '400');
  await changeAndWait(page, 'split-train', '60');
  await changeAndWait(page, 'seed', '7');
  await changeAndWait(page, 'normalize', 'standard');
  const before = await session(page);
  await page.locator(`${id('features')} input[value="sin(x1)"]`).check();
  await waitForSession(page, { after: before });
  await changeAndWait(page, 'hidden-layers', '6,3');
  await changeAndWait(page, 'activation', 'relu');
  await changeAndWait(page, 'init', 'he');
  await changeAndWait(page, 'optimizer', 'rmsprop');
  await changeAndWait(page, 'batch-size', '16');
  await changeAndWait(page, 'loss', 'mse');
  await changeAndWait(page, 'regularization', 'l2');
  await changeAndWait(page, 'reg-rate', '0.003');
  await setControl(page, 'learning-rate', 0.01);
  await setSpeed(page, 200);
  await page.locator(id('discretize')).check();
  await page.locator(id('show-val')).check();
  await page.locator(id('log-scale')).uncheck();
  await page.locator(id('large-text')).click();
  await page.waitForTimeout(100);
  const set = await readControls(page);
  const hash = await page.evaluate(() => location.hash);
  assert.match(hash, /data=spiral-k/);
  assert.match(hash, /hidden=6,3/);

  const second = await page.context().newPage();
  await open(second, baseUrl, hash);
  const restored = await readControls(second);
  for (const key of ['dataset', 'classes', 'noise', 'samples', 'split-train', 'split-val', 'seed', 'normalize', 'features', 'model-kind', 'hidden-layers',
    'activation', 'init', 'optimizer', 'batch-size', 'loss', 'regularization', 'reg-rate', 'learning-rate', 'speed', 'discretize', 'show-val', 'log-scale', 'large-text']) {
    assert.equal(restored[key], set[key], `${key} after opening the link`);
  }
  assert.deepEqual(restored, set, 'every control comes back from the link');
  assert.equal(await second.evaluate(() => location.hash), hash, 'the link is stable');
  assert.equal(await text(second, 'notice-text'), '', 'a good link shows no notice');
  assert.equal(await second.locator(id('notice')).isVisible(), false);
  await second.close();
}

export async function brokenHashFallsBackWithNotice({ page, baseUrl }) {
  const hostile = '#data=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&lr=-1&hidden=9999,2&batch=abc&evil=1&split=90,90,90&features=x1,x1';
  await open(page, baseUrl, hostile);
  assert.ok(await page.locator(id('notice')).isVisible(), 'the notice is shown');
  const notice = await text(page, 'notice-text');
  assert.match(notice, /could not all be used/);
  assert.match(notice, /"evil" is not a setting/);
  assert.match(notice, /lr "-1"/);
  assert.equal(await page.locator('img').count(), 0, 'nothing from the link became HTML');
  const controls = await readControls(page);
  assert.equal(controls.dataset, 'circle');
  assert.equal(Number(controls['learning-rate']), 0.03);
  assert.equal(controls['hidden-layers'], '4,2');
  assert.equal(controls['batch-size'], '10');
  await assertNoError(page);
  // The page works from the defaults, and the link now describes them.
  assert.doesNotMatch(await page.evaluate(() => location.hash), /evil|onerror/);
  await page.locator(id('step')).click();
  await waitForNumber(page, 'step-count', '>=', 1, 5000, 'a step after a broken link');
  await page.locator(id('notice-dismiss')).click();
  await page.locator(id('notice')).waitFor({ state: 'hidden', timeout: 2000 });
}

export async function presetOpensTheLesson({ page, baseUrl }) {
  await open(page, baseUrl, '#preset=article');
  assert.equal(await page.locator(id('dataset')).inputValue(), 'article-linear');
  assert.equal(await page.locator(id('model-kind')).inputValue(), 'linear');
  assert.ok(await page.locator(id('params')).isVisible(), 'the lesson tables are shown');
  // And the preset picker switches setups in place.
  const before = await session(page);
  await page.locator(id('preset')).selectOption('digits');
  await waitForSession(page, { after: before, source: 'digits' });
  assert.equal(await page.locator(id('params')).isVisible(), false, 'the lesson tables go with the lesson');
}

export async function stepAdvancesExactlyOneUpdate({ page, baseUrl }) {
  await open(page, baseUrl);
  const first = await text(page, 'train-loss');
  await page.locator(id('step')).click();
  await waitForNumber(page, 'step-count', '>=', 1, 5000, 'after one click on step');
  await page.waitForTimeout(300);
  assert.equal(await number(page, 'step-count'), 1, 'one click on step is one update');
  assert.notEqual(await text(page, 'train-loss'), first, 'the update changed the loss');
  // → is a step too, and Space plays and pauses.
  await page.keyboard.press('ArrowRight');
  await waitForNumber(page, 'step-count', '>=', 2, 5000, 'after →');
  await page.waitForTimeout(200);
  assert.equal(await number(page, 'step-count'), 2);
  await page.keyboard.press('Space');
  await waitForNumber(page, 'step-count', '>=', 20, 5000, 'after Space');
  assert.equal(await text(page, 'play'), 'Pause');
  await page.keyboard.press('Space');
  await page.waitForTimeout(150);
  assert.ok(await stepsFrozen(page), 'Space paused training');
}

export async function resetRestartsTraining({ page, baseUrl }) {
  await open(page, baseUrl);
  const first = await text(page, 'train-loss');
  await setSpeed(page, 50);
  await page.locator(id('play')).click();
  await waitForNumber(page, 'step-count', '>=', 500, 8000, 'while playing');
  // Reset while playing: back to step 0 at once, paused, with the same start.
  await page.locator(id('reset')).click();
  await waitForNumber(page, 'step-count', '==', 0, 3000, 'after reset');
  assert.ok(await stepsFrozen(page), 'reset pauses');
  assert.equal(await text(page, 'play'), 'Play');
  assert.equal(await text(page, 'train-loss'), first, 'the same seed gives the same starting loss');
  assert.equal(await number(page, 'epoch-count'), 0);
  // A setting that changes the model also starts again from step 0.
  await page.locator(id('step')).click();
  await waitForNumber(page, 'step-count', '==', 1, 3000, 'one step');
  await changeAndWait(page, 'activation', 'relu');
  assert.equal(await number(page, 'step-count'), 0);
}

export async function learningRateChangesLive({ page, baseUrl }) {
  // The lesson converges at 0.01 and diverges at 0.1: switching mid-run
  // must diverge from where training is, not from a fresh start.
  await open(page, baseUrl, '#preset=article');
  await page.locator(id('play')).click();
  await waitForNumber(page, 'step-count', '>=', 200, 8000, 'playing at 0.01');
  const before = await session(page);
  const stepAtChange = await number(page, 'step-count');
  await setControl(page, 'learning-rate', 0.1);
  await page.waitForFunction(() => /diverg/i.test(document.querySelector('[data-testid="error"]')?.textContent || ''), null, { timeout: 8000 });
  assert.equal(await session(page), before, 'no new session: the rate changed live');
  assert.ok((await number(page, 'step-count')) > stepAtChange, 'training went on from where it was');
  assert.match(await page.evaluate(() => location.hash), /lr=0\.1(&|$)/, 'the link has the new rate');
  assert.ok(await stepsFrozen(page), 'divergence pauses training');
  assert.match(await text(page, 'error'), /learning rate 0\.1/);
  // Speed, too, changes without a reset.
  await setSpeed(page, 1000);
  assert.equal(await session(page), before);
}

export async function noLongTasksAtTopSpeed({ page, baseUrl }) {
  await page.addInitScript(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask' });
  });
  // The heaviest page to draw: four features, three hidden layers of unit
  // thumbnails, the boundary, the loss curves and the confusion matrix.
  await open(page, baseUrl, '#preset=spiral');
  await setSpeed(page, SPEEDS[SPEEDS.length - 1]);
  await page.waitForTimeout(200);
  const t0 = await page.evaluate(() => performance.now());
  await page.locator(id('play')).click();
  await page.waitForTimeout(5000);
  const t1 = await page.evaluate(() => performance.now());
  await page.locator(id('play')).click();
  const steps = await number(page, 'step-count');
  const tasks = await page.evaluate(({ t0, t1 }) => window.__longTasks.filter((t) => t.start >= t0 && t.start <= t1), { t0, t1 });
  assert.ok(steps > 5000, `training ran at top speed (${steps} steps in 5 s)`);
  assert.deepEqual(tasks.filter((t) => t.duration > 50), [], `main-thread tasks over 50 ms while training: ${JSON.stringify(tasks)}`);
}

export async function noRequestsAfterLoad({ page, baseUrl }) {
  await open(page, baseUrl);
  // The page has loaded once every picker thumbnail is drawn: the digits'
  // picture needs data/digits.csv.gz, which the worker fetches after the
  // first frame.
  await page.waitForFunction(() => /\bdigits\b/.test(document.querySelector('.thumbs')?.dataset.drawn || ''), null, { timeout: 10_000 });
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  // Everything a lesson does: train, switch data and presets, evaluate, share.
  await setSpeed(page, 100);
  await page.locator(id('play')).click();
  await page.waitForTimeout(800);
  await page.locator(id('play')).click();
  await changeAndWait(page, 'dataset', 'digits', 'digits');
  await page.waitForTimeout(500);
  await page.locator(id('evaluate-test')).click();
  await page.waitForFunction(() => /accuracy/.test(document.querySelector('[data-testid="test-metrics"]')?.textContent || ''));
  await changeAndWait(page, 'dataset', 'sine', 'sine');
  await page.locator(id('large-text')).click();
  await page.waitForTimeout(500);
  assert.deepEqual(requests, [], 'no request after the page loaded');
}

// The digits are fetched by the worker when first needed (they are not in
// the wasm). A server without the file gives a message that says what to do,
// the session on screen stays, and choosing the set again once the file is
// back works.
export async function digitsThatFailToLoadSayWhatToDo({ page, baseUrl }) {
  const missing = (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'not found' });
  await page.context().route('**/data/digits.csv.gz', missing);
  await open(page, baseUrl);
  const before = await page.evaluate(() => ({ ...document.body.dataset }));
  await setControl(page, 'dataset', 'digits');
  await page.waitForFunction(() => /digits data set did not load/.test(document.querySelector('[data-testid="error"]')?.textContent || ''), null, { timeout: 8000 });
  assert.match(await text(page, 'error'), /404.*scripts\/serve\.sh/s);
  const after = await page.evaluate(() => ({ ...document.body.dataset }));
  assert.equal(after.session, before.session, 'the previous session stays');
  assert.equal(after.source, before.source);
  await page.context().unroute('**/data/digits.csv.gz', missing);
  await changeAndWait(page, 'dataset', 'xor', 'xor');
  await changeAndWait(page, 'dataset', 'digits', 'digits');
  await assertNoError(page);
}

export async function testSplitStaysSealedUntilEvaluated({ page, baseUrl, screenshot }) {
  await open(page, baseUrl);
  const rowsOf = (t) => Number((t.match(/(\d+) rows/) || [])[1]);
  assert.doesNotMatch(await text(page, 'test-metrics'), /accuracy/, 'no test score before the button');
  assert.equal(await page.locator(id('show-test')).isDisabled(), true, 'test points cannot be shown yet');
  await setSpeed(page, 100);
  await page.locator(id('play')).click();
  await waitForNumber(page, 'val-accuracy', '>=', 95, 10_000, 'circle');
  await page.locator(id('play')).click();
  // The live validation confusion matrix: 2 × 2 counts adding up to the split.
  const counts = await page.locator(`${id('confusion-matrix')} tbody td:not(.recall)`).evaluateAll((tds) => tds.map((td) => Number(td.textContent)));
  assert.equal(counts.length, 4);
  const caption = await text(page, 'eval-caption');
  assert.equal(counts.reduce((a, b) => a + b, 0), rowsOf(caption), `the matrix counts every validation row (${caption})`);
  const recall = await page.locator(`${id('confusion-matrix')} td.recall`).allTextContents();
  assert.equal(recall.length, 2, 'an accuracy per class');

  await page.locator(id('evaluate-test')).click();
  await page.waitForFunction(() => /accuracy \d/.test(document.querySelector('[data-testid="test-metrics"]')?.textContent || ''));
  const metrics = await text(page, 'test-metrics');
  assert.match(metrics, /Test split \(75 rows\) at step \d+: accuracy (0\.\d+|1)/);
  assert.equal(await page.locator(id('show-test')).isChecked(), true, 'the test points appear once evaluated');
  await screenshot('evaluation-classification', id('eval-panel'));
  await screenshot('output-circle-with-test', id('output-panel'));
  await page.locator(id('reset')).click();
  await waitForNumber(page, 'step-count', '==', 0, 3000, 'reset');
  await page.waitForFunction(() => !/accuracy/.test(document.querySelector('[data-testid="test-metrics"]')?.textContent || ''));
  assert.equal(await page.locator(id('show-test')).isDisabled(), true, 'a new run seals the test split again');
}

export async function savesTheModelAsJson({ page, baseUrl }) {
  await open(page, baseUrl);
  await page.locator(id('step')).click();
  await waitForNumber(page, 'step-count', '==', 1, 3000, 'one step');
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator(id('export-model')).click()]);
  assert.equal(download.suggestedFilename(), 'descent-model.json');
  const file = await download.path();
  const { readFile } = await import('node:fs/promises');
  // The engine's model file (Session.importModel reads it back; yourdata.test.mjs).
  const model = JSON.parse(await readFile(file, 'utf8'));
  assert.equal(model.format, 'descent-model');
  assert.equal(model.version, 1);
  assert.equal(model.step, 1);
  assert.equal(model.config.data.source, 'circle');
  assert.deepEqual(model.config.model.hidden, [4, 2]);
  // 2-4-2-1: 2·4+4 + 4·2+2 + 2·1+1 = 25 numbers, in the engine's layer order.
  assert.deepEqual(model.parameters.map((p) => p.name), ['dense0.weight', 'dense0.bias', 'dense2.weight', 'dense2.bias', 'dense4.weight', 'dense4.bias']);
  assert.equal(model.parameters.reduce((n, p) => n + p.values.length, 0), 25);
}

export async function controlsHaveLabelsAndLargeText({ page, baseUrl, screenshot }) {
  await open(page, baseUrl);
  const unlabelled = await page.evaluate(() =>
    [...document.querySelectorAll('input, select, button, textarea')]
      .filter((el) => {
        const name = (el.labels && [...el.labels].map((l) => l.textContent).join('').trim()) || el.getAttribute('aria-label') || (el.tagName === 'BUTTON' && el.textContent.trim());
        return !name;
      })
      .map((el) => el.outerHTML.slice(0, 80)),
  );
  assert.deepEqual(unlabelled, [], 'every control has a label');
  const size = () => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  const normal = await size();
  await page.locator(id('large-text')).click();
  await page.waitForTimeout(200);
  assert.ok((await size()) >= normal * 1.25, `large text: root font ${normal}px → ${await size()}px`);
  await screenshot('playground-large-text');
}

export async function screenshotsOfEachView({ page, baseUrl, screenshot }) {
  await open(page, baseUrl, '#preset=spiral');
  await setSpeed(page, 200);
  await page.locator(id('play')).click();
  await waitForNumber(page, 'step-count', '>=', 3000, 10_000, 'spiral');
  await page.locator(id('play')).click();
  await page.waitForTimeout(300);
  await screenshot('output-spiral', id('output-panel'));
  await screenshot('loss-chart', '.panel-loss');
  // Hover a hidden unit: its tooltip, and its own output in the Output panel.
  const cols = await networkColumns(page);
  assert.ok(cols.length >= 5, `features, 3 hidden layers and the output: columns at ${cols}`);
  const hovered = await hoverNetwork(page, cols[1], /layer 1 unit/);
  assert.match(hovered, /layer 1 unit \d+, bias -?\d/, 'hovering a unit names it and its bias');
  await page.waitForFunction(() => /Showing layer 1 unit/.test(document.querySelector('[data-testid="output-caption"]')?.textContent || ''));
  await screenshot('network-hover-unit', id('network-panel'));
  await screenshot('output-hovered-unit', id('output-panel'));
  // Hover an edge, halfway between the features and layer 1: its weight.
  const weight = await hoverNetwork(page, (cols[0] + cols[1]) / 2, /^weight/);
  assert.match(weight, /^weight .+ → layer 1 unit \d+: -?\d/, 'hovering an edge shows its weight');
  await screenshot('network-hover-edge', id('network-panel'));
  await page.mouse.move(0, 0);

  await open(page, baseUrl, '#preset=digits');
  await setSpeed(page, 50);
  await page.locator(id('play')).click();
  await waitForNumber(page, 'val-accuracy', '>=', 85, 15_000, 'digits');
  await page.locator(id('play')).click();
  await page.waitForTimeout(300);
  await screenshot('output-digits', id('output-panel'));
  await screenshot('network-digits', id('network-panel'));
  await screenshot('confusion-digits', id('eval-panel'));

  await open(page, baseUrl, '#preset=sine');
  await page.locator(id('play')).click();
  await waitForNumber(page, 'step-count', '>=', 2000, 10_000, 'sine');
  await page.locator(id('play')).click();
  await page.locator(id('evaluate-test')).click();
  await page.waitForFunction(() => /R²/.test(document.querySelector('[data-testid="test-metrics"]')?.textContent || ''));
  await page.waitForTimeout(300);
  assert.ok(await page.locator(id('pred-vs-actual')).isVisible(), 'regression shows predicted against actual');
  assert.match(await text(page, 'val-metrics'), /R²/);
  await screenshot('output-sine', id('output-panel'));
  await screenshot('evaluation-regression', id('eval-panel'));
  await screenshot('playground-sine');
}

// Run order (the harness otherwise runs exports alphabetically).
export const tests = [
  opensOnPlaygroundDefault,
  everyDataSourceTrains,
  multiClassShowsOneColourPerClass,
  hashRoundTripsTheWholeSetup,
  brokenHashFallsBackWithNotice,
  presetOpensTheLesson,
  stepAdvancesExactlyOneUpdate,
  resetRestartsTraining,
  learningRateChangesLive,
  noLongTasksAtTopSpeed,
  noRequestsAfterLoad,
  digitsThatFailToLoadSayWhatToDo,
  testSplitStaysSealedUntilEvaluated,
  savesTheModelAsJson,
  exportsTheModelAsOnnx,
  controlsHaveLabelsAndLargeText,
  screenshotsOfEachView,
];

// ONNX: the same model as a file onnxruntime runs (tests/onnx checks the
// numbers); here, the button's download and how to run it.
export async function exportsTheModelAsOnnx({ page, baseUrl, screenshot }) {
  await open(page, baseUrl);
  await page.locator(id('step')).click();
  await waitForNumber(page, 'step-count', '==', 1, 3000, 'one step');
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator(id('export-onnx')).click()]);
  assert.equal(download.suggestedFilename(), 'descent-model.onnx');
  const { readFile } = await import('node:fs/promises');
  const bytes = await readFile(await download.path());
  // ModelProto field 1 (ir_version, a varint) comes first: 0x08, then 7.
  assert.deepEqual([...bytes.subarray(0, 2)], [0x08, 7]);
  assert.ok(bytes.includes(Buffer.from('dense0.weight')), 'the weights are in it, by name');
  await page.locator(id('onnx-howto')).waitFor({ state: 'visible' });
  const snippet = await page.locator(id('onnx-snippet')).textContent();
  assert.match(snippet, /import onnxruntime/);
  assert.match(snippet, /np\.zeros\(\(1, 2\), np\.float32\)/, snippet);
  await screenshot('onnx-howto', id('onnx-howto'));
  await page.locator(id('onnx-howto-close')).click();
  await page.locator(id('onnx-howto')).waitFor({ state: 'hidden' });
}
