/**
 * The web client's mirror of the workspace's plan files (workspace-mirror.ts), its parts without
 * `vscode`, so tests run them in plain Node: which files are mirrored, a file's bytes as the
 * `pilotPlan/workspaceFiles` notification carries them (text, base64 or size), the messages a
 * set of files is split into, and the watcher's events merged until they are sent.
 */
import { CONFIG_FILE_NAME, MAX_FILE_BYTES, PILOT_FILE, SKIPPED_DIRS } from './generated/tables';
import type { WorkspaceFile, WorkspaceFilesParams } from './protocol';

/** The files the server reads: pilot plan files and plans' configuration files (findFiles and the watcher). */
export const MIRROR_GLOB = `**/{*.pilot.yaml,*.pilot.yml,${CONFIG_FILE_NAME}}`;

/** What findFiles leaves out: the folders plan discovery never searches. */
export const MIRROR_EXCLUDE = `**/{${SKIPPED_DIRS.join(',')}}/**`;

/** Whether a file of this name is mirrored. */
export function isMirroredName(name: string): boolean {
  return PILOT_FILE.test(name) || name === CONFIG_FILE_NAME;
}

/** Whether a path (segments split by `/`, relative to its workspace folder) lies in a folder plan discovery skips. */
export function inSkippedFolder(relativePath: string): boolean {
  const segments = relativePath.split('/');
  return segments.slice(0, -1).some((s) => SKIPPED_DIRS.includes(s));
}

// fatal: bytes that are not UTF-8 go as base64, for the server to report as from disk; ignoreBOM: the mark is kept for the parser.
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Bytes as base64, without Node's Buffer (the browser bundle has none). */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  // In slices: String.fromCharCode takes its arguments on the stack.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** A file as the notification carries it: its text when the bytes are UTF-8, else their base64. */
export function encodeFile(uri: string, bytes: Uint8Array): WorkspaceFile {
  if (bytes.length > MAX_FILE_BYTES) return { uri, size: bytes.length };
  try {
    return { uri, text: utf8.decode(bytes) };
  } catch {
    return { uri, base64: toBase64(bytes) };
  }
}

/** A file above the size limit: its size alone, which the server reports as the engine's too-large finding. */
export function tooLargeFile(uri: string, size: number): WorkspaceFile {
  return { uri, size };
}

/** Whether a file of `size` bytes is read at all. */
export function isReadable(size: number): boolean {
  return size <= MAX_FILE_BYTES;
}

/** How much one message carries at most: a file above it goes alone. */
export interface BatchLimits {
  /** Characters of content (text or base64). */
  chars: number;
  files: number;
}

export const DEFAULT_BATCH_LIMITS: BatchLimits = { chars: 4 * 1024 * 1024, files: 500 };

function contentChars(f: WorkspaceFile): number {
  return (f.text?.length ?? 0) + (f.base64?.length ?? 0) + f.uri.length;
}

/**
 * Files and deletions split into messages of at most `limits` each (a file larger than the
 * limit alone in its message), the deletions in the first; always at least one message. With
 * `initial`, the last message says so: the server then has every file.
 */
export function batchFiles(files: readonly WorkspaceFile[], deleted: readonly string[], initial: boolean, limits: BatchLimits = DEFAULT_BATCH_LIMITS): WorkspaceFilesParams[] {
  const out: WorkspaceFilesParams[] = [];
  let current: WorkspaceFilesParams = { files: [], deleted: [...deleted] };
  let chars = 0;
  for (const f of files) {
    const n = contentChars(f);
    if (current.files.length && (chars + n > limits.chars || current.files.length >= limits.files)) {
      out.push(current);
      current = { files: [], deleted: [] };
      chars = 0;
    }
    current.files.push(f);
    chars += n;
  }
  out.push(current);
  if (initial) out[out.length - 1].initial = true;
  return out;
}

/** Calls `fn` on every item, at most `limit` at once; the results in the items' order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/**
 * The watcher's events not sent yet, by URI: the last word on a file counts (created or
 * changed: read it when sending; deleted: say so), so a burst of saves reads a file once.
 */
export class PendingChanges {
  private readonly byUri = new Map<string, 'changed' | 'deleted'>();

  changed(uri: string): void {
    this.byUri.set(uri, 'changed');
  }

  deleted(uri: string): void {
    this.byUri.set(uri, 'deleted');
  }

  get size(): number {
    return this.byUri.size;
  }

  clear(): void {
    this.byUri.clear();
  }

  /** The URIs to read and those deleted, emptying the set. */
  take(): { changed: string[]; deleted: string[] } {
    const changed: string[] = [];
    const deleted: string[] = [];
    for (const [uri, kind] of this.byUri) (kind === 'changed' ? changed : deleted).push(uri);
    this.byUri.clear();
    return { changed, deleted };
  }
}
