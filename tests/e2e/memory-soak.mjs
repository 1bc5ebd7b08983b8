// Memory soak (not part of the e2e suite: run.mjs runs *.test.mjs only).
// Trains at top speed in headless Chromium for a while and prints the wasm
// memory (the worker's `memory.buffer.byteLength`, asked through the page's
// hidden 'descent:debug' hook) at the start, after a warm-up and at the end,
// with a sample every tenth of the run. Exits 1 if the memory grew after
// the warm-up.
//
//   node tests/e2e/memory-soak.mjs [SECONDS=600] [HASH=#preset=spiral]
//
// Needs pkg/ built (scripts/serve.sh or scripts/test.sh builds it).

import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SECONDS = Number(process.argv[2] || 600);
const HASH = process.argv[3] || '#preset=spiral';
const WARMUP = Math.min(60, Math.max(5, SECONDS / 10));
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const mib = (b) => `${(b / 1048576).toFixed(2)} MiB`;

const port = await new Promise((res) => {
  const s = createServer().listen(0, '127.0.0.1', () => {
    const p = s.address().port;
    s.close(() => res(p));
  });
});
const server = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', REPO], { stdio: 'ignore' });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--enable-precise-memory-info'],
});
let code = 0;
try {
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 50; i++) {
    try {
      await fetch(`${base}/`);
      break;
    } catch {
      await sleep(100);
    }
  }
  const page = await browser.newPage();
  const errors = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${base}/index.html${HASH}`);
  await page.waitForFunction(() => document.body.dataset.session && !document.querySelector('[data-testid="play"]').disabled, null, { timeout: 20_000 });

  const sample = async () => {
    const wasm = await page.evaluate(() => new Promise((reply) => document.dispatchEvent(new CustomEvent('descent:debug', { detail: { type: 'memory', reply } }))));
    const heap = await page.evaluate(() => performance.memory?.usedJSHeapSize ?? 0);
    return { ...wasm, heap };
  };
  const line = (label, m, t) => console.log(`${label.padEnd(9)} t=${String(t).padStart(4)} s  step ${String(m.step).padStart(9)}  wasm ${mib(m.bytes)}  page JS heap ${mib(m.heap)}`);

  // Top speed: the last stop of the speed slider.
  await page.locator('[data-testid="speed"]').evaluate((el) => {
    el.value = el.max;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
  const start = await sample();
  line('start', start, 0);
  const t0 = Date.now();
  await page.locator('[data-testid="play"]').click();
  const elapsed = () => Math.round((Date.now() - t0) / 1000);

  await sleep(WARMUP * 1000);
  const warm = await sample();
  line('warm-up', warm, elapsed());
  let peak = warm.bytes;
  const every = Math.max(5, SECONDS / 10);
  while (elapsed() + every <= SECONDS) {
    await sleep(every * 1000);
    const m = await sample();
    peak = Math.max(peak, m.bytes);
    line('sample', m, elapsed());
  }
  await sleep(Math.max(0, SECONDS * 1000 - (Date.now() - t0)));
  const end = await sample();
  await page.locator('[data-testid="play"]').click();
  peak = Math.max(peak, end.bytes);
  line('end', end, elapsed());
  const rate = Math.round(end.step / elapsed());
  console.log(`${HASH}: ${end.step} steps in ${elapsed()} s (${rate} steps/s); wasm memory ${mib(start.bytes)} at start, ${mib(warm.bytes)} after ${WARMUP} s, ${mib(end.bytes)} at the end (peak ${mib(peak)})`);
  if (errors.length) {
    console.log(`page errors: ${errors.join(' | ')}`);
    code = 1;
  }
  if (end.bytes > warm.bytes) {
    console.log(`FAIL: wasm memory grew by ${mib(end.bytes - warm.bytes)} after the warm-up`);
    code = 1;
  } else {
    console.log('ok: wasm memory flat after the warm-up');
  }
} finally {
  await browser.close();
  server.kill('SIGTERM');
}
process.exit(code);
