/**
 * Quick fixes that fix: for every rule whose default severity is error, each
 * of its findings in examples/broken/<rule> is asked for its quick fixes (the
 * one that silences left out), each fix is applied to the texts and the plan
 * checked again: the rule has fewer findings there, and no code has more
 * errors than before. Every such rule has at least one fix that fixes.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { RULES } from '../../server/src/engine/rules/registry';
import { repoRoot } from '../util/plan';
import { applyFix, checkTree, errorCounts, fixesOf, treeOf } from '../util/fixes';
import type { Finding } from '../../server/src/engine/findings';

const total = (c: ReturnType<typeof checkTree>, code: string) => [...c.findings.values()].flat().filter((f) => f.code === code).length;

describe('quick fixes that fix: every error rule, on its broken example', function () {
  this.timeout(120000);
  for (const rule of RULES.filter((r) => r.defaultSeverity === 'error')) {
    it(`${rule.code}: each fix removes the finding and adds no error`, () => {
      const tree = treeOf(path.join(repoRoot(), 'examples', 'broken', rule.code));
      const before = checkTree(tree);
      const errors = errorCounts(before);
      const findings: Finding[] = [...before.findings.values()].flat().filter((f) => f.code === rule.code);
      assert.ok(findings.length > 0, 'the example has findings');
      let fixing = 0;
      const titles: string[] = [];
      for (const f of findings) {
        for (const fix of fixesOf(before, f)) {
          if (fix.show) continue; // a place to open, not a change
          const after = checkTree(applyFix(tree, fix));
          const where = `${path.basename(f.file)} "${fix.title}"`;
          assert.ok(total(after, rule.code) < total(before, rule.code), `${where}: the finding stays`);
          for (const [code, n] of errorCounts(after)) assert.ok(n <= (errors.get(code) ?? 0), `${where}: ${n} ${code} errors after, ${errors.get(code) ?? 0} before`);
          fixing++;
          titles.push(fix.title);
        }
      }
      assert.ok(fixing > 0, `no fix that fixes for ${rule.code}`);
      console.log(`      ${rule.code}: ${fixing} fixes — ${[...new Set(titles)].slice(0, 6).join(' | ')}`);
    });
  }
});
