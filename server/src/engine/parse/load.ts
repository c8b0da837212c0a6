/**
 * Bytes or editor text → ParsedFile. A file that cannot be decoded becomes a
 * ParsedFile with no data and one syntax problem, so every later stage sees
 * the same shape and nothing throws.
 */
import { LineIndex } from '../text/line-index';
import { decode, stripBom } from './decode';
import { parseYaml } from './yaml-file';
import type { ParsedFile, SyntaxProblem } from './parsed-file';

export function parseBytes(path: string, bytes: Uint8Array): ParsedFile {
  const d = decode(bytes);
  if (d.problem) return unreadable(path, { span: { start: 0, end: 0 }, message: d.problem });
  return parseYaml(path, d.text);
}

export function parseText(path: string, text: string): ParsedFile {
  return parseYaml(path, stripBom(text));
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
