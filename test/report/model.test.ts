/**
 * The report's model on a plan whose figures are worked out by hand (fixture.ts): investment
 * converted to 亿元, split between areas, spread over months; every indicator with its
 * targets and references; tasks, dependencies and findings.
 */
import * as assert from 'node:assert/strict';
import { spreadByYear, UNASSIGNED } from '../../server/src/engine/report/model';
import { FIXTURE, fixtureReport } from './fixture';

const close = (a: number, b: number) => Math.abs(a - b) < 1e-9;
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('report model', () => {
  const r = fixtureReport();

  it('adds the projects whose investment can be read, in 亿元 (亿元, 万元 and 元), and counts the one in an unknown unit apart', () => {
    assert.ok(close(r.investment.total, 22), `total ${r.investment.total}`);
    assert.equal(r.investment.projectsWithout, 1);
    assert.equal(r.plan.investmentDeclared, 20);
  });

  it('splits a project between the areas of its tasks; a project without a task goes to no area; the areas add up to the total', () => {
    const byArea = Object.fromEntries(r.investment.byArea.map((a) => [a.area, a.amount]));
    assert.deepEqual(Object.keys(byArea), ['energy-transition', 'buildings', UNASSIGNED]);
    assert.ok(close(byArea['energy-transition'], 11));
    assert.ok(close(byArea.buildings, 8));
    assert.ok(close(byArea[UNASSIGNED], 3));
    assert.ok(close(sum(r.investment.byArea.map((a) => a.amount)), r.investment.total));
    assert.equal(r.investment.byArea[0].name.zh, '能源绿色低碳转型');
  });

  it('spreads investment over the months a project runs; a project without dates is unscheduled; the years and it add up to the total', () => {
    assert.deepEqual(
      r.investment.byYear.map((y) => [y.year, Math.round(y.value * 1000) / 1000]),
      [
        [2024, 6],
        [2025, 8.5],
        [2026, 5.5],
      ],
    );
    assert.ok(close(r.investment.unscheduled, 2));
    assert.ok(close(sum(r.investment.byYear.map((y) => y.value)) + r.investment.unscheduled, r.investment.total));
  });

  it('spreadByYear: months inclusive, a bare year January to December, an end before the start in the start year', () => {
    assert.deepEqual(spreadByYear(12, { year: 2024, month: 10 }, { year: 2025, month: 3 }), [
      { year: 2024, value: 6 },
      { year: 2025, value: 6 },
    ]);
    assert.deepEqual(spreadByYear(6, { year: 2024 }, { year: 2026 }), [
      { year: 2024, value: 2 },
      { year: 2025, value: 2 },
      { year: 2026, value: 2 },
    ]);
    assert.deepEqual(spreadByYear(5, { year: 2026 }, { year: 2024 }), [{ year: 2026, value: 5 }]);
    assert.deepEqual(spreadByYear(5, undefined, { year: 2027 }), [{ year: 2027, value: 5 }]);
    assert.equal(spreadByYear(5, undefined, undefined), undefined);
  });

  it('has every indicator, with its unit, baseline and targets, in the plan’s order', () => {
    assert.deepEqual(
      r.indicators.map((i) => i.id),
      ['IND-SHARE', 'IND-CUT', 'IND-PV'],
    );
    const share = r.indicators[0];
    assert.deepEqual(share.name, { zh: '非化石能源消费比重', en: 'Non-fossil share' });
    assert.equal(share.unit, '%');
    assert.deepEqual(share.baseline, { year: 2020, value: 20 });
    assert.deepEqual(
      share.targets.map((t) => [t.year, t.value, t.comparator]),
      [
        [2025, 32, '>='],
        [2030, 35, '~'],
      ],
    );
    assert.equal(r.plan.counts.indicators, 3);
  });

  it('sets a share against its province’s published target and the national one, a cut against the national cut over the same period only', () => {
    const share = r.indicators[0].references;
    assert.deepEqual(
      share.map((s) => [s.kind, s.label.zh]),
      [
        ['provincial', '广东省目标'],
        ['national', '国家目标'],
      ],
    );
    assert.deepEqual(
      share[0].points.map((p) => [p.year, p.value]),
      [
        [2025, 32],
        [2030, 35],
      ],
    );
    const cut = r.indicators[1];
    assert.deepEqual(
      cut.targets.map((t) => t.referenceYear),
      [2020, 2020],
    );
    // The national 2030 cut is from 2005: not the plan's period, so not drawn (but listed).
    assert.deepEqual(
      cut.references[0].points.map((p) => [p.year, p.value]),
      [[2025, 18]],
    );
    assert.equal(cut.references[0].texts.length, 2);
    assert.deepEqual(r.indicators[2].references, []);
  });

  it('passes actual values through where they are given (the seam for yearly progress), sorted by year; none by default', () => {
    assert.deepEqual(r.indicators[0].actuals, []);
    const withActuals = fixtureReport('en', {
      actuals: new Map([
        [
          'IND-SHARE',
          [
            { year: 2023, value: 27 },
            { year: 2021, value: 22 },
          ],
        ],
      ]),
    });
    assert.deepEqual(withActuals.indicators[0].actuals, [
      { year: 2021, value: 22 },
      { year: 2023, value: 27 },
    ]);
  });

  it('reads actual values from the plan\'s Progress files: numbers only, of two files for one year the first by path', () => {
    const progress = (year: number, value: string) => `apiVersion: pilot-plan/v1\nkind: Progress\nyear: ${year}\nindicators:\n  - id: IND-SHARE\n    value: ${value}\n`;
    const withProgress = fixtureReport('en', {}, {
      ...FIXTURE,
      'progress-2023.pilot.yaml': progress(2023, '27'),
      'progress-2021.pilot.yaml': progress(2021, '22'),
      'progress-2022.pilot.yaml': progress(2022, '待补充'),
      'z-progress-2021.pilot.yaml': progress(2021, '99'),
    });
    assert.deepEqual(withProgress.indicators[0].actuals, [
      { year: 2021, value: 22 },
      { year: 2023, value: 27 },
    ]);
    assert.deepEqual(withProgress.indicators[1].actuals, []);
  });

  it('counts tasks by area and lead department', () => {
    const t = r.tasksByArea;
    assert.deepEqual(
      t.areas.map((a) => [a.area, a.amount]),
      [
        ['energy-transition', 2],
        ['buildings', 1],
      ],
    );
    assert.deepEqual(t.leads, ['市发展改革委', '市住房城乡建设局']);
    assert.deepEqual(t.counts, [
      [2, 0],
      [0, 1],
    ]);
  });

  it('lists the timeline and the dependencies, a dependency on a task the plan lacks marked', () => {
    assert.deepEqual(
      r.timeline.projects.map((p) => [p.id, p.start, p.end]),
      [
        ['P-BOTH', { year: 2024, month: 7 }, { year: 2025, month: 6 }],
        ['P-PV', { year: 2025 }, { year: 2026 }],
        ['P-LOOSE', { year: 2026, month: 3 }, undefined],
        ['P-NODATE', undefined, undefined],
        ['P-BADUNIT', { year: 2025 }, undefined],
      ],
    );
    assert.deepEqual(
      r.timeline.tasks.map((t) => [t.id, t.due]),
      [
        ['T-GRID', 2027],
        ['T-BUILD', 2025],
        ['T-PV', 2030],
      ],
    );
    const grid = r.dependencies.find((d) => d.id === 'T-GRID')!;
    assert.deepEqual(grid.dependents, ['T-BUILD', 'T-PV']);
    const build = r.dependencies.find((d) => d.id === 'T-BUILD')!;
    assert.deepEqual(
      build.dependsOn.map((d) => [d.id, d.title?.zh]),
      [
        ['T-GRID', '建设智能电网'],
        ['T-MISSING', undefined],
      ],
    );
  });

  it('has the plan’s summary, mechanisms, actions and risks', () => {
    assert.deepEqual(r.plan.pilot, { name: { zh: '测试市', en: 'Test City' }, type: 'city', province: '广东省', batch: 2 });
    assert.deepEqual([r.plan.baseYear, r.plan.targetYears, r.plan.horizon, r.plan.peak?.year], [2020, [2025, 2030], 2030, 2028]);
    assert.deepEqual(r.plan.counts, { files: 4, tasks: 3, projects: 5, indicators: 3, mechanisms: 1, actions: 1, risks: 1 });
    assert.deepEqual(r.mechanisms[0].type.zh, '碳排放统计核算');
    assert.deepEqual(r.risks[0].affects, ['T-GRID']);
    assert.equal(r.actions[0].title.zh, '全国节能宣传周');
  });

  it('finds where each entry is (the Overview\'s and the Excel export\'s lines) unless told not to, and is otherwise the same without', () => {
    const placed = [...r.timeline.tasks, ...r.indicators, ...r.timeline.projects, ...r.mechanisms, ...r.actions, ...r.risks];
    assert.ok(placed.length > 5);
    for (const x of placed) assert.ok(x.place && x.place.line > 0, `${JSON.stringify(x).slice(0, 80)} has no place`);
    assert.ok([...r.text.tasks, ...r.text.projects, ...r.text.indicators].every((x) => x.line !== undefined && x.line > 0));
    const bare = fixtureReport('en', { places: false });
    const without = (v: unknown): unknown => JSON.parse(JSON.stringify(v, (k, x: unknown) => (k === 'place' || k === 'line' ? undefined : x)));
    assert.ok([...bare.indicators, ...bare.timeline.projects].every((x) => x.place === undefined));
    assert.ok([...bare.text.tasks, ...bare.text.projects, ...bare.text.indicators].every((x) => x.line === undefined));
    // Findings keep their lines: they are the check's, not looked for.
    assert.deepEqual(bare.findings, r.findings);
    assert.deepEqual(without(bare), without(r));
  });

  it('groups the findings by severity and rule, each with its file:line place', () => {
    const codes = r.findings.groups.map((g) => `${g.severity} ${g.code}`);
    assert.ok(codes.includes('error unresolved-reference'), codes.join(', '));
    const unresolved = r.findings.groups.find((g) => g.code === 'unresolved-reference')!;
    assert.deepEqual(
      unresolved.places.map((p) => `${p.path}:${p.line}`),
      ['tasks.pilot.yaml:16'],
    );
    // Errors before warnings before infos.
    const order = r.findings.groups.map((g) => ['error', 'warning', 'info'].indexOf(g.severity));
    assert.deepEqual(order, [...order].sort((a, b) => a - b));
    assert.equal(sum(Object.values(r.findings.totals)), sum(r.findings.groups.map((g) => g.places.length)));
  });
});
