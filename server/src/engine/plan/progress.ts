/**
 * What a plan's Progress files report (kind: Progress, one file per reporting year):
 * each indicator's actual values by year, and each task's, project's, mechanism's
 * and action's status by year, with where each was reported.
 *
 * Read defensively, like the model: a Progress file that violates the schema still
 * gives every entry that can be read (an entry without a string `id` is skipped, a
 * value or status that is not what the schema wants is kept as written), and a file
 * without a readable `year` gives nothing, since nothing in it can be put in a year.
 * Nothing here throws on data.
 */
import type { LocalText } from '../i18n/messages';
import type { JsonPath } from '../parse/parsed-file';
import { isObj, type EntityKind, type FileModel, type Obj } from './model';

export const PROGRESS_KIND = 'Progress';

/** The statuses of the format, in the order a piece of work goes through them. */
export const PROGRESS_STATUSES = ['not-started', 'on-track', 'delayed', 'done', 'cancelled'] as const;
export type ProgressStatus = (typeof PROGRESS_STATUSES)[number];

/** Statuses as people read them (the format's words: 未启动 按计划推进 滞后 已完成 已取消). */
export const STATUS_NAMES: Record<ProgressStatus, LocalText> = {
  'not-started': { zh: '未启动', en: 'not started' },
  'on-track': { zh: '按计划推进', en: 'on track' },
  delayed: { zh: '滞后', en: 'delayed' },
  done: { zh: '已完成', en: 'done' },
  cancelled: { zh: '已取消', en: 'cancelled' },
};

/** The lists of a Progress file whose entries report a status, and the kind each entry's `id` names. */
export const STATUS_LISTS: Record<string, EntityKind> = { tasks: 'task', projects: 'project', mechanisms: 'mechanism', actions: 'action' };

/** Where a report is: the Progress file and the entry's path in it (`[list, index]`). */
export interface ReportPlace {
  file: string;
  path: JsonPath;
}

/** One indicator's actual value in one reporting year. */
export interface ActualValue extends ReportPlace {
  year: number;
  /** The value when it is a number; undefined when it is anything else (a placeholder, text). */
  value: number | undefined;
  /** `value` as written, whatever it is. */
  written: unknown;
  unit?: string;
  source?: string;
  note?: string;
}

/** One task's, project's, mechanism's or action's status in one reporting year. */
export interface StatusReport extends ReportPlace {
  year: number;
  kind: EntityKind;
  /** The status when it is one of the format's; undefined otherwise. */
  status: ProgressStatus | undefined;
  /** `status` as written, whatever it is. */
  written: unknown;
  note?: string;
  /** A project's investment to date, when it is `{ value: number, unit }`. */
  invested?: { value: number; unit: string | undefined };
}

/** What one Progress file reports, by ID. */
interface FileReports {
  actuals: Map<string, ActualValue[]>;
  statuses: Map<string, StatusReport[]>;
}

/** The reporting year of a Progress file's data: an integer, or undefined. */
export function progressYear(root: Obj): number | undefined {
  const y = root.year;
  return typeof y === 'number' && Number.isInteger(y) ? y : undefined;
}

export function isProgressFile(model: Pick<FileModel, 'root'>): boolean {
  return model.root?.kind === PROGRESS_KIND;
}

function text(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() !== '' ? v : undefined;
}

function push<T>(map: Map<string, T[]>, id: string, item: T): void {
  const list = map.get(id);
  if (list) list.push(item);
  else map.set(id, [item]);
}

// Parsed data is never changed: a file's reports are read once per version of it (hover and lenses ask often).
const READ = new WeakMap<Obj, FileReports>();

