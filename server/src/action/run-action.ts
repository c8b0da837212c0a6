/**
 * The GitHub Action: checks the `paths` input as `pilot-plan check` does, then tells the
 * runner what it found in the runner's ways: a workflow command per finding (annotations
 * at the file, line and column), a plain log line per finding, a job summary, the counts
 * as step outputs, a SARIF report when asked, and the exit status of `check`.
 */
import * as nodePath from 'node:path';
import { defineMessages, formatMessage, msg, type Locale, type Message } from '../engine/i18n/messages';
import { checkPaths, failStatus } from '../cli/check-paths';
import { DOCS_BASE, summarize, type FormatContext } from '../cli/formats/format';
import { terminalText, workflowData } from '../cli/formats/escape';
import { FORMATS } from '../cli/formats/index';
import { VERSION } from '../cli/usage';
import { readInputs } from './inputs';
import { jobSummary } from './job-summary';
import { writeReport } from '../cli/report-file';
import { logLines } from './log-lines';
import { appendToRunnerFile, outputEntry } from './workflow-files';

defineMessages({
  'action.sarif-written': { en: 'SARIF report written to {path}.', zh: 'SARIF 报告已写入 {path}。' },
  'action.fails': { en: 'The step fails: there are findings at or above `fail-on: {failOn}`.', zh: '步骤失败：存在达到或高于 `fail-on: {failOn}` 级别的问题。' },
});

/** The outputs action.yml declares, each written here. */
export const OUTPUTS = ['errors', 'warnings', 'infos'] as const;

export interface ActionIo {
  env: NodeJS.ProcessEnv;
  cwd: string;
  write: (text: string) => void;
}

/** A problem as a workflow command: an error annotation on the run, and a red line in the log. */
function errorCommand(m: Message, locale: Locale): string {
  return `::error::${workflowData(`pilot-plan: ${formatMessage(m, locale)}`)}\n`;
}

/** Runs the action; returns the exit status: 0, 1 (findings at or above `fail-on`) or 2 (bad input). */
export function runAction(io: ActionIo): number {
  const { env, cwd, write } = io;
  const { inputs, locale, problems } = readInputs(env);
  if (!inputs) {
    for (const p of problems) write(errorCommand(p, locale));
    appendToRunnerFile(env, 'GITHUB_STEP_SUMMARY', jobSummary(undefined, problems, { locale, color: false, version: VERSION, docsBase: DOCS_BASE }));
    return 2;
  }
  // Annotations and SARIF locations are relative to the checkout, whatever the working directory.
  const base = env.GITHUB_WORKSPACE ? nodePath.resolve(cwd, env.GITHUB_WORKSPACE) : cwd;
  const checked = checkPaths(inputs.paths, { cwd, base, locale });
  const { report } = checked;
  for (const p of checked.problems) problems.push(p); // not push(...): there can be more problems than a call takes arguments
  const ctx: FormatContext = { locale, color: false, version: VERSION, docsBase: DOCS_BASE, cwd: base };

  write(logLines(report, locale));
  write(FORMATS.github(report, ctx));
  if (inputs.sarifFile) {
    const problem = writeReport(nodePath.resolve(cwd, inputs.sarifFile), inputs.sarifFile, FORMATS.sarif(report, ctx), checked.files);
    if (problem) problems.push(problem);
    else write(`${terminalText(formatMessage(msg('action.sarif-written', { path: inputs.sarifFile }), locale))}\n`);
  }
  const s = summarize(report);
  const outputs: Record<(typeof OUTPUTS)[number], number> = { errors: s.errors, warnings: s.warnings, infos: s.infos };
  const written = [
    appendToRunnerFile(env, 'GITHUB_OUTPUT', OUTPUTS.map((name) => outputEntry(name, String(outputs[name]))).join('')),
    appendToRunnerFile(env, 'GITHUB_STEP_SUMMARY', jobSummary(report, problems, ctx)),
  ];
  for (const p of written) if (p) problems.push(p);

  for (const p of problems) write(errorCommand(p, locale));
  if (problems.length) return 2;
  const status = failStatus(report, inputs.failOn);
  if (status) write(`${formatMessage(msg('action.fails', { failOn: inputs.failOn }), locale)}\n`);
  return status;
}
