/**
 * year-range: a year outside the span the plan covers, or out of order.
 *
 * - An indicator's target year must be after the year it is measured from:
 *   for level, share and intensity the baseline year (`baseline.year`, else
 *   the plan's `baseYear`); for a reduction its reference year (the target's
 *   `referenceYear`, else the indicator's, else the plan's `baseYear`).
 *   Indicators of unknown type are not judged.
 * - No target year, task `due` or project `end` after the plan's horizon
 *   (`horizon`, else the last of `targetYears`).
 * - In the Plan file: each of `targetYears` after `baseYear`, and ascending
 *   (a year smaller than the one before it; equal years are the schema's
 *   `uniqueItems`); `horizon` not before the last target year, and after
 *   `baseYear`.
 * - A project's `end` not before its `start` (year-months compare by month; a
 *   bare year compares by year only), reported on `end`.
 *
 * File scope, with the plan's years: the years come from the Plan file (the
 * language server re-runs file rules when they change). A file under no plan
 * is judged by what it says itself (baseline and reference years); horizon
 * checks need a plan. A Plan file is judged by its own years.
 *
 * Quick fixes (data.fixes): a year after the horizon set to the horizon; a
 * project's `start` and `end` swapped; `targetYears` sorted, or a target year
 * not after `baseYear` removed; `horizon` set to the last target year (removed
 * if that is not after `baseYear`); a reduction target's own `referenceYear`
 * set to the year of the target before it. Each only where it makes no new
 * finding of this rule.
 */
import { defineMessages, msg, type LocalText, type Message } from '../i18n/messages';
import { asNumber, entries, type FileModel, type Obj } from '../plan/model';
import type { JsonPath } from '../parse/parsed-file';
import { baselineOf, entryLabel, indicatorType, parseYearMonth, planYearsResolver, reductionReference, targetsOf, type PlanYears, type TargetView } from '../indicators';
import type { RuleFix } from '../findings';
import type { Rule, RuleContext } from './rule';

