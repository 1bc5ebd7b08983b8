// A minimal W3C WebDriver client, enough to open a page in Firefox ESR
// through geckodriver and read it: Playwright's Firefox is a patched build
// that cannot be installed here (it downloads from the web), while
// firefox-esr (Debian) and geckodriver (crates.io) can, and setup.sh
// installs both. Not a test file: offline.test.mjs uses it.
//
//   const ff = await firefox();           // geckodriver on a free port, a headless session
//   await ff.go('file:///…');  await ff.run('return document.title');  await ff.quit();

import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir } from 'node:os';
import { join } from 'node:path';

const FIREFOX = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';

function geckodriverPath() {
  if (process.env.GECKODRIVER && existsSync(process.env.GECKODRIVER)) return process.env.GECKODRIVER;
  const cargo = join(homedir(), '.cargo', 'bin', 'geckodriver');
  return existsSync(cargo) ? cargo : 'geckodriver';
}

function freePort() {
  return new Promise((res, rej) => {
    const s = createServer();
    s.on('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => res(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export async function firefox({ prefs = {} } = {}) {
  const port = await freePort();
  const log = [];
  const driver = spawn(geckodriverPath(), ['--port', String(port), '--host', '127.0.0.1'], { stdio: ['ignore', 'pipe', 'pipe'] });
  driver.stdout.on('data', (d) => log.push(String(d)));
  driver.stderr.on('data', (d) => log.push(String(d)));
  const base = `http://127.0.0.1:${port}`;
  let sessionId = null;
  let created = null;

  async function call(method, path, body) {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await res.json();
    if (!res.ok || json.value?.error) {
      throw new Error(`WebDriver ${method} ${path}: ${json.value?.error || res.status} ${json.value?.message || ''}`.trim());
    }
    return json.value;
  }

  const quit = async () => {
    try {
      if (sessionId) await Promise.race([call('DELETE', `/session/${sessionId}`), sleep(10_000)]);
    } catch {
      // the browser is gone already; the driver goes next
    }
    sessionId = null;
    if (driver.exitCode === null) driver.kill('SIGTERM');
  };

  try {
    const deadline = Date.now() + 15_000;
    for (;;) {
      try {
        await call('GET', '/status');
        break;
      } catch (e) {
        if (driver.exitCode !== null || Date.now() > deadline) throw new Error(`geckodriver did not start: ${e.message}\n${log.join('')}`);
        await sleep(100);
      }
    }
    created = await call('POST', '/session', {
      capabilities: {
        alwaysMatch: {
          browserName: 'firefox',
          'moz:firefoxOptions': { binary: FIREFOX, args: ['-headless'], prefs },
        },
      },
    });
    sessionId = created.sessionId;
  } catch (e) {
    await quit();
    throw e;
  }
  const s = `/session/${sessionId}`;
  return {
    version: `Firefox ${created.capabilities?.browserVersion}`,
    go: (url) => call('POST', `${s}/url`, { url }),
    // `script` is a function body; `args` its arguments (arguments[0], …).
    run: (script, ...args) => call('POST', `${s}/execute/sync`, { script, args }),
    runAsync: (script, ...args) => call('POST', `${s}/execute/async`, { script, args }),
    async click(selector) {
      const el = await call('POST', `${s}/element`, { using: 'css selector', value: selector });
      await call('POST', `${s}/element/${Object.values(el)[0]}/click`, {});
    },
    screenshot: async () => Buffer.from(await call('GET', `${s}/screenshot`), 'base64'),
    // Polls `script` (a function body) until it returns a truthy value.
    async until(script, timeout, what) {
      const deadline = Date.now() + timeout;
      let last;
      for (;;) {
        last = await call('POST', `${s}/execute/sync`, { script, args: [] });
        if (last) return last;
        if (Date.now() > deadline) throw new Error(`Firefox: ${what} not after ${timeout / 1000} s`);
        await sleep(200);
      }
    },
    log: () => log.join(''),
    quit,
  };
}
