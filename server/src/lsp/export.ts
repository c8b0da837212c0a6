/**
 * pilotPlan/export: the plan of a document as a Word document or an Excel workbook, rendered by
 * the engine's exporters (engine/export, as `pilot-plan export`) from the files as the editor
 * holds them. docx and exceljs are loaded on the first export (build.mjs keeps them in
 * dist/vendor), so the server's start does not compile them.
 */
import * as nodePath from 'node:path';
import type * as Docx from '../engine/export/docx';
import type * as Xlsx from '../engine/export/xlsx';
import type { ServerContext } from './context';
import { editorReport } from './editor-report';
import type { ExportParams, ExportResult } from './protocol';

// Required on first use: the bundle runs these modules (and their require of dist/vendor's docx or exceljs) only then.
const docx = (): typeof Docx => require('../engine/export/docx') as typeof Docx;
const xlsx = (): typeof Xlsx => require('../engine/export/xlsx') as typeof Xlsx;

export async function exportOf(ctx: ServerContext, params: ExportParams): Promise<ExportResult> {
  const { session, diagnostics } = ctx;
  const locale = params.locale ?? ctx.locale;
  const root = session.planRootOf(session.pathOf(params.uri));
  if (!root) return { planRoot: null, folderUri: '', fileName: '', data: '', files: [] };
  // The workbook lists the findings: a plan not checked yet is checked first.
  if (!diagnostics.lastFindings.has(root)) await diagnostics.checkNow(root);
  const { report, files } = editorReport(ctx, root, locale);
  const bytes =
    params.format === 'docx'
      ? await docx().renderDocx(report, { locale })
      : await xlsx().renderXlsx(report, { locale });
  return {
    planRoot: root,
    folderUri: session.uriOf(root),
    fileName: `${nodePath.basename(root)}.${params.format}`,
    data: Buffer.from(bytes).toString('base64'),
    files,
  };
}
