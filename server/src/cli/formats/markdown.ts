/**
 * `--format markdown`: a report for pull-request comments and job summaries
 * ($GITHUB_STEP_SUMMARY): a heading, a summary line, and a table per file
 * with findings, each rule linked to its documentation.
 */
import { defineMessages, formatMessage, msg, type Message } from '../../engine/i18n/messages';
import { ruleDocUrl, summarize, summaryArgs, type Formatter } from './format';

defineMessages({
  'markdown.heading': { en: 'Pilot Plan check', zh: '试点方案检查结果' },
  'markdown.summary': {
    en: '**{problems} problem{s}** ({errors} error{es}, {warnings} warning{ws}, {infos} info{is}) in {files} file{fs}.',
    zh: '{files} 个文件中共 **{problems} 个问题**（{errors} 个错误，{warnings} 个警告，{infos} 个提示）。',
  },
  'markdown.clean': { en: 'No problems in {files} file{fs}.', zh: '{files} 个文件均未发现问题。' },
  'markdown.col.line': { en: 'Line', zh: '行' },
  'markdown.col.severity': { en: 'Severity', zh: '级别' },
  'markdown.col.rule': { en: 'Rule', zh: '规则' },
  'markdown.col.message': { en: 'Message', zh: '说明' },
});

const ICON: Record<string, string> = { error: '❌', warning: '⚠️', info: 'ℹ️' };

/** Text for one table cell: no line breaks, `|` escaped (also inside code spans, as GFM requires). */
export function cell(s: string): string {
  return s.replace(/\\(?=\|)/g, '\\\\').replace(/\|/g, '\\|').replace(/\r\n|\r|\n/g, '<br>');
}

/** A code span that holds any text: enough backticks around it. */
function code(s: string): string {
  let longest = 0;
  for (const run of s.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  const fence = '`'.repeat(longest + 1);
  const pad = s.startsWith('`') || s.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${s}${pad}${fence}`;
}

export const markdown: Formatter = (files, ctx) => {
  const t = (m: Message) => formatMessage(m, ctx.locale);
  const s = summarize(files);
  const problems = s.errors + s.warnings + s.infos;
  const out: string[] = [`## ${t(msg('markdown.heading'))}`, ''];
  if (problems === 0) {
    out.push(`✅ ${t(msg('markdown.clean', summaryArgs(s)))}`);
    return out.join('\n') + '\n';
  }
  out.push(
    `${ICON[s.errors ? 'error' : s.warnings ? 'warning' : 'info']} ` +
      t(
        msg('markdown.summary', summaryArgs(s)),
      ),
  );
  const header = ['line', 'severity', 'rule', 'message'].map((c) => t(msg(`markdown.col.${c}`)));
  for (const f of files) {
    if (!f.findings.length) continue;
    out.push('', `### ${code(f.path)}`, '', `| ${header.join(' | ')} |`, '| ---: | --- | --- | --- |');
    for (const x of f.findings) {
      const severity = `${ICON[x.severity] ?? ''} ${t(msg(`severity.${x.severity}`))}`.trim();
      const rule = `[${x.code}](${ruleDocUrl(ctx.docsBase, x.code)})`;
      out.push(`| ${x.line}:${x.column} | ${cell(severity)} | ${rule} | ${cell(x.message)} |`);
    }
  }
  return out.join('\n') + '\n';
};
