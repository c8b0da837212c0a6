/**
 * The one incremental entry point: a file's next version from the changes an
 * editor sends (LSP `contentChanges`), parsed with the previous version's
 * segments where the changes did not reach. The changed region comes from the
 * changes' own ranges: no two whole texts are compared.
 */
import { LineIndex, type Position } from '../text/line-index';
import type { LineChange } from '../text/line-change';
import type { ParsedFile } from './parsed-file';
import { parseText, reparse } from './load';

/** An editor's change: `range` in the text as it is before this change (no range: the whole text). */
export interface ContentChange {
  range?: { start: Position; end: Position };
  text: string;
}

/** `changes` applied in order to `text`, and the whole lines they touched (undefined: none). */
export function applyToText(text: string, lines: LineIndex, changes: readonly ContentChange[]): { text: string; lines: LineIndex; change: LineChange | undefined } {
  const oldText = text;
  // The changed region in the current text's offsets: [lo, hi); everything outside it is the old text.
  let lo = Infinity;
  let hi = -Infinity;
  let delta = 0;
  for (const c of changes) {
    const start = c.range ? offsetIn(text, lines, c.range.start) : 0;
    const end = c.range ? Math.max(start, offsetIn(text, lines, c.range.end)) : text.length;
    text = text.slice(0, start) + c.text + text.slice(end);
    const d = c.text.length - (end - start);
    // The region's end moves with the text after this change, or ends with what it inserted.
    hi = hi >= end ? hi + d : start + c.text.length;
    lo = Math.min(lo, start);
    delta += d;
    lines = lines.edited(text, start, end, c.text.length);
  }
  if (lo === Infinity) return { text, lines, change: undefined };
  // Whole lines of the old text: from the start of the first changed line to the start of the line after the last.
  const oldEnd = hi - delta;
  const from = lo === 0 ? 0 : oldText.lastIndexOf('\n', lo - 1) + 1;
  const last = oldEnd > lo ? oldEnd - 1 : lo;
  const newline = oldText.indexOf('\n', last);
  return { text, lines, change: { from, to: newline < 0 ? oldText.length : newline + 1, delta } };
}

/** A position's offset, clamped to its line before the line break (as LSP's text documents do). */
function offsetIn(text: string, lines: LineIndex, p: Position): number {
  if (p.line >= lines.lineCount) return text.length;
  return Math.min(lines.lineStart(p.line) + Math.max(0, p.character), lines.lineEnd(p.line));
}

/**
 * The version of `file` after `changes`. Equal (data, problems, positions) to
 * a fresh parse of the new text; only the segments on the lines the changes
 * touched are parsed again.
 */
export function applyChanges(file: ParsedFile, changes: readonly ContentChange[]): ParsedFile {
  // A text the parse changed (a byte order mark, lone CRs): the ranges count in the editor's text, parsed afresh.
  if (file.source !== undefined) return parseText(file.path, applyToText(file.source, new LineIndex(file.source), changes).text);
  const { text, lines, change } = applyToText(file.text, file.lines, changes);
  const next = reparse(file, text, change);
  next.lines.adopt(lines);
  return next;
}
