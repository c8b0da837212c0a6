import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { e2eEnv, e2eHost, inNodeHost } from './env';
import { exists, isPilotFile, listFiles, readText, remove, workspaceUri, writeText, wsUri } from './util';

/**
 * The run is the one the runner asked for (extension host, workspace file system), and the
 * workspace copy is there and writable through `vscode.workspace.fs`, before any test of the
 * extension relies on it. None of this needs the extension itself.
 */
describe('host: the extension host and the workspace the runner asked for', () => {
  it('runs in the extension host the runner asked for', () => {
    const host = e2eHost();
    assert.equal(inNodeHost, host === 'node', `asked for ${host}; the suite runs in the ${inNodeHost ? 'Node' : 'web worker'} extension host`);
    if (!inNodeHost) assert.equal(vscode.env.uiKind, vscode.UIKind.Web);
  });

  it('the workspace folder is on the file system the runner asked for', () => {
    const scheme = workspaceUri().scheme;
    if (e2eHost() === 'web-memfs') assert.equal(scheme, 'memfs');
    else assert.ok(['file', 'vscode-remote'].includes(scheme), `workspace folder ${workspaceUri().toString()}`);
  });

  it('the examples are found and read through vscode.workspace.fs', async () => {
    const broken = await listFiles(wsUri('broken'), isPilotFile);
    assert.ok(broken.length >= 20, `only ${broken.length} pilot files under ${wsUri('broken').toString()}`);
    const plan = await readText(wsUri('guangzhou', 'plan.pilot.yaml'));
    // PILOT_PLAN_E2E_PLANT=1 plants a failure here, so that a test of the runner can see a failing run fail (test/e2e-runner).
    const kind = e2eEnv('PILOT_PLAN_E2E_PLANT') === '1' ? 'kind: Planted' : 'kind: Plan';
    assert.match(plan, new RegExp(`^${kind}$`, 'm'), `guangzhou/plan.pilot.yaml has no line "${kind}": not the example's main plan file`);
    assert.match(plan, /广州市/);
  });

  it('findFiles finds the examples\' plan files', async () => {
    const found = await vscode.workspace.findFiles('guangzhou/**/*.pilot.yaml');
    const listed = await listFiles(wsUri('guangzhou'), isPilotFile);
    assert.deepEqual(found.map((u) => u.toString()).sort(), listed.map((u) => u.toString()).sort());
  });

  it('files are written, read back and deleted through vscode.workspace.fs', async () => {
    const dir = wsUri('host-e2e');
    const file = vscode.Uri.joinPath(dir, '子目录', 'a b.pilot.yaml');
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(dir, '子目录'));
    await writeText(file, 'kind: Plan\n# 试点\n');
    assert.equal(await readText(file), 'kind: Plan\n# 试点\n');
    await remove(dir);
    assert.equal(await exists(file), false);
  });
});
