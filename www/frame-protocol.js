// The worker's frame, declared once. A frame message carries the scalars
// of the moment (step, epoch, losses, accuracies, learning rate, steps per
// second: the store keeps the whole message as `frame`) and, when due, the
// pictures below. For each picture field:
//   field     its name in the frame message (worker.js frame() sets it)
//   key       the store key it lands in (main.js framePatch), null while
//             no frame has brought one: initialState and every 'ready' reset it
//   views     the redraws that depend on it (main.js due() lists; the
//             Output panel follows a hovered unit through its own overlay)
//   buffers   the ArrayBuffers the worker transfers rather than copies
// A new frame field is one entry here plus the code that computes it
// (worker.js) and the view that draws it.

export const FRAME_FIELDS = [
  { field: 'params', key: null, views: ['network'], buffers: (ps) => ps.map((p) => p.values.buffer) }, // read as frame.params
  { field: 'series', key: 'series', views: ['loss'], buffers: (s) => Object.values(s).map((a) => a.buffer) },
  { field: 'boundary', key: 'boundary', views: ['output'], buffers: (b) => [b.values.buffer] },
  { field: 'curve', key: 'curve', views: ['output'], buffers: (c) => [c.x.buffer, c.y.buffer] },
  { field: 'samples', key: 'samples', views: ['output'], buffers: (s) => [s.probs.buffer] },
  { field: 'points', key: 'points', views: ['output'], buffers: (p) => [p.train, p.val].filter(Boolean).map((a) => a.buffer) },
  { field: 'lesson', key: 'lessonPredictions', views: ['output', 'lesson'], buffers: (l) => [l.train, l.test].filter(Boolean).map((a) => a.buffer) },
  { field: 'units', key: 'units', views: ['network'], buffers: (u) => u.layers.map((l) => l.values.buffer) },
  { field: 'evaluation', key: 'evaluation', views: ['evaluation'], buffers: (e) => (e.predictions ? [e.predictions.buffer] : []) },
];

const STORED = FRAME_FIELDS.filter((f) => f.key);

// The store's frame keys as a session starts: nothing drawn yet.
export function frameReset() {
  const out = { frame: null };
  for (const f of STORED) out[f.key] = null;
  return out;
}

// What a frame message changes in the store.
export function framePatch(msg) {
  const patch = { frame: msg };
  for (const f of STORED) if (msg[f.field]) patch[f.key] = msg[f.field];
  return patch;
}

// The buffers of a frame to transfer (worker.js), each once.
export function frameTransfers(frame) {
  const out = new Set();
  for (const f of FRAME_FIELDS) if (frame[f.field]) for (const b of f.buffers(frame[f.field])) out.add(b);
  return [...out];
}

// The store values a view's redraw depends on, from the frame fields it draws.
export function frameDeps(state, view) {
  const deps = [];
  for (const f of FRAME_FIELDS) if (f.views.includes(view)) deps.push(f.key ? state[f.key] : state.frame?.[f.field]);
  return deps;
}
