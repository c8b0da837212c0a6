/**
 * indicator-behind: an indicator's actual value in a Progress file is behind
 * the straight path from its start to its next target by more than 10% of the
 * change that target asks for; and an actual value whose `unit` is not the
 * indicator's (the unit check of actual values lives here, since it needs the
 * indicator, which is in another file).
 *
 * The straight path, by indicator type (docs/rules/indicator-behind.md has a
 * worked example):
 * - level, share, intensity: from the baseline (`baseline.year`,
 *   `baseline.value`) to the next target, the first target whose year is at
 *   or after the reporting year; expected(y) = base + (target − base) ×
 *   (y − baseYear) / (targetYear − baseYear). "Behind" follows `direction`:
 *   below the path for `increase`, above it for `decrease`.
 * - reduction: the value is the cumulative cut since the target's reference
 *   year (target's `referenceYear`, else the indicator's, else the plan's
 *   `baseYear`), so the path runs from 0 in that year to the target's cut, and
 *   behind is below it (`direction` is `decrease` for the quantity; the cut grows).
 *
 * Not judged (other rules report these, or nothing can be said): placeholders
 * and values that are not numbers, a reporting year not after the path's
 * start or after the last target, a target that does not move in the
 * indicator's direction (target-direction), an ID the plan does not define
 * once as an indicator (unresolved-reference, reference-kind, duplicate-id).
 * The tolerance is fixed: pilot-plan.config.yaml sets severities, not rule options.
 */
import { defineMessages, msg } from '../i18n/messages';
import { baselineOf, directionOf, formatValue, indicatorType, reductionReference, targetsOf, type Direction, type TargetView } from '../indicators';
import type { Obj } from '../plan/model';
import { entryField, type PlanEntity } from '../plan/plan-view';
import { progressEntries } from '../plan/progress-entries';
import { formatFigure } from '../value-text';
import { unitOf } from '../units';
import type { RuleFix } from '../findings';
import type { Rule } from './rule';

defineMessages({
  'indicator-behind': {
    en: 'Indicator `{id}`: the {year} value {actual} is behind the straight path from {start} to the {targetYear} target {target}, which reaches {expected} in {year} (10% of the change, {tolerance}, is allowed). Step up the work on it, or check the value.',
    zh: '指标 `{id}`：{year} 年实际值 {actual} 落后于从{start}到 {targetYear} 年目标值 {target} 的直线进度，该进度 {year} 年应达到 {expected}（允许偏差为变化量的 10%，即 {tolerance}）。请加快推进，或核实该数值。',
  },
  'indicator-behind.start-baseline': { en: 'the {year} baseline {value}', zh: ' {year} 年基期值 {value} ' },
  'indicator-behind.start-reference': { en: 'no cut in {year}', zh: ' {year} 年（降幅为 0）' },
  'indicator-behind.unit': {
    en: 'Indicator `{id}` is measured in {indicatorUnit}, but its {year} value is given in {unit}. Write the value in {indicatorUnit} (converted if need be), or correct the indicator\'s `unit`.',
    zh: '指标 `{id}` 的单位为 {indicatorUnit}，但其 {year} 年实际值的单位写为 {unit}。请以 {indicatorUnit} 填写实际值（必要时换算），或更正指标的 `unit`。',
  },
  'indicator-behind.unit-no-year': {
    en: 'Indicator `{id}` is measured in {indicatorUnit}, but its actual value is given in {unit}. Write the value in {indicatorUnit} (converted if need be), or correct the indicator\'s `unit`.',
    zh: '指标 `{id}` 的单位为 {indicatorUnit}，但其实际值的单位写为 {unit}。请以 {indicatorUnit} 填写实际值（必要时换算），或更正指标的 `unit`。',
  },
  'indicator-behind.points': { en: '{value} percentage points', zh: '{value} 个百分点' },
  'indicator-behind.related': { en: 'The {year} target of `{id}`', zh: '`{id}` 的 {year} 年目标' },
  'indicator-behind.fix.show': { en: 'Show the {year} target of `{id}`', zh: '查看 `{id}` 的 {year} 年目标' },
  'indicator-behind.fix.unit': { en: 'Set `unit` to {unit}, the indicator\'s', zh: '将 `unit` 改为指标的单位 {unit}' },
  'indicator-behind.fix.indicator-unit': { en: 'Set the indicator\'s `unit` to {unit}', zh: '将指标的 `unit` 改为 {unit}' },
});

/** Share of the change from the start to the target by which a value may trail the path. */
export const TOLERANCE = 0.1;

/** Whether two spellings write the same unit: the same text, or equal spellings of a unit of the format (万千瓦 = 万kW). */
export function sameUnit(a: string, b: string): boolean {
  const x = a.trim();
  const y = b.trim();
  if (x === y) return true;
  const ux = unitOf(x);
  return ux !== undefined && ux.spec === unitOf(y)?.spec;
}

/** The indicator's fields this rule reads, as one object for indicators.ts's readers. */
function indicatorData(e: PlanEntity): Obj {
  return {
    type: entryField(e, 'type'),
    unit: entryField(e, 'unit'),
    direction: entryField(e, 'direction'),
    baseline: entryField(e, 'baseline'),
    targets: entryField(e, 'targets'),
    referenceYear: entryField(e, 'referenceYear'),
  };
}

export interface StraightPath {
  startYear: number;
  startValue: number;
  target: TargetView;
  /** The way a better value moves along the path. */
  better: Direction;
  /** True for a reduction: the path starts from no cut in its reference year. */
  fromReference: boolean;
}

/**
 * The straight path an indicator's value in `year` is judged by, or undefined
 * when there is none to judge by (see the module comment).
 */
