/**
 * The report in GitHub-flavoured Markdown, for pull-request comments and job summaries:
 * tables, and Mermaid diagrams GitHub draws (a gantt chart of the timeline, an xy chart of
 * investment by year, a flowchart of task dependencies). Kept under GitHub's 65,536
 * characters of a comment by listing at most a few places per rule.
 */
import type { Locale } from '../i18n/messages';
import type { PlanReport, YearMonth } from './model';
import { amountText, areaLeadsText, comparatorText, label, local, valueText, yearMonthText } from './labels';
import { round2, MAX_GANTT_ROWS } from './charts';

export interface MarkdownOptions {
  locale: Locale;
  version: string;
}

/** Places listed per rule and severity; the rest are counted. */
export const MAX_PLACES = 10;

/** Text from a plan in a table cell or a line: nothing in it makes markup, breaks the table or the line. */
export function mdText(s: string): string {
  return s
    .replace(/[\r\n\u2028\u2029]+/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]|#~!])/g, '\\$1');
}

/** A finding's message: what the catalogue puts between backticks (an ID, a key, a value) stays code, the rest is text. */
function mdMessage(s: string): string {
  const parts = s.split('`');
  // An odd number of backticks: the last one pairs with nothing and is text.
  if (parts.length % 2 === 0) parts.splice(parts.length - 2, 2, `${parts[parts.length - 2]}\`${parts[parts.length - 1]}`);
  return parts.map((p, i) => (i % 2 === 0 ? mdText(p) : p === '' || /[\r\n\u2028\u2029]/.test(p) ? mdText(`\`${p}\``) : mdCode(p))).join('');
}

