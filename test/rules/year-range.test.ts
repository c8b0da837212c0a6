import * as assert from 'node:assert/strict';
import { checkMemory, summary, MINIMAL_PLAN } from '../util/plan';

const only = { only: ['year-range'] };

/** MINIMAL_PLAN with its indicator from `    type:` (line 19) on replaced. */
function withIndicator(body: string, plan = MINIMAL_PLAN): string {
  return plan.slice(0, plan.indexOf('    type: share')) + body;
}

const share = (targets: string, baseline = '{ year: 2020, value: 15 }') =>
  withIndicator(`    type: share\n    unit: "%"\n    direction: increase\n    baseline: ${baseline}\n    targets:\n${targets}`);

/** A reduction: line 22 is `targets:` plus one per `extra` line. */
const reduction = (targets: string, extra = '', plan = MINIMAL_PLAN) =>
  withIndicator(`    type: reduction\n    unit: "%"\n    direction: decrease\n${extra}    targets:\n${targets}`, plan);

/** A Projects file (line 4: `- id`, 5 name, 6 tasks, 7 first field). */
const projects = (fields: string) => `apiVersion: pilot-plan/v1\nkind: Projects\nprojects:\n  - id: P-1\n    name: 虚拟电厂\n    tasks: [T-1]\n${fields}`;
const tasks = (due: string) => `apiVersion: pilot-plan/v1\nkind: Tasks\ntasks:\n  - id: T-2\n    title: x\n    area: industry\n    lead: y\n    due: ${due}\n`;

const withPlanLine = (after: string, line: string, plan = MINIMAL_PLAN) => plan.replace(`${after}\n`, `${after}\n${line}\n`);

