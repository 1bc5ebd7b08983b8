// How fast the instruments are (issue 13), measured in headless Chromium
// and printed, not asserted (nothing in the test suites asserts on a time):
//
//   node tests/e2e/instruments-speed.mjs [SECONDS]
//
// Part 1, the engine in wasm (the instruments' build, pkg-instruments/, on
// the page's main thread of a blank same-origin page): trace('next') and
// trace({ rows: [0] }) on the playground network (2-8-8-1 tanh on the
// spiral), lossSurface 41×41 on it, lossSurface 21×21 on the page's digits
// CNN, and race lanes against a session alone: steps per second of
// Session.trainSteps, of one running lane (a race of two with lane 2
// paused) and of four lanes, trained in the calls the worker makes.
//
// Part 2, the page itself (www/worker.js, worker-race.js, every view
// drawing): steps per second of the page's session alone, playing at the
// top speed, and of each lane of a four-lane race playing at the same
// speed with the race panel and its landscape on screen, for the
// playground network, the lesson and the digits CNN.
//
// SECONDS (default 4) is how long each rate is measured, after a second
// of warm-up. Needs the release builds (scripts/setup.sh --build).

import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SECONDS = Number(process.argv[2] || 4);
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

const port = await new Promise((ok) => {
  const s = createServer().listen(0, '127.0.0.1', () => {
    const p = s.address().port;
    s.close(() => ok(p));
  });
});
const server = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1'], { cwd: REPO, stdio: 'ignore' });
const base = `http://127.0.0.1:${port}`;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ARGS });

