import * as assert from 'node:assert/strict';
import { checkMemory, summary, MINIMAL_PLAN } from '../util/plan';
import { applyFix, checkTree, fixesOf } from '../util/fixes';

const only = { only: ['progress-investment'] };
const projects = (investment: string) => `apiVersion: pilot-plan/v1\nkind: Projects\nprojects:\n  - id: P-1\n    name: 项目一\n    tasks: [T-1]\n    investment: ${investment}\n`;
const progress = (invested: string, year = 2024) => `apiVersion: pilot-plan/v1\nkind: Progress\nyear: ${year}\nprojects:\n  - id: P-1\n    status: on-track\n    invested: ${invested}\n`;
const check = (investment: string, invested: string) => checkMemory({ 'plan.pilot.yaml': MINIMAL_PLAN, 'projects.pilot.yaml': projects(investment), 'p.pilot.yaml': progress(invested) }, only);

describe('progress-investment', () => {
  it('reports invested above the project\'s investment, on its value, converted to 亿元', () => {
    assert.deepEqual(summary(check('{ value: 20, unit: 亿元 }', '{ value: 20, unit: 亿元 }')), []);
    const f = check('{ value: 20, unit: 亿元 }', '{ value: 20.01, unit: 亿元 }');
    assert.deepEqual(summary(f), ['progress-investment@p.pilot.yaml:7']);
    assert.equal(f[0].severity, 'warning');
    assert.equal(f[0].column, '    invested: { value: '.length + 1);
    assert.equal(f[0].message, "Project `P-1`: 20.01 亿元 invested by the end of 2024 is more than its total `investment` 20 亿元. Correct `invested`, or raise the project's `investment` if its cost has grown.");
    const mixed = check('{ value: 8000, unit: 万元 }', '{ value: 90000000, unit: 元 }');
    assert.match(mixed[0].message, /90000000 元 invested .* 8000 万元 \(0\.9 亿元 against 0\.8 亿元\)/);
    // 0.4 亿元 = 4000 万元 is within 5000 万元.
    assert.deepEqual(summary(check('{ value: 5000, unit: 万元 }', '{ value: 0.4, unit: 亿元 }')), []);
    assert.deepEqual(summary(check('{ value: 5000, unit: 万元 }', '{ value: 0.51, unit: 亿元 }')), ['progress-investment@p.pilot.yaml:7']);
  });

  it('skips amounts it cannot read and projects it cannot find', () => {
    for (const [investment, invested] of [
      ['{ value: 1, unit: 亿元 }', '{ value: 2, unit: 亿美元 }'],
      ['{ value: 1, unit: 亿元 }', '{ value: 待补充, unit: 亿元 }'],
      ['{ value: -1, unit: 亿元 }', '{ value: 2, unit: 亿元 }'],
      ['待补充', '{ value: 2, unit: 亿元 }'],
    ]) {
      assert.deepEqual(summary(check(investment, invested)), [], `${investment} / ${invested}`);
    }
    const noProject = checkMemory({ 'plan.pilot.yaml': MINIMAL_PLAN, 'p.pilot.yaml': progress('{ value: 2, unit: 亿元 }') }, only);
    assert.deepEqual(summary(noProject), []);
  });

  it('fixes by raising the project\'s investment, in its unit, in its file', () => {
    const tree = { '/p/plan.pilot.yaml': MINIMAL_PLAN, '/p/projects.pilot.yaml': projects('{ value: 8000, unit: 万元 }'), '/p/p.pilot.yaml': progress('{ value: 90000000, unit: 元 }') };
    const c = checkTree(tree);
    const finding = c.findings.get('/p/p.pilot.yaml')!.find((x) => x.code === 'progress-investment')!;
    const fixes = fixesOf(c, finding);
    assert.deepEqual(fixes.map((x) => x.title), ["Set the project's `investment` to 9000 万元"]);
    assert.deepEqual(fixesOf(c, finding, 'zh-CN').map((x) => x.title), ['将项目的 `investment` 改为 9000 万元']);
    const after = applyFix(tree, fixes[0]);
    assert.match(after['/p/projects.pilot.yaml'], /investment: \{ value: 9000, unit: 万元 \}/);
    assert.equal([...checkTree(after).findings.values()].flat().filter((x) => x.code === 'progress-investment').length, 0);
  });

  it('unit-mismatch and value-range check invested too', () => {
    const f = checkMemory({ 'plan.pilot.yaml': MINIMAL_PLAN, 'projects.pilot.yaml': projects('{ value: 1, unit: 亿元 }'), 'p.pilot.yaml': progress('{ value: 2, unit: 亿美元 }') }, { only: ['unit-mismatch', 'schema'] });
    assert.deepEqual(summary(f), ['unit-mismatch@p.pilot.yaml:7']);
    assert.match(f[0].message, /`invested`/);
    const g = checkMemory({ 'plan.pilot.yaml': MINIMAL_PLAN, 'projects.pilot.yaml': projects('{ value: 1, unit: 亿元 }'), 'p.pilot.yaml': progress('{ value: -2, unit: 亿元 }') }, { only: ['value-range', 'schema'] });
    assert.deepEqual(summary(g), ['value-range@p.pilot.yaml:7']);
  });
});
