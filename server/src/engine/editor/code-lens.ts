/**
 * Code lens data: on a task, how many projects carry it and their total
 * investment in 亿元; on an indicator, which tasks use it; on a task and a
 * project, its latest status from the plan's Progress files ("2024 年：按计划推进"),
 * pointing at that entry of the Progress file.
 */
import type { Span } from '../findings';
import type { Locale } from '../i18n/messages';
import { idSpan, type Entity, type FileModel } from '../plan/model';
import { STATUS_NAMES, type PlanProgress } from '../plan/progress';
import { valueText } from '../value-text';
import { amountOf } from '../units';
import { formatYi } from '../rules/investment-total';
import { innerSpan, text, type EditorPlan, type FileSpan } from './context';
import { progressOf } from './progress-view';

/** Which lens: the references one (projects of a task, tasks of an indicator) or the latest status from Progress files. */
export type LensKind = 'refs' | 'progress';

export interface LensData {
  /** The ID the lens sits on. */
  id: string;
  lens: LensKind;
  span: Span;
  title: string;
  /** What the lens points at (projects of a task, tasks of an indicator, the Progress entry). */
  locations: FileSpan[];
}

/** Whether an entity gets the status lens: tasks and projects, the work a Progress file reports on. */
function hasStatusLens(e: Entity): boolean {
  return (e.kind === 'task' || e.kind === 'project') && e.id !== '';
}

/**
 * Where lenses go: the IDs of the file's tasks and indicators; with the plan, also the
 * IDs of its tasks and projects that a Progress file reports on (after the references lens).
 */
export function lensPlaces(model: FileModel, plan?: EditorPlan): { id: string; span: Span; lens: LensKind }[] {
  const progress = plan && progressOf(plan);
  const out: { id: string; span: Span; lens: LensKind }[] = [];
  for (const e of model.entities) {
    if (!e.id) continue;
    const refs = e.kind === 'task' || e.kind === 'indicator';
    const status = progress !== undefined && hasStatusLens(e) && progress.latestStatus(e.id, e.kind) !== undefined;
    if (!refs && !status) continue;
    const span = innerSpan(model.parsed.text, idSpan(model.parsed, e));
    if (refs) out.push({ id: e.id, span, lens: 'refs' });
    if (status) out.push({ id: e.id, span, lens: 'progress' });
  }
  return out;
}

/** The lens of one ID of the file (title and locations), or undefined if the file no longer defines it (or, for the status lens, no Progress file reports it). */
export function lensFor(plan: EditorPlan, model: FileModel, id: string, locale: Locale, lens: LensKind = 'refs'): LensData | undefined {
  const e = model.entities.find((x) => x.id === id && (lens === 'refs' ? x.kind === 'task' || x.kind === 'indicator' : hasStatusLens(x)));
  if (!e) return undefined;
  return codeLenses(plan, model, locale, e).find((l) => l.lens === lens);
}

/** The status lens of a task or project: `2024 年：按计划推进`, at the entry of the latest Progress file that reports it. */
function statusLens(plan: EditorPlan, progress: PlanProgress, e: Entity, span: Span, locale: Locale): LensData | undefined {
  const r = progress.latestStatus(e.id, e.kind);
  if (!r) return undefined;
  const status = r.status ? text(locale, STATUS_NAMES[r.status].zh, STATUS_NAMES[r.status].en) : valueText(r.written);
  const title = text(locale, `${r.year} 年：${status}`, `${r.year}: ${status}`);
  const m = plan.index.file(r.file);
  const at = m && (m.parsed.span([...r.path, 'id'], 'value') ?? m.parsed.span(r.path, 'key'));
  return { id: e.id, lens: 'progress', span, title, locations: m && at ? [{ file: m.path, span: innerSpan(m.parsed.text, at) }] : [] };
}

export function codeLenses(plan: EditorPlan, model: FileModel, locale: Locale, only?: Entity): LensData[] {
  const out: LensData[] = [];
  const progress = progressOf(plan);
  for (const e of only ? [only] : model.entities) {
    if (!e.id) continue;
    if (e.kind === 'project') {
      const s = statusLens(plan, progress, e, innerSpan(model.parsed.text, idSpan(model.parsed, e)), locale);
      if (s) out.push(s);
      continue;
    }
    if (e.kind !== 'task' && e.kind !== 'indicator') continue;
    const span = innerSpan(model.parsed.text, idSpan(model.parsed, e));
    const locations: FileSpan[] = [];
    if (e.kind === 'task') {
      const projects = plan.index.referencesTo(e.id).filter((r) => r.field === 'tasks' && r.from.kind === 'project');
      let total = 0;
      let withInvestment = 0;
      const seen = new Set<unknown>();
      for (const r of projects) {
        if (seen.has(r.from.data)) continue;
        seen.add(r.from.data);
        const m = plan.index.file(r.from.file);
        if (m) locations.push({ file: m.path, span: innerSpan(m.parsed.text, idSpan(m.parsed, r.from)) });
        const amount = amountOf('investment', r.from.data.investment);
        if (amount !== undefined) {
          total += amount;
          withInvestment++;
        }
      }
      const n = seen.size;
      const title =
        n === 0
          ? text(locale, '无项目', 'no projects')
          : text(
              locale,
              `${n} 个项目${withInvestment ? ` · 投资合计 ${formatYi(total)} 亿元` : ''}`,
              `${n} project${n === 1 ? '' : 's'}${withInvestment ? ` · ${formatYi(total)} 亿元 invested` : ''}`,
            );
      out.push({ id: e.id, lens: 'refs', span, title, locations });
      const s = statusLens(plan, progress, e, span, locale);
      if (s) out.push(s);
    } else {
      const tasks = plan.index.referencesTo(e.id).filter((r) => r.field === 'indicators' && r.from.kind === 'task');
      const ids: string[] = [];
      for (const r of tasks) {
        if (!r.from.id || ids.includes(r.from.id)) continue;
        ids.push(r.from.id);
        const m = plan.index.file(r.from.file);
        if (m) locations.push({ file: m.path, span: innerSpan(m.parsed.text, idSpan(m.parsed, r.from)) });
      }
      const shown = ids.length > 4 ? [...ids.slice(0, 4), '…'] : ids;
      const title =
        ids.length === 0
          ? text(locale, '未被任何任务使用', 'used by no task')
          : text(locale, `${ids.length} 个任务使用：${shown.join('、')}`, `used by ${ids.length} task${ids.length === 1 ? '' : 's'}: ${shown.join(', ')}`);
      out.push({ id: e.id, lens: 'refs', span, title, locations });
    }
  }
  return out;
}

/** A place a lens points at, as a client without a references view lists it. */
export interface LensPlace {
  /** The file (relative to its plan), line and column, 1-based: `projects.pilot.yaml:12:11`. */
  where: string;
  /** The ID at that place (a project of the task, a task using the indicator). */
  id: string;
}

/** A lens's places, one a line, under the ID the lens sits on (when known). */
export function lensPlacesText(locale: Locale, id: string | undefined, places: LensPlace[]): string {
  const n = places.length;
  const head = text(locale, `${id ? `${id}：` : ''}${n} 处`, `${id ? `${id}: ` : ''}${n} place${n === 1 ? '' : 's'}`);
  return [head, ...places.map((p) => `  ${p.where}  ${p.id}`)].join('\n');
}
