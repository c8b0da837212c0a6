/**
 * Changes of plan structure over the real server: a file's `kind` edited to or from `Plan`
 * (before the first check ends too), Plan files created, deleted and renamed on disk in
 * folders with closed files, the configuration file opened, edited and closed. After every
 * step, the published diagnostics of every file of the workspace, open and closed, must be
 * what `pilot-plan check .` says about the same texts on disk.
 */
import * as fs from 'node:fs';
import { LspClient, tempDir, uriOf } from './client';
import { brokenGuangzhou, expectWorkspaceLikeCli, plan, type Plan } from './fixtures';

/** Creates = 1, changed = 2, deleted = 3 (LSP FileChangeType). */
function watched(client: LspClient, changes: [string, 1 | 2 | 3][]): void {
  client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: changes.map(([path, type]) => ({ uri: uriOf(path), type })) });
}

/** Writes a file to disk and changes it in the editor, as saving each keystroke would. */
function edit(client: LspClient, p: Plan, rel: string, from: string, to: string): void {
  const text = client.text(p.path(rel));
  if (!text.includes(from)) throw new Error(`fixture: not found in ${rel}: ${from}`);
  const next = text.replace(from, to);
  p.write(rel, next);
  client.change(p.path(rel), next);
}

/** A plan of `tasks` Tasks files (one task each, one of them with an unresolved reference) besides its Plan file. */
function generatedPlan(tasks: number): Plan {
  const p = plan(tempDir('pilot-lsp-gen-'));
  p.write('plan.pilot.yaml', 'apiVersion: pilot-plan/v1\nkind: Plan\nid: GEN\npilot: {name: 测试市, type: city, province: 广东省, batch: 1}\nbaseYear: 2020\ntargetYears: [2025, 2030]\n');
  fs.mkdirSync(p.path('tasks'));
  for (let i = 0; i < tasks; i++) {
    const deps = i === 7 ? '\n    dependsOn: [T-NOWHERE]' : i > 0 ? `\n    dependsOn: [T-${i - 1}]` : '';
    p.write(`tasks/t${i}.pilot.yaml`, `apiVersion: pilot-plan/v1\nkind: Tasks\ntasks:\n  - id: T-${i}\n    title: 任务${i}\n    area: other\n    lead: 市发展改革委${deps}\n`);
  }
  return p;
}

