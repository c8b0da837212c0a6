#!/usr/bin/env node
// The benchmark: Pilot Plan side by side with the tools planners would otherwise use.
//
//   npm run bench               (builds, then runs this)
//   node bench/run.mjs [--quick] [--only editor,memory,worker,checker,floor,report,overview,activation,size] [--no-readme]
//   node bench/run.mjs --table    (re-render the table of bench/results.json, measure nothing)
//
// Measures, on the same generated plans (bench/generate.mjs):
//   editor      didOpen → diagnostics and one-line didChange → diagnostics, over stdio, for our
//               server (dist/server.js --stdio) and yaml-language-server given our schemas
//   memory      each server's resident memory with the 1,000-file plan open
//   worker      the web extension's server (dist/web/server.js) in a web worker of headless
//               Chromium: open and edit of the 10k-line file and of the 1,000-file plan
//   checker     wall time of `pilot-plan check` against ajv-cli validating the same files, and of
//               pilot-plan check alone on plans full of findings (bench/stress.mjs)
//   floor       in one process: js-yaml load, `yaml` parseDocument, the engine's check
//   report      wall time of `pilot-plan report` (HTML) of the 1,000-file plan and of examples/guangzhou, and
//   overview    our server's pilotPlan/overview (the editor's Plan Overview) after an edit on examples/guangzhou
//               (part of `report`; alone with --only overview)
//   activation  require + activate() of dist/client.js with a stub vscode module
//   size        bundle sizes of dist/*.js
// prints a table (medians, ratios to the peer and to the floor), writes bench/results.json and
// puts the full table into bench/README.md and a short one into README.md's Speed section. Never part of the timed tests.
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, readFileSync, readdirSync, statSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { dirname, join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { generate, DEFAULT_OUT, editText, editTitle } from './generate.mjs';
import { LspSession, sleep } from './lsp-client.mjs';
import { CHROMIUM, startWorkerServer, workerUnavailable } from './worker-server.mjs';
import { buildEngineBundle } from './engine-bundle.mjs';
import { stressPlans } from './stress.mjs';

// Plans full of findings (bench/stress.mjs), made once per run from the 1,000-file plan.
let stress;
const stressOf = (big) => (stress ??= stressPlans(big.dir, dirname(big.dir)));

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..');
const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const QUICK = args.includes('--quick');
const ONLY = args.includes('--only') ? new Set(args[args.indexOf('--only') + 1].split(',')) : undefined;
const want = (s) => !ONLY || ONLY.has(s);
const NODE = process.execPath;
const started = Date.now();

// Node reads NODE_EXTRA_CA_CERTS as it starts, before any script runs. A machine that points it at a
// whole CA bundle (some CI images and proxies name the system's, ~140 certificates) makes every node
// process parse them first: 45–65 ms a start on 2 cores (perf: node::crypto::UseExtraCaCerts in
// InitializeOncePerProcess).
// No command the bench times uses the network, and the same padding on every tool's time would move
// each ratio towards 1, so every timed command runs without it; the start-up line reports both.
const EXTRA_CA_CERTS = process.env.NODE_EXTRA_CA_CERTS;
delete process.env.NODE_EXTRA_CA_CERTS;

const RUNS = {
  open: QUICK ? 3 : 5, // didOpen → diagnostics, per file size
  edits: QUICK ? 5 : 11, // one-line edits → diagnostics
  checker: QUICK ? 3 : 5, // CLI wall-time runs, every plan
  checkerBig: QUICK ? 3 : 15, // the same, on the 1,000-file plan: its turns' ratios have spread over 0.42–0.60 in one run
  activation: QUICK ? 5 : 9,
  report: QUICK ? 3 : 5, // pilot-plan report runs per plan
  overview: QUICK ? 5 : 11, // edits, each followed by a pilotPlan/overview request
};
const YLS_DEBOUNCE_MS = 200; // yaml-language-server: yamlSettings.validationDelayMs, not configurable

const median = (xs) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return undefined;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const r1 = (x) => (x === undefined || x === null || !Number.isFinite(x) ? x : Math.round(x * 10) / 10);
const log = (...a) => console.error(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s]`, ...a);

function version(pkg) {
  try {
    return require(`${pkg}/package.json`).version;
  } catch {
    return undefined;
  }
}

/** A fixed CPU-bound workload (median of 5, ms): compares machines, and shows when other processes took the CPU. */
function calibrate() {
  const xs = [];
  for (let r = 0; r < 5; r++) {
    const t0 = performance.now();
    let h = 0;
    for (let i = 0; i < 3e6; i++) h = (h * 31 + ((i * 2654435761) >>> 7)) | 0;
    const m = new Map();
    for (let i = 0; i < 2e5; i++) m.set(`k${i}`, { i, h });
    xs.push(performance.now() - t0);
  }
  return r1(median(xs));
}

/**
 * What writing to fresh memory costs (µs per 4 KB page, median of 3 × 32 MB): the first write to
 * each page faults. On some virtual machines it costs ~11 µs, a hundred times a bare machine's, and a check
 * that touches 40 MB pays ~0.1 s for it, so it moves the ratios between machines (bench/README.md).
 */
function firstTouchUsPerPage() {
  const xs = [];
  for (let r = 0; r < 3; r++) {
    const b = Buffer.allocUnsafeSlow(32 << 20);
    const t0 = performance.now();
    for (let i = 0; i < b.length; i += 4096) b[i] = 1;
    xs.push(((performance.now() - t0) * 1000) / (b.length / 4096));
  }
  return Math.round(median(xs) * 100) / 100;
}

function machine() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model?.trim(),
    cores: cpus.length,
    availableParallelism: os.availableParallelism?.(),
    memoryGB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    date: new Date().toISOString(),
    loadAverageAtStart: os.loadavg().map((x) => Math.round(x * 100) / 100),
    calibrationMsAtStart: calibrate(),
    firstTouchUsPerPage: firstTouchUsPerPage(),
  };
}

/** Spawns a command, waits for it to end, returns wall time and output. */
function runTimed(cmd, argv, opts = {}) {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const p = spawn(cmd, argv, { cwd: opts.cwd ?? ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: opts.env ?? process.env });
    const out = [];
    const err = [];
    p.stdout.on('data', (b) => out.push(b));
    p.stderr.on('data', (b) => {
      if (err.length < 200) err.push(b);
      if (opts.echo) for (const line of String(b).trim().split('\n')) log(line);
    });
    p.on('close', (code) => resolve({ ms: performance.now() - t0, code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
  });
}

// ---------------------------------------------------------------------------
// Preparation: datasets, the engine bundle, a broken plan for the sanity check
// ---------------------------------------------------------------------------
function writeBrokenPlan(dir) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'plan.pilot.yaml'), 'apiVersion: pilot-plan/v1\nkind: Plan\nid: BROKEN\npilot: { name: 示例市, type: city, province: 江苏省 }\nbaseYear: 2020\ntargetYears: [2025, 2030]\n');
  // three schema errors: a missing required key (lead), a value not allowed (area), an unknown key (bogus)
  writeFileSync(
    join(dir, 'tasks.pilot.yaml'),
    'apiVersion: pilot-plan/v1\nkind: Tasks\ntasks:\n  - id: T-ONE\n    title: 缺少牵头单位的任务\n    area: nowhere\n    bogus: 1\n    indicators: [IND-X]\n    due: 2025\n',
  );
  return join(dir, 'tasks.pilot.yaml');
}

// ---------------------------------------------------------------------------
// Editor: the two language servers
// ---------------------------------------------------------------------------
/** Our server's default debounce, read from the source so the report cannot drift from it. */
function oursDebounceMs() {
  try {
    return Number(/DEFAULT_DEBOUNCE_MS\s*=\s*(\d+)/.exec(readFileSync(join(ROOT, 'server', 'src', 'lsp', 'protocol.ts'), 'utf8'))?.[1]);
  } catch {
    return undefined;
  }
}

function servers() {
  const schemaUri = pathToFileURL(join(ROOT, 'schemas', 'pilot-plan.schema.json')).href;
  // BENCH_OURS_SERVER="node dist/cli.js lsp --stdio" times the same server through the CLI.
  const oursCommand = process.env.BENCH_OURS_SERVER ? process.env.BENCH_OURS_SERVER.split(' ').map((x) => (x === 'node' ? NODE : x)) : [NODE, join(ROOT, 'dist', 'server.js'), '--stdio'];
  const ours = {
    command: oursCommand,
    settings: { pilotPlan: {} },
    // It publishes diagnostics only where they changed (and the first time); after every check
    // it sends pilotPlan/status for the active document, which ends a check whose result is unchanged.
    doneNotifications: ['pilotPlan/status'],
  };
  return [
    { id: 'ours', label: 'Pilot Plan server', ...ours, debounceMs: oursDebounceMs(), memory: true },
    { id: 'ours0', label: 'Pilot Plan server, debounce 0', ...ours, initializationOptions: { debounceMs: 0 }, debounceMs: 0, memory: true },
    {
      id: 'yls',
      label: `yaml-language-server ${version('yaml-language-server')}`,
      command: [NODE, join(ROOT, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server'), '--stdio'],
      // Our schemas through settings: the dispatching schema for every pilot file; its relative
      // $refs (plan.schema.json, common.schema.json#/...) resolve to the files beside it.
      settings: {
        yaml: {
          validate: true,
          hover: true,
          completion: true,
          format: { enable: false },
          schemaStore: { enable: false },
          schemas: { [schemaUri]: ['*.pilot.yaml', '*.pilot.yml'] },
        },
        http: { proxyStrictSSL: false },
      },
      debounceMs: YLS_DEBOUNCE_MS,
      memory: true,
    },
  ];
}

async function startSession(srv, rootDir) {
  const transport = srv.worker ? await startWorkerServer(ROOT) : undefined;
  const s = new LspSession({ name: srv.label, command: srv.command, rootDir, settings: srv.settings, initializationOptions: srv.initializationOptions, doneNotifications: srv.doneNotifications, transport });
  await s.initialize(30_000);
  // The web worker reads no disk: the extension sends it the workspace's plan files (client/src/workspace-mirror.ts).
  if (srv.worker) s.conn.sendNotification('pilotPlan/workspaceFiles', { files: pilotFilesUnder(rootDir).map((p) => ({ uri: pathToFileURL(p).href, text: readFileSync(p, 'utf8') })), deleted: [], initial: true });
  await sleep(300); // let the server settle (configuration round trips)
  return s;
}

/** The pilot plan files and configurations under a folder, as the web client finds them. */
function pilotFilesUnder(dir, out = []) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) pilotFilesUnder(p, out);
    else if (/\.pilot\.ya?ml$/.test(e.name) || e.name === 'pilot-plan.config.yaml') out.push(p);
  }
  return out;
}

async function sanity(srv, brokenFile, cleanFile) {
  const s = await startSession(srv, dirname(brokenFile));
  try {
    const bad = await s.timeOpen(brokenFile, 30_000);
    const good = await s.timeOpen(cleanFile, 60_000);
    return {
      brokenFileDiagnostics: bad.diagnostics.length,
      brokenMessages: bad.diagnostics.slice(0, 6).map((d) => `${d.range.start.line + 1}: ${d.message.split('\n')[0].slice(0, 100)}`),
      cleanFileDiagnostics: good.diagnostics.length,
      cleanMessages: good.diagnostics.slice(0, 3).map((d) => `${d.range.start.line + 1}: ${d.message.split('\n')[0].slice(0, 100)}`),
      ok: bad.diagnostics.length >= 3,
    };
  } finally {
    await s.shutdown();
  }
}

async function editorSingleFile(srv, ds) {
  const file = join(ds.dir, ds.editFile);
  const big = ds.editFileLines > 50_000;
  const timeout = big ? 180_000 : 60_000;
  const s = await startSession(srv, ds.dir);
  const res = { file: relative(ROOT, file), lines: ds.editFileLines, open: [], edits: [] };
  try {
    const opens = big ? Math.min(RUNS.open, 3) : RUNS.open;
    let uri;
    for (let i = 0; i < opens; i++) {
      // A trailing comment unique to each open, so no server can answer from a cache of the same text.
      const r = await s.timeOpen(file, timeout, `# bench: open ${i + 1}\n`);
      uri = r.uri;
      res.open.push(r.ms);
      res.openDiagnostics = r.diagnostics.length;
      (res.via ??= {})[r.via] = (res.via[r.via] ?? 0) + 1;
      if (i < opens - 1) {
        const drain = s.waitDiagnostics([uri], 1000, 'close').catch(() => undefined);
        s.close(uri);
        await drain;
        await sleep(100);
      }
    }
    await sleep(200);
    // As many edits as the smaller files: five left the 100k-line median to the noise of one or two.
    for (let k = 0; k < RUNS.edits; k++) {
      const title = editTitle(ds.editTitles, k);
      const r = await s.timeLineEdit(uri, title.line, '    title: '.length, editText(title, k), timeout);
      res.edits.push(r.ms);
      res.editDiagnostics = r.diagnostics.length;
      (res.via ??= {})[r.via] = (res.via[r.via] ?? 0) + 1;
      await sleep(50);
    }
    res.rssMB = s.memory()?.rssMB;
  } catch (e) {
    res.error = e.message.slice(0, 500);
  } finally {
    await s.shutdown();
  }
  res.openColdMs = res.open[0];
  res.openMedianMs = median(res.open.slice(1).length ? res.open.slice(1) : res.open);
  res.editMedianMs = median(res.edits);
  res.open = res.open.map(r1);
  res.edits = res.edits.map(r1);
  return res;
}

