/**
 * progress-investment: a project's investment to date in a Progress file
 * (`invested`) exceeds the project's total `investment`, both converted to
 * 亿元 (万元 and 元 count by their factor).
 *
 * Amounts that cannot be read are not judged: a unit not allowed
 * (unit-mismatch), a negative value (value-range), a placeholder or a value
 * that is not a number. A project the plan does not define once is the
 * reference rules'.
 *
 * Quick fix (data.fixes): raise the project's `investment` to the amount
 * invested, written in the project's unit.
 */
import { defineMessages, msg } from '../i18n/messages';
import { formatValue } from '../indicators';
import { entryField } from '../plan/plan-view';
import { progressEntries } from '../plan/progress-entries';
import { amountOf, toBase } from '../units';
import { formatYi } from './investment-total';
import type { Rule } from './rule';

defineMessages({
  'progress-investment': {
    en: 'Project `{id}`: {invested} invested by the end of {year} is more than its total `investment` {investment}{converted}. Correct `invested`, or raise the project\'s `investment` if its cost has grown.',
    zh: '项目 `{id}`：截至 {year} 年末累计完成投资 {invested}，超过其总投资 `investment` {investment}{converted}。请更正 `invested`；如项目投资已增加，请调高项目的 `investment`。',
  },
  'progress-investment.no-year': {
    en: 'Project `{id}`: {invested} invested is more than its total `investment` {investment}{converted}. Correct `invested`, or raise the project\'s `investment` if its cost has grown.',
    zh: '项目 `{id}`：累计完成投资 {invested}，超过其总投资 `investment` {investment}{converted}。请更正 `invested`；如项目投资已增加，请调高项目的 `investment`。',
  },
  'progress-investment.converted': { en: ' ({a} 亿元 against {b} 亿元)', zh: '（折合 {a} 亿元，总投资 {b} 亿元）' },
  'progress-investment.related': { en: 'The total `investment` of `{id}`', zh: '`{id}` 的总投资 `investment`' },
  'progress-investment.fix.raise': { en: 'Set the project\'s `investment` to {amount}', zh: '将项目的 `investment` 改为 {amount}' },
});

/** A `{ value, unit }` amount in 亿元, or undefined if it cannot be read or is negative (value-range reports those). */
function yi(v: unknown): number | undefined {
  const amount = amountOf('investment', v);
  return amount !== undefined && amount >= 0 ? amount : undefined;
}

export const progressInvestment: Rule = {
  code: 'progress-investment',
  defaultSeverity: 'warning',
  scope: 'plan',
  needsPlan: true,
  title: { en: 'A project\'s investment to date exceeds its total investment', zh: '项目累计完成投资超过其总投资' },
  checkPlan(ctx) {
    const { plan } = ctx;
    for (const p of progressEntries(plan, 'projects')) {
      if (!p.target) continue;
      const invested = yi(p.entry.invested);
      const total = entryField(p.target, 'investment');
      const totalYi = yi(total);
      if (invested === undefined || totalYi === undefined) continue;
      if (invested <= totalYi * (1 + 1e-9)) continue;
      const inv = p.entry.invested as { value: number; unit: string };
      const tot = total as { value: number; unit: string };
      const sameUnit = inv.unit === tot.unit;
      // The invested amount in the project's unit, without float noise (12.5 亿元 → 125000 万元).
      const raised = Number((invested / toBase('investment', 1, tot.unit)!).toPrecision(12));
      const targetFile = plan.file(p.target.file);
      const totalSpan = targetFile?.parsed.span([...p.target.path, 'investment', 'value'], 'value');
      const valuePath = ['projects', p.index, 'invested', 'value'];
      const args = {
        id: p.id,
        year: p.year ?? '',
        invested: formatValue(inv.value, inv.unit),
        investment: formatValue(tot.value, tot.unit),
        converted: sameUnit ? '' : msg('progress-investment.converted', { a: formatYi(invested), b: formatYi(totalYi) }),
      };
      ctx.report({
        file: p.file.path,
        span: p.file.parsed.span(valuePath, 'value') ?? p.file.parsed.span(['projects', p.index, 'invested'], 'value') ?? { start: 0, end: 0 },
        message: msg(p.year === undefined ? 'progress-investment.no-year' : 'progress-investment', args),
        data: {
          path: valuePath,
          related: totalSpan ? [{ file: p.target.file, span: totalSpan, message: msg('progress-investment.related', { id: p.id }) }] : undefined,
          fixes: [{ title: msg('progress-investment.fix.raise', { amount: formatValue(raised, tot.unit) }), changes: [{ op: 'set', path: [...p.target.path, 'investment', 'value'], value: raised, file: p.target.file }] }],
        },
      });
    }
  },
};
