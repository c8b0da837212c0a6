/**
 * The Plan Overview's data, read leniently (no `vscode` here, so tests run in plain Node): the
 * server's answer to pilotPlan/overview, and the messages the page posts.
 */
import type { OverviewResult } from './protocol';

export type OverviewAnswer = OverviewResult;

/** The server's answer, or undefined when it is none (no server, a failed request). */
export function readOverviewResult(raw: unknown): OverviewAnswer | undefined {
  const r = (raw && typeof raw === 'object' ? raw : undefined) as Partial<Record<keyof OverviewResult, unknown>> | undefined;
  if (!r || typeof r.html !== 'string') return undefined;
  return {
    html: r.html,
    title: typeof r.title === 'string' ? r.title : '',
    planRoot: typeof r.planRoot === 'string' ? r.planRoot : null,
    ...(typeof r.planRoot === 'string' && typeof r.rootUri === 'string' && r.rootUri ? { rootUri: r.rootUri } : {}),
    files: Array.isArray(r.files) ? r.files.filter((f): f is string => typeof f === 'string') : [],
  };
}

/** The page's word that it is shown (its script ran under the policy). */
export function isShownMessage(m: unknown): boolean {
  return !!m && typeof m === 'object' && (m as { type?: unknown }).type === 'shown';
}

/** A click's place from the page (`{ type: 'open', uri, line }`, line from 1), or undefined for anything else. */
export function readOpenMessage(m: unknown): { uri: string; line: number } | undefined {
  const x = (m && typeof m === 'object' ? m : {}) as { type?: unknown; uri?: unknown; line?: unknown };
  if (x.type !== 'open' || typeof x.uri !== 'string' || typeof x.line !== 'number' || !Number.isSafeInteger(x.line) || x.line < 1) return undefined;
  return { uri: x.uri, line: x.line };
}

/** 32 random letters and digits: a fresh page's script nonce. */
export function makeNonce(): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(32));
  return Array.from(bytes, (b) => chars[b % chars.length]).join('');
}
