import * as assert from 'node:assert/strict';
import { parse } from 'yaml';
import * as vscode from 'vscode';
import { EXTENSION_ID, exists, hoverText, lineOf, open, posOf, readText, remove, sameUri, waitFor, writeText, wsUri } from './util';

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
`;

/** Progress files in a real VS Code: the hover and lens from a Progress fixture, and New Progress File. */
describe('progress files', () => {
  // A plan of its own (a copy of the Guangzhou example), so that the other suites' plans stay as they are.
  const dir = (...parts: string[]) => wsUri('progress-e2e', ...parts);

  before(async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
    await vscode.workspace.fs.copy(wsUri('guangzhou'), dir(), { overwrite: true });
    await writeText(dir('progress-2024.pilot.yaml'), PROGRESS_2024);
  });
  after(async () => {
    await remove(dir());
  });

  it('hovering an indicator shows the actual value a Progress file reports', async () => {
    const doc = await open(dir('indicators.pilot.yaml'), true);
    const pos = posOf(doc, lineOf(doc.getText(), /^ {2}- id: IND-NONFOSSIL-SHARE/), 'IND-NONFOSSIL-SHARE', 4);
    const text = await waitFor('a hover with the actual value of 2024', async () => {
      const hs = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, pos);
      const t = hoverText(hs ?? []);
      return /\| 2024 \|\s*\| 29\.1% \| 测试数据 \|/.test(t) ? t : undefined;
    });
    assert.match(text, /\| 2020 \| (baseline|基准) 26\.5% \|/);
  });

  it('a task shows its latest status in a code lens', async () => {
    const doc = await open(dir('tasks', 'energy.pilot.yaml'));
    const titles = await waitFor('the status lens of T-ENERGY-GRID', async () => {
      const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri, 100);
      const t = (lenses ?? []).map((l) => l.command?.title ?? '');
      return t.some((x) => /^2024(: on track| 年：按计划推进)$/.test(x)) ? t : undefined;
    });
    assert.ok(titles.length > 0);
  });

  it('New Progress File writes next year\'s file for the plan and never overwrites one', async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('pilotPlan.newProgress'), 'command pilotPlan.newProgress is not registered');
    const target = dir('progress-2025.pilot.yaml');
    const source = dir('tasks', 'energy.pilot.yaml');
    const result = await vscode.commands.executeCommand<{ uri: vscode.Uri; year: number } | undefined>('pilotPlan.newProgress', { uri: source, target, open: false });
    assert.equal(result?.year, 2025, 'the year after the latest Progress file');
    assert.ok(result && sameUri(result.uri, target), `written to ${result?.uri.toString()}`);
    const text = await readText(target);
    const data = parse(text);
    assert.equal(data.kind, 'Progress');
    assert.equal(data.year, 2025);
    const indicators = (parse(await readText(dir('indicators.pilot.yaml'))).indicators as { id: string }[]).map((i) => i.id);
    assert.deepEqual((data.indicators as { id: string; value: unknown }[]).map((i) => i.id).sort(), [...indicators].sort());
    assert.ok((data.indicators as { value: unknown }[]).every((i) => i.value === '待补充'), 'values are left to fill in');
    assert.ok((data.tasks as { id: string }[]).some((t) => t.id === 'T-ENERGY-GRID'));
    // Run again: the file exists, and stays as it is.
    await writeText(target, text + '# filled in by hand\n');
    const again = await vscode.commands.executeCommand('pilotPlan.newProgress', { uri: source, target, open: false });
    assert.equal(again, undefined);
    assert.ok(await exists(target));
    assert.match(await readText(target), /# filled in by hand\n$/);
  });
});
