/**
 * The plan model of one file: which IDs it defines and which it references.
 *
 * Built from plain data, defensively: a file that violates the schema still
 * yields every entity and reference that can be read from it, so one bad
 * entry hides nothing else (docs/format.md, Findings: "checked as far as it goes").
 */
import type { JsonPath, ParsedFile } from '../parse/parsed-file';
import type { Span } from '../findings';

export type EntityKind = 'plan' | 'task' | 'project' | 'indicator' | 'mechanism' | 'action' | 'risk' | 'reform' | 'technology';
export const FILE_KINDS = ['Plan', 'Tasks', 'Projects', 'Indicators', 'Progress'] as const;
export type FileKind = (typeof FILE_KINDS)[number];

export type Obj = Record<string, unknown>;

export interface Entity {
  id: string;
  kind: EntityKind;
  file: string;
  /** Path of the entry (for the plan itself: []). */
  path: JsonPath;
  data: Obj;
}

export interface Reference {
  id: string;
  expected: EntityKind[];
  from: Entity;
  /** The field that holds it: indicators, dependsOn, tasks, affects. */
  field: string;
  file: string;
  /** Its place in the field's list: the path is the entry's, then `field`, then `index`. */
  readonly index: number;
  /** Path of the reference value itself. */
  readonly path: JsonPath;
}

/**
 * An entity, and for an entry of an entity list also that entry as `entries()`
 * lists it: one object where there were two (a big plan has tens of thousands
 * of entries, and the checker keeps them until the plan rules end). An entry
 * without an ID is one too (its ID ''), held by its references but not listed
 * among the file's entities.
 */
class EntryEntity implements Entity, ListEntry {
  constructor(
    readonly id: string,
    readonly kind: EntityKind,
    readonly file: string,
    /** The entity list it is an entry of, at `index`; undefined for the plan itself (the file's top). */
    readonly listKey: string | undefined,
    readonly index: number,
    public data: Obj,
  ) {}

  /** Made when asked, not kept: every object a check keeps until its plan rules end is copied by the garbage collector. */
  get path(): JsonPath {
    return this.listKey === undefined ? [] : [this.listKey, this.index];
  }

  get entry(): Obj {
    return this.data;
  }
}

/**
 * A reference that holds only what it alone knows: its path, its file and its
 * expected kinds are found from its entry and field when asked. Most are never
 * reported, a big plan has tens of thousands, and the checker keeps them until
 * the plan rules end.
 */
class ListReference implements Reference {
  constructor(
    readonly id: string,
    readonly from: EntryEntity,
    readonly field: string,
    readonly index: number,
  ) {}

  get file(): string {
    return this.from.file;
  }

  get expected(): EntityKind[] {
    return ENTITY_LISTS[this.from.listKey!].refs[this.field];
  }

  get path(): JsonPath {
    return [this.from.listKey!, this.from.index, this.field, this.index];
  }
}

/**
 * A Progress file's entry (docs/format.md#kind-progress): its `id` is a
 * reference to the entity it reports on, not a definition. The entry holds it
 * as `from` (an entry of the referenced kind without an ID of its own, not
 * listed among the file's entities nor by `entries()`), in the field `id`.
 */
class ProgressReference implements Reference {
  readonly field = 'id';
  readonly index = 0;

  constructor(
    readonly id: string,
    readonly from: EntryEntity,
  ) {}

  get file(): string {
    return this.from.file;
  }

  get expected(): EntityKind[] {
    return [PROGRESS_LISTS[this.from.listKey!]];
  }

  get path(): JsonPath {
    return [this.from.listKey!, this.from.index, 'id'];
  }
}

/** A Progress file's lists, and the kind of entity each entry's `id` references. */
export const PROGRESS_LISTS: Readonly<Record<string, EntityKind>> = { indicators: 'indicator', tasks: 'task', projects: 'project', mechanisms: 'mechanism', actions: 'action' };

/** Whether a reference is a Progress entry's `id` (removing it removes the entry, `path` without its last step). */
export function isProgressReference(ref: Pick<Reference, 'field'>): boolean {
  return ref.field === 'id';
}

/** Lists that hold entities, the kind of their entries, and their reference fields. */
export const ENTITY_LISTS: Record<string, { kind: EntityKind; refs: Record<string, EntityKind[]> }> = {
  tasks: { kind: 'task', refs: { indicators: ['indicator'], dependsOn: ['task'] } },
  projects: { kind: 'project', refs: { tasks: ['task'] } },
  indicators: { kind: 'indicator', refs: {} },
  mechanisms: { kind: 'mechanism', refs: {} },
  actions: { kind: 'action', refs: {} },
  risks: { kind: 'risk', refs: { affects: ['task', 'project'] } },
  reforms: { kind: 'reform', refs: { tasks: ['task'], projects: ['project'] } },
  technology: { kind: 'technology', refs: { tasks: ['task'], projects: ['project'] } },
};

// The same lists as arrays, made once rather than for every entry of every file.
const LIST_SPECS = Object.entries(ENTITY_LISTS).map(([listKey, spec]) => ({ listKey, kind: spec.kind, refFields: Object.keys(spec.refs) }));

export interface FileModel {
  parsed: ParsedFile;
  path: string;
  root: Obj | undefined;
  kind: FileKind | undefined;
  entities: Entity[];
  references: Reference[];
}

