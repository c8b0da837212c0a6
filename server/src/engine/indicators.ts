/**
 * Reading indicators, their targets and the plan's years, defensively, for
 * the rules that judge targets, years and quantities (target-direction, value-range, unit-mismatch,
 * year-range, national-target, milestone-year).
 *
 * Data may violate the schema anywhere: every reader here returns undefined
 * for what cannot be read (a string where a number belongs, a missing field)
 * and never throws; rules skip what they cannot judge.
 */
import type { LocalText } from './i18n/messages';
import type { JsonPath } from './parse/parsed-file';
import { asNumber, isObj, type FileModel, type Obj } from './plan/model';
import type { PlanView } from './plan/plan-view';

export type IndicatorType = 'level' | 'share' | 'reduction' | 'intensity';
export type Direction = 'increase' | 'decrease';

const INDICATOR_TYPES: readonly string[] = ['level', 'share', 'reduction', 'intensity'];

export function indicatorType(indicator: Obj): IndicatorType | undefined {
  return INDICATOR_TYPES.includes(indicator.type as string) ? (indicator.type as IndicatorType) : undefined;
}

export function directionOf(indicator: Obj): Direction | undefined {
  const d = indicator.direction;
  return d === 'increase' || d === 'decrease' ? d : undefined;
}

/** Names of indicator types, for messages. */
export const TYPE_NAMES: Record<IndicatorType, LocalText> = {
  level: { en: 'level', zh: '水平值' },
  share: { en: 'share', zh: '占比' },
  reduction: { en: 'reduction', zh: '降低率' },
  intensity: { en: 'intensity', zh: '强度' },
};

/** Directions, as a verb ("should increase" / "变化方向为上升"). */
export const DIRECTION_NAMES: Record<Direction, LocalText> = {
  increase: { en: 'increase', zh: '上升' },
  decrease: { en: 'decrease', zh: '下降' },
};

/** "below" for an increasing indicator (worse = lower), "above" for a decreasing one. */
export const WORSE_THAN: Record<Direction, LocalText> = {
  increase: { en: 'below', zh: '低于' },
  decrease: { en: 'above', zh: '高于' },
};

/** The bound a value must respect to be no worse: "at least" / "at most". */
export const NO_WORSE_THAN: Record<Direction, LocalText> = {
  increase: { en: 'at least', zh: '不低于' },
  decrease: { en: 'at most', zh: '不高于' },
};

/** True if `value` is strictly less ambitious than `than` in `direction`. */
export function isWorse(value: number, than: number, direction: Direction): boolean {
  return direction === 'increase' ? value < than : value > than;
}

/** The ID of an entry for messages, or its position when it has none. */
export function entryLabel(entry: Obj, path: JsonPath): string {
  return typeof entry.id === 'string' && entry.id !== '' ? entry.id : `${path[0]}[${path[1]}]`;
}

/** "Project `ID`" for messages about a project's quantities (value-range, unit-mismatch). */
export function projectOwner(entry: Obj, path: JsonPath): LocalText {
  const id = entryLabel(entry, path);
  return { en: `Project \`${id}\``, zh: `项目 \`${id}\`` };
}

/** "Plan `ID`" (or "the plan") for messages about the Plan file's own quantities. */
export function planOwner(root: Obj): LocalText {
  const id = typeof root.id === 'string' ? root.id : undefined;
  return id ? { en: `Plan \`${id}\``, zh: `方案 \`${id}\`` } : { en: 'The plan', zh: '方案' };
}

/** A value with the indicator's unit: `20%`, `1.5 GW`, `0.62`. */
export function formatValue(value: number, unit: unknown): string {
  if (unit === '%') return `${value}%`;
  if (typeof unit === 'string' && unit.trim() !== '') return `${value} ${unit.trim()}`;
  return String(value);
}

export interface TargetView {
  index: number;
  /** Path of the target entry. */
  readonly path: JsonPath;
  data: Obj;
  year?: number;
  value?: number;
  /** The target's own `referenceYear`, when it is a number. */
  referenceYear?: number;
  /** True if the target has a `referenceYear` key that is not a number: its reference year is unknown. */
  badReferenceYear: boolean;
}

/** A target whose path is made only when asked: rules read thousands of targets and report few. */
class Target implements TargetView {
  readonly year?: number;
  readonly value?: number;
  readonly referenceYear?: number;
  readonly badReferenceYear: boolean;

  constructor(
    private readonly indicatorPath: JsonPath,
    readonly index: number,
    readonly data: Obj,
  ) {
    this.year = asNumber(data.year);
    this.value = asNumber(data.value);
    this.referenceYear = asNumber(data.referenceYear);
    this.badReferenceYear = 'referenceYear' in data && data.referenceYear !== undefined && this.referenceYear === undefined;
  }

