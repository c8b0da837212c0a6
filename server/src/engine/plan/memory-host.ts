/**
 * A file host over an in-memory tree: for tests, and as the base of the
 * editor's overlay (open documents shadow the disk).
 */
import * as nodePath from 'node:path';
import type { DirEntry, FileContent, FileHost } from './workspace';

export class MemoryFileHost implements FileHost {
  private readonly files = new Map<string, { text: string; version: number }>();
  private version = 0;

  constructor(files: Record<string, string> = {}) {
    for (const [p, t] of Object.entries(files)) this.set(p, t);
  }

  set(path: string, text: string): void {
    this.files.set(nodePath.resolve(path), { text, version: ++this.version });
  }

  delete(path: string): void {
    this.files.delete(nodePath.resolve(path));
  }

  readDir(dir: string): DirEntry[] | undefined {
    const d = nodePath.resolve(dir);
    const prefix = d.endsWith(nodePath.sep) ? d : d + nodePath.sep;
    const seen = new Map<string, DirEntry>();
    for (const p of this.files.keys()) {
      if (!p.startsWith(prefix)) continue;
      const rest = p.slice(prefix.length).split(nodePath.sep);
      const name = rest[0];
      if (!seen.has(name)) seen.set(name, { name, kind: rest.length > 1 ? 'dir' : 'file' });
    }
    return seen.size || d === nodePath.parse(d).root ? [...seen.values()] : undefined;
  }

  stamp(path: string): string | undefined {
    const f = this.files.get(nodePath.resolve(path));
    return f ? String(f.version) : undefined;
  }

  read(path: string): FileContent | undefined {
    const f = this.files.get(nodePath.resolve(path));
    return f ? { text: f.text, stamp: String(f.version) } : undefined;
  }
}
