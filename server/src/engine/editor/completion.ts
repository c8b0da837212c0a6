/**
 * Completion candidates at a cursor: keys the schema allows there (required
 * first), enum values with their descriptions, units, years of the plan, IDs
 * of the right kind from every file of the plan, and snippets for whole new
 * entries. Works on incomplete YAML: the cursor context is read from the
 * text (cursor.ts), the data for conditions from the current parse or the
 * last one that succeeded.
 *
 * Enum values and IDs are found by their Chinese names too: a value's title
 * and aliases, an entity's name or title are in the candidate's filterText
 * (text/meaning.ts), so that 节能 finds `energy-efficiency` and 能耗 the
 * energy-intensity indicator.
 */
import type { Locale } from '../i18n/messages';
import type { JsonPath } from '../parse/parsed-file';
import { dataAt, ENTITY_LISTS, FILE_KINDS, isObj, PROGRESS_LISTS, type EntityKind, type FileKind } from '../plan/model';
import { KIND_NAMES } from '../i18n/messages';
import { yamlScalar } from '../../common/yaml-scalar';
import { cursorContext, scanLines, type CursorContext } from './cursor';
import { SchemaView, bilingual, describe, schemaAt, splitEnumDescription } from './schema-info';
import { displayPath, entityName, entityNameEn, freshId, local, planEntities, readableModels, text, type EditorFile, type EditorPlan } from './context';
import { filterMatches, filterTextOf } from '../text/meaning';
import type { Entity } from '../plan/model';
import { INDICATOR_UNITS, UNITS, unitMarkdown } from '../units';
import { pilotNameCandidates } from './pilot-completion';

/** A text edit by offsets into the file's current text. */
export interface TextEditSpan {
  start: number;
  end: number;
  newText: string;
}

export type CandidateKind = 'property' | 'value' | 'enum' | 'reference' | 'snippet' | 'unit' | 'year' | 'file';

export interface CompletionCandidate {
  label: string;
  kind: CandidateKind;
  /** One line next to the label: the bilingual title, a target's name. */
  detail?: string;
  /** What the label names, in the locale, shown beside it in the list: a value's title, an entity's name. */
  description?: string;
  /** Markdown. */
  documentation?: string;
  /** The text to insert; a snippet (`$1`, `${1|a,b|}`) when `snippet` is set. Indentation is absolute. */
  insertText: string;
  snippet?: boolean;
  sortText?: string;
  filterText?: string;
  /** The range of the current text to replace. */
  replace: { start: number; end: number };
  /** Edits elsewhere in the file, applied with the candidate; none overlaps `replace`. */
  additionalEdits?: TextEditSpan[];
  /** Open completion again after inserting (a key whose value has choices). */
  retrigger?: boolean;
  preselect?: boolean;
}

/** The file kind from the text (`kind: Tasks`), which survives syntax errors elsewhere. */
export function kindFromText(textOf: string): FileKind | undefined {
  const m = /^kind:[ \t]*["']?([A-Za-z]+)["']?[ \t]*(#.*)?$/m.exec(textOf);
  const k = m?.[1];
  return (FILE_KINDS as readonly string[]).includes(k ?? '') ? (k as FileKind) : undefined;
}

/** Reference kinds of the list at `listPath` (…, <entity list>, i, <field>), if it holds references. */
export function referenceKinds(listPath: JsonPath): EntityKind[] | undefined {
  const n = listPath.length;
  if (n < 3) return undefined;
  const list = listPath[n - 3];
  const field = listPath[n - 1];
  if (typeof list !== 'string' || typeof listPath[n - 2] !== 'number' || typeof field !== 'string') return undefined;
  return ENTITY_LISTS[list]?.refs[field];
}

/** The kind a Progress file's `<list>[i].id` references (docs/format.md#kind-progress), if `path` is one. */
function progressReferenceKind(env: Pick<Env, 'kind'>, path: JsonPath): EntityKind | undefined {
  if (env.kind !== 'Progress' || path.length !== 3 || typeof path[0] !== 'string' || typeof path[1] !== 'number' || path[2] !== 'id') return undefined;
  return Object.hasOwn(PROGRESS_LISTS, path[0]) ? PROGRESS_LISTS[path[0]] : undefined;
}

/** The IDs the other entries of a Progress list already report on: one entry each. */
function reportedIds(env: Pick<Env, 'data'>, listKey: string, except: number): Set<unknown> {
  const list = dataAt(env.data, [listKey]);
  const out = new Set<unknown>();
  if (Array.isArray(list)) list.forEach((e, i) => i !== except && isObj(e) && out.add(e.id));
  return out;
}

function snippetEscape(s: string): string {
  return s.replace(/[\\$}]/g, (c) => `\\${c}`);
}

