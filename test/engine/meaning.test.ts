/**
 * Matching by meaning (text/meaning.ts): one spelling for comparing, how
 * close a text is to names, the order "did you mean" offers candidates in,
 * the filterText of a completion item, and the schemas' `x-aliases` it reads.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import { FILTER_TEXT_LIMIT, comparable, confidentMatch, filterMatches, filterTextOf, meaningScore, rankByMeaning, shortForm } from '../../server/src/engine/text/meaning';
import { enumNames } from '../../server/src/engine/schema/schema-text';
import { schemaAt } from '../../server/src/engine/editor/schema-info';
import { repoRoot } from '../util/plan';

const AREA = schemaAt('Tasks', ['tasks', 0, 'area'])
  .enumValues!.map((v) => ({ value: String(v.value), names: v.names }));

const first = (text: string) => rankByMeaning(text, AREA)[0].value;

describe('meaning: one spelling to compare in', () => {
  it('short forms planners write, NFKC, lower case, no spaces or punctuation', () => {
    assert.equal(shortForm('单位地区生产总值能源消耗降低'), '单位GDP能耗降低');
    assert.equal(shortForm('单位地区生产总值二氧化碳排放降低'), '单位GDP碳排放降低');
    assert.equal(shortForm('CO₂排放'), 'CO2排放');
    assert.equal(comparable('Ｇｄｐ 能耗（降低）'), 'gdp能耗降低');
    assert.equal(comparable('节能降碳 · 增效'), '节能降碳增效');
  });
});

describe('meaning: how close a text is to names', () => {
  it('the same: 1; one holding the other: over 0.5, the nearer in length the more; pairs of characters shared: at most 0.5', () => {
    assert.equal(meaningScore('节能降碳', ['节能降碳']), 1);
    assert.equal(meaningScore('能耗', ['单位地区生产总值能源消耗降低', '能耗']), 1, 'the nearest name counts');
    const inside = meaningScore('节能', ['节能降碳增效']);
    assert.ok(inside > 0.5 && inside < 1, String(inside));
    assert.ok(meaningScore('节能', ['节能降碳']) > inside, 'nearer in length');
    assert.ok(meaningScore('单位GDP能耗', ['单位地区生产总值能源消耗降低']) > 0.5, 'through the short forms');
    const shared = meaningScore('低碳发展', ['能源绿色低碳转型']);
    assert.ok(shared > 0 && shared <= 0.5, String(shared));
    assert.equal(meaningScore('碳', ['碳汇能力巩固提升']), 0, 'one character is not a meaning');
    assert.equal(meaningScore('节能', []), 0);
    assert.equal(meaningScore('', ['节能']), 0);
  });

  it('ranks task areas by their Chinese titles and aliases, then by spelling', () => {
    assert.equal(first('节能降碳'), 'energy-efficiency');
    assert.equal(first('节能'), 'energy-efficiency');
    assert.equal(first('能源转型'), 'energy-transition');
    assert.equal(first('光伏'), 'energy-transition');
    assert.equal(first('建筑节能'), 'buildings', 'the whole alias over 节能 inside it');
    assert.equal(first('低碳交通'), 'transport');
    assert.equal(first('森林碳汇'), 'carbon-sink');
    assert.equal(first('energy saving'), 'energy-efficiency', 'English titles too');
    assert.equal(first('industy'), 'industry', 'spelling where nothing is meant');
    // Nothing in common: by spelling, then the schema's order.
    const none = rankByMeaning('zzz', AREA);
    assert.ok(none.every((r) => r.meaning === 0));
    assert.deepEqual(none.map((r) => r.distance), [...none.map((r) => r.distance)].sort((a, b) => a - b));
    assert.equal(none[0].value, 'other');
  });

  it('names a candidate with confidence only when it matches in meaning and alone', () => {
    assert.equal(confidentMatch(rankByMeaning('节能降碳', AREA)), 'energy-efficiency');
    assert.equal(confidentMatch(rankByMeaning('industy', AREA)), 'industry', 'a near English title (Industry)');
    assert.equal(confidentMatch(rankByMeaning('zzz', AREA)), undefined);
    const tie = rankByMeaning('碳排放', [
      { value: 'A', names: ['碳排放总量'] },
      { value: 'B', names: ['碳排放强度'] },
    ]);
    assert.equal(confidentMatch(tie), undefined, 'two as near: no guess');
  });
});

describe('meaning: filterText', () => {
  it('the inserted text, the Chinese names whole and short, the first apart, then English', () => {
    assert.equal(
      filterTextOf('IND-ENERGY-INTENSITY', ['单位地区生产总值能源消耗降低', 'Reduction of energy consumption per unit of GDP']),
      'IND-ENERGY-INTENSITY 单位地区生产总值能源消耗降低 单位GDP能耗降低 单 位 地 区 生 产 总 值 能 源 消 耗 降 低 Reduction of energy consumption per unit of GDP',
    );
    const area = AREA.find((a) => a.value === 'energy-efficiency')!;
    assert.equal(filterTextOf('energy-efficiency', area.names), 'energy-efficiency 节能降碳增效 节能 节能降碳 节能增效 能效 能效提升 能耗 用能 节 能 降 碳 增 效 Energy saving and efficiency');
    assert.equal(filterTextOf('other', []), 'other');
  });

  it('stays within what VS Code compares, the inserted text always first', () => {
    const long = '建设安全可靠的坚强智能电网，提升外来清洁电力消纳能力'.repeat(2);
    const f = filterTextOf('T-ENERGY-GRID', [long, 'Build a strong and reliable smart grid']);
    assert.ok(f.length <= FILTER_TEXT_LIMIT, String(f.length));
    assert.ok(f.startsWith('T-ENERGY-GRID '));
    assert.ok(!f.includes('建 设'), 'the name apart does not fit');
    assert.ok(f.endsWith(' Build a strong and reliable smart grid'), 'what fits after it is still added');
  });

  it('what VS Code keeps: the first character typed at a word start, the rest in order', () => {
    const f = filterTextOf('IND-ENERGY-INTENSITY', ['单位地区生产总值能源消耗降低']);
    assert.ok(filterMatches('能耗', f));
    assert.ok(filterMatches('单位GDP能耗', f));
    assert.ok(filterMatches('int', f));
    assert.ok(filterMatches('', f));
    assert.ok(!filterMatches('耗能', f), 'in order');
    assert.ok(!filterMatches('tensity', 'IND-ENERGY-INTENSITY'), 'not from inside a word');
    assert.ok(!filterMatches('能耗', 'IND-ENERGY-INTENSITY 单位地区生产总值能源消耗降低'), 'Chinese without the characters apart: inside a word');
    assert.ok(filterMatches('gdp', '单位GDP能耗'), 'a capital after other letters starts a word');
    assert.ok(filterMatches('能效', filterTextOf('energy-efficiency', AREA.find((a) => a.value === 'energy-efficiency')!.names)));
    assert.ok(!filterMatches('节能', filterTextOf('buildings', AREA.find((a) => a.value === 'buildings')!.names)), 'an alias (建筑节能) is not taken apart');
  });
});

describe('x-aliases in the schemas', () => {
  const dir = nodePath.join(repoRoot(), 'schemas');
  const withAliases: { where: string; schema: Record<string, unknown> }[] = [];
  const walk = (node: unknown, where: string) => {
    if (!node || typeof node !== 'object') return;
    if (!Array.isArray(node) && 'x-aliases' in node) withAliases.push({ where, schema: node as Record<string, unknown> });
    for (const [k, v] of Object.entries(node)) if (k !== 'x-aliases') walk(v, `${where}/${k}`);
  };
  for (const f of fs.readdirSync(dir).filter((f) => f.endsWith('.schema.json'))) walk(JSON.parse(fs.readFileSync(nodePath.join(dir, f), 'utf8')), f);

  it('sit on enums, name their values, and no alias names two values of one enum', () => {
    assert.ok(withAliases.length >= 8, String(withAliases.length));
    for (const { where, schema } of withAliases) {
      const values = schema.enum as unknown[];
      assert.ok(Array.isArray(values), `${where}: x-aliases beside an enum`);
      const aliases = schema['x-aliases'] as Record<string, string[]>;
      const owner = new Map<string, string>();
      for (const [value, names] of Object.entries(aliases)) {
        assert.ok(values.includes(value), `${where}: ${value} is a value of the enum`);
        assert.ok(Array.isArray(names) && names.length && names.every((n) => typeof n === 'string' && n.trim() === n && n), `${where}: ${value}`);
        for (const v of values) {
          if (v === value) continue;
          for (const n of names) assert.ok(!enumNames(schema, v).map(comparable).includes(comparable(n)), `${where}: ${n} names both ${value} and ${String(v)}`);
        }
        for (const n of names) {
          assert.ok(!owner.has(comparable(n)) || owner.get(comparable(n)) === value, `${where}: ${n} twice`);
          owner.set(comparable(n), value);
        }
      }
    }
  });

  it('every value of the enums planners pick from has a Chinese name, and the values added since v1 are found by the words plans use', () => {
    const at = (kind: 'Plan' | 'Tasks' | 'Indicators' | 'Projects', path: (string | number)[]) =>
      schemaAt(kind, path).enumValues!.map((v) => ({ value: String(v.value), names: v.names }));
    const lists = {
      mechanism: at('Plan', ['mechanisms', 0, 'type']),
      risk: at('Plan', ['risks', 0, 'category']),
      parkLevel: at('Plan', ['pilot', 'parkLevel']),
      area: AREA,
      nationalRef: at('Indicators', ['indicators', 0, 'nationalRef']),
      funding: at('Projects', ['projects', 0, 'funding', 0]),
    };
    for (const [name, values] of Object.entries(lists)) for (const v of values) assert.ok(v.names.some((n) => /\p{Script=Han}/u.test(n)), `${name}: ${v.value} has a Chinese name`);
    const top = (list: { value: string; names: string[] }[], text: string) => confidentMatch(rankByMeaning(text, list));
    assert.equal(top(lists.mechanism, '绿证交易'), 'green-power-trading');
    assert.equal(top(lists.mechanism, '节能审查'), 'energy-saving-review');
    assert.equal(top(lists.risk, '粮食安全'), 'food-security');
    assert.equal(top(lists.risk, '地方债务'), 'financial-debt');
    assert.equal(top(lists.area, '先行先试'), 'pilot-demonstration');
    assert.equal(top(lists.area, '农业农村'), 'agriculture-rural');
    assert.equal(top(lists.parkLevel, '国家级'), 'national');
    assert.equal(top(lists.nationalRef, '森林覆盖率'), 'forest-coverage');
  });

  it('are read with the enum titles as the names of a value', () => {
    assert.deepEqual(enumNames(schemaAt('Tasks', ['tasks', 0, 'area']).nodes.find((n) => Array.isArray(n.schema.enum))!.schema, 'energy-efficiency').slice(0, 4), [
      '节能降碳增效',
      'Energy saving and efficiency',
      '节能',
      '节能降碳',
    ]);
    assert.deepEqual(enumNames({ enum: ['a'] }, 'a'), []);
    assert.deepEqual(enumNames({ enum: ['a'], 'x-aliases': { toString: ['x'] } }, 'toString'), [], 'own keys only, of values of the enum');
  });
});
