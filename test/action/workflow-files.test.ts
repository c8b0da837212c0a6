/** The action's parts that no example plan reaches: heredoc outputs, the summary's size limit, log escapes. */
import * as assert from 'node:assert/strict';
import { jobSummary } from '../../server/src/action/job-summary';
import { outputEntry } from '../../server/src/action/workflow-files';
import { terminalText } from '../../server/src/cli/formats/escape';
import { DOCS_BASE, type ReportFile } from '../../server/src/cli/formats/format';
import { parseOutputFile, parseWorkflowCommand } from './run-bundle';

describe('action: step outputs (GITHUB_OUTPUT)', () => {
  it('a one-line value is name=value', () => {
    assert.equal(outputEntry('errors', '3'), 'errors=3\n');
    assert.deepEqual(parseOutputFile(outputEntry('errors', '3') + outputEntry('infos', '0')), { errors: '3', infos: '0' });
  });

  it('a value with line breaks goes between delimiters the runner reads back intact', () => {
    const value = 'a\nb=c\r\nname<<EOF\nEOF';
    const entry = outputEntry('text', value);
    assert.match(entry, /^text<<ghadelimiter_[0-9a-f-]{36}\n/);
    assert.deepEqual(parseOutputFile(entry + outputEntry('n', '1')), { text: value, n: '1' });
  });
});

describe('action: job summary', () => {
  const ctx = { locale: 'en' as const, color: false, version: '0', docsBase: DOCS_BASE };
  const finding = (line: number) => ({ code: 'schema', severity: 'error', message: 'x'.repeat(200), line, column: 1, endLine: line, endColumn: 2 });
  const report: ReportFile[] = [{ path: 'plan.pilot.yaml', findings: Array.from({ length: 100 }, (_, i) => finding(i + 1)) }];

  it('a report within the limit is the Markdown report whole', () => {
    const text = jobSummary(report, [], ctx);
    assert.equal(text.split('\n').filter((l) => /^\| \d+:\d+ \|/.test(l)).length, 100);
    assert.doesNotMatch(text, /left out/);
  });

  it('a longer one is cut at a row, under the limit, with a note', () => {
    const limit = 5000;
    const text = jobSummary(report, [], ctx, limit);
    assert.ok(Buffer.byteLength(text) < limit + 300, `${Buffer.byteLength(text)} bytes`);
    const rows = text.split('\n').filter((l) => /^\| \d+:\d+ \|/.test(l));
    assert.ok(rows.length > 5 && rows.length < 100, `${rows.length} rows`);
    for (const r of rows) assert.match(r, /\|$/, 'no row is cut in the middle');
    assert.match(text, /\*\*100 problems\*\* \(100 errors, 0 warnings, 0 infos\) in 1 file\./);
    assert.match(text, /The rest of the table is left out/);
  });
});

describe('action: log lines', () => {
  it('line breaks and other control characters are shown as escapes', () => {
    assert.equal(terminalText('a\r\nb\t\u001b[31m\u007f\u009b\u202e'), 'a\\r\\nb\\t\\u001b[31m\\u007f\\u009b\\u202e');
  });

  it('a message cannot smuggle a workflow command onto a line of its own', () => {
    for (const line of terminalText('error  x.pilot.yaml:1:1  key `a\n::error::gotcha`  schema').split('\n')) assert.equal(parseWorkflowCommand(line), undefined, line);
  });

  it("nor a command of the runner's older syntax, which it finds anywhere in a line", () => {
    assert.equal(terminalText('key `##[error]gotcha` and ##[add-mask]x'), 'key `##\\u005berror]gotcha` and ##\\u005badd-mask]x');
  });
});
