// The run bar (play / step / reset, learning rate, speed), the read-outs
// (epoch, step, steps per second, losses, accuracies) and the header's
// preset picker and large-text switch. It turns clicks and keys into
// intents (callbacks main.js gives it) and draws the state it is given; it
// never talks to the worker itself.

import { formatNumber } from '../format.js';
import { SPEEDS, PRESETS, taskOf } from '../state.js';
import { limits } from '../catalog.js';
import { setText, setAttr, setProp } from './dom.js';
import { text, said } from '../strings/index.js';

export function createControls(root, intents) {
  const $ = (id) => root.querySelector(`[data-testid="${id}"]`);
  const play = $('play');
  const step = $('step');
  const reset = $('reset');
  const lr = $('learning-rate');
  let shownLr = null; // the rate the field last showed from the settings
  const speed = $('speed');
  const speedOut = $('speed-value');
  const logScale = $('log-scale');
  const preset = $('preset');
  const large = $('large-text');
  const save = $('export-model');
  const onnx = $('export-onnx');
  const out = {
    epoch: $('epoch-count'),
    step: $('step-count'),
    rate: $('steps-per-second'),
    trainLoss: $('train-loss'),
    valLoss: $('val-loss'),
    trainAccuracy: $('train-accuracy'),
    valAccuracy: $('val-accuracy'),
  };
  const readout = root.querySelector('.readout');

  play.addEventListener('click', () => intents.togglePlay());
  step.addEventListener('click', () => intents.step());
  reset.addEventListener('click', () => intents.reset());
  save.addEventListener('click', () => intents.saveModel());
  onnx.addEventListener('click', () => intents.saveModel('onnx'));
  logScale.addEventListener('change', () => intents.change({ logScale: logScale.checked }));
  large.addEventListener('click', () => intents.change({ large: large.getAttribute('aria-pressed') !== 'true' }));

  preset.appendChild(said(new Option('', ''), 'text', 'preset.choose'));
  for (const name of Object.keys(PRESETS)) preset.appendChild(said(new Option('', name), 'text', `preset.${name}`));
  preset.addEventListener('change', () => {
    if (preset.value) intents.preset(preset.value);
    preset.value = '';
  });

  const list = root.querySelector('#learning-rates');
  for (const v of limits.learningRate.suggested) list.appendChild(new Option(String(v)));
  // The engine's range; main.js checks it (an open minimum cannot be an attribute).
  lr.min = String(limits.learningRate.min);
  lr.max = String(limits.learningRate.max);

  // A valid rate applies as it is typed. An invalid one ("0.", "") is only
  // reported once typing pauses or the field is committed, so no error
  // flashes while a learner types 0.05 through "0.".
  let pending = 0;
  const sendRate = (commit) => {
    clearTimeout(pending);
    const text = lr.value.trim();
    const value = Number(text);
    const send = () => intents.setLearningRate(text === '' ? null : value);
    if (text !== '' && Number.isFinite(value) && value > 0) send();
    else if (commit) send();
    else pending = setTimeout(send, 800);
  };
  lr.addEventListener('input', () => sendRate(false));
  lr.addEventListener('change', () => sendRate(true));

  speed.max = String(SPEEDS.length - 1);
  speed.addEventListener('input', () => intents.change({ speed: SPEEDS[Number(speed.value)] }));

  // Space = play/pause and → = one step, except while typing in a field
  // (where those keys edit the text or move the slider). Space on any other
  // focused button, link or summary presses that, as keyboard users expect
  // ("Next phase" must not start training); on the run bar's own buttons
  // it stays play/pause. (Space on a checkbox still ticks it.)
  const typing = (t) => t instanceof HTMLElement && (t.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(t.tagName));
  const runBar = play.closest('.buttons');
  const pressable = (t) => t instanceof HTMLElement && t.matches('button, a[href], summary, [role="button"]') && !runBar.contains(t);
  let spaceTaken = false;
  document.addEventListener('keydown', (e) => {
    if (e.altKey || e.ctrlKey || e.metaKey || typing(e.target)) return;
    if (e.key === ' ') {
      if (pressable(e.target)) return;
      e.preventDefault(); // no page scroll, and no second toggle from a focused button
      spaceTaken = true;
      if (!e.repeat) intents.togglePlay();
    } else if (e.key === 'ArrowRight') {
      e.preventDefault();
      intents.step();
    }
  });
  // A focused run-bar button would also "click" on the keyup of the Space just taken.
  document.addEventListener('keyup', (e) => {
    if (e.key !== ' ' || !spaceTaken) return;
    spaceTaken = false;
    if (e.target instanceof HTMLButtonElement) e.preventDefault();
  });

  return {
    draw(state) {
      const f = state.frame;
      const s = state.settings;
      const stuck = !state.ready || !!f?.diverged;
      setProp(play, 'disabled', stuck);
      setProp(step, 'disabled', stuck);
      setProp(reset, 'disabled', !state.ready);
      setProp(save, 'disabled', !state.ready);
      setProp(onnx, 'disabled', !state.ready);
      setText(play, text(state.playing ? 'page.pause' : 'page.play'));
      setAttr(play, 'aria-pressed', String(state.playing));
      if (play.classList.contains('playing') !== state.playing) play.classList.toggle('playing', state.playing);

      // A rate set elsewhere (a link, a lesson step, Back) replaces even a
      // refused entry the learner left in the focused field.
      if (Number(lr.value) !== s.learningRate && (s.learningRate !== shownLr || document.activeElement !== lr)) lr.value = String(s.learningRate);
      shownLr = s.learningRate;
      setAttr(lr, 'aria-invalid', String(state.commandError?.source === 'learningRate'));
      const idx = SPEEDS.indexOf(s.speed);
      if (idx >= 0 && Number(speed.value) !== idx) speed.value = String(idx);
      setText(speedOut, String(s.speed));
      setProp(logScale, 'checked', s.logScale);
      setAttr(large, 'aria-pressed', String(s.large));

      const regression = taskOf(s) !== 'classification';
      if (readout.classList.contains('regression') !== regression) readout.classList.toggle('regression', regression);
      setText(out.epoch, String(f ? f.epoch : 0));
      setText(out.step, String(f ? f.step : 0));
      setText(out.rate, f && state.playing ? String(Math.round(f.stepsPerSecond)) : '0');
      setText(out.trainLoss, f ? formatNumber(f.trainLoss) : '');
      if (out.trainLoss.classList.contains('bad') !== !!f?.diverged) out.trainLoss.classList.toggle('bad', !!f?.diverged);
      setText(out.valLoss, f?.valLoss != null ? formatNumber(f.valLoss) : '—');
      setText(out.trainAccuracy, f?.trainAccuracy != null ? percent(f.trainAccuracy) : '—');
      setText(out.valAccuracy, f?.valAccuracy != null ? percent(f.valAccuracy) : '—');
    },
  };
}

// 0.9533 → "95.3%": parseable as a number by the tests (the % follows it).
function percent(x) {
  return `${(x * 100).toFixed(1)}%`;
}
