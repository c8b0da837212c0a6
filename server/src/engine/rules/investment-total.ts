/**
 * investment-total: the plan's `investmentTotal` differs from the sum of the
 * projects' investments (in 亿元) by more than 1% of `investmentTotal`.
 *
 * Every project entry of the plan counts (entries without an ID and every
 * definition of a duplicated ID included, whatever their status). Amounts
 * that cannot be read are left out of the sum, since other rules report them:
 * a unit not allowed (unit-mismatch), a negative value (value-range), a value
 * that is not a number (schema).
 */
import { defineMessages, msg } from '../i18n/messages';
import { entryField, planEntries } from '../plan/plan-view';
import { amountOf } from '../units';
import type { Rule } from './rule';

defineMessages({
  'investment-total': {
    en: '`investmentTotal` is {total} 亿元, but the investments of the {count} projects that state one add up to {sum} 亿元 ({diff}). Correct `investmentTotal`, or the projects\' `investment`.',
    zh: '`investmentTotal` 为 {total} 亿元，而填写了投资额的 {count} 个项目合计 {sum} 亿元（{diff}）。请更正 `investmentTotal` 或各项目的 `investment`。',
  },
  'investment-total.no-projects': {
    en: '`investmentTotal` is {total} 亿元, but no project of this plan states an `investment`. Add the projects with their `investment`, or remove `investmentTotal`.',
    zh: '`investmentTotal` 为 {total} 亿元，但本方案中没有任何项目填写 `investment`。请补充项目及其 `investment`，或删除 `investmentTotal`。',
  },
  'investment-total.more': { en: '{pct} more than the total', zh: '比总额多 {pct}' },
  'investment-total.less': { en: '{pct} less than the total', zh: '比总额少 {pct}' },
  'investment-total.differs': { en: 'a difference of {amount} 亿元', zh: '相差 {amount} 亿元' },
});

/** Share of the total within which the sum is accepted. */
const TOLERANCE = 0.01;

/** An amount in 亿元 for a message: at most two decimals, three significant digits when smaller. */
export function formatYi(x: number): string {
  if (x === 0) return '0';
  const abs = Math.abs(x);
  if (abs >= 0.01) return String(Number(x.toFixed(2)));
  return String(Number(x.toPrecision(3)));
}

function formatPct(ratio: number): string {
  const p = ratio * 100;
  return `${p >= 10 ? Math.round(p) : Number(p.toFixed(2))}%`;
}

/** A `{ value, unit }` amount in 亿元, or undefined if it cannot be read or is negative (value-range reports those). */
function yi(v: unknown): number | undefined {
  const amount = amountOf('investment', v);
  return amount !== undefined && amount >= 0 ? amount : undefined;
}

export const investmentTotal: Rule = {
  code: 'investment-total',
  defaultSeverity: 'warning',
  scope: 'plan',
  needsPlan: true,
  title: { en: '`investmentTotal` differs from the sum of the projects\' investments', zh: '`investmentTotal` 与各项目投资之和不符' },
  checkPlan(ctx) {
    const { plan } = ctx;
    const planFile = plan.planFiles[0];
    if (!planFile?.root) return;
    const total = yi(planFile.root.investmentTotal);
    if (total === undefined) return;
    let sum = 0;
    let count = 0;
    for (const f of plan.files) {
      for (const project of planEntries(f, 'projects')) {
        const amount = yi(entryField(project, 'investment'));
        if (amount === undefined) continue;
        sum += amount;
        count++;
      }
    }
    const gap = sum - total;
    if (Math.abs(gap) <= TOLERANCE * total + 1e-9 * Math.max(total, sum)) return;
    const span =
      planFile.parsed.span(['investmentTotal', 'value'], 'value') ?? planFile.parsed.span(['investmentTotal'], 'value') ?? { start: 0, end: 0 };
    const message =
      count === 0
        ? msg('investment-total.no-projects', { total: formatYi(total) })
        : msg('investment-total', {
            total: formatYi(total),
            sum: formatYi(sum),
            count,
            diff:
              total > 0
                ? msg(gap > 0 ? 'investment-total.more' : 'investment-total.less', { pct: formatPct(Math.abs(gap) / total) })
                : msg('investment-total.differs', { amount: formatYi(Math.abs(gap)) }),
          });
    ctx.report({ file: planFile.path, span, message, data: { path: ['investmentTotal', 'value'] } });
  },
};
