/**
 * reference-kind: a reference to an ID of the wrong kind (a project where a task is expected).
 *
 * Quick fixes (data.fixes): the nearest IDs of the kinds expected (by edit
 * distance, up to three, none already in the list, and for `dependsOn` none
 * that would close a cycle), and removing the reference.
 */
import { distance } from 'fastest-levenshtein';
import type { RuleFix } from '../findings';
import { defineMessages, msg, kindsArg, KIND_NAMES } from '../i18n/messages';
import type { PlanReference, PlanView } from '../plan/plan-view';
import { isPlaceholder } from '../placeholders';
import type { Rule } from './rule';

defineMessages({
  'reference-kind': {
    en: '`{id}` is {actual}, but `{field}` expects the ID of {kinds}. Reference {kinds} here.',
    zh: '`{id}` 是{actual}，而 `{field}` 应引用{kinds}的 ID。请在此引用{kinds}。',
  },
  'reference-kind.fix.replace': { en: 'Change to {kind} `{id}`', zh: '改为{kind} `{id}`' },
  'reference-kind.fix.remove': { en: 'Remove `{id}` from `{field}`', zh: '从 `{field}` 中删除 `{id}`' },
});

/** The tasks that depend on `id`, directly or not, and `id` itself: depending on any of them closes a cycle. */
function dependsOnReach(plan: PlanView, id: string): Set<string> {
  const dependents = new Map<string, string[]>();
  for (const r of plan.references) if (r.field === 'dependsOn' && r.from.id) dependents.set(r.id, [...(dependents.get(r.id) ?? []), r.from.id]);
  const out = new Set([id]);
  const queue = [id];
  while (queue.length) for (const d of dependents.get(queue.pop()!) ?? []) if (!out.has(d)) out.add(d), queue.push(d);
  return out;
}

/** Replacements of the expected kinds nearest the ID, then its removal. */
function fixesFor(plan: PlanView, ref: PlanReference): RuleFix[] {
  // What the same list already names is no replacement (the schema forbids repeats).
  const list = ref.path.slice(0, -1).join('\0');
  const taken = new Set(plan.references.filter((r) => r.file === ref.file && r.path.slice(0, -1).join('\0') === list).map((r) => r.id));
  const cycles = ref.field === 'dependsOn' ? dependsOnReach(plan, ref.from.id) : undefined;
  const candidates = plan
    .allDefinitions()
    .filter((e) => ref.expected.includes(e.kind) && !taken.has(e.id) && !cycles?.has(e.id))
    .map((e) => ({ e, d: distance(ref.id, e.id) }))
    .sort((a, b) => a.d - b.d || a.e.id.localeCompare(b.e.id));
  const seen = new Set<string>();
  const out: RuleFix[] = [];
  for (const { e } of candidates) {
    if (seen.has(e.id) || out.length >= 3) continue;
    seen.add(e.id);
    out.push({ title: msg('reference-kind.fix.replace', { kind: KIND_NAMES[e.kind] ?? e.kind, id: e.id }), changes: [{ op: 'set', path: ref.path, value: e.id }] });
  }
  out.push({ title: msg('reference-kind.fix.remove', { id: ref.id, field: ref.field }), changes: [{ op: 'remove', path: ref.path }] });
  return out;
}

export const referenceKind: Rule = {
  code: 'reference-kind',
  defaultSeverity: 'error',
  scope: 'plan',
  needsPlan: true,
  title: { en: 'A reference to an ID of the wrong kind', zh: '引用的 ID 类型不符' },
  checkPlan(ctx) {
    const { plan } = ctx;
    const { references, targets } = plan;
    for (let k = 0; k < references.length; k++) {
      const defs = targets[k];
      if (!defs.length) continue;
      const ref = references[k];
      if (isPlaceholder(ref.id)) continue; // the placeholder rule's
      let fits = false;
      for (const d of defs) if (ref.expected.includes(d.kind)) fits = true;
      if (fits) continue;
      const file = plan.file(ref.file);
      if (!file) continue;
      ctx.report({
        file: ref.file,
        span: file.parsed.span(ref.path, 'value') ?? { start: 0, end: 0 },
        message: msg('reference-kind', { id: ref.id, actual: kindsArg([defs[0].kind]), field: ref.field, kinds: kindsArg(ref.expected) }),
        data: { path: ref.path, fixes: fixesFor(plan, ref) },
      });
    }
  },
};
