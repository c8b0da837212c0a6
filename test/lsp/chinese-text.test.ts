/**
 * Protocol tests of what a planner who writes Chinese gets: completion found
 * by Chinese typed (enum values by their titles and aliases, IDs by their
 * entities' names), "did you mean" by meaning before spelling, and hover on a
 * reference with what a reviewer needs (a task's lead, due year, indicators
 * and projects; a project's investment, years and tasks).
 */
import * as assert from 'node:assert/strict';
import type { CodeAction, CompletionItem, CompletionList, Diagnostic, Hover, Position, Range } from 'vscode-languageserver-protocol';
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import { LspClient, applyEdits, find, tempDir, uriOf } from './client';
import { MINIMAL_PLAN } from '../util/plan';
import { PLAN_FILES, cleanGuangzhou, type Plan } from './fixtures';

/**
 * What VS Code's suggest widget keeps of an item for the word typed (with its
 * default `editor.suggest.matchOnWordStartOnly`): the word's characters in
 * order in the filterText (the label where there is none), ignoring case, the
 * first of them at the start of a word there.
 */
function editorKeeps(item: CompletionItem, word: string): boolean {
  const filter = item.filterText ?? item.label;
  const pattern = [...word].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*');
  return new RegExp(`(?:^|[\\s\\-_./:])${pattern}`, 'iu').test(filter);
}

