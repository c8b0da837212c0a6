/** duplicate-id: an ID defined more than once in a plan, reported on every definition. */
import { displayPath } from '../display-path';
import { MAX_RELATED } from '../findings';
import { defineMessages, msg, kindsArg } from '../i18n/messages';
import { idSpan } from '../plan/model';
import type { Rule } from './rule';

defineMessages({
  'duplicate-id': {
    en: 'ID `{id}` is defined {count} times in this plan (also as {otherKind} in {otherFile}). IDs must be unique across the plan, whatever their kind: rename one.',
    zh: 'ID `{id}` 在本方案中定义了 {count} 次（另见 {otherFile} 中的{otherKind}）。方案内 ID 必须唯一（不分类型），请重命名其一。',
  },
  'duplicate-id.related': { en: 'Another definition of `{id}`', zh: '`{id}` 的另一处定义' },
  'duplicate-id.more': { en: '… and {count} more definitions of `{id}`', zh: '……另有 {count} 处 `{id}` 的定义' },
});

export const duplicateId: Rule = {
  code: 'duplicate-id',
  defaultSeverity: 'error',
  scope: 'plan',
  title: { en: 'An ID defined more than once in a plan', zh: '方案内 ID 重复定义' },
  checkPlan(ctx) {
    // A file's path as shown is made once: a copied folder repeats every ID of hundreds of files.
    const shown = new Map<string, string>();
    const show = (file: string) => {
      let s = shown.get(file);
      if (s === undefined) shown.set(file, (s = displayPath(ctx.plan.root, file)));
      return s;
    };
    for (const defs of ctx.plan.duplicates) {
      const id = defs[0].id;
      const spans = defs.map((d) => ({ d, span: idSpan(ctx.plan.file(d.file)!.parsed, d) }));
      const n = spans.length;
      // Each definition lists the nearest others (a window around it), and counts the rest in one more place.
      const listed = Math.min(n - 1, MAX_RELATED);
      for (let i = 0; i < n; i++) {
        const { d, span } = spans[i];
        const other = spans[i === 0 ? 1 : 0];
        const from = Math.max(0, Math.min(i - (listed >> 1), n - 1 - listed));
        const related = [];
        for (let k = from; k <= from + listed; k++) {
          if (k !== i) related.push({ file: spans[k].d.file, span: spans[k].span, message: msg('duplicate-id.related', { id }) });
        }
        if (listed < n - 1) {
          const rest = n - 1 - listed;
          const next = spans[from + listed + 1] ?? spans[from - 1];
          related.push({ file: next.d.file, span: next.span, message: msg('duplicate-id.more', { id, count: { en: rest.toLocaleString('en-US'), zh: String(rest) } }) });
        }
        ctx.report({
          file: d.file,
          span,
          message: msg('duplicate-id', { id, count: n, otherKind: kindsArg([other.d.kind]), otherFile: show(other.d.file) }),
          data: { related },
        });
      }
    }
  },
};
