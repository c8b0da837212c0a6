/**
 * Plan files changed on disk, for clients that do not watch files for the server
 * (no dynamic registration of workspace/didChangeWatchedFiles: Neovim on Linux,
 * among others). Watches the workspace folders and reports created, changed and
 * deleted `*.pilot.yaml`, `*.pilot.yml` and `pilot-plan.config.yaml` in batches,
 * as the client's notifications would.
 *
 * Linux and the rest: one fs.watch per folder, without the folders plan discovery
 * skips (Node's recursive mode there puts a watch on every file, node_modules
 * included, and inotify's watches are few). macOS and Windows: one recursive watch
 * per workspace folder, the system's own. Folders are walked as plan discovery
 * walks them (engine/plan/walk.ts): the same skipped folders, no symbolic link
 * to a folder followed.
 */
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import { FileChangeType, type FileEvent } from 'vscode-languageserver';
import { pathToFileURL } from 'node:url';
import { CONFIG_FILE_NAME } from '../engine/plan/config';
import { SKIPPED_DIRS, isPilotFile, walkPilotFiles } from '../engine/plan/walk';
import type { DirEntry } from '../engine/plan/workspace';

export interface FileWatcherOptions {
  /** Quiet time (ms) after the last event before a batch is reported. */
  debounceMs?: number;
  /** Longest time (ms) a batch waits while events keep coming. */
  maxWaitMs?: number;
  /** `folders`: one watch per folder; `recursive`: one recursive watch per root. Default: by platform. */
  mode?: 'folders' | 'recursive';
  /** Most folders watched in `folders` mode (inotify's watches are shared by every program of the user). */
  maxFolders?: number;
}

/** A file the language server cares about: a plan file or a plan's configuration. */
export function isWatchedFile(name: string): boolean {
  return isPilotFile(name) || name === CONFIG_FILE_NAME;
}

/** A folder's files and folders, a link to a file among the files (reported, never followed), or undefined when it cannot be listed. */
function listing(dir: string): DirEntry[] | undefined {
  try {
    return fs.readdirSync(dir, { withFileTypes: true }).map((e): DirEntry => ({ name: e.name, kind: e.isDirectory() ? 'dir' : 'file' }));
  } catch {
    return undefined;
  }
}

function isUnder(path: string, dir: string): boolean {
  return path === dir || path.startsWith(dir.endsWith(nodePath.sep) ? dir : dir + nodePath.sep);
}

export class FileWatcher {
  private readonly mode: 'folders' | 'recursive';
  private readonly debounceMs: number;
  private readonly maxWaitMs: number;
  private readonly maxFolders: number;
  private roots: string[] = [];
  /** Watches: a folder (folders mode) or a root (recursive mode) → its watcher. */
  private readonly watches = new Map<string, fs.FSWatcher>();
  /** Watched files that exist, as last seen: tells a created file from a changed one, and what a removed folder held. */
  private readonly known = new Set<string>();
  /** Paths to look at in the next batch. */
  private readonly pending = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private firstPendingAt = 0;
  private full = false;
  private closed = false;

  constructor(
    private readonly report: (changes: FileEvent[]) => void,
    private readonly log: (message: string) => void,
    options: FileWatcherOptions = {},
  ) {
    this.mode = options.mode ?? (process.platform === 'darwin' || process.platform === 'win32' ? 'recursive' : 'folders');
    this.debounceMs = options.debounceMs ?? 100;
    this.maxWaitMs = options.maxWaitMs ?? 1000;
    this.maxFolders = options.maxFolders ?? 8000;
  }

  /** How many watches are open (folders, or roots in recursive mode). */
  get watchCount(): number {
    return this.watches.size;
  }

  /** Watches these folders (and what is below them) from now on, and no others. */
  setRoots(folders: string[]): void {
    if (this.closed) return;
    const next = [...new Set(folders.map((f) => nodePath.resolve(f)))];
    const covered = (p: string, roots: string[]) => roots.some((r) => isUnder(p, r));
    for (const old of this.roots) {
      if (covered(old, next)) continue;
      for (const [dir, w] of this.watches) if (isUnder(dir, old) && !covered(dir, next)) this.unwatch(dir, w);
      for (const f of this.known) if (isUnder(f, old) && !covered(f, next)) this.known.delete(f);
    }
    const added = next.filter((r) => !covered(r, this.roots));
    this.roots = next;
    for (const root of added) this.scan(root, []);
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    for (const [dir, w] of this.watches) this.unwatch(dir, w);
    this.pending.clear();
    this.known.clear();
  }

  private unwatch(dir: string, w: fs.FSWatcher): void {
    this.watches.delete(dir);
    try {
      w.close();
    } catch {
      // already closed
    }
  }

  /** Whether a path is in a folder plan discovery skips (below the root that holds it). */
  private skipped(path: string): boolean {
    const root = this.roots.find((r) => isUnder(path, r));
    if (!root) return true;
    return path.slice(root.length).split(/[\\/]/).some((s) => SKIPPED_DIRS.has(s));
  }

