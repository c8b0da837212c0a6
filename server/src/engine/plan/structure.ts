/**
 * A file's part in the plan's structure, as one string: its kind, every
 * entity (kind, ID, place) and reference (from, field, ID, place), and which
 * tasks list indicators. Two versions of a file with the same structure give
 * every `planInputs: 'structure'` rule the same answers, so after an edit that
 * changes only text and numbers (a title, a target value) the language server
 * keeps those rules' findings instead of re-running them over the whole plan.
 *
 * Computed once per file model (models are immutable; an edit makes a new one).
 */
import type { FileModel } from './model';

const cache = new WeakMap<FileModel, string>();

export function structureOf(model: FileModel): string {
  let s = cache.get(model);
  if (s === undefined) {
    const parts: string[] = [String(model.kind)];
    for (const e of model.entities) {
      const indicators = e.kind === 'task' ? JSON.stringify(e.data.indicators ?? null) : '';
      parts.push(`e ${e.kind} ${e.id} ${e.path.join('/')} ${indicators}`);
    }
    for (const r of model.references) parts.push(`r ${r.from.kind} ${r.from.id} ${r.field} ${r.id} ${r.path.join('/')}`);
    s = parts.join('\n');
    cache.set(model, s);
  }
  return s;
}
