/**
 * unit-mismatch: a unit not allowed for that field or indicator type.
 *
 * - share and reduction indicators: `unit` is `%`;
 * - level and intensity indicators: `unit` is not `%` (any other text is free);
 * - project `investment`, `capacity`, `storage`, `generation`, `reduction`
 *   and the plan's `investmentTotal`, `peak.level`, `baseline` amounts (energy,
 *   emissions, GDP) and trend series: a unit of the field's
 *   list in units.ts, canonical (万kW) or an equal spelling (万千瓦).
 *
 * The schema's unit enums and the `%` conditions carry
 * `x-pilot-rule: unit-mismatch`, so only this rule reports them. An indicator
 * unit that is not a non-blank string is the schema's (`type`, `pattern`).
 * Every finding carries `data.suggestions`, the allowed units nearest first,
 * for the editor's quick fix; a level or intensity in `%` whose values are all
 * percentages gets "change `type` to `share`" (data.fixes).
 */
import { distance } from 'fastest-levenshtein';
import { defineMessages, listArg, msg, type LocalText } from '../i18n/messages';
import { asNumber, entries, isObj, type Obj } from '../plan/model';
import type { RuleFix } from '../findings';
import { isPlaceholder } from '../placeholders';
import type { JsonPath } from '../parse/parsed-file';
import { allowedUnits, unitOf, UNITS, type QuantityField } from '../units';
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
  'unit-mismatch.hints': { en: '{near}{other}', zh: '{near}{other}' },
  'unit-mismatch.other-quantity': { en: ' `{unit}` is a unit of {quantity}.', zh: '`{unit}` 是{quantity}的单位。' },
  'unit-mismatch.other-field': { en: ' `{unit}` is a unit of {quantity}: it belongs in {fields}.', zh: '`{unit}` 是{quantity}的单位，应填在 {fields}。' },
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
  const scored = allowed.map((u, i) => ({ u, i, d: distance(v, fold(u)), p: commonPrefix(v, fold(u)), raw: distance(value, u) }));
  // Nearest first; among equals, the one sharing the longer start (亿 → 亿元, not 元), then the
  // spelling nearer as written (万 千瓦 → 万千瓦, 万 kW → 万kW: both fold to 万kw).
  scored.sort((a, b) => a.d - b.d || b.p - a.p || a.raw - b.raw || a.i - b.i);
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

/** The field's units for a message, each canonical form with its equal spellings: `万kW` (`万千瓦`). */
function unitsArg(field: QuantityField): LocalText {
  const en: string[] = [];
  const zh: string[] = [];
  for (const u of UNITS[field].units) {
    const equals = u.equals.map((s) => `\`${s}\``);
    en.push(`\`${u.unit}\`${equals.length ? ` (${equals.join(', ')})` : ''}`);
    zh.push(`\`${u.unit}\`${equals.length ? `（${equals.join('、')}）` : ''}`);
  }
  return { en: en.length > 1 ? en.slice(0, -1).join(', ') + ' or ' + en[en.length - 1] : en.join(''), zh: zh.join('、') };
}

/** The project fields that take each quantity (the Plan's own two are named in its messages). */
const PROJECT_FIELDS: Partial<Record<QuantityField, string[]>> = {
  investment: ['investment'],
  capacity: ['capacity'],
  electricity: ['storage', 'generation'],
  reduction: ['reduction'],
};

