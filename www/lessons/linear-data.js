// The article's data (source article-linear), as the parameters table and
// the fit view explain it: what its data can pin down lives here, so the
// views stay general. The lesson itself is lessons/linear.js.

// x2 = x1 + 1 on every row, so ŷ = (w1 + w2)·x1 + (w2 + b): the data fixes
// only these two combinations, never w1, w2 and b one by one. Every exact
// fit has w1 + w2 = 1 and w2 + b = 0 (ŷ = x1).
export const pinned = [
  { label: 'w1 + w2', value: ({ w, b }) => w[0] + w[1], target: 1 },
  { label: 'w2 + b', value: ({ w, b }) => w[1] + b, target: 0 },
];
