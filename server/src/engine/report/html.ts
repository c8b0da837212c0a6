/**
 * The report as one self-contained HTML file: inline CSS (A4 print styles included), charts
 * as inline SVG, no script and no remote resource (a Content-Security-Policy forbids loading
 * any), so it opens offline, from an e-mail or a CI artefact, and prints as it shows.
 * The `webview` variant is the editor's Plan Overview: the theme's colours, and rows and charts
 * that lead to their place in the files through one small script allowed by its nonce.
 */
import type { Locale } from '../i18n/messages';
import type { IndicatorReport, PlanReport, ReportPlace } from './model';
import { byAreaOption, byYearOption, ChartPainter, type ChartCache, type ChartTheme, dueOption, FONT_STACK, ganttOption, type Chart } from './charts';
import { indicatorSvg } from './indicator-svg';
import { amountText, areaLeadsText, comparatorText, label, local, valueText, yearMonthText } from './labels';
import { AREA_NAMES, enumName } from './names';

export interface HtmlOptions {
  locale: Locale;
  version: string;
  webview?: WebviewOptions;
  /** Charts drawn for earlier pages, drawn again only when their option changed. */
  charts?: ChartCache;
}

/** The page as VS Code's webview shows it. */
export interface WebviewOptions {
  /** The one script's nonce (fresh for every page). */
  nonce: string;
  /** The webview's own source (`webview.cspSource`), the only one styles and images may come from. */
  cspSource: string;
  /** Charts drawn for a dark theme. */
  dark?: boolean;
  /** The URI the editor opens a file of the plan by. */
  uriOf: (file: string) => string;
}

/** The webview's policy: nothing remote, styles inline, and only the script that carries the nonce. */
export function webviewCsp(w: Pick<WebviewOptions, 'nonce' | 'cspSource'>): string {
  return `default-src 'none'; img-src ${w.cspSource} data:; style-src ${w.cspSource} 'unsafe-inline'; script-src 'nonce-${w.nonce}'; base-uri 'none'; form-action 'none'`;
}

/** Text (or an attribute's value) from a plan, made inert. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const e = escapeHtml;

/** Nothing loads from anywhere: styles are inline, charts are inline SVG, there are no images, fonts or scripts to fetch. */
export const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

const CSS = `
:root { --ink: #1c2a1e; --muted: #5f6b61; --line: #d5dcd6; --accent: #1b5e20; --bad: #b71c1c; --warn: #b26a00; }
* { box-sizing: border-box; }
body { font-family: ${FONT_STACK}; color: var(--ink); margin: 0 auto; max-width: 1100px; padding: 24px; line-height: 1.5; font-size: 14px; }
h1 { font-size: 24px; color: var(--accent); margin: 0 0 4px; }
h2 { font-size: 19px; border-bottom: 2px solid var(--accent); padding-bottom: 2px; margin-top: 32px; }
h3 { font-size: 15px; margin: 0 0 6px; }
.muted, .note { color: var(--muted); font-size: 12px; }
table { border-collapse: collapse; width: 100%; margin: 8px 0 12px; font-size: 13px; }
th, td { border: 1px solid var(--line); padding: 4px 6px; text-align: left; vertical-align: top; }
th { background: #eef3ee; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.summary th { width: 32%; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(480px, 1fr)); gap: 16px; }
.card { border: 1px solid var(--line); border-radius: 6px; padding: 10px 12px; break-inside: avoid; }
figure { margin: 8px 0; break-inside: avoid; }
figure svg { display: block; max-width: 100%; height: auto; }
figcaption { font-size: 12px; color: var(--muted); }
code { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: 12px; }
.sev-error { color: var(--bad); font-weight: bold; }
.sev-warning { color: var(--warn); font-weight: bold; }
.tag { display: inline-block; font-size: 11px; border: 1px solid var(--line); border-radius: 3px; padding: 0 4px; margin-left: 6px; color: var(--muted); }
@page { size: A4; margin: 14mm 12mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  .cards { display: block; }
  .card { margin-bottom: 10px; }
  h2 { break-after: avoid; }
  thead { display: table-header-group; }
  tr, figure { break-inside: avoid; }
}
`;

