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

  it('replaced by a version with as many IDs but other ones, is made anew: no table keeps an old ID', () => {
    const plan = new PlanIndex('/plan');
    plan.setFile(model('/plan/tasks.pilot.yaml', TASKS));
    plan.setFile(model('/plan/indicators.pilot.yaml', INDICATORS));
    plan.references;
    const renamed = TASKS.replace(/T-A/g, 'T-C').replace(/T-B/g, 'T-D').replace(/IND-X/g, 'IND-Y').replace('IND-MISSING', 'IND-Z');
    plan.setFile(model('/plan/tasks.pilot.yaml', renamed));
    assert.deepEqual(plan.definitionsOf('T-A'), []);
    assert.deepEqual(plan.definitionsOf('T-C').map((e) => e.id), ['T-C']);
    assert.deepEqual(plan.references.map((r) => r.id), ['IND-Y', 'IND-Z', 'T-D', 'IND-Y']);
    assert.deepEqual(targetsOf(plan), ['IND-Y → none', 'IND-Z → none', 'T-D → task', 'IND-Y → none']);
    assert.equal(plan.duplicates.length, 0, 'T-B (task and indicator) is no longer defined twice');
    assert.equal(plan.lookup('T-A'), undefined);
    assert.equal(plan.lookup('T-C')?.kind, 'task');
    // Other IDs defined, the same ones referred to.
    const noDeps = TASKS.replace('    dependsOn: [T-B]\n', '');
    const other = new PlanIndex('/plan');
    other.setFile(model('/plan/tasks.pilot.yaml', noDeps));
    other.references;
    other.setFile(model('/plan/tasks.pilot.yaml', noDeps.replace('T-A', 'T-E').replace('T-B', 'T-F')));
    assert.deepEqual([other.definitionsOf('T-A'), other.definitionsOf('T-E').map((e) => e.id)], [[], ['T-E']]);
  });

  it("lists its Plan files by path, and again after a file's kind changes to or from Plan", () => {
    const PLAN = (id: string) => `apiVersion: pilot-plan/v1\nkind: Plan\nid: ${id}\n`;
    const plan = new PlanIndex('/plan');
    plan.setFile(model('/plan/z.pilot.yaml', PLAN('Z')));
    plan.setFile(model('/plan/tasks.pilot.yaml', TASKS));
    assert.deepEqual(plan.planFiles.map((f) => f.path), ['/plan/z.pilot.yaml']);
    plan.setFile(model('/plan/a.pilot.yaml', PLAN('A')));
    assert.deepEqual(plan.planFiles.map((f) => f.path), ['/plan/a.pilot.yaml', '/plan/z.pilot.yaml'], 'by path, the first is the plan');
    assert.equal(plan.settings?.id, 'A');
    plan.setFile(model('/plan/tasks.pilot.yaml', PLAN('T')));
    assert.deepEqual(plan.planFiles.map((f) => f.path), ['/plan/a.pilot.yaml', '/plan/tasks.pilot.yaml', '/plan/z.pilot.yaml'], 'a file that became a Plan file');
    plan.setFile(model('/plan/a.pilot.yaml', TASKS.replace(/T-/g, 'U-')));
    assert.deepEqual(plan.planFiles.map((f) => f.path), ['/plan/tasks.pilot.yaml', '/plan/z.pilot.yaml'], 'a Plan file that became a Tasks file');
    assert.equal(plan.settings?.id, 'T');
    plan.removeFile('/plan/tasks.pilot.yaml');
    assert.deepEqual(plan.planFiles.map((f) => f.path), ['/plan/z.pilot.yaml']);
    assert.equal(plan.removeFile('/plan/none.pilot.yaml'), false);
  });
});
