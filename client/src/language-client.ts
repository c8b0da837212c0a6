/**
 * The language client, the same on the desktop and on the web: starts the server, restarts it
 * when it dies (vscode-languageclient's default: up to 4 restarts in 3 minutes) and says so, and
 * is recreated when a setting that the server gets at start changes. What differs is the host's
 * (`ClientHost`): the Node server over IPC (node-language-client.ts) or the web worker server
 * (browser-language-client.ts). Only vscode-languageclient's common API is imported here, so that
 * the browser bundle never carries its Node half.
 */
import * as vscode from 'vscode';
import {
  CloseAction,
  State,
  type BaseLanguageClient,
  type CloseHandlerResult,
  type ErrorHandler,
  type LanguageClientOptions,
} from 'vscode-languageclient/lib/common/api';
import {
  ACTIVE_DOCUMENT_NOTIFICATION,
  PLAN_TREE_CHANGED_NOTIFICATION,
  STATUS_NOTIFICATION,
  readSnippetEdits,
  type ActiveDocumentParams,
  type PlanTreeChangedParams,
  type StatusParams,
} from './protocol';
import { t } from './locale';
import { documentSelector, readInitializationOptions } from './client-options';
import { CLIENT_ID, LANGUAGE_ID } from './settings';

/** The restarts vscode-languageclient allows within 3 minutes before it gives up. */
const MAX_RESTARTS = 4;

export interface ClientEvents {
  onStatus(params: StatusParams): void;
  /** The server is running (true) or not (false, e.g. it gave up after crashes). */
  onRunning(running: boolean): void;
  /** The server checked a plan: its tree may have changed. */
  onPlanTreeChanged?(params: PlanTreeChangedParams): void;
}

/** Where the server runs: what differs between the desktop and the web. */
export interface ClientHost {
  /** The web: documents of any scheme, and the server reads no file system (the client sends it the workspace's files). */
  readonly web: boolean;
  /** A language client of the server with these options; a new server each time (a restart makes a new one). */
  create(id: string, name: string, options: LanguageClientOptions): BaseLanguageClient | Promise<BaseLanguageClient>;
  /** The server of `client` runs (again, after a crash too). */
  running?(client: BaseLanguageClient): void;
  /** The server of `client` stopped. */
  stopped?(client: BaseLanguageClient): void;
}

/**
 * A quick fix with snippet forms of its edits (the server sends them in `data`, since LSP 3.17
 * has no snippet edits) gets them as its edit: VS Code inserts the text with tab stops to fill in
 * (a choice of values where there is a list). Every other action is left as it is.
 */
function withSnippets(action: vscode.Command | vscode.CodeAction, client: BaseLanguageClient): vscode.Command | vscode.CodeAction {
  if (!(action instanceof vscode.CodeAction)) return action;
  const edits = readSnippetEdits((action as { data?: unknown }).data);
  if (!edits) return action;
  const c = client.protocol2CodeConverter;
  const byUri = new Map<string, vscode.SnippetTextEdit[]>();
  for (const e of edits) byUri.set(e.uri, [...(byUri.get(e.uri) ?? []), vscode.SnippetTextEdit.replace(c.asRange(e.range), new vscode.SnippetString(e.snippet))]);
  const edit = new vscode.WorkspaceEdit();
  for (const [uri, list] of byUri) edit.set(c.asUri(uri), list);
  action.edit = edit;
  return action;
}

