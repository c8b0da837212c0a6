/**
 * What the engine reads of a plan's Progress files (plan/progress.ts): actual values and
 * statuses by year, the latest of each, and what a malformed file still gives.
 */
import * as assert from 'node:assert/strict';
import { parseText } from '../../server/src/engine/parse/load';
import { buildFileModel } from '../../server/src/engine/plan/model';
import { planProgress } from '../../server/src/engine/plan/progress';
import { PROGRESS_PLAN, PROGRESS_ROOT, progressPlanOf } from '../util/progress-plan';

function progressOfTexts(files: Record<string, string>) {
  return planProgress(Object.entries(files).map(([rel, text]) => buildFileModel(parseText(`${PROGRESS_ROOT}/${rel}`, text))));
}

describe('engine: Progress reports', () => {
  const plan = progressPlanOf();
  const progress = planProgress(plan.index.files);

  it('gives each indicator its actual values by year, with unit, source and place', () => {
    const actuals = progress.actuals('IND-NF');
    assert.deepEqual(
      actuals.map((a) => [a.year, a.value, a.unit, a.source, a.file.slice(PROGRESS_ROOT.length + 1), a.path]),
      [
        [2023, 15, '%', '市统计局', 'progress-2023.pilot.yaml', ['indicators', 0]],
        [2024, 18.5, undefined, '市统计局《2024年统计公报》', 'progress-2024.pilot.yaml', ['indicators', 0]],
      ],
    );
    assert.equal(progress.latestActual('IND-NF')?.year, 2024);
    assert.deepEqual(progress.actuals('IND-PV'), []);
    assert.deepEqual(progress.years, [2023, 2024]);
    assert.equal(progress.latestYear, 2024);
  });

  it('gives each task, project, mechanism its statuses by year, with note and a project\'s investment to date', () => {
    assert.deepEqual(progress.statuses('T-ENERGY-01').map((s) => [s.year, s.kind, s.status, s.note]), [
      [2023, 'task', 'delayed', '海上风电核准推迟'],
      [2024, 'task', 'on-track', '一期并网'],
    ]);
    const wind = progress.latestStatus('P-WIND', 'project');
    assert.deepEqual([wind?.year, wind?.status, wind?.invested, wind?.path], [2024, 'on-track', { value: 12.5, unit: '亿元' }, ['projects', 0]]);
    assert.equal(progress.latestStatus('M-ACCOUNTING')?.status, 'done');
    // The list names the kind: a task's ID asked for as a project has no report.
    assert.equal(progress.latestStatus('T-ENERGY-01', 'project'), undefined);
    assert.equal(progress.latestStatus('T-ENERGY-02'), undefined);
  });

  it('reads the files in any order: years sorted, the latest is the latest year', () => {
    const reversed = Object.fromEntries(Object.entries(PROGRESS_PLAN).reverse());
    const p = progressOfTexts(reversed);
    assert.deepEqual(p.actuals('IND-NF').map((a) => a.year), [2023, 2024]);
    assert.equal(p.latestStatus('T-ENERGY-01')?.status, 'on-track');
  });

  it('a file that violates the schema gives what can be read, and nothing throws', () => {
    const p = progressOfTexts({
      'a.pilot.yaml': `kind: Progress
year: 2022
indicators:
  - id: IND-NF
    value: 待补充
  - value: 3
  - 42
  - id: IND-X
    value: [1, 2]
    source: { a: 1 }
tasks:
  - id: T-1
    status: finished
  - id: T-2
  - null
projects: 7
mechanisms:
  - id: M-1
    status: on-track
    invested: { value: 3, unit: 亿元 }
actions:
  - { id: A-1, status: done }
`,
      // No readable year: nothing can be put in a year.
      'b.pilot.yaml': 'kind: Progress\nyear: "2023"\ntasks:\n  - { id: T-9, status: done }\n',
      'c.pilot.yaml': 'kind: Progress\ntasks:\n  - { id: T-9, status: done }\n',
      // Not Progress files, or not mappings at all.
      'd.pilot.yaml': 'kind: Tasks\nyear: 2024\ntasks:\n  - { id: T-9, status: done }\n',
      'e.pilot.yaml': '- kind: Progress\n',
      'f.pilot.yaml': 'kind: Progress\nyear: 2024\nindicators: {id: IND-NF}\ntasks: "T-1"\n',
      'g.pilot.yaml': 'kind: Progress\nyear: [\n',
    });
    const nf = p.actuals('IND-NF');
    assert.deepEqual(nf.map((a) => [a.year, a.value, a.written]), [[2022, undefined, '待补充']]);
    assert.deepEqual(p.actuals('IND-X').map((a) => [a.value, a.source]), [[undefined, undefined]]);
    assert.deepEqual(p.statuses('T-1').map((s) => [s.status, s.written]), [[undefined, 'finished']]);
    assert.deepEqual(p.statuses('T-2').map((s) => [s.status, s.written]), [[undefined, undefined]]);
    // `invested` is a project's: a mechanism's is not read.
    assert.deepEqual(p.statuses('M-1').map((s) => [s.kind, s.status, s.invested]), [['mechanism', 'on-track', undefined]]);
    assert.equal(p.latestStatus('A-1')?.kind, 'action');
    assert.deepEqual(p.statuses('T-9'), []);
    assert.deepEqual(p.years, [2022, 2024]);
  });

  it('a Progress file defines no ID: the plan\'s entities are the plan files\' own', () => {
    assert.equal(plan.index.definitionsOf('T-ENERGY-01').length, 1);
    assert.match(plan.index.lookup('T-ENERGY-01')!.file, /tasks\.pilot\.yaml$/);
    assert.equal(plan.index.file(`${PROGRESS_ROOT}/progress-2024.pilot.yaml`)!.entities.length, 0);
  });
});
