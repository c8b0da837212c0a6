/**
 * Entities of a plan found by what they are called: for a reference written
 * as an indicator's Chinese name (`indicators: [单位GDP能耗]`), the
 * indicators so named, nearest first (text/meaning.ts), so that the quick
 * fix can put the ID in its place.
 */
import type { EntityKind, Entity } from '../plan/model';
import { MEANING_THRESHOLD, rankByMeaning } from '../text/meaning';
import { ID_PATTERN, entityName, entityNameEn, planEntities, type EditorPlan } from './context';

/** At most this many entities are offered for one name. */
export const MAX_NAMED = 5;

/** Entities of `kinds` whose name or title means `text`, nearest first; none for a text written as an ID (a missing entity, not a name). */
export function entitiesNamed(plan: EditorPlan, text: string, kinds: readonly EntityKind[]): Entity[] {
  if (ID_PATTERN.test(text)) return [];
  const entities = planEntities(plan).filter((e) => kinds.includes(e.kind));
  const byId = new Map(entities.map((e) => [e.id, e]));
  const names = (e: Entity) => [entityName(e), entityNameEn(e)].filter((n): n is string => !!n);
  return rankByMeaning(text, entities.map((e) => ({ value: e.id, names: names(e) })))
    .filter((r) => r.meaning >= MEANING_THRESHOLD)
    .slice(0, MAX_NAMED)
    .map((r) => byId.get(r.value)!);
}