async function editorManyFiles(srv, ds) {
  const s = await startSession(srv, ds.dir);
  const res = { files: ds.fileCount, lines: ds.totalLines, edits: [] };
  try {
    res.rssBeforeOpenMB = s.memory()?.rssMB;
    const paths = ds.files.map((f) => join(ds.dir, f));
    const uris = paths.map((p) => pathToFileURL(p).href);
    const wait = s.waitDiagnostics(uris, 600_000, `diagnostics for ${uris.length} files`);
    const t0 = performance.now();
    for (const p of paths) s.open(p);
    const r = await wait;
    res.openAllMs = r.at - t0;
    res.filesWithDiagnostics = [...r.all.values()].filter((d) => d.length).length;
    await sleep(1500);
    const m = s.memory();
    res.rssMB = m?.rssMB;
    res.peakRssMB = m?.hwmMB;
    const uri = pathToFileURL(join(ds.dir, ds.editFile)).href;
    for (let k = 0; k < RUNS.edits; k++) {
      const title = editTitle(ds.editTitles, k);
      const e = await s.timeLineEdit(uri, title.line, '    title: '.length, editText(title, k), 120_000);
      res.edits.push(e.ms);
      await sleep(50);
    }
    const m2 = s.memory();
    res.rssAfterEditsMB = m2?.rssMB;
    res.peakRssMB = m2?.hwmMB;
  } catch (e) {
    res.error = e.message.slice(0, 500);
  } finally {
    await s.shutdown();
  }
  res.editMedianMs = median(res.edits);
  res.edits = res.edits.map(r1);
  return res;
}

