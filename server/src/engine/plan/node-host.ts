/** The file host for the command line: the real file system. */
import * as fs from 'node:fs';
import type { DirEntry, FileContent, FileHost } from './workspace';

export class NodeFileHost implements FileHost {
  readDir(dir: string): DirEntry[] | undefined {
    try {
      return fs
        .readdirSync(dir, { withFileTypes: true })
        .filter((d) => d.isFile() || d.isDirectory())
        .map((d) => ({ name: d.name, kind: d.isDirectory() ? ('dir' as const) : ('file' as const) }));
    } catch {
      return undefined;
    }
  }

  stamp(path: string): string | undefined {
    try {
      const s = fs.statSync(path);
      return s.isFile() ? `${s.mtimeMs}:${s.size}` : undefined;
    } catch {
      return undefined;
    }
  }

  read(path: string): FileContent | undefined {
    try {
      const s = fs.statSync(path);
      if (!s.isFile()) return undefined;
      return { bytes: fs.readFileSync(path), stamp: `${s.mtimeMs}:${s.size}` };
    } catch {
      return undefined;
    }
  }
}
