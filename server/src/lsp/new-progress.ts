/** pilotPlan/newProgress: the text of next year's Progress file for the plan of a file (the client writes it). */
import { newProgressFile } from '../engine/editor/new-progress';
import { defineMessages, formatMessage, msg } from '../engine/i18n/messages';
import type { ServerContext } from './context';
import type { NewProgressParams, NewProgressResult } from './protocol';

defineMessages({
  'lsp.new-progress.no-plan': {
    en: 'This file belongs to no plan: there is no Plan file (kind: Plan) in its folder or above. Open a file of the plan the Progress file is for.',
    zh: '此文件不属于任何方案：所在文件夹及其上级中没有 Plan 文件（kind: Plan）。请打开要报告进展的方案中的文件。',
  },
});

export function newProgress(ctx: ServerContext, params: NewProgressParams, now = new Date()): NewProgressResult {
  const c = ctx.session.editorContext(params.uri);
  const plan = c?.plan;
  if (!plan?.root || !plan.index.planFiles.length) return { error: formatMessage(msg('lsp.new-progress.no-plan', {}), ctx.locale) };
  const made = newProgressFile(plan, ctx.locale, now.getFullYear());
  return { planRoot: plan.root, planRootUri: ctx.session.uriOf(plan.root), year: made.year, fileName: made.fileName, text: made.text };
}
