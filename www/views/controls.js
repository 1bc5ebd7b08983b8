// The control bar and the step / loss read-outs. It turns clicks and keys
// into intents (callbacks main.js gives it) and draws the state it is given;
// it never talks to the worker itself.

import { formatNumber } from '../format.js';
import { SPEEDS } from '../state.js';

export function createControls(root, intents) {
  const $ = (id) => root.querySelector(`[data-testid="${id}"]`);
  const play = $('play');
  const step = $('step');
  const reset = $('reset');
  const lr = $('learning-rate');
  const speed = $('speed');
  const speedOut = $('speed-value');
  const logScale = $('log-scale');
  const stepCount = $('step-count');
  const trainLoss = $('train-loss');

  play.addEventListener('click', () => intents.togglePlay());
  step.addEventListener('click', () => intents.step());
  reset.addEventListener('click', () => intents.reset());
  logScale.addEventListener('change', () => intents.setLogScale(logScale.checked));

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
  speed.addEventListener('input', () => intents.setSpeed(SPEEDS[Number(speed.value)]));

  // Space = play/pause and → = one step, except while typing in a field
  // (where those keys edit the text or move the slider).
  const typing = (t) => t instanceof HTMLElement && (t.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(t.tagName));
  document.addEventListener('keydown', (e) => {
    if (e.altKey || e.ctrlKey || e.metaKey || typing(e.target)) return;
    if (e.key === ' ') {
      e.preventDefault(); // no page scroll, and no second toggle from a focused button
      if (!e.repeat) intents.togglePlay();
    } else if (e.key === 'ArrowRight') {
      e.preventDefault();
      intents.step();
    }
  });
  // A focused button would also "click" on Space's keyup.
  document.addEventListener('keyup', (e) => {
    if (e.key === ' ' && e.target instanceof HTMLButtonElement) e.preventDefault();
  });

  return {
    draw(state) {
      const f = state.frame;
      const stuck = !state.ready || !!f?.diverged;
      play.disabled = stuck;
      step.disabled = stuck;
      reset.disabled = !state.ready;
      play.textContent = state.playing ? 'Pause' : 'Play';
      play.setAttribute('aria-pressed', String(state.playing));
      play.classList.toggle('playing', state.playing);

      if (document.activeElement !== lr && Number(lr.value) !== state.config.train.learningRate) {
        lr.value = String(state.config.train.learningRate);
      }
      lr.setAttribute('aria-invalid', String(state.commandError?.source === 'learningRate'));
      const idx = SPEEDS.indexOf(state.speed);
      if (idx >= 0 && Number(speed.value) !== idx) speed.value = String(idx);
      speedOut.textContent = String(state.speed);
      logScale.checked = state.logScale;

      stepCount.textContent = String(f ? f.step : 0);
      trainLoss.textContent = f ? formatNumber(f.trainLoss) : '';
      trainLoss.classList.toggle('bad', !!f?.diverged);
    },
  };
}
