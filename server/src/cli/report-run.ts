/**
 * The work of `pilot-plan report`: the plan a path names, checked, read whole, made into the
 * report (engine/report) and rendered. A bundle of its own (dist/report-run.js), loaded only
 * by `report`, with ECharts: the checker's start-up never compiles either.
 */
import type { Locale } from '../engine/i18n/messages';
import { renderHtml } from '../engine/report/html';
import { renderMarkdown } from '../engine/report/markdown';
import { planReport } from './plan-report';

export type ReportFormat = 'html' | 'md';

export interface ReportRun {
  text?: string;
  /** Rendered here: this bundle's message catalogue is not cli-main.js's. */
  problems: string[];
  /** The plan's files (absolute): what the report may never overwrite. */
  files: string[];
}

export function runReport(path: string, opts: { cwd: string; locale: Locale; format: ReportFormat; version: string }): ReportRun {
  // Neither the file nor the Markdown shows where an entry is (the editor's Overview does).
  const { report, problems, files } = planReport(path, { ...opts, places: false });
  if (!report) return { problems, files };
  const text = opts.format === 'html' ? renderHtml(report, { locale: opts.locale, version: opts.version }) : renderMarkdown(report, { locale: opts.locale, version: opts.version });
  return { text, problems, files };
}
