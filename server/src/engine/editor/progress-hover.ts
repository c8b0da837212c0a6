/**
 * What a hover adds from the plan's Progress files: for an indicator, its planned
 * values (baseline, targets) and its reported actual values side by side, in a
 * table by year; for a task, project, mechanism or action, its latest status.
 */
import type { EntityKind, Obj } from '../plan/model';
import type { Locale } from '../i18n/messages';
import { baselineOf, formatValue, indicatorType, targetsOf } from '../indicators';
import { STATUS_NAMES, type ActualValue, type PlanProgress, type StatusReport } from '../plan/progress';
import { displayPath, text, type EditorPlan } from './context';
import { progressOf } from './progress-view';
import { valueText } from '../value-text';

/** Text in a Markdown table cell: no line breaks, no characters that end the cell or start markup. */
export function cellText(s: string): string {
  return s.replace(/\s*[\r\n]+\s*/g, ' ').replace(/[\\|*_`<[\]]/g, '\\$&');
}

function actualText(a: ActualValue, indicatorUnit: unknown): string {
  if (a.value !== undefined) return cellText(formatValue(a.value, a.unit ?? indicatorUnit));
  // A placeholder or a value that is not a number: as written, so that it shows as still to be filled in.
  return cellText(valueText(a.written));
}

interface Row {
  planned: string[];
  actual: string[];
  source: string[];
}

/** The table of an indicator's planned and actual values by year, or nothing when no Progress file reports it. */
export function indicatorProgressMarkdown(plan: EditorPlan, id: string, indicator: Obj, locale: Locale, progress: PlanProgress = progressOf(plan)): string[] {
  const actuals = progress.actuals(id);
  if (!actuals.length) return [];
  const rows = new Map<number, Row>();
  const row = (year: number): Row => {
    let r = rows.get(year);
    if (!r) rows.set(year, (r = { planned: [], actual: [], source: [] }));
    return r;
  };
  const unit = indicator.unit;
  const baseline = baselineOf(indicator);
  // A reduction's baseline is the level it is cut from, not a value of the indicator itself.
  if (indicatorType(indicator) !== 'reduction' && baseline?.year !== undefined && baseline.value !== undefined) {
    row(baseline.year).planned.push(text(locale, `基准 ${formatValue(baseline.value, unit)}`, `baseline ${formatValue(baseline.value, unit)}`));
  }
  for (const t of targetsOf(indicator, [])) {
    if (t.year === undefined || t.value === undefined) continue;
    const comparator = typeof t.data.comparator === 'string' && t.data.comparator !== '=' ? `${t.data.comparator} ` : '';
    row(t.year).planned.push(text(locale, `目标 ${comparator}${formatValue(t.value, unit)}`, `target ${comparator}${formatValue(t.value, unit)}`));
  }
  for (const a of actuals) {
    const r = row(a.year);
    r.actual.push(actualText(a, unit));
    r.source.push(a.source ? cellText(a.source) : '');
  }
  const join = (cells: string[]) => cells.map((c) => c || '—').join('<br>');
  const lines = [
    text(locale, '| 年份 | 规划 | 实际 | 来源 |', '| Year | Planned | Actual | Source |'),
    '|---|---|---|---|',
    ...[...rows.entries()]
      .sort(([a], [b]) => a - b)
      .map(([year, r]) => `| ${year} | ${cellText(r.planned.join(text(locale, '；', '; ')))} | ${r.actual.length ? join(r.actual) : ''} | ${r.source.some(Boolean) ? join(r.source) : ''} |`),
  ];
  return [text(locale, '**规划值与实际值**', '**Planned and actual values**'), lines.join('\n')];
}

/** Where a report is, as a person finds it: `progress-2024.pilot.yaml` line 12. */
function reportWhere(plan: EditorPlan, r: StatusReport, locale: Locale): string {
  const m = plan.index.file(r.file);
  const span = m?.parsed.span([...r.path, 'id'], 'value') ?? m?.parsed.span(r.path, 'key');
  const line = m && span ? m.parsed.lines.positionAt(span.start).line + 1 : undefined;
  const where = displayPath(plan, r.file);
  return text(locale, `\`${where}\`${line ? ` 第 ${line} 行` : ''}`, `\`${where}\`${line ? `, line ${line}` : ''}`);
}

/** A status as people read it: `按计划推进（on-track）`, or what was written when it is not one of the format's. */
export function statusText(r: Pick<StatusReport, 'status' | 'written'>, locale: Locale): string {
  if (r.status) return text(locale, `${STATUS_NAMES[r.status].zh}（\`${r.status}\`）`, `${STATUS_NAMES[r.status].en} (\`${r.status}\`)`);
  return `\`${valueText(r.written)}\``;
}

/** The latest status of a task, project, mechanism or action (year, status, note; a project's investment to date), or nothing. */
export function statusProgressMarkdown(plan: EditorPlan, id: string, kind: EntityKind, locale: Locale, progress: PlanProgress = progressOf(plan)): string[] {
  const r = progress.latestStatus(id, kind);
  if (!r) return [];
  const facts = [text(locale, `**最新进展**（${r.year} 年）：${statusText(r, locale)}`, `**Latest progress** (${r.year}): ${statusText(r, locale)}`)];
  if (r.invested) facts.push(text(locale, `累计完成投资 ${formatValue(r.invested.value, r.invested.unit)}`, `invested to date ${formatValue(r.invested.value, r.invested.unit)}`));
  const lines = [facts.join(' · ')];
  if (r.note) lines.push(text(locale, `说明：${cellText(r.note)}`, `Note: ${cellText(r.note)}`));
  lines.push(text(locale, `见 ${reportWhere(plan, r, locale)}`, `See ${reportWhere(plan, r, locale)}`));
  return [lines.join('  \n')];
}
