/**
 * A picture of the whole plan as data: what `pilot-plan report` shows, computed once from the
 * plan's file models and its findings, and rendered by html.ts and markdown.ts. Every reader is
 * defensive (a plan with findings still gets its report: what cannot be read is left out or
 * counted apart, never guessed).
 */
import type { LocalText } from '../i18n/messages';
import { asNumber, asString, entries, idSpan, isObj, type FileModel, type ListEntry, type Obj } from '../plan/model';
import { baselineOf, entryLabel, parseYearMonth, reductionReference, targetsOf, yearsOf } from '../indicators';
import { nationalIndicator } from '../national-targets';
import { documentCitation, provinceName, provincialTargets } from '../provincial-targets';
import { amountOf } from '../units';
import { planProgress } from '../plan/progress';
import type { LocatedFinding } from '../output/located';
import { SEVERITY_ORDER, type Severity } from '../findings';
import { planText, type PlanText } from './plan-text';
import { AREA_NAMES, MECHANISM_TYPE_NAMES, RISK_CATEGORY_NAMES, STATUS_NAMES, enumName } from './names';

/** Where an entry is defined: the file's own path (absolute, as the model names it) and its ID's line, from 1. */
export interface ReportPlace {
  file: string;
  line: number;
}

export interface YearValue {
  year: number;
  value: number;
}

/** A file of the plan and its findings, located, its path as the report shows it. */
export interface ReportFindingFile {
  path: string;
  /** The file's own path, where an editor opens it from the report. */
  file?: string;
  findings: readonly LocatedFinding[];
}

export interface ReportInput {
  /** Every file of the plan, whole models (not the checker's compact ones). */
  files: readonly FileModel[];
  /** The path a file's absolute path is shown as. */
  shown: (path: string) => string;
  findings: readonly ReportFindingFile[];
  /**
   * Actual values per indicator ID, by year; read from the plan's Progress files among
   * `files` when not given. The charts draw them as a series of their own.
   */
  actuals?: ReadonlyMap<string, readonly YearValue[]>;
  /**
   * Where each entry is (its line): the editor's Overview and the Excel export show it; false
   * leaves it out (finding a line parses the entry's segment again with `yaml`: most of the
   * time the model of a large plan takes).
   */
  places?: boolean;
}

export interface ReportTarget extends YearValue {
  comparator?: string;
  /** Reductions: the year the cut is measured from (the target's, the indicator's or the base year). */
  referenceYear?: number;
}

export interface ReferencePoint extends YearValue {
  text: LocalText;
}

/** A line of published targets an indicator is compared with or set against. */
export interface ReferenceSeries {
  kind: 'national' | 'provincial';
  label: LocalText;
  source: LocalText;
  /** Drawn in the chart: the points comparable with the plan's targets. */
  points: ReferencePoint[];
  /** Every published figure, as the documents state them, for the table. */
  texts: LocalText[];
}

export interface IndicatorReport {
  id: string;
  name: LocalText;
  unit: string;
  type?: string;
  direction?: string;
  binding?: boolean;
  baseline?: YearValue;
  targets: ReportTarget[];
  references: ReferenceSeries[];
  actuals: YearValue[];
  file: string;
  place?: ReportPlace;
}

export interface YearMonth {
  year: number;
  month?: number;
}

export interface ProjectSpan {
  id: string;
  name: LocalText;
  start?: YearMonth;
  end?: YearMonth;
  status?: LocalText;
  /** 亿元, where the investment can be read. */
  investment?: number;
  place?: ReportPlace;
}

export interface TaskDue {
  id: string;
  title: LocalText;
  area: string;
  due?: number;
  place?: ReportPlace;
}

export interface AreaAmount {
  area: string;
  name: LocalText;
  amount: number;
}

export interface DependencyRow {
  id: string;
  title: LocalText;
  /** The tasks it depends on; `title` undefined where the ID names no task of the plan. */
  dependsOn: { id: string; title?: LocalText }[];
  dependents: string[];
  place?: ReportPlace;
}

