/**
 * Plan files changed on disk: a client that does not watch files for the server
 * (Neovim on Linux) still sees them, through the server's own watch; a client that
 * does (VS Code) keeps its own and the server starts none. Then the watch module
 * alone: what it reports for each kind of change on disk.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import type { Diagnostic, FileEvent } from 'vscode-languageserver-protocol';
import { FileWatcher } from '../../server/src/lsp/file-watcher';
import { LspClient, tempDir, uriOf } from './client';
import { PLAN_FILES, cleanGuangzhou, cliCheck, type CliFinding, type Plan } from './fixtures';

/** What Neovim 0.7–0.10 on Linux offers: folders, but no dynamic registration of file watchers. */
const NO_FILE_WATCHING = {
  workspace: { workspaceFolders: true, applyEdit: true, didChangeWatchedFiles: { dynamicRegistration: false } },
  window: { showDocument: { support: true } },
};

const WATCHING = /the client does not watch files: watching (\d+) folders/;

function asCli(d: Diagnostic): string {
  const sev = d.severity === 1 ? 'error' : d.severity === 2 ? 'warning' : 'info';
  return JSON.stringify([d.code, sev, d.range.start.line + 1, d.range.start.character + 1, d.range.end.line + 1, d.range.end.character + 1, d.message]);
}

function cliKey(f: CliFinding): string {
  return JSON.stringify([f.code, f.severity, f.line, f.column, f.endLine, f.endColumn, f.message]);
}

const TASK_WITHOUT_INDICATORS = 'apiVersion: pilot-plan/v1\nkind: Tasks\ntasks:\n  - id: T-NEW\n    title: 新任务\n    area: other\n    lead: 市发展改革委\n    dependsOn: [T-MISSING]\n';

