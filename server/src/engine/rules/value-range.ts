/**
 * value-range: a percentage outside 0–100, a negative investment, capacity or
 * reduction.
 *
 * - share and reduction indicators: `baseline.value` and every target's
 *   `value` lie in 0–100 (both ends allowed), whatever `unit` says (a wrong
 *   unit is unit-mismatch's to report).
 * - projects: `investment.value`, `capacity.value`, `storage.value`,
 *   `generation.value` and `reduction.value` are not negative (0 is allowed).
 * - the plan's `investmentTotal.value` is not negative either: it is an
 *   investment, and the schema leaves its minimum to this rule.
 *
 * The schema's `minimum`/`maximum` on these values carry
 * `x-pilot-rule: value-range`, so only this rule reports them.
 *
 * Quick fixes (data.fixes): a percentage set to the end of 0–100 it passed; a
 * negative amount written without its minus sign (the usual slip).
 */
import { defineMessages, msg, type LocalText } from '../i18n/messages';
import { asNumber, entries, isObj } from '../plan/model';
import type { JsonPath } from '../parse/parsed-file';
import { entryLabel, formatValue, indicatorType, planOwner, projectOwner, TYPE_NAMES } from '../indicators';
import type { RuleFix } from '../findings';
import type { Rule } from './rule';

defineMessages({
  'value-range.percent': {
    en: 'Indicator `{id}`: the {where} {value} is outside 0–100. A {type} indicator is a percentage; correct the value (or the indicator\'s `type`, if it is not a percentage).',
    zh: '指标 `{id}`：{where} {value} 超出 0–100 的范围。{type}类指标以百分数计，请更正该值（如该指标并非百分数，请修改 `type`）。',
  },
  'value-range.negative': {
    en: '{owner}: `{field}` is {value}, but {what} cannot be negative. Enter 0 or more.',
    zh: '{owner}：`{field}` 为 {value}，{what}不能为负数。请填写不小于 0 的数值。',
  },
  'value-range.fix.clamp': { en: 'Set to {value}', zh: '改为 {value}' },
  'value-range.fix.abs': { en: 'Write {value} (without the minus sign)', zh: '改为 {value}（去掉负号）' },
});

/** `fixes` with the one change that writes `value` at `path`. */
function setTo(path: JsonPath, value: number, title: ReturnType<typeof msg>): { fixes: RuleFix[] } {
  return { fixes: [{ title, changes: [{ op: 'set', path, value }] }] };
}

const PROJECT_FIELDS: Record<string, LocalText> = {
  investment: { en: 'an investment', zh: '投资额' },
  capacity: { en: 'a capacity', zh: '容量' },
  storage: { en: 'a storage capacity', zh: '储能容量' },
  generation: { en: 'an annual generation', zh: '年发电量' },
  reduction: { en: 'an emission reduction', zh: '年减排量' },
};

export const valueRange: Rule = {
  code: 'value-range',
  defaultSeverity: 'error',
  scope: 'file',
  title: { en: 'A percentage outside 0–100, or a negative investment, capacity or reduction', zh: '百分数超出 0–100，或投资、容量、减排量为负数' },
  checkFile(file, ctx) {
    const report = (path: JsonPath, message: ReturnType<typeof msg>, fix: { fixes: RuleFix[] }) => {
      const span = file.parsed.span(path, 'value');
      if (span) ctx.report({ file: file.path, span, message, data: { path, ...fix } });
    };

    // Paths, labels and messages are made only for a finding: a plan has thousands of values.
    const outside = (v: number | undefined) => v !== undefined && (v < 0 || v > 100);
    for (const { entry, path } of entries(file, 'indicators')) {
      const type = indicatorType(entry);
      if (type !== 'share' && type !== 'reduction') continue;
      const percent = (valuePath: JsonPath, v: number, where: LocalText) => {
        const end = v < 0 ? 0 : 100;
        report(
          valuePath,
          msg('value-range.percent', { id: entryLabel(entry, path), where, value: formatValue(v, '%'), type: TYPE_NAMES[type] }),
          setTo(valuePath, end, msg('value-range.fix.clamp', { value: formatValue(end, '%') })),
        );
      };
      if (isObj(entry.baseline)) {
        const v = asNumber(entry.baseline.value);
        if (outside(v)) percent([...path, 'baseline', 'value'], v!, { en: 'baseline value', zh: '基期值' });
      }
      if (Array.isArray(entry.targets)) {
        entry.targets.forEach((t, i) => {
          if (!isObj(t)) return;
          const v = asNumber(t.value);
          if (!outside(v)) return;
          const year = asNumber(t.year);
          const where = year !== undefined ? { en: `${year} target`, zh: `${year} 年目标值` } : { en: 'target value', zh: '目标值' };
          percent([...path, 'targets', i, 'value'], v!, where);
        });
      }
    }

    // `base`: the holder's entry path, made only for a finding (model.ts makes an entry's path when asked).
    const negative = (owner: () => LocalText, base: () => JsonPath, field: string, what: LocalText, holder: unknown) => {
      if (!isObj(holder)) return;
      const v = asNumber(holder.value);
      if (v === undefined || v >= 0) return;
      const shown = typeof holder.unit === 'string' ? formatValue(v, holder.unit) : String(v);
      const valuePath = [...base(), field, 'value'];
      const positive = typeof holder.unit === 'string' ? formatValue(-v, holder.unit) : String(-v);
      report(valuePath, msg('value-range.negative', { owner: owner(), field: `${field}.value`, value: shown, what }), setTo(valuePath, -v, msg('value-range.fix.abs', { value: positive })));
    };

    for (const e of entries(file, 'projects')) {
      const owner = () => projectOwner(e.entry, e.path);
      const base = () => e.path;
      for (const field in PROJECT_FIELDS) negative(owner, base, field, PROJECT_FIELDS[field], e.entry[field]);
    }

    if (file.kind === 'Plan' && file.root) {
      const root = file.root;
      negative(() => planOwner(root), () => [], 'investmentTotal', { en: 'a total investment', zh: '投资总额' }, file.root.investmentTotal);
    }

    // A Progress file's investment to date (its projects are references, not entries: entries() lists none).
    if (file.kind === 'Progress' && file.root && Array.isArray(file.root.projects)) {
      file.root.projects.forEach((entry, i) => {
        if (isObj(entry)) negative(() => projectOwner(entry, ['projects', i]), () => ['projects', i], 'invested', { en: 'an investment to date', zh: '累计完成投资' }, entry.invested);
      });
    }
  },
};
