// How quickly a learner sees the page: the time from navigation to the
// first frame of a trained-model view (numbers in the read-outs), and the
// bytes the wasm and its JS glue cost over the wire (gzipped). Printed, not
// asserted: timings on a shared machine are noise (the speed issue's rule),
// and the size is a figure to watch, measured here on every run.

import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';

export async function firstFrameTimeAndShippedSize({ page, baseUrl }) {
  const times = [];
  for (let i = 0; i < 3; i++) {
    await page.goto(`${baseUrl}/index.html`, { waitUntil: 'commit' });
    await page.waitForFunction(
      () => /\d/.test(document.querySelector('[data-testid="train-loss"]')?.textContent || ''),
      null,
      { timeout: 15_000, polling: 'raf' },
    );
    // performance.now() counts from this navigation's start.
    times.push(await page.evaluate(() => performance.now()));
  }
  times.sort((a, b) => a - b);
  const wasm = gzipSync(readFileSync(new URL('../../pkg/descent_bg.wasm', import.meta.url)), { level: 9 }).length;
  const glue = gzipSync(readFileSync(new URL('../../pkg/descent.js', import.meta.url)), { level: 9 }).length;
  console.log(
    `      first frame after navigation: median ${times[1].toFixed(0)} ms (runs: ${times.map((t) => t.toFixed(0)).join(', ')}); ` +
      `wasm + glue gzipped: ${((wasm + glue) / 1024).toFixed(1)} KB (${(wasm / 1024).toFixed(1)} + ${(glue / 1024).toFixed(1)})`,
  );
  assert.ok(times.every(Number.isFinite));
}
