/**
 * The web client's workspace mirror (client/src/workspace-mirror.ts) with the vscode stand-in
 * (vscode-stub.ts) on real temporary folders and a stand-in language client that records the
 * `pilotPlan/workspaceFiles` notifications: every plan and configuration file to a server that
 * starts (text, base64 or size; the last message initial), none in the folders plan discovery
 * skips; then the watcher's changes, merged; everything again for a restarted server; the files
 * of workspace folders added and removed; nothing to a server that stopped.
 */
import { Uri, resetStub, workspace } from './vscode-stub';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { WorkspaceMirror, type MirrorTarget } from '../../client/src/workspace-mirror';
import { WORKSPACE_FILES_NOTIFICATION, type WorkspaceFile, type WorkspaceFilesParams } from '../../client/src/protocol';
import { MAX_FILE_BYTES } from '../../client/src/generated/tables';

const output = { appendLine: () => undefined } as never;
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

function target(): MirrorTarget & { sent: WorkspaceFilesParams[] } {
  const sent: WorkspaceFilesParams[] = [];
  return {
    sent,
    async sendNotification(method: string, params: WorkspaceFilesParams) {
      assert.equal(method, WORKSPACE_FILES_NOTIFICATION);
      sent.push(params);
    },
    code2ProtocolConverter: { asUri: (u) => u.toString() },
  };
}

/** Waits until `t` has `n` messages (the watcher's are sent after a short delay). */
async function messages(t: { sent: WorkspaceFilesParams[] }, n: number): Promise<WorkspaceFilesParams[]> {
  for (let i = 0; i < 100 && t.sent.length < n; i++) await wait(10);
  return t.sent;
}

const uri = (p: string) => Uri.file(p).toString();
const byUri = (files: WorkspaceFile[]) => Object.fromEntries(files.map((f) => [f.uri, f]));

