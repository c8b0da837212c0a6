/**
 * Symbolic links and the checker (docs/format.md, #plan-discovery): inside a folder no link is
 * followed, by the checker's walks as by plan discovery, so a loop of links cannot make a walk
 * go round and a linked file is no member of a plan, whether its folder or one of its files is
 * checked; a path named on the command line is followed to the file or folder it really is, and
 * a file belongs to the plan of the folder it really is in. Each file is checked once, whatever
 * paths lead to it, and its findings do not depend on what else is checked with it.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import { MINIMAL_PLAN } from '../util/plan';
import { check, cleanup, cliJson, ROOT, tempTree, type JsonReport } from './run-cli';

const TASKS = 'apiVersion: pilot-plan/v1\nkind: Tasks\ntasks: []\n';

/** Each file's findings as `code line:column`, by path. */
function findingsByPath(report: JsonReport): Record<string, string[]> {
  return Object.fromEntries(report.files.map((f) => [f.path, f.findings.map((x) => `${x.code} ${x.line}:${x.column}`)]));
}

describe('cli: symbolic links', function () {
  before(function () {
    // Making a symbolic link on Windows needs a privilege most accounts lack.
    if (process.platform === 'win32') this.skip();
  });

  describe('loops of links', () => {
    let dir: string;
    before(() => {
      dir = tempTree({ 'p/plan.pilot.yaml': MINIMAL_PLAN, 'p/sub/t.pilot.yaml': TASKS });
      fs.symlinkSync('.', nodePath.join(dir, 'p', 'self'));
      fs.symlinkSync('..', nodePath.join(dir, 'p', 'sub', 'up'));
    });
    after(() => cleanup(dir));

    it('a folder linking to itself and one to its parent: the check ends, every file reported once', () => {
      // run-cli's spawnSync has a timeout: a walk that went round in circles would fail here, not hang.
      const { report } = cliJson(['p'], { cwd: dir });
      assert.deepEqual(
        report.files.map((f) => f.path),
        ['p/plan.pilot.yaml', 'p/sub/t.pilot.yaml'],
      );
    });

    it('the same files by any path: a folder named with one below it, through a link, by a glob', () => {
      for (const args of [['p', 'p/sub', 'p/self'], ['p/self/sub/up/self', 'p/sub'], ['p/**'], ['p/*', 'p/sub/*']]) {
        const { report } = cliJson(args, { cwd: dir });
        assert.deepEqual(
          report.files.map((f) => f.path).sort(),
          ['p/plan.pilot.yaml', 'p/sub/t.pilot.yaml'],
          args.join(' '),
        );
      }
    });
  });

  describe('a linked plan file (issue 18, item 13)', () => {
    let dir: string;
    const ENERGY = 'gz/tasks/energy.pilot.yaml';
    before(() => {
      dir = tempTree({});
      fs.cpSync(nodePath.join(ROOT, 'examples', 'guangzhou'), nodePath.join(dir, 'gz'), { recursive: true });
      fs.mkdirSync(nodePath.join(dir, 'elsewhere'));
      fs.renameSync(nodePath.join(dir, 'gz', 'indicators.pilot.yaml'), nodePath.join(dir, 'elsewhere', 'indicators.pilot.yaml'));
      fs.symlinkSync('../elsewhere/indicators.pilot.yaml', nodePath.join(dir, 'gz', 'indicators.pilot.yaml'));
      fs.mkdirSync(nodePath.join(dir, 'outside'));
      fs.symlinkSync(`../${ENERGY}`, nodePath.join(dir, 'outside', 'energy.pilot.yaml'));
      fs.symlinkSync('gz/tasks', nodePath.join(dir, 'tasks-link'));
    });
    after(() => cleanup(dir));

    it('is no member of the plan: its folder checked or one file alone, the same findings', () => {
      const alone = cliJson([ENERGY], { cwd: dir });
      assert.equal(alone.result.status, 1);
      const unresolved = findingsByPath(alone.report)[ENERGY].filter((f) => f.startsWith('unresolved-reference'));
      // every indicator reference of the file: its indicators are behind the link
      assert.equal(unresolved.length, 7, JSON.stringify(alone.report));
      const folder = cliJson(['gz'], { cwd: dir });
      assert.deepEqual(findingsByPath(folder.report)[ENERGY], findingsByPath(alone.report)[ENERGY]);
      assert.ok(!folder.report.files.some((f) => /indicators/.test(f.path)), 'the link is not checked with its folder');
      // A link named like a pilot file that is not followed: said, as a problem with the paths (status 2).
      assert.equal(folder.result.status, 2);
      assert.match(folder.result.stderr, /^pilot-plan: gz\/indicators\.pilot\.yaml: a symbolic link; /m);
    });

    it('named on the command line, it is the file it points to, in the plan (or none) of the folder it is in', () => {
      const link = cliJson(['gz/indicators.pilot.yaml'], { cwd: dir }).report;
      const real = cliJson(['elsewhere/indicators.pilot.yaml'], { cwd: dir }).report;
      assert.deepEqual(link, real);
      assert.deepEqual(
        link.files.map((f) => f.path),
        ['elsewhere/indicators.pilot.yaml'],
      );
      assert.deepEqual(
        findingsByPath(link)['elsewhere/indicators.pilot.yaml'].map((f) => f.split(' ')[0]),
        ['not-in-plan'],
      );
    });

    it("a file's findings do not depend on the link being checked with it", () => {
      const alone = findingsByPath(cliJson([ENERGY], { cwd: dir }).report)[ENERGY];
      const together = findingsByPath(cliJson([ENERGY, 'gz/indicators.pilot.yaml'], { cwd: dir }).report)[ENERGY];
      assert.deepEqual(together, alone);
    });

    it('a link from outside into a plan: not followed in its folder; named, the plan file at its real path', () => {
      const folder = check(['outside', '-f', 'json'], { cwd: dir });
      assert.equal(folder.status, 2);
      assert.match(folder.stderr, /outside\/energy\.pilot\.yaml: a symbolic link; /);
      const named = cliJson(['outside/energy.pilot.yaml'], { cwd: dir }).report;
      assert.deepEqual(named, cliJson([ENERGY], { cwd: dir }).report);
    });

    it('a linked folder named on the command line: its files at their real paths, checked once with the real folder', () => {
      const viaLink = cliJson(['tasks-link'], { cwd: dir }).report;
      const real = cliJson(['gz/tasks'], { cwd: dir }).report;
      assert.deepEqual(viaLink, real);
      const both = cliJson(['tasks-link', 'gz/tasks', 'tasks-link/energy.pilot.yaml'], { cwd: dir }).report;
      assert.deepEqual(both, real);
    });
  });
});
