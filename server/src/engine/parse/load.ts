/**
 * Bytes or editor text → ParsedFile. A file that cannot be decoded becomes a
 * ParsedFile with no data and one syntax problem, so every later stage sees
 * the same shape and nothing throws.
 */
import { LineIndex } from '../text/line-index';
import { decode, stripBom, textTooLarge, tooLarge } from './decode';
import { parseYaml } from './yaml-file';
import { segment } from './segments';
import { lineChange } from '../text/line-change';
import { fromBlockReader, parseSegmented, SegmentedParsedFile } from './segmented-file';
import { readPlanFile } from './block-reader';
import type { ParsedFile, SyntaxProblem } from './parsed-file';

export function parseBytes(path: string, bytes: Uint8Array, previous?: ParsedFile): ParsedFile {
  const d = decode(bytes);
  if (d.problem) return unreadable(path, { span: { start: 0, end: 0 }, message: d.problem });
  return parse(path, d.text, previous);
}

export function parseText(path: string, text: string, previous?: ParsedFile): ParsedFile {
  // An editor's text gets the limit a file on disk gets: parsing cost grows with size.
  if (textTooLarge(text)) return tooLargeFile(path, Buffer.byteLength(text));
  return parse(path, stripBom(text), previous);
}

/** A file of `size` bytes that was not read, being above the size limit (decode.ts). */
export function tooLargeFile(path: string, size: number): ParsedFile {
  return unreadable(path, { span: { start: 0, end: 0 }, message: tooLarge(size) });
}

/**
 * The fast, incremental path when the file can be split into segments, the
 * full `yaml` parse otherwise. `previous` (the file's last version) lends its
 * parsed segments.
 */
function parse(path: string, text: string, previous?: ParsedFile): ParsedFile {
  text = loneCrToLf(text);
  const before = previous instanceof SegmentedParsedFile ? previous : undefined;
  // A first parse of a plan-shaped file: the block reader finds the data and the segments in one
  // pass. It refuses everything segments.ts screens out (anchors, tags, directives, document
  // markers, complex keys, glued comments, tabs, odd block scalars), so no screen is needed first.
  if (!before) {
    const r = readPlanFile(text);
    if (r) return fromBlockReader(path, text, r.segmentation, r.data);
  }
  // After an edit, the segments are found by their place (lineChange) and from the previous version's; and
  // when the previous text passed segments.ts's screens, only the lines around the edit are screened again.
  const edit = before && lineChange(before.text, text);
  // The same text under a new version (an editor's change that changed nothing): the same parse,
  // instead of screening and segmenting the whole text again as if it were new.
  if (before && !edit) return before;
  const seg = segment(text, before?.screened ? edit : undefined, before && edit ? { segmentation: before.seg, change: edit } : undefined);
  if (seg) {
    const file = parseSegmented(path, text, seg, before, edit);
    if (file) return file;
  }
  return parseYaml(path, text);
}

const LONE_CR = /\r(?!\n)/;

/**
 * A lone CR is a line break in YAML 1.2, as LineIndex counts it, but js-yaml,
 * `yaml` and the readers here break lines at LF (and CRLF) only: a file saved
 * with CR line ends was one long line of errors. Made LF, one character for
 * one, so every offset stays; inside a scalar YAML reads any line break as LF.
 */
function loneCrToLf(text: string): string {
  return text.includes('\r') && LONE_CR.test(text) ? text.replace(/\r(?!\n)/g, '\n') : text;
}

/** The ways text becomes a ParsedFile (see parse): the block reader (whole file), each segment on its own (block reader, else `yaml`), `yaml`. */
export type ParsePath = 'block-reader' | 'segments' | 'yaml';

/**
 * The text through one path alone, for the differential tests that hold the
 * paths to one verdict; undefined where that path declines the text.
 */
export function parseVia(route: ParsePath, path: string, text: string): ParsedFile | undefined {
  if (textTooLarge(text)) return tooLargeFile(path, Buffer.byteLength(text));
  text = loneCrToLf(stripBom(text));
  if (route === 'yaml') return parseYaml(path, text);
  if (route === 'block-reader') {
    const r = readPlanFile(text);
    return r && fromBlockReader(path, text, r.segmentation, r.data);
  }
  const seg = segment(text);
  return seg && parseSegmented(path, text, seg);
}

export function unreadable(path: string, problem: SyntaxProblem): ParsedFile {
  return {
    path,
    text: '',
    data: undefined,
    syntax: [problem],
    lines: new LineIndex(''),
    span: () => undefined,
    pathAt: () => undefined,
  };
}
