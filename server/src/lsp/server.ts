/**
 * The Pilot Plan language server: wiring of the LSP connection to the
 * session (plan-session.ts), the diagnostics scheduler (diagnostics.ts) and
 * the editor features (completion, hover, navigation, symbols, code actions,
 * code lenses). Started by dist/server.js (the VS Code client) and by
 * `pilot-plan lsp --stdio` in Node (main.ts), and by dist/web/server.js in a
 * web worker (browser-main.ts), each with its platform (platform.ts).
 *
 * Every handler is guarded: parameters of the wrong shape are answered
 * InvalidParams (requests) or ignored (notifications) before any handler sees
 * them (params.ts); an exception in one feature is logged to the client's
 * console and answered with an empty result; the server keeps running. The server reads plan files and nothing else: no network, and
 * nothing from the workspace is executed.
 */
import * as nodePath from 'node:path';
import {
  CodeActionKind,
  DidChangeWatchedFilesNotification,
  DidChangeWorkspaceFoldersNotification,
  ErrorCodes,
  FileChangeType,
  type FileEvent,
  ResponseError,
  TextDocumentSyncKind,
  type Connection,
  type DidChangeTextDocumentParams,
  type DidCloseTextDocumentParams,
  type DidOpenTextDocumentParams,
  type InitializeParams,
  type InitializeResult,
  type WorkspaceFoldersChangeEvent,
} from 'vscode-languageserver';
import { localeFrom, type Locale } from '../engine/i18n/messages';
import { isPilotFile } from '../engine/plan/workspace';
import { codeActions } from './code-actions';
import { codeLens, resolveCodeLens, showReferences } from './code-lens';
import { completion } from './completion';
import type { ServerContext } from './context';
import { DiagnosticsService } from './diagnostics';
import { ClientFileHost } from './client-files';
import { hover } from './hover';
import { definition, prepareRename, references, rename } from './navigation';
import { PARAMS, invalidParamsMessage, isObject, isShowReferencesArgs, isUri } from './params';
import { PlanSession } from './plan-session';
import type { ServerPlatform, Watcher } from './platform';
import {
  ACTIVE_DOCUMENT_NOTIFICATION,
  CHECK_WORKSPACE_REQUEST,
  DEFAULT_DEBOUNCE_MS,
  DEFAULT_WORKSPACE_CHECK_MAX_FILES,
  NEW_PROGRESS_REQUEST,
  OVERVIEW_REQUEST,
  PLAN_TREE_REQUEST,
  SERVER_SHOW_REFERENCES_COMMAND,
  type ActiveDocumentParams,
  type CheckWorkspaceResult,
  type NewProgressParams,
  type NewProgressResult,
  type PlanTreeParams,
  type PlanTreeResult,
  type OverviewParams,
  type OverviewResult,
  WORKSPACE_FILES_NOTIFICATION,
  type WorkspaceFilesParams,
} from './protocol';
import { planTreeOf } from './plan-tree';
import { overviewOf } from './overview';
import { exportOf } from './export';
import { EXPORT_REQUEST, type ExportParams, type ExportResult } from './protocol';
import { newProgress } from './new-progress';
import { documentSymbol, resolveWorkspaceSymbol, workspaceSymbol } from './symbols';
import { checkWorkspace } from './workspace-check';

/** Initialization options: see protocol.ts. */
interface InitOptions {
  locale?: string;
  debounceMs?: number;
  showReferencesCommand?: string;
  snippetEdits?: boolean;
  workspaceCheckMaxFiles?: number;
  faultInjection?: string[];
  workspaceFiles?: string;
}

function errorText(e: unknown): string {
  return (e as Error)?.stack ?? String(e);
}

