/**
 * Offsets ↔ line/character conversion for one text.
 *
 * Lines and characters are 0-based here, characters in UTF-16 code units — the
 * same units JavaScript strings and LSP use. Output layers add 1 where a format
 * counts from 1. Line starts are computed once, lazily, on first use, because
 * most files of a clean plan never need a position.
 */
export interface Position {
  line: number;
  character: number;
}

export class LineIndex {
  private starts: number[] | undefined;

  constructor(private readonly text: string) {}

  private lineStarts(): number[] {
    if (this.starts) return this.starts;
    const starts = [0];
    const t = this.text;
    for (let i = 0; i < t.length; i++) {
      const c = t.charCodeAt(i);
      if (c === 10 /* \n */) starts.push(i + 1);
      else if (c === 13 /* \r */) {
        if (t.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    this.starts = starts;
    return starts;
  }

  /**
   * The index of `text`, this text with [start, end) replaced by `length`
   * characters: only the changed lines are scanned, and the line starts move
   * to the new index in place (a copy of 100k line starts per keystroke costs
   * more than the rest of it); this index, if asked again, scans its text anew.
   */
  edited(text: string, start: number, end: number, length: number): LineIndex {
    const starts = this.lineStarts();
    this.starts = undefined;
    const delta = length - (end - start);
    // Scan from the line before the change's start: a CR there may join an LF the change begins with.
    let a = 0;
    let b = starts.length - 1;
    const from = Math.max(0, start - 1);
    while (a < b) {
      const mid = (a + b + 1) >> 1;
      if (starts[mid] <= from) a = mid;
      else b = mid - 1;
    }
    const found: number[] = [];
    const stop = Math.min(text.length, end + delta + 1);
    for (let i = starts[a]; i < stop; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) found.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        found.push(i + 1);
      }
    }
    // The old starts the scan replaced: after line a, up to the first one past the change that still starts a line.
    const last = found.length > 0 ? found[found.length - 1] : starts[a];
    let k = a + 1;
    while (k < starts.length && !(starts[k] > end && starts[k] + delta > last)) k++;
    const removed = k - (a + 1);
    // Move the starts after the change by the lines it added or removed (in place), adding delta on the way.
    const shift = found.length - removed;
    const n = starts.length;
    if (shift > 0) {
      starts.length = n + shift;
      for (let j = n - 1; j >= k; j--) starts[j + shift] = starts[j] + delta;
    } else if (shift < 0 || delta !== 0) {
      for (let j = k; j < n; j++) starts[j + shift] = starts[j] + delta;
      starts.length = n + shift;
    }
    for (let j = 0; j < found.length; j++) starts[a + 1 + j] = found[j];
    const index = new LineIndex(text);
    index.starts = starts;
    return index;
  }

  /** Takes the line starts of `other`, an index of a text with the same line breaks (a lone CR made LF). */
  adopt(other: LineIndex): void {
    if (!this.starts && other.starts && other.text.length === this.text.length) this.starts = other.starts;
  }

  get lineCount(): number {
    return this.lineStarts().length;
  }

  positionAt(offset: number): Position {
    const starts = this.lineStarts();
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - starts[lo] };
  }

  offsetAt(pos: Position): number {
    const starts = this.lineStarts();
    if (pos.line < 0) return 0;
    if (pos.line >= starts.length) return this.text.length;
    const lineEnd = pos.line + 1 < starts.length ? starts[pos.line + 1] : this.text.length;
    return Math.min(starts[pos.line] + Math.max(0, pos.character), lineEnd);
  }

  /** Start offset of a 0-based line. */
  lineStart(line: number): number {
    const starts = this.lineStarts();
    return starts[Math.max(0, Math.min(line, starts.length - 1))];
  }

  /** End offset of a 0-based line, before its line break. */
  lineEnd(line: number): number {
    const starts = this.lineStarts();
    if (line + 1 >= starts.length) return this.text.length;
    let end = starts[line + 1];
    if (this.text.charCodeAt(end - 1) === 10) end--;
    if (this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }
}
