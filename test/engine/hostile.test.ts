/**
 * Hostile input through the built checker: every file gets a finding, nothing
 * crashes or hangs, no stack trace reaches the user, and a folder named like
 * a plan file gives exit status 2 while the other files are still checked.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { repoRoot } from '../util/plan';

const root = repoRoot();
const cli = path.join(root, 'dist', 'cli.js');
const hostile = path.join(root, 'test', 'fixtures', 'hostile');

function check(args: string[]) {
  const t0 = Date.now();
  const r = spawnSync(process.execPath, [cli, 'check', '--format', 'json', ...args], { cwd: root, encoding: 'utf8', timeout: 120_000, maxBuffer: 64 << 20 });
  return { ...r, ms: Date.now() - t0, json: r.stdout ? JSON.parse(r.stdout) : undefined };
}

describe('hostile input', function () {
  this.timeout(180_000);
  let tmp: string;
  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pilot-hostile-'));
    spawnSync(process.execPath, [path.join(hostile, 'make-huge.mjs'), path.join(tmp, 'huge.pilot.yaml'), '--mb', '30'], { stdio: 'ignore' });
    spawnSync(process.execPath, [path.join(hostile, 'make-huge.mjs'), path.join(tmp, 'one-line.pilot.yaml'), '--mb', '12', '--mode', 'line'], { stdio: 'ignore' });
    spawnSync(process.execPath, [path.join(hostile, 'make-deep.mjs'), tmp, '--block-depth', '3000', '--flow-depth', '100000'], { stdio: 'ignore' });
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('the fixture folder: a finding for every file, exit 2 for the folder named like a file, no stack trace', () => {
    const r = check([path.relative(root, hostile)]);
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /folder\.pilot\.yaml: a folder named like a pilot plan file/);
    assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
    const files = r.json.files as { path: string; findings: unknown[] }[];
    const onDisk = fs.readdirSync(hostile).filter((f) => /\.pilot\.ya?ml$/.test(f) && fs.statSync(path.join(hostile, f)).isFile());
    for (const f of onDisk) {
      const entry = files.find((x) => x.path.endsWith(`/${f}`));
      assert.ok(entry, `${f} is reported`);
      assert.ok(entry.findings.length > 0, `${f} has a finding`);
    }
    assert.ok(files.some((x) => x.path.endsWith('folder.pilot.yaml/inner.pilot.yaml')), 'the folder is walked');
  });

  it('generated monsters (30 MB, a 12 MB line, 3,000-deep blocks, 100,000-deep flow) finish with a finding each', () => {
    const r = check([tmp]);
    assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
    assert.ok(r.status === 1, `exit ${r.status}: ${r.stderr}`);
    const files = r.json.files as { path: string; findings: { code: string; message: string }[] }[];
    assert.ok(files.length >= 4, JSON.stringify(files.map((f) => f.path)));
    for (const f of files) assert.ok(f.findings.length > 0, `${f.path} has a finding`);
    const huge = files.find((f) => f.path.endsWith('huge.pilot.yaml'))!;
    assert.match(huge.findings[0].message, /MiB/);
    console.log(`      (${files.length} files in ${r.ms} ms)`);
  });

  it('standard input that is binary gets a finding, not a crash', () => {
    const r = spawnSync(process.execPath, [cli, 'check', '-', '--format', 'json'], { input: Buffer.from([0, 1, 2, 0xff, 0xfe]), encoding: 'utf8', timeout: 30_000 });
    assert.equal(r.status, 1, r.stderr);
    assert.doesNotMatch(r.stderr, /\n\s+at /);
    const json = JSON.parse(r.stdout);
    assert.match(json.files[0].findings[0].message, /binary/);
  });
});