describe('lsp: changes of plan structure, every file against the CLI', function () {
  this.timeout(120000);
  let client: LspClient | undefined;
  afterEach(async () => {
    await client?.stop();
    client = undefined;
  });

  for (const debounceMs of [150, 0]) {
    it(`a file becomes the Plan file before the first check ends: the closed files of the new plan are published (debounce ${debounceMs} ms)`, async () => {
      const p = brokenGuangzhou();
      const planText = p.read('plan.pilot.yaml');
      p.write('plan.pilot.yaml', planText.replace('kind: Plan', 'kind: Tasks'));
      client = await LspClient.start({ folder: p.dir, initializationOptions: { debounceMs } });
      client.open(p.path('plan.pilot.yaml'));
      p.write('plan.pilot.yaml', planText);
      client.change(p.path('plan.pilot.yaml'), planText);
      await expectWorkspaceLikeCli(client, p.dir, 'kind: Tasks → Plan right after opening');
    });

    it(`the Plan file stops being one before the first check ends: the closed files of the former plan get their not-in-plan note (debounce ${debounceMs} ms)`, async () => {
      const p = brokenGuangzhou();
      client = await LspClient.start({ folder: p.dir, initializationOptions: { debounceMs } });
      client.open(p.path('plan.pilot.yaml'));
      edit(client, p, 'plan.pilot.yaml', 'kind: Plan', 'kind: Tasks');
      await expectWorkspaceLikeCli(client, p.dir, 'kind: Plan → Tasks right after opening');
      edit(client, p, 'plan.pilot.yaml', 'kind: Tasks', 'kind: Plan');
      await expectWorkspaceLikeCli(client, p.dir, 'kind back to Plan');
    });
  }

  it('the Plan file stops being one and comes back, in the editor and on disk: every closed file follows', async () => {
    const p = brokenGuangzhou();
    client = await LspClient.start({ folder: p.dir, initializationOptions: { debounceMs: 0 } });
    client.open(p.path('tasks/energy.pilot.yaml'));
    await expectWorkspaceLikeCli(client, p.dir, 'opening a Tasks file');
    client.open(p.path('plan.pilot.yaml'));
    edit(client, p, 'plan.pilot.yaml', 'kind: Plan', 'kind: Tasks');
    await expectWorkspaceLikeCli(client, p.dir, 'kind: Plan → Tasks in the editor');
    edit(client, p, 'plan.pilot.yaml', 'kind: Tasks', 'kind: Plan');
    await expectWorkspaceLikeCli(client, p.dir, 'kind: Tasks → Plan in the editor');
    client.close(p.path('plan.pilot.yaml'));
    // Closed now: the same changes on disk, as a checkout makes them.
    p.write('plan.pilot.yaml', p.read('plan.pilot.yaml').replace('kind: Plan', 'kind: Projects'));
    watched(client, [[p.path('plan.pilot.yaml'), 2]]);
    await expectWorkspaceLikeCli(client, p.dir, 'kind: Plan → Projects on disk');
    p.write('plan.pilot.yaml', p.read('plan.pilot.yaml').replace('kind: Projects', 'kind: Plan'));
    watched(client, [[p.path('plan.pilot.yaml'), 2]]);
    await expectWorkspaceLikeCli(client, p.dir, 'kind: Projects → Plan on disk');
    // A closed Tasks file of a sub-folder becomes a Plan file: the sub-folder is a plan of its own.
    const others = p.read('tasks/transport-others.pilot.yaml');
    p.write('tasks/transport-others.pilot.yaml', others.replace('kind: Tasks', 'kind: Plan'));
    watched(client, [[p.path('tasks/transport-others.pilot.yaml'), 2]]);
    await expectWorkspaceLikeCli(client, p.dir, 'a closed Tasks file in tasks/ → Plan');
    p.write('tasks/transport-others.pilot.yaml', others);
    watched(client, [[p.path('tasks/transport-others.pilot.yaml'), 2]]);
    await expectWorkspaceLikeCli(client, p.dir, 'and back to Tasks');
  });

  it('Plan files created, renamed and deleted on disk in folders with closed files', async () => {
    const p = brokenGuangzhou();
    client = await LspClient.start({ folder: p.dir, initializationOptions: { debounceMs: 0 } });
    client.open(p.path('projects.pilot.yaml'));
    await expectWorkspaceLikeCli(client, p.dir, 'opening');
    const subPlan = 'apiVersion: pilot-plan/v1\nkind: Plan\nid: SUB\npilot: {name: 测试区, type: park, province: 广东省, batch: 1}\nbaseYear: 2020\ntargetYears: [2025, 2030]\n';
    p.write('tasks/sub-plan.pilot.yaml', subPlan);
    watched(client, [[p.path('tasks/sub-plan.pilot.yaml'), 1]]);
    await expectWorkspaceLikeCli(client, p.dir, 'a Plan file created in tasks/');
    fs.renameSync(p.path('tasks/sub-plan.pilot.yaml'), p.path('tasks/main.pilot.yml'));
    watched(client, [[p.path('tasks/sub-plan.pilot.yaml'), 3], [p.path('tasks/main.pilot.yml'), 1]]);
    await expectWorkspaceLikeCli(client, p.dir, 'the Plan file of tasks/ renamed');
    fs.renameSync(p.path('tasks/main.pilot.yml'), p.path('tasks/main.yml'));
    watched(client, [[p.path('tasks/main.pilot.yml'), 3]]);
    await expectWorkspaceLikeCli(client, p.dir, 'the Plan file of tasks/ renamed to a name that is no plan file');
    const planText = p.read('plan.pilot.yaml');
    fs.rmSync(p.path('plan.pilot.yaml'));
    watched(client, [[p.path('plan.pilot.yaml'), 3]]);
    await expectWorkspaceLikeCli(client, p.dir, 'the root Plan file deleted');
    p.write('plan.pilot.yaml', planText);
    watched(client, [[p.path('plan.pilot.yaml'), 1]]);
    await expectWorkspaceLikeCli(client, p.dir, 'the root Plan file created again');
    // A second Plan file in the root folder, then a new folder of closed files.
    p.write('second.pilot.yaml', planText.replace('id: GZ', 'id: GZ2'));
    watched(client, [[p.path('second.pilot.yaml'), 1]]);
    await expectWorkspaceLikeCli(client, p.dir, 'a second Plan file in the root folder');
    fs.rmSync(p.path('second.pilot.yaml'));
    fs.mkdirSync(p.path('more'));
    p.write('more/a.pilot.yaml', 'apiVersion: pilot-plan/v1\nkind: Tasks\ntasks:\n  - {id: T-MORE, title: 更多, area: other, lead: 市发展改革委, dependsOn: [T-NONE]}\n');
    watched(client, [[p.path('second.pilot.yaml'), 3], [p.path('more/a.pilot.yaml'), 1]]);
    await expectWorkspaceLikeCli(client, p.dir, 'the second Plan file deleted, a folder of tasks added');
  });

  it('an unsaved Plan file opened in a folder of closed files, then closed without saving', async () => {
    const p = brokenGuangzhou();
    client = await LspClient.start({ folder: p.dir, initializationOptions: { debounceMs: 0 } });
    client.open(p.path('plan.pilot.yaml'));
    await expectWorkspaceLikeCli(client, p.dir, 'opening');
    const unsaved = p.path('tasks/sub-plan.pilot.yaml');
    const energy = uriOf(p.path('tasks/energy.pilot.yaml'));
    const before = JSON.stringify(client.diagnostics.get(energy));
    client.open(unsaved, 'apiVersion: pilot-plan/v1\nkind: Plan\nid: SUB\npilot: {name: 测试区, type: park, province: 广东省, batch: 1}\nbaseYear: 2020\ntargetYears: [2025, 2030]\n');
    // tasks/ is a plan of its own while the new file is open: its closed files are checked in it.
    await client.waitFor('the closed files of tasks/ in their new plan', () => JSON.stringify(client!.diagnostics.get(energy)) !== before);
    client.close(unsaved);
    await expectWorkspaceLikeCli(client, p.dir, 'the unsaved Plan file closed');
  });

  it('the configuration file alone opened, edited and closed: the plan is checked and published', async () => {
    const p = brokenGuangzhou();
    const config = p.path('pilot-plan.config.yaml');
    const onDisk = p.read('pilot-plan.config.yaml');
    client = await LspClient.start({ folder: p.dir, initializationOptions: { debounceMs: 0 } });
    client.open(config);
    await expectWorkspaceLikeCli(client, p.dir, 'opening the configuration file only');
    edit(client, p, 'pilot-plan.config.yaml', 'rules:', 'rules:\n  orphan: error\n  unresolved-reference: warning\n  orpan: off');
    await expectWorkspaceLikeCli(client, p.dir, 'rules changed in the configuration');
    // Closed without saving: the editor's text goes, the disk's counts again.
    const edited = p.read('pilot-plan.config.yaml');
    p.write('pilot-plan.config.yaml', onDisk);
    client.close(config);
    await expectWorkspaceLikeCli(client, p.dir, 'the configuration closed without saving');
    p.write('pilot-plan.config.yaml', edited);
    watched(client, [[config, 2]]);
    await expectWorkspaceLikeCli(client, p.dir, 'the configuration changed on disk');
    fs.rmSync(config);
    watched(client, [[config, 3]]);
    await expectWorkspaceLikeCli(client, p.dir, 'the configuration deleted');
  });

  it('edits that arrive while the first check of a larger plan is still running', async () => {
    const p = generatedPlan(400);
    client = await LspClient.start({ folder: p.dir, initializationOptions: { debounceMs: 0 } });
    const first = p.path('tasks/t0.pilot.yaml');
    client.open(first);
    // The first check parses 400 files: these edits come while it runs, each a change of structure.
    const planText = p.read('plan.pilot.yaml');
    client.open(p.path('plan.pilot.yaml'));
    edit(client, p, 'plan.pilot.yaml', 'kind: Plan', 'kind: Tasks');
    await client.waitFor('a first publication', () => client!.diagnostics.size > 0, 20000);
    edit(client, p, 'plan.pilot.yaml', 'kind: Tasks', 'kind: Plan');
    edit(client, p, 'tasks/t0.pilot.yaml', 'id: T-0', 'id: T-ZERO');
    await expectWorkspaceLikeCli(client, p.dir, 'edits during the first checks', { timeoutMs: 30000 });
    edit(client, p, 'plan.pilot.yaml', 'kind: Plan', 'kind: Tasks');
    client.close(p.path('plan.pilot.yaml'));
    await expectWorkspaceLikeCli(client, p.dir, 'the Plan file edited away and closed at once', { timeoutMs: 30000 });
    p.write('plan.pilot.yaml', planText);
    watched(client, [[p.path('plan.pilot.yaml'), 2]]);
    await expectWorkspaceLikeCli(client, p.dir, 'the Plan file back on disk', { timeoutMs: 30000 });
  });

  it('a file becomes the Plan file while the first workspace check runs: the closed files are published with their plan findings', async () => {
    const p = generatedPlan(200);
    const planText = p.read('plan.pilot.yaml');
    p.write('plan.pilot.yaml', planText.replace('kind: Plan', 'kind: Tasks'));
    client = await LspClient.start({ folder: p.dir, initializationOptions: { debounceMs: 0 } });
    client.open(p.path('plan.pilot.yaml'));
    // Every file is under no plan when the check starts; the edit makes them one plan while it runs.
    const check = client.request('pilotPlan/checkWorkspace', {});
    await client.waitFor('the check under way', () => client!.diagnostics.size > 0, 20000);
    p.write('plan.pilot.yaml', planText);
    client.change(p.path('plan.pilot.yaml'), planText);
    await check;
    await expectWorkspaceLikeCli(client, p.dir, 'kind: Tasks → Plan during the first workspace check', { timeoutMs: 30000 });
  });

  it('a workspace check while files change: every file ends as the CLI says', async () => {
    const p = generatedPlan(200);
    client = await LspClient.start({ folder: p.dir, initializationOptions: { debounceMs: 0 } });
    client.open(p.path('plan.pilot.yaml'));
    const check = client.request('pilotPlan/checkWorkspace', {});
    edit(client, p, 'plan.pilot.yaml', 'kind: Plan', 'kind: Tasks');
    await check;
    await expectWorkspaceLikeCli(client, p.dir, 'the Plan file edited away during a workspace check', { timeoutMs: 30000 });
    const again = client.request('pilotPlan/checkWorkspace', {});
    edit(client, p, 'plan.pilot.yaml', 'kind: Tasks', 'kind: Plan');
    await again;
    await expectWorkspaceLikeCli(client, p.dir, 'and back during another', { timeoutMs: 30000 });
  });
});
