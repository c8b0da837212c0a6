/**
 * unit-mismatch: a unit not allowed for that field or indicator type.
 *
 * - share and reduction indicators: `unit` is `%`;
 * - level and intensity indicators: `unit` is not `%` (any other text is free);
 * - project `investment`, `capacity`, `reduction` and the plan's
 *   `investmentTotal` and `peak.level`: a unit of the field's list in units.ts.
 *
 * The schema's unit enums and the `%` conditions carry
 * `x-pilot-rule: unit-mismatch`, so only this rule reports them. An indicator
 * unit that is not a non-blank string is the schema's (`type`, `pattern`).
 * Every finding carries `data.suggestions`, the allowed units nearest first,
 * for the editor's quick fix; a level or intensity in `%` whose values are all
 * percentages gets "change `type` to `share`" (data.fixes).
 */
import { distance } from 'fastest-levenshtein';
import { defineMessages, msg, type LocalText } from '../i18n/messages';
import { asNumber, entries, isObj, type Obj } from '../plan/model';
import type { RuleFix } from '../findings';
import { isPlaceholder } from '../placeholders';
import type { JsonPath } from '../parse/parsed-file';
import { allowedUnits, type QuantityField } from '../units';
import { entryLabel, indicatorType, planOwner, projectOwner, TYPE_NAMES } from '../indicators';
import type { Rule } from './rule';

defineMessages({
  'unit-mismatch.percent-required': {
    en: 'Indicator `{id}` is a {type} indicator, so its unit must be `%`, not `{unit}`. Change the unit to `%` (or change `type` if the indicator is not a percentage).',
    zh: '指标 `{id}` 为{type}类指标，单位应为 `%`，而不是 `{unit}`。请将单位改为 `%`（如该指标并非百分数，请修改 `type`）。',
  },
  'unit-mismatch.percent-forbidden': {
    en: 'Indicator `{id}` is a {type} indicator, so its unit cannot be `%`: percentages are `share` or `reduction` indicators. Give the real unit (such as GW or tce/万元), or change `type` to `share` or `reduction`.',
    zh: '指标 `{id}` 为{type}类指标，单位不能为 `%`：百分数应使用 `share`（占比）或 `reduction`（降低率）类型。请填写实际单位（如 GW、tce/万元），或将 `type` 改为 `share` 或 `reduction`。',
  },
  'unit-mismatch.field': {
    en: '{owner}: the unit `{unit}` is not allowed for `{field}`; use {allowed}.{hint}',
    zh: '{owner}：`{field}` 的单位 `{unit}` 不符合要求，可用单位为 {allowed}。{hint}',
  },
  'unit-mismatch.did-you-mean': { en: ' Did you mean `{suggestion}`?', zh: '您是否想写 `{suggestion}`？' },
  'unit-mismatch.fix.share': { en: 'Change `type` to `share` (a percentage)', zh: '将 `type` 改为 `share`（占比）' },
});

/** "Make it a share", for an indicator in % whose baseline and targets are all numbers in 0–100. */
function shareFix(indicator: Obj, path: JsonPath): RuleFix[] {
  const values = [isObj(indicator.baseline) ? indicator.baseline.value : undefined, ...(Array.isArray(indicator.targets) ? indicator.targets.map((t) => (isObj(t) ? t.value : undefined)) : [])];
  const known = values.filter((v) => v !== undefined).map(asNumber);
  if (!known.length || known.some((v) => v === undefined || v < 0 || v > 100)) return [];
  return [{ title: msg('unit-mismatch.fix.share'), changes: [{ op: 'set', path: [...path, 'type'], value: 'share' }] }];
}

/**
 * Spellings planners write, folded to the format's: 万千瓦 → 万kW, 万吨CO2/年 → 万tCO2/a.
 * Chinese patterns are made from strings: a bundler escapes non-ASCII characters in strings but
 * not in regular expression literals, and one such character makes the whole CLI bundle a
 * two-byte string, twice the bytes to read and to compile at every start.
 */
const FOLDS: readonly [RegExp, string][] = [
  [/\s+/g, ''],
  [new RegExp('二氧化碳|co₂', 'g'), 'co2'],
  [new RegExp('千瓦', 'g'), 'kw'],
  [new RegExp('兆瓦', 'g'), 'mw'],
  [new RegExp('吉瓦', 'g'), 'gw'],
  [new RegExp('标准煤|标煤', 'g'), 'ce'],
  [new RegExp('吨', 'g'), 't'],
  [new RegExp('/(年|yr|year)$'), '/a'],
  [new RegExp('^(人民币|rmb|cny)'), ''],
  [/^(yuan)$/, '元'],
];