  get path(): JsonPath {
    return [...this.indicatorPath, 'targets', this.index];
  }
}

/** The targets of an indicator at `path` that are mappings, in document order. */
export function targetsOf(indicator: Obj, path: JsonPath): TargetView[] {
  const list = indicator.targets;
  if (!Array.isArray(list)) return [];
  const out: TargetView[] = [];
  for (let i = 0; i < list.length; i++) {
    const t = list[i];
    if (isObj(t)) out.push(new Target(path, i, t));
  }
  return out;
}

export interface BaselineView {
  year?: number;
  value?: number;
}

export function baselineOf(indicator: Obj): BaselineView | undefined {
  const b = indicator.baseline;
  if (!isObj(b)) return undefined;
  return { year: asNumber(b.year), value: asNumber(b.value) };
}

/**
 * Where a reduction target's cumulative cut is measured from:
 * the target's `referenceYear`, else the indicator's, else the plan's `baseYear`.
 *
 * Returns `{ year }` (year undefined when it is the base year and that is
 * unknown, e.g. in a file under no plan), or undefined when a `referenceYear`
 * is present but unreadable: then nothing can be said about the target.
 */
export function reductionReference(
  indicator: Obj,
  target: TargetView,
  baseYear: number | undefined,
): { year: number | undefined; source: 'target' | 'indicator' | 'baseYear' } | undefined {
  if (target.badReferenceYear) return undefined;
  if (target.referenceYear !== undefined) return { year: target.referenceYear, source: 'target' };
  if ('referenceYear' in indicator && indicator.referenceYear !== undefined) {
    const y = asNumber(indicator.referenceYear);
    return y === undefined ? undefined : { year: y, source: 'indicator' };
  }
  return { year: baseYear, source: 'baseYear' };
}

/** The years a plan sets. */
export interface PlanYears {
  baseYear?: number;
  /** The numbers in `targetYears`, in document order. */
  targetYears: number[];
  /** True if `targetYears` is a non-empty list. */
  definesTargetYears: boolean;
  /** `horizon`, or the last target year. */
  horizon?: number;
  /** True if `horizon` is not set and defaults to the last target year. */
  horizonDefaulted: boolean;
}

const NO_YEARS: PlanYears = { targetYears: [], definesTargetYears: false, horizonDefaulted: false };

// Read once per Plan file's data: four rules ask for every file of the plan. Data is never changed.
const YEARS = new WeakMap<Obj, Readonly<PlanYears>>();

/** The years a Plan file's own data sets. */
export function yearsOf(plan: Obj): Readonly<PlanYears> {
  const known = YEARS.get(plan);
  if (known) return known;
  const list = Array.isArray(plan.targetYears) ? plan.targetYears : [];
  const targetYears = list.map(asNumber).filter((y): y is number => y !== undefined);
  const explicit = asNumber(plan.horizon);
  const horizon = explicit ?? (targetYears.length ? Math.max(...targetYears) : undefined);
  const years = {
    baseYear: asNumber(plan.baseYear),
    targetYears,
    definesTargetYears: targetYears.length > 0,
    horizon,
    horizonDefaulted: explicit === undefined && horizon !== undefined,
  };
  YEARS.set(plan, years);
  return years;
}

/**
 * The years that apply to each file of a plan: a Plan file's own (so a
 * duplicate Plan file is judged by what it says itself), otherwise the plan's;
 * none for a file under no plan. The plan's years are read once.
 */
export function planYearsResolver(plan: Pick<PlanView, 'planFiles'>): (file: FileModel) => PlanYears {
  let planYears: PlanYears | undefined;
  return (file) => {
    if (file.kind === 'Plan' && file.root) return yearsOf(file.root);
    if (!planYears) {
      const data = plan.planFiles[0]?.root;
      planYears = data ? yearsOf(data) : NO_YEARS;
    }
    return planYears;
  };
}

/** A year-or-month value (`2024`, `"2024-03"`): year and month (undefined for a bare year), or undefined if unreadable. */
export function parseYearMonth(v: unknown): { year: number; month?: number } | undefined {
  if (typeof v === 'number') return Number.isInteger(v) ? { year: v } : undefined;
  if (typeof v !== 'string') return undefined;
  const m = /^\s*(\d{4})(?:-(\d{2}))?\s*$/.exec(v);
  if (!m) return undefined;
  const year = Number(m[1]);
  if (m[2] === undefined) return { year };
  const month = Number(m[2]);
  return month >= 1 && month <= 12 ? { year, month } : undefined;
}
