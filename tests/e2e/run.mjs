// End-to-end tests of the page in headless Chromium (playwright-core).
//
//   node tests/e2e/run.mjs [FILTER]
//
// Builds nothing: scripts/test.sh builds the release pkg/ first. Serves the
// repository root (or $E2E_ROOT) with `python3 -m http.server` on a free
// loopback port, then runs every exported async function of every
// tests/e2e/*.test.mjs file (only those whose "file: name" contains FILTER,
// if given). Each test gets a fresh browser context and page and is called
// with { page, baseUrl, screenshot(name) }; screenshot('x') writes
// test-results/screenshots/x.png. A test function's `timeout` property (ms)
// raises the time limit for it (one that loops over every preset or
// lesson the page lists needs more). A test fails if it throws, times out, or
// if the page logged a console error, threw an uncaught error, violated its
// Content-Security-Policy or made a request anywhere but the loopback
// server. Prints one line per test and a final `N passed, N failed` line;
// exits 1 if anything failed.

import { spawn } from 'node:child_process';
import { mkdirSync, openSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(HERE, '..', '..');
const SERVE_ROOT = resolve(process.env.E2E_ROOT || REPO);
const RESULTS = join(REPO, 'test-results');
const SHOTS = join(RESULTS, 'screenshots');
const TEST_TIMEOUT_MS = Number(process.env.E2E_TEST_TIMEOUT_MS || 60_000);
const RUN_TIMEOUT_MS = Number(process.env.E2E_RUN_TIMEOUT_MS || 600_000);
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

let server = null;
let browser = null;
let passed = 0;
let failed = 0;

async function cleanup() {
  if (browser) {
    const b = browser;
    browser = null;
    await Promise.race([b.close().catch(() => {}), sleep(5000)]);
  }
  if (server && server.exitCode === null && server.signalCode === null) {
    server.kill('SIGTERM');
  }
  server = null;
}

// Last resort (e.g. an uncaught exception): the server must not outlive us.
process.on('exit', () => {
  if (server && server.exitCode === null) server.kill('SIGKILL');
});
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, async () => {
    console.log(`interrupted (${sig})`);
    await cleanup();
    process.exit(130);
  });
}

function sleep(ms) {
  return new Promise((r) => setTimeout(r, ms));
}

function freePort() {
  return new Promise((res, rej) => {
    const s = createServer();
    s.unref();
    s.on('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => res(port));
    });
  });
}

async function startServer() {
  const port = await freePort();
  const log = openSync(join(RESULTS, 'e2e-server.log'), 'w');
  server = spawn(
    'python3',
    ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', SERVE_ROOT],
    { stdio: ['ignore', log, log] },
  );
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`http.server exited with ${server.exitCode}; see test-results/e2e-server.log`);
    try {
      const r = await fetch(`${baseUrl}/`);
      await r.arrayBuffer();
      return baseUrl;
    } catch {
      await sleep(100);
    }
  }
  throw new Error('http.server did not answer within 15 s');
}

async function loadTests(filter) {
  const files = readdirSync(HERE)
    .filter((f) => f.endsWith('.test.mjs'))
    .sort();
  const tests = [];
  for (const file of files) {
    const mod = await import(pathToFileURL(join(HERE, file)).href);
    const suite = file.replace(/\.test\.mjs$/, '');
    // An exported `tests` array fixes the order; otherwise every exported
    // function runs, in the module's (alphabetical) export order.
    const entries = Array.isArray(mod.tests)
      ? mod.tests.map((fn) => [fn.name, fn])
      : Object.entries(mod).filter(([, v]) => typeof v === 'function');
    for (const [name, fn] of entries) {
      const id = `${suite}: ${name}`;
      if (!filter || id.includes(filter)) tests.push({ id, fn, timeout: Math.max(Number(fn.timeout) || 0, TEST_TIMEOUT_MS) });
    }
  }
  return tests;
}

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, rej) => {
      timer = setTimeout(() => rej(new Error(`${what} timed out after ${ms / 1000} s`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

function isLocal(url, baseUrl) {
  return url.startsWith(`${baseUrl}/`) || url === baseUrl || /^(data|blob|about):/.test(url);
}

async function runTest(test, baseUrl) {
  const problems = [];
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  // Nothing may leave the machine: record and block any other request.
  await context.route(
    (url) => !isLocal(url.href, baseUrl),
    (route) => {
      problems.push(`request outside the local server: ${route.request().method()} ${route.request().url()}`);
      return route.abort('blockedbyclient');
    },
  );
  // A Content-Security-Policy violation fails the test like any console error.
  await context.addInitScript(() => {
    addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} refused ${e.blockedURI || 'an inline resource'}`));
  });
  const page = await context.newPage();
  page.on('console', (msg) => {
    if (msg.type() === 'error') {
      const loc = msg.location();
      const where = loc && loc.url ? ` (${loc.url}:${loc.lineNumber})` : '';
      problems.push(`console error: ${msg.text()}${where}`);
    }
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.stack || err.message || err}`));
  page.on('crash', () => problems.push('page crashed'));
  const screenshot = async (name, selector) => {
    const file = join(SHOTS, name.endsWith('.png') ? name : `${name}.png`);
    let clip;
    if (selector) {
      clip = await page.locator(selector).first().evaluate((el) => {
        const r = el.getBoundingClientRect();
        return { x: r.left + scrollX, y: r.top + scrollY, width: r.width, height: r.height };
      });
    }
    await page.screenshot({ path: file, fullPage: true, ...(clip ? { clip } : {}) });
    return file;
  };
  const t0 = Date.now();
  let error = null;
  try {
    await withTimeout(test.fn({ page, baseUrl, screenshot }), test.timeout, 'test');
  } catch (e) {
    error = e;
  }
  // Let late console errors from the last action surface before judging.
  await sleep(100);
  await Promise.race([context.close().catch(() => {}), sleep(5000)]);
  const secs = ((Date.now() - t0) / 1000).toFixed(1);
  const reasons = [];
  if (error) reasons.push(String((error && error.stack) || error).split('\n').slice(0, 6).join('\n      '));
  reasons.push(...problems);
  return { ok: reasons.length === 0, secs, reasons };
}

async function main() {
  mkdirSync(SHOTS, { recursive: true });
  const filter = process.argv[2] || '';
  const tests = await loadTests(filter);
  if (tests.length === 0) {
    console.log(`no tests found in tests/e2e/*.test.mjs${filter ? ` matching "${filter}"` : ''}`);
    console.log('0 passed, 1 failed');
    return 1;
  }
  const baseUrl = await startServer();
  console.log(`serving ${SERVE_ROOT} at ${baseUrl}`);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  console.log(`chromium ${browser.version()}`);
  for (const test of tests) {
    const r = await runTest(test, baseUrl);
    if (r.ok) {
      passed += 1;
      console.log(`ok    ${test.id} (${r.secs} s)`);
    } else {
      failed += 1;
      console.log(`FAIL  ${test.id} (${r.secs} s)`);
      for (const reason of r.reasons) console.log(`      ${reason}`);
    }
  }
  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

let code = 1;
try {
  code = await withTimeout(main(), RUN_TIMEOUT_MS, 'e2e run');
} catch (e) {
  console.log(`e2e harness error: ${(e && e.stack) || e}`);
  console.log(`${passed} passed, ${failed + 1} failed`);
  code = 1;
} finally {
  await cleanup();
}
process.exit(code);
