/**
 * Where two versions of a text differ, in whole lines, and where a span of the
 * old text is in the new one. The language server moves findings through an
 * edit with this instead of finding them again (moved-findings.ts).
 */
import type { Span } from '../findings';

export interface LineChange {
  /** Where the first changed line starts (the same in both versions). */
  from: number;
  /** Where the line after the last changed line starts in the old text (its length if none). */
  to: number;
  /** New length less old length: how far what follows the change moved. */
  delta: number;
}

/**
 * The chunk sizes the common start and end are compared in (natively: two slices of the texts, which
 * V8 compares without copying), largest first, each narrowing the difference down for the next, then
 * one character at a time. A 100k-line file is 2 million characters and a keystroke changes one:
 * ~60 comparisons instead of 8,000 chunks of 512 (1.3–2.0 → 0.33–0.44 ms a call; startsWith and
 * endsWith in place of the slices' `===` were as fast at first and 4–6 ms once optimized).
 */
const CHUNKS = [65536, 4096, 256, 16];

/**
 * The lines that differ between `before` and `after`: the text before `from`,
 * and the old text from `to` (in the new text from `to + delta`), are the same
 * in both. Undefined when the texts are equal.
 */
export function lineChange(before: string, after: string): LineChange | undefined {
  if (before === after) return undefined;
  const min = Math.min(before.length, after.length);
  let p = 0; // the common start
  for (const chunk of CHUNKS) while (p + chunk <= min && before.slice(p, p + chunk) === after.slice(p, p + chunk)) p += chunk;
  while (p < min && before.charCodeAt(p) === after.charCodeAt(p)) p++;
  let q = 0; // the common end, not reaching into the common start in either text
  const bl = before.length;
  const al = after.length;
  for (const chunk of CHUNKS) while (q + chunk <= min - p && before.slice(bl - q - chunk, bl - q) === after.slice(al - q - chunk, al - q)) q += chunk;
  while (q < min - p && before.charCodeAt(bl - 1 - q) === after.charCodeAt(al - 1 - q)) q++;
  const end = before.length - q; // the old text changed in [p, end)
  const from = p === 0 ? 0 : before.lastIndexOf('\n', p - 1) + 1;
  // A position on the last changed line of the old text (for an insertion, the line it goes into).
  const last = end > p ? end - 1 : p;
  const newline = before.indexOf('\n', last);
  return { from, to: newline < 0 ? before.length : newline + 1, delta: after.length - before.length };
}

/**
 * The span in the new text when it lies on lines the change did not touch:
 * the same before them, moved by `delta` after them. Undefined when it touches
 * a changed line; an empty span where the changed lines start counts as
 * touching them.
 */
export function moveSpan(span: Span, change: LineChange): Span | undefined {
  if (span.end < change.from || (span.end === change.from && span.start < span.end)) return span;
  if (span.start >= change.to) return { start: span.start + change.delta, end: span.end + change.delta };
  return undefined;
}
