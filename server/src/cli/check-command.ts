/** `pilot-plan check`: the options and exit statuses of docs/format.md (#checker). */
import { displayPath } from '../engine/display-path';
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import { formatMessage, msg, type Locale } from '../engine/i18n/messages';
import { checkPaths, failStatus, FAIL_ON, type CheckPathsOptions, type FailOn } from './check-paths';
import { writeReport } from './report-file';
import { CheckTiming, timingWanted } from './timing';
import { terminalText } from './formats/escape';
import { FORMATS } from './formats/index';
import { DOCS_BASE } from './formats/format';
import { VERSION, usageError } from './usage';
import { readCommandArgs } from './command-args';

/** Standard input as bytes: decoded like a file, so binary or invalid UTF-8 gets its finding. */
function readStdin(): Uint8Array {
  try {
    return fs.readFileSync(0);
  } catch {
    return new Uint8Array();
  }
}

/**
 * `pilot-plan check … | head`: when the reader of standard output stops, the
 * rest of the report has nowhere to go. That is the reader's choice: no
 * message, and the exit status stays the check's. Any other failure to write
 * is said in a sentence, with status 2.
 */
function onWriteFailure(out: NodeJS.WritableStream, locale: Locale): void {
  out.on?.('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') return;
    process.stderr.write(`pilot-plan: ${terminalText(formatMessage(msg('output.unwritable', { path: '<stdout>', reason: e.code ?? e.message }), locale))}\n`);
    process.exitCode = 2;
  });
}

/** The options of `check`, besides `--locale` and `--help` (command-args.ts); docs/format.md lists them all. */
export const CHECK_OPTIONS = {
  format: { type: 'string', short: 'f' },
  output: { type: 'string', short: 'o' },
  'fail-on': { type: 'string' },
  'stdin-filename': { type: 'string' },
  'whole-plans': { type: 'boolean' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
} as const;

export async function runCheck(argv: string[], io = { cwd: process.cwd(), stdout: process.stdout, stderr: process.stderr, env: process.env }): Promise<number> {
  const parsed = readCommandArgs(argv, CHECK_OPTIONS, io);
  if (typeof parsed === 'number') return parsed;
  const { values: o, locale } = parsed;
  const format = o.format ?? 'stylish';
  if (!FORMATS[format]) return usageError(`--format must be one of ${Object.keys(FORMATS).join(', ')}, not \`${format}\``, `--format 只能是 ${Object.keys(FORMATS).join('、')} 之一，而不是 \`${format}\``, locale);
  const failOn = (o['fail-on'] ?? 'error') as FailOn;
  if (!FAIL_ON.includes(failOn)) return usageError(`--fail-on must be one of ${FAIL_ON.join(', ')}, not \`${failOn}\``, `--fail-on 只能是 ${FAIL_ON.join('、')} 之一，而不是 \`${failOn}\``, locale);

  const timing = timingWanted(io.env) ? new CheckTiming() : undefined;
  const cwd = io.cwd;
  const args = parsed.positionals.length ? parsed.positionals : ['.'];
  let stdin: CheckPathsOptions['stdin'];
  if (args.includes('-')) {
    const name = o['stdin-filename'] ?? '<stdin>.pilot.yaml';
    const path = nodePath.resolve(cwd, name);
    stdin = { path, bytes: readStdin(), shown: o['stdin-filename'] ? displayPath(cwd, path) : '<stdin>' };
  } else if (o['stdin-filename'] !== undefined) {
    return usageError('--stdin-filename goes with `-` (read standard input)', '--stdin-filename 需与 `-`（读取标准输入）一起使用', locale);
  }
  const { report, problems, files } = checkPaths(args, { cwd, locale, stdin, timing, wholePlans: o['whole-plans'] === true });

  const toFile = o.output !== undefined;
  const color = o['no-color'] ? false : o.color ? true : !toFile && !!(io.stdout as NodeJS.WriteStream).isTTY && !io.env.NO_COLOR;
  const text = FORMATS[format](report, { locale, color, version: VERSION, docsBase: DOCS_BASE, cwd });
  if (toFile) {
    const problem = writeReport(nodePath.resolve(cwd, o.output!), o.output!, text, files);
    if (problem) problems.push(problem);
  } else {
    onWriteFailure(io.stdout, locale);
    io.stdout.write(text);
  }
  timing?.end('report');
  if (timing) io.stderr.write(timing.format(locale));
  for (const p of problems) io.stderr.write(`pilot-plan: ${terminalText(formatMessage(p, locale))}\n`);
  if (problems.length) return 2;
  return failStatus(report, failOn);
}