function readFile(model: FileModel): FileReports | undefined {
  const root = model.root;
  if (!root || !isProgressFile(model)) return undefined;
  const known = READ.get(root);
  if (known) return known;
  const out: FileReports = { actuals: new Map(), statuses: new Map() };
  const year = progressYear(root);
  if (year !== undefined) {
    const indicators = root.indicators;
    if (Array.isArray(indicators)) {
      for (let i = 0; i < indicators.length; i++) {
        const e = indicators[i];
        if (!isObj(e) || typeof e.id !== 'string' || e.id === '') continue;
        const value = typeof e.value === 'number' && Number.isFinite(e.value) ? e.value : undefined;
        push(out.actuals, e.id, { year, value, written: e.value, unit: text(e.unit), source: text(e.source), note: text(e.note), file: model.path, path: ['indicators', i] });
      }
    }
    for (const [listKey, kind] of Object.entries(STATUS_LISTS)) {
      const list = root[listKey];
      if (!Array.isArray(list)) continue;
      for (let i = 0; i < list.length; i++) {
        const e = list[i];
        if (!isObj(e) || typeof e.id !== 'string' || e.id === '') continue;
        const status = (PROGRESS_STATUSES as readonly unknown[]).includes(e.status) ? (e.status as ProgressStatus) : undefined;
        const report: StatusReport = { year, kind, status, written: e.status, note: text(e.note), file: model.path, path: [listKey, i] };
        const inv = e.invested;
        if (kind === 'project' && isObj(inv) && typeof inv.value === 'number' && Number.isFinite(inv.value)) report.invested = { value: inv.value, unit: text(inv.unit) };
        push(out.statuses, e.id, report);
      }
    }
  }
  READ.set(root, out);
  return out;
}

/** By year, then by file path (two files of one year: the `progress-year` rule's finding; both are kept). */
function byYear(a: { year: number; file: string }, b: { year: number; file: string }): number {
  return a.year - b.year || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0);
}

/** Everything a plan's Progress files report. */
export class PlanProgress {
  private readonly actualsById = new Map<string, ActualValue[]>();
  private readonly statusesById = new Map<string, StatusReport[]>();
  /** The reporting years of the plan's Progress files, ascending, once each. */
  readonly years: number[];

  constructor(models: Iterable<FileModel>) {
    const years = new Set<number>();
    for (const m of models) {
      const r = readFile(m);
      if (!r) continue;
      const y = progressYear(m.root!);
      if (y !== undefined) years.add(y);
      for (const [id, list] of r.actuals) for (const a of list) push(this.actualsById, id, a);
      for (const [id, list] of r.statuses) for (const s of list) push(this.statusesById, id, s);
    }
    for (const list of this.actualsById.values()) list.sort(byYear);
    for (const list of this.statusesById.values()) list.sort(byYear);
    this.years = [...years].sort((a, b) => a - b);
  }

  /** An indicator's actual values, oldest first. */
  actuals(id: string): readonly ActualValue[] {
    return this.actualsById.get(id) ?? [];
  }

  /** The statuses reported for an ID, oldest first; only those of `kind` when given (a Progress list names the kind). */
  statuses(id: string, kind?: EntityKind): readonly StatusReport[] {
    const all = this.statusesById.get(id) ?? [];
    return kind ? all.filter((s) => s.kind === kind) : all;
  }

  /** The latest actual value of an indicator (of two files of one year, the first by path). */
  latestActual(id: string): ActualValue | undefined {
    return latest(this.actuals(id));
  }

  /** The latest status reported for an ID. */
  latestStatus(id: string, kind?: EntityKind): StatusReport | undefined {
    return latest(this.statuses(id, kind));
  }

  /** The latest reporting year, if any Progress file has a readable year. */
  get latestYear(): number | undefined {
    return this.years[this.years.length - 1];
  }
}

function latest<T extends { year: number }>(list: readonly T[]): T | undefined {
  if (!list.length) return undefined;
  const year = list[list.length - 1].year;
  return list.find((x) => x.year === year);
}

/** What a plan's Progress files report: `files` are the plan's current models (other kinds are passed over). */
export function planProgress(files: Iterable<FileModel>): PlanProgress {
  return new PlanProgress(files);
}
