/**
 * The seam between parsing and everything else.
 *
 * Rules and the plan index see a file as plain data plus a way to ask where a
 * path is. They never touch a YAML AST, so the parser behind this interface can
 * change (a lazier or faster path for large files, a re-parse of one region
 * after an edit) without any rule changing.
 */
import type { LineIndex } from '../text/line-index';
import type { Span } from '../findings';
import type { Message } from '../i18n/messages';

export type JsonPath = (string | number)[];

/** A problem found while reading or parsing: always reported as `yaml-syntax`. */
export interface SyntaxProblem {
  span: Span;
  message: Message;
}

export interface ParsedFile {
  /** The file's key (absolute path, or a URI-derived path for unsaved editors). */
  readonly path: string;
  /** The text as the editor shows it: no byte order mark, and a lone CR made LF (a line break either way: same offsets, same lines). */
  readonly text: string;
  /**
   * The text as it was given, where `text` differs from it (a byte order mark
   * dropped, a lone CR made LF): an editor's ranges count in this one.
   */
  readonly source?: string;
  /** The document as plain data (mappings → objects, sequences → arrays). */
  readonly data: unknown;
  readonly syntax: readonly SyntaxProblem[];
  readonly lines: LineIndex;
  /**
   * Where the key or the value at `path` is. For `key` with a path that ends in
   * a sequence index, the span of the item's first key (or the item itself).
   * Undefined if the path does not exist.
   */
  span(path: JsonPath, part: 'key' | 'value'): Span | undefined;
  /**
   * The same file with other data, positions still found from its text (the
   * checker's compact model, plan/plan-view.ts); absent where a parse cannot
   * drop its data (the general parser's, rare).
   */
  withData?(data: Record<string, unknown>): ParsedFile;
  /** The deepest path whose key or value contains `offset`, for editor features. */
  pathAt(offset: number): { path: JsonPath; part: 'key' | 'value' } | undefined;
}
