/**
 * national-target: a target weaker than the national one its indicator names
 * in `nationalRef`, for the same year and (reductions) the same reference year.
 *
 * - The national table is national-targets.ts (docs/format.md#national-targets, with sources).
 * - Only an indicator of the national indicator's type is compared (a
 *   `co2-intensity` stated as an absolute intensity cannot be compared with a
 *   national reduction rate); an unknown `nationalRef` is the schema's.
 * - Reductions: a smaller cut is weaker; the target's reference year is its
 *   `referenceYear` ?? the indicator's ?? the plan's `baseYear`.
 * - Shares and levels: weaker means less ambitious in the indicator's
 *   `direction` (the national direction when it has none). Levels are
 *   converted to the table's unit (capacity: kW, MW, GW, 万kW); another unit
 *   is not compared.
 * - Comparators are not judged: `~` and `>=` count like `=`, and national
 *   "about"/"more than" figures are taken at their value, so only a strictly
 *   smaller (larger) value is weaker.
 *
 * File scope, with the plan's years: the default reference year is the plan's
 * baseYear (the language server re-runs file rules when it changes).
 */
import { defineMessages, msg } from '../i18n/messages';
import { entries } from '../plan/model';
import { directionOf, entryLabel, formatValue, indicatorType, isWorse, NO_WORSE_THAN, planYearsResolver, reductionReference, targetsOf } from '../indicators';
import { nationalIndicator, nationalTargetFor, unitFactor } from '../national-targets';
import type { Rule } from './rule';

defineMessages({
  'national-target': {
    en: 'Indicator `{id}`: the {year} target {value} is weaker than the national target for {name}: {national} ({source}). Pilots are meant to lead: consider a target {bound} {nationalValue}, or note the reason in the target\'s `notes`.',
    zh: '指标 `{id}`：{year} 年目标值 {value} 弱于国家{name}目标（{national}，见{source}）。试点应走在全国前列：建议将目标调整为{bound} {nationalValue}，或在该目标的 `notes` 中说明原因。',
  },
});

/** A number for display, without floating-point noise from unit conversion. */
function tidy(n: number): number {
  return Number(n.toPrecision(12));
}

export const nationalTarget: Rule = {
  code: 'national-target',
  defaultSeverity: 'info',
  scope: 'file',
  title: { en: 'A target weaker than the national target named in `nationalRef`', zh: '目标弱于 `nationalRef` 所指的国家目标' },
  checkFile(file, ctx) {
    const yearsFor = planYearsResolver(ctx.plan);
    const { baseYear } = yearsFor(file);
    for (const { entry, path } of entries(file, 'indicators')) {
      const national = nationalIndicator(entry.nationalRef);
      if (!national || indicatorType(entry) !== national.type) continue;
      const factor = unitFactor(national, entry.unit);
      if (factor === undefined) continue;
      const direction = national.type === 'reduction' ? 'increase' : directionOf(entry) ?? national.direction;
      const id = entryLabel(entry, path);
      for (const t of targetsOf(entry, path)) {
        if (t.year === undefined || t.value === undefined) continue;
        let refYear: number | undefined;
        if (national.type === 'reduction') {
          refYear = reductionReference(entry, t, baseYear)?.year;
          if (refYear === undefined) continue;
        }
        const nt = nationalTargetFor(national, t.year, refYear);
        if (!nt || !isWorse(tidy(t.value * factor), nt.value, direction)) continue;
        const valuePath = [...t.path, 'value'];
        const span = file.parsed.span(valuePath, 'value');
        if (!span) continue;
        const unit = national.type === 'level' ? entry.unit : '%';
        ctx.report({
          file: file.path,
          span,
          message: msg('national-target', {
            id,
            year: t.year,
            value: formatValue(t.value, unit),
            name: national.name,
            national: nt.text,
            source: nt.source,
            bound: NO_WORSE_THAN[direction],
            nationalValue: formatValue(tidy(nt.value / factor), unit),
          }),
          data: { path: valuePath },
        });
      }
    }
  },
};
