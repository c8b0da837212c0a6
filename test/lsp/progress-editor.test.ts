/**
 * Progress files in the editor, through the real server: an indicator's hover with its actual values, the
 * status lens of a task (its command opens the Progress entry), and pilotPlan/newProgress.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import { parse } from 'yaml';
import type { CodeLens, Hover, Location } from 'vscode-languageserver-protocol';
import { LspClient, find, offsetAt, tempDir, uriOf } from './client';
import { cleanGuangzhou, type Plan } from './fixtures';
import { LENS_OPENS, NEW_PROGRESS_REQUEST, SHOW_REFERENCES_COMMAND, type NewProgressResult } from '../../server/src/lsp/protocol';

const PROGRESS_2024 = `apiVersion: pilot-plan/v1
kind: Progress
year: 2024
indicators:
  - id: IND-NONFOSSIL-SHARE
    value: 29.1
    unit: "%"
    source: 测试数据
tasks:
  - id: T-ENERGY-GRID
    status: on-track
    note: 测试说明
`;

describe('lsp: Progress files', function () {
  this.timeout(60000);
  let client: LspClient;
  let p: Plan;
  before(async () => {
    p = cleanGuangzhou();
    p.write('progress-2024.pilot.yaml', PROGRESS_2024);
    client = await LspClient.start({ folder: p.dir, locale: 'zh-cn', initializationOptions: { showReferencesCommand: SHOW_REFERENCES_COMMAND } });
  });
  after(async () => {
    await client.stop();
  });

  it('an indicator\'s hover shows its actual value beside its baseline and targets', async () => {
    const file = p.path('indicators.pilot.yaml');
    client.open(file);
    const h = await client.request<Hover>('textDocument/hover', { textDocument: { uri: uriOf(file) }, position: find(client.text(file), 'id: IND-NONFOSSIL-SHARE', 6) });
    const md = (h.contents as { value: string }).value;
    assert.ok(md.includes('| 年份 | 规划 | 实际 | 来源 |'), md);
    assert.ok(md.includes('| 2020 | 基准 26.5% |  |  |'), md);
    assert.ok(md.includes('| 2024 |  | 29.1% | 测试数据 |'), md);
    assert.ok(md.includes('| 2025 | 目标 >= 32% |  |  |'), md);
  });

  it('a task\'s status lens: its latest status, and a command that opens its Progress entry', async () => {
    const rel = 'tasks/energy.pilot.yaml';
    const file = p.path(rel);
    client.open(file);
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: uriOf(file) } });
    const line = find(p.read(rel), 'id: T-ENERGY-GRID').line;
    const onGrid = lenses.filter((l) => l.range.start.line === line);
    assert.equal(onGrid.length, 2, JSON.stringify(onGrid));
    const [refs, status] = await Promise.all(onGrid.map((l) => client.request<CodeLens>('codeLens/resolve', l)));
    assert.match(refs.command!.title, /个项目/);
    assert.equal(status.command!.title, '2024 年：按计划推进');
    assert.equal(status.command!.command, SHOW_REFERENCES_COMMAND);
    const [, , locations, mode] = status.command!.arguments!;
    assert.equal(mode, LENS_OPENS);
    const [where] = locations as Location[];
    assert.equal(where.uri, uriOf(p.path('progress-2024.pilot.yaml')));
    const text = p.read('progress-2024.pilot.yaml');
    assert.equal(text.slice(offsetAt(text, where.range.start), offsetAt(text, where.range.end)), 'T-ENERGY-GRID');
    // A task no Progress file reports on has only its references lens.
    const pv = find(p.read(rel), 'id: T-ENERGY-PV').line;
    assert.equal(lenses.filter((l) => l.range.start.line === pv).length, 1);
  });

  it('pilotPlan/newProgress gives next year\'s file for the plan of a file, and says why not for a file of no plan', async () => {
    const made = await client.request<NewProgressResult>(NEW_PROGRESS_REQUEST, { uri: uriOf(p.path('tasks/energy.pilot.yaml')) });
    assert.ok(!('error' in made), JSON.stringify(made));
    if ('error' in made) return;
    assert.equal(made.planRoot, fs.realpathSync(p.dir));
    assert.equal(made.year, 2025);
    assert.equal(made.fileName, 'progress-2025.pilot.yaml');
    assert.match(made.text, /^# 广州市 碳达峰试点建设 2025 年度进展\n/);
    const data = parse(made.text);
    const indicatorIds = (parse(p.read('indicators.pilot.yaml')).indicators as { id: string }[]).map((i) => i.id);
    assert.deepEqual((data.indicators as { id: string }[]).map((i) => i.id).sort(), indicatorIds.sort());
    assert.ok((data.tasks as { id: string; status: string }[]).every((t) => t.status === '待补充'));

    const alone = tempDir('progress-alone');
    const stray = nodePath.join(alone, 'tasks.pilot.yaml');
    fs.writeFileSync(stray, 'apiVersion: pilot-plan/v1\nkind: Tasks\ntasks: []\n');
    client.open(stray);
    const none = await client.request<NewProgressResult>(NEW_PROGRESS_REQUEST, { uri: uriOf(stray) });
    assert.ok('error' in none && /不属于任何方案/.test(none.error), JSON.stringify(none));
  });
});
