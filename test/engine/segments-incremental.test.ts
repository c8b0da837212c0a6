/**
 * After an edit, segment() scans only the lines around it and takes the rest
 * of the segments from the previous version, moved. The result must be the
 * segmentation a whole scan of the new text gives: checked on thousands of
 * mutants of the examples and of a generated long Tasks file, from a previous
 * version segmented by segment() itself, by the block reader (a file's first
 * parse), and along chains of edits.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { segment, type Segmentation } from '../../server/src/engine/parse/segments';
import { readPlanFile } from '../../server/src/engine/parse/block-reader';
import { lineChangeOf as lineChange } from '../util/text-change';
import { repoRoot } from '../util/plan';
import { pilotFilesUnder } from '../util/examples';
import { mutate, rng } from '../util/mutants';

const texts = pilotFilesUnder(path.join(repoRoot(), 'examples')).map((f) => fs.readFileSync(f, 'utf8'));

/** A Tasks file of `n` tasks, with comments and blank lines between some. */
function longTasks(n: number): string {
  const lines = ['# 长文件', 'apiVersion: pilot-plan/v1', 'kind: Tasks', 'tasks:'];
  for (let i = 0; i < n; i++) {
    if (i % 7 === 3) lines.push('', `  # ---- ${i} ----`);
    lines.push(`  - id: T-${i}`, `    title: 任务 ${i}`, '    area: energy-transition', `    lead: 部门 ${i % 5}`, `    dependsOn: [T-${Math.max(0, i - 1)}]`);
  }
  lines.push('x-note: end', '');
  return lines.join('\n');
}

/** The incremental segmentation of `after` from `previous` (the segments of `before`), against a whole scan. */
function same(before: string, after: string, previous: Segmentation, label: string): Segmentation | undefined {
  const change = lineChange(before, after);
  if (!change) return previous;
  const whole = segment(after);
  const incremental = segment(after, undefined, { segmentation: previous, change });
  assert.deepEqual(incremental, whole, label);
  return whole;
}

describe('segments after an edit = segments of a whole scan', function () {
  this.timeout(120_000);
  const strays = ['x', ': 1', '- ', '  ', '#', 'key: v', '- id: T-9', '"'];

  it('10,000 mutants of the examples and of a long Tasks file, from segment() and from the block reader', () => {
    const r = rng(42);
    const pool = [...texts, longTasks(60), longTasks(200)];
    let compared = 0;
    for (let k = 0; k < 10_000; k++) {
      const before = pool[Math.floor(r() * pool.length)];
      let after = before;
      for (let e = 1 + Math.floor(r() * 2); e > 0; e--) after = mutate(after, r, k % 2 ? strays : undefined);
      const previous = segment(before);
      if (!previous) continue;
      same(before, after, previous, `mutant ${k} from segment():\n${after}`);
      const read = readPlanFile(before);
      if (read) same(before, after, read.segmentation, `mutant ${k} from the block reader:\n${after}`);
      compared++;
    }
    assert.ok(compared > 5000, `${compared} compared`);
  });

  it('chains of edits, each version segmented from the one before', () => {
    const r = rng(1202);
    for (let chain = 0; chain < 200; chain++) {
      let text = chain % 3 ? texts[Math.floor(r() * texts.length)] : longTasks(30);
      let seg = segment(text);
      for (let step = 0; step < 10 && seg; step++) {
        const next = mutate(text, r, strays);
        const whole = segment(next);
        const change = lineChange(text, next);
        const incremental = change ? segment(next, undefined, { segmentation: seg, change }) : seg;
        assert.deepEqual(incremental, whole, `chain ${chain}, step ${step}:\n${next}`);
        text = next;
        seg = whole;
      }
    }
  });

  it('an edit in the middle of a long list scans a few segments, not the file', () => {
    const before = longTasks(2000);
    const after = before.replace('title: 任务 1000\n', 'title: 任务 1000（修订）\n');
    const previous = segment(before)!;
    const inc = segment(after, undefined, { segmentation: previous, change: lineChange(before, after)! })!;
    assert.deepEqual(inc, segment(after));
    // Segments before the edit are the previous version's own objects: they were not scanned again.
    assert.equal(inc.segments[500], previous.segments[500]);
    assert.notEqual(inc.segments[1500], previous.segments[1500]);
  });
});
