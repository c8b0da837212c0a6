/**
 * PlanIndex: the plan-wide tables of IDs and references, rebuilt when a file
 * is added, replaced or removed. `targets` gives each reference the
 * definitions of its ID, which several plan rules read instead of looking
 * each reference up again.
 */
import * as assert from 'node:assert/strict';
import { parseText } from '../../server/src/engine/parse/load';
import { buildFileModel } from '../../server/src/engine/plan/model';
import { PlanIndex } from '../../server/src/engine/plan/plan-index';

const TASKS = `apiVersion: pilot-plan/v1
kind: Tasks
tasks:
  - id: T-A
    title: 甲
    indicators: [IND-X, IND-MISSING]
    dependsOn: [T-B]
  - id: T-B
    title: 乙
    indicators: [IND-X]
`;
const INDICATORS = `apiVersion: pilot-plan/v1
kind: Indicators
indicators:
  - id: IND-X
    name: 指标
  - id: T-B
    name: 与任务同名
`;

const model = (path: string, text: string) => buildFileModel(parseText(path, text));

/** Every reference's targets, as "ID → kinds of its definitions" (none: unresolved). */
function targetsOf(plan: PlanIndex): string[] {
  return plan.references.map((r, k) => `${r.id} → ${plan.targets[k].map((d) => d.kind).join(',') || 'none'}`);
}

describe('PlanIndex', () => {
  it('gives each reference the definitions of its ID, every one where the ID is defined twice', () => {
    const plan = new PlanIndex('/plan');
    plan.setFile(model('/plan/tasks.pilot.yaml', TASKS));
    plan.setFile(model('/plan/indicators.pilot.yaml', INDICATORS));
    assert.deepEqual(targetsOf(plan), ['IND-X → indicator', 'IND-MISSING → none', 'T-B → task,indicator', 'IND-X → indicator']);
    for (let k = 0; k < plan.references.length; k++) assert.equal(plan.targets[k], plan.definitionsOf(plan.references[k].id));
    assert.deepEqual(plan.duplicates.map((defs) => defs.map((d) => `${d.id} ${d.kind}`)), [['T-B task', 'T-B indicator']]);
  });

  it("gives references found before an ID's second and third definitions all of them", () => {
    const plan = new PlanIndex('/plan');
    plan.setFile(model('/plan/tasks.pilot.yaml', TASKS));
    assert.deepEqual(targetsOf(plan), ['IND-X → none', 'IND-MISSING → none', 'T-B → task', 'IND-X → none']);
    plan.setFile(model('/plan/indicators.pilot.yaml', INDICATORS));
    plan.setFile(model('/plan/more.pilot.yaml', INDICATORS.replace('IND-X', 'IND-Y')));
    assert.deepEqual(targetsOf(plan), ['IND-X → indicator', 'IND-MISSING → none', 'T-B → task,indicator,indicator', 'IND-X → indicator']);
    assert.deepEqual(plan.definitionsOf('T-B').map((d) => d.file), ['/plan/tasks.pilot.yaml', '/plan/indicators.pilot.yaml', '/plan/more.pilot.yaml']);
    assert.equal(plan.lookup('T-B')?.kind, 'task');
    assert.deepEqual(plan.allDefinitions().map((d) => d.id), ['T-A', 'T-B', 'T-B', 'T-B', 'IND-X', 'IND-Y']);
    assert.deepEqual(plan.definitionsOf('NONE'), []);
    assert.equal(plan.isDefined('IND-Y'), true);
  });

  it('finds them again after a file is added, replaced or removed', () => {
    const plan = new PlanIndex('/plan');
    plan.setFile(model('/plan/tasks.pilot.yaml', TASKS));
    assert.deepEqual(targetsOf(plan), ['IND-X → none', 'IND-MISSING → none', 'T-B → task', 'IND-X → none']);
    plan.setFile(model('/plan/indicators.pilot.yaml', INDICATORS));
    assert.deepEqual(targetsOf(plan), ['IND-X → indicator', 'IND-MISSING → none', 'T-B → task,indicator', 'IND-X → indicator']);
    plan.setFile(model('/plan/tasks.pilot.yaml', TASKS.replace('[IND-X, IND-MISSING]', '[IND-MISSING]')));
    assert.deepEqual(targetsOf(plan), ['IND-MISSING → none', 'T-B → task,indicator', 'IND-X → indicator']);
    assert.equal(plan.duplicates.length, 1);
    plan.removeFile('/plan/indicators.pilot.yaml');
    assert.deepEqual(targetsOf(plan), ['IND-MISSING → none', 'T-B → task', 'IND-X → none']);
    assert.deepEqual(plan.duplicates, []);
  });

  it('replaced by a version with the same IDs (a keystroke in a title), holds the new entities and references everywhere, as a fresh index does', () => {
    const plan = new PlanIndex('/plan');
    plan.setFile(model('/plan/tasks.pilot.yaml', TASKS));
    plan.setFile(model('/plan/indicators.pilot.yaml', INDICATORS));
    plan.references; // the tables are built, as after a check
    const edited = model('/plan/tasks.pilot.yaml', TASKS.replace('title: 甲', 'title: 甲乙丙\n    lead: 市发展改革委'));
    plan.setFile(edited);
    const fresh = new PlanIndex('/plan');
    fresh.setFile(edited);
    fresh.setFile(model('/plan/indicators.pilot.yaml', INDICATORS));
    assert.equal(plan.definitionsOf('T-A')[0], edited.entities[0]);
    assert.deepEqual(plan.definitionsOf('T-B').map((e) => e.file), ['/plan/tasks.pilot.yaml', '/plan/indicators.pilot.yaml']);
    assert.equal(plan.definitionsOf('T-B')[0], edited.entities[1]);
    assert.equal(plan.duplicates[0][0], edited.entities[1], 'the duplicate list holds the new definition');
    assert.deepEqual(plan.references, edited.references.concat(plan.references.slice(edited.references.length)));
    assert.equal(plan.references[2].from, edited.entities[0]);
    assert.deepEqual(targetsOf(plan), targetsOf(fresh));
    assert.deepEqual(plan.allDefinitions().map((e) => `${e.id}@${e.file}`).sort(), fresh.allDefinitions().map((e) => `${e.id}@${e.file}`).sort());
    assert.equal(plan.targets[2][0], edited.entities[1], "a reference's target is the new definition");
  });
});
