/**
 * Every --format of `pilot-plan check`, run as CI runs it (the built CLI as a
 * child process), on the broken examples and on a clean one.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { RULE_CODES } from '../../server/src/engine/findings';
import { version } from '../../package.json';
import { check, cleanup, cli, cliJson, findAll, parseXml, ROOT, tempTree, type JsonReport } from './run-cli';

const BROKEN = 'examples/broken';
const CLEAN = 'examples/guangzhou';
const DOCS = 'https://github.com/pilot-plan/pilot-plan/blob/main/docs/rules/';
const SEVERITIES = ['error', 'warning', 'info'];

function sarifValidator() {
  const schemaPath = nodePath.join(ROOT, 'test', 'fixtures', 'sarif', 'sarif-schema-2.1.0.json');
  const schema = JSON.parse(fs.readFileSync(schemaPath, 'utf8'));
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile<any>(schema);
}

let brokenCache: JsonReport | undefined;
/** The json report of examples/broken, run once for the tests that compare other formats with it. */
function brokenReport(): JsonReport {
  return (brokenCache ??= cliJson([BROKEN]).report);
}

/** Findings of a report, flattened, as `path:line:col:code`. */
function keysOf(report: JsonReport): string[] {
  return report.files.flatMap((f) => f.findings.map((x) => `${f.path}:${x.line}:${x.column}:${x.endLine}:${x.endColumn}:${x.code}:${x.severity}`));
}

/** A plan whose messages carry characters every format must escape, on a line with Chinese and an emoji. */
const HOSTILE_PLAN = `apiVersion: pilot-plan/v1
kind: Plan
id: TEST
pilot:
  name: 测试市
  type: city
  province: 广东省
baseYear: 2020
targetYears: [2025, 2030]
"x<&>\\"'|%:,y": 1
tasks:
  - { id: T-1, title: "😀推进能源转型", area: energy-transition, lead: 市发展改革委, indicators: [IND-X] }
`;
const HOSTILE_NAME = 'a,b:c%.pilot.yaml';

describe('cli: --format json (docs/format.md)', () => {
  let broken: ReturnType<typeof cliJson>;
  before(() => {
    broken = cliJson([BROKEN]);
  });

  it('has exactly the keys docs/format.md gives', () => {
    const { report } = broken;
    assert.deepEqual(Object.keys(report), ['files', 'summary']);
    assert.deepEqual(Object.keys(report.summary), ['files', 'errors', 'warnings', 'infos']);
    assert.ok(report.files.length > 0);
    for (const f of report.files) {
      assert.deepEqual(Object.keys(f), ['path', 'findings']);
      assert.equal(typeof f.path, 'string');
      for (const x of f.findings) {
        assert.deepEqual(Object.keys(x), ['code', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn']);
        assert.ok((RULE_CODES as readonly string[]).includes(x.code), `unknown code ${x.code}`);
        assert.ok(SEVERITIES.includes(x.severity), x.severity);
        assert.ok(x.message.length > 0);
        for (const n of [x.line, x.column, x.endLine, x.endColumn]) assert.ok(Number.isInteger(n) && n >= 1, `positions count from 1: ${JSON.stringify(x)}`);
        assert.ok(x.endLine > x.line || (x.endLine === x.line && x.endColumn >= x.column), `range ends before it starts: ${JSON.stringify(x)}`);
      }
    }
  });

  it('paths are relative to the working directory, with /', () => {
    for (const f of broken.report.files) {
      assert.ok(f.path.startsWith(`${BROKEN}/`), f.path);
      assert.ok(!f.path.includes('\\') && !f.path.startsWith('./'), f.path);
      assert.ok(fs.existsSync(nodePath.join(ROOT, f.path)), f.path);
    }
  });

  it('lists every plan file found, each once, and counts them in the summary', () => {
    const { report } = broken;
    const paths = report.files.map((f) => f.path);
    assert.equal(new Set(paths).size, paths.length);
    for (const p of paths.filter((p) => /\.pilot\.ya?ml$/.test(p))) assert.ok(fs.statSync(nodePath.join(ROOT, p)).isFile());
    const onDisk: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(nodePath.join(ROOT, dir), { withFileTypes: true })) {
        if (e.isDirectory()) walk(`${dir}/${e.name}`);
        else if (/\.pilot\.ya?ml$/.test(e.name)) onDisk.push(`${dir}/${e.name}`);
      }
    };
    walk(BROKEN);
    assert.deepEqual(paths.filter((p) => /\.pilot\.ya?ml$/.test(p)).sort(), onDisk.sort());
    assert.equal(report.summary.files, report.files.length);
  });

  it('the summary counts the findings', () => {
    const { report } = broken;
    const all = report.files.flatMap((f) => f.findings);
    assert.equal(report.summary.errors, all.filter((x) => x.severity === 'error').length);
    assert.equal(report.summary.warnings, all.filter((x) => x.severity === 'warning').length);
    assert.equal(report.summary.infos, all.filter((x) => x.severity === 'info').length);
    assert.ok(report.summary.errors > 0);
    assert.equal(broken.result.status, 1);
  });

  it('a clean plan: every file listed without findings, exit 0', () => {
    const { result, report } = cliJson([CLEAN]);
    assert.equal(result.status, 0);
    assert.ok(report.files.length >= 2);
    for (const f of report.files) assert.deepEqual(f.findings, []);
    assert.deepEqual(report.summary, { files: report.files.length, errors: 0, warnings: 0, infos: 0 });
    assert.equal(result.stderr, '');
  });

  it('columns count UTF-16 code units from 1 (Chinese and an emoji before the range)', () => {
    const dir = tempTree({ 'plan.pilot.yaml': HOSTILE_PLAN });
    try {
      const { report } = cliJson(['.'], { cwd: dir });
      const x = report.files[0].findings.find((f) => f.code === 'unresolved-reference');
      assert.ok(x, JSON.stringify(report));
      const line = HOSTILE_PLAN.split('\n')[x.line - 1];
      assert.equal(line.slice(x.column - 1, x.endColumn - 1), 'IND-X');
      assert.equal(x.line, 12);
      assert.equal(x.column, line.indexOf('IND-X') + 1);
    } finally {
      cleanup(dir);
    }
  });
});

