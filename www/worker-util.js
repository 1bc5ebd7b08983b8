// Small helpers of the worker (worker.js): its first commands, a model
// file's config, buffers it may transfer, and how it sleeps and yields.

// The page's first commands, in this worker's name (new-worker.js).
export function firstCommands(name) {
  try {
    return name.startsWith('descent [') ? JSON.parse(name.slice('descent '.length)) : [];
  } catch {
    return []; // a name new-worker.js did not write: there are no first commands
  }
}

// A model file's config, if it is readable JSON at all: the engine says
// what is wrong with a file that is not.
export function configOf(text) {
  try {
    return JSON.parse(text)?.config;
  } catch {
    return null;
  }
}

// Transferring a buffer detaches it; never let that be wasm's own memory.
// (A view into wasm memory is part of a larger buffer, so it gets copied.)
export function own(a) {
  return a.buffer instanceof ArrayBuffer && a.byteOffset === 0 && a.buffer.byteLength === a.byteLength ? a : a.slice();
}

export function messageOf(err) {
  return err && err.message ? err.message : String(err);
}

// A caught error as the worker posts it: { message }, and the engine's
// { code, params } when it has them (www/error-text.js words them).
export function errorOf(err) {
  const out = { message: messageOf(err) };
  if (err && typeof err.code === 'string') Object.assign(out, { code: err.code, params: err.params || {} });
  if (err && typeof err.file === 'string') out.file = err.file; // the learner's file it is about
  return out;
}

export function sleep(ms) {
  return new Promise((r) => setTimeout(r, ms));
}

// A zero-delay yield: setTimeout(0) is clamped to 4 ms when nested, which
// at high speed would waste a third of the worker's time. A MessageChannel
// task lets queued messages (pause, reset) run first, and nothing else.
const channel = new MessageChannel();
const waiting = [];
channel.port1.onmessage = () => waiting.shift()?.();
export function yieldNow() {
  return new Promise((r) => {
    waiting.push(r);
    channel.port2.postMessage(0);
  });
}
