/**
 * Quick fixes for findings, as minimal text edits:
 *
 * - "did you mean": replace the offending text with a suggestion
 *   (finding.data.suggestions), quotes kept; an unresolved reference
 *   written as an entity's name, with the IDs of the entities so named;
 * - create a missing task or indicator (finding.data.unresolved): a stub
 *   entry with the required keys appended to the end of the right list — the
 *   referencing file's own list, the plan's Tasks/Indicators file, or the
 *   Plan file's inline list (created at its end if needed);
 * - add missing required keys (finding.data.missingKeys): `key: value`
 *   lines with placeholder values at the mapping's indentation;
 * - set the value a finding names (finding.data.replaceWith: a pilot's batch, type or
 *   province from the published lists), written as YAML types it;
 * - silence the rule on this line: `# pilot-plan-disable-next-line <code>`
 *   above it, at its indentation (or the code added to a directive already there).
 */
import * as nodePath from 'node:path';
import type { FindingData, Span } from '../findings';
import type { Locale } from '../i18n/messages';
import type { JsonPath } from '../parse/parsed-file';
import { isObj, type EntityKind, type FileKind, type FileModel } from '../plan/model';
import { yearsOf } from '../indicators';
import { SchemaView, schemaAt } from './schema-info';
import { yamlScalar } from '../../common/yaml-scalar';
import { kindFromText } from './completion';
import { displayPath, entityName, innerSpan, text, type EditorPlan, type FileEdit } from './context';
import { entitiesNamed } from './named-entities';

export interface QuickFix {
  title: string;
  edits: FileEdit[];
  preferred?: boolean;
}

export interface FixableFinding {
  code: string;
  /** Where the finding is now, in the file's current text. */
  span: Span;
  data?: FindingData;
}

function lineStartOf(t: string, offset: number): number {
  const i = t.lastIndexOf('\n', offset - 1);
  return i + 1;
}

function lineEndOf(t: string, offset: number): number {
  const i = t.indexOf('\n', offset);
  const e = i < 0 ? t.length : i;
  return t[e - 1] === '\r' ? e - 1 : e;
}

function columnOf(t: string, offset: number): number {
  return offset - lineStartOf(t, offset);
}

function eol(t: string): string {
  return t.includes('\r\n') ? '\r\n' : '\n';
}

function placeholderText(locale: Locale): string {
  return text(locale, '待填写', 'TODO');
}

interface PlanYearsLite {
  base: number;
  targets: number[];
}

/** The plan's years for placeholder values, with the programme's usual ones where the plan gives none. */
function placeholderYears(plan: EditorPlan): PlanYearsLite {
  const settings = plan.index.settings;
  const years = settings ? yearsOf(settings.data) : undefined;
  return { base: years?.baseYear ?? 2020, targets: years?.targetYears.length ? years.targetYears : [2025, 2030] };
}

/** A placeholder value for a key, as YAML text (one line, or block lines below the key when `block`). */
function placeholderValue(view: SchemaView, key: string, years: PlanYearsLite, locale: Locale, column: number, nl: string, depth = 0): string {
  const values = view.enumValues;
  if (values?.length) {
    // `other` where there is one; for units the largest (亿元, 万kW, 亿tCO2: what plans write).
    const pick = values.find((v) => v.value === 'other') ?? (key === 'unit' ? values[values.length - 1] : values[0]);
    return yamlScalar(pick.value);
  }
  const types = view.types;
  if (types.includes('boolean')) return 'false';
  if (types.includes('integer') && view.nodes.some((n) => n.schema.minimum === 1900)) return String(key === 'baseYear' || key === 'year' ? years.base : years.targets[years.targets.length - 1]);
  if (types.includes('array')) {
    if (key === 'targetYears') return `[${years.targets.join(', ')}]`;
    const items = view.items;
    if (items.types.includes('object') && key === 'targets') {
      const pad = ' '.repeat(column + 2);
      return nl + years.targets.map((y) => `${pad}- { year: ${y}, value: 0 }`).join(nl);
    }
    return '[]';
  }
  if (types.includes('object')) {
    const req = view.required;
    const scalars = req.every((k) => !view.child(k).types.some((t) => t === 'object' || t === 'array'));
    if (scalars && req.length <= 4) return `{ ${req.map((k) => `${k}: ${placeholderValue(view.child(k), k, years, locale, column, nl, depth + 1)}`).join(', ')} }`;
    if (depth > 2) return '{}';
    const pad = ' '.repeat(column + 2);
    return nl + req.map((k) => `${pad}${k}: ${placeholderValue(view.child(k), k, years, locale, column + 2, nl, depth + 1)}`).join(nl);
  }
  if (types.includes('number') || types.includes('integer')) return '0';
  if (key === 'apiVersion') return 'pilot-plan/v1';
  return placeholderText(locale);
}

