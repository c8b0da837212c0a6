/**
 * progress-year: a Progress file's reporting `year` outside the plan's years
 * (before `baseYear`, after the horizon), or two Progress files of one plan
 * for the same year (reported on each, the others as related places).
 *
 * A plan rule: the years come from the Plan file, and the second file of a
 * year can be any file of the plan. A `year` that is not a whole number is
 * the schema's.
 *
 * Quick fixes (data.fixes): set `year` to a year within the plan's years that
 * no other Progress file reports on: the base year or the horizon for a year
 * outside them; for a second file of a year, the nearest free year after it
 * and the nearest before it.
 */
import { defineMessages, listArg, msg } from '../i18n/messages';
import { yearsOf } from '../indicators';
import { progressFiles } from '../plan/plan-view';
import type { FileModel } from '../plan/model';
import type { RuleFix, Span } from '../findings';
import type { Rule } from './rule';

defineMessages({
  'progress-year.before-base': {
    en: 'This Progress file reports on {year}, before the plan\'s base year {baseYear}. A plan\'s progress starts from its base year: correct `year`.',
    zh: '本进展文件的报告年度为 {year} 年，早于方案基准年 {baseYear} 年。方案进展从基准年起报告，请更正 `year`。',
  },
  'progress-year.after-horizon': {
    en: 'This Progress file reports on {year}, after the plan\'s horizon {horizon}{note}. Correct `year`, or extend `horizon` in the Plan file.',
    zh: '本进展文件的报告年度为 {year} 年，晚于方案期限 {horizon} 年{note}。请更正 `year`，或在方案主文件中延长 `horizon`。',
  },
  'progress-year.horizon-note': { en: ' (the last of `targetYears`, as no `horizon` is set)', zh: '（未设 `horizon`，取 `targetYears` 的最后一年）' },
  'progress-year.duplicate': {
    en: 'The plan has {count} Progress files for {year}: this one and {others}. Keep one file a year: merge them, or correct `year` in the one that reports on another year.',
    zh: '本方案有 {count} 个 {year} 年的进展文件：本文件和 {others}。每年只应有一个进展文件：请合并，或更正报告其他年度的文件的 `year`。',
  },
  'progress-year.related': { en: 'Another Progress file for {year}', zh: '{year} 年的另一个进展文件' },
  'progress-year.fix.year': { en: 'Set `year` to {year}', zh: '将 `year` 改为 {year}' },
});

/** Years a Progress file may move to without a new finding: none of them the plan's years exclude or another file takes. */
function yearFix(year: number): RuleFix {
  return { title: msg('progress-year.fix.year', { year }), changes: [{ op: 'set', path: ['year'], value: year }] };
}

/** The span of a file's `year` value (its first key when it cannot be located). */
function yearSpan(f: FileModel): Span {
  return f.parsed.span(['year'], 'value') ?? f.parsed.span(['year'], 'key') ?? { start: 0, end: 0 };
}

function fileName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}

export const progressYear: Rule = {
  code: 'progress-year',
  defaultSeverity: 'error',
  scope: 'plan',
  needsPlan: true,
  title: { en: 'A Progress file\'s year outside the plan\'s years, or two for one year', zh: '进展文件的年度超出方案年份，或同一年度有两个进展文件' },
  checkPlan(ctx) {
    const files = progressFiles(ctx.plan);
    if (!files.length) return;
    const planData = ctx.plan.planFiles[0]?.root;
    const years = planData ? yearsOf(planData) : undefined;
    const byYear = new Map<number, FileModel[]>();
    for (const f of files) {
      const year = f.root?.year;
      if (typeof year !== 'number' || !Number.isInteger(year)) continue;
      const same = byYear.get(year);
      if (same) same.push(f);
      else byYear.set(year, [f]);
    }
    const base = years?.baseYear;
    const horizon = years?.horizon;
    const free = (y: number) => !byYear.has(y) && (base === undefined || y >= base) && (horizon === undefined || y <= horizon) && y >= 1900 && y <= 2100;
    for (const [year, same] of byYear) {
      for (const f of same) {
        if (base !== undefined && year < base) {
          ctx.report({ file: f.path, span: yearSpan(f), message: msg('progress-year.before-base', { year, baseYear: base }), data: { path: ['year'], fixes: free(base) ? [yearFix(base)] : [] } });
        } else if (horizon !== undefined && year > horizon) {
          const note = years!.horizonDefaulted ? msg('progress-year.horizon-note') : '';
          ctx.report({ file: f.path, span: yearSpan(f), message: msg('progress-year.after-horizon', { year, horizon, note }), data: { path: ['year'], fixes: free(horizon) ? [yearFix(horizon)] : [] } });
        }
      }
      if (same.length < 2) continue;
      // The nearest free years after and before: one of the files is most likely the next or the last year's.
      const fixes: RuleFix[] = [];
      for (const step of [1, -1]) {
        for (let y = year + step; y >= 1900 && y <= 2100 && (step > 0 ? horizon === undefined || y <= horizon : base === undefined || y >= base); y += step) {
          if (free(y)) {
            fixes.push(yearFix(y));
            break;
          }
        }
      }
      for (const f of same) {
        const others = same.filter((o) => o !== f);
        ctx.report({
          file: f.path,
          span: yearSpan(f),
          message: msg('progress-year.duplicate', { year, count: same.length, others: listArg(others.map((o) => `\`${fileName(o.path)}\``), 'and') }),
          data: { path: ['year'], fixes, related: others.map((o) => ({ file: o.path, span: yearSpan(o), message: msg('progress-year.related', { year }) })) },
        });
      }
    }
  },
};
