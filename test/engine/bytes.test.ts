/**
 * server/src/engine/parse/bytes.browser.ts, the web worker's stand-in for bytes.ts (Node's Buffer):
 * the same answers on every kind of bytes the engine meets (ASCII, Chinese, a byte order mark,
 * invalid and truncated UTF-8, lone surrogates, NUL), so that a file reads the same in both servers.
 */
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import * as node from '../../server/src/engine/parse/bytes';
import * as browser from '../../server/src/engine/parse/bytes.browser';

const enc = new TextEncoder();
const CASES: Uint8Array[] = [
  new Uint8Array(),
  enc.encode('apiVersion: pilot-plan/v1\nkind: Plan\n'),
  enc.encode('\ufeffkind: Tasks # 广州市碳达峰试点\n'),
  enc.encode('名称: 😀 单位: 万吨标准煤'),
  Uint8Array.from([0xe5, 0xb9]), // truncated 广
  Uint8Array.from([0x61, 0xff, 0x62]),
  Uint8Array.from([0xed, 0xa0, 0x80]), // an encoded surrogate
  Uint8Array.from([0xc0, 0xaf]), // overlong
  Uint8Array.from([0x50, 0x6c, 0x61, 0x00, 0x5c]),
];

function same(bytes: Uint8Array): void {
  assert.equal(browser.isUtf8(bytes), node.isUtf8(bytes), `isUtf8 ${[...bytes]}`);
  if (node.isUtf8(bytes)) assert.equal(browser.utf8Text(bytes), node.utf8Text(bytes));
  assert.equal(browser.lenientUtf8Text(bytes), node.lenientUtf8Text(bytes));
  for (const needle of ['Plan', 0x5c, 'a']) assert.equal(browser.bytesInclude(bytes, needle), node.bytesInclude(bytes, needle));
}

describe('engine: bytes in a web worker = bytes in Node', () => {
  it('on the cases the engine meets', () => {
    for (const c of CASES) same(c);
    // A view into a larger buffer reads only its own bytes.
    const big = enc.encode('xxPlanxx');
    same(big.subarray(1, 5));
    assert.equal(browser.bytesInclude(big.subarray(3, 8), 'Plan'), false);
  });

  it('on random bytes and random text', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 64 }), (b) => same(b)), { numRuns: 2000 });
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 64 }), fc.string({ unit: fc.constantFrom('\ud800', '\udc00', 'a', '广'), maxLength: 8 }), (s, lone) => {
        const text = s + lone;
        assert.equal(browser.utf8ByteLength(text), node.utf8ByteLength(text), JSON.stringify(text));
        same(enc.encode(text));
      }),
      { numRuns: 2000 },
    );
  });
});
