/**
 * structure-sum: a share list of the plan's `baseline` (`energy.structure`,
 * `emissions.bySector`) whose shares do not sum to 100 (within ±0.5, the
 * rounding of published one-decimal shares).
 *
 * A list with a share that is not a number in 0–100 (a placeholder, a wrong
 * type, out of range) is not summed: the placeholder and schema rules report those. Quick fixes:
 * shares written as fractions (summing to 1) become percentages; an `other`
 * entry takes the remainder, when that is not negative.
 */
import { defineMessages, msg } from '../i18n/messages';
import type { RuleFix } from '../findings';
import type { JsonPath } from '../parse/parsed-file';
import { asNumber, isObj } from '../plan/model';
import type { Rule } from './rule';

defineMessages({
  'structure-sum': {
    en: 'The shares of `{field}` add up to {sum}%, not 100%. Correct the shares so that they sum to 100 (±{tolerance}); put what the listed items leave out under `{other}`.',
    zh: '`{field}` 各项占比之和为 {sum}%，不是 100%。请更正各项占比，使其合计为 100（允许 ±{tolerance}）；未列出的部分可计入 `{other}`。',
  },
  'structure-sum.fix.percent': { en: 'Write the shares as percentages (×100)', zh: '将占比改写为百分数（×100）' },
  'structure-sum.fix.other': { en: 'Set the `other` share to {value}', zh: '将 `other` 的占比改为 {value}' },
});

/** How far from 100 a sum may be: shares published to one decimal do not always add up exactly. */
export const SUM_TOLERANCE = 0.5;

/** The share lists this rule sums: where, and the key that names each item. */
const LISTS: { path: JsonPath; field: string; key: 'source' | 'sector' }[] = [
  { path: ['baseline', 'energy', 'structure'], field: 'baseline.energy.structure', key: 'source' },
  { path: ['baseline', 'emissions', 'bySector'], field: 'baseline.emissions.bySector', key: 'sector' },
];

/** A sum or share without the float noise of adding decimals (28.5 + 71.4 = 99.9, not 99.90000000000001). */
export function tidy(x: number): number {
  return Number(x.toFixed(6));
}

function fixesFor(listPath: JsonPath, shares: number[], items: Record<string, unknown>[], key: string, sum: number): RuleFix[] {
  const fixes: RuleFix[] = [];
  if (Math.abs(sum - 1) <= SUM_TOLERANCE / 100) {
    fixes.push({ title: msg('structure-sum.fix.percent'), changes: shares.map((s, i) => ({ op: 'set' as const, path: [...listPath, i, 'share'], value: tidy(s * 100) })) });
  }
  const others = items.flatMap((item, i) => (item[key] === 'other' ? [i] : []));
  if (others.length === 1) {
    const i = others[0];
    const rest = tidy(100 - (sum - shares[i]));
    if (rest >= 0 && rest <= 100) fixes.push({ title: msg('structure-sum.fix.other', { value: rest }), changes: [{ op: 'set', path: [...listPath, i, 'share'], value: rest }] });
  }
  return fixes;
}

export const structureSum: Rule = {
  code: 'structure-sum',
  defaultSeverity: 'error',
  scope: 'file',
  title: { en: 'The shares of an energy mix or emissions by sector do not sum to 100%', zh: '能源消费结构或分部门排放占比之和不为 100%' },
  checkFile(file, ctx) {
    if (file.kind !== 'Plan' || !file.root || !isObj(file.root.baseline)) return;
    for (const { path, field, key } of LISTS) {
      const holder = isObj(file.root.baseline[path[1] as string]) ? (file.root.baseline[path[1] as string] as Record<string, unknown>) : undefined;
      const list = holder?.[path[2] as string];
      if (!Array.isArray(list) || list.length === 0) continue;
      const items = list.filter(isObj);
      if (items.length !== list.length) continue;
      const shares = items.map((item) => asNumber(item.share));
      // A share that is not a number in 0–100 is the schema's (or the placeholder rule's): the sum would only repeat it.
      if (shares.some((s) => s === undefined || s < 0 || s > 100)) continue;
      const sum = tidy((shares as number[]).reduce((a, b) => a + b, 0));
      if (Math.abs(sum - 100) <= SUM_TOLERANCE) continue;
      const fixes = fixesFor(path, shares as number[], items, key, sum);
      ctx.report({
        file: file.path,
        span: file.parsed.span(path, 'key') ?? { start: 0, end: 0 },
        message: msg('structure-sum', { field, sum, tolerance: SUM_TOLERANCE, other: `${key}: other` }),
        data: { path, ...(fixes.length ? { fixes } : {}) },
      });
    }
  },
};
