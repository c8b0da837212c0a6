/**
 * `pilot-plan check` widened by plan: a `pilot-plan.config.yaml` given as a
 * path checks the plan it configures, and --whole-plans reports every file of
 * the plans of the files given (what the pre-commit hook runs). Runs the built
 * CLI (dist/cli.js).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import { pilotFilesUnder } from '../util/examples';
import { check, cleanup, cli, cliJson, ROOT, tempTree, type JsonReport } from './run-cli';

const LOOSE = 'apiVersion: pilot-plan/v1\nkind: Tasks\ntasks: []\n';
const STRAY = /This configuration belongs to no plan/;

/** Every file of the plan in `dir` (relative to the repository), as the report names them. */
function planFiles(dir: string): string[] {
  return pilotFilesUnder(nodePath.join(ROOT, dir))
    .map((f) => nodePath.relative(ROOT, f).split(nodePath.sep).join('/'))
    .sort();
}

const paths = (report: JsonReport) => report.files.map((f) => f.path).sort();
const found = (report: JsonReport) => report.files.flatMap((f) => f.findings.map((x) => `${f.path}:${x.line} ${x.code}`)).sort();

/** A copy of examples/guangzhou in a temporary folder, with one indicator's ID renamed in indicators.pilot.yaml. */
function guangzhouWithRenamedId(): string {
  const dir = tempTree({});
  fs.cpSync(nodePath.join(ROOT, 'examples', 'guangzhou'), dir, { recursive: true });
  const file = nodePath.join(dir, 'indicators.pilot.yaml');
  const text = fs.readFileSync(file, 'utf8');
  assert.ok(text.includes('id: IND-NONFOSSIL-SHARE'));
  fs.writeFileSync(file, text.replace('id: IND-NONFOSSIL-SHARE', 'id: IND-NONFOSSIL-RATIO'));
  return dir;
}

describe('cli: a pilot-plan.config.yaml given as a path', () => {
  it('checks the plan it configures: every file of it, no usage error', () => {
    const { result, report } = cliJson(['examples/guangzhou/pilot-plan.config.yaml']);
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stderr, '');
    assert.deepEqual(paths(report), planFiles('examples/guangzhou'));
    assert.equal(report.summary.errors + report.summary.warnings + report.summary.infos, 0);
  });

  it('reports what the plan holds, under the severities the configuration sets', () => {
    // investment-total is a warning by default; this plan's configuration raises it to error.
    const dir = 'examples/broken/investment-total';
    const { result, report } = cliJson([`${dir}/pilot-plan.config.yaml`]);
    assert.equal(result.status, 1, result.stderr);
    assert.deepEqual(found(report), [`${dir}/plan.pilot.yaml:16 investment-total`]);
    assert.equal(report.files[0].findings[0].severity, 'error');
    assert.deepEqual(found(report), found(cliJson([dir]).report));
  });

  it("a nested plan's configuration stands for that plan only", () => {
    const { result, report } = cliJson(['examples/broken/orphan/gaoxin-park/pilot-plan.config.yaml']);
    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(paths(report), ['examples/broken/orphan/gaoxin-park/plan.pilot.yaml']);
    assert.deepEqual(found(report), []); // it turns orphan off; the parent plan's orphans are not its own
  });

  it("the configuration's own problems are reported on it", () => {
    const dir = tempTree({ 'plan.pilot.yaml': fs.readFileSync(nodePath.join(ROOT, 'examples/guangzhou/plan.pilot.yaml'), 'utf8'), 'pilot-plan.config.yaml': 'rules:\n  orphon: off\n' });
    try {
      const { result, report } = cliJson(['pilot-plan.config.yaml'], { cwd: dir });
      assert.equal(result.status, 1, result.stderr);
      assert.deepEqual(found(report).filter((f) => f.startsWith('pilot-plan.config.yaml')), ['pilot-plan.config.yaml:2 schema']);
    } finally {
      cleanup(dir);
    }
  });

  it('a configuration in a folder without a Plan file: a not-in-plan info on it, which fails only --fail-on info', () => {
    const dir = tempTree({ 'drafts/pilot-plan.config.yaml': 'rules:\n  orphan: off\n', 'drafts/tasks.pilot.yaml': LOOSE });
    try {
      const { result, report } = cliJson(['drafts/pilot-plan.config.yaml'], { cwd: dir });
      assert.equal(result.status, 0, result.stderr);
      assert.equal(result.stderr, '');
      assert.equal(report.files.length, 1);
      const [f] = report.files[0].findings;
      assert.equal(report.files[0].path, 'drafts/pilot-plan.config.yaml');
      assert.deepEqual([f.code, f.severity, f.line, f.column], ['not-in-plan', 'info', 1, 1]);
      assert.match(f.message, STRAY);
      assert.equal(check(['drafts/pilot-plan.config.yaml', '--fail-on', 'info'], { cwd: dir }).status, 1);
      assert.match(check(['drafts/pilot-plan.config.yaml', '--locale', 'zh-CN'], { cwd: dir }).stdout, /该配置文件不属于任何方案/);
      // Named with other files, it is reported beside them.
      assert.deepEqual(paths(cliJson(['drafts/pilot-plan.config.yaml', 'drafts/tasks.pilot.yaml'], { cwd: dir }).report), ['drafts/pilot-plan.config.yaml', 'drafts/tasks.pilot.yaml']);
    } finally {
      cleanup(dir);
    }
  });

  it('a folder given is searched for pilot files only: its configuration is read by its plan, not checked as a plan file', () => {
    const { result, report } = cliJson(['examples/guangzhou']);
    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(paths(report), planFiles('examples/guangzhou'));
  });
});

