/**
 * An indicator's chart written as SVG directly: the plan's baseline and targets, actual values,
 * and the published targets it is set against, on an axis of years. ECharts draws the report's
 * few other charts; a plan has hundreds of indicators, and ECharts' 8 ms or so a chart made the
 * report of a 1,000-file plan take seconds (docs/report.md). No ids and no class names: every
 * chart stands alone in a page, and the same indicator gives the same bytes (the Overview's
 * in-place update keeps what did not change).
 */
import type { Locale } from '../i18n/messages';
import { COLORS, DARK_COLORS, FONT_STACK, type Chart, type ChartTheme } from './charts';
import { label, local, valueText } from './labels';
import type { IndicatorReport } from './model';

export const INDICATOR_WIDTH = 520;
export const INDICATOR_HEIGHT = 260;

/** Axis, grid and legend colours: ECharts' own (light) and their dark counterparts. */
const INK = {
  light: { text: '#54555a', axis: '#6d6e73', split: '#dbdee4', halo: 'stroke="#ffffff"' },
  // Dark charts are the Overview's: the halo behind values is the editor's own background.
  dark: { text: '#c8cad0', axis: '#9ea0a5', split: '#36373c', halo: 'style="stroke:var(--vscode-editor-background,#1e1e1e)"' },
};

type Marker = 'circle' | 'rect' | 'diamond' | 'triangle';

interface Series {
  name: string;
  kind: 'plan' | 'actual' | 'reference';
  color: string;
  /** Index on the axis of years, and the value. */
  points: { at: number; value: number }[];
  symbol: Marker;
  size: number;
  width: number;
  dashed: boolean;
  labelAt: 'top' | 'bottom' | 'right';
  labelSize: number;
}

function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A number as the chart prints it: digits grouped, no more decimals than it has. */
const NUMBER = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 });

/** A text's width in pixels, estimated: Chinese and full-width characters a square each, the rest narrower. */
export function textWidth(s: string, size: number): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    w += c >= 0x2e80 ? 1 : c >= 0x30 && c <= 0x39 ? 0.56 : /[.,:;()'|!il ]/.test(ch) ? 0.3 : c >= 0x41 && c <= 0x5a ? 0.66 : 0.55;
  }
  return w * size;
}

/** 1, 2, 5 or 10 times a power of ten, the nearest above `x / 1.5` or so (the steps people read axes by). */
function niceStep(x: number): number {
  const exp = Math.floor(Math.log10(x));
  // Rounded: 0.35 / 5 is 0.06999…, a step of 0.07.
  const f = Number((x / 10 ** exp).toPrecision(12));
  return (f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10) * 10 ** exp;
}

export interface Ticks {
  ticks: number[];
  step: number;
}

/**
 * Ticks of a value axis: about five nice steps covering `lo`–`hi`, from zero where `zero`
 * (reductions are read from zero); a single value gets a range around it.
 */
export function niceTicks(lo: number, hi: number, zero = false): Ticks {
  if (zero) {
    lo = Math.min(lo, 0);
    hi = Math.max(hi, 0);
  }
  if (lo === hi) {
    const pad = lo === 0 ? 1 : Math.abs(lo) / 2;
    // A positive value's axis does not go below zero only to centre it.
    lo = lo > 0 && lo - pad < 0 ? 0 : lo - pad;
    hi = hi < 0 && hi + pad > 0 ? 0 : hi + pad;
  }
  const step = niceStep((hi - lo) / 5);
  // Decimals of the step: 0.1 + 0.2 must print as 0.3.
  const decimals = Math.min(20, Math.max(0, -Math.floor(Math.log10(step) + 1e-9)));
  const round = (v: number) => Number(v.toFixed(decimals));
  const first = Math.floor(lo / step + 1e-9);
  const last = Math.ceil(hi / step - 1e-9);
  const ticks: number[] = [];
  for (let i = first; i <= last; i++) ticks.push(round(i * step));
  return { ticks, step };
}

/** The series of an indicator's chart, in the order and colours ECharts gave them. */
function seriesOf(ind: IndicatorReport, locale: Locale, years: number[], palette: readonly string[]): Series[] {
  const index = new Map(years.map((y, i) => [y, i]));
  const along = (pairs: Iterable<[number, number]>) =>
    [...new Map(pairs)].map(([year, value]) => ({ at: index.get(year)!, value })).sort((a, b) => a.at - b.at);
  const plan: [number, number][] = [];
  if (ind.baseline) plan.push([ind.baseline.year, ind.baseline.value]);
  for (const t of ind.targets) plan.push([t.year, t.value]);
  const out: Series[] = [
    { name: label('report.chart.plan', locale), kind: 'plan', color: '', points: along(plan), symbol: 'circle', size: 8, width: 2.5, dashed: false, labelAt: 'top', labelSize: 11 },
  ];
  if (ind.actuals.length) {
    out.push({ name: label('report.chart.actual', locale), kind: 'actual', color: '', points: along(ind.actuals.map((a) => [a.year, a.value])), symbol: 'rect', size: 7, width: 2, dashed: false, labelAt: 'bottom', labelSize: 10 });
  }
  for (const r of ind.references) {
    if (!r.points.length) continue;
    out.push({
      name: local(r.label, locale),
      kind: 'reference',
      color: '',
      points: along(r.points.map((p) => [p.year, p.value])),
      symbol: r.kind === 'national' ? 'diamond' : 'triangle',
      size: 8,
      width: 1.5,
      dashed: true,
      labelAt: 'right',
      labelSize: 10,
    });
  }
  out.forEach((s, i) => (s.color = palette[i % palette.length]));
  return out;
}

