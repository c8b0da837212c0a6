/**
 * national-target: a target weaker than the reference it can fairly be held
 * to, for an indicator that names a national target in `nationalRef`
 * (docs/rules/national-target.md; the tables are national-targets.ts and
 * provincial-targets.ts).
 *
 * - Reductions (`co2-intensity`, `energy-intensity`): the cut is compared with
 *   the national cut over the same period only: the same target year and the
 *   same reference year (the target's `referenceYear` ?? the indicator's ??
 *   the plan's `baseYear`). A cut over another period is not converted: that
 *   would need the pilot's own intensity in the national reference year.
 * - Shares (`non-fossil-share`, `forest-coverage`): compared with the target of
 *   the plan's province (`pilot.province`) for the same year, when
 *   provincial-targets.ts has it; otherwise not at all. Weaker means less
 *   ambitious in the indicator's `direction` (the national direction when it
 *   has none).
 * - National totals (`wind-solar-capacity`) are never compared: a city's or a
 *   park's capacity is a part of the national total. The hover shows them.
 * - Only an indicator of the national indicator's type is compared (a
 *   `co2-intensity` stated as an absolute intensity is not a reduction rate).
 * - Comparators are not judged: `~` and `>=` count like `=`, and "about" and
 *   "more than" in the references are taken at their value.
 *
 * File scope, with the plan's years and province from its Plan file (the
 * language server re-runs file rules when the Plan file's settings change).
 */
import { defineMessages, msg, type Message } from '../i18n/messages';
import type { JsonPath } from '../parse/parsed-file';
import { entries } from '../plan/model';
import { WORSE_THAN, directionOf, entryLabel, formatValue, indicatorType, isWorse, NO_WORSE_THAN, planYearsResolver, reductionReference, targetsOf } from '../indicators';
import { nationalIndicator, nationalTargetFor } from '../national-targets';
import { documentCitation, provinceName, provinceOfFile, provincialTargets } from '../provincial-targets';
import type { Rule } from './rule';

defineMessages({
  'national-target': {
    en: 'Indicator `{id}`: the {year} target, a cut of {value} from {from}, is smaller than the national cut in {name} over the same period: {national} ({source}). Pilots are meant to lead: consider a cut of at least {nationalValue}, or note the reason in the target\'s `notes`.',
    zh: '指标 `{id}`：{year} 年目标为比 {from} 年下降 {value}，小于国家同期{name}降幅（{national}，见{source}）。试点应走在全国前列：建议将降幅调整为不低于 {nationalValue}，或在该目标的 `notes` 中说明原因。',
  },
  'national-target.province': {
    en: 'Indicator `{id}`: the {year} target {value} for {name} is {worse} the target of {province} ({provincial}), set by {document}. Consider a target {bound} {provincialValue}, or note the reason in the target\'s `notes`.',
    zh: '指标 `{id}`：{year} 年{name}目标值 {value} {worse}{province}目标（{provincial}，见{document}）。建议将目标调整为{bound} {provincialValue}，或在该目标的 `notes` 中说明原因。',
  },
});

export const nationalTarget: Rule = {
  code: 'national-target',
  defaultSeverity: 'info',
  scope: 'file',
  title: {
    en: 'A reduction weaker than the national one over the same period, or a share below the province\'s target',
    zh: '降低率弱于国家同期目标，或占比低于所在省份的目标',
  },
  checkFile(file, ctx) {
    const yearsFor = planYearsResolver(ctx.plan);
    const { baseYear } = yearsFor(file);
    let province: { name: string | undefined } | undefined;
    // A finding on a target's value, where the value can be located.
    const reportAt = (t: { path: JsonPath }, message: Message) => {
      const valuePath = [...t.path, 'value'];
      const span = file.parsed.span(valuePath, 'value');
      if (span) ctx.report({ file: file.path, span, message, data: { path: valuePath } });
    };
    for (const { entry, path } of entries(file, 'indicators')) {
      const national = nationalIndicator(entry.nationalRef);
      if (!national || national.comparison === 'none' || indicatorType(entry) !== national.type) continue;
      const id = entryLabel(entry, path);
      if (national.comparison === 'national') {
        for (const t of targetsOf(entry, path)) {
          if (t.year === undefined || t.value === undefined) continue;
          const from = reductionReference(entry, t, baseYear)?.year;
          if (from === undefined) continue;
          const nt = nationalTargetFor(national, t.year, from);
          if (!nt || !isWorse(t.value, nt.value, 'increase')) continue;
          reportAt(
            t,
            msg('national-target', {
              id,
              year: t.year,
              value: formatValue(t.value, '%'),
              from,
              name: national.name,
              national: nt.text,
              source: nt.source,
              nationalValue: formatValue(nt.value, '%'),
            }),
          );
        }
        continue;
      }
      province ??= { name: provinceOfFile(file, ctx.plan.planFiles) };
      const found = provincialTargets(province.name, national.key);
      if (!found) continue;
      const direction = directionOf(entry) ?? national.direction;
      for (const t of targetsOf(entry, path)) {
        if (t.year === undefined || t.value === undefined) continue;
        const pt = found.ref.targets.find((p) => p.year === t.year);
        if (!pt || !isWorse(t.value, pt.value, direction)) continue;
        reportAt(
          t,
          msg('national-target.province', {
            id,
            year: t.year,
            value: formatValue(t.value, '%'),
            name: national.name,
            worse: WORSE_THAN[direction],
            province: provinceName(found.table),
            provincial: pt.text,
            document: documentCitation(found.ref.document),
            bound: NO_WORSE_THAN[direction],
            provincialValue: formatValue(pt.value, '%'),
          }),
        );
      }
    }
  },
};
