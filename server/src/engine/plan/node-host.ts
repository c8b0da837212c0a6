/** The file host for the command line: the real file system. */
import * as fs from 'node:fs';
import { MAX_FILE_BYTES } from '../parse/decode';
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
    // One open and one fstat: the stamp and the content of the same file, without a stat by path.
    let fd: number | undefined;
    try {
      fd = fs.openSync(path, 'r');
      const s = fs.fstatSync(fd);
      if (!s.isFile()) return undefined;
      const stamp = `${s.mtimeMs}:${s.size}`;
      if (s.size <= MAX_FILE_BYTES) {
        // Read and decoded in one native call, a fifth faster on a plan's worth of files than bytes
        // and then a decode. A decoder's replacement character or a NUL may mean the file is not
        // UTF-8 text: those are read again as bytes, for decode() to say what is wrong and where.
        const text = fs.readFileSync(fd, 'utf8');
        if (!text.includes('\uFFFD') && !text.includes('\0')) return { text, stamp };
      }
      return { bytes: readBytes(fd, s.size), stamp };
    } catch {
      return undefined;
    } finally {
      if (fd !== undefined) fs.closeSync(fd);
    }
  }
}

/** The file's bytes from its start (the file may have shrunk since its size was read). */
function readBytes(fd: number, size: number): Buffer {
  const bytes = Buffer.allocUnsafe(size);
  let got = 0;
  while (got < size) {
    const n = fs.readSync(fd, bytes, got, size - got, got);
    if (n === 0) break;
    got += n;
  }
  return got === size ? bytes : bytes.subarray(0, got);
}
