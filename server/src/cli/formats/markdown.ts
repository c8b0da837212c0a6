/**
 * `--format markdown`: a report for pull-request comments and job summaries
 * ($GITHUB_STEP_SUMMARY): a heading, a summary line, and a table per file
 * with findings, each rule linked to its documentation.
 */
import { defineMessages, formatMessage, msg, type Message } from '../../engine/i18n/messages';
import { markdownCode, markdownMessage, markdownText } from './escape';
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
    out.push('', `### ${markdownCode(f.path)}`, '', `| ${header.join(' | ')} |`, '| ---: | --- | --- | --- |');
    for (const x of f.findings) {
      const severity = `${ICON[x.severity] ?? ''} ${t(msg(`severity.${x.severity}`))}`.trim();
      const rule = `[${x.code}](${ruleDocUrl(ctx.docsBase, x.code)})`;
      out.push(`| ${x.line}:${x.column} | ${markdownText(severity)} | ${rule} | ${markdownMessage(x.message)} |`);
    }
  }
  return out.join('\n') + '\n';
};
