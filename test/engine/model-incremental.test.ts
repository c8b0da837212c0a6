/**
 * A file model built from the previous version's keeps the entities and
 * references of entries an edit did not touch. It must be the model a fresh
 * build gives: the same entities, references and entries, field by field,
 * over chains of edits of the examples and of a long Tasks file.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseText } from '../../server/src/engine/parse/load';
import { buildFileModel, entries, ENTITY_LISTS, type FileModel } from '../../server/src/engine/plan/model';
import { sameStructure } from '../../server/src/engine/plan/structure';
import { repoRoot } from '../util/plan';
import { pilotFilesUnder } from '../util/examples';
import { mutate, rng } from '../util/mutants';

const texts = pilotFilesUnder(path.join(repoRoot(), 'examples')).map((f) => fs.readFileSync(f, 'utf8'));

function longTasks(n: number): string {
  const lines = ['apiVersion: pilot-plan/v1', 'kind: Tasks', 'tasks:'];
  for (let i = 0; i < n; i++) lines.push(`  - id: T-${i}`, `    title: 任务 ${i}`, '    area: energy-transition', '    lead: 市发展改革委', `    indicators: [IND-${i % 7}]`, `    dependsOn: [T-${Math.max(0, i - 1)}, T-${Math.max(0, i - 2)}]`);
  return lines.join('\n') + '\n';
}

/** Everything a rule can read of a model, with entry data compared by identity. */
function shape(m: FileModel) {
  const ids = new Map<object, number>();
  const ref = (o: object) => (ids.has(o) ? ids.get(o)! : (ids.set(o, ids.size), ids.size - 1));
  return {
    kind: m.kind,
    entities: m.entities.map((e) => [e.id, e.kind, e.file, e.path, ref(e.data)]),
    references: m.references.map((r) => [r.id, r.expected, r.field, r.file, r.index, r.path, r.from.id, r.from.path]),
    entries: Object.keys(ENTITY_LISTS).map((k) => entries(m, k).map((x) => [x.path, ref(x.entry)])),
  };
}

describe('a file model built from the previous version = a fresh build', function () {
  this.timeout(120_000);

  it('chains of edits of the examples and of a long Tasks file', () => {
    const r = rng(99);
    const pool = [...texts, longTasks(40)];
    let kept = 0;
    let total = 0;
    for (let chain = 0; chain < 300; chain++) {
      const file = `/mem/c${chain}.pilot.yaml`;
      let text = pool[Math.floor(r() * pool.length)];
      let parsed = parseText(file, text);
      let model = buildFileModel(parsed);
      for (let step = 0; step < 8; step++) {
        text = mutate(text, r, ['x', ': 1', '- ', 'T-3', ', T-9', '  ', '#']);
        parsed = parseText(file, text, parsed);
        const next = buildFileModel(parsed, model);
        assert.deepEqual(shape(next), shape(buildFileModel(parsed)), `chain ${chain}, step ${step}:\n${text}`);
        kept += next.entities.filter((e) => model.entities.includes(e)).length;
        total += next.entities.length;
        model = next;
      }
    }
    assert.ok(kept > total / 2, `entities kept: ${kept} of ${total}`);
  });

  it('a title edit in a long file keeps every other entity and reference, and the structure', () => {
    const before = longTasks(500);
    const p1 = parseText('/mem/t.pilot.yaml', before);
    const m1 = buildFileModel(p1);
    const p2 = parseText('/mem/t.pilot.yaml', before.replace('title: 任务 250\n', 'title: 任务 250（修订）\n'), p1);
    const m2 = buildFileModel(p2, m1);
    assert.equal(m2.entities.filter((e, i) => e === m1.entities[i]).length, 499);
    assert.equal(m2.references.filter((x, i) => x === m1.references[i]).length, m1.references.length - 3);
    assert.ok(sameStructure(m1, m2));
    // An entry that moved to another place is made anew (its path changed), even when it is the same object:
    // here a scalar entry before it (no entity) becomes a comment, and the task moves from index 1 to 0.
    const s1 = 'apiVersion: pilot-plan/v1\nkind: Tasks\ntasks:\n  - 草稿\n  - id: T-1\n    title: 任务\n    dependsOn: [T-0]\n';
    const q1 = parseText('/mem/s.pilot.yaml', s1);
    const n1 = buildFileModel(q1);
    const q2 = parseText('/mem/s.pilot.yaml', s1.replace('  - 草稿\n', '  # 草稿\n'), q1);
    assert.equal((q2.data as { tasks: unknown[] }).tasks[0], (q1.data as { tasks: unknown[] }).tasks[1], 'the task keeps its parse');
    const n2 = buildFileModel(q2, n1);
    assert.deepEqual(shape(n2), shape(buildFileModel(q2)));
    assert.deepEqual(n2.entities[0].path, ['tasks', 0]);
    // A model from another file's previous version keeps nothing.
    const other = buildFileModel(parseText('/mem/u.pilot.yaml', before));
    assert.equal(buildFileModel(p2, other).entities.filter((e, i) => e === other.entities[i]).length, 0);
  });
});
