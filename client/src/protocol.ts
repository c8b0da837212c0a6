/**
 * The custom LSP messages between this client and the Pilot Plan server: the
 * names and shapes are the server's (server/src/lsp/protocol.ts, which has no
 * dependencies); the client reads answers leniently all the same.
 */
export {
  ACTIVE_DOCUMENT_NOTIFICATION,
  CHECK_WORKSPACE_REQUEST,
  DEFAULT_DEBOUNCE_MS,
  EXPORT_REQUEST,
  LENS_OPENS,
  NEW_PROGRESS_REQUEST,
  OVERVIEW_REQUEST,
  PLAN_TREE_CHANGED_NOTIFICATION,
  PLAN_TREE_REQUEST,
  SERVER_SHOW_REFERENCES_COMMAND,
  SHOW_REFERENCES_COMMAND,
  STATUS_NOTIFICATION,
  WORKSPACE_FILES_NOTIFICATION,
  type ActiveDocumentParams,
  type CheckWorkspaceResult,
  type ExportParams,
  type ExportResult,
  type NewProgressParams,
  type NewProgressResult,
  type OverviewParams,
  type OverviewResult,
  type OverviewTiming,
  type PlanTreeChangedParams,
  type PlanTreeCounts,
  type PlanTreeEntityNode,
  type PlanTreeGroupNode,
  type PlanTreeParams,
  type PlanTreePlanNode,
  type PlanTreeResult,
  type SnippetEditData,
  type StatusParams,
  type WorkspaceFile,
  type WorkspaceFilesParams,
} from '../../server/src/lsp/protocol';
import type { CheckWorkspaceResult } from '../../server/src/lsp/protocol';

/** The options the client sends in `initialize`. */
export interface InitializationOptions {
  locale: 'en' | 'zh-CN';
  debounceMs: number;
  /** The command code lenses carry: ours (commands.ts), which opens VS Code's references peek. */
  showReferencesCommand: string;
  /** Globs (the extraGlobs setting, normalized) of further files the client treats as pilot plan files. */
  extraGlobs: string[];
  /** Quick fixes carry their snippet forms, which this client applies as snippet edits (language-client.ts). */
  snippetEdits: boolean;
  /** On the web: the server reads no file system, the client sends the workspace's files (workspace-mirror.ts). */
  workspaceFiles?: 'client';
}

export interface SnippetEdit {
  uri: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  snippet: string;
}

function isPosition(v: unknown): v is SnippetEdit['range']['start'] {
  const p = v as SnippetEdit['range']['start'] | undefined;
  return !!p && Number.isSafeInteger(p.line) && p.line >= 0 && Number.isSafeInteger(p.character) && p.character >= 0;
}

/** The snippet edits in a code action's `data` (protocol.ts's SnippetEditData), read leniently: all well-formed, or none. */
export function readSnippetEdits(data: unknown): SnippetEdit[] | undefined {
  const list = (data && typeof data === 'object' ? (data as { snippetEdits?: unknown }).snippetEdits : undefined) as unknown[] | undefined;
  if (!Array.isArray(list) || !list.length) return undefined;
  const ok = list.every((e) => {
    const x = e as Partial<SnippetEdit> | null;
    return !!x && typeof x.uri === 'string' && typeof x.snippet === 'string' && isPosition(x.range?.start) && isPosition(x.range?.end);
  });
  return ok ? (list as SnippetEdit[]) : undefined;
}

/** A count from an untrusted answer: a non-negative integer, else 0. */
export function count(v: unknown): number {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? Math.floor(v) : 0;
}

/** The server's answer to pilotPlan/checkWorkspace, read leniently: counts as counts, notes as short texts. */
export function readCheckWorkspaceResult(raw: unknown): CheckWorkspaceResult {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Partial<Record<keyof CheckWorkspaceResult, unknown>>;
  const result: CheckWorkspaceResult = {
    plans: count(r.plans),
    files: count(r.files),
    errors: count(r.errors),
    warnings: count(r.warnings),
    infos: count(r.infos),
    elapsedMs: count(r.elapsedMs),
  };
  const nc = (r.notChecked && typeof r.notChecked === 'object' ? r.notChecked : undefined) as { files?: unknown; limit?: unknown } | undefined;
  if (nc && count(nc.files) > 0) result.notChecked = { files: count(nc.files), limit: count(nc.limit) };
  // A message box shows a sentence or two, not whatever an answer carries.
  const notes = Array.isArray(r.notes) ? r.notes.filter((n): n is string => typeof n === 'string' && n.length > 0).map((n) => (n.length > 1000 ? `${n.slice(0, 1000)}…` : n)) : [];
  if (notes.length) result.notes = notes.slice(0, 5);
  return result;
}
