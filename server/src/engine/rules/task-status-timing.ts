/**
 * task-status-timing: a task's status in a Progress file that does not fit
 * its due year, without a `note` that explains it:
 * - `done` while the task is due after the reporting year (finished early,
 *   or marked done too soon);
 * - `delayed` in a year after its due year (overdue: when will it be done?).
 *
 * A `note` (any text but an empty one) answers both: the finding is a prompt
 * to say why, not a judgement of the status. Tasks without a readable `due`,
 * files without a readable `year`, and IDs the plan does not define once as a
 * task are not judged.
 *
 * Quick fix: add a `note:` key to the entry (data.missingKeys, written with a
 * placeholder to fill in).
 */
import { defineMessages, msg } from '../i18n/messages';
import { asNumber } from '../plan/model';
import { entryField } from '../plan/plan-view';
import { progressEntries } from '../plan/progress-entries';
import type { Rule } from './rule';

defineMessages({
  'task-status-timing.done-early': {
    en: 'Task `{id}` is `done` in {year}, but it is due in {due}. If it finished early, say so in a `note`; otherwise correct `status`.',
    zh: '任务 `{id}` 在 {year} 年标为已完成（`done`），但其完成年份为 {due} 年。如确已提前完成，请在 `note` 中说明；否则请更正 `status`。',
  },
  'task-status-timing.overdue': {
    en: 'Task `{id}` is `delayed` in {year}, after its due year {due}, with no `note`. Say in a `note` why it is late and when it will be done.',
    zh: '任务 `{id}` 在 {year} 年仍为滞后（`delayed`），已超过其完成年份 {due} 年，且没有说明。请在 `note` 中说明滞后原因和预计完成时间。',
  },
});

function hasNote(entry: Record<string, unknown>): boolean {
  return typeof entry.note === 'string' ? entry.note.trim() !== '' : entry.note !== undefined && entry.note !== null;
}

export const taskStatusTiming: Rule = {
  code: 'task-status-timing',
  defaultSeverity: 'info',
  scope: 'plan',
  needsPlan: true,
  title: { en: 'A task done before its due year, or delayed past it, without a `note`', zh: '任务早于完成年份即已完成，或超过完成年份仍滞后，且无说明' },
  checkPlan(ctx) {
    for (const p of progressEntries(ctx.plan, 'tasks')) {
      if (!p.target || p.year === undefined || hasNote(p.entry)) continue;
      const due = asNumber(entryField(p.target, 'due'));
      if (due === undefined) continue;
      const status = p.entry.status;
      let id: string;
      if (status === 'done' && due > p.year) id = 'task-status-timing.done-early';
      else if (status === 'delayed' && p.year > due) id = 'task-status-timing.overdue';
      else continue;
      const entryPath = ['tasks', p.index];
      ctx.report({
        file: p.file.path,
        span: p.file.parsed.span([...entryPath, 'status'], 'value') ?? { start: 0, end: 0 },
        message: msg(id, { id: p.id, year: p.year, due }),
        data: { path: entryPath, missingKeys: ['note'] },
      });
    }
  },
};
