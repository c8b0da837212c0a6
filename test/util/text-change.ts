/**
 * What an editor sends for an edit from one text to another: one range
 * change (the differing middle), as LSP's incremental sync gives it.
 */
import type { ContentChange } from '../../server/src/engine/parse/edit';
import { applyChanges, applyToText } from '../../server/src/engine/parse/edit';
import type { LineChange } from '../../server/src/engine/text/line-change';
import type { ParsedFile } from '../../server/src/engine/parse/parsed-file';
import { LineIndex } from '../../server/src/engine/text/line-index';

/** The one range change that makes `after` of `before`: their common start and end kept. */
export function changeBetween(before: string, after: string): ContentChange {
  let p = 0;
  const min = Math.min(before.length, after.length);
  while (p < min && before.charCodeAt(p) === after.charCodeAt(p)) p++;
  let q = 0;
  while (q < min - p && before.charCodeAt(before.length - 1 - q) === after.charCodeAt(after.length - 1 - q)) q++;
  const lines = new LineIndex(before);
  return { range: { start: lines.positionAt(p), end: lines.positionAt(before.length - q) }, text: after.slice(p, after.length - q) };
}

/** `previous`'s next version with the text `text`, through the edit path. */
export function edited(previous: ParsedFile, text: string): ParsedFile {
  return applyChanges(previous, [changeBetween(previous.text, text)]);
}

/** The whole lines an editor's change from `before` to `after` touches (parse/edit.ts). */
export function lineChangeOf(before: string, after: string): LineChange | undefined {
  return applyToText(before, new LineIndex(before), [changeBetween(before, after)]).change;
}
