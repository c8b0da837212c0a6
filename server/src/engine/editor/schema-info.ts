/**
 * The JSON Schemas as editor features read them: which keys a mapping at a
 * path may hold (required ones flagged), what a key means (bilingual title
 * and description), which values it allows (enum with enumDescriptions and
 * x-aliases, const, boolean) and a placeholder value for a new key.
 *
 * The schemas are bundled (JSON imports, inlined by esbuild), walked
 * structurally: `$ref` (relative to the schema's `$id`), `allOf`, and
 * `if`/`then`/`else` evaluated against the data of the mapping when it is
 * known (an indicator's `type` decides its `unit`). Nothing here validates;
 * the generated validators do that.
 */
import { dataAt, type FileKind } from '../plan/model';
import commonSchema from '../../../../schemas/common.schema.json';
import planSchema from '../../../../schemas/plan.schema.json';
import tasksSchema from '../../../../schemas/tasks.schema.json';
import projectsSchema from '../../../../schemas/projects.schema.json';
import indicatorsSchema from '../../../../schemas/indicators.schema.json';
import progressSchema from '../../../../schemas/progress.schema.json';
import pilotPlanSchema from '../../../../schemas/pilot-plan.schema.json';
import type { JsonPath } from '../parse/parsed-file';
import { enumNames, splitDescription, splitTitle } from '../schema/schema-text';
import type { LocalText } from '../i18n/messages';

type S = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const BASE = 'https://pilot-plan.dev/schemas/v1/';
const SCHEMAS: S[] = [commonSchema, planSchema, tasksSchema, projectsSchema, indicatorsSchema, progressSchema, pilotPlanSchema] as S[];
const byId = new Map<string, S>(SCHEMAS.map((s) => [String(s.$id), s]));

/** A subschema and the `$id` its relative references resolve against. */
export interface SchemaNode {
  schema: S;
  base: string;
}

const ROOT_BY_KIND: Record<FileKind, string> = {
  Plan: 'plan.schema.json',
  Tasks: 'tasks.schema.json',
  Projects: 'projects.schema.json',
  Indicators: 'indicators.schema.json',
  Progress: 'progress.schema.json',
};

export function rootNode(kind: FileKind | undefined): SchemaNode {
  const id = BASE + (kind ? ROOT_BY_KIND[kind] : 'pilot-plan.schema.json');
  return { schema: byId.get(id) ?? {}, base: id };
}

