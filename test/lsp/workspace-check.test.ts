/**
 * pilotPlan/checkWorkspace over a generated workspace with more files than it takes: it
 * checks the plans of the first files up to its limit (lowered here through the
 * initialization option `workspaceCheckMaxFiles`) and says how many files it left out and
 * why, in the findings' language; never stops in silence.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import { DEFAULT_WORKSPACE_CHECK_MAX_FILES, type CheckWorkspaceResult } from '../../server/src/lsp/protocol';
import { SKIPPED_DIRS } from '../../server/src/engine/plan/walk';
import { notCheckedNote } from '../../server/src/lsp/workspace-check';
import { LspClient, tempDir, uriOf } from './client';
import { cliCheck } from './fixtures';

/** `plans` plan folders p000, p001, … each with a Plan file and `tasks` Tasks files (one orphan task each). */
function generatedWorkspace(plans: number, tasks: number): string {
  const dir = tempDir('pilot-lsp-ws-');
  for (let p = 0; p < plans; p++) {
    const d = nodePath.join(dir, `p${String(p).padStart(3, '0')}`);
    fs.mkdirSync(d);
    fs.writeFileSync(nodePath.join(d, 'plan.pilot.yaml'), `apiVersion: pilot-plan/v1\nkind: Plan\nid: P${p}\npilot: {name: 测试市, type: city, province: 广东省, batch: 1}\nbaseYear: 2020\ntargetYears: [2025, 2030]\n`);
    for (let t = 0; t < tasks; t++) fs.writeFileSync(nodePath.join(d, `t${String(t).padStart(3, '0')}.pilot.yaml`), `apiVersion: pilot-plan/v1\nkind: Tasks\ntasks:\n  - {id: T-${t}, title: 任务, area: other, lead: 市发展改革委}\n`);
  }
  return dir;
}

function counts(r: CheckWorkspaceResult) {
  return { plans: r.plans, files: r.files, errors: r.errors, warnings: r.warnings, infos: r.infos };
}

