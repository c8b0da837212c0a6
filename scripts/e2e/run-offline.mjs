#!/usr/bin/env node
// Runs the e2e suite (out/test/e2e/suite/index.js) in a real VS Code without
// downloading one: code-server (VS Code 1.100.3 inside, from the npm registry)
// opened by Debian's Chromium through playwright-core. See scripts/e2e/README.md
// ("How the offline runner works") and scripts/e2e/run.mjs.
//
//   node scripts/e2e/run-offline.mjs            install if needed, run, report
//   node scripts/e2e/run-offline.mjs --install  install only
//   node scripts/e2e/run-offline.mjs --docs-images  also copy the screenshots in DOCS_IMAGES to docs/images/
//   node scripts/e2e/run-offline.mjs --host web [--fs memfs]  in the web worker extension host
//     (out/test/e2e-web/suite/index.js), the workspace on disk or in memory (web-host.mjs)
//
// Environment: PILOT_PLAN_E2E_TIMEOUT_MS (whole run, default 600000),
// PILOT_PLAN_E2E_GREP (mocha grep), PILOT_PLAN_E2E_KEEP=1 (keep the temp dir),
// PILOT_PLAN_E2E_PLANT=1 (one assertion of the suite fails: a test of this runner uses it),
// PILOT_PLAN_E2E_ARTIFACTS (where the run's folder of logs goes, default test-artifacts/).
//
// Exit status: 0 when the suite passed with at least one test and no failure;
// 1 when a test failed, none ran, or the run timed out; 2 when it could not start.
import { chromium } from 'playwright-core';
import { appendFileSync, copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { prepareWorkspace } from './workspace.mjs';
import { ensureCodeServer, ensureSystemPackages, freePort, startCodeServer, vscodeVersion } from './code-server.mjs';
import { neededFiles, parseHostArgs, prepareRun, suiteSettings } from './web-host.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
let run;
try {
  run = parseHostArgs(process.argv.slice(2));
} catch (e) {
  console.error(`[e2e] ${e.message}`);
  process.exit(2);
}
// Each run (node, web, web-memfs) its own logs and screenshots; PILOT_PLAN_E2E_ARTIFACTS elsewhere than test-artifacts/ (the runner's own test).
const artifacts = join(process.env.PILOT_PLAN_E2E_ARTIFACTS || join(root, 'test-artifacts'), run.name);
const screenshots = join(artifacts, 'screenshots');
/** The screenshots the README shows, refreshed with --docs-images (test-artifacts/ itself is not committed). */
const DOCS_IMAGES = ['problems', 'completion', 'hover', 'zh-plan-tree', 'zh-overview'];
const TIMEOUT_MS = Number(process.env.PILOT_PLAN_E2E_TIMEOUT_MS) || 10 * 60_000;
const log = (...a) => console.error('[e2e]', ...a);

/** Everything started here, stopped by cleanup() on every way out. */
const started = { codeServer: undefined, browser: undefined, tmp: undefined };
let cleaning;
function cleanup() {
  cleaning ??= (async () => {
    if (started.browser) await started.browser.close().catch(() => {});
    if (started.codeServer) await started.codeServer.stop();
    if (started.tmp && process.env.PILOT_PLAN_E2E_KEEP !== '1') rmSync(started.tmp, { recursive: true, force: true });
    else if (started.tmp) log(`kept ${started.tmp}`);
  })();
  return cleaning;
}
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    log(`${sig}: stopping`);
    cleanup().finally(() => process.exit(130));
  });
}
// Last resort if the process ends some other way: the group kill is synchronous.
process.on('exit', () => started.codeServer?.killNow());

export function install() {
  const t0 = Date.now();
  const apt = ensureSystemPackages({ forInstall: true });
  const cs = ensureCodeServer(root);
  if (!apt && !cs) return 0; // all there already
  const total = Date.now() - t0;
  log(`installed in ${(total / 1000).toFixed(1)} s (system packages ${(apt / 1000).toFixed(1)} s, code-server ${(cs / 1000).toFixed(1)} s)`);
  return total;
}

/** Mocha's spec summary from the suite's log: at least one passing, none failing. */
export function verdict(lines) {
  const text = lines.join('\n');
  const passing = [...text.matchAll(/^\s*(\d+) passing\b/gm)].map((m) => Number(m[1])).pop() ?? 0;
  const failing = [...text.matchAll(/^\s*(\d+) failing\b/gm)].map((m) => Number(m[1])).pop() ?? 0;
  return { passing, failing, ok: passing > 0 && failing === 0 };
}

