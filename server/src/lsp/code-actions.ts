/**
 * textDocument/codeAction: quick fixes for the server's own diagnostics.
 *
 * A fix is a workspace edit; one that only shows a place (the `direction` a
 * target goes against) runs the server's show command (window/showDocument);
 * one that moves a file is a rename resource operation, offered to clients that
 * take them. A fix whose edit has a snippet form (tab stops: the missing keys
 * it adds) carries it in `data` for a client that asked for snippet edits
 * (initialization option `snippetEdits`, protocol.ts); the edit itself stays
 * plain, what every other client applies.
 */
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type WorkspaceEdit } from 'vscode-languageserver';
import type { FindingData } from '../engine/findings';
import { quickFixes, type QuickFix } from '../engine/editor/quick-fixes';
import type { ServerContext } from './context';
import { toRange, toWorkspaceEdit } from './convert';
import { SERVER_SHOW_REFERENCES_COMMAND, type SnippetEditData } from './protocol';

export function codeActions(ctx: ServerContext, params: CodeActionParams): CodeAction[] {
  const diags = (params.context.diagnostics ?? []).filter((d) => d.source === 'pilot-plan');
  if (!diags.length) return [];
  if (params.context.only && !params.context.only.some((k) => k === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(`${k}.`) || k === '')) return [];
  const c = ctx.session.editorContext(params.textDocument.uri);
  if (!c) return [];
  const lines = c.file.model.parsed.lines;
  const out: CodeAction[] = [];
  for (const d of diags as Diagnostic[]) {
    const data = (d.data ?? {}) as FindingData & { code?: string };
    const code = typeof d.code === 'string' ? d.code : data.code ?? String(d.code ?? '');
    const span = { start: lines.offsetAt(d.range.start), end: lines.offsetAt(d.range.end) };
    // Suppression comments work in pilot plan files, not in the configuration.
    const disable = !ctx.session.isConfig(c.file.path);
    for (const fix of quickFixes(c.plan, c.file.model, { code, span, data }, ctx.locale, { disable })) {
      const action = toCodeAction(ctx, fix, d);
      if (action) out.push(action);
    }
  }
  return out;
}

function toCodeAction(ctx: ServerContext, fix: QuickFix, d: Diagnostic): CodeAction | undefined {
  const base = { title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: fix.preferred };
  if (fix.show) {
    const m = ctx.session.model(fix.show.file);
    if (!m) return undefined;
    const uri = ctx.session.uriOf(fix.show.file);
    const range = toRange(m.parsed.lines, fix.show.span);
    return { ...base, command: { title: fix.title, command: SERVER_SHOW_REFERENCES_COMMAND, arguments: [uri, range.start, [{ uri, range }]] } };
  }
  if (fix.moveTo) {
    if (!ctx.renameFiles) return undefined;
    const edit: WorkspaceEdit = { documentChanges: [{ kind: 'rename', oldUri: ctx.session.uriOf(fix.moveTo.from), newUri: ctx.session.uriOf(fix.moveTo.to) }] };
    return { ...base, edit };
  }
  const action: CodeAction = { ...base, edit: toWorkspaceEdit(ctx.session, fix.edits) };
  const snippets = ctx.snippetEdits ? snippetEdits(ctx, fix) : undefined;
  if (snippets) action.data = snippets;
  return action;
}

/** The fix's edits in snippet form, when each has one. */
function snippetEdits(ctx: ServerContext, fix: QuickFix): SnippetEditData | undefined {
  if (!fix.edits.length || !fix.edits.every((e) => e.snippet !== undefined)) return undefined;
  const edits: SnippetEditData['snippetEdits'] = [];
  for (const e of fix.edits) {
    const m = ctx.session.model(e.file);
    if (!m) return undefined;
    edits.push({ uri: ctx.session.uriOf(e.file), range: toRange(m.parsed.lines, { start: e.start, end: e.end }), snippet: e.snippet! });
  }
  return { snippetEdits: edits };
}
