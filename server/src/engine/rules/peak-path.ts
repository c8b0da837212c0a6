/**
 * peak-path: the plan's `peak` against the trend scenario it chooses
 * (`trend.scenarios[].chosen: true`).
 *
 * - `peak.year` is not a year of the chosen scenario's largest emissions value;
 * - `peak.level`, converted, differs from that value by more than 1% of it;
 * - more than one scenario is chosen (on each `chosen: true`);
 * - `peak` is given with scenarios, none of them chosen (an info: the plan may
 *   still be choosing).
 *
 * Values that are not numbers (placeholders) are left out; a series with a unit
 * the field does not allow is left to unit-mismatch.
 */
import { defineMessages, listArg, msg } from '../i18n/messages';
import type { RuleFix } from '../findings';
import type { JsonPath } from '../parse/parsed-file';
import { asNumber, isObj, type Obj } from '../plan/model';
import { toBase } from '../units';
import type { Rule } from './rule';

defineMessages({
  'peak-path.year': {
    en: 'The peak year `peak.year` is {year}, but the chosen scenario `{scenario}` peaks in {pathYear} (at {value} {unit}). Make `peak.year` {pathYear}, or correct the scenario.',
    zh: '达峰年份 `peak.year` 为 {year} 年，而选定情景“{scenario}”的排放在 {pathYear} 年达到最高（{value} {unit}）。请将 `peak.year` 改为 {pathYear}，或更正该情景。',
  },
  'peak-path.level': {
    en: 'The peak level `peak.level` is {level} {levelUnit}, but the chosen scenario `{scenario}` peaks at {value} {unit} ({diff} apart, more than 1%). Make `peak.level` {expected} {levelUnit}, or correct the scenario.',
    zh: '峰值 `peak.level` 为 {level} {levelUnit}，而选定情景“{scenario}”的最高排放为 {value} {unit}（相差 {diff}，超过 1%）。请将 `peak.level` 改为 {expected} {levelUnit}，或更正该情景。',
  },
  'peak-path.several': {
    en: '{count} scenarios are marked `chosen: true` ({all}), but only one can be the plan\'s peak path. Keep `chosen: true` on one of them.',
    zh: '有 {count} 个情景标为 `chosen: true`（{all}），但方案只能选定一条达峰路径。请只在其中一个情景上保留 `chosen: true`。',
  },
  'peak-path.none': {
    en: 'The plan gives `peak`, but none of its {count} trend scenarios is marked `chosen: true`, so the peak cannot be checked against a path. Mark the scenario the plan follows with `chosen: true`.',
    zh: '方案填写了 `peak`，但 {count} 个趋势情景中没有一个标为 `chosen: true`，无法据达峰路径核对峰值。请在方案采用的情景上写 `chosen: true`。',
  },
  'peak-path.fix.year': { en: 'Set `peak.year` to {year}', zh: '将 `peak.year` 改为 {year}' },
  'peak-path.fix.level': { en: 'Set `peak.level` to {value} {unit}', zh: '将 `peak.level` 改为 {value} {unit}' },
  'peak-path.fix.only': { en: 'Choose only `{scenario}`', zh: '只选定情景“{scenario}”' },
  'peak-path.fix.choose': { en: 'Choose `{scenario}`', zh: '选定情景“{scenario}”' },
});

/** Share of the path's peak within which `peak.level` is accepted. */
const LEVEL_TOLERANCE = 0.01;

/** A number for a message and a fix: six significant digits at most, without float noise. */
function shown(x: number): number {
  return Number(x.toPrecision(6));
}

function nameOf(s: Obj, i: number): string {
  return typeof s.name === 'string' && s.name.trim() ? s.name : `#${i + 1}`;
}

/** The chosen scenario's largest emissions value: its years (ascending) and value, or undefined when it has no number. */
export function pathPeak(scenario: Obj): { years: number[]; value: number; unit: string } | undefined {
  const series = scenario.emissions;
  if (!isObj(series) || typeof series.unit !== 'string' || !isObj(series.values)) return undefined;
  if (toBase('emission', 1, series.unit) === undefined) return undefined;
  let best: number | undefined;
  let years: number[] = [];
  for (const [key, v] of Object.entries(series.values)) {
    const year = /^\d{4}$/.test(key) ? Number(key) : undefined;
    const value = asNumber(v);
    if (year === undefined || value === undefined) continue;
    if (best === undefined || value > best) {
      best = value;
      years = [year];
    } else if (value === best) years.push(year);
  }
  return best === undefined ? undefined : { years: years.sort((a, b) => a - b), value: best, unit: series.unit };
}

