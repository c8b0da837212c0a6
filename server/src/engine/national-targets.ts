/**
 * The national targets an indicator may name in `nationalRef` (docs/format.md,
 * "National targets", which shows this table), for the national-target rule and hovers.
 *
 * Sources:
 * - 《中共中央 国务院关于完整准确全面贯彻新发展理念做好碳达峰碳中和工作的意见》
 *   (CPC Central Committee and State Council, *Opinions on fully, accurately and
 *   comprehensively implementing the new development philosophy and doing a good
 *   job of carbon peaking and carbon neutrality*, 中发〔2021〕36号, September 2021):
 *   every 2025 and 2030 figure below.
 * - 《2030年前碳达峰行动方案》(State Council, *Action Plan for Carbon Dioxide
 *   Peaking Before 2030*, 国发〔2021〕23号, October 2021): restates them all
 *   except forest coverage in 2025. The 2025 reductions are also those of the
 *   14th Five-Year Plan outline (March 2021).
 * - China's 2035 nationally determined contribution, announced by President Xi
 *   Jinping in a video address to the UN Climate Summit on 24 September 2025
 *   (Xinhua's report as carried by 联合早报 kzaobao.com/news/china/202509/2553169.html
 *   and 经济通 etnet.com.hk, 25 September 2025): non-fossil share of energy
 *   consumption over 30%; wind and solar capacity 6 times the 2020 level or
 *   more, striving for 3,600 GW (36 亿千瓦).
 *
 * What the rule compares (docs/rules/national-target.md): only reduction rates,
 * with the national rate over the same period. Shares are compared with the
 * province's published target (provincial-targets.ts); national totals never.
 *
 * Values are in the table's unit: percentages for reductions and shares, MW for
 * capacities (1,200 GW = 12 亿千瓦 = 1,200,000 MW).
 */
import type { LocalText } from './i18n/messages';
import type { Direction } from './indicators';

export type NationalKey = 'co2-intensity' | 'energy-intensity' | 'non-fossil-share' | 'forest-coverage' | 'wind-solar-capacity';

export interface NationalTarget {
  year: number;
  /** In the indicator's base unit: % for reductions and shares, MW for capacity. */
  value: number;
  /** Reductions only: the year the cut is measured from. */
  referenceYear?: number;
  /** How the documents state it, e.g. "down 18% from 2020 by 2025" / "到 2025 年比 2020 年下降 18%". */
  text: LocalText;
  source: LocalText;
}

/**
 * What a plan's target of the indicator is compared with:
 * - `national`: the national rate over the same period (reductions);
 * - `province`: the province's published target (provincial-targets.ts), else nothing;
 * - `none`: nothing; the national figure is context in the hover (a city's or park's
 *   absolute total is a share of the national one, never comparable with it).
 */
export type Comparison = 'national' | 'province' | 'none';

export interface NationalIndicator {
  key: NationalKey;
  name: LocalText;
  type: 'reduction' | 'share' | 'level';
  comparison: Comparison;
  /** The way the real quantity should move. */
  direction: Direction;
  /** For levels: the quantity (units.ts) the table's values are in. */
  quantity?: 'capacity';
  targets: NationalTarget[];
}

export const NATIONAL_SOURCES = {
  opinions: {
    en: 'CPC Central Committee and State Council, Opinions on carbon peaking and neutrality',
    zh: '中共中央、国务院《关于完整准确全面贯彻新发展理念做好碳达峰碳中和工作的意见》',
  },
  actionPlan: {
    en: 'State Council, Action Plan for Carbon Dioxide Peaking Before 2030',
    zh: '国务院《2030年前碳达峰行动方案》',
  },
  ndc2035: {
    en: "China's 2035 nationally determined contribution, announced on 24 September 2025",
    zh: '2025 年 9 月 24 日宣布的中国 2035 年国家自主贡献目标',
  },
} satisfies Record<string, LocalText>;

