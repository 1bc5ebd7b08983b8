// Writes dist/descent-offline.html: the whole page in one file, for a
// classroom without a network (a teacher saves it from the served page,
// "Offline file", and opens it from a USB stick). It holds index.html's
// markup, www/*.css, the bundles (dist/head.js and main.js; the worker and
// the ONNX exporter bundled again as classic scripts), the wasm (the
// instruments' build: the lessons step through, race and draw landscapes) and the
// digits, and asks for nothing: its policy
// is connect-src 'none', and every script in it is allowed by its hash.
//
//   node scripts/offline.mjs   (after the page's bundles: scripts/setup.sh runs it)
//
// How the pieces start without a server (the seams, each a few lines):
//   - the worker's bundle, the wasm and the digits sit in data blocks
//     (<script type="text/x-descent">, never run; the binaries as base64 of
//     gzip); www/offline-boot.js, run first, joins them into one blob: and
//     sets DESCENT_OFFLINE.worker, which www/new-worker.js starts instead of
//     dist/worker.js;
//   - in that worker, www/offline-data.js unpacks the carried bytes
//     (DecompressionStream) for init() in worker.js and for worker-digits.js;
//   - the ONNX exporter is one more inline script (www/offline-onnx.js) that
//     sets DESCENT_OFFLINE.onnx, which www/export.js takes before importing.
// The served page sets no DESCENT_OFFLINE and runs exactly as before.

import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync, constants } from 'node:zlib';
import { build } from 'esbuild';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'dist', 'descent-offline.html');
const read = (p) => readFileSync(join(ROOT, p));
const text = (p) => read(p).toString('utf8');

function fail(message) {
  console.error(`offline: ${message}`);
  process.exit(1);
}

