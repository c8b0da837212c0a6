/**
 * Each kind of quick fix on a small plan: the fix a finding offers (by title),
 * the text it makes, and a check of that text: the finding is gone and no
 * error came. The broken examples (rule-fixes.test.ts) cover what they plant;
 * these cover the rest, and pin the exact edits.
 */
import * as assert from 'node:assert/strict';
import * as nodePath from 'node:path';
import { MINIMAL_PLAN } from '../util/plan';
import { applyFix, checkTree, errorCounts, fixesOf, type Tree } from '../util/fixes';
import type { QuickFix } from '../../server/src/engine/editor/quick-fixes';

const ROOT = '/mem/fixes';
const at = (rel: string) => nodePath.join(ROOT, rel);

/** The plan's files with one changed (a `from` → `to` replacement that must apply). */
function planWith(changes: [string, string][], rel = 'plan.pilot.yaml', extra: Tree = {}): Tree {
  let text = MINIMAL_PLAN;
  for (const [from, to] of changes) {
    assert.ok(text.includes(from), `not in the plan: ${from}`);
    text = text.replace(from, to);
  }
  const tree: Tree = { [at(rel)]: text };
  for (const [p, t] of Object.entries(extra)) tree[at(p)] = t;
  return tree;
}

/**
 * The fix titled `title` of the first `code` finding in `rel`; applied, the text is `expect`
 * (when given), that finding is gone and no code has more errors.
 */
function fixCase(tree: Tree, code: string, title: string, expect?: (before: string) => string, rel = 'plan.pilot.yaml'): { after: Tree; fix: QuickFix } {
  const before = checkTree(tree);
  const f = (before.findings.get(at(rel)) ?? []).find((x) => x.code === code);
  assert.ok(f, `no ${code} finding in ${rel}: ${[...before.findings.values()].flat().map((x) => x.code).join(', ')}`);
  const fixes = fixesOf(before, f, 'en', true);
  const fix = fixes.find((x) => x.title === title);
  assert.ok(fix, `no fix "${title}"; offered: ${fixes.map((x) => x.title).join(' | ')}`);
  // Silencing is always there, and always last.
  assert.match(fixes[fixes.length - 1].title, new RegExp(`^Disable ${code} for this line$`));
  const after = applyFix(tree, fix);
  if (expect) assert.equal(after[at(rel)], expect(tree[at(rel)]));
  const checked = checkTree(after);
  const count = (c: typeof before) => [...c.findings.values()].flat().filter((x) => x.code === code).length;
  assert.ok(count(checked) < count(before), `the ${code} finding stays: ${[...checked.findings.values()].flat().filter((x) => x.code === code).map((x) => x.message.id).join(', ')}`);
  const errorsBefore = errorCounts(before);
  for (const [c, n] of errorCounts(checked)) assert.ok(n <= (errorsBefore.get(c) ?? 0), `${n} ${c} errors after the fix, ${errorsBefore.get(c) ?? 0} before`);
  return { after, fix };
}

