/** duplicate-plan: a second Plan file in the folder of a plan, reported on its `kind`. */
import * as nodePath from 'node:path';
import { defineMessages, msg } from '../i18n/messages';
import type { Rule } from './rule';

defineMessages({
  'duplicate-plan': {
    en: 'A second `kind: Plan` file in this folder; the plan is already defined by {first}. Keep one Plan file per folder: change this file\'s kind, merge it, or move it into a sub-folder of its own.',
    zh: '本目录已有方案文件 {first}，这是第二个 `kind: Plan` 文件。每个目录只能有一个 Plan 文件：请修改本文件的 kind、合并内容，或将其移入单独的子目录。',
  },
});

export const duplicatePlan: Rule = {
  code: 'duplicate-plan',
  defaultSeverity: 'error',
  scope: 'plan',
  needsPlan: true,
  title: { en: 'A second Plan file in the folder of a plan', zh: '同一目录中有第二个方案文件' },
  checkPlan(ctx) {
    const plans = ctx.plan.planFiles;
    const root = ctx.plan.root!;
    const inRoot = plans.filter((p) => nodePath.dirname(p.path) === root);
    for (const dup of inRoot.slice(1)) {
      ctx.report({
        file: dup.path,
        span: dup.parsed.span(['kind'], 'value') ?? { start: 0, end: 0 },
        message: msg('duplicate-plan', { first: nodePath.basename(inRoot[0].path) }),
      });
    }
  },
};
