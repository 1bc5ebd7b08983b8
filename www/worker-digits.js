// The digits data set, for the worker. It is not compiled into the wasm: at
// 46 KB gzipped it would be a fifth of what every page downloads before its
// first frame, and most pages never use it. The worker fetches the
// repository's data/digits.csv.gz (the same file the engine's native build
// embeds) the first time a session needs it, unpacks it with the browser's
// own DecompressionStream and hands the text to the engine, which checks it.
// This is the page's own file on its own server: nothing leaves the machine.

import { sourceEntry } from './catalog.js';
import { carried } from './offline-data.js';

// A function: in the offline file's worker (a blob: URL) there is no
// address to resolve it against, and the file carries the bytes instead.
const digitsUrl = () => new URL('../data/digits.csv.gz', import.meta.url);
let loading = null;

// What a source's catalog entry may ask to be loaded first (`load`), and
// the loader of each: the digits' file is the one there is.
const LOADERS = { digits: () => fetchDigits() };

// A promise when `config` needs the digits (its source's catalog `load`
// names them; null when it does not); it rejects with a message a learner
// can act on, and the next call tries again.
// `engine`: the engine module to give them to (the worker's sessions live
// in one of two builds, worker.js says why); the text is fetched once.
export function digitsFor(config, engine) {
  const load = LOADERS[sourceEntry(config?.data?.source)?.load];
  if (!load) return null;
  loading ??= load().catch((err) => {
    loading = null;
    throw err;
  });
  return loading.then((text) => engine.loadDigits(text));
}

async function fetchDigits() {
  let bytes;
  try {
    const offline = carried('data/digits.csv.gz');
    if (offline) {
      bytes = new Uint8Array(await offline);
    } else {
      const res = await fetch(digitsUrl());
      if (!res.ok) throw new Error(`the server answered ${res.status} ${res.statusText}`);
      bytes = new Uint8Array(await res.arrayBuffer());
    }
  } catch (err) {
    throw new Error(`The digits data set did not load from data/digits.csv.gz (${err?.message || err}). Check that the page is served by scripts/serve.sh, then choose the data set again.`);
  }
  // A server may already have undone the gzip (Content-Encoding): only
  // unpack what still starts with gzip's magic bytes.
  const gzip = bytes[0] === 0x1f && bytes[1] === 0x8b;
  const text = gzip
    ? await new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).text()
    : new TextDecoder().decode(bytes);
  return text;
}
