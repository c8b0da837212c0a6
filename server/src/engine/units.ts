/**
 * Units the format allows per field, and conversion to a common unit where a
 * rule adds or compares amounts. Chinese magnitudes: 万 = 10^4, 亿 = 10^8.
 */
export type QuantityField = 'investment' | 'capacity' | 'reduction' | 'emission' | 'energy';

/** Allowed units, and each one's factor to the field's base unit. */
export const UNITS: Record<QuantityField, { base: string; factors: Record<string, number> }> = {
  investment: { base: '亿元', factors: { 元: 1e-8, 万元: 1e-4, 亿元: 1 } },
  capacity: { base: 'MW', factors: { kW: 1e-3, MW: 1, GW: 1e3, 万kW: 10 } },
  reduction: { base: 'tCO2/a', factors: { 'tCO2/a': 1, '万tCO2/a': 1e4, 'MtCO2/a': 1e6 } },
  emission: { base: 'tCO2', factors: { tCO2: 1, 万tCO2: 1e4, MtCO2: 1e6, 亿tCO2: 1e8 } },
  energy: { base: 'tce', factors: { tce: 1, 万tce: 1e4 } },
};

export function allowedUnits(field: QuantityField): string[] {
  return Object.keys(UNITS[field].factors);
}

/** The value in the field's base unit, or undefined for a unit the field does not allow. */
export function toBase(field: QuantityField, value: number, unit: string): number | undefined {
  const f = UNITS[field].factors[unit];
  return f === undefined ? undefined : value * f;
}

/** A `{ value, unit }` amount of a field in its base unit (亿元 for investment), or undefined if it cannot be read. */
export function amountOf(field: QuantityField, v: unknown): number | undefined {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return undefined;
  const { value, unit } = v as { value?: unknown; unit?: unknown };
  if (typeof value !== 'number' || !Number.isFinite(value) || typeof unit !== 'string') return undefined;
  return toBase(field, value, unit);
}
