/**
 * The file model (plan/model.ts) on its own: which entities and references a
 * file yields, schema violations included, and the small helpers the rules and
 * editor features read it with. The rules' tests reach most of it through
 * whole checks, where a wrong path or a lost entry without an ID often changes
 * no finding. Found missing by mutation testing (npm run mutation).
 */
import * as assert from 'node:assert/strict';
import { parseText } from '../../server/src/engine/parse/load';
import type { ParsedFile } from '../../server/src/engine/parse/parsed-file';
import {
  asNumber,
  asString,
  buildFileModel,
  dataAt,
  entries,
  idSpan,
  isObj,
  pathEquals,
  samePlace,
  withEntryData,
  type Entity,
  type FileModel,
} from '../../server/src/engine/plan/model';

const model = (text: string, path = '/p/f.pilot.yaml') => buildFileModel(parseText(path, text));
const entityRows = (m: FileModel) => m.entities.map((e) => `${e.kind} ${e.id} ${JSON.stringify(e.path)} ${e.file}`);
const referenceRows = (m: FileModel) => m.references.map((r) => `${r.id} ${r.field} ${r.index} ${JSON.stringify(r.path)} [${r.expected.join(',')}] from ${r.from.id || '(no id)'} ${r.file}`);

const TASKS = `apiVersion: pilot-plan/v1
kind: Tasks
tasks:
  - id: T-1
    indicators: [IND-1, 7, IND-2]
    dependsOn: [T-2]
  - 草稿
  - title: 没有编号
    dependsOn: [T-1]
  - id: T-2
    dependsOn: T-1
    indicators: []
risks:
  - id: R-1
    affects: [T-1, P-1]
projects:
  - id: P-1
    tasks: [T-2]
    indicators: [IND-9]
indicators:
  - id: 5
  - id: IND-1
x-tasks: [{ id: T-X }]
`;

describe('buildFileModel', () => {
  it('lists every entity with its kind, path and file, in list order, skipping entries without a string ID', () => {
    const m = model(TASKS);
    assert.equal(m.kind, 'Tasks');
    assert.equal(m.path, '/p/f.pilot.yaml');
    assert.deepEqual(entityRows(m), [
      'task T-1 ["tasks",0] /p/f.pilot.yaml',
      'task T-2 ["tasks",3] /p/f.pilot.yaml',
      'project P-1 ["projects",0] /p/f.pilot.yaml',
      'indicator IND-1 ["indicators",1] /p/f.pilot.yaml',
      'risk R-1 ["risks",0] /p/f.pilot.yaml',
    ]);
    for (const e of m.entities) assert.equal(e.data, dataAt(m.root, e.path));
  });

  it('lists each string reference in a reference field of its list, at its place, with the kinds it may name', () => {
    assert.deepEqual(referenceRows(model(TASKS)), [
      'IND-1 indicators 0 ["tasks",0,"indicators",0] [indicator] from T-1 /p/f.pilot.yaml',
      'IND-2 indicators 2 ["tasks",0,"indicators",2] [indicator] from T-1 /p/f.pilot.yaml',
      'T-2 dependsOn 0 ["tasks",0,"dependsOn",0] [task] from T-1 /p/f.pilot.yaml',
      'T-1 dependsOn 0 ["tasks",2,"dependsOn",0] [task] from (no id) /p/f.pilot.yaml',
      'T-2 tasks 0 ["projects",0,"tasks",0] [task] from P-1 /p/f.pilot.yaml',
      'T-1 affects 0 ["risks",0,"affects",0] [task,project] from R-1 /p/f.pilot.yaml',
      'P-1 affects 1 ["risks",0,"affects",1] [task,project] from R-1 /p/f.pilot.yaml',
    ]);
  });

  it('lists every object entry of a list in entries(), those without an ID too; nothing for other lists', () => {
    const m = model(TASKS);
    assert.deepEqual(entries(m, 'tasks').map((e) => [e.path, e.entry.id ?? e.entry.title]), [
      [['tasks', 0], 'T-1'],
      [['tasks', 2], '没有编号'],
      [['tasks', 3], 'T-2'],
    ]);
    assert.deepEqual(entries(m, 'indicators').map((e) => e.path), [['indicators', 0], ['indicators', 1]]);
    assert.deepEqual(entries(m, 'mechanisms'), []);
    assert.deepEqual(entries(m, 'x-tasks'), []);
  });

  it('the plan itself is an entity of a Plan file with a string ID, at the top', () => {
    const plan = model('apiVersion: pilot-plan/v1\nkind: Plan\nid: PLAN-1\nmechanisms:\n  - id: M-1\nactions:\n  - id: A-1\n');
    assert.deepEqual(entityRows(plan), ['plan PLAN-1 [] /p/f.pilot.yaml', 'mechanism M-1 ["mechanisms",0] /p/f.pilot.yaml', 'action A-1 ["actions",0] /p/f.pilot.yaml']);
    assert.equal(plan.entities[0].data, plan.root);
    assert.deepEqual(entityRows(model('kind: Plan\nid: 7\n')), []);
    assert.deepEqual(entityRows(model('kind: Tasks\nid: PLAN-1\n')), []);
  });

  it('a file of another or no kind, or no mapping at all, yields no kind; entities only from a mapping', () => {
    assert.equal(model('kind: Other\ntasks:\n  - id: T-1\n').kind, undefined);
    assert.deepEqual(entityRows(model('kind: Other\ntasks:\n  - id: T-1\n')), ['task T-1 ["tasks",0] /p/f.pilot.yaml']);
    for (const kind of ['Plan', 'Tasks', 'Projects', 'Indicators']) assert.equal(model(`kind: ${kind}\n`).kind, kind);
    for (const text of ['- kind: Tasks\n', 'just text\n', '']) {
      const m = model(text);
      assert.equal(m.root, undefined, JSON.stringify(text));
      assert.equal(m.kind, undefined);
      assert.deepEqual([m.entities, m.references], [[], []]);
      assert.deepEqual(entries(m, 'tasks'), []);
    }
    assert.deepEqual(entityRows(model('kind: Tasks\ntasks: { id: T-1 }\nprojects: P-1\n')), []);
  });

});

