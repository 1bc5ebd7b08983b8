// A Descent model file (`Session.exportModel()`) → an ONNX model that
// onnxruntime runs, so a model trained in the tab goes on to other engines.
//
//   import { toOnnx } from './onnx.js';
//   const bytes = toOnnx(session.exportModel());   // Uint8Array, a .onnx file
//
// The file: ONNX IR version 7, default-domain opset 13 (the oldest that
// has Softmax over one axis and Squeeze's axes as an input; older runtimes
// load it too). One input `input`, float32: [N, inputs] for tabular
// models, [N, 1, H, W] for a CNN, [N, T, 1] for an RNN, holding the raw
// values predict() takes, in the same order. One output `output`,
// [N, outputs]: what predict() gives (the value, P(class 1), or k class
// probabilities). Folded in as nodes: the feature crosses (x1², sin x1, …)
// and the fitted normalization (x − shift)·scale at the start, the
// sigmoid / softmax at the end. metadata_props carry the class names, the
// feature and input names and the input shape.
//
// The network is rebuilt from the file's config by the engine's own rules
// (src/model.rs, src/layers/build.rs) and every parameter's name and shape
// is checked against it, as Session.importModel does, so a file that does
// not describe the network it holds is refused rather than exported wrong.
// Layouts: dense W [in, out] is Gemm's B as it is; conv kernels
// [k, k, C, F] become Conv's [F, C, k, k]; the engine flattens images in
// (h, w, c) order, so a Transpose to channels-last goes before Flatten;
// the RNN's Wx [F, H] and Wh [H, H] become ONNX RNN's W = Wxᵀ, R = Whᵀ.

import * as wire from './onnx-wire.js';

export const IR_VERSION = 7;
export const OPSET = 13;

const FORMAT = 'descent-model';
const VERSION = 1;
const KINDS = ['linear', 'logistic', 'mlp', 'cnn', 'rnn'];
/** src/layers/activation.rs: LEAK and the tanh form of GELU's constants. */
const LEAK = 0.01;
const GELU_C = 0.7978846;
const GELU_A = 0.044715;
const ACTIVATIONS = ['relu', 'leaky-relu', 'elu', 'gelu', 'tanh', 'sigmoid', 'linear'];

/** The ONNX file (bytes) of a Descent model file's text. Throws an Error a learner can act on. */
export function toOnnx(modelText) {
  const file = readModelFile(modelText);
  const plan = planNetwork(file);
  return buildModel(file, plan);
}

// ---- reading the model file ----

function readModelFile(text) {
  if (typeof text !== 'string') {
    throw new Error('toOnnx needs the text of a Descent model file (Session.exportModel())');
  }
  let file;
  try {
    file = JSON.parse(text);
  } catch (e) {
    throw new Error(`this is not a Descent model file: it is not valid JSON (${e.message})`);
  }
  if (!file || typeof file !== 'object' || file.format !== FORMAT) {
    throw new Error(`this JSON file is not a Descent model (it has no "format": "${FORMAT}"); save the model with Save model first`);
  }
  if (file.version !== VERSION) {
    throw new Error(`this model file is version ${file.version}; ONNX export reads version ${VERSION}`);
  }
  const need = (ok, what) => {
    if (!ok) throw new Error(`this model file is damaged: ${what}`);
  };
  need(file.config && file.config.model && file.config.data, 'it has no config.model or config.data');
  need(Array.isArray(file.parameters), 'it has no parameters list');
  need(Array.isArray(file.featureNames) && file.featureNames.length > 0, 'it has no featureNames');
  need(Array.isArray(file.classes), 'it has no classes list');
  const n = file.normalization;
  need(n && Array.isArray(n.shift) && Array.isArray(n.scale) && n.shift.length === file.featureNames.length
    && n.scale.length === n.shift.length, 'its normalization does not have one shift and scale per input');
  for (const p of file.parameters) {
    need(p && typeof p.name === 'string' && Array.isArray(p.shape) && Array.isArray(p.values),
      'a parameter has no name, shape or values');
    need(p.values.every(Number.isFinite), `tensor '${p.name}' holds a value that is not a finite number`);
  }
  const kind = file.config.model.kind;
  if (!KINDS.includes(kind)) {
    throw new Error(`a '${kind}' model cannot be exported to ONNX: export knows ${KINDS.join(', ')}`);
  }
  return file;
}

// ---- the network, rebuilt from the config by the engine's rules ----

/**
 * → { input: per-row input shape, layers: [{ type, ... }] } in the engine's
 * layer order (layer i owns the parameters named `…{i}.…`).
 */
