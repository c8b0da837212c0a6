/**
 * Every word the report shows that is not the plan's own (headings, column names, chart
 * legends, notes), in the message catalogue, Chinese and English.
 */
import { defineMessages, formatMessage, localize, msg, type LocalText, type Locale, type MessageArg } from '../i18n/messages';

defineMessages({
  'report.title': { en: 'Plan report: {name}', zh: '{name}实施方案报告' },
  'report.overview.no-plan': { en: 'This file belongs to no pilot plan: open a file of a plan (a folder with a *.pilot.yaml file of kind Plan) to see its overview.', zh: '此文件不属于任何试点方案：请打开某个方案的文件（含 kind 为 Plan 的 *.pilot.yaml 文件的文件夹）以查看概览。' },
  'report.made-by': { en: 'Made by pilot-plan {version} from the plan files; figures as the plan states them.', zh: '由 pilot-plan {version} 根据方案文件生成；数字均为方案所写。' },
  'report.section.summary': { en: 'Summary', zh: '概况' },
  'report.section.indicators': { en: 'Indicators and targets', zh: '指标与目标' },
  'report.section.investment': { en: 'Investment of the key projects', zh: '重点项目投资' },
  'report.section.tasks': { en: 'Tasks by area and lead department', zh: '任务：领域与牵头部门' },
  'report.section.timeline': { en: 'Timeline', zh: '时间安排' },
  'report.section.dependencies': { en: 'Task dependencies', zh: '任务依赖关系' },
  'report.section.mechanisms': { en: 'Policy mechanisms', zh: '政策机制' },
  'report.section.actions': { en: 'Public actions', zh: '全民行动' },
  'report.section.risks': { en: 'Risks', zh: '风险防范' },
  'report.section.findings': { en: 'Findings of the check', zh: '检查发现的问题' },
  'report.field.plan': { en: 'Plan', zh: '方案' },
  'report.field.pilot': { en: 'Pilot', zh: '试点' },
  'report.field.province': { en: 'Province', zh: '所在省份' },
  'report.field.batch': { en: 'Batch', zh: '批次' },
  'report.field.batch-value': { en: 'batch {batch}', zh: '第{batch}批' },
  'report.field.type.city': { en: 'city', zh: '城市' },
  'report.field.type.park': { en: 'park', zh: '园区' },
  'report.field.years': { en: 'Base year → target years (horizon)', zh: '基准年 → 目标年（规划期末）' },
  'report.field.peak': { en: 'Peak', zh: '碳达峰' },
  'report.field.peak-year': { en: 'by {year}', zh: '{year}年前' },
  'report.field.investment-declared': { en: 'Total investment stated (investmentTotal)', zh: '方案所列总投资（investmentTotal）' },
  'report.field.investment-projects': { en: 'Investment of the projects listed', zh: '所列项目投资合计' },
  'report.field.counts': { en: 'Entries', zh: '条目' },
  'report.count.files': { en: 'files: {n}', zh: '{n} 个文件' },
  'report.count.tasks': { en: 'tasks: {n}', zh: '{n} 项任务' },
  'report.count.projects': { en: 'projects: {n}', zh: '{n} 个项目' },
  'report.count.indicators': { en: 'indicators: {n}', zh: '{n} 项指标' },
  'report.count.mechanisms': { en: 'mechanisms: {n}', zh: '{n} 项机制' },
  'report.count.actions': { en: 'actions: {n}', zh: '{n} 项行动' },
  'report.count.risks': { en: 'risks: {n}', zh: '{n} 项风险' },
  'report.col.id': { en: 'ID', zh: '标识' },
  'report.col.indicator': { en: 'Indicator', zh: '指标' },
  'report.col.unit': { en: 'Unit', zh: '单位' },
  'report.col.baseline': { en: 'Baseline', zh: '基期值' },
  'report.col.targets': { en: 'Targets', zh: '目标值' },
  'report.col.reference': { en: 'National / provincial reference', zh: '国家 / 省级目标' },
  'report.col.area': { en: 'Area', zh: '领域' },
  'report.col.amount': { en: 'Investment (亿元)', zh: '投资（亿元）' },
  'report.col.share': { en: 'Share', zh: '占比' },
  'report.col.year': { en: 'Year', zh: '年份' },
  'report.col.tasks': { en: 'Tasks', zh: '任务数' },
  'report.col.leads': { en: 'Lead departments (tasks)', zh: '牵头部门（任务数）' },
  'report.col.project': { en: 'Project', zh: '项目' },
  'report.col.start': { en: 'Start', zh: '开始' },
  'report.col.end': { en: 'End', zh: '结束' },
  'report.col.status': { en: 'Status', zh: '状态' },
  'report.col.task': { en: 'Task', zh: '任务' },
  'report.col.due': { en: 'Due', zh: '完成时限' },
  'report.col.depends-on': { en: 'Depends on', zh: '前置任务' },
  'report.col.dependents': { en: 'Needed by', zh: '后续任务' },
  'report.col.type': { en: 'Type', zh: '类型' },
  'report.col.title': { en: 'Title', zh: '名称' },
  'report.col.milestone': { en: 'Milestone', zh: '节点年份' },
  'report.col.category': { en: 'Category', zh: '类别' },
  'report.col.mitigation': { en: 'Mitigation', zh: '应对措施' },
  'report.col.affects': { en: 'Affects', zh: '影响对象' },
  'report.col.rule': { en: 'Rule', zh: '规则' },
  'report.col.severity': { en: 'Severity', zh: '级别' },
  'report.col.count': { en: 'Findings', zh: '数量' },
  'report.col.place': { en: 'Where', zh: '位置' },
  'report.col.message': { en: 'Message', zh: '说明' },
  'report.severity.error': { en: 'error', zh: '错误' },
  'report.severity.warning': { en: 'warning', zh: '警告' },
  'report.severity.info': { en: 'info', zh: '提示' },
  'report.chart.plan': { en: 'Plan (baseline and targets)', zh: '方案（基期值与目标值）' },
  'report.chart.actual': { en: 'Actual', zh: '实际值' },
  'report.chart.no-values': { en: 'No value to draw: the indicator states no baseline, target or actual value.', zh: '无可绘制的数值：该指标未写基期值、目标值或实际值。' },
  'report.chart.by-area': { en: 'Investment by task area (亿元)', zh: '按任务领域的投资（亿元）' },
  'report.chart.by-year': { en: 'Investment by year (亿元)', zh: '按年度的投资（亿元）' },
  'report.chart.projects': { en: 'Projects, start to end', zh: '项目起止时间' },
  'report.chart.due': { en: 'Tasks due by year', zh: '各年到期任务数' },
  'report.note.by-area': {
    en: "A project's investment goes to the areas of the tasks it serves, split evenly where they are several; a project that names no task of the plan goes to “No area”.",
    zh: '项目投资计入其所服务任务的领域，涉及多个领域时平均分摊；未关联方案任务的项目计入“未归属领域”。',
  },
  'report.note.by-year': {
    en: "Plans state no yearly split: a project's investment is spread evenly over the months from its start to its end (a bare year runs January to December).",
    zh: '方案未列分年度投资：按项目开始至结束的月数平均分摊（只写年份的按当年1月至12月计）。',
  },
  'report.note.unscheduled': { en: 'Projects with neither start nor end: {amount} 亿元, in no year.', zh: '未写起止时间的项目：{amount} 亿元，未计入任何年度。' },
  'report.note.without-investment': { en: '{n} project(s) state no investment the report can read, and are not counted.', zh: '{n} 个项目未写明可读取的投资额，未计入。' },
  'report.note.total-differs': {
    en: 'The projects add up to {projects} 亿元, the plan states {declared} 亿元 (rule investment-total).',
    zh: '项目投资合计 {projects} 亿元，方案所列总投资 {declared} 亿元（见规则 investment-total）。',
  },
  'report.note.rows-left': { en: '{n} more in the table below.', zh: '另有 {n} 项见下表。' },
  'report.note.no-dates': { en: 'no dates', zh: '未写时间' },
  'report.note.undefined-task': { en: 'not a task of the plan', zh: '方案中无此任务' },
  'report.note.dependencies': {
    en: 'A table rather than a graph: it reads in print and in any plan size, and names every link.',
    zh: '以表格列出而非绘制关系图：便于打印，任务再多也清晰可读，且每条依赖都写明。',
  },
  'report.note.not-drawn': { en: 'not drawn: a national total is not comparable with a city’s or park’s', zh: '未绘入图中：全国总量与城市或园区的数值不可比' },
  'report.note.rows-more': { en: '… and {n} more rows: the HTML report lists every one.', zh: '……另有 {n} 行，HTML 报告列出全部。' },
  'report.note.places-left': { en: '… and {n} more.', zh: '……另有 {n} 处。' },
  'report.none': { en: 'None.', zh: '无。' },
  'report.clean': { en: 'No findings: the check found nothing to correct.', zh: '未发现问题。' },
  'report.binding': { en: 'binding', zh: '约束性' },
  'report.expected': { en: 'expected', zh: '预期性' },
});

