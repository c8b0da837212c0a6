/**
 * A development extension of the end-to-end suite, not of the product: a file system
 * in memory under the scheme `memfs`, so that the suite runs once on a workspace that is
 * neither `file:` nor `vscode-remote:` (as vscode.dev's virtual file systems are). At
 * activation it copies the workspace the runner prepared, which `workspace.json` beside
 * it names (scripts/e2e/web-host.mjs writes both into the run's temp folder), through
 * `vscode.workspace.fs`; every call waits for that copy. Like github.dev's file system it
 * has a file search provider (a proposed API the runner enables), without which
 * `vscode.workspace.findFiles` waits for ever on a memfs: folder.
 */
import * as vscode from 'vscode';

type Entry = { type: vscode.FileType.File; data: Uint8Array; ctime: number; mtime: number } | { type: vscode.FileType.Directory; entries: Map<string, Entry>; ctime: number; mtime: number };

const dirEntry = (): Entry => ({ type: vscode.FileType.Directory, entries: new Map(), ctime: Date.now(), mtime: Date.now() });

class MemFs implements vscode.FileSystemProvider {
  private readonly root = dirEntry();
  private readonly emitter = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.emitter.event;
  ready: Promise<void> = Promise.resolve();

  watch(): vscode.Disposable {
    // Every change is reported to every watcher (the workbench filters by its globs).
    return new vscode.Disposable(() => {});
  }

  async stat(uri: vscode.Uri): Promise<vscode.FileStat> {
    await this.ready;
    const e = this.lookup(uri);
    return { type: e.type, ctime: e.ctime, mtime: e.mtime, size: e.type === vscode.FileType.File ? e.data.byteLength : 0 };
  }

  async readDirectory(uri: vscode.Uri): Promise<[string, vscode.FileType][]> {
    await this.ready;
    return [...this.dir(uri).entries].map(([name, e]) => [name, e.type]);
  }

  async readFile(uri: vscode.Uri): Promise<Uint8Array> {
    await this.ready;
    const e = this.lookup(uri);
    if (e.type !== vscode.FileType.File) throw vscode.FileSystemError.FileIsADirectory(uri);
    return e.data;
  }

  async writeFile(uri: vscode.Uri, content: Uint8Array, options: { create: boolean; overwrite: boolean }): Promise<void> {
    await this.ready;
    this.write(uri, content, options);
  }

  async createDirectory(uri: vscode.Uri): Promise<void> {
    await this.ready;
    this.mkdir(uri);
  }

  async delete(uri: vscode.Uri): Promise<void> {
    await this.ready;
    const parent = this.dir(parentOf(uri));
    const name = nameOf(uri);
    if (!parent.entries.has(name)) throw vscode.FileSystemError.FileNotFound(uri);
    parent.entries.delete(name);
    parent.mtime = Date.now();
    this.fire({ type: vscode.FileChangeType.Deleted, uri }, { type: vscode.FileChangeType.Changed, uri: parentOf(uri) });
  }

  async rename(from: vscode.Uri, to: vscode.Uri, options: { overwrite: boolean }): Promise<void> {
    await this.ready;
    const entry = this.lookup(from);
    const target = this.dir(parentOf(to));
    if (target.entries.has(nameOf(to)) && !options.overwrite) throw vscode.FileSystemError.FileExists(to);
    this.dir(parentOf(from)).entries.delete(nameOf(from));
    target.entries.set(nameOf(to), entry);
    this.fire({ type: vscode.FileChangeType.Deleted, uri: from }, { type: vscode.FileChangeType.Created, uri: to });
  }

  /** Copies the tree at `source` (any scheme the workbench reads) to `target` here, without events: nobody watches yet. */
  async copyIn(source: vscode.Uri, target: vscode.Uri): Promise<number> {
    this.mkdir(target, false);
    let files = 0;
    for (const [name, type] of await vscode.workspace.fs.readDirectory(source)) {
      const from = vscode.Uri.joinPath(source, name);
      const to = vscode.Uri.joinPath(target, name);
      if (type & vscode.FileType.Directory) {
        files += await this.copyIn(from, to);
      } else {
        this.write(to, await vscode.workspace.fs.readFile(from), { create: true, overwrite: true }, false);
        files++;
      }
    }
    return files;
  }

