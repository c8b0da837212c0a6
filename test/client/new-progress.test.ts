/**
 * The command New Progress File (client/src/new-progress.ts) with the vscode stand-in
 * (vscode-stub.ts) on a real temporary folder and a stand-in language client: it proposes the
 * server's file name in the plan's folder, writes the server's text there, and never writes
 * over a file; what it says, it says in the UI's language.
 */
import { openWorkspace, resetStub, ui, Uri, window, workspace } from './vscode-stub';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { newProgress } from '../../client/src/new-progress';
import type { PilotPlanClient } from '../../client/src/language-client';
import { NEW_PROGRESS_REQUEST } from '../../client/src/protocol';

const TEXT = 'apiVersion: pilot-plan/v1\nkind: Progress\nyear: 2025\n';

/** A language client whose server answers pilotPlan/newProgress with `answer`, recording what it was asked. */
function client(answer: unknown): { client: PilotPlanClient; asked: unknown[] } {
  const asked: unknown[] = [];
  const lc = {
    code2ProtocolConverter: { asUri: (u: Uri) => u.toString() },
    async sendRequest(method: string, params: unknown) {
      assert.equal(method, NEW_PROGRESS_REQUEST);
      asked.push(params);
      return answer;
    },
  };
  return { client: { isRunning: () => true, start: async () => undefined, current: lc, forRequest: async () => lc } as unknown as PilotPlanClient, asked };
}

describe('client: New Progress File', () => {
  let root: string;
  beforeEach(() => {
    resetStub();
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'pilot-new-progress-'));
    openWorkspace(root);
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('proposes the server\'s file in the plan\'s folder, writes its text and opens it', async () => {
    window.setActive({ uri: Uri.file(path.join(root, 'tasks.pilot.yaml')), languageId: 'pilot-plan' });
    const c = client({ planRoot: root, year: 2025, fileName: 'progress-2025.pilot.yaml', text: TEXT });
    ui.respond = (call) => (call.kind === 'saveDialog' ? Uri.file(call.value!) : undefined);
    const result = await newProgress(c.client);
    const target = path.join(root, 'progress-2025.pilot.yaml');
    assert.deepEqual(c.asked, [{ uri: Uri.file(path.join(root, 'tasks.pilot.yaml')).toString() }]);
    const dialog = ui.calls.find((x) => x.kind === 'saveDialog');
    assert.equal(dialog?.value, target);
    assert.equal(dialog?.title, 'Progress file for 2025');
    assert.equal(result?.uri.fsPath, target);
    assert.equal(fs.readFileSync(target, 'utf8'), TEXT);
    assert.deepEqual(window.shownDocuments.map((u) => u.fsPath), [target]);
    assert.match(ui.calls.find((x) => x.kind === 'info')?.message ?? '', /Created progress-2025\.pilot\.yaml/);
  });

  it('never writes over an existing file, and says so (in Chinese when the UI is)', async () => {
    workspace.setSetting('pilotPlan.locale', 'zh-CN');
    const target = path.join(root, 'progress-2025.pilot.yaml');
    fs.writeFileSync(target, '# 已填写\n');
    const c = client({ planRoot: root, year: 2025, fileName: 'progress-2025.pilot.yaml', text: TEXT });
    const result = await newProgress(c.client, { uri: path.join(root, 'plan.pilot.yaml'), target });
    assert.equal(result, undefined);
    assert.equal(fs.readFileSync(target, 'utf8'), '# 已填写\n');
    assert.match(ui.calls.find((x) => x.kind === 'error')?.message ?? '', /progress-2025\.pilot\.yaml 已存在，未作改动/);
  });

  it('writes nothing when the dialog is cancelled, or when the server says the file is in no plan', async () => {
    window.setActive({ uri: Uri.file(path.join(root, 'x.pilot.yaml')), languageId: 'pilot-plan' });
    await newProgress(client({ planRoot: root, year: 2025, fileName: 'progress-2025.pilot.yaml', text: TEXT }).client);
    assert.deepEqual(fs.readdirSync(root), []);
    ui.reset();
    const none = await newProgress(client({ error: 'This file belongs to no plan.' }).client);
    assert.equal(none, undefined);
    assert.deepEqual(ui.calls.map((x) => [x.kind, x.message]), [['error', 'This file belongs to no plan.']]);
    assert.deepEqual(fs.readdirSync(root), []);
  });

  it('without a file to start from, asks for one to be opened; a file name with a folder in it is not taken', async () => {
    await newProgress(client({ planRoot: root, year: 2025, fileName: 'progress-2025.pilot.yaml', text: TEXT }).client);
    assert.match(ui.calls[0]?.message ?? '', /open a file of the plan/);
    ui.reset();
    await newProgress(client({ planRoot: root, year: 2025, fileName: '../elsewhere.pilot.yaml', text: TEXT }).client, { uri: path.join(root, 'a.pilot.yaml'), target: path.join(root, 'b.pilot.yaml') });
    assert.deepEqual(fs.readdirSync(root), []);
    assert.equal(ui.calls[0]?.kind, 'error');
  });
});
