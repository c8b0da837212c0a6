/**
 * The report's charts as static SVG, drawn by Apache ECharts on the server side (no DOM, no
 * script in the page): investment by area and by year, the projects' timeline and the tasks due.
 * Indicators' charts, hundreds in a plan, are written by indicator-svg.ts. ECharts is loaded on first use: the checker never loads it, and the
 * command line loads it from its own bundle (build.mjs, dist/vendor/echarts.js).
 */
import type * as EChartsLib from 'echarts';
import type { Locale } from '../i18n/messages';
import type { PlanReport, YearMonth } from './model';
import { local } from './labels';

let echartsLib: typeof EChartsLib | undefined;
const echarts = (): typeof EChartsLib => (echartsLib ??= require('echarts') as typeof EChartsLib);

/**
 * Fonts with Chinese glyphs first, the fallbacks a Debian or CI machine has, then any sans-serif: CSS and charts alike.
 * Single quotes: ECharts writes it unescaped into a double-quoted style attribute.
 */
export const FONT_STACK = "'Noto Sans CJK SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei', 'Microsoft YaHei', 'PingFang SC', 'Hiragino Sans GB', sans-serif";

export const COLORS = ['#1b5e20', '#1565c0', '#ef6c00', '#6a1b9a', '#00838f', '#ad1457', '#558b2f', '#4e342e'];
/** The same hues, light enough to read on a dark editor background. */
export const DARK_COLORS = ['#81c784', '#64b5f6', '#ffb74d', '#ce93d8', '#4dd0e1', '#f48fb1', '#aed581', '#bcaaa4'];

export type ChartTheme = 'light' | 'dark';

/** An option with each light palette colour it names swapped for its dark counterpart. */
function darkened(v: unknown): unknown {
  if (typeof v === 'string') {
    const i = COLORS.indexOf(v);
    return i < 0 ? v : DARK_COLORS[i];
  }
  if (Array.isArray(v)) return v.map(darkened);
  if (v && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, darkened(x)]));
  return v;
}

export interface Chart {
  svg: string;
  width: number;
  height: number;
}

/**
 * Draws options to SVG, one ECharts instance per size, reused: a fresh instance costs about
 * twice the drawing (1,000 indicators' charts: half the time). `dispose` when done.
 */
export class ChartPainter {
  private readonly charts = new Map<string, EChartsLib.ECharts>();
  private drawn = 0;

  /**
   * `dark`: ECharts' dark theme (light text and axes) on a transparent background, with the dark palette.
   * `cache`: SVGs drawn before, by theme, size and option, kept across pages (the editor's overview draws again after each edit).
   */
  constructor(
    private readonly theme: ChartTheme = 'light',
    private readonly cache?: ChartCache,
  ) {}

  paint(option: Record<string, unknown>, width: number, height: number): Chart {
    // A formatter is known by its source: the options' formatters read nothing but their arguments.
    const cacheKey = this.cache ? `${this.theme} ${width}x${height} ${JSON.stringify(option, (_k, v: unknown) => (typeof v === 'function' ? String(v) : v))}` : '';
    const raw = this.cache?.get(cacheKey) ?? this.draw(option, width, height);
    this.cache?.set(cacheKey, raw);
    // Each chart's ids (clip paths) and class names its own: a reused instance numbers them again, and in a page
    // url(#id) finds the first element of that id and style rules reach every SVG.
    const id = ++this.drawn;
    return { svg: raw.replace(/\bzr\d+-/g, `chart${id}-`), width, height };
  }

  /** The option drawn by ECharts, as SVG without namespaces (ids not yet the page's). */
  private draw(option: Record<string, unknown>, width: number, height: number): string {
    const key = `${width}x${height}`;
    let chart = this.charts.get(key);
    if (!chart) this.charts.set(key, (chart = echarts().init(null, this.theme === 'dark' ? 'dark' : null, { renderer: 'svg', ssr: true, width, height })));
    // notMerge: nothing of the previous chart drawn on this instance is kept.
    if (this.theme === 'dark') chart.setOption({ animation: false, backgroundColor: 'transparent', color: DARK_COLORS, textStyle: { fontFamily: FONT_STACK }, ...(darkened(option) as Record<string, unknown>) }, true);
    else chart.setOption({ animation: false, color: COLORS, textStyle: { fontFamily: FONT_STACK }, ...option }, true);
    // Inline SVG in HTML needs no namespace declarations; without them no URL is left in the markup.
    return chart
      .renderToSVGString()
      .replace(/\s+xmlns(:xlink)?="[^"]*"/g, '')
      .replace(/\s+baseProfile="[^"]*"/, '');
  }

  dispose(): void {
    for (const c of this.charts.values()) c.dispose();
    this.charts.clear();
  }
}

