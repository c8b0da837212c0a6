/**
 * `prepare` as pre-commit meets it when it installs the hook: npm runs it in `npm install` in the
 * clone and again in `npm pack`, whose standard output pre-commit reads as the tarball's name. On a
 * copy of the project's sources (the build tools from the project's node_modules): `npm pack` builds
 * and names its tarball alone on standard output; prepare then builds nothing until a source changes
 * or the bundles are not the packed build's.
 */
import * as assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as nodePath from 'node:path';
import { englishEnv, ROOT } from '../cli/run-cli';

const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
// What the build reads and what the package carries; the copy shares the project's node_modules.
const SOURCES = ['.npmrc', 'bin', 'build.mjs', 'docs', 'LICENSE', 'README.md', 'CHANGELOG.md', 'package.json', 'package-lock.json', 'schemas', 'scripts', 'server', 'tsconfig.json'];

/** npm's own settings from the environment (npm test sets some) would steer the npm under test. */
function cleanEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(englishEnv()).filter(([k]) => !/^npm_/i.test(k)));
}

function run(cmd: string, args: string[], cwd: string): SpawnSyncReturns<string> {
  const r = spawnSync(cmd, args, { cwd, env: cleanEnv(), encoding: 'utf8', timeout: 120000 });
  if (r.error) throw r.error;
  return r;
}

describe('prepare: the build npm runs when pre-commit installs the hook', function () {
  this.timeout(300000);
  let work: string;
  let copy: string;
  const bundle = () => nodePath.join(copy, 'dist', 'cli-main.js');
  const prepare = () => run(process.execPath, ['scripts/prepare.mjs'], copy);

  before(() => {
    const generated = nodePath.join(ROOT, 'server', 'src', 'generated'); // written by the build
    work = fs.mkdtempSync(nodePath.join(os.tmpdir(), 'pilot-plan-prepare-'));
    copy = nodePath.join(work, 'project');
    fs.mkdirSync(copy);
    for (const entry of SOURCES) {
      const from = nodePath.join(ROOT, entry);
      if (fs.existsSync(from)) fs.cpSync(from, nodePath.join(copy, entry), { recursive: true, filter: (p) => p !== generated });
    }
    fs.symlinkSync(fs.realpathSync(nodePath.join(ROOT, 'node_modules')), nodePath.join(copy, 'node_modules'), 'junction');
  });

  after(() => fs.rmSync(work, { recursive: true, force: true }));

  it('npm pack builds, and prints nothing but the tarball name on standard output', () => {
    const { name, version } = JSON.parse(fs.readFileSync(nodePath.join(copy, 'package.json'), 'utf8')) as { name: string; version: string };
    assert.ok(!fs.existsSync(bundle()));
    const r = run(NPM, ['pack', '--pack-destination', work], copy);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, `${name}-${version}.tgz\n`);
    assert.ok(fs.existsSync(nodePath.join(work, `${name}-${version}.tgz`)));
    assert.ok(fs.existsSync(bundle()), 'prepare built the bundles');
    // Only what the package carries: no client or tests.
    assert.ok(!fs.existsSync(nodePath.join(copy, 'dist', 'client.js')));
    assert.ok(!fs.existsSync(nodePath.join(copy, 'out')));
  });

  it('run again on the same sources, builds nothing', () => {
    const before = fs.statSync(bundle()).mtimeMs;
    const r = prepare();
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /the bundles are up to date/);
    assert.equal(fs.statSync(bundle()).mtimeMs, before);
  });

  it('builds again when a source changed, and when the bundles are not the packed build', () => {
    const usage = nodePath.join(copy, 'server', 'src', 'cli', 'usage.ts');
    fs.appendFileSync(usage, '// changed\n');
    let before = fs.statSync(bundle()).mtimeMs;
    let r = prepare();
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, '');
    assert.doesNotMatch(r.stderr, /up to date/);
    assert.notEqual(fs.statSync(bundle()).mtimeMs, before);
    assert.match(prepare().stderr, /up to date/);

    // An unminified build (build.mjs --dev) in between: the package must not carry it.
    const dev = run(process.execPath, ['build.mjs', '--packed', '--dev', '--quiet'], copy);
    assert.equal(dev.status, 0, dev.stderr);
    before = fs.statSync(bundle()).mtimeMs;
    r = prepare();
    assert.doesNotMatch(r.stderr, /up to date/);
    assert.notEqual(fs.statSync(bundle()).mtimeMs, before);
  });
});
