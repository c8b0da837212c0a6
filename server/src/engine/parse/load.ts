/**
 * Bytes or editor text → ParsedFile. A file that cannot be decoded becomes a
 * ParsedFile with no data and one syntax problem, so every later stage sees
 * the same shape and nothing throws.
 */
import { LineIndex } from '../text/line-index';
import { decode, stripBom, textTooLarge, tooLarge } from './decode';
import { utf8ByteLength } from './bytes';
import { parseYaml } from './yaml-file';
import { segment } from './segments';
import type { LineChange } from '../text/line-change';
import { fromBlockReader, parseSegmented, SegmentedParsedFile } from './segmented-file';
import { readPlanFile } from './block-reader';
import type { ParsedFile, SyntaxProblem } from './parsed-file';

export function parseBytes(path: string, bytes: Uint8Array): ParsedFile {
  const d = decode(bytes);
  if (d.problem) return unreadable(path, { span: { start: 0, end: 0 }, message: d.problem });
  return parse(path, d.text);
}

export function parseText(path: string, text: string): ParsedFile {
  // An editor's text gets the limit a file on disk gets: parsing cost grows with size. Its text is kept for its next edit.
  if (textTooLarge(text)) return unreadable(path, { span: { start: 0, end: 0 }, message: tooLarge(utf8ByteLength(text)) }, text);
  const file = parse(path, stripBom(text));
  if (file.text !== text) Object.defineProperty(file, 'source', { value: text, enumerable: true });
  return file;
}

/** A file of `size` bytes that was not read, being above the size limit (decode.ts). */
export function tooLargeFile(path: string, size: number): ParsedFile {
  return unreadable(path, { span: { start: 0, end: 0 }, message: tooLarge(size) });
}

/** A first parse: the block reader for plan-shaped text, else segment by segment, else the full `yaml` parse. */
function parse(path: string, text: string): ParsedFile {
  text = loneCrToLf(text);
  // The block reader refuses everything segments.ts screens out, so no screen is needed first.
  const r = readPlanFile(text);
  if (r) return fromBlockReader(path, text, r.segmentation, r.data);
  const seg = segment(text);
  return (seg && parseSegmented(path, text, seg)) || parseYaml(path, text);
}

/**
 * `previous`'s file with the text `text`, where `change` says which whole lines
 * of the previous text differ (parse/edit.ts): the segments outside them keep
 * their parses. The result equals parseText's.
 */
export function reparse(previous: ParsedFile, text: string, change: LineChange | undefined): ParsedFile {
  const path = previous.path;
  if (!change) return previous;
  const before = previous instanceof SegmentedParsedFile ? previous : undefined;
  // A byte order mark would move every offset the change gives; a file too large is not parsed.
  if (!before || text.charCodeAt(0) === 0xfeff || textTooLarge(text)) return parseText(path, text);
  text = loneCrToLf(text);
  // Only the lines around the change are screened again when the previous text passed the screens.
  const seg = segment(text, before.screened ? change : undefined, { segmentation: before.seg, change });
  return (seg && parseSegmented(path, text, seg, before, change)) || parseYaml(path, text);
}

const LONE_CR = /\r(?!\n)/;

/**
 * A lone CR is a line break in YAML 1.2, as LineIndex counts it, but `yaml`
 * and the block reader break lines at LF (and CRLF) only: a file saved
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
  if (textTooLarge(text)) return tooLargeFile(path, utf8ByteLength(text));
  text = loneCrToLf(stripBom(text));
  if (route === 'yaml') return parseYaml(path, text);
  if (route === 'block-reader') {
    const r = readPlanFile(text);
    return r && fromBlockReader(path, text, r.segmentation, r.data);
  }
  const seg = segment(text);
  return seg && parseSegmented(path, text, seg);
}

/** A file with one problem and no data; `text`: an editor's text, kept for its next edit. */
export function unreadable(path: string, problem: SyntaxProblem, text = ''): ParsedFile {
  return {
    path,
    text,
    data: undefined,
    syntax: [problem],
    lines: new LineIndex(text),
    span: () => undefined,
    pathAt: () => undefined,
  };
}
