/**
 * target-direction: a target that moves against the indicator's direction,
 * from the baseline or from the target before it.
 *
 * - level, share, intensity: every target is no worse than the baseline in the
 *   declared `direction`, and every target no worse than the one of the
 *   nearest earlier year. "Worse" is strict: a target equal to the baseline or
 *   to the target before it is allowed. Comparators are not judged (`~` and
 *   `>=` count like `=`): the stated value is the ambition.
 * - reduction: `direction` must be `decrease`; among targets measured from the
 *   same reference year (target's `referenceYear` ?? indicator's ?? plan
 *   `baseYear`) the cumulative cut never shrinks over the years. Targets with
 *   different reference years are not compared.
 *
 * Targets whose year is not after the baseline year are left to year-range;
 * targets without a numeric year or value are skipped.
 *
 * File scope, with the plan's years: the default reference year of a reduction
 * is the plan's baseYear (the language server re-runs file rules when it changes).
 */
import { defineMessages, msg } from '../i18n/messages';
import { entries, type Obj } from '../plan/model';
import type { JsonPath } from '../parse/parsed-file';
import type { FileModel } from '../plan/model';
import {
  baselineOf,
  directionOf,
  DIRECTION_NAMES,
  entryLabel,
  formatValue,
  indicatorType,
  isWorse,
  NO_WORSE_THAN,
  planYearsResolver,
  reductionReference,
  targetsOf,
  WORSE_THAN,
  type TargetView,
} from '../indicators';
import type { Rule, RuleContext } from './rule';

defineMessages({
  'target-direction.baseline': {
    en: 'Indicator `{id}` should {direction}, but its {year} target {value} is {worse} the {baseYear} baseline {baseline}. Make the target {bound} {baseline}, or correct `direction`.',
    zh: '指标 `{id}` 的变化方向为{direction}，但其 {year} 年目标值 {value} {worse} {baseYear} 年基期值 {baseline}。请将目标值调整为{bound} {baseline}，或更正 `direction`。',
  },
  'target-direction.baseline-no-year': {
    en: 'Indicator `{id}` should {direction}, but its {year} target {value} is {worse} the baseline {baseline}. Make the target {bound} {baseline}, or correct `direction`.',
    zh: '指标 `{id}` 的变化方向为{direction}，但其 {year} 年目标值 {value} {worse}基期值 {baseline}。请将目标值调整为{bound} {baseline}，或更正 `direction`。',
  },
  'target-direction.previous': {
    en: 'Indicator `{id}` should {direction}, but its {year} target {value} is {worse} the {prevYear} target {prevValue}; a later target must be no less ambitious than an earlier one. Make it {bound} {prevValue}, or correct the {prevYear} target.',
    zh: '指标 `{id}` 的变化方向为{direction}，但其 {year} 年目标值 {value} {worse} {prevYear} 年目标值 {prevValue}，后一目标不应弱于前一目标。请将其调整为{bound} {prevValue}，或修改 {prevYear} 年目标。',
  },
  'target-direction.reduction-direction': {
    en: 'Indicator `{id}` is a reduction (a cumulative cut in a quantity that should fall), so its `direction` must be `decrease`, not `{direction}`. Change it to `decrease`.',
    zh: '指标 `{id}` 为降低率指标（应当下降的量的累计降幅），`direction` 应为 `decrease`，而不是 `{direction}`。请改为 `decrease`。',
  },
  'target-direction.reduction-shrinks': {
    en: 'Indicator `{id}`: the {year} reduction {value} is smaller than the {prevYear} reduction {prevValue}, both measured from {refYear}. A cumulative reduction grows over the years: make it at least {prevValue}, or give this target its own `referenceYear` if it is measured from another year.',
    zh: '指标 `{id}`：{year} 年降幅 {value} 小于 {prevYear} 年降幅 {prevValue}（均相对{refYear}）。累计降幅应逐年增大：请将其调整为不低于 {prevValue}；如该目标相对其他年份计算，请为其单独填写 `referenceYear`。',
  },
});

/** For each target (sorted by year), the target of the nearest earlier year: the last such in document order. */
function withPrevious(targets: TargetView[]): { t: TargetView; prev: TargetView }[] {
  const sorted = targets
    .filter((t) => t.year !== undefined && t.value !== undefined)
    .sort((a, b) => a.year! - b.year! || a.index - b.index);
  const out: { t: TargetView; prev: TargetView }[] = [];
  for (let j = 0; j < sorted.length; j++) {
    let k = j - 1;
    while (k >= 0 && sorted[k].year === sorted[j].year) k--;
    if (k < 0) continue;
    // The last target (in document order) of the nearest earlier year.
    const prevYear = sorted[k].year;
    let prev = sorted[k];
    for (let i = k; i >= 0 && sorted[i].year === prevYear; i--) if (sorted[i].index > prev.index) prev = sorted[i];
    out.push({ t: sorted[j], prev });
  }
  return out;
}

