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
    // One open, one fstat, one read: the stamp and the bytes of the same file, without a stat by path.
    let fd: number | undefined;
    try {
      fd = fs.openSync(path, 'r');
      const s = fs.fstatSync(fd);
      if (!s.isFile()) return undefined;
      const bytes = Buffer.allocUnsafe(s.size);
      let got = 0;
      while (got < s.size) {
        const n = fs.readSync(fd, bytes, got, s.size - got, got);
        if (n === 0) break; // the file shrank while we read it
        got += n;
      }
      return { bytes: got === s.size ? bytes : bytes.subarray(0, got), stamp: `${s.mtimeMs}:${s.size}` };
    } catch {
      return undefined;
    } finally {
      if (fd !== undefined) fs.closeSync(fd);
    }
  }
}