function planNetwork(file) {
  const m = file.config.model;
  const inputs = file.featureNames.length;
  const outputs = outputWidth(file);
  const b = new Planner(file);
  if (m.kind === 'cnn') {
    // The file says a row's [C, H, W] (the engine's inputShape).
    const shape = file.inputShape;
    if (!Array.isArray(shape) || shape.length !== 3 || shape.reduce((a, c) => a * c, 1) !== inputs) {
      throw new Error(`this CNN's model file gives no image shape [channels, height, width] for its ${inputs} inputs; save it again from this version of Descent`);
    }
    b.shape = shape.slice();
    const specs = m.layers || DEFAULT_CNN;
    specs.forEach((s, i) => b.add(s, i));
    const last = specs[specs.length - 1];
    const isOutput = last && last.type === 'dense' && last.units === outputs
      && (last.activation == null || last.activation === 'linear');
    if (!isOutput) b.add({ type: 'dense', units: outputs });
  } else if (m.kind === 'rnn') {
    b.shape = [inputs, 1]; // rnn_network: T = the row's values, one feature per step
    b.add({ type: 'rnn' });
    b.add({ type: 'dense', units: outputs });
  } else {
    // Network::mlp: dense → activation per hidden layer, then dense to the logits.
    b.shape = [inputs];
    const hidden = m.kind === 'mlp' ? m.hidden || [] : [];
    for (const h of hidden) {
      b.add({ type: 'dense', units: h });
      b.layers.push({ type: 'act', activation: activationOf(m.activation, 'model.activation') });
    }
    b.add({ type: 'dense', units: outputs });
  }
  b.checkAllUsed();
  return { input: b.input, layers: b.layers };
}

/** src/model.rs `default_cnn`: conv 8@3×3 same → ReLU → maxpool 2. */
const DEFAULT_CNN = [
  { type: 'conv2d', filters: 8, kernel: 3, stride: 1, padding: 'same', activation: 'relu' },
  { type: 'maxpool', size: 2, stride: 2 },
];

/** predict()'s width: 1 for regression and two classes (P(class 1)), else one per class. */
function outputWidth(file) {
  const k = file.classes.length;
  return k > 2 ? k : 1;
}

function activationOf(name, field) {
  if (!ACTIVATIONS.includes(name)) {
    throw new Error(`${field} '${name}' cannot be exported to ONNX: export knows ${ACTIVATIONS.join(', ')}`);
  }
  return name;
}

/** Mirrors `Builder` in src/layers/build.rs, taking each parameter tensor from the file in order. */
class Planner {
  constructor(file) {
    this.params = file.parameters;
    this.next = 0;
    this.layers = [];
    this.shape = null;
    this.input = null;
  }

  /** The file's next tensor, which must be `name` of `shape`. */
  take(name, shape) {
    const p = this.params[this.next];
    if (!p || p.name !== name || p.shape.join() !== shape.join()
      || p.values.length !== shape.reduce((a, b) => a * b, 1)) {
      const got = p ? `'${p.name}' [${p.shape}]` : 'nothing';
      throw new Error(`this model file's tensors do not fit the network its config builds: expected '${name}' [${shape}], found ${got}`);
    }
    this.next += 1;
    return Float32Array.from(p.values);
  }

  checkAllUsed() {
    if (this.next !== this.params.length) {
      throw new Error(`this model file has ${this.params.length} parameter tensors; its config builds a network with ${this.next}`);
    }
  }

  width() {
    return this.shape.reduce((a, b) => a * b, 1);
  }

  image(type) {
    if (this.shape.length !== 3) throw new Error(`this model file's ${type} layer does not receive an image`);
    return this.shape;
  }

  activation(a, i) {
    if (a != null && a !== 'linear') {
      this.layers.push({ type: 'act', activation: activationOf(a, `model.layers[${i}].activation`) });
    }
  }

  flatten() {
    if (this.shape.length > 1) {
      this.layers.push({ type: 'flatten', shape: this.shape });
      this.shape = [this.width()];
    }
  }

