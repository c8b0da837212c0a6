import * as assert from 'node:assert/strict';
import * as nodePath from 'node:path';
import { checkMemory, summary, MINIMAL_PLAN, ROOT } from '../util/plan';
import { Workspace } from '../../server/src/engine/plan/workspace';
import { MemoryFileHost } from '../../server/src/engine/plan/memory-host';
import { checkFiles } from '../../server/src/engine/checker';
import type { Finding } from '../../server/src/engine/findings';
import { unitSuggestions } from '../../server/src/engine/rules/unit-mismatch';

const only = { only: ['unit-mismatch'] };

/** Engine findings (with their data) of one rule. */
function raw(files: Record<string, string>): Finding[] {
  const abs: Record<string, string> = {};
  for (const [p, t] of Object.entries(files)) abs[nodePath.join(ROOT, p)] = t;
  const ws = new Workspace(new MemoryFileHost(abs));
  return checkFiles(ws, Object.keys(abs))
    .flatMap((r) => r.findings)
    .filter((f) => f.code === 'unit-mismatch');
}

function withIndicator(type: string, unit: string): string {
  return MINIMAL_PLAN.replace('    type: share\n    unit: "%"\n', `    type: ${type}\n    unit: ${unit}\n`);
}

/** A Projects file (line 4: `- id`, 5 name, 6 tasks, 7 first field). */
const projects = (fields: string) => `apiVersion: pilot-plan/v1\nkind: Projects\nprojects:\n  - id: P-1\n    name: 虚拟电厂\n    tasks: [T-1]\n${fields}`;

