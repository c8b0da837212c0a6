/** reference-kind: a reference to an ID of the wrong kind (a project where a task is expected). */
import { defineMessages, msg, kindsArg } from '../i18n/messages';
import type { Rule } from './rule';

defineMessages({
  'reference-kind': {
    en: '`{id}` is {actual}, but `{field}` expects the ID of {kinds}. Reference {kinds} here.',
    zh: '`{id}` 是{actual}，而 `{field}` 应引用{kinds}的 ID。请在此引用{kinds}。',
  },
});

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
      let fits = false;
      for (const d of defs) if (ref.expected.includes(d.kind)) fits = true;
      if (fits) continue;
      const file = plan.file(ref.file);
      if (!file) continue;
      ctx.report({
        file: ref.file,
        span: file.parsed.span(ref.path, 'value') ?? { start: 0, end: 0 },
        message: msg('reference-kind', { id: ref.id, actual: kindsArg([defs[0].kind]), field: ref.field, kinds: kindsArg(ref.expected) }),
        data: { path: ref.path },
      });
    }
  },
};