// ---------------------------------------------------------------------------
// Did you mean

export function replacementFixes(model: FileModel, f: FixableFinding, locale: Locale, names?: ReadonlyMap<string, string>): QuickFix[] {
  const suggestions = f.data?.suggestions ?? [];
  const t = model.parsed.text;
  const inner = innerSpan(t, f.span);
  const quoted = inner.start !== f.span.start;
  return suggestions.map((s, i) => ({
    title: text(locale, `改为 \`${s}\``, `Change to \`${s}\``) + (names?.get(s) ? text(locale, `（${names.get(s)}）`, ` (${names.get(s)})`) : ''),
    edits: [{ file: model.path, start: inner.start, end: inner.end, newText: quoted ? s : yamlScalar(s) }],
    preferred: suggestions.length === 1 && i === 0,
  }));
}

// ---------------------------------------------------------------------------
// Set the value the finding names

export function replaceWithFix(model: FileModel, f: FixableFinding, locale: Locale): QuickFix[] {
  const v = f.data?.replaceWith;
  if (v === undefined) return [];
  const scalar = yamlScalar(v);
  return [{ title: text(locale, `改为 ${scalar}`, `Change to ${scalar}`), edits: [{ file: model.path, start: f.span.start, end: f.span.end, newText: scalar }], preferred: true }];
}

// ---------------------------------------------------------------------------
// Create a missing entry

const LIST_OF: Partial<Record<EntityKind, { list: string; fileKind: FileKind }>> = {
  task: { list: 'tasks', fileKind: 'Tasks' },
  indicator: { list: 'indicators', fileKind: 'Indicators' },
  project: { list: 'projects', fileKind: 'Projects' },
};

/** Lines of a stub entry (the first without its dash), required keys with placeholders. */
function stubLines(kind: EntityKind, id: string, plan: EditorPlan, locale: Locale, fromEntry: string | undefined): string[] {
  const ph = placeholderText(locale);
  const years = placeholderYears(plan);
  switch (kind) {
    case 'task':
      return [`id: ${id}`, `title: ${ph}`, 'area: other', `lead: ${ph}`];
    case 'indicator':
      return [
        `id: ${id}`,
        `name: ${ph}`,
        'type: level',
        `unit: ${ph}`,
        'direction: increase',
        `baseline: { year: ${years.base}, value: 0 }`,
        'targets:',
        ...years.targets.slice(-1).map((y) => `  - { year: ${y}, value: 0 }`),
      ];
    case 'project':
      return [`id: ${id}`, `name: ${ph}`, `tasks: [${fromEntry ?? ''}]`];
    default:
      return [`id: ${id}`, `title: ${ph}`];
  }
}

function stubFlow(lines: string[]): string {
  // targets as a flow list
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (l === 'targets:') {
      const items: string[] = [];
      while (lines[i + 1]?.startsWith('  - ')) items.push(lines[++i].slice(4));
      out.push(`targets: [${items.join(', ')}]`);
    } else out.push(l);
  }
  return `{ ${out.join(', ')} }`;
}

/** The edit that appends an entry to the list `listKey` of a file (the list created at the end if missing). */
export function appendEntryEdit(model: FileModel, listKey: string, lines: string[]): FileEdit {
  const parsed = model.parsed;
  const t = parsed.text;
  const nl = eol(t);
  const list = model.root?.[listKey];
  const valueSpan = parsed.span([listKey], 'value');
  const keySpan = parsed.span([listKey], 'key');
  if (keySpan && Array.isArray(list) && valueSpan && (t[valueSpan.start] === '[')) {
    // A flow list: `[]` becomes a block list; a non-empty one gets one more flow item.
    if (list.length === 0) {
      const pad = ' '.repeat(columnOf(t, keySpan.start) + 2);
      return { file: model.path, start: valueSpan.start, end: valueSpan.end, newText: nl + lines.map((l, i) => (i === 0 ? `${pad}- ${l}` : `${pad}  ${l}`)).join(nl) };
    }
    const close = t.lastIndexOf(']', valueSpan.end);
    return { file: model.path, start: close, end: close, newText: `, ${stubFlow(lines)}` };
  }
  if (keySpan && Array.isArray(list) && list.length > 0) {
    const last = parsed.span([listKey, list.length - 1], 'value');
    if (last) {
      const contentCol = columnOf(t, last.start);
      const lineStart = lineStartOf(t, last.start);
      const before = t.slice(lineStart, last.start);
      const dash = before.lastIndexOf('-');
      const dashCol = dash >= 0 ? dash : Math.max(0, contentCol - 2);
      const gap = Math.max(1, contentCol - dashCol - 1);
      const contentPad = ' '.repeat(dashCol + 1 + gap);
      const at = lineEndOf(t, Math.max(last.start, last.end - 1));
      const body = lines.map((l, i) => (i === 0 ? `${' '.repeat(dashCol)}-${' '.repeat(gap)}${l}` : contentPad + l)).join(nl);
      return { file: model.path, start: at, end: at, newText: nl + body };
    }
  }
  if (keySpan && (list === null || list === undefined || (Array.isArray(list) && list.length === 0))) {
    // `tasks:` with nothing after it (or an empty block): items below the key.
    const pad = ' '.repeat(columnOf(t, keySpan.start) + 2);
    const at = lineEndOf(t, keySpan.start);
    const body = lines.map((l, i) => (i === 0 ? `${pad}- ${l}` : `${pad}  ${l}`)).join(nl);
    return { file: model.path, start: at, end: at, newText: nl + body };
  }
  // No list: a new one at the end of the file.
  const sep = t.length === 0 || t.endsWith('\n') ? '' : nl;
  const body = `${listKey}:${nl}` + lines.map((l, i) => (i === 0 ? `  - ${l}` : `    ${l}`)).join(nl) + nl;
  return { file: model.path, start: t.length, end: t.length, newText: sep + body };
}

