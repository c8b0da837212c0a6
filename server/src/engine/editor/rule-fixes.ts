/**
 * The fixes rules put in their findings (`data.fixes`, findings.ts's RuleFix) as
 * quick fixes: each change of a value by its JSON path becomes a text edit of
 * the file as it is now —
 *
 * - `set`: the value at the path replaced (its quotes kept for text), a list
 *   written as a flow list;
 * - `remove`: a list item (its line in a block list, with its comma in a flow
 *   list), or a key with its value (its lines in a block mapping, with its comma
 *   in a flow mapping). The last item of a list takes the key with it, unless the
 *   schema requires the key: then there is no fix, since removing it would only
 *   trade one error for another.
 *
 * A fix whose path no longer leads anywhere (the file changed since the check)
 * is left out. `show` becomes a place to open, `moveTo` a file to move.
 */
import type { RuleFix, ValueChange } from '../findings';
import { formatMessage, type Locale } from '../i18n/messages';
import type { JsonPath } from '../parse/parsed-file';
import { dataAt, isObj, type FileModel } from '../plan/model';
import { yamlScalar } from '../../common/yaml-scalar';
import { kindFromText } from './completion';
import type { EditorPlan, FileEdit } from './context';
import type { FixableFinding, QuickFix } from './quick-fixes';
import { schemaAt } from './schema-info';

function lineStartOf(t: string, offset: number): number {
  return t.lastIndexOf('\n', offset - 1) + 1;
}

/** Just after the line break that ends the line of `offset` (or the text's end). */
function nextLineStart(t: string, offset: number): number {
  const i = t.indexOf('\n', offset);
  return i < 0 ? t.length : i + 1;
}

/** A value as YAML text: text quoted as the old value was, when it was. */
function valueText(value: NonNullable<ValueChange['value']>, old: string): string {
  if (Array.isArray(value)) return `[${value.map((v) => yamlScalar(v)).join(', ')}]`;
  if (typeof value === 'string' && old.length >= 2 && old[0] === old[old.length - 1]) {
    if (old[0] === '"') return JSON.stringify(value);
    if (old[0] === "'") return `'${value.replace(/'/g, "''")}'`;
  }
  // A year-month reads back as text unquoted (YAML 1.2), and plans write it so.
  if (typeof value === 'string' && /^\d{4}-\d{2}$/.test(value)) return value;
  return yamlScalar(value);
}

function setEdit(model: FileModel, path: JsonPath, value: NonNullable<ValueChange['value']>): FileEdit | undefined {
  const t = model.parsed.text;
  const span = model.parsed.span(path, 'value');
  if (span && span.end > span.start) return { file: model.path, start: span.start, end: span.end, newText: valueText(value, t.slice(span.start, span.end)) };
  // `key:` with no value: the value after the colon.
  const key = model.parsed.span(path, 'key');
  const colon = key ? t.indexOf(':', key.end) : -1;
  if (colon < 0 || t.slice(key!.end, colon).trim() !== '') return undefined;
  return { file: model.path, start: colon + 1, end: colon + 1, newText: ` ${valueText(value, '')}` };
}

/** Removes the key at `path` with its value: its lines in a block mapping, `key: value` and a comma in a flow one. */
function removeKeyEdit(model: FileModel, path: JsonPath): FileEdit | undefined {
  const parsed = model.parsed;
  const t = parsed.text;
  const key = parsed.span(path, 'key');
  if (!key) return undefined;
  const value = parsed.span(path, 'value') ?? key;
  const holder = path.length > 1 ? parsed.span(path.slice(0, -1), 'value') : undefined;
  if (holder && t[holder.start] === '{') {
    // A flow mapping: with the comma after it, or (the last key) the one before it.
    const close = t.lastIndexOf('}', holder.end);
    const comma = t.indexOf(',', value.end);
    if (comma >= 0 && comma < close) {
      let end = comma + 1;
      while (t[end] === ' ') end++;
      return { file: model.path, start: key.start, end, newText: '' };
    }
    const before = t.lastIndexOf(',', key.start);
    if (before > holder.start) return { file: model.path, start: before, end: value.end, newText: '' };
    return { file: model.path, start: key.start, end: value.end, newText: '' };
  }
  const lineStart = lineStartOf(t, key.start);
  // The first key of a list item (`- key: …`) would take the dash with it.
  if (t.slice(lineStart, key.start).trim() !== '') return undefined;
  return { file: model.path, start: lineStart, end: nextLineStart(t, Math.max(value.start, value.end - 1)), newText: '' };
}

