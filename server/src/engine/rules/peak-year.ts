/**
 * peak-year: the plan's `peak.year` after 2030. China aims to peak CO2
 * emissions before 2030 (docs/format.md#background: the 2021 Opinions and the State Council's
 * Action Plan for Carbon Dioxide Peaking Before 2030, 国发〔2021〕23号).
 */
import { defineMessages, msg } from '../i18n/messages';
import { asNumber, isObj } from '../plan/model';
import type { Rule } from './rule';

/** The national goal: emissions peak before this year's end. */
export const NATIONAL_PEAK_YEAR = 2030;

defineMessages({
  'peak-year': {
    en: 'The peak year `peak.year` is {year}, after {limit}. China aims to peak CO2 emissions before {limit}, and a pilot should peak no later than the country: bring the peak forward to {limit} or earlier.',
    zh: '达峰年份 `peak.year` 为 {year} 年，晚于 {limit} 年。我国力争 {limit} 年前实现碳达峰，试点不应晚于全国达峰：请将达峰年份提前至 {limit} 年或更早。',
  },
});

export const peakYear: Rule = {
  code: 'peak-year',
  defaultSeverity: 'warning',
  scope: 'file',
  title: { en: '`peak.year` after 2030', zh: '`peak.year` 晚于 2030 年' },
  checkFile(file, ctx) {
    if (file.kind !== 'Plan' || !file.root) return;
    const peak = file.root.peak;
    if (!isObj(peak)) return;
    const year = asNumber(peak.year);
    if (year === undefined || year <= NATIONAL_PEAK_YEAR) return;
    ctx.report({
      file: file.path,
      span: file.parsed.span(['peak', 'year'], 'value') ?? { start: 0, end: 0 },
      message: msg('peak-year', { year, limit: NATIONAL_PEAK_YEAR }),
      data: { path: ['peak', 'year'] },
    });
  },
};
