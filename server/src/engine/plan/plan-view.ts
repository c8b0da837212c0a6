/**
 * What a plan's rules need of a file once its file rules have run: its kind,
 * its entities and references, and of each entry only the fields plan rules
 * read besides IDs and references; its text, syntax problems and lines. The
 * checker keeps this compact model instead of the whole parsed document, so a
 * 1,000-file plan's documents die young instead of being copied by the garbage
 * collector until the plan rules end. Positions are still found from the text
 * and its segments, without a parse.
 */
import { SegmentedParsedFile } from '../parse/segmented-file';
import { ENTITY_LISTS, withEntryData, type FileModel, type Obj } from './model';

/**
 * Fields of list entries that plan rules read besides the ID and the
 * references (which the model's entities and references carry): a project's
 * `investment` (investment-total), whether a task lists `indicators` (orphan).
 * A plan rule that reads another field of an entry adds it here
 * (test/engine/plan-view.test.ts checks every example plan both ways).
 */
export const PLAN_ENTRY_FIELDS: Readonly<Record<string, readonly string[]>> = { projects: ['investment'], tasks: ['indicators'] };

/** The data of an entry that keeps none of its fields: one object for all of them. */
const NOTHING: Obj = Object.freeze({});

/**
 * A reference field's value that the model's references hold whole: a
 * non-empty list of IDs (a reference each). A rule that reads such a field of
 * a compact model finds it missing and asks the references (orphan does).
 */
function heldByReferences(listKey: string, field: string, value: unknown): boolean {
  if (!ENTITY_LISTS[listKey]?.refs[field] || !Array.isArray(value) || value.length === 0) return false;
  for (const v of value) if (typeof v !== 'string') return false;
  return true;
}

/**
 * What the plan keeps of an entry of the list `listKey`: its PLAN_ENTRY_FIELDS,
 * but not what its references already hold. Each entry used to keep a copy of
 * its ID and reference lists: over the 1,000-file plan, the kept data 4.1 ->
 * ~1.1 MB; then the 12,000 tasks' `indicators` lists (36,000 small objects the
 * garbage collector copied twice) went too.
 */
export function planEntry(listKey: string, entry: Obj): Obj {
  const fields = PLAN_ENTRY_FIELDS[listKey];
  if (!fields) return NOTHING;
  let kept: Obj | undefined;
  for (const f of fields) if (f in entry && !heldByReferences(listKey, f, entry[f])) (kept ??= {})[f] = entry[f];
  return kept ?? NOTHING;
}

/**
 * The compact model of a file for the plan's rules. Plan files stay whole (the
 * plan's settings and years are read from them), and so do files without a
 * mapping at the top (nothing to drop) and files read by the general parser
 * (irregular YAML, rare: they keep their positions the way they found them).
 */
export function compactModel(model: FileModel): FileModel {
  if (!model.root || model.kind === 'Plan' || !(model.parsed instanceof SegmentedParsedFile)) return model;
  const root: Obj = 'kind' in model.root ? { kind: model.root.kind } : {};
  return withEntryData(model, model.parsed.withData(root), planEntry);
}
