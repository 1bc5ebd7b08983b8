// In the offline file's worker (www/offline-boot.js), the wasm and the
// digits come with the worker's code, as base64 of gzip, instead of from
// the server. `carried(path)`, path the repository's file it stands for
// ('pkg/descent_bg.wasm'): a promise of its unpacked bytes, or null on the
// served page (the worker then fetches the file as it always does).

export function carried(path) {
  const base64 = globalThis.DESCENT_OFFLINE?.[path];
  if (!base64) return null;
  const packed = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const stream = new Blob([packed]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Response(stream).arrayBuffer();
}
