/**
 * The status bar item: the plan of the active pilot plan document and its
 * error and warning counts, from the server's `pilotPlan/status` notification.
 * A click opens the Problems view.
 */
import * as vscode from 'vscode';
import { folderUri } from './folder-uri';
import { count, type StatusParams } from './protocol';
import { t } from './locale';
import { LANGUAGE_ID } from './settings';

function uriKey(uri: string): string {
  try {
    return vscode.Uri.parse(uri, true).toString();
  } catch {
    return uri;
  }
}

/** A folder given as a URI or a path (and the server's URI of it, any scheme), for display. */
function displayFolder(root: string, rootUri: unknown): string {
  const uri = typeof rootUri === 'string' && rootUri ? folderUri(root, rootUri) : /^[a-z][\w+.-]*:/i.test(root) && !/^[a-z]:[\\/]/i.test(root) ? vscode.Uri.parse(root) : vscode.Uri.file(root);
  return vscode.workspace.asRelativePath(uri, true) || (uri.scheme === 'file' ? uri.fsPath : uri.toString(true));
}

export interface StatusSnapshot {
  visible: boolean;
  text: string;
  /** The tooltip's text: its sentences, one a line. */
  tooltip: string;
}

export class StatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly byUri = new Map<string, Partial<StatusParams>>();
  private readonly byPlan = new Map<string, Partial<StatusParams>>();
  private running = false;
  private visible = false;
  /** The Markdown tooltip's sentences as plain text, one a line. */
  private tooltipText = '';
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor() {
    this.item = vscode.window.createStatusBarItem('pilotPlan.status', vscode.StatusBarAlignment.Left, 50);
    this.item.name = t('productName');
    this.subscriptions.push(
      this.item,
      vscode.window.onDidChangeActiveTextEditor(() => this.render()),
      vscode.workspace.onDidCloseTextDocument((d) => this.byUri.delete(d.uri.toString())),
      vscode.workspace.onDidOpenTextDocument((d) => {
        if (d === vscode.window.activeTextEditor?.document) this.render();
      }),
    );
    this.render();
  }

  update(params: Partial<StatusParams>): void {
    if (!params || typeof params.uri !== 'string') return;
    if (typeof params.planRoot !== 'string') params.planRoot = null;
    this.byUri.set(uriKey(params.uri), params);
    if (params.planRoot) this.byPlan.set(params.planRoot, params);
    this.render();
  }

  setRunning(running: boolean): void {
    this.running = running;
    if (!running) {
      this.byUri.clear();
      this.byPlan.clear();
    }
    this.render();
  }

  /** Draws the item again, e.g. in another language after `pilotPlan.locale` changed. */
  refresh(): void {
    this.render();
  }

  /** What the item shows now (the extension's API gives it to tests). */
  snapshot(): StatusSnapshot {
    const tip = this.item.tooltip;
    return { visible: this.visible, text: this.item.text, tooltip: typeof tip === 'string' ? tip : this.tooltipText };
  }

  private render(): void {
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc || doc.languageId !== LANGUAGE_ID) {
      this.item.hide();
      this.visible = false;
      return;
    }
    const item = this.item;
    item.backgroundColor = undefined;
    if (!this.running) {
      item.text = '$(circle-slash) ' + t('productName');
      item.tooltip = t('statusNotRunning');
      item.command = 'pilotPlan.restartServer';
      this.show();
      return;
    }
    item.command = { title: t('statusShowProblems'), command: 'workbench.actions.view.problems' };
    const own = this.byUri.get(doc.uri.toString());
    if (!own) {
      item.text = '$(sync~spin) ' + t('productName');
      item.tooltip = t('statusChecking');
      this.show();
      return;
    }
    // The latest counts of the document's plan, whichever of its files was checked last
    // (the plan's totals when the server sends them, else the file's).
    const s = (own.planRoot && this.byPlan.get(own.planRoot)) || own;
    const planCounts = typeof s.planErrors === 'number';
    const errors = count(planCounts ? s.planErrors : s.errors);
    const warnings = count(planCounts ? s.planWarnings : s.warnings);
    const plan = (typeof own.planId === 'string' && own.planId) || (own.planRoot ? t('statusPlanWithoutId') : t('statusNoPlan'));
    item.text = `$(pulse) ${plan}  $(error) ${errors}  $(warning) ${warnings}`;
    if (errors > 0) item.backgroundColor = new vscode.ThemeColor('statusBarItem.errorBackground');
    const lines = own.planRoot ? [t('statusPlan', own.planId ?? '?'), t('statusFolder', displayFolder(own.planRoot, own.planRootUri))] : [t('statusFileWithoutPlan')];
    if (planCounts && own.planRoot) lines.push(t('statusPlanCounts', errors, warnings, count(s.planFiles)), t('statusFileCounts', count(own.errors), count(own.warnings)));
    else lines.push(t('statusCounts', errors, warnings));
    lines.push(t('statusClick'));
    this.tooltipText = lines.join('\n');
    // Markdown for the paragraphs; the text is escaped (a plan ID or folder is never markup).
    const tip = new vscode.MarkdownString(undefined, false);
    tip.isTrusted = false;
    lines.forEach((line, i) => tip.appendText((i ? '\n\n' : '') + line));
    item.tooltip = tip;
    this.show();
  }

  private show(): void {
    this.item.show();
    this.visible = true;
  }

  dispose(): void {
    for (const d of this.subscriptions) d.dispose();
  }
}
