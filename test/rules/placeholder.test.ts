import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkMemory, summary, MINIMAL_PLAN, repoRoot } from '../util/plan';
import { checkFolder } from '../util/examples';
import { PLACEHOLDER_PATTERN, isPlaceholder } from '../../server/src/engine/placeholders';

const only = { only: ['placeholder'] };
const TASK = (lead: string) => MINIMAL_PLAN.replace('    lead: 市发展改革委\n', `    lead: ${lead}\n`);

describe('placeholder', () => {
  it('reports each word a template leaves, alone or with a hint after it, on the value', () => {
    for (const v of ['TODO', 'todo', 'TBD', 'tbd', 'XXX', 'xxx', '待补充', '待定', '待填写', '待补充：牵头单位', '"TODO: ask the city"', '"TBD (2025)"', 'XXX局', '" 待定"']) {
      const f = checkMemory({ 'plan.pilot.yaml': TASK(v) }, only);
      assert.deepEqual(summary(f), ['placeholder@plan.pilot.yaml:14'], v);
      assert.equal(f[0].severity, 'warning');
      assert.equal(f[0].column, 11, v);
    }
  });

  it('names the entry and the field, and says what goes there', () => {
    const [f] = checkMemory({ 'plan.pilot.yaml': TASK('TODO') }, only);
    assert.equal(f.message, 'task `T-1`: `lead` is still a placeholder (`TODO`). Replace it with the lead department (牵头单位).');
    const [z] = checkMemory({ 'plan.pilot.yaml': TASK('待补充：牵头单位') }, { ...only, locale: 'zh-CN' });
    assert.equal(z.message, '任务 `T-1`：`lead` 仍是占位内容（`待补充：牵头单位`）。请将其替换为牵头单位。');
  });

  it('reports a figure written as a placeholder, with its unit, and no other rule judges it', () => {
    const plan = MINIMAL_PLAN.replace('baseline: { year: 2020, value: 15 }', 'baseline: { year: 2020, value: 待补充 }').replace('{ year: 2030, value: 25 }', '{ year: 2030, value: TBD }');
    const all = checkMemory({ 'plan.pilot.yaml': plan });
    assert.deepEqual(summary(all), ['placeholder@plan.pilot.yaml:22', 'placeholder@plan.pilot.yaml:25']);
    assert.equal(all[0].message, 'indicator `IND-1`: `baseline.value` is still a placeholder (`待补充`). Replace it with the actual value in the baseline year, a number in %.');
    assert.equal(all[1].message, 'indicator `IND-1`: `targets[1].value` is still a placeholder (`TBD`). Replace it with the target value, a number in %.');
    const [z] = checkMemory({ 'plan.pilot.yaml': plan }, { ...only, locale: 'zh-CN' });
    assert.equal(z.message, '指标 `IND-1`：`baseline.value` 仍是占位内容（`待补充`）。请将其替换为基期年份的实际值（数值，单位：%）。');
    const money = MINIMAL_PLAN.replace('baseYear: 2020\n', 'baseYear: 2020\ninvestmentTotal: { value: 待补充, unit: 亿元 }\n');
    const m = checkMemory({ 'plan.pilot.yaml': money });
    assert.deepEqual(summary(m), ['placeholder@plan.pilot.yaml:9']);
    assert.match(m[0].message, /^Plan `TEST`: `investmentTotal.value` is still a placeholder \(`待补充`\)\. Replace it with the total investment, a number in 亿元\.$/);
  });

  it('is the one finding on a placeholder where the schema wants something else, and says what it wants', () => {
    const cases: [string, string, number, RegExp][] = [
      ['area: energy-transition', 'area: 待补充', 13, /`area` is still a placeholder \(`待补充`\)\. Replace it with the task's area, one of `energy-transition`, `energy-efficiency`, .*(?: or `other`|…)\.$/],
      ['  - id: T-1\n', '  - id: 待补充\n', 11, /^task #1 of `tasks`: `id` is still a placeholder \(`待补充`\)\. Replace it with an ID of capital letters and digits/],
      ['baseline: { year: 2020,', 'baseline: { year: TODO,', 22, /`baseline.year` is still a placeholder \(`TODO`\)\. Replace it with the year\.$/],
      ['unit: "%"', 'unit: TODO', 20, /`unit` is still a placeholder \(`TODO`\)\. Replace it with the indicator's unit, one of `%`\.$/],
      ['indicators: [IND-1]', 'indicators: [TODO]', 15, /`indicators\[0\]` is still a placeholder \(`TODO`\)\. Replace it with the ID of an indicator\.$/],
      ['province: 广东省', 'province: 待定', 7, /`pilot.province` is still a placeholder \(`待定`\)\. Replace it with the province, one of `北京市`, .*, …\.$/],
    ];
    for (const [from, to, line, message] of cases) {
      const text = MINIMAL_PLAN.replace(from, to);
      assert.notEqual(text, MINIMAL_PLAN, from);
      // The indicator a placeholder stands for is an orphan: not what this test is about.
      const f = checkMemory({ 'plan.pilot.yaml': text }).filter((x) => x.code !== 'orphan');
      assert.deepEqual(summary(f), [`placeholder@plan.pilot.yaml:${line}`], to);
      assert.match(f[0].message, message, to);
    }
    const [z] = checkMemory({ 'plan.pilot.yaml': MINIMAL_PLAN.replace('area: energy-transition', 'area: 待补充') }, { ...only, locale: 'zh-CN' });
    assert.match(z.message, /^任务 `T-1`：`area` 仍是占位内容（`待补充`）。请将其替换为任务领域（可选值：`energy-transition`、.*(?:或`other`|…)）。$/);
    // Text in a figure that is no placeholder stays the schema's.
    assert.deepEqual(summary(checkMemory({ 'plan.pilot.yaml': MINIMAL_PLAN.replace('value: 15 }', 'value: 约15 }') })), ['schema@plan.pilot.yaml:22']);
    // `apiVersion` is api-version's.
    assert.deepEqual(summary(checkMemory({ 'plan.pilot.yaml': MINIMAL_PLAN.replace('pilot-plan/v1', 'TODO') })), ['api-version@plan.pilot.yaml:1']);
    // An ID that is a placeholder but a valid ID is the placeholder's.
    assert.deepEqual(summary(checkMemory({ 'plan.pilot.yaml': MINIMAL_PLAN.replace('id: TEST', 'id: TODO') })), ['placeholder@plan.pilot.yaml:3']);
  });

  it('does not take words that merely start like one, or mention one later, for a placeholder', () => {
    for (const v of ['TODOS', 'Todo list', 'TBD2', 'XXXL 公司', 'xxxx', '市发展改革委（待定事项由市政府协调）', '"see TODO"', '定待补充']) {
      assert.deepEqual(summary(checkMemory({ 'plan.pilot.yaml': TASK(v) }, only)), [], v);
    }
    assert.equal(isPlaceholder(42), false);
  });

  it('ignores extension keys, and keys', () => {
    const plan = MINIMAL_PLAN.replace('baseYear: 2020\n', 'baseYear: 2020\nx-review: TODO\nx-notes: { owner: 待定 }\n');
    assert.deepEqual(summary(checkMemory({ 'plan.pilot.yaml': plan }, only)), []);
  });

  it('reports list items and nested texts', () => {
    const plan = MINIMAL_PLAN.replace('    lead: 市发展改革委\n', '    lead: 市发展改革委\n    partners: [市能源局, 待补充]\n').replace('  name: 测试市\n', '  name: XXX市\n');
    const f = checkMemory({ 'plan.pilot.yaml': plan }, only);
    assert.deepEqual(summary(f), ['placeholder@plan.pilot.yaml:15', 'placeholder@plan.pilot.yaml:5']);
    assert.match(f.find((x) => x.line === 15)!.message, /`partners\[1\]` is still a placeholder \(`待补充`\)\. Replace it with a partner department/);
    assert.match(f.find((x) => x.line === 5)!.message, /^Plan `TEST`: `pilot.name` is still a placeholder \(`XXX市`\)/);
  });

  it('is silenced by a comment on the line above, and by the configuration', () => {
    const silenced = TASK('TODO').replace('    lead: TODO', '    # pilot-plan-disable-next-line placeholder\n    lead: TODO');
    assert.deepEqual(summary(checkMemory({ 'plan.pilot.yaml': silenced }, only)), []);
    assert.deepEqual(summary(checkMemory({ 'plan.pilot.yaml': TASK('TODO'), 'pilot-plan.config.yaml': 'rules:\n  placeholder: off\n' }, only)), []);
  });

  it('says nothing about a file with a syntax error, or data that is no mapping', () => {
    assert.deepEqual(summary(checkMemory({ 'plan.pilot.yaml': TASK('TODO') + 'oops: [\n' }, only)), []);
    assert.deepEqual(summary(checkMemory({ 'plan.pilot.yaml': '- TODO\n' }, only)), []);
  });

  it('is the pattern of the schemas\' placeholder, character for character', () => {
    const common = JSON.parse(fs.readFileSync(path.join(repoRoot(), 'schemas', 'common.schema.json'), 'utf8'));
    assert.equal(common.$defs.placeholder.pattern, PLACEHOLDER_PATTERN);
  });

  it('finds nothing in the example plans, real or broken for other rules', () => {
    const examples = path.join(repoRoot(), 'examples');
    // Every plan there but the one planted with placeholders.
    const found = checkFolder(examples).filter((f) => !f.path.startsWith('examples/broken/placeholder/')).flatMap((f) => f.findings.filter((x) => x.code === 'placeholder').map((x) => `${f.path}:${x.line} ${x.message}`));
    assert.deepEqual(found, []);
  });
});
