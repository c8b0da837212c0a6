/**
 * The plan tree an editor shows beside its files: a plan's entities grouped (tasks by area or
 * by lead department, then projects, indicators, reforms, technology, mechanisms, actions, risks), each with its
 * name, ID, key facts, its place and the count of its findings. Pure data in the locale: the
 * language server answers `pilotPlan/planTree` with it, the VS Code client draws it.
 */
import type { Finding, Severity, Span } from '../findings';
import { KIND_NAMES, type Locale } from '../i18n/messages';
import { formatValue } from '../indicators';
import { ENTITY_LISTS, idSpan, isObj, type Entity, type EntityKind, type FileKind } from '../plan/model';
import { entityName, entityNameEn, local, text, type EditorPlan } from './context';
import { schemaAt, splitEnumDescription } from './schema-info';

export type TaskGrouping = 'area' | 'lead';

export interface FindingCounts {
  errors: number;
  warnings: number;
  infos: number;
}

export interface PlanTreeEntity {
  id: string;
  kind: EntityKind;
  /** The entity's name in the locale (the ID when it has none). */
  label: string;
  /** Key facts, one a line, in the locale: what a tooltip shows. */
  facts: string[];
  file: string;
  /** The ID's place in `file` (what going to the definition selects). */
  span: Span;
  counts: FindingCounts;
}

export interface PlanTreeGroup {
  /** Stable across refreshes: the list (`tasks`), or the list and the area or lead (`tasks/area/energy-transition`). */
  key: string;
  label: string;
  /** The kind of the entities in it. */
  kind: EntityKind;
  counts: FindingCounts;
  /** Entities, or (tasks grouped by area or lead) subgroups. */
  entities: PlanTreeEntity[];
  groups: PlanTreeGroup[];
}

export interface PlanTree {
  root: string | undefined;
  planId: string | undefined;
  /** The pilot's name (the plan's name), else its ID. */
  label: string;
  counts: FindingCounts;
  groups: PlanTreeGroup[];
}

/** The lists in the order a plan presents them; lists added to the format later follow, in their own order. */
const LIST_ORDER = ['tasks', 'projects', 'indicators', 'reforms', 'technology', 'mechanisms', 'actions', 'risks'];

const FILE_OF_LIST: Record<string, FileKind> = { tasks: 'Tasks', projects: 'Projects', indicators: 'Indicators' };

export const emptyCounts = (): FindingCounts => ({ errors: 0, warnings: 0, infos: 0 });

function add(to: FindingCounts, from: FindingCounts): void {
  to.errors += from.errors;
  to.warnings += from.warnings;
  to.infos += from.infos;
}

function bump(counts: FindingCounts, severity: Severity): void {
  if (severity === 'error') counts.errors++;
  else if (severity === 'warning') counts.warnings++;
  else counts.infos++;
}

/** The highest severity among counts, or undefined for none. */
export function highestSeverity(c: FindingCounts): Severity | undefined {
  return c.errors ? 'error' : c.warnings ? 'warning' : c.infos ? 'info' : undefined;
}

/** `2 个错误、1 个警告` / `2 errors, 1 warning`: the non-zero counts. */
export function countsText(c: FindingCounts, locale: Locale): string {
  const parts: string[] = [];
  if (c.errors) parts.push(text(locale, `${c.errors} 个错误`, `${c.errors} error${c.errors > 1 ? 's' : ''}`));
  if (c.warnings) parts.push(text(locale, `${c.warnings} 个警告`, `${c.warnings} warning${c.warnings > 1 ? 's' : ''}`));
  if (c.infos) parts.push(text(locale, `${c.infos} 条提示`, `${c.infos} info${c.infos > 1 ? 's' : ''}`));
  return parts.join(text(locale, '、', ', '));
}

/** Where in the plan each finding is: the entry of an entity list its path starts with. */
function countsByEntry(plan: EditorPlan, findings: ReadonlyMap<string, readonly Finding[]> | undefined): Map<string, FindingCounts> {
  const out = new Map<string, FindingCounts>();
  if (!findings) return out;
  for (const [file, list] of findings) {
    const model = plan.index.file(file);
    if (!model) continue;
    for (const f of list) {
      // The path a rule named, else the deepest one at the finding's start (its segment is parsed already: the finding has its range).
      const path = f.data?.path ?? model.parsed.pathAt(f.span.start)?.path;
      if (!path || typeof path[0] !== 'string' || !ENTITY_LISTS[path[0]] || typeof path[1] !== 'number') continue;
      const key = `${file}\0${path[0]}\0${path[1]}`;
      let c = out.get(key);
      if (!c) out.set(key, (c = emptyCounts()));
      bump(c, f.severity);
    }
  }
  return out;
}

