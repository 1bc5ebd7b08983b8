// Loading a language's table: bundled for English; for another language the
// served page imports dist/strings-LANG.js (its own bundle, built by
// scripts/setup.sh), and the offline file carries every table inline
// (scripts/offline.mjs; offline-boot.js sets DESCENT_OFFLINE.strings), as
// base64 of gzipped JSON.

import en from './en.js';
import { useTable } from './index.js';
import { LANGUAGES } from './languages.js';

const loaded = new Map([['en', en]]);

async function unpack(base64) {
  const packed = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const stream = new Blob([packed]).stream().pipeThrough(new DecompressionStream('gzip'));
  return JSON.parse(await new Response(stream).text());
}

export async function loadLanguage(code) {
  if (!LANGUAGES.includes(code)) throw new Error(`no language ${code}`);
  if (!loaded.has(code)) {
    const carried = globalThis.DESCENT_OFFLINE?.strings?.[code];
    // Not a literal, so the bundler leaves the file to the browser.
    const file = `./strings-${code}.js`;
    const t = carried ? await unpack(carried) : (await import(new URL(file, import.meta.url).href)).default;
    loaded.set(code, t);
  }
  useTable(code, loaded.get(code));
  document.documentElement.lang = code;
}
