/**
 * The hover of an indicator that names a national target: the national totals
 * and 2035 targets as context, and what the national-target rule compares its
 * targets with (the same period, the province's document, or nothing).
 */
import * as assert from 'node:assert/strict';
import { hoverAt } from '../../server/src/engine/editor/hover';
import type { EditorFile, EditorPlan } from '../../server/src/engine/editor/context';
import type { Locale } from '../../server/src/engine/i18n/messages';
import { parseText } from '../../server/src/engine/parse/load';
import { buildFileModel } from '../../server/src/engine/plan/model';
import { PlanIndex } from '../../server/src/engine/plan/plan-index';

const ROOT = '/mem/plan';

function planOf(files: Record<string, string>): EditorPlan {
  const index = new PlanIndex(ROOT);
  for (const [rel, text] of Object.entries(files)) index.setFile(buildFileModel(parseText(`${ROOT}/${rel}`, text)));
  return { root: ROOT, index, lastGood: () => undefined };
}

/** The hover `delta` characters into the first `needle` of file `rel`. */
function hover(plan: EditorPlan, rel: string, needle: string, delta: number, locale: Locale = 'en'): string {
  const model = plan.index.file(`${ROOT}/${rel}`)!;
  const at = model.parsed.text.indexOf(needle);
  assert.ok(at >= 0, needle);
  const file: EditorFile = { path: model.path, model };
  return hoverAt(file, plan, at + delta, locale)?.markdown ?? '';
}

const PLAN = (province: string, indicators: string) => `apiVersion: pilot-plan/v1
kind: Plan
id: SZ
pilot:
  name: 深圳市
  type: city
  province: ${province}
baseYear: 2020
targetYears: [2025, 2030]
indicators:
${indicators}`;

const CAPACITY = `  - id: IND-PV
    name: 光伏装机容量
    type: level
    unit: 万kW
    direction: increase
    baseline: { year: 2020, value: 100 }
    targets:
      - { year: 2030, value: 240 }
    nationalRef: wind-solar-capacity
`;

const NONFOSSIL = `  - id: IND-NF
    name: 非化石能源消费比重
    type: share
    unit: "%"
    direction: increase
    baseline: { year: 2020, value: 10 }
    targets:
      - { year: 2025, value: 14 }
    nationalRef: non-fossil-share
`;

const CO2 = `  - id: IND-CO2
    name: 单位地区生产总值二氧化碳排放降低
    type: reduction
    unit: "%"
    direction: decrease
    targets:
      - { year: 2025, value: 18 }
    nationalRef: co2-intensity
`;

describe('hover: the national target an indicator names', () => {
  it('shows the national totals and the 2035 targets for a capacity, as context only', () => {
    const plan = planOf({ 'plan.pilot.yaml': PLAN('广东省', CAPACITY) });
    for (const h of [hover(plan, 'plan.pilot.yaml', 'IND-PV', 2), hover(plan, 'plan.pilot.yaml', 'wind-solar-capacity', 3)]) {
      assert.match(h, /\*\*National target\*\* `wind-solar-capacity`: installed wind and solar capacity/);
      assert.match(h, /- over 1,200 GW by 2030 \(State Council, Action Plan for Carbon Dioxide Peaking Before 2030\)/);
      assert.match(h, /- 6 times the 2020 level or more by 2035, striving for 3,600 GW \(China's 2035 nationally determined contribution, announced on 24 September 2025\)/);
      assert.match(h, /Not checked: the national total is context only/);
    }
    const zh = hover(plan, 'plan.pilot.yaml', 'IND-PV', 2, 'zh-CN');
    assert.match(zh, /\*\*国家目标\*\* `wind-solar-capacity`：风电、太阳能发电总装机容量/);
    assert.match(zh, /- 到 2030 年达到 12 亿千瓦以上（国务院《2030年前碳达峰行动方案》）/);
    assert.match(zh, /- 到 2035 年达到 2020 年的 6 倍以上、力争达到 36 亿千瓦（2025 年 9 月 24 日宣布的中国 2035 年国家自主贡献目标）/);
    assert.match(zh, /不检查：全国总量仅供参考/);
  });

  it("shows the 2035 non-fossil share and the province's target the share is checked against", () => {
    const plan = planOf({ 'plan.pilot.yaml': PLAN('山东省', NONFOSSIL) });
    const h = hover(plan, 'plan.pilot.yaml', 'non-fossil-share', 3);
    // The schema's text for the value comes first.
    assert.match(h, /Non-fossil share/);
    assert.match(h, /- about 20% by 2025[^\n]*\n- about 25% by 2030[^\n]*\n- over 30% by 2035 \(China's 2035 nationally determined contribution/);
    assert.match(h, /Checked: against the target of Shandong \(about 13% by 2025; about 20% by 2030; Shandong Provincial People's Government, .*鲁政字〔2022〕242号, 2022-12-18\)\); the national figures are context only/);
    const zh = hover(plan, 'plan.pilot.yaml', 'IND-NF', 2, 'zh-CN');
    assert.match(zh, /- 到 2035 年达到 30% 以上（2025 年 9 月 24 日宣布的中国 2035 年国家自主贡献目标）/);
    assert.match(zh, /检查：与山东省目标比较（到 2025 年达到 13% 左右；到 2030 年达到 20% 左右，见山东省人民政府《山东省碳达峰实施方案》（鲁政字〔2022〕242号，2022-12-18））/);
    // A province without a table entry: not checked.
    const js = hover(planOf({ 'plan.pilot.yaml': PLAN('江苏省', NONFOSSIL) }), 'plan.pilot.yaml', 'IND-NF', 2);
    assert.match(js, /Not checked: no published target of 江苏省 is on record; the national figures are context only/);
  });

  it('reads the province from the Plan file for an indicator in another file, and says how a cut is checked', () => {
    const plan = planOf({
      'plan.pilot.yaml': PLAN('湖南省', '').replace(/indicators:\n$/, ''),
      'indicators.pilot.yaml': `apiVersion: pilot-plan/v1\nkind: Indicators\nindicators:\n${NONFOSSIL}${CO2}`,
    });
    assert.match(hover(plan, 'indicators.pilot.yaml', 'IND-NF', 2), /Checked: against the target of Hunan \(about 22% by 2025; about 25% by 2030;/);
    const co2 = hover(plan, 'indicators.pilot.yaml', 'IND-CO2', 2);
    assert.match(co2, /- down 18% from 2020 by 2025 .*\n- down more than 65% from 2005 by 2030/);
    assert.match(co2, /Checked: a cut is compared with the national cut over the same period/);
  });

  it('adds nothing for an indicator without a national target', () => {
    const plan = planOf({ 'plan.pilot.yaml': PLAN('广东省', NONFOSSIL.replace('    nationalRef: non-fossil-share\n', '')) });
    const h = hover(plan, 'plan.pilot.yaml', 'IND-NF', 2);
    assert.match(h, /Baseline → targets/);
    assert.doesNotMatch(h, /National target/);
  });
});
