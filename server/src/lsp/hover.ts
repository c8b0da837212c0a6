/** textDocument/hover. */
import type { Hover, HoverParams } from 'vscode-languageserver';
import { hoverAt } from '../engine/editor/hover';
import type { ServerContext } from './context';
import { toRange } from './convert';

export function hover(ctx: ServerContext, params: HoverParams): Hover | null {
  const c = ctx.session.editorContext(params.textDocument.uri);
  if (!c) return null;
  const lines = c.file.model.parsed.lines;
  const h = hoverAt(c.file, c.plan, lines.offsetAt(params.position), ctx.locale);
  if (!h) return null;
  return { contents: { kind: 'markdown', value: h.markdown }, range: toRange(lines, h.span) };
}
