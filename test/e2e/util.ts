/**
 * Helpers for the end-to-end suite, which runs inside a real VS Code extension
 * host (code-server offline, or Electron via @vscode/test-electron): the Node
 * one, or the browser's web worker one. The runner opens a temporary workspace
 * folder holding copies of examples/guangzhou and examples/broken (on disk, or on
 * the in-memory `memfs` file system); nothing here touches the repository's own
 * examples. Files are reached through the workspace folder's URI and
 * `vscode.workspace.fs` only, never `node:fs`, so every host runs the same code.
 *
 * Waiting is done on events (onDidChangeDiagnostics) or by polling with a
 * deadline, never by a bare sleep.
 */
import * as vscode from 'vscode';
import { e2eEnv } from './env';

export const EXTENSION_ID = 'pilot-plan.pilot-plan';

/** Default deadline for anything the language server must do. */
export const DEADLINE_MS = 20_000;

export function workspaceUri(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the e2e runner must open a workspace folder (a copy of the examples)');
  return folder.uri;
}

export function wsUri(...parts: string[]): vscode.Uri {
  return vscode.Uri.joinPath(workspaceUri(), ...parts);
}

/** `uri`'s path below `base`, with `/` (`base` itself: ''). */
export function relativePath(base: vscode.Uri, uri: vscode.Uri): string {
  const prefix = base.path.replace(/\/+$/, '') + '/';
  if (!uri.path.startsWith(prefix)) throw new Error(`${uri.toString()} is not under ${base.toString()}`);
  return uri.path.slice(prefix.length);
}

export const sameUri = (a: vscode.Uri, b: vscode.Uri) => a.toString() === b.toString();

/**
 * Whether `path`, a folder as the language server names it, is `uri`: its file system path for
 * `file:`; on any other scheme the server's path of a URI, `/\u0000<scheme>/<authority>/<path>`.
 */
export function isServerPathOf(path: string | null | undefined, uri: vscode.Uri): boolean {
  if (!path) return false;
  if (uri.scheme === 'file') return path === uri.fsPath;
  return path.startsWith(`/\u0000${uri.scheme}/`) && path.endsWith(uri.path);
}

export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

