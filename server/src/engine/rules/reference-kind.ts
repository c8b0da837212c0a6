/**
 * reference-kind: a reference to an ID of the wrong kind (a project where a task is expected).
 *
 * Quick fixes (data.fixes): the ID of the kinds expected with the nearest stem
 * (not one already in the list, nor for `dependsOn` one that would close a
 * cycle), and removing the reference.
 */
import { NearestStrings } from '../text/nearest-string';
import type { RuleFix } from '../findings';
import { defineMessages, msg, kindsArg, KIND_NAMES } from '../i18n/messages';
import type { PlanReference, PlanView } from '../plan/plan-view';
import { isPlaceholder } from '../placeholders';
import { isProgressReference } from '../plan/model';
import type { Rule } from './rule';

defineMessages({
  'reference-kind': {
    en: '`{id}` is {actual}, but `{field}` expects the ID of {kinds}. Reference {kinds} here.',
    zh: '`{id}` 是{actual}，而 `{field}` 应引用{kinds}的 ID。请在此引用{kinds}。',
  },
  'reference-kind.fix.replace': { en: 'Change to {kind} `{id}`', zh: '改为{kind} `{id}`' },
  'reference-kind.fix.remove': { en: 'Remove `{id}` from `{field}`', zh: '从 `{field}` 中删除 `{id}`' },
  'reference-kind.fix.remove-progress': { en: 'Remove the progress entry of `{id}`', zh: '删除 `{id}` 的进展条目' },
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

/** An ID without its first part, the kind's prefix by convention: `P-RARE-EARTH` → `RARE-EARTH`. */
function stemOf(id: string): string {
  const i = id.indexOf('-');
  return i < 0 ? id : id.slice(i + 1);
}

/**
 * The fixes of each finding: the ID of the kinds expected whose stem (the ID after its prefix) is
 * nearest the stem of the one written (a project `P-RARE-EARTH` where its task `T-RARE-EARTH` was
 * meant), then removal. What a finding needs is made once per check, when the first finding asks:
 * a plan can have thousands.
 */
class Fixes {
  private readonly byKinds = new Map<string, { stems: NearestStrings; ids: Map<string, string> }>();
  private lists: Map<string, Set<string>> | undefined;

  constructor(private readonly plan: PlanView) {}

  /** IDs already in each reference list (file and path of the list): no replacement repeats one. */
  private taken(ref: PlanReference): Set<string> {
    if (!this.lists) {
      this.lists = new Map();
      for (const r of this.plan.references) {
        const key = `${r.file}\0${r.path.slice(0, -1).join('\0')}`;
        const set = this.lists.get(key) ?? new Set<string>();
        set.add(r.id);
        this.lists.set(key, set);
      }
    }
    return this.lists.get(`${ref.file}\0${ref.path.slice(0, -1).join('\0')}`) ?? new Set();
  }

  for(ref: PlanReference): RuleFix[] {
    const key = ref.expected.join('|');
    let known = this.byKinds.get(key);
    if (!known) {
      const ids = new Map<string, string>();
      for (const e of this.plan.allDefinitions()) if (ref.expected.includes(e.kind) && !ids.has(stemOf(e.id))) ids.set(stemOf(e.id), e.id);
      known = { stems: new NearestStrings([...ids.keys()]), ids };
      this.byKinds.set(key, known);
    }
    const out: RuleFix[] = [];
    const stem = stemOf(ref.id);
    const nearStem = known.stems.nearest(stem, Math.max(1, Math.floor(stem.length / 3)));
    const near = nearStem === undefined ? undefined : known.ids.get(nearStem);
    // Not one the list has already, nor, in `dependsOn`, a task that would close a cycle.
    if (near && !this.taken(ref).has(near) && !(ref.field === 'dependsOn' && dependsOnReach(this.plan, ref.from.id).has(near))) {
      const kind = this.plan.definitionsOf(near).find((e) => ref.expected.includes(e.kind))?.kind ?? ref.expected[0];
      out.push({ title: msg('reference-kind.fix.replace', { kind: KIND_NAMES[kind] ?? kind, id: near }), changes: [{ op: 'set', path: ref.path, value: near }] });
    }
    // A Progress entry's `id`: the entry goes with it.
    if (isProgressReference(ref)) out.push({ title: msg('reference-kind.fix.remove-progress', { id: ref.id }), changes: [{ op: 'remove', path: ref.path.slice(0, -1) }] });
    else out.push({ title: msg('reference-kind.fix.remove', { id: ref.id, field: ref.field }), changes: [{ op: 'remove', path: ref.path }] });
    return out;
  }
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
    const fixes = new Fixes(plan);
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
        data: { path: ref.path, fixes: fixes.for(ref) },
      });
    }
  },
};
