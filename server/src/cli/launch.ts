/**
 * `dist/cli.js`: starts the command line bundle (`dist/cli-main.js`). For
 * `check`, the bundle is compiled with V8's code cache (`dist/cli-main.cache`):
 * the bytecode of every function a check ran, so a check compiles none of its
 * code, neither the bundle as it loads (385 KB, 260 KB of them the schema
 * validators) nor each function as it is first called. 1,000-file plan 591 →
 * 573 ms median, 10-file plan 195 → 171 ms (20 alternating runs each).
 *
 * The build writes the cache after checking the examples (build.mjs). V8
 * takes a cache only from the same V8 version, under the same flags and for a
 * source of the same length; the header below also ties it to the bundle's
 * size and time. A cache V8 turns down costs nothing but the read: the bundle
 * compiles as it would without one, and a run with V8's default options then
 * writes a new one as it exits (say, after Node was upgraded), if it may
 * write here. PILOT_PLAN_CODE_CACHE=off loads without it; =write writes it
 * at exit in any case, with what this run compiled added to what it read.
 *
 * Other commands (`lsp`, `--help`) load the bundle the usual way: the
 * language server lives long.
 */
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import Module, { createRequire } from 'node:module';
import * as vm from 'node:vm';

const MAIN = nodePath.join(__dirname, 'cli-main.js');
const CACHE = nodePath.join(__dirname, 'cli-main.cache');

/** What ties a cache to one build of the bundle: V8 itself only compares the source's length. */
function headerOf(stat: fs.Stats): Buffer {
  return Buffer.from(`pilot-plan code cache ${stat.size} ${stat.mtimeMs}\n`, 'latin1');
}

function readCache(header: Buffer): Buffer | undefined {
  try {
    const bytes = fs.readFileSync(CACHE);
    return bytes.subarray(0, header.length).equals(header) ? bytes.subarray(header.length) : undefined;
  } catch {
    return undefined; // none yet
  }
}

function writeCache(script: vm.Script, header: Buffer): void {
  // Another check may be writing the same file: each writes its own, and the rename is atomic.
  const tmp = `${CACHE}.${process.pid}`;
  try {
    fs.writeFileSync(tmp, Buffer.concat([header, script.createCachedData()]));
    fs.renameSync(tmp, CACHE);
  } catch {
    try {
      fs.rmSync(tmp, { force: true });
    } catch {
      // a folder we may not write to: the next run compiles as this one did
    }
  }
}

/** Whether a cache could be written here: a read-only install would otherwise make one on every run, for nothing. */
function writable(dir: string): boolean {
  try {
    fs.accessSync(dir, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

function launch(): void {
  const mode = process.env.PILOT_PLAN_CODE_CACHE;
  if (process.argv[2] !== 'check' || mode === 'off') {
    createRequire(__filename)(MAIN);
    return;
  }
  const source = fs.readFileSync(MAIN, 'utf8');
  const header = headerOf(fs.statSync(MAIN));
  const cachedData = readCache(header);
  const script = new vm.Script(Module.wrap(source), { filename: MAIN, cachedData });
  // A run under other V8 options (a profile, NODE_OPTIONS) would write a cache the usual runs turn down.
  const plain = process.execArgv.length === 0 && !process.env.NODE_OPTIONS;
  if (mode === 'write' || (plain && (!cachedData || script.cachedDataRejected) && writable(__dirname))) {
    // At exit, so the cache holds every function the check compiled, not only the bundle's top level.
    process.on('exit', () => writeCache(script, header));
  }
  const module = { exports: {} };
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  run.call(module.exports, module.exports, createRequire(MAIN), module, MAIN, __dirname);
}

launch();
