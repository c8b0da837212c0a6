/**
 * The editor's Progress features through the engine: an indicator's hover shows planned
 * and actual values side by side; a task's and project's hover and code lens their latest
 * status; the text of next year's Progress file.
 */
import * as assert from 'node:assert/strict';
import { parse } from 'yaml';
import { hoverAt } from '../../server/src/engine/editor/hover';
import { codeLenses, lensFor, lensPlaces } from '../../server/src/engine/editor/code-lens';
import { newProgressFile, nextProgressYear } from '../../server/src/engine/editor/new-progress';
import type { EditorPlan } from '../../server/src/engine/editor/context';
import type { Locale } from '../../server/src/engine/i18n/messages';
import { isPlaceholder } from '../../server/src/engine/placeholders';
import { PROGRESS_PLAN, PROGRESS_ROOT, fileOf, progressPlanOf } from '../util/progress-plan';
import { checkMemory } from '../util/plan';

/** The hover `delta` characters into the first `needle` of file `rel`. */
function hover(plan: EditorPlan, rel: string, needle: string, locale: Locale, delta = 2): string {
  const file = fileOf(plan, rel);
  const at = file.model.parsed.text.indexOf(needle);
  assert.ok(at >= 0, needle);
  return hoverAt(file, plan, at + delta, locale)?.markdown ?? '';
}

describe('editor: Progress in hovers', () => {
  const plan = progressPlanOf();

  it('an indicator\'s hover: baseline, targets and actual values with their sources, by year, in a table (English)', () => {
    const md = hover(plan, 'indicators.pilot.yaml', 'IND-NF', 'en');
    assert.ok(md.includes('**Planned and actual values**'), md);
    assert.ok(
      md.includes(
        [
          '| Year | Planned | Actual | Source |',
          '|---|---|---|---|',
          '| 2020 | baseline 10% |  |  |',
          '| 2023 |  | 15% | 市统计局 |',
          '| 2024 |  | 18.5% | 市统计局《2024年统计公报》 |',
          '| 2025 | target 20% |  |  |',
          '| 2030 | target 25% |  |  |',
        ].join('\n'),
      ),
      md,
    );
  });

  it('the same on a reference to the indicator, in Chinese', () => {
    const md = hover(plan, 'tasks.pilot.yaml', 'indicators: [IND-NF]', 'zh-CN', 'indicators: ['.length + 2);
    assert.ok(md.startsWith('**指标 · indicator** `IND-NF`'), md);
    assert.ok(md.includes('**规划值与实际值**'), md);
    assert.ok(md.includes('| 年份 | 规划 | 实际 | 来源 |'), md);
    assert.ok(md.includes('| 2020 | 基准 10% |  |  |'), md);
    assert.ok(md.includes('| 2024 |  | 18.5% | 市统计局《2024年统计公报》 |'), md);
    assert.ok(md.includes('| 2030 | 目标 25% |  |  |'), md);
  });

  it('no table for an indicator no Progress file reports on', () => {
    const md = hover(plan, 'indicators.pilot.yaml', 'IND-PV', 'en');
    assert.ok(md.includes('Baseline → targets'), md);
    assert.ok(!md.includes('Planned and actual'), md);
  });

  it('a reported value that is not a number yet shows as written; a year with a target and a value has both; cells are escaped', () => {
    const p = progressPlanOf({
      ...PROGRESS_PLAN,
      'progress-2025.pilot.yaml': 'apiVersion: pilot-plan/v1\nkind: Progress\nyear: 2025\nindicators:\n  - id: IND-NF\n    value: 待补充\n    source: "A | B"\n',
    });
    const md = hover(p, 'indicators.pilot.yaml', 'IND-NF', 'en');
    assert.ok(md.includes('| 2025 | target 20% | 待补充 | A \\| B |'), md);
  });

  it('a task\'s hover adds its latest status: year, status, note and where it is reported', () => {
    const md = hover(plan, 'tasks.pilot.yaml', 'T-ENERGY-01', 'zh-CN');
    assert.ok(md.includes('**最新进展**（2024 年）：按计划推进（`on-track`）'), md);
    assert.ok(md.includes('说明：一期并网'), md);
    assert.ok(md.includes('见 `progress-2024.pilot.yaml` 第 10 行'), md);
    const en = hover(plan, 'projects.pilot.yaml', 'tasks: [T-ENERGY-01]', 'en', 'tasks: ['.length + 2);
    assert.ok(en.includes('**Latest progress** (2024): on track (`on-track`)'), en);
  });

  it('a project\'s hover adds its investment to date; nothing for work not reported on', () => {
    const md = hover(plan, 'projects.pilot.yaml', 'P-WIND', 'en');
    assert.ok(md.includes('**Latest progress** (2024): on track (`on-track`) · invested to date 12.5 亿元'), md);
    assert.ok(!hover(plan, 'projects.pilot.yaml', 'P-GRID', 'en').includes('Latest progress'));
    assert.ok(!hover(plan, 'tasks.pilot.yaml', 'T-ENERGY-02', 'en').includes('Latest progress'));
    assert.ok(hover(plan, 'plan.pilot.yaml', 'M-ACCOUNTING', 'zh-CN').includes('已完成（`done`）'));
  });
});

