/**
 * What rules see of a plan: its files' kinds, entities, references and
 * positions, its Plan files whole, and of the other files' entries only the
 * fields PLAN_ENTRY_FIELDS declares, read through `entryField`. Rules see the
 * plan this way in the checker and in the language server alike, so a field
 * the view does not show is a compile error (`data` is not in it), or an
 * internal error from `entryField` in both faces, never an `undefined` that
 * only the checker's compact model would give.
 *
 * The checker keeps of each file no more than this view shows (its compact
 * model), so a 1,000-file plan's documents die young instead of being copied
 * by the garbage collector until the plan rules end (bench/README.md has what
 * that buys). Positions are still found from the text and its segments,
 * without a parse.
 */
import type { ParsedFile } from '../parse/parsed-file';
import type { RuleConfig } from './config';
import { ENTITY_LISTS, entries, withEntryData, type Entity, type EntityKind, type FileKind, type FileModel, type Obj, type Reference } from './model';
import type { PlanSettings } from './plan-index';

/**
 * The fields of list entries that rules read of other files than their own,
 * besides IDs and references (which entities and references carry): a
 * project's `investment` (investment-total, progress-investment), a task's
 * `indicators` (orphan) and `due` (task-status-timing), what an indicator's
 * straight path is made of (indicator-behind). A rule that needs another
 * field adds it here; the checker keeps these.
 */
export const PLAN_ENTRY_FIELDS = {
  projects: ['investment'],
  tasks: ['indicators', 'due'],
  indicators: ['type', 'unit', 'direction', 'baseline', 'targets', 'referenceYear'],
} as const;

export type PlanEntryField = (typeof PLAN_ENTRY_FIELDS)[keyof typeof PLAN_ENTRY_FIELDS][number];

const DECLARED: Readonly<Record<string, readonly string[] | undefined>> = PLAN_ENTRY_FIELDS;

/** An entity as rules see it in a plan: its fields through `entryField`. */
export type PlanEntity = Omit<Entity, 'data'>;

export interface PlanReference extends Omit<Reference, 'from'> {
  readonly from: PlanEntity;
}

/** A file of the plan as rules see it. */
export interface PlanFile {
  readonly path: string;
  readonly kind: FileKind | undefined;
  /** Its text and where things are in it; not its data. */
  readonly parsed: Omit<ParsedFile, 'data'>;
  readonly entities: readonly PlanEntity[];
  readonly references: readonly PlanReference[];
}

/** A plan as rules see it (plan-index.ts's PlanIndex, whose models are whole or compact). */
export interface PlanView {
  /** The plan folder, or undefined for a file that belongs to no plan. */
  readonly root: string | undefined;
  readonly config: RuleConfig;
  /** The `kind: Plan` files, whole: the plan's settings and years are read from them. */
  readonly planFiles: readonly FileModel[];
  readonly settings: PlanSettings | undefined;
  readonly files: readonly PlanFile[];
  file(path: string): PlanFile | undefined;
  readonly references: readonly PlanReference[];
  /** The definitions of each reference's ID, by its place in `references` (empty: none). */
  readonly targets: readonly (readonly PlanEntity[])[];
  readonly duplicates: readonly (readonly PlanEntity[])[];
  definitionsOf(id: string): readonly PlanEntity[];
  allDefinitions(): readonly PlanEntity[];
}

/** Each entity kind's list (the plan itself is in none). */
const LIST_OF: Partial<Record<EntityKind, string>> = Object.fromEntries(Object.entries(ENTITY_LISTS).map(([listKey, spec]) => [spec.kind, listKey]));

/**
 * The value of field `field` of an entry of the plan (undefined: the entry
 * has no such field). A field PLAN_ENTRY_FIELDS does not declare for the
 * entry's list is a rule's bug, reported as one wherever the rule runs.
 */
export function entryField(e: PlanEntity, field: PlanEntryField): unknown {
  const listKey = LIST_OF[e.kind];
  if (listKey === undefined || !DECLARED[listKey]?.includes(field)) {
    throw new Error(`a rule read \`${field}\` of a ${e.kind}, which PLAN_ENTRY_FIELDS (plan/plan-view.ts) does not declare for ${listKey ? `\`${listKey}\`` : 'that kind'}: the checker keeps only declared fields`);
  }
  return (e as Entity).data[field];
}

/** Every entry of an entity list (a key of ENTITY_LISTS) in a file of the plan, including entries without an ID (theirs is ''). */
export function planEntries(file: PlanFile, listKey: string): readonly PlanEntity[] {
  return entries(file as FileModel, listKey);
}

/** The data of an entry that keeps no field: one object for all of them. */
const NOTHING: Obj = Object.freeze({});

/** What the checker keeps of an entry of the list `listKey`: its declared fields, as they are. */
export function planEntry(listKey: string, entry: Obj): Obj {
  const fields = DECLARED[listKey];
  if (!fields) return NOTHING;
  let kept: Obj | undefined;
  for (const f of fields) if (Object.hasOwn(entry, f)) (kept ??= {})[f] = entry[f];
  return kept ?? NOTHING;
}

/**
 * The `kind: Progress` files of the plan, whole (one a reporting year, small:
 * compactModel keeps them), in path order: the progress rules read their values.
 */
export function progressFiles(plan: Pick<PlanView, 'files'>): FileModel[] {
  const out: FileModel[] = [];
  for (const f of plan.files) if (f.kind === 'Progress') out.push(f as FileModel);
  return out.sort((a, b) => a.path.localeCompare(b.path));
}

/**
 * The checker's compact model of a file once its file rules ran: what the
 * view shows of it. Plan and Progress files stay whole, and so do files without a mapping
 * at the top (nothing to drop) and files whose parse cannot drop its data.
 * The given model is given up (its entities now hold the kept data).
 */
export function compactModel(model: FileModel): FileModel {
  const parsed = model.root && model.kind !== 'Plan' && model.kind !== 'Progress' ? model.parsed.withData?.('kind' in model.root ? { kind: model.root.kind } : {}) : undefined;
  return parsed ? withEntryData(model, parsed, planEntry) : model;
}