async function main() {
  const tInstall = install();
  if (process.argv.includes('--install')) return 0;
  for (const f of neededFiles(run)) {
    if (!existsSync(join(root, f))) {
      log(`${f} is missing: run \`node build.mjs\` first (scripts/e2e/run.mjs does)`);
      return 2;
    }
  }
  const t0 = Date.now();
  const { tmp, workspace, userDataDir, extensionsDir } = prepareWorkspace(root);
  started.tmp = tmp;
  rmSync(screenshots, { recursive: true, force: true });
  mkdirSync(screenshots, { recursive: true });
  const serverLog = join(artifacts, 'code-server.log');
  const browserLog = join(artifacts, 'browser-console.log');
  const suiteLog = join(artifacts, 'e2e.log');
  for (const f of [serverLog, browserLog, suiteLog]) rmSync(f, { force: true });

  const port = await freePort();
  const cs = (started.codeServer = startCodeServer(root, {
    port,
    userDataDir,
    extensionsDir,
    folder: workspace,
    logFile: serverLog,
    // The Node extension host inherits this environment: the suite learns where the runner puts screenshots.
    env: { PILOT_PLAN_E2E_SCREENSHOTS: screenshots, PILOT_PLAN_E2E_RUNNER: 'offline', PILOT_PLAN_E2E_HOST: run.name },
  }));
  await cs.waitReady();
  const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
  // The web worker host has no environment: the same settings go before its copy of the suite, the screenshots' folder as a URI it can read.
  const settings = suiteSettings(process.env, { PILOT_PLAN_E2E_SCREENSHOTS: remote(screenshots), PILOT_PLAN_E2E_RUNNER: 'offline', PILOT_PLAN_E2E_HOST: run.name });
  const { folder, payload } = prepareRun(root, run, { workspace, userDataDir, extensionsDir, remote, settings });
  log(`code-server (VS Code ${vscodeVersion(root)}) on 127.0.0.1:${port}, ${run.name} extension host${run.host === 'web' ? ' (web worker)' : ''}, workspace ${folder}`);

  const browser = (started.browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  }));
  const page = await browser.newPage({ viewport: { width: 1400, height: 860 }, deviceScaleFactor: 1 });
  page.on('console', (m) => appendFileSync(browserLog, `[${m.type()}] ${m.text()}\n`));
  page.on('pageerror', (e) => appendFileSync(browserLog, `[pageerror] ${e.stack ?? e}\n`));

  const lines = [];
  let suiteStarted = false;
  let exitResolve;
  const exited = new Promise((r) => (exitResolve = r));
  // Screenshots are taken one at a time, in the order the suite asks.
  let shots = Promise.resolve();
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const text = Array.isArray(args) ? args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ') : String(args);
    appendFileSync(suiteLog, text + '\n');
    for (const line of text.split('\n')) {
      lines.push(line);
      // The workbench's own chatter before the suite starts (an unreachable extension gallery…) goes to the log file only.
      if (!suiteStarted && /^\[e2e\] \d+ test files/.test(line)) suiteStarted = true;
      if (suiteStarted) process.stdout.write(line + '\n');
      const m = line.match(/\[screenshot\] ([\w.-]+)(?: wait=(.+))?$/);
      if (m) shots = shots.then(() => takeScreenshot(page, m[1], m[2]?.trim()));
    }
  });
  await page.exposeFunction('codeAutomationExit', (code) => exitResolve(code));

  const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  await page.goto(url);

  let timer;
  const timedOut = new Promise((r) => (timer = setTimeout(() => r('timeout'), TIMEOUT_MS - (Date.now() - t0))));
  const serverDied = cs.exitPromise.then(() => 'code-server exited');
  const code = await Promise.race([exited, timedOut, serverDied]);
  clearTimeout(timer);
  await shots.catch(() => {});
  const runMs = Date.now() - t0;

  const v = verdict(lines);
  let status;
  if (!suiteStarted) {
    log(`the suite never started; the workbench said:`);
    for (const l of lines.slice(-40)) console.error('  ' + l);
  }
  if (code === 'timeout') {
    log(`TIMEOUT after ${TIMEOUT_MS} ms`);
    await page.screenshot({ path: join(screenshots, 'timeout.png') }).catch(() => {});
    status = 1;
  } else if (typeof code === 'string') {
    log(`${code}; see ${serverLog}`);
    status = 1;
  } else if (code !== 0) {
    log(`the suite reported exit code ${code}`);
    status = 1;
  } else if (!v.ok) {
    log(`the suite exited 0 but the log shows ${v.passing} passing, ${v.failing} failing`);
    status = 1;
  } else status = 0;
  if (status === 0 && process.argv.includes('--docs-images') && run.name === 'node') {
    mkdirSync(join(root, 'docs', 'images'), { recursive: true });
    for (const n of DOCS_IMAGES) copyFileSync(join(screenshots, `${n}.png`), join(root, 'docs', 'images', `${n}.png`));
    log(`copied ${DOCS_IMAGES.join(', ')} to docs/images/`);
  }
  log(`${v.passing} passing, ${v.failing} failing; run ${(runMs / 1000).toFixed(1)} s${tInstall ? `, install ${(tInstall / 1000).toFixed(1)} s` : ''}; logs in ${artifacts}`);
  return status;
}

async function takeScreenshot(page, name, selector) {
  if (selector) {
    try {
      await page.waitForSelector(selector, { state: 'visible', timeout: 10_000 });
    } catch {
      log(`screenshot ${name}: ${selector} did not show within 10 s; taking it anyway`);
    }
  }
  // Let finite CSS animations (the hover's and suggest widget's fade-in) finish first.
  await page
    .waitForFunction(
      () => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity),
      undefined,
      { timeout: 3000, polling: 'raf' },
    )
    .catch(() => {});
  const file = join(screenshots, `${name}.png`);
  const part = `${file}.part`;
  try {
    await page.screenshot({ path: part, type: 'png' });
    renameSync(part, file); // the suite polls for `file`: it appears whole
    log(`screenshot ${file}`);
  } catch (e) {
    log(`screenshot ${name} failed: ${e.message}`);
  }
}

let status = 2;
try {
  status = await main();
} catch (e) {
  log(e?.stack ?? String(e));
  status = 2;
} finally {
  await cleanup();
}
process.exit(status);
