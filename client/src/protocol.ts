/**
 * The custom LSP messages between this client and the Pilot Plan server: the
 * names and shapes are the server's (server/src/lsp/protocol.ts, which has no
 * dependencies); the client reads answers leniently all the same.
 */
export {
  ACTIVE_DOCUMENT_NOTIFICATION,
  CHECK_WORKSPACE_REQUEST,
  DEFAULT_DEBOUNCE_MS,
  SERVER_SHOW_REFERENCES_COMMAND,
  SHOW_REFERENCES_COMMAND,
  STATUS_NOTIFICATION,
  type ActiveDocumentParams,
  type CheckWorkspaceResult,
  type StatusParams,
} from '../../server/src/lsp/protocol';

/** The options the client sends in `initialize`. */
export interface InitializationOptions {
  locale: 'en' | 'zh-CN';
  debounceMs: number;
  /** The command code lenses carry: ours (commands.ts), which opens VS Code's references peek. */
  showReferencesCommand: string;
  /** Globs (the extraGlobs setting, normalized) of further files the client treats as pilot plan files. */
  extraGlobs: string[];
}

/** A count from an untrusted answer: a non-negative integer, else 0. */
export function count(v: unknown): number {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? Math.floor(v) : 0;
}