/** Which file of the plan gets a new entry of a kind: see the module comment. */
export function fileForNewEntry(plan: EditorPlan, kind: EntityKind, from: FileModel): FileModel {
  const spec = LIST_OF[kind];
  if (!spec) return from;
  if (Array.isArray(from.root?.[spec.list])) return from;
  const candidates = plan.index.files.filter((f) => (f.kind ?? kindFromText(f.parsed.text)) === spec.fileKind);
  if (candidates.length) {
    const dir = nodePath.dirname(from.path);
    candidates.sort((a, b) => Number(nodePath.dirname(b.path) === dir) - Number(nodePath.dirname(a.path) === dir) || a.path.localeCompare(b.path));
    return candidates[0];
  }
  const planFile = plan.index.planFiles[0];
  return planFile ?? from;
}

export function createEntryFixes(plan: EditorPlan, model: FileModel, f: FixableFinding, locale: Locale): QuickFix[] {
  const u = f.data?.unresolved;
  if (!u || !/^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$/.test(u.id)) return [];
  const out: QuickFix[] = [];
  // Which entry refers (for a project stub's tasks).
  const ref = model.references.find((r) => r.id === u.id && f.data?.path && r.path.join('/') === f.data.path.join('/'));
  for (const kind of u.kinds as EntityKind[]) {
    if (kind !== 'task' && kind !== 'indicator') continue;
    const target = fileForNewEntry(plan, kind, model);
    const spec = LIST_OF[kind]!;
    const lines = stubLines(kind, u.id, plan, locale, ref?.from.kind === 'task' ? ref.from.id : undefined);
    const edit = appendEntryEdit(target, spec.list, lines);
    const where = displayPath(plan, target.path);
    const kindName = kind === 'task' ? text(locale, '任务', 'task') : text(locale, '指标', 'indicator');
    out.push({ title: text(locale, `在 ${where} 中新建${kindName} \`${u.id}\``, `Create ${kindName} \`${u.id}\` in ${where}`), edits: [edit] });
  }
  return out;
}

// ---------------------------------------------------------------------------
// Missing keys

export function missingKeyFixes(plan: EditorPlan, model: FileModel, f: FixableFinding, locale: Locale): QuickFix[] {
  const keys = f.data?.missingKeys;
  const path: JsonPath = f.data?.path ?? [];
  if (!keys?.length) return [];
  const parsed = model.parsed;
  const t = parsed.text;
  const nl = eol(t);
  const kind = kindFromText(t) ?? model.kind;
  const view = schemaAt(kind, path, parsed.data);
  const years = placeholderYears(plan);
  const span = path.length ? parsed.span(path, 'value') : parsed.span([], 'value');
  const data = (() => {
    let cur: unknown = parsed.data;
    for (const s of path) cur = Array.isArray(cur) ? cur[s as number] : isObj(cur) ? cur[s as string] : undefined;
    return cur;
  })();
  let edit: FileEdit;
  if (span && t[span.start] === '{') {
    const close = t.lastIndexOf('}', span.end);
    const column = columnOf(t, span.start);
    const vals = keys.map((k) => `${k}: ${placeholderValue(view.child(k), k, years, locale, column, nl, 3)}`);
    const empty = !isObj(data) || Object.keys(data).length === 0;
    const before = t.slice(span.start + 1, close).trimEnd();
    edit = { file: model.path, start: span.start + 1 + before.length, end: span.start + 1 + before.length, newText: (empty ? ' ' : ', ') + vals.join(', ') + (empty ? ' ' : '') };
  } else if (span && path.length) {
    const column = columnOf(t, span.start);
    const pad = ' '.repeat(column);
    const at = lineEndOf(t, Math.max(span.start, span.end - 1));
    const body = keys.map((k) => `${pad}${k}: ${placeholderValue(view.child(k), k, years, locale, column, nl)}`.replace(/: (\r?\n)/, ':$1')).join(nl);
    edit = { file: model.path, start: at, end: at, newText: nl + body };
  } else {
    // The file's own top-level mapping: keys at the end of the file (apiVersion and kind first, at the top).
    const top: string[] = keys.filter((k) => k === 'apiVersion' || k === 'kind');
    const rest = keys.filter((k) => !top.includes(k));
    const edits: FileEdit[] = [];
    if (top.length) {
      const at = firstContentOffset(t);
      edits.push({ file: model.path, start: at, end: at, newText: top.map((k) => `${k}: ${placeholderValue(view.child(k), k, years, locale, 0, nl)}`).join(nl) + nl });
    }
    if (rest.length) {
      const sep = t.length === 0 || t.endsWith('\n') ? '' : nl;
      edits.push({ file: model.path, start: t.length, end: t.length, newText: sep + rest.map((k) => `${k}: ${placeholderValue(view.child(k), k, years, locale, 0, nl)}`.replace(/: (\r?\n)/, ':$1')).join(nl) + nl });
    }
    return [{ title: addKeysTitle(keys, locale), edits, preferred: true }];
  }
  return [{ title: addKeysTitle(keys, locale), edits: [edit], preferred: true }];
}

