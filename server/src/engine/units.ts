/**
 * Units the format allows per field, each with one canonical form and the
 * spellings equal to it (万千瓦 = 万kW, 万吨标准煤 = 万tce: official texts write
 * the Chinese ones), and conversion to a common unit where a rule adds or
 * compares amounts. Chinese magnitudes: 万 = 10^4, 亿 = 10^8.
 *
 * The schemas' unit enums list every spelling here, and their descriptions
 * name each spelling's equals; test/engine/units.test.ts holds them together.
 */
import type { LocalText } from './i18n/messages';

export type QuantityField = 'investment' | 'capacity' | 'reduction' | 'emission' | 'energy' | 'electricity';

export interface UnitSpec {
  /** The canonical form. */
  unit: string;
  /** Other spellings that mean the same unit. */
  equals: readonly string[];
  /** The base unit of what it measures: the quantity's base, or tCO2e/a for a CO2-equivalent. */
  base: string;
  /** Factor to `base`. */
  factor: number;
  name: LocalText;
}

export interface Quantity {
  /** The unit rules convert to. */
  base: string;
  name: LocalText;
  /** In the order the schema's enum lists them: ascending, each canonical form before its equals. */
  units: readonly UnitSpec[];
  /** Every spelling measured in `base` → its factor to `base`. */
  factors: Record<string, number>;
}

function unit(unit: string, equals: string[], base: string, factor: number, zh: string, en: string): UnitSpec {
  return { unit, equals, base, factor, name: { zh, en } };
}

function quantity(base: string, name: LocalText, units: UnitSpec[]): Quantity {
  const factors: Record<string, number> = {};
  // A CO2-equivalent amount is not converted to CO2: it counts other greenhouse gases too.
  for (const u of units) if (u.base === base) for (const s of [u.unit, ...u.equals]) factors[s] = u.factor;
  return { base, name, units, factors };
}

const CO2E_A = 'tCO2e/a';

export const UNITS: Record<QuantityField, Quantity> = {
  investment: quantity('亿元', { zh: '金额', en: 'money' }, [
    unit('元', [], '亿元', 1e-8, '元（人民币元）', 'yuan (CNY)'),
    unit('万元', [], '亿元', 1e-4, '万元（一万元）', '10^4 yuan'),
    unit('亿元', [], '亿元', 1, '亿元（一亿元）', '10^8 yuan'),
  ]),
  capacity: quantity('MW', { zh: '功率（装机或调节容量）', en: 'power (installed or dispatchable capacity)' }, [
    unit('kW', ['千瓦'], 'MW', 1e-3, '千瓦', 'kilowatt'),
    unit('MW', ['兆瓦'], 'MW', 1, '兆瓦', 'megawatt'),
    unit('万kW', ['万千瓦'], 'MW', 10, '万千瓦', '10^4 kilowatts'),
    unit('GW', ['吉瓦', '百万千瓦'], 'MW', 1e3, '吉瓦', 'gigawatt'),
    unit('亿kW', ['亿千瓦'], 'MW', 1e5, '亿千瓦', '10^8 kilowatts'),
  ]),
  reduction: quantity('tCO2/a', { zh: '年减排量', en: 'annual emission reductions' }, [
    unit('tCO2/a', ['吨二氧化碳/年'], 'tCO2/a', 1, '吨二氧化碳/年', 'tonnes of CO2 per year'),
    unit('tCO2e/a', ['吨二氧化碳当量/年'], CO2E_A, 1, '吨二氧化碳当量/年', 'tonnes of CO2 equivalent per year'),
    unit('万tCO2/a', ['万吨二氧化碳/年'], 'tCO2/a', 1e4, '万吨二氧化碳/年', '10^4 tonnes of CO2 per year'),
    unit('万tCO2e/a', ['万吨二氧化碳当量/年'], CO2E_A, 1e4, '万吨二氧化碳当量/年', '10^4 tonnes of CO2 equivalent per year'),
    unit('MtCO2/a', ['百万吨二氧化碳/年'], 'tCO2/a', 1e6, '百万吨二氧化碳/年', 'megatonnes of CO2 per year'),
  ]),
  emission: quantity('tCO2', { zh: '二氧化碳排放量', en: 'CO2 emissions' }, [
    unit('tCO2', ['吨二氧化碳'], 'tCO2', 1, '吨二氧化碳', 'tonnes of CO2'),
    unit('万tCO2', ['万吨二氧化碳'], 'tCO2', 1e4, '万吨二氧化碳', '10^4 tonnes of CO2'),
    unit('MtCO2', ['百万吨二氧化碳'], 'tCO2', 1e6, '百万吨二氧化碳', 'megatonnes of CO2'),
    unit('亿tCO2', ['亿吨二氧化碳'], 'tCO2', 1e8, '亿吨二氧化碳', '10^8 tonnes of CO2'),
  ]),
  energy: quantity('tce', { zh: '能源消费量（标准煤）', en: 'energy in coal equivalent' }, [
    unit('tce', ['吨标准煤'], 'tce', 1, '吨标准煤', 'tonnes of coal equivalent'),
    unit('万tce', ['万吨标准煤'], 'tce', 1e4, '万吨标准煤', '10^4 tonnes of coal equivalent'),
    unit('亿tce', ['亿吨标准煤'], 'tce', 1e8, '亿吨标准煤', '10^8 tonnes of coal equivalent'),
  ]),
  electricity: quantity('MWh', { zh: '电量', en: 'electricity (energy)' }, [
    unit('kWh', ['千瓦时'], 'MWh', 1e-3, '千瓦时', 'kilowatt-hour'),
    unit('MWh', ['兆瓦时'], 'MWh', 1, '兆瓦时', 'megawatt-hour'),
    unit('万kWh', ['万千瓦时'], 'MWh', 10, '万千瓦时', '10^4 kilowatt-hours'),
    unit('GWh', ['吉瓦时', '百万千瓦时'], 'MWh', 1e3, '吉瓦时', 'gigawatt-hour'),
    unit('亿kWh', ['亿千瓦时'], 'MWh', 1e5, '亿千瓦时', '10^8 kilowatt-hours'),
  ]),
};

