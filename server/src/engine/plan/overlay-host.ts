/**
 * A file host whose files can be shadowed by text held in memory: open
 * editor documents in the language server, standard input in the CLI.
 * Shadowed files exist even if they are not on disk (an unsaved new file).
 */
import * as nodePath from 'node:path';
import type { DirEntry, FileContent, FileHost } from './workspace';

export class OverlayFileHost implements FileHost {
  private readonly overlay = new Map<string, { content: string | Uint8Array; version: string }>();

  constructor(private readonly base: FileHost) {}

  /** Text from an editor, or bytes (standard input) that still need decoding. */
  setOverlay(path: string, content: string | Uint8Array, version: string | number): void {
    this.overlay.set(path, { content, version: `o${version}` });
  }

  clearOverlay(path: string): void {
    this.overlay.delete(path);
  }

  hasOverlay(path: string): boolean {
    return this.overlay.has(path);
  }

  readDir(dir: string): DirEntry[] | undefined {
    const entries = this.base.readDir(dir);
    let extra: DirEntry[] | undefined;
    for (const p of this.overlay.keys()) {
      if (nodePath.dirname(p) !== dir) continue;
      const name = nodePath.basename(p);
      if (entries?.some((e) => e.name === name) || extra?.some((e) => e.name === name)) continue;
      (extra ??= []).push({ name, kind: 'file' });
    }
    return extra ? [...(entries ?? []), ...extra] : entries;
  }

  stamp(path: string): string | undefined {
    return this.overlay.get(path)?.version ?? this.base.stamp(path);
  }

  read(path: string): FileContent | undefined {
    const o = this.overlay.get(path);
    if (!o) return this.base.read(path);
    return typeof o.content === 'string' ? { text: o.content, stamp: o.version } : { bytes: o.content, stamp: o.version };
  }
}