describe('lsp: files changed on disk, for a client that does not watch them', function () {
  this.timeout(60000);
  let client: LspClient | undefined;
  afterEach(async () => {
    await client?.stop();
    client = undefined;
  });

  /** Waits until the server's diagnostics of these files (relative paths) are the CLI's for the plan as it is on disk. */
  async function sameAsCli(c: LspClient, p: Plan, rels: string[], what: string): Promise<void> {
    const cli = cliCheck(p.dir);
    const theirs = (rel: string) => (cli.files.get(rel) ?? []).map(cliKey).sort();
    await c.waitFor(what, () => rels.every((rel) => JSON.stringify((c.diagnostics.get(uriOf(p.path(rel))) ?? ['unpublished']).map((d) => (typeof d === 'string' ? d : asCli(d))).sort()) === JSON.stringify(theirs(rel))));
  }

  it('the server watches the workspace itself: edits, new and deleted files, new folders and the configuration take effect', async () => {
    const p = cleanGuangzhou();
    client = await LspClient.start({ folder: p.dir, capabilities: NO_FILE_WATCHING });
    const c = client;
    await c.waitFor('the server\'s watch', () => c.logs.some((l) => WATCHING.test(l)));
    assert.ok(!c.serverRequests.some((r) => r.method === 'client/registerCapability'), 'asked a client without dynamic registration to watch files');
    c.open(p.path('plan.pilot.yaml'));
    await sameAsCli(c, p, PLAN_FILES, 'the first check');
    assert.deepEqual(c.diagnostics.get(uriOf(p.path('projects.pilot.yaml'))), []);

    // A task another file references is renamed in a closed file: the references break.
    const energy = p.read('tasks/energy.pilot.yaml');
    p.write('tasks/energy.pilot.yaml', energy.replace('id: T-ENERGY-GRID\n', 'id: T-ENERGY-GRID-NEW\n'));
    await c.diagnosticsFor(p.path('projects.pilot.yaml'), (d) => d.some((x) => x.code === 'unresolved-reference' && x.message.includes('T-ENERGY-GRID')));
    await sameAsCli(c, p, PLAN_FILES, 'the CLI\'s findings after the rename');
    // …and fixed again, as a `git checkout` would: written elsewhere and moved into place.
    fs.writeFileSync(p.path('tasks/.energy.tmp'), energy);
    fs.renameSync(p.path('tasks/.energy.tmp'), p.path('tasks/energy.pilot.yaml'));
    await c.diagnosticsFor(p.path('projects.pilot.yaml'), (d) => d.length === 0);
    await sameAsCli(c, p, PLAN_FILES, 'clean again');

    // A new file joins the plan.
    fs.writeFileSync(p.path('tasks/new.pilot.yaml'), TASK_WITHOUT_INDICATORS);
    const fresh = await c.diagnosticsFor(p.path('tasks/new.pilot.yaml'), (d) => d.some((x) => x.code === 'unresolved-reference'));
    assert.ok(fresh.some((x) => x.code === 'orphan'), fresh.map((x) => x.code).join());
    await sameAsCli(c, p, [...PLAN_FILES, 'tasks/new.pilot.yaml'], 'the CLI\'s findings with the new file');

    // The configuration turns a rule off.
    p.write('pilot-plan.config.yaml', 'rules: { orphan: off }\n');
    await c.diagnosticsFor(p.path('tasks/new.pilot.yaml'), (d) => d.length > 0 && !d.some((x) => x.code === 'orphan'));
    await sameAsCli(c, p, [...PLAN_FILES, 'tasks/new.pilot.yaml'], 'the CLI\'s findings with the configuration');
    // …and the configuration goes: the rule is back.
    fs.rmSync(p.path('pilot-plan.config.yaml'));
    await c.diagnosticsFor(p.path('tasks/new.pilot.yaml'), (d) => d.some((x) => x.code === 'orphan'));

    // The file is deleted: its diagnostics are cleared.
    fs.rmSync(p.path('tasks/new.pilot.yaml'));
    await c.diagnosticsFor(p.path('tasks/new.pilot.yaml'), (d) => d.length === 0);

    // A new folder with a file in it (a checkout of a branch that has it).
    fs.mkdirSync(p.path('tasks/more/deep'), { recursive: true });
    fs.writeFileSync(p.path('tasks/more/deep/t.pilot.yaml'), TASK_WITHOUT_INDICATORS.replace('T-NEW', 'T-DEEP'));
    await c.diagnosticsFor(p.path('tasks/more/deep/t.pilot.yaml'), (d) => d.some((x) => x.code === 'unresolved-reference'));
    await sameAsCli(c, p, [...PLAN_FILES, 'tasks/more/deep/t.pilot.yaml'], 'the CLI\'s findings with the new folder');
    // The folder goes again.
    fs.rmSync(p.path('tasks/more'), { recursive: true });
    await c.diagnosticsFor(p.path('tasks/more/deep/t.pilot.yaml'), (d) => d.length === 0);
    await sameAsCli(c, p, PLAN_FILES, 'clean after the folder went');
  });

  it('VS Code-like client: it watches files for the server, which starts no watch of its own', async () => {
    const p = cleanGuangzhou();
    client = await LspClient.start({ folder: p.dir, vscodeLike: true });
    const c = client;
    c.open(p.path('plan.pilot.yaml'));
    await c.waitFor('the request to watch files', () =>
      c.serverRequests.some((r) => r.method === 'client/registerCapability' && JSON.stringify(r.params).includes('workspace/didChangeWatchedFiles')),
    );
    const projects = p.path('projects.pilot.yaml');
    await c.diagnosticsFor(projects, (d) => d.length === 0);
    const published = c.publishCount.get(uriOf(projects));
    // A change on disk that the server would see if it watched: nothing comes.
    p.write('tasks/energy.pilot.yaml', p.read('tasks/energy.pilot.yaml').replace('id: T-ENERGY-GRID\n', 'id: T-ENERGY-GRID-NEW\n'));
    await assert.rejects(
      c.waitFor('diagnostics the server must not publish by itself', () => c.publishCount.get(uriOf(projects)) !== published, 1500),
      /timed out/,
    );
    assert.ok(!c.logs.some((l) => WATCHING.test(l)), c.logs.join('\n'));
    // The client's notification is what tells it.
    c.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(p.path('tasks/energy.pilot.yaml')), type: 2 }] });
    await c.diagnosticsFor(projects, (d) => d.some((x) => x.code === 'unresolved-reference'));
  });
});