describe('lsp: Check Workspace and its limit of files', function () {
  this.timeout(60000);
  let client: LspClient | undefined;
  afterEach(async () => {
    await client?.stop();
    client = undefined;
  });

  for (const locale of ['en', 'zh-cn']) {
    it(`checks the plans of the first files up to the limit and says how many it left out, and why (${locale})`, async () => {
      // 5 plans of 11 files, a limit of 20: the first plan and the second (which the limit cuts) are checked whole.
      const dir = generatedWorkspace(5, 10);
      client = await LspClient.start({ folder: dir, locale, initializationOptions: { workspaceCheckMaxFiles: 20 } });
      const result = await client.request<CheckWorkspaceResult>('pilotPlan/checkWorkspace', {});
      const cli = cliCheck(dir, 'en', ['p000', 'p001']);
      assert.deepEqual(counts(result), { plans: 2, ...cli.summary });
      assert.equal(result.files, 22);
      assert.deepEqual(result.notChecked, { files: 33, limit: 20 });
      assert.equal(result.notes?.length, 1);
      const note = result.notes![0];
      if (locale === 'en') assert.match(note, /^Not checked: 33 pilot plan files of the workspace\. .*takes the first 20 files it finds and checks their plans.*`pilot-plan check <folder>`/);
      else assert.match(note, /^未检查：工作区中还有 33 个试点方案文件未检查。.*只取找到的前 20 个文件，检查其所属方案.*`pilot-plan check <文件夹>`/);
      assert.ok(client.logs.some((l) => l.includes(note)), 'the note is in the log too');
      // Published: every file of the two plans, none of the others.
      for (const p of ['p000', 'p001', 'p002', 'p004']) {
        const published = fs.readdirSync(nodePath.join(dir, p)).filter((f) => client!.diagnostics.has(uriOf(nodePath.join(dir, p, f)))).length;
        assert.equal(published, p === 'p000' || p === 'p001' ? 11 : 0, `files of ${p} published`);
      }
    });
  }

  it('says nothing more when every file fits, and counts each file once over a link back up the tree', async () => {
    const dir = generatedWorkspace(3, 4);
    const cli = cliCheck(dir).summary;
    try {
      fs.symlinkSync('..', nodePath.join(dir, 'p000', 'up'));
    } catch {
      // a file system without links: the rest of the test stands
    }
    client = await LspClient.start({ folder: dir, initializationOptions: { workspaceCheckMaxFiles: 15 } });
    const result = await client.request<CheckWorkspaceResult>('pilotPlan/checkWorkspace', {});
    assert.deepEqual(counts(result), { plans: 3, ...cli });
    assert.equal(result.files, 15);
    assert.equal(result.notChecked, undefined);
    assert.equal(result.notes, undefined);
  });

  it('lists the files the checker lists: the same folders skipped, a plan however deep', async () => {
    const dir = generatedWorkspace(2, 2);
    // 40 folders down: deeper than the server's own walk once went (32 levels).
    const deep = nodePath.join(dir, ...Array.from({ length: 40 }, (_, i) => `d${i}`));
    fs.mkdirSync(deep, { recursive: true });
    fs.cpSync(nodePath.join(dir, 'p000'), deep, { recursive: true });
    for (const skipped of SKIPPED_DIRS) {
      fs.mkdirSync(nodePath.join(dir, 'p001', skipped));
      fs.copyFileSync(nodePath.join(dir, 'p001', 't000.pilot.yaml'), nodePath.join(dir, 'p001', skipped, 't.pilot.yaml'));
    }
    const cli = cliCheck(dir).summary;
    client = await LspClient.start({ folder: dir });
    const result = await client.request<CheckWorkspaceResult>('pilotPlan/checkWorkspace', {});
    assert.deepEqual(counts(result), { plans: 3, ...cli });
    assert.equal(result.files, 9);
  });

  it('checks the workspace folders as they are after folders were added and removed', async () => {
    const first = generatedWorkspace(1, 2);
    const second = generatedWorkspace(2, 3);
    client = await LspClient.start({ folder: first });
    const folder = (dir: string) => ({ uri: uriOf(dir), name: nodePath.basename(dir) });
    client.conn.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [folder(second)], removed: [] } });
    let result = await client.request<CheckWorkspaceResult>('pilotPlan/checkWorkspace', {});
    assert.deepEqual([result.plans, result.files], [3, 3 + 8]);
    client.conn.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [], removed: [folder(first)] } });
    result = await client.request<CheckWorkspaceResult>('pilotPlan/checkWorkspace', {});
    assert.deepEqual([result.plans, result.files], [2, 8]);
  });

  it('an option that is no count of files leaves the default limit', async () => {
    const dir = generatedWorkspace(2, 2);
    for (const workspaceCheckMaxFiles of [0, -5, 1.5, '3']) {
      const c = await LspClient.start({ folder: dir, initializationOptions: { workspaceCheckMaxFiles } });
      try {
        const result = await c.request<CheckWorkspaceResult>('pilotPlan/checkWorkspace', {});
        assert.deepEqual([result.files, result.notChecked], [6, undefined], `workspaceCheckMaxFiles: ${JSON.stringify(workspaceCheckMaxFiles)}`);
      } finally {
        await c.stop();
      }
    }
  });

  it('without the option, the limit is 20,000 files, and the note says so in both languages', () => {
    assert.equal(DEFAULT_WORKSPACE_CHECK_MAX_FILES, 20000);
    assert.equal(
      notCheckedNote(30030, DEFAULT_WORKSPACE_CHECK_MAX_FILES, 'en'),
      "Not checked: 30030 pilot plan files of the workspace. “Check All Plans in the Workspace” takes the first 20000 files it finds and checks their plans, to keep the language server's time and memory in bounds; check the rest with `pilot-plan check <folder>`, or open them.",
    );
    assert.equal(
      notCheckedNote(30030, DEFAULT_WORKSPACE_CHECK_MAX_FILES, 'zh-CN'),
      '未检查：工作区中还有 30030 个试点方案文件未检查。“检查工作区中的全部方案”只取找到的前 20000 个文件，检查其所属方案，以控制语言服务器的用时和内存；其余文件请用 `pilot-plan check <文件夹>` 检查，或在编辑器中打开。',
    );
  });
});