function pointer(schema: S, fragment: string): S | undefined {
  if (!fragment || fragment === '/') return schema;
  let cur: unknown = schema;
  for (const raw of fragment.replace(/^\//, '').split('/')) {
    const part = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (typeof cur !== 'object' || cur === null) return undefined;
    cur = (cur as S)[part];
  }
  return typeof cur === 'object' && cur !== null ? (cur as S) : undefined;
}

function resolveRef(ref: string, base: string): SchemaNode | undefined {
  const [file, fragment = ''] = ref.split('#');
  const id = file ? new URL(file, base).href : base;
  const doc = byId.get(id);
  if (!doc) return undefined;
  const schema = pointer(doc, fragment);
  return schema ? { schema, base: id } : undefined;
}

function isObj(v: unknown): v is S {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A small evaluator for the `if` conditions the schemas use: type, required, properties with const/enum. */
function conditionHolds(cond: S, data: unknown): boolean | undefined {
  if (data === undefined) return undefined;
  if (cond.type === 'object' && !isObj(data)) return false;
  if (!isObj(data)) return false;
  for (const k of (cond.required as string[] | undefined) ?? []) if (!(k in data)) return false;
  for (const [k, sub] of Object.entries((cond.properties as S | undefined) ?? {})) {
    if (!(k in data)) continue;
    const v = data[k];
    if ('const' in sub && v !== sub.const) return false;
    if (Array.isArray(sub.enum) && !sub.enum.includes(v)) return false;
  }
  return true;
}

/** The node and every subschema that applies with it: its `$ref` target, `allOf` members, the matching `then`/`else`. */
export function applicable(node: SchemaNode, data: unknown, out: SchemaNode[] = [], depth = 0): SchemaNode[] {
  if (depth > 12 || out.some((n) => n.schema === node.schema)) return out;
  out.push(node);
  const s = node.schema;
  if (typeof s.$ref === 'string') {
    const target = resolveRef(s.$ref, node.base);
    if (target) applicable(target, data, out, depth + 1);
  }
  if (Array.isArray(s.allOf)) for (const m of s.allOf) if (isObj(m)) applicable({ schema: m, base: node.base }, data, out, depth + 1);
  if (isObj(s.if)) {
    const holds = conditionHolds(s.if, data);
    if (holds === true && isObj(s.then)) applicable({ schema: s.then, base: node.base }, data, out, depth + 1);
    if (holds === false && isObj(s.else)) applicable({ schema: s.else, base: node.base }, data, out, depth + 1);
  }
  return out;
}

/** What the schemas say about one location: the union of its applicable subschemas. */
export class SchemaView {
  constructor(readonly nodes: SchemaNode[]) {}

  static empty(): SchemaView {
    return new SchemaView([]);
  }

  get isEmpty(): boolean {
    return this.nodes.length === 0;
  }

  private first<T>(get: (s: S) => T | undefined): T | undefined {
    for (const n of this.nodes) {
      const v = get(n.schema);
      if (v !== undefined) return v;
    }
    return undefined;
  }

  get title(): LocalText | undefined {
    return splitTitle(this.first((s) => (typeof s.title === 'string' ? s.title : undefined)));
  }

  get rawTitle(): string | undefined {
    return this.first((s) => (typeof s.title === 'string' ? s.title : undefined));
  }

  get description(): LocalText | undefined {
    return splitDescription(this.first((s) => (typeof s.description === 'string' && !('not' in s) ? s.description : undefined)));
  }

  /** Allowed values with their raw enumDescriptions ("中文 · English — …") and their names (titles, `x-aliases`). */
  get enumValues(): { value: unknown; description?: string; names: string[] }[] | undefined {
    const c = this.nodes.find((n) => 'const' in n.schema);
    if (c) return [{ value: c.schema.const, names: [] }];
    const e = this.nodes.find((n) => Array.isArray(n.schema.enum));
    if (!e) return undefined;
    const d = Array.isArray(e.schema.enumDescriptions) ? (e.schema.enumDescriptions as string[]) : [];
    return (e.schema.enum as unknown[]).map((value, i) => ({ value, description: d[i], names: enumNames(e.schema, value) }));
  }

  get types(): string[] {
    const out = new Set<string>();
    for (const n of this.nodes) {
      const t = n.schema.type;
      if (typeof t === 'string') out.add(t);
      else if (Array.isArray(t)) for (const x of t) out.add(String(x));
    }
    if (!out.size && this.nodes.some((n) => isObj(n.schema.properties))) out.add('object');
    return [...out];
  }

  get examples(): unknown[] {
    return this.first((s) => (Array.isArray(s.examples) ? (s.examples as unknown[]) : undefined)) ?? [];
  }

  /** `{ not: {} }` somewhere: the key is not allowed here. */
  get forbidden(): boolean {
    return this.nodes.some((n) => isObj(n.schema.not) && Object.keys(n.schema.not).length === 0);
  }

  /** Keys of the mapping this view describes, in schema order. */
  get keys(): string[] {
    const out: string[] = [];
    for (const n of this.nodes) for (const k of Object.keys((n.schema.properties as S | undefined) ?? {})) if (!out.includes(k)) out.push(k);
    return out;
  }

  get required(): string[] {
    const out: string[] = [];
    for (const n of this.nodes) for (const k of (n.schema.required as string[] | undefined) ?? []) if (!out.includes(k)) out.push(k);
    return out;
  }

  /** The view of `step` below this one (a key or an index), with the data found there for conditions. */
  child(step: string | number, data?: unknown): SchemaView {
    const out: SchemaNode[] = [];
    for (const n of this.nodes) {
      let sub: S | undefined;
      if (typeof step === 'number') sub = isObj(n.schema.items) ? n.schema.items : undefined;
      else sub = (n.schema.properties as S | undefined)?.[step];
      if (isObj(sub)) for (const a of applicable({ schema: sub, base: n.base }, data)) if (!out.some((o) => o.schema === a.schema)) out.push(a);
    }
    return new SchemaView(out);
  }

  /** The view of the items of an array. */
  get items(): SchemaView {
    return this.child(0);
  }

  /** True for an array whose items are mappings (a list of entries). */
  get isListOfObjects(): boolean {
    return this.types.includes('array') && this.items.types.includes('object');
  }
}

/** The schema view at `path` of a file of `kind`, conditions evaluated on `data` (the file's data, if known). */
export function schemaAt(kind: FileKind | undefined, path: JsonPath, data?: unknown): SchemaView {
  let view = new SchemaView(applicable(rootNode(kind), data));
  for (let i = 0; i < path.length; i++) {
    view = view.child(path[i], dataAt(data, path.slice(0, i + 1)));
    if (view.isEmpty) return view;
  }
  return view;
}

/** "中文 · English — 中文说明。English." → its parts. */
export function splitEnumDescription(d: string | undefined): { title?: LocalText; text?: LocalText } {
  if (!d) return {};
  const i = d.indexOf(' — ');
  const title = splitTitle(i < 0 ? d : d.slice(0, i));
  if (i < 0) return { title };
  const rest = d.slice(i + 3).trim();
  // The Chinese sentence(s) end with "。"; the English follows.
  const j = rest.lastIndexOf('。');
  const text = j >= 0 && j < rest.length - 1 ? { zh: rest.slice(0, j + 1).trim(), en: rest.slice(j + 1).trim() } : { zh: rest, en: rest };
  return { title, text };
}

/** A title in both languages, the locale's first: "中文 · English". */
export function bilingual(t: LocalText | undefined, zhFirst = true): string {
  if (!t) return '';
  if (t.zh === t.en) return t.zh;
  return zhFirst ? `${t.zh} · ${t.en}` : `${t.en} · ${t.zh}`;
}

/** Markdown documentation of a key or value: the description in both languages. */
export function describe(view: SchemaView, zhFirst = true): string {
  const parts: string[] = [];
  const d = view.description;
  if (d) parts.push(...(d.zh === d.en ? [d.zh] : zhFirst ? [d.zh, d.en] : [d.en, d.zh]));
  return parts.join('\n\n');
}
