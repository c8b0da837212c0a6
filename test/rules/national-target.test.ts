import * as assert from 'node:assert/strict';
import { checkMemory, summary, MINIMAL_PLAN } from '../util/plan';
import { NATIONAL_TARGETS, nationalTargetFor } from '../../server/src/engine/national-targets';

const only = { only: ['national-target'] };

/** MINIMAL_PLAN with its indicator from `    type:` (line 19) on replaced. */
function withIndicator(body: string, plan = MINIMAL_PLAN): string {
  return plan.slice(0, plan.indexOf('    type: share')) + body;
}

/** A reduction naming `ref`: line 24 is the first target (one more per `extra` line). */
const reduction = (ref: string, targets: string, extra = '', plan = MINIMAL_PLAN) =>
  withIndicator(`    type: reduction\n    unit: "%"\n    direction: decrease\n    nationalRef: ${ref}\n${extra}    targets:\n${targets}`, plan);

/** A share naming `ref`: line 25 is the first target. */
const share = (ref: string, targets: string, direction = 'increase') =>
  withIndicator(`    type: share\n    unit: "%"\n    direction: ${direction}\n    baseline: { year: 2020, value: 15 }\n    nationalRef: ${ref}\n    targets:\n${targets}`);

/** A level naming wind-solar-capacity: line 25 is the first target. */
const capacity = (unit: string, targets: string) =>
  withIndicator(`    type: level\n    unit: ${unit}\n    direction: increase\n    baseline: { year: 2020, value: 1 }\n    nationalRef: wind-solar-capacity\n    targets:\n${targets}`);

