import * as assert from 'node:assert/strict';
import { checkMemory, summary, MINIMAL_PLAN } from '../util/plan';
import { applyFix, checkTree, fixesOf } from '../util/fixes';

const only = { only: ['task-status-timing'] };
const plan = MINIMAL_PLAN.replace('    indicators: [IND-1]\n', '    indicators: [IND-1]\n    due: 2025\n');
const progress = (year: number, ...entries: string[]) => `apiVersion: pilot-plan/v1\nkind: Progress\nyear: ${year}\ntasks:\n${entries.map((e) => `  - ${e}\n`).join('')}`;

describe('task-status-timing', () => {
  it('reports done before the due year and delayed after it, on the status', () => {
    const f = checkMemory({ 'plan.pilot.yaml': plan, 'a.pilot.yaml': progress(2023, '{ id: T-1, status: done }'), 'b.pilot.yaml': progress(2026, '{ id: T-1, status: delayed }') }, only);
    assert.deepEqual(summary(f), ['task-status-timing@a.pilot.yaml:5', 'task-status-timing@b.pilot.yaml:5']);
    assert.equal(f[0].severity, 'info');
    assert.equal(f[0].column, '  - { id: T-1, status: '.length + 1);
    assert.equal(f[0].message, 'Task `T-1` is `done` in 2023, but it is due in 2025. If it finished early, say so in a `note`; otherwise correct `status`.');
    assert.equal(f[1].message, 'Task `T-1` is `delayed` in 2026, after its due year 2025, with no `note`. Say in a `note` why it is late and when it will be done.');
  });

  it('passes the due year itself, other statuses, and entries with a note', () => {
    for (const [year, entry] of [
      [2025, '{ id: T-1, status: done }'],
      [2025, '{ id: T-1, status: delayed }'],
      [2026, '{ id: T-1, status: on-track }'],
      [2023, '{ id: T-1, status: not-started }'],
      [2026, '{ id: T-1, status: delayed, note: 用地审批推迟至 2027 年 }'],
      [2023, '{ id: T-1, status: done, note: 提前完成 }'],
    ] as const) {
      assert.deepEqual(summary(checkMemory({ 'plan.pilot.yaml': plan, 'p.pilot.yaml': progress(year, entry) }, only)), [], entry);
    }
    // An empty note explains nothing.
    assert.deepEqual(summary(checkMemory({ 'plan.pilot.yaml': plan, 'p.pilot.yaml': progress(2026, '{ id: T-1, status: delayed, note: "" }') }, only)), ['task-status-timing@p.pilot.yaml:5']);
  });

  it('reads the due year of a task in another file, and skips a task without one or an ID that is no task', () => {
    const tasks = 'apiVersion: pilot-plan/v1\nkind: Tasks\ntasks:\n  - id: T-2\n    title: 其他任务\n    area: other\n    lead: 市发展改革委\n    indicators: [IND-1]\n    due: 2024\n';
    const f = checkMemory({ 'plan.pilot.yaml': plan, 'tasks.pilot.yaml': tasks, 'p.pilot.yaml': progress(2025, '{ id: T-2, status: delayed }', '{ id: IND-1, status: done }') }, only);
    assert.deepEqual(summary(f), ['task-status-timing@p.pilot.yaml:5']);
    assert.deepEqual(summary(checkMemory({ 'plan.pilot.yaml': MINIMAL_PLAN, 'p.pilot.yaml': progress(2040, '{ id: T-1, status: delayed }') }, only)), []);
  });

  it('fixes by adding a note, block and flow entries alike', () => {
    for (const entry of ['{ id: T-1, status: delayed }', 'id: T-1\n    status: delayed']) {
      const tree = { '/p/plan.pilot.yaml': plan, '/p/p.pilot.yaml': progress(2026, entry) };
      const c = checkTree(tree);
      const finding = c.findings.get('/p/p.pilot.yaml')!.find((x) => x.code === 'task-status-timing')!;
      const fixes = fixesOf(c, finding);
      assert.deepEqual(fixes.map((x) => x.title), ['Add `note`'], entry);
      assert.deepEqual(fixesOf(c, finding, 'zh-CN').map((x) => x.title), ['添加 `note`']);
      const after = applyFix(tree, fixes[0]);
      assert.match(after['/p/p.pilot.yaml'], /note: 待补充/, entry);
      const again = checkTree(after);
      assert.deepEqual(again.findings.get('/p/p.pilot.yaml')!.map((x) => x.code), ['placeholder'], 'the note to fill in is all that is left');
    }
  });
});
