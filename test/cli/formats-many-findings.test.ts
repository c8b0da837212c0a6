/**
 * Every report format, the action's log lines and its job summary on one file with more
 * findings than a function call takes arguments: nothing may spread a list of findings
 * into a call (`Math.max(...widths)` overflowed the stack at about 125,000 findings).
 */
import * as assert from 'node:assert/strict';
import { jobSummary } from '../../server/src/action/job-summary';
import { logLines } from '../../server/src/action/log-lines';
import { DOCS_BASE, type ReportFile } from '../../server/src/cli/formats/format';
import { FORMATS } from '../../server/src/cli/formats/index';
import { check, cleanup, tempTree } from './run-cli';

/** Far beyond V8's limit on the arguments of one call (about 120,000 on a default stack). */
const MANY = 200_000;

describe('formats: a file with hundreds of thousands of findings', () => {
  const findings = Array.from({ length: MANY }, (_, i) => ({
    code: 'schema',
    severity: i % 3 === 0 ? 'error' : i % 3 === 1 ? 'warning' : 'info',
    message: `m${i}`,
    line: i + 1,
    column: 1 + (i % 100),
    endLine: i + 1,
    endColumn: 2 + (i % 100),
  }));
  const report: ReportFile[] = [{ path: 'many.pilot.yaml', findings }];
  const ctx = { locale: 'en' as const, color: true, version: '0', docsBase: DOCS_BASE, cwd: process.cwd() };

  for (const name of Object.keys(FORMATS)) {
    it(`--format ${name} reports them all`, () => {
      const text = FORMATS[name](report, ctx);
      assert.ok(text.includes(`m${MANY - 1}`), 'the last finding is in the report');
    });
  }

  it("the action's log lines and job summary", () => {
    assert.ok(logLines(report, 'en').includes(`m${MANY - 1}`));
    assert.match(jobSummary(report, [], ctx), /200000 problems/);
  });

  it('the checker on the file of the issue (`tasks: [` and 130,000 commas): no internal error', function () {
    this.timeout(60000);
    const dir = tempTree({ 'b.pilot.yaml': `apiVersion: pilot-plan/v1\nkind: Tasks\ntasks: [${','.repeat(130000)}]\n` });
    try {
      const r = check(['b.pilot.yaml'], { cwd: dir });
      assert.equal(r.status, 1, r.stderr);
      assert.match(r.stdout, /^b\.pilot\.yaml$/m);
      assert.match(r.stdout, /✖ \d+ problems/);
    } finally {
      cleanup(dir);
    }
  });
});
