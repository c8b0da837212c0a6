import * as assert from 'node:assert/strict';
import { checkMemory, summary, MINIMAL_PLAN } from '../util/plan';

const only = { only: ['orphan'] };
const INDICATOR = `  - id: IND-2
    name: 单位地区生产总值能耗降低
    type: reduction
    unit: "%"
    direction: decrease
    targets:
      - { year: 2025, value: 14.5 }
`;
const TASK = (id: string, extra = '') => `  - id: ${id}\n    title: 发展循环经济\n    area: circular-economy\n    lead: 市发展改革委\n${extra}`;

describe('orphan', () => {
  it('passes the minimal plan: its indicator is referenced, its task has indicators', () => {
    assert.deepEqual(summary(checkMemory({ 'plan.pilot.yaml': MINIMAL_PLAN }, only)), []);
  });
  it('reports an indicator that no task references, on its ID', () => {
    const f = checkMemory({ 'plan.pilot.yaml': MINIMAL_PLAN + INDICATOR }, only);
    assert.deepEqual(summary(f), ['orphan@plan.pilot.yaml:26']);
    assert.deepEqual([f[0].line, f[0].column, f[0].endLine, f[0].endColumn], [26, 9, 26, 14]);
    assert.equal(f[0].severity, 'warning');
    assert.match(f[0].message, /Indicator `IND-2` is not referenced by any task.*`indicators`/);
  });
  it('an indicator in an Indicators file referenced from a task in another file passes', () => {
    const inds = 'apiVersion: pilot-plan/v1\nkind: Indicators\nindicators:\n' + INDICATOR;
    const tasks = 'apiVersion: pilot-plan/v1\nkind: Tasks\ntasks:\n' + TASK('T-2', '    indicators: [IND-2]\n');
    assert.deepEqual(summary(checkMemory({ 'plan.pilot.yaml': MINIMAL_PLAN, 'sub/ind.pilot.yaml': inds, 'tasks.pilot.yaml': tasks }, only)), []);
    assert.deepEqual(summary(checkMemory({ 'plan.pilot.yaml': MINIMAL_PLAN, 'sub/ind.pilot.yaml': inds }, only)), ['orphan@sub/ind.pilot.yaml:4']);
  });
  it('reports a task with neither indicators nor projects', () => {
    const tasks = 'apiVersion: pilot-plan/v1\nkind: Tasks\ntasks:\n' + TASK('T-2') + TASK('T-3', '    indicators: []\n');
    const f = checkMemory({ 'plan.pilot.yaml': MINIMAL_PLAN, 'tasks.pilot.yaml': tasks }, only);
    assert.deepEqual(summary(f), ['orphan@tasks.pilot.yaml:4', 'orphan@tasks.pilot.yaml:8']);
    assert.equal(f[0].column, 9);
    assert.match(f[0].message, /Task `T-2` has no indicators and no project references it.*`indicators`.*`tasks`/);
  });
  it('a task that a project references passes without indicators', () => {
    const tasks = 'apiVersion: pilot-plan/v1\nkind: Tasks\ntasks:\n' + TASK('T-2');
    const projects = 'apiVersion: pilot-plan/v1\nkind: Projects\nprojects:\n  - id: P-1\n    name: 再生资源回收利用基地\n    tasks: [T-2]\n';
    assert.deepEqual(summary(checkMemory({ 'plan.pilot.yaml': MINIMAL_PLAN, 'tasks.pilot.yaml': tasks, 'projects.pilot.yaml': projects }, only)), []);
  });
  it('a task whose indicators are unresolved still has indicators (unresolved-reference reports them)', () => {
    const f = checkMemory({ 'plan.pilot.yaml': MINIMAL_PLAN.replace('indicators: [IND-1]', 'indicators: [IND-9]') }, only);
    // the task has indicators; IND-1 is now referenced by no task
    assert.deepEqual(summary(f), ['orphan@plan.pilot.yaml:17']);
  });
  it('references of the wrong kind do not count: a risk affecting a task, a project listing an indicator', () => {
    const text =
      MINIMAL_PLAN.replace('    indicators: [IND-1]\n', '') +
      'risks:\n  - id: R-1\n    category: other\n    title: 风险\n    affects: [T-1]\nprojects:\n  - id: P-1\n    name: 项目\n    tasks: [IND-1]\n';
    assert.deepEqual(summary(checkMemory({ 'plan.pilot.yaml': text }, only)), ['orphan@plan.pilot.yaml:11', 'orphan@plan.pilot.yaml:16']);
  });
  it('counts a reference for the definitions of the kind its field names: an ID both a task and an indicator', () => {
    // T-3 lists T-2 and X-1 as indicators: T-2 is a task, so it stays unused; X-1 is an indicator and a task, and only the indicator is used.
    const tasks = 'apiVersion: pilot-plan/v1\nkind: Tasks\ntasks:\n' + TASK('T-2') + TASK('T-3', '    indicators: [T-2, X-1]\n') + TASK('X-1');
    const inds = 'apiVersion: pilot-plan/v1\nkind: Indicators\nindicators:\n' + INDICATOR.replace('IND-2', 'X-1');
    const f = checkMemory({ 'plan.pilot.yaml': MINIMAL_PLAN, 'tasks.pilot.yaml': tasks, 'ind.pilot.yaml': inds }, only);
    assert.deepEqual(summary(f), ['orphan@tasks.pilot.yaml:13', 'orphan@tasks.pilot.yaml:4']);
  });
  it('every definition of a duplicated orphan ID is reported', () => {
    const f = checkMemory({ 'plan.pilot.yaml': MINIMAL_PLAN + INDICATOR + INDICATOR }, only);
    assert.deepEqual(summary(f), ['orphan@plan.pilot.yaml:26', 'orphan@plan.pilot.yaml:33']);
  });
  it('is silenced by a comment on the line above', () => {
    const text = MINIMAL_PLAN + INDICATOR.replace('  - id: IND-2', '  # pilot-plan-disable-next-line orphan\n  - id: IND-2');
    assert.deepEqual(summary(checkMemory({ 'plan.pilot.yaml': text }, only)), []);
  });
  it('is not run for a file under no plan', () => {
    const loose = 'apiVersion: pilot-plan/v1\nkind: Indicators\nindicators:\n' + INDICATOR;
    assert.deepEqual(summary(checkMemory({ 'loose.pilot.yaml': loose }, only)), []);
  });
  it('robust: wrong types do not throw', () => {
    const tasks =
      'apiVersion: pilot-plan/v1\nkind: Tasks\ntasks:\n' +
      TASK('T-2', '    indicators: IND-1\n') + // a string: counts as stating indicators (schema reports the type)
      TASK('T-3', '    indicators: { a: 1 }\n') +
      '  - id: [T-4]\n  - 7\n  - null\n';
    const projects = 'apiVersion: pilot-plan/v1\nkind: Projects\nprojects:\n  - id: P-1\n    tasks: T-2\n  - tasks: [[T-3], 5]\nindicators: 5\n';
    const f = checkMemory({ 'plan.pilot.yaml': MINIMAL_PLAN, 'tasks.pilot.yaml': tasks, 'projects.pilot.yaml': projects }, only);
    assert.deepEqual(summary(f), []);
    assert.deepEqual(summary(checkMemory({ 'plan.pilot.yaml': MINIMAL_PLAN.replace('tasks:\n', 'tasks: nope\nx:\n') }, only)), ['orphan@plan.pilot.yaml:18']);
  });
  it('speaks Chinese', () => {
    const f = checkMemory({ 'plan.pilot.yaml': MINIMAL_PLAN + INDICATOR }, { ...only, locale: 'zh-CN' });
    assert.match(f[0].message, /指标 `IND-2` 未被任何任务引用/);
  });
});
