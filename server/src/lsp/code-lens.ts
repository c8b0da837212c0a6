/**
 * textDocument/codeLens: projects and investment on tasks, tasks on indicators.
 * Lenses come without their command; codeLens/resolve fills it in for the
 * lenses the editor shows (their locations may cost parsing other files).
 */
import type { CodeLens, CodeLensParams } from 'vscode-languageserver/node';
import { lensFor, lensPlaces } from '../engine/editor/code-lens';
import type { ServerContext } from './context';
import { toRange } from './convert';
import { SHOW_REFERENCES_COMMAND } from './protocol';

interface LensRef {
  uri: string;
  id: string;
}

export function codeLens(ctx: ServerContext, params: CodeLensParams): CodeLens[] {
  const path = ctx.session.pathOf(params.textDocument.uri);
  const model = ctx.session.model(path);
  if (!model) return [];
  const lines = model.parsed.lines;
  return lensPlaces(model).map((l) => ({ range: toRange(lines, l.span), data: { uri: params.textDocument.uri, id: l.id } satisfies LensRef }));
}

export function resolveCodeLens(ctx: ServerContext, lens: CodeLens): CodeLens {
  const ref = lens.data as LensRef | undefined;
  if (!ref?.uri || !ref.id) return lens;
  const c = ctx.session.editorContext(ref.uri);
  const l = c && lensFor(c.plan, c.file.model, ref.id, ctx.locale);
  if (!c || !l) return { ...lens, command: { title: '', command: '' } };
  const range = toRange(c.file.model.parsed.lines, l.span);
  const locations = l.locations
    .map((s) => {
      const m = ctx.session.model(s.file);
      return m ? { uri: ctx.session.uriOf(s.file), range: toRange(m.parsed.lines, s.span) } : undefined;
    })
    .filter((x) => x !== undefined);
  return {
    range,
    command: locations.length ? { title: l.title, command: SHOW_REFERENCES_COMMAND, arguments: [ref.uri, range.start, locations] } : { title: l.title, command: '' },
    data: ref,
  };
}