export const peakPath: Rule = {
  code: 'peak-path',
  defaultSeverity: 'warning',
  scope: 'file',
  title: { en: '`peak` differs from the chosen trend scenario', zh: '`peak` 与选定的排放趋势情景不符' },
  checkFile(file, ctx) {
    if (file.kind !== 'Plan' || !file.root) return;
    const root = file.root;
    const scenarios = isObj(root.trend) && Array.isArray(root.trend.scenarios) ? root.trend.scenarios : undefined;
    // Entries that are not mappings are the schema's; with none left there is no path to judge.
    if (!scenarios || !scenarios.some(isObj)) return;
    const span = (path: JsonPath, part: 'key' | 'value' = 'value') => file.parsed.span(path, part) ?? file.parsed.span(path, 'key') ?? { start: 0, end: 0 };
    const chosen = scenarios.flatMap((s, i) => (isObj(s) && s.chosen === true ? [i] : []));
    const scenarioPath = (i: number): JsonPath => ['trend', 'scenarios', i];

    if (chosen.length > 1) {
      for (const i of chosen) {
        const fixes: RuleFix[] = [{ title: msg('peak-path.fix.only', { scenario: nameOf(scenarios[i] as Obj, i) }), changes: chosen.filter((j) => j !== i).map((j) => ({ op: 'set' as const, path: [...scenarioPath(j), 'chosen'], value: false })) }];
        ctx.report({
          file: file.path,
          span: span([...scenarioPath(i), 'chosen']),
          message: msg('peak-path.several', { all: listArg(chosen.map((j) => `\`${nameOf(scenarios[j] as Obj, j)}\``), 'and'), count: chosen.length }),
          data: { path: [...scenarioPath(i), 'chosen'], fixes },
        });
      }
      return;
    }

    const peak = isObj(root.peak) ? root.peak : undefined;
    if (!peak) return;
    if (chosen.length === 0) {
      // Only a scenario that writes `chosen: false` can be switched by a fix (a fix sets values, it adds no keys).
      const fixes: RuleFix[] = scenarios.flatMap((s, i) => (isObj(s) && s.chosen === false ? [{ title: msg('peak-path.fix.choose', { scenario: nameOf(s, i) }), changes: [{ op: 'set' as const, path: [...scenarioPath(i), 'chosen'], value: true }] }] : []));
      ctx.report({
        file: file.path,
        span: span(['trend', 'scenarios'], 'key'),
        message: msg('peak-path.none', { count: scenarios.filter(isObj).length }),
        data: { path: ['trend', 'scenarios'], ...(fixes.length ? { fixes } : {}) },
        severity: 'info',
      });
      return;
    }

    const i = chosen[0];
    const scenario = scenarios[i] as Obj;
    const top = pathPeak(scenario);
    if (!top) return;
    const name = nameOf(scenario, i);
    const year = asNumber(peak.year);
    if (year !== undefined && !top.years.includes(year)) {
      ctx.report({
        file: file.path,
        span: span(['peak', 'year']),
        message: msg('peak-path.year', { year, scenario: name, pathYear: top.years[0], value: top.value, unit: top.unit }),
        data: { path: ['peak', 'year'], fixes: [{ title: msg('peak-path.fix.year', { year: top.years[0] }), changes: [{ op: 'set', path: ['peak', 'year'], value: top.years[0] }] }] },
      });
    }
    const level = isObj(peak.level) ? peak.level : undefined;
    const levelValue = asNumber(level?.value);
    const levelUnit = typeof level?.unit === 'string' ? level.unit : undefined;
    if (levelValue === undefined || levelUnit === undefined) return;
    const levelBase = toBase('emission', levelValue, levelUnit);
    const pathBase = toBase('emission', top.value, top.unit);
    const perUnit = toBase('emission', 1, levelUnit);
    if (levelBase === undefined || pathBase === undefined || perUnit === undefined || pathBase <= 0) return;
    const diff = Math.abs(levelBase - pathBase);
    if (diff <= LEVEL_TOLERANCE * pathBase) return;
    const expected = shown(pathBase / perUnit);
    ctx.report({
      file: file.path,
      span: span(['peak', 'level', 'value']),
      message: msg('peak-path.level', { level: levelValue, levelUnit, scenario: name, value: top.value, unit: top.unit, diff: `${Number(((diff / pathBase) * 100).toFixed(1))}%`, expected }),
      data: { path: ['peak', 'level', 'value'], fixes: [{ title: msg('peak-path.fix.level', { value: expected, unit: levelUnit }), changes: [{ op: 'set', path: ['peak', 'level', 'value'], value: expected }] }] },
    });
  },
};
