/**
 * Settings logic without `vscode`, so tests can run it in plain Node.
 */
import { DEFAULT_DEBOUNCE_MS } from './protocol';

export type ServerLocale = 'en' | 'zh-CN';
export type LocaleSetting = 'auto' | 'en' | 'zh-CN';

/** The server's locale: the setting, or for `auto` the display language of VS Code (zh, zh-cn, zh-tw… → zh-CN). */
export function resolveLocale(setting: unknown, displayLanguage: string): ServerLocale {
  if (setting === 'en' || setting === 'zh-CN') return setting;
  return /^zh\b/i.test(displayLanguage) ? 'zh-CN' : 'en';
}

/** The debounce setting, clamped to 0–5000 ms. */
export function resolveDebounce(setting: unknown): number {
  const n = typeof setting === 'number' && Number.isFinite(setting) ? Math.round(setting) : DEFAULT_DEBOUNCE_MS;
  return Math.min(5000, Math.max(0, n));
}

/**
 * The `pilotPlan.files.extraGlobs` setting as document-selector patterns. A glob
 * is matched against the whole path, so one without a folder part
 * (`plan*.yaml`) or a relative one (`plans/*.yaml`) gets a leading `**` + `/`.
 * Non-strings and empty strings are dropped, duplicates removed.
 */
export function normalizeGlobs(setting: unknown): string[] {
  if (!Array.isArray(setting)) return [];
  const out: string[] = [];
  for (const g of setting) {
    if (typeof g !== 'string') continue;
    let p = g.trim().replace(/\\/g, '/');
    if (!p) continue;
    if (p.startsWith('./')) p = p.slice(2);
    if (!p.startsWith('**/') && !p.startsWith('/') && !/^[A-Za-z]:\//.test(p)) p = `**/${p}`;
    if (!out.includes(p)) out.push(p);
  }
  return out;
}

/** The language of pilot plan files, and the client's ID (also the settings prefix). */
export const LANGUAGE_ID = 'pilot-plan';
export const CLIENT_ID = 'pilotPlan';
