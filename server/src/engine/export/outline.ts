/**
 * The implementation plan as its text runs, from the report model: the title, the sections a
 * Chinese government plan has (总体要求, 主要目标, 重点任务, 重点工程, 科技创新, 改革创新点,
 * 政策机制, 全民行动, 保障措施, 风险防范; only those the plan fills), their subsections and
 * items, and the annex tables. Words only, in one locale: docx.ts numbers and lays them out.
 */
import type { Locale } from '../i18n/messages';
import type { IndicatorReport, PlanReport } from '../report/model';
import type { ItemText } from '../report/plan-text';
import { AREA_NAMES } from '../report/names';
import { comparatorText, valueText } from '../report/labels';
import { joined, label, local } from './labels';

export interface OutlineItem {
  /** The item's heading words, set apart (bold) before the text. */
  head?: string;
  text: string;
}

export interface OutlineSub {
  /** Undefined: items straight under the section. */
  title?: string;
  paragraphs: string[];
  items: OutlineItem[];
}

export interface OutlineSection {
  title: string;
  paragraphs: string[];
  subs: OutlineSub[];
}

export interface OutlineTable {
  /** 附件1 / Annex 1. */
  label: string;
  title: string;
  header: string[];
  /** Each column's share of the table's width, relative to the others. */
  weights: number[];
  rows: string[][];
}

export interface Outline {
  title: string;
  /** Issuer and document number, where the plan gives them. */
  byline?: string;
  sections: OutlineSection[];
  annexes: OutlineTable[];
}

/** The plan's title, or 「<pilot>碳达峰试点实施方案」 from the pilot's name. */
export function planTitle(report: PlanReport, locale: Locale): string {
  const pilot = report.plan.pilot.name ? local(report.plan.pilot.name, locale) : (report.plan.id ?? '');
  if (report.plan.title && locale === 'zh-CN') return report.plan.title;
  if (report.plan.title && !report.plan.pilot.name) return report.plan.title;
  return label('export.title', locale, { pilot });
}

/** Sentence parts joined as the locale does: 牵头单位：甲；配合单位：乙 / Lead: a; partners: b. */
function meta(parts: (string | undefined)[], locale: Locale): string {
  const kept = parts.filter((p): p is string => !!p);
  if (!kept.length) return '';
  return locale === 'zh-CN' ? `${kept.join('；')}。` : `${kept.join('; ')}.`;
}

function sentence(s: string | undefined, locale: Locale): string {
  if (!s) return '';
  const t = s.trim();
  if (locale === 'zh-CN') return /[。！？；]$/.test(t) ? t : `${t}。`;
  return /[.!?]$/.test(t) ? `${t} ` : `${t}. `;
}

function paragraphText(...parts: string[]): string {
  return tidy(parts.filter(Boolean).join(''));
}

/** Folded YAML text (`>-`) leaves a space where a line broke: none belongs between Chinese characters or after their punctuation. */
export function tidy(s: string): string {
  return s.replace(/([\u3000-\u303f\u4e00-\u9fff\uff00-\uffef])\s+(?=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef])/g, '$1').trim();
}

/** A target value as the documents write it: 32%以上, 20.1 kgce/(m²·a)以下, 35%左右 in Chinese; ≥ 32% in English. */
function statedValue(v: number, unit: string, comparator: string | undefined, locale: Locale): string {
  const value = valueText(v, unit);
  if (locale !== 'zh-CN') return comparatorText(comparator) + value;
  return value + (comparator === '>=' ? '以上' : comparator === '<=' ? '以下' : comparator === '~' ? '左右' : '');
}

function targetsText(ind: IndicatorReport, locale: Locale): string {
  const targets = ind.targets.map((t) => {
    const value = statedValue(t.value, ind.unit, t.comparator, locale);
    const ref = t.referenceYear !== undefined && ind.type === 'reduction' ? label('export.indicator.reference', locale, { year: t.referenceYear }) : '';
    return label('export.indicator.target', locale, { year: t.year, value }) + ref;
  });
  const base = ind.baseline ? label('export.indicator.baseline', locale, { year: ind.baseline.year, value: valueText(ind.baseline.value, ind.unit) }) : '';
  return label('export.indicator.line', locale, { name: local(ind.name, locale) + base, targets: joined(targets, locale) });
}

function itemOf(x: ItemText, locale: Locale, extra: (string | undefined)[] = []): OutlineItem {
  const people = [
    x.lead ? label('export.meta.lead', locale, { value: x.lead }) : undefined,
    x.partners.length ? label('export.meta.partners', locale, { value: joined(x.partners, locale) }) : undefined,
  ];
  return { head: sentence(local(x.title, locale), locale), text: paragraphText(sentence(x.description, locale), meta([...extra, ...people], locale)) };
}