const { opinions, actionPlan, ndc2035 } = NATIONAL_SOURCES;

export const NATIONAL_TARGETS: Record<NationalKey, NationalIndicator> = {
  'co2-intensity': {
    key: 'co2-intensity',
    name: { en: 'CO2 emissions per unit of GDP', zh: '单位国内生产总值二氧化碳排放' },
    type: 'reduction',
    comparison: 'national',
    direction: 'decrease',
    targets: [
      { year: 2025, value: 18, referenceYear: 2020, text: { en: 'down 18% from 2020 by 2025', zh: '到 2025 年比 2020 年下降 18%' }, source: actionPlan },
      {
        year: 2030,
        value: 65,
        referenceYear: 2005,
        text: { en: 'down more than 65% from 2005 by 2030', zh: '到 2030 年比 2005 年下降 65% 以上' },
        source: actionPlan,
      },
    ],
  },
  'energy-intensity': {
    key: 'energy-intensity',
    name: { en: 'energy consumption per unit of GDP', zh: '单位国内生产总值能源消耗' },
    type: 'reduction',
    comparison: 'national',
    direction: 'decrease',
    targets: [
      { year: 2025, value: 13.5, referenceYear: 2020, text: { en: 'down 13.5% from 2020 by 2025', zh: '到 2025 年比 2020 年下降 13.5%' }, source: actionPlan },
    ],
  },
  'non-fossil-share': {
    key: 'non-fossil-share',
    name: { en: 'non-fossil share of energy consumption', zh: '非化石能源消费比重' },
    type: 'share',
    comparison: 'province',
    direction: 'increase',
    targets: [
      { year: 2025, value: 20, text: { en: 'about 20% by 2025', zh: '到 2025 年达到 20% 左右' }, source: actionPlan },
      { year: 2030, value: 25, text: { en: 'about 25% by 2030', zh: '到 2030 年达到 25% 左右' }, source: actionPlan },
      { year: 2035, value: 30, text: { en: 'over 30% by 2035', zh: '到 2035 年达到 30% 以上' }, source: ndc2035 },
    ],
  },
  'forest-coverage': {
    key: 'forest-coverage',
    name: { en: 'forest coverage', zh: '森林覆盖率' },
    type: 'share',
    comparison: 'province',
    direction: 'increase',
    targets: [
      { year: 2025, value: 24.1, text: { en: '24.1% by 2025', zh: '到 2025 年达到 24.1%' }, source: opinions },
      { year: 2030, value: 25, text: { en: 'about 25% by 2030', zh: '到 2030 年达到 25% 左右' }, source: actionPlan },
    ],
  },
  'wind-solar-capacity': {
    key: 'wind-solar-capacity',
    name: { en: 'installed wind and solar capacity', zh: '风电、太阳能发电总装机容量' },
    type: 'level',
    comparison: 'none',
    direction: 'increase',
    quantity: 'capacity',
    targets: [
      { year: 2030, value: 1_200_000, text: { en: 'over 1,200 GW by 2030', zh: '到 2030 年达到 12 亿千瓦以上' }, source: actionPlan },
      {
        year: 2035,
        value: 3_600_000,
        text: { en: '6 times the 2020 level or more by 2035, striving for 3,600 GW', zh: '到 2035 年达到 2020 年的 6 倍以上、力争达到 36 亿千瓦' },
        source: ndc2035,
      },
    ],
  },
};

export function nationalIndicator(key: unknown): NationalIndicator | undefined {
  return typeof key === 'string' && Object.prototype.hasOwnProperty.call(NATIONAL_TARGETS, key) ? NATIONAL_TARGETS[key as NationalKey] : undefined;
}

/** The national target for a year (and, for reductions, a reference year). */
export function nationalTargetFor(ind: NationalIndicator, year: number, referenceYear?: number): NationalTarget | undefined {
  return ind.targets.find((t) => t.year === year && (ind.type !== 'reduction' || t.referenceYear === referenceYear));
}
