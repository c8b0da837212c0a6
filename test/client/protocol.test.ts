import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readCheckWorkspaceResult, readSnippetEdits } from '../../client/src/protocol';
import { repoRoot } from '../util/plan';

describe('client: the answer to pilotPlan/checkWorkspace', () => {
  it('keeps the counts, the files not checked and the notes the server sends', () => {
    const note = 'Not checked: 33 pilot plan files of the workspace.';
    assert.deepEqual(readCheckWorkspaceResult({ plans: 2, files: 22, errors: 1, warnings: 22, infos: 0, elapsedMs: 12.7, notChecked: { files: 33, limit: 20 }, notes: [note] }), {
      plans: 2,
      files: 22,
      errors: 1,
      warnings: 22,
      infos: 0,
      elapsedMs: 12,
      notChecked: { files: 33, limit: 20 },
      notes: [note],
    });
  });

  it('reads a strange answer leniently: no counts, notes that are no text, a note too long for a message box', () => {
    assert.deepEqual(readCheckWorkspaceResult(null), { plans: 0, files: 0, errors: 0, warnings: 0, infos: 0, elapsedMs: 0 });
    const r = readCheckWorkspaceResult({ plans: -1, files: 'x', notChecked: { files: 0, limit: 5 }, notes: [42, '', null, 'x'.repeat(5000)] });
    assert.equal(r.plans, 0);
    assert.equal(r.notChecked, undefined);
    assert.equal(r.notes?.length, 1);
    assert.equal(r.notes![0].length, 1001);
    assert.equal(readCheckWorkspaceResult({ notes: 'not a list' }).notes, undefined);
  });
});

describe('client: the snippet forms of a quick fix', () => {
  const range = { start: { line: 3, character: 10 }, end: { line: 3, character: 10 } };
  it('reads the snippet edits the server sends in a code action\'s data', () => {
    const data = { snippetEdits: [{ uri: 'file:///p/plan.pilot.yaml', range, snippet: '\n    lead: ${1:待补充}' }] };
    assert.deepEqual(readSnippetEdits(data), data.snippetEdits);
  });
  it('takes all or none: anything malformed leaves the plain edit', () => {
    for (const data of [undefined, null, 'x', {}, { snippetEdits: [] }, { snippetEdits: 'x' }, { snippetEdits: [{ uri: 'file:///a', range, snippet: 1 }] }, { snippetEdits: [{ uri: 'file:///a', range: { start: range.start }, snippet: 's' }] }, { snippetEdits: [{ uri: 'file:///a', range: { start: { line: -1, character: 0 }, end: range.end }, snippet: 's' }] }, { snippetEdits: [{ uri: 'file:///a', range, snippet: 's' }, null] }]) {
      assert.equal(readSnippetEdits(data), undefined, JSON.stringify(data));
    }
  });
  it('the language client asks for them and applies them as snippet edits', () => {
    const src = fs.readFileSync(path.join(repoRoot(), 'client/src/language-client.ts'), 'utf8');
    assert.match(fs.readFileSync(path.join(repoRoot(), 'client/src/client-options.ts'), 'utf8'), /snippetEdits: true/);
    assert.match(src, /provideCodeActions: async \(document, range, context, token, next\) =>/);
    assert.match(src, /vscode\.SnippetTextEdit\.replace\(c\.asRange\(e\.range\), new vscode\.SnippetString\(e\.snippet\)\)/);
  });
});