function choiceEscape(s: string): string {
  return s.replace(/[\\$}|,]/g, (c) => `\\${c}`);
}

interface Env {
  file: EditorFile;
  plan: EditorPlan;
  locale: Locale;
  kind: FileKind | undefined;
  data: unknown;
  textOf: string;
  ctx: CursorContext;
  zhFirst: boolean;
  /** Set when candidates were left out (the client should ask again as the user types). */
  incomplete?: boolean;
}

/** The data of the mapping at `path`: from the current parse, or the last good one. */
function mappingData(env: Env, path: JsonPath): unknown {
  const now = dataAt(env.data, path);
  if (isObj(now)) return now;
  const good = env.file.lastGood?.parsed.data;
  const then = good !== undefined ? dataAt(good, path) : undefined;
  return isObj(then) ? then : now;
}

function viewAt(env: Env, path: JsonPath): SchemaView {
  // Conditions read the data along the path; where the current parse lacks it, the last good parse may have it.
  const data = env.data ?? env.file.lastGood?.parsed.data;
  const v = schemaAt(env.kind, path, data);
  if (!v.isEmpty || !env.file.lastGood) return v;
  return schemaAt(env.kind, path, env.file.lastGood.parsed.data);
}

function planYears(env: Env): { baseYear?: number; targetYears: number[] } {
  const plan = env.plan.index.planFiles[0]?.root ?? (env.kind === 'Plan' && isObj(env.data) ? env.data : undefined);
  const baseYear = typeof plan?.baseYear === 'number' ? plan.baseYear : undefined;
  const targetYears = Array.isArray(plan?.targetYears) ? (plan!.targetYears as unknown[]).filter((y): y is number => typeof y === 'number') : [];
  return { baseYear, targetYears };
}

function isYearView(v: SchemaView): boolean {
  return v.nodes.some((n) => n.schema.minimum === 1900 && n.schema.maximum === 2100) || /年份|Year/.test(v.rawTitle ?? '');
}

// ---------------------------------------------------------------------------
// Values

function enumCandidates(env: Env, view: SchemaView, replace: CompletionCandidate['replace'], exclude: Set<unknown> = new Set()): CompletionCandidate[] {
  const values = view.enumValues;
  if (!values) return [];
  const out = values
    .filter((v) => !exclude.has(v.value))
    .map((v, i) => {
      const d = splitEnumDescription(v.description);
      const docs: string[] = [];
      if (d.text) docs.push(...(env.zhFirst ? [d.text.zh, d.text.en] : [d.text.en, d.text.zh]));
      const insert = yamlScalar(v.value);
      const filter = filterTextOf(insert, v.names);
      return {
        label: String(v.value),
        kind: 'enum' as const,
        detail: d.title ? bilingual(d.title, env.zhFirst) : view.rawTitle,
        description: d.title ? local(d.title, env.locale) : undefined,
        documentation: docs.filter((x, k, a) => x && a.indexOf(x) === k).join('\n\n') || undefined,
        insertText: insert,
        filterText: filter !== String(v.value) ? filter : undefined,
        sortText: `0${String(i).padStart(3, '0')}`,
        replace,
      };
    });
  return env.ctx.path[env.ctx.path.length - 1] === 'unit' ? typedFirst(env, out) : out;
}

/**
 * Units: the spellings that start as the planner started typing first, the first of them
 * preselected (`万千` → 万千瓦, `万k` → 万kW), so the spelling they chose is the one offered.
 */
