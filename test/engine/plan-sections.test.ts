/**
 * Format v1.1's Plan sections through the engine: the fixture with every section checks clean;
 * reforms and technology are entities whose `tasks` and `projects` are references (duplicate IDs,
 * unresolved references and the wrong kind are found; definition, references and rename reach
 * them); the new amounts' units are unit-mismatch's; completion and hover of the new keys and
 * values come from the schema, Chinese text finding values.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import { completionsAt, type CompletionCandidate } from '../../server/src/engine/editor/completion';
import { hoverAt } from '../../server/src/engine/editor/hover';
import { definitionsOf, idAt, referencesOf, renameEdits } from '../../server/src/engine/editor/navigation';
import { documentSymbols } from '../../server/src/engine/editor/symbols';
import type { EditorPlan } from '../../server/src/engine/editor/context';
import type { Locale } from '../../server/src/engine/i18n/messages';
import { parseText } from '../../server/src/engine/parse/load';
import { buildFileModel } from '../../server/src/engine/plan/model';
import { PlanIndex } from '../../server/src/engine/plan/plan-index';
import { checkMemory, repoRoot, summary, ROOT } from '../util/plan';

const FIXTURE = fs.readFileSync(nodePath.join(repoRoot(), 'test', 'fixtures', 'plan-sections', 'plan.pilot.yaml'), 'utf8');
const PLAN = `${ROOT}/plan.pilot.yaml`;

function planOf(text: string): EditorPlan {
  const index = new PlanIndex(ROOT);
  index.setFile(buildFileModel(parseText(PLAN, text)));
  return { root: ROOT, index, lastGood: () => undefined };
}

function edit(from: string, to: string, text = FIXTURE): string {
  assert.ok(text.includes(from), `not in the fixture: ${from}`);
  return text.replace(from, to);
}

/** What VS Code keeps of a candidate for the word typed: its characters in order in the filterText, from a word start. */
function editorKeeps(c: CompletionCandidate, word: string): boolean {
  const pattern = [...word].map((ch) => ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*');
  return new RegExp(`(?:^|[\\s\\-_./:])${pattern}`, 'iu').test(c.filterText ?? c.label);
}

function complete(textWithCursor: string, locale: Locale = 'zh-CN'): CompletionCandidate[] {
  const offset = textWithCursor.indexOf('|');
  const text = textWithCursor.slice(0, offset) + textWithCursor.slice(offset + 1);
  const plan = planOf(text);
  return completionsAt({ path: PLAN, model: plan.index.file(PLAN)! }, plan, offset, locale);
}

function hover(text: string, needle: string, delta: number, locale: Locale): string {
  const plan = planOf(text);
  const model = plan.index.file(PLAN)!;
  const at = text.indexOf(needle);
  assert.ok(at >= 0, needle);
  return hoverAt({ path: PLAN, model }, plan, at + delta, locale)?.markdown ?? '';
}

describe('format v1.1: the Plan file\'s new sections', () => {
  it('the fixture with every new section checks clean, in every rule', () => {
    assert.deepEqual(summary(checkMemory({ 'plan.pilot.yaml': FIXTURE })), []);
  });

  it('a plan of v1 without the new sections is unchanged: still clean', () => {
    const v1 = FIXTURE.replace(/^document:\n(?: .*\n)+/m, '').replace(/^baseline:\n(?: .*\n)+/m, '').replace(/^trend:\n(?: .*\n)+/m, '').replace(/^reforms:\n(?: .*\n)+/m, '').replace(/^technology:\n(?: .*\n)+/m, '').replace(/^safeguards:\n(?: .*\n)+/m, '');
    assert.ok(!/^(document|baseline|trend|reforms|technology|safeguards):/m.test(v1));
    assert.deepEqual(summary(checkMemory({ 'plan.pilot.yaml': v1 })), []);
  });

  it('the schema checks the new shapes: enums, required keys, dates, shares, series years, the new action fields', () => {
    const cases: [string, string, RegExp][] = [
      ['  status: approved\n', '  status: final\n', /`final`.*draft/],
      ['  issued: 2024-05-20\n', '  issued: 2024-13-20\n', /`document.issued`: `2024-13-20` is not a date\. Write it as YYYY-MM-DD/],
      ['    - title: 国家碳达峰试点建设方案\n', '    - number: 发改环资〔2023〕1409号\n', /title/],
      ['{ source: coal, share: 28.5 }', '{ source: coke, share: 28.5 }', /coke/],
      ['{ sector: other, share: 2 }', '{ sector: other, share: 102 }', /share/],
      ['values: { 2020: 12000, 2025: 13500, 2030: 14200 }', 'values: { 2020: 12000, 二〇二五: 13500, 2030: 14200 }', /the key `二〇二五` is not a year\. The keys of `trend\.scenarios\[0\]\.emissions\.values` are years/],
      ['    type: key-technology\n', '    type: lab\n', /`lab`/],
      ['  - type: funding\n', '  - type: money\n', /`money`/],
      ['    startYear: 2024\n', '    startYear: 二〇二四\n', /startYear/],
      ['  population: { value: 1800, unit: 万人 }', '  population: { value: 1800, unit: 万户 }', /万户/],
    ];
    for (const [from, to, message] of cases) {
      const f = checkMemory({ 'plan.pilot.yaml': edit(from, to) });
      assert.deepEqual(f.map((x) => x.code), ['schema'], `${to}: ${f.map((x) => `${x.code} ${x.message}`).join(' | ')}`);
      assert.match(f[0].message, message, to);
    }
  });

  it('a wrong unit of the new amounts and series is unit-mismatch\'s, on the unit', () => {
    const cases: [string, string, string][] = [
      ['total: { value: 6000, unit: 万tce }', 'total: { value: 6000, unit: 万吨 }', 'baseline.energy.total'],
      ['total: { value: 1.2, unit: 亿tCO2 }', 'total: { value: 1.2, unit: 亿tCO2e }', 'baseline.emissions.total'],
      ['indirect: { value: 0.3, unit: 亿tCO2 }', 'indirect: { value: 0.3, unit: 万tce }', 'baseline.emissions.indirect'],
      ['gdp: { value: 28000, unit: 亿元 }', 'gdp: { value: 28000, unit: 亿美元 }', 'baseline.gdp'],
      ['        unit: 万tce\n', '        unit: 万tCO2\n', 'trend.scenarios[1].energy'],
    ];
    for (const [from, to, field] of cases) {
      const text = edit(from, to);
      const f = checkMemory({ 'plan.pilot.yaml': text });
      assert.deepEqual(f.map((x) => x.code), ['unit-mismatch'], `${to}: ${f.map((x) => x.message).join(' | ')}`);
      assert.ok(f[0].message.includes(`\`${field}\``), f[0].message);
      assert.equal(f[0].line, FIXTURE.slice(0, FIXTURE.indexOf(from)).split('\n').length, to);
    }
  });

  it('a placeholder in a share or a series is the placeholder rule\'s, and the sums leave it out', () => {
    const f = checkMemory({ 'plan.pilot.yaml': edit('{ source: coal, share: 28.5 }', '{ source: coal, share: 待补充 }') });
    assert.deepEqual(f.map((x) => x.code), ['placeholder']);
    assert.match(f[0].message, /`baseline\.energy\.structure\[0\]\.share` is still a placeholder .*the share in % \(0–100\)/);
    const series = checkMemory({ 'plan.pilot.yaml': edit('values: { 2020: 12000, 2025: 13500, 2030: 14200 }', 'values: { 2020: 12000, 2025: 待补充, 2030: 14200 }') }, { locale: 'zh-CN' });
    assert.deepEqual(series.map((x) => x.code), ['placeholder']);
    assert.match(series[0].message, /该年的数值/);
    const issued = checkMemory({ 'plan.pilot.yaml': edit('  issued: 2024-05-20\n', '  issued: 待补充\n') });
    assert.deepEqual(issued.map((x) => x.code), ['placeholder'], 'a placeholder date is no schema error');
    assert.match(issued[0].message, /the date of issue, YYYY-MM-DD/);
  });

  describe('reforms and technology are entities with references', () => {
    it('their IDs share the plan\'s namespace: a reform and a technology item with one ID are both duplicate-id', () => {
      const text = edit('  - id: ST-CCUS\n', '  - id: RF-CARBON-ACCOUNT\n');
      const f = checkMemory({ 'plan.pilot.yaml': text });
      assert.deepEqual(f.map((x) => x.code), ['duplicate-id', 'duplicate-id']);
      assert.match(f[0].message, /also as a technology item/);
      const zh = checkMemory({ 'plan.pilot.yaml': text }, { locale: 'zh-CN' });
      assert.match(zh[0].message, /科技创新/);
      assert.match(zh[1].message, /改革创新点/);
    });
    it('`tasks` must name tasks and `projects` projects: unresolved-reference and reference-kind', () => {
      const text = edit('    projects: [P-VPP-01]\n', '    projects: [T-ENERGY-01, P-NOPE]\n');
      const f = checkMemory({ 'plan.pilot.yaml': text });
      assert.deepEqual(f.map((x) => x.code), ['reference-kind', 'unresolved-reference']);
      assert.match(f[0].message, /`T-ENERGY-01` is a task, but `projects` expects the ID of a project/);
      const tech = checkMemory({ 'plan.pilot.yaml': edit('    tasks: [T-ENERGY-01]\nsafeguards:', '    tasks: [P-VPP-01]\nsafeguards:') });
      assert.deepEqual(tech.map((x) => x.code), ['reference-kind']);
      assert.match(tech[0].message, /`P-VPP-01` is a project, but `tasks` expects the ID of a task/);
    });
    it('go to definition, find references and rename reach them', () => {
      const plan = planOf(FIXTURE);
      const model = plan.index.file(PLAN)!;
      // From the reference in the technology item to the task's definition.
      const techRef = FIXTURE.indexOf('T-ENERGY-01', FIXTURE.indexOf('id: ST-CCUS'));
      const at = idAt(model, techRef + 2);
      assert.equal(at?.role, 'reference');
      assert.deepEqual(definitionsOf(plan, 'T-ENERGY-01').map((d) => d.entity.kind), ['task']);
      const refs = referencesOf(plan, 'T-ENERGY-01').map((r) => `${r.reference.from.kind}.${r.reference.field}`).sort();
      assert.deepEqual(refs, ['project.tasks', 'reform.tasks', 'technology.tasks']);
      assert.deepEqual(referencesOf(plan, 'P-VPP-01').map((r) => `${r.reference.from.kind}.${r.reference.field}`), ['reform.projects']);
      // The reform's own ID is a definition of kind reform.
      const def = idAt(model, FIXTURE.indexOf('RF-CARBON-ACCOUNT') + 3);
      assert.equal(def?.role, 'definition');
      assert.equal(def?.entity?.kind, 'reform');
      // Renaming the task renames the references in the reform and the technology item.
      const edits = renameEdits(plan, 'T-ENERGY-01', 'T-ENERGY-99');
      let renamed = FIXTURE;
      for (const e of [...edits].sort((a, b) => b.start - a.start)) renamed = renamed.slice(0, e.start) + e.newText + renamed.slice(e.end);
      assert.equal(renamed, FIXTURE.split('T-ENERGY-01').join('T-ENERGY-99'));
      assert.deepEqual(summary(checkMemory({ 'plan.pilot.yaml': renamed })), []);
    });
    it('the outline lists them, each by ID with its title', () => {
      const model = planOf(FIXTURE).index.file(PLAN)!;
      const lists = documentSymbols(model, 'en')[0].children;
      const reforms = lists.find((l) => l.name === 'reforms')!;
      assert.deepEqual(reforms.children.map((c) => [c.name, c.detail, c.kind]), [['RF-CARBON-ACCOUNT', '建立产品碳足迹核算制度', 'reform']]);
      assert.deepEqual(lists.find((l) => l.name === 'technology')!.children.map((c) => c.kind), ['technology']);
    });
  });

  describe('editor: completion and hover from the schema', () => {
    it('`safeguards: - type: 资金` offers `funding` (its title 资金保障), and not the others', () => {
      const items = complete(edit('  - type: funding\n', '  - type: 资金|\n'));
      const funding = items.find((c) => c.label === 'funding');
      assert.ok(funding, items.map((c) => c.label).join(' '));
      assert.ok(editorKeeps(funding, '资金'), funding.filterText);
      assert.deepEqual(items.filter((c) => editorKeeps(c, '资金')).map((c) => c.label), ['funding']);
      assert.equal(funding.description, '资金保障');
      // By an alias of the schema too: 考核 finds `evaluation`.
      assert.deepEqual(complete(edit('  - type: funding\n', '  - type: 考核|\n')).filter((c) => editorKeeps(c, '考核')).map((c) => c.label), ['evaluation']);
    });
    it('a technology item\'s `type` and an energy `source` by Chinese text; the new top-level keys by their titles', () => {
      assert.deepEqual(complete(edit('    type: key-technology\n', '    type: 示范|\n')).filter((c) => editorKeeps(c, '示范')).map((c) => c.label), ['demonstration']);
      assert.deepEqual(complete(edit('{ source: oil, share: 24 }', '{ source: 天然|, share: 24 }')).filter((c) => editorKeeps(c, '天然')).map((c) => c.label), ['natural-gas']);
      const withoutSafeguards = FIXTURE.replace(/^safeguards:\n(?: .*\n)+/m, '');
      const keys = complete(withoutSafeguards + '保障|\n').filter((c) => editorKeeps(c, '保障')).map((c) => c.label);
      assert.ok(keys.includes('safeguards'), keys.join(' '));
      assert.ok(!keys.includes('risks'), keys.join(' '));
    });
    it('a new entry of `reforms`, `technology` and `safeguards` is offered as a snippet with a fresh ID', () => {
      const items = complete(edit('safeguards:\n', 'safeguards:\n  - |\n'), 'en');
      const snippet = items.find((c) => c.kind === 'snippet' && /New safeguard/.test(c.label));
      assert.ok(snippet, items.map((c) => c.label).join(' | '));
      assert.match(snippet.insertText, /^type: \$\{1\|organization,funding,evaluation,policy,talent,publicity\|\}/);
      const tech = complete(edit('technology:\n', 'technology:\n  - |\n'), 'en').find((c) => /New technology item/.test(c.label));
      assert.ok(tech);
      assert.match(tech.insertText, /^id: \$\{1:ST-CCUS-?\w*|^id: \$\{1:ST-NEW-1\}/);
    });
    it('hover on `document.number` shows its description, in Chinese and English', () => {
      const zh = hover(FIXTURE, '  number: 示府', 4, 'zh-CN');
      assert.match(zh, /文号/);
      assert.match(zh, /方案的发文字号（文号）/);
      const en = hover(FIXTURE, '  number: 示府', 4, 'en');
      assert.match(en, /document number/);
      // A value of an enum: its title and description.
      assert.match(hover(FIXTURE, 'type: organization', 8, 'zh-CN'), /组织领导/);
    });
  });
});