/** One line on a whole-plan editor measure (editorManyFiles). */
const logMany = (x) => log(`  all diagnostics in ${r1(x.openAllMs)} ms, RSS ${r1(x.rssMB)} MB, edit ${r1(x.editMedianMs)} ms${x.error ? ' — ' + x.error : ''}`);

async function runEditor(manifest, results) {
  const brokenFile = writeBrokenPlan(join(DEFAULT_OUT, 'broken'));
  const lines = manifest.datasets.filter((d) => d.kind === 'lines' && !(QUICK && d.lines > 50_000));
  const many = manifest.datasets.find((d) => d.name === 'files-1000');
  results.editor = {};
  for (const srv of servers()) {
    const r = (results.editor[srv.id] = { label: srv.label, command: srv.command.map((c) => (c === NODE ? 'node' : relative(ROOT, c) || c)).join(' '), initializationOptions: srv.initializationOptions, debounceMs: srv.debounceMs, single: {} });
    log(`editor: ${srv.label}: sanity check on a broken file`);
    try {
      r.sanity = await sanity(srv, brokenFile, join(lines[0].dir, lines[0].editFile));
      log(`  broken file → ${r.sanity.brokenFileDiagnostics} diagnostics; clean file → ${r.sanity.cleanFileDiagnostics}`);
    } catch (e) {
      r.error = `not available: ${e.message.split('\n').filter(Boolean).join(' ').slice(0, 300)}`;
      log(`  ${r.error}`);
      continue;
    }
    for (const ds of want('editor') ? lines : []) {
      log(`editor: ${srv.label}: ${ds.name} (${ds.editFileLines} lines)`);
      r.single[ds.name] = await editorSingleFile(srv, ds);
      const x = r.single[ds.name];
      log(`  didOpen ${r1(x.openMedianMs)} ms (cold ${r1(x.openColdMs)}), edit ${r1(x.editMedianMs)} ms${x.error ? ' — ' + x.error : ''}`);
    }
    if (want('memory') && many && srv.memory) {
      log(`memory: ${srv.label}: opening the ${many.fileCount}-file plan`);
      r.many = await editorManyFiles(srv, many);
      logMany(r.many);
    }
    // Our server on the plans full of findings, without debounce: the work of a check, not the wait.
    if (want('editor') && many && srv.id === 'ours0' && !QUICK) {
      r.stress = {};
      for (const sp of stressOf(many)) {
        log(`editor: ${srv.label}: ${sp.name} (${sp.fileCount} files)`);
        r.stress[sp.name] = await editorManyFiles(srv, sp);
        logMany(r.stress[sp.name]);
      }
    }
  }
}

/**
 * The language server of the web extension (dist/web/server.js) in a web worker of headless Chromium,
 * beside the Node server, both as shipped: open and edit of the 10k-line file, and the
 * 1,000-file plan opened whole then edited. Every message crosses a page evaluation (the bridge,
 * worker-server.mjs), whose round trip is measured and reported with the figures.
 */
async function runWorker(manifest, results) {
  const why = workerUnavailable(ROOT);
  if (why) {
    results.worker = { error: `not measured: ${why}` };
    log(`worker: ${results.worker.error}`);
    return;
  }
  // As shipped (its adaptive debounce), as the Node server's `ours`: with debounce 0 a worker, which gets
  // each message as a task of its own, would check the plan between the opens of a burst.
  const base = servers().find((s) => s.id === 'ours');
  const srv = { ...base, id: 'worker', label: 'Pilot Plan server in a web worker (Chromium)', worker: true, initializationOptions: { workspaceFiles: 'client' }, memory: false };
  const r = (results.worker = { label: srv.label, chromium: chromiumVersion(), single: {} });
  const probe = await startWorkerServer(ROOT);
  r.bridgeRoundTripMs = r1(await probe.bridgeRoundTripMs());
  await probe.kill();
  log(`worker: page bridge round trip ${r.bridgeRoundTripMs} ms`);
  for (const ds of manifest.datasets.filter((d) => d.name === 'lines-10k')) {
    log(`worker: ${srv.label}: ${ds.name} (${ds.editFileLines} lines)`);
    const x = (r.single[ds.name] = await editorSingleFile(srv, ds));
    log(`  didOpen ${r1(x.openMedianMs)} ms (cold ${r1(x.openColdMs)}), edit ${r1(x.editMedianMs)} ms${x.error ? ' — ' + x.error : ''}`);
  }
  const many = manifest.datasets.find((d) => d.name === 'files-1000');
  if (many) {
    log(`worker: ${srv.label}: opening the ${many.fileCount}-file plan`);
    r.many = await editorManyFiles(srv, many);
    logMany(r.many);
  }
}

