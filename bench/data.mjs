// Deterministic data + initial-weight generators shared by every peer.
//
// Everything here is plain JS (float64) and depends only on the seeded PRNG
// below, so a different implementation (e.g. our Rust->wasm project) can
// regenerate the same arrays, or simply load the CSV dump:
//
//   node data.mjs --dump DIR      # writes DIR/<dataset>.csv (header row first)
//                                 # and DIR/init-<workload>.csv (initial weights)
//
// Bit-exactness notes: the PRNG, shuffles, digits, linreg and all initial
// weights use only integer ops and +,-,*,/ (IEEE correctly rounded), so a
// faithful port reproduces them bit for bit. `spiral` and `sine` call
// Math.sin/Math.cos (last-ulp differences between libms are possible);
// `mnistSynth` uses only +,-,*,/,sqrt but its exact operation order matters;
// when in doubt, load the CSV dump.

// ---------------------------------------------------------------- PRNG ----
// mulberry32: 32-bit state, returns floats in [0, 1) as u32 / 2^32.
// Rust port (all u32 wrapping arithmetic):
//   state = state.wrapping_add(0x6D2B79F5);
//   let mut t = (state ^ (state >> 15)).wrapping_mul(state | 1);
//   t = (t.wrapping_add((t ^ (t >> 7)).wrapping_mul(t | 61))) ^ t;
//   ((t ^ (t >> 14)) as f64) / 4294967296.0
// Test vector: mulberry32(42) -> 0.6011037519201636, 0.44829055899754167,
//   0.8524657934904099, 0.6697340414393693, 0.17481389874592423
export function mulberry32(seed) {
  let a = seed >>> 0;
  return function next() {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t = (t + Math.imul(t ^ (t >>> 7), t | 61)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Fisher-Yates, from the end: for i = n-1 .. 1: j = floor(rng() * (i+1)); swap.
export function permutation(n, rng) {
  const p = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const t = p[i]; p[i] = p[j]; p[j] = t;
  }
  return p;
}

export const SEEDS = {
  spiralShuffle: 1001, playgroundInit: 1002,
  digitsShuffle: 2001, digitsInit: 2002,
  mnistData: 3001, mnistInit: 3002,
  sineShuffle: 5001, sineInit: 5002,
};

// Every dataset: { name, nFeatures, x: Float64Array(n*nFeatures) row-major,
//   y: Float64Array(n) (class index or regression target), n, ...extras }.

// ------------------------------------------------------ W1: spiral -------
// TensorFlow Playground classifySpiralData(numSamples=500, noise=0), verbatim:
// n = 250 per class; r = i/n*5; t = 1.75*i/n*2*PI + deltaT;
// x1 = r*sin(t), x2 = r*cos(t); class +1 (deltaT 0) first, then class -1
// (deltaT PI). Then reordered by permutation(500, mulberry32(1001)):
// row k of the dataset = original point perm[k].
export function spiral(numSamples = 500, noise = 0, seed = SEEDS.spiralShuffle) {
  const pts = [];
  const n = numSamples / 2;
  const noiseRng = mulberry32(seed ^ 0x5a5a5a5a); // only used if noise > 0
  const gen = (deltaT, label) => {
    for (let i = 0; i < n; i++) {
      const r = i / n * 5;
      const t = 1.75 * i / n * 2 * Math.PI + deltaT;
      const x = r * Math.sin(t) + (noise ? (noiseRng() * 2 - 1) * noise : 0);
      const y = r * Math.cos(t) + (noise ? (noiseRng() * 2 - 1) * noise : 0);
      pts.push([x, y, label]);
    }
  };
  gen(0, 1);
  gen(Math.PI, -1);
  const perm = permutation(pts.length, mulberry32(seed));
  const N = pts.length;
  const x = new Float64Array(N * 2), y = new Float64Array(N);
  perm.forEach((src, k) => { x[2 * k] = pts[src][0]; x[2 * k + 1] = pts[src][1]; y[k] = pts[src][2]; });
  return { name: 'spiral', n: N, nFeatures: 2, x, y, columns: ['x1', 'x2', 'label'] };
}

// Decision-boundary grid as drawn by the Playground: density 100, domain
// [-6, 6]; point k = i*100 + j has x1 = -6 + 12*i/99, x2 = -6 + 12*j/99.
export function playgroundGrid(density = 100, lo = -6, hi = 6) {
  const x = new Float64Array(density * density * 2);
  for (let i = 0; i < density; i++) {
    for (let j = 0; j < density; j++) {
      const k = i * density + j;
      x[2 * k] = lo + (hi - lo) * i / (density - 1);
      x[2 * k + 1] = lo + (hi - lo) * j / (density - 1);
    }
  }
  return { name: 'grid', n: density * density, nFeatures: 2, x };
}

// ------------------------------------------------------ W2: digits -------
// sklearn's 8x8 digits (1,797 x 64 ints in 0..16 + label), file
// data/digits.csv.gz extracted from the scikit-learn 1.9.1 wheel
// (sha256 09f66e6d...aa22). Features = pixel / 16. Rows reordered by
// permutation(1797, mulberry32(2001)). If the file is missing, a synthetic
// stand-in (same shape) is generated and `synthetic: true` is set.
export async function digits(seed = SEEDS.digitsShuffle) {
  let rows = null;
  try {
    const fs = await import('node:fs');
    const zlib = await import('node:zlib');
    // Descent: the repository's own copy (data/digits.csv.gz, same sha256).
    const url = new URL('../data/digits.csv.gz', import.meta.url);
    const text = zlib.gunzipSync(fs.readFileSync(url)).toString('utf8');
    rows = text.trim().split('\n').map((l) => l.split(',').map(Number));
  } catch (e) {
    rows = null;
  }
  let synthetic = false;
  if (!rows) { rows = syntheticDigitRows(1797); synthetic = true; }
  const N = rows.length;
  const perm = permutation(N, mulberry32(seed));
  const x = new Float64Array(N * 64), y = new Float64Array(N);
  perm.forEach((src, k) => {
    const r = rows[src];
    for (let f = 0; f < 64; f++) x[k * 64 + f] = r[f] / 16;
    y[k] = r[64];
  });
  return {
    name: 'digits', n: N, nFeatures: 64, nClasses: 10, x, y, synthetic,
    columns: [...Array.from({ length: 64 }, (_, i) => `p${i}`), 'label'],
  };
}

// Fallback only: 10 random 8x8 prototypes (ints 0..16) + uniform noise.
function syntheticDigitRows(n) {
  const rng = mulberry32(2999);
  const protos = Array.from({ length: 10 }, () => Array.from({ length: 64 }, () => Math.floor(rng() * 17)));
  const rows = [];
  for (let i = 0; i < n; i++) {
    const c = i % 10;
    const r = protos[c].map((v) => Math.max(0, Math.min(16, v + Math.floor(rng() * 9) - 4)));
    r.push(c);
    rows.push(r);
  }
  return rows;
}

// ------------------------------------------------- W3: mnist-synth -------
// 28x28x1 procedurally drawn "digits": 10 stroke templates (polylines in the
// unit square, x right, y down), randomly scaled/rotated/shifted, drawn with
// an anti-aliased pen, plus uniform pixel noise, quantised to bytes.
//
// rng = mulberry32(3001); order = permutation(2000, rng); label[k] = order[k] % 10.
// Then for k = 0..1999 (same rng stream), 5 draws u1..u5:
//   scale = 0.85 + 0.3*u1; t = (u2-0.5)*0.3; tx = (u3-0.5)*4; ty = (u4-0.5)*4;
//   thick = 1.5 + u5
//   cos = (1-t*t)/(1+t*t), sin = 2*t/(1+t*t)   (rotation by 2*atan(t))
//   template point (u,v) -> px=(u-0.5)*20, py=(v-0.5)*20,
//     X = 14 + scale*(cos*px - sin*py) + tx, Y = 14 + scale*(sin*px + cos*py) + ty
// then for each pixel (row r, col c) in row-major order, with centre
// (c+0.5, r+0.5): d = distance to nearest transformed segment,
//   v = clamp(thick/2 + 0.5 - d, 0, 1) + (rng()-0.5)*0.2, clamp to [0,1],
//   byte = Math.round(v*255); feature = byte/255.
export const DIGIT_TEMPLATES = [
  // 0: octagon loop
  [[[0.5, 0.1], [0.75, 0.2], [0.85, 0.5], [0.75, 0.8], [0.5, 0.9], [0.25, 0.8], [0.15, 0.5], [0.25, 0.2], [0.5, 0.1]]],
  // 1: stem + flag
  [[[0.35, 0.3], [0.5, 0.1], [0.5, 0.9]]],
  // 2
  [[[0.25, 0.3], [0.4, 0.12], [0.65, 0.12], [0.75, 0.3], [0.25, 0.88], [0.78, 0.88]]],
  // 3
  [[[0.25, 0.12], [0.75, 0.12], [0.45, 0.45], [0.75, 0.65], [0.55, 0.88], [0.25, 0.82]]],
  // 4
  [[[0.65, 0.9], [0.65, 0.1], [0.22, 0.62], [0.82, 0.62]]],
  // 5
  [[[0.75, 0.12], [0.3, 0.12], [0.28, 0.45], [0.65, 0.45], [0.75, 0.66], [0.6, 0.88], [0.25, 0.86]]],
  // 6
  [[[0.7, 0.12], [0.35, 0.45], [0.3, 0.75], [0.5, 0.88], [0.7, 0.72], [0.6, 0.52], [0.33, 0.56]]],
  // 7
  [[[0.22, 0.12], [0.78, 0.12], [0.4, 0.9]]],
  // 8: two loops
  [[[0.5, 0.1], [0.7, 0.18], [0.72, 0.32], [0.5, 0.48], [0.28, 0.32], [0.3, 0.18], [0.5, 0.1]],
   [[0.5, 0.48], [0.75, 0.6], [0.78, 0.78], [0.5, 0.9], [0.22, 0.78], [0.25, 0.6], [0.5, 0.48]]],
  // 9
  [[[0.7, 0.45], [0.42, 0.5], [0.28, 0.3], [0.5, 0.12], [0.72, 0.28], [0.7, 0.45], [0.6, 0.9]]],
];

export function mnistSynth(n = 2000, seed = SEEDS.mnistData) {
  const rng = mulberry32(seed);
  const order = permutation(n, rng);
  const W = 28, H = 28, P = W * H;
  const bytes = new Uint8Array(n * P);
  const y = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const label = order[k] % 10;
    y[k] = label;
    const scale = 0.85 + 0.3 * rng();
    const t = (rng() - 0.5) * 0.3;
    const tx = (rng() - 0.5) * 4;
    const ty = (rng() - 0.5) * 4;
    const thick = 1.5 + rng();
    const c = (1 - t * t) / (1 + t * t);
    const s = (2 * t) / (1 + t * t);
    // transformed segments: [ax, ay, bx, by]
    const segs = [];
    for (const line of DIGIT_TEMPLATES[label]) {
      const pts = line.map(([u, v]) => {
        const px = (u - 0.5) * 20, py = (v - 0.5) * 20;
        return [14 + scale * (c * px - s * py) + tx, 14 + scale * (s * px + c * py) + ty];
      });
      for (let i = 0; i + 1 < pts.length; i++) segs.push([pts[i][0], pts[i][1], pts[i + 1][0], pts[i + 1][1]]);
    }
    for (let r = 0; r < H; r++) {
      for (let col = 0; col < W; col++) {
        const qx = col + 0.5, qy = r + 0.5;
        let best = Infinity;
        for (const [ax, ay, bx, by] of segs) {
          const abx = bx - ax, aby = by - ay;
          const apx = qx - ax, apy = qy - ay;
          const len2 = abx * abx + aby * aby;
          let u = len2 > 0 ? (apx * abx + apy * aby) / len2 : 0;
          if (u < 0) u = 0; else if (u > 1) u = 1;
          const dx = apx - u * abx, dy = apy - u * aby;
          const d2 = dx * dx + dy * dy;
          if (d2 < best) best = d2;
        }
        const d = Math.sqrt(best);
        let v = thick / 2 + 0.5 - d;
        if (v < 0) v = 0; else if (v > 1) v = 1;
        v += (rng() - 0.5) * 0.2;
        if (v < 0) v = 0; else if (v > 1) v = 1;
        bytes[k * P + r * W + col] = Math.round(v * 255);
      }
    }
  }
  const x = new Float64Array(n * P);
  for (let i = 0; i < n * P; i++) x[i] = bytes[i] / 255;
  return {
    name: 'mnist-synth', n, nFeatures: P, nClasses: 10, shape: [28, 28, 1], x, y, bytes,
    columns: [...Array.from({ length: P }, (_, i) => `p${i}`), 'label'],
  };
}

// ----------------------------------------------------- W4: linreg --------
export function linreg() {
  return {
    name: 'linreg', n: 4, nFeatures: 2,
    x: Float64Array.from([1, 2, 2, 3, 3, 4, 4, 5]), y: Float64Array.from([1, 2, 3, 4]),
    xTest: Float64Array.from([5, 6, 6, 7]), yTest: Float64Array.from([5, 6]),
    columns: ['x1', 'x2', 'y'],
  };
}

// ------------------------------------------------------- W5: sine --------
// s[t] = sin(0.2*t), t = 0..1019. Window i (0..999): x = s[i..i+19], target s[i+20].
// Windows reordered by permutation(1000, mulberry32(5001)).
export function sine(nWindows = 1000, win = 20, seed = SEEDS.sineShuffle) {
  const s = Array.from({ length: nWindows + win }, (_, t) => Math.sin(0.2 * t));
  const perm = permutation(nWindows, mulberry32(seed));
  const x = new Float64Array(nWindows * win), y = new Float64Array(nWindows);
  perm.forEach((src, k) => {
    for (let j = 0; j < win; j++) x[k * win + j] = s[src + j];
    y[k] = s[src + win];
  });
  return {
    name: 'sine', n: nWindows, nFeatures: win, window: win, x, y,
    columns: [...Array.from({ length: win }, (_, i) => `t${i}`), 'target'],
  };
}

// ------------------------------------------------- initial weights -------
// Each workload lists its parameters in order; values are drawn from ONE
// mulberry32 stream, parameter after parameter, each in row-major order of
// its canonical shape. Canonical shapes use TensorFlow's layouts:
//   dense kernel [in, out]; conv kernel [kh, kw, inC, outC];
//   SimpleRNN kernel [in, units], recurrent kernel [units, units].
// 'glorot': (2u-1)*sqrt(6/(fanIn+fanOut)) (dense: fanIn=in, fanOut=out;
//   conv: fanIn=kh*kw*inC, fanOut=kh*kw*outC; no draws for zero biases).
// 'playground': weight = u - 0.5, bias = 0.1 (TF Playground's init).
export const PARAM_SPECS = {
  'playground-mlp': {
    seed: SEEDS.playgroundInit, scheme: 'playground',
    params: [['w1', [2, 8]], ['b1', [8]], ['w2', [8, 8]], ['b2', [8]], ['w3', [8, 1]], ['b3', [1]]],
  },
  'digits-mlp': {
    seed: SEEDS.digitsInit, scheme: 'glorot',
    params: [['w1', [64, 32]], ['b1', [32]], ['w2', [32, 10]], ['b2', [10]]],
  },
  'mnist-cnn': {
    seed: SEEDS.mnistInit, scheme: 'glorot',
    params: [['conv1_k', [5, 5, 1, 8]], ['conv1_b', [8]], ['conv2_k', [5, 5, 8, 16]], ['conv2_b', [16]],
      ['fc_w', [256, 10]], ['fc_b', [10]]],
  },
  'seed-linreg': { seed: 0, scheme: 'zeros', params: [['w', [2, 1]], ['b', [1]]] },
  'sine-rnn': {
    seed: SEEDS.sineInit, scheme: 'glorot',
    params: [['rnn_kernel', [1, 16]], ['rnn_recurrent', [16, 16]], ['rnn_bias', [16]],
      ['dense_w', [16, 1]], ['dense_b', [1]]],
  },
};

export function initParams(workload) {
  const spec = PARAM_SPECS[workload];
  const rng = mulberry32(spec.seed);
  const out = {};
  for (const [name, shape] of spec.params) {
    const size = shape.reduce((a, b) => a * b, 1);
    const v = new Float64Array(size);
    const isBias = shape.length === 1;
    if (spec.scheme === 'zeros') {
      // all zero
    } else if (spec.scheme === 'playground') {
      if (isBias) v.fill(0.1); else for (let i = 0; i < size; i++) v[i] = rng() - 0.5;
    } else if (spec.scheme === 'glorot') {
      if (!isBias) {
        let fanIn, fanOut;
        if (shape.length === 2) { fanIn = shape[0]; fanOut = shape[1]; } else {
          const rf = shape[0] * shape[1];
          fanIn = rf * shape[2]; fanOut = rf * shape[3];
        }
        const limit = Math.sqrt(6 / (fanIn + fanOut));
        for (let i = 0; i < size; i++) v[i] = (2 * rng() - 1) * limit;
      }
    }
    out[name] = { shape, values: v };
  }
  return out;
}

// ------------------------------------------------------------ dump -------
function toCsv(ds) {
  const lines = [ds.columns.join(',')];
  const F = ds.nFeatures;
  for (let k = 0; k < ds.n; k++) {
    const row = [];
    for (let f = 0; f < F; f++) row.push(ds.bytes ? ds.bytes[k * F + f] : ds.x[k * F + f]);
    row.push(ds.y[k]);
    lines.push(row.join(','));
  }
  return lines.join('\n') + '\n';
}

export async function dump(dir) {
  const fs = await import('node:fs');
  const path = await import('node:path');
  fs.mkdirSync(dir, { recursive: true });
  const write = (name, text) => { fs.writeFileSync(path.join(dir, name), text); console.error(`wrote ${path.join(dir, name)}`); };
  write('spiral.csv', toCsv(spiral()));
  const g = playgroundGrid();
  write('grid.csv', 'x1,x2\n' + Array.from({ length: g.n }, (_, k) => `${g.x[2 * k]},${g.x[2 * k + 1]}`).join('\n') + '\n');
  const d = await digits();
  // digits features written as pixel/16 floats (exact in binary); label last
  write('digits.csv', toCsv(d));
  // mnist-synth pixels written as bytes 0..255 (feature = byte/255); label last
  write('mnist-synth.csv', toCsv(mnistSynth()));
  const lr = linreg();
  write('linreg.csv', toCsv(lr));
  write('linreg-test.csv', toCsv({ ...lr, n: 2, x: lr.xTest, y: lr.yTest }));
  write('sine.csv', toCsv(sine()));
  for (const wl of Object.keys(PARAM_SPECS)) {
    const p = initParams(wl);
    const lines = ['param,shape,index,value'];
    for (const [name, { shape, values }] of Object.entries(p)) {
      values.forEach((v, i) => lines.push(`${name},${shape.join('x')},${i},${v}`));
    }
    write(`init-${wl}.csv`, lines.join('\n') + '\n');
  }
}

// CLI
if (import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  const i = process.argv.indexOf('--dump');
  if (i >= 0 && process.argv[i + 1]) {
    await dump(process.argv[i + 1]);
  } else {
    const r = mulberry32(42);
    console.log('usage: node data.mjs --dump DIR');
    console.log('mulberry32(42) first 5:', [r(), r(), r(), r(), r()].join(', '));
  }
}
