/**
 * `pilot-plan check` as a process: exit statuses, paths, standard input,
 * --output, locales, help and version. Runs the built CLI (dist/cli.js).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import { version } from '../../package.json';
import { MINIMAL_PLAN } from '../util/plan';
import { toPosix } from '../../server/src/engine/display-path';
import { spawn, spawnSync } from 'node:child_process';
import { assertNoStack, check, cleanup, cli, CLI, cliJson, englishEnv, ROOT, tempTree } from './run-cli';

const BROKEN = 'examples/broken';
const CLEAN = 'examples/guangzhou';
const ENERGY = 'examples/guangzhou/tasks/energy.pilot.yaml';
const LOOSE = 'apiVersion: pilot-plan/v1\nkind: Tasks\ntasks: []\n';
const CJK = /[\u4e00-\u9fff]/;

/** One usage-error line on stderr, naming the problem, pointing to --help. */
function assertUsageError(r: { status: number | null; stderr: string; stdout: string }, pattern: RegExp) {
  assert.equal(r.status, 2, r.stderr);
  assert.match(r.stderr, pattern);
  assert.match(r.stderr, /^pilot-plan[:：]/);
  assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
  assert.equal(r.stdout, '');
}

describe('cli: exit statuses and --fail-on', () => {
  it('0 for a clean plan, 1 for errors (default --fail-on error)', () => {
    assert.equal(check([CLEAN]).status, 0);
    assert.equal(check([BROKEN]).status, 1);
    assert.equal(check([BROKEN, '--fail-on', 'error']).status, 1);
  });

  it('warnings fail only with --fail-on warning or info', () => {
    const dir = 'examples/broken/orphan';
    const { report } = cliJson([dir]);
    assert.ok(report.summary.warnings > 0 && report.summary.errors === 0, JSON.stringify(report.summary));
    assert.equal(check([dir]).status, 0);
    assert.equal(check([dir, '--fail-on', 'warning']).status, 1);
    assert.equal(check([dir, '--fail-on', 'info']).status, 1);
    assert.equal(check([dir, '--fail-on', 'never']).status, 0);
  });

  it('infos fail only with --fail-on info', () => {
    const dir = tempTree({ 'loose.pilot.yaml': LOOSE });
    try {
      const { report } = cliJson(['.'], { cwd: dir });
      assert.deepEqual(report.summary, { files: 1, errors: 0, warnings: 0, infos: 1 });
      assert.equal(check(['.'], { cwd: dir }).status, 0);
      assert.equal(check(['.', '--fail-on', 'warning'], { cwd: dir }).status, 0);
      assert.equal(check(['.', '--fail-on', 'info'], { cwd: dir }).status, 1);
    } finally {
      cleanup(dir);
    }
  });

  it('--fail-on never: 0 even with errors, the report still printed', () => {
    const r = check([BROKEN, '--fail-on', 'never', '-f', 'json']);
    assert.equal(r.status, 0);
    assert.ok(JSON.parse(r.stdout).summary.errors > 0);
  });

  it('2 for an unknown option, a bad --format, --fail-on or --locale value, an option without its value', () => {
    assertUsageError(check([CLEAN, '--bogus']), /unknown option `--bogus`/);
    assertUsageError(check([CLEAN, '--format', 'xml']), /--format must be one of stylish, json, sarif, junit, github, markdown, not `xml`/);
    assertUsageError(check([CLEAN, '--fail-on', 'warnings']), /--fail-on must be one of/);
    assertUsageError(check([CLEAN, '--locale', 'fr']), /--locale must be en or zh-CN/);
    assertUsageError(check([CLEAN, '--format']), /--format` needs a value/);
    assertUsageError(check([CLEAN, '--stdin-filename', ENERGY]), /--stdin-filename goes with `-`/);
    assertUsageError(cli(['frobnicate']), /unknown command `frobnicate`/);
  });

  it('2 for a missing path; the other files are still checked and reported', () => {
    const r = check(['no/such/folder', CLEAN, '-f', 'json']);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /no\/such\/folder: no such file or folder/);
    const report = JSON.parse(r.stdout);
    assert.ok(report.files.length >= 2);
    assert.ok(report.files.every((f: { path: string }) => f.path.startsWith(`${CLEAN}/`)));
    // Findings do not hide the usage problem, and vice versa.
    const both = check(['nope.pilot.yaml', BROKEN]);
    assert.equal(both.status, 2);
    assert.match(both.stdout, /error/);
    assert.match(both.stderr, /nope\.pilot\.yaml/);
  });

  it('2 for a glob that matches nothing', () => {
    const r = check(['examples/*/nothing-*.pilot.yaml', CLEAN]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /nothing-\*\.pilot\.yaml: .*pattern/);
  });

  it('2 for a folder named like a plan file; its contents are still checked', () => {
    const dir = tempTree({ 'plan.pilot.yaml': MINIMAL_PLAN, 'odd/folder.pilot.yaml/tasks.pilot.yaml': LOOSE }, ['odd/empty.pilot.yml']);
    try {
      const r = check(['.', '-f', 'json'], { cwd: dir });
      assert.equal(r.status, 2);
      assert.match(r.stderr, /odd\/folder\.pilot\.yaml: a folder named like a pilot plan file/);
      assert.match(r.stderr, /odd\/empty\.pilot\.yml: a folder named like a pilot plan file/);
      const paths = JSON.parse(r.stdout).files.map((f: { path: string }) => f.path);
      assert.deepEqual(paths.sort(), ['odd/folder.pilot.yaml/tasks.pilot.yaml', 'plan.pilot.yaml']);
      // Named directly.
      const direct = check(['odd/folder.pilot.yaml'], { cwd: dir });
      assert.equal(direct.status, 2);
      assert.match(direct.stderr, /odd\/folder\.pilot\.yaml: a folder named like/);
    } finally {
      cleanup(dir);
    }
  });

  it('2 when a folder holds no plan files', () => {
    const dir = tempTree({ 'readme.md': '# nothing\n', 'other.yaml': 'a: 1\n' });
    try {
      const r = check(['.'], { cwd: dir });
      assert.equal(r.status, 2);
      assert.match(r.stderr, /No pilot plan files/);
    } finally {
      cleanup(dir);
    }
  });
});

describe('cli: paths', () => {
  it('relative to the working directory, with /, from anywhere', () => {
    const sub = cliJson(['broken/orphan'], { cwd: nodePath.join(ROOT, 'examples') }).report;
    assert.ok(sub.files.some((f) => f.path === 'broken/orphan/plan.pilot.yaml'), JSON.stringify(sub.files.map((f) => f.path)));
    const up = cliJson(['../examples/guangzhou'], { cwd: nodePath.join(ROOT, 'test') }).report;
    assert.ok(up.files.length && up.files.every((f) => f.path.startsWith('../examples/guangzhou/')));
    const abs = cliJson([nodePath.join(ROOT, CLEAN)]).report;
    assert.ok(abs.files.every((f) => f.path.startsWith(`${CLEAN}/`)), JSON.stringify(abs.files.map((f) => f.path)));
    const dotted = cliJson([`./${CLEAN}/`]).report;
    assert.deepEqual(
      dotted.files.map((f) => f.path),
      abs.files.map((f) => f.path),
    );
  });

  it('no path: the working directory', () => {
    const a = cliJson([], { cwd: nodePath.join(ROOT, CLEAN) }).report;
    assert.ok(a.files.some((f) => f.path === 'plan.pilot.yaml'));
    assert.ok(a.files.some((f) => f.path === 'tasks/energy.pilot.yaml'));
  });

  it('a file named twice, or by a file and its folder, is checked once', () => {
    const r = cliJson([ENERGY, CLEAN, ENERGY]).report;
    const paths = r.files.map((f) => f.path);
    assert.equal(paths.filter((p) => p === ENERGY).length, 1);
    assert.equal(new Set(paths).size, paths.length);
  });

  it("a file named below a skipped folder is checked with its plan, but the plan's other files do not see it", () => {
    const b = 'apiVersion: pilot-plan/v1\nkind: Tasks\ntasks:\n  - { id: T-2, title: t, area: other, lead: x, indicators: [IND-NM] }\n';
    const x = MINIMAL_PLAN.slice(MINIMAL_PLAN.indexOf('indicators:\n')).replace('IND-1', 'IND-NM');
    const dir = tempTree({ 'p/plan.pilot.yaml': MINIMAL_PLAN, 'p/b.pilot.yaml': b, 'p/node_modules/x.pilot.yaml': `apiVersion: pilot-plan/v1\nkind: Indicators\n${x}` });
    try {
      const codes = (r: ReturnType<typeof cliJson>['report'], path: string) => r.files.find((f) => f.path === path)?.findings.map((f) => `${f.code} ${f.line}:${f.column}`);
      const alone = cliJson(['p/b.pilot.yaml'], { cwd: dir }).report;
      assert.ok(codes(alone, 'p/b.pilot.yaml')!.includes('unresolved-reference 4:61'), JSON.stringify(alone));
      for (const args of [['p/node_modules/x.pilot.yaml', 'p/b.pilot.yaml'], ['p/b.pilot.yaml', 'p/node_modules/x.pilot.yaml'], ['p', 'p/node_modules/x.pilot.yaml']]) {
        const r = cliJson(args, { cwd: dir }).report;
        assert.deepEqual(codes(r, 'p/b.pilot.yaml'), codes(alone, 'p/b.pilot.yaml'), args.join(' '));
        assert.deepEqual(codes(r, 'p/node_modules/x.pilot.yaml'), codes(cliJson(['p/node_modules/x.pilot.yaml'], { cwd: dir }).report, 'p/node_modules/x.pilot.yaml'), args.join(' '));
      }
    } finally {
      cleanup(dir);
    }
  });

  it('globs: plan files they match, folders they match searched, other files left alone', () => {
    const files = cliJson(['examples/broken/*/plan.pilot.yaml']).report.files.map((f) => f.path);
    assert.ok(files.length > 3 && files.every((p) => /^examples\/broken\/[^/]+\/plan\.pilot\.yaml$/.test(p)), JSON.stringify(files));
    const folders = cliJson(['examples/*']).report.files.map((f) => f.path);
    assert.ok(folders.includes(ENERGY) && folders.some((p) => p.startsWith('examples/broken/')), JSON.stringify(folders));
    const yaml = cliJson([`${CLEAN}/**/*.yaml`]);
    assert.equal(yaml.result.status, 0);
    assert.ok(yaml.report.files.every((f) => /\.pilot\.yaml$/.test(f.path)), 'pilot-plan.config.yaml is not checked as a plan file');
  });
});

describe('cli: globs that climb out of the working directory', () => {
  let dir: string;
  before(() => {
    dir = tempTree({ 'g/a/x.pilot.yaml': LOOSE, 'g/b/x.pilot.yaml': LOOSE, 'g/b/deep/y.pilot.yaml': LOOSE, 'g/a/deep/y.pilot.yaml': LOOSE });
  });
  after(() => cleanup(dir));
  const paths = (pattern: string) => {
    const { result, report } = cliJson([pattern], { cwd: nodePath.join(dir, 'g', 'a') });
    assert.equal(result.status, 0, result.stderr);
    return report.files.map((f) => f.path).sort();
  };

  it('`..` in a glob: the working directory\'s own folder is matched too', () => {
    assert.deepEqual(paths('../*/x.pilot.yaml'), ['../b/x.pilot.yaml', 'x.pilot.yaml']);
    assert.deepEqual(paths('./../*/x.pilot.yaml'), ['../b/x.pilot.yaml', 'x.pilot.yaml']);
    assert.deepEqual(paths('../**/y.pilot.yaml'), ['../b/deep/y.pilot.yaml', 'deep/y.pilot.yaml']);
    assert.deepEqual(paths('../*'), ['../b/deep/y.pilot.yaml', '../b/x.pilot.yaml', 'deep/y.pilot.yaml', 'x.pilot.yaml']);
    assert.deepEqual(paths('../../g/*/x.pilot.yaml'), ['../b/x.pilot.yaml', 'x.pilot.yaml']);
  });

  it('an absolute glob', () => {
    assert.deepEqual(paths(`${toPosix(dir)}/g/*/x.pilot.yaml`), ['../b/x.pilot.yaml', 'x.pilot.yaml']);
  });
});

describe('cli: standard input', () => {
  const energy = fs.readFileSync(nodePath.join(ROOT, ENERGY), 'utf8');

  it('`-` with --stdin-filename finds the plan of that path', () => {
    const { result, report } = cliJson(['-', '--stdin-filename', ENERGY], { input: energy });
    assert.equal(result.status, 0, result.stdout);
    assert.equal(report.files.length, 1);
    assert.equal(report.files[0].path, ENERGY);
    assert.deepEqual(report.files[0].findings, []);
  });

  it('checks the text read, not the file on disk', () => {
    const text = energy.replace(/indicators: \[/, 'indicators: [IND-FROM-STDIN, ');
    assert.notEqual(text, energy);
    const { result, report } = cliJson(['-', '--stdin-filename', ENERGY], { input: text });
    assert.equal(result.status, 1);
    const f = report.files[0].findings.filter((x) => x.code === 'unresolved-reference');
    assert.equal(f.length, 1);
    assert.match(f[0].message, /IND-FROM-STDIN/);
    const line = text.split('\n')[f[0].line - 1];
    assert.equal(line.slice(f[0].column - 1, f[0].endColumn - 1), 'IND-FROM-STDIN');
  });

  it('the name is shown relative to the working directory, with /', () => {
    const a = cliJson(['-', '--stdin-filename', `./${ENERGY}`], { input: energy }).report;
    assert.equal(a.files[0].path, ENERGY);
    const b = cliJson(['-', '--stdin-filename', nodePath.join(ROOT, ENERGY)], { input: energy }).report;
    assert.equal(b.files[0].path, ENERGY);
  });

  it('a new file that is not on disk yet still joins its plan', () => {
    const { report } = cliJson(['-', '--stdin-filename', `${CLEAN}/tasks/new.pilot.yaml`], {
      input: 'apiVersion: pilot-plan/v1\nkind: Tasks\ntasks:\n  - id: T-NEW-FROM-STDIN\n    title: 新任务\n    area: other\n    lead: 市发展改革委\n    indicators: [IND-DOES-NOT-EXIST]\n',
    });
    const codes = report.files[0].findings.map((x) => x.code);
    assert.ok(!codes.includes('not-in-plan'), codes.join());
    assert.ok(codes.includes('unresolved-reference'), codes.join());
  });

  it('`-` without a name: <stdin>, checked alone', () => {
    const dir = tempTree({});
    try {
      const { report } = cliJson(['-'], { input: LOOSE, cwd: dir });
      assert.equal(report.files.length, 1);
      assert.equal(report.files[0].path, '<stdin>');
      assert.deepEqual(
        report.files[0].findings.map((x) => x.code),
        ['not-in-plan'],
      );
    } finally {
      cleanup(dir);
    }
  });
});

describe('cli: --output', () => {
  it('writes the report to the file, nothing to stdout, same exit status', () => {
    const dir = tempTree({});
    try {
      const out = nodePath.join(dir, 'reports', 'nested', 'pilot.sarif');
      const r = check([BROKEN, '-f', 'sarif', '--output', out]);
      assert.equal(r.status, 1);
      assert.equal(r.stdout, '');
      const log = JSON.parse(fs.readFileSync(out, 'utf8'));
      assert.equal(log.version, '2.1.0');
    } finally {
      cleanup(dir);
    }
  });

  it('a relative --output is relative to the working directory', () => {
    const dir = tempTree({ 'plan/loose.pilot.yaml': LOOSE });
    try {
      const r = check(['plan', '-f', 'json', '-o', 'out/report.json'], { cwd: dir });
      assert.equal(r.status, 0);
      assert.equal(r.stdout, '');
      const report = JSON.parse(fs.readFileSync(nodePath.join(dir, 'out', 'report.json'), 'utf8'));
      assert.equal(report.files[0].path, 'plan/loose.pilot.yaml');
    } finally {
      cleanup(dir);
    }
  });

  it('a reader that stops early (`| head`): no message, no stack trace, the status of the check', async () => {
    const child = spawn(process.execPath, [CLI, 'check', BROKEN, '--format', 'json'], { cwd: ROOT, env: englishEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy(); // the reader is gone before the report is written
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
    assert.equal(stderr, '');
    assert.equal(status, 1);
  });

  it('a report many times larger than a pipe holds, read slowly, arrives whole before the exit', async () => {
    // The CLI exits as soon as its report is flushed (main.ts): not before.
    // Four files: a file's findings stop at 1,000 (run-rules.ts MAX_FINDINGS_PER_FILE).
    const tasks = (k: number) => Array.from({ length: 900 }, (_, i) => `  - id: T-${k}-${i}\n    title: 任务 ${i}\n`).join('');
    const names = [0, 1, 2, 3].map((k) => `big-${k}.pilot.yaml`);
    const dir = tempTree(Object.fromEntries(names.map((n, k) => [n, `apiVersion: pilot-plan/v1\nkind: Tasks\ntasks:\n${tasks(k)}`])));
    try {
      const file = check([...names, '-f', 'json', '-o', 'report.json'], { cwd: dir });
      const expected = fs.readFileSync(nodePath.join(dir, 'report.json'), 'utf8');
      assert.ok(expected.length > 500_000, `a big report (${expected.length} characters)`);
      const child = spawn(process.execPath, [CLI, 'check', ...names, '-f', 'json'], { cwd: dir, env: englishEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
      child.stdout.pause();
      const chunks: Buffer[] = [];
      child.stdout.on('data', (d: Buffer) => chunks.push(d));
      await new Promise((resolve) => setTimeout(resolve, 300)); // the pipe fills up meanwhile
      child.stdout.resume();
      const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
      assert.equal(Buffer.concat(chunks).toString('utf8'), expected);
      assert.equal(status, file.status);
      assert.equal(status, 1);
    } finally {
      cleanup(dir);
    }
  });

  it('2 with a sentence when standard output cannot take the report', function () {
    if (!fs.existsSync('/dev/full')) this.skip();
    const out = fs.openSync('/dev/full', 'w');
    try {
      const r = spawnSync(process.execPath, [CLI, 'check', CLEAN], { cwd: ROOT, env: englishEnv(), stdio: ['ignore', out, 'pipe'], encoding: 'utf8' });
      assertNoStack({ status: r.status, stdout: '', stderr: r.stderr });
      assert.equal(r.status, 2);
      assert.match(r.stderr, /^pilot-plan: <stdout>: cannot write the report \(ENOSPC\)\.\n$/);
    } finally {
      fs.closeSync(out);
    }
  });

  /** Status 2 and one line on stderr naming the path and why; nothing on stdout. */
  const assertRefused = (r: { status: number | null; stdout: string; stderr: string }, path: string, why: RegExp) => {
    assert.equal(r.status, 2, r.stderr);
    assert.equal(r.stdout, '');
    const lines = r.stderr.trimEnd().split('\n');
    assert.equal(lines.length, 1, r.stderr);
    assert.ok(lines[0].startsWith(`pilot-plan: ${path}: the report is not written`), r.stderr);
    assert.match(lines[0], why);
  };

  it('never overwrites a file being checked: 2, the file unchanged (by any spelling of its path)', () => {
    const dir = tempTree({ 'plan/tasks.pilot.yml': LOOSE, 'notes.yaml': LOOSE });
    try {
      assertRefused(check(['plan', '-o', 'plan/tasks.pilot.yml'], { cwd: dir }), 'plan/tasks.pilot.yml', /pilot plan file/);
      assert.equal(fs.readFileSync(nodePath.join(dir, 'plan', 'tasks.pilot.yml'), 'utf8'), LOOSE);
      // A file named on the command line is checked whatever its name: its path is compared.
      for (const out of ['notes.yaml', './plan/../notes.yaml', nodePath.join(dir, 'notes.yaml')]) {
        assertRefused(check(['notes.yaml', '-o', out], { cwd: dir }), out, /one of the files checked/);
        assert.equal(fs.readFileSync(nodePath.join(dir, 'notes.yaml'), 'utf8'), LOOSE);
      }
      // Standard input named as a file: that file is what the editor holds.
      assertRefused(check(['-', '--stdin-filename', 'notes.yaml', '-o', 'notes.yaml'], { cwd: dir, input: LOOSE }), 'notes.yaml', /one of the files checked/);
      fs.linkSync(nodePath.join(dir, 'notes.yaml'), nodePath.join(dir, 'hard-link.txt'));
      assertRefused(check(['notes.yaml', '-o', 'hard-link.txt'], { cwd: dir }), 'hard-link.txt', /one of the files checked/);
      assert.equal(fs.readFileSync(nodePath.join(dir, 'notes.yaml'), 'utf8'), LOOSE);
    } finally {
      cleanup(dir);
    }
  });

  it('never writes to a pilot plan or configuration file name, even one not checked: 2, nothing made', () => {
    const dir = tempTree({ 'plan/loose.pilot.yaml': LOOSE });
    try {
      for (const out of ['other/new.pilot.yaml', 'new.pilot.yml', 'other/pilot-plan.config.yaml']) {
        assertRefused(check(['plan', '-o', out], { cwd: dir }), out, /pilot plan file or configuration file/);
        assert.ok(!fs.existsSync(nodePath.join(dir, out)), out);
      }
      assert.ok(!fs.existsSync(nodePath.join(dir, 'other')), 'no folder made either');
      const zh = check(['plan', '-o', 'x.pilot.yaml', '--locale', 'zh-CN'], { cwd: dir });
      assert.equal(zh.status, 2);
      assert.match(zh.stderr, /^pilot-plan: x\.pilot\.yaml：未写入报告/);
    } finally {
      cleanup(dir);
    }
  });

  it('never writes through a symbolic link: 2, the file it points to unchanged (or not made)', () => {
    const dir = tempTree({ 'repo/plan/loose.pilot.yaml': LOOSE, 'elsewhere/file': 'precious\n' });
    try {
      fs.symlinkSync('../elsewhere/file', nodePath.join(dir, 'repo', 'pilot-plan.sarif'));
      fs.symlinkSync('../elsewhere/new', nodePath.join(dir, 'repo', 'dangling.sarif'));
      const cwd = nodePath.join(dir, 'repo');
      assertRefused(check(['plan', '-f', 'sarif', '-o', 'pilot-plan.sarif'], { cwd }), 'pilot-plan.sarif', /symbolic link/);
      assert.equal(fs.readFileSync(nodePath.join(dir, 'elsewhere', 'file'), 'utf8'), 'precious\n');
      assertRefused(check(['plan', '-o', 'dangling.sarif'], { cwd }), 'dangling.sarif', /symbolic link/);
      assert.ok(!fs.existsSync(nodePath.join(dir, 'elsewhere', 'new')));
      assert.ok(fs.lstatSync(nodePath.join(cwd, 'pilot-plan.sarif')).isSymbolicLink(), 'the link itself is left alone');
    } finally {
      cleanup(dir);
    }
  });

  it('2 when the report cannot be written', () => {
    const dir = tempTree({ 'a-file': 'x' });
    try {
      const r = check([CLEAN, '-o', nodePath.join(dir, 'a-file', 'report.txt')]);
      assert.equal(r.status, 2);
      assert.match(r.stderr, /cannot write the report \(E[A-Z]+\)/);
    } finally {
      cleanup(dir);
    }
  });
});

describe('cli: start-up', () => {
  // Records every module the CLI requires from dist/vendor (build.mjs: loaded on first use only).
  const HOOK = `const M = require('node:module'); const load = M._load; const seen = [];
M._load = function (request, ...rest) { if (/vendor[\\/]/.test(request)) seen.push(request.replace(/.*vendor[\\/]/, '')); return load.call(this, request, ...rest); };
process.on('exit', () => process.stderr.write('VENDOR ' + JSON.stringify(seen) + '\\n'));`;
  const vendorLoaded = (args: string[]): string[] => {
    const dir = tempTree({ 'hook.cjs': HOOK });
    try {
      const r = spawnSync(process.execPath, ['-r', nodePath.join(dir, 'hook.cjs'), CLI, ...args], { cwd: ROOT, env: englishEnv(), encoding: 'utf8' });
      const line = r.stderr.split('\n').find((l) => l.startsWith('VENDOR '));
      assert.ok(line, r.stderr);
      return JSON.parse(line.slice('VENDOR '.length));
    } finally {
      cleanup(dir);
    }
  };

  it('a check of regular plan files loads none of the libraries in dist/vendor', () => {
    assert.deepEqual(vendorLoaded(['check', CLEAN]), []);
    assert.deepEqual(vendorLoaded(['--version']), []);
  });

  it('loads the glob library for a pattern and the YAML library for a broken file, when they are needed', () => {
    assert.deepEqual(vendorLoaded(['check', 'examples/guang*']), ['tinyglobby.js']);
    assert.ok(vendorLoaded(['check', 'examples/broken/yaml-syntax']).includes('yaml.js'));
  });
});

describe('cli: locale', () => {
  it('--locale zh-CN gives Chinese messages', () => {
    const { report } = cliJson(['examples/broken/unresolved-reference', '--locale', 'zh-CN']);
    const messages = report.files.flatMap((f) => f.findings.map((x) => x.message));
    assert.ok(messages.length > 0);
    for (const m of messages) assert.match(m, CJK, m);
    const stylish = check(['examples/broken/unresolved-reference', '--locale', 'zh-CN']).stdout;
    assert.match(stylish, /错误/);
    assert.match(stylish, /个问题/);
  });

  it('LANG=zh_CN.UTF-8 makes Chinese the default; --locale en wins over it', () => {
    const env = { LANG: 'zh_CN.UTF-8' };
    const zh = cliJson(['examples/broken/unresolved-reference'], { env }).report;
    for (const f of zh.files) for (const x of f.findings) assert.match(x.message, CJK);
    const en = cliJson(['examples/broken/unresolved-reference', '--locale', 'en'], { env }).report;
    for (const f of en.files) for (const x of f.findings) assert.doesNotMatch(x.message, CJK);
    // LC_ALL goes before LANG.
    const lcAll = cliJson(['examples/broken/unresolved-reference'], { env: { LANG: 'zh_CN.UTF-8', LC_ALL: 'C' } }).report;
    for (const f of lcAll.files) for (const x of f.findings) assert.doesNotMatch(x.message, CJK);
  });

  it('usage errors in the locale of the environment', () => {
    const r = check([CLEAN, '--bogus'], { env: { LANG: 'zh_CN.UTF-8' } });
    assertUsageError(r, /未知选项/);
    const m = check(['nope', '--locale', 'zh-CN']);
    assert.equal(m.status, 2);
    assert.match(m.stderr, /不存在/);
  });
});

describe('cli: --help and --version', () => {
  it('--version prints the version of package.json', () => {
    for (const flag of ['--version', '-v']) {
      const r = cli([flag]);
      assert.equal(r.status, 0);
      assert.equal(r.stdout, `${version}\n`);
    }
  });

  it('--help prints the usage, exit 0', () => {
    for (const args of [['--help'], ['-h'], ['help'], ['check', '--help']]) {
      const r = cli(args);
      assert.equal(r.status, 0, args.join(' '));
      assert.match(r.stdout, /pilot-plan check \[PATH…\]/);
      for (const option of ['--format', '--output', '--fail-on', '--locale', '--stdin-filename']) assert.ok(r.stdout.includes(option), option);
      assert.equal(r.stderr, '');
    }
  });

  it('help in Chinese by LANG or --locale', () => {
    assert.match(cli(['--help'], { env: { LANG: 'zh_CN.UTF-8' } }).stdout, /用法/);
    assert.match(check(['--help', '--locale', 'zh-CN']).stdout, /用法/);
  });

  it('no command at all: the usage, exit 2', () => {
    const r = cli([]);
    assert.equal(r.status, 2);
    assert.match(r.stdout, /Usage/);
  });
});

describe('cli: PILOT_PLAN_TIMING', () => {
  it('prints the phases and every rule that ran, slowest first, on stderr; the report is unchanged', () => {
    const plain = cli(['check', 'examples/guangzhou', '--format', 'json']);
    const timed = cli(['check', 'examples/guangzhou', '--format', 'json'], { env: { PILOT_PLAN_TIMING: '1' } });
    assert.equal(timed.status, plain.status);
    assert.deepEqual(JSON.parse(timed.stdout), JSON.parse(plain.stdout));
    assert.equal(plain.stderr, '');
    const lines = timed.stderr.trimEnd().split('\n');
    assert.equal(lines[0], 'pilot-plan timing (ms):');
    for (const phase of ['finding the files', 'reading the files', 'parsing, plans and rules', 'the report', 'in all (after Node started)']) {
      assert.ok(lines.some((l) => /^\s+\d+\.\d\s+/.test(l) && l.endsWith(phase)), `phase ${phase}:\n${timed.stderr}`);
    }
    const rules = lines.slice(lines.indexOf('  by rule (over all files):') + 1).map((l) => /^\s+(\d+\.\d)\s+\d+%\s+(\S+)$/.exec(l));
    assert.ok(rules.every((m) => m), timed.stderr);
    const codes = rules.map((m) => m![2]);
    for (const code of ['schema', 'duplicate-id', 'unresolved-reference', 'year-range']) assert.ok(codes.includes(code), `${code} timed:\n${timed.stderr}`);
    const ms = rules.map((m) => Number(m![1]));
    assert.deepEqual(ms, [...ms].sort((a, b) => b - a), 'slowest first');
  });

  it('prints the memory: the heap, its young generation and the page faults', () => {
    const r = cli(['check', 'examples/guangzhou'], { env: { PILOT_PLAN_TIMING: '1' } });
    assert.equal(r.status, 0, r.stdout + r.stderr);
    const m = /^ {2}memory: heap (\d+\.\d) MB \(young generation (\d+\.\d) MB\), (\d+) page faults$/m.exec(r.stderr);
    assert.ok(m, r.stderr);
    assert.ok(Number(m[1]) > 0 && Number(m[2]) > 0 && Number(m[3]) > 0, r.stderr);
  });

  it('in Chinese with the locale; off for 0, false or empty', () => {
    const zh = cli(['check', 'examples/guangzhou', '--locale', 'zh-CN'], { env: { PILOT_PLAN_TIMING: 'yes' } });
    assert.match(zh.stderr, /^pilot-plan 用时（毫秒）：\n/);
    assert.match(zh.stderr, /各规则（所有文件合计）：/);
    assert.match(zh.stderr, /^ {2}内存：堆 \d+\.\d MB（新生代 \d+\.\d MB），缺页 \d+ 次$/m);
    for (const off of ['0', 'false', '']) assert.equal(cli(['check', 'examples/guangzhou'], { env: { PILOT_PLAN_TIMING: off } }).stderr, '', `PILOT_PLAN_TIMING=${off}`);
  });
});
