/** What every LSP feature module gets: the session, the settings, a log. */
import type { Connection } from 'vscode-languageserver/node';
import type { Locale } from '../engine/i18n/messages';
import type { DiagnosticsService } from './diagnostics';
import type { PlanSession } from './plan-session';

export interface ServerContext {
  connection: Connection;
  session: PlanSession;
  diagnostics: DiagnosticsService;
  locale: Locale;
  /** Workspace folders, as paths. */
  folders: string[];
  log(message: string): void;
}
