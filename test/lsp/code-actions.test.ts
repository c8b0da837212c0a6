/**
 * Protocol tests of the quick fixes: each one requested for a published
 * diagnostic, applied to the texts, compared whole, and checked again.
 */
import * as assert from 'node:assert/strict';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { LspClient, applyWorkspaceEdit, uriOf } from './client';
import { brokenGuangzhou, cliCheck, type Plan } from './fixtures';
import { SERVER_SHOW_REFERENCES_COMMAND } from '../../server/src/lsp/protocol';

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
    // What only the planners know is 待补充, which the placeholder rule reports until it is replaced.
    const expected = [...lines.slice(0, last + 1), '  - id: T-GAS-PEAKING', '    title: 待补充', '    area: 待补充', '    lead: 待补充', ...lines.slice(last + 1)].join('\n');
    assert.equal(out.get(target), expected);
    commit(out);
    await client.diagnosticsFor(p.path(rel), (x) => !x.some((y) => y.message.includes('T-GAS-PEAKING')));
    const cli = cliCheck(p.dir);
    assert.ok(!(cli.files.get(target) ?? []).some((f) => f.code === 'schema' || f.code === 'yaml-syntax'), 'the stub is valid');
    // Its three placeholders are reported, and nothing else in it.
    await client.diagnosticsFor(p.path(target), (x) => x.filter((y) => y.code === 'placeholder' && y.message.includes('T-GAS-PEAKING')).length === 3 && !x.some((y) => y.code === 'schema'));
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
      '\n  - id: IND-NEW-METRIC\n    name: 待补充\n    type: 待补充\n    unit: 待补充\n    direction: 待补充\n    targets:\n      - { year: 待补充, value: 待补充 }' + before.slice(before.trimEnd().length),
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
    assert.equal(out.get(rel), client.text(p.path(rel)).replace('    partners: [南沙区人民政府, 广州港集团有限公司]\n    due: 2027\n', '    partners: [南沙区人民政府, 广州港集团有限公司]\n    due: 2027\n    lead: 待补充\n'));
    // A client that did not ask for snippet edits gets the plain edit only.
    assert.equal(fix.data, undefined);
    commit(out);
    const after = await client.diagnosticsFor(p.path(rel), (x) => !x.some((y) => y.code === 'schema'));
    assert.ok(after.some((y) => y.code === 'placeholder' && y.message.includes('`lead` is still a placeholder')), 'the placeholder written is reported');
  });

  it('adds a missing key inside a flow mapping', async () => {
    const rel = 'projects.pilot.yaml';
    if (!client.isOpen(p.path(rel))) client.open(p.path(rel));
    const text = client.text(p.path(rel)).replace('investment: { value: 18.5, unit: 亿元 }', 'investment: { value: 18.5 }');
    client.change(p.path(rel), text);
    const d = (await client.diagnosticsFor(p.path(rel), (x) => x.some((y) => (y.data as { missingKeys?: string[] }).missingKeys?.includes('unit')))).find((y) => (y.data as { missingKeys?: string[] }).missingKeys)!;
    const fix = (await actionsFor(rel, d)).find((a) => a.title === 'Add the missing `unit`')!;
    assert.equal(apply(fix).get(rel), text.replace('investment: { value: 18.5 }', 'investment: { value: 18.5, unit: 待补充 }'));
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

/**
 * What VS Code's client asks for (snippet forms of the edits, file renames, window/showDocument),
 * and the quick fixes that use them: a missing key as a snippet with tab stops, the target-direction
 * fixes (set the target, flip the direction, go to it), moving a second Plan file away.
 */
describe('lsp: quick fixes for a client that takes snippets, renames and showDocument', function () {
  this.timeout(60000);
  let client: LspClient;
  let p: Plan;
  const capabilities = {
    workspace: { workspaceEdit: { documentChanges: true, resourceOperations: ['create', 'rename', 'delete'] } },
    window: { showDocument: { support: true } },
  };
  before(async () => {
    p = brokenGuangzhou();
    p.write('superseded.pilot.yaml', 'apiVersion: pilot-plan/v1\nkind: Plan\nid: GZ-OLD\npilot:\n  name: 广州市\n  type: city\n  province: 广东省\nbaseYear: 2020\ntargetYears: [2025, 2030]\n');
    client = await LspClient.start({ folder: p.dir, capabilities, initializationOptions: { snippetEdits: true } });
  });
  after(async () => {
    await client.stop();
  });

  async function actionsFor(rel: string, d: Diagnostic): Promise<CodeAction[]> {
    return client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: uriOf(p.path(rel)) }, range: d.range, context: { diagnostics: [d] } });
  }

  function apply(rel: string, action: CodeAction): string {
    return applyWorkspaceEdit(action.edit!, () => client.text(p.path(rel))).get(p.path(rel))!;
  }

  it('a missing key: the plain edit writes 待补充, its snippet form a tab stop (a choice for an enum) at the same range', async () => {
    const rel = 'tasks/transport-others.pilot.yaml';
    client.open(p.path(rel));
    const d = (await client.diagnosticsFor(p.path(rel), (x) => x.some((y) => y.code === 'schema'))).find((y) => (y.data as { missingKeys?: string[] }).missingKeys)!;
    const fix = (await actionsFor(rel, d)).find((a) => a.title === 'Add the missing `lead`')!;
    const [plain] = fix.edit!.changes![uriOf(p.path(rel))];
    assert.equal(plain.newText, '\n    lead: 待补充');
    assert.deepEqual(fix.data, { snippetEdits: [{ uri: uriOf(p.path(rel)), range: plain.range, snippet: '\n    lead: ${1:待补充}' }] });

    // An enum: a choice of its values in the snippet, 待补充 plainly, which the placeholder rule reports with the values.
    const text = client.text(p.path(rel)).replace(/(  - id: T-TRANSPORT-PORT\n(?:    .*\n)*?)    area: transport\n/, '$1');
    client.change(p.path(rel), text);
    const d2 = (await client.diagnosticsFor(p.path(rel), (x) => x.some((y) => (y.data as { missingKeys?: string[] }).missingKeys?.includes('area')))).find((y) =>
      (y.data as { missingKeys?: string[] }).missingKeys?.includes('area'),
    )!;
    const fix2 = (await actionsFor(rel, d2)).find((a) => a.title === 'Add the missing `area`, `lead`')!;
    assert.ok(fix2, 'one fix for both keys');
    const [edit2] = fix2.edit!.changes![uriOf(p.path(rel))];
    assert.equal(edit2.newText, '\n    area: 待补充\n    lead: 待补充');
    const snippet = (fix2.data as { snippetEdits: { snippet: string }[] }).snippetEdits[0].snippet;
    assert.match(snippet, /^\n {4}area: \$\{1\|energy-transition,energy-efficiency,.*,other\|\}\n {4}lead: \$\{2:待补充\}$/);
    client.change(p.path(rel), apply(rel, fix2));
    const after = await client.diagnosticsFor(p.path(rel), (x) => !x.some((y) => y.code === 'schema') && x.some((y) => y.code === 'placeholder'));
    const area = after.find((y) => y.code === 'placeholder' && y.message.includes('`area`'))!;
    assert.match(area.message, /Replace it with the task's area, one of `energy-transition`, .*(?: or `other`|…)\.$/);
    assert.equal(area.severity, 2, 'a warning');
  });

  it('target-direction: set the target to the baseline, flip the direction, go to it; silencing last', async () => {
    const rel = 'indicators.pilot.yaml';
    const original = p.read(rel);
    // 25% in 2025 is below the 2020 baseline 26.5% of an indicator that should increase.
    const text = original.replace('- { year: 2025, value: 32, comparator: ">=",', '- { year: 2025, value: 25, comparator: ">=",');
    assert.notEqual(text, original);
    client.open(p.path(rel), text);
    const d = (await client.diagnosticsFor(p.path(rel), (x) => x.some((y) => y.code === 'target-direction'))).find((y) => y.code === 'target-direction')!;
    const actions = await actionsFor(rel, d);
    assert.deepEqual(
      actions.map((a) => a.title),
      ['Set the 2025 target to 26.5% (the baseline)', 'Go to `direction` of `IND-NONFOSSIL-SHARE`', 'Disable target-direction for this line'],
    );
    // Set: the target becomes the baseline, the finding goes, no error comes.
    const set = apply(rel, actions[0]);
    assert.equal(set, text.replace('{ year: 2025, value: 25,', '{ year: 2025, value: 26.5,'));
    client.change(p.path(rel), set);
    const after = await client.diagnosticsFor(p.path(rel), (x) => !x.some((y) => y.code === 'target-direction'));
    assert.deepEqual(after.filter((y) => y.severity === 1), []);

    // Go to: the server's show command, which opens the indicator's `direction`.
    const go = actions[1];
    assert.equal(go.edit, undefined);
    assert.equal(go.command!.command, SERVER_SHOW_REFERENCES_COMMAND);
    const line = text.split('\n').findIndex((l, i, all) => l.includes('direction: increase') && all.slice(0, i).some((x) => x.includes('IND-NONFOSSIL-SHARE')));
    const shown = client.serverRequests.length;
    await client.request('workspace/executeCommand', { command: go.command!.command, arguments: go.command!.arguments });
    const req = client.serverRequests.slice(shown).find((r) => r.method === 'window/showDocument')!.params as { uri: string; selection: { start: { line: number; character: number } } };
    assert.equal(req.uri, uriOf(p.path(rel)));
    assert.deepEqual(req.selection.start, { line, character: 15 });

    // Flip: every target goes up from the baseline, so `decrease` is the slip.
    const flipped = set.replace(/(id: IND-NONFOSSIL-SHARE\n(?:    .*\n)*?    direction: )increase/, '$1decrease');
    client.change(p.path(rel), flipped);
    const d2 = (await client.diagnosticsFor(p.path(rel), (x) => x.some((y) => y.code === 'target-direction'))).find((y) => y.code === 'target-direction')!;
    const flip = (await actionsFor(rel, d2)).find((a) => a.title === 'Change `direction` of `IND-NONFOSSIL-SHARE` to `increase` (every target moves that way)')!;
    assert.ok(flip);
    assert.equal(apply(rel, flip), set);
  });

  it('duplicate-plan: the second Plan file moved into a folder of its own, for a client that renames files', async () => {
    const rel = 'superseded.pilot.yaml';
    client.open(p.path(rel));
    const d = (await client.diagnosticsFor(p.path(rel), (x) => x.some((y) => y.code === 'duplicate-plan'))).find((y) => y.code === 'duplicate-plan')!;
    const actions = await actionsFor(rel, d);
    const move = actions.find((a) => a.title === 'Move this file into a folder of its own, `superseded/` (a plan of its own)')!;
    assert.deepEqual(move.edit, { documentChanges: [{ kind: 'rename', oldUri: uriOf(p.path(rel)), newUri: uriOf(p.path('superseded/superseded.pilot.yaml')) }] });
    assert.equal(actions[actions.length - 1].title, 'Disable duplicate-plan for this line');
  });
});

describe('lsp: quick fixes for a client that renames no files', function () {
  this.timeout(60000);
  it('offers no move, only what it can apply', async () => {
    const p = brokenGuangzhou();
    p.write('superseded.pilot.yaml', 'apiVersion: pilot-plan/v1\nkind: Plan\nid: GZ-OLD\npilot:\n  name: 广州市\n  type: city\n  province: 广东省\nbaseYear: 2020\ntargetYears: [2025, 2030]\n');
    const client = await LspClient.start({ folder: p.dir });
    try {
      client.open(p.path('superseded.pilot.yaml'));
      const d = (await client.diagnosticsFor(p.path('superseded.pilot.yaml'), (x) => x.some((y) => y.code === 'duplicate-plan'))).find((y) => y.code === 'duplicate-plan')!;
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: uriOf(p.path('superseded.pilot.yaml')) }, range: d.range, context: { diagnostics: [d] } });
      assert.deepEqual(actions.map((a) => a.title), ['Disable duplicate-plan for this line']);
    } finally {
      await client.stop();
    }
  });
});
