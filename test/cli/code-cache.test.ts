/**
 * dist/cli.js loads the CLI bundle with V8's code cache for `check`
 * (server/src/cli/launch.ts): the report must be the same with and without it,
 * a cache the build wrote must be taken, and a missing, foreign or truncated
 * one must change nothing but the speed, and be written anew.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as nodePath from 'node:path';
import { CLI, ROOT, assertNoStack, englishEnv } from './run-cli';

const DIST = nodePath.dirname(CLI);
const BROKEN = 'examples/broken/unresolved-reference';

/** `node CLI check ARGS --format json` with PILOT_PLAN_CODE_CACHE as given; node options too. */
function run(cli: string, args: string[], opts: { cache?: string; nodeArgs?: string[] } = {}) {
  const env = englishEnv();
  delete env.PILOT_PLAN_CODE_CACHE;
  delete env.NODE_OPTIONS;
  if (opts.cache) env.PILOT_PLAN_CODE_CACHE = opts.cache;
  const r = spawnSync(process.execPath, [...(opts.nodeArgs ?? []), cli, 'check', ...args, '--format', 'json'], { cwd: ROOT, env, encoding: 'utf8', timeout: 20000 });
  assertNoStack({ status: r.status, stdout: r.stdout, stderr: r.stderr });
  assert.equal(r.stderr, '');
  return r;
}

/** A copy of the CLI's two bundles (same times) in a folder of its own, with the libraries it loads on demand. */
function copyOfCli(): { dir: string; cli: string; cache: string } {
  const dir = fs.mkdtempSync(nodePath.join(os.tmpdir(), 'pilot-plan-cache-'));
  for (const f of ['cli.js', 'cli-main.js']) {
    fs.copyFileSync(nodePath.join(DIST, f), nodePath.join(dir, f));
    const { atime, mtime } = fs.statSync(nodePath.join(DIST, f));
    fs.utimesSync(nodePath.join(dir, f), atime, mtime);
  }
  fs.symlinkSync(nodePath.join(DIST, 'vendor'), nodePath.join(dir, 'vendor'));
  return { dir, cli: nodePath.join(dir, 'cli.js'), cache: nodePath.join(dir, 'cli-main.cache') };
}

describe('cli: code cache', () => {
  const expected = () => run(CLI, [BROKEN], { cache: 'off' });

  it('the build wrote a cache that this Node takes: a check does not write it again', () => {
    const cache = nodePath.join(DIST, 'cli-main.cache');
    const before = fs.readFileSync(cache);
    const r = run(CLI, [BROKEN]);
    assert.equal(r.stdout, expected().stdout);
    assert.ok(fs.readFileSync(cache).equals(before), 'the cache was turned down and written again');
  });

  it('a missing, foreign or truncated cache changes nothing in the report, and is written anew', () => {
    const want = expected();
    const { dir, cli, cache } = copyOfCli();
    try {
      // Missing: the first check writes it, and the next takes it as it is.
      assert.equal(run(cli, [BROKEN]).stdout, want.stdout);
      const made = fs.readFileSync(cache);
      assert.match(made.subarray(0, 40).toString('latin1'), /^pilot-plan code cache \d+ /);
      assert.equal(run(cli, [BROKEN]).stdout, want.stdout);
      assert.ok(fs.readFileSync(cache).equals(made));

      // Of another build of the bundle (another size in its header): not read, and replaced.
      const header = made.subarray(0, made.indexOf(10) + 1).toString('latin1');
      const foreign = Buffer.concat([Buffer.from(header.replace(/cache (\d+)/, (_, n) => `cache ${Number(n) + 1}`), 'latin1'), made.subarray(header.length)]);
      fs.writeFileSync(cache, foreign);
      assert.equal(run(cli, [BROKEN]).stdout, want.stdout);
      assert.ok(fs.readFileSync(cache).subarray(0, header.length).equals(Buffer.from(header, 'latin1')));

      // Cut short (V8 turns it down): the same report, and a whole cache again.
      fs.writeFileSync(cache, made.subarray(0, made.length >> 1));
      assert.equal(run(cli, [BROKEN]).stdout, want.stdout);
      assert.ok(fs.readFileSync(cache).length > made.length >> 1);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a run under other V8 options, or with the cache off, writes none', () => {
    const { dir, cli, cache } = copyOfCli();
    try {
      assert.equal(run(cli, [BROKEN], { nodeArgs: ['--stack-size=2000'] }).stdout, expected().stdout);
      assert.equal(run(cli, [BROKEN], { cache: 'off' }).stdout, expected().stdout);
      assert.equal(fs.existsSync(cache), false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('other commands load the bundle without it', () => {
    const { dir, cli, cache } = copyOfCli();
    try {
      const r = spawnSync(process.execPath, [cli, '--version'], { env: englishEnv(), encoding: 'utf8' });
      assert.equal(r.status, 0);
      assert.match(r.stdout, /^\d+\.\d+\.\d+\n$/);
      assert.equal(fs.existsSync(cache), false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
