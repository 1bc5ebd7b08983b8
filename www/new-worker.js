// The engine's worker: the first one (boot.js) and any restart (main.js).
// `base`: a URL in dist/, next to the worker's bundle. `first`: messages
// for the worker to handle before any posted to it, carried in its name
// (the one thing a worker has from its creation on: worker.js reads it).
export function newWorker(base, first = []) {
  const name = first.length ? `descent ${JSON.stringify(first)}` : 'descent';
  // The offline file's worker is a classic script at a blob: URL
  // (offline-boot.js): Chromium starts no module worker from a blob: made
  // by a file:// page.
  const offline = globalThis.DESCENT_OFFLINE?.worker;
  if (offline) return new Worker(offline, { name });
  return new Worker(new URL('worker.js', base), { type: 'module', name });
}