describe('cli: --whole-plans', () => {
  it('without it, only the files given are reported: an ID renamed in one file leaves the broken references elsewhere unreported', () => {
    const dir = guangzhouWithRenamedId();
    try {
      const { result, report } = cliJson(['indicators.pilot.yaml'], { cwd: dir });
      assert.equal(result.status, 0, result.stderr);
      assert.deepEqual(paths(report), ['indicators.pilot.yaml']);
    } finally {
      cleanup(dir);
    }
  });

  it('with it, every file of the plan is reported: the references to the old ID fail the check', () => {
    const dir = guangzhouWithRenamedId();
    try {
      const { result, report } = cliJson(['indicators.pilot.yaml', '--whole-plans'], { cwd: dir });
      assert.equal(result.status, 1, result.stderr);
      assert.equal(report.files.length, planFiles('examples/guangzhou').length);
      const renamed = fs.readFileSync(nodePath.join(dir, 'indicators.pilot.yaml'), 'utf8').split('\n').indexOf('  - id: IND-NONFOSSIL-RATIO') + 1;
      assert.ok(renamed > 0);
      assert.deepEqual(found(report), [`indicators.pilot.yaml:${renamed} orphan`, 'tasks/energy.pilot.yaml:11 unresolved-reference', 'tasks/energy.pilot.yaml:22 unresolved-reference']);
      // Every file of the plan, once, however many of them are given.
      const all = cliJson(['--whole-plans', 'tasks/energy.pilot.yaml', 'indicators.pilot.yaml', 'pilot-plan.config.yaml'], { cwd: dir }).report;
      assert.deepEqual(found(all), found(report));
      assert.equal(all.files.length, report.files.length);
    } finally {
      cleanup(dir);
    }
  });

  it('a file under no plan stays alone, with its not-in-plan info; a nested plan stays apart from its parent', () => {
    const loose = cliJson(['--whole-plans', 'examples/broken/not-in-plan/indicators.pilot.yaml']).report;
    assert.deepEqual(found(loose), ['examples/broken/not-in-plan/indicators.pilot.yaml:1 not-in-plan']);
    const nested = cliJson(['--whole-plans', 'examples/broken/orphan/gaoxin-park/plan.pilot.yaml']).report;
    assert.deepEqual(paths(nested), ['examples/broken/orphan/gaoxin-park/plan.pilot.yaml']);
    const parent = cliJson(['--whole-plans', 'examples/broken/orphan/plan.pilot.yaml']).report;
    assert.ok(!paths(parent).some((p) => p.includes('gaoxin-park')), paths(parent).join());
  });

  it('is in the help, in both languages', () => {
    assert.match(cli(['--help']).stdout, /--whole-plans +report every file of the plans/);
    assert.match(cli(['--help'], { env: { LANG: 'zh_CN.UTF-8' } }).stdout, /--whole-plans +报告所给文件所属方案中的全部文件/);
    assert.match(cli(['--help']).stdout, /a pilot-plan\.config\.yaml checks the plan it configures/);
  });
});
