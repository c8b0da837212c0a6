/** textDocument/definition, references, prepareRename and rename: IDs across every file of the plan. */
import {
  ErrorCodes,
  ResponseError,
  type DefinitionParams,
  type Location,
  type PrepareRenameParams,
  type Range,
  type ReferenceParams,
  type RenameParams,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { FileSpan } from '../engine/editor/context';
import { text } from '../engine/editor/context';
import { definitionsOf, idAt, locationsOf, renameEdits, renameProblem } from '../engine/editor/navigation';
import type { ServerContext } from './context';
import { toRange, toWorkspaceEdit } from './convert';

function toLocations(ctx: ServerContext, spans: FileSpan[]): Location[] {
  const out: Location[] = [];
  for (const s of spans) {
    const m = ctx.session.model(s.file);
    if (m) out.push({ uri: ctx.session.uriOf(s.file), range: toRange(m.parsed.lines, s.span) });
  }
  return out;
}

function at(ctx: ServerContext, uri: string, position: { line: number; character: number }) {
  const c = ctx.session.editorContext(uri);
  if (!c) return undefined;
  const id = idAt(c.file.model, c.file.model.parsed.lines.offsetAt(position));
  return id ? { ...c, id } : undefined;
}

export function definition(ctx: ServerContext, params: DefinitionParams): Location[] {
  const a = at(ctx, params.textDocument.uri, params.position);
  if (!a) return [];
  return toLocations(ctx, definitionsOf(a.plan, a.id.id));
}

export function references(ctx: ServerContext, params: ReferenceParams): Location[] {
  const a = at(ctx, params.textDocument.uri, params.position);
  if (!a) return [];
  return toLocations(ctx, locationsOf(a.plan, a.id.id, params.context?.includeDeclaration ?? true));
}

export function prepareRename(ctx: ServerContext, params: PrepareRenameParams): { range: Range; placeholder: string } | null {
  const a = at(ctx, params.textDocument.uri, params.position);
  if (!a) {
    throw new ResponseError(
      ErrorCodes.InvalidRequest,
      text(ctx.locale, '只能重命名 ID：请把光标放在条目的 id 或对它的引用上。', 'Only IDs can be renamed: put the cursor on an entry\'s id or on a reference to it.'),
    );
  }
  return { range: toRange(a.file.model.parsed.lines, a.id.span), placeholder: a.id.id };
}

export function rename(ctx: ServerContext, params: RenameParams): WorkspaceEdit | null {
  const a = at(ctx, params.textDocument.uri, params.position);
  if (!a) return null;
  const newId = params.newName.trim();
  const problem = renameProblem(a.plan, a.id.id, newId, ctx.locale);
  if (problem) throw new ResponseError(ErrorCodes.InvalidParams, problem);
  if (newId === a.id.id) return { changes: {} };
  return toWorkspaceEdit(ctx.session, renameEdits(a.plan, a.id.id, newId));
}
