/**
 * applyToText (parse/edit.ts): an editor's changes applied in order, and the
 * whole lines of the old text they touched. Against a plain reference over
 * random texts and random lists of one to four changes: the text equals the
 * changes applied one by one, and the line change is the smallest run of whole
 * old lines that holds every changed range.
 */
import * as assert from 'node:assert/strict';
import { applyToText, type ContentChange } from '../../server/src/engine/parse/edit';
import { LineIndex } from '../../server/src/engine/text/line-index';
import { rng } from '../util/mutants';

const PIECES = ['a', 'bc', '中文', '\n', '  - id: T-1\n', 'x: 1\n', ''];

function text(r: () => number, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += PIECES[Math.floor(r() * PIECES.length)];
  return s;
}

/** Offset → LSP position in `t` (LF only here). */
function position(t: string, offset: number) {
  const before = t.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

/** The old text's changed region, tracked as intervals of the current text through each change. */
function reference(old: string, edits: { start: number; end: number; text: string }[]) {
  let spans: [number, number][] = [];
  let delta = 0;
  for (const e of edits) {
    const d = e.text.length - (e.end - e.start);
    let a = e.start;
    let b = e.start + e.text.length;
    const kept: [number, number][] = [];
    for (const [x, y] of spans) {
      if (y < e.start) kept.push([x, y]);
      else if (x > e.end) kept.push([x + d, y + d]);
      else {
        a = Math.min(a, x);
        b = Math.max(b, y <= e.end ? e.start + e.text.length : y + d);
      }
    }
    spans = [...kept, [a, b]];
    delta += d;
  }
  const lo = Math.min(...spans.map((s) => s[0]));
  const hi = Math.max(...spans.map((s) => s[1]));
  const oldEnd = hi - delta;
  const from = old.lastIndexOf('\n', lo - 1) + 1;
  const last = oldEnd > lo ? oldEnd - 1 : lo;
  const nl = old.indexOf('\n', last);
  return { from: lo === 0 ? 0 : from, to: nl < 0 ? old.length : nl + 1, delta };
}

describe('applyToText', () => {
  it('over 5,000 random lists of changes: the text of the changes applied in order, and the smallest run of whole old lines holding them', () => {
    const r = rng(11);
    for (let k = 0; k < 5000; k++) {
      const old = text(r, 1 + Math.floor(r() * 10));
      let cur = old;
      const changes: ContentChange[] = [];
      const edits: { start: number; end: number; text: string }[] = [];
      for (let c = 1 + Math.floor(r() * 4); c > 0; c--) {
        const start = Math.floor(r() * (cur.length + 1));
        const end = start + Math.floor(r() * (cur.length - start + 1));
        const t = text(r, Math.floor(r() * 3));
        changes.push({ range: { start: position(cur, start), end: position(cur, end) }, text: t });
        edits.push({ start, end, text: t });
        cur = cur.slice(0, start) + t + cur.slice(end);
      }
      const got = applyToText(old, new LineIndex(old), changes);
      const label = JSON.stringify({ old, edits });
      assert.equal(got.text, cur, label);
      assert.deepEqual(got.change, reference(old, edits), label);
    }
  });

  it('no changes: the same text and no line change; a change without a range replaces the whole text', () => {
    assert.deepEqual(applyToText('a\nb\n', new LineIndex('a\nb\n'), []), { text: 'a\nb\n', lines: applyToText('a\nb\n', new LineIndex('a\nb\n'), []).lines, change: undefined });
    const whole = applyToText('a\nb\n', new LineIndex('a\nb\n'), [{ text: 'c\n' }]);
    assert.deepEqual([whole.text, whole.change], ['c\n', { from: 0, to: 4, delta: -2 }]);
  });

  it('a position past the last line or before the first clamps to the text', () => {
    const far = applyToText('a\nb', new LineIndex('a\nb'), [{ range: { start: { line: 9, character: 0 }, end: { line: 9, character: 0 } }, text: 'c' }]);
    assert.equal(far.text, 'a\nbc');
    const before = applyToText('a\nb', new LineIndex('a\nb'), [{ range: { start: { line: -1, character: 0 }, end: { line: 0, character: 1 } }, text: 'z' }]);
    assert.equal(before.text, 'z\nb');
    const lineCount = applyToText('a\nb', new LineIndex('a\nb'), [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: 'c' }]);
    assert.equal(lineCount.text, 'a\nbc', 'the line after the last is the end of the text');
    const negative = applyToText('ab\ncd', new LineIndex('ab\ncd'), [{ range: { start: { line: -1, character: 1 }, end: { line: -1, character: 1 } }, text: 'z' }]);
    assert.equal(negative.text, 'zab\ncd', 'a line before the first is the start of the text, whatever its character');
    const pastEnd = applyToText('ab\ncd', new LineIndex('ab\ncd'), [{ range: { start: { line: 0, character: 9 }, end: { line: 0, character: 9 } }, text: '!' }]);
    assert.equal(pastEnd.text, 'ab!\ncd', 'a character past the line end clamps to it, before the line break');
  });
});
