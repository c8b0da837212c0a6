/**
 * The GitHub Action, run as the runner runs it: the committed bundle, alone in an empty folder,
 * with INPUT_* variables and the runner's files (run-bundle.ts). What a workflow gets from it:
 * annotations, log lines, a job summary, outputs, a SARIF report and the exit status.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import { pathToFileURL } from 'node:url';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { expectations } from '../util/examples';
import { cleanup, ROOT } from '../cli/run-cli';
import { annotated, runAction, workspace, type ActionRun } from './run-bundle';

const BROKEN = 'examples/broken';
const CLEAN = 'examples/guangzhou';
const DOCS = 'https://github.com/pilot-plan/pilot-plan/blob/main/docs/rules/';
const CJK = /[\u4e00-\u9fff]/;

function sarifValidator() {
  const schema = JSON.parse(fs.readFileSync(nodePath.join(ROOT, 'test', 'fixtures', 'sarif', 'sarif-schema-2.1.0.json'), 'utf8'));
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile<any>(schema);
}

/** Annotations by command, for the counts. */
function counts(run: ActionRun): { errors: number; warnings: number; infos: number } {
  const of = (c: string) => run.commands.filter((x) => x.command === c && x.properties.file !== undefined).length;
  return { errors: of('error'), warnings: of('warning'), infos: of('notice') };
}

/** The plain log lines of findings: `severity  path:line:col  message  code`. */
function logFindings(run: ActionRun): string[] {
  return run.stdout
    .split('\n')
    .map((l) => /^(?:error|warning|info|错误|警告|提示) +(\S+):(\d+):\d+ {2}.* {2}([a-z-]+)$/.exec(l))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => `${m[1]}:${m[2]} ${m[3]}`);
}

