/**
 * The plan tree (engine/editor/plan-tree.ts): groups in the plan's order, tasks by area and by
 * lead department, names and facts in Chinese and English, each entity's place, and the
 * findings counted on the entity they are in.
 */
import * as assert from 'node:assert/strict';
import * as nodePath from 'node:path';
import type { EditorPlan } from '../../server/src/engine/editor/context';
import { planTree, type PlanTree, type PlanTreeGroup } from '../../server/src/engine/editor/plan-tree';
import { checkFiles } from '../../server/src/engine/checker';
import type { Finding } from '../../server/src/engine/findings';
import { MemoryFileHost } from '../../server/src/engine/plan/memory-host';
import { Workspace } from '../../server/src/engine/plan/workspace';

const ROOT = '/mem/tree';

export const TREE_PLAN: Record<string, string> = {
  'plan.pilot.yaml': `apiVersion: pilot-plan/v1
kind: Plan
id: TR
pilot:
  name: 测试市
  type: city
  province: 广东省
baseYear: 2020
targetYears: [2025, 2030]
mechanisms:
  - id: M-ACCOUNTING
    type: carbon-accounting
    title: 碳排放统计核算制度
actions:
  - id: A-TRAVEL
    title: 绿色出行宣传月
risks:
  - id: R-GRID
    category: energy-security
    title: 电力供应风险
    affects: [T-GRID]
`,
  'tasks.pilot.yaml': `apiVersion: pilot-plan/v1
kind: Tasks
tasks:
  - id: T-SOLAR
    title: 发展分布式光伏
    titleEn: Distributed solar
    area: energy-transition
    lead: 市发展改革委
    indicators: [IND-NF]
    due: 2025
  - id: T-GRID
    title: 建设智能电网
    area: energy-transition
    lead: 市工业和信息化局
    indicators: [IND-NF]
    due: 2030
  - id: T-BUS
    title: 推广新能源公交
    area: transport
    lead: 市发展改革委
    indicators: [IND-NF]
    due: 2027
`,
  'projects.pilot.yaml': `apiVersion: pilot-plan/v1
kind: Projects
projects:
  - id: P-PV
    name: 屋顶光伏项目
    tasks: [T-SOLAR]
    start: 2024
    end: 2026
    investment: { value: 12.5, unit: 亿元 }
  - id: P-BUS
    name: 公交电动化
    tasks: [T-BUS, T-NOPE]
`,
  'indicators.pilot.yaml': `apiVersion: pilot-plan/v1
kind: Indicators
indicators:
  - id: IND-NF
    name: 非化石能源消费比重
    nameEn: Share of non-fossil energy
    type: share
    unit: "%"
    direction: increase
    baseline: { year: 2020, value: 15 }
    targets:
      - { year: 2025, value: 20 }
      - { year: 2030, value: 25, comparator: ">=" }
`,
};

/** The plan and its findings by file, as a check gives them. */
export function treeOf(files: Record<string, string>, locale: 'en' | 'zh-CN', by: 'area' | 'lead' = 'area', withFindings = true): PlanTree {
  const abs: Record<string, string> = {};
  for (const [p, t] of Object.entries(files)) abs[nodePath.join(ROOT, p)] = t;
  const ws = new Workspace(new MemoryFileHost(abs));
  const findings = new Map<string, Finding[]>();
  for (const r of checkFiles(ws, Object.keys(abs))) findings.set(r.path, r.findings);
  const plan: EditorPlan = { root: ROOT, index: ws.buildPlan(ROOT), lastGood: () => undefined };
  return planTree(plan, withFindings ? findings : undefined, locale, by);
}

/** The tree as lines, two spaces a level: `group [e/w/i]`, `ID label [e/w/i]`. */
function outline(tree: PlanTree): string[] {
  const c = (x: { counts: { errors: number; warnings: number; infos: number } }) => `[${x.counts.errors}/${x.counts.warnings}/${x.counts.infos}]`;
  const out: string[] = [];
  const walk = (g: PlanTreeGroup, depth: number) => {
    out.push(`${'  '.repeat(depth)}${g.label} ${c(g)}`);
    for (const s of g.groups) walk(s, depth + 1);
    for (const e of g.entities) out.push(`${'  '.repeat(depth + 1)}${e.id} ${e.label} ${c(e)}`);
  };
  for (const g of tree.groups) walk(g, 0);
  return out;
}

