import * as assert from 'node:assert/strict';
import * as nodePath from 'node:path';
import { checkMemory, MINIMAL_PLAN, ROOT } from '../util/plan';
import { Workspace } from '../../server/src/engine/plan/workspace';
import { MemoryFileHost } from '../../server/src/engine/plan/memory-host';
import { checkFiles } from '../../server/src/engine/checker';
import { formatMessage } from '../../server/src/engine/i18n/messages';
import type { FindingData } from '../../server/src/engine/findings';

const only = { only: ['schema'] };
const at = (files: Record<string, string>) => checkMemory(files, only).map((f) => `${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.message}`);

/** The schema findings of an in-memory plan with their data (the quick fixes' suggestions), messages in English. */
function schemaFindings(files: Record<string, string>): { message: string; data?: FindingData }[] {
  const abs = Object.fromEntries(Object.entries(files).map(([p, t]) => [nodePath.join(ROOT, p), t]));
  const results = checkFiles(new Workspace(new MemoryFileHost(abs)), Object.keys(abs));
  return results.flatMap((r) => r.findings.filter((f) => f.code === 'schema').map((f) => ({ message: formatMessage(f.message, 'en'), data: f.data })));
}

describe('schema', () => {
  it('unknown key: on the key, with "did you mean"', () => {
    const f = checkMemory({ 'plan.pilot.yaml': MINIMAL_PLAN.replace('    lead:', '    leed:') }, only);
    assert.equal(f.length, 2, JSON.stringify(f)); // the unknown key and the missing `lead`
    const unknown = f.find((x) => /unknown key/.test(x.message))!;
    assert.equal(unknown.line, 14);
    assert.equal(unknown.column, 5);
    assert.equal(unknown.endColumn, 9);
    assert.match(unknown.message, /task `T-1`: unknown key `leed`\. Did you mean `lead`\?/);
    const missing = f.find((x) => /lacks/.test(x.message))!;
    assert.equal(missing.line, 11, 'missing key: on the entry');
    assert.match(missing.message, /`lead`/);
  });
  it('wrong enum: on the value, with the nearest value suggested', () => {
    const f = checkMemory({ 'plan.pilot.yaml': MINIMAL_PLAN.replace('area: energy-transition', 'area: energy-transtion') }, only);
    assert.equal(f.length, 1);
    assert.equal(f[0].line, 13);
    assert.equal(f[0].column, 11);
    assert.match(f[0].message, /Did you mean `energy-transition`/);
  });
  it('a value that is not text is named as YAML writes it, not `[object Object]` or `energy,efficiency`', () => {
    const shown = (area: string) => checkMemory({ 'plan.pilot.yaml': MINIMAL_PLAN.replace('area: energy-transition', `area: ${area}`) }, only).map((f) => f.message).join('\n');
    assert.match(shown('{sector: energy}'), /`\{sector: energy\}` is not allowed/);
    assert.match(shown('[energy, efficiency]'), /`\[energy, efficiency\]` is not allowed/);
    assert.match(shown('[1, "2", null, .nan]'), /`\[1, "2", null, \.nan\]` is not allowed/);
    assert.match(shown(`[${'x, '.repeat(40)}y]`), /`\[x, x, x, x, x, x, …\]` is not allowed/);
    assert.match(shown('""'), /`""` is not allowed/);
  });
  it('wrong type names what was expected', () => {
    const f = at({ 'plan.pilot.yaml': MINIMAL_PLAN.replace('baseYear: 2020', 'baseYear: "2020年"') });
    assert.equal(f.length, 1, f.join('\n'));
    assert.match(f[0], /^8:11-8:18 .*`baseYear` must be a whole number, not text/);
  });
  it('bad ID pattern suggests a fixed ID', () => {
    const f = checkMemory({ 'plan.pilot.yaml': MINIMAL_PLAN.replace('id: T-1\n', 'id: t_1\n').replace('[IND-1]\n', '[IND-1]\nprojects: []\n') }, only);
    assert.equal(f.length, 1, JSON.stringify(f));
    assert.match(f[0].message, /Did you mean `T-1`/);
  });
  it('"did you mean" by meaning: a value written as its Chinese title or an alias, a key as its title', () => {
    const raw = (text: string) => schemaFindings({ 'plan.pilot.yaml': text });
    const area = raw(MINIMAL_PLAN.replace('area: energy-transition', 'area: 节能降碳'));
    assert.equal(area.length, 1);
    assert.match(area[0].message, /`节能降碳` is not allowed for `area`\. Did you mean `energy-efficiency`\? Allowed: `energy-transition`, `energy-efficiency`/, 'the allowed values stay in their order');
    // The quick fixes: every value, nearest in meaning first, then by spelling.
    const suggestions = area[0].data!.suggestions!;
    assert.equal(suggestions.length, 12, 'the nearest twelve of the areas');
    assert.equal(suggestions[0], 'energy-efficiency');
    assert.equal(raw(MINIMAL_PLAN.replace('area: energy-transition', 'area: 建筑节能'))[0].data!.suggestions![0], 'buildings');
    // A misspelling stays one fix.
    assert.deepEqual(raw(MINIMAL_PLAN.replace('area: energy-transition', 'area: energy-transtion'))[0].data!.suggestions, ['energy-transition']);
    // Nothing meant, nothing near: no guess, every value by spelling.
    const none = raw(MINIMAL_PLAN.replace('area: energy-transition', 'area: zzz'))[0];
    assert.doesNotMatch(none.message, /Did you mean/);
    assert.equal(none.data!.suggestions!.length, 12);
    assert.match(raw(MINIMAL_PLAN.replace('province: 广东省', 'province: 广东'))[0].message, /Did you mean `广东省`\?/);
    assert.match(raw(MINIMAL_PLAN.replace('{ year: 2030, value: 25 }', '{ year: 2030, value: 25, comparator: 左右 }'))[0].message, /Did you mean `~`\?/);
    const key = raw(MINIMAL_PLAN.replace('    lead:', '    牵头部门:')).find((f) => /unknown key/.test(f.message))!;
    assert.match(key.message, /unknown key `牵头部门`\. Did you mean `lead`\?/);
    assert.deepEqual(key.data!.suggestions, ['lead']);
  });
  it('a Chinese name written for an ID gets no ID made of what is left of it', () => {
    const f = checkMemory({ 'plan.pilot.yaml': MINIMAL_PLAN.replace('[IND-1]\n', '[单位GDP能耗]\n') }, only);
    assert.equal(f.length, 1, JSON.stringify(f));
    assert.match(f[0].message, /`单位GDP能耗` is not a valid ID/);
    assert.doesNotMatch(f[0].message, /Did you mean/);
  });
  it('a park must give parkLevel, a city must not', () => {
    const park = checkMemory({ 'plan.pilot.yaml': MINIMAL_PLAN.replace('type: city', 'type: park') }, only);
    assert.equal(park.length, 1, JSON.stringify(park));
    assert.match(park[0].message, /parkLevel/);
    const city = checkMemory({ 'plan.pilot.yaml': MINIMAL_PLAN.replace('type: city', 'type: city\n  parkLevel: national') }, only);
    assert.equal(city.length, 1, JSON.stringify(city));
    assert.equal(city[0].line, 7);
  });
  it('a repeated list item: on the last repeat, naming it (IDs, names and years alike)', () => {
    const text = MINIMAL_PLAN.replace('targetYears: [2025, 2030]', 'targetYears: [2025, 2030, 2025]')
      .replace('    indicators: [IND-1]\n', '    partners: [市财政局, 市统计局, 市财政局, 市统计局]\n    indicators: [IND-1, IND-1]\n');
    const f = at({ 'plan.pilot.yaml': text });
    assert.deepEqual(f, [
      '9:27-9:31 `targetYears`: `2025` appears twice in `targetYears`. Remove the repeat.',
      // One finding per list, as Ajv reports it: the last item that repeats an earlier one.
      '15:34-15:38 task `T-1`: `市统计局` appears twice in `partners`. Remove the repeat.',
      '16:25-16:30 task `T-1`: `IND-1` appears twice in `indicators`. Remove the repeat.',
    ]);
  });
  it('items of the wrong type are the type check\'s, not counted as repeats', () => {
    const text = MINIMAL_PLAN.replace('    indicators: [IND-1]\n', '    partners: [1, 市财政局, 1]\n    indicators: [IND-1]\n');
    const f = at({ 'plan.pilot.yaml': text });
    assert.ok(f.length >= 1 && f.every((x) => !/appears twice/.test(x)), f.join('\n'));
  });
  it('a top level that is not a mapping gets one finding', () => {
    for (const text of ['', '- a\n- b\n', 'just text\n', '# only a comment\n']) {
      const f = checkMemory({ 'x.pilot.yaml': text }, only);
      assert.equal(f.length, 1, `${JSON.stringify(text)}: ${JSON.stringify(f)}`);
      assert.match(f[0].message, /must be a mapping/);
    }
  });
  it('several missing keys of one entry make one finding', () => {
    const f = checkMemory({ 'plan.pilot.yaml': MINIMAL_PLAN.replace('    title: 推进能源转型\n    area: energy-transition\n', '') }, only);
    assert.equal(f.length, 1, JSON.stringify(f));
    assert.match(f[0].message, /`title` and `area`/);
  });
  it('an unknown kind is reported on the kind', () => {
    const f = checkMemory({ 'x.pilot.yaml': 'apiVersion: pilot-plan/v1\nkind: Task\ntasks: []\n' }, only);
    assert.ok(f.length >= 1, JSON.stringify(f));
    assert.equal(f[0].line, 2);
    assert.match(f[0].message, /Tasks/);
  });
});