describe('lsp: the file watch module', function () {
  this.timeout(20000);
  let watcher: FileWatcher | undefined;
  afterEach(() => {
    watcher?.close();
    watcher = undefined;
  });

  async function until<T>(what: string, cond: () => T | undefined | false, ms = 5000): Promise<T> {
    const deadline = Date.now() + ms;
    for (;;) {
      const v = cond();
      if (v) return v;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  function tree(): string {
    const dir = tempDir('pilot-watch-');
    fs.mkdirSync(nodePath.join(dir, 'a/b'), { recursive: true });
    fs.mkdirSync(nodePath.join(dir, 'node_modules/pkg'), { recursive: true });
    fs.mkdirSync(nodePath.join(dir, '.git'), { recursive: true });
    fs.writeFileSync(nodePath.join(dir, 'a/b/x.pilot.yaml'), 'x');
    fs.writeFileSync(nodePath.join(dir, 'node_modules/pkg/y.pilot.yaml'), 'y');
    return dir;
  }

  for (const mode of ['folders', 'recursive'] as const) {
    it(`reports created, changed and deleted plan files in batches (${mode})`, async () => {
      const dir = tree();
      const batches: FileEvent[][] = [];
      const logs: string[] = [];
      watcher = new FileWatcher((b) => batches.push(b), (m) => logs.push(m), { mode, debounceMs: 50 });
      watcher.setRoots([dir]);
      // folders: the root, a and a/b; node_modules and .git are not watched.
      assert.equal(watcher.watchCount, mode === 'folders' ? 3 : 1);
      const f = (rel: string) => nodePath.join(dir, rel);
      const ev = (rel: string, type: number) => ({ uri: uriOf(f(rel)), type });
      const next = async (what: string) => {
        const n = batches.length;
        await until(what, () => batches.length > n);
        return batches.slice(n).flat();
      };

      // Several writes in a row: one batch, one change.
      let got = next('a change');
      for (let i = 0; i < 5; i++) fs.writeFileSync(f('a/b/x.pilot.yaml'), `x${i}`);
      assert.deepEqual(await got, [ev('a/b/x.pilot.yaml', 2)]);

      // Files that are no plan files, and plan files below node_modules, are not reported.
      got = next('the config file');
      fs.writeFileSync(f('a/notes.txt'), 'n');
      fs.writeFileSync(f('node_modules/pkg/y.pilot.yaml'), 'y2');
      fs.writeFileSync(f('a/pilot-plan.config.yaml'), 'rules: {}\n');
      assert.deepEqual(await got, [ev('a/pilot-plan.config.yaml', 1)]);

      // A new folder, with files already in it when it is looked at.
      got = next('a new folder');
      fs.mkdirSync(f('a/c/d'), { recursive: true });
      fs.writeFileSync(f('a/c/d/z.pilot.yml'), 'z');
      const created = await got;
      assert.deepEqual(created.filter((e) => e.type !== 2), [ev('a/c/d/z.pilot.yml', 1)]);
      // …whose files are then watched like the others.
      got = next('a change in the new folder');
      fs.appendFileSync(f('a/c/d/z.pilot.yml'), 'more');
      assert.deepEqual(await got, [ev('a/c/d/z.pilot.yml', 2)]);

      // A file moved into place (an editor's atomic save, a checkout) is changed, not created.
      got = next('an atomic save');
      fs.writeFileSync(f('a/.x.tmp'), 'new');
      fs.renameSync(f('a/.x.tmp'), f('a/b/x.pilot.yaml'));
      assert.deepEqual(await got, [ev('a/b/x.pilot.yaml', 2)]);

      // A folder removed with everything in it: each plan file deleted.
      got = next('a removed folder');
      fs.rmSync(f('a'), { recursive: true });
      const deleted = await got;
      assert.deepEqual(
        deleted.map((e) => JSON.stringify(e)).sort(),
        [ev('a/b/x.pilot.yaml', 3), ev('a/c/d/z.pilot.yml', 3), ev('a/pilot-plan.config.yaml', 3)].map((e) => JSON.stringify(e)).sort(),
      );
      if (mode === 'folders') assert.equal(watcher.watchCount, 1);
      assert.deepEqual(logs, []);

      // Closed: nothing more is reported.
      watcher.close();
      assert.equal(watcher.watchCount, 0);
      const n = batches.length;
      fs.writeFileSync(f('late.pilot.yaml'), 'late');
      await assert.rejects(until('a report after close', () => batches.length > n, 500), /timed out/);
    });
  }

  it('stops at its folder limit, says so once, and keeps watching the folders it has', async () => {
    const dir = tree();
    for (let i = 0; i < 5; i++) fs.mkdirSync(nodePath.join(dir, `f${i}`));
    const logs: string[] = [];
    const batches: FileEvent[][] = [];
    watcher = new FileWatcher((b) => batches.push(b), (m) => logs.push(m), { mode: 'folders', debounceMs: 20, maxFolders: 4 });
    watcher.setRoots([dir]);
    assert.equal(watcher.watchCount, 4);
    assert.equal(logs.length, 1);
    assert.match(logs[0], /more than 4 folders/);
    fs.writeFileSync(nodePath.join(dir, 'root.pilot.yaml'), 'r');
    await until('a change at the root', () => batches.flat().some((e) => e.uri === uriOf(nodePath.join(dir, 'root.pilot.yaml'))));
    assert.equal(logs.length, 1);
  });

  it('follows the workspace folders: a removed root is no longer watched, an added one is', async () => {
    const one = tree();
    const two = tree();
    const batches: FileEvent[][] = [];
    watcher = new FileWatcher((b) => batches.push(b), () => undefined, { mode: 'folders', debounceMs: 20 });
    watcher.setRoots([one]);
    assert.equal(watcher.watchCount, 3);
    watcher.setRoots([two]);
    assert.equal(watcher.watchCount, 3);
    fs.writeFileSync(nodePath.join(one, 'a/b/x.pilot.yaml'), 'one');
    fs.writeFileSync(nodePath.join(two, 'a/b/x.pilot.yaml'), 'two');
    await until('a change in the new root', () => batches.length > 0);
    assert.deepEqual(batches.flat(), [{ uri: uriOf(nodePath.join(two, 'a/b/x.pilot.yaml')), type: 2 }]);
  });
});
