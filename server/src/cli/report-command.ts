/**
 * `pilot-plan report PATH [--format html|md] [--output FILE] [--locale zh-CN|en]`: a picture of
 * the whole plan (docs/report.md). Only the arguments are read here; the work is in
 * report-run.ts, a bundle of its own loaded on first use, so that the checker's start-up
 * never compiles the report or ECharts.
 */
import * as nodePath from 'node:path';
import { formatMessage } from '../engine/i18n/messages';
import { readCommandArgs } from './command-args';
import { terminalText } from './formats/escape';
import { writeReport } from './report-file';
import { VERSION, usageError } from './usage';
import type * as ReportRun from './report-run';

// build.mjs keeps `./report-run` out of cli-main.js (dist/report-run.js); the tests' bundles take it in.
const reportRun = (): typeof ReportRun => require('./report-run') as typeof ReportRun;

const FORMATS = ['html', 'md'] as const;

export async function runReportCommand(argv: string[], io = { cwd: process.cwd(), stdout: process.stdout as NodeJS.WritableStream, stderr: process.stderr as NodeJS.WritableStream, env: process.env }): Promise<number> {
  const parsed = readCommandArgs(argv, { format: { type: 'string', short: 'f' }, output: { type: 'string', short: 'o' } }, io);
  if (typeof parsed === 'number') return parsed;
  const { values: o, locale } = parsed;
  const format = o.format ?? 'html';
  if (!(FORMATS as readonly string[]).includes(format)) return usageError(`--format must be html or md, not \`${format}\``, `--format 只能是 html 或 md，而不是 \`${format}\``, locale);
  if (parsed.positionals.length !== 1) {
    return usageError('report takes one PATH: the plan\'s folder or a file of it', 'report 需要且只需要一个路径：方案目录或其中的文件', locale);
  }
  const run = reportRun().runReport(parsed.positionals[0], { cwd: io.cwd, locale, format: format as ReportRun.ReportFormat, version: VERSION });
  const problems = run.problems;
  if (run.text !== undefined) {
    if (o.output !== undefined) {
      const problem = writeReport(nodePath.resolve(io.cwd, o.output), o.output, run.text, run.files);
      if (problem) problems.push(formatMessage(problem, locale));
    } else io.stdout.write(run.text);
  }
  for (const p of problems) io.stderr.write(`pilot-plan: ${terminalText(p)}\n`);
  return problems.length ? 2 : 0;
}