export interface FindingPlace {
  path: string;
  line: number;
  column: number;
  message: string;
  /** The file's own path, where known (ReportFindingFile.file). */
  file?: string;
}

export interface FindingGroup {
  code: string;
  severity: Severity;
  places: FindingPlace[];
}

export interface PlanReport {
  plan: {
    id?: string;
    title?: string;
    pilot: { name?: LocalText; type?: string; province?: string; batch?: number };
    baseYear?: number;
    targetYears: number[];
    horizon?: number;
    peak?: { year?: number; level?: string };
    /** `investmentTotal` in 亿元, where it can be read. */
    investmentDeclared?: number;
    counts: { files: number; tasks: number; projects: number; indicators: number; mechanisms: number; actions: number; risks: number };
    /** The Plan file's first line: where the charts that sum the whole plan lead. */
    place?: ReportPlace;
  };
  indicators: IndicatorReport[];
  investment: {
    /** Of the projects whose investment can be read, 亿元. */
    total: number;
    /** Projects whose investment is absent or cannot be read (a unit the format does not know). */
    projectsWithout: number;
    byArea: AreaAmount[];
    byYear: YearValue[];
    /** Investment of projects with neither start nor end. */
    unscheduled: number;
  };
  tasksByArea: { areas: AreaAmount[]; leads: string[]; counts: number[][] };
  timeline: { projects: ProjectSpan[]; tasks: TaskDue[] };
  dependencies: DependencyRow[];
  mechanisms: { id: string; type: LocalText; title: LocalText; milestone?: number; place?: ReportPlace }[];
  actions: { id: string; title: LocalText; place?: ReportPlace }[];
  risks: { id: string; category: LocalText; title: LocalText; mitigation?: string; affects: string[]; place?: ReportPlace }[];
  findings: { totals: Record<Severity, number>; groups: FindingGroup[] };
  /** The plan's own words, entry by entry, every field (plan-text.ts): what the Word and Excel exports lay out. */
  text: PlanText;
}

/** The area of tasks and projects that name none the plan defines. */
export const UNASSIGNED = 'unassigned';
const UNASSIGNED_NAME: LocalText = { zh: '未归属领域', en: 'No area' };

/** A name in Chinese and English from an entry's Chinese field and its `…En` twin. */
function named(entry: Obj, field: string, fallback: string): LocalText {
  const zh = asString(entry[field])?.trim() || fallback;
  const en = asString(entry[`${field}En`])?.trim() || zh;
  return { zh, en };
}

