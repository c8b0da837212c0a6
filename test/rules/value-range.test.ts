import * as assert from 'node:assert/strict';
import { checkMemory, summary, MINIMAL_PLAN } from '../util/plan';

const only = { only: ['value-range'] };

/** MINIMAL_PLAN with its indicator from `    type:` (line 19) on replaced. */
function withIndicator(body: string): string {
  return MINIMAL_PLAN.slice(0, MINIMAL_PLAN.indexOf('    type: share')) + body;
}

const indicator = (type: string, baseline: string, targets: string) =>
  withIndicator(`    type: ${type}\n    unit: "%"\n    direction: ${type === 'reduction' ? 'decrease' : 'increase'}\n    baseline: ${baseline}\n    targets:\n${targets}`);

/** A Projects file (line 4: `- id`, 5 name, 6 tasks, 7 first field). */
const projects = (fields: string) => `apiVersion: pilot-plan/v1\nkind: Projects\nprojects:\n  - id: P-1\n    name: 虚拟电厂\n    tasks: [T-1]\n${fields}`;

describe('value-range', () => {
  it('passes percentages in 0–100, both ends included, and non-negative project amounts', () => {
    assert.deepEqual(summary(checkMemory({ 'plan.pilot.yaml': MINIMAL_PLAN }, only)), []);
    const ind = indicator('share', '{ year: 2020, value: 0 }', '      - { year: 2025, value: 50 }\n      - { year: 2030, value: 100 }\n');
    const p = projects('    investment: { value: 0, unit: 亿元 }\n    capacity: { value: 1.5, unit: GW }\n    reduction: { value: 0, unit: 万tCO2/a }\n');
    assert.deepEqual(summary(checkMemory({ 'plan.pilot.yaml': ind, 'projects.pilot.yaml': p }, only)), []);
  });

  it('reports a share target above 100 on the value', () => {
    const f = checkMemory({ 'plan.pilot.yaml': MINIMAL_PLAN.replace('{ year: 2030, value: 25 }', '{ year: 2030, value: 105 }') }, only);
    assert.deepEqual(summary(f), ['value-range@plan.pilot.yaml:25']);
    assert.deepEqual([f[0].line, f[0].column, f[0].endLine, f[0].endColumn], [25, 30, 25, 33]);
    assert.equal(f[0].severity, 'error');
    assert.match(f[0].message, /Indicator `IND-1`: the 2030 target 105% is outside 0–100\. A share indicator is a percentage; correct the value/);
  });

  it('reports a negative baseline and a reduction over 100', () => {
    const f = checkMemory({ 'plan.pilot.yaml': indicator('share', '{ year: 2020, value: -1 }', '      - { year: 2025, value: 20 }\n') }, only);
    assert.deepEqual(summary(f), ['value-range@plan.pilot.yaml:22']);
    assert.match(f[0].message, /the baseline value -1% is outside 0–100/);
    const g = checkMemory({ 'plan.pilot.yaml': indicator('reduction', '{ year: 2020, value: 0 }', '      - { year: 2025, value: 120 }\n      - { year: 2030, value: -5 }\n') }, only);
    assert.deepEqual(summary(g), ['value-range@plan.pilot.yaml:24', 'value-range@plan.pilot.yaml:25']);
    assert.match(g[0].message, /A reduction indicator is a percentage/);
  });

  it('does not judge levels and intensities', () => {
    for (const type of ['level', 'intensity']) {
      const text = indicator(type, '{ year: 2020, value: -3 }', '      - { year: 2025, value: 150 }\n');
      assert.deepEqual(summary(checkMemory({ 'plan.pilot.yaml': text }, only)), [], type);
    }
  });

  it('reports negative project investment, capacity and reduction on each value', () => {
    const p = projects('    investment: { value: -2, unit: 亿元 }\n    capacity:\n      value: -1000\n      unit: MW\n    reduction: { value: -3.5, unit: 万tCO2/a }\n');
    const f = checkMemory({ 'plan.pilot.yaml': MINIMAL_PLAN, 'projects.pilot.yaml': p }, only);
    assert.deepEqual(summary(f), ['value-range@projects.pilot.yaml:11', 'value-range@projects.pilot.yaml:7', 'value-range@projects.pilot.yaml:9']);
    const inv = f.find((x) => x.line === 7)!;
    assert.deepEqual([inv.column, inv.endColumn], [26, 28]);
    assert.match(inv.message, /Project `P-1`: `investment.value` is -2 亿元, but an investment cannot be negative\. Enter 0 or more\./);
    assert.match(f.find((x) => x.line === 9)!.message, /`capacity.value` is -1000 MW, but a capacity cannot be negative/);
  });

  it('reports a negative storage or annual generation, in whatever spelling of unit', () => {
    const p = projects('    storage: { value: -20, unit: 万千瓦时 }\n    generation: { value: -2.4, unit: 亿kWh }\n    capacity: { value: 0, unit: 万千瓦 }\n');
    const f = checkMemory({ 'plan.pilot.yaml': MINIMAL_PLAN, 'projects.pilot.yaml': p }, only);
    assert.deepEqual(summary(f), ['value-range@projects.pilot.yaml:7', 'value-range@projects.pilot.yaml:8']);
    assert.match(f[0].message, /`storage.value` is -20 万千瓦时, but a storage capacity cannot be negative/);
    assert.match(f[1].message, /`generation.value` is -2.4 亿kWh, but an annual generation cannot be negative/);
    const zh = checkMemory({ 'plan.pilot.yaml': MINIMAL_PLAN, 'projects.pilot.yaml': p }, { ...only, locale: 'zh-CN' });
    assert.match(zh[0].message, /`storage.value` 为 -20 万千瓦时，储能容量不能为负数/);
  });

  it('reports a negative investmentTotal in the Plan file, and inline projects', () => {
    const text = MINIMAL_PLAN.replace('baseYear: 2020\n', 'baseYear: 2020\ninvestmentTotal: { value: -5, unit: 亿元 }\n').replace(
      'indicators:\n  - id: IND-1',
      'projects:\n  - id: P-1\n    name: x\n    tasks: [T-1]\n    investment: { value: -1, unit: 万元 }\nindicators:\n  - id: IND-1',
    );
    const f = checkMemory({ 'plan.pilot.yaml': text }, only);
    assert.deepEqual(summary(f), ['value-range@plan.pilot.yaml:21', 'value-range@plan.pilot.yaml:9']);
    assert.match(f.find((x) => x.line === 9)!.message, /Plan `TEST`: `investmentTotal.value` is -5 亿元, but a total investment cannot be negative/);
  });

  it('works in a file under no plan (a file rule)', () => {
    const f = checkMemory({ 'loose/projects.pilot.yaml': projects('    capacity: { value: -1, unit: GW }\n') }, only);
    assert.deepEqual(summary(f), ['value-range@loose/projects.pilot.yaml:7']);
  });

  it('is silenced by a comment on the line above', () => {
    const text = MINIMAL_PLAN.replace('      - { year: 2030, value: 25 }', '      # pilot-plan-disable-next-line value-range\n      - { year: 2030, value: 250 }');
    assert.deepEqual(summary(checkMemory({ 'plan.pilot.yaml': text }, only)), []);
  });

  it('robust: wrong types do not throw and are not judged', () => {
    const cases = [
      indicator('share', '"-5"', '      - { year: 2025, value: "200" }\n      - null\n      - 300\n'),
      indicator('share', '{ year: 2020, value: [1] }', '      - { year: 2025, value: { v: 200 } }\n'),
      indicator('[share]', '{ year: 2020, value: 150 }', '      - { year: 2025, value: 200 }\n'),
      withIndicator('    type: share\n    targets: 300\n    baseline: 150\n'),
    ];
    for (const c of cases) assert.deepEqual(summary(checkMemory({ 'plan.pilot.yaml': c }, only)), [], c);
    const pcases = [
      projects('    investment: -2\n    capacity: [-1]\n    reduction: { value: "-3", unit: tCO2/a }\n'),
      projects('    investment: { value: null }\n    capacity: { value: .nan, unit: GW }\n'),
      'apiVersion: pilot-plan/v1\nkind: Projects\nprojects: { id: P-1, investment: { value: -1 } }\n',
      'apiVersion: pilot-plan/v1\nkind: Projects\nprojects: [null, 5, [1]]\n',
      '- 1\n- 2\n',
    ];
    for (const c of pcases) assert.deepEqual(summary(checkMemory({ 'plan.pilot.yaml': MINIMAL_PLAN, 'p.pilot.yaml': c }, only)), [], c);
    const plan = MINIMAL_PLAN.replace('baseYear: 2020\n', 'baseYear: 2020\ninvestmentTotal: -5\n');
    assert.deepEqual(summary(checkMemory({ 'plan.pilot.yaml': plan }, only)), []);
  });

  it('speaks Chinese', () => {
    const f = checkMemory({ 'plan.pilot.yaml': MINIMAL_PLAN.replace('{ year: 2030, value: 25 }', '{ year: 2030, value: 105 }') }, { ...only, locale: 'zh-CN' });
    assert.match(f[0].message, /指标 `IND-1`：2030 年目标值 105% 超出 0–100 的范围。占比类指标以百分数计/);
    const g = checkMemory({ 'plan.pilot.yaml': MINIMAL_PLAN, 'p.pilot.yaml': projects('    investment: { value: -2, unit: 亿元 }\n') }, { ...only, locale: 'zh-CN' });
    assert.match(g[0].message, /项目 `P-1`：`investment.value` 为 -2 亿元，投资额不能为负数/);
  });
});