/** The theme's colours (VS Code's variables) over the printed page's, and the look of what leads to a place. */
const WEBVIEW_CSS = `
:root { --ink: var(--vscode-foreground); --muted: var(--vscode-descriptionForeground); --line: var(--vscode-widget-border, var(--vscode-panel-border, rgba(128,128,128,.35)));
  --accent: var(--vscode-textLink-foreground); --bad: var(--vscode-errorForeground); --warn: var(--vscode-editorWarning-foreground); }
body { background: var(--vscode-editor-background); color: var(--ink); font-family: var(--vscode-font-family), ${FONT_STACK}; max-width: none; }
th { background: var(--vscode-editorWidget-background, transparent); }
code { font-family: var(--vscode-editor-font-family), monospace; }
[data-uri] { cursor: pointer; }
tr[data-uri]:hover, .card[data-uri]:hover, figure[data-uri]:hover { background: var(--vscode-list-hoverBackground); }
`;

/**
 * The webview's one script: a click on a row or chart posts its place to the extension, and the
 * scroll position is kept in the webview's state, so a page refreshed after an edit stays put;
 * it says when the page is shown (the extension learns the script ran), and takes a refreshed
 * report by message, put in place of this one without reloading the page.
 */
const WEBVIEW_SCRIPT = `(function () {
  const vscode = acquireVsCodeApi();
  const state = vscode.getState();
  if (state && typeof state.y === 'number') window.scrollTo(0, state.y);
  let timer;
  window.addEventListener('scroll', function () {
    clearTimeout(timer);
    timer = setTimeout(function () { vscode.setState({ y: window.scrollY }); }, 50);
  });
  document.addEventListener('click', function (event) {
    const el = event.target instanceof Element ? event.target.closest('[data-uri]') : null;
    if (el) vscode.postMessage({ type: 'open', uri: el.getAttribute('data-uri'), line: Number(el.getAttribute('data-line')) });
  });
  // A refreshed report in place of this one: no reload, the scroll position stays. Scripts in it never run (the policy, and parsed markup).
  window.addEventListener('message', function (event) {
    const m = event.data;
    if (!m || m.type !== 'update' || typeof m.html !== 'string') return;
    const receivedAt = Date.now();
    const next = new DOMParser().parseFromString(m.html, 'text/html');
    next.querySelectorAll('script').forEach(function (s) { s.remove(); });
    document.documentElement.lang = next.documentElement.lang;
    document.title = next.title;
    const style = next.querySelector('head style');
    const own = document.querySelector('head style');
    if (style && own && style.textContent !== own.textContent) own.textContent = style.textContent;
    patch(document.body, Array.from(next.body.childNodes), 0);
    vscode.postMessage({ type: 'shown', seq: m.seq, y: window.scrollY, receivedAt: receivedAt, swappedAt: Date.now() });
  });
  // Only what changed is put in: an edit changes a card or a row, and the page lays out and draws only that again.
  function patch(parent, nodes, depth) {
    // This script's element is not among the new report's nodes (their scripts are dropped).
    const old = Array.from(parent.childNodes).filter(function (n) { return n.nodeName !== 'SCRIPT'; });
    if (old.length !== nodes.length) {
      parent.replaceChildren.apply(parent, nodes);
      return;
    }
    for (let i = 0; i < nodes.length; i++) {
      const a = old[i];
      const b = nodes[i];
      if (a.isEqualNode(b)) continue;
      if (depth < 3 && a.nodeType === 1 && a.nodeName === b.nodeName && a.cloneNode(false).isEqualNode(b.cloneNode(false))) patch(a, Array.from(b.childNodes), depth + 1);
      else parent.replaceChild(b, a);
    }
  }
  vscode.postMessage({ type: 'shown', y: window.scrollY });
})();`;

