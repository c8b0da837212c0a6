/**
 * What the language client tells the server at start, on the desktop and on the web: the
 * initialization options (settings read now) and the documents it checks. Without
 * vscode-languageclient, so that tests run it with the vscode stand-in.
 */
import * as vscode from 'vscode';
import { SHOW_REFERENCES_COMMAND, type InitializationOptions } from './protocol';
import { LANGUAGE_ID, normalizeGlobs, resolveDebounce, resolveLocale } from './settings';

/** A document filter as LSP has it: by language, or by glob pattern (a string), each of a scheme or any. */
export type DocumentFilter = { language: string; scheme?: string } | { pattern: string; scheme?: string };

/** The settings the server gets in `initialize`, read now. */
export function readInitializationOptions(web = false): InitializationOptions {
  const cfg = vscode.workspace.getConfiguration('pilotPlan');
  return {
    locale: resolveLocale(cfg.get('locale'), vscode.env.language),
    debounceMs: resolveDebounce(cfg.get('debounceMs')),
    showReferencesCommand: SHOW_REFERENCES_COMMAND,
    extraGlobs: normalizeGlobs(cfg.get('files.extraGlobs')),
    snippetEdits: true,
    // The web worker has no file system: its files come from the client (workspace-mirror.ts).
    ...(web ? { workspaceFiles: 'client' as const } : {}),
  };
}

/**
 * The documents the server checks: pilot plan documents saved or not, and files that match
 * the extra globs; on the desktop of `file:` (the server reads their folders from disk), on the
 * web of any scheme (github.dev's `vscode-vfs:`, a remote's `vscode-remote:`, …).
 */
export function documentSelector(extraGlobs: readonly string[], web: boolean): DocumentFilter[] {
  if (web) return [{ language: LANGUAGE_ID }, ...extraGlobs.map((pattern) => ({ pattern }))];
  return [{ language: LANGUAGE_ID, scheme: 'file' }, { language: LANGUAGE_ID, scheme: 'untitled' }, ...extraGlobs.map((pattern) => ({ scheme: 'file', pattern }))];
}
