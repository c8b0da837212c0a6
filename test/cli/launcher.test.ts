/**
 * `dist/cli.js`, what `node dist/cli.js` and the `pilot-plan` command run
 * (server/src/cli/launch.ts): it turns on Node's compile cache where Node has
 * one, then runs the command line bundle as it is, with V8's defaults, and
 * writes nothing beside itself.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import Module from 'node:module';
import * as os from 'node:os';
import * as nodePath from 'node:path';
import { CLI, ROOT, assertNoStack, englishEnv } from './run-cli';

const DIST = nodePath.dirname(CLI);
const BROKEN = 'examples/broken/unresolved-reference';
const HAS_COMPILE_CACHE = typeof (Module as { enableCompileCache?: unknown }).enableCompileCache === 'function';

function filesUnder(dir: string, pred: (p: string) => boolean = () => true): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = nodePath.join(dir, e.name);
    return e.isDirectory() ? filesUnder(p, pred) : pred(p) ? [p] : [];
  });
}

/** `node SCRIPT ARGS…` in the repository, with the environment given on top of an English one without NODE_OPTIONS. */
function node(script: string, args: string[], env: Record<string, string> = {}) {
  const base = englishEnv(env);
  for (const k of ['NODE_OPTIONS', 'NODE_COMPILE_CACHE', 'NODE_DISABLE_COMPILE_CACHE']) if (!(k in env)) delete base[k];
  const r = spawnSync(process.execPath, [script, ...args], { cwd: ROOT, env: base, encoding: 'utf8', timeout: 20000 });
  if (r.error) throw r.error;
  assertNoStack({ status: r.status, stdout: r.stdout, stderr: r.stderr });
  return r;
}

/** A copy of the command line's bundles (the launcher, the bundle, the libraries it loads on demand) in a folder of its own. */
function install(): { dir: string; cli: string } {
  const dir = fs.mkdtempSync(nodePath.join(os.tmpdir(), 'pilot-plan-launch-'));
  fs.copyFileSync(CLI, nodePath.join(dir, 'cli.js'));
  fs.copyFileSync(nodePath.join(DIST, 'cli-main.js'), nodePath.join(dir, 'cli-main.js'));
  fs.cpSync(nodePath.join(DIST, 'vendor'), nodePath.join(dir, 'vendor'), { recursive: true });
  return { dir, cli: nodePath.join(dir, 'cli.js') };
}

describe('cli: launcher', () => {
  it('runs the bundle as it is: `check`, `--version` and usage errors the same through dist/cli.js as through dist/cli-main.js', () => {
    const main = nodePath.join(DIST, 'cli-main.js');
    for (const args of [['check', BROKEN, '--format', 'json'], ['check', 'examples/guangzhou'], ['--version'], ['frobnicate']]) {
      const via = node(CLI, args);
      const direct = node(main, args);
      assert.deepEqual({ status: via.status, stdout: via.stdout, stderr: via.stderr }, { status: direct.status, stdout: direct.stdout, stderr: direct.stderr }, args.join(' '));
    }
    const report = JSON.parse(node(CLI, ['check', BROKEN, '--format', 'json']).stdout) as { files: unknown[] };
    assert.ok(report.files.length > 0);
  });

  it('writes nothing beside itself: an install that may not be written to works as it is', () => {
    const { dir, cli } = install();
    const before = filesUnder(dir).sort();
    try {
      fs.chmodSync(dir, 0o555);
      for (const args of [['check', BROKEN, '--format', 'json'], ['check', 'examples/guangzhou'], ['--version']]) {
        const r = node(cli, args);
        assert.equal(r.stderr, '', args.join(' '));
        assert.equal(r.status, args[1] === BROKEN ? 1 : 0, args.join(' '));
      }
      // Root may write to a read-only folder: the listing says whether anything tried.
      assert.deepEqual(filesUnder(dir).sort(), before);
    } finally {
      fs.chmodSync(dir, 0o755);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it(`turns Node's compile cache on where Node has one (this Node: ${HAS_COMPILE_CACHE ? 'yes' : 'no'}), in Node's folder for it`, () => {
    // Without NODE_COMPILE_CACHE, Node keeps the cache in <temporary folder>/node-compile-cache.
    const tmp = fs.mkdtempSync(nodePath.join(os.tmpdir(), 'pilot-plan-tmp-'));
    try {
      const r = node(CLI, ['check', 'examples/guangzhou'], { TMPDIR: tmp });
      assert.equal(r.status, 0, r.stdout + r.stderr);
      const cached = fs.existsSync(nodePath.join(tmp, 'node-compile-cache')) ? filesUnder(nodePath.join(tmp, 'node-compile-cache')) : [];
      if (HAS_COMPILE_CACHE) assert.ok(cached.length > 0, 'no compile cache was written');
      else assert.deepEqual(cached, []);
      // The user's say wins: NODE_DISABLE_COMPILE_CACHE turns it off (Node's own switch).
      fs.rmSync(nodePath.join(tmp, 'node-compile-cache'), { recursive: true, force: true });
      node(CLI, ['check', 'examples/guangzhou'], { TMPDIR: tmp, NODE_DISABLE_COMPILE_CACHE: '1' });
      assert.equal(fs.existsSync(nodePath.join(tmp, 'node-compile-cache')), false);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('sets no V8 flag: none in the sources, none in the bundles the command loads', () => {
    // Node documents flags set after start-up as unpredictable, and a flag a later V8 drops prints an error on every run.
    const sources = filesUnder(nodePath.join(ROOT, 'server', 'src'), (p) => p.endsWith('.ts'));
    const bundles = [CLI, nodePath.join(DIST, 'cli-main.js'), nodePath.join(DIST, 'server.js'), ...filesUnder(nodePath.join(DIST, 'vendor'), (p) => p.endsWith('.js'))];
    assert.ok(sources.length > 50, 'the sources were found');
    const setting = [...sources, ...bundles].filter((p) => fs.readFileSync(p, 'utf8').includes('setFlagsFromString'));
    assert.deepEqual(setting.map((p) => nodePath.relative(ROOT, p)), []);
  });
});
