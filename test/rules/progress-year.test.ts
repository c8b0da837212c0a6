import * as assert from 'node:assert/strict';
import { checkMemory, summary, MINIMAL_PLAN } from '../util/plan';
import { applyFix, checkTree, fixesOf } from '../util/fixes';

const only = { only: ['progress-year'] };
const progress = (year: string) => `apiVersion: pilot-plan/v1\nkind: Progress\nyear: ${year}\ntasks:\n  - { id: T-1, status: on-track }\n`;

describe('progress-year', () => {
  it('passes years from baseYear to the horizon, one file each', () => {
    const f = checkMemory({ 'plan.pilot.yaml': MINIMAL_PLAN, 'p2020.pilot.yaml': progress('2020'), 'p2025.pilot.yaml': progress('2025'), 'sub/p2030.pilot.yaml': progress('2030') }, only);
    assert.deepEqual(summary(f), []);
  });

  it('reports a year before baseYear and after the horizon, on the value of year', () => {
    const f = checkMemory({ 'plan.pilot.yaml': MINIMAL_PLAN, 'early.pilot.yaml': progress('2019'), 'late.pilot.yaml': progress('2031') }, only);
    assert.deepEqual(summary(f), ['progress-year@early.pilot.yaml:3', 'progress-year@late.pilot.yaml:3']);
    const early = f.find((x) => x.file === 'early.pilot.yaml')!;
    assert.deepEqual([early.column, early.endColumn, early.severity], [7, 11, 'error']);
    assert.equal(early.message, "This Progress file reports on 2019, before the plan's base year 2020. A plan's progress starts from its base year: correct `year`.");
    assert.match(f.find((x) => x.file === 'late.pilot.yaml')!.message, /after the plan's horizon 2030 \(the last of `targetYears`, as no `horizon` is set\)/);
  });

  it('takes an explicit horizon, and says nothing of the default', () => {
    const plan = MINIMAL_PLAN.replace('targetYears: [2025, 2030]\n', 'targetYears: [2025, 2030]\nhorizon: 2035\n');
    assert.deepEqual(summary(checkMemory({ 'plan.pilot.yaml': plan, 'p.pilot.yaml': progress('2035') }, only)), []);
    const f = checkMemory({ 'plan.pilot.yaml': plan, 'p.pilot.yaml': progress('2036') }, { ...only, locale: 'zh-CN' });
    assert.equal(f[0].message, '本进展文件的报告年度为 2036 年，晚于方案期限 2035 年。请更正 `year`，或在方案主文件中延长 `horizon`。');
  });

  it('reports two files for one year on each, with the other as a related place', () => {
    const f = checkMemory({ 'plan.pilot.yaml': MINIMAL_PLAN, 'a.pilot.yaml': progress('2023'), 'b.pilot.yaml': progress('2023'), 'c.pilot.yaml': progress('2024') }, only);
    assert.deepEqual(summary(f), ['progress-year@a.pilot.yaml:3', 'progress-year@b.pilot.yaml:3']);
    assert.match(f[0].message, /^The plan has 2 Progress files for 2023: this one and `b\.pilot\.yaml`\./);
    const c = checkTree({ '/p/plan.pilot.yaml': MINIMAL_PLAN, '/p/a.pilot.yaml': progress('2023'), '/p/b.pilot.yaml': progress('2023') });
    const finding = c.findings.get('/p/a.pilot.yaml')!.find((x) => x.code === 'progress-year')!;
    assert.deepEqual(finding.data?.related?.map((r) => r.file), ['/p/b.pilot.yaml']);
  });

  it('does not judge a plan\'s years it does not have, a year that is not a whole number, or a file under no plan', () => {
    const noYears = MINIMAL_PLAN.replace('baseYear: 2020\ntargetYears: [2025, 2030]\n', '');
    assert.deepEqual(summary(checkMemory({ 'plan.pilot.yaml': noYears, 'p.pilot.yaml': progress('1990') }, only)), []);
    assert.deepEqual(summary(checkMemory({ 'plan.pilot.yaml': MINIMAL_PLAN, 'p.pilot.yaml': progress('"2019"'), 'q.pilot.yaml': progress('2019.5') }, only)), []);
    assert.deepEqual(summary(checkMemory({ 'p.pilot.yaml': progress('1990'), 'q.pilot.yaml': progress('1990') }, only)), []);
  });

  it('fixes: a free year within the plan\'s years, which clears the finding', () => {
    const tree = { '/p/plan.pilot.yaml': MINIMAL_PLAN, '/p/a.pilot.yaml': progress('2023'), '/p/b.pilot.yaml': progress('2023'), '/p/c.pilot.yaml': progress('2024'), '/p/d.pilot.yaml': progress('2019'), '/p/e.pilot.yaml': progress('2020') };
    const c = checkTree(tree);
    const titles = (file: string) => fixesOf(c, c.findings.get(file)!.find((x) => x.code === 'progress-year')!).map((x) => x.title);
    // 2024 is taken: the nearest free years are 2025 and 2022.
    assert.deepEqual(titles('/p/a.pilot.yaml'), ['Set `year` to 2025', 'Set `year` to 2022']);
    // 2020, the base year, is taken: no fix.
    assert.deepEqual(titles('/p/d.pilot.yaml'), []);
    const fixed = applyFix(tree, fixesOf(c, c.findings.get('/p/b.pilot.yaml')!.find((x) => x.code === 'progress-year')!)[0]);
    assert.match(fixed['/p/b.pilot.yaml'], /^year: 2025$/m);
    const after = checkTree(fixed);
    assert.equal([...after.findings.values()].flat().filter((x) => x.code === 'progress-year').length, 1, 'only the 2019 file is left');
    // At the horizon, no year after it: only the one before.
    const atHorizon = checkTree({ '/p/plan.pilot.yaml': MINIMAL_PLAN, '/p/a.pilot.yaml': progress('2030'), '/p/b.pilot.yaml': progress('2030') });
    assert.deepEqual(fixesOf(atHorizon, atHorizon.findings.get('/p/a.pilot.yaml')!.find((x) => x.code === 'progress-year')!).map((x) => x.title), ['Set `year` to 2029']);
    const late = checkTree({ '/p/plan.pilot.yaml': MINIMAL_PLAN, '/p/x.pilot.yaml': progress('2040') });
    assert.deepEqual(fixesOf(late, late.findings.get('/p/x.pilot.yaml')!.find((x) => x.code === 'progress-year')!).map((x) => x.title), ['Set `year` to 2030']);
  });
});
