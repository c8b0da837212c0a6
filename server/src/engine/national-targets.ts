/**
 * The national targets an indicator may name in `nationalRef` (docs/format.md,
 * "National targets", which shows this table), for the national-target rule, hovers and completion.
 *
 * Sources:
 * - 《中共中央 国务院关于完整准确全面贯彻新发展理念做好碳达峰碳中和工作的意见》
 *   (CPC Central Committee and State Council, *Opinions on fully, accurately and
 *   comprehensively implementing the new development philosophy and doing a good
 *   job of carbon peaking and carbon neutrality*, 中发〔2021〕36号, September 2021):
 *   every figure below.
 * - 《2030年前碳达峰行动方案》(State Council, *Action Plan for Carbon Dioxide
 *   Peaking Before 2030*, 国发〔2021〕23号, October 2021): restates them all
 *   except forest coverage in 2025.
 *
 * Values are in the table's unit: percentages for reductions and shares, MW for
 * capacities (1,200 GW = 12 亿千瓦 = 1,200,000 MW).
 */
import type { LocalText } from './i18n/messages';
import type { Direction } from './indicators';
import { UNITS } from './units';

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

export interface NationalIndicator {
  key: NationalKey;
  name: LocalText;
  type: 'reduction' | 'share' | 'level';
  /** The way the real quantity should move. */
  direction: Direction;
  /** For levels: the quantity whose units (units.ts) the indicator's unit must be one of. */
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
} satisfies Record<string, LocalText>;

const { opinions, actionPlan } = NATIONAL_SOURCES;

export const NATIONAL_TARGETS: Record<NationalKey, NationalIndicator> = {
  'co2-intensity': {
    key: 'co2-intensity',
    name: { en: 'CO2 emissions per unit of GDP', zh: '单位国内生产总值二氧化碳排放' },
    type: 'reduction',
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
    direction: 'decrease',
    targets: [
      { year: 2025, value: 13.5, referenceYear: 2020, text: { en: 'down 13.5% from 2020 by 2025', zh: '到 2025 年比 2020 年下降 13.5%' }, source: actionPlan },
    ],
  },
  'non-fossil-share': {
    key: 'non-fossil-share',
    name: { en: 'non-fossil share of energy consumption', zh: '非化石能源消费比重' },
    type: 'share',
    direction: 'increase',
    targets: [
      { year: 2025, value: 20, text: { en: 'about 20% by 2025', zh: '到 2025 年达到 20% 左右' }, source: actionPlan },
      { year: 2030, value: 25, text: { en: 'about 25% by 2030', zh: '到 2030 年达到 25% 左右' }, source: actionPlan },
    ],
  },
  'forest-coverage': {
    key: 'forest-coverage',
    name: { en: 'forest coverage', zh: '森林覆盖率' },
    type: 'share',
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
    direction: 'increase',
    quantity: 'capacity',
    targets: [
      { year: 2030, value: 1_200_000, text: { en: 'over 1,200 GW by 2030', zh: '到 2030 年达到 12 亿千瓦以上' }, source: actionPlan },
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

/**
 * Factor from an indicator's unit to the national table's unit: 1 for
 * percentages, the capacity factor to MW for levels; undefined if the unit
 * cannot be converted.
 */
export function unitFactor(ind: NationalIndicator, unit: unknown): number | undefined {
  if (!ind.quantity) return 1;
  if (typeof unit !== 'string') return undefined;
  const factors: Record<string, number> = UNITS[ind.quantity].factors;
  return Object.prototype.hasOwnProperty.call(factors, unit.trim()) ? factors[unit.trim()] : undefined;
}