/** The years the chart shows: the plan's, the actual values' and the drawn references'. */
function yearsOf(ind: IndicatorReport): number[] {
  const years = new Set<number>();
  if (ind.baseline) years.add(ind.baseline.year);
  for (const t of ind.targets) years.add(t.year);
  for (const a of ind.actuals) years.add(a.year);
  for (const r of ind.references) for (const p of r.points) years.add(p.year);
  return [...years].sort((a, b) => a - b);
}

const f1 = (v: number) => String(Math.round(v * 10) / 10);

function symbol(kind: Marker, x: number, y: number, size: number, fill: string, title: string): string {
  const h = size / 2;
  const t = `<title>${title}</title>`;
  switch (kind) {
    case 'circle':
      return `<circle cx="${f1(x)}" cy="${f1(y)}" r="${h}" fill="${fill}">${t}</circle>`;
    case 'rect':
      return `<rect x="${f1(x - h)}" y="${f1(y - h)}" width="${size}" height="${size}" fill="${fill}">${t}</rect>`;
    case 'diamond':
      return `<path d="M${f1(x)} ${f1(y - h)}L${f1(x + h)} ${f1(y)}L${f1(x)} ${f1(y + h)}L${f1(x - h)} ${f1(y)}Z" fill="${fill}">${t}</path>`;
    case 'triangle':
      return `<path d="M${f1(x)} ${f1(y - h)}L${f1(x + h)} ${f1(y + h)}L${f1(x - h)} ${f1(y + h)}Z" fill="${fill}">${t}</path>`;
  }
}

/** The legend's rows: a sample of each series' line and symbol, then its name, centred; a row wraps where it is full. */
function legend(series: Series[], ink: (typeof INK)['light']): { svg: string; rows: number } {
  const size = 11;
  const items = series.map((s) => ({ s, w: 25 + 5 + textWidth(s.name, size) }));
  const rows: (typeof items)[] = [[]];
  let used = 0;
  for (const it of items) {
    const row = rows[rows.length - 1];
    if (row.length && used + 10 + it.w > INDICATOR_WIDTH - 20) {
      rows.push([it]);
      used = it.w;
    } else {
      used += (row.length ? 10 : 0) + it.w;
      row.push(it);
    }
  }
  const out: string[] = [];
  rows.forEach((row, r) => {
    const total = row.reduce((a, it) => a + it.w, 0) + 10 * (row.length - 1);
    let x = (INDICATOR_WIDTH - total) / 2;
    const y = 12 + 20 * r;
    for (const { s, w } of row) {
      out.push(
        `<line x1="${f1(x)}" y1="${y}" x2="${f1(x + 25)}" y2="${y}" stroke="${s.color}" stroke-width="${s.width}"${s.dashed ? ' stroke-dasharray="5 4"' : ''}/>`,
        symbol(s.symbol, x + 12.5, y, s.size, s.color, escapeXml(s.name)),
        `<text x="${f1(x + 30)}" y="${y}" dy="0.35em" font-size="${size}" fill="${ink.text}">${escapeXml(s.name)}</text>`,
      );
      x += w + 10;
    }
  });
  return { svg: `<g data-part="legend">${out.join('')}</g>`, rows: rows.length };
}

/**
 * The indicator's chart: legend, an axis of years, a value axis of nice ticks with the unit,
 * each series' line and points with their values, a reference dashed; `dark` in the dark palette.
 */