export class PilotPlanClient implements vscode.Disposable {
  private client: BaseLanguageClient | undefined;
  private watchers: vscode.Disposable[] = [];
  private readonly subscriptions: vscode.Disposable[] = [];
  private starting: Promise<void> | undefined;
  /** A restart under way (a setting the server gets at start changed): requests wait for the new server. */
  private restarting: Promise<void> | undefined;
  /** Set when the error handler restarts the server; the notice is shown once it runs again. */
  private restartNoticePending = false;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly output: vscode.OutputChannel,
    private readonly events: ClientEvents,
    private readonly host: ClientHost,
  ) {
    // The server sends `pilotPlan/status` for the document the user looks at: tell it which one.
    this.subscriptions.push(vscode.window.onDidChangeActiveTextEditor(() => this.sendActiveDocument()));
  }

  private sendActiveDocument(): void {
    const client = this.client;
    const doc = vscode.window.activeTextEditor?.document;
    if (!client || client.state !== State.Running || !doc || doc.languageId !== LANGUAGE_ID) return;
    const params: ActiveDocumentParams = { uri: client.code2ProtocolConverter.asUri(doc.uri) };
    client.sendNotification(ACTIVE_DOCUMENT_NOTIFICATION, params).catch(() => undefined);
  }

  /** The running client, if any (for requests). */
  get current(): BaseLanguageClient | undefined {
    return this.client;
  }

  isRunning(): boolean {
    return this.client?.state === State.Running;
  }

  /** The client for a command's request, started if it was not; undefined, said to the user, when there is none. */
  async forRequest(): Promise<BaseLanguageClient | undefined> {
    // A command run just after a setting that restarts the server must not get the client being stopped.
    await this.restarting?.catch(() => undefined);
    if (!this.isRunning()) await this.start();
    if (!this.client) void vscode.window.showErrorMessage(t('serverNotRunning'));
    return this.client;
  }

  /** Starts the client; a second call while starting waits for the first. */
  start(): Promise<void> {
    this.starting ??= this.doStart().finally(() => (this.starting = undefined));
    return this.starting;
  }

  private async doStart(): Promise<void> {
    if (this.client) return;
    const init = readInitializationOptions(this.host.web);
    const selector = documentSelector(init.extraGlobs, this.host.web);
    // On the web the workspace mirror watches the files and sends them with their contents; the desktop server reads them itself.
    this.watchers = this.host.web
      ? []
      : [
          vscode.workspace.createFileSystemWatcher('**/*.pilot.{yaml,yml}'),
          vscode.workspace.createFileSystemWatcher('**/pilot-plan.config.yaml'),
          ...init.extraGlobs.map((g) => vscode.workspace.createFileSystemWatcher(g)),
        ];
    const clientOptions: LanguageClientOptions = {
      documentSelector: selector,
      // No configurationSection: the server reads its settings in `initialize` only, and a changed one
      // restarts it (extension.ts), which a workspace/didChangeConfiguration sent meanwhile would fail against.
      synchronize: { fileEvents: this.watchers as vscode.FileSystemWatcher[] },
      initializationOptions: init,
      outputChannel: this.output,
      diagnosticCollectionName: LANGUAGE_ID,
      markdown: { isTrusted: false, supportHtml: false },
      errorHandler: this.errorHandler(() => client),
      middleware: {
        provideCodeActions: async (document, range, context, token, next) => {
          const actions = await next(document, range, context, token);
          return actions?.map((a) => withSnippets(a, client));
        },
      },
    };
    const client = await this.host.create(CLIENT_ID, t('languageServerName'), clientOptions);
    this.client = client;
    client.onDidChangeState((e) => {
      if (client !== this.client) return;
      this.events.onRunning(e.newState === State.Running);
      if (e.newState === State.Running) this.host.running?.(client);
      else this.host.stopped?.(client);
      if (e.newState === State.Running) this.sendActiveDocument();
      if (e.newState === State.Running && this.restartNoticePending) {
        this.restartNoticePending = false;
        void vscode.window.showInformationMessage(t('serverRestarted'));
      }
    });
    client.onNotification(STATUS_NOTIFICATION, (params: StatusParams) => {
      if (client === this.client) this.events.onStatus(params);
    });
    client.onNotification(PLAN_TREE_CHANGED_NOTIFICATION, (params: PlanTreeChangedParams) => {
      if (client === this.client) this.events.onPlanTreeChanged?.(params);
    });
    try {
      await client.start();
    } catch (e) {
      this.output.appendLine(`[client] the language server did not start: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      void vscode.window.showErrorMessage(t('serverDidNotStart'));
    }
  }

  /**
   * vscode-languageclient's default handler (it counts restarts), with our own
   * notices: a restart is announced once the server runs again; giving up gets a
   * message in the UI language that says how to start it again.
   */
  private errorHandler(owner: () => BaseLanguageClient): ErrorHandler {
    let inner: ErrorHandler | undefined;
    const base = () => (inner ??= owner().createDefaultErrorHandler(MAX_RESTARTS));
    return {
      error: (error, message, count) => base().error(error, message, count),
      closed: async (): Promise<CloseHandlerResult> => {
        const result = await base().closed();
        if (result.action === CloseAction.Restart) {
          this.output.appendLine('[client] the language server stopped unexpectedly; restarting it');
          this.restartNoticePending = true;
          return result;
        }
        this.output.appendLine('[client] the language server crashed too often; it is not restarted');
        return {
          action: CloseAction.DoNotRestart,
          message: t('serverCrashed', MAX_RESTARTS + 1),
        };
      },
    };
  }

  /** Stops the client and its server, if running. */
  async stop(): Promise<void> {
    await this.starting?.catch(() => undefined);
    const client = this.client;
    this.client = undefined;
    for (const w of this.watchers) w.dispose();
    this.watchers = [];
    if (!client) return;
    this.host.stopped?.(client);
    try {
      if (client.state !== State.Stopped) await client.stop(5000);
    } catch (e) {
      this.output.appendLine(`[client] stopping the language server: ${e instanceof Error ? e.message : String(e)}`);
    }
    try {
      await client.dispose();
    } catch {
      // already stopped
    }
    this.events.onRunning(false);
  }

  /** A new client and server, with the settings as they are now. */
  restart(): Promise<void> {
    this.restartNoticePending = false;
    const restarting = (async () => {
      await this.stop();
      await this.start();
    })().finally(() => {
      if (this.restarting === restarting) this.restarting = undefined;
    });
    this.restarting = restarting;
    return restarting;
  }

  dispose(): void {
    for (const d of this.subscriptions) d.dispose();
    void this.stop();
  }
}
