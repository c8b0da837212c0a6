/**
 * Findings moved through an edit (moved-findings.ts, text/line-change.ts): the
 * language server keeps the structure rules' findings after an edit that keeps
 * the plan's structure, moved with the text. Wherever it moves them instead of
 * running the rules, they must be what the rules find in the new text: the
 * differential test below edits a plan full of structure findings (duplicate
 * IDs across files, unresolved references, a cycle across files, orphans) a
 * thousand ways and compares.
 */
import * as assert from 'node:assert/strict';
import type { Finding } from '../../server/src/engine/findings';
import { moveFindings } from '../../server/src/engine/moved-findings';
import { parseText } from '../../server/src/engine/parse/load';
import { buildFileModel, type FileModel } from '../../server/src/engine/plan/model';
import { PlanIndex } from '../../server/src/engine/plan/plan-index';
import { sameStructure } from '../../server/src/engine/plan/structure';
import { RULES } from '../../server/src/engine/rules/registry';
import { runPlanRules } from '../../server/src/engine/run-rules';
import { lineChange, moveSpan } from '../../server/src/engine/text/line-change';

const STRUCTURE_RULES = RULES.filter((r) => r.scope === 'plan' && r.planInputs === 'structure');

const PLAN = `apiVersion: pilot-plan/v1
kind: Plan
id: test-city
title: 测试市碳达峰试点实施方案
`;

const A = `apiVersion: pilot-plan/v1
kind: Tasks
# 能源任务
tasks:
  - id: T-ENERGY-01
    title: 推进海上风电集群开发
    lead: 市发展改革委
    dependsOn: [T-ENERGY-02]
    indicators: [IND-RE-SHARE]
    due: 2029

  - id: T-ENERGY-02
    title: 建设城市级虚拟电厂平台
    lead: 市工业和信息化局
    dependsOn: [T-OTHER-01]
    indicators: [IND-MISSING, IND-RE-SHARE]
    due: 2026

  - id: T-ENERGY-03
    title: 推进煤电机组节能降碳改造
    area: energy-transition
    due: 2028
`;

const B = `apiVersion: pilot-plan/v1
kind: Tasks
tasks:
  - id: T-OTHER-01
    title: 建设充换电基础设施
    area: transport
    indicators: [IND-RE-SHARE]
    dependsOn: [T-ENERGY-01]

  - id: T-ENERGY-03
    title: 重复的任务
    area: other
    indicators: [IND-NOT-THERE]
`;

const C = `apiVersion: pilot-plan/v1
kind: Indicators
indicators:
  - id: IND-RE-SHARE
    name: 可再生能源占比
  - id: IND-UNUSED
    name: 没有任务引用的指标
`;

const model = (path: string, text: string) => buildFileModel(parseText(path, text));

function structureFindings(files: FileModel[]): Map<string, Finding[]> {
  const plan = new PlanIndex('/plan');
  for (const f of files) plan.setFile(f);
  return runPlanRules(plan, (rule, e) => {
    throw e;
  }, STRUCTURE_RULES);
}

/** Findings by file, in a stable order, as plain data. */
const plain = (m: Map<string, Finding[]>) =>
  JSON.parse(JSON.stringify([...m].sort(([a], [b]) => a.localeCompare(b)).map(([f, list]) => [f, [...list].sort((x, y) => x.span.start - y.span.start || x.code.localeCompare(y.code) || x.span.end - y.span.end)])));

/** A small deterministic random source, so a failure can be replayed. */
function random(seed: number) {
  let s = seed >>> 0;
  return (n: number) => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s % n;
  };
}

