// The ONNX file format, written by hand: protobuf's wire format and the few
// onnx.proto messages an inference graph needs. No dependency, so the page
// can load it lazily and the wasm does not grow.
//
// Wire format: every field is a key varint (field << 3 | wire type), then a
// varint (type 0) or a length-prefixed byte string (type 2: strings, bytes,
// nested messages, packed repeated numbers). Field numbers are onnx.proto's.

const VARINT = 0;
const BYTES = 2;
const utf8 = new TextEncoder();

/** A protobuf message being written: fields in order, as byte chunks. */
export class Message {
  constructor() {
    this.chunks = [];
    this.length = 0;
  }

  push(bytes) {
    this.chunks.push(bytes);
    this.length += bytes.length;
  }

  /** An int64/int32/enum/bool field. Negative values take ten bytes (two's complement), as protobuf says. */
  int(field, value) {
    this.push(varint((field << 3) | VARINT));
    this.push(varint(value));
    return this;
  }

  bytes(field, bytes) {
    this.push(varint((field << 3) | BYTES));
    this.push(varint(bytes.length));
    this.push(bytes);
    return this;
  }

  string(field, text) {
    return this.bytes(field, utf8.encode(text));
  }

  message(field, msg) {
    return this.bytes(field, msg.finish());
  }

  /** A packed repeated int64 field. */
  ints(field, values) {
    const body = new Message();
    for (const v of values) body.push(varint(v));
    return this.bytes(field, body.finish());
  }

  finish() {
    const out = new Uint8Array(this.length);
    let at = 0;
    for (const c of this.chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  }
}

/** Base-128 varint of an integer (number or BigInt), 64-bit two's complement for negatives. */
export function varint(value) {
  let v = BigInt.asUintN(64, BigInt(value));
  const out = [];
  do {
    let byte = Number(v & 0x7fn);
    v >>= 7n;
    if (v !== 0n) byte |= 0x80;
    out.push(byte);
  } while (v !== 0n);
  return Uint8Array.from(out);
}

// TensorProto.DataType
export const FLOAT = 1;
export const INT64 = 7;

/**
 * TensorProto: dims 1, data_type 2, name 8, raw_data 9. raw_data is
 * little-endian whatever the machine (ONNX requires it), so it is written
 * through a DataView rather than as a typed array's own bytes.
 */
export function tensor(name, dims, type, values) {
  const n = dims.reduce((a, b) => a * b, 1);
  if (values.length !== n) {
    throw new Error(`tensor ${name}: ${values.length} values for shape [${dims}]`);
  }
  const raw = new Uint8Array(n * (type === FLOAT ? 4 : 8));
  const view = new DataView(raw.buffer);
  values.forEach((v, i) => {
    if (type === FLOAT) view.setFloat32(i * 4, v, true);
    else view.setBigInt64(i * 8, BigInt(v), true);
  });
  const t = new Message();
  if (dims.length) t.ints(1, dims);
  return t.int(2, type).string(8, name).bytes(9, raw);
}

// AttributeProto.AttributeType
const ATTR = { f: 1, i: 2, s: 3, floats: 6, ints: 7 };

/**
 * AttributeProto from `{ i: 3 }`, `{ f: 0.01 }`, `{ s: 'text' }` or
 * `{ ints: [..] }`: name 1, f 2, i 3, s 4, ints 8, type 20. JavaScript has
 * one number type, so the caller says which ONNX type is meant.
 */
export function attribute(name, value) {
  const a = new Message().string(1, name);
  const [kind] = Object.keys(value);
  const v = value[kind];
  if (kind === 'f') {
    const b = new Uint8Array(4);
    new DataView(b.buffer).setFloat32(0, v, true);
    a.push(varint((2 << 3) | 5)); // wire type 5: fixed 32-bit
    a.push(b);
  } else if (kind === 'i') a.int(3, v);
  else if (kind === 's') a.string(4, v);
  else if (kind === 'ints') a.ints(8, v);
  else throw new Error(`attribute ${name}: unknown kind ${kind}`);
  return a.int(20, ATTR[kind]);
}

/** NodeProto: input 1, output 2, name 3, op_type 4, attribute 5. */
export function node({ op, inputs, outputs, name, attrs = {} }) {
  const n = new Message();
  for (const i of inputs) n.string(1, i);
  for (const o of outputs) n.string(2, o);
  n.string(3, name).string(4, op);
  for (const [k, v] of Object.entries(attrs)) n.message(5, attribute(k, v));
  return n;
}

/**
 * ValueInfoProto (name 1, type 2) of a float tensor. TypeProto.tensor_type 1
 * → elem_type 1, shape 2 → dim 1 → dim_value 1 (a number) or dim_param 2 (a
 * name, for the batch size N).
 */
export function valueInfo(name, dims, doc = '') {
  const shape = new Message();
  for (const d of dims) {
    const dim = new Message();
    if (typeof d === 'string') dim.string(2, d);
    else dim.int(1, d);
    shape.message(1, dim);
  }
  const tensorType = new Message().int(1, FLOAT).message(2, shape);
  const v = new Message().string(1, name).message(2, new Message().message(1, tensorType));
  if (doc) v.string(3, doc);
  return v;
}

/** GraphProto: node 1, name 2, initializer 5, doc_string 10, input 11, output 12. */
export function graph({ name, nodes, initializers, inputs, outputs, doc }) {
  const g = new Message();
  for (const n of nodes) g.message(1, n);
  g.string(2, name);
  for (const t of initializers) g.message(5, t);
  if (doc) g.string(10, doc);
  for (const i of inputs) g.message(11, i);
  for (const o of outputs) g.message(12, o);
  return g;
}

/**
 * ModelProto: ir_version 1, producer_name 2, producer_version 3,
 * doc_string 6, graph 7, opset_import 8 (OperatorSetIdProto: domain 1,
 * version 2; the default domain is the empty string), metadata_props 14
 * (StringStringEntryProto: key 1, value 2).
 */
export function model({ irVersion, opset, producer, producerVersion, doc, graph: g, metadata }) {
  const m = new Message().int(1, irVersion).string(2, producer).string(3, producerVersion);
  if (doc) m.string(6, doc);
  m.message(7, g);
  m.message(8, new Message().string(1, '').int(2, opset));
  for (const [key, value] of Object.entries(metadata)) {
    m.message(14, new Message().string(1, key).string(2, value));
  }
  return m.finish();
}
