// The offline file's first script (scripts/offline.mjs writes the file).
// The served page's worker is dist/worker.js and fetches the wasm and the
// digits from the server; a file opened from a USB stick has no server and
// its policy allows no fetch at all (connect-src 'none'). So the file
// carries all three in data blocks (<script type="text/x-descent">, never
// run): the worker's bundle (a classic script) as text, the wasm and the digits as base64 of
// gzip. This script, run before head.js starts the worker, joins them into
// one blob: the carried bytes first, as a global the worker reads
// (www/offline-data.js), then the worker's code. new-worker.js starts
// workers from that blob's URL when it is set.
//
// The bytes are only unpacked inside the worker, off the page's thread.

(() => {
  const take = (id) => {
    const el = document.getElementById(id);
    const text = el.textContent;
    el.remove(); // the page needs no second copy of half a megabyte of text
    return text;
  };
  // Keyed by the files they stand for (www/offline-data.js).
  const carried = { 'pkg/descent_bg.wasm': take('descent-wasm'), 'data/digits.csv.gz': take('descent-digits') };
  const code = take('descent-worker');
  const blob = new Blob([`self.DESCENT_OFFLINE=${JSON.stringify(carried)};\n`, code], { type: 'text/javascript' });
  // Never revoked: a restart after a trap (main.js) starts a worker from it again.
  // The other languages' tables, base64 of gzipped JSON, unpacked by
  // strings/load.js only when a visitor picks one.
  const strings = {};
  for (const el of document.querySelectorAll('script[type="text/x-descent"][id^="descent-strings-"]')) {
    strings[el.id.slice('descent-strings-'.length)] = take(el.id);
  }
  globalThis.DESCENT_OFFLINE = { worker: URL.createObjectURL(blob), strings };
})();
