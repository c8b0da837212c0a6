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
import { isShownMessage, makeNonce, readOverviewResult, readOpenMessage, readShownTimes, shownSeq, type OverviewAnswer } from './overview-data';
import type { OverviewParams, OverviewTiming } from './protocol';
import { LANGUAGE_ID } from './settings';

export const OVERVIEW_VIEW_TYPE = 'pilotPlan.overview';


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
  /** `Date.now()` when the server's word that the plan was checked came (the first since the last request), if one did. */
  notifiedAt?: number;
  /** `Date.now()` when the page was asked for, and when the answer came. */
  askedAt: number;
  answeredAt: number;
  /** The number of the message that carried it to the page; undefined when the panel's HTML was set (which reloads the page). */
  seq?: number;
  /** The server's times of the answer. */
  timing?: OverviewTiming;
  /** When the page got the report by message and had it in place (the page's clock). */
  page?: { receivedAt: number; swappedAt: number };
}

export class OverviewPanel implements vscode.Disposable {
  panel: vscode.WebviewPanel | undefined;
  /** The document whose plan the panel shows. */
  private uri: string | undefined;
  private answer: OverviewAnswer | undefined;
  /** The page in the panel said it is shown since its HTML was last set: it can take a refreshed report by message. */
  private pageReady = false;
  /** A request is on its way; `again`: the plan changed meanwhile, ask once more when it is answered. */
  private asking = false;
  private again = false;
  /** When the first word that the plan changed came since the last request (for the timeline of `last`). */
  private notifiedAt: number | undefined;
  /** Bumped by each report posted to the page, which names it when it says it is shown. */
  private posted = 0;
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
      }
    });
    panel.webview.onDidReceiveMessage((m: unknown) => {
      if (isShownMessage(m)) {
        this.pageReady = true;
        // The word about this page: a page posted before it may answer after it was set.
        if (this.last && this.last.shownAt === undefined && shownSeq(m) === this.last.seq) {
          this.last.shownAt = Date.now();
          this.last.page = readShownTimes(m);
        }
        this.renderedEmitter.fire();
      } else void this.openPlace(m);
    });
    return panel;
  }

  /** The server checked a plan, or restarted: ask again, if the panel is open and shows that plan. */
  changed(planRoot?: string): void {
    if (!this.panel) return;
    if (planRoot && this.answer?.planRoot && planRoot !== this.answer.planRoot) return;
    this.notifiedAt ??= Date.now();
    // Asked at once (the server already waited for the typing to pause; a timer here waited behind the extension host's other
    // work): words that come while a request is on its way make one more after it.
    void this.refresh();
  }

  /** Whether no request is on its way. */
  get idle(): boolean {
    return !this.asking;
  }

  async refresh(): Promise<void> {
    if (this.asking) {
      this.again = true;
      return;
    }
    this.asking = true;
    try {
      await this.ask();
    } finally {
      this.asking = false;
      if (this.again) {
        this.again = false;
        this.changed();
      }
    }
  }

  private async ask(): Promise<void> {
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
    const notifiedAt = this.notifiedAt;
    this.notifiedAt = undefined;
    const askedAt = Date.now();
    let raw: unknown;
    try {
      raw = await this.request(params);
    } catch {
      raw = undefined;
    }
    const answeredAt = Date.now();
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
    const seq = ++this.posted;
    const last: OverviewShown = { html: answer.html, title: answer.title, planRoot: answer.planRoot, at: Date.now(), notifiedAt, askedAt, answeredAt, seq, timing: answer.timing };
    this.last = last;
    // A page that is shown takes the new report in place (no reload, no flash, the scroll kept); else the panel gets it as its HTML.
    if (!(this.pageReady && panel.visible && (await panel.webview.postMessage({ type: 'update', html: answer.html, seq })))) {
      this.pageReady = false;
      last.seq = undefined;
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
    this.panel?.dispose();
    for (const d of this.subscriptions) d.dispose();
  }
}
