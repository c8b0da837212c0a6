/**
 * A file host whose files can be shadowed by what is held in memory: open
 * editor documents (parsed as they change) in the language server, standard
 * input in the CLI. Shadowed files exist even if they are not on disk (an
 * unsaved new file).
 */
import * as nodePath from 'node:path';
import type { ParsedFile } from '../parse/parsed-file';
import type { DirEntry, FileContent, FileHost } from './workspace';

export class OverlayFileHost implements FileHost {
  private readonly overlay = new Map<string, { content: ParsedFile | Uint8Array; version: string }>();

  constructor(private readonly base: FileHost) {}

  /** An editor's document, parsed, or bytes (standard input) that still need decoding. */
  setOverlay(path: string, content: ParsedFile | Uint8Array, version: string | number): void {
    this.overlay.set(path, { content, version: `o${version}` });
  }

  /** The parsed document shadowing `path`, if any. */
  overlayOf(path: string): ParsedFile | undefined {
    const o = this.overlay.get(path);
    return o && !(o.content instanceof Uint8Array) ? o.content : undefined;
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
    return o.content instanceof Uint8Array ? { bytes: o.content, stamp: o.version } : { parsed: o.content, text: o.content.text, stamp: o.version };
  }
}
