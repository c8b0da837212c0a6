/**
 * Protocol tests of a Progress file's references (docs/format.md#kind-progress):
 * each entry's `id` refers to an entry of the plan; go to definition, find
 * references and rename treat it as a reference, and an ID the plan does not
 * define is reported on it.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import type { CompletionItem, CompletionList, Hover, Location, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { LspClient, applyWorkspaceEdit, find, tempDir, uriOf } from './client';
import { repoRoot } from '../util/plan';

describe('lsp: a Progress file\'s ids are references', function () {
  this.timeout(60000);
  let client: LspClient;
  let dir: string;
  const planFile = () => nodePath.join(dir, 'plan.pilot.yaml');
  const progress = () => nodePath.join(dir, 'progress-2026.pilot.yaml');
  const read = (p: string) => (client.isOpen(p) ? client.text(p) : fs.readFileSync(p, 'utf8'));
  const where = (l: Location) => `${nodePath.basename(decodeURIComponent(new URL(l.uri).pathname))}:${l.range.start.line + 1}:${l.range.start.character + 1}-${l.range.end.character + 1}`;

  before(async () => {
    dir = tempDir('pilot-lsp-progress-');
    fs.cpSync(nodePath.join(repoRoot(), 'examples', 'broken', 'task-status-timing'), dir, { recursive: true });
    client = await LspClient.start({ folder: dir });
    client.open(progress());
    await client.diagnosticsFor(progress());
  });
  after(async () => {
    await client.stop();
  });

  it('goes from a progress entry\'s id to the definition in the Plan file', async () => {
    for (const [needle, defined] of [
      ['id: T-TEA', 'id: T-TEA'],
      ['id: M-ACCOUNTING', 'id: M-ACCOUNTING'],
      ['id: A-GREEN-TRAVEL', 'id: A-GREEN-TRAVEL'],
    ]) {
      const d = await client.request<Location[]>('textDocument/definition', { textDocument: { uri: uriOf(progress()) }, position: find(client.text(progress()), needle, 5) });
      const at = find(fs.readFileSync(planFile(), 'utf8'), defined);
      assert.deepEqual(
        d.map(where),
        [`plan.pilot.yaml:${at.line + 1}:${at.character + 5}-${at.character + 5 + needle.length - 4}`],
        needle,
      );
    }
  });

  it('hovers on a progress entry\'s id with what it references', async () => {
    const h = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: uriOf(progress()) }, position: find(client.text(progress()), 'id: T-TEA', 6) });
    assert.match((h!.contents as { value: string }).value, /推进茶园生态化改造/);
  });

  it('finds the progress entry among the references of a task, from the definition and from the entry', async () => {
    const fromDef = await client.request<Location[]>('textDocument/references', {
      textDocument: { uri: uriOf(planFile()) },
      position: find(fs.readFileSync(planFile(), 'utf8'), 'id: T-TEA', 5),
      context: { includeDeclaration: false },
    });
    const entry = find(client.text(progress()), 'id: T-TEA', 4);
    assert.deepEqual(fromDef.map(where), [`progress-2026.pilot.yaml:${entry.line + 1}:${entry.character + 1}-${entry.character + 1 + 'T-TEA'.length}`]);
    const fromEntry = await client.request<Location[]>('textDocument/references', {
      textDocument: { uri: uriOf(progress()) },
      position: find(client.text(progress()), 'id: T-TEA', 5),
      context: { includeDeclaration: true },
    });
    assert.deepEqual(fromEntry.map(where).sort(), [...fromDef.map(where), `plan.pilot.yaml:${find(fs.readFileSync(planFile(), 'utf8'), 'id: T-TEA').line + 1}:9-14`].sort());
  });

  it('renames from a progress entry: the definition and every reference, the progress entry included', async () => {
    const pos = find(client.text(progress()), 'id: T-TEA', 6);
    const prep = await client.request<{ placeholder: string }>('textDocument/prepareRename', { textDocument: { uri: uriOf(progress()) }, position: pos });
    assert.equal(prep.placeholder, 'T-TEA');
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri: uriOf(progress()) }, position: pos, newName: 'T-TEA-GARDEN' });
    const after = applyWorkspaceEdit(edit, read);
    assert.deepEqual(Object.keys(edit.changes!).map((u) => nodePath.basename(new URL(u).pathname)).sort(), ['plan.pilot.yaml', 'progress-2026.pilot.yaml']);
    assert.equal(after.get(progress()), read(progress()).replace('id: T-TEA\n', 'id: T-TEA-GARDEN\n'));
    assert.equal(after.get(planFile()), read(planFile()).replace('id: T-TEA\n', 'id: T-TEA-GARDEN\n'));
  });

  it('renames from the definition: the progress entries follow (flow entries too)', async () => {
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', {
      textDocument: { uri: uriOf(planFile()) },
      position: find(fs.readFileSync(planFile(), 'utf8'), 'id: M-ACCOUNTING', 6),
      newName: 'M-CARBON-ACCOUNTING',
    });
    const after = applyWorkspaceEdit(edit, read);
    assert.equal(after.get(progress()), read(progress()).replace('{ id: M-ACCOUNTING,', '{ id: M-CARBON-ACCOUNTING,'));
  });

  /** Completion in a new Progress file of the plan whose text is `withCursor` (`|` the cursor). */
  async function complete(withCursor: string): Promise<CompletionItem[]> {
    const file = nodePath.join(dir, 'progress-2027.pilot.yaml');
    const offset = withCursor.indexOf('|');
    const t = withCursor.slice(0, offset) + withCursor.slice(offset + 1);
    if (client.isOpen(file)) client.change(file, t);
    else client.open(file, t);
    const before = t.slice(0, offset);
    const position = { line: before.split('\n').length - 1, character: offset - (before.lastIndexOf('\n') + 1) };
    return (await client.request<CompletionList>('textDocument/completion', { textDocument: { uri: uriOf(file) }, position })).items;
  }
  const head = 'apiVersion: pilot-plan/v1\nkind: Progress\nyear: 2027\n';

  it('completes an entry\'s id with the IDs of the list\'s kind not reported on yet', async () => {
    const tasks = await complete(`${head}tasks:\n  - { id: T-FOREST, status: done }\n  - id: |\n`);
    assert.deepEqual(tasks.map((i) => i.label).sort(), ['T-TEA', 'T-VILLAGE', 'T-WETLAND']);
    const mechanisms = await complete(`${head}mechanisms:\n  - id: |\n`);
    assert.deepEqual(mechanisms.map((i) => i.label), ['M-ACCOUNTING']);
    const indicators = await complete(`${head}indicators:\n  - id: |\n`);
    assert.deepEqual(indicators.map((i) => i.label), ['IND-FOREST']);
  });

  it('offers a new progress entry: an ID of the plan, never a new one, and its status', async () => {
    const items = await complete(`${head}tasks:\n  - { id: T-FOREST, status: done }\n  - |\n`);
    const entry = items.find((i) => i.label === 'Task progress · 任务进展');
    assert.ok(entry, items.map((i) => i.label).join(', '));
    const newText = (entry.textEdit as { newText: string }).newText;
    assert.match(newText, /^id: \$\{1:T-TEA\}\n {4}status: \$\{2\|not-started,on-track,delayed,done,cancelled\|\}\$0$/);
    const value = (await complete(`${head}indicators:\n  - |\n`)).find((i) => i.label === 'Indicator value · 指标实际值');
    assert.match((value!.textEdit as { newText: string }).newText, /^id: \$\{1:IND-FOREST\}\n {4}value: \$\{2:0\}\$0$/);
  });

  it('reports an id the plan does not define, or of another kind, on the id', async () => {
    const text = client.text(progress());
    client.change(progress(), text.replace('  - { id: T-VILLAGE, status: done }', '  - { id: T-VILAGE, status: done }').replace('{ id: A-GREEN-TRAVEL,', '{ id: T-FOREST,'));
    const diags = await client.diagnosticsFor(progress(), (d) => d.some((x) => x.code === 'unresolved-reference'));
    const t = client.text(progress());
    const at = (needle: string) => find(t, needle, needle.indexOf('T-')).line;
    assert.deepEqual(
      diags.filter((d) => d.code === 'unresolved-reference' || d.code === 'reference-kind').map((d) => `${d.code}@${d.range.start.line}`).sort(),
      [`reference-kind@${at('{ id: T-FOREST,')}`, `unresolved-reference@${at('{ id: T-VILAGE,')}`].sort(),
    );
    assert.match(diags.find((d) => d.code === 'unresolved-reference')!.message, /`T-VILAGE` is not defined in this plan; `id` expects the ID of a task\. Did you mean `T-VILLAGE`\?/);
    client.change(progress(), text);
  });
});
