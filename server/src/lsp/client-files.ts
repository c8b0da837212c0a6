/**
 * The files the client sends (initialization option `workspaceFiles: 'client'`, notification
 * pilotPlan/workspaceFiles: protocol.ts), for a server that reads no file system, such as the one
 * in a web worker. The base host under the session's overlay: each file as the client last sent
 * it, a new stamp each time; folders are the folders of the files' paths.
 */
import { MAX_FILE_BYTES } from '../engine/parse/decode';
import type { DirEntry, FileContent, FileHost } from '../engine/plan/workspace';
import type { WorkspaceFile } from './protocol';

type Kept = { text: string } | { bytes: Uint8Array } | { tooLarge: number };

/** The bytes of base64 text (atob: in web workers and in Node alike). */
function base64Bytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** The separator of the paths the session makes (uri-path.ts): `/`, or `\` on Windows. */
function splitPath(path: string): { dir: string; name: string } | undefined {
  const at = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  if (at < 0) return undefined;
  const dir = at === 0 || (at === 2 && path[1] === ':') ? path.slice(0, at + 1) : path.slice(0, at);
  return dir === path ? undefined : { dir, name: path.slice(at + 1) };
}

export class ClientFileHost implements FileHost {
  private readonly files = new Map<string, { content: Kept; stamp: string }>();
  /** Folder → its entries: what readDir answers, kept as files come and go. */
  private readonly dirs = new Map<string, Map<string, DirEntry['kind']>>();
  private version = 0;

  /**
   * A file as the client sent it: `text` when its bytes are UTF-8 (a byte order mark kept),
   * `base64` of its bytes otherwise, `size` alone when it is above the size limit. A file with
   * none of them is empty. Throws on base64 that is not base64.
   */
  set(path: string, file: Omit<WorkspaceFile, 'uri'>): void {
    let content: Kept;
    if (typeof file.text === 'string') content = { text: file.text };
    else if (typeof file.base64 === 'string') content = { bytes: base64Bytes(file.base64) };
    else if (typeof file.size === 'number' && file.size > MAX_FILE_BYTES) content = { tooLarge: file.size };
    else content = { text: '' };
    if (!this.files.has(path)) this.addEntry(path, 'file');
    this.files.set(path, { content, stamp: `c${++this.version}` });
  }

  /** Whether there was such a file. */
  delete(path: string): boolean {
    if (!this.files.delete(path)) return false;
    this.removeEntry(path);
    return true;
  }

  has(path: string): boolean {
    return this.files.has(path);
  }

  private addEntry(path: string, kind: DirEntry['kind']): void {
    const s = splitPath(path);
    if (!s) return;
    let entries = this.dirs.get(s.dir);
    const isNew = !entries;
    if (!entries) this.dirs.set(s.dir, (entries = new Map()));
    entries.set(s.name, kind);
    if (isNew) this.addEntry(s.dir, 'dir');
  }

  /** A folder left empty goes with its last file, as it would from a listing of the files' paths. */
  private removeEntry(path: string): void {
    const s = splitPath(path);
    const entries = s && this.dirs.get(s.dir);
    if (!s || !entries) return;
    entries.delete(s.name);
    if (entries.size === 0) {
      this.dirs.delete(s.dir);
      this.removeEntry(s.dir);
    }
  }

  readDir(dir: string): DirEntry[] | undefined {
    const entries = this.dirs.get(dir);
    return entries && [...entries].map(([name, kind]) => ({ name, kind }));
  }

  stamp(path: string): string | undefined {
    return this.files.get(path)?.stamp;
  }

  read(path: string): FileContent | undefined {
    const f = this.files.get(path);
    return f && { ...f.content, stamp: f.stamp };
  }
}
