/**
 * An editor can send a new version of a document whose text did not change.
 * The workspace then keeps the file's model: the same parse, the same model,
 * so file rules (cached by model) and plan rules (which compare models) do
 * nothing again. Before, such a version screened and segmented the whole text
 * as if it were new: ~10 ms at 100k lines.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Workspace } from '../../server/src/engine/plan/workspace';
import { MemoryFileHost } from '../../server/src/engine/plan/memory-host';
import { parseText } from '../../server/src/engine/parse/load';
import { repoRoot } from '../util/plan';

const example = path.join(repoRoot(), 'examples', 'guangzhou', 'projects.pilot.yaml');
const text = fs.readFileSync(example, 'utf8');
const edited = text.replace(/name: ([^\n]+)/, 'name: $1（调整）');
const file = '/mem/plan/projects.pilot.yaml';

describe('a new version of the same text', () => {
  it('is the same parse, and a changed text is a new one', () => {
    const first = parseText(file, text);
    assert.equal(parseText(file, text, first), first);
    const next = parseText(file, edited, first);
    assert.notEqual(next, first);
    assert.equal(next.text, edited);
    // A parse made by an edit (segmented, not read whole) is kept the same way.
    assert.equal(parseText(file, edited, next), next);
  });

  it('keeps the workspace model; a changed text gets a new model', () => {
    const host = new MemoryFileHost({ [file]: text });
    const ws = new Workspace(host);
    const m1 = ws.load(file)!;
    host.set(file, text); // a new stamp, the same text
    assert.equal(ws.load(file), m1);
    host.set(file, edited);
    const m2 = ws.load(file)!;
    assert.notEqual(m2, m1);
    assert.equal(m2.parsed.text, edited);
    host.set(file, edited);
    assert.equal(ws.load(file), m2);
    host.set(file, text); // back to the first text: parsed again, the same data
    const m3 = ws.load(file)!;
    assert.notEqual(m3, m2);
    assert.deepEqual(m3.parsed.data, m1.parsed.data);
  });
});
