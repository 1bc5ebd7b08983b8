// The whole page state in one object, so every view draws from the same
// snapshot and a later issue can round-trip it through location.hash.
// Views never change it; main.js does, from user input and worker messages.

import * as lesson from './lesson.js';
import { formatNumber } from './format.js';

// Updates per frame the speed control offers; 5 lets a learner watch the
// loss fall over several seconds.
export const SPEEDS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000];

export function initialState() {
  return {
    config: structuredClone(lesson.config),
    ready: false, // the worker has a session
    playing: false,
    speed: 5,
    logScale: true, // the loss spans many powers of ten; linear hides all but the first steps
    info: null,
    dataset: null, // { featureNames, train: {x, y, rows, inputs}, test }
    reference: null, // least squares: { weights, bias, trainMse, testMse, predictions }
    frame: null, // the latest frame from the worker
    // A failed command, by source ('reset', 'learningRate', ...); shown until that command succeeds.
    commandError: null,
  };
}

// A tiny store: set() merges a patch and tells subscribers once per animation
// frame, however many messages arrived in between.
export function createStore(state) {
  const listeners = new Set();
  let scheduled = false;
  const notify = () => {
    scheduled = false;
    for (const fn of listeners) fn(state);
  };
  return {
    get: () => state,
    set(patch) {
      Object.assign(state, patch);
      if (!scheduled) {
        scheduled = true;
        requestAnimationFrame(notify);
      }
    },
    subscribe(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
  };
}

// The message the error region shows, or '' when all is well.
export function errorText(state) {
  if (state.commandError) return state.commandError.message;
  const f = state.frame;
  if (f && f.diverged) {
    const grew = Number.isFinite(f.trainLoss)
      ? `grew to ${formatNumber(f.trainLoss)} instead of shrinking (left running, it overflows to NaN, as in TensorFlow.js)`
      : 'grew until it was no longer a number (NaN)';
    return (
      `Training diverged at step ${f.step}: with learning rate ${f.learningRate} every update overshoots the ` +
      `minimum by more than the one before, so the loss ${grew}. Training is paused. ` +
      `Try a smaller learning rate, e.g. 0.01, then press Reset.`
    );
  }
  return '';
}
