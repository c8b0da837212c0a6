/**
 * IDs under the cursor and where they are: go to definition, find
 * references and rename across every file of the plan. Rename edits replace
 * only the ID text (quotes, comments and layout stay as they are).
 */
import type { Span } from '../findings';
import type { Locale } from '../i18n/messages';
import { idSpan, pathEquals, type Entity, type EntityKind, type FileModel, type Reference } from '../plan/model';
import { ID_PATTERN, entityName, innerSpan, text, type EditorPlan, type FileEdit, type FileSpan } from './context';

export interface IdAtCursor {
  id: string;
  /** The ID text under the cursor (quotes excluded). */
  span: Span;
  role: 'definition' | 'reference';
  entity?: Entity;
  reference?: Reference;
}

/** The ID (a definition's `id` or a reference) at `offset`, if any. */
export function idAt(model: FileModel, offset: number): IdAtCursor | undefined {
  const at = model.parsed.pathAt(offset);
  if (!at || at.part !== 'value') return undefined;
  const path = at.path;
  const textOf = model.parsed.text;
  for (const e of model.entities) {
    const idPath = [...e.path, 'id'];
    if (pathEquals(idPath, path)) {
      const span = model.parsed.span(idPath, 'value');
      if (span && offset >= span.start && offset <= span.end) return { id: e.id, span: innerSpan(textOf, span), role: 'definition', entity: e };
    }
  }
  for (const r of model.references) {
    if (!pathEquals(r.path, path)) continue;
    const span = model.parsed.span(r.path, 'value');
    if (span && offset >= span.start && offset <= span.end) return { id: r.id, span: innerSpan(textOf, span), role: 'reference', reference: r };
  }
  return undefined;
}

function spanIn(plan: EditorPlan, file: string, get: (m: FileModel) => Span | undefined): FileSpan | undefined {
  const m = plan.index.file(file);
  if (!m) return undefined;
  const s = get(m);
  return s ? { file, span: innerSpan(m.parsed.text, s) } : undefined;
}

/** Every definition of the ID, in the plan's file order. */
export function definitionsOf(plan: EditorPlan, id: string): (FileSpan & { entity: Entity })[] {
  const out: (FileSpan & { entity: Entity })[] = [];
  for (const e of plan.index.definitionsOf(id)) {
    const loc = spanIn(plan, e.file, (m) => idSpan(m.parsed, e));
    if (loc) out.push({ ...loc, entity: e });
  }
  return out;
}

/** Every reference to the ID in the plan. */
export function referencesOf(plan: EditorPlan, id: string): (FileSpan & { reference: Reference })[] {
  const out: (FileSpan & { reference: Reference })[] = [];
  for (const r of plan.index.referencesTo(id)) {
    const loc = spanIn(plan, r.file, (m) => m.parsed.span(r.path, 'value'));
    if (loc) out.push({ ...loc, reference: r });
  }
  return out;
}

export function locationsOf(plan: EditorPlan, id: string, includeDeclaration: boolean): FileSpan[] {
  const refs: FileSpan[] = referencesOf(plan, id);
  return includeDeclaration ? [...definitionsOf(plan, id), ...refs] : refs;
}

/** Why a new ID cannot be used, or undefined if it can. */
export function renameProblem(plan: EditorPlan, oldId: string, newId: string, locale: Locale): string | undefined {
  if (!ID_PATTERN.test(newId)) {
    return text(
      locale,
      `\`${newId}\` 不是有效的 ID。ID 由大写字母和数字组成，以大写字母开头，用连字符分段，例如 T-ENERGY-01、IND-CO2、P7。`,
      `\`${newId}\` is not a valid ID. IDs are capital letters and digits in parts joined by hyphens, starting with a letter, e.g. T-ENERGY-01, IND-CO2, P7.`,
    );
  }
  if (newId !== oldId && plan.index.isDefined(newId)) {
    const other = plan.index.lookup(newId)!;
    const name = entityName(other);
    return text(
      locale,
      `本方案中已存在 ID \`${newId}\`${name ? `（${name}）` : ''}。方案内 ID 必须唯一，请换一个。`,
      `The plan already has an ID \`${newId}\`${name ? ` (${name})` : ''}. IDs are unique across the plan: choose another.`,
    );
  }
  return undefined;
}

/** The edits that rename `oldId` to `newId` in every file of the plan: definitions and references. */
export function renameEdits(plan: EditorPlan, oldId: string, newId: string): FileEdit[] {
  const edits: FileEdit[] = [];
  const seen = new Set<string>();
  for (const loc of locationsOf(plan, oldId, true)) {
    const key = `${loc.file}\0${loc.span.start}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const m = plan.index.file(loc.file);
    // Only where the text really is the ID (a value written with escapes is left alone).
    if (m && m.parsed.text.slice(loc.span.start, loc.span.end) !== oldId) continue;
    edits.push({ file: loc.file, start: loc.span.start, end: loc.span.end, newText: newId });
  }
  return edits;
}

export function kindOfId(plan: EditorPlan, id: string): EntityKind | undefined {
  return plan.index.lookup(id)?.kind;
}
