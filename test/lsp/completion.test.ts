/**
 * Protocol tests of completion: keys, enum values, units and IDs from other
 * files, in complete and in incomplete (while typing) YAML.
 */
import * as assert from 'node:assert/strict';
import type { CompletionItem, CompletionList } from 'vscode-languageserver-protocol';
import { LspClient, applyEdits, find, uriOf } from './client';
import { cleanGuangzhou, type Plan } from './fixtures';

describe('lsp: completion', function () {
  this.timeout(60000);
  let client: LspClient;
  let p: Plan;
  before(async () => {
    p = cleanGuangzhou();
    client = await LspClient.start({ folder: p.dir });
  });
  after(async () => {
    await client.stop();
  });

  /** Sets the file's text to `text` with `|` marking the cursor, and completes there. */
  async function complete(rel: string, textWithCursor: string): Promise<CompletionItem[]> {
    const file = p.path(rel);
    // The cursor: `‸` where the text itself holds `|` (a block scalar), else the first `|`.
    const marker = textWithCursor.includes('‸') ? '‸' : '|';
    const offset = textWithCursor.indexOf(marker);
    const text = textWithCursor.slice(0, offset) + textWithCursor.slice(offset + 1);
    if (client.isOpen(file)) client.change(file, text);
    else client.open(file, text);
    const before = text.slice(0, offset);
    const position = { line: before.split('\n').length - 1, character: offset - (before.lastIndexOf('\n') + 1) };
    const list = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri: uriOf(file) }, position });
    return list.items;
  }

  function labels(items: CompletionItem[]): string[] {
    return items.map((i) => i.label);
  }

  function insert(text: string, item: CompletionItem): string {
    const e = item.textEdit as { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string };
    return applyEdits(text, [{ range: e.range, newText: e.newText }]);
  }

  const energy = () => p.read('tasks/energy.pilot.yaml');

  it('offers enum values with their bilingual descriptions, in an empty value while typing', async () => {
    const items = await complete('tasks/energy.pilot.yaml', energy().replace('    area: energy-transition\n', '    area: ‸\n'));
    assert.deepEqual(labels(items).slice(0, 3), ['energy-transition', 'energy-efficiency', 'industry']);
    const it0 = items[0];
    assert.match(it0.detail!, /能源绿色低碳转型/);
    assert.match(it0.detail!, /Energy transition/);
    assert.match((it0.documentation as { value: string }).value, /非化石能源/);
    // and filtered by what was typed: the item replaces the partial word
    const partial = energy().replace('    area: energy-transition\n', '    area: tra|\n');
    const items2 = await complete('tasks/energy.pilot.yaml', partial);
    const transport = items2.find((i) => i.label === 'transport')!;
    assert.equal(insert(partial.replace('|', ''), transport), energy().replace('    area: energy-transition\n', '    area: transport\n'));
  });

  it('offers the keys a task may still have, required first, with titles and descriptions', async () => {
    const text = energy().replace('  - id: T-ENERGY-VPP\n', '  - id: T-ENERGY-VPP\n    |\n');
    const items = await complete('tasks/energy.pilot.yaml', text);
    const ls = labels(items);
    assert.ok(!ls.includes('title') && !ls.includes('id'), 'keys already present are left out');
    assert.ok(ls.includes('description') && ls.includes('notes'));
    const partners = items.find((i) => i.label === 'notes')!;
    assert.match(partners.detail!, /备注 · Notes/);
    // A new entry without keys: required keys first.
    const fresh = await complete('tasks/energy.pilot.yaml', energy().replace('  - id: T-ENERGY-VPP\n', '  - |\n  - id: T-ENERGY-VPP\n'));
    const keys = fresh.filter((i) => i.kind === 10 /* Property */).sort((a, b) => a.sortText!.localeCompare(b.sortText!));
    assert.deepEqual(keys.slice(0, 4).map((i) => i.label), ['id', 'title', 'area', 'lead']);
  });

  it('offers a snippet that fills a whole new task, project or indicator', async () => {
    const text = energy().replace('  - id: T-ENERGY-VPP\n', '  - |\n  - id: T-ENERGY-VPP\n');
    const items = await complete('tasks/energy.pilot.yaml', text);
    const snippet = items.find((i) => i.kind === 15 /* Snippet */)!;
    assert.equal(snippet.insertTextFormat, 2);
    const body = (snippet.textEdit as { newText: string }).newText;
    assert.match(body, /^id: \$\{1:T-[A-Z0-9-]+\}\n    title: \$\{2:[^}]+\}\n    area: \$\{3\|energy-transition,/);
    assert.match(body, /\n    lead: /);
    const projects = p.read('projects.pilot.yaml');
    const pItems = await complete('projects.pilot.yaml', projects.replace('  - id: P-PV-ROOFTOP\n', '  - |\n  - id: P-PV-ROOFTOP\n'));
    const pBody = (pItems.find((i) => i.kind === 15)!.textEdit as { newText: string }).newText;
    assert.match(pBody, /name: .*\n    tasks: \[/);
    const inds = p.read('indicators.pilot.yaml');
    const iItems = await complete('indicators.pilot.yaml', inds.replace('  - id: IND-PV-CAPACITY\n', '  - |\n  - id: IND-PV-CAPACITY\n'));
    const iBody = (iItems.find((i) => i.kind === 15)!.textEdit as { newText: string }).newText;
    assert.match(iBody, /type: \$\{3\|level,share,reduction,intensity\|\}/);
    assert.match(iBody, /targets:\n      - \{ year: 2025, value: \$\{\d+:0\} \}\n      - \{ year: 2030,/);
  });

  it('offers indicators from another file in a flow sequence being typed: `[IND-`', async () => {
    const text = energy().replace('indicators: [IND-VPP-CAPACITY]', 'indicators: [IND-|');
    const items = await complete('tasks/energy.pilot.yaml', text);
    const co2 = items.find((i) => i.label === 'IND-CO2-INTENSITY')!;
    assert.ok(co2, 'indicator from indicators.pilot.yaml');
    // The name in the locale (English here), both names in the documentation.
    assert.equal(co2.detail, 'Reduction of CO2 emissions per unit of GDP');
    assert.match((co2.documentation as { value: string }).value, /单位地区生产总值二氧化碳排放降低/);
    assert.ok(items.every((i) => i.label.startsWith('IND-')), 'only indicators');
    // The item replaces the partial ID.
    assert.ok(insert(text.replace('|', ''), co2).includes('indicators: [IND-CO2-INTENSITY\n'));
  });

  it('offers tasks in dependsOn and project tasks, tasks and projects in risk affects', async () => {
    const deps = await complete('tasks/energy.pilot.yaml', energy().replace('dependsOn: [T-ENERGY-GRID]', 'dependsOn: [T-ENERGY-GRID, |]'));
    const ls = labels(deps);
    assert.ok(ls.includes('T-TRANSPORT-NEV'), 'task from another Tasks file');
    assert.ok(!ls.includes('T-ENERGY-GRID'), 'already listed');
    assert.ok(ls.every((l) => l.startsWith('T-')));
    const projects = p.read('projects.pilot.yaml');
    const pt = await complete('projects.pilot.yaml', projects.replace('tasks: [T-ENERGY-PV]', 'tasks: [|]'));
    assert.ok(labels(pt).includes('T-ENERGY-PV') && labels(pt).every((l) => l.startsWith('T-')));
    const planText = p.read('plan.pilot.yaml');
    const aff = await complete('plan.pilot.yaml', planText.replace('affects: [T-ENERGY-GRID]', 'affects: [T-ENERGY-GRID, |]'));
    assert.ok(labels(aff).includes('P-VPP-PLATFORM') && labels(aff).includes('T-SINK-FOREST'));
    assert.ok(!labels(aff).some((l) => l.startsWith('IND-') || l.startsWith('M-')));
    // A block sequence item `- ` under dependsOn.
    const block = await complete('tasks/energy.pilot.yaml', energy().replace('dependsOn: [T-ENERGY-GRID]\n', 'dependsOn:\n      - T-ENERGY-GRID\n      - |\n'));
    assert.ok(labels(block).includes('T-INDUSTRY-AUTO') || labels(block).some((l) => l.startsWith('T-')));
    assert.ok(!labels(block).includes('T-ENERGY-GRID'));
  });

  it('offers units valid for the field: money units, % for a share indicator', async () => {
    const projects = p.read('projects.pilot.yaml');
    const money = await complete('projects.pilot.yaml', projects.replace('investment: { value: 32, unit: 亿元 }', 'investment: { value: 32, unit: | }'));
    assert.deepEqual(labels(money), ['元', '万元', '亿元']);
    const cap = await complete('projects.pilot.yaml', projects.replace('capacity: { value: 80, unit: 万kW }', 'capacity: { value: 80, unit: | }'));
    assert.deepEqual(labels(cap), ['kW', '千瓦', 'MW', '兆瓦', '万kW', '万千瓦', 'GW', '吉瓦', '百万千瓦', '亿kW', '亿千瓦']);
    const inds = p.read('indicators.pilot.yaml');
    const share = inds.replace('    type: share\n    unit: "%"\n', '    type: share\n    unit: |\n');
    const pct = await complete('indicators.pilot.yaml', share);
    assert.deepEqual(labels(pct), ['%']);
    assert.equal((pct[0].textEdit as { newText: string }).newText, '"%"', 'quoted: % cannot start a plain scalar');
    const level = inds.replace('    type: level\n    unit: 万kW', '    type: level\n    unit: |');
    const lv = await complete('indicators.pilot.yaml', level);
    assert.ok(labels(lv).includes('万kW') && !labels(lv).includes('%'));
    // A comparator needs quotes too.
    const cmp = await complete('indicators.pilot.yaml', inds.replace('{ year: 2030, value: 27, comparator: "~" }', '{ year: 2030, value: 27, comparator: | }'));
    assert.deepEqual(cmp.map((i) => (i.textEdit as { newText: string }).newText), ['">="', '"<="', '"~"', '"="']);
  });

  /** The items as a client lists them: by sortText, then label. */
  const sorted = (items: CompletionItem[]) => [...items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label) || a.label.localeCompare(b.label));
  const docOf = (item: CompletionItem) => (typeof item.documentation === 'string' ? item.documentation : item.documentation?.value ?? '');

  it('offers the unit spelling the planner starts typing, each saying it equals the other spelling', async () => {
    const projects = p.read('projects.pilot.yaml');
    const typed = (partial: string) => projects.replace('capacity: { value: 80, unit: 万kW }', `capacity: { value: 80, unit: ${partial}‸ }`);
    const zhItems = await complete('projects.pilot.yaml', typed('万千'));
    const first = sorted(zhItems)[0];
    assert.equal(first.label, '万千瓦');
    assert.equal(first.preselect, true);
    assert.equal(zhItems.filter((i) => i.preselect).length, 1);
    assert.equal(insert(typed('万千').replace('‸', ''), first), projects.replace('unit: 万kW }', 'unit: 万千瓦 }'));
    assert.match(docOf(first), /同 万kW/);
    assert.match(docOf(first), /the same as 万kW/);
    assert.match(first.detail!, /10\^4 kW · 万千瓦/);
    const enItems = await complete('projects.pilot.yaml', typed('万k'));
    const kw = sorted(enItems)[0];
    assert.equal(kw.label, '万kW');
    assert.equal(kw.preselect, true);
    assert.match(docOf(kw), /中文写作 万千瓦/);
    assert.match(docOf(kw), /written 万千瓦 in Chinese/);
    // Every spelling is still offered, the others after.
    assert.equal(enItems.length, 11);
    // Storage takes electricity: 万千瓦时 after 万千, not 万千瓦.
    const storage = projects.replace('capacity: { value: 80, unit: 万kW }', 'capacity: { value: 80, unit: 万kW }\n    storage: { value: 20, unit: 万千‸ }');
    const st = sorted(await complete('projects.pilot.yaml', storage));
    assert.equal(st[0].label, '万千瓦时');
    assert.ok(!st.some((i) => i.label === '万千瓦'));
    // An indicator's unit (free text): the known spellings, with what they are and their equals.
    const inds = p.read('indicators.pilot.yaml');
    const lv = sorted(await complete('indicators.pilot.yaml', inds.replace(/    type: level\n    unit: [^\n]*\n/, '    type: level\n    unit: 万千‸\n')));
    assert.equal(lv[0].label, '万千瓦');
    assert.match(docOf(lv[0]), /与 `万kW` 相同/);
    assert.match(docOf(lv[0]), /The same as `万kW`/);
    const intensity = sorted(await complete('indicators.pilot.yaml', inds.replace(/    type: level\n    unit: [^\n]*\n/, '    type: level\n    unit: 吨标‸\n')));
    assert.equal(intensity[0].label, '吨标准煤/万元');
    assert.match(docOf(intensity[0]), /`tce\/万元`/);
  });

  it('offers the new task areas, mechanism types and risk categories, the values before them unchanged', async () => {
    const areas = labels(await complete('tasks/energy.pilot.yaml', energy().replace('    area: energy-transition\n', '    area: ‸\n')));
    assert.deepEqual(areas, [
      'energy-transition', 'energy-efficiency', 'industry', 'buildings', 'transport', 'circular-economy', 'innovation', 'carbon-sink', 'public-action', 'policy-mechanism',
      'agriculture-rural', 'industry-upgrading', 'green-economy', 'market-mechanism', 'pilot-demonstration', 'regional-cooperation', 'other',
    ]);
    const plan = p.read('plan.pilot.yaml');
    const types = await complete('plan.pilot.yaml', plan.replace('    type: carbon-accounting\n', '    type: ‸\n'));
    assert.deepEqual(labels(types).slice(-6), ['green-power-trading', 'carbon-inclusive', 'fiscal-tax', 'energy-saving-review', 'carbon-disclosure', 'other']);
    const inclusive = types.find((i) => i.label === 'carbon-inclusive')!;
    assert.match(inclusive.detail!, /碳普惠/);
    assert.match(inclusive.detail!, /Carbon-inclusive/);
    const risks = await complete('plan.pilot.yaml', plan.replace('    category: power-supply\n', '    category: ‸\n'));
    assert.deepEqual(labels(risks).slice(-5), ['supply-chain', 'food-security', 'livelihood', 'financial-debt', 'other']);
    assert.match(docOf(risks.find((i) => i.label === 'livelihood')!), /群众正常生产生活/);
  });

  it('completes in a file that does not parse, from the last good parse and the indentation', async () => {
    // An unclosed flow sequence elsewhere breaks the file.
    const broken = energy().replace('partners: [广州供电局, 市规划和自然资源局]', 'partners: [广州供电局, 市规划和自然资源局').replace('  - id: T-ENERGY-VPP\n', '  - id: T-ENERGY-VPP\n    |\n');
    const items = await complete('tasks/energy.pilot.yaml', broken);
    assert.ok(labels(items).includes('description'), labels(items).join(','));
    const diags = await client.diagnosticsFor(p.path('tasks/energy.pilot.yaml'), (d) => d.some((x) => x.code === 'yaml-syntax'));
    assert.ok(diags.length > 0);
    const ids = await complete('tasks/energy.pilot.yaml', broken.replace('    |\n', '    dependsOn: [|\n'));
    assert.ok(labels(ids).includes('T-TRANSPORT-NEV'));
  });

  it('offers apiVersion and kind, and whole-file skeletons, in an empty file', async () => {
    const items = await complete('tasks/industry-buildings.pilot.yaml', '|');
    assert.ok(labels(items).includes('apiVersion') && labels(items).includes('kind'));
    assert.ok(items.some((i) => i.kind === 17 /* File */ && /kind: Tasks/.test((i.textEdit as { newText: string }).newText)));
    const kinds = await complete('tasks/industry-buildings.pilot.yaml', 'apiVersion: pilot-plan/v1\nkind: |');
    assert.deepEqual(labels(kinds), ['Plan', 'Tasks', 'Projects', 'Indicators', 'Progress']);
  });
});