try {
  for (let i = 0; i < 50; i++) {
    try {
      if ((await fetch(`${base}/index.html`)).ok) break;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  if (process.env.PART !== 'page') await engine();
  if (process.env.PART !== 'engine') await pageRates();
} finally {
  await browser.close();
  server.kill();
}

async function engine() {
  const page = await browser.newPage();
  // A directory listing: same origin as the builds, and no CSP (the page's
  // own forbids compiling wasm on its main thread).
  await page.goto(`${base}/pkg-instruments/`);
  const out = await page.evaluate(async (seconds) => {
    const m = await import('/pkg-instruments/descent.js');
    await m.default({ module_or_path: '/pkg-instruments/descent_bg.wasm' });
    const gz = await fetch('/data/digits.csv.gz');
    m.loadDigits(await new Response(gz.body.pipeThrough(new DecompressionStream('gzip'))).text());
    const SPIRAL = { seed: 1, data: { source: 'spiral' }, model: { kind: 'mlp', hidden: [8, 8], activation: 'tanh' }, train: { optimizer: 'sgd', learningRate: 0.03, batchSize: 10 } };
    const LESSON = { seed: 1, data: { source: 'article-linear' }, model: { kind: 'linear' }, train: { optimizer: 'sgd', learningRate: 0.01, batchSize: 4 } };
    // The page's CNN (www/presets.js: cnn, cnnLayers(8)).
    const CNN = {
      seed: 1,
      data: { source: 'digits' },
      model: { kind: 'cnn', layers: [{ type: 'conv2d', filters: 8, kernel: 3, padding: 'same', activation: 'relu' }, { type: 'maxpool', size: 2 }] },
      train: { optimizer: 'adam', learningRate: 0.01, batchSize: 32 },
    };
    const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const ms = (fn, reps) => {
      fn();
      const t = [];
      for (let i = 0; i < reps; i++) {
        const t0 = performance.now();
        fn();
        t.push(performance.now() - t0);
      }
      return median(t);
    };
    const r = {};
    const s = new m.Session(SPIRAL);
    s.train(200);
    // performance.now() is coarse (0.1 ms, and jittered): time 100 at once.
    const per100 = (fn) => ms(() => { for (let i = 0; i < 100; i++) fn(); }, 11) / 100;
    r.traceNext = per100(() => s.trace('next'));
    r.traceRow = per100(() => s.trace({ rows: [0] }));
    r.surface41 = ms(() => s.lossSurface({ plane: 'path', resolution: 41 }), 9);
    r.spiralTrainRows = s.info().trainSize;
    const cnn = new m.Session(CNN);
    cnn.train(20);
    r.cnnSurface21 = ms(() => cnn.lossSurface({ plane: 'path', resolution: 21 }), 3);
    r.cnnTrainRows = cnn.info().trainSize;
    cnn.free();
    s.free();

    // Race lanes against one session, in the worker's way: calls of
    // `slice` steps (worker-race.js tunes them to ~8 ms) of Race.trainSteps,
    // and of Race.train, which scores every lane's splits after each call.
    const rate = (train, slice) => {
      train(slice);
      let steps = 0;
      const t0 = performance.now();
      while (performance.now() - t0 < seconds * 1000) steps += train(slice);
      return steps / ((performance.now() - t0) / 1000);
    };
    const lanes = (cfg, values, running, slice, call = 'trainSteps') => {
      const race = new m.Race(cfg, 'learningRate', values);
      for (let i = running; i < values.length; i++) race.pause(i, true);
      const v = rate((n) => (race[call](n), n), slice);
      race.free();
      return v; // steps/s of each running lane (lockstep)
    };
    r.race = {};
    for (const [name, cfg, slice, lrs] of [
      ['spiral', SPIRAL, 2000, [0.03, 0.01, 0.003, 0.001]],
      ['lesson', LESSON, 2000, [0.01, 0.005, 0.002, 0.001]],
      ['cnn', CNN, 8, [0.01, 0.003, 0.001, 0.0003]],
    ]) {
      const one = new m.Session(cfg);
      const alone = rate((n) => (one.trainSteps(n), n), slice);
      one.free();
      const lane1 = lanes(cfg, lrs.slice(0, 2), 1, slice);
      const lane4 = lanes(cfg, lrs, 4, slice);
      const scored4 = lanes(cfg, lrs, 4, slice, 'train');
      r.race[name] = { slice, alone, lane1, lane4, total4: 4 * lane4, scored4: 4 * scored4 };
    }
    return r;
  }, SECONDS);
  await page.close();
  const f = (v, d = 0) => v.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
  console.log(`engine (wasm, Chromium ${browser.version()})`);
  console.log(`  trace('next'), 2-8-8-1 spiral, batch 10:   ${f(out.traceNext, 3)} ms (target < 1 ms)`);
  console.log(`  trace({ rows: [0] }), same net:           ${f(out.traceRow, 3)} ms`);
  console.log(`  lossSurface 41×41, same net (${out.spiralTrainRows} rows): ${f(out.surface41, 1)} ms (target < 100 ms)`);
  console.log(`  lossSurface 21×21, digits CNN (${out.cnnTrainRows} rows): ${f(out.cnnSurface21, 0)} ms (target < 2,000 ms)`);
  console.log('  steps/s: a session alone | one race lane running | each of four lanes | four lanes together (share of alone) | four lanes with Race.train');
  const pc = (v, of) => `${f((100 * v) / of, 1)} %`;
  for (const [name, v] of Object.entries(out.race)) {
    console.log(`    ${name.padEnd(7)} (calls of ${v.slice}): ${f(v.alone)} | ${f(v.lane1)} | ${f(v.lane4)} (${pc(v.lane4, v.alone)}) | ${f(v.total4)} (${pc(v.total4, v.alone)}) | ${f(v.scored4)} (${pc(v.scored4, v.alone)})`);
  }
}

// Steps per second on the page: the session alone, then each lane of a race.
async function pageRates() {
  console.log(`page (Chromium ${browser.version()}, ${SECONDS} s each, after 1 s of warm-up)`);
  const cases = [
    ['playground net 2-8-8-1, spiral', 'data=spiral&hidden=8,8&activation=tanh&speed=1000', 'learningRate:0.03,0.01,0.003,0.001'],
    ['the lesson', 'preset=lesson&speed=1000', 'learningRate:0.01,0.005,0.002,0.001'],
    ['digits CNN', 'preset=cnn&speed=1000', 'learningRate:0.01,0.003,0.001,0.0003'],
  ];
  for (const [name, hash, race] of cases) {
    const alone = await measure(`#${hash}`, async (page) => {
      await page.locator('[data-testid="play"]').click();
      return () => page.evaluate(() => [Number(document.querySelector('[data-testid="step-count"]').textContent.replace(/[^0-9]/g, ''))]);
    });
    const lanes = await measure(`#${hash}&race=${race}`, async (page) => {
      await page.waitForSelector('[data-testid="race-lane-4-steps"]', { timeout: 20_000 });
      await page.locator('[data-testid="race"]').scrollIntoViewIfNeeded();
      await page.locator('[data-testid="race-play"]').click();
      return () => page.evaluate(() => [1, 2, 3, 4].map((n) => Number(document.querySelector(`[data-testid="race-lane-${n}-steps"]`).textContent.replace(/[^0-9]/g, ''))));
    });
    const total = lanes.reduce((a, b) => a + b, 0);
    const pct = (v) => `${((100 * v) / alone[0]).toFixed(1)} %`;
    console.log(`  ${name}: alone ${Math.round(alone[0]).toLocaleString('en-US')} steps/s; four lanes ${lanes.map((v) => `${Math.round(v).toLocaleString('en-US')} (${pct(v)})`).join(', ')}; together ${Math.round(total).toLocaleString('en-US')} (${pct(total)})`);
  }
}

// Open `hash`, start what `start` starts, and return the rates of the
// counters its returned reader reads.
async function measure(hash, start) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${base}/index.html${hash}`, { waitUntil: 'load' });
  await page.waitForFunction(() => /\d/.test(document.querySelector('[data-testid="train-loss"]')?.textContent || ''), null, { timeout: 20_000 });
  const read = await start(page);
  await page.waitForTimeout(1000);
  const [t0, a] = [Date.now(), await read()];
  await page.waitForTimeout(SECONDS * 1000);
  const [t1, b] = [Date.now(), await read()];
  await page.close();
  return a.map((v, i) => ((b[i] - v) * 1000) / (t1 - t0));
}
