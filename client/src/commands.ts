/**
 * The commands: pilotPlan.newPlan (new-plan.ts), pilotPlan.newProgress (new-progress.ts), pilotPlan.checkWorkspace,
 * pilotPlan.openRuleDoc, pilotPlan.restartServer, pilotPlan.exportDocx and pilotPlan.exportXlsx (export.ts).
 */
import * as vscode from 'vscode';
import type { PilotPlanClient } from './language-client';
import { exportPlan } from './export';
import { newPlan } from './new-plan';
import { newProgress } from './new-progress';
import { CHECK_WORKSPACE_REQUEST, LENS_OPENS, SHOW_REFERENCES_COMMAND, readCheckWorkspaceResult, type CheckWorkspaceResult } from './protocol';
import { RULES, type RuleInfo } from './rules';
import { t, uiLocale } from './locale';
import { ruleDocFragment } from './rule-doc';

async function openProblems(): Promise<void> {
  await vscode.commands.executeCommand('workbench.actions.view.problems');
}

/** The check's counts, and the sentence the notification showed. */
async function checkWorkspace(client: PilotPlanClient): Promise<(CheckWorkspaceResult & { message: string }) | undefined> {
  const lc = await client.forRequest();
  if (!lc) return undefined;
  let raw: unknown;
  try {
    raw = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: t('checkingWorkspace') },
      () => lc.sendRequest(CHECK_WORKSPACE_REQUEST, {}),
    );
  } catch (e) {
    void vscode.window.showErrorMessage(t('checkFailed', e instanceof Error ? e.message : String(e)));
    return undefined;
  }
  const result = readCheckWorkspaceResult(raw);
  const summary = t('checkSummary', result.plans, result.files, result.errors, result.warnings, result.infos);
  // The server says what it left out (files beyond its limit), in the language of the findings.
  const text = [summary, ...(result.notes ?? [])].join(' ');
  if (result.errors || result.notChecked || result.notes) void vscode.window.showWarningMessage(text);
  else void vscode.window.showInformationMessage(text);
  await openProblems();
  return { ...result, message: text };
}

const CODE = /^[a-z][a-z0-9-]*$/;

function severityLabel(r: RuleInfo): string {
  return r.severity === 'error' ? t('severityError') : r.severity === 'warning' ? t('severityWarning') : t('severityInfo');
}

/**
 * docs/rules/<code>.md of the extension, with the fragment that opens the preview at the
 * reader's language (rule-doc.ts); undefined when the page is missing.
 */
async function ruleDoc(extensionUri: vscode.Uri, code: string): Promise<vscode.Uri | undefined> {
  const uri = vscode.Uri.joinPath(extensionUri, 'docs', 'rules', `${code}.md`);
  let text: string;
  try {
    text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
  const fragment = ruleDocFragment(text, uiLocale());
  return fragment ? uri.with({ fragment }) : uri;
}

async function openRuleDoc(context: vscode.ExtensionContext, arg: unknown): Promise<vscode.Uri | undefined> {
  let code = typeof arg === 'string' ? arg : arg && typeof arg === 'object' && 'code' in arg ? String((arg as { code: unknown }).code) : undefined;
  if (!code) {
    const zh = uiLocale() === 'zh-CN';
    const pick = await vscode.window.showQuickPick(
      RULES.map((r) => ({ label: r.code, description: severityLabel(r), detail: zh ? r.zh : r.en, code: r.code })),
      { title: t('ruleDocTitle'), placeHolder: t('ruleDocPlaceholder'), matchOnDetail: true },
    );
    if (!pick) return undefined;
    code = pick.code;
  }
  if (!CODE.test(code)) {
    void vscode.window.showErrorMessage(t('notRuleCode', code));
    return undefined;
  }
  const uri = await ruleDoc(context.extensionUri, code);
  if (!uri) {
    void vscode.window.showErrorMessage(t('noRuleDoc', code));
    return undefined;
  }
  await vscode.commands.executeCommand('markdown.showPreview', uri);
  return uri;
}

async function restartServer(client: PilotPlanClient): Promise<void> {
  await client.restart();
  void vscode.window.showInformationMessage(t('serverRestarted'));
}

/**
 * The command of the server's reference code lenses: LSP arguments (uri, position,
 * locations) converted for VS Code's references peek; a lens that goes to its one place
 * (LENS_OPENS: a task's latest status, in its Progress file) opens it instead.
 */
async function showReferences(client: PilotPlanClient, uri: unknown, position: unknown, locations: unknown, mode?: unknown): Promise<void> {
  const lc = client.current;
  if (!lc || typeof uri !== 'string' || !position || !Array.isArray(locations)) return;
  const p2c = lc.protocol2CodeConverter;
  if (mode === LENS_OPENS && locations.length === 1) {
    const place = p2c.asLocation(locations[0]);
    await vscode.window.showTextDocument(place.uri, { selection: place.range, preview: false });
    return;
  }
  await vscode.commands.executeCommand(
    'editor.action.showReferences',
    p2c.asUri(uri),
    p2c.asPosition(position as Parameters<typeof p2c.asPosition>[0]),
    locations.map((l) => p2c.asLocation(l)),
  );
}

/** `client` resolves once the language client has been loaded (just after activation). */
export function registerCommands(context: vscode.ExtensionContext, client: () => Promise<PilotPlanClient>): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('pilotPlan.newPlan', (arg?: unknown) => newPlan(arg)),
    vscode.commands.registerCommand('pilotPlan.newProgress', async (arg?: unknown) => newProgress(await client(), arg)),
    vscode.commands.registerCommand('pilotPlan.checkWorkspace', async () => checkWorkspace(await client())),
    vscode.commands.registerCommand('pilotPlan.openRuleDoc', (arg?: unknown) => openRuleDoc(context, arg)),
    vscode.commands.registerCommand('pilotPlan.restartServer', async () => restartServer(await client())),
    vscode.commands.registerCommand('pilotPlan.exportDocx', async (arg?: unknown) => exportPlan(await client(), 'docx', arg)),
    vscode.commands.registerCommand('pilotPlan.exportXlsx', async (arg?: unknown) => exportPlan(await client(), 'xlsx', arg)),
    // Internal (not in the command palette): the server's code lenses call it.
    vscode.commands.registerCommand(SHOW_REFERENCES_COMMAND, async (uri: unknown, position: unknown, locations: unknown, mode?: unknown) =>
      showReferences(await client(), uri, position, locations, mode),
    ),
  );
}
