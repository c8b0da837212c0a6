/**
 * The cursor context that completion reads from incomplete YAML: the path,
 * the position kind and the word being typed, from indentation and `- `
 * markers alone (no parse needed).
 */
import * as assert from 'node:assert/strict';
import { cursorContext } from '../../server/src/engine/editor/cursor';

function at(src: string) {
  const offset = src.indexOf('|');
  const text = src.slice(0, offset) + src.slice(offset + 1);
  const c = cursorContext(text, offset);
  return { ...c, replaced: text.slice(c.replace.start, c.replace.end) };
}

describe('editor: cursor context', () => {
  const cases: [string, string, { position?: string; path: (string | number)[]; partial?: string; siblings?: string[]; newItem?: boolean; replaced?: string }][] = [
    ['a key being typed in a task', 'kind: Tasks\ntasks:\n  - id: T-1\n    title: x\n    ar|', { position: 'key', path: ['tasks', 0], partial: 'ar', siblings: ['title', 'id'] }],
    ['an empty value', 'kind: Tasks\ntasks:\n  - id: T-1\n  - id: T-2\n    area: |', { position: 'value', path: ['tasks', 1, 'area'], partial: '' }],
    ['a value being typed, replaced to its end', 'tasks:\n  - area: ene|rgy # c', { position: 'value', path: ['tasks', 0, 'area'], partial: 'ene', replaced: 'energy' }],
    ['a new list item', 'tasks:\n  - id: T-1\n    title: x\n  - |', { position: 'key', path: ['tasks', 1], newItem: true }],
    ['a flow sequence being typed', 'tasks:\n  - id: T-1\n    indicators: [IND-A, IND-|]', { position: 'item', path: ['tasks', 0, 'indicators'], partial: 'IND-', replaced: 'IND-' }],
    ['an unclosed flow sequence', 'tasks:\n  - id: T-1\n    indicators: [IND-|\n', { position: 'item', path: ['tasks', 0, 'indicators'], partial: 'IND-' }],
    ['a value in a flow mapping in a list', 'indicators:\n  - id: I\n    targets:\n      - { year: 2025 }\n      - { year: 2030, comparator: |', { position: 'value', path: ['indicators', 0, 'targets', 1, 'comparator'] }],
    ['a key in a flow mapping', 'projects:\n  - id: P\n    investment: { value: 1, u|', { position: 'key', path: ['projects', 0, 'investment'], partial: 'u', siblings: ['value'] }],
    ['a block sequence of references', 'tasks:\n  - id: T-1\n    dependsOn:\n      - T-A\n      - |', { position: 'key', path: ['tasks', 0, 'dependsOn', 1], newItem: true }],
    ['the column of a list\'s items', 'tasks:\n  - id: T-1\n    title: x\n  |', { position: 'key', path: ['tasks'] }],
    ['after a block scalar that looks like keys', 'positioning: >-\n  abc: def\n  more\npeak:\n  |', { position: 'key', path: ['peak'] }],
    ['a sequence at its key\'s column', 'tasks:\n- id: T-1\n  title: x\n- id: T-2\n  |', { position: 'key', path: ['tasks', 1], siblings: ['id'] }],
    ['the top level', 'apiVersion: pilot-plan/v1\nki|', { position: 'key', path: [], partial: 'ki' }],
    ['CRLF line breaks', 'tasks:\r\n  - id: T-1\r\n    area: |\r\n', { position: 'value', path: ['tasks', 0, 'area'] }],
    ['quoted keys', '"tasks":\n  - \'id\': T-1\n    |', { position: 'key', path: ['tasks', 0], siblings: ['id'] }],
  ];
  for (const [name, src, expected] of cases) {
    it(name, () => {
      const c = at(src);
      assert.equal(c.inert, undefined);
      assert.deepEqual(c.path, expected.path);
      if (expected.position) assert.equal(c.position, expected.position);
      if (expected.partial !== undefined) assert.equal(c.partial, expected.partial);
      if (expected.siblings) assert.deepEqual(c.siblings.sort(), expected.siblings.sort());
      if (expected.newItem !== undefined) assert.equal(c.newItem, expected.newItem);
      if (expected.replaced !== undefined) assert.equal(c.replaced, expected.replaced);
    });
  }
  it('is inert in a comment and in a block scalar', () => {
    assert.equal(at('kind: Tasks\n# hello |').inert, true);
    assert.equal(at('tasks:\n  - area: x   # note |').inert, true);
    assert.equal(at('description: >-\n  some text: with| colon\n').inert, true);
  });
});