// A bundle's text without its source-map comment (there is no map beside the file).
const code = (js) => js.replace(/\n?\/\/# sourceMappingURL=\S+\s*$/, '\n').trim();

// A script element's text ends at the first "</script" and "<!--" changes
// how the rest is parsed: neither may appear in what is inlined.
function inlinable(name, js) {
  const m = /<\/script|<!--|<script/i.exec(js);
  if (m) fail(`${name} contains "${m[0]}" at ${m.index}: it cannot be inlined as it is`);
  return js;
}

async function bundle(entry, format, define = {}, alias = {}) {
  const r = await build({
    entryPoints: [join(ROOT, entry)],
    bundle: true,
    format,
    define,
    plugins: Object.keys(alias).length ? [aliasPlugin(alias)] : [],
    minify: true,
    target: 'es2022',
    write: false,
    logLevel: 'warning',
  });
  return r.outputFiles[0].text.trim();
}

// Imports of these exact specifiers resolve to other files.
function aliasPlugin(alias) {
  return {
    name: 'alias',
    setup(b) {
      const filter = new RegExp(`^(${Object.keys(alias).map((k) => k.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|')})$`);
      b.onResolve({ filter }, (args) => ({ path: join(ROOT, alias[args.path]) }));
    },
  };
}

const gzip = (bytes) => gzipSync(bytes, { level: constants.Z_BEST_COMPRESSION });
const base64 = (bytes) => Buffer.from(bytes).toString('base64');
const sha256 = (s) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;

let html = text('index.html');
// The instruments' build (the lean one plus trace, gradientCheck,
// lossSurface and Race): the served page loads it on demand, which a file
// cannot, and the lessons use them. The size budget is the served page's.
const wasm = read('pkg-instruments/descent_bg.wasm');
// The repository's file is gzip already; packed again at level 9 it is a few kB smaller.
const digits = gzip(gunzipSync(read('data/digits.csv.gz')));
const carried = {
  wasm: base64(gzip(wasm)),
  digits: base64(digits),
  // dist/worker.js again, as a classic script: Chromium starts no module
  // worker from a blob: that a file:// page made. Its import.meta.url (the
  // wasm's and the digits' address, never used here) becomes the script's own.
  worker: inlinable('www/worker.js', await bundle('www/worker.js', 'iife', { 'import.meta.url': 'self.location.href' }, { '../pkg/descent.js': 'pkg-instruments/descent.js' })),
};

// Every language but the bundled English rides in the file, as base64 of
// gzipped JSON (a Chinese table is 150 kB as a script, a third of that
// packed): offline-boot.js collects the blocks, strings/load.js unpacks
// the one a visitor picks, as the served page would import it.
const { LANGUAGES } = await import('../www/strings/languages.js');
const tables = {};
for (const lang of LANGUAGES.filter((l) => l !== 'en')) {
  const table = (await import(`../www/strings/${lang}.js`)).default;
  if (!table || typeof table !== 'object') fail(`www/strings/${lang}.js exports no table`);
  tables[lang] = base64(gzip(Buffer.from(JSON.stringify(table), 'utf8')));
}

const scripts = {
  boot: inlinable('www/offline-boot.js', await bundle('www/offline-boot.js', 'iife')),
  head: inlinable('dist/head.js', code(text('dist/head.js'))),
  main: inlinable('dist/main.js', code(text('dist/main.js'))),
  onnx: inlinable('www/offline-onnx.js', await bundle('www/offline-onnx.js', 'iife')),
};

// The stylesheets, in index.html's order.
const styles = [];
html = html.replace(/<link rel="stylesheet" href="(www\/[\w-]+\.css)">/g, (_, href) => {
  const css = text(href).trim();
  if (/<\/style/i.test(css)) fail(`${href} contains "</style"`);
  styles.push(css);
  return `<style>${css}</style>`;
});
const cssFiles = readdirSync(join(ROOT, 'www')).filter((f) => f.endsWith('.css'));
if (styles.length !== cssFiles.length) fail(`index.html links ${styles.length} of the ${cssFiles.length} stylesheets in www/`);

// The policy: only the scripts and styles in this file, by hash; wasm may
// be compiled (in the worker, which inherits this policy as a blob:), the
// worker may start from a blob:, and nothing may be fetched at all.
const csp = [
  "default-src 'none'",
  `script-src ${Object.values(scripts).map(sha256).join(' ')} 'wasm-unsafe-eval'`,
  "worker-src blob:",
  "connect-src 'none'",
  "img-src data: blob:",
  `style-src ${styles.map(sha256).join(' ')}`,
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

const once = (pattern, replacement, what) => {
  const n = html.match(new RegExp(pattern.source, 'g'))?.length ?? 0;
  if (n !== 1) fail(`index.html has ${n} ${what}, expected 1`);
  html = html.replace(pattern, replacement);
};

once(
  /<!-- Nothing loads[\s\S]*?-->\s*<meta http-equiv="Content-Security-Policy" content="[^"]*">/,
  () => `<!-- The offline file (scripts/offline.mjs): everything it runs is in it,
       allowed by hash, and it fetches nothing (README "Your data"). -->
  <meta http-equiv="Content-Security-Policy" content="${csp}">`,
  'policy',
);
once(
  /<script src="dist\/head\.js"><\/script>/,
  () => [
    ...['wasm', 'digits', 'worker'].map((k) => `<script type="text/x-descent" id="descent-${k}">${carried[k]}</script>`),
    ...Object.entries(tables).map(([lang, packed]) => `<script type="text/x-descent" id="descent-strings-${lang}">${packed}</script>`),
    `<script>${scripts.boot}</script>`,
    `<script>${scripts.head}</script>`,
  ].join('\n  '),
  'head script',
);
once(/<script type="module" src="dist\/main\.js"><\/script>/, () => `<script type="module">${scripts.main}</script>`, 'main script');
// The file does not offer itself again (its link points at the server's copy).
once(/\s*<a [^>]*data-testid="download-offline"[^>]*>[^<]*<\/a>/, '', 'offline link');
once(/<\/body>/, () => `<script>${scripts.onnx}</script>\n</body>`, 'body end');
for (const left of html.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="(?!data:)[^"]*"/g)) fail(`still points elsewhere: ${left[0]}`);

writeFileSync(OUT, html);
const kB = (n) => `${(n / 1000).toFixed(1)} kB`;
const size = Buffer.byteLength(html);
console.log(
  `offline: dist/descent-offline.html ${size.toLocaleString('en')} bytes (${kB(size)}; wasm ${kB(carried.wasm.length)}, ` +
    `digits ${kB(carried.digits.length)}, strings ${kB(Object.values(tables).join('').length)}, scripts ${kB(Object.values(scripts).join('').length + carried.worker.length)}, ` +
    `styles ${kB(styles.join('').length)})`,
);
if (size > 1_000_000) fail(`${kB(size)} is over the 1 MB target`);