  add(spec, i = this.layers.length) {
    if (this.input === null) this.input = this.shape.slice();
    const at = this.layers.length; // the engine's layer index, in parameter names
    switch (spec.type) {
      case 'conv2d': {
        const [c, h, w] = this.image('conv2d');
        const { filters: f, kernel: k } = spec;
        const s = spec.stride ?? 1;
        const same = (spec.padding ?? 'same') === 'same';
        const [oh, pt, pb] = convAxis(h, k, s, same);
        const [ow, pl, pr] = convAxis(w, k, s, same);
        const kernel = this.take(`conv${at}.kernel`, [k, k, c, f]);
        const bias = this.take(`conv${at}.bias`, [f]);
        this.layers.push({ type: 'conv2d', index: at, kernel: kernelToOnnx(kernel, k, c, f), kernelDims: [f, c, k, k], bias, k, stride: s, pads: [pt, pl, pb, pr] });
        this.shape = [f, oh, ow];
        this.activation(spec.activation, i);
        return;
      }
      case 'maxpool': {
        const [c, h, w] = this.image('maxpool');
        const size = spec.size;
        const s = spec.stride ?? size;
        this.layers.push({ type: 'maxpool', index: at, size, stride: s });
        this.shape = [c, Math.floor((h - size) / s) + 1, Math.floor((w - size) / s) + 1];
        return;
      }
      case 'flatten':
        this.flatten();
        return;
      case 'dense': {
        this.flatten();
        const at2 = this.layers.length;
        const n = this.width();
        const weight = this.take(`dense${at2}.weight`, [n, spec.units]);
        const bias = this.take(`dense${at2}.bias`, [spec.units]);
        this.layers.push({ type: 'dense', index: at2, weight, bias, inputs: n, outputs: spec.units });
        this.shape = [spec.units];
        this.activation(spec.activation, i);
        return;
      }
      case 'dropout':
        this.layers.push({ type: 'dropout', index: at });
        return;
      case 'rnn': {
        const [t, f] = this.shape;
        const kernelP = this.params[this.next];
        const h = kernelP && kernelP.shape.length === 2 ? kernelP.shape[1] : 0;
        const wx = this.take(`rnn${at}.kernel`, [f, h]);
        const wh = this.take(`rnn${at}.recurrent`, [h, h]);
        const b = this.take(`rnn${at}.bias`, [h]);
        this.layers.push({ type: 'rnn', index: at, wx, wh, b, steps: t, features: f, hidden: h });
        this.shape = [h];
        return;
      }
      default:
        if (ACTIVATIONS.includes(spec.type)) {
          this.layers.push({ type: 'act', activation: spec.type });
          return;
        }
        throw new Error(`model.layers[${i}]: a '${spec.type}' layer cannot be exported to ONNX`);
    }
  }
}

/**
 * src/layers/conv2d.rs `out_size`: → [out, pad before, pad after]. `same`
 * pads TensorFlow's way, the odd pixel at the bottom/right.
 */
function convAxis(input, kernel, stride, same) {
  if (!same) return [Math.floor((input - kernel) / stride) + 1, 0, 0];
  const out = Math.ceil(input / stride);
  const total = Math.max((out - 1) * stride + kernel - input, 0);
  const before = Math.floor(total / 2);
  return [out, before, total - before];
}

/** W[u, v, c, f] (engine) → W[f, c, u, v] (ONNX Conv). */
function kernelToOnnx(w, k, c, f) {
  const out = new Float32Array(w.length);
  for (let u = 0; u < k; u++) {
    for (let v = 0; v < k; v++) {
      for (let ci = 0; ci < c; ci++) {
        for (let fi = 0; fi < f; fi++) {
          out[((fi * c + ci) * k + u) * k + v] = w[((u * k + v) * c + ci) * f + fi];
        }
      }
    }
  }
  return out;
}

/** Row-major [r, c] → [c, r]. */
function transpose(a, r, c) {
  const out = new Float32Array(a.length);
  for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) out[j * r + i] = a[i * c + j];
  return out;
}

// ---- the graph ----

/** Collects nodes and initializers; every value gets a readable, unique name. */
class Graph {
  constructor() {
    this.nodes = [];
    this.initializers = [];
    this.names = new Set(['input', 'output']);
  }

  fresh(base) {
    let name = base;
    for (let i = 1; this.names.has(name); i++) name = `${base}_${i}`;
    this.names.add(name);
    return name;
  }

  /** A float initializer (scalars have dims []). */
  floats(base, dims, values) {
    const name = this.fresh(base);
    this.initializers.push(wire.tensor(name, dims, wire.FLOAT, values));
    return name;
  }

  int64s(base, values) {
    const name = this.fresh(base);
    this.initializers.push(wire.tensor(name, [values.length], wire.INT64, values));
    return name;
  }

  /** One node with one output; → the output's name. */
  op(op, inputs, base, attrs = {}) {
    const out = this.fresh(base);
    this.nodes.push({ op, inputs, outputs: [out], name: this.fresh(`${base}/${op}`), attrs });
    return out;
  }
}