/** Renders places as attributes, in the webview only. */
type PlaceAttr = (place: ReportPlace | undefined) => string;

const noPlace: PlaceAttr = () => '';

function placeAttr(w: WebviewOptions | undefined): PlaceAttr {
  if (!w) return noPlace;
  return (place) => (place ? ` data-uri="${e(w.uriOf(place.file))}" data-line="${place.line}"` : '');
}

function table(head: string[], rows: string[][], numeric: number[] = [], places: string[] = []): string {
  if (!rows.length) return '';
  const cell = (tag: string, i: number, v: string) => `<${tag}${numeric.includes(i) ? ' class="num"' : ''}>${v}</${tag}>`;
  return `<table><thead><tr>${head.map((h, i) => cell('th', i, e(h))).join('')}</tr></thead><tbody>${rows.map((r, j) => `<tr${places[j] ?? ''}>${r.map((v, i) => cell('td', i, v)).join('')}</tr>`).join('')}</tbody></table>`;
}

function figure(chart: Chart, caption: string, at = ''): string {
  return `<figure${at}>${chart.svg}<figcaption>${e(caption)}</figcaption></figure>`;
}

function none(locale: Locale): string {
  return `<p class="muted">${e(label('report.none', locale))}</p>`;
}

function targetsText(ind: IndicatorReport): string {
  return ind.targets.map((t) => `${t.year}: ${comparatorText(t.comparator)}${valueText(t.value, ind.unit)}${t.referenceYear !== undefined ? ` (${t.referenceYear}→)` : ''}`).join('; ');
}

function referenceText(ind: IndicatorReport, locale: Locale): string {
  return ind.references
    .map((r) => `${local(r.label, locale)}: ${r.texts.map((t) => local(t, locale)).join(locale === 'zh-CN' ? '；' : '; ')} (${local(r.source, locale)})${r.points.length ? '' : ` — ${label('report.note.not-drawn', locale)}`}`)
    .join('\n');
}

function indicatorCard(ind: IndicatorReport, locale: Locale, theme: ChartTheme, at: PlaceAttr): string {
  // Written directly, not by ECharts: a plan has hundreds of indicators (indicator-svg.ts).
  const chart = indicatorSvg(ind, locale, theme);
  const kind = ind.binding === undefined ? '' : `<span class="tag">${e(label(ind.binding ? 'report.binding' : 'report.expected', locale))}</span>`;
  const rows: string[][] = [
    [e(label('report.col.unit', locale)), e(ind.unit)],
    [e(label('report.col.baseline', locale)), ind.baseline ? e(`${ind.baseline.year}: ${valueText(ind.baseline.value, ind.unit)}`) : '—'],
    [e(label('report.col.targets', locale)), e(targetsText(ind)) || '—'],
  ];
  const ref = referenceText(ind, locale);
  if (ref) rows.push([e(label('report.col.reference', locale)), e(ref).replace(/\n/g, '<br>')]);
  return `<div class="card"${at(ind.place)}><h3>${e(local(ind.name, locale))} <code>${e(ind.id)}</code>${kind}</h3>${chart.svg}<table class="summary"><tbody>${rows.map((r) => `<tr><th>${r[0]}</th><td>${r[1]}</td></tr>`).join('')}</tbody></table></div>`;
}

/** The name the report's title gives the plan: the pilot's, else the plan's title or ID. */
function planName(report: PlanReport, locale: Locale): string {
  const p = report.plan;
  return p.pilot.name ? local(p.pilot.name, locale) : (p.title ?? p.id ?? '');
}

/** The report's title, as its heading and the page's title show it. */
export function reportTitle(report: PlanReport, locale: Locale): string {
  return label('report.title', locale, { name: planName(report, locale) });
}

