// How quickly a learner sees the page: the time from navigation to the
// first frame of a trained-model view (numbers in the read-outs), and the
// bytes the wasm and its JS glue cost over the wire (gzipped). Printed, not
// asserted: timings on a shared machine are noise (the speed issue's rule),
// and the size is a figure to watch, measured here on every run.

import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';

export async function firstFrameTimeAndShippedSize({ page, baseUrl }) {
  // Timed in a context of its own: the runner's context sends every request
  // through Playwright's router (to refuse any that leave the machine),
  // which adds ~180 ms of harness round trips to a page of 45 modules. The
  // first visit has an empty cache; return visits are the median of three.
  const context = await page.context().browser().newContext({ viewport: { width: 1280, height: 900 } });
  const timed = await context.newPage();
  const times = [];
  try {
    // A learner's browser is already running: wake this one's network
    // stack on a file the page does not use, so the first visit still finds
    // every page resource uncached but is not charged for the browser's start.
    await timed.goto(`${baseUrl}/README.md`);
    for (let i = 0; i < 4; i++) {
      await timed.goto(`${baseUrl}/index.html`, { waitUntil: 'commit' });
      // Checked on every animation frame; the time is read in the page the
      // moment the numbers are there (performance.now() counts from this
      // navigation's start), not after the round trip back to this process.
      const shown = await timed.waitForFunction(
        () => /\d/.test(document.querySelector('[data-testid="train-loss"]')?.textContent || '') && performance.now(),
        null,
        { timeout: 15_000, polling: 'raf' },
      );
      times.push(await shown.jsonValue());
    }
  } finally {
    await context.close();
  }
  const [first, ...again] = times;
  again.sort((a, b) => a - b);
  const wasm = gzipSync(readFileSync(new URL('../../pkg/descent_bg.wasm', import.meta.url)), { level: 9 }).length;
  const glue = gzipSync(readFileSync(new URL('../../pkg/descent.js', import.meta.url)), { level: 9 }).length;
  console.log(
    `      first frame after navigation: first visit ${first.toFixed(0)} ms, return visits median ${again[1].toFixed(0)} ms ` +
      `(${again.map((t) => t.toFixed(0)).join(', ')}); wasm + glue gzipped: ${wasm + glue} bytes = ` +
      `${((wasm + glue) / 1000).toFixed(1)} kB (${(wasm / 1000).toFixed(1)} + ${(glue / 1000).toFixed(1)})`,
  );
  assert.ok(times.every(Number.isFinite));
}