defineMessages({
  'year-range.target-not-after': {
    en: 'Indicator `{id}`: the target year {year} is not after {refName} {ref}. A target lies after the year it is measured from: move the target year later, or correct {refField}.',
    zh: '指标 `{id}`：目标年份 {year} 不晚于{refName}（{ref} 年）。目标年份应晚于其比较的起始年份：请推后目标年份，或更正 {refField}。',
  },
  'year-range.target-after-horizon': {
    en: "Indicator `{id}`: the target year {year} is after the plan's horizon {horizon}{note}. Move the target within the horizon, or set `horizon` to {year} or later in the Plan file.",
    zh: '指标 `{id}`：目标年份 {year} 晚于方案期限 {horizon} 年{note}。请将目标年份调整到期限之内，或在方案主文件中将 `horizon` 调整为不早于 {year}。',
  },
  'year-range.due-after-horizon': {
    en: "Task `{id}`: the due year {due} is after the plan's horizon {horizon}{note}. Bring the task within the horizon, or set `horizon` to {due} or later in the Plan file.",
    zh: '任务 `{id}`：完成年份 {due} 晚于方案期限 {horizon} 年{note}。请将完成时间调整到期限之内，或在方案主文件中将 `horizon` 调整为不早于 {due}。',
  },
  'year-range.end-after-horizon': {
    en: "Project `{id}`: `end` {end} is after the plan's horizon {horizon}{note}. Bring the project's end within the horizon, or set `horizon` to {endYear} or later in the Plan file.",
    zh: '项目 `{id}`：完工时间 {end} 晚于方案期限 {horizon} 年{note}。请将完工时间调整到期限之内，或在方案主文件中将 `horizon` 调整为不早于 {endYear}。',
  },
  'year-range.end-before-start': {
    en: 'Project `{id}`: `end` {end} is before `start` {start}. A project cannot end before it starts: correct `end` or `start`.',
    zh: '项目 `{id}`：完工时间 `end`（{end}）早于开工时间 `start`（{start}）。项目不能在开工前完工，请更正 `end` 或 `start`。',
  },
  'year-range.target-years-base': {
    en: '`targetYears` holds {year}, which is not after `baseYear` {baseYear}. Every target year must be after the base year: correct the year, or `baseYear`.',
    zh: '`targetYears` 中的 {year} 年不晚于基准年 `baseYear`（{baseYear}）。目标年份均应晚于基准年，请更正该年份或 `baseYear`。',
  },
  'year-range.target-years-order': {
    en: '`targetYears` must be ascending, but {year} comes after {prev}. List the target years from earliest to latest.',
    zh: '`targetYears` 应按升序排列，但 {year} 排在 {prev} 之后。请按从早到晚的顺序列出目标年份。',
  },
  'year-range.horizon-before-target': {
    en: '`horizon` {horizon} is before the last target year {last}. The plan must cover its target years: set `horizon` to {last} or later, or remove it (it defaults to the last target year).',
    zh: '方案期限 `horizon`（{horizon}）早于最后一个目标年份 {last}。方案期限应覆盖全部目标年份：请将其调整为不早于 {last}，或删除该项（默认取最后一个目标年份）。',
  },
  'year-range.horizon-before-base': {
    en: '`horizon` {horizon} is not after `baseYear` {baseYear}. Set a horizon after the base year.',
    zh: '方案期限 `horizon`（{horizon}）不晚于基准年 `baseYear`（{baseYear}）。请设置晚于基准年的期限。',
  },
  'year-range.fix.horizon': { en: 'Set to {horizon}, the horizon', zh: '改为方案期限 {horizon}' },
  'year-range.fix.swap': { en: 'Swap `start` and `end`', zh: '交换 `start` 与 `end`' },
  'year-range.fix.sort': { en: 'Sort `targetYears`: {years}', zh: '将 `targetYears` 排序为 {years}' },
  'year-range.fix.remove-year': { en: 'Remove {year} from `targetYears`', zh: '从 `targetYears` 中删除 {year}' },
  'year-range.fix.set-horizon': { en: 'Set `horizon` to {year}, the last target year', zh: '将 `horizon` 改为最后一个目标年份 {year}' },
  'year-range.fix.remove-horizon': { en: 'Remove `horizon` (it defaults to the last target year)', zh: '删除 `horizon`（默认取最后一个目标年份）' },
  'year-range.fix.reference-year': { en: 'Set `referenceYear` to {year}, the year of the target before it', zh: '将 `referenceYear` 改为前一目标的年份 {year}' },
});

function setFix(title: ReturnType<typeof msg>, path: JsonPath, value: number | string | number[]): RuleFix {
  return { title, changes: [{ op: 'set', path, value }] };
}

const HORIZON_DEFAULTED: LocalText = { en: ' (no `horizon` is set: the last of `targetYears`)', zh: '（未设置 `horizon`，取 `targetYears` 的最后一年）' };

const REF_NAMES = {
  baseline: { name: { en: 'the baseline year', zh: '基期年份' }, field: '`baseline.year`' },
  baseYear: { name: { en: "the plan's base year", zh: '方案基准年' }, field: '`baseYear`' },
  target: { name: { en: 'its reference year', zh: '降幅的参考年份' }, field: '`referenceYear`' },
  indicator: { name: { en: 'its reference year', zh: '降幅的参考年份' }, field: '`referenceYear`' },
  reductionBase: { name: { en: "the plan's base year (the default reference year)", zh: '方案基准年（降幅的默认参考年份）' }, field: '`referenceYear` or `baseYear`' },
} as const;

function horizonArgs(years: PlanYears) {
  return { horizon: years.horizon, note: years.horizonDefaulted ? HORIZON_DEFAULTED : '' };
}

