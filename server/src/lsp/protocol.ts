/**
 * What the Pilot Plan language server adds to LSP. The VS Code client (and
 * any other client) can import these names and shapes.
 *
 * Initialization options (all optional):
 *   { locale?: 'en' | 'zh-CN',      // message language; default: the client's display language (initialize `locale`)
 *     debounceMs?: number,          // longest delay before checking after an edit (adaptive below it); default 150
 *     faultInjection?: string[] }   // tests only: handlers that throw on purpose (see server.ts)
 */

/** Server → client notification after each check of the active file: for a status bar item. */
export const STATUS_NOTIFICATION = 'pilotPlan/status';

export interface StatusParams {
  uri: string;
  /** The plan folder (absolute path), or null for a file that belongs to no plan. */
  planRoot: string | null;
  /** The plan's `id`, when the Plan file states one. */
  planId: string | null;
  /** Findings of this file. */
  errors: number;
  warnings: number;
  infos: number;
  /** Findings of the whole plan. */
  planErrors: number;
  planWarnings: number;
  planInfos: number;
  /** Files of the plan. */
  planFiles: number;
}

/** Client → server notification: the editor the user looks at (optional; otherwise the last edited or opened). */
export const ACTIVE_DOCUMENT_NOTIFICATION = 'pilotPlan/activeDocument';

export interface ActiveDocumentParams {
  uri: string;
}

/** Client → server request: check every plan under the workspace folders (diagnostics are published too). */
export const CHECK_WORKSPACE_REQUEST = 'pilotPlan/checkWorkspace';

export interface CheckWorkspaceResult {
  plans: number;
  files: number;
  errors: number;
  warnings: number;
  infos: number;
  /** Milliseconds the check took. */
  elapsedMs: number;
}

/**
 * The command code lenses carry, with arguments (uri: string, position: Position,
 * locations: Location[]) in LSP JSON form. A client registers it and shows the
 * locations (VS Code: convert and call `editor.action.showReferences`).
 * Lenses with nothing to show have the command `''` (a label only).
 */
export const SHOW_REFERENCES_COMMAND = 'pilotPlan.showReferences';

export const DEFAULT_DEBOUNCE_MS = 150;