export async function readText(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

export async function writeText(uri: vscode.Uri, text: string): Promise<void> {
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
}

export async function remove(uri: vscode.Uri): Promise<void> {
  if (await exists(uri)) await vscode.workspace.fs.delete(uri, { recursive: true, useTrash: false });
}

/**
 * What the tests list when Mocha loads their files (a test per file must exist
 * before the run, and listing is asynchronous): filled by prepareSuite(), which the
 * suite's index awaits first.
 */
export interface SuiteListing {
  /** The pilot files under broken/, relative to it, sorted. */
  brokenFiles: string[];
}

export async function prepareSuite(): Promise<void> {
  const broken = wsUri('broken');
  const files = (await exists(broken)) ? await listFiles(broken, isPilotFile) : [];
  state.listing = { brokenFiles: files.map((u) => relativePath(broken, u)) };
}

export function listing(): SuiteListing {
  if (!state.listing) throw new Error('the suite\'s index did not call prepareSuite() before loading the tests');
  return state.listing;
}

/**
 * When the language server has published nothing at all and a wait has already
 * timed out, later waits give up after a few seconds: a missing server then fails
 * the suite in seconds per test, not the full deadline each. State is shared
 * across the separately bundled test files through globalThis.
 */
const state: { silentTimeouts: number; listing?: SuiteListing } = ((globalThis as Record<string, unknown>).__pilotPlanE2E ??= { silentTimeouts: 0 }) as {
  silentTimeouts: number;
  listing?: SuiteListing;
};

function anyDiagnostics(): boolean {
  return vscode.languages.getDiagnostics().some(([u, ds]) => ds.length > 0 && isPilotFile(u.path));
}

function effective(timeoutMs: number): number {
  return state.silentTimeouts > 0 && !anyDiagnostics() ? Math.min(timeoutMs, 3000) : timeoutMs;
}

function timedOut(): string {
  if (anyDiagnostics()) return '';
  state.silentTimeouts++;
  return ' (the language server has published no diagnostics for any pilot file so far)';
}

/** Polls `probe` until it returns a truthy value or the deadline passes; the error names what was awaited and the last value. */
export async function waitFor<T>(
  what: string,
  probe: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  timeoutMs = DEADLINE_MS,
  describeLast?: () => string,
): Promise<T> {
  timeoutMs = effective(timeoutMs);
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const v = await probe();
      if (v) return v;
    } catch (e) {
      lastError = e;
    }
    if (Date.now() > deadline) {
      const last = describeLast ? `; last: ${describeLast()}` : lastError ? `; last error: ${String(lastError)}` : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last}${timedOut()}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

export function codeOf(d: vscode.Diagnostic): string {
  const c = d.code;
  if (c === undefined) return '';
  if (typeof c === 'object') return String(c.value);
  return String(c);
}

/** `code@line` (line from 1), the compact form the assertions compare. */
export function diagKey(d: vscode.Diagnostic): string {
  return `${codeOf(d)}@${d.range.start.line + 1}`;
}

export function keys(uri: vscode.Uri, filter: (d: vscode.Diagnostic) => boolean = () => true): string[] {
  return [...new Set(vscode.languages.getDiagnostics(uri).filter(filter).map(diagKey))].sort();
}

export const isProblem = (d: vscode.Diagnostic) =>
  d.severity === vscode.DiagnosticSeverity.Error || d.severity === vscode.DiagnosticSeverity.Warning;

/**
 * Resolves when the diagnostics of `uri` satisfy `pred`: checks now, then on every
 * onDidChangeDiagnostics for that uri, until the deadline.
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  pred: (ds: readonly vscode.Diagnostic[]) => boolean,
  what: string,
  timeoutMs = DEADLINE_MS,
): Promise<readonly vscode.Diagnostic[]> {
  timeoutMs = effective(timeoutMs);
  return new Promise((resolve, reject) => {
    const check = () => {
      const ds = vscode.languages.getDiagnostics(uri);
      if (pred(ds)) {
        done();
        resolve(ds);
        return true;
      }
      return false;
    };
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      done();
      const now = vscode.languages.getDiagnostics(uri).map((d) => `${diagKey(d)} ${d.message}`);
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what} in ${vscode.workspace.asRelativePath(uri)}; diagnostics now: ${JSON.stringify(now, null, 1)}${timedOut()}`));
    }, timeoutMs);
    function done() {
      clearTimeout(timer);
      sub.dispose();
    }
    check();
  });
}

/**
 * The findings an example under broken/ plants, as sorted `code@line` keys (the
 * same marks test/util/examples.ts reads for the CLI tests):
 *   `# expect: code[, code]` at the end of a line — findings starting on that line;
 *   `# expect-line N: code[, code]` anywhere — findings starting on line N.
 */
export function expectedKeys(text: string): string[] {
  const out = new Set<string>();
  text.split(/\r\n|\r|\n/).forEach((line, i) => {
    const at = /#\s*expect:\s*([a-z-]+(?:\s*,\s*[a-z-]+)*)\s*$/.exec(line);
    if (at) for (const code of at[1].split(',')) out.add(`${code.trim()}@${i + 1}`);
    const other = /#\s*expect-line\s+(\d+):\s*([a-z-]+(?:\s*,\s*[a-z-]+)*)/.exec(line);
    if (other) for (const code of other[2].split(',')) out.add(`${code.trim()}@${other[1]}`);
  });
  return [...out].sort();
}

/** The files under `dir` (all depths) whose name passes `pred`, sorted by path. */
export async function listFiles(dir: vscode.Uri, pred: (name: string) => boolean): Promise<vscode.Uri[]> {
  const out: vscode.Uri[] = [];
  for (const [name, type] of await vscode.workspace.fs.readDirectory(dir)) {
    const u = vscode.Uri.joinPath(dir, name);
    if (type & vscode.FileType.Directory) out.push(...(await listFiles(u, pred)));
    else if (pred(name)) out.push(u);
  }
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

export const isPilotFile = (p: string) => /\.pilot\.ya?ml$/.test(p);

export async function open(uri: vscode.Uri, show = false): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(uri);
  if (show) await vscode.window.showTextDocument(doc, { preview: false });
  return doc;
}

/** The position of the `occurrence`-th (from 0) match of `needle` on line `line` (from 1), plus `offset` characters. */
export function posOf(doc: vscode.TextDocument, line: number, needle: string, offset = 0, occurrence = 0): vscode.Position {
  const text = doc.lineAt(line - 1).text;
  let idx = -1;
  for (let i = 0; i <= occurrence; i++) {
    idx = text.indexOf(needle, idx + 1);
    if (idx < 0) throw new Error(`"${needle}" not found on line ${line} of ${vscode.workspace.asRelativePath(doc.uri)}: ${text}`);
  }
  return new vscode.Position(line - 1, idx + offset);
}

/** The line (from 1) of the first line matching `re`. */
export function lineOf(text: string, re: RegExp): number {
  const i = text.split(/\r?\n/).findIndex((l) => re.test(l));
  if (i < 0) throw new Error(`no line matches ${re}`);
  return i + 1;
}

export function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : String(c)))
    .join('\n');
}

