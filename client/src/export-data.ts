/**
 * The Word and Excel exports' data, read leniently (no `vscode` here, so tests run in plain
 * Node): the server's answer to pilotPlan/export and its bytes.
 */
import type { ExportResult } from './protocol';

/** The server's answer, or undefined when it is none (no server, a failed request). */
export function readExportResult(raw: unknown): ExportResult | undefined {
  const r = (raw && typeof raw === 'object' ? raw : undefined) as Partial<Record<keyof ExportResult, unknown>> | undefined;
  if (!r || (r.planRoot !== null && typeof r.planRoot !== 'string')) return undefined;
  if (r.planRoot === null) return { planRoot: null, folderUri: '', fileName: '', data: '', files: [] };
  if (typeof r.folderUri !== 'string' || typeof r.fileName !== 'string' || typeof r.data !== 'string' || !r.data) return undefined;
  return {
    planRoot: r.planRoot,
    folderUri: r.folderUri,
    fileName: r.fileName,
    data: r.data,
    files: Array.isArray(r.files) ? r.files.filter((f): f is string => typeof f === 'string') : [],
  };
}

/** Base64 to bytes, without Node's Buffer (the same client code runs in a browser). */
export function fromBase64(data: string): Uint8Array {
  const text = atob(data);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}
