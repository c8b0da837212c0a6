/**
 * The language of the extension's own UI: `pilotPlan.locale`, read each time a string is
 * made (so a changed setting shows at once), `auto` following VS Code's display language.
 */
import * as vscode from 'vscode';
import { resolveLocale, type ServerLocale } from './settings';
import { uiText, type UiKey } from './ui-text';

export function uiLocale(): ServerLocale {
  return resolveLocale(vscode.workspace.getConfiguration('pilotPlan').get('locale'), vscode.env.language);
}

/** The UI sentence `key` in the language of `pilotPlan.locale`. */
export function t(key: UiKey, ...args: (string | number)[]): string {
  return uiText(uiLocale(), key, ...args);
}
