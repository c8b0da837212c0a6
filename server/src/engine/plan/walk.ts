/**
 * The one folder walk of plan discovery (a plan's members) and of the checker's folder
 * arguments: the pilot files below a folder, in name order, skipping the folders that hold no
 * plan files of the user's. A listing holds files and folders only (a FileHost lists no
 * symbolic link), so no link is ever followed; and each folder is entered once by its real
 * path, whatever path leads to it (walks that share a `visited` set enter none twice).
 */
import * as nodePath from 'node:path';
import type { DirEntry } from './workspace';

export const PILOT_FILE = /\.pilot\.ya?ml$/;

/** Folders that hold no plan files of the user's: never searched (by plan discovery and by the checker's path arguments). */
export const SKIPPED_DIRS: ReadonlySet<string> = new Set(['node_modules', '.git', '.hg', '.svn']);

export function isPilotFile(name: string): boolean {
  return PILOT_FILE.test(name);
}

/**
 * An entry of a folder listing under its folder's path: `dir` is already
 * absolute and normalized, and `name` one path segment, so no normalizing
 * is needed (path.join's cost, thousands of times in a big plan's walk).
 */
export function childPath(dir: string, name: string): string {
  return dir.endsWith(nodePath.sep) ? dir + name : dir + nodePath.sep + name;
}

export interface WalkOptions {
  /** The files and folders in a folder (no symbolic links), or undefined when it cannot be listed. */
  readDir(dir: string): readonly DirEntry[] | undefined;
  /** Whether to enter a folder below the root (a sub-plan is not entered for its parent's members); asked after SKIPPED_DIRS. */
  enter?(dir: string, name: string): boolean;
  /** The real paths of the folders entered; walks that share it enter no folder twice. */
  visited?: Set<string>;
  /** Which files `found` is called with, by name: pilot files unless told (the server's watch adds the configuration). */
  match?(name: string): boolean;
}

/**
 * Calls `found` with each pilot file (or each file `match` takes) below `root`, folder by folder in name order (a folder's
 * files and sub-folders interleaved by name, a sub-folder walked where its name comes), until it
 * returns false. `realRoot` is the root's real path: since a listing holds no links, a folder's
 * real path is its parent's and its name. A stack of folders, not recursion.
 */
export function walkPilotFiles(root: string, realRoot: string, found: (path: string) => void | boolean, options: WalkOptions): void {
  const visited = options.visited ?? new Set<string>();
  const match = options.match ?? isPilotFile;
  if (visited.has(realRoot)) return;
  visited.add(realRoot);
  // One frame per folder being walked: its path, real path, sorted entries and the next one to look at.
  const stack: { dir: string; real: string; entries: DirEntry[]; next: number }[] = [];
  const open = (dir: string, real: string) => {
    const listed = options.readDir(dir);
    if (listed) stack.push({ dir, real, entries: listed.slice().sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)), next: 0 });
  };
  open(root, realRoot);
  while (stack.length) {
    const top = stack[stack.length - 1];
    if (top.next >= top.entries.length) {
      stack.pop();
      continue;
    }
    const e = top.entries[top.next++];
    const p = childPath(top.dir, e.name);
    if (e.kind === 'file') {
      if (match(e.name) && found(p) === false) return;
      continue;
    }
    if (SKIPPED_DIRS.has(e.name)) continue;
    const real = childPath(top.real, e.name);
    if (visited.has(real) || (options.enter && !options.enter(p, e.name))) continue;
    visited.add(real);
    open(p, real);
  }
}
