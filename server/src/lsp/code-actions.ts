/** textDocument/codeAction: quick fixes for the server's own diagnostics. */
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic } from 'vscode-languageserver/node';
import type { FindingData } from '../engine/findings';
import { quickFixes } from '../engine/editor/quick-fixes';
import type { ServerContext } from './context';
import { toWorkspaceEdit } from './convert';

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
      out.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: fix.preferred, edit: toWorkspaceEdit(ctx.session, fix.edits) });
    }
  }
  return out;
}