/** Code in a cell: backticks cannot close it early, a bar cannot split the cell. */
function mdCode(s: string): string {
  return '`' + s.replace(/[\r\n`]+/g, ' ').replace(/\|/g, '\\|') + '`';
}

/** Text inside a Mermaid diagram: none of the characters its syntax reads (`:`, `;`, `#`, quotes, brackets, line breaks). */
function mermaidText(s: string): string {
  return s.replace(/[:;#"'`<>{}[\]()\r\n\u2028\u2029|\\%]+/g, ' ').replace(/\s+/g, ' ').trim() || '-';
}

/** Rows a table lists at most (a big plan's report must still fit a job summary); the rest are counted. */
export const MAX_ROWS = 50;

function table(locale: Locale, head: string[], rows: string[][], right: number[] = []): string[] {
  if (!rows.length) return [];
  const more = rows.length > MAX_ROWS ? [`_${mdText(label('report.note.rows-more', locale, { n: rows.length - MAX_ROWS }))}_`, ''] : [];
  return [`| ${head.map(mdText).join(' | ')} |`, `| ${head.map((_, i) => (right.includes(i) ? '---:' : '---')).join(' | ')} |`, ...rows.slice(0, MAX_ROWS).map((r) => `| ${r.join(' | ')} |`), '', ...more];
}

function dayOf(ym: YearMonth, edge: 'start' | 'end'): string {
  if (edge === 'start') return `${ym.year}-${String(ym.month ?? 1).padStart(2, '0')}-01`;
  // The end of the month named (or of the year): the first day of the next month, which gantt charts end at.
  const next = ym.month === undefined || ym.month === 12 ? { y: ym.year + 1, m: 1 } : { y: ym.year, m: ym.month + 1 };
  return `${next.y}-${String(next.m).padStart(2, '0')}-01`;
}

/** The report as Markdown. */
export function renderMarkdown(report: PlanReport, options: MarkdownOptions): string {
  const { locale } = options;
  const L = (id: string, args?: Record<string, string | number>) => label(id, locale, args);
  const sep = locale === 'zh-CN' ? '；' : '; ';
  const p = report.plan;
  const name = p.pilot.name ? local(p.pilot.name, locale) : (p.title ?? p.id ?? '');
  const out: string[] = [`# ${mdText(L('report.title', { name }))}`, '', `_${mdText(L('report.made-by', { version: options.version }))}_`, ''];

  // Summary.
  out.push(`## ${L('report.section.summary')}`, '');
  const rows: string[][] = [[mdText(L('report.field.plan')), `${mdText(p.title ?? '')} ${p.id ? mdCode(p.id) : ''}`.trim()]];
  const type = p.pilot.type === 'city' || p.pilot.type === 'park' ? L(`report.field.type.${p.pilot.type}`) : p.pilot.type;
  rows.push([mdText(L('report.field.pilot')), mdText([name, type].filter(Boolean).join(' · '))]);
  if (p.pilot.province) rows.push([mdText(L('report.field.province')), mdText(p.pilot.province)]);
  rows.push([mdText(L('report.field.years')), mdText(`${p.baseYear ?? '—'} → ${p.targetYears.join(', ') || '—'}${p.horizon !== undefined ? ` (${p.horizon})` : ''}`)]);
  if (p.peak?.year !== undefined) rows.push([mdText(L('report.field.peak')), mdText([L('report.field.peak-year', { year: p.peak.year }), p.peak.level ?? ''].filter(Boolean).join(' · '))]);
  if (p.investmentDeclared !== undefined) rows.push([mdText(L('report.field.investment-declared')), `${amountText(p.investmentDeclared, locale)} 亿元`]);
  rows.push([mdText(L('report.field.investment-projects')), `${amountText(report.investment.total, locale)} 亿元`]);
  rows.push([mdText(L('report.field.counts')), mdText((['files', 'tasks', 'projects', 'indicators', 'mechanisms', 'actions', 'risks'] as const).map((k) => L(`report.count.${k}`, { n: p.counts[k] })).join(locale === 'zh-CN' ? '，' : ', '))]);
  out.push(`| | |`, `| --- | --- |`, ...rows.map((r) => `| ${r.join(' | ')} |`), '');

  // Indicators.
  out.push(`## ${L('report.section.indicators')}`, '');
  out.push(
    ...table(locale, 
      [L('report.col.indicator'), L('report.col.unit'), L('report.col.baseline'), L('report.col.targets'), L('report.col.reference')],
      report.indicators.map((i) => [
        `${mdText(local(i.name, locale))} ${mdCode(i.id)}`,
        mdText(i.unit),
        i.baseline ? mdText(`${i.baseline.year}: ${valueText(i.baseline.value, i.unit)}`) : '—',
        mdText(i.targets.map((t) => `${t.year}: ${comparatorText(t.comparator)}${valueText(t.value, i.unit)}`).join(sep)) || '—',
        mdText(i.references.map((r) => `${local(r.label, locale)}: ${r.texts.map((t) => local(t, locale)).join(sep)}`).join(' / ')) || '—',
      ]),
    ),
  );
  if (!report.indicators.length) out.push(L('report.none'), '');

  // Investment.
  const inv = report.investment;
  out.push(`## ${L('report.section.investment')}`, '');
  out.push(...table(locale, [L('report.col.area'), L('report.col.amount'), L('report.col.share')], inv.byArea.map((a) => [mdText(local(a.name, locale)), amountText(a.amount, locale), inv.total ? `${((a.amount / inv.total) * 100).toFixed(1)}%` : '—']), [1, 2]));
  if (inv.byArea.length) out.push(`_${mdText(L('report.note.by-area'))}_`, '');
  if (inv.byYear.length) {
    out.push(
      '```mermaid',
      'xychart-beta',
      `    title "${mermaidText(L('report.chart.by-year'))}"`,
      `    x-axis [${inv.byYear.map((y) => y.year).join(', ')}]`,
      `    y-axis "亿元"`,
      `    bar [${inv.byYear.map((y) => round2(y.value)).join(', ')}]`,
      '```',
      '',
      ...table(locale, [L('report.col.year'), L('report.col.amount')], inv.byYear.map((y) => [String(y.year), amountText(y.value, locale)]), [1]),
      `_${mdText(L('report.note.by-year'))}_`,
      '',
    );
  }
  if (inv.unscheduled) out.push(mdText(L('report.note.unscheduled', { amount: amountText(inv.unscheduled, locale) })), '');
  if (inv.projectsWithout) out.push(mdText(L('report.note.without-investment', { n: inv.projectsWithout })), '');

  // Tasks by area and lead department.
  out.push(`## ${L('report.section.tasks')}`, '');
  const t = report.tasksByArea;
  out.push(
    ...table(locale, 
      [L('report.col.area'), L('report.col.tasks'), L('report.col.leads')],
      t.areas.map((a, i) => [
        mdText(local(a.name, locale)),
        String(a.amount),
        mdText(areaLeadsText(t, i, locale)),
      ]),
      [1],
    ),
  );
  if (!t.areas.length) out.push(L('report.none'), '');

  // Timeline: a gantt chart of projects and task due years.
  out.push(`## ${L('report.section.timeline')}`, '');
  const dated = report.timeline.projects.filter((x) => x.start || x.end);
  const due = report.timeline.tasks.filter((x) => x.due !== undefined);
  if (dated.length || due.length) {
    out.push('```mermaid', 'gantt', '    dateFormat YYYY-MM-DD', '    axisFormat %Y');
    if (dated.length) {
      out.push(`    section ${mermaidText(L('report.col.project'))}`);
      dated.slice(0, MAX_GANTT_ROWS).forEach((x, i) => {
        const start = x.start ?? x.end!;
        const end = x.end ?? x.start!;
        out.push(`    ${mermaidText(local(x.name, locale))} :p${i}, ${dayOf(start, 'start')}, ${dayOf(end, 'end') > dayOf(start, 'start') ? dayOf(end, 'end') : dayOf(start, 'end')}`);
      });
    }
    if (due.length) {
      out.push(`    section ${mermaidText(L('report.col.due'))}`);
      due.slice(0, MAX_GANTT_ROWS).forEach((x, i) => out.push(`    ${mermaidText(local(x.title, locale))} :milestone, t${i}, ${x.due}-12-31, 0d`));
    }
    out.push('```', '');
    const left = Math.max(0, dated.length - MAX_GANTT_ROWS) + Math.max(0, due.length - MAX_GANTT_ROWS);
    if (left) out.push(mdText(L('report.note.rows-left', { n: left })), '');
  }
  out.push(
    ...table(locale, 
      [L('report.col.project'), L('report.col.start'), L('report.col.end'), L('report.col.status'), L('report.col.amount')],
      report.timeline.projects.map((x) => [
        `${mdText(local(x.name, locale))} ${mdCode(x.id)}`,
        yearMonthText(x.start) || '—',
        yearMonthText(x.end) || '—',
        x.status ? mdText(local(x.status, locale)) : '—',
        x.investment !== undefined ? amountText(x.investment, locale) : '—',
      ]),
      [4],
    ),
  );

  // Dependencies: a flowchart GitHub draws, and the table.
  out.push(`## ${L('report.section.dependencies')}`, '');
  if (report.dependencies.length) {
    const node = (id: string) => `n${[...id].map((c) => (/[A-Za-z0-9]/.test(c) ? c : `_${c.codePointAt(0)!.toString(16)}_`)).join('')}`;
    const edges = report.dependencies.flatMap((d) => d.dependsOn.map((x) => `    ${node(x.id)}["${mermaidText(x.id)}"] --> ${node(d.id)}["${mermaidText(d.id)}"]`));
    if (edges.length <= 2 * MAX_GANTT_ROWS) out.push('```mermaid', 'flowchart LR', ...edges, '```', '');
    const undefinedTask = L('report.note.undefined-task');
    out.push(
      ...table(locale, 
        [L('report.col.task'), L('report.col.depends-on'), L('report.col.dependents')],
        report.dependencies.map((d) => [
          `${mdText(local(d.title, locale))} ${mdCode(d.id)}`,
          d.dependsOn.map((x) => `${mdCode(x.id)}${x.title ? '' : ` (${mdText(undefinedTask)})`}`).join(' ') || '—',
          d.dependents.map(mdCode).join(' ') || '—',
        ]),
      ),
    );
  } else out.push(L('report.none'), '');

  // Mechanisms, actions, risks.
  out.push(`## ${L('report.section.mechanisms')}`, '');
  out.push(...table(locale, [L('report.col.type'), L('report.col.title'), L('report.col.milestone')], report.mechanisms.map((m) => [mdText(local(m.type, locale)), `${mdText(local(m.title, locale))} ${mdCode(m.id)}`, m.milestone !== undefined ? String(m.milestone) : '—']), [2]));
  if (!report.mechanisms.length) out.push(L('report.none'), '');
  out.push(`## ${L('report.section.actions')}`, '');
  out.push(...table(locale, [L('report.col.id'), L('report.col.title')], report.actions.map((a) => [mdCode(a.id), mdText(local(a.title, locale))])));
  if (!report.actions.length) out.push(L('report.none'), '');
  out.push(`## ${L('report.section.risks')}`, '');
  out.push(
    ...table(locale, 
      [L('report.col.category'), L('report.col.title'), L('report.col.mitigation'), L('report.col.affects')],
      report.risks.map((r) => [mdText(local(r.category, locale)), `${mdText(local(r.title, locale))} ${mdCode(r.id)}`, mdText(r.mitigation ?? '—'), r.affects.map(mdCode).join(' ') || '—']),
    ),
  );
  if (!report.risks.length) out.push(L('report.none'), '');

  // Findings.
  out.push(`## ${L('report.section.findings')}`, '');
  const f = report.findings;
  if (!f.groups.length) out.push(L('report.clean'), '');
  else {
    out.push(...table(locale, [L('report.col.rule'), L('report.col.severity'), L('report.col.count')], f.groups.map((g) => [mdCode(g.code), L(`report.severity.${g.severity}`), String(g.places.length)]), [2]));
    for (const g of f.groups) {
      out.push(`**${L(`report.severity.${g.severity}`)}** ${mdCode(g.code)}`, '');
      for (const x of g.places.slice(0, MAX_PLACES)) out.push(`- ${mdCode(`${x.path}:${x.line}:${x.column}`)} ${mdMessage(x.message)}`);
      if (g.places.length > MAX_PLACES) out.push(`- ${mdText(L('report.note.places-left', { n: g.places.length - MAX_PLACES }))}`);
      out.push('');
    }
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}