describe('editor: Progress code lenses', () => {
  const plan = progressPlanOf();

  it('a task and a project reported on get their latest status, pointing at the Progress entry', () => {
    const tasks = fileOf(plan, 'tasks.pilot.yaml').model;
    const lenses = codeLenses(plan, tasks, 'zh-CN');
    const status = lenses.filter((l) => l.lens === 'progress');
    assert.deepEqual(status.map((l) => [l.id, l.title]), [['T-ENERGY-01', '2024 年：按计划推进']]);
    const [where] = status[0].locations;
    const progressText = PROGRESS_PLAN['progress-2024.pilot.yaml'];
    assert.equal(where.file, `${PROGRESS_ROOT}/progress-2024.pilot.yaml`);
    assert.equal(progressText.slice(where.span.start, where.span.end), 'T-ENERGY-01');
    assert.equal(progressText.slice(0, where.span.start).split('\n').length, 10);
    // The references lens stays first on the task.
    assert.deepEqual(lenses.filter((l) => l.id === 'T-ENERGY-01').map((l) => l.lens), ['refs', 'progress']);

    const projects = fileOf(plan, 'projects.pilot.yaml').model;
    assert.deepEqual(codeLenses(plan, projects, 'en').map((l) => [l.id, l.title]), [['P-WIND', '2024: on track']]);
    assert.equal(lensFor(plan, projects, 'P-WIND', 'en', 'progress')?.title, '2024: on track');
    assert.equal(lensFor(plan, projects, 'P-GRID', 'en', 'progress'), undefined);
  });

  it('places status lenses only where a Progress file reports, and only with the plan', () => {
    const tasks = fileOf(plan, 'tasks.pilot.yaml').model;
    assert.deepEqual(lensPlaces(tasks, plan).map((l) => `${l.id}:${l.lens}`), ['T-ENERGY-01:refs', 'T-ENERGY-01:progress', 'T-ENERGY-02:refs']);
    assert.deepEqual(lensPlaces(tasks).map((l) => `${l.id}:${l.lens}`), ['T-ENERGY-01:refs', 'T-ENERGY-02:refs']);
    assert.deepEqual(lensPlaces(fileOf(plan, 'projects.pilot.yaml').model, plan).map((l) => `${l.id}:${l.lens}`), ['P-WIND:progress']);
  });

  it('a Progress file broken by the edit in progress is read from its last good version', () => {
    const good = progressPlanOf();
    const broken = progressPlanOf({ ...PROGRESS_PLAN, 'progress-2024.pilot.yaml': PROGRESS_PLAN['progress-2024.pilot.yaml'].replace('status: on-track', 'status: [on-track') });
    const path = `${PROGRESS_ROOT}/progress-2024.pilot.yaml`;
    assert.ok(broken.index.file(path)!.parsed.syntax.length > 0);
    const tasks = fileOf(broken, 'tasks.pilot.yaml').model;
    const withLastGood: EditorPlan = { ...broken, lastGood: (p) => (p === path ? good.index.file(path) : undefined) };
    assert.equal(lensFor(withLastGood, tasks, 'T-ENERGY-01', 'en', 'progress')?.title, '2024: on track');
  });

  it('the latest year wins: a task delayed in 2023 and on track in 2024 shows 2024', () => {
    const only2023 = { ...PROGRESS_PLAN };
    delete only2023['progress-2024.pilot.yaml'];
    const p = progressPlanOf(only2023);
    const l = lensFor(p, fileOf(p, 'tasks.pilot.yaml').model, 'T-ENERGY-01', 'en', 'progress');
    assert.equal(l?.title, '2023: delayed');
  });
});

