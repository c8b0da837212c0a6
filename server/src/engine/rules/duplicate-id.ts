/** duplicate-id: an ID defined more than once in a plan, reported on every definition. */
import { displayPath } from '../display-path';
import { defineMessages, msg, kindsArg } from '../i18n/messages';
import { idSpan } from '../plan/model';
import type { Rule } from './rule';

defineMessages({
  'duplicate-id': {
    en: 'ID `{id}` is defined {count} times in this plan (also as {otherKind} in {otherFile}). IDs must be unique across the plan, whatever their kind: rename one.',
    zh: 'ID `{id}` 在本方案中定义了 {count} 次（另见 {otherFile} 中的{otherKind}）。方案内 ID 必须唯一（不分类型），请重命名其一。',
  },
  'duplicate-id.related': { en: 'Another definition of `{id}`', zh: '`{id}` 的另一处定义' },
});

export const duplicateId: Rule = {
  code: 'duplicate-id',
  defaultSeverity: 'error',
  scope: 'plan',
  planInputs: 'structure',
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
      for (const { d, span } of spans) {
        const other = spans.find((s) => s.d !== d)!;
        const otherFile = show(other.d.file);
        ctx.report({
          file: d.file,
          span,
          message: msg('duplicate-id', { id, count: defs.length, otherKind: kindsArg([other.d.kind]), otherFile }),
          data: {
            related: spans.filter((s) => s.d !== d).map((s) => ({ file: s.d.file, span: s.span, message: msg('duplicate-id.related', { id }) })),
          },
        });
      }
    }
  },
};
