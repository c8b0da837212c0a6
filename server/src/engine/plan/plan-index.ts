/**
 * One plan: its files, every ID defined across them and every reference.
 *
 * Files are added and replaced one at a time (the language server swaps the
 * edited file); the cross-file tables grow as files are added and are rebuilt
 * lazily from the file models after a swap, which is linear in the number of
 * entities and needs no parsing.
 */
import { asNumber, type Entity, type FileModel, type Obj, type Reference } from './model';
import type { RuleConfig } from './config';
import type { PlanView } from './plan-view';

/** What the plan's Plan file says about the plan as a whole; its years are read by `yearsOf` (indicators.ts). */
export interface PlanSettings {
  id?: string;
  baseYear?: number;
  data: Obj;
}

/** The definitions of an ID the plan does not define: one array for all of them. */
const NO_DEFINITIONS: readonly Entity[] = [];

interface Tables {
  /** Each ID's definitions, in the order their files were added. */
  defs: Map<string, Entity[]>;
  refs: Reference[];
  /**
   * Each reference's definitions: its ID's array in `defs` itself (a later
   * definition joins it there), or NO_DEFINITIONS while the plan defines none.
   */
  targets: (readonly Entity[])[];
  /** The definitions of each ID defined more than once (the same arrays as in `defs`), as its second definition came. */
  duplicates: Entity[][];
  /** The references whose ID was not defined when their file was added: looked up again when asked. */
  pending: number[];
  /** Where each file's references begin in `refs` (a file's references are added together). */
  refStart: Map<string, number>;
}

function emptyTables(): Tables {
  return { defs: new Map(), refs: [], targets: [], duplicates: [], pending: [], refStart: new Map() };
}

/**
 * A file's definitions and references into the tables, each reference looked
 * up once, for every rule that asks what it points to. A reference holds its
 * ID's array of definitions, so one added later reaches it too.
 */
function add(tables: Tables, f: FileModel): void {
  const { defs, refs, targets, duplicates, pending } = tables;
  tables.refStart.set(f.path, refs.length);
  for (const e of f.entities) {
    const known = defs.get(e.id);
    if (known === undefined) defs.set(e.id, [e]);
    else if (known.push(e) === 2) duplicates.push(known);
  }
  for (const r of f.references) {
    const target = defs.get(r.id);
    if (target === undefined) pending.push(refs.length);
    refs.push(r);
    targets.push(target ?? NO_DEFINITIONS);
  }
}

/** Whether two versions of a file define the same IDs and refer to the same IDs, in the same order. */
function sameIds(a: FileModel, b: FileModel): boolean {
  if (a.entities.length !== b.entities.length || a.references.length !== b.references.length) return false;
  for (let i = 0; i < a.entities.length; i++) if (a.entities[i].id !== b.entities[i].id) return false;
  for (let i = 0; i < a.references.length; i++) if (a.references[i].id !== b.references[i].id) return false;
  return true;
}

/**
 * The tables with file `before` replaced by `after`, a version with the same IDs (sameIds): each
 * entity and reference takes its predecessor's place, so the tables are what adding the files
 * afresh would make, and every lookup (which depends on IDs only) stays as it was.
 */
function replaceSameIds(tables: Tables, before: FileModel, after: FileModel): void {
  for (let i = 0; i < after.entities.length; i++) {
    const list = tables.defs.get(after.entities[i].id)!;
    list[list.indexOf(before.entities[i])] = after.entities[i];
  }
  const start = tables.refStart.get(after.path)!;
  for (let i = 0; i < after.references.length; i++) tables.refs[start + i] = after.references[i];
}

export class PlanIndex implements PlanView {
  private readonly fileMap = new Map<string, FileModel>();
  /**
   * The tables of the files added so far. Kept up to date while files are only
   * added (the checker adds each file as it is parsed, while its IDs are fresh
   * in the cache, and this code runs a thousand times instead of once); made
   * anew, when asked, after a file is replaced or removed (the language server).
   */
  private tables: Tables | undefined = emptyTables();
  /** Whether the pending references were looked up again since the last file was added. */
  private resolved = true;
  private plans: FileModel[] | undefined;

