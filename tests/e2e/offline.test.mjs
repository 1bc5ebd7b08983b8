// The offline file, dist/descent-offline.html (scripts/offline.mjs): opened
// from file:// with the network off, it must do what the served page does
// and ask for nothing. Each Chromium test opens it in a context of its own
// (the harness's context is for the served page): `offline: true`, and the
// test fails on any request but the file itself, blob: and data:, on any
// console or page error and on any CSP violation, as run.mjs fails the
// others. The last test opens the same file in Firefox ESR through
// geckodriver (webdriver.mjs).
//
//   node tests/e2e/run.mjs offline

import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { id, text, number, waitForSession, session, changeAndWait, setSpeed, waitForNumber, assertNoError } from './helpers.mjs';
import { firefox } from './webdriver.mjs';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const FILE = join(REPO, 'dist', 'descent-offline.html');
const FILE_URL = pathToFileURL(FILE).href;
const SHOTS = join(REPO, 'test-results', 'screenshots');

// The offline file in a fresh offline context; `run(page)` does the test.
async function offline(harnessPage, hash, run) {
  assert.ok(existsSync(FILE), `${FILE} is missing: scripts/setup.sh --page builds it`);
  const context = await harnessPage.context().browser().newContext({ offline: true, viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const problems = [];
  const allowed = (url) => url.split('#')[0] === FILE_URL || /^(blob|data):/.test(url);
  context.on('request', (r) => {
    if (!allowed(r.url())) problems.push(`request: ${r.method()} ${r.url()}`);
  });
  await context.addInitScript(() => {
    addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} refused ${e.blockedURI || 'an inline resource'}`));
  });
  const page = await context.newPage();
  const onConsole = (where) => (msg) => {
    if (msg.type() === 'error') problems.push(`console error (${where}): ${msg.text()}`);
  };
  page.on('console', onConsole('page'));
  page.on('worker', (w) => w.on?.('console', onConsole('worker')));
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('crash', () => problems.push('page crashed'));
  try {
    await page.goto(`${FILE_URL}${hash}`, { waitUntil: 'load' });
    await waitForSession(page, { timeout: 15_000 });
    await run(page);
    await page.waitForTimeout(100); // late errors surface
  } finally {
    await context.close().catch(() => {});
  }
  assert.deepEqual(problems, [], 'the offline file asked for nothing and logged no error');
}

const shot = (page, name) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });

export async function offlineFileHoldsEverythingByHash({ page: harness }) {
  const html = readFileSync(FILE, 'utf8');
  const size = statSync(FILE).size;
  assert.ok(size <= 1_000_000, `${size} bytes, over the 1 MB target`);
  await offline(harness, '', async (page) => {
    assert.equal(await page.locator('script[src], link[rel="stylesheet"], img[src]').count(), 0, 'nothing is loaded from beside the file');
    assert.equal(await page.locator(id('download-offline')).count(), 0, 'the file does not offer itself');
    assert.equal(await page.locator('script[type="text/x-descent"]').count(), 0, 'the carried data is taken out once the worker has it');
    const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    const d = Object.fromEntries(policy.split(';').map((x) => x.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
    assert.deepEqual(Object.keys(d), ['default-src', 'script-src', 'worker-src', 'connect-src', 'img-src', 'style-src', 'object-src', 'base-uri', 'form-action']);
    assert.deepEqual(d['default-src'], ["'none'"]);
    assert.deepEqual(d['connect-src'], ["'none'"]);
    assert.deepEqual(d['worker-src'], ['blob:']);
    assert.deepEqual(d['img-src'], ['data:', 'blob:']);
    assert.deepEqual([d['object-src'], d['base-uri'], d['form-action']], [["'none'"], ["'none'"], ["'none'"]]);
    assert.ok(!policy.includes('unsafe-inline') && !/\bunsafe-eval/.test(policy.replace("'wasm-unsafe-eval'", '')), policy);
    // Exactly the inline scripts and styles in the file, by hash.
    const hash = (s) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;
    const inline = (tag, attrs) => [...html.matchAll(new RegExp(`<${tag}${attrs}>([\\s\\S]*?)</${tag}>`, 'g'))].map((m) => hash(m[1]));
    assert.deepEqual(d['script-src'], [...inline('script', '(?: type="module")?'), "'wasm-unsafe-eval'"]);
    assert.deepEqual(d['style-src'], inline('style', ''));
  });
}

export async function offlineLessonConverges({ page: harness }) {
  await offline(harness, '#preset=lesson', async (page) => {
    assert.equal(await page.locator(id('dataset')).inputValue(), 'article-linear');
    assert.ok(await page.locator(id('lesson-panel')).isVisible(), 'the linear lesson is open');
    assert.ok(await page.locator(id('params')).isVisible(), 'the lesson tables are shown');
    await setSpeed(page, 100);
    await page.locator(id('play')).click();
    await waitForNumber(page, 'train-loss', '<', 1e-3, 15_000, 'the lesson converging');
    await page.locator(id('play')).click();
    await assertNoError(page);
    await shot(page, 'offline-lesson');
  });
}

// The lessons' instruments are in the file: a step traced through its four
// phases, and a race of learning rates whose 0.1 lane diverges.
export async function offlineInstrumentsWork({ page: harness }) {
  await offline(harness, '#preset=article&race=learningRate:0.001,0.01,0.1', async (page) => {
    await page.locator(id('trace-sample')).click();
    await page.waitForFunction(() => document.querySelector('[data-testid="trace-panel"]')?.dataset.phase === 'forward', null, { timeout: 15_000 });
    for (const phase of ['loss', 'backward', 'update']) {
      await page.locator(id('trace-next')).click();
      await page.waitForFunction((p) => document.querySelector('[data-testid="trace-panel"]')?.dataset.phase === p, phase);
    }
    await page.locator(id('race-play')).waitFor({ state: 'visible' });
    await page.waitForFunction(() => !document.querySelector('[data-testid="race-play"]').disabled, null, { timeout: 15_000 });
    await page.locator(id('race-play')).click();
    await page.waitForFunction(() => /^diverged/.test(document.querySelector('[data-testid="race-lane-3-status"]')?.textContent || ''), null, { timeout: 20_000 });
    await assertNoError(page);
    await shot(page, 'offline-instruments');
  });
}

export async function offlineDigitsCnnTrains({ page: harness }) {
  await offline(harness, '#preset=cnn', async (page) => {
    assert.equal(await page.locator(id('model-kind')).inputValue(), 'cnn');
    assert.ok(await page.locator(id('cnn-panel')).isVisible(), 'the inside view is shown');
    await page.locator(id('play')).click();
    // The digits came from the file (there is no server): the CNN learns them.
    await waitForNumber(page, 'val-accuracy', '>=', 90, 20_000, 'the CNN on the carried digits');
    await page.locator(id('play')).click();
    await assertNoError(page);
    await shot(page, 'offline-cnn');
  });
}

export async function offlineEveryPresetOpens({ page: harness }) {
  await offline(harness, '', async (page) => {
    const presets = (await page.locator(`${id('preset')} option`).evaluateAll((os) => os.map((o) => o.value))).filter(Boolean);
    assert.ok(presets.length >= 10, `presets: ${presets}`);
    for (const name of presets) {
      const before = await session(page);
      await page.locator(id('preset')).selectOption(name);
      await waitForSession(page, { after: before, timeout: 10_000 });
      await page.locator(id('step')).click();
      await waitForNumber(page, 'step-count', '==', 1, 5000, `a step of preset ${name}`);
      await assertNoError(page);
    }
  });
}

// A few hundred rows where y depends on the inputs: a regression to learn.
function houses(n) {
  const lines = ['size,rooms,price'];
  let s = 7;
  const r = () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  for (let i = 0; i < n; i++) {
    const size = 30 + r() * 120;
    const rooms = 1 + Math.floor(r() * 5);
    lines.push(`${size.toFixed(1)},${rooms},${(2.5 * size + 20 * rooms + r() * 10).toFixed(1)}`);
  }
  return lines.join('\n');
}

async function trainsDown(page) {
  if ((await page.locator(id('optimizer')).inputValue()) !== 'adam') await changeAndWait(page, 'optimizer', 'adam', 'csv');
  await setSpeed(page, 100);
  const first = await number(page, 'train-loss');
  await page.locator(id('play')).click();
  await page.waitForFunction((first) => Number(document.querySelector('[data-testid="train-loss"]').textContent) < first * 0.2, first, { timeout: 10_000, polling: 'raf' });
  await page.locator(id('play')).click();
  await assertNoError(page);
}

export async function offlineCsvPastedChosenDroppedTrains({ page: harness }) {
  await offline(harness, '', async (page) => {
    await page.locator('.paste summary').click();
    await page.locator(id('csv-paste')).fill(houses(200));
    let before = await session(page);
    await page.locator(id('csv-load')).click();
    await waitForSession(page, { after: before, source: 'csv' });
    assert.equal(await page.locator(id('task')).inputValue(), 'regression');
    assert.match(await text(page, 'csv-caption'), /pasted text: 200 rows, 3 columns/);
    await trainsDown(page);

    before = await session(page);
    await page.locator(id('csv-input')).setInputFiles({ name: 'houses.csv', mimeType: 'text/csv', buffer: Buffer.from(houses(300)) });
    await waitForSession(page, { after: before, source: 'csv', timeout: 10_000 });
    assert.match(await text(page, 'csv-caption'), /^houses\.csv: 300 rows/);
    await trainsDown(page);

    before = await session(page);
    await page.evaluate((csv) => {
      const dt = new DataTransfer();
      dt.items.add(new File([csv], 'dropped.csv', { type: 'text/csv' }));
      const target = document.querySelector('[data-testid="output-panel"]');
      for (const type of ['dragenter', 'dragover', 'drop']) target.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, houses(120));
    await waitForSession(page, { after: before, source: 'csv' });
    assert.match(await text(page, 'csv-caption'), /^dropped\.csv: 120 rows/);
    await shot(page, 'offline-csv');
  });
}

export async function offlineModelSavesOpensAndExports({ page: harness }) {
  await offline(harness, '', async (page) => {
    for (let i = 1; i <= 5; i++) {
      await page.locator(id('step')).click();
      await waitForNumber(page, 'step-count', '==', i, 3000, `step ${i}`);
    }
    await page.waitForTimeout(200);
    const saved = { loss: await text(page, 'train-loss'), val: await text(page, 'val-loss') };
    const [json] = await Promise.all([page.waitForEvent('download'), page.locator(id('export-model')).click()]);
    assert.equal(json.suggestedFilename(), 'descent-model.json');
    const path = await json.path();
    assert.equal(JSON.parse(await readFile(path, 'utf8')).config.data.source, 'circle');

    // The exporter is in the file: ONNX comes out without importing anything.
    const [onnx] = await Promise.all([page.waitForEvent('download'), page.locator(id('export-onnx')).click()]);
    assert.equal(onnx.suggestedFilename(), 'descent-model.onnx');
    const bytes = await readFile(await onnx.path());
    assert.ok(bytes.length > 100 && bytes.includes(Buffer.from('descent')), `an ONNX file of ${bytes.length} bytes`);
    await page.locator(id('onnx-howto')).waitFor({ state: 'visible', timeout: 3000 });
    const [csv] = await Promise.all([page.waitForEvent('download'), page.locator(id('export-history')).click()]);
    assert.match(await readFile(await csv.path(), 'utf8'), /^step,train_loss,val_loss\n0,/);
    const [png] = await Promise.all([page.waitForEvent('download'), page.locator(id('png-loss-chart')).click()]);
    assert.deepEqual([...(await readFile(await png.path())).subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);

    // Elsewhere, then the saved model back.
    await changeAndWait(page, 'dataset', 'xor', 'xor');
    const before = await session(page);
    await page.locator(id('import-model')).setInputFiles(path);
    await page.waitForFunction((before) => document.body.dataset.session !== before && document.body.dataset.source === 'circle', before);
    await waitForNumber(page, 'step-count', '==', 5, 3000, 'the saved step');
    assert.deepEqual({ loss: await text(page, 'train-loss'), val: await text(page, 'val-loss') }, saved);
    await assertNoError(page);
  });
}

// A trap inside wasm ends the worker; the page starts another from the same
// blob: (offline-boot.js never revokes it), which loads the carried wasm again.
export async function offlineWorkerRestartsAfterATrap({ page: harness }) {
  await offline(harness, '#preset=cnn', async (page) => {
    const before = await session(page);
    await page.evaluate(() => document.dispatchEvent(new CustomEvent('descent:debug', { detail: { type: 'crash' } })));
    await page.waitForFunction(() => /stopped .* restarted with the same settings/.test(document.querySelector('[data-testid="error"]').textContent));
    await waitForSession(page, { after: before, source: 'digits', timeout: 10_000 });
    await page.locator(id('play')).click();
    await waitForNumber(page, 'step-count', '>=', 20, 5000, 'training after the restart');
    await page.locator(id('play')).click();
  });
}

// The served page offers the file as a download, byte for byte the build's.
export async function servedPageOffersTheOfflineFile({ page, baseUrl }) {
  await page.goto(`${baseUrl}/index.html`, { waitUntil: 'load' });
  await waitForSession(page, { timeout: 15_000 });
  const link = page.locator(id('download-offline'));
  assert.equal(await link.getAttribute('download'), 'descent-offline.html');
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  assert.equal(download.suggestedFilename(), 'descent-offline.html');
  assert.ok((await readFile(await download.path())).equals(readFileSync(FILE)), 'the download is dist/descent-offline.html');
}

// Firefox ESR (headless, through geckodriver) opens the same file from
// file://: the lesson starts, plays, and the digits CNN trains too. Its
// network is off (every request goes to a proxy on a closed port); what
// the page and its worker log (console.error, uncaught errors) goes to
// geckodriver's log, where the test looks for it; every inline script and
// style was let through by the policy (each leaves a trace); a CSP
// violation after the first session fails the test (classic WebDriver has
// no way to listen from before the page loads).
const NOWHERE = { 'network.proxy.type': 1, 'network.proxy.no_proxies_on': '', 'network.proxy.allow_hijacking_localhost': true };
for (const scheme of ['http', 'ssl']) Object.assign(NOWHERE, { [`network.proxy.${scheme}`]: '127.0.0.1', [`network.proxy.${scheme}_port`]: 9 });

export async function offlineFileRunsInFirefox() {
  const ff = await firefox({ prefs: { ...NOWHERE, 'devtools.console.stdout.content': true } });
  const contentErrors = () => ff.log().split('\n').filter((l) => /^console\.error: "|^JavaScript error: (file|blob):/.test(l));
  try {
    await ff.go(`${FILE_URL}#preset=lesson`);
    const state = `return { session: document.body.dataset.session || null,
      error: document.querySelector('[data-testid="error"]').textContent,
      step: Number(document.querySelector('[data-testid="step-count"]').textContent.replace(/,/g, '')),
      loss: document.querySelector('[data-testid="train-loss"]').textContent }`;
    await ff.until(`const s = (() => { ${state} })(); return s.session || s.error ? s : null`, 20_000, 'the first session');
    // From here on a CSP violation is kept for the end.
    await ff.run(`window.__violations = []; addEventListener('securitypolicyviolation', (e) => __violations.push(e.violatedDirective + ' ' + e.blockedURI));`);
    assert.deepEqual((await ff.run(state)).error, '', 'no error on opening');
    await ff.click('[data-testid="play"]');
    await ff.until(`const n = Number(document.querySelector('[data-testid="step-count"]').textContent.replace(/,/g, '')); return n >= 100`, 10_000, 'the lesson playing');
    await ff.click('[data-testid="play"]');
    // The CNN needs the carried digits and its own session.
    await ff.go('about:blank');
    await ff.go(`${FILE_URL}#preset=cnn`);
    await ff.until(`return document.body.dataset.source === 'digits' && document.querySelector('[data-testid="model-kind"]').value === 'cnn'`, 20_000, 'the digits CNN');
    await ff.run(`window.__violations = []; addEventListener('securitypolicyviolation', (e) => __violations.push(e.violatedDirective + ' ' + e.blockedURI));`);
    await ff.until(`return !document.querySelector('[data-testid="play"]').disabled`, 10_000, 'the play button');
    await ff.click('[data-testid="play"]');
    await ff.until(`const n = Number(document.querySelector('[data-testid="step-count"]').textContent.replace(/,/g, '')); return n >= 50`, 15_000, 'the CNN training');
    await ff.click('[data-testid="play"]');
    const end = await ff.run(state);
    assert.equal(end.error, '', 'no error after training');
    assert.deepEqual(await ff.run('return window.__violations'), [], 'no CSP violation');
    // Each inline script ran (boot and head started the worker, main drew
    // the page, the exporter is there) and each style applied.
    assert.deepEqual(await ff.run(`const css = (sel, prop) => getComputedStyle(document.querySelector(sel))[prop];
      return { onnx: typeof globalThis.DESCENT_OFFLINE?.onnx?.toOnnx, worker: String(DESCENT_OFFLINE.worker).slice(0, 5),
        style: css('body', 'backgroundColor') !== 'rgba(0, 0, 0, 0)', yourdata: css('[data-testid="csv-input"]', 'position'),
        deep: css('[data-testid="network-panel"]', 'display') }`),
    { onnx: 'function', worker: 'blob:', style: true, yourdata: 'absolute', deep: 'none' });
    assert.deepEqual(await ff.run(`return performance.getEntriesByType('resource').map((e) => e.name).filter((u) => !/^(blob|data):/.test(u))`), [], 'the page fetched nothing');
    assert.deepEqual(contentErrors(), [], 'nothing logged an error');
    writeFileSync(join(SHOTS, 'offline-firefox.png'), await ff.screenshot());
  } finally {
    await ff.quit();
  }
}

export const tests = [
  offlineFileHoldsEverythingByHash,
  offlineLessonConverges,
  offlineInstrumentsWork,
  offlineDigitsCnnTrains,
  offlineEveryPresetOpens,
  offlineCsvPastedChosenDroppedTrains,
  offlineModelSavesOpensAndExports,
  offlineWorkerRestartsAfterATrap,
  servedPageOffersTheOfflineFile,
  offlineFileRunsInFirefox,
];
