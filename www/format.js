// Number formatting shared by the views. Output stays parseable by Number()
// (no thousands separators, plain 'e' exponents) so tests can read it back.

// A loss or metric: 4 significant digits, exponent form when tiny or huge.
export function formatNumber(x, digits = 4) {
  if (x == null || Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? 'Infinity' : '-Infinity';
  if (x === 0) return '0';
  const a = Math.abs(x);
  if (a >= 1e-3 && a < 1e5) return String(Number(x.toPrecision(digits)));
  return x.toExponential(digits - 1).replace('e+', 'e');
}

// A weight or bias: fixed decimals line up in a table column; signs kept.
export function formatParam(x) {
  if (x == null || !Number.isFinite(x)) return formatNumber(x);
  const a = Math.abs(x);
  // Round-off in an exact f64 reference (1e-14) is zero, not a finding.
  if (a < 1e-12) return (0).toFixed(4);
  if (a !== 0 && (a < 1e-4 || a >= 1e5)) return x.toExponential(3).replace('e+', 'e');
  return x.toFixed(a >= 100 ? 2 : 4);
}

// Axis tick labels: as short as the tick spacing allows.
export function formatTick(x, step) {
  if (x === 0) return '0';
  const a = Math.abs(x);
  if (a >= 1e5 || a < 1e-3) return x.toExponential(0).replace('e+', 'e');
  const decimals = Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
  return x.toFixed(decimals);
}
