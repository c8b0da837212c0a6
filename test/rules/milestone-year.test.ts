import * as assert from 'node:assert/strict';
import { checkMemory, summary, MINIMAL_PLAN } from '../util/plan';

const only = { only: ['milestone-year'] };

const indicators = (targets: string) =>
  `apiVersion: pilot-plan/v1\nkind: Indicators\nindicators:\n  - id: IND-2\n    name: 新能源汽车占比\n    type: share\n    unit: "%"\n    direction: increase\n    baseline: { year: 2020, value: 10 }\n    targets:\n${targets}`;

describe('milestone-year', () => {
  it("passes targets in the plan's target years", () => {
    assert.deepEqual(summary(checkMemory({ 'plan.pilot.yaml': MINIMAL_PLAN }, only)), []);
  });

  it('reports a target year that is not a plan target year, on the year, as info', () => {
    const text = MINIMAL_PLAN.replace('{ year: 2025, value: 20 }', '{ year: 2027, value: 20 }');
    const f = checkMemory({ 'plan.pilot.yaml': text }, only);
    assert.deepEqual(summary(f), ['milestone-year@plan.pilot.yaml:24']);
    assert.deepEqual([f[0].line, f[0].column, f[0].endLine, f[0].endColumn], [24, 17, 24, 21]);
    assert.equal(f[0].severity, 'info');
    assert.match(f[0].message, /Indicator `IND-1`: the target year 2027 is not one of the plan's target years \(2025, 2030\)\. .*add 2027 to `targetYears`/);
  });

  it("judges an Indicators file by the plan's target years", () => {
    const f = checkMemory({ 'plan.pilot.yaml': MINIMAL_PLAN, 'ind/i.pilot.yaml': indicators('      - { year: 2025, value: 30 }\n      - { year: 2028, value: 40 }\n') }, only);
    assert.deepEqual(summary(f), ['milestone-year@ind/i.pilot.yaml:12']);
  });

  it('needs the plan to define targetYears', () => {
    const ind = indicators('      - { year: 2028, value: 40 }\n');
    assert.deepEqual(summary(checkMemory({ 'loose.pilot.yaml': ind }, only)), []);
    for (const ty of ['targetYears: []\n', '', 'targetYears: 2030\n']) {
      const plan = MINIMAL_PLAN.replace('targetYears: [2025, 2030]\n', ty);
      assert.deepEqual(summary(checkMemory({ 'plan.pilot.yaml': plan, 'i.pilot.yaml': ind }, only)), [], ty);
    }
  });

  it('is silenced by a comment on the line above', () => {
    const text = MINIMAL_PLAN.replace('      - { year: 2025, value: 20 }', '      # pilot-plan-disable-next-line milestone-year\n      - { year: 2027, value: 20 }');
    assert.deepEqual(summary(checkMemory({ 'plan.pilot.yaml': text }, only)), []);
  });

  it('robust: wrong types do not throw and are not judged', () => {
    for (const t of ['      - { year: "2027", value: 1 }\n      - null\n      - 2027\n', '      - { year: [2027] }\n', '']) {
      assert.deepEqual(summary(checkMemory({ 'plan.pilot.yaml': MINIMAL_PLAN, 'i.pilot.yaml': indicators(t) }, only)), [], t);
    }
    const plan = MINIMAL_PLAN.replace('targetYears: [2025, 2030]', 'targetYears: ["2025", 2030, null]');
    assert.deepEqual(summary(checkMemory({ 'plan.pilot.yaml': plan }, only)), ['milestone-year@plan.pilot.yaml:24']);
  });

  it('speaks Chinese', () => {
    const text = MINIMAL_PLAN.replace('{ year: 2025, value: 20 }', '{ year: 2027, value: 20 }');
    const f = checkMemory({ 'plan.pilot.yaml': text }, { ...only, locale: 'zh-CN' });
    assert.match(f[0].message, /指标 `IND-1`：目标年份 2027 不在方案目标年份（2025、2030）之中/);
  });
});