/** `牵头部门：市发展改革委`: a field labelled with its schema title in the locale. */
function fact(listKey: string, key: string, value: string, locale: Locale): string {
  const title = schemaAt(FILE_OF_LIST[listKey] ?? 'Plan', [listKey, 0, key]).title;
  const label = title ? local(title, locale) : key;
  return text(locale, `${label}：${value}`, `${label}: ${value}`);
}

/** An enum value's title in the locale (the value itself when the schema has none). */
function enumTitle(listKey: string, key: string, value: string, locale: Locale): string {
  const hit = schemaAt(FILE_OF_LIST[listKey] ?? 'Plan', [listKey, 0, key]).enumValues?.find((v) => v.value === value);
  const title = splitEnumDescription(hit?.description).title;
  return title ? local(title, locale) : value;
}

function quantity(v: unknown): string | undefined {
  return isObj(v) && typeof v.value === 'number' ? formatValue(v.value, v.unit) : undefined;
}

function yearText(v: unknown): string | undefined {
  return typeof v === 'number' || (typeof v === 'string' && v) ? String(v) : undefined;
}

/** What a tooltip tells of an entity: for a task its lead and due year, a project its investment and years, an indicator its unit, baseline and targets. */
function factsOf(e: Entity, listKey: string, locale: Locale): string[] {
  const d = e.data;
  const out: string[] = [];
  const en = entityNameEn(e);
  if (locale === 'zh-CN' && en) out.push(en);
  if (e.kind === 'task') {
    if (typeof d.lead === 'string' && d.lead) out.push(fact(listKey, 'lead', d.lead, locale));
    const due = yearText(d.due);
    if (due) out.push(fact(listKey, 'due', due, locale));
    if (typeof d.area === 'string') out.push(fact(listKey, 'area', enumTitle(listKey, 'area', d.area, locale), locale));
  } else if (e.kind === 'project') {
    const investment = quantity(d.investment);
    if (investment) out.push(fact(listKey, 'investment', investment, locale));
    const start = yearText(d.start);
    const end = yearText(d.end);
    if (start || end) {
      const span = start && end ? text(locale, `${start} 至 ${end}`, `${start} to ${end}`) : start ? text(locale, `${start} 起`, `from ${start}`) : text(locale, `至 ${end}`, `until ${end}`);
      out.push(text(locale, `建设周期：${span}`, `Years: ${span}`));
    }
    if (typeof d.status === 'string') out.push(fact(listKey, 'status', enumTitle(listKey, 'status', d.status, locale), locale));
  } else if (e.kind === 'indicator') {
    if (typeof d.unit === 'string' && d.unit) out.push(fact(listKey, 'unit', d.unit, locale));
    const b = d.baseline;
    if (isObj(b) && typeof b.value === 'number') out.push(fact(listKey, 'baseline', `${formatValue(b.value, d.unit)}${yearText(b.year) ? text(locale, `（${b.year} 年）`, ` (${b.year})`) : ''}`, locale));
    const targets = Array.isArray(d.targets) ? d.targets.filter(isObj) : [];
    const shown = targets
      .filter((t) => typeof t.value === 'number')
      .map((t) => `${yearText(t.year) ? text(locale, `${t.year} 年 `, `${t.year}: `) : ''}${typeof t.comparator === 'string' && t.comparator !== '=' ? `${t.comparator} ` : ''}${formatValue(t.value as number, d.unit)}`);
    if (shown.length) out.push(fact(listKey, 'targets', shown.join(text(locale, '；', '; ')), locale));
  } else if (e.kind === 'risk' && typeof d.category === 'string') out.push(fact(listKey, 'category', enumTitle(listKey, 'category', d.category, locale), locale));
  else if (e.kind === 'mechanism' && typeof d.type === 'string') out.push(fact(listKey, 'type', enumTitle(listKey, 'type', d.type, locale), locale));
  return out;
}

function group(key: string, label: string, kind: EntityKind): PlanTreeGroup {
  return { key, label, kind, counts: emptyCounts(), entities: [], groups: [] };
}

