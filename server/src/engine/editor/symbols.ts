/**
 * The outline of a file (plan → mechanisms, actions, reforms, technology, risks, tasks, projects,
 * indicators, each entry by ID and name) and the IDs of every plan for
 * workspace symbol search.
 */
import type { Span } from '../findings';
import { KIND_NAMES, type Locale } from '../i18n/messages';
import { ENTITY_LISTS, idSpan, isObj, type Entity, type EntityKind, type FileModel } from '../plan/model';
import { bilingual, schemaAt } from './schema-info';
import { entityName, local } from './context';

export type SymbolKindName = EntityKind | 'list' | 'file';

export interface OutlineSymbol {
  name: string;
  detail?: string;
  kind: SymbolKindName;
  /** The whole entry. */
  range: Span;
  /** The ID (or the key), what the editor highlights. */
  selection: Span;
  children: OutlineSymbol[];
}

const LIST_ORDER = ['mechanisms', 'actions', 'reforms', 'technology', 'risks', 'tasks', 'projects', 'indicators'];

export function documentSymbols(model: FileModel, locale: Locale): OutlineSymbol[] {
  const parsed = model.parsed;
  const root = model.root;
  if (!root) return [];
  const whole = parsed.span([], 'value') ?? { start: 0, end: parsed.text.length };
  const lists: OutlineSymbol[] = [];
  const listKeys = Object.keys(root).filter((k) => ENTITY_LISTS[k] && Array.isArray(root[k]));
  listKeys.sort((a, b) => LIST_ORDER.indexOf(a) - LIST_ORDER.indexOf(b));
  for (const listKey of listKeys) {
    const list = root[listKey] as unknown[];
    const keySpan = parsed.span([listKey], 'key');
    const valueSpan = parsed.span([listKey], 'value');
    if (!keySpan) continue;
    const children: OutlineSymbol[] = [];
    // The entity of each entry with an ID, by its place in the list (paths are made when asked: once each here).
    const byIndex = new Map<number, Entity>();
    for (const x of model.entities) {
      const [key, index] = x.path;
      if (key === listKey && typeof index === 'number' && !byIndex.has(index)) byIndex.set(index, x);
    }
    list.forEach((entry, i) => {
      if (!isObj(entry)) return;
      const range = parsed.span([listKey, i], 'value');
      if (!range) return;
      const e = byIndex.get(i);
      const id = typeof entry.id === 'string' && entry.id ? entry.id : `#${i + 1}`;
      const selection = e ? idSpan(parsed, e) : parsed.span([listKey, i], 'key') ?? range;
      const name = e ? entityName(e) : typeof entry.title === 'string' ? entry.title : typeof entry.name === 'string' ? entry.name : undefined;
      children.push({ name: id, detail: name, kind: ENTITY_LISTS[listKey].kind, range, selection, children: [] });
    });
    const title = schemaAt(model.kind, [listKey]).title;
    lists.push({
      name: listKey,
      detail: `${title ? local(title, locale) : ''} (${children.length})`.trim(),
      kind: 'list',
      range: { start: keySpan.start, end: Math.max(keySpan.end, valueSpan?.end ?? keySpan.end) },
      selection: keySpan,
      children,
    });
  }
  const planEntity = model.entities.find((e) => e.kind === 'plan');
  if (planEntity) {
    return [
      {
        name: planEntity.id,
        detail: entityName(planEntity),
        kind: 'plan',
        range: { start: Math.min(whole.start, 0), end: Math.max(whole.end, parsed.text.length) },
        selection: idSpan(parsed, planEntity),
        children: lists,
      },
    ];
  }
  return lists;
}

export interface WorkspaceSymbolItem {
  name: string;
  detail?: string;
  kind: EntityKind;
  file: string;
  /** Plan ID / kind / name, shown next to the name. */
  container: string;
  /** Lower is better: 0 the ID starts with the query, 1 contains it, 2 the name does, 3 the ID has its letters in order. */
  score: number;
  entity: Entity;
}

/** How well `query` matches an ID or name (see WorkspaceSymbolItem.score), or undefined for no match. */
export function matchScore(query: string, id: string, name: string | undefined): number | undefined {
  if (!query) return 0;
  const q = query.toLowerCase();
  const t = id.toLowerCase();
  if (t.startsWith(q)) return 0;
  if (t.includes(q)) return 1;
  if (name && name.toLowerCase().includes(q)) return 2;
  let i = 0;
  for (const c of t) if (c === q[i]) i++;
  return i === q.length ? 3 : undefined;
}

/**
 * The IDs of the plans matching `query`, best first, at most `limit`. Positions
 * are left to the caller (symbolSpan): they may cost a parse, so only the
 * symbols shown get one.
 */
export function workspaceSymbols(plans: { planId?: string; models: FileModel[] }[], query: string, locale: Locale, limit = 500): WorkspaceSymbolItem[] {
  const out: WorkspaceSymbolItem[] = [];
  const zhFirst = locale === 'zh-CN';
  for (const plan of plans) {
    for (const m of plan.models) {
      for (const e of m.entities as Entity[]) {
        if (!e.id) continue;
        const name = entityName(e);
        const score = matchScore(query.trim(), e.id, name);
        if (score === undefined) continue;
        out.push({
          name: e.id,
          detail: name,
          kind: e.kind,
          file: m.path,
          container: `${plan.planId ? `${plan.planId} · ` : ''}${bilingual(KIND_NAMES[e.kind], zhFirst)}${name ? ` · ${name}` : ''}`,
          score,
          entity: e,
        });
      }
    }
  }
  out.sort((a, b) => a.score - b.score || a.name.localeCompare(b.name));
  return out.slice(0, limit);
}

/** Where a symbol's ID is in its file. */
export function symbolSpan(model: FileModel, e: Entity): Span {
  return idSpan(model.parsed, e);
}
