/**
 * LineIndex.edited (a keystroke's line starts without scanning the whole
 * text) against a fresh index of the same text, over random texts of LF,
 * CRLF and lone CR line breaks and random replacements, breaks at their edges.
 */
import * as assert from 'node:assert/strict';
import { LineIndex } from '../../server/src/engine/text/line-index';
import { rng } from '../util/mutants';

const PIECES = ['a', 'bc', '中文', '\n', '\r', '\r\n', '  - id: T-1', ''];

function text(r: () => number, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += PIECES[Math.floor(r() * PIECES.length)];
  return s;
}

function starts(index: LineIndex): number[] {
  const out: number[] = [];
  for (let l = 0; l < index.lineCount; l++) out.push(index.lineStart(l));
  return out;
}

describe('LineIndex.edited', () => {
  it('gives the line starts a fresh index gives, after 20,000 random replacements', () => {
    const r = rng(7);
    for (let k = 0; k < 20000; k++) {
      const before = text(r, 1 + Math.floor(r() * 12));
      const start = Math.floor(r() * (before.length + 1));
      const end = start + Math.floor(r() * (before.length - start + 1));
      const inserted = text(r, Math.floor(r() * 4));
      const after = before.slice(0, start) + inserted + before.slice(end);
      const old = new LineIndex(before);
      old.lineCount; // computed, as the previous version's would be
      const got = old.edited(after, start, end, inserted.length);
      assert.deepEqual(starts(got), starts(new LineIndex(after)), JSON.stringify({ before, start, end, inserted }));
      assert.deepEqual(starts(old), starts(new LineIndex(before)), 'the edited index, asked again, still knows its own text');
    }
  });

  it('a CR before the change joins an LF it inserts, and an inserted CR joins an LF after it', () => {
    const old = new LineIndex('a\rb');
    assert.deepEqual(starts(old.edited('a\r\nb', 2, 2, 1)), [0, 3]);
    const old2 = new LineIndex('a\nb');
    assert.deepEqual(starts(old2.edited('a\r\nb', 1, 1, 1)), [0, 3]);
  });
});