describe('lsp: Chinese text in completion, "did you mean" and hover', function () {
  this.timeout(60000);
  let zh: LspClient;
  let en: LspClient;
  let p: Plan;
  before(async () => {
    p = cleanGuangzhou();
    [zh, en] = await Promise.all([LspClient.start({ folder: p.dir, locale: 'zh-CN' }), LspClient.start({ folder: p.dir, locale: 'en' })]);
  });
  after(async () => {
    await Promise.all([zh.stop(), en.stop()]);
  });
  afterEach(() => {
    // Each test starts from the example's texts.
    for (const client of [zh, en]) for (const rel of PLAN_FILES) if (client.isOpen(p.path(rel)) && client.text(p.path(rel)) !== p.read(rel)) client.change(p.path(rel), p.read(rel));
  });

  interface Completed {
    items: CompletionItem[];
    text: string;
    cursor: Position;
    /** The word the editor filters with for an item: the text from its range's start to the cursor. */
    typed(item: CompletionItem): string;
    /** The items the editor shows for what was typed. */
    kept(): CompletionItem[];
    apply(item: CompletionItem): string;
  }

  /** Sets the file's text to `textWithCursor` (`|` the cursor) in the client, and completes there. */
  async function complete(client: LspClient, rel: string, textWithCursor: string): Promise<Completed> {
    const file = p.path(rel);
    const offset = textWithCursor.indexOf('|');
    const text = textWithCursor.slice(0, offset) + textWithCursor.slice(offset + 1);
    if (client.isOpen(file)) client.change(file, text);
    else client.open(file, text);
    const before = text.slice(0, offset);
    const cursor = { line: before.split('\n').length - 1, character: offset - (before.lastIndexOf('\n') + 1) };
    const list = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri: uriOf(file) }, position: cursor });
    const line = text.split('\n')[cursor.line];
    const range = (item: CompletionItem) => (item.textEdit as { range: Range }).range;
    const typed = (item: CompletionItem) => {
      const r = range(item);
      assert.equal(r.start.line, cursor.line);
      assert.ok(r.start.character <= cursor.character && r.end.character >= cursor.character, `${item.label}: the range covers the cursor`);
      return line.slice(r.start.character, cursor.character);
    };
    return {
      items: list.items,
      text,
      cursor,
      typed,
      kept: () => list.items.filter((i) => editorKeeps(i, typed(i))),
      apply: (item) => applyEdits(text, [{ range: range(item), newText: (item.textEdit as { newText: string }).newText }]),
    };
  }

  const energy = () => p.read('tasks/energy.pilot.yaml');

  it('`area: 节能` offers `energy-efficiency`: its range covers 节能, its filterText holds 节能, its Chinese title beside it', async () => {
    const text = energy().replace('    area: energy-efficiency\n', '    area: 节能|\n');
    const c = await complete(zh, 'tasks/energy.pilot.yaml', text);
    const item = c.items.find((i) => i.label === 'energy-efficiency')!;
    assert.ok(item, c.items.map((i) => i.label).join(' '));
    assert.equal(c.typed(item), '节能');
    assert.match(item.filterText!, /(^| )节能降碳增效( |$)/);
    assert.match(item.filterText!, /(^| )节能( |$)/, 'the alias 节能 from the schema');
    const kept = c.kept().map((i) => i.label);
    assert.ok(kept.includes('energy-efficiency'), kept.join(' '));
    assert.ok(!kept.includes('transport') && !kept.includes('carbon-sink'), `only the values 节能 names: ${kept.join(' ')}`);
    assert.deepEqual(item.labelDetails, { description: '节能降碳增效' });
    assert.equal(c.apply(item), energy());
    // English titles find values too, and the label's description follows the locale.
    const enText = energy().replace('    area: energy-efficiency\n', '    area: sav|\n');
    const e = await complete(en, 'tasks/energy.pilot.yaml', enText);
    const enItem = e.items.find((i) => i.label === 'energy-efficiency')!;
    assert.deepEqual(enItem.labelDetails, { description: 'Energy saving and efficiency' });
    assert.ok(e.kept().some((i) => i.label === 'energy-efficiency'));
  });

  it('能耗 in a task\'s `indicators` finds the energy-intensity indicator (单位地区生产总值能源消耗降低), in flow and block lists', async () => {
    const flow = await complete(zh, 'tasks/energy.pilot.yaml', energy().replace('indicators: [IND-VPP-CAPACITY]', 'indicators: [能耗|]'));
    const kept = flow.kept().map((i) => i.label);
    assert.ok(kept.includes('IND-ENERGY-INTENSITY'), kept.join(' '));
    assert.ok(!kept.includes('IND-FOREST-COVERAGE') && !kept.includes('IND-NEV-SHARE'), kept.join(' '));
    const item = flow.items.find((i) => i.label === 'IND-ENERGY-INTENSITY')!;
    assert.equal(flow.typed(item), '能耗');
    assert.equal(item.detail, '单位地区生产总值能源消耗降低');
    assert.ok(flow.apply(item).includes('indicators: [IND-ENERGY-INTENSITY]\n'));
    const block = await complete(zh, 'tasks/energy.pilot.yaml', energy().replace('indicators: [IND-VPP-CAPACITY]\n', 'indicators:\n      - 能耗|\n'));
    assert.ok(block.kept().some((i) => i.label === 'IND-ENERGY-INTENSITY'));
    // The short form planners write: 单位GDP能耗 for 单位地区生产总值能源消耗.
    const gdp = await complete(zh, 'tasks/energy.pilot.yaml', energy().replace('indicators: [IND-VPP-CAPACITY]', 'indicators: [单位GDP能耗|]'));
    assert.deepEqual(gdp.kept().map((i) => i.label).filter((l) => l === 'IND-ENERGY-INTENSITY'), ['IND-ENERGY-INTENSITY']);
    // In English, the English name beside the ID.
    const e = await complete(en, 'tasks/energy.pilot.yaml', energy().replace('indicators: [IND-VPP-CAPACITY]', 'indicators: [|]'));
    assert.equal(e.items.find((i) => i.label === 'IND-ENERGY-INTENSITY')!.labelDetails?.description, 'Reduction of energy consumption per unit of GDP');
  });

  it('光伏 finds the PV indicator in `indicators`, the PV task in a project\'s `tasks`, the PV task and project in a risk\'s `affects`', async () => {
    const ind = await complete(zh, 'tasks/energy.pilot.yaml', energy().replace('indicators: [IND-VPP-CAPACITY]', 'indicators: [光伏|]'));
    assert.deepEqual(ind.kept().map((i) => i.label), ['IND-PV-CAPACITY']);
    const projects = p.read('projects.pilot.yaml');
    const tasks = await complete(zh, 'projects.pilot.yaml', projects.replace('tasks: [T-ENERGY-VPP]', 'tasks: [光伏|]'));
    assert.deepEqual(tasks.kept().map((i) => i.label), ['T-ENERGY-PV']);
    const plan = p.read('plan.pilot.yaml');
    const affects = await complete(zh, 'plan.pilot.yaml', plan.replace('affects: [T-ENERGY-GRID]', 'affects: [T-ENERGY-GRID, 光伏|]'));
    assert.deepEqual(affects.kept().map((i) => i.label).sort(), ['P-PV-ROOFTOP', 'T-ENERGY-PV']);
  });

  it('in a plan with more IDs than a list holds, the server\'s cut keeps those named by what was typed', async () => {
    const dir = tempDir('pilot-lsp-many-');
    fs.writeFileSync(nodePath.join(dir, 'plan.pilot.yaml'), MINIMAL_PLAN);
    const entry = (id: string, name: string) => `  - id: ${id}\n    name: ${name}\n    type: level\n    unit: 个\n    direction: increase\n    baseline: { year: 2020, value: 1 }\n    targets:\n      - { year: 2030, value: 2 }\n`;
    const many = Array.from({ length: 400 }, (_, i) => entry(`IND-G-${String(i).padStart(3, '0')}`, `示范项目数量${i}`)).join('');
    fs.writeFileSync(nodePath.join(dir, 'indicators.pilot.yaml'), `apiVersion: pilot-plan/v1\nkind: Indicators\nindicators:\n${many}${entry('IND-ZZZ-ENERGY', '单位地区生产总值能源消耗降低')}`);
    const client = await LspClient.start({ folder: dir, locale: 'zh-CN' });
    try {
      const file = nodePath.join(dir, 'plan.pilot.yaml');
      const ask = async (typed: string) => {
        const text = MINIMAL_PLAN.replace('indicators: [IND-1]', `indicators: [${typed}]`);
        if (client.isOpen(file)) client.change(file, text);
        else client.open(file, text);
        return client.request<CompletionList>('textDocument/completion', { textDocument: { uri: uriOf(file) }, position: find(text, `[${typed}]`, 1 + typed.length) });
      };
      const all = await ask('');
      assert.equal(all.isIncomplete, true);
      assert.ok(!all.items.some((i) => i.label === 'IND-ZZZ-ENERGY'), 'cut at the longest IDs');
      const named = await ask('能耗');
      assert.deepEqual(named.items.map((i) => i.label), ['IND-ZZZ-ENERGY']);
      assert.equal(named.isIncomplete, false);
    } finally {
      await client.stop();
    }
  });

  it('说明 at a key finds `description` by its title', async () => {
    const vpp = '    indicators: [IND-VPP-CAPACITY]\n    dependsOn: [T-ENERGY-GRID]\n    due: 2025\n';
    const c = await complete(zh, 'tasks/energy.pilot.yaml', energy().replace(vpp, `${vpp}    说明|\n`));
    assert.deepEqual(c.kept().map((i) => i.label), ['description']);
  });

  async function diagnostics(client: LspClient, rel: string, text: string, pred: (d: Diagnostic) => boolean): Promise<Diagnostic> {
    const file = p.path(rel);
    if (client.isOpen(file)) client.change(file, text);
    else client.open(file, text);
    const ds = await client.diagnosticsFor(file, (d) => d.some(pred));
    return ds.find(pred)!;
  }

  async function actions(client: LspClient, rel: string, d: Diagnostic): Promise<CodeAction[]> {
    return client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: uriOf(p.path(rel)) }, range: d.range, context: { diagnostics: [d] } });
  }

  it('did you mean: `area: 节能降碳` gets `energy-efficiency` first, in the message and the quick fixes', async () => {
    const rel = 'tasks/energy.pilot.yaml';
    const text = energy().replace('    area: energy-efficiency\n', '    area: 节能降碳\n');
    const d = await diagnostics(zh, rel, text, (x) => x.code === 'schema' && x.message.includes('节能降碳'));
    assert.match(d.message, /您是否想写 `energy-efficiency`？/);
    const titles = (await actions(zh, rel, d)).map((a) => a.title);
    assert.equal(titles[0], '改为 `energy-efficiency`');
    // The others after it, nearest first, at most twelve: the choice stays the planner's.
    const changes = titles.filter((t) => t.startsWith('改为'));
    assert.ok(changes.length > 1 && changes.length <= 12, titles.join(' | '));
    // English: the same order.
    const de = await diagnostics(en, rel, energy().replace('    area: energy-efficiency\n', '    area: 能源转型\n'), (x) => x.code === 'schema' && x.message.includes('能源转型'));
    assert.match(de.message, /Did you mean `energy-transition`\?/);
    assert.equal((await actions(en, rel, de))[0].title, 'Change to `energy-transition`');
  });

  it('did you mean: a reference written as an indicator\'s Chinese name is changed to its ID', async () => {
    const rel = 'tasks/energy.pilot.yaml';
    const text = energy().replace('indicators: [IND-VPP-CAPACITY]', 'indicators: [单位GDP能耗]');
    const d = await diagnostics(zh, rel, text, (x) => x.code === 'unresolved-reference' && x.message.includes('单位GDP能耗'));
    const acts = await actions(zh, rel, d);
    assert.equal(acts[0].title, '改为 `IND-ENERGY-INTENSITY`（单位地区生产总值能源消耗降低）', acts.map((a) => a.title).join(' | '));
    const edit = acts[0].edit!.changes![uriOf(p.path(rel))];
    assert.equal(applyEdits(text, edit), energy().replace('indicators: [IND-VPP-CAPACITY]', 'indicators: [IND-ENERGY-INTENSITY]'));
  });

  async function hover(client: LspClient, rel: string, needle: string, delta: number): Promise<string> {
    const file = p.path(rel);
    if (!client.isOpen(file)) client.open(file);
    const h = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: uriOf(file) }, position: find(client.text(file), needle, delta) });
    return h ? (h.contents as { value: string }).value : '';
  }

  it('hover on a task reference: its lead, due year, indicators and projects with their investment', async () => {
    const h = await hover(zh, 'projects.pilot.yaml', 'tasks: [T-ENERGY-PV]', 'tasks: [T-'.length);
    assert.match(h, /`T-ENERGY-PV` — 推进分布式光伏规模化开发/);
    assert.match(h, /牵头部门：市发展改革委/);
    assert.match(h, /完成年份：2030/);
    assert.match(h, /任务领域：能源绿色低碳转型（`energy-transition`）/);
    assert.match(h, /关联指标：\n- `IND-PV-CAPACITY` 光伏发电装机容量\n- `IND-RE-CAPACITY` 可再生能源发电装机容量\n- `IND-NONFOSSIL-SHARE` 非化石能源消费比重/);
    assert.match(h, /项目（1 个，投资合计 32 亿元）：\n- `P-PV-ROOFTOP` 整区推进屋顶分布式光伏开发试点（32 亿元）/);
    const e = await hover(en, 'projects.pilot.yaml', 'tasks: [T-ENERGY-PV]', 'tasks: [T-'.length);
    assert.match(e, /Lead department: 市发展改革委/);
    assert.match(e, /Due year: 2030/);
    assert.match(e, /Projects \(1, 32 亿元 invested\):\n- `P-PV-ROOFTOP` .*\(32 亿元\)/);
  });

  it('hover on a project reference: its investment with unit, years and tasks', async () => {
    const h = await hover(zh, 'plan.pilot.yaml', 'P-VPP-PLATFORM]', 2);
    assert.match(h, /`P-VPP-PLATFORM` — 广州市虚拟电厂聚合调控平台/);
    assert.match(h, /总投资：6\.8 亿元/);
    assert.match(h, /建设周期：2023-06 至 2026-12/);
    assert.match(h, /所属任务：\n- `T-ENERGY-VPP` 建设虚拟电厂/);
    const e = await hover(en, 'plan.pilot.yaml', 'P-VPP-PLATFORM]', 2);
    assert.match(e, /Investment: 6\.8 亿元/);
    assert.match(e, /Years: 2023-06 to 2026-12/);
    assert.match(e, /Status: Under construction \(`under-construction`\)/);
  });

  it('hover on an indicator reference: its unit, type, baseline and targets, labelled as the task\'s and project\'s are', async () => {
    const h = await hover(zh, 'tasks/energy.pilot.yaml', 'IND-PV-CAPACITY', 4);
    assert.match(h, /指标类型：水平值（`level`） · 单位：万kW · 变化方向：上升（`increase`）/);
    assert.match(h, /基准 → 目标：2020: 30 万kW → 2025: >= 100 万kW/);
    assert.match(h, /关联任务：\n- `T-ENERGY-PV` 推进分布式光伏规模化开发/);
    const e = await hover(en, 'tasks/energy.pilot.yaml', 'IND-PV-CAPACITY', 4);
    assert.match(e, /Type: Level \(`level`\) · Unit: 万kW · Direction: Increase \(`increase`\)/);
    assert.match(e, /Tasks:\n- `T-ENERGY-PV` /);
  });
});
