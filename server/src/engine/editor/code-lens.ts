/**
 * Code lens data: on a task, how many projects carry it and their total
 * investment in 亿元; on an indicator, which tasks use it.
 */
import type { Span } from '../findings';
import type { Locale } from '../i18n/messages';
import { idSpan, type Entity, type FileModel } from '../plan/model';
import { amountOf } from '../units';
import { formatYi } from '../rules/investment-total';
import { innerSpan, text, type EditorPlan, type FileSpan } from './context';

export interface LensData {
  /** The ID the lens sits on. */
  id: string;
  span: Span;
  title: string;
  /** What the lens points at (projects of a task, tasks of an indicator). */
  locations: FileSpan[];
}

/** Where lenses go: the IDs of the file's tasks and indicators. */
export function lensPlaces(model: FileModel): { id: string; span: Span }[] {
  return model.entities.filter((e) => (e.kind === 'task' || e.kind === 'indicator') && e.id).map((e) => ({ id: e.id, span: innerSpan(model.parsed.text, idSpan(model.parsed, e)) }));
}

/** The lens of one ID of the file (title and locations), or undefined if the file no longer defines it. */
export function lensFor(plan: EditorPlan, model: FileModel, id: string, locale: Locale): LensData | undefined {
  const e = model.entities.find((x) => x.id === id && (x.kind === 'task' || x.kind === 'indicator'));
  if (!e) return undefined;
  return codeLenses(plan, model, locale, e)[0];
}

export function codeLenses(plan: EditorPlan, model: FileModel, locale: Locale, only?: Entity): LensData[] {
  const out: LensData[] = [];
  for (const e of only ? [only] : model.entities) {
    if (e.kind !== 'task' && e.kind !== 'indicator') continue;
    if (!e.id) continue;
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
      out.push({ id: e.id, span, title, locations });
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
      out.push({ id: e.id, span, title, locations });
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
