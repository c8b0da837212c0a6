import * as assert from 'node:assert/strict';
import { checkMemory, summary, MINIMAL_PLAN } from '../util/plan';
import { MAX_FINDINGS_PER_FILE } from '../../server/src/engine/run-rules';
import { dependencyCycle, hasCycle, stronglyConnected } from '../../server/src/engine/rules/dependency-cycle';
import { parseYaml } from '../../server/src/engine/parse/yaml-file';
import { buildFileModel } from '../../server/src/engine/plan/model';
import { PlanIndex } from '../../server/src/engine/plan/plan-index';

const only = { only: ['dependency-cycle'] };
const HEAD = 'apiVersion: pilot-plan/v1\nkind: Tasks\ntasks:\n';

/** A Tasks file; each task is [id, dependsOn YAML or undefined]. */
function tasks(list: [string, string | undefined][]): string {
  return (
    HEAD +
    list
      .map(([id, deps]) => `  - id: ${id}\n    title: 任务${id}\n    area: industry\n    lead: 市工业和信息化局\n    indicators: [IND-1]\n` + (deps === undefined ? '' : `    dependsOn: ${deps}\n`))
      .join('')
  );
}
/** Milliseconds the rule alone takes on a parsed one-file plan, and its report count. */
function timeRule(text: string): { ms: number; count: number } {
  const plan = new PlanIndex('/mem/plan');
  plan.setFile(buildFileModel(parseYaml('/mem/plan/tasks.pilot.yaml', text)));
  void plan.targets; // build the index outside the measurement
  let count = 0;
  const t0 = Date.now();
  dependencyCycle.checkPlan!({ plan, report: () => count++ });
  return { ms: Date.now() - t0, count };
}

/** Line of the dependsOn of the i-th task (from 0) in a tasks() file. */
const depLine = (i: number) => 4 + i * 6 + 5;

