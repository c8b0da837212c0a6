import * as assert from 'node:assert/strict';
import { checkMemory, summary, MINIMAL_PLAN } from '../util/plan';
import { formatYi } from '../../server/src/engine/rules/investment-total';

const only = { only: ['investment-total'] };
const withTotal = (total: string) => MINIMAL_PLAN.replace('targetYears: [2025, 2030]\n', `targetYears: [2025, 2030]\ninvestmentTotal: ${total}\n`);
const projects = (...investments: (string | undefined)[]) =>
  'apiVersion: pilot-plan/v1\nkind: Projects\nprojects:\n' +
  investments.map((inv, i) => `  - id: P-${i + 1}\n    name: 项目${i + 1}\n    tasks: [T-1]\n` + (inv === undefined ? '' : `    investment: ${inv}\n`)).join('');

describe('investment-total', () => {
  it('passes when the projects add up to investmentTotal, across units', () => {
    const f = checkMemory(
      { 'plan.pilot.yaml': withTotal('{ value: 12.5, unit: 亿元 }'), 'projects.pilot.yaml': projects('{ value: 10, unit: 亿元 }', '{ value: 20000, unit: 万元 }', '{ value: 50000000, unit: 元 }', undefined) },
      only,
    );
    assert.deepEqual(summary(f), []);
  });
  it('passes within 1% of investmentTotal, reports beyond it', () => {
    const ok = checkMemory({ 'plan.pilot.yaml': withTotal('{ value: 100, unit: 亿元 }'), 'projects.pilot.yaml': projects('{ value: 101, unit: 亿元 }') }, only);
    assert.deepEqual(summary(ok), []);
    const low = checkMemory({ 'plan.pilot.yaml': withTotal('{ value: 100, unit: 亿元 }'), 'projects.pilot.yaml': projects('{ value: 98.9, unit: 亿元 }') }, only);
    assert.deepEqual(summary(low), ['investment-total@plan.pilot.yaml:10']);
  });
  it('reports on the value of investmentTotal, with both sums in 亿元', () => {
    const f = checkMemory(
      { 'plan.pilot.yaml': withTotal('{ value: 320, unit: 亿元 }'), 'projects.pilot.yaml': projects('{ value: 200, unit: 亿元 }', '{ value: 620000, unit: 万元 }', undefined) },
      only,
    );
    assert.deepEqual(summary(f), ['investment-total@plan.pilot.yaml:10']);
    // "investmentTotal: { value: 320, unit: 亿元 }": 320 is at column 27
    assert.deepEqual([f[0].line, f[0].column, f[0].endLine, f[0].endColumn], [10, 27, 10, 30]);
    assert.equal(f[0].severity, 'warning');
    assert.equal(
      f[0].message,
      "`investmentTotal` is 320 亿元, but the investments of the 2 projects that state one add up to 262 亿元 (18% less than the total). Correct `investmentTotal`, or the projects' `investment`.",
    );
  });
  it('converts investmentTotal given in 万元', () => {
    const f = checkMemory({ 'plan.pilot.yaml': withTotal('{ value: 1000000, unit: 万元 }'), 'projects.pilot.yaml': projects('{ value: 150, unit: 亿元 }') }, only);
    assert.match(f[0].message, /is 100 亿元.*add up to 150 亿元 \(50% more than the total\)/);
  });
  it('counts inline projects of the Plan file and projects of nested files', () => {
    const plan = withTotal('{ value: 30, unit: 亿元 }') + 'projects:\n  - id: P-9\n    name: 项目\n    tasks: [T-1]\n    investment: { value: 10, unit: 亿元 }\n';
    const f = checkMemory({ 'plan.pilot.yaml': plan, 'a/b/projects.pilot.yaml': projects('{ value: 20, unit: 亿元 }') }, only);
    assert.deepEqual(summary(f), []);
  });
  it('reports a total with no project stating an investment', () => {
    const f = checkMemory({ 'plan.pilot.yaml': withTotal('{ value: 320, unit: 亿元 }') }, only);
    assert.deepEqual(summary(f), ['investment-total@plan.pilot.yaml:10']);
    assert.match(f[0].message, /no project of this plan states an `investment`/);
  });
  it('passes a plan without investmentTotal', () => {
    assert.deepEqual(summary(checkMemory({ 'plan.pilot.yaml': MINIMAL_PLAN, 'projects.pilot.yaml': projects('{ value: 1, unit: 亿元 }') }, only)), []);
  });
  it('skips amounts with units it does not know, negative or non-numeric values', () => {
    const f = checkMemory(
      {
        'plan.pilot.yaml': withTotal('{ value: 10, unit: 亿元 }'),
        'projects.pilot.yaml': projects('{ value: 10, unit: 亿元 }', '{ value: 5, unit: 亿美元 }', '{ value: -3, unit: 亿元 }', '{ value: "5", unit: 亿元 }', '12', '[1, 2]', '{ value: 1 }'),
      },
      only,
    );
    assert.deepEqual(summary(f), []);
    for (const total of ['{ value: 10, unit: 亿美元 }', '{ value: "10", unit: 亿元 }', '10', '{ unit: 亿元 }', '{ value: -1, unit: 亿元 }', 'null']) {
      assert.deepEqual(summary(checkMemory({ 'plan.pilot.yaml': withTotal(total), 'projects.pilot.yaml': projects('{ value: 99, unit: 亿元 }') }, only)), [], total);
    }
  });
  it('robust: malformed projects lists do not throw', () => {
    const bad = 'apiVersion: pilot-plan/v1\nkind: Projects\nprojects:\n  - 7\n  - null\n  - [1]\n  - investment: { value: 5, unit: 亿元 }\n';
    const f = checkMemory({ 'plan.pilot.yaml': withTotal('{ value: 5, unit: 亿元 }'), 'projects.pilot.yaml': bad, 'p2.pilot.yaml': 'apiVersion: pilot-plan/v1\nkind: Projects\nprojects: 5\n' }, only);
    assert.deepEqual(summary(f), []);
  });
  it('a total of zero: any investment differs', () => {
    const f = checkMemory({ 'plan.pilot.yaml': withTotal('{ value: 0, unit: 亿元 }'), 'projects.pilot.yaml': projects('{ value: 0.5, unit: 亿元 }') }, only);
    assert.match(f[0].message, /is 0 亿元.*add up to 0.5 亿元 \(a difference of 0.5 亿元\)/);
  });
  it('is silenced by a comment on the line above', () => {
    const plan = withTotal('{ value: 320, unit: 亿元 }').replace('investmentTotal:', '# pilot-plan-disable-next-line investment-total\ninvestmentTotal:');
    assert.deepEqual(summary(checkMemory({ 'plan.pilot.yaml': plan }, only)), []);
  });
  it('can be turned off or made an error in pilot-plan.config.yaml', () => {
    const files = { 'plan.pilot.yaml': withTotal('{ value: 320, unit: 亿元 }') };
    assert.deepEqual(summary(checkMemory({ ...files, 'pilot-plan.config.yaml': 'rules:\n  investment-total: off\n' }, only)), []);
    assert.equal(checkMemory({ ...files, 'pilot-plan.config.yaml': 'rules:\n  investment-total: error\n' }, only)[0].severity, 'error');
  });
  it('formats amounts sensibly', () => {
    assert.equal(formatYi(262.004), '262');
    assert.equal(formatYi(12.345678), '12.35');
    assert.equal(formatYi(0.00012345), '0.000123');
  });
  it('speaks Chinese', () => {
    const f = checkMemory({ 'plan.pilot.yaml': withTotal('{ value: 320, unit: 亿元 }'), 'projects.pilot.yaml': projects('{ value: 262, unit: 亿元 }') }, { ...only, locale: 'zh-CN' });
    assert.match(f[0].message, /`investmentTotal` 为 320 亿元，而填写了投资额的 1 个项目合计 262 亿元（比总额少 18%）/);
  });
});
