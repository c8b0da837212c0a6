/**
 * The step's log: one plain line per finding, then the summary sentence. GitHub turns at
 * most 10 errors and 10 warnings of a step into annotations; the log lists them all.
 */
import { formatMessage, msg, type Locale } from '../engine/i18n/messages';
import { summarize, summaryArgs, type ReportFile } from '../cli/formats/format';
import { terminalText } from '../cli/formats/escape';
import '../cli/formats/stylish'; // the severity words and the summary sentences

/** `error  plans/tasks.pilot.yaml:12:7  message  code`: the severity first, so that no line starts with a path (nor with `::`). */
export function logLines(files: ReportFile[], locale: Locale): string {
  const out: string[] = [];
  const severity = (s: string) => formatMessage(msg(`severity.${s}`), locale);
  // A loop, not Math.max(...widths): a call takes at most about 120,000 arguments, and a report can have more findings.
  let width = 0;
  for (const f of files) for (const x of f.findings) width = Math.max(width, severity(x.severity).length);
  for (const f of files) {
    for (const x of f.findings) out.push(`${severity(x.severity).padEnd(width)}  ${terminalText(f.path)}:${x.line}:${x.column}  ${terminalText(x.message)}  ${x.code}`);
  }
  const s = summarize(files);
  const problems = s.errors + s.warnings + s.infos;
  out.push(formatMessage(msg(problems ? 'stylish.summary' : 'stylish.clean', summaryArgs(s)), locale));
  return out.join('\n') + '\n';
}
