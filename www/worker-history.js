// Loss curve points, bounded: when full, every other point is dropped and
// points are then kept twice as far apart, so a run of a million steps still
// draws its whole history from a few thousand points. The newest point is
// always kept so the curve reaches the current step.
export class LossHistory {
  constructor(capacity, columns) {
    this.capacity = capacity;
    this.columns = columns;
    this.rows = []; // [step, ...one value per column]
    this.gap = 1;
    this.tail = null;
  }
  get lastStep() {
    const row = this.tail || this.rows[this.rows.length - 1];
    return row ? row[0] : -1;
  }
  push(step, values) {
    const row = [step, ...values.map((v) => (v == null ? NaN : v))];
    const kept = this.rows.length ? this.rows[this.rows.length - 1][0] : -Infinity;
    if (step - kept < this.gap) {
      this.tail = row;
      return;
    }
    this.tail = null;
    this.rows.push(row);
    if (this.rows.length >= this.capacity) {
      this.rows = this.rows.filter((_, i) => i % 2 === 0);
      this.gap *= 2;
    }
  }
  // Column arrays, ready to transfer: { step, trainLoss, ... }.
  arrays() {
    const rows = this.tail ? [...this.rows, this.tail] : this.rows;
    const out = { step: Float32Array.from(rows, (r) => r[0]) };
    this.columns.forEach((name, c) => {
      out[name] = Float32Array.from(rows, (r) => r[c + 1]);
    });
    return out;
  }
}
