/**
 * The work of `pilot-plan export`: the plan a path names, read and checked as `report` does
 * (report-run.ts), made into the report model and rendered as a Word document or an Excel
 * workbook. A bundle of its own (dist/export-run.js), loaded only by `export`, with docx and
 * exceljs: neither the checker's start-up nor `report` compiles them.
 */
import type { Locale } from '../engine/i18n/messages';
import { renderDocx } from '../engine/export/docx';
import { renderXlsx } from '../engine/export/xlsx';
import { planReport } from './plan-report';

export type ExportFormat = 'docx' | 'xlsx';

export interface ExportRun {
  bytes?: Uint8Array;
  /** The plan's folder (absolute): its name is the file's when --output is not given. */
  root?: string;
  /** Rendered here: this bundle's message catalogue is not cli-main.js's. */
  problems: string[];
  /** The plan's files (absolute): what the export may never overwrite. */
  files: string[];
}

export async function runExport(path: string, opts: { cwd: string; locale: Locale; format: ExportFormat }): Promise<ExportRun> {
  const plan = planReport(path, opts);
  if (!plan.report) return { problems: plan.problems, files: plan.files };
  const bytes = opts.format === 'docx' ? await renderDocx(plan.report, { locale: opts.locale }) : await renderXlsx(plan.report, { locale: opts.locale });
  return { bytes, root: plan.root, problems: plan.problems, files: plan.files };
}
