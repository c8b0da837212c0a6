/**
 * Bytes → text, with the checks that come before YAML: size, binary content,
 * UTF-8 validity and the byte order mark. Each failure is a person-readable
 * message, never an exception.
 */
import { isUtf8, utf8ByteLength, utf8Text } from './bytes';
import { msg, defineMessages, type Message } from '../i18n/messages';

/** Larger files get one finding instead of a parse: parsing cost grows with size. */
export const MAX_FILE_BYTES = 8 * 1024 * 1024;

defineMessages({
  'decode.too-large': {
    en: 'The file is {size} MiB; pilot plan files are checked up to {limit} MiB. Split it into several Tasks, Projects or Indicators files.',
    zh: '文件大小为 {size} MiB，超过检查上限 {limit} MiB。请拆分为多个 Tasks、Projects 或 Indicators 文件。',
  },
  'decode.binary': {
    en: 'The file is binary (it contains a NUL byte at byte {offset}), not YAML text. Replace it with a YAML file or remove it.',
    zh: '该文件是二进制文件（第 {offset} 字节为 NUL），不是 YAML 文本。请换成 YAML 文件或删除。',
  },
  'decode.invalid-utf8': {
    en: 'The file is not valid UTF-8 (bad byte at {offset}). Save it as UTF-8.',
    zh: '文件不是有效的 UTF-8 编码（第 {offset} 字节无效）。请以 UTF-8 编码保存。',
  },
});

export type Decoded = { text: string; problem?: undefined } | { text: string; problem: Message; byteOffset: number };


function firstInvalidUtf8(buf: Uint8Array): number {
  // Only reached when the fast decoder already failed: find the byte for the message.
  let i = 0;
  while (i < buf.length) {
    const b = buf[i];
    const n = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    if (n < 0 || i + n >= buf.length + (n === 0 ? 1 : 0)) return i;
    for (let k = 1; k <= n; k++) if ((buf[i + k] & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return Math.max(0, buf.length - 1);
}

/** The finding of a file of `size` bytes, above MAX_FILE_BYTES. */
export function tooLarge(size: number): Message {
  return msg('decode.too-large', { size: (size / 1048576).toFixed(1), limit: MAX_FILE_BYTES / 1048576 });
}

/** Whether text (an editor's, or a file's already read) is above the limit in UTF-8 bytes: at most 3 bytes a UTF-16 unit. */
export function textTooLarge(text: string): boolean {
  return text.length > MAX_FILE_BYTES / 3 && (text.length > MAX_FILE_BYTES || utf8ByteLength(text) > MAX_FILE_BYTES);
}

/** `keepBom`: the byte order mark stays at the start of the text (for a parser that strips it). */
export function decode(buf: Uint8Array, options: { keepBom?: boolean } = {}): Decoded {
  if (buf.length > MAX_FILE_BYTES) return { text: '', problem: tooLarge(buf.length), byteOffset: 0 };
  const nul = buf.indexOf(0);
  if (nul >= 0) return { text: '', problem: msg('decode.binary', { offset: nul }), byteOffset: nul };
  // isUtf8 validates natively, several times faster than a fatal TextDecoder.
  if (!isUtf8(buf)) {
    const at = firstInvalidUtf8(buf);
    return { text: '', problem: msg('decode.invalid-utf8', { offset: at }), byteOffset: at };
  }
  const text = utf8Text(buf);
  return { text: options.keepBom ? text : stripBom(text) };
}

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
