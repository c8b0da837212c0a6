/**
 * What editor features get to work with: the file at the cursor and the
 * plan it belongs to. Pure data; the language server builds these from its
 * session, tests can build them from a MemoryFileHost.
 *
 * Every offset and span here is into the text of the file it names.
 */
import { displayPath as displayPathFrom } from '../display-path';
import type { Span } from '../findings';
import type { Locale, LocalText } from '../i18n/messages';
import { isObj, type Entity, type FileModel } from '../plan/model';
import type { PlanIndex } from '../plan/plan-index';

export interface EditorFile {
  path: string;
  /** The file as parsed now (maybe with syntax errors). */
  model: FileModel;
  /** The last version of the file that parsed without syntax errors, if any. */
  lastGood?: FileModel;
}

export interface EditorPlan {
  /** The plan folder, undefined for a file under no plan. */
  root: string | undefined;
  /** Current models of every file of the plan. */
  index: PlanIndex;
  /** The last version of a file that parsed, for files that are broken now. */
  lastGood(path: string): FileModel | undefined;
}

/** A text replacement in a file: offsets into that file's current text. */
export interface FileEdit {
  file: string;
  start: number;
  end: number;
  newText: string;
  /** The same edit in LSP snippet syntax (tab stops where there is something to fill in), for editors that take one. */
  snippet?: string;
}

export interface FileSpan {
  file: string;
  span: Span;
}

export function text(locale: Locale, zh: string, en: string): string {
  return locale === 'zh-CN' ? zh : en;
}

export function local(t: LocalText, locale: Locale): string {
  return locale === 'zh-CN' ? t.zh : t.en;
}

/** A path for people: relative to the plan root, with `/`. */
export function displayPath(plan: EditorPlan, file: string): string {
  return displayPathFrom(plan.root, file);
}

/** Models to read IDs from: the current one, plus the last good one where the current one is broken. */
export function readableModels(plan: EditorPlan): FileModel[] {
  const out: FileModel[] = [];
  for (const m of plan.index.files) {
    out.push(m);
    if (m.parsed.syntax.length) {
      const good = plan.lastGood(m.path);
      if (good && good !== m) out.push(good);
    }
  }
  return out;
}

/** Every entity of the plan, one per ID (first definition), broken files read from their last good version too. */
export function planEntities(plan: EditorPlan): Entity[] {
  const seen = new Map<string, Entity>();
  for (const m of readableModels(plan)) for (const e of m.entities) if (e.id && !seen.has(e.id)) seen.set(e.id, e);
  return [...seen.values()];
}

/** The human name of an entity: title, name or the pilot's name. */
export function entityName(e: Entity): string | undefined {
  const d = e.data;
  for (const k of ['name', 'title']) if (typeof d[k] === 'string' && d[k]) return d[k] as string;
  if (e.kind === 'plan' && isObj(d.pilot) && typeof d.pilot.name === 'string') return d.pilot.name;
  if (e.kind === 'plan' && typeof d.title === 'string') return d.title;
  return undefined;
}

/** An entity's English name or title, if it has one. */
export function entityNameEn(e: Entity): string | undefined {
  for (const k of ['nameEn', 'titleEn']) if (typeof e.data[k] === 'string' && e.data[k]) return e.data[k] as string;
  return undefined;
}

/** The span without the quotes of a quoted scalar. */
export function innerSpan(textOf: string, span: Span): Span {
  const c = textOf[span.start];
  if ((c === '"' || c === "'") && span.end - span.start >= 2 && textOf[span.end - 1] === c) return { start: span.start + 1, end: span.end - 1 };
  return span;
}

export const ID_PATTERN = /^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$/;

/** Prefixes new IDs of each kind get, as in the examples of the format. */
export const ID_PREFIX: Record<string, string> = {
  task: 'T-',
  project: 'P-',
  indicator: 'IND-',
  mechanism: 'M-',
  action: 'A-',
  risk: 'R-',
  reform: 'RF-',
  technology: 'ST-',
};

/** An ID not used in the plan: the one after `previous` when it ends in digits, else `<prefix>NEW-n`. */
export function freshId(kind: string, previous: string | undefined, taken: Set<string>): string {
  if (previous) {
    const m = /^(.*?)(\d+)$/.exec(previous);
    if (m) {
      let n = Number(m[2]);
      for (let i = 0; i < 1000; i++) {
        n++;
        const candidate = m[1] + String(n).padStart(m[2].length, '0');
        if (!taken.has(candidate)) return candidate;
      }
    }
  }
  const prefix = ID_PREFIX[kind] ?? 'X-';
  for (let n = 1; ; n++) {
    const candidate = `${prefix}NEW-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}