export function buildOutline(report: PlanReport, locale: Locale): Outline {
  const t = report.text;
  const sections: OutlineSection[] = [];
  const section = (key: string, subs: OutlineSub[], paragraphs: string[] = []) => {
    const kept = subs.filter((s) => s.items.length || s.paragraphs.length);
    if (kept.length || paragraphs.length) sections.push({ title: label(key, locale), paragraphs, subs: kept });
  };
  const flat = (items: OutlineItem[]): OutlineSub[] => [{ paragraphs: [], items }];

  // 一、总体要求: the positioning, the documents followed, the starting conditions.
  const b = t.baseline;
  const year = b?.year ?? report.plan.baseYear;
  const pct = (list: { name: { zh: string; en: string }; share: number }[]) => joined(list.map((s) => `${local(s.name, locale)} ${s.share}%`), locale);
  const baseline: string[] = b
    ? [
        b.energyTotal && label('export.baseline.energy', locale, { year, value: b.energyTotal }),
        b.structure.length ? label('export.baseline.structure', locale, { list: pct(b.structure) }) : undefined,
        b.emissionsTotal && label('export.baseline.emissions', locale, { year, value: b.emissionsTotal }),
        b.emissionsIndirect && label('export.baseline.indirect', locale, { value: b.emissionsIndirect }),
        b.bySector.length ? label('export.baseline.sectors', locale, { list: pct(b.bySector) }) : undefined,
        b.gdp && label('export.baseline.gdp', locale, { year, value: b.gdp }),
        b.population && label('export.baseline.population', locale, { year, value: b.population }),
        b.sources.length ? label('export.baseline.sources', locale, { list: joined(b.sources, locale) }) : undefined,
      ].filter((s): s is string => !!s)
    : [];
  const follows = (t.document?.follows ?? []).map((d) => ({
    text: paragraphText(locale === 'zh-CN' ? `《${d.title}》` : d.title, d.number || d.issuer ? (locale === 'zh-CN' ? `（${[d.issuer, d.number].filter(Boolean).join('，')}）` : ` (${[d.issuer, d.number].filter(Boolean).join(', ')})`) : ''),
  }));
  section('export.section.general', [
    { title: label('export.sub.positioning', locale), paragraphs: t.positioning ? [tidy(t.positioning)] : [], items: [] },
    { title: label('export.sub.follows', locale), paragraphs: [], items: follows },
    { title: label('export.sub.baseline', locale), paragraphs: baseline.length ? [tidy(baseline.join(locale === 'zh-CN' ? '' : ' '))] : [], items: [] },
  ]);

  // 二、主要目标: the peak, then the indicators, binding first.
  const peak = report.plan.peak?.year
    ? [report.plan.peak.level ? label('export.goals.peak-level', locale, { year: report.plan.peak.year, level: report.plan.peak.level }) : label('export.goals.peak', locale, { year: report.plan.peak.year })]
    : [];
  const indicatorItems = (pred: (i: IndicatorReport) => boolean) => report.indicators.filter(pred).map((i) => ({ text: targetsText(i, locale) }));
  section(
    'export.section.goals',
    [
      { title: label('export.sub.binding', locale), paragraphs: [], items: indicatorItems((i) => i.binding === true) },
      { title: label('export.sub.expected', locale), paragraphs: [], items: indicatorItems((i) => i.binding === false) },
      { title: label('export.sub.indicators', locale), paragraphs: [], items: indicatorItems((i) => i.binding === undefined) },
    ],
    peak,
  );

  // 三、重点任务: a subsection per area, in the order of the areas.
  const areas = [...AREA_NAMES.keys()];
  const taskAreas = [...new Set(t.tasks.map((x) => x.area))].sort((a, z) => (areas.indexOf(a) + 1 || 99) - (areas.indexOf(z) + 1 || 99));
  section(
    'export.section.tasks',
    taskAreas.map((area) => ({
      title: local(t.tasks.find((x) => x.area === area)!.areaName, locale),
      paragraphs: [],
      items: t.tasks
        .filter((x) => x.area === area)
        .map((x) => ({
          head: sentence(local(x.title, locale), locale),
          text: paragraphText(
            sentence(x.description, locale),
            meta(
              [
                x.lead ? label('export.meta.lead', locale, { value: x.lead }) : undefined,
                x.partners.length ? label('export.meta.partners', locale, { value: joined(x.partners, locale) }) : undefined,
                x.due !== undefined ? label('export.meta.due', locale, { value: x.due }) : undefined,
              ],
              locale,
            ),
          ),
        })),
    })),
  );

  // 四、重点工程.
  section(
    'export.section.projects',
    flat(
      t.projects.map((p) => ({
        head: sentence(local(p.name, locale), locale),
        text: paragraphText(
          sentence(p.description, locale),
          meta(
            [
              p.owner && label('export.meta.owner', locale, { value: p.owner }),
              p.location && label('export.meta.location', locale, { value: p.location }),
              p.start || p.end ? label('export.meta.period', locale, { value: [p.start, p.end].filter(Boolean).join('—') }) : undefined,
              p.capacity && label('export.meta.capacity', locale, { value: p.capacity }),
              p.investment && label('export.meta.investment', locale, { value: p.investment }),
              p.reduction && label('export.meta.reduction', locale, { value: p.reduction }),
            ],
            locale,
          ),
        ),
      })),
    ),
  );

  const refs = (x: ItemText) => [
    x.tasks.length ? label('export.meta.tasks', locale, { value: joined(x.tasks, locale) }) : undefined,
    x.projects.length ? label('export.meta.projects', locale, { value: joined(x.projects, locale) }) : undefined,
  ];
  section('export.section.technology', flat(t.technology.map((x) => itemOf(x, locale, refs(x)))));
  section('export.section.reforms', flat(t.reforms.map((x) => itemOf(x, locale, [x.more && label('export.meta.experience', locale, { value: x.more }), ...refs(x)]))));
  section('export.section.mechanisms', flat(t.mechanisms.map((x) => itemOf(x, locale, [x.year !== undefined ? label('export.meta.milestone', locale, { value: x.year }) : undefined]))));
  section('export.section.actions', flat(t.actions.map((x) => itemOf(x, locale, [x.more && label('export.meta.audience', locale, { value: x.more })]))));
  section('export.section.safeguards', flat(t.safeguards.map((x) => itemOf(x, locale))));
  section(
    'export.section.risks',
    flat(t.risks.map((x) => itemOf(x, locale, [x.more && label('export.meta.mitigation', locale, { value: x.more }), x.tasks.length ? label('export.meta.affects', locale, { value: joined(x.tasks, locale) }) : undefined]))),
  );

  const doc = t.document;
  const byline = doc && (doc.issuer || doc.number) ? [doc.issuer, doc.number, doc.issued].filter(Boolean).join(locale === 'zh-CN' ? '　' : ', ') : undefined;
  return { title: planTitle(report, locale), byline, sections, annexes: annexes(report, locale) };
}

