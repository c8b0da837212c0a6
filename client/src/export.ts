/**
 * Export to Word / Export to Excel (`pilotPlan.exportDocx`, `pilotPlan.exportXlsx`): the plan of
 * the active editor (or of the file named by the command's argument) as the language server
 * renders it (pilotPlan/export, the bytes of `pilot-plan export`), saved where the user says,
 * by default beside the plan's files under the plan folder's name. Not on the web: the web
 * worker's server carries neither docx nor exceljs.
 */
import * as vscode from 'vscode';
import { fromBase64, readExportResult } from './export-data';
import type { PilotPlanClient } from './language-client';
import { t, uiLocale } from './locale';
import { EXPORT_REQUEST, type ExportParams } from './protocol';
import { LANGUAGE_ID } from './settings';

export type ExportFormat = ExportParams['format'];

/** Writes the export and returns where, or undefined (no plan, cancelled, failed: the user was told). */
export async function exportPlan(client: PilotPlanClient, format: ExportFormat, arg?: unknown): Promise<vscode.Uri | undefined> {
  const doc = vscode.window.activeTextEditor?.document;
  const uri = arg instanceof vscode.Uri ? arg : doc?.languageId === LANGUAGE_ID ? doc.uri : undefined;
  if (!uri) {
    void vscode.window.showInformationMessage(t('exportNoPlan'));
    return undefined;
  }
  const lc = await client.forRequest();
  if (!lc) return undefined;
  let raw: unknown;
  try {
    const params: ExportParams = { uri: uri.toString(), format, locale: uiLocale() };
    raw = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: t('exporting') }, () => lc.sendRequest(EXPORT_REQUEST, params));
  } catch (e) {
    void vscode.window.showErrorMessage(t('exportFailed', e instanceof Error ? e.message : String(e)));
    return undefined;
  }
  const result = readExportResult(raw);
  if (!result) {
    void vscode.window.showErrorMessage(t('exportFailed', ''));
    return undefined;
  }
  if (result.planRoot === null) {
    void vscode.window.showInformationMessage(t('exportNotInPlan'));
    return undefined;
  }
  const target = await vscode.window.showSaveDialog({
    title: t('exportSaveTitle'),
    defaultUri: vscode.Uri.joinPath(vscode.Uri.parse(result.folderUri), result.fileName),
    filters: format === 'docx' ? { [t('exportWordFilter')]: ['docx'] } : { [t('exportExcelFilter')]: ['xlsx'] },
  });
  if (!target) return undefined;
  // As `pilot-plan export` does: a name typed in the dialog never overwrites a file of the plan.
  if (result.files.includes(target.toString())) {
    void vscode.window.showErrorMessage(t('exportOverPlanFile', vscode.workspace.asRelativePath(target)));
    return undefined;
  }
  try {
    await vscode.workspace.fs.writeFile(target, fromBase64(result.data));
  } catch (e) {
    void vscode.window.showErrorMessage(t('exportFailed', e instanceof Error ? e.message : String(e)));
    return undefined;
  }
  // Not awaited: the command is done when the file is written; the buttons act whenever clicked.
  void vscode.window.showInformationMessage(t('exportWritten', vscode.workspace.asRelativePath(target)), t('exportOpen'), t('exportReveal')).then((pick) => {
    if (pick === t('exportOpen')) void vscode.env.openExternal(target);
    else if (pick === t('exportReveal')) void vscode.commands.executeCommand('revealFileInOS', target);
  });
  return target;
}
