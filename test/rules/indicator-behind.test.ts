import * as assert from 'node:assert/strict';
import { checkMemory, summary, MINIMAL_PLAN } from '../util/plan';
import { applyFix, checkTree, fixesOf } from '../util/fixes';
import { expectedOn, straightPath } from '../../server/src/engine/rules/indicator-behind';

const only = { only: ['indicator-behind'] };
const progress = (year: number, ...entries: string[]) => `apiVersion: pilot-plan/v1\nkind: Progress\nyear: ${year}\nindicators:\n${entries.map((e) => `  - ${e}\n`).join('')}`;
/** An Indicators file with one indicator; `rest` its type, unit, direction, baseline and targets. */
const indicators = (rest: string) =>
  `apiVersion: pilot-plan/v1\nkind: Indicators\nindicators:\n  - id: IND-X\n    name: 测试指标\n${rest
    .trim()
    .split('\n')
    .map((l) => `    ${l}`)
    .join('\n')}\n`;
const uses = MINIMAL_PLAN.replace('    indicators: [IND-1]\n', '    indicators: [IND-1, IND-X]\n');
const check = (rest: string, year: number, entry: string, locale?: 'zh-CN') =>
  checkMemory({ 'plan.pilot.yaml': uses, 'indicators.pilot.yaml': indicators(rest), 'p.pilot.yaml': progress(year, entry) }, { ...only, locale });

