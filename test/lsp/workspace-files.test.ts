/**
 * The Node server told `workspaceFiles: 'client'` (protocol.ts): it reads no file system, its
 * files come from pilotPlan/workspaceFiles under a folder that exists nowhere on disk
 * (`memfs:/ws`), and what it publishes for every file of every plan (Check Workspace) equals what
 * the server publishes for the same files on disk: examples/broken (every rule's finding, plus a
 * file that is not UTF-8, sent as base64) and examples/guangzhou. A change and a deletion sent
 * through the notification update the diagnostics as the same change on disk does.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { pathOfUri } from '../../server/src/common/uri-path';
import { WORKSPACE_FILES_NOTIFICATION, type WorkspaceFile, type WorkspaceFilesParams } from '../../server/src/lsp/protocol';
import { LspClient, copyExample, uriOf } from './client';
import { workspaceFiles } from './fixtures';

const WS = 'memfs:/ws';
const memfsUri = (rel: string) => `${WS}/${rel.split('/').map(encodeURIComponent).join('/')}`;

/** A file as the web client sends it: text when UTF-8, else base64. */
function sent(dir: string, rel: string): WorkspaceFile {
  const bytes = fs.readFileSync(nodePath.join(dir, rel));
  try {
    return { uri: memfsUri(rel), text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch {
    return { uri: memfsUri(rel), base64: bytes.toString('base64') };
  }
}

/** Paths in a diagnostic's data (a quick fix's file) are the server's own: relative to the workspace's, as URIs are. */
function inData(base: string): (key: string, value: unknown) => unknown {
  const root = pathOfUri(base) + nodePath.sep;
  return (_key, value) => (typeof value === 'string' && value.startsWith(root) ? `<workspace>/${value.slice(root.length).split(nodePath.sep).join('/')}` : value);
}

/** The diagnostics a client holds under `base`, by path relative to it, URIs of related places relative too; none counts as []. */
export function diagnosticsUnder(client: LspClient, base: string, rels: string[]): Record<string, string[]> {
  const relOf = (uri: string) => (uri.startsWith(`${base}/`) ? uri.slice(base.length + 1).split('/').map(decodeURIComponent).join('/') : `(outside) ${uri}`);
  const out: Record<string, string[]> = {};
  for (const rel of rels) out[rel] = [];
  for (const [uri, list] of client.diagnostics) {
    if (!list.length && !uri.startsWith(`${base}/`)) continue;
    out[relOf(uri)] = list
      .map((d: Diagnostic) => JSON.stringify({ ...d, relatedInformation: d.relatedInformation?.map((r) => ({ ...r, location: { ...r.location, uri: relOf(r.location.uri) } })) }, inData(base)))
      .sort();
  }
  return out;
}

/** What the server on disk publishes for every file of the folder's plans. */
async function onDisk(dir: string): Promise<Record<string, string[]>> {
  const client = await LspClient.start({ folder: dir });
  try {
    await client.request('pilotPlan/checkWorkspace', {});
    return diagnosticsUnder(client, uriOf(dir), workspaceFiles(dir));
  } finally {
    await client.stop();
  }
}

async function expectSame(client: LspClient, dir: string, expected: Record<string, string[]>, step: string): Promise<void> {
  const rels = workspaceFiles(dir);
  try {
    await client.waitFor(step, () => JSON.stringify(diagnosticsUnder(client, WS, rels)) === JSON.stringify(expected), 20000);
  } catch (e) {
    assert.deepEqual(diagnosticsUnder(client, WS, rels), expected, step);
    throw e;
  }
}

async function clientFilesServer(dir: string): Promise<LspClient> {
  const client = await LspClient.start({ folder: dir, folderUri: WS, initializationOptions: { workspaceFiles: 'client' } });
  const files = workspaceFiles(dir).map((rel) => sent(dir, rel));
  // Over two messages, as a client that reads the workspace in batches sends them.
  const half = Math.ceil(files.length / 2);
  client.notify(WORKSPACE_FILES_NOTIFICATION, { files: files.slice(0, half), deleted: [] } satisfies WorkspaceFilesParams);
  client.notify(WORKSPACE_FILES_NOTIFICATION, { files: files.slice(half), deleted: [], initial: true } satisfies WorkspaceFilesParams);
  return client;
}

describe('lsp: files from the client (workspaceFiles: client)', function () {
  this.timeout(120000);
  let client: LspClient | undefined;
  afterEach(async () => {
    await client?.stop();
    client = undefined;
  });

  it('publishes for examples/broken what the server publishes on disk, a file of bytes that are not UTF-8 included', async () => {
    const dir = copyExample('broken');
    fs.writeFileSync(nodePath.join(dir, 'schema', 'latin1.pilot.yaml'), Buffer.from('apiVersion: pilot-plan/v1\nkind: Tasks\n# caf\xe9\n', 'latin1'));
    const expected = await onDisk(dir);
    assert.ok(Object.values(expected).filter((l) => l.length).length > 20, 'the broken examples have findings');
    assert.ok(expected['schema/latin1.pilot.yaml'].some((d) => d.includes('UTF-8')));
    client = await clientFilesServer(dir);
    assert.equal(sent(dir, 'schema/latin1.pilot.yaml').base64 !== undefined, true);
    await client.request('pilotPlan/checkWorkspace', {});
    await expectSame(client, dir, expected, 'examples/broken from the client');
    assert.ok(![...client.diagnostics.keys()].some((u) => u.startsWith('file:')), 'nothing of the disk');
  });

  it('publishes for examples/guangzhou what the server publishes on disk, and follows a change and a deletion sent by the client', async () => {
    const dir = copyExample('guangzhou');
    client = await clientFilesServer(dir);
    await client.request('pilotPlan/checkWorkspace', {});
    await expectSame(client, dir, await onDisk(dir), 'examples/guangzhou from the client');

    // Deleted: the references to its indicators go unresolved.
    const gone = 'indicators.pilot.yaml';
    fs.rmSync(nodePath.join(dir, gone));
    const afterDelete = await onDisk(dir);
    afterDelete[gone] = [];
    assert.ok(JSON.stringify(afterDelete).includes('unresolved-reference'));
    client.notify(WORKSPACE_FILES_NOTIFICATION, { files: [], deleted: [memfsUri(gone)] } satisfies WorkspaceFilesParams);
    await expectSame(client, dir, afterDelete, 'after the deletion');

    // Changed: a task's ID made a duplicate of another's.
    const tasks = workspaceFiles(dir).find((r) => r.startsWith('tasks/'))!;
    const text = fs.readFileSync(nodePath.join(dir, tasks), 'utf8');
    const ids = [...text.matchAll(/^ {2}- id: (\S+)/gm)].map((m) => m[1]);
    assert.ok(ids.length >= 2, `task IDs in ${tasks}`);
    fs.writeFileSync(nodePath.join(dir, tasks), text.replace(`- id: ${ids[1]}`, `- id: ${ids[0]}`));
    const afterChange = await onDisk(dir);
    afterChange[gone] = [];
    assert.ok(afterChange[tasks].some((d) => d.includes('duplicate-id')));
    client.notify(WORKSPACE_FILES_NOTIFICATION, { files: [sent(dir, tasks)], deleted: [] } satisfies WorkspaceFilesParams);
    await expectSame(client, dir, afterChange, 'after the change');
  });

  it('checks a document opened before its plan’s files came again when they come (initial)', async () => {
    const dir = copyExample('broken');
    const expected = await onDisk(dir);
    const rels = workspaceFiles(dir);
    // A file whose findings need other files of its plan: IDs they define too.
    const opened = rels.find((r) => r.startsWith('duplicate-id/') && expected[r].some((d) => d.includes('"code":"duplicate-id"')))!;
    assert.ok(opened, 'a file of broken/duplicate-id with a duplicate-id finding');
    client = await LspClient.start({ folder: dir, folderUri: WS, initializationOptions: { workspaceFiles: 'client' } });
    const text = fs.readFileSync(nodePath.join(dir, opened), 'utf8');
    client.notify('textDocument/didOpen', { textDocument: { uri: memfsUri(opened), languageId: 'pilot-plan', version: 1, text } });
    await client.waitFor('the file checked alone', () => client!.diagnostics.get(memfsUri(opened)));
    // Alone, without the other files that define its IDs too, its findings are not the plan's.
    assert.notDeepEqual(diagnosticsUnder(client, WS, rels)[opened], expected[opened]);
    client.notify(WORKSPACE_FILES_NOTIFICATION, { files: rels.map((rel) => sent(dir, rel)), deleted: [] } satisfies WorkspaceFilesParams);
    client.notify(WORKSPACE_FILES_NOTIFICATION, { files: [], deleted: [], initial: true } satisfies WorkspaceFilesParams);
    await client.waitFor('the open file checked with its plan', () => JSON.stringify(diagnosticsUnder(client!, WS, rels)[opened]) === JSON.stringify(expected[opened]));
  });

  it('ignores the notification where the client did not set workspaceFiles', async () => {
    const dir = copyExample('guangzhou');
    client = await LspClient.start({ folder: dir });
    const tasks = workspaceFiles(dir).find((r) => r.startsWith('tasks/'))!;
    client.notify(WORKSPACE_FILES_NOTIFICATION, { files: [{ uri: uriOf(nodePath.join(dir, tasks)), text: 'kind: [' }], deleted: [] } satisfies WorkspaceFilesParams);
    await client.waitFor('the log says it was ignored', () => client!.logs.some((l) => l.includes('workspaceFiles') && l.includes('ignored')));
    await client.request('pilotPlan/checkWorkspace', {});
    assert.ok(!(client.diagnostics.get(uriOf(nodePath.join(dir, tasks))) ?? []).some((d) => d.code === 'yaml-syntax'), 'the file on disk is checked, not the text sent');
  });
});
