// "Your data", the page's side: a CSV file chosen, dropped or pasted
// becomes the data set, and a saved model file becomes the session. The
// worker reads and parses (worker-data.js), so a 50 MB file never blocks
// the page, and a file's text never enters this thread (only the File
// handle, or pasted text, kept to read it again if the worker restarts).
//
// A new file, or a new target / task / missing-value choice, is tried
// first: the settings switch to it only once the engine has built a
// session from it. If the engine refuses, its message shows in the error
// region and the page keeps its previous data, settings and session; the
// preview stays, so the learner can pick another target or task.

import { fixSettings } from './state.js';
import { settingsFromConfig } from './settings-from-config.js';
import { defaultAxes } from './views/csv-scatter.js';
import { text } from './strings/index.js';
import { phrase } from './strings/phrase.js';

export function createYourData({ store, send, requestReset, nextGen, currentGen, writeHash, change }) {
  let nextId = 1;
  // What each CSV id was read from, to read it again in a new worker.
  const sources = new Map();
  let trial = null; // { gen, settings }: a CSV choice the worker is building
  let importing = null; // { gen, csvId, name }

  store.set({
    csvLoading: null, // { id, name, loaded, total, parsing }: a file being read
    csvFile: null, // { id, name, preview }: the file the panel shows
    csvChoice: null, // { target, task, missing } for that file
    csvStatus: '', // 'trying' | 'refused' | 'done'
    csvLast: null, // settings.csv of the last session built from a file
    csvAxes: null, // { key, x, y }: the output scatter's columns
    points: null, // predictions for the scatter's rows (worker frames)
  });

  // Keep the sources of the file in use and of the newest one only.
  function prune() {
    const keep = new Set([store.get().csvLast?.id, store.get().csvFile?.id, store.get().csvLoading?.id, importing?.csvId]);
    for (const id of sources.keys()) if (!keep.has(id)) sources.delete(id);
  }

  function clearFileErrors() {
    const e = store.get().commandError;
    if (e && ['csv', 'importModel', 'reset'].includes(e.source)) store.set({ commandError: null });
  }

  function load(source, name) {
    const id = nextId++;
    sources.set(id, source);
    clearFileErrors();
    store.set({ csvLoading: { id, name, loaded: 0, total: source.file ? source.file.size : 0, parsing: false } });
    send({ type: 'loadCsv', id, name, ...source });
  }

  // Build a session from this file and choice; adopt it once it works.
  function tryChoice(file, choice, resume) {
    const s = store.get();
    const rows = s.csvLast?.id === file.id ? s.csvLast.rows : file.preview.totalRows;
    const csv = { id: file.id, name: file.name, rows, ...choice };
    const { settings } = fixSettings({ ...s.settings, source: 'csv', csv });
    store.set({ csvChoice: choice, csvStatus: 'trying' });
    trial = { settings, gen: requestReset({ resume, settings }) };
  }

  // The rows the engine kept and the task it settled on, for batch sizes and the model's kind.
  function settled(settings, info) {
    const csv = { ...settings.csv, rows: info.trainSize + info.valSize + info.testSize, task: info.task };
    return fixSettings({ ...settings, csv }).settings;
  }

  function adopt(msg) {
    const s = store.get();
    if (trial && msg.gen === trial.gen) {
      const current = msg.gen === currentGen(); // not overtaken by another change
      const settings = settled(trial.settings, msg.info);
      trial = null;
      if (current) {
        store.set({ settings, csvStatus: 'done', csvLast: settings.csv, csvChoice: { ...s.csvChoice, task: settings.csv.task } });
        writeHash(settings);
      } else {
        store.set({ csvStatus: 'done' });
      }
    } else if (msg.imported && importing && msg.gen === importing.gen) {
      const p = msg.imported.preview;
      const d = msg.config.data;
      const csv = p ? { id: d.csvId, name: msg.imported.name, rows: 0, target: d.target, task: msg.info.task, missing: d.missing || 'drop' } : null;
      const { settings: imported, problems } = settingsFromConfig(msg.config, s.settings, csv);
      const settings = csv ? settled(imported, msg.info) : imported;
      const patch = { settings };
      if (csv) {
        Object.assign(patch, {
          csvFile: { id: csv.id, name: csv.name, preview: p },
          csvChoice: { target: csv.target, task: settings.csv.task, missing: csv.missing },
          csvStatus: 'done',
          csvLast: settings.csv,
        });
      }
      if (problems.length) {
        patch.notice = phrase('import.notice', { name: msg.imported.name, problems });
      }
      importing = null;
      store.set(patch);
      writeHash(settings);
      send({ type: 'setSpeed', value: settings.speed });
    }
    // The scatter's columns: kept while the inputs stay the same.
    if (msg.info.csvReport) {
      const fresh = defaultAxes(msg.info.inputNames);
      if (store.get().csvAxes?.key !== fresh.key) store.set({ csvAxes: fresh });
    }
    prune();
  }

  // A saved model: the worker builds its session; adopt() takes its setup.
  function importModel(file) {
    const csvId = nextId++;
    sources.set(csvId, { modelFile: file });
    clearFileErrors();
    const { gen, seq } = nextGen();
    importing = { gen, csvId, name: file.name };
    store.set({ playing: false });
    send({ type: 'importModel', file, gen, seq, csvId });
  }

  return {
    intents: {
      loadCsvFile(file) {
        load({ file }, file.name);
      },
      loadCsvText(pasted) {
        if (!pasted.trim()) {
          store.set({ commandError: { source: 'csv', message: phrase('csv.pasteFirst') } });
          return;
        }
        load({ text: pasted }, text('csv.pasted'));
      },
      dropFile(file) {
        if (/\.json$/i.test(file.name)) importModel(file);
        else load({ file }, file.name);
      },
      chooseCsv(patch) {
        const s = store.get();
        if (!s.csvFile) return;
        const choice = { ...s.csvChoice, ...patch };
        // The task the engine guesses for that column (its preview says, per column).
        if (patch.target) choice.task = s.csvFile.preview.columns.find((c) => c.name === patch.target)?.task || 'classification';
        tryChoice(s.csvFile, choice, s.playing && s.settings.source === 'csv');
      },
      // The data set list's "Your data" entry: the last file that trained.
      useCsv() {
        const s = store.get();
        if (s.csvLast) change({ source: 'csv', csv: s.csvLast });
      },
      setAxes(axes) {
        store.set({ csvAxes: { ...store.get().csvAxes, ...axes } });
      },
      importModel,
    },

    // Worker messages; true when handled here and nowhere else.
    onMessage(msg) {
      const s = store.get();
      switch (msg.type) {
        case 'csvProgress':
          if (s.csvLoading?.id === msg.id) store.set({ csvLoading: { ...s.csvLoading, loaded: msg.loaded, total: msg.total, parsing: !!msg.parsing } });
          return true;
        case 'csv': {
          if (msg.quiet) return true; // read again after a restart: nothing new to show
          if (s.csvLoading?.id === msg.id) store.set({ csvLoading: null });
          const file = { id: msg.id, name: msg.name, preview: msg.preview };
          const p = msg.preview;
          store.set({ csvFile: file });
          tryChoice(file, { target: p.suggestedTarget, task: p.suggestedTask, missing: 'drop' }, false);
          prune();
          return true;
        }
        case 'ready':
          adopt(msg);
          return false;
        case 'error':
          if (msg.source === 'csv' && s.csvLoading?.id === msg.id) store.set({ csvLoading: null });
          if (msg.source === 'reset' && trial && msg.gen === trial.gen) {
            const inUse = s.settings.source === 'csv' ? s.settings.csv : null;
            const sameFile = inUse && inUse.id === trial.settings.csv.id;
            trial = null;
            // A refused choice for the file in use: the selects go back to what runs.
            if (sameFile) store.set({ csvStatus: 'done', csvChoice: { target: inUse.target, task: inUse.task, missing: inUse.missing } });
            else store.set({ csvStatus: 'refused' });
          }
          if (msg.source === 'importModel' && importing && msg.gen === importing.gen) importing = null;
          if (msg.source === 'csv' || msg.source === 'importModel') prune();
          return false; // main.js shows the message
        default:
          return false;
      }
    },

    // A new worker knows no files: read the one in use again (before the
    // reset that follows, which the worker holds back until it is in).
    reload() {
      trial = null;
      importing = null;
      const s = store.get();
      store.set({ csvLoading: null, csvStatus: s.csvStatus === 'trying' ? 'refused' : s.csvStatus });
      const csv = s.settings.source === 'csv' ? s.settings.csv : s.csvLast;
      const source = csv && sources.get(csv.id);
      if (source) send({ type: 'loadCsv', id: csv.id, name: csv.name, quiet: true, ...source });
    },
  };
}
