import * as assert from 'node:assert/strict';
import * as nodePath from 'node:path';
import { checkMemory, summary, MINIMAL_PLAN, ROOT } from '../util/plan';
import { Workspace } from '../../server/src/engine/plan/workspace';
import { MemoryFileHost } from '../../server/src/engine/plan/memory-host';
import { checkFiles } from '../../server/src/engine/checker';

const only = { only: ['target-direction'] };

/** MINIMAL_PLAN with its indicator's lines from `    type:` on replaced (the indicator starts at line 17, `type` is line 19). */
function withIndicator(body: string, plan = MINIMAL_PLAN): string {
  const at = plan.indexOf('    type: share');
  return plan.slice(0, at) + body;
}

const share = (targets: string, baseline = '{ year: 2020, value: 15 }') =>
  withIndicator(`    type: share\n    unit: "%"\n    direction: increase\n    baseline: ${baseline}\n    targets:\n${targets}`);

const reduction = (targets: string, extra = '', direction = 'decrease') =>
  withIndicator(`    type: reduction\n    unit: "%"\n    direction: ${direction}\n${extra}    targets:\n${targets}`);

const INDICATORS_HEAD = 'apiVersion: pilot-plan/v1\nkind: Indicators\nindicators:\n  - id: IND-1\n    name: 单位地区生产总值能耗降低\n';

