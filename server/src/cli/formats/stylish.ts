/** `--format stylish` (the default): grouped by file, aligned, coloured on a terminal. */
import { styleText } from 'node:util';
import { defineMessages, formatMessage, msg } from '../../engine/i18n/messages';
import { terminalLine, terminalText } from './escape';
import { summarize, summaryArgs, type Formatter } from './format';

defineMessages({
  'stylish.summary': {
    en: '{problems} problem{s} ({errors} error{es}, {warnings} warning{ws}, {infos} info{is}) in {files} file{fs}',
    zh: '{files} 个文件中共 {problems} 个问题（{errors} 个错误，{warnings} 个警告，{infos} 个提示）',
  },
  'stylish.clean': { en: 'No problems in {files} file{fs}.', zh: '{files} 个文件均未发现问题。' },
  'severity.error': { en: 'error', zh: '错误' },
  'severity.warning': { en: 'warning', zh: '警告' },
  'severity.info': { en: 'info', zh: '提示' },
});

const COLORS = { error: 'red', warning: 'yellow', info: 'cyan' } as const;

export const stylish: Formatter = (files, ctx) => {
  // Whether to colour is decided by the caller (--color, --no-color, a terminal, NO_COLOR);
  // styleText must not second-guess it by looking at process.stdout.
  const paint = (style: Parameters<typeof styleText>[0], text: string) => (ctx.color ? styleText(style, text, { validateStream: false }) : text);
  const out: string[] = [];
  for (const f of files) {
    if (!f.findings.length) continue;
    out.push(paint('underline', terminalLine(f.path)));
    const rows = f.findings.map((x) => ({
      pos: `${x.line}:${x.column}`,
      sev: formatMessage(msg(`severity.${x.severity}`), ctx.locale),
      severity: x.severity as keyof typeof COLORS,
      message: terminalText(x.message),
      code: x.code,
    }));
    // A loop, not Math.max(...widths): a call takes at most about 120,000 arguments, and a file can have more findings.
    let posW = 0;
    let sevW = 0;
    for (const r of rows) {
      if (r.pos.length > posW) posW = r.pos.length;
      if (r.sev.length > sevW) sevW = r.sev.length;
    }
    for (const r of rows) {
      out.push(`  ${paint('dim', r.pos.padEnd(posW))}  ${paint(COLORS[r.severity], r.sev.padEnd(sevW))}  ${r.message}  ${paint('dim', r.code)}`);
    }
    out.push('');
  }
  const s = summarize(files);
  const problems = s.errors + s.warnings + s.infos;
  if (problems === 0) {
    out.push(paint('green', formatMessage(msg('stylish.clean', summaryArgs(s)), ctx.locale)));
  } else {
    const line = formatMessage(
      msg('stylish.summary', summaryArgs(s)),
      ctx.locale,
    );
    out.push(paint(s.errors ? 'red' : s.warnings ? 'yellow' : 'cyan', `✖ ${line}`));
  }
  return out.join('\n') + '\n';
};
