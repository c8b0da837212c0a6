/**
 * One plan: its files, every ID defined across them and every reference.
 *
 * Files are added and replaced one at a time (the language server swaps the
 * edited file); the cross-file tables are rebuilt lazily from the file models,
 * which is linear in the number of entities and needs no parsing.
 */
import { asNumber, type Entity, type FileModel, type Obj, type Reference } from './model';
import type { RuleConfig } from './config';

/** What the plan's Plan file says about the plan as a whole; its years are read by `yearsOf` (indicators.ts). */
export interface PlanSettings {
  id?: string;
  baseYear?: number;
  data: Obj;
}

export class PlanIndex {
  private readonly fileMap = new Map<string, FileModel>();
  private tables: { defs: Map<string, Entity[]>; refs: Reference[]; targets: (Entity[] | undefined)[] } | undefined;
  private plans: FileModel[] | undefined;

  constructor(
    /** The plan folder, or undefined for a file that belongs to no plan. */
    readonly root: string | undefined,
    public config: RuleConfig = { severities: new Map(), findings: [] },
  ) {}

  setFile(model: FileModel): void {
    const before = this.fileMap.get(model.path);
    this.fileMap.set(model.path, model);
    this.tables = undefined;
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

  private build() {
    if (this.tables) return this.tables;
    const defs = new Map<string, Entity[]>();
    const refs: Reference[] = [];
    for (const f of this.fileMap.values()) {
      for (const e of f.entities) {
        const list = defs.get(e.id);
        if (list) list.push(e);
        else defs.set(e.id, [e]);
      }
      for (const r of f.references) refs.push(r);
    }
    // Each reference looked up once here, for every rule that asks what it points to.
    const targets: (Entity[] | undefined)[] = new Array(refs.length);
    for (let k = 0; k < refs.length; k++) targets[k] = defs.get(refs[k].id);
    this.tables = { defs, refs, targets };
    return this.tables;
  }

  /** Every definition of every ID. */
  get definitions(): Map<string, Entity[]> {
    return this.build().defs;
  }

  get references(): Reference[] {
    return this.build().refs;
  }

  /**
   * The definitions of each reference's ID, by its place in `references`
   * (undefined: the plan defines no such ID). A 1,000-file plan has some 27,000
   * references, and four plan rules ask this of each.
   */
  get targets(): readonly (readonly Entity[] | undefined)[] {
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
