/**
 * The text of a plan's next Progress file (`pilotPlan.newProgress`): one entry for
 * every indicator, task, project, mechanism and action of the plan, with what only
 * the planners know left as `待补充` — an indicator's value and source, each status,
 * a project's investment to date — so that the `placeholder` rule lists what is still
 * to be reported until every one is filled in. What the plan already knows is written
 * out: the year, each ID, an indicator's unit, a project's unit of investment.
 * Pure: the caller says which year it is now.
 */
import { yamlScalar } from '../../common/yaml-scalar';
import type { Locale } from '../i18n/messages';
import { isObj, type Entity, type EntityKind } from '../plan/model';
import { PLACEHOLDER_TEXT, isPlaceholder } from '../placeholders';
import { entityName, entityNameEn, ID_PATTERN, text, type EditorPlan } from './context';
import { progressOf } from './progress-view';

export interface NewProgress {
  year: number;
  /** `progress-<year>.pilot.yaml`, in the plan's folder. */
  fileName: string;
  text: string;
}

/**
 * The year the next Progress file reports on. After the latest one a plan has, the year
 * after it: reports come once a year, in order. Without one, last calendar year: a year's
 * results are reported early in the next (the format's example reports 2024 on 2025-03-31),
 * so last year is the one a planner reporting now has figures for.
 */
export function nextProgressYear(plan: EditorPlan, currentYear: number): number {
  const latest = progressOf(plan).latestYear;
  return latest !== undefined ? latest + 1 : currentYear - 1;
}

export function progressFileName(year: number): string {
  return `progress-${year}.pilot.yaml`;
}

/** The lists of a Progress file, in the format's order, with the kind each entry names. */
const LISTS: { key: string; kind: EntityKind }[] = [
  { key: 'indicators', kind: 'indicator' },
  { key: 'tasks', kind: 'task' },
  { key: 'projects', kind: 'project' },
  { key: 'mechanisms', kind: 'mechanism' },
  { key: 'actions', kind: 'action' },
];

/** The plan's entities of a kind, one per ID (its first definition), by file and then place in the file. */
function entitiesOf(plan: EditorPlan, kind: EntityKind): Entity[] {
  const seen = new Set<string>();
  const out: Entity[] = [];
  const files = [...plan.index.files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const m of files) {
    for (const e of m.entities) {
      // An ID not written yet (待补充) or not an ID cannot be reported on: the plan's own findings say so.
      if (e.kind !== kind || seen.has(e.id) || isPlaceholder(e.id) || !ID_PATTERN.test(e.id)) continue;
      seen.add(e.id);
      out.push(e);
    }
  }
  return out;
}

/** A comment with an entity's name, as a planner finds the entry again: ` # 非化石能源消费比重`. */
function nameComment(e: Entity, locale: Locale): string {
  const name = (locale === 'zh-CN' ? entityName(e) ?? entityNameEn(e) : entityNameEn(e) ?? entityName(e))?.replace(/\s+/g, ' ').trim();
  return name ? `  # ${name.length > 60 ? name.slice(0, 59) + '…' : name}` : '';
}

function planName(plan: EditorPlan): string | undefined {
  const d = plan.index.settings?.data;
  if (!d) return undefined;
  if (isObj(d.pilot) && typeof d.pilot.name === 'string' && d.pilot.name.trim()) return d.pilot.name.trim();
  return typeof d.id === 'string' ? d.id : undefined;
}

function header(plan: EditorPlan, year: number, locale: Locale): string[] {
  const name = planName(plan);
  return text(
    locale,
    [
      `# ${name ? `${name} ` : ''}碳达峰试点建设 ${year} 年度进展`,
      `# 将每个“${PLACEHOLDER_TEXT}”换成 ${year} 年的实际情况：指标的实际值及其来源（单位须与指标一致），`,
      '# 任务、项目、政策机制和全民行动的状态：not-started（未启动）、on-track（按计划推进）、',
      '# delayed（滞后）、done（已完成）、cancelled（已取消），项目截至年底的累计完成投资。',
      `# 未替换的“${PLACEHOLDER_TEXT}”会一直被 placeholder 规则提示；本年度不报告的条目可以删除。`,
    ].join('\n'),
    [
      `# ${name ? `${name}: ` : ''}carbon peak pilot progress in ${year}`,
      `# Replace each ${PLACEHOLDER_TEXT} with what happened in ${year}: each indicator's actual value and its source`,
      "# (in the indicator's unit); the status of each task, project, mechanism and action: not-started,",
      '# on-track, delayed, done or cancelled; and each project\'s investment to date at the end of the year.',
      `# The placeholder rule reports every ${PLACEHOLDER_TEXT} left; entries not reported this year can be deleted.`,
    ].join('\n'),
  ).split('\n');
}

/** The unit of a quantity `{ value, unit }`, when it has a usable one. */
function unitOf(v: unknown): string | undefined {
  return isObj(v) && typeof v.unit === 'string' && v.unit.trim() !== '' && !isPlaceholder(v.unit) ? v.unit.trim() : undefined;
}

/** The Progress file for `year` (or the next year the plan has not reported on, from `currentYear`). */
export function newProgressFile(plan: EditorPlan, locale: Locale, currentYear: number, year = nextProgressYear(plan, currentYear)): NewProgress {
  const todo = PLACEHOLDER_TEXT;
  const lines = [...header(plan, year, locale), 'apiVersion: pilot-plan/v1', 'kind: Progress', `year: ${year}`];
  for (const { key, kind } of LISTS) {
    const list = entitiesOf(plan, kind);
    if (!list.length) continue;
    lines.push('', `${key}:`);
    for (const e of list) {
      lines.push(`  - id: ${yamlScalar(e.id)}${nameComment(e, locale)}`);
      if (kind === 'indicator') {
        lines.push(`    value: ${todo}`);
        const unit = typeof e.data.unit === 'string' && e.data.unit.trim() !== '' && !isPlaceholder(e.data.unit) ? e.data.unit.trim() : undefined;
        if (unit) lines.push(`    unit: ${yamlScalar(unit)}`);
        lines.push(`    source: ${todo}`);
      } else {
        lines.push(`    status: ${todo}`);
        // The investment to date in the unit of the planned investment, so that the two compare at a glance.
        if (kind === 'project') lines.push(`    invested: { value: ${todo}, unit: ${yamlScalar(unitOf(e.data.investment) ?? '亿元')} }`);
      }
    }
  }
  return { year, fileName: progressFileName(year), text: lines.join('\n') + '\n' };
}