/** SVGs drawn, at most `max` of them, the least recently used dropped first. */
export class ChartCache {
  private readonly svgs = new Map<string, string>();
  hits = 0;
  misses = 0;

  constructor(private readonly max = 200) {}

  get(key: string): string | undefined {
    const svg = this.svgs.get(key);
    if (svg === undefined) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    // Most recently used last: Map keeps the order of insertion.
    this.svgs.delete(key);
    this.svgs.set(key, svg);
    return svg;
  }

  set(key: string, svg: string): void {
    this.svgs.delete(key);
    this.svgs.set(key, svg);
    if (this.svgs.size > this.max) this.svgs.delete(this.svgs.keys().next().value!);
  }

  get size(): number {
    return this.svgs.size;
  }
}

/** One option drawn to SVG on an instance of its own. */
export function renderChart(option: Record<string, unknown>, width: number, height: number): Chart {
  const painter = new ChartPainter();
  try {
    return painter.paint(option, width, height);
  } finally {
    painter.dispose();
  }
}

/** At most `max` characters, an ellipsis after. */
function short(s: string, max: number): string {
  return [...s].length > max ? [...s].slice(0, max - 1).join('') + '…' : s;
}

/** Investment by area: horizontal bars, largest first. */
export function byAreaOption(report: PlanReport, locale: Locale): Record<string, unknown> {
  const rows = [...report.investment.byArea].reverse();
  return {
    grid: { left: 8, right: 56, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value' },
    yAxis: { type: 'category', data: rows.map((r) => short(local(r.name, locale), 16)) },
    series: [{ type: 'bar', data: rows.map((r) => round2(r.amount)), label: { show: true, position: 'right' }, barMaxWidth: 22 }],
  };
}

/** Investment by year: vertical bars. */
export function byYearOption(report: PlanReport): Record<string, unknown> {
  return {
    grid: { left: 8, right: 8, top: 24, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: report.investment.byYear.map((r) => String(r.year)) },
    yAxis: { type: 'value', name: '亿元' },
    series: [{ type: 'bar', data: report.investment.byYear.map((r) => round2(r.value)), label: { show: true, position: 'top' }, barMaxWidth: 36, itemStyle: { color: COLORS[1] } }],
  };
}

function at(ym: YearMonth, edge: 'start' | 'end'): number {
  return ym.year + ((ym.month ?? (edge === 'start' ? 1 : 12)) - (edge === 'start' ? 1 : 0)) / 12;
}

/** The most projects a chart draws a row for; the others are in the table. */
export const MAX_GANTT_ROWS = 60;

/** Projects as bars from start to end on a time axis in years: an invisible bar up to the start, a visible one to the end. */
export function ganttOption(report: PlanReport, locale: Locale): { option: Record<string, unknown>; rows: number; left: number } {
  const dated = report.timeline.projects.filter((p) => p.start || p.end);
  const rows = dated.slice(0, MAX_GANTT_ROWS).reverse();
  const from = rows.map((p) => at((p.start ?? p.end)!, 'start'));
  const to = rows.map((p, i) => Math.max(at((p.end ?? p.start)!, 'end'), from[i] + 1 / 12));
  const min = Math.floor(Math.min(...from, Infinity));
  const max = Math.ceil(Math.max(...to, -Infinity));
  return {
    rows: rows.length,
    left: dated.length - rows.length,
    option: {
      grid: { left: 8, right: 16, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', min, max, interval: 1, axisLabel: { formatter: (v: number) => String(v) }, splitLine: { show: true } },
      yAxis: { type: 'category', data: rows.map((p) => short(local(p.name, locale), 24)) },
      series: [
        // Stacked bars start at 0, far left of the axis' minimum: the invisible one ends where the project starts.
        { type: 'bar', stack: 'span', data: from, itemStyle: { color: 'transparent' }, silent: true, barMaxWidth: 14 },
        { type: 'bar', stack: 'span', data: to.map((t, i) => round2(t - from[i])), barMaxWidth: 14, itemStyle: { color: COLORS[0] } },
      ],
    },
  };
}

/** Tasks due per year. */
export function dueOption(report: PlanReport): Record<string, unknown> {
  const counts = new Map<number, number>();
  for (const t of report.timeline.tasks) if (t.due !== undefined) counts.set(t.due, (counts.get(t.due) ?? 0) + 1);
  const years = [...counts.keys()].sort((a, b) => a - b);
  return {
    grid: { left: 8, right: 8, top: 24, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: years.map(String) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ type: 'bar', data: years.map((y) => counts.get(y)!), label: { show: true, position: 'top' }, barMaxWidth: 36, itemStyle: { color: COLORS[2] } }],
  };
}

export function round2(v: number): number {
  return Math.round(v * 100) / 100;
}