describe('editor: the next Progress file', () => {
  it('reports on the year after the latest Progress file, else on last calendar year', () => {
    assert.equal(nextProgressYear(progressPlanOf(), 2030), 2025);
    const none = Object.fromEntries(Object.entries(PROGRESS_PLAN).filter(([k]) => !k.startsWith('progress-')));
    assert.equal(nextProgressYear(progressPlanOf(none), 2026), 2025);
  });

  it('lists every indicator, task, project, mechanism and action with what is to be filled in as 待补充', () => {
    const made = newProgressFile(progressPlanOf(), 'zh-CN', 2026);
    assert.equal(made.year, 2025);
    assert.equal(made.fileName, 'progress-2025.pilot.yaml');
    assert.match(made.text, /^# 深圳市 碳达峰试点建设 2025 年度进展\n/);
    const data = parse(made.text);
    assert.deepEqual(
      { ...data, indicators: undefined, tasks: undefined, projects: undefined, mechanisms: undefined, actions: undefined },
      { apiVersion: 'pilot-plan/v1', kind: 'Progress', year: 2025, indicators: undefined, tasks: undefined, projects: undefined, mechanisms: undefined, actions: undefined },
    );
    assert.deepEqual(data.indicators, [
      { id: 'IND-NF', value: '待补充', unit: '%', source: '待补充' },
      { id: 'IND-PV', value: '待补充', unit: '万kW', source: '待补充' },
    ]);
    assert.deepEqual(data.tasks, [
      { id: 'T-ENERGY-01', status: '待补充' },
      { id: 'T-ENERGY-02', status: '待补充' },
    ]);
    // The investment to date in the unit the project's investment is planned in.
    assert.deepEqual(data.projects, [
      { id: 'P-WIND', status: '待补充', invested: { value: '待补充', unit: '亿元' } },
      { id: 'P-GRID', status: '待补充', invested: { value: '待补充', unit: '万元' } },
    ]);
    assert.deepEqual(data.mechanisms, [{ id: 'M-ACCOUNTING', status: '待补充' }]);
    assert.deepEqual(data.actions, [{ id: 'A-GREEN-TRAVEL', status: '待补充' }]);
    assert.ok(isPlaceholder(data.indicators[0].value));
    // Each entry is found by its name.
    assert.match(made.text, /- id: IND-NF {2}# 非化石能源消费比重\n/);
    const en = newProgressFile(progressPlanOf(), 'en', 2026);
    assert.match(en.text, /^# 深圳市: carbon peak pilot progress in 2025\n/);
    assert.match(en.text, /- id: IND-NF {2}# Share of non-fossil energy\n/);
    assert.deepEqual(parse(en.text).indicators, data.indicators);
  });

  it('every 待补充 is reported by the placeholder rule until filled in', () => {
    const plan = progressPlanOf();
    const made = newProgressFile(plan, 'en', 2026);
    const findings = checkMemory({ ...PROGRESS_PLAN, [made.fileName]: made.text }, { only: ['placeholder'] }).filter((f) => f.file === made.fileName);
    // 2 indicators × (value, source), 2 tasks, 2 projects × (status, invested), 1 mechanism, 1 action.
    assert.equal(findings.length, 4 + 2 + 4 + 1 + 1, findings.map((f) => `${f.line}: ${f.message}`).join('\n'));
  });

  it('the new file raises nothing but placeholders under the Progress schema and rules, and nothing once filled in', () => {
    const made = newProgressFile(progressPlanOf(), 'zh-CN', 2026);
    const others = checkMemory({ ...PROGRESS_PLAN, [made.fileName]: made.text }).filter((f) => f.file === made.fileName && f.code !== 'placeholder');
    assert.deepEqual(others.map((f) => `${f.code}@${f.line}: ${f.message}`), []);
    // Filled in as a planner would: every status on track, figures on the plans' paths.
    const filled = made.text
      .replace(/status: 待补充/g, 'status: on-track')
      .replace(/source: 待补充/g, 'source: 市统计局')
      .replace(/value: 待补充, unit: 亿元/g, 'value: 1, unit: 亿元')
      .replace(/value: 待补充, unit: 万元/g, 'value: 100, unit: 万元')
      .replace(/value: 待补充/g, 'value: 50');
    assert.doesNotMatch(filled.replace(/^#.*\n/gm, ''), /待补充/);
    const all = checkMemory({ ...PROGRESS_PLAN, [made.fileName]: filled }).filter((f) => f.file === made.fileName && !['indicator-behind'].includes(f.code));
    assert.deepEqual(all.map((f) => `${f.code}@${f.line}: ${f.message}`), []);
  });

  it('a plan without entries gives a file with its header and year only; odd IDs are left out', () => {
    const made = newProgressFile(
      progressPlanOf({
        'plan.pilot.yaml': 'apiVersion: pilot-plan/v1\nkind: Plan\nid: X\nbaseYear: 2020\nmechanisms:\n  - id: 待补充\n  - id: m-lower\n',
      }),
      'en',
      2024,
    );
    assert.deepEqual(parse(made.text), { apiVersion: 'pilot-plan/v1', kind: 'Progress', year: 2023 });
    assert.match(made.text, /^# X: carbon peak pilot progress in 2023\n/);
  });
});
