/**
 * Protocol tests of the diagnostics: the real server over stdio, driven like
 * an editor, compared with what `pilot-plan check --format json` says.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { LspClient, find, tempDir, uriOf } from './client';
import { PLAN_FILES, brokenGuangzhou, cleanGuangzhou, cliCheck, type CliFinding } from './fixtures';
import { repoRoot } from '../util/plan';

function asCli(d: Diagnostic): string {
  const sev = d.severity === 1 ? 'error' : d.severity === 2 ? 'warning' : 'info';
  return JSON.stringify([d.code, sev, d.range.start.line + 1, d.range.start.character + 1, d.range.end.line + 1, d.range.end.character + 1, d.message]);
}

function cliKey(f: CliFinding): string {
  return JSON.stringify([f.code, f.severity, f.line, f.column, f.endLine, f.endColumn, f.message]);
}

function codes(d: Diagnostic[] | undefined): string[] {
  return (d ?? []).map((x) => `${x.code}@${x.range.start.line + 1}`).sort();
}

describe('lsp: diagnostics', function () {
  this.timeout(60000);
  let client: LspClient | undefined;
  afterEach(async () => {
    await client?.stop();
    client = undefined;
  });

  for (const locale of ['en', 'zh-cn']) {
    it(`publishes for every file of the plan on open, equal to the CLI's JSON (${locale})`, async () => {
      const p = brokenGuangzhou();
      client = await LspClient.start({ folder: p.dir, locale });
      client.open(p.path('tasks/energy.pilot.yaml'));
      for (const rel of PLAN_FILES) await client.diagnosticsFor(p.path(rel));
      const cli = cliCheck(p.dir, locale === 'en' ? 'en' : 'zh-CN');
      assert.ok(cli.summary.errors >= 5, 'the fixture has errors');
      for (const rel of PLAN_FILES) {
        const mine = (client.diagnostics.get(uriOf(p.path(rel))) ?? []).map(asCli).sort();
        const theirs = (cli.files.get(rel) ?? []).map(cliKey).sort();
        assert.deepEqual(mine, theirs, `diagnostics of ${rel}`);
      }
      // The cross-file problems are there.
      const energy = client.diagnostics.get(uriOf(p.path('tasks/energy.pilot.yaml')))!;
      assert.ok(energy.some((d) => d.code === 'unresolved-reference'));
      assert.ok(energy.some((d) => d.code === 'duplicate-id'));
      if (locale === 'zh-cn') assert.match(energy.find((d) => d.code === 'unresolved-reference')!.message, /本方案中未定义/);
      // The rule's page, at the reader's language (each page marks its Chinese part).
      const href = energy[0].codeDescription?.href;
      assert.equal(href, `https://github.com/pilot-plan/pilot-plan/blob/main/docs/rules/${energy[0].code}.md${locale === 'zh-cn' ? '#zh-cn' : ''}`);
      assert.match(fs.readFileSync(nodePath.join(repoRoot(), 'docs', 'rules', `${energy[0].code}.md`), 'utf8'), /^<a id="zh-cn"><\/a>$/m);
    });
  }

  it('fills the LSP fields: source, code, doc link, severity, related places, data for quick fixes', async () => {
    const p = brokenGuangzhou();
    const loose = tempDir('pilot-loose-');
    const looseFile = nodePath.join(loose, 'alone.pilot.yaml');
    fs.writeFileSync(looseFile, 'apiVersion: pilot-plan/v1\nkind: Tasks\ntasks: []\n');
    client = await LspClient.start({ folder: p.dir });
    client.open(p.path('tasks/transport-others.pilot.yaml'));
    client.open(looseFile);
    const d = await client.diagnosticsFor(p.path('tasks/transport-others.pilot.yaml'), (x) => x.length > 0);
    for (const x of d) {
      assert.equal(x.source, 'pilot-plan');
      assert.equal(x.codeDescription?.href, `https://github.com/pilot-plan/pilot-plan/blob/main/docs/rules/${x.code}.md`);
      assert.equal((x.data as { code: string }).code, x.code);
    }
    const dup = d.find((x) => x.code === 'duplicate-id')!;
    assert.equal(dup.severity, 1);
    assert.equal(dup.relatedInformation?.[0].location.uri, uriOf(p.path('tasks/energy.pilot.yaml')));
    assert.equal(dup.relatedInformation?.[0].location.range.start.line, find(p.read('tasks/energy.pilot.yaml'), 'T-ENERGY-GRID').line);
    const missing = d.find((x) => x.code === 'schema')!;
    assert.deepEqual((missing.data as { missingKeys: string[] }).missingKeys, ['lead']);
    const warning = d.find((x) => x.code === 'orphan');
    if (warning) assert.equal(warning.severity, 2);
    const info = await client.diagnosticsFor(looseFile, (x) => x.length > 0);
    assert.deepEqual(info.map((x) => [x.code, x.severity]), [['not-in-plan', 3]]);
  });

  it("moves a duplicate ID's related place when lines are added above it in the other file, and keeps the rest", async () => {
    const p = brokenGuangzhou();
    client = await LspClient.start({ folder: p.dir, initializationOptions: { debounceMs: 0 } });
    const other = p.path('tasks/transport-others.pilot.yaml');
    const energy = p.path('tasks/energy.pilot.yaml');
    client.open(other);
    client.open(energy);
    const relatedLine = (d: Diagnostic[]) => d.find((x) => x.code === 'duplicate-id')?.relatedInformation?.[0].location.range.start.line;
    const line0 = find(p.read('tasks/energy.pilot.yaml'), 'T-ENERGY-GRID').line;
    await client.diagnosticsFor(other, (d) => relatedLine(d) === line0);
    const before = await client.diagnosticsFor(other);
    // Three comment lines at the top of tasks/energy: the structure stands, its findings move.
    client.edit(energy, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, '# a\n# b\n# c\n');
    const after = await client.diagnosticsFor(other, (d) => relatedLine(d) === line0 + 3);
    const mine = (d: Diagnostic[]) => d.map((x) => ({ ...x, relatedInformation: undefined }));
    assert.deepEqual(mine(after), mine(before), 'the file itself did not change: the same diagnostics but for the related place');
    const e = await client.diagnosticsFor(energy, (d) => d.some((x) => x.code === 'duplicate-id' && x.range.start.line === line0 + 3));
    assert.ok(e.length);
  });

  it('sends fresh diagnostics soon after an edit that removes a problem, and a status notification', async () => {
    const p = brokenGuangzhou();
    client = await LspClient.start({ folder: p.dir });
    const file = p.path('tasks/energy.pilot.yaml');
    client.open(file);
    await client.diagnosticsFor(file, (d) => d.some((x) => x.code === 'unresolved-reference'));
    const text = client.text(file);
    const at = find(text, 'IND-NONFOSIL-SHARE', 'IND-NONFOS'.length);
    const t0 = Date.now();
    client.edit(file, { start: at, end: at }, 'S'); // IND-NONFOSSIL-SHARE
    await client.diagnosticsFor(file, (d) => !d.some((x) => x.code === 'unresolved-reference'), 5000);
    const ms = Date.now() - t0;
    console.log(`      fresh diagnostics ${ms} ms after the edit (adaptive debounce included)`);
    // The status notification follows the publication of that check.
    const published = client.notifications.length - 1 - [...client.notifications].reverse().findIndex((n) => n.method === 'textDocument/publishDiagnostics' && (n.params as { uri: string }).uri === uriOf(file));
    const status = await client.waitFor('a status notification after the edit', () =>
      client!.notifications.slice(published).find((n) => n.method === 'pilotPlan/status' && (n.params as { uri: string }).uri === uriOf(file)),
    );
    const s = status.params as { planId: string; planRoot: string; errors: number; warnings: number; planErrors: number };
    assert.equal(s.planId, 'GZ');
    assert.equal(s.planRoot, p.dir);
    assert.equal(s.errors, client.diagnostics.get(uriOf(file))!.filter((x) => x.severity === 1).length);
    assert.ok(s.planErrors > 0);
  });

  it('the status is about the document the client says is active, not the last one it (re)opened', async () => {
    const p = cleanGuangzhou();
    client = await LspClient.start({ folder: p.dir });
    const plan = p.path('plan.pilot.yaml');
    const energy = p.path('tasks/energy.pilot.yaml');
    // As after a restart: the client names its active editor first, then reopens every document.
    client.notify('pilotPlan/activeDocument', { uri: uriOf(plan) });
    client.open(plan);
    client.open(energy);
    await client.diagnosticsFor(energy);
    const status = await client.waitFor('a status notification', () => client!.notifications.find((n) => n.method === 'pilotPlan/status'));
    assert.equal((status.params as { uri: string }).uri, uriOf(plan));
    assert.ok(!client.notifications.some((n) => n.method === 'pilotPlan/status' && (n.params as { uri: string }).uri === uriOf(energy)));
  });

  it('a newer edit supersedes pending checks: the last text wins', async () => {
    const p = cleanGuangzhou();
    client = await LspClient.start({ folder: p.dir, initializationOptions: { debounceMs: 30 } });
    const file = p.path('tasks/energy.pilot.yaml');
    client.open(file);
    await client.diagnosticsFor(file);
    const base = client.text(file);
    for (let i = 0; i < 20; i++) client.change(file, base.replace('dependsOn: [T-ENERGY-GRID]', `dependsOn: [T-NOPE-${i}]`));
    const d = await client.diagnosticsFor(file, (x) => x.some((y) => y.code === 'unresolved-reference' && y.message.includes('T-NOPE-19')));
    assert.ok(!d.some((y) => /T-NOPE-(\d|1[0-8])\b/.test(y.message)), 'no stale findings');
  });

  it("updates a closed file's diagnostics when an ID it references is renamed in an open file", async () => {
    const p = cleanGuangzhou();
    client = await LspClient.start({ folder: p.dir });
    const indicators = p.path('indicators.pilot.yaml');
    const energy = p.path('tasks/energy.pilot.yaml');
    client.open(indicators);
    await client.diagnosticsFor(energy, (d) => d.length === 0);
    const text = client.text(indicators);
    const at = find(text, 'id: IND-VPP-CAPACITY', 4);
    client.edit(indicators, { start: at, end: { line: at.line, character: at.character + 'IND-VPP-CAPACITY'.length } }, 'IND-VPP-CAP');
    const d = await client.diagnosticsFor(energy, (x) => x.some((y) => y.code === 'unresolved-reference'));
    assert.deepEqual(codes(d), [`unresolved-reference@${find(p.read('tasks/energy.pilot.yaml'), '[IND-VPP-CAPACITY]').line + 1}`]);
    assert.match(d[0].message, /IND-VPP-CAPACITY/);
    // And back: the closed file is clean again.
    client.change(indicators, text);
    await client.diagnosticsFor(energy, (x) => x.length === 0);
  });

  it('after every edit, each file equals the CLI on the same texts (structure findings kept only while the structure stays)', async () => {
    const p = brokenGuangzhou();
    client = await LspClient.start({ folder: p.dir, initializationOptions: { debounceMs: 0 } });
    for (const rel of PLAN_FILES) client.open(p.path(rel));
    const matchesCli = async (step: string) => {
      const cli = cliCheck(p.dir);
      const mismatch = () =>
        PLAN_FILES.find((rel) => {
          const mine = (client!.diagnostics.get(uriOf(p.path(rel))) ?? []).map(asCli).sort();
          return JSON.stringify(mine) !== JSON.stringify((cli.files.get(rel) ?? []).map(cliKey).sort());
        });
      try {
        await client!.waitFor(`diagnostics equal to the CLI's after: ${step}`, () => mismatch() === undefined, 10000);
      } catch (e) {
        const rel = mismatch()!;
        assert.deepEqual((client!.diagnostics.get(uriOf(p.path(rel))) ?? []).map(asCli).sort(), (cli.files.get(rel) ?? []).map(cliKey).sort(), `${step}: ${rel}`);
        throw e;
      }
    };
    // Each step edits the open file and writes the same text to disk for the CLI.
    const step = async (what: string, rel: string, from: string, to: string) => {
      const text = client!.text(p.path(rel));
      assert.ok(text.includes(from), `${what}: fixture text`);
      const next = text.replace(from, to);
      p.write(rel, next);
      client!.change(p.path(rel), next);
      await matchesCli(what);
    };
    await matchesCli('opening');
    await step('a title (same structure)', 'tasks/industry-buildings.pilot.yaml', 'title: 推进石化行业节能降碳改造', 'title: 推进石化行业节能降碳改造（修订）');
    await step('a line above findings (positions move)', 'tasks/energy.pilot.yaml', 'tasks:\n', '# 新增注释\ntasks:\n');
    // A file with a duplicate ID (related places in another file) and an unresolved reference: the findings move with the text.
    const title = '    title: 建设安全可靠的坚强智能电网，提升外来清洁电力消纳能力';
    await step('a title between findings, a line added after it (findings move)', 'tasks/energy.pilot.yaml', title, `${title}（修订）\n    # 一行备注`);
    await step('a comment on the line of an unresolved reference (its line changed)', 'tasks/energy.pilot.yaml', 'indicators: [IND-NONFOSIL-SHARE]', 'indicators: [IND-NONFOSIL-SHARE]  # 待核');
    await step('the title and the line back', 'tasks/energy.pilot.yaml', `${title}（修订）\n    # 一行备注`, title);
    await step('an indicator ID renamed (references break)', 'indicators.pilot.yaml', '  - id: IND-ENERGY-INTENSITY', '  - id: IND-ENERGY-INTENS');
    await step('a task no longer lists indicators (orphans)', 'tasks/industry-buildings.pilot.yaml', 'indicators: [IND-GREEN-BUILDING-SHARE]', 'indicators: []');
    await step('a project investment (a total, not structure)', 'projects.pilot.yaml', 'investment: { value: 18.5, unit: 亿元 }', 'investment: { value: 918.5, unit: 亿元 }');
    await step('another title', 'tasks/industry-buildings.pilot.yaml', '（修订）', '');
    await step('the ID back', 'indicators.pilot.yaml', '  - id: IND-ENERGY-INTENS', '  - id: IND-ENERGY-INTENSITY');
    // Schema errors in list items: the server validates item by item and keeps unchanged items' errors.
    await step('a task area not allowed (a schema error in one item)', 'tasks/industry-buildings.pilot.yaml', '    area: energy-efficiency', '    area: energy-efficency');
    await step('an unknown key in another task', 'tasks/industry-buildings.pilot.yaml', '    lead: 市工业和信息化局\n', '    lead: 市工业和信息化局\n    leader: 张三\n');
    await step('a line inserted above both (the items move)', 'tasks/industry-buildings.pilot.yaml', 'tasks:\n', '# 修订\ntasks:\n');
    await step('the area fixed, the unknown key kept', 'tasks/industry-buildings.pilot.yaml', '    area: energy-efficency', '    area: energy-efficiency');
    await step('the unknown key removed', 'tasks/industry-buildings.pilot.yaml', '    leader: 张三\n', '');
  });

  it('follows a change of plan structure: the Plan file stops being one, and comes back', async () => {
    const p = cleanGuangzhou();
    client = await LspClient.start({ folder: p.dir });
    const planFile = p.path('plan.pilot.yaml');
    const projects = p.path('projects.pilot.yaml');
    client.open(planFile);
    await client.diagnosticsFor(projects, (d) => d.length === 0);
    const text = client.text(planFile);
    client.change(planFile, text.replace('kind: Plan', 'kind: Tasks'));
    // Every file is now under no plan: the closed ones too get their not-in-plan note.
    await client.diagnosticsFor(projects, (d) => d.some((x) => x.code === 'not-in-plan'));
    client.change(planFile, text);
    await client.diagnosticsFor(projects, (d) => d.length === 0);
  });

  it('takes an unsaved new file of the plan into account', async () => {
    const p = cleanGuangzhou();
    client = await LspClient.start({ folder: p.dir });
    const energy = p.path('tasks/energy.pilot.yaml');
    client.open(energy, client.text(energy).replace('dependsOn: [T-ENERGY-GRID]', 'dependsOn: [T-ENERGY-GRID, T-UNSAVED]'));
    await client.diagnosticsFor(energy, (d) => d.some((x) => x.code === 'unresolved-reference'));
    const fresh = p.path('tasks/unsaved.pilot.yaml');
    client.open(fresh, 'apiVersion: pilot-plan/v1\nkind: Tasks\ntasks:\n  - id: T-UNSAVED\n    title: 未保存的任务\n    area: other\n    lead: 市发展改革委\n    indicators: [IND-NOPE]\n');
    await client.diagnosticsFor(energy, (d) => d.length === 0);
    const d = await client.diagnosticsFor(fresh, (x) => x.length > 0);
    assert.deepEqual(codes(d), ['unresolved-reference@8']);
  });

  it('checks a document the client sends under another name (extra globs) with its folder\'s plan', async () => {
    const p = cleanGuangzhou();
    client = await LspClient.start({ folder: p.dir });
    const extra = p.path('tasks/extra-tasks.yaml');
    const text = 'apiVersion: pilot-plan/v1\nkind: Tasks\ntasks:\n  - id: T-EXTRA\n    title: 额外任务\n    area: other\n    lead: 市发展改革委\n    dependsOn: [T-ENERGY-GRID, T-NOWHERE]\n';
    fs.writeFileSync(extra, text);
    client.open(extra, text);
    const d = await client.diagnosticsFor(extra, (x) => x.length > 0);
    assert.deepEqual(codes(d), ['orphan@4', 'unresolved-reference@8']);
    // The same as the CLI given the file by name.
    const cli = cliCheck(p.dir, 'en', ['tasks/extra-tasks.yaml']);
    assert.deepEqual(d.map(asCli).sort(), (cli.files.get('tasks/extra-tasks.yaml') ?? []).map(cliKey).sort());
  });

  it('refreshes closed files on watched file changes', async () => {
    const p = cleanGuangzhou();
    client = await LspClient.start({ folder: p.dir });
    const planFile = p.path('plan.pilot.yaml');
    client.open(planFile);
    const projects = p.path('projects.pilot.yaml');
    await client.diagnosticsFor(planFile, (d) => d.length === 0);
    // Change a closed file on disk: a project's investment doubles, so the total no longer matches.
    p.write('projects.pilot.yaml', p.read('projects.pilot.yaml').replace('investment: { value: 32, unit: 亿元 }', 'investment: { value: 64, unit: 亿元 }'));
    client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(projects), type: 2 }] });
    const d = await client.diagnosticsFor(planFile, (x) => x.some((y) => y.code === 'investment-total'));
    assert.equal(d[0].severity, 2);
    // The configuration: investment-total as an error.
    p.write('pilot-plan.config.yaml', 'rules:\n  investment-total: error\n');
    client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(p.path('pilot-plan.config.yaml')), type: 2 }] });
    await client.diagnosticsFor(planFile, (x) => x.some((y) => y.code === 'investment-total' && y.severity === 1));
    // A mistake in the configuration: a finding on it, with its did-you-mean fix.
    const config = p.path('pilot-plan.config.yaml');
    p.write('pilot-plan.config.yaml', 'rules:\n  investment-total: error\n  orpan: off\n');
    client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(config), type: 2 }] });
    const cd = await client.diagnosticsFor(config, (x) => x.length > 0);
    assert.deepEqual(codes(cd), ['schema@3']);
    const fixes = await client.request<{ title: string }[]>('textDocument/codeAction', { textDocument: { uri: uriOf(config) }, range: cd[0].range, context: { diagnostics: cd } });
    assert.deepEqual(fixes.map((f) => f.title), ['Change to `orphan`']);
    // A new file: a task in a new Tasks file is seen by the plan.
    fs.writeFileSync(p.path('tasks/new.pilot.yaml'), 'apiVersion: pilot-plan/v1\nkind: Tasks\ntasks:\n  - id: T-NEW\n    title: 新任务\n    area: other\n    lead: 市发展改革委\n    dependsOn: [T-MISSING]\n');
    client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(p.path('tasks/new.pilot.yaml')), type: 1 }] });
    await client.diagnosticsFor(p.path('tasks/new.pilot.yaml'), (x) => x.some((y) => y.code === 'unresolved-reference'));
    // And deleted: its diagnostics are cleared.
    fs.rmSync(p.path('tasks/new.pilot.yaml'));
    client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(p.path('tasks/new.pilot.yaml')), type: 3 }] });
    await client.diagnosticsFor(p.path('tasks/new.pilot.yaml'), (x) => x.length === 0);
  });

  it('pilotPlan/checkWorkspace checks every plan and returns the CLI counts', async () => {
    const p = brokenGuangzhou();
    client = await LspClient.start({ folder: p.dir });
    const result = await client.request<{ plans: number; files: number; errors: number; warnings: number; infos: number }>('pilotPlan/checkWorkspace', {});
    const cli = cliCheck(p.dir);
    assert.deepEqual(
      { plans: result.plans, files: result.files, errors: result.errors, warnings: result.warnings, infos: result.infos },
      { plans: 1, files: cli.summary.files, errors: cli.summary.errors, warnings: cli.summary.warnings, infos: cli.summary.infos },
    );
    for (const rel of PLAN_FILES) assert.ok(client.diagnostics.has(uriOf(p.path(rel))), `published ${rel}`);
  });

  it('runs as `pilot-plan lsp --stdio` too', async () => {
    const p = brokenGuangzhou();
    client = await LspClient.start({ folder: p.dir, viaCli: true });
    client.open(p.path('projects.pilot.yaml'));
    const d = await client.diagnosticsFor(p.path('projects.pilot.yaml'), (x) => x.length > 0);
    assert.ok(d.some((x) => x.code === 'schema' && /under-construction/.test(x.message)));
  });
});
