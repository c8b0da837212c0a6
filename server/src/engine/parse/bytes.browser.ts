/**
 * bytes.ts for a web worker (build.mjs puts it in place of bytes.ts): the same answers by
 * TextDecoder, with no Buffer.
 */
const fatal = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lenient = new TextDecoder('utf-8', { ignoreBOM: true });

export function isUtf8(buf: Uint8Array): boolean {
  try {
    fatal.decode(buf);
    return true;
  } catch {
    return false;
  }
}

/** The size of text in UTF-8 (a lone surrogate counts 3, written as U+FFFD), as Buffer.byteLength counts. */
export function utf8ByteLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c < 0xdc00 && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

export function utf8Text(buf: Uint8Array): string {
  return lenient.decode(buf);
}

export function lenientUtf8Text(bytes: Uint8Array): string {
  return lenient.decode(bytes);
}

export function bytesInclude(bytes: Uint8Array, needle: string | number): boolean {
  const n = typeof needle === 'number' ? [needle] : Array.from(needle, (c) => c.charCodeAt(0));
  outer: for (let i = 0; i + n.length <= bytes.length; i++) {
    for (let k = 0; k < n.length; k++) if (bytes[i + k] !== n[k]) continue outer;
    return true;
  }
  return false;
}