function typedFirst(env: Env, candidates: CompletionCandidate[]): CompletionCandidate[] {
  const typed = env.ctx.partial.replace(/^["']/, '');
  if (!typed) return candidates;
  let first = true;
  return candidates.map((c) => {
    if (!c.label.startsWith(typed)) return { ...c, sortText: `1${c.sortText ?? ''}` };
    const out: CompletionCandidate = { ...c, sortText: `0${c.sortText ?? ''}`, preselect: first || undefined };
    first = false;
    return out;
  });
}

/** Units of levels and intensities plans often write, each with its equal spellings (units.ts), then a few counts. */
const COMMON_UNITS: readonly string[] = [
  ...['GW', '万kW', 'MW', '亿kW'].flatMap((u) => [u, ...(UNITS.capacity.units.find((x) => x.unit === u)?.equals ?? [])]),
  ...INDICATOR_UNITS.flatMap((u) => [u.unit, ...u.equals]),
  ...['万tCO2', '亿tCO2'].flatMap((u) => [u, ...(UNITS.emission.units.find((x) => x.unit === u)?.equals ?? [])]),
  ...['万tce', '亿tce'].flatMap((u) => [u, ...(UNITS.energy.units.find((x) => x.unit === u)?.equals ?? [])]),
  ...['万kWh', '亿kWh'].flatMap((u) => [u, ...(UNITS.electricity.units.find((x) => x.unit === u)?.equals ?? [])]),
  'kgCO2/km',
  '万辆',
  '万平方米',
  '个',
];

function indicatorUnitCandidates(env: Env, view: SchemaView, indicator: unknown, replace: CompletionCandidate['replace']): CompletionCandidate[] {
  const type = isObj(indicator) ? indicator.type : undefined;
  const out: CompletionCandidate[] = [];
  const add = (u: string, detail: string, sort: string) => {
    if (out.some((c) => c.label === u)) return;
    const insert = yamlScalar(u);
    out.push({ label: u, kind: 'unit', detail, documentation: unitMarkdown(u, env.zhFirst), insertText: insert, filterText: insert !== u ? insert : undefined, sortText: sort + String(out.length).padStart(3, '0'), replace });
  };
  const pct = text(env.locale, '百分比：占比和降低率指标必须使用 %', 'Percent: share and reduction indicators must use %');
  if (type === 'share' || type === 'reduction') {
    add('%', pct, '0');
    return out;
  }
  if (type !== 'level' && type !== 'intensity') add('%', pct, '0');
  const used = new Set<string>();
  for (const m of readableModels(env.plan)) {
    for (const e of m.entities) if (e.kind === 'indicator' && typeof e.data.unit === 'string' && e.data.unit !== '%' && (!type || e.data.type === type)) used.add(e.data.unit);
  }
  // The text being typed is in the parse too: not a unit the plan uses.
  used.delete(env.ctx.partial.replace(/^["']/, ''));
  for (const u of used) add(u, text(env.locale, '本方案中已使用的单位', 'A unit used in this plan'), '1');
  for (const ex of view.examples) if (typeof ex === 'string' && ex !== '%') add(ex, text(env.locale, '常用单位', 'A common unit'), '2');
  for (const u of COMMON_UNITS) add(u, text(env.locale, '常用单位', 'A common unit'), '3');
  return typedFirst(env, out);
}

function yearCandidates(env: Env, replace: CompletionCandidate['replace']): CompletionCandidate[] {
  const { baseYear, targetYears } = planYears(env);
  const out: CompletionCandidate[] = [];
  targetYears.forEach((y, i) => out.push({ label: String(y), kind: 'year', detail: text(env.locale, '方案目标年份', 'A target year of the plan'), insertText: String(y), sortText: `0${i}`, replace }));
  if (baseYear !== undefined && !targetYears.includes(baseYear)) out.push({ label: String(baseYear), kind: 'year', detail: text(env.locale, '方案基准年', 'The plan\'s base year'), insertText: String(baseYear), sortText: '1', replace });
  return out;
}

function departmentCandidates(env: Env, replace: CompletionCandidate['replace'], exclude: Set<unknown>): CompletionCandidate[] {
  const seen = new Map<string, number>();
  for (const m of readableModels(env.plan)) {
    for (const e of m.entities) {
      if (e.kind !== 'task') continue;
      const names = [e.data.lead, ...(Array.isArray(e.data.partners) ? e.data.partners : [])];
      for (const n of names) if (typeof n === 'string' && n.trim()) seen.set(n, (seen.get(n) ?? 0) + 1);
    }
  }
  return [...seen.entries()]
    .filter(([n]) => !exclude.has(n))
    .sort((a, b) => b[1] - a[1])
    .map(([n, count], i) => ({
      label: n,
      kind: 'value' as const,
      detail: text(env.locale, `本方案中出现 ${count} 次`, `used ${count} time${count === 1 ? '' : 's'} in this plan`),
      insertText: yamlScalar(n),
      sortText: String(i).padStart(4, '0'),
      replace,
    }));
}

/** More candidates than this: only those matching what was typed, and the list marked incomplete. */
export const MAX_CANDIDATES = 300;

// An entity's filterText, kept while its names stay: a plan's entities outlive many completions (a file's are made anew when it changes).
const FILTER_TEXTS = new WeakMap<Entity, { name?: string; en?: string; text: string }>();

function entityFilterText(e: Entity): string {
  const name = entityName(e);
  const en = entityNameEn(e);
  const kept = FILTER_TEXTS.get(e);
  if (kept && kept.name === name && kept.en === en) return kept.text;
  const made = filterTextOf(e.id, [name, en]);
  FILTER_TEXTS.set(e, { name, en, text: made });
  return made;
}

function idCandidates(env: Env, kinds: EntityKind[], replace: CompletionCandidate['replace'], exclude: Set<unknown>, wrap?: (id: string) => string): CompletionCandidate[] {
  const out: CompletionCandidate[] = [];
  let entities = planEntities(env.plan).filter((e) => kinds.includes(e.kind) && !exclude.has(e.id));
  if (entities.length > MAX_CANDIDATES) {
    // What the editor would show of what was typed (an ID or a name); IDs it starts first.
    const q = env.ctx.partial.replace(/^["'\[]/, '');
    const lower = q.toLowerCase();
    const rank = (e: Entity) => (e.id.toLowerCase().startsWith(lower) ? 0 : 1);
    entities = entities.filter((e) => filterMatches(q, entityFilterText(e))).sort((a, b) => rank(a) - rank(b) || a.id.length - b.id.length || a.id.localeCompare(b.id));
    if (entities.length > MAX_CANDIDATES) {
      entities = entities.slice(0, MAX_CANDIDATES);
      env.incomplete = true;
    }
  }
  for (const e of entities) {
    const name = entityName(e);
    const en = entityNameEn(e);
    const shown = env.zhFirst ? name ?? en : en ?? name;
    const kindName = bilingual(KIND_NAMES[e.kind], env.zhFirst);
    const where = displayPath(env.plan, e.file);
    const docs = [`**${kindName}** \`${e.id}\``];
    if (name) docs.push(name);
    if (en) docs.push(en);
    docs.push(text(env.locale, `定义于 \`${where}\``, `Defined in \`${where}\``));
    out.push({
      label: e.id,
      kind: 'reference',
      detail: shown ?? kindName,
      description: shown,
      documentation: docs.join('\n\n'),
      insertText: wrap ? wrap(e.id) : e.id,
      filterText: entityFilterText(e),
      sortText: `${kinds.indexOf(e.kind)}${e.id}`,
      replace,
    });
  }
  return out;
}

/** The items already in the list at `listPath` (to leave out of the candidates). */
function listItems(env: Env, listPath: JsonPath): Set<unknown> {
  const now = dataAt(env.data, listPath);
  const out = new Set<unknown>(Array.isArray(now) ? now : []);
  // The flow text on the line (the parse may have dropped it).
  const partial = env.ctx.partial;
  out.delete(partial);
  return out;
}

function valueCandidates(env: Env): CompletionCandidate[] {
  const { ctx } = env;
  const path = ctx.path;
  const key = path[path.length - 1];
  const parentPath = path.slice(0, -1);
  const view = viewAt(env, path);
  const replace = { ...ctx.replace };
  // `key:|` with no space yet: the value needs one.
  const pad = env.textOf[replace.start - 1] === ':' ? ' ' : '';
  const fix = (c: CompletionCandidate[]) => (pad ? c.map((x) => ({ ...x, insertText: pad + x.insertText })) : c);
  const out: CompletionCandidate[] = [];
  // A reference list written as a value: `indicators: ` → `[IND-…]`.
  const refKinds = referenceKinds(path);
  if (refKinds) return fix(idCandidates(env, refKinds, replace, new Set(), (id) => `[${id}]`));
  const progressKind = progressReferenceKind(env, path);
  if (progressKind) return fix(idCandidates(env, [progressKind], replace, reportedIds(env, path[0] as string, path[1] as number)));
  if (env.kind === 'Plan' && path.length === 2 && path[0] === 'pilot' && key === 'name') return fix(pilotNameCandidates(env.file.model.parsed, env.locale, replace));
  if (key === 'unit' && parentPath.length >= 2 && parentPath[parentPath.length - 2] === 'indicators') {
    return fix(indicatorUnitCandidates(env, view, mappingData(env, parentPath), replace));
  }
  out.push(...enumCandidates(env, view, replace));
  const types = view.types;
  if (!out.length && types.includes('boolean')) {
    for (const b of [true, false]) out.push({ label: String(b), kind: 'value', detail: view.rawTitle, insertText: String(b), replace });
  }
  if (!out.length && (types.includes('integer') || types.includes('number')) && isYearView(view)) out.push(...yearCandidates(env, replace));
  if (!out.length && (key === 'lead' || key === 'owner')) out.push(...departmentCandidates(env, replace, new Set()));
  // A quantity or a small mapping: a flow mapping with its required keys.
  if (!out.length && types.includes('object') && !ctx.partial) {
    const snippet = flowMappingSnippet(env, view, key);
    if (snippet) out.push({ label: snippet.label, kind: 'snippet', detail: view.rawTitle, documentation: describe(view, env.zhFirst), insertText: snippet.text, snippet: true, replace });
  }
  if (!out.length && types.includes('array') && !ctx.partial) {
    const items = view.items;
    if (items.enumValues) {
      const choices = items.enumValues.map((v) => choiceEscape(String(v.value))).join(',');
      out.push({ label: '[…]', kind: 'snippet', detail: view.rawTitle, insertText: `[\${1|${choices}|}]`, snippet: true, replace });
    }
  }
  return fix(out);
}

/** `{ value: $1, unit: ${2|亿元,万元,元|} }` for a mapping whose required keys are all scalars. */
function flowMappingSnippet(env: Env, view: SchemaView, key?: string | number): { label: string; text: string } | undefined {
  const req = view.required;
  if (!req.length || req.length > 4) return undefined;
  let n = 0;
  const parts: string[] = [];
  for (const k of req) {
    const child = view.child(k);
    const t = child.types;
    if (t.includes('object') || t.includes('array')) return undefined;
    n++;
    const values = child.enumValues;
    if (values) parts.push(`${k}: \${${n}|${values.map((v) => choiceEscape(yamlScalar(v.value))).join(',')}|}`);
    else if (isYearView(child)) {
      const y = planYears(env);
      const year = key === 'baseline' ? y.baseYear ?? y.targetYears[0] ?? 2020 : y.targetYears[0] ?? y.baseYear ?? 2025;
      parts.push(`${k}: \${${n}:${year}}`);
    }
    else parts.push(`${k}: \${${n}:${t.includes('number') || t.includes('integer') ? '0' : ''}}`);
  }
  return { label: `{ ${req.map((k) => `${k}: …`).join(', ')} }`, text: `{ ${parts.join(', ')} }` };
}

function itemCandidates(env: Env, listPath: JsonPath, replace: CompletionCandidate['replace'], dash: string): CompletionCandidate[] {
  const view = viewAt(env, listPath);
  const items = view.items;
  const exclude = listItems(env, listPath);
  const refKinds = referenceKinds(listPath);
  const wrap = dash ? (s: string) => dash + s : undefined;
  let out: CompletionCandidate[] = [];
  if (refKinds) out = idCandidates(env, refKinds, replace, exclude, wrap);
  else if (items.enumValues) out = enumCandidates(env, items, replace, exclude);
  else if (listPath[listPath.length - 1] === 'partners') out = departmentCandidates(env, replace, exclude);
  else if (isYearView(items)) out = yearCandidates(env, replace).filter((c) => !exclude.has(Number(c.label)));
  if (dash && !refKinds) out = out.map((c) => ({ ...c, insertText: dash + c.insertText }));
  return out;
}

// ---------------------------------------------------------------------------
// Keys and entries

function keyInsert(env: Env, key: string, child: SchemaView, column: number, flow: boolean, hasColon: boolean): { text: string; snippet: boolean; retrigger: boolean } {
  const k = yamlScalar(key);
  if (hasColon) return { text: k, snippet: false, retrigger: false };
  if (flow) return { text: `${k}: `, snippet: false, retrigger: !!child.enumValues };
  const pad = ' '.repeat(column);
  const types = child.types;
  if (types.includes('array')) {
    if (child.items.types.includes('object')) return { text: `${k}:\n${pad}  - $0`, snippet: true, retrigger: false };
    return { text: `${k}: [$0]`, snippet: true, retrigger: true };
  }
  if (types.includes('object')) {
    const flowSnippet = flowMappingSnippet(env, child, key);
    if (flowSnippet) return { text: `${k}: ${flowSnippet.text}`, snippet: true, retrigger: false };
    return { text: `${k}:\n${pad}  $0`, snippet: true, retrigger: true };
  }
  const retrigger = !!child.enumValues || types.includes('boolean') || isYearView(child) || key === 'unit' || key === 'lead';
  return { text: `${k}: `, snippet: false, retrigger };
}

function keyCandidates(env: Env, mappingPath: JsonPath, column: number): CompletionCandidate[] {
  const { ctx } = env;
  const data = mappingData(env, mappingPath);
  const view = viewAt(env, mappingPath);
  const required = new Set(view.required);
  const present = new Set(ctx.siblings);
  if (isObj(data)) for (const k of Object.keys(data)) if (k !== ctx.partial) present.add(k);
  const after = env.textOf.slice(ctx.replace.end, ctx.replace.end + 40);
  const hasColon = /^[ \t]*:/.test(after);
  const out: CompletionCandidate[] = [];
  view.keys.forEach((key, i) => {
    if (present.has(key) || key.startsWith('x-')) return;
    const child = view.child(key, isObj(data) ? data[key] : undefined);
    if (child.forbidden) return;
    const ins = keyInsert(env, key, child, column, ctx.flow, hasColon);
    const docs = [describe(child, env.zhFirst)];
    const values = child.enumValues;
    if (values && values.length > 1 && values.length <= 12) docs.push(values.map((v) => `\`${String(v.value)}\``).join(' · '));
    if (required.has(key)) docs.unshift(text(env.locale, '**必填**', '**Required**'));
    out.push({
      label: key,
      kind: 'property',
      detail: child.rawTitle ?? bilingual(child.title, env.zhFirst),
      documentation: docs.filter(Boolean).join('\n\n'),
      insertText: ins.text,
      snippet: ins.snippet,
      retrigger: ins.retrigger,
      sortText: `${required.has(key) ? '0' : '1'}${String(i).padStart(3, '0')}`,
      // 牵头 finds `lead` (牵头部门 · Lead department).
      filterText: filterTextOf(key, child.title ? [child.title.zh, child.title.en] : []),
      replace: ctx.replace,
      preselect: required.has(key) && out.every((c) => !c.preselect) ? true : undefined,
    });
  });
  return out;
}

/** A Progress file's entries: what they report on. */
const PROGRESS_ENTRY_NAMES: Record<string, { zh: string; en: string }> = {
  indicators: { zh: '指标实际值', en: 'Indicator value' },
  tasks: { zh: '任务进展', en: 'Task progress' },
  projects: { zh: '项目进展', en: 'Project progress' },
  mechanisms: { zh: '机制进展', en: 'Mechanism progress' },
  actions: { zh: '行动进展', en: 'Action progress' },
};

const ENTRY_NAMES: Record<string, { zh: string; en: string }> = {
  tasks: { zh: '新任务', en: 'New task' },
  projects: { zh: '新项目', en: 'New project' },
  indicators: { zh: '新指标', en: 'New indicator' },
  mechanisms: { zh: '新政策机制', en: 'New mechanism' },
  actions: { zh: '新全民行动', en: 'New action' },
  risks: { zh: '新风险', en: 'New risk' },
  reforms: { zh: '新改革创新点', en: 'New reform' },
  technology: { zh: '新科技创新', en: 'New technology item' },
  safeguards: { zh: '新保障措施', en: 'New safeguard' },
  targets: { zh: '新目标', en: 'New target' },
};

/** Snippet lines (after the `- `) for a new entry of `listKey`, each line after the first at `column`. */
export function entrySnippet(env: { plan: EditorPlan; locale: Locale; kind: FileKind | undefined; data: unknown }, listPath: JsonPath, column: number): string | undefined {
  const listKey = listPath[listPath.length - 1];
  if (typeof listKey !== 'string') return undefined;
  const pad = ' '.repeat(column);
  if (env.kind === 'Progress') return progressEntrySnippet(env, listKey, pad);
  const spec = ENTITY_LISTS[listKey];
  const taken = new Set(planEntities(env.plan).map((e) => e.id));
  const list = dataAt(env.data, listPath);
  const prev = Array.isArray(list) ? [...list].reverse().find((e) => isObj(e) && typeof e.id === 'string') : undefined;
  const id = spec ? freshId(spec.kind, isObj(prev) ? (prev.id as string) : undefined, taken) : undefined;
  const ph = (zh: string, en: string) => snippetEscape(text(env.locale, zh, en));
  const years = (() => {
    const plan = env.plan.index.planFiles[0]?.root ?? (env.kind === 'Plan' && isObj(env.data) ? env.data : undefined);
    const ty = Array.isArray(plan?.targetYears) ? (plan!.targetYears as unknown[]).filter((y): y is number => typeof y === 'number') : [];
    return { base: typeof plan?.baseYear === 'number' ? plan.baseYear : 2020, targets: ty.length ? ty : [2025, 2030] };
  })();
  const choice = (view: SchemaView) => (view.enumValues ?? []).map((v) => choiceEscape(String(v.value))).join(',');
  const kindOf: FileKind | undefined = env.kind;
  const itemView = schemaAt(kindOf, [...listPath, 0], undefined);
  const lines: string[] = [];
  switch (listKey) {
    case 'tasks':
      lines.push(`id: \${1:${id}}`, `title: \${2:${ph('任务名称', 'Task title')}}`, `area: \${3|${choice(itemView.child('area'))}|}`, `lead: \${4:${ph('牵头部门', 'Lead department')}}`, `indicators: [\${5}]`, `due: \${6:${years.targets[years.targets.length - 1]}}`);
      break;
    case 'projects':
      lines.push(`id: \${1:${id}}`, `name: \${2:${ph('项目名称', 'Project name')}}`, `tasks: [\${3}]`, `status: \${4|${choice(itemView.child('status'))}|}`, `investment: { value: \${5:0}, unit: \${6|亿元,万元,元|} }`);
      break;
    case 'indicators': {
      lines.push(
        `id: \${1:${id}}`,
        `name: \${2:${ph('指标名称', 'Indicator name')}}`,
        `type: \${3|${choice(itemView.child('type'))}|}`,
        `unit: \${4:"%"}`,
        `direction: \${5|increase,decrease|}`,
        `baseline: { year: \${6:${years.base}}, value: \${7:0} }`,
        'targets:',
      );
      let n = 8;
      for (const y of years.targets) lines.push(`  - { year: ${y}, value: \${${n++}:0} }`);
      break;
    }
    case 'mechanisms':
      lines.push(`id: \${1:${id}}`, `type: \${2|${choice(itemView.child('type'))}|}`, `title: \${3:${ph('机制名称', 'Mechanism title')}}`, `milestone: \${4:${years.targets[0]}}`);
      break;
    case 'actions':
      lines.push(`id: \${1:${id}}`, `title: \${2:${ph('行动名称', 'Action title')}}`);
      break;
    case 'risks':
      lines.push(`id: \${1:${id}}`, `category: \${2|${choice(itemView.child('category'))}|}`, `title: \${3:${ph('风险描述', 'Risk')}}`, `mitigation: \${4:${ph('应对措施', 'Mitigation')}}`, `affects: [\${5}]`);
      break;
    case 'reforms':
      lines.push(`id: \${1:${id}}`, `title: \${2:${ph('改革创新点名称', 'Reform title')}}`, `experience: \${3:${ph('可复制推广的经验', 'Experience to replicate')}}`, `tasks: [\${4}]`);
      break;
    case 'technology':
      lines.push(`id: \${1:${id}}`, `type: \${2|${choice(itemView.child('type'))}|}`, `title: \${3:${ph('科技创新名称', 'Title')}}`, `lead: \${4:${ph('牵头单位', 'Lead')}}`, `tasks: [\${5}]`);
      break;
    case 'safeguards':
      lines.push(`type: \${1|${choice(itemView.child('type'))}|}`, `title: \${2:${ph('保障措施名称', 'Safeguard title')}}`, `lead: \${3:${ph('牵头单位', 'Lead')}}`);
      break;
    case 'targets':
      return `{ year: \${1:${years.targets[0]}}, value: \${2:0} }`;
    default:
      return undefined;
  }
  return lines.map((l, i) => (i === 0 ? l : pad + l)).join('\n') + '$0';
}

/** A Progress entry: the first entry of the list's kind not reported on yet (an ID of the plan, never a new one), and its required value. */
function progressEntrySnippet(env: { plan: EditorPlan; data: unknown }, listKey: string, pad: string): string | undefined {
  if (!Object.hasOwn(PROGRESS_LISTS, listKey)) return undefined;
  const kind = PROGRESS_LISTS[listKey];
  const reported = reportedIds(env, listKey, -1);
  const first = planEntities(env.plan).find((e) => e.kind === kind && !reported.has(e.id))?.id;
  const id = first ? `\${1:${first}}` : '${1}';
  const statuses = (schemaAt('Progress', [listKey, 0, 'status'], undefined).enumValues ?? []).map((v) => choiceEscape(String(v.value))).join(',');
  const lines = listKey === 'indicators' ? [`id: ${id}`, 'value: ${2:0}'] : [`id: ${id}`, `status: \${2|${statuses}|}`];
  return lines.map((l, i) => (i === 0 ? l : pad + l)).join('\n') + '$0';
}

function entryCandidates(env: Env, listPath: JsonPath, column: number, dash: string): CompletionCandidate[] {
  const listKey = listPath[listPath.length - 1];
  const name = typeof listKey === 'string' ? (env.kind === 'Progress' ? PROGRESS_ENTRY_NAMES : ENTRY_NAMES)[listKey] : undefined;
  if (!name) return [];
  const body = entrySnippet(env, listPath, column);
  if (!body) return [];
  const view = viewAt(env, [...listPath, 0]);
  return [
    {
      label: `${text(env.locale, name.zh, name.en)} · ${text(env.locale, name.en, name.zh)}`,
      kind: 'snippet',
      detail: view.rawTitle,
      documentation: describe(view, env.zhFirst),
      insertText: dash + body,
      snippet: true,
      sortText: '00',
      filterText: env.ctx.partial || undefined,
      replace: env.ctx.replace,
      preselect: true,
    },
  ];
}

const FILE_SKELETONS: Record<FileKind, string> = {
  Plan: 'apiVersion: pilot-plan/v1\nkind: Plan\nid: ${1:PLAN}\npilot:\n  name: ${2}\n  type: ${3|city,park|}\n  province: ${4}\nbaseYear: ${5:2020}\ntargetYears: [${6:2025, 2030}]\n$0',
  Tasks: 'apiVersion: pilot-plan/v1\nkind: Tasks\ntasks:\n  - $0',
  Projects: 'apiVersion: pilot-plan/v1\nkind: Projects\nprojects:\n  - $0',
  Indicators: 'apiVersion: pilot-plan/v1\nkind: Indicators\nindicators:\n  - $0',
  Progress: 'apiVersion: pilot-plan/v1\nkind: Progress\nyear: ${1:2024}\nindicators:\n  - $0',
};

function fileCandidates(env: Env): CompletionCandidate[] {
  return FILE_KINDS.map((k, i) => ({
    label: `${k} ${text(env.locale, '文件', 'file')}`,
    kind: 'file' as const,
    detail: `kind: ${k}`,
    insertText: FILE_SKELETONS[k],
    snippet: true,
    sortText: `9${i}`,
    replace: env.ctx.replace,
  }));
}

// ---------------------------------------------------------------------------

export function completionsAt(file: EditorFile, plan: EditorPlan, offset: number, locale: Locale, info: { incomplete?: boolean } = {}): CompletionCandidate[] {
  const env = envAt(file, plan, offset, locale);
  if (!env) return [];
  const out = candidates(env, offset);
  info.incomplete = env.incomplete;
  return out;
}

function envAt(file: EditorFile, plan: EditorPlan, offset: number, locale: Locale): Env | undefined {
  const textOf = file.model.parsed.text;
  const ctx = cursorContext(textOf, offset, scanLines(textOf));
  if (ctx.inert) return undefined;
  const kind = kindFromText(textOf) ?? file.model.kind ?? file.lastGood?.kind;
  return { file, plan, locale, kind, data: file.model.parsed.data, textOf, ctx, zhFirst: locale === 'zh-CN' };
}

function candidates(env: Env, offset: number): CompletionCandidate[] {
  const { ctx, kind, textOf } = env;
  if (ctx.position === 'value') return valueCandidates(env);
  if (ctx.position === 'item') return itemCandidates(env, ctx.path, ctx.replace, '');
  // Key position.
  const path = ctx.path;
  const last = path[path.length - 1];
  if (ctx.newItem && typeof last === 'number') {
    const listPath = path.slice(0, -1);
    const listView = viewAt(env, listPath);
    if (!listView.items.types.includes('object') && (listView.items.types.length || referenceKinds(listPath))) {
      return itemCandidates(env, listPath, ctx.replace, '');
    }
    const keys = keyCandidates(env, path, ctx.column);
    const nothingYet = ctx.siblings.length === 0 && !isObj(mappingData(env, path));
    return nothingYet ? [...entryCandidates(env, listPath, ctx.column, ''), ...keys] : keys;
  }
  const view = viewAt(env, path);
  if (view.types.includes('array') && !view.types.includes('object')) {
    // A line at the column of a list's items, without `- ` yet.
    if (view.items.types.includes('object')) return entryCandidates(env, path, ctx.column + 2, '- ');
    return itemCandidates(env, path, ctx.replace, '- ');
  }
  const out = keyCandidates(env, path, ctx.column);
  if (path.length === 0 && !kind && !/\S/.test(textOf.replace(/^\s*#.*$/gm, '').slice(0, offset).replace(ctx.partial, ''))) out.push(...fileCandidates(env));
  return out;
}
