import * as assert from 'node:assert/strict';
import { readCheckWorkspaceResult } from '../../client/src/protocol';

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
