/**
 * A minimal LSP client for protocol tests: starts the real built server
 * (dist/server.js --stdio, or dist/cli.js lsp --stdio) as a child process and
 * talks JSON-RPC over its standard streams, as an editor does.
 *
 * Waiting is always for a condition with a deadline, never a bare sleep.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as nodePath from 'node:path';
import { pathToFileURL } from 'node:url';
import { StreamMessageReader, StreamMessageWriter, createMessageConnection, type MessageConnection } from 'vscode-jsonrpc/node';
import type {
  Diagnostic,
  InitializeResult,
  PublishDiagnosticsParams,
  TextEdit,
  WorkspaceEdit,
  Position,
  Range,
} from 'vscode-languageserver-protocol';
import { repoRoot } from '../util/plan';

export interface StartOptions {
  /** The folder the editor opens. */
  folder: string;
  /** Its URI, where it is not the folder's `file:` URI (a virtual file system: `memfs:/ws`). */
  folderUri?: string;
  locale?: string;
  initializationOptions?: Record<string, unknown>;
  /** Start through `pilot-plan lsp --stdio` instead of dist/server.js. */
  viaCli?: boolean;
  /** Offer dynamic registration of file watchers and code lens refresh, as VS Code does. */
  vscodeLike?: boolean;
  /** The client's capabilities as given (instead of those `vscodeLike` picks). */
  capabilities?: Record<string, unknown>;
}

export function uriOf(path: string): string {
  return pathToFileURL(path).href;
}

/** Temporary folders made by the tests, removed after them. */
const tempDirs: string[] = [];

