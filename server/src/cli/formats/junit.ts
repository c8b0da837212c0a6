/**
 * `--format junit`: JUnit XML for CI test reports. One test case per file
 * checked; a file with errors or warnings fails, with its findings as the
 * failure's text; infos go to the test case's <system-out>.
 */
import { defineMessages, formatMessage, msg } from '../../engine/i18n/messages';
import { xmlAttr, xmlText } from './escape';
import { summarize, type Formatter } from './format';

defineMessages({
  'junit.failure': {
    en: '{errors} error{es}, {warnings} warning{ws}',
    zh: '{errors} 个错误，{warnings} 个警告',
  },
});

const plural = (n: number, suffix = 's') => (n === 1 ? '' : suffix);

export const junit: Formatter = (files, ctx) => {
  const total = summarize(files);
  const sev = (s: string) => formatMessage(msg(`severity.${s}`), ctx.locale);
  const cases: string[] = [];
  let failures = 0;
  for (const f of files) {
    const bad = f.findings.filter((x) => x.severity === 'error' || x.severity === 'warning');
    const infos = f.findings.filter((x) => x.severity !== 'error' && x.severity !== 'warning');
    // Each finding escaped on its own, then one per line: a line break in a message is a character reference, not a line of the report.
    const line = (x: (typeof f.findings)[number]) => xmlText(`${x.line}:${x.column} ${sev(x.severity)} ${x.message} (${x.code})`);
    const open = `    <testcase classname="pilot-plan" name="${xmlAttr(f.path)}" file="${xmlAttr(f.path)}">`;
    if (!bad.length && !infos.length) {
      cases.push(open.replace(/>$/, ' />'));
      continue;
    }
    const body: string[] = [open];
    if (bad.length) {
      failures++;
      const s = summarize([{ path: f.path, findings: bad }]);
      const message = formatMessage(msg('junit.failure', { errors: s.errors, es: plural(s.errors), warnings: s.warnings, ws: plural(s.warnings) }), ctx.locale);
      body.push(`      <failure message="${xmlAttr(message)}" type="${s.errors ? 'error' : 'warning'}">${bad.map(line).join('\n')}</failure>`);
    }
    if (infos.length) body.push(`      <system-out>${infos.map(line).join('\n')}</system-out>`);
    body.push('    </testcase>');
    cases.push(body.join('\n'));
  }
  const counts = `tests="${total.files}" failures="${failures}" errors="0" skipped="0"`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="pilot-plan" ${counts.replace(' skipped="0"', '')}>`,
    `  <testsuite name="pilot-plan" ${counts}>`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
};
