/** not-in-plan: a pilot plan file that belongs to no plan. */
import { defineMessages, msg } from '../i18n/messages';
import type { Rule } from './rule';

defineMessages({
  'not-in-plan': {
    en: 'This file belongs to no plan: no folder above it holds a `kind: Plan` file, so references to other files are not checked. Add a plan.pilot.yaml to its folder or move the file into a plan folder.',
    zh: '该文件不属于任何方案：其所在目录及上级目录中没有 `kind: Plan` 文件，因此不检查跨文件引用。请在该目录添加 plan.pilot.yaml，或把文件移入方案目录。',
  },
});

export const notInPlan: Rule = {
  code: 'not-in-plan',
  defaultSeverity: 'info',
  scope: 'plan',
  title: { en: 'A pilot plan file that belongs to no plan', zh: '不属于任何方案的试点文件' },
  checkPlan(ctx) {
    if (ctx.plan.root) return;
    // On the first key, so that a comment above it can silence the finding.
    for (const f of ctx.plan.files) ctx.report({ file: f.path, span: f.parsed.span([], 'key') ?? { start: 0, end: 0 }, message: msg('not-in-plan') });
  },
};