/** A page with one sentence and no report, under the same policy (the Overview of a file that belongs to no plan). */
export function renderNotice(text: string, options: HtmlOptions): string {
  const { locale, webview } = options;
  return [
    `<!DOCTYPE html>\n<html lang="${locale === 'zh-CN' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8">`,
    `<meta http-equiv="Content-Security-Policy" content="${webview ? e(webviewCsp(webview)) : CSP}">`,
    `<style>${CSS}${webview ? WEBVIEW_CSS : ''}</style></head><body>`,
    `<p class="muted">${e(text)}</p>`,
    '</body></html>\n',
  ].join('\n');
}

/** The report as an HTML document. */
export function renderHtml(report: PlanReport, options: HtmlOptions): string {
  const painter = new ChartPainter(options.webview?.dark ? 'dark' : 'light', options.charts);
  try {
    return htmlDocument(report, options, painter);
  } finally {
    painter.dispose();
  }
}

function htmlDocument(report: PlanReport, options: HtmlOptions, painter: ChartPainter): string {
  const { locale, webview } = options;
  const at = placeAttr(webview);
  const renderChart = (option: Record<string, unknown>, width: number, height: number) => painter.paint(option, width, height);
  const L = (id: string, args?: Record<string, string | number>) => label(id, locale, args);
  const p = report.plan;
  const name = planName(report, locale);
  const out: string[] = [];
  out.push(
    `<!DOCTYPE html>\n<html lang="${locale === 'zh-CN' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8">`,
    `<meta http-equiv="Content-Security-Policy" content="${webview ? e(webviewCsp(webview)) : CSP}">`,
    `<meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<title>${e(L('report.title', { name }))}</title><style>${CSS}${webview ? WEBVIEW_CSS : ''}</style></head><body>`,
    `<h1>${e(L('report.title', { name }))}</h1><p class="muted">${e(L('report.made-by', { version: options.version }))}</p>`,
  );

  // Summary.
  const years = `${p.baseYear ?? '—'} → ${p.targetYears.join(', ') || '—'}${p.horizon !== undefined ? ` (${p.horizon})` : ''}`;
  const pilot = [name, p.pilot.type === 'city' || p.pilot.type === 'park' ? L(`report.field.type.${p.pilot.type}`) : p.pilot.type].filter(Boolean).join(' · ');
  const counts = (['files', 'tasks', 'projects', 'indicators', 'mechanisms', 'actions', 'risks'] as const).map((k) => L(`report.count.${k}`, { n: p.counts[k] })).join(locale === 'zh-CN' ? '，' : ', ');
  const summary: [string, string][] = [
    [L('report.field.plan'), `${e(p.title ?? '')} ${p.id ? `<code>${e(p.id)}</code>` : ''}`.trim()],
    [L('report.field.pilot'), e(pilot)],
  ];
  if (p.pilot.province) summary.push([L('report.field.province'), e(p.pilot.province)]);
  if (p.pilot.batch !== undefined) summary.push([L('report.field.batch'), e(L('report.field.batch-value', { batch: p.pilot.batch }))]);
  summary.push([L('report.field.years'), e(years)]);
  if (p.peak) summary.push([L('report.field.peak'), e([p.peak.year !== undefined ? L('report.field.peak-year', { year: p.peak.year }) : '', p.peak.level ?? ''].filter(Boolean).join(' · '))]);
  if (p.investmentDeclared !== undefined) summary.push([L('report.field.investment-declared'), e(`${amountText(p.investmentDeclared, locale)} 亿元`)]);
  summary.push([L('report.field.investment-projects'), e(`${amountText(report.investment.total, locale)} 亿元`)]);
  summary.push([L('report.field.counts'), e(counts)]);
  out.push(`<h2>${e(L('report.section.summary'))}</h2><table class="summary"><tbody>${summary.map(([k, v]) => `<tr><th>${e(k)}</th><td>${v}</td></tr>`).join('')}</tbody></table>`);

  // Indicators.
  out.push(`<h2>${e(L('report.section.indicators'))}</h2>`);
  out.push(report.indicators.length ? `<div class="cards">${report.indicators.map((i) => indicatorCard(i, locale, webview?.dark ? 'dark' : 'light', at)).join('')}</div>` : none(locale));

  // Investment.
  const inv = report.investment;
  out.push(`<h2>${e(L('report.section.investment'))}</h2>`);
  if (inv.byArea.length) {
    out.push(figure(renderChart(byAreaOption(report, locale), 720, 40 + 30 * inv.byArea.length), L('report.chart.by-area'), at(p.place)));
    out.push(`<p class="note">${e(L('report.note.by-area'))}</p>`);
    out.push(
      table(
        [L('report.col.area'), L('report.col.amount'), L('report.col.share')],
        inv.byArea.map((a) => [e(local(a.name, locale)), e(amountText(a.amount, locale)), e(inv.total ? `${((a.amount / inv.total) * 100).toFixed(1)}%` : '—')]),
        [1, 2],
      ),
    );
  }
  if (inv.byYear.length) {
    out.push(figure(renderChart(byYearOption(report), 720, 260), L('report.chart.by-year'), at(p.place)));
    out.push(`<p class="note">${e(L('report.note.by-year'))}</p>`);
  }
  if (inv.unscheduled) out.push(`<p class="note">${e(L('report.note.unscheduled', { amount: amountText(inv.unscheduled, locale) }))}</p>`);
  if (inv.projectsWithout) out.push(`<p class="note">${e(L('report.note.without-investment', { n: inv.projectsWithout }))}</p>`);
  if (p.investmentDeclared !== undefined && Math.abs(p.investmentDeclared - inv.total) > 0.01 * Math.max(p.investmentDeclared, inv.total)) {
    out.push(`<p class="note">${e(L('report.note.total-differs', { projects: amountText(inv.total, locale), declared: amountText(p.investmentDeclared, locale) }))}</p>`);
  }
  if (!inv.byArea.length && !inv.byYear.length) out.push(none(locale));

  // Tasks by area and lead department.
  out.push(`<h2>${e(L('report.section.tasks'))}</h2>`);
  const t = report.tasksByArea;
  out.push(
    t.areas.length
      ? table(
          [L('report.col.area'), L('report.col.tasks'), L('report.col.leads')],
          t.areas.map((a, i) => [
            e(local(a.name, locale)),
            String(a.amount),
            e(areaLeadsText(t, i, locale)),
          ]),
          [1],
        )
      : none(locale),
  );

  // Timeline.
  out.push(`<h2>${e(L('report.section.timeline'))}</h2>`);
  const gantt = ganttOption(report, locale);
  if (gantt.rows) {
    out.push(figure(renderChart(gantt.option, 720, 40 + 24 * gantt.rows), L('report.chart.projects') + (gantt.left ? ` — ${L('report.note.rows-left', { n: gantt.left })}` : ''), at(report.timeline.projects.find((x) => x.start || x.end)?.place)));
  }
  if (report.timeline.tasks.some((x) => x.due !== undefined)) out.push(figure(renderChart(dueOption(report), 720, 220), L('report.chart.due'), at(report.timeline.tasks.find((x) => x.due !== undefined)?.place)));
  out.push(
    table(
      [L('report.col.project'), L('report.col.start'), L('report.col.end'), L('report.col.status'), L('report.col.amount')],
      report.timeline.projects.map((x) => [
        `${e(local(x.name, locale))} <code>${e(x.id)}</code>`,
        e(yearMonthText(x.start) || '—'),
        e(yearMonthText(x.end) || '—'),
        e(x.status ? local(x.status, locale) : '—'),
        e(x.investment !== undefined ? amountText(x.investment, locale) : '—'),
      ]),
      [4],
      report.timeline.projects.map((x) => at(x.place)),
    ),
  );
  out.push(
    table(
      [L('report.col.task'), L('report.col.area'), L('report.col.due')],
      report.timeline.tasks.map((x) => [`${e(local(x.title, locale))} <code>${e(x.id)}</code>`, e(local(enumName(AREA_NAMES, x.area), locale)), e(x.due !== undefined ? String(x.due) : '—')]),
      [2],
      report.timeline.tasks.map((x) => at(x.place)),
    ),
  );

  // Dependencies: a table (report.note.dependencies says why).
  out.push(`<h2>${e(L('report.section.dependencies'))}</h2>`);
  if (report.dependencies.length) {
    out.push(`<p class="note">${e(L('report.note.dependencies'))}</p>`);
    const undefinedTask = L('report.note.undefined-task');
    out.push(
      table(
        [L('report.col.task'), L('report.col.depends-on'), L('report.col.dependents')],
        report.dependencies.map((d) => [
          `${e(local(d.title, locale))} <code>${e(d.id)}</code>`,
          d.dependsOn.map((x) => `<code>${e(x.id)}</code>${x.title ? ` ${e(local(x.title, locale))}` : ` <span class="sev-error">(${e(undefinedTask)})</span>`}`).join('<br>') || '—',
          d.dependents.map((x) => `<code>${e(x)}</code>`).join(' ') || '—',
        ]),
        [],
        report.dependencies.map((d) => at(d.place)),
      ),
    );
  } else out.push(none(locale));

  // Mechanisms, actions, risks.
  out.push(`<h2>${e(L('report.section.mechanisms'))}</h2>`);
  out.push(
    report.mechanisms.length
      ? table(
          [L('report.col.type'), L('report.col.title'), L('report.col.milestone')],
          report.mechanisms.map((m) => [e(local(m.type, locale)), `${e(local(m.title, locale))} <code>${e(m.id)}</code>`, e(m.milestone !== undefined ? String(m.milestone) : '—')]),
          [2],
          report.mechanisms.map((m) => at(m.place)),
        )
      : none(locale),
  );
  out.push(`<h2>${e(L('report.section.actions'))}</h2>`);
  out.push(report.actions.length ? table([L('report.col.id'), L('report.col.title')], report.actions.map((a) => [`<code>${e(a.id)}</code>`, e(local(a.title, locale))]), [], report.actions.map((a) => at(a.place))) : none(locale));
  out.push(`<h2>${e(L('report.section.risks'))}</h2>`);
  out.push(
    report.risks.length
      ? table(
          [L('report.col.category'), L('report.col.title'), L('report.col.mitigation'), L('report.col.affects')],
          report.risks.map((r) => [e(local(r.category, locale)), `${e(local(r.title, locale))} <code>${e(r.id)}</code>`, e(r.mitigation ?? '—'), r.affects.map((a) => `<code>${e(a)}</code>`).join(' ') || '—']),
          [],
          report.risks.map((r) => at(r.place)),
        )
      : none(locale),
  );

  // Findings.
  out.push(`<h2>${e(L('report.section.findings'))}</h2>`);
  const f = report.findings;
  if (!f.groups.length) out.push(`<p>${e(L('report.clean'))}</p>`);
  else {
    out.push(
      table(
        [L('report.col.rule'), L('report.col.severity'), L('report.col.count')],
        f.groups.map((g) => [`<code>${e(g.code)}</code>`, `<span class="sev-${g.severity}">${e(L(`report.severity.${g.severity}`))}</span>`, String(g.places.length)]),
        [2],
      ),
    );
    for (const g of f.groups) {
      out.push(`<h3><span class="sev-${g.severity}">${e(L(`report.severity.${g.severity}`))}</span> <code>${e(g.code)}</code> (${g.places.length})</h3>`);
      out.push(table([L('report.col.place'), L('report.col.message')], g.places.map((x) => [`<code>${e(`${x.path}:${x.line}:${x.column}`)}</code>`, e(x.message)]), [], g.places.map((x) => at(x.file !== undefined ? { file: x.file, line: x.line } : undefined))));
    }
  }
  if (webview) out.push(`<script nonce="${e(webview.nonce)}">${WEBVIEW_SCRIPT}</script>`);
  out.push('</body></html>\n');
  return out.join('\n');
}
