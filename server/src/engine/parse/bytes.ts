/**
 * What the engine does with bytes, by Node's native Buffer (the checker's fast paths: bench/README.md,
 * What was measured and kept). The web worker bundle takes bytes.browser.ts in its place (build.mjs).
 */
import { isAscii, isUtf8, transcode } from 'node:buffer';

export { isUtf8 };

/** The size of text in UTF-8 (a lone surrogate counts 3, written as U+FFFD). */
export function utf8ByteLength(text: string): number {
  return Buffer.byteLength(text);
}

/**
 * Above this size V8's own decoder is the faster: ICU's converter writes the
 * whole UTF-16 text into a buffer of its own first, and a large buffer is
 * fresh memory, each 4 KB of it a page fault on first write.
 */
const TRANSCODE_MAX = 64 * 1024;

/**
 * The text of valid UTF-8, byte order mark kept. Plan files are mostly Chinese, so their text is
 * two-byte: ICU's converter to UTF-16 and a copy are faster than V8's decoder
 * for small files, V8's decoder for large ones (bench/README.md, What was
 * measured and kept). ASCII stays one byte a character.
 */
export function utf8Text(buf: Uint8Array): string {
  const b = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  if (isAscii(b)) return b.toString('latin1');
  if (b.length > TRANSCODE_MAX) return b.toString('utf8');
  return transcode(b, 'utf8', 'utf16le').toString('utf16le');
}

/** Bytes as UTF-8 whatever they are: a bad sequence becomes U+FFFD; the byte order mark is kept. */
export function lenientUtf8Text(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('utf8');
}

/** Whether the bytes hold an ASCII string or byte (native search, without decoding them). */
export function bytesInclude(bytes: Uint8Array, needle: string | number): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(needle);
}
