import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import { checkMemory, summary, MINIMAL_PLAN, repoRoot } from '../util/plan';
import { NATIONAL_TARGETS, nationalTargetFor } from '../../server/src/engine/national-targets';
import { PROVINCIAL_TARGETS, documentCitation, provincialTargets } from '../../server/src/engine/provincial-targets';

const only = { only: ['national-target'] };

/** MINIMAL_PLAN (a city in 广东省) with its indicator from `    type:` (line 19) on replaced. */
function withIndicator(body: string, plan = MINIMAL_PLAN): string {
  return plan.slice(0, plan.indexOf('    type: share')) + body;
}

const inProvince = (province: string, plan = MINIMAL_PLAN) => plan.replace('province: 广东省', `province: ${province}`);

/** A reduction naming `ref`: line 24 is the first target (one more per `extra` line). */
const reduction = (ref: string, targets: string, extra = '', plan = MINIMAL_PLAN) =>
  withIndicator(`    type: reduction\n    unit: "%"\n    direction: decrease\n    nationalRef: ${ref}\n${extra}    targets:\n${targets}`, plan);

/** A share naming `ref`: line 25 is the first target. */
const share = (ref: string, targets: string, plan = MINIMAL_PLAN, direction = 'increase') =>
  withIndicator(`    type: share\n    unit: "%"\n    direction: ${direction}\n    baseline: { year: 2020, value: 5 }\n    nationalRef: ${ref}\n    targets:\n${targets}`, plan);

/** A level naming wind-solar-capacity: line 25 is the first target. */
const capacity = (unit: string, targets: string, plan = MINIMAL_PLAN) =>
  withIndicator(`    type: level\n    unit: ${unit}\n    direction: increase\n    baseline: { year: 2020, value: 1 }\n    nationalRef: wind-solar-capacity\n    targets:\n${targets}`, plan);

const check = (text: string, locale?: 'zh-CN') => checkMemory({ 'plan.pilot.yaml': text }, { ...only, locale });