function checkLevelLike(file: FileModel, indicator: Obj, path: JsonPath, ctx: RuleContext): void {
  const direction = directionOf(indicator);
  if (!direction) return;
  const id = entryLabel(indicator, path);
  const unit = indicator.unit;
  const baseline = baselineOf(indicator);
  // Targets at or before the baseline year are year-range's to report.
  const targets = targetsOf(indicator, path).filter(
    (t) => t.year !== undefined && (baseline?.year === undefined || t.year > baseline.year),
  );
  const reported = new Set<TargetView>();
  const common = { id, direction: DIRECTION_NAMES[direction], worse: WORSE_THAN[direction], bound: NO_WORSE_THAN[direction] };
  if (baseline?.value !== undefined) {
    for (const t of targets) {
      if (t.value === undefined || !isWorse(t.value, baseline.value, direction)) continue;
      const span = file.parsed.span([...t.path, 'value'], 'value');
      if (!span) continue;
      reported.add(t);
      const args = {
        ...common,
        year: t.year,
        value: formatValue(t.value, unit),
        baseYear: baseline.year,
        baseline: formatValue(baseline.value, unit),
      };
      ctx.report({
        file: file.path,
        span,
        message: msg(baseline.year !== undefined ? 'target-direction.baseline' : 'target-direction.baseline-no-year', args),
        data: { path: [...t.path, 'value'] },
      });
    }
  }
  for (const { t, prev } of withPrevious(targets)) {
    if (reported.has(t) || !isWorse(t.value!, prev.value!, direction)) continue;
    const span = file.parsed.span([...t.path, 'value'], 'value');
    if (!span) continue;
    ctx.report({
      file: file.path,
      span,
      message: msg('target-direction.previous', {
        ...common,
        year: t.year,
        value: formatValue(t.value!, unit),
        prevYear: prev.year,
        prevValue: formatValue(prev.value!, unit),
      }),
      data: { path: [...t.path, 'value'] },
    });
  }
}

function checkReduction(file: FileModel, indicator: Obj, path: JsonPath, baseYear: number | undefined, ctx: RuleContext): void {
  const id = entryLabel(indicator, path);
  if (indicator.direction === 'increase') {
    const span = file.parsed.span([...path, 'direction'], 'value');
    if (span) {
      ctx.report({
        file: file.path,
        span,
        message: msg('target-direction.reduction-direction', { id, direction: 'increase' }),
        data: { suggestions: ['decrease'], path: [...path, 'direction'] },
      });
    }
  }
  // Group by the effective reference year; the key "base" stands for an unknown baseYear.
  const groups = new Map<string, { year: number | undefined; targets: TargetView[] }>();
  for (const t of targetsOf(indicator, path)) {
    const ref = reductionReference(indicator, t, baseYear);
    if (!ref) continue;
    const key = ref.year === undefined ? 'base' : String(ref.year);
    const g = groups.get(key) ?? { year: ref.year, targets: [] };
    g.targets.push(t);
    groups.set(key, g);
  }
  const unit = indicator.unit ?? '%';
  for (const g of groups.values()) {
    const refYear = g.year !== undefined ? { en: String(g.year), zh: ` ${g.year} 年` } : { en: "the plan's base year", zh: '方案基准年' };
    for (const { t, prev } of withPrevious(g.targets)) {
      if (!(t.value! < prev.value!)) continue;
      const span = file.parsed.span([...t.path, 'value'], 'value');
      if (!span) continue;
      ctx.report({
        file: file.path,
        span,
        message: msg('target-direction.reduction-shrinks', {
          id,
          year: t.year,
          value: formatValue(t.value!, unit),
          prevYear: prev.year,
          prevValue: formatValue(prev.value!, unit),
          refYear,
        }),
        data: { path: [...t.path, 'value'] },
      });
    }
  }
}

export const targetDirection: Rule = {
  code: 'target-direction',
  defaultSeverity: 'error',
  scope: 'file',
  title: {
    en: "A target that moves against the indicator's direction, from the baseline or from the target before it",
    zh: '目标值与指标变化方向相反（相对基期值或前一目标）',
  },
  checkFile(file, ctx) {
    const yearsFor = planYearsResolver(ctx.plan);
    const { baseYear } = yearsFor(file);
    for (const { entry, path } of entries(file, 'indicators')) {
      const type = indicatorType(entry);
      if (type === 'reduction') checkReduction(file, entry, path, baseYear, ctx);
      else if (type) checkLevelLike(file, entry, path, ctx);
    }
  },
};