describe('national-target', () => {
  it('holds the national table of docs/format.md', () => {
    assert.equal(nationalTargetFor(NATIONAL_TARGETS['co2-intensity'], 2025, 2020)?.value, 18);
    assert.equal(nationalTargetFor(NATIONAL_TARGETS['co2-intensity'], 2030, 2005)?.value, 65);
    assert.equal(nationalTargetFor(NATIONAL_TARGETS['co2-intensity'], 2030, 2020), undefined);
    assert.equal(nationalTargetFor(NATIONAL_TARGETS['energy-intensity'], 2025, 2020)?.value, 13.5);
    assert.equal(nationalTargetFor(NATIONAL_TARGETS['energy-intensity'], 2030, 2020), undefined);
    assert.equal(nationalTargetFor(NATIONAL_TARGETS['non-fossil-share'], 2025)?.value, 20);
    assert.equal(nationalTargetFor(NATIONAL_TARGETS['non-fossil-share'], 2030)?.value, 25);
    assert.equal(nationalTargetFor(NATIONAL_TARGETS['forest-coverage'], 2025)?.value, 24.1);
    assert.equal(nationalTargetFor(NATIONAL_TARGETS['forest-coverage'], 2030)?.value, 25);
    assert.equal(nationalTargetFor(NATIONAL_TARGETS['wind-solar-capacity'], 2030)?.value, 1_200_000);
    assert.equal(nationalTargetFor(NATIONAL_TARGETS['wind-solar-capacity'], 2025), undefined);
  });

  it('passes targets as strong as the national ones, or stronger', () => {
    assert.deepEqual(summary(checkMemory({ 'plan.pilot.yaml': MINIMAL_PLAN }, only)), []);
    const cases = [
      reduction('co2-intensity', '      - { year: 2025, value: 18 }\n      - { year: 2030, value: 65, comparator: ">=", referenceYear: 2005 }\n'),
      reduction('co2-intensity', '      - { year: 2025, value: 20.5 }\n      - { year: 2030, value: 70, referenceYear: 2005 }\n', '    referenceYear: 2020\n'),
      reduction('energy-intensity', '      - { year: 2025, value: 14.5 }\n      - { year: 2030, value: 20 }\n'),
      share('non-fossil-share', '      - { year: 2025, value: 20, comparator: "~" }\n      - { year: 2030, value: 35 }\n'),
      share('forest-coverage', '      - { year: 2025, value: 24.1 }\n      - { year: 2030, value: 25 }\n'),
      capacity('GW', '      - { year: 2030, value: 1200 }\n'),
      capacity('万kW', '      - { year: 2030, value: 120000 }\n'),
      capacity('kW', '      - { year: 2030, value: 1200000000 }\n'),
    ];
    for (const c of cases) assert.deepEqual(summary(checkMemory({ 'plan.pilot.yaml': c }, only)), [], c);
  });

  it('reports a reduction weaker than the national one for the same year and reference year, on the value', () => {
    const f = checkMemory({ 'plan.pilot.yaml': reduction('co2-intensity', '      - { year: 2025, value: 16 }\n') }, only);
    assert.deepEqual(summary(f), ['national-target@plan.pilot.yaml:24']);
    assert.deepEqual([f[0].line, f[0].column, f[0].endLine, f[0].endColumn], [24, 30, 24, 32]);
    assert.equal(f[0].severity, 'info');
    assert.match(
      f[0].message,
      /Indicator `IND-1`: the 2025 target 16% is weaker than the national target for CO2 emissions per unit of GDP: down 18% from 2020 by 2025 \(State Council, Action Plan for Carbon Dioxide Peaking Before 2030\)\. .*a target at least 18%/,
    );
    const g = checkMemory({ 'plan.pilot.yaml': reduction('co2-intensity', '      - { year: 2030, value: 60, referenceYear: 2005 }\n') }, only);
    assert.deepEqual(summary(g), ['national-target@plan.pilot.yaml:24']);
    assert.match(g[0].message, /down more than 65% from 2005 by 2030/);
    const e = checkMemory({ 'plan.pilot.yaml': reduction('energy-intensity', '      - { year: 2025, value: 13 }\n') }, only);
    assert.deepEqual(summary(e), ['national-target@plan.pilot.yaml:24']);
  });

  it('compares a reduction only against the same reference year', () => {
    // 2030 against 2020 (the default) is not the national 2030 target against 2005.
    const f = checkMemory({ 'plan.pilot.yaml': reduction('co2-intensity', '      - { year: 2030, value: 40 }\n') }, only);
    assert.deepEqual(summary(f), []);
    // With another base year, the 2025 target is measured from 2015.
    const plan = MINIMAL_PLAN.replace('baseYear: 2020', 'baseYear: 2015');
    assert.deepEqual(summary(checkMemory({ 'plan.pilot.yaml': reduction('co2-intensity', '      - { year: 2025, value: 10 }\n', '', plan) }, only)), []);
    // In a file under no plan, only an explicit reference year can be matched.
    const loose = (t: string) =>
      `apiVersion: pilot-plan/v1\nkind: Indicators\nindicators:\n  - id: IND-9\n    name: x\n    type: reduction\n    unit: "%"\n    direction: decrease\n    nationalRef: co2-intensity\n    targets:\n      - ${t}\n`;
    assert.deepEqual(summary(checkMemory({ 'loose.pilot.yaml': loose('{ year: 2025, value: 10 }') }, only)), []);
    assert.deepEqual(summary(checkMemory({ 'loose.pilot.yaml': loose('{ year: 2025, value: 10, referenceYear: 2020 }') }, only)), ['national-target@loose.pilot.yaml:11']);
  });

  it('reports shares below the national ones', () => {
    const f = checkMemory({ 'plan.pilot.yaml': share('non-fossil-share', '      - { year: 2025, value: 18 }\n      - { year: 2030, value: 24.9, comparator: "~" }\n') }, only);
    assert.deepEqual(summary(f), ['national-target@plan.pilot.yaml:25', 'national-target@plan.pilot.yaml:26']);
    assert.match(f[0].message, /non-fossil share of energy consumption: about 20% by 2025/);
    const g = checkMemory({ 'plan.pilot.yaml': share('forest-coverage', '      - { year: 2025, value: 24 }\n') }, only);
    assert.deepEqual(summary(g), ['national-target@plan.pilot.yaml:25']);
    assert.match(g[0].message, /forest coverage: 24\.1% by 2025 \(CPC Central Committee and State Council, Opinions/);
  });

  it("judges 'weaker' in the indicator's direction", () => {
    const f = checkMemory({ 'plan.pilot.yaml': share('non-fossil-share', '      - { year: 2025, value: 10 }\n', 'decrease') }, only);
    assert.deepEqual(summary(f), []);
    const g = checkMemory({ 'plan.pilot.yaml': share('non-fossil-share', '      - { year: 2025, value: 30 }\n', 'decrease') }, only);
    assert.deepEqual(summary(g), ['national-target@plan.pilot.yaml:25']);
    assert.match(g[0].message, /a target at most 20%/);
  });

  it('converts capacities to the national unit', () => {
    const f = checkMemory({ 'plan.pilot.yaml': capacity('万kW', '      - { year: 2030, value: 110000 }\n') }, only);
    assert.deepEqual(summary(f), ['national-target@plan.pilot.yaml:25']);
    assert.match(f[0].message, /the 2030 target 110000 万kW is weaker than the national target for installed wind and solar capacity: over 1,200 GW by 2030.*at least 120000 万kW/);
    assert.deepEqual(summary(checkMemory({ 'plan.pilot.yaml': capacity('MW', '      - { year: 2030, value: 1000000 }\n') }, only)), ['national-target@plan.pilot.yaml:25']);
    // A unit that is not a capacity cannot be compared.
    assert.deepEqual(summary(checkMemory({ 'plan.pilot.yaml': capacity('TWh', '      - { year: 2030, value: 1 }\n') }, only)), []);
  });

  it('compares only an indicator of the national type, and ignores unknown keys', () => {
    const intensity = withIndicator('    type: intensity\n    unit: tCO2/万元\n    direction: decrease\n    baseline: { year: 2020, value: 1 }\n    nationalRef: co2-intensity\n    targets:\n      - { year: 2025, value: 0.9 }\n');
    assert.deepEqual(summary(checkMemory({ 'plan.pilot.yaml': intensity }, only)), []);
    assert.deepEqual(summary(checkMemory({ 'plan.pilot.yaml': share('water-intensity', '      - { year: 2025, value: 1 }\n') }, only)), []);
    assert.deepEqual(summary(checkMemory({ 'plan.pilot.yaml': share('toString', '      - { year: 2025, value: 1 }\n') }, only)), []);
  });

  it('is silenced by a comment on the line above, or by the configuration', () => {
    const text = reduction('co2-intensity', '      # pilot-plan-disable-next-line national-target\n      - { year: 2025, value: 16 }\n');
    assert.deepEqual(summary(checkMemory({ 'plan.pilot.yaml': text }, only)), []);
    const bad = reduction('co2-intensity', '      - { year: 2025, value: 16 }\n');
    assert.deepEqual(summary(checkMemory({ 'plan.pilot.yaml': bad, 'pilot-plan.config.yaml': 'rules:\n  national-target: off\n' }, only)), []);
  });

  it('robust: wrong types do not throw and are not judged', () => {
    const cases = [
      reduction('co2-intensity', '      - { year: 2025, value: "16" }\n      - { year: "2025", value: 1 }\n      - null\n      - 3\n'),
      reduction('co2-intensity', '      - { year: 2025, value: 16, referenceYear: "2020" }\n'),
      reduction('co2-intensity', '      - { year: 2025, value: 16 }\n', '    referenceYear: later\n'),
      reduction('[co2-intensity]', '      - { year: 2025, value: 16 }\n'),
      reduction('null', '      - { year: 2025, value: 16 }\n'),
      capacity('[GW]', '      - { year: 2030, value: 1 }\n'),
      capacity('GW', '      - { year: 2030, value: .nan }\n'),
      withIndicator('    type: reduction\n    nationalRef: co2-intensity\n    targets: { year: 2025, value: 1 }\n'),
      reduction('co2-intensity', '      - { year: 2025, value: 16 }\n').replace('baseYear: 2020', 'baseYear: "2020"'),
    ];
    for (const c of cases) assert.deepEqual(summary(checkMemory({ 'plan.pilot.yaml': c }, only)), [], c);
  });

  it('speaks Chinese', () => {
    const f = checkMemory({ 'plan.pilot.yaml': reduction('co2-intensity', '      - { year: 2025, value: 16 }\n') }, { ...only, locale: 'zh-CN' });
    assert.match(
      f[0].message,
      /指标 `IND-1`：2025 年目标值 16% 弱于国家单位国内生产总值二氧化碳排放目标（到 2025 年比 2020 年下降 18%，见国务院《2030年前碳达峰行动方案》）。试点应走在全国前列：建议将目标调整为不低于 18%/,
    );
  });
});