function checkIndicators(file: FileModel, years: PlanYears, ctx: RuleContext): void {
  for (const { entry, path } of entries(file, 'indicators')) {
    const type = indicatorType(entry);
    if (!type) continue;
    // Paths, labels and positions are made only for a finding: a plan has thousands of targets.
    const report = (t: TargetView, message: (id: string) => Message, fixes: () => RuleFix[] = () => []) => {
      const yearPath = [...t.path, 'year'];
      const span = file.parsed.span(yearPath, 'value');
      if (!span) return;
      const f = fixes();
      ctx.report({ file: file.path, span, message: message(entryLabel(entry, path)), data: { path: yearPath, ...(f.length ? { fixes: f } : {}) } });
    };
    const targets = targetsOf(entry, path);
    const baselineYear = type === 'reduction' ? undefined : baselineOf(entry)?.year;
    for (const t of targets) {
      const year = t.year;
      if (year === undefined) continue;
      let refYear: number | undefined;
      let refKind: keyof typeof REF_NAMES = 'baseYear';
      if (type === 'reduction') {
        const r = reductionReference(entry, t, years.baseYear);
        if (r?.year !== undefined) {
          refYear = r.year;
          refKind = r.source === 'baseYear' ? 'reductionBase' : r.source;
        }
      } else if (baselineYear !== undefined) {
        refYear = baselineYear;
        refKind = 'baseline';
      } else refYear = years.baseYear;
      if (refYear !== undefined && year <= refYear) {
        const names = REF_NAMES[refKind];
        const ref = refYear;
        // A reduction measured from its own year or later: from the year of the target before it, if there is one.
        const fixes = (): RuleFix[] => {
          if (refKind !== 'target') return [];
          const before = targets.map((x) => x.year).filter((y): y is number => y !== undefined && y < year);
          if (!before.length) return [];
          const y = Math.max(...before);
          return [setFix(msg('year-range.fix.reference-year', { year: y }), [...t.path, 'referenceYear'], y)];
        };
        report(t, (id) => msg('year-range.target-not-after', { id, year, refName: names.name, ref, refField: names.field }), fixes);
      } else if (years.horizon !== undefined && year > years.horizon) {
        const horizon = years.horizon;
        // Not when that would put the target at or before the year it is measured from.
        const fixes = () => (refYear === undefined || horizon > refYear ? [setFix(msg('year-range.fix.horizon', { horizon }), [...t.path, 'year'], horizon)] : []);
        report(t, (id) => msg('year-range.target-after-horizon', { id, year, ...horizonArgs(years) }), fixes);
      }
    }
  }
}

function checkTasks(file: FileModel, years: PlanYears, ctx: RuleContext): void {
  if (years.horizon === undefined) return;
  // An entry's path is made when asked (model.ts): here only for a finding.
  for (const e of entries(file, 'tasks')) {
    const entry = e.entry;
    const due = asNumber(entry.due);
    if (due === undefined || due <= years.horizon) continue;
    const path = e.path;
    const duePath = [...path, 'due'];
    const span = file.parsed.span(duePath, 'value');
    if (!span) continue;
    ctx.report({
      file: file.path,
      span,
      message: msg('year-range.due-after-horizon', { id: entryLabel(entry, path), due, ...horizonArgs(years) }),
      data: { path: duePath, fixes: [setFix(msg('year-range.fix.horizon', { horizon: years.horizon }), duePath, years.horizon)] },
    });
  }
}

function checkProjects(file: FileModel, years: PlanYears, ctx: RuleContext): void {
  for (const e of entries(file, 'projects')) {
    const entry = e.entry;
    const end = parseYearMonth(entry.end);
    if (!end) continue;
    const endPath = () => [...e.path, 'end'];
    const at = () => file.parsed.span(endPath(), 'value') ?? { start: 0, end: 0 };
    const id = () => entryLabel(entry, e.path);
    const start = parseYearMonth(entry.start);
    if (start) {
      const bothMonths = start.month !== undefined && end.month !== undefined;
      const before = bothMonths ? end.year * 12 + end.month! < start.year * 12 + start.month! : end.year < start.year;
      if (before) {
        // Swapped, the later one ends it: only if that is within the horizon.
        const swap = years.horizon === undefined || start.year <= years.horizon;
        const fixes: RuleFix[] = swap
          ? [{ title: msg('year-range.fix.swap'), changes: [{ op: 'set', path: [...e.path, 'start'], value: entry.end as string | number }, { op: 'set', path: endPath(), value: entry.start as string | number }] }]
          : [];
        ctx.report({
          file: file.path,
          span: at(),
          message: msg('year-range.end-before-start', { id: id(), end: String(entry.end), start: String(entry.start) }),
          data: { path: endPath(), ...(fixes.length ? { fixes } : {}) },
        });
      }
    }
    if (years.horizon !== undefined && end.year > years.horizon) {
      // The horizon as a year: not when the project starts after it.
      const fixes: RuleFix[] = !start || start.year <= years.horizon ? [setFix(msg('year-range.fix.horizon', { horizon: years.horizon }), endPath(), years.horizon)] : [];
      ctx.report({
        file: file.path,
        span: at(),
        message: msg('year-range.end-after-horizon', { id: id(), end: String(entry.end), endYear: end.year, ...horizonArgs(years) }),
        data: { path: endPath(), ...(fixes.length ? { fixes } : {}) },
      });
    }
  }
}