describe('national-target', () => {
  it('holds the national table of docs/format.md, with the 2035 targets', () => {
    const co2 = NATIONAL_TARGETS['co2-intensity'];
    assert.equal(nationalTargetFor(co2, 2025, 2020)?.value, 18);
    assert.equal(nationalTargetFor(co2, 2030, 2005)?.value, 65);
    assert.equal(nationalTargetFor(co2, 2030, 2020), undefined);
    assert.equal(nationalTargetFor(NATIONAL_TARGETS['energy-intensity'], 2025, 2020)?.value, 13.5);
    assert.equal(nationalTargetFor(NATIONAL_TARGETS['energy-intensity'], 2030, 2020), undefined);
    assert.deepEqual(
      NATIONAL_TARGETS['non-fossil-share'].targets.map((t) => [t.year, t.value]),
      [
        [2025, 20],
        [2030, 25],
        [2035, 30],
      ],
    );
    assert.deepEqual(
      NATIONAL_TARGETS['forest-coverage'].targets.map((t) => [t.year, t.value]),
      [
        [2025, 24.1],
        [2030, 25],
      ],
    );
    assert.deepEqual(
      NATIONAL_TARGETS['wind-solar-capacity'].targets.map((t) => [t.year, t.value]),
      [
        [2030, 1_200_000],
        [2035, 3_600_000],
      ],
    );
    // What each is compared with.
    assert.deepEqual(
      Object.values(NATIONAL_TARGETS).map((n) => `${n.key}:${n.comparison}`),
      ['co2-intensity:national', 'energy-intensity:national', 'non-fossil-share:province', 'forest-coverage:province', 'wind-solar-capacity:none'],
    );
  });

  it('holds a provincial table whose every entry names its source', () => {
    const provinces = JSON.parse(fs.readFileSync(nodePath.join(repoRoot(), 'schemas/common.schema.json'), 'utf8')).$defs.province.enum as string[];
    assert.ok(PROVINCIAL_TARGETS.size >= 9, `${PROVINCIAL_TARGETS.size} provinces`);
    for (const [province, table] of PROVINCIAL_TARGETS) {
      assert.ok(provinces.includes(province), `${province} is a value of pilot.province`);
      assert.equal(table.province, province);
      assert.ok(table.nameEn, `${province}: English name`);
      const indicators = Object.entries(table.indicators);
      assert.ok(indicators.length > 0, `${province}: some targets`);
      for (const [key, ref] of indicators) {
        assert.ok(key === 'non-fossil-share' || key === 'forest-coverage', `${province}: ${key} is a level compared with the province`);
        const d = ref!.document;
        assert.ok(d.title && d.titleEn && d.issuer.zh && d.issuer.en, `${province} ${key}: document and issuer`);
        assert.ok(d.issued ?? d.reported, `${province} ${key}: a date`);
        for (const date of [d.issued, d.reported]) if (date) assert.match(date, /^20\d\d-\d\d-\d\d$/);
        if (d.number) assert.match(d.number, /〔20\d\d〕\d+号$/, `${province}: 文号`);
        assert.ok(d.urls.length > 0 && d.urls.every((u) => /^https?:\/\//.test(u)), `${province} ${key}: where it was read`);
        const years = ref!.targets.map((t) => t.year);
        assert.deepEqual(years, [...new Set(years)].sort(), `${province} ${key}: one target a year, in order`);
        for (const t of ref!.targets) assert.ok(t.value > 0 && t.value < 100 && t.text.zh.includes(String(t.value)) && t.text.en.includes(String(t.value)), `${province} ${key} ${t.year}`);
      }
    }
    // Spot checks against the documents (provincial-targets.ts has the sources).
    assert.deepEqual(provincialTargets('广东省', 'non-fossil-share')?.ref.targets.map((t) => t.value), [32, 35]);
    assert.deepEqual(provincialTargets('山东省', 'non-fossil-share')?.ref.targets.map((t) => t.value), [13, 20]);
    assert.equal(provincialTargets('山东省', 'non-fossil-share')?.ref.document.number, '鲁政字〔2022〕242号');
    assert.deepEqual(provincialTargets('山西省', 'non-fossil-share')?.ref.targets.map((t) => [t.year, t.value]), [[2025, 12]]);
    assert.equal(provincialTargets('山西省', 'non-fossil-share')?.ref.document.number, '晋政发〔2022〕29号');
    assert.equal(provincialTargets('广东省', 'forest-coverage'), undefined);
    assert.equal(provincialTargets('江苏省', 'non-fossil-share'), undefined);
    assert.equal(provincialTargets('山东省', 'toString'), undefined);
    assert.equal(provincialTargets(undefined, 'non-fossil-share'), undefined);
    assert.deepEqual(documentCitation(provincialTargets('山东省', 'non-fossil-share')!.ref.document), {
      zh: '山东省人民政府《山东省碳达峰实施方案》（鲁政字〔2022〕242号，2022-12-18）',
      en: "Shandong Provincial People's Government, Shandong Carbon Peak Implementation Plan (《山东省碳达峰实施方案》, 鲁政字〔2022〕242号, 2022-12-18)",
    });
    assert.match(documentCitation(provincialTargets('黑龙江省', 'non-fossil-share')!.ref.document).en, /\(《黑龙江省碳达峰实施方案》, reported 2022-09-05\)$/);
  });

  it('passes cuts as large as the national ones over the same period, or larger', () => {
    assert.deepEqual(summary(check(MINIMAL_PLAN)), []);
    const cases = [
      reduction('co2-intensity', '      - { year: 2025, value: 18 }\n      - { year: 2030, value: 65, comparator: ">=", referenceYear: 2005 }\n'),
      reduction('co2-intensity', '      - { year: 2025, value: 20.5 }\n      - { year: 2030, value: 70, referenceYear: 2005 }\n', '    referenceYear: 2020\n'),
      reduction('energy-intensity', '      - { year: 2025, value: 14.5 }\n      - { year: 2030, value: 20 }\n'),
    ];
    for (const c of cases) assert.deepEqual(summary(check(c)), [], c);
  });

  it('reports a cut smaller than the national one over the same period, on the value', () => {
    // 15% from 2020 to 2025 against the national 18%.
    const f = check(reduction('co2-intensity', '      - { year: 2025, value: 15 }\n'));
    assert.deepEqual(summary(f), ['national-target@plan.pilot.yaml:24']);
    assert.deepEqual([f[0].line, f[0].column, f[0].endLine, f[0].endColumn], [24, 30, 24, 32]);
    assert.equal(f[0].severity, 'info');
    assert.equal(
      f[0].message,
      "Indicator `IND-1`: the 2025 target, a cut of 15% from 2020, is smaller than the national cut in CO2 emissions per unit of GDP over the same period: down 18% from 2020 by 2025 (State Council, Action Plan for Carbon Dioxide Peaking Before 2030). Pilots are meant to lead: consider a cut of at least 18%, or note the reason in the target's `notes`.",
    );
    const g = check(reduction('co2-intensity', '      - { year: 2030, value: 60, referenceYear: 2005 }\n'));
    assert.deepEqual(summary(g), ['national-target@plan.pilot.yaml:24']);
    assert.match(g[0].message, /a cut of 60% from 2005, .*down more than 65% from 2005 by 2030/);
    const e = check(reduction('energy-intensity', '      - { year: 2025, value: 13 }\n'));
    assert.deepEqual(summary(e), ['national-target@plan.pilot.yaml:24']);
    assert.match(e[0].message, /energy consumption per unit of GDP over the same period: down 13\.5% from 2020 by 2025/);
  });

  it('compares a cut only over the same period: the same target year and reference year, never converted', () => {
    // 2030 against 2020 (the plan's base year) is not the national 2030 target against 2005.
    assert.deepEqual(summary(check(reduction('co2-intensity', '      - { year: 2030, value: 40 }\n'))), []);
    // 2025 against 2015 is not the national 2025 target against 2020, however small.
    assert.deepEqual(summary(check(reduction('co2-intensity', '      - { year: 2025, value: 1 }\n', '', MINIMAL_PLAN.replace('baseYear: 2020', 'baseYear: 2015')))), []);
    assert.deepEqual(summary(check(reduction('co2-intensity', '      - { year: 2025, value: 1, referenceYear: 2015 }\n'))), []);
    // No national target for 2028.
    assert.deepEqual(summary(check(reduction('energy-intensity', '      - { year: 2028, value: 1 }\n'))), []);
    // In a file under no plan, only an explicit reference year can be matched.
    const loose = (t: string) =>
      `apiVersion: pilot-plan/v1\nkind: Indicators\nindicators:\n  - id: IND-9\n    name: x\n    type: reduction\n    unit: "%"\n    direction: decrease\n    nationalRef: co2-intensity\n    targets:\n      - ${t}\n`;
    assert.deepEqual(summary(checkMemory({ 'loose.pilot.yaml': loose('{ year: 2025, value: 10 }') }, only)), []);
    assert.deepEqual(summary(checkMemory({ 'loose.pilot.yaml': loose('{ year: 2025, value: 10, referenceYear: 2020 }') }, only)), ['national-target@loose.pilot.yaml:11']);
  });

  it("never compares a city's or park's absolute capacity with the national total", () => {
    // Shenzhen's 240 万千瓦 by 2030, against the national 12 亿千瓦 (and 36 亿千瓦 by 2035).
    for (const c of [
      capacity('万kW', '      - { year: 2030, value: 240 }\n      - { year: 2035, value: 300 }\n'),
      capacity('GW', '      - { year: 2030, value: 2.4 }\n'),
      capacity('kW', '      - { year: 2030, value: 1 }\n', inProvince('山东省')),
      capacity('MW', '      - { year: 2025, value: 0 }\n'),
    ]) {
      assert.deepEqual(summary(check(c)), [], c);
    }
  });

  it("reports a share below its province's target for the same year, naming the province's document", () => {
    const shandong = inProvince('山东省');
    const f = check(share('non-fossil-share', '      - { year: 2025, value: 12 }\n      - { year: 2030, value: 19.5, comparator: "~" }\n', shandong));
    assert.deepEqual(summary(f), ['national-target@plan.pilot.yaml:25', 'national-target@plan.pilot.yaml:26']);
    assert.deepEqual([f[0].line, f[0].column, f[0].endLine, f[0].endColumn], [25, 30, 25, 32]);
    assert.equal(
      f[0].message,
      "Indicator `IND-1`: the 2025 target 12% for non-fossil share of energy consumption is below the target of Shandong (about 13% by 2025), set by Shandong Provincial People's Government, Shandong Carbon Peak Implementation Plan (《山东省碳达峰实施方案》, 鲁政字〔2022〕242号, 2022-12-18). Consider a target at least 13%, or note the reason in the target's `notes`.",
    );
    assert.match(f[1].message, /the 2030 target 19\.5% .* \(about 20% by 2030\).*at least 20%/);
    // As strong as the province's target, the national 20% and 25% notwithstanding.
    assert.deepEqual(summary(check(share('non-fossil-share', '      - { year: 2025, value: 13 }\n      - { year: 2030, value: 20 }\n', shandong))), []);
    // 广东省: 32% or more by 2025, a figure in the example plans.
    const g = check(share('non-fossil-share', '      - { year: 2025, value: 30 }\n      - { year: 2030, value: 35 }\n'));
    assert.deepEqual(summary(g), ['national-target@plan.pilot.yaml:25']);
    assert.match(g[0].message, /below the target of Guangdong \(striving for 32% or more by 2025\), set by Guangdong Provincial People's Government, Guangdong Carbon Peak Implementation Plan \(《广东省碳达峰实施方案》, 2022-06-23\)/);
    // Forest coverage where the province has a figure (浙江省: 61.5%).
    const z = check(share('forest-coverage', '      - { year: 2025, value: 60 }\n', inProvince('浙江省')));
    assert.deepEqual(summary(z), ['national-target@plan.pilot.yaml:25']);
    assert.match(z[0].message, /forest coverage is below the target of Zhejiang \(61\.5% by 2025\)/);
    // No provincial target for that year: nothing to compare.
    assert.deepEqual(summary(check(share('non-fossil-share', '      - { year: 2027, value: 1 }\n', shandong))), []);
  });

  it("compares a 山西省 plan's 2025 non-fossil share with the province's 12%, and nothing for 2030, which no source gave", () => {
    const shanxi = inProvince('山西省');
    const f = check(share('non-fossil-share', '      - { year: 2025, value: 11 }\n      - { year: 2030, value: 1 }\n', shanxi), 'zh-CN');
    assert.deepEqual(summary(f), ['national-target@plan.pilot.yaml:25']);
    assert.match(f[0].message, /山西省人民政府《山西省碳达峰实施方案》（晋政发〔2022〕29号，2023-01-05）/);
    assert.deepEqual(summary(check(share('non-fossil-share', '      - { year: 2025, value: 12 }\n', shanxi))), []);
  });

  it('does not compare a share with anything when the province has no entry, or the plan names none', () => {
    // Far below the national 20%, 25% and 24.1%: the national average is no yardstick for a city.
    for (const plan of [inProvince('江苏省'), inProvince('北京市'), MINIMAL_PLAN.replace('  province: 广东省\n', '')]) {
      assert.deepEqual(summary(check(share('non-fossil-share', '      - { year: 2025, value: 5 }\n      - { year: 2030, value: 6 }\n', plan))), []);
      assert.deepEqual(summary(check(share('forest-coverage', '      - { year: 2025, value: 5 }\n', plan))), []);
    }
    // 广东省 has no confirmed forest coverage target.
    assert.deepEqual(summary(check(share('forest-coverage', '      - { year: 2025, value: 5 }\n'))), []);
    // A file under no plan has no province.
    const loose = `apiVersion: pilot-plan/v1\nkind: Indicators\nindicators:\n  - id: IND-9\n    name: x\n    type: share\n    unit: "%"\n    direction: increase\n    baseline: { year: 2020, value: 1 }\n    nationalRef: non-fossil-share\n    targets:\n      - { year: 2025, value: 2 }\n`;
    assert.deepEqual(summary(checkMemory({ 'loose.pilot.yaml': loose }, only)), []);
  });

  it("reads the province from the plan's Plan file for an indicator in another file", () => {
    const plan = inProvince('湖南省').replace(/\nindicators:[\s\S]*$/, '\n').replace('    indicators: [IND-1]\n', '    indicators: [IND-2]\n');
    const indicators = `apiVersion: pilot-plan/v1\nkind: Indicators\nindicators:\n  - id: IND-2\n    name: 非化石能源消费比重\n    type: share\n    unit: "%"\n    direction: increase\n    baseline: { year: 2020, value: 15 }\n    nationalRef: non-fossil-share\n    targets:\n      - { year: 2025, value: 21 }\n`;
    const f = checkMemory({ 'plan.pilot.yaml': plan, 'indicators.pilot.yaml': indicators }, only);
    assert.deepEqual(summary(f), ['national-target@indicators.pilot.yaml:12']);
    assert.match(f[0].message, /target of Hunan \(about 22% by 2025\), set by .*湘政发〔2022〕19号, 2022-10-28/);
  });

  it("judges 'below' in the indicator's direction", () => {
    const shandong = inProvince('山东省');
    assert.deepEqual(summary(check(share('non-fossil-share', '      - { year: 2025, value: 10 }\n', shandong, 'decrease'))), []);
    const g = check(share('non-fossil-share', '      - { year: 2025, value: 30 }\n', shandong, 'decrease'));
    assert.deepEqual(summary(g), ['national-target@plan.pilot.yaml:25']);
    assert.match(g[0].message, /is above the target of Shandong .*a target at most 13%/);
  });

  it('compares only an indicator of the national type, and ignores unknown keys', () => {
    const intensity = withIndicator('    type: intensity\n    unit: tCO2/万元\n    direction: decrease\n    baseline: { year: 2020, value: 1 }\n    nationalRef: co2-intensity\n    targets:\n      - { year: 2025, value: 0.9 }\n');
    assert.deepEqual(summary(check(intensity)), []);
    // A non-fossil share stated as a reduction is not compared with the province's share.
    assert.deepEqual(summary(check(reduction('non-fossil-share', '      - { year: 2025, value: 1 }\n', '', inProvince('山东省')))), []);
    assert.deepEqual(summary(check(share('water-intensity', '      - { year: 2025, value: 1 }\n'))), []);
    assert.deepEqual(summary(check(share('toString', '      - { year: 2025, value: 1 }\n'))), []);
  });

  it('is silenced by a comment on the line above, or by the configuration', () => {
    const text = reduction('co2-intensity', '      # pilot-plan-disable-next-line national-target\n      - { year: 2025, value: 16 }\n');
    assert.deepEqual(summary(check(text)), []);
    const bad = reduction('co2-intensity', '      - { year: 2025, value: 16 }\n');
    assert.deepEqual(summary(checkMemory({ 'plan.pilot.yaml': bad, 'pilot-plan.config.yaml': 'rules:\n  national-target: off\n' }, only)), []);
  });

  it('robust: wrong types do not throw and are not judged', () => {
    const shandong = inProvince('山东省');
    const cases = [
      reduction('co2-intensity', '      - { year: 2025, value: "16" }\n      - { year: "2025", value: 1 }\n      - null\n      - 3\n'),
      reduction('co2-intensity', '      - { year: 2025, value: 16, referenceYear: "2020" }\n'),
      reduction('co2-intensity', '      - { year: 2025, value: 16 }\n', '    referenceYear: later\n'),
      reduction('[co2-intensity]', '      - { year: 2025, value: 16 }\n'),
      reduction('null', '      - { year: 2025, value: 16 }\n'),
      share('non-fossil-share', '      - { year: 2025, value: "1" }\n      - { year: 2025 }\n      - [2025, 1]\n', shandong),
      share('non-fossil-share', '      - { year: 2025, value: .nan }\n', shandong),
      share('non-fossil-share', '      - { year: 2025, value: 1 }\n', MINIMAL_PLAN.replace('province: 广东省', 'province: [山东省]')),
      share('non-fossil-share', '      - { year: 2025, value: 1 }\n', MINIMAL_PLAN.replace(/pilot:\n(  .*\n)+/, 'pilot: 山东省\n')),
      withIndicator('    type: reduction\n    nationalRef: co2-intensity\n    targets: { year: 2025, value: 1 }\n'),
      reduction('co2-intensity', '      - { year: 2025, value: 16 }\n').replace('baseYear: 2020', 'baseYear: "2020"'),
    ];
    for (const c of cases) assert.deepEqual(summary(check(c)), [], c);
  });

  it('speaks Chinese', () => {
    const f = check(reduction('co2-intensity', '      - { year: 2025, value: 16 }\n'), 'zh-CN');
    assert.equal(
      f[0].message,
      '指标 `IND-1`：2025 年目标为比 2020 年下降 16%，小于国家同期单位国内生产总值二氧化碳排放降幅（到 2025 年比 2020 年下降 18%，见国务院《2030年前碳达峰行动方案》）。试点应走在全国前列：建议将降幅调整为不低于 18%，或在该目标的 `notes` 中说明原因。',
    );
    const g = check(share('non-fossil-share', '      - { year: 2025, value: 12 }\n', inProvince('山东省')), 'zh-CN');
    assert.equal(
      g[0].message,
      '指标 `IND-1`：2025 年非化石能源消费比重目标值 12% 低于山东省目标（到 2025 年达到 13% 左右，见山东省人民政府《山东省碳达峰实施方案》（鲁政字〔2022〕242号，2022-12-18））。建议将目标调整为不低于 13%，或在该目标的 `notes` 中说明原因。',
    );
  });
});
