/**
 * What a plan's rules need of a file once its file rules have run: its kind,
 * each entry's ID, references and the few fields plan rules read; its text,
 * syntax problems and lines. The checker keeps this compact model instead of
 * the whole parsed document, so a 1,000-file plan's documents die young
 * instead of being copied by the garbage collector until the plan rules end.
 * Positions are still found from the text and its segments, without a parse.
 */
import { SegmentedParsedFile } from '../parse/segmented-file';
import { ENTITY_LISTS, isObj, viewOf, type FileModel, type Obj } from './model';

/**
 * Fields of list entries that plan rules read besides the ID and the reference
 * fields: a project's `investment` (investment-total). A plan rule that reads
 * another field of an entry adds it here (test/engine/plan-view.test.ts checks
 * every example plan both ways).
 */
const PLAN_ENTRY_FIELDS: Record<string, readonly string[]> = { projects: ['investment'] };

const LIST_FIELDS = Object.entries(ENTITY_LISTS).map(([listKey, spec]) => ({
  listKey,
  fields: ['id', ...Object.keys(spec.refs), ...(PLAN_ENTRY_FIELDS[listKey] ?? [])],
}));

/**
 * The part of a non-Plan file's data that the plan sees: its kind and, for
 * every entity list, each entry's ID, reference fields and PLAN_ENTRY_FIELDS
 * (entries that are not mappings kept as they are, so positions in the list
 * stay). buildFileModel over this view gives the same entities and references
 * as over the whole data.
 */
export function planView(data: Obj): Obj {
  const view: Obj = {};
  if ('kind' in data) view.kind = data.kind;
  for (const { listKey, fields } of LIST_FIELDS) {
    const list = data[listKey];
    if (list === undefined) continue;
    if (!Array.isArray(list)) {
      view[listKey] = list;
      continue;
    }
    const kept: unknown[] = new Array(list.length);
    for (let i = 0; i < list.length; i++) {
      const entry = list[i];
      if (!isObj(entry)) {
        kept[i] = entry;
        continue;
      }
      const small: Obj = {};
      for (const f of fields) if (f in entry) small[f] = entry[f];
      kept[i] = small;
    }
    view[listKey] = kept;
  }
  return view;
}

/**
 * The compact model of a file for the plan's rules. Plan files stay whole (the
 * plan's settings and years are read from them), and so do files without a
 * mapping at the top (nothing to drop) and files read by the general parser
 * (irregular YAML, rare: they keep their positions the way they found them).
 */
export function compactModel(model: FileModel): FileModel {
  if (!model.root || model.kind === 'Plan' || !(model.parsed instanceof SegmentedParsedFile)) return model;
  return viewOf(model, model.parsed.withData(planView(model.root)));
}