  private lookup(uri: vscode.Uri): Entry {
    let e: Entry = this.root;
    for (const part of segments(uri)) {
      const next: Entry | undefined = e.type === vscode.FileType.Directory ? e.entries.get(part) : undefined;
      if (!next) throw vscode.FileSystemError.FileNotFound(uri);
      e = next;
    }
    return e;
  }

  private dir(uri: vscode.Uri): Extract<Entry, { type: vscode.FileType.Directory }> {
    const e = this.lookup(uri);
    if (e.type !== vscode.FileType.Directory) throw vscode.FileSystemError.FileNotADirectory(uri);
    return e;
  }

  private mkdir(uri: vscode.Uri, notify = true): void {
    const parent = this.dir(parentOf(uri));
    const existing = parent.entries.get(nameOf(uri));
    if (existing) {
      if (existing.type === vscode.FileType.Directory && !notify) return;
      throw vscode.FileSystemError.FileExists(uri);
    }
    parent.entries.set(nameOf(uri), dirEntry());
    parent.mtime = Date.now();
    if (notify) this.fire({ type: vscode.FileChangeType.Created, uri }, { type: vscode.FileChangeType.Changed, uri: parentOf(uri) });
  }

  private write(uri: vscode.Uri, data: Uint8Array, options: { create: boolean; overwrite: boolean }, notify = true): void {
    const parent = this.dir(parentOf(uri));
    const name = nameOf(uri);
    const existing = parent.entries.get(name);
    if (existing?.type === vscode.FileType.Directory) throw vscode.FileSystemError.FileIsADirectory(uri);
    if (!existing && !options.create) throw vscode.FileSystemError.FileNotFound(uri);
    if (existing && options.create && !options.overwrite) throw vscode.FileSystemError.FileExists(uri);
    const now = Date.now();
    // A copy: the caller's buffer may be reused.
    parent.entries.set(name, { type: vscode.FileType.File, data: data.slice(), ctime: existing?.ctime ?? now, mtime: now });
    if (notify) this.fire(existing ? { type: vscode.FileChangeType.Changed, uri } : { type: vscode.FileChangeType.Created, uri });
  }

  private fire(...events: vscode.FileChangeEvent[]): void {
    this.emitter.fire(events);
  }
}

/** The proposed API `fileSearchProvider` (vscode.proposed.fileSearchProvider.d.ts), as far as it is used here. */
interface FileSearchWorkspace {
  registerFileSearchProvider(
    scheme: string,
    provider: { provideFileSearchResults(query: { pattern: string }, options: { folder: vscode.Uri }, token: vscode.CancellationToken): Promise<vscode.Uri[]> },
  ): vscode.Disposable;
}

/** Every file under `folder`: the workbench's search filters them by the query's globs and pattern. */
async function allFiles(fs: MemFs, folder: vscode.Uri): Promise<vscode.Uri[]> {
  const out: vscode.Uri[] = [];
  for (const [name, type] of await fs.readDirectory(folder)) {
    const u = vscode.Uri.joinPath(folder, name);
    if (type === vscode.FileType.Directory) out.push(...(await allFiles(fs, u)));
    else out.push(u);
  }
  return out;
}

const segments = (uri: vscode.Uri) => uri.path.split('/').filter(Boolean);
const nameOf = (uri: vscode.Uri) => segments(uri).pop() ?? '';
const parentOf = (uri: vscode.Uri) => uri.with({ path: '/' + segments(uri).slice(0, -1).join('/') });

export function activate(context: vscode.ExtensionContext): void {
  const fs = new MemFs();
  context.subscriptions.push(
    vscode.workspace.registerFileSystemProvider('memfs', fs, { isCaseSensitive: true }),
    (vscode.workspace as unknown as FileSearchWorkspace).registerFileSearchProvider('memfs', {
      provideFileSearchResults: (_query, options) => allFiles(fs, options.folder),
    }),
  );
  fs.ready = (async () => {
    const { workspace } = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(context.extensionUri, 'workspace.json')))) as { workspace: string };
    const target = vscode.Uri.from({ scheme: 'memfs', path: '/workspace' });
    const files = await fs.copyIn(vscode.Uri.parse(workspace), target);
    console.log(`[memfs] ${files} files copied from ${workspace} to ${target.toString()}`);
  })().catch((e: unknown) => {
    console.error(`[memfs] the workspace could not be copied: ${String(e)}`);
    throw e;
  });
}