describe('year-range', () => {
  it('passes the minimal plan', () => {
    assert.deepEqual(summary(checkMemory({ 'plan.pilot.yaml': MINIMAL_PLAN }, only)), []);
  });

  it('reports a target year not after the baseline year, on the year', () => {
    const f = checkMemory({ 'plan.pilot.yaml': share('      - { year: 2020, value: 20 }\n      - { year: 2030, value: 25 }\n') }, only);
    assert.deepEqual(summary(f), ['year-range@plan.pilot.yaml:24']);
    assert.deepEqual([f[0].line, f[0].column, f[0].endLine, f[0].endColumn], [24, 17, 24, 21]);
    assert.equal(f[0].severity, 'error');
    assert.match(f[0].message, /Indicator `IND-1`: the target year 2020 is not after the baseline year 2020\. .*correct `baseline.year`/);
    const g = checkMemory({ 'plan.pilot.yaml': share('      - { year: 2018, value: 20 }\n') }, only);
    assert.deepEqual(summary(g), ['year-range@plan.pilot.yaml:24']);
  });

  it("falls back to the plan's baseYear for a level without a baseline", () => {
    const text = withIndicator('    type: level\n    unit: GW\n    direction: increase\n    targets:\n      - { year: 2019, value: 2 }\n');
    const f = checkMemory({ 'plan.pilot.yaml': text }, only);
    assert.deepEqual(summary(f), ['year-range@plan.pilot.yaml:23']);
    assert.match(f[0].message, /not after the plan's base year 2020/);
  });

  it('measures a reduction target from its reference year: the target\'s, the indicator\'s, or baseYear', () => {
    const own = checkMemory({ 'plan.pilot.yaml': reduction('      - { year: 2025, value: 18, referenceYear: 2025 }\n') }, only);
    assert.deepEqual(summary(own), ['year-range@plan.pilot.yaml:23']);
    assert.match(own[0].message, /target year 2025 is not after its reference year 2025\..*`referenceYear`/);
    const ind = checkMemory({ 'plan.pilot.yaml': reduction('      - { year: 2025, value: 18 }\n', '    referenceYear: 2025\n') }, only);
    assert.deepEqual(summary(ind), ['year-range@plan.pilot.yaml:24']);
    const base = checkMemory({ 'plan.pilot.yaml': reduction('      - { year: 2020, value: 18 }\n') }, only);
    assert.deepEqual(summary(base), ['year-range@plan.pilot.yaml:23']);
    assert.match(base[0].message, /the plan's base year \(the default reference year\) 2020/);
    // A target's own reference year overrides: 2030 against 2005 is fine, whatever the indicator says.
    const ok = checkMemory({ 'plan.pilot.yaml': reduction('      - { year: 2030, value: 65, referenceYear: 2005 }\n', '    referenceYear: 2030\n') }, only);
    assert.deepEqual(summary(ok), []);
  });

  it("reports a target year after the horizon (by default the last target year)", () => {
    const f = checkMemory({ 'plan.pilot.yaml': share('      - { year: 2025, value: 20 }\n      - { year: 2035, value: 30 }\n') }, only);
    assert.deepEqual(summary(f), ['year-range@plan.pilot.yaml:25']);
    assert.match(f[0].message, /target year 2035 is after the plan's horizon 2030 \(no `horizon` is set: the last of `targetYears`\)\. .*set `horizon` to 2035 or later/);
    const plan = withPlanLine('targetYears: [2025, 2030]', 'horizon: 2035');
    const text = withIndicator('    type: share\n    unit: "%"\n    direction: increase\n    baseline: { year: 2020, value: 15 }\n    targets:\n      - { year: 2035, value: 30 }\n', plan);
    assert.deepEqual(summary(checkMemory({ 'plan.pilot.yaml': text }, only)), []);
  });

  it('reports targetYears not after baseYear, or not ascending, on the entry', () => {
    const f = checkMemory({ 'plan.pilot.yaml': MINIMAL_PLAN.replace('targetYears: [2025, 2030]', 'targetYears: [2020, 2030, 2025]') }, only);
    assert.deepEqual(summary(f), ['year-range@plan.pilot.yaml:9', 'year-range@plan.pilot.yaml:9']);
    const byCol = f.sort((a, b) => a.column - b.column);
    assert.deepEqual([byCol[0].column, byCol[0].endColumn, byCol[1].column], [15, 19, 27]);
    assert.match(byCol[0].message, /`targetYears` holds 2020, which is not after `baseYear` 2020/);
    assert.match(byCol[1].message, /`targetYears` must be ascending, but 2025 comes after 2030/);
  });

  it('reports a horizon before the last target year, or not after the base year', () => {
    const f = checkMemory({ 'plan.pilot.yaml': withPlanLine('targetYears: [2025, 2030]', 'horizon: 2028') }, only);
    // The 2030 target of the indicator is then after the horizon too.
    assert.deepEqual(summary(f), ['year-range@plan.pilot.yaml:10', 'year-range@plan.pilot.yaml:26']);
    assert.match(f[0].message, /`horizon` 2028 is before the last target year 2030/);
    const g = checkMemory({ 'plan.pilot.yaml': withPlanLine('targetYears: [2025, 2030]', 'horizon: 2019').replace('targetYears: [2025, 2030]', 'targetYears: []') }, only);
    // …and the indicator's 2025 and 2030 targets are after that horizon.
    assert.deepEqual(summary(g), ['year-range@plan.pilot.yaml:10', 'year-range@plan.pilot.yaml:25', 'year-range@plan.pilot.yaml:26']);
    assert.match(g[0].message, /`horizon` 2019 is not after `baseYear` 2020/);
  });

  it('reports a task due after the horizon, across files', () => {
    const f = checkMemory({ 'plan.pilot.yaml': MINIMAL_PLAN, 'tasks/t.pilot.yaml': tasks('2032') }, only);
    assert.deepEqual(summary(f), ['year-range@tasks/t.pilot.yaml:8']);
    assert.deepEqual([f[0].column, f[0].endColumn], [10, 14]);
    assert.match(f[0].message, /Task `T-2`: the due year 2032 is after the plan's horizon 2030/);
    assert.deepEqual(summary(checkMemory({ 'plan.pilot.yaml': MINIMAL_PLAN, 't.pilot.yaml': tasks('2030') }, only)), []);
  });

  it('reports a project ending after the horizon or before it starts, on end', () => {
    const after = checkMemory({ 'plan.pilot.yaml': MINIMAL_PLAN, 'p.pilot.yaml': projects('    start: 2024-01\n    end: 2031-06\n') }, only);
    assert.deepEqual(summary(after), ['year-range@p.pilot.yaml:8']);
    assert.deepEqual([after[0].column, after[0].endColumn], [10, 17]);
    assert.match(after[0].message, /Project `P-1`: `end` 2031-06 is after the plan's horizon 2030/);
    const before = checkMemory({ 'plan.pilot.yaml': MINIMAL_PLAN, 'p.pilot.yaml': projects('    start: 2026-03\n    end: 2025-12\n') }, only);
    assert.deepEqual(summary(before), ['year-range@p.pilot.yaml:8']);
    assert.match(before[0].message, /Project `P-1`: `end` 2025-12 is before `start` 2026-03/);
    const months = checkMemory({ 'plan.pilot.yaml': MINIMAL_PLAN, 'p.pilot.yaml': projects('    start: 2025-06\n    end: "2025-03"\n') }, only);
    assert.deepEqual(summary(months), ['year-range@p.pilot.yaml:8']);
    const mixed = checkMemory({ 'plan.pilot.yaml': MINIMAL_PLAN, 'p.pilot.yaml': projects('    start: 2026\n    end: 2025-12\n') }, only);
    assert.deepEqual(summary(mixed), ['year-range@p.pilot.yaml:8']);
  });

  it('compares a bare year by year only, and passes a project within the horizon', () => {
    for (const [start, end] of [['2025-06', '2025'], ['2025', '2025-01'], ['2024-03', '2026-12'], ['2024', '2030'], ['2030-12', '2030-12']]) {
      const f = checkMemory({ 'plan.pilot.yaml': MINIMAL_PLAN, 'p.pilot.yaml': projects(`    start: ${start}\n    end: ${end}\n`) }, only);
      assert.deepEqual(summary(f), [], `${start}–${end}`);
    }
  });

  it('checks a file under no plan by what it says itself, without horizon checks', () => {
    const ind = `apiVersion: pilot-plan/v1\nkind: Indicators\nindicators:\n  - id: IND-1\n    name: x\n    type: share\n    unit: "%"\n    direction: increase\n    baseline: { year: 2020, value: 15 }\n    targets:\n      - { year: 2019, value: 20 }\n      - { year: 2040, value: 20 }\n`;
    assert.deepEqual(summary(checkMemory({ 'loose.pilot.yaml': ind }, only)), ['year-range@loose.pilot.yaml:11']);
    const red = ind.replace('type: share', 'type: reduction').replace('    baseline: { year: 2020, value: 15 }\n', '');
    assert.deepEqual(summary(checkMemory({ 'loose.pilot.yaml': red }, only)), [], 'no base year known');
    assert.deepEqual(summary(checkMemory({ 'loose.pilot.yaml': projects('    start: 2026\n    end: 2040\n') }, only)), []);
    assert.deepEqual(summary(checkMemory({ 'loose.pilot.yaml': projects('    start: 2026\n    end: 2025\n') }, only)), ['year-range@loose.pilot.yaml:8']);
  });

  it('is silenced by a comment on the line above', () => {
    const text = share('      # pilot-plan-disable-next-line year-range\n      - { year: 2020, value: 20 }\n');
    assert.deepEqual(summary(checkMemory({ 'plan.pilot.yaml': text }, only)), []);
  });

  it('robust: wrong types do not throw and are not judged', () => {
    const plans = [
      MINIMAL_PLAN.replace('targetYears: [2025, 2030]', 'targetYears: 2030'),
      MINIMAL_PLAN.replace('targetYears: [2025, 2030]', 'targetYears: ["2020", null, [1]]'),
      MINIMAL_PLAN.replace('baseYear: 2020', 'baseYear: "2020"'),
      withPlanLine('targetYears: [2025, 2030]', 'horizon: soon'),
      share('      - { year: "2019", value: 20 }\n      - { value: 20 }\n      - null\n      - 5\n'),
      share('      - { year: 2019, value: 20 }\n', '{ year: "2020", value: 15 }').replace('baseYear: 2020', 'baseYear: x'),
      reduction('      - { year: 2019, value: 18, referenceYear: "2020" }\n'),
      reduction('      - { year: 2019, value: 18 }\n', '    referenceYear: [2020]\n'),
      withIndicator('    type: sideways\n    baseline: { year: 2020, value: 1 }\n    targets:\n      - { year: 2019, value: 20 }\n'),
    ];
    for (const p of plans) assert.deepEqual(summary(checkMemory({ 'plan.pilot.yaml': p }, only)), [], p);
    for (const c of [
      projects('    start: 2024-13\n    end: 2031/06\n'),
      projects('    start: [2024]\n    end: { y: 2031 }\n'),
      projects('    start: 2026\n    end: 2025.5\n'),
      tasks('"2040"'),
      tasks('[2040]'),
      'apiVersion: pilot-plan/v1\nkind: Projects\nprojects: [null, 1, { end: 2050 }]\n',
      '42\n',
    ]) {
      const f = checkMemory({ 'plan.pilot.yaml': MINIMAL_PLAN, 'x.pilot.yaml': c }, only);
      const expected = c.includes('{ end: 2050 }') ? ['year-range@x.pilot.yaml:3'] : [];
      assert.deepEqual(summary(f), expected, c);
    }
  });

  it('speaks Chinese', () => {
    const f = checkMemory({ 'plan.pilot.yaml': share('      - { year: 2020, value: 20 }\n') }, { ...only, locale: 'zh-CN' });
    assert.match(f[0].message, /指标 `IND-1`：目标年份 2020 不晚于基期年份（2020 年）/);
    const g = checkMemory({ 'plan.pilot.yaml': MINIMAL_PLAN, 'p.pilot.yaml': projects('    start: 2026-03\n    end: 2025-12\n') }, { ...only, locale: 'zh-CN' });
    assert.match(g[0].message, /项目 `P-1`：完工时间 `end`（2025-12）早于开工时间 `start`（2026-03）/);
  });
});
