/**
 * The indicator chart's own SVG writer: nice ticks, every series with its points and values,
 * a dashed line only for a reference, text made inert, the dark palette, indicators with no
 * or one value, and the chart's name for screen readers.
 */
import * as assert from 'node:assert/strict';
import { COLORS, DARK_COLORS } from '../../server/src/engine/report/charts';
import { indicatorSvg, niceTicks, textWidth } from '../../server/src/engine/report/indicator-svg';
import type { IndicatorReport } from '../../server/src/engine/report/model';
import { fixtureReport } from './fixture';

function indicator(over: Partial<IndicatorReport> = {}): IndicatorReport {
  return { id: 'IND-X', name: { zh: '非化石能源消费比重', en: 'Share of non-fossil energy' }, unit: '%', targets: [], references: [], actuals: [], file: 'i.pilot.yaml', ...over };
}

/** The texts of an SVG, unescaped, in order. */
function texts(svg: string, part?: string): string[] {
  const scope = part ? (new RegExp(`<g data-(?:part|series)="${part}">(.*?)</g>`).exec(svg)?.[1] ?? '') : svg;
  return [...scope.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1].replace(/&#(\d+);/g, (_, c: string) => String.fromCharCode(Number(c))));
}

describe('report: the indicator chart’s SVG', () => {
  describe('nice ticks', () => {
    it('steps of 1, 2 or 5 times a power of ten that cover the values', () => {
      assert.deepEqual(niceTicks(18, 65).ticks, [10, 20, 30, 40, 50, 60, 70]);
      assert.deepEqual(niceTicks(26.5, 35).ticks, [26, 28, 30, 32, 34, 36]);
      assert.deepEqual(niceTicks(0.12, 0.47).ticks, [0.1, 0.2, 0.3, 0.4, 0.5]);
      assert.deepEqual(niceTicks(1200, 98000).ticks, [0, 20000, 40000, 60000, 80000, 100000]);
    });

    it('ranges with negative values, across zero and below it', () => {
      assert.deepEqual(niceTicks(-12, 30).ticks, [-20, -10, 0, 10, 20, 30]);
      assert.deepEqual(niceTicks(-8.5, -2).ticks, [-9, -8, -7, -6, -5, -4, -3, -2]);
      for (const [lo, hi] of [[-12, 30], [-8.5, -2], [-0.03, 0.07]]) {
        const t = niceTicks(lo, hi).ticks;
        assert.ok(t[0] <= lo && t[t.length - 1] >= hi, `${t} covers ${lo}–${hi}`);
      }
    });

    it('from zero where asked (reductions)', () => {
      assert.deepEqual(niceTicks(18, 65, true).ticks, [0, 10, 20, 30, 40, 50, 60, 70]);
      assert.deepEqual(niceTicks(-30, -10, true).ticks, [-30, -25, -20, -15, -10, -5, 0]);
    });

    it('a single value: a range around it, not below zero for a positive one', () => {
      assert.deepEqual(niceTicks(14.5, 14.5).ticks, [6, 8, 10, 12, 14, 16, 18, 20, 22]);
      const one = niceTicks(14.5, 14.5).ticks;
      assert.ok(one[0] <= 14.5 && one[one.length - 1] >= 14.5 && one[0] >= 0 && one.length >= 3, String(one));
      assert.deepEqual(niceTicks(0, 0).ticks, [-1, -0.5, 0, 0.5, 1]);
      const neg = niceTicks(-4, -4).ticks;
      assert.ok(neg[0] <= -4 && neg[neg.length - 1] <= 0 && neg[neg.length - 1] >= -4, String(neg));
    });

    it('prints steps of tenths without the floating point’s tail', () => {
      for (const t of niceTicks(0.1, 0.7).ticks) assert.ok(String(t).length <= 4, String(t));
    });
  });

  it('draws every series of the fixture with its legend entry, its points and their values', () => {
    const ind = fixtureReport('en', { actuals: new Map([['IND-SHARE', [{ year: 2022, value: 25 }]]]) }).indicators[0];
    const { svg, width, height } = indicatorSvg(ind, 'en');
    assert.equal(width, 520);
    assert.equal(height, 260);
    assert.deepEqual(texts(svg, 'legend'), ['Plan (baseline and targets)', 'Actual', 'Guangdong target', 'National target']);
    const plan = [...(ind.baseline ? [ind.baseline.value] : []), ...ind.targets.map((t) => t.value)].map(String);
    assert.deepEqual(texts(svg, 'plan'), plan);
    assert.deepEqual(texts(svg, 'actual'), ['25']);
    // Each point is named for what it is (a tooltip, and for screen readers): the actual value as actual.
    assert.match(svg, /<rect [^>]*><title>Actual 2022: 25%<\/title><\/rect>/);
    const refs = [...svg.matchAll(/<g data-series="reference">(.*?)<\/g>/g)];
    assert.equal(refs.length, 2);
    const years = texts(svg, 'x-axis');
    assert.deepEqual(years, [...years].sort());
    assert.ok(years.includes('2022') && years.includes(String(ind.targets[ind.targets.length - 1].year)), years.join(' '));
    // The unit over the value axis, with its ticks.
    assert.equal(texts(svg, 'y-axis').pop(), '%');
    assert.ok(texts(svg, 'y-axis').length >= 4);
    assert.match(svg, /font-family="'Noto Sans CJK SC'/);
  });

  it('draws a dashed line only where there is a reference, in Chinese and English', () => {
    const ref = indicator({
      baseline: { year: 2020, value: 26.5 },
      targets: [{ year: 2025, value: 32 }, { year: 2030, value: 35 }],
      references: [{ kind: 'provincial', label: { zh: '广东省目标', en: 'Guangdong target' }, source: { zh: 's', en: 's' }, points: [{ year: 2025, value: 32, text: { zh: 't', en: 't' } }, { year: 2030, value: 35, text: { zh: 't', en: 't' } }], texts: [] }],
    });
    const zh = indicatorSvg(ref, 'zh-CN').svg;
    assert.deepEqual(texts(zh, 'legend'), ['方案（基期值与目标值）', '广东省目标']);
    // The legend's sample and the line itself.
    assert.equal(zh.split('stroke-dasharray').length - 1, 2);
    assert.match(zh, /<polyline [^>]*stroke-dasharray/);
    const none = indicatorSvg({ ...ref, references: [] }, 'zh-CN').svg;
    assert.doesNotMatch(none, /stroke-dasharray/);
    assert.doesNotMatch(none, /data-series="reference"/);
    // A reference with no drawable point (a national total) draws nothing either.
    const undrawn = indicatorSvg({ ...ref, references: [{ ...ref.references[0], points: [] }] }, 'en').svg;
    assert.doesNotMatch(undrawn, /stroke-dasharray/);
    assert.deepEqual(texts(undrawn, 'legend'), ['Plan (baseline and targets)']);
  });

  it('makes the plan’s text inert: names, unit and reference labels with < & "', () => {
    const hostile = indicator({
      name: { zh: '指标 <script>&"', en: 'A <b> & "c"' },
      unit: '<t>&"',
      targets: [{ year: 2025, value: 1 }],
      references: [{ kind: 'national', label: { zh: '<国家>', en: '<img src=x onerror="1">' }, source: { zh: '', en: '' }, points: [{ year: 2025, value: 2, text: { zh: '', en: '' } }], texts: [] }],
    });
    for (const locale of ['en', 'zh-CN'] as const) {
      const { svg } = indicatorSvg(hostile, locale);
      assert.doesNotMatch(svg, /<script|<b>|<img|<t>|<国家>/);
      // Every quote is inside markup of our own: attribute values hold none of the plan's.
      for (const m of svg.matchAll(/="([^"]*)"/g)) assert.doesNotMatch(m[1], /[<>]/);
      assert.ok(texts(svg).includes(locale === 'en' ? '<img src=x onerror="1">' : '<国家>'));
      assert.ok(texts(svg).includes('<t>&"'));
    }
    assert.match(indicatorSvg(hostile, 'en').svg, /<title>A &#60;b&#62; &#38; &#34;c&#34; \(&#60;t&#62;&#38;&#34;\)<\/title>/);
  });

  it('names the indicator for screen readers: role img and its title, the first child', () => {
    const { svg } = indicatorSvg(indicator({ targets: [{ year: 2025, value: 30 }] }), 'zh-CN');
    assert.match(svg, /^<svg [^>]*role="img"[^>]*><title>非化石能源消费比重（%）<\/title>/);
  });

  it('draws in the dark palette, with light text, for a dark theme', () => {
    const ind = fixtureReport('en').indicators[0];
    const light = indicatorSvg(ind, 'en').svg;
    const dark = indicatorSvg(ind, 'en', 'dark').svg;
    const colours = (svg: string) => new Set([...svg.matchAll(/(?:fill|stroke)="(#[0-9a-f]{6})"/g)].map((m) => m[1]));
    for (const c of COLORS.slice(0, 3)) {
      assert.ok(colours(light).has(c) && !colours(dark).has(c), c);
    }
    for (const c of DARK_COLORS.slice(0, 3)) assert.ok(colours(dark).has(c), c);
    const axisText = (svg: string) => /<text [^>]*fill="(#[0-9a-f]{6})"[^>]*>2/.exec(svg.split('data-part="x-axis"')[1])![1];
    const luminance = (hex: string) => [1, 3, 5].reduce((s, i) => s + parseInt(hex.slice(i, i + 2), 16), 0) / 3;
    assert.ok(luminance(axisText(dark)) > 160 && luminance(axisText(light)) < 110);
    // No white halo behind values on a dark background: the editor's.
    assert.doesNotMatch(dark, /#ffffff/);
    assert.match(dark, /<text [^>]*style="stroke:var\(--vscode-editor-background,#1e1e1e\)"[^>]*paint-order="stroke"/);
  });

  it('an indicator with no value says so; one with a single value draws its point', () => {
    const empty = indicatorSvg(indicator(), 'en').svg;
    assert.match(empty, /^<svg [^>]*role="img"/);
    assert.ok(texts(empty).some((t) => t.startsWith('No value to draw')));
    assert.doesNotMatch(empty, /<polyline|data-series=/);
    assert.ok(texts(indicatorSvg(indicator(), 'zh-CN').svg).some((t) => t.startsWith('无可绘制的数值')));
    const one = indicatorSvg(indicator({ targets: [{ year: 2025, value: 14.5 }] }), 'en').svg;
    assert.doesNotMatch(one, /<polyline/);
    assert.deepEqual(texts(one, 'plan'), ['14.5']);
    assert.deepEqual(texts(one, 'x-axis'), ['2025']);
    const cy = Number(/<circle cx="[^"]*" cy="([^"]*)"/.exec(one.split('data-series="plan"')[1])![1]);
    assert.ok(cy > 50 && cy < 230, `the point at y ${cy} lies inside the plot`);
  });

  it('keeps every point and label inside the chart, negative values too', () => {
    const neg = indicator({ baseline: { year: 2020, value: -12.5 }, targets: [{ year: 2025, value: -3 }, { year: 2030, value: 4 }], actuals: [{ year: 2022, value: -20 }] });
    const { svg } = indicatorSvg(neg, 'en');
    for (const m of svg.matchAll(/<(?:text|circle|rect) x="([^"]*)" y="([^"]*)"|<circle cx="([^"]*)" cy="([^"]*)"/g)) {
      const x = Number(m[1] ?? m[3]);
      const y = Number(m[2] ?? m[4]);
      assert.ok(x >= 0 && x <= 520 && y >= 0 && y <= 260, m[0]);
    }
    assert.ok(texts(svg, 'y-axis').includes('-20') || texts(svg, 'y-axis').some((t) => Number(t.replace(/,/g, '')) <= -20), texts(svg, 'y-axis').join(' '));
    assert.deepEqual(texts(svg, 'actual'), ['-20']);
  });

  it('keeps the lowest and highest points off the plot’s edges, and a positive axis from going below zero', () => {
    const ticks = (svg: string) => texts(svg, 'y-axis').slice(0, -1).map((t) => Number(t.replace(/,/g, '')));
    // 18.2 is near a tick of its own: a step is added below it, and above the highest.
    const edge = ticks(indicatorSvg(indicator({ baseline: { year: 2020, value: 18.2 }, targets: [{ year: 2025, value: 25 }, { year: 2030, value: 33 }] }), 'en').svg);
    assert.ok(edge[0] < 18 && edge[edge.length - 1] > 34, edge.join(' '));
    const zero = ticks(indicatorSvg(indicator({ type: 'reduction', targets: [{ year: 2025, value: 0.5 }, { year: 2030, value: 65 }] }), 'en').svg);
    assert.equal(zero[0], 0);
    const low = ticks(indicatorSvg(indicator({ targets: [{ year: 2025, value: 0 }, { year: 2030, value: 3 }] }), 'en').svg);
    assert.equal(low[0], 0);
  });

  it('gives the same bytes for the same indicator, with no id a page could see twice', () => {
    const ind = fixtureReport('zh-CN').indicators[0];
    assert.equal(indicatorSvg(ind, 'zh-CN').svg, indicatorSvg(ind, 'zh-CN').svg);
    assert.doesNotMatch(indicatorSvg(ind, 'zh-CN').svg, /\sid=|\sclass=|url\(/);
  });

  it('estimates Chinese text wider than the same number of Latin letters', () => {
    assert.ok(textWidth('国家目标', 11) > textWidth('abcd', 11) * 1.5);
  });
});
