/**
 * decode: valid UTF-8 gives the same text as Node's own decoder, whether the
 * bytes are ASCII (one byte a character) or not (ICU's converter to UTF-16,
 * or V8's decoder for a file over 64 KB).
 */
import * as assert from 'node:assert/strict';
import { decode } from '../../server/src/engine/parse/decode';

const bytes = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));

describe('decode', () => {
  const samples = [
    '',
    'apiVersion: pilot-plan/v1\nkind: Tasks\n',
    'title: 推进光伏建筑一体化\n',
    '\uFEFFkind: Plan # 方案\n',
    'note: "😀 𠮷 é ß ‰"\r\n',
    'x'.repeat(70000) + '中',
    '中'.repeat(30000),
    '\uFEFF' + '碳达峰 😀\n'.repeat(10000),
  ];

  it('gives what Buffer#toString gives, the byte order mark kept when asked', () => {
    for (const s of samples) {
      assert.equal(decode(bytes(s), { keepBom: true }).text, s);
      assert.equal(decode(bytes(s)).text, s.replace(/^\uFEFF/, ''));
    }
  });

  it('reads bytes at an offset of a larger buffer (the file host reuses one)', () => {
    const big = Buffer.alloc(100, 0x41);
    const text = '指标: IND-X\n';
    const n = big.write(text, 10, 'utf8');
    assert.equal(decode(big.subarray(10, 10 + n)).text, text);
  });
});
