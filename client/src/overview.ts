/**
 * The Plan Overview (`pilotPlan.showOverview`): a webview panel beside the editor with the
 * report of the active plan, as the server renders it (pilotPlan/overview), asked for again
 * when the server says the plan was checked, and when the theme or the language changes. The
 * page's one script (allowed by a fresh nonce) posts the place of a clicked row or chart; only
 * files of the plan are opened from it.
 */
import * as vscode from 'vscode';
import { folderUri, isInFolder } from './folder-uri';
import { t, uiLocale } from './locale';
import { isShownMessage, makeNonce, readOverviewResult, readOpenMessage, type OverviewAnswer } from './overview-data';
import type { OverviewParams } from './protocol';
import { LANGUAGE_ID } from './settings';

export const OVERVIEW_VIEW_TYPE = 'pilotPlan.overview';

/** How long the panel waits after the server's word before asking again: a burst of checks makes one refresh. */
const REFRESH_DELAY_MS = 30;

function isDark(kind: vscode.ColorThemeKind): boolean {
  return kind === vscode.ColorThemeKind.Dark || kind === vscode.ColorThemeKind.HighContrast;
}

/** What the end-to-end tests read: the last page shown and when. */
export interface OverviewShown {
  html: string;
  title: string;
  planRoot: string | null;
  /** `Date.now()` when it was put in the panel. */
  at: number;
  /** `Date.now()` when the page said it was shown (its script ran), else undefined. */
  shownAt?: number;
}

export class OverviewPanel implements vscode.Disposable {
  panel: vscode.WebviewPanel | undefined;
  /** The document whose plan the panel shows. */
  private uri: string | undefined;
  private answer: OverviewAnswer | undefined;
  /** The page in the panel said it is shown since its HTML was last set: it can take a refreshed report by message. */
  private pageReady = false;
  private timer: NodeJS.Timeout | undefined;
  /** Bumped by each request: an answer to an older one is dropped. */
  private asked = 0;
  private readonly shownEmitter = new vscode.EventEmitter<OverviewShown>();
  private readonly renderedEmitter = new vscode.EventEmitter<void>();
  /** Fires when the page in the panel says it is shown. */
  readonly onDidRender = this.renderedEmitter.event;
  /** Fires each time a page is put in the panel. */
  readonly onDidShow = this.shownEmitter.event;
  last: OverviewShown | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];

  /** `request` sends pilotPlan/overview (undefined when the server is not running). */
  constructor(private readonly request: (params: OverviewParams) => Promise<unknown> | undefined) {
    this.subscriptions.push(
      this.shownEmitter,
      this.renderedEmitter,
      vscode.commands.registerCommand('pilotPlan.showOverview', (uri?: vscode.Uri) => this.show(uri)),
      // The panel follows the plan being edited.
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        const doc = editor?.document;
        if (!this.panel || doc?.languageId !== LANGUAGE_ID || doc.uri.toString() === this.uri) return;
        const root = this.answer?.planRoot;
        this.uri = doc.uri.toString();
        if (!root || !isInFolder(doc.uri, folderUri(root, this.answer?.rootUri))) this.changed();
      }),
      vscode.window.onDidChangeActiveColorTheme(() => this.changed()),
    );
  }

  /** Opens the panel beside the editor (or brings it forward) for the plan of `uri`, else of the active editor. */
  async show(uri?: vscode.Uri): Promise<void> {
    const doc = vscode.window.activeTextEditor?.document;
    const target = uri instanceof vscode.Uri ? uri : doc?.languageId === LANGUAGE_ID ? doc.uri : undefined;
    if (!target && !this.uri) {
      void vscode.window.showInformationMessage(t('overviewNoPlan'));
      return;
    }
    if (target) this.uri = target.toString();
    if (this.panel) this.panel.reveal(undefined, true);
    else this.panel = this.createPanel();
    await this.refresh();
  }

  private createPanel(): vscode.WebviewPanel {
    const panel = vscode.window.createWebviewPanel(
      OVERVIEW_VIEW_TYPE,
      t('overviewTitle'),
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      // The page loads nothing: no local resource is reachable, and links cannot run commands.
      { enableScripts: true, enableCommandUris: false, localResourceRoots: [], enableFindWidget: true },
    );
    // A hidden panel's page is dropped, and loaded again from its HTML when it shows.
    panel.onDidChangeViewState((e) => {
      if (!e.webviewPanel.visible) this.pageReady = false;
      // Shown again: the page loads from the HTML last set, which a report sent by message may have outdated.
      else if (!this.pageReady) this.changed();
    });
    panel.onDidDispose(() => {
      if (this.panel === panel) {
        this.panel = undefined;
        this.answer = undefined;
        if (this.timer) clearTimeout(this.timer);
      }
    });
    panel.webview.onDidReceiveMessage((m: unknown) => {
      if (isShownMessage(m)) {
        this.pageReady = true;
        if (this.last && this.last.shownAt === undefined) this.last.shownAt = Date.now();
        this.renderedEmitter.fire();
      } else void this.openPlace(m);
    });
    return panel;
  }

  /** The server checked a plan, or restarted: ask again soon, if the panel is open and shows that plan. */
  changed(planRoot?: string): void {
    if (!this.panel) return;
    if (planRoot && this.answer?.planRoot && planRoot !== this.answer.planRoot) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), REFRESH_DELAY_MS);
  }

  async refresh(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const panel = this.panel;
    if (!panel || !this.uri) return;
    const n = ++this.asked;
    const params: OverviewParams = {
      uri: this.uri,
      nonce: makeNonce(),
      cspSource: panel.webview.cspSource,
      dark: isDark(vscode.window.activeColorTheme.kind),
      locale: uiLocale(),
    };
    let raw: unknown;
    try {
      raw = await this.request(params);
    } catch {
      raw = undefined;
    }
    if (n !== this.asked || panel !== this.panel) return;
    const answer = readOverviewResult(raw);
    if (!answer) {
      // No server (yet): the page says so; the server's start brings a refresh.
      this.pageReady = false;
      panel.webview.html = `<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'"></head><body><p>${t('overviewNoServer')}</p></body></html>`;
      return;
    }
    this.answer = answer;
    panel.title = t('overviewTitle');
    this.last = { html: answer.html, title: answer.title, planRoot: answer.planRoot, at: Date.now() };
    // A page that is shown takes the new report in place (no reload, no flash, the scroll kept); else the panel gets it as its HTML.
    if (!(this.pageReady && panel.visible && (await panel.webview.postMessage({ type: 'update', html: answer.html })))) {
      this.pageReady = false;
      panel.webview.html = answer.html;
    }
    if (n !== this.asked || panel !== this.panel) return;
    this.shownEmitter.fire(this.last);
  }

  /** A click on the page: the place of a row or chart, opened if it is a file of the plan shown. */
  async openPlace(message: unknown): Promise<void> {
    const place = readOpenMessage(message);
    if (!place || !this.answer?.files.includes(place.uri)) return;
    const line = place.line - 1;
    // Beside the panel: the column of a visible editor, else the first.
    const column = vscode.window.visibleTextEditors.find((e) => e.viewColumn !== undefined && e.viewColumn !== this.panel?.viewColumn)?.viewColumn ?? vscode.ViewColumn.One;
    await vscode.window.showTextDocument(vscode.Uri.parse(place.uri), { viewColumn: column, selection: new vscode.Range(line, 0, line, 0), preserveFocus: false });
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.panel?.dispose();
    for (const d of this.subscriptions) d.dispose();
  }
}