function buildModel(file, plan) {
  const g = new Graph();
  const kind = file.config.model.kind;
  const rawInputs = rawInputNames(file);
  // The graph input's per-row shape: images [C, H, W], sequences [T, 1].
  const rowShape = kind === 'cnn' || kind === 'rnn' ? plan.input : [rawInputs.length];
  let x = 'input';
  x = featureCrosses(g, x, file);
  x = normalize(g, x, file, rowShape);
  for (const layer of plan.layers) x = emitLayer(g, x, layer);
  const k = file.classes.length;
  if (k === 2) x = g.op('Sigmoid', [x], 'probability');
  else if (k > 2) x = g.op('Softmax', [x], 'probabilities', { axis: { i: -1 } });
  // The node that made the result writes `output` (an Identity if it is not the last one).
  const last = g.nodes[g.nodes.length - 1];
  if (last && last.outputs[0] === x) last.outputs[0] = 'output';
  else g.nodes.push({ op: 'Identity', inputs: [x], outputs: ['output'], name: g.fresh('output/Identity'), attrs: {} });
  const outputs = outputWidth(file);

  const inputShape = ['N', ...rowShape];
  const task = k ? `classification (${k} classes)` : 'regression';
  const what = k === 2 ? `P(class '${file.classes[1]}')` : k > 2 ? 'the probability of each class, in the order of metadata "classes"' : 'the predicted value';
  const doc = `Descent ${kind} model (${task}), trained ${file.step} steps. input: raw ${rowShape.length > 1 ? 'rows shaped [N, ' + rowShape.join(', ') + ']' : 'rows of ' + rawInputs.join(', ')}; output: ${what}.`;
  const graph = wire.graph({
    name: `descent_${kind}`,
    nodes: g.nodes.map(wire.node),
    initializers: g.initializers,
    inputs: [wire.valueInfo('input', inputShape, `raw values, as Session.predict() takes them: ${rawInputs.join(', ')}`)],
    outputs: [wire.valueInfo('output', ['N', outputs], what)],
    doc,
  });
  return wire.model({
    irVersion: IR_VERSION,
    opset: OPSET,
    producer: 'Descent',
    producerVersion: `model file v${VERSION}`,
    doc,
    graph,
    metadata: {
      modelKind: kind,
      task: k ? 'classification' : 'regression',
      classes: JSON.stringify(file.classes),
      inputNames: JSON.stringify(rawInputs),
      featureNames: JSON.stringify(file.featureNames),
      inputShape: JSON.stringify(inputShape),
      output: what,
      normalization: file.normalization.kind,
      step: String(file.step),
    },
  });
}

/** The columns predict() takes: x1, x2 when features are chosen from them, else the model's inputs. */
function rawInputNames(file) {
  return file.config.data.features ? ['x1', 'x2'] : file.featureNames.slice();
}

/** src/data/features.rs: each chosen feature of (x1, x2), concatenated in order. */
function featureCrosses(g, x, file) {
  if (!file.config.data.features) return x;
  const names = file.featureNames;
  if (names.length === 2 && names[0] === 'x1' && names[1] === 'x2') return x;
  const col = (i, base) => g.op('Gather', [x, g.int64s(`${base}_index`, [i])], base, { axis: { i: 1 } }); // [N, 1]
  const x1 = col(0, 'x1');
  const x2 = col(1, 'x2');
  const make = {
    x1: () => x1,
    x2: () => x2,
    'x1^2': () => g.op('Mul', [x1, x1], 'x1_squared'),
    'x2^2': () => g.op('Mul', [x2, x2], 'x2_squared'),
    'x1*x2': () => g.op('Mul', [x1, x2], 'x1_times_x2'),
    'sin(x1)': () => g.op('Sin', [x1], 'sin_x1'),
    'sin(x2)': () => g.op('Sin', [x2], 'sin_x2'),
  };
  const cols = names.map((n) => {
    if (!make[n]) throw new Error(`feature '${n}' cannot be exported to ONNX: export knows ${Object.keys(make).join(', ')}`);
    return make[n]();
  });
  return g.op('Concat', cols, 'features', { axis: { i: 1 } }); // [N, features]
}

/** src/data/normalize.rs: x' = (x − shift)·scale per model input, shaped to broadcast over a row. */
function normalize(g, x, file, rowShape) {
  const { shift, scale, kind } = file.normalization;
  if (shift.every((v) => v === 0) && scale.every((v) => v === 1)) return x;
  const shape = file.config.data.features ? [shift.length] : rowShape;
  const s = g.op('Sub', [x, g.floats('normalize_shift', shape, shift)], `${kind}_centred`);
  return g.op('Mul', [s, g.floats('normalize_scale', shape, scale)], 'normalized');
}