function chromiumVersion() {
  try {
    return execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------
// Checker: pilot-plan check against ajv-cli
// ---------------------------------------------------------------------------
function ajvArgs(dir) {
  const s = (f) => join('schemas', f);
  return [
    join(ROOT, 'node_modules', 'ajv-cli', 'dist', 'index.js'),
    'validate',
    '--spec=draft2020',
    '--all-errors',
    '--allow-union-types',
    '-s', s('pilot-plan.schema.json'),
    ...['plan', 'tasks', 'projects', 'indicators', 'progress', 'common'].flatMap((n) => ['-r', s(`${n}.schema.json`)]),
    '-c', './bench/ajv-plugin.cjs',
    '-d', `${relative(ROOT, dir)}/**/*.pilot.yaml`,
  ];
}

/** One `pilot-plan check DIR --format json`, timed. */
const checkOnce = (dir) => runTimed(NODE, [join(ROOT, 'dist', 'cli.js'), 'check', relative(ROOT, dir), '--format', 'json'], { cwd: ROOT });

/** The JSON report's summary of a run, or what went wrong. */
function summaryOf(run) {
  try {
    return JSON.parse(run.stdout).summary;
  } catch {
    return { exit: run.code, stderr: run.stderr.slice(0, 300) };
  }
}

async function runChecker(manifest, results) {
  results.checker = {
    ours: { command: 'node dist/cli.js check DIR --format json' },
    ajv: { command: `node node_modules/ajv-cli/dist/index.js ${ajvArgs('DIR').slice(1).join(' ')}`, version: version('ajv-cli'), ajv: version('ajv'), jsYaml: require('ajv-cli/node_modules/js-yaml/package.json').version },
    datasets: {},
  };
  for (const ds of manifest.datasets) {
    // The 1,000-file ratio is a target near its limit, and both tools' runs vary by ±15–20% on a
    // shared virtual machine: it gets more runs than the small plans.
    const runs = ds.name === 'files-1000' ? RUNS.checkerBig : RUNS.checker;
    const r = (results.checker.datasets[ds.name] = { files: ds.fileCount, lines: ds.totalLines, ours: [], ajv: [] });
    const ours = async (i) => {
      const a = await checkOnce(ds.dir);
      r.ours.push(a.ms);
      if (i === 0) {
        r.oursSummary = summaryOf(a);
        r.oursExit = a.code;
      }
    };
    const ajv = async (i) => {
      const b = await runTimed(NODE, ajvArgs(ds.dir), { cwd: ROOT });
      r.ajv.push(b.ms);
      if (i === 0) {
        r.ajvExit = b.code;
        r.ajvValid = (b.stdout.match(/ valid$/gm) ?? []).length;
        r.ajvInvalid = (b.stderr.match(/ invalid$/gm) ?? []).length;
      }
    };
    for (let i = 0; i < runs; i++) {
      // Taking turns, each going first every other time, so drift in machine load hits both alike.
      if (i % 2 === 0) {
        await ours(i);
        await ajv(i);
      } else {
        await ajv(i);
        await ours(i);
      }
    }
    r.oursMedianMs = median(r.ours);
    r.ajvMedianMs = median(r.ajv);
    // The ratio is the median of each turn's ratio: a turn's two runs are seconds apart, so a
    // machine whose speed drifts during the runs (ajv-cli's runs have ranged 1.0–4.1 s within one
    // run) moves both alike, where it skews the ratio of the two medians.
    const pairRatios = r.ours.map((ms, i) => ms / r.ajv[i]);
    r.ratio = median(pairRatios);
    r.pairRatios = pairRatios.map((x) => Math.round(x * 1000) / 1000);
    r.ours = r.ours.map(r1);
    r.ajv = r.ajv.map(r1);
    log(`checker ${ds.name}: pilot-plan ${r1(r.oursMedianMs)} ms (${JSON.stringify(r.oursSummary)}), ajv-cli ${r1(r.ajvMedianMs)} ms (${r.ajvValid} valid, ${r.ajvInvalid} invalid)`);
    if (r.oursSummary?.errors > 0) throw new Error(`generated plan ${ds.name} does not check clean: fix bench/generate.mjs`);
    // ajv-cli that turns the schemas down (a keyword its plugin does not add) times a failure, not a validation.
    if (r.ajvValid !== ds.fileCount) throw new Error(`ajv-cli validated ${r.ajvValid} of ${ds.fileCount} files of ${ds.name} (exit ${r.ajvExit}): see bench/ajv-plugin.cjs`);
  }
  // Plans full of findings (bench/stress.mjs): ours only, ajv-cli has no cross-file rules to find them.
  const big = manifest.datasets.find((d) => d.name === 'files-1000');
  if (big) {
    results.checker.stress = {};
    for (const sp of stressOf(big)) {
      const r = (results.checker.stress[sp.name] = { what: sp.what, files: sp.fileCount, ours: [] });
      for (let i = 0; i < (QUICK ? 1 : 3); i++) {
        const a = await checkOnce(sp.dir);
        r.ours.push(a.ms);
        if (i === 0) r.summary = summaryOf(a);
      }
      r.oursMedianMs = median(r.ours);
      r.ours = r.ours.map(r1);
      log(`checker on ${sp.name}: ${r1(r.oursMedianMs)} ms (${JSON.stringify(r.summary)})`);
    }
  }
  // Medians of a few starts each, taking turns; with the machine's NODE_EXTRA_CA_CERTS too, where it has one.
  const starts = { nodeBare: [], cliVersion: [], nodeBareWithExtraCaCerts: [] };
  for (let i = 0; i < (QUICK ? 3 : 7); i++) {
    starts.nodeBare.push((await runTimed(NODE, ['-e', '0'])).ms);
    starts.cliVersion.push((await runTimed(NODE, [join(ROOT, 'dist', 'cli.js'), '--version'])).ms);
    if (EXTRA_CA_CERTS) starts.nodeBareWithExtraCaCerts.push((await runTimed(NODE, ['-e', '0'], { env: { ...process.env, NODE_EXTRA_CA_CERTS: EXTRA_CA_CERTS } })).ms);
  }
  results.checker.startupMs = Object.fromEntries(Object.entries(starts).filter(([, xs]) => xs.length).map(([k, xs]) => [k, r1(median(xs))]));
  results.checker.clearedEnv = EXTRA_CA_CERTS ? ['NODE_EXTRA_CA_CERTS'] : [];
}

// ---------------------------------------------------------------------------
// The plan report: the command, and the editor's Plan Overview
// ---------------------------------------------------------------------------
/** Which name line of an Indicators file edit k rewrites, and to what: made longer, then put back, so every edit changes the text. */
function overviewEdit(lines, k) {
  const names = lines.map((l, i) => [l, i]).filter(([l]) => /^ {4}name: \S/.test(l));
  const [line, i] = names[Math.floor(k / 2) % names.length];
  const column = '    name: '.length;
  const name = line.slice(column);
  return { line: i + 1, column, text: k % 2 === 0 ? `${name}（修订）` : name };
}

async function runReport(manifest, results) {
  const cli = join(ROOT, 'dist', 'cli.js');
  const out = join(HERE, 'results', 'report');
  mkdirSync(out, { recursive: true });
  const plans = [
    { name: 'files-1000', dir: manifest.datasets.find((d) => d.name === 'files-1000')?.dir },
    { name: 'examples/guangzhou', dir: join(ROOT, 'examples', 'guangzhou') },
  ].filter((p) => p.dir);
  results.report = { command: 'node dist/cli.js report DIR --output FILE', plans: {} };
  for (const p of plans) {
    const file = join(out, `${p.name.replace(/\W+/g, '-')}.html`);
    const r = (results.report.plans[p.name] = { runs: [] });
    for (let i = 0; i < RUNS.report; i++) {
      const a = await runTimed(NODE, [cli, 'report', relative(ROOT, p.dir), '--output', file]);
      if (a.code !== 0) throw new Error(`pilot-plan report ${p.name} exited ${a.code}: ${a.stderr.slice(0, 500)}`);
      r.runs.push(r1(a.ms));
    }
    const html = readFileSync(file, 'utf8');
    // What was timed drew every indicator's chart: one card, one SVG each.
    r.cards = html.split('<div class="card">').length - 1;
    r.charts = html.split('<svg ').length - 1;
    r.bytes = html.length;
    r.medianMs = median(r.runs);
    log(`report ${p.name}: ${fmtMs(r.medianMs)} (${r.runs.map(fmtMs).join(', ')}; ${r.cards} indicator cards, ${r.charts} charts)`);
  }
}

/**
 * pilotPlan/overview after an edit, as the editor asks for it: a fresh server over stdio on a copy of
 * examples/guangzhou, its Indicators file open; each round edits an indicator's name (didChange),
 * waits for the check to end (publishDiagnostics or pilotPlan/status), then times the request.
 * *edit → page* is from the didChange to the answer.
 */
async function runOverview() {
  const dir = join(HERE, 'results', 'overview-guangzhou');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(join(ROOT, 'examples', 'guangzhou'), dir, { recursive: true });
  const srv = servers().find((x) => x.id === 'ours');
  const s = await startSession(srv, dir);
  const r = { server: srv.command.map((x) => relative(ROOT, x) || x).join(' '), requestMs: [], editToPageMs: [] };
  try {
    const file = join(dir, 'indicators.pilot.yaml');
    const open = await s.timeOpen(file, 60_000);
    // In Chinese: the page shows the names the edits change (in English it shows `nameEn`).
    const params = { uri: open.uri, nonce: 'b3nch0123456789abcdef', cspSource: 'https://bench.invalid', locale: 'zh-CN' };
    const ask = async () => {
      const t0 = performance.now();
      const page = await withTimeoutOf(s.conn.sendRequest('pilotPlan/overview', params), 60_000, 'pilotPlan/overview');
      return { ms: performance.now() - t0, page };
    };
    const first = await ask();
    r.firstMs = r1(first.ms);
    for (let k = 0; k < RUNS.overview; k++) {
      const e = overviewEdit(s.docs.get(open.uri).text.split('\n'), k);
      const t0 = performance.now();
      await s.timeLineEdit(open.uri, e.line, e.column, e.text, 60_000);
      const a = await ask();
      r.requestMs.push(r1(a.ms));
      r.editToPageMs.push(r1(performance.now() - t0));
      // The page is the edited plan's: the new name is on it.
      if (!a.page.html.includes(e.text.replace(/&/g, '&#38;'))) throw new Error(`pilotPlan/overview after edit ${k} does not show ${e.text}`);
      r.cards = a.page.html.split('<div class="card" data-uri=').length - 1;
    }
  } finally {
    await s.shutdown();
  }
  r.requestMedianMs = median(r.requestMs);
  r.editToPageMedianMs = median(r.editToPageMs);
  log(`overview after an edit, examples/guangzhou: request ${fmtMs(r.requestMedianMs)}, edit → page ${fmtMs(r.editToPageMedianMs)} (first request ${fmtMs(r.firstMs)}; ${r.cards} indicator cards)`);
  return r;
}

function withTimeoutOf(p, ms, what) {
  let timer;
  return Promise.race([p, new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: no answer in ${ms} ms`)), ms)))]).finally(() => clearTimeout(timer));
}

// ---------------------------------------------------------------------------
// Floor, activation, sizes
// ---------------------------------------------------------------------------
async function runFloor(results) {
  const a = [join(HERE, 'floor.mjs')];
  if (QUICK) a.push('--runs', '3');
  const r = await runTimed(NODE, a, { echo: true });
  if (r.code !== 0) throw new Error(`floor.mjs failed: ${r.stderr}`);
  results.floor = JSON.parse(r.stdout);
}

/**
 * Linearity: the check of each lines-* plan in processes of its own (floor.mjs --only engine-check,
 * one plan per process, the sizes taking turns, 3 processes each). In the floor's joint rounds a
 * check follows `yaml`'s parse of the same text, whose garbage it pays for: the 10k-line check
 * ranged 8–39 ms there, which set the growth ratio more than the check did.
 */
async function runGrowth(manifest, results) {
  const sets = manifest.datasets.filter((d) => d.kind === 'lines').map((d) => d.name);
  const runs = Object.fromEntries(sets.map((n) => [n, []]));
  for (let k = 0; k < (QUICK ? 1 : 3); k++) {
    for (const n of sets) {
      const r = await runTimed(NODE, [join(HERE, 'floor.mjs'), '--only', 'engine-check', '--datasets', n, '--runs', '9']);
      if (r.code !== 0) throw new Error(`floor.mjs (growth, ${n}) failed: ${r.stderr}`);
      runs[n].push(...JSON.parse(r.stdout).datasets[n].engineCheck.runs);
    }
  }
  // The mean as well as the median: a 10k-line check pays a scavenge one run in five or so, which its median
  // leaves out, while every 100k-line check pays its own; the mean counts each run's share of them.
  const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
  results.growth = Object.fromEntries(sets.map((n) => [n, { lines: manifest.datasets.find((d) => d.name === n).totalLines, median: median(runs[n]), mean: mean(runs[n]), min: Math.min(...runs[n]), n: runs[n].length, runs: runs[n] }]));
  log(`growth: ${sets.map((n) => `${n} ${r1(results.growth[n].median)} ms`).join(', ')}`);
}

async function runActivation(results) {
  const xs = [];
  let last;
  for (let i = 0; i < RUNS.activation; i++) {
    const r = await runTimed(NODE, [join(HERE, 'activation.cjs')]);
    try {
      last = JSON.parse(r.stdout.trim().split('\n').pop());
    } catch {
      last = { error: r.stderr.slice(0, 300) };
    }
    xs.push(last);
  }
  results.activation = {
    method: 'fresh node process: require(dist/client.js) with a stub vscode module, then activate(context)',
    requireMs: r1(median(xs.map((x) => x.requireMs))),
    activateMs: r1(median(xs.map((x) => x.activateMs))),
    totalMs: r1(median(xs.map((x) => (x.requireMs ?? NaN) + (x.activateMs ?? 0)))),
    childProcesses: last?.childProcesses,
    note: last?.activateNote ?? last?.error,
  };
  log(`activation: require ${results.activation.requireMs} ms + activate ${results.activation.activateMs} ms`);
}

function runSizes(results) {
  const dist = join(ROOT, 'dist');
  results.bundles = {};
  // dist/vendor: the libraries the checker loads on first use (build.mjs).
  const vendor = existsSync(join(dist, 'vendor')) ? readdirSync(join(dist, 'vendor')).map((f) => `vendor/${f}`) : [];
  for (const f of [...readdirSync(dist), ...vendor].filter((f) => f.endsWith('.js')).sort()) {
    const b = readFileSync(join(dist, f));
    results.bundles[f] = { bytes: b.length, gzipBytes: gzipSync(b, { level: 9 }).length };
  }
}

// ---------------------------------------------------------------------------
// Report
// ---------------------------------------------------------------------------
const fmtMs = (x) => (x === undefined || x === null || !Number.isFinite(x) ? '–' : x >= 10_000 ? `${(x / 1000).toFixed(1)} s` : x >= 1000 ? `${(x / 1000).toFixed(2)} s` : x >= 100 ? `${Math.round(x)} ms` : `${x.toFixed(1)} ms`);
const ratio = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? a / b : undefined);
const fmtX = (x) => (x === undefined ? '–' : x >= 10 ? `${x.toFixed(0)}×` : `${x.toFixed(2)}×`);
// Growth ratios sit near their limit (10.2× for 9.3× the lines): one decimal more.
const fmtGrowth = (x) => (x === undefined ? '–' : `${x.toFixed(2)}×`);
const fmtMB = (x) => (Number.isFinite(x) ? `${Math.round(x)} MB` : '–');
const fmtKB = (x) => `${(x / 1024).toFixed(0)} KB`;

function targets(res) {
  const out = [];
  const add = (what, target, value, pass, note) => out.push({ what, target, value, pass, note });
  const ours = res.editor?.ours;
  const ours0 = res.editor?.ours0;
  const yls = res.editor?.yls;
  const e10o = ours?.single?.['lines-10k'];
  const e10z = ours0?.single?.['lines-10k'];
  const e10y = yls?.single?.['lines-10k'];
  const ok = (s) => s && !s.error;
  const why = (s) => s?.error?.split('\n')[0];
  const rEdit = ratio(e10o?.editMedianMs, e10y?.editMedianMs);
  add('edit → diagnostics, 10k-line file, vs yaml-language-server (each with its debounce)', '≤ 0.2×', ok(ours) ? fmtX(rEdit) : 'n/a', ok(ours) && rEdit !== undefined ? rEdit <= 0.2 : undefined, ok(ours) ? `${fmtMs(e10o?.editMedianMs)} vs ${fmtMs(e10y?.editMedianMs)}` : why(ours));
  const rWork = ratio(e10z?.editMedianMs, e10y?.editMedianMs - YLS_DEBOUNCE_MS);
  add('  … the same without either debounce (ours at debounceMs 0, YLS less 200 ms)', '≤ 0.2×', ok(ours0) ? fmtX(rWork) : 'n/a', ok(ours0) && rWork !== undefined ? rWork <= 0.2 : undefined, ok(ours0) ? `${fmtMs(e10z?.editMedianMs)} vs ${fmtMs(e10y?.editMedianMs - YLS_DEBOUNCE_MS)}` : why(ours0));
  add(`edit → diagnostics, 10k-line file, median (as shipped: debounce ≤ ${ours?.debounceMs} ms)`, '< 50 ms', ok(ours) ? fmtMs(e10o?.editMedianMs) : 'n/a', ok(ours) && e10o?.editMedianMs !== undefined ? e10o.editMedianMs < 50 : undefined);
  add('  … at debounceMs 0', '< 50 ms', ok(ours0) ? fmtMs(e10z?.editMedianMs) : 'n/a', ok(ours0) && e10z?.editMedianMs !== undefined ? e10z.editMedianMs < 50 : undefined);
  const c = res.checker?.datasets?.['files-1000'];
  add('checker on the 1,000-file plan vs ajv-cli (wall; median of the turns\' ratios)', '≤ 0.5×', c ? `${fmtX(c.ratio)} (ratio of the medians ${fmtX(ratio(c.oursMedianMs, c.ajvMedianMs))})` : 'n/a', c ? c.ratio <= 0.5 : undefined);
  for (const n of ['lines-10k', 'files-1000']) {
    const f = res.floor?.datasets?.[n];
    const x = f?.paired?.checkOverJsYaml ?? ratio(f?.engineCheck?.median, f?.jsYaml?.median);
    add(`checker's work in process vs js-yaml parse, ${n}`, '≤ 3×', fmtX(x), f ? x <= 3 : undefined);
  }
  const checkMs = (n) => res.growth?.[n]?.median ?? res.floor?.datasets?.[n]?.engineCheck?.median;
  const l1 = checkMs('lines-1k');
  const l10 = checkMs('lines-10k');
  const l100 = checkMs('lines-100k');
  const lr = (a, b) => res.floor?.datasets?.[a]?.lines / res.floor?.datasets?.[b]?.lines;
  // The verdict is on the medians; the ratio of the means (garbage collection counted in every run) is shown beside it.
  const meanRatio = (a, b) => (res.growth?.[a]?.mean && res.growth?.[b]?.mean ? `; ratio of the means ${fmtGrowth(ratio(res.growth[a].mean, res.growth[b].mean))}` : '');
  const lin = (t2, t1, a, b) => add(`linear growth: checker in process, ${a.slice(6)} / ${b.slice(6)} lines (medians)`, `≤ 1.1 × lines ratio`, fmtGrowth(ratio(t2, t1)), t1 ? ratio(t2, t1) <= 1.1 * lr(a, b) : undefined, t1 ? `lines ×${lr(a, b).toFixed(1)}${meanRatio(a, b)}` : '');
  lin(l10, l1, 'lines-10k', 'lines-1k');
  lin(l100, l10, 'lines-100k', 'lines-10k');
  add('server memory, 1,000 files open', '< 200 MB', ok(ours) ? fmtMB(ours?.many?.rssMB) : 'n/a', ok(ours) && ours?.many?.rssMB ? ours.many.rssMB < 200 : undefined, ok(ours) && ours?.many?.peakRssMB ? `peak ${fmtMB(ours.many.peakRssMB)}` : '');
  const rep = res.report?.plans?.['files-1000'];
  add('`pilot-plan report` of the 1,000-file plan (HTML, wall)', '< 2 s', fmtMs(rep?.medianMs), rep ? rep.medianMs < 2000 : undefined, rep ? `${rep.charts} charts` : '');
  add('extension activation', '< 50 ms', fmtMs(res.activation?.totalMs), res.activation ? res.activation.totalMs < 50 : undefined, 'stub vscode; see README');
  return out;
}

function table(res) {
  const L = [];
  const m = res.machine;
  L.push(`Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGB} GB, ${m.os}, Node ${m.node}; ${m.date.slice(0, 16).replace('T', ' ')} UTC; load average at start ${m.loadAverageAtStart.join(' / ')}, at end ${m.loadAverageAtEnd?.join(' / ')}; calibration loop ${m.calibrationMsAtStart} ms at start, ${m.calibrationMsAtEnd} ms at end (lower is a quieter, faster machine)${m.firstTouchUsPerPage !== undefined ? `; first write to a fresh 4 KB page ${m.firstTouchUsPerPage} µs` : ''}.${res.quick ? ' Quick run (fewer repetitions).' : ''}`);
  L.push('');
  const ours = res.editor?.ours;
  const ours0 = res.editor?.ours0;
  const yls = res.editor?.yls;
  if (res.editor) {
    const od = ours?.debounceMs;
    L.push(`### Editor: time to diagnostics (medians: didOpen of ${RUNS.open} opens, the first (cold) left out; edit of ${RUNS.edits} one-line edits; 3 opens at 100k lines)`);
    L.push('');
    L.push(`| file | lines | ours didOpen | YLS didOpen | ratio | ours edit (as shipped: debounce ≤ ${od} ms) | YLS edit (${YLS_DEBOUNCE_MS} ms debounce) | ratio | ours edit, debounce 0 | YLS edit − ${YLS_DEBOUNCE_MS} ms | ratio | ours edit (debounce 0) / js-yaml floor |`);
    L.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
    const names = new Set([...Object.keys(ours?.single ?? {}), ...Object.keys(yls?.single ?? {})]);
    const cell = (x, key) => (x?.error && !Number.isFinite(x?.[key]) ? 'error' : fmtMs(x?.[key]));
    for (const n of names) {
      const o = ours?.single?.[n];
      const z = ours0?.single?.[n];
      const y = yls?.single?.[n];
      const fl = res.floor?.datasets?.[n]?.editFile?.jsYaml?.median;
      const yw = y?.editMedianMs - YLS_DEBOUNCE_MS;
      L.push(`| ${n} | ${y?.lines ?? o?.lines} | ${cell(o, 'openMedianMs')} | ${cell(y, 'openMedianMs')} | ${fmtX(ratio(o?.openMedianMs, y?.openMedianMs))} | ${cell(o, 'editMedianMs')} | ${cell(y, 'editMedianMs')} | ${fmtX(ratio(o?.editMedianMs, y?.editMedianMs))} | ${cell(z, 'editMedianMs')} | ${fmtMs(yw)} | ${fmtX(ratio(z?.editMedianMs, yw))} | ${fmtX(ratio(z?.editMedianMs, fl))} |`);
    }
    const om = ours?.many;
    const ym = yls?.many;
    if (om || ym) {
      const zm = ours0?.many;
      const yw = ym?.editMedianMs - YLS_DEBOUNCE_MS;
      L.push(`| files-1000: open all 1,000; edit one | ${(ym ?? om).lines} | ${cell(om, 'openAllMs')} | ${cell(ym, 'openAllMs')} | ${fmtX(ratio(om?.openAllMs, ym?.openAllMs))} | ${cell(om, 'editMedianMs')} | ${cell(ym, 'editMedianMs')} | ${fmtX(ratio(om?.editMedianMs, ym?.editMedianMs))} | ${cell(zm, 'editMedianMs')} | ${fmtMs(yw)} | ${fmtX(ratio(zm?.editMedianMs, yw))} | |`);
    }
    const cold = [...names].map((n) => `${n} ${fmtMs(ours?.single?.[n]?.openColdMs)} vs ${fmtMs(yls?.single?.[n]?.openColdMs)}`).join(', ');
    L.push('', `Cold didOpen (the first open in a fresh server), ours vs YLS: ${cold}.`);
    for (const s of [ours, ours0, yls]) {
      if (s?.error) L.push('', `${s.label}: ${s.error}`);
      for (const [n, x] of Object.entries(s?.single ?? {})) if (x.error) L.push('', `${s.label}, ${n}: ${x.error.split('\n')[0]}`);
      if (s?.many?.error) L.push('', `${s.label}, files-1000: ${s.many.error.split('\n')[0]}`);
    }
    L.push('');
    L.push('### Server memory with the 1,000-file plan open (resident, /proc VmRSS)');
    L.push('');
    L.push('| server | RSS after opening | peak RSS | diagnostics for all 1,000 files |');
    L.push('|---|---:|---:|---:|');
    for (const s of [ours, yls]) if (s) L.push(`| ${s.label} | ${s.error ? 'n/a' : fmtMB(s.many?.rssMB)} | ${s.error ? 'n/a' : fmtMB(s.many?.peakRssMB)} | ${s.error ? 'n/a' : fmtMs(s.many?.openAllMs)} |`);
    const sc = [ours, yls].filter((s) => s?.sanity).map((s) => `${s.label}: ${s.sanity.brokenFileDiagnostics} diagnostics on the broken file${s.sanity.ok ? '' : ' (**fewer than the 3 errors: its timings do not compare**)'}, ${s.sanity.cleanFileDiagnostics} on a clean one`);
    if (sc.length) L.push('', `Sanity check (a Tasks file with 3 schema errors): ${sc.join('; ')}.`);
    L.push('');
  }
  if (res.worker) {
    const w = res.worker;
    L.push('### The web extension\'s server: in a web worker (vscode.dev, github.dev) beside Node');
    L.push('');
    if (w.error) L.push(w.error);
    else {
      const n = res.editor?.ours;
      L.push(`Both as shipped (edits wait for the adaptive debounce), medians as above. The worker runs in ${w.chromium ?? 'Chromium'}; each message to it crosses a page evaluation of ${fmtMs(w.bridgeRoundTripMs)} (round trip), counted in its figures.`);
      L.push('');
      L.push('| measure | Node server | web worker server | ratio |');
      L.push('|---|---:|---:|---:|');
      const row = (what, a, b) => L.push(`| ${what} | ${fmtMs(a)} | ${fmtMs(b)} | ${fmtX(ratio(b, a))} |`);
      row('lines-10k: didOpen → diagnostics', n?.single?.['lines-10k']?.openMedianMs, w.single?.['lines-10k']?.openMedianMs);
      row('lines-10k: one-line edit → diagnostics', n?.single?.['lines-10k']?.editMedianMs, w.single?.['lines-10k']?.editMedianMs);
      row('files-1000: open all 1,000 → all diagnostics', n?.many?.openAllMs, w.many?.openAllMs);
      row('files-1000: one-line edit → diagnostics', n?.many?.editMedianMs, w.many?.editMedianMs);
      for (const x of [w.single?.['lines-10k'], w.many]) if (x?.error) L.push('', `web worker: ${x.error.split('\n')[0]}`);
    }
    L.push('');
  }
  if (res.checker) {
    L.push(`### Checker: wall time of one command over the plan (medians of ${RUNS.checker} runs, ${RUNS.checkerBig} on the 1,000-file plan; ours and ajv-cli's taking turns, each first every other time)`);
    L.push('');
    L.push('| plan | files | lines | pilot-plan check | ajv-cli validate | ratio (median of the turns\' ratios) | ratio of the medians | floor: js-yaml in process | pilot-plan / floor |');
    L.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const [n, d] of Object.entries(res.checker.datasets)) {
      const fl = res.floor?.datasets?.[n]?.jsYaml?.median;
      L.push(`| ${n} | ${d.files} | ${d.lines} | ${fmtMs(d.oursMedianMs)} | ${fmtMs(d.ajvMedianMs)} | ${fmtX(d.ratio ?? ratio(d.oursMedianMs, d.ajvMedianMs))} | ${fmtX(ratio(d.oursMedianMs, d.ajvMedianMs))} | ${fmtMs(fl)} | ${fmtX(ratio(d.oursMedianMs, fl))} |`);
    }
    const caCerts = res.checker.startupMs?.nodeBareWithExtraCaCerts;
    const cleared = caCerts !== undefined ? ` Every timed command runs without this machine's \`NODE_EXTRA_CA_CERTS\`, which points at a whole CA bundle: with it, \`node -e 0\` takes ${fmtMs(caCerts)}, on every tool's every run (bench/README.md).` : '';
    L.push('', `Process start-up alone: \`node -e 0\` ${fmtMs(res.checker.startupMs?.nodeBare)}, \`pilot-plan --version\` ${fmtMs(res.checker.startupMs?.cliVersion)}.${cleared} ajv-cli ${res.checker.ajv.version} (Ajv ${res.checker.ajv.ajv}, js-yaml ${res.checker.ajv.jsYaml}) does the schema only; pilot-plan check does the schema and every rule, cross-file ones included.`);
    L.push('');
    if (res.checker.stress) {
      L.push(`Plans full of findings, made from the 1,000-file plan (bench/stress.mjs); every finding needs its place in the file. pilot-plan check only (ajv-cli finds none of these), medians of 3 runs; our server with every file open, edits of a task's title in one file (medians of ${RUNS.edits}):`, '');
      const ed = res.editor?.ours0?.stress;
      L.push('| plan | what | files | findings | pilot-plan check | server: all files opened → all diagnostics | server: one-line edit → diagnostics (debounce 0) | server RSS |');
      L.push('|---|---|---:|---:|---:|---:|---:|---:|');
      for (const [n, d] of Object.entries(res.checker.stress)) {
        const count = d.summary ? (d.summary.errors ?? 0) + (d.summary.warnings ?? 0) + (d.summary.infos ?? 0) : undefined;
        const e = ed?.[n];
        L.push(`| ${n} | ${d.what} | ${d.files} | ${count ?? 'n/a'} | ${fmtMs(d.oursMedianMs)} | ${e && !e.error ? fmtMs(e.openAllMs) : 'n/a'} | ${e && !e.error ? fmtMs(e.editMedianMs) : 'n/a'} | ${e && !e.error ? fmtMB(e.rssMB) : 'n/a'} |`);
      }
      L.push('');
    }
  }
  if (res.floor) {
    L.push(`### Floor: in one process, same texts (all files of the plan), medians; ratios are medians of per-round ratios`);
    L.push('');
    L.push(`| plan | lines | js-yaml ${res.floor.jsYamlVersion} load, core schema (the floor) | js-yaml default schema | yaml ${res.floor.yamlVersion} parseDocument | engine parse | checker in process (runCheck) | checker / js-yaml | yaml / js-yaml |`);
    L.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const [n, d] of Object.entries(res.floor.datasets)) {
      L.push(`| ${n} | ${d.lines} | ${fmtMs(d.jsYaml?.median)} | ${fmtMs(d.jsYamlDefault?.median)} | ${fmtMs(d.yamlParseDocument?.median)} | ${fmtMs(d.engineParse?.median)} | ${fmtMs(d.engineCheck?.median)} | ${fmtX(d.paired?.checkOverJsYaml ?? ratio(d.engineCheck?.median, d.jsYaml?.median))} | ${fmtX(d.paired?.yamlOverJsYaml ?? ratio(d.yamlParseDocument?.median, d.jsYaml?.median))} |`);
    }
    L.push('');
  }
  if (res.report) {
    L.push(`### Report: \`pilot-plan report\` (wall, one process, medians of ${RUNS.report}) and the editor's Plan Overview`);
    L.push('');
    L.push('| plan | indicator charts | HTML | pilot-plan report | runs |');
    L.push('|---|---:|---:|---:|---|');
    for (const [n, d] of Object.entries(res.report.plans ?? {})) L.push(`| ${n} | ${d.cards} | ${fmtKB(d.bytes)} | ${fmtMs(d.medianMs)} | ${d.runs.map(fmtMs).join(', ')} |`);
    const o = res.report.overview;
    if (o) L.push('', `\`pilotPlan/overview\` on examples/guangzhou (${o.cards} indicator cards), our server over stdio: after a one-line edit and its check, the request ${fmtMs(o.requestMedianMs)} (median of ${o.requestMs.length}; ${o.requestMs.map(fmtMs).join(', ')}), edit → page ${fmtMs(o.editToPageMedianMs)}; the first request after opening ${fmtMs(o.firstMs)}.`);
    L.push('');
  }
  if (res.activation || res.bundles) {
    L.push('### Extension');
    L.push('');
    if (res.activation) L.push(`Activation (require dist/client.js + activate() with a stub vscode, fresh process, median of ${RUNS.activation}): ${fmtMs(res.activation.totalMs)} (require ${fmtMs(res.activation.requireMs)}, activate ${fmtMs(res.activation.activateMs)}${res.activation.childProcesses === 0 ? '; with the stub the client started no server process' : ''}).${res.activation.note ? ' ' + res.activation.note : ''}`);
    if (res.bundles) L.push('', `Bundles: ${Object.entries(res.bundles).map(([f, b]) => `${f} ${fmtKB(b.bytes)} (${fmtKB(b.gzipBytes)} gzip)`).join(', ')}; the checker loads vendor/* only when it first needs them.`);
    L.push('');
  }
  L.push('### Targets');
  L.push('');
  L.push('| target | goal | measured | met |');
  L.push('|---|---|---:|:---:|');
  for (const t of res.targets) L.push(`| ${t.what} | ${t.target} | ${t.value}${t.note ? ` (${t.note})` : ''} | ${t.pass === undefined ? 'n/a' : t.pass ? 'yes' : '**no**'} |`);
  return L.join('\n');
}

/** The project README's Speed table: a few figures a user compares, each beside the peer's, from the same run. */
function speedTable(res) {
  const m = res.machine;
  const single = (s, n) => res.editor?.[s]?.single?.[n];
  const rows = [];
  const row = (what, ours, peer, fmt, peerName) => {
    if (Number.isFinite(ours) && Number.isFinite(peer)) rows.push(`| ${what} | ${fmt(ours)} | ${fmt(peer)} (${peerName}) | ${fmtX(ratio(ours, peer))} |`);
  };
  const yls = `yaml-language-server ${res.versions?.yamlLanguageServer ?? ''}`.trim();
  const ajv = `ajv-cli ${res.checker?.ajv?.version ?? ''}, schema only`;
  row('edit → diagnostics, 10k-line file · 编辑后出诊断（1 万行文件）', single('ours', 'lines-10k')?.editMedianMs, single('yls', 'lines-10k')?.editMedianMs, fmtMs, yls);
  row('edit → diagnostics, 100k-line file · 编辑后出诊断（10 万行文件）', single('ours', 'lines-100k')?.editMedianMs, single('yls', 'lines-100k')?.editMedianMs, fmtMs, yls);
  row('open → diagnostics, 10k-line file · 打开后出诊断（1 万行文件）', single('ours', 'lines-10k')?.openMedianMs, single('yls', 'lines-10k')?.openMedianMs, fmtMs, yls);
  const om = res.editor?.ours?.many;
  const ym = res.editor?.yls?.many;
  row('open 1,000 files → all diagnostics · 打开 1,000 个文件至全部诊断', om?.openAllMs, ym?.openAllMs, fmtMs, yls);
  row('server memory, 1,000 files open · 打开 1,000 个文件时的服务器内存', om?.rssMB, ym?.rssMB, fmtMB, yls);
  const c = res.checker?.datasets ?? {};
  row('`pilot-plan check`, 10k-line plan · 1 万行的方案', c['lines-10k']?.oursMedianMs, c['lines-10k']?.ajvMedianMs, fmtMs, ajv);
  row('`pilot-plan check`, 1,000-file plan · 1,000 个文件的方案', c['files-1000']?.oursMedianMs, c['files-1000']?.ajvMedianMs, fmtMs, ajv);
  return [
    '| what · 项目 | Pilot Plan | peer · 对照 | ratio · 比值 |',
    '|---|---:|---:|---:|',
    ...rows,
    '',
    `Medians on ${m.cpu}, ${m.cores} cores, Node ${m.node}, ${m.date.slice(0, 10)}. The peers get the same files and schemas; Pilot Plan also runs every cross-file rule. Method, every figure and the targets: [bench/README.md](bench/README.md). ` +
      `中位数；对照工具使用相同的文件和 JSON Schema，Pilot Plan 另外执行全部跨文件规则。方法与全部数据见 bench/README.md。`,
  ].join('\n');
}

/** The full table into bench/README.md; the short one into the project README's Speed section. */
function updateReadme(res) {
  const put = (p, text) => {
    if (!existsSync(p)) return;
    const s = readFileSync(p, 'utf8');
    const a = '<!-- bench:results:start -->';
    const b = '<!-- bench:results:end -->';
    const i = s.indexOf(a);
    const j = s.indexOf(b);
    if (i < 0 || j < 0) return;
    writeFileSync(p, s.slice(0, i + a.length) + '\n' + text + '\n' + s.slice(j));
  };
  put(join(HERE, 'README.md'), res.table);
  put(join(ROOT, 'README.md'), speedTable(res));
}

// ---------------------------------------------------------------------------
async function main() {
  if (args.includes('--table')) {
    // Re-render the table of the last full run (bench/results.json) without measuring anything.
    const res = JSON.parse(readFileSync(join(HERE, 'results.json'), 'utf8'));
    Object.assign(RUNS, res.runs);
    res.targets = targets(res);
    res.table = table(res);
    console.log(res.table);
    writeFileSync(join(HERE, 'results.json'), JSON.stringify(res, null, 1) + '\n');
    updateReadme(res);
    return;
  }
  if (!existsSync(join(ROOT, 'dist', 'cli.js'))) throw new Error('dist/cli.js is missing: run `node build.mjs` (npm run bench does)');
  const results = { machine: machine(), quick: QUICK, runs: RUNS, versions: { pilotPlan: require(join(ROOT, 'package.json')).version, yamlLanguageServer: version('yaml-language-server'), ajvCli: version('ajv-cli'), ajv: version('ajv'), jsYaml: version('js-yaml'), yaml: version('yaml') } };
  log('generating plans');
  const manifest = generate({ log: (m) => log(m) });
  results.datasets = manifest.datasets.map(({ files, editTitles, dir, ...d }) => ({ ...d, dir: relative(ROOT, dir) }));
  log('bundling the engine');
  await buildEngineBundle();

  if (want('floor')) {
    log('floor: in-process parse and engine timings');
    await runFloor(results);
    log('growth: the lines-* checks in processes of their own');
    await runGrowth(manifest, results);
  }
  if (want('checker')) await runChecker(manifest, results);
  // Before the editor's servers: a report timed right after them took half as long again (processes still ending, memory given back).
  if (want('report')) await runReport(manifest, results);
  if (want('report') || want('overview')) (results.report ??= { plans: {} }).overview = await runOverview();
  if (want('editor') || want('memory')) await runEditor(manifest, results);
  if (want('worker')) await runWorker(manifest, results);
  if (want('activation')) await runActivation(results);
  if (want('size')) runSizes(results);
  results.machine.loadAverageAtEnd = os.loadavg().map((x) => Math.round(x * 100) / 100);
  results.machine.calibrationMsAtEnd = calibrate();
  results.durationS = Math.round((Date.now() - started) / 1000);
  results.targets = targets(results);
  const text = table(results);
  results.table = text;
  console.log(text);
  // Only a full run replaces the committed results; --quick and --only runs are for looking.
  if (!ONLY && !QUICK && !args.includes('--no-results')) {
    writeFileSync(join(HERE, 'results.json'), JSON.stringify(results, null, 1) + '\n');
    if (args.includes('--no-readme')) log('wrote bench/results.json (--no-readme: the READMEs are left as they are)');
    else {
      updateReadme(results);
      log('wrote bench/results.json, the table in bench/README.md and the Speed table in README.md');
    }
  } else {
    writeFileSync(join(HERE, 'results', 'partial-results.json'), JSON.stringify(results, null, 1) + '\n');
    log('partial run (--quick or --only): wrote bench/results/partial-results.json only');
  }
  log(`done in ${results.durationS} s`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