function listOf(entry: Obj, field: string): string[] {
  const v = entry[field];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/** Months from a start to an end (inclusive), a bare year's start being January and its end December. */
function monthIndex(ym: YearMonth, edge: 'start' | 'end'): number {
  return ym.year * 12 + ((ym.month ?? (edge === 'start' ? 1 : 12)) - 1);
}

/**
 * A project's investment spread over the years it runs, evenly by month (plans give no yearly
 * split; the report says so). Only a start or an end: all in that year.
 */
export function spreadByYear(amount: number, start: YearMonth | undefined, end: YearMonth | undefined): YearValue[] | undefined {
  if (!start && !end) return undefined;
  if (!start || !end) return [{ year: (start ?? end)!.year, value: amount }];
  const from = monthIndex(start, 'start');
  const to = monthIndex(end, 'end');
  if (to < from) return [{ year: start.year, value: amount }];
  const months = to - from + 1;
  const out: YearValue[] = [];
  for (let y = start.year; y <= end.year; y++) {
    const first = Math.max(from, y * 12);
    const last = Math.min(to, y * 12 + 11);
    if (last >= first) out.push({ year: y, value: (amount * (last - first + 1)) / months });
  }
  return out;
}

function references(ind: Obj, targets: ReportTarget[], province: string | undefined): ReferenceSeries[] {
  const national = nationalIndicator(ind.nationalRef);
  if (!national) return [];
  const out: ReferenceSeries[] = [];
  const nationalLabel: LocalText = { zh: '国家目标', en: 'National target' };
  const texts = national.targets.map((t) => t.text);
  const source = national.targets[0]?.source ?? { zh: '', en: '' };
  if (national.comparison === 'national') {
    // A national cut is drawn only where the plan sets a cut over the same period: other cuts are not comparable.
    const points = national.targets
      .filter((t) => targets.some((p) => p.year === t.year && p.referenceYear === t.referenceYear))
      .map((t) => ({ year: t.year, value: t.value, text: t.text }));
    out.push({ kind: 'national', label: nationalLabel, source, points, texts });
  } else if (national.comparison === 'province') {
    const found = provincialTargets(province, national.key);
    if (found) {
      const name = provinceName(found.table);
      out.push({
        kind: 'provincial',
        label: { zh: `${name.zh}目标`, en: `${name.en} target` },
        source: documentCitation(found.ref.document),
        points: found.ref.targets.map((t) => ({ year: t.year, value: t.value, text: t.text })),
        texts: found.ref.targets.map((t) => t.text),
      });
    }
    // The national share is context: drawn, as a city's share is set against it, though not checked against it.
    out.push({ kind: 'national', label: nationalLabel, source, points: national.targets.map((t) => ({ year: t.year, value: t.value, text: t.text })), texts });
  } else {
    // A national total (MW) is no line on a city's chart: listed, not drawn.
    out.push({ kind: 'national', label: nationalLabel, source, points: [], texts });
  }
  return out;
}

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

function groupFindings(files: readonly ReportFindingFile[]): PlanReport['findings'] {
  const totals: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  const groups = new Map<string, FindingGroup>();
  for (const f of files)
    for (const x of f.findings) {
      const severity = (SEVERITIES as readonly string[]).includes(x.severity) ? (x.severity as Severity) : 'info';
      totals[severity]++;
      const key = `${severity}\0${x.code}`;
      let g = groups.get(key);
      if (!g) groups.set(key, (g = { code: x.code, severity, places: [] }));
      g.places.push({ path: f.path, line: x.line, column: x.column, message: x.message, ...(f.file !== undefined ? { file: f.file } : {}) });
    }
  const sorted = [...groups.values()].sort((a, b) => SEVERITY_ORDER[b.severity] - SEVERITY_ORDER[a.severity] || a.code.localeCompare(b.code));
  return { totals, groups: sorted };
}

/** The line of an entry's ID in its file. */
function placeOf(file: FileModel, entry: ListEntry): ReportPlace {
  return { file: file.path, line: file.parsed.lines.positionAt(idSpan(file.parsed, entry).start).line + 1 };
}

/** The report of a plan. */
export function buildReport(input: ReportInput): PlanReport {
  const files = [...input.files].sort((a, b) => (a.kind === 'Plan' ? 0 : 1) - (b.kind === 'Plan' ? 0 : 1) || a.path.localeCompare(b.path));
  const planFile = files.find((f) => f.kind === 'Plan' && f.root);
  const root: Obj = planFile?.root ?? {};
  const years = yearsOf(root);
  const pilot = isObj(root.pilot) ? root.pilot : {};
  const province = asString(pilot.province)?.trim();
  const peak = isObj(root.peak) ? root.peak : undefined;
  const level = peak && isObj(peak.level) && asNumber(peak.level.value) !== undefined ? `${peak.level.value} ${asString(peak.level.unit) ?? ''}`.trim() : undefined;

  const progress = input.actuals ? undefined : planProgress(files);
  // A number per year: of two Progress files for one year (a progress-year error), the first by path.
  const reported = (id: string): YearValue[] => {
    const out = new Map<number, number>();
    for (const a of progress?.actuals(id) ?? []) if (a.value !== undefined && !out.has(a.year)) out.set(a.year, a.value);
    return [...out].map(([year, value]) => ({ year, value }));
  };
  const placed = input.places !== false;
  const all = (list: string) => files.flatMap((f) => entries(f, list).map((e) => ({ file: f, entry: e.entry, path: e.path, place: placed ? placeOf(f, e) : undefined })));
  const tasks = all('tasks');
  const projects = all('projects');
  const indicators = all('indicators');
  const mechanisms = all('mechanisms');
  const actions = all('actions');
  const risks = all('risks');

  // Tasks by ID (the first definition: a duplicate is the duplicate-id rule's finding).
  const taskById = new Map<string, Obj>();
  for (const t of tasks) {
    const id = asString(t.entry.id);
    if (id !== undefined && !taskById.has(id)) taskById.set(id, t.entry);
  }
  const areaOf = (task: Obj | undefined) => {
    const a = task && asString(task.area);
    return a && AREA_NAMES.has(a) ? a : UNASSIGNED;
  };
  const areaName = (a: string) => (a === UNASSIGNED ? UNASSIGNED_NAME : enumName(AREA_NAMES, a));

  // Indicators.
  const indicatorReports: IndicatorReport[] = indicators.map(({ file, entry, path, place }) => {
    const id = entryLabel(entry, path);
    const targets: ReportTarget[] = targetsOf(entry, path)
      .filter((t) => t.year !== undefined && t.value !== undefined)
      .map((t) => ({
        year: t.year!,
        value: t.value!,
        comparator: asString(t.data.comparator),
        referenceYear: entry.type === 'reduction' ? reductionReference(entry, t, years.baseYear)?.year : undefined,
      }));
    const b = baselineOf(entry);
    return {
      id,
      name: named(entry, 'name', id),
      unit: asString(entry.unit)?.trim() ?? '',
      type: asString(entry.type),
      direction: asString(entry.direction),
      binding: typeof entry.binding === 'boolean' ? entry.binding : undefined,
      baseline: b?.year !== undefined && b.value !== undefined ? { year: b.year, value: b.value } : undefined,
      targets,
      references: references(entry, targets, province),
      actuals: [...(input.actuals ? (input.actuals.get(id) ?? []) : reported(id))].sort((x, y) => x.year - y.year),
      file: input.shown(file.path),
      place,
    };
  });

  // Projects: investment by area (split evenly between the areas of its tasks) and by year.
  const byArea = new Map<string, number>();
  const byYear = new Map<number, number>();
  let total = 0;
  let projectsWithout = 0;
  let unscheduled = 0;
  const spans: ProjectSpan[] = [];
  for (const { entry, path, place } of projects) {
    const amount = amountOf('investment', entry.investment);
    const start = parseYearMonth(entry.start);
    const end = parseYearMonth(entry.end);
    const status = asString(entry.status);
    spans.push({ id: entryLabel(entry, path), name: named(entry, 'name', entryLabel(entry, path)), start, end, status: status ? enumName(STATUS_NAMES, status) : undefined, investment: amount, place });
    if (amount === undefined) {
      projectsWithout++;
      continue;
    }
    total += amount;
    const areas = [...new Set(listOf(entry, 'tasks').map((id) => taskById.get(id)).filter((t) => t !== undefined).map(areaOf))];
    if (!areas.length) areas.push(UNASSIGNED);
    for (const a of areas) byArea.set(a, (byArea.get(a) ?? 0) + amount / areas.length);
    const spread = spreadByYear(amount, start, end);
    if (!spread) unscheduled += amount;
    else for (const { year, value } of spread) byYear.set(year, (byYear.get(year) ?? 0) + value);
  }
  const areaOrder = [...AREA_NAMES.keys(), UNASSIGNED];
  const byAreaList = [...byArea].sort((a, b) => b[1] - a[1] || areaOrder.indexOf(a[0]) - areaOrder.indexOf(b[0])).map(([area, amount]) => ({ area, name: areaName(area), amount }));

  // Tasks by area × lead department.
  const taskAreas = new Map<string, number>();
  const leads: string[] = [];
  for (const { entry } of tasks) {
    const area = areaOf(entry);
    taskAreas.set(area, (taskAreas.get(area) ?? 0) + 1);
    const lead = asString(entry.lead)?.trim() || '—';
    if (!leads.includes(lead)) leads.push(lead);
  }
  const areaRows = [...taskAreas.keys()].sort((a, b) => areaOrder.indexOf(a) - areaOrder.indexOf(b));
  const counts = areaRows.map(() => leads.map(() => 0));
  for (const { entry } of tasks) counts[areaRows.indexOf(areaOf(entry))][leads.indexOf(asString(entry.lead)?.trim() || '—')]++;

  // Dependencies: every task that depends on another or that another depends on.
  const dependents = new Map<string, string[]>();
  for (const { entry, path } of tasks)
    for (const d of listOf(entry, 'dependsOn')) {
      const list = dependents.get(d) ?? [];
      list.push(entryLabel(entry, path));
      dependents.set(d, list);
    }
  const dependencies: DependencyRow[] = tasks
    .map(({ entry, path, place }) => {
      const id = entryLabel(entry, path);
      return {
        place,
        id,
        title: named(entry, 'title', id),
        dependsOn: listOf(entry, 'dependsOn').map((d) => ({ id: d, title: taskById.has(d) ? named(taskById.get(d)!, 'title', d) : undefined })),
        dependents: dependents.get(id) ?? [],
      };
    })
    .filter((r) => r.dependsOn.length || r.dependents.length);

  return {
    plan: {
      id: asString(root.id),
      title: asString(root.title),
      pilot: { name: asString(pilot.name) ? named(pilot, 'name', '') : undefined, type: asString(pilot.type), province, batch: asNumber(pilot.batch) },
      baseYear: years.baseYear,
      targetYears: years.targetYears,
      horizon: years.horizon,
      peak: peak ? { year: asNumber(peak.year), level } : undefined,
      investmentDeclared: amountOf('investment', root.investmentTotal),
      place: planFile ? { file: planFile.path, line: 1 } : undefined,
      counts: { files: files.length, tasks: tasks.length, projects: projects.length, indicators: indicators.length, mechanisms: mechanisms.length, actions: actions.length, risks: risks.length },
    },
    indicators: indicatorReports,
    investment: { total, projectsWithout, byArea: byAreaList, byYear: [...byYear].sort((a, b) => a[0] - b[0]).map(([year, value]) => ({ year, value })), unscheduled },
    tasksByArea: { areas: areaRows.map((a) => ({ area: a, name: areaName(a), amount: taskAreas.get(a)! })), leads, counts },
    timeline: {
      projects: spans,
      tasks: tasks.map(({ entry, path, place }) => ({ id: entryLabel(entry, path), title: named(entry, 'title', entryLabel(entry, path)), area: areaOf(entry), due: asNumber(entry.due), place })),
    },
    dependencies,
    mechanisms: mechanisms.map(({ entry, path, place }) => ({
      id: entryLabel(entry, path),
      type: enumName(MECHANISM_TYPE_NAMES, asString(entry.type) ?? '—'),
      title: named(entry, 'title', entryLabel(entry, path)),
      milestone: asNumber(entry.milestone),
      place,
    })),
    actions: actions.map(({ entry, path, place }) => ({ id: entryLabel(entry, path), title: named(entry, 'title', entryLabel(entry, path)), place })),
    risks: risks.map(({ entry, path, place }) => ({
      id: entryLabel(entry, path),
      category: enumName(RISK_CATEGORY_NAMES, asString(entry.category) ?? '—'),
      title: named(entry, 'title', entryLabel(entry, path)),
      mitigation: asString(entry.mitigation),
      affects: listOf(entry, 'affects'),
      place,
    })),
    findings: groupFindings(input.findings),
    text: planText(files, input.shown, root, placed),
  };
}
