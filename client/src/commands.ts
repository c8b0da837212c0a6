/**
 * The commands: pilotPlan.newPlan (new-plan.ts), pilotPlan.checkWorkspace,
 * pilotPlan.openRuleDoc and pilotPlan.restartServer.
 */
import * as vscode from 'vscode';
import type { PilotPlanClient } from './language-client';
import { newPlan } from './new-plan';
import { CHECK_WORKSPACE_REQUEST, SHOW_REFERENCES_COMMAND, readCheckWorkspaceResult, type CheckWorkspaceResult } from './protocol';
import { RULES, type RuleInfo } from './rules';
import { resolveLocale } from './settings';

function uiLocale() {
  return resolveLocale(vscode.workspace.getConfiguration('pilotPlan').get('locale'), vscode.env.language);
}

async function openProblems(): Promise<void> {
  await vscode.commands.executeCommand('workbench.actions.view.problems');
}

async function checkWorkspace(client: PilotPlanClient): Promise<CheckWorkspaceResult | undefined> {
  if (!client.isRunning()) await client.start();
  const lc = client.current;
  if (!lc) {
    void vscode.window.showErrorMessage(vscode.l10n.t('The Pilot Plan language server is not running.'));
    return undefined;
  }
  let raw: unknown;
  try {
    raw = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Pilot Plan: checking the workspace…') },
      () => lc.sendRequest(CHECK_WORKSPACE_REQUEST, {}),
    );
  } catch (e) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Pilot Plan: the workspace check failed. {0}', e instanceof Error ? e.message : String(e)));
    return undefined;
  }
  const result = readCheckWorkspaceResult(raw);
  const summary = vscode.l10n.t(
    'Pilot Plan: checked {0} plans ({1} files): {2} errors, {3} warnings, {4} infos.',
    result.plans,
    result.files,
    result.errors,
    result.warnings,
    result.infos,
  );
  // The server says what it left out (files beyond its limit), in the language of the findings.
  const text = [summary, ...(result.notes ?? [])].join(' ');
  if (result.errors || result.notChecked || result.notes) void vscode.window.showWarningMessage(text);
  else void vscode.window.showInformationMessage(text);
  await openProblems();
  return result;
}

const CODE = /^[a-z][a-z0-9-]*$/;

function severityLabel(r: RuleInfo): string {
  return r.severity === 'error' ? vscode.l10n.t('error') : r.severity === 'warning' ? vscode.l10n.t('warning') : vscode.l10n.t('info');
}

/** docs/rules/<code>.md of the extension; <code>.zh-CN.md first when the UI is Chinese and it exists. */
async function ruleDoc(extensionUri: vscode.Uri, code: string): Promise<vscode.Uri | undefined> {
  const names = uiLocale() === 'zh-CN' ? [`${code}.zh-CN.md`, `${code}.md`] : [`${code}.md`];
  for (const name of names) {
    const uri = vscode.Uri.joinPath(extensionUri, 'docs', 'rules', name);
    try {
      await vscode.workspace.fs.stat(uri);
      return uri;
    } catch {
      // try the next
    }
  }
  return undefined;
}

async function openRuleDoc(context: vscode.ExtensionContext, arg: unknown): Promise<vscode.Uri | undefined> {
  let code = typeof arg === 'string' ? arg : arg && typeof arg === 'object' && 'code' in arg ? String((arg as { code: unknown }).code) : undefined;
  if (!code) {
    const zh = uiLocale() === 'zh-CN';
    const pick = await vscode.window.showQuickPick(
      RULES.map((r) => ({ label: r.code, description: severityLabel(r), detail: zh ? r.zh : r.en, code: r.code })),
      { title: vscode.l10n.t('Pilot Plan: rule documentation'), placeHolder: vscode.l10n.t('Pick a rule to read its documentation'), matchOnDetail: true },
    );
    if (!pick) return undefined;
    code = pick.code;
  }
  if (!CODE.test(code)) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Not a rule code: {0}', code));
    return undefined;
  }
  const uri = await ruleDoc(context.extensionUri, code);
  if (!uri) {
    void vscode.window.showErrorMessage(vscode.l10n.t('No documentation for the rule {0}.', code));
    return undefined;
  }
  await vscode.commands.executeCommand('markdown.showPreview', uri);
  return uri;
}

async function restartServer(client: PilotPlanClient): Promise<void> {
  await client.restart();
  void vscode.window.showInformationMessage(vscode.l10n.t('Pilot Plan language server restarted'));
}

/**
 * The command of the server's reference code lenses: LSP arguments (uri, position,
 * locations) converted for VS Code's references peek.
 */
async function showReferences(client: PilotPlanClient, uri: unknown, position: unknown, locations: unknown): Promise<void> {
  const lc = client.current;
  if (!lc || typeof uri !== 'string' || !position || !Array.isArray(locations)) return;
  const p2c = lc.protocol2CodeConverter;
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
    vscode.commands.registerCommand('pilotPlan.checkWorkspace', async () => checkWorkspace(await client())),
    vscode.commands.registerCommand('pilotPlan.openRuleDoc', (arg?: unknown) => openRuleDoc(context, arg)),
    vscode.commands.registerCommand('pilotPlan.restartServer', async () => restartServer(await client())),
    // Internal (not in the command palette): the server's code lenses call it.
    vscode.commands.registerCommand(SHOW_REFERENCES_COMMAND, async (uri: unknown, position: unknown, locations: unknown) =>
      showReferences(await client(), uri, position, locations),
    ),
  );
}
