// Starts the engine's worker, and asks it for the first session, as early
// as the page can: head.js calls bootEarly() from a classic script at the
// top of <head>, before the stylesheets have loaded. That matters because a
// worker starts only when the page's main thread is free to start it, and
// that thread is busy from the page's first layout until main.js (a large
// module, run after parsing) has built the views; a worker asked for from
// main.js started ~100 ms later. The worker fetches and compiles the wasm
// and builds the session meanwhile.
//
// main.js takes the worker over, with anything it said before main.js was
// listening. The hand-over is a global, not a module export: head.js is a
// classic script (a module would wait until after the first layout), so it
// shares no module instances with main.js.

import { decodeHash, needsLessons } from './hash.js';
import { toConfig } from './state.js';
import { newWorker } from './new-worker.js';

const KEY = '__descentBoot';

// The first session is generation 1, asked for by command 1.
const FIRST = { gen: 1, seq: 1 };

// `base`: a URL in dist/, where the worker's bundle is.
function boot(base) {
  const opened = decodeHash(location.hash); // the link's settings
  // Not posted: a message to a worker that has not started waits for this
  // thread to hand it over (~100 ms later, busy as it is); the worker reads
  // its first commands from its name the moment it runs (worker.js).
  const worker = newWorker(base, [
    { type: 'setSpeed', value: opened.settings.speed },
    { type: 'reset', config: toConfig(opened.settings), ...FIRST, resume: false },
  ]);
  const missed = [];
  worker.onmessage = (e) => missed.push(['message', e]);
  worker.onerror = (e) => missed.push(['error', e]);
  return { worker, missed, opened, first: FIRST };
}

// A lesson's link waits for main.js, which has the lessons (their settings
// come with their words and checks, kept out of this early bundle).
export function bootEarly(base) {
  if (!globalThis[KEY] && !needsLessons(location.hash)) globalThis[KEY] = boot(base);
}

// For main.js, once: the early worker, its events so far, the settings it
// was started from and the generation and command number of its first
// session. Boots now if head.js did not run (it failed to load). A restart
// makes a new worker with new-worker.js.
export function takeEarlyWorker(base) {
  const early = globalThis[KEY] || boot(base);
  globalThis[KEY] = { taken: true };
  return early.taken ? null : early;
}
