// A drawn digit → the model's 8×8 input, made the way the UCI digits were
// (optdigits): NIST's programs size-normalized each handwritten digit into
// a 32×32 bitmap, and the 8×8 image counts the set pixels in each
// non-overlapping 4×4 block (so every pixel is 0..16). Here the strokes'
// bounding box is scaled to fill the frame the digits fill (the full
// height, most of the width), drawn with a pen as thick as theirs, and
// counted the same way.

export const SIDE = 32;
const BLOCK = 4;
// The UCI digits fill all 32 rows and about 24 of the 32 columns.
const FRAME_H = 31;
const FRAME_W = 26;
// Pen radius in bitmap pixels: the UCI digits set about 30% of their
// 1,024 pixels (313 on average), and their strokes are thick; a 6-pixel
// pen gives a typical drawn digit about that. (Thinner pens turned most
// drawn 1s into 4s and 7s: the model has only seen thick ones.)
const PEN = 3;

// `strokes`: [[{x, y}, ...], ...] in the pad's units; `padSize`: the pad's
// side in those units (a small mark is enlarged at most 3× its share of it).
// → { bitmap: Uint8Array(32·32) of 0/1, pixels: Float32Array(64) of 0..16 }, or null when empty.
export function rasterize(strokes, padSize = 1) {
  const pts = strokes.flat();
  if (pts.length === 0) return null;
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const p of pts) {
    x0 = Math.min(x0, p.x);
    y0 = Math.min(y0, p.y);
    x1 = Math.max(x1, p.x);
    y1 = Math.max(y1, p.y);
  }
  // Scale the longer side to its frame, keeping the shape; centre it.
  // A dot or a short dash is not blown up to fill the frame.
  const w = x1 - x0;
  const h = y1 - y0;
  const inner = (f) => f - 2 * PEN;
  const scale = Math.min(inner(FRAME_W) / Math.max(w, 1e-9), inner(FRAME_H) / Math.max(h, 1e-9), (3 * SIDE) / padSize);
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  const map = (p) => ({ x: SIDE / 2 + (p.x - cx) * scale, y: SIDE / 2 + (p.y - cy) * scale });
  const segs = [];
  for (const stroke of strokes) {
    const s = stroke.map(map);
    if (s.length === 1) segs.push([s[0], s[0]]);
    for (let i = 1; i < s.length; i++) segs.push([s[i - 1], s[i]]);
  }
  // A pixel is set when its centre is within the pen of a segment; only
  // the pixels near each segment are tested, so a long scribble stays cheap.
  const bitmap = new Uint8Array(SIDE * SIDE);
  const clamp = (v) => Math.max(0, Math.min(SIDE - 1, v));
  for (const [a, b] of segs) {
    const i0 = clamp(Math.floor(Math.min(a.y, b.y) - PEN));
    const i1 = clamp(Math.ceil(Math.max(a.y, b.y) + PEN));
    const j0 = clamp(Math.floor(Math.min(a.x, b.x) - PEN));
    const j1 = clamp(Math.ceil(Math.max(a.x, b.x) + PEN));
    for (let i = i0; i <= i1; i++) {
      for (let j = j0; j <= j1; j++) {
        if (!bitmap[i * SIDE + j] && segmentDistance(j + 0.5, i + 0.5, a, b) <= PEN) bitmap[i * SIDE + j] = 1;
      }
    }
  }
  return { bitmap, pixels: countBlocks(bitmap) };
}

// 32×32 of 0/1 → 8×8 of counts 0..16, row by row.
export function countBlocks(bitmap) {
  const n = SIDE / BLOCK;
  const out = new Float32Array(n * n);
  for (let i = 0; i < SIDE; i++) {
    for (let j = 0; j < SIDE; j++) out[Math.floor(i / BLOCK) * n + Math.floor(j / BLOCK)] += bitmap[i * SIDE + j];
  }
  return out;
}

function segmentDistance(x, y, a, b) {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len = dx * dx + dy * dy;
  const t = len > 0 ? Math.max(0, Math.min(1, ((x - a.x) * dx + (y - a.y) * dy) / len)) : 0;
  return Math.hypot(x - (a.x + t * dx), y - (a.y + t * dy));
}