function removeEdit(model: FileModel, path: JsonPath): FileEdit | undefined {
  const last = path[path.length - 1];
  if (typeof last === 'string') return removeKeyEdit(model, path);
  const parsed = model.parsed;
  const t = parsed.text;
  const listPath = path.slice(0, -1);
  const list = dataAt(parsed.data, listPath);
  if (!Array.isArray(list) || last >= list.length) return undefined;
  if (list.length === 1) {
    // The list would be empty: the key goes, unless it is required.
    const key = listPath[listPath.length - 1];
    if (typeof key !== 'string') return undefined;
    const holder = listPath.slice(0, -1);
    const kind = kindFromText(t) ?? model.kind;
    if (schemaAt(kind, holder, parsed.data).required.includes(key)) return undefined;
    return removeKeyEdit(model, listPath);
  }
  const listSpan = parsed.span(listPath, 'value');
  const item = parsed.span(path, 'value');
  if (!listSpan || !item) return undefined;
  if (t[listSpan.start] === '[') {
    const next = last + 1 < list.length ? parsed.span([...listPath, last + 1], 'value') : undefined;
    if (next) return { file: model.path, start: item.start, end: next.start, newText: '' };
    const prev = parsed.span([...listPath, last - 1], 'value');
    return prev ? { file: model.path, start: prev.end, end: item.end, newText: '' } : undefined;
  }
  const lineStart = lineStartOf(t, item.start);
  // A block item starts its line with its dash.
  if (!/^\s*-\s*$/.test(t.slice(lineStart, item.start))) return undefined;
  return { file: model.path, start: lineStart, end: nextLineStart(t, Math.max(item.start, item.end - 1)), newText: '' };
}

function changeEdit(model: FileModel, c: ValueChange): FileEdit | undefined {
  if (c.op === 'set') return c.value === undefined ? undefined : setEdit(model, c.path, c.value);
  return removeEdit(model, c.path);
}

/** The model of a file of the plan, the finding's own when `file` is not given. */
function modelOf(plan: EditorPlan, model: FileModel, file: string | undefined): FileModel | undefined {
  if (!file || file === model.path) return model;
  return plan.index.file(file) as FileModel | undefined;
}

function isRuleFix(v: unknown): v is RuleFix {
  return isObj(v) && isObj(v.title) && typeof v.title.id === 'string';
}

/** The quick fixes of the rule fixes in a finding's data, in their order. */
export function ruleFixes(plan: EditorPlan, model: FileModel, f: FixableFinding, locale: Locale): QuickFix[] {
  const out: QuickFix[] = [];
  for (const fix of (f.data?.fixes ?? []).filter(isRuleFix)) {
    const title = formatMessage(fix.title, locale);
    if (fix.show) {
      const target = modelOf(plan, model, fix.show.file);
      const span = target && (target.parsed.span(fix.show.path, 'value') ?? target.parsed.span(fix.show.path, 'key'));
      if (target && span) out.push({ title, edits: [], show: { file: target.path, span } });
      continue;
    }
    if (fix.moveTo) {
      out.push({ title, edits: [], moveTo: { from: model.path, to: fix.moveTo } });
      continue;
    }
    const edits: FileEdit[] = [];
    for (const c of fix.changes ?? []) {
      const target = modelOf(plan, model, c.file);
      const edit = target && changeEdit(target, c);
      if (!edit) break;
      edits.push(edit);
    }
    if (edits.length && edits.length === (fix.changes ?? []).length) out.push({ title, edits });
  }
  return out;
}