function addKeysTitle(keys: string[], locale: Locale): string {
  const list = keys.map((k) => `\`${k}\``).join(text(locale, '、', ', '));
  return text(locale, `补充必填项 ${list}`, `Add the missing ${list}`);
}

/** After the leading comments: where the first key of the file goes. */
function firstContentOffset(t: string): number {
  let o = 0;
  while (o < t.length) {
    const end = t.indexOf('\n', o);
    const line = t.slice(o, end < 0 ? t.length : end);
    if (line.trim() !== '' && !line.trimStart().startsWith('#') && line.trim() !== '---') return o;
    if (end < 0) return t.length;
    o = end + 1;
  }
  return o;
}

// ---------------------------------------------------------------------------
// Silence on this line

const DIRECTIVE = /^([ \t]*)#\s*pilot-plan-disable-next-line\b(.*)$/;

export function disableFix(model: FileModel, f: FixableFinding, locale: Locale): QuickFix {
  const t = model.parsed.text;
  const nl = eol(t);
  const start = lineStartOf(t, f.span.start);
  const line = t.slice(start, lineEndOf(t, start));
  const indent = /^[ \t]*/.exec(line)![0];
  const title = text(locale, `在此行停用规则 ${f.code}`, `Disable ${f.code} for this line`);
  if (start > 0) {
    const prevStart = lineStartOf(t, start - 1);
    const prevEnd = lineEndOf(t, prevStart);
    const prev = t.slice(prevStart, prevEnd);
    const m = DIRECTIVE.exec(prev);
    if (m) {
      const codes = m[2].split(/[\s,]+/).filter(Boolean);
      if (codes.length === 0 || codes.includes(f.code)) return { title, edits: [] };
      const trimmed = prev.trimEnd().length;
      return { title, edits: [{ file: model.path, start: prevStart + trimmed, end: prevStart + trimmed, newText: ` ${f.code}` }] };
    }
  }
  return { title, edits: [{ file: model.path, start, end: start, newText: `${indent}# pilot-plan-disable-next-line ${f.code}${nl}` }] };
}

/** Every quick fix for one finding. */
export function quickFixes(plan: EditorPlan, model: FileModel, f: FixableFinding, locale: Locale, options: { disable?: boolean } = {}): QuickFix[] {
  const out: QuickFix[] = [];
  if (f.data?.suggestions?.length) out.push(...replacementFixes(model, f, locale));
  else if (f.data?.unresolved) {
    // A reference written as an entity's name (单位GDP能耗): the entities so named, by their IDs.
    const named = entitiesNamed(plan, f.data.unresolved.id, f.data.unresolved.kinds as EntityKind[]);
    out.push(...replacementFixes(model, { ...f, data: { ...f.data, suggestions: named.map((e) => e.id) } }, locale, new Map(named.map((e) => [e.id, entityName(e) ?? '']))));
  }
  if (f.data?.replaceWith !== undefined) out.push(...replaceWithFix(model, f, locale));
  if (f.data?.unresolved) out.push(...createEntryFixes(plan, model, f, locale));
  if (f.data?.missingKeys?.length) out.push(...missingKeyFixes(plan, model, f, locale));
  if (options.disable !== false) {
    const d = disableFix(model, f, locale);
    if (d.edits.length) out.push(d);
  }
  return out;
}