/** "… is a unit of electricity: it belongs in `storage` or `generation`", for a unit of another quantity. */
function otherQuantityHint(unit: unknown, field: QuantityField, project: boolean): ReturnType<typeof msg> | undefined {
  const u = typeof unit === 'string' ? unit.trim() : undefined;
  const other = u !== undefined ? unitOf(u)?.field : undefined;
  if (!other || other === field) return undefined;
  const fields = project ? PROJECT_FIELDS[other] : undefined;
  const args = { unit: u, quantity: UNITS[other].name };
  return fields ? msg('unit-mismatch.other-field', { ...args, fields: listArg(fields.map((f) => `\`${f}\``)) }) : msg('unit-mismatch.other-quantity', args);
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

    const check = (owner: () => LocalText, holder: unknown, holderPath: () => JsonPath, field: string, quantity: QuantityField, project = true) => {
      if (!isObj(holder) || !('unit' in holder)) return;
      const allowed = allowedUnits(quantity);
      const unit = holder.unit;
      if (typeof unit === 'string' && allowed.includes(unit)) return;
      if (isPlaceholder(unit)) return; // the placeholder rule's
      const unitPath = [...holderPath(), 'unit'];
      const span = file.parsed.span(unitPath, 'value') ?? file.parsed.span(unitPath, 'key');
      if (!span) return;
      const { ordered, near } = typeof unit === 'string' ? unitSuggestions(unit, allowed) : { ordered: allowed, near: undefined };
      const other = otherQuantityHint(unit, quantity, project);
      ctx.report({
        file: file.path,
        span,
        message: msg('unit-mismatch.field', {
          owner: owner(),
          unit: show(unit),
          field,
          allowed: unitsArg(quantity),
          hint: msg('unit-mismatch.hints', { near: near ? msg('unit-mismatch.did-you-mean', { suggestion: near }) : '', other }),
        }),
        data: { suggestions: ordered, path: unitPath },
      });
    };

    for (const e of entries(file, 'projects')) {
      const entry = e.entry;
      const owner = () => projectOwner(entry, e.path);
      check(owner, entry.investment, () => [...e.path, 'investment'], 'investment', 'investment');
      check(owner, entry.capacity, () => [...e.path, 'capacity'], 'capacity', 'capacity');
      check(owner, entry.storage, () => [...e.path, 'storage'], 'storage', 'electricity');
      check(owner, entry.generation, () => [...e.path, 'generation'], 'generation', 'electricity');
      check(owner, entry.reduction, () => [...e.path, 'reduction'], 'reduction', 'reduction');
    }

    if (file.kind === 'Plan' && file.root) {
      const root: Obj = file.root;
      const owner = () => planOwner(root);
      check(owner, root.investmentTotal, () => ['investmentTotal'], 'investmentTotal', 'investment', false);
      if (isObj(root.peak)) check(owner, root.peak.level, () => ['peak', 'level'], 'peak.level', 'emission', false);
      const baseline = isObj(root.baseline) ? root.baseline : undefined;
      if (baseline) {
        if (isObj(baseline.energy)) check(owner, baseline.energy.total, () => ['baseline', 'energy', 'total'], 'baseline.energy.total', 'energy', false);
        if (isObj(baseline.emissions)) {
          check(owner, baseline.emissions.total, () => ['baseline', 'emissions', 'total'], 'baseline.emissions.total', 'emission', false);
          check(owner, baseline.emissions.indirect, () => ['baseline', 'emissions', 'indirect'], 'baseline.emissions.indirect', 'emission', false);
        }
        check(owner, baseline.gdp, () => ['baseline', 'gdp'], 'baseline.gdp', 'investment', false);
      }
      const scenarios = isObj(root.trend) && Array.isArray(root.trend.scenarios) ? root.trend.scenarios : [];
      scenarios.forEach((s, i) => {
        if (!isObj(s)) return;
        check(owner, s.emissions, () => ['trend', 'scenarios', i, 'emissions'], `trend.scenarios[${i}].emissions`, 'emission', false);
        check(owner, s.energy, () => ['trend', 'scenarios', i, 'energy'], `trend.scenarios[${i}].energy`, 'energy', false);
      });
    }

    // A Progress file's investment to date (its projects are references, not entries: entries() lists none).
    // An actual value's unit against its indicator's is indicator-behind's: it needs the indicator, in another file.
    if (file.kind === 'Progress' && file.root && Array.isArray(file.root.projects)) {
      file.root.projects.forEach((entry, i) => {
        if (isObj(entry)) check(() => projectOwner(entry, ['projects', i]), entry.invested, () => ['projects', i, 'invested'], 'invested', 'investment', false);
      });
    }
  },
};
