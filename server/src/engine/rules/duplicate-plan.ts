/**
 * duplicate-plan: a second Plan file in the folder of a plan, reported on its `kind`.
 *
 * Quick fix (data.fixes): move the file into a sub-folder of its own, named
 * after it, where it is a plan of its own (nested plans are independent);
 * not offered when the file refers to entries or holds entries referred to,
 * since those references would break.
 */
import * as nodePath from 'node:path';
import { defineMessages, msg } from '../i18n/messages';
import type { Rule } from './rule';

defineMessages({
  'duplicate-plan': {
    en: 'A second `kind: Plan` file in this folder; the plan is already defined by {first}. Keep one Plan file per folder: change this file\'s kind, merge it, or move it into a sub-folder of its own.',
    zh: '本目录已有方案文件 {first}，这是第二个 `kind: Plan` 文件。每个目录只能有一个 Plan 文件：请修改本文件的 kind、合并内容，或将其移入单独的子目录。',
  },
  'duplicate-plan.fix.move': { en: 'Move this file into a folder of its own, `{folder}/` (a plan of its own)', zh: '将本文件移入单独的子目录 `{folder}/`（成为独立的方案）' },
});

/** A sub-folder of the plan's root named after the file, that holds none of the plan's files. */
function folderFor(file: string, root: string, taken: readonly string[]): string {
  const base = nodePath.basename(file).replace(/\.pilot\.ya?ml$/, '') || 'plan';
  for (let n = 1; ; n++) {
    const name = n === 1 ? base : `${base}-${n}`;
    const dir = nodePath.join(root, name) + nodePath.sep;
    if (!taken.some((p) => p.startsWith(dir))) return name;
  }
}

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
    const paths = ctx.plan.files.map((f) => f.path);
    for (const dup of inRoot.slice(1)) {
      // Moved away, the file must not take with it what the plan refers to, nor leave its references behind.
      const ids = new Set(dup.entities.filter((e) => e.path.length > 0).map((e) => e.id));
      const tied = dup.references.length > 0 || ctx.plan.references.some((r) => r.file !== dup.path && ids.has(r.id));
      const folder = folderFor(dup.path, root, paths);
      const fixes = tied ? [] : [{ title: msg('duplicate-plan.fix.move', { folder }), moveTo: nodePath.join(root, folder, nodePath.basename(dup.path)) }];
      ctx.report({
        file: dup.path,
        span: dup.parsed.span(['kind'], 'value') ?? { start: 0, end: 0 },
        message: msg('duplicate-plan', { first: nodePath.basename(inRoot[0].path) }),
        ...(fixes.length ? { data: { fixes } } : {}),
      });
    }
  },
};
