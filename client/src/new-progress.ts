/**
 * `pilotPlan.newProgress`: next year's Progress file for the plan of the active file. The
 * server makes its text (the engine, in the language of the findings); this command only
 * asks where to put it (proposing `progress-<year>.pilot.yaml` in the plan's folder) and
 * writes it, never over an existing file. With an argument `{ uri?, target?, open? }` it asks
 * nothing: `uri` names a file of the plan (default: the active editor's), `target` where to write.
 */
import * as vscode from 'vscode';
import type { PilotPlanClient } from './language-client';
import { folderUri } from './folder-uri';
import { t } from './locale';
import { NEW_PROGRESS_REQUEST, type NewProgressParams } from './protocol';

export interface NewProgressArgs {
  uri?: string | vscode.Uri;
  target?: string | vscode.Uri;
  /** Open the file afterwards (default true). */
  open?: boolean;
}

export interface NewProgressResult {
  uri: vscode.Uri;
  year: number;
}

function toUri(v: string | vscode.Uri): vscode.Uri {
  if (typeof v !== 'string') return v;
  return /^[a-z][\w+.-]+:/i.test(v) && !/^[a-z]:[\\/]/i.test(v) ? vscode.Uri.parse(v) : vscode.Uri.file(v);
}

/** The server's answer, read leniently: a text and a file name to propose, or a sentence saying why not. */
function readAnswer(raw: unknown): { planRoot: string; planRootUri?: string; year: number; fileName: string; text: string } | { error: string } {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  if (typeof r.error === 'string' && r.error) return { error: r.error };
  if (typeof r.planRoot === 'string' && Number.isSafeInteger(r.year) && typeof r.fileName === 'string' && /^[^\\/]+$/.test(r.fileName) && typeof r.text === 'string') {
    return { planRoot: r.planRoot, ...(typeof r.planRootUri === 'string' && r.planRootUri ? { planRootUri: r.planRootUri } : {}), year: r.year as number, fileName: r.fileName, text: r.text };
  }
  return { error: '' };
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

export async function newProgress(client: PilotPlanClient, arg?: unknown): Promise<NewProgressResult | undefined> {
  const args = (arg && typeof arg === 'object' && !(arg instanceof vscode.Uri) ? arg : {}) as NewProgressArgs;
  // From the Explorer's or an editor's context, VS Code passes the file's URI.
  const source = args.uri ? toUri(args.uri) : arg instanceof vscode.Uri ? arg : vscode.window.activeTextEditor?.document.uri;
  if (!source) {
    void vscode.window.showErrorMessage(t('newProgressNoPlanFile'));
    return undefined;
  }
  const lc = await client.forRequest();
  if (!lc) return undefined;
  let raw: unknown;
  try {
    const params: NewProgressParams = { uri: lc.code2ProtocolConverter.asUri(source) };
    raw = await lc.sendRequest(NEW_PROGRESS_REQUEST, params);
  } catch (e) {
    void vscode.window.showErrorMessage(t('newProgressFailed', e instanceof Error ? e.message : String(e)));
    return undefined;
  }
  const answer = readAnswer(raw);
  if ('error' in answer) {
    void vscode.window.showErrorMessage(answer.error || t('newProgressNoPlanFile'));
    return undefined;
  }
  // The server's URI of the folder (any scheme, on the web), else its path on disk.
  const proposed = vscode.Uri.joinPath(folderUri(answer.planRoot, answer.planRootUri), answer.fileName);
  const target = args.target
    ? toUri(args.target)
    : await vscode.window.showSaveDialog({
        defaultUri: proposed,
        title: t('newProgressDialogTitle', answer.year),
        saveLabel: t('newProgressDialogButton'),
        filters: { [t('newProgressFilter')]: ['pilot.yaml', 'pilot.yml'] },
      });
  if (!target) return undefined;
  // A report already begun is the planners' work: never written over.
  if (await exists(target)) {
    void vscode.window.showErrorMessage(t('newProgressExists', vscode.workspace.asRelativePath(target)));
    return undefined;
  }
  try {
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(answer.text));
  } catch (e) {
    void vscode.window.showErrorMessage(t('newProgressFailed', e instanceof Error ? e.message : String(e)));
    return undefined;
  }
  if (args.open !== false) await vscode.window.showTextDocument(target, { preview: false });
  void vscode.window.showInformationMessage(t('newProgressCreated', vscode.workspace.asRelativePath(target), answer.year));
  return { uri: target, year: answer.year };
}