  constructor(
    /** The plan folder, or undefined for a file that belongs to no plan. */
    readonly root: string | undefined,
    public config: RuleConfig = { severities: new Map(), findings: [] },
  ) {}

  setFile(model: FileModel): void {
    const before = this.fileMap.get(model.path);
    this.fileMap.set(model.path, model);
    // A keystroke rarely changes a file's IDs: its entities then take their predecessors' places.
    if (before && this.tables && sameIds(before, model)) replaceSameIds(this.tables, before, model);
    else if (before) this.tables = undefined;
    else if (this.tables) add(this.tables, model);
    this.resolved = false;
    // The checker adds a plan's files one by one, asking for its Plan files in between.
    if (model.kind === 'Plan' || before?.kind === 'Plan') this.plans = undefined;
  }

  removeFile(path: string): boolean {
    const had = this.fileMap.delete(path);
    if (had) {
      this.tables = undefined;
      this.plans = undefined;
    }
    return had;
  }

  file(path: string): FileModel | undefined {
    return this.fileMap.get(path);
  }

  get files(): FileModel[] {
    return [...this.fileMap.values()];
  }

  /**
   * The `kind: Plan` files of the plan folder, by path; the first is the plan, others are duplicates.
   * Kept between changes (file rules ask for the plan's years once per file), apart from the ID
   * tables: after an edit the language server asks for these without needing those.
   */
  get planFiles(): FileModel[] {
    if (!this.plans) {
      const plans: FileModel[] = [];
      for (const f of this.fileMap.values()) if (f.kind === 'Plan') plans.push(f);
      this.plans = plans.sort((a, b) => a.path.localeCompare(b.path));
    }
    return this.plans;
  }

  get settings(): PlanSettings | undefined {
    const plan = this.planFiles[0]?.root;
    if (!plan) return undefined;
    return { id: typeof plan.id === 'string' ? plan.id : undefined, baseYear: asNumber(plan.baseYear), data: plan };
  }

  private build(): Tables {
    let tables = this.tables;
    if (!tables) {
      tables = emptyTables();
      for (const f of this.fileMap.values()) add(tables, f);
      this.tables = tables;
      this.resolved = false;
    }
    if (!this.resolved) {
      // References to IDs defined in files added after theirs; those still undefined wait for more files.
      const { defs, refs, targets, pending } = tables;
      let left = 0;
      for (let i = 0; i < pending.length; i++) {
        const k = pending[i];
        const target = defs.get(refs[k].id);
        if (target === undefined) pending[left++] = k;
        else targets[k] = target;
      }
      pending.length = left;
      this.resolved = true;
    }
    return tables;
  }

  /** The definitions of an ID, in the order their files were added (none: the plan does not define it). */
  definitionsOf(id: string): readonly Entity[] {
    return this.build().defs.get(id) ?? NO_DEFINITIONS;
  }

  isDefined(id: string): boolean {
    return this.build().defs.has(id);
  }

  /** Every definition of every ID: by ID in the order each was first defined, an ID's duplicates after its first. */
  allDefinitions(): Entity[] {
    const out: Entity[] = [];
    for (const defs of this.build().defs.values()) for (const d of defs) out.push(d);
    return out;
  }

  get references(): Reference[] {
    return this.build().refs;
  }

  /** The definitions of every ID defined more than once (a few in a plan with mistakes, none in most). */
  get duplicates(): readonly (readonly Entity[])[] {
    return this.build().duplicates;
  }

  /**
   * The definitions of each reference's ID, by its place in `references`
   * (empty: the plan defines no such ID). A big plan has tens of thousands of
   * references, and four plan rules ask this of each.
   */
  get targets(): readonly (readonly Entity[])[] {
    return this.build().targets;
  }

  /** The first definition of an ID. */
  lookup(id: string): Entity | undefined {
    return this.build().defs.get(id)?.[0];
  }

  entitiesOfKind(kind: Entity['kind']): Entity[] {
    const out: Entity[] = [];
    for (const f of this.fileMap.values()) for (const e of f.entities) if (e.kind === kind) out.push(e);
    return out;
  }

  referencesTo(id: string): Reference[] {
    return this.references.filter((r) => r.id === id);
  }
}
