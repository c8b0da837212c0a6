/**
 * Protocol tests of the outline, workspace symbols, code lenses, and the
 * server's robustness when a feature fails.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import { parse } from 'yaml';
import type { CodeLens, CompletionList, DocumentSymbol, Hover, Location, SymbolInformation } from 'vscode-languageserver-protocol';
import { LspClient, find, uriOf } from './client';
import { PLAN_FILES, cleanGuangzhou, type Plan } from './fixtures';
import { SHOW_REFERENCES_COMMAND } from '../../server/src/lsp/protocol';

describe('lsp: symbols and code lenses', function () {
  this.timeout(60000);
  let client: LspClient;
  let p: Plan;
  before(async () => {
    p = cleanGuangzhou();
    // As the VS Code client starts it: lenses carry the client's own command.
    client = await LspClient.start({ folder: p.dir, locale: 'zh-cn', initializationOptions: { showReferencesCommand: SHOW_REFERENCES_COMMAND } });
  });
  after(async () => {
    await client.stop();
  });

  async function resolvedLenses(file: string): Promise<CodeLens[]> {
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: uriOf(file) } });
    return Promise.all(lenses.map((l) => client.request<CodeLens>('codeLens/resolve', l)));
  }

  it('outlines a Plan file: the plan → its lists → entries by ID and name', async () => {
    const file = p.path('plan.pilot.yaml');
    client.open(file);
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: uriOf(file) } });
    assert.equal(symbols.length, 1);
    const [plan] = symbols;
    assert.equal(plan.name, 'GZ');
    assert.equal(plan.detail, '广州市');
    assert.deepEqual(plan.children!.map((c) => c.name), ['mechanisms', 'actions', 'risks']);
    const data = parse(p.read('plan.pilot.yaml'));
    assert.deepEqual(plan.children![0].children!.map((c) => [c.name, c.detail]), data.mechanisms.map((m: { id: string; title: string }) => [m.id, m.title]));
    const risk = plan.children![2].children![0];
    assert.equal(risk.selectionRange.start.line, find(p.read('plan.pilot.yaml'), 'id: R-POWER').line);
    // A Tasks file: its list of tasks.
    const tasks = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: uriOf(p.path('tasks/energy.pilot.yaml')) } });
    assert.equal(tasks[0].name, 'tasks');
    assert.equal(tasks[0].children![0].name, 'T-ENERGY-GRID');
  });

  it('finds every ID of the workspace\'s plans as workspace symbols, filtered by the query', async () => {
    const all = await client.request<SymbolInformation[]>('workspace/symbol', { query: '' });
    let ids = 0;
    for (const rel of PLAN_FILES) {
      const d = parse(p.read(rel));
      if (d.kind === 'Plan') ids++;
      for (const k of ['mechanisms', 'actions', 'risks', 'tasks', 'projects', 'indicators']) ids += (d[k] ?? []).length;
    }
    assert.equal(all.length, ids);
    const some = await client.request<SymbolInformation[]>('workspace/symbol', { query: 'IND-CO2' });
    assert.deepEqual(some.map((s) => s.name), ['IND-CO2-INTENSITY']);
    assert.equal(some[0].location.uri, uriOf(p.path('indicators.pilot.yaml')));
    assert.match(some[0].containerName!, /GZ/);
    // This client resolves ranges lazily (as VS Code does): the range comes with workspaceSymbol/resolve.
    assert.equal(some[0].location.range, undefined);
    const resolved = await client.request<SymbolInformation>('workspaceSymbol/resolve', some[0]);
    assert.equal(resolved.location.range.start.line, find(p.read('indicators.pilot.yaml'), 'id: IND-CO2-INTENSITY').line);
    // Best matches first: IDs starting with the query before the rest.
    const t = await client.request<SymbolInformation[]>('workspace/symbol', { query: 'T-ENERGY' });
    assert.ok(t.slice(0, 4).every((s) => s.name.startsWith('T-ENERGY')), t.map((s) => s.name).join(','));
    const byName = await client.request<SymbolInformation[]>('workspace/symbol', { query: '森林覆盖率' });
    assert.deepEqual(byName.map((s) => s.name), ['IND-FOREST-COVERAGE']);
  });

  it('shows projects and their investment on tasks, users on indicators', async () => {
    const file = p.path('tasks/energy.pilot.yaml');
    client.open(file);
    const lenses = await resolvedLenses(file);
    const projects = parse(p.read('projects.pilot.yaml')).projects as { id: string; tasks: string[]; investment?: { value: number; unit: string } }[];
    const factor: Record<string, number> = { 元: 1e-8, 万元: 1e-4, 亿元: 1 };
    for (const task of parse(p.read('tasks/energy.pilot.yaml')).tasks as { id: string }[]) {
      const line = find(p.read('tasks/energy.pilot.yaml'), `id: ${task.id}`).line;
      const lens = lenses.find((l) => l.range.start.line === line)!;
      const mine = projects.filter((x) => x.tasks.includes(task.id));
      const total = mine.reduce((s, x) => s + (x.investment ? x.investment.value * factor[x.investment.unit] : 0), 0);
      if (mine.length === 0) assert.equal(lens.command!.title, '无项目');
      else assert.equal(lens.command!.title, `${mine.length} 个项目 · 投资合计 ${Number(total.toFixed(2))} 亿元`);
      if (mine.length) {
        assert.equal(lens.command!.command, 'pilotPlan.showReferences');
        const locations = lens.command!.arguments![2] as Location[];
        assert.equal(locations.length, mine.length);
        assert.equal(locations[0].uri, uriOf(p.path('projects.pilot.yaml')));
      }
    }
    const ind = p.path('indicators.pilot.yaml');
    client.open(ind);
    const il = await resolvedLenses(ind);
    const nonfossil = il.find((l) => l.range.start.line === find(p.read('indicators.pilot.yaml'), 'id: IND-NONFOSSIL-SHARE').line)!;
    assert.equal(nonfossil.command!.title, '2 个任务使用：T-ENERGY-GRID、T-ENERGY-PV');
  });
});

describe('lsp: workspace symbols for a client that does not resolve them', function () {
  this.timeout(60000);
  it('gives every symbol its range at once', async () => {
    const p = cleanGuangzhou();
    const client = await LspClient.start({ folder: p.dir, vscodeLike: false });
    try {
      const some = await client.request<SymbolInformation[]>('workspace/symbol', { query: 'forest' });
      assert.deepEqual(some.map((s) => s.name).sort(), ['IND-FOREST-COVERAGE', 'P-FOREST-SINK', 'T-SINK-FOREST']);
      for (const s of some) assert.ok(s.location.range, s.name);
    } finally {
      await client.stop();
    }
  });
});

describe('lsp: robustness', function () {
  this.timeout(60000);
  let client: LspClient | undefined;
  afterEach(async () => {
    await client?.stop();
    client = undefined;
  });

  it('a feature that throws answers empty, logs, and the server keeps serving', async () => {
    const p = cleanGuangzhou();
    client = await LspClient.start({ folder: p.dir, initializationOptions: { faultInjection: ['hover', 'completion', 'didChange'] } });
    const file = p.path('tasks/energy.pilot.yaml');
    client.open(file);
    const h = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: uriOf(file) }, position: find(client.text(file), 'lead:', 1) });
    assert.equal(h, null);
    const c = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri: uriOf(file) }, position: find(client.text(file), 'area: ', 6) });
    assert.deepEqual(c.items, []);
    await client.waitFor('the fault in the log', () => client!.logs.find((l) => /hover failed: Error: fault injected in hover/.test(l)));
    // Other features still work, and so does the process.
    const d = await client.request<Location[]>('textDocument/definition', { textDocument: { uri: uriOf(file) }, position: find(client.text(file), 'IND-PV-CAPACITY', 3) });
    assert.equal(d.length, 1);
    assert.ok(client.alive);
  });

  it('survives documents it cannot make sense of', async () => {
    const p = cleanGuangzhou();
    client = await LspClient.start({ folder: p.dir });
    const weird = p.path('weird.pilot.yaml');
    const texts = ['', '\u0000\u0001', '- - - [', 'kind: Tasks\ntasks: 5\n', '{{{{', '&a [*a, *a]', 'tasks:\n  - \t id: x\n'];
    client.open(weird, texts[0]);
    for (const t of texts) {
      client.change(weird, t);
      for (let line = 0; line < 3; line++) {
        for (const method of ['textDocument/completion', 'textDocument/hover', 'textDocument/definition', 'textDocument/codeLens', 'textDocument/documentSymbol']) {
          await client.request(method, { textDocument: { uri: uriOf(weird) }, position: { line, character: 2 }, context: { includeDeclaration: true } });
        }
      }
    }
    // A request for a file that does not exist at all.
    const none = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: uriOf(nodePath.join(p.dir, 'nope.pilot.yaml')) }, position: { line: 0, character: 0 } });
    assert.equal(none, null);
    await client.diagnosticsFor(weird, (d) => d.some((x) => x.code === 'yaml-syntax'));
    assert.ok(client.alive);
    fs.rmSync(p.dir, { recursive: true, force: true });
  });
});
