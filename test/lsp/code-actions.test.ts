/**
 * Protocol tests of the quick fixes: each one requested for a published
 * diagnostic, applied to the texts, compared whole, and checked again.
 */
import * as assert from 'node:assert/strict';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { LspClient, applyWorkspaceEdit, uriOf } from './client';
import { brokenGuangzhou, cliCheck, type Plan } from './fixtures';

describe('lsp: quick fixes', function () {
  this.timeout(60000);
  let client: LspClient;
  let p: Plan;
  before(async () => {
    p = brokenGuangzhou();
    client = await LspClient.start({ folder: p.dir });
  });
  after(async () => {
    await client.stop();
  });

  async function open(rel: string): Promise<Diagnostic[]> {
    const path = p.path(rel);
    if (!client.isOpen(path)) client.open(path);
    return client.diagnosticsFor(path, (d) => d.length > 0);
  }

  async function actionsFor(rel: string, d: Diagnostic): Promise<CodeAction[]> {
    return client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: uriOf(p.path(rel)) }, range: d.range, context: { diagnostics: [d] } });
  }

  /** Applies an action's edit to the current texts (open documents or disk); returns the new texts by relative path. */
  function apply(action: CodeAction): Map<string, string> {
    const out = applyWorkspaceEdit(action.edit!, (path) => (client.isOpen(path) ? client.text(path) : require('node:fs').readFileSync(path, 'utf8')));
    return new Map([...out].map(([path, text]) => [path.slice(p.dir.length + 1), text]));
  }

  /** Writes the new texts: to the editor for open files, to disk for closed ones (as an editor saving them would). */
  function commit(texts: Map<string, string>): void {
    for (const [rel, text] of texts) {
      if (client.isOpen(p.path(rel))) client.change(p.path(rel), text);
      else {
        p.write(rel, text);
        client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(p.path(rel)), type: 2 }] });
      }
    }
  }

  it('"did you mean": replaces the misspelt reference', async () => {
    const rel = 'tasks/energy.pilot.yaml';
    const d = (await open(rel)).find((x) => x.code === 'unresolved-reference' && x.message.includes('IND-NONFOSIL-SHARE'))!;
    const actions = await actionsFor(rel, d);
    const fix = actions.find((a) => a.title === 'Change to `IND-NONFOSSIL-SHARE`')!;
    assert.ok(fix, actions.map((a) => a.title).join(' | '));
    assert.equal(fix.isPreferred, true);
    const out = apply(fix);
    assert.deepEqual([...out.keys()], [rel]);
    assert.equal(out.get(rel), client.text(p.path(rel)).replace('indicators: [IND-NONFOSIL-SHARE]', 'indicators: [IND-NONFOSSIL-SHARE]'));
    commit(out);
    await client.diagnosticsFor(p.path(rel), (x) => !x.some((y) => y.message.includes('IND-NONFOSIL-SHARE')));
  });

  it('"did you mean": replaces a misspelt enum value', async () => {
    const rel = 'projects.pilot.yaml';
    const d = (await open(rel)).find((x) => x.code === 'schema' && x.message.includes('under-constructon'))!;
    const fix = (await actionsFor(rel, d)).find((a) => a.title === 'Change to `under-construction`')!;
    const out = apply(fix);
    assert.equal(out.get(rel), client.text(p.path(rel)).replace('status: under-constructon', 'status: under-construction'));
  });

  it('creates a missing task in the plan\'s Tasks file, as a stub at the end of its list', async () => {
    const rel = 'plan.pilot.yaml';
    const d = (await open(rel)).find((x) => x.code === 'unresolved-reference' && x.message.includes('T-GAS-PEAKING'))!;
    const actions = await actionsFor(rel, d);
    const fix = actions.find((a) => /^Create task `T-GAS-PEAKING` in tasks\//.test(a.title))!;
    assert.ok(fix, actions.map((a) => a.title).join(' | '));
    const out = apply(fix);
    const [target] = [...out.keys()];
    const before = client.isOpen(p.path(target)) ? client.text(p.path(target)) : p.read(target);
    // The stub goes right after the last line of the last entry of the list; nothing else changes.
    const lines = before.split('\n');
    let last = lines.length - 1;
    while (last > 0 && (lines[last].trim() === '' || lines[last].trimStart().startsWith('#'))) last--;
    const expected = [...lines.slice(0, last + 1), '  - id: T-GAS-PEAKING', '    title: TODO', '    area: other', '    lead: TODO', ...lines.slice(last + 1)].join('\n');
    assert.equal(out.get(target), expected);
    commit(out);
    await client.diagnosticsFor(p.path(rel), (x) => !x.some((y) => y.message.includes('T-GAS-PEAKING')));
    const cli = cliCheck(p.dir);
    assert.ok(!(cli.files.get(target) ?? []).some((f) => f.code === 'schema' || f.code === 'yaml-syntax'), 'the stub is valid');
  });

  it('creates a missing indicator in the Indicators file', async () => {
    const rel = 'tasks/industry-buildings.pilot.yaml';
    const text = p.read(rel).replace(/indicators: \[([A-Z-]+)/, 'indicators: [IND-NEW-METRIC, $1');
    client.open(p.path(rel), text);
    const d = (await client.diagnosticsFor(p.path(rel), (x) => x.some((y) => y.message.includes('IND-NEW-METRIC')))).find((y) => y.message.includes('IND-NEW-METRIC'))!;
    const fix = (await actionsFor(rel, d)).find((a) => a.title === 'Create indicator `IND-NEW-METRIC` in indicators.pilot.yaml')!;
    const out = apply(fix);
    const before = p.read('indicators.pilot.yaml');
    const after = out.get('indicators.pilot.yaml')!;
    assert.ok(after.startsWith(before.trimEnd()), 'only appended');
    assert.equal(
      after.slice(before.trimEnd().length),
      '\n  - id: IND-NEW-METRIC\n    name: TODO\n    type: level\n    unit: TODO\n    direction: increase\n    baseline: { year: 2020, value: 0 }\n    targets:\n      - { year: 2030, value: 0 }' + before.slice(before.trimEnd().length),
    );
    commit(out);
    await client.diagnosticsFor(p.path(rel), (x) => !x.some((y) => y.message.includes('IND-NEW-METRIC')));
    const cli = cliCheck(p.dir);
    assert.ok(!(cli.files.get('indicators.pilot.yaml') ?? []).some((f) => f.code === 'schema' || f.code === 'yaml-syntax'), 'the stub is valid');
  });

  it('adds missing required keys at the entry\'s indentation', async () => {
    const rel = 'tasks/transport-others.pilot.yaml';
    const d = (await open(rel)).find((x) => x.code === 'schema' && (x.data as { missingKeys?: string[] }).missingKeys)!;
    const fix = (await actionsFor(rel, d)).find((a) => a.title === 'Add the missing `lead`')!;
    const out = apply(fix);
    assert.equal(out.get(rel), client.text(p.path(rel)).replace('    partners: [南沙区人民政府, 广州港集团有限公司]\n    due: 2027\n', '    partners: [南沙区人民政府, 广州港集团有限公司]\n    due: 2027\n    lead: TODO\n'));
    commit(out);
    await client.diagnosticsFor(p.path(rel), (x) => !x.some((y) => y.code === 'schema'));
  });

  it('adds a missing key inside a flow mapping', async () => {
    const rel = 'projects.pilot.yaml';
    if (!client.isOpen(p.path(rel))) client.open(p.path(rel));
    const text = client.text(p.path(rel)).replace('investment: { value: 18.5, unit: 亿元 }', 'investment: { value: 18.5 }');
    client.change(p.path(rel), text);
    const d = (await client.diagnosticsFor(p.path(rel), (x) => x.some((y) => (y.data as { missingKeys?: string[] }).missingKeys?.includes('unit')))).find((y) => (y.data as { missingKeys?: string[] }).missingKeys)!;
    const fix = (await actionsFor(rel, d)).find((a) => a.title === 'Add the missing `unit`')!;
    assert.equal(apply(fix).get(rel), text.replace('investment: { value: 18.5 }', 'investment: { value: 18.5, unit: 亿元 }'));
  });

  it('silences a rule on a line with a comment above it, at its indentation', async () => {
    const rel = 'tasks/transport-others.pilot.yaml';
    const d = await client.diagnosticsFor(p.path(rel), (x) => x.some((y) => y.code === 'duplicate-id'));
    const dup = d.find((y) => y.code === 'duplicate-id')!;
    const fix = (await actionsFor(rel, dup)).find((a) => a.title === 'Disable duplicate-id for this line')!;
    const text = client.text(p.path(rel));
    const out = apply(fix);
    const lines = text.split('\n');
    lines.splice(dup.range.start.line, 0, '  # pilot-plan-disable-next-line duplicate-id');
    assert.equal(out.get(rel), lines.join('\n'));
    commit(out);
    await client.diagnosticsFor(p.path(rel), (x) => !x.some((y) => y.code === 'duplicate-id'));
  });
});
