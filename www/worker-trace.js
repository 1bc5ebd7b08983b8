// The worker's side of the step-through and the landscape (issue 13): one
// training step looked at from the engine's own pieces (Session.trace,
// Session.gradientCheck) and the loss on a plane (Session.lossSurface).
// Every number the page shows comes from these calls; nothing here does
// the maths again. worker.js owns the session and passes it in.

// A trace's answer: the engine's trace, the weights it starts from, the
// traced rows' targets (the engine's split) and the learning rate, so the
// panel can write w ← w − α∇J with every number filled in.
export function traceReport(session, info, { batch }, learningRate) {
  const t = session.trace(batch);
  const params = session.parameters().map((p) => ({ name: p.name, layer: p.layer, kind: p.kind, role: p.role, shape: p.shape, values: own(p.values) }));
  const rows = Array.from(t.rows);
  const train = session.split('train');
  const targets = Float32Array.from(rows, (r) => train.y[r]);
  const tensors = (list) => list.map((e) => ({ name: e.name, shape: Array.from(e.shape), values: own(e.values) }));
  return {
    batch: batch === 'next' ? 'next' : 'rows',
    loss: t.loss,
    rows,
    targets,
    learningRate,
    task: info.task,
    lossId: info.loss,
    params,
    layers: t.layers.map((l) => ({
      name: l.name,
      kind: l.kind ?? null,
      inputs: own(l.inputs),
      preActivations: own(l.preActivations),
      outputs: own(l.outputs),
      delta: own(l.delta),
    })),
    gradients: tensors(t.gradients),
    penalty: tensors(t.penalty || []),
    update: tensors(t.update),
  };
}

export function traceTransfers(r) {
  const out = [r.targets.buffer];
  for (const p of r.params) out.push(p.values.buffer);
  for (const l of r.layers) out.push(l.inputs.buffer, l.preActivations.buffer, l.outputs.buffer, l.delta.buffer);
  for (const list of [r.gradients, r.penalty, r.update]) for (const e of list) out.push(e.values.buffer);
  return [...new Set(out)];
}

export function gradientCheckReport(session, { batch, epsilon }) {
  const c = session.gradientCheck(batch, epsilon);
  const w = c.worst;
  return {
    maxRelativeError: c.maxRelativeError,
    checked: c.checked,
    skipped: c.skipped ?? 0,
    epsilon,
    worst: w ? { name: w.name, index: w.index, analytic: w.analytic, numeric: w.numeric } : null,
  };
}

// The landscape's plane as the engine takes it: 'path', 'random' or two
// flat parameter indices.
export function surfaceOf(session, { plane: asked, resolution }, step) {
  // The path's plane needs a path: before the first update (the weights
  // have not moved), two random directions stand in.
  const plane = asked === 'path' && step === 0 ? 'random' : asked;
  const s = session.lossSurface({ plane, resolution });
  return {
    step,
    plane,
    resolution: s.resolution,
    values: own(s.values),
    axes: { x: Array.from(s.axes.x), y: Array.from(s.axes.y) },
    center: Array.from(s.center),
    path: own(s.path),
  };
}

// Transferring a buffer detaches it; never let that be wasm's own memory.
export function own(a) {
  if (!a) return new Float32Array(0);
  if (!(a instanceof Float32Array)) return Float32Array.from(a);
  return a.buffer instanceof ArrayBuffer && a.byteOffset === 0 && a.buffer.byteLength === a.byteLength ? a : a.slice();
}
