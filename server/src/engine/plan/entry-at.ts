/**
 * Where a JSON path sits in a file's data, in the words findings use: the
 * entity-list entry it is in (its kind, its ID, its number in the list) and
 * the field below that entry. The schema rule and the placeholder rule name
 * things alike through this.
 */
import type { JsonPath } from '../parse/parsed-file';
import { ENTITY_LISTS, isObj, type EntityKind } from './model';

export interface EntryAt {
  kind: EntityKind;
  /** The entity list (`tasks`, `risks`, …). */
  list: string;
  /** The entry's place in the list, from 0. */
  index: number;
  /** The entry's `id` when it is a string, else undefined. */
  id: string | undefined;
}

/** The entity-list entry `path` is at or below in `root` (a file's data), or undefined outside entity lists. */
export function entryAt(root: unknown, path: JsonPath): EntryAt | undefined {
  const [list, index] = path;
  if (typeof list !== 'string' || typeof index !== 'number' || !ENTITY_LISTS[list]) return undefined;
  const entry = isObj(root) && Array.isArray(root[list]) ? (root[list] as unknown[])[index] : undefined;
  return { kind: ENTITY_LISTS[list].kind, list, index, id: isObj(entry) && typeof entry.id === 'string' ? entry.id : undefined };
}

/** The path as a field name: below its entry when in one (`targets[1].value`), else whole (`pilot.name`). */
export function fieldBelowEntry(path: JsonPath): string {
  const rel = path.length >= 2 && typeof path[0] === 'string' && ENTITY_LISTS[path[0]] && typeof path[1] === 'number' ? path.slice(2) : path;
  let s = '';
  for (const p of rel) s += typeof p === 'number' ? `[${p}]` : s ? `.${p}` : p;
  return s;
}
