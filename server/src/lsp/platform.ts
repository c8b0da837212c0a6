/**
 * What the language server needs of where it runs, given to startServer (server.ts) by its entry:
 * Node (main.ts: the disk, real paths, its own watch) or a web worker (browser-main.ts: none of
 * them; the client sends the files).
 */
import type { FileEvent } from 'vscode-languageserver';
import type { FileHost } from '../engine/plan/workspace';

/** The server's own watch of the workspace folders (file-watcher.ts). */
export interface Watcher {
  setRoots(folders: string[]): void;
  readonly watchCount: number;
  close(): void;
}

export interface ServerPlatform {
  /** The file system; none in a web worker, where every file comes from the client. */
  files?: FileHost;
  /** A folder's real path (links followed), undefined when it cannot be found. */
  realPath(path: string): string | undefined;
  /** Watches the folders for plan files changed on disk, for a client that does not watch files. */
  watch?(report: (changes: FileEvent[]) => void, log: (message: string) => void): Watcher;
  /** Where a message goes when the connection cannot take it. */
  logFallback(message: string): void;
  /** Calls `handler` with what nothing else caught, so that a bug does not take the server down. */
  onUncaught(handler: (what: 'uncaught' | 'unhandled', error: unknown) => void): void;
}