export function straightPath(indicator: Obj, path: (string | number)[], year: number, baseYear: number | undefined): StraightPath | undefined {
  const type = indicatorType(indicator);
  const direction = directionOf(indicator);
  if (!type || !direction) return undefined;
  let next: TargetView | undefined;
  for (const t of targetsOf(indicator, path)) {
    if (t.year === undefined || t.value === undefined || t.year < year) continue;
    if (!next || t.year < next.year!) next = t;
  }
  if (!next) return undefined;
  let start: { year: number; value: number; fromReference: boolean };
  let better: Direction;
  if (type === 'reduction') {
    if (direction !== 'decrease') return undefined; // target-direction's
    const ref = reductionReference(indicator, next, baseYear);
    if (ref?.year === undefined) return undefined;
    start = { year: ref.year, value: 0, fromReference: true };
    better = 'increase';
  } else {
    const b = baselineOf(indicator);
    if (b?.year === undefined || b.value === undefined) return undefined;
    start = { year: b.year, value: b.value, fromReference: false };
    better = direction;
  }
  if (year <= start.year || next.year! <= start.year) return undefined;
  const change = next.value! - start.value;
  // A target that does not move the way the indicator should: no progress to measure (target-direction's).
  if (better === 'increase' ? change <= 0 : change >= 0) return undefined;
  return { startYear: start.year, startValue: start.value, target: next, better, fromReference: start.fromReference };
}

/** What the path expects in `year`, and by how much a value may trail it. */
export function expectedOn(p: StraightPath, year: number): { expected: number; tolerance: number } {
  const change = p.target.value! - p.startValue;
  return { expected: p.startValue + (change * (year - p.startYear)) / (p.target.year! - p.startYear), tolerance: TOLERANCE * Math.abs(change) };
}

export const indicatorBehind: Rule = {
  code: 'indicator-behind',
  defaultSeverity: 'warning',
  scope: 'plan',
  needsPlan: true,
  title: { en: 'An actual value behind the straight path to the indicator\'s next target, or in another unit', zh: '指标实际值落后于到下一目标的直线进度，或单位与指标不同' },
  checkPlan(ctx) {
    const { plan } = ctx;
    const baseYear = plan.settings?.baseYear;
    for (const p of progressEntries(plan, 'indicators')) {
      if (!p.target) continue;
      const indicator = indicatorData(p.target);
      const id = p.id;
      const f = p.file;
      const unit = p.entry.unit;
      const indicatorUnit = indicator.unit;
      if (typeof unit === 'string' && unit.trim() !== '' && typeof indicatorUnit === 'string' && indicatorUnit.trim() !== '' && !sameUnit(unit, indicatorUnit)) {
        const unitPath = ['indicators', p.index, 'unit'];
        const fixes: RuleFix[] = [
          { title: msg('indicator-behind.fix.unit', { unit: indicatorUnit }), changes: [{ op: 'set', path: unitPath, value: indicatorUnit }] },
          { title: msg('indicator-behind.fix.indicator-unit', { unit }), changes: [{ op: 'set', path: [...p.target.path, 'unit'], value: unit, file: p.target.file }] },
        ];
        const args = { id, unit: `\`${unit}\``, indicatorUnit: `\`${indicatorUnit}\``, year: p.year ?? '' };
        ctx.report({
          file: f.path,
          span: f.parsed.span(unitPath, 'value') ?? { start: 0, end: 0 },
          message: msg(p.year === undefined ? 'indicator-behind.unit-no-year' : 'indicator-behind.unit', args),
          data: { path: unitPath, fixes },
        });
        continue; // a value in another unit cannot be set against the path
      }
      const actual = p.entry.value;
      if (p.year === undefined || typeof actual !== 'number' || !Number.isFinite(actual)) continue;
      const path = straightPath(indicator, p.target.path, p.year, baseYear);
      if (!path) continue;
      const { expected, tolerance } = expectedOn(path, p.year);
      const gap = path.better === 'increase' ? expected - actual : actual - expected;
      // A hair of float error is not behind: 10% exactly is allowed.
      if (gap <= tolerance + 1e-9 * Math.max(1, Math.abs(expected))) continue;
      const u = indicator.unit;
      const show = (x: number) => formatValue(Number(formatFigure(x)), u);
      const targetYear = path.target.year!;
      const start = path.fromReference
        ? msg('indicator-behind.start-reference', { year: path.startYear })
        : msg('indicator-behind.start-baseline', { year: path.startYear, value: show(path.startValue) });
      const targetFile = plan.file(p.target.file);
      const targetSpan = targetFile?.parsed.span([...path.target.path, 'value'], 'value');
      const valuePath = ['indicators', p.index, 'value'];
      ctx.report({
        file: f.path,
        span: f.parsed.span(valuePath, 'value') ?? { start: 0, end: 0 },
        message: msg('indicator-behind', {
          id,
          year: p.year,
          actual: show(actual),
          start,
          targetYear,
          target: show(path.target.value!),
          expected: show(expected),
          // A tolerance on a percentage is in percentage points, not a share of the value.
          tolerance: u === '%' ? msg('indicator-behind.points', { value: formatFigure(tolerance) }) : show(tolerance),
        }),
        data: {
          path: valuePath,
          related: targetSpan ? [{ file: p.target.file, span: targetSpan, message: msg('indicator-behind.related', { year: targetYear, id }) }] : undefined,
          fixes: [{ title: msg('indicator-behind.fix.show', { year: targetYear, id }), show: { path: [...path.target.path, 'value'], file: p.target.file } }],
        },
      });
    }
  },
};
