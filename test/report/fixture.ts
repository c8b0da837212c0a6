/**
 * A small plan for the report's tests, in memory, whose figures are worked out by hand:
 * investment in 亿元 and 万元, split between areas and spread over months, a project without
 * a task, one in a unit the format does not know, one without dates; indicators with a
 * provincial and a national reference; a dependency on a task the plan lacks.
 */
import * as nodePath from 'node:path';
import { MemoryFileHost } from '../../server/src/engine/plan/memory-host';
import { Workspace } from '../../server/src/engine/plan/workspace';
import { checkFiles } from '../../server/src/engine/checker';
import { locate } from '../../server/src/engine/output/located';
import type { FileModel } from '../../server/src/engine/plan/model';
import type { Locale } from '../../server/src/engine/i18n/messages';
import { buildReport, type PlanReport, type ReportInput } from '../../server/src/engine/report/model';

export const FIXTURE_ROOT = '/mem/report';

export const FIXTURE: Record<string, string> = {
  'plan.pilot.yaml': `apiVersion: pilot-plan/v1
kind: Plan
id: RPT
pilot:
  name: 测试市
  nameEn: Test City
  type: city
  province: 广东省
  batch: 2
baseYear: 2020
targetYears: [2025, 2030]
peak:
  year: 2028
investmentTotal: { value: 20, unit: 亿元 }
mechanisms:
  - id: M-1
    type: carbon-accounting
    title: 建立碳排放统计核算体系
    titleEn: Carbon accounting
    milestone: 2025
actions:
  - id: A-1
    title: 全国节能宣传周
risks:
  - id: R-1
    category: power-supply
    title: 电力供应缺口
    mitigation: 建设新型储能
    affects: [T-GRID]
`,
  'tasks.pilot.yaml': `apiVersion: pilot-plan/v1
kind: Tasks
tasks:
  - id: T-GRID
    title: 建设智能电网
    titleEn: Build a smart grid
    area: energy-transition
    lead: 市发展改革委
    indicators: [IND-SHARE]
    due: 2027
  - id: T-BUILD
    title: 推广绿色建筑
    area: buildings
    lead: 市住房城乡建设局
    indicators: [IND-CUT]
    dependsOn: [T-GRID, T-MISSING]
    due: 2025
  - id: T-PV
    title: 推进屋顶光伏
    area: energy-transition
    lead: 市发展改革委
    indicators: [IND-PV]
    dependsOn: [T-GRID]
    due: 2030
`,
  'projects.pilot.yaml': `apiVersion: pilot-plan/v1
kind: Projects
projects:
  - id: P-BOTH
    name: 电网与建筑综合改造
    tasks: [T-GRID, T-BUILD]
    start: 2024-07
    end: 2025-06
    investment: { value: 12, unit: 亿元 }
  - id: P-PV
    name: 屋顶光伏
    tasks: [T-PV]
    start: 2025
    end: 2026
    investment: { value: 50000, unit: 万元 }
  - id: P-LOOSE
    name: 未关联任务的项目
    start: 2026-03
    investment: { value: 300000000, unit: 元 }
  - id: P-NODATE
    name: 未写时间的项目
    tasks: [T-BUILD]
    investment: { value: 2, unit: 亿元 }
  - id: P-BADUNIT
    name: 单位有误的项目
    tasks: [T-PV]
    start: 2025
    investment: { value: 7, unit: 美元 }
`,
  'indicators.pilot.yaml': `apiVersion: pilot-plan/v1
kind: Indicators
indicators:
  - id: IND-SHARE
    name: 非化石能源消费比重
    nameEn: Non-fossil share
    type: share
    unit: "%"
    direction: increase
    binding: true
    baseline: { year: 2020, value: 20 }
    targets:
      - { year: 2025, value: 32, comparator: ">=" }
      - { year: 2030, value: 35, comparator: "~" }
    nationalRef: non-fossil-share
  - id: IND-CUT
    name: 单位地区生产总值二氧化碳排放降低
    type: reduction
    unit: "%"
    direction: decrease
    binding: true
    targets:
      - { year: 2025, value: 19 }
      - { year: 2030, value: 40 }
    nationalRef: co2-intensity
  - id: IND-PV
    name: 光伏发电装机容量
    type: level
    unit: 万kW
    direction: increase
    binding: false
    baseline: { year: 2020, value: 10 }
    targets:
      - { year: 2025, value: 30 }
`,
};

/** The fixture's models and findings, as the command gives them to buildReport. */
export function fixtureInput(locale: Locale = 'en', extra: Partial<ReportInput> = {}, tree: Record<string, string> = FIXTURE): ReportInput {
  const abs: Record<string, string> = {};
  for (const [p, t] of Object.entries(tree)) abs[nodePath.posix.join(FIXTURE_ROOT, p)] = t;
  const ws = new Workspace(new MemoryFileHost(abs));
  const files = Object.keys(abs).sort();
  const findings = checkFiles(ws, files).map((r) => ({ path: nodePath.posix.relative(FIXTURE_ROOT, r.path), findings: r.findings.map((f) => locate(f, r.lines, locale)) }));
  const models = ws.planMembers(FIXTURE_ROOT).map((f) => ws.load(f)).filter((m): m is FileModel => m !== undefined);
  return { files: models, shown: (p) => nodePath.posix.relative(FIXTURE_ROOT, p), findings, ...extra };
}

export function fixtureReport(locale: Locale = 'en', extra: Partial<ReportInput> = {}, tree: Record<string, string> = FIXTURE): PlanReport {
  return buildReport(fixtureInput(locale, extra, tree));
}
