/** Engine offsets ↔ LSP positions and ranges, and engine edits → LSP workspace edits. */
import type { Position, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import type { Span } from '../engine/findings';
import type { FileEdit } from '../engine/editor/context';
import type { LineIndex } from '../engine/text/line-index';
import type { PlanSession } from './plan-session';

export function toRange(lines: LineIndex, span: Span): Range {
  return { start: lines.positionAt(span.start), end: lines.positionAt(span.end) };
}

export function toOffset(lines: LineIndex, pos: Position): number {
  return lines.offsetAt(pos);
}

/** Edits grouped by file, as a WorkspaceEdit keyed by URI (closed files included). */
export function toWorkspaceEdit(session: PlanSession, edits: FileEdit[]): WorkspaceEdit {
  const changes: Record<string, TextEdit[]> = {};
  for (const e of edits) {
    const m = session.model(e.file);
    if (!m) continue;
    const uri = session.uriOf(e.file);
    (changes[uri] ??= []).push({ range: toRange(m.parsed.lines, { start: e.start, end: e.end }), newText: e.newText });
  }
  return { changes };
}
