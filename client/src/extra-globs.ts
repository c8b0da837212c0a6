/**
 * `pilotPlan.files.extraGlobs`: files that match are opened as pilot plan files
 * (language `pilot-plan`) although their names do not end in .pilot.yaml: on the desktop files on
 * disk (`file:`, which the server reads), on the web of any scheme.
 */
import * as vscode from 'vscode';
import { LANGUAGE_ID, normalizeGlobs } from './settings';

export class ExtraGlobs implements vscode.Disposable {
  private globs: string[] = [];
  /** Documents assigned once: if the user then picks another language, it stays. */
  private readonly assigned = new Set<string>();
  private readonly subscription: vscode.Disposable;

  /** `anyScheme`: the web, whose documents are of any scheme (the server gets their text from the client). */
  constructor(private readonly anyScheme = false) {
    this.refresh();
    this.subscription = vscode.workspace.onDidOpenTextDocument((doc) => this.assign(doc));
  }

  /** Reads the setting again and assigns open documents that now match. */
  refresh(): void {
    this.globs = normalizeGlobs(vscode.workspace.getConfiguration('pilotPlan').get('files.extraGlobs'));
    for (const doc of vscode.workspace.textDocuments) this.assign(doc);
  }

  matches(doc: vscode.TextDocument): boolean {
    if (this.anyScheme) return this.globs.some((pattern) => vscode.languages.match({ pattern }, doc) > 0);
    return doc.uri.scheme === 'file' && this.globs.some((pattern) => vscode.languages.match({ scheme: 'file', pattern }, doc) > 0);
  }

  private assign(doc: vscode.TextDocument): void {
    if (doc.languageId === LANGUAGE_ID || this.globs.length === 0) return;
    const key = doc.uri.toString();
    if (this.assigned.has(key) || !this.matches(doc)) return;
    this.assigned.add(key);
    vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID).then(undefined, () => this.assigned.delete(key));
  }

  dispose(): void {
    this.subscription.dispose();
  }
}
