// The data-set picker's pictures, made in the worker with the engine the
// sessions use (`engine`, worker.js says why there can be two).

import { digitsFor } from './worker-digits.js';
import { planeGrid } from './worker-grids.js';
import { BUILT_IN, catalog, ids, modelFits } from './catalog.js';

// A small picture of every data set for the picker: a few hundred points
// of the 2-D and 1-D sets, four images of an image set; and every feature
// over the plane of the 2-D sets (the engine's featureValues), for the
// feature pictures. Built once, after the first session (which is when the
// digits are fetched, if the first session did not).
export async function thumbnails(engine) {
  for (const src of BUILT_IN) if (src.load) await digitsFor({ data: { source: src.id } }, engine)?.catch(() => {});
  const items = [];
  for (const src of BUILT_IN) {
    try {
      const has = (name) => src.settings.some((e) => e.name === name);
      const data = { source: src.id };
      if (has('samples')) data.samples = 200;
      if (has('noise')) data.noise = 0.1;
      if (has('classes')) data.classes = 4;
      if (src.splitApplies && !src.fixedSplit) data.split = { train: 1, val: 0, test: 0 };
      // The simplest model that fits: the picture is of the data.
      const model = catalog.models.find((m) => modelFits(m, src, src.task));
      const s = new engine.Session({ seed: 1, data, model: { kind: model.id }, train: { batchSize: 1 } });
      const t = s.split('train');
      const i = s.info();
      const rows = i.inputShape ? 4 : t.rows;
      items.push({ source: src.id, x: t.x.slice(0, rows * t.inputs), y: t.y.slice(0, rows), rows, inputs: t.inputs, task: i.task, classes: i.classes.length, domain: i.domain ?? null, shape: i.inputShape ?? null, sequence: !!src.sequence });
      s.free();
    } catch {
      // A missing thumbnail is only a missing picture; the select still works.
    }
  }
  return { items, featureValues: features(engine) };
}

// Every catalog feature over an n × n grid of the 2-D sets' square, row 0
// at the top, as the engine computes them (featureValues).
function features(engine) {
  const d = BUILT_IN.find((s) => s.featuresApply && s.domain)?.domain;
  if (!d || !engine.featureValues) return null;
  const n = 28;
  const values = engine.featureValues(planeGrid(n, d));
  return { n, values, names: ids(catalog.features) };
}
