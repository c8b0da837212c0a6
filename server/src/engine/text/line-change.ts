/**
 * Which whole lines of a text an edit changed: what parse/edit.ts finds from
 * an editor's change ranges, and what the segmenter and the segment parses
 * read to keep the rest.
 */
export interface LineChange {
  /** Where the first changed line starts (the same in both versions). */
  from: number;
  /** Where the line after the last changed line starts in the old text (its length if none). */
  to: number;
  /** New length less old length: how far what follows the change moved. */
  delta: number;
}