/** A label in the locale. */
export function label(id: string, locale: Locale, args?: Record<string, MessageArg>): string {
  return formatMessage(msg(id, args), locale);
}

export function local(t: LocalText, locale: Locale): string {
  return localize(t, locale);
}

/** An amount of 亿元 as the report prints it: two decimals at most, digits grouped. */
export function amountText(v: number, locale: Locale): string {
  return amountFormat(locale).format(v);
}

// One formatter per language: toLocaleString makes a new one for every number (a tenth of a 1,000-file plan's report).
const amountFormats = new Map<Locale, Intl.NumberFormat>();
function amountFormat(locale: Locale): Intl.NumberFormat {
  let f = amountFormats.get(locale);
  if (!f) amountFormats.set(locale, (f = new Intl.NumberFormat(locale === 'zh-CN' ? 'zh-CN' : 'en-US', { maximumFractionDigits: 2 })));
  return f;
}

/** The comparator as the documents write it, before a value: ≥ 32, ≤ 20.1, ~ 35. */
export function comparatorText(c: string | undefined): string {
  return c === '>=' ? '≥ ' : c === '<=' ? '≤ ' : c === '~' ? '~ ' : '';
}

/** A value with its unit: 32%, 80 万kW. */
export function valueText(v: number, unit: string): string {
  return unit === '%' ? `${v}%` : unit ? `${v} ${unit}` : String(v);
}

/** 2023-09, 2025. */
export function yearMonthText(ym: { year: number; month?: number } | undefined): string {
  return ym ? (ym.month ? `${ym.year}-${String(ym.month).padStart(2, '0')}` : String(ym.year)) : '';
}

/** The lead departments of area `i`'s tasks, most tasks first: `市发展改革委 (3)、市工业和信息化局 (1)`. */
export function areaLeadsText(t: { leads: readonly string[]; counts: readonly (readonly number[])[] }, i: number, locale: Locale): string {
  return t.leads
    .map((lead, j) => [lead, t.counts[i][j]] as const)
    .filter(([, n]) => n > 0)
    .sort((x, y) => y[1] - x[1])
    .map(([lead, n]) => `${lead} (${n})`)
    .join(locale === 'zh-CN' ? '、' : ', ');
}
