/**
 * The client on any URI scheme (the web's `vscode-vfs:`, `vscode-remote:`, `memfs:`): plan folders
 * by the URIs the server gives beside their paths (a path alone is a folder on disk), a file in a
 * folder by scheme, authority and path, the server's answers read with their URIs, New Progress File
 * proposed in the folder's URI, and the language client's document selector and options on the web.
 */
import { Uri, openWorkspace, resetStub, ui, workspace } from './vscode-stub';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { folderUri, isInFolder } from '../../client/src/folder-uri';
import { readPlanTreeResult } from '../../client/src/plan-tree-data';
import { readOverviewResult } from '../../client/src/overview-data';
import { newProgress } from '../../client/src/new-progress';
import type * as vscode from 'vscode';
import { documentSelector, readInitializationOptions } from '../../client/src/client-options';
import type { PilotPlanClient } from '../../client/src/language-client';

/** The stand-in's URI as the client's modules type it. */
const v = (u: Uri) => u as unknown as vscode.Uri;

describe('client (web): plan folders of any scheme', () => {
  beforeEach(() => resetStub());

  it('a folder is the server\'s URI when given, else its path on disk', () => {
    const u = folderUri('/\u0000vscode-vfs/github/o/r/plans', 'vscode-vfs://github/o/r/plans');
    assert.deepEqual([u.scheme, u.authority, u.path], ['vscode-vfs', 'github', '/o/r/plans']);
    assert.deepEqual([folderUri('/p/plan', undefined).scheme, folderUri('/p/plan', undefined).path], ['file', '/p/plan']);
    assert.equal(folderUri('/p/plan', null).scheme, 'file');
    assert.equal(folderUri('/p/plan', '').scheme, 'file');
  });

  it('a file is in a folder by scheme, authority and path, not by a prefix of its name', () => {
    const folder = Uri.parse('vscode-vfs://github/o/r/plans');
    assert.ok(isInFolder(v(Uri.parse('vscode-vfs://github/o/r/plans/a.pilot.yaml')), v(folder)));
    assert.ok(isInFolder(v(Uri.parse('vscode-vfs://github/o/r/plans/sub/b.pilot.yaml')), v(folder)));
    assert.ok(isInFolder(v(Uri.parse('vscode-vfs://GitHub/o/r/plans/a.pilot.yaml')), v(folder)), 'an authority in either case');
    assert.ok(!isInFolder(v(Uri.parse('vscode-vfs://github/o/r/plans2/a.pilot.yaml')), v(folder)));
    assert.ok(!isInFolder(v(Uri.parse('vscode-vfs://gitlab/o/r/plans/a.pilot.yaml')), v(folder)));
    assert.ok(!isInFolder(v(Uri.parse('memfs:/o/r/plans/a.pilot.yaml')), v(folder)));
    assert.ok(!isInFolder(v(Uri.file('/o/r/plans/a.pilot.yaml')), v(folder)), 'a file on disk is not in a virtual folder of the same path');
    assert.ok(isInFolder(v(Uri.file('/p/plan/a.pilot.yaml')), v(Uri.file('/p/plan'))));
    assert.ok(isInFolder(v(Uri.file('/p/plan/a.pilot.yaml')), v(Uri.file('/p/plan/'))));
    assert.ok(!isInFolder(v(Uri.file('/p/planB/a.pilot.yaml')), v(Uri.file('/p/plan'))));
  });

  it('the plan tree and the overview keep the server\'s folder URIs', () => {
    const tree = readPlanTreeResult({ plans: [{ root: '/\u0000memfs//ws/p', rootUri: 'memfs:/ws/p', label: 'P', groups: [] }, { root: '/q', rootUri: 7, label: 'Q', groups: [] }] });
    assert.deepEqual(tree.plans.map((p) => p.rootUri), ['memfs:/ws/p', undefined]);
    assert.equal(readOverviewResult({ html: '<p>', planRoot: '/\u0000memfs//ws/p', rootUri: 'memfs:/ws/p' })?.rootUri, 'memfs:/ws/p');
    assert.equal(readOverviewResult({ html: '<p>', planRoot: null, rootUri: 'memfs:/ws/p' })?.rootUri, undefined, 'no folder, no URI');
  });

  it('New Progress File proposes the file in the folder the server gives as a URI, not at its path', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'pilot-web-progress-'));
    try {
      openWorkspace(root);
      const lc = { code2ProtocolConverter: { asUri: (u: Uri) => u.toString() }, sendRequest: async () => ({ planRoot: '/\u0000vscode-vfs/github/o/r', planRootUri: Uri.file(root).toString(), year: 2026, fileName: 'progress-2026.pilot.yaml', text: 'kind: Progress\n' }) };
      const client = { forRequest: async () => lc } as unknown as PilotPlanClient;
      ui.respond = (call) => (call.kind === 'saveDialog' ? Uri.file(call.value!) : undefined);
      const result = await newProgress(client, { uri: Uri.file(path.join(root, 'plan.pilot.yaml')), open: false });
      assert.equal(ui.calls.find((c) => c.kind === 'saveDialog')?.value, path.join(root, 'progress-2026.pilot.yaml'));
      assert.equal(result?.year, 2026);
      assert.equal(fs.readFileSync(path.join(root, 'progress-2026.pilot.yaml'), 'utf8'), 'kind: Progress\n');
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('client (web): the language client', () => {
  beforeEach(() => resetStub());

  it('on the web: pilot plan documents and extra globs of any scheme; on the desktop: file and untitled as before', () => {
    assert.deepEqual(documentSelector(['**/plan*.yaml'], true), [{ language: 'pilot-plan' }, { pattern: '**/plan*.yaml' }]);
    assert.deepEqual(documentSelector(['**/plan*.yaml'], false), [
      { language: 'pilot-plan', scheme: 'file' },
      { language: 'pilot-plan', scheme: 'untitled' },
      { scheme: 'file', pattern: '**/plan*.yaml' },
    ]);
  });

  it('tells the web worker server that its files come from the client; the desktop\'s never', () => {
    assert.equal(readInitializationOptions(true).workspaceFiles, 'client');
    assert.ok(!('workspaceFiles' in readInitializationOptions(false)));
    assert.ok(!('workspaceFiles' in readInitializationOptions()));
    workspace.setSetting('pilotPlan.files.extraGlobs', ['plans/*.yaml']);
    assert.deepEqual(readInitializationOptions(true).extraGlobs, ['**/plans/*.yaml']);
  });
});
