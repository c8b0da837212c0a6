/**
 * The language server of vscode.dev and github.dev for real: dist/web/server.js started as a Worker
 * in headless Chromium (Debian's, through playwright-core; the page and the bundle served by
 * page.route, nothing from the network), driven over postMessage with JSON-RPC as the web client
 * drives it. Its files come in pilotPlan/workspaceFiles under `memfs:/ws`; the diagnostics it
 * publishes on opening a file and on Check Workspace, its hover and its completion equal the Node
 * server's for the same files on disk (examples/broken and examples/guangzhou).
 *
 * Where /usr/bin/chromium is absent the suite is skipped and says why; in CI (CI set) it fails.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { CompletionList, Hover } from 'vscode-languageserver-protocol';
import { pathOfUri } from '../../server/src/common/uri-path';
import { WORKSPACE_FILES_NOTIFICATION, type WorkspaceFile } from '../../server/src/lsp/protocol';
import { repoRoot } from '../util/plan';
import { LspClient, find, tempDir, uriOf } from './client';
import { workspaceFiles } from './fixtures';

const CHROMIUM = '/usr/bin/chromium';
const ORIGIN = 'http://pilot-plan.test';
const WS = 'memfs:/ws';
const memfsUri = (rel: string) => `${WS}/${rel.split('/').map(encodeURIComponent).join('/')}`;

/** The page: a worker of the bundle, its messages kept, requests from the server answered with null. */
const PAGE = `<!doctype html><meta charset="utf-8"><script>
const worker = new Worker('/server.js');
const pending = new Map();
let nextId = 1;
window.received = [];
window.errors = [];
worker.onerror = (e) => window.errors.push(String(e.message));
worker.onmessage = (e) => {
  const m = e.data;
  if (m.id !== undefined && m.method) worker.postMessage({ jsonrpc: '2.0', id: m.id, result: null });
  else if (m.id !== undefined && pending.has(m.id)) { pending.get(m.id)(m); pending.delete(m.id); }
  else window.received.push(m);
};
window.request = (method, params) => new Promise((resolve) => { const id = nextId++; pending.set(id, resolve); worker.postMessage({ jsonrpc: '2.0', id, method, params }); });
window.notify = (method, params) => worker.postMessage({ jsonrpc: '2.0', method, params });
</script>`;

interface Received {
  method: string;
  params: { uri: string; diagnostics: unknown[]; message?: string };
}

/** Two examples side by side, as one workspace: broken/… and guangzhou/…. */
function workspace(): string {
  const dir = tempDir('pilot-web-worker-');
  for (const name of ['broken', 'guangzhou']) fs.cpSync(nodePath.join(repoRoot(), 'examples', name), nodePath.join(dir, name), { recursive: true });
  return dir;
}

/** Paths in a diagnostic's data (a quick fix's file) are the server's own: relative to the workspace's, as URIs are. */
function inData(base: string): (key: string, value: unknown) => unknown {
  const root = pathOfUri(base) + nodePath.sep;
  return (_key, value) => (typeof value === 'string' && value.startsWith(root) ? `<workspace>/${value.slice(root.length).split(nodePath.sep).join('/')}` : value);
}

/** Diagnostics by path relative to `base`, related places' URIs relative too. */
function byRel(published: Map<string, unknown[]>, base: string, rels: string[]): Record<string, string[]> {
  const relOf = (uri: string) => (uri.startsWith(`${base}/`) ? uri.slice(base.length + 1).split('/').map(decodeURIComponent).join('/') : `(outside) ${uri}`);
  const out: Record<string, string[]> = {};
  for (const rel of rels) out[rel] = [];
  for (const [uri, list] of published) {
    out[relOf(uri)] = (list as { relatedInformation?: { location: { uri: string } }[] }[])
      .map((d) => JSON.stringify({ ...d, relatedInformation: d.relatedInformation?.map((r) => ({ ...r, location: { ...r.location, uri: relOf(r.location.uri) } })) }, inData(base)))
      .sort();
  }
  return out;
}

