/**
 * What an indicator's targets imply per year: from the baseline (or, for a
 * reduction, the reference year) to each target, the average annual change
 * — a compound rate, and for shares also percentage points per year.
 */
import type { Locale } from '../i18n/messages';
import { baselineOf, directionOf, formatValue, indicatorType, reductionReference, targetsOf } from '../indicators';
import type { Obj } from '../plan/model';
import { text } from './context';

export interface TrendStep {
  year: number;
  value: number;
  comparator?: string;
  /** The year the change is measured from. */
  fromYear?: number;
  fromValue?: number;
  /** Compound annual rate, as a fraction (0.05 = +5 %/a). */
  annualRate?: number;
  /** Percentage points per year (shares). */
  pointsPerYear?: number;
  /** Reductions: the average annual cut implied by the cumulative one, as a fraction. */
  annualCut?: number;
}

export function trendOf(indicator: Obj, baseYear: number | undefined): TrendStep[] {
  const type = indicatorType(indicator);
  const baseline = baselineOf(indicator);
  const out: TrendStep[] = [];
  for (const t of targetsOf(indicator, [])) {
    if (t.year === undefined || t.value === undefined) continue;
    const step: TrendStep = { year: t.year, value: t.value, comparator: typeof t.data.comparator === 'string' ? t.data.comparator : undefined };
    if (type === 'reduction') {
      const ref = reductionReference(indicator, t, baseYear);
      if (ref?.year !== undefined && t.year > ref.year && t.value < 100) {
        step.fromYear = ref.year;
        step.annualCut = 1 - Math.pow(1 - t.value / 100, 1 / (t.year - ref.year));
      }
    } else if (baseline?.year !== undefined && baseline.value !== undefined && t.year > baseline.year) {
      const n = t.year - baseline.year;
      step.fromYear = baseline.year;
      step.fromValue = baseline.value;
      if (baseline.value > 0 && t.value >= 0) step.annualRate = Math.pow(t.value / baseline.value, 1 / n) - 1;
      if (type === 'share') step.pointsPerYear = (t.value - baseline.value) / n;
    }
    out.push(step);
  }
  return out;
}

function pct(x: number, signed = true): string {
  const v = x * 100;
  const s = Math.abs(v) >= 10 ? v.toFixed(1) : Math.abs(v) >= 1 ? v.toFixed(2) : v.toFixed(3);
  return `${signed && v > 0 ? '+' : ''}${Number(s)}%`;
}

function num(x: number): string {
  return String(Number(x.toFixed(3)));
}

/** Markdown lines: baseline → targets, and the average annual change of each step. */
export function trendMarkdown(indicator: Obj, baseYear: number | undefined, locale: Locale): string[] {
  const unit = indicator.unit;
  const type = indicatorType(indicator);
  const direction = directionOf(indicator);
  const baseline = baselineOf(indicator);
  const steps = trendOf(indicator, baseYear);
  const lines: string[] = [];
  const chain: string[] = [];
  if (type !== 'reduction' && baseline?.value !== undefined) chain.push(`${baseline.year ?? '?'}: ${formatValue(baseline.value, unit)}`);
  for (const s of steps) chain.push(`${s.year}: ${s.comparator && s.comparator !== '=' ? s.comparator + ' ' : ''}${formatValue(s.value, unit)}`);
  if (chain.length) lines.push(`${text(locale, type === 'reduction' ? '目标：' : '基准 → 目标：', type === 'reduction' ? 'Targets: ' : 'Baseline → targets: ')}${chain.join(' → ')}`);
  for (const s of steps) {
    if (s.annualCut !== undefined) {
      lines.push(
        text(
          locale,
          `- ${s.year}：较 ${s.fromYear} 年累计下降 ${num(s.value)}%，相当于年均下降 ${pct(s.annualCut, false)}`,
          `- ${s.year}: ${num(s.value)}% below ${s.fromYear}, an average cut of ${pct(s.annualCut, false)} a year`,
        ),
      );
    } else if (s.fromYear !== undefined && s.fromValue !== undefined) {
      const parts: string[] = [];
      if (s.pointsPerYear !== undefined) parts.push(text(locale, `年均 ${s.pointsPerYear >= 0 ? '+' : ''}${num(s.pointsPerYear)} 个百分点`, `${s.pointsPerYear >= 0 ? '+' : ''}${num(s.pointsPerYear)} percentage points a year`));
      if (s.annualRate !== undefined) parts.push(text(locale, `年均复合变化 ${pct(s.annualRate)}`, `compound ${pct(s.annualRate)} a year`));
      const against = direction && s.annualRate !== undefined && ((direction === 'increase' && s.annualRate < 0) || (direction === 'decrease' && s.annualRate > 0));
      if (against) parts.push(text(locale, '⚠ 与指标方向相反', '⚠ against the indicator\'s direction'));
      if (parts.length) lines.push(text(locale, `- ${s.year} 年（自 ${s.fromYear} 年起）：${parts.join('，')}`, `- ${s.year} (from ${s.fromYear}): ${parts.join(', ')}`));
    }
  }
  return lines;
}