describe('dependency-cycle', () => {
  it('passes dependencies without a cycle (a diamond)', () => {
    const t = tasks([
      ['T-A', '[T-B, T-C]'],
      ['T-B', '[T-D]'],
      ['T-C', '[T-D]'],
      ['T-D', undefined],
    ]);
    assert.deepEqual(summary(checkMemory({ 'plan.pilot.yaml': MINIMAL_PLAN, 'tasks.pilot.yaml': t }, only)), []);
  });
  it('reports each reference of a two-task cycle, with the path and exact position', () => {
    const t = tasks([
      ['T-A', '[T-B]'],
      ['T-B', '[T-C, T-A]'],
      ['T-C', undefined],
    ]);
    const f = checkMemory({ 'plan.pilot.yaml': MINIMAL_PLAN, 'tasks.pilot.yaml': t }, only);
    assert.deepEqual(summary(f), [`dependency-cycle@tasks.pilot.yaml:${depLine(0)}`, `dependency-cycle@tasks.pilot.yaml:${depLine(1)}`].sort());
    const onB = f.find((x) => x.line === depLine(1))!;
    // "    dependsOn: [T-C, T-A]": T-A starts at column 22
    assert.deepEqual([onB.column, onB.endColumn], [22, 25]);
    assert.equal(onB.severity, 'error');
    assert.match(onB.message, /Task `T-B` depends on `T-A`.*: T-B → T-A → T-B\./);
    const onA = f.find((x) => x.line === depLine(0))!;
    assert.match(onA.message, /T-A → T-B → T-A/);
  });
  it('reports a longer cycle across files, and only its edges', () => {
    const t = tasks([
      ['T-A', '[T-B]'],
      ['T-B', '[T-C]'],
      ['T-X', '[T-A]'], // leads into the cycle, not on it
    ]);
    const more = tasks([['T-C', '[T-A, T-D]'], ['T-D', undefined]]);
    const f = checkMemory({ 'plan.pilot.yaml': MINIMAL_PLAN, 'tasks.pilot.yaml': t, 'sub/more.pilot.yaml': more }, only);
    assert.deepEqual(
      summary(f),
      [`dependency-cycle@sub/more.pilot.yaml:${depLine(0)}`, `dependency-cycle@tasks.pilot.yaml:${depLine(0)}`, `dependency-cycle@tasks.pilot.yaml:${depLine(1)}`].sort(),
    );
    assert.match(f.find((x) => x.file === 'sub/more.pilot.yaml')!.message, /T-C → T-A → T-B → T-C/);
  });
  it('reports a self-dependency', () => {
    const f = checkMemory({ 'plan.pilot.yaml': MINIMAL_PLAN.replace('    indicators: [IND-1]\n', '    indicators: [IND-1]\n    dependsOn: [T-1]\n') }, only);
    assert.deepEqual(summary(f), ['dependency-cycle@plan.pilot.yaml:16']);
    assert.deepEqual([f[0].column, f[0].endColumn], [17, 20]);
    assert.match(f[0].message, /Task `T-1` depends on itself/);
  });
  it('uses every definition of a duplicated ID', () => {
    const t = tasks([
      ['T-A', undefined],
      ['T-B', '[T-A]'],
      ['T-A', '[T-B]'], // second definition of T-A closes the cycle
    ]);
    const f = checkMemory({ 'plan.pilot.yaml': MINIMAL_PLAN, 'tasks.pilot.yaml': t }, only);
    // the first T-A has no dependsOn line, so the later lines move up by one
    assert.deepEqual(summary(f), ['dependency-cycle@tasks.pilot.yaml:14', 'dependency-cycle@tasks.pilot.yaml:20']);
  });
  it('ignores references to unknown IDs and to IDs of other kinds', () => {
    const t = tasks([
      ['T-A', '[T-NOPE, IND-1, T-B]'],
      ['T-B', '[T-NOPE]'],
    ]);
    assert.deepEqual(summary(checkMemory({ 'plan.pilot.yaml': MINIMAL_PLAN, 'tasks.pilot.yaml': t }, only)), []);
  });
  it('is silenced by a comment on the line above', () => {
    const t = tasks([
      ['T-A', '[T-B]'],
      ['T-B', '[T-A]'],
    ]).replace('    dependsOn: [T-A]', '    # pilot-plan-disable-next-line dependency-cycle\n    dependsOn: [T-A]');
    const f = checkMemory({ 'plan.pilot.yaml': MINIMAL_PLAN, 'tasks.pilot.yaml': t }, only);
    assert.deepEqual(summary(f), [`dependency-cycle@tasks.pilot.yaml:${depLine(0)}`]);
  });
  it('robust: wrong types in dependsOn and tasks do not throw', () => {
    const t =
      HEAD +
      '  - id: T-A\n    dependsOn: T-B\n' +
      '  - id: T-B\n    dependsOn: [[T-A], { id: T-A }, 7, null, T-C]\n' +
      '  - id: 5\n    dependsOn: [T-A]\n' +
      '  - id: T-C\n    dependsOn: [T-B]\n' +
      '  - just a string\n  - null\n';
    const f = checkMemory({ 'plan.pilot.yaml': MINIMAL_PLAN, 'tasks.pilot.yaml': t }, only);
    assert.deepEqual(summary(f), ['dependency-cycle@tasks.pilot.yaml:11', 'dependency-cycle@tasks.pilot.yaml:7']);
    assert.deepEqual(summary(checkMemory({ 'plan.pilot.yaml': MINIMAL_PLAN, 'tasks.pilot.yaml': HEAD.replace('tasks:\n', 'tasks: 3\n') }, only)), []);
  });
  it('a 5,000-task chain with a cycle at its end: quick, no stack overflow', () => {
    const n = 5000;
    let t = HEAD;
    for (let i = 1; i <= n; i++) {
      const dep = i < n ? `T-${i + 1}` : `T-${n - 2}`; // T-4998 → T-4999 → T-5000 → T-4998
      t += `  - id: T-${i}\n    title: t\n    area: industry\n    lead: x\n    indicators: [IND-1]\n    dependsOn: [${dep}]\n`;
    }
    const f = checkMemory({ 'plan.pilot.yaml': MINIMAL_PLAN, 'tasks.pilot.yaml': t }, only);
    assert.deepEqual(summary(f), [depLine(n - 3), depLine(n - 2), depLine(n - 1)].map((l) => `dependency-cycle@tasks.pilot.yaml:${l}`).sort());
    assert.match(f.find((x) => x.line === depLine(n - 3))!.message, /: T-4998 → T-4999 → T-5000 → T-4998\./);
    const { ms, count } = timeRule(t);
    assert.equal(count, 3);
    assert.ok(ms < 1000, `the rule took ${ms} ms`);
  });
  it('one cycle through 5,000 tasks: every edge reported, the path elided', () => {
    const n = 5000;
    let t = HEAD;
    for (let i = 1; i <= n; i++) t += `  - id: T-${i}\n    title: t\n    area: industry\n    lead: x\n    indicators: [IND-1]\n    dependsOn: [T-${(i % n) + 1}]\n`;
    const f = checkMemory({ 'plan.pilot.yaml': MINIMAL_PLAN, 'tasks.pilot.yaml': t }, only);
    // The rule reports every edge (timeRule below); a file shows the first of them and a count of the rest.
    // (One of the file's first findings is another rule's, left out here.)
    assert.ok(f.length >= MAX_FINDINGS_PER_FILE - 2 && f.length <= MAX_FINDINGS_PER_FILE, `${f.length} findings`);
    assert.match(f[f.length - 1].message, new RegExp(`^${(n - (f.length - 1)).toLocaleString('en-US')} more findings`));
    const first = f.find((x) => x.line === depLine(0))!;
    assert.match(first.message, /T-1 → T-2 → T-3 → T-4 → T-5 → T-6 → … \(4992 more\) … → T-4999 → T-5000 → T-1\./);
    const { ms, count } = timeRule(t);
    assert.equal(count, n);
    assert.ok(ms < 3000, `the rule took ${ms} ms`);
  });
  it('hasCycle agrees with the strongly connected components on random graphs', () => {
    let seed = 7;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648) % n);
    let cyclic = 0;
    for (let g = 0; g < 500; g++) {
      const n = 1 + rand(12);
      const m = rand(2 * n);
      const from = Int32Array.from({ length: m }, () => rand(n));
      const to = Int32Array.from({ length: m }, (_, k) => (rand(3) === 0 ? rand(n) : Math.min(n - 1, from[k] + 1 + rand(3))));
      const adj: number[][] = Array.from({ length: n }, () => []);
      for (let k = 0; k < m; k++) adj[from[k]].push(to[k]);
      const comp = stronglyConnected(adj);
      // A cycle: an edge within one component (a self-loop, or two nodes of a component of several).
      const expected = Array.from(from).some((u, k) => comp[u] === comp[to[k]]);
      assert.equal(hasCycle(n, from, to), expected, JSON.stringify({ n, from: [...from], to: [...to] }));
      if (expected) cyclic++;
    }
    assert.ok(cyclic > 50 && cyclic < 450, `${cyclic} of 500 graphs with a cycle`);
  });

  it('stronglyConnected: iterative Tarjan on a deep graph', () => {
    const n = 200_000;
    const adj: number[][] = Array.from({ length: n }, (_, i) => (i + 1 < n ? [i + 1] : [0]));
    const comp = stronglyConnected(adj);
    assert.ok(comp.every((c) => c === comp[0]));
    const chain = stronglyConnected(Array.from({ length: n }, (_, i) => (i + 1 < n ? [i + 1] : [])));
    assert.equal(new Set(chain).size, n);
  });
  it('speaks Chinese', () => {
    const t = tasks([
      ['T-A', '[T-B]'],
      ['T-B', '[T-A]'],
    ]);
    const f = checkMemory({ 'plan.pilot.yaml': MINIMAL_PLAN, 'tasks.pilot.yaml': t }, { ...only, locale: 'zh-CN' });
    assert.match(f[0].message, /形成循环依赖：T-A → T-B → T-A/);
  });
});
