import * as assert from 'node:assert/strict';
import { checkMemory, summary, MINIMAL_PLAN } from '../util/plan';

const only = { only: ['peak-year'] };
const withPeak = (peak: string) => MINIMAL_PLAN.replace('targetYears: [2025, 2030]\n', `targetYears: [2025, 2030]\npeak:\n${peak}`);

describe('peak-year', () => {
  it('passes a peak in or before 2030, or no peak at all', () => {
    assert.deepEqual(summary(checkMemory({ 'plan.pilot.yaml': MINIMAL_PLAN }, only)), []);
    for (const y of [2025, 2028, 2030]) {
      assert.deepEqual(summary(checkMemory({ 'plan.pilot.yaml': withPeak(`  year: ${y}\n  level: { value: 1.6, unit: 亿tCO2 }\n`) }, only)), [], String(y));
    }
  });
  it('reports a peak year after 2030 on the year', () => {
    const f = checkMemory({ 'plan.pilot.yaml': withPeak('  level: { value: 1.6, unit: 亿tCO2 }\n  year: 2032\n') }, only);
    assert.deepEqual(summary(f), ['peak-year@plan.pilot.yaml:12']);
    assert.deepEqual([f[0].line, f[0].column, f[0].endLine, f[0].endColumn], [12, 9, 12, 13]);
    assert.equal(f[0].severity, 'warning');
    assert.match(f[0].message, /`peak.year` is 2032, after 2030\. China aims to peak CO2 emissions before 2030.*2030 or earlier/);
  });
  it('in flow style too', () => {
    const plan = MINIMAL_PLAN.replace('baseYear: 2020\n', 'baseYear: 2020\npeak: { year: 2031 }\n');
    assert.deepEqual(summary(checkMemory({ 'plan.pilot.yaml': plan }, only)), ['peak-year@plan.pilot.yaml:9']);
  });
  it('is silenced by a comment on the line above', () => {
    const f = checkMemory({ 'plan.pilot.yaml': withPeak('  # pilot-plan-disable-next-line peak-year\n  year: 2035\n') }, only);
    assert.deepEqual(summary(f), []);
  });
  it('checks the Plan file of a nested plan too', () => {
    const f = checkMemory({ 'plan.pilot.yaml': MINIMAL_PLAN, 'park/plan.pilot.yaml': withPeak('  year: 2040\n') }, only);
    assert.deepEqual(summary(f), ['peak-year@park/plan.pilot.yaml:11']);
  });
  it('ignores peak in files that are not Plan files', () => {
    const f = checkMemory({ 'plan.pilot.yaml': MINIMAL_PLAN, 't.pilot.yaml': 'apiVersion: pilot-plan/v1\nkind: Tasks\npeak: { year: 2040 }\ntasks: []\n' }, only);
    assert.deepEqual(summary(f), []);
  });
  it('robust: wrong types do not throw', () => {
    for (const p of ['  year: "2035"\n', '  year: [2035]\n', '  year: null\n', '  year: .inf\n', '  - 2035\n', '  2035\n']) {
      assert.deepEqual(summary(checkMemory({ 'plan.pilot.yaml': withPeak(p) }, only)), [], p);
    }
    assert.deepEqual(summary(checkMemory({ 'plan.pilot.yaml': '[1, 2]\n' }, only)), []);
  });
  it('speaks Chinese', () => {
    const f = checkMemory({ 'plan.pilot.yaml': withPeak('  year: 2032\n') }, { ...only, locale: 'zh-CN' });
    assert.match(f[0].message, /达峰年份 `peak.year` 为 2032 年，晚于 2030 年。我国力争 2030 年前实现碳达峰/);
  });
});