  private watch(path: string, recursive: boolean): void {
    if (this.watches.has(path) || this.closed) return;
    let w: fs.FSWatcher;
    try {
      w = fs.watch(path, { persistent: false, recursive }, (event, name) => {
        // Without a name (some systems, or an overflow), the whole folder is looked at again.
        if (!name) return this.note(path);
        const file = name.toString();
        // A folder appears or goes with 'rename'; 'change' matters for watched files only.
        if (event === 'change' && !isWatchedFile(nodePath.basename(file))) return;
        this.note(nodePath.join(path, file));
      });
    } catch (e) {
      this.failed(path, e);
      return;
    }
    w.on('error', (e) => {
      this.unwatch(path, w);
      // A folder that went away ends its watch; its parent's watch reports that.
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT' && (e as NodeJS.ErrnoException).code !== 'EPERM') this.failed(path, e);
    });
    this.watches.set(path, w);
  }

  private failed(path: string, e: unknown): void {
    const code = (e as NodeJS.ErrnoException)?.code;
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EACCES' || code === 'EPERM') return;
    if (!this.full) {
      const why = code === 'ENOSPC' || code === 'EMFILE' ? 'the system allows no more file watches' : (e as Error)?.message ?? String(e);
      this.log(`pilot-plan: cannot watch ${path} for changed files (${why}): files changed on disk there are not seen until they are opened`);
    }
    if (code === 'ENOSPC' || code === 'EMFILE') this.full = true;
  }

  private note(path: string): void {
    if (this.closed || this.skipped(path)) return;
    this.pending.add(path);
    const now = Date.now();
    if (this.timer) clearTimeout(this.timer);
    else this.firstPendingAt = now;
    const wait = Math.max(0, Math.min(this.debounceMs, this.firstPendingAt + this.maxWaitMs - now));
    this.timer = setTimeout(() => this.flush(), wait);
  }

  /** Looks at every noted path and reports what changed. */
  private flush(): void {
    this.timer = undefined;
    if (this.closed) return;
    const paths = [...this.pending];
    this.pending.clear();
    const changes: FileEvent[] = [];
    for (const path of paths) {
      let stat: fs.Stats | undefined;
      try {
        stat = fs.lstatSync(path);
      } catch {
        stat = undefined;
      }
      if (stat?.isDirectory()) this.scan(path, changes);
      else if (stat?.isFile() || stat?.isSymbolicLink()) {
        if (!isWatchedFile(nodePath.basename(path))) continue;
        changes.push({ uri: pathToFileURL(path).href, type: this.known.has(path) ? FileChangeType.Changed : FileChangeType.Created });
        this.known.add(path);
      } else this.removed(path, changes);
    }
    if (changes.length) this.report(changes);
  }

  /** A path is gone: a file, or a folder with everything below it. */
  private removed(path: string, changes: FileEvent[]): void {
    for (const [dir, w] of this.watches) if (isUnder(dir, path) && this.mode === 'folders') this.unwatch(dir, w);
    for (const f of [...this.known]) {
      if (!isUnder(f, path)) continue;
      this.known.delete(f);
      changes.push({ uri: pathToFileURL(f).href, type: FileChangeType.Deleted });
    }
  }

  /**
   * Walks a folder: watches it and its folders (folders mode; the root alone in
   * recursive mode), and reports the watched files that appeared in it (created)
   * or went (deleted) since it was last seen. On the first walk of a root, `changes`
   * is not reported: what is there is not news.
   */
  private scan(dir: string, changes: FileEvent[]): void {
    if (this.skipped(dir) && !this.roots.includes(dir)) return;
    const found = new Set<string>();
    // Folders mode: one watch per folder, up to the limit in all; recursive mode: the limit per walk.
    let budget = this.maxFolders - (this.mode === 'folders' ? this.watches.size : 0);
    let cut = false;
    // Each folder the walk enters, the first one too: counted against the limit and, folders mode, watched.
    const enter = (d: string) => {
      if (this.closed) return false;
      if (budget-- <= 0) {
        cut = true;
        return false;
      }
      if (this.mode === 'folders') this.watch(d, false);
      else if (this.roots.includes(d)) this.watch(d, true);
      return true;
    };
    if (enter(dir)) walkPilotFiles(dir, dir, (p) => void found.add(p), { readDir: listing, enter, match: isWatchedFile });
    if (cut) {
      if (!this.full) this.log(`pilot-plan: more than ${this.maxFolders} folders in the workspace: files changed on disk in the others are not seen until they are opened`);
      this.full = true;
    }
    for (const f of found) {
      if (this.known.has(f)) continue;
      this.known.add(f);
      changes.push({ uri: pathToFileURL(f).href, type: FileChangeType.Created });
    }
    // Files below folders the walk did not reach are not known to be gone.
    if (cut) return;
    for (const f of [...this.known]) {
      if (!isUnder(f, dir) || found.has(f) || this.skipped(f)) continue;
      this.known.delete(f);
      changes.push({ uri: pathToFileURL(f).href, type: FileChangeType.Deleted });
    }
  }
}
