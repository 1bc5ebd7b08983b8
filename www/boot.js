// Starts the engine's worker as early as the page can: index.html loads this
// module `async`, so it runs before the page's twenty-odd view modules have
// loaded, and the worker fetches and compiles the wasm meanwhile instead of
// after them (a hundred milliseconds off the first frame). main.js takes the
// worker over, with anything it said before main.js was listening.

let early = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
const missed = [];
early.onmessage = (e) => missed.push(['message', e]);
early.onerror = (e) => missed.push(['error', e]);

// The early worker, once (a restarted worker is a new one), and its events.
export function takeEarlyWorker() {
  const worker = early;
  early = null;
  return worker ? { worker, missed } : null;
}