describe('lsp: the web worker server in Chromium', function () {
  this.timeout(180000);
  let browser: Browser | undefined;
  let page: Page;
  let dir: string;
  let rels: string[];
  const outside: string[] = [];
  /** The Node server on disk, for what it publishes and answers. */
  let disk: LspClient;
  let diskAll: Record<string, string[]>;

  before(async function () {
    if (!fs.existsSync(CHROMIUM)) {
      if (process.env.CI) assert.fail(`${CHROMIUM} is missing: CI installs Debian's chromium`);
      console.log(`      (skipped below: ${CHROMIUM} is not installed; Debian: apt-get install chromium)`);
      this.skip();
    }
    const bundle = fs.readFileSync(nodePath.join(repoRoot(), 'dist', 'web', 'server.js'));
    dir = workspace();
    rels = workspaceFiles(dir);
    disk = await LspClient.start({ folder: dir });
    await disk.request('pilotPlan/checkWorkspace', {});
    diskAll = byRel(disk.diagnostics as Map<string, unknown[]>, uriOf(dir), rels);

    const { chromium } = require('playwright-core') as typeof import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'] });
    const context = await browser.newContext();
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url === `${ORIGIN}/`) return route.fulfill({ contentType: 'text/html', body: PAGE });
      if (url === `${ORIGIN}/server.js`) return route.fulfill({ contentType: 'text/javascript', body: bundle });
      outside.push(url);
      return route.abort();
    });
    page = await context.newPage();
    await page.goto(`${ORIGIN}/`);
  });

  after(async () => {
    await disk?.stop();
    await browser?.close();
  });

  const received = async () => (await page.evaluate('window.received')) as Received[];
  const published = async () => {
    const out = new Map<string, unknown[]>();
    for (const m of await received()) if (m.method === 'textDocument/publishDiagnostics') out.set(m.params.uri, m.params.diagnostics);
    return out;
  };
  const request = <R>(method: string, params: unknown) => page.evaluate(([m, p]) => (globalThis as any).request(m, p), [method, params] as const) as Promise<{ result?: R; error?: unknown }>;
  const notify = (method: string, params: unknown) => page.evaluate(([m, p]) => (globalThis as any).notify(m, p), [method, params] as const);
  async function until(what: string, cond: () => Promise<boolean>, timeoutMs = 30000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await cond())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; worker errors: ${JSON.stringify(await page.evaluate('window.errors'))}; log: ${(await received()).filter((m) => m.method === 'window/logMessage').map((m) => m.params.message).join('\n')}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  it('starts, takes the files from the client, and publishes on opening a file what the Node server publishes for its plan', async () => {
    const init = await request<{ capabilities: { hoverProvider?: boolean } }>('initialize', {
      processId: null,
      rootUri: WS,
      locale: 'en',
      workspaceFolders: [{ uri: WS, name: 'ws' }],
      initializationOptions: { workspaceFiles: 'client' },
      capabilities: { textDocument: { completion: { completionItem: { snippetSupport: true, labelDetailsSupport: true } } } },
    });
    assert.equal(init.result?.capabilities.hoverProvider, true, JSON.stringify(init));
    await notify('initialized', {});
    const files: WorkspaceFile[] = rels.map((rel) => ({ uri: memfsUri(rel), text: fs.readFileSync(nodePath.join(dir, rel), 'utf8') }));
    await notify(WORKSPACE_FILES_NOTIFICATION, { files, deleted: [], initial: true });

    // A file of the duplicate-id plan: its plan's files are published, equal to the Node server's.
    const opened = rels.find((r) => r.startsWith('broken/duplicate-id/') && r.endsWith('.pilot.yaml') && diskAll[r].length)!;
    assert.ok(opened, 'a file with findings in broken/duplicate-id');
    await notify('textDocument/didOpen', { textDocument: { uri: memfsUri(opened), languageId: 'pilot-plan', version: 1, text: fs.readFileSync(nodePath.join(dir, opened), 'utf8') } });
    const plan = rels.filter((r) => r.startsWith('broken/duplicate-id/') && !r.endsWith('config.yaml'));
    const expected = Object.fromEntries(plan.map((r) => [r, diskAll[r]]));
    await until('the plan of the opened file published', async () => {
      const mine = byRel(await published(), WS, []);
      return plan.every((r) => JSON.stringify(mine[r] ?? []) === JSON.stringify(expected[r]));
    });
    const mine = byRel(await published(), WS, []);
    assert.deepEqual(Object.fromEntries(plan.map((r) => [r, mine[r] ?? []])), expected);
    assert.ok(expected[opened].some((d) => d.includes('"code":"duplicate-id"')));
  });

  it('publishes for every file of the workspace what the Node server publishes (Check Workspace)', async () => {
    const result = await request<{ plans: number; files: number; errors: number }>('pilotPlan/checkWorkspace', {});
    const diskResult = await disk.request<{ plans: number; files: number; errors: number }>('pilotPlan/checkWorkspace', {});
    assert.deepEqual({ ...result.result, elapsedMs: 0 }, { ...diskResult, elapsedMs: 0 });
    await until('every file published as on disk', async () => JSON.stringify(byRel(await published(), WS, rels)) === JSON.stringify(diskAll));
    assert.ok(Object.values(diskAll).filter((l) => l.length).length > 20);
  });

  it('answers hover and completion as the Node server does', async () => {
    const rel = rels.find((r) => r.startsWith('guangzhou/tasks/'))!;
    const text = fs.readFileSync(nodePath.join(dir, rel), 'utf8');
    await notify('textDocument/didOpen', { textDocument: { uri: memfsUri(rel), languageId: 'pilot-plan', version: 1, text } });
    const file = nodePath.join(dir, rel);
    disk.open(file);
    const hoverAt = find(text, 'lead:', 1);
    const hover = await request<Hover>('textDocument/hover', { textDocument: { uri: memfsUri(rel) }, position: hoverAt });
    const diskHover = await disk.request<Hover | null>('textDocument/hover', { textDocument: { uri: uriOf(file) }, position: hoverAt });
    assert.ok(diskHover && JSON.stringify(diskHover.contents).length > 20);
    assert.deepEqual(hover.result, diskHover);
    const completeAt = find(text, 'area: ', 6);
    const completion = await request<CompletionList>('textDocument/completion', { textDocument: { uri: memfsUri(rel) }, position: completeAt });
    const diskCompletion = await disk.request<CompletionList>('textDocument/completion', { textDocument: { uri: uriOf(file) }, position: completeAt });
    assert.ok(diskCompletion.items.length > 3);
    assert.deepEqual(completion.result?.items.map((i) => i.label), diskCompletion.items.map((i) => i.label));
    assert.deepEqual(await page.evaluate('window.errors'), []);
  });

  it('draws the Plan Overview, charts included, and names the plan folder by its URI', async () => {
    const rel = rels.find((r) => r.startsWith('guangzhou/tasks/'))!;
    const params = { uri: memfsUri(rel), nonce: 'abcdefghijklmnop', cspSource: 'vscode-webview:' };
    const overview = await request<{ planRoot: string | null; rootUri?: string; html: string; files: string[] }>('pilotPlan/overview', params);
    const diskOverview = await disk.request<{ html: string; rootUri?: string }>('pilotPlan/overview', { ...params, uri: uriOf(nodePath.join(dir, rel)) });
    const failed = (await received()).filter((m) => m.method === 'window/logMessage' && / failed: /.test(m.params.message ?? ''));
    assert.deepEqual(failed, [], 'no handler failed');
    assert.equal(overview.result?.rootUri, memfsUri('guangzhou'));
    assert.equal(diskOverview.rootUri, uriOf(nodePath.join(dir, 'guangzhou')));
    const charts = (html: string) => (html.match(/<svg/g) ?? []).length;
    assert.ok(charts(diskOverview.html) > 5);
    assert.equal(charts(overview.result!.html), charts(diskOverview.html));
    assert.ok(overview.result!.files.every((u) => u.startsWith(`${WS}/guangzhou/`)));
    assert.deepEqual(await page.evaluate('window.errors'), []);
    assert.deepEqual(outside, [], 'nothing requested from the network');
  });

  it('answers Export to Word / Excel, which it cannot make (no docx or exceljs in the worker), with the reason in the language asked for', async () => {
    const rel = rels.find((r) => r.startsWith('guangzhou/'))!;
    for (const [locale, words] of [['zh-CN', '浏览器中的 VS Code'], ['en', 'not available in the browser']] as const) {
      const answer = await request('pilotPlan/export', { uri: memfsUri(rel), format: 'docx', locale });
      assert.equal(answer.result, undefined);
      assert.match(JSON.stringify(answer.error), new RegExp(words));
      assert.match(JSON.stringify(answer.error), /pilot-plan export <[^>]+> --format docx/);
    }
  });
});