describe('model helpers', () => {
  it('isObj: a mapping, not a list, null or a scalar', () => {
    assert.deepEqual([{}, { a: 1 }, [], null, undefined, 'a', 1].map(isObj), [true, true, false, false, false, false, false]);
  });

  it('dataAt: follows keys through mappings and indexes through lists, and nothing else', () => {
    const data = { a: [{ b: 1 }, 'x'], n: null };
    assert.equal(dataAt(data, []), data);
    assert.equal(dataAt(data, ['a', 0, 'b']), 1);
    assert.equal(dataAt(data, ['a', 1]), 'x');
    assert.equal(dataAt(data, ['a', '0']), undefined, 'a key on a list');
    assert.equal(dataAt(data, [0]), undefined, 'an index on a mapping');
    assert.equal(dataAt(data, ['a', 1, 0]), undefined, 'into a scalar');
    assert.equal(dataAt(data, ['n', 'b']), undefined, 'into null');
    assert.equal(dataAt(data, ['z', 'b']), undefined);
    assert.equal(dataAt({ '0': 'x' }, [0]), undefined, 'an index on a mapping with a key "0"');
  });

  it('pathEquals and samePlace: the same steps in the same order', () => {
    assert.equal(pathEquals(['a', 0], ['a', 0]), true);
    assert.equal(pathEquals([], []), true);
    assert.equal(pathEquals(['a', 0], ['a', 1]), false);
    assert.equal(pathEquals(['a'], ['a', 0]), false);
    assert.equal(pathEquals(['a', 0], ['a']), false);
    assert.equal(pathEquals(['0'], [0]), false);
    const a = model(TASKS);
    const b = model(TASKS.replace('id: T-1', 'id: T-9'));
    assert.equal(samePlace(a.entities[0], b.entities[0]), true, 'the same entry, another ID');
    assert.equal(samePlace(a.entities[0], a.entities[1]), false, 'another index');
    assert.equal(samePlace(a.entities[0], a.entities[2]), false, 'another list');
    const at = (path: (string | number)[]) => ({ path }) as unknown as Entity;
    assert.equal(samePlace(a.entities[0], at(['tasks', 0])), true, 'by path when one is not an entry');
    assert.equal(samePlace(at([]), at(['tasks', 0])), false);
    const plan = model('kind: Plan\nid: X\n').entities[0];
    assert.equal(samePlace(plan, at([])), true);
  });

  it('asNumber and asString: only finite numbers, only strings', () => {
    assert.deepEqual([1.5, 0, -2, NaN, Infinity, '1', null].map(asNumber), [1.5, 0, -2, undefined, undefined, undefined, undefined]);
    assert.deepEqual(['a', '', 1, null, ['a']].map(asString), ['a', '', undefined, undefined, undefined]);
  });


  it("idSpan: the ID's value, else the entry's first key, else the file's start", () => {
    const text = 'kind: Tasks\ntasks:\n  - id: T-1\n  - title: 无编号\n';
    const parsed = parseText('/p/f.pilot.yaml', text);
    const m = buildFileModel(parsed);
    const slice = (s: { start: number; end: number }) => text.slice(s.start, s.end);
    assert.equal(slice(idSpan(parsed, m.entities[0])), 'T-1');
    const untitled = entries(m, 'tasks')[1] as unknown as Entity;
    assert.equal(slice(idSpan(parsed, untitled)), 'title');
    assert.deepEqual(idSpan(parsed, { path: ['nowhere', 3] } as unknown as Entity), { start: 0, end: 0 });
  });

  it('withEntryData: the same entities and references over other data, every entry kept as dataOf says', () => {
    const m = model(TASKS);
    const [entities, references] = [m.entities, m.references];
    const seen: string[] = [];
    const compact = parseText('/p/f.pilot.yaml', 'kind: Tasks\n');
    const out = withEntryData(m, compact, (listKey, entry) => {
      seen.push(`${listKey} ${entry.id ?? entry.title}`);
      return { id: entry.id, kept: listKey };
    });
    assert.deepEqual(seen.sort(), ['indicators 5', 'indicators IND-1', 'projects P-1', 'risks R-1', 'tasks T-1', 'tasks T-2', 'tasks 没有编号']);
    assert.equal(out.entities, entities);
    assert.equal(out.references, references);
    assert.equal(out.parsed, compact);
    assert.equal(out.root, compact.data);
    assert.equal(out.kind, 'Tasks');
    assert.equal(out.path, m.path);
    assert.deepEqual(out.entities[0].data, { id: 'T-1', kept: 'tasks' });
    assert.deepEqual(entries(out, 'tasks').map((e) => e.entry), [{ id: 'T-1', kept: 'tasks' }, { id: undefined, kept: 'tasks' }, { id: 'T-2', kept: 'tasks' }]);
    assert.equal(references[3].from.data.kept, 'tasks', 'an entry without an ID, held by its reference');
    // A file that is not a mapping has no lists to keep.
    const none = withEntryData(model('just text\n'), compact, () => assert.fail('no entry'));
    assert.deepEqual([none.entities, none.references, entries(none, 'tasks')], [[], [], []]);
  });
});