describe('cli: --format sarif', () => {
  const validate = sarifValidator();
  let log: any;
  let json: JsonReport;
  before(() => {
    const r = check([BROKEN, '--format', 'sarif']);
    assert.equal(r.status, 1);
    log = JSON.parse(r.stdout);
    json = brokenReport();
  });

  it('validates against the SARIF 2.1.0 schema (broken and clean)', () => {
    assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
    const clean = JSON.parse(check([CLEAN, '-f', 'sarif']).stdout);
    assert.ok(validate(clean), JSON.stringify(validate.errors, null, 2));
    assert.deepEqual(clean.runs[0].results, []);
  });

  it('one run; the driver names the tool and lists every rule', () => {
    assert.equal(log.version, '2.1.0');
    assert.match(log.$schema, /sarif-schema-2\.1\.0\.json$/);
    assert.equal(log.runs.length, 1);
    const run = log.runs[0];
    const driver = run.tool.driver;
    assert.equal(driver.name, 'pilot-plan');
    assert.equal(driver.version, version);
    assert.match(driver.informationUri, /^https:\/\//);
    assert.deepEqual(
      driver.rules.map((r: any) => r.id),
      [...RULE_CODES],
    );
    for (const r of driver.rules) {
      assert.ok(r.name && !r.name.includes('-'), r.name);
      assert.ok(r.shortDescription.text.length > 0);
      assert.ok(r.fullDescription.text.length > 0);
      assert.equal(r.helpUri, `${DOCS}${r.id}.md`);
      assert.ok(['error', 'warning', 'note', 'none'].includes(r.defaultConfiguration.level));
    }
    assert.equal(driver.rules.find((r: any) => r.id === 'orphan').defaultConfiguration.level, 'warning');
    assert.equal(driver.rules.find((r: any) => r.id === 'not-in-plan').defaultConfiguration.level, 'note');
    assert.equal(driver.rules.find((r: any) => r.id === 'schema').defaultConfiguration.level, 'error');
    assert.equal(run.columnKind, 'utf16CodeUnits');
    assert.match(run.originalUriBaseIds['%SRCROOT%'].uri, /^file:\/\/.*\/$/);
  });

  it('one result per finding, at the same places as the json report', () => {
    const results = log.runs[0].results;
    const rules = log.runs[0].tool.driver.rules;
    const level: Record<string, string> = { error: 'error', warning: 'warning', info: 'note' };
    const fromSarif = results.map((r: any) => {
      assert.equal(rules[r.ruleIndex].id, r.ruleId);
      assert.equal(r.locations.length, 1);
      const loc = r.locations[0].physicalLocation;
      assert.equal(loc.artifactLocation.uriBaseId, '%SRCROOT%');
      assert.ok(!loc.artifactLocation.uri.includes('\\') && !loc.artifactLocation.uri.startsWith('/'));
      assert.ok(r.message.text.length > 0);
      assert.equal(typeof Object.values(r.partialFingerprints)[0], 'string');
      const g = loc.region;
      const sev = Object.keys(level).find((k) => level[k] === r.level);
      return `${decodeURIComponent(loc.artifactLocation.uri)}:${g.startLine}:${g.startColumn}:${g.endLine}:${g.endColumn}:${r.ruleId}:${sev}`;
    });
    assert.deepEqual(fromSarif, keysOf(json));
    const messages = json.files.flatMap((f) => f.findings.map((x) => x.message));
    assert.deepEqual(
      results.map((r: any) => r.message.text),
      messages,
    );
  });

  it('fingerprints are stable from run to run and distinct within a run', () => {
    const again = JSON.parse(check([BROKEN, '-f', 'sarif']).stdout);
    const fp = (l: any) => l.runs[0].results.map((r: any) => JSON.stringify(r.partialFingerprints));
    assert.deepEqual(fp(again), fp(log));
    assert.equal(new Set(fp(log)).size, fp(log).length);
  });

  it('a file name with reserved characters is a valid URI reference; Chinese messages stay valid', () => {
    const dir = tempTree({ [HOSTILE_NAME]: HOSTILE_PLAN });
    try {
      const r = check(['.', '-f', 'sarif', '--locale', 'zh-CN'], { cwd: dir });
      const l = JSON.parse(r.stdout);
      assert.ok(validate(l), JSON.stringify(validate.errors, null, 2));
      const uri = l.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri;
      assert.equal(decodeURIComponent(uri), HOSTILE_NAME);
      assert.ok(!uri.includes('%.') && !uri.includes(','), uri);
      assert.match(l.runs[0].results.map((x: any) => x.message.text).join(''), /[\u4e00-\u9fff]/);
      assert.equal(l.runs[0].language, 'zh-CN');
    } finally {
      cleanup(dir);
    }
  });
});

describe('cli: --format junit', () => {
  it('is well-formed XML with one test case per file and the counts', () => {
    const r = check([BROKEN, '--format', 'junit']);
    assert.equal(r.status, 1);
    assert.match(r.stdout, /^<\?xml version="1\.0" encoding="UTF-8"\?>\n/);
    const json = brokenReport();
    const root = parseXml(r.stdout);
    const suites = findAll(root, 'testsuite');
    assert.equal(suites.length, 1);
    const cases = findAll(root, 'testcase');
    assert.deepEqual(
      cases.map((c) => c.attrs.name),
      json.files.map((f) => f.path),
    );
    for (const c of cases) assert.equal(c.attrs.classname, 'pilot-plan');
    const failing = json.files.filter((f) => f.findings.some((x) => x.severity !== 'info'));
    assert.equal(suites[0].attrs.tests, String(json.files.length));
    assert.equal(suites[0].attrs.failures, String(failing.length));
    assert.equal(findAll(root, 'failure').length, failing.length);
    for (const c of cases) {
      const f = json.files.find((x) => x.path === c.attrs.name)!;
      const bad = f.findings.filter((x) => x.severity !== 'info');
      const failure = c.children.find((e) => e.name === 'failure');
      if (!bad.length) {
        assert.equal(failure, undefined);
        continue;
      }
      assert.ok(failure, `no failure for ${f.path}`);
      assert.match(failure.attrs.message, /\d/);
      const lines = failure.text.split('\n');
      assert.equal(lines.length, bad.length);
      bad.forEach((x, i) => assert.equal(lines[i], `${x.line}:${x.column} ${x.severity} ${x.message} (${x.code})`));
    }
  });

  it('infos go to <system-out>, not to a failure', () => {
    const dir = tempTree({ 'loose.pilot.yaml': 'apiVersion: pilot-plan/v1\nkind: Tasks\ntasks: []\n' });
    try {
      const r = check(['.', '-f', 'junit'], { cwd: dir });
      assert.equal(r.status, 0);
      const root = parseXml(r.stdout);
      assert.equal(findAll(root, 'failure').length, 0);
      const out = findAll(root, 'system-out');
      assert.equal(out.length, 1);
      assert.match(out[0].text, /^1:1 info .*\(not-in-plan\)$/);
      assert.equal(findAll(root, 'testsuite')[0].attrs.failures, '0');
    } finally {
      cleanup(dir);
    }
  });

  it('escapes markup in names and messages; Chinese stays UTF-8', () => {
    const dir = tempTree({ [HOSTILE_NAME]: HOSTILE_PLAN });
    try {
      for (const locale of ['en', 'zh-CN']) {
        const r = check(['.', '-f', 'junit', '--locale', locale], { cwd: dir });
        const root = parseXml(r.stdout);
        const c = findAll(root, 'testcase')[0];
        assert.equal(c.attrs.name, HOSTILE_NAME);
        const failure = findAll(root, 'failure')[0];
        assert.ok(failure.text.includes(`x<&>"'|%:,y`), failure.text);
        if (locale === 'zh-CN') {
          assert.match(r.stdout, /[\u4e00-\u9fff]/);
          assert.ok(!r.stdout.includes('&#x4'), 'Chinese is written as UTF-8, not as character references');
        }
      }
    } finally {
      cleanup(dir);
    }
  });

  it('a clean plan: test cases without failures', () => {
    const r = check([CLEAN, '-f', 'junit']);
    assert.equal(r.status, 0);
    const root = parseXml(r.stdout);
    assert.equal(findAll(root, 'failure').length, 0);
    assert.ok(findAll(root, 'testcase').length >= 2);
    assert.equal(findAll(root, 'testsuite')[0].attrs.failures, '0');
  });
});

describe('cli: --format github', () => {
  const COMMAND = /^::(error|warning|notice) file=([^,:\r\n]+),line=(\d+)(?:,col=(\d+))?,endLine=(\d+)(?:,endColumn=(\d+))?,title=pilot-plan ([a-z-]+)::([^\r\n]+)$/;

  it('one workflow command per finding', () => {
    const r = check([BROKEN, '--format', 'github']);
    assert.equal(r.status, 1);
    const json = brokenReport();
    const lines = r.stdout.split('\n');
    assert.equal(lines.pop(), '');
    const kind: Record<string, string> = { error: 'error', warning: 'warning', notice: 'info' };
    const fromGithub = lines.map((l) => {
      const m = COMMAND.exec(l);
      assert.ok(m, `not a workflow command: ${l}`);
      const [, cmd, file, line, col, endLine, endColumn, code, message] = m;
      assert.ok(message.length > 0);
      if (col === undefined) assert.notEqual(line, endLine, 'columns are left out only for a multi-line range');
      return { key: `${file}:${line}:${code}:${kind[cmd]}`, col, endColumn, message };
    });
    const fromJson = json.files.flatMap((f) => f.findings.map((x) => ({ key: `${f.path}:${x.line}:${x.code}:${x.severity}`, x })));
    assert.deepEqual(
      fromGithub.map((g) => g.key),
      fromJson.map((j) => j.key),
    );
    fromGithub.forEach((g, i) => {
      const x = fromJson[i].x;
      if (g.col !== undefined) {
        assert.equal(Number(g.col), x.column);
        assert.equal(Number(g.endColumn), x.endColumn);
      }
      assert.equal(g.message.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%'), x.message);
    });
  });

  it('escapes data and property values as GitHub requires', () => {
    const dir = tempTree({ [HOSTILE_NAME]: HOSTILE_PLAN });
    try {
      const r = check(['.', '-f', 'github'], { cwd: dir });
      const lines = r.stdout.trim().split('\n');
      for (const l of lines) assert.match(l, COMMAND);
      assert.ok(lines[0].startsWith('::error file=a%2Cb%3Ac%25.pilot.yaml,line=10,'), lines[0]);
      assert.ok(lines[0].includes('`x<&>"\'|%25:,y`'), lines[0]);
    } finally {
      cleanup(dir);
    }
  });

  it('infos are notices, warnings warnings', () => {
    const w = check(['examples/broken/orphan', '-f', 'github']).stdout;
    assert.match(w, /^::warning file=examples\/broken\/orphan\/plan\.pilot\.yaml,/m);
    const dir = tempTree({ 'loose.pilot.yaml': 'apiVersion: pilot-plan/v1\nkind: Tasks\ntasks: []\n' });
    try {
      assert.equal(check(['.', '-f', 'github'], { cwd: dir }).stdout, '::notice file=loose.pilot.yaml,line=1,col=1,endLine=1,endColumn=11,title=pilot-plan not-in-plan::' + cliJson(['.'], { cwd: dir }).report.files[0].findings[0].message.replace(/%/g, '%25') + '\n');
    } finally {
      cleanup(dir);
    }
  });

  it('a clean plan prints nothing', () => {
    const r = check([CLEAN, '-f', 'github']);
    assert.equal(r.status, 0);
    assert.equal(r.stdout, '');
  });
});

describe('cli: --format markdown', () => {
  it('a heading, a summary line and a table per file with findings, rules linked', () => {
    const r = check([BROKEN, '--format', 'markdown']);
    assert.equal(r.status, 1);
    const json = brokenReport();
    const md = r.stdout;
    assert.match(md, /^## Pilot Plan check\n\n/);
    const s = json.summary;
    assert.ok(md.includes(`(${s.errors} error`), md.slice(0, 300));
    const withFindings = json.files.filter((f) => f.findings.length);
    assert.equal((md.match(/^### /gm) ?? []).length, withFindings.length);
    assert.equal((md.match(/^\| Line \| Severity \| Rule \| Message \|$/gm) ?? []).length, withFindings.length);
    const rows = md.split('\n').filter((l) => /^\| \d+:\d+ \|/.test(l));
    const all = json.files.flatMap((f) => f.findings);
    assert.equal(rows.length, all.length);
    rows.forEach((row, i) => {
      assert.ok(row.includes(`[${all[i].code}](${DOCS}${all[i].code}.md)`), row);
      assert.ok(row.startsWith(`| ${all[i].line}:${all[i].column} |`), row);
      assert.equal(row.split(/(?<!\\)\|/).length, 6, `a row has four cells: ${row}`);
    });
    for (const f of withFindings) assert.ok(md.includes(`### \`${f.path}\``), f.path);
  });

  it('escapes | in cells', () => {
    const dir = tempTree({ 'plan.pilot.yaml': HOSTILE_PLAN });
    try {
      const md = check(['.', '-f', 'markdown'], { cwd: dir }).stdout;
      const row = md.split('\n').find((l) => l.includes('x<&>'))!;
      assert.ok(row.includes('x<&>"\'\\|%:,y'), row);
      assert.equal(row.split(/(?<!\\)\|/).length, 6, row);
    } finally {
      cleanup(dir);
    }
  });

  it('bilingual: Chinese headings with --locale zh-CN', () => {
    const md = check(['examples/broken/orphan', '-f', 'markdown', '--locale', 'zh-CN']).stdout;
    assert.match(md, /^## 试点方案检查结果\n/);
    assert.match(md, /^\| 行 \| 级别 \| 规则 \| 说明 \|$/m);
    assert.match(md, /个警告/);
  });

  it('a clean plan: a "no problems" line', () => {
    const r = check([CLEAN, '-f', 'markdown']);
    assert.equal(r.status, 0);
    assert.match(r.stdout, /^## Pilot Plan check\n\n.*No problems in \d+ files\.\n$/);
    assert.ok(!r.stdout.includes('|'));
    const zh = check([CLEAN, '-f', 'markdown', '--locale', 'zh-CN']).stdout;
    assert.match(zh, /均未发现问题/);
  });
});

describe('cli: --format stylish (the default)', () => {
  it('groups by file, no colour when piped, a summary line', () => {
    const r = check([BROKEN]);
    assert.equal(r.status, 1);
    assert.ok(!r.stdout.includes('\u001b['), 'no ANSI colour when stdout is not a terminal');
    assert.match(r.stdout, /^examples\/broken\/.+\.pilot\.ya?ml$/m);
    assert.match(r.stdout, /^ {2}\d+:\d+ +error +.+ {2}[a-z-]+$/m);
    assert.match(r.stdout, /✖ \d+ problems \(\d+ errors, \d+ warnings?, \d+ infos?\) in \d+ files\n$/);
    assert.ok(check([BROKEN, '--color']).stdout.includes('\u001b['));
  });

  it('a clean plan', () => {
    const r = check([CLEAN]);
    assert.equal(r.status, 0);
    assert.match(r.stdout, /^No problems in \d+ files\.\n$/);
  });
});
