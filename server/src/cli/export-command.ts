/**
 * `pilot-plan export PATH --format docx|xlsx [--output FILE] [--locale zh-CN|en]`: the plan as a
 * Word document laid out as a government plan, or an Excel workbook for review (docs/report.md).
 * Only the arguments are read here; the work is in export-run.ts, a bundle of its own loaded on
 * first use, so that neither the checker nor `report` compiles docx or exceljs.
 */
import * as nodePath from 'node:path';
import { defineMessages, formatMessage, msg } from '../engine/i18n/messages';
import { displayPath } from '../engine/display-path';
import { readCommandArgs } from './command-args';
import { terminalText } from './formats/escape';
import { writeReport } from './report-file';
import { usageError } from './usage';
import type * as ExportRun from './export-run';

defineMessages({
  'export.written': { en: 'Wrote {path}.', zh: '已写出 {path}。' },
});

// build.mjs keeps `./export-run` out of cli-main.js (dist/export-run.js); the tests' bundles take it in.
const exportRun = (): typeof ExportRun => require('./export-run') as typeof ExportRun;

const FORMATS = ['docx', 'xlsx'] as const;

export async function runExportCommand(argv: string[], io = { cwd: process.cwd(), stdout: process.stdout as NodeJS.WritableStream, stderr: process.stderr as NodeJS.WritableStream, env: process.env }): Promise<number> {
  const parsed = readCommandArgs(argv, { format: { type: 'string', short: 'f' }, output: { type: 'string', short: 'o' } }, io);
  if (typeof parsed === 'number') return parsed;
  const { values: o, locale } = parsed;
  if (o.format === undefined) return usageError('export needs --format docx or --format xlsx', 'export 需要 --format docx 或 --format xlsx', locale);
  if (!(FORMATS as readonly string[]).includes(o.format)) return usageError(`--format must be docx or xlsx, not \`${o.format}\``, `--format 只能是 docx 或 xlsx，而不是 \`${o.format}\``, locale);
  if (parsed.positionals.length !== 1) {
    return usageError("export takes one PATH: the plan's folder or a file of it", 'export 需要且只需要一个路径：方案目录或其中的文件', locale);
  }
  const format = o.format as ExportRun.ExportFormat;
  const run = await exportRun().runExport(parsed.positionals[0], { cwd: io.cwd, locale, format });
  const problems = run.problems;
  if (run.bytes !== undefined) {
    // Without --output: the plan folder's name, in the current folder (a binary file has no place on a terminal).
    const shown = o.output ?? `${nodePath.basename(run.root ?? 'plan')}.${format}`;
    const file = nodePath.resolve(io.cwd, shown);
    const problem = writeReport(file, shown, run.bytes, run.files);
    if (problem) problems.push(formatMessage(problem, locale));
    else if (o.output === undefined) io.stdout.write(`${terminalText(formatMessage(msg('export.written', { path: displayPath(io.cwd, file) }), locale))}\n`);
  }
  for (const p of problems) io.stderr.write(`pilot-plan: ${terminalText(p)}\n`);
  return problems.length ? 2 : 0;
}
