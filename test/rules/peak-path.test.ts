import * as assert from 'node:assert/strict';
import * as nodePath from 'node:path';
import { checkMemory, summary, MINIMAL_PLAN } from '../util/plan';
import { applyFix, checkTree, fixesOf } from '../util/fixes';

const only = { only: ['peak-path'] };
const scenario = (name: string, chosen: boolean | undefined, values: string, unit = '万tCO2') =>
  `    - name: ${name}\n${chosen === undefined ? '' : `      chosen: ${chosen}\n`}      emissions:\n        unit: ${unit}\n        values: { ${values} }\n`;
const plan = (peak: string, ...scenarios: string[]) =>
  MINIMAL_PLAN.replace('targetYears: [2025, 2030]\n', `targetYears: [2025, 2030]\n${peak}trend:\n  scenarios:\n${scenarios.join('')}`);
const PATH = '2020: 4200, 2025: 4550, 2028: 4600, 2030: 4500';

describe('peak-path', () => {
  it('passes a peak that is the chosen path\'s: its year, its level within 1% in any unit', () => {
    for (const peak of [
      'peak: { year: 2028 }\n',
      'peak: { year: 2028, level: { value: 4600, unit: 万tCO2 } }\n',
      'peak: { year: 2028, level: { value: 0.46, unit: 亿tCO2 } }\n',
      'peak: { year: 2028, level: { value: 46, unit: MtCO2 } }\n',
      'peak: { year: 2028, level: { value: 0.464, unit: 亿吨二氧化碳 } }\n',
    ]) {
      assert.deepEqual(summary(checkMemory({ 'plan.pilot.yaml': plan(peak, scenario('基准情景', false, '2020: 4200, 2030: 5100'), scenario('达峰情景', true, PATH)) }, only)), [], peak);
    }
    // Any year of a value shared at the top.
    assert.deepEqual(summary(checkMemory({ 'plan.pilot.yaml': plan('peak: { year: 2030 }\n', scenario('达峰', true, '2025: 10, 2028: 12, 2030: 12')) }, only)), []);
    // No peak, no scenarios, or no numbers: nothing to compare.
    assert.deepEqual(summary(checkMemory({ 'plan.pilot.yaml': plan('', scenario('达峰', true, PATH)) }, only)), []);
    assert.deepEqual(summary(checkMemory({ 'plan.pilot.yaml': plan('peak: { year: 2020 }\n', scenario('达峰', true, '2025: 待补充')) }, only)), []);
    assert.deepEqual(summary(checkMemory({ 'plan.pilot.yaml': MINIMAL_PLAN.replace('baseYear: 2020\n', 'baseYear: 2020\npeak: { year: 2029 }\ntrend: { scenarios: [] }\n') }, only)), []);
  });

  it('reports a peak year that is not the path\'s, on the year, naming the path\'s year and value', () => {
    const f = checkMemory({ 'plan.pilot.yaml': plan('peak:\n  year: 2030\n', scenario('达峰情景', true, PATH)) }, only);
    assert.deepEqual(summary(f), ['peak-path@plan.pilot.yaml:11']);
    assert.deepEqual([f[0].line, f[0].column, f[0].endColumn], [11, 9, 13]);
    assert.equal(f[0].severity, 'warning');
    assert.match(f[0].message, /`peak\.year` is 2030, but the chosen scenario `达峰情景` peaks in 2028 \(at 4600 万tCO2\)\. Make `peak\.year` 2028/);
    const zh = checkMemory({ 'plan.pilot.yaml': plan('peak:\n  year: 2030\n', scenario('达峰情景', true, PATH)) }, { ...only, locale: 'zh-CN' });
    assert.match(zh[0].message, /达峰年份 `peak\.year` 为 2030 年，而选定情景“达峰情景”的排放在 2028 年达到最高（4600 万tCO2）/);
  });

  it('reports a level more than 1% from the path\'s peak, converted, on the level\'s value', () => {
    const f = checkMemory({ 'plan.pilot.yaml': plan('peak:\n  year: 2028\n  level: { value: 0.5, unit: 亿tCO2 }\n', scenario('达峰情景', true, PATH)) }, only);
    assert.deepEqual(summary(f), ['peak-path@plan.pilot.yaml:12']);
    assert.equal(f[0].column, 19);
    assert.match(f[0].message, /`peak\.level` is 0\.5 亿tCO2, but the chosen scenario `达峰情景` peaks at 4600 万tCO2 \(8\.7% apart, more than 1%\)\. Make `peak\.level` 0\.46 亿tCO2/);
    // A unit that is not an emission unit is unit-mismatch's, not compared.
    assert.deepEqual(summary(checkMemory({ 'plan.pilot.yaml': plan('peak: { year: 2028, level: { value: 5, unit: 万tce } }\n', scenario('达峰', true, PATH)) }, only)), []);
    assert.deepEqual(summary(checkMemory({ 'plan.pilot.yaml': plan('peak: { year: 2028, level: { value: 5, unit: 亿tCO2 } }\n', scenario('达峰', true, PATH, '万tce')) }, only)), []);
  });

  it('reports every `chosen: true` when several scenarios are chosen, and judges no peak then', () => {
    const f = checkMemory({ 'plan.pilot.yaml': plan('peak: { year: 2020 }\n', scenario('甲', true, PATH), scenario('乙', true, PATH)) }, only);
    assert.deepEqual(summary(f), ['peak-path@plan.pilot.yaml:14', 'peak-path@plan.pilot.yaml:19']);
    assert.match(f[0].message, /2 scenarios are marked `chosen: true` \(`甲` and `乙`\), but only one can be the plan's peak path/);
    assert.equal(f[0].severity, 'warning');
  });

  it('gives an info when `peak` is given with scenarios, none chosen; a configured severity applies to it too', () => {
    const text = plan('peak: { year: 2028 }\n', scenario('甲', false, PATH), scenario('乙', undefined, PATH));
    const f = checkMemory({ 'plan.pilot.yaml': text }, only);
    assert.deepEqual(summary(f), ['peak-path@plan.pilot.yaml:12']);
    assert.equal(f[0].severity, 'info');
    assert.match(f[0].message, /none of its 2 trend scenarios is marked `chosen: true`/);
    const configured = checkMemory({ 'plan.pilot.yaml': text, 'pilot-plan.config.yaml': 'rules:\n  peak-path: error\n' }, only);
    assert.equal(configured[0].severity, 'error');
    // Without `peak`, nothing to check against.
    assert.deepEqual(summary(checkMemory({ 'plan.pilot.yaml': plan('', scenario('甲', false, PATH)) }, only)), []);
  });

  it('robust against odd shapes of trend and its series', () => {
    for (const odd of ['trend: 待补充\n', 'trend: { scenarios: 3 }\n', 'trend: { scenarios: [1, null] }\n', 'trend: { scenarios: [{ chosen: true, emissions: { unit: 万tCO2, values: [1, 2] } }] }\n', 'trend: { scenarios: [{ chosen: true, emissions: { unit: 万tCO2, values: { 二〇二五: 3 } } }] }\n']) {
      assert.deepEqual(summary(checkMemory({ 'plan.pilot.yaml': MINIMAL_PLAN.replace('baseYear: 2020\n', `baseYear: 2020\npeak: { year: 2030 }\n${odd}`) }, only)), [], odd);
    }
  });

  describe('quick fixes', () => {
    const ROOT = '/mem/fixes';
    const file = nodePath.join(ROOT, 'plan.pilot.yaml');
    const fixesAt = (text: string, line: number, locale: 'en' | 'zh-CN' = 'en') => {
      const c = checkTree({ [file]: text });
      const f = (c.findings.get(file) ?? []).filter((x) => x.code === 'peak-path').find((x) => text.slice(0, x.span.start).split('\n').length === line);
      assert.ok(f, `a peak-path finding on line ${line}`);
      return fixesOf(c, f, locale, true);
    };
    const apply = (text: string, line: number, title: string) => {
      const fix = fixesAt(text, line).find((x) => x.title === title);
      assert.ok(fix, `no fix "${title}": ${fixesAt(text, line).map((x) => x.title).join(' | ')}`);
      return applyFix({ [file]: text }, fix)[file];
    };

    it('sets `peak.year` and `peak.level` to the path\'s, and the findings are gone', () => {
      const text = plan('peak:\n  year: 2030\n  level: { value: 0.5, unit: 亿tCO2 }\n', scenario('达峰情景', true, PATH));
      const year = apply(text, 11, 'Set `peak.year` to 2028');
      assert.ok(year.includes('  year: 2028\n'));
      const both = apply(year, 12, 'Set `peak.level` to 0.46 亿tCO2');
      assert.ok(both.includes('level: { value: 0.46, unit: 亿tCO2 }'), both);
      assert.deepEqual(summary(checkMemory({ 'plan.pilot.yaml': both })), []);
      assert.deepEqual(fixesAt(text, 11, 'zh-CN').map((x) => x.title), ['将 `peak.year` 改为 2028', '在此行停用规则 peak-path']);
    });

    it('keeps one chosen scenario, or chooses one that writes `chosen: false`', () => {
      const several = plan('peak: { year: 2028 }\n', scenario('甲', true, PATH), scenario('乙', true, PATH));
      const one = apply(several, 14, 'Choose only `甲`');
      assert.deepEqual(summary(checkMemory({ 'plan.pilot.yaml': one })), []);
      assert.ok(one.includes('    - name: 乙\n      chosen: false\n'));
      const none = plan('peak: { year: 2028 }\n', scenario('甲', false, PATH), scenario('乙', undefined, PATH));
      assert.deepEqual(fixesAt(none, 12).map((x) => x.title), ['Choose `甲`', 'Disable peak-path for this line']);
      assert.deepEqual(summary(checkMemory({ 'plan.pilot.yaml': apply(none, 12, 'Choose `甲`') })), []);
    });
  });
});