describe('indicator-behind', () => {
  // MINIMAL_PLAN's IND-1: a share, increase, 15% in 2020, 20% in 2025, 25% in 2030.
  it('share, increase: behind below the straight path by more than 10% of the change', () => {
    // 2023: 15 + 5 × 3/5 = 18, tolerance 0.5: 17.5 passes, 17.4 is behind.
    assert.deepEqual(summary(checkMemory({ 'plan.pilot.yaml': MINIMAL_PLAN, 'p.pilot.yaml': progress(2023, '{ id: IND-1, value: 17.5 }') }, only)), []);
    const f = checkMemory({ 'plan.pilot.yaml': MINIMAL_PLAN, 'p.pilot.yaml': progress(2023, '{ id: IND-1, value: 17.4 }') }, only);
    assert.deepEqual(summary(f), ['indicator-behind@p.pilot.yaml:5']);
    assert.equal(f[0].severity, 'warning');
    assert.equal(f[0].column, '  - { id: IND-1, value: '.length + 1);
    assert.equal(
      f[0].message,
      'Indicator `IND-1`: the 2023 value 17.4% is behind the straight path from the 2020 baseline 15% to the 2025 target 20%, which reaches 18% in 2023 (10% of the change, 0.5 percentage points, is allowed). Step up the work on it, or check the value.',
    );
    // Ahead of the path is fine.
    assert.deepEqual(summary(checkMemory({ 'plan.pilot.yaml': MINIMAL_PLAN, 'p.pilot.yaml': progress(2023, '{ id: IND-1, value: 30 }') }, only)), []);
  });

  it('takes the next target: the first at or after the year', () => {
    // 2027: the 2030 target (25) from the baseline: 15 + 10 × 7/10 = 22, tolerance 1.
    assert.deepEqual(summary(checkMemory({ 'plan.pilot.yaml': MINIMAL_PLAN, 'p.pilot.yaml': progress(2027, '{ id: IND-1, value: 21 }') }, only)), []);
    assert.deepEqual(summary(checkMemory({ 'plan.pilot.yaml': MINIMAL_PLAN, 'p.pilot.yaml': progress(2027, '{ id: IND-1, value: 20.9 }') }, only)), ['indicator-behind@p.pilot.yaml:5']);
    // 2025 itself: the 2025 target, tolerance 0.5.
    assert.deepEqual(summary(checkMemory({ 'plan.pilot.yaml': MINIMAL_PLAN, 'p.pilot.yaml': progress(2025, '{ id: IND-1, value: 19.4 }') }, only)), ['indicator-behind@p.pilot.yaml:5']);
  });

  it('intensity, decrease: behind above the path', () => {
    const rest = 'type: intensity\nunit: tce/万元\ndirection: decrease\nbaseline: { year: 2020, value: 0.5 }\ntargets:\n  - { year: 2025, value: 0.44 }';
    // 2023: 0.5 − 0.06 × 3/5 = 0.464, tolerance 0.006.
    assert.deepEqual(summary(check(rest, 2023, '{ id: IND-X, value: 0.47 }')), []);
    assert.deepEqual(summary(check(rest, 2023, '{ id: IND-X, value: 0.4701 }')), ['indicator-behind@p.pilot.yaml:5']);
    assert.deepEqual(summary(check(rest, 2023, '{ id: IND-X, value: 0.3 }')), []);
    assert.match(check(rest, 2023, '{ id: IND-X, value: 0.49 }')[0].message, /which reaches 0\.464 tce\/万元 in 2023 \(10% of the change, 0\.006 tce\/万元, is allowed\)/);
  });

  it('level, increase, with its unit written another way', () => {
    const rest = 'type: level\nunit: 万kW\ndirection: increase\nbaseline: { year: 2020, value: 50 }\ntargets:\n  - { year: 2025, value: 150 }';
    assert.deepEqual(summary(check(rest, 2023, '{ id: IND-X, value: 100, unit: 万千瓦 }')), []);
    assert.deepEqual(summary(check(rest, 2023, '{ id: IND-X, value: 99.9, unit: 万kW }')), ['indicator-behind@p.pilot.yaml:5']);
  });

  it('reduction: from no cut in its reference year, the target\'s own or the indicator\'s or baseYear', () => {
    const rest = (ref: string) => `type: reduction\nunit: "%"\ndirection: decrease\n${ref}targets:\n  - { year: 2025, value: 18 }`;
    // From baseYear 2020: 2023 expects 18 × 3/5 = 10.8, tolerance 1.8.
    assert.deepEqual(summary(check(rest(''), 2023, '{ id: IND-X, value: 9 }')), []);
    assert.deepEqual(summary(check(rest(''), 2023, '{ id: IND-X, value: 8.9 }')), ['indicator-behind@p.pilot.yaml:5']);
    assert.match(check(rest(''), 2023, '{ id: IND-X, value: 6 }')[0].message, /from no cut in 2020 to the 2025 target 18%, which reaches 10\.8% in 2023/);
    assert.match(check(rest(''), 2023, '{ id: IND-X, value: 6 }', 'zh-CN')[0].message, /从 2020 年（降幅为 0）到 2025 年目标值 18% 的直线进度/);
    // From the indicator's 2022: 2023 expects 18 × 1/3 = 6, tolerance 1.8: 4.3 passes.
    assert.deepEqual(summary(check(`referenceYear: 2022\n${rest('')}`, 2023, '{ id: IND-X, value: 4.3 }')), []);
    assert.deepEqual(summary(check(`referenceYear: 2022\n${rest('')}`, 2023, '{ id: IND-X, value: 4.1 }')), ['indicator-behind@p.pilot.yaml:5']);
    // A baseline does not move a reduction's start.
    assert.deepEqual(summary(check(rest('baseline: { year: 2020, value: 5 }\n'), 2023, '{ id: IND-X, value: 9 }')), []);
  });

  it('does not judge what it cannot: no next target, a year not after the start, a target against the direction, no baseline, placeholders', () => {
    assert.deepEqual(summary(checkMemory({ 'plan.pilot.yaml': MINIMAL_PLAN, 'p.pilot.yaml': progress(2031, '{ id: IND-1, value: 0 }') }, only)), []);
    assert.deepEqual(summary(checkMemory({ 'plan.pilot.yaml': MINIMAL_PLAN, 'p.pilot.yaml': progress(2020, '{ id: IND-1, value: 0 }') }, only)), []);
    assert.deepEqual(summary(checkMemory({ 'plan.pilot.yaml': MINIMAL_PLAN, 'p.pilot.yaml': progress(2023, '{ id: IND-1, value: 待补充 }') }, only)), []);
    const against = 'type: level\nunit: 万kW\ndirection: increase\nbaseline: { year: 2020, value: 50 }\ntargets:\n  - { year: 2025, value: 40 }';
    assert.deepEqual(summary(check(against, 2023, '{ id: IND-X, value: 0 }')), []);
    assert.deepEqual(summary(check('type: level\nunit: 万kW\ndirection: increase\ntargets:\n  - { year: 2025, value: 40 }', 2023, '{ id: IND-X, value: 0 }')), []);
    // An ID of another kind, or defined twice: the reference rules' and duplicate-id's.
    assert.deepEqual(summary(checkMemory({ 'plan.pilot.yaml': MINIMAL_PLAN, 'p.pilot.yaml': progress(2023, '{ id: T-1, value: 0 }') }, only)), []);
  });

  it('reports a unit other than the indicator\'s on the unit, and does not set that value against the path', () => {
    const f = checkMemory({ 'plan.pilot.yaml': MINIMAL_PLAN, 'p.pilot.yaml': progress(2023, '{ id: IND-1, value: 0.1, unit: 万kW }') }, only);
    assert.deepEqual(summary(f), ['indicator-behind@p.pilot.yaml:5']);
    assert.equal(f[0].column, '  - { id: IND-1, value: 0.1, unit: '.length + 1);
    assert.equal(f[0].message, "Indicator `IND-1` is measured in `%`, but its 2023 value is given in `万kW`. Write the value in `%` (converted if need be), or correct the indicator's `unit`.");
    assert.deepEqual(summary(checkMemory({ 'plan.pilot.yaml': MINIMAL_PLAN, 'p.pilot.yaml': progress(2023, '{ id: IND-1, value: 20, unit: "%" }') }, only)), []);
  });

  it('fixes: the unit set to the indicator\'s, or the indicator\'s to the value\'s; a target to show', () => {
    const tree = { '/p/plan.pilot.yaml': MINIMAL_PLAN, '/p/p.pilot.yaml': progress(2023, '{ id: IND-1, value: 20, unit: percent }') };
    const c = checkTree(tree);
    const finding = c.findings.get('/p/p.pilot.yaml')!.find((x) => x.code === 'indicator-behind')!;
    const fixes = fixesOf(c, finding);
    assert.deepEqual(fixes.map((x) => x.title), ["Set `unit` to %, the indicator's", "Set the indicator's `unit` to percent"]);
    assert.match(applyFix(tree, fixes[0])['/p/p.pilot.yaml'], /unit: "%" \}/);
    assert.match(applyFix(tree, fixes[1])['/p/plan.pilot.yaml'], /unit: "percent"/);
    for (const fix of fixes) assert.equal([...checkTree(applyFix(tree, fix)).findings.values()].flat().filter((x) => x.code === 'indicator-behind').length, 0, fix.title);
    const behind = checkTree({ '/p/plan.pilot.yaml': MINIMAL_PLAN, '/p/p.pilot.yaml': progress(2023, '{ id: IND-1, value: 16 }') });
    const b = behind.findings.get('/p/p.pilot.yaml')!.find((x) => x.code === 'indicator-behind')!;
    const show = fixesOf(behind, b);
    assert.deepEqual(show.map((x) => x.title), ['Show the 2025 target of `IND-1`']);
    assert.equal(show[0].show!.file, '/p/plan.pilot.yaml');
    assert.equal(MINIMAL_PLAN.slice(show[0].show!.span.start, show[0].show!.span.end), '20');
    assert.equal(b.data?.related?.[0].file, '/p/plan.pilot.yaml');
  });

  it('computes the straight path as its page says', () => {
    const share = { type: 'share', direction: 'increase', baseline: { year: 2020, value: 10 }, targets: [{ year: 2030, value: 20 }, { year: 2025, value: 15 }] };
    const p = straightPath(share, ['indicators', 0], 2023, 2020)!;
    assert.equal(p.target.year, 2025);
    assert.deepEqual(expectedOn(p, 2023), { expected: 13, tolerance: 0.5 });
    const cut = straightPath({ type: 'reduction', direction: 'decrease', targets: [{ year: 2025, value: 18, referenceYear: 2015 }] }, ['indicators', 0], 2020, 2020)!;
    assert.deepEqual([cut.startYear, cut.startValue, cut.better, cut.fromReference], [2015, 0, 'increase', true]);
    assert.equal(straightPath({ ...share, direction: 'decrease' }, ['indicators', 0], 2023, 2020), undefined, 'a target against the direction');
  });
});
