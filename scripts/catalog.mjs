// Writes dist/catalog.json: the engine's catalog() (every data set, model,
// optimizer, range and default), from the wasm just built into pkg/. The
// page's main thread compiles no wasm (its Content-Security-Policy), yet it
// needs the catalog before it is laid out, so esbuild bundles this file
// into the page (www/catalog.js). scripts/setup.sh runs this after every
// wasm-pack build and before every page bundle; tests/e2e/catalog.test.mjs
// checks the bundled copy against the worker's wasm at run time.
//
//   node scripts/catalog.mjs          (from anywhere; paths are the repository's)

import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = join(ROOT, 'pkg');
const glue = await import(pathToFileURL(join(pkg, 'descent.js')).href);
await glue.default({ module_or_path: readFileSync(join(pkg, 'descent_bg.wasm')) });
if (typeof glue.catalog !== 'function') {
  console.error('catalog: pkg/descent.js exports no catalog(); rebuild pkg/ from an engine that has it (scripts/setup.sh --build)');
  process.exit(1);
}
const catalog = glue.catalog();
mkdirSync(join(ROOT, 'dist'), { recursive: true });
// One line: the page parses it once, and nobody edits it.
writeFileSync(join(ROOT, 'dist', 'catalog.json'), `${JSON.stringify(catalog)}\n`);
