/**
 * The job summary (GITHUB_STEP_SUMMARY): the Markdown report of `--format markdown` (the
 * counts, then a table per file with each rule linked to its page), the problems with the
 * inputs below it, and kept under GitHub's limit for one step's summary.
 */
import { defineMessages, formatMessage, msg, type Message } from '../engine/i18n/messages';
import type { FormatContext, ReportFile } from '../cli/formats/format';
import { markdownMessage } from '../cli/formats/escape';
import { markdown } from '../cli/formats/markdown';
import '../cli/formats/stylish'; // the severity words of the table

defineMessages({
  'action.summary.problems': { en: 'Problems with the inputs', zh: '输入问题' },
  'action.summary.cut': {
    en: '… The rest of the table is left out: a job summary holds at most 1 MiB. The step’s log lists every finding.',
    zh: '…… 表格其余部分从略：作业摘要最多 1 MiB。步骤日志列出了全部问题。',
  },
});

/** GitHub refuses a step's summary above 1 MiB; the margin leaves room for the note and the problems. */
export const SUMMARY_LIMIT = 1024 * 1024 - 16 * 1024;

/** The problems below the report. */
function problemsMarkdown(problems: Message[], ctx: FormatContext): string {
  if (!problems.length) return '';
  const items = problems.map((p) => `- ⛔ ${markdownMessage(formatMessage(p, ctx.locale))}`);
  return `\n### ${formatMessage(msg('action.summary.problems'), ctx.locale)}\n\n${items.join('\n')}\n`;
}

/** The summary of a check; `report` undefined when the inputs stopped it before it ran. */
export function jobSummary(report: ReportFile[] | undefined, problems: Message[], ctx: FormatContext, limit = SUMMARY_LIMIT): string {
  let text = report ? markdown(report, ctx) : `## ${formatMessage(msg('markdown.heading'), ctx.locale)}\n`;
  if (Buffer.byteLength(text) > limit) {
    const lines = text.split('\n');
    let size = 0;
    let kept = 0;
    while (kept < lines.length && size + Buffer.byteLength(lines[kept]) + 1 <= limit) size += Buffer.byteLength(lines[kept++]) + 1;
    text = `${lines.slice(0, kept).join('\n')}\n\n${formatMessage(msg('action.summary.cut'), ctx.locale)}\n`;
  }
  return text + problemsMarkdown(problems, ctx);
}