/** Tasks under their area (in the schema's order of areas) or their lead department (in Chinese collation order). */
function taskSubgroups(tasks: { e: Entity; item: PlanTreeEntity }[], by: TaskGrouping, locale: Locale): PlanTreeGroup[] {
  const groups = new Map<string, PlanTreeGroup>();
  for (const { e, item } of tasks) {
    const raw = by === 'area' ? e.data.area : e.data.lead;
    const value = typeof raw === 'string' && raw.trim() ? raw.trim() : '';
    let g = groups.get(value);
    if (!g) {
      const label = !value
        ? by === 'area'
          ? text(locale, '（未填领域）', '(no area)')
          : text(locale, '（未填牵头部门）', '(no lead department)')
        : by === 'area'
          ? enumTitle('tasks', 'area', value, locale)
          : value;
      groups.set(value, (g = group(`tasks/${by}/${value}`, label, 'task')));
    }
    g.entities.push(item);
    add(g.counts, item.counts);
  }
  const areaOrder = (schemaAt('Tasks', ['tasks', 0, 'area']).enumValues ?? []).map((v) => v.value);
  const rank = (k: string) => (k === '' ? Infinity : by === 'area' ? (areaOrder.indexOf(k) + 1 || areaOrder.length + 1) : 0);
  return [...groups.entries()].sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b, 'zh-CN')).map(([, g]) => g);
}

/**
 * The plan's tree: every entity with an ID of the plan's files as they are now (a file broken
 * by an edit shows what it still defines), an ID defined twice once per definition (each has
 * its own place and its own findings). `findings` are the plan's last findings by file.
 */
export function planTree(plan: EditorPlan, findings: ReadonlyMap<string, readonly Finding[]> | undefined, locale: Locale, tasksBy: TaskGrouping = 'area'): PlanTree {
  const counts = countsByEntry(plan, findings);
  const byList = new Map<string, { e: Entity; item: PlanTreeEntity }[]>();
  const files = [...plan.index.files].sort((a, b) => a.path.localeCompare(b.path));
  for (const m of files) {
    for (const e of m.entities) {
      const [listKey, index] = e.path;
      if (!e.id || typeof listKey !== 'string' || !ENTITY_LISTS[listKey]) continue;
      const name = locale === 'zh-CN' ? entityName(e) ?? entityNameEn(e) : entityNameEn(e) ?? entityName(e);
      const item: PlanTreeEntity = {
        id: e.id,
        kind: e.kind,
        label: name ?? e.id,
        facts: factsOf(e, listKey, locale),
        file: m.path,
        span: idSpan(m.parsed, e),
        counts: { ...(counts.get(`${m.path}\0${listKey}\0${index}`) ?? emptyCounts()) },
      };
      let list = byList.get(listKey);
      if (!list) byList.set(listKey, (list = []));
      list.push({ e, item });
    }
  }
  const order = (k: string) => (LIST_ORDER.indexOf(k) + 1 || LIST_ORDER.length + 1);
  const groups: PlanTreeGroup[] = [];
  for (const [listKey, list] of [...byList.entries()].sort(([a], [b]) => order(a) - order(b) || a.localeCompare(b))) {
    const kind = ENTITY_LISTS[listKey].kind;
    const title = schemaAt(FILE_OF_LIST[listKey] ?? 'Plan', [listKey]).title;
    const label = title ? local(title, locale) : local(KIND_NAMES[kind] ?? { en: listKey, zh: listKey }, locale);
    const g = group(listKey, label, kind);
    if (listKey === 'tasks') {
      g.label = `${label}${tasksBy === 'area' ? text(locale, '（按领域）', ' (by area)') : text(locale, '（按牵头部门）', ' (by lead department)')}`;
      g.groups = taskSubgroups(list, tasksBy, locale);
    } else g.entities = list.map((x) => x.item);
    for (const x of list) add(g.counts, x.item.counts);
    groups.push(g);
  }
  const total = emptyCounts();
  if (findings) for (const list of findings.values()) for (const f of list) bump(total, f.severity);
  const settings = plan.index.settings;
  const planEntity = plan.index.planFiles[0]?.entities.find((e) => e.kind === 'plan');
  const pilot = isObj(settings?.data.pilot) && typeof settings.data.pilot.name === 'string' && settings.data.pilot.name ? settings.data.pilot.name : undefined;
  return {
    root: plan.root,
    planId: settings?.id,
    label: pilot ?? (planEntity ? entityName(planEntity) : undefined) ?? settings?.id ?? text(locale, '（方案无 ID）', '(plan without ID)'),
    counts: total,
    groups,
  };
}