describe('target-direction', () => {
  it('passes the minimal plan, and targets equal to the baseline or to the target before them', () => {
    assert.deepEqual(summary(checkMemory({ 'plan.pilot.yaml': MINIMAL_PLAN }, only)), []);
    const f = checkMemory({ 'plan.pilot.yaml': share('      - { year: 2025, value: 15 }\n      - { year: 2030, value: 15 }\n') }, only);
    assert.deepEqual(summary(f), []);
  });

  it('reports a share target below the baseline, on the value', () => {
    const f = checkMemory({ 'plan.pilot.yaml': MINIMAL_PLAN.replace('{ year: 2025, value: 20 }', '{ year: 2025, value: 10 }') }, only);
    assert.deepEqual(summary(f), ['target-direction@plan.pilot.yaml:24']);
    assert.deepEqual([f[0].line, f[0].column, f[0].endLine, f[0].endColumn], [24, 30, 24, 32]);
    assert.equal(f[0].severity, 'error');
    assert.match(f[0].message, /Indicator `IND-1` should increase, but its 2025 target 10% is below the 2020 baseline 15%\. Make the target at least 15%, or correct `direction`/);
  });

  it('reports a later target less ambitious than the one before it', () => {
    const f = checkMemory({ 'plan.pilot.yaml': share('      - { year: 2025, value: 22 }\n      - { year: 2030, value: 21 }\n') }, only);
    assert.deepEqual(summary(f), ['target-direction@plan.pilot.yaml:25']);
    assert.match(f[0].message, /its 2030 target 21% is below the 2025 target 22%.*Make it at least 22%/);
  });

  it('orders targets by year, not by their place in the list', () => {
    const ok = checkMemory({ 'plan.pilot.yaml': share('      - { year: 2030, value: 25 }\n      - { year: 2025, value: 20 }\n') }, only);
    assert.deepEqual(summary(ok), []);
    const bad = checkMemory({ 'plan.pilot.yaml': share('      - { year: 2030, value: 18 }\n      - { year: 2025, value: 20 }\n') }, only);
    assert.deepEqual(summary(bad), ['target-direction@plan.pilot.yaml:24']);
    assert.match(bad[0].message, /2030 target 18% is below the 2025 target 20%/);
  });

  it('compares with the nearest earlier target only, one finding per target', () => {
    const f = checkMemory(
      { 'plan.pilot.yaml': share('      - { year: 2025, value: 30 }\n      - { year: 2030, value: 20 }\n      - { year: 2035, value: 25 }\n') },
      only,
    );
    assert.deepEqual(summary(f), ['target-direction@plan.pilot.yaml:25']);
    // A target against the baseline gets the baseline finding only.
    const g = checkMemory({ 'plan.pilot.yaml': share('      - { year: 2025, value: 20 }\n      - { year: 2030, value: 10 }\n') }, only);
    assert.deepEqual(summary(g), ['target-direction@plan.pilot.yaml:25']);
    assert.match(g[0].message, /below the 2020 baseline/);
  });

  it('follows a declared decrease (an intensity)', () => {
    const body = (targets: string) =>
      withIndicator(`    type: intensity\n    unit: tce/万元\n    direction: decrease\n    baseline: { year: 2020, value: 0.6 }\n    targets:\n${targets}`);
    assert.deepEqual(summary(checkMemory({ 'plan.pilot.yaml': body('      - { year: 2025, value: 0.5 }\n      - { year: 2030, value: 0.45 }\n') }, only)), []);
    const f = checkMemory({ 'plan.pilot.yaml': body('      - { year: 2025, value: 0.7 }\n      - { year: 2030, value: 0.5 }\n') }, only);
    assert.deepEqual(summary(f), ['target-direction@plan.pilot.yaml:24']);
    assert.match(f[0].message, /should decrease, but its 2025 target 0\.7 tce\/万元 is above the 2020 baseline 0\.6 tce\/万元\. Make the target at most 0\.6 tce\/万元/);
    const g = checkMemory({ 'plan.pilot.yaml': body('      - { year: 2025, value: 0.5 }\n      - { year: 2030, value: 0.55 }\n') }, only);
    assert.deepEqual(summary(g), ['target-direction@plan.pilot.yaml:25']);
  });

  it('counts the comparator "~" (and any other) like "="', () => {
    const f = checkMemory({ 'plan.pilot.yaml': share('      - { year: 2025, value: 20, comparator: "~" }\n      - { year: 2030, value: 19, comparator: ">=" }\n') }, only);
    assert.deepEqual(summary(f), ['target-direction@plan.pilot.yaml:25']);
  });

  it('leaves a target not after the baseline year to year-range', () => {
    const f = checkMemory({ 'plan.pilot.yaml': share('      - { year: 2020, value: 10 }\n      - { year: 2030, value: 25 }\n') }, only);
    assert.deepEqual(summary(f), []);
  });

  it('reports a reduction whose direction is increase, on the direction, with a quick fix', () => {
    const text = reduction('      - { year: 2025, value: 18 }\n', '', 'increase');
    const f = checkMemory({ 'plan.pilot.yaml': text }, only);
    assert.deepEqual(summary(f), ['target-direction@plan.pilot.yaml:21']);
    assert.deepEqual([f[0].column, f[0].endColumn], [16, 24]);
    assert.match(f[0].message, /`IND-1` is a reduction.*`direction` must be `decrease`, not `increase`/);
    const ws = new Workspace(new MemoryFileHost({ [nodePath.join(ROOT, 'plan.pilot.yaml')]: text }));
    const raw = checkFiles(ws, [nodePath.join(ROOT, 'plan.pilot.yaml')])[0].findings.filter((x) => x.code === 'target-direction');
    assert.deepEqual(raw[0].data?.suggestions, ['decrease']);
  });

  it('reports a cumulative reduction that shrinks against the same reference year', () => {
    const f = checkMemory({ 'plan.pilot.yaml': reduction('      - { year: 2025, value: 19 }\n      - { year: 2030, value: 15 }\n') }, only);
    assert.deepEqual(summary(f), ['target-direction@plan.pilot.yaml:24']);
    assert.deepEqual([f[0].column, f[0].endColumn], [30, 32]);
    assert.match(f[0].message, /`IND-1`: the 2030 reduction 15% is smaller than the 2025 reduction 19%, both measured from 2020\. .*at least 19%/);
  });

  it('does not compare reductions against different reference years', () => {
    // Dezhou ETDZ: 18% by 2025 against 2020, a further 15% by 2030 against 2025.
    const f = checkMemory(
      { 'plan.pilot.yaml': reduction('      - { year: 2025, value: 18 }\n      - { year: 2030, value: 15, referenceYear: 2025 }\n', '    referenceYear: 2020\n') },
      only,
    );
    assert.deepEqual(summary(f), []);
  });

  it("takes the plan's baseYear as the default reference year, across files", () => {
    const indicators = `${INDICATORS_HEAD}    type: reduction\n    unit: "%"\n    direction: decrease\n    targets:\n      - { year: 2025, value: 18 }\n      - { year: 2030, value: 15, referenceYear: 2020 }\n`;
    const f = checkMemory({ 'plan.pilot.yaml': MINIMAL_PLAN, 'ind/indicators.pilot.yaml': indicators }, only);
    assert.deepEqual(summary(f), ['target-direction@ind/indicators.pilot.yaml:11']);
    // With another base year, the two targets have different reference years.
    const g = checkMemory({ 'plan.pilot.yaml': MINIMAL_PLAN.replace('baseYear: 2020', 'baseYear: 2015'), 'ind/indicators.pilot.yaml': indicators }, only);
    assert.deepEqual(summary(g), []);
  });

  it('checks a file under no plan by what it says itself', () => {
    const text = (second: string) =>
      `${INDICATORS_HEAD}    type: reduction\n    unit: "%"\n    direction: decrease\n    targets:\n      - { year: 2025, value: 18 }\n      - ${second}\n`;
    assert.deepEqual(summary(checkMemory({ 'loose.pilot.yaml': text('{ year: 2030, value: 15 }') }, only)), ['target-direction@loose.pilot.yaml:11']);
    // The base year is unknown: an explicit reference year cannot be matched with the default one.
    assert.deepEqual(summary(checkMemory({ 'loose.pilot.yaml': text('{ year: 2030, value: 15, referenceYear: 2020 }') }, only)), []);
  });

  it('is silenced by a comment on the line above', () => {
    const text = MINIMAL_PLAN.replace('      - { year: 2025, value: 20 }', '      # pilot-plan-disable-next-line target-direction\n      - { year: 2025, value: 10 }');
    assert.deepEqual(summary(checkMemory({ 'plan.pilot.yaml': text }, only)), []);
  });

  it('robust: wrong types do not throw and are not judged', () => {
    const cases = [
      share('      - { year: 2025, value: "10" }\n      - { year: "2030", value: 5 }\n'),
      share('      - null\n      - [2025, 10]\n      - 7\n'),
      share('      - { year: 2025, value: 10 }\n', '"15%"'),
      share('      - { year: 2025, value: 10 }\n', '{ year: 2020, value: null }'),
      share('    {}\n').replace('    targets:\n    {}', '    targets: { year: 2025, value: 1 }'),
      withIndicator('    type: share\n    direction: sideways\n    baseline: { year: 2020, value: 15 }\n    targets:\n      - { year: 2025, value: 1 }\n'),
      withIndicator('    type: [share]\n    direction: increase\n    baseline: { year: 2020, value: 15 }\n    targets:\n      - { year: 2025, value: 1 }\n'),
      withIndicator('    direction: increase\n    baseline: { year: 2020, value: 15 }\n    targets:\n      - { year: 2025, value: 1 }\n'),
      reduction('      - { year: 2025, value: 19 }\n      - { year: 2030, value: 15, referenceYear: "2020" }\n'),
      reduction('      - { year: 2025, value: 19 }\n      - { year: 2030, value: 15 }\n', '    referenceYear: soon\n'),
      reduction('      - { year: 2025, value: .nan }\n      - { year: 2030, value: .inf }\n'),
      reduction('      - { year: 2025, value: 18 }\n', '', 'sideways'),
    ];
    for (const c of cases) assert.deepEqual(summary(checkMemory({ 'plan.pilot.yaml': c }, only)), [], c);
    for (const t of ['[1, 2]\n', 'apiVersion: pilot-plan/v1\nkind: Indicators\nindicators: 5\n', 'apiVersion: pilot-plan/v1\nkind: Indicators\nindicators: [null, 1, [2]]\n']) {
      assert.deepEqual(summary(checkMemory({ 'plan.pilot.yaml': MINIMAL_PLAN, 'x.pilot.yaml': t }, only)), [], t);
    }
  });

  it('speaks Chinese', () => {
    const f = checkMemory({ 'plan.pilot.yaml': MINIMAL_PLAN.replace('{ year: 2025, value: 20 }', '{ year: 2025, value: 10 }') }, { ...only, locale: 'zh-CN' });
    assert.match(f[0].message, /指标 `IND-1` 的变化方向为上升，但其 2025 年目标值 10% 低于 2020 年基期值 15%。请将目标值调整为不低于 15%/);
    const g = checkMemory({ 'plan.pilot.yaml': reduction('      - { year: 2025, value: 19 }\n      - { year: 2030, value: 15 }\n') }, { ...only, locale: 'zh-CN' });
    assert.match(g[0].message, /2030 年降幅 15% 小于 2025 年降幅 19%（均相对 2020 年）/);
  });
});