describe('unit-mismatch', () => {
  it('passes the allowed units', () => {
    assert.deepEqual(summary(checkMemory({ 'plan.pilot.yaml': MINIMAL_PLAN }, only)), []);
    for (const [type, unit] of [['reduction', '"%"'], ['level', 'GW'], ['intensity', 'tce/万元'], ['level', '"%%"']]) {
      assert.deepEqual(summary(checkMemory({ 'plan.pilot.yaml': withIndicator(type, unit) }, only)), [], `${type} ${unit}`);
    }
    for (const [inv, cap, red] of [['元', 'kW', 'tCO2/a'], ['万元', 'MW', '万tCO2/a'], ['亿元', 'GW', 'MtCO2/a'], ['亿元', '万kW', 'MtCO2/a']]) {
      const p = projects(`    investment: { value: 1, unit: ${inv} }\n    capacity: { value: 1, unit: ${cap} }\n    reduction: { value: 1, unit: ${red} }\n`);
      assert.deepEqual(summary(checkMemory({ 'plan.pilot.yaml': MINIMAL_PLAN, 'p.pilot.yaml': p }, only)), [], inv);
    }
    const plan = MINIMAL_PLAN.replace('baseYear: 2020\n', 'baseYear: 2020\ninvestmentTotal: { value: 3, unit: 亿元 }\npeak: { year: 2028, level: { value: 1.6, unit: 亿tCO2 } }\n');
    assert.deepEqual(summary(checkMemory({ 'plan.pilot.yaml': plan }, only)), []);
  });

  it('passes the Chinese spellings official texts write, equal to the symbols', () => {
    for (const [cap, red, storage] of [
      ['千瓦', '吨二氧化碳/年', '千瓦时'],
      ['兆瓦', '万吨二氧化碳/年', '兆瓦时'],
      ['万千瓦', '百万吨二氧化碳/年', '万千瓦时'],
      ['吉瓦', '万吨二氧化碳当量/年', '吉瓦时'],
      ['百万千瓦', '万tCO2e/a', '百万千瓦时'],
      ['亿千瓦', 'tCO2e/a', '亿千瓦时'],
      ['亿kW', '吨二氧化碳当量/年', '亿kWh'],
    ]) {
      const p = projects(`    capacity: { value: 1, unit: ${cap} }\n    storage: { value: 1, unit: ${storage} }\n    generation: { value: 1, unit: ${storage} }\n    reduction: { value: 1, unit: ${red} }\n`);
      assert.deepEqual(summary(checkMemory({ 'plan.pilot.yaml': MINIMAL_PLAN, 'p.pilot.yaml': p }, only)), [], cap);
    }
    for (const level of ['吨二氧化碳', '万吨二氧化碳', '百万吨二氧化碳', '亿吨二氧化碳']) {
      const plan = MINIMAL_PLAN.replace('baseYear: 2020\n', `baseYear: 2020\npeak: { year: 2028, level: { value: 1.6, unit: ${level} } }\n`);
      assert.deepEqual(summary(checkMemory({ 'plan.pilot.yaml': plan }, only)), [], level);
    }
  });

  it('reports a unit in Chinese on the wrong field, naming the allowed units in both spellings and what the unit measures', () => {
    const p = projects('    capacity: { value: 10, unit: 万吨标准煤 }\n    storage: { value: 20, unit: 万千瓦 }\n');
    const f = checkMemory({ 'plan.pilot.yaml': MINIMAL_PLAN, 'p.pilot.yaml': p }, only);
    assert.deepEqual(summary(f), ['unit-mismatch@p.pilot.yaml:7', 'unit-mismatch@p.pilot.yaml:8']);
    assert.deepEqual([f[0].column, f[0].endColumn], [34, 39]);
    assert.equal(
      f[0].message,
      'Project `P-1`: the unit `万吨标准煤` is not allowed for `capacity`; use `kW` (`千瓦`), `MW` (`兆瓦`), `万kW` (`万千瓦`), `GW` (`吉瓦`, `百万千瓦`) or `亿kW` (`亿千瓦`). `万吨标准煤` is a unit of energy in coal equivalent.',
    );
    assert.match(f[1].message, /the unit `万千瓦` is not allowed for `storage`; use `kWh` \(`千瓦时`\), `MWh` \(`兆瓦时`\), `万kWh` \(`万千瓦时`\), `GWh` \(`吉瓦时`, `百万千瓦时`\) or `亿kWh` \(`亿千瓦时`\)\. Did you mean `万千瓦时`\? `万千瓦` is a unit of power/);
    const zh = checkMemory({ 'plan.pilot.yaml': MINIMAL_PLAN, 'p.pilot.yaml': p }, { ...only, locale: 'zh-CN' });
    assert.equal(
      zh[0].message,
      '项目 `P-1`：`capacity` 的单位 `万吨标准煤` 不符合要求，可用单位为 `kW`（`千瓦`）、`MW`（`兆瓦`）、`万kW`（`万千瓦`）、`GW`（`吉瓦`、`百万千瓦`）、`亿kW`（`亿千瓦`）。`万吨标准煤` 是能源消费量（标准煤）的单位。',
    );
    // Every spelling is a quick fix, the nearest first.
    const data = raw({ 'plan.pilot.yaml': MINIMAL_PLAN, 'p.pilot.yaml': p }).map((x) => x.data?.suggestions as string[]);
    assert.deepEqual(new Set(data[0]), new Set(['kW', '千瓦', 'MW', '兆瓦', '万kW', '万千瓦', 'GW', '吉瓦', '百万千瓦', '亿kW', '亿千瓦']));
    assert.equal(data[1][0], '万千瓦时');
  });

  it('checks the units of storage and generation, and does not take a CO2-equivalent for the CO2 peak', () => {
    const p = projects('    storage: { value: 1, unit: MW }\n    generation: { value: 1, unit: 亿度 }\n    capacity: { value: 1, unit: 万千瓦时 }\n');
    const f = checkMemory({ 'plan.pilot.yaml': MINIMAL_PLAN, 'p.pilot.yaml': p }, only);
    assert.deepEqual(summary(f), ['unit-mismatch@p.pilot.yaml:7', 'unit-mismatch@p.pilot.yaml:8', 'unit-mismatch@p.pilot.yaml:9']);
    assert.match(f[0].message, /not allowed for `storage`.*Did you mean `MWh`\? `MW` is a unit of power \(installed or dispatchable capacity\): it belongs in `capacity`\.$/);
    assert.match(f[1].message, /not allowed for `generation`; use `kWh` \(`千瓦时`\)/);
    assert.doesNotMatch(f[1].message, /is a unit of/);
    assert.match(f[2].message, /`万千瓦时` is a unit of electricity \(energy\): it belongs in `storage` or `generation`\.$/);
    const zh = checkMemory({ 'plan.pilot.yaml': MINIMAL_PLAN, 'p.pilot.yaml': p }, { ...only, locale: 'zh-CN' });
    assert.match(zh[2].message, /`万千瓦时` 是电量的单位，应填在 `storage`或`generation`。$/);
    const plan = MINIMAL_PLAN.replace('baseYear: 2020\n', 'baseYear: 2020\npeak: { year: 2028, level: { value: 1.6, unit: 亿吨二氧化碳当量 } }\n');
    assert.deepEqual(summary(checkMemory({ 'plan.pilot.yaml': plan }, only)), ['unit-mismatch@plan.pilot.yaml:9']);
  });

  it('reports a share whose unit is not %, on the unit, with % as the fix', () => {
    const text = withIndicator('share', 'percent');
    const f = checkMemory({ 'plan.pilot.yaml': text }, only);
    assert.deepEqual(summary(f), ['unit-mismatch@plan.pilot.yaml:20']);
    assert.deepEqual([f[0].line, f[0].column, f[0].endLine, f[0].endColumn], [20, 11, 20, 18]);
    assert.equal(f[0].severity, 'error');
    assert.match(f[0].message, /Indicator `IND-1` is a share indicator, so its unit must be `%`, not `percent`\. Change the unit to `%`/);
    assert.deepEqual(raw({ 'plan.pilot.yaml': text })[0].data?.suggestions, ['%']);
    assert.deepEqual(summary(checkMemory({ 'plan.pilot.yaml': withIndicator('reduction', '"％"') }, only)), ['unit-mismatch@plan.pilot.yaml:20']);
  });

  it('reports % on a level or an intensity', () => {
    for (const type of ['level', 'intensity']) {
      const f = checkMemory({ 'plan.pilot.yaml': withIndicator(type, '"%"') }, only);
      assert.deepEqual(summary(f), ['unit-mismatch@plan.pilot.yaml:20'], type);
      assert.match(f[0].message, new RegExp(`is an? ${type} indicator, so its unit cannot be \`%\``));
    }
  });

  it('reports a project unit outside the allowed list, with the nearest units as quick fixes', () => {
    const p = projects('    investment: { value: 1, unit: 万美元 }\n    capacity: { value: 1, unit: 万 千瓦 }\n    reduction: { value: 1, unit: tCO2 }\n');
    const f = checkMemory({ 'plan.pilot.yaml': MINIMAL_PLAN, 'p.pilot.yaml': p }, only);
    assert.deepEqual(summary(f), ['unit-mismatch@p.pilot.yaml:7', 'unit-mismatch@p.pilot.yaml:8', 'unit-mismatch@p.pilot.yaml:9']);
    assert.deepEqual([f[0].column, f[0].endColumn], [35, 38]);
    assert.match(f[0].message, /Project `P-1`: the unit `万美元` is not allowed for `investment`; use `元`, `万元` or `亿元`\. Did you mean `万元`\?/);
    assert.match(f[1].message, /Did you mean `万千瓦`\?/, 'the spelling nearer as written');
    assert.match(f[2].message, /Did you mean `tCO2\/a`\? `tCO2` is a unit of CO2 emissions\./);
    const data = raw({ 'plan.pilot.yaml': MINIMAL_PLAN, 'p.pilot.yaml': p }).map((x) => x.data?.suggestions);
    assert.deepEqual(data[0]?.[0], '万元');
    assert.deepEqual(new Set(data[0]), new Set(['元', '万元', '亿元']));
    assert.deepEqual(data[1]?.[0], '万千瓦');
    assert.deepEqual(data[1]?.[1], '万kW');
    assert.deepEqual(data[2]?.[0], 'tCO2/a');
  });

  it('says no "did you mean" for a unit far from every allowed one', () => {
    const f = checkMemory({ 'plan.pilot.yaml': MINIMAL_PLAN, 'p.pilot.yaml': projects('    capacity: { value: 1, unit: horsepower }\n') }, only);
    assert.deepEqual(summary(f), ['unit-mismatch@p.pilot.yaml:7']);
    assert.doesNotMatch(f[0].message, /Did you mean/);
  });

  it('reports a missing or non-text project unit value (the schema leaves the enum to this rule)', () => {
    const p = projects('    investment: { value: 1, unit: }\n    capacity: { value: 1, unit: 5 }\n');
    const f = checkMemory({ 'plan.pilot.yaml': MINIMAL_PLAN, 'p.pilot.yaml': p }, only);
    assert.deepEqual(summary(f), ['unit-mismatch@p.pilot.yaml:7', 'unit-mismatch@p.pilot.yaml:8']);
    assert.match(f[1].message, /the unit `5` is not allowed for `capacity`/);
    // No unit key at all is the schema's (a missing required key).
    assert.deepEqual(summary(checkMemory({ 'plan.pilot.yaml': MINIMAL_PLAN, 'p.pilot.yaml': projects('    investment: { value: 1 }\n') }, only)), []);
  });

  it('reports the units of investmentTotal and peak.level in the Plan file', () => {
    const plan = MINIMAL_PLAN.replace('baseYear: 2020\n', 'baseYear: 2020\ninvestmentTotal: { value: 3, unit: 亿 }\npeak:\n  year: 2028\n  level: { value: 1.6, unit: 万tce }\n');
    const f = checkMemory({ 'plan.pilot.yaml': plan }, only);
    assert.deepEqual(summary(f), ['unit-mismatch@plan.pilot.yaml:12', 'unit-mismatch@plan.pilot.yaml:9']);
    assert.match(f.find((x) => x.line === 9)!.message, /Plan `TEST`: the unit `亿` is not allowed for `investmentTotal`.*Did you mean `亿元`/);
    assert.match(f.find((x) => x.line === 12)!.message, /for `peak.level`; use `tCO2` \(`吨二氧化碳`\), `万tCO2` \(`万吨二氧化碳`\), `MtCO2` \(`百万吨二氧化碳`\) or `亿tCO2` \(`亿吨二氧化碳`\)\. `万tce` is a unit of energy/);
  });

  it('finds the unit a planner meant', () => {
    assert.equal(unitSuggestions('gw', ['kW', 'MW', 'GW', '万kW']).near, 'GW');
    assert.equal(unitSuggestions('万千瓦', ['kW', 'MW', 'GW', '万kW']).near, '万kW');
    assert.equal(unitSuggestions('万 kW', ['万kW', '万千瓦']).near, '万kW');
    assert.equal(unitSuggestions('万 千瓦', ['万kW', '万千瓦']).near, '万千瓦');
    assert.equal(unitSuggestions('万吨CO2/年', ['tCO2/a', '万tCO2/a', 'MtCO2/a']).near, '万tCO2/a');
    assert.equal(unitSuggestions('亿 元', ['元', '万元', '亿元']).near, '亿元');
    assert.equal(unitSuggestions('', ['元', '万元', '亿元']).near, undefined);
    assert.equal(unitSuggestions('megawatt-hours', ['kW', 'MW', 'GW', '万kW']).near, undefined);
  });

  it('is silenced by a comment on the line above', () => {
    const text = MINIMAL_PLAN.replace('    unit: "%"\n', '    # pilot-plan-disable-next-line unit-mismatch\n    unit: percent\n');
    assert.deepEqual(summary(checkMemory({ 'plan.pilot.yaml': text }, only)), []);
  });

  it('robust: wrong types do not throw, and indicator units that are not text are the schema\'s', () => {
    for (const u of ['5', '""', '"  "', '[ "%" ]', 'null']) {
      assert.deepEqual(summary(checkMemory({ 'plan.pilot.yaml': withIndicator('share', u) }, only)), [], u);
    }
    assert.deepEqual(summary(checkMemory({ 'plan.pilot.yaml': withIndicator('[share]', 'percent') }, only)), []);
    for (const c of [
      projects('    investment: 亿元\n    capacity: [1, GW]\n    reduction: null\n'),
      'apiVersion: pilot-plan/v1\nkind: Projects\nprojects: { investment: { unit: x } }\n',
      'apiVersion: pilot-plan/v1\nkind: Projects\nprojects: [null, 1, [2]]\n',
      '"just a string"\n',
    ]) {
      assert.deepEqual(summary(checkMemory({ 'plan.pilot.yaml': MINIMAL_PLAN, 'p.pilot.yaml': c }, only)), [], c);
    }
    const plan = MINIMAL_PLAN.replace('baseYear: 2020\n', 'baseYear: 2020\ninvestmentTotal: 3\npeak: 2028\n');
    assert.deepEqual(summary(checkMemory({ 'plan.pilot.yaml': plan }, only)), []);
  });

  it('speaks Chinese', () => {
    const f = checkMemory({ 'plan.pilot.yaml': withIndicator('share', 'percent') }, { ...only, locale: 'zh-CN' });
    assert.match(f[0].message, /指标 `IND-1` 为占比类指标，单位应为 `%`，而不是 `percent`/);
    const g = checkMemory({ 'plan.pilot.yaml': MINIMAL_PLAN, 'p.pilot.yaml': projects('    investment: { value: 1, unit: 万美元 }\n') }, { ...only, locale: 'zh-CN' });
    assert.match(g[0].message, /项目 `P-1`：`investment` 的单位 `万美元` 不符合要求，可用单位为 `元`、`万元`、`亿元`。您是否想写 `万元`？/);
  });
});
