/**
 * milestone-year: an indicator's target year that is not one of the plan's
 * `targetYears`.
 *
 * Only when the plan defines `targetYears` (a non-empty list); a file under no
 * plan is not judged, and a Plan file by its own `targetYears`.
 *
 * No "did you mean" replacements: suggestions are text, and the editor's
 * replacement would quote a year ("2025"), turning it into a string.
 */
import { defineMessages, msg } from '../i18n/messages';
import { entries } from '../plan/model';
import { entryLabel, planYearsResolver, targetsOf } from '../indicators';
import type { Rule } from './rule';

defineMessages({
  'milestone-year': {
    en: 'Indicator `{id}`: the target year {year} is not one of the plan\'s target years ({targetYears}). Align it with a target year, or add {year} to `targetYears` in the Plan file.',
    zh: '指标 `{id}`：目标年份 {year} 不在方案目标年份（{targetYears}）之中。请与方案目标年份保持一致，或在方案主文件的 `targetYears` 中加入 {year}。',
  },
});

export const milestoneYear: Rule = {
  code: 'milestone-year',
  defaultSeverity: 'info',
  scope: 'file',
  needsPlan: true,
  title: { en: "An indicator's target year that is not one of the plan's target years", zh: '指标目标年份不在方案目标年份之中' },
  checkFile(file, ctx) {
    const yearsFor = planYearsResolver(ctx.plan);
    const years = yearsFor(file);
    if (!years.definesTargetYears) return;
    const allowed = [...new Set(years.targetYears)];
    const shown = allowed.join(', ');
    for (const { entry, path } of entries(file, 'indicators')) {
      for (const t of targetsOf(entry, path)) {
        if (t.year === undefined || allowed.includes(t.year)) continue;
        const yearPath = [...t.path, 'year'];
        const span = file.parsed.span(yearPath, 'value');
        if (!span) continue;
        ctx.report({
          file: file.path,
          span,
          message: msg('milestone-year', { id: entryLabel(entry, path), year: t.year, targetYears: { en: shown, zh: allowed.join('、') } }),
          data: { path: yearPath },
        });
      }
    }
  },
};
