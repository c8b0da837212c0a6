/**
 * Protocol tests of the pilot lists in the language server: completing `pilot.name` fills the
 * pilot block through the item's additionalTextEdits, and the `pilot-list` diagnostic's quick
 * fix sets the list's batch.
 */
import * as assert from 'node:assert/strict';
import type { CodeAction, CompletionItem, CompletionList, Diagnostic, TextEdit } from 'vscode-languageserver-protocol';
import { LspClient, applyEdits, applyWorkspaceEdit, uriOf } from './client';
import { cleanGuangzhou, type Plan } from './fixtures';

describe('lsp: the pilot lists', function () {
  this.timeout(60000);
  let client: LspClient;
  let p: Plan;
  const rel = 'plan.pilot.yaml';
  const block = '  name: 广州市\n  nameEn: Guangzhou\n  type: city\n  province: 广东省\n  batch: 1                    # 2023年12月第一批国家碳达峰试点\n';
  before(async () => {
    p = cleanGuangzhou();
    client = await LspClient.start({ folder: p.dir });
  });
  after(async () => {
    await client.stop();
  });

  it('completing 广 in pilot.name offers 广州市 (city · Guangdong · batch 1); choosing it fills type, province and batch', async () => {
    const original = p.read(rel);
    assert.ok(original.includes(block));
    const typed = original.replace(block, '  name: 广\n  nameEn: Guangzhou\n');
    const file = p.path(rel);
    client.open(file, typed);
    const before = typed.slice(0, typed.indexOf('  name: 广') + '  name: 广'.length);
    const position = { line: before.split('\n').length - 1, character: before.length - (before.lastIndexOf('\n') + 1) };
    const list = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri: uriOf(file) }, position });
    const item = list.items.find((i: CompletionItem) => i.label === '广州市')!;
    assert.ok(item, list.items.map((i) => i.label).join(', '));
    assert.equal(item.detail, 'city · Guangdong · batch 1');
    assert.ok(item.filterText!.includes('广州市') && item.filterText!.includes('Guangzhou'));
    assert.ok(item.additionalTextEdits?.length, 'the item fills the rest of the block');
    const main = item.textEdit as TextEdit;
    const out = applyEdits(typed, [main, ...item.additionalTextEdits!]);
    assert.equal(out, original.replace(block, '  name: 广州市\n  type: city\n  province: 广东省\n  batch: 1\n  nameEn: Guangzhou\n'));
    // The completed plan has no pilot-list finding.
    client.change(file, out);
    const diags = await client.diagnosticsFor(file, (d) => !d.some((x) => x.code === 'pilot-list'));
    assert.ok(!diags.some((x) => x.code === 'pilot-list'));
  });

  it('a listed pilot in the wrong batch: an info diagnostic on the batch, whose quick fix sets the list\'s', async () => {
    const file = p.path(rel);
    const wrong = p.read(rel).replace('  batch: 1 ', '  batch: 2 ');
    if (client.isOpen(file)) client.change(file, wrong);
    else client.open(file, wrong);
    const diags = await client.diagnosticsFor(file, (d) => d.some((x) => x.code === 'pilot-list'));
    const d = diags.find((x) => x.code === 'pilot-list')! as Diagnostic;
    assert.equal(d.severity, 3);
    assert.match(d.message, /not in batch 2: set `batch: 1`/);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: uriOf(file) }, range: d.range, context: { diagnostics: [d] } });
    const fix = actions.find((a) => a.title === 'Change to 1')!;
    assert.ok(fix, actions.map((a) => a.title).join(' | '));
    assert.equal(fix.isPreferred, true);
    const out = applyWorkspaceEdit(fix.edit!, () => client.text(file));
    assert.equal(out.get(file), wrong.replace('  batch: 2 ', '  batch: 1 '));
    client.change(file, out.get(file)!);
    await client.diagnosticsFor(file, (x) => !x.some((y) => y.code === 'pilot-list'));
  });
});
