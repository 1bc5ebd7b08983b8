// Race lanes (issue 13): the setup controls, one Play / Step / Reset for
// every lane, their loss curves overlaid in one chart with a legend, and a
// row of readouts per lane (race-lane-N-loss, -steps, -status, N from 1).
// Draws what the worker's raceFrame says.

import { createLineChart } from './loss-chart.js';
import { createLandscapeView, laneColor } from './landscape-view.js';
import { formatNumber } from '../format.js';
import { setText, setProp, setAttr } from './dom.js';
import { text, label, hasLabel } from '../strings/index.js';
import { errorVars } from '../error-text.js';

export function createRaceView(root, intents, { settings: raceSettings }) {
  const $ = (id) => root.querySelector(`[data-testid="${id}"]`);
  const setting = $('race-setting');
  const values = $('race-values');
  const start = $('race-start');
  const play = $('race-play');
  const step = $('race-step');
  const reset = $('race-reset');
  const end = $('race-end');
  const empty = $('race-empty');
  const legend = $('race-legend');
  const lanes = $('race-lanes');
  const chartCanvas = $('race-chart');
  const chart = createLineChart(chartCanvas);
  const landCanvas = $('race-landscape');
  const landCaption = $('race-landscape-caption');
  const land = createLandscapeView(landCanvas);
  let laneKey = '';
  let drawnSurface = null;

  for (const name of raceSettings) {
    const o = document.createElement('option');
    o.value = name;
    o.dataset.text = `race.setting.${name}`; // renamed by fillTexts on a language switch
    o.textContent = text(o.dataset.text);
    setting.append(o);
  }
  const go = () => intents.raceStart(setting.value, values.value);
  start.addEventListener('click', go);
  values.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') go();
  });
  play.addEventListener('click', () => intents.raceCommand(play.dataset.playing === 'true' ? 'pause' : 'play'));
  step.addEventListener('click', () => intents.raceCommand('step'));
  reset.addEventListener('click', () => intents.raceCommand('reset'));
  end.addEventListener('click', () => intents.raceEnd());

  // props: { race: settings.race ({ setting, values }) | null, frame: the
  // worker's raceFrame | null, surface: the latest shared landscape,
  // valuesText: the values as the link writes them, axisNames: [x, y] }
  function draw(props) {
    const { race, frame } = props;
    const on = !!race && !!frame && !frame.ended;
    if (race && document.activeElement !== values && document.activeElement !== setting) {
      setProp(setting, 'value', race.setting);
      setProp(values, 'value', props.valuesText);
    }
    setProp(play, 'disabled', !on);
    setProp(step, 'disabled', !on);
    setProp(reset, 'disabled', !on);
    setProp(end, 'disabled', !race);
    const playing = on && !!frame.playing;
    setAttr(play, 'data-playing', String(playing));
    setText(play, text(playing ? 'race.pause' : 'race.play'));
    empty.hidden = on;
    chartCanvas.hidden = !on;
    legend.hidden = !on;
    lanes.hidden = !on;
    landCanvas.hidden = !on || !props.surface;
    landCaption.hidden = landCanvas.hidden;
    root.dataset.lanes = on ? String(frame.lanes.length) : '0';
    if (!on) return;
    const key = `${frame.setting}|${frame.lanes.map((l) => l.value).join('|')}`;
    if (key !== laneKey) {
      laneKey = key;
      buildLanes(frame);
    }
    frame.lanes.forEach((l, i) => {
      const n = i + 1;
      const cell = (what) => lanes.querySelector(`[data-testid="race-lane-${n}-${what}"]`);
      setText(cell('loss'), l.loss == null ? '—' : formatNumber(l.loss));
      setText(cell('steps'), String(l.step));
      // The engine's word for a lane that stopped (diverged: why, stopped early); else the race's state.
      const running = l.status === 'training' || l.status === 'paused';
      const stopped = l.status === 'diverged' && l.divergence ? text('race.status.diverged', errorVars(l.divergence)) : l.status;
      setText(cell('status'), !running ? stopped : playing && l.status === 'training' ? text('race.status.training') : text('race.status.paused'));
    });
    chart.draw({
      steps: longest(frame.series),
      lines: frame.series.map((s, i) => ({ values: s.loss, steps: s.step, color: laneColor(i), width: 2.5 })),
      logScale: true,
      yLabel: text('race.loss'),
    });
    // The landscape only when a new one came (a few times a second at most).
    if (props.surface && props.surface !== drawnSurface) {
      drawnSurface = props.surface;
      const [x, y] = props.axisNames;
      // Lane 1 last, on top: from a shared start the lanes' first steps overlap.
      const paths = props.surface.paths.map((path, i) => ({ path, color: laneColor(i) })).reverse();
      land.draw({ surface: props.surface, paths, xLabel: x, yLabel: y });
      setText(landCaption, text('race.landscape', { x, y, n: props.surface.base + 1 }));
    }
  }

  function buildLanes(frame) {
    legend.textContent = '';
    lanes.textContent = '';
    const head = lanes.createTHead().insertRow();
    for (const k of ['race.laneHeader', 'race.loss', 'race.steps', 'race.status']) {
      const th = document.createElement('th');
      th.scope = 'col';
      th.textContent = text(k);
      head.append(th);
    }
    const body = lanes.createTBody();
    frame.lanes.forEach((l, i) => {
      const n = i + 1;
      // A named value (an optimizer, a normalization) in the page's words, as its
      // select says it; a number or a layer list as it is.
      const named = hasLabel(frame.setting, l.value);
      const name = text('race.lane', { n, setting: text(`race.setting.${frame.setting}`), value: label(frame.setting, l.value) });
      const item = document.createElement('span');
      item.className = named ? 'item wrap' : 'item'; // a worded value can be long: it wraps in a narrow panel
      const key = document.createElement('span');
      key.className = 'key';
      key.style.borderTopColor = laneColor(i);
      item.append(key, name);
      legend.append(item);
      const tr = body.insertRow();
      const th = document.createElement('th');
      th.scope = 'row';
      // The short name keeps the value as typed in the race's values field
      // (an id such as `none`: English words, marked so for a screen reader
      // in another language); its title, the lane's worded name.
      const [before, after] = text('race.laneShort', { n, value: '\u0001' }).split('\u0001');
      const value = document.createElement('span');
      value.textContent = String(l.value);
      if (named) value.lang = 'en';
      th.append(before, value, after ?? '');
      th.title = name;
      th.style.borderLeft = `6px solid ${laneColor(i)}`;
      tr.append(th);
      for (const what of ['loss', 'steps', 'status']) {
        const td = tr.insertCell();
        td.className = what === 'status' ? 'status' : 'num';
        td.dataset.testid = `race-lane-${n}-${what}`;
      }
    });
  }

  // After a language switch: the lanes' names and the landscape's caption again.
  function relabel() {
    laneKey = '';
    drawnSurface = null;
  }

  return { draw, relabel };
}

// The step axis: the lane that has gone furthest (a diverged lane stops early).
function longest(series) {
  let best = series[0]?.step;
  for (const s of series) if (s.step.length > (best?.length ?? 0)) best = s.step;
  return best;
}