describe('quick fixes, case by case', () => {
  describe('yaml-syntax', () => {
    it('indents with spaces a line indented with a tab', () => {
      const tree = planWith([['    lead: 市发展改革委\n', '\tlead: 市发展改革委\n']]);
      fixCase(tree, 'yaml-syntax', 'Indent with spaces', (t) => t.replace('\tlead:', '    lead:'));
    });
    it('removes a repeated key with the lines of its value', () => {
      const tree = planWith([['    lead: 市发展改革委\n', '    lead: 市发展改革委\n    title: 重复\n']]);
      fixCase(tree, 'yaml-syntax', 'Remove the repeated `title`', (t) => t.replace('    title: 重复\n', ''));
      const block = planWith([['pilot:\n', 'pilot:\n  name: 旧名\n']]);
      // The second `name` is the repeat; the first stays.
      fixCase(block, 'yaml-syntax', 'Remove the repeated `name`', (t) => t.replace('  name: 测试市\n', ''));
    });
  });

  describe('schema', () => {
    it('removes an unknown key, with its block', () => {
      fixCase(planWith([['baseYear: 2020\n', 'baseYear: 2020\ncontact:\n  name: 张三\n  phone: 123\n']]), 'schema', 'Remove `contact`', (t) => t.replace('contact:\n  name: 张三\n  phone: 123\n', ''));
    });
    it('removes a key not allowed here', () => {
      fixCase(planWith([['  type: city\n', '  type: city\n  parkLevel: national\n']]), 'schema', 'Remove `parkLevel`', (t) => t.replace('  parkLevel: national\n', ''));
    });
    it('removes a repeated item of a list, with its comma', () => {
      fixCase(planWith([['targetYears: [2025, 2030]', 'targetYears: [2025, 2030, 2030]']]), 'schema', 'Remove the repeated `2030`', (t) => t.replace('[2025, 2030, 2030]', '[2025, 2030]'));
    });
    it('writes the number, the boolean or the list the text says', () => {
      const tasks = (field: string) => planWith([['    lead: 市发展改革委\n', `    lead: 市发展改革委\n    ${field}\n`]]);
      fixCase(tasks('due: 2026年'), 'schema', 'Change to 2026', (t) => t.replace('due: 2026年', 'due: 2026'));
      fixCase(tasks('partners: 市能源局、市工业和信息化局'), 'schema', 'Change to [市能源局, 市工业和信息化局]', (t) => t.replace('partners: 市能源局、市工业和信息化局', 'partners: [市能源局, 市工业和信息化局]'));
      fixCase(planWith([['    direction: increase\n', '    direction: increase\n    binding: 是\n']]), 'schema', 'Change to true', (t) => t.replace('binding: 是', 'binding: true'));
      fixCase(planWith([['value: 15 }', 'value: 约15 }']]), 'schema', 'Change to 15', (t) => t.replace('约15', '15'));
    });
    it('adds a missing key as 待补充, which only the placeholder rule then reports', () => {
      const { after } = fixCase(planWith([['    lead: 市发展改革委\n', '']]), 'schema', 'Add the missing `lead`', (t) => t.replace('    indicators: [IND-1]\n', '    indicators: [IND-1]\n    lead: 待补充\n'));
      const f = checkTree(after).findings.get(at('plan.pilot.yaml'))!;
      assert.deepEqual(f.map((x) => `${x.code} ${x.severity}`), ['placeholder warning']);
      const year = fixCase(planWith([['baseline: { year: 2020, value: 15 }', 'baseline: { value: 15 }']]), 'schema', 'Add the missing `year`', (t) => t.replace('baseline: { value: 15 }', 'baseline: { value: 15, year: 待补充 }'));
      assert.deepEqual(checkTree(year.after).findings.get(at('plan.pilot.yaml'))!.map((x) => x.code), ['placeholder']);
    });
  });

  describe('api-version', () => {
    it('writes pilot-plan/v1 for another version, and for none', () => {
      fixCase(planWith([['apiVersion: pilot-plan/v1', 'apiVersion: pilot-plan/v2']]), 'api-version', 'Change to `pilot-plan/v1`, the version this checker reads', (t) => t.replace('pilot-plan/v2', 'pilot-plan/v1'));
      fixCase(planWith([['apiVersion: pilot-plan/v1', 'apiVersion:']]), 'api-version', 'Change to `pilot-plan/v1`, the version this checker reads', (t) => t.replace('apiVersion:', 'apiVersion: pilot-plan/v1'));
    });
  });

  describe('duplicate-id', () => {
    it('renames a definition to a free ID, counting up the number after the last hyphen', () => {
      const tree = planWith([['    indicators: [IND-1]\n', '    indicators: [IND-1]\n  - id: T-1\n    title: 另一项\n    area: other\n    lead: 市发展改革委\n    indicators: [IND-1]\n  - id: T-2\n    title: 第三项\n    area: other\n    lead: 市发展改革委\n    indicators: [IND-1]\n']]);
      // T-2 is taken: the first definition gets T-3, the second T-4.
      fixCase(tree, 'duplicate-id', 'Rename this task to `T-3`', (t) => t.replace('  - id: T-1\n    title: 推进能源转型', '  - id: T-3\n    title: 推进能源转型'));
    });
  });

  describe('unresolved-reference and reference-kind', () => {
    it('removes a reference from a flow list, and a list of one with its key', () => {
      fixCase(planWith([['indicators: [IND-1]', 'indicators: [IND-1, IND-9]']]), 'unresolved-reference', 'Remove `IND-9` from `indicators`', (t) => t.replace('[IND-1, IND-9]', '[IND-1]'));
      fixCase(planWith([['    indicators: [IND-1]\n', '    indicators: [IND-1]\n    dependsOn: [T-9]\n']]), 'unresolved-reference', 'Remove `T-9` from `dependsOn`', (t) => t.replace('    dependsOn: [T-9]\n', ''));
    });
    it('removes an item of a block list', () => {
      fixCase(planWith([['    indicators: [IND-1]\n', '    indicators:\n      - IND-9\n      - IND-1\n']]), 'unresolved-reference', 'Remove `IND-9` from `indicators`', (t) => t.replace('      - IND-9\n', ''));
    });
    it('offers no removal of a required list\'s only item (a project\'s task)', () => {
      const tree = planWith([['indicators:\n  - id: IND-1', 'projects:\n  - id: P-1\n    name: 项目\n    tasks: [T-9]\nindicators:\n  - id: IND-1']]);
      const c = checkTree(tree);
      const f = c.findings.get(at('plan.pilot.yaml'))!.find((x) => x.code === 'unresolved-reference')!;
      assert.deepEqual(fixesOf(c, f).map((x) => x.title), ['Change to `T-1`', 'Create task `T-9` in plan.pilot.yaml']);
    });
    it('changes a reference of the wrong kind to the nearest ID of the right kind', () => {
      fixCase(planWith([['indicators: [IND-1]', 'indicators: [IND-1, T-1]']]), 'reference-kind', 'Remove `T-1` from `indicators`', (t) => t.replace('[IND-1, T-1]', '[IND-1]'));
      // IND-1 is in the list already: no replacement to offer but the removal.
      const c = checkTree(planWith([['indicators: [IND-1]', 'indicators: [IND-1, T-1]']]));
      const f = c.findings.get(at('plan.pilot.yaml'))!.find((x) => x.code === 'reference-kind')!;
      assert.deepEqual(fixesOf(c, f).map((x) => x.title), ['Remove `T-1` from `indicators`']);
      fixCase(planWith([['indicators: [IND-1]', 'indicators: [T-1]']]), 'reference-kind', 'Change to indicator `IND-1`', (t) => t.replace('indicators: [T-1]', 'indicators: [IND-1]'));
    });
  });

  describe('dependency-cycle', () => {
    it('removes the dependsOn entry that closes the cycle', () => {
      fixCase(planWith([['    indicators: [IND-1]\n', '    indicators: [IND-1]\n    dependsOn: [T-1]\n']]), 'dependency-cycle', 'Remove `T-1` from the `dependsOn` of `T-1`', (t) => t.replace('    dependsOn: [T-1]\n', ''));
    });
  });

  describe('target-direction', () => {
    it('sets the target to the baseline, or to the target before it, whichever binds', () => {
      fixCase(planWith([['{ year: 2025, value: 20 }', '{ year: 2025, value: 10 }']]), 'target-direction', 'Set the 2025 target to 15% (the baseline)', (t) => t.replace('{ year: 2025, value: 10 }', '{ year: 2025, value: 15 }'));
      fixCase(planWith([['{ year: 2030, value: 25 }', '{ year: 2030, value: 18 }']]), 'target-direction', 'Set the 2030 target to 20% (as the 2025 target)', (t) => t.replace('{ year: 2030, value: 18 }', '{ year: 2030, value: 20 }'));
    });
    it('offers no target that would put the next one against the direction', () => {
      // 2025 at 10 is below the baseline 15, and 2030 at 12 too: 15 for 2025 would leave 2030 behind it.
      const c = checkTree(planWith([['{ year: 2025, value: 20 }', '{ year: 2025, value: 10 }'], ['{ year: 2030, value: 25 }', '{ year: 2030, value: 12 }']]));
      const f = c.findings.get(at('plan.pilot.yaml'))!.filter((x) => x.code === 'target-direction');
      assert.equal(f.length, 2);
      assert.deepEqual(fixesOf(c, f[0]).map((x) => x.title), ['Go to `direction` of `IND-1`']);
      assert.deepEqual(fixesOf(c, f[1]).map((x) => x.title), ['Set the 2030 target to 15% (the baseline)', 'Go to `direction` of `IND-1`']);
    });
    it('flips the direction when every target goes the other way', () => {
      const tree = planWith([['    direction: increase\n', '    direction: decrease\n']]);
      fixCase(tree, 'target-direction', 'Change `direction` of `IND-1` to `increase` (every target moves that way)', (t) => t.replace('direction: decrease', 'direction: increase'));
      // Not when a target would still go against it.
      const mixed = checkTree(planWith([['    direction: increase\n', '    direction: decrease\n'], ['{ year: 2030, value: 25 }', '{ year: 2030, value: 10 }']]));
      const f = mixed.findings.get(at('plan.pilot.yaml'))!.find((x) => x.code === 'target-direction')!;
      assert.ok(!fixesOf(mixed, f).some((x) => x.title.startsWith('Change `direction`')));
    });
    it('shows the direction', () => {
      const c = checkTree(planWith([['{ year: 2025, value: 20 }', '{ year: 2025, value: 10 }']]));
      const f = c.findings.get(at('plan.pilot.yaml'))!.find((x) => x.code === 'target-direction')!;
      const go = fixesOf(c, f).find((x) => x.title === 'Go to `direction` of `IND-1`')!;
      const text = MINIMAL_PLAN;
      assert.deepEqual(go.edits, []);
      assert.equal(text.slice(go.show!.span.start, go.show!.span.end), 'increase');
    });
    it('speaks Chinese', () => {
      const c = checkTree(planWith([['{ year: 2025, value: 20 }', '{ year: 2025, value: 10 }']]));
      const f = c.findings.get(at('plan.pilot.yaml'))!.find((x) => x.code === 'target-direction')!;
      assert.deepEqual(fixesOf(c, f, 'zh-CN', true).map((x) => x.title), ['将 2025 年目标值改为 15%（与基期值相同）', '转到指标 `IND-1` 的 `direction`', '在此行停用规则 target-direction']);
    });
  });

  describe('value-range', () => {
    it('sets a percentage to the end of 0–100 it passed, and drops a minus sign', () => {
      fixCase(planWith([['{ year: 2030, value: 25 }', '{ year: 2030, value: 105 }']]), 'value-range', 'Set to 100%', (t) => t.replace('value: 105', 'value: 100'));
      fixCase(planWith([['baseYear: 2020\n', 'baseYear: 2020\ninvestmentTotal: { value: -3, unit: 亿元 }\n']]), 'value-range', 'Write 3 亿元 (without the minus sign)', (t) => t.replace('value: -3', 'value: 3'));
    });
  });

  describe('unit-mismatch', () => {
    it('makes a level in % a share when its values are percentages', () => {
      fixCase(planWith([['    type: share\n', '    type: level\n']]), 'unit-mismatch', 'Change `type` to `share` (a percentage)', (t) => t.replace('type: level', 'type: share'));
      const c = checkTree(planWith([['    type: share\n', '    type: level\n'], ['value: 25 }', 'value: 250 }']]));
      const f = c.findings.get(at('plan.pilot.yaml'))!.find((x) => x.code === 'unit-mismatch')!;
      assert.deepEqual(fixesOf(c, f).map((x) => x.title), []);
    });
  });

  describe('year-range', () => {
    it('sorts the target years, or removes one not after the base year', () => {
      fixCase(planWith([['targetYears: [2025, 2030]', 'targetYears: [2030, 2025]']]), 'year-range', 'Sort `targetYears`: [2025, 2030]', (t) => t.replace('[2030, 2025]', '[2025, 2030]'));
      fixCase(planWith([['targetYears: [2025, 2030]', 'targetYears: [2015, 2025, 2030]']]), 'year-range', 'Remove 2015 from `targetYears`', (t) => t.replace('[2015, 2025, 2030]', '[2025, 2030]'));
    });
    it('sets the horizon to the last target year, and a due year to the horizon', () => {
      fixCase(planWith([['targetYears: [2025, 2030]\n', 'targetYears: [2025, 2030]\nhorizon: 2028\n']]), 'year-range', 'Set `horizon` to 2030, the last target year', (t) => t.replace('horizon: 2028', 'horizon: 2030'));
      fixCase(planWith([['    lead: 市发展改革委\n', '    lead: 市发展改革委\n    due: 2035\n']]), 'year-range', 'Set to 2030, the horizon', (t) => t.replace('due: 2035', 'due: 2030'));
    });
    it('swaps a project\'s start and end', () => {
      const tree = planWith([['indicators:\n  - id: IND-1', 'projects:\n  - id: P-1\n    name: 项目\n    tasks: [T-1]\n    start: 2028-06\n    end: 2026-03\nindicators:\n  - id: IND-1']]);
      fixCase(tree, 'year-range', 'Swap `start` and `end`', (t) => t.replace('start: 2028-06\n    end: 2026-03', 'start: 2026-03\n    end: 2028-06'));
    });
  });

  describe('duplicate-plan', () => {
    it('moves the second Plan file into a folder of its own', () => {
      const tree = planWith([], 'plan.pilot.yaml', { 'superseded.pilot.yaml': 'apiVersion: pilot-plan/v1\nkind: Plan\nid: OLD\npilot:\n  name: 测试市\n  type: city\n  province: 广东省\nbaseYear: 2020\ntargetYears: [2025, 2030]\n' });
      const { after, fix } = fixCase(tree, 'duplicate-plan', 'Move this file into a folder of its own, `superseded/` (a plan of its own)', undefined, 'superseded.pilot.yaml');
      assert.deepEqual(fix.moveTo, { from: at('superseded.pilot.yaml'), to: at('superseded/superseded.pilot.yaml') });
      assert.deepEqual(Object.keys(after).sort(), [at('plan.pilot.yaml'), at('superseded/superseded.pilot.yaml')]);
    });
    it('offers no move for a file whose entries the plan refers to', () => {
      const second = 'apiVersion: pilot-plan/v1\nkind: Plan\nid: OLD\npilot:\n  name: 测试市\n  type: city\n  province: 广东省\nbaseYear: 2020\ntargetYears: [2025, 2030]\nindicators:\n  - id: IND-2\n    name: 指标\n    type: share\n    unit: "%"\n    direction: increase\n    baseline: { year: 2020, value: 1 }\n    targets: [{ year: 2030, value: 2 }]\n';
      const c = checkTree(planWith([['indicators: [IND-1]', 'indicators: [IND-1, IND-2]']], 'plan.pilot.yaml', { 'superseded.pilot.yaml': second }));
      const f = c.findings.get(at('superseded.pilot.yaml'))!.find((x) => x.code === 'duplicate-plan')!;
      assert.deepEqual(fixesOf(c, f).map((x) => x.title), []);
    });
  });
});