function fold(s: string): string {
  let out = s.normalize('NFKC').toLowerCase();
  for (const [pattern, to] of FOLDS) out = out.replace(pattern, to);
  return out;
}

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/** The allowed units, nearest first, and the one the value was probably meant to be. */
export function unitSuggestions(value: string, allowed: string[]): { ordered: string[]; near?: string } {
  const v = fold(value);
  const scored = allowed.map((u, i) => ({ u, i, d: distance(v, fold(u)), p: commonPrefix(v, fold(u)) }));
  // Nearest first; among equals, the one sharing the longer start (亿 → 亿元, not 元).
  scored.sort((a, b) => a.d - b.d || b.p - a.p || a.i - b.i);
  const best = scored[0];
  const near = best && v !== '' && best.d <= Math.max(1, Math.floor(fold(best.u).length / 3)) ? best.u : undefined;
  return { ordered: scored.map((s) => s.u), near };
}

/** A YAML value shown in a message: strings as they are, others as YAML would print them. */
function show(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 40 ? s.slice(0, 39) + '…' : s;
}

function unitsArg(units: string[]): LocalText {
  const q = units.map((u) => `\`${u}\``);
  return { en: q.length > 1 ? q.slice(0, -1).join(', ') + ' or ' + q[q.length - 1] : q.join(''), zh: q.join('、') };
}

export const unitMismatch: Rule = {
  code: 'unit-mismatch',
  defaultSeverity: 'error',
  scope: 'file',
  title: { en: 'A unit not allowed for that field or indicator type', zh: '单位不符合字段或指标类型的要求' },
  checkFile(file, ctx) {
    for (const { entry, path } of entries(file, 'indicators')) {
      const type = indicatorType(entry);
      const unit = entry.unit;
      if (!type || typeof unit !== 'string' || unit.trim() === '' || isPlaceholder(unit)) continue;
      // Paths, labels and positions are made only for a finding.
      if ((type === 'share' || type === 'reduction') && unit !== '%') {
        const unitPath = [...path, 'unit'];
        const span = file.parsed.span(unitPath, 'value');
        if (!span) continue;
        ctx.report({
          file: file.path,
          span,
          message: msg('unit-mismatch.percent-required', { id: entryLabel(entry, path), type: TYPE_NAMES[type], unit }),
          data: { suggestions: ['%'], path: unitPath },
        });
      } else if ((type === 'level' || type === 'intensity') && unit.trim() === '%') {
        const unitPath = [...path, 'unit'];
        const span = file.parsed.span(unitPath, 'value');
        if (!span) continue;
        const fixes = shareFix(entry, path);
        ctx.report({
          file: file.path,
          span,
          message: msg('unit-mismatch.percent-forbidden', { id: entryLabel(entry, path), type: TYPE_NAMES[type] }),
          data: { path: unitPath, ...(fixes.length ? { fixes } : {}) },
        });
      }
    }

    const check = (owner: () => LocalText, holder: unknown, holderPath: () => JsonPath, field: string, quantity: QuantityField) => {
      if (!isObj(holder) || !('unit' in holder)) return;
      const allowed = allowedUnits(quantity);
      const unit = holder.unit;
      if (typeof unit === 'string' && allowed.includes(unit)) return;
      if (isPlaceholder(unit)) return; // the placeholder rule's
      const unitPath = [...holderPath(), 'unit'];
      const span = file.parsed.span(unitPath, 'value') ?? file.parsed.span(unitPath, 'key');
      if (!span) return;
      const { ordered, near } = typeof unit === 'string' ? unitSuggestions(unit, allowed) : { ordered: allowed, near: undefined };
      ctx.report({
        file: file.path,
        span,
        message: msg('unit-mismatch.field', {
          owner: owner(),
          unit: show(unit),
          field,
          allowed: unitsArg(allowed),
          hint: near ? msg('unit-mismatch.did-you-mean', { suggestion: near }) : '',
        }),
        data: { suggestions: ordered, path: unitPath },
      });
    };

    for (const e of entries(file, 'projects')) {
      const entry = e.entry;
      const owner = () => projectOwner(entry, e.path);
      check(owner, entry.investment, () => [...e.path, 'investment'], 'investment', 'investment');
      check(owner, entry.capacity, () => [...e.path, 'capacity'], 'capacity', 'capacity');
      check(owner, entry.reduction, () => [...e.path, 'reduction'], 'reduction', 'reduction');
    }

    if (file.kind === 'Plan' && file.root) {
      const root: Obj = file.root;
      const owner = () => planOwner(root);
      check(owner, root.investmentTotal, () => ['investmentTotal'], 'investmentTotal', 'investment');
      if (isObj(root.peak)) check(owner, root.peak.level, () => ['peak', 'level'], 'peak.level', 'emission');
    }
  },
};
