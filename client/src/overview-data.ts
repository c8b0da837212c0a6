/**
 * The Plan Overview's data, read leniently (no `vscode` here, so tests run in plain Node): the
 * server's answer to pilotPlan/overview, and the messages the page posts.
 */
import type { OverviewResult, OverviewTiming } from './protocol';

export type OverviewAnswer = OverviewResult;

/** The server's answer, or undefined when it is none (no server, a failed request). */
export function readOverviewResult(raw: unknown): OverviewAnswer | undefined {
  const r = (raw && typeof raw === 'object' ? raw : undefined) as Partial<Record<keyof OverviewResult, unknown>> | undefined;
  if (!r || typeof r.html !== 'string') return undefined;
  const answer: OverviewAnswer = {
    html: r.html,
    title: typeof r.title === 'string' ? r.title : '',
    planRoot: typeof r.planRoot === 'string' ? r.planRoot : null,
    ...(typeof r.planRoot === 'string' && typeof r.rootUri === 'string' && r.rootUri ? { rootUri: r.rootUri } : {}),
    files: Array.isArray(r.files) ? r.files.filter((f): f is string => typeof f === 'string') : [],
  };
  const timing = readTiming(r.timing);
  if (timing) answer.timing = timing;
  return answer;
}

/** The server's times of the answer (numbers only), or undefined. */
function readTiming(raw: unknown): OverviewTiming | undefined {
  const t = (raw && typeof raw === 'object' ? raw : undefined) as Record<string, unknown> | undefined;
  if (!t || typeof t.receivedAt !== 'number' || typeof t.answeredAt !== 'number') return undefined;
  const out: OverviewTiming = { receivedAt: t.receivedAt, answeredAt: t.answeredAt };
  for (const k of ['editedAt', 'checkStartedAt', 'checkedAt'] as const) if (typeof t[k] === 'number') out[k] = t[k];
  return out;
}

/** The page's word that it is shown (its script ran under the policy). */
export function isShownMessage(m: unknown): boolean {
  return !!m && typeof m === 'object' && (m as { type?: unknown }).type === 'shown';
}

/** The number of the report by message the page's word is about; undefined for a page loaded from its HTML. */
export function shownSeq(m: unknown): number | undefined {
  const seq = m && typeof m === 'object' ? (m as { seq?: unknown }).seq : undefined;
  return typeof seq === 'number' ? seq : undefined;
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

/** When (`Date.now()` in the page) the page took a refreshed report by message and had it in place, if the word says. */
export function readShownTimes(m: unknown): { receivedAt: number; swappedAt: number } | undefined {
  const x = (m && typeof m === 'object' ? m : {}) as { receivedAt?: unknown; swappedAt?: unknown };
  return typeof x.receivedAt === 'number' && typeof x.swappedAt === 'number' ? { receivedAt: x.receivedAt, swappedAt: x.swappedAt } : undefined;
}