describe('action: a broken plan (examples/broken, every rule)', () => {
  let ws: string;
  let run: ActionRun;
  const expected = expectations(nodePath.join(ROOT, BROKEN));
  before(() => {
    ws = workspace([BROKEN]);
    run = runAction({ workspace: ws, inputs: { paths: BROKEN, 'fail-on': 'error', 'sarif-file': 'reports/pilot-plan.sarif' } });
  });
  after(() => cleanup(ws));

  it('fails the step with status 1, saying why', () => {
    assert.equal(run.status, 1, run.stdout + run.stderr);
    assert.match(run.stdout, /^The step fails: there are findings at or above `fail-on: error`\.$/m);
  });

  it('annotates every planted finding at its file and line, with its code in the title, and nothing else', () => {
    assert.ok(expected.length >= 60, `the examples plant their findings (${expected.length})`);
    assert.deepEqual(annotated(run).sort(), expected);
    for (const c of run.commands.filter((x) => x.properties.file !== undefined)) {
      assert.ok(['error', 'warning', 'notice'].includes(c.command), c.command);
      assert.match(c.properties.title, /^pilot-plan [a-z-]+$/);
      for (const k of ['line', 'endLine']) assert.match(c.properties[k], /^[1-9]\d*$/, `${k} of ${JSON.stringify(c)}`);
      // GitHub takes columns only for a range on one line.
      if (c.properties.line === c.properties.endLine) for (const k of ['col', 'endColumn']) assert.match(c.properties[k], /^[1-9]\d*$/, `${k} of ${JSON.stringify(c)}`);
      assert.ok(c.message.length > 0);
      assert.ok(fs.existsSync(nodePath.join(ws, c.properties.file)), `annotated at a file of the workspace: ${c.properties.file}`);
    }
  });

  it('prints a plain log line for every finding too (GitHub annotates only 10 errors and 10 warnings a step)', () => {
    assert.deepEqual(logFindings(run).sort(), expected);
    const c = counts(run);
    assert.match(run.stdout, new RegExp(`^${c.errors + c.warnings + c.infos} problems \\(${c.errors} errors, ${c.warnings} warnings, ${c.infos} infos\\) in \\d+ files$`, 'm'));
  });

  it('sets the outputs errors, warnings and infos to the counts', () => {
    const c = counts(run);
    assert.ok(c.errors > 0 && c.warnings > 0 && c.infos > 0, JSON.stringify(c));
    assert.deepEqual(run.outputs, { errors: String(c.errors), warnings: String(c.warnings), infos: String(c.infos) });
  });

  it('writes a job summary: the counts, and a table per file with each rule linked to its page', () => {
    const c = counts(run);
    const s = run.summary;
    assert.match(s, /^## Pilot Plan check$/m);
    assert.ok(s.includes(`**${expected.length} problems** (${c.errors} errors, ${c.warnings} warnings, ${c.infos} infos)`), s.slice(0, 400));
    const files = new Set(expected.map((e) => e.split(':')[0]));
    const headings = [...s.matchAll(/^### `([^`]+)`$/gm)].map((m) => m[1]);
    assert.deepEqual(headings.sort(), [...files].sort());
    assert.equal(s.match(/^\| Line \| Severity \| Rule \| Message \|$/gm)?.length, files.size, 'a table per file');
    const rows = s.split('\n').filter((l) => /^\| \d+:\d+ \|/.test(l));
    assert.equal(rows.length, expected.length, 'a row per finding');
    for (const row of rows) {
      const m = /^\| (\d+):\d+ \| (?:❌ error|⚠️ warning|ℹ️ info) \| \[([a-z-]+)\]\(([^)]+)\) \| .+ \|$/.exec(row);
      assert.ok(m, `a row of line, severity, linked rule and message: ${row}`);
      assert.equal(m[3], `${DOCS}${m[2]}.md`);
      assert.ok(fs.existsSync(nodePath.join(ROOT, 'docs', 'rules', `${m[2]}.md`)), `the rule page of ${m[2]} exists`);
    }
  });

  it('writes a SARIF 2.1.0 report that validates, with a result per finding at the annotated places', () => {
    const file = nodePath.join(ws, 'reports', 'pilot-plan.sarif');
    assert.match(run.stdout, /^SARIF report written to reports\/pilot-plan\.sarif\.$/m);
    const log = JSON.parse(fs.readFileSync(file, 'utf8'));
    const validate = sarifValidator();
    assert.ok(validate(log), JSON.stringify(validate.errors?.slice(0, 5), null, 2));
    const results = log.runs[0].results.map((r: any) => `${decodeURI(r.locations[0].physicalLocation.artifactLocation.uri)}:${r.locations[0].physicalLocation.region.startLine} ${r.ruleId}`);
    assert.deepEqual(results.sort(), expected);
    // Relative to the checkout, as code scanning expects.
    assert.equal(log.runs[0].originalUriBaseIds['%SRCROOT%'].uri, `${pathToFileURL(ws).href}/`);
  });

  it('fail-on: never passes the step on the same findings, still annotating them', () => {
    const r = runAction({ workspace: ws, inputs: { paths: BROKEN, 'fail-on': 'never' } });
    assert.equal(r.status, 0);
    assert.deepEqual(annotated(r).sort(), expected);
    assert.doesNotMatch(r.stdout, /The step fails/);
  });
});

describe('action: fail-on, clean plans, paths', () => {
  let ws: string;
  before(() => {
    ws = workspace([CLEAN, 'examples/broken/orphan']);
  });
  after(() => cleanup(ws));

  it('a clean plan: status 0, no annotations, errors=0, a "no problems" summary', () => {
    const r = runAction({ workspace: ws, inputs: { paths: CLEAN, 'fail-on': 'error' } });
    assert.equal(r.status, 0, r.stdout);
    assert.deepEqual(r.commands, []);
    assert.deepEqual(r.outputs, { errors: '0', warnings: '0', infos: '0' });
    assert.match(r.summary, /^✅ No problems in \d+ files\.$/m);
    assert.match(r.stdout, /^No problems in \d+ files\.$/m);
  });

  it('fail-on is a threshold: warnings fail at warning, not at error', () => {
    const paths = 'examples/broken/orphan';
    const atError = runAction({ workspace: ws, inputs: { paths, 'fail-on': 'error' } });
    assert.equal(atError.status, 0, atError.stdout);
    assert.ok(Number(atError.outputs.warnings) > 0 && atError.outputs.errors === '0', JSON.stringify(atError.outputs));
    assert.equal(runAction({ workspace: ws, inputs: { paths, 'fail-on': 'warning' } }).status, 1);
    assert.equal(runAction({ workspace: ws, inputs: { paths, 'fail-on': 'info' } }).status, 1);
  });

  it('without inputs (the defaults): the whole workspace, failing on errors', () => {
    const r = runAction({ workspace: ws });
    assert.equal(r.status, 0, r.stdout);
    const warnings = r.commands.filter((c) => c.command === 'warning').map((c) => c.properties.file);
    assert.ok(warnings.length > 0 && warnings.every((f) => f.startsWith('examples/broken/orphan/')), warnings.join());
  });

  it('paths: several, on lines and separated by spaces, with a glob', () => {
    const r = runAction({ workspace: ws, inputs: { paths: `${CLEAN}\n  examples/broken/orph*  \n`, 'fail-on': 'warning' } });
    assert.equal(r.status, 1);
    assert.ok(r.commands.some((c) => c.properties.file?.startsWith('examples/broken/orphan/')), r.stdout);
    assert.match(r.stdout, /in \d+ files$/m);
    const single = runAction({ workspace: ws, inputs: { paths: CLEAN } });
    const both = runAction({ workspace: ws, inputs: { paths: `${CLEAN} examples/broken/orphan` } });
    const files = (x: ActionRun) => Number(/in (\d+) files?\.?$/m.exec(x.stdout)?.[1]);
    assert.ok(files(both) > files(single), `${files(both)} > ${files(single)}`);
  });

  it('annotation paths are relative to GITHUB_WORKSPACE, with /, whatever the working directory', () => {
    const r = runAction({ workspace: ws, cwd: nodePath.join(ws, 'examples'), inputs: { paths: 'broken/orphan' } });
    const files = r.commands.map((c) => c.properties.file);
    assert.ok(files.length > 0 && files.every((f) => f.startsWith('examples/broken/orphan/')), files.join());
    const noWorkspace = runAction({ workspace: ws, cwd: nodePath.join(ws, 'examples'), inputs: { paths: 'broken/orphan' }, env: { GITHUB_WORKSPACE: undefined } });
    const relative = noWorkspace.commands.map((c) => c.properties.file);
    assert.ok(relative.length > 0 && relative.every((f) => f.startsWith('broken/orphan/')), relative.join());
  });

  it('a path that does not exist: status 2 and an ::error:: naming it; the other paths are still checked', () => {
    const r = runAction({ workspace: ws, inputs: { paths: `${CLEAN} no/such/folder` } });
    assert.equal(r.status, 2);
    const errors = r.commands.filter((c) => c.command === 'error' && !c.properties.file);
    assert.deepEqual(
      errors.map((c) => c.message),
      ['pilot-plan: no/such/folder: no such file or folder, and no file matches it as a pattern.'],
    );
    assert.deepEqual(r.outputs, { errors: '0', warnings: '0', infos: '0' });
    assert.match(r.summary, /^### Problems with the inputs$/m);
    assert.match(r.summary, /no\/such\/folder/);
  });
});

describe('action: bad inputs', () => {
  let ws: string;
  before(() => {
    ws = workspace([CLEAN]);
  });
  after(() => cleanup(ws));

  it('an unknown fail-on: status 2 and a clear ::error::, nothing checked, no outputs', () => {
    const r = runAction({ workspace: ws, inputs: { 'fail-on': 'errors' } });
    assert.equal(r.status, 2);
    assert.equal(r.stdout, '::error::pilot-plan: The input `fail-on` must be one of error, warning, info, never, not `errors`.\n');
    assert.deepEqual(r.outputs, {});
    assert.match(r.summary, /The input `fail-on` must be one of/);
  });

  it('an unknown locale: status 2, said in the environment’s language', () => {
    const r = runAction({ workspace: ws, inputs: { locale: 'fr' }, env: { LANG: 'zh_CN.UTF-8' } });
    assert.equal(r.status, 2);
    assert.equal(r.stdout, '::error::pilot-plan: 输入项 `locale` 只能是 en 或 zh-CN，而不是 `fr`。\n');
  });

  it('a SARIF file that cannot be written, an output file that cannot: status 2 with ::error::, never a stack trace', () => {
    const sarif = runAction({ workspace: ws, inputs: { paths: CLEAN, 'sarif-file': `${CLEAN}/plan.pilot.yaml/report.sarif` } });
    assert.equal(sarif.status, 2);
    assert.ok(sarif.commands.some((c) => c.command === 'error' && /^pilot-plan: examples\/guangzhou\/plan\.pilot\.yaml\/report\.sarif: cannot write the report \([A-Z]+\)\.$/.test(c.message)), sarif.stdout);
    const output = runAction({ workspace: ws, inputs: { paths: CLEAN }, env: { GITHUB_OUTPUT: ws } });
    assert.equal(output.status, 2);
    assert.ok(output.commands.some((c) => c.command === 'error' && /^pilot-plan: GITHUB_OUTPUT \(.+\): cannot write \(EISDIR\)\.$/.test(c.message)), output.stdout);
  });

  it('a sarif-file that is a plan file, a file checked or a symbolic link: status 2 with ::error::, nothing written', () => {
    const plan = fs.readFileSync(nodePath.join(ws, CLEAN, 'plan.pilot.yaml'), 'utf8');
    fs.mkdirSync(nodePath.join(ws, 'elsewhere'), { recursive: true });
    fs.writeFileSync(nodePath.join(ws, 'elsewhere', 'file'), 'precious\n');
    fs.symlinkSync('elsewhere/file', nodePath.join(ws, 'linked.sarif'));
    try {
      const cases: [string, RegExp][] = [
        [`${CLEAN}/plan.pilot.yaml`, /pilot plan file or configuration file/],
        [`${CLEAN}/pilot-plan.config.yaml`, /pilot plan file or configuration file/],
        ['linked.sarif', /symbolic link/],
      ];
      for (const [file, why] of cases) {
        const r = runAction({ workspace: ws, inputs: { paths: CLEAN, 'sarif-file': file } });
        assert.equal(r.status, 2, r.stdout);
        const errors = r.commands.filter((c) => c.command === 'error' && c.properties.file === undefined);
        assert.equal(errors.length, 1, r.stdout);
        assert.ok(errors[0].message.startsWith(`pilot-plan: ${file}: the report is not written`), errors[0].message);
        assert.match(errors[0].message, why);
        assert.doesNotMatch(r.stdout, /SARIF report written/);
      }
      assert.equal(fs.readFileSync(nodePath.join(ws, CLEAN, 'plan.pilot.yaml'), 'utf8'), plan);
      assert.equal(fs.readFileSync(nodePath.join(ws, 'elsewhere', 'file'), 'utf8'), 'precious\n');
      const named = runAction({ workspace: ws, inputs: { paths: 'elsewhere/file', 'sarif-file': 'elsewhere/file' } });
      assert.equal(named.status, 2, named.stdout);
      assert.ok(named.commands.some((c) => c.command === 'error' && /the report is not written: this file is one of the files checked/.test(c.message)), named.stdout);
      assert.equal(fs.readFileSync(nodePath.join(ws, 'elsewhere', 'file'), 'utf8'), 'precious\n');
    } finally {
      fs.rmSync(nodePath.join(ws, 'linked.sarif'));
      fs.rmSync(nodePath.join(ws, 'elsewhere'), { recursive: true });
    }
  });
});

describe('action: languages', () => {
  let ws: string;
  before(() => {
    ws = workspace(['examples/broken/schema', 'examples/broken/orphan']);
  });
  after(() => cleanup(ws));

  it('locale: zh-CN gives Chinese messages, log and summary', () => {
    const r = runAction({ workspace: ws, inputs: { locale: 'zh-CN' } });
    assert.equal(r.status, 1);
    const messages = r.commands.filter((c) => c.properties.file).map((c) => c.message);
    assert.ok(messages.length > 0 && messages.every((m) => CJK.test(m)), messages.join('\n'));
    assert.match(r.summary, /^## 试点方案检查结果$/m);
    assert.match(r.summary, /^\| 行 \| 级别 \| 规则 \| 说明 \|$/m);
    assert.match(r.summary, /个文件中共 \*\*\d+ 个问题\*\*（\d+ 个错误，\d+ 个警告，0 个提示）/);
    assert.match(r.summary, /\| ❌ 错误 \|/);
    assert.match(r.stdout, /^错误 {2}examples\/broken\/schema\/plan\.pilot\.yaml:\d+:\d+ {2}/m);
    assert.match(r.stdout, /^步骤失败：/m);
  });

  it('without the input, the language comes from the environment as for the CLI; the input wins over it', () => {
    const fromEnv = runAction({ workspace: ws, env: { LANG: 'zh_CN.UTF-8' } });
    assert.match(fromEnv.summary, /^## 试点方案检查结果$/m);
    const english = runAction({ workspace: ws, inputs: { locale: 'en' }, env: { LANG: 'zh_CN.UTF-8' } });
    assert.match(english.summary, /^## Pilot Plan check$/m);
    assert.ok(english.commands.every((c) => !CJK.test(c.message.replace(/`[^`]*`/g, ''))), 'English messages');
  });
});

/** A plan whose file name and message carry every character a workflow command must escape. */
const HOSTILE_NAME = 'x::a,b:c%25\r\nz.pilot.yaml';
const HOSTILE_PLAN = `apiVersion: pilot-plan/v1
kind: Plan
id: TEST
pilot:
  name: 测试市
  type: city
  province: 广东省
baseYear: 2020
targetYears: [2025, 2030]
"k%0A\\r\\n::,y": 1
`;

describe('action: escaping', () => {
  let ws: string;
  let run: ActionRun;
  before(() => {
    ws = workspace([], { [`plans/${HOSTILE_NAME}`]: HOSTILE_PLAN });
    run = runAction({ workspace: ws, inputs: { paths: 'plans', 'sarif-file': 'out.sarif' } });
  });
  after(() => cleanup(ws));

  it('%, CR, LF, : and , in a path and a message reach the runner intact', () => {
    assert.equal(run.status, 1, run.stdout);
    const found = run.commands.filter((c) => c.properties.file !== undefined);
    assert.equal(found.length, 1, run.stdout);
    const [c] = found;
    assert.equal(c.command, 'error');
    assert.equal(c.properties.file, `plans/${HOSTILE_NAME}`);
    assert.equal(c.properties.line, '10');
    assert.equal(c.properties.title, 'pilot-plan schema');
    assert.ok(c.message.includes('unknown key `k%0A\r\n::,y`'), c.message);
  });

  it('every finding stays on its own lines: no raw line break, and no line but a command starts with ::', () => {
    const lines = run.stdout.split('\n').filter(Boolean);
    assert.ok(!run.stdout.includes('\r'), 'no raw carriage return');
    // The log line, the summary sentence, the annotation, where the SARIF report went and why the step fails.
    assert.equal(lines.length, 5, run.stdout);
    assert.equal(lines.filter((l) => l.trimStart().startsWith('::')).length, 1, run.stdout);
    assert.ok(lines.some((l) => l.startsWith('error  plans/x::a,b:c%25\\r\\nz.pilot.yaml:10:1  ') && l.includes('`k%0A\\r\\n::,y`')), run.stdout);
  });

  it('the summary and the SARIF report are still well-formed', () => {
    const rows = run.summary.split('\n').filter((l) => /^\| \d+:\d+ \|/.test(l));
    assert.equal(rows.length, 1, run.summary);
    assert.equal(rows[0].split(/(?<!\\)\|/).length, 6, rows[0]);
    const log = JSON.parse(fs.readFileSync(nodePath.join(ws, 'out.sarif'), 'utf8'));
    const validate = sarifValidator();
    assert.ok(validate(log), JSON.stringify(validate.errors?.slice(0, 5), null, 2));
    const [result] = log.runs[0].results;
    assert.equal(decodeURIComponent(result.locations[0].physicalLocation.artifactLocation.uri), `plans/${HOSTILE_NAME}`);
    assert.ok(result.message.text.includes('`k%0A\r\n::,y`'));
  });
});