function checkPlanYears(file: FileModel, root: Obj, years: PlanYears, ctx: RuleContext): void {
  const report = (path: JsonPath, message: ReturnType<typeof msg>, fixes: RuleFix[] = []) => {
    const span = file.parsed.span(path, 'value');
    if (span) ctx.report({ file: file.path, span, message, data: { path, ...(fixes.length ? { fixes } : {}) } });
  };
  const list = Array.isArray(root.targetYears) ? root.targetYears : [];
  // Sorting is a fix when every target year is a number after the base year (else sorting leaves a finding).
  const allYears = list.map(asNumber);
  const sortable = allYears.every((y) => y !== undefined && (years.baseYear === undefined || y > years.baseYear));
  const sorted = sortable ? [...(allYears as number[])].sort((a, b) => a - b) : [];
  let prev: number | undefined;
  list.forEach((raw, i) => {
    const y = asNumber(raw);
    if (y === undefined) return;
    if (years.baseYear !== undefined && y <= years.baseYear) {
      // Removing it is a fix while another target year remains.
      const fixes = list.length > 1 ? [{ title: msg('year-range.fix.remove-year', { year: y }), changes: [{ op: 'remove' as const, path: ['targetYears', i] }] }] : [];
      report(['targetYears', i], msg('year-range.target-years-base', { year: y, baseYear: years.baseYear }), fixes);
    } else if (prev !== undefined && y < prev) {
      const fixes = sortable ? [setFix(msg('year-range.fix.sort', { years: `[${sorted.join(', ')}]` }), ['targetYears'], sorted)] : [];
      report(['targetYears', i], msg('year-range.target-years-order', { year: y, prev }), fixes);
    }
    prev = y;
  });
  const horizon = asNumber(root.horizon);
  if (horizon === undefined) return;
  const last = years.targetYears.length ? Math.max(...years.targetYears) : undefined;
  const horizonFix = (): RuleFix[] =>
    last !== undefined && (years.baseYear === undefined || last > years.baseYear)
      ? [setFix(msg('year-range.fix.set-horizon', { year: last }), ['horizon'], last)]
      : [{ title: msg('year-range.fix.remove-horizon'), changes: [{ op: 'remove', path: ['horizon'] }] }];
  if (last !== undefined && horizon < last) {
    report(['horizon'], msg('year-range.horizon-before-target', { horizon, last }), horizonFix());
  } else if (years.baseYear !== undefined && horizon <= years.baseYear) {
    report(['horizon'], msg('year-range.horizon-before-base', { horizon, baseYear: years.baseYear }), horizonFix());
  }
}

export const yearRange: Rule = {
  code: 'year-range',
  defaultSeverity: 'error',
  scope: 'file',
  title: {
    en: 'A target year not after its baseline or reference year, a year after the horizon, or a project ending before it starts',
    zh: '目标年份不晚于基期或参考年份、年份超出方案期限，或项目完工早于开工',
  },
  checkFile(file, ctx) {
    const yearsFor = planYearsResolver(ctx.plan);
    const years = yearsFor(file);
    if (file.kind === 'Plan' && file.root) checkPlanYears(file, file.root, years, ctx);
    checkIndicators(file, years, ctx);
    checkTasks(file, years, ctx);
    checkProjects(file, years, ctx);
  },
};
