/** Where a path sits, in the words findings use (plan/entry-at.ts): shared by the schema and placeholder rules. */
import * as assert from 'node:assert/strict';
import { entryAt, fieldBelowEntry } from '../../server/src/engine/plan/entry-at';

describe('entry-at: the entry and the field a path names', () => {
  const root = { tasks: [{ id: 'T-1', lead: 'x' }, { title: 'no id' }, 'not an entry'], pilot: { name: '广州市' }, notes: [1] };

  it('the entity-list entry a path is at or below, with its ID when it has one', () => {
    assert.deepEqual(entryAt(root, ['tasks', 0, 'lead']), { kind: 'task', list: 'tasks', index: 0, id: 'T-1' });
    assert.deepEqual(entryAt(root, ['tasks', 1]), { kind: 'task', list: 'tasks', index: 1, id: undefined });
    assert.deepEqual(entryAt(root, ['tasks', 2, 'x']), { kind: 'task', list: 'tasks', index: 2, id: undefined }, 'an item that is no mapping is still an entry of its list');
    assert.deepEqual(entryAt(root, ['risks', 4]), { kind: 'risk', list: 'risks', index: 4, id: undefined }, 'past the end: the place is still named');
    assert.equal(entryAt(root, ['pilot', 'name']), undefined);
    assert.equal(entryAt(root, ['notes', 0]), undefined, 'a list that holds no entities');
    assert.equal(entryAt(root, ['tasks']), undefined);
    assert.deepEqual(entryAt('text', ['tasks', 0]), { kind: 'task', list: 'tasks', index: 0, id: undefined }, 'data that is no mapping: the place, no ID');
  });

  it('the field below the entry, or the whole path outside entity lists', () => {
    assert.equal(fieldBelowEntry(['indicators', 3, 'targets', 1, 'value']), 'targets[1].value');
    assert.equal(fieldBelowEntry(['tasks', 0, 'lead']), 'lead');
    assert.equal(fieldBelowEntry(['pilot', 'name']), 'pilot.name');
    assert.equal(fieldBelowEntry(['targetYears', 1]), 'targetYears[1]');
    assert.equal(fieldBelowEntry(['tasks', 0]), '', 'the entry itself has no field');
  });
});
