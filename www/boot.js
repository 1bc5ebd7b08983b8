// Starts the engine's worker as early as the page can: main.js imports this
// module first, so it runs before the other modules' code and main.js's own,
// and the worker fetches and compiles the wasm while the page builds its
// views. main.js takes the worker over, with anything it said before main.js
// was listening.

// The engine's worker (the first one, here; a restart, from main.js).
export function newWorker() {
  return new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
}

let early = newWorker();
const missed = [];
early.onmessage = (e) => missed.push(['message', e]);
early.onerror = (e) => missed.push(['error', e]);

// The early worker, once (a restarted worker is a new one), and its events.
export function takeEarlyWorker() {
  const worker = early;
  early = null;
  return worker ? { worker, missed } : null;
}
