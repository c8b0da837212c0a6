/**
 * On the web, the language server runs in a web worker with no file system: this sends it the
 * workspace's pilot plan and configuration files (`pilotPlan/workspaceFiles`), read through
 * `vscode.workspace.fs` whatever the folders' scheme. Each server that starts gets them all (the
 * last message `initial`); then the watcher's creations, changes and deletions, and the files of
 * workspace folders added or removed. Browser entry only: the Node server reads the disk itself.
 */
import * as vscode from 'vscode';
import { WORKSPACE_FILES_NOTIFICATION, type WorkspaceFile, type WorkspaceFilesParams } from './protocol';
import { MIRROR_EXCLUDE, MIRROR_GLOB, PendingChanges, batchFiles, encodeFile, inSkippedFolder, isReadable, mapLimit, tooLargeFile } from './workspace-files';

/** What the mirror needs of a language client. */
export interface MirrorTarget {
  sendNotification(method: string, params: WorkspaceFilesParams): Promise<void>;
  code2ProtocolConverter: { asUri(uri: vscode.Uri): string };
}

/** Files read at once: a few, so that a big workspace does not flood the file system provider (github.dev fetches each). */
const READ_CONCURRENCY = 4;
/** How long the watcher's events gather before they are sent: a burst of saves makes one message. */
const FLUSH_DELAY_MS = 50;

export class WorkspaceMirror implements vscode.Disposable {
  private target: MirrorTarget | undefined;
  /** Bumped for each server: work for an older one is dropped. */
  private generation = 0;
  /** The current server has had its initial files: events may be sent. */
  private ready = false;
  /** The URIs the current server has, so that a removed workspace folder's files can be deleted. */
  private known = new Set<string>();
  private readonly pending = new PendingChanges();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly output: vscode.OutputChannel) {
    // Watching from the start: a change during the first scan is sent after it.
    const watcher = vscode.workspace.createFileSystemWatcher(MIRROR_GLOB);
    this.subscriptions.push(
      watcher,
      watcher.onDidCreate((u) => this.event(u, 'changed')),
      watcher.onDidChange((u) => this.event(u, 'changed')),
      watcher.onDidDelete((u) => this.event(u, 'deleted')),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.sendAll(this.generation, false)),
    );
  }

  /** A server is running: it gets every file. */
  start(target: MirrorTarget): Promise<void> {
    this.target = target;
    this.generation++;
    this.ready = false;
    this.known = new Set();
    return this.sendAll(this.generation, true);
  }

  /** The server of `target` stopped: nothing is sent until the next one starts. */
  stop(target: MirrorTarget): void {
    if (this.target !== target) return;
    this.target = undefined;
    this.generation++;
    this.ready = false;
  }

  private event(uri: vscode.Uri, kind: 'changed' | 'deleted'): void {
    if (this.skipped(uri)) return;
    const key = uri.toString();
    if (kind === 'changed') this.pending.changed(key);
    else this.pending.deleted(key);
    this.schedule();
  }

  /** Outside the workspace folders, or in a folder plan discovery skips. */
  private skipped(uri: vscode.Uri): boolean {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder) return true;
    const base = folder.uri.path.replace(/\/$/, '');
    return inSkippedFolder(uri.path.slice(base.length + 1));
  }

  private schedule(): void {
    if (!this.ready || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, FLUSH_DELAY_MS);
  }

  private async flush(): Promise<void> {
    const target = this.target;
    const generation = this.generation;
    if (!target || !this.ready || !this.pending.size) return;
    const { changed, deleted } = this.pending.take();
    const read = await mapLimit(changed, READ_CONCURRENCY, (u) => this.read(vscode.Uri.parse(u)));
    if (generation !== this.generation) return;
    const files: WorkspaceFile[] = [];
    changed.forEach((u, i) => {
      const f = read[i];
      // Gone again before it was read: a deletion.
      if (f) files.push({ ...f, uri: target.code2ProtocolConverter.asUri(vscode.Uri.parse(u)) });
      else deleted.push(u);
    });
    await this.send(target, generation, batchFiles(files, deleted.map((u) => target.code2ProtocolConverter.asUri(vscode.Uri.parse(u))), false));
    for (const f of changed) this.known.add(f);
    for (const d of deleted) this.known.delete(d);
  }

  /** A file's content for the notification (its URI still VS Code's), or undefined when it cannot be read. */
  private async read(uri: vscode.Uri): Promise<WorkspaceFile | undefined> {
    try {
      const { size, type } = await vscode.workspace.fs.stat(uri);
      if (!(type & vscode.FileType.File)) return undefined;
      if (!isReadable(size)) return tooLargeFile(uri.toString(), size);
      return encodeFile(uri.toString(), await vscode.workspace.fs.readFile(uri));
    } catch {
      return undefined;
    }
  }

  /**
   * Every file under the workspace folders to the current server: all of them with `initial`
   * (a server that just started), else as changes, with the deletion of those no longer there
   * (the workspace folders changed).
   */
  private async sendAll(generation: number, initial: boolean): Promise<void> {
    const target = this.target;
    if (!target || (!initial && !this.ready)) return;
    let uris: vscode.Uri[] = [];
    try {
      uris = (await vscode.workspace.findFiles(MIRROR_GLOB, MIRROR_EXCLUDE)).filter((u) => !this.skipped(u));
    } catch (e) {
      this.output.appendLine(`[client] the workspace's plan files could not be listed: ${e instanceof Error ? e.message : String(e)}`);
    }
    const read = await mapLimit(uris, READ_CONCURRENCY, (u) => this.read(u));
    if (generation !== this.generation || target !== this.target) return;
    const files: WorkspaceFile[] = [];
    const found = new Set<string>();
    uris.forEach((u, i) => {
      const f = read[i];
      if (!f) return;
      found.add(u.toString());
      files.push({ ...f, uri: target.code2ProtocolConverter.asUri(u) });
    });
    const gone = initial ? [] : [...this.known].filter((u) => !found.has(u));
    await this.send(target, generation, batchFiles(files, gone.map((u) => target.code2ProtocolConverter.asUri(vscode.Uri.parse(u))), initial));
    if (generation !== this.generation) return;
    this.known = found;
    if (initial) {
      this.ready = true;
      this.output.appendLine(`[client] sent the language server ${files.length} plan file(s) of the workspace`);
      if (this.pending.size) this.schedule();
    }
  }

  private async send(target: MirrorTarget, generation: number, messages: WorkspaceFilesParams[]): Promise<void> {
    for (const m of messages) {
      if (generation !== this.generation) return;
      if (!m.files.length && !m.deleted.length && !m.initial) continue;
      try {
        await target.sendNotification(WORKSPACE_FILES_NOTIFICATION, m);
      } catch (e) {
        this.output.appendLine(`[client] sending the workspace's files: ${e instanceof Error ? e.message : String(e)}`);
        return;
      }
    }
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.target = undefined;
    for (const d of this.subscriptions) d.dispose();
  }
}