/**
 * Units an indicator may name besides the fields' (its `unit` is free text): for completion and
 * hover only, nothing is checked against them.
 */
export const INDICATOR_UNITS: readonly UnitSpec[] = [
  unit('tCO2e', ['吨二氧化碳当量'], 'tCO2e', 1, '吨二氧化碳当量', 'tonnes of CO2 equivalent'),
  unit('万tCO2e', ['万吨二氧化碳当量'], 'tCO2e', 1e4, '万吨二氧化碳当量', '10^4 tonnes of CO2 equivalent'),
  unit('tce/万元', ['吨标准煤/万元'], 'tce/万元', 1, '吨标准煤/万元（单位产出能耗）', 'tonnes of coal equivalent per 10^4 yuan (energy intensity)'),
  unit('tCO2/万元', ['吨二氧化碳/万元'], 'tCO2/万元', 1, '吨二氧化碳/万元（单位产出碳排放）', 'tonnes of CO2 per 10^4 yuan (carbon intensity)'),
];

/** Every spelling the field allows, in the schema's order. */
export function allowedUnits(field: QuantityField): string[] {
  return UNITS[field].units.flatMap((u) => [u.unit, ...u.equals]);
}

const SPELLINGS = new Map<string, { spec: UnitSpec; field?: QuantityField }>();
for (const field of Object.keys(UNITS) as QuantityField[]) for (const spec of UNITS[field].units) for (const s of [spec.unit, ...spec.equals]) SPELLINGS.set(s, { spec, field });
for (const spec of INDICATOR_UNITS) for (const s of [spec.unit, ...spec.equals]) SPELLINGS.set(s, { spec });

/** The unit a spelling writes (of a field, or of indicators only), or undefined for text that is no unit of the format. */
export function unitOf(spelling: string): { spec: UnitSpec; field?: QuantityField } | undefined {
  return SPELLINGS.get(spelling);
}

/** The canonical form of a spelling of the field's units (万千瓦 → 万kW), or undefined. */
export function canonicalUnit(field: QuantityField, spelling: string): string | undefined {
  const u = unitOf(spelling);
  return u?.field === field ? u.spec.unit : undefined;
}

/** The value in the field's base unit, or undefined for a unit the field does not allow or one of another measure (CO2e). */
export function toBase(field: QuantityField, value: number, unit: string): number | undefined {
  const factors = UNITS[field].factors;
  return Object.prototype.hasOwnProperty.call(factors, unit) ? value * factors[unit] : undefined;
}

/** A `{ value, unit }` amount of a field in its base unit (亿元 for investment), or undefined if it cannot be read. */
export function amountOf(field: QuantityField, v: unknown): number | undefined {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return undefined;
  const { value, unit } = v as { value?: unknown; unit?: unknown };
  if (typeof value !== 'number' || !Number.isFinite(value) || typeof unit !== 'string') return undefined;
  return toBase(field, value, unit);
}

/** A factor as the docs write it: 0.001, 1, 1000, 10^4. */
export function factorText(f: number): string {
  const exp = Math.log10(f);
  if (Number.isInteger(exp) && Math.abs(exp) >= 4) return `10^${exp}`;
  return String(f);
}

/** Markdown: what a unit is and the spellings equal to it (hover, completion). */
export function unitMarkdown(spelling: string, zhFirst: boolean): string | undefined {
  const u = unitOf(spelling);
  if (!u) return undefined;
  const { spec } = u;
  const others = [spec.unit, ...spec.equals].filter((s) => s !== spelling).map((s) => `\`${s}\``);
  const inBase = spec.factor !== 1 || spec.base !== spec.unit ? ` = ${factorText(spec.factor)} ${spec.base}` : '';
  const zh = `**\`${spelling}\`**：${spec.name.zh}${inBase ? `，${inBase.trim()}` : ''}。${others.length ? `与 ${others.join('、')} 相同。` : ''}`;
  const en = `**\`${spelling}\`**: ${spec.name.en}${inBase ? `,${inBase}` : ''}.${others.length ? ` The same as ${others.join(' or ')}.` : ''}`;
  return zhFirst ? `${zh}\n\n${en}` : `${en}\n\n${zh}`;
}
