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
 *
 * Quick fixes (data.fixes): set the target to the least ambitious value that
 * passes (the baseline or the target before it, whichever binds), when the
 * target after it stays no worse than that; flip `direction` when every target
 * then passes; go to the indicator's `direction`.
 */
import { defineMessages, msg, type Message } from '../i18n/messages';
import type { RuleFix } from '../findings';
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
  type Direction,
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
  'target-direction.fix.set': { en: 'Set the {year} target to {value} ({source})', zh: '将 {year} 年目标值改为 {value}（{source}）' },
  'target-direction.fix.baseline': { en: 'the baseline', zh: '与基期值相同' },
  'target-direction.fix.previous': { en: 'as the {year} target', zh: '与 {year} 年目标相同' },
  'target-direction.fix.flip': {
    en: 'Change `direction` of `{id}` to `{direction}` (every target moves that way)',
    zh: '将指标 `{id}` 的 `direction` 改为 `{direction}`（各目标均朝此方向变化）',
  },
  'target-direction.fix.show': { en: 'Go to `direction` of `{id}`', zh: '转到指标 `{id}` 的 `direction`' },
});

const OTHER: Record<Direction, Direction> = { increase: 'decrease', decrease: 'increase' };

function sortedByYear(targets: TargetView[]): TargetView[] {
  return targets.filter((t) => t.year !== undefined && t.value !== undefined).sort((a, b) => a.year! - b.year! || a.index - b.index);
}

/** The targets of the nearest later year than `t`'s. */
function following(targets: TargetView[], t: TargetView): TargetView[] {
  const later = sortedByYear(targets).filter((x) => x.year! > t.year!);
  return later.filter((x) => x.year === later[0]?.year);
}

/** For each target (sorted by year), the target of the nearest earlier year: the last such in document order. */
function withPrevious(targets: TargetView[]): { t: TargetView; prev: TargetView }[] {
  const sorted = sortedByYear(targets);
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

interface LevelProblem {
  t: TargetView;
  /** Set when the target is worse than the baseline; else it is worse than `prev`. */
  baseline?: { year?: number; value: number };
  prev?: TargetView;
}

/** The targets that move against `direction`: each against the baseline first, else against the target before it. */
function levelProblems(indicator: Obj, path: JsonPath, direction: Direction): { problems: LevelProblem[]; targets: TargetView[] } {
  const baseline = baselineOf(indicator);
  // Targets at or before the baseline year are year-range's to report.
  const targets = targetsOf(indicator, path).filter(
    (t) => t.year !== undefined && (baseline?.year === undefined || t.year > baseline.year),
  );
  const problems: LevelProblem[] = [];
  const reported = new Set<TargetView>();
  if (baseline?.value !== undefined) {
    for (const t of targets) {
      if (t.value === undefined || !isWorse(t.value, baseline.value, direction)) continue;
      reported.add(t);
      problems.push({ t, baseline: { year: baseline.year, value: baseline.value } });
    }
  }
  for (const { t, prev } of withPrevious(targets)) {
    if (reported.has(t) || !isWorse(t.value!, prev.value!, direction)) continue;
    problems.push({ t, prev });
  }
  return { problems, targets };
}

/**
 * "Set the target to …": the least ambitious value that passes, the baseline's or the earlier
 * target's (whichever binds), offered when the targets of the next later year stay no worse than it.
 */
function setFix(problem: LevelProblem, targets: TargetView[], baseline: number | undefined, direction: Direction, unit: unknown): RuleFix | undefined {
  const { t } = problem;
  const prev = withPrevious(targets).find((x) => x.t === t)?.prev;
  let value = baseline;
  let source: Message = msg('target-direction.fix.baseline');
  if (prev && (value === undefined || isWorse(value, prev.value!, direction))) {
    value = prev.value!;
    source = msg('target-direction.fix.previous', { year: prev.year });
  }
  if (value === undefined) return undefined;
  const bound = value;
  if (following(targets, t).some((n) => isWorse(n.value!, bound, direction))) return undefined;
  return {
    title: msg('target-direction.fix.set', { year: t.year, value: formatValue(bound, unit), source }),
    changes: [{ op: 'set', path: [...t.path, 'value'], value: bound }],
  };
}

function checkLevelLike(file: FileModel, indicator: Obj, path: JsonPath, ctx: RuleContext): void {
  const direction = directionOf(indicator);
  if (!direction) return;
  const { problems, targets } = levelProblems(indicator, path, direction);
  if (!problems.length) return;
  const id = entryLabel(indicator, path);
  const unit = indicator.unit;
  const baseline = baselineOf(indicator);
  const common = { id, direction: DIRECTION_NAMES[direction], worse: WORSE_THAN[direction], bound: NO_WORSE_THAN[direction] };
  // Flipping `direction` is offered only when it leaves no target against it.
  const other = OTHER[direction];
  const flips = levelProblems(indicator, path, other).problems.length === 0;
  const shared: RuleFix[] = [];
  if (flips) shared.push({ title: msg('target-direction.fix.flip', { id, direction: other }), changes: [{ op: 'set', path: [...path, 'direction'], value: other }] });
  shared.push({ title: msg('target-direction.fix.show', { id }), show: { path: [...path, 'direction'] } });
  for (const p of problems) {
    const t = p.t;
    const span = file.parsed.span([...t.path, 'value'], 'value');
    if (!span) continue;
    const set = setFix(p, targets, baseline?.value, direction, unit);
    const fixes = set ? [set, ...shared] : shared;
    const message = p.baseline
      ? msg(p.baseline.year !== undefined ? 'target-direction.baseline' : 'target-direction.baseline-no-year', {
          ...common,
          year: t.year,
          value: formatValue(t.value!, unit),
          baseYear: p.baseline.year,
          baseline: formatValue(p.baseline.value, unit),
        })
      : msg('target-direction.previous', {
          ...common,
          year: t.year,
          value: formatValue(t.value!, unit),
          prevYear: p.prev!.year,
          prevValue: formatValue(p.prev!.value!, unit),
        });
    ctx.report({ file: file.path, span, message, data: { path: [...t.path, 'value'], fixes } });
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
      // "Set it to the earlier cut", when the cut after it is no smaller.
      const keeps = !following(g.targets, t).some((n) => n.value! < prev.value!);
      const fixes: RuleFix[] = keeps
        ? [{ title: msg('target-direction.fix.set', { year: t.year, value: formatValue(prev.value!, unit), source: msg('target-direction.fix.previous', { year: prev.year }) }), changes: [{ op: 'set', path: [...t.path, 'value'], value: prev.value! }] }]
        : [];
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
        data: { path: [...t.path, 'value'], ...(fixes.length ? { fixes } : {}) },
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
