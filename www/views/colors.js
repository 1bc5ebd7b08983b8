// The colours of classes, values and weights, shared by every view that
// draws the model (output, network, confusion matrix, digits), so a class is
// the same colour everywhere. TensorFlow Playground's orange and blue come
// first: its two-class pictures look the same here.

export const ORANGE = [245, 147, 34]; // #f59322: class 0 (Playground's −1), negative values and weights
export const BLUE = [8, 119, 189]; // #0877bd: class 1 (Playground's +1), positive values and weights
export const NEUTRAL = [232, 234, 235]; // #e8eaeb: undecided, zero

// Up to eight generated classes (ten for the digits): hues far apart so a
// projector still tells them apart (Tableau's ten, Playground's pair first).
export const CLASS_RGB = [
  ORANGE,
  BLUE,
  [44, 160, 44], // green
  [214, 39, 40], // red
  [148, 103, 189], // purple
  [140, 86, 75], // brown
  [227, 119, 194], // pink
  [23, 190, 207], // teal
  [188, 189, 34], // olive
  [127, 127, 127], // grey
];

export const css = ([r, g, b], a = 1) => (a === 1 ? `rgb(${r}, ${g}, ${b})` : `rgba(${r}, ${g}, ${b}, ${a})`);
export const classColor = (i) => CLASS_RGB[i % CLASS_RGB.length];

const mix = (a, b, t) => [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];

// WCAG 2 relative luminance and contrast ratio of sRGB colours (0–255).
const channel = (c) => ((c /= 255) <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
export const luminance = ([r, g, b]) => 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
export function contrast(a, b) {
  const [x, y] = [luminance(a), luminance(b)];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}

const WHITE = [255, 255, 255];
const INK = [29, 35, 42]; // style.css --ink
const READABLE = 4.6; // WCAG AA's 4.5:1, with room for rounding

// A table cell tinted `base` at `strength` with white text (`white`) or
// ink: 0..1 runs from white to `base`, 1..2 on from `base` to half its
// brightness. The tint moves just far enough (darker under white, lighter
// under ink) for the text to reach 4.5:1. Returns opaque colours, so what
// is checked is what is shown.
export function readableTint(base, strength, white) {
  const at = (a) => (a <= 1 ? mix(WHITE, base, a) : mix(base, base.map((c) => c / 2), a - 1)).map(Math.round);
  let a = Math.max(0, Math.min(2, strength));
  if (white) while (a < 2 && contrast(at(a), WHITE) < READABLE) a = Math.min(2, a + 0.01);
  else while (a > 0 && contrast(at(a), INK) < READABLE) a = Math.max(0, a - 0.01);
  return { background: css(at(a)), color: css(white ? WHITE : INK) };
}

// t in [-1, 1] → orange … neutral … blue (Playground's scale).
export function diverging(t, out = [0, 0, 0]) {
  const v = Math.max(-1, Math.min(1, Number.isFinite(t) ? t : 0));
  const c = v < 0 ? mix(NEUTRAL, ORANGE, -v) : mix(NEUTRAL, BLUE, v);
  out[0] = c[0];
  out[1] = c[1];
  out[2] = c[2];
  return out;
}

// A class at a confidence in [0, 1]: neutral when unsure, the full class colour when sure.
export function classShade(cls, confidence, out = [0, 0, 0]) {
  const c = mix(NEUTRAL, classColor(cls), Math.max(0, Math.min(1, confidence)));
  out[0] = c[0];
  out[1] = c[1];
  out[2] = c[2];
  return out;
}

// The picture a model's outputs make, one pixel per row, into `image`
// (an ImageData with width × height = rows):
//   regression   value / scale on the diverging scale
//   2 classes    2·P(class 1) − 1 on the diverging scale (orange = class 0)
//   k classes    the likeliest class, its intensity the confidence above chance
// `discretize` drops the intensity: every pixel is its decision's full colour.
// `lighten` (0..1) mixes toward white so points drawn on top stand out.
export function paintOutputs(image, values, { task, outputs, scale = 1, discretize = false, lighten = 0 }) {
  const px = image.data;
  const rows = image.width * image.height;
  const c = [0, 0, 0];
  for (let r = 0; r < rows; r++) {
    if (task === 'regression') {
      const t = values[r] / scale;
      diverging(discretize ? Math.sign(t) : t, c);
    } else if (outputs === 1) {
      const t = 2 * values[r] - 1;
      diverging(discretize ? (t >= 0 ? 1 : -1) : t, c);
    } else {
      let best = 0;
      let p = -Infinity;
      for (let k = 0; k < outputs; k++) {
        const v = values[r * outputs + k];
        if (v > p) {
          p = v;
          best = k;
        }
      }
      const chance = 1 / outputs;
      classShade(best, discretize ? 1 : (p - chance) / (1 - chance), c);
    }
    const i = r * 4;
    px[i] = c[0] + (255 - c[0]) * lighten;
    px[i + 1] = c[1] + (255 - c[1]) * lighten;
    px[i + 2] = c[2] + (255 - c[2]) * lighten;
    px[i + 3] = 255;
  }
  return image;
}

// One unit's values (column `unit` of a rows × width block) as a diverging
// picture, scaled so the unit's largest |value| (at least 1) is full colour:
// tanh units look exactly as in Playground, ReLU units do not saturate.
export function paintUnit(image, values, width, unit) {
  const px = image.data;
  const rows = image.width * image.height;
  let max = 1;
  for (let r = 0; r < rows; r++) max = Math.max(max, Math.abs(values[r * width + unit]) || 0);
  const c = [0, 0, 0];
  for (let r = 0; r < rows; r++) {
    diverging(values[r * width + unit] / max, c);
    const i = r * 4;
    px[i] = c[0];
    px[i + 1] = c[1];
    px[i + 2] = c[2];
    px[i + 3] = 255;
  }
  return image;
}
