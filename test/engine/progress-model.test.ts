/**
 * A Progress file in the engine (docs/format.md#kind-progress): its model
 * (references, no definitions), its schema, and how the plan rules that are
 * not about progress see its references (orphan does not count them).
 */
import * as assert from 'node:assert/strict';
import { parseText } from '../../server/src/engine/parse/load';
import { buildFileModel, entries, PROGRESS_LISTS } from '../../server/src/engine/plan/model';
import { compactModel } from '../../server/src/engine/plan/plan-view';
import { checkMemory, summary, MINIMAL_PLAN } from '../util/plan';
import { applyFix, checkTree, fixesOf } from '../util/fixes';

const PROGRESS = `apiVersion: pilot-plan/v1
kind: Progress
year: 2024
reported: 2025-03-31
indicators:
  - id: IND-1
    value: 19
    unit: "%"
    source: 市统计局
  - value: 3
  - 草稿
tasks:
  - { id: T-1, status: on-track }
projects:
  - id: P-1
    status: delayed
    invested: { value: 1, unit: 亿元 }
    note: 征地推迟
mechanisms:
  - { id: M-1, status: done }
actions:
  - { id: A-1, status: not-started }
risks:
  - id: R-1
notes: 示意
`;

describe('a Progress file', () => {
  it('defines nothing; each list entry\'s id references the kind its list reports on, at the id', () => {
    const m = buildFileModel(parseText('/p/progress.pilot.yaml', PROGRESS));
    assert.equal(m.kind, 'Progress');
    assert.deepEqual(m.entities, []);
    assert.deepEqual(
      m.references.map((r) => `${r.id} ${r.field} ${JSON.stringify(r.path)} [${r.expected.join(',')}] ${r.file}`),
      [
        'IND-1 id ["indicators",0,"id"] [indicator] /p/progress.pilot.yaml',
        'T-1 id ["tasks",0,"id"] [task] /p/progress.pilot.yaml',
        'P-1 id ["projects",0,"id"] [project] /p/progress.pilot.yaml',
        'M-1 id ["mechanisms",0,"id"] [mechanism] /p/progress.pilot.yaml',
        'A-1 id ["actions",0,"id"] [action] /p/progress.pilot.yaml',
      ],
    );
    // The entries are not the lists' of other kinds of file: the rules that walk those see none here.
    for (const list of Object.keys(PROGRESS_LISTS)) assert.deepEqual(entries(m, list), [], list);
    // The checker keeps a Progress file whole: the progress rules read its values.
    assert.equal(compactModel(m), m);
  });

  it('checks clean against a plan that defines what it references', () => {
    const plan = `${MINIMAL_PLAN}mechanisms:\n  - { id: M-1, type: carbon-accounting, title: 核算 }\nactions:\n  - { id: A-1, title: 宣传 }\nprojects:\n  - { id: P-1, name: 项目, tasks: [T-1], investment: { value: 2, unit: 亿元 } }\n`;
    const text = PROGRESS.replace('  - value: 3\n  - 草稿\n', '').replace('risks:\n  - id: R-1\n', '');
    assert.deepEqual(summary(checkMemory({ 'plan.pilot.yaml': plan, 'progress-2024.pilot.yaml': text })), []);
  });

  it('schema: year required, the status values, a date, an ID pattern, no definitions of other lists', () => {
    const f = checkMemory({ 'plan.pilot.yaml': MINIMAL_PLAN, 'p.pilot.yaml': PROGRESS.replace('year: 2024\n', '').replace('reported: 2025-03-31', 'reported: 2025-13-31').replace('status: on-track', 'status: ongoing').replace('id: A-1', 'id: a-1') }, { only: ['schema'] });
    // year missing (on the first key), the date, an entry without id, one that is no mapping, the status, the ID, risks.
    assert.deepEqual(summary(f), ['schema@p.pilot.yaml:1', 'schema@p.pilot.yaml:3', 'schema@p.pilot.yaml:9', 'schema@p.pilot.yaml:10', 'schema@p.pilot.yaml:12', 'schema@p.pilot.yaml:21', 'schema@p.pilot.yaml:22'].sort());
    const at = (line: number) => f.find((x) => x.line === line)!.message;
    assert.match(at(1), /the file lacks the required `year` \(Reporting year\)/);
    assert.equal(at(3), '`reported`: `2025-13-31` is not a date. Write it as YYYY-MM-DD (2024-05-20), with a month 01–12 and a day 01–31.');
    assert.match(at(12), /`ongoing` is not allowed for `status`\. Use one of: `not-started`, `on-track`, `delayed`, `done`, `cancelled`\./);
    assert.match(at(22), /unknown key `risks`/);
    // Chinese names of a status find it: 滞后 → delayed.
    const zh = checkMemory({ 'plan.pilot.yaml': MINIMAL_PLAN, 'p.pilot.yaml': 'apiVersion: pilot-plan/v1\nkind: Progress\nyear: 2024\ntasks:\n  - { id: T-1, status: 滞后 }\n' }, { only: ['schema'] });
    assert.match(zh[0].message, /`delayed`/);
  });

  it('orphan does not count progress references: an indicator or task only a Progress file names is still an orphan', () => {
    const plan = MINIMAL_PLAN.replace('    indicators: [IND-1]\n', '');
    const f = checkMemory({ 'plan.pilot.yaml': plan, 'p.pilot.yaml': 'apiVersion: pilot-plan/v1\nkind: Progress\nyear: 2024\nindicators:\n  - { id: IND-1, value: 18 }\ntasks:\n  - { id: T-1, status: on-track }\n' }, { only: ['orphan'] });
    assert.deepEqual(summary(f), ['orphan@plan.pilot.yaml:11', 'orphan@plan.pilot.yaml:16']);
  });

  it('a quick fix creating a task it references puts it in the plan, not in the Progress file', () => {
    const tree = { '/p/plan.pilot.yaml': MINIMAL_PLAN, '/p/p.pilot.yaml': 'apiVersion: pilot-plan/v1\nkind: Progress\nyear: 2024\ntasks:\n  - { id: T-NEW, status: on-track }\n' };
    const c = checkTree(tree);
    const f = c.findings.get('/p/p.pilot.yaml')!.find((x) => x.code === 'unresolved-reference')!;
    assert.deepEqual(f.data?.unresolved, { id: 'T-NEW', kinds: ['task'] });
    const create = fixesOf(c, f).find((x) => /^Create task/.test(x.title))!;
    assert.ok(create, 'a create fix');
    assert.deepEqual(create.edits.map((e) => e.file), ['/p/plan.pilot.yaml']);
    const remove = fixesOf(c, f).find((x) => /^Remove the progress entry of `T-NEW`$/.test(x.title));
    assert.ok(remove, 'removing the entry, not its id');
    const after = applyFix(tree, remove)['/p/p.pilot.yaml'];
    assert.equal(after, 'apiVersion: pilot-plan/v1\nkind: Progress\nyear: 2024\n');
  });
});
