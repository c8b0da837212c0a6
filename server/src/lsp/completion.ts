/** textDocument/completion: engine candidates → LSP completion items. */
import {
  CompletionItemKind,
  InsertTextFormat,
  InsertTextMode,
  type CompletionItem,
  type CompletionList,
  type CompletionParams,
} from 'vscode-languageserver';
import { completionsAt, type CandidateKind } from '../engine/editor/completion';
import type { ServerContext } from './context';
import { toRange } from './convert';

const KINDS: Record<CandidateKind, CompletionItemKind> = {
  property: CompletionItemKind.Property,
  value: CompletionItemKind.Value,
  enum: CompletionItemKind.EnumMember,
  reference: CompletionItemKind.Reference,
  snippet: CompletionItemKind.Snippet,
  unit: CompletionItemKind.Unit,
  year: CompletionItemKind.Constant,
  file: CompletionItemKind.File,
};

export function completion(ctx: ServerContext, params: CompletionParams): CompletionList {
  const c = ctx.session.editorContext(params.textDocument.uri);
  if (!c) return { isIncomplete: false, items: [] };
  const lines = c.file.model.parsed.lines;
  const offset = lines.offsetAt(params.position);
  const info: { incomplete?: boolean } = {};
  const items: CompletionItem[] = completionsAt(c.file, c.plan, offset, ctx.locale, info).map((x) => {
    const item: CompletionItem = {
      label: x.label,
      kind: KINDS[x.kind],
      detail: x.detail,
      documentation: x.documentation ? { kind: 'markdown', value: x.documentation } : undefined,
      textEdit: { range: toRange(lines, x.replace), newText: x.insertText },
      additionalTextEdits: x.additionalEdits?.map((e) => ({ range: toRange(lines, e), newText: e.newText })),
      insertTextFormat: x.snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
      insertTextMode: InsertTextMode.asIs,
      sortText: x.sortText,
      filterText: x.filterText,
      preselect: x.preselect,
    };
    if (x.description && ctx.labelDetails) item.labelDetails = { description: x.description };
    if (x.retrigger) item.command = { title: 'suggest', command: 'editor.action.triggerSuggest' };
    return item;
  });
  return { isIncomplete: !!info.incomplete, items };
}
