/**
 * The words of the Word and Excel exports that are not the plan's own (section headings as
 * Chinese government plans title them, table and column headings), Chinese and English.
 */
import { defineMessages, formatMessage, localize, msg, type LocalText, type Locale, type MessageArg } from '../i18n/messages';

defineMessages({
  'export.title': { en: '{pilot} Carbon Peak Pilot Implementation Plan', zh: '{pilot}碳达峰试点实施方案' },
  'export.section.general': { en: 'General requirements', zh: '总体要求' },
  'export.sub.positioning': { en: 'Positioning', zh: '功能定位' },
  'export.sub.follows': { en: 'Documents followed', zh: '编制依据' },
  'export.sub.baseline': { en: 'Starting conditions', zh: '建设基础' },
  'export.section.goals': { en: 'Main goals', zh: '主要目标' },
  'export.goals.peak': { en: 'Carbon emissions peak by {year}.', zh: '{year}年前实现碳达峰。' },
  'export.goals.peak-level': { en: 'Carbon emissions peak by {year}, at about {level}.', zh: '{year}年前实现碳达峰，峰值排放量约{level}。' },
  'export.sub.binding': { en: 'Binding indicators', zh: '约束性指标' },
  'export.sub.expected': { en: 'Expected indicators', zh: '预期性指标' },
  'export.sub.indicators': { en: 'Indicators', zh: '其他指标' },
  'export.section.tasks': { en: 'Key tasks', zh: '重点任务' },
  'export.section.projects': { en: 'Key projects', zh: '重点工程' },
  'export.section.technology': { en: 'Science and technology', zh: '科技创新' },
  'export.section.reforms': { en: 'Reforms and innovation', zh: '改革创新点' },
  'export.section.mechanisms': { en: 'Policy mechanisms', zh: '政策机制' },
  'export.section.actions': { en: 'Public actions', zh: '全民行动' },
  'export.section.safeguards': { en: 'Safeguards', zh: '保障措施' },
  'export.section.risks': { en: 'Risk prevention', zh: '风险防范' },
  'export.baseline.energy': { en: 'Total energy use in {year}: {value}.', zh: '{year}年能源消费总量{value}。' },
  'export.baseline.structure': { en: 'Energy mix: {list}.', zh: '能源消费结构：{list}。' },
  'export.baseline.emissions': { en: 'CO2 emissions in {year}: {value}.', zh: '{year}年二氧化碳排放总量{value}。' },
  'export.baseline.indirect': { en: 'Indirect emissions: {value}.', zh: '其中间接排放{value}。' },
  'export.baseline.sectors': { en: 'Emissions by sector: {list}.', zh: '分部门排放占比：{list}。' },
  'export.baseline.gdp': { en: 'Gross regional product in {year}: {value}.', zh: '{year}年地区生产总值{value}。' },
  'export.baseline.population': { en: 'Resident population in {year}: {value}.', zh: '{year}年常住人口{value}。' },
  'export.baseline.sources': { en: 'Sources: {list}.', zh: '数据来源：{list}。' },
  'export.indicator.line': { en: '{name}: {targets}.', zh: '{name}：{targets}。' },
  'export.indicator.target': { en: '{value} by {year}', zh: '到{year}年{value}' },
  'export.indicator.baseline': { en: ' (baseline {value} in {year})', zh: '（{year}年基期值{value}）' },
  'export.indicator.reference': { en: ' (from {year})', zh: '（较{year}年）' },
  'export.meta.lead': { en: 'Lead: {value}', zh: '牵头单位：{value}' },
  'export.meta.partners': { en: 'partners: {value}', zh: '配合单位：{value}' },
  'export.meta.due': { en: 'due {value}', zh: '完成时限：{value}年' },
  'export.meta.tasks': { en: 'tasks: {value}', zh: '相关任务：{value}' },
  'export.meta.projects': { en: 'projects: {value}', zh: '相关项目：{value}' },
  'export.meta.owner': { en: 'Owner: {value}', zh: '实施主体：{value}' },
  'export.meta.location': { en: 'location: {value}', zh: '建设地点：{value}' },
  'export.meta.period': { en: 'period: {value}', zh: '建设期限：{value}' },
  'export.meta.investment': { en: 'investment: {value}', zh: '总投资：{value}' },
  'export.meta.capacity': { en: 'capacity: {value}', zh: '建设规模：{value}' },
  'export.meta.reduction': { en: 'annual reduction: {value}', zh: '年减排量：{value}' },
  'export.meta.milestone': { en: 'in place by {value}', zh: '{value}年前建成' },
  'export.meta.audience': { en: 'for: {value}', zh: '面向：{value}' },
  'export.meta.experience': { en: 'Experience to spread: {value}', zh: '可复制推广经验：{value}' },
  'export.meta.mitigation': { en: 'Mitigation: {value}', zh: '防范措施：{value}' },
  'export.meta.affects': { en: 'affects: {value}', zh: '涉及：{value}' },
  'export.annex': { en: 'Annex {n}', zh: '附件{n}' },
  'export.annex.tasks': { en: 'Key tasks', zh: '重点任务表' },
  'export.annex.projects': { en: 'Key projects', zh: '重点项目表' },
  'export.annex.indicators': { en: 'Indicators', zh: '指标表' },
  'export.col.no': { en: 'No.', zh: '序号' },
  'export.col.id': { en: 'ID', zh: '编号' },
  'export.col.task': { en: 'Task', zh: '任务名称' },
  'export.col.area': { en: 'Area', zh: '领域' },
  'export.col.lead': { en: 'Lead', zh: '牵头单位' },
  'export.col.partners': { en: 'Partners', zh: '配合单位' },
  'export.col.due': { en: 'Due', zh: '完成时限' },
  'export.col.project': { en: 'Project', zh: '项目名称' },
  'export.col.owner': { en: 'Owner', zh: '实施主体' },
  'export.col.location': { en: 'Location', zh: '建设地点' },
  'export.col.period': { en: 'Period', zh: '建设期限' },
  'export.col.investment': { en: 'Investment', zh: '总投资' },
  'export.col.status': { en: 'Status', zh: '状态' },
  'export.col.indicator': { en: 'Indicator', zh: '指标名称' },
  'export.col.unit': { en: 'Unit', zh: '单位' },
  'export.col.nature': { en: 'Nature', zh: '指标属性' },
  'export.col.baseline': { en: 'Baseline', zh: '基期值' },
  'export.col.target': { en: '{year}', zh: '{year}年' },
  'export.binding': { en: 'binding', zh: '约束性' },
  'export.expected': { en: 'expected', zh: '预期性' },
  'export.list-separator': { en: ', ', zh: '、' },
});

export function label(id: string, locale: Locale, args?: Record<string, MessageArg>): string {
  return formatMessage(msg(id, args), locale);
}

export function local(t: LocalText, locale: Locale): string {
  return localize(t, locale);
}

/** A list as the locale writes one: 甲、乙 / a, b. */
export function joined(items: readonly string[], locale: Locale): string {
  return items.join(label('export.list-separator', locale));
}