export function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The value at a path of plain data, or undefined where the path leads nowhere. */
export function dataAt(data: unknown, path: JsonPath): unknown {
  let cur = data;
  for (const step of path) {
    if (Array.isArray(cur) && typeof step === 'number') cur = cur[step];
    else if (isObj(cur) && typeof step === 'string') cur = cur[step];
    else return undefined;
  }
  return cur;
}

/** Whether two entities are at the same place in their files, without making their paths where both know it. */
export function samePlace(a: Entity, b: Entity): boolean {
  if (a instanceof EntryEntity && b instanceof EntryEntity) return a.listKey === b.listKey && a.index === b.index;
  return pathEquals(a.path, b.path);
}

/** Whether two paths name the same place. */
export function pathEquals(a: JsonPath, b: JsonPath): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export function asNumber(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

export function asString(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/** The model of a parsed file. */
export function buildFileModel(parsed: ParsedFile): FileModel {
  const root = isObj(parsed.data) ? parsed.data : undefined;
  const kindValue = root?.kind;
  const kind = (FILE_KINDS as readonly unknown[]).includes(kindValue) ? (kindValue as FileKind) : undefined;
  const model: FileModel = { parsed, path: parsed.path, root, kind, entities: [], references: [] };
  if (!root) return model;
  // A Progress file defines no ID: its entries' `id`s are references to the plan's.
  if (kind === 'Progress') {
    addProgressReferences(model, root);
    return model;
  }
  if (kind === 'Plan' && typeof root.id === 'string') {
    model.entities.push(new EntryEntity(root.id, 'plan', parsed.path, undefined, 0, root));
  }
  // The entries of each list, for entries(): the same objects as the entities.
  const byList = new Map<string, readonly EntryEntity[]>();
  (model as Listed)[LISTS] = byList;
  for (const spec of LIST_SPECS) {
    const list = root[spec.listKey];
    if (!Array.isArray(list)) continue;
    const made: EntryEntity[] = [];
    byList.set(spec.listKey, made);
    const fields = spec.refFields;
    for (let i = 0; i < list.length; i++) {
      const entry = list[i];
      if (!isObj(entry)) continue;
      const id = typeof entry.id === 'string' ? entry.id : undefined;
      const entity = new EntryEntity(id ?? '', spec.kind, parsed.path, spec.listKey, i, entry);
      made.push(entity);
      if (id !== undefined) model.entities.push(entity);
      for (let f = 0; f < fields.length; f++) {
        const refs = entry[fields[f]];
        if (!Array.isArray(refs)) continue;
        for (let j = 0; j < refs.length; j++) {
          const ref = refs[j];
          if (typeof ref === 'string') model.references.push(new ListReference(ref, entity, fields[f], j));
        }
      }
    }
  }
  return model;
}

/** A Progress file's references: each entry's `id`, of the kind its list reports on. It defines nothing. */
function addProgressReferences(model: FileModel, root: Obj): void {
  for (const listKey in PROGRESS_LISTS) {
    const list = root[listKey];
    if (!Array.isArray(list)) continue;
    for (let i = 0; i < list.length; i++) {
      const entry = list[i];
      if (!isObj(entry) || typeof entry.id !== 'string') continue;
      model.references.push(new ProgressReference(entry.id, new EntryEntity('', PROGRESS_LISTS[listKey], model.path, listKey, i, entry)));
    }
  }
}

/** Span of an entity's ID value (or its entry, if the ID cannot be located). */
export function idSpan(parsed: Pick<ParsedFile, 'span'>, e: Pick<Entity, 'path'>): Span {
  return parsed.span([...e.path, 'id'], 'value') ?? parsed.span(e.path, 'key') ?? { start: 0, end: 0 };
}

/** An entry of an entity list: the entity of its ID ('' for an entry without one), and the entry. */
export interface ListEntry extends Entity {
  readonly entry: Obj;
}

// Several rules walk the same lists of the same (immutable) model: buildFileModel lists each
// entity list's entries once, as it walks them for the entities, and keeps them on the model
// under a key of this module (a WeakMap of 2,000 models cost every garbage collection a walk).
const LISTS = Symbol('entity lists');
type Listed = FileModel & { [LISTS]?: Map<string, readonly EntryEntity[]> };
const NO_ENTRIES: readonly ListEntry[] = [];

/**
 * The same model over other parsed data (the checker's compact model,
 * plan-view.ts), with each entry's data replaced by what `dataOf` keeps of it:
 * the same entities, references and entries, not made a second time. The
 * given model is given up: its entities now hold the kept data.
 */
export function withEntryData(model: FileModel, parsed: ParsedFile, dataOf: (listKey: string, entry: Obj) => Obj): FileModel {
  const lists = (model as Listed)[LISTS];
  // Every entry is listed, those without an ID (which references may hold) too.
  if (lists) for (const [listKey, made] of lists) for (const e of made) e.data = dataOf(listKey, e.data);
  const out: Listed = { parsed, path: model.path, root: parsed.data as Obj, kind: model.kind, entities: model.entities, references: model.references };
  out[LISTS] = lists;
  return out;
}

/** Every entry of an entity list (a key of ENTITY_LISTS) in a file, with its path, including entries without an ID. */
export function entries(model: FileModel, listKey: string): readonly ListEntry[] {
  return (model as Listed)[LISTS]?.get(listKey) ?? NO_ENTRIES;
}
