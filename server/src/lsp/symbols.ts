/** textDocument/documentSymbol (outline) and workspace/symbol (every ID of every plan). */
import {
  SymbolKind,
  type DocumentSymbol,
  type DocumentSymbolParams,
  type SymbolInformation,
  type WorkspaceSymbol,
  type WorkspaceSymbolParams,
} from 'vscode-languageserver';
import { documentSymbols, symbolSpan, workspaceSymbols, type OutlineSymbol, type SymbolKindName } from '../engine/editor/symbols';
import type { FileModel } from '../engine/plan/model';
import type { LineIndex } from '../engine/text/line-index';
import type { ServerContext } from './context';
import { toRange } from './convert';
import { pilotFilesUnder } from './workspace-check';

const KINDS: Record<SymbolKindName, SymbolKind> = {
  plan: SymbolKind.Module,
  list: SymbolKind.Array,
  file: SymbolKind.File,
  mechanism: SymbolKind.Interface,
  action: SymbolKind.Event,
  risk: SymbolKind.Key,
  reform: SymbolKind.Constructor,
  technology: SymbolKind.Class,
  task: SymbolKind.Function,
  project: SymbolKind.Package,
  indicator: SymbolKind.Number,
};

function convert(lines: LineIndex, s: OutlineSymbol): DocumentSymbol {
  const range = toRange(lines, s.range);
  let selectionRange = toRange(lines, s.selection);
  const inside = (p: { line: number; character: number }) =>
    (p.line > range.start.line || (p.line === range.start.line && p.character >= range.start.character)) &&
    (p.line < range.end.line || (p.line === range.end.line && p.character <= range.end.character));
  if (!inside(selectionRange.start) || !inside(selectionRange.end)) selectionRange = { start: range.start, end: range.start };
  return { name: s.name || '?', detail: s.detail, kind: KINDS[s.kind], range, selectionRange, children: s.children.map((c) => convert(lines, c)) };
}

export function documentSymbol(ctx: ServerContext, params: DocumentSymbolParams): DocumentSymbol[] {
  const path = ctx.session.pathOf(params.textDocument.uri);
  const model = ctx.session.model(path);
  if (!model) return [];
  return documentSymbols(model, ctx.locale).map((s) => convert(model.parsed.lines, s));
}

/** Pilot files of the workspace folders and open documents, grouped by plan. */
function plansOfWorkspace(ctx: ServerContext): { planId?: string; models: FileModel[] }[] {
  const session = ctx.session;
  const files = pilotFilesUnder(ctx, ctx.folders, ctx.maxWorkspaceFiles).files;
  const listed = new Set(files);
  for (const p of session.open.keys()) if (!listed.has(p) && !session.isConfig(p)) files.push(p);
  const byPlan = new Map<string, { planId?: string; models: FileModel[] }>();
  for (const f of files) {
    const model = session.model(f);
    if (!model) continue;
    const key = session.planKeyOf(f);
    let group = byPlan.get(key);
    if (!group) {
      const state = session.stateOf(key);
      group = { planId: state.index.settings?.id, models: [] };
      byPlan.set(key, group);
    }
    group.models.push(model);
  }
  return [...byPlan.values()];
}

/**
 * Symbols with their ranges, or — when the client resolves them
 * (workspaceSymbol/resolve) — with the file only: a range may cost a parse.
 */
export function workspaceSymbol(ctx: ServerContext, params: WorkspaceSymbolParams, lazy: boolean): (SymbolInformation | WorkspaceSymbol)[] {
  const session = ctx.session;
  const out: (SymbolInformation | WorkspaceSymbol)[] = [];
  for (const s of workspaceSymbols(plansOfWorkspace(ctx), params.query ?? '', ctx.locale)) {
    const uri = session.uriOf(s.file);
    if (lazy) {
      out.push({ name: s.name, kind: KINDS[s.kind], containerName: s.container, location: { uri }, data: { file: s.file, path: s.entity.path } });
      continue;
    }
    const m = session.model(s.file);
    if (!m) continue;
    out.push({ name: s.name, kind: KINDS[s.kind], containerName: s.container, location: { uri, range: toRange(m.parsed.lines, symbolSpan(m, s.entity)) } });
  }
  return out;
}

export function resolveWorkspaceSymbol(ctx: ServerContext, symbol: WorkspaceSymbol): WorkspaceSymbol {
  const data = symbol.data as { file?: string; path?: (string | number)[] } | undefined;
  if (!data?.file || !data.path) return symbol;
  const m = ctx.session.model(data.file);
  const e = m?.entities.find((x) => x.id === symbol.name && x.path.join('/') === data.path!.join('/')) ?? m?.entities.find((x) => x.id === symbol.name);
  if (!m || !e) return symbol;
  return { ...symbol, location: { uri: ctx.session.uriOf(data.file), range: toRange(m.parsed.lines, symbolSpan(m, e)) } };
}