export function tempDir(prefix: string): string {
  const dir = fs.mkdtempSync(nodePath.join(os.tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
}

/** A temporary copy of an example plan. */
export function copyExample(name: string): string {
  const dir = tempDir(`pilot-lsp-${name}-`);
  fs.cpSync(nodePath.join(repoRoot(), 'examples', name), dir, { recursive: true });
  return dir;
}

/** Where each line starts: LSP breaks lines at LF, CRLF and a lone CR, as the server's documents do. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
    if (c === 13 || c === 10) starts.push(i + 1);
  }
  return starts;
}

/** Lines and UTF-16 columns → offset in a text (what the server does; a column past the line's end stops there). */
export function offsetAt(text: string, pos: Position): number {
  const starts = lineStarts(text);
  if (pos.line >= starts.length) return text.length;
  const end = pos.line + 1 < starts.length ? starts[pos.line + 1] : text.length;
  return Math.min(starts[pos.line] + pos.character, end);
}

export function positionAt(text: string, offset: number): Position {
  const starts = lineStarts(text);
  let line = 0;
  while (line + 1 < starts.length && starts[line + 1] <= offset) line++;
  return { line, character: offset - starts[line] };
}

/** The position of the `n`th occurrence of `needle` (plus `delta` characters). */
export function find(text: string, needle: string, delta = 0, n = 0): Position {
  let at = -1;
  for (let k = 0; k <= n; k++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`not found: ${needle}`);
  }
  return positionAt(text, at + delta);
}

export function applyEdits(text: string, edits: TextEdit[]): string {
  const sorted = edits
    .map((e) => ({ start: offsetAt(text, e.range.start), end: offsetAt(text, e.range.end), newText: e.newText }))
    .sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

/** Applies a WorkspaceEdit to files on disk (as the editor would for closed files) and returns the new texts by path. */
export function applyWorkspaceEdit(edit: WorkspaceEdit, texts: (path: string) => string): Map<string, string> {
  const out = new Map<string, string>();
  for (const [uri, edits] of Object.entries(edit.changes ?? {})) {
    const path = new URL(uri).pathname;
    const p = decodeURIComponent(path);
    out.set(p, applyEdits(texts(p), edits));
  }
  return out;
}

/** Clients not stopped yet: stopped after all tests, so a failed test never leaves a server (and mocha) running. */
const live = new Set<LspClient>();
if (typeof after === 'function') {
  after(async () => {
    for (const c of [...live]) await c.stop();
    for (const d of tempDirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  });
}
process.on('exit', () => {
  for (const c of live) c.child.kill();
});

export class LspClient {
  readonly diagnostics = new Map<string, Diagnostic[]>();
  /** How many times each URI got diagnostics. */
  readonly publishCount = new Map<string, number>();
  readonly notifications: { method: string; params: unknown; at: number }[] = [];
  readonly logs: string[] = [];
  /** Requests from the server (registerCapability, showDocument, …), in order. */
  readonly serverRequests: { method: string; params: unknown }[] = [];
  /** The server's answer to `initialize`. */
  initializeResult: InitializeResult = { capabilities: {} };
  private waiters: (() => void)[] = [];
  private versions = new Map<string, number>();
  private texts = new Map<string, string>();
  stderr = '';

  private constructor(
    readonly child: ChildProcess,
    readonly conn: MessageConnection,
    readonly folder: string,
  ) {}

  static async start(opts: StartOptions): Promise<LspClient> {
    const root = repoRoot();
    const args = opts.viaCli ? [nodePath.join(root, 'dist/cli.js'), 'lsp', '--stdio'] : [nodePath.join(root, 'dist/server.js'), '--stdio'];
    const child = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    const conn = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new LspClient(child, conn, opts.folder);
    live.add(client);
    child.stderr!.on('data', (d) => (client.stderr += String(d)));
    conn.onNotification((method: string, params: unknown) => {
      client.notifications.push({ method, params, at: Date.now() });
      if (method === 'textDocument/publishDiagnostics') {
        const p = params as PublishDiagnosticsParams;
        client.diagnostics.set(p.uri, p.diagnostics);
        client.publishCount.set(p.uri, (client.publishCount.get(p.uri) ?? 0) + 1);
      } else if (method === 'window/logMessage') {
        client.logs.push((params as { message: string }).message);
      }
      client.wake();
    });
    const answer = (method: string, result: unknown) =>
      conn.onRequest(method, (params: unknown) => {
        client.serverRequests.push({ method, params });
        client.wake();
        return result;
      });
    answer('client/registerCapability', null);
    answer('workspace/codeLens/refresh', null);
    answer('window/showDocument', { success: true });
    conn.listen();
    client.initializeResult = await conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri: opts.folderUri ?? uriOf(opts.folder),
      locale: opts.locale ?? 'en',
      workspaceFolders: [{ uri: opts.folderUri ?? uriOf(opts.folder), name: nodePath.basename(opts.folder) }],
      initializationOptions: opts.initializationOptions ?? {},
      capabilities: opts.capabilities ?? (opts.vscodeLike === false
        ? {}
        : {
            workspace: { didChangeWatchedFiles: { dynamicRegistration: true }, codeLens: { refreshSupport: true }, workspaceFolders: true, symbol: { resolveSupport: { properties: ['location.range'] } } },
            textDocument: { completion: { completionItem: { snippetSupport: true, insertTextModeSupport: { valueSet: [1, 2] }, labelDetailsSupport: true } }, rename: { prepareSupport: true } },
          }),
    });
    conn.sendNotification('initialized', {});
    return client;
  }

  private wake(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
  }

  /** Resolves when `cond()` holds, re-checked on every message from the server; rejects after the deadline. */
  async waitFor<T>(what: string, cond: () => T | undefined | false, timeoutMs = 10000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const v = cond();
      if (v) return v;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}\nserver stderr: ${this.stderr}\nlogs: ${this.logs.join('\n')}`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, Math.min(left, 200));
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  /** Waits for diagnostics of `path` that satisfy `pred`. */
  async diagnosticsFor(path: string, pred: (d: Diagnostic[]) => boolean = () => true, timeoutMs = 10000): Promise<Diagnostic[]> {
    const uri = uriOf(path);
    return this.waitFor(`diagnostics of ${nodePath.basename(path)}`, () => {
      const d = this.diagnostics.get(uri);
      return d && pred(d) ? d : undefined;
    }, timeoutMs);
  }

  isOpen(path: string): boolean {
    return this.texts.has(path);
  }

  text(path: string): string {
    return this.texts.get(path) ?? fs.readFileSync(path, 'utf8');
  }

  /** Any other notification to the server (e.g. pilotPlan/activeDocument). */
  notify(method: string, params: unknown): void {
    this.conn.sendNotification(method, params);
  }

  open(path: string, text = fs.readFileSync(path, 'utf8')): void {
    this.texts.set(path, text);
    this.versions.set(path, 1);
    this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: uriOf(path), languageId: 'pilot-plan', version: 1, text } });
  }

  /** Replaces the whole text of an open document. */
  change(path: string, text: string): void {
    const version = (this.versions.get(path) ?? 1) + 1;
    this.versions.set(path, version);
    this.texts.set(path, text);
    this.conn.sendNotification('textDocument/didChange', { textDocument: { uri: uriOf(path), version }, contentChanges: [{ text }] });
  }

  /** An incremental change, as an editor sends while typing. */
  edit(path: string, range: Range, newText: string): void {
    const version = (this.versions.get(path) ?? 1) + 1;
    this.versions.set(path, version);
    const old = this.text(path);
    this.texts.set(path, applyEdits(old, [{ range, newText }]));
    this.conn.sendNotification('textDocument/didChange', { textDocument: { uri: uriOf(path), version }, contentChanges: [{ range, text: newText }] });
  }

  /** Several changes in one didChange (several cursors, cut and paste): each range in the text the change before left; no range: the whole text. */
  editMany(path: string, changes: { range?: Range; text: string }[]): void {
    const version = (this.versions.get(path) ?? 1) + 1;
    this.versions.set(path, version);
    let text = this.text(path);
    for (const c of changes) text = c.range ? applyEdits(text, [{ range: c.range, newText: c.text }]) : c.text;
    this.texts.set(path, text);
    this.conn.sendNotification('textDocument/didChange', { textDocument: { uri: uriOf(path), version }, contentChanges: changes });
  }

  close(path: string): void {
    this.texts.delete(path);
    this.conn.sendNotification('textDocument/didClose', { textDocument: { uri: uriOf(path) } });
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.conn.sendRequest(method, params) as Promise<R>;
  }

  async stop(): Promise<void> {
    live.delete(this);
    try {
      await Promise.race([this.conn.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      this.conn.sendNotification('exit');
    } catch {
      // already gone
    }
    const exited = new Promise<void>((resolve) => {
      if (this.child.exitCode !== null) resolve();
      else this.child.once('exit', () => resolve());
    });
    await Promise.race([exited, new Promise((r) => setTimeout(r, 2000))]);
    if (this.child.exitCode === null) this.child.kill();
    this.conn.dispose();
  }

  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }
}
