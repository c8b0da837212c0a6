/** What every LSP feature module gets: the session, the settings, a log. */
import type { Connection } from 'vscode-languageserver';
import type { Locale } from '../engine/i18n/messages';
import type { DiagnosticsService } from './diagnostics';
import type { PlanSession } from './plan-session';

export interface ServerContext {
  connection: Connection;
  session: PlanSession;
  diagnostics: DiagnosticsService;
  locale: Locale;
  /** Workspace folders, as paths (uri-path.ts). */
  folders: string[];
  /** A folder's real path (links followed), undefined when it cannot be found. */
  realPath(path: string): string | undefined;
  /** The command code lenses carry: the client's own (initialization options) or the server's. */
  lensCommand: string;
  /** Pilot plan files a workspace check (and a workspace symbol search) lists at most. */
  maxWorkspaceFiles: number;
  /** The client handles `window/showDocument`. */
  showDocument: boolean;
  /** The client shows a completion item's `labelDetails`. */
  labelDetails: boolean;
  /** The client asked for quick fixes' snippet forms (initialization option `snippetEdits`). */
  snippetEdits: boolean;
  /** The client applies workspace edits that rename files (`documentChanges` with `rename`). */
  renameFiles: boolean;
  log(message: string): void;
}
