/**
 * `--format github`: GitHub Actions workflow commands, one per finding, which
 * the runner turns into annotations on the pull request's diff:
 *   ::error file=PATH,line=L,col=C,endLine=EL,endColumn=EC,title=pilot-plan CODE::MESSAGE
 * Columns are given only for a single-line range: GitHub's annotations accept
 * a start and end column only on the same line.
 */
import { workflowData, workflowProperty } from './escape';
import type { Formatter } from './format';

const COMMAND: Record<string, string> = { error: 'error', warning: 'warning', info: 'notice' };

export const github: Formatter = (files) => {
  const out: string[] = [];
  for (const f of files) {
    for (const x of f.findings) {
      const props: [string, string | number][] = [
        ['file', f.path],
        ['line', x.line],
      ];
      if (x.endLine === x.line) props.push(['col', x.column], ['endLine', x.endLine], ['endColumn', x.endColumn]);
      else props.push(['endLine', x.endLine]);
      props.push(['title', `pilot-plan ${x.code}`]);
      const command = COMMAND[x.severity] ?? 'notice';
      out.push(`::${command} ${props.map(([k, v]) => `${k}=${workflowProperty(String(v))}`).join(',')}::${workflowData(x.message)}`);
    }
  }
  return out.length ? out.join('\n') + '\n' : '';
};
