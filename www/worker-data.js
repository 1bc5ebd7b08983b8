// The learner's own files, on the worker's side (worker.js calls these):
// read a CSV file in chunks, posting progress so the page can draw a bar
// and never waits on a read; preview it; keep its text for the sessions
// built from it; read saved models. The page never holds a loaded file's
// text, only this worker does, and nothing here sends anything anywhere
// but back to the page.

import * as wasm from '../pkg/descent.js';
import { limits, sourceEntry, settingOf } from './catalog.js';
import { errorOf } from './worker-util.js';

const { csvPreview } = wasm;
// The engine's row counts of a split (a newer engine export; absent, a batch is not cut).
const splitSizes = wasm.splitSizes;

// The engine's limits (its catalog's csv.maxBytes and modelFile.max),
// checked here before a byte is read.
export const MAX_CSV_BYTES = limits.csv.maxBytes;
const MAX_MODEL_BYTES = limits.modelFile.max;
const CHUNK = 1 << 20; // one read and one progress message per MB
const PREVIEW_ROWS = 8;
// The output scatter draws at most this many rows of each split.
const POINTS = 1500;

// CSV texts by the id the page gave them. Kept: the file the last session
// was built from (`adopted`) and files loaded since (still being tried).
const texts = new Map();
let adopted = 0;

const mb = (bytes) => (bytes / (1024 * 1024)).toFixed(1);

// The engine's own refusal of a file too large, made before a byte is
// read: the same code and params ({ size, limit } in MB) as the engine's.
function coded(code, size, limit, file, message) {
  return Object.assign(new Error(message), { code, params: { size: Number(mb(size)), limit: Number(mb(limit)) }, file });
}

// {type:'loadCsv', id, name, file | text | modelFile, quiet}: read, preview
// and keep the text; post {type:'csv', id, name, preview, quiet}, or
// {type:'error', source:'csv', message} with the engine's reason.
export async function loadCsv(msg, post) {
  const run = readAndPreview(msg, post);
  pending.add(run);
  try {
    return await run;
  } finally {
    pending.delete(run);
  }
}

// Resolves once every CSV being read is in (a reset sent right after a
// load, as after a worker restart, must not overtake it).
const pending = new Set();
export const loaded = () => Promise.all(pending);

async function readAndPreview(msg, post) {
  const { id, name } = msg;
  try {
    let text;
    if (msg.text != null) {
      text = String(msg.text);
    } else if (msg.modelFile) {
      text = csvOfModel(await readModelText(msg.modelFile));
    } else {
      const file = msg.file;
      if (file.size > MAX_CSV_BYTES) {
        throw coded('csv-size', file.size, MAX_CSV_BYTES, name, `${name} is ${mb(file.size)} MB; the limit is ${mb(MAX_CSV_BYTES)} MB. Use fewer rows or columns.`);
      }
      text = await readText(file, (loaded) => post({ type: 'csvProgress', id, loaded, total: file.size }));
    }
    post({ type: 'csvProgress', id, loaded: 1, total: 1, parsing: true });
    const preview = csvPreview(text, PREVIEW_ROWS);
    for (const old of texts.keys()) if (old !== adopted) texts.delete(old);
    texts.set(id, text);
    post({ type: 'csv', id, name, preview, quiet: !!msg.quiet });
  } catch (err) {
    if (err instanceof WebAssembly.RuntimeError) throw err;
    post({ type: 'error', source: 'csv', id, ...errorOf(err) });
  }
}

// UTF-8 in 1 MB slices: a 50 MB file never sits in memory twice as bytes,
// and the page hears how far the read has got.
async function readText(file, progress) {
  const decoder = new TextDecoder('utf-8');
  const parts = [];
  for (let at = 0; at < file.size; at += CHUNK) {
    const bytes = await file.slice(at, at + CHUNK).arrayBuffer();
    parts.push(decoder.decode(bytes, { stream: true }));
    progress(Math.min(file.size, at + CHUNK));
  }
  parts.push(decoder.decode());
  return parts.join('');
}

export async function readModelText(file) {
  if (file.size > MAX_MODEL_BYTES) {
    throw coded('model-file-size', file.size, MAX_MODEL_BYTES, file.name, `this model file is ${mb(file.size)} MB; the limit is ${mb(MAX_MODEL_BYTES)} MB`);
  }
  return file.text();
}

function csvOfModel(text) {
  const csv = JSON.parse(text)?.config?.data?.csv;
  if (typeof csv !== 'string') throw new Error('this model file holds no CSV data');
  return csv;
}

// The page's config names its CSV by id (`data.csvId`); the engine wants
// the text itself (`data.csv`).
export function engineConfig(config) {
  if (config.data?.source !== 'csv') return config;
  const { csvId, ...data } = config.data;
  const csv = texts.get(csvId);
  if (csv == null) throw new Error('The CSV file of these settings is no longer loaded: choose it again under "Your data".');
  return { ...config, data: { ...data, csv } };
}

// new Session(config) for the page's config. The batch the learner asked
// for is cut to the training split, which the engine counts (splitSizes,
// or the set's own fixed split). A CSV's training split is only known once
// parsed (rows with missing values may be dropped), so a batch larger than
// it is cut to the size the engine's refusal names.
export function newSession(Session, config) {
  const engine = fitBatch(engineConfig(config));
  try {
    return new Session(engine);
  } catch (err) {
    const fit = err?.code === 'batch-size' ? err.params.max : null;
    if (engine.data.source !== 'csv' || !(fit >= 1)) throw err;
    return new Session({ ...engine, train: { ...engine.train, batchSize: fit } });
  }
}

function fitBatch(config) {
  const src = sourceEntry(config.data?.source);
  const batch = config.train?.batchSize;
  if (!src || !(batch > 1)) return config;
  let train = null;
  if (src.fixedSplit) train = src.fixedSplit.train;
  else {
    const rows = src.rows ?? config.data.samples ?? settingOf(src, 'samples')?.default;
    if (rows != null && config.data.split && splitSizes) train = splitSizes(rows, config.data.split).train;
  }
  if (!(train >= 1) || batch <= train) return config;
  return { ...config, train: { ...config.train, batchSize: train } };
}

// A session now runs on this config: its CSV (if any) is the one to keep.
export function adoptConfig(config) {
  if (config.data?.source !== 'csv') return;
  adopted = config.data.csvId;
  for (const id of texts.keys()) if (id < adopted) texts.delete(id);
}

// A model file's session: its config in the page's terms (the CSV text
// kept here under `csvId`, not sent back) and the CSV's preview.
export function importedConfig(text, csvId) {
  const config = JSON.parse(text).config;
  if (config.data?.source !== 'csv') return { config, preview: null };
  const { csv, ...data } = config.data;
  const preview = csvPreview(csv, PREVIEW_ROWS);
  texts.set(csvId, csv);
  return { config: { ...config, data: { ...data, csvId } }, preview };
}

// The first rows of each split, for the output scatter of a CSV session.
export function pointRows(train, val) {
  const take = (s) => (s && s.rows ? s.x.slice(0, Math.min(POINTS, s.rows) * s.inputs) : null);
  return { train: take(train), val: take(val) };
}

export function predictPoints(session, points, step) {
  return {
    step,
    train: points.train ? copy(session.predict(points.train)) : null,
    val: points.val ? copy(session.predict(points.val)) : null,
  };
}

const copy = (a) => (a.buffer instanceof ArrayBuffer && a.byteOffset === 0 && a.buffer.byteLength === a.byteLength ? a : a.slice());
