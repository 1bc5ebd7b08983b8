// Shared steps for the playground's end-to-end tests (not a test file:
// run.mjs only runs *.test.mjs). Everything goes through data-testids and
// two attributes main.js sets on <body> once a session is drawn:
//   data-source   the data set of the session on screen
//   data-session  a counter that changes with every new session

import assert from 'node:assert/strict';

export const id = (name) => `[data-testid="${name}"]`;
const NUMBER = /[-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?/i;

export function parseNumber(text) {
  const m = String(text ?? '').replace(/\u2212/g, '-').match(NUMBER);
  return m ? Number(m[0]) : NaN;
}

export async function text(page, name) {
  return ((await page.locator(id(name)).textContent({ timeout: 5000 })) ?? '').trim();
}

export async function number(page, name) {
  return parseNumber(await text(page, name));
}

// Open the page (optionally with a hash) and wait for its first session.
export async function open(page, baseUrl, hash = '') {
  await page.goto(`${baseUrl}/index.html${hash}`, { waitUntil: 'load' });
  await waitForSession(page, { timeout: 15_000 });
}

// Wait until a session (newer than `after`, of data set `source` if given)
// is on screen with its first frame: controls enabled, numbers shown.
export async function waitForSession(page, { after = null, source = null, timeout = 8000 } = {}) {
  try {
    await page.waitForFunction(
      ({ after, source }) => {
        const b = document.body.dataset;
        if (!b.session || (after !== null && b.session === after) || (source && b.source !== source)) return false;
        const play = document.querySelector('[data-testid="play"]');
        const loss = document.querySelector('[data-testid="train-loss"]')?.textContent || '';
        const step = document.querySelector('[data-testid="step-count"]')?.textContent || '';
        return play && !play.disabled && /\d/.test(loss) && step.trim() === '0';
      },
      { after, source },
      { timeout, polling: 'raf' },
    );
  } catch (e) {
    const state = await page.evaluate(() => ({
      ...document.body.dataset,
      error: document.querySelector('[data-testid="error"]')?.textContent,
      notice: document.querySelector('[data-testid="notice"]')?.textContent?.trim(),
    }));
    throw new Error(`no new session${source ? ` of '${source}'` : ''} after ${timeout / 1000} s: ${JSON.stringify(state)}`, { cause: e });
  }
}

export const session = (page) => page.evaluate(() => document.body.dataset.session ?? null);

// Change a control as a user would, firing the events the page listens to.
export async function setControl(page, name, value, events = ['input', 'change']) {
  await page.locator(id(name)).evaluate(
    (el, { value, events }) => {
      el.value = String(value);
      for (const type of events) el.dispatchEvent(new Event(type, { bubbles: true }));
    },
    { value, events },
  );
}

// Change a setting that builds a new session, and wait for that session.
export async function changeAndWait(page, name, value, source = null) {
  const before = await session(page);
  await setControl(page, name, value);
  await waitForSession(page, { after: before, source });
}

// The speed slider's stops (state.js SPEEDS), slowest first.
export const SPEEDS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000];

export async function setSpeed(page, updatesPerFrame) {
  const index = SPEEDS.indexOf(updatesPerFrame);
  if (index < 0) throw new Error(`no speed ${updatesPerFrame}`);
  await setControl(page, 'speed', index, ['input']);
}

// Resolves when the hook's number compares to `value` as `op` says ('>=', '<' or '==').
export async function waitForNumber(page, name, op, value, timeout, what) {
  try {
    await page.waitForFunction(
      ({ sel, op, value }) => {
        const t = (document.querySelector(sel)?.textContent || '').replace(/\u2212/g, '-');
        const m = t.match(/[-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?/i);
        if (!m) return false;
        const n = Number(m[0]);
        return op === '>=' ? n >= value : op === '<' ? n < value : n === value;
      },
      { sel: id(name), op, value },
      { timeout, polling: 'raf' },
    );
  } catch (e) {
    throw new Error(`${what}: ${name} is "${await text(page, name)}" after ${timeout / 1000} s (wanted ${op} ${value})`, { cause: e });
  }
}

export async function assertNoError(page) {
  const err = await text(page, 'error');
  assert.equal(err, '', `the error region shows: "${err}"`);
}

// The x (CSS px, from the canvas's left) of each column of the network
// diagram, which network-view.js publishes on its canvas.
export async function networkColumns(page) {
  return page.locator(id('network-view')).evaluate((c) => (c.dataset.columns || '').split(',').map(Number));
}

// Move the pointer down a vertical line of the network diagram until the
// tooltip matches `pattern`; returns the tooltip text ('' if never).
export async function hoverNetwork(page, x, pattern) {
  const net = page.locator(id('network-view'));
  await net.scrollIntoViewIfNeeded();
  const box = await net.boundingBox();
  for (let y = 30; y < box.height; y += 3) {
    await page.mouse.move(box.x + x, box.y + y);
    const tip = await page.locator(id('network-tooltip')).evaluate((t) => (t.hidden ? '' : t.textContent));
    if (pattern.test(tip)) return tip;
  }
  return '';
}

// Step count stays the same for `ms`: training is not running.
export async function stepsFrozen(page, ms = 500) {
  const before = await number(page, 'step-count');
  await page.waitForTimeout(ms);
  return (await number(page, 'step-count')) === before;
}

// Every control's value, by data-testid: what a shared link must restore.
export function readControls(page) {
  return page.evaluate(() => {
    const out = {};
    for (const el of document.querySelectorAll('input[data-testid], select[data-testid]')) {
      out[el.dataset.testid] = el.type === 'checkbox' ? el.checked : el.value;
    }
    out.features = [...document.querySelectorAll('[data-testid="features"] input:checked')].map((b) => b.value).join(',');
    out['large-text'] = document.querySelector('[data-testid="large-text"]').getAttribute('aria-pressed');
    return out;
  });
}

// A stroke through points given as fractions of the pad, as a mouse draws it.
export async function drawStroke(page, points) {
  const pad = page.locator(id('draw-pad'));
  await pad.scrollIntoViewIfNeeded();
  const box = await pad.boundingBox();
  const at = ([fx, fy]) => [box.x + fx * box.width, box.y + fy * box.height];
  await page.mouse.move(...at(points[0]));
  await page.mouse.down();
  for (let i = 1; i < points.length; i++) await page.mouse.move(...at(points[i]), { steps: 6 });
  await page.mouse.up();
}
