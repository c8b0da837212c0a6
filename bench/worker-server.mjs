// The language server of the web extension (dist/web/server.js) in a real web worker of
// headless Chromium, as vscode.dev and github.dev run it, for the benchmark's LSP client:
// JSON-RPC messages go to the worker by postMessage and come back through an exposed function.
// The bridge's own cost (one page evaluation a message) is measured by `bridgeRoundTripMs`.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const require = createRequire(import.meta.url);
const rpc = require('vscode-jsonrpc/node');

export const CHROMIUM = process.env.PILOT_PLAN_CHROMIUM || '/usr/bin/chromium';
const ORIGIN = 'http://pilot-plan.bench';

/** Why the worker server cannot be measured here, or undefined when it can. */
export function workerUnavailable(root) {
  if (!existsSync(CHROMIUM)) return `${CHROMIUM} is missing (Debian package chromium)`;
  if (!existsSync(join(root, 'dist', 'web', 'server.js'))) return 'dist/web/server.js is missing (node build.mjs)';
  return undefined;
}

/** Chromium with a page that runs dist/web/server.js in a Worker; a reader and writer for vscode-jsonrpc. */
export async function startWorkerServer(root) {
  const { chromium } = require('playwright-core');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  const page = await browser.newPage();
  const bundle = readFileSync(join(root, 'dist', 'web', 'server.js'));
  // Nothing leaves the machine: the page and the bundle are answered here, every other request refused.
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url === `${ORIGIN}/`) return route.fulfill({ contentType: 'text/html', body: '<!DOCTYPE html><title>worker server</title>' });
    if (url === `${ORIGIN}/server.js`) return route.fulfill({ contentType: 'text/javascript', body: bundle });
    return route.abort();
  });
  let deliver = () => {};
  let died;
  const exited = new Promise((resolve) => (died = resolve));
  await page.exposeFunction('pilotPlanToNode', (message) => deliver(message));
  page.on('pageerror', (e) => died({ error: String(e) }));
  page.on('close', () => died({ closed: true }));
  await page.goto(`${ORIGIN}/`);
  await page.evaluate(() => {
    const w = new Worker('/server.js');
    w.onmessage = (e) => window.pilotPlanToNode(e.data);
    w.onerror = (e) => window.pilotPlanToNode({ jsonrpc: '2.0', method: 'bench/workerError', params: { message: e.message } });
    window.pilotPlanWorker = w;
  });

  class Reader extends rpc.AbstractMessageReader {
    listen(callback) {
      deliver = (m) => callback(m);
      return { dispose: () => (deliver = () => {}) };
    }
  }
  // Messages written together go in one evaluation (opening 1,000 files is 1,000 messages), one
  // evaluation at a time, so that they reach the worker in the order they were written.
  let queue = Promise.resolve();
  let pending = [];
  class Writer extends rpc.AbstractMessageWriter {
    write(message) {
      pending.push(message);
      if (pending.length === 1) {
        queue = queue
          .then(() => {
            const batch = pending;
            pending = [];
            return page.evaluate((ms) => ms.forEach((m) => window.pilotPlanWorker.postMessage(m)), batch);
          })
          .catch((e) => this.fireError(e, message, 1));
      }
      return queue;
    }
    end() {}
  }
  return {
    reader: new Reader(),
    writer: new Writer(),
    exited,
    async kill() {
      await browser.close().catch(() => {});
      died({ killed: true });
    },
    /** The page's JavaScript heap in use (the worker's is not exposed to the page), in MB. */
    async memory() {
      return undefined;
    },
    /** A message to the page and back, without the worker: what the bridge adds to each timing. */
    async bridgeRoundTripMs(n = 50) {
      const t = [];
      for (let i = 0; i < n; i++) {
        const t0 = performance.now();
        await page.evaluate(() => 0);
        t.push(performance.now() - t0);
      }
      t.sort((a, b) => a - b);
      return t[Math.floor(t.length / 2)];
    },
  };
}
