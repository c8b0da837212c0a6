/**
 * Units (server/src/engine/units.ts): every spelling of a unit converts alike (240 万千瓦 = 2.4 GW),
 * the schemas' unit enums are exactly units.ts's spellings with descriptions naming each one's
 * equals, the rules that compare amounts convert Chinese spellings, and a plan typed from an
 * official text (test/fixtures/official-text) validates against the published schemas.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import { allowedUnits, amountOf, canonicalUnit, factorText, INDICATOR_UNITS, toBase, unitMarkdown, unitOf, UNITS, type QuantityField } from '../../server/src/engine/units';
import { checkMemory, MINIMAL_PLAN, repoRoot, summary } from '../util/plan';

const root = repoRoot();
const schema = (f: string) => JSON.parse(fs.readFileSync(path.join(root, 'schemas', f), 'utf8'));

/** The quantity each of common.schema.json's quantity definitions holds. */
const DEFS: Record<string, QuantityField> = {
  money: 'investment',
  capacity: 'capacity',
  reduction: 'reduction',
  emissionLevel: 'emission',
  energy: 'energy',
  electricity: 'electricity',
};

describe('units', () => {
  it('converts every spelling of a unit alike: 240 万千瓦 = 2.4 GW', () => {
    assert.equal(toBase('capacity', 240, '万千瓦'), 2400);
    assert.equal(toBase('capacity', 240, '万kW'), 2400);
    assert.equal(toBase('capacity', 2.4, 'GW'), 2400);
    assert.equal(toBase('capacity', 2.4, '吉瓦'), 2400);
    assert.equal(toBase('capacity', 2.4, '百万千瓦'), 2400);
    assert.equal(toBase('capacity', 12, '亿千瓦'), toBase('capacity', 1200, 'GW'));
    assert.equal(toBase('capacity', 5000, '千瓦'), 5);
    assert.equal(toBase('capacity', 5, '兆瓦'), 5);
    assert.equal(toBase('electricity', 20, '万千瓦时'), 200);
    assert.equal(toBase('electricity', 2.4, '亿千瓦时'), toBase('electricity', 240, 'GWh'));
    assert.equal(toBase('energy', 350, '万吨标准煤'), 3_500_000);
    assert.equal(toBase('energy', 1, '亿吨标准煤'), toBase('energy', 1e4, '万tce'));
    assert.equal(toBase('emission', 1.6, '亿吨二氧化碳'), 1.6e8);
    assert.equal(toBase('reduction', 3.2, '万吨二氧化碳/年'), 32_000);
    assert.equal(amountOf('capacity', { value: 240, unit: '万千瓦' }), amountOf('capacity', { value: 2.4, unit: 'GW' }));
    // Each spelling converts exactly as its canonical form.
    for (const field of Object.keys(UNITS) as QuantityField[]) {
      for (const u of UNITS[field].units) for (const s of u.equals) assert.equal(toBase(field, 7, s), toBase(field, 7, u.unit), `${field} ${s}`);
    }
    // A unit of another quantity is not converted.
    assert.equal(toBase('capacity', 1, '万千瓦时'), undefined);
    assert.equal(toBase('capacity', 1, '万吨标准煤'), undefined);
  });

  it('keeps a CO2-equivalent apart from CO2: allowed for a reduction, never converted to CO2', () => {
    assert.ok(allowedUnits('reduction').includes('万吨二氧化碳当量/年'));
    assert.ok(allowedUnits('reduction').includes('tCO2e/a'));
    assert.equal(toBase('reduction', 1, '万tCO2e/a'), undefined);
    assert.equal(toBase('reduction', 1, '万吨二氧化碳当量/年'), undefined);
    assert.ok(!allowedUnits('emission').some((u) => /e$|当量/.test(u)), 'the peak is of CO2');
    assert.equal(canonicalUnit('reduction', '万吨二氧化碳当量/年'), '万tCO2e/a');
  });

  it('names each spelling\'s canonical form, and says what a unit is in both languages', () => {
    assert.equal(canonicalUnit('capacity', '万千瓦'), '万kW');
    assert.equal(canonicalUnit('capacity', '万kW'), '万kW');
    assert.equal(canonicalUnit('capacity', '万千瓦时'), undefined);
    assert.equal(canonicalUnit('energy', '亿吨标准煤'), '亿tce');
    assert.equal(unitOf('吨标准煤/万元')?.spec.unit, 'tce/万元');
    assert.equal(unitOf('万辆'), undefined);
    assert.equal(unitMarkdown('万千瓦', true), '**`万千瓦`**：万千瓦，= 10 MW。与 `万kW` 相同。\n\n**`万千瓦`**: 10^4 kilowatts, = 10 MW. The same as `万kW`.');
    assert.match(unitMarkdown('万kW', false)!, /^\*\*`万kW`\*\*: 10\^4 kilowatts, = 10 MW\. The same as `万千瓦`\./);
    assert.match(unitMarkdown('GW', false)!, /The same as `吉瓦` or `百万千瓦`\./);
    assert.match(unitMarkdown('吨二氧化碳/万元', true)!, /与 `tCO2\/万元` 相同/);
    assert.equal(unitMarkdown('个', true), undefined);
  });

  it('no spelling means two units', () => {
    const seen = new Map<string, string>();
    const all = [...Object.values(UNITS).flatMap((q) => q.units), ...INDICATOR_UNITS];
    for (const u of all) {
      for (const s of [u.unit, ...u.equals]) {
        assert.ok(!seen.has(s) || seen.get(s) === u.unit, `${s} is both ${seen.get(s)} and ${u.unit}`);
        seen.set(s, u.unit);
      }
    }
  });

  it('the schemas\' unit enums are units.ts\'s spellings, in order, each description naming its equals', () => {
    const defs = schema('common.schema.json').$defs;
    for (const [def, field] of Object.entries(DEFS)) {
      const unit = defs[def].properties.unit;
      assert.deepEqual(unit.enum, allowedUnits(field), def);
      assert.equal(unit['x-pilot-rule'], 'unit-mismatch', def);
      assert.equal(unit.enumDescriptions.length, unit.enum.length, def);
      unit.enum.forEach((s: string, i: number) => {
        const spec = unitOf(s)!.spec;
        const text = unit.enumDescriptions[i].split(' — ')[1];
        for (const other of [spec.unit, ...spec.equals].filter((x) => x !== s)) {
          const [zh, en] = [text.slice(0, text.lastIndexOf('。') + 1), text.slice(text.lastIndexOf('。') + 1)];
          assert.ok(zh.includes(other) && en.includes(other), `${def}: the description of ${s} does not name ${other} in both languages`);
        }
      });
      // The field's description names every spelling too.
      for (const s of unit.enum) assert.ok(unit.description.includes(s), `${def}: the description does not name ${s}`);
    }
  });

  it('docs/format.md lists every spelling with its equals and factor, as units.ts has them', () => {
    const doc = fs.readFileSync(path.join(root, 'docs', 'format.md'), 'utf8').split('\n');
    for (const [def, field] of Object.entries(DEFS)) {
      const at = doc.indexOf(`<!-- schema-enum: common.schema.json#/$defs/${def}/properties/unit -->`);
      assert.ok(at >= 0, `no unit table of ${def}`);
      assert.ok(doc[at + 1].endsWith(`| = ${UNITS[field].base} |`), `${def}: the factor column is to ${UNITS[field].base}`);
      const rows = [];
      for (let i = at + 3; doc[i]?.startsWith('|'); i++) rows.push(doc[i].split('|').slice(1, -1).map((c) => c.trim()));
      assert.deepEqual(rows.map((r) => r[0]), allowedUnits(field).map((u) => `\`${u}\``), def);
      for (const [unit, same, , , factor] of rows) {
        const spelling = unit.slice(1, -1);
        const spec = unitOf(spelling)!.spec;
        const others = [spec.unit, ...spec.equals].filter((x) => x !== spelling);
        assert.equal(same, others.length ? others.map((x) => `\`${x}\``).join(' ') : '—', `${def} ${spelling}: same as`);
        const f = UNITS[field].factors[spelling];
        assert.equal(factor, f === undefined ? '—' : factorText(f), `${def} ${spelling}: factor`);
      }
    }
  });

  it('a capacity in any spelling is never compared with the national total (national-target compares like with like)', () => {
    const only = { only: ['national-target'] };
    const capacity = (unit: string, value: number) =>
      MINIMAL_PLAN.slice(0, MINIMAL_PLAN.indexOf('    type: share')) +
      `    type: level\n    unit: ${unit}\n    direction: increase\n    baseline: { year: 2020, value: 1 }\n    nationalRef: wind-solar-capacity\n    targets:\n      - { year: 2030, value: ${value} }\n`;
    for (const [unit, value] of [['亿千瓦', 11], ['万千瓦', 240], ['吉瓦', 2.4], ['万kW', 240]] as const) {
      assert.deepEqual(summary(checkMemory({ 'plan.pilot.yaml': capacity(unit, value) }, only)), [], `${value} ${unit}`);
    }
  });

  it('a plan typed from an official text validates against the published schemas (stock Ajv)', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true, unicodeRegExp: false });
    addFormats(ajv);
    ajv.addVocabulary(['x-pilot-rule', 'enumDescriptions', 'x-aliases']);
    for (const f of fs.readdirSync(path.join(root, 'schemas')).filter((f) => f.endsWith('.schema.json'))) ajv.addSchema(schema(f));
    const validate = ajv.getSchema('https://pilot-plan.dev/schemas/v1/pilot-plan.schema.json')!;
    const dir = path.join(root, 'test', 'fixtures', 'official-text');
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.pilot.yaml'));
    assert.equal(files.length, 4);
    for (const f of files) {
      const data = parse(fs.readFileSync(path.join(dir, f), 'utf8'));
      assert.ok(validate(data), `${f}: ${JSON.stringify(validate.errors)}`);
    }
    // The same text with a unit of another quantity does not validate.
    const projects = parse(fs.readFileSync(path.join(dir, 'projects.pilot.yaml'), 'utf8'));
    projects.projects[0].capacity.unit = '万吨标准煤';
    assert.ok(!validate(projects));
  });
});