export function startServer(connection: Connection, platform: ServerPlatform): Connection {
  const log = (message: string) => {
    try {
      connection.console.error(message);
    } catch {
      platform.logFallback(message);
    }
  };
  /** The client's files, where it sends them (initialization option `workspaceFiles: 'client'`, or no file system here). */
  let clientFiles: ClientFileHost | undefined;
  let faults = new Set<string>();
  let ctx: ServerContext | undefined;

  /**
   * A request handler that never throws (except deliberate ResponseErrors, e.g. an invalid rename):
   * parameters of the wrong shape are answered InvalidParams before the handler sees them (params.ts).
   */
  function guard<P, R>(name: string, fallback: R, fn: (ctx: ServerContext, params: P) => R | Promise<R>): (params: P) => Promise<R> {
    const valid = PARAMS[name];
    return async (params: P) => {
      if (valid && !valid(params)) throw new ResponseError(ErrorCodes.InvalidParams, invalidParamsMessage(name, ctx?.locale ?? 'en'));
      try {
        if (!ctx) return fallback;
        if (faults.has(name)) throw new Error(`fault injected in ${name}`);
        return await fn(ctx, params);
      } catch (e) {
        if (e instanceof ResponseError) throw e;
        log(`pilot-plan: ${name} failed: ${errorText(e)}`);
        return fallback;
      }
    };
  }

  /** A notification handler that never throws, and ignores parameters of the wrong shape (params.ts). */
  function guardEvent<P>(name: string, fn: (ctx: ServerContext, params: P) => void): (params: P) => void {
    const valid = PARAMS[name];
    return (params: P) => {
      if (valid && !valid(params)) {
        log(`pilot-plan: ${name}: parameters of the wrong shape, ignored`);
        return;
      }
      try {
        if (!ctx) return;
        if (faults.has(name)) throw new Error(`fault injected in ${name}`);
        fn(ctx, params);
      } catch (e) {
        log(`pilot-plan: ${name} failed: ${errorText(e)}`);
      }
    };
  }

  let watchDynamically = false;
  let folderChanges = false;
  let lazySymbols = false;
  /** The server's own watch of the workspace, when the client does not watch files for it. */
  let watcher: Watcher | undefined;

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const options = (params.initializationOptions ?? {}) as InitOptions;
    const locale: Locale = localeFrom(options.locale) ?? localeFrom(params.locale) ?? 'en';
    const debounceMs = typeof options.debounceMs === 'number' && options.debounceMs >= 0 ? options.debounceMs : DEFAULT_DEBOUNCE_MS;
    faults = new Set(Array.isArray(options.faultInjection) ? options.faultInjection : []);
    const folders = (params.workspaceFolders ?? []).map((f) => f.uri);
    if (!folders.length && params.rootUri) folders.push(params.rootUri);
    if (options.workspaceFiles === 'client' || !platform.files) clientFiles = new ClientFileHost();
    const files = clientFiles ?? platform.files!;
    const session = new PlanSession((rule, error) => log(`pilot-plan: internal error in rule ${rule.code}: ${errorText(error)}`), files);
    const caps = params.capabilities;
    watchDynamically = !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    folderChanges = !!caps.workspace?.workspaceFolders;
    lazySymbols = !!caps.workspace?.symbol?.resolveSupport?.properties?.includes('location.range');
    const trace = (message: string) => connection.console.log(`pilot-plan: ${message}`);
    const diagnostics = new DiagnosticsService(connection, session, { locale, debounceMs, codeLensRefresh: !!caps.workspace?.codeLens?.refreshSupport }, log, trace);
    ctx = {
      connection,
      session,
      diagnostics,
      locale,
      // Folders of any scheme: a virtual file system's (uri-path.ts) is walked through the client's files.
      folders: folders.filter((u) => isUri(u)).map((u) => session.pathOf(u)),
      realPath: clientFiles ? (p) => p : (p) => platform.realPath(p),
      lensCommand: typeof options.showReferencesCommand === 'string' && options.showReferencesCommand ? options.showReferencesCommand : SERVER_SHOW_REFERENCES_COMMAND,
      maxWorkspaceFiles:
        typeof options.workspaceCheckMaxFiles === 'number' && Number.isSafeInteger(options.workspaceCheckMaxFiles) && options.workspaceCheckMaxFiles > 0
          ? options.workspaceCheckMaxFiles
          : DEFAULT_WORKSPACE_CHECK_MAX_FILES,
      showDocument: !!caps.window?.showDocument?.support,
      labelDetails: !!caps.textDocument?.completion?.completionItem?.labelDetailsSupport,
      snippetEdits: options.snippetEdits === true,
      renameFiles: !!caps.workspace?.workspaceEdit?.documentChanges && !!caps.workspace.workspaceEdit.resourceOperations?.includes('rename'),
      log,
    };
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        completionProvider: { triggerCharacters: [':', ' ', '-', '[', ',', '{'], resolveProvider: false },
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        documentSymbolProvider: true,
        workspaceSymbolProvider: { resolveProvider: true },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        codeLensProvider: { resolveProvider: true },
        executeCommandProvider: { commands: [SERVER_SHOW_REFERENCES_COMMAND] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'pilot-plan' },
    };
  });

  let initialized = false;
  connection.onInitialized(() => {
    // Sent once; a client that sends it again must not start a second watch.
    if (initialized) return;
    initialized = true;
    if (clientFiles) {
      // The client sends the files and their changes (pilotPlan/workspaceFiles); there is no disk to watch.
    } else if (watchDynamically) {
      void connection.client
        .register(DidChangeWatchedFilesNotification.type, {
          watchers: [{ globPattern: '**/*.pilot.{yaml,yml}' }, { globPattern: '**/pilot-plan.config.yaml' }],
        })
        .catch((e) => log(`pilot-plan: could not watch files: ${errorText(e)}`));
    } else if (ctx) {
      // Without the client's watch, plan files changed on disk (a checkout, a script) would go unseen.
      const c = ctx;
      try {
        if (!platform.watch) throw new Error('no file system to watch');
        watcher = platform.watch(guardEvent('fileWatcher', watchedFilesChanged), log);
        watcher.setRoots(c.folders);
        connection.console.log(`pilot-plan: the client does not watch files: watching ${watcher.watchCount} folders for plan files changed on disk`);
      } catch (e) {
        log(`pilot-plan: could not watch files: ${errorText(e)}`);
      }
    }
    // A client that cannot send folder changes has fixed folders.
    if (ctx && folderChanges) {
      const onFolders = guardEvent<WorkspaceFoldersChangeEvent>('workspaceFolders', (c, e) => {
        const removed = new Set(e.removed.map((f) => c.session.pathOf(f.uri)));
        c.folders = c.folders.filter((f) => !removed.has(f)).concat(e.added.map((f) => c.session.pathOf(f.uri)));
        watcher?.setRoots(c.folders);
      });
      // In place of vscode-languageserver's own handler, which reads `event` of whatever comes.
      connection.onNotification(DidChangeWorkspaceFoldersNotification.type, (params: unknown) => onFolders((isObject(params) ? params.event : undefined) as WorkspaceFoldersChangeEvent));
    }
  });

  /**
   * pilot-plan.config.yaml changed (opened, edited, closed, on disk): the plan at its folder re-reads
   * it and is checked, though none of its files be open; a folder without a Plan file has no use for it.
   */
  const configChanged = (c: ServerContext, path: string) => {
    const root = nodePath.dirname(path);
    const state = c.session.peekState(root) ?? (c.session.isCurrentKey(root) ? c.session.stateOf(root) : undefined);
    if (!state) return;
    c.session.reloadConfig(state);
    c.diagnostics.schedule(state);
  };

  // Documents: an open document shadows the disk; every change schedules a check of its plan.
  const changed = (c: ServerContext, uri: string, unsaved: boolean) => {
    const path = c.session.pathOf(uri);
    // The document the status is about: the client's active editor where it says so (pilotPlan/activeDocument),
    // else the last one opened or changed. A restart reopens every document, the active one not last.
    if (!c.diagnostics.activeFromClient) c.diagnostics.active = uri;
    if (c.session.isConfig(path)) return configChanged(c, path);
    if (unsaved) {
      // A new file that is not on disk yet changes its folder's listing, like a created file.
      c.diagnostics.structureChanged();
      return;
    }
    // Whatever the client sends is a pilot plan file to it (its document selector, extra globs included):
    // checked with the plan of its folder, as `pilot-plan check` does with a file named on its command line.
    c.diagnostics.fileChanged(path);
  };
  connection.onDidOpenTextDocument(
    guardEvent<DidOpenTextDocumentParams>('didOpen', (c, p) => changed(c, p.textDocument.uri, c.session.openDocument(p.textDocument.uri, p.textDocument.text, p.textDocument.version))),
  );
  connection.onDidChangeTextDocument(
    guardEvent<DidChangeTextDocumentParams>('didChange', (c, p) => {
      if (c.session.changeDocument(p.textDocument.uri, p.contentChanges, p.textDocument.version)) changed(c, p.textDocument.uri, false);
      else c.log(`pilot-plan: didChange of a document that is not open, ignored: ${p.textDocument.uri}`);
    }),
  );
  connection.onDidCloseTextDocument(
    guardEvent<DidCloseTextDocumentParams>('didClose', (c, p) => {
      const uri = p.textDocument.uri;
      const path = c.session.closeDocument(uri);
      if (c.diagnostics.active === uri) c.diagnostics.active = undefined;
      if (c.session.isConfig(path)) configChanged(c, path);
      else if (c.session.host.stamp(path) === undefined) {
        // An unsaved file is gone with its editor.
        c.diagnostics.clear(uri);
        c.diagnostics.structureChanged();
      } else if (!isPilotFile(nodePath.basename(path))) {
        // A file the client matched by an extra glob: part of the plan only while open.
        const state = c.session.forgetMember(path);
        c.diagnostics.clear(uri);
        if (state) c.diagnostics.schedule(state);
      } else c.diagnostics.fileChanged(path);
    }),
  );

  /** Files changed on disk, as the client's watch or the server's own reports them. */
  function watchedFilesChanged(c: ServerContext, changes: FileEvent[]): void {
    let structural = false;
    for (const change of changes) {
      const path = c.session.pathOf(change.uri);
      if (c.session.isConfig(path)) {
        configChanged(c, path);
        continue;
      }
      if (!isPilotFile(nodePath.basename(path))) continue;
      if (c.session.open.has(path)) continue; // the editor's text wins
      // A change shows in the file's stamp (mtime, size); a file that appears or goes changes plans.
      if (change.type === FileChangeType.Changed) c.diagnostics.fileChanged(path);
      else {
        c.session.ws.forget(path);
        structural = true;
        if (change.type === FileChangeType.Deleted) c.diagnostics.clear(c.session.uriOf(path));
      }
    }
    if (structural) c.diagnostics.structureChanged();
  }

  connection.onDidChangeWatchedFiles(guardEvent('didChangeWatchedFiles', (c, params) => watchedFilesChanged(c, params.changes)));

  // The client's files (client-files.ts), taken as the client's watch of them would report them.
  connection.onNotification(
    WORKSPACE_FILES_NOTIFICATION,
    guardEvent<WorkspaceFilesParams>('workspaceFiles', (c, p) => {
      if (!clientFiles) {
        c.log("pilot-plan: pilotPlan/workspaceFiles from a client that did not set workspaceFiles: 'client', ignored");
        return;
      }
      const changes: FileEvent[] = [];
      for (const file of p.files) {
        const path = c.session.pathOf(file.uri);
        const type = clientFiles.has(path) ? FileChangeType.Changed : FileChangeType.Created;
        try {
          clientFiles.set(path, file);
        } catch (e) {
          c.log(`pilot-plan: pilotPlan/workspaceFiles: ${file.uri}: ${errorText(e)}`);
          continue;
        }
        changes.push({ uri: file.uri, type });
      }
      for (const uri of p.deleted) if (clientFiles.delete(c.session.pathOf(uri))) changes.push({ uri, type: FileChangeType.Deleted });
      watchedFilesChanged(c, changes);
      // The open documents may have been checked before their plans' files came: again, with them.
      if (p.initial) c.diagnostics.structureChanged();
    }),
  );

  connection.onNotification(
    ACTIVE_DOCUMENT_NOTIFICATION,
    guardEvent<ActiveDocumentParams>('activeDocument', (c, p) => {
      c.diagnostics.active = p.uri;
      c.diagnostics.activeFromClient = true;
      if (c.session.open.has(c.session.pathOf(p.uri))) c.diagnostics.fileChanged(c.session.pathOf(p.uri), 0);
    }),
  );

  connection.onRequest(
    CHECK_WORKSPACE_REQUEST,
    guard<unknown, CheckWorkspaceResult>('checkWorkspace', { plans: 0, files: 0, errors: 0, warnings: 0, infos: 0, elapsedMs: 0 }, (c) => checkWorkspace(c, c.maxWorkspaceFiles)),
  );

  connection.onRequest(NEW_PROGRESS_REQUEST, guard<NewProgressParams, NewProgressResult | null>('newProgress', null, (c, p) => newProgress(c, p)));

  connection.onRequest(PLAN_TREE_REQUEST, guard<PlanTreeParams | null, PlanTreeResult>('planTree', { plans: [] }, (c, p) => planTreeOf(c, p)));
  connection.onRequest(OVERVIEW_REQUEST, guard<OverviewParams, OverviewResult | null>('overview', null, (c, p) => overviewOf(c, p)));
  connection.onRequest(EXPORT_REQUEST, guard<ExportParams, ExportResult | null>('export', null, (c, p) => exportOf(c, p)));

  connection.onCompletion(guard('completion', { isIncomplete: false, items: [] }, completion));
  connection.onHover(guard('hover', null, hover));
  connection.onDefinition(guard('definition', [], definition));
  connection.onReferences(guard('references', [], references));
  connection.onPrepareRename(guard('prepareRename', null, prepareRename));
  connection.onRenameRequest(guard('rename', null, rename));
  connection.onDocumentSymbol(guard('documentSymbol', [], documentSymbol));
  connection.onWorkspaceSymbol(guard('workspaceSymbol', [], (c, p) => workspaceSymbol(c, p, lazySymbols)));
  connection.onWorkspaceSymbolResolve((symbol) => guard('workspaceSymbolResolve', symbol, resolveWorkspaceSymbol)(symbol));
  connection.onCodeAction(guard('codeAction', [], codeActions));
  connection.onCodeLens(guard('codeLens', [], codeLens));
  connection.onCodeLensResolve((lens) => guard('codeLensResolve', lens, resolveCodeLens)(lens));
  connection.onExecuteCommand(
    guard('executeCommand', null, (c, p) => {
      if (p.command === SERVER_SHOW_REFERENCES_COMMAND) {
        if (!isShowReferencesArgs(p.arguments)) throw new ResponseError(ErrorCodes.InvalidParams, invalidParamsMessage('executeCommand', c.locale));
        return showReferences(c, p.arguments);
      }
      c.log(`pilot-plan: unknown command ${p.command}`);
      return null;
    }),
  );
  connection.onShutdown(() => {
    ctx?.diagnostics.dispose();
    watcher?.close();
  });
  connection.onExit(() => watcher?.close());

  // A bug must not take the server down with it.
  platform.onUncaught((what, e) => log(`pilot-plan: ${what}: ${errorText(e)}`));

  connection.listen();
  return connection;
}