export function indicatorSvg(ind: IndicatorReport, locale: Locale, theme: ChartTheme = 'light'): Chart {
  const W = INDICATOR_WIDTH;
  const H = INDICATOR_HEIGHT;
  const ink = INK[theme];
  const years = yearsOf(ind);
  const series = seriesOf(ind, locale, years, theme === 'dark' ? DARK_COLORS : COLORS);
  const name = local(ind.name, locale);
  // The title names the chart (role img): an aria-label would put the plan's text in an attribute.
  const title = escapeXml(ind.unit ? (locale === 'zh-CN' ? `${name}（${ind.unit}）` : `${name} (${ind.unit})`) : name);
  const leg = legend(series, ink);
  const out: string[] = [
    `<svg width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" role="img" font-family="${FONT_STACK}"><title>${title}</title>`,
    leg.svg,
  ];

  const values = series.flatMap((s) => s.points.map((p) => p.value));
  const top = 4 + 20 * leg.rows + 22;
  const bottom = H - 8 - 22;
  const right = W - 36;

  if (!values.length) {
    out.push(
      `<line x1="12" y1="${bottom}" x2="${right}" y2="${bottom}" stroke="${ink.axis}"/>`,
      `<text x="${W / 2}" y="${(top + bottom) / 2}" dy="0.35em" text-anchor="middle" font-size="12" fill="${ink.text}">${escapeXml(label('report.chart.no-values', locale))}</text>`,
      '</svg>',
    );
    return { svg: out.join(''), width: W, height: H };
  }

  const lo = Math.min(...values);
  const hi = Math.max(...values);
  let { ticks, step } = niceTicks(lo, hi, ind.type === 'reduction');
  // Room above the highest point for its value (labels over plan points).
  if (ticks[ticks.length - 1] - hi < 0.08 * (ticks[ticks.length - 1] - ticks[0])) ticks = [...ticks, Number((ticks[ticks.length - 1] + step).toPrecision(12))];
  // And below the lowest, off the axis of years, but not below a zero that no value is under.
  if (lo - ticks[0] < 0.08 * (ticks[ticks.length - 1] - ticks[0]) && !(ticks[0] === 0 && lo >= 0)) ticks = [Number((ticks[0] - step).toPrecision(12)), ...ticks];
  const min = ticks[0];
  const max = ticks[ticks.length - 1];
  const tickText = ticks.map((t) => NUMBER.format(t));
  const left = 12 + Math.max(...tickText.map((t) => textWidth(t, 12))) + 8;
  const y = (v: number) => bottom - ((v - min) / (max - min)) * (bottom - top);
  const band = (right - left) / years.length;
  const x = (i: number) => left + band * (i + 0.5);

  // Value axis: split lines, tick values, the unit above.
  const axis: string[] = [];
  ticks.forEach((t, i) => {
    const ty = f1(y(t));
    if (i > 0) axis.push(`<line x1="${f1(left)}" y1="${ty}" x2="${right}" y2="${ty}" stroke="${ink.split}"/>`);
    axis.push(`<text x="${f1(left - 8)}" y="${ty}" dy="0.35em" text-anchor="end" font-size="12" fill="${ink.text}">${tickText[i]}</text>`);
  });
  if (ind.unit) axis.push(`<text x="12" y="${top - 10}" font-size="11" fill="${ink.text}">${escapeXml(ind.unit)}</text>`);
  out.push(`<g data-part="y-axis">${axis.join('')}</g>`);

  // Axis of years: the line, a tick between years, every year (every second, third… where they would crowd).
  const xs: string[] = [`<line x1="${f1(left)}" y1="${bottom}" x2="${right}" y2="${bottom}" stroke="${ink.axis}"/>`];
  for (let i = 0; i <= years.length; i++) xs.push(`<line x1="${f1(left + band * i)}" y1="${bottom}" x2="${f1(left + band * i)}" y2="${bottom + 5}" stroke="${ink.axis}"/>`);
  const every = Math.max(1, Math.ceil(36 / band));
  years.forEach((yr, i) => {
    if (i % every === 0) xs.push(`<text x="${f1(x(i))}" y="${bottom + 18}" text-anchor="middle" font-size="12" fill="${ink.text}">${yr}</text>`);
  });
  out.push(`<g data-part="x-axis">${xs.join('')}</g>`);

  // Series: lines first (the legend's order), then points and their values over every line.
  // A halo of the background behind each value: a line passing under it does not cross it.
  const halo = ` ${ink.halo} stroke-width="3" stroke-linejoin="round" paint-order="stroke"`;
  const lines: string[] = [];
  const marks: string[] = [];
  for (const s of series) {
    const pts = s.points.map((p) => [x(p.at), y(p.value)] as const);
    if (pts.length > 1) {
      lines.push(`<polyline points="${pts.map(([px, py]) => `${f1(px)},${f1(py)}`).join(' ')}" fill="none" stroke="${s.color}" stroke-width="${s.width}" stroke-linejoin="round"${s.dashed ? ' stroke-dasharray="5 4"' : ''}/>`);
    }
    const g: string[] = [];
    s.points.forEach((p, i) => {
      const [px, py] = pts[i];
      const text = NUMBER.format(p.value);
      g.push(symbol(s.symbol, px, py, s.size, s.color, escapeXml(`${s.name} ${years[p.at]}: ${valueText(p.value, ind.unit)}`)));
      // A reference's value right of its point and raised off the line, which goes on to the right.
      const [lx, ly, anchor] = s.labelAt === 'top' ? [px, py - s.size / 2 - 5, 'middle'] : s.labelAt === 'bottom' ? [px, py + s.size / 2 + 4 + s.labelSize, 'middle'] : [px + s.size / 2 + 3, py - 3, 'start'];
      g.push(`<text x="${f1(lx)}" y="${f1(ly)}" text-anchor="${anchor}" font-size="${s.labelSize}" fill="${s.color}"${halo}>${text}</text>`);
    });
    marks.push(`<g data-series="${s.kind}">${g.join('')}</g>`);
  }
  out.push(lines.join(''), marks.join(''), '</svg>');
  return { svg: out.join(''), width: W, height: H };
}
