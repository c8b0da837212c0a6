/**
 * `pilot-plan report` as users run it (the built dist/cli.js): formats, --output, --locale,
 * the path it takes, and every bad input a sentence and status 2, never a stack. And the
 * checker's bundle without the report's code or ECharts (they load with `report` only).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as nodePath from 'node:path';
import { cli, ROOT } from './run-cli';

describe('pilot-plan report', function () {
  this.timeout(60000);
  let tmp: string;
  before(() => (tmp = fs.mkdtempSync(nodePath.join(os.tmpdir(), 'pilot-plan-report-'))));
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('writes HTML by default, to --output, and says nothing', () => {
    const out = nodePath.join(tmp, 'r.html');
    const r = cli(['report', 'examples/guangzhou', '--output', out, '--locale', 'zh-CN']);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout + r.stderr, '');
    const html = fs.readFileSync(out, 'utf8');
    assert.match(html, /^<!DOCTYPE html>/);
    assert.match(html, /<h1>广州市实施方案报告<\/h1>/);
    assert.equal(html.split('<div class="card">').length - 1, 11);
  });

  it('writes Markdown with --format md, in the locale asked for, to standard output', () => {
    const r = cli(['report', 'examples/shenzhen', '--format', 'md', '--locale', 'en']);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^# Plan report: Shenzhen\n/);
    assert.match(r.stdout, /\n## Indicators and targets\n/);
    assert.match(r.stdout, /```mermaid\ngantt\n/);
  });

  it('takes a file of the plan, or a folder in it, for the plan', () => {
    for (const p of ['examples/guangzhou/tasks/energy.pilot.yaml', 'examples/guangzhou/tasks']) {
      const r = cli(['report', p, '--format', 'md', '--locale', 'zh-CN']);
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stdout, /^# 广州市实施方案报告\n/);
    }
  });

  it('reports a plan with findings, with status 0: a picture, not a gate', () => {
    const r = cli(['report', 'examples/broken/dependency-cycle', '--format', 'md', '--locale', 'en']);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /`dependency-cycle`/);
  });

  const bad: [string, string[], RegExp][] = [
    ['no path', ['report'], /report takes one PATH/],
    ['two paths', ['report', 'examples/guangzhou', 'examples/shenzhen'], /report takes one PATH/],
    ['an unknown format', ['report', 'examples/guangzhou', '--format', 'pdf'], /--format must be html or md, not `pdf`/],
    ['an unknown option', ['report', 'examples/guangzhou', '--fail-on', 'error'], /unknown option `--fail-on`/],
    ['an unknown locale', ['report', 'examples/guangzhou', '--locale', 'fr'], /--locale must be en or zh-CN/],
    ['a path that does not exist', ['report', 'no/such/plan'], /no\/such\/plan: no such file or folder\./],
    ['a folder of several plans', ['report', 'examples'], /examples holds \d+ plans \(.*guangzhou.*\): a report is of one plan/],
    ['a folder with no plan', ['report', 'docs'], /docs: no plan here/],
    ['a report over a plan file', ['report', 'examples/guangzhou', '--output', 'examples/guangzhou/plan.pilot.yaml'], /the report is not written: a pilot plan file/],
  ];
  for (const [what, args, message] of bad) {
    it(`${what}: a sentence and status 2`, () => {
      const before = fs.readFileSync(nodePath.join(ROOT, 'examples/guangzhou/plan.pilot.yaml'), 'utf8');
      const r = cli(args);
      assert.equal(r.status, 2, r.stderr);
      assert.match(r.stderr, message);
      assert.equal(fs.readFileSync(nodePath.join(ROOT, 'examples/guangzhou/plan.pilot.yaml'), 'utf8'), before);
    });
  }

  it('says in Chinese what is wrong, with the locale asked for', () => {
    const r = cli(['report', 'no/such/plan', '--locale', 'zh-CN']);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /no\/such\/plan：文件或目录不存在。/);
  });

  it('is in the help, in both languages', () => {
    assert.match(cli(['--help']).stdout, /pilot-plan report PATH \[options\]/);
    assert.match(cli(['--help'], { env: { LANG: 'zh_CN.UTF-8' } }).stdout, /pilot-plan report 路径 \[选项\]/);
  });

  it('leaves the checker’s bundle without the report, the export, ECharts, docx or exceljs: bundles of their own, loaded by report and export', () => {
    const meta = JSON.parse(fs.readFileSync(nodePath.join(ROOT, 'dist', 'meta.json'), 'utf8')) as { inputs: Record<string, unknown> };
    const inputs = Object.keys(meta.inputs);
    assert.ok(inputs.some((i) => i.includes('server/src/cli/report-command.ts')), 'meta.json is not cli-main.js\'s');
    assert.deepEqual(
      inputs.filter((i) => /node_modules\/(echarts|zrender|docx|exceljs|jszip)\/|server\/src\/engine\/(report|export)\/|(report|export)-run|plan-report/.test(i)),
      [],
    );
    assert.ok(fs.existsSync(nodePath.join(ROOT, 'dist', 'report-run.js')));
    for (const f of ['export-run.js', 'vendor/echarts.js', 'vendor/docx.js', 'vendor/exceljs.js']) assert.ok(fs.existsSync(nodePath.join(ROOT, 'dist', f)), f);
    // export-run.js loads docx and exceljs from dist/vendor, and report-run.js neither.
    assert.match(fs.readFileSync(nodePath.join(ROOT, 'dist', 'export-run.js'), 'utf8'), /vendor\/exceljs\.js/);
    assert.doesNotMatch(fs.readFileSync(nodePath.join(ROOT, 'dist', 'report-run.js'), 'utf8'), /vendor\/(docx|exceljs)\.js/);
  });
});
