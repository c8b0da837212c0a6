/**
 * Protocol tests of hover, go to definition, find references and rename
 * across the files of a plan.
 */
import * as assert from 'node:assert/strict';
import type { Hover, Location, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { LspClient, applyWorkspaceEdit, find, uriOf } from './client';
import { PLAN_FILES, cleanGuangzhou, type Plan } from './fixtures';

function where(l: Location, p: Plan): string {
  const rel = decodeURIComponent(new URL(l.uri).pathname).slice(p.dir.length + 1);
  return `${rel}:${l.range.start.line + 1}:${l.range.start.character + 1}-${l.range.end.character + 1}`;
}

describe('lsp: hover, definition, references, rename', function () {
  this.timeout(60000);
  let client: LspClient;
  let p: Plan;
  const energy = () => p.path('tasks/energy.pilot.yaml');
  before(async () => {
    p = cleanGuangzhou();
    client = await LspClient.start({ folder: p.dir });
    client.open(energy());
    await client.diagnosticsFor(energy());
  });
  after(async () => {
    await client.stop();
  });

  async function hover(path: string, needle: string, delta = 1, n = 0): Promise<string> {
    const h = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: uriOf(path) }, position: find(client.text(path), needle, delta, n) });
    return h ? (h.contents as { value: string }).value : '';
  }

  it('hover on a key: its bilingual documentation from the schema', async () => {
    const h = await hover(energy(), 'lead:');
    assert.match(h, /牵头部门/);
    assert.match(h, /Lead department/);
    assert.match(h, /The department that leads the task/);
  });

  it('hover on an enum value: what the value means, in both languages', async () => {
    const h = await hover(energy(), 'energy-efficiency', 3);
    assert.match(h, /节能降碳增效/);
    assert.match(h, /Energy saving and efficiency/);
  });

  it('hover on a unit: what it is and the spelling equal to it, in both languages', async () => {
    const projects = p.path('projects.pilot.yaml');
    client.open(projects);
    const symbol = await hover(projects, 'unit: 万kW', 'unit: '.length + 1);
    assert.match(symbol, /万千瓦 · 10\^4 kW|10\^4 kW · 万千瓦/);
    assert.match(symbol, /中文写作 万千瓦/);
    assert.match(symbol, /written 万千瓦 in Chinese/);
    const before = client.text(projects);
    client.change(projects, before.replace('capacity: { value: 80, unit: 万kW }', 'capacity: { value: 80, unit: 万千瓦 }'));
    const chinese = await hover(projects, 'unit: 万千瓦', 'unit: '.length + 1);
    assert.match(chinese, /同 万kW/);
    assert.match(chinese, /the same as 万kW/);
    client.change(projects, before);
    // An indicator's unit is free text: what the format knows of it.
    const ind = p.path('indicators.pilot.yaml');
    client.open(ind);
    client.change(ind, client.text(ind).replace(/    type: level\n    unit: [^\n]*\n/, '    type: level\n    unit: GW\n'));
    const gw = await hover(ind, 'unit: GW', 'unit: '.length + 1);
    assert.match(gw, /gigawatt/);
    assert.match(gw, /The same as `吉瓦` or `百万千瓦`/);
    assert.match(gw, /与 `吉瓦`、`百万千瓦` 相同/);
    const custom = await hover(ind, 'unit: kgce', 'unit: '.length + 1);
    assert.doesNotMatch(custom, /The same as/);
  });

  it('hover on a reference: the target, its kind and file; an indicator with its trend', async () => {
    const h = await hover(energy(), 'IND-NONFOSSIL-SHARE', 4);
    assert.match(h, /indicator/);
    assert.match(h, /非化石能源消费比重/);
    assert.match(h, /indicators\.pilot\.yaml/);
    // baseline 26.5 (2020) → 32 (2025): +1.1 points a year, compound (32/26.5)^(1/5)-1 = 3.84 %
    assert.match(h, /2020: 26\.5% → 2025: >= 32% → 2030: ~ 35%/);
    assert.match(h, /\+1\.1 percentage points a year, compound \+3\.84% a year/);
    const t = await hover(energy(), 'dependsOn: [T-ENERGY-GRID]', 'dependsOn: [T-'.length);
    assert.match(t, /task/);
    assert.match(t, /建设安全可靠的坚强智能电网/);
    assert.match(t, /tasks\/energy\.pilot\.yaml/);
  });

  it('hover on an indicator (its id or its name): baseline → targets and the implied annual change', async () => {
    const ind = p.path('indicators.pilot.yaml');
    client.open(ind);
    const byId = await hover(ind, 'IND-CO2-INTENSITY', 4);
    // reduction: 18 % below 2020 by 2025 → 1-(1-0.18)^(1/5) = 3.89 % a year
    assert.match(byId, /18% below 2020, an average cut of 3\.89% a year/);
    const byName = await hover(ind, '虚拟电厂可调节能力', 2);
    // level 5 万kW (2020) → 80 万kW (2025): 16^(1/5)-1 = 74.1 % a year
    assert.match(byName, /IND-VPP-CAPACITY/);
    assert.match(byName, /2025 \(from 2020\): compound \+74\.1% a year/);
    assert.match(byName, /T-ENERGY-VPP/);
  });

  it('goes to the definition in another file', async () => {
    const d = await client.request<Location[]>('textDocument/definition', { textDocument: { uri: uriOf(energy()) }, position: find(client.text(energy()), 'IND-PV-CAPACITY', 3) });
    const line = find(p.read('indicators.pilot.yaml'), 'id: IND-PV-CAPACITY').line + 1;
    assert.deepEqual(d.map((l) => where(l, p)), [`indicators.pilot.yaml:${line}:9-24`]);
  });

  it('finds references in every file of the plan, with or without the declaration', async () => {
    const pos = find(client.text(energy()), 'id: T-ENERGY-GRID', 6);
    const all = await client.request<Location[]>('textDocument/references', { textDocument: { uri: uriOf(energy()) }, position: pos, context: { includeDeclaration: true } });
    const files = new Set(all.map((l) => where(l, p).split(':')[0]));
    assert.deepEqual([...files].sort(), ['plan.pilot.yaml', 'projects.pilot.yaml', 'tasks/energy.pilot.yaml', 'tasks/transport-others.pilot.yaml']);
    // every T-ENERGY-GRID in the plan's text outside comments
    let expected = 0;
    for (const rel of PLAN_FILES) expected += p.read(rel).split('\n').filter((l) => !l.trimStart().startsWith('#')).join('\n').split(/T-ENERGY-GRID(?![\w-])/).length - 1;
    assert.equal(all.length, expected);
    const refsOnly = await client.request<Location[]>('textDocument/references', { textDocument: { uri: uriOf(energy()) }, position: pos, context: { includeDeclaration: false } });
    assert.equal(refsOnly.length, expected - 1);
    // From a reference, the same places.
    const fromRef = await client.request<Location[]>('textDocument/references', {
      textDocument: { uri: uriOf(p.path('projects.pilot.yaml')) },
      position: find(p.read('projects.pilot.yaml'), 'tasks: [T-ENERGY-GRID]', 10),
      context: { includeDeclaration: true },
    });
    assert.deepEqual(fromRef.map((l) => where(l, p)).sort(), all.map((l) => where(l, p)).sort());
  });

  it('renames an ID in every file, only the ID text: comments, quotes and layout stay', async () => {
    // A quoted reference and a comment naming the ID, to see both survive.
    const plan = p.read('plan.pilot.yaml').replace('affects: [T-ENERGY-GRID]', 'affects: ["T-ENERGY-GRID"]   # 天然气调峰 T-ENERGY-GRID');
    client.open(p.path('plan.pilot.yaml'), plan);
    await client.diagnosticsFor(p.path('plan.pilot.yaml'));
    const before = new Map(PLAN_FILES.map((rel) => [p.path(rel), client.isOpen(p.path(rel)) ? client.text(p.path(rel)) : p.read(rel)]));
    const pos = find(client.text(p.path('projects.pilot.yaml')), 'tasks: [T-ENERGY-GRID]', 12);
    const prep = await client.request<{ range: unknown; placeholder: string }>('textDocument/prepareRename', { textDocument: { uri: uriOf(p.path('projects.pilot.yaml')) }, position: pos });
    assert.equal(prep.placeholder, 'T-ENERGY-GRID');
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri: uriOf(p.path('projects.pilot.yaml')) }, position: pos, newName: 'T-GRID-500KV' });
    const after = applyWorkspaceEdit(edit, (path) => before.get(path)!);
    for (const [path, text] of before) {
      const expected = text
        .split('\n')
        .map((l) => (l.trimStart().startsWith('#') ? l : l.replace(/^([^#]*?)T-ENERGY-GRID(?![\w-])/g, '$1T-GRID-500KV').replace(/(\[|, |")T-ENERGY-GRID(?![\w-])/g, '$1T-GRID-500KV')))
        .join('\n');
      assert.equal(after.get(path) ?? text, expected, path);
    }
    assert.match(after.get(p.path('plan.pilot.yaml'))!, /affects: \["T-GRID-500KV"\]   # 天然气调峰 T-ENERGY-GRID/);
    assert.equal(Object.keys(edit.changes!).length, 4);
  });

  it('rejects an invalid or taken new ID with a clear message, and a rename away from an ID', async () => {
    const pos = find(client.text(energy()), 'id: T-ENERGY-PV', 6);
    await assert.rejects(
      client.request('textDocument/rename', { textDocument: { uri: uriOf(energy()) }, position: pos, newName: 't-energy pv' }),
      (e: Error) => /not a valid ID/.test(e.message),
    );
    await assert.rejects(
      client.request('textDocument/rename', { textDocument: { uri: uriOf(energy()) }, position: pos, newName: 'IND-CO2-INTENSITY' }),
      (e: Error) => /already has an ID `IND-CO2-INTENSITY`/.test(e.message),
    );
    await assert.rejects(
      client.request('textDocument/prepareRename', { textDocument: { uri: uriOf(energy()) }, position: find(client.text(energy()), 'lead:', 1) }),
      (e: Error) => /Only IDs can be renamed/.test(e.message),
    );
  });
});