describe('client (web): the workspace mirror', () => {
  let root: string;
  let mirror: WorkspaceMirror;
  const write = (rel: string, content: string | Uint8Array) => {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), content);
  };

  beforeEach(() => {
    resetStub();
    workspace.allFolders = true;
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'pilot-mirror-'));
    workspace.workspaceFolders = [{ uri: Uri.file(root), name: 'root', index: 0 }];
    write('plan.pilot.yaml', '\ufeffapiVersion: pilot-plan/v1\nkind: Plan\nid: 深圳\n');
    write('sub/tasks.pilot.yml', 'kind: Tasks\n');
    write('pilot-plan.config.yaml', 'rules: {}\n');
    write('latin1.pilot.yaml', new Uint8Array([0x69, 0x64, 0x3a, 0x20, 0xe9, 0x0a]));
    write('notes.yaml', 'not a plan file\n');
    write('node_modules/pkg/dep.pilot.yaml', 'kind: Plan\n');
    write('.git/x.pilot.yaml', 'kind: Plan\n');
    // A sparse file just above the limit: its size is sent, its bytes never read.
    fs.writeFileSync(path.join(root, 'big.pilot.yaml'), '');
    fs.truncateSync(path.join(root, 'big.pilot.yaml'), MAX_FILE_BYTES + 1);
    mirror = new WorkspaceMirror(output);
  });
  afterEach(() => {
    mirror.dispose();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('sends a starting server every plan and configuration file, each as the spec says, the last message initial', async () => {
    const t = target();
    await mirror.start(t);
    assert.equal(t.sent.length, 1);
    const [m] = t.sent;
    assert.equal(m.initial, true);
    assert.deepEqual(m.deleted, []);
    const files = byUri(m.files);
    assert.deepEqual(Object.keys(files).sort(), ['big.pilot.yaml', 'latin1.pilot.yaml', 'pilot-plan.config.yaml', 'plan.pilot.yaml', 'sub/tasks.pilot.yml'].map((f) => uri(path.join(root, f))).sort());
    assert.deepEqual(files[uri(path.join(root, 'plan.pilot.yaml'))], { uri: uri(path.join(root, 'plan.pilot.yaml')), text: '\ufeffapiVersion: pilot-plan/v1\nkind: Plan\nid: 深圳\n' });
    assert.equal(files[uri(path.join(root, 'latin1.pilot.yaml'))].base64, Buffer.from([0x69, 0x64, 0x3a, 0x20, 0xe9, 0x0a]).toString('base64'));
    assert.deepEqual(files[uri(path.join(root, 'big.pilot.yaml'))], { uri: uri(path.join(root, 'big.pilot.yaml')), size: MAX_FILE_BYTES + 1 });
    assert.ok(!workspace.fs.read.includes(uri(path.join(root, 'big.pilot.yaml'))), 'a file above the limit is not read');
    // One watcher, for the same files.
    assert.deepEqual(workspace.watchers.map((w) => w.glob), ['**/{*.pilot.yaml,*.pilot.yml,pilot-plan.config.yaml}']);
  });

  it('an empty workspace: one message, initial, with no files', async () => {
    workspace.workspaceFolders = [];
    const t = target();
    await mirror.start(t);
    assert.deepEqual(t.sent, [{ files: [], deleted: [], initial: true }]);
  });

  it('then sends what the watcher reports, merged by file, and nothing from skipped folders or outside the workspace', async () => {
    const t = target();
    await mirror.start(t);
    const [w] = workspace.watchers;
    write('new.pilot.yaml', 'kind: Indicators\n');
    w.create.fire(Uri.file(path.join(root, 'new.pilot.yaml')));
    w.change.fire(Uri.file(path.join(root, 'new.pilot.yaml')));
    w.change.fire(Uri.file(path.join(root, 'node_modules/pkg/dep.pilot.yaml')));
    w.change.fire(Uri.file(path.join(os.tmpdir(), 'elsewhere.pilot.yaml')));
    fs.rmSync(path.join(root, 'sub/tasks.pilot.yml'));
    w.delete.fire(Uri.file(path.join(root, 'sub/tasks.pilot.yml')));
    const sent = await messages(t, 2);
    await wait(80);
    assert.equal(sent.length, 2, 'one message for the burst');
    assert.deepEqual(sent[1], { files: [{ uri: uri(path.join(root, 'new.pilot.yaml')), text: 'kind: Indicators\n' }], deleted: [uri(path.join(root, 'sub/tasks.pilot.yml'))] });
    // A file reported changed but gone by the time it is read is a deletion.
    w.change.fire(Uri.file(path.join(root, 'vanished.pilot.yaml')));
    assert.deepEqual((await messages(t, 3))[2], { files: [], deleted: [uri(path.join(root, 'vanished.pilot.yaml'))] });
  });

  it('a restarted server gets everything again; a stopped one nothing', async () => {
    const first = target();
    await mirror.start(first);
    mirror.stop(first);
    const [w] = workspace.watchers;
    w.change.fire(Uri.file(path.join(root, 'plan.pilot.yaml')));
    await wait(100);
    assert.equal(first.sent.length, 1, 'nothing after it stopped');
    const second = target();
    await mirror.start(second);
    assert.equal(second.sent.length, 1);
    assert.equal(second.sent[0].initial, true);
    assert.deepEqual(second.sent[0].files.map((f) => f.uri).sort(), first.sent[0].files.map((f) => f.uri).sort());
  });

  it('a workspace folder added: its files; one removed: its files deleted', async () => {
    const other = fs.mkdtempSync(path.join(os.tmpdir(), 'pilot-mirror-other-'));
    try {
      fs.writeFileSync(path.join(other, 'plan.pilot.yaml'), 'kind: Plan\n');
      const t = target();
      await mirror.start(t);
      workspace.setFolders([root, other]);
      const added = (await messages(t, 2))[1];
      assert.equal(added.initial, undefined);
      assert.deepEqual(added.deleted, []);
      assert.ok(added.files.some((f) => f.uri === uri(path.join(other, 'plan.pilot.yaml'))));
      workspace.setFolders([other]);
      const removed = (await messages(t, 3))[2];
      assert.deepEqual(removed.files.map((f) => f.uri), [uri(path.join(other, 'plan.pilot.yaml'))]);
      assert.deepEqual(removed.deleted.sort(), t.sent[0].files.map((f) => f.uri).sort());
    } finally {
      fs.rmSync(other, { recursive: true, force: true });
    }
  });
});