/** 附件1 重点任务表, 附件2 重点项目表, 附件3 指标表 (baseline and a column per target year). */
function annexes(report: PlanReport, locale: Locale): OutlineTable[] {
  const t = report.text;
  const c = (id: string, args?: Record<string, string | number>) => label(`export.col.${id}`, locale, args);
  const out: OutlineTable[] = [];
  const annex = (key: string, header: string[], weights: number[], rows: string[][]) => {
    if (rows.length) out.push({ label: label('export.annex', locale, { n: out.length + 1 }), title: label(key, locale), header, weights, rows });
  };
  annex(
    'export.annex.tasks',
    [c('no'), c('id'), c('task'), c('area'), c('lead'), c('partners'), c('due')],
    [5, 14, 33, 12, 12, 18, 6],
    t.tasks.map((x, i) => [String(i + 1), x.id, local(x.title, locale), local(x.areaName, locale), x.lead ?? '', joined(x.partners, locale), x.due !== undefined ? String(x.due) : '']),
  );
  annex(
    'export.annex.projects',
    [c('no'), c('id'), c('project'), c('owner'), c('location'), c('period'), c('investment'), c('status')],
    [5, 14, 25, 18, 12, 10, 8, 8],
    t.projects.map((p, i) => [String(i + 1), p.id, local(p.name, locale), p.owner ?? '', p.location ?? '', [p.start, p.end].filter(Boolean).join('—'), p.investment ?? '', p.status ? local(p.status, locale) : '']),
  );
  const years = report.plan.targetYears.length ? report.plan.targetYears : [...new Set(report.indicators.flatMap((i) => i.targets.map((x) => x.year)))].sort();
  annex(
    'export.annex.indicators',
    [c('no'), c('id'), c('indicator'), c('unit'), c('nature'), c('baseline'), ...years.map((year) => c('target', { year }))],
    [5, 16, 31, 10, 8, 10, ...years.map(() => 10)],
    report.indicators.map((ind, i) => [
      String(i + 1),
      ind.id,
      local(ind.name, locale),
      ind.unit,
      ind.binding === undefined ? '' : label(ind.binding ? 'export.binding' : 'export.expected', locale),
      ind.baseline ? `${ind.baseline.value}（${ind.baseline.year}）`.replace(/（(\d+)）/, locale === 'zh-CN' ? '（$1年）' : ' ($1)') : '',
      ...years.map((y) => {
        const x = ind.targets.find((tg) => tg.year === y);
        return x ? comparatorText(x.comparator) + String(x.value) : '';
      }),
    ]),
  );
  return out;
}
