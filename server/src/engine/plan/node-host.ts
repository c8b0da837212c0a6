/** The file host for the command line: the real file system. */
import * as fs from 'node:fs';
import { decode, MAX_FILE_BYTES } from '../parse/decode';
import type { DirEntry, FileContent, FileHost } from './workspace';

/** Files up to this size are read into one buffer the host keeps; larger ones get a buffer of their own. */
const SCRATCH_MAX = 1 << 20;

/** The stamp of every file a host without stamps reads (`stamps: false`). */
export const UNSTAMPED = 'read';

export class NodeFileHost implements FileHost {
  /**
   * `stamps: false` is for a snapshot (the checker), which reads each file once and never
   * compares stamps: a file that fits the buffer is read without the fstat a stamp needs
   * (bench/README.md), its stamp UNSTAMPED.
   */
  constructor(private readonly options: { stamps?: boolean } = {}) {}

  /**
   * Reused for every read, since a fresh buffer per file costs an allocation and a page fault
   * per 4 KB written into it (bench/README.md). Bytes never leave the host in it: they leave
   * as text, or as a copy when they cannot be text.
   */
  private scratch = Buffer.allocUnsafeSlow(64 * 1024);

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

  /**
   * The text of a file that decodes cleanly (decode.ts: UTF-8, no NUL, not too
   * large; the byte order mark stays, for the parser to strip as from an
   * editor), else its bytes, for the parser to say what is wrong with them.
   */
  read(path: string): FileContent | undefined {
    // One open, one fstat, one read: the stamp and the bytes of the same file, without a stat by path.
    let fd: number | undefined;
    try {
      fd = fs.openSync(path, 'r');
      if (this.options.stamps === false) {
        // A read that returns less than it asked for has met the end of a regular file. A folder
        // fails to read; a file that fills the buffer (or a device) goes the way below.
        const n = fs.readSync(fd, this.scratch, 0, this.scratch.length, 0);
        if (n < this.scratch.length) return this.content(this.scratch, n, UNSTAMPED);
      }
      const s = fs.fstatSync(fd);
      if (!s.isFile()) return undefined;
      // Above the limit the size alone makes the finding: reading 1.5 GB first took seconds and as much memory.
      if (s.size > MAX_FILE_BYTES) return { tooLarge: s.size, stamp: `${s.mtimeMs}:${s.size}` };
      if (s.size > this.scratch.length && s.size <= SCRATCH_MAX) this.scratch = Buffer.allocUnsafeSlow(Math.min(SCRATCH_MAX, Math.max(s.size, this.scratch.length * 2)));
      const buffer = s.size <= this.scratch.length ? this.scratch : Buffer.allocUnsafeSlow(s.size);
      let got = 0;
      while (got < s.size) {
        const n = fs.readSync(fd, buffer, got, s.size - got, got);
        if (n === 0) break; // the file shrank while we read it
        got += n;
      }
      return this.content(buffer, got, `${s.mtimeMs}:${s.size}`);
    } catch {
      return undefined;
    } finally {
      if (fd !== undefined) fs.closeSync(fd);
    }
  }

  /** The first `size` bytes of `buffer` as text, or as bytes of their own where they cannot be text. */
  private content(buffer: Buffer, size: number, stamp: string): FileContent {
    const bytes = buffer.subarray(0, size);
    const decoded = decode(bytes, { keepBom: true });
    if (!decoded.problem) return { text: decoded.text, stamp };
    return { bytes: buffer === this.scratch ? Uint8Array.prototype.slice.call(bytes) : bytes, stamp };
  }
}
