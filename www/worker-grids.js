// The inputs the worker's pictures are computed on: the output heatmap's
// grid over the data's square, the units' smaller one, points along a line
// for 1-D sets, and the first images of a digits split. Built once per
// session (worker.js), in raw units: the session normalizes and maps
// features itself.

export const GRID = 100; // output heatmap: GRID × GRID cells over the data's square
export const UNIT_GRID = 30; // unit thumbnails: 30 × 30 (2-D) or 60 points (1-D)
const UNIT_POINTS_1D = 60;
const CURVE_POINTS = 240;
const DIGIT_SAMPLES = 40;

export function makeGrids(info, sampleSplit) {
  const g = { plane: null, unitPlane: null, line: null, unitLine: null, samples: null };
  const d = info.domain;
  if (info.inputShape) {
    const rows = Math.min(DIGIT_SAMPLES, sampleSplit.rows);
    g.samples = { split: sampleSplit, rows, x: sampleSplit.x.slice(0, rows * sampleSplit.inputs) };
  } else if (d && info.inputs === 2) {
    g.plane = planeGrid(GRID, d);
    g.unitPlane = planeGrid(UNIT_GRID, d);
  } else if (d && info.inputs === 1) {
    g.line = lineGrid(CURVE_POINTS, d);
    g.unitLine = lineGrid(UNIT_POINTS_1D, d);
  }
  return g;
}

// Cell centres, row 0 at the top (x2 = +d), x1 growing to the right.
export function planeGrid(n, d) {
  const x = new Float32Array(n * n * 2);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const k = (i * n + j) * 2;
      x[k] = -d + ((j + 0.5) * 2 * d) / n;
      x[k + 1] = d - ((i + 0.5) * 2 * d) / n;
    }
  }
  return x;
}

function lineGrid(n, d) {
  return Float32Array.from({ length: n }, (_, i) => -d + (i * 2 * d) / (n - 1));
}