export function completionLabels(list: vscode.CompletionList | undefined): string[] {
  return (list?.items ?? []).map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
}

export async function replaceAll(doc: vscode.TextDocument, text: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, new vscode.Range(0, 0, doc.lineCount, 0), text);
  if (!(await vscode.workspace.applyEdit(edit))) throw new Error('applyEdit refused');
}

/** Replaces the first occurrence of `from` on line `line` (from 1). */
export async function editLine(doc: vscode.TextDocument, line: number, from: string, to: string): Promise<void> {
  const start = posOf(doc, line, from);
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, new vscode.Range(start, start.translate(0, from.length)), to);
  if (!(await vscode.workspace.applyEdit(edit))) throw new Error('applyEdit refused');
}

const PROBE_KEY = 'e2eProbeUnknownKey';

/**
 * The diagnostics of a document once the server has certainly checked its current
 * text. An empty list is not proof of that, so: append an unknown top-level key,
 * wait for the server to flag it, take it out again, and wait for the flag to go.
 * The list then is the server's answer for the text as it is.
 */
export async function settledDiagnostics(doc: vscode.TextDocument): Promise<readonly vscode.Diagnostic[]> {
  const original = doc.getText();
  const probeLine = original.endsWith('\n') || original === '' ? doc.lineCount : doc.lineCount + 1; // 1-based line of the probe
  await replaceAll(doc, original + (original.endsWith('\n') || original === '' ? '' : '\n') + `${PROBE_KEY}: 1\n`);
  await waitForDiagnostics(doc.uri, (ds) => ds.some((d) => d.range.start.line + 1 === probeLine), `a finding on the probe key at line ${probeLine}`);
  await replaceAll(doc, original);
  return waitForDiagnostics(doc.uri, (ds) => !ds.some((d) => d.range.start.line + 1 === probeLine || d.message.includes(PROBE_KEY)), 'the probe finding to go');
}

/** Saves a document if dirty, so later tests see the disk as the editor does. */
export async function save(doc: vscode.TextDocument): Promise<void> {
  if (doc.isDirty && !(await doc.save())) throw new Error(`could not save ${doc.uri.toString()}`);
}

/**
 * Screenshot handshake with the offline runner, which drives the page from
 * outside: log `[screenshot] NAME wait=SELECTOR`, then wait for the runner to
 * write NAME.png into the shared folder (PILOT_PLAN_E2E_SCREENSHOTS: a path in
 * the Node host, a `vscode-remote:` URI in the web host). Without that runner
 * (Electron), no-op.
 */
export async function screenshot(name: string, waitSelector?: string): Promise<void> {
  const dir = e2eEnv('PILOT_PLAN_E2E_SCREENSHOTS');
  if (!dir) return;
  const file = vscode.Uri.joinPath(/^[a-z][\w+.-]*:\/\//i.test(dir) ? vscode.Uri.parse(dir) : vscode.Uri.file(dir), `${name}.png`);
  await remove(file);
  console.log(`[screenshot] ${name}${waitSelector ? ` wait=${waitSelector}` : ''}`);
  const deadline = Date.now() + 30_000;
  while (!(await exists(file))) {
    if (Date.now() > deadline) throw new Error(`the runner took no screenshot ${file.toString()} within 30 s`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
