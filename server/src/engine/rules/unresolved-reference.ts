/**
 * unresolved-reference: a reference to an ID that the plan does not define.
 *
 * Quick fixes: "did you mean" (data.suggestions), create the task or indicator
 * (data.unresolved), remove the reference (data.fixes; not a required list's last).
 */
import { defineMessages, msg, kindsArg } from '../i18n/messages';
import { NearestStrings } from '../text/nearest-string';
import { isPlaceholder } from '../placeholders';
import { isProgressReference } from '../plan/model';
import type { Rule } from './rule';

defineMessages({
  'unresolved-reference': {
    en: '`{id}` is not defined in this plan; `{field}` expects the ID of {kinds}. {hint}',
    zh: '本方案中未定义 `{id}`；`{field}` 应引用{kinds}的 ID。{hint}',
  },
  'unresolved-reference.did-you-mean': { en: 'Did you mean `{suggestion}`?', zh: '您是否想写 `{suggestion}`？' },
  'unresolved-reference.define': { en: 'Define it, or correct the reference.', zh: '请先定义它，或更正引用。' },
  'unresolved-reference.fix.remove': { en: 'Remove `{id}` from `{field}`', zh: '从 `{field}` 中删除 `{id}`' },
  'unresolved-reference.fix.remove-progress': { en: 'Remove the progress entry of `{id}`', zh: '删除 `{id}` 的进展条目' },
});

export const unresolvedReference: Rule = {
  code: 'unresolved-reference',
  defaultSeverity: 'error',
  scope: 'plan',
  needsPlan: true,
  title: { en: 'A reference to an ID that the plan does not define', zh: '引用了方案中未定义的 ID' },
  checkPlan(ctx) {
    const { plan } = ctx;
    // IDs of the expected kinds, in the order defined, indexed once per set of kinds.
    const byKind = new Map<string, NearestStrings>();
    const candidates = (kinds: string[]) => {
      const key = kinds.join('|');
      let ids = byKind.get(key);
      if (!ids) {
        ids = new NearestStrings(plan.allDefinitions().filter((e) => kinds.includes(e.kind)).map((e) => e.id));
        byKind.set(key, ids);
      }
      return ids;
    };
    const { references, targets } = plan;
    for (let k = 0; k < references.length; k++) {
      if (targets[k].length) continue;
      const ref = references[k];
      if (isPlaceholder(ref.id)) continue; // a reference not written yet: the placeholder rule's
      const file = plan.file(ref.file);
      if (!file) continue;
      const best = candidates(ref.expected).nearest(ref.id, Math.max(2, Math.floor(ref.id.length / 3)));
      const near = best !== undefined;
      const hint = near ? msg('unresolved-reference.did-you-mean', { suggestion: best }) : msg('unresolved-reference.define');
      ctx.report({
        file: ref.file,
        span: file.parsed.span(ref.path, 'value') ?? { start: 0, end: 0 },
        message: msg('unresolved-reference', { id: ref.id, field: ref.field, kinds: kindsArg(ref.expected), hint }),
        data: {
          suggestions: near ? [best!] : undefined,
          unresolved: { id: ref.id, kinds: ref.expected },
          path: ref.path,
          // A Progress entry's `id`: the entry goes with it.
          fixes: [
            isProgressReference(ref)
              ? { title: msg('unresolved-reference.fix.remove-progress', { id: ref.id }), changes: [{ op: 'remove', path: ref.path.slice(0, -1) }] }
              : { title: msg('unresolved-reference.fix.remove', { id: ref.id, field: ref.field }), changes: [{ op: 'remove', path: ref.path }] },
          ],
        },
      });
    }
  },
};