function emitLayer(g, x, layer) {
  switch (layer.type) {
    case 'dense': {
      const name = `dense${layer.index}`;
      // [N, out] = [N, in]·W[in, out] + b: the engine's layout is Gemm's B as it is.
      return g.op('Gemm', [x, g.floats(`${name}.weight`, [layer.inputs, layer.outputs], layer.weight),
        g.floats(`${name}.bias`, [layer.outputs], layer.bias)], name);
    }
    case 'act':
      return activation(g, x, layer.activation);
    case 'conv2d': {
      const name = `conv${layer.index}`;
      return g.op('Conv', [x, g.floats(`${name}.kernel`, layer.kernelDims, layer.kernel),
        g.floats(`${name}.bias`, [layer.bias.length], layer.bias)], name, {
        kernel_shape: { ints: [layer.k, layer.k] },
        strides: { ints: [layer.stride, layer.stride] },
        pads: { ints: layer.pads },
      });
    }
    case 'maxpool':
      return g.op('MaxPool', [x], `maxpool${layer.index}`, {
        kernel_shape: { ints: [layer.size, layer.size] },
        strides: { ints: [layer.stride, layer.stride] },
      });
    case 'flatten': {
      // The engine flattens [C, H, W] in (h, w, c) order: channels last first.
      const hwc = g.op('Transpose', [x], 'channels_last', { perm: { ints: [0, 2, 3, 1] } });
      return g.op('Flatten', [hwc], 'flatten', { axis: { i: 1 } });
    }
    case 'dropout':
      // Dropout is the identity outside training.
      return g.op('Identity', [x], `dropout${layer.index}`);
    case 'rnn': {
      const { hidden: h, features: f, index } = layer;
      const name = `rnn${index}`;
      // ONNX RNN (layout 0) wants [T, N, F]; h_t = tanh(x_t·Wᵀ + h_{t−1}·Rᵀ + Wb + Rb).
      const seq = g.op('Transpose', [x], `${name}_time_major`, { perm: { ints: [1, 0, 2] } });
      const W = g.floats(`${name}.kernel_T`, [1, h, f], transpose(layer.wx, f, h));
      const R = g.floats(`${name}.recurrent_T`, [1, h, h], transpose(layer.wh, h, h));
      const B = new Float32Array(2 * h);
      B.set(layer.b); // Wb = b, Rb = 0
      const bias = g.floats(`${name}.bias`, [1, 2 * h], B);
      const last = g.fresh(`${name}_h_last`);
      g.nodes.push({ op: 'RNN', inputs: [seq, W, R, bias], outputs: ['', last], name: g.fresh(`${name}/RNN`), attrs: { hidden_size: { i: h } } });
      return g.op('Squeeze', [last, g.int64s(`${name}_direction_axis`, [0])], `${name}_h`); // [1, N, H] → [N, H]
    }
    default:
      throw new Error(`internal: no ONNX form for a ${layer.type} layer`);
  }
}

/** src/layers/activation.rs, operator for operator; GELU in the engine's tanh form, in its order of operations. */
function activation(g, x, a) {
  const scalar = (base, v) => g.floats(base, [], [v]);
  switch (a) {
    case 'relu': return g.op('Relu', [x], 'relu');
    case 'leaky-relu': return g.op('LeakyRelu', [x], 'leaky_relu', { alpha: { f: LEAK } });
    case 'elu': return g.op('Elu', [x], 'elu', { alpha: { f: 1 } });
    case 'tanh': return g.op('Tanh', [x], 'tanh');
    case 'sigmoid': return g.op('Sigmoid', [x], 'sigmoid');
    case 'linear': return x;
    case 'gelu': {
      // ½x(1 + tanh(√(2/π)(x + 0.044715x³))), with x³ as ((0.044715·x)·x)·x as the engine rounds it.
      const ax = g.op('Mul', [x, scalar('gelu_a', GELU_A)], 'gelu_ax');
      const ax3 = g.op('Mul', [g.op('Mul', [ax, x], 'gelu_ax2'), x], 'gelu_ax3');
      const u = g.op('Mul', [g.op('Add', [x, ax3], 'gelu_inner'), scalar('gelu_c', GELU_C)], 'gelu_u');
      const t1 = g.op('Add', [g.op('Tanh', [u], 'gelu_tanh'), scalar('one', 1)], 'gelu_1_plus_tanh');
      return g.op('Mul', [g.op('Mul', [x, scalar('half', 0.5)], 'gelu_half_x'), t1], 'gelu');
    }
    default: throw new Error(`activation '${a}' cannot be exported to ONNX`);
  }
}