describe('editor: the plan tree', () => {
  it('groups tasks by area (in the order of areas), then projects, indicators, mechanisms, actions, risks (Chinese)', () => {
    const tree = treeOf(TREE_PLAN, 'zh-CN');
    assert.equal(tree.label, '测试市');
    assert.equal(tree.planId, 'TR');
    assert.deepEqual(outline(tree), [
      '试点任务（按领域） [0/0/0]',
      '  能源绿色低碳转型 [0/0/0]',
      '    T-SOLAR 发展分布式光伏 [0/0/0]',
      '    T-GRID 建设智能电网 [0/0/0]',
      '  交通运输绿色低碳 [0/0/0]',
      '    T-BUS 推广新能源公交 [0/0/0]',
      '重点项目 [1/0/0]',
      '  P-PV 屋顶光伏项目 [0/0/0]',
      '  P-BUS 公交电动化 [1/0/0]',
      '指标 [0/0/0]',
      '  IND-NF 非化石能源消费比重 [0/0/0]',
      '政策机制 [0/0/0]',
      '  M-ACCOUNTING 碳排放统计核算制度 [0/0/0]',
      '全民行动 [0/0/0]',
      '  A-TRAVEL 绿色出行宣传月 [0/0/0]',
      '风险防范 [0/0/0]',
      '  R-GRID 电力供应风险 [0/0/0]',
    ]);
    assert.deepEqual(tree.counts, { errors: 1, warnings: 0, infos: 0 });
  });

  it('shows v1.1\'s reforms and technology after the indicators, with their facts', () => {
    const plan = TREE_PLAN['plan.pilot.yaml'].replace(
      'mechanisms:\n',
      'reforms:\n  - id: RF-FOOTPRINT\n    title: 产品碳足迹核算制度\n    tasks: [T-SOLAR]\ntechnology:\n  - id: ST-CCUS\n    type: key-technology\n    title: 碳捕集利用与封存技术攻关\n    lead: 市科技局\nmechanisms:\n',
    );
    const lines = outline(treeOf({ ...TREE_PLAN, 'plan.pilot.yaml': plan }, 'zh-CN'));
    const at = (s: string) => lines.findIndex((l) => l.startsWith(s));
    assert.ok(at('  RF-FOOTPRINT 产品碳足迹核算制度') > at('  IND-NF'), lines.join('\n'));
    assert.ok(at('  ST-CCUS 碳捕集利用与封存技术攻关') > at('  RF-FOOTPRINT'), lines.join('\n'));
    assert.ok(at('政策机制') > at('  ST-CCUS'), lines.join('\n'));
  });

  it('groups tasks by lead department instead, when asked (English)', () => {
    const tree = treeOf(TREE_PLAN, 'en', 'lead');
    const tasks = tree.groups[0];
    assert.equal(tasks.key, 'tasks');
    assert.equal(tasks.label, 'Tasks (by lead department)');
    assert.deepEqual(
      tasks.groups.map((g) => [g.label, g.entities.map((e) => e.id)]),
      [
        ['市发展改革委', ['T-SOLAR', 'T-BUS']],
        ['市工业和信息化局', ['T-GRID']],
      ],
    );
    assert.deepEqual(tasks.groups.map((g) => g.key), ['tasks/lead/市发展改革委', 'tasks/lead/市工业和信息化局']);
  });

  it('labels in English use the English names where there are, and the facts are in English', () => {
    const tree = treeOf(TREE_PLAN, 'en');
    assert.deepEqual(tree.groups.map((g) => g.label), ['Tasks (by area)', 'Projects', 'Indicators', 'Mechanisms', 'Public actions', 'Risks']);
    const solar = tree.groups[0].groups[0].entities[0];
    assert.equal(tree.groups[0].groups[0].label, 'Energy transition');
    assert.equal(solar.label, 'Distributed solar');
    assert.deepEqual(solar.facts, ['Lead department: 市发展改革委', 'Due year: 2025', 'Area: Energy transition']);
    const pv = tree.groups[1].entities[0];
    assert.deepEqual(pv.facts, ['Investment: 12.5 亿元', 'Years: 2024 to 2026']);
    const ind = tree.groups[2].entities[0];
    assert.equal(ind.label, 'Share of non-fossil energy');
    assert.deepEqual(ind.facts, ['Unit: %', 'Baseline: 15% (2020)', 'Targets: 2025: 20%; 2030: >= 25%']);
  });

  it('facts in Chinese: a task\'s lead and due year, a project\'s investment and years, an indicator\'s unit, baseline and targets', () => {
    const tree = treeOf(TREE_PLAN, 'zh-CN');
    const solar = tree.groups[0].groups[0].entities[0];
    assert.deepEqual(solar.facts, ['Distributed solar', '牵头部门：市发展改革委', '完成年份：2025', '任务领域：能源绿色低碳转型']);
    assert.deepEqual(tree.groups[1].entities[0].facts, ['总投资：12.5 亿元', '建设周期：2024 至 2026']);
    assert.deepEqual(tree.groups[2].entities[0].facts, ['Share of non-fossil energy', '单位：%', '基准值：15%（2020 年）', '目标：2025 年 20%；2030 年 >= 25%']);
  });

  it('each entity\'s place is its ID in its file', () => {
    const tree = treeOf(TREE_PLAN, 'en');
    for (const g of tree.groups) {
      for (const e of [...g.entities, ...g.groups.flatMap((s) => s.entities)]) {
        const text = TREE_PLAN[nodePath.relative(ROOT, e.file)];
        assert.equal(text.slice(e.span.start, e.span.end), e.id, `${e.id} in ${e.file}`);
      }
    }
  });

  it('counts findings on the entity they are in, and in its groups; a finding outside entries counts for the plan only', () => {
    const files = {
      ...TREE_PLAN,
      // A target against the indicator's direction (error), a task due after the horizon (error), a file-level problem.
      'indicators.pilot.yaml': TREE_PLAN['indicators.pilot.yaml'].replace('value: 25, comparator', 'value: 5, comparator'),
      'tasks.pilot.yaml': TREE_PLAN['tasks.pilot.yaml'].replace('due: 2030', 'due: 2040').replace('apiVersion: pilot-plan/v1', 'apiVersion: pilot-plan/v9'),
    };
    const tree = treeOf(files, 'en');
    const grid = tree.groups[0].groups[0].entities.find((e) => e.id === 'T-GRID')!;
    const ind = tree.groups[2].entities[0];
    assert.ok(grid.counts.errors + grid.counts.warnings >= 1, JSON.stringify(grid.counts));
    assert.ok(ind.counts.errors + ind.counts.warnings >= 1, JSON.stringify(ind.counts));
    assert.deepEqual(tree.groups[0].groups[1].entities[0].counts, { errors: 0, warnings: 0, infos: 0 });
    const sum = (g: PlanTreeGroup) => g.counts.errors + g.counts.warnings + g.counts.infos;
    const entitySum = tree.groups.reduce((n, g) => n + sum(g), 0);
    const total = tree.counts.errors + tree.counts.warnings + tree.counts.infos;
    // The api-version finding is at the file's top, in no entry.
    assert.ok(total > entitySum, `${total} > ${entitySum}`);
    assert.equal(sum(tree.groups[0]), tree.groups[0].groups.reduce((n, g) => n + sum(g), 0));
  });

  it('without findings (a plan not checked yet) every count is zero', () => {
    const tree = treeOf(TREE_PLAN, 'en', 'area', false);
    assert.deepEqual(tree.counts, { errors: 0, warnings: 0, infos: 0 });
    assert.ok(tree.groups.every((g) => g.counts.errors === 0));
  });

  it('tasks without an area or lead go last, under "no area" / "no lead department"', () => {
    const files = { ...TREE_PLAN, 'tasks.pilot.yaml': TREE_PLAN['tasks.pilot.yaml'].replace('    area: transport\n    lead: 市发展改革委\n', '') };
    assert.deepEqual(treeOf(files, 'zh-CN').groups[0].groups.map((g) => g.label), ['能源绿色低碳转型', '（未填领域）']);
    assert.deepEqual(treeOf(files, 'en', 'lead').groups[0].groups.map((g) => g.label), ['市发展改革委', '市工业和信息化局', '(no lead department)']);
  });
});
