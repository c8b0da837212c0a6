/**
 * A small in-memory plan with two Progress files (2023 and 2024), for the tests of the
 * editor's Progress features: an indicator reported on in both years, a task whose status
 * changed, a project with its investment to date, a mechanism; and things reported on in
 * no Progress file.
 */
import type { EditorFile, EditorPlan } from '../../server/src/engine/editor/context';
import { parseText } from '../../server/src/engine/parse/load';
import { buildFileModel } from '../../server/src/engine/plan/model';
import { PlanIndex } from '../../server/src/engine/plan/plan-index';

export const PROGRESS_ROOT = '/mem/plan';

export const PROGRESS_PLAN: Record<string, string> = {
  'plan.pilot.yaml': `apiVersion: pilot-plan/v1
kind: Plan
id: SZ
pilot:
  name: 深圳市
  type: city
  province: 广东省
baseYear: 2020
targetYears: [2025, 2030]
mechanisms:
  - id: M-ACCOUNTING
    title: 碳排放统计核算制度
actions:
  - id: A-GREEN-TRAVEL
    title: 绿色出行宣传月
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
    baseline: { year: 2020, value: 10 }
    targets:
      - { year: 2025, value: 20 }
      - { year: 2030, value: 25 }
  - id: IND-PV
    name: 光伏装机容量
    type: level
    unit: 万kW
    direction: increase
    baseline: { year: 2020, value: 100 }
    targets:
      - { year: 2030, value: 240 }
`,
  'tasks.pilot.yaml': `apiVersion: pilot-plan/v1
kind: Tasks
tasks:
  - id: T-ENERGY-01
    title: 推进非化石能源规模化发展
    area: energy-transition
    lead: 市发展改革委
    due: 2025
    indicators: [IND-NF]
  - id: T-ENERGY-02
    title: 推动煤炭消费减量替代
    area: energy-transition
    lead: 市发展改革委
    indicators: [IND-PV]
`,
  'projects.pilot.yaml': `apiVersion: pilot-plan/v1
kind: Projects
projects:
  - id: P-WIND
    name: 海上风电项目
    investment: { value: 30, unit: 亿元 }
    tasks: [T-ENERGY-01]
  - id: P-GRID
    name: 智能电网
    investment: { value: 5000, unit: 万元 }
    tasks: [T-ENERGY-02]
`,
  'progress-2023.pilot.yaml': `apiVersion: pilot-plan/v1
kind: Progress
year: 2023
indicators:
  - id: IND-NF
    value: 15
    unit: "%"
    source: 市统计局
tasks:
  - id: T-ENERGY-01
    status: delayed
    note: 海上风电核准推迟
`,
  'progress-2024.pilot.yaml': `apiVersion: pilot-plan/v1
kind: Progress
year: 2024
reported: 2025-03-31
indicators:
  - id: IND-NF
    value: 18.5
    source: 市统计局《2024年统计公报》
tasks:
  - id: T-ENERGY-01
    status: on-track
    note: 一期并网
projects:
  - id: P-WIND
    status: on-track
    invested: { value: 12.5, unit: 亿元 }
mechanisms:
  - { id: M-ACCOUNTING, status: done }
`,
};

export function progressPlanOf(files: Record<string, string> = PROGRESS_PLAN): EditorPlan {
  const index = new PlanIndex(PROGRESS_ROOT);
  for (const [rel, text] of Object.entries(files)) index.setFile(buildFileModel(parseText(`${PROGRESS_ROOT}/${rel}`, text)));
  return { root: PROGRESS_ROOT, index, lastGood: () => undefined };
}

export function fileOf(plan: EditorPlan, rel: string): EditorFile {
  const model = plan.index.file(`${PROGRESS_ROOT}/${rel}`);
  if (!model) throw new Error(`no file ${rel}`);
  return { path: model.path, model };
}
