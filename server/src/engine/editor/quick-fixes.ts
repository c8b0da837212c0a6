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
 *   lines at the mapping's indentation, each value `待补充` where the fix
 *   cannot know it (placeholder-values.ts), and the same edit as a snippet with
 *   tab stops (FileEdit.snippet) for editors that take one;
 * - silence the rule on this line: `# pilot-plan-disable-next-line <code>`
 *   above it, at its indentation (or the code added to a directive already there).
 */
import * as nodePath from 'node:path';
import type { FindingData, Span } from '../findings';
import type { Locale } from '../i18n/messages';
import type { JsonPath } from '../parse/parsed-file';
import { isObj, type EntityKind, type FileKind, type FileModel } from '../plan/model';
import { schemaAt } from './schema-info';
import { PLACEHOLDER_TEXT } from '../placeholders';
import { ValueWriter, placeholderYears } from './placeholder-values';
import { yamlScalar } from '../../common/yaml-scalar';
import { kindFromText } from './completion';
import { displayPath, entityName, innerSpan, text, type EditorPlan, type FileEdit, type FileSpan } from './context';
import { entitiesNamed } from './named-entities';
import { ruleFixes } from './rule-fixes';
import { syntaxFixes } from './syntax-fixes';

export interface QuickFix {
  title: string;
  edits: FileEdit[];
  preferred?: boolean;
  /** A place to open rather than an edit (rule-fixes.ts). */
  show?: FileSpan;
  /** A file to move (rule-fixes.ts): `from` is the finding's file. */
  moveTo?: { from: string; to: string };
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

/**
 * Lines of a stub entry (the first without its dash): its ID and required keys, each value
 * `待补充` (the placeholder rule reports them) but a project's task, which is known.
 */
function stubLines(kind: EntityKind, id: string, fromEntry: string | undefined): string[] {
  const ph = PLACEHOLDER_TEXT;
  switch (kind) {
    case 'task':
      return [`id: ${id}`, `title: ${ph}`, `area: ${ph}`, `lead: ${ph}`];
    case 'indicator':
      return [`id: ${id}`, `name: ${ph}`, `type: ${ph}`, `unit: ${ph}`, `direction: ${ph}`, 'targets:', `  - { year: ${ph}, value: ${ph} }`];
    case 'project':
      return [`id: ${id}`, `name: ${ph}`, `tasks: [${fromEntry ?? ph}]`];
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
  // A Progress file's lists report on entries; they define none.
  if (from.kind !== 'Progress' && Array.isArray(from.root?.[spec.list])) return from;
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
    const lines = stubLines(kind, u.id, ref?.from.kind === 'task' && ref.from.id ? ref.from.id : undefined);
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
  if (!keys?.length) return [];
  const edits = missingKeyEdits(plan, model, keys, f.data?.path ?? [], new ValueWriter(false));
  // The same edit as a snippet, when it is one edit with something to fill in.
  const snippet = new ValueWriter(true);
  const snippets = missingKeyEdits(plan, model, keys, f.data?.path ?? [], snippet);
  if (edits.length === 1 && snippets.length === 1 && snippet.slots > 0) edits[0].snippet = snippets[0].newText;
  // A key a rule asks for (task-status-timing's `note`) is not a required one.
  const path = f.data?.path ?? [];
  const required = schemaAt(kindFromText(model.parsed.text) ?? model.kind, path, model.parsed.data).required;
  return [{ title: keys.every((k) => required.includes(k)) ? addKeysTitle(keys, locale) : addOptionalKeysTitle(keys, locale), edits, preferred: true }];
}

/** The edits that add `keys` to the mapping at `path`, their values written by `w`. */
function missingKeyEdits(plan: EditorPlan, model: FileModel, keys: string[], path: JsonPath, w: ValueWriter): FileEdit[] {
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
  const line = (k: string, column: number) => (w.lit(`${k}: `) + w.value(view.child(k), k, years, column, nl)).replace(/: (\r?\n)/, ':$1');
  if (span && t[span.start] === '{') {
    const close = t.lastIndexOf('}', span.end);
    const column = columnOf(t, span.start);
    const vals = keys.map((k) => w.lit(`${k}: `) + w.value(view.child(k), k, years, column, nl, 3));
    const empty = !isObj(data) || Object.keys(data).length === 0;
    const before = t.slice(span.start + 1, close).trimEnd();
    const at = span.start + 1 + before.length;
    return [{ file: model.path, start: at, end: at, newText: w.lit(empty ? ' ' : ', ') + vals.join(w.lit(', ')) + w.lit(empty ? ' ' : '') }];
  }
  if (span && path.length) {
    const column = columnOf(t, span.start);
    const pad = ' '.repeat(column);
    const at = lineEndOf(t, Math.max(span.start, span.end - 1));
    return [{ file: model.path, start: at, end: at, newText: keys.map((k) => w.lit(nl + pad) + line(k, column)).join('') }];
  }
  // The file's own top-level mapping: keys at the end of the file (apiVersion and kind first, at the top).
  const top: string[] = keys.filter((k) => k === 'apiVersion' || k === 'kind');
  const rest = keys.filter((k) => !top.includes(k));
  const edits: FileEdit[] = [];
  if (top.length) {
    const at = firstContentOffset(t);
    edits.push({ file: model.path, start: at, end: at, newText: top.map((k) => line(k, 0) + w.lit(nl)).join('') });
  }
  if (rest.length) {
    const sep = t.length === 0 || t.endsWith('\n') ? '' : nl;
    edits.push({ file: model.path, start: t.length, end: t.length, newText: w.lit(sep) + rest.map((k) => line(k, 0) + w.lit(nl)).join('') });
  }
  return edits;
}

function addKeysTitle(keys: string[], locale: Locale): string {
  const list = keys.map((k) => `\`${k}\``).join(text(locale, '、', ', '));
  return text(locale, `补充必填项 ${list}`, `Add the missing ${list}`);
}

function addOptionalKeysTitle(keys: string[], locale: Locale): string {
  const list = keys.map((k) => `\`${k}\``).join(text(locale, '、', ', '));
  return text(locale, `添加 ${list}`, `Add ${list}`);
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
  // Fixes that fix come before the one that silences.
  out.push(...syntaxFixes(model, f, locale), ...ruleFixes(plan, model, f, locale));
  if (options.disable !== false) {
    const d = disableFix(model, f, locale);
    if (d.edits.length) out.push(d);
  }
  return out;
}
