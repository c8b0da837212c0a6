/**
 * What the Pilot Plan language server adds to LSP. The VS Code client (and
 * any other client) can import these names and shapes.
 *
 * Initialization options (all optional):
 *   { locale?: 'en' | 'zh-CN',          // message language; default: the client's display language (initialize `locale`)
 *     debounceMs?: number,              // longest delay before checking after an edit (adaptive below it); default 150
 *     showReferencesCommand?: string,   // a client command that code lenses carry instead of the server's own (see below)
 *     snippetEdits?: boolean,           // quick fixes carry their snippet forms in `data` (SnippetEditData, see below); default false
 *     workspaceCheckMaxFiles?: number,  // pilot plan files pilotPlan/checkWorkspace lists at most (their plans are checked whole); default 20000
 *     workspaceFiles?: 'client',        // the server reads no file system: the client sends the files (pilotPlan/workspaceFiles, below)
 *     faultInjection?: string[] }       // tests only: handlers that throw on purpose (see server.ts)
 */

/** Server → client notification after each check of the active file: for a status bar item. */
export const STATUS_NOTIFICATION = 'pilotPlan/status';

export interface StatusParams {
  uri: string;
  /** The plan folder (absolute path), or null for a file that belongs to no plan. */
  planRoot: string | null;
  /** The plan folder's URI (of any scheme), or null with planRoot. */
  planRootUri?: string | null;
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

/**
 * Client → server notification, where the client set `workspaceFiles: 'client'` (a server in a web
 * worker, which has no file system): the workspace's pilot files (`*.pilot.yaml`, `*.pilot.yml`)
 * and `pilot-plan.config.yaml` files, of any URI scheme. First all of them (folders plan
 * discovery skips left out), in one or more messages, the last with `initial: true`; then each
 * file created or changed, and each deleted. The server takes them as watched-file events.
 * A server that was not told `workspaceFiles: 'client'` ignores it.
 */
export const WORKSPACE_FILES_NOTIFICATION = 'pilotPlan/workspaceFiles';

export interface WorkspaceFile {
  uri: string;
  /** The file's text, when its bytes are UTF-8 (decoded fatally, the byte order mark kept). */
  text?: string;
  /** Its bytes in base64, when they are not UTF-8: the server says what is wrong with them. */
  base64?: string;
  /** Its size in bytes, alone, for a file above 8 MiB (not sent): the server reports it too large. */
  size?: number;
}

export interface WorkspaceFilesParams {
  /** Files created or changed, with their contents. */
  files: WorkspaceFile[];
  /** URIs of files deleted. */
  deleted: string[];
  /** The last message of the first listing: the server checks the open plans again. */
  initial?: boolean;
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
  /**
   * Pilot plan files under the workspace folders that were not checked: the check lists at
   * most `limit` files (initialization option `workspaceCheckMaxFiles`) and checks their plans.
   */
  notChecked?: { files: number; limit: number };
  /** What to tell the user besides the counts (the files not checked, and why), in the server's language. */
  notes?: string[];
}

/**
 * The command of the VS Code client that code lenses carry when it names it as
 * `showReferencesCommand` in its initialization options, with arguments (uri: string,
 * position: Position, locations: Location[]) in LSP JSON form: it converts them and
 * calls `editor.action.showReferences`. Lenses with nothing to show have the
 * command `''` (a label only).
 */
export const SHOW_REFERENCES_COMMAND = 'pilotPlan.showReferences';

/**
 * The fourth argument of a lens's command when the lens goes to its one place instead of
 * listing places (the status lens of a task or project: its entry in a Progress file).
 */
export const LENS_OPENS = 'open';

/**
 * Client → server request: the text of next year's Progress file for the plan of a file
 * (`uri`), made by the engine (engine/editor/new-progress.ts) in the server's language.
 * The client decides where to write it and never overwrites a file.
 */
export const NEW_PROGRESS_REQUEST = 'pilotPlan/newProgress';

export interface NewProgressParams {
  uri: string;
}

export type NewProgressResult =
  | {
      /** The plan folder (absolute path), where the file is proposed. */
      planRoot: string;
      /** The plan folder's URI (of any scheme). */
      planRootUri?: string;
      /** The reporting year and the proposed file name (`progress-<year>.pilot.yaml`). */
      year: number;
      fileName: string;
      text: string;
    }
  | {
      /** Why there is no file to make (the file belongs to no plan), in the server's language. */
      error: string;
    };

/**
 * Client → server request: the plan tree (engine/editor/plan-tree.ts) of every plan under the
 * workspace folders and of the open documents, in the server's language: each plan's entities
 * grouped (tasks by area or by lead department, projects, indicators, mechanisms, actions,
 * risks), with their places and the counts of their findings. The plan of `activeUri` first.
 * A plan not checked yet is checked (its findings published); `pilotPlan/planTreeChanged` follows.
 */
export const PLAN_TREE_REQUEST = 'pilotPlan/planTree';

export interface PlanTreeParams {
  /** How to group tasks; default `area`. */
  tasksBy?: 'area' | 'lead';
  /** The document the user looks at: its plan comes first. */
  activeUri?: string;
}

export interface PlanTreeCounts {
  errors: number;
  warnings: number;
  infos: number;
}

export interface PlanTreeEntityNode {
  id: string;
  /** task, project, indicator, mechanism, action, risk (or a kind a later format adds). */
  kind: string;
  /** The entity's name in the server's language, else its ID. */
  label: string;
  /** Key facts, one a line, in the server's language. */
  facts: string[];
  uri: string;
  /** The ID's range in the file. */
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  counts: PlanTreeCounts;
}

export interface PlanTreeGroupNode {
  /** Stable across refreshes (`tasks`, `tasks/area/transport`, `projects`, …). */
  key: string;
  label: string;
  kind: string;
  counts: PlanTreeCounts;
  groups: PlanTreeGroupNode[];
  entities: PlanTreeEntityNode[];
}

export interface PlanTreePlanNode {
  /** The plan folder (absolute path). */
  root: string;
  /** The plan folder's URI (of any scheme). */
  rootUri?: string;
  planId: string | null;
  /** The pilot's name, else the plan's ID. */
  label: string;
  /** Whether the plan's findings are counted yet (false until its first check). */
  checked: boolean;
  counts: PlanTreeCounts;
  groups: PlanTreeGroupNode[];
}

export interface PlanTreeResult {
  plans: PlanTreePlanNode[];
}

/** Server → client notification: a plan was checked (after an edit, a change on disk, …): its tree may have changed. */
export const PLAN_TREE_CHANGED_NOTIFICATION = 'pilotPlan/planTreeChanged';

export interface PlanTreeChangedParams {
  planRoot: string;
}

/**
 * Client → server request: the Plan Overview of the plan `uri` belongs to, the report of
 * `pilot-plan report` (engine/report) as a page for a webview: the theme's colours, charts drawn
 * for a dark theme when `dark`, and rows and charts that carry their place (`data-uri`,
 * `data-line`, 1-based) for the page's one script, allowed by `nonce`, to post on a click. A plan
 * not checked yet is checked; `pilotPlan/planTreeChanged` follows, and asking again brings its findings.
 */
export const OVERVIEW_REQUEST = 'pilotPlan/overview';

export interface OverviewParams {
  uri: string;
  /** The script's nonce: letters and digits, 16 to 64 of them. */
  nonce: string;
  /** The webview's `cspSource`, the only source its styles and images may come from. */
  cspSource: string;
  dark?: boolean;
  /** The page's language; the server's own when absent. */
  locale?: 'en' | 'zh-CN';
}

export interface OverviewResult {
  /** The plan folder; null when `uri` belongs to no plan (the page says so). */
  planRoot: string | null;
  /** The plan folder's URI (of any scheme), when there is a plan. */
  rootUri?: string;
  /** The page's title: the report's. */
  title: string;
  html: string;
  /** The URIs of the plan's files: the only ones a click on the page may open. */
  files: string[];
  /** When (epoch ms, the server's clock) the plan was last edited and checked, and this request came and was answered: for logs and tests. */
  timing?: OverviewTiming;
}

export interface OverviewTiming {
  editedAt?: number;
  checkStartedAt?: number;
  checkedAt?: number;
  receivedAt: number;
  answeredAt: number;
}

/**
 * Client → server request: the plan `uri` belongs to as a Word document or an Excel workbook,
 * the bytes `pilot-plan export --format docx|xlsx` writes (engine/export), made from the files
 * as the editor holds them; base64 in `data`. The plan is checked first if it was not yet (the
 * workbook lists its findings). `planRoot` null: `uri` belongs to no plan. Node servers only:
 * the web worker's server carries neither docx nor exceljs.
 */
export const EXPORT_REQUEST = 'pilotPlan/export';

export interface ExportParams {
  uri: string;
  format: 'docx' | 'xlsx';
  /** The document's language; the server's own when absent. */
  locale?: 'en' | 'zh-CN';
}

export interface ExportResult {
  planRoot: string | null;
  /** The plan folder's URI, and the file name `pilot-plan export` gives it: the folder's name and the format's extension. */
  folderUri: string;
  fileName: string;
  /** The document's bytes, base64. */
  data: string;
  /** The URIs of the plan's files: an export must not overwrite one. */
  files: string[];
}

/**
 * The command code lenses carry for every other client, with the same arguments:
 * the server advertises it (executeCommandProvider) and executes it itself
 * (workspace/executeCommand): `window/showDocument` of the first location when the
 * client supports it, and `window/showMessage` listing the places when there are
 * several or the client cannot show a document. Not a VS Code command id of ours:
 * vscode-languageclient registers a proxy for each advertised command, and one id
 * registered twice fails.
 */
export const SERVER_SHOW_REFERENCES_COMMAND = 'pilot-plan.server.showReferences';

/**
 * A quick fix's edits with tab stops, in its code action's `data`, for a client that set
 * `snippetEdits` (LSP 3.17 has no snippet text edits): each edit of the action's own plain
 * `edit` (same ranges, same order) in LSP snippet syntax. The VS Code client applies these as
 * snippet edits (language-client.ts); a client that does not ask gets the plain edit only,
 * which writes `待补充` where a tab stop would be.
 */
export interface SnippetEditData {
  snippetEdits: { uri: string; range: { start: { line: number; character: number }; end: { line: number; character: number } }; snippet: string }[];
}

export const DEFAULT_DEBOUNCE_MS = 150;

/** Pilot plan files pilotPlan/checkWorkspace lists at most, unless `workspaceCheckMaxFiles` says otherwise. */
export const DEFAULT_WORKSPACE_CHECK_MAX_FILES = 20000;
