/**
 * Reading Progress files (docs/format.md#kind-progress) for the rules that
 * judge them against the plan: each entry of a list, with its reporting year,
 * and the one definition its `id` references. Defensive like indicators.ts:
 * what cannot be read is skipped, never thrown on.
 */
import { isObj, PROGRESS_LISTS, type FileModel, type Obj } from './model';
import type { PlanEntity, PlanView } from './plan-view';
import { progressFiles } from './plan-view';
import { progressYear } from './progress';

export interface ProgressEntry {
  file: FileModel;
  /** The file's reporting year, when it is a whole number. */
  year: number | undefined;
  listKey: string;
  index: number;
  entry: Obj;
  id: string;
  /** The entry the `id` references, when the plan defines exactly one of the list's kind (else unresolved-reference, reference-kind or duplicate-id report it). */
  target: PlanEntity | undefined;
}

/** Every entry of a list of every Progress file of the plan that has an `id`, in path order. */
export function* progressEntries(plan: PlanView, listKey: string): Generator<ProgressEntry> {
  const kind = PROGRESS_LISTS[listKey];
  for (const file of progressFiles(plan)) {
    const list = file.root?.[listKey];
    if (!Array.isArray(list)) continue;
    const year = file.root ? progressYear(file.root) : undefined;
    for (let index = 0; index < list.length; index++) {
      const entry = list[index];
      if (!isObj(entry) || typeof entry.id !== 'string') continue;
      const defs = plan.definitionsOf(entry.id);
      const target = defs.length === 1 && defs[0].kind === kind ? defs[0] : undefined;
      yield { file, year, listKey, index, entry, id: entry.id, target };
    }
  }
}