describe('findings moved through an edit', () => {
  describe('lineChange and moveSpan', () => {
    const text = 'a: 1\nb: 2\nc: 3\n';

    it('finds the changed lines of an edit within a line', () => {
      assert.deepEqual(lineChange(text, 'a: 1\nb: 22\nc: 3\n'), { from: 5, to: 10, delta: 1 });
      assert.equal(lineChange(text, text), undefined);
    });

    it('takes the line an insertion goes into, and every line a removal touches', () => {
      assert.deepEqual(lineChange(text, 'a: 1\n# x\nb: 2\nc: 3\n'), { from: 5, to: 10, delta: 4 });
      assert.deepEqual(lineChange(text, 'a: 1\nc: 3\n'), { from: 5, to: 10, delta: -5 });
      assert.deepEqual(lineChange(text, 'z' + text), { from: 0, to: 5, delta: 1 });
      assert.deepEqual(lineChange(text, text + 'd: 4\n'), { from: 15, to: 15, delta: 5 });
      assert.deepEqual(lineChange('a: 1', 'a: 12'), { from: 0, to: 4, delta: 1 });
    });

    it('finds the same lines in long texts, where it compares a chunk at a time (600 random edits)', () => {
      // The same result as a character-by-character scan, however far from a chunk's edge the change is.
      const naive = (before: string, after: string) => {
        const min = Math.min(before.length, after.length);
        let p = 0;
        while (p < min && before[p] === after[p]) p++;
        let q = 0;
        while (q < min - p && before[before.length - 1 - q] === after[after.length - 1 - q]) q++;
        const from = p === 0 ? 0 : before.lastIndexOf('\n', p - 1) + 1;
        const end = before.length - q;
        const nl = before.indexOf('\n', end > p ? end - 1 : p);
        return { from, to: nl < 0 ? before.length : nl + 1, delta: after.length - before.length };
      };
      const next = random(7);
      const line = () => `  - id: T-${next(1000)}\n    title: 标题${'文'.repeat(next(40))}\n`;
      for (let k = 0; k < 600; k++) {
        // Some texts longer than the largest chunk (65,536 characters), so that every size is crossed.
        const before = Array.from({ length: k % 10 === 9 ? 2000 + next(4000) : 20 + next(200) }, line).join('');
        const at = next(before.length);
        const cut = next(3) ? next(40) : 0;
        const after = before.slice(0, at) + ['', 'x', '\n', '文本\n  '][next(4)] + before.slice(Math.min(before.length, at + cut));
        if (after === before) continue;
        assert.deepEqual(lineChange(before, after), naive(before, after), `edit ${k}`);
      }
    });

    it('keeps spans before the changed lines, moves those after, and gives up on those that touch them', () => {
      const change = lineChange(text, 'a: 1\nb: 22\nc: 3\n')!;
      assert.deepEqual(moveSpan({ start: 0, end: 1 }, change), { start: 0, end: 1 });
      assert.deepEqual(moveSpan({ start: 13, end: 14 }, change), { start: 14, end: 15 });
      assert.equal(moveSpan({ start: 8, end: 9 }, change), undefined);
      assert.equal(moveSpan({ start: 5, end: 5 }, change), undefined, 'an empty span where the change starts');
      assert.equal(moveSpan({ start: 0, end: 14 }, change), undefined, 'a span over the change');
    });
  });

  describe('moveFindings', () => {
    const f = (file: string, start: number, related?: { file: string; start: number }[]): Finding => ({
      code: 'duplicate-id',
      severity: 'error',
      file,
      span: { start, end: start + 1 },
      message: { id: 'x', args: {} } as unknown as Finding['message'],
      data: related ? { related: related.map((r) => ({ file: r.file, span: { start: r.start, end: r.start + 1 }, message: { id: 'y', args: {} } as unknown as Finding['message'] })) } : undefined,
    });
    const before = 'a: 1\nb: 2\nc: 3\n';
    const after = 'a: 1\n# x\nb: 2\nc: 3\n';

    it('returns the same map, lists and findings when nothing points into the edited file', () => {
      const m = new Map([['/o', [f('/o', 3)]]]);
      assert.equal(moveFindings(m, '/e', before, after), m);
    });

    it("moves the edited file's findings and the related places that point into it, and keeps the rest as they were", () => {
      // Lines: a 0-4, b 5-9, c 10-14, d 15-19. A line inserted after b: c counts as changed, d moves by 4.
      const text = 'a: 1\nb: 2\nc: 3\nd: 4\n';
      const other = f('/o', 3);
      const m = new Map([
        ['/e', [f('/e', 0), f('/e', 18, [{ file: '/o', start: 3 }])]],
        ['/o', [other, f('/o', 7, [{ file: '/e', start: 16 }])]],
      ]);
      const moved = moveFindings(m, '/e', text, 'a: 1\nb: 2\n# x\nc: 3\nd: 4\n')!;
      assert.notEqual(moved, m);
      assert.equal(moved.get('/e')![0], m.get('/e')![0], 'a finding before the change is the same object');
      assert.deepEqual(moved.get('/e')![1].span, { start: 22, end: 23 });
      assert.deepEqual(moved.get('/e')![1].data!.related![0].span, { start: 3, end: 4 }, 'a place in another file stays');
      assert.equal(moved.get('/o')![0], other);
      assert.deepEqual(moved.get('/o')![1].span, { start: 7, end: 8 });
      assert.deepEqual(moved.get('/o')![1].data!.related![0].span, { start: 20, end: 21 });
      assert.deepEqual(m.get('/o')![1].data!.related![0].span, { start: 16, end: 17 }, 'the old findings are not changed');
    });

    it('gives up when a finding or a related place is on a changed line', () => {
      assert.equal(moveFindings(new Map([['/e', [f('/e', 5)]]]), '/e', before, after), undefined);
      assert.equal(moveFindings(new Map([['/o', [f('/o', 0, [{ file: '/e', start: 5 }])]]]), '/e', before, after), undefined);
    });
  });

  it('wherever it moves them, the findings are those the structure rules find in the new text (1,000 edits)', () => {
    const paths = { plan: '/plan/plan.pilot.yaml', a: '/plan/tasks-a.pilot.yaml', b: '/plan/tasks-b.pilot.yaml', c: '/plan/indicators.pilot.yaml' };
    const base = { plan: model(paths.plan, PLAN), a: model(paths.a, A), b: model(paths.b, B), c: model(paths.c, C) };
    const found = structureFindings(Object.values(base));
    const codes = new Set([...found.values()].flat().map((x) => x.code));
    for (const code of ['duplicate-id', 'unresolved-reference', 'dependency-cycle', 'orphan']) assert.ok(codes.has(code as Finding['code']), `the plan has ${code} findings`);
    const next = random(20261202);
    const edits: ((lines: string[], i: number) => void)[] = [
      (l, i) => l.splice(i, 0, '    # 备注'), // a comment line
      (l, i) => l.splice(i, 0, ''), // a blank line
      (l, i) => (l[i] = l[i].replace(/title: (.*)/, (_, t: string) => `title: ${t}（修订${'版'.repeat(next(4))}）`)),
      (l, i) => (l[i] = l[i].replace(/title: (.*)/, (_, t: string) => `title: ${t.slice(0, Math.max(1, t.length - 2))}`)),
      (l, i) => (l[i] === '' || l[i].trimStart().startsWith('#') ? l.splice(i, 1) : undefined),
      (l, i) => (l[i] = l[i].replace(/due: \d+/, `due: ${2025 + next(6)}`)),
      (l, i) => (l[i] = l[i] + (l[i].trim() ? '  # 注' : '')),
    ];
    let moved = 0;
    let ranAgain = 0;
    for (let k = 0; k < 1000; k++) {
      const which = next(2) === 0 ? 'a' : 'b';
      const lines = (which === 'a' ? A : B).split('\n');
      edits[next(edits.length)](lines, next(lines.length));
      const text = lines.join('\n');
      const edited = model(paths[which], text);
      if (!sameStructure(base[which], edited)) continue;
      const m = moveFindings(found, paths[which], base[which].parsed.text, text);
      if (!m) {
        ranAgain++;
        continue;
      }
      moved++;
      const fresh = structureFindings(Object.values({ ...base, [which]: edited }));
      assert.deepEqual(plain(m), plain(fresh), `edit ${k} of ${which}:\n${text}`);
    }
    assert.ok(moved > 300, `${moved} edits moved the findings (${ranAgain} ran the rules again)`);
    assert.ok(ranAgain > 50, `${ranAgain} edits touched a finding's line`);
  });
});
